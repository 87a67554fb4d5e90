"""Element identifiers shared by the JSON Lines and Akoma Ntoso exports (AKN naming: ``para_7``)."""

from __future__ import annotations

from ..models import Document


def paragraph_ids(doc: Document) -> dict[int, str]:
    """``id(paragraph)`` → its identifier: ``preamble__rec_N`` (N its position) and ``para_N``
    (N its number; its position when it has none or the number is taken)."""
    ids: dict[int, str] = {}
    for k, p in enumerate(doc.preamble, start=1):
        ids[id(p)] = f"preamble__rec_{k}"
    used: set[str] = set()
    for k, p in enumerate(doc.paragraphs, start=1):
        candidate = f"para_{p.number}" if p.number is not None else f"para_u{k}"
        if candidate in used:
            candidate = f"{candidate}_{k}"
        used.add(candidate)
        ids[id(p)] = candidate
    return ids
