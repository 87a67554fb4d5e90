"""JSON: the whole Document, as pydantic serialises it (``Document.model_validate_json`` reads it back)."""

from __future__ import annotations

from ..models import Document
from ..walk import assign_ids

EXTENSION = ".json"


def render(doc: Document) -> str:
    """The Document as indented JSON (UTF-8 text, not ASCII-escaped), ending in a newline; items
    added to it after it was built get their ids first, as every export gives them."""
    assign_ids(doc)
    return doc.model_dump_json(indent=2) + "\n"
