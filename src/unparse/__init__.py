"""unparse: clean text and faithful structure from Arabic UN documents."""

from .api import normalize, parse, parse_pdf, parse_text, repair_text
from .batch import process_file
from .errors import (
    BinaryInputError,
    DecompressionLimitError,
    EncodingError,
    HtmlInputError,
    InputFileError,
    InputFileNotFoundError,
    InputTooLargeError,
    PdfError,
    UnparseError,
)
from .models import (
    Annex,
    Box,
    Closing,
    Decision,
    Document,
    Fix,
    Footnote,
    FootnoteRef,
    Formula,
    Furniture,
    Item,
    Paragraph,
    Section,
    Span,
    SubItem,
)
from .options import FormatName, Options
from .repair import RepairResult

__version__ = "0.1.0"

__all__ = [
    "Annex",
    "BinaryInputError",
    "Box",
    "Closing",
    "Decision",
    "DecompressionLimitError",
    "Document",
    "EncodingError",
    "Fix",
    "Footnote",
    "FootnoteRef",
    "FormatName",
    "Formula",
    "Furniture",
    "HtmlInputError",
    "InputFileError",
    "InputFileNotFoundError",
    "InputTooLargeError",
    "Item",
    "Options",
    "Paragraph",
    "PdfError",
    "RepairResult",
    "Section",
    "Span",
    "SubItem",
    "UnparseError",
    "normalize",
    "parse",
    "parse_pdf",
    "parse_text",
    "process_file",
    "repair_text",
]
