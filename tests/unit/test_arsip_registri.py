"""zi.arsip.registri: a row round trip, reading without creating, and the migration of a
registry written by an older zi (no `baris` column; period reports keyed by their period)."""

import json
import sqlite3

import pytest

from zi.arsip.registri import Catatan, CatatanPdf, Registri
from zi.galat import ZiError

C = Catatan(kunci="I.1.1|2026-01|2||undangan_rapat|", path="2026/01/I.1.1/2026-01-12 Undangan Rapat.docx",
            jenis="undangan_rapat", baris_id="I.1.1", bulan="2026-01", minggu=2, tanggal="2026-01-12",
            templat_hash="t" * 64, input_hash="i" * 64, content_hash="c" * 64,
            waktu="2026-01-05T08:00:00+07:00", run_id="run-1", baris=("I.1.1", "II.3.1"))

# The schema of bde940c (before the `baris` column), as that zi created it.
SKEMA_LAMA = """
CREATE TABLE naskah (kunci TEXT PRIMARY KEY, path TEXT NOT NULL UNIQUE, jenis TEXT NOT NULL, baris_id TEXT NOT NULL,
    bulan TEXT NOT NULL, minggu INTEGER, tanggal TEXT NOT NULL, templat_hash TEXT NOT NULL, input_hash TEXT NOT NULL,
    content_hash TEXT NOT NULL, waktu TEXT NOT NULL, run_id TEXT NOT NULL);
CREATE INDEX naskah_bulan ON naskah (bulan);
CREATE TABLE riwayat (id INTEGER PRIMARY KEY AUTOINCREMENT, kunci TEXT NOT NULL, path TEXT NOT NULL,
    content_hash TEXT NOT NULL, waktu TEXT NOT NULL, run_id TEXT NOT NULL);
"""
LAMA = [("V.1.1|2026-03|||notulensi|", "2026/03/V.1.1/2026-03-02 Notulen.docx", "notulensi", "V.1.1", "2026-03", None,
         "2026-03-02", "t", "i", "c", "2026-03-01T07:00:00+07:00", "r0"),
        ("2026-TW1|2026-03|||laporan_monev_periode|", "2026/03/monev/Laporan Triwulan I.docx",
         "laporan_monev_periode", "2026-TW1", "2026-03", None, "2026-03-31", "t", "i", "d",
         "2026-03-31T07:00:00+07:00", "r0")]


def _registri_lama(akar):
    (akar / ".zi").mkdir(parents=True)
    db = sqlite3.connect(akar / ".zi" / "arsip.sqlite")
    db.executescript(SKEMA_LAMA)
    db.executemany("INSERT INTO naskah VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", LAMA)
    db.commit()
    db.close()


def _kolom(akar):
    db = sqlite3.connect(akar / ".zi" / "arsip.sqlite")
    try:
        return [r[1] for r in db.execute("PRAGMA table_info(naskah)")], db.execute("SELECT * FROM naskah").fetchall()
    finally:
        db.close()


def test_simpan_lalu_baca_lagi(tmp_path):
    with Registri.buka(tmp_path) as reg:
        reg.simpan(C)
    with Registri.buka(tmp_path, tulis=False) as reg:
        assert reg.cari(C.kunci) == C
        assert reg.semua() == [C] and reg.semua("2026-01") == [C] and reg.semua("2026-02") == []
        assert reg.kunci_ada() == {C.kunci}
        assert reg.cari("tidak|ada") is None
    # and what is on disk is plain SQLite with the row's values
    kolom, baris = _kolom(tmp_path)
    nilai = dict(zip(kolom, baris[0]))
    assert nilai["path"] == C.path and nilai["minggu"] == 2 and json.loads(nilai["baris"]) == ["I.1.1", "II.3.1"]


def test_simpan_mengganti_dan_mencatat_riwayat(tmp_path):
    baru = Catatan(**{**C.__dict__, "content_hash": "e" * 64, "run_id": "run-2"})
    with Registri.buka(tmp_path) as reg:
        reg.simpan(C)
        reg.simpan(baru, "2026/01/_riwayat/lama.docx", "c" * 64)
        assert reg.semua() == [baru]
        assert reg.db.execute("SELECT kunci, path, content_hash, run_id FROM riwayat").fetchall() == \
            [(C.kunci, "2026/01/_riwayat/lama.docx", "c" * 64, "run-2")]


def test_jalur_yang_sama_kunci_lain_menggantikan(tmp_path):
    lain = Catatan(**{**C.__dict__, "kunci": "I.1.1|2026-01|3||undangan_rapat|"})
    with Registri.buka(tmp_path) as reg:
        reg.simpan(C)
        reg.simpan(lain)
        assert [c.kunci for c in reg.semua()] == [lain.kunci]


def test_baca_saja_tanpa_registri_tidak_membuat_apa_pun(tmp_path):
    with Registri.buka(tmp_path, tulis=False) as reg:
        assert reg.semua() == [] and reg.semua_pdf() == {}
    assert list(tmp_path.iterdir()) == []


def test_pdf_dan_nomor(tmp_path):
    p = CatatanPdf(C.path, C.path[:-5] + ".pdf", "c" * 64, "p" * 64, C.waktu)
    with Registri.buka(tmp_path) as reg:
        assert reg.nomor_tercatat("surat", 2026) == {}
        reg.simpan_pdf(p)
        reg.catat_nomor("surat", 2026, C.kunci, 7)
        reg.catat_nomor("surat", 2026, C.kunci, 8)  # a document keeps its number
    with Registri.buka(tmp_path) as reg:
        assert reg.semua_pdf() == {C.path: p}
        assert reg.nomor_tercatat("surat", 2026) == {C.kunci: 7}
        assert reg.nomor_tercatat("surat", 2027) == {}


def test_registri_rusak_galat_jelas(tmp_path):
    (tmp_path / ".zi").mkdir()
    (tmp_path / ".zi" / "arsip.sqlite").write_bytes(b"bukan sqlite " * 100)
    with pytest.raises(ZiError) as e:
        with Registri.buka(tmp_path):
            pass
    assert "registri arsip rusak" in e.value.pesan
    assert e.value.berkas.endswith("arsip.sqlite")


def test_registri_lama_dibaca_tanpa_diubah(tmp_path):
    _registri_lama(tmp_path)
    with Registri.buka(tmp_path, tulis=False) as reg:
        semua = {c.jenis: c for c in reg.semua()}
    assert semua["notulensi"].baris == ("V.1.1",) and semua["notulensi"].kunci == LAMA[0][0]
    periode = semua["laporan_monev_periode"]
    assert (periode.kunci, periode.baris_id, periode.baris) == ("|2026-03|||laporan_monev_periode|", "", ())
    kolom, _ = _kolom(tmp_path)
    assert "baris" not in kolom


def test_registri_lama_dimigrasi(tmp_path):
    _registri_lama(tmp_path)
    with Registri.buka(tmp_path) as reg:
        semua = {c.jenis: c for c in reg.semua()}
    kolom, baris = _kolom(tmp_path)
    assert kolom[-1] == "baris"
    nilai = {r[2]: dict(zip(kolom, r)) for r in baris}
    assert json.loads(nilai["notulensi"]["baris"]) == ["V.1.1"] and nilai["notulensi"]["baris_id"] == "V.1.1"
    assert nilai["notulensi"]["kunci"] == LAMA[0][0]
    p = nilai["laporan_monev_periode"]
    assert (p["kunci"], p["baris_id"], json.loads(p["baris"])) == ("|2026-03|||laporan_monev_periode|", "", [])
    assert semua["notulensi"].content_hash == "c" and semua["laporan_monev_periode"].path == LAMA[1][1]
    # a second open changes nothing more
    with Registri.buka(tmp_path):
        pass
    assert _kolom(tmp_path) == (kolom, baris)
