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
    "reason": ("{label}：{clause}", "{label}: {clause}"),
    "reason_clause": ("{answer}；{requirement}。", "{answer}; {requirement}."),
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
    "progress": ("核查中", "Checking"),
    "summary_counts": ("共 {total} 件：{counts}", "{total} cases: {counts}"),
    # -- policy authors: criteria show, criteria test, diff
    "element_text": ("{label}：{requirement}", "{label}: {requirement}"),
    "cond.all": ("以下各项全部成立", "all of the following hold"),
    "cond.any": ("以下各项至少一项成立", "at least one of the following holds"),
    "cond.not": ("并非：{inner}", "not: {inner}"),
    "cond.situation": ("符合情形 {id}（{label}）", "situation {id} is met ({label})"),
    "cond.situations.any": ("符合任一情形", "some situation is met"),
    "cond.situations.all": ("符合全部情形", "every situation is met"),
    "cond.preconditions.all": ("满足全部前提条件", "every precondition is met"),
    "cond.preconditions.any": ("满足任一前提条件", "some precondition is met"),
    "cond.exclusions.any": ("触及任一底线", "some bottom line is touched"),
    "cond.exclusions.all": ("触及全部底线", "every bottom line is touched"),
    "cond.ref": ("满足条件“{name}”", "condition '{name}' holds"),
    "show.basis": ("依据：{basis}", "basis: {basis}"),
    "show.source": ("来源：{source}", "Source: {source}"),
    "show.version": ("编号 {id}，版本 {version}，sha256 {sha}", "id {id}, version {version}, sha256 {sha}"),
    "show.conditions": ("命名条件", "Named conditions"),
    "show.rules": ("判定规则（按顺序；第一条确定成立的规则决定结论，都不确定时为“{undetermined}”）", "Outcome rules (in order; the first that is definitely true decides, and if none is: '{undetermined}')"),
    "show.rule": ("第 {number} 条：{label}", "Rule {number}: {label}"),
    "show.when": ("条件：{condition}", "when: {condition}"),
    "show.outcomes": ("结论", "Outcomes"),
    "show.favourable.true": ("有利", "favourable"),
    "show.favourable.false": ("不利", "unfavourable"),
    "show.favourable.none": ("未定", "not decided"),
    "show.facts": ("问题（按提问顺序）", "Questions (in asking order)"),
    "show.fact": ("{label}（{type}）", "{label} ({type})"),
    "show.type.set": ("多选", "several may apply"),
    "show.type.yesno": ("是/否", "yes/no"),
    "show.no_preconditions": ("（无）", "(none)"),
    "show.reminder": ("提示：{reminder}", "Reminder: {reminder}"),
    "test.passed": ("通过", "passed"),
    "test.failed": ("未通过", "failed"),
    "test.skipped": ("跳过（无 expect）", "skipped (no expect)"),
    "test.load_error": ("无法读取", "could not be loaded"),
    "test.heading": ("预期结果测试", "Expected results"),
    "test.expected": ("预期", "Expected"),
    "test.actual": ("实际", "Actual"),
    "test.field.outcome": ("结论", "outcome"),
    "test.field.situations": ("符合的情形", "situations met"),
    "test.field.next_questions": ("待答问题", "open questions"),
    "test.differs": ("{field}：预期 {expected}，实际 {actual}", "{field}: expected {expected}, got {actual}"),
    "test.situation_not_met": ("情形 {id} {status}：", "situation {id} {status}: "),
    "test.summary": ("共 {total} 件：通过 {passed}，未通过 {failed}，跳过 {skipped}，无法读取 {errors}。", "{total} cases: {passed} passed, {failed} failed, {skipped} skipped, {errors} could not be loaded."),
    "test.nothing": (
        "所给的 {total} 个案件文件都没有 expect 块，没有可运行的测试。",
        "none of the {total} case files has an expect: block; there is nothing to test.",
    ),
    "test.fired": ("实际依据第 {number} 条判定规则得出“{label}”", "outcome rule {number} fired: '{label}'"),
    "test.none_fired": ("没有一条判定规则已能确定；待答问题：{facts}", "no outcome rule is decided; open questions: {facts}"),
    "empty_list_shown": ("（无）", "(none)"),
    "diff.heading": ("结论或符合情形有变化的案件", "Cases whose outcome or situations met changed"),
    "diff.criteria": ("旧标准：{old}\n新标准：{new}", "old criteria: {old}\nnew criteria: {new}"),
    "diff.criteria_item": ("{path}（{title}，版本 {version}，sha256 {sha}）", "{path} ({title}, version {version}, sha256 {sha})"),
    "diff.transition": ("{old} → {new}", "{old} → {new}"),
    "diff.situations": ("符合情形 {old} → {new}", "situations met {old} → {new}"),
    "diff.rule": ("判定规则 {old} → {new}", "outcome rule {old} → {new}"),
    "diff.no_rule": ("无", "none"),
    "diff.situation_status": ("情形 {id}：{old} → {new}", "situation {id}: {old} → {new}"),
    "diff.element": ("{where}（{old} → {new}）{reason}", "{where} ({old} → {new}): {reason}"),
    "diff.where.situation": ("情形 {id} 要件", "situation {id}, element"),
    "diff.where.precondition": ("前提条件", "precondition"),
    "diff.where.exclusion": ("底线", "bottom line"),
    "diff.absent": ("（无此项）", "(absent)"),
    "diff.only_rules": ("情形与要件的判断未变，判定规则不同", "situations and elements judged alike; the outcome rules differ"),
    "diff.summary": ("共 {total} 件：有变化 {changed}，无变化 {unchanged}，无法读取 {errors}。", "{total} cases: {changed} changed, {unchanged} unchanged, {errors} could not be loaded."),
    "diff.transitions": ("按结论变化统计", "Changes by transition"),
    "diff.nothing": ("没有案件的结论或符合情形发生变化。", "No case's outcome or situations met changed."),
    "diff.load_old": ("按旧标准无法读取：{message}", "cannot be loaded under the old criteria: {message}"),
    "diff.load_new": ("按新标准无法读取：{message}", "cannot be loaded under the new criteria: {message}"),
    "diff.failures": ("无法读取的案件", "Cases that could not be loaded"),
    "col.result": ("结果", "Result"),
    "col.expected": ("预期结论", "Expected"),
    "col.actual": ("实际结论", "Actual"),
    # -- the interview (zgrongcuo ask)
    "ask.control_character": (
        "输入中含有控制字符（可能来自方向键），请重新输入。",
        "the input holds a control character (perhaps from an arrow key); type it again.",
    ),
    "ask.intro": (
        ("{title}\n"
         "· 是非题答 是/否/?（不确定）；多选题输入编号，多个用逗号分开（如 1,3），0 表示都不是，? 表示不确定。\n"
         "· # 之后的文字作为该题的备注保存，如：是 # 见3月5日党组会议纪要\n"
         "· help 查看说明和办法原文，back 返回上一题；Ctrl-C 中断时，已答内容保存为草稿。"),
        ("{title}\n"
         "· Yes/no questions: yes/no/? (unknown). Multiple choice: option numbers separated by commas (e.g. 1,3), "
         "0 for none of them, ? for unknown.\n"
         "· Text after # is kept as a note on the answer, e.g.: yes # see the minutes of 5 March\n"
         "· help shows the help text and the measure's words, back returns to the previous question; "
         "on Ctrl-C the answers so far are saved as a draft."),
    ),
    "ask.meta_intro": ("先填写案件信息（可留空，直接回车跳过）。", "First the case details (press Enter to skip any)."),
    "ask.meta.id": ("案件编号：", "Case id: "),
    "ask.meta.title": ("案件标题：", "Case title: "),
    "ask.meta.subject": ("当事单位或人员：", "Subject (unit or person): "),
    "ask.question": ("[{number}] {question}", "[{number}] {question}"),
    "ask.option": ("  {number}. {label}", "  {number}. {label}"),
    "ask.none_option": ("  0. 无（以上都不是）", "  0. none of the above"),
    "ask.prompt_yesno": ("回答（是/否/?）：", "Answer (yes/no/?): "),
    "ask.prompt_set": ("回答（编号，如 1,3；0 无；? 不确定）：", "Answer (numbers, e.g. 1,3; 0 none; ? unknown): "),
    "ask.hint_yesno": (
        "请回答 是、否 或 ?（不确定）；help 查看说明，back 返回上一题。",
        "Please answer yes, no or ? (unknown); help explains, back returns to the previous question.",
    ),
    "ask.hint_set": (
        "请输入选项编号，多个用逗号分开（如 1,3）；0 表示都不是，? 表示不确定；help 查看说明，back 返回上一题。",
        "Please give option numbers separated by commas (e.g. 1,3); 0 for none, ? for unknown; help explains, back goes back.",
    ),
    "ask.bad_number": ("没有编号为 {number} 的选项（可选 1–{last}，或 0 表示都不是）。", "there is no option {number} (choose 1–{last}, or 0 for none)."),
    "ask.bad_choice": ("“{word}”不是选项编号。", "'{word}' is not an option number."),
    "ask.none_with_others": ("0（都不是）不能与其他选项同时选。", "0 (none of them) cannot be combined with other options."),
    "ask.help_heading": ("说明：{help}", "Help: {help}"),
    "ask.help_quote": ("原文（{basis}）：“{quote}”", "Source words ({basis}): “{quote}”"),
    "ask.help_basis": ("依据：{basis}", "Basis: {basis}"),
    "ask.help_note": ("解释：{note}", "Reading: {note}"),
    "ask.help_option": ("  {number}. {label}：{help}", "  {number}. {label}: {help}"),
    "ask.help_option_quote": ("       原文：“{quote}”", "       source words: “{quote}”"),
    "ask.back_to": ("返回上一题：{label}（已撤销原回答）。", "Back to the previous question: {label} (its answer is undone)."),
    "ask.nothing_to_undo": ("这是本次访谈的第一个问题，无法再返回。", "This is the first question of this interview; there is nothing to go back to."),
    "ask.offer": (
        ("已可得出结论：{outcome}（{code}）。但底线情形尚未查明：{facts}。\n"
         "无论如何回答，结论都不会变为有利；为了完整记录，可以继续回答这 {count} 个问题。"),
        ("The outcome is reached: {outcome} ({code}). But the bottom lines are not examined: {facts}.\n"
         "Whatever the answers, the outcome could not become favourable; for a complete record you can answer these {count} questions."),
    ),
    "ask.offer_prompt": ("继续回答吗？（是/否）：", "Go on with them? (yes/no): "),
    "ask.overwrite_prompt": ("{file} 已存在。访谈结束时覆盖它吗？（是/否）：", "{file} exists. Overwrite it at the end of the interview? (yes/no): "),
    "ask.done_decided": ("结论已确定，无需再问其他问题。", "The outcome is decided; no further question can change it."),
    "ask.done_all": ("所有问题都已回答。", "Every question has been answered."),
    "ask.done_open": (
        "可以改变结论的问题都已问过，但仍有回答为“不确定”，结论暂无法确定。",
        "Every question that could change the outcome has been asked, but some answers are unknown, so the outcome is not decided.",
    ),
    "ask_case_stdin": (
        "ask 从标准输入读取回答，--case 不能是 -；请给出案件文件的路径。",
        "ask reads the answers from standard input, so --case cannot be -; give the case file's path.",
    ),
    "ask.saved": ("已保存：{file}", "Saved: {file}"),
    "ask.interrupted": ("访谈已中断。", "Interview interrupted."),
    "ask.input_ran_out": (
        "标准输入不是终端，其中的回答已用完，访谈尚未完成。",
        "Standard input is not a terminal and its answers ran out before the interview was finished.",
    ),
    "ask.input_ended": ("输入已结束，访谈尚未完成。", "The input ended before the interview was finished."),
    "ask.draft_saved": ("已答内容保存为草稿：{file}\n继续回答：{command}", "The answers so far are saved as a draft: {file}\nTo resume: {command}"),
    "ask.nothing_to_save": ("本次尚未回答任何问题，没有保存草稿。", "Nothing was answered in this interview; no draft was saved."),
    "ask.file_header": (
        "zgrongcuo ask 记录的案件（{date}）。标准：{title}（版本 {version}）。",
        "Case recorded by zgrongcuo ask ({date}). Criteria: {title} (version {version}).",
    ),
    "ask.draft_header": (
        "草稿：访谈尚未完成。继续回答：{command}",
        "Draft: the interview is not finished. To resume: {command}",
    ),
    "ask.file_note": (
        "回答：多选题为选项编号的列表；是非题为 是/否/不确定；value/note 中的 note 是备注。",
        "Answers: a list of option ids for multiple choice; yes/no/unknown otherwise; note is the note on an answer.",
    ),
    # -- explanations, templates, schemas and reports
    "cf.heading": ("什么会改变结论", "What would change the outcome"),
    "cf.intro": (
        "以下是至多两项回答的最小改变，各自即可使结论变为有利：",
        "The smallest changes of at most two answers, each of which would make the outcome favourable:",
    ),
    "cf.if": ("若{changes}，{then}结论为{outcome}。", "If {changes}, {then}the outcome would be: {outcome}."),
    "cf.then": ("则符合{situations}，", "{situations} would be met and "),
    "cf.situation": ("{id}（{label}）", "{id} ({label})"),
    "cf.and": ("，且", ", and "),
    "cf.answer": ("{label}为{to}（现为{before}）", "{label} were {to} (now {before})"),
    "cf.add": ("{label}还包括{options}", "{label} also included {options}"),
    "cf.remove": ("{label}不包括{options}", "{label} did not include {options}"),
    "cf.found": ("“{label}”认定为{to}（现为{before}）", "“{label}” is established as {to} (now {before})"),
    "cf.bottom_heading": (
        "取决于底线事实认定的结论（只说明事实认定与结论的关系；本工具不建议改变已发生的事实）：",
        "Outcomes that turn on how bottom-line facts are established (this only states how findings and outcome relate; the tool never suggests changing what happened):",
    ),
    "cf.bottom": ("{changes}的，结论为{outcome}。", "Where {changes}, the outcome is: {outcome}."),
    "cf.none": (
        "在至多两项回答的改变中，没有能使结论变为有利的。",
        "No change of at most two answers makes the outcome favourable.",
    ),
    "cf.none_unchecked": (
        "有利的结论以各项底线均查明为“否”为前提；本案尚未查明：{facts}。",
        "A favourable outcome requires every bottom line examined and answered no; not yet examined here: {facts}.",
    ),
    "cf.not_a_change": (
        "（把已有的回答改为“不确定”不算改变，不在此列。）",
        "(Turning a known answer into “unknown” does not count as a change and is not listed.)",
    ),
    "cf.open_heading": ("单独回答一个待答问题即可定案的情况：", "Single answers to open questions that would decide the case:"),
    "cf.open": ("{label}回答为{to}时，{then}结论为{outcome}。", "If {label} is answered {to}, {then}the outcome is: {outcome}."),
    "cf.open_none": ("单独回答任何一个待答问题都还不能定案。", "No single open question decides the case on its own."),
    "template.head": ("案件文件：{title}（版本 {version}）", "Case file: {title} (version {version})"),
    "template.how": (
        "由 zgrongcuo template 生成。填写后运行：zgrongcuo check 本文件。留空的问题视为尚不知道。",
        "Made by zgrongcuo template. When filled in, run: zgrongcuo check THIS-FILE. A question left empty is unknown.",
    ),
    "template.yesno_how": (
        "是非题写 是/否/不确定（或 yes/no/unknown）。",
        "Yes/no questions take yes/no/unknown (or 是/否/不确定).",
    ),
    "template.set_how": (
        "多选题写选项编号的列表，如 [{example}]；[] 表示都不是。",
        "Multiple-choice questions take a list of option ids, e.g. [{example}]; [] means none of them.",
    ),
    "template.note_how": (
        "任何回答都可写成 {value: 是, note: \"依据……\"}，备注会写入判定理由；只写 {note: ...} 表示未知并附备注。",
        "Any answer may be written {value: yes, note: \"because ...\"}; the note appears in the reasoning. {note: ...} alone is unknown with a note.",
    ),
    "template.schema_how": (
        "第一行让编辑器按 case.schema.json 提示和检查（用 zgrongcuo schema case -o case.schema.json 生成）。",
        "The first line lets editors check and complete the file against case.schema.json (zgrongcuo schema case -o case.schema.json writes it).",
    ),
    "template.case": ("案件信息（可选，显示在报告中）", "About the case (optional; shown in reports)"),
    "template.answers": ("回答（按提问顺序）", "Answers (in asking order)"),
    "template.yesno": ("是非题", "yes/no"),
    "template.set": ("多选题", "multiple choice"),
    "template.options": ("选项：", "Options:"),
    "template.quote": ("办法原文：{quote}", "The measure's words: {quote}"),
    "meta.id": ("案件编号", "Case id"),
    "meta.title": ("标题", "Title"),
    "meta.subject": ("当事单位或人员", "Subject (unit or person)"),
    "meta.summary": ("基本案情", "Summary of the facts"),
    "schema.case_title": ("案件文件：{title}", "Case file: {title}"),
    "schema.determination_title": ("判定结果：{title}", "Determination: {title}"),
    "schema.unknown_answer": ("不确定（未知）", "unknown"),
    "schema.with_note": ("带备注的回答", "An answer with a note"),
    "schema.expect": ("回归测试的预期结果（可选）", "What a regression test expects (optional)"),
    "output_not_folder": (
        "多个案件的报告写入一个文件夹，而这里是一个已有的文件。",
        "reports for several cases go into a folder, and this is an existing file.",
    ),
    "docx_missing": (
        "生成 Word 文档需要 python-docx，请先安装：pip install 'zgrongcuo[docx]'。",
        "Word output needs python-docx; install it with: pip install 'zgrongcuo[docx]'.",
    ),
    "docx_needs_output": (
        "Word 文档不能输出到终端，请用 -o 指定文件（多个案件时指定文件夹；-o - 可输出到管道）。",
        "a Word document cannot be written to a terminal; give a file with -o (a folder for several cases; -o - for a pipe).",
    ),
    "docx_batch_needs_output": (
        "多个案件的 Word 文档须用 -o 指定文件夹，每件一个文件。",
        "Word documents for several cases need -o with a folder: one file per case.",
    ),
    "wrote": ("已写入 {file}", "wrote {file}"),
    "report.title": ("关于{name}容错免责问题的初筛意见（草稿）", "Screening opinion on fault tolerance (draft): {name}"),
    "report.basic": ("一、案件基本情况", "1. The case"),
    "report.analysis": ("二、对照分析", "2. Analysis"),
    "report.conclusion": ("三、初筛意见", "3. Opinion"),
    "report.procedure": ("四、程序说明", "4. Procedure"),
    "report.file": ("案件文件", "Case file"),
    "report.situation": ("（{number}）{id} {label}：{status}", "({number}) {id} {label}: {status}"),
    "report.quote": ("办法原文：{quote}", "The measure's words: {quote}"),
    "report.outcome": ("初筛结论：{outcome}（{code}）", "Result: {outcome} ({code})"),
    "report.generated": ("生成时间：{time}（zgrongcuo {version}）", "Generated: {time} (zgrongcuo {version})"),
    "report.sha": ("标准文件 sha256：{sha}", "Criteria file sha256: {sha}"),
    "report.elements": ("要件", "Elements"),
    "summary.title": ("容错免责初筛汇总", "Fault-tolerance screening summary"),
    "summary.by_outcome": ("按结论统计", "By outcome"),
    "summary.by_situation": ("按符合情形统计", "By situation met"),
    "summary.several": ("一件案件可能同时符合多个情形。", "A case may meet several situations."),
    "summary.cases": ("各案结论", "Each case"),
    "col.count": ("件数", "Cases"),
    "col.chart": ("分布", "Distribution"),
    "col.situation": ("情形", "Situation"),
    "col.report": ("报告", "Report"),
    "col.field": ("事项", "Item"),
    "col.value": ("内容", "Detail"),
    # -- hostile and broken input
    "binary_file": (
        "第 {offset} 字节是空字节（NUL）：这不是文本文件，可能是 Word 文档、压缩包，或不带 BOM 的 UTF-16 文本。请另存为 UTF-8 纯文本（.yaml）。",
        "byte {offset} is a NUL byte: this is not a text file (perhaps a Word document, a zip archive, or UTF-16 without a byte-order mark). Save it as UTF-8 plain text (.yaml).",
    ),
    "alias_undefined": ("别名 *{name} 没有对应的锚点 &{name}。", "the alias *{name} has no anchor &{name} before it."),
    "alias_loop": ("别名 *{name} 指向包含它自己的内容，形成循环。", "the alias *{name} refers to the node that contains it: a loop."),
    # -- the trust boundary: special files, links, limits, streams, signals
    "not_regular_file": (
        "这不是普通文件（{kind}），未读取。",
        "this is not a regular file ({kind}); it was not read.",
    ),
    "file_kind.fifo": ("命名管道", "a named pipe"),
    "file_kind.device": ("设备文件", "a device"),
    "file_kind.socket": ("套接字", "a socket"),
    "file_kind.other": ("特殊文件", "a special file"),
    "stdin_closed": ("标准输入已关闭，无法读取。", "standard input is closed and cannot be read."),
    "criteria_too_large": (
        "标准文件过大（{size} 字节，上限 {limit} 字节），未解析。",
        "criteria file too large ({size} bytes; the limit is {limit}); not parsed.",
    ),
    "folder_unreadable": (
        "无法读取此文件夹（没有权限），其中的案件未检查。",
        "this folder cannot be read (permission denied); the cases in it were not checked.",
    ),
    "output_is_link": (
        "这是一个符号链接，未替换：-o 只替换普通文件，请给出文件本身的路径。",
        "this is a symbolic link and was not replaced: -o replaces only a regular file; give the path of the file itself.",
    ),
    "output_not_regular": (
        "这是{kind}，不是普通文件，未替换：-o 只替换普通文件。",
        "this is {kind}, not a regular file, and was not replaced: -o replaces only a regular file.",
    ),
    "nothing_written": ("没有可写的内容，未写入 {file}。", "nothing to write: {file} was not written."),
    "measure_name_shadows": (
        "“{name}”指内置标准；当前文件夹中同名的文件未使用（如要使用该文件，请写 ./{name}）。",
        "'{name}' names the bundled measure; the file of that name in this folder was not used (write ./{name} for it).",
    ),
    "condition_too_deep": (
        "条件嵌套过深：连同引用的命名条件和情形，最多 {limit} 层。",
        "conditions nest too deep: at most {limit} levels, counting the named conditions and situations they refer to.",
    ),
    "condition_too_large": (
        "条件展开后过大（{size} 项，上限 {limit} 项；命名条件和情形每引用一次计一次）。",
        "the conditions are too large once expanded ({size} parts; the limit is {limit}, counting a named condition or situation each time it is used).",
    ),
    "link_outside": (
        "这是指向文件夹 {folder} 以外的链接，未读取（文件夹中的链接只在指向该文件夹以内时才读取）。",
        "this link leads out of the folder {folder} and was not followed (links in a folder are followed only within it).",
    ),
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
    # -- the command line: help texts
    "cli.app": (
        "容错免责初筛工具：对照容错免责办法（criteria.yaml）逐项判断案件，给出初筛结论和理由。",
        "Fault-tolerance (容错免责) screening: checks cases against a measure (criteria.yaml) and gives a determination with its reasons.",
    ),
    "cli.app_epilog": (
        "各命令的用法：zgrongcuo 命令 -h。加 --lang en 显示英文（也可设 ZGRONGCUO_LANG=en）。",
        "Each command's help: zgrongcuo COMMAND -h. --lang en (or ZGRONGCUO_LANG=en) shows English.",
    ),
    "cli.version": ("显示版本号并退出。", "Print the version and exit."),
    "cli.debug": ("内部出错时显示详细的出错位置（traceback）。", "Show the traceback of internal errors."),
    "cli.help_option": ("显示本帮助并退出。", "Show this message and exit."),
    "cli.criteria_group": ("标准文件（criteria）的工具，供办法的编写者使用。", "Work with criteria files (for policy authors)."),
    "cli.opt.criteria": (
        "标准文件的路径，或内置办法的名称；默认：内置的秭归县 2018 年办法。",
        "Criteria file (or the name of a bundled measure); default: the bundled Zigui 2018 measure.",
    ),
    "cli.opt.lang": ("输出和帮助的语言：zh 或 en（也可设 ZGRONGCUO_LANG）。", "Language of output and help: zh or en (also ZGRONGCUO_LANG)."),
    "cli.opt.format": ("输出格式。", "Output format."),
    "cli.opt.output": (
        "写入此文件而不是标准输出（多个案件的报告：写入此文件夹）。",
        "Write to this file (reports of several cases: this folder) instead of standard output.",
    ),
    "cli.opt.force": ("覆盖已存在的文件。", "Overwrite files that already exist."),
    "cli.opt.max_bytes": (
        "案件文件超过此字节数即拒绝读取（默认 1 MiB；也可设 ZGRONGCUO_MAX_BYTES）。",
        "Refuse case files larger than this many bytes, before reading them (default 1 MiB; also ZGRONGCUO_MAX_BYTES).",
    ),
    "cli.check": (
        "对照标准逐项判断案件文件，输出每件的初筛结论。",
        "Check case files against the criteria and print a determination for each.",
    ),
    "cli.check_more": (
        "用 -o 时，多个案件的 markdown、html、docx 报告写入一个文件夹，每件一个文件（以案件编号命名，否则以文件名命名），另附汇总。",
        "With -o, markdown, html and docx reports of several cases go into a folder, one file per case (named by case id, else by file name) and a summary.",
    ),
    "cli.exit_codes": (
        "退出码：0 结论均有利；1 有不利结论（不予容错、不符合情形等，属正常结果）；3 有信息不足的案件；2 用法错误或文件无法读取；70 程序内部错误；130 被中断。",
        "Exit codes: 0 every outcome favourable; 1 some outcome unfavourable (a normal result); 3 some case undetermined; 2 usage error or a file that cannot be read; 70 internal error; 130 interrupted.",
    ),
    "cli.arg.cases": (
        "案件文件（.yaml、.yml、.json）、存放案件文件的文件夹，或 -（标准输入）。",
        "Case files (.yaml, .yml, .json), folders of them, or - for standard input.",
    ),
    "cli.opt.jobs": ("批量处理时的工作进程数（0：每个 CPU 核一个）。", "Worker processes for a batch (0: one per core)."),
    "cli.opt.explain": (
        "JSON 和 JSONL：加上 counterfactuals，即什么会改变结论（文本和报告总会显示）。",
        "JSON and JSONL: add `counterfactuals`, what would change the outcome (text and reports always show it).",
    ),
    "cli.ask": ("访谈：逐题提问，并输出初筛结论。", "Interview a person, question by question, and print the determination."),
    "cli.ask_more": (
        "只问回答后仍可能改变结论的问题；结论与 check 的输出完全相同，退出码也相同。",
        "Only questions whose answer can still change the outcome are asked; the determination is printed exactly as check prints it, with check's exit codes.",
    ),
    "cli.opt.case": (
        "从这个案件文件（完整或部分）开始，只问尚未确定的问题；用于继续未完成的草稿。",
        "Start from this case file (complete or partial) and ask only what is still open: the way to resume a draft.",
    ),
    "cli.opt.save": (
        "访谈结束时把回答、案件信息和备注写入这个案件文件（.yaml 或 .json）。",
        "Write the answers, metadata and notes to this case file (.yaml, or .json) at the end.",
    ),
    "cli.opt.ask_force": ("--save 的文件已存在时直接覆盖，不再询问。", "Overwrite the --save file if it exists, without asking."),
    "cli.opt.all": (
        "所有问题都问，包括已不能改变结论的问题（完整记录）。",
        "Ask every question, even those that can no longer change the outcome (a complete record).",
    ),
    "cli.opt.meta": (
        "开始时询问缺少的案件编号、标题和当事人（默认：尚未回答任何问题时询问；--meta 在继续草稿时也询问）。",
        "Ask for a missing case id, title and subject at the start (default: when no question has been answered yet; --meta also when resuming).",
    ),
    "cli.criteria_show": ("以通俗的文字显示工具所读到的办法。", "Show a measure as the tool reads it, in plain words."),
    "cli.criteria_show_more": (
        "各情形及其要件、前提条件、底线、命名条件、按顺序的判定规则和各问题，均附原文和依据。",
        "Situations with their elements, preconditions, bottom lines, named conditions, the outcome rules in order and the questions, each with its quoted source and basis.",
    ),
    "cli.arg.criteria_path": (
        "标准文件或内置办法的名称；默认：内置的秭归县 2018 年办法。",
        "Criteria file or bundled measure name; default: the bundled Zigui 2018 measure.",
    ),
    "cli.opt.show_format": ("text（树形）或 markdown。", "text (a tree) or markdown."),
    "cli.criteria_test": ("运行带 expect 块的案件，报告与预期不符之处。", "Run the cases that have an expect: block; report what differs."),
    "cli.criteria_test_more": (
        "全部通过时退出码为 0，有未通过的为 1，有文件无法读取或没有带 expect 块的案件为 2。没有 expect 块的文件跳过。",
        "Exit 0 when every such case passes, 1 when one fails, 2 when a file cannot be loaded or no case has an expect: block. Files without one are skipped.",
    ),
    "cli.arg.paths": ("案件文件或文件夹（与 check 一样逐层读取）。", "Case files or folders of them (recursed, as check does)."),
    "cli.criteria_validate": ("检查标准文件，供办法的编写者使用。", "Lint a criteria file for its authors."),
    "cli.criteria_validate_more": (
        "错误（文件不能使用）退出码为 2；警告（永远不起作用的部分）单独列出，退出码为 0，加 --strict 时为 1。",
        "Errors (the file cannot be used) exit 2; warnings (parts that can never matter) are listed apart and exit 0, or 1 with --strict.",
    ),
    "cli.opt.strict": ("有警告时退出码为 1。", "Exit 1 when there are warnings."),
    "cli.diff": (
        "列出在两个版本的标准下结论或符合情形发生变化的案件。",
        "List the cases whose outcome or situations change between two criteria.",
    ),
    "cli.diff_more": (
        "列出每件有变化的案件及变化的状态，再按结论变化统计。没有变化时退出码为 0，有变化为 1，有文件无法读取为 2。",
        "Each changed case with the statuses that moved, then a count by transition. Exit 0 when nothing changed, 1 when something did, 2 when a file cannot be loaded.",
    ),
    "cli.arg.old": ("修改前的标准文件（或内置办法）。", "The criteria file (or bundled measure) before the change."),
    "cli.arg.new": ("修改后的标准文件（或内置办法）。", "The criteria file (or bundled measure) after the change."),
    "cli.template": (
        "输出一份空白案件文件，问题和说明写在注释中。",
        "Print a blank case file to fill in, questions and help as comments.",
    ),
    "cli.template_more": (
        "不加修改直接 check，结论为信息不足，列出全部问题。",
        "Check on the untouched file gives undetermined with every question open.",
    ),
    "cli.opt.schema_url": ("文件第一行指向的案件文件 schema 地址（供编辑器使用）。", "Where the first line points editors for the case schema."),
    "cli.schema": ("输出案件文件或判定结果的 JSON Schema。", "Print the JSON Schema of case files or of determinations."),
    "cli.arg.schema_kind": ("case（默认）或 determination。", "case (default) or determination."),
    # -- the command line: Click's own words
    "cli.usage": ("用法：", "Usage: "),
    "cli.options_metavar": ("[选项]", "[OPTIONS]"),
    "cli.subcommand_metavar": ("命令 [参数]...", "COMMAND [ARGS]..."),
    "cli.options": ("选项", "Options"),
    "cli.arguments": ("参数", "Arguments"),
    "cli.commands": ("命令", "Commands"),
    "cli.try_help": ("查看帮助：{command} -h", "Try '{command} -h' for help."),
    "cli.no_such_option": ("没有选项 {name}。", "no such option: {name}."),
    "cli.no_such_command": ("没有命令“{name}”。", "no such command '{name}'."),
    "cli.requires_value": ("选项 {name} 需要一个值。", "option {name} requires a value."),
    "cli.takes_no_value": ("选项 {name} 不接受值。", "option {name} does not take a value."),
    "cli.bad_value": ("{param} 的值无效：{message}", "invalid value for {param}: {message}"),
    "cli.missing": ("缺少 {param}。", "missing {param}."),
    "cli.extra_arguments": ("多余的参数：{args}。", "unexpected extra arguments: {args}."),
    "cli.not_a_choice": ("“{value}”不是可选的值；可选：{choices}。", "'{value}' is not one of: {choices}."),
    "cli.not_an_integer": ("“{value}”不是整数。", "'{value}' is not a whole number."),
    "cli.below_minimum": ("{value} 小于允许的最小值 {minimum}。", "{value} is below the minimum of {minimum}."),
}


def text(msg_id: str, lang: str, /, **params: object) -> str:
    """The catalogue's sentence ``msg_id`` in ``lang``, filled in with ``params``."""
    pair = _CATALOGUE[msg_id]
    template = pair[1] if lang == "en" else pair[0]
    if not params:
        return template
    if isinstance(params.get("method"), str) and params["method"] in _CATALOGUE:  # a sentence within a sentence
        params["method"] = text(params["method"], lang, **{k: v for k, v in params.items() if k != "method"})
    for name, prefix in (("expected", "kind."), ("got", "kind."), ("kind", "file_kind.")):  # names of kinds
        value = params.get(name)
        if isinstance(value, str) and f"{prefix}{value}" in _CATALOGUE:
            params[name] = text(f"{prefix}{value}", lang)
    return template.format(**params)


def has(msg_id: str) -> bool:
    return msg_id in _CATALOGUE
