"""Regenerate docs/contoh/*.png: page images of one sample document of each template.

Run: .venv/bin/python tools/contoh_png.py   (needs LibreOffice and poppler-utils)
Not part of the runtime: it only shows readers what the documents look like.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

AKAR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(AKAR))

from zi.buat import rencanakan, tulis  # noqa: E402
from zi.pdf import ke_pdf  # noqa: E402
from zi.rencana import muat_kantor, muat_rencana  # noqa: E402

MONEV = ("laporan_monev",)  # H6's pages (tools/contoh_monev.py makes the period report's)


def main() -> None:
    """One document of each template (the meeting kinds: the busiest merged meeting), every page."""
    tujuan = AKAR / "docs" / "contoh"
    tujuan.mkdir(parents=True, exist_ok=True)
    contoh = {}
    for n in rencanakan(muat_rencana(), muat_kantor(), tahun=2026):
        lama = contoh.get(n.templat)
        if lama is None or len(n.baris) > len(lama.baris):
            contoh[n.templat] = n
    milik = [n for t, n in contoh.items() if not t.startswith(MONEV)]
    for lama in tujuan.glob("*.png"):
        if not lama.name.startswith(MONEV):
            lama.unlink()
    with tempfile.TemporaryDirectory() as tmp:
        hasil = tulis(milik, Path(tmp))
        for h, pdf in zip(hasil, ke_pdf([Path(tmp) / h.jalur for h in hasil])):
            nama = h.naskah.templat.removesuffix(".docx")
            subprocess.run(["pdftoppm", "-png", "-r", "60", str(pdf), str(tujuan / nama)], check=True)
    for png in sorted(tujuan.glob("*.png")):
        print(png.relative_to(AKAR))


if __name__ == "__main__":
    main()
