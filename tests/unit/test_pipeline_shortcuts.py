"""The pipeline's shortcuts on clean text give what the long way gives.

The repair skips work on evidence from one scan of the text (which trigger characters it
holds, which lines hold them) and puts cheap necessary conditions before costly patterns.
Each shortcut is checked here against the long way on real and constructed text.
"""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from builders import numbered_lines
from unparse.lines import Line, split_lines
from unparse.options import DEFAULT_OPTIONS
from unparse.read.layout import records
from unparse.repair import STEPS, furniture, kashida_digits, lifted, logical_extractors, mupdf_pypdf, pipeline
from unparse.repair.pipeline import Context, _union_re, bmp_part, shown

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = sorted((ROOT / "samples").glob("*.txt"))
TEXTS = sorted((ROOT / "benchmarks/accuracy/inputs/text").glob("**/*.txt"))[::4]

# Lines holding each trigger class of the local steps, in few lines and in many.
CONSTRUCTED = [
    "\u202bالجمعية العامة\u202c",
    "لخطة التنمية المستدامة لعام 2030⁽¹⁾، وإذ",
    "الأمـــم المتحـدة والـمُدن الـ 12",
    "ﺍﻟﺠﻤﻌﻴﺔ \ue000 ﻻ",
    "1 - **تحث** الدول *Treaty Series*",
    "ولا سيما القرار 78 69/ المؤرخ",
    "القرار ٦١/١٨٠ و۱۲",
    "يلخِّص",
    "# أولاً - مقدمة",
    "لليونسكو<sup>5</sup>، الذي لعام 1954^1^ والبروتوكول[^2]، و 2^10",
    "",
]


def test_the_scan_without_astral_ranges_finds_what_the_union_finds() -> None:
    union = _union_re(tuple(step.triggers for step in STEPS if step.triggers))
    assert union is not None
    bmp = "".join(chr(i) for i in range(0x10000))
    assert bmp_part(union).findall(bmp) == union.findall(bmp)
    assert bmp_part(union) is not union  # the private-use planes were cut


def _run(step_index: int, lines: list[Line], scanned: bool) -> tuple[list[Line], list[object]]:
    ctx = Context(DEFAULT_OPTIONS)
    if scanned:
        ctx.trigger_re = _union_re(tuple(step.triggers for step in STEPS if step.triggers))
    out = STEPS[step_index].run(list(lines), ctx)
    return out, [fix.model_dump() for fix in ctx.fixes]


@pytest.mark.parametrize("index", [i for i, step in enumerate(STEPS) if step.triggers])
@pytest.mark.parametrize("few", [0, 10**6])
def test_steps_that_skip_lines_give_what_the_whole_text_gives(
    index: int, few: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    # few=0: the fixer runs on the lines that hold a trigger alone, however many; 10**6: over
    # the whole text once the scan found a trigger.
    monkeypatch.setattr(pipeline, "_FEW_LINES", few)
    texts = CONSTRUCTED * 3 + ["نص عادي بلا شيء"] * 10
    lines = numbered_lines(*texts)
    assert _run(index, lines, scanned=True) == _run(index, lines, scanned=False)


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.name)
def test_steps_that_skip_lines_agree_on_the_samples(path: Path) -> None:
    lines = split_lines(path.read_text(encoding="utf-8"))
    for index, step in enumerate(STEPS):
        if step.triggers and step.enabled(DEFAULT_OPTIONS):
            assert _run(index, lines, scanned=True) == _run(index, lines, scanned=False), step.name


def _slash_lines() -> list[str]:
    out = []
    for path in [*SAMPLES, *TEXTS]:
        out += [line for line in path.read_text(encoding="utf-8").split("\n") if "/" in line]
    return out


def test_the_split_pair_precheck_never_misses_a_pair() -> None:
    lines = [*_slash_lines(), "ولا سيما القرار 78 69/ المؤرخ", "قرارها / 121 77 المؤرخ", "8 565 /"]
    changed = 0
    for line in lines:
        after = logical_extractors._SLASH_AFTER_RE.sub(r"\1/\2", line)
        full = logical_extractors._SLASH_BEFORE_RE.sub(r"\2/\1", after)
        if full != line:
            changed += 1
            assert logical_extractors._may_be_split(line), line
    assert changed >= 3
    assert not logical_extractors._may_be_split("القرار 76/186 و A/RES/76/1")


def test_the_month_before_a_year_is_found_as_the_pattern_finds_it() -> None:
    texts = [p.read_text(encoding="utf-8") for p in [*SAMPLES, *TEXTS]]
    texts.append("ديسمبر\x1f2023 ديسمبر \t/ 2024 ديسمبر\xa02023 /2021 xديسمبر//  2022 مايو\n2020")
    runs = 0
    for text in texts:
        for start, _ in mupdf_pypdf._four_digit_runs(text):
            runs += 1
            window = max(0, start - mupdf_pypdf._MONTH_WINDOW)
            expected = mupdf_pypdf._MONTH_BEFORE_RE.search(text, window, start) is not None
            assert mupdf_pypdf._month_before(text, start) == expected, text[window : start + 4]
    assert runs > 100


def _all_lines() -> list[str]:
    out = []
    for path in [*SAMPLES, *TEXTS]:
        out += path.read_text(encoding="utf-8").split("\n")
    return out


FURNITURE = [
    "  4  ",
    "- 4 -",
    "٤",
    "09-40424 (A) *",
    "*0940424*",
    "A/RES/61/180 ",
    "_____",
    "4\x1f",
    "GE.21-12345",
]


def test_furniture_is_classified_as_the_patterns_classify_it() -> None:
    def by_patterns(text: str) -> str | None:
        stripped = text.lstrip()
        if not stripped or "\u0621" <= stripped[0] <= "\u064a":
            return None
        if furniture.SEPARATOR_RE.match(text):
            return "footnote_separator"
        if furniture.SYMBOL_LINE_RE.match(text):
            return "running_symbol"
        if furniture.JOB_NUMBER_RE.match(text) or furniture.BARCODE_RE.match(text):
            return "job_number"
        return "page_number" if furniture.PAGE_NUMBER_RE.match(text) else None

    kinds = set()
    for line in [*_all_lines(), *FURNITURE]:
        kind = furniture.classify_furniture(line)
        assert kind == by_patterns(line), line
        kinds.add(kind)
    assert kinds == {None, "footnote_separator", "running_symbol", "job_number", "page_number"}


def test_the_reader_and_the_repair_take_the_same_lines_for_page_numbers() -> None:
    # Both patterns derive from symbols.PAGE_NUMBER: the reader's on a stripped line, the
    # repair's on a raw one. On every short line of page-number pieces, spaces of several
    # kinds, a break and a letter, once stripped they agree (and the repair's takes the
    # raw line as it takes the stripped one when only spaces surround it).
    pieces = ["4", "٤", "-", "–", " ", "\t", "\u00a0", "\x1c", "\n", "a"]
    taken = 0
    for size in range(6):
        for chars in itertools.product(pieces, repeat=size):
            line = "".join(chars)
            stripped = line.strip()
            by_reader = records.furniture_kind(line) == "page_number"
            assert by_reader == bool(furniture.PAGE_NUMBER_RE.match(stripped)), repr(line)
            taken += by_reader
    assert taken > 1000
    assert (
        furniture.PAGE_NUMBER_RE.match("  - 4 -  ") and records.furniture_kind("  - 4 -  ") == "page_number"
    )
    assert not furniture.PAGE_NUMBER_RE.match("4 4") and records.furniture_kind("12345") is None


def test_a_lifted_line_passes_the_first_character_check() -> None:
    lines = [*_all_lines(), " )", "\u064b/", "*-", "()", "\t-"]
    matched = [line for line in lines if lifted._LIFTED_RE.fullmatch(line)]
    assert len(matched) >= 5
    assert all(lifted._may_be_lifted(line) for line in matched)
    assert not lifted._may_be_lifted("الجمعية -") and not lifted._may_be_lifted("")


def test_the_kashida_run_bound_is_never_below_the_runs() -> None:
    texts = [p.read_text(encoding="utf-8") for p in [*SAMPLES, *TEXTS]]
    texts.append("ة66ماعلا ة66يعمجلا " * 6)
    for text in texts:
        runs = len(kashida_digits._KASHIDA_DIGITS_RE.findall(text))
        assert kashida_digits._candidates(text) >= min(runs, kashida_digits.MIN_RUNS)
    assert kashida_digits._candidates("ة66ماعلا ة66يعمجلا " * 6) == 12  # two runs a repeat


def test_a_fix_shows_a_lone_surrogate_as_the_replacement_character() -> None:
    assert shown("\ud800الجمعية") == "\ufffdالجمعية"
    assert shown("\ud83d\ude00 😀") == "\ufffd\ufffd 😀"
    assert shown("الجمعية") == "الجمعية"


UNPC = ROOT / "tests/fixtures/unpc/unpc-v1.0-dev-ar.first2000.txt"
UNPC_SEGMENTS = UNPC.read_text(encoding="utf-8").splitlines()
GLUED = ["الجلسة العامة28", "العامة٢٨", "انظرWT/MIN(22)/33", "قراره2002/13", "الش2ع", "و6", "لـ3"]


def _lines_of_inputs() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in [*SAMPLES, *TEXTS]]
    return [line for text in texts for line in text.splitlines()] + UNPC_SEGMENTS + GLUED + CONSTRUCTED


def test_the_glued_number_precheck_never_misses_a_glued_number() -> None:
    from unparse.repair import mupdf_pieces

    lines = _lines_of_inputs()
    missed = [t for t in lines if mupdf_pieces._GLUED_RE.search(t) and not mupdf_pieces._may_glue(t)]
    assert missed == []
    # ... and it says no on most clean text, or it would save nothing.
    assert sum(mupdf_pieces._may_glue(t) for t in UNPC_SEGMENTS) < len(UNPC_SEGMENTS) // 10
    assert [mupdf_pieces._may_glue(t) for t in GLUED] == [True, True, True, True, True, False, True]


def test_the_pypdf_joint_precheck_is_an_upper_bound_of_the_kinds_counted() -> None:
    from unparse.repair import pypdf_joints

    texts = [p.read_text(encoding="utf-8") for p in [*SAMPLES, *TEXTS]] + UNPC_SEGMENTS + CONSTRUCTED
    joints = ["49/12  المؤرخ31  آذار/مارس2022،", "في قرارها77 164/", "حزيرانيونيه /2023"]
    joints += ["  مقدمة ًأولا-", "ج استخدام () "]
    for text in [*texts, *joints, "\n".join(joints)]:
        e = pypdf_joints.joints_evidence(split_lines(text))
        kinds = sum(c > 0 for c in (e.moved_spaces, e.split_slashes, e.glued_months, e.moved_dashes))
        assert pypdf_joints._joint_kinds_possible(text) >= kinds, text[:80]
    assert pypdf_joints._joint_kinds_possible("\n".join(joints)) == 4
