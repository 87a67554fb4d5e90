"""Typeset a benchmark source with headless Chromium (Blink layout, Skia's PDF backend).

An HTML page (``dir="rtl" lang="ar"``, A4, print CSS) is written from the source's blocks
and printed with ``chromium --headless --print-to-pdf``. Common to all styles: the title
block centred (the title line bold), headings bold, sub-items indented from the right
(``item2`` twice), footnote references ``(M)`` as ``<sup>``, the marker ``*`` as ``*``,
closing lines centred, each annex on a new page, page numbers in the document's digits.
Styles:

- ``amiri-spaced``: Amiri 13pt, line height 1.6, no first-line indent, space between
  paragraphs; running header in @page margin boxes (symbol top-left, page number
  top-right); the footnotes at the end of the document, smaller, below a short ``<hr>``.
- ``naskh-indent``: Noto Naskh Arabic 12pt, line height 1.45, first-line indent, no
  vertical space between paragraphs; symbol top-left, page number bottom-centre; the
  footnotes at the end of each level-1 section (before the next ``section1`` or annex, and
  at the end of the document), below a short ``<hr>``.

What is printed is ``src.clean_text()`` modulo layout (the footnotes where the style puts
them). Needs (Debian): ``apt-get install chromium fonts-hosny-amiri fonts-noto-core
fonts-dejavu-core``; nothing from pip. About 1-2 s per document (mostly the browser start).
"""

from __future__ import annotations

import functools
import html
import subprocess
import tempfile
from pathlib import Path

from source import Block, Source

STYLES: tuple[str, ...] = ("amiri-spaced", "naskh-indent")
CHROMIUM = "chromium"
TIMEOUT = 120  # seconds per document

_COMMON = """
@page { size: A4; margin: %(margin)s;
  %(header)s }
html, body { margin: 0; padding: 0; }
body { font-family: %(font)s; font-size: %(size)s; line-height: %(lh)s; text-align: justify; }
p { margin: 0 0 %(gap)s 0; text-indent: %(indent)s; orphans: 2; widows: 2; }
p.head, p.title, p.closing, p.annex { text-align: center; text-indent: 0; }
p.head { margin: 0; }
p.title { font-weight: bold; margin: 10pt 0 12pt 0; }
p.opening { text-indent: 0; }
p.item { margin-right: 28pt; text-indent: 0; }
p.item2 { margin-right: 56pt; text-indent: 0; }
p.section1, p.section2 { font-weight: bold; text-indent: 0; margin-top: 8pt;
  page-break-after: avoid; break-after: avoid; }
p.section1 { font-size: 1.08em; }
p.annex { font-weight: bold; margin: 0 0 8pt 0; page-break-after: avoid; }
p.annex-start { page-break-before: always; break-before: page; }
p.closing { margin: 0; }
p.closing-first { margin-top: 14pt; }
sup { font-size: 62%%; line-height: 0; vertical-align: super; }
hr { width: 28%%; margin: 12pt 0 4pt auto; border: 0; border-top: 0.75pt solid black; }
p.fn { font-size: %(fnsize)s; line-height: 1.35; margin: 0 0 2pt 0; text-indent: 0; }
"""

_BOX = "@%s { content: %s; font: 9pt 'DejaVu Sans'; }"

_STYLE = {
    "amiri-spaced": {
        "font": "Amiri",
        "size": "13pt",
        "lh": "1.6",
        "gap": "8pt",
        "indent": "0",
        "fnsize": "10pt",
        "margin": "25mm 22mm 22mm 22mm",
        "boxes": (("top-left", "symbol"), ("top-right", "page")),
        "notes": "document",
    },
    "naskh-indent": {
        "font": "'Noto Naskh Arabic'",
        "size": "12pt",
        "lh": "1.45",
        "gap": "0",
        "indent": "24pt",
        "fnsize": "9.5pt",
        "margin": "22mm 25mm 25mm 25mm",
        "boxes": (("top-left", "symbol"), ("bottom-center", "page")),
        "notes": "section",
    },
}


@functools.lru_cache(maxsize=1)
def version() -> str:
    """``Chromium 156.0.8078.114`` (the first line the browser reports that names it)."""
    out = subprocess.run([CHROMIUM, "--version"], capture_output=True, text=True, timeout=60)
    for line in out.stdout.splitlines():
        if line.startswith("Chromium"):
            return " ".join(line.split()[:2])
    raise RuntimeError(f"chromium --version gave no version: {out.stdout!r} {out.stderr[-300:]!r}")


def _css(src: Source, style: str) -> str:
    st = _STYLE[style]
    counter = "counter(page, arabic-indic)" if src.eastern else "counter(page)"
    symbol = '"' + src.meta.get("symbol", "").replace("\\", "\\\\").replace('"', '\\"') + '"'
    values = {"symbol": symbol, "page": counter}
    header = " ".join(_BOX % (box, values[what]) for box, what in st["boxes"])
    params = {k: v for k, v in st.items() if isinstance(v, str)}
    return _COMMON % {**params, "header": header}


def _inline(src: Source, text: str) -> str:
    """Escaped HTML of ``text`` as printed, references as ``<sup>(M)</sup>``."""
    # quote=False: no ``&#x27;`` whose digits the eastern conversion would change.
    return src.render(html.escape(text, quote=False), ref="<sup>({})</sup>")


def _notes_html(src: Source, markers: list[str]) -> list[str]:
    if not markers:
        return []
    out = ["<hr>"]
    for m in markers:
        mark = "*" if m == "*" else f"({src.digits(m)})"
        out.append(f'<p class="fn">{mark} {html.escape(src.render(src.notes[m]), quote=False)}</p>')
    return out


def _block_html(src: Source, b: Block, cls: str) -> list[str]:
    # Block.printed() may one day hold several lines (e.g. an annex label above its title).
    lines = [line for line in b.printed().split("\n") if line.strip()]
    return [f'<p class="{cls}">{_inline(src, line)}</p>' for line in lines]


def to_html(src: Source, style: str) -> str:
    """The page for ``src`` in ``style``."""
    if style not in _STYLE:
        raise ValueError(f"unknown chromium style {style!r}; known: {', '.join(STYLES)}")
    per_section = _STYLE[style]["notes"] == "section"
    body: list[str] = []
    pending: list[str] = []  # notes first referenced since the last flush
    seen: set[str] = set()
    prev_tag = ""
    for b in src.body_blocks():
        if per_section and b.tag in ("section1", "annex"):
            body.extend(_notes_html(src, pending))
            pending = []
        cls = b.tag
        if b.tag == "annex":
            if b.printed().strip():
                cls += " annex-start"
            else:  # an annex without a title still starts a page
                body.append('<div style="break-before: page; page-break-before: always"></div>')
        if b.tag == "closing" and prev_tag != "closing":
            cls += " closing-first"
        body.extend(_block_html(src, b, cls))
        prev_tag = b.tag
        for m in src.note_order():
            if m not in seen and f"[^{m}]" in b.text:
                seen.add(m)
                pending.append(m)
    body.extend(_notes_html(src, pending))
    symbol = html.escape(src.meta.get("symbol", src.name))
    return (
        '<!DOCTYPE html>\n<html dir="rtl" lang="ar"><head><meta charset="utf-8">'
        f"<title>{symbol}</title><style>{_css(src, style)}</style></head><body>\n"
        + "\n".join(body)
        + "\n</body></html>\n"
    )


def typeset(src: Source, style: str, out_pdf: Path) -> None:
    """Print ``src`` in ``style`` to ``out_pdf`` (A4)."""
    page = to_html(src, style)
    out_pdf = Path(out_pdf).resolve()
    out_pdf.parent.mkdir(parents=True, exist_ok=True)
    out_pdf.unlink(missing_ok=True)
    with tempfile.TemporaryDirectory(prefix="unparse-chromium-") as tmp:
        work = Path(tmp)
        page_file = work / f"{src.name}.html"
        page_file.write_text(page, encoding="utf-8")
        cmd = [
            CHROMIUM,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            f"--user-data-dir={work / 'profile'}",
            "--no-pdf-header-footer",
            f"--print-to-pdf={out_pdf}",
            page_file.as_uri(),
        ]
        try:
            run = subprocess.run(cmd, capture_output=True, text=True, timeout=TIMEOUT)
        except subprocess.TimeoutExpired as e:
            raise RuntimeError(f"chromium: no PDF for {src.name} ({style}) after {TIMEOUT} s") from e
        except FileNotFoundError as e:
            raise RuntimeError("chromium not found: apt-get install chromium") from e
    if run.returncode != 0 or not out_pdf.exists() or out_pdf.stat().st_size == 0:
        raise RuntimeError(
            f"chromium failed on {src.name} ({style}), exit {run.returncode}: {run.stderr.strip()[-600:]}"
        )
