"""What a bundle installs with: install.bat, install.sh, install.py and the instructions, as the office PC meets them."""

import json
import os
import re
import shutil
import string
import subprocess
import sys
from pathlib import Path

import pytest

from bundle.wheelhouse import make_wheel
from zgrongcuo.bundle import build
from zgrongcuo.bundle.targets import PLATFORMS
from zgrongcuo.text.catalogue import _CATALOGUE

HERE = f"{sys.version_info[0]}.{sys.version_info[1]}"
LINUX = PLATFORMS["manylinux2014_x86_64"]
WINDOWS = PLATFORMS["win_amd64"]


def _stage(tmp_path, platform, pythons, name="bundle"):
    stage = tmp_path / name
    (stage / "wheels").mkdir(parents=True)
    pips = {python: f"pip-{python}-py3-none-any.whl" for python in pythons}
    build.write_files(stage, "9.9.9", platform, pips, [])
    return stage


def _pip_wheel():
    """The pip wheel this Python's ensurepip carries: a real pip, with no download."""
    import ensurepip

    found = sorted(Path(ensurepip.__file__).parent.glob("_bundled/pip-*.whl"))
    if not found:
        pytest.skip("this Python's ensurepip carries no pip wheel")
    return found[-1]


# ------------------------------------------------------------------ install.bat


@pytest.fixture
def windows(tmp_path):
    return _stage(tmp_path, WINDOWS, ["3.11", "3.12"])


def test_the_batch_files_are_ascii_with_crlf_line_ends(windows):
    for name in ("install.bat", "console.bat"):
        data = (windows / name).read_bytes()
        data.decode("ascii")  # cmd.exe reads it in the console's code page: only ASCII reads the same in all
        assert b"\n" not in data.replace(b"\r\n", b""), f"{name}: a line ends in LF alone"
        assert data.endswith(b"\r\n")


def _lines(path):
    return path.read_text(encoding="ascii").splitlines()


def test_every_label_jumped_to_exists_and_no_placeholder_is_left(windows):
    for name in ("install.bat", "console.bat"):
        text = (windows / name).read_text(encoding="ascii")
        labels = {line[1:].split()[0].lower() for line in text.splitlines() if line.startswith(":")}
        jumps = {m.lower() for m in re.findall(r"(?:goto|call) :?([A-Za-z_0-9]+)", text, flags=re.I)}
        assert jumps <= labels | {"eof"}, name
        assert not re.search(r"@[A-Z_]+@", text)


def test_every_path_is_quoted_and_none_is_expanded_inside_a_block(windows):
    # A folder may be called "D:\新建文件夹 (2)\a&b": unquoted, its space, parenthesis or & would break the line.
    for name in ("install.bat", "console.bat"):
        for line in _lines(windows / name):
            if line.lower().startswith("rem"):
                assert "%" not in line, f"{name}: cmd.exe expands % even in a remark: {line}"
                continue
            for match in re.finditer(r"%~dp0|%ZG_HERE%|%ZGRONGCUO_PYTHON%|%%~fF|%%ZG_ACTIVATE%%", line):
                assert line[: match.start()].count('"') % 2 == 1, f"{name}: unquoted path in: {line}"
            assert not line.rstrip().endswith("("), f"{name}: a block, in which %...% would be expanded early: {line}"


def test_echoed_text_is_safe_for_cmd_and_says_which_python(windows):
    echoes = [line[5:] for line in _lines(windows / "install.bat") if line.startswith("echo ")]
    assert any("Python 3.11 or 3.12 (64-bit) was not found" in e for e in echoes)
    for text in echoes:
        assert not re.search(r"(?<!\^)[&|<>]", text), text


def test_the_newest_python_is_tried_first_and_a_launcher_and_python_on_path_after_it(windows):
    text = (windows / "install.bat").read_text(encoding="ascii")
    assert "for %%V in (3.12 3.11) do if not defined ZG_PY call :fits py -%%V-64" in text
    assert text.index(":fits py -%%V-64") < text.index("call :fits py -%%V\n") < text.index("call :fits python")


def test_the_windows_instructions_open_in_notepad_chinese_first(windows):
    data = (windows / "安装说明.txt").read_bytes()
    assert data.startswith(b"\xef\xbb\xbf") and b"\n" not in data.replace(b"\r\n", b"")
    text = data.decode("utf-8-sig")
    zh, en = text.index("一、先安装 Python"), text.index("1. Install Python first")
    assert zh < en
    for words in ("zgrongcuo 9.9.9", "64 位的 Python 3.11 或 3.12", "install.bat", "console.bat", "py launcher"):
        assert words in text
    assert "Python 3.11 or 3.12 (64-bit) was not found" in text  # what install.bat shows, and what it means


# ------------------------------------------------------------------ install.sh


@pytest.fixture
def linux(tmp_path):
    return _stage(tmp_path, LINUX, [HERE], name="离线 安装包 (2)")


@pytest.mark.parametrize("shell", ["sh", "dash", "bash"])
def test_install_sh_is_plain_posix_shell(linux, shell):
    if shutil.which(shell) is None:
        pytest.skip(f"no {shell} here")
    result = subprocess.run([shell, "-n", str(linux / "install.sh")], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    data = (linux / "install.sh").read_bytes()
    assert b"\r" not in data and data.startswith(b"#!/bin/sh\n")
    assert os.access(linux / "install.sh", os.X_OK)


def _bin(folder, pythons=None):
    """A PATH of one folder: the shell and the one tool install.sh uses, and the given pythons (name -> target or exit code)."""
    folder.mkdir(exist_ok=True)
    for tool in ("sh", "dirname"):
        os.symlink(shutil.which(tool), folder / tool)
    for name, what in (pythons or {}).items():
        if isinstance(what, int):
            (folder / name).write_text(f"#!/bin/sh\nexit {what}\n")
            (folder / name).chmod(0o755)
        else:
            os.symlink(what, folder / name)
    return str(folder)


def _sh(stage, *args, path, env=None):
    environment = {"PATH": path, "HOME": str(stage), "LANG": "C.UTF-8", **(env or {})}
    return subprocess.run(["sh", str(stage / "install.sh"), *args], capture_output=True, text=True, env=environment, timeout=300)


def test_install_sh_without_a_python_says_so_in_chinese_or_english(linux, tmp_path):
    path = _bin(tmp_path / "bin", {"python3.1": 0})  # no python3 at all; a name that is not one of them
    result = _sh(linux, path=path)
    assert result.returncode == 1
    assert f"没有找到 Python {HERE}（x86_64）" in result.stderr and "安装说明.txt" in result.stderr
    assert "was not found" in _sh(linux, "--lang", "en", path=path).stderr
    assert "was not found" in _sh(linux, path=path, env={"ZGRONGCUO_LANG": "en"}).stderr


def test_install_sh_passes_over_a_python_that_does_not_fit(linux, tmp_path):
    path = _bin(tmp_path / "bin", {f"python{HERE}": 1, "python3": sys.executable})
    result = _sh(linux, "--probe", path=path)
    assert result.returncode == 0, result.stderr  # install.py --probe, run by the python3 that fits


def test_install_sh_takes_the_python_it_is_given(linux, tmp_path):
    path = _bin(tmp_path / "bin", {f"python{HERE}": 1})
    assert _sh(linux, "--probe", path=path).returncode == 1
    assert _sh(linux, "--probe", path=path, env={"ZGRONGCUO_PYTHON": sys.executable}).returncode == 0


def _other_pythons():
    """Interpreters of other Python 3 versions on this machine: on PATH, or pyenv's."""
    found = {}
    roots = []
    if shutil.which("pyenv"):
        root = subprocess.run(["pyenv", "root"], capture_output=True, text=True).stdout.strip()
        roots = sorted(Path(root, "versions").glob("3.*/bin")) if root else []
    for minor in range(4, 20):
        version = f"3.{minor}"
        if version == HERE:
            continue
        for candidate in [shutil.which(f"python{version}"), *(str(r / f"python{version}") for r in roots)]:
            if candidate and os.access(candidate, os.X_OK):
                ok = subprocess.run([candidate, "-c", "import sys; print('%d.%d' % sys.version_info[:2])"], capture_output=True, text=True)
                if ok.returncode == 0 and ok.stdout.strip() == version:
                    found[version] = candidate
                    break
    return found


OTHERS = _other_pythons()


@pytest.mark.skipif(not OTHERS, reason="no other Python 3 version on this machine")
@pytest.mark.parametrize("version", sorted(OTHERS))
def test_a_python_of_another_version_says_which_one_the_bundle_needs(linux, version):
    # install.py itself runs even on old Pythons (3.6 and later: no syntax newer than 3.4 is used).
    result = subprocess.run([OTHERS[version], str(linux / "install.py")], capture_output=True, text=True, timeout=60)
    assert result.returncode == 1
    assert f"本安装包需要 Python {HERE}" in result.stderr, result.stderr
    assert result.stderr.startswith(f"这是 Python {version}")
    assert not (linux / "venv").exists()


# ------------------------------------------------------------------ install.py


def _manifest(stage, **changes):
    path = stage / "bundle.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data.update(changes)
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def _install_py(stage, *args, env=None):
    environment = {**os.environ, **(env or {})}
    environment.pop("ZGRONGCUO_LANG", None)
    return subprocess.run([sys.executable, str(stage / "install.py"), *args], capture_output=True, text=True, env=environment, timeout=300)


def test_probe_says_only_whether_this_python_fits(linux):
    assert _install_py(linux, "--probe").returncode == 0
    _manifest(linux, python=["3.99"])
    result = _install_py(linux, "--probe")
    assert result.returncode == 1 and result.stdout == result.stderr == ""


def test_a_bundle_for_another_platform_says_which(linux):
    _manifest(linux, platform="win_amd64")
    result = _install_py(linux)
    assert result.returncode == 1 and "本安装包适用于 Windows（64 位）" in result.stderr
    assert "the bundle is for Windows (64-bit)" in _install_py(linux, "--lang", "en").stderr
    _manifest(linux, platform="manylinux2014_aarch64")
    assert "Linux ARM64" in _install_py(linux, "--lang=en").stderr


def test_a_folder_called_venv_that_is_not_a_virtual_environment_is_left_alone(linux):
    (linux / "venv").mkdir()
    (linux / "venv" / "mine.txt").write_text("keep")
    result = _install_py(linux)
    assert result.returncode == 1 and "不是本安装包建立的虚拟环境" in result.stderr
    assert (linux / "venv" / "mine.txt").read_text() == "keep"


def test_a_link_called_venv_is_left_alone(linux, tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "pyvenv.cfg").write_text("home = /nowhere\n")
    (linux / "venv").symlink_to(elsewhere)
    assert _install_py(linux).returncode == 1
    assert (elsewhere / "pyvenv.cfg").exists()


def test_it_installs_from_the_bundle_alone_whatever_pip_is_told_elsewhere(tmp_path):
    """A full installation, offline: a small zgrongcuo stand-in, into a folder with spaces and Chinese in its path."""
    stage = _stage(tmp_path, LINUX, [HERE], name="内网 电脑 (1)/zgrongcuo 包")
    pip = _pip_wheel()
    shutil.copyfile(pip, stage / "wheels" / pip.name)
    _manifest(stage, pip={HERE: pip.name})
    make_wheel(stage / "wheels", "demo-dep", "1.0")
    script = "import sys\ndef main():\n    print('zgrongcuo 9.9.9')\n"
    wheel = make_wheel(
        stage / "wheels", "zgrongcuo", "9.9.9", requires=["demo-dep"],
        files={"zgrongcuo/__init__.py": script, "zgrongcuo-9.9.9.dist-info/entry_points.txt": "[console_scripts]\nzgrongcuo = zgrongcuo:main\n"},
    )  # fmt: skip
    assert wheel.exists()
    hostile = {
        "PIP_INDEX_URL": "http://127.0.0.1:9/simple/",  # nothing listens there
        "PIP_CONSTRAINT": str(tmp_path / "no-such-constraints.txt"),
        "PIP_REQUIRE_HASHES": "1",
    }
    # ... and a Python whose ensurepip is missing, as on Debian, UOS and Kylin without python3-venv
    no_ensurepip = tmp_path / "no-ensurepip" / "ensurepip"
    no_ensurepip.mkdir(parents=True)
    (no_ensurepip / "__init__.py").write_text("raise ImportError('ensurepip is packaged apart')\n")
    hostile["PYTHONPATH"] = str(no_ensurepip.parent)
    result = _install_py(stage, env=hostile)
    assert result.returncode == 0, result.stdout + result.stderr
    command = stage / "venv" / "bin" / "zgrongcuo"
    assert "zgrongcuo 9.9.9 已安装" in result.stdout and str(command) in result.stdout
    assert subprocess.run([str(command)], capture_output=True, text=True).stdout.strip() == "zgrongcuo 9.9.9"
    site = subprocess.run(
        [str(stage / "venv" / "bin" / "python"), "-c", "import importlib.metadata as m; print(sorted(d.name for d in m.distributions()))"],
        capture_output=True, text=True,
    )  # fmt: skip
    assert site.stdout.strip() == "['demo-dep', 'pip', 'zgrongcuo']"  # an ordinary venv, with the bundle's pip
    # again: the virtual environment is kept and the installation found complete
    again = _install_py(stage, "--lang", "en", env=hostile)
    assert again.returncode == 0 and "zgrongcuo 9.9.9 is installed" in again.stdout
    assert "Making the virtual environment" not in again.stdout


# -------------------------------------------------------------- the catalogue


def _fields(template):
    return sorted({f for _, f, _, _ in string.Formatter().parse(template) if f})


def test_what_install_py_says_is_in_bundle_json_in_both_languages(linux):
    manifest = json.loads((linux / "bundle.json").read_text(encoding="utf-8"))
    used = set(re.findall(r'say\(\s*"([a-z_.]+)"', (linux / "install.py").read_text(encoding="utf-8")))
    used |= set(re.findall(r'return "(install\.[a-z_]+)"', (linux / "install.py").read_text(encoding="utf-8")))
    assert used and used <= set(manifest["messages"])
    for name in PLATFORMS:
        assert f"platform.{name}" in manifest["messages"]


def test_the_bundles_sentences_take_the_same_values_in_both_languages():
    mine = {k: v for k, v in _CATALOGUE.items() if k.startswith(("bundle.", "install."))}
    assert len(mine) > 30
    for msg_id, (zh, en) in mine.items():
        if msg_id.startswith("bundle.readme."):  # each quotes the message in its language; the Chinese explains the English
            language = {"no_python_en", "no_python_zh"}
            assert set(_fields(zh)) - language == set(_fields(en)) - language, msg_id
            assert "no_python_en" in _fields(en) and "no_python_zh" in _fields(zh)
        else:
            assert _fields(zh) == _fields(en), msg_id
