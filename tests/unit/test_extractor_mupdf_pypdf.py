"""PyMuPDF and pypdf damage, each pinned on a real example from the committed dev inputs
(benchmarks/accuracy/inputs/text/TYPESETTER/{pymupdf,pypdf}/NAME.txt)."""

from __future__ import annotations

from pathlib import Path

import unparse
from builders import numbered_lines
from unparse.repair.mupdf_pypdf import date_order, eastern_digits, reverse_eastern_number

INPUTS = Path(__file__).resolve().parents[2] / "benchmarks" / "accuracy" / "inputs" / "text"


def _lines(typesetter: str, extractor: str, name: str) -> list[str]:
    return (INPUTS / typesetter / extractor / f"{name}.txt").read_text(encoding="utf-8").splitlines()


def _repaired(
    typesetter: str, name: str, raw: str, fact: str, least: int
) -> tuple[list[str], unparse.RepairResult]:
    """PyMuPDF's lines of a dev input, which hold ``raw``, and their repair, whose
    ``facts[fact]`` counts at least ``least`` lines."""
    lines = _lines(typesetter, "pymupdf", name)
    assert raw in lines
    result = unparse.repair_text("\n".join(lines))
    assert result.facts[fact] >= least
    return lines, result


def test_dates_in_order_mark_pymupdf_libreoffice_logical() -> None:
    text = "\n".join(_lines("libreoffice", "pymupdf", "ga-res-79-145"))
    evidence = date_order(text)
    assert evidence.logical and evidence.month_then_year >= 1
    assert not date_order("\n".join(_lines("chromium", "pymupdf", "ga-res-79-145"))).logical


def test_logical_pymupdf_libreoffice_line_left_in_order() -> None:
    # ga-res-78-72 through PyMuPDF: line_order used to give 'ديسمبر/كانون الأول ٤'.
    lines = _lines("libreoffice", "pymupdf", "ga-res-78-72")
    assert lines[9] == "٤  كانون الأول/ديسمبر"
    result = unparse.repair_text("\n".join(lines))
    assert result.facts["logical_order"] is True
    assert "4 كانون الأول/ديسمبر" in result.text.splitlines()


def test_eastern_numbers_reversed() -> None:
    lines = _lines("fpdf2", "pypdf", "ga-res-78-72")
    assert "٤ كانون الأول/ديسمبر ٣٢٠٢" in lines
    assert eastern_digits("\n".join(lines)).reversed
    assert reverse_eastern_number("٤ كانون الأول/ديسمبر ٣٢٠٢") == "٤ كانون الأول/ديسمبر ٢٠٢٣"
    assert reverse_eastern_number("٢٧/٨٧") == "٧٨/٧٢"
    text = unparse.normalize("\n".join(lines))
    assert "4 كانون الأول/ديسمبر 2023" in text


def test_eastern_numbers_as_printed_left_alone() -> None:
    text = "قرار اتخذته الجمعية العامة في ٤ كانون الأول/ديسمبر ٢٠٢٣\nالمؤرخ ١٠ آذار/مارس ٢٠٢٢"
    assert not eastern_digits(text).reversed
    assert unparse.normalize(text, options=unparse.Options(digits="keep")) == text


def test_pymupdf_edge_punctuation_and_split_lines_put_back() -> None:
    from unparse.repair.mupdf_pypdf import swap_edge_punctuation

    lines = _lines("libreoffice", "pymupdf", "ga-res-example")
    assert "،إن الجمعية العامة" in lines
    assert swap_edge_punctuation("،إن الجمعية العامة") == "إن الجمعية العامة،"
    assert swap_edge_punctuation(" ، الفقرة") == " ، الفقرة"
    text = unparse.normalize("\n".join(lines)).splitlines()
    assert "إن الجمعية العامة،" in text
    assert any(t.startswith("وإذ تؤكد من جديد الإعلان العالمي لحقوق الإنسان(2)، الذي يعلن") for t in text)
    assert any(t.startswith("1 - تطلب إلى جميع الدول") for t in text)


def test_indented_pymupdf_line_with_its_dash_at_the_end_is_put_back_once() -> None:
    # ga-res-79-145 through PyMuPDF: the paragraph number, then its line indented with the
    # dash at the end; the first pass left it (the dash was not found behind the spaces)
    # and the second pass repaired it, so normalize was not idempotent.
    lines = _lines("libreoffice", "pymupdf", "ga-res-79-145")
    i = lines.index("   تلاحظ أن نحو-")
    assert lines[i - 1] == "6"
    text = unparse.normalize("\n".join(lines))
    assert "6 - تلاحظ أن نحو" in text.splitlines()
    assert "5 - تحث الدول على أن تقوم بما يلي، على النحو المناسب ووفقا لقدراتها الوطنية:" in text.splitlines()
    assert unparse.normalize(text) == text


def test_comma_led_logical_line_keeps_its_comma() -> None:
    # pdftotext -raw on LibreOffice (ga-res-78-96): a line after a footnote reference starts
    # with its comma and a space; once repaired, the dates read in order and the PyMuPDF
    # step moved that comma to the line's end on a second pass ("...العام؛،").
    from unparse.repair.mupdf_pypdf import shows_moved_punctuation, swap_edge_punctuation

    assert swap_edge_punctuation("، الذي أحاله الأمين العام؛") == "، الذي أحاله الأمين العام؛"
    assert not shows_moved_punctuation("، وإلى اتفاقية منظمة الأمم المتحدة للتربية")
    lines = _lines("libreoffice", "pdftotext-raw", "ga-res-78-96")
    text = unparse.normalize("\n".join(lines))
    # The reference on three lines ("(", "5", ")") and the paragraph numbers alone on
    # their lines are put back by the first pass, not the second.
    assert (
        "2 - تثني على اليونسكو واللجنة الحكومية الدولية لتعزيز إعادة الممتلكات الثقافية إلى بلدانها الأصلية"
        in (text.splitlines())
    )
    assert unparse.normalize(text) == text


def test_reference_split_on_three_lines_is_joined_but_not_a_latin_bracket() -> None:
    from unparse.lines import Line
    from unparse.options import DEFAULT_OPTIONS
    from unparse.repair.mupdf_lines import rejoin_split_lines
    from unparse.repair.pipeline import Context

    def run(*texts: str) -> list[str]:
        ctx = Context(DEFAULT_OPTIONS, facts={"logical_order": True})
        return [x.text for x in rejoin_split_lines(numbered_lines(*texts), ctx)]

    # PyMuPDF on LibreOffice (ga-res-example, dev).
    assert run("وإذ تؤكد من جديد الإعلان العالمي لحقوق الإنسان", "(", "2", ")، الذي يعلن") == [
        "وإذ تؤكد من جديد الإعلان العالمي لحقوق الإنسان(2)، الذي يعلن"
    ]
    # pdfplumber on Chromium (sg-e-2024-55-gender-mainstreaming, dev), once repaired: the
    # bracket before a Latin acronym is not a reference's; joined on a second pass only.
    lines = ("خطة عمل منظومة الأمم المتحدة بشأن", "(", "1", ")UN-SWAP")
    assert run(*lines) == list(lines)
    # Without evidence that the text is logical (a visual text), nothing is joined.
    ctx = Context(DEFAULT_OPTIONS)
    same = [Line(1, "نيرجاهملا"), Line(2, "("), Line(3, "2"), Line(4, ")")]
    assert rejoin_split_lines(same, ctx) == same


def test_end_marker_spaced_so_the_run_order_step_reads_it_first() -> None:
    from unparse.repair.mupdf_runs import space_end_marker

    # PyMuPDF on Chromium gives a line's runs left to right: the paragraph number last,
    # its dash glued to the run before it.
    lines = _lines("chromium", "pymupdf", "sg-a-78-245-road-safety")
    raw = lines[22]
    assert raw.startswith("، الذي اعتمدت فيه الجمعية الإعلان السياسي76/294  يق") and raw.endswith("العامة- 1")
    assert space_end_marker(raw).endswith("العامة - 1")
    assert space_end_marker("في الفترة 2021-2030") == "في الفترة 2021-2030"
    result = unparse.repair_text("\n".join(lines))
    assert result.facts["end_markers"] >= 30
    text = result.text.splitlines()
    assert any(t.startswith("1 - يق") and "العامة 76/294، الذي اعتمدت" in t for t in text)
    numbers = [p.number for p in unparse.parse_text("\n".join(lines)).paragraphs]
    assert numbers[:10] == list(range(1, 11))
    assert unparse.normalize(result.text) == result.text


def test_end_markers_left_alone_in_logical_text() -> None:
    # Two lines ending with a glued dash and a number, in a text the dates say is logical.
    text = (
        "قرار اتخذته الجمعية العامة في 4 كانون الأول/ديسمبر 2023\n"
        "المؤرخ 5 أيار/مايو 2023 والبند- 1\nوالبند- 2"
    )
    result = unparse.repair_text(text)
    assert "end_markers" not in result.facts
    assert not [f for f in result.fixes if f.kind == "end_marker"]


def test_reordered_lines_get_their_dash_and_glued_references() -> None:
    from unparse.repair.mupdf_runs import glue_reference, number_first

    # A one-run line: the run-order step moves its number alone, the dash stays last.
    lines = _lines("chromium", "pymupdf", "report-a-79-190-right-to-food")
    assert any(line.endswith("ولا سيما النساء العاملات- 3") for line in lines)
    assert number_first("3 ويتقدم المقرر الخاص بالشكر، ولا سيما النساء العاملات-") == (
        "3 - ويتقدم المقرر الخاص بالشكر، ولا سيما النساء العاملات"
    )
    assert number_first("2021-2030") == "2021-2030"
    assert glue_reference("التخطيط (1).") == "التخطيط(1)."
    assert glue_reference("البند 12 (ب)") == "البند 12 (ب)"
    text = unparse.normalize("\n".join(lines)).splitlines()
    assert any(t.startswith("3 - ويتقدم المقرر الخاص بالشكر إلى جميع من أسهموا") for t in text)
    # note-e-cn7-2024-8-budget: the reference glued again, its footnote is read as one.
    note = unparse.parse_text("\n".join(_lines("chromium", "pymupdf", "note-e-cn7-2024-8-budget")))
    assert [f.marker for f in note.footnotes if f.marker == "1"] == ["1"]


def test_pymupdf_libreoffice_kept_number_and_heading_label_put_back() -> None:
    from unparse.repair.mupdf_pypdf import swap_edge_punctuation

    lines = _lines("libreoffice", "pymupdf", "sg-a-78-245-road-safety")
    kept = "4 تشير أحدث التقديرات الصادرة عن منظمة الصحة العالمية إلى أن عدد الوفيات الناجمة عن- "
    assert kept in lines
    assert swap_edge_punctuation(kept) == kept[:2] + "- " + kept[2:-2]
    assert " مقدمة- \u064bأولا" in lines
    assert swap_edge_punctuation(" مقدمة- \u064bأولا") == "أولا\u064b - مقدمة"
    # Two spaces after the number (ga-res-79-145).
    assert swap_edge_punctuation("5  يتخذ الفريق العامل قراراته بتوافق الآراء؛-") == (
        "5 - يتخذ الفريق العامل قراراته بتوافق الآراء؛"
    )
    doc = unparse.parse_text("\n".join(lines))
    numbers = [p.number for p in doc.paragraphs]
    assert {4, 5, 6, 7} <= set(numbers)
    assert "أولا" in [s.label.rstrip("\u064b") for s in doc.sections if s.label]
    assert unparse.normalize(doc.text) == doc.text


def test_pymupdf_libreoffice_kept_number_dash_before_a_number_put_back() -> None:
    # The line's first run ends at a number: the paragraph dash is left before the number.
    from unparse.repair.mupdf_pypdf import kept_number_dash

    lines = _lines("libreoffice", "pymupdf", "sg-a-79-168-crime-programme")
    assert "١  طلبت الجمعية العامة، في قرارها- ٩٢٢/٨٧" in lines
    assert kept_number_dash("١  طلبت الجمعية العامة، في قرارها- ٧٨/٢٢٩") == (
        "١ - طلبت الجمعية العامة، في قرارها ٧٨/٢٢٩"
    )
    assert kept_number_dash("١٣  كانون الأول/ديسمبر") == "١٣  كانون الأول/ديسمبر"
    doc = unparse.parse_text("\n".join(lines))
    first = {p.number: p.text for p in doc.paragraphs}
    assert {1, 3, 4, 5, 9} <= set(first)
    assert first[1].startswith("طلبت الجمعية العامة، في قرارها 78/229")
    assert first[4].startswith("وشهد عام 2023 بدء المرحلة القطرية")
    assert unparse.normalize(doc.text) == doc.text
    # A text without PyMuPDF's moved punctuation elsewhere keeps such a line as it is.
    fixes = unparse.repair_text("١  طلبت الجمعية العامة، في قرارها- ٧٨/٢٢٩").fixes
    assert "kept_number_dash" not in {fix.kind for fix in fixes}


def test_latin_lines_keep_their_word_order_in_a_run_reversed_text() -> None:
    # ga-res-78-96 through PyMuPDF on Chromium: the document is run-reversed, but a Latin
    # footnote is one left-to-right run; line_order used to give
    # ")1( 3511 No. 249, vol. Series, Treaty Nations, United." and "General Distr.:".
    from unparse.repair.latin_lines import latin_prose, restore_latin_note

    lines = _lines("chromium", "pymupdf", "ga-res-78-96")
    note = ".United Nations, Treaty Series, vol. 249, No. 3511 )1("
    assert note in lines and "Distr.: General" in lines
    assert latin_prose(note) and not latin_prose(".A/78/273 )5(")
    assert restore_latin_note(note) == "(1) United Nations, Treaty Series, vol. 249, No. 3511."
    result = unparse.repair_text("\n".join(lines))
    assert result.facts["runs_reversed"] is True
    out = result.text.splitlines()
    assert "(1) United Nations, Treaty Series, vol. 249, No. 3511." in out
    assert "Distr.: General" in out
    assert any(f.kind == "latin_note" for f in result.fixes)
    assert unparse.normalize(result.text) == result.text


def test_latin_note_with_pypdf_marker_and_in_a_logical_text() -> None:
    from unparse.repair.latin_lines import restore_latin_note

    lines = _lines("chromium", "pypdf", "ga-res-78-96")
    assert ".United Nations, Treaty Series, vol. 249, No. 3511 (1)" in lines
    out = unparse.normalize("\n".join(lines)).splitlines()
    assert "(1) United Nations, Treaty Series, vol. 249, No. 3511." in out
    # Not run-reversed: a Latin line that starts with a stop is repaired all the same (no
    # Latin prose starts with one; PyMuPDF on fpdf2 and pdftotext -layout give it so in
    # texts in reading order); one that only ends with a marker stays.
    text = "إن الجمعية العامة،\n.Ibid., vol. 823, No. 11806 )3("
    assert restore_latin_note(".Ibid., vol. 823, No. 11806 )3(") == "(3) Ibid., vol. 823, No. 11806."
    assert unparse.normalize(text).splitlines()[1] == "(3) Ibid., vol. 823, No. 11806."
    text = "إن الجمعية العامة،\nIbid., vol. 823, No. 11806 (3)"
    assert unparse.normalize(text).splitlines()[1] == "Ibid., vol. 823, No. 11806 (3)"


def test_kashida_glyphs_read_as_letters_and_their_pieces_put_back_in_order() -> None:
    # ga-res-79-145 through PyMuPDF on LibreOffice: the kashida of a justified line came out
    # as "D", and the pieces between them in reverse order.
    from unparse.repair.kashida_segments import has_kashida, repair_kashida_line, strip_kashida

    lines = _lines("libreoffice", "pymupdf", "ga-res-79-145")
    line = "ذاDت إلى أن هDد خلصDاخ قDير المنDمليمترات في السنة، وأن الهيئة الحكومية الدولية المعنية بتغ"
    assert line in lines and has_kashida(line)
    assert repair_kashida_line(line) == (
        "مليمترات في السنة، وأن الهيئة الحكومية الدولية المعنية بتغير المناخ قد خلصت إلى أن هذا"
    )
    # Pieces already in order (pypdfium2's): the glyphs are only dropped.
    assert strip_kashida("التنوع الثق@@افي") == "التنوع الثقافي"
    assert repair_kashida_line("التنوع الثق@@افي") == "التنوع الثقافي"
    # A Latin symbol after a proclitic and a colon before a space are no kashida.
    assert not has_kashida("وA/78/L.24 وA/78/L.24/Add.1") and not has_kashida("بما يلي: -")
    result = unparse.repair_text("\n".join(lines))
    assert result.facts["kashida_lines"].reordered >= 20
    text = result.text
    assert "بتغير المناخ قد خلصت إلى أن هذا" in text
    assert unparse.normalize(text) == text


def test_kashida_pieces_around_numbers_references_and_the_paragraph_dash() -> None:
    from unparse.repair.kashida_segments import kashida_digit, repair_kashida_line

    # pypdf doubles the glyph; a number and a footnote reference keep their places
    # (pypdf on LibreOffice, ga-res-79-145).
    lines = _lines("libreoffice", "pypdf", "ga-res-79-145")
    line = "و DDدرك أن نحDنين، وإذ تDDالارتفاع سيستمر لقرون وسيظل مرتفعا لآلاف الس900خص،DDون شDD ملي"
    assert line in lines
    assert repair_kashida_line(line) == (
        "الارتفاع سيستمر لقرون وسيظل مرتفعا لآلاف السنين، وإذ تدرك أن نحو 900 مليون شخص،"
    )
    ref = "وإذ تؤكد من جديد أن اتفاقية الأمم المتحدة لقانون البحار(1)ذي يجبDانوني الDار القDدد الإطD تح"
    assert ref in lines
    assert repair_kashida_line(ref).endswith("البحار(1) تحدد الإطار القانوني الذي يجب")
    # Kashida as a repeated digit, the paragraph's dash at the end of its first piece, the
    # number on the line before (PyMuPDF on LibreOffice, sg-a-78-267-disaster-risk).
    lines = _lines("libreoffice", "pymupdf", "sg-a-78-267-disaster-risk")
    line = " ا66ة، في قراره66ة العام66  طلبت الجمعي-"
    assert line in lines
    assert kashida_digit("\n".join(lines)) == "6"
    assert repair_kashida_line(line, "6") == "- طلبت الجمعية العامة، في قرارها"
    # A real number glued to the words on both sides is no kashida of a document whose
    # font gives "6" (pypdf on LibreOffice, the same document).
    assert repair_kashida_line("وتتجاوز5غيرة", "6") == "وتتجاوز5غيرة"
    out = unparse.normalize("\n".join(lines)).splitlines()
    assert any(t.startswith("1 - طلبت الجمعية العامة، في قرارها") for t in out)


def test_kashida_left_by_other_producers_repaired_once_their_steps_ran() -> None:
    # A text with fewer than three such lines is left alone.
    text = "الإعلان العالمي بشأن التنوع الثق@@افي\nإن الجمعية العامة،"
    assert unparse.normalize(text) == text
    # pdfminer's own steps (the visual ones) leave "AA" beside a space on lines a later step
    # makes (sg-e-2024-55): repaired last, so that a second pass, which knows no producer
    # any more, has nothing left to do.
    lines = _lines("libreoffice", "pdfminer", "sg-e-2024-55-gender-mainstreaming")
    result = unparse.repair_text("\n".join(lines))
    assert result.facts["kashida_lines"].lines >= 3
    assert "AA " not in result.text
    assert unparse.normalize(result.text) == result.text


def test_lam_kaf_ligature_cut_from_its_word_is_joined_again() -> None:
    # PyMuPDF gives the lam before the lam-kaf ligature twice, a space between
    # (sg-a-78-267-disaster-risk on Chromium: "ال لكوارث" for "الكوارث").
    from unparse.repair.lam_kaf import join_lam_kaf

    lines = _lines("chromium", "pymupdf", "sg-a-78-267-disaster-risk")
    assert sum(line.count("ال لكوارث") for line in lines) >= 10
    assert join_lam_kaf("الحد من مخاطر ال لكوارث") == "الحد من مخاطر الكوارث"
    assert join_lam_kaf("والممل لكة المتحدة") == "والمملكة المتحدة"
    # pypdfium2 gives the space only: "ل لكويكبات" is "للكويكبات".
    assert join_lam_kaf("ل لكويكبات") == "للكويكبات"
    # Two real words stay.
    assert join_lam_kaf("مواصلة العمل لكفالة حقوق الإنسان") == "مواصلة العمل لكفالة حقوق الإنسان"
    assert join_lam_kaf("قبل لكل دولة") == "قبل لكل دولة"
    result = unparse.repair_text("\n".join(lines))
    assert result.facts["lam_kaf_joints"] >= 10
    assert "ال لكوارث" not in result.text and "الكوارث" in result.text
    assert unparse.normalize(result.text) == result.text
    # One joint alone is no evidence of the extractor's habit.
    assert unparse.normalize("مخاطر ال لكوارث") == "مخاطر ال لكوارث"


def test_date_range_dash_after_a_lone_number_is_no_paragraph_number() -> None:
    # hrc-res-53-18 through PyMuPDF on LibreOffice: "19" / " -  حزيران/يونيه14" is the
    # session's range "19 حزيران/يونيه - 14 تموز/يوليه"; a second pass used to join it
    # as paragraph 19 once the first had collapsed the spaces.
    lines = _lines("libreoffice", "pymupdf", "hrc-res-53-18")
    assert lines[5:7] == ["19", " -  حزيران/يونيه14"]
    text = unparse.normalize("\n".join(lines))
    assert unparse.normalize(text) == text
    assert "19 - حزيران" not in text
    from unparse.repair.mupdf_lines import _paragraph_after_dash

    assert _paragraph_after_dash("- تطلب إلى الأمين العام")
    assert not _paragraph_after_dash("- حزيران/يونيه14")


def test_pymupdf_libreoffice_symbol_of_an_entry_kept_first_gets_its_dash_back() -> None:
    # The same move on the entries of a list of documents, each labelled by a symbol.
    lines = _lines("libreoffice", "pymupdf", "report-crpd-csp-2023-5-conference")
    assert "CRPD/CSP/2023/1 جدول الأعمال المؤقت- " in lines
    doc = unparse.parse_text("\n".join(lines))
    first = doc.annexes[0]
    assert [p.text.split(" - ")[0] for p in first.paragraphs] == [
        "CRPD/CSP/2023/1",
        "CRPD/CSP/2023/2",
        "CRPD/CSP/2023/3",
        "CRPD/CSP/2023/4",
        "CRPD/CSP/2023/L.1",
    ]
    assert first.paragraphs[0].text == "CRPD/CSP/2023/1 - جدول الأعمال المؤقت"
    assert "CRPD/CSP/2023/1 - جدول الأعمال المؤقت" in doc.text.splitlines()


def test_pymupdf_line_pieces_after_references_and_footnote_markers_once() -> None:
    # report-a-79-190-right-to-food through PyMuPDF on LibreOffice: a line's pieces on lines
    # of their own. The first pass left three of them, and a second pass (their leading
    # spaces gone) moved their commas: normalize was not idempotent.
    from unparse.repair.mupdf_lines import join_comma_piece

    lines = _lines("libreoffice", "pymupdf", "report-a-79-190-right-to-food")
    i = lines.index(" ، في المادة11، «حق")
    assert lines[i - 3 : i] == ["(", "4", ")"]
    j = lines.index(" ، وأتاحت السنة الدولية لمصايد الأسماك وتربية الأحياء المائية الحرفية- ")
    assert lines[j - 1] == "23"
    k = next(n for n, t in enumerate(lines) if t.startswith(") تلقى المقرر الخاص"))
    assert lines[k - 3 : k] == [".", "(", "3"]
    assert join_comma_piece("الدورة العاشرة", " ،فيينا") is None
    text = unparse.normalize("\n".join(lines))
    out = text.splitlines()
    assert "والثقافية(4)، في المادة 11، «حق" in text
    assert "23 - وأتاحت السنة الدولية لمصايد الأسماك وتربية الأحياء المائية الحرفية،" in out
    assert any(t.startswith("(3) تلقى المقرر الخاص معلومات مفصلة") for t in out)
    assert not any(t.startswith(".(3)") for t in out)
    assert unparse.normalize(text) == text


def test_run_reversed_text_once_repaired_is_not_read_as_pymupdf_libreoffice() -> None:
    # sc-res-2739-2024 through PyMuPDF on fpdf2: run-reversed, put back in order by
    # line_order, which leaves the dash of "بور - أو - برانس" at the end of two lines. A
    # second pass found the dates in order and read those two dashes as PyMuPDF's moved
    # paragraph dashes ("- المسلحة على ما يقدر ..."): normalize was not idempotent.
    lines = _lines("fpdf2", "pymupdf", "sc-res-2739-2024")
    assert any(t.endswith("التي-  أو-  في المائة من العاصمة بور80 المسلحة على ما يقدر بنحو") for t in lines)
    result = unparse.repair_text("\n".join(lines))
    assert result.facts.get("runs_reversed") is True
    text = result.text
    assert any(t.startswith("المسلحة على ما يقدر بنحو 80 في المائة") for t in text.splitlines())
    assert unparse.normalize(text) == text


def test_pymupdf_fpdf2_paragraph_numbers_given_last_are_put_first() -> None:
    # ga-res-78-72 through PyMuPDF on fpdf2: the lines read in order (their Eastern numbers
    # reversed), but each paragraph number, a cell of its own right of the line, comes last.
    from unparse.repair.mupdf_runs import number_cell_first

    assert number_cell_first("تحيط علما بتقرير الأمين العام- ٣") == "٣ - تحيط علما بتقرير الأمين العام"
    assert number_cell_first("في الفترة 2021- 2030") == "في الفترة 2021- 2030"
    raw = " تحيط علما بتقرير الأمين العام المقدم عملا بالفقرة ٣ من القرار ٣٥/٧٧(٢)؛- ٣"
    lines, result = _repaired("fpdf2", "ga-res-78-72", raw, "last_numbers", 4)
    text = result.text.splitlines()
    assert "3 - تحيط علما بتقرير الأمين العام المقدم عملا بالفقرة 3 من القرار 77/53(2)؛" in text
    numbers = [p.number for p in unparse.parse_text("\n".join(lines)).paragraphs]
    assert numbers[:6] == [1, 2, 3, 4, 5, 6]
    assert unparse.normalize(result.text) == result.text
    # A run-reversed text is not logical: the step leaves it to the run-order steps.
    chromium = "\n".join(_lines("chromium", "pymupdf", "ga-res-78-72"))
    assert "last_numbers" not in unparse.repair_text(chromium).facts


def test_one_whole_date_in_order_marks_pymupdf_fpdf2_logical() -> None:
    # note-ctoc-cop-wg6-2024-3-firearms has one date; line_order used to read the text as
    # run-reversed and give '٢٠٢٤ أيار/مايو ٩ و٨ فيينا،' (a harmed input).
    lines = _lines("fpdf2", "pymupdf", "note-ctoc-cop-wg6-2024-3-firearms")
    assert lines[5] == "فيينا، ٨ و٩ أيار/مايو ٤٢٠٢"
    evidence = date_order("\n".join(lines))
    assert (evidence.month_then_year, evidence.year_then_month, evidence.day_month_year) == (1, 0, 1)
    assert evidence.logical
    result = unparse.repair_text("\n".join(lines))
    assert result.facts["logical_order"] is True
    out = result.text.splitlines()
    assert "فيينا، 8 و9 أيار/مايو 2024" in out
    assert any(t.startswith("1 - قرر مؤتمر الأطراف") for t in out)
    # The footnote in English gets its stop back at its end and its marker first.
    note = "(1) United Nations Office on Drugs and Crime, Global Study on Firearms Trafficking 2020"
    assert note + " (Vienna, 2020)." in out
    assert unparse.normalize(result.text) == result.text


def test_a_month_before_a_year_alone_is_not_enough() -> None:
    # PyMuPDF on fpdf2 (Western digits, runs reversed), report-a-79-190-right-to-food: the
    # reversal puts one date's month before the other's year.
    lines = _lines("fpdf2", "pymupdf", "report-a-79-190-right-to-food")
    assert ".2024  وفي بانكوك في نيسان/أبريل2024 في شباط/فبراير" in lines
    evidence = date_order("\n".join(lines))
    assert evidence.day_month_year == 0 and not evidence.logical


def test_numbers_last_are_left_where_paragraph_numbers_come_first() -> None:
    # pypdf gives LibreOffice's and fpdf2's paragraph numbers first, the dash after them
    # (ga-res-78-72: '١ - ...'): a number last on such a text's lines ('X- N') is no
    # paragraph number PyMuPDF moved (the step cost a LibreOffice pypdf text two
    # footnotes of the floor subset, read through its score only). The mark is added here
    # to two of pypdf's own lines.
    lines = _lines("fpdf2", "pypdf", "ga-res-78-72")
    firsts = [i for i, t in enumerate(lines) if t[:1] in "١٢٣٤٥٦٧٨٩" and t[1:4] == " - "]
    assert len(firsts) >= 3
    marked = list(lines)
    for i in firsts[:2]:
        marked[i + 1] = marked[i + 1].rstrip() + "- ١٢"
    result = unparse.repair_text("\n".join(marked))
    assert result.facts["logical_order"] is True
    assert not [f for f in result.fixes if f.kind == "last_number"]
    # PyMuPDF's own text, whose lines give no number first, still has them put first.
    pymupdf = unparse.repair_text("\n".join(_lines("fpdf2", "pymupdf", "ga-res-78-72")))
    assert pymupdf.facts["last_numbers"] >= 4


def test_pymupdf_heading_labels_given_last_are_put_first() -> None:
    # PyMuPDF on Chromium and on fpdf2 (Western digits) gives a heading's runs in page
    # order: the title, a dash glued to it, then the label, an ordinal's tanween first and
    # (Chromium) its alef lost. Left so, the segmenter read each heading as the end of the
    # paragraph before it.
    from unparse.repair.mupdf_runs import label_first

    assert label_first(" الإطار القانوني- \u064bثالث") == "ثالثاً - الإطار القانوني"
    assert label_first("الفصل- ثاني") == "الفصل- ثاني"
    raw = " الإطار القانوني- \u064bثالث"
    lines, result = _repaired("chromium", "report-a-79-190-right-to-food", raw, "labels_last", 8)
    text = result.text.splitlines()
    assert "ثالثاً - الإطار القانوني" in text
    assert "باء - التوسع في «الاقتصاد الأزرق» وانتزاع الموارد البحرية" in text
    doc = unparse.parse_text("\n".join(lines))
    labels = [s.label for a in doc.annexes for s in a.sections]  # the report is its annex
    assert labels[:6] == ["أولاً", "ثانياً", "ثالثاً", "رابعاً", "ألف", "باء"]
    assert unparse.normalize(result.text) == result.text
    fpdf2 = unparse.normalize("\n".join(_lines("fpdf2", "pymupdf", "report-a-79-190-right-to-food")))
    assert "ثالثاً - الإطار القانوني" in fpdf2.splitlines()
    # A text that writes its headings label first is left alone.
    clean = "أولاً - مقدمة\nثانياً - الولاية\nالمالية العامة- ألف\nالنقل والاتصالات- باء\nثالثاً - الحضور"
    assert "labels_last" not in unparse.repair_text(clean).facts


def test_pymupdf_libreoffice_numbers_glued_to_their_word_get_their_space() -> None:
    # ecosoc-res-2023-15 through PyMuPDF on LibreOffice: every number comes glued to the
    # word before it; the closing 'الجلسة العامة28' was read as the end of paragraph 5.
    from unparse.repair.mupdf_pieces import glued_numbers, space_glued_number

    lines = _lines("libreoffice", "pymupdf", "ecosoc-res-2023-15")
    assert " الجلسة العامة28" in lines
    assert space_glued_number(" الجلسة العامة28") == " الجلسة العامة 28"
    assert space_glued_number("  انظرE/CN.15/2023/9") == "  انظر E/CN.15/2023/9"
    assert space_glued_number("بين 3 بلايين و6 بلايين") == "بين 3 بلايين و6 بلايين"
    result = unparse.repair_text("\n".join(lines))
    evidence = result.facts["glued_numbers"]
    assert evidence.by_extractor and evidence.spaced == 0
    assert "الجلسة العامة 28" in result.text.splitlines()
    assert unparse.normalize(result.text) == result.text
    doc = unparse.parse_text("\n".join(lines))
    assert doc.paragraphs[-1].text.endswith("تقريرا عن تنفيذ هذا القرار.")
    # A text that spaces its numbers itself is left as it is, the odd glued one too.
    clean = "الجلسة العامة 28\nالمؤرخ 24 تموز/يوليه 2002\nفي عام 2023\nالقرار78/91\nالمؤرخ 8 كانون"
    assert not glued_numbers(clean).by_extractor
    assert unparse.normalize(clean) == clean


def test_pymupdf_libreoffice_footnote_marker_on_three_lines_opens_its_note() -> None:
    # ecosoc-res-2023-15 through PyMuPDF on LibreOffice: a footnote's marker at the page
    # foot comes on three lines, its text on the next, the session/number pair of its text
    # cut from its slash and its stop and comma put first on a line of their own. The
    # marker, cited above ('لعام2030(1)،'), was glued to the line before as a reference.
    from unparse.repair.mupdf_pieces import note_from_pieces

    lines = _lines("libreoffice", "pymupdf", "ecosoc-res-2023-15")
    i = lines.index("،الخاص")
    assert lines[i + 1 : i + 7] == ["(", "1", ")", "  قرار الجمعية العامة76 181", "/", ".، المرفق"]
    j = lines.index(" تحقيق خطة التنمية المستدامة لعام2030")
    assert j < i and lines[j + 1 : j + 4] == ["(", "1", ")،"]
    result = unparse.repair_text("\n".join(lines))
    out = result.text.splitlines()
    assert "الخاص،" in out
    assert "(1) قرار الجمعية العامة 76/181، المرفق." in out
    assert "(2) انظر E/CN.15/2023/9." in out
    doc = unparse.parse_text("\n".join(lines))
    assert [(f.marker, f.text) for f in doc.footnotes] == [
        ("1", "قرار الجمعية العامة 76/181، المرفق."),
        ("2", "انظر E/CN.15/2023/9."),
    ]
    assert unparse.normalize(result.text) == result.text
    # A marker not cited above is a reference (hrc-res-53-18: '... ذوي الإعاقة(1) قد بلغ').
    hrc = unparse.normalize("\n".join(_lines("libreoffice", "pymupdf", "hrc-res-53-18")))
    assert "(1) قد بلغ 189" not in hrc.splitlines()
    assert note_from_pieces("1", ")،", [" وإذ يلاحظ أن"]) is None


def test_pymupdf_libreoffice_stop_on_a_line_of_its_own_goes_back() -> None:
    # ga-res-78-72 through PyMuPDF on LibreOffice: a note's stop comes on a line of its
    # own; joined by the segmenter, the note read 'A/78/136 .' (one edit too many for a
    # note that short).
    lines = _lines("libreoffice", "pymupdf", "ga-res-78-72")
    i = lines.index("A/78/136")
    assert lines[i - 1 : i + 2] == ["(٢) ", "A/78/136", "."]
    out = unparse.normalize("\n".join(lines)).splitlines()
    assert "A/78/136." in out and "." not in out
    doc = unparse.parse_text("\n".join(lines))
    assert ("2", "A/78/136.") in [(f.marker, f.text) for f in doc.footnotes]


def test_pymupdf_libreoffice_marker_after_a_clause_end_opens_its_note() -> None:
    # report-ctoc-cop-wg3-2023-4-intl-cooperation: its reference came cut ('«شيرلوك(', '1',
    # ')؛'), so the marker at the page foot was never seen cited; the line before it ends
    # its clause, which no reference follows.
    from unparse.repair.mupdf_pieces import note_from_pieces

    lines = _lines("libreoffice", "pymupdf", "report-ctoc-cop-wg3-2023-4-intl-cooperation")
    i = lines.index("https://sherloc.unodc.org")
    assert lines[i - 4 : i + 2] == [
        "  من المادة18 من الاتفاقية، مع مراعاة الضمانات الإجرائية؛",
        "(",
        "1",
        ") ",
        "https://sherloc.unodc.org",
        ".",
    ]
    assert note_from_pieces("1", ") ", lines[i : i + 3]) == ("(1) https://sherloc.unodc.org.", 2)
    out = unparse.normalize("\n".join(lines)).splitlines()
    assert "من المادة 18 من الاتفاقية، مع مراعاة الضمانات الإجرائية؛" in out
    assert "(1) https://sherloc.unodc.org." in out
