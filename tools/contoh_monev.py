"""Regenerate the sample pages of the monev reports in docs/contoh/:

- laporan_monev_periode-*.png: the Triwulan I 2026 report, made after the quarter (so dated
  at its last working day), from a tracker the "team" half filled in;
- laporan_monev-*.png: the per-row report of V.5.4 (conflict-of-interest monev) for June.

Run: .venv/bin/python tools/contoh_monev.py   (needs LibreOffice and poppler-utils;
tools/contoh_png.py calls it too). Not part of the runtime.

The sample: the first half-year's drafts, a tracker in which every other line of the first
quarter is typed (done on time, done late, in progress), one evidence file dropped by
"staff", and one status typo to show the appendix.
"""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
import tempfile
from pathlib import Path

AKAR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(AKAR))

from zi import layanan  # noqa: E402
from zi.pdf import ke_pdf  # noqa: E402
from zi.realisasi import LEMBAR  # noqa: E402


def isi_contoh(jalur: Path) -> None:
    """Type into every other line due by June, as a team halfway through would."""
    import openpyxl

    wb = openpyxl.load_workbook(jalur)
    ws = wb[LEMBAR]
    kol = {c.value: c.column for c in ws[1]}
    for i, r in enumerate(range(2, ws.max_row + 1)):
        tempo = ws.cell(r, kol["Tanggal Jatuh Tempo"]).value
        if i % 2 or tempo.date() > dt.date(2026, 6, 30):
            continue  # half the lines are left as they came
        pola = (i // 2) % 4
        if pola in (0, 1):  # on time, and 9 days late
            ws.cell(r, kol["Status"]).value = "selesai"
            ws.cell(r, kol["Tanggal Selesai"]).value = tempo + dt.timedelta(days=9 * pola)
        elif pola == 2:
            ws.cell(r, kol["Status"]).value = "proses"
            ws.cell(r, kol["Catatan"]).value = "menunggu tanda tangan"
        elif i == 6:
            ws.cell(r, kol["Status"]).value = "sudah"  # a typo: listed in the appendix
    wb.save(jalur)


def halaman(docx: Path, awalan: Path) -> None:
    for lama in awalan.parent.glob(f"{awalan.name}-*.png"):
        lama.unlink()
    pdf = ke_pdf([docx])[0]
    subprocess.run(["pdftoppm", "-png", "-r", "60", str(pdf), str(awalan)], check=True)


def buat(tujuan: Path) -> list[Path]:
    sumber = layanan.muat_sumber()
    with tempfile.TemporaryDirectory() as tmp:
        arsip = Path(tmp)
        for bulan in ("2026-01", "2026-02", "2026-03"):
            layanan.buat_draf(sumber, arsip, bulan=bulan)
        h, _ = layanan.realisasi(sumber, arsip, "2026-S1")
        isi_contoh(h.jalur)
        folder = arsip / "2026" / "02" / "V.2.2"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "Foto sosialisasi.jpg").write_bytes(b"\xff\xd8")
        m = layanan.monev_periode(sumber, arsip, "2026-TW1", hari_ini=dt.date(2026, 4, 10))
        halaman(arsip / m.laporan.jalur, tujuan / "laporan_monev_periode")
        baris = layanan.buat_draf(sumber, arsip, bulan="2026-06", jenis="laporan_monev")
        v54 = next(k.jalur for k in baris.keluaran if k.jalur.parts[2] == "V.5.4")
        halaman(arsip / v54, tujuan / "laporan_monev")
    return sorted([*tujuan.glob("laporan_monev_periode-*.png"), *tujuan.glob("laporan_monev-*.png")])


if __name__ == "__main__":
    for png in buat(AKAR / "docs" / "contoh"):
        print(png.relative_to(AKAR))
