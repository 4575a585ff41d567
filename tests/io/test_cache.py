"""The cache of parsed criteria files: used when it matches, ignored when it does not, never required."""

import shutil

import pytest
from conftest import ROOT

from zgrongcuo.io import cache, criteria_builder


@pytest.fixture
def cache_dir(tmp_path, monkeypatch):
    monkeypatch.delenv("ZGRONGCUO_NO_CACHE", raising=False)
    monkeypatch.setenv("ZGRONGCUO_CACHE_DIR", str(tmp_path / "cache"))
    criteria_builder._memo.clear()
    yield tmp_path / "cache"
    criteria_builder._memo.clear()


def test_the_second_load_comes_from_the_cache(cache_dir, tmp_path, monkeypatch):
    path = tmp_path / "criteria.yaml"
    shutil.copy(ROOT / "criteria.yaml", path)
    first = criteria_builder.load(path)
    [entry] = list(cache_dir.iterdir())
    criteria_builder._memo.clear()
    monkeypatch.setattr(criteria_builder, "_parse", lambda *a, **k: pytest.fail("the cache was not used"))
    second = criteria_builder.load(path)
    assert second is not first
    assert second.sha256 == first.sha256 and second.path == str(path)
    assert [f.id for f in second.facts] == [f.id for f in first.facts]
    assert entry.exists()


def test_an_edited_file_is_compiled_again(cache_dir, tmp_path):
    path = tmp_path / "criteria.yaml"
    shutil.copy(ROOT / "criteria.yaml", path)
    first = criteria_builder.load(path)
    path.write_text(path.read_text(encoding="utf-8").replace('version: "2018.1"', 'version: "2018.2"'), encoding="utf-8")
    criteria_builder._memo.clear()
    second = criteria_builder.load(path)
    assert (first.version, second.version) == ("2018.1", "2018.2")
    assert len(list(cache_dir.iterdir())) == 2


def test_a_damaged_entry_is_a_miss(cache_dir, tmp_path):
    path = tmp_path / "criteria.yaml"
    shutil.copy(ROOT / "criteria.yaml", path)
    criteria_builder.load(path)
    [entry] = list(cache_dir.iterdir())
    entry.write_bytes(b"[1, 1, [[1, 1, \"format\", 1]]]")  # a key without its value
    criteria_builder._memo.clear()
    assert criteria_builder.load(path).version == "2018.1"


def test_an_unwritable_cache_is_ignored(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.delenv("ZGRONGCUO_NO_CACHE", raising=False)
    monkeypatch.setenv("ZGRONGCUO_CACHE_DIR", str(blocker / "cache"))
    criteria_builder._memo.clear()
    assert criteria_builder.load().version == "2018.1"


def test_sha256_matches_hashlib():
    import hashlib

    assert cache.sha256_hex(b"zgrongcuo") == hashlib.sha256(b"zgrongcuo").hexdigest()
