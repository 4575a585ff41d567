"""Writing case files: the inverse of ``case_reader.load``, for answers gathered by the interview.

What is written reads back, through ``case_reader.load``, to the same metadata,
answers and notes, expectations and recorded decision.  Every text is written double-quoted, so that no reader's
YAML 1.1 habits can turn an id ``0755`` into a number or a title ``no`` into
false.  The comment lines at the top are for the person who opens the file.
"""

from __future__ import annotations

import json
import re

from zgrongcuo.model.case import DECISION_KEYS, META_KEYS, Answer, Case, Decision, Expect
from zgrongcuo.model.conditions import AnswerValue
from zgrongcuo.model.criteria import Criteria, Fact, Questions
from zgrongcuo.model.suggestion import Evidence, Suggestion
from zgrongcuo.text.catalogue import text

# What a YAML reader takes for something other than text when written plain.
_SPECIAL_WORDS = frozenset({"", "~", "null", "true", "false", "yes", "no", "on", "off", "y", "n"})
_PLAIN_ID = re.compile(r"^[A-Za-z][A-Za-z0-9_-]*$")


def _printable(ch: str) -> bool:
    # YAML's printable set, less the characters its readers take for line breaks (NEL, LS, PS).
    o = ord(ch)
    return (
        0x20 <= o <= 0x7E
        or (0xA0 <= o <= 0xD7FF and o != 0x2028 and o != 0x2029)
        or (0xE000 <= o <= 0xFFFD and o != 0xFEFF)
        or 0x10000 <= o <= 0x10FFFF
    )


_ESCAPES = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\t": "\\t", "\r": "\\r"}


def quote(value: str) -> str:
    """``value`` as a YAML double-quoted scalar that reads back to exactly ``value``."""
    out = ['"']
    for ch in value:
        if ch in _ESCAPES:
            out.append(_ESCAPES[ch])
        elif _printable(ch):
            out.append(ch)
        else:
            out.append(_escape(ch))
    out.append('"')
    return "".join(out)


def _escape(ch: str) -> str:
    return f"\\u{ord(ch):04x}" if ord(ch) <= 0xFFFF else f"\\U{ord(ch):08x}"


def _comment(line: str) -> str:
    # A comment is for reading only; a character no reader accepts is shown escaped.
    return "# " + "".join(ch if _printable(ch) or ch == "\t" else _escape(ch) for ch in line)


def key(name: str) -> str:
    """A name or id as a YAML scalar: plain where YAML reads it back as the same text, else quoted."""
    return name if _PLAIN_ID.match(name) and name.lower() not in _SPECIAL_WORDS else quote(name)


def yes_no_text(value: bool | None, lang: str) -> str:
    """How a yes/no answer is written in the user's language (``是``/``否``/``不确定`` or yes/no/unknown)."""
    if lang == "en":
        return "unknown" if value is None else "yes" if value else "no"
    return "不确定" if value is None else "是" if value else "否"


def _yaml_value(fact: Fact, value: AnswerValue | None, lang: str) -> str:
    if not isinstance(value, tuple):
        return yes_no_text(value, lang)
    return "[" + ", ".join(key(v) for v in value) + "]"


def _json_value(fact: Fact, value: AnswerValue | None, lang: str) -> object:
    if not isinstance(value, tuple):
        return yes_no_text(value, lang)
    return list(value)


def _ordered(case: Case, criteria: Criteria | Questions) -> list[tuple[Fact, Answer]]:
    """The answers in asking order. Every answered fact must be one of ``criteria``'s: none is dropped."""
    ordered = [(f, case.answers[f.id]) for f in criteria.facts if f.id in case.answers]
    if len(ordered) != len(case.answers):
        raise ValueError(f"answers to questions the criteria do not ask: {sorted(set(case.answers) - set(criteria.fact_by_id))}")
    return ordered


def dumps(
    case: Case,
    criteria: Criteria | Questions,
    *,
    lang: str,
    comments: tuple[str, ...] = (),
    json_syntax: bool = False,
    at: str | None = None,
) -> str:
    """The text of a case file holding ``case``'s measures, metadata, answers (in asking order), notes, expectations
    and decision. ``at``: where the file goes, from which the paths of its measures are written."""
    if json_syntax:
        return _dumps_json(case, criteria, lang, at)
    lines = [_comment(c) for comment in comments for c in comment.splitlines()]
    if case.measures:
        lines.append("measures: [" + ", ".join(key(m) for m in _measures(case, at)) + "]")
    meta = [(k, case.meta.get(k)) for k in META_KEYS if case.meta.get(k) is not None]
    if meta:
        lines.append("case:")
        lines.extend(f"  {k}: {quote(v)}" for k, v in meta)  # type: ignore[arg-type]
    answers = _ordered(case, criteria)
    if not answers:
        lines.append("answers: {}")
    else:
        lines.append("answers:")
        for fact, answer in answers:
            value = _yaml_value(fact, answer.value, lang)
            if answer.note is None:
                lines.append(f"  {key(fact.id)}: {value}")
            else:
                lines.append(f"  {key(fact.id)}:")
                lines.append(f"    value: {value}")
                lines.append(f"    note: {quote(answer.note)}")
    lines.extend(_suggested_lines(case, criteria, lang))
    if len(case.expects) == 1 and case.expects[0].measure is None:
        parts = _expect_lines(case.expects[0], "  ")
        lines.append("expect:" if parts else "expect: {}")
        lines.extend(parts)
    elif case.expects:  # one per measure
        lines.append("expect:")
        for expect in case.expects:
            parts = _expect_lines(expect, "    ") or ["    {}"]
            lines.append("  - " + parts[0].lstrip())
            lines.extend(parts[1:])
    if case.decision is not None:  # what was decided is the record's, not the interview's: kept as read
        lines.append("decision:")
        lines.extend(f"  {k}: {key(v) if k in _DECISION_IDS else quote(v)}" for k, v in _decision(case.decision))
    return "\n".join(lines) + "\n"


_DECISION_IDS = ("outcome", "measure")


def _suggestions(case: Case, criteria: Criteria | Questions) -> list[tuple[Fact, Suggestion]]:
    """The suggestions in asking order; like answers, every one must be for a question of ``criteria``."""
    ordered = [(f, case.suggested[f.id]) for f in criteria.facts if f.id in case.suggested]
    if len(ordered) != len(case.suggested):
        raise ValueError(f"suggestions for questions the criteria do not ask: {sorted(set(case.suggested) - set(criteria.fact_by_id))}")
    return ordered


def _suggested_lines(case: Case, criteria: Criteria | Questions, lang: str) -> list[str]:
    if not case.suggested:
        return []
    lines = ["suggested:"]
    for fact, s in _suggestions(case, criteria):
        lines.append(f"  {key(fact.id)}:")
        if s.value is not None:
            lines.append(f"    value: {_yaml_value(fact, s.value, lang)}")
            texts, sources = _evidence(s.evidence)
            if len(texts) == 1:
                lines.append(f"    evidence: {quote(texts[0])}")
            else:
                lines.append("    evidence:")
                lines.extend(f"      - {quote(t)}" for t in texts)
            if isinstance(sources, str):
                lines.append(f"    from: {quote(sources)}")
            elif sources is not None:
                lines.append("    from:")
                lines.extend(f"      - {'null' if n is None else quote(n)}" for n in sources)
        if s.conflicting:
            lines.append("    conflicting:")
            for e in s.conflicting:
                lines.append(f"      - value: {yes_no_text(e.says, lang)}")
                if e.option is not None:
                    lines.append(f"        option: {key(e.option)}")
                lines.append(f"        evidence: {quote(e.text)}")
                if e.source is not None:
                    lines.append(f"        from: {quote(e.source)}")
    return lines


def _evidence(evidence: tuple[Evidence, ...]) -> tuple[list[str], str | list[str | None] | None]:
    """The sentences, and their files: one name for all (the usual case), none, or one per sentence."""
    texts = [e.text for e in evidence]
    names = [e.source for e in evidence]
    if all(n is None for n in names):
        return texts, None
    if len(set(names)) == 1:
        return texts, names[0]
    return texts, names


def _suggested_json(case: Case, criteria: Criteria | Questions, lang: str) -> dict[str, object]:
    out: dict[str, object] = {}
    for fact, s in _suggestions(case, criteria):
        entry: dict[str, object] = {}
        if s.value is not None:
            entry["value"] = _json_value(fact, s.value, lang)
            texts, sources = _evidence(s.evidence)
            entry["evidence"] = texts[0] if len(texts) == 1 else texts
            if sources is not None:
                entry["from"] = sources
        if s.conflicting:
            entry["conflicting"] = [
                {
                    "value": yes_no_text(e.says, lang),
                    **({"option": e.option} if e.option is not None else {}),
                    "evidence": e.text,
                    **({"from": e.source} if e.source is not None else {}),
                }
                for e in s.conflicting
            ]
        out[fact.id] = entry
    return out


def _decision(decision: Decision) -> list[tuple[str, str]]:
    """A decision's fields as its case file gives them, in the file's order; the absent ones left out."""
    return [(k, v) for k in DECISION_KEYS if (v := getattr(decision, k)) is not None]


def _expect_lines(expect: Expect, indent: str) -> list[str]:
    parts = []
    if expect.measure is not None:
        parts.append(f"{indent}measure: {key(expect.measure)}")
    if expect.outcome is not None:
        parts.append(f"{indent}outcome: {key(expect.outcome)}")
    for name in ("situations", "next_questions"):
        ids = getattr(expect, name)
        if ids is not None:
            parts.append(f"{indent}{name}: [" + ", ".join(key(i) for i in ids) + "]")
    return parts


def _expect_json(expect: Expect) -> dict[str, object]:
    return {
        name: (list(v) if isinstance(v, tuple) else v)
        for name in ("measure", "outcome", "situations", "next_questions")
        if (v := getattr(expect, name)) is not None
    }


def _measures(case: Case, at: str | None) -> list[str]:
    from zgrongcuo.io.measures import written_from

    return [written_from(m, at) for m in case.measures or ()]


def _dumps_json(case: Case, criteria: Criteria | Questions, lang: str, at: str | None) -> str:
    doc: dict[str, object] = {}
    if case.measures:
        doc["measures"] = _measures(case, at)
    meta = {k: case.meta.get(k) for k in META_KEYS if case.meta.get(k) is not None}
    if meta:
        doc["case"] = meta
    answers: dict[str, object] = {}
    for fact, answer in _ordered(case, criteria):
        value = _json_value(fact, answer.value, lang)
        answers[fact.id] = value if answer.note is None else {"value": value, "note": answer.note}
    doc["answers"] = answers
    if case.suggested:
        doc["suggested"] = _suggested_json(case, criteria, lang)
    if len(case.expects) == 1 and case.expects[0].measure is None:
        doc["expect"] = _expect_json(case.expects[0])
    elif case.expects:
        doc["expect"] = [_expect_json(e) for e in case.expects]
    if case.decision is not None:
        doc["decision"] = dict(_decision(case.decision))
    data = json.dumps(doc, ensure_ascii=False, indent=2)
    # JSON leaves DEL, C1 controls and line separators raw; the strict reader refuses them.
    return "".join(ch if _printable(ch) or ch == "\n" else _escape(ch) for ch in data) + "\n"


def header(criteria: Criteria | Questions, lang: str, date: str) -> str:
    """The comment that opens a case file written by the interview: the measures it was asked for, and how to read it."""
    measures = criteria.measures if isinstance(criteria, Questions) else (criteria,)
    if len(measures) == 1:
        first = text("ask.file_header", lang, date=date, title=measures[0].title[lang], version=measures[0].version)
    else:
        names = text("summary.measures_sep", lang).join(
            text("criteria_name", lang, title=m.title[lang], version=m.version) for m in measures
        )
        first = text("ask.file_header_several", lang, date=date, measures=names)
    return "\n".join((first, text("ask.file_note", lang)))


_OWN_COMMENTS = ("ask.file_header", "ask.file_header_several", "ask.file_note", "ask.draft_header", "suggest.file_header")


def _own_comment(line: str) -> bool:
    """Whether a comment line is one the interview writes itself (in either language), so it is not kept twice."""
    import re

    from zgrongcuo.text.catalogue import LANGUAGES

    for msg_id in _OWN_COMMENTS:
        for lang in LANGUAGES:
            pattern = re.sub(r"\\\{\w+\\\}", ".*", re.escape(text(msg_id, lang)))
            if re.fullmatch(pattern, line):
                return True
    return False


def leading_comments(source: str) -> tuple[str, ...]:
    """The comment lines at the top of a case file, less the interview's own: kept when the interview rewrites it."""
    kept = []
    for line in source.lstrip("\ufeff").splitlines():
        stripped = line.strip()
        if not stripped:
            continue
        if not stripped.startswith("#"):
            break
        comment = stripped[1:].removeprefix(" ")
        if not _own_comment(comment):
            kept.append(comment)
    return tuple(kept)
