"""Help texts say what each command does with an option, not what another command does with it."""

import pytest
from typer.testing import CliRunner

from zgrongcuo.cli import app

runner = CliRunner()


def option_help(command: list[str], option: str, lang: str) -> str:
    """The help of ``option`` in ``command --help``, its lines joined."""
    result = runner.invoke(app, [*command, "--help", "--lang", lang], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    start = next(i for i, line in enumerate(lines) if line.lstrip().startswith(option))
    words = [lines[start].split("  ", 2)[-1].strip() if "  " in lines[start].strip() else ""]
    for line in lines[start + 1 :]:
        if not line.startswith(" " * 6) or line.lstrip().startswith("-"):
            break
        words.append(line.strip())
    return "".join(words) if lang == "zh" else " ".join(words)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_similar_says_it_weighs_by_every_bundled_measure_by_default(lang):
    said = option_help(["similar"], "--criteria", lang)
    assert ("全部内置办法" in said) if lang == "zh" else ("every bundled measure" in said)
    assert "秭归" not in said and "Zigui" not in said


@pytest.mark.parametrize("command", [["similar"], ["template"], ["schema"]])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_commands_that_write_one_file_say_nothing_of_folders(command, lang):
    said = option_help(command, "-o, --output", lang)
    assert "文件夹" not in said and "folder" not in said
    if command != ["similar"]:
        criteria = option_help(command, "--criteria", lang)
        assert "每个案件逐一对照" not in criteria and "check each case" not in criteria


def test_check_and_ask_say_what_a_folder_gets():
    for command in (["check"], ["ask"]):
        assert "以 / 结尾" in option_help(command, "-o, --output", "zh")
        assert "ending with /" in option_help(command, "-o, --output", "en")


def test_the_interview_calls_the_numbers_it_asks_for_what_they_are():
    # 编号 is an id (案件编号, 选项编号 in a case file); what is typed at a question is the option's 序号.
    from zgrongcuo.text.catalogue import text

    for msg_id in ("ask.prompt_set", "ask.hint_set", "ask.intro"):
        words = text(msg_id, "zh", title="x")
        assert "序号" in words and "编号" not in words.replace("案件编号", "")
