"""The repair stage: a pipeline of small named fixers, in reading order of the damage.

characters → line order → digits and numbers → brackets → markup → page furniture → spacing.
"""

from __future__ import annotations

import sys
import types
import warnings
from dataclasses import dataclass, field

from ..lines import Line, split_lines
from ..models import Decision, Fix
from ..options import DEFAULT_OPTIONS, Options
from .brackets import unmirror_bracket_lines
from .chars import (
    CONTROL_CLASS,
    HARAKAT_CLASS,
    ODD_SPACE_CLASS,
    PRESENTATION_CLASS,
    PRIVATE_USE_CLASS,
    TATWEEL,
    collapse_spaces,
    fold_presentation_forms,
    normalize_spaces,
    remove_invisible_controls,
    remove_private_use,
    strip_diacritics,
    strip_tatweel,
)
from .decisions import decisions_from_facts
from .digits import NON_WESTERN_CLASS, convert_digits, digit_triggers
from .fingerprint import SCANNED as FINGERPRINT_SCANNED
from .fingerprint import take_fingerprint
from .furniture import remove_page_furniture, split_running_headers
from .kashida_digits import remove_kashida_digits
from .kashida_segments import repair_kashida_lines, repair_leftover_kashida
from .lam_alef import join_split_lam_alef
from .lam_kaf import join_lam_kaf_lines
from .latin_dates import restore_latin_date_order
from .latin_lines import restore_latin_lines
from .lifted import restore_lifted_lines
from .lifted_slashes import restore_lifted_slash_lines
from .lifted_urls import restore_lifted_url_lines
from .logical_extractors import join_split_slash_numbers, mark_logical_order, reverse_reversed_words
from .marks import MARK_CLASS, attach_detached_marks, drop_marks_in_latin_runs
from .markup import (
    SUPERSCRIPT_CLASS,
    strip_emphasis_across_lines,
    strip_markdown_emphasis,
    strip_markdown_headings,
    superscript_refs_to_markers,
)
from .mupdf_eastern import place_eastern_numbers
from .mupdf_lines import rejoin_split_lines
from .mupdf_pieces import space_glued_numbers
from .mupdf_pypdf import mark_logical_dates, rejoin_pymupdf_lines, reverse_eastern_numbers
from .mupdf_runs import finish_reordered_lines, number_cells_first, put_labels_first, space_end_markers
from .notes import move_interrupting_notes
from .numbers import fix_number_order
from .order import reorder_runs
from .pdfium import (
    fix_labels_and_marks,
    fix_number_punctuation,
    fix_scrambled_symbols,
    rejoin_headings,
    remove_kashida_glyphs,
)
from .pdfium_more import fix_mirrored_quotes, fix_opener_spaces, reverse_ambiguous_words
from .pdfium_notes import restore_footnote_lines
from .pdfium_pieces import join_ltr_pieces
from .pdfminer_pieces import drop_stray_glyph_lines
from .pieces import join_visual_pieces
from .pipeline import Context, Step, line_step, option_line_step, run_steps
from .poppler import unembed_lines
from .poppler_kashida import remove_kashida_runs, remove_raw_kashida_runs
from .poppler_raw import (
    join_raw_number_lines,
    join_raw_parentheticals,
    rebuild_raw_footnotes,
    restore_raw_labels,
)
from .poppler_raw_order import rebuild_raw_lines
from .pypdf_joints import repair_pypdf_joints, repair_pypdf_slashes
from .pypdf_runs import read_pypdf_lines, restore_pypdf_labels
from .raw_leads import join_raw_split_leads
from .raw_references import place_raw_references
from .spaced_words import join_spaced_words
from .visual import reverse_visual_lines

__all__ = ["STEPS", "RepairResult", "normalize", "repair", "repair_lines"]


_PRIVATE_USE = line_step("private_use", remove_private_use, local=True, triggers=PRIVATE_USE_CLASS)


def _warn_private_use(lines: list[Line], ctx: Context) -> list[Line]:
    before = len(ctx.fixes)
    lines = _PRIVATE_USE.run(lines, ctx)
    for fix in ctx.fixes[before:]:
        ctx.warn(f"line {fix.line}: private-use glyph codes removed (symbol-font characters)")
    return lines


def _collapse_spaces(lines: list[Line], ctx: Context) -> list[Line]:
    # The scan says whether the text holds odd spaces: most hold none, and their search
    # was a third of the step.
    odd = ctx.present(lines, ODD_SPACE_CLASS) != ""
    return line_step("spacing", lambda text: collapse_spaces(text, odd), local=True).run(lines, ctx)


def _space_reordered_lines(lines: list[Line], ctx: Context) -> list[Line]:
    """Drop the space before punctuation (``"العامة ،"``) on the lines a step put back in
    order, where it is what the reordering left; elsewhere it is the author's."""
    reordered = {fix.line for fix in ctx.fixes if fix.kind.endswith("_order") and fix.kind != "number_order"}
    if not reordered:
        return lines
    out: list[Line] = []
    for line in lines:
        if line.number in reordered:
            fixed = normalize_spaces(line.text)
            if fixed != line.text:
                ctx.record("spacing", line.number, line.text, fixed)
                line = Line(line.number, fixed, line.page)
        out.append(line)
    return out


# Each step: the kind users see (the Fix.kind of what it changes, the Decision.step of what
# it decides; stable, see Step), then its function, whose name is the step's.
STEPS: list[Step] = [
    # What produced the text, counted before any change; poppler's embeddings are used
    # before they are removed (and make its text logical: no visual or run-order step).
    Step("fingerprint", take_fingerprint, triggers=FINGERPRINT_SCANNED),
    # pypdfium2's lines are logical (brackets as drawn); some words letter-reversed.
    Step("pdfium_logical_order", mark_logical_order),
    Step("reversed_words", reverse_reversed_words),
    # pypdfium2 on Chromium PDFs: a visual line's pieces given left to right, put back.
    Step("pdfium_pieces", join_ltr_pieces),
    # Once the line is whole: a reversed word that reads as a word both ways, an opener's space.
    Step("ambiguous_reversed_words", reverse_ambiguous_words),
    Step("pdfium_opener_space", fix_opener_spaces),
    Step("pdfium_quotes", fix_mirrored_quotes),
    # pypdfium2: kashida and stray glyph codes, symbols, footnotes and references, numbers' commas.
    Step("pdfium_glyphs", remove_kashida_glyphs),
    Step("pdfium_symbols", fix_scrambled_symbols),
    Step("pdfium_footnotes", restore_footnote_lines),
    Step("pdfium_number_punctuation", fix_number_punctuation),
    Step("pdfium_headings", rejoin_headings),
    Step("pdfium_labels_marks", fix_labels_and_marks),
    # PyMuPDF and pypdf: kashida glyphs read as Latin letters, the pieces between them reversed.
    # pypdf on LibreOffice: a number's slash given after it, before the kashida step reads runs.
    Step("pypdf_slashes", repair_pypdf_slashes),
    Step("kashida_segments", repair_kashida_lines),
    # PyMuPDF and pypdf: dates in reading order say the runs are; Eastern numbers reversed.
    Step("date_logical_order", mark_logical_dates),
    # pypdf: a line's stretches given left to right, read back where its fingerprint says
    # so; after the dates are counted on the lines as given (the rest still need the run order).
    Step("pypdf_order", read_pypdf_lines, lambda o: o.reorder_lines),
    # pypdf on LibreOffice: a paragraph number's dash and a run's last space put back.
    Step("pypdf_joints", repair_pypdf_joints),
    Step("eastern_numbers", reverse_eastern_numbers, triggers="\u0660-\u0669"),
    Step("pymupdf_lines", rejoin_pymupdf_lines),
    # PyMuPDF on fpdf2: the paragraph number, a cell of its own right of the line, last.
    Step("last_numbers", number_cells_first),
    Step("kashida", remove_kashida_runs),
    Step("kashida", remove_raw_kashida_runs),
    line_step("detached_marks", drop_marks_in_latin_runs, local=True, triggers="\u202a"),
    Step("poppler_embeddings", unembed_lines),
    Step("poppler_raw_order", rebuild_raw_lines),
    Step("poppler_raw_footnotes", rebuild_raw_footnotes),
    Step("lam_alef_lines", join_split_lam_alef),
    line_step("invisible_controls", remove_invisible_controls, local=True, triggers=CONTROL_CLASS),
    # A reference or a paragraph number on lines of its own (PyMuPDF, pdftotext -raw).
    Step("rejoined_lines", rejoin_split_lines),
    Step("poppler_raw_numbers", join_raw_number_lines),
    Step("poppler_raw_parentheticals", join_raw_parentheticals),
    Step("poppler_raw_labels", restore_raw_labels),
    # pdftotext -raw: a raised reference at a paragraph's end, given with the line above.
    Step("raw_references", place_raw_references),
    # pdftotext -raw: a lead set in italics to inside a word, given below its line.
    Step("raw_split_leads", join_raw_split_leads),
    # pdfminer's pieces of one visual line (LibreOffice PDFs) are joined before reading them.
    Step("visual_pieces", join_visual_pieces, lambda o: o.reorder_lines),
    Step("stray_glyphs", drop_stray_glyph_lines),
    Step("kashida_digits", remove_kashida_digits),
    Step("lifted_punctuation", restore_lifted_lines),
    Step("lifted_slashes", restore_lifted_slash_lines),
    Step("lifted_url", restore_lifted_url_lines),
    # Visual-order lines are detected on the shaped forms, before folding them.
    Step("visual_order", reverse_visual_lines, lambda o: o.reorder_lines),
    line_step("presentation_forms", fold_presentation_forms, local=True, triggers=PRESENTATION_CLASS),
    Step("private_use", _warn_private_use, triggers=PRIVATE_USE_CLASS),
    # PyMuPDF: the lam before the lam-kaf ligature given twice, a space between ("ال لكوارث").
    Step("lam_kaf", join_lam_kaf_lines),
    # PyMuPDF and pypdf: the paragraph number a line gives last, made a run of its own.
    # PyMuPDF: a heading's label given last, put first before the run-order step reads it.
    Step("labels_last", put_labels_first, lambda o: o.reorder_lines),
    # PyMuPDF on Chromium: an Eastern number at the start of the run on its left, glued to its end.
    Step("eastern_runs", place_eastern_numbers, lambda o: o.reorder_lines),
    Step("end_markers", space_end_markers, lambda o: o.reorder_lines),
    Step("line_order", reorder_runs, lambda o: o.reorder_lines),
    # Left-to-right lines were left in order by it: their stop and footnote marker go back.
    Step("latin_notes", restore_latin_lines, lambda o: o.reorder_lines),
    # pypdf on Chromium and fpdf2: a sub-item's label, once the line is read, in its place.
    Step("pypdf_item_labels", restore_pypdf_labels, lambda o: o.reorder_lines),
    # A masthead date read right to left, its day at the end: every extractor and the reader.
    line_step("latin_date_order", restore_latin_date_order, local=True),
    # Before digits: the "(12)" written for a superscript ¹² then follows Options.digits.
    line_step("footnote_refs", superscript_refs_to_markers, local=True, triggers=SUPERSCRIPT_CLASS),
    option_line_step(
        "digits",
        convert_digits,
        lambda o: o.digits != "keep",
        local=True,
        triggers=digit_triggers,
        scanned=NON_WESTERN_CLASS,
    ),
    line_step("split_slash_numbers", join_split_slash_numbers, local=True, triggers="/"),
    Step("number_order", fix_number_order),
    Step("mirrored_brackets", unmirror_bracket_lines),
    Step("reordered_lines", finish_reordered_lines),
    line_step("tatweel", strip_tatweel, lambda o: o.strip_tatweel, local=True, triggers=TATWEEL),
    # On logical text only (a visual line holds its marks before their letters), and after
    # the tatweel a mark may have sat on is gone.
    line_step("detached_marks", attach_detached_marks, local=True, triggers=MARK_CLASS),
    # pdftotext's words cut at a letter gap of a justified line, once their marks are on them.
    Step("cut_words", join_spaced_words),
    # PyMuPDF's numbers glued to the word before them, once the kashida digits are gone.
    Step("glued_numbers", space_glued_numbers),
    line_step(
        "diacritics",
        strip_diacritics,
        lambda o: not o.keep_diacritics,
        local=True,
        triggers=HARAKAT_CLASS,
    ),
    line_step("markdown_emphasis", strip_markdown_emphasis, local=True, triggers=r"\*"),
    line_step("markdown_headings", strip_markdown_headings, local=True, triggers="#"),
    Step("markdown_emphasis", strip_emphasis_across_lines),
    Step("running_header_split", split_running_headers),
    Step("page_furniture", remove_page_furniture),
    # The kashida glyphs the producers' own steps left, seen as a second pass (which knows
    # no producer any more) would see them.
    Step("kashida_segments", repair_leftover_kashida),
    # After the furniture: a page number left between the notes and the paragraph's rest
    # keeps them where they are.
    Step("interrupting_notes", move_interrupting_notes),
    Step("spacing", _collapse_spaces, triggers=ODD_SPACE_CLASS),
    Step("spacing", _space_reordered_lines),
]


@dataclass
class RepairResult:
    """The repaired text, every fix applied (in order), and what could not be repaired."""

    text: str
    fixes: list[Fix] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    lines: list[Line] = field(default_factory=list)
    facts: dict[str, object] = field(default_factory=dict)

    @property
    def decisions(self) -> list[Decision]:
        """The document-level decisions among ``facts``, typed, each with its evidence."""
        return decisions_from_facts(self.facts)


def repair_lines(
    lines: list[Line],
    options: Options = DEFAULT_OPTIONS,
    facts: dict[str, object] | None = None,
) -> RepairResult:
    """Run the pipeline on numbered lines (from a text file or from the PDF reader).

    ``facts`` carries what a reader already knows (e.g. the PDF reader's footnote lines).
    """
    ctx = Context(options, facts=dict(facts or {}))
    # What a reader already repaired (the PDF reader's reading order) leads the fix list.
    for record in _records(ctx.facts.get("reader_fixes")):
        ctx.fixes.append(record)
    reader_warnings = ctx.facts.get("reader_warnings")
    if isinstance(reader_warnings, list):
        for warning in reader_warnings:
            ctx.warn(str(warning))
    lines = run_steps(STEPS, lines, ctx)
    text = _join(lines)
    return RepairResult(text, ctx.fixes, ctx.warnings, lines, ctx.facts)


def _records(value: object) -> list[Fix]:
    if not isinstance(value, list):
        return []
    out = []
    for item in value:
        if isinstance(item, dict):
            out.append(
                Fix(
                    kind=str(item.get("kind", "reader")),
                    line=int(item.get("line", 0)),
                    before=str(item.get("before", "")),
                    after=str(item.get("after", "")),
                )
            )
    return out


def _join(lines: list[Line]) -> str:
    # Runs of blank lines (left where furniture was) collapse to one: paragraph breaks
    # survive, page layout does not.
    out: list[str] = []
    for line in lines:
        if not line.text and (not out or not out[-1]):
            continue
        out.append(line.text)
    while out and not out[-1]:
        out.pop()
    return "\n".join(out)


def repair(text: str, options: Options = DEFAULT_OPTIONS) -> RepairResult:
    """Repair ``text``: ``result.text`` is the clean text, ``result.fixes`` what was done."""
    return repair_lines(split_lines(text), options)


def normalize(text: str, options: Options = DEFAULT_OPTIONS) -> str:
    """The repaired, normalised text, without structure."""
    return repair(text, options).text


class _CallableModule(types.ModuleType):
    """``unparse.repair`` is this subpackage. Calling it, ``unparse.repair(text)``, is the
    old spelling of :func:`unparse.repair_text` (the function shadowed the subpackage: ``import
    unparse.repair`` gave the function); it still works, with a DeprecationWarning."""

    def __call__(self, text: str, options: Options | None = None) -> RepairResult:
        warnings.warn(
            "unparse.repair(text) is deprecated: call unparse.repair_text(text) "
            "(unparse.repair is the subpackage of fixers)",
            DeprecationWarning,
            stacklevel=2,
        )
        from ..api import repair_text

        return repair_text(text, options)


sys.modules[__name__].__class__ = _CallableModule
