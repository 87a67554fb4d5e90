"""Seeded garblers: a benchmark ``Source`` turned into the damaged text unparse must repair.

``GARBLERS`` maps a name to ``Source -> text``. Each run draws from
``random.Random(zlib.crc32(f"{garbler}:{name}"))``: the same document always gives the same
text (never Python's ``hash()``, which is salted per process). ``unpc_lines(split)`` is the
line-level set built from the UN Parallel Corpus; ``GARBLER_VERSION`` goes in the manifest
(bump it whenever an output changes). The damage is modelled on ``samples/`` (real
extractions of UN PDFs); ``tests/garble.py`` is a smaller relative, not imported here.

Run as a script to print a garbled document: ``python garble.py GARBLER NAME``.
"""

from __future__ import annotations

import itertools
import json
import random
import sys
import zlib
from collections.abc import Callable
from pathlib import Path

import regex
from source import REF_RE, Source, load_all

GARBLER_VERSION = "1"
UNPC = Path("/work/shared/corpora/unpc/unpc-v1.0-dev-ar.first2000.txt")

_PARA_NUMBER_RE = regex.compile(r"^([0-9٠-٩]{1,3})( ?)- ")
# One piece of a token: a reference "(1)", a Latin run (symbol), a number, or Arabic text.
_PIECE_RE = regex.compile(
    r"(?P<own>\([0-9٠-٩*]{1,3}\)|[\[(]?[A-Za-z][A-Za-z0-9/.\-]*[A-Za-z0-9][)\]]?|"
    r"[A-Za-z]|[0-9٠-٩]+(?:[/.,:\-][0-9٠-٩]+)*)|(?P<ar>[^A-Za-z0-9٠-٩(]+|\()"
)
_MIRROR = str.maketrans("()[]", ")(][")
_PUNCT = "،؛.:,"
_NON_JOINING = set("اأإآدذرزوؤةءى")  # letters that do not join the next one: no kashida after
_ARABIC_LETTER_RE = regex.compile(r"[\u0621-\u064a]")
_LONG_WORD_RE = regex.compile(r"^[\u0621-\u064a]{6,}$")


def rng_for(garbler: str, name: str) -> random.Random:
    """The stable random stream of one garbler on one document."""
    return random.Random(zlib.crc32(f"{garbler}:{name}".encode()))


def wrap(text: str, rng: random.Random, low: int = 7, high: int = 14) -> list[str]:
    """Cut a logical line into physical lines of ``low``-``high`` words."""
    words = text.split()
    out: list[str] = []
    i = 0
    while i < len(words):
        n = rng.randint(low, high)
        out.append(" ".join(words[i : i + n]))
        i += n
    return out


def _kashida(word: str, rng: random.Random) -> str:
    """Stretch a word with tatweel after one of its joining letters (justification)."""
    spots = [i for i in range(1, len(word) - 1) if word[i - 1] not in _NON_JOINING]
    spots = [
        i
        for i in spots
        if _ARABIC_LETTER_RE.match(word[i - 1])
        and _ARABIC_LETTER_RE.match(word[i])
        and not (word[i - 1] == "ل" and word[i] in "اأإآ")  # never inside a lam-alef
    ]
    if not spots:
        return word
    i = rng.choice(spots)
    return word[:i] + "ـ" * rng.choice((1, 2, 2, 3)) + word[i:]


def _units(line: str) -> list[tuple[str, bool, bool]]:
    """The line as (text, own_run, space_before): references, numbers and Latin runs stand
    alone; Arabic text stays whole words (a token's pieces are glued: ``space_before`` False)."""
    out: list[tuple[str, bool, bool]] = []
    for token in line.split():
        first = True
        for m in _PIECE_RE.finditer(token):
            own = m.group("own") is not None
            if not own and not first and not out[-1][1]:  # one Arabic word, whatever it holds
                out[-1] = (out[-1][0] + m.group(), False, out[-1][2])
            else:
                out.append((m.group(), own, first))
            first = False
    return out


def garble_line(line: str, rng: random.Random) -> str:
    """One clean physical line → what a run-reversing extractor (pdftotext on a UN PDF) gives.

    The line is cut into runs (1-6 words; a number, reference or Latin symbol is a run of its
    own; sometimes a long word is cut across two runs), the runs come out right to left,
    brackets mirrored, glued or separated by one or several spaces; the final punctuation
    leads the line; a paragraph number goes to the line end (mostly) or stays in front;
    some lines are stretched with tatweel. Example (seeded)::

        1 - تطلب إلى جميع الدول أن تعزز وتحمي بفعالية حقوق الإنسان
        →  بفعالية حقوق الإنسانتطلب إلى جميع الدول أن تعزز وتحمي   - 1
    """
    number = spaced = None
    m = _PARA_NUMBER_RE.match(line)
    if m:
        number, spaced = m.group(1), m.group(2)
        line = line[m.end() :]
    units = _units(line)
    if units and rng.random() < 0.7:  # the closing punctuation is a run of its own
        text, own, sp = units[-1]
        if not own and len(text) > 1 and text[-1] in _PUNCT:
            units[-1:] = [(text[:-1], own, sp), (text[-1], True, False)]
    if rng.random() < 0.25:  # a justified line, stretched with kashida
        units = [
            (_kashida(t, rng) if not own and len(t) >= 4 and rng.random() < 0.4 else t, own, sp)
            for t, own, sp in units
        ]
    runs: list[list[tuple[str, bool]]] = []
    current: list[tuple[str, bool]] = []
    limit = rng.randint(1, 6)
    for text, own, sp in units:
        if own:
            if current:
                runs.append(current)
            runs.append([(text, sp)])
            current, limit = [], rng.randint(1, 6)
            continue
        current.append((text, sp))
        if len(current) >= limit:
            runs.append(current)
            current, limit = [], rng.randint(1, 6)
    if current:
        runs.append(current)
    if len(runs) >= 2 and rng.random() < 0.3:  # a word cut across two runs
        i = rng.randrange(len(runs))
        k = rng.randrange(len(runs[i]))
        word, sp = runs[i][k]
        if _LONG_WORD_RE.match(word):
            cut = rng.randint(2, len(word) - 2)
            runs[i : i + 1] = [[*runs[i][:k], (word[:cut], sp)], [(word[cut:], False), *runs[i][k + 1 :]]]
    pieces: list[tuple[str, bool]] = []  # (text, spaced from the run before it, logically)
    for run in runs:
        text = "".join((" " if sp and j else "") + t for j, (t, sp) in enumerate(run))
        pieces.append((text.translate(_MIRROR), run[0][1]))
    order = pieces[::-1]  # right to left: each run comes out before the one it follows
    out = order[0][0] if order else ""
    for (prev, prev_sp), (piece, _) in itertools.pairwise(order):
        r = rng.random()
        glueable = prev[-1:].isalnum() and piece[:1].isalnum()
        if (not prev_sp and r < 0.8) or (r < 0.15 and glueable):
            sep = ""
        elif r < 0.7:
            sep = " "
        else:
            sep = " " * rng.randint(2, 5)
        out += sep + piece
    if number is not None:
        r = rng.random()
        if r < 0.45:
            out = f"{out}  - {number}  "
        elif r < 0.75:
            out = f"{out}   -{spaced}{number}"
        else:
            out = f"{number}{spaced}- {out}"
    if rng.random() < 0.3:
        out = " " * rng.randint(1, 2) + out
    if rng.random() < 0.4:
        out += " " * rng.randint(1, 3)
    return out


def _note_line(src: Source, marker: str, rng: random.Random) -> str:
    text = src.render(src.notes[marker])
    mark = "*" if marker == "*" else ")" + src.digits(marker) + "("
    if not _ARABIC_LETTER_RE.search(text):  # a Latin note reads left to right
        return f"{mark}   {text}  "
    return garble_line(f"{text}", rng) + "   " + mark


def run_reversal(src: Source) -> str:
    """The damage of ``samples/a-res-61-180.txt``, ``a-64-sg-report-trafficking.txt`` and
    ``ctoc-cop-2012-demand-report.txt``: pdftotext on a UN PDF whose text is drawn in runs.

    Every block is wrapped into physical lines (7-14 words) and each line garbled by
    ``garble_line``; pages of 30-40 lines start (after the first) with the running header
    (symbol and page number on lines of their own) and end with the footnotes first cited on
    them below a ``_______________`` line, each note line reversed with its mirrored marker
    ``)1(`` at the end (a Latin note keeps its order, marker first). Digits as in the source.
    Example (``ga-res-example``, first lines of the preamble)::

        إن الجمعية العامة،
        إذ تشير إلى جميع قراراتها السابقة المتعلقة بحماية المهاجرين، ومنها القرار 76/172 ...
        →
        ،إن الجمعية   العامة
        ومنها القرار المهاجرين،  بحماية   جميع قراراتها السابقة المتعلقةإذ تشير إلى
    """
    rng = rng_for("run-reversal", src.name)
    symbol = src.meta.get("symbol", "")
    lines: list[tuple[str, list[str]]] = []  # (clean physical line, markers first cited there)
    for block in src.body_blocks():
        raw = block.printed()
        if (
            block.tag in ("head", "title", "closing", "section1", "section2", "annex")
            and len(raw.split()) <= 16
        ):
            phys = [raw]
        else:
            phys = wrap(raw, rng)
        for i, p in enumerate(phys):
            lines.append((p, [m.group(1) for m in REF_RE.finditer(p)]))
            if i + 1 < len(phys) and rng.random() < 0.08:
                lines.append(("", []))
        lines.append(("", []))
    pages: list[list[str]] = []
    cited: set[str] = set()
    i = 0
    while i < len(lines):
        size = rng.randint(30, 40)
        chunk, i = lines[i : i + size], i + size
        page: list[str] = []
        if pages:
            head = [symbol, str(len(pages) + 1)] if len(pages) % 2 else [str(len(pages) + 1), symbol]
            for h in head:
                page += [h + " ", ""]
        notes: list[str] = []
        for clean, markers in chunk:
            page.append(garble_line(src.render(clean), rng) if clean else "")
            notes += [m for m in markers if m not in cited and m in src.notes]
            cited.update(markers)
        if notes:
            page += ["", "_______________ ", ""]
            page += [_note_line(src, m, rng) for m in notes]
        pages.append(page)
    return "\n".join(itertools.chain.from_iterable([*p, "", ""] for p in pages)).rstrip("\n") + "\n"


_PAIR_RE = regex.compile(r"(?<![A-Za-z\d/.\-])(\d{1,4})/(\d{1,4})(?![/\dA-Za-z])")
_SUPER = str.maketrans("0123456789٠١٢٣٤٥٦٧٨٩", "⁰¹²³⁴⁵⁶⁷⁸⁹⁰¹²³⁴⁵⁶⁷⁸⁹")
_REF_STYLES = ("⁽{s}⁾", "{s}", "<sup>{d}</sup>", "^{d}^")
_WESTERN = str.maketrans("٠١٢٣٤٥٦٧٨٩", "0123456789")
_ADVERBS = {"أيضا", "أيضاً", "كذلك", "مجددا", "مجدداً"}


def _pairs(text: str) -> str:
    """Session/number pairs reversed as the converter gives them: ``76/186`` → ``186/76``."""
    return _PAIR_RE.sub(lambda m: f"{m.group(2)}/{m.group(1)}", text)


def _bold_verb(text: str) -> str:
    words = text.split(" ")
    n = 2 if len(words) > 2 and words[1] in _ADVERBS else 1
    if len(words) > 2 and words[1:3] == ["من", "جديد"]:
        n = 3
    return "**" + " ".join(words[:n]) + "** " + " ".join(words[n:])


def markdown(src: Source) -> str:
    """The damage of ``samples/a-res-76-186.txt`` and ``cop-5-2-trafficking-protocol.txt``:
    the markdown of a PDF-to-markdown converter. Blocks are paragraphs (blank-line separated);
    session/number pairs are reversed (``78/212`` → ``212/78``, in the title line too);
    references are superscripts (one style a document: ``⁽¹⁾``, ``¹``, ``<sup>1</sup>`` or
    ``^1^``, sometimes after the punctuation that follows them); the operative verb of a
    numbered paragraph is bold (``1 - **تطلب** ...``, ``1- `` or ``- 16 - `` numbering);
    sections and annexes are ``#``/``##`` headings; at each page break (every 1,800-2,600
    characters) the page's footnotes ``(1) text`` come as paragraphs of their own, cutting the
    running paragraph in two, followed sometimes by the page number or the symbol. Example::

        78/212 - حماية المهاجرين
        pre: ... القرار 76/172 المؤرخ 16 كانون الأول/ديسمبر 2021[^1]،
        para 1: تطلب إلى جميع الدول ...
        →
        212/78 - حماية المهاجرين
        ... القرار 172/76 المؤرخ 16 كانون الأول/ديسمبر 2021⁽¹⁾،
        1 - **تطلب** إلى جميع الدول ...
    """
    rng = rng_for("markdown", src.name)
    style = rng.choice(_REF_STYLES)
    after_punct = rng.random() < 0.3
    dash = rng.choice(("{n} - ", "{n}- "))
    dashed_from = rng.randint(10, 40) if rng.random() < 0.4 else 10**6

    def ref(m: regex.Match[str]) -> str:
        marker = m.group(1)
        if marker == "*":
            return "*"
        d = src.digits(marker)
        return style.format(s=d.translate(_SUPER), d=d)

    def render(text: str) -> str:
        if after_punct:
            text = regex.sub(r"(\[\^[^\]]+\])([،,؛.])", r"\2\1", text)
        return (
            _pairs(src.digits(REF_RE.sub(lambda m: "\0" + m.group(1) + "\1", text)))
            .replace("\0", "[^")
            .replace("\1", "]")
        )

    blocks: list[tuple[str, list[str]]] = []
    for b in src.body_blocks():
        refs = [m.group(1) for m in REF_RE.finditer(b.text)]
        text = render(b.text)
        if b.tag == "para":
            n = src.digits(b.label or "")
            prefix = ("- " if int(b.label or 0) >= dashed_from else "") + dash.format(n=n)
            text = prefix + _bold_verb(text)
        elif b.tag in ("item", "item2"):
            text = f"{b.label} {text}"
        elif b.tag in ("section1", "section2"):
            text = ("# " if b.tag == "section1" else "## ") + f"{b.label} - {text}"
        elif b.tag == "annex":
            text = f"# {b.label}" + (f"\n\n## {text}" if text else "")
        blocks.append((text, refs))
    out: list[str] = [""]
    cited: set[str] = set()
    pending: list[str] = []
    budget = rng.randint(1800, 2600)
    page = 1

    def page_break() -> None:
        nonlocal budget, page
        for m in pending:
            note = render(src.notes[m]).replace("Treaty Series", "*Treaty Series*")
            out.append(f"({src.digits(m)}) {note}" if m != "*" else f"* {note}")
        pending.clear()
        page += 1
        if rng.random() < 0.5:
            out.append(rng.choice((str(page), src.meta.get("symbol", str(page)))))
        out.append("\n")
        budget = rng.randint(1800, 2600)

    for text, refs in blocks:
        while len(text) > budget:
            cut = text.rfind(" ", 0, budget)
            if cut <= 0:
                break
            head, text = text[:cut], text[cut + 1 :]
            for m in REF_RE.finditer(head):
                marker = m.group(1).translate(_WESTERN)  # the rendered text has printed digits
                if marker not in cited:
                    cited.add(marker)
                    pending.append(marker)
            out.append(head)
            page_break()
        for m in refs:
            if m not in cited:
                cited.add(m)
                pending.append(m)
        out.append(text)
        budget -= len(text)
    if pending:
        page_break()
    body = "\n\n".join(out).rstrip() + "\n"
    return REF_RE.sub(ref, body)


GARBLERS: dict[str, Callable[[Source], str]] = {"run-reversal": run_reversal, "markdown": markdown}


def unpc_lines(split: str) -> list[tuple[str, str]]:
    """The line-level set: each UNPC segment of ``split`` (index % 3 == 0: ``test``, held out
    from any table built from the corpus; the rest: ``dev``) wrapped into 7-14-word lines,
    each garbled by ``garble_line`` (seeded by the segment index) → (clean, garbled) pairs."""
    if split not in ("dev", "test"):
        raise ValueError("split must be dev or test")
    out: list[tuple[str, str]] = []
    segments = UNPC.read_text(encoding="utf-8").splitlines()
    for i, segment in enumerate(segments):
        if not segment.strip() or ("test" if i % 3 == 0 else "dev") != split:
            continue
        rng = rng_for("unpc-lines", str(i))
        out += [(line, garble_line(line, rng)) for line in wrap(segment, rng)]
    return out


def unpc_jsonl() -> str:
    """``unpc_lines`` of both splits as JSON lines ``{"split","clean","garbled"}``."""
    rows = [
        json.dumps({"split": s, "clean": c, "garbled": g}, ensure_ascii=False, sort_keys=True)
        for s in ("dev", "test")
        for c, g in unpc_lines(s)
    ]
    return "\n".join(rows) + "\n"


if __name__ == "__main__":
    garbler, name = sys.argv[1], sys.argv[2]
    source = next(s for s in load_all() if s.name == name)
    sys.stdout.write(GARBLERS[garbler](source))
