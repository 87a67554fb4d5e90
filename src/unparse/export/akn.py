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
from ..models import Annex, Document, Footnote, FootnoteRef, Paragraph, Section, SubItem
from ._common import (
    Item,
    act_country,
    act_number,
    annex_title,
    body_in_order,
    formula_last,
    in_order,
    is_act,
    is_attached_act,
)
from .ids import annex_id, paragraph_ids

EXTENSION = ".xml"
NAMESPACE = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"

# Characters XML 1.0 does not allow, even escaped.
_NOT_XML = regex.compile("[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_NOT_ID = regex.compile(r"[^\w.-]+")
# Elements whose content is text (mixed content): never indented inside.
_TEXT_ELEMENTS = {"p", "num", "heading", "listIntroduction", "docTitle", "docNumber", "FRBRname"}
# The elements of an act's hierarchy by heading level, and their eId abbreviations (AKN naming).
_ACT_LEVELS = {1: ("chapter", "chp"), 2: ("section", "sec"), 3: ("subsection", "subsec")}
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
        self.by_marker: dict[str, tuple[str, Footnote]] = {}
        for k, note in enumerate(footnotes, start=1):
            self.by_marker.setdefault(note.marker, (f"fn_{k}", note))
        self.order = [(f"fn_{k}", note) for k, note in enumerate(footnotes, start=1)]
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
            found = self.by_marker.get(ref.marker)
            if found is None:
                continue  # cited, but its text is missing: the document's warnings say so
            eid, note = found
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
    _sub(refs, "TLCOrganization", eId="author", href=author[0], showAs=doc.body or author[1])
    _sub(refs, "TLCOrganization", eId="unparse", href="/akn/ontology/organization/unparse", showAs="unparse")


def _preface(root: ET.Element, doc: Document) -> None:
    lines: list[tuple[str, str, dict[str, str]]] = []
    if doc.symbol:
        lines.append(("docNumber", doc.symbol, {}))
    if doc.body:
        lines.append(("docProponent", doc.body, {}))
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


def _block_list(parent: ET.Element, items: list[SubItem], eid: str, notes: _Notes) -> None:
    bl = _sub(parent, "blockList", eId=f"{eid}__list_1")
    for k, sub in enumerate(items, start=1):
        item_id = f"{eid}__point_{k}"
        it = _sub(bl, "item", eId=item_id)
        _sub(it, "num", f"({sub.label})")
        notes.paragraph(it, sub.text, sub.footnote_refs)
        if sub.sub_items:
            _block_list(it, sub.sub_items, item_id, notes)


def _preamble(root: ET.Element, doc: Document, ids: dict[int, str], notes: _Notes) -> None:
    if not (doc.preamble_opening or doc.preamble):
        return
    preamble = _sub(root, "preamble")
    if doc.preamble_opening and not formula_last(doc):
        _sub(_sub(preamble, "formula", name="enactingFormula"), "p", doc.preamble_opening)
    if doc.preamble:
        recitals = _sub(preamble, "recitals", eId="preamble__recs")
        for p in doc.preamble:
            eid = ids[id(p)]
            rec = _sub(recitals, "recital", eId=eid)
            if p.number is not None:
                _sub(rec, "num", str(p.number))
            notes.paragraph(rec, p.text, p.footnote_refs)
            if p.sub_items:
                _block_list(rec, p.sub_items, eid, notes)
    if doc.preamble_opening and formula_last(doc):
        _sub(_sub(preamble, "formula", name="enactingFormula"), "p", doc.preamble_opening)


def _points(parent: ET.Element, items: list[SubItem], eid: str, notes: _Notes) -> None:
    for k, sub in enumerate(items, start=1):
        point_id = f"{eid}__point_{k}"
        point = _sub(parent, "point", eId=point_id)
        _sub(point, "num", f"({sub.label})")
        if sub.sub_items:
            notes.paragraph(_sub(point, "intro"), sub.text, sub.footnote_refs)
            _points(point, sub.sub_items, point_id, notes)
        else:
            notes.paragraph(_sub(point, "content"), sub.text, sub.footnote_refs)


def _paragraph(parent: ET.Element, p: Paragraph, eid: str, notes: _Notes, tag: str = "paragraph") -> None:
    """A numbered paragraph, or (``tag`` "article") an article of a law: ``num`` "المادة 7"."""
    para = _sub(parent, tag, eId=eid)
    if p.number is not None:
        _sub(para, "num", f"{p.lead} {p.number}" if tag == "article" and p.lead else str(p.number))
    if p.sub_items:
        notes.paragraph(_sub(para, "intro"), p.text, p.footnote_refs)
        _points(para, p.sub_items, eid, notes)
    else:
        notes.paragraph(_sub(para, "content"), p.text, p.footnote_refs)


def _section(parent: ET.Element, section: Section, eid: str) -> ET.Element:
    tag = {1: "section", 2: "subsection"}.get(section.level, "level")
    el = _sub(parent, tag, eId=eid)
    if section.label:
        _sub(el, "num", section.label)
    if section.title:
        _sub(el, "heading", section.title)
    return el


def _hierarchy(
    body: ET.Element, items: Iterable[Item], ids: dict[int, str], notes: _Notes, prefix: str
) -> None:
    """Paragraphs nested in the sections they fall under (``prefix`` keeps an annex's ids apart)."""
    stack: list[tuple[int, ET.Element]] = []
    n_sections = 0
    for item in items:
        if item.section is not None:
            while stack and stack[-1][0] >= item.section.level:
                stack.pop()
            n_sections += 1
            parent = stack[-1][1] if stack else body
            stack.append((item.section.level, _section(parent, item.section, f"{prefix}sec_{n_sections}")))
        elif item.paragraph is not None:
            parent = stack[-1][1] if stack else body
            _paragraph(parent, item.paragraph, ids[id(item.paragraph)], notes)


def _act_hierarchy(
    body: ET.Element, items: Iterable[Item], ids: dict[int, str], notes: _Notes, prefix: str
) -> None:
    """Articles nested in the chapters (sections, subsections) they fall under. A heading's
    eId is its parent's plus its own (``chp_2__sec_1``); articles keep ``art_N``, since a
    law numbers them through."""
    stack: list[tuple[int, ET.Element, str]] = []
    counts: dict[tuple[str, str], int] = {}
    for item in items:
        if item.section is not None:
            level = item.section.level
            while stack and stack[-1][0] >= level:
                stack.pop()
            parent, path = (stack[-1][1], f"{stack[-1][2]}__") if stack else (body, prefix)
            tag, abbr = _ACT_LEVELS.get(level, ("level", "lvl"))
            n = counts[path, abbr] = counts.get((path, abbr), 0) + 1
            eid = f"{path}{abbr}_{n}"
            el = _sub(parent, tag, eId=eid)
            if item.section.label:
                _sub(el, "num", item.section.label)
            if item.section.title:
                _sub(el, "heading", item.section.title)
            stack.append((level, el, eid))
        elif item.paragraph is not None:
            parent = stack[-1][1] if stack else body
            _paragraph(parent, item.paragraph, ids[id(item.paragraph)], notes, "article")


def _hcontainer(parent: ET.Element, name: str, lines: Iterable[str] = ()) -> ET.Element:
    """``hcontainer/content`` with one ``<p>`` per line: text in an act's body (which holds
    hierarchy only); the caller fills an empty one (content must not be empty)."""
    content = _sub(_sub(parent, "hcontainer", name=name, eId=name), "content")
    for line in lines:
        _sub(content, "p", line)
    return content


def _act_body(root: ET.Element, doc: Document, ids: dict[int, str], notes: _Notes) -> ET.Element:
    body = _sub(root, "body")
    _act_hierarchy(body, body_in_order(doc), ids, notes, "")
    lines = [line for line in doc.text.split("\n") if line.strip()]
    if not doc.paragraphs and not doc.sections and not doc.annexes and lines:
        _hcontainer(body, "text", lines)  # nothing was segmented: keep the clean text
    return body


def _main_body(root: ET.Element, doc: Document, ids: dict[int, str], notes: _Notes) -> ET.Element:
    body = _sub(root, "mainBody")
    _hierarchy(body, body_in_order(doc), ids, notes, "")
    if not doc.paragraphs and not doc.sections and not doc.annexes and doc.text:
        # Nothing was segmented: keep the clean text, one <p> per line, so nothing is lost.
        container = _sub(body, "container", name="text", eId="text")
        for line in doc.text.split("\n"):
            if line.strip():
                _sub(container, "p", line)
    return body


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


def _attachments(root: ET.Element, doc: Document, ids: dict[int, str], notes: _Notes) -> None:
    """Each annex as ``attachment/doc name="annex"``, with its own meta, title and body."""
    if not doc.annexes:
        return
    attachments = _sub(root, "attachments")
    for k, annex in enumerate(doc.annexes, start=1):
        eid = annex_id(k)
        if is_attached_act(doc, annex):
            _attached_act(_sub(attachments, "attachment", eId=eid), doc, annex, eid, ids, notes)
            continue
        inner = _sub(_sub(attachments, "attachment", eId=eid), "doc", name="annex")
        _meta(inner, doc, eid)
        preface = _sub(inner, "preface")
        _sub(_sub(preface, "p"), "docNumber", annex.label)
        if annex.title:
            _sub(_sub(preface, "p"), "docTitle", annex.title)
        body = _sub(inner, "mainBody")
        _hierarchy(body, in_order(annex.paragraphs, annex.sections), ids, notes, f"{eid}__")
        if len(body) == 0:
            _sub(body, "p")  # mainBody must not be empty


def _attached_act(
    attachment: ET.Element, doc: Document, annex: Annex, eid: str, ids: dict[int, str], notes: _Notes
) -> None:
    """The law an issuing law issues: an ``act`` with its own meta, title and articles."""
    inner = _sub(attachment, "act", name="law" if "قانون" in annex.label else doc.kind)
    _meta(inner, doc, eid, name=annex_title(annex))
    _sub(_sub(_sub(inner, "preface"), "p"), "docTitle", annex_title(annex))
    body = _sub(inner, "body")
    _act_hierarchy(body, in_order(annex.paragraphs, annex.sections), ids, notes, f"{eid}__")


def _conclusions(root: ET.Element, doc: Document) -> None:
    if not doc.closing:
        return
    conclusions = _sub(root, "conclusions")
    p = _sub(conclusions, "p")
    if doc.closing_date and is_act(doc):
        _sub(p, "date", doc.closing, date=doc.closing_date.isoformat())  # the date it was signed
    elif doc.closing_date:
        _sub(p, "date", doc.closing, date=doc.closing_date.isoformat(), refersTo="#meeting")
    else:
        p.text = _clean(doc.closing)


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
    ids = paragraph_ids(doc)
    notes = _Notes(doc.footnotes)
    _meta(top, doc)
    _preface(top, doc)
    _preamble(top, doc, ids, notes)
    body = (_act_body if is_act(doc) else _main_body)(top, doc, ids, notes)
    _conclusions(top, doc)
    _attachments(top, doc, ids, notes)
    _unplaced_notes(body, notes)
    return root


def render(doc: Document) -> str:
    """The document as an Akoma Ntoso 3.0 XML string (UTF-8 declared), ending in a newline."""
    root = build(doc)
    _indent(root)
    body = ET.tostring(root, encoding="unicode")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + body + "\n"
