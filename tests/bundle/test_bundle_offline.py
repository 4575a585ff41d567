"""Real bundles, from this checkout and the package index: installed with the network off, and checked for other platforms.

These use the package index (the ``package_index`` fixture: CI, or
ZGRONGCUO_NETWORK_TESTS=1) and skip, saying so, where it cannot be reached.
Installing never uses it: pip is given no index, no configuration, and where
the tests may make a network namespace (root, as in CI), no network at all.
"""

import json
import os
import shutil
import subprocess
import sys
import zipfile
from email.parser import BytesHeaderParser
from pathlib import Path

import pytest
from packaging.markers import Marker
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name, parse_wheel_filename

from zgrongcuo.render.registry import OutputFormat

ROOT = Path(__file__).resolve().parents[2]
ARTICLE_CASE = ROOT / "examples" / "zigui-2014-57-insurance.yaml"
HERE = f"{sys.version_info[0]}.{sys.version_info[1]}"
HOST = {"linux-x86_64": "manylinux2014_x86_64", "linux-aarch64": "manylinux2014_aarch64"}


def _bundle(*args, cwd):
    result = subprocess.run(
        [sys.executable, "-m", "zgrongcuo.bundle", *args], capture_output=True, text=True, cwd=cwd, timeout=900
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result


def _no_network():
    """The command prefix that runs a program with no network at all, if this user may make one."""
    unshare = shutil.which("unshare")
    if unshare and subprocess.run([unshare, "--net", "true"], capture_output=True).returncode == 0:
        return [unshare, "--net"]
    return []


# ------------------------------------------------------- this machine's bundle


def test_a_bundle_for_this_machine_installs_with_no_network_and_screens_the_article_case(package_index, tmp_path):
    import sysconfig

    if sysconfig.get_platform() not in HOST:
        pytest.skip(f"no bundle platform for {sysconfig.get_platform()}")
    out = tmp_path / "built"
    _bundle("--from", str(ROOT), "-o", str(out), cwd=tmp_path)  # this checkout, this machine's platform and Python
    [archive] = out.glob("*.zip")

    # Copied to another computer: unpacked into a new folder whose name has spaces, Chinese and an ampersand.
    elsewhere = tmp_path / "内网 电脑" / "新建文件夹 (2) & 备份"
    with zipfile.ZipFile(archive) as z:
        z.extractall(elsewhere)
    [folder] = elsewhere.iterdir()
    assert sorted(p.name for p in folder.iterdir()) == ["bundle.json", "install.py", "install.sh", "wheels", "安装说明.txt"]

    # The only Python on PATH that fits is this one; pip may use no index, no configuration, no network.
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    os.symlink(sys._base_executable if hasattr(sys, "_base_executable") else sys.executable, bin_dir / f"python{HERE}")
    env = {
        "PATH": f"{bin_dir}:/usr/bin:/bin",
        "HOME": str(tmp_path),
        "LANG": "C.UTF-8",
        "PIP_NO_INDEX": "1",
        "PIP_CONFIG_FILE": os.devnull,
    }
    offline = _no_network()
    installed = subprocess.run(
        [*offline, "sh", str(folder / "install.sh")], capture_output=True, text=True, env=env, timeout=900
    )
    assert installed.returncode == 0, installed.stdout + installed.stderr
    command = folder / "venv" / "bin" / "zgrongcuo"
    assert f"命令：'{command}'" in installed.stdout

    # The installed command, from a folder of the user's, on the article's case.
    cases = tmp_path / "案件"
    cases.mkdir()
    case = cases / "秭归 2014-57.yaml"
    shutil.copyfile(ARTICLE_CASE, case)

    def run(*args):
        return subprocess.run([*offline, str(command), *args], capture_output=True, cwd=cases, env=env, timeout=120)

    screened = run("check", case.name)
    assert screened.returncode == 0, screened.stderr.decode()
    assert "(exempt)" in screened.stdout.decode()
    as_json = run("check", case.name, "--format", "json")
    assert json.loads(as_json.stdout)["outcome"] == "exempt"
    # Every format, Word included, works from the bundle.
    for fmt in OutputFormat:
        if not fmt.is_report and not fmt.binary:
            result = run("check", case.name, "--format", fmt.value)
            assert result.returncode == 0 and result.stdout, (fmt, result.stderr.decode())
            continue
        report = cases / f"report-{fmt.value}.{fmt.value}"
        result = run("check", case.name, "--format", fmt.value, "-o", report.name)
        assert result.returncode == 0, (fmt, result.stderr.decode())
        assert report.stat().st_size > 0
        if fmt.binary:  # an Office document: a zip that names the case inside
            with zipfile.ZipFile(report) as document:
                assert any(b"ZG-2014-57" in document.read(n) for n in document.namelist() if n.endswith(".xml"))


# ------------------------------------------------------- other platforms' bundles


@pytest.fixture(scope="module")
def own_wheel(tmp_path_factory):
    out = tmp_path_factory.mktemp("own")
    command = [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--no-index", "--no-cache-dir"]
    result = subprocess.run([*command, "-w", str(out), str(ROOT)], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    [wheel] = out.glob("zgrongcuo-*.whl")
    return wheel


_ENVIRONMENTS = {  # PEP 508's markers on the target, written out here apart from the bundle's own table
    "win_amd64": {"os_name": "nt", "sys_platform": "win32", "platform_system": "Windows", "platform_machine": "AMD64"},
    "manylinux2014_x86_64": {"os_name": "posix", "sys_platform": "linux", "platform_system": "Linux", "platform_machine": "x86_64"},
    "manylinux2014_aarch64": {"os_name": "posix", "sys_platform": "linux", "platform_system": "Linux", "platform_machine": "aarch64"},
}
_PLATFORM_WORD = {"win_amd64": "win_amd64", "manylinux2014_x86_64": "x86_64", "manylinux2014_aarch64": "aarch64"}


def _fits(filename, platform, python):
    """A wheel's name says it installs on ``platform`` with CPython ``python`` (3.12): pure, abi3 or that version's."""
    cp = "cp" + python.replace(".", "")
    for tag in parse_wheel_filename(filename)[3]:
        if tag.platform == "any" and tag.interpreter in ("py3", "py" + cp[2:]):
            return True
        if tag.platform != "any" and _PLATFORM_WORD[platform] in tag.platform:
            if platform != "win_amd64" and not tag.platform.startswith(("manylinux2014", "manylinux_2_17", "manylinux1", "manylinux2010")):
                continue  # a newer glibc than manylinux2014's
            if tag.interpreter == cp or (tag.abi == "abi3" and int(tag.interpreter[2:]) <= int(cp[2:])):
                return True
    return False


@pytest.mark.parametrize(
    ("platform", "pythons"),
    [
        ("win_amd64", ["3.11", "3.12"]),
        ("manylinux2014_aarch64", ["3.11", "3.12", "3.13"]),
        ("manylinux2014_x86_64", ["3.12", "3.13"]),
    ],
)
def test_a_bundle_for_another_platform_has_a_wheel_for_every_dependency_and_nothing_to_compile(
    package_index, own_wheel, tmp_path, platform, pythons
):
    args = ["--from", str(own_wheel), "--platform", platform, "-o", str(tmp_path)]
    for python in pythons:
        args += ["--python", python]
    _bundle(*args, cwd=tmp_path)
    [folder] = [p for p in tmp_path.iterdir() if p.is_dir()]
    files = sorted(p.name for p in (folder / "wheels").iterdir())
    assert files and all(name.endswith(".whl") for name in files), files  # no source package: nothing to compile
    assert (folder / ("install.bat" if platform == "win_amd64" else "install.sh")).exists()

    metadata = {}
    for name in files:
        with zipfile.ZipFile(folder / "wheels" / name) as z:
            [meta] = [n for n in z.namelist() if n.endswith(".dist-info/METADATA")]
            metadata[name] = BytesHeaderParser().parsebytes(z.read(meta))
    for python in pythons:
        fitting = {n: m for n, m in metadata.items() if _fits(n, platform, python)}
        by_name = {canonicalize_name(m["Name"]) for m in fitting.values()}
        assert {"zgrongcuo", "pip", "pyyaml", "rich", "python-docx", "lxml"} <= by_name, (python, sorted(by_name))
        environment = {**_ENVIRONMENTS[platform], "python_version": python, "python_full_version": f"{python}.0", "extra": ""}
        # Every dependency of every wheel there, under the target's markers, has a wheel for that Python.
        for name, meta in fitting.items():
            for line in meta.get_all("Requires-Dist") or ():
                requirement = Requirement(line)
                if requirement.marker is None or Marker(str(requirement.marker)).evaluate(environment):
                    assert canonicalize_name(requirement.name) in by_name, f"{name} needs {line} on {platform} {python}"
        # And pip, resolving from the folder alone for the target, finds everything it asks for.
        report = tmp_path / f"report-{python}.json"
        resolved = subprocess.run(
            [sys.executable, "-m", "pip", "install", "--dry-run", "--ignore-installed", "--no-index",
             "--find-links", str(folder / "wheels"), "--only-binary=:all:", "--platform", platform,
             "--python-version", python, "--implementation", "cp", "--abi", "cp" + python.replace(".", ""),
             "--target", str(tmp_path / "never-written"), "--report", str(report), "--disable-pip-version-check",
             "zgrongcuo"],
            capture_output=True, text=True, timeout=300, env={**os.environ, "PIP_CONFIG_FILE": os.devnull},
        )  # fmt: skip
        assert resolved.returncode == 0, resolved.stderr
        assert {i["metadata"]["name"].lower() for i in json.loads(report.read_text())["install"]} >= {"zgrongcuo", "lxml"}
