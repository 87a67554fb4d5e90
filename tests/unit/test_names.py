"""Public names that cannot collide (issue 14): the function is ``repair_text``; the name
``unparse.repair`` is the subpackage of fixers, and calling it is the deprecated spelling."""

from __future__ import annotations

import importlib
import sys

import pytest

import unparse

TEXT = "الجمعية  العامة\n186/76 - تحسين"


def test_unparse_repair_is_the_subpackage() -> None:
    module = importlib.import_module("unparse.repair")
    assert unparse.repair is module is sys.modules["unparse.repair"]
    assert [step.name for step in module.STEPS][:2] == ["fingerprint", "pdfium_logical_order"]


def test_the_old_call_still_works_with_a_warning() -> None:
    with pytest.warns(DeprecationWarning, match="repair_text"):
        old = unparse.repair(TEXT)  # type: ignore[operator]
    new = unparse.repair_text(TEXT)
    assert old.text == new.text == "الجمعية العامة\n76/186 - تحسين"
    assert old.fixes == new.fixes


def test_the_public_names() -> None:
    assert "repair_text" in unparse.__all__
    assert "repair" not in unparse.__all__
