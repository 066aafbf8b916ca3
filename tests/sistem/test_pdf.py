"""Rendering check: one document of each kind of the sample year through zi's PDF
conversion, its pages read back with pdfinfo/pdftotext (installed by .ci/run) and compared
with the .docx itself (read with python-docx) and with the data files."""

from __future__ import annotations

import json
import re
import shutil
from collections import Counter

import pytest
import yaml

from tests.bantu import DATA, info_pdf, jalankan_zi, teks, teks_pdf
from zi.pdf import ke_pdf

pytestmark = pytest.mark.skipif(shutil.which("soffice") is None or shutil.which("pdftotext") is None,
                                reason="LibreOffice/poppler tidak terpasang (.ci/run memasangnya)")

INSTANSI = yaml.safe_load((DATA / "instansi.yaml").read_text(encoding="utf-8"))
PEGAWAI = yaml.safe_load((DATA / "pegawai.yaml").read_text(encoding="utf-8"))["pegawai"]

HALAMAN = {  # (at least, at most) pages a sample of each kind may take
    "sk_tim": (3, 7),
    "undangan_rapat": (1, 3),
    "daftar_hadir": (1, 3),
    "notulensi": (1, 3),
    "laporan_monev": (1, 5),
    "surat_pernyataan_bk": (1, 2),
}


@pytest.fixture(scope="module")
def pdf_per_jenis(tmp_path_factory):
    akar = tmp_path_factory.mktemp("pdf")
    h = jalankan_zi("buat", "--tahun", "2026", "--keluaran", str(akar))
    assert h.returncode == 0, h.stderr
    contoh = {}
    for d in json.loads(jalankan_zi("arsip", "--json", "--keluaran", str(akar)).stdout):
        contoh.setdefault(d["jenis"], akar / d["path"])
    assert set(HALAMAN) <= set(contoh), sorted(contoh)
    pdf = ke_pdf([contoh[j] for j in HALAMAN], tmp_path_factory.mktemp("keluar"))
    return {j: (contoh[j], p) for j, p in zip(HALAMAN, pdf)}


def _kata(s: str) -> Counter[str]:
    return Counter(re.findall(r"\w+", s))


@pytest.mark.parametrize("jenis", sorted(HALAMAN))
def test_pdf_halaman_dan_teks(pdf_per_jenis, jenis):
    docx, pdf = pdf_per_jenis[jenis]
    info = info_pdf(pdf)
    bawah, atas = HALAMAN[jenis]
    assert bawah <= int(info["Pages"]) <= atas, info["Pages"]
    assert INSTANSI["kertas"] in info["Page size"]  # the paper instansi.yaml asks for
    isi = teks_pdf(pdf)
    assert "{{" not in isi and "{%" not in isi  # no tag left unrendered
    # What the .docx says, its PDF shows: its words (python-docx's reading) are in the
    # PDF's text (a few may be split differently by line breaks in narrow columns).
    kata_docx, kata_pdf = _kata(teks(docx)), _kata(isi)
    hilang = kata_docx - kata_pdf
    assert sum(hilang.values()) <= 0.02 * sum(kata_docx.values()), hilang
    if jenis == "surat_pernyataan_bk":  # the employee it is for, with the NIP pegawai.yaml gives them
        assert [p for p in PEGAWAI if p["nama"] in isi and p["nip"] in isi]
    else:
        assert all(baris in isi for baris in INSTANSI["kop"])
    if jenis == "sk_tim":
        for kata in ("MEMUTUSKAN", "KESATU", "KEDUA", f"Ditetapkan di {INSTANSI['kota']}"):
            assert kata in isi
