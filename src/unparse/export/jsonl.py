"""JSON Lines for NLP: one flat record per paragraph, sub-item and footnote.

Every record has the same keys (``RECORD_FIELDS``), each always of one type (``FIELD_TYPES``:
a string or an integer, never null), so pandas (``pd.read_json(path, lines=True)``), polars
(``pl.read_ndjson(files)``) and ``datasets.load_dataset("json", data_files=files)`` load the
files of a batch as they are:

- ``source``: the input file; ``symbol``, ``kind``: of the document;
- ``part``: ``"preamble"`` (preambular paragraph), ``"operative"`` (numbered paragraph of a
  resolution or decision), ``"paragraph"`` (numbered paragraph of a report, a law or an
  unclassified document), ``"annex"`` (paragraph of an annex), ``"sub_item"``, ``"footnote"``;
- ``id``: the element's identifier, the same as its ``eId`` in the Akoma Ntoso export
  (``"preamble__rec_3"``, ``"para_7"``, ``"para_7__point_2"``, ``"fn_1"``; the articles of a law
  or decree, and of the law attached to it, ``"art_7"``, ``"att_1__art_7"``);
  ``parent``: the id of the paragraph or sub-item a sub-item belongs to;
- ``number``: the paragraph's number (for a sub-item, its paragraph's number);
  ``label``: a sub-item's label (``"أ"``) or a footnote's marker; ``lead``: a paragraph's lead phrase;
- ``section``: for report paragraphs, the heading of the section they are in;
  ``annex``: for an annex's paragraphs and sub-items, the annex's heading (``"المرفق الثاني"``);
- ``text``: the clean text; ``footnote_markers``: the markers of the footnotes it cites, in
  order, separated by a space (``"2 1"``);
- ``start_line``, ``end_line``, ``start_page``, ``end_page``: where it came from.

An absent value is its type's empty value, never null: ``""`` for a string (a report without a
symbol, a paragraph outside any section, a text without footnote references), ``0`` for an
integer (a preambular paragraph's ``number``, a text file's pages: numbers and pages count
from 1). A loader that guesses column types from the first file it reads types a column that
is null throughout that file as null and fails on the next file (``datasets``: "Couldn't cast
array of type string to null"; polars: "got non-null value for NULL-typed column"), and reads
a column of empty lists as lists of nulls (polars then turns ``["1"]`` into ``[null]``): hence
no nulls and no lists. :func:`record_schema` (JSON Schema, ``unparse schema --jsonl``),
:func:`datasets_features` and :func:`polars_schema` are built from ``FIELD_TYPES``, for a
loader that wants the types pinned (``features=``, ``schema=``).
"""

from __future__ import annotations

import json
from typing import Any

from ..models import Document, Footnote, Paragraph, SubItem
from ..walk import walk
from ._common import annex_title, heading_text

EXTENSION = ".jsonl"

RECORD_FIELDS = (
    "source",
    "symbol",
    "kind",
    "part",
    "id",
    "parent",
    "number",
    "label",
    "lead",
    "section",
    "annex",
    "text",
    "footnote_markers",
    "start_line",
    "end_line",
    "start_page",
    "end_page",
)


# The type of each field: "string" or "integer"; every record has every field, never null.
FIELD_TYPES: dict[str, str] = {
    "source": "string",
    "symbol": "string",
    "kind": "string",
    "part": "string",
    "id": "string",
    "parent": "string",
    "number": "integer",
    "label": "string",
    "lead": "string",
    "section": "string",
    "annex": "string",
    "text": "string",
    "footnote_markers": "string",
    "start_line": "integer",
    "end_line": "integer",
    "start_page": "integer",
    "end_page": "integer",
}
assert tuple(FIELD_TYPES) == RECORD_FIELDS

# The value of a field that has none.
ABSENT: dict[str, str | int] = {"string": "", "integer": 0}

_DESCRIPTIONS = {
    "source": 'The input file the record comes from ("" when the text was given without one).',
    "symbol": 'The document\'s UN symbol ("A/RES/76/186"); "" when it prints none.',
    "kind": 'The document\'s kind: "resolution", "decision", "report", "law", "decree", "unknown".',
    "part": 'What the record is: "preamble", "operative", "paragraph", "annex", "sub_item", "footnote".',
    "id": 'The element\'s identifier, its eId in the Akoma Ntoso export ("para_7__point_2").',
    "parent": 'The id of the paragraph or sub-item a sub-item belongs to; "" for the others.',
    "number": "The paragraph's number (a sub-item's: its paragraph's); 0 when it has none "
    "(the preamble; numbers count from 1).",
    "label": 'A sub-item\'s label ("أ") or a footnote\'s marker; "" for the others.',
    "lead": 'A paragraph\'s opening verb or phrase ("تحث"); "" when none was recognised.',
    "section": 'The heading of the report section the record is in; "" outside any.',
    "annex": 'The heading of the annex the record is in; "" outside the annexes.',
    "text": "The clean text, without footnote markers.",
    "footnote_markers": "The markers of the footnotes the text cites, in order, separated by a "
    'space ("2 1"); "" when it cites none.',
    "start_line": "First input line (1-based).",
    "end_line": "Last input line (1-based, inclusive).",
    "start_page": "First PDF page (1-based); 0 for text.",
    "end_page": "Last PDF page (1-based); 0 for text.",
}


def record_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of one JSONL record."""
    properties = {
        name: {"type": kind, "description": _DESCRIPTIONS[name]} for name, kind in FIELD_TYPES.items()
    }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "unparse JSONL record",
        "description": "One paragraph, sub-item or footnote of a document (unparse parse -f jsonl).",
        "type": "object",
        "properties": properties,
        "required": list(RECORD_FIELDS),
        "additionalProperties": False,
    }


def datasets_features() -> Any:
    """The records' ``datasets.Features`` (needs the ``datasets`` package), to pin the types:
    ``load_dataset("json", data_files=..., features=datasets_features())``."""
    import datasets  # type: ignore[import-untyped,unused-ignore]

    value = {"string": datasets.Value("string"), "integer": datasets.Value("int64")}
    return datasets.Features({name: value[kind] for name, kind in FIELD_TYPES.items()})


def polars_schema() -> dict[str, Any]:
    """The records' polars schema (needs ``polars``), to pin the types:
    ``pl.read_ndjson(files, schema=polars_schema())``."""
    import polars as pl

    value: dict[str, Any] = {"string": pl.String, "integer": pl.Int64}
    return {name: value[kind] for name, kind in FIELD_TYPES.items()}


def records(doc: Document) -> list[dict[str, Any]]:
    """The records of one document, in reading order: preamble, paragraphs (each followed by its
    sub-items, depth first), the annexes' paragraphs, then footnotes."""
    body_part = "operative" if doc.kind in ("resolution", "decision") else "paragraph"
    out: list[dict[str, Any]] = []
    for step in walk(doc):
        item = step.item
        if not isinstance(item, Paragraph | SubItem | Footnote):
            continue  # formula, headings, closing, annexes: in the records' fields, not records
        rec: dict[str, Any] = dict.fromkeys(RECORD_FIELDS)
        rec.update(
            source=doc.source,
            symbol=doc.symbol,
            kind=doc.kind,
            part=body_part if step.part == "body" else step.part,
            id=item.id,
            text=item.text,
            footnote_markers=""
            if isinstance(item, Footnote)
            else " ".join(r.marker for r in item.footnote_refs),
            start_line=item.span.start_line,
            end_line=item.span.end_line,
            start_page=item.span.start_page,
            end_page=item.span.end_page,
        )
        if isinstance(item, Footnote):
            rec["label"] = item.marker
        else:
            assert step.paragraph is not None
            rec.update(
                number=step.paragraph.number,
                section=heading_text(step.section) if step.section is not None else None,
                annex=annex_title(step.annex) if step.annex is not None else None,
            )
            if isinstance(item, SubItem):
                assert step.parent is not None
                rec.update(part="sub_item", parent=step.parent.id, label=item.label)
            else:
                rec["lead"] = item.lead
        out.append({k: ABSENT[FIELD_TYPES[k]] if v is None else v for k, v in rec.items()})
    return out


def render(doc: Document) -> str:
    """One JSON object per line (UTF-8, not ASCII-escaped); empty when the document has no parts."""
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records(doc))
