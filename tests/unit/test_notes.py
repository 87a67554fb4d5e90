"""A page's notes printed inside the paragraph that crosses the page (repair/notes.py), and a
list that starts again at (1) after closed notes (segment/readers/footnotes.py).

The texts are the benchmark's markdown damage of ``sg-a-78-267-disaster-risk`` (dev split)
and its pdftotext shape (notes between wrapped lines, the next numbered paragraph after).
"""

from __future__ import annotations

import unparse

HEAD = (
    "1- **وتظهر** النتائج تفاوتا كبيرا في مواجهة المخاطر(1). فالبلدان الأقل نموا والدول الجزرية "
    "الصغيرة النامية(2) تتكبد خسائر اقتصادية تعادل نسبتها من الناتج المحلي"
)
NOTE_1 = "(1) قرار الجمعية العامة 283/69، المرفق الثاني."
NOTE_2 = (
    "(2) Centre for Research on the Epidemiology of Disasters, 2022 Disasters in Numbers (Brussels, 2023)."
)
REST = "الإجمالي أضعاف ما تتكبده البلدان المرتفعة الدخل."
NEXT = "2- **ويتأثر** النساء والفتيات والأشخاص ذوو الإعاقة بصورة غير متناسبة بالكوارث."


def _clean(line: str) -> str:
    return line.replace("**", "").replace("283/69", "69/283")


def test_markdown_paragraph_joined_and_notes_after_it() -> None:
    text = "\n\n".join([HEAD, NOTE_1, NOTE_2, REST, NEXT]) + "\n"
    result = unparse.repair_text(text)
    assert result.text == "\n\n".join([_clean(HEAD) + "\n" + REST, _clean(NOTE_1), NOTE_2, _clean(NEXT)])
    # A move changes no line's text: no fix, the document's decision names the lines.
    assert not [f for f in result.fixes if f.kind == "interrupting_notes"]
    moves = [(d.value, d.evidence) for d in result.decisions if d.step == "interrupting_notes"]
    assert moves == [(1, {"moves": "3-5 after 7"})]
    assert unparse.normalize(result.text) == result.text
    doc = unparse.parse_text(text)
    assert [p.number for p in doc.paragraphs] == [1, 2]
    assert doc.paragraphs[0].text.endswith(
        "من الناتج المحلي الإجمالي أضعاف ما تتكبده البلدان المرتفعة الدخل."
    )
    assert [n.marker for n in doc.footnotes] == ["1", "2"]


def test_wrapped_text_notes_go_before_the_next_numbered_paragraph() -> None:
    lines = [
        "4 - وتفيد البيانات التي أبلغت عنها 143 دولة عضوا من خلال أداة رصد إطار سنداي(1) بأن معدل",
        "الوفيات الناجمة عن الكوارث لكل 100 000 نسمة انخفض من 1,77 خلال الفترة 2005-2014 إلى",
        "",
        "(1) قرار الجمعية العامة 69/283، المرفق الثاني.",
        "",
        "0,84 خلال الفترة 2012-2021، أي بنسبة 52 في المائة تقريبا.",
        "5 - وتظهر النتائج تفاوتا كبيرا في مواجهة المخاطر.",
    ]
    out = unparse.normalize("\n".join(lines)).splitlines()
    # "0,84" starts with a digit: not a continuation that can be told from a number.
    assert out == lines
    lines[5] = "خلال الفترة 2012-2021 بلغ 0,84، أي بنسبة 52 في المائة تقريبا."
    out = unparse.normalize("\n".join(lines)).splitlines()
    assert out == [lines[0], lines[1], lines[5], "", lines[3], "", lines[6]]


def test_what_stays_where_it_is() -> None:
    cases = [
        # The paragraph before ends its sentence (or a preambular paragraph its clause).
        [HEAD + ".", NOTE_1, REST],
        [HEAD + "،", NOTE_1, "وإذ تشير إلى قرارها 69/283،"],
        # The block after starts an item: a number, a sub-item, a section's label.
        [HEAD, NOTE_1, "6- ويتأثر النساء"],
        [HEAD, NOTE_1, "(أ) اعتماد تشريعات إطارية"],
        [HEAD, NOTE_1, "ثالثاً - استعراض منتصف المدة"],
        # A marker never cited, and a short block (a heading) before the notes.
        [HEAD.replace("(1)", ""), NOTE_1, REST],
        ["ثانياً - اتجاهات الكوارث(1)", NOTE_1, REST],
    ]
    for blocks in cases:
        text = "\n\n".join(blocks) + "\n"
        result = unparse.repair_text(text)
        assert not [d for d in result.decisions if d.step == "interrupting_notes"], blocks


def test_a_list_after_its_notes_is_no_note() -> None:
    # Note 1 defined on the page before; the list's "(1)" after note 2 is the list's point.
    text = "\n".join(
        [
            "1 - تحيط علما بالتقرير(1) وتوصي بما يلي(2):",
            "(1) A/78/150.",
            "(2) قرار الجمعية العامة 77/289، المرفق.",
            "",
            "(1) تخصيص نسبة لا تقل عن 1 في المائة من الميزانيات المحلية للحد من مخاطر الكوارث؛",
            "(2) إنشاء صناديق وطنية للطوارئ؛",
            "2 - تقرر أن تبقي المسألة قيد نظرها.",
        ]
    )
    doc = unparse.parse_text(text + "\n")
    assert [(n.marker, n.text) for n in doc.footnotes] == [
        ("1", "A/78/150."),
        ("2", "قرار الجمعية العامة 77/289، المرفق."),
    ]
    assert [p.number for p in doc.paragraphs] == [1, 2]


def test_unproven_furniture_goes_with_the_notes() -> None:
    # The benchmark's markdown damage of report-crpd-csp-2023-5-conference (dev): a short
    # numbered paragraph's first words, the page's notes, the next page's number (one page
    # number alone proves nothing to the furniture step), then the paragraph's rest.
    head = "8- **وأشار** المشاركون إلى أن ما يقارب 2,5 مليار شخص يحتاجون إلى"
    notes = [
        "(1) United Nations, *Treaty Series*, vol. 2515, No. 44910.",
        "(2) ترد نتائج الاقتراع في الوثيقة CRPD/CSP/2023/INF/2.",
    ]
    rest = "منتج واحد على الأقل من منتجات التكنولوجيا المساعدة."
    text = (
        "\n\n".join(["7- تحيط علما بالتقرير(1) ونتائج الاقتراع(2).", head, *notes, "2", "", "", rest]) + "\n"
    )
    out = unparse.normalize(text)
    assert out.split("\n\n")[1:] == [
        "8- وأشار المشاركون إلى أن ما يقارب 2,5 مليار شخص يحتاجون إلى\n" + rest,
        "(1) United Nations, Treaty Series, vol. 2515, No. 44910.",
        notes[1],
        "2",
    ]
    # Shorter than that, the block before may be a heading: it stays.
    text = text.replace(head, "8- **وأشار** المشاركون إلى")
    assert "إلى\n\n(1)" in unparse.normalize(text)


def test_blank_separated_lines_where_the_paragraph_runs_on() -> None:
    # pdfminer's text of an fpdf2 PDF (report-a-ac105-1307-stsc, dev): every line a block.
    # The line after the notes does not end the paragraph and the next block starts no
    # item: where the paragraph ends is not known, the notes stay.
    lines = [
        "16 - وأكدت عدة وفود أهمية الربط بين البيانات الفضائية(1) ونظم الإنذار المبكر، دعما لمبادرة",
        "(1) United Nations, Treaty Series, vol. 1023, No. 15020.",
        "من البيانات المستخدمة في نماذج التنبؤ العددي بالطقس. وأفادت وفود أخرى بأنها وضعت نظما",
        "والحرائق والفيضانات تعتمد على بيانات مفتوحة المصدر.",
    ]
    text = "\n\n".join(lines) + "\n"
    assert unparse.normalize(text) == text.rstrip("\n")
    # The next block starts the next paragraph: the paragraph ends with the line after.
    lines[3] = "17 - ونظرت اللجنة الفرعية في البند."
    text = "\n\n".join(lines)
    assert unparse.normalize(text).split("\n\n") == [lines[0] + "\n" + lines[2], lines[1], lines[3]]
