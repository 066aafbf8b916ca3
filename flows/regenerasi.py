"""Ad-hoc: regenerate one area's documents of a month (after a template or data edit).

Changed documents get a new version (the old one kept in `_riwayat`); files a person
edited are never overwritten: the new draft goes beside them.
"""

from __future__ import annotations

from enum import Enum
from typing import Any

from prefect import flow, get_run_logger

from flows.tugas import arsipkan, muat_data, ringkas
from zi.buat import rencanakan, susun_jadwal
from zi.kode import JENIS, KODE_AREA
from zi.masukan import baca_area, baca_bulan, baca_jenis, cek_bulan_rencana


# Dropdowns in the Prefect UI, built from zi's own vocabulary so a new kind appears there too.
Area = Enum("Area", {k: k for k in KODE_AREA}, type=str, module=__name__)
Area.__doc__ = "Area rencana aksi (I–VI)."
JenisNaskah = Enum("JenisNaskah", {j: j for j in JENIS}, type=str, module=__name__)
JenisNaskah.__doc__ = "Jenis naskah."


# Parameters are checked by zi (Indonesian messages naming the parameter), not by Prefect.
@flow(name="zi-regenerasi", validate_parameters=False)
def regenerasi(area: Area, bulan: str, jenis: list[JenisNaskah] | None = None, keluaran: str = "outputs",
               rencana: str | None = None, data: str | None = None) -> dict[str, Any]:
    """Buat ulang naskah satu area pada satu bulan.

    Args:
        area: Area rencana aksi (I–VI).
        bulan: Bulan kejadian, TAHUN-BULAN, mis. 2026-07.
        jenis: Jenis naskah; kosong berarti semua jenis.
        keluaran: Akar arsip.
        rencana: Berkas rencana aksi YAML (kosong: data bawaan).
        data: Folder instansi.yaml, pegawai.yaml, tim.yaml (kosong: data bawaan).
    """
    kode_area = baca_area(area, "area")
    kode_bulan = baca_bulan(bulan, "bulan")
    daftar_jenis = baca_jenis(jenis, "jenis")
    r, kantor = muat_data(rencana, data)
    cek_bulan_rencana(kode_bulan, r, susun_jadwal(r))
    daftar = rencanakan(r, kantor, bulan=kode_bulan, area=kode_area, jenis=daftar_jenis)
    get_run_logger().info("Regenerasi area %s bulan %s: %d naskah.", kode_area, kode_bulan, len(daftar))
    return ringkas(arsipkan(daftar, keluaran, kantor))
