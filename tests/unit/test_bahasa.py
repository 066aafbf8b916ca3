import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from zi import bahasa


def test_hari_tanggal_indonesia():
    assert bahasa.hari_tanggal(dt.date(2026, 1, 12)) == "Senin, 12 Januari 2026"
    assert bahasa.hari_tanggal(dt.date(2026, 8, 17)) == "Senin, 17 Agustus 2026"
    assert bahasa.tanggal(dt.date(2026, 3, 5)) == "5 Maret 2026"
    assert bahasa.hari(dt.date(2026, 12, 31)) == "Kamis"


def test_nama_bulan():
    assert [bahasa.nama_bulan(m) for m in (1, 2, 6, 11)] == ["Januari", "Februari", "Juni", "November"]


def test_pukul_dengan_zona_waktu():
    assert bahasa.pukul(dt.time(9, 0), ZoneInfo("Asia/Jakarta")) == "09.00 WIB"
    assert bahasa.pukul(dt.time(13, 30), ZoneInfo("Asia/Jakarta")) == "13.30 WIB"
    with pytest.raises(ValueError):  # no zone is assumed: the office's must be given
        bahasa.pukul(dt.time(9, 0))
    assert bahasa.pukul(dt.time(9, 0), ZoneInfo("Asia/Makassar")) == "09.00 WITA"
    assert bahasa.pukul(dt.time(9, 0), ZoneInfo("Asia/Jayapura")) == "09.00 WIT"
    # An aware datetime in another zone keeps its own wall time and abbreviation.
    assert bahasa.pukul(dt.datetime(2026, 1, 5, 8, 15, tzinfo=ZoneInfo("Asia/Jayapura"))) == "08.15 WIT"


def test_terbilang_dan_diktum():
    assert bahasa.terbilang(12) == "dua belas"
    assert bahasa.terbilang(2026) == "dua ribu dua puluh enam"
    assert [bahasa.diktum(n) for n in (1, 2, 3, 10, 11)] == ["KESATU", "KEDUA", "KETIGA", "KESEPULUH", "KESEBELAS"]


@pytest.mark.parametrize("n,r", [(1, "I"), (4, "IV"), (6, "VI"), (9, "IX"), (12, "XII"), (14, "XIV"), (2026, "MMXXVI")])
def test_romawi_dua_arah(n, r):
    assert bahasa.romawi(n) == r
    assert bahasa.dari_romawi(r) == n
    assert bahasa.dari_romawi(r.lower()) == n


@pytest.mark.parametrize("salah", ["", "IIII", "VX", "ABC", "2"])
def test_romawi_tidak_baku_ditolak(salah):
    with pytest.raises(ValueError):
        bahasa.dari_romawi(salah)


def test_huruf_urut():
    assert [bahasa.huruf_urut(n) for n in (1, 2, 3, 26, 27)] == ["a", "b", "c", "z", "aa"]
