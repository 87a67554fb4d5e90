"""The README's examples run as written: every ```python block is executed (in a folder holding
``samples/``, after ``unparse batch samples -o out -f jsonl``), the values its comments show are
checked, the cheap shell examples give the output shown, and its tables say what the code does."""

from __future__ import annotations

import ast
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from unparse.export.jsonl import FIELD_TYPES, record_schema

ROOT = Path(__file__).resolve().parents[2]
README = (ROOT / "README.md").read_text(encoding="utf-8")
NOT_RUN = "<!-- not run:"

# A fenced block: its indentation, its language, its text.
_BLOCK_RE = re.compile(r"^( *)```(\w*)\n(.*?)^\1```$", re.M | re.S)


def blocks(language: str) -> list[tuple[int, str, bool]]:
    """(line, code, run) of each fenced block in ``language``; run is False after a
    ``<!-- not run: reason -->`` line."""
    out = []
    for m in _BLOCK_RE.finditer(README):
        if m[2] != language:
            continue
        indent = len(m[1])
        code = "\n".join(line[indent:] for line in m[3].splitlines())
        before = README[: m.start()].rstrip().splitlines()
        out.append(
            (README.count("\n", 0, m.start()) + 1, code, not (before and before[-1].startswith(NOT_RUN)))
        )
    return out


PYTHON_BLOCKS = blocks("python")


def with_checks(code: str) -> tuple[str, int]:
    """``code`` with each one-line expression whose comment is a value (``# (43, 28)``)
    turned into an assertion that it has that value; and how many there are."""
    lines = code.splitlines()
    checks = 0
    for node in ast.parse(code).body:
        if not isinstance(node, ast.Expr) or node.lineno != node.end_lineno:
            continue
        line = lines[node.lineno - 1]
        expr = ast.get_source_segment(code, node)
        assert expr is not None
        rest = line[line.index(expr) + len(expr) :].strip()
        if not rest.startswith("#"):
            continue
        claim = rest[1:].strip()
        try:
            names = {n.id for n in ast.walk(ast.parse(claim, mode="eval")) if isinstance(n, ast.Name)}
        except SyntaxError:
            continue  # prose, not a value
        if not names <= {"datetime"}:
            continue  # an expression in terms of the block's names: prose for a reader
        lines[node.lineno - 1] = f"assert ({expr}) == ({claim}), repr({expr})"
        checks += 1
    return "import datetime\n" + "\n".join(lines) + "\n", checks


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder holding samples/ and out/ (the batch the JSONL loading example reads)."""
    root = tmp_path_factory.mktemp("readme")
    shutil.copytree(ROOT / "samples", root / "samples")
    done = run_cli(root, "batch", "samples", "-o", "out", "-f", "jsonl", "--jobs", "2")
    assert done.returncode == 0, done.stderr
    return root


def env_for(cwd: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(HF_HOME=str(cwd / ".hf"), HF_DATASETS_OFFLINE="1", HF_HUB_OFFLINE="1", PYTHONUTF8="1")
    return env


def run_cli(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "unparse", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env_for(cwd),
        timeout=300,
    )


def test_the_readme_has_python_blocks_and_says_why_one_is_not_run() -> None:
    assert len(PYTHON_BLOCKS) >= 3
    for m in re.finditer(re.escape(NOT_RUN) + r"(.*?)-->", README):
        assert m[1].strip(), "a block that is not run must say why"
    assert sum(not run for _, _, run in PYTHON_BLOCKS) <= 1


@pytest.mark.parametrize(
    ("line", "code"), [(line, code) for line, code, run in PYTHON_BLOCKS if run], ids=lambda v: str(v)[:20]
)
def test_python_block_runs_as_written(workdir: Path, line: int, code: str) -> None:
    script, _ = with_checks(code)
    done = subprocess.run(
        [sys.executable, "-c", script],
        cwd=workdir,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env_for(workdir),
        timeout=300,
    )
    assert done.returncode == 0, f"README.md line {line}:\n{done.stderr[-3000:]}"


def test_the_first_block_checks_the_values_its_comments_show() -> None:
    _, checks = with_checks(PYTHON_BLOCKS[0][1])
    assert checks >= 7


def shell_example(command: str) -> list[str]:
    """The lines shown under ``$ command`` in a plain ``` block of the README."""
    for _, code, _ in blocks(""):
        lines = code.splitlines()
        for k, line in enumerate(lines):
            if line == f"$ {command}":
                shown = []
                for out in lines[k + 1 :]:
                    if out.startswith("$ "):
                        break
                    shown.append(out)
                return shown
    raise AssertionError(f"no '$ {command}' example in the README")


def test_clean_explain_example_starts_as_shown(workdir: Path) -> None:
    shown = shell_example("unparse clean --explain samples/a-res-61-180.txt > clean.txt")
    done = run_cli(workdir, "clean", "--explain", "samples/a-res-61-180.txt")
    assert done.returncode == 0
    got = done.stderr.splitlines()
    head = shown[: shown.index("...")]
    assert got[: len(head)] == head
    # The last line: the count of fixes and warnings (its numbers move with the repairs).
    pattern = re.sub(r"\d+", r"\\d+", re.escape(shown[-1]))
    assert re.fullmatch(pattern, got[-1]), (shown[-1], got[-1])


def test_jsonl_example_is_the_first_record(workdir: Path) -> None:
    (shown,) = shell_example("unparse parse -f jsonl samples/a-res-76-186.txt | head -1")
    done = run_cli(workdir, "parse", "-f", "jsonl", "samples/a-res-76-186.txt")
    first = json.loads(done.stdout.splitlines()[0])
    claimed = json.loads(shown)
    assert list(claimed) == list(first)
    text = claimed.pop("text")
    assert first.pop("text").startswith(text.removesuffix(" ...").removesuffix("..."))
    assert claimed == first


def test_version_and_schema_commands(workdir: Path) -> None:
    done = run_cli(workdir, "--version")
    assert re.fullmatch(r"unparse \d+\.\d+\.\d+\S*\n", done.stdout)
    assert json.loads(run_cli(workdir, "schema", "--jsonl").stdout) == record_schema()
    assert "paragraphs" in json.loads(run_cli(workdir, "schema").stdout)["properties"]


def test_the_readme_states_one_batch_speed_up() -> None:
    stated = set(re.findall(r"(?:two jobs run|--jobs 2` at) (\d+\.\d+)x", README))
    benchmarks = (ROOT / "BENCHMARKS.md").read_text(encoding="utf-8")
    measured = re.search(r"^\| 2 \|(?:[^|]*\|){3} (\d+\.\d+)x \|", benchmarks, re.M)
    assert measured is not None
    assert stated == {measured[1]}


def types_table() -> list[list[str]]:
    start = README.index("<!-- jsonl-types")
    end = README.index("<!-- /jsonl-types -->")
    rows = [line for line in README[start:end].splitlines() if line.startswith("| `")]
    return [[cell.strip().strip("`") for cell in row.strip("|").split("|")] for row in rows]


def test_the_jsonl_types_table_is_the_schema() -> None:
    assert [row[:2] for row in types_table()] == [[name, kind] for name, kind in FIELD_TYPES.items()]


def test_the_readme_features_and_polars_schema_are_the_shipped_ones() -> None:
    datasets = pytest.importorskip("datasets")
    pl = pytest.importorskip("polars")
    from unparse.export.jsonl import datasets_features, polars_schema

    scope = {"Value": datasets.Value, "pl": pl}
    features = datasets.Features({row[0]: eval(row[2], scope) for row in types_table()})
    assert features == datasets_features()
    assert {row[0]: eval(row[3], scope) for row in types_table()} == polars_schema()


def test_the_architecture_names_the_modules_there_are() -> None:
    # Every module and folder the "Architecture" section names is in src/unparse (or, for
    # test helpers, in tests/), and every top-level module and stage is named there.
    section = README.split("\n## Architecture\n", 1)[1].split("\n## ", 1)[0]
    src = ROOT / "src" / "unparse"
    named = set(re.findall(r"[\w*]+\.py\b", section))
    assert len(named) > 20
    for name in named:
        found = (
            list(src.rglob(name)) + list((ROOT / "tests").rglob(name)) + list((ROOT / "scripts").glob(name))
        )
        assert found, name
    tree = section.split("src/unparse/\n", 1)[1].split("```", 1)[0]
    listed = set(re.findall(r"^  (\w+(?:\.py|/))", tree, re.M)) | set(re.findall(r"\s(\w+\.py)\s", tree))
    for path in sorted(src.iterdir()):
        if path.name.startswith("_") or path.name in ("py.typed", "data"):
            continue
        assert path.name + ("/" if path.is_dir() else "") in listed, path.name
