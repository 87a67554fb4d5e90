"""Options: the one configuration object every public function accepts."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

DigitStyle = Literal["western", "eastern", "keep"]

FormatName = Literal["json", "jsonl", "markdown", "text", "akn"]
"""The output formats (``unparse.export.FORMATS``), for ``process_file`` and ``run_batch``."""


class Options(BaseModel):
    """How unparse repairs and normalises text.

    Immutable, like ftfy's config: make a new one with ``options.model_copy(update=...)``.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    digits: DigitStyle = Field(
        default="western", description="Digits in the output: Western 0-9, Eastern Arabic-Indic, or as found."
    )
    keep_diacritics: bool = Field(default=True, description="Keep harakat (fatha, shadda...).")
    strip_tatweel: bool = Field(default=True, description="Remove tatweel (U+0640) used for justification.")
    reorder_lines: bool = Field(
        default=True, description="Repair lines whose runs came out in reverse order (visual extraction)."
    )
    min_confidence: float = Field(
        default=0.5,
        ge=0.0,
        description="Below this margin between the best and next-best reordering, a warning names the line.",
    )
    max_bytes: int = Field(
        default=100 * 1024 * 1024, gt=0, description="Refuse input files larger than this (bytes)."
    )
    max_pages: int = Field(default=2000, gt=0, description="Refuse PDFs with more pages than this.")
    max_decompressed_bytes: int = Field(
        default=256 * 1024 * 1024,
        gt=0,
        description="Stop reading a PDF whose streams expand to more than this (bytes): a zip bomb.",
    )
    max_glyphs_per_page: int = Field(
        default=200_000, gt=0, description="Stop reading a PDF page that draws more glyphs than this."
    )


DEFAULT_OPTIONS = Options()
