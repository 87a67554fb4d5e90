"""What an embedded font's own glyphs say where its ToUnicode map is wrong.

A font's ToUnicode map says which character each glyph draws; producers that build it from
the font's glyph classes get some glyphs wrong. A PowerPoint slide (through iLovePDF) maps
the justification kashida of its Tajawal font to ``و``: every stretched word then reads
with a run of waws (``فووا``, ``الصووحة``). The glyph itself tells: its outline is one flat
stroke on the baseline (Tajawal's: 0 to 62 units of 1000 high, reaching past its left
edge to join the next letter), and waw never joins the letter after it. A flat stroke
that the map names as a letter of that kind (:data:`NON_LEFT_JOINING`) is read as the
kashida U+0640 (which repair then takes out).

The same glyph headers give each glyph's ink to the right (:attr:`FontGlyphs.ink_right`):
a final letter's joining stroke may reach past its advance, over what its box alone shows
as a gap (Amiri's final dhal in ``تنفيذ``: 0.18 em of advance, 0.50 em of ink), and the
reader does not put a space inside the word there (``read.glyphs._joined_over_gap``).

Only TrueType outlines embedded in CID-keyed fonts are read (``FontFile2``; the glyph of a
code is found through the font's ``CIDToGIDMap``); a font whose program cannot be read
keeps its map, and its glyphs their boxes.
"""

from __future__ import annotations

import contextlib
import struct
import zlib
from dataclasses import dataclass
from typing import Any

from ..errors import UnparseError

# A kashida's stroke: at most this high, and within this band around the baseline (in em).
_FLAT_HEIGHT = 0.12
_FLAT_BAND = (-0.06, 0.16)

# The letters that never join the letter after them (Unicode joining types R and U: alef,
# dal, thal, ra, zain, waw, ta marbuta, hamza and their variants). A flat stroke on the
# baseline joins the letters on both of its sides: it cannot be one of these. (A flat glyph
# named as a letter that joins both ways may be that letter's share of a ligature, as in
# Amiri's "لإ", whose lam is a stroke and whose alef glyph draws the lam's stem: it keeps
# its letter.)
NON_LEFT_JOINING = frozenset(
    "\u0621\u0622\u0623\u0624\u0625\u0627\u0629\u062f\u0630\u0631\u0632\u0648"
    "\u0671\u0672\u0673\u0675\u0676\u0677\u06c0\u06cd\u06cf\u06d2\u06d3"
) | frozenset(chr(c) for c in (*range(0x0688, 0x069A), *range(0x06C3, 0x06CC)))

_NONE: frozenset[int] = frozenset()


@dataclass(frozen=True, slots=True)
class FontGlyphs:
    """What a font's program says of the codes it draws."""

    flat: frozenset[int]
    """The codes whose glyph is one flat stroke on the baseline (see the module docstring)."""
    ink_right: dict[int, float]
    """Each code's rightmost ink, in em from the glyph's origin: past its advance where the
    glyph reaches over to the letter on its right (a final or medial letter's joining
    stroke, Amiri's ``ـذ``: advance 0.18 em, ink to 0.50 em)."""


_EMPTY = FontGlyphs(_NONE, {})


def font_glyphs(font: Any) -> FontGlyphs:
    """The glyph facts of ``font`` (empty when its program is not an embedded TrueType one,
    or which glyph a code draws is not known). Computed once per font object."""
    try:
        cached: FontGlyphs = font._unparse_glyphs
        return cached
    except AttributeError:
        pass
    found = _EMPTY
    data = _truetype_program(font)
    if data is not None:
        try:
            found = _read_glyphs(font, data)
        except (struct.error, IndexError, ValueError, ZeroDivisionError):
            found = _EMPTY
    with contextlib.suppress(AttributeError):  # a font class with slots: not cached
        font._unparse_glyphs = found
    return found


def flat_glyph_codes(font: Any) -> frozenset[int]:
    """The codes of ``font`` whose glyph is one flat stroke on the baseline."""
    return font_glyphs(font).flat


def _read_glyphs(font: Any, data: bytes) -> FontGlyphs:
    units, boxes = _glyph_boxes(data)
    if not boxes:
        return _EMPTY
    cid2gid = getattr(font, "_unparse_cid2gid", None)
    if cid2gid == "Identity":
        by_code = boxes
    elif isinstance(cid2gid, bytes):
        by_code = {}
        for cid in range(len(cid2gid) // 2):
            box = boxes.get(cid2gid[2 * cid] << 8 | cid2gid[2 * cid + 1])
            if box is not None:
                by_code[cid] = box
    else:
        return _EMPTY
    return FontGlyphs(
        flat_strokes(units, by_code),
        {code: box[3] / units for code, box in by_code.items()},
    )


def flat_strokes(units: int, boxes: dict[int, tuple[int, int, int, int, int]]) -> frozenset[int]:
    """The keys of ``boxes`` (glyph headers, see :func:`_glyph_boxes`) drawn as one flat
    contour on the baseline, in a font of ``units`` per em."""
    low, high = _FLAT_BAND[0] * units, _FLAT_BAND[1] * units
    tall = _FLAT_HEIGHT * units
    return frozenset(
        code
        for code, (contours, _x0, y0, _x1, y1) in boxes.items()
        if contours == 1 and y1 - y0 <= tall and y0 >= low and y1 <= high
    )


def _truetype_program(font: Any) -> bytes | None:
    from pdfminer.pdffont import PDFCIDFont
    from pdfminer.pdftypes import PDFException
    from pdfminer.psexceptions import PSException

    if not isinstance(font, PDFCIDFont) or getattr(font, "fontfile", None) is None:
        return None
    try:
        data = font.fontfile.get_data()
    except UnparseError:
        raise  # a decoding limit reached stops the read
    except (PDFException, PSException, ValueError, TypeError, zlib.error):
        return None  # a broken stream: the map is all there is
    return data if isinstance(data, bytes) else None


def resource_manager() -> Any:
    """A pdfminer ``PDFResourceManager`` (caching) that keeps, on each CID-keyed TrueType font,
    its ``CIDToGIDMap`` (pdfminer reads no glyph program, so it drops it)."""
    from pdfminer.pdfinterp import PDFResourceManager
    from pdfminer.pdftypes import PDFException, PDFStream, resolve1
    from pdfminer.psexceptions import PSException

    class _Manager(PDFResourceManager):
        def get_font(self, objid: object, spec: Any) -> Any:
            font: Any = super().get_font(objid, spec)
            if isinstance(spec, dict) and not hasattr(font, "_unparse_cid2gid"):
                value = resolve1(spec.get("CIDToGIDMap"))
                cid2gid: object = "Identity"  # the default
                if isinstance(value, PDFStream):
                    try:
                        cid2gid = value.get_data()
                    except UnparseError:
                        raise
                    except (PDFException, PSException, ValueError, TypeError, zlib.error):
                        cid2gid = None  # a broken stream: which glyph a code draws is unknown
                elif value is not None and getattr(value, "name", None) != "Identity":
                    cid2gid = None
                with contextlib.suppress(AttributeError):
                    font._unparse_cid2gid = cid2gid
            return font

    return _Manager(caching=True)


def _glyph_boxes(data: bytes) -> tuple[int, dict[int, tuple[int, int, int, int, int]]]:
    """A TrueType program's units per em and, for each glyph with an outline, its header:
    (number of contours, xMin, yMin, xMax, yMax) in font units."""
    (ntables,) = struct.unpack_from(">H", data, 4)
    tables: dict[bytes, tuple[int, int]] = {}
    for k in range(ntables):
        tag, _checksum, offset, length = struct.unpack_from(">4sLLL", data, 12 + 16 * k)
        tables[tag] = (offset, length)
    if not {b"head", b"loca", b"glyf", b"maxp"} <= tables.keys():
        return 0, {}
    head = tables[b"head"][0]
    (units,) = struct.unpack_from(">H", data, head + 18)
    (long_offsets,) = struct.unpack_from(">h", data, head + 50)
    (count,) = struct.unpack_from(">H", data, tables[b"maxp"][0] + 4)
    loca, glyf = tables[b"loca"][0], tables[b"glyf"][0]
    if long_offsets:
        offsets = struct.unpack_from(f">{count + 1}L", data, loca)
    else:
        offsets = tuple(2 * x for x in struct.unpack_from(f">{count + 1}H", data, loca))
    boxes: dict[int, tuple[int, int, int, int, int]] = {}
    for gid in range(count):
        if offsets[gid + 1] > offsets[gid]:  # else no outline (a space)
            boxes[gid] = struct.unpack_from(">hhhhh", data, glyf + offsets[gid])
    return units, boxes
