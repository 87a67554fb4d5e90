"""Typeset the fixture source texts with real, independent typesetters.

The fixtures of tests/fixtures/pdf/ are typeset by our own script (HarfBuzz + Amiri, PDF
written by hand); this one hands the same source texts (``tests/fixtures/pdf/NAME.txt``,
convention in scripts/fixture_sources.py) to real producers, so that the reader is
tested on layouts, fonts and content streams it was not tuned on:

- ``chromium``: headless Chromium (Skia's PDF backend) prints an HTML page
  (``dir="rtl" lang="ar"``, Amiri, A5): running header (symbol, page number) and job
  number in @page margin boxes, first-line indents, sub-items indented, footnote
  references as ``<sup>N</sup>``, the footnotes at the end of the document below a short
  ``<hr>``, smaller.
- ``libreoffice``: LibreOffice Writer converts a flat ODT (``.fodt``) written here: Noto
  Naskh Arabic, right-to-left paragraphs, real footnotes (``text:note``, set by Writer at
  the foot of the page of their reference below its separator rule, numbered ``(N)``),
  header (symbol, page number field) and footer (job number).

Each output is ``tests/fixtures/pdf/typesetters/NAME.TYPESETTER.pdf`` (two A5 pages each).
The PDFs are committed: the tests need neither program.

Needs (Debian): apt-get install -y --no-install-recommends libreoffice-writer-nogui
chromium fonts-hosny-amiri fonts-noto-core (used: LibreOffice 7.4.7, Chromium 156).
Run:
    python scripts/make_typesetter_pdfs.py [NAME ...]
"""

from __future__ import annotations

import html
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

import regex
from fixture_sources import FIXTURES, FOOTNOTE_RE, REF_RE, Fixture, split_source

ROOT = Path(__file__).resolve().parent.parent
SRC = ROOT / "tests" / "fixtures" / "pdf"
OUT = SRC / "typesetters"


@dataclass
class Block:
    text: str
    kind: str  # centered, heading, para, numbered, subitem
    bold: bool
    notes: dict[str, str]  # marker → footnote text


def parse_source(text: str, fx: Fixture) -> list[Block]:
    blocks = []
    for b in split_source(text, fx):
        notes = {}
        for line in b.notes:
            m = FOOTNOTE_RE.match(line)
            assert m is not None
            notes[m.group(1)] = line[m.end() :]
        blocks.append(Block(b.text, b.kind, b.bold, notes))
    return blocks


# --------------------------------------------------------------------------- Chromium

_CSS = """
@page { size: A5; margin: 22mm 16mm 20mm 16mm;
  @top-left { content: "%(symbol)s"; font: 9pt 'DejaVu Sans'; }
  @top-right { content: counter(page); font: 9pt 'DejaVu Sans'; }
  @bottom-left { content: "%(job)s"; font: 8pt 'DejaVu Sans'; } }
body { font-family: Amiri; font-size: 12pt; line-height: 1.5; margin: 0; text-align: justify; }
p { margin: 0 0 5pt 0; }
p.para, p.numbered { text-indent: 18pt; }
p.subitem { margin-right: 28pt; }
p.centered { text-align: center; }
p.heading { font-weight: bold; margin-top: 6pt; }
.b { font-weight: bold; }
hr { width: 30%%; margin: 10pt 0 4pt auto; border: 0; border-top: 0.75pt solid black; }
p.fn { font-size: 9.5pt; line-height: 1.35; margin: 0 0 2pt 0; }
sup { font-size: 65%%; line-height: 0; }
"""


def to_html(fx: Fixture, blocks: list[Block]) -> str:
    body: list[str] = []
    notes: list[str] = []
    for b in blocks:
        text = html.escape(b.text)
        text = REF_RE.sub(lambda m: f"<sup>{m.group(1)}</sup>", text)
        cls = b.kind + (" b" if b.bold else "")
        body.append(f'<p class="{cls}">{text}</p>')
        notes.extend(f'<p class="fn">({k}) {html.escape(v)}</p>' for k, v in b.notes.items())
    if notes:
        body.append("<hr>")
        body.extend(notes)
    css = _CSS % {"symbol": fx.symbol, "job": fx.job}
    return (
        '<!DOCTYPE html>\n<html dir="rtl" lang="ar"><head><meta charset="utf-8">'
        f"<title>{fx.symbol}</title><style>{css}</style></head><body>\n"
        + "\n".join(body)
        + "\n</body></html>\n"
    )


def chromium(fx: Fixture, blocks: list[Block], work: Path) -> Path:
    src = work / f"{fx.name}.html"
    src.write_text(to_html(fx, blocks), encoding="utf-8")
    out = work / f"{fx.name}.chromium.pdf"
    subprocess.run(
        [
            "chromium",
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-pdf-header-footer",
            f"--print-to-pdf={out}",
            src.as_uri(),
        ],
        check=True,
        capture_output=True,
    )
    return out


# --------------------------------------------------------------------------- LibreOffice

_NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
    'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"'
)
_FONT = "Noto Naskh Arabic"


def _text_props(size: float, bold: bool = False) -> str:
    weight = ' fo:font-weight="bold" style:font-weight-complex="bold"' if bold else ""
    return (
        f'<style:text-properties style:font-name="{_FONT}" style:font-name-complex="{_FONT}" '
        f'fo:font-size="{size}pt" style:font-size-complex="{size}pt" '
        f'style:language-complex="ar" style:country-complex="EG"{weight}/>'
    )


def _para_style(
    name: str, align: str, size: float, bold: bool = False, extra: str = "", after: str = "0.15cm"
) -> str:
    return (
        f'<style:style style:name="{name}" style:family="paragraph">'
        f'<style:paragraph-properties style:writing-mode="rl-tb" fo:text-align="{align}" '
        f'fo:margin-bottom="{after}" {extra}/>{_text_props(size, bold)}</style:style>'
    )


def to_fodt(fx: Fixture, blocks: list[Block]) -> str:
    styles = "".join(
        [
            _para_style("centered", "center", 12),
            _para_style("centeredb", "center", 12, bold=True),
            _para_style("heading", "start", 12, bold=True, extra='fo:margin-top="0.2cm"'),
            _para_style("para", "justify", 12, extra='fo:text-indent="0.6cm"'),
            _para_style("numbered", "justify", 12, extra='fo:text-indent="0.6cm"'),
            _para_style("subitem", "justify", 12, extra='fo:margin-right="1cm"'),
            _para_style("Footnote", "justify", 9.5, after="0.05cm"),
            _para_style("Header", "start", 9),
            _para_style("Footer", "start", 8),
        ]
    )
    body: list[str] = []
    # A footnote's text follows the paragraph the separator follows, not always the one citing it.
    notes = {k: v for b in blocks for k, v in b.notes.items()}
    for b in blocks:
        style = "centeredb" if b.kind == "centered" and b.bold else b.kind
        text = html.escape(b.text, quote=False)

        def note(m: regex.Match[str]) -> str:
            marker = m.group(1)
            content = html.escape(notes.get(marker, ""), quote=False)
            return (
                f'<text:note text:id="ftn{marker}" text:note-class="footnote">'
                f"<text:note-citation>{marker}</text:note-citation><text:note-body>"
                f'<text:p text:style-name="Footnote">{content}</text:p></text:note-body></text:note>'
            )

        text = REF_RE.sub(note, text)
        body.append(f'<text:p text:style-name="{style}">{text}</text:p>')
    page = (
        '<style:page-layout style:name="pm1"><style:page-layout-properties fo:page-width="14.8cm" '
        'fo:page-height="21cm" fo:margin-top="1.2cm" fo:margin-bottom="1.2cm" fo:margin-left="1.8cm" '
        'fo:margin-right="1.8cm" style:writing-mode="rl-tb">'
        '<style:footnote-sep style:width="0.018cm" style:distance-before-sep="0.1cm" '
        'style:distance-after-sep="0.1cm" style:line-style="solid" style:adjustment="right" '
        'style:rel-width="25%" style:color="#000000"/></style:page-layout-properties>'
        '<style:header-style><style:header-footer-properties fo:min-height="0cm" '
        'fo:margin-bottom="0.5cm"/></style:header-style>'
        '<style:footer-style><style:header-footer-properties fo:min-height="0cm" '
        'fo:margin-top="0.5cm"/></style:footer-style></style:page-layout>'
    )
    master = (
        '<style:master-page style:name="Standard" style:page-layout-name="pm1">'
        f'<style:header><text:p text:style-name="Header">{fx.symbol}<text:tab/>'
        '<text:page-number text:select-page="current">1</text:page-number></text:p></style:header>'
        f'<style:footer><text:p text:style-name="Footer">{html.escape(fx.job)}</text:p></style:footer>'
        "</style:master-page>"
    )
    # Writer numbers footnotes itself: in Eastern Arabic digits where the source has them.
    eastern = any("٠" <= k[0] <= "٩" for k in notes)
    digits = "١, ٢, ٣, ..." if eastern else "1"
    notes_conf = (
        f'<text:notes-configuration text:note-class="footnote" style:num-format="{digits}" '
        'style:num-prefix="(" style:num-suffix=")" text:start-value="0" '
        'text:footnotes-position="page" text:start-numbering-at="document"/>'
    )
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document {_NS} office:version="1.3" '
        'office:mimetype="application/vnd.oasis.opendocument.text">'
        f'<office:font-face-decls><style:font-face style:name="{_FONT}" '
        f'svg:font-family="&apos;{_FONT}&apos;"/>'
        "</office:font-face-decls>"
        f"<office:styles>{styles}{notes_conf}</office:styles>"
        f"<office:automatic-styles>{page}</office:automatic-styles>"
        f"<office:master-styles>{master}</office:master-styles>"
        "<office:body><office:text>" + "".join(body) + "</office:text></office:body></office:document>\n"
    )


def libreoffice(fx: Fixture, blocks: list[Block], work: Path) -> Path:
    src = work / f"{fx.name}.libreoffice.fodt"
    src.write_text(to_fodt(fx, blocks), encoding="utf-8")
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{work}/lo-profile",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(work),
            str(src),
        ],
        check=True,
        capture_output=True,
    )
    return work / f"{fx.name}.libreoffice.pdf"


TYPESETTERS = {"chromium": chromium, "libreoffice": libreoffice}


def main(names: list[str]) -> None:
    OUT.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        for fx in FIXTURES:
            if names and fx.name not in names:
                continue
            blocks = parse_source((SRC / f"{fx.name}.txt").read_text(encoding="utf-8"), fx)
            for typesetter, make in TYPESETTERS.items():
                pdf = make(fx, blocks, work)
                target = OUT / f"{fx.name}.{typesetter}.pdf"
                shutil.copyfile(pdf, target)
                print(f"{target.relative_to(ROOT)}: {target.stat().st_size} bytes")


if __name__ == "__main__":
    main(sys.argv[1:])
