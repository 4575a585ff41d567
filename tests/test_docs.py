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
