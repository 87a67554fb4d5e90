"""pdfminer.six and pdfplumber ``extract_text``: each damage with its real example from the
accuracy benchmark's committed outputs (``benchmarks/accuracy/inputs/text/``)."""

from __future__ import annotations

import doctest
from pathlib import Path

import pytest
import regex

from unparse import normalize, parse_text, repair_text
from unparse.repair import (
    heading_pieces,
    kashida_digits,
    lifted,
    lifted_slashes,
    lifted_urls,
    pdfminer_pieces,
    pieces,
)
from unparse.repair.kashida_digits import strip_kashida_digits
from unparse.repair.lifted import restore_lifted
from unparse.repair.lifted_slashes import restore_lifted_slashes, split_number
from unparse.repair.lifted_urls import dotted_address, restore_lifted_url
from unparse.repair.pieces import (
    bracket_label_piece,
    join_pieces,
    looks_fragmented,
    number_ends_compound,
    pieces_join,
    slash_between_months,
    slash_number_piece,
    visual_ref_piece,
)

INPUTS = Path(__file__).resolve().parents[2] / "benchmarks" / "accuracy" / "inputs" / "text"


@pytest.mark.parametrize(
    "module", [pieces, pdfminer_pieces, heading_pieces, kashida_digits, lifted, lifted_slashes, lifted_urls]
)
def test_docstring_examples(module: object) -> None:
    failures, _ = doctest.testmod(module, raise_on_error=False)  # type: ignore[arg-type]
    assert failures == 0


# --- pdfminer on LibreOffice PDFs: a visual line cut into pieces, one per line ------------

# libreoffice/pdfminer/ga-res-example.txt, lines 12-16: the heading "البند 72 (ب) من جدول الأعمال".
HEADING = "لامعألا لودج نم )ب( \n\n72\n\n دنبلا"


def test_pieces_of_a_heading_are_joined_then_read_right_to_left() -> None:
    assert pieces_join("لامعألا لودج نم )ب( ", "72") and pieces_join("72", " دنبلا")
    assert join_pieces(["لامعألا لودج نم )ب( ", "72", " دنبلا"]) == "لامعألا لودج نم )ب( 72 دنبلا"


def test_pieces_of_separate_lines_stay_apart() -> None:
    # Lines 36-38: the title's number, then the preamble's opening (two paragraphs).
    assert not pieces_join("78/212", "،ةماعلا ةيعمجلا نإ")


def test_a_number_drawn_as_two_runs_gets_its_space_back() -> None:
    # Lines 69-75: "إذ بلغ 8 565 شخصا في عام 2023".
    assert join_pieces([" ماع يف اصخش ", "565", "8 ", " غلب ذإ"]) == " ماع يف اصخش 565 8  غلب ذإ"


def test_a_compound_number_drawn_left_of_its_dash_is_joined() -> None:
    # libreoffice/pdfminer/report-a-79-190-right-to-food.txt, lines 171-181: "أوميغا-3" and
    # "باء-12", the number a piece of its own left of the dash; left apart, the dash ended
    # a logical line ("... من نوع أوميغا-") that a second pass took for PyMuPDF's moved
    # paragraph dash.
    raw = (INPUTS / "libreoffice" / "pdfminer" / "report-a-79-190-right-to-food.txt").read_text(
        encoding="utf-8"
    )
    once = normalize(raw)
    lines = once.split("\n")
    omega = "والأحماض الدهنية من نوع أوميغا-3 والمغذيات الدقيقة، مثل الحديد والزنك والكالسيوم وفيتامين ألف"
    assert omega in lines
    assert any(line.startswith("وفيتامين باء-12. وفي كثير من البلدان النامية") for line in lines)
    assert normalize(once) == once
    # ctoc-cop-dec-10-4, lines 31-35: "(كوفيد-١٩)", the number after a closing bracket.
    assert number_ends_compound("ذإ ،ةينقتلا ةدعاسملا ميدقت يف ترثأ دق )", "١٩", "-ديفوك( انوروك سوريف")


def test_a_paragraph_number_is_not_a_compound_number() -> None:
    # sg-a-78-245-road-safety, lines around "(كوفيد-": the line ends after the dash (the
    # number is on the next line), and a paragraph's number ends its visual line.
    assert not number_ends_compound("", " زواجتت اهنع", "-ديفوك( انوروك سوريف ضرم ةحئاج")
    assert not number_ends_compound("ةيئاملا  ةيذغألا  يستكتو  -  ", "5", "-اغيموأ عون نم")


def test_slashes_drawn_apart_go_back() -> None:
    # libreoffice/pdfminer/ga-res-79-145.txt line 46 and hrc-res-54-12.txt lines 24-27:
    # "79/145" as "79 145/"; "تشرين الأول/أكتوبر" as the month names then a lone "/".
    assert slash_number_piece("79 145/") == "79/145"
    assert slash_number_piece("8 565") == "8 565"
    assert slash_between_months(" ربوتكأ لوألا نيرشت ") == " ربوتكأ/لوألا نيرشت "
    assert slash_between_months(" ربوتكأ لوألا نيرشت 12") is None
    assert slash_between_months(" ربوتكأ لوألا ") is None  # no month pair
    assert join_pieces(["2024", " ربمسيد لوألا نوناك ", "/", "11"]) == "2024 ربمسيد/لوألا نوناك 11"
    assert join_pieces(["٢٠١٠", "/", " ربمتبس لوليأ "]) == "٢٠١٠ ربمتبس/لوليأ "
    assert join_pieces(["2024", "/", "2026"]) == "2024/2026"


def test_labels_and_references_drawn_apart_read_one_way() -> None:
    # hrc-res-54-12, line 44: "(أ) إيلاء ..." with the brackets drawn after the letter.
    assert bracket_label_piece("؛ةيئامنإلا ءاليإ  أ) (") == "؛ةيئامنإلا ءاليإ  )أ("
    assert bracket_label_piece("ءاليإ  أب) (") == "ءاليإ  أب) ("  # a word, no label
    # ga-res-79-145: a superscript reference drawn left to right, turned like its line.
    assert visual_ref_piece("(1)") == ")1(" and visual_ref_piece("(3)،") == "،)3("
    assert visual_ref_piece("(أ)") == "(أ)"
    raw = (INPUTS / "libreoffice" / "pdfminer" / "ga-res-79-145.txt").read_text(encoding="utf-8")
    lines = normalize(raw).split("\n")
    assert "(أ) تحسين فهم الآثار الاجتماعية والاقتصادية والبيئية لارتفاع مستوى سطح البحر، بما" in lines
    assert any("المعنونة «الإنذار المبكر للجميع»، وتشجع" in line for line in lines)
    assert any(line.endswith("لقانون البحار(1) تحدد الإطار القانوني الذي يجب") for line in lines)
    raw = (INPUTS / "libreoffice" / "pdfminer" / "hrc-res-54-12.txt").read_text(encoding="utf-8")
    once = normalize(raw)
    lines = once.split("\n")
    assert "54/12 - الحق في الغذاء" in lines
    assert "قرار اعتمده مجلس حقوق الإنسان في 12 تشرين الأول/أكتوبر 2023" in lines
    assert "(أ) إيلاء الأولوية لإعمال الحق في الغذاء في استراتيجياتها وميزانياتها الإنمائية؛" in lines
    assert "(1) تيسير حصولهم على الأراضي والمياه والبذور والائتمان؛" in lines
    assert normalize(once) == once


def test_whole_document_heading_and_paragraph_number() -> None:
    raw = (INPUTS / "libreoffice" / "pdfminer" / "ga-res-example.txt").read_text(encoding="utf-8")
    result = repair_text(raw)
    lines = result.text.split("\n")
    assert "البند 72 (ب) من جدول الأعمال" in lines
    assert "قرار اتخذته الجمعية العامة في 19 كانون الأول/ديسمبر 2023" in lines
    assert "(أ) تزايد عدد المهاجرين الذين يلقون حتفهم في البحر، إذ بلغ 8 565 شخصا في عام 2023؛" in lines
    assert (
        "3 - تطلب إلى الأمين العام أن يقدم إليها في دورتها التاسعة والسبعين تقريرا عن تنفيذ هذا القرار."
        in lines
    )
    assert any(f.kind == "visual_pieces" for f in result.fixes)


def test_section_headings_get_their_dash_back() -> None:
    # LibreOffice draws a heading's dash as a piece of its own, after the rest of the
    # heading (two documents, the three forms: the dash after, the label's tanween apart,
    # the dash before the label).
    raw = (INPUTS / "libreoffice" / "pdfminer" / "report-a-78-7-add-9-acabq-africa-hall.txt").read_text(
        encoding="utf-8"
    )
    lines = repair_text(raw).text.split("\n")
    assert "أولاً - مقدمة" in lines
    assert "ثانياً - التقدم المحرز في تنفيذ المشروع" in lines
    assert "ألف - الجدول الزمني" in lines
    assert "ثالثاً - الاستنتاجات والتوصيات" in lines
    assert "-" not in lines
    raw = (INPUTS / "libreoffice" / "pdfminer" / "report-ctoc-cop-wg3-2023-4-intl-cooperation.txt").read_text(
        encoding="utf-8"
    )
    once = repair_text(raw).text
    assert "جيم - الوثائق" in once.split("\n")
    assert "باء - الحضور" in once.split("\n")
    assert normalize(once) == once


def test_heading_dash_needs_label_spaces_and_a_lone_dash() -> None:
    # The heading's title before it, the lone dash piece after it (made-up neighbours).
    assert heading_pieces.heading_with_dash("ةيلاملا ةلاحلا   ءاب", "-") == "ةيلاملا ةلاحلا - ءاب"
    assert heading_pieces.heading_with_dash("ةيلاملا ةلاحلا   ءاب", "72") is None
    assert heading_pieces.heading_with_dash("ةيلاملا ةلاحلا ءاب", "-") is None
    assert heading_pieces.heading_with_dash("ةيلاملا   ةلاحلا", "-") is None
    assert heading_pieces.heading_with_dash("ةمدقم   ً", "-", "ةلاحلا") is None
    # On logical text (no pieces) the step does not run.
    text = "ثانياً   التقدم المحرز\n\n-\n\nإن الجمعية العامة،"
    assert not any(f.kind == "visual_pieces" for f in repair_text(text).fixes)


def test_fragmentation_evidence() -> None:
    raw = (INPUTS / "libreoffice" / "pdfminer" / "ga-res-example.txt").read_text(encoding="utf-8")
    assert looks_fragmented(raw.split("\n")).fragmented
    # The same document through pdfplumber: whole lines, not pieces.
    plumber = (INPUTS / "libreoffice" / "pdfplumber" / "ga-res-example.txt").read_text(encoding="utf-8")
    assert not looks_fragmented(plumber.split("\n")).fragmented


def test_logical_text_is_not_touched() -> None:
    text = "البند 72 (ب) من جدول الأعمال\n\n72\n\nإن الجمعية العامة،"
    assert normalize(text) == text


# --- kashida glyphs read as digits (LibreOffice tight style, pdfminer and pdfplumber) -----


def test_kashida_digits_inside_words() -> None:
    # libreoffice/pdfminer/sg-a-78-267-disaster-risk.txt, line 75.
    assert (
        strip_kashida_digits(" ا66هرارق يف ،ة66ماعلا ة66يعمجلا تبلط   -")
        == " اهرارق يف ،ةماعلا ةيعمجلا تبلط   -"
    )
    assert strip_kashida_digits("A/78/267 و2023 الفقرة 3") == "A/78/267 و2023 الفقرة 3"


def test_kashida_glyphs_read_as_latin_letters() -> None:
    # libreoffice/pdfminer/ga-res-79-145.txt, line 73: the glyph read as "D" ("DD").
    raw = (INPUTS / "libreoffice" / "pdfminer" / "ga-res-79-145.txt").read_text(encoding="utf-8")
    result = repair_text(raw)
    assert "وأنها ذات أهمية استراتيجية" in result.text
    assert regex.search(r"[\u0621-\u064a]D", result.text) is None
    assert sum(f.kind == "kashida_digits" for f in result.fixes) > 50


def test_a_digit_glued_by_a_lost_space_is_no_kashida() -> None:
    # libreoffice/pdfminer/sg-a-78-245-road-safety.txt: four glyphs read as "g" and "بين 2
    # و10" glued as "نيب2و": the glyphs go, the digit stays.
    raw = (INPUTS / "libreoffice" / "pdfminer" / "sg-a-78-245-road-safety.txt").read_text(encoding="utf-8")
    text = normalize(raw)
    (line,) = [line for line in text.split("\n") if "في المائة، لتمويل أنشطة السلامة" in line]
    assert "2" in line.replace("10", "")
    assert "الكحول" in text and "الكgحول" not in text


def test_kashida_digits_need_document_evidence() -> None:
    assert normalize("كلمة ع2ع") == "كلمة ع2ع"


# --- pdfplumber on Chromium PDFs: dashes and brackets lifted onto a line of their own -----


def test_lifted_dash_returns_to_the_paragraph_number() -> None:
    # chromium/pdfplumber/sg-a-79-168-crime-programme.txt: "1 - طلبت الجمعية العامة ...".
    line = "ﻰﻟإ ،٧٨ ٢٢٩ ﺎﻫراﺮﻗ ﻲﻓ ،ﺔﻣﺎﻌﻟا ﺔﻴﻌﻤﺠﻟا ﺖﺒﻠﻃ ١"
    assert restore_lifted("/ -", line) == ("/", "ﻰﻟإ ،٧٨ ٢٢٩ ﺎﻫراﺮﻗ ﻲﻓ ،ﺔﻣﺎﻌﻟا ﺔﻴﻌﻤﺠﻟا ﺖﺒﻠﻃ - ١")


def test_lifted_brackets_return_to_the_sub_item_letter() -> None:
    # chromium/pdfplumber/ga-res-77-231.txt, lines 48-49: "(أ) جلسة افتتاحية وجلسة ختامية؛".
    assert restore_lifted("()", "؛ﺔﻴﻣﺎﺘﺧ ﺔﺴﻠﺟو ﺔﻴﺣﺎﺘﺘﻓا ﺔﺴﻠﺟ أ") == ("", "؛ﺔﻴﻣﺎﺘﺧ ﺔﺴﻠﺟو ﺔﻴﺣﺎﺘﺘﻓا ﺔﺴﻠﺟ (أ)")
    raw = (INPUTS / "chromium" / "pdfplumber" / "ga-res-77-231.txt").read_text(encoding="utf-8")
    assert "(أ) جلسة افتتاحية وجلسة ختامية؛" in normalize(raw).split("\n")


def test_lifted_reference_goes_back_into_its_line() -> None:
    # chromium/pdfplumber/sg-a-78-245-road-safety.txt (Noto Naskh), lines 33-36: the
    # reference's brackets "( )" lifted, its digit alone on the next line, both above the
    # line it belongs to, which kept the space it left before its comma.
    line = "مﺪﻘﻳ نأ مﺎﻌﻟا ﻦﻴﻣألا ﻰﻟإ ﻪﻴﻓ ﺖﺒﻠﻃو ، ﻢﻟﺎﻌﻟا ﻲﻓ قﺮﻄﻟا"
    assert restore_lifted("(1)", line) == ("", "مﺪﻘﻳ نأ مﺎﻌﻟا ﻦﻴﻣألا ﻰﻟإ ﻪﻴﻓ ﺖﺒﻠﻃو ،(1)ﻢﻟﺎﻌﻟا ﻲﻓ قﺮﻄﻟا")
    # Two such spaces: the place is not known, the reference stays where it was.
    two = "ﺖﺒﻠﻃو ، ﻢﻟﺎﻌﻟا ﻲﻓ ، قﺮﻄﻟا"
    assert restore_lifted("(1)", two) == ("(1)", two)
    raw = (INPUTS / "chromium" / "pdfplumber" / "sg-a-78-245-road-safety.txt").read_text(encoding="utf-8")
    out = normalize(raw).split("\n")
    assert (
        "للاجتماع الرفيع المستوى بشأن تحسين السلامة على الطرق في العالم(1)، "
        "وطلبت فيه إلى الأمين العام أن يقدم" in out
    )
    assert (
        "المرور على الطرق بلغ نحو 1,19 مليون وفاة في عام 2021، "
        "أي ما يعادل 15 وفاة لكل 100 000 نسمة(2)." in out
    )
    # The footnote's marker: its brackets lifted with the slash of its number (which the
    # lifted-slashes step puts back).
    assert "(1) القرار 76/294، المرفق." in out
    # A paragraph number's dash lifted with the damma of the paragraph's first word ("ُ -").
    assert any(line.startswith("2 - وقد أعد التقرير بالتعاون مع منظمة الصحة العالمية") for line in out)
    # Only the brackets of "(A/75/86)" are left above their line: the lifted-slashes step put
    # the symbol back ("(A/ / )"), but its brackets may also hold the word before it.
    assert [line for line in out if line.strip() in {"( )", "1", "2"}] == ["( )"]
    assert out[out.index("( )") + 1].endswith("A/75/86.")
    # Lines 254-256: no such space in the line; the reference stays above it, whole.
    i = out.index("(8)")
    assert out[i + 1].startswith("المتعلقة بالسلامة على الطرق وتنفيذها، ولا سيما اتفاقية السير")


def test_lifted_reference_digits_inside_their_brackets() -> None:
    # chromium/pdfplumber/report-crpd-csp-2023-5-conference.txt, lines 17-18: "( ١ ) -" is
    # the paragraph number's dash and a reference; the line has no space for the reference.
    line = "ﻲﻓ مﺎﻈﺘﻧﺎﺑ فاﺮﻃألا لوﺪﻟا ﻊﻤﺘﺠﺗ نأ ﻰﻠﻋ ﺔﻗﺎﻋإلا يوذ صﺎﺨﺷألا قﻮﻘﺣ ﺔﻴﻗﺎﻔﺗا ﻦﻣ ٤٠ ةدﺎﻤﻟا ﺺﻨﺗ ١"
    rest, fixed = restore_lifted("( ١ ) -", line)
    assert (rest, fixed) == ("( ١ )", line[:-2] + " - ١")


def test_lifted_heading_dash_and_tanween_return_to_the_label() -> None:
    # chromium/pdfplumber/report-crpd-csp-2023-5-conference.txt, lines 27-30: "- ً" above
    # "ثانياً - تنظيم الدورة", "-" above "ألف - افتتاح الدورة" (visual order).
    assert restore_lifted("- \u064b", "ةروﺪﻟا ﻢﻴﻈﻨﺗ ﺎﻴﻧﺎﺛ") == ("", "ةروﺪﻟا ﻢﻴﻈﻨﺗ - \u064bﺎﻴﻧﺎﺛ")
    assert restore_lifted("/ -", "ةروﺪﻟا حﺎﺘﺘﻓا ﻒﻟأ") == ("/", "ةروﺪﻟا حﺎﺘﺘﻓا - ﻒﻟأ")
    # A line that starts with no label keeps its lifted dash above it.
    assert restore_lifted("-", "ةروﺪﻟا حﺎﺘﺘﻓا ﻲﻓ") == ("-", "ةروﺪﻟا حﺎﺘﺘﻓا ﻲﻓ")
    raw = (INPUTS / "chromium" / "pdfplumber" / "report-crpd-csp-2023-5-conference.txt").read_text(
        encoding="utf-8"
    )
    out = normalize(raw)
    lines = out.split("\n")
    assert "ثانياً - تنظيم الدورة" in lines
    assert "ألف - افتتاح الدورة" in lines
    assert "- ً" not in lines
    assert normalize(out) == out


def test_lifted_glyphs_with_no_place_stay() -> None:
    assert restore_lifted("/ /", "ﺮﺒﻤﺴﻳد لوألا نﻮﻧﺎﻛ ﻰﻟإ ﺮﻳﺎﻨﻳ") == ("/ /", "ﺮﺒﻤﺴﻳد لوألا نﻮﻧﺎﻛ ﻰﻟإ ﺮﻳﺎﻨﻳ")


def test_lifted_brackets_above_a_logical_line_stay_on_the_second_pass() -> None:
    # libreoffice/pdfminer/sg-e-2024-55-gender-mainstreaming.txt once repaired: the sub-item's
    # brackets stand on the line above "أ وضع قوائم ..."; the lifted step read the logical
    # line's last letter as the visual line's first and wrote "برتبة (ف)" on the second pass.
    raw = (INPUTS / "libreoffice" / "pdfminer" / "sg-e-2024-55-gender-mainstreaming.txt").read_text(
        encoding="utf-8"
    )
    once = normalize(raw)
    assert "أ وضع قوائم مرشحين متوازنة بين الجنسين لجميع الوظائف برتبة ف" in once.split("\n")
    assert normalize(once) == once


def test_kashida_dollar_signs_inside_words() -> None:
    # pdfplumber on LibreOffice (report-ctoc-cop-wg3-2023-4-intl-cooperation.txt line 12):
    # the glyphs read as "$$"; an amount glued to a letter ("و$5") stays.
    assert strip_kashida_digits("ة$$ينطولا رب$$ع ة$$مظنملا") == "ةينطولا ربع ةمظنملا"
    assert strip_kashida_digits("و$5 رظنا") == "و$5 رظنا"
    raw = INPUTS / "libreoffice" / "pdfplumber" / "report-ctoc-cop-wg3-2023-4-intl-cooperation.txt"
    # One stays, where the space pdfplumber put after a word's marks cut the word.
    assert regex.findall(r"\S*\$\S*", normalize(raw.read_text(encoding="utf-8"))) == ["تح$"]


# --- pdfplumber on Chromium PDFs: slashes lifted off numbers, dates and symbols ----------


def test_lifted_slash_cuts_a_footnote_number_in_two() -> None:
    # chromium/pdfplumber/ecosoc-res-2023-15.txt, lines 75-78: footnote 1 "قرار الجمعية العامة
    # 76/181، المرفق." and 2 "انظر E/CN.15/2023/9." (visual order, the slashes and the Latin
    # letters a line above, the numbers' pieces glued in the footnotes' small type).
    line = ".ﻖﻓﺮﻤﻟا ،76181 ﺔﻣﺎﻌﻟا ﺔﻴﻌﻤﺠﻟا راﺮﻗ (1)"
    assert restore_lifted_slashes("/", line) == ("", ".ﻖﻓﺮﻤﻟا ،76/181 ﺔﻣﺎﻌﻟا ﺔﻴﻌﻤﺠﻟا راﺮﻗ (1)")
    assert restore_lifted_slashes("E/CN / /", ". .1520239 رﻈﻧا (2)") == ("", ".E/CN.15/2023/9 رﻈﻧا (2)")
    raw = (INPUTS / "chromium" / "pdfplumber" / "ecosoc-res-2023-15.txt").read_text(encoding="utf-8")
    out = normalize(raw).split("\n")
    assert "(1) قرار الجمعية العامة 76/181، المرفق." in out
    assert "(2) انظر E/CN.15/2023/9." in out
    assert "/" not in out


def test_lifted_slashes_of_a_symbol_and_its_marker() -> None:
    # chromium/pdfplumber/sg-e-2024-55-gender-mainstreaming.txt, lines 166-167 and 274-275:
    # "A/ / ( )" above ".٤١ ةرقفلا ، 72492 رظنا ٣" is footnote 3 "انظر A/72/492، الفقرة 41.".
    assert restore_lifted_slashes("A/ / ( )", ".٤١ ةرقفلا ، 72492 رظنا ٣") == (
        "( )",
        ".٤١ ةرقفلا ،A/72/492 رظنا ٣",
    )
    raw = (INPUTS / "chromium" / "pdfplumber" / "sg-e-2024-55-gender-mainstreaming.txt").read_text(
        encoding="utf-8"
    )
    out = normalize(raw).split("\n")
    assert "(3) انظر A/72/492، الفقرة 41." in out
    # Two symbols, each with its "/Add" (the dash between them stays on the lifted line).
    assert "(7) انظر A/74/73/Add.1 E/2019/14/Add.1." in out


def test_lifted_slash_between_numbers_and_months_of_body_text() -> None:
    # chromium/pdfplumber/ga-res-79-145.txt, lines 17-20: "ولا سيما القرار 78/69 المؤرخ 5
    # كانون الأول/ديسمبر 2023،": body type keeps a space where each slash stood.
    line = "نﻮﻧﺎﻛ 5 خرﺆﻤﻟا 78 69 راﺮﻘﻟا ﺎﻤﻴﺳ الو"
    assert restore_lifted_slashes("/", line) == ("", "نﻮﻧﺎﻛ 5 خرﺆﻤﻟا 78/69 راﺮﻘﻟا ﺎﻤﻴﺳ الو")
    assert restore_lifted_slashes("/", "،2023 ﺮﺒﻤﺴﻳد لوألا") == ("", "،2023 ﺮﺒﻤﺴﻳد/لوألا")
    raw = (INPUTS / "chromium" / "pdfplumber" / "ga-res-79-145.txt").read_text(encoding="utf-8")
    out = normalize(raw)
    assert "ولا سيما القرار 78/69 المؤرخ 5 كانون\nالأول/ديسمبر 2023،" in out
    assert normalize(out) == out


def test_lifted_slashes_with_more_than_one_place_stay() -> None:
    # One slash, two pairs of numbers that could take it; a year is never cut.
    line = "خرؤملا 78 69 رارقلاو 77 121 رارقلا"
    assert restore_lifted_slashes("/", line) is None
    assert restore_lifted_slashes("/", "ﻰﻟإ 2023 ﻡﺎﻋ") is None
    assert split_number("2023", 1) is None
    assert split_number("7810", 1) == "78/10"
    # A treaty's volume and number under a lifted line with no lone slash: left alone.
    assert restore_lifted_slashes("UnitedNations TreatySeries vol No ( )", ". , , . 1833, . 31363 1") is None


def test_lifted_star_is_the_note_marker_and_symbol_pieces_join() -> None:
    # chromium/pdfplumber/sg-e-2024-55-gender-mainstreaming.txt, lines 26-27: "E/ / *" above
    # ". 20241" is the note of the title's asterisk, "* E/2024/1.".
    assert restore_lifted_slashes("E/ / *", ". 20241") == ("", ".E/2024/1 *")
    raw = (INPUTS / "chromium" / "pdfplumber" / "sg-e-2024-55-gender-mainstreaming.txt").read_text(
        encoding="utf-8"
    )
    doc = parse_text(raw)
    assert (doc.footnotes[0].marker, doc.footnotes[0].text) == ("*", "E/2024/1.")


def test_lifted_address_takes_back_its_colon_and_dots() -> None:
    # chromium/pdfplumber/note-e-cn7-2024-8-budget.txt, lines 37-38: footnote 1, "... انظر
    # https://www.unodc.org/unodc/en/donors/index.html." (the colon and the dots stayed low).
    lifted = "https//wwwunodcorg/unodc/en/donors/indexhtml ( )"
    line = ". : . . . رﻈﻧا ،ﻦﻴﺤﻧﺎﻤﻟا ﺐﺴﺣ 1"
    assert restore_lifted_url(lifted, line) == (
        "",
        ".https://www.unodc.org/unodc/en/donors/index.html رﻈﻧا ،ﻦﻴﺤﻧﺎﻤﻟا ﺐﺴﺣ (1)",
    )
    raw = (INPUTS / "chromium" / "pdfplumber" / "note-e-cn7-2024-8-budget.txt").read_text(encoding="utf-8")
    doc = parse_text(raw)
    assert [f.text for f in doc.footnotes if f.marker == "1"] == [
        "للاطلاع على المعلومات المالية المفصلة حسب المانحين، انظر https://www.unodc.org/unodc/en/donors/index.html."
    ]
    # Dots left over, or missing: the address stays as it was.
    assert dotted_address("https", "wwwunwomenorg", "/en", 3) is None
    assert restore_lifted_url(lifted, ". : . . رﻈﻧا 1") is None
