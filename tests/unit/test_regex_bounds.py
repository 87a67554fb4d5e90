"""No regular expression in unparse backtracks catastrophically.

Every compiled pattern of every ``unparse`` module (module-level patterns and dicts of
patterns) is run with ``search`` and ``finditer`` over adversarial lines of 100,000
characters without a newline: thousands of brackets, slashes, asterisks, digits,
tatweels, spaces, and the prefixes the patterns look for, repeated. Each call gets a
generous budget (the ``regex`` module's ``timeout``); a quadratic pattern blows through it
at this length (10^10 steps), a linear one needs milliseconds. Linear growth itself is
measured in ``benchmarks/bench_scaling.py``, not here.

The whole pipeline is run over the same kind of lines in ``test_pipeline_on_long_lines``.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
from itertools import islice

import pytest
import regex

import unparse

N = 100_000
BUDGET_SECONDS = 10.0  # per call; linear patterns take well under 0.1 s
# finditer is followed for this many matches: enough to try the starts after a first match
# (where a failing search from every position is quadratic), without paying for the
# Python objects of 100,000 matches of a pattern that matches every character.
MATCHES = 500

UNITS = [
    "(", ")", "[", "]", "/", "*", "**x", "*a", "1", "١", "1/", "1.", "(1", ")أ(", "*1", "(*", "⁽¹",
    "\u0640", "ـه", "ه\u0640", "ا", "ال ", "الدورة ", "ثالثاً - ", "(أ) ", " ", "\t", "، ", "_", "-",
    "12-", "A", "Aa", "A/", ".",
]  # fmt: skip


def _patterns() -> list[tuple[str, regex.Pattern[str] | re.Pattern[str]]]:
    found: dict[int, tuple[str, regex.Pattern[str] | re.Pattern[str]]] = {}
    for info in pkgutil.walk_packages(unparse.__path__, "unparse."):
        if info.name.startswith("unparse.cli"):
            continue
        module = importlib.import_module(info.name)
        for name, value in vars(module).items():
            values = value.items() if isinstance(value, dict) else [("", value)]
            for key, v in values:
                if isinstance(v, regex.Pattern | re.Pattern) and id(v) not in found:
                    label = f"{info.name}.{name}" + (f"[{key!r}]" if key else "")
                    found[id(v)] = (label, v)
    return sorted(found.values(), key=lambda item: item[0])


PATTERNS = _patterns()


def test_patterns_were_found() -> None:
    names = [name for name, _ in PATTERNS]
    assert "unparse.repair.furniture.PAGE_NUMBER_RE" in names
    assert len(names) > 30


@pytest.mark.parametrize(("name", "pattern"), PATTERNS, ids=[name for name, _ in PATTERNS])
def test_no_catastrophic_backtracking(name: str, pattern: regex.Pattern[str] | re.Pattern[str]) -> None:
    for unit in UNITS:
        line = (unit * (N // len(unit) + 1))[:N]
        for text in (line, "x" + line + "!"):
            if isinstance(pattern, regex.Pattern):
                try:
                    pattern.search(text, timeout=BUDGET_SECONDS)
                    for _ in islice(pattern.finditer(text, timeout=BUDGET_SECONDS), MATCHES):
                        pass
                except TimeoutError:
                    pytest.fail(f"{name} takes over {BUDGET_SECONDS}s on {unit!r} * {N // len(unit)}")
            else:  # a stdlib pattern: no timeout, but it must at least finish
                pattern.search(text)
                for _ in islice(pattern.finditer(text), MATCHES):
                    pass


@pytest.mark.parametrize("unit", ["(", ")(", "/", "1/", "*", "**x", "١", "\u0640", "ـه", " ", "ال ", "A/"])
def test_pipeline_on_long_lines(unit: str) -> None:
    """normalize and parse_text finish on a 100,000-character line of each kind."""
    text = (unit * (N // len(unit) + 1))[:N]
    out = unparse.normalize(text)
    assert unparse.parse_text(text).text == out
