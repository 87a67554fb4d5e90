"""Akoma Ntoso 3.0 XML in the shape the UN's AKN4UN guidelines give resolutions.

- resolutions and decisions are ``<statement name="resolution|decision">``, reports
  ``<doc name="report">``, anything else ``<doc name="document">``;
- ``meta/identification``: FRBRWork, FRBRExpression (Arabic), FRBRManifestation, with URIs
  built from the symbol and the date (``/akn/un/statement/resolution/2021-12-16/A_RES_76_186``);
- ``preface``: docNumber, docProponent (the body), session, agenda item, docDate, docTitle;
- ``preamble``: the formula (``إن الجمعية العامة،``) and the preambular paragraphs as
  ``recitals/recital`` (sub-items of a preambular paragraph as a ``blockList``);
- ``mainBody``: numbered paragraphs (``paragraph`` with ``num`` and ``content``, or ``intro`` and
  ``point`` elements for their sub-items), nested in ``section``/``subsection`` for report headings;
- footnotes as ``authorialNote`` at their first reference (later references are ``noteRef``),
  footnotes cited nowhere in a closing ``container name="footnotes"``;
- ``conclusions``: the closing (``الجلسة العامة 53 ...``), with its date when known;
- ``attachments``: each annex an ``attachment`` holding a ``doc name="annex"`` (its own meta,
  the heading as docNumber, the title as docTitle, its paragraphs and headings in ``mainBody``).

Laws and decrees (``kind`` "law"/"decree") are national legislation, not UN texts, and take
Akoma Ntoso's form for acts:

- ``<act name="law|decree">``; the work is the country's: ``FRBRcountry`` is the ISO 3166-1
  alpha-2 code of the Arab state the text names (``_common.act_country``; "zz", unknown,
  when none is named), ``FRBRsubtype`` the kind, ``FRBRnumber`` the symbol or the number of
  the title (``قانون رقم 8 لسنة 2022`` → 8), and the URI ``/akn/eg/act/law/2022-03-06/8``;
- ``preamble``: the citations as recitals, then ``formula name="enactingFormula"``;
- ``body``: ``article`` elements (eId ``art_N``; ``num`` "المادة N"; ``content``, or ``intro``
  and a ``point`` per item), nested in ``chapter`` (level-1 headings: الباب, or الفصل when it
  is the largest unit), ``section`` (level 2), ``subsection`` (level 3), ``level`` (deeper);
- ``conclusions``: the signature (``صدر ...``) with its date;
- an annex that is itself a law in articles (the law an issuing law issues) is an
  ``attachment`` holding an ``act`` with its own meta and body; other annexes are docs, as above.

Built with :mod:`xml.etree.ElementTree` (so everything is escaped), with characters XML 1.0
cannot carry removed, and valid against the Akoma Ntoso 3.0 schema (tested).
"""

from __future__ import annotations

import datetime
import xml.etree.ElementTree as ET
from collections.abc import Iterable

import regex

from ..lexicon import ARAB_STATES
from ..models import Annex, Closing, Document, Footnote, FootnoteRef, Formula, Paragraph, Section, SubItem
from ..walk import Step, is_act, is_attached_act, walk
from ._common import act_country, act_number, annex_title

EXTENSION = ".xml"
NAMESPACE = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"

# Characters XML 1.0 does not allow, even escaped.
_NOT_XML = regex.compile("[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_NOT_ID = regex.compile(r"[^\w.-]+")
# Elements whose content is text (mixed content): never indented inside.
_TEXT_ELEMENTS = {"p", "num", "heading", "listIntroduction", "docTitle", "docNumber", "FRBRname"}
# The elements of a heading by its level, in an act and in other documents (AKN naming).
_ACT_LEVELS = {1: "chapter", 2: "section", 3: "subsection"}
_DOC_LEVELS = {1: "section", 2: "subsection"}
_STATE_NAMES = {code: name for name, code in ARAB_STATES.items()}


def _q(tag: str) -> str:
    return f"{{{NAMESPACE}}}{tag}"


def _clean(text: str | None) -> str:
    return _NOT_XML.sub("", text or "")


def _sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    el = ET.SubElement(parent, _q(tag), {k.rstrip("_"): _clean(v) for k, v in attrs.items()})
    if text is not None:
        el.text = _clean(text)
    return el


class _Notes:
    """Places each footnote at its first reference; the rest are listed at the end."""

    def __init__(self, footnotes: list[Footnote]) -> None:
        self.by_id = {note.id: note for note in footnotes}
        self.order = [(note.id, note) for note in footnotes]
        self.placed: set[str] = set()

    def note(self, parent: ET.Element, eid: str, note: Footnote) -> ET.Element:
        el = _sub(parent, "authorialNote", marker=note.marker, placement="bottom", eId=eid)
        _sub(el, "p", note.text)
        self.placed.add(eid)
        return el

    def paragraph(self, parent: ET.Element, text: str, refs: list[FootnoteRef]) -> ET.Element:
        """``<p>`` with ``text`` and, at each reference's offset, its note (or a noteRef)."""
        p = _sub(parent, "p")
        text = text or ""
        last = 0
        tail: ET.Element | None = None

        def put(chunk: str) -> None:
            chunk = _clean(chunk)
            if tail is None:
                p.text = (p.text or "") + chunk
            else:
                tail.tail = (tail.tail or "") + chunk

        for ref in sorted(refs, key=lambda r: r.offset):
            at = min(max(ref.offset, last), len(text))
            put(text[last:at])
            last = at
            note = self.by_id.get(ref.footnote_id or "")
            if note is None:
                continue  # cited, but its text is missing: the document's warnings say so
            eid = note.id
            if eid in self.placed:
                tail = _sub(p, "noteRef", marker=ref.marker, href=f"#{eid}")
            else:
                tail = self.note(p, eid, note)
        put(text[last:])
        return p


def _id_part(text: str) -> str:
    return _NOT_ID.sub("_", text).strip("_") or "x"


def _frbr(doc: Document) -> tuple[str, str, datetime.date | None]:
    kind = doc.kind if doc.kind != "unknown" else "document"
    doctype = "statement" if doc.kind in ("resolution", "decision") else "doc"
    date = doc.date or doc.closing_date
    source = doc.source.rsplit("/", 1)[-1] if doc.source else None
    when = date.isoformat() if date else "0001-01-01"
    if is_act(doc):
        number = act_number(doc) or source or "unknown"
        return f"/akn/{act_country(doc)}/act/{kind}/{when}/{_id_part(number)}", kind, date
    number = doc.symbol or source or "unknown"
    return f"/akn/un/{doctype}/{kind}/{when}/{_id_part(number)}", kind, date


def _meta(root: ET.Element, doc: Document, component: str = "main", name: str | None = None) -> None:
    """``meta/identification`` of the document, or of one of its annexes (``component`` "att_1";
    ``name``, the attached law's own name, for its FRBRname)."""
    work, kind, date = _frbr(doc)
    act = is_act(doc)
    country = act_country(doc) if act else "un"
    number = act_number(doc) if act else doc.symbol
    when = date.isoformat() if date else "0001-01-01"
    date_name = "adoption" if date else "unknown"
    meta = _sub(root, "meta")
    ident = _sub(meta, "identification", source="#unparse")
    w = _sub(ident, "FRBRWork")
    _sub(w, "FRBRthis", value=f"{work}/!{component}")
    _sub(w, "FRBRuri", value=work)
    _sub(w, "FRBRdate", date=when, name=date_name)
    _sub(w, "FRBRauthor", href="#author")
    _sub(w, "FRBRcountry", value=country)
    if act:
        _sub(w, "FRBRsubtype", value=kind)
    if number:
        _sub(w, "FRBRnumber", value=number)
    title = name or doc.title
    if title:
        _sub(w, "FRBRname", value=title)
    expr = f"{work}/ara@"
    e = _sub(ident, "FRBRExpression")
    _sub(e, "FRBRthis", value=f"{expr}/!{component}")
    _sub(e, "FRBRuri", value=expr)
    _sub(e, "FRBRdate", date=when, name=date_name)
    _sub(e, "FRBRauthor", href="#author")
    _sub(e, "FRBRlanguage", language="ara")
    m = _sub(ident, "FRBRManifestation")
    _sub(m, "FRBRthis", value=f"{expr}/!{component}.xml")
    _sub(m, "FRBRuri", value=f"{expr}.akn")
    _sub(m, "FRBRdate", date=when, name="source")
    _sub(m, "FRBRauthor", href="#unparse")
    if component != "main":
        return  # an annex's FRBRauthor points to the references of the document's meta
    refs = _sub(meta, "references", source="#unparse")
    if act:  # the legislator of the state the law is of
        author = (f"/akn/ontology/organization/{country}/legislator", _STATE_NAMES.get(country, "legislator"))
    else:
        author = ("/akn/ontology/organization/un/author", "United Nations")
    _sub(refs, "TLCOrganization", eId="author", href=author[0], showAs=doc.organ or author[1])
    _sub(refs, "TLCOrganization", eId="unparse", href="/akn/ontology/organization/unparse", showAs="unparse")


def _preface(root: ET.Element, doc: Document) -> None:
    lines: list[tuple[str, str, dict[str, str]]] = []
    if doc.symbol:
        lines.append(("docNumber", doc.symbol, {}))
    if doc.organ:
        lines.append(("docProponent", doc.organ, {}))
    if doc.session:
        lines.append(("session", doc.session, {}))
    if doc.agenda_item:
        lines.append(("inline", doc.agenda_item, {"name": "agendaItem"}))
    if doc.date:
        lines.append(("docDate", doc.date.isoformat(), {"date": doc.date.isoformat()}))
    if doc.title:
        lines.append(("docTitle", doc.title, {}))
    if not lines:
        return
    preface = _sub(root, "preface")
    for tag, text, attrs in lines:
        _sub(_sub(preface, "p"), tag, text, **attrs)


def _section(parent: ET.Element, section: Section, act: bool) -> ET.Element:
    """A heading: a report's ``section``/``subsection``/``level``; a law's ``chapter``/``section``/
    ``subsection``/``level``."""
    levels = _ACT_LEVELS if act else _DOC_LEVELS
    el = _sub(parent, levels.get(section.level, "level"), eId=section.id)
    if section.label:
        _sub(el, "num", section.label)
    if section.title:
        _sub(el, "heading", section.title)
    return el


class _Builder:
    """Places each item of the reading order (:func:`unparse.walk.walk`) in the tree: recitals
    in the preamble, paragraphs and headings nested in the body (or an annex's), sub-items under
    their owner, the closing in conclusions, each annex in its attachment."""

    def __init__(self, doc: Document, top: ET.Element) -> None:
        self.doc = doc
        self.top = top
        self.notes = _Notes(doc.footnotes)
        self.preamble = _sub(top, "preamble") if doc.preamble_opening or doc.preamble else None
        self.recitals: ET.Element | None = None
        self.act = is_act(doc)  # whether the current body is an act's (articles, chapters)
        self.body = _sub(top, "body" if self.act else "mainBody")
        self.current = self.body  # the body the next paragraph or heading goes in
        self.stack: list[tuple[int, ET.Element]] = []  # the open headings of that body
        self.elements: dict[str, ET.Element] = {}  # paragraphs and sub-items, by id
        self.lists: dict[str, ET.Element] = {}  # a recital's (or item's) blockList, by its id
        self.attachments: ET.Element | None = None
        self.annex_body: ET.Element | None = None  # of an annex that is a doc, to fill if empty

    def add(self, step: Step) -> None:
        item = step.item
        if isinstance(item, Formula):
            assert self.preamble is not None
            _sub(_sub(self.preamble, "formula", name="enactingFormula"), "p", item.text)
        elif isinstance(item, Paragraph) and step.part == "preamble":
            self._recital(item)
        elif isinstance(item, Paragraph):
            self._paragraph(item)
        elif isinstance(item, SubItem) and step.part == "preamble":
            self._list_item(item, step)
        elif isinstance(item, SubItem):
            self._point(item, step)
        elif isinstance(item, Section):
            while self.stack and self.stack[-1][0] >= item.level:
                self.stack.pop()
            parent = self.stack[-1][1] if self.stack else self.current
            self.stack.append((item.level, _section(parent, item, self.act)))
        elif isinstance(item, Closing):
            _conclusions(self.top, item, self.act)
        elif isinstance(item, Annex):
            self._annex(item, step.position)

    def _recital(self, p: Paragraph) -> None:
        assert self.preamble is not None
        if self.recitals is None:
            self.recitals = _sub(self.preamble, "recitals", eId="preamble__recs")
        rec = self.elements[p.id] = _sub(self.recitals, "recital", eId=p.id)
        if p.number is not None:
            _sub(rec, "num", str(p.number))
        self.notes.paragraph(rec, p.text, p.footnote_refs)

    def _list_item(self, sub: SubItem, step: Step) -> None:
        """A sub-item of a recital: an ``item`` of the owner's ``blockList``."""
        assert step.parent is not None
        owner = step.parent.id
        if owner not in self.lists:
            self.lists[owner] = _sub(self.elements[owner], "blockList", eId=f"{owner}__list_1")
        it = self.elements[sub.id] = _sub(self.lists[owner], "item", eId=sub.id)
        _sub(it, "num", f"({sub.label})")
        self.notes.paragraph(it, sub.text, sub.footnote_refs)

    def _paragraph(self, p: Paragraph) -> None:
        """A numbered paragraph, or (in an act) an article of a law: ``num`` "المادة 7"."""
        parent = self.stack[-1][1] if self.stack else self.current
        tag = "article" if self.act else "paragraph"
        para = self.elements[p.id] = _sub(parent, tag, eId=p.id)
        if p.number is not None:
            _sub(para, "num", f"{p.lead} {p.number}" if self.act and p.lead else str(p.number))
        self.notes.paragraph(_sub(para, "intro" if p.sub_items else "content"), p.text, p.footnote_refs)

    def _point(self, sub: SubItem, step: Step) -> None:
        assert step.parent is not None
        point = self.elements[sub.id] = _sub(self.elements[step.parent.id], "point", eId=sub.id)
        _sub(point, "num", f"({sub.label})")
        content = _sub(point, "intro" if sub.sub_items else "content")
        self.notes.paragraph(content, sub.text, sub.footnote_refs)

    def _annex(self, annex: Annex, k: int) -> None:
        """An annex as ``attachment/doc name="annex"`` with its own meta, title and body; the law
        an issuing law issues as ``attachment/act`` with its own meta, title and articles."""
        self.finish_annex()
        if self.attachments is None:
            self.attachments = _sub(self.top, "attachments")
        attachment = _sub(self.attachments, "attachment", eId=annex.id)
        self.stack = []
        self.act = is_attached_act(self.doc, annex)
        if self.act:
            inner = _sub(attachment, "act", name="law" if "قانون" in annex.label else self.doc.kind)
            _meta(inner, self.doc, annex.id, name=annex_title(annex))
            _sub(_sub(_sub(inner, "preface"), "p"), "docTitle", annex_title(annex))
            self.current = _sub(inner, "body")
            return
        inner = _sub(attachment, "doc", name="annex")
        _meta(inner, self.doc, annex.id)
        preface = _sub(inner, "preface")
        _sub(_sub(preface, "p"), "docNumber", annex.label)
        if annex.title:
            _sub(_sub(preface, "p"), "docTitle", annex.title)
        self.current = self.annex_body = _sub(inner, "mainBody")

    def finish_annex(self) -> None:
        if self.annex_body is not None and len(self.annex_body) == 0:
            _sub(self.annex_body, "p")  # mainBody must not be empty
        self.annex_body = None


def _hcontainer(parent: ET.Element, name: str, lines: Iterable[str] = ()) -> ET.Element:
    """``hcontainer/content`` with one ``<p>`` per line: text in an act's body (which holds
    hierarchy only); the caller fills an empty one (content must not be empty)."""
    content = _sub(_sub(parent, "hcontainer", name=name, eId=name), "content")
    for line in lines:
        _sub(content, "p", line)
    return content


def _unplaced_notes(body: ET.Element, notes: _Notes) -> None:
    """Footnotes cited nowhere (in the body or an annex), at the end of the main body."""
    unplaced = [(eid, note) for eid, note in notes.order if eid not in notes.placed]
    act = body.tag == _q("body")  # an act's body holds hierarchy only: no bare container or p
    if unplaced:
        if act:
            container = _hcontainer(body, "footnotes")
        else:
            container = _sub(body, "container", name="footnotes", eId="footnotes")
        for eid, note in unplaced:
            notes.note(_sub(container, "p"), eid, note)
    if len(body) == 0:
        if act:
            _sub(_hcontainer(body, "text"), "p")  # body must not be empty
        else:
            _sub(body, "p")  # mainBody must not be empty


def _conclusions(root: ET.Element, closing: Closing, act: bool) -> None:
    p = _sub(_sub(root, "conclusions"), "p")
    if closing.date and act:
        _sub(p, "date", closing.text, date=closing.date.isoformat())  # the date it was signed
    elif closing.date:
        _sub(p, "date", closing.text, date=closing.date.isoformat(), refersTo="#meeting")
    else:
        p.text = _clean(closing.text)


def _indent(el: ET.Element, level: int = 0) -> None:
    if el.tag.rsplit("}", 1)[-1] in _TEXT_ELEMENTS or len(el) == 0:
        return
    pad = "\n" + "  " * (level + 1)
    if not (el.text or "").strip():
        el.text = pad
    for child in el:
        _indent(child, level + 1)
        if not (child.tail or "").strip():
            child.tail = pad
    el[-1].tail = "\n" + "  " * level


def build(doc: Document) -> ET.Element:
    """The ``<akomaNtoso>`` element of a document."""
    ET.register_namespace("", NAMESPACE)
    root = ET.Element(_q("akomaNtoso"))
    _, kind, _ = _frbr(doc)
    doctype = "act" if is_act(doc) else "statement" if doc.kind in ("resolution", "decision") else "doc"
    top = _sub(root, doctype, name=kind)
    _meta(top, doc)
    _preface(top, doc)
    builder = _Builder(doc, top)
    for step in walk(doc):
        builder.add(step)
    builder.finish_annex()
    body = builder.body
    if not doc.paragraphs and not doc.sections and not doc.annexes:
        # Nothing was segmented: keep the clean text, one <p> per line, so nothing is lost.
        lines = [line for line in doc.text.split("\n") if line.strip()]
        if lines and is_act(doc):
            _hcontainer(body, "text", lines)
        elif doc.text and not is_act(doc):
            container = _sub(body, "container", name="text", eId="text")
            for line in lines:
                _sub(container, "p", line)
    _unplaced_notes(body, builder.notes)
    return root


def render(doc: Document) -> str:
    """The document as an Akoma Ntoso 3.0 XML string (UTF-8 declared), ending in a newline."""
    root = build(doc)
    _indent(root)
    body = ET.tostring(root, encoding="unicode")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + body + "\n"
