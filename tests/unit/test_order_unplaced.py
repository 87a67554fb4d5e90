"""The line-order fixer reports the lines whose opening it could not place (issue 14), and the
segmenter reads an opening out of place only on those lines."""

from __future__ import annotations

from pathlib import Path

import unparse
from unparse.repair.order.unplaced import holds_an_opening

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "samples" / "a-res-61-180.txt"


def test_an_opening_anywhere_is_reported() -> None:
    assert holds_an_opening("الأمين الع لمكتب الأممالمام أن يعهد إلى تطلب أي دير التنفيذي إلى 13-ضا")
    # Kashida is drawing: the number before it is still a number ("13-ــضا").
    assert holds_an_opening("إلى ١٣-ــضا")
    assert holds_an_opening("(1) القرار 55/25، المرفق الأول (2)")
    assert not holds_an_opening("الرق المعاصرة،")
    assert not holds_an_opening("(3)")  # a marker alone opens nothing out of place


def test_the_fixer_reports_the_sample_lines_and_the_document_keeps_the_record() -> None:
    text = SAMPLE.read_text(encoding="utf-8")
    result = unparse.repair_text(text)
    reported = result.facts["order_unplaced"]
    assert isinstance(reported, list) and 162 in reported  # paragraph 13's number, inside its line
    lines = {line.number: line.text for line in result.lines}
    assert all(holds_an_opening(lines[n]) for n in reported if n in lines)
    [decision] = [d for d in unparse.parse_text(text).decisions if d.name == "lines_unplaced"]
    assert (decision.step, decision.value) == ("line_order", len(reported))
    # Paragraph 13 is read from the reported line, its number where the fixer left it.
    doc = unparse.parse_text(text)
    [p13] = [p for p in doc.paragraphs if p.number == 13]
    assert p13.span.start_line == 162


def test_a_document_in_reading_order_reports_nothing() -> None:
    result = unparse.repair_text((ROOT / "samples" / "a-res-76-186.txt").read_text(encoding="utf-8"))
    assert "order_unplaced" not in result.facts
