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
from zi.render import ke_pdf  # noqa: E402
from zi.rencana import muat_kantor, muat_rencana  # noqa: E402


def main() -> None:
    tujuan = AKAR / "docs" / "contoh"
    tujuan.mkdir(parents=True, exist_ok=True)
    for lama in tujuan.glob("*.png"):
        lama.unlink()
    contoh = {}
    for n in rencanakan(muat_rencana(), muat_kantor(), tahun=2026):
        contoh.setdefault(n.templat, n)
    with tempfile.TemporaryDirectory() as tmp:
        hasil = tulis(list(contoh.values()), Path(tmp))
        for h, pdf in zip(hasil, ke_pdf([Path(tmp) / h.jalur for h in hasil])):
            nama = h.naskah.templat.removesuffix(".docx")
            subprocess.run(["pdftoppm", "-png", "-r", "60", str(pdf), str(tujuan / nama)], check=True)
    import contoh_monev  # the period report needs a filled-in tracker: its own sample (tools/contoh_monev.py)

    contoh_monev.buat(tujuan)
    for png in sorted(tujuan.glob("*.png")):
        print(png.relative_to(AKAR))


if __name__ == "__main__":
    main()
