"""Fuzz ``normalize``, ``repair`` and ``parse_text`` with atheris.

Every input must return a result or raise ``UnparseError``; on top of that the
invariants of ``tests/invariants.py`` (idempotence, conservation of Arabic letters,
the fix log replaying the repair, clean output) are asserted, so a violation is a
crash too. See ``fuzz/README.md``.
"""

from __future__ import annotations

import sys
from pathlib import Path

import atheris

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

with atheris.instrument_imports():
    import invariants
    import unparse
    from invariants import FUZZ_ALPHABET


OPTIONS = [
    unparse.Options(),
    unparse.Options(digits="eastern", strip_tatweel=False),
    unparse.Options(digits="keep", keep_diacritics=False),
]


def make_text(data: bytes) -> tuple[str, unparse.Options]:
    fdp = atheris.FuzzedDataProvider(data)
    mode = fdp.ConsumeIntInRange(0, 3)
    options = OPTIONS[fdp.ConsumeIntInRange(0, len(OPTIONS) - 1)]
    if mode == 0:
        text = "".join(FUZZ_ALPHABET[b % len(FUZZ_ALPHABET)] for b in fdp.ConsumeBytes(fdp.remaining_bytes()))
    elif mode == 1:
        text = fdp.ConsumeUnicode(fdp.remaining_bytes())
    elif mode == 2:
        text = fdp.ConsumeBytes(fdp.remaining_bytes()).decode("utf-8", "surrogateescape")
    else:
        # A short fuzzed line repeated: long lines and repeated structure.
        unit = "".join(FUZZ_ALPHABET[b % len(FUZZ_ALPHABET)] for b in fdp.ConsumeBytes(16))
        text = unit * fdp.ConsumeIntInRange(1, 300)
    return text, options


def test_one_input(data: bytes) -> None:
    text, options = make_text(data)
    try:
        result = unparse.repair_text(text, options)
    except unparse.UnparseError:
        return
    invariants.check_clean_output(result.text)
    invariants.check_conservation(text, result)
    invariants.check_fix_log(text, result)
    again = unparse.normalize(result.text, options)
    assert again == result.text, f"not idempotent: {result.text!r} -> {again!r}"
    try:
        doc = unparse.parse_text(text, options)
    except unparse.UnparseError:
        return
    doc.model_dump_json()


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
