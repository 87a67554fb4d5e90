"""The model's reading order (``Document.iter_items()``), its items' ids, footnote references by
id, the furniture layer and the ``body`` → ``organ`` rename."""

from __future__ import annotations

import itertools
import json
import subprocess
import sys
import warnings
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

import unparse
from builders import NS, report, resolution, span, with_annexes
from unparse.export import export
from unparse.export.jsonl import records
from unparse.models import (
    Annex,
    Closing,
    Document,
    Footnote,
    FootnoteRef,
    Formula,
    Paragraph,
    Section,
    SubItem,
)
from unparse.walk import walk

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = sorted((ROOT / "samples").glob("*.txt"))


def outline(doc: Document) -> list[tuple[str, str, int]]:
    return [(type(item).__name__, item.id, depth) for item, depth in doc.iter_items()]


def test_reading_order_of_a_resolution() -> None:
    assert outline(resolution()) == [
        ("Formula", "formula", 0),
        ("Paragraph", "preamble__rec_1", 0),
        ("Paragraph", "preamble__rec_2", 0),
        ("SubItem", "preamble__rec_2__point_1", 1),
        ("SubItem", "preamble__rec_2__point_2", 1),
        ("SubItem", "preamble__rec_2__point_2__point_1", 2),
        ("Paragraph", "para_1", 0),
        ("Paragraph", "para_2", 0),
        ("SubItem", "para_2__point_1", 1),
        ("SubItem", "para_2__point_2", 1),
        ("Closing", "closing", 0),
        ("Footnote", "fn_1", 0),
        ("Footnote", "fn_2", 0),
        ("Footnote", "fn_3", 0),
    ]


def test_headings_fall_before_their_first_paragraph_and_annexes_nest() -> None:
    assert outline(report()) == [
        ("Section", "sec_1", 0),
        ("Paragraph", "para_1", 0),
        ("Paragraph", "para_2", 0),
        ("Section", "sec_2", 0),
        ("Section", "sec_3", 0),
        ("Paragraph", "para_3", 0),
        ("Section", "sec_4", 0),
        ("Paragraph", "para_4", 0),
        ("Paragraph", "para_5", 0),
    ]
    annexes = [x for x in outline(with_annexes()) if x[1].startswith("att_")]
    assert annexes == [
        ("Annex", "att_1", 0),
        ("Section", "att_1__sec_1", 1),
        ("Paragraph", "att_1__para_1", 1),
        ("SubItem", "att_1__para_1__point_1", 2),
        ("Paragraph", "att_1__para_2", 1),
        ("Annex", "att_2", 0),
        ("Paragraph", "att_2__para_u1", 1),
        ("Annex", "att_3", 0),
    ]


def test_a_laws_formula_follows_its_citations() -> None:
    law = Document(
        kind="law",
        preamble_opening="قرر:",
        preamble=[Paragraph(text="بعد الاطلاع على الدستور،", span=span(3))],
        paragraphs=[Paragraph(number=1, lead="المادة", text="يعمل بهذا القانون.", span=span(5))],
        sections=[Section(label="الباب الأول", title="أحكام", level=1, first_paragraph=1, span=span(4))],
    )
    assert outline(law) == [
        ("Paragraph", "preamble__rec_1", 0),
        ("Formula", "formula", 0),
        ("Section", "chp_1", 0),
        ("Paragraph", "art_1", 0),
    ]


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.name)
def test_every_item_once_with_a_unique_id_that_the_exports_use(path: Path) -> None:
    doc = unparse.parse(path)
    items = list(doc.iter_items())
    ids = [item.id for item, _ in items]
    assert len(ids) == len(set(ids)) and all(ids)

    def count(subs: list[SubItem]) -> int:
        return sum(1 + count(s.sub_items) for s in subs)

    paragraphs = doc.preamble + doc.paragraphs + [p for a in doc.annexes for p in a.paragraphs]
    expected = (
        len(paragraphs)
        + sum(count(p.sub_items) for p in paragraphs)
        + len(doc.sections)
        + sum(len(a.sections) for a in doc.annexes)
        + len(doc.annexes)
        + len(doc.footnotes)
        + bool(doc.preamble_opening)
        + bool(doc.closing)
    )
    assert len(items) == expected
    # A sub-item follows its owner, one level deeper; nothing is deeper than its owner + 1.
    for (prev, d0), (item, d1) in itertools.pairwise(items):
        assert d1 <= d0 + 1
        if isinstance(item, SubItem) and d1 == d0 + 1:
            assert isinstance(prev, Paragraph | SubItem) and item in prev.sub_items
    # JSONL's ids are the ids of its records' items, in reading order; AKN's eIds include them.
    recorded = [i for i, _ in items if isinstance(i, Paragraph | SubItem | Footnote)]
    assert [r["id"] for r in records(doc)] == [i.id for i in recorded]
    eids = {el.get("eId") for el in ET.fromstring(export(doc, "akn")).iter()}
    assert {i.id for i, _ in items if not isinstance(i, Formula | Closing)} <= eids
    # The ids survive a JSON round trip unchanged.
    again = Document.model_validate_json(export(doc, "json"))
    assert [i.id for i, _ in again.iter_items()] == ids


def test_ids_are_given_once() -> None:
    doc = report()
    before = outline(doc)
    doc.paragraphs.insert(0, Paragraph(number=9, text="أضيفت لاحقا", span=span(1)))
    after = outline(doc)
    assert ("Paragraph", "para_9", 0) in after  # the new paragraph gets an id when walked
    assert [x for x in after if x[1] != "para_9"] == before  # and no other id moved
    # An old JSON without ids gets the same ids as a freshly built document.
    raw = json.loads(export(report(), "json"))
    for section in raw["sections"]:
        del section["id"]
    assert outline(Document.model_validate(raw)) == outline(report())


def repeated_markers() -> Document:
    """Footnote markers that start again on the second page, and a note cited twice."""
    return Document(
        kind="report",
        paragraphs=[
            Paragraph(number=n, text=text, footnote_refs=[FootnoteRef(marker=m, offset=0)], span=span(line))
            for n, text, m, line in [
                (1, "أولى", "1", 2),
                (2, "ثانية", "1", 3),
                (3, "ثالثة", "1", 20),
                (4, "رابعة", "5", 21),
            ]
        ],
        footnotes=[
            Footnote(marker="1", text="حاشية الصفحة الأولى.", span=span(10)),
            Footnote(marker="1", text="حاشية الصفحة الثانية.", span=span(30)),
        ],
    )


def test_a_reference_points_at_its_footnote_by_id() -> None:
    doc = repeated_markers()
    assert [r.footnote_id for p in doc.paragraphs for r in p.footnote_refs] == ["fn_1", "fn_1", "fn_2", None]
    root = ET.fromstring(export(doc, "akn"))
    paragraphs = root.findall(".//a:mainBody/a:paragraph", NS)
    notes = [p.find(".//a:authorialNote", NS) for p in paragraphs]
    refs = [p.find(".//a:noteRef", NS) for p in paragraphs]
    assert notes[0] is not None and notes[0].get("eId") == "fn_1"
    assert refs[1] is not None and refs[1].get("href") == "#fn_1"  # cited again: a noteRef
    assert notes[2] is not None and notes[2].get("eId") == "fn_2"  # the second page's own note 1
    assert notes[2].findtext("a:p", namespaces=NS) == "حاشية الصفحة الثانية."
    assert notes[3] is None and refs[3] is None  # no footnote 5: nothing to point at


def test_walk_says_where_each_item_is() -> None:
    steps = [s for s in walk(with_annexes()) if isinstance(s.item, Paragraph | SubItem)]
    where = [(s.item.id, s.part, s.section and s.section.id, s.annex and s.annex.id) for s in steps]
    assert where[-4:] == [
        ("att_1__para_1", "annex", "att_1__sec_1", "att_1"),
        ("att_1__para_1__point_1", "annex", "att_1__sec_1", "att_1"),
        ("att_1__para_2", "annex", "att_1__sec_1", "att_1"),
        ("att_2__para_u1", "annex", None, "att_2"),
    ]
    sub = next(s for s in steps if s.item.id == "att_1__para_1__point_1")
    assert sub.parent is sub.paragraph and sub.paragraph is not None and sub.paragraph.id == "att_1__para_1"
    assert isinstance(steps[0].item, Paragraph) and isinstance(with_annexes().annexes[0], Annex)


def test_the_furniture_layer_holds_the_lines_taken_out() -> None:
    path = ROOT / "samples" / "a-res-61-180.txt"
    doc = unparse.parse(path)
    furniture = doc.furniture
    assert {f.kind for f in furniture} == {"footnote_separator", "running_symbol", "page_number"}
    removed = [f for f in doc.fixes if f.kind in {x.kind for x in furniture}]
    assert [(f.line, f.text) for f in furniture] == [(f.line, f.before) for f in removed]
    lines = path.read_text(encoding="utf-8").split("\n")
    assert [f.text for f in furniture] == [lines[f.line - 1] for f in furniture if f.line]
    assert [f.id for f in furniture] == [f"furniture_{k}" for k in range(1, len(furniture) + 1)]
    assert all(f.page is None for f in furniture)
    # None of them is in the reading order's text.
    texts = {getattr(item, "text", "") for item, _ in doc.iter_items()}
    assert not any(f.text.strip() in texts for f in furniture)
    assert Document.model_validate_json(export(doc, "json")).furniture == furniture


def test_the_furniture_layer_of_a_pdf_has_its_pages() -> None:
    doc = unparse.parse(ROOT / "tests/fixtures/pdf/res-western.pdf")
    reader = [(f.kind, f.page) for f in doc.furniture if f.line is None]
    assert ("running_header", 1) in reader and ("job_number", 1) in reader and ("running_header", 2) in reader
    pages = [f.page or 0 for f in doc.furniture if f.line is None]
    assert pages == sorted(pages) and min(pages) == 1  # by page, counted from 1
    assert all(f.page is None for f in doc.furniture if f.line is not None)  # the repair's: by line
    headers = [f.text for f in doc.furniture if f.kind == "running_header"]
    assert all(h.startswith("A/RES/76/186") for h in headers)
    texts = "\n".join(getattr(item, "text", "") for item, _ in doc.iter_items())
    assert not any(h in texts for h in headers)


def test_body_is_organ_under_its_old_name() -> None:
    doc = Document(body="الجمعية العامة")  # the old keyword still works
    assert doc.organ == "الجمعية العامة"
    with pytest.warns(DeprecationWarning, match="Document.organ"):
        assert doc.body == "الجمعية العامة"
    with pytest.warns(DeprecationWarning, match="Document.organ"):
        doc.body = "مجلس الأمن"
    assert doc.organ == "مجلس الأمن"
    old = json.loads(export(resolution(), "json"))
    old["body"] = old.pop("organ")  # JSON an older unparse wrote
    assert Document.model_validate(old) == resolution()
    assert '"organ": "الجمعية العامة"' in export(resolution(), "json")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        export(resolution(), "akn")  # the exporters read organ, not the deprecated name


def test_the_identity_script_compares_dumps(tmp_path: Path) -> None:
    script = ROOT / "scripts" / "export_identity.py"
    sample = str(ROOT / "samples" / "a-res-76-186.txt")
    for name in ("a", "b"):
        done = subprocess.run([sys.executable, script, "dump", tmp_path / name, sample], capture_output=True)
        assert done.returncode == 0, done.stderr
    compare = [sys.executable, script, "compare", tmp_path / "a", tmp_path / "b"]
    same = subprocess.run(compare, capture_output=True, text=True)
    assert same.returncode == 0 and "5 outputs compared: 0 differ" in same.stdout
    # The renamed field is the one JSON difference allowed; any other change is reported.
    json_out = tmp_path / "a" / "samples__a-res-76-186.txt.json"
    json_out.write_text(json_out.read_text(encoding="utf-8").replace('"organ"', '"body"'), encoding="utf-8")
    assert subprocess.run(compare, capture_output=True).returncode == 0
    md = tmp_path / "b" / "samples__a-res-76-186.txt.markdown"
    md.write_text(md.read_text(encoding="utf-8") + " ", encoding="utf-8")
    changed = subprocess.run(compare, capture_output=True, text=True)
    assert changed.returncode == 1 and "differs: samples__a-res-76-186.txt.markdown" in changed.stdout
