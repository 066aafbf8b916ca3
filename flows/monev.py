"""Quarterly: the laporan monev documents of the quarter (rows whose evidence is a monev
report, with an occurrence in the quarter's months), then the quarter's own report from the
realisasi tracker (refreshed first, so new occurrences and evidence are in it)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from prefect import flow, get_run_logger, task
from prefect.cache_policies import NO_CACHE
from prefect.runtime import flow_run

from flows.tugas import arsipkan, muat_data, ringkas
from zi.bahasa import ZONA_WAKTU
from zi.buat import rencanakan
from zi.masukan import baca_periode


@task(cache_policy=NO_CACHE)
def laporan_periode(periode: str, keluaran: str, rencana: str | None, data: str | None) -> dict[str, Any]:
    """Refresh the realisasi tracker up to the period's end, then render its laporan monev."""
    from zi.monev import buat_laporan
    from zi.realisasi import perbarui

    akar = Path(keluaran)
    perbarui(akar, periode, rencana=rencana)
    h = buat_laporan(akar, periode, rencana=rencana, data=data, run_id=str(flow_run.get_id() or "lokal"))
    logger = get_run_logger()
    logger.info("Laporan monev %s (%s): %s", h.rekap.label, h.status, h.jalur.as_posix())
    for m in h.rekap.masalah:
        logger.warning("Data realisasi: %s", m)
    return {"jalur": h.jalur.as_posix(), "status": h.status, "masalah": list(h.rekap.masalah)}


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
    hasil = ringkas(arsipkan(daftar, keluaran, kantor))
    lap = laporan_periode(periode, keluaran, rencana, data)
    hasil["laporan_periode"] = lap
    hasil["jumlah"] += 1
    hasil[lap["status"]] = hasil.get(lap["status"], 0) + 1
    hasil["berkas"].append(lap["jalur"])
    return hasil
