"""Public names that cannot collide (issue 14): the function is ``repair_text``; the name
``unparse.repair`` is the subpackage of fixers, and calling it is the deprecated spelling."""

from __future__ import annotations

import importlib
import sys

import pytest

import unparse
from unparse.repair import decisions

TEXT = "الجمعية  العامة\n186/76 - تحسين"


def test_unparse_repair_is_the_subpackage() -> None:
    module = importlib.import_module("unparse.repair")
    assert unparse.repair is module is sys.modules["unparse.repair"]
    assert [step.kind for step in module.STEPS][:2] == ["fingerprint", "pdfium_logical_order"]


def test_a_step_is_named_by_its_function_and_seen_by_its_kind() -> None:
    # Step names are their functions' names (unique, so a step can be found by its name);
    # the kinds users see in the fix log and the decisions stay as they were.
    steps = importlib.import_module("unparse.repair").STEPS
    names = [step.name for step in steps]
    assert len(set(names)) == len(names)
    for step in steps:
        function = step.fixer or step.run
        assert getattr(sys.modules[function.__module__], step.name) is function, step.name
    assert [(s.kind, s.name) for s in steps if s.kind == "kashida"] == [
        ("kashida", "remove_kashida_runs"),
        ("kashida", "remove_raw_kashida_runs"),
    ]
    # Every decision names a step that takes it by that step's kind.
    assert {step for step, _ in decisions._KNOWN.values()} <= {step.kind for step in steps}


def test_a_line_step_records_its_kind() -> None:
    result = unparse.repair_text("لمكافحـة الاتجار")
    assert [(fix.kind, fix.after) for fix in result.fixes] == [("tatweel", "لمكافحة الاتجار")]


def test_the_old_call_still_works_with_a_warning() -> None:
    with pytest.warns(DeprecationWarning, match="repair_text"):
        old = unparse.repair(TEXT)  # type: ignore[operator]
    new = unparse.repair_text(TEXT)
    assert old.text == new.text == "الجمعية العامة\n76/186 - تحسين"
    assert old.fixes == new.fixes


def test_the_public_names() -> None:
    assert "repair_text" in unparse.__all__
    assert "repair" not in unparse.__all__
