"""The repair pipeline: named steps run in a fixed order, every change recorded.

A *line fixer* is a pure ``str -> str`` function applied to each line; a
*document step* sees all lines at once (for decisions that need evidence from
the whole document, such as whether numbers are reversed or which lines are
running headers). Both are wrapped as :class:`Step`; :func:`run` applies the
steps in order and records a :class:`~unparse.models.Fix` for every line a step
changed, like ftfy's ``fix_and_explain``.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TypeVar, cast

import regex

from ..lines import Line
from ..models import Fix
from ..options import Options

T = TypeVar("T")

_LONE_SURROGATE_RE = regex.compile(r"[\ud800-\udfff]")


def shown(text: str) -> str:
    """``text`` as a fix records it: a lone surrogate (from a broken decoder) becomes U+FFFD,
    so that the fix log, like the output, is always valid Unicode that encodes to UTF-8."""
    if text.isascii():
        return text
    try:
        text.encode("utf-8")  # fails on a lone surrogate alone, and is faster than a search
    except UnicodeEncodeError:
        return _LONE_SURROGATE_RE.sub("\ufffd", text)
    return text


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
        text = "\n".join([line.text for line in lines])
        self._joined = (lines, text)
        return text

    def remember(self, lines: list[Line], text: str) -> None:
        self._joined = (lines, text)

    _starts: tuple[list[Line], list[int]] | None = field(default=None, repr=False, compare=False)
    _memo: dict[str, tuple[str, object]] = field(default_factory=dict, repr=False, compare=False)
    # What a step keeps for a later one of its kind (never read by segmentation or users).
    caches: dict[str, object] = field(default_factory=dict, repr=False, compare=False)

    def memo(self, name: str, text: str, func: Callable[[str], T]) -> T:
        """``func(text)``, computed again only when ``text`` differs from the text it was last
        computed on under ``name`` (two steps that read the same text between which no
        line changed share one scan; comparing two texts costs far less than a scan)."""
        known = self._memo.get(name)
        if known is not None and known[0] == text:
            return cast(T, known[1])
        value = func(text)
        self._memo[name] = (text, value)
        return value

    def line_starts(self, lines: list[Line]) -> list[int]:
        """Where each of ``lines`` starts in :meth:`joined`, and where the text would go on
        (cached for the same list object): ``bisect_right(starts, pos) - 1`` is the line of
        the character at ``pos``."""
        if self._starts is not None and self._starts[0] is lines:
            return self._starts[1]
        starts = list(itertools.accumulate((len(line.text) + 1 for line in lines), initial=0))
        self._starts = (lines, starts)
        return starts

    # The union of the running steps' trigger classes (set by run_steps), and the trigger
    # characters found in the lines last seen: one scan tells every step whether it has
    # work, instead of one scan per step.
    trigger_re: re.Pattern[str] | None = field(default=None, repr=False, compare=False)
    _present: tuple[list[Line], str] | None = field(default=None, repr=False, compare=False)

    def may_change(self, lines: list[Line], triggers: str) -> bool:
        """False when none of the class ``triggers`` occurs in ``lines``."""
        return self.present(lines, triggers) != ""

    def present(self, lines: list[Line], triggers: str) -> str | None:
        """The characters of the class ``triggers`` that may occur in ``lines`` (a superset),
        or None when the context does not know (outside :func:`run_steps`). The class must
        be part of a running step's ``triggers``."""
        if self.trigger_re is None:
            return None
        return "".join(_class_re(triggers).findall(self._trigger_chars(lines)))

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
            changed = [new.text for old, new in zip(known[0], lines, strict=True) if old is not new]
            if changed:
                # One scan of the changed lines joined: a call per line costs the engine's
                # setup each time.
                found.update(_scan(self.trigger_re, "\n".join(changed)))
        else:
            found = _scan(self.trigger_re, self.joined(lines))
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


def _scan(pattern: re.Pattern[str], text: str) -> set[str]:
    """The characters of the class ``pattern`` in ``text``. A class with characters beyond
    the BMP scans twice as slowly: a text without any (its UTF-16 is two bytes a character)
    is scanned for the rest of the class alone."""
    bmp = len(text.encode("utf-16-le", "surrogatepass")) == 2 * len(text)
    return set((bmp_part(pattern) if bmp else pattern).findall(text))


def _lines_holding(joined: str, starts: list[int], chars: str) -> list[int]:
    """The indexes of the lines (joined with line breaks in ``joined``, starting at
    ``starts``) that hold one of ``chars``: each character found with ``str.find`` (many
    times faster than a class scan), one hit per line."""
    found: set[int] = set()
    for c in chars:
        pos = joined.find(c)
        while pos != -1:
            i = bisect.bisect_right(starts, pos) - 1
            found.add(i)
            pos = joined.find(c, starts[i + 1])
    return sorted(found)


# A fixer call costs the regex engine's setup per line: below one line in this many, calling
# it on each such line is cheaper than one pass over the whole text.
_FEW_LINES = 8


def _fix_some_lines(
    lines: list[Line], ctx: Context, kind: str, fixer: Callable[[str], str], indexes: list[int]
) -> list[Line]:
    """``fixer`` on the lines at ``indexes`` (in order), each change recorded as for
    :func:`fix_each_line`; the other lines are kept as they are."""
    out = lines
    for i in indexes:
        line = lines[i]
        fixed = fixer(line.text)
        if fixed != line.text:
            ctx.record(kind, line.number, line.text, fixed)
            if out is lines:
                out = list(lines)
            out[i] = Line(line.number, fixed, line.page)
    return out


@dataclass(frozen=True)
class Step:
    """A stage of the pipeline: its function, and the label users see it by.

    ``kind`` is that label: the ``Fix.kind`` of every line a line step changes, the
    ``Decision.step`` of a document step's decisions (a document step records its fixes
    under this kind or finer ones: ``remove_page_furniture`` records ``page_number``,
    ``running_symbol`` ...). Fix kinds and decision steps are part of every output (the fix
    log, the JSON, the review page), so they stay as they are. ``name`` is the name of the
    function the step runs (the line fixer of a line step): unique in ``STEPS``.

    >>> from unparse.repair import STEPS
    >>> [(step.kind, step.name) for step in STEPS if step.kind in ("tatweel", "page_furniture")]
    [('tatweel', 'strip_tatweel'), ('page_furniture', 'remove_page_furniture')]
    """

    kind: str
    run: DocumentFunc
    enabled: Callable[[Options], bool] = lambda _options: True
    # A regex character-class body (``"\u0640"``): the step can only change a line that
    # holds one of these characters (local line steps skip the others; a document step's
    # class is scanned with theirs, for it to ask :meth:`Context.present`).
    triggers: str = ""
    # A line step's line fixer (``run`` is then the wrapper that applies it to lines).
    fixer: Callable[..., str] | None = None

    @property
    def name(self) -> str:
        """The name of the function the step runs."""
        return (self.fixer or self.run).__name__


@functools.lru_cache(maxsize=64)
def _class_re(body: str) -> re.Pattern[str]:
    return re.compile(f"[{body}]")


def line_step(
    kind: str,
    fixer: Callable[[str], str],
    enabled: Callable[[Options], bool] = lambda _options: True,
    *,
    local: bool = False,
    triggers: str = "",
) -> Step:
    """Lift a pure line fixer into a step that records each line it changes.

    A *local* fixer changes characters in place, never across or at a line break and
    never the number of lines; it runs once over the whole text (one regex pass instead
    of one per line), or, when the context knows which of its ``triggers`` the text holds
    (:meth:`Context.present`), on the lines that hold one of them; only lines that differ
    are recorded. ``triggers``: see :attr:`Step.triggers`.
    """

    def run(lines: list[Line], ctx: Context) -> list[Line]:
        if local and lines:
            present = ctx.present(lines, triggers) if triggers else None
            if present == "":
                return lines
            if present is not None:
                holding = _lines_holding(ctx.joined(lines), ctx.line_starts(lines), present)
                if len(holding) * _FEW_LINES <= len(lines):
                    # Only the lines that hold a trigger can change: where they are few, the
                    # fixer runs on those alone rather than over the whole text.
                    return _fix_some_lines(lines, ctx, kind, fixer, holding)
            joined = ctx.joined(lines)
            fixed_all = fixer(joined)
            if fixed_all == joined:
                return lines
            texts = fixed_all.split("\n")
            if len(texts) == len(lines):
                out_local: list[Line] = []
                for line, fixed in zip(lines, texts, strict=True):
                    if fixed != line.text:
                        ctx.record(kind, line.number, line.text, fixed)
                        line = Line(line.number, fixed, line.page)
                    out_local.append(line)
                ctx.remember(out_local, fixed_all)
                return out_local
        return fix_each_line(lines, ctx, kind, fixer)

    return Step(kind, run, enabled, triggers if local else "", fixer)


def option_line_step(
    kind: str,
    fixer: Callable[[str, Options], str],
    enabled: Callable[[Options], bool] = lambda _options: True,
    *,
    local: bool = False,
    triggers: Callable[[Options], str] = lambda _options: "",
    scanned: str = "",
) -> Step:
    """Like :func:`line_step` for a fixer whose behaviour depends on Options, and so may
    its ``triggers`` (a part of ``scanned``, the class the context scans for)."""

    def run(lines: list[Line], ctx: Context) -> list[Line]:
        step = line_step(
            kind, lambda text: fixer(text, ctx.options), local=local, triggers=triggers(ctx.options)
        )
        return step.run(lines, ctx)

    return Step(kind, run, enabled, scanned, fixer)


def run_steps(steps: Sequence[Step], lines: list[Line], ctx: Context) -> list[Line]:
    ctx.trigger_re = _union_re(tuple(step.triggers for step in steps if step.triggers))
    for step in steps:
        if step.enabled(ctx.options):
            lines = step.run(lines, ctx)
    return lines


@functools.lru_cache(maxsize=8)
def _union_re(classes: tuple[str, ...]) -> re.Pattern[str] | None:
    return _class_re("".join(classes)) if classes else None


_ASTRAL = "\U00010000-\U0010ffff"
_ASTRAL_PIECE_RE = re.compile(f"[{_ASTRAL}](?:-[{_ASTRAL}])?")
# A range that starts in the BMP and ends beyond it cannot be cut so (nor an escape such as
# "\U000f0000" written in the class): such a class is scanned whole.
_UNCUTTABLE_RE = re.compile(f"[^{_ASTRAL}]-[{_ASTRAL}]|\\\\[UNx]")


@functools.lru_cache(maxsize=8)
def bmp_part(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """The character class ``pattern`` (``"[...]"``) without its characters beyond the BMP:
    the same matches in a text that has none.

    >>> cut = bmp_part(re.compile("[\u0640\ue000-\uf8ff\U000f0000-\U000ffffd*]"))
    >>> cut.pattern == "[\u0640\ue000-\uf8ff*]"
    True
    """
    body = pattern.pattern[1:-1]
    if _UNCUTTABLE_RE.search(body):
        return pattern
    return re.compile(f"[{_ASTRAL_PIECE_RE.sub('', body)}]")
