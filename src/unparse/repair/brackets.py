"""Bracket fixer: un-mirror bracket pairs that a visual-order extraction flipped.

A line is un-mirrored only on evidence that its brackets *are* mirrored, never because a
pair is cut by a line break: clean UN text wraps parentheses across lines all the time
(``"المائة)، وفي مجلس النواب ... (40 في المائة)."`` closes one pair and opens the next),
and a corpus segment can start inside one (``")، وبخاصة ... 2009("``).
"""

from __future__ import annotations

import functools

import regex

from .pipeline import Context, Line

_MIRROR = {")": "(", "(": ")", "]": "[", "[": "]", "}": "{", "{": "}", "»": "«", "«": "»"}
_CLOSERS = {")": "(", "]": "[", "}": "{"}
_MARKER_RE = {
    "()": regex.compile(r"\((?:\p{Nd}{1,3}|\*{1,3})\)"),
    "[]": regex.compile(r"\[(?:\p{Nd}{1,3}|\*{1,3})\]"),
}
# A mirrored pair around at most this many characters (")أ(", ")12(", ")A/61/444(",
# ")٥٦ - د(") is evidence on its own; a longer one needs the document's evidence.
TIGHT_INSIDE = 12


def unmirror_brackets(text: str, max_inside: int | None = None) -> str:
    """Flip bracket pairs that open with a closing bracket: ``)أ(`` → ``(أ)``.

    Real examples: ``")أ("`` → ``"(أ)"`` (A/64 report), ``")٥٦ - د("`` → ``"(٥٦ - د)"``
    (A/RES/61/180; the order inside is the line-order fixer's job). The line is changed
    only when every one of its brackets then closes one opened before it (all its brackets
    were mirrored the same way), so balanced text, lone brackets and a line that closes a
    pair from the line before and opens one for the next are left alone. ``max_inside``:
    flip only pairs around at most that many characters (None: any).

    >>> unmirror_brackets(")أ( تيسير تنفيذ البروتوكول")
    '(أ) تيسير تنفيذ البروتوكول'
    >>> unmirror_brackets("المائة)، وفي مجلس النواب (40 في المائة).")
    'المائة)، وفي مجلس النواب (40 في المائة).'
    >>> unmirror_brackets(")، وبخاصة الفقرة 2 من الإعلان 2009(", max_inside=12)
    ')، وبخاصة الفقرة 2 من الإعلان 2009('
    """
    if not any(c in text for c in ")]}"):
        return text
    if _well_formed(_SKELETON_RE.sub("", text)):
        return text  # the common case, checked on the brackets alone
    original = text
    for closer, opener in _CLOSERS.items():
        if closer not in text:
            continue
        fixed, widest = _flip_mirrored(text, opener, closer)
        if max_inside is not None and widest > max_inside:
            continue
        # Accept only a result the fixer leaves as it is: in ") ) (" flipping the inner
        # pair gives ") ( )", which would flip again on a second pass. Such lines are
        # ambiguous and stay as found, so that normalize(normalize(x)) == normalize(x).
        if fixed != text and _flip_mirrored(fixed, opener, closer)[0] == fixed:
            text = fixed
    # All or nothing: a line whose brackets are not all accounted for by mirrored pairs
    # is not a mirrored line (its "pair" is the end of one and the start of another).
    if text != original and not _well_formed(_SKELETON_RE.sub("", text)):
        return original
    return text


def unmirror_bracket_lines(lines: list[Line], ctx: Context) -> list[Line]:
    """Document step: un-mirror the lines whose brackets read backwards, on evidence.

    A line is a candidate when :func:`unmirror_brackets` would make all its brackets well
    formed. A candidate whose flipped pairs are tight (at most ``TIGHT_INSIDE``
    characters inside: ``")أ("``, ``")A/61/444("``) is flipped; a wider pair
    (``")بروتوكول الاتجار بالأشخاص("``) only when the document is mirrored: its runs were
    reversed or its lines visual (an earlier step decided so), or it has at least two
    candidate lines and more of them than lines whose brackets are already well formed.
    The counts are kept in ``facts["brackets"]``.
    """
    if not any(")" in line.text or "]" in line.text or "}" in line.text for line in lines):
        return lines
    candidates: dict[int, str] = {}
    logical = 0
    for i, line in enumerate(lines):
        text = line.text
        if not any(c in text for c in ")]}"):
            continue
        skeleton = _SKELETON_RE.sub("", text)
        if _well_formed(skeleton):
            logical += 1
            continue
        fixed = unmirror_brackets(text)
        if fixed != text:
            candidates[i] = fixed
    if not candidates:
        return lines
    reordered = ctx.facts.get("runs_reversed") is True or "visual_numbers" in ctx.facts
    mirrored_doc = reordered or (len(candidates) >= 2 and len(candidates) > logical)
    ctx.facts["brackets"] = {
        "mirrored_lines": len(candidates),
        "well_formed_lines": logical,
        "document_mirrored": mirrored_doc,
    }
    out = list(lines)
    for i, fixed in candidates.items():
        line = lines[i]
        if not mirrored_doc:
            fixed = unmirror_brackets(line.text, TIGHT_INSIDE)
        if fixed != line.text:
            ctx.record("mirrored_brackets", line.number, line.text, fixed)
            out[i] = Line(line.number, fixed, line.page)
    return out


_SKELETON_RE = regex.compile(r"[^()\[\]{}]+")


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


def _flip_mirrored(text: str, opener: str, closer: str) -> tuple[str, int]:
    """``text`` with its mirrored ``closer … opener`` pairs flipped, and the most
    characters one flipped pair encloses."""
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
    widest = 0
    for i, ch in enumerate(chars):
        if i in skip:
            continue
        if ch == opener:
            if stack and depth == 0:
                j = stack.pop()
                chars[j], chars[i] = opener, closer
                widest = max(widest, i - j - 1)
            else:
                depth += 1
        elif ch == closer:
            if depth > 0:
                depth -= 1
            else:
                stack.append(i)
    return "".join(chars), widest
