"""Determinations as self-contained HTML pages: inline style, no scripts, no outside resources.

Everything that comes from a case file or the criteria is escaped.
"""

from __future__ import annotations

import sys
from typing import IO, Any

from zgrongcuo import __version__
from zgrongcuo.errors import ZgError
from zgrongcuo.render.contract import Renderer, RenderOptions
from zgrongcuo.render.view import DeterminationView, ElementRow, Tally, bar, build, comparison
from zgrongcuo.text.catalogue import text
from zgrongcuo.text.escape import html as escape_html

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
body.wide{max-width:none;margin:1rem 1.5rem}table.cases{font-size:.95rem;table-layout:fixed}
.cases td.file,.cases td.problem,.cases td.report{word-break:break-all;font-size:.85rem;color:#555}
table.kv td:first-child{white-space:nowrap;width:1%}.o-fav{color:#1b5e20}.o-unfav{color:#b71c1c;font-weight:bold}.o-open{color:#8d6e00}
@media print{body,body.wide{max-width:none}}
"""


def _e(value: object) -> str:
    return escape_html(value)


def _headline_class(favourable: bool | None) -> str:
    return "fav" if favourable else "open" if favourable is None else "unfav"


def _page(title: str, lang: str, body: str, *, wide: bool = False) -> str:
    """A whole page; ``wide`` for a summary, whose table of cases wants the window's width."""
    html_lang = "zh-Hans" if lang == "zh" else lang
    body_tag = '<body class="wide">' if wide else "<body>"
    return (
        f'<!DOCTYPE html>\n<html lang="{_e(html_lang)}">\n<head>\n<meta charset="utf-8">\n'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{_e(title)}</title>\n<style>{_CSS}</style>\n</head>\n{body_tag}\n{body}</body>\n</html>\n"
    )


def _table(header: list[str], rows: list[list[str]], classes: list[str] | None = None, *, kind: str = "") -> str:
    """A table; ``kind`` "kv" is one of labels and values, its labels kept on one line."""
    opening = f'<table class="{kind}">' if kind else "<table>"
    out = [opening, "<tr>" + "".join(f"<th>{_e(h)}</th>" for h in header) + "</tr>"]
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


def _measure_body(report: DeterminationView, level: int, *, with_meta: bool) -> str:
    """One measure's part of a report; ``level`` is the rank of its section headings (<h2> is 2)."""
    h = report.headings
    lang = report.lang
    h2, h3 = f"h{level}", f"h{level + 1}"

    def head(key: str, n: int) -> str:  # numbered in a one-measure report; within a measure's part, not
        return h.numbered(n, f"section.{key}") if with_meta else h[f"section.{key}"]

    parts = [f'<p class="unknown">⚠ {_e(line)}</p>\n' for line in report.warnings]
    if with_meta:
        parts.append(f"<{h2}>{_e(head('basic', 1))}</{h2}>\n")
        parts.append(_table([text("col.field", lang), text("col.value", lang)], [[k, v] for k, v in report.meta], kind="kv"))
    if report.answers:
        parts.append(f"<{h3}>{_e(h['heading.answers'])}</{h3}>\n")
        parts.append(_table([h["col.question"], h["col.answer"], h["col.note"]], [list(a) for a in report.answers]))
    parts += [f'<p class="meta">{_e(line)}</p>\n' for line in report.unused]

    parts.append(f"<{h2}>{_e(head('analysis', 2))}</{h2}>\n")
    parts.append(f"<{h3}>{_e(h['heading.situations'])}</{h3}>\n")
    parts.append(
        _table(
            [text("col.situation", lang), text("col.status", lang)],
            [[s.label, s.status_text] for s in report.situations],
            [s.status for s in report.situations],
        )
    )
    for s in report.situations:
        parts.append(f'<{h3} class="{_e(s.status)}">{_e(s.heading)}</{h3}>\n')
        if s.quote:
            parts.append(f"<blockquote>{_e(s.quote)}</blockquote>\n")
        parts.append(_elements(report, s.elements))
    if report.preconditions:
        parts.append(f"<{h3}>{_e(h['heading.preconditions'])}</{h3}>\n" + _elements(report, report.preconditions))
    if report.exclusions:
        parts.append(f"<{h3}>{_e(h['heading.exclusions'])}</{h3}>\n" + _elements(report, report.exclusions, exclusion=True))

    parts.append(f"<{h2}>{_e(head('conclusion', 3))}</{h2}>\n")
    parts.append(f"<p><strong>{_e(text('report.outcome', lang, outcome=report.outcome, code=report.outcome_code))}</strong></p>\n")
    parts.append(f"<p>{_e(text('concise.why', lang) + report.why)}</p>\n")
    for line in report.unchecked:
        parts.append(f'<p class="unknown">{_e(line)}</p>\n')
    if report.open_questions:
        parts.append(f"<p><strong>{_e(h['heading.open_questions'])}</strong></p>\n<ol>\n")
        parts.append("".join(f"<li>{_e(q)} ({_e(f)})</li>\n" for q, f in report.open_questions) + "</ol>\n")
    if report.decision:
        cls = "unknown" if report.agrees is None else "met" if report.agrees else "not_met"
        lines = "<br>".join(_e(line) for line in report.decision)
        parts.append(f"<{h3}>{_e(h['decision.heading'])}</{h3}>\n<p class=\"{cls}\">{lines}</p>\n")
    ex = report.explanation
    if ex:
        parts.append(f"<{h3}>{_e(h['cf.heading'])}</{h3}>\n")
        if ex.intro:
            parts.append(f"<p>{_e(ex.intro)}</p>\n<ol>\n" + "".join(f"<li>{_e(x)}</li>\n" for x in ex.lines) + "</ol>\n")
        if ex.bottom_heading:
            parts.append(f"<p>{_e(ex.bottom_heading)}</p>\n<ul>\n" + "".join(f"<li>{_e(x)}</li>\n" for x in ex.bottom_lines) + "</ul>\n")
        for line in ex.closing:
            parts.append(f"<p>{_e(line)}</p>\n")
    parts.append(f"<{h2}>{_e(head('procedure', 4))}</{h2}>\n<p>{_e(report.reminder)}</p>\n")
    return "".join(parts)


def _headline(outcome: str, code: str, favourable: bool | None, line: str) -> str:
    return (
        f'<div class="headline {_headline_class(favourable)}"><strong>{_e(outcome)}</strong> '
        f"<code>({_e(code)})</code><br>{_e(line)}</div>\n"
    )


def article(views: list[DeterminationView]) -> str:
    """One case's report as an <article> element: with several measures, a comparison and then each measure."""
    first = views[0]
    lang = first.lang
    h = first.headings
    parts = [f"<article>\n<h1>{_e(first.title)}</h1>\n"]
    if len(views) == 1:
        parts.append(_headline(first.outcome, first.outcome_code, first.favourable, text("concise.why", lang) + first.why))
        parts.append(_measure_body(first, 2, with_meta=True))
        parts.append(
            f'<hr>\n<p class="meta">{_e(first.criteria_line)}<br>{_e(first.sha_line)}<br>{_e(first.generated)}</p>\n</article>\n'
        )
        return "".join(parts)
    rows = comparison(views)
    for r in rows:
        parts.append(_headline(r.outcome, r.code, r.favourable, r.name))
        parts += [f'<p class="unknown">⚠ {_e(line)}</p>\n' for line in r.warnings]  # beside the result they qualify
    parts.append(f"<h2>{_e(h.numbered(1, 'section.basic'))}</h2>\n")
    parts.append(_table([text("col.field", lang), text("col.value", lang)], [[k, v] for k, v in first.meta], kind="kv"))
    intro = text("compare.intro", lang, count=len(views))
    parts.append(f"<h2>{_e(h.numbered(2, 'section.compare'))}</h2>\n<p>{_e(intro)}</p>\n")
    parts.append(
        _table(
            [h["col.measure"], h["col.level"], h["col.outcome"], h["col.situations_met"], h["col.open_count"]],
            [[r.name, r.level, f"{r.outcome} ({r.code})", r.situations, r.open] for r in rows],
        )
    )
    for n, v in enumerate(views, 3):
        parts.append(f'<section class="measure">\n<h2>{_e(h.numbered(n, "section.under", measure=v.measure_name))}</h2>\n')
        parts.append(_measure_body(v, 3, with_meta=False) + "</section>\n")
    meta = "<br>".join([*(_e(v.criteria_line) for v in views), _e(first.generated)])
    parts.append(f'<hr>\n<p class="meta">{meta}</p>\n</article>\n')
    return "".join(parts)


def document(views: list[DeterminationView]) -> str:
    """One case's report as a complete HTML page."""
    return _page(views[0].title, views[0].lang, article(views))


def summary_section(tally: Tally, generated: str) -> str:
    lang = tally.lang
    parts = [f'<section class="summary">\n<h1>{_e(text("summary.title", lang))}</h1>\n<p>{_e(tally.counts_line())}</p>\n']
    for measure in tally.groups():
        outcomes = tally.by_outcome(measure)
        most = max((n for _, _, n, _ in outcomes), default=0)
        parts.append(f"<h2>{_e(tally.heading('summary.by_outcome', measure))}</h2>\n")
        parts.append(_bar_table(lang, "col.outcome", [(label, n) for label, _, n, _ in outcomes], most))
    for measure in tally.groups():
        situations = tally.by_situation(measure)
        most = max((n for _, _, n in situations), default=0)
        heading = tally.heading("summary.by_situation", measure)
        parts.append(f"<h2>{_e(heading)}</h2>\n<p>{_e(text('summary.several', lang))}</p>\n")
        parts.append(_bar_table(lang, "col.situation", [(label, n) for label, _, n in situations], most))
    for measure in tally.groups():
        if tally.agreement(measure):
            heading = tally.heading("agreement.heading", measure)
            parts.append(f"<h2>{_e(heading)}</h2>\n<p>{_e(tally.agreement_line(measure))}</p>\n")
            parts.append(_table(*tally.agreement_table(measure)))
            if tally.differing(measure):
                parts.append(f"<h3>{_e(tally.heading('agreement.differing', measure))}</h3>\n")
                parts.append(_table(*tally.differing_table(measure)))
    parts.append(f"<h2>{_e(text('summary.cases', lang))}</h2>\n")
    header, rows = tally.case_table()
    classes = [_CLASS.get(c, c) for c in tally.columns()]
    shares = [_SHARES[cls] for cls in classes]
    cols = "".join(f'<col style="width:{100 * share / sum(shares):.1f}%">' for share in shares)
    out = ['<table class="cases">', f"<colgroup>{cols}</colgroup>", "<tr>" + "".join(f"<th>{_e(x)}</th>" for x in header) + "</tr>"]
    for r, row in zip(tally.rows, rows, strict=True):
        cells = []
        for cls, value in zip(classes, row, strict=True):
            if cls == "outcome":
                cells.append(f'<td class="outcome o-{_headline_class(r.favourable)}">{_e(value)}</td>')
            elif cls == "report" and value:
                cells.append(f'<td class="report"><a href="{_e(value)}">{_e(value)}</a></td>')
            else:
                cells.append(f'<td class="{cls}">{_e(value)}</td>')
        out.append("<tr>" + "".join(cells) + "</tr>")
    out.append("</table>\n")
    parts.append("\n".join(out))
    parts.append(f'<p class="meta">{_e(text("report.generated", lang, time=generated, version=__version__))}</p>\n</section>\n')
    return "".join(parts)


# How the table of cases shares its width: an outcome label or a title must stay readable.
_SHARES = {
    "id": 9, "title": 17, "subject": 13, "measure": 12, "outcome": 15, "situations": 8, "file": 16, "report": 11,
    "problem": 18,
}  # fmt: skip
_CLASS = {"case_id": "id", "situations_met": "situations"}  # a column's class, where it differs from its name


def _bar_table(lang: str, first: str, rows: list[tuple[str, int]], most: int) -> str:
    header = [text(first, lang), text("col.count", lang), text("col.chart", lang)]
    out = ["<table>", "<tr>" + "".join(f"<th>{_e(x)}</th>" for x in header) + "</tr>"]
    for label, n in rows:
        out.append(f'<tr><td>{_e(label)}</td><td>{n}</td><td class="bar">{_e(bar(n, most))}</td></tr>')
    out.append("</table>\n")
    return "\n".join(out)


def summary_document(tally: Tally, generated: str) -> str:
    return _page(text("summary.title", tally.lang), tally.lang, summary_section(tally, generated), wide=True)


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
        assert isinstance(payload, tuple)
        views = [build(d, self.lang, generated=self.options.generated) for d in payload]
        self.title = self.title or views[0].title
        self.articles.append(article(views))
        self.tally.add(payload)

    def failure(self, file: str, error: ZgError) -> None:
        self.tally.fail(file, error)

    def close(self) -> None:
        if not self.tally.total:
            return
        body = "".join(self.articles)
        title = self.title
        if self.options.batch:
            body += summary_section(self.tally, self.options.generated)
            title = text("summary.title", self.lang)
        self.out.write(_page(title, self.lang, body))
