"""Left-to-right footnote lines whose stop and marker the extractor moved, on real dev inputs
(benchmarks/accuracy/inputs/text/TYPESETTER/EXTRACTOR/NAME.txt)."""

from __future__ import annotations

from pathlib import Path

import unparse
from unparse.repair.latin_lines import (
    restore_latin_note,
    restore_latin_stop,
    restore_star_note,
)

INPUTS = Path(__file__).resolve().parents[2] / "benchmarks" / "accuracy" / "inputs" / "text"


def _lines(typesetter: str, extractor: str, name: str) -> list[str]:
    return (INPUTS / typesetter / extractor / f"{name}.txt").read_text(encoding="utf-8").splitlines()


def test_the_stop_first_is_put_back_in_a_text_in_reading_order() -> None:
    # pdftotext -layout on Chromium (logical order): the note's stop is drawn first; a
    # second pass used to repair it once the layout's padding was gone.
    lines = _lines("chromium", "pdftotext-layout", "ga-res-example")
    line = next(t for t in lines if "vol. 1577, No. 27531" in t)
    assert line.strip() == ".United Nations, Treaty Series, vol. 1577, No. 27531 )3("
    out = unparse.normalize("\n".join(lines))
    assert "(3) United Nations, Treaty Series, vol. 1577, No. 27531." in out.splitlines()
    assert unparse.normalize(out) == out


def test_pymupdf_marker_brackets_together() -> None:
    lines = _lines("fpdf2", "pymupdf", "sg-a-79-168-crime-programme")
    assert ".United Nations, Treaty Series, vol. 2349, No. 42146 )(٣" in lines
    assert restore_latin_note(".United Nations, Treaty Series, vol. 2349, No. 42146 )(٣") == (
        "(٣) United Nations, Treaty Series, vol. 2349, No. 42146."
    )


def test_a_latin_line_without_the_stop_first_stays_outside_reversed_texts() -> None:
    for text in (
        "United Nations, Treaty Series, vol. 1577, No. 27531 (3)",
        "(3) United Nations, Treaty Series, vol. 1577, No. 27531.",
        ".A/78/273 )5(",
        "،إن الجمعية العامة",
    ):
        assert restore_latin_stop(text) == text
    clean = "(3) United Nations, Treaty Series, vol. 1577, No. 27531.\nقرار الجمعية العامة 78/1"
    assert unparse.normalize(clean) == clean


def test_an_english_citation_after_its_number_is_a_footnote_not_a_point() -> None:
    # pdfminer on fpdf2, ga-res-78-96: the notes came out where no footnote area was found,
    # and '(1) United Nations, Treaty Series, ...' was read as point 1 of the paragraph.
    text = (INPUTS / "fpdf2" / "pdfminer" / "ga-res-78-96.txt").read_text(encoding="utf-8")
    doc = unparse.parse_text(text)
    notes = {f.marker: f.text for f in doc.footnotes}
    assert notes.get("1") == "United Nations, Treaty Series, vol. 249, No. 3511."
    points = [s.text for p in doc.paragraphs + doc.preamble for s in p.sub_items]
    assert not any(t.startswith("United Nations") for t in points)
    # Arabic text after "(N)" is no footnote for this rule.
    doc = unparse.parse_text("1 - تقرر ما يلي:\n(1) أن تواصل العمل؛\n(2) أن تقدم تقريرا.")
    assert doc.footnotes == []


def test_a_star_note_given_as_drawn_is_read_on_any_extractor() -> None:
    # pypdf on fpdf2 (note-ctoc-cop-wg6-2024-3-firearms, dev split): ".CTOC/COP/WG.6/2024/1 *".
    path = Path(__file__).resolve().parents[2] / "benchmarks/accuracy/inputs/text/fpdf2/pypdf"
    doc = unparse.parse_text((path / "note-ctoc-cop-wg6-2024-3-firearms.txt").read_text(encoding="utf-8"))
    assert [(f.marker, f.text) for f in doc.footnotes if f.marker == "*"] == [("*", "CTOC/COP/WG.6/2024/1.")]
    assert "* CTOC/COP/WG.6/2024/1." in [f.after for f in doc.fixes if f.kind == "latin_note"]
    # A line that only ends with an asterisk, or is a note already, stays.
    assert restore_star_note("البند 3 من جدول الأعمال المؤقت*") == "البند 3 من جدول الأعمال المؤقت*"
    assert restore_star_note("* A/79/50.") == "* A/79/50."
