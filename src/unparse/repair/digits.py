"""Digit fixers: one digit system in the output, as ``Options.digits`` says."""

from __future__ import annotations

import regex

from ..options import Options

EASTERN_DIGITS = "٠١٢٣٤٥٦٧٨٩"
_PERSIAN = "۰۱۲۳۴۵۶۷۸۹"
WESTERN_DIGITS = "0123456789"
_TO_WESTERN = str.maketrans(EASTERN_DIGITS + _PERSIAN, WESTERN_DIGITS * 2)
_TO_EASTERN = str.maketrans(WESTERN_DIGITS + _PERSIAN, EASTERN_DIGITS * 2)
# Arabic decimal and thousands separators become "." and "," only between digits.


NON_WESTERN_CLASS = EASTERN_DIGITS + _PERSIAN
# Every digit Arabic text is written or extracted with, as a class's ranges (for ``re`` and
# ``regex``): the kashida repairs look for these, not for any decimal digit of Unicode.
DIGITS = r"0-9\u0660-\u0669\u06f0-\u06f9"
# The same digits, as characters.
DIGIT_CHARS = WESTERN_DIGITS + EASTERN_DIGITS + _PERSIAN
_NON_WESTERN_RE = regex.compile("[" + NON_WESTERN_CLASS + "]+")


def to_western_digits(text: str) -> str:
    """Eastern Arabic-Indic and Persian digits to Western digits.

    Real example (A/RES/61/180): ``"٦١/١٨٠"`` → ``"61/180"``.
    """
    # str.translate maps a non-ASCII string character by character in Python objects;
    # translating only the digit runs is several times faster on long texts.
    if not _NON_WESTERN_RE.search(text):
        return text  # a search costs a fraction of a substitution that finds nothing
    return _NON_WESTERN_RE.sub(lambda m: m.group().translate(_TO_WESTERN), text)


def to_eastern_digits(text: str) -> str:
    """Western and Persian digits to Eastern Arabic-Indic digits, except inside Latin symbols.

    Example: ``"القرار 61/180"`` → ``"القرار ٦١/١٨٠"``; ``"A/61/444"`` stays as it is.
    """
    out: list[str] = []
    latin_run = False
    for ch in text:
        if ch.isascii() and ch.isalpha():
            latin_run = True
        elif ch.isspace() or ("\u0600" <= ch <= "\u06ff" and not ch.isdigit()):
            latin_run = False
        out.append(ch if latin_run else ch.translate(_TO_EASTERN))
    return "".join(out)


def convert_digits(text: str, options: Options) -> str:
    """Apply ``Options.digits`` to a line."""
    if options.digits == "western":
        return to_western_digits(text)
    if options.digits == "eastern":
        return to_eastern_digits(text)
    return text


def digit_triggers(options: Options) -> str:
    """The characters :func:`convert_digits` changes under ``options``, when they are few:
    a text without Eastern or Persian digits is left as it is by ``digits="western"``."""
    return NON_WESTERN_CLASS if options.digits == "western" else ""


def western(text: str) -> str:
    """Digits of any system as Western, for parsing numbers whatever the output style."""
    return text.translate(_TO_WESTERN)
