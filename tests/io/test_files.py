"""Files the tool writes: atomic, private, never over an existing file unasked."""

import stat
from pathlib import Path

import pytest

from zgrongcuo.errors import ZgError
from zgrongcuo.io.files import free_name, write_new


def test_write_new_is_private_and_refuses_to_overwrite(tmp_path):
    path = tmp_path / "sub" / "case.yaml"
    write_new(path, "answers: {}\n")
    assert path.read_text(encoding="utf-8") == "answers: {}\n"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    with pytest.raises(ZgError) as info:
        write_new(path, "other\n")
    assert info.value.msg_id == "file_exists" and info.value.file == str(path)
    assert path.read_text(encoding="utf-8") == "answers: {}\n"
    write_new(path, "other\n", force=True)
    assert path.read_text(encoding="utf-8") == "other\n"
    assert [p.name for p in path.parent.iterdir()] == ["case.yaml"]  # no temporary file left


def test_write_new_refuses_a_folder(tmp_path):
    with pytest.raises(ZgError) as info:
        write_new(tmp_path, "x")
    assert info.value.msg_id == "is_a_directory"


def test_free_name_never_names_an_existing_file(tmp_path):
    base = tmp_path / "case.yaml"
    first = free_name(base, "draft")
    assert first == str(tmp_path / "case.draft.yaml")
    Path(first).write_text("x")
    assert free_name(base, "draft") == str(tmp_path / "case.draft-2.yaml")


def test_unused_picks_the_next_free_name_beside(tmp_path):
    from zgrongcuo.io.files import unused

    base = tmp_path / "ZG-1.yaml"
    assert unused(base) == str(base)
    base.write_text("x")
    assert unused(base) == str(tmp_path / "ZG-1-2.yaml")
    (tmp_path / "ZG-1-2.yaml").symlink_to(tmp_path / "nowhere")  # a dangling link takes its name too
    assert unused(base) == str(tmp_path / "ZG-1-3.yaml")


@pytest.mark.parametrize(
    ("text", "stem"),
    [
        ("ZG-2014-57", "ZG-2014-57"),
        ("秭政办发〔2014〕57号", "秭政办发〔2014〕57号"),
        ("ZG/2014 57", "ZG-2014-57"),
        ("../../etc/passwd", "etc-passwd"),
        ("..", ""),
        ("  ", ""),
        ('a:b*c?"d"<e>|f\\g', "a-b-c-d-e-f-g"),
        ("\x1b[2J", "[2J"),
        ("CON", "case-CON"),
        ("nul.txt", "case-nul.txt"),
        ("x" * 200, "x" * 80),
        ("ZG 2014/57", "ZG-2014-57"),
        ("con", "case-con"),
        ("ZG\u202e75-4102", "ZG-75-4102"),  # a right-to-left override would make the name read as another
        ("a\u2066b\u200fc", "a-b-c"),
        ("bad\udcffbyte", "bad-byte"),
    ],
)
def test_file_stem_makes_a_file_name_of_any_text(text, stem):
    from zgrongcuo.text.escape import file_stem

    assert file_stem(text) == stem


def test_unwritable_says_why_before_anything_is_written(tmp_path):
    import os

    from zgrongcuo.io.files import unwritable

    assert unwritable(tmp_path / "new" / "deeper" / "case.yaml") is None  # missing folders are made
    assert unwritable(tmp_path) == ("is_a_directory", None)
    (tmp_path / "link.yaml").symlink_to(tmp_path / "gone.yaml")
    assert unwritable(tmp_path / "link.yaml") == ("dangling_link", None)
    (tmp_path / "file.yaml").write_text("x")
    assert unwritable(tmp_path / "file.yaml") == ("file_exists", None)
    assert unwritable(tmp_path / "file.yaml", replace=True) is None
    assert unwritable(tmp_path / "file.yaml" / "case.yaml") == ("folder_is_file", str(tmp_path / "file.yaml"))
    readonly = tmp_path / "ro"
    readonly.mkdir()
    readonly.chmod(0o555)
    if not os.access(readonly, os.W_OK):
        assert unwritable(readonly / "case.yaml")[0] == "write_error"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["file.yaml", "link.yaml", "ro"]  # no probe left behind
