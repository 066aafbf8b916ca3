"""Many offices on Prefect: N synthetic offices' year, one worker against two, on a Prefect
server backed by PostgreSQL, reported as the ratio of the two measured in one run.

    .venv/bin/python bench/bench_kantor.py [--kantor 50]

Starts its own PostgreSQL cluster (Debian's `postgresql`: initdb/pg_ctl, 127.0.0.1, a temp
directory; run as the `postgres` user when started by root) and `prefect server start` on it
(flows.layan.server_lokal, the launcher of `zi serve`), creates the pool `zi-proses`, deploys
`harian` with `prefect deploy` from prefect.yaml, then for 1 and for 2 process workers
(`--limit 1` each, so a worker is one run at a time) runs the fan-out flow `semua_kantor`
with hari_ini = 31 December (each office's whole year, catch-up) into a fresh archive and
times it until every office's run has finished. Everything is stopped and removed at the end.
"""

from __future__ import annotations

import argparse
import contextlib
import glob
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

AKAR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(AKAR))

from bench import unit_sintetis  # noqa: E402  (bench/bench.py: the synthetic offices)


def port_bebas() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _bin_pg() -> Path:
    for calon in [shutil.which("pg_ctl"), *sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"))]:
        if calon:
            return Path(calon).resolve().parent
    sys.exit("PostgreSQL tidak terpasang: apt-get install -y postgresql")


@contextlib.contextmanager
def postgres(tmp: Path) -> Iterator[str]:
    """A throw-away cluster on 127.0.0.1; yields Prefect's connection URL."""
    pg = _bin_pg()
    sebagai = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
    data = tmp / "pg"
    data.mkdir()
    if sebagai:
        tmp.chmod(0o755)
        shutil.chown(data, "postgres")
    subprocess.run([*sebagai, pg / "initdb", "-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8"],
                   check=True, capture_output=True)
    port = port_bebas()
    subprocess.run([*sebagai, pg / "pg_ctl", "-D", data, "-l", data / "log", "-w", "start",
                    "-o", f"-h 127.0.0.1 -p {port} -k {data} -c max_connections=200"], check=True, capture_output=True)
    try:
        yield f"postgresql+asyncpg://postgres@127.0.0.1:{port}/postgres"
    finally:
        subprocess.run([*sebagai, pg / "pg_ctl", "-D", data, "-m", "fast", "-w", "stop"], capture_output=True)


def prefect(*argumen: str, env: dict[str, str]) -> None:
    h = subprocess.run([sys.executable, "-m", "prefect", "--no-prompt", *argumen], cwd=AKAR, env=env,
                       capture_output=True, text=True)
    if h.returncode:
        sys.exit(f"prefect {' '.join(argumen)} gagal:\n{h.stdout}\n{h.stderr}")


@contextlib.contextmanager
def worker(n: int, env: dict[str, str], log: Path) -> Iterator[None]:
    """n process workers of the pool, one run at a time each, polling every second."""
    env = {**env, "PREFECT_WORKER_QUERY_SECONDS": "1"}
    proses = []
    for i in range(n):
        berkas = log.with_name(f"{log.stem}-{i}.log")
        with berkas.open("w") as keluar:
            proses.append((subprocess.Popen(
                [sys.executable, "-m", "prefect", "worker", "start", "--pool", "zi-proses", "--limit", "1",
                 "--name", f"bench-{n}-{i}"], cwd="/", env=env, stdout=keluar, stderr=subprocess.STDOUT), berkas))
    try:
        for p, berkas in proses:  # ready when the worker says so (its first poll follows)
            batas = time.monotonic() + 120
            while "started" not in berkas.read_text() and p.poll() is None and time.monotonic() < batas:
                time.sleep(0.2)
        yield
    finally:
        for p, _ in proses:
            p.send_signal(signal.SIGINT)
        for p, _ in proses:
            try:
                p.wait(timeout=60)
            except subprocess.TimeoutExpired:
                p.kill()


def tunggu_semua(ids: list[str]) -> dict[str, int]:
    """Poll the API until every run is final; the count of each end state."""
    import asyncio
    from collections import Counter

    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import FlowRunFilter, FlowRunFilterId

    async def baca():
        async with get_client() as c:
            return await c.read_flow_runs(flow_run_filter=FlowRunFilter(id=FlowRunFilterId(any_=ids)), limit=len(ids))

    while True:
        runs = asyncio.run(baca())
        if len(runs) == len(ids) and all(r.state and r.state.is_final() for r in runs):
            return dict(Counter(r.state_name for r in runs))
        time.sleep(0.5)


def putaran(n_worker: int, kantor: Path, keluaran: Path, env: dict[str, str], tmp: Path) -> tuple[float, dict, int]:
    from flows.kantor import semua_kantor

    with worker(n_worker, env, tmp / f"worker-{n_worker}.log"):
        mulai = time.perf_counter()
        runs = semua_kantor(folder=str(kantor), keluaran=str(keluaran), hari_ini="2026-12-31")
        akhir = tunggu_semua([r["id"] for r in runs])
        detik = time.perf_counter() - mulai
    return detik, akhir, sum(1 for _ in keluaran.rglob("*.docx"))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--kantor", type=int, default=50, help="synthetic offices (default 50)")
    a = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="zi-bench-kantor-"))
    port = port_bebas()
    os.environ["PREFECT_API_URL"] = api = f"http://127.0.0.1:{port}/api"
    os.environ["PREFECT_SERVER_ANALYTICS_ENABLED"] = "false"
    env = {**os.environ, "ZI_HOME": str(AKAR)}
    from flows.layan import server_lokal

    try:
        kantor = tmp / "kantor"
        unit_sintetis(kantor, a.kantor)
        with postgres(tmp) as url_db, server_lokal(port, tmp / "prefect", env={"PREFECT_API_DATABASE_CONNECTION_URL": url_db}):
            prefect("work-pool", "create", "zi-proses", "--type", "process", "--overwrite", env=env)
            prefect("deploy", "--name", "harian", env=env)
            hasil = {n: putaran(n, kantor, tmp / f"arsip-{n}", env, tmp) for n in (1, 2)}
            terkunci = (tmp / "prefect" / "server.log").read_text(errors="replace").count("database is locked")
        print(f"{a.kantor} offices, Prefect server on PostgreSQL ({api}), {os.cpu_count()} cores")
        for n, (detik, akhir, docx) in hasil.items():
            print(f"  {n} worker{'s' if n > 1 else ' '}: {detik:6.1f} s  {60 * a.kantor / detik:5.1f} offices/min  "
                  f"{docx} documents  runs {akhir}")
        print(f"  2 workers vs 1: {hasil[1][0] / hasil[2][0]:.2f}x faster")
        print(f"  'database is locked' in the server log: {terkunci}")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
