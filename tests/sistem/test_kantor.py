"""Many offices on a real work pool: the deployments made by `prefect deploy` from
prefect.yaml, one process worker, the session's SQLite-backed test server.

The three offices are typed here (their own plans, dates and names), so what lands in each
archive is checked against this file's data, not against zi.
"""

from __future__ import annotations

import asyncio
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml

from tests.bantu import AKAR, jalankan_zi, teks

pytestmark = pytest.mark.usefixtures("prefect_harness")

# kode -> (office name, its one row: id, target time, the meeting's month folder)
KANTOR = {
    "kpu-alfa": ("Komisi Pemilihan Umum Kabupaten Alfa", "I.2.1", "Februari minggu ke-2 tahun 2026", "2026/02"),
    "kpu-beta": ("Komisi Pemilihan Umum Kabupaten Beta", "II.1.1", "April minggu ke-3 tahun 2026", "2026/04"),
    "kpu-gama": ("Komisi Pemilihan Umum Kota Gama", "III.4.2", "Oktober minggu ke-1 tahun 2026", "2026/10"),
}


def _tulis(folder: Path, nama: str, data: dict) -> None:
    (folder / nama).write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def buat_kantor(akar: Path, kode: str, rencana: bool = True) -> Path:
    """One small office: two employees, one team, a plan with one meeting row."""
    nama, id_, target, _ = KANTOR[kode]
    kota = nama.split()[-1]
    f = akar / kode
    f.mkdir(parents=True)
    _tulis(f, "instansi.yaml", {
        "nama": nama, "singkatan": f"KPU {kota}", "kop": ["KOMISI PEMILIHAN UMUM", kota.upper()],
        "alamat": f"Jalan Merdeka 1, {kota}", "kota": kota, "zona_waktu": "Asia/Jakarta",
        "ketua": {"nama": f"Ketua {kota}", "jabatan": f"Ketua {nama}"},
        "sekretaris": {"nama": f"Sekretaris {kota}", "jabatan": f"Sekretaris {nama}", "nip": "197001011995031001"},
        "komisioner": [{"nama": f"Ketua {kota}", "jabatan": "Ketua"}]})
    _tulis(f, "pegawai.yaml", {"pegawai": [
        {"nama": f"Sekretaris {kota}", "nip": "197001011995031001", "pangkat": "Pembina", "golongan": "IV/a",
         "jabatan": "Sekretaris", "unit": "Sekretariat"},
        {"nama": f"Staf {kota}", "nip": "199001012015031002", "pangkat": "Penata", "golongan": "III/c",
         "jabatan": "Pengelola Data", "unit": "Sekretariat"}]})
    _tulis(f, "tim.yaml", {"tim": [{"id": "tim_zi", "nama": "Tim Pembangunan Zona Integritas", "alias": ["Tim ZI"],
                                    "tugas": ["melaksanakan rencana aksi"],
                                    "anggota": [{"nip": "197001011995031001", "peran": "Ketua"},
                                                {"nip": "199001012015031002", "peran": "Anggota"}]}]})
    if rencana:
        _tulis(f, "rencana_aksi_2026.yaml", {
            "rencana": {"instansi": nama, "tahun": 2026, "judul": f"Rencana Aksi Zona Integritas {nama} Tahun 2026"},
            "area": {id_.split(".")[0]: "AREA PERUBAHAN"},
            "baris": [{"id": id_, "area": id_.split(".")[0], "komponen": "Rapat", "indikator": f"Rapat {kota}",
                       "langkah_aksi": f"Rapat koordinasi Tim ZI {kota}",
                       "bukti_fisik": "Undangan rapat, daftar hadir dan notulen", "target_waktu": target,
                       "rapat": {"acara": f"Koordinasi Zona Integritas {kota}"}}]})
    return f


def _env(api: str, **tambah: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("ZI_HOME", "PREFECT_API_URL")}
    return {**env, "PREFECT_API_URL": api, "PREFECT_SERVER_ANALYTICS_ENABLED": "false", **tambah}


def _prefect(*argumen: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "prefect", "--no-prompt", *argumen], cwd=AKAR, env=env,
                          capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="module")
def kolam(tmp_path_factory):
    """The pool `zi-proses`, `harian` and `semua-kantor` deployed by `prefect deploy`, one worker."""
    from prefect.settings import PREFECT_API_URL

    api = PREFECT_API_URL.value()
    env = _env(api, ZI_HOME=str(AKAR))
    h = _prefect("work-pool", "create", "zi-proses", "--type", "process", "--overwrite", env=env)
    assert h.returncode == 0, h.stdout + h.stderr
    h = _prefect("deploy", "--name", "harian", "--name", "semua-kantor", env=env)
    assert h.returncode == 0, h.stdout + h.stderr
    log = tmp_path_factory.mktemp("worker") / "worker.log"
    with log.open("w") as keluar:
        # Polling every second (default 10 s) so the test waits on the runs, not on the poll.
        worker = subprocess.Popen([sys.executable, "-m", "prefect", "worker", "start", "--pool", "zi-proses", "--limit", "3"],
                                  cwd="/", env={**env, "PREFECT_WORKER_QUERY_SECONDS": "1"}, stdout=keluar,
                                  stderr=subprocess.STDOUT)
    yield api, log
    worker.send_signal(signal.SIGINT)
    try:
        worker.wait(timeout=60)
    except subprocess.TimeoutExpired:
        worker.kill()
        worker.wait()


def _baca(coro):
    return asyncio.run(coro)


async def _run_bertag(tag: str):
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import FlowRunFilter, FlowRunFilterTags

    async with get_client() as c:
        return await c.read_flow_runs(flow_run_filter=FlowRunFilter(tags=FlowRunFilterTags(all_=[tag])))


def _tunggu_selesai(tags: list[str], batas: float = 240.0):
    akhir = time.monotonic() + batas
    while time.monotonic() < akhir:
        runs = [r for t in tags for r in _baca(_run_bertag(t))]
        if len(runs) == len(tags) and all(r.state and r.state.is_final() for r in runs):
            return runs
        time.sleep(1.0)
    pytest.fail(f"run kantor tidak selesai: {[(r.name, r.state_name) for t in tags for r in _baca(_run_bertag(t))]}")


def _registri(akar: Path) -> list[tuple[str, str]]:
    with sqlite3.connect(akar / ".zi" / "arsip.sqlite") as db:
        return list(db.execute("SELECT path, baris_id FROM naskah"))


def _cek_arsip_per_kantor(keluaran: Path) -> None:
    """Each office's archive holds its own row's drafts, in its month, naming it and no other."""
    for kode, (nama, id_, _, bulan) in KANTOR.items():
        akar = keluaran / kode
        catatan = _registri(akar)
        assert catatan and {b for _, b in catatan} == {id_}, catatan
        assert all(p.startswith(f"{bulan}/{id_}/") for p, _ in catatan), catatan
        berkas = sorted(akar.rglob("*.docx"))
        assert sorted(p.relative_to(akar).as_posix() for p in berkas) == sorted(p for p, _ in catatan)
        lain = [n for k, (n, *_) in KANTOR.items() if k != kode]
        for p in berkas:
            isi = teks(p)
            assert nama.split()[-1] in isi, p
            assert not any(n.split()[-1] in isi for n in lain), p
    assert sorted(p.name for p in keluaran.iterdir()) == sorted(KANTOR)


def test_buat_semua_kantor_tanpa_prefect(tmp_path):
    folder = tmp_path / "kantor"
    for kode in KANTOR:
        buat_kantor(folder, kode)
    h = jalankan_zi("buat", "--semua-kantor", str(folder), "--tahun", "2026", "--keluaran", str(tmp_path / "arsip"))
    assert h.returncode == 0, h.stderr
    assert all(f"{k}: 3 naskah" in h.stdout for k in KANTOR), h.stdout  # undangan, daftar hadir, notulensi
    _cek_arsip_per_kantor(tmp_path / "arsip")


def test_semua_kantor_satu_run_per_kantor_arsip_terpisah(kolam, tmp_path):
    from prefect.client.orchestration import get_client
    from prefect.deployments import run_deployment

    api, log = kolam
    folder = tmp_path / "kantor"
    for kode in KANTOR:
        buat_kantor(folder, kode)
    keluaran = tmp_path / "arsip"
    pembagi = run_deployment("zi-semua-kantor/semua-kantor", timeout=240, parameters={
        "folder": str(folder), "keluaran": str(keluaran), "hari_ini": "2026-12-31"})
    assert pembagi.state.is_completed(), (pembagi.state.message, log.read_text()[-3000:])
    runs = _tunggu_selesai([f"kantor-{k}" for k in KANTOR])
    assert all(r.state.is_completed() for r in runs), [(r.name, r.state.message) for r in runs]
    assert sorted(r.name for r in runs) == sorted(f"{k}-harian" for k in KANTOR)
    assert len({r.id for r in runs}) == 3

    _cek_arsip_per_kantor(keluaran)

    async def artefak():
        async with get_client() as c:
            from prefect.client.schemas.filters import ArtifactFilter, ArtifactFilterKey

            return await c.read_artifacts(artifact_filter=ArtifactFilter(key=ArtifactFilterKey(like_="zi-hasil-kpu-")))

    kunci = {a.key for a in _baca(artefak())}
    assert kunci == {f"zi-hasil-{k}" for k in KANTOR}


@pytest.mark.parametrize("rusak,kata", [
    ("tanpa_rencana", "tidak memuat berkas rencana_aksi_*.yaml"),
    ("dua_rencana", "lebih dari satu berkas rencana"),
    ("kode_ganda", "kode kantor \"kpu-beta\" dipakai dua folder"),
])
def test_semua_kantor_masukan_salah_tidak_memulai_apa_pun(tmp_path, rusak, kata):
    from flows.kantor import semua_kantor
    from prefect.client.orchestration import get_client

    folder = tmp_path / "kantor"
    buat_kantor(folder, "kpu-alfa")
    if rusak == "tanpa_rencana":
        buat_kantor(folder, "kpu-beta", rencana=False)
    elif rusak == "dua_rencana":
        f = buat_kantor(folder, "kpu-beta")
        (f / "rencana_aksi_2027.yaml").write_bytes((f / "rencana_aksi_2026.yaml").read_bytes())
    else:
        buat_kantor(folder, "kpu-beta")
        buat_kantor(tmp_path / "lain", "kpu-beta").rename(folder / "KPU_Beta")

    async def jumlah_run():
        async with get_client() as c:
            return len(await c.read_flow_runs())

    sebelum = _baca(jumlah_run())
    keadaan = semua_kantor(folder=str(folder), keluaran=str(tmp_path / "arsip"), return_state=True)
    assert keadaan.is_failed()
    assert kata in keadaan.message and "Traceback" not in keadaan.message, keadaan.message
    assert _baca(jumlah_run()) == sebelum + 1  # the fan-out's own run, no office's
    assert not (tmp_path / "arsip").exists()
    # The CLI refuses the same folder the same way, writing nothing.
    h = jalankan_zi("buat", "--semua-kantor", str(folder), "--tahun", "2026", "--keluaran", str(tmp_path / "arsip"))
    assert h.returncode == 2 and kata in h.stderr and "Traceback" not in h.stderr
    assert not (tmp_path / "arsip").exists()


def test_run_masukan_salah_gagal_dengan_pesan_tanpa_traceback(kolam, tmp_path):
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import LogFilter, LogFilterFlowRunId
    from prefect.deployments import run_deployment

    f = buat_kantor(tmp_path / "kantor", "kpu-alfa", rencana=False)
    run = run_deployment("zi-harian/harian", timeout=240, parameters={"data": str(f), "keluaran": str(tmp_path / "a")})
    assert run.state.is_failed(), run.state
    assert "tidak memuat berkas rencana_aksi_*.yaml" in run.state.message and str(f) in run.state.message
    assert "Traceback" not in run.state.message and "Error" not in run.state.message

    async def log_run():
        async with get_client() as c:
            return await c.read_logs(log_filter=LogFilter(flow_run_id=LogFilterFlowRunId(any_=[run.id])))

    from tests.bantu import tunggu

    pesan = ""

    def log_terkirim() -> bool:  # the run's logs reach the API in batches, after its state
        nonlocal pesan
        pesan = "\n".join(x.message for x in _baca(log_run()))
        return "tidak memuat berkas rencana" in pesan

    tunggu(log_terkirim, batas=60, jeda=0.5, pesan="the run's error never reached its logs")
    assert "Traceback" not in pesan
    assert not (tmp_path / "a").exists()


def test_deploy_tanpa_zi_home_gagal_saat_deploy(kolam):
    from prefect.client.orchestration import get_client
    from prefect.exceptions import ObjectNotFound

    api, _ = kolam
    h = _prefect("deploy", "--name", "regenerasi", env=_env(api))
    assert h.returncode == 2
    assert "ZI_HOME belum disetel" in h.stderr and "export ZI_HOME" in h.stderr and "Traceback" not in h.stderr

    async def cari():
        async with get_client() as c:
            return await c.read_deployment_by_name("zi-regenerasi/regenerasi")

    with pytest.raises(ObjectNotFound):
        _baca(cari())


def test_serve_di_server_bersama_tidak_menjeda_deployment_worker(kolam, tmp_path):
    """`zi serve` against a shared server registers its own names and, on Ctrl+C, pauses
    only those; the workers' `harian` keeps running on schedule."""
    from prefect.client.orchestration import get_client

    api, _ = kolam
    log = tmp_path / "serve.log"
    with log.open("w") as keluar:
        proses = subprocess.Popen([sys.executable, "-m", "zi.cli", "serve", "--keluaran", str(tmp_path / "a")],
                                  cwd=AKAR, env=_env(api), stdout=keluar, stderr=subprocess.STDOUT)
    async def siap():
        async with get_client() as c:
            return {d.name: d.status for d in await c.read_deployments() if "-serve-" in d.name}

    try:
        # Ready when the runner polls for its three deployments (Prefect marks them READY).
        akhir = time.monotonic() + 120
        while proses.poll() is None and time.monotonic() < akhir:
            status = _baca(siap())
            if len(status) == 3 and all(str(s).endswith("READY") and "NOT" not in str(s) for s in status.values()):
                break
            time.sleep(0.5)
        assert proses.poll() is None and len(status) == 3, (status, log.read_text())
    finally:
        proses.send_signal(signal.SIGINT)
        assert proses.wait(timeout=60) == 0, log.read_text()

    async def semua():
        async with get_client() as c:
            return {d.name: d.paused for d in await c.read_deployments()}

    d = _baca(semua())
    dilayani = {n: p for n, p in d.items() if "-serve-" in n}
    assert sorted(n.split("-serve-")[0] for n in dilayani) == ["harian", "monev-triwulan", "regenerasi"]
    assert all(dilayani.values()), dilayani  # what zi serve registered is paused on exit
    assert d["harian"] is False and d["semua-kantor"] is False  # the workers' deployments are not
