"""The document model (names follow CONTRACT.md; vocabulary from Akoma Ntoso).

Every model is a pydantic v2 model, so ``model_dump_json()`` and
``model_json_schema()`` work throughout.
"""

from __future__ import annotations

import datetime
from typing import Literal

from pydantic import BaseModel, Field

# "law" (a law, a decree-law) and "decree" (a decree or ministerial decision issued with
# articles) extend the contract's values for Arabic legislation.
DocumentKind = Literal["resolution", "decision", "report", "law", "decree", "unknown"]


class Span(BaseModel):
    """Where an item came from: 1-based inclusive input lines, and pages for PDFs."""

    start_line: int
    end_line: int
    start_page: int | None = None
    end_page: int | None = None


class Fix(BaseModel):
    """One repair the pipeline applied: which fixer, on which input line, before and after."""

    kind: str
    line: int
    before: str
    after: str


class FootnoteRef(BaseModel):
    """A footnote reference: its marker and its character offset in the owning text."""

    marker: str
    offset: int


class SubItem(BaseModel):
    """A lettered or numbered point ``(أ)`` inside a paragraph (AKN ``point``)."""

    label: str
    text: str
    sub_items: list[SubItem] = Field(default_factory=list)
    footnote_refs: list[FootnoteRef] = Field(default_factory=list)
    span: Span


class Paragraph(BaseModel):
    """A preambular or numbered paragraph (AKN ``paragraph``)."""

    number: int | None = None
    lead: str | None = None
    text: str
    sub_items: list[SubItem] = Field(default_factory=list)
    footnote_refs: list[FootnoteRef] = Field(default_factory=list)
    span: Span


class Footnote(BaseModel):
    """A footnote (AKN ``authorialNote``): marker and text, without the marker."""

    marker: str
    text: str
    span: Span


class Section(BaseModel):
    """A heading of a report: ``أولاً - مقدمة`` (level 1), ``ألف - ...`` (level 2)."""

    label: str
    title: str
    level: int
    first_paragraph: int | None = None
    span: Span | None = None


class Annex(BaseModel):
    """An annex (AKN ``attachment``): ``المرفق``, ``المرفق الثاني``, or the law attached to a
    law that issues it. Its paragraphs and headings are its own: they are not in
    ``Document.paragraphs`` and ``Document.sections``, and its numbers count from 1."""

    label: str = Field(description='The heading as printed: "المرفق", "المرفق الثاني".')
    title: str | None = Field(None, description="The annex's title, on its heading line or the next.")
    paragraphs: list[Paragraph] = Field(default_factory=list, description="Numbered or unnumbered, in order.")
    sections: list[Section] = Field(default_factory=list, description="Headings inside the annex.")
    span: Span


class Document(BaseModel):
    """A parsed Arabic UN document."""

    kind: DocumentKind = "unknown"
    symbol: str | None = None
    body: str | None = None
    session: str | None = None
    agenda_item: str | None = None
    date: datetime.date | None = None
    title: str | None = None
    preamble_opening: str | None = None
    preamble: list[Paragraph] = Field(default_factory=list)
    paragraphs: list[Paragraph] = Field(default_factory=list)
    sections: list[Section] = Field(default_factory=list)
    footnotes: list[Footnote] = Field(default_factory=list)
    closing: str | None = None
    text: str = ""
    warnings: list[str] = Field(default_factory=list)
    # Extensions beyond the contract.
    source: str | None = Field(None, description="The file the document was read from, if any.")
    closing_date: datetime.date | None = Field(None, description="Date of the meeting in the closing.")
    agenda_title: str | None = Field(None, description="The title of the agenda item.")
    summary: str | None = Field(None, description="The summary (ملخص) printed above a report's text.")
    fixes: list[Fix] = Field(default_factory=list, description="Every repair applied, in order.")
    annexes: list[Annex] = Field(
        default_factory=list,
        description="Annexes after the body, in order; their paragraphs are not in `paragraphs`.",
    )

    @property
    def operative(self) -> list[Paragraph]:
        """The operative paragraphs: ``paragraphs`` for resolutions and decisions, else empty."""
        return self.paragraphs if self.kind in ("resolution", "decision") else []

    def sub_item_count(self) -> int:
        """All sub-items at any depth, in preamble and paragraphs (annexes aside)."""

        def count(items: list[SubItem]) -> int:
            return sum(1 + count(i.sub_items) for i in items)

        return sum(count(p.sub_items) for p in self.preamble + self.paragraphs)
