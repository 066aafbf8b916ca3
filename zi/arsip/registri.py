"""The archive's registry: one SQLite row per generated document (standard-library sqlite3).

It remembers what zi wrote (path, kind, row, occurrence, template/input/content hashes,
time, run id) so a run can tell "unchanged" from "inputs changed" from "a person edited
this file", and a run that was killed halfway can be re-run to the same final archive.
One run at a time holds the archive lock; readers never block.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import fcntl
import os
import sqlite3
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from zi.galat import ZiError

FOLDER_META = ".zi"
NAMA_DB = "arsip.sqlite"

_SKEMA = """
CREATE TABLE IF NOT EXISTS naskah (
    kunci TEXT PRIMARY KEY,          -- row|month|week|kind|subject: the document's identity
    path TEXT NOT NULL UNIQUE,       -- relative to the archive root, '/'-separated
    jenis TEXT NOT NULL,
    baris_id TEXT NOT NULL,
    bulan TEXT NOT NULL,             -- YYYY-MM of the event (the archive month)
    minggu INTEGER,
    tanggal TEXT NOT NULL,           -- event date
    templat_hash TEXT NOT NULL,
    input_hash TEXT NOT NULL,
    content_hash TEXT NOT NULL,      -- sha256 of the bytes zi wrote
    waktu TEXT NOT NULL,
    run_id TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS naskah_bulan ON naskah (bulan);
CREATE TABLE IF NOT EXISTS riwayat (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    kunci TEXT NOT NULL,
    path TEXT NOT NULL,              -- where the replaced version now lives
    content_hash TEXT NOT NULL,
    waktu TEXT NOT NULL,
    run_id TEXT NOT NULL
);
"""


@dataclass(frozen=True)
class Catatan:
    """One registry row."""

    kunci: str
    path: str
    jenis: str
    baris_id: str
    bulan: str
    minggu: int | None
    tanggal: str
    templat_hash: str
    input_hash: str
    content_hash: str
    waktu: str
    run_id: str


def jalur_db(akar: Path) -> Path:
    return akar / FOLDER_META / NAMA_DB


class Registri:
    """The registry of one archive root. Use `Registri.buka(akar)` as a context manager."""

    def __init__(self, koneksi: sqlite3.Connection, akar: Path):
        self.db = koneksi
        self.akar = akar

    @classmethod
    @contextlib.contextmanager
    def buka(cls, akar: Path, tulis: bool = True) -> Iterator["Registri"]:
        """Open (creating if `tulis`) the registry; a corrupt file is a clear error."""
        jalur = jalur_db(akar)
        if not tulis and not jalur.exists():
            koneksi = sqlite3.connect(":memory:")
            koneksi.executescript(_SKEMA)
            yield cls(koneksi, akar)
            koneksi.close()
            return
        try:
            jalur.parent.mkdir(parents=True, exist_ok=True)
        except OSError as e:
            raise ZiError(f"folder arsip tidak bisa ditulis: {e.strerror}", akar) from None
        # Two processes creating the registry at the same moment: switching a new database
        # to WAL can fail with "database is locked" without waiting (SQLite does not call
        # the busy handler there). That is contention, not corruption: wait and retry.
        batas = time.monotonic() + 30
        while True:
            koneksi = sqlite3.connect(jalur, timeout=30, isolation_level=None)
            try:
                koneksi.execute("PRAGMA journal_mode=WAL")
                # NORMAL in WAL mode survives a killed process; after a power cut the last
                # commits may be lost, and the next run adopts the identical files it finds.
                koneksi.execute("PRAGMA synchronous=NORMAL")
                cek = koneksi.execute("PRAGMA quick_check").fetchone()[0]
                if cek != "ok":
                    raise sqlite3.DatabaseError(cek)
                koneksi.executescript(_SKEMA)
                break
            except sqlite3.OperationalError as e:
                koneksi.close()
                if "locked" not in str(e) and "busy" not in str(e):
                    raise ZiError(f"registri arsip rusak ({e}); pulihkan dari cadangan atau pindahkan berkas itu "
                                  "agar registri dibuat ulang", jalur) from None
                if time.monotonic() > batas:
                    raise ZiError("registri arsip terus dikunci proses lain; coba lagi nanti", jalur) from None
                time.sleep(0.05)
            except sqlite3.DatabaseError as e:
                koneksi.close()
                raise ZiError(f"registri arsip rusak ({e}); pulihkan dari cadangan atau pindahkan berkas itu "
                              "agar registri dibuat ulang", jalur) from None
        try:
            yield cls(koneksi, akar)
        finally:
            koneksi.close()

    def cari(self, kunci: str) -> Catatan | None:
        r = self.db.execute("SELECT * FROM naskah WHERE kunci = ?", (kunci,)).fetchone()
        return Catatan(*r) if r else None

    def semua(self, bulan: str | None = None) -> list[Catatan]:
        sql = "SELECT * FROM naskah" + (" WHERE bulan = ?" if bulan else "") + " ORDER BY bulan, path"
        return [Catatan(*r) for r in self.db.execute(sql, (bulan,) if bulan else ())]

    def kunci_ada(self) -> set[str]:
        return {r[0] for r in self.db.execute("SELECT kunci FROM naskah")}

    def simpan(self, c: Catatan, riwayat_path: str | None = None, riwayat_hash: str | None = None) -> None:
        """Record a written document (and where its previous version went), atomically."""
        with self.transaksi():
            if riwayat_path:
                self.db.execute("INSERT INTO riwayat (kunci, path, content_hash, waktu, run_id) VALUES (?,?,?,?,?)",
                                (c.kunci, riwayat_path, riwayat_hash, c.waktu, c.run_id))
            self.db.execute("DELETE FROM naskah WHERE path = ? AND kunci != ?", (c.path, c.kunci))
            self.db.execute(
                "INSERT OR REPLACE INTO naskah VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                (c.kunci, c.path, c.jenis, c.baris_id, c.bulan, c.minggu, c.tanggal, c.templat_hash,
                 c.input_hash, c.content_hash, c.waktu, c.run_id),
            )

    @contextlib.contextmanager
    def transaksi(self) -> Iterator[None]:
        self.db.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        self.db.execute("COMMIT")


_KUNCI_TERBUKA: set[int] = set()  # lock fds held by this process


def _lepas_di_anak() -> None:
    """In a forked child (e.g. a render worker) close the inherited lock fds: a flock is
    held while any process has its fd open, so a worker orphaned by a killed run would
    otherwise keep the archive locked and every later run would wait forever."""
    for fd in _KUNCI_TERBUKA:
        with contextlib.suppress(OSError):
            os.close(fd)
    _KUNCI_TERBUKA.clear()


os.register_at_fork(after_in_child=_lepas_di_anak)


@contextlib.contextmanager
def kunci_arsip(akar: Path) -> Iterator[None]:
    """Exclusive lock on the archive for one generating run (CLI or flow, any process).

    A second run on the same archive waits for the first to finish instead of racing it.
    """
    try:
        (akar / FOLDER_META).mkdir(parents=True, exist_ok=True)
        fd = os.open(akar / FOLDER_META / "kunci", os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
    except OSError as e:
        raise ZiError(f"folder arsip tidak bisa ditulis: {e.strerror}", akar) from None
    _KUNCI_TERBUKA.add(fd)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        if fd in _KUNCI_TERBUKA:  # not in a forked child, whose copy was closed at fork
            _KUNCI_TERBUKA.discard(fd)
            fcntl.flock(fd, fcntl.LOCK_UN)
            os.close(fd)


def sekarang() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
