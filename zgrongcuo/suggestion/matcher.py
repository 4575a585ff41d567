"""Suggested answers from written accounts: the measures' cues found in sentences a reader would take as findings.

Pure: the accounts come in as text (``zgrongcuo.io.accounts`` reads files);
what comes out is a :class:`~zgrongcuo.model.suggestion.Suggestion` per
question the text speaks to, each with the sentences it rests on.

A cue found in a sentence counts only where a careful reader would take the
sentence as saying it of the case:

- not in a question (是否…, 有无…, a sentence ending in ？);
- not in what someone claims or alleges (自称, 辩称, 声称, 否认, 举报, 反映…),
  up to a 但/经查 that turns to what was found;
- not in a hypothesis (如果, 假如, 一旦, 即使…), a hedge (可能, 涉嫌, 疑似…), a
  plan (拟, 计划…), a requirement (应当, 必须, 须经…) or a directive (督促, 责令…);
- not in the words of a rule: a measure's own text, a conditional rule
  (对…的，可以…), an item of a list of situations ending in 的, a named
  principle in quotation marks (“…”的前提/原则/情形), or exhortation (鼓励…).

An alternative (无意过失或工作失误, 造成损失或者不良影响) says that one of its
parts holds, not which: a cue in one part is used only where the other part
shows the same answer.  (Denied, an alternative denies each part: 未造成损失或
不良影响.)

A negation (未, 没有, 不, 无, 非, 并未, 从未, 不存在, 避免…, and going against
what the cue names: 违反, 违背, 绕开…) shortly before a cue within its clause
turns it round; two turn it back (未违反民主决策程序).  After the cue, what was
found not to be so (…的问题不属实, 不存在) turns it round too; what was not
found (…的问题查无实据) leaves it open.  A negation farther
off in the clause, one across a list mark 、, or one that bears on a degree
(未造成*重大*损失) leaves the reading open, and the cue is not used: a
suggestion is only made where the words are plain.  Where sentences show a
question both ways, nothing is suggested and both are kept.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Collection, Sequence

from zgrongcuo.model.base import Record
from zgrongcuo.model.conditions import AnswerValue
from zgrongcuo.model.criteria import Questions
from zgrongcuo.model.suggestion import Account, Evidence, Suggestion
from zgrongcuo.suggestion.cues import CueIndex, Hit
from zgrongcuo.suggestion.sentences import Layout, Sentence

MAX_EVIDENCE = 3  # sentences kept for one answer (the first in the text); the rest say the same
LONG_SENTENCE = 200  # characters; a longer sentence is shown around its cue
_AROUND = 70  # characters kept on each side of the cue in a long sentence
NEAR = 8  # characters between a negation and the cue it turns round, at most

# -- the words that decide how a sentence is read

_NEGATION = re.compile(
    # Words that begin with a negation but do not negate what follows: taken first, and passed over.
    r"(?P<skip>不仅|不但|不断|不少|不久|不同|不论|不管|不过|不必|不得不|不良|不正当|不当|不规范|不到位|不力|不严|"
    r"不实|不足|不够|不利|不宜|不再|不可抗力|不可预知|不可预见|不确定|不明确|不明|不稳定|不平衡|不充分|不合理|"
    r"不符合|不一|不等|不了|无论|无疑|无意|无偿|无人|无关|无误|无数|非常|非法|非但|非遗|是非|未来|未批先建|"
    r"没收|淹没|埋没|出没|沉没|毫不|并不少|不到|\w而未\w)"
    # What was not found (未发现利益输送) is not said not to have happened: the reading stays open.
    r"|(?P<unfound>未发现|没有发现|未查出|没有查出|未查实|查无实据)"
    r"|(?P<neg>并没有|从没有|并不存在|不存在|并未|从未|从没|尚未|未曾|没有|并非|并不是|并不|绝不|决不|绝无|毫无|查无|"
    r"避免|防止|杜绝|排除|无法|不是|未|没|不|无|非"
    # Going against what the cue names says it was not followed (违反民主决策程序: no democratic decision).
    r"|违反|违背|背离|偏离|绕开|绕过|规避|跳过)"
)
# Between a negation and its cue: a degree (未造成*重大*损失) or a modifier (批而未供的*这一*…) leaves the reading open.
_DEGREE = re.compile(r"重大|严重|较大|巨大|特大|特别|恶劣|明显|太大|很大|过大|较多|大量|较重|的|这一|该|此")
# What may stand between a negation and its cue and still let the negation reach it: 未*造成*损失, 并未*从中*收受好处,
# 没有*按照*规定. Any other word there is what the negation bears on (未*放任*违规行为), and the reading stays open.
_PASSES = re.compile(
    r"(?:造成|发生|出现|存在|产生|引发|导致|从中|有|经过|经|按照|按|依照|依据|及时|认真|严格|如实|正确|全面|任何|个人|"
    r"给予|给|对|向|被|为|予以|能够|能|曾经|曾|再|履行|进行|提交|报请|报送|提请|其|他|她|该|了|过|\s)*"
)
# Before a list's option: the option was removed or kept off (消除了不良影响, 为减少损失), not that it holds.
_REMEDY = re.compile(r"(?:消除|挽回|弥补|减少|减轻|降低|化解|避免|防止|以免|以防)[^、]{0,4}$")
_AFTER_CUE = r"(?:、[^、，,。；;！？!?：:\n]{1,10})*(?:的?(?:问题|情况|行为|现象|事实|情形|线索|反映))?"
# After a cue, what was found not to be so: …的问题不存在, 优亲厚友的问题不属实.
_POST_NEGATION = re.compile(
    _AFTER_CUE + r"(?:(?:均|都|也|并|亦)?(?:不存在|不成立|不属实|失实|与事实不符)|(?:均|都)(?:未|没有))"
)
# ... or what was not found: …的问题查无实据 says nothing either way.
_POST_UNFOUND = re.compile(_AFTER_CUE + r"(?:均|都|也|并|亦)?(?:查无实据|未查实|未能查实|无法查实|尚未查实|未经查实)")
# After a yes/no question's cue, how well it was done: 履职尽责*不到位*. (An option is not turned round by it:
# 疫情防控工作*不力* is still epidemic-control work.)
_FELL_SHORT = re.compile(r"不到位|不力|不够|不实|不严|不足|不充分")
_PHRASE_REACH = 64  # characters a cue found in a text spans, at most, for looking back from a place
# "Or" between two parts of a clause (not 或许, 或多或少).
_DISJUNCTION = re.compile(r"或者|或是|或(?![许多少])")
_QUESTION = re.compile(r"是否|有无|有没有|是不是|能否|可否|会否|与否|为何|为什么|何以|怎么|还是")
_HEDGE = re.compile(
    r"可能|或许|也许|大概|似乎|疑似|涉嫌|未必|不一定|应当|应该|必须|务必|(?<!无)须|需要|需经|"
    r"(?<!按照)(?<!按)(?<!根据)(?<!符合)(?<!达到)要求|不得|严禁|可以|允许|拟|计划|准备|打算|将要|即将|争取|力争|"
    r"确保|力求|"
    # What someone is told to do (督促其及时纠正, 责令整改) is not what was done.
    r"督促|责令|敦促|责成|限期"
)
_HYPOTHESIS = re.compile(r"如果|假如|假设|假若|倘若|如若|要是|一旦|万一|只要|即使|即便|哪怕|(?<!凡)凡是?(?![事人])|若(?!干)")
_CLAIM = re.compile(
    r"自称|辩称|声称|坚称|谎称|宣称|据称|据说|称其|称自己|辩解|申辩|狡辩|自辩|自述|否认|(?:本人|其|他|她|当事人|申请人)"
    r"(?:认为|表示)|自认为|网传|传言|举报|检举|控告|投诉|(?<!充分)(?<!集中)反映(?!强烈|出)"
)
_TURN = re.compile(r"但是|但|然而|可是|不过|经查|经核查|经核实|经调查|发现|查明|认定|事实上|实际上")
_EXHORTATION = re.compile(r"鼓励|激励|撑腰|鼓劲|营造|旗帜鲜明|宽容失败|允许试错")
# Talk of kinds of conduct, not of this case: 把……同……区分开来, 区别对待, a definition (所称……是指).
_CATEGORIES = re.compile(r"区分|区别对待|区别开来|所称|是指|系指|往往|常常|通常")
# What a body must do (纪检监察机关要……), and what a rule provides (《条例》规定……可以……).
_NORMATIVE = re.compile(
    r"(?:机关|部门|党组织|党委|党组|干部|各级|各地)[^。；;：:]{0,20}?(?:要|应当|应该|应|必须|须)(?!求)"
    r"|(?:规定|明确|办法|条例|意见|清单|细则)[^。；;！？!?]{0,60}?(?:可以|应当|不得|可予|可申请)"
    r"|可以?容错|可予以?容错|不在容错范围"  # what may be tolerated, in general
)
# A sentence about cadres in general (党员干部、各级机关、有关单位或个人) that names no one in particular — no one
# referred to, no finding, no time — says nothing of a case.
_GENERAL = re.compile(r"干部|党员|党组织|各级|机关|单位|群众|广大|行为人")
_ANCHOR = re.compile(
    r"该|其(?![一二三四五六七八九十次他余中实])|此|这一|这项|这个|这些|本案|本人|他(?!人)|她|当事人|申请人|同志|某(?!种|些|方面)"
    r"|[A-Z]{1,2}(?:公司|区|市|县|镇|村|局|单位)|\w{2,4}(?:村|镇|乡|街道|社区)"
    r"|经查|经核查|经核实|经调查|查明|查实|认定|发现|核实|了|已|曾|\d{4}年|\d{1,2}月|日前|近日|此前|随后"
)
_ENUMERATOR = re.compile(
    r"^(?:\d{1,2}\s*[\.．、]|[（(][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十]{1,3}[、．.]|"
    r"第[一二三四五六七八九十\d]{1,3}[条项款])"
)
_CONDITION_OPENS = re.compile(r"^(?:对于|对|凡是|凡)")
_DISPOSAL = re.compile(
    r"^(?:将|可|应|予以|给予|不予|免予|免于|一律|均可|从轻|减轻|免除|不作|视为|按照|依规|依纪|依法|以|由|适用|经认定)"
)
_SEMICOLON_END = re.compile(r"[；;]\s*$")
_LIST_ITEM = re.compile(r"的\s*[；;]\s*$")  # …的； an item of a list of conditions
_LAST_ITEM = re.compile(r"的\s*[。.]?\s*$")
_CLAUSES = re.compile(r"[^，,；;。！？!?：:]+[，,；;。！？!?：:]*")
_ENDS_IN_DE = re.compile(r"的\s*[，,；;]+$")
_NAMED_RULE = re.compile(
    r"[”’」』\"]?的?(?:前提|原则|要求|精神|界限|界线|分界线|边界|标准|理念|方针|机制|规定|条件|情形|底线|容错情形)"
)
_PUNCTUATION = re.compile(r"[\s，,、。；;：:！？!?“”‘’「」『』\"'（）()《》〈〉【】\[\]…—\-·．.]")
QUOTE_GRAM = 12  # characters of a measure's own words in a row that make a sentence a quotation of it
_LONG_QUOTE = 16  # a measure's quotes this long or longer are looked for in sentences


class Reading(Record):
    """What a text suggests: a suggestion per question it speaks to, in asking order; whether the search was cut short."""

    __slots__ = ("suggestions", "stopped", "found")

    def __init__(self, suggestions: dict[str, Suggestion], stopped: bool, found: int) -> None:
        self.suggestions = suggestions
        self.stopped = stopped  # so many cues were found that the rest of the text was not searched
        self.found = found  # cues found and read as findings, before they were gathered into suggestions


def suggest(accounts: Sequence[Account], questions: Questions, *, answered: Collection[str] = ()) -> Reading:
    """Suggestions for the questions ``accounts`` speak to, leaving out those in ``answered``."""
    index, quotes = _prepared(questions)
    gathered: dict[str, list[Evidence]] = {}
    kept: dict[tuple[str, str | None, bool], set[str]] = {}  # the sentences kept for a question, option and answer
    stopped, found = False, 0
    for account in accounts:
        layout = Layout(account.blocks)
        hits, cut = index.hits(layout.text)
        stopped = stopped or cut
        asked = [h for h in hits if h.cue.fact not in answered]
        if not asked:
            continue  # nothing to read the account's sentences for
        reader = _Reader(layout, quotes, index.unless, hits)
        for hit in _outermost(asked):
            read = reader.reading(hit)
            if read is None:
                continue
            says, sentence = read
            found += 1
            shown = kept.setdefault((hit.cue.fact, hit.cue.option, says), set())
            text = _shown(sentence, hit, layout)
            if len(shown) < MAX_EVIDENCE and text not in shown:  # the rest say the same again
                shown.add(text)
                gathered.setdefault(hit.cue.fact, []).append(Evidence(text, account.name, says, hit.cue.option))
    suggestions = {}
    for fact in questions.facts:
        if fact.id in gathered:
            made = _suggestion(gathered[fact.id], fact.type == "set", fact.option_ids)
            if made is not None:
                suggestions[fact.id] = made
    return Reading(suggestions, stopped, found)


_PREPARED: list[tuple[Questions, CueIndex, frozenset[str]]] = []  # the last measures' cues: a folder of texts reuses them


def _prepared(questions: Questions) -> tuple[CueIndex, frozenset[str]]:
    """The cues and the measures' words for ``questions``, made once for a run that reads many texts."""
    for known, index, grams in _PREPARED:
        if known is questions:
            return index, grams
    made = (CueIndex(questions), _measure_grams(questions))
    _PREPARED[:] = [(questions, *made)]
    return made


def _outermost(hits: list[Hit]) -> list[Hit]:
    """Hits not inside a longer hit of the same question (and option): 未谋取私利 over 谋取私利."""
    kept: list[Hit] = []
    reach: dict[tuple[str, str | None], int] = {}  # how far the kept hits of a question (and option) reach
    for hit in hits:  # by start, the longer first
        key = (hit.cue.fact, hit.cue.option)
        if reach.get(key, -1) >= hit.end and any(
            k.start <= hit.start and hit.end <= k.end and (k.cue.fact, k.cue.option) == key for k in kept[-16:]
        ):
            continue
        kept.append(hit)
        reach[key] = max(reach.get(key, -1), hit.end)
    return kept


def _suggestion(found: list[Evidence], is_set: bool, order: tuple[str, ...]) -> Suggestion | None:
    """What the sentences found for one question suggest: an answer, the options shown, or a conflict.

    ``found`` holds at most MAX_EVIDENCE sentences for each option and answer (``suggest`` keeps no more).
    """
    if not is_set:
        yes = [e for e in found if e.says]
        no = [e for e in found if not e.says]
        if yes and no:
            return Suggestion(None, conflicting=(*yes, *no))
        return Suggestion(bool(yes), evidence=tuple(yes or no))
    shown = {e.option for e in found if e.says}
    denied = {e.option for e in found if not e.says}
    both = shown & denied
    options = tuple(o for o in order if o in shown and o not in both)
    evidence = tuple(e for e in found if e.says and e.option in options)
    conflict: list[Evidence] = []
    for option in (o for o in order if o in both):
        conflict += [e for e in found if e.option == option and e.says]
        conflict += [e for e in found if e.option == option and not e.says]
    if not options and not conflict:
        return None  # only options said not to hold: a list is closed, and the text does not say what else
    value: AnswerValue | None = options if options else None
    return Suggestion(value, evidence=evidence, conflicting=tuple(conflict))


def _shown(sentence: Sentence, hit: Hit, layout: Layout) -> str:
    """The sentence as evidence: whole (a sentence that is all one quotation, without its marks), or around the cue."""
    text, first = sentence.text, sentence.start
    quote = layout.quote_opened_at(sentence.start)
    if quote is not None and quote[1] == sentence.end - 1:  # the quotation is shown in marks of its own
        text, first = text[1:-1], first + 1
    if len(text) <= LONG_SENTENCE:
        return text
    start = max(hit.start - first - _AROUND, 0)
    end = min(hit.end - first + _AROUND, len(text))
    return ("……" if start > 0 else "") + text[start:end] + ("……" if end < len(text) else "")


def _normalized(words: str) -> str:
    return _PUNCTUATION.sub("", words)


def _measure_grams(questions: Questions) -> frozenset[str]:
    """Every run of QUOTE_GRAM characters in the measures' longer quotes, punctuation left out."""
    grams: set[str] = set()
    for criteria in questions.measures:
        quotes = [s.quote for s in criteria.situations] + [r.quote for r in criteria.rules]
        quotes += [e.quote for s in criteria.situations for e in s.elements]
        quotes += [e.quote for e in (*criteria.preconditions, *criteria.exclusions)]
        quotes += [f.quote for f in criteria.facts]
        for quote in quotes:
            words = _normalized(quote or "")
            if len(words) >= _LONG_QUOTE:
                grams.update(words[i : i + QUOTE_GRAM] for i in range(len(words) - QUOTE_GRAM + 1))
    return frozenset(grams)


class _Marks:
    """Where the words of one kind are in an account's text: found once, then looked up by position."""

    __slots__ = ("starts", "ends")

    def __init__(self, found: list[tuple[int, int]]) -> None:
        self.starts = [a for a, _ in found]
        self.ends = [b for _, b in found]

    @classmethod
    def of(cls, pattern: re.Pattern[str], text: str) -> _Marks:
        return cls([m.span() for m in pattern.finditer(text)])

    def within(self, start: int, end: int) -> list[int]:
        """The indices of the words that lie wholly within ``start:end``."""
        i = bisect_left(self.starts, start)
        j = bisect_left(self.starts, end)
        return [k for k in range(i, j) if self.ends[k] <= end]

    def any_within(self, start: int, end: int) -> bool:
        i = bisect_left(self.starts, start)
        while i < len(self.starts) and self.starts[i] < end:
            if self.ends[i] <= end:
                return True
            i += 1
        return False

    def last_before(self, end: int, start: int) -> int | None:
        """The start of the last word that ends by ``end`` and starts at ``start`` or later."""
        i = bisect_left(self.starts, end) - 1
        while i >= 0 and self.starts[i] >= start:
            if self.ends[i] <= end:
                return self.starts[i]
            i -= 1
        return None


class _Reader:
    """How the sentences of one account read: every kind of word found once, each sentence judged once."""

    def __init__(
        self, layout: Layout, grams: frozenset[str], unless: dict[str, tuple[str, ...]], hits: Sequence[Hit]
    ) -> None:
        self.layout = layout
        self.grams = grams
        self.unless = unless
        self.hits = hits  # every cue found in the account, by position: the other part of an alternative is looked up
        self.hit_starts = [h.start for h in hits]
        text = self.text = layout.text
        self.disjunctions = _Marks.of(_DISJUNCTION, text)
        tokens = [(m.span(), m.lastgroup) for m in _NEGATION.finditer(text)]
        self.negations = _Marks([span for span, kind in tokens if kind == "neg"])
        self.unfound = _Marks([span for span, kind in tokens if kind == "unfound"])
        self.list_marks = _Marks([(m.start(), m.end()) for m in re.finditer("、", text)])
        self.questions = _Marks.of(_QUESTION, text)
        self.hedges = _Marks.of(_HEDGE, text)
        self.hypotheses = _Marks.of(_HYPOTHESIS, text)
        self.turns = _Marks.of(_TURN, text)
        self._rule: dict[int, bool] = {}
        self._claims: _Marks | None = None

    def reading(self, hit: Hit) -> tuple[bool, Sentence] | None:
        """What the sentence holding ``hit`` says with it (the cue's answer or its opposite), and the sentence.

        None where the sentence is not a finding about the case, or its words leave the answer open.
        """
        index = self.layout.sentence_at(hit.start)
        if index is None:
            return None
        sentence = self.layout.sentences[index]
        if hit.end > sentence.end:
            return None  # a phrase across a sentence end is not one phrase
        if self.is_rule(index) or self.claimed(hit.start):
            return None
        if self.hypotheses.any_within(sentence.start, hit.start) or self.named_rule(hit):
            return None
        start, end = self.layout.clause(hit.start, sentence)
        unless = self.unless.get(hit.cue.fact)
        if unless:  # in the clause or the next: 经常委会研究，决定对其容错免责 is about the tolerance, not the case
            _, following = self.layout.clause(end + 1, sentence) if end < sentence.end else (end, end)
            around = self.text[start:following]
            if any(word in around for word in unless):
                return None
        if (
            self.questions.any_within(start, hit.start)
            or self.questions.any_within(hit.end, end)
            or self.hedges.any_within(start, hit.start)
        ):
            return None
        if hit.cue.option is not None and _REMEDY.search(self.text, max(start, hit.start - 8), hit.start):
            return None
        if hit.gaps and any(m.group("neg") for m in _NEGATION.finditer(hit.gaps)):
            return None  # a negation inside the phrase's gap (违反*不*…规定): open
        turned = self.negation(start, hit)
        if turned is None:
            return None
        if not turned and self.one_of_alternatives(hit, start, end):
            return None
        if _POST_UNFOUND.match(self.text, hit.end, end):
            return None
        if _POST_NEGATION.match(self.text, hit.end, end) or (
            hit.cue.option is None and _FELL_SHORT.match(self.text, hit.end, end)
        ):
            turned = not turned
        return hit.cue.says != turned, sentence

    # -- negation

    def negation(self, clause_start: int, hit: Hit) -> bool | None:
        """Whether the words before a cue in its clause turn it round (True), leave it (False), or leave it open (None).

        In a list (未造成损失、未发现利益输送) the cue's own item decides; a negation only in an
        earlier item (没有谋取私利、收受好处) may or may not reach it, and leaves it open.
        """
        mark = self.list_marks.last_before(hit.start, clause_start)
        item_start = mark + 1 if mark is not None else clause_start
        if self.unfound.any_within(item_start, hit.start):
            return None
        negations = self.negations.within(item_start, hit.start)
        if not negations:
            if mark is not None and self.negations.any_within(clause_start, item_start):
                return None
            return False
        between = self.text[self.negations.ends[negations[-1]] : hit.start]
        if len(between) > NEAR or _DEGREE.search(between + hit.gaps) or not _PASSES.fullmatch(between):
            return None
        if self.negations.starts[negations[0]] < hit.start - 2 * NEAR:
            return None
        return len(negations) % 2 == 1

    # -- alternatives

    def one_of_alternatives(self, hit: Hit, start: int, end: int) -> bool:
        """Whether the cue lies in one part of an alternative in its clause whose other part does not show the same.

        出现无意过失或工作失误 says that one of the two happened: 无意过失 alone is not said.
        """
        for k in self.disjunctions.within(start, end):
            mark, mark_end = self.disjunctions.starts[k], self.disjunctions.ends[k]
            if hit.start < mark < hit.end:
                # Inside the phrase's gap: its end is in the second part, and the first must show the same
                # (出现…偏差 over 出现失误或偏差, but not 出现…失误 over 出现无意过失或工作失误).
                if not self._shows_the_same(hit, hit.start, mark, inside=True):
                    return True
                continue
            other = (mark_end, end) if mark >= hit.end else (start, mark)
            if not self._shows_the_same(hit, *other):
                return True
        return False

    def _shows_the_same(self, hit: Hit, start: int, end: int, *, inside: bool = False) -> bool:
        """Whether another cue with the same answer reaches into ``start:end`` (``inside``: lies wholly within it)."""
        same = (hit.cue.fact, hit.cue.option, hit.cue.says)
        i = bisect_left(self.hit_starts, start if inside else start - _PHRASE_REACH)
        while i < len(self.hits) and self.hit_starts[i] < end:
            other = self.hits[i]
            reaches = other.end <= end if inside else other.end > start
            if other is not hit and reaches and (other.cue.fact, other.cue.option, other.cue.says) == same:
                return True
            i += 1
        return False

    # -- what is not a finding

    def is_rule(self, index: int) -> bool:
        """Whether a sentence states a rule rather than a fact of the case (found once per sentence)."""
        # Clauses joined by ；are one sentence in Chinese: a rule goes on to the next one. Walked back as a loop,
        # not a recursion: a text may join any number of them.
        sentences = self.layout.sentences
        walked: list[int] = []
        at = index
        while (known := self._rule.get(at)) is None:
            walked.append(at)
            after_item = at > 0 and bool(_LIST_ITEM.search(sentences[at - 1].text))
            known = _rule_like(sentences[at].text, self.grams, after_item)
            if known or at == 0 or not _SEMICOLON_END.search(sentences[at - 1].text):
                break
            at -= 1
        for visited in walked:
            self._rule[visited] = known
        return known

    def claimed(self, position: int) -> bool:
        """Whether ``position`` lies in what someone claims or alleges."""
        if self._claims is None:
            self._claims = self._claim_spans()
        claims = self._claims
        i = bisect_right(claims.starts, position) - 1
        # Claims end at their sentence's end or their quotation's: only the last few can reach this far.
        return any(claims.ends[k] > position for k in range(i, max(i - 16, -1), -1))

    def _claim_spans(self) -> _Marks:
        spans = []
        layout = self.layout
        for m in _CLAIM.finditer(self.text):
            index = layout.sentence_at(m.start())
            if index is None:
                continue
            sentence = layout.sentences[index]
            turn = bisect_left(self.turns.starts, m.end())  # a claim ends where a 但, 经查… turns to the finding
            end = sentence.end
            if turn < len(self.turns.starts) and self.turns.starts[turn] < sentence.end:
                end = self.turns.starts[turn]
            opening = m.end()
            while opening < min(m.end() + 3, sentence.end) and self.text[opening] in "：:，, ":
                opening += 1
            quote = layout.quote_opened_at(opening)  # what is claimed in quotation marks, to their end
            if quote is not None:
                end = max(end, quote[1])
            spans.append((m.start(), end))
        return _Marks(spans)

    def named_rule(self, hit: Hit) -> bool:
        """Whether the cue is inside a quoted name of a principle or a situation: “政策允许、程序合规”的前提."""
        quote = self.layout.quote_around(hit.start, hit.end)
        if quote is None:
            return False
        return bool(_NAMED_RULE.match(self.text, quote[1]))


def _rule_like(sentence: str, grams: frozenset[str], after_item: bool = False) -> bool:
    """A sentence that states a rule, or says nothing of a case.

    A conditional (对…的，可以…), an item of a list of conditions (…的；…的；…的。), a measure's
    words, what a body must do or a rule provides, talk of kinds of conduct, exhortation, or a
    sentence about cadres in general. ``after_item``: the sentence before it is an item.
    """
    if _EXHORTATION.search(sentence) or _CATEGORIES.search(sentence) or _NORMATIVE.search(sentence):
        return True
    if _GENERAL.search(sentence) and not _ANCHOR.search(sentence):
        return True
    if _LIST_ITEM.search(sentence) or (after_item and _LAST_ITEM.search(sentence)):
        return True
    words = sentence.strip()
    listed = _ENUMERATOR.match(words)
    body = words[listed.end() :] if listed else words
    if listed and re.search(r"的\s*[；;。]?\s*$", body):
        return True
    clauses = [m.group() for m in _CLAUSES.finditer(body)]
    conditional = bool(_CONDITION_OPENS.match(body))
    for clause, following in zip(clauses, clauses[1:], strict=False):
        if not _ENDS_IN_DE.search(clause):
            continue
        if "是" in clause.replace("凡是", ""):
            continue  # 是…的: a statement (出发点是好的), not a condition
        if conditional or _DISPOSAL.match(following.lstrip()):
            return True
    if grams:
        plain = _normalized(sentence)
        if any(plain[i : i + QUOTE_GRAM] in grams for i in range(len(plain) - QUOTE_GRAM + 1)):
            return True
    return False
