"""`zi serve` for real: its own lasting Prefect server, whose scheduler creates the daily
and quarterly runs on the office's working days; Ctrl+C leaves no process and no port.

Dates are checked against the `holidays` package and the office's instansi.yaml directly.
"""

from __future__ import annotations

import datetime as dt
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from zoneinfo import ZoneInfo

import holidays
import httpx
import pytest
import yaml

from tests.bantu import AKAR, DATA

BATAS = 120.0  # seconds: server start, deployment and the scheduler's first runs


def _port_bebas() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _env_tanpa_api() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if not k.startswith(("PREFECT_API_URL", "PREFECT_HOME"))}


def _libur(tahun: int) -> set[dt.date]:
    return set(holidays.country_holidays("ID", years=[tahun, tahun + 1], categories=("public", "government")))


def _hari_kerja(d: dt.date) -> bool:
    return d.weekday() < 5 and d not in _libur(d.year)


def _proses_dengan(*kata: str) -> list[int]:
    """Pids whose command line holds every word (read from /proc, nothing else needed)."""
    hasil = []
    for p in Path("/proc").iterdir():
        if p.name.isdigit():
            try:
                argv = (p / "cmdline").read_bytes().split(b"\0")
            except OSError:
                continue
            if all(k.encode() in argv for k in kata):
                hasil.append(int(p.name))
    return hasil


def _tunggu(syarat, batas: float, pesan: str):
    akhir = time.monotonic() + batas
    while time.monotonic() < akhir:
        hasil = syarat()
        if hasil:
            return hasil
        time.sleep(0.5)
    pytest.fail(pesan)


def _run_terjadwal(api: str) -> dict[str, list[dt.datetime]]:
    """Scheduled runs per deployment name, read from the server's REST API."""
    try:
        nama = {d["id"]: d["name"] for d in httpx.post(f"{api}/deployments/filter", json={}, timeout=5).json()}
        runs = httpx.post(f"{api}/flow_runs/filter", timeout=5, json={
            "flow_runs": {"state": {"type": {"any_": ["SCHEDULED"]}}}, "limit": 200}).json()
    except httpx.HTTPError:
        return {}
    hasil: dict[str, list[dt.datetime]] = {}
    for r in runs:
        hasil.setdefault(nama.get(r["deployment_id"], "?"), []).append(dt.datetime.fromisoformat(r["expected_start_time"]))
    return hasil


def test_serve_menjadwalkan_hari_kerja_dan_berhenti_bersih(tmp_path):
    port = _port_bebas()
    arsip = tmp_path / "arsip"
    log = tmp_path / "serve.log"
    zona = ZoneInfo(yaml.safe_load((DATA / "instansi.yaml").read_text(encoding="utf-8")).get("zona_waktu", "Asia/Jakarta"))
    with log.open("w") as keluar:
        proses = subprocess.Popen([sys.executable, "-m", "zi.cli", "serve", "--port", str(port), "--keluaran", str(arsip)],
                                  cwd=AKAR, env=_env_tanpa_api(), stdout=keluar, stderr=subprocess.STDOUT)
    try:
        api = f"http://127.0.0.1:{port}/api"
        _tunggu(lambda: "UI Prefect: http://127.0.0.1:%d" % port in log.read_text() or proses.poll() is not None,
                BATAS, "zi serve tidak siap")
        assert proses.poll() is None, log.read_text()
        runs = _tunggu(lambda: (lambda r: r if any(k.startswith("harian-serve-") for k in r)
                                and any(k.startswith("monev-triwulan-serve-") for k in r) else None)(_run_terjadwal(api)),
                       BATAS, f"penjadwal tidak membuat run harian dan monev: {log.read_text()}")
        harian = sorted(t.astimezone(zona) for k, v in runs.items() if k.startswith("harian-") for t in v)
        monev = sorted(t.astimezone(zona) for k, v in runs.items() if k.startswith("monev-triwulan-") for t in v)
        assert all(t.time() == dt.time(7, 0) for t in harian + monev)
        # Daily: exactly the working days between the first and last scheduled run.
        hari = [harian[0].date() + dt.timedelta(days=i) for i in range((harian[-1].date() - harian[0].date()).days + 1)]
        assert [t.date() for t in harian] == [d for d in hari if _hari_kerja(d)]
        # Quarterly: the last working day of each quarter's last month, one per quarter.
        for t in monev:
            d = t.date()
            assert d.month in (3, 6, 9, 12) and _hari_kerja(d), d
            berikut = d + dt.timedelta(days=1)
            while berikut.month == d.month:
                assert not _hari_kerja(berikut), f"{d}: {berikut} is a later working day"
                berikut += dt.timedelta(days=1)
        assert len({(t.year, t.month) for t in monev}) == len(monev) >= 2
        # The server listens on loopback only, and its UI talks to this API (not the default port).
        assert _proses_dengan("server", "start", "--host", "127.0.0.1", "--port", str(port))
        assert httpx.get(f"http://127.0.0.1:{port}/ui-settings", timeout=5).json()["api_url"] == api
    finally:
        proses.send_signal(signal.SIGINT)
        kode = proses.wait(timeout=60)
    assert kode == 0, log.read_text()
    assert "Traceback" not in log.read_text()
    assert not _proses_dengan("--port", str(port))
    with socket.socket() as s:  # free again for a new server (which binds with SO_REUSEADDR,
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as uvicorn does: TIME_WAIT is no holder)
        s.bind(("127.0.0.1", port))


def test_serve_port_terpakai_gagal_tanpa_memulai_apa_pun(tmp_path):
    with socket.socket() as pendengar:
        pendengar.bind(("127.0.0.1", 0))
        pendengar.listen()
        port = pendengar.getsockname()[1]
        h = subprocess.run([sys.executable, "-m", "zi.cli", "serve", "--port", str(port), "--keluaran", str(tmp_path / "a")],
                           cwd=AKAR, env=_env_tanpa_api(), capture_output=True, text=True, timeout=120)
    assert h.returncode == 2, h.stderr
    assert f"port {port} sudah dipakai" in h.stderr and "Traceback" not in h.stderr
    assert not (tmp_path / "a").exists()
    assert not _proses_dengan("--port", str(port))


def test_serve_api_tak_terjangkau_gagal_tanpa_memulai_apa_pun(tmp_path):
    url = f"http://127.0.0.1:{_port_bebas()}/api"
    h = subprocess.run([sys.executable, "-m", "zi.cli", "serve", "--keluaran", str(tmp_path / "a")],
                       cwd=AKAR, env={**_env_tanpa_api(), "PREFECT_API_URL": url}, capture_output=True, text=True,
                       timeout=120)
    assert h.returncode == 2, h.stderr
    assert "tidak bisa dihubungi" in h.stderr and url in h.stderr and "Traceback" not in h.stderr
    assert not (tmp_path / "a").exists()
