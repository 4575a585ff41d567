"""pip confined to a folder of wheels, and the package index where the tests may use it."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def local_index(tmp_path, monkeypatch):
    """pip, as the bundle runs it, finds packages only in the returned folder: no index, no configuration."""
    house = tmp_path / "wheelhouse"
    house.mkdir()
    for key in [k for k in os.environ if k.startswith("PIP_")]:
        monkeypatch.delenv(key)
    monkeypatch.setenv("PIP_CONFIG_FILE", os.devnull)
    monkeypatch.setenv("PIP_NO_INDEX", "1")
    monkeypatch.setenv("PIP_FIND_LINKS", str(house))
    monkeypatch.setenv("PIP_NO_CACHE_DIR", "1")
    return house


# ----------------------------------------------------------- the package index

_NETWORK_WANTED = os.environ.get("CI") == "true" or os.environ.get("ZGRONGCUO_NETWORK_TESTS") == "1"


@pytest.fixture(scope="session")
def package_index(tmp_path_factory):
    """Skips, saying why, unless the tests may use the package index (CI, or ZGRONGCUO_NETWORK_TESTS=1) and reach it."""
    if not _NETWORK_WANTED:
        pytest.skip("uses the package index: runs in CI (CI=true) or with ZGRONGCUO_NETWORK_TESTS=1")
    probe = tmp_path_factory.mktemp("probe")
    # One small wheel, fetched anew (no cache): the index answers, through this machine's pip settings.
    result = subprocess.run(
        [sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary=:all:", "--no-cache-dir",
         "--retries", "1", "--timeout", "20", "--disable-pip-version-check", "-d", str(probe), "mdurl"],
        capture_output=True, text=True, timeout=180,
    )  # fmt: skip
    if result.returncode != 0:
        pytest.skip("the package index cannot be reached: " + (result.stderr.strip().splitlines() or ["?"])[-1])
