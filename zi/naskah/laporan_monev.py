"""Laporan monev of a row's occurrence: what the plan's area was due to deliver so far.

Status and notes are left as marked blanks until the realisasi tracker exists to fill them.
"""

from __future__ import annotations

from typing import Any

from zi.bahasa import bulan_tahun
from zi.jadwal import Kejadian
from zi.naskah.umum import ISIAN, Bahan, Naskah, konteks_umum, sekretaris

JENIS = "laporan_monev"


def rencana_area(bahan: Bahan, area: str, sampai: Kejadian) -> list[dict[str, str]]:
    """Rows of `area` with an occurrence due up to the report's month, in plan order."""
    batas = (sampai.tahun, sampai.bulan)
    hasil = []
    for jb in bahan.jadwal:
        if jb.baris.area != area:
            continue
        if any((k.tahun, k.bulan) <= batas for k in jb.jadwal.kejadian):
            hasil.append({"id": jb.baris.id, "langkah_aksi": jb.baris.langkah_aksi,
                          "target_waktu": jb.baris.target_waktu, "status": ISIAN, "keterangan": ""})
    return hasil


def naskah(bahan: Bahan, jb: Any, kejadian: Kejadian) -> list[Naskah]:
    baris = jb.baris
    tanggal = kejadian.tanggal()
    k = konteks_umum(bahan, baris, JENIS, tanggal, sekretaris(bahan.kantor))
    k.update(
        judul=baris.komponen.upper(),
        periode=bulan_tahun(kejadian.tahun, kejadian.bulan).upper(),
        tanggal_kegiatan=tanggal,
        rencana_area=rencana_area(bahan, baris.area, kejadian),
        isian="[diisi oleh Tim Pembangunan Zona Integritas]",
    )
    return [Naskah(JENIS, "laporan_monev.docx", baris.id, kejadian, tanggal, "Laporan Monev", k)]
