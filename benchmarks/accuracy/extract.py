"""The text extractors of the benchmark: popular tools, each run the way its users run it.

``EXTRACTORS`` maps a name to a function ``PDF path -> text`` (the tool's output as it gives
it: no repair, no normalisation, no stripping); ``versions()`` gives each tool's version.

========================  ==================================================================
name                      what runs; how pages are separated
========================  ==================================================================
``pdftotext``             ``pdftotext -enc UTF-8 FILE -`` (poppler); each page ends with ``\\f``
``pdftotext-layout``      the same with ``-layout``; each page ends with ``\\f``
``pdftotext-raw``         the same with ``-raw`` (content-stream order); each page ends ``\\f``
``pdfminer``              ``pdfminer.high_level.extract_text(FILE)``; each page ends with ``\\f``
``pdfplumber``            ``page.extract_text()`` of each page joined with ``\\n`` (what its
                          CLI ``--format text`` prints: one ``print`` a page, no form feed)
``pypdfium2``             ``page.get_textpage().get_text_range()`` of each page joined ``\\f``
``pymupdf``               ``page.get_text()`` of each page, each followed by ``\\f`` (what
                          ``pymupdf gettext`` writes); PyMuPDF is AGPL: benchmark only, never
                          imported by ``src/unparse``
``pypdf``                 ``page.extract_text()`` of each page joined with ``\\f`` (pypdf has
                          no document-level text; the form feed keeps the page breaks)
========================  ==================================================================

Every library is imported inside its function, so a missing one fails only its extractor
(``MissingTool`` says which pip package provides it). Run as a script on PDFs to print each
tool's output: ``python benchmarks/accuracy/extract.py FILE.pdf [EXTRACTOR ...]``.
"""

from __future__ import annotations

import importlib.metadata
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

# extractor → (pip distribution, Debian package) that provides it
PROVIDERS: dict[str, tuple[str | None, str | None]] = {
    "pdftotext": (None, "poppler-utils"),
    "pdftotext-layout": (None, "poppler-utils"),
    "pdftotext-raw": (None, "poppler-utils"),
    "pdfminer": ("pdfminer.six", None),
    "pdfplumber": ("pdfplumber", None),
    "pypdfium2": ("pypdfium2", None),
    "pymupdf": ("pymupdf", None),
    "pypdf": ("pypdf", None),
}
TIMEOUT = 300  # seconds, for the pdftotext runs


class MissingTool(RuntimeError):
    """An extractor's program or library is not installed."""


def _pdftotext(*flags: str) -> Callable[[Path], str]:
    def run(pdf: Path) -> str:
        exe = shutil.which("pdftotext")
        if exe is None:
            raise MissingTool("pdftotext is not on PATH (Debian package poppler-utils)")
        proc = subprocess.run(
            [exe, *flags, "-enc", "UTF-8", str(pdf), "-"],
            capture_output=True,
            timeout=TIMEOUT,
            check=False,
        )
        if proc.returncode != 0:
            err = proc.stderr.decode("utf-8", "replace").strip()
            raise RuntimeError(f"pdftotext exited {proc.returncode}: {err[:300]}")
        return proc.stdout.decode("utf-8", "replace")

    run.__doc__ = f"``pdftotext {' '.join(flags)} -enc UTF-8 FILE -``".replace("  ", " ")
    return run


def _need(module: str, dist: str) -> None:
    try:
        __import__(module)
    except ImportError as exc:
        raise MissingTool(f"{module} is not installed (pip install {dist})") from exc


def pdfminer_text(pdf: Path) -> str:
    """``pdfminer.high_level.extract_text`` with its default layout parameters."""
    _need("pdfminer", "pdfminer.six")
    from pdfminer.high_level import extract_text

    return str(extract_text(str(pdf)))


def pdfplumber_text(pdf: Path) -> str:
    """``page.extract_text()`` of every page, joined with a newline."""
    _need("pdfplumber", "pdfplumber")
    import pdfplumber

    with pdfplumber.open(str(pdf)) as doc:
        return "\n".join(page.extract_text() or "" for page in doc.pages)


def pypdfium2_text(pdf: Path) -> str:
    """``page.get_textpage().get_text_range()`` of every page, joined with a form feed."""
    _need("pypdfium2", "pypdfium2")
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(pdf))
    try:
        pages: list[str] = []
        for i in range(len(doc)):
            page = doc[i]
            textpage = page.get_textpage()
            pages.append(textpage.get_text_range())
            textpage.close()
            page.close()
        return "\f".join(pages)
    finally:
        doc.close()


def pymupdf_text(pdf: Path) -> str:
    """``page.get_text()`` of every page, each followed by a form feed (AGPL: benchmark only)."""
    _need("pymupdf", "pymupdf")
    import pymupdf

    with pymupdf.open(str(pdf)) as doc:
        return "".join(page.get_text() + "\f" for page in doc)


def pypdf_text(pdf: Path) -> str:
    """``page.extract_text()`` of every page, joined with a form feed."""
    _need("pypdf", "pypdf")
    from pypdf import PdfReader

    reader = PdfReader(str(pdf))
    return "\f".join(page.extract_text() for page in reader.pages)


EXTRACTORS: dict[str, Callable[[Path], str]] = {
    "pdftotext": _pdftotext(),
    "pdftotext-layout": _pdftotext("-layout"),
    "pdftotext-raw": _pdftotext("-raw"),
    "pdfminer": pdfminer_text,
    "pdfplumber": pdfplumber_text,
    "pypdfium2": pypdfium2_text,
    "pymupdf": pymupdf_text,
    "pypdf": pypdf_text,
}


def _poppler_version() -> str:
    exe = shutil.which("pdftotext")
    if exe is None:
        return "missing"
    proc = subprocess.run([exe, "-v"], capture_output=True, text=True, check=False)
    first = (proc.stderr or proc.stdout).strip().splitlines()
    return first[0].removeprefix("pdftotext version ").strip() if first else "unknown"


def _dist_version(dist: str) -> str:
    try:
        return importlib.metadata.version(dist)
    except importlib.metadata.PackageNotFoundError:
        return "missing"


def versions() -> dict[str, str]:
    """Each extractor's version (``missing`` if it is not installed); the bundled engines
    too where the wrapper's version does not say it (PDFium's build, MuPDF's version)."""
    out: dict[str, str] = {}
    poppler = _poppler_version()
    for name, (dist, _deb) in PROVIDERS.items():
        out[name] = f"poppler {poppler}" if dist is None else _dist_version(dist)
    if out["pypdfium2"] != "missing":
        try:
            import pypdfium2

            out["pypdfium2"] += f" (pdfium {pypdfium2.PDFIUM_INFO})"
        except Exception:  # pragma: no cover - an old wrapper without the attribute
            pass
    if out["pymupdf"] != "missing":
        try:
            import pymupdf

            out["pymupdf"] += f" (mupdf {pymupdf.mupdf_version})"
        except Exception:  # pragma: no cover
            pass
    return out


def missing() -> dict[str, str]:
    """Extractors that cannot run here → how to install what they need."""
    out: dict[str, str] = {}
    for name, (dist, deb) in PROVIDERS.items():
        if dist is None:
            if shutil.which("pdftotext") is None:
                out[name] = f"apt-get install {deb}"
        elif _dist_version(dist) == "missing":
            out[name] = f"pip install {dist}"
    return out


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__)
        return 2
    pdf, names = Path(argv[0]), argv[1:] or list(EXTRACTORS)
    for name in names:
        print(f"===== {name}")
        try:
            print(EXTRACTORS[name](pdf))
        except Exception as exc:
            print(f"FAILED: {type(exc).__name__}: {exc}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
