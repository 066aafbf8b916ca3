"""Crash safety: `zi buat --tahun 2026` killed with SIGKILL at many moments.

After every kill the archive must be sound: every .docx opens, every registry row's file
exists with the registered sha256, the archive is not left locked, and `.zi-*.tmp`
leftovers (a kill between writing a temporary file and renaming it) are ignored by the
product. A document without a registry row (a kill between the rename and the registry
commit) is allowed only because the next run adopts it unchanged. After the last kill a
re-run completes to exactly the archive an uninterrupted run makes: the same paths, the
same bytes, the same registry rows (apart from time and run id).

Twenty kills happen cumulatively on one archive (each run continues what the previous one
left), plus two kills each on a fresh, empty archive. Every kill waits for an event (a
start-up stage seen in /proc, a number of documents, a temporary file), never for a time.
"""

from __future__ import annotations

import fcntl
import hashlib
import io
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import docx
import pytest

from tests.bantu import AKAR, baris_registri, jalankan_zi, kunci_di_proc, tunggu

ARGUMEN = ["buat", "--tahun", "2026"]
ACAK = random.Random(20260207)


def mulai(akar: Path) -> subprocess.Popen:
    """A real `zi buat` run in its own session (so what it leaves behind can be found).
    Its output goes to a file beside the archive: a pipe would stay open as long as any
    leftover child holds it."""
    akar.parent.mkdir(parents=True, exist_ok=True)
    with open(akar.parent / "keluaran.log", "ab") as log:
        return subprocess.Popen([sys.executable, "-m", "zi.cli", *ARGUMEN, "--keluaran", str(akar)],
                                cwd=AKAR, stdout=log, stderr=log, stdin=subprocess.DEVNULL,
                                start_new_session=True)


def jumlah_docx(akar: Path) -> int:
    try:
        return sum(1 for _ in akar.rglob("*.docx"))
    except FileNotFoundError:  # a folder vanished mid-walk (a rename): count again next poll
        return -1


def bunuh(p: subprocess.Popen) -> None:
    """SIGKILL the main process only, as the OOM killer or a crash would."""
    os.kill(p.pid, signal.SIGKILL)
    p.wait()


def sisa_proses(p: subprocess.Popen) -> bool:
    try:
        os.killpg(p.pid, 0)
        return True
    except ProcessLookupError:
        return False


def bersihkan_sisa(p: subprocess.Popen) -> None:
    """Kill what the killed run left behind (its render workers), by its session id."""
    try:
        os.killpg(p.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass


def sementara(akar: Path) -> set[Path]:
    """The `.zi-*.tmp` files in the archive now (an atomic write under way, or a leftover)."""
    try:
        return set(akar.rglob(".zi-*.tmp"))
    except FileNotFoundError:  # a folder vanished mid-walk: nothing seen this time
        return set()


def mengimpor(akar: Path, p: subprocess.Popen) -> bool:
    """Start-up, importing: the run has loaded a compiled module of its dependencies."""
    try:
        peta = Path(f"/proc/{p.pid}/maps").read_text()
    except (FileNotFoundError, ProcessLookupError):
        return False
    return any("site-packages" in b and ".so" in b for b in peta.splitlines())


def membuka_registri(akar: Path, p: subprocess.Popen) -> bool:
    """Start-up, opening the archive: the run has created the registry's file."""
    return (akar / ".zi" / "arsip.sqlite").exists()


def memegang_kunci(akar: Path, p: subprocess.Popen) -> bool:
    """Start-up, rendering: the run holds the archive lock (it writes only once all is rendered)."""
    return (p.pid, False) in kunci_di_proc(akar / ".zi" / "kunci")


def bunuh_saat(akar: Path, *, saat=None, berkas: int | None = None,
               batas: float = 60) -> tuple[subprocess.Popen, int]:
    """Start a run and kill it at an event: `saat(akar, p)` becoming true (a start-up stage),
    or the archive holding `berkas` documents. In the latter case the kill comes, at random,
    either at once (just after a rename, perhaps before its registry commit) or at the next
    temporary file that appears (in the middle of a write; or at the next document if its
    temporary file came and went between two looks), so kills land at varied points of a
    write. Returns the killed process and how many documents the archive had when it died."""
    sudah_ada = sementara(akar)
    p = mulai(akar)
    berakhir = lambda: p.poll() is not None  # noqa: E731
    pesan = "the run made no progress (archive locked?)"
    if saat is not None:
        tunggu(lambda: saat(akar, p), batas=batas, pesan=pesan, berhenti=berakhir)
    else:
        n0 = tunggu(lambda: (n := jumlah_docx(akar)) >= berkas and n, batas=batas, pesan=pesan, berhenti=berakhir)
        # Mid-write only when the run still has a document to write (none written past the target yet).
        if n0 == berkas and ACAK.random() < 0.5:
            tunggu(lambda: sementara(akar) - sudah_ada or jumlah_docx(akar) > n0, batas=batas, pesan=pesan,
                   berhenti=berakhir)
    if p.poll() is None:
        bunuh(p)
    return p, jumlah_docx(akar)


def kunci_bebas(akar: Path) -> bool:
    jalur = akar / ".zi" / "kunci"
    if not jalur.exists():
        return True
    fd = os.open(jalur, os.O_RDWR)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        fcntl.flock(fd, fcntl.LOCK_UN)
        return True
    except BlockingIOError:
        return False
    finally:
        os.close(fd)


def sha(b: bytes) -> str:
    return hashlib.sha256(b).hexdigest()


class Pemeriksa:
    """The invariants after each kill, with memory across kills (documents already opened,
    files found without a registry row)."""

    def __init__(self, akar: Path):
        self.akar = akar
        self.sudah_dibuka: set[str] = set()
        self.tanpa_baris: dict[str, str] = {}  # path -> sha256 when first seen unregistered
        self.sisa_tmp: set[str] = set()
        self.jumlah_tanpa_baris = 0

    def periksa(self) -> None:
        akar = self.akar
        assert kunci_bebas(akar), "a killed run left the archive locked"
        berkas = {p.relative_to(akar).as_posix(): p for p in akar.rglob("*") if p.is_file()}
        docx_ = {r: p for r, p in berkas.items() if r.endswith(".docx")}
        for r, p in docx_.items():
            isi = p.read_bytes()
            h = sha(isi)
            if h not in self.sudah_dibuka:
                docx.Document(io.BytesIO(isi))  # a partial file would not open
                self.sudah_dibuka.add(h)
        self.sisa_tmp |= {r for r in berkas if Path(r).name.startswith(".zi-") and r.endswith(".tmp")}
        # SQLite's own files; "-journal" is the hot journal of a run killed while the new
        # registry was switching to WAL (the next open rolls it back and removes it).
        lain = set(berkas) - set(docx_) - self.sisa_tmp - {".zi/arsip.sqlite", ".zi/arsip.sqlite-wal",
                                                           ".zi/arsip.sqlite-shm", ".zi/arsip.sqlite-journal",
                                                           ".zi/kunci"}
        assert not lain, f"unexpected files: {lain}"
        baris = {b[1]: b for b in baris_registri(akar)}  # path -> row
        for path, b in baris.items():
            assert path in docx_, f"registry row without its file: {path}"
            assert sha(docx_[path].read_bytes()) == b[9], f"registered hash differs: {path}"
        # A file seen without a row earlier is now either still unregistered and untouched,
        # or registered as it was (adopted, not rewritten).
        for path, h in list(self.tanpa_baris.items()):
            assert path in docx_ and sha(docx_[path].read_bytes()) == h, f"unregistered file changed: {path}"
            if path in baris:
                assert baris[path][9] == h
                del self.tanpa_baris[path]
        for path in set(docx_) - set(baris):
            if path not in self.tanpa_baris:
                self.jumlah_tanpa_baris += 1
                self.tanpa_baris[path] = sha(docx_[path].read_bytes())
        assert not any("(draf baru" in r or r.endswith(" (2).docx") for r in docx_), "duplicates appeared"


def isi_arsip(akar: Path) -> tuple[dict[str, bytes], set[tuple]]:
    berkas = {p.relative_to(akar).as_posix(): p.read_bytes() for p in akar.rglob("*.docx")}
    baris = {b[:10] for b in baris_registri(akar)}  # without waktu, run_id
    return berkas, baris


@pytest.fixture(scope="module")
def rujukan(tmp_path_factory) -> tuple[dict[str, bytes], set[tuple], float]:
    """The archive an uninterrupted run makes, and how long that run took."""
    akar = tmp_path_factory.mktemp("rujukan")
    t0 = time.monotonic()
    h = jalankan_zi(*ARGUMEN, "--keluaran", str(akar))
    detik = time.monotonic() - t0
    assert h.returncode == 0, h.stderr
    berkas, baris = isi_arsip(akar)
    assert len(berkas) == len(baris) > 50
    print(f"\nuninterrupted run: {len(berkas)} documents in {detik:.1f} s")
    return berkas, baris, detik


def selesaikan_dan_bandingkan(akar: Path, rujukan, pemeriksa: Pemeriksa) -> str:
    h = jalankan_zi(*ARGUMEN, "--keluaran", str(akar))
    assert h.returncode == 0, h.stdout + h.stderr
    pemeriksa.periksa()
    assert not pemeriksa.tanpa_baris, f"not adopted by the completing run: {pemeriksa.tanpa_baris}"
    berkas, baris = isi_arsip(akar)
    ref_berkas, ref_baris, _ = rujukan
    assert berkas.keys() == ref_berkas.keys()
    assert [p for p in berkas if berkas[p] != ref_berkas[p]] == []
    assert baris == ref_baris
    assert "konflik" not in h.stdout.lower() and "disunting" not in h.stdout
    return h.stdout


def test_dua_puluh_kali_dibunuh_berturut_turut(tmp_path, rujukan):
    akar = tmp_path / "arsip"
    total = len(rujukan[0])
    pemeriksa = Pemeriksa(akar)
    # Three kills while the run is still starting (imports, reading the plan, opening the
    # registry), then seventeen spread over the writing: each run continues where the
    # previous one died and is killed after a few more documents.
    saat: list[dict] = [{"saat": t} for t in (mengimpor, membuka_registri, memegang_kunci)]
    saat += [{"tambah": max(1, total // 25)}] * 17
    catatan = []
    sebelumnya = None
    n = 0
    try:
        for s in saat:
            if "tambah" in s:  # a few more documents than the archive holds now, never all of them
                s = {"berkas": min(total - 1, n + s["tambah"])}
            p, n = bunuh_saat(akar, **s)
            if sebelumnya is not None:  # the previous run's leftovers lived through this run
                bersihkan_sisa(sebelumnya)
            sebelumnya = p
            catatan.append((s, n, p.returncode))
            pemeriksa.periksa()
        bersihkan_sisa(sebelumnya)
        keluaran = selesaikan_dan_bandingkan(akar, rujukan, pemeriksa)
    finally:
        if sebelumnya is not None:
            bersihkan_sisa(sebelumnya)
    print(f"\n{len(saat)} runs killed; documents at each kill: "
          f"{[n for _, n, _ in catatan]}; files found without a registry row and adopted later: "
          f"{pemeriksa.jumlah_tanpa_baris}; .zi-*.tmp leftovers: {len(pemeriksa.sisa_tmp)}")
    print(keluaran.strip().splitlines()[-1])
    # Each kill came while its run was alive with work left, so a run that ended by itself
    # failed on (or was hurried by) what an earlier kill left behind.
    sendiri = [(i, s, rc) for i, (s, _, rc) in enumerate(catatan) if rc != -signal.SIGKILL]
    log = (akar.parent / "keluaran.log").read_text(errors="replace")[-3000:]
    assert not sendiri, f"runs that ended before their kill: {sendiri}\n{log}"
    # The start-up kills found nothing written: the run writes only after it has rendered all.
    assert [n for _, n, _ in catatan[:3]] == [0, 0, 0]
    # Leftover temporary files are invisible to the product: not listed, not bundled.
    if pemeriksa.sisa_tmp:
        daftar = jalankan_zi("arsip", "--json", "--keluaran", str(akar)).stdout
        assert ".zi-" not in daftar


@pytest.mark.parametrize("bagian", [0.3, 0.9])
def test_dibunuh_dari_arsip_kosong(tmp_path, rujukan, bagian):
    """A kill during the first run of an empty archive (its first document, halfway, at the
    last few), then a re-run: the same archive as an uninterrupted run."""
    akar = tmp_path / "arsip"
    pemeriksa = Pemeriksa(akar)
    p, n = bunuh_saat(akar, berkas=max(1, round(len(rujukan[0]) * bagian)))
    try:
        assert p.returncode == -signal.SIGKILL
        pemeriksa.periksa()
        selesaikan_dan_bandingkan(akar, rujukan, pemeriksa)
    finally:
        bersihkan_sisa(p)


def test_sementara_diabaikan_bundel(tmp_path):
    """A `.zi-*.tmp` left by a kill is not bundled for the inspectorate nor listed."""
    akar = tmp_path / "arsip"
    assert jalankan_zi("buat", "--bulan", "2026-02", "--keluaran", str(akar)).returncode == 0
    folder = next(p.parent for p in akar.rglob("*.docx"))
    jumlah = len(list(akar.rglob("*.docx")))
    (folder / ".zi-abc123.tmp").write_bytes(b"PK\x03\x04 setengah")
    h = jalankan_zi("buat", "--bulan", "2026-02", "--keluaran", str(akar))
    assert h.returncode == 0 and f": {jumlah} tidak berubah (" in h.stdout, h.stdout
    h = jalankan_zi("arsip", "--bundel", "2026-02", "--keluaran", str(akar))
    assert h.returncode == 0, h.stderr
    with zipfile.ZipFile(akar / "bundel" / "arsip-2026-02.zip") as z:
        assert not [n for n in z.namelist() if ".zi-" in n]
    assert ".zi-" not in jalankan_zi("arsip", "--json", "--keluaran", str(akar)).stdout


def pekerja_sibuk(p: subprocess.Popen) -> list[str]:
    """The run's child processes (its render workers) once one of them has used CPU time
    (a forked worker starts at zero); [] before."""
    try:
        anak = Path(f"/proc/{p.pid}/task/{p.pid}/children").read_text().split()
    except (FileNotFoundError, ProcessLookupError):
        return []
    for a in anak:
        try:
            kolom = Path(f"/proc/{a}/stat").read_text().rsplit(")", 1)[1].split()
        except (FileNotFoundError, ProcessLookupError):
            continue
        if int(kolom[11]) + int(kolom[12]) > 0:  # utime + stime, in clock ticks
            return anak
    return []


def induk(pid: str) -> int | None:
    try:
        return int(Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[1])
    except (FileNotFoundError, ProcessLookupError):
        return None


def test_pekerja_render_ikut_mati(tmp_path):
    """Killing a run while its render workers are busy leaves no process behind (an orphaned
    worker used to wait on its queue forever, holding the archive lock)."""
    akar = tmp_path / "arsip"
    p = mulai(akar)
    try:
        # The run renders everything (in its workers) before writing: wait until they work.
        anak = tunggu(lambda: pekerja_sibuk(p), batas=60, pesan="no render worker got busy",
                      berhenti=lambda: p.poll() is not None)
        assert anak, f"the run ended ({p.returncode}) before its render workers got busy"
        assert jumlah_docx(akar) <= 0, "the run wrote before it had rendered everything"
        hidup = [a for a in anak if induk(a) == p.pid]
        bunuh(p)
        assert hidup, f"the render workers {anak} had ended before the run was killed"
        tunggu(lambda: not sisa_proses(p), batas=5, jeda=0.05,
               pesan=f"processes of the killed run are still alive: {hidup}")
        assert kunci_bebas(akar)
    finally:
        bersihkan_sisa(p)


def test_berkas_tanpa_baris_diadopsi(tmp_path):
    """What a kill between the rename and the registry commit leaves (a finished document
    without its row) is adopted by the next run as unchanged: not rewritten, not duplicated."""
    akar = tmp_path / "arsip"
    assert jalankan_zi("buat", "--bulan", "2026-02", "--keluaran", str(akar)).returncode == 0
    db = sqlite3.connect(akar / ".zi" / "arsip.sqlite")
    path, = db.execute("SELECT path FROM naskah ORDER BY path LIMIT 1").fetchone()
    with db:
        db.execute("DELETE FROM naskah WHERE path = ?", (path,))
    db.close()
    sebelum = (akar / path).read_bytes()
    jumlah = len(list(akar.rglob("*.docx")))
    h = jalankan_zi("buat", "--bulan", "2026-02", "--keluaran", str(akar))
    assert h.returncode == 0 and f": {jumlah} tidak berubah (" in h.stdout, h.stdout
    assert (akar / path).read_bytes() == sebelum
    baris = {b[1]: b for b in baris_registri(akar)}
    assert baris[path][9] == sha(sebelum) and len(baris) == jumlah
    assert not [p for p in akar.rglob("*.docx") if "draf baru" in p.name]
