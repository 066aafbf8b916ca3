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


def jendela_bulan(tahun: int, bulan: int, panjang: int = 1) -> tuple[dt.date, dt.date]:
    """First and last day of `panjang` months starting at `bulan` (a month, triwulan, semester)."""
    akhir_bulan = bulan + panjang - 1
    tahun_akhir, akhir_bulan = tahun + (akhir_bulan - 1) // 12, (akhir_bulan - 1) % 12 + 1
    return dt.date(tahun, bulan, 1), dt.date(tahun_akhir, akhir_bulan, jumlah_hari(tahun_akhir, akhir_bulan))


def hari_kerja_pertama(mulai: dt.date, selesai: dt.date, hari: int | None = None) -> dt.date | None:
    """The first working day in mulai..selesai (on weekday `hari` when given), if any."""
    d = mulai
    while d <= selesai:
        if hari_kerja(d) and (hari is None or d.weekday() == hari):
            return d
        d += dt.timedelta(days=1)
    return None


def hari_kerja_terakhir(mulai: dt.date, selesai: dt.date) -> dt.date | None:
    """The last working day in mulai..selesai, if any."""
    d = selesai
    while d >= mulai:
        if hari_kerja(d):
            return d
        d -= dt.timedelta(days=1)
    return None


def tenggat(mulai: dt.date, selesai: dt.date) -> dt.date:
    """The due date of a window: its last working day, or the next one when it has none."""
    return hari_kerja_terakhir(mulai, selesai) or hari_kerja_berikut(selesai)


def bagian_jendela(mulai: dt.date, selesai: dt.date, bagian: str) -> tuple[dt.date, dt.date]:
    """"awal"/"pertengahan"/"akhir" of a window.

    Of one month: its dasarian (days 1–10, 11–20, 21–end), the usual Indonesian split.
    Of several months: the first month, the middle month(s), the last month's last dasarian.
    """
    bulan = (selesai.year - mulai.year) * 12 + selesai.month - mulai.month + 1
    if bulan == 1:
        awal = {"awal": 1, "tengah": 11, "akhir": 21}[bagian]
        akhir = {"awal": 10, "tengah": 20, "akhir": selesai.day}[bagian]
        return max(mulai, mulai.replace(day=awal)), min(selesai, selesai.replace(day=min(akhir, selesai.day)))
    if bagian == "awal":
        return mulai, jendela_bulan(mulai.year, mulai.month)[1]
    if bagian == "akhir":
        return max(mulai, selesai.replace(day=21)), selesai
    tengah = (bulan - 1) // 2  # months from mulai: 12 → Juni–Juli, 6 → Maret–April, 3 → the 2nd
    a = jendela_bulan(mulai.year, mulai.month, tengah)[1] + dt.timedelta(days=1)
    return a, jendela_bulan(a.year, a.month, 2 - bulan % 2)[1]


def potong_satuan(mulai: dt.date, selesai: dt.date, bulan: int) -> list[tuple[dt.date, dt.date]]:
    """mulai..selesai cut into calendar units of `bulan` months (1, 3, 6, 12), clipped to it."""
    hasil = []
    awal = (mulai.month - 1) // bulan * bulan + 1
    a, b = jendela_bulan(mulai.year, awal, bulan)
    while a <= selesai:
        hasil.append((max(a, mulai), min(b, selesai)))
        a = b + dt.timedelta(days=1)
        b = jendela_bulan(a.year, a.month, bulan)[1]
    return hasil


def hari_dalam(mulai: dt.date, selesai: dt.date, hari: set[int]) -> list[dt.date]:
    """Every day in mulai..selesai falling on one of the weekdays `hari` (0 = Monday)."""
    n = (selesai - mulai).days + 1
    return [d for d in (mulai + dt.timedelta(days=i) for i in range(n)) if d.weekday() in hari]


def mundur_hari_kerja(d: dt.date, n: int) -> dt.date:
    """The working day `n` working days before `d` (lead time for an invitation)."""
    while n > 0:
        d -= dt.timedelta(days=1)
        if hari_kerja(d):
            n -= 1
    return d
