"""How well suggestions from written accounts agree with what the published cases' sources state; and how fast.

    python benchmarks/suggest.py                  # the bundled published cases, every bundled measure's cues
    python benchmarks/suggest.py --held-out DIR   # also a folder of other cases (NAME.txt + NAME.yaml), reported apart
    python benchmarks/suggest.py --speed          # also time `suggest` against `check` (the installed console script)

The ground truth is each published case's answers whose note begins 原文 (what
the source states, quoted).  Answers noted 推断 (a classification made from
the source's words) are reported beside it, never counted as stated.  A case's
text is ``precedents/texts/NAME.txt`` where there is one (the seed case: the
article itself), else the case's own summary, which quotes its source.

A unit is a yes/no answer or one option of a list.  Precision is the share of
suggested units that the source states; recall the share of stated units that
were suggested; a wrong-way suggestion is 是 where the case says 否 or the
reverse (against a stated or an inferred answer).  Sentences that show a
question both ways give no suggestion and are counted apart.
"""

from __future__ import annotations

import argparse
import functools
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.run import ARTICLE_CASE, EXE, paired_times  # noqa: E402  (the same console script, timed the same way)
from zgrongcuo.io import case_reader  # noqa: E402
from zgrongcuo.io.questions import load_measures, questions  # noqa: E402
from zgrongcuo.model.criteria import Questions  # noqa: E402
from zgrongcuo.model.suggestion import Account  # noqa: E402
from zgrongcuo.suggestion.matcher import suggest  # noqa: E402

MEASURES = ("zigui-2018", "wenze-2019", "hubei-2020")
STATED, INFERRED = "原文", "推断"


class Tally:
    """Units suggested and stated, per question."""

    def __init__(self) -> None:
        self.right = Counter()  # suggested and stated
        self.inferred = Counter()  # suggested and inferred by the case's author, not stated
        self.unstated = Counter()  # suggested, and the case neither states nor infers it
        self.wrong = Counter()  # suggested, and the case states or infers otherwise
        self.stated = Counter()  # units the cases state
        self.conflicts = Counter()
        self.wrong_way: list[str] = []
        self.extra: list[str] = []

    def suggested(self, fact: str) -> int:
        return self.right[fact] + self.inferred[fact] + self.unstated[fact] + self.wrong[fact]


def texts_of(folder: Path, case_path: Path) -> tuple[str, str]:
    """The text a case is read from, and its name."""
    own = folder / "texts" / (case_path.stem + ".txt")
    if own.exists():
        return own.read_text(encoding="utf-8"), own.name
    return "", ""


def score(name: str, text: str, case_path: Path, asked: Questions, tally: Tally) -> None:
    case = case_reader.load(str(case_path), asked)
    if not text:
        text = case.meta.get("summary") or ""
    reading = suggest([Account(name, tuple(text.split("\n")))], asked)
    truth = {}
    for fact_id, answer in case.answers.items():
        note = answer.note or ""
        kind = STATED if note.startswith(STATED) else INFERRED if note.startswith(INFERRED) else None
        if kind is not None and answer.value is not None:
            truth[fact_id] = (answer.value, kind)
    for fact_id, (value, kind) in truth.items():
        if kind == STATED:
            tally.stated[fact_id] += len(value) if isinstance(value, tuple) else 1
    for fact_id, s in reading.suggestions.items():
        if s.conflicting:
            tally.conflicts[fact_id] += 1
        if s.value is None:
            continue
        stated = truth.get(fact_id)
        units = s.value if isinstance(s.value, tuple) else (s.value,)
        for unit in units:
            label = f"{case_path.stem}: {fact_id} = {unit}"
            if stated is None:
                tally.unstated[fact_id] += 1
                tally.extra.append(label + "  (the case does not answer it)")
                continue
            value, kind = stated
            agrees = unit in value if isinstance(value, tuple) else unit == value
            if agrees:
                (tally.right if kind == STATED else tally.inferred)[fact_id] += 1
                if kind == INFERRED:
                    tally.extra.append(label + f"  (the case infers it: {INFERRED})")
                continue
            tally.wrong[fact_id] += 1
            if isinstance(value, tuple):
                tally.extra.append(label + f"  (the case says {list(value)}, {kind})")
            else:
                tally.wrong_way.append(label + f"  (the case says {value}, {kind})")


def report(title: str, tally: Tally) -> None:
    facts = sorted(set(tally.stated) | {f for c in (tally.right, tally.inferred, tally.unstated, tally.wrong) for f in c})
    print(f"\n## {title}\n")
    print("| question | stated | suggested | right (原文) | inferred (推断) | unstated | wrong | conflicts | precision | recall |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for fact in facts:
        print(
            f"| {fact} | {tally.stated[fact]} | {tally.suggested(fact)} | {tally.right[fact]} | {tally.inferred[fact]} | "
            f"{tally.unstated[fact]} | {tally.wrong[fact]} | {tally.conflicts[fact]} | "
            f"{_ratio(tally.right[fact], tally.suggested(fact))} | {_ratio(tally.right[fact], tally.stated[fact])} |"
        )
    suggested = sum(tally.suggested(f) for f in facts)
    right, inferred = sum(tally.right.values()), sum(tally.inferred.values())
    stated = sum(tally.stated.values())
    print(
        f"| **all** | {stated} | {suggested} | {right} | {inferred} | {sum(tally.unstated.values())} | "
        f"{sum(tally.wrong.values())} | {sum(tally.conflicts.values())} | {_ratio(right, suggested)} | {_ratio(right, stated)} |"
    )
    print()
    print(f"- precision (stated / suggested): {_ratio(right, suggested)}  (target ≥ 0.90)")
    print(f"- precision counting what the case's author inferred as right: {_ratio(right + inferred, suggested)}")
    print(f"- recall (stated and suggested / stated): {_ratio(right, stated)}  (target ≥ 0.60)")
    print(f"- wrong-way suggestions: {len(tally.wrong_way)}  (target 0)")
    for line in tally.wrong_way:
        print(f"  - {line}")
    if tally.extra:
        print("- suggested units the case does not state (inferred by the case's author, not answered, or otherwise):")
        for line in tally.extra:
            print(f"  - {line}")


def _ratio(a: int, b: int) -> str:
    return f"{a / b:.2f}" if b else "-"


def accuracy(asked: Questions, held_out: Path | None) -> None:
    tally = Tally()
    folder = ROOT / "precedents"
    for path in sorted(folder.glob("*.yaml")):
        text, name = texts_of(folder, path)
        score(name or path.name, text, path, asked, tally)
    report("The bundled published cases", tally)
    if held_out is not None:
        other = Tally()
        for path in sorted(held_out.glob("*.yaml")):
            text_path = path.with_suffix(".txt")
            score(text_path.name, text_path.read_text(encoding="utf-8"), path, asked, other)
        report(f"Held out: {held_out}", other)


# ------------------------------------------------------------------ speed

@functools.cache
def _sentences() -> tuple[str, ...]:
    """The sentences of the article and of the published cases' summaries (read once, however many accounts)."""
    import yaml

    pieces = [(ROOT / "tests" / "sources" / "zigui-2018-simplified.txt").read_text(encoding="utf-8")]
    for path in sorted((ROOT / "precedents").glob("*.yaml")):
        pieces.append(yaml.safe_load(path.read_text(encoding="utf-8"))["case"]["summary"])
    return tuple(s + "。" for p in pieces for s in p.replace("\n", "。").split("。") if s.strip())


def account_of(length: int, seed: int) -> str:
    """A written account of about ``length`` characters, from the article and the cases' summaries, shuffled."""
    import random

    rng = random.Random(seed)
    sentences = _sentences()
    out: list[str] = []
    while sum(map(len, out)) < length:
        out.append(rng.choice(sentences))
    return "\n".join("".join(out[i : i + 4]) for i in range(0, len(out), 4))


def speed(repeat: int, count: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        text = folder / "account.txt"
        text.write_text(account_of(5000, 1), encoding="utf-8")
        case = ARTICLE_CASE
        ours, base = paired_times([str(EXE), "suggest", str(text)], [str(EXE), "check", str(case)], repeat)
        print(f"\n## Speed\n\n- suggest, one 5,000-character text: {ours:.3f} s; check, one case: {base:.3f} s; "
              f"ratio {ours / base:.2f} (target ≤ 1.3)")
        texts, cases = folder / "texts", folder / "cases"
        texts.mkdir()
        cases.mkdir()
        for i in range(count):
            (texts / f"t{i:04}.txt").write_text(account_of(2000, i), encoding="utf-8")
            (cases / f"c{i:04}.yaml").write_bytes(case.read_bytes())
        ours, base = paired_times([str(EXE), "suggest", str(texts)], [str(EXE), "check", str(cases)], max(repeat // 3, 1))
        print(f"- suggest, {count} texts in a folder: {ours:.2f} s; check, {count} cases: {base:.2f} s; "
              f"ratio {ours / base:.2f} (target ≤ 2)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--held-out", type=Path, help="a folder of NAME.txt and NAME.yaml (answers noted 原文)")
    parser.add_argument("--speed", action="store_true", help="also time the console script")
    parser.add_argument("--repeat", type=int, default=9)
    parser.add_argument("--count", type=int, default=1000)
    args = parser.parse_args()
    asked = questions(load_measures(MEASURES))
    accuracy(asked, args.held_out)
    if args.speed:
        speed(args.repeat, args.count)
    return 0


if __name__ == "__main__":
    sys.exit(main())
