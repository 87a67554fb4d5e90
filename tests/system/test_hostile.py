"""Hostile and broken input, file by file, through the API and the command line.

Every case must end in a result or in one ``UnparseError`` whose message names the file
and says what is wrong; the CLI turns it into one line ``unparse: FILE: reason`` on
stderr and the documented exit code.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tracemalloc
import zlib
from collections.abc import Callable
from pathlib import Path

import pytest

import hostile_pdfs
import unparse
from unparse.batch import ERRORS_FILE
from unparse.errors import DecompressionLimitError
from unparse.read.limits import bounded_aggregator, bounded_pdf_decoding, inflate_corrupted
from unparse.read.text import decode_bytes, read_bytes
from unparse.repair.brackets import unmirror_brackets
from unparse.repair.markup import strip_markdown_emphasis

# --- Regressions found by the property tests and the fuzzer -------------------------


def test_lone_surrogate_in_fix_log_is_shown_as_replacement_character() -> None:
    # Found by the fuzzer: Fix.before kept the lone surrogate, so Document.model_dump_json()
    # raised PydanticSerializationError (not an UnparseError).
    result = unparse.repair_text("\ud800الجمعية")
    assert result.text == "الجمعية"
    assert [(f.kind, f.before, f.after) for f in result.fixes] == [
        ("invisible_controls", "\ufffdالجمعية", "الجمعية")
    ]
    unparse.parse_text("\ud800الجمعية\n\udfff").model_dump_json()


def test_superscript_marker_after_stray_bracket_is_idempotent() -> None:
    # Found by the property tests: ")²" became ")(2)", which a second pass turned into "()2)".
    once = unparse.normalize(")²")
    assert once == ")(2)"
    assert unparse.normalize(once) == once
    assert unmirror_brackets(")x(1)") == ")x(1)"  # a footnote marker is never a mirrored partner
    assert unmirror_brackets(")أ(") == "(أ)"  # mirrored pairs are still flipped


def test_bracket_fixer_leaves_ambiguous_lines_alone() -> None:
    # Found by the fuzzer (digits="eastern"): ") ) (" flipped its inner pair to ") ( )",
    # which the next pass flipped again to "( ) )".
    line = "٢٦)]، الفقرة قدرات المكت) على لثالثة (A/76/463."
    assert unmirror_brackets(line) == line
    assert unmirror_brackets(") ) (") == ") ) ("
    assert unmirror_brackets(")٥٦ - د( ١٧ و)٥٦ - د( ١٦") == "(٥٦ - د) ١٧ و(٥٦ - د) ١٦"
    once = unparse.normalize(line, unparse.Options(digits="eastern"))
    assert unparse.normalize(once, unparse.Options(digits="eastern")) == once


def test_a_row_of_asterisks_is_not_emphasis() -> None:
    # Found by the fuzzer: "8**********لش" lost asterisks in pairs on every pass.
    assert strip_markdown_emphasis("8**********لش") == "8**********لش"
    assert strip_markdown_emphasis("***x***") == "x"
    assert strip_markdown_emphasis("1 - **تحث** الدول") == "1 - تحث الدول"
    once = unparse.normalize("8 ******************** لش")
    assert unparse.normalize(once) == once


def test_superscript_markers_follow_the_digit_option() -> None:
    # Found by the fuzzer (digits="eastern"): "⁽²²⁾" became "(22)" after the digit step had
    # run, so the output had Western digits, and the next pass made them Eastern.
    eastern = unparse.Options(digits="eastern")
    assert unparse.normalize("نص⁽²²⁾", eastern) == "نص(٢٢)"
    assert unparse.normalize("نص⁽²²⁾") == "نص(22)"


def test_an_asterisk_marker_is_not_emphasis() -> None:
    # Once "⁽*⁾" is "(*)", its asterisk opened an italic span up to the next "*".
    assert unparse.normalize("⁽*⁾ a*") == "(*) a*"
    assert unparse.normalize("(*) نص *مائل*") == "(*) نص مائل"


def test_latin1_text_is_not_taken_for_iso_8859_6() -> None:
    # Found by test_wrong_encoding_is_an_error_not_a_guess: every accented letter of a
    # Latin-1 file decodes to an Arabic letter in ISO-8859-6 ("é" -> "ى"), which scored as
    # "all non-ASCII characters are Arabic", so French came out as "Rىsolution".
    with pytest.raises(unparse.EncodingError):
        decode_bytes("Résolution adoptée - été".encode("latin-1"))


# --- Files through the API ----------------------------------------------------------


def _reason(exc: pytest.ExceptionInfo[unparse.UnparseError]) -> str:
    message = str(exc.value)
    assert "\n" not in message and "Traceback" not in message
    return message


def test_empty_file(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    with pytest.raises(unparse.InputFileError) as exc:
        unparse.parse(empty)
    assert str(empty) in _reason(exc) and "empty" in _reason(exc)


def test_binary_file(tmp_path: Path) -> None:
    png = tmp_path / "scan.txt"
    png.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    with pytest.raises(unparse.BinaryInputError, match="PNG image"):
        unparse.parse(png)
    blob = tmp_path / "blob.txt"
    blob.write_bytes(bytes(range(256)) * 8)
    with pytest.raises(unparse.BinaryInputError, match="NUL bytes"):
        unparse.parse(blob)


def test_truncated_utf8(tmp_path: Path) -> None:
    cut = tmp_path / "cut.txt"
    cut.write_bytes("الجمعية العامة".encode()[:-1])
    with pytest.raises(unparse.EncodingError) as exc:
        unparse.parse(cut)
    assert "cut off" in _reason(exc) and str(cut) in _reason(exc)


@pytest.mark.parametrize(
    ("text", "encoding"),
    [("Résolution adoptée - été", "latin-1"), ("中华人民共和国大会决议", "gbk"), ("総会決議", "shift_jis")],
)
def test_wrong_encoding_is_an_error_not_a_guess(tmp_path: Path, text: str, encoding: str) -> None:
    f = tmp_path / f"{encoding}.txt"
    f.write_bytes(text.encode(encoding) * 20)
    with pytest.raises(unparse.EncodingError, match="iconv"):
        unparse.parse(f)


def test_legacy_arabic_encoding_is_decoded(tmp_path: Path) -> None:
    f = tmp_path / "cp1256.txt"
    f.write_bytes("إن الجمعية العامة،".encode("cp1256"))
    assert unparse.parse(f).text == "إن الجمعية العامة،"


def test_directory_and_missing_path(tmp_path: Path) -> None:
    with pytest.raises(unparse.InputFileError, match="is a directory"):
        unparse.parse(tmp_path)
    with pytest.raises(unparse.InputFileError, match="no such file"):
        unparse.parse(tmp_path / "nope.txt")
    with pytest.raises(unparse.InputFileError, match="no such file"):
        unparse.parse(tmp_path / "nope.pdf")


def test_no_permission(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("نص", encoding="utf-8")
    secret.chmod(0)
    if os.geteuid() != 0:
        with pytest.raises(unparse.InputFileError, match="permission denied"):
            unparse.parse(secret)
        return
    # Root reads through chmod 000 (and the interpreter lives where an unprivileged user
    # cannot run it), so make the kernel's answer explicit: open() fails with EACCES.
    real_open = Path.open

    def denied(self: Path, *args: object, **kwargs: object) -> object:
        if self == secret:
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr(Path, "open", denied)
    with pytest.raises(unparse.InputFileError) as exc:
        unparse.parse(secret)
    assert _reason(exc) == f"{secret}: permission denied"


def test_other_os_errors_name_the_file(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_text("x", encoding="utf-8")
    with pytest.raises(unparse.InputFileError, match="cannot be read"):
        unparse.parse(f / "child.txt")  # a path through a file: ENOTDIR
    loop = tmp_path / "loop.txt"
    loop.symlink_to(loop)
    with pytest.raises(unparse.InputFileError, match="cannot be read"):
        unparse.parse(loop)


@pytest.mark.parametrize("func", [unparse.parse, unparse.parse_pdf])
@pytest.mark.parametrize("path", [5, None, b"/etc/hostname", ["a.txt"], "a\x00b.txt", "a\x00b.pdf"])
def test_what_is_not_a_path(func: Callable[[object], object], path: object) -> None:
    # Found writing these tests: Path(5) raised TypeError and os.stat("a\x00b") ValueError.
    with pytest.raises(unparse.UnparseError) as exc:
        func(path)
    _reason(exc)
    with pytest.raises(unparse.InputFileError, match="NUL"):
        read_bytes("a\x00b")


def test_size_limit(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    with big.open("wb") as fh:  # sparse: 200 MB on paper, nothing on disk
        fh.truncate(200 * 1024 * 1024)
    with pytest.raises(unparse.InputTooLargeError) as exc:
        unparse.parse(big)
    assert "209,715,200 bytes, over the limit of 104,857,600" in _reason(exc)
    small = tmp_path / "small.txt"
    small.write_text("الجمعية العامة " * 100, encoding="utf-8")
    with pytest.raises(unparse.InputTooLargeError, match="max_bytes"):
        unparse.parse(small, unparse.Options(max_bytes=1000))
    big_pdf = big.rename(big.with_suffix(".pdf"))
    with pytest.raises(unparse.InputTooLargeError):
        unparse.parse(big_pdf)


def test_reading_a_small_file_does_not_allocate_the_limit(tmp_path: Path) -> None:
    # Found by test_zip_bomb_pdf_through_the_api: read_bytes did fh.read(max_bytes + 1),
    # which allocates max_bytes up front (100 MiB for a 1 KB file; MemoryError with a
    # limit of tens of gigabytes).
    small = tmp_path / "small.txt"
    small.write_text("الجمعية العامة", encoding="utf-8")
    tracemalloc.start()
    try:
        data = read_bytes(small, unparse.Options(max_bytes=1 << 40))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert data == "الجمعية العامة".encode()
    assert peak < 1 << 20


def test_a_file_without_a_size_is_still_bounded(tmp_path: Path) -> None:
    # /dev/zero (like a pipe or a /proc file) reports size 0: the read itself must stop.
    with pytest.raises(unparse.UnparseError):
        unparse.parse("/dev/zero", unparse.Options(max_bytes=1 << 20))
    with pytest.raises(unparse.InputTooLargeError):
        read_bytes("/dev/zero", unparse.Options(max_bytes=1 << 20))


# --- PDFs -----------------------------------------------------------------------------


def _pdf(tmp_path: Path, name: str, data: bytes) -> Path:
    p = tmp_path / name
    p.write_bytes(data)
    return p


def test_encrypted_pdf(tmp_path: Path) -> None:
    with pytest.raises(unparse.PdfError, match="encrypted"):
        unparse.parse(_pdf(tmp_path, "locked.pdf", hostile_pdfs.encrypted_pdf()))


@pytest.mark.parametrize(
    "data",
    [
        hostile_pdfs.text_pdf()[:200],  # truncated
        b"%PDF-1.4\n" + bytes(range(256)) * 40,  # garbage after the header
        b"%PDF-",  # nothing but the header
        hostile_pdfs.build_pdf(b"BT /F1 12 Tf (abc", filters="/FlateDecode"),  # not zlib
        hostile_pdfs.build_pdf(b"\x80\x01", filters="/RunLengthDecode"),  # a cut-off run
        hostile_pdfs.build_pdf(b"xx", filters="/NoSuchFilter"),
    ],
    ids=["truncated", "garbage", "header-only", "bad-flate", "bad-runlength", "unknown-filter"],
)
def test_corrupt_pdf(tmp_path: Path, data: bytes) -> None:
    with pytest.raises(unparse.PdfError):
        unparse.parse(_pdf(tmp_path, "broken.pdf", data))


def test_pdf_named_txt_and_text_named_pdf(tmp_path: Path) -> None:
    with pytest.raises(unparse.PdfError):
        unparse.parse(_pdf(tmp_path, "scan.txt", hostile_pdfs.image_only_pdf()))
    with pytest.raises(unparse.PdfError, match="not a PDF"):
        unparse.parse(_pdf(tmp_path, "notes.pdf", "الجمعية العامة".encode()))


def test_image_only_pdf(tmp_path: Path) -> None:
    with pytest.raises(unparse.PdfError, match="OCR"):
        unparse.parse(_pdf(tmp_path, "scan.pdf", hostile_pdfs.image_only_pdf()))


def _bounded(func: Callable[[], object], peak_limit: int) -> BaseException | None:
    """Run ``func``; return what it raised; assert its peak Python memory stayed under the limit."""
    tracemalloc.start()
    try:
        func()
    except BaseException as exc:
        return exc
    finally:
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        assert peak < peak_limit, f"peak memory {peak:,} bytes"
    return None


def test_zip_bomb_through_pdfminer_is_bounded(tmp_path: Path) -> None:
    """The guard of read/limits.py, on pdfminer directly: a 1 MB file that inflates to
    1 GiB stops at the limit, with memory near the limit, not near a gigabyte."""
    from pdfminer.pdfdocument import PDFDocument
    from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdfparser import PDFParser

    bomb = _pdf(tmp_path, "bomb.pdf", hostile_pdfs.bomb_pdf(1024))
    options = unparse.Options(max_decompressed_bytes=16 << 20)

    def read() -> None:
        with bounded_pdf_decoding(options, bomb), bomb.open("rb") as fh:
            rsrc = PDFResourceManager()
            interp = PDFPageInterpreter(rsrc, bounded_aggregator(rsrc, options, bomb))
            for page in PDFPage.create_pages(PDFDocument(PDFParser(fh))):
                interp.process_page(page)

    exc = _bounded(read, peak_limit=64 << 20)
    assert isinstance(exc, DecompressionLimitError), exc
    assert isinstance(exc, unparse.PdfError) and isinstance(exc, unparse.InputTooLargeError)
    assert str(bomb) in str(exc) and "max_decompressed_bytes" in str(exc)


def test_glyph_flood_through_pdfminer_is_bounded(tmp_path: Path) -> None:
    from pdfminer.pdfdocument import PDFDocument
    from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdfparser import PDFParser

    flood = _pdf(tmp_path, "flood.pdf", hostile_pdfs.glyph_flood_pdf(50_000))
    options = unparse.Options(max_glyphs_per_page=5_000)
    with pytest.raises(DecompressionLimitError, match="more than 5,000 glyphs"), flood.open("rb") as fh:
        rsrc = PDFResourceManager()
        interp = PDFPageInterpreter(rsrc, bounded_aggregator(rsrc, options, flood))
        for page in PDFPage.create_pages(PDFDocument(PDFParser(fh))):
            interp.process_page(page)


def test_guarded_filters_decode_like_pdfminer() -> None:
    """Inside the guard, good streams decode exactly as pdfminer decodes them."""
    from pdfminer.pdftypes import PDFStream
    from pdfminer.psparser import LIT

    payload = "BT (الجمعية) Tj ET".encode() * 1000
    cases = [
        (zlib.compress(payload), "FlateDecode", payload),
        (zlib.compress(payload)[:-2], "FlateDecode", payload),  # bad checksum: recovered
        (b"\x02abc\xfdz\x80", "RunLengthDecode", b"abc" + b"z" * 4),
        (b"616263>", "ASCIIHexDecode", b"abc"),
    ]
    with bounded_pdf_decoding(unparse.Options()):
        for raw, name, expected in cases:
            assert PDFStream({"Filter": LIT(name)}, raw).get_data() == expected, name
    # Truncated Flate data: what inflates before the cut is kept (pdfminer's rule), in linear time.
    truncated = inflate_corrupted(zlib.compress(payload)[:200])
    assert truncated and payload.startswith(truncated)


def test_zip_bomb_pdf_through_the_api(tmp_path: Path) -> None:
    """parse_pdf on a bomb: a PdfError, in bounded memory (needs the PDF reader to read
    inside read.limits.bounded_pdf_decoding)."""
    bomb = _pdf(tmp_path, "bomb.pdf", hostile_pdfs.bomb_pdf(256))
    options = unparse.Options(max_decompressed_bytes=16 << 20)
    # Measured: a peak of ~100 MB through the whole API whatever the bomb's size (256 MiB or
    # 1 GiB) and the limit (4 to 32 MiB): a fixed cost of the reader, not the bomb's.
    exc = _bounded(lambda: unparse.parse(bomb, options), peak_limit=128 << 20)
    assert isinstance(exc, unparse.PdfError), repr(exc)
    assert "max_decompressed_bytes" in str(exc)


def test_glyph_flood_pdf_through_the_api(tmp_path: Path) -> None:
    flood = _pdf(tmp_path, "flood.pdf", hostile_pdfs.glyph_flood_pdf(50_000))
    with pytest.raises(unparse.PdfError, match="glyphs"):
        unparse.parse(flood, unparse.Options(max_glyphs_per_page=5_000))


# --- The command line ---------------------------------------------------------------


def _cli(*args: str) -> tuple[int, str, str]:
    from click.testing import CliRunner

    from unparse.cli import main

    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def _one_line(stderr: str, path: Path | str, *fragments: str) -> None:
    lines = stderr.strip("\n").split("\n")
    assert len(lines) == 1, stderr
    assert lines[0].startswith(f"unparse: {path}: "), stderr
    assert "Traceback" not in stderr
    for fragment in fragments:
        assert fragment in lines[0], stderr


def _bad_files(tmp_path: Path) -> dict[str, tuple[Path, str]]:
    """Every kind of bad input file, with a fragment its one-line error must contain."""
    files: dict[str, tuple[Path, str]] = {}

    def put(name: str, data: bytes, fragment: str) -> None:
        p = tmp_path / name
        p.write_bytes(data)
        files[name] = (p, fragment)

    put("empty.txt", b"", "empty")
    put("scan.txt", b"\x89PNG\r\n\x1a\n" + bytes(64), "PNG image")
    put("blob.txt", bytes(range(256)) * 8, "NUL bytes")
    put("cut.txt", "الجمعية".encode()[:-1], "cut off")
    put("latin1.txt", "Résolution adoptée".encode("latin-1") * 10, "not UTF-8")
    put("locked.pdf", hostile_pdfs.encrypted_pdf(), "encrypted")
    put("broken.pdf", hostile_pdfs.text_pdf()[:200], "corrupt")
    put("scanned.pdf", hostile_pdfs.image_only_pdf(), "OCR")
    files["folder.txt"] = (tmp_path / "folder.txt", "directory")
    (tmp_path / "folder.txt").mkdir()
    files["missing.txt"] = (tmp_path / "missing.txt", "no such file")
    loop = tmp_path / "loop.txt"
    loop.symlink_to(loop)
    files["loop.txt"] = (loop, "cannot be read")
    return files


def test_cli_parse_each_bad_file_is_one_line_and_exit_1(tmp_path: Path) -> None:
    for name, (path, fragment) in _bad_files(tmp_path).items():
        code, out, err = _cli("parse", str(path))
        assert code == 1, (name, code, err)
        assert out == "", name
        _one_line(err, path, fragment)


def test_cli_clean_each_bad_file_is_one_line_and_exit_1(tmp_path: Path) -> None:
    for name, (path, fragment) in _bad_files(tmp_path).items():
        code, _, err = _cli("clean", str(path))
        assert code == 1, (name, code, err)
        _one_line(err, path, fragment)


def test_cli_bad_files_do_not_stop_the_good_ones(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text("إن الجمعية العامة،", encoding="utf-8")
    bad = _bad_files(tmp_path)
    args = [str(p) for p, _ in bad.values()]
    code, out, err = _cli("parse", *args[:3], str(good), *args[3:])
    assert code == 1
    assert len(err.strip().split("\n")) == len(bad)
    assert "Traceback" not in err
    assert [unparse.Document.model_validate_json(x).source for x in out.splitlines()] == [str(good)]


def test_cli_too_large(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    with big.open("wb") as fh:
        fh.truncate(200 * 1024 * 1024)
    code, _, err = _cli("parse", str(big))
    assert code == 1
    _one_line(err, big, "over the limit")
    code, _, err = _cli("parse", "--max-bytes", "300M", str(big))
    assert code == 1
    _one_line(err, big, "NUL bytes")  # let through by the limit, then refused as binary


def test_cli_zip_bomb_is_one_line(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.pdf"
    bomb.write_bytes(hostile_pdfs.bomb_pdf(512))
    code, _, err = _cli("parse", str(bomb))
    assert code == 1
    _one_line(err, bomb, "max_decompressed_bytes")


@pytest.mark.parametrize(
    "args",
    [
        ["parse"],
        ["parse", "--format", "pdf", "x.txt"],
        ["batch", "in"],
        ["nonsense"],
        ["parse", "--max-bytes", "-1", "x"],
    ],
)
def test_cli_usage_errors_exit_2(args: list[str]) -> None:
    code, _, err = _cli(*args)
    assert code == 2, err
    assert "Traceback" not in err


def test_batch_with_a_symlink_loop_and_bad_files(tmp_path: Path) -> None:
    src = tmp_path / "in"
    (src / "sub").mkdir(parents=True)
    (src / "sub" / "loop").symlink_to(src, target_is_directory=True)  # in/sub/loop -> in
    (src / "self").symlink_to(src / "self")  # a link to itself
    (src / "a.txt").write_text("إن الجمعية العامة،", encoding="utf-8")
    (src / "sub" / "b.txt").write_text("الأمم المتحدة", encoding="utf-8")
    (src / "empty.txt").write_bytes(b"")
    (src / "bomb.pdf").write_bytes(hostile_pdfs.bomb_pdf(512))
    out = tmp_path / "out"
    code, _, err = _cli("batch", str(src), "-o", str(out), "--jobs", "1", "--no-progress")
    assert code == 1, err
    assert "Traceback" not in err
    written = sorted(p.relative_to(out).as_posix() for p in out.rglob("*.json"))
    assert written == ["a.json", "sub/b.json"]
    failed = {json.loads(line)["file"] for line in (out / ERRORS_FILE).read_text().splitlines()}
    assert {"empty.txt", "bomb.pdf"} <= failed


def test_batch_outputs_cannot_escape_the_output_folder(tmp_path: Path) -> None:
    src, out, outside = tmp_path / "in", tmp_path / "out", tmp_path / "outside"
    (src / "deep").mkdir(parents=True)
    outside.mkdir()
    (src / "deep" / "x.txt").write_text("الأمم المتحدة", encoding="utf-8")
    (src / "..x.txt").write_text("الأمم المتحدة", encoding="utf-8")
    (src / "deep" / "....txt").write_text("الأمم المتحدة", encoding="utf-8")
    (src / "linked").symlink_to(outside, target_is_directory=True)  # an input link outside is read...
    (outside / "y.txt").write_text("الأمم المتحدة", encoding="utf-8")
    out.mkdir()
    (out / "deep").symlink_to(outside, target_is_directory=True)  # ...but an output link is not followed
    before = sorted(outside.rglob("*"))
    _cli("batch", str(src), "-o", str(out), "--jobs", "1", "--no-progress")
    assert sorted(outside.rglob("*")) == before, "something was written outside the output folder"
    for p in out.rglob("*"):
        assert os.path.realpath(p).startswith(os.path.realpath(out) + os.sep) or p == out / "deep"


# --- Exports --------------------------------------------------------------------------

HOSTILE = '<b>&amp;</b> "\'" ]]> <!-- --> <?xml?> &#0; \x01\x0b\x1f \ufffe\uffff الجمعية'


def _hostile_document() -> unparse.Document:
    span = unparse.Span(start_line=1, end_line=1)
    para = unparse.Paragraph(
        number=1,
        lead=HOSTILE,
        text=HOSTILE,
        span=span,
        sub_items=[unparse.SubItem(label="<أ>", text=HOSTILE, span=span)],
        footnote_refs=[unparse.FootnoteRef(marker="&1", offset=0)],
    )
    return unparse.Document(
        kind="resolution",
        symbol="A/RES/<76>/&186",
        body=HOSTILE,
        session=HOSTILE,
        agenda_item="<108>",
        title=HOSTILE,
        preamble_opening=HOSTILE,
        preamble=[unparse.Paragraph(text=HOSTILE, span=span)],
        paragraphs=[para],
        sections=[unparse.Section(label="<أولاً>", title=HOSTILE, level=1)],
        footnotes=[unparse.Footnote(marker="&1", text=HOSTILE, span=span)],
        closing=HOSTILE,
        text=HOSTILE,
        source='"><x/>.txt',
    )


def test_akn_export_escapes_everything() -> None:
    import xml.etree.ElementTree as ET

    from unparse.export import export

    xml = export(_hostile_document(), "akn")
    root = ET.fromstring(xml.encode("utf-8"))  # well formed, whatever the text held
    texts = " ".join(t for t in root.itertext())
    assert "<b>&amp;</b>" in texts and "]]>" in texts  # kept as text, not markup
    assert not any(el.tag.endswith("}b") or el.tag == "b" or el.tag == "x" for el in root.iter())
    assert "\x01" not in xml and "\ufffe" not in xml  # not allowed in XML 1.0: dropped
    assert "الجمعية" in texts


@pytest.mark.parametrize("fmt", ["json", "jsonl", "markdown", "text"])
def test_other_exports_take_any_text(fmt: str) -> None:
    from unparse.export import export

    out = export(_hostile_document(), fmt)
    out.encode("utf-8")
    if fmt == "json":
        assert unparse.Document.model_validate_json(out).text == HOSTILE


def test_damaged_flate_stream_is_linear_under_the_guard() -> None:
    # Found by the PDF fuzzer: a Flate stream cut short goes to pdfminer's
    # decompress_corrupted, which feeds one byte at a time into a growing bytes object; on
    # a 51 KB stream that inflates to 100 MB it ran for over five minutes. The guard's
    # version keeps the same output (checked in test_guarded_filters_decode_like_pdfminer)
    # in linear time, and stops at the budget.
    damaged = hostile_pdfs.zlib_bomb(100)[:-10]
    with (
        pytest.raises(DecompressionLimitError),
        bounded_pdf_decoding(unparse.Options(max_decompressed_bytes=16 << 20)),
    ):
        inflate_corrupted(damaged)
    assert len(inflate_corrupted(hostile_pdfs.zlib_bomb(4)[:-10])) > 4_000_000


def test_damaged_flate_pdf_through_the_api_is_bounded(tmp_path: Path) -> None:
    """The fuzzer's hang, through parse_pdf, in a child process with a deadline (needs the
    PDF reader to read inside read.limits.bounded_pdf_decoding)."""
    pdf = _pdf(
        tmp_path,
        "damaged.pdf",
        hostile_pdfs.build_pdf(hostile_pdfs.zlib_bomb(100)[:-10], filters="/FlateDecode"),
    )
    code = (
        "import sys, unparse\n"
        "try:\n"
        f"    unparse.parse_pdf({str(pdf)!r}, unparse.Options(max_decompressed_bytes=16 << 20))\n"
        "except unparse.UnparseError as exc:\n"
        "    print(exc)\n"
    )
    try:
        proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    except subprocess.TimeoutExpired:
        pytest.fail("parse_pdf on a damaged 51 KB Flate stream ran for over 60 s")
    assert proc.returncode == 0, proc.stderr
    assert "max_decompressed_bytes" in proc.stdout
