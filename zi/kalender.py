"""Working days in Indonesia and the event date of an occurrence.

National holidays and cuti bersama come from the `holidays` package (categories public +
government), so each new year's decree only needs a package update, not a code change.
"""

from __future__ import annotations

import calendar
import datetime as dt
from functools import lru_cache

import holidays

from zi.galat import ZiError


@lru_cache(maxsize=None)
def hari_libur(tahun: int) -> dict[dt.date, str]:
    """National holidays and cuti bersama of `tahun`, with their Indonesian names."""
    libur = holidays.country_holidays(
        "ID", years=tahun, categories=("public", "government"), language="id"
    )
    return dict(libur.items())


def nama_libur(d: dt.date) -> str | None:
    return hari_libur(d.year).get(d)


def hari_kerja(d: dt.date) -> bool:
    """Monday–Friday and neither a national holiday nor cuti bersama."""
    return d.weekday() < 5 and d not in hari_libur(d.year)


def jumlah_hari(tahun: int, bulan: int) -> int:
    return calendar.monthrange(tahun, bulan)[1]


def jumlah_minggu(tahun: int, bulan: int) -> int:
    """How many weeks (7-day blocks from day 1) the month has: 4 or 5."""
    return -(-jumlah_hari(tahun, bulan) // 7)


def rentang_minggu(tahun: int, bulan: int, minggu: int) -> tuple[dt.date, dt.date]:
    """Week N of a month = days 7(N-1)+1 … 7N (the last one cut at the month's end)."""
    if not 1 <= minggu <= jumlah_minggu(tahun, bulan):
        raise ZiError(
            f"minggu ke-{minggu} tidak ada pada bulan {bulan}/{tahun} "
            f"(ada {jumlah_minggu(tahun, bulan)} minggu)"
        )
    awal = dt.date(tahun, bulan, 7 * (minggu - 1) + 1)
    akhir = dt.date(tahun, bulan, min(7 * minggu, jumlah_hari(tahun, bulan)))
    return awal, akhir


def minggu_ke(d: dt.date) -> int:
    """The week of the month `d` falls in, by the same 7-day rule."""
    return (d.day - 1) // 7 + 1


def hari_kerja_berikut(d: dt.date) -> dt.date:
    """`d` itself if it is a working day, else the next working day."""
    while not hari_kerja(d):
        d += dt.timedelta(days=1)
    return d


def hari_kerja_sebelum(d: dt.date) -> dt.date:
    """`d` itself if it is a working day, else the previous working day."""
    while not hari_kerja(d):
        d -= dt.timedelta(days=1)
    return d


def tanggal_kejadian(tahun: int, bulan: int, minggu: int | None = None, akhir: bool = False) -> dt.date:
    """The event date: the first working day of the week (or month); the month's last
    working day for "akhir". A week with no working day moves to the next working day."""
    if akhir:
        return hari_kerja_sebelum(dt.date(tahun, bulan, jumlah_hari(tahun, bulan)))
    awal = rentang_minggu(tahun, bulan, minggu)[0] if minggu else dt.date(tahun, bulan, 1)
    return hari_kerja_berikut(awal)


def mundur_hari_kerja(d: dt.date, n: int) -> dt.date:
    """The working day `n` working days before `d` (lead time for an invitation)."""
    while n > 0:
        d -= dt.timedelta(days=1)
        if hari_kerja(d):
            n -= 1
    return d
