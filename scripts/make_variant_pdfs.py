"""Typeset the variant documents (``tests/fixtures/variants/NAME.txt``, in the benchmark's
source format) with the benchmark's typesetters (``benchmarks/accuracy/typeset/``), so that
the PDF reader is tested on layouts the benchmark's dev documents do not have.

Every variant goes through every typesetter and style into a temporary folder, where
``tests/system/test_pdf_variants.py``'s check can be run on all of them; the ones named in
``KEEP`` (layouts that broke the reader) are copied to ``tests/fixtures/variants/pdf/`` and
committed, so that the tests need neither LibreOffice nor Chromium.

Needs what ``benchmarks/accuracy/generate.py`` needs (LibreOffice, Chromium, fpdf2, the fonts).
Run:
    python scripts/make_variant_pdfs.py [OUT_DIR]
"""

from __future__ import annotations

import importlib
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VARIANTS = ROOT / "tests" / "fixtures" / "variants"
sys.path.insert(0, str(ROOT / "benchmarks" / "accuracy"))

from source import load  # noqa: E402

TYPESETTERS = ("libreoffice", "chromium", "fpdf2")
KEEP = {
    "cop-var.fpdf2.amiri-packed.pdf",
    "dec-text-body.fpdf2.amiri-packed.pdf",
    "ecosoc-res-parts-titled.fpdf2.amiri-packed.pdf",
    "ecosoc-var.chromium.naskh-indent.pdf",
    "ga-dec-oral.libreoffice.tight.pdf",
    "ga-res-annex-decl.chromium.amiri-spaced.pdf",
    "ga-res-two-parts.fpdf2.amiri-packed.pdf",
    "hrc-res-roman.fpdf2.amiri-packed.pdf",
    "hrc-res-sections.libreoffice.tight.pdf",
    "report-annex-resolution.fpdf2.amiri-packed.pdf",
    "report-covering-note.fpdf2.amiri-spaced.pdf",
    "report-covering-note.libreoffice.tight.pdf",
    "report-latin-notes.chromium.naskh-indent.pdf",
}


def main(argv: list[str]) -> int:
    out = Path(argv[0]) if argv else Path(tempfile.mkdtemp(prefix="variant-pdfs-"))
    out.mkdir(parents=True, exist_ok=True)
    for path in sorted(VARIANTS.glob("*.txt")):
        src = load(path)
        for name in TYPESETTERS:
            module = importlib.import_module(f"typeset.{name}")
            for style in module.STYLES:
                pdf = out / f"{path.stem}.{name}.{style}.pdf"
                module.typeset(src, style, pdf)
                if pdf.name in KEEP:
                    shutil.copy(pdf, VARIANTS / "pdf" / pdf.name)
    print(out)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
