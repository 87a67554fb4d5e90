"""Element identifiers shared by the JSON Lines and Akoma Ntoso exports (AKN naming: ``para_7``,
``art_7``)."""

from __future__ import annotations

from ..models import Document, Paragraph
from ._common import is_act, is_attached_act


def paragraph_ids(doc: Document) -> dict[int, str]:
    """``id(paragraph)`` → its identifier: ``preamble__rec_N`` (N its position) and ``para_N``
    (N its number; its position when it has none or the number is taken); the articles of a
    law or decree, and of the law attached to it, are ``art_N``; an annex's paragraphs are
    prefixed with the annex's identifier: ``att_1__para_2``, ``att_1__art_2``."""
    ids: dict[int, str] = {}
    for k, p in enumerate(doc.preamble, start=1):
        ids[id(p)] = f"preamble__rec_{k}"
    _numbered(doc.paragraphs, "", ids, "art" if is_act(doc) else "para")
    for a, annex in enumerate(doc.annexes, start=1):
        _numbered(annex.paragraphs, f"{annex_id(a)}__", ids, "art" if is_attached_act(doc, annex) else "para")
    return ids


def annex_id(k: int) -> str:
    """The identifier of the k-th annex (AKN ``attachment``): ``att_1``."""
    return f"att_{k}"


def _numbered(paragraphs: list[Paragraph], prefix: str, ids: dict[int, str], name: str) -> None:
    used: set[str] = set()
    for k, p in enumerate(paragraphs, start=1):
        candidate = f"{name}_{p.number}" if p.number is not None else f"{name}_u{k}"
        if candidate in used:
            candidate = f"{candidate}_{k}"
        used.add(candidate)
        ids[id(p)] = prefix + candidate
