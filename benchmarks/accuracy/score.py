"""The benchmark's scorer: how close a parsed ``Document`` and a repaired text come to a
source's gold structure and clean text.

Every text is first put through ``fair``, a normalisation fair to every tool: presentation
forms folded (NFKC), Eastern and Persian digits folded to Western, tatweel, Arabic marks,
bidi controls and zero-width characters removed, whitespace collapsed. Then:

- **paragraph F1**: units are the preambular, numbered and annex paragraphs and the summary
  paragraphs; a predicted unit matches a gold one (one to one) when their numbers are equal
  and the text is within 10% character error rate (CER) of the gold text;
- **sub-item F1**: every sub-item at any depth, matched by label and text (10% CER);
- **footnote F1**: matched by marker and text (10% CER);
- **doc CER**: each gold block (a title line, a paragraph, a sub-item, a footnote) is found
  where it best fits in the text (edit distance with free ends, edlib's ``HW`` mode; body
  blocks in reading order, footnotes anywhere), and the text left over (page headers, page
  numbers, anything no block covers) counts as inserted: (edits + leftover) / gold length.
  A footnote printed at its page foot therefore costs nothing, and the furniture a repair
  removes is credited to it. A paragraph a page broke is scored by its parts: a long run of
  other text inside its alignment (the footnotes and header set between its halves) is left
  to the other blocks or the leftover, and a half that aligned badly is looked for again
  just before or after the rest (``_fit``), so the halves count where they stand, in order;
- **number recall**: the share of the source's numbers (digit runs) found in the text, as a
  multiset;
- **harm**: the doc-CER edits of the repaired text minus those of the input; positive is
  damage (an input is *harmed* when the repaired text has more edits than the input).

Footnote references (``(1)``, superscripts, ``*``) are removed from both sides before any
text is compared: where a tool puts a reference is scored by footnote F1, not by CER.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import edlib
import regex
from rapidfuzz.distance import Levenshtein

UNIT_CER = 0.10

_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
_DROP_RE = regex.compile(r"[\u0640\p{Mn}\u200b-\u200f\u202a-\u202e\u2066-\u2069\u061c\ufeff]")
_SPACE_RE = regex.compile(r"\s+")
# A footnote reference as the tools print it: (1) or (١), superscripts, <sup>, ^1^, [^1], *.
_REF_RE = regex.compile(
    r"\((?:\d{1,2}|\*)\)|[¹²³⁴⁵⁶⁷⁸⁹⁰]+|<sup>[^<]{1,4}</sup>|\^\d{1,2}\^?|\[\^[^\]]{1,3}\]|\*"
)
_LABEL_STRIP_RE = regex.compile(r"[()'\"‘’\s.\-]")
_NUMBER_RE = regex.compile(r"\d+")


def fair(text: str) -> str:
    """The normalisation fair to every tool (see the module docstring).

    >>> fair("الأمـــم  المتحدة\\u202b ١٢ ")
    'الأمم المتحدة 12'
    """
    text = unicodedata.normalize("NFKC", text).translate(_DIGITS)
    text = _DROP_RE.sub("", text)
    return _SPACE_RE.sub(" ", text).strip()


def unit_text(text: str) -> str:
    """A unit's text for comparison: footnote references removed (before NFKC folds the
    superscripts into digits), then fair.

    >>> unit_text("الإنسان(١)، وفقاً للمادة² 3")
    'الإنسان، وفقا للمادة 3'
    """
    return fair(_REF_RE.sub("", text.translate(_DIGITS)))


def label_key(label: str | None) -> str:
    return _LABEL_STRIP_RE.sub("", fair(label or ""))


def cer(hyp: str, ref: str) -> float:
    """Character error rate of ``hyp`` against ``ref`` (1.0 for an empty ``hyp``)."""
    if not ref:
        return 0.0 if not hyp else 1.0
    return Levenshtein.distance(hyp, ref) / len(ref)


# --------------------------------------------------------------------------- units


@dataclass(frozen=True)
class Unit:
    key: str  # what must be equal: the paragraph number, the label, the marker
    text: str  # unit_text of the text


def match_units(gold: Sequence[Unit], pred: Sequence[Unit]) -> tuple[int, list[int]]:
    """One-to-one matches (key equal, CER ≤ 10%), best CER first; returns the number of
    matches and the indexes of the gold units left unmatched."""
    candidates: list[tuple[float, int, int]] = []
    for gi, g in enumerate(gold):
        limit = UNIT_CER * max(len(g.text), 1)
        for pi, p in enumerate(pred):
            if p.key != g.key or abs(len(p.text) - len(g.text)) > limit:
                continue
            d = Levenshtein.distance(p.text, g.text, score_cutoff=int(limit))
            if d <= limit:
                candidates.append((d / max(len(g.text), 1), gi, pi))
    candidates.sort()
    used_g: set[int] = set()
    used_p: set[int] = set()
    for _, gi, pi in candidates:
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
    return len(used_g), [i for i in range(len(gold)) if i not in used_g]


@dataclass
class F1:
    matched: int = 0
    gold: int = 0
    pred: int = 0

    def add(self, other: F1) -> None:
        self.matched += other.matched
        self.gold += other.gold
        self.pred += other.pred

    @property
    def value(self) -> float:
        if self.gold + self.pred == 0:
            return 1.0
        return 2 * self.matched / (self.gold + self.pred)


def f1_of(gold: Sequence[Unit], pred: Sequence[Unit]) -> tuple[F1, list[int]]:
    matched, missed = match_units(gold, pred)
    return F1(matched, len(gold), len(pred)), missed


def _items(items: Iterable[Any], out: list[Unit]) -> None:
    for it in items:
        label = it["label"] if isinstance(it, dict) else it.label
        text = it["text"] if isinstance(it, dict) else it.text
        subs = it["sub_items"] if isinstance(it, dict) else it.sub_items
        out.append(Unit(label_key(label), unit_text(text)))
        _items(subs, out)


def gold_units(gold: dict[str, Any]) -> dict[str, list[Unit]]:
    """Paragraph, sub-item and footnote units of a source's gold structure."""
    paras = gold["preamble"] + gold["paragraphs"] + [p for a in gold["annexes"] for p in a["paragraphs"]]
    out: dict[str, list[Unit]] = {
        "paragraphs": [Unit(str(p["number"] or ""), unit_text(p["text"])) for p in paras]
        + [Unit("", unit_text(s)) for s in gold["summary"]],
        "sub_items": [],
        "footnotes": [Unit(label_key(f["marker"]), unit_text(f["text"])) for f in gold["footnotes"]],
    }
    for p in paras:
        _items(p["sub_items"], out["sub_items"])
    return out


def doc_units(doc: Any) -> dict[str, list[Unit]]:
    """The same units of a parsed ``unparse.Document``."""
    paras = list(doc.preamble) + list(doc.paragraphs) + [p for a in doc.annexes for p in a.paragraphs]
    summary = [s for s in (doc.summary or "").split("\n") if s.strip()]
    out: dict[str, list[Unit]] = {
        "paragraphs": [Unit(str(p.number or ""), unit_text(p.text)) for p in paras]
        + [Unit("", unit_text(s)) for s in summary],
        "sub_items": [],
        "footnotes": [Unit(label_key(f.marker), unit_text(f.text)) for f in doc.footnotes],
    }
    for p in paras:
        _items(p.sub_items, out["sub_items"])
    return out


def _count_items(items: Iterable[Any]) -> int:
    n = 0
    for it in items:
        n += 1 + _count_items(it["sub_items"] if isinstance(it, dict) else it.sub_items)
    return n


def _get(x: Any, key: str) -> Any:
    return x[key] if isinstance(x, dict) else getattr(x, key)


def structure_counts(x: Any) -> dict[str, int]:
    """How many of each structural item a gold structure (dict) or a parsed ``Document``
    holds: the counts a user checks first (issue 12's "structure counts exact")."""
    annexes = _get(x, "annexes")
    paras = list(_get(x, "preamble")) + list(_get(x, "paragraphs"))
    paras += [p for a in annexes for p in _get(a, "paragraphs")]
    return {
        "preamble": len(_get(x, "preamble")),
        "paragraphs": len(_get(x, "paragraphs")),
        "sub_items": sum(_count_items(_get(p, "sub_items")) for p in paras),
        "sections": len(_get(x, "sections")) + sum(len(_get(a, "sections")) for a in annexes),
        "footnotes": len(_get(x, "footnotes")),
        "annexes": len(annexes),
        "annex_paragraphs": sum(len(_get(a, "paragraphs")) for a in annexes),
    }


def counts_off(pred: dict[str, int], gold: dict[str, int]) -> str:
    """The counts that differ, as ``name found/gold``.

    >>> counts_off({"paragraphs": 7, "footnotes": 2}, {"paragraphs": 8, "footnotes": 2})
    'paragraphs 7/8'
    """
    return ", ".join(f"{k} {pred[k]}/{gold[k]}" for k in gold if pred.get(k) != gold[k])


# --------------------------------------------------------------------------- doc CER


@dataclass
class TextScore:
    edits: int  # block edits + leftover characters
    length: int  # gold length
    numbers_found: int
    numbers_total: int

    @property
    def cer(self) -> float:
        return self.edits / max(self.length, 1)

    @property
    def number_recall(self) -> float:
        return self.numbers_found / self.numbers_total if self.numbers_total else 1.0


def _align(block: str, text: str, covered: bytearray, offset: int = 0) -> tuple[int, int, int] | None:
    """(edits, start, end) of ``block`` where it fits best in ``text`` (free ends) on text
    no other block took; None when it is not there (over half its characters wrong)."""
    if not text:
        return None
    r = edlib.align(block, text, mode="HW", task="locations", k=len(block) // 2)
    if r["editDistance"] < 0:
        return None
    for start, end in r["locations"]:
        s, e = int(start or 0) + offset, int(end if end is not None else -1) + 1 + offset
        if sum(covered[s:e]) <= (e - s) // 2:
            return int(r["editDistance"]), s, e
    return None


def _numbers(text: str) -> Counter[str]:
    return Counter(m.group().lstrip("0") or "0" for m in _NUMBER_RE.finditer(text))


def _take(found: tuple[int, int, int] | None, block: str, covered: bytearray) -> int:
    """The edits a block costs: where it was found, its edits; else its whole length."""
    if found is None:
        return len(block)
    d, start, end = found
    _cover(covered, start, end)
    return d


# A run of at least this many characters of text inside a block's alignment that the block
# does not have is something else set between its parts (a footnote at the page foot, a
# running header): it is left to the other blocks, or to the leftover.
GAP = 12
# Where a page broke a paragraph, the part printed elsewhere aligns against whatever text
# sits there: a start (or end) of the block with more than this share of errors, and at
# least GAP characters long, is looked for again before (or after) the rest, within WINDOW
# characters plus three times its length (a page foot of footnotes, a page head).
BAD = 0.5
WINDOW = 1500
_CIGAR_RE = regex.compile(r"(\d+)([=XID])")


def _cover(covered: bytearray, start: int, end: int) -> None:
    covered[start:end] = b"\x01" * max(0, end - start)


def _fit(block: str, hyp: str, covered: bytearray, found: tuple[int, int, int] | None) -> int:
    """The edits of ``block`` found at ``found`` (its whole length where it was not found),
    with its parts apart where a page broke it.

    A long run of text inside the alignment that is not the block's (``D`` in edlib's path)
    is left uncovered: a footnote block may take it, or it counts as leftover, as it would
    between two blocks. A start or end of the block that aligns badly is looked for before
    (or after) the rest, on text no block took; where it fits there, it counts its edits
    there, and the text it was first aligned with is left uncovered.

    >>> cov = bytearray(40)
    >>> _fit("abcdefghijklmnop", "abcdefgh[a note here!]ijklmnop", cov, (14, 0, 30))
    0
    >>> "".join("x" if c else "." for c in cov[:30])
    'xxxxxxxx..............xxxxxxxx'
    >>> _fit("the first half, the second half", "the second half", bytearray(15), (16, 0, 15))
    16
    >>> hyp = "the first half, [note 1 of the page] the second half"
    >>> _fit("the first half, the second half", hyp, bytearray(len(hyp)), (21, 16, 52))
    0
    """
    if found is None or found[0] == 0:  # not there, or there exactly: nothing to take apart
        return _take(found, block, covered)
    _, s, e = found
    cigar = edlib.align(block, hyp[s:e], mode="NW", task="path")["cigar"] or ""
    ops = [(int(n), op) for n, op in _CIGAR_RE.findall(cigar)]
    marks = [(0, s, 0)]  # (block offset, text offset, edits so far) after each op
    for n, op in ops:
        q, t, c = marks[-1]
        free = op == "=" or (op == "D" and n >= GAP)  # a long insertion costs nothing here
        marks.append((q + (n if op in "=XI" else 0), t + (n if op in "=XD" else 0), c + (0 if free else n)))
    total = marks[-1][2]
    head = max(
        ((c - BAD * q, q, t, c) for q, t, c in marks if q >= GAP and c > BAD * q),
        default=(0.0, 0, s, 0),
    )
    tail = max(
        (
            ((total - c) - BAD * (len(block) - q), q, t, total - c)
            for q, t, c in marks
            if len(block) - q >= GAP and total - c > BAD * (len(block) - q) and q >= head[1]
        ),
        default=(0.0, len(block), e, 0),
    )
    seg = head[2]
    for (_, t, _), (n, op) in zip(marks, ops, strict=False):
        if head[2] <= t and t + n <= tail[2] and op == "D" and n >= GAP:
            _cover(covered, seg, t)
            seg = t + n
    _cover(covered, seg, tail[2])
    edits = total
    parts = (
        (block[: head[1]], max(0, s - WINDOW - 3 * head[1]), s, head[3], s, head[2]),
        (block[tail[1] :], e, e + WINDOW + 3 * (len(block) - tail[1]), tail[3], tail[2], e),
    )
    for part, lo, hi, cost, start, end in parts:
        if not part:
            continue
        where = _align(part, hyp[lo:hi], covered, lo)
        if where is not None and where[0] <= 0.3 * len(part) and where[0] < cost:
            edits += _take(where, part, covered) - cost
        else:
            _cover(covered, start, end)
    return edits


def score_text(text: str, blocks: Sequence[str], notes: Sequence[str]) -> TextScore:
    """Doc CER and number recall of ``text`` against the gold blocks (body blocks in reading
    order, footnote texts anywhere); ``blocks`` and ``notes`` as printed, references kept."""
    hyp = unit_text(text)
    body = [b for b in (unit_text(x) for x in blocks) if b]
    feet = [b for b in (unit_text(x) for x in notes) if b]
    covered = bytearray(len(hyp))
    edits = 0
    pos = 0
    for b in body:
        found = _align(b, hyp[pos:], covered, pos)
        if found is None or found[0] > 0.3 * len(b):
            found = _align(b, hyp, covered) or found
        edits += _fit(b, hyp, covered, found)
        if found is not None and found[0] <= 0.3 * len(b):
            pos = found[2]
    for b in feet:
        edits += _fit(b, hyp, covered, _align(b, hyp, covered))
    leftover = sum(1 for c, ch in zip(covered, hyp, strict=True) if not c and ch != " ")
    gold_numbers = _numbers(" ".join(body + feet))
    found = _numbers(hyp)
    return TextScore(
        edits + leftover,
        sum(len(b) for b in body + feet),
        sum(min(n, found[k]) for k, n in gold_numbers.items()),
        sum(gold_numbers.values()),
    )


# --------------------------------------------------------------------------- conservation

_CONTENT_RE = regex.compile(r"[\u0621-\u064a\p{Nd}]")


def content(text: str) -> Counter[str]:
    """What repair must never lose: the Arabic letters and the digits (forms folded)."""
    return Counter(_CONTENT_RE.findall(unicodedata.normalize("NFKC", text)))


def lost_without_fix(text: str, output: str, fixes: Iterable[Any]) -> int:
    """Arabic letters and digits of ``text`` missing from ``output`` that no recorded fix
    removed (a multiset count; 0 when nothing was lost silently)."""
    removed: Counter[str] = Counter()
    for fix in fixes:
        removed += content(fix.before) - content(fix.after)
    missing = content(text) - content(output)
    return sum(max(0, n - removed[c]) for c, n in missing.items())


# --------------------------------------------------------------------------- one input


@dataclass
class InputScore:
    """Everything measured on one input (one document through one extractor or garbler)."""

    doc: str
    split: str
    paragraphs: F1
    sub_items: F1
    footnotes: F1
    text: TextScore
    before: TextScore | None = None  # the input text itself, for harm
    first_wrong: str | None = None  # the first gold paragraph not matched, as text
    notes: list[str] = field(default_factory=list)
    lost: int = 0  # letters and digits lost without a recorded fix
    idempotent: bool = True  # repairing the repaired text changes nothing
    counts_off: str = "?"  # the structure counts that differ from the gold's, "" for none

    @property
    def counts_exact(self) -> bool:
        return not self.counts_off

    @property
    def harm(self) -> int:
        return 0 if self.before is None else self.text.edits - self.before.edits

    @property
    def harmed(self) -> bool:
        return self.harm > 0


def score_document(doc: Any, gold: dict[str, Any]) -> tuple[F1, F1, F1, str | None]:
    g = gold_units(gold)
    p = doc_units(doc)
    paras, missed = f1_of(g["paragraphs"], p["paragraphs"])
    subs, _ = f1_of(g["sub_items"], p["sub_items"])
    notes, _ = f1_of(g["footnotes"], p["footnotes"])
    first = None
    if missed:
        u = g["paragraphs"][missed[0]]
        first = (f"{u.key} - " if u.key else "") + u.text[:90]
    return paras, subs, notes, first
