"""Fuzz ``parse_pdf`` (the PDF reader over pdfminer.six) with atheris.

Every input must give a Document or an ``UnparseError``; any other exception, a hang
past ``-timeout`` or memory past ``-rss_limit_mb`` is a finding. The limits are set low
(``max_decompressed_bytes`` 32 MiB, 20,000 glyphs a page) so that a decompression bomb
shows up as a clear error, not as the fuzzer running out of memory.

Seeds: run with ``--make-corpus DIR`` first to write small valid and hostile PDFs (and the
test fixtures) into DIR. See ``fuzz/README.md``.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path

import atheris

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

with atheris.instrument_imports():
    # Imported here only so that atheris instruments them (coverage inside pdfminer).
    import pdfminer.pdfdocument
    import pdfminer.pdfinterp
    import pdfminer.pdfparser
    import pdfminer.psparser  # noqa: F401

    import unparse
    import unparse.read.pdf

OPTIONS = unparse.Options(max_decompressed_bytes=32 << 20, max_glyphs_per_page=20_000, max_pages=50)
_fd, PATH = tempfile.mkstemp(suffix=".pdf", prefix="unparse-fuzz-")
os.close(_fd)


def test_one_input(data: bytes) -> None:
    with open(PATH, "wb") as fh:
        fh.write(data)
    try:
        doc = unparse.parse_pdf(PATH, OPTIONS)
    except unparse.UnparseError as exc:
        assert "\n" not in str(exc) or str(exc).count("\n") < 3, "error message is not one line"
        return
    doc.model_dump_json()


def make_corpus(folder: Path) -> None:
    import hostile_pdfs

    folder.mkdir(parents=True, exist_ok=True)
    seeds = {
        "text.pdf": hostile_pdfs.text_pdf("Hello (world) 76/186"),
        "encrypted.pdf": hostile_pdfs.encrypted_pdf(),
        "image.pdf": hostile_pdfs.image_only_pdf(),
        "bomb.pdf": hostile_pdfs.bomb_pdf(64),
        "flood.pdf": hostile_pdfs.glyph_flood_pdf(30_000),
        "flate.pdf": hostile_pdfs.build_pdf(
            __import__("zlib").compress(b"BT /F1 12 Tf 72 720 Td (abc) Tj ET"), filters="/FlateDecode"
        ),
    }
    for name, data in seeds.items():
        (folder / name).write_bytes(data)
    for pdf in (ROOT / "tests" / "fixtures" / "pdf").glob("*.pdf"):
        if pdf.stat().st_size < 1_000_000:
            shutil.copy(pdf, folder / pdf.name)


def main() -> None:
    if len(sys.argv) == 3 and sys.argv[1] == "--make-corpus":
        make_corpus(Path(sys.argv[2]))
        return
    atheris.Setup(sys.argv, test_one_input)
    try:
        atheris.Fuzz()
    finally:
        os.unlink(PATH)


if __name__ == "__main__":
    main()
