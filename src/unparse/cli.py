"""The command line: ``unparse parse | clean | batch | review | schema``.

Exit codes: 0 all good; 1 some inputs failed (each reported on one line of stderr,
``unparse: FILE: reason``, the others still written); 2 usage error (one line too).
No traceback reaches the user: an unexpected error in one file is reported like a bad input,
and the other files go on.
"""

from __future__ import annotations

import contextlib
import json
import os
import stat
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TypeVar, cast

import click

from . import __version__
from .batch import (
    BatchSetupError,
    clean_source,
    default_jobs,
    load_document,
    one_line,
    run_batch,
    write_atomic,
)
from .errors import UnparseError
from .export import FORMATS, get_format
from .export.jsonl import record_schema
from .models import Document
from .options import FormatName, Options

F = TypeVar("F", bound=Callable[..., Any])

STDIN = "-"


class _Cli(click.Group):
    """A group whose errors are one line on stderr, never a traceback."""

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        no_args_is_help: Any = getattr(click.exceptions, "NoArgsIsHelpError", None)
        try:
            rv = super().main(
                args=args,
                prog_name=prog_name or "unparse",
                complete_var=complete_var,
                standalone_mode=False,
                **extra,
            )
            code = rv if isinstance(rv, int) else 0
        except click.UsageError as exc:
            if no_args_is_help is not None and isinstance(exc, no_args_is_help) and exc.ctx is not None:
                click.echo(exc.ctx.get_help())
            else:
                where = exc.ctx.command_path if exc.ctx is not None else "unparse"
                _err(f"{_flat(exc.format_message())} (see '{where} --help')")
            code = 2
        except click.ClickException as exc:
            _err(_flat(exc.format_message()))
            code = exc.exit_code
        except (click.Abort, KeyboardInterrupt):
            _err("interrupted")
            code = 130
        except BrokenPipeError:
            # The reader went away (``unparse clean x | head``): not an error worth a word.
            # Point stdout at /dev/null so that the flush at exit does not complain either.
            with contextlib.suppress(OSError, ValueError):
                os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            code = 0
        if standalone_mode:
            sys.exit(code)
        return code


def _flat(text: str) -> str:
    return " ".join(text.split())


def _err(message: str) -> None:
    click.echo(f"unparse: {message}", err=True)


def _out(text: str) -> None:
    # Always UTF-8, whatever the locale says: the output is Arabic text.
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:  # a text-only stream (an IDE, a test harness)
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    sys.stdout.flush()
    buffer.write(text.encode("utf-8"))
    buffer.flush()


_UNITS = {"": 1, "K": 1024, "M": 1024**2, "G": 1024**3}


def _byte_size(ctx: click.Context, param: click.Parameter, value: str | None) -> int | None:
    """A number of bytes: ``5000``, ``64K``, ``100M``, ``2G``."""
    if value is None:
        return None
    text = value.strip().upper().removesuffix("B")
    unit = text[-1:] if text[-1:] in ("K", "M", "G") else ""
    try:
        size = int(float(text[: len(text) - len(unit)]) * _UNITS[unit])
    except (ValueError, OverflowError):
        raise click.BadParameter(f"{value!r} is not a size (examples: 5000, 64K, 100M, 2G)") from None
    if size <= 0:
        raise click.BadParameter(f"{value!r} must be more than 0 bytes")
    return size


def _option_flags(f: F) -> F:
    """The flags every command that reads files has: they build one :class:`Options`."""
    decorators: list[Callable[[Any], Any]] = [
        click.option(
            "--digits",
            type=click.Choice(["western", "eastern", "keep"]),
            default="western",
            show_default=True,
            help="Digits in the output: Western 0-9, Eastern Arabic-Indic, or as found.",
        ),
        click.option("--no-diacritics", is_flag=True, help="Remove harakat (fatha, shadda, ...)."),
        click.option("--keep-tatweel", is_flag=True, help="Keep tatweel (U+0640) instead of removing it."),
        click.option(
            "--max-bytes",
            metavar="SIZE",
            default=None,
            callback=_byte_size,
            help="Refuse input files larger than this (e.g. 100M; default 100M).",
        ),
        click.option(
            "--max-pages",
            type=click.IntRange(min=1),
            default=None,
            help="Refuse PDFs with more pages than this (default 2000).",
        ),
    ]
    for decorate in reversed(decorators):
        f = decorate(f)
    return f


def _options(
    digits: str, no_diacritics: bool, keep_tatweel: bool, max_bytes: int | None, max_pages: int | None
) -> Options:
    update: dict[str, Any] = {
        "digits": digits,
        "keep_diacritics": not no_diacritics,
        "strip_tatweel": not keep_tatweel,
    }
    if max_bytes is not None:
        update["max_bytes"] = max_bytes
    if max_pages is not None:
        update["max_pages"] = max_pages
    return Options(**update)


def _source(file: str) -> tuple[str | bytes, str]:
    """What to read for a FILE argument (``-`` is standard input) and the name it goes by."""
    if file == STDIN:
        data: bytes = sys.stdin.buffer.read() if hasattr(sys.stdin, "buffer") else sys.stdin.read().encode()
        return data, "<stdin>"
    return file, file


def _failed(file: str, exc: Exception) -> None:
    _err(f"{file}: {one_line(exc)}")


def _same_file(a: str | os.PathLike[str], b: str | os.PathLike[str]) -> bool:
    """Whether two paths name one file (the same path, a link to it, a hard link)."""
    try:
        return os.path.samefile(a, b)
    except (OSError, ValueError):  # one of them does not exist (yet)
        return os.path.realpath(a) == os.path.realpath(b)


def _input_behind_stdout(files: Sequence[str]) -> str | None:
    """The input that standard output is redirected onto (``unparse clean a.txt >> a.txt``)."""
    try:
        out = os.fstat(sys.stdout.fileno())
    except (AttributeError, OSError, ValueError):  # not a real file descriptor (a test harness)
        return None
    if not stat.S_ISREG(out.st_mode):
        return None
    for file in files:
        if file == STDIN:
            continue
        with contextlib.suppress(OSError, ValueError):
            st = os.stat(file)
            if (st.st_dev, st.st_ino) == (out.st_dev, out.st_ino):
                return file
    return None


def _refuse_writing_over_inputs(files: Sequence[str], targets: Sequence[Path] | None) -> bool:
    """Say so (one line) and return True when an output is one of the inputs.

    ``targets`` are the output files, or None for standard output."""
    if targets is None:
        file = _input_behind_stdout(files)
        if file is not None:
            _err(f"{file}: standard output is this input file; refusing to write over it")
            return True
        return False
    for target in targets:
        for file in files:
            if file != STDIN and _same_file(target, file):
                _err(f"{file}: the output {target} is this input file; refusing to write over it")
                return True
    return False


_format_option = click.option(
    "-f",
    "--format",
    "format_name",
    type=click.Choice(list(FORMATS)),
    default="json",
    show_default=True,
    help="Output format: " + "; ".join(f"{f.name}: {f.description}" for f in FORMATS.values()) + ".",
)


@click.group(cls=_Cli, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "-V", "--version", prog_name="unparse", message="%(prog)s %(version)s")
def main() -> None:
    """Repair the broken text of Arabic UN documents and segment it into a document model."""


def _output_names(files: Sequence[str], extension: str) -> dict[str, str]:
    # Outputs of `parse -o DIR`: FILE's stem plus the extension; inputs that share a stem keep
    # their whole name (a.txt.json, a.pdf.json).
    stems = [Path(f).stem if f != STDIN else "stdin" for f in files]
    names: dict[str, str] = {}
    for f, stem in zip(files, stems, strict=True):
        name = (stem if stems.count(stem) == 1 else Path(f).name) + extension
        if name in names.values():
            raise click.UsageError(f"two inputs would both be written to {name}; use 'unparse batch'")
        names[f] = name
    return names


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(allow_dash=True))
@click.option(
    "-o",
    "--output",
    type=click.Path(),
    help="Write here instead of stdout: a file for one input; a folder (created) for several, "
    "or when it is an existing folder or ends with '/'. '-' is stdout. Never one of the inputs.",
)
@_format_option
@_option_flags
def parse(files: tuple[str, ...], output: str | None, format_name: str, **flags: Any) -> int:
    """Parse FILE(s) (.pdf or text; '-' reads stdin) into documents.

    One input: the document on stdout (or in OUTPUT). Several inputs without -o: JSON becomes
    JSON Lines, one document per line; jsonl records follow each other (each names its source);
    markdown, text and akn outputs are each preceded by a '==> FILE <==' line.
    """
    options = _options(**flags)
    fmt = get_format(format_name)
    several = len(files) > 1
    if output == STDIN:
        output = None
    to_folder = output is not None and (several or Path(output).is_dir() or output.endswith(("/", "\\")))
    names = _output_names(files, fmt.extension) if to_folder else {}
    targets = None if output is None else [Path(output) / n for n in names.values()] or [Path(output)]
    if _refuse_writing_over_inputs(files, targets):
        return 2
    failures = 0
    first = True
    for file in files:
        try:
            source, name = _source(file)
            doc = load_document(source, name=name, options=options)
            if several and output is None and fmt.name == "json":
                rendered = doc.model_dump_json() + "\n"
            else:
                rendered = fmt.render(doc)
            if output is None:
                if several and fmt.name not in ("json", "jsonl"):
                    rendered = ("" if first else "\n") + f"==> {file} <==\n" + rendered
                _out(rendered)
                first = False
            else:
                target = Path(output) / names[file] if to_folder else Path(output)
                write_atomic(target, rendered.encode("utf-8"))
        except BrokenPipeError:
            raise  # stdout is gone: stop, quietly
        except (UnparseError, OSError) as exc:
            failures += 1
            _failed(file, exc)
        except Exception as exc:  # a bug in one file must not lose the others
            failures += 1
            _failed(file, exc)
    return 1 if failures else 0


def _quote(text: str) -> str:
    return f"«{text}»" if text else "(nothing)"


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(allow_dash=True))
@click.option(
    "--explain",
    is_flag=True,
    help="Print each fix to stderr as 'FILE:LINE: kind: «before» → «after»', then the warnings.",
)
@_option_flags
def clean(files: tuple[str, ...], explain: bool, **flags: Any) -> int:
    """Print the repaired, normalised text of FILE(s) ('-' reads stdin) on stdout.

    Several files are each preceded by a '==> FILE <==' line. With --explain, the fixes go to
    stderr, so stdout stays the clean text alone.
    """
    options = _options(**flags)
    if _refuse_writing_over_inputs(files, None):
        return 2
    failures = 0
    for k, file in enumerate(files):
        try:
            source, name = _source(file)
            text, fixes, warnings = clean_source(source, name=name, options=options)
        except Exception as exc:  # UnparseError, or a bug: one line, then the next file
            failures += 1
            _failed(file, exc)
            continue
        header = (("\n" if k else "") + f"==> {file} <==\n") if len(files) > 1 else ""
        _out(header + text + ("\n" if text and not text.endswith("\n") else ""))
        if explain:
            for fix in fixes:
                click.echo(
                    f"{file}:{fix.line}: {fix.kind}: {_quote(fix.before)} → {_quote(fix.after)}", err=True
                )
            for warning in warnings:
                click.echo(f"{file}: warning: {warning}", err=True)
            click.echo(f"{file}: {len(fixes)} fixes, {len(warnings)} warnings", err=True)
    return 1 if failures else 0


@main.command()
@click.argument("input_dir", type=click.Path())
@click.option(
    "-o", "--output", "output_dir", required=True, type=click.Path(), help="Folder for the outputs."
)
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=1),
    default=None,
    help=f"Worker processes (default: the number of CPUs, here {default_jobs()}).",
)
@_format_option
@click.option("--force", is_flag=True, help="Redo every file, even those whose output is up to date.")
@click.option(
    "--engine",
    type=click.Choice(["local", "dask"]),
    default="local",
    show_default=True,
    help="local: a process pool on this machine; dask: a Dask cluster (needs unparse[dask]).",
)
@click.option(
    "--scheduler",
    metavar="tcp://HOST:PORT",
    default=None,
    help="The Dask scheduler's address, for --engine dask.",
)
@click.option(
    "--progress/--no-progress",
    default=None,
    help="Show a progress bar (default: when stderr is a terminal).",
)
@_option_flags
def batch(
    input_dir: str,
    output_dir: str,
    jobs: int | None,
    format_name: str,
    force: bool,
    engine: str,
    scheduler: str | None,
    progress: bool | None,
    **flags: Any,
) -> int:
    """Process every .txt and .pdf file under INPUT_DIR into OUTPUT, mirroring the tree.

    Each output is written atomically; outputs newer than their input are skipped (--force
    redoes them) unless they were made by another unparse version, format or options (the
    manifest OUTPUT/.unparse/manifest.ndjson says what made each output); failures go to
    OUTPUT/.unparse/errors.ndjson (file, error, reason) and make the exit code 1. A summary
    goes to stderr at the end.
    """
    if scheduler and engine != "dask":
        raise click.UsageError("--scheduler is for --engine dask")
    options = _options(**flags)
    try:
        summary = run_batch(
            input_dir,
            output_dir,
            format=cast(FormatName, format_name),  # one of FORMATS: click checked it
            options=options,
            jobs=jobs,
            force=force,
            engine="dask" if engine == "dask" else "local",
            scheduler=scheduler,
            progress=progress,
            report=_err,
        )
    except BatchSetupError as exc:
        _err(str(exc) if exc.path else exc.reason)
        return 2
    for line in summary.lines(Path(output_dir)):
        click.echo(f"unparse batch: {line}", err=True)
    return 1 if summary.failed else 0


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path())
@click.option(
    "-o",
    "--output",
    type=click.Path(allow_dash=True),
    default=STDIN,
    show_default=True,
    help="The HTML page to write ('-' is stdout). Never one of the inputs.",
)
@_option_flags
def review(files: tuple[str, ...], output: str, **flags: Any) -> int:
    """Write one self-contained HTML page to review the repairs of FILE(s).

    Input and repaired text side by side, line by line (right to left), each changed line with
    its fix kinds, guesses marked, furniture struck through, the decisions and their evidence,
    the outline; for PDFs the page of each line. No script, no network, no external asset.
    """
    from .export.review import render_page, review_file

    options = _options(**flags)
    targets = None if output == STDIN else [Path(output)]
    if _refuse_writing_over_inputs(files, targets):
        return 2
    reviews = []
    failures = 0
    for file in files:
        try:
            reviews.append(review_file(file, options))
        except Exception as exc:  # UnparseError, or a bug: one line, then the next file
            failures += 1
            _failed(file, exc)
    if reviews:
        page = render_page(reviews)
        if targets is None:
            _out(page)
        else:
            write_atomic(targets[0], page.encode("utf-8"))
    return 1 if failures else 0


@main.command()
@click.option("--jsonl", is_flag=True, help="The JSON Schema of one JSONL record instead (parse -f jsonl).")
def schema(jsonl: bool) -> int:
    """Print the JSON Schema of the Document model (or, with --jsonl, of a JSONL record)."""
    found = record_schema() if jsonl else Document.model_json_schema()
    _out(json.dumps(found, indent=2, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":  # pragma: no cover
    main()
