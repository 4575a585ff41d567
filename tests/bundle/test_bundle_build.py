"""python -m zgrongcuo.bundle with pip's real download, from a folder of wheels made here (no network)."""

import json
import re
import stat
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

import zgrongcuo
from bundle.wheelhouse import make_wheel
from zgrongcuo.bundle.__main__ import main

ZG = "9.9.9"
LINUX = "manylinux2014_x86_64"


@pytest.fixture
def zgrongcuo_wheel(tmp_path, local_index):
    """A zgrongcuo wheel whose dependencies differ by platform and Python, and the wheels pip finds for them."""
    make_wheel(local_index, "demo-lib", "1.0")
    make_wheel(local_index, "demo-lib", "2.0", requires=["demo-leaf"])
    make_wheel(local_index, "demo-leaf", "1.0")
    make_wheel(local_index, "demo-win", "1.0", tag="py2.py3-none-any")
    make_wheel(local_index, "demo-linux", "1.0")
    make_wheel(local_index, "pip", "99.0")  # the bundle carries pip, which the installer runs from its wheel
    for tag in ("cp311-cp311-win_amd64", "cp312-cp312-win_amd64", "cp311-cp311-manylinux_2_17_x86_64.manylinux2014_x86_64"):
        make_wheel(local_index, "demo-speed", "3.0", tag=tag)
    return make_wheel(
        tmp_path / "own",
        "zgrongcuo",
        ZG,
        python=">=3.11",
        requires=["demo-lib>=1.5", "demo-speed", 'demo-win; platform_system == "Windows"', 'demo-linux; sys_platform == "linux"'],
        files={"zgrongcuo/__init__.py": ""},
    )


def _build(*args):
    return main([*args])


def _wheel_names(folder):
    return sorted(p.name for p in (folder / "wheels").iterdir())


def test_a_windows_bundle_has_the_windows_only_dependency_pip_leaves_out_from_linux(zgrongcuo_wheel, tmp_path, capsys):
    out = tmp_path / "out"
    code = _build("--from", str(zgrongcuo_wheel), "--platform", "win_amd64", "--python", "3.12", "--python", "3.11", "-o", str(out))
    captured = capsys.readouterr()
    assert code == 0, captured.err
    folder = out / f"zgrongcuo-{ZG}-win_amd64-py3.11-3.12"
    assert _wheel_names(folder) == [
        "demo_leaf-1.0-py3-none-any.whl",
        "demo_lib-2.0-py3-none-any.whl",
        "demo_speed-3.0-cp311-cp311-win_amd64.whl",
        "demo_speed-3.0-cp312-cp312-win_amd64.whl",
        "demo_win-1.0-py2.py3-none-any.whl",
        "pip-99.0-py3-none-any.whl",
        f"zgrongcuo-{ZG}-py3-none-any.whl",
    ]
    assert sorted(p.name for p in folder.iterdir()) == [
        "bundle.json", "console.bat", "install.bat", "install.py", "wheels", "安装说明.txt",
    ]  # fmt: skip
    manifest = json.loads((folder / "bundle.json").read_text(encoding="utf-8"))
    assert manifest["platform"] == "win_amd64" and manifest["python"] == ["3.11", "3.12"] and manifest["zgrongcuo"] == ZG
    assert manifest["wheels"] == _wheel_names(folder)
    assert manifest["pip"] == {"3.11": "pip-99.0-py3-none-any.whl", "3.12": "pip-99.0-py3-none-any.whl"}
    assert f"{folder}.zip" in captured.out and "demo_win-1.0-py2.py3-none-any.whl" in captured.out
    assert "win_amd64 / Python 3.11" in captured.err and "win_amd64 / Python 3.12" in captured.err


def test_a_linux_bundle_leaves_the_windows_dependency_out(zgrongcuo_wheel, tmp_path, capsys):
    assert _build("--from", str(zgrongcuo_wheel), "--platform", LINUX, "--python", "3.11", "-o", str(tmp_path)) == 0
    folder = tmp_path / f"zgrongcuo-{ZG}-{LINUX}-py3.11"
    assert _wheel_names(folder) == [
        "demo_leaf-1.0-py3-none-any.whl",
        "demo_lib-2.0-py3-none-any.whl",
        "demo_linux-1.0-py3-none-any.whl",
        "demo_speed-3.0-cp311-cp311-manylinux_2_17_x86_64.manylinux2014_x86_64.whl",
        "pip-99.0-py3-none-any.whl",
        f"zgrongcuo-{ZG}-py3-none-any.whl",
    ]
    assert sorted(p.name for p in folder.iterdir()) == ["bundle.json", "install.py", "install.sh", "wheels", "安装说明.txt"]


def test_the_zip_holds_the_folder_with_the_script_executable_and_chinese_names_in_utf8(zgrongcuo_wheel, tmp_path):
    assert _build("--from", str(zgrongcuo_wheel), "--platform", LINUX, "--python", "3.11", "-o", str(tmp_path)) == 0
    name = f"zgrongcuo-{ZG}-{LINUX}-py3.11"
    with zipfile.ZipFile(tmp_path / f"{name}.zip") as z:
        infos = {i.filename: i for i in z.infolist()}
        assert z.testzip() is None
    files = sorted(n for n in infos if not n.endswith("/"))
    on_disk = sorted(f"{name}/{p.relative_to(tmp_path / name).as_posix()}" for p in (tmp_path / name).rglob("*") if p.is_file())
    assert files == on_disk
    assert stat.S_IMODE(infos[f"{name}/install.sh"].external_attr >> 16) == 0o755
    assert infos[f"{name}/安装说明.txt"].flag_bits & 0x800  # the name is UTF-8, and says so
    assert all(i.compress_type == zipfile.ZIP_STORED for n, i in infos.items() if n.endswith(".whl"))


def test_a_dependency_with_only_a_source_package_is_refused(zgrongcuo_wheel, tmp_path, local_index, capsys):
    needs_compiler = make_wheel(tmp_path / "own2", "zgrongcuo", ZG, requires=["demo-c"])
    (local_index / "demo-c-1.0.tar.gz").write_bytes(b"")  # an sdist: pip may not take it with --only-binary
    code = _build("--from", str(needs_compiler), "--platform", "win_amd64", "--python", "3.12", "-o", str(tmp_path / "o"))
    err = capsys.readouterr().err
    assert code == 1
    assert "demo-c" in err and "wheel" in err and "编译" in err
    assert not (tmp_path / "o").exists() or not any((tmp_path / "o").iterdir())  # nothing half-made left


def test_an_unreachable_index_is_said_to_be_unreachable(zgrongcuo_wheel, tmp_path, monkeypatch, capsys):
    monkeypatch.delenv("PIP_NO_INDEX")
    monkeypatch.delenv("PIP_FIND_LINKS")
    monkeypatch.setenv("PIP_INDEX_URL", "http://127.0.0.1:9/simple/")  # the discard port: nothing listens
    # pip says it could not connect only when it retries: with no retry it reports no such package
    monkeypatch.setenv("PIP_RETRIES", "1")
    monkeypatch.setenv("PIP_TIMEOUT", "5")
    code = _build("--from", str(zgrongcuo_wheel), "--platform", LINUX, "--python", "3.11", "-o", str(tmp_path), "--lang", "en")
    err = capsys.readouterr().err
    assert code == 1
    assert "the package index cannot be reached" in err and "127.0.0.1" in err


def test_an_existing_bundle_is_replaced_only_with_force_and_nothing_else_ever(zgrongcuo_wheel, tmp_path, capsys):
    args = ("--from", str(zgrongcuo_wheel), "--platform", LINUX, "--python", "3.11", "-o", str(tmp_path))
    assert _build(*args) == 0
    folder = tmp_path / f"zgrongcuo-{ZG}-{LINUX}-py3.11"
    (folder / "note.txt").write_text("mine")
    capsys.readouterr()
    assert _build(*args) == 2
    assert "--force" in capsys.readouterr().err and (folder / "note.txt").exists()
    assert _build(*args, "--force") == 0
    assert not (folder / "note.txt").exists() and (folder / "install.sh").exists()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # no partial or old copies left

    (folder / "bundle.json").unlink()  # a folder of that name that is not a bundle
    assert _build(*args, "--force") == 2
    assert "不会删除" in capsys.readouterr().err and (folder / "install.sh").exists()


def test_an_output_that_is_not_a_folder_is_refused_and_one_that_cannot_be_made_is_said(zgrongcuo_wheel, tmp_path, capsys):
    afile = tmp_path / "a file"
    afile.write_text("mine")
    args = ("--from", str(zgrongcuo_wheel), "--platform", LINUX, "--python", "3.11")
    assert _build(*args, "-o", str(afile)) == 2
    assert "不是文件夹" in capsys.readouterr().err
    assert _build(*args, "-o", str(afile / "sub")) == 1
    err = capsys.readouterr().err
    assert "无法写入：" in err and "{" not in err
    assert afile.read_text() == "mine"


def test_a_python_zgrongcuo_does_not_run_on_is_a_usage_error(zgrongcuo_wheel, tmp_path, capsys):
    assert _build("--from", str(zgrongcuo_wheel), "--platform", LINUX, "--python", "3.10", "-o", str(tmp_path)) == 2
    assert "Python >=3.11" in capsys.readouterr().err


# --------------------------------------------------------------- the command line


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["--platfrom", "win_amd64"], ["没有选项 --platfrom（是否想写“--platform”？）"]),
        (["--platform", "win64"], ["“win64”不是可选的值", "win_amd64"]),
        (["--python", "3"], ["“3”不是 Python 版本"]),
        (["--python", "2.7"], ["2.7"]),
        (["--python"], ["选项 --python 需要一个值"]),
        (["stray"], ["多余的参数：stray"]),
        (["--lang", "fr"], ["fr", "zh, en"]),
    ],
)
def test_usage_errors_say_what_and_where_help_is_and_exit_2(args, words, capsys):
    assert main(args) == 2
    err = capsys.readouterr().err
    for word in words:
        assert word in err
    if "--lang" not in args:
        assert "查看帮助：zgrongcuo bundle -h" in err


def test_help_in_chinese_and_in_english(capsys):
    assert main(["-h"]) == 0
    zh = capsys.readouterr().out
    assert zh.startswith("用法：zgrongcuo bundle") and "manylinux2014_aarch64" in zh and "退出码" in zh
    assert main(["--help", "--lang", "en"]) == 0
    assert capsys.readouterr().out.startswith("Usage: zgrongcuo bundle")


def test_a_source_that_is_not_zgrongcuo_is_refused(tmp_path, local_index, capsys):
    other = make_wheel(tmp_path, "requests", "2.0")
    assert main(["--from", str(other), "-o", str(tmp_path / "o")]) == 2
    assert "requests" in capsys.readouterr().err
    assert main(["--from", str(tmp_path), "-o", str(tmp_path / "o")]) == 2
    assert "pyproject.toml" in capsys.readouterr().err
    broken = tmp_path / "zgrongcuo-1.0-py3-none-any.whl"
    broken.write_bytes(b"not a zip")
    assert main(["--from", str(broken), "-o", str(tmp_path / "o")]) == 2  # a usage error, not an internal one
    assert "pyproject.toml" in capsys.readouterr().err


def test_without_packaging_it_says_how_to_get_it(monkeypatch, tmp_path, capsys):
    import importlib.util

    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == "packaging" else real(name, *a))
    assert main(["--platform", LINUX, "-o", str(tmp_path)]) == 1
    assert "pip install packaging" in capsys.readouterr().err


def test_python_m_runs_it():
    result = subprocess.run([sys.executable, "-m", "zgrongcuo.bundle", "--lang", "en", "-h"], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0 and result.stdout.startswith("Usage: zgrongcuo bundle")


# ------------------------------------------------------------------ start-up


def test_no_other_module_imports_the_bundle():
    package = Path(zgrongcuo.__file__).parent
    for path in package.rglob("*.py"):
        if "bundle" in path.relative_to(package).parts or path == package / "cli" / "bundle.py":
            continue  # the bundle itself, and its command
        imports = re.compile(r"^\s*(from zgrongcuo\.bundle\b|import zgrongcuo\.bundle\b|from zgrongcuo import .*\bbundle\b)", re.M)
        assert not imports.search(path.read_text(encoding="utf-8")), path


def test_checking_a_case_loads_neither_the_bundle_nor_packaging():
    case = Path(__file__).resolve().parents[2] / "examples" / "zigui-2014-57-insurance.yaml"
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "zgrongcuo", "check", str(case), "--format", "json"],
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert result.returncode == 0 and json.loads(result.stdout)["outcome"] == "exempt"
    imported = {line.split("|")[-1].strip() for line in result.stderr.splitlines() if line.startswith("import time:")}
    assert "zgrongcuo.text.catalogue" in imported  # the probe sees the modules a check loads
    assert not {name for name in imported if name.startswith(("zgrongcuo.bundle", "packaging"))}
