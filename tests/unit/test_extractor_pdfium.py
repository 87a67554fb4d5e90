"""pypdfium2's damage around the words (repair/pdfium.py), each with its real example from
the committed benchmark outputs (``benchmarks/accuracy/inputs/text/TYPESETTER/pypdfium2/``)."""

from __future__ import annotations

import doctest
import importlib

import unparse
from builders import numbered_lines
from unparse.repair.logical_extractors import logical_order_evidence

pdfium = importlib.import_module("unparse.repair.pdfium")
pdfium_notes = importlib.import_module("unparse.repair.pdfium_notes")

# pypdfium2 on a LibreOffice PDF (ga-res-example, lines 9-35, line 26 left out): references
# moved to the start of the next piece of their line, footnote markers alone on their lines.
GA_RES_EXAMPLE = (
    "78/212 - حماية المهاجرين\n"
    "إن الجمعية العامة،\n"
    "إذ تشير إلى جميع قراراتها السابقة المتعلقة بحماية المهاجرين، ومنها القرار 76/172 المؤرخ 16 كانون\n"
    ")1( الأول/ديسمبر 2021\n"
    "،\n"
    ")2( وإذ تؤكد من جديد الإعلان العالمي لحقوق الإنسان\n"
    "، الذي يعلن أن جميع الناس يولدون أحرارا\n"
    "ومتساوين في الكرامة والحقوق،\n"
    "وإذ يساورها القلق إزاء ما يلي:\n"
    ")أ( تزايد عدد المهاجرين الذين يلقون حتفهم في البحر، إذ بلغ 8 565 شخصا في عام 2023؛\n"
    ")ب( استمرار احتجاز الأطفال المهاجرين لفترات تتجاوز 30 يوما؛\n"
    "1 - تطلب إلى جميع الدول أن تعزز وتحمي بفعالية حقوق الإنسان والحريات الأساسية لجميع المهاجرين،\n"
    "بصرف النظر عن وضعهم من حيث الهجرة؛\n"
    "2 - تهيب بالدول أن تقوم بما يلي:\n"
    ")3( )أ( أن تكفل احترام حقوق الطفل المهاجر، وفقا للمادة 3 من اتفاقية حقوق الطفل\n"
    "؛\n"
    ")1(\n"
    ".A/RES/76/172\n"
    ")2(\n"
    " القرار 217 ألف د) 3-(.\n"
    ")3(\n"
    ".United Nations, Treaty Series, vol. 1577, No. 27531\n"
)

# pypdfium2 on a LibreOffice PDF (ga-dec-78-540, lines 1-15): kashida glyphs read as "3",
# month pairs with their slash moved, commas before numbers, a footnote read from the right.
GA_DEC_78_540 = (
    "1 A/DEC/78/540\n"
    "الدورة الثامنة والسبعون\n"
    "البند 50 من جدول الأعمال\n"
    "المقرر / 540 78\n"
    "زيادة عضوية لجنة استخدام الفضاء الخارجي في الأغراض السلمية\n"
    "إن الجمعية العامة، إذ تشير إلى قرارها / 121 77 المؤرخ 12 / كانون الأول ديسمبر ،2022 وبن33اء\n"
    ")1( على توصية اللجنة الخاصة للمسائل السياسية وإنه3اء الاس3تعمار اللجن3ة الرابعة ) (\n"
    "، تق3رر زي3ادة\n"
    "عدد أعضاء لجنة استخدام الفضاء الخ3ارجي في الأغ3راض الس3لمية من 102 إلى 104 أعض3اء،\n"
    "وتعيين أنغولا وبنما عضوين في اللجنة اعتبارا من 1 / كانون الثاني يناير .2024\n"
    "الجلسة العامة 45\n"
    "4 / كانون الأول ديسمبر 2023\n"
    ")1(\n"
    ".14 الفقرة ،A/78/403\n"
    "23-90066 (A)\n"
)


def test_docstring_examples() -> None:
    for module in (pdfium, pdfium_notes):
        failures, tried = doctest.testmod(module, raise_on_error=False)
        assert failures == 0 and tried > 0, module.__name__


def test_references_and_footnotes_go_back() -> None:
    doc = unparse.parse_text(GA_RES_EXAMPLE)
    lines = doc.text.split("\n")
    assert lines[3] == "الأول/ديسمبر 2021(1)،"
    assert (
        lines[4] == "وإذ تؤكد من جديد الإعلان العالمي لحقوق الإنسان(2)، الذي يعلن أن جميع الناس يولدون أحرارا"
    )
    assert "(أ) أن تكفل احترام حقوق الطفل المهاجر، وفقا للمادة 3 من اتفاقية حقوق الطفل(3)؛" in lines
    assert [(f.marker, f.text) for f in doc.footnotes][::2] == [
        ("1", "A/RES/76/172."),
        ("3", "United Nations, Treaty Series, vol. 1577, No. 27531."),
    ]
    assert [p.number for p in doc.paragraphs] == [1, 2]
    assert not [f for f in doc.fixes if f.kind in ("line_order", "visual_order")]


def test_kashida_months_and_number_commas() -> None:
    result = unparse.repair_text(GA_DEC_78_540)
    lines = result.text.split("\n")
    assert lines[5] == (
        "إن الجمعية العامة، إذ تشير إلى قرارها 77/121 المؤرخ 12 كانون الأول/ديسمبر 2022، وبناء"
    )
    # The reference goes back before the comma that followed it (the brackets around
    # "اللجنة الرابعة" pypdfium2 put after them stay so: where "(" was is not known).
    assert lines[6] == (
        "على توصية اللجنة الخاصة للمسائل السياسية وإنهاء الاستعمار اللجنة الرابعة ( )(1)، تقرر زيادة"
    )
    assert lines[7] == "عدد أعضاء لجنة استخدام الفضاء الخارجي في الأغراض السلمية من 102 إلى 104 أعضاء،"
    assert lines[8] == "وتعيين أنغولا وبنما عضوين في اللجنة اعتبارا من 1 كانون الثاني/يناير 2024."
    assert lines[10] == "4 كانون الأول/ديسمبر 2023"
    assert "(1) A/78/403، الفقرة 14." in lines
    assert result.facts["pdfium_kashida"] == 10
    # Every removed glyph is in a recorded fix, and a second pass changes nothing.
    assert unparse.normalize(result.text) == result.text


def test_notes_read_from_the_left_are_put_back() -> None:
    # pypdfium2 reads a note laid out from the left as laid out: runs reversed, each Arabic
    # word in its own order, the closing stop first, the marker last. On Chromium
    # (ga-res-78-96 lines 59 and 62), fpdf2 (note-ctoc-cop-wg6 line 25), LibreOffice after
    # the marker alone (ga-res-78-72 line 44, note-e-cn7-2024-8-budget line 28).
    assert pdfium_notes.ltr_note_line(".A/RES/76/172 )1(") == ")1( A/RES/76/172."
    assert pdfium_notes.ltr_note_line(".CTOC/COP/WG.6/2024/1 *") == "* CTOC/COP/WG.6/2024/1."
    assert pdfium_notes.ltr_note_line(".United Nations, Treaty Series, vol. 249, No. 3511 )1(") == (
        ")1( United Nations, Treaty Series, vol. 249, No. 3511."
    )
    assert pdfium_notes.ltr_note_line(".A/56/400 انظر", note=True) == "انظر A/56/400."
    assert pdfium_notes.ltr_note_line(
        ".https://www.unodc.org/unodc/en/donors/index.html انظر ،المانحين حسب المفصلة المالية "
        "المعلومات على للاطلاع",
        note=True,
    ) == (
        "للاطلاع على المعلومات المالية المفصلة حسب المانحين، انظر "
        "https://www.unodc.org/unodc/en/donors/index.html."
    )
    # Without the evidence the line stays: an Arabic last word and no marker before it,
    # no Latin letter, a body line ending with a reference, an Arabic line with its marker.
    assert pdfium_notes.ltr_note_line(".A/56/400 انظر") is None
    assert pdfium_notes.ltr_note_line(".2024 وتقرر أن", note=True) is None
    assert pdfium_notes.ltr_note_line("لحماية الممتلكات الثقافية لعام 1954 )1(") is None
    assert pdfium_notes.ltr_note_line("وإلى اتفاقية ID Object في توثيقها )6(") is None
    assert pdfium_notes.ltr_note_line(".3/2023/1WG/COP/CTOC - جدول الأعمال المؤقت وشروحه") is None


def test_marker_alone_then_note_read_from_the_left() -> None:
    # pypdfium2 on LibreOffice (ga-res-78-72, lines 43-44): through the pipeline.
    text = _with_evidence(["الجلسة العامة ٤٦", ")٣(", ".A/56/400 انظر "])
    lines = unparse.normalize(text).split("\n")
    assert "(3) انظر A/56/400." in lines


def test_same_shapes_without_the_evidence_are_left() -> None:
    # Clean text (no mirrored brackets): a "(1)" line, a number after a comma, a range of
    # years, a Latin note with its full stop in place.
    clean = "(1) تزايد عدد المهاجرين\nفي الفترة 2015-2030، بما في ذلك 3 / 5 من الحالات\n(1)\nA/RES/76/172.\n"
    assert unparse.normalize(clean) == clean.rstrip("\n")
    # The same damaged lines through a text that is not pypdfium2's: steps do not fire.
    other = "إن الجمعية العامة، ديسمبر ،2022 وبن33اء الاس3تعمار اللجن3ة تق3رر زي3ادة\n"
    result = unparse.repair_text(other)
    assert not [f for f in result.fixes if f.kind.startswith("pdfium_")]


def _with_evidence(lines: list[str]) -> str:
    # Two mirrored pairs, as in every pypdfium2 text of the benchmark, and enough lines
    # that one starting with a space is not PyMuPDF's mark.
    rest = ["الجمعية العامة", "الدورة الثامنة والسبعون", ")1(", ")2(", "A/78/245"] * 5
    return "\n".join(["البند 72 )ب( من جدول الأعمال", *lines, *rest]) + "\n"


def test_split_labels_and_detached_marks() -> None:
    # pypdfium2 on LibreOffice: hrc-res-54-12 lines 29 and 31, sg-a-78-245 lines 21-22.
    text = _with_evidence(
        [
            "وإذ يلاحظ مع القلق ما يلي:",
            ") (أ الآثار السلبية لتغير المناخ والظواهر الجوية المتطرفة على الإنتاج الزراعي؛",
            ") (ب ارتفاع أسعار الأغذية والأسمدة والطاقة وتقلبها؛",
            "أولا ً - مقدمة",
            "1 َّ - يقدم هذا التقرير عملا بقرار الجمعية العامة 76/294.",
        ]
    )
    lines = unparse.normalize(text).split("\n")
    assert lines[2] == "(أ) الآثار السلبية لتغير المناخ والظواهر الجوية المتطرفة على الإنتاج الزراعي؛"
    assert lines[3] == "(ب) ارتفاع أسعار الأغذية والأسمدة والطاقة وتقلبها؛"
    assert lines[4] == "أولاً - مقدمة"
    assert lines[5] == "1 - يقدم هذا التقرير عملا بقرار الجمعية العامة 76/294."


def test_heading_label_after_its_text() -> None:
    # pypdfium2 on fpdf2 (report-a-79-190-right-to-food, lines 26-28 and the later headings).
    text = _with_evidence(
        [
            "الاعتراف بحقوق عمال الأسماك ودعم النظم الغذائية المائية المحلية.",
            " - مقدمة",
            "أولاً",
            "ً - أهمية مصايد الأسماك الصغيرة النطاق للحق في الغذاء",
            "ثانيا",
            " - الإطار القانوني",
            "ً",
            "ثالثا",
        ]
    )
    lines = unparse.normalize(text).split("\n")
    assert lines[2:5] == [
        "أولاً - مقدمة",
        "ثانياً - أهمية مصايد الأسماك الصغيرة النطاق للحق في الغذاء",
        "ثالثاً - الإطار القانوني",
    ]


def test_spaced_bracket_is_no_proper_pair() -> None:
    # pypdfium2 on Chromium (note-e-cn7-2024-8-budget, lines 9 and 27): ") ب(" and ")1("
    # mirrored, "( 1)" a damaged shape, not a pair written properly.
    text = [
        "دنبلا 3) ب( نم جدول الأعمال تقؤملا*",
        "ةلاحلا ةيلاملا بتكمل ممألا المتحدة ينعملا بالمخدرات ةميرجلاو",
        "طيطختلا)1(",
        "للاطلاع على المعلومات المالية المفصلة حسب المانحين، انظر https://www.unodc.org ( 1)",
        "الجمعية العامة والمجلس الاقتصادي والاجتماعي",
    ]
    evidence = logical_order_evidence(numbered_lines(*text))
    assert evidence is not None and evidence["proper_pairs"] == 0


def test_scrambled_symbols() -> None:
    # pypdfium2 on LibreOffice (ga-res-example line 8, report-a-78-7-add-9 line 17): the
    # runs of letters and of the rest of a symbol in reverse order.
    text = _with_evidence(
        [
            "]بناء على تقرير اللجنة الثالثة ).2Add/78/481/A، الفقرة 45([",
            "للأمين العام عن مشروع تجديد قاعة أفريقيا في اللجنة الاقتصادية لأفريقيا )/78/339A).",
        ]
    )
    lines = unparse.normalize(text).split("\n")
    assert lines[1] == "[بناء على تقرير اللجنة الثالثة (A/78/481/Add.2، الفقرة 45)]"
    assert lines[2] == "للأمين العام عن مشروع تجديد قاعة أفريقيا في اللجنة الاقتصادية لأفريقيا (A/78/339)."
    # A symbol or a number pair as written stays.
    assert pdfium.unscramble_symbols("القرار 78/212 و A/RES/76/172 و E/CN.7/2024/1") == (
        "القرار 78/212 و A/RES/76/172 و E/CN.7/2024/1"
    )
