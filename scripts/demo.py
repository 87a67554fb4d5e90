"""`make demo`: parse every file in a folder and print a short table of what came out."""

from __future__ import annotations

import sys
from pathlib import Path

import unparse


def main(folder: str) -> int:
    rows = []
    for path in sorted(Path(folder).iterdir()):
        if not path.is_file():
            continue
        try:
            doc = unparse.parse(path)
        except unparse.UnparseError as exc:
            print(f"error: {exc}", file=sys.stderr)
            continue
        rows.append(
            (
                path.name,
                doc.kind,
                doc.symbol or "-",
                str(len(doc.preamble)),
                str(len(doc.paragraphs)),
                str(doc.sub_item_count()),
                str(len(doc.footnotes)),
                str(len(doc.sections)),
                str(len(doc.fixes)),
                str(len(doc.warnings)),
            )
        )
    header = (
        "file",
        "kind",
        "symbol",
        "preamble",
        "numbered",
        "sub-items",
        "footnotes",
        "sections",
        "fixes",
        "warnings",
    )
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    for row in [header, tuple("-" * w for w in widths), *rows]:
        print("  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=False)))
    if rows:
        first = unparse.parse(Path(folder) / rows[0][0])
        print(f"\nFirst paragraphs of {rows[0][0]}:")
        for p in (first.preamble + first.paragraphs)[:3]:
            print(f"  [{p.number if p.number is not None else '-'}] {p.text[:110]}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "samples"))
