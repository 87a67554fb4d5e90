"""pdftotext's lam-alef split (repair/lam_alef.py): real lines of the benchmark's committed
outputs (``benchmarks/accuracy/inputs/text/libreoffice/pdftotext/NAME.txt``, dev documents)."""

from __future__ import annotations

from pathlib import Path

import pytest

from invariants import check_fix_log, check_nothing_lost
from unparse import normalize
from unparse.repair import repair
from unparse.repair.lam_alef import rebuild_lam_alef

INPUTS = Path(__file__).resolve().parents[2] / "benchmarks" / "accuracy" / "inputs" / "text"
RLE, LRE, PDF = "\u202b", "\u202a", "\u202c"


def test_the_halves_become_one_line_in_a_real_pdftotext_text() -> None:
    raw = (INPUTS / "libreoffice" / "pdftotext" / "ctoc-cop-dec-12-1.txt").read_text(encoding="utf-8")
    lines = raw.splitlines()
    # The input as committed: the part after the ligature first, its alef left behind.
    assert lines[30] == f"{RLE}ل إنسانية أو مهينة{LRE} ،{PDF}ظروفا مشددة للعقوبة؛{PDF}"
    assert lines[31] == f"{RLE}معاملتهم معاملة ا{PDF}"
    result = repair(raw)
    out = result.text.split("\n")
    assert "معاملتهم معاملة لا إنسانية أو مهينة، ظروفا مشددة للعقوبة؛" in out
    assert not any(line.startswith("ل ") or line.endswith(" ا") for line in out)
    fixes = [f for f in result.fixes if f.kind == "lam_alef_lines"]
    assert [(f.line, f.after) for f in fixes] == [
        (31, ""),
        (32, "معاملتهم معاملة لا إنسانية أو مهينة، ظروفا مشددة للعقوبة؛"),
    ]
    check_nothing_lost(raw, result)
    check_fix_log(raw, result)


def test_the_ligature_ends_a_word_or_stands_alone() -> None:
    # "أنغو" is no word and "أنغولا" is one; "و" is a proclitic; "معاملة" is a word.
    raw = (INPUTS / "libreoffice" / "pdftotext" / "ga-dec-78-540.txt").read_text(encoding="utf-8")
    assert "وتعيين أنغولا وبنما عضوين في اللجنة اعتبارا من 1 كانون الثاني/يناير 2024." in normalize(raw)
    assert rebuild_lam_alef("ل سيما المزارعات", "(ب) دعم صغار المزارعين، و ا") == (
        "(ب) دعم صغار المزارعين، ولا سيما المزارعات"
    )
    assert rebuild_lam_alef("ل تزال في حدود 56 927", "إلى أن التكلفة ا") == (
        "إلى أن التكلفة لا تزال في حدود 56 927"
    )


@pytest.mark.parametrize(
    "text",
    [
        # The same halves in reading order, a lam that is a whole line, a line ending in
        # "ا" inside a word: not the swapped halves.
        "معاملتهم معاملة ا\nل إنسانية",
        "ل\nمعاملة ا",
        "ل إنسانية\nمعاملة لا",
        "إن الجمعية العامة،\nإذ تشير إلى قرارها",
    ],
)
def test_other_lines_are_left_alone(text: str) -> None:
    assert normalize(text) == text
