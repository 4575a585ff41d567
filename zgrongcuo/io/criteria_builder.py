"""Building criteria from a criteria file: every key checked, every reference resolved.

Everything about a particular measure lives in its criteria file; this module
only knows the shape such a file has, and checks it when it is loaded so that
evaluation never meets a dangling reference.  Errors name the file, line and
key, with a suggestion where a near name exists.
"""

from __future__ import annotations

import os
import re
from typing import Any

from zgrongcuo.errors import CriteriaError, ZgError, suggest
from zgrongcuo.io.document import Mapping, Node, Reader, Scalar, decode, join, parse
from zgrongcuo.io.files import MAX_CRITERIA_BYTES, read_bytes
from zgrongcuo.model import conditions as c
from zgrongcuo.model.base import I18n
from zgrongcuo.model.case import is_day
from zgrongcuo.model.criteria import (
    FACT_TYPES,
    LEVELS,
    UNDETERMINED,
    Criteria,
    Fact,
    InForce,
    Option,
    Outcome,
    Rule,
    Situation,
)
from zgrongcuo.model.vocabulary import control_character

FORMAT = 1
ID_PATTERN = re.compile(r"^[A-Za-z][A-Za-z0-9_-]*$")
# How deep conditions may nest, and how many parts one may have when named
# conditions and situations are counted every time they are used (docs/security.md).
MAX_CONDITION_DEPTH = 64
MAX_CONDITION_SIZE = 200_000
GROUP_KEYS = {"exclusions": ("any", "all"), "preconditions": ("all", "any"), "situations": ("any", "all")}

_memo: dict[tuple[str, int, int], Criteria] = {}  # loaded in this process, by file identity


def load(spec: str | os.PathLike[str] | None = None) -> Criteria:
    """Load and check a criteria file: a path, a bundled measure's name, or None for the default."""
    from zgrongcuo.io import cache as compiled_cache
    from zgrongcuo.io.measures import resolve

    name = resolve(os.fspath(spec) if spec is not None else None)
    try:
        stat = os.stat(name)
    except OSError:
        stat = None  # reading it says why
    key = (os.path.realpath(name), stat.st_mtime_ns, stat.st_size) if stat is not None else None
    if key is not None and key in _memo:
        return _memo[key]
    data = read_bytes(name, max_bytes=MAX_CRITERIA_BYTES, error=CriteriaError)
    sha = compiled_cache.sha256_hex(data)
    syntax = _syntax(name)
    # The cache keeps the parsed document only: the criteria are built and checked anew from it.
    criteria = None
    cached = compiled_cache.get(sha, syntax)
    if cached is not None:
        try:
            criteria = _build(cached, name, sha)
        except CriteriaError:
            pass  # an entry that does not build was not written by us: parse the file itself
    if criteria is None:
        root = _parse(data, name)
        criteria = _build(root, name, sha)
        compiled_cache.put(sha, syntax, root)
    if key is not None:
        _memo[key] = criteria
    return criteria


def loads(data: bytes, file: str = "<criteria>") -> Criteria:
    """Check and build criteria from the bytes of a criteria file."""
    from zgrongcuo.io.cache import sha256_hex

    return _build(_parse(data, file), file, sha256_hex(data))


def _syntax(file: str) -> str:
    return "json" if file.endswith(".json") else "yaml"


def _parse(data: bytes, file: str) -> Node | None:
    text, _ = decode(data, file, CriteriaError)
    return parse(text, file, json_syntax=_syntax(file) == "json", error=CriteriaError)


def _build(root: Node | None, file: str, sha: str) -> Criteria:
    criteria = _Builder(file).build(root)
    criteria.path = file
    criteria.sha256 = sha
    return criteria


# ------------------------------------------------------------------ building

_TOP_KEYS = (
    "format",
    "id",
    "version",
    "title",
    "source",
    "languages",
    "bases",
    "facts",
    "situations",
    "preconditions",
    "exclusions",
    "conditions",
    "outcomes",
    "rules",
    "reminder",
    "short",
    "level",
    "issuer",
    "effective",
)
_EFFECTIVE_KEYS = ("from", "until", "note")
# materials: what usually establishes the answer (the 核实清单 lists them).
_FACT_KEYS = ("id", "type", "label", "question", "help", "options", "quote", "basis", "note", "cues", "materials")
_OPTION_KEYS = ("id", "label", "help", "quote", "basis", "note", "cues")
_CUE_ANSWERS = {"yes": True, "no": False}  # a yes/no question's cues, by the answer they show
_CUE_KEYS = (*_CUE_ANSWERS, "unless")  # unless: words that keep a sentence from counting for the question
_ELEMENT_KEYS = ("fact", *c.YESNO_OPS, *c.SET_OPS, "quote", "basis", "note")
_SITUATION_KEYS = ("id", "label", "short", "all", "quote", "basis", "note")
_OUTCOME_KEYS = ("id", "label", "favourable", "help", "applicable")
_RULE_KEYS = ("outcome", "when", "quote", "basis", "note")
_CONDITION_KEYS = ("all", "any", "not", "ref", "situation", *GROUP_KEYS)


class _Reader(Reader):
    """A criteria file's reader: its texts are shown in every output, so they may hold no control character.

    Nor a bidirectional control: a label with U+202E would read backwards in a
    terminal, a template or an interview, wherever the measure's words appear.
    """

    def text(self, node: Node | None, key: str) -> str:
        value = super().text(node, key)
        if value.isprintable():  # most texts: one quick look
            return value
        control = control_character(value)
        if control:  # e.g. "\e[2J" in quotes: terminal escapes must not reach an output
            raise self.error("control_in_text", node, key, char=f"U+{ord(control):04X}")
        bidi = _BIDI.search(value)
        if bidi:
            raise self.error("bidi_in_text", node, key, char=f"U+{ord(bidi.group()):04X}")
        return value


_BIDI = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")  # the Bidi_Control characters


class _Builder:
    def __init__(self, file: str) -> None:
        self.r = _Reader(file, CriteriaError)
        self.languages: tuple[str, ...] = ()
        self.bases: dict[str, I18n] = {}
        self.facts: dict[str, Fact] = {}
        self.situations: dict[str, Situation] = {}
        self.preconditions: tuple[c.Element, ...] = ()
        self.exclusions: tuple[c.Element, ...] = ()
        self.named_nodes: dict[str, tuple[Node, str]] = {}
        self.named: dict[str, c.Condition] = {}
        self.resolving: list[str] = []
        self.by_node: dict[int, c.Condition] = {}  # id of a document node -> the condition built from it
        self.shape: dict[int, tuple[int, int]] = {}  # id of a condition -> (height, size)

    def error(self, msg_id: str, node: Node | None, key: str, **params: Any) -> ZgError:
        return self.r.error(msg_id, node, key, **params)

    # -- plain values

    def ident(self, node: Node | None, key: str) -> str:
        value = self.r.text(node, key)
        if not ID_PATTERN.match(value):
            raise self.error("bad_id", node, key, value=value)
        return value

    def i18n(self, node: Node | None, key: str) -> I18n:
        if isinstance(node, Scalar) and not node.is_null:
            raise self.error("needs_translations", node, key, languages=", ".join(self.languages))
        values = self.r.mapping(node, key, self.languages, self.languages)
        out = {lang: self.r.text(values[lang], join(key, lang)) for lang in self.languages}
        return out

    def optional_i18n(self, values: dict[str, Node], name: str, key: str) -> I18n | None:
        return self.i18n(values[name], join(key, name)) if name in values else None

    def optional_text(self, values: dict[str, Node], name: str, key: str) -> str | None:
        return self.r.text(values[name], join(key, name)) if name in values else None

    def basis(self, values: dict[str, Node], key: str) -> str | None:
        if "basis" not in values:
            return None
        node = values["basis"]
        value = self.r.text(node, join(key, "basis"))
        if value not in self.bases:
            raise self.error(
                "undefined_basis", node, join(key, "basis"), name=value, known=", ".join(self.bases)
            ).at(suggestion=suggest(value, self.bases))
        return value

    def items_with_ids(self, node: Node | None, key: str, what: str) -> list[tuple[str, Mapping, str]]:
        """List items that are mappings with a unique ``id``: (id, node, key path)."""
        seen: dict[str, Node] = {}
        out = []
        for i, item in enumerate(self.r.sequence(node, key), 1):
            item_key = join(key, i)
            if not isinstance(item, Mapping):
                raise self.r.wrong_type(item, item_key, "mapping")
            id_node = next((v for k, v in item.items if k.value == "id"), None)
            if id_node is None:
                raise self.error("missing_key", item, item_key, name="id")
            ident = self.ident(id_node, join(item_key, "id"))
            if ident in seen:
                raise self.error("duplicate_id", id_node, join(item_key, "id"), what=what, name=ident, first_line=seen[ident].line)
            seen[ident] = id_node
            out.append((ident, item, f"{key}[{ident}]"))
        return out

    # -- the whole file

    def build(self, root: Node | None) -> Criteria:
        r = self.r
        if root is None:
            raise self.error("empty_file", None, "")
        top = r.mapping(root, "", _TOP_KEYS, ("format", "id", "version", "title", "languages", "facts", "situations", "outcomes", "rules", "reminder"))
        fmt = r.text(top["format"], "format")
        if fmt != str(FORMAT):
            raise self.error("bad_format", top["format"], "format", value=fmt, supported=FORMAT)
        languages = [self.ident(n, join("languages", i)) for i, n in enumerate(r.sequence(top["languages"], "languages"), 1)]
        if not languages or len(set(languages)) != len(languages):
            raise self.error("bad_languages", top["languages"], "languages")
        self.languages = tuple(languages)
        if "bases" in top:
            for k, v in r.mapping(top["bases"], "bases", _AnyKey()).items():
                self.bases[k] = self.i18n(v, join("bases", k))
        facts = self.build_facts(top["facts"])
        situations = self.build_situations(top["situations"])
        self.preconditions = self.build_elements(top.get("preconditions"), "preconditions")
        self.exclusions = self.build_elements(top.get("exclusions"), "exclusions")
        if "conditions" in top:
            for k, v in r.mapping(top["conditions"], "conditions", _AnyKey()).items():
                if not ID_PATTERN.match(k):
                    raise self.error("bad_id", v, join("conditions", k), value=k)
                self.named_nodes[k] = (v, join("conditions", k))
            for k in self.named_nodes:
                self.resolve_named(k, None, "conditions")
        outcomes = self.build_outcomes(top["outcomes"])
        rules = self.build_rules(top["rules"], outcomes)
        return Criteria(
            id=self.ident(top["id"], "id"),
            version=r.text(top["version"], "version"),
            title=self.i18n(top["title"], "title"),
            languages=self.languages,
            facts=facts,
            situations=situations,
            preconditions=self.preconditions,
            exclusions=self.exclusions,
            conditions=dict(self.named),
            outcomes=outcomes,
            rules=rules,
            reminder=self.i18n(top["reminder"], "reminder"),
            bases=self.bases,
            source=self.optional_i18n(top, "source", ""),
            short=self.optional_i18n(top, "short", ""),
            level=self.level(top),
            issuer=self.optional_i18n(top, "issuer", ""),
            in_force=self.in_force(top.get("effective")),
        )

    def level(self, top: dict[str, Node]) -> str | None:
        if "level" not in top:
            return None
        value = self.r.text(top["level"], "level")
        if value not in LEVELS:
            raise self.error("bad_level", top["level"], "level", value=value, known=", ".join(LEVELS)).at(
                suggestion=suggest(value, LEVELS)
            )
        return value

    def in_force(self, node: Node | None) -> InForce:
        """``effective: {from, until, note}``: dates as YYYY-MM-DD, null where the source is silent."""
        if node is None:
            return InForce()
        v = self.r.mapping(node, "effective", _EFFECTIVE_KEYS, ("from", "until"))
        days: list[str | None] = []
        for name in ("from", "until"):
            value = v[name]
            if isinstance(value, Scalar) and value.is_null:
                days.append(None)
                continue
            day = self.r.text(value, join("effective", name))
            if not is_day(day):
                raise self.error("bad_day", value, join("effective", name), value=day)
            days.append(day)
        if days[0] and days[1] and days[0] > days[1]:
            raise self.error("days_reversed", v["until"], "effective.until", start=days[0], end=days[1])
        return InForce(days[0], days[1], self.optional_i18n(v, "note", "effective"))

    def build_facts(self, node: Node) -> tuple[Fact, ...]:
        out = []
        for index, (ident, item, key) in enumerate(self.items_with_ids(node, "facts", "fact")):
            v = self.r.mapping(item, key, _FACT_KEYS, ("id", "type", "label", "question", "help"))
            ftype = self.r.text(v["type"], join(key, "type"))
            if ftype not in FACT_TYPES:
                raise self.error("bad_fact_type", v["type"], join(key, "type"), value=ftype, known=", ".join(FACT_TYPES))
            options: list[Option] = []
            if ftype == "set":
                if "options" not in v:
                    raise self.error("missing_key", item, key, name="options")
                for oid, onode, okey in self.items_with_ids(v["options"], join(key, "options"), "option"):
                    ov = self.r.mapping(onode, okey, _OPTION_KEYS, ("id", "label", "help"))
                    options.append(
                        Option(
                            id=oid,
                            label=self.i18n(ov["label"], join(okey, "label")),
                            help=self.i18n(ov["help"], join(okey, "help")),
                            quote=self.optional_text(ov, "quote", okey),
                            basis=self.basis(ov, okey),
                            note=self.optional_i18n(ov, "note", okey),
                            line=onode.line,
                            cues=self.phrases(ov["cues"], join(okey, "cues")) if "cues" in ov else (),
                        )
                    )
                if not options:
                    raise self.error("no_options", v["options"], join(key, "options"))
            elif "options" in v:
                raise self.error("options_on_yesno", v["options"], join(key, "options"))
            cues, unless = self.fact_cues(v, key, ident, ftype)
            fact = Fact(
                id=ident,
                type=ftype,
                label=self.i18n(v["label"], join(key, "label")),
                question=self.i18n(v["question"], join(key, "question")),
                help=self.i18n(v["help"], join(key, "help")),
                options=tuple(options),
                quote=self.optional_text(v, "quote", key),
                basis=self.basis(v, key),
                note=self.optional_i18n(v, "note", key),
                index=index,
                line=item.line,
                cues=cues,
                cues_unless=unless,
                materials=self.materials(v, key),
            )
            self.facts[ident] = fact
            out.append(fact)
        if not out:
            raise self.error("empty_list", node, "facts")
        return tuple(out)

    def fact_cues(
        self, v: dict[str, Node], key: str, ident: str, ftype: str
    ) -> tuple[dict[bool, tuple[str, ...]], tuple[str, ...]]:
        """A yes/no question's ``cues:``: phrases by the answer they show, and the words that rule a sentence out."""
        cues: dict[bool, tuple[str, ...]] = {}
        unless: tuple[str, ...] = ()
        if "cues" not in v:
            return cues, unless
        ckey = join(key, "cues")
        if ftype == "set":  # a list's cues show an option each: they are written on its options
            raise self.error("cues_on_set", v["cues"], ckey, fact=ident)
        for word, node in self.r.mapping(v["cues"], ckey, _CUE_KEYS).items():
            if word == "unless":
                unless = self.phrases(node, join(ckey, word), words=True)
                continue
            says = _CUE_ANSWERS[word]
            cues[says] = self.phrases(node, join(ckey, word))
            other = cues.get(not says, ())
            for i, (phrase, phrase_node) in enumerate(zip(cues[says], self.r.sequence(node, ckey), strict=True), 1):
                if phrase in other:  # a phrase that shows both answers shows neither
                    raise self.error("cue_both_ways", phrase_node, join(join(ckey, word), i), phrase=phrase)
        return cues, unless

    def phrases(self, node: Node, key: str, *, words: bool = False) -> tuple[str, ...]:
        """A list of cue phrases: each a piece of text, ``…`` marking a short gap (zgrongcuo.suggestion.cues).

        ``words``: plain words, without gaps (``unless:``).
        """
        from zgrongcuo.suggestion.cues import phrase_problem

        out: dict[str, int] = {}  # phrase -> its place, 1-based
        for i, item in enumerate(self.r.sequence(node, key), 1):
            if isinstance(item, Scalar) and item.value and not item.is_null and item.value.isprintable():
                phrase = item.value.strip()  # the usual phrase, without the key path a message would need
            else:
                phrase = self.r.text(item, join(key, i)).strip()
            problem = phrase_problem(phrase, gaps=not words)
            if problem is not None:
                raise self.error(problem, item, join(key, i), phrase=phrase)
            if phrase in out:
                raise self.error("cue_repeated", item, join(key, i), phrase=phrase, first=out[phrase])
            out[phrase] = i
        return tuple(out)

    def materials(self, values: dict[str, Node], key: str) -> tuple[I18n, ...]:
        """``materials:``: a list of items, each in every language; absent is none, an empty list is an error."""
        if "materials" not in values:
            return ()
        node = values["materials"]
        mkey = join(key, "materials")
        items = self.r.sequence(node, mkey)
        if not items:
            raise self.error("empty_list", node, mkey)
        return tuple(self.i18n(item, join(mkey, i)) for i, item in enumerate(items, 1))

    def build_element(self, node: Node, key: str) -> c.Element:
        v = self.r.mapping(node, key, _ELEMENT_KEYS, ("fact",))
        fact_name = self.r.text(v["fact"], join(key, "fact"))
        fact = self.facts.get(fact_name)
        if fact is None:
            raise self.error("undefined_fact", v["fact"], join(key, "fact"), name=fact_name).at(
                suggestion=suggest(fact_name, self.facts)
            )
        ops = [op for op in (*c.YESNO_OPS, *c.SET_OPS) if op in v]
        allowed = c.YESNO_OPS if fact.type == "yesno" else c.SET_OPS
        if len(ops) != 1:
            raise self.error("one_test", node, key, fact=fact.id, tests=", ".join(allowed))
        op = ops[0]
        op_key = join(key, op)
        if op not in allowed:
            raise self.error("test_for_type", v[op], op_key, test=op, fact=fact.id, type=fact.type, tests=", ".join(allowed))
        operand: bool | tuple[str, ...]
        if op == "is":
            operand = self.yes_no(v[op], op_key)
        elif op == "has":
            operand = (self.option_ref(fact, v[op], op_key),)
        else:
            items = self.r.sequence(v[op], op_key)
            if not items:
                raise self.error("empty_list", v[op], op_key)
            operand = tuple(self.option_ref(fact, n, join(op_key, i)) for i, n in enumerate(items, 1))
            if len(set(operand)) != len(operand):
                raise self.error("repeated_in_test", v[op], op_key)
        return c.Element(
            fact,
            op,
            operand,
            quote=self.optional_text(v, "quote", key),
            basis=self.basis(v, key),
            note=self.optional_i18n(v, "note", key),
            key=key,
            line=node.line,
        )

    def yes_no(self, node: Node, key: str) -> bool:
        if isinstance(node, Scalar) and node.plain:
            word = node.value.lower()
            if word in ("yes", "true"):
                return True
            if word in ("no", "false"):
                return False
        raise self.r.wrong_type(node, key, "yes/no")

    def option_ref(self, fact: Fact, node: Node, key: str) -> str:
        value = self.r.text(node, key)
        if value not in fact.option_ids:
            raise self.error("undefined_option", node, key, name=value, fact=fact.id).at(
                suggestion=suggest(value, fact.option_ids)
            )
        return value

    def build_elements(self, node: Node | None, key: str) -> tuple[c.Element, ...]:
        if node is None or (isinstance(node, Scalar) and node.is_null):
            return ()
        return tuple(self.build_element(n, join(key, i)) for i, n in enumerate(self.r.sequence(node, key), 1))

    def build_situations(self, node: Node) -> tuple[Situation, ...]:
        out = []
        for ident, item, key in self.items_with_ids(node, "situations", "situation"):
            v = self.r.mapping(item, key, _SITUATION_KEYS, ("id", "label", "all"))
            elements = self.build_elements(v["all"], join(key, "all"))
            if not elements:
                raise self.error("empty_list", v["all"], join(key, "all"))
            situation = Situation(
                id=ident,
                label=self.i18n(v["label"], join(key, "label")),
                short=self.optional_i18n(v, "short", key) or dict.fromkeys(self.languages, ident),
                elements=elements,
                quote=self.optional_text(v, "quote", key),
                basis=self.basis(v, key),
                note=self.optional_i18n(v, "note", key),
                line=item.line,
            )
            self.situations[ident] = situation
            out.append(situation)
        if not out:
            raise self.error("empty_list", node, "situations")
        return tuple(out)

    def build_outcomes(self, node: Node) -> dict[str, Outcome]:
        out: dict[str, Outcome] = {}
        for ident, item, key in self.items_with_ids(node, "outcomes", "outcome"):
            v = self.r.mapping(item, key, _OUTCOME_KEYS, ("id", "label", "favourable"))
            favourable = self.r.boolean(v["favourable"], join(key, "favourable"), null_ok=ident == UNDETERMINED)
            if ident == UNDETERMINED and favourable is not None:
                raise self.error("undetermined_favourable", v["favourable"], join(key, "favourable"))
            if ident != UNDETERMINED and favourable is None:
                raise self.r.wrong_type(v["favourable"], join(key, "favourable"), "true/false")
            applicable = True
            if "applicable" in v:
                applicable = bool(self.r.boolean(v["applicable"], join(key, "applicable")))
                if ident == UNDETERMINED and not applicable:
                    raise self.error("undetermined_applicable", v["applicable"], join(key, "applicable"))
            out[ident] = Outcome(
                ident, self.i18n(v["label"], join(key, "label")), favourable, self.optional_i18n(v, "help", key), item.line,
                applicable,
            )  # fmt: skip
        if UNDETERMINED not in out:
            raise self.error("no_undetermined", node, "outcomes", name=UNDETERMINED)
        return out

    def build_rules(self, node: Node, outcomes: dict[str, Outcome]) -> tuple[Rule, ...]:
        rules = []
        total = 0  # tests one evaluation of every rule makes: each case is evaluated several times
        for i, item in enumerate(self.r.sequence(node, "rules"), 1):
            key = join("rules", i)
            v = self.r.mapping(item, key, _RULE_KEYS, ("outcome", "when"))
            name = self.r.text(v["outcome"], join(key, "outcome"))
            if name not in outcomes or name == UNDETERMINED:
                raise self.error("undefined_outcome", v["outcome"], join(key, "outcome"), name=name).at(
                    suggestion=suggest(name, [o for o in outcomes if o != UNDETERMINED])
                )
            when = self.condition(v["when"], join(key, "when"))
            total += self.size(when)
            if total > MAX_CONDITION_SIZE:
                raise self.error("condition_too_large", v["when"], join(key, "when"), size=total, limit=MAX_CONDITION_SIZE)
            rules.append(
                Rule(
                    number=i,
                    outcome=outcomes[name],
                    when=when,
                    quote=self.optional_text(v, "quote", key),
                    basis=self.basis(v, key),
                    note=self.optional_i18n(v, "note", key),
                    line=item.line,
                )
            )
        if not rules:
            raise self.error("empty_list", node, "rules")
        return tuple(rules)

    # -- conditions
    #
    # Every condition is built once per node of the document (an alias is the
    # same condition, as a named one is) and measured as it is built: its
    # height (how deep evaluation recurses) and its size (how many tests one
    # evaluation makes, counting a named condition or a situation each time it
    # is used). Both are bounded, so no measure can make evaluation, the
    # linter or the builder itself recurse or work without end.

    def condition(self, node: Node, key: str, depth: int = 1) -> c.Condition:
        """The condition written at ``node``; ``depth`` is how deep it stands in the rule being built."""
        built = self.by_node.get(id(node))
        if built is not None:
            return self.measured(built, node, key, depth)
        if depth > MAX_CONDITION_DEPTH:
            raise self.error("condition_too_deep", node, key, limit=MAX_CONDITION_DEPTH)
        if not isinstance(node, Mapping):
            raise self.error("bad_condition", node, key)
        names = [k.value for k, _ in node.items]
        if "fact" in names:
            return self.made(self.build_element(node, key), node, key, depth)
        if len(names) != 1:
            raise self.error("bad_condition", node, key)
        v = self.r.mapping(node, key, _CONDITION_KEYS)
        (name, value), = v.items()
        sub = join(key, name)
        if name in ("all", "any"):
            items = self.r.sequence(value, sub)
            if not items:
                raise self.error("empty_list", value, sub)
            parts = tuple(self.condition(n, join(sub, i), depth + 1) for i, n in enumerate(items, 1))
            return self.made(c.AllOf(parts) if name == "all" else c.AnyOf(parts), node, key, depth)
        if name == "not":
            return self.made(c.Not(self.condition(value, sub, depth + 1)), node, key, depth)
        word = self.r.text(value, sub)
        if name == "ref":
            return self.made(c.Ref("ref", word, self.resolve_named(word, value, sub, depth + 1)), node, key, depth)
        if name == "situation":
            if word not in self.situations:
                raise self.error("undefined_situation", value, sub, name=word).at(
                    suggestion=suggest(word, self.situations)
                )
            return self.made(c.Ref("situation", word, self.situations[word].condition), node, key, depth)
        quantifiers = GROUP_KEYS[name]
        if word not in quantifiers:
            raise self.error("bad_quantifier", value, sub, group=name, value=word, known=", ".join(quantifiers))
        if name == "situations":
            parts = tuple(c.Ref("situation", s.id, s.condition) for s in self.situations.values())
        else:
            parts = self.preconditions if name == "preconditions" else self.exclusions
        target = c.AnyOf(parts) if word == "any" else c.AllOf(parts)
        return self.made(c.Ref(name, word, target), node, key, depth)

    def made(self, condition: c.Condition, node: Node, key: str, depth: int) -> c.Condition:
        """Record the height and size of a condition just built from ``node``, refusing one too large."""
        self.shape[id(condition)] = (1 + max(map(self.height, c.children(condition)), default=0),
                                     1 + sum(map(self.size, c.children(condition))))  # fmt: skip
        self.by_node[id(node)] = condition
        return self.measured(condition, node, key, depth)

    def measured(self, condition: c.Condition, node: Node | None, key: str, depth: int) -> c.Condition:
        """``condition``, used ``depth`` deep, if that keeps it within the limits."""
        if depth - 1 + self.height(condition) > MAX_CONDITION_DEPTH:
            raise self.error("condition_too_deep", node, key, limit=MAX_CONDITION_DEPTH)
        if self.size(condition) > MAX_CONDITION_SIZE:
            raise self.error("condition_too_large", node, key, size=self.size(condition), limit=MAX_CONDITION_SIZE)
        return condition

    def height(self, condition: c.Condition) -> int:
        found = self.shape.get(id(condition))
        if found is not None:
            return found[0]
        # Made outside condition(): an element, a situation's or a group's conjunction of elements.
        return 1 if isinstance(condition, c.Element) else 2

    def size(self, condition: c.Condition) -> int:
        found = self.shape.get(id(condition))
        if found is not None:
            return found[1]
        return 1 if isinstance(condition, c.Element) else 1 + len(c.children(condition))

    def resolve_named(self, name: str, node: Node | None, key: str, depth: int = 1) -> c.Condition:
        if name in self.named:
            return self.measured(self.named[name], node, key, depth)
        if name not in self.named_nodes:
            raise self.error("undefined_condition", node, key, name=name).at(
                suggestion=suggest(name, self.named_nodes)
            )
        if name in self.resolving:
            raise self.error("condition_cycle", node, key, chain=" → ".join([*self.resolving, name]))
        self.resolving.append(name)
        cond_node, cond_key = self.named_nodes[name]
        self.named[name] = self.condition(cond_node, cond_key, depth)
        self.resolving.pop()
        return self.named[name]


class _AnyKey(tuple):
    """Stands for "any key" where a mapping's keys are names the author chooses."""

    def __contains__(self, item: object) -> bool:
        return True
