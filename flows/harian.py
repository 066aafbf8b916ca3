"""Daily (working days, 07.00 WIB): every draft whose time has come and that the archive
does not hold yet. Catching up is natural: a day missed is covered by the next run."""

from __future__ import annotations

import datetime as dt
from typing import Any

from prefect import flow, get_run_logger

from flows.tugas import arsipkan, muat_data, ringkas
from zi.bahasa import ZONA_WAKTU, hari_tanggal
from zi.buat import jatuh_tempo, rencanakan
from zi.kalender import hari_kerja, nama_libur
from zi.arsip.registri import Registri


@flow(name="zi-harian", log_prints=False)
def harian(hari_ini: dt.date | None = None, keluaran: str = "outputs", rencana: str | None = None,
           data: str | None = None) -> dict[str, Any]:
    logger = get_run_logger()
    hari_ini = hari_ini or dt.datetime.now(ZONA_WAKTU).date()
    if not hari_kerja(hari_ini):
        logger.info("%s bukan hari kerja (%s): tidak ada yang dibuat.", hari_tanggal(hari_ini),
                    nama_libur(hari_ini) or "akhir pekan")
        return ringkas([])
    r, kantor = muat_data(rencana, data)
    from pathlib import Path

    with Registri.buka(Path(keluaran), tulis=False) as reg:
        sudah = reg.kunci_ada()
    daftar = jatuh_tempo(rencanakan(r, kantor), hari_ini, kantor.instansi.draf_hari_kerja_sebelum, sudah)
    logger.info("%s: %d draf jatuh tempo dan belum ada di arsip.", hari_tanggal(hari_ini), len(daftar))
    return ringkas(arsipkan(daftar, keluaran, kantor))
