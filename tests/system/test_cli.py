"""The command line: exit codes, one-line errors, outputs of parse / clean / schema."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

import unparse
from unparse import cli
from unparse.cli import main
from unparse.models import Document

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
RES = SAMPLES / "a-res-76-186.txt"
REPORT = SAMPLES / "a-64-sg-report-trafficking.txt"


def run(*args: str, input: bytes | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), input=input)
    return result.exit_code, result.stdout, result.stderr


def assert_one_line_error(stderr: str, *fragments: str) -> None:
    lines = stderr.strip("\n").split("\n")
    assert len(lines) == 1, stderr
    assert lines[0].startswith("unparse: "), stderr
    assert "Traceback" not in stderr
    for fragment in fragments:
        assert fragment in lines[0], stderr


def test_version() -> None:
    code, out, _ = run("--version")
    assert code == 0
    assert out.strip() == f"unparse {unparse.__version__}"


def test_no_command_prints_help_and_is_a_usage_error() -> None:
    code, out, _ = run()
    assert code == 2
    assert "parse" in out and "batch" in out


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (["parse"], "FILES"),
        (["parse", "--digits", "roman", str(RES)], "--digits"),
        (["parse", "--format", "docx", str(RES)], "--format"),
        (["parse", "--max-bytes", "lots", str(RES)], "--max-bytes"),
        (["clean"], "FILES"),
        (["frobnicate"], "frobnicate"),
        (["batch", str(SAMPLES)], "--output"),
        (["batch", str(SAMPLES), "-o", "out", "--scheduler", "tcp://127.0.0.1:1"], "--engine dask"),
    ],
)
def test_usage_errors_exit_2_with_one_line(args: list[str], fragment: str) -> None:
    code, _, err = run(*args)
    assert code == 2
    assert_one_line_error(err, fragment)


def test_batch_missing_input_folder_is_a_usage_error(tmp_path: Path) -> None:
    code, _, err = run("batch", str(tmp_path / "nowhere"), "-o", str(tmp_path / "out"))
    assert code == 2
    assert_one_line_error(err, "no such folder")


def test_parse_one_file_prints_the_document_as_json() -> None:
    code, out, err = run("parse", str(RES))
    assert code == 0, err
    doc = Document.model_validate_json(out)
    assert doc.source == str(RES)
    assert doc.text == unparse.parse(RES).text


def test_parse_options_reach_the_library() -> None:
    code, out, _ = run("parse", "--digits", "eastern", str(RES))
    assert code == 0
    assert (
        Document.model_validate_json(out).text == unparse.parse(RES, unparse.Options(digits="eastern")).text
    )


@pytest.mark.parametrize("fmt", ["json", "jsonl", "markdown", "text", "akn"])
def test_parse_every_format(fmt: str) -> None:
    code, out, err = run("parse", "--format", fmt, str(REPORT))
    assert code == 0, err
    assert out.strip()


def test_parse_several_files_is_json_lines_of_documents() -> None:
    code, out, _ = run("parse", str(RES), str(REPORT))
    assert code == 0
    docs = [Document.model_validate_json(line) for line in out.splitlines()]
    assert [d.source for d in docs] == [str(RES), str(REPORT)]


def test_parse_several_files_as_text_are_separated_by_headers() -> None:
    code, out, _ = run("parse", "-f", "text", str(RES), str(REPORT))
    assert code == 0
    assert f"==> {RES} <==" in out and f"==> {REPORT} <==" in out


def test_a_bad_file_is_one_line_and_the_others_are_still_written(tmp_path: Path) -> None:
    binary = tmp_path / "scan.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(100))
    code, out, err = run("parse", str(RES), str(tmp_path / "missing.txt"), str(binary), str(REPORT))
    assert code == 1
    lines = err.strip().split("\n")
    assert lines == [
        f"unparse: {tmp_path / 'missing.txt'}: no such file",
        f"unparse: {binary}: this is a PNG image (scanned pages need OCR first), not text",
    ]
    assert [Document.model_validate_json(x).source for x in out.splitlines()] == [str(RES), str(REPORT)]


def test_an_empty_file_fails_with_a_reason(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    code, _, err = run("parse", str(empty))
    assert code == 1
    assert_one_line_error(err, "empty")


def test_a_bug_in_one_file_does_not_lose_the_others(monkeypatch: pytest.MonkeyPatch) -> None:
    real = cli.load_document

    def flaky(source: object, **kwargs: object) -> Document:
        if str(source) == str(RES):
            raise KeyError("boom")
        return real(source, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(cli, "load_document", flaky)
    code, out, err = run("parse", str(RES), str(REPORT))
    assert code == 1
    assert_one_line_error(err, str(RES), "internal error KeyError")
    assert Document.model_validate_json(out.strip()).source == str(REPORT)


def test_too_large_is_refused(tmp_path: Path) -> None:
    code, _, err = run("parse", "--max-bytes", "1K", str(RES))
    assert code == 1
    assert_one_line_error(err, "over the limit of 1,024")


def test_parse_output_file_and_folder(tmp_path: Path) -> None:
    single = tmp_path / "one.md"
    assert run("parse", "-f", "markdown", "-o", str(single), str(RES))[0] == 0
    assert single.read_text(encoding="utf-8").startswith("# ")
    folder = tmp_path / "many"
    assert run("parse", "-f", "akn", "-o", str(folder), str(RES), str(REPORT))[0] == 0
    assert sorted(p.name for p in folder.iterdir()) == [
        "a-64-sg-report-trafficking.xml",
        "a-res-76-186.xml",
    ]


def test_clean_prints_the_normalised_text() -> None:
    code, out, err = run("clean", str(RES))
    assert code == 0
    assert err == ""
    assert out == unparse.normalize(RES.read_text(encoding="utf-8")) + "\n"


def test_clean_reads_stdin() -> None:
    data = RES.read_bytes()
    code, out, _ = run("clean", "-", input=data)
    assert code == 0
    assert out == unparse.normalize(data.decode("utf-8")) + "\n"


def test_clean_explain_lists_every_fix_on_stderr() -> None:
    code, out, err = run("clean", "--explain", str(RES))
    assert code == 0
    result = unparse.repair_text(RES.read_text(encoding="utf-8"))
    assert out == result.text + "\n"
    fix_lines = [line for line in err.splitlines() if " → " in line]
    assert len(fix_lines) == len(result.fixes) > 0
    first = result.fixes[0]
    assert fix_lines[0].startswith(f"{RES}:{first.line}: {first.kind}: ")
    assert err.splitlines()[-1] == f"{RES}: {len(result.fixes)} fixes, {len(result.warnings)} warnings"


def test_schema_is_the_document_json_schema() -> None:
    code, out, _ = run("schema")
    assert code == 0
    schema = json.loads(out)
    assert schema == Document.model_json_schema()
    assert "paragraphs" in schema["properties"]


def _console_script() -> str:
    script = Path(sys.executable).parent / "unparse"
    if not script.exists():
        pytest.skip("the unparse console script is not installed next to this Python")
    return str(script)


def test_the_installed_console_script(tmp_path: Path) -> None:
    script = _console_script()
    ok = subprocess.run([script, "parse", str(RES)], capture_output=True, timeout=120)
    assert ok.returncode == 0, ok.stderr
    assert Document.model_validate_json(ok.stdout).symbol == unparse.parse(RES).symbol
    bad = subprocess.run([script, "clean", str(tmp_path / "nope.txt")], capture_output=True, timeout=120)
    assert bad.returncode == 1
    assert bad.stderr.decode() == f"unparse: {tmp_path / 'nope.txt'}: no such file\n"
    usage = subprocess.run([script, "parse", "--format", "pdf", str(RES)], capture_output=True, timeout=120)
    assert usage.returncode == 2
    assert usage.stderr.decode().count("\n") == 1


# --------------------------------------------------------------------------- never over an input


def test_parse_refuses_to_write_over_one_of_its_inputs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    src = tmp_path / "in.txt"
    src.write_bytes(RES.read_bytes())
    (tmp_path / "link.json").symlink_to(src)
    os.link(src, tmp_path / "hard.json")
    cases = [
        ["-f", "text", "-o", str(src), str(src)],  # the same path
        ["-f", "text", "-o", f"{tmp_path}/", str(src)],  # a folder: in.txt -> DIR/in.txt
        ["-f", "text", "-o", str(tmp_path), str(REPORT), str(src)],  # several inputs, one folder
        ["-o", str(tmp_path / "link.json"), str(src)],  # a symbolic link to the input
        ["-o", str(tmp_path / "hard.json"), str(src)],  # a hard link to it
        ["-f", "text", "-o", "./in.txt", "in.txt"],  # relative, spelled differently
        ["-f", "text", "-o", "in.txt", str(src)],
    ]
    monkeypatch.chdir(tmp_path)
    for args in cases:
        code, out, err = run("parse", *args)
        assert code == 2, (args, err)
        assert_one_line_error(err, "in.txt", "is this input file; refusing to write over it")
        assert out == ""
        assert src.read_bytes() == RES.read_bytes(), args
    # Refused before anything is written: the other input's output is not there either.
    assert sorted(p.name for p in tmp_path.iterdir()) == ["hard.json", "in.txt", "link.json"]


@pytest.mark.parametrize("command", [["clean"], ["clean", "--explain"], ["parse", "-f", "text"], ["parse"]])
def test_stdout_redirected_onto_an_input_is_refused(tmp_path: Path, command: list[str]) -> None:
    script = _console_script()
    src = tmp_path / "in.txt"
    src.write_bytes(RES.read_bytes())
    with src.open("ab") as stdout:  # `unparse clean in.txt >> in.txt`
        done = subprocess.run(
            [script, *command, str(RES), str(src)], stdout=stdout, stderr=subprocess.PIPE, timeout=120
        )
    assert done.returncode == 2
    assert (
        done.stderr.decode()
        == f"unparse: {src}: standard output is this input file; refusing to write over it\n"
    )
    assert src.read_bytes() == RES.read_bytes()
    other = tmp_path / "out.txt"
    with other.open("wb") as stdout:  # another file is fine
        assert subprocess.run([script, *command, str(src)], stdout=stdout, timeout=120).returncode == 0
    assert other.stat().st_size > 0


def test_dash_as_output_is_standard_output(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    code, out, err = run("parse", "-o", "-", str(RES))
    assert code == 0, err
    assert Document.model_validate_json(out).symbol == "A/RES/76/186"
    code, out, err = run("parse", "-f", "text", "--output", "-", str(RES), str(REPORT))
    assert code == 0, err
    assert out.count("==> ") == 2
    assert list(tmp_path.iterdir()) == []  # no file called '-'


def test_python_m_unparse_is_the_unparse_command() -> None:
    version = subprocess.run(
        [sys.executable, "-m", "unparse", "--version"], capture_output=True, text=True, timeout=120
    )
    assert version.returncode == 0, version.stderr
    assert version.stdout.strip() == f"unparse {unparse.__version__}"
    ok = subprocess.run(
        [sys.executable, "-m", "unparse", "parse", str(RES)], capture_output=True, timeout=120
    )
    assert ok.returncode == 0, ok.stderr
    assert Document.model_validate_json(ok.stdout).symbol == "A/RES/76/186"
    usage = subprocess.run(
        [sys.executable, "-m", "unparse", "parse", "--format", "pdf", str(RES)],
        capture_output=True,
        timeout=120,
    )
    assert usage.returncode == 2
    assert usage.stderr.decode().startswith("unparse: ") and usage.stderr.decode().count("\n") == 1
    assert "'unparse parse --help'" in usage.stderr.decode()


def test_an_html_page_given_as_text_is_one_line_and_exit_1(tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_text("<!DOCTYPE html>\n<html><body>الجمعية العامة</body></html>\n", encoding="utf-8")
    code, out, err = run("parse", str(page), str(RES))
    assert code == 1
    assert_one_line_error(err, str(page), "is an HTML page, not extracted text")
    assert Document.model_validate_json(out).symbol == "A/RES/76/186"  # the other file still parsed
    code, _, err = run("clean", str(page))
    assert code == 1
    assert_one_line_error(err, "HTML page")
