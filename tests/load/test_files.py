"""Files the tool writes: atomic, private, never over an existing file unasked."""

import stat
from pathlib import Path

import pytest

from zgrongcuo.errors import ZgError
from zgrongcuo.load.files import free_name, write_new


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
