"""The repair's document-level decisions are typed records on the Document, with the counts
that decided them: a user can see *why* a text was judged run-reversed, visual or logical."""

from __future__ import annotations

from pathlib import Path

import unparse
from unparse import Decision

ROOT = Path(__file__).resolve().parents[2]
INPUTS = ROOT / "benchmarks" / "accuracy" / "inputs" / "text"


def by_name(doc: unparse.Document) -> dict[str, Decision]:
    return {d.name: d for d in doc.decisions}


def test_run_reversed_sample_says_why() -> None:
    doc = unparse.parse(ROOT / "samples" / "a-res-61-180.txt")
    d = by_name(doc)
    runs = d["runs_reversed"]
    assert (runs.step, runs.value) == ("line_order", True)
    assert runs.evidence == {
        "lines_read_reversed": 47,
        "lines_read_logical": 15,
        "lines_reordered": 111,
        "lines_below_confidence": 16,
    }
    # Each line below Options.min_confidence is named in the warnings.
    assert sum("run order is a guess" in w for w in doc.warnings) == 16
    assert d["brackets_mirrored"].value is True
    assert d["running_symbols"].evidence == {"values": "A/RES/61/180"}


def test_clean_text_is_judged_in_order_with_its_counts() -> None:
    # Clean prose without dates: the run-order step counts the lines and finds no reversal.
    unpc = ROOT / "tests" / "fixtures" / "unpc" / "unpc-v1.0-dev-ar.first2000.txt"
    prose = [s for s in unpc.read_text(encoding="utf-8").splitlines()[:400] if "/" not in s][:60]
    d = by_name(unparse.parse_text("\n".join(prose)))
    if "runs_reversed" in d:
        assert d["runs_reversed"].value is False
        assert d["runs_reversed"].evidence["lines_read_reversed"] < 3
    else:  # judged in reading order before: by its dates
        assert d["logical_order"].value is True
        assert d["dates_in_reading_order"].evidence["month_then_year"] >= 2
    # A clean resolution: its dates read month then year, so its lines are in reading order.
    text = (ROOT / "benchmarks" / "accuracy" / "sources" / "ga-res-example.txt").read_text(encoding="utf-8")
    body = text.partition("\n===\n")[2].replace("para ", "").replace("pre: ", "")
    d = by_name(unparse.parse_text(body))
    assert d["dates_in_reading_order"].value is True
    assert d["logical_order"].value is True


def test_poppler_text_is_fingerprinted_and_logical() -> None:
    path = INPUTS / "libreoffice" / "pdftotext" / "ga-res-example.txt"
    d = by_name(unparse.parse_text(path.read_text(encoding="utf-8")))
    assert d["producer"].value == "poppler"
    assert d["producer"].evidence["rle_led_lines"] == d["producer"].evidence["lines"] > 20
    assert d["logical_order"].value is True
    assert "runs_reversed" not in d  # gated off: never considered


def test_visual_text_counts_its_reversed_lines() -> None:
    path = INPUTS / "fpdf2" / "pdfplumber" / "ga-res-example.txt"
    visual = by_name(unparse.parse_text(path.read_text(encoding="utf-8")))["visual_lines"]
    assert visual.step == "visual_order"
    assert isinstance(visual.value, int) and visual.value > 20
    assert visual.evidence["document_reversed"] is True


def test_decisions_are_in_the_json_and_the_schema() -> None:
    doc = unparse.parse(ROOT / "samples" / "a-res-61-180.txt")
    again = unparse.Document.model_validate_json(doc.model_dump_json())
    assert again.decisions == doc.decisions
    props = unparse.Document.model_json_schema()["$defs"]["Decision"]["properties"]
    assert set(props) == {"step", "name", "value", "evidence"}


def test_record_properties_become_the_decision_value() -> None:
    from unparse.repair.decisions import decisions_from_facts
    from unparse.repair.mupdf_pypdf import DateOrder

    (d,) = decisions_from_facts({"date_order": DateOrder(month_then_year=5, year_then_month=0)})
    assert (d.step, d.name, d.value) == ("date_logical_order", "dates_in_reading_order", True)
    assert d.evidence == {"month_then_year": 5, "year_then_month": 0, "day_month_year": 0}
