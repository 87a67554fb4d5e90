"""Exact repaired lines of the three garbled samples (true text, by a careful reading of
each line), and the first words of their numbered paragraphs.

The lines listed here are the ones the pipeline repairs exactly today; the line-order fixer
does not yet repair every line of these samples (README, known limits), so the first-word
checks pin a floor that a change must not lower, against the full true list.
"""

from __future__ import annotations

from functools import cache

import pytest

import unparse
from conftest import SAMPLES
from unparse.repair import RepairResult


@cache
def repaired(name: str) -> RepairResult:
    return unparse.repair((SAMPLES / name).read_text(encoding="utf-8"))


def line(name: str, number: int) -> str:
    for x in repaired(name).lines:
        if x.number == number:
            return x.text
    raise AssertionError(f"line {number} of {name} was removed")


EXACT = {
    "a-64-sg-report-trafficking.txt": {
        5: "تحسين تنسيق الجهود المبذولة لمكافحة الاتجار بالأشخاص",
        9: "عملاً بقرار الجمعية العامة 63/194، يلخِّص هذا التقرير العمل الذي قام به مكتب",
        12: "قدرات المكتب على إنجاز مهامه التنسيقية بكفاءة.",
        15: "1 - دعت الجمعية العامة الأمين العام، في قرارها 63/194، إلى جمع آراء كل الجهات",
        22: "والفعال لجميع الصكوك القانونية ذات الصلة بالاتجار بالأشخاص، لا سيما اتفاقية الأمم",
        23: "المتحدة لمكافحة الجريمة المنظَّمة عبر الوطنية وبروتوكول منع وقمع الاتجار بالأشخاص،",
        25: "معلومات أساسية إلى الجمعية العامة في دورتها الثالثة والستين.",
        27: "2 - وقدَّم الأمين العام ورقة المعلومات الأساسية إلى الجمعية العامة، يوم 5 أيار/مايو",
        28: "2009، وفيها ملخّص لآراء مجموعة واسعة ومتنوعة من الدول الأعضاء والمنظمات الدولية",
        30: "والجهات المعنية في المجتمع المدني بشأن المسائل السالفة الذكر. وتضمّنت الورقة أيضا ملخصا",
        34: "اتخاذ إجراءات ناجعة ومنسَّقة في مكافحة الاتجار بالأشخاص.",
        36: "3 - وأفادت ورقة المعلومات الأساسية حوار الجمعية العامة التفاعلي حول الموضوع",
        47: "4 - وتمثلت الحجج الرئيسية التي ساقتها الدول الأعضاء تأييداً لاعتماد خطة عمل عالمية",
        56: "لربط منع الاتجار بالأشخاص ومكافحته بأهداف أخرى متفق عليها دوليا. ورئي كذلك أن",
        59: "يتمكن المجتمع الدولي من تقييم التقدم المحرز ويعيد توجيه سياساته تبعاً لذلك ويحسِّن أيضاً",
    },
    "a-res-61-180.txt": {
        1: "قرار اتخذته الجمعية العامة في 20 كانون الأول/ديسمبر 2006",
        3: "[بناء على تقرير اللجنة الثالثة (A/61/444)]",
        6: "61/180 - تحسين تنسيق الجهود المبذولة لمكافحة الاتجار بالأشخاص",
        9: "إن الجمعية العامة،",
        10: "إذ تشير إلى قراراتها 55/25 المؤرخ 15 تشرين الثاني/نوفمبر 2000، و58/137",
        14: "الرق المعاصرة،",
        17: "27 تموز/يوليه 2006 بشأن تعزيز التعاون الدولي على منع الاتجار بالأشخاص ومكافحته",
        20: "لجنة منع الجريمة والعدالة الجنائية،",
        21: "وإذ تشير كذلك إلى اتفاقية الأمم المتحدة لمكافحة الجريمة المنظمة عبر الوطنية (1)،",
        33: "(2) المرجع نفسه، المرفق الثاني.",
        35: "(4) المرجع نفسه، المجلد 266، الرقم 3822.",
        36: "وإذ ترحب بالتقدم الذي أحرزه مؤتمر الأطراف في اتفاقية الأمم المتحدة لمكافحة",
        40: "المؤرخين 17 أيار/مايو 1974 و1980/127 المؤرخ 2 أيار/مايو 1980،",
        64: "وإذ تحيط علما بتقارير المقررة الخاصة المعنية بجوانب حقوق الإنسان لضحايا الاتجار",
        79: "1 - تسلم بأن التعاون الدولي الواسع النطاق بين الدول الأعضاء والمنظمات",
    },
    "ctoc-cop-2012-demand-report.txt": {
        1: "الدورة السادسة",
        2: "فيينا، 15-19 تشرين الأول/أكتوبر 2012",
        5: "استعراض تنفيذ اتفاقية الأمم المتحدة لمكافحة",
        7: "الجريمة المنظمة عبر الوطنية والبروتوكولات الملحقة بها:",
        16: "تقرير من الأمانة",
        17: "أولاً - مقدّمة",
        36: "بالأشخاص، ودعا الدول الأعضاء إلى أن تقدم إلى الأمانة أمثلة من هذا القبيل، إن وجدت،",
        40: "بوسائل منها تدابير تشريعية أو تدابير أخرى، مثل التدابير التعليمية أو الاجتماعية أو الثقافية،",
        76: "ثانياً - موجز للردود",
        77: "ألف - الإطار القانوني",
        80: "لبروتوكول الاتجار بالأشخاص. وتشمل هذه التدابير إضافة تعريف الاتجار بالأشخاص في",
        119: "باء - التعاون والتنسيق على الصعيد الوطني",
        154: "جيم - بناء القدرات والبحوث والتوعية",
        158: "بأنشطة التدريب أو التوعية لأرباب العمل والعاملين، بغية مكافحة الطلب على وجه التحديد.",
    },
}


@pytest.mark.parametrize(
    ("name", "number"), [(name, number) for name, lines in EXACT.items() for number in lines]
)
def test_exact_repaired_line(name: str, number: int) -> None:
    assert line(name, number) == EXACT[name][number]


def test_every_fix_is_accounted_for() -> None:
    # A line's last recorded "after" is what the repaired line reads.
    for name in EXACT:
        result = repaired(name)
        last: dict[int, str] = {}
        for fix in result.fixes:
            last[fix.line] = fix.after
        for x in result.lines:
            if x.number in last:
                assert last[x.number] == x.text


# The true first word of every numbered paragraph, and how many come out right today.
FIRST_WORDS = {
    "a-64-sg-report-trafficking.txt": (
        "دعت وقدَّم وأفادت وتمثلت وشدّد وأثناء وتكلّم يتولى وعلى وما إن وقد وكرَّر واتفق واقترح اعتمد وقرّر",
        12,
    ),
    "a-res-61-180.txt": (
        "تسلم تؤكد تحث تحث تعترف تعترف تدعو تدعو تدعو تشجع ترحب تطلب تطلب تشجع تدعو تدعو ترحب تدعو تطلب",
        11,
    ),
}


@pytest.mark.parametrize("name", sorted(FIRST_WORDS))
def test_first_words_of_numbered_paragraphs(name: str) -> None:
    truth, floor = FIRST_WORDS[name]
    words = truth.split()
    doc = unparse.parse(SAMPLES / name)
    assert len(doc.paragraphs) == len(words)
    right = sum(p.text.split()[0] == w for p, w in zip(doc.paragraphs, words, strict=True))
    assert right >= floor
