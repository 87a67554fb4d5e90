"""Bracket fixer: un-mirror bracket pairs that a visual-order extraction flipped.

A line is un-mirrored only on evidence that its brackets *are* mirrored, never because a
pair is cut by a line break: clean UN text wraps parentheses across lines all the time
(``"المائة)، وفي مجلس النواب ... (40 في المائة)."`` closes one pair and opens the next),
and a corpus segment can start inside one (``")، وبخاصة ... 2009("``).
"""

from __future__ import annotations

import functools
import re

import regex

from ..lines import Line
from .pipeline import Context

_CLOSERS = {")": "(", "]": "[", "}": "{"}
_MARKER_RE = {
    "()": regex.compile(r"\((?:\p{Nd}{1,3}|\*{1,3})\)"),
    "[]": regex.compile(r"\[(?:\p{Nd}{1,3}|\*{1,3})\]"),
}
# A mirrored pair around at most this many characters (")أ(", ")12(", ")A/61/444(") is a
# tight pair.
TIGHT_INSIDE = 12


def unmirror_brackets(text: str) -> str:
    """Flip bracket pairs that open with a closing bracket: ``)أ(`` → ``(أ)``.

    Real examples: ``")أ("`` → ``"(أ)"`` (A/64 report), ``")٥٦ - د("`` → ``"(٥٦ - د)"``
    (A/RES/61/180; the order inside is the line-order fixer's job). The line is changed
    only when every one of its brackets then closes one opened before it (all its brackets
    were mirrored the same way), so balanced text, lone brackets and a line that closes a
    pair from the line before and opens one for the next are left alone.

    >>> unmirror_brackets(")أ( تيسير تنفيذ البروتوكول")
    '(أ) تيسير تنفيذ البروتوكول'
    >>> unmirror_brackets("المائة)، وفي مجلس النواب (40 في المائة).")
    'المائة)، وفي مجلس النواب (40 في المائة).'
    """
    fixed = _flip_all(text)
    return fixed if fixed == text or _well_formed(_SKELETON_RE.sub("", fixed)) else text


def unmirror_bracket_lines(lines: list[Line], ctx: Context) -> list[Line]:
    """Document step: un-mirror the lines whose brackets read backwards, on evidence.

    The document is mirrored when an earlier step found its runs reversed or its lines
    visual, or when at least two lines have brackets that are all mirrored and they
    outnumber the lines whose brackets are well formed. In a mirrored document a line's
    mirrored pairs are flipped when that makes all its brackets well formed, or when each
    is tight (``")6( انظر ... )"``: the last bracket opens a pair cut by the line break).
    Elsewhere a line is flipped only when all its brackets then are well formed and each
    flipped pair is tight around one token (``")أ("``, ``")A/61/444("``): a real unpc
    segment, ``")، وبخاصة ... 2009("``, closes one parenthesis and opens the next. The
    counts are kept in ``facts["brackets"]``.
    """
    if not any(")" in line.text or "]" in line.text or "}" in line.text for line in lines):
        return lines
    found: dict[int, tuple[str, bool, list[str]]] = {}
    mirrored = logical = 0
    for i, line in enumerate(lines):
        text = line.text
        if ")" not in text and "]" not in text and "}" not in text:
            continue
        if _well_formed(_SKELETON_RE.sub("", text)):
            logical += 1
            continue
        fixed = _flip_all(text)
        if fixed != text:
            whole = _well_formed(_SKELETON_RE.sub("", fixed))
            mirrored += whole
            found[i] = (fixed, whole, _insides(text, fixed))
    if not found:
        return lines
    reordered = ctx.facts.get("runs_reversed") is True or "visual_numbers" in ctx.facts
    mirrored_doc = reordered or (mirrored >= 2 and mirrored > logical)
    ctx.facts["brackets"] = {
        "mirrored_lines": mirrored,
        "well_formed_lines": logical,
        "document_mirrored": mirrored_doc,
    }
    out = list(lines)
    for i, (fixed, whole, insides) in found.items():
        tight = all(len(inside) <= TIGHT_INSIDE for inside in insides)
        if mirrored_doc:
            accept = whole or tight
        else:
            accept = whole and tight and not any(c.isspace() for inside in insides for c in inside)
        if accept:
            line = lines[i]
            ctx.record("mirrored_brackets", line.number, line.text, fixed)
            out[i] = Line(line.number, fixed, line.page)
    return out


def _flip_all(text: str) -> str:
    """``text`` with every mirrored pair flipped (whether the rest is well formed or not)."""
    if ")" not in text and "]" not in text and "}" not in text:
        return text
    if _well_formed(_SKELETON_RE.sub("", text)):
        return text  # the common case, checked on the brackets alone
    for closer, opener in _CLOSERS.items():
        if closer not in text:
            continue
        fixed = _flip_mirrored(text, opener, closer)
        # Accept only a result the fixer leaves as it is: in ") ) (" flipping the inner
        # pair gives ") ( )", which would flip again on a second pass. Such lines are
        # ambiguous and stay as found, so that normalize(normalize(x)) == normalize(x).
        if fixed != text and _flip_mirrored(fixed, opener, closer) == fixed:
            text = fixed
    return text


def _insides(text: str, fixed: str) -> list[str]:
    """What each pair flipped from ``text`` to ``fixed`` encloses."""
    flipped = [i for i, (a, b) in enumerate(zip(text, fixed, strict=True)) if a != b]
    out: list[str] = []
    stack: list[int] = []
    for i in flipped:
        if fixed[i] in "([{":
            stack.append(i)
        elif stack:
            j = stack.pop()
            out.append(fixed[j + 1 : i])
    return out


# (The standard library's ``re`` strips a line to its brackets several times faster.)
_SKELETON_RE = re.compile(r"[^()\[\]{}]+")


@functools.lru_cache(maxsize=4096)
def _well_formed(skeleton: str) -> bool:
    """Whether every bracket of the line closes one opened before it, in nesting order:
    nothing to flip."""
    stack: list[str] = []
    for ch in skeleton:
        if ch in "([{":
            stack.append(ch)
        elif not stack or _CLOSERS[ch] != stack.pop():
            return False
    return not stack


def _flip_mirrored(text: str, opener: str, closer: str) -> str:
    chars = list(text)
    # A footnote marker "(12)" or "(*)" is already well formed: it is never taken as the
    # partner of a stray closer (")x(1)" stays, and so does ")" + "⁽¹⁾" once it is "(1)").
    skip: set[int] = set()
    marker = _MARKER_RE.get(opener + closer)
    if marker is not None:
        for m in marker.finditer(text):
            skip.update(range(m.start(), m.end()))
    stack: list[int] = []  # positions of unmatched closers (candidate mirrored openers)
    depth = 0
    for i, ch in enumerate(chars):
        if i in skip:
            continue
        if ch == opener:
            if stack and depth == 0:
                j = stack.pop()
                chars[j], chars[i] = opener, closer
            else:
                depth += 1
        elif ch == closer:
            if depth > 0:
                depth -= 1
            else:
                stack.append(i)
    return "".join(chars)
