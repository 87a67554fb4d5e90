"""What a user of the library meets first: imports, the schema, typing, errors they can catch."""

from __future__ import annotations

import errno
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any, get_args

import pytest

import unparse
from unparse.export import FORMATS
from unparse.models import Document

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
RES = SAMPLES / "a-res-76-186.txt"


def test_annex_and_the_other_models_are_importable_from_unparse() -> None:
    from unparse import Annex  # noqa: F401  (the import is the test)

    assert unparse.Annex is unparse.models.Annex
    assert "Annex" in unparse.__all__


def _properties_without_description(schema: dict[str, Any]) -> list[str]:
    missing = []
    for model, definition in [("Document", schema), *schema.get("$defs", {}).items()]:
        for name, prop in definition.get("properties", {}).items():
            if not prop.get("description", "").strip():
                missing.append(f"{model}.{name}")
    return missing


def test_every_field_of_the_models_has_a_description_in_the_json_schema() -> None:
    schema = Document.model_json_schema()
    assert {"Annex", "Fix", "Footnote", "FootnoteRef", "Paragraph", "Section", "Span", "SubItem"} <= set(
        schema["$defs"]
    )
    assert _properties_without_description(schema) == []


@pytest.mark.parametrize("name", ["nope.txt", "nope.pdf", "sub/nope.txt"])
def test_a_missing_file_is_caught_by_except_file_not_found_error(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    with pytest.raises(FileNotFoundError) as caught:
        unparse.parse(path)
    exc = caught.value
    assert isinstance(exc, unparse.InputFileError) and isinstance(exc, unparse.UnparseError)
    assert isinstance(exc, unparse.InputFileNotFoundError)
    assert str(exc) == f"{path}: no such file"  # the UnparseError message, not "[Errno 2] ..."
    assert exc.errno == errno.ENOENT and exc.filename == str(path)
    with pytest.raises(OSError):
        unparse.process_file(path, format="jsonl")
    try:
        unparse.parse(path)
    except unparse.UnparseError as again:  # the old way to catch it still works
        assert again.reason == "no such file"


@pytest.mark.parametrize(
    "data",
    [
        b"<!DOCTYPE html>\n<html><body><p>\xd8\xa5\xd9\x86</p></body></html>",
        b"\xef\xbb\xbf  \n\t<!doctype HTML>",
        b"<HTML lang='ar'>\n<p>x</p>",
        b"<html>",
        "<html dir='rtl'>الجمعية العامة</html>".encode("utf-16"),
    ],
)
def test_html_given_as_text_is_refused_with_a_clear_reason(tmp_path: Path, data: bytes) -> None:
    page = tmp_path / "page.txt"
    page.write_bytes(data)
    with pytest.raises(unparse.HtmlInputError) as caught:
        unparse.parse(page)
    assert isinstance(caught.value, unparse.InputFileError)
    assert "HTML page" in caught.value.reason and str(page) in str(caught.value)
    with pytest.raises(unparse.HtmlInputError):
        unparse.process_file(data, name="page.txt")


@pytest.mark.parametrize(
    "text",
    ["الجمعية العامة <html> ليست وسما هنا", "<htmlish> الجمعية العامة", "<p>الجمعية العامة</p>"],
)
def test_text_that_merely_contains_tags_is_still_read(tmp_path: Path, text: str) -> None:
    path = tmp_path / "t.txt"
    path.write_text(text, encoding="utf-8")
    assert "الجمعية العامة" in unparse.parse(path).text


def test_format_name_lists_exactly_the_formats() -> None:
    assert get_args(unparse.FormatName) == tuple(FORMATS)


USER_SCRIPT = """
    from pathlib import Path

    import unparse
    from unparse import Options

    opts = Options(digits="eastern", keep_diacritics=False)
    also = unparse.Options()
    raised = Options(max_bytes=10_000, max_pages=5, min_confidence=0.25)
    clean: str = unparse.normalize("إن الجمعية العامة ،", options=opts)
    doc = unparse.parse(Path("doc.txt"), options=also)
    count: int = len(doc.paragraphs) + len(doc.annexes)
    records = unparse.process_file("doc.txt", format="json", options=raised, errors="record")
    rows = unparse.process_file(b"...", name="doc.txt", format="jsonl")
    first: dict[str, object] = records[0]
    fmt: unparse.FormatName = "akn"
    unparse.process_file("doc.txt", format=fmt)
    empty = unparse.Document()
    annex = unparse.Annex(label="المرفق", span=unparse.Span(start_line=1, end_line=2))
    try:
        unparse.parse("missing.txt")
    except FileNotFoundError as exc:
        print(exc.filename)
    for item, depth in doc.iter_items():
        ident: str = item.id
        if isinstance(item, unparse.Paragraph) and item.footnote_refs:
            cited: str | None = item.footnote_refs[0].footnote_id
    organ: str | None = doc.organ
    pages: list[int | None] = [f.page for f in doc.furniture]
"""

WRONG_SCRIPT = """
    import unparse

    unparse.process_file("doc.txt", format="docx")
    unparse.Options(digits="roman")
    unparse.Document(organ=3)
"""


def test_a_user_script_passes_mypy_strict_without_the_pydantic_plugin(tmp_path: Path) -> None:
    pytest.importorskip("mypy")
    (tmp_path / "user.py").write_text(textwrap.dedent(USER_SCRIPT), encoding="utf-8")
    (tmp_path / "wrong.py").write_text(textwrap.dedent(WRONG_SCRIPT), encoding="utf-8")
    config = tmp_path / "mypy.ini"
    config.write_text("[mypy]\n", encoding="utf-8")  # no plugins: what a user has by default
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "mypy",
            "--strict",
            "--config-file",
            str(config),
            "--cache-dir",
            str(tmp_path / ".mypy_cache"),
            "--no-error-summary",
            "user.py",
            "wrong.py",
        ],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=600,
    )
    errors = [line for line in done.stdout.splitlines() if ": error:" in line]
    assert not [line for line in errors if line.startswith("user.py")], done.stdout + done.stderr
    # The Literal types are what catch a wrong format or digit style before it runs.
    wrong_lines = sorted({int(line.split(":")[1]) for line in errors if line.startswith("wrong.py")})
    assert wrong_lines == [4, 5, 6], done.stdout + done.stderr
