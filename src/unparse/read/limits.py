"""Bounds on what reading a PDF may cost: decompressed bytes and glyphs.

A PDF of a few kilobytes can hold a Flate stream that inflates to gigabytes (a
"zip bomb"), and pdfminer.six inflates every stream in one ``zlib.decompress`` call, so
memory, not the file size, is the limit. pdfminer's fallback for damaged Flate data
(``decompress_corrupted``) feeds the inflater one byte at a time into a growing
``bytes`` (quadratic time), and a content stream that is not compressed at all can draw
millions of glyphs, each of which pdfminer turns into an object. This module bounds all
three, for the PDF reader to use:

    with bounded_pdf_decoding(options, path):
        ...                                    # every pdfminer call that decodes streams
        device = bounded_aggregator(rsrc, options, path)   # instead of PDFPageAggregator

Inside the block, the Flate, LZW, RunLength, ASCII85 and ASCIIHex filters of pdfminer
count what they produce against ``Options.max_decompressed_bytes`` for the whole
document and stop, *while inflating*, with
:class:`~unparse.errors.DecompressionLimitError`: memory stays under about twice the limit
(the chunks of a stream and their join). A 1 MB file that inflates to 1 GiB stops at the
default 256 MiB in under 4 s with a peak RSS of about 310 MB. Outside a block pdfminer
behaves as before, except that the damaged-Flate fallback is linear.

The patch is installed once into ``pdfminer.pdftypes`` (the names its ``PDFStream.decode``
looks up); the budget lives in a :class:`contextvars.ContextVar`, so threads and nested
documents each have their own.
"""

from __future__ import annotations

import contextlib
import io
import logging
import os
import threading
import types
import zlib
from collections.abc import Callable, Iterator
from contextvars import ContextVar
from typing import Any

from ..errors import DecompressionLimitError
from ..options import DEFAULT_OPTIONS, Options

log = logging.getLogger(__name__)

_CHUNK = 1 << 20  # inflate at most this much per step


class Budget:
    """How many decoded bytes a document may still produce."""

    def __init__(self, limit: int, name: str | None = None) -> None:
        self.limit = limit
        self.used = 0
        self.name = name

    def take(self, n: int) -> None:
        self.used += n
        if self.used > self.limit:
            raise DecompressionLimitError(
                f"its compressed streams expand to more than {self.limit:,} bytes "
                "(a decompression bomb, or an unusually large document); "
                "if the file is genuine, raise Options(max_decompressed_bytes=...)",
                self.name,
            )


_BUDGET: ContextVar[Budget | None] = ContextVar("unparse_pdf_budget", default=None)


def _take(n: int) -> None:
    budget = _BUDGET.get()
    if budget is not None:
        budget.take(n)


def _feed(d: Any, data: bytes, parts: list[bytes]) -> None:
    """Inflate ``data`` with ``d`` one chunk of output at a time, counting each chunk."""
    while True:
        out = d.decompress(data, _CHUNK)
        _take(len(out))
        parts.append(out)
        data = d.unconsumed_tail
        if d.eof or (not data and len(out) < _CHUNK):
            return


def inflate(data: bytes) -> bytes:
    """``zlib.decompress(data)``, with the output counted against the current budget.

    Raises ``zlib.error`` exactly where ``zlib.decompress`` would (bad data, bad
    checksum, truncated stream), so that pdfminer's own error handling still applies.
    """
    d = zlib.decompressobj()
    parts: list[bytes] = []
    _feed(d, data, parts)
    if not d.eof:
        raise zlib.error("Error -5 while decompressing data: incomplete or truncated stream")
    return b"".join(parts)


def inflate_corrupted(data: bytes) -> bytes:
    """pdfminer's ``decompress_corrupted`` (recover what inflates before a bad checksum or a
    truncation), in linear time and counted against the current budget.

    pdfminer feeds the inflater one byte at a time; this feeds 64 KiB blocks and goes byte
    by byte only through the block where inflating fails, to keep pdfminer's rule: an
    error in the last 4 bytes (the checksum) is tolerated, one before them is raised.
    """
    d = zlib.decompressobj()
    parts: list[bytes] = []
    block = 1 << 16
    for start in range(0, len(data), block):
        chunk = data[start : start + block]
        saved = d.copy()
        try:
            _feed(d, chunk, parts)
        except zlib.error:
            d = saved
            for i in range(len(chunk)):
                try:
                    _feed(d, chunk[i : i + 1], parts)
                except zlib.error:
                    if start + i < len(data) - 3:
                        raise
                    log.warning("Data-loss while decompressing corrupted data")
                    return b"".join(parts)
        if d.eof:
            break
    return b"".join(parts)


def _counted(decode: Callable[[bytes], bytes]) -> Callable[[bytes], bytes]:
    def run(data: bytes) -> bytes:
        out = decode(data)
        _take(len(out))
        return out

    run.__name__ = getattr(decode, "__name__", "decode")
    return run


def _lzw_bounded(data: bytes) -> bytes:
    from pdfminer.lzw import LZWDecoder

    parts: list[bytes] = []
    for part in LZWDecoder(io.BytesIO(data)).run():
        _take(len(part))
        parts.append(part)
    return b"".join(parts)


def _rl_bounded(data: bytes) -> bytes:
    """RunLengthDecode (PDF 1.7, 7.4.5), counted; a run cut off by the end of the data
    keeps what it has (pdfminer's version raises a RuntimeError there)."""
    out = bytearray()
    i, n = 0, len(data)
    while i < n:
        length = data[i]
        i += 1
        if length == 128:
            break
        if length < 128:
            piece = data[i : i + length + 1]
            i += length + 1
        else:
            if i >= n:
                break
            piece = data[i : i + 1] * (257 - length)
            i += 1
        _take(len(piece))
        out += piece
    return bytes(out)


_installed = False
_install_lock = threading.Lock()


def install() -> None:
    """Patch pdfminer's stream filters once (idempotent, thread-safe)."""
    global _installed
    with _install_lock:
        if _installed:
            return
        from pdfminer import pdftypes as _pdftypes

        pdftypes: Any = _pdftypes
        shim = types.SimpleNamespace(**{k: getattr(zlib, k) for k in dir(zlib) if not k.startswith("__")})
        shim.decompress = lambda data, *args, **kwargs: inflate(data)
        pdftypes.zlib = shim
        pdftypes.decompress_corrupted = inflate_corrupted
        pdftypes.lzwdecode = _lzw_bounded
        pdftypes.rldecode = _rl_bounded
        pdftypes.ascii85decode = _counted(pdftypes.ascii85decode)
        pdftypes.asciihexdecode = _counted(pdftypes.asciihexdecode)
        _installed = True


@contextlib.contextmanager
def bounded_pdf_decoding(
    options: Options = DEFAULT_OPTIONS, path: str | os.PathLike[str] | None = None
) -> Iterator[Budget]:
    """Within the block, pdfminer may decode at most ``options.max_decompressed_bytes``
    bytes of streams in total; past that it stops with DecompressionLimitError (a
    PdfError naming ``path``)."""
    install()
    budget = Budget(options.max_decompressed_bytes, os.fspath(path) if path is not None else None)
    token = _BUDGET.set(budget)
    try:
        yield budget
    finally:
        _BUDGET.reset(token)


class CharBox:
    """What the light device records of a drawn character: the fields of pdfminer's
    ``LTChar`` the PDF reader uses, computed as ``LTChar`` computes them."""

    __slots__ = ("fontname", "ink_x1", "matrix", "size", "text", "upright", "x0", "x1", "y0", "y1")

    def __init__(
        self,
        text: str,
        bbox: tuple[float, float, float, float],
        size: float,
        fontname: str,
        upright: bool,
        matrix: tuple[float, float, float, float, float, float],
        ink_x1: float | None = None,
    ) -> None:
        self.text = text
        self.ink_x1 = ink_x1  # where its ink ends on the right, when the font program says
        (self.x0, self.y0, self.x1, self.y1) = bbox
        self.size = size
        self.fontname = fontname
        self.upright = upright
        self.matrix = matrix


_SYMBOLIC = 4  # FontDescriptor Flags bit 3: the font's codes have no standard meaning


def _mapped_codes(font: Any) -> Any:
    """The codes a symbolic simple font's ToUnicode map covers (a dict), or None to trust pdfminer.

    Word processors subset a font as symbolic TrueType and write a ToUnicode map that
    leaves out the glyphs that stand for no character (justification kashidas, parts of a
    composed letter); pdfminer then reads the code through the standard encoding, which
    means nothing for such a font. Computed once per font object.
    """
    try:
        return font._unparse_mapped
    except AttributeError:
        pass
    from pdfminer.pdffont import PDFSimpleFont

    mapped = None
    umap = getattr(font, "unicode_map", None)
    table = getattr(umap, "cid2unichr", None)
    if (
        isinstance(table, dict)
        and table
        and isinstance(font, PDFSimpleFont)  # a CID font's to_unichr already says so
        and int(getattr(font, "flags", 0) or 0) & _SYMBOLIC
    ):
        mapped = table
    with contextlib.suppress(AttributeError):  # a font class with slots: not cached
        font._unparse_mapped = mapped
    return mapped


def bounded_aggregator(
    rsrcmgr: Any,
    options: Options = DEFAULT_OPTIONS,
    path: str | os.PathLike[str] | None = None,
    light: bool = False,
    actual_text: bool = True,
) -> Any:
    """A ``PDFPageAggregator`` (``laparams=None``) that stops with DecompressionLimitError
    once a page draws more than ``options.max_glyphs_per_page`` glyphs: an uncompressed
    content stream can otherwise make millions of ``LTChar`` objects on one page.

    ``light``: characters are recorded as :class:`CharBox` (text, box, size, font name,
    uprightness and matrix, as ``LTChar`` computes them) instead of ``LTChar`` objects,
    which cost several times more to build; ``actual_text``: a marked-content span with an
    ``/ActualText`` becomes one character carrying that text (pdfminer ignores it)."""
    from pdfminer.converter import PDFPageAggregator
    from pdfminer.pdffont import PDFUnicodeNotDefined

    from .fonts import NON_LEFT_JOINING, font_glyphs

    name = os.fspath(path) if path is not None else None
    limit = options.max_glyphs_per_page

    class _Bounded(PDFPageAggregator):
        glyphs = 0

        def begin_page(self, page: Any, ctm: Any) -> None:
            self.glyphs = 0
            super().begin_page(page, ctm)

        def _refuse(self) -> None:
            raise DecompressionLimitError(
                f"page {self.pageno} draws more than {limit:,} glyphs (a hostile or broken "
                "file?); if it is genuine, raise Options(max_glyphs_per_page=...)",
                name,
            )

        def render_char(self, *args: Any, **kwargs: Any) -> float:
            self.glyphs += 1
            if self.glyphs > limit:
                self._refuse()
            return float(super().render_char(*args, **kwargs))

    class _Light(_Bounded):
        # Marked-content spans: the /ActualText of each open span (None when it has none).
        # A producer that draws a cluster as glyphs of its own (Chromium's "اً": a tanwin
        # and an unmapped alef) writes the text there; the span becomes one glyph carrying
        # it, whose box covers all the span's glyphs.
        actual: list[str | None]
        actual_box: list[CharBox | None]

        # Glyphs read as a kashida against the font's map: (font, code, mapped text) → count.
        kashidas: dict[tuple[str, int, str], int]

        # Per font object (kept, so that its id is not reused): the font, its codes' facts
        # (text, width in text space, kashida key or None, ink to the right in em or None),
        # whether it is vertical, its descent.
        fonts: dict[int, tuple[Any, dict[int, tuple[str, float, Any, float | None]], bool, float]]

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self.fonts = {}

        def _code(self, font: Any, cid: int) -> tuple[str, float, Any, float | None]:
            """What ``cid`` of ``font`` reads, its advance, its kashida key and its ink."""
            drawn = font_glyphs(font)
            mapped = _mapped_codes(font)
            kashida = None
            if mapped is not None and cid not in mapped:
                # A symbolic font's ToUnicode map leaves this code out: pdfminer would fall
                # back to the standard encoding ('#' for a word processor's kashida glyph).
                text = f"(cid:{cid})"
            else:
                try:
                    text = font.to_unichr(cid)
                    assert isinstance(text, str), str(type(text))
                except PDFUnicodeNotDefined:
                    text = self.handle_undefined_char(font, cid)
                if text in NON_LEFT_JOINING and cid in drawn.flat:
                    # The map names a letter that joins no next letter for a flat stroke: a kashida.
                    kashida = (str(font.fontname), cid, text)
                    text = "\u0640"
            return text, float(font.char_width(cid)), kashida, drawn.ink_right.get(cid)

        def begin_page(self, page: Any, ctm: Any) -> None:
            self.actual, self.actual_box = [], []
            self.kashidas = {}
            super().begin_page(page, ctm)

        def begin_tag(self, tag: Any, props: Any = None) -> None:
            text = props.get("ActualText") if actual_text and isinstance(props, dict) else None
            if isinstance(text, bytes):
                from pdfminer.utils import decode_text

                text = decode_text(text)
            if isinstance(text, str) and (not text.strip() or "\ufffd" in text):
                text = None  # "unknown" (a gazette's kashida spans): the glyphs know better
            self.actual.append(text if isinstance(text, str) else None)
            self.actual_box.append(None)
            super().begin_tag(tag, props)

        def end_tag(self) -> None:
            if self.actual:
                self.actual.pop()
                self.actual_box.pop()
            super().end_tag()

        def render_char(
            self,
            matrix: Any,
            font: Any,
            fontsize: float,
            scaling: float,
            rise: float,
            cid: int,
            ncs: Any,
            graphicstate: Any,
        ) -> float:
            # pdfminer's PDFLayoutAnalyzer.render_char and LTChar.__init__, same arithmetic.
            self.glyphs += 1
            if self.glyphs > limit:
                self._refuse()
            facts = self.fonts.get(id(font))
            if facts is None or facts[0] is not font:
                facts = self.fonts[id(font)] = (font, {}, font.is_vertical(), font.get_descent())
            _font, codes, vertical, descent = facts
            # What a code reads and how far it advances are the font's alone: found once a code.
            code = codes.get(cid)
            if code is None:
                code = codes[cid] = self._code(font, cid)
            text, width, kashida, ink_em = code
            if kashida is not None:
                self.kashidas[kashida] = self.kashidas.get(kashida, 0) + 1
            span = -1
            if self.actual and any(t is not None for t in self.actual):
                # Inside a span with /ActualText: the innermost such span speaks.
                span = max(i for i, t in enumerate(self.actual) if t is not None)
                text = str(self.actual[span])
            adv = width * fontsize * scaling
            if vertical:
                textdisp = font.char_disp(cid)
                assert isinstance(textdisp, tuple)
                (vx, vy) = textdisp
                vx = fontsize * 0.5 if vx is None else vx * fontsize * 0.001
                vy = (1000 - vy) * fontsize * 0.001
                bbox = (-vx, vy + rise + adv, -vx + fontsize, vy + rise)
            else:
                bottom = descent * fontsize
                bbox = (0, bottom + rise, adv, bottom + rise + fontsize)
            (a, b, c, d, e, f) = matrix
            upright = a * d * scaling > 0 and b * c <= 0
            (bx0, by0, bx1, by1) = bbox
            if b == 0 and c == 0:
                # Neither rotated nor skewed (almost every glyph): the corners are two x and
                # two y values, the same numbers apply_matrix_rect computes.
                xa, xb = a * bx0 + e, a * bx1 + e
                ya, yb = d * by0 + f, d * by1 + f
                (x0, x1) = (xa, xb) if xa <= xb else (xb, xa)
                (y0, y1) = (ya, yb) if ya <= yb else (yb, ya)
            else:
                # pdfminer.utils.apply_matrix_rect, inlined (same operations, same order).
                left1, bottom1 = a * bx0 + c * by0 + e, b * bx0 + d * by0 + f
                right1, bottom2 = a * bx1 + c * by0 + e, b * bx1 + d * by0 + f
                right2, top1 = a * bx1 + c * by1 + e, b * bx1 + d * by1 + f
                left2, top2 = a * bx0 + c * by1 + e, b * bx0 + d * by1 + f
                x0 = min(left1, left2, right1, right2)
                y0 = min(bottom1, bottom2, top1, top2)
                x1 = max(left1, left2, right1, right2)
                y1 = max(bottom1, bottom2, top1, top2)
            size = x1 - x0 if vertical else y1 - y0
            spanned = self.actual_box[span] if span >= 0 else None
            if spanned is not None:
                spanned.x0, spanned.y0 = min(spanned.x0, x0), min(spanned.y0, y0)
                spanned.x1, spanned.y1 = max(spanned.x1, x1), max(spanned.y1, y1)
                return float(adv)
            ink = ink_em if not vertical and upright and b == 0 and c == 0 else None
            if ink is not None:
                ink = a * ink * fontsize * scaling + e
            box = CharBox(text, (x0, y0, x1, y1), size, font.fontname, upright, matrix, ink)
            if span >= 0:
                self.actual_box[span] = box
            container: Any = self.cur_item  # an LTPage or LTFigure: it only keeps the list
            container.add(box)
            return float(adv)

    return (_Light if light else _Bounded)(rsrcmgr, laparams=None)
