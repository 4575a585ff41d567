"""`criteria test` and `diff` reports as JSON, for scripts."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import TextIO

from zgrongcuo.authoring.expectations import FIELDS, ExpectationResult, actual, counts
from zgrongcuo.authoring.impact import ImpactReport
from zgrongcuo.authoring.lint import Finding
from zgrongcuo.authoring.phrases import change_text, failure_reasons
from zgrongcuo.model.criteria import Criteria
from zgrongcuo.model.determination import Determination


def _dumps(obj: object) -> str:
    return json.dumps(obj, ensure_ascii=False, indent=2)


def _plain(value):
    return list(value) if isinstance(value, tuple) else value


def criteria_json(criteria: Criteria, lang: str) -> dict:
    return {
        "id": criteria.id,
        "title": criteria.title[lang],
        "version": criteria.version,
        "sha256": criteria.sha256,
        "path": criteria.path,
    }


def result_json(result: ExpectationResult, lang: str) -> dict:
    expect = result.expect
    case = result.case
    return {
        "file": result.file,
        "case": {"id": case.meta.get("id"), "title": case.meta.get("title")} if case else None,
        "measure": result.criteria.id if result.criteria else None,
        "status": result.status,
        "expected": (
            {name: _plain(getattr(expect, name)) for name in FIELDS if getattr(expect, name) is not None} if expect else None
        ),
        "actual": {k: _plain(v) for k, v in actual(result.determination).items()} if result.determination else None,
        "differences": [
            {"field": d.field, "expected": _plain(d.expected), "actual": _plain(d.actual)} for d in result.differences
        ],
        "reasons": failure_reasons(result, lang) if result.differences else [],
        "error": result.error.to_json(lang) if result.error else None,
    }


def write_test(out: TextIO, measures: Sequence[Criteria], results: list[ExpectationResult], lang: str) -> None:
    """The `criteria test` report: the measures, the counts, then one entry per case file and measure it expects of."""
    report = {
        "criteria": criteria_json(measures[0], lang),
        "measures": [criteria_json(m, lang) for m in measures],
        "lang": lang,
        "total": len(results),
        **counts(results),
        "results": [result_json(r, lang) for r in results],
    }
    out.write(_dumps(report) + "\n")


def _side(d: Determination) -> dict:
    return {"outcome": d.outcome.id, "situations_met": list(d.situations_met), "rule": d.rule.number if d.rule else None}


def write_diff(out: TextIO, report: ImpactReport, lang: str) -> None:
    """The `diff` report: both criteria, the counts, the transitions, the changed cases and the failures."""
    changed = report.changed
    data = {
        "old": criteria_json(report.old, lang),
        "new": criteria_json(report.new, lang),
        "lang": lang,
        "total": len(report.entries),
        "changed": len(changed),
        "unchanged": report.unchanged,
        "errors": len(report.failed),
        "transitions": [{"from": a, "to": b, "count": n} for a, b, n in report.transitions()],
        "cases": [
            {
                "file": e.file,
                "case": {"id": e.case.meta.get("id"), "title": e.case.meta.get("title")} if e.case else None,
                "old": _side(e.both()[0]),
                "new": _side(e.both()[1]),
                "reasons": [
                    {
                        "where": r.where,
                        "situation": r.situation,
                        "fact": r.fact,
                        "old": r.old,
                        "new": r.new,
                        "text": change_text(r, lang),
                    }
                    for r in e.changes
                ],
            }
            for e in changed
        ],
        "failures": [
            {
                "file": e.file,
                "old": e.old_error.to_json(lang) if e.old_error else None,
                "new": e.new_error.to_json(lang) if e.new_error else None,
            }
            for e in report.failed
        ],
    }
    out.write(_dumps(data) + "\n")


def write_lint(out: TextIO, file: str, findings: list[Finding], lang: str) -> None:
    """The `criteria validate` report: the file, then its errors and its warnings."""
    from zgrongcuo.authoring.lint import ERROR, WARNING

    report = {
        "file": file,
        "errors": [f.to_json(lang) for f in findings if f.severity == ERROR],
        "warnings": [f.to_json(lang) for f in findings if f.severity == WARNING],
    }
    out.write(_dumps(report) + "\n")
