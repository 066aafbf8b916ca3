"""The deployments' schedule rules (zi/jadwal_layanan.py, used by flows/kalender.py), expanded with dateutil and checked
against the `holidays` package directly."""

from __future__ import annotations

import datetime as dt

import holidays
import pytest
from dateutil.rrule import rrulestr

from flows.kalender import PESAN_ZI_HOME, cek_zi_home
from zi.jadwal_layanan import aturan_harian, aturan_monev
from zi.galat import ZiError


def _libur(*tahun: int) -> set[dt.date]:
    return set(holidays.country_holidays("ID", years=list(tahun), categories=("public", "government")))


def _hari(aturan: str, mulai: dt.date, sampai: dt.date) -> list[dt.datetime]:
    return list(rrulestr(aturan, forceset=True).between(dt.datetime.combine(mulai, dt.time()),
                                                          dt.datetime.combine(sampai, dt.time(23, 59)), inc=True))


@pytest.mark.parametrize("tahun", [2025, 2026])
def test_harian_tepat_hari_kerja_dua_tahun(tahun):
    libur = _libur(tahun, tahun + 1)
    awal, akhir = dt.date(tahun, 1, 1), dt.date(tahun + 1, 12, 31)
    semua = [awal + dt.timedelta(days=i) for i in range((akhir - awal).days + 1)]
    jalan = _hari(aturan_harian(tahun, dt.time(7)), awal, akhir)
    assert [t.date() for t in jalan] == [d for d in semua if d.weekday() < 5 and d not in libur]
    assert {t.time() for t in jalan} == {dt.time(7)}
    assert dt.date(tahun, 12, 25) not in {t.date() for t in jalan}


@pytest.mark.parametrize("tahun", [2024, 2025, 2026])
def test_monev_hari_kerja_terakhir_bulan_akhir_triwulan(tahun):
    libur = _libur(tahun, tahun + 1)
    jalan = _hari(aturan_monev(tahun, dt.time(7, 30)), dt.date(tahun, 1, 1), dt.date(tahun + 1, 12, 31))
    harap = []
    for y in (tahun, tahun + 1):
        for b in (3, 6, 9, 12):
            d = (dt.date(y, b, 28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)
            while d.weekday() >= 5 or d in libur:
                d -= dt.timedelta(days=1)
            harap.append(dt.datetime.combine(d, dt.time(7, 30)))
    assert jalan == harap


def test_monev_memindah_hari_libur():
    # 31 March 2025 is Idul Fitri (a Monday): the rule alone would run then.
    jalan = {t.date() for t in _hari(aturan_monev(2025, dt.time(7)), dt.date(2025, 3, 1), dt.date(2025, 3, 31))}
    assert dt.date(2025, 3, 31) in _libur(2025)
    assert jalan == {dt.date(2025, 3, 27)}


@pytest.mark.parametrize("nilai", [None, "", "{{ $ZI_HOME }}"])
def test_zi_home_wajib(nilai):
    with pytest.raises(ZiError) as e:
        cek_zi_home(nilai)
    assert str(e.value) == PESAN_ZI_HOME and "ZI_HOME" in PESAN_ZI_HOME


def test_zi_home_bukan_proyek(tmp_path):
    with pytest.raises(ZiError, match="bukan folder proyek zi"):
        cek_zi_home(str(tmp_path))
