"""Make every committed input of the accuracy benchmark from ``sources/*.txt``.

The one command (from the repository root; about a minute a typesetter on 2 cores)::

    .venv/bin/python benchmarks/accuracy/generate.py            # PDFs, texts and garbled
    .venv/bin/python benchmarks/accuracy/generate.py --texts --only ga-res-example

Steps (no flag: all three, in this order):

- ``--pdfs``: ``inputs/pdf/TYPESETTER/NAME.pdf``, each source typeset by each typesetter
  (``typeset/{libreoffice,chromium,fpdf2}.py``) in the style ``STYLES[i % len(STYLES)]``,
  ``i`` the document's position in the sorted list of all source names;
- ``--texts``: ``inputs/text/TYPESETTER/EXTRACTOR/NAME.txt``, every extractor of
  ``extract.py`` on every PDF there (the tool's output as it gives it, UTF-8; a tool that
  fails writes nothing and the failure goes in the manifest);
- ``--garbled``: ``inputs/garbled/GARBLER/NAME.txt`` (``garble.py``) and
  ``inputs/garbled/unpc-lines.jsonl`` (``{"split","clean","garbled"}`` a line).

``inputs/manifest.json`` records the versions of every typesetter, extractor and garbler,
the style of each PDF, the date and the failures (sorted keys; the per-file outputs hold no
timestamp; ``SOURCE_DATE_EPOCH`` is set for the typesetters that honour it). ``--only``
limits the work to some documents; the manifest is then updated, not replaced. The work
runs over 2 processes (``--jobs``). A typesetter whose module or program is missing is
skipped with a message; a missing extractor stops the run (exit 2) before any work.

Needs (Debian)::

    apt-get install poppler-utils libreoffice-writer-nogui chromium \\
        fonts-hosny-amiri fonts-noto-core fonts-kacst

and (pip, in the venv)::

    pip install pypdfium2 pymupdf pypdf pdfplumber fpdf2 uharfbuzz python-docx
"""

from __future__ import annotations

import argparse
import concurrent.futures
import datetime
import importlib
import json
import os
import platform
import shutil
import sys
import tempfile
import time
import traceback
from pathlib import Path
from types import ModuleType
from typing import Any

HERE = Path(__file__).resolve().parent
if str(HERE) not in sys.path:
    sys.path.insert(0, str(HERE))

import extract  # noqa: E402
import garble  # noqa: E402
from source import Source, load_all  # noqa: E402

INPUTS = HERE / "inputs"
TYPESETTERS = ("libreoffice", "chromium", "fpdf2")
# typesetter → (programs on PATH, Python modules, how to install what is missing)
NEEDS: dict[str, tuple[tuple[str, ...], tuple[str, ...], str]] = {
    "libreoffice": (("soffice",), (), "apt-get install libreoffice-writer-nogui fonts-noto-core"),
    "chromium": (("chromium",), (), "apt-get install chromium fonts-hosny-amiri fonts-noto-core"),
    "fpdf2": ((), ("fpdf", "uharfbuzz"), "pip install fpdf2 uharfbuzz; apt-get install fonts-hosny-amiri"),
}


def load_typesetter(name: str) -> tuple[ModuleType | None, str]:
    """The typesetter module, or None and why it cannot run here."""
    programs, modules, how = NEEDS[name]
    for prog in programs:
        if shutil.which(prog) is None:
            return None, f"program {prog!r} not found ({how})"
    for mod in modules:
        try:
            importlib.import_module(mod)
        except ImportError:
            return None, f"Python module {mod!r} not installed ({how})"
    try:
        module = importlib.import_module(f"typeset.{name}")
    except Exception as exc:  # missing, or being written (a SyntaxError is no ImportError)
        return None, f"module typeset/{name}.py cannot be imported: {_error(exc)}"
    for attr in ("STYLES", "version", "typeset"):
        if not hasattr(module, attr):
            return None, f"module typeset/{name}.py has no {attr}"
    return module, ""


def style_of(module: ModuleType, all_names: list[str], name: str) -> str:
    """The style of a document: by its position among all source names, not its content."""
    styles: tuple[str, ...] = module.STYLES
    return styles[all_names.index(name) % len(styles)]


def _write(path: Path, text: str) -> None:
    """UTF-8, written atomically, no newline translation."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_bytes(text.encode("utf-8", "surrogatepass"))
    tmp.replace(path)


def _error(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {exc}".strip()[:500]


# --- the tasks (run in the worker processes) ---------------------------------------------


def task_pdf(out: str, typesetter: str, name: str, style: str) -> dict[str, Any]:
    """Typeset one source; the PDF is written to a temp file first, then moved in place."""
    t0 = time.monotonic()
    module, why = load_typesetter(typesetter)
    if module is None:
        return {"ok": False, "error": why, "seconds": 0.0}
    src = next(s for s in load_all() if s.name == name)
    final = Path(out) / "pdf" / typesetter / f"{name}.pdf"
    final.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="unparse-typeset-") as tmp:
        pdf = Path(tmp) / f"{name}.pdf"
        try:
            module.typeset(src, style, pdf)
            if not pdf.is_file() or pdf.stat().st_size == 0:
                raise RuntimeError("the typesetter wrote no PDF")
        except Exception as exc:
            final.unlink(missing_ok=True)
            return {"ok": False, "error": _error(exc), "seconds": time.monotonic() - t0}
        shutil.move(str(pdf), final)
    return {"ok": True, "error": "", "seconds": time.monotonic() - t0}


def task_texts(out: str, typesetter: str, name: str) -> dict[str, Any]:
    """Every extractor on one PDF; a failing tool writes nothing (a stale file is removed)."""
    t0 = time.monotonic()
    pdf = Path(out) / "pdf" / typesetter / f"{name}.pdf"
    failures: dict[str, str] = {}
    for extractor, fn in extract.EXTRACTORS.items():
        target = Path(out) / "text" / typesetter / extractor / f"{name}.txt"
        try:
            _write(target, fn(pdf))
        except Exception as exc:
            target.unlink(missing_ok=True)
            failures[extractor] = _error(exc)
    return {"ok": not failures, "failures": failures, "seconds": time.monotonic() - t0}


def task_garble(out: str, garbler: str, name: str) -> dict[str, Any]:
    t0 = time.monotonic()
    target = Path(out) / "garbled" / garbler / f"{name}.txt"
    try:
        src = next(s for s in load_all() if s.name == name)
        _write(target, garble.GARBLERS[garbler](src))
    except Exception:
        target.unlink(missing_ok=True)
        return {"ok": False, "error": traceback.format_exc(limit=3)[-500:], "seconds": time.monotonic() - t0}
    return {"ok": True, "error": "", "seconds": time.monotonic() - t0}


def task_unpc(out: str) -> dict[str, Any]:
    t0 = time.monotonic()
    _write(Path(out) / "garbled" / "unpc-lines.jsonl", garble.unpc_jsonl())
    return {"ok": True, "error": "", "seconds": time.monotonic() - t0}


# --- the driver ------------------------------------------------------------------------


def _run(jobs: int, tasks: list[tuple[str, Any, tuple[Any, ...]]]) -> dict[str, dict[str, Any]]:
    """Run (label, function, args) tasks over ``jobs`` processes, printing progress."""
    results: dict[str, dict[str, Any]] = {}
    if not tasks:
        return results
    with concurrent.futures.ProcessPoolExecutor(max_workers=jobs) as pool:
        futures = {pool.submit(fn, *args): label for label, fn, args in tasks}
        for n, fut in enumerate(concurrent.futures.as_completed(futures), 1):
            label = futures[fut]
            try:
                res = fut.result()
            except Exception as exc:  # a worker died (a crashing tool)
                res = {"ok": False, "error": _error(exc), "seconds": 0.0}
            results[label] = res
            status = (
                "ok" if res["ok"] else "FAILED " + (res.get("error") or ", ".join(res.get("failures", {})))
            )
            print(f"[{n}/{len(tasks)}] {label} {status} ({res['seconds']:.1f}s)", flush=True)
    return results


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--pdfs", action="store_true", help="typeset the sources")
    ap.add_argument("--texts", action="store_true", help="run the extractors on the PDFs")
    ap.add_argument("--garbled", action="store_true", help="garble the sources, the unpc lines")
    ap.add_argument("--only", nargs="+", metavar="NAME", help="only these documents")
    ap.add_argument("--typesetters", nargs="+", choices=TYPESETTERS, default=list(TYPESETTERS))
    ap.add_argument("--jobs", type=int, default=2, help="worker processes (default 2)")
    ap.add_argument("--out", type=Path, default=INPUTS, help="output directory (default inputs/)")
    args = ap.parse_args(argv)
    if not (args.pdfs or args.texts or args.garbled):
        args.pdfs = args.texts = args.garbled = True
    os.environ.setdefault("SOURCE_DATE_EPOCH", "946684800")  # 2000-01-01, for reproducible PDFs

    sources: list[Source] = load_all()
    all_names = sorted(s.name for s in sources)
    names = all_names
    if args.only:
        unknown = sorted(set(args.only) - set(all_names))
        if unknown:
            print(f"error: no source named {', '.join(unknown)} in {HERE / 'sources'}", file=sys.stderr)
            return 2
        names = sorted(set(args.only))
    if args.texts:
        missing = extract.missing()
        if missing:
            for name, how in sorted(missing.items()):
                print(f"error: extractor {name} cannot run: {how}", file=sys.stderr)
            return 2
    out = args.out.resolve()
    manifest_path = out / "manifest.json"
    manifest: dict[str, Any] = json.loads(manifest_path.read_text("utf-8")) if manifest_path.is_file() else {}
    manifest.setdefault("pdfs", {})
    old_failures: list[dict[str, str]] = manifest.get("failures", [])
    failures: list[dict[str, str]] = []  # this run's
    manifest.setdefault("typesetters", {})
    redone: set[tuple[str, str]] = set()  # (step, name) whose old failures are dropped

    typesetters: dict[str, ModuleType] = {}
    for t in args.typesetters:
        module, why = load_typesetter(t)
        if module is None:
            print(f"skip typesetter {t}: {why}", file=sys.stderr)
            if args.pdfs:
                manifest["typesetters"][t] = {"skipped": why}
        else:
            typesetters[t] = module
    if args.pdfs and not typesetters:
        print("error: no typesetter can run here (see the messages above)", file=sys.stderr)
        return 2

    if args.pdfs:
        tasks = []
        for t, module in typesetters.items():
            manifest["typesetters"][t] = {"version": module.version(), "styles": list(module.STYLES)}
            for name in names:
                style = style_of(module, all_names, name)
                tasks.append((f"pdf {t}/{name} [{style}]", task_pdf, (str(out), t, name, style)))
                manifest["pdfs"].setdefault(t, {})[name] = style
                redone.add(("pdf", f"{t}/{name}"))
        print(f"typesetting {len(tasks)} PDFs over {args.jobs} processes", flush=True)
        for label, res in _run(args.jobs, tasks).items():
            if not res["ok"]:
                t_name = label.split()[1]
                failures.append({"step": "pdf", "item": t_name, "error": res["error"]})
                t, _, name = t_name.partition("/")
                manifest["pdfs"].get(t, {}).pop(name, None)

    if args.texts:
        tasks = []
        for t in args.typesetters:
            for name in names:
                if (out / "pdf" / t / f"{name}.pdf").is_file():
                    tasks.append((f"texts {t}/{name}", task_texts, (str(out), t, name)))
                    redone.add(("text", f"{t}/{name}"))
        print(f"extracting {len(tasks)} PDFs x {len(extract.EXTRACTORS)} tools", flush=True)
        for label, res in _run(args.jobs, tasks).items():
            item = label.split()[1]
            for extractor, error in sorted(res.get("failures", {}).items()):
                failures.append({"step": "text", "item": f"{item}/{extractor}", "error": error})
            if res.get("error"):
                failures.append({"step": "text", "item": item, "error": res["error"]})
        manifest["extractors"] = extract.versions()

    if args.garbled:
        tasks = [
            (f"garble {g}/{name}", task_garble, (str(out), g, name))
            for g in garble.GARBLERS
            for name in names
        ]
        redone.update(("garbled", f"{g}/{name}") for g in garble.GARBLERS for name in names)
        if not args.only:
            tasks.append(("garble unpc-lines", task_unpc, (str(out),)))
            redone.add(("garbled", "unpc-lines"))
        print(f"garbling {len(tasks)} inputs", flush=True)
        for label, res in _run(args.jobs, tasks).items():
            if not res["ok"]:
                failures.append({"step": "garbled", "item": label.split()[1], "error": res["error"]})
        manifest["garblers"] = {g: garble.GARBLER_VERSION for g in garble.GARBLERS}

    def stale(f: dict[str, str]) -> bool:
        """An old failure of an item this run made again."""
        step = {"pdf": "pdf", "text": "text", "garbled": "garbled"}[f["step"]]
        return any(k[0] == step and (f["item"] == k[1] or f["item"].startswith(k[1] + "/")) for k in redone)

    manifest["failures"] = sorted(
        [f for f in old_failures if not stale(f)] + failures, key=lambda f: (f["step"], f["item"])
    )
    manifest["date"] = datetime.date.today().isoformat()
    manifest["python"] = platform.python_version()
    manifest["sources"] = all_names
    out.mkdir(parents=True, exist_ok=True)
    _write(manifest_path, json.dumps(manifest, ensure_ascii=False, indent=1, sort_keys=True) + "\n")
    n_fail = len(manifest["failures"])
    print(f"wrote {manifest_path} ({n_fail} failure{'s' if n_fail != 1 else ''} recorded)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
