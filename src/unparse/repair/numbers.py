"""Number-order fixer: ``186/76`` → ``76/186`` when the document's evidence says the
extractor reversed its session/number pairs.

UN symbols of decisions and resolutions are ``session/number`` (``76/186``, ``27/2``) or
``year/number`` for ECOSOC (``2017/18``). An extractor that reversed digit groups in a
right-to-left line writes them ``number/session``. A single pair is often ambiguous
(``2/27``), so the decision is made once per document from the unambiguous pairs and
then applied to every pair consistently; a document with evidence both ways is left
alone, with a warning.
"""

from __future__ import annotations

import datetime

import regex

from ..arabic import is_year
from ..lexicon import SESSION_RE, parse_ordinal
from ..lines import Line
from .digits import western
from .pipeline import Context, fix_each_line

# Two digit groups joined by a slash, not part of a Latin symbol (A/76/463, E/2018/30)
# nor of a longer slash chain, nor of a date written with slashes (12/05/2020).
PAIR_RE = regex.compile(
    r"(?<![\p{Latin}\p{N}/.\-])(?P<a>\p{Nd}{1,4})/(?P<b>\p{Nd}{1,4})(?![\p{N}/]|\.\p{Nd})"
)


def current_ga_session() -> int:
    """The highest GA session a document can cite: sessions open once a year since 1946."""
    return datetime.date.today().year - 1945 + 1


def pair_vote(a: str, b: str, session: int | None, current: int | None = None) -> int:
    """+1: the pair reads as reversed (number/session), -1: as written, 0: no evidence.
    ``current``: :func:`current_ga_session`, when the caller has it."""
    a, b = western(a), western(b)
    if is_year(a) and not is_year(b):
        return -1
    if is_year(b) and not is_year(a):
        return +1
    ia, ib = int(a), int(b)
    # The document's own session may be of another body (a Conference of the Parties):
    # GA resolutions it cites still have sessions up to the current one.
    limit = max(session or 0, current_ga_session() if current is None else current)
    if ia > limit >= ib:
        return +1
    if ib > limit >= ia:
        return -1
    return 0


def document_session(lines: list[Line]) -> int | None:
    """The session a document belongs to, from "الدورة السادسة والسبعون" near the top."""
    for line in lines[:40]:
        m = SESSION_RE.search(line.text)
        if m:
            value = parse_ordinal(m.group(1))
            if value:
                return value
    return None


def decide_number_order(lines: list[Line], ctx: Context, pairs: list[regex.Match[str]] | None = None) -> bool:
    """True when the document's unambiguous pairs all read as reversed. ``pairs``: the
    matches of :data:`PAIR_RE` in the lines joined, when the caller has them."""
    session = document_session(lines)
    current = current_ga_session()
    reversed_votes = normal_votes = 0
    # One pass over the whole text (a pair never spans a line break).
    if pairs is None:
        pairs = list(PAIR_RE.finditer(ctx.joined(lines)))
    for m in pairs:
        vote = pair_vote(m["a"], m["b"], session, current)
        reversed_votes += vote > 0
        normal_votes += vote < 0
    if reversed_votes and normal_votes:
        ctx.warn(
            f"number order: {reversed_votes} number pairs read as reversed and {normal_votes} "
            "as written; left as found"
        )
        return False
    return reversed_votes > 0


def swap_pairs(text: str) -> str:
    """Swap every digit pair: ``"القرار 186/76"`` → ``"القرار 76/186"``; ``"4/4"`` stays."""
    return PAIR_RE.sub(lambda m: f"{m['b']}/{m['a']}", text)


def fix_number_order(lines: list[Line], ctx: Context) -> list[Line]:
    """Document step: reverse session/number pairs when the evidence says so.

    Real example (A/RES/76/186, session 76): ``"186/76 - تحسين تنسيق الجهود"`` →
    ``"76/186 - تحسين تنسيق الجهود"``; ``"18/2017"`` → ``"2017/18"``; ``"2/27"`` → ``"27/2"``.
    """
    joined = ctx.joined(lines)
    if "/" not in joined:
        return lines  # no pair: no vote (a search for the slash costs a fraction of the scan)
    pairs = list(PAIR_RE.finditer(joined))
    if not decide_number_order(lines, ctx, pairs):
        return lines
    ctx.facts["numbers_reversed"] = True
    # The pairs found once are swapped in the joined text (as swap_pairs would), and only the
    # lines that differ are recorded; a line holding a line break of its own is fixed alone.
    texts = _swapped(joined, pairs).split("\n")
    if len(texts) != len(lines):
        return fix_each_line(
            lines, ctx, "number_order", lambda text: swap_pairs(text) if "/" in text else text
        )
    out: list[Line] = []
    for line, text in zip(lines, texts, strict=True):
        if text != line.text:
            ctx.record("number_order", line.number, line.text, text)
            line = Line(line.number, text, line.page)
        out.append(line)
    return out


def _swapped(text: str, pairs: list[regex.Match[str]]) -> str:
    parts: list[str] = []
    end = 0
    for m in pairs:
        parts += (text[end : m.start()], m["b"], "/", m["a"])
        end = m.end()
    parts.append(text[end:])
    return "".join(parts)
