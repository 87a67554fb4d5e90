"""pypdf's joints on LibreOffice PDFs, pinned on real lines of the committed dev inputs
(benchmarks/accuracy/inputs/text/libreoffice/pypdf/NAME.txt)."""

from __future__ import annotations

from pathlib import Path

import unparse
from unparse.lines import Line
from unparse.repair.pypdf_joints import (
    join_month_pairs,
    join_slash_numbers,
    joints_evidence,
    restore_label,
    restore_moved_spaces,
)

INPUTS = Path(__file__).resolve().parents[2] / "benchmarks" / "accuracy" / "inputs" / "text"


def _text(typesetter: str, extractor: str, name: str) -> str:
    return (INPUTS / typesetter / extractor / f"{name}.txt").read_text(encoding="utf-8")


def _lines(typesetter: str, extractor: str, name: str) -> list[Line]:
    # Split at newlines only: a page's first line follows a form feed.
    return [Line(n, t) for n, t in enumerate(_text(typesetter, extractor, name).split("\n"), 1)]


def test_fingerprint_is_pypdf_on_libreoffice_only() -> None:
    assert joints_evidence(_lines("libreoffice", "pypdf", "sg-a-78-267-disaster-risk")).pypdf
    assert joints_evidence(
        _lines("libreoffice", "pypdf", "report-ctoc-cop-wg3-2023-4-intl-cooperation")
    ).pypdf
    # The same documents through other extractors, and pypdf's left-to-right runs.
    assert not joints_evidence(_lines("libreoffice", "pymupdf", "sg-a-78-267-disaster-risk")).pypdf
    assert not joints_evidence(_lines("libreoffice", "pypdfium2", "sg-a-78-267-disaster-risk")).pypdf
    assert not joints_evidence(_lines("fpdf2", "pypdf", "ga-res-79-145")).pypdf
    assert not joints_evidence(_lines("chromium", "pypdf", "sc-res-2754-2024")).pypdf


def test_real_labels() -> None:
    lines = _lines("libreoffice", "pypdf", "report-ctoc-cop-wg3-2023-4-intl-cooperation")
    assert restore_label(lines[10].text) == "أولاً - مقدمة"
    assert restore_label(lines[19].text) == (
        "3 - اعتمد الفريق العامل التوصيات التالية لكي ينظر فيها مؤتمر الأطراف:"
    )
    assert restore_label(lines[32].text) == "ألف - جمع الأدلة الإلكترونية وتبادلها"
    lines = _lines("libreoffice", "pypdf", "sg-a-78-267-disaster-risk")
    assert restore_label(lines[9].text) == "البند 19 (ج) من القائمة الأولية *"
    assert restore_label(lines[32].text) == (
        "3 - تواصل الكوارث إلحاق خسائر فادحة بالأرواح وسبل العيش. ففي عام 2022 جلت ُ66، س387"
    )


def test_real_joints() -> None:
    lines = _lines("libreoffice", "pypdf", "sg-a-78-267-disaster-risk")
    assert join_slash_numbers(lines[20].text).endswith(
        "طلبت الجمعي -77/164ا66ا في دورته66دم إليه66ام أن يق66، إلى الأمين الع"
    )
    assert join_month_pairs("في الفترة من 5  إلى7  حزيرانيونيه /2023 ، وخصص") == (
        "في الفترة من 5  إلى7  حزيران/يونيه 2023 ، وخصص"
    )
    assert restore_moved_spaces(_lines("libreoffice", "pypdf", "hrc-res-53-18")[12].text) == (
        "49/12 المؤرخ 31 آذار/مارس 2022،"
    )


def test_document_repaired_and_decision_recorded() -> None:
    text = _text("libreoffice", "pypdf", "report-ctoc-cop-wg3-2023-4-intl-cooperation")
    result = unparse.repair_text(text)
    decision = next(d for d in result.decisions if d.name == "pypdf_joints")
    assert decision.value is True and decision.evidence["repaired"]
    kinds = {fix.kind for fix in result.fixes}
    assert {"pypdf_labels", "pypdf_months"} <= kinds
    assert "أولاً - مقدمة" in result.text.splitlines()
    doc = unparse.parse_text(text)
    assert len(doc.sections) >= 4


def test_clean_text_unchanged() -> None:
    clean = "\n".join(
        [
            "أولاً - مقدمة",
            "1 - طلبت الجمعية العامة، في قرارها 77/164، إلى الأمين العام أن يقدم إليها تقريرا",
            "ألف - جمع الأدلة الإلكترونية وتبادلها",
            "(أ) ينبغي للدول الأطراف أن تنظر في استخدام الاتفاقية؛",
            "المؤرخ 31 آذار/مارس 2022، والمؤرخ 7 حزيران/يونيه 2023،",
        ]
    )
    assert unparse.repair_text(clean).text == clean
