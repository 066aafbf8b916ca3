"""Periods of the plan year: a month, a triwulan, a semester or the whole year.

One type answers every question asked of a period — how it is written on the command line
("2026-03", "2026-TW1", "2026-S2", "2026"), its label in a document ("Triwulan I Tahun
2026"), its first and last day, whether a date or month lies in it — so no module parses
or bounds a period by hand.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from typing import Literal

from zi.bahasa import nama_bulan, romawi
from zi.galat import ZiError

Satuan = Literal["bulan", "triwulan", "semester", "tahun"]

_PANJANG: dict[str, int] = {"bulan": 1, "triwulan": 3, "semester": 6, "tahun": 12}
_CONTOH = "2026-03 (bulan), 2026-TW1 … 2026-TW4, 2026-S1, 2026-S2 atau 2026"


@dataclass(frozen=True, order=True)
class Periode:
    """A period of one year: `satuan` with its number `ke` (month 1–12, triwulan 1–4,
    semester 1–2; 1 for the year)."""

    tahun: int
    satuan: Satuan
    ke: int = 1

    # ------------------------------------------------------------------ constructors

    @classmethod
    def bulan_dari(cls, tahun: int, bulan: int) -> Periode:
        return cls(tahun, "bulan", bulan)

    @classmethod
    def triwulan_dari(cls, d: dt.date) -> Periode:
        """The triwulan a date falls in."""
        return cls(d.year, "triwulan", (d.month - 1) // 3 + 1)

    @classmethod
    def setahun(cls, tahun: int) -> Periode:
        return cls(tahun, "tahun", 1)

    @classmethod
    def dari_jendela(cls, mulai: dt.date, selesai: dt.date) -> Periode | None:
        """The period whose days are exactly `mulai`..`selesai` (a whole month, triwulan,
        semester or year), or None for any other span."""
        if mulai.year != selesai.year or mulai.day != 1:
            return None
        for satuan, panjang in _PANJANG.items():
            if (mulai.month - 1) % panjang == 0:
                p = cls(mulai.year, satuan, (mulai.month - 1) // panjang + 1)  # type: ignore[arg-type]
                if p.selesai == selesai:
                    return p
        return None

    # ------------------------------------------------------------------ months and days

    @property
    def bulan_awal(self) -> int:
        return (self.ke - 1) * _PANJANG[self.satuan] + 1

    @property
    def bulan_akhir(self) -> int:
        return self.ke * _PANJANG[self.satuan]

    @property
    def mulai(self) -> dt.date:
        return dt.date(self.tahun, self.bulan_awal, 1)

    @property
    def selesai(self) -> dt.date:
        return dt.date(self.tahun, self.bulan_akhir, calendar.monthrange(self.tahun, self.bulan_akhir)[1])

    def daftar_bulan(self) -> list[str]:
        """The months of the period as "YYYY-MM" codes, in order."""
        return [f"{self.tahun:04d}-{b:02d}" for b in range(self.bulan_awal, self.bulan_akhir + 1)]

    def memuat(self, d: dt.date) -> bool:
        """Whether a date lies within the period."""
        return self.mulai <= d <= self.selesai

    def memuat_bulan(self, kode_bulan: str) -> bool:
        """Whether a month ("YYYY-MM") lies within the period."""
        return kode_bulan in self.daftar_bulan()

    # ------------------------------------------------------------------ names

    @property
    def kode(self) -> str:
        """The code a user types: 2026-03, 2026-TW2, 2026-S1, 2026."""
        if self.satuan == "bulan":
            return f"{self.tahun:04d}-{self.ke:02d}"
        if self.satuan == "triwulan":
            return f"{self.tahun}-TW{self.ke}"
        if self.satuan == "semester":
            return f"{self.tahun}-S{self.ke}"
        return str(self.tahun)

    @property
    def label(self) -> str:
        """How a document names it: "Triwulan I Tahun 2026", "Maret 2026", "Tahun 2026"."""
        if self.satuan == "bulan":
            return f"{nama_bulan(self.ke)} {self.tahun}"
        if self.satuan == "tahun":
            return f"Tahun {self.tahun}"
        return f"{self.satuan.capitalize()} {romawi(self.ke)} Tahun {self.tahun}"

    def __str__(self) -> str:
        return self.kode


def baca_periode(teks: str, asal: str = "--periode", *, bulan: bool = False) -> Periode:
    """"2026-TW2" / "2026-S1" / "2026" (and "2026-03" when `bulan`) → a Periode; anything
    else is an error naming the argument `asal`."""
    s = str(teks).strip().upper()
    if bulan and (m := re.fullmatch(r"(\d{4})-(\d{1,2})", s)) and 1 <= int(m.group(2)) <= 12:
        return Periode(int(m.group(1)), "bulan", int(m.group(2)))
    if m := re.fullmatch(r"(\d{4})-TW([1-4])", s):
        return Periode(int(m.group(1)), "triwulan", int(m.group(2)))
    if m := re.fullmatch(r"(\d{4})-S([12])", s):
        return Periode(int(m.group(1)), "semester", int(m.group(2)))
    if re.fullmatch(r"\d{4}", s):
        return Periode.setahun(int(s))
    contoh = _CONTOH if bulan else _CONTOH.split(", ", 1)[1]
    raise ZiError(f"periode \"{teks}\" harus berbentuk {contoh}", lokasi=f"argumen {asal}")


def baca_bulan(teks: str, asal: str = "--bulan") -> Periode:
    """"2026-03" (also "2026-3") → that month; anything else is an error naming `asal`."""
    m = re.fullmatch(r"(\d{4})-(\d{1,2})", str(teks).strip())
    if not m or not 1 <= int(m.group(2)) <= 12:
        raise ZiError(f"bulan \"{teks}\" harus berbentuk TAHUN-BULAN, mis. 2026-03", lokasi=f"argumen {asal}")
    return Periode(int(m.group(1)), "bulan", int(m.group(2)))
