"""A blank case file: every question, its options and help as YAML comments, ready to fill in.

``check`` on the untouched file gives ``undetermined`` with every question
open: each answer is present and empty, which the case format reads as unknown.
"""

from __future__ import annotations

from zgrongcuo.authoring.case_schema import DEFAULT_URL
from zgrongcuo.errors import UsageError
from zgrongcuo.model.case import META_KEYS
from zgrongcuo.model.criteria import Criteria, Questions
from zgrongcuo.text.catalogue import text
from zgrongcuo.text.layout import columns, wrap

WIDTH = 80  # terminal columns of a comment line, indent included


def _comment(value: str, lang: str, indent: str, extra: str = "") -> list[str]:
    # Every line break a YAML reader knows (U+2028 and U+2029 among them) starts a new comment
    # line: a criteria text never ends a comment and goes on as the case file's own content.
    prefix = f"{indent}# {extra}"
    width = max(WIDTH - columns(prefix) - 4, 20)  # room for punctuation kept at a line's end
    return [f"{prefix}{part}".rstrip() for paragraph in value.splitlines() or [""] for part in wrap(paragraph, width)]


def _schema_line(schema: str) -> str:
    """The first line, naming the schema: a URL or a path, which must stay on that one comment line."""
    if not schema or any(ch.isspace() or not ch.isprintable() for ch in schema):
        raise UsageError("template_schema_url", value=schema)
    return f"# yaml-language-server: $schema={schema}"


def render(
    criteria: Criteria | Questions, lang: str, *, schema: str = DEFAULT_URL, measures: tuple[str, ...] = ()
) -> str:
    """The template's text for one measure, or several (their questions together), in ``lang``.

    Its first line points editors at ``schema``; ``measures``: how its ``measures:`` line names them.
    """
    asked = criteria if isinstance(criteria, Questions) else Questions.single(criteria)
    out = [_schema_line(schema)]
    for measure in asked.measures:
        out += _comment(text("template.head", lang, title=measure.title[lang], version=measure.version), lang, "")
    for key in ("template.how", "template.yesno_how"):
        out += _comment(text(key, lang), lang, "")
    example = next((f.options[0].id for f in asked.facts if f.type == "set"), "")
    if example:
        out += _comment(text("template.set_how", lang, example=example), lang, "")
    for key in ("template.note_how", "template.schema_how"):
        out += _comment(text(key, lang), lang, "")
    if measures:
        out += ["", *(_comment(text("template.measures", lang), lang, "")), "measures: [" + ", ".join(measures) + "]"]
    out += ["", *(_comment(text("template.case", lang), lang, "")), "case:"]
    width = max(len(k) for k in META_KEYS)
    for key in META_KEYS:
        label = text("template.conduct_date" if key == "conduct_date" else f"meta.{key}", lang)
        out.append(f"  {key}:{' ' * (width - len(key))}  # {label}")
    out += ["", *(_comment(text("template.answers", lang), lang, "")), "answers:"]
    for n, fact in enumerate(asked.facts, 1):
        kind = text("template.set" if fact.type == "set" else "template.yesno", lang)
        sep = "（" if lang == "zh" else " ("
        end = "）" if lang == "zh" else ")"
        out += ["", *_comment(f"{n}. {fact.label[lang]}{sep}{kind}{end}", lang, "  ")]
        out += _comment(fact.question[lang], lang, "  ", "   ")
        out += _comment(fact.help[lang], lang, "  ", "   ")
        if fact.quote:
            out += _comment(text("template.quote", lang, quote=fact.quote), lang, "  ", "   ")
        if fact.options:
            out.append(f"  #    {text('template.options', lang)}")
            for option in fact.options:
                out += _comment(f"{option.id}: {option.label[lang]}", lang, "  ", "     ")
                out += _comment(option.help[lang], lang, "  ", "        ")
        out.append(f"  {fact.id}:")
    return "\n".join(out) + "\n"
