"""Render ``Article._repr_html_`` of a seed article in headless Chromium: docs/img/repr_html_001.png.

    python docs/examples/repr_html_screenshot.py [SEED] [OUT.png]

Needs Chromium (Debian: ``apt-get install chromium``) and Pillow (to crop the page's
empty margin; without it the full 1200x2000 window is kept).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import newsingest

ROOT = Path(__file__).resolve().parents[2]
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--hide-scrollbars",
    "--window-size=1200,2000",
)


def main(seed: str = "seeds/001_825440407aefd421.txt", out: str = "docs/img/repr_html_001.png") -> None:
    os.chdir(ROOT)  # so the article's source is the repository-relative path
    article = newsingest.ingest(Path(seed))
    browser = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    if browser is None:
        sys.exit("no Chromium found: apt-get install chromium")
    target = ROOT / out
    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        page = Path(tmp) / "article.html"
        page.write_text(
            '<!doctype html><html><head><meta charset="utf-8"></head>'
            f'<body style="margin:16px;background:#ffffff">{article._repr_html_()}</body></html>',
            encoding="utf-8",
        )
        subprocess.run(
            [browser, *FLAGS, f"--user-data-dir={tmp}/profile", f"--screenshot={target}", page.as_uri()],
            check=True,
            capture_output=True,
        )
    try:
        from PIL import Image, ImageChops
    except ImportError:
        return
    with Image.open(target) as image:
        rgb = image.convert("RGB")
        box = ImageChops.difference(rgb, Image.new("RGB", rgb.size, "white")).getbbox()
        if box:
            left, top, right, bottom = box
            rgb.crop((max(0, left - 16), max(0, top - 16), right + 16, bottom + 16)).save(target, optimize=True)
    print(target)


if __name__ == "__main__":
    main(*sys.argv[1:3])
