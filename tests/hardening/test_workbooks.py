"""Workbooks made to harm: refused before openpyxl parses them, or read safely (docs/security.md, "读取工作簿")."""

from __future__ import annotations

import zipfile

import pytest
from workbooks import lying_sizes, parts_of, patched, read_cases, register, saved_value, with_part, zipped

from zgrongcuo.io import workbook
from zgrongcuo.io.questions import load_measures, questions

ZIGUI = questions(load_measures((None,)))


def outcome(path, **options):
    """What reading gives: the message ids of the errors, and the cases."""
    rows = read_cases(path, ZIGUI, **options)
    return [e.msg_id for _, _, e in rows if e is not None], [c for _, c, _ in rows if c is not None]


@pytest.fixture
def plain(tmp_path):
    return register(tmp_path / "plain.xlsx", [["案件编号", "谋取私利"], ["A", "否"]])


def parsed_by_openpyxl(monkeypatch):
    """Fail the test if openpyxl is asked to parse the workbook: the checks come first."""
    import openpyxl

    def refuse(*args, **kwargs):
        raise AssertionError("openpyxl parsed a workbook that the package checks should have refused")

    monkeypatch.setattr(openpyxl, "load_workbook", refuse)


def test_a_zip_bomb_is_refused_by_its_declared_size_before_anything_is_unpacked(tmp_path, plain, monkeypatch):
    parsed_by_openpyxl(monkeypatch)
    # 2 GiB of zeros packs into a couple of megabytes; 256 MiB is enough to pass every limit but the part's.
    bomb = tmp_path / "bomb.xlsx"
    parts = parts_of(plain)
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)
        with z.open("xl/sharedStrings.xml", "w", force_zip64=True) as part:
            chunk = bytes(1 << 20)
            for _ in range(workbook.MAX_PART_BYTES // len(chunk) + 1):
                part.write(chunk)
    assert bomb.stat().st_size < 2 * workbook.MAX_PART_BYTES // 100  # a bomb: small on disk
    errors, cases = outcome(bomb)
    assert errors == ["workbook_part_too_large"] and cases == []


def test_parts_together_beyond_the_limit_are_refused(tmp_path, plain, monkeypatch):
    monkeypatch.setattr(workbook, "MAX_UNPACKED_BYTES", 40_000)
    parsed_by_openpyxl(monkeypatch)
    with_part(plain, "xl/media/a.bin", bytes(30_000))
    with_part(plain, "xl/media/b.bin", bytes(30_000))
    assert outcome(plain)[0] == ["workbook_too_large_unpacked"]


def test_a_part_that_declares_less_than_it_holds_is_cut_off_and_refused(tmp_path, plain, monkeypatch):
    parsed_by_openpyxl(monkeypatch)
    liar = tmp_path / "liar.xlsx"
    liar.write_bytes(lying_sizes(plain.read_bytes(), "xl/worksheets/sheet1.xml", 100))
    assert outcome(liar)[0] == ["workbook_broken"]


def test_too_many_parts_are_refused(tmp_path, plain, monkeypatch):
    monkeypatch.setattr(workbook, "MAX_PARTS", 20)
    parsed_by_openpyxl(monkeypatch)
    for n in range(20):
        with_part(plain, f"xl/media/{n}.bin", b"x")
    assert outcome(plain)[0] == ["workbook_too_many_parts"]


@pytest.mark.parametrize("part", ["xl/sharedStrings.xml", "xl/worksheets/sheet1.xml", "docProps/custom.xml"])
def test_xml_entities_are_refused_wherever_they_are(tmp_path, plain, monkeypatch, part):
    parsed_by_openpyxl(monkeypatch)
    laughs = '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]><sst>&lol2;</sst>'
    parts = parts_of(plain)
    parts[part] = laughs.encode()
    bad = tmp_path / "laughs.xlsx"
    bad.write_bytes(zipped(parts))
    assert outcome(bad)[0] == ["workbook_doctype"]


def test_an_external_entity_is_refused_too(tmp_path, plain):
    patched(plain, "xl/worksheets/sheet1.xml", lambda xml: '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>' + xml)
    assert outcome(plain)[0] == ["workbook_doctype"]


def test_encrypted_and_old_format_workbooks_say_what_to_do(tmp_path, plain):
    old = tmp_path / "old.xlsx"
    old.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(512))  # .xls, or any workbook with a password
    assert outcome(old)[0] == ["workbook_ole"]
    data = bytearray(plain.read_bytes())
    data[6] |= 0x1  # the first part's "encrypted" flag, in its local header and in the central directory
    data[data.find(b"PK\x01\x02") + 8] |= 0x1
    locked = tmp_path / "locked.xlsx"
    locked.write_bytes(bytes(data))
    assert outcome(locked)[0] == ["workbook_encrypted"]


@pytest.mark.parametrize(
    ("content", "msg_id"),
    [(b"", "workbook_not_zip"), (b"case:\n  id: x\n", "workbook_not_zip"), (b"PK\x03\x04garbage", "workbook_not_zip")],
)
def test_what_is_not_a_workbook_is_said_to_be_not_one(tmp_path, content, msg_id):
    path = tmp_path / "not.xlsx"
    path.write_bytes(content)
    assert outcome(path)[0] == [msg_id]


def test_a_word_document_named_xlsx_is_not_a_workbook(tmp_path):
    from zgrongcuo.render.word import template_bytes

    path = tmp_path / "report.xlsx"
    path.write_bytes(template_bytes())
    assert outcome(path)[0] == ["workbook_not_zip"]


def test_a_broken_sheet_is_an_error_not_a_crash(tmp_path, plain):
    patched(plain, "xl/worksheets/sheet1.xml", lambda xml: xml.replace("</sheetData>", "<row><c r=", 1))
    assert outcome(plain)[0] == ["workbook_broken"]


def test_the_file_on_disk_has_a_size_limit(tmp_path, plain, monkeypatch):
    monkeypatch.setattr(workbook, "MAX_WORKBOOK_BYTES", 1000)
    assert outcome(plain)[0] == ["too_large"]


def test_a_sheet_whose_declared_size_is_stale_is_read_to_its_end(tmp_path):
    path = register(tmp_path / "stale.xlsx", [["案件编号", "谋取私利"], *[[str(n), "否"] for n in range(1, 11)]])
    patched(path, "xl/worksheets/sheet1.xml", lambda xml: xml.replace('<dimension ref="A1:B11"/>', '<dimension ref="A1:B2"/>'))
    assert [c.meta["id"] for c in outcome(path)[1]] == [str(n) for n in range(1, 11)]


def test_a_cell_at_the_far_right_costs_nothing_and_is_not_read(tmp_path):
    def build(wb, ws):
        for row in range(2, 2000):
            ws.cell(row=row, column=16_000, value="x")

    path = register(tmp_path / "wide.xlsx", [["案件编号", "谋取私利"], ["A", "否"]], build=build)
    errors, cases = outcome(path)
    assert errors == [] and [c.meta["id"] for c in cases] == ["A"]


def test_formulas_never_run_and_links_to_other_workbooks_are_not_followed(tmp_path):
    path = register(tmp_path / "links.xlsx", [["案件编号", "谋取私利"], ["A", "='[other.xlsx]Sheet1'!A1"], ["B", '=WEBSERVICE("http://x")']])
    saved_value(path, "B3", "否", "str")
    with_part(path, "xl/externalLinks/externalLink1.xml", b'<externalLink xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>')
    rows = read_cases(path, ZIGUI)
    assert rows[0][2].msg_id == "sheet_formula_external"
    assert rows[1][1].answers["private_gain"].value is False  # the value saved with it; nothing is fetched


def test_an_xlsm_is_read_as_data_and_its_macros_never_run(tmp_path):
    path = register(tmp_path / "macro.xlsm", [["案件编号", "谋取私利"], ["A", "否"]])
    with_part(path, "xl/vbaProject.bin", b"Attribute VB_Name = \"AutoOpen\"\nShell \"calc\"")
    errors, [case] = outcome(path)
    assert errors == [] and [n.msg_id for n in case.notices] == ["sheet_macros"]


def test_hostile_workbooks_never_raise_anything_but_the_tools_errors(tmp_path, plain):
    """Every truncation and byte flip of a workbook is read or refused with a message, never an exception."""
    data = plain.read_bytes()
    cuts = [data[:n] for n in range(0, len(data), 97)]
    flips = []
    for n in range(0, len(data), 211):
        flipped = bytearray(data)
        flipped[n] ^= 0xFF
        flips.append(bytes(flipped))
    for n, content in enumerate(cuts + flips):
        path = tmp_path / f"h{n}.xlsx"
        path.write_bytes(content)
        rows = read_cases(path, ZIGUI)  # raises only if something escaped the checks
        assert rows and all((case is None) != (error is None) for _, case, error in rows)


def test_reading_a_workbook_leaves_openpyxl_silent(tmp_path, recwarn):
    def build(wb, ws):
        from openpyxl.worksheet.datavalidation import DataValidation

        ws.add_data_validation(DataValidation(type="list", formula1='"是,否"'))

    path = register(tmp_path / "v.xlsx", [["案件编号", "谋取私利"], ["A", "否"]], build=build)
    assert outcome(path)[0] == []
    assert not [w for w in recwarn if "openpyxl" in str(w.filename)]


def test_a_row_numbered_beyond_excels_last_is_refused_before_rows_are_counted_up_to_it(tmp_path, plain):
    patched(plain, "xl/worksheets/sheet1.xml", lambda xml: xml.replace("</sheetData>", '<row r="999999999"/></sheetData>'))
    assert outcome(plain)[0] == ["workbook_broken"]


def test_the_command_refuses_a_bomb_with_a_message_and_goes_on_with_the_other_cases(tmp_path, plain):
    from hardening.adversary import ARTICLE_CASE, invoke

    bomb = tmp_path / "bomb.xlsx"
    parts = parts_of(plain)
    parts["xl/sharedStrings.xml"] = b"<!DOCTYPE x [<!ENTITY a 'aaaa'>]><sst>&a;</sst>"
    bomb.write_bytes(zipped(parts))
    result = invoke("check", bomb, ARTICLE_CASE, "--format", "jsonl")
    assert result.returncode == 2
    message = result.stderr.decode()
    assert "DOCTYPE or ENTITY" in message and "Traceback" not in message
    assert result.stdout.decode().count('"outcome": "exempt"') == 1  # the case after it was checked
