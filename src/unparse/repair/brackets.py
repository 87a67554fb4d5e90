"""Bracket fixer: un-mirror bracket pairs that a visual-order extraction flipped."""

from __future__ import annotations

_MIRROR = {")": "(", "(": ")", "]": "[", "[": "]", "}": "{", "{": "}", "»": "«", "«": "»"}
_CLOSERS = {")": "(", "]": "[", "}": "{"}


def unmirror_brackets(text: str) -> str:
    """Flip bracket pairs that open with a closing bracket: ``)أ(`` → ``(أ)``.

    Real examples: ``")أ("`` → ``"(أ)"`` (A/64 report), ``")٥٦ - د("`` → ``"(٥٦ - د)"``
    (A/RES/61/180; the order inside is the line-order fixer's job). A bracket is flipped
    only when it has a partner that makes the pair well formed, so balanced text and lone
    brackets are left alone.
    """
    if not any(c in text for c in ")]}"):
        return text
    chars = list(text)
    for closer, opener in _CLOSERS.items():
        stack: list[int] = []  # positions of unmatched closers (candidate mirrored openers)
        depth = 0
        for i, ch in enumerate(chars):
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
