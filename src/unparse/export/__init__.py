"""Exporters: a Document as JSON, JSON Lines, Markdown, plain text or Akoma Ntoso XML.

``FORMATS`` maps each format's name to its :class:`Format`; ``export(doc, "akn")`` renders.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..errors import UnparseError
from ..models import Document
from . import akn, json, jsonl, markdown, text


@dataclass(frozen=True)
class Format:
    """An output format: its name, the file extension batch outputs get, and its renderer."""

    name: str
    extension: str
    render: Callable[[Document], str]
    description: str


FORMATS: dict[str, Format] = {
    "json": Format("json", json.EXTENSION, json.render, "the Document as JSON (default)"),
    "jsonl": Format("jsonl", jsonl.EXTENSION, jsonl.render, "one record per paragraph, sub-item, footnote"),
    "markdown": Format("markdown", markdown.EXTENSION, markdown.render, "readable Markdown"),
    "text": Format("text", text.EXTENSION, text.render, "readable plain text"),
    "akn": Format("akn", akn.EXTENSION, akn.render, "Akoma Ntoso 3.0 XML (AKN4UN)"),
}


def get_format(name: str) -> Format:
    """The format called ``name``, or an :class:`UnparseError` listing the ones there are."""
    try:
        return FORMATS[name]
    except KeyError:
        raise UnparseError(f"unknown format {name!r}; choose one of {', '.join(FORMATS)}") from None


def export(doc: Document, format: str = "json") -> str:
    """Render ``doc`` in ``format`` (a key of ``FORMATS``)."""
    return get_format(format).render(doc)


__all__ = ["FORMATS", "Format", "export", "get_format"]
