"""The Word draft is a 公文 draft (GB/T 9704-2012): page, margins, faces, language, page numbers, and no jargon."""

import re
import zipfile

import pytest
from conftest import ARTICLE_CASE, EXAMPLES
from typer.testing import CliRunner

from zgrongcuo.cli import app

pytest.importorskip("docx")

runner = CliRunner()
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.fixture(scope="module")
def draft(tmp_path_factory):
    out = tmp_path_factory.mktemp("word") / "draft.docx"
    result = runner.invoke(app, ["check", str(ARTICLE_CASE), "--format", "docx", "-o", str(out)])
    assert result.exit_code == 0, result.output
    with zipfile.ZipFile(out) as package:
        return {name: package.read(name).decode("utf-8") for name in package.namelist() if name.endswith(".xml")}


def attributes(xml: str, tag: str) -> dict[str, str]:
    """The attributes of the first ``w:tag`` element, without the namespace prefix."""
    found = re.search(rf"<w:{tag}\b([^>]*)/?>", xml)
    assert found, tag
    return dict(re.findall(r'w:(\w+)="([^"]*)"', found.group(1)))


def style(styles: str, style_id: str) -> str:
    found = re.search(rf'<w:style [^>]*w:styleId="{style_id}".*?</w:style>', styles, re.DOTALL)
    assert found, style_id
    return found.group(0)


def test_a4_portrait_with_the_margins_of_the_standard(draft):
    document = draft["word/document.xml"]
    assert attributes(document, "pgSz") == {"w": "11906", "h": "16838"}  # A4 portrait, in twentieths of a point
    margins = attributes(document, "pgMar")
    mm = {side: round(int(margins[side]) / 1440 * 25.4) for side in ("top", "bottom", "left", "right")}
    assert mm == {"top": 37, "bottom": 35, "left": 28, "right": 26}


def test_faces_and_sizes_of_title_body_and_headings(draft):
    styles = draft["word/styles.xml"]
    defaults = styles[styles.index("<w:docDefaults>") : styles.index("</w:docDefaults>")]
    assert attributes(defaults, "rFonts")["eastAsia"] == "仿宋_GB2312"
    assert attributes(defaults, "sz") == {"val": "32"}  # 三号, 16 pt
    title = style(styles, "Title")
    assert attributes(title, "rFonts")["eastAsia"] == "方正小标宋简体" and attributes(title, "sz") == {"val": "44"}  # 二号
    assert attributes(title, "jc") == {"val": "center"}
    assert attributes(style(styles, "Heading1"), "rFonts")["eastAsia"] == "黑体"
    assert attributes(style(styles, "Heading2"), "rFonts")["eastAsia"] == "楷体_GB2312"
    assert attributes(style(styles, "Normal"), "ind")["firstLineChars"] == "200"  # two characters in


def test_the_east_asian_language_is_chinese_and_fallbacks_are_named(draft):
    styles = draft["word/styles.xml"]
    assert attributes(styles, "lang")["eastAsia"] == "zh-CN"
    assert "ja-JP" not in "".join(draft.values())
    fonts = draft["word/fontTable.xml"]
    for face, stand_in in (("仿宋_GB2312", "仿宋"), ("方正小标宋简体", "华文中宋"), ("楷体_GB2312", "楷体")):
        assert re.search(rf'<w:font w:name="{face}"><w:altName w:val="{stand_in}"/>', fonts), face


def test_page_numbers_between_em_dashes_outside_odd_right_even_left(draft):
    assert "<w:evenAndOddHeaders/>" in draft["word/settings.xml"]
    for part, side in (("word/footer1.xml", "right"), ("word/footer2.xml", "left")):
        footer = draft[part]
        assert "— </w:t>" in footer and "PAGE" in footer and "> —</w:t>" in footer
        assert attributes(footer, "jc") == {"val": side}
    assert 'w:type="even"' in draft["word/document.xml"]


def test_a_chinese_draft_has_no_codes_paths_or_tool_jargon(draft):
    body = "".join(re.findall(r"<w:t[^>]*>([^<]*)</w:t>", draft["word/document.xml"]))
    assert body.startswith("关于ZG-2014-57") and "初筛意见（草稿）" in body
    assert "初筛结论：建议容错免责（免予责任追究）。" in body and "理由：符合情形二" in body
    for jargon in ("exempt", "S2", "sha256", "zgrongcuo", "examples/", ".yaml", "判定规则", "(", ")"):
        assert jargon not in body, jargon


def test_the_summary_of_a_batch_is_a_draft_too(tmp_path):
    folder = tmp_path / "reports"
    result = runner.invoke(app, ["check", str(EXAMPLES), "--format", "docx", "-o", str(folder)])
    assert result.exit_code == 1, result.output
    with zipfile.ZipFile(folder / "summary.docx") as package:
        document = package.read("word/document.xml").decode("utf-8")
    body = "".join(re.findall(r"<w:t[^>]*>([^<]*)</w:t>", document))
    assert "容错免责初筛汇总" in body and "建房户意外伤害保险文件" in body
    assert attributes(document, "pgSz") == {"w": "11906", "h": "16838"}


def _paragraphs(path) -> list[str]:
    import docx

    return [p.text for p in docx.Document(str(path)).paragraphs]


def test_a_warning_stands_beside_the_result_it_qualifies_and_labels_are_for_people(tmp_path):
    case = tmp_path / "dated.yaml"
    case.write_text(
        ARTICLE_CASE.read_text(encoding="utf-8").replace("case:\n", 'case:\n  conduct_date: "2014-06-01"\n', 1), encoding="utf-8"
    )
    out = tmp_path / "draft.docx"
    args = ["check", str(case), "--criteria", "zigui-2018", "--criteria", "wenze-2019", "--format", "docx", "-o", str(out)]
    result = runner.invoke(app, args)
    assert result.exit_code in (0, 3), result.output
    paragraphs = _paragraphs(out)
    first_section = next(i for i, p in enumerate(paragraphs) if p.startswith("一、"))
    warning = next(i for i, p in enumerate(paragraphs) if "早于" in p)
    assert warning < first_section  # on the first page, under the result of the measure it concerns
    assert "问责条例" in paragraphs[warning - 1] or "问责条例" in paragraphs[warning - 2]
    body = "\n".join(paragraphs)
    assert "YYYY" not in body and "行为发生日期：2014年6月1日" in body


def test_no_report_coaches_toward_an_outcome(tmp_path):
    # What would change the outcome is worded as what the outcome rests on, in every report.
    case = EXAMPLES / "s2-collective-shares-loss-beyond-tolerance.yaml"
    for fmt in ("markdown", "html", "docx"):
        out = tmp_path / f"r.{fmt}"
        assert runner.invoke(app, ["check", str(case), "--format", fmt, "-o", str(out)]).exit_code == 1
        shown = "\n".join(_paragraphs(out)) if fmt == "docx" else out.read_text(encoding="utf-8")
        assert "结论所依据的认定" in shown
        assert "什么会改变结论" not in shown and "变为有利" not in shown


def test_a_title_that_ends_in_wenti_does_not_say_it_twice(tmp_path):
    case = tmp_path / "t.yaml"
    case.write_text(
        ARTICLE_CASE.read_text(encoding="utf-8").replace("  title: ", "  title: 某镇安置房项目问题 #", 1), encoding="utf-8"
    )
    out = tmp_path / "t.docx"
    assert runner.invoke(app, ["check", str(case), "--format", "docx", "-o", str(out)]).exit_code == 0
    title = _paragraphs(out)[0]
    assert "项目问题的容错免责初筛意见（草稿）" in title and title.count("问题") == 1
