"""The message catalogue: every sentence the program itself says, in Chinese and English.

What a measure says (labels, questions, quotes, outcomes, the reminder) comes
from its criteria file; this catalogue holds only the tool's own words.
"""

from __future__ import annotations

LANGUAGES = ("zh", "en")
DEFAULT_LANGUAGE = "zh"

_CATALOGUE: dict[str, tuple[str, str]] = {
    # -- locations and hints
    "did_you_mean": ("（是否想写“{suggestion}”？）", " (did you mean '{suggestion}'?)"),
    "key_in_location": ("，键 {key}", ", key {key}"),
    "location_sep": ("：", ": "),
    "error_prefix": ("错误", "error"),
    "warning_prefix": ("提示", "warning"),
    # -- reading files
    "not_found": ("文件不存在。", "no such file."),
    "criteria_not_found": ("找不到标准文件（criteria）。", "criteria file not found."),
    "is_a_directory": ("这是一个文件夹，不是文件。", "this is a folder, not a file."),
    "permission_denied": ("没有读取权限。", "permission denied: the file cannot be read."),
    "read_error": ("无法读取：{detail}。", "cannot be read: {detail}."),
    "too_large": (
        "文件过大（{size} 字节，上限 {limit} 字节），未解析。可用 --max-bytes 调整上限。",
        "file too large ({size} bytes; the limit is {limit}); not parsed. --max-bytes changes the limit.",
    ),
    "no_cases_in_folder": (
        "文件夹中没有案件文件（{suffixes}）。",
        "the folder holds no case files ({suffixes}).",
    ),
    "bad_encoding": (
        "自第 {offset} 字节起既不是 UTF-8 也不是 GB18030 编码，无法读取。请以 UTF-8 另存。",
        "from byte {offset} on, the file is neither UTF-8 nor GB18030 text; save it as UTF-8.",
    ),
    "bad_encoding_bom": (
        "文件以 {encoding} 的字节顺序标记（BOM）开头，但内容不是有效的 {encoding}：{detail}。",
        "the file starts with a {encoding} byte-order mark but is not valid {encoding}: {detail}.",
    ),
    "read_as_gb18030": (
        "{file} 不是 UTF-8 编码，已按 GB18030（中文 Windows 常用编码）读取；建议另存为 UTF-8。",
        "{file} is not UTF-8; it was read as GB18030 (what Chinese Windows writes). Saving it as UTF-8 is advised.",
    ),
    "file_exists": ("文件已存在，未覆盖（如需覆盖请加 --force）。", "the file exists and was not overwritten (--force overwrites it)."),
    "write_error": ("无法写入：{detail}。", "cannot be written: {detail}."),
    # -- syntax
    "yaml_syntax": ("YAML 格式错误：{problem}。", "YAML syntax error: {problem}."),
    "json_syntax": ("JSON 格式错误：{problem}。", "JSON syntax error: {problem}."),
    "yaml_tab": (
        "YAML 不允许用制表符（Tab）缩进，请改用空格。",
        "YAML does not allow tabs for indentation; use spaces.",
    ),
    "yaml_bad_char": ("文件含有不允许的控制字符 {char}。", "the file contains a control character {char} that is not allowed."),
    "yaml_tag": (
        "不允许使用 YAML 标签（{tag}）；请直接写值。",
        "YAML tags ({tag}) are not allowed; write the plain value.",
    ),
    "duplicate_key": (
        "键“{name}”重复（第一次出现在第 {first_line} 行）。",
        "duplicate key '{name}' (first on line {first_line}).",
    ),
    "complex_key": ("键必须是简单的文字。", "a key must be plain text."),
    "several_documents": ("一个文件只能有一个 YAML 文档（此处出现了第二个“---”）。", "a file holds one YAML document only (a second '---' is here)."),
    "too_deep": ("嵌套层数超过上限 {limit}。", "nesting deeper than the limit of {limit}."),
    "too_many_nodes": ("文件中的条目数超过上限 {limit}。", "more than {limit} items in the file."),
    # -- structure
    "empty_file": ("文件为空。", "the file is empty."),
    "top_not_mapping": (
        "文件的最外层应为键值对（case、answers、expect），而不是{got}。",
        "the top level must be a mapping (case, answers, expect), not {got}.",
    ),
    "unknown_key": ("未知的键“{name}”；可用的键：{allowed}。", "unknown key '{name}'; allowed: {allowed}."),
    "missing_key": ("缺少必需的键“{name}”。", "required key '{name}' is missing."),
    "wrong_type": ("应为{expected}，实际为{got}。", "expected {expected}, found {got}."),
    "empty_value": ("值不能为空。", "the value must not be empty."),
    # -- answers
    "unknown_fact": ("未知的问题“{name}”。", "unknown question '{name}'."),
    "unknown_option": ("问题“{fact}”没有选项“{name}”。", "question '{fact}' has no option '{name}'."),
    "repeated_option": ("“{name}”重复（已在第 {first} 项）。", "'{name}' is repeated (already item {first})."),
    "option_expected": ("列表的每一项应为一个选项编号，实际为{got}。", "each item must be an option id, found {got}."),
    "list_expected": (
        "此问题可多选，答案应为选项编号的列表，例如 [{example}]；[] 表示都不是；留空表示未知。实际为{got}。",
        "this question takes a list of option ids, e.g. [{example}]; [] means none; leave empty for unknown. Found {got}.",
    ),
    "yesno_expected": (
        "此问题的答案应为 是/否/不确定（yes/no/unknown），实际为{got}。",
        "this question takes yes/no/unknown (是/否/不确定), found {got}.",
    ),
    "bad_yesno": (
        "“{value}”不是有效的答案；请写 是/否/不确定（yes/no/unknown）。",
        "'{value}' is not an answer; write yes/no/unknown (是/否/不确定).",
    ),
    "on_off_not_answer": (
        "“{value}”在 YAML 1.1 中会被当作真假值，这里不作为答案；请写 是/否。",
        "'{value}' is a YAML 1.1 boolean and is not taken as an answer here; write yes or no.",
    ),
    "number_not_answer": (
        "“{value}”是数字或日期，不是答案；请写 是/否/不确定。",
        "'{value}' is a number or date, not an answer; write yes/no/unknown.",
    ),
    "unknown_outcome": ("未知的结论“{name}”。", "unknown outcome '{name}'."),
    "unknown_situation": ("未知的情形“{name}”。", "unknown situation '{name}'."),
    # -- criteria files
    "bad_format": ("不支持的 format“{value}”；本版本支持 {supported}。", "unsupported format '{value}'; this version reads {supported}."),
    "bad_languages": ("languages 应为不重复的语言代码列表。", "languages must be a list of distinct language codes."),
    "bad_id": ("“{value}”不能用作编号：请用字母开头，仅含字母、数字、_ 和 -。", "'{value}' is not a valid id: start with a letter; letters, digits, _ and - only."),
    "needs_translations": ("此处需要各语言的文字：{languages}。", "this needs a text for each language: {languages}."),
    "undefined_basis": ("未定义的依据“{name}”（bases 中有：{known}）。", "undefined basis '{name}' (bases has: {known})."),
    "duplicate_id": ("{what}编号“{name}”重复（第一次出现在第 {first_line} 行）。", "duplicate {what} id '{name}' (first on line {first_line})."),
    "bad_fact_type": ("未知的问题类型“{value}”；可用：{known}。", "unknown fact type '{value}'; known: {known}."),
    "no_options": ("多选问题至少要有一个选项。", "a set-valued fact needs at least one option."),
    "options_on_yesno": ("是非题不能有 options。", "a yes/no fact has no options."),
    "undefined_fact": ("未定义的问题“{name}”。", "undefined fact '{name}'."),
    "undefined_option": ("问题“{fact}”没有定义选项“{name}”。", "fact '{fact}' defines no option '{name}'."),
    "one_test": ("对“{fact}”的检验应恰好写一个：{tests}。", "a test on '{fact}' needs exactly one of: {tests}."),
    "test_for_type": ("“{test}”不能用于{type}类问题“{fact}”；可用：{tests}。", "'{test}' does not apply to the {type} fact '{fact}'; use one of: {tests}."),
    "repeated_in_test": ("检验中的选项重复。", "an option is repeated in the test."),
    "empty_list": ("列表不能为空。", "the list must not be empty."),
    "undetermined_favourable": ("undetermined 的 favourable 必须为 null。", "undetermined must have favourable: null."),
    "no_undetermined": ("outcomes 必须定义“{name}”。", "outcomes must declare '{name}'."),
    "undefined_outcome": ("未定义的结论“{name}”。", "undefined outcome '{name}'."),
    "bad_condition": (
        "条件应为 all/any/not/ref/situation/situations/preconditions/exclusions 之一，或对某个问题的检验。",
        "a condition is one of all/any/not/ref/situation/situations/preconditions/exclusions, or a test on a fact.",
    ),
    "undefined_situation": ("未定义的情形“{name}”。", "undefined situation '{name}'."),
    "bad_quantifier": ("{group} 后应为 {known}，而不是“{value}”。", "{group} takes {known}, not '{value}'."),
    "undefined_condition": ("未定义的条件“{name}”。", "undefined condition '{name}'."),
    "condition_cycle": ("条件循环引用：{chain}。", "conditions refer to each other in a cycle: {chain}."),
    "unknown_measure": ("没有名为“{name}”的内置标准（可用：{known}）。", "no bundled measure named '{name}' (known: {known})."),
    "stdin_twice": ("标准输入（-）只能读取一次。", "standard input (-) can be read only once."),
    "unknown_language": ("不支持语言“{lang}”（可用：{known}）。", "language '{lang}' is not available (available: {known})."),
    # -- the program itself
    "internal_error": (
        "抱歉，zgrongcuo {version} 内部出错：{detail}\n这是程序缺陷，不是您的输入有误。加 --debug 重新运行可看到详细信息，请连同输入文件一并报告。",
        "Sorry, zgrongcuo {version} hit an internal error: {detail}\nThis is a bug, not a problem with your input. Run again with --debug for the details and report it with the input file.",
    ),
    "kind.mapping": ("键值对", "a mapping"),
    "kind.list": ("列表", "a list"),
    "kind.scalar": ("单个值", "a single value"),
    "kind.null": ("空值", "nothing (null)"),
    "kind.text": ("文字", "text"),
    "interrupted": ("已中断。", "interrupted."),
    # -- determinations
    "status.met": ("符合", "met"),
    "status.not_met": ("不符合", "not met"),
    "status.unknown": ("未知", "unknown"),
    "exclusion_status.met": ("触及", "touched"),
    "exclusion_status.not_met": ("未触及", "not touched"),
    "exclusion_status.unknown": ("未查明", "not examined"),
    "yes": ("是", "yes"),
    "no": ("否", "no"),
    "none_of_them": ("无", "none"),
    "not_answered": ("尚未回答", "not answered"),
    "answered": ("回答为{answer}", "answered {answer}"),
    "quote_marks": ("“{text}”", "“{text}”"),
    "list_sep": ("、", ", "),
    "or_sep": ("或", " or "),
    "req.is": ("要求为{value}", "required: {value}"),
    "req.has": ("要求包括{options}", "required: includes {options}"),
    "req.has_all": ("要求包括{options}全部", "required: includes all of {options}"),
    "req.has_any": ("要求包括{options}中的任一项", "required: includes any of {options}"),
    "req.has_none": ("要求不包括{options}中的任何一项", "required: includes none of {options}"),
    "touch.is": ("回答为{value}即触及底线", "touched if the answer is {value}"),
    "touch.has": ("包括{options}即触及底线", "touched if it includes {options}"),
    "touch.has_all": ("包括{options}全部即触及底线", "touched if it includes all of {options}"),
    "touch.has_any": ("包括{options}中任一项即触及底线", "touched if it includes any of {options}"),
    "touch.has_none": ("不包括{options}中任何一项即触及底线", "touched if it includes none of {options}"),
    "reason": ("{label}：{answer}；{requirement}。", "{label}: {answer}; {requirement}."),
    "note": ("备注：{note}", "Note: {note}"),
    "rule_fired": ("依据第 {number} 条判定规则", "by outcome rule {number}"),
    "no_rule_fired": ("没有一条判定规则已能确定", "no outcome rule is decided yet"),
    "situations_met": ("符合情形：{ids}", "situations met: {ids}"),
    "no_situation_met": ("未符合任何情形", "no situation met"),
    "heading.situations": ("情形", "Situations"),
    "heading.preconditions": ("前提条件", "Preconditions"),
    "heading.exclusions": ("底线（排除情形）", "Bottom lines (exclusions)"),
    "heading.open_questions": ("尚待回答的问题", "Questions still open"),
    "heading.summary": ("汇总", "Summary"),
    "col.item": ("情形 / 要件", "Situation / element"),
    "col.status": ("状态", "Status"),
    "col.reason": ("理由", "Reason"),
    "col.code": ("代码", "Code"),
    "col.question": ("问题", "Question"),
    "col.answer": ("回答", "Answer"),
    "col.note": ("备注", "Note"),
    "heading.answers": ("回答与备注", "Answers and notes"),
    "col.file": ("文件", "File"),
    "col.case_id": ("案件编号", "Case id"),
    "col.title": ("标题", "Title"),
    "col.outcome": ("结论", "Outcome"),
    "col.label": ("结论说明", "Outcome label"),
    "col.situations_met": ("符合情形", "Situations met"),
    "col.open_questions": ("待答问题", "Open questions"),
    "unchecked_exclusions": ("底线情形未查明：{facts}", "Bottom lines not examined: {facts}"),
    "unchecked_explained": (
        "无论这些问题如何回答，结论都不会变为有利，但底线情形尚未核查。",
        "Whatever the answers to these, the outcome could not become favourable; but the bottom lines were not examined.",
    ),
    "load_failed": ("无法读取", "could not be loaded"),
    "criteria_line": ("标准：{title}（版本 {version}，sha256 {sha}）", "Criteria: {title} (version {version}, sha256 {sha})"),
    "subject_line": ("当事单位或人员：{subject}", "Subject: {subject}"),
    "summary_counts": ("共 {total} 件：{counts}", "{total} cases: {counts}"),
    # -- hostile and broken input
    "binary_file": (
        "第 {offset} 字节是空字节（NUL）：这不是文本文件，可能是 Word 文档、压缩包，或不带 BOM 的 UTF-16 文本。请另存为 UTF-8 纯文本（.yaml）。",
        "byte {offset} is a NUL byte: this is not a text file (perhaps a Word document, a zip archive, or UTF-16 without a byte-order mark). Save it as UTF-8 plain text (.yaml).",
    ),
    "alias_undefined": ("别名 *{name} 没有对应的锚点 &{name}。", "the alias *{name} has no anchor &{name} before it."),
    "alias_loop": ("别名 *{name} 指向包含它自己的内容，形成循环。", "the alias *{name} refers to the node that contains it: a loop."),
    # -- criteria validate (the linter)
    "lint.unused_fact": (
        "问题“{name}”没有被任何判定规则用到（直接或经由情形、前提条件、底线、命名条件）。",
        "fact '{name}' is used by no outcome rule (neither directly nor through situations, preconditions, exclusions or named conditions).",
    ),
    "lint.unused_option": ("问题“{fact}”的选项“{name}”没有被任何检验用到。", "option '{name}' of fact '{fact}' is tested nowhere."),
    "lint.unused_situation": ("情形“{name}”没有被任何判定规则用到。", "situation '{name}' is used by no outcome rule."),
    "lint.unused_condition": ("命名条件“{name}”没有被任何判定规则用到。", "named condition '{name}' is used by no outcome rule."),
    "lint.unused_outcome": ("没有任何判定规则给出结论“{name}”。", "no outcome rule gives the outcome '{name}'."),
    "lint.impossible_situation": (
        "情形“{name}”永远无法符合：对问题“{fact}”的各项要件不可能同时成立。",
        "situation '{name}' can never be met: its elements on fact '{fact}' cannot all hold at once.",
    ),
    "lint.impossible_preconditions": (
        "前提条件永远无法全部满足：对问题“{fact}”的各项要件不可能同时成立。",
        "the preconditions can never all be met: those on fact '{fact}' cannot all hold at once.",
    ),
    "lint.rule_never_true": (
        "第 {number} 条判定规则（{outcome}）在任何回答下都不成立（{method}）。",
        "outcome rule {number} ({outcome}) is true for no answers at all ({method}).",
    ),
    "lint.rule_shadowed": (
        "第 {number} 条判定规则（{outcome}）永远不会生效：凡它成立时，前面总有一条规则已经成立（{method}）。",
        "outcome rule {number} ({outcome}) can never fire: whenever it is true, an earlier rule is true already ({method}).",
    ),
    "lint.rule_search_incomplete": (
        "第 {number} 条判定规则（{outcome}）是否会生效未能查清：检查了 {count} 种回答组合后停止。",
        "could not settle whether outcome rule {number} ({outcome}) can fire: the search stopped after {count} answer combinations.",
    ),
    "lint.exhaustive": (
        "已穷尽检查所涉 {facts} 个问题的全部回答组合（含未知），共 {count} 步",
        "checked exhaustively over every answer, unknown included, to the {facts} facts involved, in {count} steps",
    ),
    "lint.sampled": (
        "抽样检查：所涉 {facts} 个问题中有的选项过多，只检查了部分回答组合，共 {count} 步",
        "sampled: some of the {facts} facts involved have too many options to enumerate, so only some answers were tried, in {count} steps",
    ),
    "lint.element_without_basis": (
        "对问题“{fact}”的要件没有注明依据（basis）。",
        "the element on fact '{fact}' states no basis.",
    ),
    "lint.heading_errors": ("错误（{count}）", "Errors ({count})"),
    "lint.heading_warnings": ("警告（{count}）", "Warnings ({count})"),
    "lint.summary": ("{file}：{errors} 个错误，{warnings} 个警告。", "{file}: errors: {errors}, warnings: {warnings}."),
    "lint.clean": ("{file}：未发现问题。", "{file}: no problems found."),
    "control_in_text": (
        "文字中含有控制字符 {char}（例如终端转义序列），不予接受。",
        "the text contains the control character {char} (e.g. a terminal escape); it is not accepted.",
    ),
}


def text(msg_id: str, lang: str, /, **params: object) -> str:
    """The catalogue's sentence ``msg_id`` in ``lang``, filled in with ``params``."""
    pair = _CATALOGUE[msg_id]
    template = pair[1] if lang == "en" else pair[0]
    if not params:
        return template
    if isinstance(params.get("method"), str) and params["method"] in _CATALOGUE:  # a sentence within a sentence
        params["method"] = text(params["method"], lang, **{k: v for k, v in params.items() if k != "method"})
    for name in ("expected", "got"):  # names of YAML node kinds
        value = params.get(name)
        if isinstance(value, str) and f"kind.{value}" in _CATALOGUE:
            params[name] = text(f"kind.{value}", lang)
    return template.format(**params)


def has(msg_id: str) -> bool:
    return msg_id in _CATALOGUE
