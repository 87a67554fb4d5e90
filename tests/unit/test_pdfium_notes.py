"""pypdfium2's footnotes laid out from the left (Chromium, fpdf2: the marker at the line's
end) and after their marker alone (LibreOffice), through repair and segmentation: the
repair puts the marker first and tells segmentation which lines open a footnote
(``facts["note_lines"]``), so a note that follows a sub-item ending with a colon is not
read as the first point of a nested list."""

from __future__ import annotations

import unparse

# pypdfium2 on fpdf2 and Chromium (ga-res-example, lines 24-37, shortened): the note of
# reference 1 at the foot of the page, read from the left, after a sub-item that ends
# with a colon.
LINES = [
    "A/RES/78/212",
    "البند 72 )ب( من جدول الأعمال",
    "78/212 - حماية المهاجرين",
    "إن الجمعية العامة،",
    "إذ تشير إلى جميع قراراتها السابقة المتعلقة بحماية المهاجرين، ومنها القرار 76/172)1(،",
    "1 - تطلب إلى جميع الدول أن تعزز وتحمي بفعالية حقوق الإنسان؛",
    "2 - تهيب بالدول أن تقوم بما يلي:",
    ")أ( أن تكفل احترام حقوق الطفل المهاجر، ومنها ما يلي:",
    ".A/RES/76/172 )1(",
    ")ب( أن تضع بدائل للاحتجاز، بما في ذلك خلال الفترة 2026-2024؛",
]


def test_note_read_from_the_left_after_a_colon_is_a_footnote() -> None:
    result = unparse.repair_text("\n".join(LINES) + "\n")
    assert result.facts["note_lines"] == [9]
    doc = unparse.parse_text("\n".join(LINES) + "\n")
    assert [(f.marker, f.text) for f in doc.footnotes] == [("1", "A/RES/76/172.")]
    subs = doc.paragraphs[1].sub_items
    assert [(s.label, s.sub_items) for s in subs] == [("أ", []), ("ب", [])]
    assert subs[0].text == "أن تكفل احترام حقوق الطفل المهاجر، ومنها ما يلي:"


def test_reference_alone_then_its_punctuation_goes_back() -> None:
    # pypdfium2 on LibreOffice (ga-res-78-72, lines 29-31 and 41-42): the reference ")٢("
    # alone on its line with the semicolon after it on the next; the note's marker alone
    # at the page foot before its text. The reference goes back to the end of its line;
    # only the note's line opens a footnote.
    lines = [
        "البند ٩٩ )ز( من جدول الأعمال",
        "٣ - تحيط علما بتقرير الأمين العام المقدم عملا بالفقرة ٣ من القرار ٧٧/٥٣",
        ")٢(",
        "؛",
        "٤ - تطلب إلى الأمين العام أن يكثف جهوده )ب( وأن يدعم المبادرات؛",
        ")٢(",
        ".A/78/136",
    ]
    result = unparse.repair_text("\n".join(lines) + "\n")
    out = result.text.split("\n")
    assert out[1] == "3 - تحيط علما بتقرير الأمين العام المقدم عملا بالفقرة 3 من القرار 77/53(2)؛"
    assert out[-1] == "(2) A/78/136."
    assert result.facts["note_lines"] == [7]


def test_moved_reference_before_a_note_with_its_text() -> None:
    # pypdfium2 on LibreOffice (ga-res-78-96, lines 37-38 and 62): the reference drawn as
    # a superscript starts the next piece of its line, the comma after it on the next
    # line; the note's marker starts its own line with its text (not alone).
    lines = [
        "البند 8 )ب( من جدول الأعمال",
        'وإذ تؤكد أن "التراث الثقافي لكل شعب هو جزء لا يتجزأ من التراث المشترك للإنسانية"، على',
        ")4( النحو المنصوص عليه في الإعلان العالمي بشأن التنوع الثقافي",
        "،",
        ")4( United Nations Educational, Scientific and Cultural Organization, Records of the",
    ]
    out = unparse.repair_text("\n".join(lines) + "\n").text.split("\n")
    assert out[2] == "النحو المنصوص عليه في الإعلان العالمي بشأن التنوع الثقافي(4)،"
    assert out[3].startswith("(4) United Nations Educational")


def test_nested_point_before_its_note_stays() -> None:
    # pypdfium2 on fpdf2 (ctoc-cop-dec-10-4, lines 26-27 and 37): ")١( وضع برامج" is the
    # first point of a nested list, footnote 1 comes later with its text: no reference.
    lines = [
        "البند 4 )ب( من جدول الأعمال",
        ")ج( حماية الشهود والضحايا، ومنها ما يلي:",
        ")١( وضع برامج لحماية الشهود؛",
        ")٢( تقديم المساعدة إلى الضحايا وتعويضهم؛",
        ")١( الأمم المتحدة، مجموعة المعاهدات، المجلد ،٢٢٢٥ الرقم .٣٩٥٧٤",
    ]
    out = unparse.repair_text("\n".join(lines) + "\n").text.split("\n")
    assert out[2] == "(1) وضع برامج لحماية الشهود؛"


def test_note_from_the_left_with_its_marker_after_an_arabic_word() -> None:
    # pypdfium2 on Chromium (note-a-ac109-2024-5-tokelau, lines 55-58): the note "(2) انظر
    # A/AC.109/2023/SR.6." laid out from the left, its marker drawn unmirrored after its
    # first Arabic word, "انظر( 2)"; the note after it starts with its marker as drawn.
    lines = [
        "12 - تحيط علما بتقرير اللجنة الخاصة)2( وبالقرار 78/91)3(.",
        ")1( تستند المعلومات الواردة في ورقة العمل هذه إلى مصادر منشورة.",
        ".A/AC.109/2023/SR.6 انظر( 2)",
        ")3( الوثائق الرسمية للجمعية العامة، الدورة الثامنة والسبعون.",
    ]
    result = unparse.repair_text("\n".join(lines) + "\n")
    assert result.text.split("\n")[2] == "(2) انظر A/AC.109/2023/SR.6."
    assert result.facts["note_lines"] == [3]
    doc = unparse.parse_text("\n".join(lines) + "\n")
    assert ("2", "انظر A/AC.109/2023/SR.6.") in [(f.marker, f.text) for f in doc.footnotes]
