"""Render the review page of a sample in headless Chromium to a PNG (docs/review.png).

    .venv/bin/python scripts/review_screenshot.py [FILE] [-o docs/review.png]

The page is written to a temporary folder and opened from there (file://), with the
browser's network features off: the page needs none.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from unparse.export.review import render_page, review_file

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"


def screenshot(html_path: Path, png: Path, size: str = "1400,1000", chromium: str = CHROMIUM) -> None:
    """Render ``html_path`` with headless Chromium into ``png``; raise if no PNG comes out."""
    with tempfile.TemporaryDirectory() as profile:
        cmd = [
            chromium,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--no-first-run",
            "--hide-scrollbars",
            f"--user-data-dir={profile}",
            f"--screenshot={png}",
            f"--window-size={size}",
            html_path.resolve().as_uri(),
        ]
        subprocess.run(cmd, check=True, capture_output=True, timeout=120)
    if not png.exists() or png.stat().st_size == 0:
        raise RuntimeError(f"{chromium} wrote no screenshot to {png}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "file", nargs="?", default="samples/a-res-61-180.txt", help="relative to the repository"
    )
    parser.add_argument("-o", "--output", default=str(ROOT / "docs" / "review.png"))
    parser.add_argument("--size", default="1400,1000")
    args = parser.parse_args(argv)
    if shutil.which(CHROMIUM) is None:
        print(f"review_screenshot: {CHROMIUM} is not installed", file=sys.stderr)
        return 2
    out = Path(args.output)
    out.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        page = Path(tmp) / "review.html"
        review = review_file(ROOT / args.file)
        review.source = args.file
        page.write_text(render_page([review]), encoding="utf-8")
        screenshot(page, out.resolve(), args.size)
    print(f"review_screenshot: {out} ({out.stat().st_size} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
