"""The words of the target-time language, as data: what each word means to the grammar.

Month and weekday names come from Babel's CLDR data (plus older official spellings); the
rest is the small closed vocabulary offices use in a plan's "target waktu" column. Adding a
synonym is adding an entry here; the grammar (`zi.jadwal_tata`) never names a word.
"""

from __future__ import annotations

from functools import lru_cache

from babel.dates import get_day_names, get_month_names

from zi.bahasa import LOCALE

# Word classes (token kinds) the grammar reads.
BULAN = "bulan"  # a month name; value 1..12
HARI = "hari"  # a weekday name; value 0 = Monday .. 6 = Sunday
SEP = "sep"  # list separator
RENTANG = "rentang"  # range mark
KE = "ke"  # "ke" before an ordinal
URUTAN = "urutan"  # an ordinal or number word; value n (-1 = the last)
PEKAN = "pekan"  # week-of-month noun
PERIODE = "periode"  # triwulan / semester noun; value = months per period
SATUAN = "satuan"  # the noun "bulan" / "tahun" / "hari" after setiap, awal, akhir
SETIAP = "setiap"  # recurrence word before a unit
BERKALA = "berkala"  # a recurrence adjective ("bulanan"); value = unit
BAGIAN = "bagian"  # part of a window: awal / tengah / akhir
TANGGAL = "tanggal"  # the noun "tanggal" before a day number
ABAIKAN = "abaikan"  # qualifiers that do not change the dates

# Marks written with punctuation (regular expressions, tried before words).
TANDA_RENTANG = (r"s\.\s?d\.?", r"s/d", r"sampai\s+dengan", r"[-\u2010-\u2015\u2212~]")
TANDA_SEP = (r"[,;/&+]",)

# Units of recurrence: months per occurrence (0 = a weekday recurrence, None = weekly).
UNIT_BULAN = {"bulan": 1, "triwulan": 3, "semester": 6, "tahun": 12}

_KATA: dict[str, tuple[str, object]] = {
    # separators and ranges (punctuation is tokenised separately)
    "dan": (SEP, None), "serta": (SEP, None), "atau": (SEP, None),
    "sampai": (RENTANG, None), "hingga": (RENTANG, None), "sd": (RENTANG, None),
    # ordinals
    "ke": (KE, None),
    "satu": (URUTAN, 1), "pertama": (URUTAN, 1), "kesatu": (URUTAN, 1),
    "dua": (URUTAN, 2), "kedua": (URUTAN, 2),
    "tiga": (URUTAN, 3), "ketiga": (URUTAN, 3),
    "empat": (URUTAN, 4), "keempat": (URUTAN, 4),
    "lima": (URUTAN, 5), "kelima": (URUTAN, 5),
    "enam": (URUTAN, 6), "keenam": (URUTAN, 6),
    "terakhir": (URUTAN, -1), "ganjil": (URUTAN, 1), "genap": (URUTAN, 2),  # semester ganjil/genap
    # nouns
    "minggu": (PEKAN, None), "pekan": (PEKAN, None),
    "triwulan": (PERIODE, 3), "tw": (PERIODE, 3), "kuartal": (PERIODE, 3), "trimester": (PERIODE, 3),
    "semester": (PERIODE, 6), "smt": (PERIODE, 6),
    "bulan": (SATUAN, "bulan"), "tahun": (SATUAN, "tahun"), "hari": (SATUAN, "hari"),
    "tanggal": (TANGGAL, None), "tgl": (TANGGAL, None),
    # recurrence
    "setiap": (SETIAP, None), "tiap": (SETIAP, None), "per": (SETIAP, None),
    "tiap-tiap": (SETIAP, None), "masing-masing": (SETIAP, None),
    "bulanan": (BERKALA, "bulan"), "perbulan": (BERKALA, "bulan"), "sebulan": (BERKALA, "bulan"),
    "triwulanan": (BERKALA, "triwulan"), "pertriwulan": (BERKALA, "triwulan"),
    "semesteran": (BERKALA, "semester"), "persemester": (BERKALA, "semester"),
    "tahunan": (BERKALA, "tahun"), "mingguan": (BERKALA, "minggu"), "harian": (BERKALA, "hari"),
    # parts of a window
    "awal": (BAGIAN, "awal"), "pertengahan": (BAGIAN, "tengah"), "tengah": (BAGIAN, "tengah"),
    "medio": (BAGIAN, "tengah"), "akhir": (BAGIAN, "akhir"),
    "sepanjang": (BAGIAN, "penuh"), "selama": (BAGIAN, "penuh"),
    # qualifiers: the window is the same with or without them
    "paling": (ABAIKAN, None), "lambat": (ABAIKAN, None), "selambatnya": (ABAIKAN, None),
    "selambat-lambatnya": (ABAIKAN, None), "mulai": (ABAIKAN, None), "pada": (ABAIKAN, None),
    "target": (ABAIKAN, None), "sekitar": (ABAIKAN, None), "di": (ABAIKAN, None),
    "dalam": (ABAIKAN, None), "sekali": (ABAIKAN, None), "secara": (ABAIKAN, None),
    "berkala": (ABAIKAN, None), "dilaksanakan": (ABAIKAN, None), "kegiatan": (ABAIKAN, None),
    "sejak": (ABAIKAN, None), "periode": (ABAIKAN, None), "bln": (SATUAN, "bulan"),
    "thn": (SATUAN, "tahun"), "th": (SATUAN, "tahun"),
}

# Spellings of older official letters (pre-EYD "Pebruari", "Nopember") and short forms that
# CLDR does not list.
_BULAN_LAIN = {"pebruari": 2, "nopember": 11, "agt": 8, "ags": 8, "agust": 8, "sept": 9,
               "nop": 11, "peb": 2}
_HARI_LAIN = {"jum'at": 4, "jumat": 4, "ahad": 6}

# Phrases in a row's langkah aksi / bukti fisik that say the work recurs (item: a span's
# meaning comes from its row). Each maps to the unit; matched as whole words.
ULANG_BARIS: dict[str, str] = {
    "per bulan": "bulan", "per-bulan": "bulan", "perbulan": "bulan", "setiap bulan": "bulan",
    "tiap bulan": "bulan", "bulanan": "bulan", "sebulan sekali": "bulan",
    "per triwulan": "triwulan", "setiap triwulan": "triwulan", "tiap triwulan": "triwulan",
    "triwulanan": "triwulan", "per semester": "semester", "setiap semester": "semester",
    "tiap semester": "semester", "semesteran": "semester",
}


@lru_cache(maxsize=1)
def kata_bulan() -> dict[str, int]:
    """Month words: CLDR's wide and abbreviated names plus older spellings."""
    kata: dict[str, int] = {}
    for jenis in ("wide", "abbreviated"):
        for nomor, nama in get_month_names(jenis, locale=LOCALE).items():
            kata[nama.lower().rstrip(".")] = nomor
    for lama, nomor in _BULAN_LAIN.items():
        kata.setdefault(lama, nomor)
    return kata


@lru_cache(maxsize=1)
def kata_hari() -> dict[str, int]:
    """Weekday words (CLDR, 0 = Monday) except "minggu", which the grammar reads in context."""
    kata: dict[str, int] = {}
    for nomor, nama in get_day_names("wide", locale=LOCALE).items():
        kata[nama.lower()] = nomor
    kata.update(_HARI_LAIN)
    kata.pop("minggu", None)  # Sunday or week: decided by the grammar
    return kata


@lru_cache(maxsize=1)
def leksikon() -> dict[str, tuple[str, object]]:
    """Every known word with its class and value."""
    kata = dict(_KATA)
    kata.update({k: (BULAN, v) for k, v in kata_bulan().items()})
    kata.update({k: (HARI, v) for k, v in kata_hari().items()})
    return kata


def nama_hari(n: int) -> str:
    """"Senin" for 0 (CLDR)."""
    return get_day_names("wide", locale=LOCALE)[n]
