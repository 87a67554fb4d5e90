"""Run unparse over the benchmark's committed inputs, print the matrix, write ACCURACY.md.

    python benchmarks/accuracy/run.py            # everything (make accuracy)
    python benchmarks/accuracy/run.py --subset   # the fixed subset of the floor test
    python benchmarks/accuracy/run.py --raise-floors   # after a full run: floors only go up

Inputs (made by generate.py, committed): ``inputs/text/TYPESETTER/EXTRACTOR/NAME.txt``
(scored through ``parse_text`` and ``normalize``), ``inputs/pdf/TYPESETTER/NAME.pdf``
(through ``parse_pdf``, the row ``parse_pdf``), ``inputs/garbled/GARBLER/NAME.txt`` (the
column ``source``: garblers damage the source text itself) and
``inputs/garbled/unpc-lines.jsonl`` (real UN lines, garbled one by one, scored by lines
exactly right).
"""

from __future__ import annotations

import argparse
import datetime
import json
import multiprocessing
import os
import platform
import sys
import time
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(HERE))

import score  # noqa: E402
import source  # noqa: E402

INPUTS = HERE / "inputs"
RESULTS = HERE / "results.json"
FLOORS = HERE / "floors.json"
ACCURACY = ROOT / "ACCURACY.md"
GARBLED_COLUMN = "source"


@dataclass(frozen=True)
class Job:
    row: str  # extractor, "parse_pdf" or garbler
    column: str  # typesetter, or "source"
    doc: str
    path: str
    kind: str  # "text" or "pdf"


def find_jobs(
    docs: set[str] | None = None, rows: set[str] | None = None, split: str | None = None
) -> list[Job]:
    jobs: list[Job] = []
    for pdf in sorted((INPUTS / "pdf").glob("*/*.pdf")):
        jobs.append(Job("parse_pdf", pdf.parent.name, pdf.stem, str(pdf), "pdf"))
    for txt in sorted((INPUTS / "text").glob("*/*/*.txt")):
        jobs.append(Job(txt.parent.name, txt.parent.parent.name, txt.stem, str(txt), "text"))
    for txt in sorted((INPUTS / "garbled").glob("*/*.txt")):
        jobs.append(Job(txt.parent.name, GARBLED_COLUMN, txt.stem, str(txt), "text"))
    names = {s.name for s in source.load_all(split)}
    return [
        j
        for j in jobs
        if j.doc in names and (docs is None or j.doc in docs) and (rows is None or j.row in rows)
    ]


_SOURCES: dict[str, source.Source] = {}


def _source(name: str) -> source.Source:
    if name not in _SOURCES:
        _SOURCES[name] = source.load(source.SOURCES / f"{name}.txt")
    return _SOURCES[name]


def gold_blocks(src: source.Source) -> tuple[list[str], list[str]]:
    blocks = [src.render(b.printed()) for b in src.body_blocks()]
    notes = [src.render(src.notes[m]) for m in src.note_order()]
    return blocks, notes


def run_job(job: Job) -> tuple[Job, score.InputScore, float]:
    import unparse

    src = _source(job.doc)
    blocks, notes = gold_blocks(src)
    start = time.perf_counter()
    before = None
    try:
        if job.kind == "pdf":
            doc = unparse.parse_pdf(job.path)
            text = doc.text
        else:
            raw = Path(job.path).read_text(encoding="utf-8")
            doc = unparse.parse_text(raw)
            text = doc.text
            before = score.score_text(raw, blocks, notes)
    except Exception as exc:  # a crash is a result: the input scores zero
        empty = score.F1(0, 0, 0)
        g = score.gold_units(src.gold())
        return (
            job,
            score.InputScore(
                job.doc,
                src.split,
                score.F1(0, len(g["paragraphs"]), 0),
                score.F1(0, len(g["sub_items"]), 0) if g["sub_items"] else empty,
                score.F1(0, len(g["footnotes"]), 0) if g["footnotes"] else empty,
                score.score_text("", blocks, notes),
                None,
                f"crash: {type(exc).__name__}: {exc}"[:120],
            ),
            time.perf_counter() - start,
        )
    elapsed = time.perf_counter() - start
    gold = src.gold()
    paras, subs, feet, first = score.score_document(doc, gold)
    result = score.InputScore(
        job.doc, src.split, paras, subs, feet, score.score_text(text, blocks, notes), before, first
    )
    result.counts_off = score.counts_off(score.structure_counts(doc), score.structure_counts(gold))
    if job.kind == "text":
        result.lost = score.lost_without_fix(raw, text, doc.fixes)
        result.idempotent = unparse.normalize(text) == text
    return job, result, elapsed


def unpc_lines(split: str | None) -> tuple[int, int, int]:
    """(lines, exact after normalize, exact before) on the garbled unpc line set."""
    import unparse

    path = INPUTS / "garbled" / "unpc-lines.jsonl"
    if not path.exists():
        return 0, 0, 0
    total = exact = exact_before = 0
    for line in path.read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        if split is not None and rec["split"] != split:
            continue
        clean = score.fair(rec["clean"])
        total += 1
        exact += score.fair(unparse.normalize(rec["garbled"])) == clean
        exact_before += score.fair(rec["garbled"]) == clean
    return total, exact, exact_before


# --------------------------------------------------------------------------- aggregate


@dataclass
class Cell:
    paragraphs: score.F1 = field(default_factory=score.F1)
    sub_items: score.F1 = field(default_factory=score.F1)
    footnotes: score.F1 = field(default_factory=score.F1)
    edits: int = 0
    length: int = 0
    edits_before: int = 0
    numbers_found: int = 0
    numbers_total: int = 0
    inputs: int = 0
    harmed: int = 0
    lost: int = 0  # inputs that lost letters or digits without a recorded fix
    not_idempotent: int = 0
    counts_exact: int = 0  # inputs whose structure counts all equal the gold's
    seconds: float = 0.0

    def add(self, s: score.InputScore, seconds: float) -> None:
        self.paragraphs.add(s.paragraphs)
        self.sub_items.add(s.sub_items)
        self.footnotes.add(s.footnotes)
        self.edits += s.text.edits
        self.length += s.text.length
        self.edits_before += s.before.edits if s.before else s.text.edits
        self.numbers_found += s.text.numbers_found
        self.numbers_total += s.text.numbers_total
        self.inputs += 1
        self.harmed += s.harmed
        self.lost += s.lost > 0
        self.not_idempotent += not s.idempotent
        self.counts_exact += s.counts_exact
        self.seconds += seconds

    @property
    def cer(self) -> float:
        return self.edits / max(self.length, 1)

    @property
    def cer_before(self) -> float:
        return self.edits_before / max(self.length, 1)

    def as_dict(self) -> dict[str, Any]:
        return {
            "paragraph_f1": round(self.paragraphs.value, 4),
            "sub_item_f1": round(self.sub_items.value, 4),
            "footnote_f1": round(self.footnotes.value, 4),
            "doc_cer": round(self.cer, 4),
            "doc_cer_before": round(self.cer_before, 4),
            "number_recall": round(self.numbers_found / self.numbers_total if self.numbers_total else 1.0, 4),
            "inputs": self.inputs,
            "harmed": self.harmed,
            "lost": self.lost,
            "not_idempotent": self.not_idempotent,
            "counts_exact": round(self.counts_exact / max(self.inputs, 1), 4),
        }


def aggregate(
    results: Iterable[tuple[Job, score.InputScore, float]], split: str | None
) -> dict[tuple[str, str], Cell]:
    cells: dict[tuple[str, str], Cell] = defaultdict(Cell)
    for job, s, sec in results:
        if split is None or s.split == split:
            cells[(job.row, job.column)].add(s, sec)
    return cells


# --------------------------------------------------------------------------- report


def _order(rows: Iterable[str], first: list[str]) -> list[str]:
    rows = set(rows)
    return [r for r in first if r in rows] + sorted(rows - set(first))


ROW_ORDER = [
    "pdftotext",
    "pdftotext-layout",
    "pdftotext-raw",
    "pdfminer",
    "pdfplumber",
    "pypdfium2",
    "pymupdf",
    "pypdf",
    "parse_pdf",
]
COLUMN_ORDER = ["libreoffice", "chromium", "fpdf2"]


def table(cells: dict[tuple[str, str], Cell], fmt: Any, columns: list[str], rows: list[str]) -> list[str]:
    out = ["| input | " + " | ".join(columns) + " |", "|---|" + "---|" * len(columns)]
    for r in rows:
        vals = [fmt(cells[(r, c)]) if (r, c) in cells else "" for c in columns]
        out.append(f"| {r} | " + " | ".join(vals) + " |")
    return out


def report(
    results: list[tuple[Job, score.InputScore, float]],
    unpc: dict[str, tuple[int, int, int]],
    elapsed: float,
    subset: bool,
) -> tuple[str, str, dict[str, Any]]:
    cells = aggregate(results, None)
    dev = aggregate(results, "dev")
    test = aggregate(results, "test")
    docs = sorted({s.doc for _, s, _ in results})
    columns = _order({c for _, c in cells if c != GARBLED_COLUMN}, COLUMN_ORDER)
    rows = _order({r for r, c in cells if c != GARBLED_COLUMN}, ROW_ORDER)
    garblers = sorted({r for r, c in cells if c == GARBLED_COLUMN})
    extractors = [r for r in rows if r != "parse_pdf"]
    n_test = sum(1 for d in docs if _source(d).split == "test")
    harmed = sum(c.harmed for c in cells.values())
    worst = min(cells.items(), key=lambda kv: kv[1].paragraphs.value) if cells else None
    test_f1 = score.F1()
    for c in test.values():
        test_f1.add(c.paragraphs)
    summary = (
        f"accuracy: {len(docs)} documents, {len(columns)} typesetters, {len(extractors)} extractors, "
        f"{len(garblers)} garblers; worst cell F1 {worst[1].paragraphs.value:.2f}; harmed inputs {harmed}; "
        f"test split F1 {test_f1.value:.2f}"
        if worst
        else "accuracy: no inputs"
    )

    def pf(c: Cell) -> str:
        return f"{c.paragraphs.value:.2f} / {100 * c.cer:.1f}%"

    lines = [
        "# Accuracy",
        "",
        f"Written by `make accuracy` ({'subset' if subset else 'full run'}) on "
        f"{datetime.date.today().isoformat()}, {platform.machine()}, Python {platform.python_version()}, "
        f"in {elapsed:.0f} s. {len(docs)} documents ({len(docs) - n_test} dev, {n_test} test), "
        f"{len(results)} inputs. How the corpus, the inputs and the scores are made: "
        "`benchmarks/accuracy/README.md`. The test split is read only through these scores.",
        "",
        "## Paragraph F1 / doc CER, all documents",
        "",
        "Rows: the text of each extractor through `parse_text` (and `normalize` for the CER), and",
        "`parse_pdf` on the PDF itself; columns: typesetters.",
        "",
        *table(cells, pf, columns, rows),
        "",
        "Garblers damage the source text itself (column `source`):",
        "",
        *table(cells, pf, [GARBLED_COLUMN], garblers),
        "",
    ]
    if unpc.get("all", (0, 0, 0))[0]:
        lines += [
            "Real UN lines (unpc), each garbled by run reversal, lines exactly right after `normalize`:",
            "",
        ]
        lines += ["| split | lines | exact after | exact before |", "|---|---|---|---|"]
        for k, (n, e, b) in unpc.items():
            lines.append(f"| {k} | {n} | {e / max(n, 1):.1%} | {b / max(n, 1):.1%} |")
        lines.append("")
    all_columns = columns + ([GARBLED_COLUMN] if garblers else [])
    lines += [
        "## Sub-item F1 / footnote F1 / number recall / harmed inputs",
        "",
        "Harmed: inputs whose repaired text has more edits against the source than the input (of all",
        "inputs of the cell); doc CER before repair in brackets.",
        "",
        *table(
            cells,
            lambda c: (
                f"{c.sub_items.value:.2f} / {c.footnotes.value:.2f} / "
                f"{c.numbers_found / max(c.numbers_total, 1):.1%} / {c.harmed} of {c.inputs} "
                f"({100 * c.cer_before:.1f}%)"
            ),
            columns + ([GARBLED_COLUMN] if garblers else []),
            rows + garblers,
        ),
        "",
        "## Nothing lost, idempotent",
        "",
        "Text inputs that lost Arabic letters or digits without a recorded fix / whose repaired",
        "text changes when repaired again (of all inputs of the cell).",
        "",
        *table(
            {k: c for k, c in cells.items() if k[0] != "parse_pdf"},
            lambda c: f"{c.lost} / {c.not_idempotent} of {c.inputs}",
            columns + ([GARBLED_COLUMN] if garblers else []),
            [r for r in rows if r != "parse_pdf"] + garblers,
        ),
        "",
        "## Structure counts exact",
        "",
        "Inputs whose counts of preambular paragraphs, paragraphs, sub-items, headings, footnotes,",
        "annexes and annex paragraphs all equal the gold's (share of the cell's inputs).",
        "",
        *table(
            {
                (r, f"{c} {part}"): v
                for part, agg in (("all", cells), ("test", test))
                for (r, c), v in agg.items()
            },
            lambda c: f"{c.counts_exact / max(c.inputs, 1):.0%}",
            [f"{c} {part}" for c in all_columns for part in ("all", "test")],
            rows + garblers,
        ),
        "",
        "## Dev and test splits: paragraph F1 / doc CER",
        "",
    ]
    split_cols = [
        f"{c} {s}" for c in columns + ([GARBLED_COLUMN] if garblers else []) for s in ("dev", "test")
    ]
    split_cells: dict[tuple[str, str], Cell] = {}
    for (r, c), v in dev.items():
        split_cells[(r, f"{c} dev")] = v
    for (r, c), v in test.items():
        split_cells[(r, f"{c} test")] = v
    lines += [*table(split_cells, pf, split_cols, rows + garblers), ""]
    # The worst documents: mean paragraph F1 over their inputs.
    by_doc: dict[str, list[tuple[Job, score.InputScore]]] = defaultdict(list)
    for job, s, _ in results:
        by_doc[s.doc].append((job, s))
    ranked = sorted(by_doc.items(), key=lambda kv: sum(s.paragraphs.value for _, s in kv[1]) / len(kv[1]))
    lines += [
        "## The 15 worst documents",
        "",
        "Mean paragraph F1 over the document's inputs; the worst input and the first gold",
        "paragraph it misses.",
        "",
        "| document | split | mean F1 | worst input | F1 | first paragraph missed |",
        "|---|---|---|---|---|---|",
    ]
    for name, items in ranked[:15]:
        mean = sum(s.paragraphs.value for _, s in items) / len(items)
        job, s = min(items, key=lambda js: js[1].paragraphs.value)
        missed = (s.first_wrong or "").replace("|", "\\|")
        cell = f"{job.row} × {job.column}"
        lines.append(f"| {name} | {s.split} | {mean:.2f} | {cell} | {s.paragraphs.value:.2f} | {missed} |")
    lines += ["", summary, ""]
    data = {
        "summary": summary,
        "subset": subset,
        "documents": docs,
        "cells": {f"{r} × {c}": v.as_dict() for (r, c), v in sorted(cells.items())},
        "test": {f"{r} × {c}": v.as_dict() for (r, c), v in sorted(test.items())},
        "unpc_lines": {k: {"lines": n, "exact": e, "exact_before": b} for k, (n, e, b) in unpc.items()},
    }
    return "\n".join(lines), summary, data


def subset_docs() -> list[str]:
    """The floor test's fixed subset: every fourth document of each split, by name."""
    out = []
    for split in ("dev", "test"):
        names = sorted(s.name for s in source.load_all(split))
        out += names[::4]
    return out


def run(
    docs: set[str] | None, jobs_n: int, rows: set[str] | None = None, split: str | None = None
) -> list[tuple[Job, score.InputScore, float]]:
    jobs = find_jobs(docs, rows, split)
    if jobs_n <= 1:
        return [run_job(j) for j in jobs]
    # Long jobs (PDFs, garbled text) first so the two workers finish together.
    jobs.sort(key=lambda j: (j.kind != "pdf", j.column != GARBLED_COLUMN))
    ctx = multiprocessing.get_context("fork" if hasattr(os, "fork") else "spawn")
    with ctx.Pool(jobs_n) as pool:
        out = list(pool.imap_unordered(run_job, jobs, chunksize=2))
    out.sort(key=lambda r: (r[0].row, r[0].column, r[0].doc))
    return out


def raise_floors(data: dict[str, Any]) -> dict[str, Any]:
    """Floors for the subset's cells: the measured values (rounded down to 0.01), never lower
    than the floors already recorded; the harmed counts, never higher."""
    old = json.loads(FLOORS.read_text(encoding="utf-8")) if FLOORS.exists() else {"cells": {}}
    cells: dict[str, Any] = {}
    for key, v in data["cells"].items():
        prev = old["cells"].get(key, {})
        cell = {}
        for m in ("paragraph_f1", "sub_item_f1", "footnote_f1", "number_recall", "counts_exact"):
            cell[m] = max(prev.get(m, 0.0), int(v.get(m, 0.0) * 100) / 100)
        # Ceilings: CER rounded up to 0.01, harmed count; both only go down.
        cer = int(v["doc_cer"] * 100 + 0.999) / 100
        cell["doc_cer_max"] = min(prev.get("doc_cer_max", 10.0), max(cer, 0.01))
        cell["harmed_max"] = min(prev.get("harmed_max", 10**6), v["harmed"])
        cell["lost_max"] = min(prev.get("lost_max", 10**6), v["lost"])
        cell["not_idempotent_max"] = min(prev.get("not_idempotent_max", 10**6), v["not_idempotent"])
        cells[key] = cell
    return {"documents": data["documents"], "cells": cells}


def show(results: list[tuple[Job, score.InputScore, float]]) -> None:
    """One line per input that repair harmed, that is not idempotent or that lost letters."""
    print("\n| input | split | harm | idempotent | lost |\n|---|---|---|---|---|")
    for job, s, _ in results:
        if s.harmed or not s.idempotent or s.lost:
            name = f"{job.row} × {job.column} × {job.doc}"
            print(f"| {name} | {s.split} | {s.harm} | {s.idempotent} | {s.lost} |")
    # Structure counts are a diagnosis for development: the dev split's only.
    print("\n| input (dev split) | structure counts found/gold that differ |\n|---|---|")
    for job, s, _ in results:
        if s.split == "dev" and not s.counts_exact:
            print(f"| {job.row} × {job.column} × {job.doc} | {s.counts_off} |")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--subset", action="store_true", help="only the floor test's fixed subset")
    ap.add_argument("--jobs", type=int, default=min(2, os.cpu_count() or 1))
    ap.add_argument("--raise-floors", action="store_true", help="raise floors.json from this run (subset)")
    ap.add_argument(
        "--rows", nargs="+", help="only these rows (extractors, parse_pdf, garblers); implies --no-write"
    )
    ap.add_argument(
        "--split", choices=("dev", "test"), help="only this split's documents; implies --no-write"
    )
    ap.add_argument("--docs", nargs="+", help="only these documents; implies --no-write")
    ap.add_argument(
        "--no-write", action="store_true", help="print only; write neither ACCURACY.md nor results"
    )
    ap.add_argument(
        "--show",
        action="store_true",
        help="also print each harmed, non-idempotent or lossy input (row, column, document, numbers)",
    )
    args = ap.parse_args(argv)
    start = time.perf_counter()
    docs = set(subset_docs()) if args.subset or args.raise_floors else None
    if args.docs:
        docs = set(args.docs)
    partial = bool(args.rows or args.split or args.docs)
    args.no_write = args.no_write or partial
    results = run(docs, args.jobs, set(args.rows) if args.rows else None, args.split)
    unpc = {}
    if not (args.subset or args.raise_floors or (partial and not (args.rows and "unpc" in args.rows))):
        for split in ("dev", "test"):
            unpc[split] = unpc_lines(split)
        unpc["all"] = tuple(sum(v[i] for v in unpc.values()) for i in range(3))  # type: ignore[assignment]
    text, summary, data = report(results, unpc, time.perf_counter() - start, docs is not None)
    if args.raise_floors:
        FLOORS.write_text(json.dumps(raise_floors(data), ensure_ascii=False, indent=1, sort_keys=True) + "\n")
        print(f"floors written to {FLOORS.relative_to(ROOT)}")
    elif not args.no_write:
        ACCURACY.write_text(text, encoding="utf-8")
        RESULTS.write_text(json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n")
    print(text if not args.subset else "\n".join(text.splitlines()[:40]))
    if args.show:
        show(results)
    print(summary)
    return 0


if __name__ == "__main__":
    sys.exit(main())
