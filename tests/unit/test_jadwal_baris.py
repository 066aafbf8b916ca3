"""A row gives its phrase meaning: recurrence words in langkah aksi / bukti fisik split a
span, `rapat.hari` / `rapat.tanggal` fix the event date; a plan's unreadable rows are all
reported at once."""

import datetime as dt

import pytest
import yaml

from zi.galat import ZiError, ZiErrors
from zi.jadwal import Bentuk, baca_baris, baca_rencana
from zi.rencana import Baris, muat_rencana

from tests.bantu import RENCANA


def baris(**kw) -> Baris:
    isi = dict(id="III.6.1", area="III", komponen="Data", indikator="Data pegawai",
               langkah_aksi="Menyusun data pegawai", bukti_fisik="Data pegawai",
               target_waktu="Januari- Desember 2026")
    isi.update(kw)
    return Baris.model_validate(isi)


@pytest.mark.parametrize("kolom,teks", [
    ("bukti_fisik", "Data nominatif pegawai per bulan"),
    ("langkah_aksi", "Memutakhirkan data setiap bulan"),
    ("bukti_fisik", "Laporan bulanan"),
    ("langkah_aksi", "Rekap tiap  bulan"),
    ("bukti_fisik", "Laporan Per-Bulan"),
])
def test_rentang_bulanan_bila_baris_menyebut_per_bulan(kolom, teks):
    j = baca_baris(baris(**{kolom: teks}), 2026)
    assert j.bentuk == Bentuk.BERKALA
    assert [k.kode_bulan for k in j.kejadian] == [f"2026-{m:02d}" for m in range(1, 13)]
    assert any("per bulan" in p.lower() or "bulan" in p for p in j.peringatan)
    assert kolom.replace("_", " ") in j.bacaan


def test_rentang_tanpa_kata_ulang_tetap_satu_kejadian():
    j = baca_baris(baris(), 2026)
    assert j.bentuk == Bentuk.RENTANG
    (k,) = j.kejadian
    assert (k.mulai, k.selesai, k.tenggat) == (dt.date(2026, 1, 1), dt.date(2026, 12, 31), dt.date(2026, 12, 31))


def test_rentang_triwulanan_dari_baris():
    j = baca_baris(baris(bukti_fisik="Laporan evaluasi setiap triwulan"), 2026)
    assert [(k.mulai.month, k.selesai.month) for k in j.kejadian] == [(1, 3), (4, 6), (7, 9), (10, 12)]


def test_dua_satuan_berbeda_tidak_menebak():
    j = baca_baris(baris(langkah_aksi="Rapat per semester atau per triwulan"), 2026)
    assert j.bentuk == Bentuk.RENTANG
    assert any("per semester" in p and "per triwulan" in p for p in j.peringatan)


def test_daftar_bulan_tidak_dipecah_oleh_kata_ulang():
    j = baca_baris(baris(target_waktu="Maret, Juni 2026", bukti_fisik="Laporan setiap triwulan"), 2026)
    assert j.bentuk == Bentuk.DAFTAR and [k.bulan for k in j.kejadian] == [3, 6]


def test_rapat_hari_menetapkan_tanggal_acara():
    b = baris(target_waktu="Per-bulan (Januari- Desember)", rapat={"hari": "Senin"})
    j = baca_baris(b, 2026)
    # First working Monday of each month of 2026 (5 Jan; 2 Feb; 2 Mar; 6 Apr; 4 May; 1 Jun is
    # Pancasila → 8 Jun; 6 Jul; 3 Aug; 7 Sep; 5 Oct; 2 Nov; 7 Dec).
    assert [k.tanggal().isoformat() for k in j.kejadian] == [
        "2026-01-05", "2026-02-02", "2026-03-02", "2026-04-06", "2026-05-04", "2026-06-08",
        "2026-07-06", "2026-08-03", "2026-09-07", "2026-10-05", "2026-11-02", "2026-12-07"]
    assert all(k.hari == 0 for k in j.kejadian)


def test_rapat_tanggal_menetapkan_kejadian_yang_memuatnya():
    j = baca_baris(baris(target_waktu="Maret, Juni 2026", rapat={"tanggal": "2026-06-17"}), 2026)
    assert [k.tanggal().isoformat() for k in j.kejadian] == ["2026-03-02", "2026-06-17"]


def test_hari_rapat_bukan_hari_kerja_ditolak():
    with pytest.raises(ValueError):
        baris(rapat={"hari": "Minggu"})


def _rencana_rusak(tmp_path, ganti: dict[str, str]):
    data = yaml.safe_load(RENCANA.read_text(encoding="utf-8"))
    for b in data["baris"]:
        if b["id"] in ganti:
            b["target_waktu"] = ganti[b["id"]]
    berkas = tmp_path / "rencana_aksi_2026.yaml"
    berkas.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return muat_rencana(berkas)


def test_semua_baris_tak_terbaca_dilaporkan_sekaligus(tmp_path):
    rusak = {"II.2.1": "TW V", "IV.1.1": "setiap hari Minggu", "VI.2.1": "TW III s.d. TW I"}
    rencana = _rencana_rusak(tmp_path, rusak)
    with pytest.raises(ZiErrors) as e:
        baca_rencana(rencana)
    assert [g.lokasi for g in e.value.daftar] == [f"baris {i}" for i in rusak]
    pesan = str(e.value)
    assert pesan.startswith("3 masalah:")
    for id_, teks in rusak.items():
        assert f"baris {id_}" in pesan and f'"{teks}"' in pesan
    assert "rencana_aksi_2026.yaml" in pesan and "bukan hari kerja" in pesan and "terbalik" in pesan
    assert isinstance(e.value, ZiError)


def test_rencana_contoh_terbaca_semua():
    hasil = baca_rencana(muat_rencana())
    assert len(hasil) == 65
    assert hasil["III.6.1"].bentuk == Bentuk.BERKALA and len(hasil["III.6.1"].kejadian) == 12
