"""Small hostile PDFs built byte by byte (nothing committed, nothing downloaded).

Each function returns the bytes of a PDF that pdfminer can open: a text page, an
encrypted file, an image-only page, a content stream that inflates to gigabytes (a zip
bomb, made in milliseconds by repeating one full-flushed deflate block), a page that
draws hundreds of thousands of glyphs.
"""

from __future__ import annotations

import zlib


def build_pdf(
    content: bytes,
    *,
    filters: str = "",
    extra_objects: dict[int, bytes] | None = None,
    resources: bytes = b"/Font << /F1 5 0 R >>",
    trailer_extra: bytes = b"",
) -> bytes:
    """A one-page PDF whose page content stream is ``content`` (already encoded by ``filters``)."""
    objects: dict[int, bytes] = {
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        2: b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        3: b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << "
        + resources
        + b" >> >>",
        4: b"<< /Length "
        + str(len(content)).encode()
        + (b" /Filter " + filters.encode() if filters else b"")
        + b" >>\nstream\n"
        + content
        + b"\nendstream",
        5: b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    }
    objects.update(extra_objects or {})
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets: dict[int, int] = {}
    for number in sorted(objects):
        offsets[number] = len(out)
        out += f"{number} 0 obj\n".encode() + objects[number] + b"\nendobj\n"
    xref = len(out)
    size = max(objects) + 1
    out += f"xref\n0 {size}\n0000000000 65535 f \n".encode()
    for number in range(1, size):
        out += f"{offsets.get(number, 0):010d} 00000 n \n".encode()
    out += b"trailer\n<< /Size " + str(size).encode() + b" /Root 1 0 R " + trailer_extra + b" >>\n"
    out += f"startxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def text_pdf(text: str = "Hello") -> bytes:
    return build_pdf(f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode("latin-1"))


def zlib_bomb(mebibytes: int, fill: bytes = b" ") -> bytes:
    """A valid zlib stream of ``mebibytes`` MiB of ``fill``: one full-flushed deflate block
    of 1 MiB repeated, an empty final block and the Adler-32 of the whole."""
    chunk = fill * (1 << 20)
    c = zlib.compressobj(9)
    head = c.compress(chunk) + c.flush(zlib.Z_FULL_FLUSH)
    block = c.compress(chunk) + c.flush(zlib.Z_FULL_FLUSH)
    assert block == c.compress(chunk) + c.flush(zlib.Z_FULL_FLUSH)
    adler = 1
    for _ in range(mebibytes):
        adler = zlib.adler32(chunk, adler)
    return head + block * (mebibytes - 1) + b"\x03\x00" + adler.to_bytes(4, "big")


def bomb_pdf(mebibytes: int) -> bytes:
    """A page whose content stream is a few KB in the file and ``mebibytes`` MiB inflated."""
    return build_pdf(zlib_bomb(mebibytes), filters="/FlateDecode")


def glyph_flood_pdf(glyphs: int) -> bytes:
    """An uncompressed page that draws ``glyphs`` glyphs in one Tj."""
    return build_pdf(b"BT /F1 1 Tf 0 0 Td (" + b"A" * glyphs + b") Tj ET")


def encrypted_pdf() -> bytes:
    """Standard security handler, revision 2, with a user password that is not empty."""
    encrypt = (
        b"<< /Filter /Standard /V 1 /R 2 /Length 40 /P -4 /O <"
        + b"11" * 32
        + b"> /U <"
        + b"22" * 32
        + b"> >>"
    )
    return build_pdf(
        b"BT /F1 12 Tf 72 720 Td (secret) Tj ET",
        extra_objects={6: encrypt},
        trailer_extra=b"/Encrypt 6 0 R /ID [<" + b"33" * 16 + b"> <" + b"33" * 16 + b">]",
    )


def image_only_pdf() -> bytes:
    """A scanned page: one image, no text."""
    image = (
        b"<< /Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray "
        b"/BitsPerComponent 8 /Length 4 >>\nstream\n\x00\xff\xff\x00\nendstream"
    )
    return build_pdf(
        b"q 200 0 0 200 100 400 cm /Im1 Do Q",
        extra_objects={6: image},
        resources=b"/XObject << /Im1 6 0 R >>",
    )
