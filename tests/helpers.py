"""Answer sets, strategies and a made-up measure used across the tests."""

from pathlib import Path

from hypothesis import strategies as st

from zgrongcuo.model.case import META_KEYS, Answer, Case

# A case that clearly meets situation 2 and touches no bottom line.
S2_EXEMPT = {
    "context": ("reform_innovation",),
    "causes": ("pilot",),
    "consequences": ("error",),
    "conformed_to_superior_decision": False,
    "democratic_decision": True,
    "private_gain": False,
    "diligent": True,
    "decision_procedure_followed": True,
    "knowingly_violated": False,
    "persisted_after_prohibition": False,
    "major_liability_accident": False,
    "serious_consequence": False,
    "remedied": False,
}

# For each situation, answers that meet it and nothing else.
MEETS = {
    "S1": {
        "context": ("superior_decision",),
        "conformed_to_superior_decision": True,
        "causes": ("bold_performance",),
        "consequences": ("conflict",),
    },
    "S2": {
        "context": ("reform_innovation",),
        "democratic_decision": True,
        "private_gain": False,
        "causes": ("inexperience",),
        "consequences": ("unmet_expectation",),
    },
    "S3": {
        "context": ("creative_implementation",),
        "causes": ("unforeseeable",),
        "consequences": ("error",),
    },
    "S4": {
        "context": ("historical_issue",),
        "causes": ("touching_vested_interests",),
        "consequences": ("mass_incident",),
    },
    "S5": {
        "context": ("high_risk_work",),
        "causes": ("proactive",),
        "consequences": ("adverse_social_impact",),
    },
}

CLEAN = {
    "private_gain": False,
    "diligent": True,
    "decision_procedure_followed": True,
    "knowingly_violated": False,
    "persisted_after_prohibition": False,
    "major_liability_accident": False,
    "serious_consequence": False,
}

EXCLUSIONS = ("private_gain", "knowingly_violated", "persisted_after_prohibition", "major_liability_accident")


def make_case(answers: dict, **meta) -> Case:
    return Case(
        file="test.yaml",
        meta={**dict.fromkeys(META_KEYS), **meta},
        answers={k: Answer(v) for k, v in answers.items()},
    )


# The questions the interview asks for the article's case, in order (conformed_to_superior_decision
# and remedied cannot change its outcome).
ARTICLE_ASKED = [
    "context",
    "causes",
    "consequences",
    "democratic_decision",
    "private_gain",
    "diligent",
    "decision_procedure_followed",
    "knowingly_violated",
    "persisted_after_prohibition",
    "major_liability_accident",
    "serious_consequence",
]


def all_elements(criteria):
    """(where, element) for every element test in situations, preconditions and exclusions."""
    for s in criteria.situations:
        for i, e in enumerate(s.elements, 1):
            yield f"situation {s.id} element {i} ({e.fact.id})", e
    for e in criteria.preconditions:
        yield f"precondition {e.fact.id}", e
    for e in criteria.exclusions:
        yield f"exclusion {e.fact.id}", e


def quoted_items(criteria):
    """(where, quote, basis) for everything in the bundled criteria that may carry a quote."""
    for f in criteria.facts:
        yield f"fact {f.id}", f.quote, f.basis
        for o in f.options:
            yield f"option {f.id}.{o.id}", o.quote, o.basis
    for s in criteria.situations:
        yield f"situation {s.id}", s.quote, s.basis
    for where, e in all_elements(criteria):
        yield where, e.quote, e.basis
    for r in criteria.rules:
        yield f"rule {r.number}", r.quote, r.basis


# A made-up measure for a lending library: not Zigui, and not a real policy.
MEASURE = (Path(__file__).parent / "data" / "library-fines.yaml").read_text(encoding="utf-8")


def answer_strategy(fact):
    """Any answer to ``fact``: yes, no or unknown; a list of its options or unknown."""
    if fact.type == "yesno":
        return st.sampled_from([True, False, None])
    return st.one_of(st.none(), st.lists(st.sampled_from(fact.option_ids), unique=True).map(tuple))


def answer_sets(criteria):
    """Every fact of ``criteria`` answered somehow."""
    return st.fixed_dictionaries({f.id: answer_strategy(f) for f in criteria.facts})
