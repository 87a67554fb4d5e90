"""Run order judged line by line, without the document's evidence (repair/order/step.py):
a line is reordered only on clear evidence, the repaired line is left alone by a second
pass, and a line whose current order is plausible is not touched."""

from __future__ import annotations

from pathlib import Path

import pytest

import unparse
from unparse.options import Options
from unparse.repair import repair, unpc
from unparse.repair.order import weights
from unparse.repair.order.model import class_association, word_class

GARBLED = Path(__file__).resolve().parents[2] / "benchmarks" / "accuracy" / "inputs" / "garbled"
# A real UN line (unpc, dev part) garbled by run reversal: the runs glued at one joint.
UNPC_GARBLED = 'المنظمة "على مبدأ المساواةأن تقوم وكان مقررا'
UNPC_CLEAN = 'وكان مقررا أن تقوم المنظمة "على مبدأ المساواة'


def test_a_garbled_line_alone_is_repaired_with_its_confidence() -> None:
    result = repair(UNPC_GARBLED)
    assert result.text == UNPC_CLEAN
    [fix] = result.fixes
    assert fix.kind == "line_order" and fix.line == 1
    assert fix.confidence is not None and fix.confidence >= weights.SURE_ALONE
    assert result.warnings == []


def test_the_repaired_line_is_left_alone() -> None:
    assert unparse.normalize(UNPC_CLEAN) == UNPC_CLEAN
    assert repair(UNPC_CLEAN).fixes == []


def test_a_line_below_min_confidence_is_named_in_the_warnings() -> None:
    result = repair(UNPC_GARBLED, Options(min_confidence=5.0))
    assert result.text == UNPC_CLEAN
    assert result.warnings == ["line 1: run order is a guess (confidence 2.61); check it"]


def test_a_clean_line_with_an_unseen_pair_is_not_reordered() -> None:
    # A wrapped line of A/RES/76/186: "أو من" is a pair the UN table never saw, and moving
    # "أو" beside a rare word scored better (confidence 0.58): not clear enough alone.
    line = "أو من غير المسجلين بعد الولادة عرضة بوجه"
    assert repair(line).fixes == []


def test_a_document_in_reading_order_is_not_judged_line_by_line() -> None:
    # Numbers first and full stops last say the lines are logical: a suspicious line among
    # them is left as it is (a logical extractor's lines were changed, then changed again).
    numbered = ["1 - تطلب إلى الأمين العام أن يقدم تقريرا.", "2 - تقرر أن تبقي المسألة قيد نظرها."]
    doc = "\n".join([*numbered, UNPC_GARBLED])
    assert repair(doc).text == doc


@pytest.mark.parametrize("name", ["ga-res-79-145.txt", "sc-res-2739-2024.txt", "sg-a-78-245-road-safety.txt"])
def test_run_reversed_documents_are_repaired_to_a_fixed_point(name: str) -> None:
    # Dev garbler inputs a second normalize changed again once lines were judged one by one;
    # the step now runs over its own output until nothing changes.
    once = unparse.normalize((GARBLED / "run-reversal" / name).read_text(encoding="utf-8"))
    assert unparse.normalize(once) == once


def test_a_line_led_by_its_paragraph_number_is_left_alone() -> None:
    # Judged alone (no document evidence of reversal), the number first is the mark of order.
    line = "3 - وأفادت الدول بأن الجماعات الإرهابية تحصل على الأسلحة النارية من مصادر متعددة، منها"
    assert unparse.normalize(line) == line


def test_a_number_at_both_ends_leaves_the_paragraph_number_open() -> None:
    # pypdf (benchmark ctoc-cop-dec-10-4): the paragraph number 4 at the end, 85 (reversed
    # digits) in front; the leading number is not taken for the paragraph's.
    lines = [
        "تنسيق الجهود المبذولة - ١",
        "، وإذ تشير إلى قرارها",
        "، وإذ تشير إلى قرارها",
        "٥٨ - يدعو الدول الأعضاء وسائر الجهات المانحة إلى زيادة تبرعاتها لدعم أنشطة"
        " المساعدة التقنية، ويلاحظ أن ٤",
    ]
    out = unparse.normalize("\n".join(lines)).split("\n")
    assert out[-1].startswith("4")


@pytest.mark.parametrize(
    ("garbled", "clean"),
    [("  .الجهود المكثفة", "الجهود المكثفة."), ("؛الشركاء الإنمائيين ", "الشركاء الإنمائيين؛")],
)
def test_a_short_line_led_by_its_closing_mark_gets_it_back_at_the_end(garbled: str, clean: str) -> None:
    # Real UN lines (unpc, dev part) garbled by run reversal: too short to judge alone, but a
    # full stop or semicolon before a word never starts a line of UN prose.
    result = repair(garbled)
    assert result.text == clean
    [fix] = result.fixes
    assert fix.kind == "line_order" and fix.confidence == weights.LEAD_MARK_CONFIDENCE
    assert repair(clean).fixes == []


def test_a_short_line_with_a_mark_at_each_end_is_left_alone() -> None:
    assert repair("...الطلب").fixes == []
    assert repair(".الطلب.").fixes == []


@pytest.mark.parametrize(
    ("garbled", "clean", "confidence"),
    [
        # Real UN lines (unpc, dev part) garbled by run reversal, the runs parted by wide gaps
        # only: too close to call with every single space a candidate cut, clear at the gaps.
        ("الروسي وبيلاروس     من الاتحاد", "من الاتحاد الروسي وبيلاروس", 3.003),
        (".انتهاء النزاع  ما بعد   ", "ما بعد انتهاء النزاع.", 1.328),
        ("له.  لهذا الإطار القانوني وقبولهم", "لهذا الإطار القانوني وقبولهم له.", 0.002),
    ],
)
def test_a_line_alone_is_cut_at_its_wide_gaps(garbled: str, clean: str, confidence: float) -> None:
    result = repair(garbled)
    assert result.text == clean
    [fix] = result.fixes
    assert fix.kind == "line_order" and fix.confidence == confidence
    assert repair(clean).fixes == []


def test_a_reading_below_min_confidence_at_wide_gaps_is_named_in_the_warnings() -> None:
    result = repair("له.  لهذا الإطار القانوني وقبولهم")
    assert result.warnings == ["line 1: run order is a guess (confidence 0.00); check it"]


@pytest.mark.parametrize(
    "line",
    [
        # Clean unpc lines (dev part) with a wide gap put in: their order is the better one.
        "الإمدادات وتقديم الخدمات،    تحلان محل الخدمات الإدارية وخدمات الدعم",
        # A word cut by the word list into a piece of two letters is no run edge.
        "تحلان محل الخدمات    الإدارية وخدمات الدعم",
        # A line led by a mark other than a closing one is clean UN text.
        ":: برنامج الأمم المتحدة    بشأن الإفصاح المالي (يتقاضى",
        # A number beside a wide gap is a run of its own wherever it stands: no evidence.
        "جدول الأعمال المؤقت لجلسة مجلس الأمن    7386",
    ],
)
def test_a_clean_line_with_a_wide_gap_is_left_in_its_order(line: str) -> None:
    assert unparse.normalize(line) == " ".join(line.split())


@pytest.mark.parametrize(
    ("garbled", "clean"),
    [
        # Real UN lines (unpc, dev part) garbled by run reversal, each judged alone: the
        # paragraph number after a word at the line end (weights.NUMBER_ALONE) ...
        ("حماية البيئة فيما يتعلق بالنزاعات  - 7  ", "7 - حماية البيئة فيما يتعلق بالنزاعات"),
        # ... a closing mark first, the best reading moving only it (step._lead_mark_alone) ...
        ("  .جمهورية أذربيجان، الجهة المعتدى عليها", "جمهورية أذربيجان، الجهة المعتدى عليها."),
        (".التالية من تنفيذ الخطة  ", "التالية من تنفيذ الخطة."),
        # ... a token no list knows that splits into two words ("ذلك|أن"), five letters long.
        ("ذلكأن ينخرطوا جميعاً في وحقوق المرأة، يجب", "وحقوق المرأة، يجب أن ينخرطوا جميعاً في ذلك"),
    ],
)
def test_a_line_alone_with_a_sign_of_reversal_is_repaired(garbled: str, clean: str) -> None:
    assert repair(garbled).text == clean
    assert unparse.normalize(clean) == clean and repair(clean).fixes == []


def test_a_range_at_the_line_end_is_no_paragraph_number() -> None:
    line = "انظر الفقرات من الوثيقة 3 - 5"
    assert repair(line).fixes == []


def test_the_un_table_backs_off_to_word_classes() -> None:
    table = unpc.table()
    # A preposition before the conjunction and the article: a pair UN prose does not write.
    assert word_class("من", table) == "من" and word_class("والتدابير", table) == "وال_"
    assert round(class_association(table, "من", "والتدابير"), 2) == -1.05
    assert round(class_association(table, "والتدابير", "من"), 2) == 0.3
    # Two words that are their own classes: the table's own association says it all.
    assert class_association(table, "في", "في") == 0.0


@pytest.mark.parametrize(
    ("garbled", "clean"),
    [
        # Real UN lines (unpc, dev part) garbled by run reversal with wide gaps: judged again as
        # the later steps leave them (spaces collapsed), in the same normalize (step.reorder_runs).
        (
            ".    شخص واحد     له  اغتصاب تعرض تسجيل حادث محاولة     وجرى",
            "وجرى تسجيل حادث محاولة اغتصاب تعرض له شخص واحد.",
        ),
        (
            "مدنيالمحلي والمجتمع ال التصالحية ودور المجتمع   والعام والعدالةبين القطاعين الخاص",
            "بين القطاعين الخاص والعام والعدالة التصالحية ودور المجتمع المحلي والمجتمع المدني",
        ),
    ],
)
def test_a_line_with_wide_gaps_alone_reaches_its_fixed_point(garbled: str, clean: str) -> None:
    once = unparse.normalize(garbled)
    assert once == clean and unparse.normalize(once) == once
