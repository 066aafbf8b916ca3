"""Indonesian formatting for documents: dates, times, number words, roman numerals.

Month and day names come from Babel's CLDR data and number words from num2words, so no
hand-written tables can drift from the standard spelling.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from zoneinfo import ZoneInfo

from babel.dates import format_date, format_time, get_month_names

LOCALE = "id"


@lru_cache(maxsize=None)
def _bulan(jenis: str) -> dict[int, str]:
    return dict(get_month_names(jenis, locale=LOCALE).items())


def nama_bulan(bulan: int) -> str:
    """"Januari" for 1."""
    return _bulan("wide")[bulan]


def nama_bulan_singkat(bulan: int) -> str:
    """"Jan" for 1 (CLDR's abbreviation)."""
    return _bulan("abbreviated")[bulan]


def tanggal(d: dt.date) -> str:
    """"12 Januari 2026": the form of the place-and-date line."""
    return format_date(d, "d MMMM y", locale=LOCALE)


def hari_tanggal(d: dt.date) -> str:
    """"Senin, 12 Januari 2026": the form of an invitation's hari/tanggal."""
    return format_date(d, "EEEE, d MMMM y", locale=LOCALE)


def hari(d: dt.date) -> str:
    """"Senin"."""
    return format_date(d, "EEEE", locale=LOCALE)


def bulan_tahun(tahun: int, bulan: int) -> str:
    """"Januari 2026"."""
    return f"{nama_bulan(bulan)} {tahun}"


def pukul(waktu: dt.time | dt.datetime, zona: ZoneInfo | None = None, pada: dt.date | None = None) -> str:
    """"09.00 WIB": the time with the zone's Indonesian abbreviation (WIB/WITA/WIT).

    A naive time is taken as wall-clock time in `zona` (the office's, `Instansi.zona`: no
    zone is assumed); the abbreviation comes from an aware datetime built with zoneinfo
    (Babel's pytz zones shift times by minutes).
    """
    if zona is None and not (isinstance(waktu, dt.datetime) and waktu.tzinfo):
        raise ValueError("pukul tanpa zona waktu: berikan zona waktu kantor")
    if isinstance(waktu, dt.datetime):
        aware = waktu if waktu.tzinfo else waktu.replace(tzinfo=zona)
    else:
        aware = dt.datetime.combine(pada or dt.date(2026, 1, 1), waktu, tzinfo=zona)
    return f"{format_time(aware, 'HH.mm', locale=LOCALE)} {aware.tzname()}"


def terbilang(n: int) -> str:
    """"dua belas" for 12. Only whole numbers: a template applying it to text is told so
    (num2words itself fails on a string with an AttributeError of its own)."""
    from num2words import num2words  # 40 ms to import: only documents need it

    if isinstance(n, bool) or not isinstance(n, int):
        raise TypeError(f"terbilang hanya untuk bilangan bulat, bukan \"{str(n)[:40]}\"")
    return num2words(n, lang=LOCALE)


def romawi(n: int) -> str:
    """Roman numeral: "IV" for 4 (letter numbers use the month in roman)."""
    if not 0 < n < 4000:
        raise ValueError(f"angka romawi hanya untuk 1–3999, bukan {n}")
    hasil = []
    for nilai, huruf in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"),
                         (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"),
                         (4, "IV"), (1, "I")):
        jumlah, n = divmod(n, nilai)
        hasil.append(huruf * jumlah)
    return "".join(hasil)


def dari_romawi(teks: str) -> int:
    """4 for "IV"; ValueError if `teks` is not a canonical roman numeral."""
    s = teks.strip().upper()
    nilai = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}
    if not s or any(c not in nilai for c in s):
        raise ValueError(f"bukan angka romawi: {teks!r}")
    total = 0
    for i, c in enumerate(s):
        v = nilai[c]
        total += -v if i + 1 < len(s) and nilai[s[i + 1]] > v else v
    if romawi(total) != s:
        raise ValueError(f"bukan angka romawi yang baku: {teks!r}")
    return total


def diktum(n: int) -> str:
    """"KESATU", "KEDUA", …: the ordinal heading of a decree's diktum."""
    return ("ke" + terbilang(n)).upper()


def huruf_urut(n: int) -> str:
    """"a", "b", …, "z", "aa": the letter of a Menimbang item (1-based)."""
    s = ""
    while n > 0:
        n, r = divmod(n - 1, 26)
        s = chr(ord("a") + r) + s
    return s


FILTERS = {
    "tanggal": tanggal,
    "hari_tanggal": hari_tanggal,
    "hari": hari,
    "pukul": pukul,
    "terbilang": terbilang,
    "romawi": romawi,
    "diktum": diktum,
    "huruf": huruf_urut,
    "nama_bulan": nama_bulan,
}
"""Jinja filters the templates may use: `{{ tanggal_rapat|hari_tanggal }}`."""
