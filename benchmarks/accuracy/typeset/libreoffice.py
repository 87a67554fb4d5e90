"""The LibreOffice Writer typesetter: a source document as a hand-written ``.docx``,
converted to PDF by ``soffice --headless --convert-to pdf``.

The WordprocessingML is written here with ``zipfile`` (no template): A4 pages, a
right-to-left section, justified right-to-left paragraphs (``w:bidi``, ``w:jc="both"``,
``w:rtl`` on the Arabic runs), Amiri 14 pt for the Arabic text (Noto Naskh Arabic in the
``tight`` style: Writer justifies it with kashida glyphs, which the extractors read as stray
characters inside words, e.g. ``بحماي;;ة`` from pdftotext: a real damage, kept on purpose),
Liberation Serif 12 pt for the Latin runs, the title bold 15 pt, footnotes Noto Naskh Arabic
10 pt, not justified. Real footnotes (a
``footnotes.xml`` part): each reference is a ``w:footnoteReference`` with
``w:customMarkFollows`` and the mark text ``(M)`` (``*`` for the marker ``*``, digits as
the source prints them), superscript and glued to the word before; Writer sets the
footnote at the foot of its page, below a separator rule, starting with the same mark. A
running header holds the symbol and the page number (a ``PAGE`` field), the footer a job
number made from the symbol (``23-26012 (A)``, left-to-right). Title-block lines and the title are
centred, sub-items indented (``item2`` more), headings bold, each annex starts a page
with its label and title centred, closing lines centred.

Writer 7.4 imports a custom footnote mark both as the note's label and as text after the
note ("(1)(1)"), so the ``.docx`` goes to ``.odt`` first (soffice), the repeated text is
dropped from ``content.xml``, and the ``.odt`` goes to PDF (soffice): two conversions, each
with the same fresh profile in a temporary folder; about 2-5 s a document on 2 cores.

Styles (how body paragraphs are separated): ``spaced`` (space after, no indent),
``indented`` (first-line indent only), ``tight`` (neither).

Needs (Debian): apt-get install -y --no-install-recommends libreoffice-writer-nogui
fonts-noto-core fonts-liberation2 (used: LibreOffice 7.4.7.2).
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
import zipfile
import zlib
from pathlib import Path
from xml.sax.saxutils import escape

import regex
from source import REF_RE, Block, Source

STYLES: tuple[str, ...] = ("spaced", "indented", "tight")
TIMEOUT = 180  # seconds for one conversion

ARABIC_FONT = "Amiri"
# The tight style sets its body in Noto Naskh Arabic, which Writer justifies with kashida
# glyphs: extractors read them as stray letters inside words (a real damage, kept on purpose).
BODY_FONTS = {"spaced": "Amiri", "indented": "Amiri", "tight": "Noto Naskh Arabic"}
NOTE_FONT = "Noto Naskh Arabic"
LATIN_FONT = "Liberation Serif"
SANS_FONT = "Liberation Sans"
_LATIN_RE = regex.compile(r"[A-Za-z](?:[A-Za-z0-9/.,:;'\- ]*[A-Za-z0-9.])?")
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
_OFFICE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml"
_TEXT_WIDTH = 11906 - 2 * 1418  # A4 width minus the margins, in twentieths of a point

# Body paragraphs, by style: (space after, first-line indent), in twentieths of a point.
_SEPARATION = {"spaced": (200, 0), "indented": (0, 567), "tight": (0, 0)}


def version() -> str:
    out = subprocess.run(["soffice", "--version"], capture_output=True, text=True, timeout=60).stdout
    words = out.split()
    return " ".join(words[:2]) if len(words) >= 2 else out.strip()


def job_number(symbol: str) -> str:
    """A UN-like job number made from the symbol only: ``23-26012 (A)``."""
    return f"23-{zlib.crc32(symbol.encode()) % 90000 + 10000:05d} (A)"


# --------------------------------------------------------------------------- runs


def _rpr(*, bold: bool = False, size: float | None = None, sup: bool = False, rtl: bool = True) -> str:
    parts = ["<w:b/><w:bCs/>" if bold else ""]
    if size is not None:
        half = round(size * 2)
        parts.append(f'<w:sz w:val="{half}"/><w:szCs w:val="{half}"/>')
    if sup:
        parts.append('<w:vertAlign w:val="superscript"/>')
    if rtl:
        parts.append("<w:rtl/>")
    return f"<w:rPr>{''.join(parts)}</w:rPr>"


def _text_runs(text: str, *, bold: bool = False) -> str:
    """``text`` as runs: Latin stretches left-to-right (Latin font), the rest right-to-left."""
    out: list[str] = []
    last = 0
    pieces: list[tuple[str, bool]] = []
    for m in _LATIN_RE.finditer(text):
        pieces += [(text[last : m.start()], True), (m.group(), False)]
        last = m.end()
    pieces.append((text[last:], True))
    for piece, rtl in pieces:
        if piece:
            out.append(
                f'<w:r>{_rpr(bold=bold, rtl=rtl)}<w:t xml:space="preserve">{escape(piece)}</w:t></w:r>'
            )
    return "".join(out)


class _Notes:
    """The footnotes of one document, numbered in the order of their references."""

    def __init__(self, src: Source) -> None:
        self.src = src
        self.ids: dict[str, int] = {}
        self.parts: list[str] = []

    def mark(self, marker: str) -> str:
        return "*" if marker == "*" else f"({self.src.digits(marker)})"

    def reference(self, marker: str) -> str:
        mark = escape(self.mark(marker))
        rpr = '<w:rPr><w:rStyle w:val="FootnoteReference"/><w:rtl/></w:rPr>'
        if marker in self.ids:  # a second reference to the same note: the mark alone
            return f"<w:r>{rpr}<w:t>{mark}</w:t></w:r>"
        fid = self.ids[marker] = len(self.ids) + 1
        text = self.src.render(self.src.notes[marker])
        self.parts.append(
            f'<w:footnote w:id="{fid}"><w:p><w:pPr><w:pStyle w:val="FootnoteText"/></w:pPr>'
            f'<w:r><w:rPr><w:rtl/></w:rPr><w:t xml:space="preserve"> </w:t></w:r>'
            f"{_text_runs(text)}</w:p></w:footnote>"
        )
        return f'<w:r>{rpr}<w:footnoteReference w:customMarkFollows="1" w:id="{fid}"/><w:t>{mark}</w:t></w:r>'

    def xml(self) -> str:
        seps = (
            '<w:footnote w:type="separator" w:id="-1"><w:p><w:pPr><w:spacing w:after="0"/></w:pPr>'
            '<w:r><w:separator/></w:r></w:p></w:footnote><w:footnote w:type="continuationSeparator" '
            'w:id="0"><w:p><w:pPr><w:spacing w:after="0"/></w:pPr><w:r><w:continuationSeparator/>'
            "</w:r></w:p></w:footnote>"
        )
        return _xml("footnotes", seps + "".join(self.parts))


def _paragraph(src: Source, notes: _Notes, style: str, text: str, *, bold: bool = False) -> str:
    """One paragraph of ``text`` (references as ``[^M]``, digits as in the source)."""
    runs: list[str] = []
    printed: list[str] = []
    last = 0
    for m in REF_RE.finditer(text):
        seg = src.render(text[last : m.start()])
        runs += [_text_runs(seg, bold=bold), notes.reference(m.group(1))]
        printed += [seg, notes.mark(m.group(1))]
        last = m.end()
    seg = src.render(text[last:])
    runs.append(_text_runs(seg, bold=bold))
    printed.append(seg)
    assert "".join(printed) == src.render(text), text  # what is printed is the clean text
    return f'<w:p><w:pPr><w:pStyle w:val="{style}"/></w:pPr>{"".join(runs)}</w:p>'


_STYLE_OF = {
    "head": "Head",
    "title": "DocTitle",
    "summary": "Body",
    "opening": "Body",
    "pre": "Body",
    "para": "Body",
    "text": "Body",
    "item": "Item",
    "item2": "Item2",
    "section1": "Section1",
    "section2": "Section2",
    "closing": "Closing",
}


def _body(src: Source, notes: _Notes) -> str:
    out: list[str] = []
    blocks: list[Block] = src.body_blocks()
    for i, b in enumerate(blocks):
        if b.tag == "annex":
            out.append(_paragraph(src, notes, "AnnexLabel", b.label or "", bold=True))
            if b.text:
                out.append(_paragraph(src, notes, "AnnexTitle", b.text, bold=True))
            continue
        style = _STYLE_OF[b.tag]
        if b.tag == "closing" and (i == 0 or blocks[i - 1].tag != "closing"):
            style = "ClosingFirst"
        out.append(
            _paragraph(src, notes, style, b.printed(), bold=b.tag in ("title", "section1", "section2"))
        )
    return "".join(out)


# --------------------------------------------------------------------------- parts


def _xml(root: str, inner: str) -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<w:{root} xmlns:w="{_W}" xmlns:r="{_R}">{inner}</w:{root}>'
    )


def _pstyle(
    sid: str,
    *,
    jc: str = "both",
    after: int = 0,
    before: int = 0,
    first: int = 0,
    start: int = 0,
    extra: str = "",
    rpr: str = "",
    based: str = "Normal",
    bidi: bool = True,
) -> str:
    ind = f'<w:ind w:start="{start}" w:firstLine="{first}"/>' if start or first else ""
    return (
        f'<w:style w:type="paragraph" w:styleId="{sid}"><w:name w:val="{sid}"/>'
        f'<w:basedOn w:val="{based}"/><w:pPr>{extra}<w:bidi w:val="{int(bidi)}"/>'
        f'<w:spacing w:before="{before}" w:after="{after}"/>{ind}<w:jc w:val="{jc}"/></w:pPr>'
        f"<w:rPr>{rpr}</w:rPr></w:style>"
    )


def _size(pt: float) -> str:
    return f'<w:sz w:val="{round(pt * 2)}"/><w:szCs w:val="{round(pt * 2)}"/>'


def _styles(style: str) -> str:
    after, first = _SEPARATION[style]
    fonts = f'<w:rFonts w:ascii="{LATIN_FONT}" w:hAnsi="{LATIN_FONT}" w:cs="{BODY_FONTS[style]}"/>'
    defaults = (
        f"<w:docDefaults><w:rPrDefault><w:rPr>{fonts}"
        '<w:sz w:val="24"/><w:szCs w:val="28"/><w:lang w:val="en-GB" w:bidi="ar-SA"/></w:rPr>'
        '</w:rPrDefault><w:pPrDefault><w:pPr><w:widowControl/><w:bidi/><w:spacing w:after="0" '
        'w:line="240" w:lineRule="auto"/><w:jc w:val="both"/></w:pPr></w:pPrDefault></w:docDefaults>'
    )
    note_fonts = f'<w:rFonts w:ascii="{LATIN_FONT}" w:hAnsi="{LATIN_FONT}" w:cs="{NOTE_FONT}"/>'
    sans = f'<w:rFonts w:ascii="{SANS_FONT}" w:hAnsi="{SANS_FONT}" w:cs="{ARABIC_FONT}"/>'
    keep = "<w:keepNext/>"
    styles = [
        '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/>'
        '<w:pPr><w:bidi/><w:jc w:val="both"/></w:pPr></w:style>',
        _pstyle("Body", after=after, first=first),
        _pstyle("Item", after=after, first=first, start=567),
        _pstyle("Item2", after=after, first=first, start=1134),
        _pstyle("Head", jc="center", extra=keep),
        _pstyle("DocTitle", jc="center", before=240, after=240, extra=keep, rpr="<w:b/><w:bCs/>" + _size(15)),
        _pstyle("Section1", jc="start", before=240, after=120, extra=keep, rpr="<w:b/><w:bCs/>"),
        _pstyle("Section2", jc="start", before=120, after=120, extra=keep, rpr="<w:b/><w:bCs/>"),
        _pstyle("AnnexLabel", jc="center", after=120, extra=keep + "<w:pageBreakBefore/>"),
        _pstyle("AnnexTitle", jc="center", after=240, extra=keep),
        _pstyle("Closing", jc="center"),
        _pstyle("ClosingFirst", jc="center", before=360),
        _pstyle("FootnoteText", jc="start", after=40, rpr=note_fonts + _size(10)),
        _pstyle(
            "Header",
            jc="start",
            extra=f'<w:tabs><w:tab w:val="end" w:pos="{_TEXT_WIDTH}"/></w:tabs>',
            rpr=sans + _size(9),
        ),
        _pstyle("Footer", jc="left", rpr=sans + _size(8), bidi=False),
        '<w:style w:type="character" w:styleId="FootnoteReference"><w:name w:val="footnote reference"/>'
        '<w:rPr><w:vertAlign w:val="superscript"/></w:rPr></w:style>',
    ]
    return _xml("styles", defaults + "".join(styles))


def _header(src: Source) -> str:
    symbol = src.meta.get("symbol", "")
    page = (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE '
        '</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r>'
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )
    return _xml(
        "hdr",
        f'<w:p><w:pPr><w:pStyle w:val="Header"/></w:pPr><w:r><w:t>{escape(symbol)}</w:t></w:r>'
        f"<w:r><w:tab/></w:r>{page}</w:p>",
    )


def _footer(src: Source) -> str:
    job = escape(job_number(src.meta.get("symbol", "")))
    return _xml("ftr", f'<w:p><w:pPr><w:pStyle w:val="Footer"/></w:pPr><w:r><w:t>{job}</w:t></w:r></w:p>')


def _document(src: Source, notes: _Notes) -> str:
    body = _body(src, notes)
    sect = (
        '<w:sectPr><w:headerReference w:type="default" r:id="rIdHeader"/>'
        '<w:footerReference w:type="default" r:id="rIdFooter"/>'
        '<w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1418" w:right="1418" w:bottom="1418" '
        'w:left="1418" w:header="709" w:footer="709" w:gutter="0"/><w:bidi/></w:sectPr>'
    )
    return _xml("document", f"<w:body>{body}{sect}</w:body>")


def write_docx(src: Source, style: str, out_docx: Path) -> None:
    """``src`` typeset in ``style`` as a WordprocessingML package."""
    if style not in STYLES:
        raise ValueError(f"unknown style {style!r}; one of {STYLES}")
    notes = _Notes(src)
    document = _document(src, notes)
    rels = {
        "rIdStyles": ("styles", "styles.xml"),
        "rIdSettings": ("settings", "settings.xml"),
        "rIdFootnotes": ("footnotes", "footnotes.xml"),
        "rIdHeader": ("header", "header1.xml"),
        "rIdFooter": ("footer", "footer1.xml"),
    }
    parts = {
        "styles.xml": ("styles", _styles(style)),
        "settings.xml": (
            "settings",
            _xml("settings", '<w:footnotePr><w:footnote w:id="-1"/><w:footnote w:id="0"/></w:footnotePr>'),
        ),
        "footnotes.xml": ("footnotes", notes.xml()),
        "header1.xml": ("header", _header(src)),
        "footer1.xml": ("footer", _footer(src)),
    }
    overrides = "".join(
        f'<Override PartName="/word/{name}" ContentType="{_CT}.{kind}+xml"/>'
        for name, (kind, _) in parts.items()
    )
    content_types = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        f'<Override PartName="/word/document.xml" ContentType="{_CT}.document.main+xml"/>{overrides}</Types>'
    )
    doc_rels = "".join(
        f'<Relationship Id="{rid}" Type="{_OFFICE}/{kind}" Target="{target}"/>'
        for rid, (kind, target) in rels.items()
    )
    with zipfile.ZipFile(out_docx, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", content_types)
        z.writestr(
            "_rels/.rels",
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="{_PKG}">'
            f'<Relationship Id="rId1" Type="{_OFFICE}/officeDocument" Target="word/document.xml"/>'
            "</Relationships>",
        )
        z.writestr("word/document.xml", document)
        z.writestr(
            "word/_rels/document.xml.rels",
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="{_PKG}">'
            f"{doc_rels}</Relationships>",
        )
        for name, (_, xml) in parts.items():
            z.writestr(f"word/{name}", xml)


# --------------------------------------------------------------------------- conversion


def _soffice(src: Source, work: Path, target: str, path: Path) -> Path:
    """Convert ``path`` to ``target`` (``odt``, ``pdf``) in ``work``; the converted file."""
    cmd = [
        "soffice",
        f"-env:UserInstallation=file://{work}/profile",
        "--headless",
        "--norestore",
        "--convert-to",
        target,
        "--outdir",
        str(work / target),
        str(path),
    ]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
    try:
        stdout, stderr = proc.communicate(timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.communicate()
        raise RuntimeError(f"soffice timed out after {TIMEOUT} s on {src.name}") from None
    out = work / target / f"{path.stem}.{target}"
    if proc.returncode != 0 or not out.exists():
        raise RuntimeError(
            f"soffice failed to convert {src.name} to {target} (exit {proc.returncode}): "
            f"{(stderr or stdout).decode(errors='replace').strip()[-800:]}"
        )
    return out


_NOTE_RE = regex.compile(r'<text:note-citation text:label="([^"]*)">.*?</text:note>((?:<[^>]+>)*)', regex.S)


def _drop_repeated_marks(odt: Path) -> None:
    """Writer 7.4 imports a ``w:customMarkFollows`` mark as the note's label *and* as text
    after the note: the text copy is dropped from the document's ``content.xml``."""
    with zipfile.ZipFile(odt) as z:
        parts = {i: z.read(i.filename) for i in z.infolist()}
    for info in parts:
        if info.filename == "content.xml":
            xml = parts[info].decode()
            out: list[str] = []
            pos = 0
            for m in _NOTE_RE.finditer(xml):
                out.append(xml[pos : m.end()])
                pos = m.end() + (len(m.group(1)) if xml.startswith(m.group(1), m.end()) else 0)
            parts[info] = ("".join(out) + xml[pos:]).encode()
    with zipfile.ZipFile(odt, "w") as z:
        for info, data in parts.items():
            z.writestr(info, data)


def typeset(src: Source, style: str, out_pdf: Path) -> None:
    """Typeset ``src`` in ``style`` into ``out_pdf`` with LibreOffice Writer."""
    out_pdf = Path(out_pdf)
    with tempfile.TemporaryDirectory(prefix="unparse-lo-") as tmp:
        work = Path(tmp)
        docx = work / f"{src.name}.docx"
        write_docx(src, style, docx)
        # Through ODT: Writer 7.4 repeats custom footnote marks (see _drop_repeated_marks).
        odt = _soffice(src, work, "odt", docx)
        _drop_repeated_marks(odt)
        pdf = _soffice(src, work, "pdf", odt)
        out_pdf.parent.mkdir(parents=True, exist_ok=True)
        shutil.move(str(pdf), out_pdf)
