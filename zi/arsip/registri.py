"""The archive's registry: one SQLite row per generated document (standard-library sqlite3).

It remembers what zi wrote (path, kind, row, occurrence, template/input/content hashes,
time, run id) so a run can tell "unchanged" from "inputs changed" from "a person edited
this file", and a run that was killed halfway can be re-run to the same final archive.
One run at a time holds the archive lock; readers never block.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import sqlite3
import time
import json
from collections.abc import Iterator
from dataclasses import dataclass, fields
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
    waktu TEXT NOT NULL,             -- ISO 8601 in the office's zone
    run_id TEXT NOT NULL,
    baris TEXT NOT NULL DEFAULT ''   -- JSON list of every plan row the document serves
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
_SKEMA_PDF = """
CREATE TABLE IF NOT EXISTS pdf (     -- zi.pdf: the PDF made from a .docx of the archive
    docx TEXT PRIMARY KEY,           -- the document, relative to the archive root
    path TEXT NOT NULL,              -- its PDF
    docx_hash TEXT NOT NULL,         -- sha256 of the .docx the PDF was made from
    pdf_hash TEXT NOT NULL,          -- sha256 of the PDF zi wrote
    waktu TEXT NOT NULL
);
"""


@dataclass(frozen=True)
class Catatan:
    """One registry row. `baris_id` is the document's first plan row ("" for a report of
    a whole period), `baris` every row it serves."""

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
    baris: tuple[str, ...] = ()


@dataclass(frozen=True)
class CatatanPdf:
    """The PDF zi made from one .docx (see zi.pdf): paths relative to the root, '/'-separated."""

    docx: str
    path: str
    docx_hash: str  # the .docx version it shows
    pdf_hash: str  # the PDF's bytes as zi wrote them
    waktu: str


_KOLOM = tuple(f.name for f in fields(Catatan))
_PILIH = "SELECT " + ", ".join(_KOLOM) + " FROM naskah"
JENIS_PERIODE = "laporan_monev_periode"


def _catatan(r: sqlite3.Row | tuple) -> Catatan:
    nilai = dict(zip(_KOLOM, r))
    nilai["baris"] = tuple(json.loads(nilai["baris"])) if nilai["baris"] else ()
    return Catatan(**nilai)


def _migrasi(db: sqlite3.Connection) -> None:
    """Bring a registry written by an older zi up to this schema (in one transaction):
    the `baris` column, filled from `baris_id`; period monev reports, which stored their
    period code as the row id, get no row id (their identity keeps the period)."""
    kolom = {r[1] for r in db.execute("PRAGMA table_info(naskah)")}
    if "baris" in kolom:
        return
    db.execute("BEGIN IMMEDIATE")
    try:
        kolom = {r[1] for r in db.execute("PRAGMA table_info(naskah)")}
        if "baris" not in kolom:  # another process may have migrated while we waited
            db.execute("ALTER TABLE naskah ADD COLUMN baris TEXT NOT NULL DEFAULT ''")
            db.execute("UPDATE naskah SET kunci = substr(kunci, length(baris_id) + 1), baris_id = '', baris = '[]' "
                       "WHERE jenis = ?", (JENIS_PERIODE,))
            db.execute("UPDATE naskah SET baris = json_array(baris_id) WHERE baris = ''")
    except BaseException:
        db.execute("ROLLBACK")
        raise
    db.execute("COMMIT")


def _pilih_lama(db: sqlite3.Connection) -> str:
    """The SELECT for a registry opened read-only: an older one (no `baris` column) is read
    as if migrated (see `_migrasi`), without writing to it."""
    kolom = {r[1] for r in db.execute("PRAGMA table_info(naskah)")}
    if "baris" in kolom:
        return _PILIH
    periode = f"jenis = '{JENIS_PERIODE}'"
    ganti = {"kunci": f"CASE WHEN {periode} THEN substr(kunci, length(baris_id) + 1) ELSE kunci END",
             "baris_id": f"CASE WHEN {periode} THEN '' ELSE baris_id END",
             "baris": f"CASE WHEN {periode} THEN '[]' ELSE json_array(baris_id) END"}
    return "SELECT " + ", ".join(f"{ganti[k]} AS {k}" if k in ganti else k for k in _KOLOM) + " FROM naskah"


def jalur_db(akar: Path) -> Path:
    return akar / FOLDER_META / NAMA_DB


class Registri:
    """The registry of one archive root. Use `Registri.buka(akar)` as a context manager."""

    def __init__(self, koneksi: sqlite3.Connection, akar: Path):
        self.db = koneksi
        self.akar = akar
        self._pilih = _pilih_lama(koneksi)

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
                if tulis:
                    _migrasi(koneksi)
                    koneksi.executescript(_SKEMA_PDF)  # older registries gain the table here
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
        return next(iter(self._baca(" WHERE kunci = ?", (kunci,))), None)

    def semua(self, bulan: str | None = None) -> list[Catatan]:
        return self._baca((" WHERE bulan = ?" if bulan else "") + " ORDER BY bulan, path", (bulan,) if bulan else ())

    def kunci_ada(self) -> set[str]:
        return {c.kunci for c in self._baca("")}

    def _baca(self, sisa: str, param: tuple = ()) -> list[Catatan]:
        return [_catatan(r) for r in self.db.execute(f"SELECT * FROM ({self._pilih}){sisa}", param)]

    def simpan(self, c: Catatan, riwayat_path: str | None = None, riwayat_hash: str | None = None) -> None:
        """Record a written document (and where its previous version went), atomically."""
        with self.transaksi():
            if riwayat_path:
                self.db.execute("INSERT INTO riwayat (kunci, path, content_hash, waktu, run_id) VALUES (?,?,?,?,?)",
                                (c.kunci, riwayat_path, riwayat_hash, c.waktu, c.run_id))
            self.db.execute("DELETE FROM naskah WHERE path = ? AND kunci != ?", (c.path, c.kunci))
            nilai = {f: getattr(c, f) for f in _KOLOM}
            nilai["baris"] = json.dumps(list(c.baris), ensure_ascii=False)
            self.db.execute(f"INSERT OR REPLACE INTO naskah ({', '.join(_KOLOM)}) "
                            f"VALUES ({', '.join('?' * len(_KOLOM))})", tuple(nilai.values()))

    def semua_pdf(self) -> dict[str, "CatatanPdf"]:
        """Every recorded PDF by its .docx path (none in a registry that predates them)."""
        try:
            return {r[0]: CatatanPdf(*r) for r in self.db.execute(
                "SELECT docx, path, docx_hash, pdf_hash, waktu FROM pdf")}
        except sqlite3.OperationalError:  # no such table: opened read-only, never written
            return {}

    def simpan_pdf(self, c: "CatatanPdf") -> None:
        self.db.execute("INSERT OR REPLACE INTO pdf (docx, path, docx_hash, pdf_hash, waktu) VALUES (?,?,?,?,?)",
                        (c.docx, c.path, c.docx_hash, c.pdf_hash, c.waktu))

    # Running numbers (H5, zi.naskah.penomoran): one counter per series and year; a document
    # keeps the number it was given, so a re-run never renumbers.
    _SKEMA_NOMOR = """CREATE TABLE IF NOT EXISTS nomor (
        seri TEXT NOT NULL, tahun INTEGER NOT NULL, kunci TEXT NOT NULL, nomor INTEGER NOT NULL,
        PRIMARY KEY (seri, tahun, kunci), UNIQUE (seri, tahun, nomor))"""

    def nomor_tercatat(self, seri: str, tahun: int) -> dict[str, int]:
        """Numbers already given in a series and year, by document key."""
        try:
            return dict(self.db.execute("SELECT kunci, nomor FROM nomor WHERE seri = ? AND tahun = ?",
                                        (seri, tahun)).fetchall())
        except sqlite3.OperationalError:  # no such table yet
            return {}

    def catat_nomor(self, seri: str, tahun: int, kunci: str, nomor: int) -> None:
        self.db.execute(self._SKEMA_NOMOR)
        self.db.execute("INSERT OR IGNORE INTO nomor (seri, tahun, kunci, nomor) VALUES (?,?,?,?)",
                        (seri, tahun, kunci, nomor))

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


