"""A page to review repairs: input and repaired text side by side, line by line.

:func:`review_file` reads one file as :func:`unparse.parse` does, keeping what a review needs
(the input lines, the repair result, the document); :func:`render_page` turns reviews into one
self-contained HTML page (no script, no network, no external asset): per file, the document's
decisions and their evidence, its warnings, the outline (preamble, sections, paragraphs,
sub-items, annexes, footnotes) linked to the lines, then a right-to-left table of every input
line beside its repaired line, with the page for PDFs, each changed line highlighted with its
fix kinds, lines the repair calls a guess marked, and furniture removed from the flow struck
through. ``unparse review FILE... -o page.html`` writes it.
"""

from __future__ import annotations

import html
import json
import os
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel

from ..errors import InputFileError
from ..lines import Line, split_lines
from ..models import Document, Fix, SubItem
from ..options import DEFAULT_OPTIONS, Options
from ..read.text import decode_bytes, read_bytes
from ..repair import RepairResult, repair_lines
from ..segment import segment
from ..walk import assign_ids, furniture_layer
from ._common import Item, annex_title, body_in_order, document_title, heading_text, in_order

EXTENSION = ".html"

# Fix kinds that take a whole line out of the flow as page furniture.
FURNITURE_KINDS = frozenset(
    {"page_furniture", "running_symbol", "page_number", "job_number", "footnote_separator", "page_header"}
)
# Facts that are the reader's internals, too long to be worth reading on the page.
_HIDDEN_FACTS = frozenset({"reader_fixes", "reader_warnings", "stream_order", "line_end_pages"})
_LINE_WARNING_RE = re.compile(r"^line (\d+): (.*)$", re.S)
_GUESS_RE = re.compile(r"guess|confidence", re.I)
_CONTROL_RE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")


@dataclass
class Review:
    """What the page shows of one file."""

    source: str
    input_lines: list[Line]
    result: RepairResult
    doc: Document
    options: Options = DEFAULT_OPTIONS


def review_file(path: str | os.PathLike[str], options: Options | None = None) -> Review:
    """Read, repair and segment one file (a PDF by extension or content, else text)."""
    from ..read.pdf import read_pdf_lines  # pdfminer is imported only when needed

    options = options or DEFAULT_OPTIONS
    name = os.fspath(path)
    facts: dict[str, object] = {}
    if Path(name).suffix.lower() == ".pdf":
        lines, facts = read_pdf_lines(name, options)
    else:
        data = read_bytes(name, options)
        if not data:
            raise InputFileError("is empty (0 bytes): there is no text to review", name)
        if data.startswith(b"%PDF-"):
            lines, facts = read_pdf_lines(name, options)
        else:
            lines = split_lines(decode_bytes(data, name))
    result = repair_lines(lines, options, facts)
    doc = segment(result, options)
    doc.source = name
    doc.furniture = furniture_layer(result.fixes, result.facts)
    return Review(name, lines, result, doc, options)


def visible(text: str) -> str:
    """``text`` as the page shows it: C0 controls as their control pictures (U+2400...),
    other control characters and lone surrogates as U+FFFD."""

    def picture(m: re.Match[str]) -> str:
        code = ord(m[0])
        return chr(0x2400 + code) if code < 0x20 else "\u2421" if code == 0x7F else "\ufffd"

    return _CONTROL_RE.sub(picture, text)


def _e(text: str) -> str:
    return html.escape(visible(text), quote=True)


def _short(text: str, n: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


def line_warnings(warnings: list[str]) -> dict[int, list[str]]:
    """The warnings that name a line (``"line 27: run order is a guess ..."``), by line."""
    out: dict[int, list[str]] = defaultdict(list)
    for warning in warnings:
        m = _LINE_WARNING_RE.match(warning)
        if m:
            out[int(m[1])].append(m[2])
    return out


def _is_guess(fix: Fix, messages: list[str], options: Options) -> bool:
    confidence = getattr(fix, "confidence", None)  # Fix.confidence: agreed, not yet built
    if isinstance(confidence, float) and confidence < options.min_confidence:
        return True
    return any(_GUESS_RE.search(m) for m in messages)


def _fact_value(value: object) -> str:
    if isinstance(value, BaseModel):
        value = value.model_dump(mode="json")
    try:
        text = json.dumps(value, ensure_ascii=False, default=str)
    except (TypeError, ValueError):
        text = repr(value)
    return _short(text, 400)


def _decisions(review: Review) -> str:
    facts = review.result.facts
    rows: list[str] = []
    fingerprint = facts.get("fingerprint")
    if isinstance(fingerprint, BaseModel):
        fields = type(fingerprint).model_fields
        cells = "".join(
            f"<tr><th>{_e(name)}</th><td>{_e(_fact_value(getattr(fingerprint, name)))}</td>"
            f"<td>{_e(field.description or '')}</td></tr>"
            for name, field in fields.items()
        )
        rows.append(
            '<details open class="fingerprint"><summary>Fingerprint (what produced the text)</summary>'
            f'<table dir="ltr">{cells}</table></details>'
        )
    items = "".join(
        f"<li><code>{_e(key)}</code>: <code>{_e(_fact_value(value))}</code></li>"
        for key, value in facts.items()
        if key != "fingerprint" and key not in _HIDDEN_FACTS
    )
    rows.append(f'<ul class="facts" dir="ltr">{items}</ul>')
    reader_furniture = [f for f in review.doc.furniture if f.line is None]  # the repair's: in the table
    if reader_furniture:
        struck = "".join(
            f'<li dir="rtl">page {_e(str(f.page))}, {_e(f.kind)}: <del>{_e(f.text)}</del></li>'
            for f in reader_furniture
        )
        rows.append(
            f"<details><summary>Furniture the PDF reader removed</summary><ul>{struck}</ul></details>"
        )
    kinds: dict[str, int] = defaultdict(int)
    for fix in review.result.fixes:
        kinds[fix.kind] += 1
    counts = ", ".join(f"{_e(k)} {n}" for k, n in sorted(kinds.items()))
    rows.append(f"<p>{len(review.result.fixes)} fixes: {counts or 'none'}</p>")
    return '<div class="panel"><h3>Decisions and evidence</h3>' + "".join(rows) + "</div>"


def _warnings(review: Review) -> str:
    if not review.doc.warnings:
        return '<div class="panel"><h3>Warnings</h3><p>None.</p></div>'
    items = "".join(f"<li>{_e(w)}</li>" for w in review.doc.warnings)
    return f'<div class="panel"><h3>Warnings</h3><ul class="warnings" dir="ltr">{items}</ul></div>'


def _link(prefix: str, anchor: str, line: int, label: str) -> str:
    return f'<a id="{prefix}{_e(anchor)}" href="#{prefix}L{line}">{_e(label)}</a>'


def _sub_items(prefix: str, items: list[SubItem]) -> str:
    if not items:
        return ""
    out = []
    for sub in items:
        sid = sub.id
        label = f"({sub.label}) {_short(sub.text, 70)}"
        nested = _sub_items(prefix, sub.sub_items)
        out.append(f"<li>{_link(prefix, sid, sub.span.start_line, label)}{nested}</li>")
    return "<ul>" + "".join(out) + "</ul>"


def _outline(prefix: str, doc: Document) -> str:
    assign_ids(doc)
    parts: list[str] = []
    if doc.preamble:
        recitals = "".join(
            f"<li>{_link(prefix, p.id, p.span.start_line, _short(p.text, 80))}"
            f"{_sub_items(prefix, p.sub_items)}</li>"
            for p in doc.preamble
        )
        opening = f"<p>{_e(doc.preamble_opening)}</p>" if doc.preamble_opening else ""
        parts.append(f"<li>Preamble ({len(doc.preamble)}){opening}<ol>{recitals}</ol></li>")

    def body(items: list[str], steps: Iterable[Item]) -> None:
        for step in steps:
            if step.section is not None:
                line = step.section.span.start_line if step.section.span else 1
                heading = _e(heading_text(step.section))
                items.append(f'<li class="heading"><a href="#{prefix}L{line}">{heading}</a></li>')
            elif step.paragraph is not None:
                p = step.paragraph
                label = f"{p.number} - {_short(p.text, 80)}" if p.number is not None else _short(p.text, 80)
                items.append(
                    f"<li>{_link(prefix, p.id, p.span.start_line, label)}"
                    f"{_sub_items(prefix, p.sub_items)}</li>"
                )

    paragraphs: list[str] = []
    body(paragraphs, body_in_order(doc))
    if paragraphs:
        parts.append(f"<li>Paragraphs ({len(doc.paragraphs)})<ul>{''.join(paragraphs)}</ul></li>")
    for annex in doc.annexes:
        items: list[str] = []
        body(items, in_order(annex.paragraphs, annex.sections))
        link = _link(prefix, annex.id, annex.span.start_line, annex_title(annex))
        parts.append(f"<li>{link}<ul>{''.join(items)}</ul></li>")
    if doc.footnotes:
        notes = "".join(
            f"<li>{_link(prefix, n.id, n.span.start_line, f'[{n.marker}] {_short(n.text, 80)}')}</li>"
            for n in doc.footnotes
        )
        parts.append(f"<li>Footnotes ({len(doc.footnotes)})<ul>{notes}</ul></li>")
    return f'<nav class="panel outline"><h3>Outline</h3><ul>{"".join(parts)}</ul></nav>'


def _table(prefix: str, review: Review) -> str:
    repaired: dict[int, list[Line]] = defaultdict(list)
    for line in review.result.lines:
        repaired[line.number].append(line)
    fixes: dict[int, list[Fix]] = defaultdict(list)
    for fix in review.result.fixes:
        fixes[fix.line].append(fix)
    warned = line_warnings(review.result.warnings)
    inputs = {line.number: line for line in review.input_lines}
    paged = any(line.page is not None for line in review.input_lines)
    rows: list[str] = []
    for number in sorted(set(inputs) | set(repaired)):
        source = inputs.get(number)
        outs = repaired.get(number, [])
        line_fixes = fixes.get(number, [])
        messages = warned.get(number, [])
        kinds = sorted({f.kind for f in line_fixes})
        removed = source is not None and not outs
        furniture = removed and any(k in FURNITURE_KINDS for k in kinds)
        classes = [
            c
            for c, on in (
                ("changed", bool(line_fixes)),
                ("removed", removed),
                ("furniture", furniture),
                ("guess", any(_is_guess(f, messages, review.options) for f in line_fixes) or bool(messages)),
            )
            if on
        ]
        page = (
            source.page
            if source is not None and source.page is not None
            else (outs[0].page if outs else None)
        )
        in_text = _e(source.text) if source is not None else ""
        in_cell = f"<del>{in_text}</del>" if removed else in_text
        out_cell = "".join(f'<div class="rl">{_e(o.text)}</div>' for o in outs)
        details = "".join(
            f"<li><b>{_e(f.kind)}</b>: «{_e(f.before)}» → «{_e(f.after)}»</li>" for f in line_fixes
        )
        badges = "".join(f'<span class="kind">{_e(k)}</span>' for k in kinds)
        notes = "".join(f'<div class="note">{_e(m)}</div>' for m in messages)
        fix_cell = f"<details><summary>{badges}</summary><ol>{details}</ol></details>" if line_fixes else ""
        page_cell = f'<td class="page">{page if page is not None else ""}</td>' if paged else ""
        cls = f' class="{" ".join(classes)}"' if classes else ""
        rows.append(
            f'<tr id="{prefix}L{number}"{cls}>{page_cell}'
            f'<td class="num"><a href="#{prefix}L{number}">{number}</a></td>'
            f'<td class="in" dir="rtl">{in_cell}</td><td class="out" dir="rtl">{out_cell}</td>'
            f'<td class="fixes" dir="ltr">{fix_cell}{notes}</td></tr>'
        )
    head = ("<th>page</th>" if paged else "") + "<th>line</th><th>input</th><th>repaired</th><th>fixes</th>"
    return (
        f'<table class="lines" dir="rtl"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>'
    )


_STYLE = """
body{font-family:"Noto Naskh Arabic","Amiri","DejaVu Sans",sans-serif;margin:1.5em;color:#222}
header,h2,h3,.facts,.fingerprint,.warnings{font-family:"DejaVu Sans",sans-serif}
section.file{border-top:3px solid #446;margin-top:2em}
table.lines{border-collapse:collapse;width:100%;font-size:15px}
table.lines td,table.lines th{border-bottom:1px solid #ddd;padding:2px 6px;vertical-align:top}
td.in,td.out{white-space:pre-wrap;width:40%} td.num,td.page{color:#888;font-size:12px;text-align:center}
td.fixes{font-size:12px;width:14%} h1{font-size:1.4em;margin:0} h2{font-size:1.15em} h3{margin:.3em 0}
.top{display:grid;grid-template-columns:repeat(3,minmax(0,1fr));gap:1em;margin-bottom:1em}
.panel{max-height:17em;overflow:auto;border:1px solid #ccc;padding:0 .6em;font-size:13px}
.panel ul{padding-inline-start:1.2em;margin:.2em 0}
tr.changed td.out{background:#e6f6e6} tr.changed td.in{background:#fdf0e6}
tr.guess td.num{background:#f7c948;color:#000} tr.guess{outline:2px solid #f7c948}
tr.removed td.in{color:#999} tr.furniture td.in del{color:#a33}
.kind{display:inline-block;background:#446;color:#fff;border-radius:3px;padding:0 4px;margin:1px}
.note{color:#8a5a00} nav.outline{direction:rtl} .legend span{padding:0 6px;margin-right:6px}
.fingerprint table td,.fingerprint table th{text-align:left;padding:0 8px;font-size:13px}
"""


def render_page(reviews: list[Review], title: str = "unparse review") -> str:
    """One self-contained HTML page reviewing the repairs of ``reviews``."""
    toc = "".join(f'<li><a href="#f{k}-top">{_e(r.source)}</a></li>' for k, r in enumerate(reviews))
    sections = []
    for k, review in enumerate(reviews):
        prefix = f"f{k}-"
        doc = review.doc
        date = doc.date.isoformat() if doc.date else None
        meta = ", ".join(_e(v) for v in (doc.kind, doc.symbol, date) if v)
        sections.append(
            f'<section class="file" id="{prefix}top"><h2>{_e(review.source)}</h2>'
            f'<p><bdi dir="rtl">{_e(document_title(doc))}</bdi> — {meta}</p>'
            f'<div class="top">{_decisions(review)}{_warnings(review)}{_outline(prefix, doc)}</div>'
            f"<h3>Lines</h3>{_table(prefix, review)}</section>"
        )
    legend = (
        '<p class="legend"><span style="background:#e6f6e6">changed</span>'
        '<span style="outline:2px solid #f7c948">a guess: check it</span>'
        '<span style="color:#a33"><del>furniture removed</del></span></p>'
    )
    return (
        '<!DOCTYPE html>\n<html lang="ar"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{_e(title)}</title><style>{_STYLE}</style></head>"
        f"<body><header><h1>{_e(title)}</h1>{legend}<ul class=files>{toc}</ul></header>"
        f"{''.join(sections)}</body></html>\n"
    )
