"""The document model (names follow docs/CONTRACT.md; vocabulary from Akoma Ntoso).

Every model is a pydantic v2 model, so ``model_dump_json()`` and
``model_json_schema()`` work throughout.
"""

from __future__ import annotations

import datetime
import warnings
from collections.abc import Iterator
from typing import Any, Literal

from pydantic import BaseModel, Field, model_validator

# "law" (a law, a decree-law) and "decree" (a decree or ministerial decision issued with
# articles) extend the contract's values for Arabic legislation.
DocumentKind = Literal["resolution", "decision", "report", "law", "decree", "unknown"]


class Box(BaseModel):
    """A physical line of a PDF: its page and its box there, in points from the page's
    lower-left corner (PDF user space)."""

    page: int = Field(description="PDF page (1-based).")
    x0: float = Field(description="Left edge, in points from the page's left edge.")
    y0: float = Field(description="Bottom edge, in points from the page's bottom edge.")
    x1: float = Field(description="Right edge, in points.")
    y1: float = Field(description="Top edge, in points from the page's bottom edge.")


class Span(BaseModel):
    """Where an item came from: 1-based inclusive input lines, and pages for PDFs."""

    start_line: int = Field(description="First input line of the item (1-based).")
    end_line: int = Field(description="Last input line of the item (1-based, inclusive).")
    start_page: int | None = Field(default=None, description="First PDF page (1-based); None for text.")
    end_page: int | None = Field(default=None, description="Last PDF page (1-based); None for text.")
    x0: float | None = Field(
        default=None,
        description="PDF: left edge of the item's box on its first page, in points from the page's "
        "left edge; None for text.",
    )
    y0: float | None = Field(
        default=None,
        description="PDF: bottom edge of the box, in points from the page's bottom edge (PDF user "
        "space); None for text.",
    )
    x1: float | None = Field(
        default=None, description="PDF: right edge of the box, in points; None for text."
    )
    y1: float | None = Field(
        default=None, description="PDF: top edge of the box, in points from the page's bottom; None for text."
    )
    boxes: list[Box] = Field(
        default_factory=list,
        description="PDF: the page and box of each physical line of the item, in reading order "
        "(a paragraph that crosses a page has boxes on both); empty for text.",
    )


class Fix(BaseModel):
    """One repair the pipeline applied: which fixer, on which input line, before and after."""

    kind: str = Field(description='The fixer: "line_order", "digits", "number_order", "tatweel", ...')
    line: int = Field(description="The input line it applies to (1-based).")
    before: str = Field(description="The text before the fix (a lone surrogate shows as U+FFFD).")
    after: str = Field(description="The text after the fix.")
    confidence: float | None = Field(
        default=None,
        description=(
            "For a scored guess (a line_order fix): the margin of the chosen reading over the "
            "next-best one and over the line as it stood (log scale; below Options.min_confidence "
            "the line is also named in warnings). None for a deterministic fix or a certain one."
        ),
    )


Evidence = dict[str, int | float | str | bool | None]


class Decision(BaseModel):
    """A document-level decision of the repair, with the counts that decided it: *why* a
    text was judged run-reversed, visual, logical, mirrored, or produced by poppler."""

    step: str = Field(
        description='The repair step that decided: "fingerprint", "line_order", "visual_order"...'
    )
    name: str = Field(
        description='What was decided: "producer", "logical_order", "runs_reversed", "visual_lines", '
        '"numbers_reversed", "brackets_mirrored", "page_numbers", "running_symbols", ...'
    )
    value: str | int | float | bool | None = Field(
        description="The decision: a producer name, True/False, a count."
    )
    evidence: Evidence = Field(
        default_factory=dict, description="The counts (and flags) the decision was taken on, by name."
    )


class FootnoteRef(BaseModel):
    """A footnote reference: its marker and its character offset in the owning text."""

    marker: str = Field(description='The footnote marker: "1", "2", "*".')
    offset: int = Field(description="Character offset of the reference in the owning text.")
    footnote_id: str | None = Field(
        default=None,
        description='The id of the footnote it points at ("fn_3"): the first footnote with its marker '
        "after the text that cites it, else the last one before (a marker cited twice, or markers "
        "that start again on each page); None when no footnote has its marker.",
    )


class SubItem(BaseModel):
    """A lettered or numbered point ``(أ)`` inside a paragraph (AKN ``point``)."""

    id: str = Field(
        default="",
        description='Its identifier, the eId of the Akoma Ntoso export and the JSONL id: "para_7__point_2".',
    )
    label: str = Field(description='The bare label, without brackets: "أ", "ب", "هـ", "1".')
    text: str = Field(description="The text of the sub-item, without its label and footnote markers.")
    sub_items: list[SubItem] = Field(default_factory=list, description="Nested sub-items, in order.")
    footnote_refs: list[FootnoteRef] = Field(
        default_factory=list, description="The footnote references in `text`."
    )
    span: Span = Field(description="The input lines (and pages) it came from.")


class Paragraph(BaseModel):
    """A preambular or numbered paragraph (AKN ``paragraph``)."""

    # The fields it shares with SubItem (id, text, sub_items, footnote_refs, span) are
    # declared again, not inherited: a base class would put them first, and the order of
    # the fields is the order of the keys in every JSON output and in the schema.

    id: str = Field(
        default="",
        description='Its identifier, the eId of the Akoma Ntoso export and the JSONL id: "preamble__rec_3", '
        '"para_7", "art_7" (an article of a law), "att_1__para_2" (in the first annex).',
    )
    number: int | None = Field(default=None, description="The paragraph number; None in the preamble.")
    lead: str | None = Field(
        default=None, description='The opening verb or phrase: "تحث", "وإذ تشير", "تشير أيضا".'
    )
    text: str = Field(
        description="Clean logical-order text, without the number and footnote markers "
        "(the chapeau only when it has sub-items)."
    )
    sub_items: list[SubItem] = Field(default_factory=list, description="Its sub-items (أ) (ب) ..., in order.")
    footnote_refs: list[FootnoteRef] = Field(
        default_factory=list, description="The footnote references in `text`."
    )
    span: Span = Field(description="The input lines (and pages) it came from.")


class Footnote(BaseModel):
    """A footnote (AKN ``authorialNote``): marker and text, without the marker."""

    id: str = Field(
        default="",
        description='Its identifier (the Akoma Ntoso eId, the JSONL id): "fn_1", by position.',
    )
    marker: str = Field(description='The marker: "1", "*"; digits as Options.digits says.')
    text: str = Field(description="The footnote's text, without its marker.")
    span: Span = Field(description="The input lines (and pages) it came from.")


class Section(BaseModel):
    """A heading of a report: ``أولاً - مقدمة`` (level 1), ``ألف - ...`` (level 2)."""

    id: str = Field(
        default="",
        description='Its identifier, the eId of the Akoma Ntoso export: "sec_2", "chp_1__sec_2" (a law), '
        '"att_1__sec_1" (in an annex).',
    )
    label: str = Field(description='The heading\'s label: "أولاً", "ألف"; "" for an unlabelled heading.')
    title: str = Field(description="The heading's text after the label.")
    level: int = Field(description="1 for a chapter (أولاً), 2 for a section (ألف), and so on.")
    first_paragraph: int | None = Field(
        default=None, description="The number of the first paragraph under the heading, if any."
    )
    span: Span | None = Field(default=None, description="The input lines (and pages) of the heading.")


class Annex(BaseModel):
    """An annex (AKN ``attachment``): ``المرفق``, ``المرفق الثاني``, or the law attached to a
    law that issues it. Its paragraphs and headings are its own: they are not in
    ``Document.paragraphs`` and ``Document.sections``, and its numbers count from 1."""

    id: str = Field(
        default="",
        description='Its identifier, the eId of its Akoma Ntoso attachment: "att_1".',
    )
    label: str = Field(description='The heading as printed: "المرفق", "المرفق الثاني".')
    title: str | None = Field(default=None, description="The annex's title, on its heading line or the next.")
    paragraphs: list[Paragraph] = Field(default_factory=list, description="Numbered or unnumbered, in order.")
    sections: list[Section] = Field(default_factory=list, description="Headings inside the annex.")
    span: Span = Field(description="The input lines (and pages) of the whole annex.")


class Formula(BaseModel):
    """The formula that opens a preamble (``إن الجمعية العامة،``) or, in a law, the enacting
    formula after its citations (``قرر:``): ``Document.preamble_opening`` as an item."""

    id: str = Field(default="formula", description='Always "formula".')
    text: str = Field(description="The formula as printed.")


class Closing(BaseModel):
    """The closing line (``الجلسة العامة 53 ...``, a law's signature): ``Document.closing`` as
    an item."""

    id: str = Field(default="closing", description='Always "closing".')
    text: str = Field(description="The closing as printed.")
    date: datetime.date | None = Field(default=None, description="Its date (Document.closing_date).")


# The fix kinds of page furniture taken out of the flow (repair/furniture.py records each).
FURNITURE_KINDS = ("running_symbol", "page_number", "job_number", "footnote_separator", "page_header")


class Furniture(BaseModel):
    """A line of page furniture (running symbol, page number, job number, footnote separator)
    taken out of the text flow: an item of the furniture layer, not of the reading order."""

    id: str = Field(description='"furniture_N", N its position in the layer.')
    kind: str = Field(
        description='What it is: "running_symbol", "page_number", "job_number", "footnote_separator", '
        '"page_header" (a page number and the symbol on one line); from the PDF reader also '
        '"running_header", ... (its kinds).'
    )
    text: str = Field(description="The line as it was.")
    line: int | None = Field(
        default=None,
        description="The input line it was (1-based); None for a line the PDF reader took out "
        "before numbering its lines.",
    )
    page: int | None = Field(default=None, description="The PDF page it was on (1-based); None for text.")


# Every item of the reading order (Document.iter_items()).
Item = Formula | Paragraph | SubItem | Section | Closing | Annex | Footnote


class Document(BaseModel):
    """A parsed Arabic UN document."""

    kind: DocumentKind = Field(default="unknown", description="What the document is.")
    symbol: str | None = Field(
        default=None, description='The UN symbol: "A/RES/76/186", as printed or inferred.'
    )
    organ: str | None = Field(
        default=None,
        description='The issuing organ: "الجمعية العامة", "مؤتمر الأطراف في اتفاقية ...". Called `body` '
        "in unparse 0.1: JSON with `body` still loads, and `Document.body` reads it "
        "(deprecated, for one release).",
    )
    session: str | None = Field(default=None, description='The session: "الدورة السادسة والسبعون".')
    agenda_item: str | None = Field(default=None, description='The agenda item number: "108".')
    date: datetime.date | None = Field(default=None, description="The date of adoption or issue.")
    title: str | None = Field(default=None, description="The document's title.")
    preamble_opening: str | None = Field(
        default=None, description='The formula that opens the preamble: "إن الجمعية العامة،".'
    )
    preamble: list[Paragraph] = Field(
        default_factory=list, description="Preambular paragraphs, in order (their number is None)."
    )
    paragraphs: list[Paragraph] = Field(
        default_factory=list,
        description="Numbered paragraphs: the operative paragraphs of a resolution or decision, "
        "the numbered paragraphs of a report, the articles of a law.",
    )
    sections: list[Section] = Field(
        default_factory=list, description='Headings: "أولاً - مقدمة", "ألف - ...".'
    )
    footnotes: list[Footnote] = Field(default_factory=list, description="Footnotes, in order.")
    closing: str | None = Field(default=None, description='The closing line: "الجلسة العامة 53 ...".')
    text: str = Field(default="", description="The whole normalised text.")
    warnings: list[str] = Field(
        default_factory=list, description="What could not be repaired or placed; never silently dropped."
    )
    # Extensions beyond the contract.
    source: str | None = Field(default=None, description="The file the document was read from, if any.")
    closing_date: datetime.date | None = Field(
        default=None, description="Date of the meeting in the closing."
    )
    agenda_title: str | None = Field(default=None, description="The title of the agenda item.")
    summary: str | None = Field(default=None, description="The summary (ملخص) printed above a report's text.")
    fixes: list[Fix] = Field(default_factory=list, description="Every repair applied, in order.")
    decisions: list[Decision] = Field(
        default_factory=list,
        description="The document-level decisions of the repair (producer, reading order, furniture), "
        "each with its evidence.",
    )
    annexes: list[Annex] = Field(
        default_factory=list,
        description="Annexes after the body, in order; their paragraphs are not in `paragraphs`.",
    )
    furniture: list[Furniture] = Field(
        default_factory=list,
        description="The furniture layer: the running headers, page numbers, job numbers and footnote "
        "separators taken out of the flow, those the PDF reader took out (by page) then those the "
        "repair took out (by line; each also a fix).",
    )

    @model_validator(mode="before")
    @classmethod
    def _renamed_body(cls, data: Any) -> Any:
        """JSON written before ``body`` became ``organ`` (and ``Document(body=...)``) still loads."""
        if isinstance(data, dict) and "body" in data:
            data = dict(data)
            body = data.pop("body")
            data.setdefault("organ", body)
        return data

    @model_validator(mode="after")
    def _ids(self) -> Document:
        from .walk import assign_ids

        assign_ids(self)
        return self

    @property
    def body(self) -> str | None:
        """Deprecated: the issuing organ, now :attr:`organ` (``body`` goes in the next release)."""
        warnings.warn("Document.body is deprecated: use Document.organ", DeprecationWarning, stacklevel=2)
        return self.organ

    @body.setter
    def body(self, value: str | None) -> None:
        warnings.warn("Document.body is deprecated: use Document.organ", DeprecationWarning, stacklevel=2)
        self.organ = value

    def iter_items(self) -> Iterator[tuple[Item, int]]:
        """Every item in reading order, with its depth: the formula, the preambular paragraphs,
        the sections and paragraphs of the body, the closing, the annexes (each followed by its
        own sections and paragraphs), then the footnotes. A paragraph's sub-items follow it, depth
        first. Depth is the nesting in the model: 0 for the items of the document, 1 for a
        paragraph's sub-items and an annex's sections and paragraphs, and so on down. (A law's
        enacting formula comes after its citations, as printed.)

        Items added after the Document was built get their ``id`` here; no id changes.
        """
        from .walk import walk

        for step in walk(self):
            yield step.item, step.depth

    @property
    def operative(self) -> list[Paragraph]:
        """The operative paragraphs: ``paragraphs`` for resolutions and decisions, else empty."""
        return self.paragraphs if self.kind in ("resolution", "decision") else []

    def sub_item_count(self) -> int:
        """All sub-items at any depth, in preamble and paragraphs (annexes aside)."""

        def count(items: list[SubItem]) -> int:
            return sum(1 + count(i.sub_items) for i in items)

        return sum(count(p.sub_items) for p in self.preamble + self.paragraphs)
