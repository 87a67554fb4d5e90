"""The embedded font's glyphs against its ToUnicode map (unparse.read.fonts)."""

from __future__ import annotations

import struct
from pathlib import Path

import unparse
from pdf_helpers import BENCH_PDFS as PDFS
from unparse.read.fonts import (
    NON_LEFT_JOINING,
    _glyph_boxes,
    flat_glyph_codes,
    flat_strokes,
)
from unparse.read.glyphs import Glyph, TextLine, read_line
from unparse.read.pdf import read_pdf_lines

REAL = Path(__file__).resolve().parents[1] / "fixtures" / "real-pdfs"
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "pdf"


def _truetype(boxes: list[tuple[int, int, int, int, int] | None], units: int = 1000) -> bytes:
    """A TrueType program with the tables the reader looks at: each glyph's header
    (contours, xMin, yMin, xMax, yMax), None for a glyph with no outline."""
    glyf = b""
    offsets = [0]
    for box in boxes:
        if box is not None:
            glyf += struct.pack(">hhhhh", *box) + b"\0\0"  # the outline itself is not read
        offsets.append(len(glyf))
    head = bytearray(54)
    struct.pack_into(">H", head, 18, units)
    struct.pack_into(">h", head, 50, 1)  # long loca offsets
    maxp = struct.pack(">LH", 0x00005000, len(boxes))
    loca = struct.pack(f">{len(offsets)}L", *offsets)
    tables = [(b"glyf", glyf), (b"head", bytes(head)), (b"loca", loca), (b"maxp", maxp)]
    out = struct.pack(">LHHHH", 0x00010000, len(tables), 0, 0, 0)
    offset = 12 + 16 * len(tables)
    body = b""
    for tag, data in tables:
        out += struct.pack(">4sLLL", tag, 0, offset + len(body), len(data))
        body += data
    return out + body


def test_a_flat_stroke_on_the_baseline_is_found() -> None:
    program = _truetype(
        [
            None,  # .notdef, no outline
            (1, -10, 0, 126, 62),  # Tajawal's kashida: one stroke, 0 to 62 of 1000
            (2, 60, -190, 413, 440),  # a waw: a bowl and a tail below the baseline
            (1, 20, 200, 300, 260),  # a hyphen: flat, but at mid-height
            (1, 0, -260, 500, -200),  # an underscore: flat, below the baseline
            (-1, 0, 0, 400, 60),  # a composite glyph: not one stroke
        ]
    )
    assert flat_strokes(*_glyph_boxes(program)) == {1}
    assert flat_strokes(*_glyph_boxes(_truetype([None, (1, 0, 0, 250, 120)], units=2048))) == {1}  # 0.06 em


def test_only_letters_that_join_no_next_letter_are_suspects() -> None:
    assert {"و", "ا", "د", "ر", "ة", "ء"} <= NON_LEFT_JOINING
    assert not {"ل", "ب", "س", "ي", "\u0640"} & NON_LEFT_JOINING


def test_a_font_without_a_truetype_program_has_no_flat_codes() -> None:
    class Font:
        fontfile = None

    assert flat_glyph_codes(Font()) == frozenset()


def test_kashida_named_waw_by_the_map_reads_as_a_kashida() -> None:
    # PowerPoint through iLovePDF: Tajawal-Regular's kashida (glyph 271, a flat stroke) is
    # mapped to "و" (Tajawal-Medium, in the same file, maps the same glyph to "ـ").
    path = REAL / "docling-rtl02-egypt-gov-powerpoint-ilovepdf.pdf"
    _lines, facts = read_pdf_lines(path)
    assert facts["glyph_remaps"] == [
        {
            "font": "ASTNQM+Tajawal-Regular",
            "code": 271,
            "mapped": "و",
            "read": "\u0640",
            "glyphs": 197,
        }
    ]
    text = unparse.parse_pdf(path).text
    assert "الصحة" in text and "الصووحة" not in text
    assert "الأولويخت" in text  # the map's other errors (خ for ا) are left as they are


def test_a_ligature_piece_keeps_its_letter() -> None:
    # fpdf2 (Amiri, HarfBuzz): the lam of "لإ" is a flat stroke, its stem drawn by the alef
    # glyph; lam joins the next letter, so the map is trusted.
    path = PDFS / "fpdf2" / "hrc-res-54-12.pdf"
    lines, facts = read_pdf_lines(path)
    assert "glyph_remaps" not in facts
    assert any("كرامة الإنسان" in x.text for x in lines)


def _glyph(text: str, x0: float, x1: float, ink_x1: float | None = None) -> Glyph:
    return Glyph(text, x0, x1, 88.0, 102.0, 100.0, 12.0, "F", 0, ink_x1)


def test_a_joining_stroke_over_a_gap_is_no_space() -> None:
    # Visual order, left to right: "ذ" then "يفنت" (تنفيذ read right to left), 3.5 pt apart;
    # Amiri's final dhal has an advance of 2.1 pt and ink 6 pt wide, reaching over the gap.
    def read(left: Glyph, right: str) -> str:
        rest = [_glyph(c, 234.1 + 3 * k, 237.1 + 3 * k) for k, c in enumerate(right)]
        line = TextLine([left, *rest], 100.0, 12.0)
        return read_line(line, True)

    assert read(_glyph("ذ", 228.5, 230.6, ink_x1=234.4), "يفنت") == "تنفيذ"
    assert read(_glyph("ذ", 228.5, 230.6), "يفنت") == "تنفي ذ"  # no ink known: the gap says
    assert read(_glyph("ذ", 228.5, 230.6, ink_x1=234.4), "وفنت") == "تنفو ذ"  # و joins no next letter


def test_a_word_split_by_its_advance_widths_is_whole() -> None:
    # Our fixture typesetter (HarfBuzz, Amiri): "تنفيذ الاتفاقية" with the final dhal's
    # box 3.5 pt short of the yeh before it.
    text = unparse.parse_pdf(FIXTURES / "decision-cop.pdf").text
    assert "واستعراض تنفيذ الاتفاقية،" in text
    assert "تنفي ذ" not in text
