"""The file system at the trust boundary: special files, limits, links out of folders, unreadable entries, -o."""

from __future__ import annotations

import json
import os
import re
import stat
from pathlib import Path

import pytest

from hardening.adversary import ARTICLE_CASE, ROOT, give, invoke, nobody_folder, run, run_as

# ------------------------------------------------------------ special files


@pytest.fixture
def fifo(tmp_path):
    path = tmp_path / "case.yaml"
    os.mkfifo(path)
    return path


def _refused_special(result, name: str, kind: str = "a named pipe") -> None:
    assert result.returncode == 2, result.stderr
    assert f"{name}: this is not a regular file ({kind}); it was not read." in result.stderr.decode()


def test_a_fifo_as_a_case_file_is_refused_at_once(fifo):
    _refused_special(invoke("check", fifo), str(fifo))


def test_a_fifo_as_a_criteria_file_is_refused_at_once(fifo):
    _refused_special(invoke("check", "--criteria", fifo, ARTICLE_CASE), str(fifo))


def test_a_fifo_given_to_ask_is_refused_at_once(fifo):
    _refused_special(invoke("ask", "--case", fifo, input=""), str(fifo))


def test_a_case_file_linked_to_a_device_is_refused(tmp_path):
    link = tmp_path / "zero.yaml"
    link.symlink_to("/dev/zero")
    _refused_special(invoke("check", link), str(link), "a device")


def test_a_device_as_criteria_is_refused_and_criteria_have_a_size_limit(tmp_path):
    _refused_special(invoke("check", "--criteria", "/dev/zero", ARTICLE_CASE), "/dev/zero", "a device")
    big = tmp_path / "big.yaml"
    with open(big, "wb") as f:
        f.truncate(17 << 20)  # sparse: no disk used
    result = invoke("criteria", "validate", big)
    assert result.returncode == 2
    assert "criteria file too large (17825792 bytes; the limit is 16777216); not parsed." in result.stderr.decode() + result.stdout.decode()


def test_standard_input_is_still_read_from_a_pipe():
    result = invoke("check", "--format", "json", "-", input=ARTICLE_CASE.read_bytes())
    assert result.returncode == 0, result.stderr


def test_a_fifo_in_a_folder_is_reported_not_read(fifo):
    result = invoke("check", "--format", "jsonl", fifo.parent)
    _refused_special(result, str(fifo))
    assert json.loads(result.stdout)["error"]["message"].startswith("this is not a regular file")


# ------------------------------------------------------------ folders


@pytest.fixture
def folder_with_links(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOPSECRET first line\nanswers: {}\n", encoding="utf-8")
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "far.yaml").write_bytes(ARTICLE_CASE.read_bytes())
    cases = tmp_path / "cases"
    cases.mkdir()
    (cases / "a.yaml").write_bytes(ARTICLE_CASE.read_bytes())
    (cases / "leak.yaml").symlink_to(secret)
    (cases / "far").symlink_to(outside)
    (cases / "near.yaml").symlink_to(cases / "a.yaml")
    (cases / "sub").mkdir()
    (cases / "sub" / "up").symlink_to(cases)  # a loop, inside
    return cases


def test_links_out_of_the_folder_are_reported_not_followed(folder_with_links):
    result = invoke("check", "--format", "json", folder_with_links)
    assert result.returncode == 2
    assert b"TOPSECRET" not in result.stdout + result.stderr
    out = json.loads(result.stdout)
    by_file = {Path(d["file"]).name: d for d in out}
    assert sorted(by_file) == ["a.yaml", "far", "leak.yaml", "near.yaml"]
    for name in ("far", "leak.yaml"):
        assert by_file[name]["error"]["message"].startswith("this link leads out of the folder")
    assert by_file["a.yaml"]["outcome"] == by_file["near.yaml"]["outcome"] == "exempt"  # a link within is followed
    assert result.stderr.decode().count("leads out of the folder") == 2


def test_a_link_given_as_an_argument_is_read(folder_with_links):
    # The rule is for what a folder holds; an argument is the user's own choice.
    result = invoke("check", "--format", "json", folder_with_links / "far" / "far.yaml")
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("proc", [True, False], ids=["with /proc", "without /proc"])
def test_a_link_swapped_after_the_walk_is_refused_when_read(tmp_path, monkeypatch, proc):
    from zgrongcuo.errors import CaseError
    from zgrongcuo.io.discovery import discover
    from zgrongcuo.io.files import read_bytes

    secret = tmp_path / "secret.yaml"
    secret.write_text("TOPSECRET\n")
    cases = tmp_path / "cases"
    cases.mkdir()
    (cases / "a.yaml").write_text("answers: {}\n")
    [(path, problem, within)] = discover([str(cases)])
    assert problem is None
    assert read_bytes(path, within=within) == b"answers: {}\n"
    os.unlink(path)
    os.symlink(secret, path)  # the race a writer of the folder could win
    if not proc:
        import zgrongcuo.io.files

        monkeypatch.setattr(zgrongcuo.io.files, "_opened_path", lambda fd: None)
    with pytest.raises(CaseError) as info:
        read_bytes(path, within=within)
    assert info.value.msg_id == "link_outside"


def test_the_file_the_walk_listed_is_read_without_looking_again_and_any_other_is_looked_at(tmp_path, monkeypatch):
    import zgrongcuo.io.files
    from zgrongcuo.errors import CaseError
    from zgrongcuo.io.discovery import discover
    from zgrongcuo.io.files import read_bytes

    cases = tmp_path / "cases"
    cases.mkdir()
    (cases / "a.yaml").write_text("answers: {}\n")
    (cases / "b.yaml").write_text("answers: {}\n")
    [(a, _, listed), (b, _, listed_b)] = discover([str(cases)])
    from zgrongcuo.io.files import seen

    assert listed == (os.path.realpath(cases), seen(os.stat(a)))
    looked: list[str] = []
    lies_within = zgrongcuo.io.files._lies_within
    monkeypatch.setattr(zgrongcuo.io.files, "_lies_within", lambda path, *rest: looked.append(path) or lies_within(path, *rest))
    assert read_bytes(a, within=listed) == b"answers: {}\n" and looked == []  # the very file listed
    os.unlink(b)
    outside = tmp_path / "outside.yaml"  # a file made elsewhere since: it may well be given the inode freed
    outside.write_text("TOPSECRET\n")
    os.symlink(outside, b)
    with pytest.raises(CaseError) as leak:
        read_bytes(b, within=listed_b)
    assert leak.value.msg_id == "link_outside" and looked == [b]  # another file: looked for, and refused
    os.unlink(b)
    os.mkfifo(b)  # swapped for a FIFO since: opened without blocking, and refused
    with pytest.raises(CaseError) as info:
        read_bytes(b, within=listed_b)
    assert info.value.msg_id == "not_regular_file"


def test_an_unreadable_subfolder_is_an_error_not_a_silent_skip():
    with nobody_folder() as (folder, prefix):
        (folder / "a.yaml").write_bytes(ARTICLE_CASE.read_bytes())
        (folder / "locked").mkdir()
        (folder / "locked" / "b.yaml").write_bytes(ARTICLE_CASE.read_bytes())
        (folder / "unreadable.yaml").write_bytes(ARTICLE_CASE.read_bytes())
        give(folder)
        (folder / "locked").chmod(0)
        (folder / "unreadable.yaml").chmod(0)
        result = run_as(prefix, "check", "--format", "jsonl", folder)
    assert result.returncode == 2, result.stderr
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [Path(d["file"]).name for d in lines] == ["a.yaml", "locked", "unreadable.yaml"]
    assert lines[1]["error"]["message"] == "this folder cannot be read (permission denied); the cases in it were not checked."
    assert lines[2]["error"]["message"] == "permission denied: the file cannot be read."


def test_a_folder_nested_deeper_than_python_recurses(tmp_path):
    levels = [tmp_path / "d"]
    for _ in range(1100):
        os.mkdir(levels[-1])
        levels.append(levels[-1] / "d")
    case = levels[-2] / "case.yaml"
    case.write_bytes(ARTICLE_CASE.read_bytes())
    try:
        result = invoke("check", "--format", "jsonl", tmp_path)
    finally:  # pytest's own clean-up would recurse as deep
        case.unlink()
        for level in reversed(levels[:-1]):
            level.rmdir()
    assert result.returncode == 0, result.stderr[-500:]
    assert json.loads(result.stdout)["outcome"] == "exempt"


def test_a_folder_of_10000_entries(tmp_path):
    (tmp_path / "note.txt").touch()
    for i in range(10_000):
        os.link(tmp_path / "note.txt", tmp_path / f"note-{i:05}.txt")  # quicker to make than files
    for name in ("b.yaml", "a.yaml"):
        (tmp_path / name).write_bytes(ARTICLE_CASE.read_bytes())
    result = invoke("check", "--format", "jsonl", tmp_path)
    assert result.returncode == 0, result.stderr
    assert [Path(json.loads(line)["file"]).name for line in result.stdout.splitlines()] == ["a.yaml", "b.yaml"]


def test_a_folder_is_looked_at_entry_by_entry_as_the_walk_reaches_it(tmp_path, monkeypatch):
    # Only names are read before the first case comes: a worker checks it while the rest are looked at,
    # and a folder of any size keeps a short string per entry rather than a list of looked-at entries.
    from zgrongcuo.io.discovery import discover

    for i in range(50):
        (tmp_path / f"c{i:02}.yaml").write_text("answers: {}\n")
    (tmp_path / "notes.txt").touch()
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "d.yaml").write_text("answers: {}\n")
    looked: list[str] = []
    lstat = os.lstat
    def looking(path, *rest, **kw):
        if os.path.dirname(os.fspath(path)) == str(tmp_path):  # realpath looks at the folders above too
            looked.append(os.path.basename(path))
        return lstat(path, *rest, **kw)

    monkeypatch.setattr(os, "lstat", looking)
    walk = discover([str(tmp_path)])
    path, problem, (root, identity) = next(walk)
    assert Path(path).name == "c00.yaml" and problem is None and looked == ["c00.yaml"]
    assert root == os.path.realpath(tmp_path) and identity == seen_now(path)
    rest = [Path(p).name for p, _, _ in walk]
    assert rest == [f"c{i:02}.yaml" for i in range(1, 50)] + ["d.yaml"]
    assert "notes.txt" not in looked  # a name that is no case and no folder is never looked at


def seen_now(path: str) -> int:
    from zgrongcuo.io.files import seen

    return seen(os.lstat(path))


def test_a_batchs_lines_and_its_messages_keep_their_order_in_one_file(tmp_path):
    # Into a pipe or a file the lines are written in blocks; a message on standard error still comes after
    # the lines of the cases before it, where both streams go to one file.
    cases = tmp_path / "cases"
    cases.mkdir()
    for name in ("a", "c", "e"):
        (cases / f"{name}.yaml").write_bytes(ARTICLE_CASE.read_bytes())
    (cases / "b.yaml").write_text("answers: [\n")
    (cases / "d.yaml").write_text("answers:\n  no_such_fact: yes\n")
    log = tmp_path / "log"
    with open(log, "wb") as both:
        result = run("check", "--format", "jsonl", cases, stdout=both, stderr=both, capture_output=False)
    assert result.returncode == 2
    lines = log.read_text(encoding="utf-8").splitlines()
    order = [
        Path(json.loads(line)["file"]).name if line.startswith("{") else "message about " + re.search(r"(\w+\.yaml)", line)[1]
        for line in lines
        if line.startswith("{") or ".yaml" in line
    ]
    assert order[:2] == ["a.yaml", "message about b.yaml"] and order[-1] == "e.yaml", lines
    assert order.index("message about d.yaml") == order.index("c.yaml") + 1, lines


def test_a_folder_of_accounts_keeps_its_lines_and_messages_in_order_in_one_file(tmp_path):
    accounts = tmp_path / "accounts"
    accounts.mkdir()
    (accounts / "a.txt").write_text("经查，张某未谋取私利。", encoding="utf-8")
    (accounts / "b.txt").write_bytes(b"\0\0\0")
    (accounts / "c.txt").write_text("经查，该项目经党委会集体研究。", encoding="utf-8")
    log = tmp_path / "log"
    with open(log, "wb") as both:
        result = run("suggest", accounts, stdout=both, stderr=both, capture_output=False)
    assert result.returncode == 2
    lines = [line for line in log.read_text(encoding="utf-8").splitlines() if ".txt" in line]
    assert ["a.txt" in lines[0], "b.txt" in lines[1] and "error" in lines[1], "c.txt" in lines[2]] == [True] * 3, lines


# ------------------------------------------------------------ -o


def _special_outputs(tmp_path):
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    yield fifo, "a named pipe"
    device = tmp_path / "full"
    try:
        os.mknod(device, stat.S_IFCHR | 0o666, os.makedev(1, 7))  # what /dev/full is
    except (PermissionError, OSError):
        return  # not allowed here: the FIFO stands for every special file
    yield device, "a device"


def test_o_never_replaces_a_special_file(tmp_path):
    for special, kind in _special_outputs(tmp_path):
        before = os.lstat(special)
        result = invoke("check", "-o", special, "--force", ARTICLE_CASE)
        assert result.returncode == 2, result.stderr
        assert f"this is {kind}, not a regular file, and was not replaced" in result.stderr.decode()
        after = os.lstat(special)
        assert (after.st_mode, after.st_ino, after.st_rdev) == (before.st_mode, before.st_ino, before.st_rdev)


def test_o_never_replaces_a_link(tmp_path):
    elsewhere = tmp_path / "elsewhere.txt"
    elsewhere.write_text("kept\n")
    link = tmp_path / "out.txt"
    link.symlink_to(elsewhere)
    result = invoke("check", "-o", link, "--force", ARTICLE_CASE)
    assert result.returncode == 2
    assert "this is a symbolic link and was not replaced" in result.stderr.decode()
    assert link.is_symlink() and elsewhere.read_text() == "kept\n"


def test_o_still_replaces_a_regular_file_with_force(tmp_path):
    out = tmp_path / "out.json"
    out.write_text("old\n")
    assert invoke("check", "-o", out, "--force", "--format", "json", ARTICLE_CASE).returncode == 0
    assert json.loads(out.read_text())["outcome"] == "exempt"


@pytest.mark.parametrize("fmt", ["text", "markdown", "html"])
def test_a_failed_case_leaves_no_empty_output_file(tmp_path, fmt):
    out = tmp_path / "out"
    result = invoke("check", "-f", fmt, "-o", out, tmp_path / "missing.yaml")
    assert result.returncode == 2
    assert not out.exists()
    assert f"nothing to write: {out} was not written." in result.stderr.decode()


def test_folders_made_for_output_are_private_whatever_the_umask(tmp_path):
    out = tmp_path / "new" / "reports"
    umask = os.umask(0)
    try:
        result = invoke("check", "-f", "markdown", "-o", out, ARTICLE_CASE, ARTICLE_CASE)
    finally:
        os.umask(umask)
    assert result.returncode == 0, result.stderr
    for folder in (out, out.parent):
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert {stat.S_IMODE(p.stat().st_mode) for p in out.iterdir()} == {0o600}


# ------------------------------------------------------------ bundled measures


def test_a_bundled_name_always_means_the_bundled_measure(tmp_path):
    (tmp_path / "wenze-2019").write_text("format: 1\nid: forged\n", encoding="utf-8")
    case = ROOT / "measures" / "wenze-2019" / "examples" / "a17-2-objection-in-minutes-exempt.yaml"
    result = invoke("check", "--criteria", "wenze-2019", "--format", "json", case, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["criteria"]["id"] == "wenze-2019"
    assert "'wenze-2019' names the bundled measure" in result.stderr.decode() and "./wenze-2019" in result.stderr.decode()
    result = invoke("check", "--criteria", "./wenze-2019", case, cwd=tmp_path)  # the file, by its path
    assert result.returncode == 2 and b"./wenze-2019:" in result.stderr


def test_every_bundled_measure_has_a_name_and_errors_list_them_all():
    from zgrongcuo.io import criteria_builder, measures

    names = measures.bundled_measures()
    assert list(names) == ["zigui-2018", "hubei-2020", "wenze-2019"]
    for name, path in names.items():
        assert criteria_builder.load(path).id == name
    result = invoke("check", "--criteria", "zigui-2019", ARTICLE_CASE)
    assert result.returncode == 2
    assert "no bundled measure named 'zigui-2019' (known: zigui-2018, hubei-2020, wenze-2019)" in result.stderr.decode()
    assert invoke("check", "--criteria", "zigui-2018", ARTICLE_CASE).returncode == 0
