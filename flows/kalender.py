"""The deployments' schedules, computed from the office's calendar (`zi.jadwal_layanan`).

One function, `jadwal_kalender`, is both a build step of prefect.yaml (so `prefect deploy`
computes the schedules) and what `zi serve` runs through the same file: the two cannot
disagree. The rules themselves (working days, the quarter's last working day) are the
core's: `zi.jadwal_layanan`, reached through `zi.layanan.jadwal_layanan`.
"""

from __future__ import annotations

import sys
from pathlib import Path

from zi import layanan
from zi.galat import ZiError

PESAN_ZI_HOME = ("ZI_HOME belum disetel: setel ke folder proyek zi sebelum `prefect deploy` "
                 "(mis. `export ZI_HOME=$PWD`); setiap worker juga perlu ZI_HOME ke salinan proyek "
                 "yang sama di mesinnya")


def cek_zi_home(zi_home: str | None) -> Path:
    """The project folder the deployments run in; refused when unset or not a zi checkout."""
    if not zi_home or "{{" in zi_home:
        raise ZiError(PESAN_ZI_HOME)
    akar = Path(zi_home).expanduser().resolve()
    if not (akar / "prefect.yaml").is_file() or not (akar / "flows").is_dir():
        raise ZiError(f"ZI_HOME={zi_home} bukan folder proyek zi (tidak ada prefect.yaml dan flows/)")
    return akar


def jadwal_kalender(zi_home: str | None = None, data: str = "data", pukul: str = "07:00") -> dict[str, str]:
    """Build step: the schedules of the office in `ZI_HOME/<data>` (its plan year and zone).

    Returns {"harian", "monev": RRULE sets, "zona": the office's zone, "tahun", "zi_home"}.
    """
    try:
        akar = cek_zi_home(zi_home)
        jadwal = layanan.jadwal_layanan(akar / data, pukul)
    except ZiError as e:
        # SystemExit passes through Prefect's step runner: `prefect deploy` (and `zi serve`)
        # end with this one line and status 2 instead of two chained tracebacks.
        print(f"zi: {e}", file=sys.stderr)
        raise SystemExit(2) from None
    return {**jadwal, "zi_home": str(akar)}
