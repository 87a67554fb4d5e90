"""An address whose colon and dots stayed on its line when pdfplumber lifted its letters.

In Chromium PDFs pdfplumber gives a footnote's Latin letters and slashes a line above the
visual line they belong to (:mod:`.lifted`, :mod:`.lifted_slashes`); an address's colon and
dots sit lower, with the Arabic, and stay at that line's left end. Real (pdfplumber on
Chromium, note-e-cn7-2024-8-budget, footnote 1 "... انظر
https://www.unodc.org/unodc/en/donors/index.html.")::

    https//wwwunodcorg/unodc/en/donors/indexhtml ( )
    . : . . . رﻈﻧا ،ﻦﻴﺤﻧﺎﻤﻟا ﺐﺴﺣ ... 1

The colon goes after the scheme; the dots where an address has them (after ``www``, before
its domain's ending and a ``un`` before it, before a file's extension), only when those
places are exactly as many as the dots left: the address then takes their place.
"""

from __future__ import annotations

import regex

from ..lines import Line
from .lifted import put_back_pair, restore_lifted
from .pipeline import Context

# The lifted line: one address without its colon, then perhaps a note marker's brackets.
_LIFTED_URL_RE = regex.compile(r"(https?)//([A-Za-z0-9\-]+)((?:/[A-Za-z0-9\-_]*)*)(\s*\(\s*\))?")
# The line's left end: its final stop, then the address's colon and dots, a space apart.
_PUNCT_RUN_RE = regex.compile(r"(\.?)((?: ?[.:])+) (?=\S)")
_ENDINGS = ("org", "int", "com", "net", "edu", "gov")
_EXTENSIONS = ("html", "htm", "pdf", "aspx", "php")


def dotted_address(scheme: str, host: str, path: str, dots: int) -> str | None:
    """The address with its colon and ``dots`` dots where an address has them, or None
    when its places for dots are not exactly that many.

    >>> dotted_address("https", "wwwunodcorg", "/unodc/en/donors/indexhtml", 3)
    'https://www.unodc.org/unodc/en/donors/index.html'
    >>> dotted_address("https", "roadsafetyfundunorg", "", 2)
    'https://roadsafetyfund.un.org'
    >>> dotted_address("https", "wwwunwomenorg", "/en", 3) is None
    True
    """
    ending = next((e for e in _ENDINGS if host.endswith(e) and len(host) > len(e)), None)
    if ending is None:
        return None
    name = host[: -len(ending)]
    places = 1
    www = name.startswith("www") and len(name) > 3
    if www:
        name = name[3:]
        places += 1
    un = name.endswith("un") and len(name) > 2
    if un:
        name = name[:-2]
        places += 1
    last = path.rsplit("/", 1)[-1]
    extension = next((e for e in _EXTENSIONS if last.endswith(e) and len(last) > len(e)), None)
    if extension is not None:
        path = f"{path[: -len(extension)]}.{extension}"
        places += 1
    if places != dots:
        return None
    host = ("www." if www else "") + name + (".un" if un else "") + "." + ending
    return f"{scheme}://{host}{path}"


def restore_lifted_url(lifted: str, line: str) -> tuple[str, str] | None:
    """The lifted address put back at the left end of the visual ``line``, in place of
    its colon and dots (its final stop kept before it); (lifted left, line), or None.

    >>> restore_lifted_url("https//roadsafetyfundunorg ( )", ". : . . رﻈﻧا ،ﺔﻟﻮﻤﻤﻟا 5")
    ('', '.https://roadsafetyfund.un.org رﻈﻧا ،ﺔﻟﻮﻤﻤﻟا (5)')
    """
    m = _LIFTED_URL_RE.fullmatch(lifted.strip())
    run = _PUNCT_RUN_RE.match(line)
    if m is None or run is None:
        return None
    marks = run.group(2).replace(" ", "")
    if marks.count(":") != 1 or not marks.startswith(":"):
        return None
    address = dotted_address(m.group(1), m.group(2), m.group(3), marks.count("."))
    if address is None:
        return None
    fixed = f"{run.group(1)}{address} {line[run.end() :]}"
    rest = (m.group(4) or "").strip()
    if rest:
        rest, fixed = restore_lifted(rest, fixed)
    return rest, fixed


def restore_lifted_url_lines(lines: list[Line], ctx: Context) -> list[Line]:
    """Document step, where the lifted-punctuation step found pdfplumber's lifted lines
    (``facts['lifted_lines']``): :func:`restore_lifted_url` on each lifted address and the
    line below it; a lifted line left empty goes."""
    if not ctx.facts.get("lifted_lines"):
        return lines
    out = list(lines)
    drop: set[int] = set()
    for i in range(len(out) - 1):
        above, below = out[i], out[i + 1]
        if "//" not in above.text or i in drop:
            continue
        done = restore_lifted_url(above.text, below.text)
        if done is None:
            continue
        rest, fixed = done
        put_back_pair(out, drop, i, "lifted_url", ctx, rest, fixed)
    return [line for i, line in enumerate(out) if i not in drop]
