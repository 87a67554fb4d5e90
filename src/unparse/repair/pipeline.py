"""The repair pipeline: named steps run in a fixed order, every change recorded.

A *line fixer* is a pure ``str -> str`` function applied to each line; a
*document step* sees all lines at once (for decisions that need evidence from
the whole document, such as whether numbers are reversed or which lines are
running headers). Both are wrapped as :class:`Step`; :func:`run` applies the
steps in order and records a :class:`~unparse.models.Fix` for every line a step
changed, like ftfy's ``fix_and_explain``.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import regex

from ..lines import Line as Line  # re-exported: the fixers import it from here
from ..models import Fix
from ..options import Options

_LONE_SURROGATE_RE = regex.compile(r"[\ud800-\udfff]")


def shown(text: str) -> str:
    """``text`` as a fix records it: a lone surrogate (from a broken decoder) becomes U+FFFD,
    so that the fix log, like the output, is always valid Unicode that encodes to UTF-8."""
    if text.isascii() or not _LONE_SURROGATE_RE.search(text):
        return text
    return _LONE_SURROGATE_RE.sub("\ufffd", text)


@dataclass
class Context:
    """What a document step may read and write besides the lines."""

    options: Options
    fixes: list[Fix] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    # Document-level decisions made by one step and read by later ones or by segmentation.
    facts: dict[str, object] = field(default_factory=dict)
    # The last lines a local step saw or made, joined: consecutive local steps that change
    # nothing share one join instead of each building its own.
    _joined: tuple[list[Line], str] | None = field(default=None, repr=False, compare=False)

    def joined(self, lines: list[Line]) -> str:
        """``lines`` joined with line breaks (cached for the same list object)."""
        if self._joined is not None and self._joined[0] is lines:
            return self._joined[1]
        text = "\n".join(line.text for line in lines)
        self._joined = (lines, text)
        return text

    def remember(self, lines: list[Line], text: str) -> None:
        self._joined = (lines, text)

    # The union of the running steps' trigger classes (set by run_steps), and the trigger
    # characters found in the lines last seen: one scan tells every step whether it has
    # work, instead of one scan per step.
    trigger_re: re.Pattern[str] | None = field(default=None, repr=False, compare=False)
    _present: tuple[list[Line], str] | None = field(default=None, repr=False, compare=False)

    def may_change(self, lines: list[Line], triggers: str) -> bool:
        """False when none of the class ``triggers`` occurs in ``lines``."""
        if self.trigger_re is None:
            return True
        return _class_re(triggers).search(self._trigger_chars(lines)) is not None

    def _trigger_chars(self, lines: list[Line]) -> str:
        assert self.trigger_re is not None
        known = self._present
        if known is not None and known[0] is lines:
            return known[1]
        if known is not None and len(known[0]) == len(lines):
            # Steps keep the Line objects they do not change: only the changed lines are
            # scanned, and what they gained is added (a character they lost may stay listed,
            # which only costs a step a search that finds nothing).
            found = set(known[1])
            for old, new in zip(known[0], lines, strict=True):
                if old is not new:
                    found.update(self.trigger_re.findall(new.text))
        else:
            found = set(self.trigger_re.findall(self.joined(lines)))
        chars = "".join(sorted(found))
        self._present = (lines, chars)
        return chars

    def record(self, kind: str, line: int, before: str, after: str, confidence: float | None = None) -> None:
        self.fixes.append(
            Fix(kind=kind, line=line, before=shown(before), after=shown(after), confidence=confidence)
        )

    def warn(self, message: str) -> None:
        if message not in self.warnings:
            self.warnings.append(message)


DocumentFunc = Callable[[list[Line], Context], list[Line]]


def fix_each_line(lines: list[Line], ctx: Context, kind: str, fixer: Callable[[str], str]) -> list[Line]:
    """``fixer`` on every line, each line it changes recorded as a ``kind`` fix (the lines it
    leaves as they are keep their objects)."""
    out: list[Line] = []
    for line in lines:
        fixed = fixer(line.text)
        if fixed != line.text:
            ctx.record(kind, line.number, line.text, fixed)
            line = Line(line.number, fixed, line.page)
        out.append(line)
    return out


@dataclass(frozen=True)
class Step:
    """A named stage of the pipeline."""

    name: str
    run: DocumentFunc
    enabled: Callable[[Options], bool] = lambda _options: True
    # A regex character-class body (``"\u0640"``): the step can only change text that
    # holds one of these characters (local line steps only).
    triggers: str = ""


@functools.lru_cache(maxsize=64)
def _class_re(body: str) -> re.Pattern[str]:
    return re.compile(f"[{body}]")


def line_step(
    name: str,
    fixer: Callable[[str], str],
    enabled: Callable[[Options], bool] = lambda _options: True,
    *,
    local: bool = False,
    triggers: str = "",
) -> Step:
    """Lift a pure line fixer into a step that records each line it changes.

    A *local* fixer changes characters in place, never across or at a line break and
    never the number of lines; it runs once over the whole text (one regex pass instead
    of one per line), and only lines that differ are recorded. ``triggers``: see
    :attr:`Step.triggers`.
    """

    def run(lines: list[Line], ctx: Context) -> list[Line]:
        if local and lines:
            if triggers and not ctx.may_change(lines, triggers):
                return lines
            joined = ctx.joined(lines)
            fixed_all = fixer(joined)
            if fixed_all == joined:
                return lines
            texts = fixed_all.split("\n")
            if len(texts) == len(lines):
                out_local: list[Line] = []
                for line, fixed in zip(lines, texts, strict=True):
                    if fixed != line.text:
                        ctx.record(name, line.number, line.text, fixed)
                        line = Line(line.number, fixed, line.page)
                    out_local.append(line)
                ctx.remember(out_local, fixed_all)
                return out_local
        return fix_each_line(lines, ctx, name, fixer)

    return Step(name, run, enabled, triggers if local else "")


def option_line_step(
    name: str,
    fixer: Callable[[str, Options], str],
    enabled: Callable[[Options], bool] = lambda _options: True,
    *,
    local: bool = False,
) -> Step:
    """Like :func:`line_step` for a fixer whose behaviour depends on Options."""

    def run(lines: list[Line], ctx: Context) -> list[Line]:
        return line_step(name, lambda text: fixer(text, ctx.options), local=local).run(lines, ctx)

    return Step(name, run, enabled)


def run_steps(steps: Sequence[Step], lines: list[Line], ctx: Context) -> list[Line]:
    ctx.trigger_re = _union_re(tuple(step.triggers for step in steps if step.triggers))
    for step in steps:
        if step.enabled(ctx.options):
            lines = step.run(lines, ctx)
    return lines


@functools.lru_cache(maxsize=8)
def _union_re(classes: tuple[str, ...]) -> re.Pattern[str] | None:
    return _class_re("".join(classes)) if classes else None
