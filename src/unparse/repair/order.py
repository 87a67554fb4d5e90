"""Line-order fixers: lines whose runs, or whose characters, came out in reverse order.

(Being written: see the module's tests.)
"""

from __future__ import annotations

from .pipeline import Context, Line


def reverse_visual_lines(lines: list[Line], ctx: Context) -> list[Line]:
    """Document step: lines whose characters all came out reversed (visual order)."""
    return lines


def reorder_runs(lines: list[Line], ctx: Context) -> list[Line]:
    """Document step: lines whose runs came out right-to-left."""
    return lines
