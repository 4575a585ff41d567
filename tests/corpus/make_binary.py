"""Write the corpus files whose bytes matter: encodings, byte-order marks and binary garbage.

Run it from anywhere (`python tests/corpus/make_binary.py`); it rewrites the
files in cases/. The test suite checks that the committed files are exactly
what this script writes, so the two cannot drift apart.
"""

from __future__ import annotations

import codecs
import hashlib
from pathlib import Path

CASES = Path(__file__).resolve().parent / "cases"

# A complete case of the bundled measure (situation 2, no bottom line touched): exempt.
EXEMPT = (
    "case:\n"
    "  id: ZG-编码-1\n"
    "  title: 建房户意外伤害保险文件（秭政办发〔2014〕57号）\n"
    "answers:\n"
    "  context: [reform_innovation]\n"
    "  causes: [pilot]\n"
    "  consequences: [error]\n"
    "  democratic_decision: 是\n"
    "  private_gain: 否\n"
    "  diligent: 是\n"
    "  decision_procedure_followed: 是\n"
    "  knowingly_violated: 否\n"
    "  persisted_after_prohibition: 否\n"
    "  major_liability_accident: 否\n"
    "  serious_consequence: 否\n"
)
# GB18030 reaches characters GBK lacks (U+3400 is four bytes in GB18030).
EXEMPT_GB18030 = EXEMPT.replace("ZG-编码-1", "ZG-㐀-1")


def pseudo_random(n: int, seed: bytes) -> bytes:
    out = b""
    while len(out) < n:
        seed = hashlib.sha256(seed).digest()
        out += seed
    return out[:n]


def files() -> dict[str, bytes]:
    return {
        # good, however they were saved
        "utf8-bom.yaml": codecs.BOM_UTF8 + EXEMPT.encode("utf-8"),
        "utf16le-bom.yaml": codecs.BOM_UTF16_LE + EXEMPT.encode("utf-16-le"),
        "utf16be-bom.yaml": codecs.BOM_UTF16_BE + EXEMPT.encode("utf-16-be"),
        "utf16le-bom-crlf.yaml": codecs.BOM_UTF16_LE + EXEMPT.replace("\n", "\r\n").encode("utf-16-le"),
        "utf32le-bom.yaml": codecs.BOM_UTF32_LE + EXEMPT.encode("utf-32-le"),
        "gbk.yaml": EXEMPT.encode("gbk"),
        "gb18030.yaml": EXEMPT_GB18030.encode("gb18030"),
        "gbk-crlf.json": (
            '{\r\n\t"case": {"title": "建房户意外伤害保险"},\r\n\t"answers": {"context": [], "causes": [], "consequences": []}\r\n}\r\n'
        ).encode("gbk"),
        # bad
        "utf16-no-bom.yaml": EXEMPT.encode("utf-16-le"),
        "utf16-bom-odd-length.yaml": codecs.BOM_UTF16_LE + EXEMPT.encode("utf-16-le") + b"\x00\xd8",
        "utf8-bom-then-latin1.yaml": codecs.BOM_UTF8 + "case:\n  title: Caf\u00e9\n".encode("latin-1"),
        "invalid-utf8-not-gb18030.yaml": b"case:\n  title: \xff\xfe\xff\xff\n",
        "binary-garbage.yaml": pseudo_random(512, b"zgrongcuo"),
        "binary-garbage-no-nul.yaml": bytes(b for b in pseudo_random(600, b"no nul") if b)[:512],
        "word-docx.yaml": b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00" + pseudo_random(200, b"docx"),
        "word-doc.yaml": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 16 + pseudo_random(200, b"doc"),
        "png-renamed.yaml": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + pseudo_random(100, b"png"),
    }


def main() -> None:
    for name, data in files().items():
        (CASES / name).write_bytes(data)


if __name__ == "__main__":
    main()
