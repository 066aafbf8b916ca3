"""`zi serve`: the deployments declared in prefect.yaml, served in one process against
whatever Prefect API is configured (a temporary local server on 127.0.0.1 when none is).

prefect.yaml is the single source of the schedules: this reads it rather than repeating
them, so `zi serve` and `prefect deploy` cannot drift apart.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from typing import Any

import yaml
from prefect import serve
from prefect.schedules import Cron

AKAR = Path(__file__).resolve().parent.parent


def deployment_proyek(berkas: Path = AKAR / "prefect.yaml") -> list[dict[str, Any]]:
    return yaml.safe_load(berkas.read_text(encoding="utf-8"))["deployments"]


def muat_flow(entrypoint: str) -> Any:
    """"flows/harian.py:harian" → the flow object."""
    jalur, nama = entrypoint.split(":")
    modul = ".".join(Path(jalur).with_suffix("").parts)
    if str(AKAR) not in sys.path:
        sys.path.insert(0, str(AKAR))
    return getattr(importlib.import_module(modul), nama)


def layani(keluaran: str = "outputs") -> None:
    deployments = []
    for d in deployment_proyek():
        jadwal = [Cron(s["cron"], timezone=s["timezone"]) for s in d.get("schedules", [])]
        parameter = {**d.get("parameters", {}), "keluaran": keluaran}
        deployments.append(muat_flow(d["entrypoint"]).to_deployment(
            name=d["name"], schedules=jadwal, parameters=parameter, description=d.get("description")))
    serve(*deployments)
