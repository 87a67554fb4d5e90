"""Dump every export of every sample, fixture and benchmark input, and compare two dumps.

A refactor of the model or the exporters must not change an output. Run ``dump`` before the
change and after it (on the same commit of the other stages), then ``compare``:

    python scripts/export_identity.py dump /tmp/before
    ... change the code ...
    python scripts/export_identity.py dump /tmp/after
    python scripts/export_identity.py compare /tmp/before /tmp/after

(``dump OUT FILE...`` dumps only those inputs, given inside the repository.)

The inputs are ``samples/*.txt``, ``tests/fixtures/**/*.txt`` and ``*.pdf``, and
``benchmarks/accuracy/inputs/{text,garbled}/**/*.txt``; each is parsed once and written in
every format of ``unparse.export.FORMATS`` (``NAME.FORMAT``). Text, Markdown, JSONL and AKN
must be byte-identical. The JSON of a Document is compared as data after ``RENAMED`` (the
issuing organ's ``body`` became ``organ``) and without ``ADDED`` keys, the fields the model
gained (item ids, footnote ids, the furniture layer): everything else in it must be equal.

``compare`` prints the names of differing outputs only, never their content: the test split of
the benchmark is read only through scores.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from unparse import parse  # noqa: E402
from unparse.errors import UnparseError  # noqa: E402
from unparse.export import FORMATS  # noqa: E402

RENAMED = {"body": "organ"}
ADDED = {"id", "footnote_id", "furniture"}


def inputs() -> list[Path]:
    found = sorted((ROOT / "samples").glob("*.txt"))
    found += sorted((ROOT / "tests/fixtures").rglob("*.txt"))
    found += sorted((ROOT / "tests/fixtures").rglob("*.pdf"))
    for kind in ("text", "garbled"):
        found += sorted((ROOT / "benchmarks/accuracy/inputs" / kind).rglob("*.txt"))
    return found


def dump(out: Path, paths: list[Path] | None = None) -> None:
    """Every export of ``paths`` (default: :func:`inputs`) into ``out``, one file each."""
    out.mkdir(parents=True, exist_ok=True)
    start = time.perf_counter()
    paths = [p.resolve() for p in paths] if paths else inputs()
    for path in paths:
        rel = path.relative_to(ROOT)
        name = str(rel).replace("/", "__")
        try:
            doc = parse(path)
        except UnparseError as e:
            (out / f"{name}.error").write_text(f"{type(e).__name__}\n", encoding="utf-8")
            continue
        doc.source = str(rel)
        for fmt in FORMATS.values():
            (out / f"{name}.{fmt.name}").write_text(fmt.render(doc), encoding="utf-8")
    print(f"{len(paths)} inputs, {len(FORMATS)} formats in {time.perf_counter() - start:.0f} s -> {out}")


def _comparable(value: Any) -> Any:
    """The JSON of a Document with the renamed keys under their new names, the added ones gone."""
    if isinstance(value, dict):
        return {RENAMED.get(k, k): _comparable(v) for k, v in value.items() if k not in ADDED}
    if isinstance(value, list):
        return [_comparable(v) for v in value]
    return value


def compare(before: Path, after: Path) -> int:
    names = sorted(p.name for p in before.iterdir())
    missing = [n for n in names if not (after / n).exists()]
    differing = []
    for name in names:
        if name in missing:
            continue
        a, b = (before / name).read_bytes(), (after / name).read_bytes()
        same = _comparable(json.loads(a)) == _comparable(json.loads(b)) if name.endswith(".json") else a == b
        if not same:
            differing.append(name)
    for name in missing:
        print(f"missing after: {name}")
    for name in differing:
        print(f"differs: {name}")
    print(f"{len(names)} outputs compared: {len(differing)} differ, {len(missing)} missing")
    return 1 if differing or missing else 0


def main(argv: list[str]) -> int:
    if len(argv) >= 2 and argv[0] == "dump":
        dump(Path(argv[1]), [Path(a) for a in argv[2:]])
        return 0
    if len(argv) == 3 and argv[0] == "compare":
        return compare(Path(argv[1]), Path(argv[2]))
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
