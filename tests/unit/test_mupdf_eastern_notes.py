"""PyMuPDF's Eastern numbers on run-reversed lines and its footnote markers' brackets, each
pinned on a real example from the committed dev inputs
(benchmarks/accuracy/inputs/text/TYPESETTER/pymupdf/NAME.txt)."""

from __future__ import annotations

from pathlib import Path

import unparse
from unparse.repair.mupdf_eastern import eastern_number_last
from unparse.repair.mupdf_pypdf import reverse_eastern_number
from unparse.repair.mupdf_runs import space_end_marker

INPUTS = Path(__file__).resolve().parents[2] / "benchmarks" / "accuracy" / "inputs" / "text"


def _text(typesetter: str, name: str) -> str:
    return (INPUTS / typesetter / "pymupdf" / f"{name}.txt").read_text(encoding="utf-8")


def test_eastern_number_glued_to_the_end_of_its_run() -> None:
    raw = (
        "٨٧، إلى الأمين العام أن يقدم إليها في دورتها التاسعة والسبعين/٩٢٢  طلبت الجمعية العامة، في قرارها- ١"
    )
    assert raw in _text("chromium", "sg-a-79-168-crime-programme").splitlines()
    read_back = reverse_eastern_number(raw)
    assert eastern_number_last(read_back) == (
        "، إلى الأمين العام أن يقدم إليها في دورتها التاسعة والسبعين٧٨/٢٢٩  طلبت الجمعية العامة، في قرارها- ١"
    )
    # Its run's end not shown (one space before the next run): the line stays.
    line = (
        "٧٤ في المائة من مجموع الأسلحة المضبوطة التي ُأبلغ عن سياق ضبطها، وأن سياقات الجريمة المنظمة تمثل نحو"
    )
    assert line in _text("chromium", "note-ctoc-cop-wg6-2024-3-firearms").splitlines()
    assert eastern_number_last(reverse_eastern_number(line)) == reverse_eastern_number(line)
    # A line in reading order stays.
    logical = "١ - طلبت الجمعية العامة، في قرارها ٧٨/٢٢٩، إلى الأمين العام"
    assert eastern_number_last(logical) == logical


def test_end_marker_spaced_where_the_runs_hold_eastern_numbers() -> None:
    line = "، أن يواصل١١/٣  قرر مؤتمر الأطراف في اتفاقية الأمم المتحدة، في مقرره- ١"
    assert (
        space_end_marker(line, eastern=True)
        == "، أن يواصل١١/٣  قرر مؤتمر الأطراف في اتفاقية الأمم المتحدة، في مقرره - ١"
    )
    assert space_end_marker("في الفترة ٢٠٢١-٢٠٣٠", eastern=True) == "في الفترة ٢٠٢١-٢٠٣٠"


def test_eastern_runs_read_in_order_on_chromium() -> None:
    text = _text("chromium", "sg-e-2024-55-gender-mainstreaming")
    result = unparse.repair_text(text)
    assert result.facts["eastern_runs"].lines >= 10
    lines = result.text.splitlines()
    assert (
        "1 - طلب المجلس الاقتصادي والاجتماعي، في قراره 2023/12، إلى الأمين العام أن يقدم إليه في دورته لعام"
    ) in lines
    assert next(d for d in result.decisions if d.name == "eastern_numbers_placed").value is True
    numbers = [p.number for p in unparse.parse_text(text).paragraphs]
    assert numbers[:10] == list(range(1, 11))
    assert unparse.normalize(result.text) == result.text


def test_eastern_runs_left_alone_in_logical_text() -> None:
    # PyMuPDF on LibreOffice: its dates read in order, its lines are logical.
    text = _text("libreoffice", "sg-e-2024-55-gender-mainstreaming")
    result = unparse.repair_text(text)
    assert not any(fix.kind == "eastern_run" for fix in result.fixes)
