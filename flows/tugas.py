"""Tasks shared by the flows. Coarse on purpose: one task renders and archives a run's
whole batch (across a process pool sized to the machine), since every task run costs
~20-30 ms of orchestration on these machines and a year's work is only about a second."""

from __future__ import annotations

from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from prefect import get_run_logger, task
from prefect.artifacts import create_table_artifact
from prefect.cache_policies import NO_CACHE
from prefect.runtime import flow_run
from prefect.utilities.annotations import quote

from zi.buat import Keluaran, tulis
from zi.naskah.umum import Naskah
from zi.rencana import Kantor, Rencana, muat_kantor, muat_rencana


def muat_data(rencana: str | None, data: str | None) -> tuple[Rencana, Kantor]:
    """The plan and the office data, validated; a bad file fails the run with its message.

    A plain call rather than a task: it is milliseconds of work and cannot be retried into
    success, so a task run would only add orchestration time."""
    return muat_rencana(rencana), muat_kantor(data)


@task(name="tulis-arsip", cache_policy=NO_CACHE, retries=2, retry_delay_seconds=2)
def tulis_arsip(daftar: list[Naskah], keluaran: str, kertas: str) -> list[Keluaran]:
    """Render and archive the run's documents, one process per core; retried on I/O
    errors (the archive rules make a retry safe: what was already written is recognised
    as unchanged)."""
    return tulis(daftar, Path(keluaran), kertas=kertas, run_id=str(flow_run.get_id() or "lokal"))


def arsipkan(daftar: list[Naskah], keluaran: str, kantor: Kantor) -> list[Keluaran]:
    """One task for the batch, a log line per area, then a table artifact of the run
    (templates are checked by `tulis` before anything is written)."""
    logger = get_run_logger()
    if not daftar:
        logger.info("Tidak ada naskah yang perlu dibuat.")
        laporkan([], keluaran)
        return []
    # quote(): Prefect would otherwise walk every context of the batch looking for futures.
    hasil = tulis_arsip(quote(daftar), keluaran, kantor.instansi.kertas)
    per_area: dict[str, Counter[str]] = defaultdict(Counter)
    for h in hasil:
        per_area[h.naskah.area][h.status] += 1
    for area, hitung in sorted(per_area.items()):
        logger.info("Area %s: %s", area, ", ".join(f"{n} {s}" for s, n in sorted(hitung.items())))
    laporkan(hasil, keluaran)
    for h in hasil:
        if h.status == "konflik":
            logger.warning("KONFLIK: %s disunting orang; draf baru ditulis di sebelahnya", h.jalur)
    return hasil


def laporkan(hasil: list[Keluaran], keluaran: str) -> None:
    akar = Path(keluaran).resolve()
    baris = [{"berkas": h.jalur.as_posix(), "area": h.naskah.area, "jenis": h.naskah.jenis,
              "baris": h.naskah.baris_id, "tanggal": h.naskah.tanggal.isoformat(), "status": h.status,
              "tautan": (akar / h.jalur).as_uri()} for h in hasil]
    create_table_artifact(key="zi-hasil", table=baris or [{"berkas": "-", "status": "tidak ada naskah baru"}],
                          description=f"Hasil run zi: {len(hasil)} naskah di {akar}")


def ringkas(hasil: list[Keluaran]) -> dict[str, Any]:
    hitung: dict[str, int] = defaultdict(int)
    for h in hasil:
        hitung[h.status] += 1
    return {"jumlah": len(hasil), **hitung, "berkas": [h.jalur.as_posix() for h in hasil]}


def tanpa_detak():
    """Settings context without flow-run heartbeats, for flows called in-process.

    Prefect 3.9 joins a sync flow's heartbeat thread on exit, which sleeps in 1 s steps:
    every in-process flow call pays up to 1 s for it. Deployments keep their heartbeats
    (crash detection); tests and the benchmark use this to measure the work itself.
    """
    from prefect.settings import PREFECT_FLOWS_HEARTBEAT_FREQUENCY, temporary_settings

    return temporary_settings(updates={PREFECT_FLOWS_HEARTBEAT_FREQUENCY: None})
