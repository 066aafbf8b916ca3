"""Cutting a target-time phrase into tokens: words of the lexicon, numbers and marks.

Each token keeps its span in the original text so an explanation (`--jelaskan`) and an
error can quote exactly what the person wrote.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from zi import jadwal_kata as K
from zi.bahasa import dari_romawi
from zi.galat import JadwalError

# Token kinds besides the lexicon's word classes.
TAHUN = "tahun"  # a 4-digit number
ANGKA = "angka"  # another number
ROMAWI = "romawi"  # a roman numeral I..XX
KATA = "kata"  # a word the lexicon does not know

ANGKA_MAKS = 9  # digits: no week, quarter or year is longer (and int() refuses >4300 digits)


@dataclass
class Token:
    """One token: its kind, value, the text as written and where it stands."""

    jenis: str
    nilai: object
    teks: str
    awal: int
    arti: str = ""  # how the grammar read it (filled while parsing; for --jelaskan)


@lru_cache(maxsize=1)
def _pola() -> re.Pattern[str]:
    rentang = "|".join(K.TANDA_RENTANG)
    sep = "|".join(K.TANDA_SEP)
    return re.compile(
        rf"""
        (?P<rentang>{rentang})
        |(?P<sep>{sep})
        |(?P<angka>\d+)
        |(?P<kata>[^\W\d_]+(?:['’][^\W\d_]+)?(?:-(?:{"|".join(_majemuk())})\b)?)
        |(?P<abai>[()\[\]."“”'’:]|\s+)
        |(?P<lain>.)
        """,
        re.VERBOSE,
    )


@lru_cache(maxsize=1)
def _majemuk() -> tuple[str, ...]:
    """Second halves of hyphenated lexicon words ("tiap-tiap", "selambat-lambatnya")."""
    return tuple(sorted({k.split("-", 1)[1] for k in K.leksikon() if "-" in k}, key=len, reverse=True))


def _romawi(kata: str) -> int | None:
    if not re.fullmatch(r"[ivx]+", kata):
        return None
    try:
        n = dari_romawi(kata)
    except ValueError:
        return None
    return n if n <= 20 else None


def _kata(teks: str, tampil: str, awal: int) -> Token:
    kata = teks.replace("’", "'")
    kelas = K.leksikon().get(kata)
    if kelas is not None:
        return Token(kelas[0], kelas[1], tampil, awal)
    n = _romawi(kata)
    if n is not None:
        return Token(ROMAWI, n, tampil, awal)
    return Token(KATA, kata, tampil, awal)


def token(teks: str) -> list[Token]:
    """The tokens of `teks` (case-insensitive); an unknown mark is an error naming it."""
    hasil: list[Token] = []
    normal = teks.lower().replace("\u00a0", " ")
    if len(normal) != len(teks):  # a few characters change length when lowered
        teks = normal
    for m in _pola().finditer(normal):
        jenis, isi, tampil = m.lastgroup, m.group(), teks[m.start():m.end()]
        if jenis == "abai":
            continue
        if jenis == "lain":
            raise JadwalError(f"tanda \"{tampil}\" tidak dikenal", teks)
        if jenis == "rentang":
            sebelum = hasil[-1] if hasil else None
            if sebelum is not None and isi[0] in "-\u2010\u2011" and (
                    sebelum.jenis in (K.KE, K.SETIAP)
                    or sebelum.jenis in (K.PERIODE, K.PEKAN) and sebelum.awal + len(sebelum.teks) == m.start()):
                continue  # "ke-2", "per-bulan", "Semester-II": the hyphen joins, it is no range
            hasil.append(Token(K.RENTANG, None, tampil, m.start()))
        elif jenis == "sep":
            hasil.append(Token(K.SEP, None, tampil, m.start()))
        elif jenis == "angka":
            if len(isi) > ANGKA_MAKS:
                raise JadwalError(f"angka \"{tampil[:12]}{'…' if len(isi) > 12 else ''}\" terlalu panjang", teks)
            hasil.append(Token(TAHUN if len(isi) == 4 else ANGKA, int(isi), tampil, m.start()))
        else:
            hasil.append(_kata(isi, tampil, m.start()))
    return hasil
