"""The corpus of hostile and broken case files: each gives its expected message, line, key and exit code.

tests/corpus/expected-cases.yaml holds the table; every file in
tests/corpus/cases/ must be in it. Text files are written by hand, the ones whose bytes matter by
tests/corpus/make_binary.py.
"""

import csv
import importlib.util
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import ROOT
from typer.testing import CliRunner

from zgrongcuo.cli import app
from zgrongcuo.io.discovery import CASE_SUFFIXES

runner = CliRunner()
CORPUS = ROOT / "tests" / "corpus"
CASES = CORPUS / "cases"
EXPECTED = yaml.safe_load((CORPUS / "expected-cases.yaml").read_text(encoding="utf-8"))


def check(*args, env=None, input=None):
    return runner.invoke(app, ["check", *map(str, args)], env=env, input=input)


def test_the_table_lists_every_file_in_the_corpus():
    on_disk = {p.name for p in CASES.iterdir()}
    assert on_disk == set(EXPECTED)


def test_the_binary_files_are_what_the_generator_writes():
    spec = importlib.util.spec_from_file_location("make_binary", CORPUS / "make_binary.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    for name, data in module.files().items():
        assert (CASES / name).read_bytes() == data, name


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_corpus_file(name):
    want = EXPECTED[name]
    path = CASES / name
    as_json = check(path, "--format", "json", "--lang", "en")
    assert as_json.exit_code == want["exit"], as_json.stderr
    result = json.loads(as_json.stdout)
    if path.is_dir():
        [result] = result
    assert "Traceback" not in as_json.stderr
    in_chinese = check(path)  # the default: Chinese, text report
    assert in_chinese.exit_code == want["exit"]
    assert "Traceback" not in in_chinese.stderr
    if "outcome" in want:
        assert result["outcome"] == want["outcome"]
        assert want.get("warning_en", "") in as_json.stderr
        assert want.get("warning_zh", "") in in_chinese.stderr
        assert (as_json.stderr == "") == ("warning_en" not in want)
        return
    error = result["error"]
    assert (error["line"], error["column"], error["key"]) == (want["line"], want["column"], want["key"])
    assert error["message"] == want["en"]
    assert want["en"] in as_json.stderr
    assert in_chinese.stdout == "" or path.is_dir()
    location = str(path) + (f":{want['line']}" if want["line"] else "")
    assert in_chinese.stderr.startswith(f"错误：{location}")
    assert want["zh"] in in_chinese.stderr
    # A paragraph per problem found in the file (every one, up to a limit), each with its place,
    # and under it the line quoted and a caret where the place is in the line.
    problems = [e for e in result.get("errors", [error])]
    paragraphs = [line for line in in_chinese.stderr.splitlines() if not line.startswith("    ")]
    assert len(paragraphs) == len(problems)
    assert all(line.startswith(f"错误：{path}") for line in paragraphs)


# ----------------------------------------------------------- no code runs


@pytest.mark.parametrize("name", ["tag-python-apply.yaml", "tag-python-top.yaml", "tag-directive.yaml"])
def test_python_tags_never_run_anything(name, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = check(CASES / name)
    assert result.exit_code == 2
    assert not (tmp_path / "zg-tag-ran").exists()
    # The payload is live: a loader that honoured tags would have run it.
    yaml.unsafe_load((CASES / name).read_text(encoding="utf-8"))
    assert (tmp_path / "zg-tag-ran").exists()


# ------------------------------------------------------------- resources

_PEAK = """
import resource, sys


def peak_kib():
    # This process's own peak since exec: ru_maxrss of a forked child starts at its parent's peak.
    try:
        with open("/proc/self/status") as status:
            return next(int(line.split()[1]) for line in status if line.startswith("VmHWM:"))
    except OSError:
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux
"""

_MEASURE = _PEAK + """

from zgrongcuo.io import case_reader, criteria_builder
from zgrongcuo.errors import ZgError
crit = criteria_builder.load()
try:
    case_reader.loads(open(sys.argv[1], "rb").read(), crit, sys.argv[1])
    print("loaded")
except ZgError as e:
    print(e.msg_id)
print(peak_kib())
"""


def _load_in_subprocess(path: Path) -> tuple[str, int]:
    done = subprocess.run([sys.executable, "-c", _MEASURE, str(path)], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    verdict, rss = done.stdout.split()
    return verdict, int(rss)


def test_an_alias_bomb_is_read_as_shared_nodes_never_expanded():
    """At the document level the bomb parses: each alias is one reference to the node, not a copy."""
    from zgrongcuo.io.document import parse

    text = (CASES / "alias-bomb-top.yaml").read_text(encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-c", _PARSE, text], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert int(done.stdout) < 200 * 1024
    root = parse(text, "bomb.yaml")
    (_, level28), (_, level29) = root.items[-2:]
    assert all(item is level28 for item in level29.items)  # 10^30 leaves, 300 nodes


_PARSE = _PEAK + """

from zgrongcuo.io.document import parse
parse(sys.argv[1], "bomb.yaml")
print(peak_kib())
"""


@pytest.mark.parametrize(
    "make",
    [
        lambda tmp: CASES / "alias-bomb-top.yaml",
        lambda tmp: CASES / "alias-bomb-inside.yaml",
        # a megabyte of aliases to one anchor
        lambda tmp: _write(tmp, "aliases.yaml", "case: {id: &a x}\nexpect: {situations: [" + ", ".join(["*a"] * 250_000) + "]}\n"),
        # a megabyte of one-character items
        lambda tmp: _write(tmp, "items.yaml", "expect: {situations: [" + ",".join(["x"] * 500_000) + "]}\n"),
        # nesting far past any recursion limit, in YAML and in JSON
        lambda tmp: _write(tmp, "deep.yaml", "[" * 500_000 + "]" * 500_000),
        lambda tmp: _write(tmp, "deep.json", "[" * 500_000 + "]" * 500_000),
        lambda tmp: _write(tmp, "deep-objects.json", '{"a":' * 100_000 + "1" + "}" * 100_000),
    ],
    ids=["bomb-top", "bomb-inside", "many-aliases", "many-items", "deep-yaml", "deep-json", "deep-objects"],
)
def test_hostile_structures_are_refused_with_bounded_memory(make, tmp_path):
    path = make(tmp_path)
    assert path.stat().st_size <= 1 << 20
    verdict, rss_kib = _load_in_subprocess(path)
    assert verdict != "loaded"
    assert rss_kib < 200 * 1024


def _write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


# ----------------------------------------------------------------- limits


def test_size_limit_is_checked_before_parsing_and_configurable(tmp_path):
    big = tmp_path / "big.yaml"
    big.write_bytes(b"answers:\n" + b"  # padding\n" * 100_000)  # 1.2 MB of comments: valid, but over 1 MiB
    result = check(big, "--lang", "en")
    assert result.exit_code == 2
    assert "file too large (1200009 bytes; the limit is 1048576); not parsed" in result.stderr
    assert check(big, "--max-bytes", "2000000").exit_code == 3
    assert check(big, env={"ZGRONGCUO_MAX_BYTES": "2000000"}).exit_code == 3
    small = CASES / "utf8-bom.yaml"
    result = check(small, "--lang", "en", env={"ZGRONGCUO_MAX_BYTES": "100"})
    assert result.exit_code == 2
    assert "the limit is 100)" in result.stderr
    # The option wins over the environment.
    assert check(small, "--max-bytes", "100000", env={"ZGRONGCUO_MAX_BYTES": "100"}).exit_code == 0
    bad = check(small, env={"ZGRONGCUO_MAX_BYTES": "lots"})
    assert bad.exit_code == 2
    assert "ZGRONGCUO_MAX_BYTES" in bad.stderr


def test_size_limit_on_standard_input():
    result = check("-", "--max-bytes", "50", "--lang", "en", input="answers:\n" + "  # padding\n" * 10)
    assert result.exit_code == 2
    assert "file too large" in result.stderr


def test_a_missing_path():
    result = check(CASES / "no-such-case.yaml")
    assert result.exit_code == 2
    assert result.stderr == f"错误：{CASES / 'no-such-case.yaml'}：文件不存在。\n"


def test_an_unreadable_file(tmp_path, monkeypatch):
    path = tmp_path / "secret.yaml"
    path.write_text("answers: {}\n", encoding="utf-8")
    path.chmod(0)
    if os.geteuid() == 0:  # root reads anything: make the open fail as it would for anyone else
        real_open = os.open

        def refuse(file, *args, **kwargs):
            if str(file) == str(path):
                raise PermissionError(13, "Permission denied", str(file))
            return real_open(file, *args, **kwargs)

        monkeypatch.setattr(os, "open", refuse)
    result = check(path, "--lang", "en")
    assert result.exit_code == 2
    assert result.stderr == f"error: {path}: permission denied: the file cannot be read.\n"


# ------------------------------------------------------------------ batches


def _case_files():
    return sorted(p for p in CASES.rglob("*") if p.suffix.lower() in CASE_SUFFIXES)


def test_a_batch_of_the_whole_corpus_processes_every_good_file_and_reports_every_bad_one():
    result = check(CASES, "--format", "jsonl", "--lang", "en")
    assert result.exit_code == 2
    lines = result.stdout.splitlines()
    objects = [json.loads(line) for line in lines]  # each line is one valid JSON object
    assert all(isinstance(o, dict) for o in objects)
    expected_files = [str(p) for p in _case_files()]  # a folder inside a folder adds nothing
    assert sorted(o["file"] for o in objects) == sorted(expected_files)
    for o in objects:
        want = EXPECTED[Path(o["file"]).name]
        if "outcome" in want:
            assert o["outcome"] == want["outcome"]
        else:
            assert o["error"]["message"] == want["en"]
            assert o["file"] in result.stderr


def test_a_batch_in_json_and_csv_stays_well_formed():
    as_json = check(CASES, "--format", "json")
    assert as_json.exit_code == 2
    assert len(json.loads(as_json.stdout)) == len(_case_files())
    as_csv = check(CASES, "--format", "csv")
    assert as_csv.exit_code == 2
    rows = list(csv.reader(io.StringIO(as_csv.stdout.lstrip("\ufeff"))))
    assert len(rows) == 1 + len(_case_files())
    assert all(len(row) == len(rows[0]) for row in rows)
    as_text = check(CASES)
    assert as_text.exit_code == 2
    assert "Traceback" not in as_text.stderr + as_text.stdout
