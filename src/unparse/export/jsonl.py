"""JSON Lines for NLP: one flat record per paragraph, sub-item and footnote.

Every record has the same keys (``RECORD_FIELDS``), so pandas
(``pd.read_json(path, lines=True)``), polars and ``datasets.load_dataset("json", ...)``
load the file as-is:

- ``source``: the input file; ``symbol``, ``kind``: of the document;
- ``part``: ``"preamble"`` (preambular paragraph), ``"operative"`` (numbered paragraph of a
  resolution or decision), ``"paragraph"`` (numbered paragraph of a report, a law or an
  unclassified document), ``"annex"`` (paragraph of an annex), ``"sub_item"``, ``"footnote"``;
- ``id``: the element's identifier, the same as its ``eId`` in the Akoma Ntoso export
  (``"preamble__rec_3"``, ``"para_7"``, ``"para_7__point_2"``, ``"fn_1"``; the articles of a law
  or decree, and of the law attached to it, ``"art_7"``, ``"att_1__art_7"``);
  ``parent``: the id of the paragraph or sub-item a sub-item belongs to, else null;
- ``number``: the paragraph's number (for a sub-item, its paragraph's number; null in the preamble);
  ``label``: a sub-item's label (``"أ"``) or a footnote's marker; ``lead``: a paragraph's lead phrase;
- ``section``: for report paragraphs, the heading of the section they are in;
  ``annex``: for an annex's paragraphs and sub-items, the annex's heading (``"المرفق الثاني"``);
- ``text``: the clean text; ``footnote_markers``: markers of the footnotes it cites (a list of strings);
- ``start_line``, ``end_line``, ``start_page``, ``end_page``: where it came from.

Absent values are ``null`` (a preambular paragraph's ``number``, a text file's pages). A
loader that guesses column types from the first file it reads types a column that is null
throughout that file as null and then fails on the next file (``datasets``: "Couldn't cast
array of type string to null"; polars: "got non-null value for NULL-typed column"), and an
all-empty ``footnote_markers`` as a list of nulls. :data:`FIELD_TYPES` is the one source of
the records' types: :func:`record_schema` (JSON Schema, ``unparse schema --jsonl``),
:func:`datasets_features` and :func:`polars_schema` are built from it; pass them to the
loader (``features=``, ``schema=``) and every file loads with the same types.
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


# The type of each field: "string", "integer" or "strings" (a list of strings), and whether it
# may be null. Every record has every field; only the nullable ones are ever null.
FIELD_TYPES: dict[str, tuple[str, bool]] = {
    "source": ("string", True),
    "symbol": ("string", True),
    "kind": ("string", False),
    "part": ("string", False),
    "id": ("string", False),
    "parent": ("string", True),
    "number": ("integer", True),
    "label": ("string", True),
    "lead": ("string", True),
    "section": ("string", True),
    "annex": ("string", True),
    "text": ("string", False),
    "footnote_markers": ("strings", False),
    "start_line": ("integer", False),
    "end_line": ("integer", False),
    "start_page": ("integer", True),
    "end_page": ("integer", True),
}
assert tuple(FIELD_TYPES) == RECORD_FIELDS

_DESCRIPTIONS = {
    "source": "The input file the record comes from.",
    "symbol": 'The document\'s UN symbol ("A/RES/76/186"), if it prints one.',
    "kind": 'The document\'s kind: "resolution", "decision", "report", "law", "decree", "unknown".',
    "part": 'What the record is: "preamble", "operative", "paragraph", "annex", "sub_item", "footnote".',
    "id": 'The element\'s identifier, its eId in the Akoma Ntoso export ("para_7__point_2").',
    "parent": "The id of the paragraph or sub-item a sub-item belongs to.",
    "number": "The paragraph's number (a sub-item's: its paragraph's); null in the preamble.",
    "label": "A sub-item's label (\"أ\") or a footnote's marker.",
    "lead": 'A paragraph\'s opening verb or phrase ("تحث").',
    "section": "The heading of the report section the record is in.",
    "annex": "The heading of the annex the record is in.",
    "text": "The clean text, without footnote markers.",
    "footnote_markers": "The markers of the footnotes the text cites, in order.",
    "start_line": "First input line (1-based).",
    "end_line": "Last input line (1-based, inclusive).",
    "start_page": "First PDF page (1-based); null for text.",
    "end_page": "Last PDF page (1-based); null for text.",
}


def record_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of one JSONL record."""
    properties: dict[str, Any] = {}
    for name, (kind, nullable) in FIELD_TYPES.items():
        if kind == "strings":
            prop: dict[str, Any] = {"type": "array", "items": {"type": "string"}}
        else:
            prop = {"type": [kind, "null"] if nullable else kind}
        properties[name] = {**prop, "description": _DESCRIPTIONS[name]}
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
    """The records' ``datasets.Features`` (needs the ``datasets`` package):
    ``load_dataset("json", data_files=..., features=datasets_features())``."""
    import datasets  # type: ignore[import-untyped,unused-ignore]

    listed = getattr(datasets, "List", None) or datasets.Sequence  # List since datasets 4
    value = {"string": datasets.Value("string"), "integer": datasets.Value("int64")}
    return datasets.Features(
        {
            name: listed(datasets.Value("string")) if kind == "strings" else value[kind]
            for name, (kind, _) in FIELD_TYPES.items()
        }
    )


def polars_schema() -> dict[str, Any]:
    """The records' polars schema (needs ``polars``): ``pl.read_ndjson(files, schema=polars_schema())``."""
    import polars as pl

    value: dict[str, Any] = {"string": pl.String, "integer": pl.Int64, "strings": pl.List(pl.String)}
    return {name: value[kind] for name, (kind, _) in FIELD_TYPES.items()}


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
            footnote_markers=[] if isinstance(item, Footnote) else [r.marker for r in item.footnote_refs],
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
        out.append(rec)
    return out


def render(doc: Document) -> str:
    """One JSON object per line (UTF-8, not ASCII-escaped); empty when the document has no parts."""
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records(doc))
