"""The reading stage: files → text (encodings) and PDF → glyphs → lines."""

from .text import decode_bytes, read_bytes, read_text_file, sniff_binary

__all__ = ["decode_bytes", "read_bytes", "read_text_file", "sniff_binary"]
