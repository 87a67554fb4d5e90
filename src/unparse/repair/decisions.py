"""The repair's document-level decisions as typed records, each with its evidence.

Steps tell each other what they decided through ``Context.facts`` (internal, any shape);
:func:`decisions_from_facts` turns the facts a user should see into
:class:`~unparse.models.Decision` records, which ``repair`` returns and the ``Document``
keeps: *why* a text was judged logical, visual or run-reversed, and by which counts.

>>> [d.name for d in decisions_from_facts({"runs_reversed": True, "page_numbers": {"removed": 2}})]
['runs_reversed', 'page_numbers']
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping

from pydantic import BaseModel

from ..models import Decision, Evidence

# fact key → (step, decision name); the order is the pipeline's.
_KNOWN: dict[str, tuple[str, str]] = {
    "fingerprint": ("fingerprint", "producer"),
    "pdfium_evidence": ("pdfium_logical_order", "producer"),
    "pdfium_pieces": ("pdfium_pieces", "pieces_left_to_right"),
    "pdfium_kashida": ("pdfium_glyphs", "kashida_glyphs"),
    "pypdf_joints": ("pypdf_slashes", "pypdf_joints"),
    "kashida_lines": ("kashida_segments", "kashida_lines"),
    "pypdf_runs": ("pypdf_order", "pypdf_runs"),
    "date_order": ("date_logical_order", "dates_in_reading_order"),
    "logical_order": ("fingerprint", "logical_order"),
    "visual_evidence": ("visual_order", "visual_lines"),
    "visual_numbers": ("visual_order", "visual_numbers"),
    "visual_pieces": ("visual_pieces", "pieces_joined"),
    "kashida_digits": ("kashida_digits", "kashida_digits"),
    "lifted_lines": ("lifted_punctuation", "lifted_lines"),
    "lam_kaf_joints": ("lam_kaf", "lam_kaf_joints"),
    "runs_reversed_evidence": ("line_order", "runs_reversed"),
    "runs_reversed": ("line_order", "runs_reversed"),
    "order_unplaced": ("line_order", "lines_unplaced"),
    "numbers_reversed": ("number_order", "numbers_reversed"),
    "eastern_digits_reversed": ("eastern_numbers", "eastern_numbers_reversed"),
    "last_numbers": ("last_numbers", "paragraph_numbers_last"),
    "labels_last": ("labels_last", "heading_labels_last"),
    "eastern_runs": ("eastern_runs", "eastern_numbers_placed"),
    "brackets": ("mirrored_brackets", "brackets_mirrored"),
    "glued_numbers": ("glued_numbers", "numbers_glued"),
    "page_numbers": ("page_furniture", "page_numbers"),
    "running_symbols": ("page_furniture", "running_symbols"),
    "masthead_symbol_line": ("page_furniture", "masthead_symbol_line"),
    "interrupting_notes": ("interrupting_notes", "notes_moved"),
}
# The value of the decision, where the fact is a record of counts.
_VALUE_FIELD = {
    "fingerprint": "producer",
    "pdfium_evidence": "producer",
    "pdfium_pieces": "ltr",
    "brackets": "document_mirrored",
    "page_numbers": "removed",
    "interrupting_notes": "moved",
    "runs_reversed_evidence": "decided",
    "visual_evidence": "lines_reversed",
    # Records whose decision is a property computed from their counts.
    "date_order": "logical",
    "pypdf_runs": "pypdf",
    "pypdf_joints": "pypdf",
    "kashida_lines": "repaired",
    "eastern_digits_reversed": "reversed",
    "glued_numbers": "by_extractor",
    "eastern_runs": "placed",
}


def _scalar(value: object) -> int | float | str | bool | None:
    if value is None or isinstance(value, bool | int | float | str):
        return value
    return str(value)


def _evidence(value: object) -> Evidence | None:
    """A record of counts as name → scalar; None when ``value`` is a plain scalar."""
    if isinstance(value, BaseModel):
        value = value.model_dump()
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        value = dataclasses.asdict(value)
    if isinstance(value, Mapping):
        return {str(k): _scalar(v) for k, v in value.items()}
    return None


def decisions_from_facts(facts: Mapping[str, object]) -> list[Decision]:
    """The user-facing decisions among ``facts``, in pipeline order."""
    out: list[Decision] = []
    for key, (step, name) in _KNOWN.items():
        if key not in facts:
            continue
        if key == "runs_reversed" and "runs_reversed_evidence" in facts:
            continue  # the record with its counts says it already
        value = facts[key]
        evidence = _evidence(value)
        if evidence is not None:
            field = _VALUE_FIELD.get(key, "")
            decided = evidence.pop(field) if field in evidence else _scalar(getattr(value, field, True))
            out.append(Decision(step=step, name=name, value=decided, evidence=evidence))
        elif isinstance(value, list | tuple):
            shown = [str(v) for v in value]
            out.append(
                Decision(step=step, name=name, value=len(shown), evidence={"values": ", ".join(shown)})
            )
        else:
            out.append(Decision(step=step, name=name, value=_scalar(value)))
    return out
