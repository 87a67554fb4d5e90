"""Hostile and broken input, file by file, through the API and the command line.

Every case must end in a result or in one ``UnparseError`` whose message names the file
and says what is wrong; the CLI turns it into one line ``unparse: FILE: reason`` on
stderr and the documented exit code.
"""

from __future__ import annotations

import unparse
from unparse.repair.brackets import unmirror_brackets

# --- Regressions found by the property tests and the fuzzer -------------------------


def test_lone_surrogate_in_fix_log_is_shown_as_replacement_character() -> None:
    # Found by the fuzzer: Fix.before kept the lone surrogate, so Document.model_dump_json()
    # raised PydanticSerializationError (not an UnparseError).
    result = unparse.repair("\ud800الجمعية")
    assert result.text == "الجمعية"
    assert [(f.kind, f.before, f.after) for f in result.fixes] == [
        ("invisible_controls", "\ufffdالجمعية", "الجمعية")
    ]
    unparse.parse_text("\ud800الجمعية\n\udfff").model_dump_json()


def test_superscript_marker_after_stray_bracket_is_idempotent() -> None:
    # Found by the property tests: ")²" became ")(2)", which a second pass turned into "()2)".
    once = unparse.normalize(")²")
    assert once == ")(2)"
    assert unparse.normalize(once) == once
    assert unmirror_brackets(")x(1)") == ")x(1)"  # a footnote marker is never a mirrored partner
    assert unmirror_brackets(")أ(") == "(أ)"  # mirrored pairs are still flipped
