"""zi.periode: parsing, codes, labels and bounds of every unit, and bad input."""

import datetime as dt

import pytest

from zi.galat import ZiError
from zi.periode import Periode, baca_bulan, baca_periode


@pytest.mark.parametrize("teks, satuan, ke, kode, label, mulai, selesai", [
    ("2026-TW1", "triwulan", 1, "2026-TW1", "Triwulan I Tahun 2026", dt.date(2026, 1, 1), dt.date(2026, 3, 31)),
    ("2026-tw2", "triwulan", 2, "2026-TW2", "Triwulan II Tahun 2026", dt.date(2026, 4, 1), dt.date(2026, 6, 30)),
    ("2026-TW3", "triwulan", 3, "2026-TW3", "Triwulan III Tahun 2026", dt.date(2026, 7, 1), dt.date(2026, 9, 30)),
    (" 2026-TW4 ", "triwulan", 4, "2026-TW4", "Triwulan IV Tahun 2026", dt.date(2026, 10, 1), dt.date(2026, 12, 31)),
    ("2026-S1", "semester", 1, "2026-S1", "Semester I Tahun 2026", dt.date(2026, 1, 1), dt.date(2026, 6, 30)),
    ("2026-s2", "semester", 2, "2026-S2", "Semester II Tahun 2026", dt.date(2026, 7, 1), dt.date(2026, 12, 31)),
    ("2026", "tahun", 1, "2026", "Tahun 2026", dt.date(2026, 1, 1), dt.date(2026, 12, 31)),
])
def test_baca_periode_setiap_satuan(teks, satuan, ke, kode, label, mulai, selesai):
    p = baca_periode(teks)
    assert (p.tahun, p.satuan, p.ke) == (2026, satuan, ke)
    assert p.kode == kode and str(p) == kode
    assert p.label == label
    assert (p.mulai, p.selesai) == (mulai, selesai)


@pytest.mark.parametrize("teks, ke, label, selesai", [
    ("2026-03", 3, "Maret 2026", dt.date(2026, 3, 31)),
    ("2026-2", 2, "Februari 2026", dt.date(2026, 2, 28)),
    ("2028-02", 2, "Februari 2028", dt.date(2028, 2, 29)),  # leap year
    ("2026-12", 12, "Desember 2026", dt.date(2026, 12, 31)),
])
def test_bulan(teks, ke, label, selesai):
    for p in (baca_bulan(teks), baca_periode(teks, bulan=True)):
        assert (p.satuan, p.ke) == ("bulan", ke)
        assert p.kode == f"{selesai.year}-{ke:02d}"
        assert p.label == label
        assert p.mulai == selesai.replace(day=1) and p.selesai == selesai
        assert p.daftar_bulan() == [p.kode]


def test_daftar_bulan_dan_memuat():
    p = Periode(2026, "triwulan", 2)
    assert p.daftar_bulan() == ["2026-04", "2026-05", "2026-06"]
    assert Periode(2026, "semester", 2).daftar_bulan() == [f"2026-{m:02d}" for m in range(7, 13)]
    assert len(Periode.setahun(2026).daftar_bulan()) == 12
    assert p.memuat(dt.date(2026, 4, 1)) and p.memuat(dt.date(2026, 6, 30))
    assert not p.memuat(dt.date(2026, 3, 31)) and not p.memuat(dt.date(2026, 7, 1))
    assert not p.memuat(dt.date(2025, 5, 1))
    assert p.memuat_bulan("2026-05") and not p.memuat_bulan("2026-07") and not p.memuat_bulan("2025-05")


@pytest.mark.parametrize("tanggal, ke", [(dt.date(2026, 1, 1), 1), (dt.date(2026, 3, 31), 1), (dt.date(2026, 4, 1), 2),
                                          (dt.date(2026, 9, 30), 3), (dt.date(2026, 10, 1), 4), (dt.date(2026, 12, 31), 4)])
def test_triwulan_dari(tanggal, ke):
    assert Periode.triwulan_dari(tanggal) == Periode(2026, "triwulan", ke)


def test_konstruktor_dan_urutan():
    assert Periode.bulan_dari(2026, 7) == Periode(2026, "bulan", 7)
    assert Periode.setahun(2027) == Periode(2027, "tahun", 1)
    assert Periode(2026, "bulan", 1) < Periode(2026, "bulan", 2) < Periode(2027, "bulan", 1)


@pytest.mark.parametrize("teks", ["2026-TW5", "2026-TW0", "2026-S3", "26", "2026-03", "TW1", "2026/TW1", "  ", "2026-Q1"])
def test_periode_salah_menyebut_argumen(teks):
    with pytest.raises(ZiError) as e:
        baca_periode(teks, "--periode")
    assert e.value.lokasi == "argumen --periode"
    assert f"\"{teks}\"" in e.value.pesan
    assert "2026-TW1" in e.value.pesan and "2026-S2" in e.value.pesan
    assert "2026-03 (bulan)" not in e.value.pesan  # months are not offered where they are not accepted


def test_periode_salah_dengan_bulan_menawarkan_bulan():
    with pytest.raises(ZiError) as e:
        baca_periode("2026-13", "periode", bulan=True)
    assert e.value.lokasi == "argumen periode"
    assert "2026-03 (bulan)" in e.value.pesan


@pytest.mark.parametrize("teks", ["2026-13", "2026-00", "2026-1-1", "Maret 2026", "2026", "2026-TW1", "abc"])
def test_bulan_salah_menyebut_argumen(teks):
    with pytest.raises(ZiError) as e:
        baca_bulan(teks, "--bulan")
    assert e.value.lokasi == "argumen --bulan"
    assert f"bulan \"{teks}\"" in e.value.pesan and "2026-03" in e.value.pesan
    assert str(e.value).startswith("argumen --bulan: ")


@pytest.mark.parametrize(("mulai", "selesai", "kode"), [
    (dt.date(2026, 4, 1), dt.date(2026, 6, 30), "2026-TW2"),
    (dt.date(2026, 7, 1), dt.date(2026, 12, 31), "2026-S2"),
    (dt.date(2026, 1, 1), dt.date(2026, 12, 31), "2026"),
    (dt.date(2026, 2, 1), dt.date(2026, 2, 28), "2026-02"),
    (dt.date(2026, 2, 1), dt.date(2026, 5, 31), None),  # four months: no period
    (dt.date(2026, 4, 2), dt.date(2026, 6, 30), None),  # not from the 1st
    (dt.date(2026, 10, 1), dt.date(2027, 3, 31), None),  # across years
])
def test_dari_jendela(mulai, selesai, kode):
    p = Periode.dari_jendela(mulai, selesai)
    assert (p.kode if p else None) == kode
