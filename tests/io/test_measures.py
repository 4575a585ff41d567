"""Bundled measures have names; the default one is zigui-2018, and a wrong name is told which exist."""

import pytest
from conftest import ARTICLE_CASE, ROOT
from typer.testing import CliRunner

from zgrongcuo.cli import app
from zgrongcuo.errors import UsageError
from zgrongcuo.io import criteria_builder, measures

runner = CliRunner()


def test_the_default_measure_is_named_by_its_own_id():
    assert measures.DEFAULT_MEASURE == criteria_builder.load().id == "zigui-2018"
    assert measures.bundled_measures()[measures.DEFAULT_MEASURE] == measures.bundled_path()
    assert list(measures.bundled_measures())[0] == "zigui-2018"
    assert criteria_builder.load("zigui-2018").sha256 == criteria_builder.load().sha256


def test_every_bundled_measure_is_named_by_its_own_id():
    for name, path in measures.bundled_measures().items():
        assert criteria_builder.load(path).id == name, path


def test_a_wrong_name_lists_every_bundled_name_and_suggests_the_nearest():
    with pytest.raises(UsageError) as info:
        measures.resolve("zigui")
    assert info.value.suggestion == "zigui-2018"
    message = info.value.render("zh")
    assert "zigui-2018" in message and "wenze-2019" in message
    assert not message.startswith("-")  # about the command line, not a file: no location in front


def test_the_command_line_says_so_without_a_stray_location():
    result = runner.invoke(app, ["check", str(ARTICLE_CASE), "--criteria", "zigui"])
    assert result.exit_code == 2
    assert result.stderr.startswith("错误：没有名为“zigui”的内置标准（可用：zigui-2018, hubei-2020, wenze-2019）")
    assert runner.invoke(app, ["check", str(ARTICLE_CASE), "--criteria", "zigui-2018"]).exit_code == 0
    assert (ROOT / "criteria.yaml").is_file()
