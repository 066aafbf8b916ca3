"""`zi serve`: the deployments of prefect.yaml served in one process, against a lasting
Prefect server (its own one on 127.0.0.1 when no PREFECT_API_URL is set).

A temporary server (what Prefect starts when no API is configured) runs no scheduler, so
nothing would ever fire: this starts `prefect server start`, waits until it is healthy,
serves, and stops both on Ctrl+C or SIGTERM. prefect.yaml is the single source of the
deployments: this reads it and runs its build steps (the calendar's schedules, see
flows/kalender.py) exactly as `prefect deploy` does, so the two cannot drift apart.

Served deployments are named `<name>-serve-<6 hex>` (of the host and the archive path):
Prefect pauses what a `serve` registered when it stops, and distinct names keep that away
from the deployments `prefect deploy` made for the workers.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import importlib
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml

from zi.galat import ZiError

AKAR = Path(__file__).resolve().parent.parent
TANDA_KOLAM = "banyak-kantor"  # deployments with this tag need a work pool; `zi serve` skips them
BATAS_SIAP = 180.0  # seconds a fresh server may take to become healthy on a busy machine
# Our server's scheduler plans at least 10 runs per deployment, up to 400 days ahead (Prefect's
# defaults, 3 runs and 100 days, show one quarterly run): the UI lists the coming year's quarters.
PENJADWAL = {"PREFECT_SERVER_SERVICES_SCHEDULER_MIN_RUNS": "10",
             "PREFECT_SERVER_SERVICES_SCHEDULER_MAX_SCHEDULED_TIME": "P400D"}


def deployment_proyek(berkas: Path = AKAR / "prefect.yaml") -> dict[str, Any]:
    return yaml.safe_load(berkas.read_text(encoding="utf-8"))


def muat_flow(entrypoint: str) -> Any:
    """"flows/harian.py:harian" → the flow object."""
    jalur, nama = entrypoint.split(":")
    modul = ".".join(Path(jalur).with_suffix("").parts)
    if str(AKAR) not in sys.path:
        sys.path.insert(0, str(AKAR))
    return getattr(importlib.import_module(modul), nama)


def akhiran_layan(keluaran: Path) -> str:
    """"serve-3fa2c1": the same for one archive on one host, so a restart updates in place."""
    return "serve-" + hashlib.sha1(f"{socket.gethostname()}:{keluaran}".encode()).hexdigest()[:6]


# --------------------------------------------------------------------------- the server

def cek_port(port: int) -> None:
    """Refuse a port another program listens on, before anything is started."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        # As the server binds (SO_REUSEADDR): a port left in TIME_WAIT by a stopped server is
        # free, one with a listener is not.
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind(("127.0.0.1", port))
        except OSError:
            raise ZiError(f"port {port} sudah dipakai program lain; pilih port lain dengan --port",
                          lokasi="argumen --port") from None


def sehat(url_api: str, batas_waktu: float = 5.0) -> bool:
    import httpx

    try:
        return httpx.get(f"{url_api.rstrip('/')}/health", timeout=batas_waktu).status_code == 200
    except httpx.HTTPError:
        return False


def cek_api(url_api: str) -> None:
    if not sehat(url_api):
        raise ZiError(f"server Prefect di PREFECT_API_URL={url_api} tidak bisa dihubungi; nyalakan servernya "
                      "atau hapus PREFECT_API_URL agar zi serve menjalankan server sendiri")


@contextlib.contextmanager
def server_lokal(port: int, rumah: Path, env: dict[str, str] | None = None) -> Iterator[str]:
    """`prefect server start` on 127.0.0.1:`port` (database in `rumah`), yields its API URL
    once healthy; stopped (and waited for) on exit. `env` adds settings, e.g. a PostgreSQL
    PREFECT_API_DATABASE_CONNECTION_URL."""
    cek_port(port)
    rumah.mkdir(parents=True, exist_ok=True)
    url = f"http://127.0.0.1:{port}/api"
    # The UI asks /ui-settings for the API's address, built from these, not from --port.
    lingkungan = {**os.environ, "PREFECT_HOME": str(rumah), "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
                  "PREFECT_SERVER_API_HOST": "127.0.0.1", "PREFECT_SERVER_API_PORT": str(port),
                  "PREFECT_UI_API_URL": url, **PENJADWAL, **(env or {})}
    lingkungan.pop("PREFECT_API_URL", None)
    log = rumah / "server.log"
    with log.open("ab") as keluaran:
        # Own session: a Ctrl+C in the terminal reaches zi only, which stops the runner first
        # (it pauses its deployments through this server) and then the server.
        proses = subprocess.Popen(
            [sys.executable, "-m", "prefect", "server", "start", "--host", "127.0.0.1", "--port", str(port)],
            stdout=keluaran, stderr=subprocess.STDOUT, env=lingkungan, start_new_session=True)
    try:
        _tunggu_sehat(proses, url, log)
        yield url
    finally:
        _hentikan(proses)


def _tunggu_sehat(proses: subprocess.Popen[bytes], url: str, log: Path) -> None:
    batas = time.monotonic() + BATAS_SIAP
    while not sehat(url, 1.0):
        if proses.poll() is not None:
            ekor = log.read_text(encoding="utf-8", errors="replace").strip().splitlines()[-5:]
            raise ZiError("server Prefect berhenti sebelum siap: " + " | ".join(ekor), log)
        if time.monotonic() > batas:
            raise ZiError(f"server Prefect belum siap setelah {BATAS_SIAP:.0f} detik", log)
        time.sleep(0.25)


def _hentikan(proses: subprocess.Popen[bytes]) -> None:
    if proses.poll() is None:
        proses.terminate()
        try:
            proses.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proses.kill()
            proses.wait()


# --------------------------------------------------------------------------- the deployments

def jalankan_build(proyek: dict[str, Any]) -> dict[str, Any]:
    """prefect.yaml's build steps, as `prefect deploy` runs them (Prefect's `run_step`: the
    step's inputs templated with earlier outputs and the environment, the function called,
    its result stored under its id), called directly: Prefect's runner would also resolve
    blocks and variables through the API, which prefect.yaml does not use and which would
    start a temporary server before ours."""
    from prefect.utilities.importtools import import_object
    from prefect.utilities.templating import apply_values

    os.environ.setdefault("ZI_HOME", str(AKAR))
    hasil: dict[str, Any] = {}
    for langkah in proyek.get("build") or []:
        (nama, masukan), = langkah.items()
        masukan = apply_values(apply_values(dict(masukan), hasil), os.environ)
        kunci = masukan.pop("id", None)
        keluaran = import_object(nama)(**masukan)
        if kunci and isinstance(keluaran, dict):
            hasil[kunci] = keluaran
    return hasil


def _jadwal(d: dict[str, Any]) -> list[Any]:
    from prefect.schedules import Cron, RRule

    hasil = []
    for s in d.get("schedules") or []:
        if "rrule" in s:
            hasil.append(RRule(s["rrule"], timezone=s.get("timezone"), parameters=s.get("parameters") or {}))
        else:
            hasil.append(Cron(s["cron"], timezone=s.get("timezone"), parameters=s.get("parameters") or {}))
    return hasil


def deployment_layan(keluaran: Path) -> list[Any]:
    """The single-office deployments of prefect.yaml, templated by its build steps, named
    with this archive's suffix and writing into `keluaran`."""
    from prefect.utilities.templating import apply_values

    proyek = deployment_proyek()
    hasil_build = jalankan_build(proyek)
    akhiran = akhiran_layan(keluaran)
    daftar = []
    for d in proyek["deployments"]:
        if TANDA_KOLAM in (d.get("tags") or []):
            continue
        d = apply_values(d, hasil_build)
        parameter = {**d.get("parameters", {}), "keluaran": str(keluaran)}
        daftar.append(muat_flow(d["entrypoint"]).to_deployment(
            name=f"{d['name']}-{akhiran}", schedules=_jadwal(d), parameters=parameter,
            description=d.get("description"), tags=["zi-serve"], paused=False))
    return daftar


def _sigterm_sebagai_ctrl_c() -> None:
    """Until Prefect's runner installs its own handler, SIGTERM stops zi like Ctrl+C does
    (the default would end the process without stopping the server)."""
    def tangani(*_: Any) -> None:
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, tangani)
    # Started in the background by a script, SIGINT arrives ignored: Ctrl+C/kill -INT must stop us.
    signal.signal(signal.SIGINT, signal.default_int_handler)


def layani(keluaran: Path, port: int) -> None:
    """Serve the deployments; own server unless PREFECT_API_URL is set. Returns on Ctrl+C/SIGTERM.
    Everything that can be refused (port, API, the office's data) is checked before starting."""
    _sigterm_sebagai_ctrl_c()
    url = os.environ.get("PREFECT_API_URL")
    if url:
        cek_api(url)
    else:
        cek_port(port)
    daftar = deployment_layan(keluaran)
    if url:
        _layani_di(url, daftar, keluaran, server_sendiri=False)
        return
    rumah = Path(os.environ.get("PREFECT_HOME") or keluaran / ".zi" / "prefect")
    print(f"Menyalakan server Prefect di 127.0.0.1:{port} (basis data di {rumah}) …", flush=True)
    with server_lokal(port, rumah) as url:
        _layani_di(url, daftar, keluaran, server_sendiri=True)


def _layani_di(url: str, daftar: list[Any], keluaran: Path, server_sendiri: bool) -> None:
    os.environ["PREFECT_API_URL"] = url  # the runner's flow-run processes read it too
    from prefect import serve
    from prefect.settings import PREFECT_API_URL, temporary_settings

    with temporary_settings(updates={PREFECT_API_URL: url}):
        print(f"UI Prefect: {url.removesuffix('/api')}", flush=True)
        print("Deployment: " + ", ".join(f"{d.flow_name}/{d.name}" for d in daftar), flush=True)
        print(f"Arsip: {keluaran}. Hentikan dengan Ctrl+C.", flush=True)
        serve(*daftar, print_starting_message=False)
    print("Jadwal zi dihentikan" + ("; server Prefect dimatikan." if server_sendiri else "."), flush=True)
