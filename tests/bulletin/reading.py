"""Read a bulletin back as a resident would: its words (pdftotext), its sides, its QR codes."""

import io
import re
import subprocess
import tempfile
from pathlib import Path

import zxingcpp
from PIL import Image


def pdf_text(pdf: bytes) -> str:
    """The text of the PDF, whitespace squeezed to single spaces (lines wrap differently)."""
    result = subprocess.run(["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True)
    return re.sub(r"\s+", " ", result.stdout.decode())


def pdf_info(pdf: bytes) -> dict:
    result = subprocess.run(["pdfinfo", "-"], input=pdf, capture_output=True, check=True)
    pairs = (line.split(":", 1) for line in result.stdout.decode().splitlines() if ":" in line)
    return {key.strip(): value.strip() for key, value in pairs}


def page_images(pdf: bytes, resolution: int = 200) -> list[Image.Image]:
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "bulletin.pdf"
        source.write_bytes(pdf)
        subprocess.run(
            ["pdftoppm", "-r", str(resolution), "-png", str(source), f"{folder}/side"],
            check=True,
        )
        return [
            Image.open(io.BytesIO(path.read_bytes()))
            for path in sorted(Path(folder).glob("side-*.png"))
        ]


def qr_urls(pdf: bytes) -> list[str]:
    """What each QR code on the printed sides opens, as a phone's camera reads it."""
    found = []
    for image in page_images(pdf):
        found += [code.text for code in zxingcpp.read_barcodes(image) if code.valid]
    return found
