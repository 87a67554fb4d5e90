"""pypdfium2 on Chromium PDFs gives the pieces of a visual line left to right: put back in
reading order (``unparse.repair.pdfium_pieces``), and left alone in the LibreOffice order."""

from __future__ import annotations

import unparse
from unparse.repair.pdfium_pieces import left_piece_before, piece_order, right_piece_after

# pypdfium2 on Chromium (ga-res-78-96, lines 13-36 of the committed input, as given).
CHROMIUM = [
    "الجمعية العامة",
    "البند 8 من جدول الأعمال",
    "]دون الإحالة إلى لجنة رئيسية) .24L/78/A و.1Add.24/L/78/A])",
    "إن الجمعية العامة،",
    "إذ تشير إلى قراراتها السابقة بشأن إعادة الممتلكات الثقافية إلى بلدانها الأصلية أو ردها إليها، "
    "ومنها القرار 76/16",
    "المؤرخ 6 كانون الأول/ديسمبر ،2021",
    "والبروتوكولين",
    "وإذ تشير أيضا إلى اتفاقية لاهاي لحماية الممتلكات الثقافية في حالة نشوب نزاع مسلح لعام 1954)1(",
    "، وإلى اتفاقية منظمة الأمم المتحدة للتربية والعلم والثقافة) اليونسكو( بشأن الوسائل التي تستخدم",
    ")2(",
    "الملحقين بها",
    "،",
    "لحظر ومنع استيراد وتصدير ونقل م لكية الممتلكات الثقافية بطرق غير مشروعة لعام 1970)3(",
    "لم تصبح بعد",
    "وإذ تلاحظ أن عدد الدول الأطراف في اتفاقية عام 1970 قد بلغ 143 دولة، وإذ تشجع الدول التي",
    "أطرافا فيها على أن تنظر في الانضمام إليها،",
    "، الذي أحاله الأمين العام؛",
    ")5(",
    "1 - تحيط علما بتقرير المدير العام لليونسكو",
    "2 - تثني على اليونسكو واللجنة الحكومية الدولية لتعزيز إعادة الممتلكات الثقافية إلى بلدانها الأصلية "
    "أو ردها إليها في",
    "حالة الاستيلاء غير المشروع على ما قامتا به من أعمال، وتشجعهما على مواصلة هذه الأعمال؛",
    ")1( United Nations, Treaty Series, vol. 249, No. 3511.",
]


def test_chromium_pieces_back_in_reading_order() -> None:
    result = unparse.repair_text("\n".join(CHROMIUM) + "\n")
    out = result.text.split("\n")
    assert (
        "وإذ تشير أيضا إلى اتفاقية لاهاي لحماية الممتلكات الثقافية في حالة نشوب نزاع مسلح لعام 1954(1) "
        "والبروتوكولين" in out
    )
    # (The bracket's space drawn inside it, "والثقافة) اليونسكو(", is another damage.)
    assert (
        "الملحقين بها(2)، وإلى اتفاقية منظمة الأمم المتحدة للتربية والعلم والثقافة( اليونسكو) "
        "بشأن الوسائل التي تستخدم" in out
    )
    assert "لحظر ومنع استيراد وتصدير ونقل م لكية الممتلكات الثقافية بطرق غير مشروعة لعام 1970(3)،" in out
    assert (
        "وإذ تلاحظ أن عدد الدول الأطراف في اتفاقية عام 1970 قد بلغ 143 دولة، وإذ تشجع الدول التي "
        "لم تصبح بعد" in out
    )
    assert "1 - تحيط علما بتقرير المدير العام لليونسكو(5)، الذي أحاله الأمين العام؛" in out
    assert [d.value for d in result.decisions if d.name == "pieces_left_to_right"] == [True]
    fixes = [f for f in result.fixes if f.kind == "pdfium_pieces"]
    assert len(fixes) == 5
    doc = unparse.parse_text("\n".join(CHROMIUM) + "\n")
    assert [p.number for p in doc.paragraphs] == [1, 2]
    assert [p.lead for p in doc.preamble] == ["إذ تشير", "وإذ تشير أيضا", "وإذ تلاحظ"]


def test_libreoffice_order_is_left_alone() -> None:
    # pypdfium2 on LibreOffice (ctoc-cop-dec-10-4): the reference starts the next piece and
    # the punctuation after it follows: the other order, repaired by pdfium_footnotes.
    lines = [
        "إن مؤتمر الأطراف في اتفاقية الأمم المتحدة لمكافحة الجريمة المنظمة عبر الوطنية",
        ")١( فيينا يومي ٧ و٨ تموز/يوليه ٢٠٢٠",
        "،",
        "١ - يحث الدول الأطراف على أن تحدد احتياجاتها من المساعدة التقنية )أ( وأن تبلغ عنها؛",
        "٢ - يطلب إلى الأمانة أن تواصل عملها )ب( وأن تقدم تقريرا؛",
    ]
    evidence = piece_order(lines)
    assert (evidence.left_to_right, evidence.right_to_left, evidence.ltr) == (0, 1, False)
    result = unparse.repair_text("\n".join(lines) + "\n")
    assert not [f for f in result.fixes if f.kind == "pdfium_pieces"]


def test_pieces_must_fit_in_a_line() -> None:
    # The same two pieces, in a text whose lines are shorter than the two together: apart.
    left, right = "والبروتوكولين", "وإذ تشير أيضا إلى اتفاقية لاهاي لعام 1954)1("
    assert right_piece_after([left, right, "، وإلى"], 0, 60) is not None
    assert right_piece_after([left, right, "، وإلى"], 0, 50) is None
    assert left_piece_before(["، الذي أحاله", ")5(", right], 0, 50) is None


def test_a_paragraph_end_before_a_full_paragraph_stays() -> None:
    # A paragraph's last line, then a one-line paragraph that ends with its stop.
    texts = ["في عام 2023؛", "2 - تقرر أن تبقي المسألة قيد نظرها.", "3 - تقرر"]
    assert right_piece_after(texts, 0, 80) is None


def test_ordinal_heading_with_its_tanween_before_the_alef() -> None:
    # pypdfium2 on Chromium (note-a-ac109-2024-5-tokelau, lines 19-21): "ثاني ًا- ..." is
    # repaired to "ثانيًا- ..." (the tanween before the alef, as Unicode's fonts write it): a
    # heading, not the end of the paragraph before it.
    text = (
        "1 - ووفقا لتعداد السكان والمساكن الذي أجري في عام 2023، بلغ عدد سكان توكيلاو المقيمين 1 647 نسمة.\n"
        "ثانيًا- التطورات الدستورية والسياسية\n"
        "2 - يتولى مجلس الفونو العام، وهو الهيئة التشريعية الوطنية، إدارة شؤون الإقليم.\n"
    )
    doc = unparse.parse_text(text)
    heading = ("ثانيًا", "التطورات الدستورية والسياسية", 1)
    assert [(s.label, s.title, s.level) for s in doc.sections] == [heading]
    assert doc.paragraphs[0].text.endswith("1 647 نسمة.")
    assert doc.paragraphs[1].number == 2
