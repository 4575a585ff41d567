"""Reading written accounts: text, Markdown, web pages, Word documents and case files; hostile files refused."""

import io
import os
import zipfile

import pytest

from zgrongcuo.errors import CaseError
from zgrongcuo.io import accounts, criteria_builder
from zgrongcuo.io.accounts import html_words, markdown_words

CRITERIA = criteria_builder.load()


def read(path, **options):
    return accounts.read(str(path), CRITERIA, **options)


def refused(path, **options) -> CaseError:
    with pytest.raises(CaseError) as caught:
        read(path, **options)
    assert caught.value.file == str(path)
    return caught.value


def test_text_is_read_as_utf8_and_its_name_kept(write):
    source = read(write("材料/情况说明.txt", "经查，未谋取私利。\n第二段。"))
    assert source.account.name == "情况说明.txt"
    assert source.account.blocks == ("经查，未谋取私利。", "第二段。")
    assert source.notices == [] and source.case is None


def test_gb18030_is_read_with_a_warning_and_a_bom_decides(write):
    source = read(write("a.txt", "经查，未谋取私利。".encode("gb18030")))
    assert source.account.blocks == ("经查，未谋取私利。",)
    assert [n.msg_id for n in source.notices] == ["read_as_gb18030"]
    utf16 = read(write("b.txt", "\ufeff集体研究".encode("utf-16-le")))
    assert utf16.account.blocks == ("集体研究",)


def test_markdown_loses_its_marks_and_keeps_its_words():
    text = "# 情况说明\n\n> **经查**，该项目经[党委会](http://x)集体研究。\n- 未*谋取*私利\n```\ncode\n```\n| 项目 | 情况 |\n|---|---|\n| 决策 | 集体研究 |"
    words = markdown_words(text)
    assert "经查，该项目经党委会集体研究。" in words
    assert "未谋取私利" in words
    assert "http" not in words and "**" not in words and "|" not in words
    assert "决策　集体研究" in words


def test_a_web_page_gives_its_words_without_scripts_or_tags():
    page = "<html><head><title>通报</title><script>var a='谋取私利';</script></head><body><p>经查，未谋取私利&amp;好处。</p><div>第二段<br>第三段</div></body></html>"
    words = html_words(page).split("\n")
    assert words == ["通报", "经查，未谋取私利&好处。", "第二段", "第三段"]


def test_a_file_named_otherwise_that_is_a_page_is_read_as_one(write):
    source = read(write("page.htm", "<p>经查，<b>未</b>谋取私利。</p>"))
    assert source.account.blocks == ("经查，未谋取私利。",)


def _docx(build) -> bytes:
    import docx

    document = docx.Document()
    build(document)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_a_word_document_gives_paragraphs_and_table_cells_in_order(write):
    def build(d):
        d.add_paragraph("情况说明")
        table = d.add_table(rows=2, cols=3)
        table.cell(0, 0).text = "决策程序"
        a = table.cell(0, 1).merge(table.cell(0, 2))
        a.text = "经党委会集体研究"
        table.cell(1, 0).text = "个人利益"
        table.cell(1, 1).text = "无"
        inner = table.cell(1, 2).add_table(rows=1, cols=1)
        inner.cell(0, 0).text = "附：会议纪要"
        d.add_paragraph("以上情况属实。")

    source = read(write("说明.docx", _docx(build)))
    blocks = [b for b in source.account.blocks if b]
    assert blocks == ["情况说明", "决策程序", "经党委会集体研究", "个人利益", "无", "附：会议纪要", "以上情况属实。"]


def test_a_word_document_under_another_name_is_still_read(write):
    source = read(write("说明.txt", _docx(lambda d: d.add_paragraph("经集体研究。"))))
    assert "经集体研究。" in source.account.blocks


def _zip(members: dict[str, bytes], *, compression=zipfile.ZIP_DEFLATED) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=compression) as z:
        for name, data in members.items():
            z.writestr(name, data)
    return out.getvalue()


def test_a_word_bomb_is_refused_before_it_is_unpacked(write):
    # 32 MiB of one byte packs into some 32 KiB: over the ratio (a smaller limit counts the total unpacked too).
    bomb = _zip({"[Content_Types].xml": b"<x/>", "word/document.xml": b"<" + b"a" * (32 << 20)})
    assert len(bomb) < 200_000
    error = refused(write("bomb.docx", bomb))
    assert error.msg_id == "account_docx_bomb"


def test_a_word_document_of_too_many_parts_is_refused(write):
    many = _zip({f"p{i}.xml": b"" for i in range(accounts.MAX_PARTS + 1)}, compression=zipfile.ZIP_STORED)
    assert refused(write("many.docx", many)).msg_id == "account_docx_bomb"


@pytest.mark.parametrize(
    ("data", "msg_id"),
    [
        (_zip({"x.txt": b"hello"}), "account_bad_docx"),  # a zip, but not a Word document
        (b"PK\x03\x04 not really a zip", "account_bad_docx"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, "account_old_office"),
        (b"%PDF-1.7\n...", "account_pdf"),
        (b"{\\rtf1\\ansi ...}", "account_rtf"),
        (b"text\x00with a NUL", "account_binary"),
        (b"not text \xff\xff\xff", "bad_encoding"),
    ],
)
def test_what_is_not_a_readable_account_is_refused_with_a_reason(write, data, msg_id):
    assert refused(write("x.bin", data)).msg_id == msg_id


def test_a_docx_that_is_not_a_zip_is_refused(write):
    assert refused(write("x.docx", "经集体研究")).msg_id == "account_bad_docx"


def test_a_damaged_word_document_is_refused_not_a_crash(write):
    good = _docx(lambda d: d.add_paragraph("经集体研究。"))
    with zipfile.ZipFile(io.BytesIO(good)) as z:
        members = {n: z.read(n) for n in z.namelist()}
    members["word/document.xml"] = b"<w:document><unclosed"
    assert refused(write("x.docx", _zip(members))).msg_id == "account_bad_docx"


def test_size_limits_are_those_of_case_files(write):
    assert refused(write("big.txt", "字" * 400), max_bytes=1000).msg_id == "too_large"
    words = _docx(lambda d: d.add_paragraph("字" * 2000))  # 6,000 bytes of words in some 37,000 on disk
    assert len(words) < 5000 * accounts.DOCX_FACTOR
    assert refused(write("long.docx", words), max_bytes=5000).msg_id == "account_too_long"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_is_not_read(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    assert refused(fifo).msg_id == "not_regular_file"


def test_a_case_file_gives_its_summary_and_itself(write):
    source = read(write("c.yaml", "case:\n  summary: 经查，该项目经集体研究。\nanswers:\n  diligent: 是\n"))
    assert source.account.blocks == ("经查，该项目经集体研究。",)
    assert source.account.name == "c.yaml"
    assert source.case is not None and set(source.case.answers) == {"diligent"}


def test_a_case_file_without_a_summary_is_refused(write):
    error = refused(write("c.yaml", "answers:\n  diligent: 是\n"))
    assert (error.msg_id, error.key) == ("account_no_summary", "case.summary")


def test_a_case_file_with_a_bad_answer_is_refused_as_a_case(write):
    assert refused(write("c.yaml", "case:\n  summary: x\nanswers:\n  diligent: 也许\n")).msg_id == "bad_yesno"
