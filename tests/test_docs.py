"""The README and the pages in docs/: every link to a file of the project leads to one that exists."""

import re

import pytest
from conftest import ROOT

PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md")), ROOT / "precedents" / "README.md"]
LINK = re.compile(r"\]\(([^)\s]+)\)")


@pytest.mark.parametrize("page", PAGES, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_local_link_resolves(page):
    text = page.read_text(encoding="utf-8")
    targets = [t.split("#")[0] for t in LINK.findall(text) if not re.match(r"^[a-z]+:", t)]
    missing = [t for t in targets if t and not (page.parent / t).exists()]
    assert missing == []


def test_the_readme_links_every_page_in_docs():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert [p.name for p in sorted((ROOT / "docs").glob("*.md")) if f"docs/{p.name}" not in readme] == []


def test_the_readme_shows_the_comparison_the_tool_prints():
    from typer.testing import CliRunner

    from zgrongcuo.cli import app

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    start = readme.index("$ zgrongcuo check examples/zigui-2014-57-insurance.yaml --criteria zigui-2018")
    block = readme[start : readme.index("```", start)].splitlines()
    args = block[0].removeprefix("$ zgrongcuo ").split()
    out = CliRunner().invoke(app, args, env={"COLUMNS": "100"}).stdout.splitlines()
    shown = [line for line in block[1:] if not line.startswith("……")]
    assert shown and all(line in out for line in shown)
    assert out[-len(shown[-3:]) :] == shown[-3:]  # the outcomes are the last lines, as in the README
