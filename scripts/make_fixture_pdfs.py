"""Build the fixture PDFs of tests/fixtures/pdf/ from their source texts.

Each ``tests/fixtures/pdf/NAME.txt`` is both the source and the expected result: one
paragraph per line, a blank line between paragraphs, footnotes as ``(N) text`` lines
after a ``_______________`` line (after the paragraph that refers to them). This script
typesets it the way a word processor would: HarfBuzz shaping with the Amiri font (from
the PyPI package fontpkg-amiri), the Unicode bidi algorithm (fpdf2's implementation) for
the display order, justified lines, first-line indents, hanging paragraph numbers,
indented sub-items, superscript footnote references, the footnotes at the foot of the
page of their reference below a short rule, a running header (document symbol and page
number) and a job number at the foot of every page. The PDF is written by hand (Type0
font, Identity-H, ToUnicode map) so that each fixture can choose what real producers
differ in: the content-stream order of the glyphs (``visual``, left to right as fpdf2
and many typesetters write it, or ``logical``, in reading order), whether space glyphs
are drawn, and whether the ToUnicode map gives base letters or presentation forms.

Needs (not at run time of the tests: the PDFs are committed):
    pip install uharfbuzz fonttools fpdf2 fontpkg-amiri
Run:
    python scripts/make_fixture_pdfs.py
"""

from __future__ import annotations

import io
import unicodedata
import zlib
from dataclasses import dataclass, field
from pathlib import Path

import fontpkg_amiri  # type: ignore[import-not-found]
import uharfbuzz as hb  # type: ignore[import-not-found]
from fixture_sources import FIXTURES, FOOTNOTE_RE, REF_RE, Fixture, split_source
from fontTools import subset  # type: ignore[import-not-found]
from fontTools.ttLib import TTFont  # type: ignore[import-not-found]
from fpdf.bidi import BidiParagraph  # type: ignore[import-not-found]
from fpdf.enums import TextDirection  # type: ignore[import-not-found]

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "tests" / "fixtures" / "pdf"
FONTS = Path(fontpkg_amiri.ROOT) / "files"

PAGE_W, PAGE_H = 420.0, 595.0  # A5
LEFT, RIGHT = 50.0, 370.0
TOP, BOTTOM = 70.0, 540.0
SIZE, NOTE_SIZE, SUP_SCALE = 12.0, 9.5, 0.6
LEADING, NOTE_LEADING, PARA_GAP = 19.0, 14.0, 8.0


class Face:
    """A font: HarfBuzz for shaping, fontTools for metrics, names and subsetting."""

    def __init__(self, path: Path, pdf_name: str, presentation_forms: bool) -> None:
        self.path = path
        self.pdf_name = pdf_name
        self.hb = hb.Font(hb.Face(hb.Blob.from_file_path(str(path))))
        self.tt = TTFont(str(path))
        self.upem = self.tt["head"].unitsPerEm
        self.order = self.tt.getGlyphOrder()
        self.nominal: dict[int, str] = {}
        for cp, name in sorted(self.tt.getBestCmap().items()):
            self.nominal.setdefault(self.tt.getGlyphID(name), chr(cp))
        self.presentation_forms = presentation_forms
        self.to_unicode: dict[int, str] = {}
        self.widths: dict[int, int] = {}

    def shape(self, text: str, rtl: bool) -> list[tuple[int, int, int, int, int]]:
        """(gid, cluster, x advance, x offset, y offset) in visual order, font units."""
        buf = hb.Buffer()
        buf.add_str(text)
        buf.direction = "rtl" if rtl else "ltr"
        buf.script = "Arab" if rtl else "Latn"
        buf.language = "ar"
        buf.cluster_level = hb.BufferClusterLevel.MONOTONE_CHARACTERS
        hb.shape(self.hb, buf, {"liga": False, "dlig": False, "calt": False})
        return [
            (i.codepoint, i.cluster, p.x_advance, p.x_offset, p.y_offset)
            for i, p in zip(buf.glyph_infos, buf.glyph_positions, strict=True)
        ]

    def note(self, gid: int, text: str, advance: int) -> None:
        """Record what a glyph stands for (its ToUnicode entry) the first time it is drawn."""
        self.widths.setdefault(gid, advance)
        if gid in self.to_unicode:
            return
        if gid in self.nominal:
            self.to_unicode[gid] = self.nominal[gid]
            return
        if self.presentation_forms and len(text) == 1:
            form = self.order[gid].split(".")[-1] if "." in self.order[gid] else ""
            pf = _presentation_form(text, form)
            if pf:
                self.to_unicode[gid] = pf
                return
        self.to_unicode[gid] = text or "\u200b"


_FORM_TAGS = {"init": "<initial>", "medi": "<medial>", "fina": "<final>", "isol": "<isolated>"}


def _presentation_form(ch: str, form: str) -> str | None:
    tag = _FORM_TAGS.get(form[:4])
    if not tag:
        return None
    for cp in range(0xFE70, 0xFF00):
        dec = unicodedata.decomposition(chr(cp))
        if dec.startswith(tag) and chr(int(dec.split()[1], 16)) == ch and len(dec.split()) == 2:
            return chr(cp)
    return None


@dataclass
class PGlyph:
    gid: int
    x: float
    baseline: float  # from the top
    size: float
    logical: int
    font: int  # 0 regular, 1 bold


@dataclass
class Page:
    lines: list[list[PGlyph]] = field(default_factory=list)
    rules: list[tuple[float, float, float]] = field(default_factory=list)  # x0, x1, y from top


def shape_line(text: str, faces: list[Face], font: int, size: float, refs: set[int]) -> list[PGlyph]:
    """One line, displayed right to left with the bidi algorithm; x from 0, left to right."""
    face = faces[font]
    para = BidiParagraph(text, base_direction=TextDirection.RTL)
    chars = para.get_characters()
    # UBA rule W4: a common separator ("/", ".", ",", ":") between two digits takes their
    # level; "-" (a European separator) only between European numbers, not between the
    # Arabic numbers that digits become after an Arabic letter (W2): "الغاية 5-2" is
    # displayed "2-5", as LibreOffice and Chromium display it.
    for i in range(1, len(chars) - 1):
        before, sep, after = chars[i - 1], chars[i], chars[i + 1]
        if not (before.character.isdigit() and after.character.isdigit()):
            continue
        european = before.bidi_class == after.bidi_class == "EN"
        if sep.character in "/.,:" or (sep.character == "-" and european):
            sep.embedding_level = before.embedding_level
    visual = para.get_reordered_characters()
    runs: list[list[int]] = []
    for ch in visual:
        rtl = ch.embedding_level % 2 == 1
        if runs and (runs[-1][0] == rtl) and abs(ch.character_index - runs[-1][-1]) == 1:
            runs[-1].append(ch.character_index)
        else:
            runs.append([int(rtl), ch.character_index])
    out: list[PGlyph] = []
    x = 0.0
    for run in runs:
        rtl, idx = bool(run[0]), run[1:]
        start, end = min(idx), max(idx) + 1
        shaped = face.shape(text[start:end], rtl)
        clusters = [*sorted({c for _, c, _, _, _ in shaped}), end - start]
        # What each glyph stands for: a cluster of as many glyphs as characters maps one to
        # one in reading order (HarfBuzz gives RTL glyphs in visual order: reversed); else the
        # first glyph in reading order stands for the whole cluster, the others for nothing.
        members: dict[int, list[int]] = {}
        for k, (_, cl, _, _, _) in enumerate(shaped):
            members.setdefault(cl, []).append(k)
        meaning: dict[int, str] = {}
        for cl, ks in members.items():
            nxt = clusters[clusters.index(cl) + 1]
            chunk = text[start + cl : start + nxt]
            ordered = list(reversed(ks)) if rtl else ks
            if len(ordered) == len(chunk):
                meaning.update(zip(ordered, chunk, strict=True))
            else:
                meaning.update({k: ("\u200b" if n else chunk) for n, k in enumerate(ordered)})
        for k, (gid, cl, adv, xoff, _yoff) in enumerate(shaped):
            logical = start + cl
            face.note(gid, meaning[k], adv)
            is_ref = logical in refs
            gsize = size * SUP_SCALE if is_ref else size
            out.append(
                PGlyph(
                    gid, x + xoff * gsize / face.upem, -0.4 * size if is_ref else 0.0, gsize, logical, font
                )
            )
            x += adv * gsize / face.upem
    return out


def width_of(glyphs: list[PGlyph], faces: list[Face]) -> float:
    if not glyphs:
        return 0.0
    last = max(glyphs, key=lambda g: g.x)
    return last.x + faces[last.font].widths[last.gid] * last.size / faces[last.font].upem


def ref_positions(text: str) -> tuple[str, set[int], list[str]]:
    """The text with its footnote references, the character positions they take, their markers."""
    positions: set[int] = set()
    markers: list[str] = []
    for m in REF_RE.finditer(text):
        positions.update(range(m.start(), m.end()))
        markers.append(m.group(1))
    return text, positions, markers


def break_lines(
    text: str,
    width: float,
    faces: list[Face],
    font: int,
    size: float,
    first_indent: float,
    indent: float,
    hang: str | None = None,
) -> list[tuple[str, set[int], float]]:
    """Greedy line breaking: (line text, reference positions in it, right indent)."""
    words = text.split(" ")
    lines: list[tuple[str, set[int], float]] = []
    cur: list[str] = []
    avail = width - first_indent
    for w in words:
        trial = " ".join([*cur, w])
        _, refs, _ = ref_positions(trial)
        if cur and width_of(shape_line(trial, faces, font, size, refs), faces) > avail:
            line = " ".join(cur)
            lines.append((line, ref_positions(line)[1], width - avail))
            cur = [w]
            avail = width - indent
        else:
            cur.append(w)
    if cur:
        line = " ".join(cur)
        lines.append((line, ref_positions(line)[1], width - avail))
    return lines


@dataclass
class Block:
    text: str
    kind: str  # centered, heading, para, numbered, subitem
    bold: bool = False
    notes: list[str] = field(default_factory=list)


def parse_source(text: str, fx: Fixture) -> list[Block]:
    return [Block(b.text, b.kind, b.bold, b.notes) for b in split_source(text, fx)]


def typeset(fx: Fixture, blocks: list[Block], faces: list[Face]) -> list[Page]:
    pages: list[Page] = [Page()]
    y = TOP
    notes_on_page: list[list[tuple[str, set[int], float]]] = []
    width = RIGHT - LEFT

    def notes_height(extra: list[list[tuple[str, set[int], float]]]) -> float:
        lines = sum(len(n) for n in notes_on_page + extra)
        return (lines * NOTE_LEADING + 14.0) if lines else 0.0

    def finish_page() -> None:
        page = pages[-1]
        if notes_on_page:
            ny = BOTTOM - notes_height([]) + 14.0
            page.rules.append((RIGHT - 110.0, RIGHT, ny - 12.0))
            for note in notes_on_page:
                for line, _refs, indent in note:
                    glyphs = shape_line(line, faces, 0, NOTE_SIZE, set())
                    w = width_of(glyphs, faces)
                    place(glyphs, RIGHT - indent - w, ny, page)
                    ny += NOTE_LEADING
        notes_on_page.clear()

    def place(glyphs: list[PGlyph], x0: float, baseline: float, page: Page, extra: float = 0.0) -> None:
        spaces = 0
        for g in sorted(glyphs, key=lambda g: g.x):
            g.x += x0 + spaces * extra
            g.baseline += baseline
            if faces[g.font].to_unicode.get(g.gid) == " ":
                spaces += 1
        page.lines.append(glyphs)

    # Footnotes go on the page of their reference, whichever block the source lists them after.
    all_notes: dict[str, str] = {}
    for b in blocks:
        for src in b.notes:
            m = FOOTNOTE_RE.match(src)
            if m:
                all_notes[m.group(1)] = src
    placed: set[str] = set()
    for block in blocks:
        font = 1 if block.bold else 0
        if block.kind == "subitem":
            first, rest = 24.0, 24.0
        elif block.kind == "numbered":
            first, rest = 0.0, 18.0
        elif block.kind == "para":
            first, rest = 18.0, 0.0
        else:
            first, rest = 0.0, 0.0
        lines = break_lines(block.text, width, faces, font, SIZE, first, rest)
        for k, (line, refs, indent) in enumerate(lines):
            markers = [m.group(1) for m in REF_RE.finditer(line) if m.group(1) in all_notes]
            mine = [
                break_lines(all_notes[m], width, faces, 0, NOTE_SIZE, 0.0, 12.0)
                for m in markers
                if m not in placed
            ]
            placed.update(markers)
            if y + LEADING > BOTTOM - notes_height(mine):
                finish_page()
                pages.append(Page())
                y = TOP
            glyphs = shape_line(line, faces, font, SIZE, refs)
            w = width_of(glyphs, faces)
            last = k == len(lines) - 1
            if block.kind in ("centered",):
                x0, extra = LEFT + (width - w) / 2, 0.0
            elif last or block.kind == "heading":
                x0, extra = RIGHT - indent - w, 0.0
            else:
                nspaces = sum(1 for g in glyphs if faces[g.font].to_unicode.get(g.gid) == " ")
                avail = width - indent
                extra = (avail - w) / nspaces if nspaces else 0.0
                x0 = LEFT
            place(glyphs, x0, y + SIZE, pages[-1], extra)
            y += LEADING
            notes_on_page.extend(mine)
        y += PARA_GAP
    finish_page()
    # Furniture: running symbol and page number at the top, job number at the foot.
    for number, page in enumerate(pages, start=1):
        head = f"{fx.symbol}"
        for text, x, yy in ((head, LEFT, 40.0), (str(number), RIGHT - 10.0, 40.0), (fx.job, LEFT, 570.0)):
            glyphs = shape_line(text, faces, 0, 9.0, set())
            place(glyphs, x, yy, page)
        page.rules.append((LEFT, RIGHT, 46.0))
    return pages


def _stream(data: bytes, extra: str = "") -> bytes:
    comp = zlib.compress(data, 9)
    return f"<< /Length {len(comp)} /Filter /FlateDecode {extra}>>\nstream\n".encode() + comp + b"\nendstream"


def write_pdf(path: Path, fx: Fixture, pages: list[Page], faces: list[Face]) -> None:
    objects: list[bytes] = []

    def add(obj: bytes) -> int:
        objects.append(obj)
        return len(objects)

    catalog = add(b"")
    pages_id = add(b"")
    font_ids: list[int] = []
    for face in faces:
        used = sorted(face.to_unicode)
        opts = subset.Options()
        opts.retain_gids = True
        opts.notdef_outline = True
        opts.layout_features = []
        sub = subset.Subsetter(opts)
        sub.populate(gids=used)
        tt = TTFont(str(face.path), recalcTimestamp=False)
        sub.subset(tt)
        buf = io.BytesIO()
        tt.save(buf)
        data = buf.getvalue()
        file_id = add(_stream(data, f"/Length1 {len(data)} "))
        desc_id = add(
            f"<< /Type /FontDescriptor /FontName /{face.pdf_name} /Flags 4 /FontBBox [-500 -700 1500 1300] "
            f"/ItalicAngle 0 /Ascent 1100 /Descent -600 /CapHeight 650 /StemV 80 "
            f"/FontFile2 {file_id} 0 R >>".encode()
        )
        w = " ".join(f"{gid} [{round(face.widths[gid] * 1000 / face.upem)}]" for gid in used)
        cid_id = add(
            f"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /{face.pdf_name} "
            f"/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> "
            f"/FontDescriptor {desc_id} 0 R /W [{w}] /CIDToGIDMap /Identity >>".encode()
        )
        cmap_lines = []
        for gid in used:
            hexs = "".join(f"{ord(c):04X}" if ord(c) < 0x10000 else "" for c in face.to_unicode[gid])
            cmap_lines.append(f"<{gid:04X}> <{hexs}>")
        chunks = [cmap_lines[i : i + 100] for i in range(0, len(cmap_lines), 100)]
        body = "".join(f"{len(c)} beginbfchar\n" + "\n".join(c) + "\nendbfchar\n" for c in chunks)
        cmap = (
            "/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
            "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
            "/CMapName /Adobe-Identity-UCS def /CMapType 2 def\n"
            "1 begincodespacerange <0000> <FFFF> endcodespacerange\n"
            f"{body}endcmap CMapName currentdict /CMap defineresource pop end end"
        )
        tu_id = add(_stream(cmap.encode()))
        font_ids.append(
            add(
                f"<< /Type /Font /Subtype /Type0 /BaseFont /{face.pdf_name} /Encoding /Identity-H "
                f"/DescendantFonts [{cid_id} 0 R] /ToUnicode {tu_id} 0 R >>".encode()
            )
        )
    page_ids: list[int] = []
    for n, page in enumerate(pages):
        order = fx.orders[min(n, len(fx.orders) - 1)]
        ops: list[str] = []
        for x0, x1, y in page.rules:
            ops.append(f"0.5 w {x0:.2f} {PAGE_H - y:.2f} m {x1:.2f} {PAGE_H - y:.2f} l S")
        ops.append("BT")
        for line in page.lines:
            key = (lambda g: g.logical) if order == "logical" else (lambda g: g.x)
            for g in sorted(line, key=key):
                if not fx.spaces and faces[g.font].to_unicode.get(g.gid) == " ":
                    continue
                ops.append(
                    f"/F{g.font + 1} {g.size:.2f} Tf 1 0 0 1 {g.x:.2f} {PAGE_H - g.baseline:.2f} Tm "
                    f"<{g.gid:04X}> Tj"
                )
        ops.append("ET")
        content = add(_stream("\n".join(ops).encode()))
        fonts = " ".join(f"/F{i + 1} {fid} 0 R" for i, fid in enumerate(font_ids))
        page_ids.append(
            add(
                f"<< /Type /Page /Parent {pages_id} 0 R /MediaBox [0 0 {PAGE_W:.0f} {PAGE_H:.0f}] "
                f"/Resources << /Font << {fonts} >> >> /Contents {content} 0 R >>".encode()
            )
        )
    objects[catalog - 1] = f"<< /Type /Catalog /Pages {pages_id} 0 R >>".encode()
    kids = " ".join(f"{i} 0 R" for i in page_ids)
    objects[pages_id - 1] = f"<< /Type /Pages /Kids [{kids}] /Count {len(page_ids)} >>".encode()
    out = io.BytesIO()
    out.write(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, obj in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(f"{i} 0 obj\n".encode() + obj + b"\nendobj\n")
    xref = out.tell()
    out.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode())
    for off in offsets:
        out.write(f"{off:010d} 00000 n \n".encode())
    out.write(
        f"trailer\n<< /Size {len(objects) + 1} /Root {catalog} 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    )
    path.write_bytes(out.getvalue())


def build(fx: Fixture) -> Path:
    source = (OUT / f"{fx.name}.txt").read_text(encoding="utf-8")
    faces = [
        Face(FONTS / "Amiri-Regular.ttf", "AAAAAA+Amiri-Regular", fx.presentation_forms),
        Face(FONTS / "Amiri-Bold.ttf", "AAAAAB+Amiri-Bold", fx.presentation_forms),
    ]
    pages = typeset(fx, parse_source(source, fx), faces)
    path = OUT / f"{fx.name}.pdf"
    write_pdf(path, fx, pages, faces)
    return path


def build_bad_pdfs() -> None:
    """Two PDFs the reader must refuse clearly: one with a user password, one without text."""
    from fpdf import FPDF  # type: ignore[import-not-found]

    pdf = FPDF()
    pdf.add_page()
    pdf.add_font("Amiri", "", str(FONTS / "Amiri-Regular.ttf"))
    pdf.set_font("Amiri", size=14)
    pdf.cell(0, 10, "secret")
    pdf.set_encryption(owner_password="owner", user_password="user")
    pdf.output(str(OUT / "bad-encrypted.pdf"))

    pdf = FPDF()
    pdf.add_page()
    pdf.set_fill_color(200, 200, 200)
    pdf.rect(20, 20, 170, 250, style="F")  # a "scan": drawing only, no text layer
    pdf.output(str(OUT / "bad-scanned.pdf"))


def main() -> None:
    if not (OUT / "bad-encrypted.pdf").exists():  # fpdf2 writes a new file id each time
        build_bad_pdfs()
    for fx in FIXTURES:
        if (OUT / f"{fx.name}.txt").exists():
            path = build(fx)
            print(f"{path.relative_to(ROOT)}: {path.stat().st_size:,} bytes")


if __name__ == "__main__":
    main()
