"""The first word of each numbered paragraph of the five samples, keyed by the paragraph's
number (not by input line numbers), through ``unparse.parse``: pinned where it comes out
right today, so that a change to the run-order repair cannot lose one.

True first words not yet right (run-reversed samples): A/64 paragraphs 11 (إن), 14 (واتفق),
17 (وقرّر); A/RES/61/180 paragraphs 2 (تؤكد), 4 (تحث), 6 (تعترف), 7 (تدعو), 11 (ترحب), 13 (تطلب),
17 (ترحب); the CTOC report: 20 of its 37 (4, 5, 7, 9, 11, 12, 14, 15, 17, 18, 20, 22, 26,
28, 29, 31, 33, 34, 35, 37) and three not pinned for want of the true text (6, 13, 30).
The clean samples' first words are the samples' own (A/RES/76/186 writes "تهييب" and "تشجيع").
"""

from __future__ import annotations

from functools import cache

import pytest

import unparse
from conftest import SAMPLES
from unparse.models import Document

FIRST_WORDS: dict[str, dict[int, str]] = {
    "a-64-sg-report-trafficking.txt": {
        1: "دعت",
        2: "وقدَّم",
        3: "وأفادت",
        4: "وتمثلت",
        5: "وشدّد",
        6: "وأثناء",
        7: "وتكلّم",
        8: "يتولى",
        9: "وعلى",
        10: "وما",
        12: "وقد",
        13: "وكرَّر",
        15: "واقترح",
        16: "اعتمد",
    },
    "a-res-61-180.txt": {
        1: "تسلم",
        3: "تحث",
        5: "تعترف",
        8: "تدعو",
        9: "تدعو",
        10: "تشجع",
        12: "تطلب",
        14: "تشجع",
        15: "تدعو",
        16: "تدعو",
        18: "تدعو",
        19: "تطلب",
    },
    "ctoc-cop-2012-demand-report.txt": {
        1: "طلب",
        2: "وتنص",
        3: "وفي",
        8: "وأبرز",
        10: "وأشار",
        16: "كما",
        19: "ومن",
        21: "وأشار",
        23: "وألقت",
        24: "وأشار",
        25: "وأنشأت",
        27: "وأشار",
        32: "وذكر",
        36: "ويمكن",
    },
    "a-res-76-186.txt": {
        1: "تحث",
        2: "تحث",
        3: "تهيب",
        4: "تشير",
        5: "تشير",
        6: "تطلب",
        7: "تشير",
        8: "تعرب",
        9: "تعرب",
        10: "تشجيع",
        11: "تحيط",
        12: "ترحب",
        13: "تدعو",
        14: "تحيط",
        15: "تدعو",
        16: "تهييب",
        17: "تدعو",
        18: "تؤكد",
        19: "تهييب",
        20: "تشجع",
        21: "تشجع",
        22: "تشجع",
        23: "تهييب",
        24: "تهييب",
        25: "تلاحظ",
        26: "تطلب",
        27: "ترحب",
        28: "تطلب",
    },
    "cop-5-2-trafficking-protocol.txt": {
        1: "يحثّ",
        2: "يسلم",
        3: "يرحب",
        4: "يحيط",
        5: "يرحب",
        6: "يدعو",
        7: "يؤكد",
        8: "يشجّع",
        9: "يشجّع",
        10: "يطلب",
        11: "يطلب",
        12: "يتطلّع",
        13: "يدعو",
        14: "يقرّر",
        15: "يقرّر",
        16: "يطلب",
        17: "يطلب",
        18: "يدعو",
    },
}


@cache
def parsed(name: str) -> Document:
    return unparse.parse(SAMPLES / name)


@pytest.mark.parametrize(
    ("name", "number"), [(name, number) for name, words in FIRST_WORDS.items() for number in words]
)
def test_first_word_of_paragraph(name: str, number: int) -> None:
    [paragraph] = [p for p in parsed(name).paragraphs if p.number == number]
    assert paragraph.text.split()[0] == FIRST_WORDS[name][number], paragraph.text[:80]


@pytest.mark.parametrize("name", ["a-res-76-186.txt", "cop-5-2-trafficking-protocol.txt"])
def test_clean_samples_every_paragraph_pinned(name: str) -> None:
    assert sorted(p.number for p in parsed(name).paragraphs) == sorted(FIRST_WORDS[name])
