"""Dump what unparse makes of every sample, fixture and benchmark input, and compare two dumps.

A refactor must not change outputs. Before it::

    python scripts/compare_outputs.py dump /tmp/before [--quick]

after it::

    python scripts/compare_outputs.py dump /tmp/after [--quick]
    python scripts/compare_outputs.py compare /tmp/before /tmp/after

``dump`` writes, for each text input (``samples/*.txt``, ``tests/fixtures/**/*.txt``,
``benchmarks/accuracy/inputs/text/**/*.txt``, ``benchmarks/accuracy/inputs/garbled/**``),
``NAME.normalize.txt`` (``normalize``), ``NAME.fixes.txt`` (the fix log of ``repair_text``: one
JSON line per fix, then its warnings) and ``NAME.json`` (``parse_text``, as the JSON exporter
writes it); for each PDF (``tests/fixtures/**/*.pdf``, ``benchmarks/accuracy/inputs/pdf/**``)
``NAME.json`` (``parse_pdf``). An input the library refuses gives ``NAME.error.txt``, the
exception's type and message, so a change in what is refused shows too. A JSONL line set
(``{"garbled": ...}`` per line) gives one normalised line per record and one fix log line
per record. PDFs are slow to parse:
``--quick`` dumps the text inputs only. ``compare`` checks the two folders byte for byte and
lists the files that differ or are in one folder only (names only: the benchmark's test split
is read only through its scores, so no content is printed); it exits 1 when anything differs.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

import unparse  # noqa: E402
from unparse import parse_pdf, parse_text, repair_text  # noqa: E402
from unparse.errors import UnparseError  # noqa: E402
from unparse.export import json as json_export  # noqa: E402
from unparse.repair import RepairResult  # noqa: E402

BENCH = Path("benchmarks/accuracy/inputs")


def text_inputs(root: Path) -> Iterator[Path]:
    """Every text input, as a path relative to ``root``, in a stable order."""
    patterns = [
        (Path("samples"), "*.txt"),
        (Path("tests/fixtures"), "**/*.txt"),
        (BENCH / "text", "**/*.txt"),
        (BENCH / "garbled", "**/*"),
    ]
    for folder, pattern in patterns:
        for path in sorted((root / folder).glob(pattern)):
            if path.is_file():
                yield path.relative_to(root)


def pdf_inputs(root: Path) -> Iterator[Path]:
    for folder in (Path("tests/fixtures"), BENCH / "pdf"):
        for path in sorted((root / folder).glob("**/*.pdf")):
            yield path.relative_to(root)


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8", newline="")


def _error(root: Path, out: Path, exc: Exception) -> None:
    message = str(exc).replace(f"{root}{os.sep}", "")  # the same in any clone
    _write(out.with_name(out.name + ".error.txt"), f"{type(exc).__name__}: {message}\n")


def fix_log(result: RepairResult) -> str:
    """Every fix (kind, line, before, after, confidence) and warning, one JSON line each: a
    change in what was fixed, or in a confidence, shows even where the text is the same."""
    rows = [[f.kind, f.line, f.before, f.after, f.confidence] for f in result.fixes]
    rows += [["warning", w] for w in result.warnings]
    return "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows)


def dump_text(root: Path, rel: Path, out: Path) -> None:
    """``normalize`` and ``parse_text`` of one text input (or of each record of a JSONL)."""
    # Read as the accuracy benchmark reads it (some extractors' texts hold NUL bytes, which
    # ``parse`` refuses as binary but ``parse_text`` takes).
    text = (root / rel).read_text(encoding="utf-8")
    if rel.suffix == ".jsonl":
        records = [json.loads(line) for line in text.splitlines() if line.strip()]
        results = [repair_text(r["garbled"]) for r in records]
        _write(
            out.with_name(out.name + ".normalize.jsonl"), "".join(json.dumps(r.text) + "\n" for r in results)
        )
        _write(
            out.with_name(out.name + ".fixes.jsonl"),
            "".join(json.dumps(fix_log(r), ensure_ascii=False) + "\n" for r in results),
        )
        return
    try:
        result = repair_text(text)
        _write(out.with_name(out.name + ".normalize.txt"), result.text)
        _write(out.with_name(out.name + ".fixes.txt"), fix_log(result))
        _write(out.with_name(out.name + ".json"), json_export.render(parse_text(text, source=str(rel))))
    except UnparseError as exc:
        _error(root, out, exc)


def dump_pdf(root: Path, rel: Path, out: Path) -> None:
    try:
        doc = parse_pdf(root / rel)
    except UnparseError as exc:
        _error(root, out, exc)
        return
    doc.source = str(rel)  # the same in any clone
    _write(out.with_name(out.name + ".json"), json_export.render(doc))


def dump(root: Path, dest: Path, quick: bool = False, only: list[str] | None = None) -> int:
    """Dump every input under ``root`` into ``dest``; the number of inputs dumped.
    ``only``: keep the inputs whose relative path contains one of these strings."""
    jobs = [(rel, dump_text) for rel in text_inputs(root)]
    if not quick:
        jobs += [(rel, dump_pdf) for rel in pdf_inputs(root)]
    if only:
        jobs = [(rel, f) for rel, f in jobs if any(s in str(rel) for s in only)]
    for rel, dumper in jobs:
        dumper(root, rel, dest / rel)
    return len(jobs)


def compare(a: Path, b: Path) -> list[str]:
    """The files that differ between the two dumps, or are in one only, as report lines."""
    files_a = {p.relative_to(a) for p in a.rglob("*") if p.is_file()}
    files_b = {p.relative_to(b) for p in b.rglob("*") if p.is_file()}
    report = [f"only in {a}: {rel}" for rel in sorted(files_a - files_b)]
    report += [f"only in {b}: {rel}" for rel in sorted(files_b - files_a)]
    report += [
        f"differs: {rel}"
        for rel in sorted(files_a & files_b)
        if (a / rel).read_bytes() != (b / rel).read_bytes()
    ]
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    d = sub.add_parser("dump", help="dump every input's outputs into a folder")
    d.add_argument("dest", type=Path)
    d.add_argument("--quick", action="store_true", help="text inputs only (no PDF)")
    d.add_argument("--only", nargs="+", metavar="PART", help="inputs whose path contains PART")
    c = sub.add_parser("compare", help="compare two dumps byte for byte")
    c.add_argument("a", type=Path)
    c.add_argument("b", type=Path)
    args = parser.parse_args(argv)
    if args.command == "dump":
        if args.dest.exists() and any(args.dest.iterdir()):
            parser.error(f"{args.dest} is not empty: dump into a new folder")
        start = time.perf_counter()
        n = dump(ROOT, args.dest, quick=args.quick, only=args.only)
        took = time.perf_counter() - start
        print(f"{n} inputs dumped into {args.dest} in {took:.0f} s by {Path(unparse.__file__).parent}")
        return 0
    report = compare(args.a, args.b)
    for line in report:
        print(line)
    n = sum(1 for p in args.a.rglob("*") if p.is_file())
    print(f"{len(report)} files differ ({n} files in {args.a})" if report else f"identical: {n} files")
    return 1 if report else 0


if __name__ == "__main__":
    sys.exit(main())
