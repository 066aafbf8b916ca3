"""The one generation pipeline: plan → occurrences → contexts → files.

The CLI and the Prefect flows both call these functions, so they behave the same.
"""

from __future__ import annotations

from dataclasses import dataclass

from zi.jadwal import Jadwal, Kejadian, baca_untuk_baris
from zi.naskah import jenis_baris
from zi.rencana import Baris, Rencana


@dataclass(frozen=True)
class JadwalBaris:
    """A plan row with its reading of the target time and the documents it produces."""

    baris: Baris
    jadwal: Jadwal
    jenis: tuple[str, ...]

    def kejadian_dalam(self, bulan: str | None = None) -> list[Kejadian]:
        return [k for k in self.jadwal.kejadian if bulan is None or k.kode_bulan == bulan]


def susun_jadwal(rencana: Rencana, area: str | None = None) -> list[JadwalBaris]:
    """Read every row's schedule (the `jadwal` override where present).

    The first unreadable row raises `ZiError` naming the file, the row id and the text.
    """
    return [jadwal_baris(rencana, b) for b in rencana.baris if not area or b.area == area]


def jadwal_baris(rencana: Rencana, baris: Baris) -> JadwalBaris:
    """One row's schedule; its `jadwal` override, when present, is what gets read."""
    jadwal = baca_untuk_baris(baris.id, baris.frasa_jadwal, rencana.tahun, rencana.berkas)
    if baris.jadwal:
        jadwal = Jadwal(
            teks=baris.target_waktu, bentuk=jadwal.bentuk, kejadian=jadwal.kejadian,
            peringatan=(f"dibaca dari kolom jadwal: \"{baris.jadwal}\"", *jadwal.peringatan),
        )
    return JadwalBaris(baris, jadwal, jenis_baris(baris))
