"""What every flow shares: the one task that runs a use case, the run's log lines and its
table artifact. Coarse on purpose: one task runs a whole use case (rendering a batch across
a process pool sized to the machine), since a task run costs ~20-30 ms of orchestration
here and a year's work is about a second."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from prefect import get_run_logger, task
from prefect.artifacts import create_table_artifact
from prefect.cache_policies import NO_CACHE
from prefect.runtime import flow_run
from prefect.utilities.annotations import quote

from zi.galat import ZiError

T = TypeVar("T")


def id_run() -> str:
    """The flow run's id, recorded with every document it writes."""
    return str(flow_run.get_id() or "lokal")


@task(name="tulis-arsip", cache_policy=NO_CACHE, retries=2, retry_delay_seconds=2)
def _tulis_arsip(kerja: Callable[[], T]) -> T | ZiError:
    """Run one use case. Retried on I/O errors (the archive's policy makes a retry safe:
    what was already written is recognised as unchanged); bad input is returned, not
    raised, so it is neither retried nor logged as a crash."""
    try:
        return kerja()
    except ZiError as e:
        return e


def kerjakan(kerja: Callable[[], T]) -> T:
    """The use case `kerja` (a call with its arguments bound) as the run's task; bad input
    is raised in the flow, where `flows.gagal.gagal_bersih` turns it into a Failed state."""
    # quote(): Prefect would otherwise walk every argument looking for futures.
    hasil = _tulis_arsip(quote(kerja))
    if isinstance(hasil, ZiError):
        raise hasil
    return hasil


def catat(hasil: list[Any], keluaran: str) -> dict[str, Any]:
    """A log line per area, a warning per conflict, the table artifact; returns the
    run's summary (how many documents in each state, and their paths)."""
    logger = get_run_logger()
    if not hasil:
        logger.info("Tidak ada naskah yang perlu dibuat.")
    per_area: dict[str, Counter[str]] = defaultdict(Counter)
    for h in hasil:
        per_area[h.naskah.area][h.status] += 1
    for area, hitung in sorted(per_area.items()):
        logger.info("Area %s: %s", area, ", ".join(f"{n} {s}" for s, n in sorted(hitung.items())))
    laporkan(hasil, keluaran)
    for h in hasil:
        if h.status == "konflik":
            logger.warning("KONFLIK: %s disunting orang; draf baru ditulis di sebelahnya", h.jalur)
    return ringkas(hasil)


def kunci_artefak() -> str:
    """`zi-hasil`, or `zi-hasil-<kode>` when the run has an office folder (`data`), so each
    office of a fan-out keeps its own artifact history (keys: lowercase, digits, dashes)."""
    from zi.layanan import kode_kantor

    data = (flow_run.parameters or {}).get("data")
    return f"zi-hasil-{kode_kantor(data)}" if data and kode_kantor(data) else "zi-hasil"


def laporkan(hasil: list[Any], keluaran: str) -> None:
    """The run's table artifact (`kunci_artefak()`): one line per document, with a link."""
    akar = Path(keluaran).resolve()
    baris = [{"berkas": h.jalur.as_posix(), "area": h.naskah.area, "jenis": h.naskah.jenis,
              "baris": ", ".join(h.naskah.baris), "tanggal": h.naskah.tanggal.isoformat(), "status": h.status,
              "tautan": (akar / h.jalur).as_uri()} for h in hasil]
    create_table_artifact(key=kunci_artefak(), table=baris or [{"berkas": "-", "status": "tidak ada naskah baru"}],
                          description=f"Hasil run zi: {len(hasil)} naskah di {akar}")


def ringkas(hasil: list[Any]) -> dict[str, Any]:
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
