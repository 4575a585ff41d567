"""The package as shipped: the wheel carries the criteria, every command has help, start-up stays light."""

import configparser
import json
import os
import subprocess
import sys
import textwrap
import zipfile
from pathlib import Path

import pytest
import typer
from typer.core import TyperGroup
from typer.testing import CliRunner

import zgrongcuo
from zgrongcuo.cli import app
from zgrongcuo.cli.framework import word

ROOT = Path(__file__).resolve().parent.parent
ARTICLE_CASE = ROOT / "examples" / "zigui-2014-57-insurance.yaml"

runner = CliRunner()


# ------------------------------------------------------------------ wheel


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    env = {**os.environ, "PIP_DISABLE_PIP_VERSION_CHECK": "1", "PIP_NO_INPUT": "1"}
    command = [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--no-index"]
    result = subprocess.run(
        [*command, "--no-cache-dir", "-w", str(out), str(ROOT)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    wheels = list(out.glob("zgrongcuo-*.whl"))
    assert len(wheels) == 1, wheels
    return wheels[0]


def test_the_wheel_carries_the_criteria_byte_for_byte(wheel):
    with zipfile.ZipFile(wheel) as z:
        names = z.namelist()
        assert "zgrongcuo/criteria.yaml" in names
        assert z.read("zgrongcuo/criteria.yaml") == (ROOT / "criteria.yaml").read_bytes()


def test_the_wheel_carries_py_typed_for_type_checkers(wheel):
    with zipfile.ZipFile(wheel) as z:
        assert "zgrongcuo/py.typed" in z.namelist()


def test_the_wheel_carries_the_bundled_measures_byte_for_byte(wheel):
    measures = sorted((ROOT / "measures").glob("*.yaml"))
    assert measures, "the checkout has bundled measures"
    with zipfile.ZipFile(wheel) as z:
        for path in measures:
            assert z.read(f"zgrongcuo/measures/{path.name}") == path.read_bytes()


def test_the_wheel_carries_the_published_cases_byte_for_byte(wheel):
    cases = sorted((ROOT / "precedents").glob("*.yaml"))
    assert cases, "the checkout has published cases"
    with zipfile.ZipFile(wheel) as z:
        for path in cases:
            assert z.read(f"zgrongcuo/precedents/{path.name}") == path.read_bytes()


def test_the_wheel_carries_the_word_template(wheel):
    template = ROOT / "zgrongcuo" / "render" / "gongwen"
    parts = sorted(p.relative_to(ROOT).as_posix() for p in template.rglob("*") if p.is_file())
    assert "zgrongcuo/render/gongwen/_rels/.rels" in parts and "zgrongcuo/render/gongwen/word/styles.xml" in parts
    with zipfile.ZipFile(wheel) as z:
        assert [n for n in sorted(z.namelist()) if n.startswith("zgrongcuo/render/gongwen/")] == parts


def test_the_wheel_declares_the_console_script(wheel):
    with zipfile.ZipFile(wheel) as z:
        [entry_points] = [n for n in z.namelist() if n.endswith(".dist-info/entry_points.txt")]
        parser = configparser.ConfigParser()
        parser.read_string(z.read(entry_points).decode("utf-8"))
    assert dict(parser["console_scripts"]) == {"zgrongcuo": "zgrongcuo.cli:main"}


def test_the_wheel_has_the_packages_version(wheel):
    assert wheel.name.startswith(f"zgrongcuo-{zgrongcuo.__version__}-")


# ------------------------------------------------------------------- help


def _commands(command, path=()):
    """Every command under ``command``, with the words that invoke it."""
    yield path, command
    if isinstance(command, TyperGroup):
        ctx = typer.Context(command)
        for name in sorted(command.list_commands(ctx)):
            yield from _commands(command.get_command(ctx, name), (*path, name))


COMMANDS = list(_commands(word(typer.main.get_command(app), "zh")))  # as `zgrongcuo` words them in a run


def test_the_walk_finds_the_commands():
    names = [" ".join(path) for path, _ in COMMANDS]
    assert "" in names and "check" in names


@pytest.mark.parametrize(("path", "command"), COMMANDS, ids=[" ".join(p) or "zgrongcuo" for p, _ in COMMANDS])
def test_commands_have_help(path, command):
    assert command.help and command.help.strip(), f"{' '.join(path) or 'zgrongcuo'} has no help text"
    for param in command.params:
        if getattr(param, "hidden", False):
            continue
        assert getattr(param, "help", None), f"{' '.join(path) or 'zgrongcuo'}: {param.name} has no help text"
    result = runner.invoke(app, [*path, "--help"])
    assert result.exit_code == 0, result.output
    first = command.help.strip().splitlines()[0]
    assert "".join(first.split()) in "".join(result.stdout.split())  # wrapped to the terminal's width


# ---------------------------------------------------------------- version


def test_python_m_zgrongcuo_version():
    result = subprocess.run(
        [sys.executable, "-m", "zgrongcuo", "--version"], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"zgrongcuo {zgrongcuo.__version__}"


# --------------------------------------------------------- start-up discipline

_CHECK_IN_PROCESS = textwrap.dedent(
    """
    import contextlib, io, json, sys
    from zgrongcuo.cli import app

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        try:
            code = app(["check", "--format", sys.argv[1], sys.argv[2]], standalone_mode=False)
        except SystemExit as exc:
            code = exc.code
    print(json.dumps({"code": code, "rich": "rich" in sys.modules, "out": out.getvalue()}))
    """
)


def _check_in_a_fresh_interpreter(fmt: str) -> dict:
    result = subprocess.run(
        [sys.executable, "-c", _CHECK_IN_PROCESS, fmt, str(ARTICLE_CASE)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_json_output_does_not_import_rich():
    got = _check_in_a_fresh_interpreter("json")
    assert got["code"] == 0
    assert json.loads(got["out"])["outcome"] == "exempt"
    assert got["rich"] is False


def test_text_output_does_import_rich():
    # The other side of the test above: proves the probe can see Rich at all.
    got = _check_in_a_fresh_interpreter("text")
    assert got["code"] == 0
    assert "ZG-2014-57" in got["out"]
    assert got["rich"] is True


@pytest.mark.parametrize("fmt", ["text", "json", "jsonl", "csv", "markdown", "html"])
def test_the_office_libraries_are_imported_only_for_the_formats_that_use_them(fmt):
    """python-docx and openpyxl are dependencies, but a check that makes no Word or Excel file never loads them."""
    probe = _CHECK_IN_PROCESS.replace(
        '"rich": "rich" in sys.modules',
        '"rich": sorted(m for m in ("docx", "openpyxl", "lxml") if m in sys.modules)',
    )
    result = subprocess.run([sys.executable, "-c", probe, fmt, str(ARTICLE_CASE)], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    got = json.loads(result.stdout)
    assert got["code"] == 0 and got["rich"] == []
