"""zi.naskah (the kinds table): every kind has its templates, the rule that infers a row's
kinds from its text, and the `dokumen:` override."""

import re
import zipfile
from pathlib import Path

import pytest
import yaml

from tests.bantu import AKAR, RENCANA
from zi.kode import JENIS
from zi.naskah import JENIS_NASKAH, WAJIB, jenis_baris, tahap_jenis
from zi.rencana import Baris

TEMPLAT = AKAR / "templates_docx"
URUTAN = ("sk_tim", "undangan_rapat", "daftar_hadir", "notulensi", "laporan_monev", "surat_pernyataan_bk")
RAPAT = ("undangan_rapat", "daftar_hadir", "notulensi")


def _baris(bukti: str, langkah: str = "Melaksanakan kegiatan", **lain) -> Baris:
    return Baris(id="II.1.1", area="II", komponen="Komponen", indikator="Indikator", langkah_aksi=langkah,
                 bukti_fisik=bukti, target_waktu="Maret 2026", **lain)


def test_jenis_kontrak():
    assert JENIS == URUTAN
    assert tuple(k for k, j in JENIS_NASKAH.items() if j.dari_baris) == URUTAN
    assert "laporan_monev_periode" in JENIS_NASKAH and not JENIS_NASKAH["laporan_monev_periode"].dari_baris


@pytest.mark.parametrize("kode", [*URUTAN, "laporan_monev_periode"])
def test_setiap_jenis_punya_templat_di_templates_docx(kode):
    templat = JENIS_NASKAH[kode].templat
    assert templat
    for nama in templat:
        berkas = TEMPLAT / nama
        assert berkas.is_file(), nama
        with zipfile.ZipFile(berkas) as z:
            xml = z.read("word/document.xml").decode("utf-8")
        teks = re.sub(r"<[^>]+>", "", xml)  # tags split across runs read whole without the XML
        for kunci in WAJIB[nama]:
            assert re.search(rf"\b{kunci}\b", teks), f"{nama} does not use {kunci}"


def test_setiap_templat_di_folder_milik_satu_jenis():
    dipakai = [t for j in JENIS_NASKAH.values() for t in j.templat]
    assert sorted(dipakai) == sorted(p.name for p in TEMPLAT.glob("*.docx"))


@pytest.mark.parametrize("bukti, langkah, hasil", [
    ("Undangan, daftar hadir, notulen", "Melaksanakan rapat", RAPAT),
    ("Notulensi rapat koordinasi", "Koordinasi", RAPAT),
    ("Daftar Hadir", "Apel pagi", RAPAT),
    ("Banner", "Memasang banner di depan kantor", ()),
    ("Screenshot aplikasi", "Mengunggah informasi ke website", ()),
    ("SK Tim Pembangunan ZI", "Menyusun SK", ("sk_tim",)),
    ("Laporan Monev pelaksanaan", "Melakukan monev", ("laporan_monev",)),
    ("Laporan hasil evaluasi", "Evaluasi", ("laporan_monev",)),
    ("Surat Pernyataan Bebas Benturan Kepentingan", "Menandatangani", ("surat_pernyataan_bk",)),
    ("SK Tim dan notulen rapat", "Rapat pembentukan", ("sk_tim", *RAPAT)),
    ("Dokumentasi", "Rapat evaluasi dan monev", (*RAPAT, "laporan_monev")),
    ("Surat undangan", "Undangan", RAPAT),
    ("Pengundangan peraturan", "Menotariskan", ()),  # words containing the cue are not the cue
])
def test_jenis_dari_teks(bukti, langkah, hasil):
    assert jenis_baris(_baris(bukti, langkah)) == hasil


def test_dokumen_menang():
    assert jenis_baris(_baris("Undangan, daftar hadir, notulen", dokumen=["daftar_hadir"])) == ("daftar_hadir",)
    assert jenis_baris(_baris("Undangan, daftar hadir, notulen", dokumen=[])) == ()
    assert jenis_baris(_baris("Banner", dokumen=["notulensi", "sk_tim"])) == ("sk_tim", "notulensi")


def test_dokumen_di_rencana_contoh():
    mentah = yaml.safe_load(RENCANA.read_text(encoding="utf-8"))["baris"]
    dengan = [b for b in mentah if "dokumen" in b]
    assert dengan
    for b in dengan:
        baris = Baris(**b)
        assert set(jenis_baris(baris)) == set(b["dokumen"]), b["id"]
        assert list(jenis_baris(baris)) == [k for k in URUTAN if k in b["dokumen"]]


def test_tahap_jenis():
    assert tahap_jenis() == [tuple(k for k in URUTAN if k != "laporan_monev"), ("laporan_monev",)]
    assert tahap_jenis(["notulensi", "sk_tim"]) == [("sk_tim", "notulensi")]
    assert tahap_jenis(["laporan_monev"]) == [("laporan_monev",)]
    assert tahap_jenis([]) == []
