"""``unparse review``: one self-contained HTML page, input and repaired text side by side.

The page is parsed back (``html.parser``): balanced tags, every input line and every repaired
line in its row, changed lines with their fix kinds, guesses marked, furniture struck through,
the outline's links landing on lines, no script and no external asset, markup in the text
escaped; and headless Chromium renders it (slow)."""

from __future__ import annotations

import html
import re
import shutil
import subprocess
import sys
from collections import defaultdict
from html.parser import HTMLParser
from pathlib import Path

import pytest

from unparse.cli import main
from unparse.export.review import FURNITURE_KINDS, Review, line_warnings, render_page, review_file, visible

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = sorted((ROOT / "samples").glob("*.txt"))
PDF = ROOT / "tests" / "fixtures" / "pdf" / "report-footnotes.pdf"
CHROMIUM = Path("/usr/bin/chromium")
VOID = {"meta", "br", "hr", "img", "input", "link", "wbr", "col", "area", "base", "source"}


class Page(HTMLParser):
    """Checks that tags balance and collects, per table row, the text of its cells."""

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.errors: list[str] = []
        self.ids: set[str] = set()
        self.hrefs: list[str] = []
        self.tags: set[str] = set()
        self.attrs_seen: list[tuple[str, str]] = []
        self.row: str | None = None
        self.row_class: dict[str, set[str]] = {}
        self.cell: str | None = None
        self.cells: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
        self.in_del = False
        self.struck: dict[str, str] = {}
        self.badges: dict[str, list[str]] = defaultdict(list)
        self.in_badge = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        self.tags.add(tag)
        self.attrs_seen.extend((k, v or "") for k, v in attrs)
        if tag not in VOID:
            self.stack.append(tag)
        if "id" in a:
            if a["id"] in self.ids:
                self.errors.append(f"duplicate id {a['id']}")
            self.ids.add(a["id"])
        if "href" in a:
            self.hrefs.append(a["href"])
        if tag == "tr" and "id" in a:
            self.row = a["id"]
            self.row_class[self.row] = set(a.get("class", "").split())
        if tag == "td" and self.row is not None:
            self.cell = a.get("class")
            if self.cell == "in":
                self.cells[self.row]["in"].append("")
        if tag == "div" and a.get("class") == "rl" and self.row is not None:
            self.cells[self.row]["out"].append("")
            self.cell = "rl"
        if tag == "del":
            self.in_del = True
        if tag == "span" and a.get("class") == "kind":
            self.in_badge = True

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID:
            return
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes <{self.stack[-1] if self.stack else None}>")
            return
        self.stack.pop()
        if tag == "del":
            self.in_del = False
        if tag == "span":
            self.in_badge = False
        if tag == "div" and self.cell == "rl":
            self.cell = "out"
        if tag == "td":
            self.cell = None
        if tag == "tr":
            self.row = None

    def handle_data(self, data: str) -> None:
        if self.row is None:
            return
        if self.cell == "in":
            self.cells[self.row]["in"][-1] += data
            if self.in_del:
                self.struck[self.row] = self.struck.get(self.row, "") + data
        elif self.cell == "rl":
            self.cells[self.row]["out"][-1] += data
        elif self.in_badge:
            self.badges[self.row].append(data)


def parsed(page: str) -> Page:
    p = Page()
    p.feed(page)
    p.close()
    assert not p.errors, p.errors[:5]
    assert not p.stack, f"unclosed: {p.stack}"
    return p


def check_review(review: Review) -> Page:
    page = render_page([review])
    p = parsed(page)
    prefix = "f0-L"
    # Every input line in its row, as written; every repaired line beside it.
    for line in review.input_lines:
        assert p.cells[f"{prefix}{line.number}"]["in"] == [visible(line.text)], line
    repaired: dict[int, list[str]] = defaultdict(list)
    for line in review.result.lines:
        repaired[line.number].append(visible(line.text))
    for number, texts in repaired.items():
        assert p.cells[f"{prefix}{number}"]["out"] == texts
    # Changed lines carry their fix kinds; guesses and furniture are marked.
    kinds: dict[int, set[str]] = defaultdict(set)
    for fix in review.result.fixes:
        kinds[fix.line].add(fix.kind)
    for number, found in kinds.items():
        row = f"{prefix}{number}"
        if row in p.row_class:
            assert "changed" in p.row_class[row] and set(p.badges[row]) == found
    for number in line_warnings(review.result.warnings):
        if f"{prefix}{number}" in p.row_class:
            assert "guess" in p.row_class[f"{prefix}{number}"]
    for line in review.input_lines:
        if line.number not in repaired and kinds[line.number] & FURNITURE_KINDS:
            row = f"{prefix}{line.number}"
            assert "furniture" in p.row_class[row] and p.struck.get(row, "") == visible(line.text)
    # The outline and the table link only to what is on the page.
    for href in p.hrefs:
        assert href.startswith("#") and href[1:] in p.ids, href
    # Self-contained: nothing to fetch, nothing to run.
    assert not p.tags & {"script", "link", "img", "iframe", "object", "embed"}
    assert not [v for k, v in p.attrs_seen if k in ("src", "srcset")]
    style = page[page.index("<style>") : page.index("</style>")]
    assert "url(" not in style and "@import" not in style and page.count("<style>") == 1
    assert 'dir="rtl"' in page
    return p


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.stem)
def test_review_page_of_a_sample(sample: Path) -> None:
    review = review_file(sample)
    p = check_review(review)
    assert any("furniture" in c for c in p.row_class.values()) or not any(
        f.kind in FURNITURE_KINDS for f in review.result.fixes
    )


def test_review_page_of_a_pdf_shows_the_pages() -> None:
    review = review_file(PDF)
    page = render_page([review])
    check_review(review)
    pages = dict(re.findall(r'<tr id="f0-L(\d+)"[^>]*><td class="page">(\d*)</td>', page))
    for line in review.input_lines:
        if line.page is not None:
            assert pages[str(line.number)] == str(line.page)
    assert {line.page for line in review.input_lines} >= {1, 2}
    # The furniture the PDF reader took out (never an input line): struck through, by page.
    removed = [f for f in review.doc.furniture if f.line is None]
    assert {f.kind for f in removed} >= {"running_header", "job_number"}
    listed = page[page.index("Furniture the PDF reader removed") :]
    for f in removed:
        assert f"page {f.page}, {f.kind}: <del>{html.escape(f.text)}</del>" in listed


def test_the_samples_show_the_decisions_and_the_outline() -> None:
    review = review_file(ROOT / "samples" / "a-res-61-180.txt")
    page = render_page([review])
    assert "Decisions and evidence" in page and "runs_reversed" in page
    if "fingerprint" in review.result.facts:  # the typed fingerprint record, when the repair has it
        assert "Fingerprint" in page and "embedded_lines" in page
    for anchor in ("f0-preamble__rec_1", "f0-para_1", "f0-fn_1"):
        assert f'id="{anchor}"' in page
    assert re.search(r'<tr [^>]*class="[^"]*\bguess\b', page) and re.search(
        r'class="[^"]*\bfurniture\b', page
    )
    assert page.count("<del>") >= 1


def test_markup_in_the_text_is_escaped(tmp_path: Path) -> None:
    path = tmp_path / "evil.txt"
    lines = [
        "إن الجمعية العامة،",
        '<script>alert("x")</script> نص & <b>عريض</b> "اقتباس" \'x\'',
        "1 - تقرر <img src=x onerror=alert(1)> أن تبقي المسألة قيد نظرها.",
        "سطر فيه\x01تحكم",
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    review = review_file(path)
    page = render_page([review])
    p = check_review(review)
    assert "<script" not in page and "<img" not in page and "<b>عريض" not in page
    assert p.cells["f0-L2"]["in"] == [lines[1]]
    assert p.cells["f0-L4"]["in"] == ["سطر فيه\u2401تحكم"]


def test_review_command_writes_one_page(tmp_path: Path) -> None:
    out = tmp_path / "page.html"
    files = [str(SAMPLES[0]), str(PDF), str(tmp_path / "missing.txt")]
    assert main(["review", *files, "-o", str(out)], standalone_mode=False) == 1  # one input failed
    page = out.read_text(encoding="utf-8")
    p = parsed(page)
    assert {"f0-top", "f1-top"} <= p.ids and "f2-top" not in p.ids


def test_review_command_refuses_to_write_over_an_input(tmp_path: Path) -> None:
    src = tmp_path / "a.txt"
    shutil.copy(SAMPLES[0], src)
    before = src.read_bytes()
    assert main(["review", str(src), "-o", str(src)], standalone_mode=False) == 2
    assert src.read_bytes() == before


def test_review_command_writes_stdout_for_dash(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "unparse", "review", str(SAMPLES[1]), "-o", "-"],
        capture_output=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(b"<!DOCTYPE html>") and b"</html>" in done.stdout


@pytest.mark.slow
@pytest.mark.skipif(not CHROMIUM.exists(), reason=f"{CHROMIUM} is not installed (apt-get install chromium)")
def test_chromium_renders_the_page(tmp_path: Path) -> None:
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        from review_screenshot import screenshot
    finally:
        sys.path.remove(str(ROOT / "scripts"))
    page = tmp_path / "review.html"
    page.write_text(render_page([review_file(SAMPLES[1]), review_file(PDF)]), encoding="utf-8")
    png = tmp_path / "review.png"
    screenshot(page, png, chromium=str(CHROMIUM))
    data = png.read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n") and len(data) > 10_000
    width, height = int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
    assert (width, height) == (1400, 1000)


def test_the_committed_screenshot_is_a_png() -> None:
    data = (ROOT / "docs" / "review.png").read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n") and len(data) > 10_000
