"""Checking what a person asks for (CLI arguments, flow parameters), with Indonesian
messages: the CLI and the Prefect flows accept and refuse exactly the same things."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from zi.galat import ZiError
from zi.kode import JENIS, KODE_AREA

if TYPE_CHECKING:
    from zi.rencana import Rencana


def baca_bulan(teks: str, asal: str = "--bulan") -> str:
    """"2026-03" (also "2026-3"); anything else is an error naming the argument."""
    m = re.fullmatch(r"(\d{4})-(\d{1,2})", str(teks).strip())
    if not m or not 1 <= int(m.group(2)) <= 12:
        raise ZiError(f"bulan \"{teks}\" harus berbentuk TAHUN-BULAN, mis. 2026-03", lokasi=f"argumen {asal}")
    return f"{m.group(1)}-{int(m.group(2)):02d}"


def baca_area(teks: str | None, asal: str = "--area") -> str | None:
    if teks is None or str(teks).strip() == "":
        return None
    kode = str(getattr(teks, "value", teks)).strip().upper()
    if kode not in KODE_AREA:
        raise ZiError(f"area \"{teks}\" tidak dikenal; pilih salah satu: {', '.join(KODE_AREA)}", lokasi=f"argumen {asal}")
    return kode


def baca_jenis(nilai: str | Iterable[str] | None, asal: str = "--jenis") -> tuple[str, ...] | None:
    """Kinds as "a,b" or a list; None (or empty) means every kind."""
    if not nilai:
        return None
    daftar = nilai.split(",") if isinstance(nilai, str) else list(nilai)
    hasil = tuple(str(getattr(j, "value", j)).strip() for j in daftar if str(j).strip())
    salah = [j for j in hasil if j not in JENIS]
    if salah:
        raise ZiError(f"jenis naskah \"{salah[0]}\" tidak dikenal; pilih dari: {', '.join(JENIS)}", lokasi=f"argumen {asal}")
    return hasil or None


def cek_bulan_rencana(bulan: str, rencana: Rencana, jadwal: Iterable) -> None:
    """A month outside the plan's year with nothing scheduled is almost surely a typo."""
    if int(bulan[:4]) != rencana.tahun and not any(k.kode_bulan == bulan for jb in jadwal for k in jb.jadwal.kejadian):
        raise ZiError(f"bulan {bulan} di luar rencana tahun {rencana.tahun}", lokasi="argumen bulan")


def baca_periode(teks: str, asal: str = "--periode") -> tuple[int, int, int, str]:
    """"2026-TW2" / "2026-S1" / "2026" → (year, first month, last month, label)."""
    from zi.bahasa import romawi

    s = str(teks).strip().upper()
    if m := re.fullmatch(r"(\d{4})-TW([1-4])", s):
        t, n = int(m.group(1)), int(m.group(2))
        return t, 3 * n - 2, 3 * n, f"Triwulan {romawi(n)} Tahun {t}"
    if m := re.fullmatch(r"(\d{4})-S([12])", s):
        t, n = int(m.group(1)), int(m.group(2))
        return t, 6 * n - 5, 6 * n, f"Semester {romawi(n)} Tahun {t}"
    if re.fullmatch(r"\d{4}", s):
        return int(s), 1, 12, f"Tahun {s}"
    raise ZiError(f"periode \"{teks}\" harus berbentuk 2026-TW1 … 2026-TW4, 2026-S1, 2026-S2 atau 2026",
                  lokasi=f"argumen {asal}")
