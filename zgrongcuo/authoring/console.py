"""`criteria show`, `criteria test` and `diff` for people: Rich trees and tables.

Imported only for text output, so the Markdown and JSON paths start without Rich.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Console
from rich.markup import escape
from rich.table import Table
from rich.text import Text
from rich.tree import Tree

from zgrongcuo.authoring.expectations import ERROR, FAILED, PASSED, SKIPPED, ExpectationResult, counts
from zgrongcuo.authoring.impact import ImpactReport
from zgrongcuo.authoring.outline import HEADING, NOTE, QUOTE, SECTION, TITLE, OutlineItem
from zgrongcuo.authoring.phrases import change_text, difference_text, failure_reasons, ids_text, outcome_text
from zgrongcuo.model.criteria import Criteria
from zgrongcuo.render.terminal import outcome_style
from zgrongcuo.text.catalogue import text
from zgrongcuo.text.escape import visible


def _safe(value: str) -> str:
    """Text for a markup string: nothing from a file acts (markup, control characters, bidi)."""
    return escape(visible(value))


_TONE = {"good": "green", "bad": "red", "open": "yellow"}
_KIND_STYLE = {TITLE: "bold", SECTION: "bold underline", HEADING: "bold", QUOTE: "italic", NOTE: "dim"}


def _label(node: OutlineItem) -> Text:
    style = _KIND_STYLE.get(node.kind, "")
    if node.tone:
        style = f"{style} {_TONE[node.tone]}".strip()
    label = Text(node.text, style=style)
    if node.code and node.kind != TITLE:
        label.append(f"  {node.code}", style="cyan")
    return label


def _grow(tree: Tree, node: OutlineItem) -> None:
    for child in node.children:
        _grow(tree.add(_label(child)), child)


def show(console: Console, root: OutlineItem) -> None:
    """The outline of a measure as a tree."""
    tree = Tree(_label(root), guide_style="dim")
    _grow(tree, root)
    console.print(tree)


_RESULT_STYLE = {PASSED: "green", FAILED: "bold red", SKIPPED: "dim", ERROR: "bold red"}
_RESULT_ICON = {PASSED: "✓", FAILED: "✗", SKIPPED: "–", ERROR: "!"}


def test_report(console: Console, measures: Sequence[Criteria], results: list[ExpectationResult], lang: str) -> None:
    """A pass/fail table (a row per case and measure it expects of), then what differed and why for every failure."""
    several = len(measures) > 1
    table = Table(title=text("test.heading", lang), title_justify="left", expand=True)
    table.add_column(text("col.result", lang), no_wrap=True)
    table.add_column(text("col.file", lang), overflow="fold", min_width=16, ratio=3)
    columns = ("col.case_id", "col.measure", "col.expected", "col.actual") if several else ("col.case_id", "col.expected", "col.actual")
    for col in columns:
        table.add_column(text(col, lang), overflow="fold", ratio=2)
    for r in results:
        style = _RESULT_STYLE[r.status]
        expected = r.expect.outcome if r.expect and r.expect.outcome else ""
        got = r.determination.outcome if r.determination else None
        cells = [
            f"[{style}]{_RESULT_ICON[r.status]} {text('test.' + r.status, lang)}[/]",
            _safe(r.file),
            _safe((r.case.meta.get("id") or "") if r.case else ""),
        ]
        if several:
            cells.append(_safe(r.criteria.id) if r.criteria else "")
        cells += [_safe(expected), f"[{outcome_style(got.favourable)}]{_safe(got.id)}[/]" if got else ""]
        table.add_row(*cells)
    console.print(table)
    for r in results:
        if r.status == FAILED and r.criteria is not None:
            console.print(f"[bold red]✗ {_safe(r.file)}[/]" + (f" [dim]({_safe(r.criteria.id)})[/]" if several else ""))
            for d in r.differences:
                console.print("  " + _safe(difference_text(r.criteria, d, lang)))
            for line in failure_reasons(r, lang):
                console.print("    [dim]" + _safe(line) + "[/]")
        elif r.status == ERROR and r.error is not None:
            console.print(f"[bold red]! {_safe(r.file)}[/]")
            console.print("  " + _safe(r.error.render(lang)))
    n = counts(results)
    summary = text("test.summary", lang, total=len(results), passed=n[PASSED], failed=n[FAILED], skipped=n[SKIPPED], errors=n[ERROR])
    console.print(summary, style="bold red" if n[FAILED] or n[ERROR] else "bold green")


def diff_report(console: Console, report: ImpactReport, lang: str) -> None:
    """The changed cases with their reasons, the failures, then the count by transition."""
    def criteria_item(c: Criteria) -> str:
        return text("diff.criteria_item", lang, path=c.path, title=c.title[lang], version=c.version, sha=c.sha256[:12])

    console.print(_safe(text("diff.criteria", lang, old=criteria_item(report.old), new=criteria_item(report.new))), style="dim")
    changed = report.changed
    if changed:
        console.print(f"[bold]{text('diff.heading', lang)}[/]")
    for e in changed:
        old, new = e.both()
        meta = e.case.meta if e.case else {}
        title = " ".join(p for p in (meta.get("id"), meta.get("title")) if p)
        console.print(f"[bold]{_safe(e.file)}[/]" + (f"  {_safe(title)}" if title else ""))
        line = text(
            "diff.transition",
            lang,
            old=f"[{outcome_style(old.outcome.favourable)}]{_safe(outcome_text(report.old, old.outcome.id, lang))}[/]",
            new=f"[{outcome_style(new.outcome.favourable)}]{_safe(outcome_text(report.new, new.outcome.id, lang))}[/]",
        )
        console.print("  " + line)
        if old.situations_met != new.situations_met:
            ids = text("diff.situations", lang, old=ids_text(old.situations_met, lang), new=ids_text(new.situations_met, lang))
            console.print("  " + _safe(ids))
        none = text("diff.no_rule", lang)
        rule = text(
            "diff.rule", lang, old=old.rule.number if old.rule else none, new=new.rule.number if new.rule else none
        )
        console.print("  [dim]" + _safe(rule) + "[/]")
        for r in e.changes:
            console.print("    " + _safe(change_text(r, lang)))
        if not e.changes:
            console.print("    " + _safe(text("diff.only_rules", lang)))
    if report.failed:
        console.print(f"[bold red]{text('diff.failures', lang)}[/]")
        for e in report.failed:
            console.print(f"[bold red]! {_safe(e.file)}[/]")
            if e.old_error is e.new_error and e.old_error is not None:
                console.print("  " + _safe(e.old_error.render(lang)))
                continue
            for side, error in (("old", e.old_error), ("new", e.new_error)):
                if error is not None:
                    console.print("  " + _safe(text("diff.load_" + side, lang, message=error.render(lang))))
    transitions = report.transitions()
    if transitions:
        console.print(f"[bold]{text('diff.transitions', lang)}[/]")
        for a, b, n in transitions:
            console.print("  " + _safe(text("diff.transition", lang, old=a, new=b)) + f": {n}")
    else:
        console.print(text("diff.nothing", lang), style="green")
    console.print(
        text(
            "diff.summary",
            lang,
            total=len(report.entries),
            changed=len(changed),
            unchanged=report.unchanged,
            errors=len(report.failed),
        )
    )


def measures_list(console: Console, measures: Sequence[Criteria], lang: str) -> None:
    """`criteria list`: a block per measure, how to name it first, then its title, level, issuer, dates and source."""
    from zgrongcuo.authoring.measure_list import rows
    from zgrongcuo.io.measures import DEFAULT_MEASURE
    from zgrongcuo.text.layout import columns, wrap

    for n, c in enumerate(measures):
        if n:
            console.print()
        head = Text(c.id, style="bold")
        head.append(f"  {c.name(lang)}", style="bold cyan")
        if c.id == DEFAULT_MEASURE:
            head.append(text("list.default", lang), style="green")
        console.print(head)
        for label, value in rows(c, lang):
            lead = "  " + label
            indent = columns(lead)
            for i, part in enumerate(wrap(value, max(console.width - indent - 1, 16))):
                line = Text(lead if i == 0 else " " * indent, style="dim")
                line.append(part)
                console.print(line, soft_wrap=True)
    console.print()
    for part in wrap(text("list.how", lang), max(console.width - 1, 16)):
        console.print(Text(part, style="dim"), soft_wrap=True)
