"""The bundle's zgrongcuo wheel: built from a checkout, or packed again from an installation, file for file."""

import json
import os
import subprocess
import sys
import zipfile
from importlib import metadata
from pathlib import Path

import pytest

from zgrongcuo.bundle.download import BundleError
from zgrongcuo.bundle.source import _editable_checkout, repack, zgrongcuo_wheel
from zgrongcuo.errors import UsageError

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory):
    out = tmp_path_factory.mktemp("wheel")
    env = {**os.environ, "PIP_DISABLE_PIP_VERSION_CHECK": "1"}
    command = [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--no-index", "--no-cache-dir"]
    result = subprocess.run([*command, "-w", str(out), str(ROOT)], capture_output=True, text=True, env=env, timeout=180)
    assert result.returncode == 0, result.stderr
    [built] = out.glob("zgrongcuo-*.whl")
    return built


@pytest.fixture
def installed(wheel, tmp_path):
    """The wheel installed as pip installs it (byte code, console script, RECORD), in a folder of its own."""
    site = tmp_path / "site"
    command = [sys.executable, "-m", "pip", "install", "--no-deps", "--no-index", "--no-cache-dir", "--target", str(site)]
    result = subprocess.run([*command, str(wheel)], capture_output=True, text=True, timeout=180)
    assert result.returncode == 0, result.stderr
    [dist_info] = site.glob("zgrongcuo-*.dist-info")
    return metadata.Distribution.at(dist_info)


def _members(path):
    with zipfile.ZipFile(path) as z:
        return {name: z.read(name) for name in z.namelist() if not name.endswith("/RECORD")}


def test_the_wheel_carries_the_bundle_and_its_install_files(wheel):
    names = set(_members(wheel))
    for name in ("__main__.py", "build.py", "files/install.py", "files/install.bat", "files/install.sh", "files/console.bat"):
        assert f"zgrongcuo/bundle/{name}" in names


def test_an_installation_packs_back_into_the_wheel_it_came_from(wheel, installed, tmp_path):
    repacked = repack(installed, tmp_path)
    assert repacked.name == wheel.name
    assert _members(repacked) == _members(wheel)
    with zipfile.ZipFile(repacked) as z:
        record = z.read(next(n for n in z.namelist() if n.endswith(".dist-info/RECORD"))).decode()
    assert len(record.splitlines()) == len(_members(wheel)) + 1
    # pip itself takes it
    check = subprocess.run(
        [sys.executable, "-m", "pip", "install", "--dry-run", "--no-deps", "--no-index", "--ignore-installed", str(repacked)],
        capture_output=True, text=True, timeout=180,
    )  # fmt: skip
    assert check.returncode == 0, check.stderr


def test_an_installation_changed_since_is_not_packed(installed, tmp_path):
    criteria = [f for f in installed.files if f.name == "criteria.yaml"][0]
    path = criteria.locate()
    path.write_bytes(path.read_bytes() + b"\n# edited in place\n")
    with pytest.raises(BundleError) as error:
        repack(installed, tmp_path)
    assert error.value.msg_id == "bundle.installed_changed" and "criteria.yaml" in error.value.file


def test_an_editable_installation_is_built_from_its_checkout(tmp_path):
    dist_info = tmp_path / "zgrongcuo-0.1.0.dist-info"
    dist_info.mkdir()
    (dist_info / "METADATA").write_text("Name: zgrongcuo\nVersion: 0.1.0\n")
    checkout = tmp_path / "源码 checkout"
    (dist_info / "direct_url.json").write_text(json.dumps({"url": checkout.as_uri(), "dir_info": {"editable": True}}))
    assert _editable_checkout(metadata.Distribution.at(dist_info)) == checkout
    (dist_info / "direct_url.json").write_text(json.dumps({"url": checkout.as_uri(), "dir_info": {}}))
    assert _editable_checkout(metadata.Distribution.at(dist_info)) is None


def test_a_wheel_given_is_taken_as_it_is(wheel, tmp_path):
    taken = zgrongcuo_wheel(wheel, tmp_path, lambda *a, **k: None)
    assert taken.read_bytes() == wheel.read_bytes()
    not_a_source = tmp_path / "notes.txt"
    not_a_source.write_text("")
    with pytest.raises(UsageError):
        zgrongcuo_wheel(not_a_source, tmp_path, lambda *a, **k: None)
