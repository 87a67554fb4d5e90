"""JSON: the whole Document, as pydantic serialises it (``Document.model_validate_json`` reads it back)."""

from __future__ import annotations

from ..models import Document

EXTENSION = ".json"


def render(doc: Document) -> str:
    """The Document as indented JSON (UTF-8 text, not ASCII-escaped), ending in a newline."""
    return doc.model_dump_json(indent=2) + "\n"
