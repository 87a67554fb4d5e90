"""The segmentation stage: repaired lines → Document."""

from __future__ import annotations

from ..models import Document
from ..options import DEFAULT_OPTIONS, Options
from ..repair import RepairResult


def segment(result: RepairResult, options: Options = DEFAULT_OPTIONS) -> Document:
    """Build the Document from a repair result (its numbered lines and facts)."""
    return Document(text=result.text, warnings=list(result.warnings), fixes=list(result.fixes))
