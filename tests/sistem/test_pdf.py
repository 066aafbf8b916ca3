"""Rendering check: one document of each template through LibreOffice, pages looked at
through pdfinfo/pdftotext (installed by .ci/run)."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from zi.buat import rencanakan, tulis
from zi.naskah import WAJIB
from zi.render import ke_pdf
from zi.rencana import muat_kantor, muat_rencana

pytestmark = pytest.mark.skipif(shutil.which("soffice") is None or shutil.which("pdftotext") is None,
                                reason="LibreOffice/poppler tidak terpasang (.ci/run memasangnya)")


@pytest.fixture(scope="module")
def pdf_per_templat(tmp_path_factory) -> dict[str, tuple[Path, object]]:
    akar = tmp_path_factory.mktemp("pdf")
    contoh = {}
    for n in rencanakan(muat_rencana(), muat_kantor(), tahun=2026):
        contoh.setdefault(n.templat, n)
    assert set(contoh) == set(WAJIB)
    hasil = tulis(list(contoh.values()), akar)
    pdf = ke_pdf([akar / h.jalur for h in hasil])
    return {h.naskah.templat: (p, h.naskah) for h, p in zip(hasil, pdf)}


def _info(pdf: Path) -> dict[str, str]:
    keluaran = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    return dict(re.findall(r"^([^:]+):\s+(.*)$", keluaran, flags=re.M))


def _teks(pdf: Path) -> str:
    return " ".join(subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                                   check=True).stdout.split())


HALAMAN = {  # (at least, at most) pages a sample of each template may take
    "sk_tim.docx": (3, 6),
    "undangan_rapat.docx": (2, 3),
    "daftar_hadir.docx": (1, 2),
    "notulensi.docx": (1, 2),
    "laporan_monev.docx": (2, 4),
    "surat_pernyataan_bk_bebas.docx": (1, 1),
    "surat_pernyataan_bk_potensi.docx": (1, 1),
}


@pytest.mark.parametrize("templat", sorted(HALAMAN))
def test_pdf_halaman_dan_teks(pdf_per_templat, templat):
    pdf, naskah = pdf_per_templat[templat]
    info = _info(pdf)
    bawah, atas = HALAMAN[templat]
    assert bawah <= int(info["Pages"]) <= atas, info["Pages"]
    assert "A4" in info["Page size"]
    isi = _teks(pdf)
    k = naskah.konteks
    assert "{{" not in isi and "{%" not in isi  # no tag left unrendered
    if "pegawai" in k:
        assert k["pegawai"]["nama"] in isi and k["pegawai"]["nip"] in isi
    else:
        assert "KOMISI PEMILIHAN UMUM" in isi and "KABUPATEN SAROLANGUN" in isi
    if "rapat" in k:
        from zi.bahasa import hari_tanggal
        assert hari_tanggal(k["rapat"]["tanggal"]) in isi
    if templat == "sk_tim.docx":
        for kata in ("MEMUTUSKAN", "KESATU", "KELIMA", "Ditetapkan di Sarolangun"):
            assert kata in isi
    if templat == "daftar_hadir.docx":
        assert all(p["nama"] in isi for p in k["peserta"])
