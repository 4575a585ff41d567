"""The criteria cache at the trust boundary: nothing in it runs, and only the user's own private entries are read."""

from __future__ import annotations

import contextlib
import json
import os
import pickle
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from hardening.adversary import NOBODY, ROOT, invoke
from zgrongcuo.io import cache, criteria_builder

NOT_TOLERATED = ROOT / "examples" / "s1-tender-to-relative-not-tolerated.yaml"
GENUINE_LABEL = "Not tolerated (a bottom line is touched)"
FORGED_LABEL = "Tolerance recommended (forged)"


class _Payload:
    """A pickle that runs a shell command when loaded: what a planted entry could do."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self):
        return (os.system, (f"touch {self.marker}",))


@contextlib.contextmanager
def _cache_at(cache_dir: Path) -> Iterator[None]:
    """The cache on, in ``cache_dir``, and nothing loaded yet in this process."""
    saved = {name: os.environ.get(name) for name in ("ZGRONGCUO_CACHE_DIR", "ZGRONGCUO_NO_CACHE")}
    os.environ["ZGRONGCUO_CACHE_DIR"] = str(cache_dir)
    os.environ.pop("ZGRONGCUO_NO_CACHE")
    criteria_builder._memo.clear()
    try:
        yield
    finally:
        criteria_builder._memo.clear()
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def _check(cache_dir: Path, case: Path = NOT_TOLERATED) -> dict:
    with _cache_at(cache_dir):
        result = invoke("check", "--format", "json", case)
    assert result.returncode in (0, 1), result.stderr
    return json.loads(result.stdout)


def _entries(cache_dir: Path) -> list[Path]:
    return [p for p in cache_dir.iterdir() if not p.name.startswith(".")]


@pytest.fixture
def warmed(tmp_path):
    """A cache folder holding the entry for the bundled measure, written by the tool itself."""
    cache_dir = tmp_path / "cache"
    _check(cache_dir)
    assert _entries(cache_dir), "the tool wrote no entry"
    return cache_dir


def test_a_planted_entry_cannot_run_code(warmed, tmp_path):
    marker = tmp_path / "ran"
    for entry in _entries(warmed):
        entry.write_bytes(pickle.dumps(_Payload(marker)))
    determination = _check(warmed)
    assert not marker.exists(), "a cache entry ran a command"
    assert determination["outcome"] == "not_tolerated"


CRITERIA_LINES = (Path(__file__).resolve().parents[2] / "criteria.yaml").read_text(encoding="utf-8").splitlines()


def test_an_entry_is_parsed_data_that_is_built_and_checked_again(warmed):
    [entry] = _entries(warmed)
    tree = json.loads(entry.read_text(encoding="utf-8"))
    first = next(n for n, line in enumerate(CRITERIA_LINES, 1) if line and not line.startswith("#"))
    assert isinstance(tree, list) and tree[:2] == [first, 1]  # the document's first node, at its line and column
    # An entry that does not describe a valid measure is passed over: the file itself is parsed.
    entry.write_text(entry.read_text(encoding="utf-8").replace('"not_tolerated"', '"no_such_outcome"', 1), encoding="utf-8")
    assert _check(warmed)["outcome"] == "not_tolerated"


def _forge(entry: Path) -> None:
    """Change what the measure calls its first outcome, keeping the entry valid: a tampered measure."""
    entry.write_text(entry.read_text(encoding="utf-8").replace(GENUINE_LABEL, FORGED_LABEL), encoding="utf-8")


def test_an_entry_others_may_write_is_not_read(warmed):
    [entry] = _entries(warmed)
    _forge(entry)
    entry.chmod(0o666)
    assert _check(warmed)["outcome_label"] == GENUINE_LABEL
    _forge(entry)
    entry.chmod(0o600)
    warmed.chmod(0o777)  # a folder others may write into: nothing in it is trusted
    assert _check(warmed)["outcome_label"] == GENUINE_LABEL


@pytest.mark.skipif(os.geteuid() != 0, reason="giving a file to another user needs root")
def test_entries_and_folders_of_another_user_are_not_read(warmed):
    # As when root runs the tool with HOME pointing at another user's folder.
    [entry] = _entries(warmed)
    _forge(entry)
    os.chown(entry, NOBODY, NOBODY)
    assert _check(warmed)["outcome_label"] == GENUINE_LABEL
    # Its own folder holding another user's entry: the entry is replaced by a good one.
    assert FORGED_LABEL not in entry.read_text(encoding="utf-8")
    _forge(entry)
    os.chown(warmed, NOBODY, NOBODY)
    assert _check(warmed)["outcome_label"] == GENUINE_LABEL
    assert entry.read_text(encoding="utf-8").count(FORGED_LABEL), "the entry was rewritten in another user's folder"


@pytest.mark.skipif(os.geteuid() != 0, reason="another user's home needs root")
def test_no_folder_is_made_in_another_users_home(tmp_path, monkeypatch):
    # sudo keeps the user's HOME: root must not leave a .cache of its own in it.
    home = tmp_path / "alice"
    home.mkdir()
    os.chown(home, NOBODY, NOBODY)
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    monkeypatch.delenv("ZGRONGCUO_NO_CACHE")
    monkeypatch.delenv("ZGRONGCUO_CACHE_DIR", raising=False)
    criteria_builder._memo.clear()
    try:
        assert criteria_builder.load().id == "zigui-2018"
    finally:
        criteria_builder._memo.clear()
    assert list(home.iterdir()) == []


def test_a_symlink_in_the_cache_is_never_followed(warmed, tmp_path):
    victim = tmp_path / "victim.txt"
    victim.write_text("precious\n")
    [entry] = _entries(warmed)
    forged = tmp_path / "forged.json"
    forged.write_text(entry.read_text(encoding="utf-8"), encoding="utf-8")
    _forge(forged)
    forged.chmod(0o600)
    entry.unlink()
    entry.symlink_to(forged)  # read through a link: a forged measure
    assert _check(warmed)["outcome_label"] == GENUINE_LABEL
    entry.unlink()
    entry.symlink_to(victim)  # written through a link: the file it points to overwritten
    _check(warmed)
    assert victim.read_text() == "precious\n"


def test_a_symlink_planted_at_the_temporary_name_is_not_written_through(warmed, tmp_path, monkeypatch):
    victim = tmp_path / "victim.txt"
    victim.write_text("precious\n")
    [entry] = _entries(warmed)
    entry.unlink()
    # Every name the tool could choose for its temporary file is a link to the victim.
    monkeypatch.setattr(os, "getpid", lambda: 4242)
    monkeypatch.setattr(os, "urandom", lambda n: b"\0" * n)
    for name in (f"{entry.name}.4242.tmp", f".{entry.name}.{'00' * 6}.tmp"):
        (warmed / name).symlink_to(victim)
    with _cache_at(warmed):
        assert criteria_builder.load().id == "zigui-2018"
    assert victim.read_text() == "precious\n"


def test_folders_and_entries_are_private_whatever_the_umask(tmp_path):
    cache_dir = tmp_path / "home" / ".cache" / "zgrongcuo"
    umask = os.umask(0)
    try:
        _check(cache_dir)
    finally:
        os.umask(umask)
    for folder in (cache_dir, cache_dir.parent, cache_dir.parent.parent):
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700, folder
    [entry] = _entries(cache_dir)
    assert stat.S_IMODE(entry.stat().st_mode) == 0o600
    assert [p.name for p in cache_dir.iterdir()] == [entry.name]  # no temporary file left


def test_stale_entries_are_pruned(tmp_path, monkeypatch):
    monkeypatch.delenv("ZGRONGCUO_NO_CACHE", raising=False)
    monkeypatch.setenv("ZGRONGCUO_CACHE_DIR", str(tmp_path / "cache"))
    root = criteria_builder._parse((ROOT / "criteria.yaml").read_bytes(), "criteria.yaml")
    for n in range(cache.MAX_ENTRIES + 5):
        cache.put(f"{n:064x}", "yaml", root)
    names = sorted(p.name for p in (tmp_path / "cache").iterdir())
    assert len(names) == cache.MAX_ENTRIES
    assert names[-1] == cache._name(f"{cache.MAX_ENTRIES + 4:064x}", "yaml")
    assert cache.get(f"{cache.MAX_ENTRIES + 4:064x}", "yaml") is not None


def test_a_cache_folder_that_is_a_link_is_not_used(tmp_path):
    # Whoever can plant the link chooses the folder the tool writes into and prunes.
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir(mode=0o700)
    kept = [elsewhere / f"nodes1-yaml-{n:064x}.json" for n in range(cache.MAX_ENTRIES + 5)]
    for path in kept:
        path.write_text("[1, 1, []]")
        path.chmod(0o600)
    link = tmp_path / "cache"
    link.symlink_to(elsewhere)
    assert _check(link)["outcome"] == "not_tolerated"
    assert sorted(elsewhere.iterdir()) == kept  # nothing written, nothing pruned


def test_a_cache_folder_whose_folder_others_may_write_is_not_used(tmp_path):
    holder = tmp_path / "shared"
    holder.mkdir()
    holder.chmod(0o777)  # anyone could swap the cache folder for a link meanwhile
    assert _check(holder / "zgrongcuo")["outcome"] == "not_tolerated"
    assert not (holder / "zgrongcuo").exists()
    holder.chmod(0o1777)  # sticky, as /tmp: no one else may rename or remove what is the user's
    assert _check(holder / "zgrongcuo")["outcome"] == "not_tolerated"
    assert _entries(holder / "zgrongcuo")


@pytest.mark.skipif(os.geteuid() != 0, reason="another user's home needs root")
def test_root_with_another_users_home_never_follows_their_link_into_a_folder_of_roots(tmp_path, monkeypatch):
    # As after sudo: alice's ~/.cache/zgrongcuo leads into a folder only root may use.
    private = tmp_path / "root-only"
    private.mkdir(mode=0o700)
    kept = [private / f"nodes1-yaml-{n:064x}.json" for n in range(cache.MAX_ENTRIES + 9)]
    for path in kept:
        path.write_text("[1, 1, []]")
        path.chmod(0o600)
    home = tmp_path / "alice"
    (home / ".cache").mkdir(parents=True)
    (home / ".cache" / "zgrongcuo").symlink_to(private)
    for path in (home, home / ".cache", home / ".cache" / "zgrongcuo"):
        os.chown(path, NOBODY, NOBODY, follow_symlinks=False)
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    monkeypatch.delenv("ZGRONGCUO_NO_CACHE")
    monkeypatch.delenv("ZGRONGCUO_CACHE_DIR", raising=False)
    criteria_builder._memo.clear()
    try:
        assert criteria_builder.load().id == "zigui-2018"
    finally:
        criteria_builder._memo.clear()
    assert sorted(private.iterdir()) == kept


@pytest.mark.parametrize("kind", ["folder", "fifo", "dangling link", "unreadable"])
def test_an_unusable_entry_is_passed_over(warmed, kind):
    [entry] = _entries(warmed)
    entry.unlink()
    if kind == "folder":
        entry.mkdir()
        (entry / "inside").write_text("x")
    elif kind == "fifo":
        os.mkfifo(entry, 0o600)
    elif kind == "dangling link":
        entry.symlink_to(warmed / "nowhere")
    else:
        entry.write_text("[1, 1, []]")
        entry.chmod(0o000)
    assert _check(warmed)["outcome"] == "not_tolerated"
    assert _check(warmed)["outcome"] == "not_tolerated"  # and once more, with whatever the first run left
