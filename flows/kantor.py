"""Many offices: one flow run per office folder of `kantor/`, fanned out over the work pool.

Every office is loaded and checked first (one bad folder fails the run before any office's
run is started); then each office gets its own run of the `harian` or `monev-triwulan`
deployment, with `data` = its folder and `keluaran` = `<keluaran>/<kode>/`. Paths are passed
as given (relative ones resolve in each worker's ZI_HOME), so workers on other machines
find the same folders. The fan-out ends once every office's run is queued: it does not
hold a worker slot while they run; each office's run reports its own result.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any, Literal

from prefect import flow, get_run_logger
from prefect.artifacts import create_table_artifact
from prefect.deployments import run_deployment

from flows.gagal import gagal_bersih
from zi.galat import ZiError
from zi.layanan import FLOW, daftar_kantor

DEPLOYMENT = {"harian": "zi-harian/harian", "monev-triwulan": "zi-monev-triwulan/monev-triwulan"}


def _parameter(tugas: str, data: Path, keluaran: Path, hari_ini: dt.date | None, periode: str | None) -> dict[str, Any]:
    p: dict[str, Any] = {"data": str(data), "keluaran": str(keluaran)}
    if tugas == "harian" and hari_ini:
        p["hari_ini"] = hari_ini.isoformat() if isinstance(hari_ini, dt.date) else str(hari_ini)
    if tugas == "monev-triwulan" and periode:
        p["periode"] = periode
    return p


@flow(name="zi-semua-kantor", validate_parameters=False)
@gagal_bersih
def semua_kantor(folder: str = "kantor", tugas: Literal["harian", "monev-triwulan"] = "harian",
                 keluaran: str = "outputs", hari_ini: dt.date | None = None, periode: str | None = None,
                 deployment: str | None = None) -> list[dict[str, str]]:
    """Satu run per kantor di `folder` (kantor/<kode>/), arsip tiap kantor di keluaran/<kode>/.

    Args:
        folder: Folder berisi satu folder per kantor.
        tugas: harian atau monev-triwulan.
        keluaran: Akar arsip; tiap kantor di subfolder kodenya.
        hari_ini: Untuk tugas harian: tanggal yang diproses (kosong: hari ini di zona kantor).
        periode: Untuk monev-triwulan: mis. 2026-TW2 (kosong: triwulan hari ini).
        deployment: Deployment per kantor (bawaan: zi-harian/harian atau zi-monev-triwulan/monev-triwulan).
    """
    if tugas not in DEPLOYMENT:
        raise ZiError(f"tugas \"{tugas}\" tidak dikenal; pilih {' atau '.join(DEPLOYMENT)}", lokasi="argumen tugas")
    daftar = daftar_kantor(folder, FLOW)
    logger = get_run_logger()
    nama = deployment or DEPLOYMENT[tugas]
    runs = []
    for k in daftar:
        fr = run_deployment(nama, parameters=_parameter(tugas, k.folder, Path(keluaran) / k.kode, hari_ini, periode),
                            timeout=0, flow_run_name=f"{k.kode}-{tugas}", tags=[f"kantor-{k.kode}"])
        runs.append({"kode": k.kode, "instansi": k.sumber.kantor.instansi.nama, "run": fr.name, "id": str(fr.id)})
    logger.info("%d kantor, %d run %s diantrekan ke %s.", len(daftar), len(runs), tugas, nama)
    create_table_artifact(key="zi-semua-kantor", table=runs, description=f"Run {tugas} per kantor dari {folder}")
    return runs
