"""Daily (working days, 07.00 office time): every draft whose time has come and that the
archive does not hold yet (`zi.layanan.draf_jatuh_tempo`; a day missed is caught up)."""

import datetime as dt
from functools import partial
from pathlib import Path
from typing import Any

from prefect import flow, get_run_logger

from flows.gagal import gagal_bersih
from flows.tugas import catat, id_run, kerjakan, ringkas
from zi import layanan
from zi.bahasa import hari_tanggal


@flow(name="zi-harian", log_prints=False)
@gagal_bersih
def harian(hari_ini: dt.date | None = None, keluaran: str = "outputs", rencana: str | None = None,
           data: str | None = None) -> dict[str, Any]:
    logger = get_run_logger()
    sumber = layanan.muat_sumber(rencana, data, layanan.FLOW)
    hari = hari_ini or sumber.hari_ini()
    h = kerjakan(partial(layanan.draf_jatuh_tempo, sumber, Path(keluaran), hari, id_run()))
    if h.libur:
        logger.info("%s bukan hari kerja (%s): tidak ada yang dibuat.", hari_tanggal(hari), h.libur)
        return ringkas([])
    logger.info("%s: %d draf jatuh tempo dan belum ada di arsip.", hari_tanggal(hari), len(h.keluaran))
    return catat(h.keluaran, keluaran)
