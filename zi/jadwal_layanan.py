"""When the service itself runs: the daily and quarterly runs as RFC 5545 rule sets (what
Prefect's RRule schedules take), corrected by the office's calendar (`zi.kalender`).

- harian: Monday–Friday at the office's hour, minus every holiday and cuti bersama of the
  plan year and the next (EXDATE). Later years still run on weekdays; the daily use case
  itself checks the day and writes nothing on a holiday.
- monev: the last weekday of March, June, September and December; where that day is a
  holiday in the plan year or the next, EXDATE moves it to the real last working day (RDATE).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from zi.galat import ZiError
from zi.kalender import hari_kerja, tanggal_kejadian


def baca_pukul(teks: str) -> dt.time:
    """"07:00" or "07.00" → 07.00; anything else is an error naming the value."""
    try:
        jam, menit = (int(x) for x in str(teks).replace(".", ":").split(":"))
        return dt.time(jam, menit)
    except ValueError:
        raise ZiError(f"pukul \"{teks}\" harus berbentuk JJ:MM, mis. 07:00", lokasi="pukul") from None


def _stempel(d: dt.date, pukul: dt.time) -> str:
    return dt.datetime.combine(d, pukul).strftime("%Y%m%dT%H%M%S")


def _aturan(rrule: str, tahun: int, pukul: dt.time, benar: Callable[[dt.date], dt.date | None]) -> str:
    """`rrule` from 1 January of `tahun`, its dates of `tahun` and `tahun + 1` corrected by
    the calendar: `benar(d)` is the date the plan needs instead of d (None: no run)."""
    from dateutil.rrule import rrulestr

    awal = f"DTSTART:{_stempel(dt.date(tahun, 1, 1), pukul)}"
    aturan = f"{rrule};BYHOUR={pukul.hour};BYMINUTE={pukul.minute};BYSECOND=0"
    dasar = rrulestr(f"{awal}\n{aturan}")
    hari = [t.date() for t in dasar.between(dt.datetime(tahun, 1, 1), dt.datetime(tahun + 2, 1, 1), inc=True)]
    ganti = [(d, benar(d)) for d in hari if benar(d) != d]
    baris = [awal, aturan]
    if ganti:
        baris.append("EXDATE:" + ",".join(_stempel(d, pukul) for d, _ in ganti))
    if any(b for _, b in ganti):
        baris.append("RDATE:" + ",".join(_stempel(b, pukul) for _, b in ganti if b))
    return "\n".join(baris)


def aturan_harian(tahun: int, pukul: dt.time) -> str:
    """Monday–Friday at `pukul`, without the holidays and cuti bersama of `tahun`, `tahun + 1`."""
    return _aturan("RRULE:FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR", tahun, pukul,
                   lambda d: d if hari_kerja(d) else None)


def aturan_monev(tahun: int, pukul: dt.time) -> str:
    """The last working day of March, June, September and December (the rule alone gives
    the last Monday–Friday; a holiday there moves to the working day before it)."""
    return _aturan("RRULE:FREQ=MONTHLY;BYMONTH=3,6,9,12;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1", tahun, pukul,
                   lambda d: tanggal_kejadian(d.year, d.month, akhir=True))
