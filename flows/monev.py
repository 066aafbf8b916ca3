"""Quarterly: the period's monev (`zi.layanan.monev_periode`, exactly what `zi monev`
does): the rows' monev drafts of the quarter, the realisasi tracker refreshed, then the
quarter's own report rendered from it."""


from functools import partial
from pathlib import Path
from typing import Any

from prefect import flow, get_run_logger

from flows.gagal import gagal_bersih
from flows.tugas import catat, id_run, kerjakan
from zi import layanan


@flow(name="zi-monev-triwulan", validate_parameters=False)
@gagal_bersih
def monev_triwulan(periode: str | None = None, keluaran: str = "outputs", rencana: str | None = None,
                   data: str | None = None) -> dict[str, Any]:
    """`periode`: "2026-TW2" (default: the quarter of today, office time)."""
    sumber = layanan.muat_sumber(rencana, data, layanan.FLOW)
    h = kerjakan(partial(layanan.monev_periode, sumber, Path(keluaran), periode, run_id=id_run(),
                         awalan=layanan.FLOW))
    logger = get_run_logger()
    logger.info("Laporan monev %s: %d naskah.", h.periode.label, len(h.draf))
    hasil = catat(h.draf, keluaran)
    lap = h.laporan
    logger.info("Laporan monev %s (%s): %s", lap.rekap.label, lap.status, lap.jalur.as_posix())
    for m in lap.rekap.masalah:
        logger.warning("Data realisasi: %s", m)
    hasil["laporan_periode"] = {"jalur": lap.jalur.as_posix(), "status": lap.status, "masalah": list(lap.rekap.masalah)}
    hasil["jumlah"] += 1
    hasil[lap.status] = hasil.get(lap.status, 0) + 1
    hasil["berkas"].append(lap.jalur.as_posix())
    return hasil
