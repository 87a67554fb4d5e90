"""A running header printed with its page number on one line (pypdfium2, pdfplumber,
pdftotext -raw, pypdf), or glued after the page's last line (pypdfium2 on fpdf2): taken out
of the flow as one ``page_header`` fix per line (the fix log replays line by line)."""

from __future__ import annotations

from pathlib import Path

import unparse
from unparse.lines import Line
from unparse.options import Options
from unparse.repair.furniture import split_running_headers
from unparse.repair.pipeline import Context
from unparse.walk import furniture_layer

# pypdfium2 on LibreOffice (sg-a-78-267, lines 1-3 and 95-104, pages shortened to a line),
# page 4's header between the notes of page 3 and the list that goes on.
PDFIUM = [
    "1 A/78/267",
    "الأمم المتحدة",
    "A/78/267",
    "الجمعية العامة",
    "الدورة الثامنة والسبعون",
    "2 A/78/267",
    "10 - يتوقف تحقيق الغاية (هاء) على مدى إدماج الحد من مخاطر الكوارث في السياسات",
    "3 A/78/267",
    "11 - وتضمنت الاستعراضات الطوعية الوطنية أمثلة عديدة على الممارسات الجيدة، منها ما يلي:",
    "(أ) اعتماد تشريعات إطارية تحدد مسؤوليات المستويات الحكومية المختلفة، بما في ذلك:",
    "(5) قرار الجمعية العامة 77/289، المرفق.",
    "4 A/78/267",
    "'1' تخصيص نسبة لا تقل عن 1 في المائة من الميزانيات المحلية للحد من مخاطر الكوارث؛",
]


def test_header_with_its_page_number_leaves_the_flow() -> None:
    result = unparse.repair_text("\n".join(PDFIUM) + "\n")
    out = result.text.split("\n")
    # The masthead's symbol stays; the headers and their numbers go, nothing else.
    assert out == [*PDFIUM[1:5], PDFIUM[6], *PDFIUM[8:11], PDFIUM[12]]
    kinds = [(f.kind, f.before, f.after) for f in result.fixes if f.kind == "page_header"]
    assert kinds == [("page_header", f"{n} A/78/267", "") for n in "1234"]
    # Furniture: the removed headers are the document's furniture layer.
    layer = furniture_layer(result.fixes, result.facts)
    assert [(x.kind, x.text) for x in layer] == [("page_header", f"{n} A/78/267") for n in "1234"]


def test_glued_header_is_split_off_the_note() -> None:
    # pypdfium2 on fpdf2 (sg-a-78-267 line 75): the header glued after the note's stop.
    note = ")5( قرار الجمعية العامة ،77/289 المرفق.A/78/267 3"
    lines = [Line(1, "A/78/267 1"), Line(2, "A/78/267 2"), Line(3, note)]
    ctx = Context(Options())
    out = split_running_headers(lines, ctx)
    assert [(x.number, x.text) for x in out] == [(3, ")5( قرار الجمعية العامة ،77/289 المرفق.")]
    assert [(f.line, f.kind, f.after) for f in ctx.fixes] == [
        (1, "page_header", ""),
        (2, "page_header", ""),
        (3, "page_header", ")5( قرار الجمعية العامة ،77/289 المرفق."),
    ]


def test_symbol_cited_with_a_number_stays() -> None:
    # One such line is no running header; nor is a symbol that ends a sentence without its
    # stop glued to it, or one the header does not print.
    once = [Line(1, "A/78/267 3"), Line(2, "انظر الوثيقة A/78/150 2")]
    assert split_running_headers(once, Context(Options())) == once
    other = [Line(1, "A/78/267 2"), Line(2, "A/78/267 3"), Line(3, "الوثيقة.A/78/150 4")]
    out = split_running_headers(other, Context(Options()))
    assert [x.text for x in out][-1] == "الوثيقة.A/78/150 4"
    clean = "الأمم المتحدة\nتقرير الأمين العام (A/78/267)\nالفقرة 3 من الوثيقة A/78/267\n"
    assert unparse.normalize(clean) == clean.rstrip("\n")


def test_symbol_beside_a_number_is_no_header_unless_it_is_the_documents() -> None:
    # pdftotext -raw on LibreOffice (sg-e-2024-55-gender-mainstreaming, dev), every seventh
    # line left out: the footnote "انظر A/72/492، الفقرة 41." comes out in pieces. The first
    # pass kept them (its page numbers 1 to 7 ruled 41 out); the second, with those gone,
    # took "41" for a page number beside the header "A/72/492" and removed both.
    path = Path(__file__).resolve().parents[2] / "benchmarks/accuracy/inputs/text/libreoffice/pdftotext-raw"
    lines = (path / "sg-e-2024-55-gender-mainstreaming.txt").read_text(encoding="utf-8").split("\n")
    text = unparse.normalize("\n".join(t for i, t in enumerate(lines) if i % 7))
    out = text.splitlines()
    i = out.index("A/72/492")
    assert out[i + 1] == "41"
    assert unparse.normalize(text) == text


def test_a_council_resolution_header_with_its_year_and_page_number_leaves_the_flow() -> None:
    # pypdfium2 on LibreOffice (sc-res-2754, dev split): the running header of a Security
    # Council resolution prints the symbol with its year; left in, it ended the preamble's
    # last paragraph ("... حزيران/يونيه 2023، 2 S/RES/2754 (2024)").
    last = "وإذ يرحب بالإطار العالمي لإدارة الذخيرة التقليدية طوال عمرها، الذي اعتمد في حزيران/يونيه 2023،"
    lines = [
        "1 S/RES/2754 (2024)",
        "الأمم المتحدة",
        "S/RES/2754 (2024)",
        "مجلس الأمن",
        last,
        "2 S/RES/2754 (2024)",
        "1 - يحث الدول الأعضاء على التنفيذ الكامل لتدابير حظر توريد الأسلحة التي يفرضها المجلس،",
    ]
    result = unparse.repair_text("\n".join(lines) + "\n")
    assert result.text.split("\n") == lines[1:5] + lines[6:]
    assert [(f.kind, f.before) for f in result.fixes if f.kind == "page_header"] == [
        ("page_header", "1 S/RES/2754 (2024)"),
        ("page_header", "2 S/RES/2754 (2024)"),
    ]
