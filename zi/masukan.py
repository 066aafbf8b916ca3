"""Checking what a person asks for (CLI arguments, flow parameters), with Indonesian
messages. The use cases (`zi.layanan`) call these, so the CLI and the Prefect flows accept
and refuse exactly the same things. Periods and months are `zi.periode`'s."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from zi.galat import ZiError
from zi.kode import JENIS, KODE_AREA
from zi.periode import baca_bulan as _baca_bulan

if TYPE_CHECKING:
    from zi.naskah.umum import JadwalBaris
    from zi.rencana import Rencana


def baca_bulan(teks: str, asal: str = "--bulan") -> str:
    """"2026-03" (also "2026-3") → "2026-03"; anything else is an error naming the argument.
    (The month's code; `zi.periode.baca_bulan` gives the Periode itself.)"""
    return _baca_bulan(teks, asal).kode


def baca_area(teks: str | None, asal: str = "--area") -> str | None:
    """An area code I–VI (any case; an Enum member's value); empty means every area."""
    if teks is None or str(getattr(teks, "value", teks)).strip() == "":
        return None
    kode = str(getattr(teks, "value", teks)).strip().upper()
    if kode not in KODE_AREA:
        raise ZiError(f"area \"{getattr(teks, 'value', teks)}\" tidak dikenal; pilih salah satu: {', '.join(KODE_AREA)}",
                      lokasi=f"argumen {asal}")
    return kode


def baca_jenis(nilai: str | Iterable[str] | None, asal: str = "--jenis") -> tuple[str, ...] | None:
    """Kinds as "a,b" or a list; None (or empty) means every kind."""
    if not nilai:
        return None
    daftar = nilai.split(",") if isinstance(nilai, str) else list(nilai)
    hasil = tuple(str(getattr(j, "value", j)).strip() for j in daftar if str(getattr(j, "value", j)).strip())
    salah = [j for j in hasil if j not in JENIS]
    if salah:
        raise ZiError(f"jenis naskah \"{salah[0]}\" tidak dikenal; pilih dari: {', '.join(JENIS)}", lokasi=f"argumen {asal}")
    return hasil or None


def cek_bulan_rencana(bulan: str, rencana: Rencana, jadwal: Iterable[JadwalBaris]) -> None:
    """A month outside the plan's year with nothing scheduled is almost surely a typo."""
    if int(bulan[:4]) != rencana.tahun and not any(k.kode_bulan == bulan for jb in jadwal for k in jb.jadwal.kejadian):
        raise ZiError(f"bulan {bulan} di luar rencana tahun {rencana.tahun}", lokasi="argumen bulan")
