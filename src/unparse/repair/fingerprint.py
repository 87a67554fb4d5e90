"""What produced a text: the producer's fingerprint, counted on the raw lines.

Extractors leave marks of their own: poppler's ``pdftotext`` wraps each line in bidi
embedding controls (``U+202B`` ... ``U+202C``, left-to-right runs inside ``U+202A`` ...
``U+202C``), with ``-raw`` one embedding per word; ``-layout`` indents lines with spaces;
every pdftotext mode ends pages with form feeds. :func:`fingerprint` counts that evidence
before any step has run and concludes which producer it was, as a typed record that says
*why* (the counts), so later steps can gate on it and a user can read it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from ..arabic import PRESENTATION_CLASS
from ..lines import Line, blank_text
from .pipeline import Context

Producer = Literal["poppler", "poppler-raw"]

RLE, LRE, PDF = "\u202b", "\u202a", "\u202c"
_ARABIC_LETTER_RE = re.compile("[\u0621-\u064a]")
_PRESENTATION_RE = re.compile("[\ufb50-\ufdff\ufe70-\ufefc]")
# A short left-to-right run glued between two Arabic letters: a kashida glyph poppler
# could not map (``وبن⟨LRE⟩33⟨PDF⟩اء``).
_KASHIDA_RUN_RE = re.compile(
    f"(?<=[\u0621-\u064a]){LRE}([^\\s{RLE}{LRE}{PDF}/:.،-])\\1{{0,2}}{PDF}(?=[\u0621-\u064a])"
)
# -raw: several right-to-left embeddings on one line, one word each.
_RAW_RUN_RE = re.compile(f"{RLE}[^{RLE}{LRE}{PDF}\\s]+{PDF}")
# A line that is one word in one embedding: both modes write it so, and it says neither.
_ONE_WORD_RE = re.compile(f"{RLE}[^{RLE}{LRE}{PDF}\\s]+{PDF}")
# What the step asks the pipeline's scan for (:meth:`Context.present`).
SCANNED = f"{PRESENTATION_CLASS}{RLE}{LRE}{PDF}"


class Fingerprint(BaseModel):
    """The evidence of what produced a text, counted on the lines before any repair step."""

    model_config = ConfigDict(frozen=True)

    producer: Producer | None = Field(
        description="The producer concluded from the counts: 'poppler' (pdftotext default or "
        "-layout: logical lines wrapped in embeddings), 'poppler-raw' (pdftotext -raw: one "
        "embedding per word, the words in visual order), or None (no evidence)."
    )
    lines: int = Field(description="Non-blank lines counted.")
    embedded_lines: int = Field(description="Lines holding a bidi embedding control (U+202A/U+202B/U+202C).")
    rle_led_lines: int = Field(description="Lines that start (after spaces) with U+202B and end with U+202C.")
    raw_word_lines: int = Field(
        description="Lines holding two or more right-to-left embeddings of one word each (-raw)."
    )
    form_feeds: int = Field(description="Form feeds (page breaks) in the text.")
    leading_space_lines: int = Field(description="Lines indented with two or more spaces (-layout).")
    presentation_form_lines: int = Field(description="Lines holding Arabic presentation forms.")
    kashida_runs: int = Field(
        description="Short left-to-right runs glued inside Arabic words (kashida glyphs)."
    )
    one_word_lines: int = Field(
        0,
        description="Embedded lines that are one word in one right-to-left embedding: either mode "
        "writes them so, and they are left out of the choice between the two.",
    )

    @property
    def logical(self) -> bool:
        """The text's lines are in logical order (no visual or run-order repair applies)."""
        return self.producer is not None

    def summary(self) -> str:
        """One line with the decision and its counts."""
        return (
            f"producer={self.producer}: {self.embedded_lines} of {self.lines} lines embedded, "
            f"{self.rle_led_lines} RLE-led, {self.raw_word_lines} with one-word runs, "
            f"{self.form_feeds} form feeds, {self.leading_space_lines} indented, "
            f"{self.presentation_form_lines} with presentation forms, {self.kashida_runs} kashida runs, "
            f"{self.one_word_lines} of one word"
        )


def fingerprint(
    lines: Sequence[Line], form_feeds: int = 0, joined: str | None = None, present: str | None = None
) -> Fingerprint:
    """Count the producer's evidence on raw ``lines`` and conclude.

    poppler when most Arabic lines carry embeddings and most of those lead with RLE;
    ``-raw`` when most embedded lines hold several one-word embeddings. A line that is a
    single word in its embedding is written so by both modes: it counts for neither.

    >>> fp = fingerprint([Line(1, "\u202bالبند \u202a 50\u202cمن جدول الأعمال\u202c")])
    >>> fp.producer, fp.rle_led_lines
    ('poppler', 1)
    >>> fingerprint([Line(1, "\u202bالأعمال\u202c \u202bجدول\u202c \u202bمن\u202c")]).producer
    'poppler-raw'
    >>> fingerprint([Line(1, "البند 50 من جدول الأعمال")]).producer is None
    True

    pdftotext -raw on LibreOffice (ga-res-78-96, dev), a part of the text where the one-word
    lines outnumber the others (they decided 'poppler', and its -raw lines were left in
    visual order; a second pass, without the embeddings, reordered them):

    >>> raw = "\u202bإلى\u202c \u202bالثقافية\u202c \u202bالممتلكات\u202c"
    >>> lines = [Line(1, "\u202b؛\u202c"), Line(2, raw), Line(3, raw), Line(4, "\u202bالقرار\u202c")]
    >>> fp = fingerprint(lines + [Line(5, "\u202bالمرفق\u202c")])
    >>> fp.producer, fp.one_word_lines
    ('poppler-raw', 3)
    """
    counted = embedded = rle_led = raw_words = indented = presentation = kashida = arabic = one_word = 0
    # ``joined``: the lines joined, when the caller has them; one search then says whether
    # any line holds presentation forms (most texts have none), instead of one per line.
    # ``present``: the presentation forms and embedding controls the lines may hold (a
    # superset), when the caller knows them: no search at all.
    if present is not None:
        forms = _PRESENTATION_RE.search(present) is not None
        embeddings = any(c in present for c in (RLE, LRE, PDF))
    else:
        forms = joined is None or _PRESENTATION_RE.search(joined) is not None
        embeddings = True
    for line in lines:
        text = line.text
        if blank_text(text):
            continue
        counted += 1
        if text.startswith("  "):
            indented += 1
        if forms and _PRESENTATION_RE.search(text):
            presentation += 1
        if not embeddings:
            continue  # the Arabic lines are counted for the embedded ones' share alone
        arabic += _ARABIC_LETTER_RE.search(text) is not None
        if RLE not in text and LRE not in text and PDF not in text:
            continue
        embedded += 1
        stripped = text.strip(" ")
        if _ONE_WORD_RE.fullmatch(stripped):
            one_word += 1
            continue
        if stripped.startswith(RLE) and stripped.endswith(PDF):
            rle_led += 1
        if len(_RAW_RUN_RE.findall(text)) >= 2:
            raw_words += 1
        kashida += len(_KASHIDA_RUN_RE.findall(text))
    producer: Producer | None = None
    if arabic and embedded * 2 > arabic:
        decided = embedded - one_word
        if raw_words * 2 > decided:
            producer = "poppler-raw"
        elif rle_led * 2 > decided or not decided:
            producer = "poppler"
    return Fingerprint(
        producer=producer,
        lines=counted,
        embedded_lines=embedded,
        rle_led_lines=rle_led,
        raw_word_lines=raw_words,
        form_feeds=form_feeds,
        leading_space_lines=indented,
        presentation_form_lines=presentation,
        kashida_runs=kashida,
        one_word_lines=one_word,
    )


def producer_of(ctx: Context) -> Producer | None:
    """The producer the fingerprint concluded (None before the fingerprint step, and for a
    text of no known producer)."""
    fp = ctx.facts.get("fingerprint")
    return fp.producer if isinstance(fp, Fingerprint) else None


def take_fingerprint(lines: list[Line], ctx: Context) -> list[Line]:
    """Document step: record the fingerprint in ``ctx.facts["fingerprint"]`` (changes no line).

    A poppler text is in logical order (default, ``-layout``) or is put back in logical
    order by :mod:`.poppler_raw_order` (``-raw``): ``facts["logical_order"]`` is set, which keeps
    the visual-order and run-order steps off it.
    """
    pages = {line.page for line in lines if line.page is not None}
    present = ctx.present(lines, SCANNED)
    joined = ctx.joined(lines) if present is None else None
    fp = fingerprint(lines, form_feeds=max(len(pages) - 1, 0), joined=joined, present=present)
    ctx.facts["fingerprint"] = fp
    if fp.logical and "logical_order" not in ctx.facts:
        ctx.facts["logical_order"] = True
    return lines
