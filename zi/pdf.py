"""PDFs of the archive's documents, at LibreOffice's own speed.

LibreOffice costs ~1.5 s to start and ~0.15 s per document once running, so a run starts
one converter per core and feeds each its share of the files in ONE `soffice
--convert-to pdf` call (measured faster here than a `unoserver` listener: see README).
Each converter has its own profile (two sharing one fail silently) and its own folder of
uniquely named links to the documents, so equal file names from different row folders
never collide. A converter that dies or stops answering (no new PDF within the per-file
time limit) is killed and restarted on the files it had not finished; a file that fails
twice is reported by name and the rest are still delivered.

The registry remembers, per .docx, the PDF made from it and both hashes: an unchanged
draft keeps its PDF untouched, a draft a person edited gets its PDF made again from their
edit, and a PDF a person replaced is never overwritten.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import os
import shutil
import signal
import subprocess
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from zi.arsip.berkas import di_dalam, sha256_berkas, tulis_atomik
from zi.arsip.registri import CatatanPdf, Registri, kunci_arsip
from zi.galat import ZiError
from zi.waktu import cap_waktu

BATAS_DETIK = 60.0
"""Default time limit per file: a converter that shows no new PDF for this long is stuck."""

_COBA = 2  # a file is given to LibreOffice at most this often (the first try + one retry)
_KOSONG_BERUNTUN = 3  # calls in a row that produced nothing: this converter is not answering


class LibreOfficeTidakAda(ZiError):
    """LibreOffice is not installed: no PDF can be made (the .docx are unaffected)."""


def soffice() -> str:
    """Path of LibreOffice's `soffice`, or a clear error saying what to install."""
    for nama in ("soffice", "libreoffice"):
        jalur = shutil.which(nama)
        if jalur:
            return jalur
    raise LibreOfficeTidakAda("LibreOffice tidak terpasang, jadi PDF tidak bisa dibuat; pasang dengan: "
                  "apt-get install libreoffice-writer-nogui")


@dataclass(frozen=True)
class Tugas:
    """One conversion: a .docx and where its PDF goes."""

    sumber: Path
    tujuan: Path


@dataclass
class HasilKonversi:
    """What a batch of conversions did."""

    pdf: dict[Path, str] = field(default_factory=dict)  # source .docx -> sha256 of the PDF written
    gagal: dict[Path, str] = field(default_factory=dict)  # source .docx -> why it has no PDF
    pesan: list[str] = field(default_factory=list)  # converters restarted, and why
    pengonversi: int = 0  # converters used


def _pdf_utuh(isi: bytes) -> bool:
    """A complete PDF (a converter killed mid-write leaves a truncated one)."""
    return isi.startswith(b"%PDF") and b"%%EOF" in isi[-1024:]


def _hentikan(proses: subprocess.Popen) -> None:
    """Kill the converter's whole process group (soffice starts soffice.bin under it)."""
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(proses.pid, signal.SIGKILL)
    proses.wait()


def _satu_panggilan(program: str, folder: Path, daftar: list[Tugas], batas: float,
                    henti: threading.Event) -> tuple[dict[Tugas, bytes], str | None]:
    """Convert `daftar` in one fresh LibreOffice with its own profile. Returns the PDFs made
    and, when the converter did not end normally, why (killed, died, stuck)."""
    masuk, keluar = folder / "masuk", folder / "keluar"
    masuk.mkdir(parents=True)
    keluar.mkdir()
    nama = [f"{i:05d}" for i in range(len(daftar))]
    for n, t in zip(nama, daftar):
        os.symlink(t.sumber.resolve(), masuk / f"{n}.docx")
    perintah = [program, "--headless", "--norestore", "--nologo", "--nodefault", "--nolockcheck",
                f"-env:UserInstallation={(folder / 'profil').as_uri()}", "--convert-to", "pdf",
                "--outdir", str(keluar), *(str(masuk / f"{n}.docx") for n in nama)]
    (folder / "tmp").mkdir()  # LibreOffice's own temporary files: removed with the folder, even if killed
    with open(folder / "log", "wb") as log:
        proses = subprocess.Popen(perintah, stdin=subprocess.DEVNULL, stdout=log, stderr=log, start_new_session=True,
                                  env={**os.environ, "TMPDIR": str(folder / "tmp")})
    alasan = None
    terlihat, tenggat = 0, time.monotonic() + 2 * batas  # the first file also waits for start-up
    while proses.poll() is None:
        if henti.is_set():  # the run is being stopped (Ctrl+C): leave no converter behind
            alasan = "dihentikan"
            break
        ada = len(os.listdir(keluar))
        if ada > terlihat:
            terlihat, tenggat = ada, time.monotonic() + batas
        elif time.monotonic() > tenggat:
            alasan = f"tidak menjawab dalam {batas:g} detik"
            break
        time.sleep(0.05)
    if alasan is None and proses.returncode != 0:
        alasan = f"berhenti tak terduga (kode {proses.returncode})"
    _hentikan(proses)  # also what a stuck or dead converter left behind
    jadi = {}
    for n, t in zip(nama, daftar):
        pdf = keluar / f"{n}.pdf"
        isi = pdf.read_bytes() if pdf.is_file() else b""
        if _pdf_utuh(isi):
            jadi[t] = isi
    return jadi, alasan


def _dicoba(sisa: list[Tugas], jadi: dict[Tugas, bytes], alasan: str | None) -> list[Tugas]:
    """Which unfinished files LibreOffice really tried in a call (it goes in order): all of
    them after a normal end; else those before its last PDF plus the one it was on."""
    belum = [t for t in sisa if t not in jadi]
    if alasan is None:
        return belum
    terakhir = max((i for i, t in enumerate(sisa) if t in jadi), default=-1)
    dicoba = [t for t in sisa[:terakhir + 1] if t not in jadi]
    return dicoba + sisa[terakhir + 1:terakhir + 2]


def _layani(program: str, folder: Path, nomor: int, daftar: list[Tugas], batas: float,
            hasil: HasilKonversi, kunci: threading.Lock, henti: threading.Event) -> None:
    """One converter's share: convert, write each PDF atomically, restart and retry once."""
    sisa, coba, kosong, putaran = list(daftar), Counter[Tugas](), 0, 0
    while sisa and not henti.is_set():
        putaran += 1
        jadi, alasan = _satu_panggilan(program, folder / f"k{nomor}-{putaran}", sisa, batas, henti)
        pdf = {}
        for t, isi in jadi.items():
            tulis_atomik(t.tujuan, isi)
            pdf[t.sumber] = hashlib.sha256(isi).hexdigest()
        for t in _dicoba(sisa, jadi, alasan):
            coba[t] += 1
        kosong = 0 if jadi else kosong + 1
        belum = [t for t in sisa if t not in jadi]
        gagal = {t.sumber: alasan or "LibreOffice tidak bisa membuka berkas ini"
                 for t in belum if coba[t] >= _COBA or kosong >= _KOSONG_BERUNTUN}
        sisa = [t for t in belum if t.sumber not in gagal]
        with kunci:
            hasil.pdf.update(pdf)
            hasil.gagal.update(gagal)
            if alasan and sisa:
                hasil.pesan.append(f"pengonversi PDF {nomor + 1} {alasan}; dimulai ulang untuk "
                                   f"{len(sisa)} berkas yang belum selesai")


def _bagi(tugas: list[Tugas], n: int) -> list[list[Tugas]]:
    """Shares of about equal work (bytes), largest files first."""
    bagian: list[list[Tugas]] = [[] for _ in range(n)]
    beban = [0] * n
    for t in sorted(tugas, key=lambda t: -t.sumber.stat().st_size):
        i = beban.index(min(beban))
        bagian[i].append(t)
        beban[i] += t.sumber.stat().st_size
    return [b for b in bagian if b]


def jumlah_inti() -> int:
    """Cores this process may use: one converter per core."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def konversi(tugas: list[Tugas], *, proses: int | None = None, batas_detik: float = BATAS_DETIK) -> HasilKonversi:
    """Convert every task's .docx to its PDF on `proses` converters (default one per core).

    LibreOffice missing is a `ZiError`; a file that fails is in `.gagal`, the rest delivered."""
    hasil = HasilKonversi()
    if not tugas:
        return hasil
    program = soffice()
    bagian = _bagi(tugas, min(proses or jumlah_inti(), len(tugas)))
    hasil.pengonversi = len(bagian)
    kunci, henti = threading.Lock(), threading.Event()
    with tempfile.TemporaryDirectory(prefix="zi-pdf-") as kerja, ThreadPoolExecutor(len(bagian)) as pool:
        tugas_pool = [pool.submit(_layani, program, Path(kerja), i, b, batas_detik, hasil, kunci, henti)
                      for i, b in enumerate(bagian)]
        try:
            for f in tugas_pool:
                f.result()
        except BaseException:  # Ctrl+C or a failed write: stop every converter, then re-raise
            henti.set()
            raise
    return hasil


def ke_pdf(berkas: list[Path], folder_keluar: Path | None = None, batas_detik: float = BATAS_DETIK) -> list[Path]:
    """Convert .docx files to PDF (beside them, or into `folder_keluar`), outside the
    registry; any failure is a `ZiError` naming the file. Returns the PDF paths in order."""
    tugas = [Tugas(b, (folder_keluar or b.parent) / f"{b.stem}.pdf") for b in berkas]
    hasil = konversi(tugas, batas_detik=batas_detik)
    if hasil.gagal:
        b, alasan = next(iter(hasil.gagal.items()))
        raise ZiError(f"LibreOffice gagal membuat PDF: {alasan}", b)
    return [t.tujuan for t in tugas]


# --------------------------------------------------------------------------- the archive's PDFs

@dataclass
class HasilPdf:
    """The PDFs of a list of archive documents after `pastikan_pdf` (paths relative to the root)."""

    pdf: dict[Path, Path] = field(default_factory=dict)  # .docx -> its current PDF
    dibuat: list[Path] = field(default_factory=list)  # PDFs (re)made in this call
    terkini: list[Path] = field(default_factory=list)  # PDFs already current, left untouched
    dibiarkan: list[Path] = field(default_factory=list)  # PDFs a person replaced: not overwritten
    gagal: dict[Path, str] = field(default_factory=dict)  # .docx -> why it has no PDF
    pesan: list[str] = field(default_factory=list)  # converter restarts
    pengonversi: int = 0


def _waktu() -> str:
    return cap_waktu(dt.timezone.utc)  # type: ignore[arg-type]  # no office zone here: UTC, with its offset


def jalur_pdf(docx: Path) -> Path:
    """Where a document's PDF lives: beside it, same name."""
    return docx.with_suffix(".pdf")


def _keadaan(akar: Path, rel: Path, c: CatatanPdf | None, hash_docx: str) -> str:
    """"terkini", "perlu" (missing or made from another version) or "dibiarkan"."""
    pdf = akar / jalur_pdf(rel)
    if not pdf.exists():
        return "perlu"
    if c is None:  # not recorded: made by an older zi or a run killed before recording it
        return "terkini" if pdf.stat().st_mtime >= (akar / rel).stat().st_mtime else "dibiarkan"
    if sha256_berkas(pdf) != c.pdf_hash:
        return "dibiarkan"
    return "terkini" if c.docx_hash == hash_docx else "perlu"


def pastikan_pdf(akar: Path, daftar: Iterable[Path], *, proses: int | None = None,
                 batas_detik: float = BATAS_DETIK) -> HasilPdf:
    """Every listed .docx of the archive (absolute, or relative to `akar`) gets a current PDF
    beside it, recorded in the registry; what is current is left untouched. Converts what is
    missing or stale in one bulk pass. Holds the archive lock while it writes."""
    hasil = HasilPdf()
    semua = list(dict.fromkeys(Path(os.path.relpath(di_dalam(akar, akar / d), akar)) for d in daftar))
    semua = [r for r in semua if (akar / r).is_file()]
    if not semua:
        return hasil
    with Registri.buka(akar) as reg, kunci_arsip(akar):
        catatan = reg.semua_pdf()
        perlu: dict[Path, str] = {}
        for rel in semua:
            h = sha256_berkas(akar / rel)
            keadaan = _keadaan(akar, rel, catatan.get(rel.as_posix()), h)
            if keadaan == "perlu":
                perlu[rel] = h
            elif keadaan == "terkini":
                hasil.terkini.append(jalur_pdf(rel))
                hasil.pdf[rel] = jalur_pdf(rel)
                if rel.as_posix() not in catatan:
                    reg.simpan_pdf(CatatanPdf(rel.as_posix(), jalur_pdf(rel).as_posix(), h,
                                              sha256_berkas(akar / jalur_pdf(rel)), _waktu()))
            else:
                hasil.dibiarkan.append(jalur_pdf(rel))
        if perlu:
            soffice()  # before the registry is touched: a clear message, nothing half-done
            k = konversi([Tugas(akar / r, akar / jalur_pdf(r)) for r in perlu], proses=proses,
                         batas_detik=batas_detik)
            _catat(reg, akar, perlu, k, hasil)
    return hasil


def _catat(reg: Registri, akar: Path, perlu: dict[Path, str], k: HasilKonversi, hasil: HasilPdf) -> None:
    """Record the PDFs a conversion made, and carry its failures into the result."""
    for rel, h in perlu.items():
        if akar / rel in k.pdf:
            reg.simpan_pdf(CatatanPdf(rel.as_posix(), jalur_pdf(rel).as_posix(), h, k.pdf[akar / rel], _waktu()))
            hasil.dibuat.append(jalur_pdf(rel))
            hasil.pdf[rel] = jalur_pdf(rel)
        else:
            hasil.gagal[rel] = k.gagal.get(akar / rel, "tidak diketahui")
    hasil.pesan += k.pesan
    hasil.pengonversi = k.pengonversi


def dokumen_keluaran(akar: Path, hasil: Iterable[object]) -> list[Path]:
    """The documents a generating run's results (`Keluaran`) stand for: each result's file
    and, for a conflict, also the person's edited file (the registered one): its PDF must
    show their edit."""
    daftar = []
    with Registri.buka(akar, tulis=False) as reg:
        for h in hasil:
            daftar.append(Path(h.jalur))  # type: ignore[attr-defined]
            if h.status == "konflik":  # type: ignore[attr-defined]
                c = reg.cari(h.naskah.kunci)  # type: ignore[attr-defined]
                if c is not None:
                    daftar.append(Path(c.path))
    return daftar
