"""The stages import one way (README, "Architecture"): the reader (``read/``) and the repair
(``repair/``) never import each other, and neither imports a later stage; what they share
lives in the shared modules. Module-level imports are checked (an import inside a function,
such as the deprecated ``unparse.repair(text)`` reaching ``api``, runs only when called)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from unparse.lines import Line, blocks
from unparse.repair import notes
from unparse.segment import patterns

SRC = Path(__file__).resolve().parents[2] / "src" / "unparse"
# For each stage, the parts of unparse it must not import.
FORBIDDEN = {
    "read": {"repair", "segment", "export", "batch", "api", "cli"},
    "repair": {"read", "segment", "export", "batch", "api", "cli"},
    "segment": {"read", "export", "batch", "api", "cli"},
}


def _imported(path: Path) -> set[str]:
    """The first part below ``unparse`` of every module ``path`` imports at module level."""
    package = list(path.relative_to(SRC).parent.parts)
    found: set[str] = set()
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - node.level + 1]
                parts = base + (node.module.split(".") if node.module else [])
                names = [parts] if parts else [[alias.name] for alias in node.names]
            elif node.module and node.module.split(".")[0] == "unparse":
                names = [node.module.split(".")[1:] or [alias.name for alias in node.names][:1]]
            else:
                continue
            found.update(n[0] for n in names if n)
        elif isinstance(node, ast.Import):
            found.update(a.name.split(".")[1] for a in node.names if a.name.startswith("unparse."))
    return found


@pytest.mark.parametrize("stage", sorted(FORBIDDEN))
def test_a_stage_imports_no_later_stage(stage: str) -> None:
    modules = sorted((SRC / stage).rglob("*.py"))
    assert len(modules) > 3
    for path in modules:
        assert not _imported(path) & FORBIDDEN[stage], path.relative_to(SRC)


def test_the_import_reader_sees_relative_imports() -> None:
    # The check above would pass on a reader that found nothing: it finds what is there.
    assert _imported(SRC / "repair" / "furniture.py") == {"arabic", "lines", "repair", "symbols"}
    assert _imported(SRC / "read" / "layout" / "records.py") == {"lines", "read", "symbols"}
    assert _imported(SRC / "segment" / "readers" / "body.py") == {"lines", "repair", "segment"}


def test_blocks_end_at_blank_lines_and_by_number_at_gaps() -> None:
    # The notes step's case (sg-a-78-267-disaster-risk, markdown): a paragraph cut by its
    # page's note; a line the furniture step took away (4) joins the lines around it.
    lines = [
        Line(1, "5- وتظهر النتائج تفاوتا كبيرا ... من الناتج المحلي"),
        Line(2, ""),
        Line(3, "(1) قرار الجمعية العامة 69/283، المرفق الثاني."),
        Line(5, "الإجمالي في البلدان المرتفعة الدخل."),
        Line(6, "   "),
    ]
    assert blocks(lines) == [(0, 1), (2, 4)]
    # The header's lines come without their blank lines: the gaps end its blocks.
    assert blocks(lines, by_number=True) == [(0, 1), (2, 3), (3, 4)]
    assert blocks([]) == [] and blocks([Line(1, " ")], by_number=True) == []


@pytest.mark.parametrize(
    "text",
    ["5- وتظهر", "5 - وتظهر", "- 16 - إن", "١٢ - تقرر", "3. يقرر", "7 -", "5-2 من", "2.5 في", "1234 - x"],
)
def test_the_repair_and_the_segmenter_read_one_paragraph_number_shape(text: str) -> None:
    # The notes step (a shorter cut will do after a paragraph number) and the segmenter (a
    # numbered paragraph) agree on every line.
    assert bool(notes._NUMBERED_RE.match(text)) == bool(patterns.NUMBERED_RE.match(text))
    assert bool(patterns.NUMBERED_RE.match(text)) == (
        text in {"5- وتظهر", "5 - وتظهر", "- 16 - إن", "١٢ - تقرر", "3. يقرر", "7 -"}
    )
