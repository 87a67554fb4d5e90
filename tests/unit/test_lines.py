"""The shared loop of the repair's joining steps (lines.merge_lines)."""

from __future__ import annotations

from unparse.lines import Line, merge_lines


def _join_pairs(lines: list[Line], i: int, out: list[Line]) -> int | None:
    """A line ending in "-" and the line after it become one line, numbered as the second."""
    if not lines[i].text.endswith("-") or i + 1 == len(lines):
        return None
    nxt = lines[i + 1]
    out.append(Line(nxt.number, lines[i].text[:-1] + nxt.text, nxt.page))
    return 2


def test_a_step_that_merges_pairs_leaves_the_other_lines_as_they_are() -> None:
    lines = [Line(1, "أ"), Line(2, "ب-", 1), Line(3, "ج", 1), Line(4, "د"), Line(5, "هـ-")]
    out = merge_lines(lines, _join_pairs)
    assert out == [Line(1, "أ"), Line(3, "بج", 1), Line(4, "د"), Line(5, "هـ-")]
    # The lines the step kept are the input's own, not copies.
    assert out[0] is lines[0] and out[2] is lines[3] and out[3] is lines[4]


def test_a_step_may_change_the_line_before_and_take_several_lines() -> None:
    def step(lines: list[Line], i: int, out: list[Line]) -> int | None:
        # "+" joins the line after it onto the last line made; "..." drops itself and the next two.
        if lines[i].text == "+" and out:
            out[-1] = Line(out[-1].number, out[-1].text + lines[i + 1].text)
            return 2
        return 3 if lines[i].text == "..." else None

    texts = ["أ", "+", "ب", "...", "x", "y", "ج"]
    lines = [Line(n, t) for n, t in enumerate(texts, start=1)]
    assert merge_lines(lines, step) == [Line(1, "أب"), Line(7, "ج")]
    assert merge_lines([], step) == []
