"""Concurrency: runs on the same archive at the same time end with no duplicate, lost or
corrupt file and a registry that matches the files.

The archive lock (`zi.arsip.registri.kunci_arsip`) serialises generating runs: shown directly (a
run waits while the lock is held, writing nothing, as the kernel's /proc/locks shows) and by
its effect (of two identical runs started together, one writes everything and the other finds
everything unchanged).
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import multiprocessing
import os
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

import docx
import pytest

from zi.arsip.registri import Registri, kunci_arsip

from tests.bantu import AKAR, DATA, baris_registri, jalankan_zi, kunci_di_proc, tunggu

BULAN = "2026-02"


def mulai(akar: Path, *argumen: str, log: Path) -> subprocess.Popen:
    with open(log, "wb") as f:
        return subprocess.Popen([sys.executable, "-m", "zi.cli", "buat", "--bulan", BULAN, "--keluaran", str(akar),
                                 *argumen], cwd=AKAR, stdout=f, stderr=subprocess.STDOUT)


def selesai(p: subprocess.Popen, log: Path) -> str:
    assert p.wait(timeout=120) == 0, log.read_text()
    return log.read_text()


def status(keluaran: str) -> dict[str, int]:
    """"11 naskah untuk …: 3 baru, 8 tidak berubah (0.7 detik)." → {"baru": 3, …}."""
    ringkas = next(b for b in keluaran.splitlines() if " naskah untuk " in b)
    bagian = ringkas.split(": ", 1)[1].rsplit(" (", 1)[0]
    hasil = {}
    for potong in bagian.split(", "):
        n, nama = potong.split(" ", 1)
        hasil[nama] = int(n)
    return hasil


def periksa_arsip(akar: Path, rujukan: dict[str, bytes] | None = None) -> dict[str, bytes]:
    """No duplicate, no lost or corrupt file, registry = files."""
    berkas = {p.relative_to(akar).as_posix(): p.read_bytes() for p in akar.rglob("*.docx")
              if "_riwayat" not in p.parts}
    assert not [p for p in berkas if "(draf baru" in p or p.endswith(" (2).docx")], berkas.keys()
    assert not list(akar.rglob(".zi-*.tmp"))
    for isi in berkas.values():
        docx.Document(io.BytesIO(isi))
    baris = baris_registri(akar)
    assert {b[1] for b in baris} == set(berkas)
    assert len({b[0] for b in baris}) == len(baris)  # one row per document identity
    for b in baris:
        assert hashlib.sha256(berkas[b[1]]).hexdigest() == b[9], b[1]
    if rujukan is not None:
        assert berkas == rujukan
    return berkas


@pytest.fixture(scope="module")
def rujukan(tmp_path_factory) -> dict[str, bytes]:
    akar = tmp_path_factory.mktemp("rujukan")
    h = jalankan_zi("buat", "--bulan", BULAN, "--keluaran", str(akar))
    assert h.returncode == 0, h.stderr
    return periksa_arsip(akar)


def test_kunci_benar_benar_menahan_run_lain(tmp_path, rujukan):
    """While something holds the archive lock a run writes nothing and waits; it finishes
    once the lock is released."""
    akar = tmp_path / "arsip"
    with kunci_arsip(akar):
        p = mulai(akar, log=tmp_path / "a.log")
        t0 = time.monotonic()
        # The kernel lists the run among the lock's waiters once it blocks on it.
        menunggu = tunggu(lambda: (p.pid, True) in kunci_di_proc(akar / ".zi" / "kunci"), batas=60,
                          pesan="the run neither finished nor waited for the lock",
                          berhenti=lambda: p.poll() is not None)
        assert menunggu, f"the run did not wait for the lock (exit {p.returncode}): {(tmp_path / 'a.log').read_text()}"
        assert not list(akar.rglob("*.docx")), "the run wrote while another held the lock"
        ditahan = time.monotonic() - t0
    keluaran = selesai(p, tmp_path / "a.log")
    assert status(keluaran) == {"baru": len(rujukan)}
    periksa_arsip(akar, rujukan)
    print(f"\nrun held back {ditahan:.1f} s by the lock, then completed")


@pytest.mark.parametrize("putaran", range(2))
def test_dua_cli_bersamaan(tmp_path, rujukan, putaran):
    """Two identical CLI runs started together on an empty archive: every document is
    written once, by one of them, and found unchanged by the other (a run writes the plan's
    documents, then the reports on them, each step under the lock)."""
    akar = tmp_path / "arsip"
    a = mulai(akar, log=tmp_path / "a.log")
    b = mulai(akar, log=tmp_path / "b.log")
    sa, sb = status(selesai(a, tmp_path / "a.log")), status(selesai(b, tmp_path / "b.log"))
    assert set(sa) | set(sb) <= {"baru", "tidak berubah"}, (sa, sb)
    assert sa.get("baru", 0) + sb.get("baru", 0) == len(rujukan), (sa, sb)
    assert sa.get("tidak berubah", 0) + sb.get("tidak berubah", 0) == len(rujukan), (sa, sb)
    periksa_arsip(akar, rujukan)


def test_dua_cli_bersamaan_dengan_input_berubah(tmp_path, rujukan):
    """Two runs at once after a data change on an existing archive: each changed document
    is updated exactly once (one old version in _riwayat, not two), nothing is lost."""
    akar = tmp_path / "arsip"
    assert jalankan_zi("buat", "--bulan", BULAN, "--keluaran", str(akar)).returncode == 0
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    instansi = data / "instansi.yaml"
    instansi.write_text(instansi.read_text(encoding="utf-8").replace(
        "tempat: Ruang Rapat KPU Kabupaten Sarolangun", "tempat: Aula Lantai 2"), encoding="utf-8")
    a = mulai(akar, "--data", str(data), log=tmp_path / "a.log")
    b = mulai(akar, "--data", str(data), log=tmp_path / "b.log")
    sa, sb = status(selesai(a, tmp_path / "a.log")), status(selesai(b, tmp_path / "b.log"))
    berubah = sa.get("diperbarui", 0) + sb.get("diperbarui", 0)
    assert berubah > 0 and {sa.get("diperbarui", 0), sb.get("diperbarui", 0)} == {0, berubah}
    assert sa.get("tidak berubah", 0) + sb.get("tidak berubah", 0) == 2 * len(rujukan) - berubah
    riwayat = list(akar.glob("2026/02/_riwayat/*.docx"))
    assert len(riwayat) == berubah
    berkas = periksa_arsip(akar)
    assert berkas.keys() == rujukan.keys()
    assert sum(berkas[p] != rujukan[p] for p in berkas) == berubah


def test_cli_dan_flow_prefect_bersamaan(tmp_path, rujukan, prefect_harness):
    """A CLI run of the whole month and the Prefect `regenerasi` flow of area V, at once:
    each document is written by exactly one of them. Round 0 starts them together; in
    round 1 the test holds the lock until both are waiting on it, so they truly queue."""
    from flows.regenerasi import regenerasi

    for putaran in range(2):
        akar = tmp_path / f"arsip{putaran}"
        log = tmp_path / f"cli{putaran}.log"
        hasil: dict = {}

        def flow() -> None:
            try:
                hasil["flow"] = regenerasi(area="V", bulan=BULAN, keluaran=str(akar))
            except BaseException as e:  # noqa: BLE001 - reported by the test thread
                hasil["galat"] = e

        with kunci_arsip(akar) if putaran else contextlib.nullcontext():
            benang = threading.Thread(target=flow)
            benang.start()
            p = mulai(akar, log=log)
            if putaran:  # both reach the lock and wait: the kernel lists the CLI and this process (the flow)
                antre = {(p.pid, True), (os.getpid(), True)}
                kunci = akar / ".zi" / "kunci"
                menunggu = tunggu(lambda: antre <= set(kunci_di_proc(kunci)), batas=120,
                                  pesan=f"the CLI and the flow did not both queue: {kunci_di_proc(kunci)}",
                                  berhenti=lambda: p.poll() is not None or not benang.is_alive())
                assert menunggu, f"a run ended instead of waiting for the lock: CLI exit {p.poll()}, flow {hasil}"
                assert not list(akar.rglob("*.docx")), "a run wrote while the test held the lock"
        benang.join(120)
        hasil_cli = status(selesai(p, log))
        assert "galat" not in hasil, hasil.get("galat")
        hasil_flow = hasil["flow"]
        jumlah_v = hasil_flow["jumlah"]
        assert jumlah_v > 0
        assert hasil_flow.get("baru", 0) + hasil_flow.get("tidak berubah", 0) == jumlah_v
        assert hasil_flow.get("baru", 0) + hasil_cli.get("baru", 0) == len(rujukan)
        assert hasil_cli.get("baru", 0) + hasil_cli.get("tidak berubah", 0) == len(rujukan)
        periksa_arsip(akar, rujukan)
        print(f"\nround {putaran}: flow {dict((k, v) for k, v in hasil_flow.items() if k != 'berkas')}, "
              f"CLI {hasil_cli}")


def _buka_bersamaan(akar: str, rintangan, antrian) -> None:
    from zi.galat import ZiError

    rintangan.wait()
    try:
        with Registri.buka(Path(akar)) as reg:
            reg.semua()
        antrian.put("ok")
    except ZiError as e:
        antrian.put(str(e))


def test_registri_baru_dibuka_bersamaan(tmp_path):
    """Four processes creating one archive's registry at the same instant all succeed (it
    used to fail now and then with "registri arsip rusak (database is locked)")."""
    konteks = multiprocessing.get_context("fork")
    gagal = []
    for i in range(25):
        akar = tmp_path / f"arsip{i}"
        rintangan, antrian = konteks.Barrier(4), konteks.Queue()
        proses = [konteks.Process(target=_buka_bersamaan, args=(str(akar), rintangan, antrian)) for _ in range(4)]
        for p in proses:
            p.start()
        for p in proses:
            p.join(60)
        gagal += [h for h in (antrian.get(timeout=10) for _ in proses) if h != "ok"]
    assert gagal == []
    assert os.path.exists(tmp_path / "arsip0" / ".zi" / "arsip.sqlite")
