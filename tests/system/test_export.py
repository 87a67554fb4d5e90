"""The exporters, on documents built by hand (exact structure) and on the samples (smoke, schema)."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import unparse
from builders import NS, report, resolution, span, with_annexes
from unparse.export import FORMATS, export, get_format
from unparse.export.jsonl import RECORD_FIELDS, records
from unparse.models import Annex, Document, Footnote, FootnoteRef, Paragraph, SubItem

HERE = Path(__file__).resolve().parents[1]
SAMPLES = sorted((HERE.parent / "samples").glob("*.txt"))


def test_registry() -> None:
    assert list(FORMATS) == ["json", "jsonl", "markdown", "text", "akn"]
    assert {f.extension for f in FORMATS.values()} == {".json", ".jsonl", ".md", ".txt", ".xml"}
    with pytest.raises(unparse.UnparseError, match="choose one of json"):
        get_format("docx")


# --------------------------------------------------------------------------- json


@pytest.mark.parametrize("make", [resolution, report])
def test_json_round_trips(make: Any) -> None:
    doc = make()
    assert Document.model_validate_json(export(doc, "json")) == doc


# --------------------------------------------------------------------------- jsonl


def test_jsonl_records_of_a_resolution() -> None:
    text = export(resolution(), "jsonl")
    rows = [json.loads(line) for line in text.splitlines()]
    assert all(tuple(r) == RECORD_FIELDS for r in rows)
    assert [(r["part"], r["id"]) for r in rows] == [
        ("preamble", "preamble__rec_1"),
        ("preamble", "preamble__rec_2"),
        ("sub_item", "preamble__rec_2__point_1"),
        ("sub_item", "preamble__rec_2__point_2"),
        ("sub_item", "preamble__rec_2__point_2__point_1"),
        ("operative", "para_1"),
        ("operative", "para_2"),
        ("sub_item", "para_2__point_1"),
        ("sub_item", "para_2__point_2"),
        ("footnote", "fn_1"),
        ("footnote", "fn_2"),
        ("footnote", "fn_3"),
    ]
    first = rows[0]
    assert first["symbol"] == "A/RES/76/186" and first["kind"] == "resolution"
    # A preambular paragraph has no number, no parent, no section: each its type's empty value.
    assert first["source"] == "res.txt" and first["number"] == 0
    assert (first["parent"], first["section"], first["annex"], first["start_page"]) == ("", "", "", 0)
    assert first["footnote_markers"] == "1" and first["lead"] == "إذ تشير"
    op1 = rows[5]
    assert op1["number"] == 1 and op1["footnote_markers"] == "2 1"
    assert (op1["start_line"], op1["end_line"]) == (20, 20)
    sub = rows[8]
    assert (sub["parent"], sub["number"], sub["label"], sub["text"]) == (
        "para_2",
        2,
        "ب",
        "أن ينشر المعلومات.",
    )
    note = rows[-1]
    assert (note["label"], note["text"], note["start_line"]) == ("3", "حاشية لا يشار إليها.", 42)


def test_jsonl_report_paragraphs_carry_their_section() -> None:
    rows = records(report())
    assert {r["part"] for r in rows} == {"paragraph"}
    assert [r["section"] for r in rows] == [
        "أولاً - مقدمة",
        "أولاً - مقدمة",
        "ألف - التعاون",
        "باء - التدريب",
        "باء - التدريب",
    ]


def test_jsonl_loads_with_pandas(tmp_path: Path) -> None:
    pd = pytest.importorskip("pandas")
    path = tmp_path / "r.jsonl"
    path.write_text(export(resolution(), "jsonl") + export(report(), "jsonl"), encoding="utf-8")
    frame = pd.read_json(path, lines=True)
    assert list(frame.columns) == list(RECORD_FIELDS)
    assert len(frame) == 12 + 5


# --------------------------------------------------------------------------- markdown and text


def test_markdown() -> None:
    md = export(resolution(), "markdown")
    assert md.startswith("# تحسين تنسيق الجهود المبذولة لمكافحة الاتجار بالأشخاص\n")
    assert "- **Symbol:** A/RES/76/186" in md
    assert "*إن الجمعية العامة،*" in md
    assert "إذ تشير إلى قرارها 70/1،[^1]" in md
    assert "**1** - تحث[^2] الدول على \\*التعاون\\*[^1] \\<معا\\> & بسرعة" in md
    assert "- (أ) البند الأول؛" in md
    assert "  - (1) فرع" in md
    assert md.index("**2** - ") < md.index("- (ب) أن ينشر المعلومات.")
    assert md.rstrip().endswith("[^3]: حاشية لا يشار إليها.")
    rep = export(report(), "markdown")
    order = ["## أولاً - مقدمة", "**1** -", "**2** -", "## ثانياً - الأنشطة", "### ألف - التعاون", "**3** -"]
    positions = [rep.index(x) for x in order]
    assert positions == sorted(positions)
    assert rep.index("### باء - التدريب") < rep.index("**4** -")


def test_text() -> None:
    txt = export(resolution(), "text")
    lines = txt.splitlines()
    assert lines[0] == "تحسين تنسيق الجهود المبذولة لمكافحة الاتجار بالأشخاص"
    assert "Symbol: A/RES/76/186" in lines
    assert "1 - تحث[2] الدول على *التعاون*[1] <معا> & بسرعة" in lines
    assert "    (أ) أن يقدم تقريرا؛" in lines
    assert "        (1) فرع" in lines
    assert lines[-3:] == ["[1] القرار 70/1.", "[2] A/76/463.", "[3] حاشية لا يشار إليها."]
    rep = export(report(), "text").splitlines()
    assert rep.index("ثانياً - الأنشطة") < rep.index("3 - الفقرة 3")


def test_unsegmented_document_keeps_its_text() -> None:
    doc = Document(text="سطر أول\nسطر ثان", source="x.txt")
    for name in ("markdown", "text"):
        assert "سطر ثان" in export(doc, name)
    root = ET.fromstring(export(doc, "akn"))
    assert "سطر ثان" in "".join(root.itertext())


# --------------------------------------------------------------------------- akn


def test_akn_resolution_shape(schema: Any) -> None:
    xml = export(resolution(), "akn")
    schema.validate(xml)
    root = ET.fromstring(xml)
    statement = root.find("a:statement", NS)
    assert statement is not None and statement.get("name") == "resolution"
    ident = statement.find("a:meta/a:identification", NS)
    assert ident is not None
    assert [child.tag.split("}")[1] for child in ident] == [
        "FRBRWork",
        "FRBRExpression",
        "FRBRManifestation",
    ]
    assert statement.findtext("a:preface/a:p/a:docNumber", namespaces=NS) == "A/RES/76/186"
    assert statement.find("a:preface/a:p/a:docDate", NS).get("date") == "2021-12-16"  # type: ignore[union-attr]
    assert statement.findtext("a:preface/a:p/a:session", namespaces=NS) == "الدورة السادسة والسبعون"
    assert statement.findtext("a:preface/a:p/a:docProponent", namespaces=NS) == "الجمعية العامة"
    assert statement.findtext("a:preamble/a:formula/a:p", namespaces=NS) == "إن الجمعية العامة،"
    recitals = statement.findall("a:preamble/a:recitals/a:recital", NS)
    assert len(recitals) == 2
    assert len(recitals[1].findall(".//a:item", NS)) == 3
    paras = statement.findall("a:mainBody/a:paragraph", NS)
    assert [p.findtext("a:num", namespaces=NS) for p in paras] == ["1", "2"]
    assert [p.findtext("a:num", namespaces=NS) for p in paras[1].findall("a:point", NS)] == ["(أ)", "(ب)"]
    assert paras[1].findtext("a:intro/a:p", namespaces=NS) == "تطلب إلى الأمين العام:"
    notes = statement.findall(".//a:authorialNote", NS)
    assert sorted(n.get("marker") or "" for n in notes) == ["1", "2", "3"]
    # Footnote 1 sits at its first reference, in the preamble; the second reference points to it.
    assert recitals[0].find(".//a:authorialNote", NS).get("marker") == "1"  # type: ignore[union-attr]
    assert paras[0].find(".//a:noteRef", NS).get("href") == "#fn_1"  # type: ignore[union-attr]
    p1 = paras[0].find("a:content/a:p", NS)
    assert p1 is not None and p1.text == "تحث"
    # The text of the paragraph, notes aside, is intact and escaped properly.
    body = (p1.text or "") + "".join((n.tail or "") for n in p1)
    assert body == "تحث الدول على *التعاون* <معا> & بسرعة"
    assert statement.find("a:conclusions/a:p/a:date", NS).get("date") == "2021-12-16"  # type: ignore[union-attr]


def test_akn_report_nests_sections(schema: Any) -> None:
    xml = export(report(), "akn")
    schema.validate(xml)
    root = ET.fromstring(xml)
    doc = root.find("a:doc", NS)
    assert doc is not None and doc.get("name") == "report"
    sections = doc.findall("a:mainBody/a:section", NS)
    assert [s.findtext("a:num", namespaces=NS) for s in sections] == ["أولاً", "ثانياً"]
    assert [p.findtext("a:num", namespaces=NS) for p in sections[0].findall("a:paragraph", NS)] == ["1", "2"]
    subs = sections[1].findall("a:subsection", NS)
    assert [s.findtext("a:heading", namespaces=NS) for s in subs] == ["التعاون", "التدريب"]
    assert [p.findtext("a:num", namespaces=NS) for p in subs[1].findall("a:paragraph", NS)] == ["4", "5"]


def test_akn_annexes_are_attachments(schema: Any) -> None:
    xml = export(with_annexes(), "akn")
    schema.validate(xml)
    statement = ET.fromstring(xml).find("a:statement", NS)
    assert statement is not None
    # The body keeps its own paragraphs; each annex is a doc of its own after the conclusions.
    assert [p.findtext("a:num", namespaces=NS) for p in statement.findall("a:mainBody/a:paragraph", NS)] == [
        "1",
        "2",
    ]
    assert [c.tag.split("}")[1] for c in statement][-2:] == ["conclusions", "attachments"]
    attachments = statement.findall("a:attachments/a:attachment", NS)
    assert [a.get("eId") for a in attachments] == ["att_1", "att_2", "att_3"]
    first = attachments[0].find("a:doc", NS)
    assert first is not None and first.get("name") == "annex"
    assert first.findtext("a:preface/a:p/a:docNumber", namespaces=NS) == "المرفق الأول"
    assert first.findtext("a:preface/a:p/a:docTitle", namespaces=NS) == "عناصر النهج"
    section = first.find("a:mainBody/a:section", NS)
    assert section is not None and section.get("eId") == "att_1__sec_1"
    assert [p.get("eId") for p in section.findall("a:paragraph", NS)] == ["att_1__para_1", "att_1__para_2"]
    assert first.find(".//a:authorialNote", NS) is not None  # note 3, cited in the annex only


def test_annexes_in_every_format() -> None:
    doc = with_annexes()
    assert Document.model_validate_json(export(doc, "json")) == doc
    rows = [r for r in records(doc) if r["part"] == "annex" or r["annex"]]
    assert [(r["part"], r["annex"], r["id"], r["parent"]) for r in rows] == [
        ("annex", "المرفق الأول - عناصر النهج", "att_1__para_1", ""),
        ("sub_item", "المرفق الأول - عناصر النهج", "att_1__para_1__point_1", "att_1__para_1"),
        ("annex", "المرفق الأول - عناصر النهج", "att_1__para_2", ""),
        ("annex", "المرفق الثاني", "att_2__para_u1", ""),
    ]
    assert rows[0]["section"] == "أولاً - المبادئ" and rows[0]["footnote_markers"] == "3"
    assert not any(r["annex"] for r in records(doc) if r["part"] == "operative")
    md = export(doc, "markdown")
    assert (
        md.index("**2** - تطلب") < md.index("## المرفق الأول - عناصر النهج") < md.index("### أولاً - المبادئ")
    )
    assert "**1** - تكفل[^3] الدول السلامة" in md and "## المرفق الثالث" in md
    text = export(doc, "text")
    assert text.index("الجلسة العامة 53") < text.index("المرفق الأول - عناصر النهج\n----")
    assert "1 - تكفل[3] الدول السلامة\n    (أ) بند" in text


def test_old_json_without_annexes_still_validates() -> None:
    data = json.loads(export(resolution(), "json"))
    del data["annexes"]
    assert Document.model_validate(data).annexes == []


def test_akn_empty_document_is_valid(schema: Any) -> None:
    schema.validate(export(Document(), "akn"))


_XML_UNSAFE = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)) | st.sampled_from("<>&\"'\x00\x0b]]>"),
    max_size=40,
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    text=_XML_UNSAFE,
    label=_XML_UNSAFE,
    marker=_XML_UNSAFE,
    offset=st.integers(-5, 50),
    kind=st.sampled_from(["resolution", "law"]),  # a UN statement and an act
)
def test_akn_is_well_formed_and_valid_for_any_text(
    schema: Any, text: str, label: str, marker: str, offset: int, kind: str
) -> None:
    doc = Document(
        kind=kind,  # type: ignore[arg-type]
        symbol=text or None,
        title=text,
        preamble_opening=text,
        preamble=[Paragraph(text=text, span=span(1))],
        paragraphs=[
            Paragraph(
                number=1,
                text=text,
                footnote_refs=[FootnoteRef(marker=marker, offset=offset)],
                span=span(2),
                sub_items=[SubItem(label=label, text=text, span=span(3))],
            )
        ],
        footnotes=[Footnote(marker=marker, text=text, span=span(4))],
        closing=text or None,
        annexes=[
            Annex(
                label=label,
                paragraphs=[Paragraph(number=1, lead="مادة", text=text, span=span(5))],
                span=span(5),
            )
        ],
    )
    schema.validate(export(doc, "akn"))
    for name in ("json", "jsonl", "markdown", "text"):
        export(doc, name)


# --------------------------------------------------------------------------- the samples


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.name)
def test_every_sample_in_every_format(path: Path, schema: Any) -> None:
    doc = unparse.parse(path)
    schema.validate(export(doc, "akn"))
    for line in export(doc, "jsonl").splitlines():
        assert tuple(json.loads(line)) == RECORD_FIELDS
    assert Document.model_validate_json(export(doc, "json")) == doc
    assert export(doc, "markdown").strip() and export(doc, "text").strip()
