"""The benchmark's source format: one file per document, the single source of truth for
its clean text (what a perfect extraction gives) and its gold structure.

A source file (``benchmarks/accuracy/sources/NAME.txt``) is a header of ``key: value``
lines, a line ``===``, then one block per line, ``TAG: text`` or ``TAG LABEL: text``::

    kind: resolution              resolution | decision | report | unknown
    symbol: A/RES/78/150
    organ: الجمعية العامة
    session: الدورة الثامنة والسبعون
    agenda_item: 68
    date: 2023-12-19              the document's date (ISO), optional
    closing_date: 2023-12-19      the meeting date in the closing, optional
    title: تعزيز ...               the title as the model holds it
    digits: western               western | eastern: how the typesetters print the digits
    split: dev                    dev | test
    ===
    head: الجمعية العامة            a line of the title block (centred), in clean order
    title: 78/150 - تعزيز ...       the title line (centred, bold)
    summary: يقدم هذا التقرير ...   a summary paragraph (reports)
    opening: إن الجمعية العامة،    the preamble's opening formula
    pre: إذ تشير إلى ...[^1]،       a preambular paragraph
    item (أ): ...                   a sub-item of the last paragraph (label as printed)
    item2 (1): ...                  a sub-item of the last sub-item
    para 1: تقرر ...                a numbered paragraph, printed ``1 - تقرر ...``
    text: وفي هذا السياق ...         an unnumbered body paragraph
    section1 أولاً: مقدمة           a level-1 heading, printed ``أولاً - مقدمة``
    section2 ألف: ...               a level-2 heading, printed ``ألف - ...``
    annex المرفق الثاني: TITLE       an annex heading (label; title may be empty); what follows
                                   belongs to the annex until the next annex
    closing: الجلسة العامة 63       a closing line (several allowed)
    note 1: النص                   the footnote ``1``; referenced in the text as ``[^1]``

A footnote reference ``[^M]`` prints as ``(M)`` glued to the word before it (superscript
where the typesetter can); the marker ``*`` prints as ``*``. ``digits: eastern`` prints
every Western digit of Arabic text as Eastern (U+0660-U+0669); a stretch between Arabic
words that holds a Latin letter (a symbol ``A/RES/78/1``, a date line ``14 July 2022``, a
citation ``vol. 1577, No. 27531``) keeps its digits. Blank lines and lines starting with ``#`` are ignored.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import regex

HERE = Path(__file__).resolve().parent
SOURCES = HERE / "sources"

REF_RE = regex.compile(r"\[\^([^\]\s]{1,3})\]")
_TAG_RE = regex.compile(r"^(?P<tag>[a-z_]+[12]?)(?: (?P<label>[^:]+?))?: ?(?P<text>.*)$")
_EASTERN = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
# Arabic words; the text between them is one stretch, Latin when it holds a Latin letter
# (a symbol, a date line, a Latin citation: its digits stay as printed).
_ARABIC_WORDS_RE = regex.compile(r"[\u0621-\u064a\u0671-\u06d3\u0640]+")
_LATIN_RE = regex.compile(r"[A-Za-z]")

TAGS = {
    "head",
    "title",
    "summary",
    "opening",
    "pre",
    "item",
    "item2",
    "para",
    "text",
    "section1",
    "section2",
    "annex",
    "closing",
    "note",
}
HEADER_KEYS = {
    "kind",
    "symbol",
    "organ",
    "session",
    "agenda_item",
    "date",
    "closing_date",
    "title",
    "digits",
    "split",
}


def _eastern_stretch(stretch: str) -> str:
    return stretch if _LATIN_RE.search(stretch) else stretch.translate(_EASTERN)


class SourceError(ValueError):
    pass


@dataclass
class Block:
    """One typeset block. ``text`` still holds the ``[^M]`` references; ``label`` is the
    paragraph number, sub-item label, section label or annex label."""

    tag: str
    text: str
    label: str | None = None
    line: int = 0  # line in the source file

    def printed(self) -> str:
        """The block as printed, references still as ``[^M]``, digits as in the source."""
        if self.tag == "para":
            return f"{self.label} - {self.text}"
        if self.tag in ("item", "item2"):
            return f"{self.label} {self.text}"
        if self.tag in ("section1", "section2"):
            return f"{self.label} - {self.text}"
        if self.tag == "annex":  # the label, then the title on a line of its own
            return f"{self.label}\n{self.text}" if self.text else (self.label or "")
        return self.text


@dataclass
class Source:
    name: str
    meta: dict[str, str]
    blocks: list[Block]
    notes: dict[str, str] = field(default_factory=dict)  # marker → text (with refs resolved)

    @property
    def split(self) -> str:
        return self.meta.get("split", "dev")

    @property
    def eastern(self) -> bool:
        return self.meta.get("digits", "western") == "eastern"

    def digits(self, text: str) -> str:
        """``text`` with its digits as the typesetters print them (Latin runs untouched)."""
        if not self.eastern:
            return text
        out: list[str] = []
        last = 0
        for m in _ARABIC_WORDS_RE.finditer(text):
            out.append(_eastern_stretch(text[last : m.start()]))
            out.append(m.group())
            last = m.end()
        out.append(_eastern_stretch(text[last:]))
        return "".join(out)

    def render(self, text: str, ref: str = "({})") -> str:
        """Printed text: digits as printed, each ``[^M]`` as ``ref`` (``*`` stays ``*``)."""

        def sub(m: regex.Match[str]) -> str:
            marker = m.group(1)
            return "*" if marker == "*" else ref.format(self.digits(marker))

        return REF_RE.sub(sub, self.digits(text))

    def body_blocks(self) -> list[Block]:
        return [b for b in self.blocks if b.tag != "note"]

    def note_order(self) -> list[str]:
        """Footnote markers in the order of their first reference."""
        seen: list[str] = []
        for b in self.body_blocks():
            for m in REF_RE.finditer(b.text):
                if m.group(1) not in seen:
                    seen.append(m.group(1))
        return seen

    def clean_text(self) -> str:
        """What a perfect extraction gives: the blocks in reading order, one per line, a
        blank line between blocks, then the footnotes as ``(M) text`` lines."""
        lines = [self.render(b.printed()) for b in self.body_blocks()]
        out = "\n\n".join(lines)
        notes = [
            f"{'*' if m == '*' else '(' + self.digits(m) + ')'} {self.render(self.notes[m])}"
            for m in self.note_order()
        ]
        if notes:
            out += "\n\n" + "\n".join(notes)
        return out + "\n"

    def gold(self) -> dict[str, Any]:
        """The gold structure, shaped like ``unparse.Document`` (texts without references)."""
        plain = self.plain
        doc: dict[str, Any] = {
            "kind": self.meta.get("kind", "unknown"),
            "symbol": self.meta.get("symbol"),
            "organ": self.meta.get("organ"),
            "session": self.meta.get("session"),
            "agenda_item": self.meta.get("agenda_item"),
            "date": self.meta.get("date"),
            "closing_date": self.meta.get("closing_date"),
            "title": self.meta.get("title"),
            "preamble_opening": None,
            "summary": [],
            "preamble": [],
            "paragraphs": [],
            "sections": [],
            "footnotes": [{"marker": m, "text": plain(self.notes[m])} for m in self.note_order()],
            "closing": [],
            "annexes": [],
        }
        target = doc  # the body or the current annex
        last_para: dict[str, Any] | None = None
        last_item: dict[str, Any] | None = None
        for b in self.body_blocks():
            if b.tag == "opening":
                doc["preamble_opening"] = plain(b.text)
            elif b.tag == "summary":
                doc["summary"].append(plain(b.text))
            elif b.tag == "closing":
                doc["closing"].append(plain(b.text))
            elif b.tag == "annex":
                target = {"label": b.label, "title": plain(b.text) or None, "paragraphs": [], "sections": []}
                doc["annexes"].append(target)
                last_para = last_item = None
            elif b.tag in ("pre", "para", "text"):
                last_para = {
                    "number": int(b.label) if b.tag == "para" and b.label else None,
                    "text": plain(b.text),
                    "sub_items": [],
                }
                key = "preamble" if b.tag == "pre" and target is doc else "paragraphs"
                target[key].append(last_para)
                last_item = None
            elif b.tag in ("item", "item2"):
                item = {"label": b.label, "text": plain(b.text), "sub_items": []}
                if b.tag == "item":
                    if last_para is None:
                        raise SourceError(f"{self.name}:{b.line}: an item before any paragraph")
                    last_para["sub_items"].append(item)
                    last_item = item
                else:
                    if last_item is None:
                        raise SourceError(f"{self.name}:{b.line}: an item2 before any item")
                    last_item["sub_items"].append(item)
            elif b.tag in ("section1", "section2"):
                target["sections"].append({"label": b.label, "title": plain(b.text), "level": int(b.tag[-1])})
        return doc

    def plain(self, text: str) -> str:
        """Text without its references, digits as printed."""
        return self.digits(REF_RE.sub("", text))


def parse_source(text: str, name: str = "<source>") -> Source:
    head, sep, body = text.partition("\n===\n")
    if not sep:
        raise SourceError(f"{name}: no '===' line between the header and the blocks")
    meta: dict[str, str] = {}
    for n, line in enumerate(head.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        key, colon, value = line.partition(":")
        if not colon or key.strip() not in HEADER_KEYS:
            raise SourceError(f"{name}:{n}: unknown header line {line!r}")
        meta[key.strip()] = value.strip()
    if meta.get("kind") not in ("resolution", "decision", "report", "unknown"):
        raise SourceError(f"{name}: kind must be resolution, decision, report or unknown")
    if meta.get("split", "dev") not in ("dev", "test"):
        raise SourceError(f"{name}: split must be dev or test")
    for key in ("date", "closing_date"):
        if key in meta:
            datetime.date.fromisoformat(meta[key])
    offset = head.count("\n") + 2
    src = Source(name, meta, [])
    for n, line in enumerate(body.splitlines(), offset + 1):
        if not line.strip() or line.startswith("#"):
            continue
        m = _TAG_RE.match(line)
        if not m or m.group("tag") not in TAGS:
            raise SourceError(f"{name}:{n}: not a block line: {line[:60]!r}")
        tag, label, value = m.group("tag"), m.group("label"), m.group("text").strip()
        if tag in ("para", "item", "item2", "section1", "section2", "annex", "note") and not label:
            raise SourceError(f"{name}:{n}: {tag} needs a label")
        if tag == "para" and not (label or "").isdigit():
            raise SourceError(f"{name}:{n}: para label must be a number")
        if tag == "note":
            src.notes[label or ""] = value
            continue
        src.blocks.append(Block(tag, value, label, n))
    missing = [m for m in src.note_order() if m not in src.notes]
    if missing:
        raise SourceError(f"{name}: references without a note: {missing}")
    unused = [m for m in src.notes if m not in src.note_order()]
    if unused:
        raise SourceError(f"{name}: notes never referenced: {unused}")
    return src


def load(path: Path) -> Source:
    return parse_source(path.read_text(encoding="utf-8"), path.stem)


def load_all(split: str | None = None) -> list[Source]:
    out = [load(p) for p in sorted(SOURCES.glob("*.txt"))]
    return [s for s in out if split is None or s.split == split]


if __name__ == "__main__":
    import sys

    for p in sys.argv[1:] or sorted(str(p) for p in SOURCES.glob("*.txt")):
        s = load(Path(p))
        g = s.gold()
        print(
            f"{s.name}: {s.meta['kind']} {s.split} {len(g['preamble'])} pre, {len(g['paragraphs'])} para, "
            f"{len(g['sections'])} sections, {len(g['footnotes'])} notes, {len(g['annexes'])} annexes"
        )
