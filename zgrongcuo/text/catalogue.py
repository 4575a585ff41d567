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
    "fact_of_other_measure": (
        "所选办法都没有问题“{name}”；它是内置办法 {measure} 的问题。要一并检查，请在案件文件中写 {measures}，或在命令行写 {options}。",
        "no selected measure asks '{name}'; it is a question of the bundled measure {measure}. To check against it too, write {measures} in the case file, or give {options}.",
    ),
    "option_of_other_measure": (
        "所选办法的问题“{fact}”都没有选项“{name}”；它是内置办法 {measure} 的选项。要一并检查，请在案件文件中写 {measures}，或在命令行写 {options}。",
        "no selected measure offers '{name}' for '{fact}'; it is an option of the bundled measure {measure}. To check against it too, write {measures} in the case file, or give {options}.",
    ),
    "conduct_before_force": (
        "行为发生于 {date}，早于本办法的施行日期 {start}；本办法可能不适用于该行为，请核对行为发生时有效的规定。",
        "the conduct ({date}) predates this measure's entry into force ({start}); the measure may not apply to it: check the rules in force at the time.",
    ),
    "conduct_after_force": (
        "行为发生于 {date}，晚于本办法的失效日期 {end}；本办法可能不适用于该行为，请核对行为发生时有效的规定。",
        "the conduct ({date}) postdates the end of this measure ({end}); the measure may not apply to it: check the rules in force at the time.",
    ),
    "conduct_maybe_outside": (
        "行为发生日期 {date} 只写到月或年，不能确定是否在本办法有效期（{period}）之内；请核对。",
        "the conduct date {date} gives only the month or year: it cannot be told whether it falls within this measure's dates ({period}); check.",
    ),
    "bad_conduct_date": (
        "行为发生日期应写成 YYYY-MM-DD（只知年月或年份时写 YYYY-MM 或 YYYY）；这里是“{value}”。",
        "the conduct date is written YYYY-MM-DD (YYYY-MM or YYYY when only the month or year is known); found '{value}'.",
    ),
    "bad_measure_id": ("“{name}”不是办法的名称（字母开头，只含字母、数字、-、_）。", "'{name}' is not a measure's name (a letter, then letters, digits, - and _)."),
    "unknown_decision_outcome": (
        "办法 {measure} 没有结论“{name}”；决定的结论写编号或其中文说明：{known}。",
        "measure {measure} has no outcome '{name}'; a decision's outcome is an id, or its label: {known}.",
    ),
    "decision.line": ("已作决定：{who}{when}决定{outcome}（依据：{measure}）。", "Decision{who}{when}: {outcome} (under {measure})."),
    "decision.who": ("{by}", " by {by}"),
    "decision.when": ("于{date}", " of {date}"),
    "decision.open": ("本初筛尚无结论，无法与决定对照。", "This screening has no outcome yet to set beside the decision."),
    "decision.same": ("本初筛与决定一致（同一办法，结论相同）。", "This screening agrees with the decision (same measure, same outcome)."),
    "decision.differs": ("本初筛与决定不一致：本初筛为“{outcome}”。", "This screening differs from the decision: it gives '{outcome}'."),
    "decision.same_direction": (
        "决定依据的是另一办法，只能对照是否给予减免：本初筛（“{outcome}”）与决定一致。",
        "The decision is under another measure, so only the direction can be compared: this screening ('{outcome}') agrees.",
    ),
    "decision.other_direction": (
        "决定依据的是另一办法，只能对照是否给予减免：本初筛（“{outcome}”）与决定不一致。",
        "The decision is under another measure, so only the direction can be compared: this screening ('{outcome}') differs.",
    ),
    "decision.document": ("决定文书：{document}", "Decision document: {document}"),
    "decision.source": ("来源：{source}", "Source: {source}"),
    "decision.heading": ("已作出的决定", "The decision taken"),
    "similar.heading": ("与 {case} 相近的已决案件", "Decided cases nearest to {case}"),
    "similar.counts": (
        "在 {decided} 件已作决定的案件中（共读取 {read} 件）按相似度排列，列出前 {shown} 件。",
        "Ranked among {decided} decided cases ({read} read); the nearest {shown} shown.",
    ),
    "similar.weights": (
        "相似度按这些办法的判定规则加权：{measures}。规则检验的问题和选项权重为 1，规则不检验的为 0.1，两案都未选的选项按四分之一算；任一方未知的问题不计入。",
        "Similarity is weighted by the rules of: {measures}. Questions and options a rule tests weigh 1, others 0.1, an option neither chose a quarter of that; a question unknown on either side does not count.",
    ),
    "similar.library": (
        "以下是随工具提供的公开案例，依据各自的办法作出，仅供参照，不是裁决；事实以来源所载为准，推断和假设见各案件文件的说明。",
        "These are the published cases shipped with the tool, decided under their own measures: for reference, not rulings. The facts are as their sources state; inferences and assumptions are marked in each case file.",
    ),
    "similar.similarity": ("相似度 {percent}", "similarity {percent}"),
    "similar.after_name": ("（相似度 {percent}）", " (similarity {percent})"),
    "similar.difference": ("{label}：本案{mine}，该案{theirs}", "{label}: here {mine}, there {theirs}"),
    "similar.differences": ("不同之处：", "Differs in: "),
    "similar.difference_options": ("{label}：{parts}", "{label}: {parts}"),
    "similar.only_here": ("本案有{options}而该案没有", "{options} here, not there"),
    "similar.only_there": ("该案有{options}而本案没有", "{options} there, not here"),
    "similar.no_difference": ("双方都回答的问题，答案均相同。", "Every question both answer is answered alike."),
    "similar.more_differences": ("另有 {count} 处不同。", "{count} more differences."),
    "similar.none": ("没有找到已作决定的案件（共读取 {read} 件）。", "No decided case found ({read} read)."),
    "similar.nearest": ("相近的公开案例（仅供参照）", "Nearest published cases (for reference)"),
    "agreement.heading": ("与已作决定对照", "Screening beside the decisions taken"),
    "agreement.differing": ("与决定不一致的案件", "Cases where the screening differs from the decision"),
    "agreement.total": ("合计", "Total"),
    "agreement.line": (
        "已作决定的 {cases} 件中，初筛与决定一致 {agree} 件、不一致 {differ} 件、无法对照 {open} 件（可对照者一致率 {share}）。",
        "Of {cases} decided cases, the screening agrees with {agree}, differs from {differ}, and cannot be compared for {open} (agreement where comparable: {share}).",
    ),
    "col.decision": ("决定", "Decision"),
    "col.agree": ("一致", "Agree"),
    "col.differ": ("不一致", "Differ"),
    "col.not_comparable": ("无法对照", "Not comparable"),
    "col.screening": ("初筛结论", "Screening"),
    "decision.measure_unstated": ("来源未写明", "not stated by the source"),
    "decision.generic.relief_full": ("免责（免予问责、容错免责）", "Relief in full (exempted)"),
    "decision.generic.relief_partial": ("减责（从轻、减轻处理）", "Relief in part (mitigated)"),
    "decision.generic.no_relief": ("不予减免（不予容错、问责或处分）", "No relief (not tolerated, held accountable or disciplined)"),
    "decision_measure_close": (
        "{file}：决定所依据的办法“{measure}”不是本工具内置的办法（是否想写“{hint}”？）；若确是另一办法，初筛与决定只能对照是否给予减免。",
        "{file}: the decision's measure '{measure}' is not one this tool has (did you mean '{hint}'?); if it is another measure, the screening can be set beside the decision only as to whether relief was granted.",
    ),
    "expect_twice": ("同一办法（{measure}）有两条预期。", "two expectations for the same measure ({measure})."),
    "unknown_measure_id": ("未知的办法“{name}”（可用：{known}）。", "unknown measure '{name}' (known: {known})."),
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
    "bad_level": ("未知的层级“{value}”；可用：{known}。", "unknown level '{value}'; known: {known}."),
    "bad_day": ("日期应写成 YYYY-MM-DD，或写 null 表示来源未说明；这里是“{value}”。", "a date is written YYYY-MM-DD, or null where the source does not say; found '{value}'."),
    "shared_fact_type": (
        "问题“{fact}”在这里是 {type}，在办法 {other} 里是 {other_type}；几个办法共用的编号必须是同一个问题。",
        "question '{fact}' is {type} here and {other_type} in measure {other}; an id several measures share must be the same question.",
    ),
    "days_reversed": ("结束日期 {end} 早于开始日期 {start}。", "the end date {end} is before the start date {start}."),
    "bad_condition": (
        "条件应为 all/any/not/ref/situation/situations/preconditions/exclusions 之一，或对某个问题的检验。",
        "a condition is one of all/any/not/ref/situation/situations/preconditions/exclusions, or a test on a fact.",
    ),
    "undefined_situation": ("未定义的情形“{name}”。", "undefined situation '{name}'."),
    "bad_quantifier": ("{group} 后应为 {known}，而不是“{value}”。", "{group} takes {known}, not '{value}'."),
    "undefined_condition": ("未定义的条件“{name}”。", "undefined condition '{name}'."),
    "condition_cycle": ("条件循环引用：{chain}。", "conditions refer to each other in a cycle: {chain}."),
    "unknown_measure": ("没有名为“{name}”的内置标准（可用：{known}）。", "no bundled measure named '{name}' (known: {known})."),
    "measure_twice": (
        "同一办法（{name}）选了两次：{first} 和 {second}。",
        "the same measure ({name}) was chosen twice: {first} and {second}.",
    ),
    "stdin_twice": ("标准输入（-）只能读取一次。", "standard input (-) can be read only once."),
    "unknown_language": ("不支持语言“{lang}”（可用：{known}）。", "language '{lang}' is not available (available: {known})."),
    # -- the offline bundle (zgrongcuo bundle) and what it installs with
    "cli.bundle": (
        "为不能上网的电脑制作离线安装包。",
        "Build an offline bundle for computers that cannot reach a package index.",
    ),
    "cli.bundle_more": (
        "在能访问软件包索引（PyPI 或其镜像）的电脑上运行：得到一个文件夹和它的 .zip，内有 zgrongcuo 及其所需的全部 wheel、"
        "安装脚本（Windows 为 install.bat，Linux 为 install.sh）和 安装说明.txt。拷到内网电脑上，不联网即可安装（见 docs/install.md）。"
        "例如：zgrongcuo bundle --platform win_amd64 --python 3.11 --python 3.12 -o 离线安装包（也可写 python -m zgrongcuo.bundle …）。"
        "下载用的是 pip（pip download --only-binary=:all:），沿用本机 pip 的索引和代理设置。",
        "Run it where a package index (PyPI or a mirror) can be reached: it writes a folder and its .zip holding zgrongcuo "
        "and every wheel it needs, an install script (install.bat on Windows, install.sh on Linux) and 安装说明.txt "
        "(instructions in Chinese and English). Copied to a PC on an internal network, it installs with no network (see "
        "docs/install.md). Example: zgrongcuo bundle --platform win_amd64 --python 3.11 --python 3.12 -o bundles (or "
        "python -m zgrongcuo.bundle …). Downloads are pip's (pip download --only-binary=:all:), with this machine's pip "
        "index and proxy settings.",
    ),
    "cli.bundle_exit": (
        "退出码：0 已制作；1 无法制作（连不上索引、某个依赖没有适用的 wheel）；2 用法错误。",
        "Exit codes: 0 built; 1 cannot be built (the index unreachable, a dependency with no wheel for the target); 2 usage error.",
    ),
    "cli.opt.bundle_platform": (
        "目标电脑的平台：win_amd64、manylinux2014_x86_64（x86-64 的统信 UOS、麒麟等）或 manylinux2014_aarch64（ARM64，如鲲鹏、飞腾）；默认为本机。",
        "The target PCs' platform: win_amd64, manylinux2014_x86_64 (x86-64 UOS, Kylin and others) or manylinux2014_aarch64 "
        "(ARM64, e.g. Kunpeng, Phytium); default: this machine's.",
    ),
    "cli.opt.bundle_python": (
        "目标电脑上的 Python 版本，如 3.12；可给多次，离线包同时适用；默认为本机的版本。",
        "The Python version on the target PCs, e.g. 3.12; may be given several times, for one bundle that serves them all; default: this machine's.",
    ),
    "cli.opt.bundle_from": (
        "zgrongcuo 的源码文件夹或 wheel 文件；默认为本机已安装的 zgrongcuo。",
        "A zgrongcuo checkout or wheel file; default: the zgrongcuo installed here.",
    ),
    "cli.opt.bundle_output": ("放离线安装包的文件夹；默认为当前文件夹。", "Where the bundle is written; default: the current folder."),
    "cli.opt.bundle_force": ("替换已有的同名离线安装包。", "Replace a bundle of the same name."),
    "bundle.host_not_a_target": (
        "本机（{host}）不是可选的平台之一，请用 --platform 指定：{choices}。",
        "this machine ({host}) is not one of the platforms; name one with --platform: {choices}.",
    ),
    "bundle.bad_python": ("“{value}”不是 Python 版本；请写如 3.12。", "'{value}' is not a Python version; write e.g. 3.12."),
    "bundle.python_not_supported": (
        "zgrongcuo {version} 需要 Python {spec}，不能为 Python {python} 制作。",
        "zgrongcuo {version} needs Python {spec}; no bundle for Python {python}.",
    ),
    "bundle.no_packaging": (
        "制作离线安装包要用 packaging 库，当前 Python 没有。请先安装：{command}",
        "building a bundle needs the packaging library, which this Python lacks. Install it first: {command}",
    ),
    "bundle.no_pip": ("当前 Python（{python}）没有 pip；制作离线安装包要用 pip 下载。", "this Python ({python}) has no pip, which building a bundle downloads with."),
    "bundle.source_not_usable": (
        "既不是 zgrongcuo 的源码文件夹（含 pyproject.toml），也不是 zgrongcuo 的 wheel 文件。",
        "neither a zgrongcuo checkout (a folder with pyproject.toml) nor a zgrongcuo wheel file.",
    ),
    "bundle.not_zgrongcuo": ("这是 {name} 的 wheel，不是 zgrongcuo 的。", "a wheel of {name}, not of zgrongcuo."),
    "bundle.not_installed": (
        "本机没有安装 zgrongcuo；请用 --from 指定它的源码文件夹或 wheel 文件。",
        "zgrongcuo is not installed here; give its checkout or wheel file with --from.",
    ),
    "bundle.installed_changed": (
        "已安装的文件与安装时的记录不符，不能据此重新打包；请用 --from 指定源码文件夹或 wheel 文件。",
        "an installed file differs from what was installed, so the installation cannot be packed again; give a checkout or wheel file with --from.",
    ),
    "bundle.output_exists": ("已存在，未替换（如需替换请加 --force）。", "exists and was not replaced (--force replaces it)."),
    "bundle.output_not_folder": ("不是文件夹；-o 应指定放离线安装包的文件夹。", "not a folder; -o names the folder for the bundle."),
    "bundle.output_not_bundle": (
        "已存在，且不是离线安装包；即使加 --force 也不会删除它。",
        "exists and is not a bundle; it is not removed, not even with --force.",
    ),
    "bundle.index_unreachable": (
        "连不上软件包索引。制作离线安装包须在能访问 PyPI 或其镜像的电脑上进行（pip 的索引和代理设置照常生效）。pip 的输出：",
        "the package index cannot be reached. A bundle is built on a computer that reaches PyPI or a mirror (pip's index and proxy settings apply). pip said:",
    ),
    "bundle.no_wheel": (
        "软件包索引中没有 {requirement} 适用于所选平台和 Python 版本的 wheel（或者连不上索引）。离线安装包只收 wheel：源码包要在安装时编译。pip 的输出：",
        "the package index has no wheel of {requirement} for the chosen platform and Python (or it cannot be reached). A bundle holds wheels only: a source package would need a compiler at install time. pip said:",
    ),
    "bundle.pip_failed": ("pip 出错（退出码 {code}）：", "pip failed (exit code {code}):"),
    "bundle.unmet": (
        "{needed_by} 需要 {requirement}，但下载到的 wheel 中没有适用于 {target} 的。",
        "{needed_by} requires {requirement}, and no wheel downloaded fits {target}.",
    ),
    "bundle.conflict": (
        "{needed_by} 需要 {requirement}，而为 {target} 选定的是 {chosen}；请分别为各个 Python 版本制作离线安装包。",
        "{needed_by} requires {requirement}, but {chosen} was chosen for {target}; build one bundle per Python version.",
    ),
    "bundle.progress.build": ("正在制作 zgrongcuo 的 wheel：{source}", "Building the zgrongcuo wheel: {source}"),
    "bundle.progress.repack": ("正在把已安装的 zgrongcuo {version} 打包为 wheel", "Packing the installed zgrongcuo {version} as a wheel"),
    "bundle.progress.download": ("正在下载 {target} 所需的 wheel", "Downloading the wheels for {target}"),
    "bundle.done": (
        "离线安装包：{folder}\n压缩包：    {zip}（{size}）\n适用于：    {platform}，Python {pythons}\n其中 {count} 个 wheel：",
        "Bundle:   {folder}\nZip file: {zip} ({size})\nFor:      {platform}, Python {pythons}\n{count} wheels:",
    ),
    "bundle.or": (" 或 ", " or "),
    "bundle.platform.win_amd64": ("Windows（64 位）", "Windows (64-bit)"),
    "bundle.platform.manylinux2014_x86_64": ("Linux x86-64（统信 UOS、麒麟等）", "Linux x86-64 (UOS, Kylin and others)"),
    "bundle.platform.manylinux2014_aarch64": (
        "Linux ARM64（鲲鹏、飞腾等处理器上的统信 UOS、麒麟等）",
        "Linux ARM64 (UOS, Kylin and others on Kunpeng, Phytium and other processors)",
    ),
    # install.py, in the bundle: it says these where Python is installed and zgrongcuo is not yet
    "install.wrong_python": (
        "这是 Python {have}（{path}）；本安装包需要 Python {need}。",
        "this is Python {have} ({path}); the bundle needs Python {need}.",
    ),
    "install.wrong_platform": (
        "本安装包适用于 {need}；这个 Python 是 {have}（{path}）。",
        "the bundle is for {need}; this Python is {have} ({path}).",
    ),
    "install.not_a_venv": (
        "{path} 已存在，但不是本安装包建立的虚拟环境；请移走或改名后再安装。",
        "{path} exists and is not a virtual environment the bundle made; move or rename it, then install again.",
    ),
    "install.creating": ("正在建立虚拟环境：{path}", "Making the virtual environment: {path}"),
    "install.venv_failed": (
        "无法建立虚拟环境 {path}。若这个文件夹不可写（如光盘、网络共享、U 盘），请把整个文件夹复制到本机可写的位置再安装。",
        "the virtual environment {path} cannot be made. If the folder cannot be written (a CD, a network share, a USB stick), copy the whole folder to a writable place on this computer and install again.",
    ),
    "install.installing": (
        "正在安装 zgrongcuo {version}（只从 {wheels} 安装，不连接网络）",
        "Installing zgrongcuo {version} (from {wheels} only, with no network)",
    ),
    "install.pip_failed": ("安装失败（pip 退出码 {code}，出错信息见上）。", "installation failed (pip's exit code {code}; its message is above)."),
    "install.check_failed": ("已安装，但 {command} --version 运行失败。", "installed, but {command} --version failed."),
    "install.done_windows": (
        "zgrongcuo {version} 已安装。\n"
        "命令：{command}\n\n"
        "双击本文件夹中的 console.bat，打开一个可以直接输入 zgrongcuo 的命令行窗口，例如：\n"
        "  zgrongcuo check 案件.yaml\n"
        "  zgrongcuo ask\n"
        "也可以在任何命令行窗口中写命令的完整路径（带引号）。",
        "zgrongcuo {version} is installed.\n"
        "Command: {command}\n\n"
        "Double-click console.bat in this folder for a command window in which zgrongcuo runs, e.g.\n"
        "  zgrongcuo check case.yaml\n"
        "  zgrongcuo ask\n"
        "In any other command window, give the command's full path (in quotes).",
    ),
    "install.done_linux": (
        "zgrongcuo {version} 已安装。\n"
        "命令：{command}\n\n"
        "例如：\n"
        "  {command} check 案件.yaml\n"
        "在终端中先运行 . {activate}，之后可以直接输入 zgrongcuo。",
        "zgrongcuo {version} is installed.\n"
        "Command: {command}\n\n"
        "For example:\n"
        "  {command} check case.yaml\n"
        "Run . {activate} in a terminal first, and zgrongcuo runs by its name.",
    ),
    # install.bat and install.sh: install.bat shows the English (see the comment at its top)
    "install.no_python": (
        "没有找到 Python {pythons}（{bits}）。请先安装它，再运行本脚本；详见 安装说明.txt。",
        "Python {pythons} ({bits}) was not found. Install it first, then run this script again; see the instructions (.txt).",
    ),
    "install.bits.64": ("64 位", "64-bit"),
    "install.not_extracted": (
        "请先解压整个压缩包，再运行解压出的文件夹中的 install.bat。",
        "Extract the whole .zip first, then run install.bat in the extracted folder.",
    ),
    "bundle.readme.windows": (
        "zgrongcuo {version} 离线安装包：{platform}，Python {pythons}\n"
        "\n"
        "本文件夹中有 zgrongcuo（容错免责初筛工具）和它所需的全部软件包（wheels 文件夹），安装时不连接网络。\n"
        "\n"
        "一、先安装 Python（每台电脑一次）\n"
        "  需要 64 位的 Python {pythons}（{example} 指 {example}.0、{example}.9 等 {example} 的任一修订版）。\n"
        "  可从 python.org 下载“Windows installer (64-bit)”，或用单位软件库中的同一版本。\n"
        "  安装时保留默认勾选的“py launcher”。Windows 7 不能运行这些版本的 Python；Python 3.13 起需要 Windows 10 或更高版本。\n"
        "\n"
        "二、安装 zgrongcuo\n"
        "  1. 把整个文件夹复制到本机可写的位置，例如 D:\\zgrongcuo（路径中可以有中文和空格）。\n"
        "     收到的是 .zip 时，先右键“全部解压缩”，不要在压缩包里直接双击。\n"
        "  2. 双击 install.bat。它在本文件夹中建立 venv 文件夹，只从 wheels 文件夹安装，不连接网络。\n"
        "     窗口若显示“{no_python_en}”，\n"
        "     意思是：{no_python_zh}\n"
        "     Python 装在别处时，可先在命令行窗口中 set \"ZGRONGCUO_PYTHON=C:\\路径\\python.exe\"，再运行 install.bat。\n"
        "\n"
        "三、使用\n"
        "  双击 console.bat，打开一个可以直接输入 zgrongcuo 的命令行窗口，例如：\n"
        "    cd /d D:\\案件\n"
        "    zgrongcuo check 案件.yaml\n"
        "    zgrongcuo ask\n"
        "    zgrongcuo check 案件文件夹 --format docx -o 意见稿\n"
        "  其他命令行窗口中，写命令的完整路径：\"本文件夹\\venv\\Scripts\\zgrongcuo.exe\" check 案件.yaml\n"
        "  （PowerShell 中前面加 &）。zgrongcuo -h 查看各命令的说明；加 --lang en 显示英文。\n"
        "\n"
        "四、升级和卸载\n"
        "  升级：把新的离线安装包放在另一个文件夹中安装，确认可用后删除旧文件夹。\n"
        "  卸载：删除整个文件夹即可；zgrongcuo 不写注册表，不改 PATH。",
        "zgrongcuo {version} offline bundle: {platform}, Python {pythons}\n"
        "\n"
        "This folder holds zgrongcuo (a screening tool for 容错免责 cases) and every package it needs (the wheels folder);\n"
        "it installs with no network.\n"
        "\n"
        "1. Install Python first (once per computer)\n"
        "  The bundle needs 64-bit Python {pythons} ({example} means any {example} release: {example}.0, {example}.9 ...).\n"
        "  Download the \"Windows installer (64-bit)\" from python.org, or take the same version from your office's software store.\n"
        "  Keep the \"py launcher\" option, which is on by default. Windows 7 runs none of these Pythons; 3.13 and later need Windows 10.\n"
        "\n"
        "2. Install zgrongcuo\n"
        "  1. Copy the whole folder to a writable place on the computer, e.g. D:\\zgrongcuo (Chinese and spaces are fine).\n"
        "     If you received the .zip, extract it first (right-click, Extract All): do not run files inside the .zip.\n"
        "  2. Double-click install.bat. It makes the folder venv here and installs from the wheels folder only.\n"
        "     If it says \"{no_python_en}\", install Python as in step 1.\n"
        "     With Python somewhere else, run set \"ZGRONGCUO_PYTHON=C:\\path\\python.exe\" in a command window first.\n"
        "\n"
        "3. Use\n"
        "  Double-click console.bat for a command window in which zgrongcuo runs, e.g.\n"
        "    cd /d D:\\cases\n"
        "    zgrongcuo check case.yaml --lang en\n"
        "    zgrongcuo ask --lang en\n"
        "    zgrongcuo check cases --format docx -o reports\n"
        "  In other command windows, give the full path: \"this folder\\venv\\Scripts\\zgrongcuo.exe\" check case.yaml\n"
        "  (in PowerShell, put & before it). zgrongcuo -h shows each command's help.\n"
        "\n"
        "4. Upgrade and uninstall\n"
        "  Upgrade: install the new bundle in another folder; once it works, delete the old folder.\n"
        "  Uninstall: delete the folder. zgrongcuo writes nothing to the registry and does not change PATH.",
    ),
    "bundle.readme.linux": (
        "zgrongcuo {version} 离线安装包：{platform}，Python {pythons}\n"
        "\n"
        "本文件夹中有 zgrongcuo（容错免责初筛工具）和它所需的全部软件包（wheels 文件夹），安装时不连接网络。\n"
        "\n"
        "一、先准备 Python（每台电脑一次）\n"
        "  需要 Python {pythons}（{example} 指 {example} 的任一修订版）。在终端中运行 python3 --version 查看。\n"
        "  不需要 pip，也不需要 python3-venv：安装包自带 pip。\n"
        "  系统自带的不是所需版本时，统信 UOS、麒麟等可从系统的软件源安装，例如 sudo apt install python{example}；\n"
        "  也可以用另外安装的 Python：ZGRONGCUO_PYTHON=/路径/python3 sh install.sh。\n"
        "\n"
        "二、安装 zgrongcuo\n"
        "  1. 把整个文件夹复制到本机，例如 ~/zgrongcuo（路径中可以有中文和空格；不要在 U 盘上直接安装）。\n"
        "  2. 在终端中运行：sh ~/zgrongcuo/install.sh\n"
        "     它在该文件夹中建立 venv 文件夹，只从 wheels 文件夹安装，不连接网络。\n"
        "     若显示“{no_python_zh}”，按第一步准备 Python。\n"
        "\n"
        "三、使用\n"
        "    ~/zgrongcuo/venv/bin/zgrongcuo check 案件.yaml\n"
        "    ~/zgrongcuo/venv/bin/zgrongcuo ask\n"
        "    ~/zgrongcuo/venv/bin/zgrongcuo check 案件文件夹/ --format docx -o 意见稿/\n"
        "  想直接输入 zgrongcuo：先运行 . ~/zgrongcuo/venv/bin/activate；\n"
        "  或者 mkdir -p ~/.local/bin && ln -s ~/zgrongcuo/venv/bin/zgrongcuo ~/.local/bin/（~/.local/bin 须在 PATH 中）。\n"
        "  zgrongcuo -h 查看各命令的说明；加 --lang en 显示英文。\n"
        "\n"
        "四、升级和卸载\n"
        "  升级：把新的离线安装包放在另一个文件夹中安装，确认可用后删除旧文件夹（和上面建立的链接）。\n"
        "  卸载：删除整个文件夹即可，以及 ~/.cache/zgrongcuo（缓存）和上面建立的链接。",
        "zgrongcuo {version} offline bundle: {platform}, Python {pythons}\n"
        "\n"
        "This folder holds zgrongcuo (a screening tool for 容错免责 cases) and every package it needs (the wheels folder);\n"
        "it installs with no network.\n"
        "\n"
        "1. Python first (once per computer)\n"
        "  The bundle needs Python {pythons} ({example} means any {example} release).\n"
        "  python3 --version in a terminal tells which Python the system has. Neither pip nor python3-venv is needed:\n"
        "  the bundle brings its own pip. If the system's Python is another version, UOS, Kylin and the like can\n"
        "  install one from the system's own package sources, e.g. sudo apt install python{example}; a Python installed\n"
        "  otherwise serves too: ZGRONGCUO_PYTHON=/path/python3 sh install.sh.\n"
        "\n"
        "2. Install zgrongcuo\n"
        "  1. Copy the whole folder to the computer, e.g. ~/zgrongcuo (Chinese and spaces are fine; not on a USB stick).\n"
        "  2. In a terminal: sh ~/zgrongcuo/install.sh --lang en\n"
        "     It makes the folder venv there and installs from the wheels folder only, with no network.\n"
        "     If it says \"{no_python_en}\", see step 1.\n"
        "\n"
        "3. Use\n"
        "    ~/zgrongcuo/venv/bin/zgrongcuo check case.yaml --lang en\n"
        "    ~/zgrongcuo/venv/bin/zgrongcuo ask --lang en\n"
        "    ~/zgrongcuo/venv/bin/zgrongcuo check cases/ --format docx -o reports/\n"
        "  For zgrongcuo by its name: . ~/zgrongcuo/venv/bin/activate first; or\n"
        "  mkdir -p ~/.local/bin && ln -s ~/zgrongcuo/venv/bin/zgrongcuo ~/.local/bin/ (with ~/.local/bin on PATH).\n"
        "  zgrongcuo -h shows each command's help.\n"
        "\n"
        "4. Upgrade and uninstall\n"
        "  Upgrade: install the new bundle in another folder; once it works, delete the old folder (and the link above).\n"
        "  Uninstall: delete the folder, ~/.cache/zgrongcuo (a cache) and the link above.",
    ),
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
    "not_answered": ("未回答", "not answered"),
    "answered_unknown": ("不确定", "unknown"),
    "unknown_answer": ("未查明", "not established"),
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
    # -- several measures as an office works: a case's own measures, agreement, decisions in words, the interview by measure
    "undetermined_applicable": ("undetermined 不能写 applicable: false。", "undetermined cannot have applicable: false."),
    "measures_list_expected": (
        "measures 应为办法名称的列表，如 measures: [zigui-2018, wenze-2019]；这里是{got}。",
        "measures is a list of measure names, e.g. measures: [zigui-2018, wenze-2019]; found a {got}.",
    ),
    "measures_empty": (
        "measures: [] 没有列出任何办法；不列办法时请删去这一行（按默认办法检查）。",
        "measures: [] names no measure; to use the default, leave the key out.",
    ),
    "unknown_measure_name": (
        "没有名为“{name}”的内置办法（可用：{known}）；标准文件请写路径（如 ./本地办法.yaml，按案件文件所在文件夹查找）。",
        "no bundled measure is named '{name}' (known: {known}); write a criteria file as a path (e.g. ./local.yaml, from the case file's folder).",
    ),
    "measure_file_missing": (
        "找不到办法“{name}”：不是内置办法，按案件文件所在文件夹也没有这个文件（{path}）。",
        "measure '{name}' not found: it is no bundled measure, and there is no such file from the case file's folder ({path}).",
    ),
    "measure_named_twice": ("办法“{name}”列了两次（第一次在第 {first} 行）。", "measure '{name}' is listed twice (first on line {first})."),
    "measure_same_twice": (
        "“{name}”与前面列出的“{first}”是同一个办法（{measure}）。",
        "'{name}' is the same measure ({measure}) as '{first}' listed before it.",
    ),
    "measure_language": (
        "办法 {name} 没有 {lang} 的文字（有：{known}）。",
        "measure {name} has no text in {lang} (it has: {known}).",
    ),
    "measures_overridden": (
        "命令行的 --criteria 代替了案件文件所列的办法：本批案件都按 --criteria 检查（如 {file} 列的是 {named}）。",
        "--criteria on the command line overrides the measures case files name: every case of this run is checked against --criteria ({file}, for one, names {named}).",
    ),
    "schema.measures": (
        "按哪些办法检查本案：内置办法名称，或标准文件路径（按案件文件所在文件夹查找）；命令行的 --criteria 优先",
        "The measures this case is checked against: bundled names, or criteria file paths (from the case file's folder); --criteria overrides them",
    ),
    "decision.not_applicable": (
        "本办法不适用于本案，无法与决定对照。",
        "This measure does not apply to the case, so it cannot be set beside the decision.",
    ),
    "ask.group_all": ("  各办法共有的选项：", "  Options every one of these measures reads:"),
    "ask.group": ("  {measures}的选项：", "  Options of {measures}:"),
    "ask.group_option": ("   {number:>2}. {label}", "   {number:>2}. {label}"),
    "ask.follow_up": ("按{measure}再选一次：", "Under {measure}, once more:"),
    "ask.follow_up_why": (
        "（上一题所选的都不是该办法的选项，而它只读自己的选项。）",
        "(None of the options chosen above is one of this measure's, and it reads only its own.)",
    ),
    "ask.follow_up_none": ("  0. 都不是（按{measure}，以上都不符合）", "  0. none of these fits, under {measure}"),
    "ask.prompt_follow_up": ("回答（序号，如 1,3；0 都不是）：", "Answer (numbers, e.g. 1,3; 0 none): "),
    "ask.follow_up_unknown": (
        "这一问只能选编号或 0：同一问题对各办法是同一份回答。不确定的，请输入 back 返回上一题，答“?”。",
        "Here choose numbers or 0: the question has one answer for every measure. If it is unknown, type back and answer ? there.",
    ),
    "ask.follow_up_label": ("{label}（按{measure}）", "{label} (under {measure})"),
    "ask.ambiguous_choice": (
        "“{word}”不止一个选项有（第 {numbers} 项），请写序号。",
        "'{word}' is in more than one option ({numbers}): give the number.",
    ),
    "fact_of_other_measure_overridden": (
        "所选办法都没有问题“{name}”；它是内置办法 {measure} 的问题。案件文件列了它，但命令行的 --criteria 代替了文件所列的办法：去掉 --criteria 即按文件所列的办法检查，或在命令行写 {options}。",
        "no selected measure asks '{name}'; it is a question of the bundled measure {measure}. The case file names it, but --criteria overrides what the file names: leave --criteria out to check against the file's measures, or give {options}.",
    ),
    "option_of_other_measure_overridden": (
        "所选办法的问题“{fact}”都没有选项“{name}”；它是内置办法 {measure} 的选项。案件文件列了它，但命令行的 --criteria 代替了文件所列的办法：去掉 --criteria 即按文件所列的办法检查，或在命令行写 {options}。",
        "no selected measure offers '{name}' for '{fact}'; it is an option of the bundled measure {measure}. The case file names it, but --criteria overrides what the file names: leave --criteria out to check against the file's measures, or give {options}.",
    ),
    "cli.opt.criteria_cases": (
        "标准文件的路径，或内置办法的名称（见 criteria list）；可多次给出，每个案件逐一对照各办法。给出时代替案件文件 measures: 所列的办法；不给时按各案件文件所列的办法，没有列的按内置的秭归县 2018 年办法。",
        "Criteria file, or the name of a bundled measure (see criteria list); may be given several times to check each case against each. Given, it overrides the measures case files name; not given, each case is checked against its own (its measures:), else the bundled Zigui 2018 measure.",
    ),
    "template.measures": (
        "按这些办法检查（内置办法的名称，或标准文件相对于本文件的路径）；命令行的 --criteria 优先。",
        "The measures this case is checked against (bundled names, or criteria files' paths from this file); --criteria overrides them.",
    ),
    "measure_not_criteria_file": (
        "“{name}”不是标准文件：案件文件只能列出内置办法的名称，或以 .yaml、.yml、.json 结尾的标准文件。",
        "'{name}' is not a criteria file: a case file names bundled measures, or criteria files ending in .yaml, .yml or .json.",
    ),
    # -- END several measures
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
    "show.rules": ("本工具的判定规则（按顺序；第一条确定成立的规则决定结论，都不确定时为“{undetermined}”）", "The tool's outcome rules (in order; the first that is definitely true decides, and if none is: '{undetermined}')"),
    "show.rule": ("判定规则 {number}：{label}", "Outcome rule {number}: {label}"),
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
    "test.fired": ("实际由本工具的判定规则 {number} 得出“{label}”", "the tool's outcome rule {number} fired: '{label}'"),
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
         "· 是非题答 是/否/?（不确定），也可答 有/没有、不知道、待核实；多选题输入选项前的序号，多个用逗号分开（如 1,3），"
         "0 表示都不是，? 表示不确定。\n"
         "· # 之后的文字作为该题的备注保存，如：是 # 见3月5日党组会议纪要\n"
         "· help 查看说明和办法原文，back 返回上一题（已答的回答会显示出来，直接回车保留）。\n"
         "· 回答不会丢失：访谈结束时写入案件文件；Ctrl-C 中断时，已答内容保存为草稿，可以继续回答。"),
        ("{title}\n"
         "· Yes/no questions: yes/no/? (unknown). Multiple choice: option numbers separated by commas (e.g. 1,3), "
         "0 for none of them, ? for unknown.\n"
         "· Text after # is kept as a note on the answer, e.g.: yes # see the minutes of 5 March\n"
         "· help shows the help text and the measure's words, back returns to the previous question "
         "(its answer is shown; Enter keeps it).\n"
         "· Nothing is lost: the answers go to a case file at the end; on Ctrl-C they are saved as a draft "
         "to resume from."),
    ),
    "ask.intro_several": (
        "同时对照以上 {count} 个办法：各办法都问的问题只问一次；只问仍可能改变某个办法结论的问题；结论按各办法分别给出。",
        "Asked for the {count} measures above at once: a question they share is asked once; only questions that can "
        "still change some measure's outcome are asked; each measure gives its own outcome.",
    ),
    "ask.meta_intro": (
        "先填写案件信息（可直接回车跳过；help 说明该项的用途，back 返回上一项）。",
        "First the case details (Enter skips any; help says what a field is for, back returns to the previous one).",
    ),
    "ask.meta.id": ("案件编号：", "Case id: "),
    "ask.meta.title": ("案件标题：", "Case title: "),
    "ask.meta.subject": ("当事单位或人员：", "Subject (unit or person): "),
    "ask.meta.summary": ("基本案情（一段话，可直接回车跳过）：", "Summary of the facts (one paragraph; Enter skips): "),
    "ask.meta.conduct_date": ("行为发生日期（YYYY-MM-DD，可直接回车跳过）：", "Date of the conduct (YYYY-MM-DD; Enter skips): "),
    "ask.bad_conduct_date": (
        "“{value}”不是日期：请写成 YYYY-MM-DD，如 2018-06-15（只知年月写 2018-06），或直接回车跳过。",
        "'{value}' is not a date: write YYYY-MM-DD, e.g. 2018-06-15 (2018-06 when only the month is known), or press Enter to skip.",
    ),
    "ask.meta_help.conduct_date": (
        "行为发生日期：出现失误的行为是哪一天发生的，写成 YYYY-MM-DD；只知年月写 YYYY-MM。"
        "用来提醒该日期是否在所选办法的施行期间内。",
        "Date of the conduct: the day the act in question happened, as YYYY-MM-DD (YYYY-MM when only the month is known). "
        "Used to warn when it falls outside a measure's dates.",
    ),
    "ask.meta_help.id": (
        "案件编号：本单位对此案的编号，如 ZG-2018-001。显示在结论和报告中；未用 --save 时，保存的文件以它命名。",
        "Case id: your office's number for the case, e.g. ZG-2018-001. Shown in the determination and reports; "
        "without --save the case file is named after it.",
    ),
    "ask.meta_help.title": (
        "案件标题：一句话说明是什么事，如“建房户意外伤害保险文件”。显示在结论和报告的标题中。",
        "Case title: what the matter is, in a few words. It heads the determination and reports.",
    ),
    "ask.meta_help.subject": (
        "当事单位或人员：申请容错免责的干部或单位，如“县政府办公室”。写入报告。",
        "Subject: the cadre or unit the case is about, e.g. the county government office. Shown in reports.",
    ),
    "ask.meta_help.summary": (
        "基本案情：用一段话写明发生了什么、何时、造成了什么后果、当事人的出发点。写入报告的“案件基本情况”。"
        "一行写完，回车结束；可以留空，以后在案件文件中补写。",
        "Summary: one paragraph on what happened, when, with what consequences, and why the subject acted. "
        "It opens reports. Type it on one line and press Enter; it may be left empty and added to the file later.",
    ),
    "ask.meta_earlier": ("此前填写：{value}（直接回车保留，或输入新的内容）", "Given before: {value} (Enter keeps it, or type a new one)"),
    "ask.question": ("[{number}/约{total}] {question}", "[{number}/~{total}] {question}"),
    "ask.earlier": (
        "原回答：{answer}（直接回车保留；输入新的回答即替换）",
        "Earlier answer: {answer} (Enter keeps it; a new answer replaces it)",
    ),
    "ask.earlier_note": (
        "原备注：{note}（新回答不带 # 时保留此备注；# 之后的文字替换它，只写 # 则删除）",
        "Earlier note: {note} (kept with a new answer that has no #; text after # replaces it, a bare # removes it)",
    ),
    "ask.answer.not_answered": ("未回答", "not answered"),
    "ask.answer.unknown": ("不确定", "unknown"),
    "ask.answer.yes": ("是", "yes"),
    "ask.answer.no": ("否", "no"),
    "ask.answer.none": ("无（以上都不是）", "none of them"),
    "ask.resumed": (
        "继续记录此案：已回答 {answered} 题（其中回答为“不确定”的 {unknown} 题），未回答 {unanswered} 题。",
        "Resuming this case: {answered} questions answered ({unknown} of them answered unknown), {unanswered} not answered.",
    ),
    "ask.resumed_unknown": (
        "回答为“不确定”、且仍可能改变结论的问题会再问一次，可以填入核实后的回答。",
        "Questions answered unknown that can still change the outcome are asked again, for the verified answer.",
    ),
    "ask.line_too_long": (
        "这一行超过 {limit} 个字符，未予接受；请分成较短的备注，或写入案件文件。",
        "That line is longer than {limit} characters and was not taken; keep it shorter, or write it into the case file.",
    ),
    "ask.line_too_long_piped": (
        "标准输入中有一行超过 {limit} 个字符，不是回答；访谈停止。",
        "A line of standard input is longer than {limit} characters and is not an answer; the interview stops.",
    ),
    "ask.too_big": (
        "这样保存的案件文件将超过 {limit} 字节的上限（--max-bytes），之后无法再读取；请缩短这段文字（或加大 --max-bytes）。",
        "Saved with this, the case file would exceed the limit of {limit} bytes (--max-bytes) and could not be read "
        "back; shorten the text (or raise --max-bytes).",
    ),
    "ask.option": ("  {number}. {label}", "  {number}. {label}"),
    "ask.none_option": ("  0. 无（以上都不是）", "  0. none of the above"),
    "ask.prompt_yesno": ("回答（是/否/?）：", "Answer (yes/no/?): "),
    "ask.prompt_set": ("回答（序号，如 1,3；0 无；? 不确定）：", "Answer (numbers, e.g. 1,3; 0 none; ? unknown): "),
    "ask.hint_yesno": (
        "请回答 是、否 或 ?（不确定），也可答 有/没有、不知道；help 查看说明，back 返回上一题。",
        "Please answer yes, no or ? (unknown); help explains, back returns to the previous question.",
    ),
    "ask.hint_offer": ("请回答 是 或 否；back 返回上一题。", "Please answer yes or no; back returns to the previous question."),
    "ask.hint_set": (
        "请输入选项前的序号，多个用逗号分开（如 1,3）；0 表示都不是，? 表示不确定；help 查看说明，back 返回上一题。",
        "Please give option numbers separated by commas (e.g. 1,3); 0 for none, ? for unknown; help explains, back goes back.",
    ),
    "ask.bad_number": ("没有序号为 {number} 的选项（可选 1–{last}，或 0 表示都不是）。", "there is no option {number} (choose 1–{last}, or 0 for none)."),
    "ask.bad_choice": ("“{word}”不是选项的序号，也不是哪个选项的文字。", "'{word}' is neither an option's number nor its words."),
    "ask.none_with_others": ("0（都不是）不能与其他选项同时选。", "0 (none of them) cannot be combined with other options."),
    "ask.help_heading": ("说明：{help}", "Help: {help}"),
    "ask.help_quote": ("原文（{basis}）：“{quote}”", "Source words ({basis}): “{quote}”"),
    "ask.help_basis": ("依据：{basis}", "Basis: {basis}"),
    "ask.help_note": ("解释：{note}", "Reading: {note}"),
    "ask.help_measure": ("【{measure}】", "[{measure}]"),
    "ask.help_option": ("  {number}. {label}：{help}", "  {number}. {label}: {help}"),
    "ask.help_option_quote": ("       原文：“{quote}”", "       source words: “{quote}”"),
    "ask.help_option_measures": ("       只有这些办法采用此选项：{measures}", "       only these measures read this option: {measures}"),
    "ask.back_to": ("返回第 {number} 题，重新回答：{question}", "Back to question {number}, to be answered again: {question}"),
    "ask.back_to_meta": ("返回案件信息。", "Back to the case details."),
    "ask.nothing_to_undo": ("已经是第一项，无法再返回。", "This is the first item; there is nothing to go back to."),
    "ask.offer": (
        ("已可得出结论：{outcome}（{code}）。但底线情形尚未查明：{facts}。\n"
         "无论如何回答，结论都不会变为有利；为了完整记录，可以继续回答这 {count} 个问题。"),
        ("The outcome is reached: {outcome} ({code}). But the bottom lines are not examined: {facts}.\n"
         "Whatever the answers, the outcome could not become favourable; for a complete record you can answer these {count} questions."),
    ),
    "ask.offer_prompt": ("继续回答吗？（是/否）：", "Go on with them? (yes/no): "),
    "ask.offer_piped": (
        ("已可得出结论：{outcome}（{code}）。但底线情形尚未查明：{facts}。\n"
         "标准输入不是终端，不询问是否继续；如需一并回答，可在终端中继续此案，或加 --all。"),
        ("The outcome is reached: {outcome} ({code}). But the bottom lines are not examined: {facts}.\n"
         "Standard input is not a terminal, so the tool does not ask whether to go on; resume the case in a "
         "terminal, or use --all, to answer them."),
    ),
    "ask.offer_outcome": ("{measure}：{outcome}（{code}）", "{measure}: {outcome} ({code})"),
    "ask.offer_several": (
        ("已可得出结论：{outcomes}。但底线情形尚未查明：{facts}。\n"
         "无论如何回答，这些结论都不会变为有利；为了完整记录，可以继续回答这 {count} 个问题。"),
        ("Outcomes are reached: {outcomes}. But the bottom lines are not examined: {facts}.\n"
         "Whatever the answers, these outcomes could not become favourable; for a complete record you can answer "
         "these {count} questions."),
    ),
    "ask.offer_several_piped": (
        ("已可得出结论：{outcomes}。但底线情形尚未查明：{facts}。\n"
         "标准输入不是终端，不询问是否继续；如需一并回答，可在终端中继续此案，或加 --all。"),
        ("Outcomes are reached: {outcomes}. But the bottom lines are not examined: {facts}.\n"
         "Standard input is not a terminal, so the tool does not ask whether to go on; resume the case in a "
         "terminal, or use --all, to answer them."),
    ),
    "ask.done_decided": ("结论已确定，无需再问其他问题。", "The outcome is decided; no further question can change it."),
    "ask.done_decided_several": (
        "各办法的结论均已确定，无需再问其他问题。",
        "Every measure's outcome is decided; no further question can change one.",
    ),
    "ask.done_all": ("所有问题都已回答。", "Every question has been answered."),
    "ask.done_open": (
        "可以改变结论的问题都已问过，但仍有回答为“不确定”，结论暂无法确定。",
        "Every question that could change the outcome has been asked, but some answers are unknown, so the outcome is not decided.",
    ),
    "ask.done_open_several": (
        "可以改变结论的问题都已问过，但仍有回答为“不确定”，{measures}的结论暂无法确定。",
        "Every question that could change an outcome has been asked, but some answers are unknown, so the outcome "
        "under {measures} is not decided.",
    ),
    "ask_case_stdin": (
        "ask 从标准输入读取回答，--case 不能是 -；请给出案件文件的路径。",
        "ask reads the answers from standard input, so --case cannot be -; give the case file's path.",
    ),
    "ask.saved": ("已保存：{file}", "Saved: {file}"),
    "ask.updated": ("已更新：{file}", "Updated: {file}"),
    "ask.unchanged": ("没有新的回答，{file} 未改动。", "Nothing new was answered; {file} is unchanged."),
    "ask.unchanged_resume": (
        "没有新的回答，{file} 未改动。\n继续回答：{command}",
        "Nothing new was answered; {file} is unchanged.\nTo resume: {command}",
    ),
    "ask.not_saved": ("未保存案件文件（--no-save）。", "No case file was saved (--no-save)."),
    "ask.no_save": (
        "不保存案件文件（--no-save）；中途中断时，已答内容仍保存为草稿。",
        "No case file will be saved (--no-save); if the interview stops early, the answers are still kept as a draft.",
    ),
    "ask.save_to": ("回答将保存到：{file}", "The answers will be saved to: {file}"),
    "ask.save_in_place": ("回答将更新此文件：{file}", "The answers will update this file: {file}"),
    "ask.save_over": ("访谈结束时将覆盖：{file}（--force）", "At the end this file will be replaced: {file} (--force)"),
    "ask.save_default": (
        "回答将保存到当前文件夹的新文件，以案件编号命名（不填编号则为 {example}）。",
        "The answers will be saved to a new file in the current folder, named after the case id (without one: {example}).",
    ),
    "ask.save_here": (
        "当前文件夹无法写入（{detail}）；访谈尚未开始，以免回答无处保存。请用 --save 指定可写入的文件，或加 --no-save。",
        "the current folder cannot be written to ({detail}); the interview did not start, so that no answer is lost. "
        "Give a file that can be written with --save, or use --no-save.",
    ),
    "ask.save_is_a_directory": (
        "这是一个文件夹；--save 须指定文件。访谈尚未开始。",
        "this is a folder; --save takes a file. The interview did not start.",
    ),
    "ask.save_dangling_link": (
        "这是一个指向不存在文件的符号链接，无法保存；访谈尚未开始。请用 --save 指定其他文件。",
        "this is a symbolic link to a file that does not exist, and cannot be saved to; the interview did not start. "
        "Give another file with --save.",
    ),
    "ask.save_file_exists": (
        "文件已存在；访谈尚未开始。如需在访谈结束时覆盖，请加 --force；或用 --save 指定新文件（继续回答此文件请用 --case）。",
        "the file exists; the interview did not start. Add --force to replace it at the end, or give a new file "
        "with --save (to resume this file, use --case).",
    ),
    "ask.save_folder_is_file": (
        "无法保存：{detail} 不是文件夹。访谈尚未开始。",
        "cannot be saved: {detail} is not a folder. The interview did not start.",
    ),
    "ask.save_write_error": (
        "无法写入（{detail}）；访谈尚未开始，以免回答无处保存。请用 --save 指定可写入的文件，或加 --no-save。",
        "cannot be written ({detail}); the interview did not start, so that no answer is lost. "
        "Give a file that can be written with --save, or use --no-save.",
    ),
    "ask_save_and_no_save": ("--save 与 --no-save 不能同时使用。", "--save and --no-save cannot be used together."),
    "ask_save_stdout": (
        "--save 须指定文件；结论可用 -o - 输出到标准输出。",
        "--save takes a file; the determination goes to standard output, or to -o.",
    ),
    "ask_output_is_case": (
        "-o 不能与 --case 或 --save 是同一个文件：结论会覆盖回答。",
        "-o cannot be the --case or --save file: the determination would replace the answers.",
    ),
    "ask.interrupted": ("访谈已中断。", "Interview interrupted."),
    "ask.input_ran_out": (
        "标准输入不是终端，其中的回答已用完，访谈尚未完成。",
        "Standard input is not a terminal and its answers ran out before the interview was finished.",
    ),
    "ask.input_ended": ("输入已结束，访谈尚未完成。", "The input ended before the interview was finished."),
    "ask.draft_saved": ("已答内容保存为草稿：{file}\n继续回答：{command}", "The answers so far are saved as a draft: {file}\nTo resume: {command}"),
    "ask.nothing_to_save": ("本次尚未回答任何问题，没有保存草稿。", "Nothing was answered in this interview; no draft was saved."),
    "ask.draft_nowhere": (
        "草稿无法写入任何位置（见上）。以下是已答内容，请复制保存为 .yaml 文件，用 zgrongcuo ask --case 继续：",
        "The draft could not be written anywhere (see above). Here are the answers: copy them into a .yaml file "
        "and resume with zgrongcuo ask --case:",
    ),
    "ask.file_header": (
        "zgrongcuo ask 记录的案件（{date}）。标准：{title}（版本 {version}）。",
        "Case recorded by zgrongcuo ask ({date}). Criteria: {title} (version {version}).",
    ),
    "ask.file_header_several": (
        "zgrongcuo ask 记录的案件（{date}）。标准：{measures}。下面的 measures: 写明了这些办法，继续回答或检查时不必写 --criteria。",
        "Case recorded by zgrongcuo ask ({date}). Criteria: {measures}. The measures: line below names them: resume or "
        "check it without --criteria.",
    ),
    "ask.draft_header": (
        "草稿：访谈尚未完成。继续回答：{command}",
        "Draft: the interview is not finished. To resume: {command}",
    ),
    "ask.file_note": (
        "回答：多选题为选项编号的列表；是非题为 是/否/不确定；value/note 中的 note 是备注。",
        "Answers: a list of option ids for multiple choice; yes/no/unknown otherwise; note is the note on an answer.",
    ),
    # -- suggested answers from a written account (cues, zgrongcuo suggest, suggested:)
    "cues_on_set": (
        "多选题“{fact}”的提示语写在各选项之下（options 中每项的 cues），不写在题目上。",
        "the cues of the list '{fact}' are written under its options (cues: in each option), not on the question.",
    ),
    "suggest.awaiting": (
        "案卷中有 {count} 条建议答案尚待确认（suggested 部分），本判定只依据已确认的回答（answers 部分）；可用 zgrongcuo ask --case {file} 逐条确认。",
        "the case file holds {count} suggested answers not yet confirmed (suggested); this determination reads confirmed answers (answers) only. zgrongcuo ask --case {file} goes through them.",
    ),
    "suggest.awaiting_conflicts": (
        "另有 {count} 个问题原文说法不一，未作建议。",
        " For {count} more questions the text says both, and nothing is suggested.",
    ),
    "suggest.awaiting_total": (
        "；另有 {count} 条建议答案待确认（{cases} 件），未计入判定",
        "; {count} suggested answers await confirmation ({cases} cases) and were not evaluated",
    ),
    "schema.suggested": (
        "建议答案：从书面材料中提出、尚待确认的回答，不参与判定",
        "Suggested answers: proposed from a written account, awaiting confirmation; not evaluated",
    ),
    "ask.suggested_intro": (
        "此案有 {count} 条从书面材料中提出的建议答案。问到时会显示建议及其原文依据，直接回车即采纳，输入其他回答即替换；建议只是从文字中读出的提议，不是认定。",
        "This case has {count} answers suggested from a written account. Each is shown with the sentences it rests on when its question comes: Enter takes it, any other answer replaces it. A suggestion is a proposal read from words, not a finding.",
    ),
    "ask.suggested": ("建议回答：{answer}（据书面材料）", "Suggested answer: {answer} (from the written account)"),
    "ask.suggested_evidence": ("  原文：“{evidence}”{source}", "  Source: \"{evidence}\"{source}"),
    "ask.suggested_from": ("（来源：{source}）", " ({source})"),
    "ask.suggested_conflict": (
        "书面材料的说法不一，未作建议，请核实后回答：",
        "The written account says both; nothing is suggested. Please check and answer:",
    ),
    "ask.suggested_shows": ("  表明{shows}：“{evidence}”{source}", "  Shows {shows}: \"{evidence}\"{source}"),
    "ask.suggested_option_holds": ("“{option}”", "'{option}'"),
    "ask.suggested_option_not": ("没有“{option}”", "no '{option}'"),
    "ask.suggested_enter": (
        "直接回车采纳建议；输入其他回答即替换。",
        "Enter takes the suggestion; any other answer replaces it.",
    ),
    "suggest.note": ("原文：{evidence}", "Source: {evidence}"),
    "suggest.note_sep": ("；", "; "),
    "suggest.quoted": ("“{words}”", "\"{words}\""),
    "suggest.quoted_from": ("{quoted}（来源：{source}）", "{quoted} ({source})"),
    "suggest.file_header": (
        "zgrongcuo suggest 据书面材料起草的案卷（{date}）。标准：{measures}。suggested 中是从文字读出的建议答案，不是认定，尚待确认：用 zgrongcuo ask --case 本文件 逐题确认后写入 answers。",
        "A case drafted by zgrongcuo suggest from a written account ({date}). Criteria: {measures}. suggested holds answers read from the words, not findings, awaiting confirmation: zgrongcuo ask --case THIS-FILE goes through them into answers.",
    ),
    "suggest.summary_from": ("{words}（摘自 {source}）", "{words} (from {source})"),
    "suggest.summary_more": ("……", "…"),
    "suggest.line": ("{label}：建议{answer}", "{label}: suggested {answer}"),
    "suggest.line_conflict": ("{label}：原文说法不一，未作建议", "{label}: the text says both ways; nothing suggested"),
    "suggest.counts": (
        "共 {total} 个问题：{proposed} 个有原文依据的建议，{contrary} 个原文说法不一，{remaining} 个仍需回答。",
        "{total} questions: {proposed} suggested from the text, {contrary} shown both ways, {remaining} still to be answered.",
    ),
    "suggest.counts_plain": (
        "共 {total} 个问题：{proposed} 个有原文依据的建议，{remaining} 个仍需回答。",
        "{total} questions: {proposed} suggested from the text, {remaining} still to be answered.",
    ),
    "suggest.counts_answered": ("（案卷已回答的问题不再建议。）", " (Questions the case file answers get no suggestion.)"),
    "suggest.stopped": (
        "文中找到的提示语过多，只读了前面的部分。",
        "So many cues were found in the text that only its first part was read.",
    ),
    "suggest.not_findings": (
        "建议只是从文字中读出的提议，不是认定；每一条都须由经办人核实确认。",
        "Suggestions are proposals read from words, not findings; each must be checked and confirmed by a person.",
    ),
    "suggest.next_saved": (
        "逐题确认：zgrongcuo ask --case {file}",
        "To confirm them one by one: zgrongcuo ask --case {file}",
    ),
    "suggest.batch_line": (
        "{file}：建议 {proposed} 个，说法不一 {contrary} 个，仍需回答 {remaining} 个",
        "{file}: {proposed} suggested, {contrary} both ways, {remaining} to answer",
    ),
    "suggest.batch_saved": ("；草稿：{file}", "; draft: {file}"),
    "suggest.batch_total": (
        "共 {cases} 件：建议 {proposed} 个，说法不一 {contrary} 个。建议不是认定，须逐件确认。",
        "{cases} cases: {proposed} suggested, {contrary} both ways. Suggestions are not findings; confirm each case.",
    ),
    "suggest.batch_failed": ("另有 {count} 个文件无法读取（见上方错误）。", "{count} files could not be read (errors above)."),
    "suggest_folder_alone": (
        "文件夹 {folder} 须单独给出：文件夹中的每份材料各为一件案件；几份文件同属一件案件时，逐个列出这些文件。",
        "the folder {folder} must be given alone: each account in a folder is a case of its own; list the files of one case one by one.",
    ),
    "suggest_batch_text_only": (
        "文件夹中的材料各起草一份案卷（用 -o 指定存放的文件夹），屏幕上只以文字列出；--format yaml 或 json 用于单件案件。",
        "a folder's accounts each make a draft (-o names the folder for them) and are listed as text; --format yaml or json is for one case.",
    ),
    "suggest_output_folder": (
        "{file} 是文件；文件夹中的材料各起草一份案卷，-o 须指定文件夹。",
        "{file} is a file; a folder's accounts each make a draft, so -o must name a folder.",
    ),
    "suggest_no_texts": ("文件夹 {file} 中没有可读的材料（{suffixes}）。", "the folder {file} holds no accounts ({suffixes})."),
    "suggest_two_cases": (
        "{first} 和 {second} 都是案卷文件；一次只能以一件案卷为底稿。",
        "{first} and {second} are both case files; a draft builds on one case file at most.",
    ),
    "suggest_output_is_text": (
        "-o {file} 是给出的材料之一，不会被草稿覆盖（案卷文件可加 --force 在原处补入建议）。",
        "-o {file} is one of the accounts given and is not replaced by the draft (a case file may be, with --force, to add the suggestions in place).",
    ),
    "cli.suggest": (
        "读书面材料（申请、情况说明、报告、新闻报道），对照办法的提示语提出建议答案，每条附所依据的原句，写成案卷草稿；建议尚待确认，不是认定。",
        "Read written accounts (an application, a 情况说明, a report, a news item) and propose answers from the measures' cues, each with the sentence it rests on, as a case-file draft; suggestions await confirmation and are not findings.",
    ),
    "cli.suggest_more": (
        "几个文件同属一件案件时逐个列出；给出一个文件夹时，其中每份材料各为一件案件，-o 指定存放草稿的文件夹。"
        "可读 .txt、.md（UTF-8，或 GB18030 并提示）、.docx（段落和表格）、.html，以及案卷文件的基本案情（case.summary，其回答保留）。"
        "草稿的 suggested 部分不参与判定；用 zgrongcuo ask --case 草稿 逐题确认，或直接 zgrongcuo ask --from 材料。",
        "List the files of one case one by one; a folder makes each account in it a case of its own, and -o names the folder for the drafts. "
        "Reads .txt, .md (UTF-8, or GB18030 with a warning), .docx (paragraphs and tables), .html, and a case file's summary (case.summary; its answers are kept). "
        "A draft's suggested block is not evaluated; confirm it with zgrongcuo ask --case DRAFT, or go straight to zgrongcuo ask --from TEXT.",
    ),
    "cli.suggest_exit_codes": (
        "退出码：0 完成（有无建议均是）；2 用法错误、材料无法读取或草稿无法写入；70 程序内部错误；130 被中断；143 被终止（SIGTERM）。",
        "Exit codes: 0 done (with or without suggestions); 2 usage error, an account that cannot be read or a draft that cannot be written; 70 internal error; 130 interrupted; 143 terminated (SIGTERM).",
    ),
    "cli.arg.texts": (
        "书面材料（.txt、.md、.docx、.html、案卷文件）、一个存放材料的文件夹，或 -（标准输入）。",
        "Written accounts (.txt, .md, .docx, .html, case files), one folder of them, or - for standard input.",
    ),
    "cli.opt.suggest_output": (
        "把案卷草稿写入此文件（.yaml 或 .json）；材料是文件夹时，写入此文件夹，每件一份。不覆盖已有文件，除非加 --force。",
        "Write the case-file draft to this file (.yaml or .json); for a folder of accounts, into this folder, one per case. Existing files are kept unless --force.",
    ),
    "cli.opt.suggest_format": (
        "屏幕输出：text 列出建议及原句（默认）；yaml、json 输出草稿本身。",
        "What is printed: text lists the suggestions and their sentences (default); yaml or json prints the draft itself.",
    ),
    "cli.opt.from": (
        "先读这些书面材料，提出建议答案：问到时显示建议及原句，回车即采纳。可与 --case 同用（已答的问题不再建议）。",
        "Read these written accounts first and propose answers: each question shows its suggestion and sentences, and Enter takes it. Works with --case too (answered questions get no suggestion).",
    ),
    "account_no_summary": (
        "案卷没有基本案情（case.summary），无从提出建议。",
        "the case file has no summary (case.summary) to suggest answers from.",
    ),
    "account_bad_docx": (
        "不是可读的 Word（.docx）文档（{detail}）。",
        "this is not a readable Word (.docx) document ({detail}).",
    ),
    "account_docx_bomb": (
        "Word 文档的压缩内容异常（{detail}），超出读取上限，未解压。可用 --max-bytes 调整上限。",
        "the Word document's archive is out of bounds ({detail}) and was not unpacked. --max-bytes changes the limit.",
    ),
    "account_docx_unsupported": (
        "读取 Word 文档需要 python-docx，当前环境没有安装。",
        "reading Word documents needs python-docx, which is not installed.",
    ),
    "account_too_long": (
        "文档的文字超过 {limit} 字节，未读取。可用 --max-bytes 调整上限。",
        "the document's text is over {limit} bytes and was not read. --max-bytes changes the limit.",
    ),
    "account_old_office": (
        "这是旧版 Office 文件（.doc、.wps 等），无法读取。请另存为 .docx 或 .txt。",
        "this is an old Office file (.doc, .wps and the like) and cannot be read. Save it as .docx or .txt.",
    ),
    "account_pdf": (
        "这是 PDF 文件，无法读取。请把文字复制出来另存为 .txt。",
        "this is a PDF file and cannot be read. Copy its text into a .txt file.",
    ),
    "account_rtf": (
        "这是 RTF 文件，无法读取。请另存为 .docx 或 .txt。",
        "this is an RTF file and cannot be read. Save it as .docx or .txt.",
    ),
    "account_binary": (
        "第 {offset} 字节是空字节（NUL）：这不是文本文件。可读取的有 .txt、.md、.docx、.html 和案卷文件。",
        "byte {offset} is a NUL byte: this is not a text file. Readable are .txt, .md, .docx, .html and case files.",
    ),
    "suggested_answered": (
        "问题“{name}”在 answers 中已有回答；确认后的建议应从 suggested 中删去。",
        "'{name}' is answered under answers: a confirmed suggestion leaves suggested.",
    ),
    "suggested_nothing": (
        "对问题“{name}”的建议既没有 value，也没有 conflicting。",
        "the suggestion for '{name}' has neither a value nor conflicting sentences.",
    ),
    "suggested_evidence_without_value": (
        "没有建议答案（value）时，原文句子写在 conflicting 下，每句注明其表明的回答。",
        "without a suggested value, the sentences go under conflicting, each with the answer it shows.",
    ),
    "suggested_from_count": (
        "from 列出 {sources} 个文件，evidence 有 {sentences} 句；列表形式的 from 须与 evidence 一一对应，或只写一个文件。",
        "from names {sources} files for {sentences} sentences of evidence; a list must match evidence one for one, or name one file.",
    ),
    "option_on_yesno": (
        "问题“{fact}”是是非题，不能写 option。",
        "'{fact}' is a yes/no question: option does not apply.",
    ),
    "cue_empty": ("提示语不能为空。", "a cue phrase must not be empty."),
    "cue_punctuation": (
        "提示语“{phrase}”含有分句或句末标点；提示语在一个分句之内查找，不能跨越标点。",
        "the cue '{phrase}' holds a clause or sentence mark; cues are found within one clause.",
    ),
    "cue_gap_edge": (
        "提示语“{phrase}”的省略号（…）只能写在两段文字之间，不能在开头、结尾或连用。",
        "the ellipsis (…) in the cue '{phrase}' must stand between two pieces of text, not at an end or twice in a row.",
    ),
    "cue_gap_in_word": (
        "“{phrase}”中不能有省略号（…）：unless 列出的是整词，句中出现其一，该句就不用于本题。",
        "'{phrase}' may not hold an ellipsis (…): unless lists whole words, and a sentence holding one is not read for this question.",
    ),
    "lint.cue_two_options": (
        "提示语“{phrase}”同时列在问题“{fact}”的选项“{first}”和“{option}”之下：文中出现这一说法，两项都会被建议。",
        "the cue '{phrase}' is listed under both options '{first}' and '{option}' of '{fact}': where it is found, both are suggested.",
    ),
    "lint.cue_short": (
        "提示语“{phrase}”不足两个字，几乎任何文字中都会出现。",
        "the cue '{phrase}' is shorter than two characters and would be found in nearly any text.",
    ),
    "lint.cue_unless_alone": (
        "问题“{fact}”的 cues 只有 unless，没有 yes 或 no 提示语，unless 不起作用。",
        "the cues of '{fact}' give unless but no yes or no phrases, so unless does nothing.",
    ),
    "cue_both_ways": (
        "提示语“{phrase}”同时列在“是”（yes）和“否”（no）之下；同一说法不能表明两种回答。",
        "the cue '{phrase}' is listed under both yes and no; one phrase cannot show both answers.",
    ),
    "cue_repeated": (
        "提示语“{phrase}”重复（第一次为第 {first} 项）。",
        "the cue '{phrase}' is repeated (first as item {first}).",
    ),
    # -- explanations, templates, schemas and reports
    "cf.heading": ("结论所依据的认定", "What the outcome rests on"),
    "cf.heading_inline": ("结论所依据的认定：", "What it rests on: "),
    "criteria_name": ("{title}（{version}）", "{title} ({version})"),
    # -- the office's paperwork: materials, the 核实清单, the application form, progress on report folders
    "lint.materials_missing": (
        "问题“{name}”没有列出核实材料（materials），核实清单中它下面将没有材料提示；本办法的其他问题都列了。",
        "fact '{name}' names no materials, so the checklist will give none for it; other facts of this measure do.",
    ),
    "lint.materials_repeated": ("问题“{name}”的核实材料“{item}”重复列出。", "fact '{name}' lists the material '{item}' twice."),
    # the 核实清单: how much an open question decides, where it counts, where each answer leads
    "checklist.weight.decides": ("无论怎样回答都能定案。", "Whatever the answer, it decides the case."),
    "checklist.weight.decides_decided": ("无论怎样回答都会改变结论。", "Whatever the answer, it changes the outcome."),
    "checklist.weight.may_decide": ("有的回答即可定案。", "Some answers decide the case on their own."),
    "checklist.weight.may_decide_decided": ("有的回答会改变结论。", "Some answers would change the outcome."),
    "checklist.weight.with_others": ("须与其他问题一并查明才能定案。", "It decides the case only together with other answers."),
    "checklist.weight.with_others_decided": (
        "须与其他问题一并查明才可能改变结论。",
        "It could change the outcome only together with other answers.",
    ),
    "checklist.weight.no_effect": ("按现有回答，无论怎样回答都不影响结论。", "As things stand, no answer to it changes the outcome."),
    "checklist.weight.unweighed": ("（工作量已达上限，未逐一试算它的回答。）", " (The work budget ran out before its answers were tried.)"),
    "checklist.place.situation": ("{name}：{words}，{requirement}", "{name}: {words}, {requirement}"),
    "checklist.place.precondition": ("前提条件：{words}，{requirement}", "Precondition: {words}, {requirement}"),
    "checklist.place.exclusion": ("底线：{words}，{requirement}", "Bottom line: {words}, {requirement}"),
    "checklist.place.rule": ("结论为{outcome}，{label}{requirement}", "For the outcome {outcome}: {label}, {requirement}"),
    "checklist.lead": ("答{answers}的，{result}。", "If answered {answers}: {result}."),
    "checklist.lead_set": ("选{answers}的，{result}。", "If {answers} is chosen: {result}."),
    "checklist.result.outcome": ("结论为{outcome}", "the outcome is {outcome}"),
    "checklist.result.met": ("符合{situations}，结论为{outcome}", "{situations} is met and the outcome is {outcome}"),
    "checklist.result.still_open": ("仍不能判定，还须查明{facts}", "still undecided; {facts} must be established too"),
    "checklist.result.changes": ("结论变为{outcome}", "the outcome becomes {outcome}"),
    "checklist.result.same": ("结论不变", "the outcome stays as it is"),
    # the 核实清单 as a document
    "checklist.title": ("关于{name}容错免责问题的核实清单", "Verification checklist: {name}"),
    "checklist.conduct_date": ("行为发生日期", "Date of the conduct"),
    "checklist.outcome": ("依据{measure}初筛：{outcome}。", "Screening under {measure}: {outcome}."),
    "checklist.count": (
        "尚无确定回答的问题共 {count} 个，按其回答对结论的影响排列，排在前面的先核实。",
        "{count} questions have no definite answer yet. They are listed by how much their answers decide: verify the first first.",
    ),
    "checklist.count_none": ("各问题均已有确定回答，没有需要核实的问题。", "Every question has a definite answer: there is nothing to verify."),
    "checklist.section.open": ("可能改变结论的问题", "Questions whose answers can change the outcome"),
    "checklist.section.idle": ("不影响结论的问题", "Questions that cannot change the outcome as things stand"),
    "checklist.section.notes": ("说明", "Notes"),
    "checklist.field.question": ("问题", "Question"),
    "checklist.field.state": ("现有回答", "Answer now"),
    "checklist.field.suggested": ("书面材料", "Written account"),
    "checklist.field.weight": ("作用", "What it decides"),
    "checklist.field.places": ("所涉规定", "Where the measure tests it"),
    "checklist.field.leads": ("查明后", "Once established"),
    "checklist.field.materials": ("核实材料", "Materials that establish it"),
    "checklist.state.suggested": ("；书面材料建议回答为{answer}，尚未确认", "; the written account suggests {answer}, not yet confirmed"),
    "checklist.state.contrary": ("；书面材料的说法不一，未作建议", "; the written account says both ways, and nothing is suggested"),
    "checklist.materials_none": ("（办法未列核实材料）", "(The measure names no materials for it.)"),
    "checklist.under": ("依据{measure}，", "Under {measure}: "),
    "checklist.notes": (
        "本清单列出案件文件中尚无确定回答的问题（未回答、回答为“不确定”或“待核实”的），按其回答对初筛结论的影响排序："
        "排在前面的问题一经查明，最可能定案。核实后，请在案件文件中写明回答及所据材料，重新初筛。",
        "This checklist lists the questions the case file gives no definite answer to (not answered, or answered unknown or "
        "to be verified), ordered by how much their answers decide the screening: once the first are established, the case "
        "is most likely decided. After verifying, write each answer and the materials it rests on into the case file and "
        "screen it again.",
    ),
    "checklist.incomplete": (
        "问题较多，部分问题在工作量上限内未能逐一试算，排序可能不尽准确。",
        "There are many questions: some could not be tried within the work budget, so the order may be rough.",
    ),
    "checklist.remark": (
        "（初筛工具生成，仅供核实工作参考。生成时间：{time}。）",
        "(Made by the screening tool, for reference in verification only. Made {time}.)",
    ),
    "document_format": (
        "--document {document} 没有 {format} 格式，可用的格式：{formats}。",
        "--document {document} does not come in {format}; it comes in: {formats}.",
    ),
    # the application form (容错免责申请表)
    "application.title": ("容错免责申请表", "Application for fault tolerance and exemption from liability"),
    "application.applicant": ("申请人", "Applicant"),
    "application.case_id": ("案件编号", "Case id"),
    "application.post": ("工作单位及职务", "Unit and post"),
    "application.matter": ("申请事项", "Matter"),
    "application.date": ("行为发生日期", "Date of the conduct"),
    "application.measures": ("适用办法", "Measure"),
    "application.measure": ("《{title}》", "{title}"),
    "application.conduct": ("行为及经过", "What happened"),
    "application.situations": ("申请适用的情形（办法原文）", "Situations claimed (the measure's words)"),
    "application.still_open": ("（尚待核实）", " (still to be established)"),
    "application.quote": ("原文：{quote}", "The measure's words: {quote}"),
    "application.none_claimed": ("按所填回答，不符合{measure}所列的任何情形。", "On these answers, no situation of {measure} is met."),
    "application.reasons": ("申请理由", "Reasons"),
    "application.reason": ("{words}：{label}为{answer}。", "{words}: {label}, {answer}."),
    "application.note": ("（{note}）", " ({note})"),
    "application.groups": ("前提条件{preconditions}；底线{exclusions}。", "Preconditions: {preconditions}; bottom lines: {exclusions}."),
    "application.answers": ("各项回答及备注", "Answers and notes"),
    "application.signature": ("申请人签字", "Applicant's signature"),
    "application.signed": ("签字：", "Signature:"),
    "application.sealed": ("（盖章）", "(seal)"),
    "application.day": ("年　　月　　日", "Date:                    "),
    "application.unit_opinion": ("所在单位（党组织）意见", "Opinion of the unit (Party organisation)"),
    "application.accepting_opinion": ("受理机关意见", "Opinion of the accepting body"),
    "application.remark": (
        "注：本表由初筛工具根据案件文件预填，是供参考的草稿；请按受理机关规定的表式调整后使用，所填内容以核实的材料为准。",
        "Note: this form was prefilled from the case file by the screening tool as a draft for reference; adapt it to the "
        "form the accepting body prescribes. What it says stands only as far as the verified materials bear it out.",
    ),
    # progress on report folders
    "wrote_count": ("已写入 {count} 个文件，在 {folder}", "wrote {count} files into {folder}"),
    # ask: offering the 核实清单 when the screening cannot decide yet
    "ask.offer_checklist": (
        "尚不能判定。待核实的问题、各自对结论的作用和所需材料，可生成核实清单：{command}",
        "Not decided yet. The questions to verify, what each decides and the materials that establish it make a checklist: {command}",
    ),
    "ask.checklist_file": ("核实清单", "checklist"),
    "paper.more": ("（另有 {count} 项，未逐一列出。）", "({count} more, not listed one by one.)"),
    "checklist.more": (
        "另有 {count} 个尚无确定回答的问题按影响排在后面，未逐一列出。",
        "{count} more questions without a definite answer come after these and are not set out one by one.",
    ),
    "cli.opt.document": (
        "生成的文书：opinion 初筛意见（默认）；checklist 核实清单（text、markdown、docx）；application 容错免责申请表（docx）。",
        "The paper to make: opinion, the screening (default); checklist, what to verify next (text, markdown, docx); "
        "application, the application form (docx).",
    ),
    # -- why: a determination in a sentence (text.summary)
    "why.sentence": ("{clauses}。", "{clauses}."),
    "why.sep": ("；", "; "),
    "why.open": ("还有 {count} 个问题待查明，尚不能判定。", "{count} questions are still open, so nothing is decided yet."),
    "why.met": ("符合{names}", "{names} met"),
    "why.not_met": ("不符合{names}", "{names} not met"),
    "why.no_situation": ("不符合任何一种情形", "no situation is met"),
    "why.none_of": ("不符合{names}中的任何一项", "none of {names} is met"),
    "why.preconditions_met": ("前提条件均满足", "every precondition is met"),
    "why.preconditions_not_met": ("前提条件不满足（{items}）", "a precondition is not met ({items})"),
    "why.touched": ("触及底线（{items}）", "a bottom line is touched ({items})"),
    "why.untouched": ("未触及底线", "no bottom line is touched"),
    "why.answer": ("{label}为{answer}", "{label}: {answer}"),
    "why.and_more": ("等", " and more"),
    "why.all_elements_met": ("各项要件均符合。", "Every element holds."),
    "group.none": ("（无）", "(none)"),
    "group.item": ("{label}（{answer}）", "{label} ({answer})"),
    "group.open": ("未查明：{items}", "not established: {items}"),
    "group.precondition.good": ("均满足", "all met"),
    "group.precondition.bad": ("不满足：{items}", "not met: {items}"),
    "group.exclusion.good": ("均未触及", "none touched"),
    "group.exclusion.bad": ("触及：{items}", "touched: {items}"),
    # -- the concise text output
    "concise.file": ("案件文件：{file} · 标准：{criteria}", "Case file: {file} · criteria: {criteria}"),
    "concise.preconditions": ("前提条件：", "Preconditions: "),
    "concise.exclusions": ("底线：", "Bottom lines: "),
    "concise.why": ("理由：", "Why: "),
    "concise.outcome": ("结论：", "Outcome: "),
    "concise.next": ("下一步：", "Next: "),
    "concise.next_open": (
        "查明上列问题后重新判定（可用 zgrongcuo ask --case 案件文件 逐题补充）。",
        "establish the questions above and check again (zgrongcuo ask --case CASE-FILE asks them one by one).",
    ),
    "concise.more_questions": ("……另有 {count} 个问题，见 --detail。", "… {count} more, see --detail."),
    "cf.intro": (
        "结论依据以下认定；其中一两项认定不同时，结论会不同（只说明认定与结论的关系，不是建议）：",
        "The outcome rests on the findings below; were one or two of them otherwise, it would differ (this states how findings and outcome relate; it is not advice):",
    ),
    "cf.if": ("若{changes}，{then}结论为{outcome}。", "If {changes}, {then}the outcome would be: {outcome}."),
    "cf.then": ("则符合{situations}，", "{situations} would be met and "),
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
    "cf.incomplete": (
        "（对结论所依据认定的分析达到了工作量上限，以上所列可能不全。）",
        "(The analysis of what the outcome rests on reached its work limit; the list above may be incomplete.)",
    ),
    "cf.more": ("另有 {count} 种改变，见 --detail。", "{count} more, see --detail."),
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
    "meta.conduct_date": ("行为发生日期", "Date of the conduct"),
    "schema.case_title": ("案件文件：{title}", "Case file: {title}"),
    "schema.determination_title": ("判定结果：{title}", "Determination: {title}"),
    "schema.unknown_answer": ("不确定（未知）", "unknown"),
    "schema.with_note": ("带备注的回答", "An answer with a note"),
    "schema.decision": ("有权机关实际作出的决定（可选）", "What the competent body actually decided (optional)"),
    "schema.decision.outcome": ("决定的结论：所依据办法的结论编号（本工具没有的办法：relief_full 免责、relief_partial 减责、no_relief 不予减免）", "The decision's outcome: an outcome id of its measure (for a measure the tool lacks: relief_full, relief_partial, no_relief)"),
    "schema.decision.measure": ("决定所依据的办法名称，如 zigui-2018", "The name of the measure it was taken under, e.g. zigui-2018"),
    "schema.decision.by": ("作出决定的机关", "The body that decided"),
    "schema.decision.date": ("决定日期（照来源原样）", "The date of the decision, as the source gives it"),
    "schema.decision.document": ("决定文书的文号或标题", "The decision's number or title"),
    "schema.decision.source": ("公开来源（网址或出处）", "Where it was published (address or citation)"),
    "schema.decision.note": ("来源写明了什么、哪些是推断", "What the source states, and what is inferred"),
    "schema.expect": ("回归测试的预期结果（可选）", "What a regression test expects (optional)"),
    "output_not_folder": (
        "报告要写入文件夹（多个案件，或以 / 结尾的路径），而这里是一个已有的文件。",
        "the output goes into a folder (several cases' reports, or a path ending with /), and this is an existing file.",
    ),
    "docx_missing": (
        "生成 Word 文档需要 python-docx，它随本工具安装，但在这里找不到；请重新安装本工具（pip install zgrongcuo）。",
        "Word output needs python-docx, which is installed with this tool but cannot be found here; reinstall the tool (pip install zgrongcuo).",
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
    "report.title": ("关于{name}的容错免责初筛意见（草稿）", "Screening opinion on fault tolerance (draft): {name}"),
    "section.basic": ("案件基本情况", "The case"),
    "section.analysis": ("对照分析", "Analysis"),
    "section.conclusion": ("初筛意见", "Opinion"),
    "section.procedure": ("程序说明", "Procedure"),
    "section.compare": ("各办法对照", "Measures compared"),
    "section.under": ("依据{measure}的分析", "Under {measure}"),
    "section.numbered": ("{number}、{words}", "{number}. {words}"),
    "report.file": ("案件文件", "Case file"),
    "report.situation": ("（{number}）{label}：{status}", "({number}) {id} {label}: {status}"),
    "report.quote": ("办法原文：{quote}", "The measure's words: {quote}"),
    "report.outcome": ("初筛结论：{outcome}（{code}）", "Result: {outcome} ({code})"),
    "report.result": ("初筛结论：", "Result: "),
    "sentence_end": ("。", "."),
    "report.remark": (
        "（本意见稿依据{criteria}初筛生成，仅供参考，不是处理决定。生成时间：{time}。）",
        "(This draft was produced by screening against {criteria}; it is for reference only and is not a decision. Made {time}.)",
    ),
    "report.remark_summary": ("（初筛汇总，仅供参考。生成时间：{time}。）", "(A screening summary, for reference only. Made {time}.)"),
    "col.subject": ("当事单位或人员", "Subject"),
    "col.problem": ("说明", "Problem"),
    "col.measure": ("办法", "Measure"),
    "col.level": ("层级", "Level"),
    "col.open_count": ("待查问题", "Open questions"),
    "summary.in_measure": ("{measure}：{label}", "{measure}: {label}"),
    "summary.measures_sep": ("；", "; "),
    "level.county": ("县级", "county"),
    "level.city": ("市级", "city"),
    "level.province": ("省级", "province"),
    "level.national": ("全国", "national"),
    "compare.heading": ("各办法对照", "Measures compared"),
    "compare.none_met": ("无", "none"),
    "compare.met": ("符合：{situations}", "met: {situations}"),
    "compare.open_line": ("待查问题 {count}", "open questions: {count}"),
    "compare.under": (" 依据 {measure} ", " Under {measure} "),
    "compare.open": ("{count} 个", "{count}"),
    "compare.closing": ("结论对照", "Outcomes compared"),
    "compare.intro": (
        "同一案件按 {count} 个办法分别初筛；各办法的适用范围和结论种类不同，结论不能相互替代，以有权机关依据适用的规定作出的决定为准。",
        "The same case screened under {count} measures; they differ in scope and in the outcomes they give, so one does not stand in for another: what counts is the decision of the competent body under the rules that apply.",
    ),
    "unused.heading": ("本办法不读的回答", "Answers this measure does not read"),
    "unused.facts": ("本办法不问：{facts}。", "This measure does not ask: {facts}."),
    "unused.options": ("本办法没有这些选项：{items}。", "This measure has no such options: {items}."),
    "unused.option_item": ("{fact}中的{options}", "{options} of {fact}"),
    # CSV header row: Chinese, or with --lang en the column ids scripts match on
    "csv.file": ("文件", "file"),
    "csv.case_id": ("案件编号", "case_id"),
    "csv.title": ("标题", "title"),
    "csv.subject": ("当事单位或人员", "subject"),
    "csv.measure": ("办法", "measure"),
    "csv.decision": ("已作决定", "decision"),
    "csv.decision_measure": ("决定依据", "decision_measure"),
    "csv.agrees": ("与决定一致", "agrees"),
    "csv.outcome": ("结论代码", "outcome"),
    "csv.label": ("结论", "label"),
    "csv.situations_met": ("符合情形", "situations_met"),
    "csv.open_questions": ("待答问题", "open_questions"),
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
    # -- the library for scripts: check_paths and its worker processes
    "measure_changed_in_run": (
        "办法文件在检查过程中被修改（工作进程读到的与本进程读到的不同）；请在文件不再变动时重新检查。",
        "the criteria file changed while the batch ran (a worker process read another version than this process); "
        "check again once the file no longer changes.",
    ),
    # -- hostile and broken input
    "binary_file": (
        "第 {offset} 字节是空字节（NUL）：这不是文本文件，可能是 Word 文档、压缩包，或不带 BOM 的 UTF-16 文本。请另存为 UTF-8 纯文本（.yaml）。",
        "byte {offset} is a NUL byte: this is not a text file (perhaps a Word document, a zip archive, or UTF-16 without a byte-order mark). Save it as UTF-8 plain text (.yaml).",
    ),
    "alias_undefined": ("别名 *{name} 没有对应的锚点 &{name}。", "the alias *{name} has no anchor &{name} before it."),
    "alias_loop": ("别名 *{name} 指向包含它自己的内容，形成循环。", "the alias *{name} refers to the node that contains it: a loop."),
    # -- the second round at the boundaries: output paths, the interview's edges, hostile text
    "bidi_in_text": (
        "文字中含有双向控制字符 {char}（会改变文字的显示顺序），不予接受：标准文件中的文字显示在每一种输出中。",
        "the text contains the bidirectional control {char} (it reorders what a reader sees); it is not accepted: a criteria file's texts appear in every output.",
    ),
    "template_schema_url": (
        "--schema 的值“{value}”不能用：它写在模板第一行的注释中，须是不含空白和控制字符的网址或路径。",
        "--schema '{value}' cannot be used: it goes on the template's first line, a comment, and must be a URL or path without blanks or control characters.",
    ),
    "json_not_a_value": (
        "{word} 不是 JSON 的值（JSON 没有 NaN 和 Infinity）：没有值请写 null，文字请加引号。",
        "{word} is not a JSON value (JSON has no NaN or Infinity): write null for no value, and text in quotes.",
    ),
    "output_names_folder": (
        "以 / 结尾的路径是文件夹；这里要写入一个文件，请给出文件名。",
        "a path ending with / names a folder; a file is to be written here: give its name.",
    ),
    "output_folder_one_file": (
        "多个案件的 {format} 结果是一个文件，不能写入文件夹：请在 -o 后写文件名（如 结果.{format}），或改用 markdown、html、docx 报告（每件一个文件）。",
        "the {format} output of several cases is one file and cannot go into a folder: give a file name after -o (e.g. results.{format}), or choose markdown, html or docx reports (one file per case).",
    ),
    "output_folder_is_file": (
        "无法写入：{folder} 是文件，不是文件夹。",
        "cannot be written: {folder} is a file, not a folder.",
    ),
    "report_failed": (
        "这一件的报告未能生成（程序缺陷：{detail}）；其余案件照常处理。请连同案件文件一并报告。",
        "the report for this case could not be made (a bug: {detail}); the other cases were processed. Please report it with the case file.",
    ),
    "ask.save_names_folder": (
        "以 / 结尾的路径是文件夹；--save 须指定文件。访谈尚未开始。",
        "a path ending with / names a folder; --save takes a file. The interview did not start.",
    ),
    "ask.save_is_link": (
        "这是一个符号链接；--save（即使加 --force）只替换普通文件，请给出文件本身的路径。访谈尚未开始。",
        "this is a symbolic link; --save (--force too) replaces only a regular file: give the path of the file itself. The interview did not start.",
    ),
    "ask.save_not_regular": (
        "这是{kind}，不是普通文件；--save（即使加 --force）只替换普通文件。访谈尚未开始。",
        "this is {kind}, not a regular file; --save (--force too) replaces only a regular file. The interview did not start.",
    ),
    "more_errors": ("……此文件还有更多错误，只列出前 {limit} 个；改正后再检查。", "… the file has more errors; only the first {limit} are listed. Correct them and check again."),
    "template.conduct_date": ("行为发生日期（YYYY-MM-DD）", "Date of the conduct (YYYY-MM-DD)"),
    "ask.question_number": ("第 {number} 题", "question {number}"),
    "ask.piped_unusable": (
        "标准输入不是终端：{where}的回答“{reply}”不能用（{hint}）。管道无法重答，后面的回答也会错位，访谈停止。",
        "Standard input is not a terminal: the reply '{reply}' to {where} cannot be used ({hint}). A pipe cannot answer again, and every later answer would be shifted: the interview stops.",
    ),
    "ask.piped_no_answer": (
        "标准输入不是终端：连续 {count} 行都没有回答问题，访谈停止。",
        "Standard input is not a terminal: {count} lines in a row answered nothing; the interview stops.",
    ),
    "cli.opt.criteria_weigh": (
        "按这些办法的判定规则给问题加权：标准文件的路径，或内置办法的名称（见 criteria list）；可多次给出；默认：全部内置办法。",
        "Weigh the questions by the rules of these measures: a criteria file, or a bundled measure's name (see criteria list); may be given several times; default: every bundled measure.",
    ),
    "cli.opt.criteria_questions": (
        "写出这些办法的问题：标准文件的路径，或内置办法的名称（见 criteria list）；可多次给出；默认：内置的秭归县 2018 年办法。",
        "With the questions of these measures: a criteria file, or a bundled measure's name (see criteria list); may be given several times; default: the bundled Zigui 2018 measure.",
    ),
    "cli.opt.output_file": ("写入此文件而不是标准输出。", "Write to this file instead of standard output."),
    "ask.piped_no_end": (
        "标准输入不是终端：已读了 {count} 行，访谈仍未结束（回答被反复退回重答）；访谈停止。",
        "Standard input is not a terminal: {count} lines were read and the interview has not ended (answers were gone back over again and again); the interview stops.",
    ),
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
    "output_error": ("无法写入标准输出：{detail}。", "cannot write to standard output: {detail}."),
    "stdout_closed": ("标准输出已关闭。", "standard output is closed."),
    "terminated": ("已终止（收到 SIGTERM）。", "terminated (SIGTERM)."),
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
    # -- spreadsheets: a register (台账) read as cases, the register and the template written as workbooks, CSV labels
    "workbook_other_format": (
        "只读取 .xlsx 格式的工作簿（{suffix} 不读取）；请在 Excel 或 WPS 中把它另存为 .xlsx。",
        "only .xlsx workbooks are read ({suffix} is not); save it as .xlsx in Excel or WPS.",
    ),
    "workbook_ole": (
        "这是旧版 Excel 格式（.xls）或设了密码的工作簿，无法读取；请在 Excel 或 WPS 中另存为 .xlsx（不设密码）。",
        "this is an old-format Excel file (.xls) or a workbook saved with a password; save it as .xlsx (without a password) in Excel or WPS.",
    ),
    "workbook_not_zip": (
        "这不是 Excel 工作簿（.xlsx）：文件已损坏，或只是文件名以 .xlsx 结尾。",
        "this is not an Excel workbook (.xlsx): the file is damaged, or only its name ends in .xlsx.",
    ),
    "workbook_too_many_parts": (
        "工作簿由 {count} 个部件组成，超过上限 {limit}，未读取。",
        "the workbook is made of {count} parts, more than the limit of {limit}; it was not read.",
    ),
    "workbook_encrypted": ("工作簿中有加密的部件，无法读取。", "the workbook holds encrypted parts and cannot be read."),
    "workbook_part_too_large": (
        "工作簿的部件 {part} 解压后超过 {limit} 字节，未读取（一份台账远小于此；这可能是压缩炸弹或损坏的文件）。",
        "the workbook's part {part} unpacks to more than {limit} bytes and was not read (a register is far smaller: "
        "this may be a zip bomb or a damaged file).",
    ),
    "workbook_too_large_unpacked": (
        "工作簿解压后超过 {limit} 字节的上限，未读取（可能是压缩炸弹）。",
        "the workbook unpacks to more than the limit of {limit} bytes and was not read (this may be a zip bomb).",
    ),
    "workbook_doctype": (
        "工作簿的部件 {part} 含有 XML 文档类型声明（DOCTYPE 或 ENTITY）；Excel 不会写出这种内容，未读取。",
        "the workbook's part {part} holds an XML document type declaration (DOCTYPE or ENTITY), which Excel never "
        "writes; it was not read.",
    ),
    "workbook_broken": (
        "工作簿已损坏，无法读取（{detail}）；请在 Excel 或 WPS 中打开后另存为 .xlsx。",
        "the workbook is damaged and cannot be read ({detail}); open it in Excel or WPS and save it as .xlsx.",
    ),
    "workbook_no_sheet": ("工作簿中没有工作表。", "the workbook holds no worksheet."),
    "sheet_not_found": (
        "工作簿中没有名为“{name}”的工作表；现有：{sheets}。",
        "the workbook has no sheet named '{name}'; it has: {sheets}.",
    ),
    "workbook_is_register": (
        "这是本工具写出的初筛台账（每行是一项初筛结论，不是回答），不作为案件读取。填写案件请用 "
        "zgrongcuo template --format xlsx 生成的模板。",
        "this is a register this tool wrote (each row a screening's outcome, not answers); it is not read as cases. "
        "To fill in cases, use the template from zgrongcuo template --format xlsx.",
    ),
    "sheet.in_location": ("，工作表“{sheet}”", ", sheet '{sheet}'"),
    "sheet.column_in_location": ("，列“{header}”", ", column '{header}'"),
    "sheet.measures": ("办法", "Measures"),
    "sheet_no_heading": (
        "前 {rows} 行中没有可识别的表头。表头应是问题的名称（如“经过民主决策程序”）或编号，或者案件编号、标题、"
        "当事单位或人员、基本案情、行为发生日期；zgrongcuo template --format xlsx 可生成带表头的模板。",
        "none of the first {rows} rows holds headings this tool knows. Headings name a question (its label, such as "
        "'Went through a democratic decision procedure', or its id) or a field of the case (Case id, Title, Subject, "
        "Summary of the facts, Date of the conduct); zgrongcuo template --format xlsx makes a template with them.",
    ),
    "sheet_heading_rows": (
        "表头只能占一行，这里的单元格合并了几行；请把每个问题写在表头行中自己的一列。",
        "the headings must stand in one row, and this cell is merged over several; give each question a column of "
        "its own in the heading row.",
    ),
    "sheet_unknown_heading": ("表头“{name}”不是已知的问题或案件信息。", "the heading '{name}' names no known question or field."),
    "sheet_heading_twice": (
        "表头“{name}”与 {first} 列指同一项内容。",
        "the heading '{name}' names what column {first} names already.",
    ),
    "sheet_formula_unsaved": (
        "这是公式单元格，但工作簿中没有保存它的计算结果（文件可能由程序生成、从未在 Excel 中保存过）；"
        "请在 Excel 或 WPS 中打开并保存，或直接填写内容。",
        "this cell holds a formula whose result the workbook does not hold (it may have been made by a program and "
        "never saved in Excel); open and save it in Excel or WPS, or type the value itself.",
    ),
    "sheet_formula_external": (
        "这个公式取自另一个工作簿（外部链接），其中的值可能已经过时，不予读取；请复制后“选择性粘贴为数值”。",
        "this formula takes its value from another workbook (an external link), which may be out of date; it is "
        "not read. Copy it and paste it back as values.",
    ),
    "sheet_error_value": ("单元格显示错误值 {value}，不是回答。", "the cell shows the error value {value}, not an answer."),
    "sheet_merged_across": (
        "合并单元格 {cells} 横跨几个问题的列，看不出这个值属于哪一列；请取消合并，每列分别填写。",
        "the merged cells {cells} span the columns of several questions, so it is unclear which one the value "
        "answers; unmerge them and fill in each column.",
    ),
    "sheet_no_rows": ("表头以下没有填写任何案件。", "no case is filled in below the headings."),
    "sheet_columns_ignored": (
        "{file}：这些列的表头不是已知的问题或案件信息，未读取：{columns}。",
        "{file}: these columns' headings name no known question or field, and they were not read: {columns}.",
    ),
    "sheet_macros": (
        "{file} 含有宏；宏不会运行，只读取单元格中的数据。",
        "{file} holds macros; they are not run, and only the data in its cells is read.",
    ),
    "sheet_first_only": (
        "{file} 有 {count} 个工作表，只读取了“{sheet}”；其他工作表请用 --sheet 指定。",
        "{file} has {count} sheets and only '{sheet}' was read; name another with --sheet.",
    ),
    "sheet_hidden_rows": (
        "{file} 中有隐藏的行（第 {rows} 行），其中的案件照常读取；不需要的行请删除，而不是隐藏。",
        "{file} has hidden rows ({rows}); the cases in them were read like any other. Delete rows you do not want "
        "read rather than hide them.",
    ),
    "sheet_unheaded": (
        "{file}：{column} 列没有表头，其中的内容（自第 {row} 行起）未读取。",
        "{file}: column {column} has no heading, and what it holds (from row {row} on) was not read.",
    ),
    "register.title": ("容错免责初筛台账", "Fault-tolerance screening register"),
    "register.sheet": ("台账", "Register"),
    "register.summary_sheet": ("汇总", "Summary"),
    "register.page": ("第 &P 页，共 &N 页", "Page &P of &N"),
    "register.col.number": ("序号", "No."),
    "register.col.case_id": ("案件编号", "Case id"),
    "register.col.title": ("标题", "Title"),
    "register.col.subject": ("当事单位或人员", "Subject"),
    "register.col.conduct_date": ("行为发生日期", "Date of the conduct"),
    "register.col.measure": ("办法", "Measure"),
    "register.col.outcome": ("初筛结论", "Screening outcome"),
    "register.col.situations": ("符合情形", "Situations met"),
    "register.col.preconditions": ("前提条件", "Preconditions"),
    "register.col.exclusions": ("底线", "Bottom lines"),
    "register.col.why": ("理由", "Why"),
    "register.col.open_questions": ("待查明的问题", "Questions still open"),
    "register.col.decision": ("已作决定", "Decision taken"),
    "register.col.decided_by": ("决定机关及日期", "Decided by, when"),
    "register.col.agrees": ("与决定一致", "Agrees with the decision"),
    "register.col.remarks": ("说明", "Remarks"),
    "register.open_line": ("待查明：{questions}", "Still open: {questions}"),
    "register.by_measure": ("按办法统计", "By measure"),
    "register.favourable": ("有利", "Favourable"),
    "register.unfavourable": ("不利", "Unfavourable"),
    "register.undetermined": ("信息不足", "Undetermined"),
    "register.share": ("占比", "Share"),
    "template_xlsx.title": ("容错免责案件登记表（空白）", "Fault-tolerance case register (blank)"),
    "template_xlsx.sheet": ("案件登记", "Cases"),
    "template_xlsx.notes_sheet": ("填表说明", "How to fill it in"),
    "template_xlsx.lists_sheet": ("选项", "Options"),
    "template_xlsx.to_verify": ("待核实", "to verify"),
    "template_xlsx.date_prompt": (
        "写成 YYYY-MM-DD，如 2014-05-01；只知年月或年份时写 2014-05 或 2014。",
        "Write YYYY-MM-DD, e.g. 2014-05-01; 2014-05 or 2014 when only the month or year is known.",
    ),
    "template_xlsx.measures_prompt": (
        "本行依据的办法（名称或编号，几个用“、”分隔）；已按生成本表时所选的办法填好。只填了办法的行不算案件。",
        "The measures this row is checked against (names or ids, separated by '、'), filled in as chosen when the "
        "register was made. A row with nothing but its measures is no case.",
    ),
    "template_xlsx.yesno_error": ("请从下拉列表中选择：{words}。", "Choose from the list: {words}."),
    "template_xlsx.set_error": (
        "不在下拉列表中。要填写几个选项，用“{sep}”分隔；选“是”保留所填内容。",
        "Not in the list. To give several options, separate them with '{sep}'; choose Yes to keep what you typed.",
    ),
    "template_xlsx.how": (
        "填写方法：第一个工作表每行填写一件案件，表头不要改动。不知道的问题留空（未回答）或填“不确定”；"
        "填好后运行 zgrongcuo check 本文件.xlsx 逐行初筛。",
        "How to fill it in: one case per row of the first sheet; leave the headings as they are. Leave a question "
        "empty (not answered) or answer 'unknown' when it is not known; then run zgrongcuo check this-file.xlsx "
        "to screen each row.",
    ),
    "template_xlsx.yesno_how": (
        "是非题从下拉列表中选择：是、否、不确定、待核实（也可填写“有”“没有”等，与案件文件相同）。",
        "Yes/no questions: choose yes, no or unknown from the list (the words case files take are read too).",
    ),
    "template_xlsx.set_how": (
        "选择题可从下拉列表中选一项；要填写几项，用“{sep}”分隔（如“先行先试{sep}缺乏经验”）；一项都不符合填“无”。",
        "Multiple-choice questions: choose one option from the list, or type several separated by '{sep}'; "
        "'none' when none applies.",
    ),
    "template_xlsx.note_how": (
        "要为某个回答写备注，可在右侧加一列，表头写“问题名称备注”（如“经过民主决策程序备注”）。",
        "To note an answer, add a column headed with the question's label followed by 'note' "
        "(e.g. 'Went through a democratic decision procedure note').",
    ),
    "template_xlsx.col.number": ("序号", "No."),
    "template_xlsx.col.heading": ("表头（编号）", "Heading (id)"),
    "template_xlsx.col.question": ("问题", "Question"),
    "template_xlsx.col.help": ("说明", "Help"),
    "template_xlsx.col.quote": ("办法原文", "The measure's words"),
    "template_xlsx.col.options": ("可填写的回答", "Answers"),
    "binary_needs_output": (
        "{format} 文件不能输出到终端，请用 -o 指定文件（如 -o 台账.{format}；-o - 可输出到管道）。",
        "a {format} file cannot be written to a terminal; give a file with -o (e.g. -o register.{format}; -o - for a pipe).",
    ),
    "cli.opt.sheet": (
        "读取工作簿（.xlsx）中的这个工作表（默认：第一个）。",
        "Read this sheet of a workbook (.xlsx) given as a case (default: the first).",
    ),
    "cli.opt.template_format": (
        "yaml（默认）：一份空白案件文件；xlsx：一份空白案件登记表（Excel，带下拉列表和填表说明，须用 -o 指定文件）。",
        "yaml (default): a blank case file; xlsx: a blank register to fill in (Excel, with drop-down lists and notes; "
        "needs -o).",
    ),
    "sheet_without_workbook": (
        "--sheet 只用于工作簿（.xlsx）；所给的案件中没有工作簿。",
        "--sheet applies to workbooks (.xlsx), and no workbook is among the cases given.",
    ),
    "csv.measure_name": ("办法名称", "measure_name"),
    "csv.situations_named": ("符合情形（名称）", "situations_named"),
    "csv.open_named": ("待答问题（名称）", "open_named"),
    "csv.decision_label": ("已作决定（文字）", "decision_label"),
    "csv.agrees_label": ("与决定是否一致（文字）", "agrees_label"),
    "no_cases_in_folder_but_workbooks": (
        "文件夹中没有案件文件（{suffixes}）；其中的 Excel 工作簿不会自动读取，要读取登记表请直接给出它的路径，如 "
        "zgrongcuo check 文件夹/台账.xlsx。",
        "the folder holds no case files ({suffixes}); the workbooks in it are not read unasked: name a register "
        "itself, e.g. zgrongcuo check folder/register.xlsx.",
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
        "判定规则 {number}（{outcome}）在任何回答下都不成立（{method}）。",
        "outcome rule {number} ({outcome}) is true for no answers at all ({method}).",
    ),
    "lint.rule_shadowed": (
        "判定规则 {number}（{outcome}）永远不会生效：凡它成立时，前面总有一条规则已经成立（{method}）。",
        "outcome rule {number} ({outcome}) can never fire: whenever it is true, an earlier rule is true already ({method}).",
    ),
    "lint.rule_search_incomplete": (
        "判定规则 {number}（{outcome}）是否会生效未能查清：检查了 {count} 种回答组合后停止。",
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
    "cli.opt.criteria_several": (
        "标准文件的路径，或内置办法的名称（见 criteria list）；可多次给出，每个案件逐一对照各办法；默认：内置的秭归县 2018 年办法。",
        "Criteria file, or the name of a bundled measure (see criteria list); may be given several times to check each case against each; default: the bundled Zigui 2018 measure.",
    ),
    "cli.opt.lang": ("输出和帮助的语言：zh 或 en（也可设 ZGRONGCUO_LANG）。", "Language of output and help: zh or en (also ZGRONGCUO_LANG)."),
    "cli.opt.format": ("输出格式。", "Output format."),
    "cli.opt.output": (
        "写入此文件而不是标准输出；以 / 结尾的路径或已有的文件夹：写入其中，以案件编号命名（多个案件的 markdown、html、docx 报告每件一个文件，另附汇总）。",
        "Write to this file instead of standard output; a path ending with / or an existing folder: into it, named after the case id (reports of several cases: one file each, and a summary).",
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
        "用 -o 时，多个案件的 markdown、html、docx 报告写入一个文件夹，每件一个文件（以案件编号命名，否则以文件名命名），另附汇总；"
        "xlsx 把全部案件写入一个工作簿（台账和汇总）。文件夹中的 .xlsx 不读取，登记表须直接给出。",
        "With -o, markdown, html and docx reports of several cases go into a folder, one file per case (named by case id, else by file name) and a summary; "
        "xlsx writes every case into one workbook (the register and its summary). Workbooks in a folder are not read: give a register itself.",
    ),
    "cli.exit_codes": (
        "退出码：0 结论均有利；1 有不利结论（不予容错、不符合情形等，属正常结果）；3 有信息不足的案件；2 用法错误、文件无法读取或输出无法写入；70 程序内部错误；130 被中断；143 被终止（SIGTERM）。",
        "Exit codes: 0 every outcome favourable; 1 some outcome unfavourable (a normal result); 3 some case undetermined; 2 usage error, a file that cannot be read or output that cannot be written; 70 internal error; 130 interrupted; 143 terminated (SIGTERM).",
    ),
    "cli.arg.cases": (
        "案件文件（.yaml、.yml、.json）、存放案件文件的文件夹、案件登记表（.xlsx，每行一件），或 -（标准输入）。",
        "Case files (.yaml, .yml, .json), folders of them, registers (.xlsx, a case per row), or - for standard input.",
    ),
    "cli.opt.detail": (
        "文本输出：逐项列出每个情形的全部要件、前提条件、底线和回答（默认只显示一屏的摘要）。",
        "Text: every element of every situation, the preconditions, bottom lines and answers in full tables (default: a one-screen summary).",
    ),
    "cli.opt.quiet": (
        "不显示提示（如“已写入”、按 GB18030 读取的提示）；错误照常显示。",
        "No notices (such as 'wrote …' or a file read as GB18030); errors are still shown.",
    ),
    "cli.opt.ask_quiet": (
        "不显示提示（如“已写入”、按 GB18030 读取的提示）；问题、保存位置和继续的命令、错误照常显示。",
        "No notices (such as 'wrote …' or a file read as GB18030); the questions, where the answers are kept, the "
        "resume command and errors are still shown.",
    ),
    "cli.opt.jobs": ("批量处理时的工作进程数（0：每个 CPU 核一个）。", "Worker processes for a batch (0: one per core)."),
    "cli.opt.explain": (
        "JSON 和 JSONL：加上 counterfactuals，即什么会改变结论（文本和报告总会显示）。",
        "JSON and JSONL: add `counterfactuals`, what would change the outcome (text and reports always show it).",
    ),
    "cli.ask": ("访谈：逐题提问，并输出初筛结论。", "Interview a person, question by question, and print the determination."),
    "cli.ask_more": (
        "只问回答后仍可能改变结论的问题；结论与 check 的输出完全相同，退出码也相同。"
        "回答总会保存：默认存入当前文件夹的新文件（以案件编号命名），开始和结束时都会显示路径；中断时保存为草稿。",
        "Only questions whose answer can still change the outcome are asked; the determination is printed exactly "
        "as check prints it, with check's exit codes. The answers are always kept: by default in a new file in the "
        "current folder named after the case id, whose path is shown at the start and the end; a draft if the "
        "interview stops early.",
    ),
    "cli.ask_exit_codes": (
        "退出码：与 check 相同（0 有利；1 不利；3 信息不足）；2 用法错误、无法保存或输入已用完（草稿已保存）；130 被中断（草稿已保存）。",
        "Exit codes: as check (0 favourable; 1 unfavourable; 3 undetermined); 2 usage error, a file that cannot be "
        "saved, or input that ran out (the draft is saved); 130 interrupted (the draft is saved).",
    ),
    "cli.opt.case": (
        "从这个案件文件（完整或部分）继续：只问尚未回答的问题，以及回答为“不确定”、仍可能改变结论的问题；结束时直接更新此文件。",
        "Resume this case file (complete or partial): ask what is unanswered, and what was answered unknown and can "
        "still change the outcome; the file is updated in place at the end.",
    ),
    "cli.opt.save": (
        "把回答、案件信息和备注保存到这个案件文件（.yaml 或 .json）。默认：继续的 --case 文件，否则当前文件夹中以案件编号命名的新文件。",
        "Save the answers, metadata and notes to this case file (.yaml, or .json). Default: the --case file being "
        "resumed, else a new file in the current folder named after the case id.",
    ),
    "cli.opt.no_save": (
        "不保存案件文件（中途中断时仍保存草稿）。",
        "Save no case file (a draft is still kept if the interview stops early).",
    ),
    "cli.opt.ask_force": (
        "--save 或 -o 的文件已存在时，在结束时覆盖它（不加此项则访谈开始前即拒绝）。",
        "Replace an existing --save or -o file at the end (without it, the interview refuses to start).",
    ),
    "cli.opt.all": (
        "所有问题都问（多个办法时，为各办法的全部问题），包括已不能改变结论的问题，以及回答为“不确定”的问题（完整记录）。",
        "Ask every question (of every measure, when several), even those that can no longer change the outcome, and "
        "those answered unknown (a complete record).",
    ),
    "cli.opt.meta": (
        "开始时询问缺少的案件编号、标题、当事人和基本案情（默认：新案件询问，用 --case 继续时不问）。",
        "Ask for a missing case id, title, subject and summary at the start (default: for a new case, not when resuming with --case).",
    ),
    "cli.similar": (
        "找出与一个案件最相近的已决案件：默认在随工具提供的公开案例中找，或用 --in 指定本单位的案件文件夹。",
        "Find the decided cases nearest to a case: among the published cases shipped with the tool, or in your own folders with --in.",
    ),
    "cli.similar_more": (
        "已决案件是带 decision: 块的案件文件。相似度只看双方都已回答的问题：是否题的答案、多选题的每个选项（选或不选）各算一项；"
        "所选办法（--criteria，默认全部内置办法）的判定规则检验的问题和选项权重为 1，规则不检验的为 0.1，两案都未选的选项按四分之一算；任一方未回答或不确定的问题不计入，既不算相同也不算不同。"
        "相似度 =（相同项的权重 + 1）÷（比较项的权重 + 2），没有可比较的问题时为 50%。每个结果列出不同之处、决定及其来源。"
        "公开案例依据各自的办法作出，仅供参照，不是裁决。",
        "Decided cases are case files with a decision: block. Only questions both cases answer count: a yes/no answer, and each option of a list (chosen or not), is one item; "
        "items the rules of the measures weighed (--criteria, default every bundled one) test weigh 1, others 0.1, an option neither case chose a quarter of that; a question unanswered or unknown on either side counts neither as alike nor as different. "
        "Similarity = (weight alike + 1) / (weight compared + 2): 50% when nothing can be compared. Each result lists the differences, the decision and its source. "
        "Published cases were decided under their own measures: for reference, not rulings.",
    ),
    "cli.similar_exit": (
        "退出码：0 完成；2 案件文件无法读取（其余文件仍会比较）或用法错误。",
        "Exit codes: 0 done; 2 a case file could not be read (the others are still compared) or a usage error.",
    ),
    "cli.arg.similar_case": ("要比较的案件文件（- 为标准输入）。", "The case file to compare (- for standard input)."),
    "cli.opt.similar_in": (
        "在这个文件夹（或文件）的已决案件中找，可多次给出；默认：随工具提供的公开案例。",
        "Search the decided cases in this folder (or file); may be given several times; default: the published cases shipped with the tool.",
    ),
    "cli.opt.precedents": (
        "结论之后再列出最相近的三件公开案例（仅文字输出的单个案件；案例依据各自的办法作出，仅供参照）。",
        "After the outcome, show the three nearest published cases (text output of a single case only; they were decided under their own measures: for reference).",
    ),
    "precedents_text_only": (
        "--precedents 只用于文字输出到屏幕的单个案件；其他情况请用 zgrongcuo similar。",
        "--precedents is for a single case shown as text on the screen; otherwise use zgrongcuo similar.",
    ),
    "cli.opt.top": ("列出最相近的 N 件（默认 5）。", "Show the N nearest (default 5)."),
    "cli.criteria_list": ("列出随工具提供的办法：名称、标题、层级、发文机关、施行日期和来源。", "List the measures shipped with the tool: name, title, level, issuer, dates in force and source."),
    "cli.criteria_list_more": (
        "名称可直接用于 --criteria（可多次给出，逐一对照）；--format json 供脚本读取。",
        "A name can be given to --criteria (several times, to compare); --format json is for scripts.",
    ),
    "list.title": ("标题：", "Title: "),
    "list.level": ("层级：", "Level: "),
    "list.issuer": ("发文：", "Issued by: "),
    "list.effective": ("施行：", "In force: "),
    "list.effective_note": ("日期依据：", "Dates: "),
    "list.source": ("来源：", "Source: "),
    "list.default": ("（默认）", " (default)"),
    "list.dates": ("{start} 至 {end}", "{start} to {end}"),
    "list.dates_unknown": ("来源未载明", "not stated by the source"),
    "list.date_unknown": ("未载明", "not stated"),
    "list.still": ("今（未见废止）", "now (no repeal known)"),
    "list.how": (
        "用法：zgrongcuo check 案件.yaml --criteria zigui-2018 --criteria wenze-2019（同一案件逐一对照几个办法）。",
        "Use: zgrongcuo check case.yaml --criteria zigui-2018 --criteria wenze-2019 (one case against several measures).",
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
    "cli.missing_command": ("缺少命令。", "missing command."),
    "cli.install_completion": (
        "为当前的 shell 安装命令补全（按 Tab 补全命令、选项、办法名称和输出格式）。",
        "Install completion for the current shell (Tab completes commands, options, measure names and formats).",
    ),
    "cli.completion_installed": (
        "已为 {shell} 安装命令补全：{path}。重新打开终端后生效。",
        "Completion for {shell} installed in {path}; it takes effect in a new terminal.",
    ),
    "completion_no_profile": (
        "找不到 {shell} 的用户配置文件（$PROFILE）：{detail}。可用 --show-completion {shell} 显示补全脚本并自行加入，见 docs/completion.md。",
        "the {shell} user profile ($PROFILE) was not found: {detail}. --show-completion {shell} prints the script to add yourself; see docs/completion.md.",
    ),
    "completion_unsupported": (
        "无法识别当前的 shell，或不支持它（支持 bash、zsh、fish 和 PowerShell）。可用 --show-completion SHELL 显示补全脚本并自行安装，见 docs/completion.md。",
        "the current shell was not recognised or is not supported (bash, zsh, fish and PowerShell are). --show-completion SHELL prints the script to install yourself; see docs/completion.md.",
    ),
    "cli.show_completion": (
        "显示当前 shell 的补全脚本，供复制或自行安装。",
        "Show the completion script for the current shell, to copy it or install it yourself.",
    ),
}


def labels_of(msg_id: str) -> dict[str, str]:
    """A catalogue sentence in every language, as a measure's labels are kept: {"zh": ..., "en": ...}."""
    zh, en = _CATALOGUE[msg_id]
    return {"zh": zh, "en": en}


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
