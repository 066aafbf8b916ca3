"""Regenerate docs/contoh/laporan_monev_periode-*.png: the pages of a sample period report.

Run: .venv/bin/python tools/contoh_monev.py   (needs LibreOffice and poppler-utils;
tools/contoh_png.py calls it too). Not part of the runtime.

The sample: area I's January drafts, a tracker for Triwulan I 2026 filled with a fixed
pattern (done on time, done late, in progress, not started, one unknown status word to
show the appendix), one evidence file dropped by "staff", reported on 10 April 2026.
"""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
import tempfile
from pathlib import Path

AKAR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(AKAR))

from zi.buat import rencanakan, tulis  # noqa: E402
from zi.monev import buat_laporan  # noqa: E402
from zi.realisasi import LEMBAR, perbarui  # noqa: E402
from zi.render import ke_pdf  # noqa: E402
from zi.rencana import muat_kantor, muat_rencana  # noqa: E402


def isi_contoh(jalur: Path) -> None:
    """Type a fixed pattern into the tracker, as the team would."""
    import openpyxl

    wb = openpyxl.load_workbook(jalur)
    ws = wb[LEMBAR]
    kol = {c.value: c.column for c in ws[1]}
    for i, r in enumerate(range(2, ws.max_row + 1)):
        jatuh_tempo = ws.cell(r, kol["Tanggal Jatuh Tempo"]).value
        pola = i % 6
        if pola in (0, 1, 3):  # on time, 2 and 12 days late
            ws.cell(r, kol["Status"]).value = "selesai"
            ws.cell(r, kol["Tanggal Selesai"]).value = jatuh_tempo + dt.timedelta(days={0: 0, 1: 2, 3: 12}[pola])
        elif pola == 2:
            ws.cell(r, kol["Status"]).value = "proses"
            ws.cell(r, kol["Catatan"]).value = "menunggu tanda tangan"
        elif pola == 4 and i == 4:
            ws.cell(r, kol["Status"]).value = "sudah"  # a typo: listed in the appendix
    wb.save(jalur)


def buat(tujuan: Path) -> list[Path]:
    for lama in tujuan.glob("laporan_monev_periode-*.png"):
        lama.unlink()
    r, kantor = muat_rencana(), muat_kantor()
    with tempfile.TemporaryDirectory() as tmp:
        arsip = Path(tmp)
        tulis(rencanakan(r, kantor, bulan="2026-01", area="I"), arsip)
        hasil = perbarui(arsip, "2026-TW1", rencana_obj=r)
        isi_contoh(hasil.jalur)
        folder = arsip / "2026" / "02" / "V.2.2"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "Foto sosialisasi.jpg").write_bytes(b"\xff\xd8")
        lap = buat_laporan(arsip, "2026-TW1", hari_ini=dt.date(2026, 4, 10))
        pdf = ke_pdf([arsip / lap.jalur])[0]
        subprocess.run(["pdftoppm", "-png", "-r", "60", str(pdf), str(tujuan / "laporan_monev_periode")], check=True)
    return sorted(tujuan.glob("laporan_monev_periode-*.png"))


if __name__ == "__main__":
    for png in buat(AKAR / "docs" / "contoh"):
        print(png.relative_to(AKAR))
