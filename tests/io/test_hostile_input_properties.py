"""Properties of the case loader over hostile input: any bytes, any YAML, mutated examples.

Whatever it is handed, the loader gives a case or the tool's own error, never another exception.
"""

import json

from conftest import EXAMPLES
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from zgrongcuo.errors import ZgError
from zgrongcuo.io import case_reader, criteria_builder
from zgrongcuo.model.case import META_KEYS, Answer, Case
from zgrongcuo.text.catalogue import text

CRITERIA = criteria_builder.load()
EXAMPLE_BYTES = [p.read_bytes() for p in sorted(EXAMPLES.glob("*.yaml"))]


def loads_or_our_error(data: bytes, name: str = "case.yaml") -> None:
    try:
        case_reader.loads(data, CRITERIA, name)
        event("loaded")
    except ZgError as error:
        event(error.msg_id)
        # The error must render in both languages without raising either.
        error.render("zh")
        error.render("en")
        json.dumps(error.to_json("en"), ensure_ascii=False)


@given(st.binary(max_size=400), st.sampled_from(["case.yaml", "case.json", "-"]))
def test_any_bytes(data, name):
    loads_or_our_error(data, name)


# Words that mean something to YAML or to the case format, so that generated
# documents reach deep into the loader instead of failing at the first key.
WORDS = [
    *case_reader.TOP_KEYS, *META_KEYS, *case_reader.ANSWER_KEYS, *case_reader.EXPECT_KEYS,
    *(f.id for f in CRITERIA.facts),
    *(o.id for f in CRITERIA.facts for o in f.options),
    *CRITERIA.outcomes, *(s.id for s in CRITERIA.situations),
    "yes", "no", "是", "否", "unknown", "?", "on", "0755", "1e3", "2018-07-02", "null", "~", "",
]
# Mostly printable text, with a few characters that YAML or terminals treat specially.
texts = st.text(st.one_of(st.characters(categories=["L", "N", "P", "Zs"]), st.sampled_from("\t\r\x1b\u202e\ufeff\x85")), max_size=8)
scalars = st.one_of(st.sampled_from(WORDS), texts, st.integers(), st.booleans(), st.none())
generic = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.dictionaries(st.one_of(st.sampled_from(WORDS), texts), inner, max_size=4),
    ),
    max_leaves=12,
)
answer_values = st.one_of(
    scalars,
    st.lists(scalars, max_size=4),
    st.fixed_dictionaries({}, optional={"value": st.one_of(scalars, st.lists(scalars, max_size=3)), "note": scalars}),
    generic,
)
case_shaped = st.fixed_dictionaries(
    {},
    optional={
        "case": st.one_of(st.dictionaries(st.sampled_from(META_KEYS), scalars), generic),
        "answers": st.one_of(st.dictionaries(st.sampled_from(WORDS), answer_values, max_size=6), generic),
        "expect": st.one_of(st.dictionaries(st.sampled_from(case_reader.EXPECT_KEYS), st.one_of(scalars, st.lists(scalars, max_size=3))), generic),
    },
)
documents = st.one_of(case_shaped, generic)


def to_yaml(value, indent: int = 0) -> str:
    """Block-style YAML text of ``value``, written by hand so that odd scalars stay odd."""
    pad = " " * indent
    if isinstance(value, dict):
        if not value:
            return "{}"
        return "".join(f"\n{pad}{json.dumps(str(k), ensure_ascii=False)}: {to_yaml(v, indent + 2)}" for k, v in value.items())
    if isinstance(value, list):
        if not value:
            return "[]"
        return "".join(f"\n{pad}- {to_yaml(v, indent + 2)}" for v in value)
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if value and value == value.strip() and value.isprintable() and not any(ch in value for ch in ":#{}[],&*!|>'\"%@`-?"):
        return value  # plain, as a person would write it
    return json.dumps(value, ensure_ascii=False)


@given(documents, st.sampled_from(["yaml", "json"]))
def test_any_yaml_or_json_document(doc, syntax):
    if syntax == "json":
        text = json.dumps(doc, ensure_ascii=False)
        loads_or_our_error(text.encode("utf-8"), "case.json")
    else:
        loads_or_our_error(to_yaml(doc).lstrip("\n").encode("utf-8"))


@given(
    st.sampled_from(EXAMPLE_BYTES),
    st.lists(
        st.tuples(
            st.integers(0, 10_000),
            st.integers(0, 8),
            st.one_of(texts.map(lambda t: t.encode("utf-8")), st.binary(max_size=4)),
        ),
        min_size=1,
        max_size=4,
    ),
)
@settings(suppress_health_check=[HealthCheck.too_slow])
def test_mutated_examples(original, edits):
    data = bytearray(original)
    for position, delete, insert in edits:
        at = position % (len(data) + 1)
        data[at : at + delete] = insert
    loads_or_our_error(bytes(data))


@given(st.sampled_from(EXAMPLE_BYTES), st.integers(0, 10_000), st.sampled_from(["\t", "&a ", "*a", "!!str ", "<<: ", "? ", "---\n", "\n  ", "[", "{", ": ", "- ", "\\", "\"", "'", "|\n", "\u3000", "\ufeff", "\x00"]))
def test_examples_with_a_yaml_token_inserted(original, position, token):
    text = original.decode("utf-8")
    at = position % (len(text) + 1)
    loads_or_our_error((text[:at] + token + text[at:]).encode("utf-8"))


# ------------------------------------------------ answers with notes, every format


def _answer(fact):
    if fact.type == "yesno":
        values = st.sampled_from([True, False, None])
    else:
        values = st.one_of(st.none(), st.lists(st.sampled_from(fact.option_ids), unique=True).map(tuple))
    return st.builds(Answer, values, st.one_of(st.none(), texts))


@settings(max_examples=150)
@given(
    st.fixed_dictionaries({}, optional={f.id: _answer(f) for f in CRITERIA.facts}),
    st.sampled_from(["zh", "en"]),
)
def test_any_answer_set_with_notes_renders_in_every_format(answers, lang):
    """Every format renders any answers and notes, and each says the outcome where a reader looks for it."""
    import csv
    import io
    import zipfile

    from zgrongcuo.engine.evaluation import evaluate
    from zgrongcuo.render.contract import RenderOptions
    from zgrongcuo.render.registry import OutputFormat, make_renderer

    case = Case("case.yaml", dict.fromkeys(META_KEYS), answers)
    determination = evaluate(CRITERIA, case, explain=True)
    label = determination.outcome.label[lang]
    for member in OutputFormat:
        out = io.BytesIO() if member.binary else io.StringIO()
        renderer = make_renderer(member, out, RenderOptions(lang))
        renderer.determination(determination)
        renderer.close()
        written = out.getvalue()
        if member in (OutputFormat.json, OutputFormat.jsonl):
            assert json.loads(written)["outcome"] == determination.outcome.id
        elif member is OutputFormat.csv:
            from zgrongcuo.render.csv_output import COLUMNS

            [header, row] = list(csv.reader(io.StringIO(written.removeprefix("\ufeff"))))
            assert len(header) == len(COLUMNS) and row[COLUMNS.index("outcome")] == determination.outcome.id
        elif member is OutputFormat.docx:
            with zipfile.ZipFile(io.BytesIO(written)) as z:
                assert label in z.read("word/document.xml").decode("utf-8")
        elif member is OutputFormat.xlsx:
            import openpyxl

            book = openpyxl.load_workbook(io.BytesIO(written))
            rows = list(book.worksheets[0].iter_rows())
            outcome = [c.value for c in rows[0]].index(text("register.col.outcome", lang))
            assert rows[1][outcome].value == label
            # Nothing a case says becomes a formula, whatever it starts with.
            assert all(c.data_type != "f" for sheet in book.worksheets for row in sheet.iter_rows() for c in row)
        else:  # text, markdown, html: the outcome's label as a reader sees it
            shown = written.replace("\\", "") if member is OutputFormat.markdown else written
            if member is OutputFormat.html:
                import html

                shown = html.unescape(written)
            assert label in shown.replace("\n", ""), member
