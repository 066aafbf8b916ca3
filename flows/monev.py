"""Quarterly: the laporan monev documents of the quarter (rows whose evidence is a monev
report, with an occurrence in the quarter's months)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from prefect import flow, get_run_logger

from flows.tugas import arsipkan_per_area, muat_data, ringkas
from zi.bahasa import ZONA_WAKTU
from zi.buat import rencanakan
from zi.masukan import baca_periode


@flow(name="zi-monev-triwulan", validate_parameters=False)
def monev_triwulan(periode: str | None = None, keluaran: str = "outputs", rencana: str | None = None,
                   data: str | None = None) -> dict[str, Any]:
    """`periode`: "2026-TW2" (default: the quarter of today in WIB)."""
    if not periode:
        hari_ini = dt.datetime.now(ZONA_WAKTU).date()
        periode = f"{hari_ini.year}-TW{(hari_ini.month - 1) // 3 + 1}"
    tahun, awal, akhir, label = baca_periode(periode, "periode")
    r, kantor = muat_data(rencana, data)
    daftar = [n for n in rencanakan(r, kantor, tahun=tahun, jenis=("laporan_monev",))
              if awal <= n.kejadian.bulan <= akhir]
    get_run_logger().info("Laporan monev %s: %d naskah.", label, len(daftar))
    return ringkas(arsipkan_per_area(daftar, keluaran, kantor))
