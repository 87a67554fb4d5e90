"""Bracket fixer: un-mirror bracket pairs that a visual-order extraction flipped."""

from __future__ import annotations

import functools

import regex

_MIRROR = {")": "(", "(": ")", "]": "[", "[": "]", "}": "{", "{": "}", "»": "«", "«": "»"}
_CLOSERS = {")": "(", "]": "[", "}": "{"}
_MARKER_RE = {
    "()": regex.compile(r"\((?:\p{Nd}{1,3}|\*{1,3})\)"),
    "[]": regex.compile(r"\[(?:\p{Nd}{1,3}|\*{1,3})\]"),
}


def unmirror_brackets(text: str) -> str:
    """Flip bracket pairs that open with a closing bracket: ``)أ(`` → ``(أ)``.

    Real examples: ``")أ("`` → ``"(أ)"`` (A/64 report), ``")٥٦ - د("`` → ``"(٥٦ - د)"``
    (A/RES/61/180; the order inside is the line-order fixer's job). A bracket is flipped
    only when it has a partner that makes the pair well formed, so balanced text and lone
    brackets are left alone.
    """
    if not any(c in text for c in ")]}"):
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
