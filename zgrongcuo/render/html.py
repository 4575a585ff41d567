"""Determinations as self-contained HTML pages: inline style, no scripts, no outside resources.

Everything that comes from a case file or the criteria is escaped.
"""

from __future__ import annotations

import sys
from typing import IO, Any

from zgrongcuo import __version__
from zgrongcuo.errors import ZgError
from zgrongcuo.model.determination import Determination
from zgrongcuo.render.contract import Renderer, RenderOptions
from zgrongcuo.render.escape import html as escape_html
from zgrongcuo.render.view import DeterminationView, ElementRow, Tally, bar, build
from zgrongcuo.text.catalogue import text

SUFFIX = ".html"

_CSS = """
body{font-family:"Source Han Serif SC","Noto Serif CJK SC","Songti SC",SimSun,serif;max-width:60rem;margin:2rem auto;padding:0 1rem;line-height:1.6;color:#222}
h1{font-size:1.5rem;text-align:center}h2{font-size:1.2rem;border-bottom:1px solid #ccc;margin-top:2rem}h3{font-size:1.05rem}
table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem}th,td{border:1px solid #ccc;padding:.3rem .5rem;text-align:left;vertical-align:top}
th{background:#f3f3f3}.headline{border:2px solid;padding:.6rem 1rem;margin:1rem 0}.headline strong{font-size:1.2rem}
.fav{border-color:#2e7d32;color:#1b5e20}.unfav{border-color:#c62828;color:#b71c1c}.open{border-color:#f9a825;color:#8d6e00}
.met{color:#1b5e20}.not_met{color:#b71c1c}.unknown{color:#8d6e00}.touched{color:#b71c1c;font-weight:bold}
blockquote{margin:.3rem 0 .6rem;padding:.2rem .8rem;border-left:4px solid #ddd;color:#555}
.meta{color:#666;font-size:.9rem}.bar{color:#1565c0;white-space:nowrap}code{font-size:.9em}
article+article{border-top:3px double #999;margin-top:3rem}
"""


def _e(value: object) -> str:
    return escape_html(value)


def _headline_class(favourable: bool | None) -> str:
    return "fav" if favourable else "open" if favourable is None else "unfav"


def _page(title: str, lang: str, body: str) -> str:
    html_lang = "zh-Hans" if lang == "zh" else lang
    return (
        f'<!DOCTYPE html>\n<html lang="{_e(html_lang)}">\n<head>\n<meta charset="utf-8">\n'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{_e(title)}</title>\n<style>{_CSS}</style>\n</head>\n<body>\n{body}</body>\n</html>\n"
    )


def _table(header: list[str], rows: list[list[str]], classes: list[str] | None = None) -> str:
    out = ["<table>", "<tr>" + "".join(f"<th>{_e(h)}</th>" for h in header) + "</tr>"]
    for i, row in enumerate(rows):
        cls = f' class="{_e(classes[i])}"' if classes and classes[i] else ""
        out.append(f"<tr{cls}>" + "".join(f"<td>{_e(c)}</td>" for c in row) + "</tr>")
    out.append("</table>")
    return "\n".join(out) + "\n"


def _elements(report: DeterminationView, rows: list[ElementRow], *, exclusion: bool = False) -> str:
    h = report.headings
    out = [f'<table>\n<tr><th>{_e(h["report.elements"])}</th><th>{_e(h["col.status"])}</th><th>{_e(h["col.reason"])}</th></tr>']
    for r in rows:
        cls = ("touched" if r.status == "met" else "met" if r.status == "not_met" else "unknown") if exclusion else r.status
        out.append(f'<tr><td>{_e(r.label)}</td><td class="{cls}">{_e(r.status_text)}</td><td>{_e(r.reason)}</td></tr>')
    out.append("</table>")
    return "\n".join(out) + "\n"


def article(report: DeterminationView) -> str:
    """One case's report as an <article> element."""
    h = report.headings
    lang = report.lang
    parts = [f"<article>\n<h1>{_e(report.title)}</h1>\n"]
    parts.append(
        f'<div class="headline {_headline_class(report.favourable)}"><strong>{_e(report.outcome)}</strong> '
        f"<code>({_e(report.outcome_code)})</code><br>{_e(report.how)}</div>\n"
    )
    parts.append(f"<h2>{_e(h['report.basic'])}</h2>\n")
    parts.append(_table([text("col.field", lang), text("col.value", lang)], [[k, v] for k, v in report.meta]))
    if report.answers:
        parts.append(f"<h3>{_e(h['heading.answers'])}</h3>\n")
        parts.append(_table([h["col.question"], h["col.answer"], h["col.note"]], [list(a) for a in report.answers]))

    parts.append(f"<h2>{_e(h['report.analysis'])}</h2>\n")
    parts.append(f"<h3>{_e(h['heading.situations'])}</h3>\n")
    parts.append(
        _table(
            [text("col.situation", lang), text("col.status", lang)],
            [[f"{s.id} {s.label}", s.status_text] for s in report.situations],
            [s.status for s in report.situations],
        )
    )
    for s in report.situations:
        parts.append(f'<h3 class="{_e(s.status)}">{_e(s.heading)}</h3>\n')
        if s.quote:
            parts.append(f"<blockquote>{_e(s.quote)}</blockquote>\n")
        parts.append(_elements(report, s.elements))
    if report.preconditions:
        parts.append(f"<h3>{_e(h['heading.preconditions'])}</h3>\n" + _elements(report, report.preconditions))
    if report.exclusions:
        parts.append(f"<h3>{_e(h['heading.exclusions'])}</h3>\n" + _elements(report, report.exclusions, exclusion=True))

    parts.append(f"<h2>{_e(h['report.conclusion'])}</h2>\n")
    parts.append(f"<p><strong>{_e(text('report.outcome', lang, outcome=report.outcome, code=report.outcome_code))}</strong></p>\n")
    parts.append(f"<p>{_e(report.how)}</p>\n")
    for line in report.unchecked:
        parts.append(f'<p class="unknown">{_e(line)}</p>\n')
    if report.open_questions:
        parts.append(f"<p><strong>{_e(h['heading.open_questions'])}</strong></p>\n<ol>\n")
        parts.append("".join(f"<li>{_e(q)} ({_e(f)})</li>\n" for q, f in report.open_questions) + "</ol>\n")
    ex = report.explanation
    if ex:
        parts.append(f"<h3>{_e(h['cf.heading'])}</h3>\n")
        if ex.intro:
            parts.append(f"<p>{_e(ex.intro)}</p>\n<ul>\n" + "".join(f"<li>{_e(x)}</li>\n" for x in ex.lines) + "</ul>\n")
        if ex.bottom_heading:
            parts.append(f"<p>{_e(ex.bottom_heading)}</p>\n<ul>\n" + "".join(f"<li>{_e(x)}</li>\n" for x in ex.bottom_lines) + "</ul>\n")
        for line in ex.closing:
            parts.append(f"<p>{_e(line)}</p>\n")
    parts.append(f"<h2>{_e(h['report.procedure'])}</h2>\n<p>{_e(report.reminder)}</p>\n")
    parts.append(
        f'<hr>\n<p class="meta">{_e(report.criteria_line)}<br>{_e(report.sha_line)}<br>{_e(report.generated)}</p>\n</article>\n'
    )
    return "".join(parts)


def document(report: DeterminationView) -> str:
    """One case's report as a complete HTML page."""
    return _page(report.title, report.lang, article(report))


def summary_section(tally: Tally, generated: str) -> str:
    lang = tally.lang
    parts = [f"<section>\n<h1>{_e(text('summary.title', lang))}</h1>\n<p>{_e(tally.counts_line())}</p>\n"]
    outcomes = tally.by_outcome()
    most = max((n for _, _, n, _ in outcomes), default=0)
    parts.append(f"<h2>{_e(text('summary.by_outcome', lang))}</h2>\n")
    parts.append(_bar_table(lang, "col.outcome", [(label, code, n) for label, code, n, _ in outcomes], most))
    situations = tally.by_situation()
    most = max((n for _, _, n in situations), default=0)
    parts.append(f"<h2>{_e(text('summary.by_situation', lang))}</h2>\n<p>{_e(text('summary.several', lang))}</p>\n")
    parts.append(_bar_table(lang, "col.situation", situations, most))
    parts.append(f"<h2>{_e(text('summary.cases', lang))}</h2>\n")
    with_reports = any(r.report for r in tally.rows)
    header = [text(k, lang) for k in ("col.file", "col.case_id", "col.outcome", "col.code", "col.situations_met")]
    if with_reports:
        header.append(text("col.report", lang))
    rows = ["<table>", "<tr>" + "".join(f"<th>{_e(x)}</th>" for x in header) + "</tr>"]
    for r in tally.rows:
        cells = [_e(r.file), _e(r.case_id), f'<span class="{_headline_class(r.favourable)}">{_e(r.outcome)}</span>', _e(r.code), _e(r.situations)]
        if with_reports:
            cells.append(f'<a href="{_e(r.report)}">{_e(r.report)}</a>' if r.report else "")
        rows.append("<tr>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>")
    rows.append("</table>\n")
    parts.append("\n".join(rows))
    parts.append(f'<p class="meta">{_e(text("report.generated", lang, time=generated, version=__version__))}</p>\n</section>\n')
    return "".join(parts)


def _bar_table(lang: str, first: str, rows: list[tuple[str, str, int]], most: int) -> str:
    header = [text(first, lang), text("col.code", lang), text("col.count", lang), text("col.chart", lang)]
    out = ["<table>", "<tr>" + "".join(f"<th>{_e(x)}</th>" for x in header) + "</tr>"]
    for label, code, n in rows:
        out.append(f'<tr><td>{_e(label)}</td><td>{_e(code)}</td><td>{n}</td><td class="bar">{_e(bar(n, most))}</td></tr>')
    out.append("</table>\n")
    return "\n".join(out)


def summary_document(tally: Tally, generated: str) -> str:
    return _page(text("summary.title", tally.lang), tally.lang, summary_section(tally, generated))


class HtmlRenderer(Renderer):
    """One page on a stream: every case's report as an article, the summary at the end of a batch."""

    explains = True

    def __init__(self, out: IO[Any] | None, options: RenderOptions) -> None:
        super().__init__(out, options)
        self.out: IO[str] = out if out is not None else sys.stdout
        self.tally = Tally(self.lang)
        self.articles: list[str] = []
        self.title = ""

    def emit(self, payload: object) -> None:
        assert isinstance(payload, Determination)
        report = build(payload, self.lang, generated=self.options.generated)
        self.title = self.title or report.title
        self.articles.append(article(report))
        self.tally.add(payload)

    def failure(self, file: str, error: ZgError) -> None:
        self.tally.fail(file)

    def close(self) -> None:
        if not self.tally.total:
            return
        body = "".join(self.articles)
        title = self.title
        if self.options.batch:
            body += summary_section(self.tally, self.options.generated)
            title = text("summary.title", self.lang)
        self.out.write(_page(title, self.lang, body))
