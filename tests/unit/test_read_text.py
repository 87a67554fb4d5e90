"""Reading text files: encodings detected from evidence, clear errors otherwise."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

import unparse
from unparse.read.text import decode_bytes

ARABIC = "إن الجمعية العامة، إذ تشير إلى قراراتها ٥٥/٢٥ المؤرخ ١٥ تشرين الثاني/نوفمبر ٢٠٠٠\n"
# Windows-1256 has no Eastern digits: legacy files carry Western ones.
WESTERN = ARABIC.translate(str.maketrans("٠١٢٣٤٥٦٧٨٩", "0123456789"))


@pytest.mark.parametrize(
    "data",
    [
        ARABIC.encode("utf-8"),
        codecs.BOM_UTF8 + ARABIC.encode("utf-8"),
        codecs.BOM_UTF16_LE + ARABIC.encode("utf-16-le"),
        codecs.BOM_UTF16_BE + ARABIC.encode("utf-16-be"),
        ARABIC.encode("utf-16-le"),
        WESTERN.encode("cp1256"),
        ARABIC.replace("\n", "\r\n").encode("utf-8"),
    ],
    ids=["utf8", "utf8-bom", "utf16le-bom", "utf16be-bom", "utf16le-nobom", "cp1256", "crlf"],
)
def test_encodings_decode_to_the_same_text(data: bytes) -> None:
    text = decode_bytes(data, "x.txt").replace("\r\n", "\n")
    assert unparse.normalize(text) == unparse.normalize(ARABIC)


def test_iso_8859_6() -> None:
    text = "إن الجمعية العامة، إذ تشير إلى قراراتها\n"
    assert decode_bytes(text.encode("iso8859_6"), "x.txt") == text


def test_binary_and_pdf_given_as_text(tmp_path: Path) -> None:
    with pytest.raises(unparse.BinaryInputError, match="NUL"):
        decode_bytes(b"abc\x00\x01\x02def" * 10, "blob.bin")
    with pytest.raises(unparse.BinaryInputError, match="PNG image"):
        decode_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 20, "scan.txt")


def test_undecodable_names_the_file() -> None:
    with pytest.raises(unparse.EncodingError) as info:
        decode_bytes(bytes(range(128, 256)) * 4, "legacy.txt")
    assert "legacy.txt" in str(info.value)
    assert "UTF-8" in str(info.value)


def test_truncated_utf8() -> None:
    data = ARABIC.encode("utf-8")[:-2]
    with pytest.raises(unparse.EncodingError, match="cut off"):
        decode_bytes(data, "cut.txt")


def test_file_errors(tmp_path: Path) -> None:
    with pytest.raises(unparse.InputFileError, match="no such file"):
        unparse.parse(tmp_path / "missing.txt")
    with pytest.raises(unparse.InputFileError, match="directory"):
        unparse.parse(tmp_path)
    big = tmp_path / "big.txt"
    big.write_text("ا" * 2000, encoding="utf-8")
    with pytest.raises(unparse.InputTooLargeError, match="max_bytes"):
        unparse.parse(big, unparse.Options(max_bytes=1000))


def test_parse_reads_a_legacy_file(tmp_path: Path) -> None:
    path = tmp_path / "legacy.txt"
    path.write_bytes(WESTERN.encode("cp1256"))
    assert unparse.parse(path).text == unparse.normalize(ARABIC)


def test_a_few_nuls_of_unmapped_glyphs_are_read(tmp_path: Path) -> None:
    # pdfminer's text of a Chromium PDF: one NUL for a glyph without a Unicode mapping.
    path = tmp_path / "pdfminer.txt"
    line = "وإذ تؤكد من جديد الإعلان العالمي، الذي يعلن أن جميع الناس يولدون أحرارا\n" * 30
    path.write_bytes((line + "الكر\x00امة\n").encode("utf-8"))
    doc = unparse.parse(path)
    assert "الكرامة" in doc.text and "\x00" not in doc.text
    assert any(f.kind == "invisible_controls" for f in doc.fixes)
