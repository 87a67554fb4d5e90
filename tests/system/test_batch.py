"""``unparse batch`` and ``unparse.process_file``: good and bad files, reruns, kills, Dask."""

from __future__ import annotations

import contextlib
import glob
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

import unparse
from unparse.batch import (
    ERRORS_FILE,
    LEGACY_ERRORS_FILE,
    MANIFEST_FILE,
    RECORDS_DIR,
    discover,
    load_document,
    run_batch,
)
from unparse.cli import main
from unparse.export import export
from unparse.models import Document

SAMPLES = sorted((Path(__file__).resolve().parents[2] / "samples").glob("*.txt"))
LEGACY_SOURCE = SAMPLES[1]  # a-res-61-180.txt

BAD = {
    "binary.txt": "NUL bytes",
    "empty.txt": "empty",
    "undecodable.txt": "not UTF-8",
    "sub/corrupt.pdf": "",  # the PDF reader's own reason, whatever it is
}


def legacy_text() -> str:
    # The Arabic of a sample that Windows-1256 can carry.
    text = LEGACY_SOURCE.read_text(encoding="utf-8")
    return text.encode("cp1256", errors="ignore").decode("cp1256")


def make_tree(root: Path) -> dict[str, Path]:
    """The test tree: the samples (one in a sub-folder), a legacy file and the bad files.

    Returns the good inputs by their relative name."""
    (root / "sub" / "deeper").mkdir(parents=True)
    good: dict[str, Path] = {}
    for k, sample in enumerate(SAMPLES):
        rel = f"sub/deeper/{sample.name}" if k == 0 else sample.name
        (root / rel).write_bytes(sample.read_bytes())
        good[rel] = root / rel
    (root / "sub" / "legacy-cp1256.txt").write_bytes(legacy_text().encode("cp1256"))
    good["sub/legacy-cp1256.txt"] = root / "sub" / "legacy-cp1256.txt"
    (root / "binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    (root / "empty.txt").write_bytes(b"")
    (root / "undecodable.txt").write_bytes(bytes(range(128, 256)) * 4)
    (root / "sub" / "corrupt.pdf").write_bytes(b"%PDF-1.4\n1 0 obj <</Type /Catalog>>\ngarbage\x00\xff" * 20)
    (root / ".hidden.txt").write_text("ignored", encoding="utf-8")
    (root / "notes.md").write_text("ignored: not .txt or .pdf", encoding="utf-8")
    os.symlink("..", root / "sub" / "loop")  # a symbolic-link loop must not hang the walk
    return good


def tree_bytes(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def errors_of(out: Path) -> dict[str, dict[str, str]]:
    lines = (out / ERRORS_FILE).read_text(encoding="utf-8").splitlines()
    return {r["file"]: r for r in map(json.loads, lines)}


@pytest.fixture(scope="module")
def tree(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Path]]:
    root = tmp_path_factory.mktemp("in")
    return root, make_tree(root)


@pytest.fixture(scope="module")
def first_run(
    tree: tuple[Path, dict[str, Path]], tmp_path_factory: pytest.TempPathFactory
) -> tuple[Path, str, int]:
    src, _ = tree
    out = tmp_path_factory.mktemp("out") / "result"
    result = CliRunner().invoke(main, ["batch", str(src), "-o", str(out), "--jobs", "2"])
    return out, result.stderr, result.exit_code


def test_good_outputs_written_and_correct(
    tree: tuple[Path, dict[str, Path]], first_run: tuple[Path, str, int]
) -> None:
    _, good = tree
    out, _, code = first_run
    assert code == 1
    expected = {str(Path(rel).with_suffix(".json")) for rel in good} | {ERRORS_FILE, MANIFEST_FILE}
    assert set(tree_bytes(out)) == expected
    for rel, path in good.items():
        written = (out / rel).with_suffix(".json").read_bytes()
        assert written == export(load_document(path, name=rel), "json").encode("utf-8")
        doc = Document.model_validate_json(written)
        assert doc.source == rel
        assert doc.text == unparse.parse(path).text


def test_the_legacy_file_is_read_as_windows_1256(first_run: tuple[Path, str, int]) -> None:
    out, _, _ = first_run
    doc = Document.model_validate_json((out / "sub" / "legacy-cp1256.json").read_bytes())
    assert doc.text == unparse.parse_text(legacy_text()).text
    assert "الجمعية العامة" in doc.text


def test_every_bad_file_is_in_errors_jsonl_with_its_reason(first_run: tuple[Path, str, int]) -> None:
    out, stderr, _ = first_run
    errors = errors_of(out)
    assert set(errors) == set(BAD)
    for name, fragment in BAD.items():
        assert errors[name]["error"] and errors[name]["reason"]
        assert fragment in errors[name]["reason"]
    assert errors["sub/corrupt.pdf"]["error"] == "PdfError"
    failure_lines = [line for line in stderr.splitlines() if not line.startswith("unparse batch:")]
    assert sorted(failure_lines) == sorted(f"unparse: {n}: {errors[n]['reason']}" for n in BAD)
    assert "Traceback" not in stderr
    assert "unparse batch: 10 files: 6 written, 0 up to date, 4 failed" in stderr


def test_a_second_run_does_no_work(
    tree: tuple[Path, dict[str, Path]], first_run: tuple[Path, str, int]
) -> None:
    src, good = tree
    out, _, _ = first_run
    before = {p: p.stat().st_mtime_ns for p in out.rglob("*")}
    errors_before = (out / ERRORS_FILE).read_bytes()
    summary = run_batch(src, out, jobs=2, progress=False)
    assert (summary.written, summary.skipped, summary.carried_over) == (0, len(good), len(BAD))
    assert summary.failed == len(BAD)
    # Nothing is rewritten, not even the run records.
    assert {p: p.stat().st_mtime_ns for p in out.rglob("*")} == before
    assert (out / ERRORS_FILE).read_bytes() == errors_before
    result = CliRunner().invoke(main, ["batch", str(src), "-o", str(out)])
    assert result.exit_code == 1  # the failures still stand


def test_changed_inputs_and_force_are_redone(tmp_path: Path) -> None:
    src = tmp_path / "in"
    good = make_tree(src)
    out = tmp_path / "out"
    run_batch(src, out, jobs=1, progress=False)
    target = good["a-res-76-186.txt"]
    os.utime(target, ns=(time.time_ns() + 10**9, time.time_ns() + 10**9))
    (src / "empty.txt").write_bytes(SAMPLES[2].read_bytes())  # fixed by its user
    summary = run_batch(src, out, jobs=1, progress=False)
    assert summary.written == 2 and summary.skipped == len(good) - 1
    assert "empty.txt" not in errors_of(out)
    assert run_batch(src, out, jobs=1, force=True, progress=False).written == len(good) + 1


# --------------------------------------------------------------------------- what made each output


def small_tree(root: Path) -> Path:
    """Two samples and one bad file."""
    root.mkdir(parents=True)
    for sample in SAMPLES[:2]:
        (root / sample.name).write_bytes(sample.read_bytes())
    (root / "empty.txt").write_bytes(b"")
    return root


def manifest_of(out: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in (out / MANIFEST_FILE).read_text(encoding="utf-8").splitlines()]


def test_a_rerun_with_other_options_or_another_version_redoes_the_outputs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    src, out, n = small_tree(tmp_path / "in"), tmp_path / "out", 2
    assert run_batch(src, out, jobs=1, progress=False).written == n
    western = tree_bytes(out)
    eastern = unparse.Options(digits="eastern")
    again = run_batch(src, out, options=eastern, jobs=1, progress=False)
    assert (again.written, again.skipped, again.carried_over) == (n, 0, 0)
    for sample in SAMPLES[:2]:
        rel = Path(sample.name).with_suffix(".json").as_posix()
        expected = export(load_document(src / sample.name, name=sample.name, options=eastern), "json")
        assert (out / rel).read_bytes() == expected.encode("utf-8") != western[rel]
    same = run_batch(src, out, options=eastern, jobs=1, progress=False)
    assert (same.written, same.skipped, same.carried_over) == (0, n, 1)
    cli = ["batch", str(src), "-o", str(out), "--jobs", "1", "--no-progress"]
    result = CliRunner().invoke(main, [*cli, "--digits", "eastern"])
    assert f"{n + 1} files: 0 written, {n} up to date, 1 failed" in result.stderr
    result = CliRunner().invoke(main, cli)  # back to the default digits: redone
    assert f"{n + 1} files: {n} written, 0 up to date, 1 failed" in result.stderr
    assert tree_bytes(out) == western
    monkeypatch.setattr(unparse, "__version__", "99.0")  # another unparse version
    newer = run_batch(src, out, jobs=1, progress=False)
    assert (newer.written, newer.skipped) == (n, 0)
    assert {m["unparse"] for m in manifest_of(out)} == {"99.0"}


def test_the_manifest_says_what_made_each_output(tmp_path: Path) -> None:
    src, out = small_tree(tmp_path / "in"), tmp_path / "out"
    eastern = unparse.Options(digits="eastern", keep_diacritics=False)
    run_batch(src, out, format="jsonl", options=eastern, jobs=1, progress=False)
    rows = manifest_of(out)
    assert [r["output"] for r in rows] == sorted(Path(s.name).with_suffix(".jsonl").name for s in SAMPLES[:2])
    for r in rows:
        assert (r["unparse"], r["format"], r["options"]) == (
            unparse.__version__,
            "jsonl",
            eastern.model_dump(mode="json"),
        )
        assert r["input"] == Path(str(r["output"])).with_suffix(".txt").name
    run_batch(src, out, format="json", jobs=1, progress=False)  # another format: other outputs
    assert sorted((r["output"], r["format"]) for r in manifest_of(out)) == sorted(
        (Path(s.name).with_suffix(ext).name, fmt)
        for s in SAMPLES[:2]
        for ext, fmt in ((".json", "json"), (".jsonl", "jsonl"))
    )
    assert run_batch(src, out, format="jsonl", options=eastern, jobs=1, progress=False).skipped == 2


def test_a_half_line_left_in_the_manifest_by_a_killed_run_is_ignored(tmp_path: Path) -> None:
    src, out = small_tree(tmp_path / "in"), tmp_path / "out"
    run_batch(src, out, jobs=1, progress=False)
    clean = (out / MANIFEST_FILE).read_bytes()
    with (out / MANIFEST_FILE).open("a", encoding="utf-8") as fh:
        fh.write('{"output": "a-res-61')
    assert run_batch(src, out, jobs=1, progress=False).skipped == 2
    assert (out / MANIFEST_FILE).read_bytes() == clean


def test_outputs_without_a_manifest_entry_are_redone(tmp_path: Path) -> None:
    # An output tree from unparse 0.1 (no manifest): what made its outputs is unknown.
    src, out = small_tree(tmp_path / "in"), tmp_path / "out"
    run_batch(src, out, jobs=1, progress=False)
    (out / MANIFEST_FILE).unlink()
    assert run_batch(src, out, jobs=1, progress=False).written == 2
    assert run_batch(src, out, jobs=1, progress=False).skipped == 2


@pytest.mark.parametrize("fmt", ["json", "jsonl"])
def test_run_records_are_out_of_reach_of_a_records_glob(tmp_path: Path, fmt: str) -> None:
    src, out = small_tree(tmp_path / "in"), tmp_path / "out"
    (src / "sub").mkdir()
    (src / "sub" / "c.txt").write_bytes(SAMPLES[2].read_bytes())
    summary = run_batch(src, out, format=fmt, jobs=1, progress=False)  # type: ignore[arg-type]
    assert summary.failed == 1
    assert (out / ERRORS_FILE).is_file() and (out / MANIFEST_FILE).is_file()
    assert not (out / LEGACY_ERRORS_FILE).exists()
    data = sorted([*(Path(s.name).with_suffix(f".{fmt}").name for s in SAMPLES[:2]), f"sub/c.{fmt}"])
    pattern = f"**/*.{fmt}"
    assert sorted(p.relative_to(out).as_posix() for p in out.glob(pattern)) == data
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob(f"*.{fmt}")) == data
    found = glob.glob(str(out / pattern), recursive=True)
    assert sorted(Path(p).relative_to(out).as_posix() for p in found) == data
    # What the README says: glob.glob skips the hidden folder, Path.glob does not (so the
    # record files' extensions, not only their folder, keep them out of a records glob).
    assert not [p for p in glob.glob(str(out / "**" / "*"), recursive=True) if RECORDS_DIR in p]
    assert out / ERRORS_FILE in set(out.glob("**/*"))


def test_failures_an_older_unparse_wrote_to_errors_jsonl_are_read_and_moved(tmp_path: Path) -> None:
    src, out = small_tree(tmp_path / "in"), tmp_path / "out"
    run_batch(src, out, jobs=1, progress=False)
    (out / ERRORS_FILE).rename(out / LEGACY_ERRORS_FILE)  # where unparse 0.1 kept them
    summary = run_batch(src, out, jobs=1, progress=False)
    assert (summary.carried_over, summary.skipped) == (1, 2)
    assert not (out / LEGACY_ERRORS_FILE).exists()
    assert set(errors_of(out)) == {"empty.txt"}


def test_an_output_called_errors_jsonl_is_data_not_run_records(tmp_path: Path) -> None:
    src, out = small_tree(tmp_path / "in"), tmp_path / "out"
    (src / "errors.txt").write_bytes(SAMPLES[2].read_bytes())
    for _ in range(2):
        run_batch(src, out, format="jsonl", jobs=1, progress=False)
        rows = [json.loads(line) for line in (out / "errors.jsonl").read_text(encoding="utf-8").splitlines()]
        assert rows and all(r["source"] == "errors.txt" for r in rows)
        assert set(errors_of(out)) == {"empty.txt"}


def test_failure_lines_keep_the_reporters_prefix_under_the_progress_bar(tmp_path: Path) -> None:
    src = small_tree(tmp_path / "in")
    lines: list[str] = []
    run_batch(src, tmp_path / "lib", jobs=1, progress=True, report=lines.append)
    reason = errors_of(tmp_path / "lib")["empty.txt"]["reason"]
    assert lines == [f"empty.txt: {reason}"]
    result = CliRunner().invoke(
        main, ["batch", str(src), "-o", str(tmp_path / "cli"), "--jobs", "1", "--progress"]
    )
    assert result.exit_code == 1
    # The bar redraws with carriage returns; what follows the last one on a line is the text.
    shown = [line.rsplit("\r", 1)[-1] for line in result.stderr.split("\n")]
    assert [line for line in shown if "empty.txt" in line] == [f"unparse: empty.txt: {reason}"]
    assert "%|" in result.stderr  # the bar was shown


def test_output_is_the_same_whatever_the_number_of_jobs(
    tree: tuple[Path, dict[str, Path]], tmp_path: Path
) -> None:
    src, _ = tree
    for fmt in ("json", "jsonl", "akn"):
        one, two = tmp_path / f"{fmt}-1", tmp_path / f"{fmt}-2"
        run_batch(src, one, format=fmt, jobs=1, progress=False)
        run_batch(src, two, format=fmt, jobs=2, progress=False)
        assert tree_bytes(one) == tree_bytes(two)


def test_jsonl_batch_records_load_line_by_line(first_run: tuple[Path, str, int], tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    for sample in SAMPLES:
        (src / sample.name).write_bytes(sample.read_bytes())
    out = tmp_path / "out"
    assert run_batch(src, out, format="jsonl", jobs=2, progress=False).failed == 0
    for sample in SAMPLES:
        lines = (out / sample.name).with_suffix(".jsonl").read_text(encoding="utf-8").splitlines()
        rows = [json.loads(line) for line in lines]
        assert all(r["source"] == sample.name for r in rows)
        assert {"part", "number", "label", "text", "footnote_markers", "start_line"} <= set(
            rows[0] if rows else {}
        )


def test_outputs_cannot_escape_the_output_folder(tmp_path: Path) -> None:
    src, out, elsewhere = tmp_path / "in", tmp_path / "out", tmp_path / "elsewhere"
    (src / "sub").mkdir(parents=True)
    (src / "sub" / "a.txt").write_bytes(SAMPLES[2].read_bytes())
    out.mkdir()
    elsewhere.mkdir()
    os.symlink(elsewhere, out / "sub")  # a link planted in the output tree
    summary = run_batch(src, out, jobs=1, progress=False)
    assert summary.written == 0 and [f.file for f in summary.failures] == ["sub/a.txt"]
    assert "outside the output folder" in summary.failures[0].reason
    assert list(elsewhere.iterdir()) == []


def test_run_records_cannot_be_written_outside_the_output_folder(tmp_path: Path) -> None:
    src, out, elsewhere = small_tree(tmp_path / "in"), tmp_path / "out", tmp_path / "elsewhere"
    out.mkdir()
    elsewhere.mkdir()
    os.symlink(elsewhere, out / RECORDS_DIR)  # a link planted where the run records go
    result = CliRunner().invoke(main, ["batch", str(src), "-o", str(out), "--no-progress"])
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and "leads outside the output folder" in result.stderr
    assert list(elsewhere.iterdir()) == []


def test_names_sharing_a_stem_keep_their_suffix(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_bytes(SAMPLES[2].read_bytes())
    (src / "a.PDF").write_bytes(b"%PDF-1.4 broken")
    (src / "b.txt").write_bytes(SAMPLES[3].read_bytes())
    names = [t.output.name for t in discover(src, tmp_path / "out", ".json")]
    assert names == ["a.PDF.json", "a.txt.json", "b.json"]


def test_an_output_folder_inside_the_input_is_not_read_back(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_bytes(SAMPLES[2].read_bytes())
    out = src / "clean"
    assert run_batch(src, out, format="text", jobs=1, progress=False).files == 1
    assert run_batch(src, out, format="text", jobs=1, force=True, progress=False).files == 1
    assert sorted(p.name for p in out.iterdir()) == [RECORDS_DIR, "a.txt"]


def test_stale_temporary_files_are_removed(tmp_path: Path) -> None:
    src, out = tmp_path / "in", tmp_path / "out"
    src.mkdir()
    (src / "a.txt").write_bytes(SAMPLES[2].read_bytes())
    out.mkdir()
    (out / ".a.json.k3j2.unparse-tmp").write_bytes(b'{"half')
    run_batch(src, out, jobs=1, progress=False)
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*")) == [
        RECORDS_DIR,
        MANIFEST_FILE,
        "a.json",
    ]


def _console_script() -> str:
    script = Path(sys.executable).parent / "unparse"
    if not script.exists():
        pytest.skip("the unparse console script is not installed next to this Python")
    return str(script)


def test_a_killed_run_and_its_rerun_give_the_same_outputs(tmp_path: Path) -> None:
    script = _console_script()
    src = tmp_path / "in"
    for k in range(6):
        (src / f"copy{k}").mkdir(parents=True)
        for sample in SAMPLES:
            (src / f"copy{k}" / sample.name).write_bytes(sample.read_bytes())
    total = 6 * len(SAMPLES)
    out = tmp_path / "killed"
    proc = subprocess.Popen(
        [script, "batch", str(src), "-o", str(out), "--jobs", "1"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and len(list(out.rglob("*.json"))) < 3 and proc.poll() is None:
        time.sleep(0.02)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    done = list(out.rglob("*.json"))
    assert 0 < len(done) < total, "the run was not interrupted in the middle"
    for path in done:  # whatever was there is whole
        Document.model_validate_json(path.read_bytes())
    # An output is up to date only once the manifest records it: the kill may fall between
    # writing the last output and recording it (one at most, with one job), which is redone.
    recorded = set()
    manifest = out / ".unparse" / "manifest.ndjson"
    for raw in manifest.read_text(encoding="utf-8").splitlines() if manifest.exists() else []:
        with contextlib.suppress(ValueError):
            recorded.add(json.loads(raw)["output"])
    current = [p for p in done if p.relative_to(out).as_posix() in recorded]
    assert len(done) - 1 <= len(current) <= len(done)
    rerun = subprocess.run([script, "batch", str(src), "-o", str(out)], capture_output=True, timeout=300)
    assert rerun.returncode == 0, rerun.stderr
    assert (
        f"{total} files: {total - len(current)} written, {len(current)} up to date, 0 failed"
        in rerun.stderr.decode()
    )
    clean = tmp_path / "clean"
    run_batch(src, clean, jobs=2, progress=False)
    assert tree_bytes(out) == tree_bytes(clean)


def test_dask_engine_gives_byte_identical_outputs(tree: tuple[Path, dict[str, Path]], tmp_path: Path) -> None:
    pytest.importorskip("dask.distributed")
    from dask.distributed import LocalCluster

    src, _ = tree
    local, remote = tmp_path / "local", tmp_path / "dask"
    run_batch(src, local, jobs=2, progress=False)
    with LocalCluster(
        n_workers=2, threads_per_worker=1, host="127.0.0.1", dashboard_address=None, processes=True
    ) as cluster:
        address = cluster.scheduler_address
        assert address.startswith("tcp://127.0.0.1:")
        result = CliRunner().invoke(
            main, ["batch", str(src), "-o", str(remote), "--engine", "dask", "--scheduler", address]
        )
    assert result.exit_code == 1, result.stderr
    assert tree_bytes(remote) == tree_bytes(local)
    assert set(errors_of(remote)) == set(BAD)


def test_dask_engine_unreachable_scheduler_is_one_line(tmp_path: Path) -> None:
    pytest.importorskip("dask.distributed")
    src = tmp_path / "in"
    src.mkdir()
    result = CliRunner().invoke(
        main,
        [
            "batch",
            str(src),
            "-o",
            str(tmp_path / "o"),
            "--engine",
            "dask",
            "--scheduler",
            "tcp://127.0.0.1:9",
        ],
    )
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and "cannot reach the Dask scheduler" in result.stderr


# --------------------------------------------------------------------------- process_file


def test_process_file_path_and_bytes_agree() -> None:
    path = SAMPLES[2]
    by_path = unparse.process_file(path, name=path.name, format="jsonl")
    by_bytes = unparse.process_file(path.read_bytes(), name=path.name, format="jsonl")
    assert by_path == by_bytes and by_path
    assert all(r["source"] == path.name for r in by_path)
    [doc] = unparse.process_file(path, format="json")
    assert Document.model_validate(doc).source == str(path)
    [akn] = unparse.process_file(path.read_bytes(), name="x.txt", format="akn")
    assert akn["format"] == "akn" and akn["content"].startswith("<?xml")


def test_process_file_errors_raise_or_record() -> None:
    with pytest.raises(unparse.UnparseError):
        unparse.process_file(b"\x00\x00binary", name="b.txt")
    with pytest.raises(unparse.PdfError):
        unparse.process_file(b"%PDF-1.7 not really", name="c.pdf")
    [rec] = unparse.process_file(b"", name="e.txt", errors="record")
    assert rec == {"source": "e.txt", "error": "InputFileError", "reason": rec["reason"]}
    assert "empty" in rec["reason"]


def test_a_run_leaves_no_thread_behind(tmp_path: Path) -> None:
    # A thread left behind (tqdm's monitor) made every later run_batch in the process start
    # its workers from a fork server, each loading its own word list: 1.4x instead of 1.8x
    # with two jobs (BENCHMARKS.md).
    import threading

    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text("إن الجمعية العامة،\n1 - تحث الدول.\n", encoding="utf-8")
    before = threading.active_count()
    for show in (False, True):
        run_batch(src, tmp_path / f"out{show}", jobs=1, force=True, progress=show)
    assert threading.active_count() == before


def test_fork_server_workers_start_with_the_word_list_loaded() -> None:
    code = (
        "from unparse.repair import wordlist as w; assert not w.is_loaded(); "
        "import unparse._preload; print(w.is_loaded())"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "True"
