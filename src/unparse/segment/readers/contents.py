"""The contents reader: a contents list's title, its "page" column head, and its entries
(text, dot leaders, page number), kept to be checked against the headings of the text."""

from __future__ import annotations

from ...lines import Line
from ...models import Section
from ..patterns import CONTENTS_RE, PAGE_COLUMN_RE, TOC_PAGE_RE
from ..reading import Body, Reading, State


def read_contents(r: Reading, index: int, line: Line, text: str) -> bool:
    """A line of a contents list: from its title ``المحتويات`` to the first line that is not
    an entry ending with a page number."""
    if CONTENTS_RE.match(text) and r.state in (State.HEADER, State.NUMBERED):
        r.in_contents = True
        return True
    if not r.in_contents:
        return False
    if PAGE_COLUMN_RE.match(text):
        return True
    page = TOC_PAGE_RE.search(text)
    entry = text[: page.start()].rstrip(" .…") if page else ""
    if not entry:
        r.in_contents = False
        return False
    r.body.contents.append((entry, line))
    return True


def check_contents(body: Body, sections: list[Section]) -> list[str]:
    """A contents entry names a heading of the text; one that names none is reported."""
    names: set[str] = set()
    for s in sections:
        names.update({s.label, s.title, f"{s.label} - {s.title}", f"{s.label} {s.title}"})
    squashed = {" ".join(n.split()) for n in names if n}
    return [
        f"line {line.number}: contents entry without a heading in the text: {entry[:80]}"
        for entry, line in body.contents
        if " ".join(entry.split()) not in squashed
    ]
