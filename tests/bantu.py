"""Helpers shared by the tests (one module; test files never import each other): running
the real `zi`, reading documents and the registry back, editing files as a person would,
and the expected tracker lines from the `zi jadwal --json` contract."""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path
from typing import Any

import docx
import openpyxl

AKAR = Path(__file__).resolve().parent.parent
DATA = AKAR / "data"
RENCANA = DATA / "rencana_aksi_2026.yaml"
CADANGAN_WINDOWS = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(10)), *(f"LPT{i}" for i in range(10))}


def jalankan_zi(*argumen: str, cwd: Path | None = None, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run the real `zi` command in a child process (as a user would)."""
    return subprocess.run(
        [sys.executable, "-m", "zi.cli", *argumen],
        capture_output=True, text=True, cwd=cwd or AKAR, env={**os.environ, **(env or {})}, timeout=600,
    )


def ganti_xml_docx(berkas: Path, ganti: list[list[str]], bagian: str = "word/document.xml") -> None:
    """Textual replacements inside one part of a .docx (as a person editing XML would)."""
    with zipfile.ZipFile(berkas) as z:
        isi = {n: z.read(n) for n in z.namelist()}
    xml = isi[bagian].decode("utf-8")
    for lama, baru in ganti:
        assert lama in xml, f"{berkas.name}: \"{lama}\" not in {bagian}"
        xml = xml.replace(lama, baru, 1)
    isi[bagian] = xml.encode("utf-8")
    with zipfile.ZipFile(berkas, "w", zipfile.ZIP_DEFLATED) as z:
        for n, b in isi.items():
            z.writestr(n, b)


def potret(akar: Path) -> dict[str, bytes]:
    """Every file of the archive with its bytes (registry and lock file included)."""
    return {p.relative_to(akar).as_posix(): p.read_bytes() for p in sorted(akar.rglob("*")) if p.is_file()}


def baris_registri(akar: Path) -> set[tuple]:
    """The registry's rows, read from a copy (database and WAL) so that reading leaves no
    trace in the archive and sees what a killed process committed."""
    with tempfile.TemporaryDirectory() as tmp:
        for akhiran in ("", "-wal"):
            asal = akar / ".zi" / f"arsip.sqlite{akhiran}"
            if asal.exists():
                shutil.copyfile(asal, Path(tmp) / f"arsip.sqlite{akhiran}")
        if not (Path(tmp) / "arsip.sqlite").exists():
            return set()
        db = sqlite3.connect(Path(tmp) / "arsip.sqlite")
        try:
            return set(db.execute("SELECT * FROM naskah"))
        except sqlite3.OperationalError as e:
            # A run killed while creating the registry leaves the file without tables yet:
            # an empty registry, which the next run completes.
            if "no such table" in str(e):
                return set()
            raise
        finally:
            db.close()


def teks(jalur: Path) -> str:
    """All text of a .docx (a path, or its bytes): paragraphs, then every table cell (nested too)."""
    d = docx.Document(io.BytesIO(jalur) if isinstance(jalur, bytes) else str(jalur))
    bagian = [p.text for p in d.paragraphs]

    def sel(tabel):
        for baris in tabel.rows:
            for c in baris.cells:
                bagian.extend(p.text for p in c.paragraphs)
                for t in c.tables:
                    sel(t)

    for t in d.tables:
        sel(t)
    return "\n".join(bagian)


def aman_windows(nama: str) -> bool:
    """A file or folder name Windows accepts and means literally (no device, no trailing
    dot or space, no reserved character, a sane length)."""
    if not nama or nama in (".", "..") or len(nama) > 200:
        return False
    if re.search(r'[<>:"/\\|?*\x00-\x1f]', nama) or nama[-1] in ". ":
        return False
    return nama.split(".")[0].rstrip(" ").upper() not in CADANGAN_WINDOWS



def kejadian_jadwal(sampai: str) -> list[dict[str, Any]]:
    """Every (row, occurrence) due up to month `sampai` (YYYY-MM), by due date then id, from
    the `zi jadwal --json` contract: the due date ("jatuh_tempo") is the occurrence's `tenggat`."""
    h = jalankan_zi("jadwal", "--json")
    assert h.returncode == 0, h.stderr
    hasil = [{"id": b["id"], "area": b["area"], "komponen": b["komponen"], "target_waktu": b["target_waktu"],
              "bulan": k["bulan"], "jatuh_tempo": dt.date.fromisoformat(k["tenggat"]),
              "tanggal": dt.date.fromisoformat(k["tanggal"]), "jenis": list(k["jenis"])}
             for b in json.loads(h.stdout) for k in b["kejadian"] if k["bulan"] <= sampai]
    return sorted(hasil, key=lambda x: (x["jatuh_tempo"], x["id"]))


def kolom(ws) -> dict[str, int]:
    return {c.value: c.column for c in ws[1] if c.value}


def baris_per_kunci(ws) -> dict[tuple[str, str], int]:
    k = kolom(ws)
    hasil = {}
    for r in range(2, ws.max_row + 1):
        id_, bulan = ws.cell(r, k["ID Baris"]).value, ws.cell(r, k["Bulan Jatuh Tempo"]).value
        if id_:
            assert (id_, bulan) not in hasil, f"baris ganda {id_} {bulan}"
            hasil[(id_, bulan)] = r
    return hasil


def isi_realisasi(jalur: Path, isian: dict[tuple[str, str], dict[str, Any]]) -> None:
    """Type values into the Realisasi sheet: {(id, month): {header: value}}; save."""
    wb = openpyxl.load_workbook(jalur)
    ws = wb["Realisasi"]
    k, r = kolom(ws), baris_per_kunci(ws)
    for kunci, sel in isian.items():
        for judul, nilai in sel.items():
            ws.cell(r[kunci], k[judul]).value = nilai
    wb.save(jalur)


def registri(akar: Path) -> list[tuple[str, str, str]]:
    """(path, row id, month) of every document in the archive's registry, read directly."""
    with sqlite3.connect(akar / ".zi" / "arsip.sqlite") as db:
        return list(db.execute("SELECT path, baris_id, bulan FROM naskah"))


def info_pdf(pdf: Path) -> dict[str, str]:
    """`pdfinfo`'s fields (Pages, Page size, …) of a PDF: poppler reads it, not zi."""
    keluaran = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    return dict(re.findall(r"^([^:]+):\s+(.*)$", keluaran, flags=re.M))


def teks_pdf(pdf: Path) -> str:
    """A PDF's text (poppler's `pdftotext`), whitespace collapsed."""
    return " ".join(subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                                   check=True).stdout.split())


def pdf_rujukan(berkas: list[Path], folder: Path) -> dict[Path, Path]:
    """LibreOffice's own conversion of `berkas`, independent of zi: one plain `soffice
    --convert-to pdf` call over copies numbered 0.docx, 1.docx, … with a fresh profile."""
    masuk, keluar = folder / "masuk", folder / "keluar"
    masuk.mkdir(parents=True)
    for i, b in enumerate(berkas):
        shutil.copyfile(b, masuk / f"{i}.docx")
    subprocess.run(["soffice", "--headless", "--norestore", f"-env:UserInstallation={(folder / 'profil').as_uri()}",
                    "--convert-to", "pdf", "--outdir", str(keluar), *(str(masuk / f"{i}.docx") for i in range(len(berkas)))],
                   capture_output=True, check=True, timeout=600)
    return {b: keluar / f"{i}.pdf" for i, b in enumerate(berkas)}


def tunggu(syarat: Any, *, batas: float = 60, pesan: str = "", berhenti: Any = None, jeda: float = 0.002) -> Any:
    """Wait for an event: poll `syarat()` until it returns something true and return that.
    Fails after `batas` seconds with `pesan`; returns False early once `berhenti()` is true
    (the process being watched has ended, say) and `syarat()` still is not."""
    import time

    akhir = time.monotonic() + batas
    while True:
        hasil = syarat()
        if hasil:
            return hasil
        if berhenti is not None and berhenti():
            return syarat() or False
        assert time.monotonic() < akhir, pesan or f"waited {batas} s in vain"
        time.sleep(jeda)


def kunci_di_proc(jalur: Path) -> list[tuple[int, bool]]:
    """Who holds or waits for the flock on `jalur` (the archive's `.zi/kunci`), as the kernel
    reports it in /proc/locks: [(pid, waiting?)]. Reading it takes no lock itself."""
    try:
        inode = os.stat(jalur).st_ino
    except FileNotFoundError:
        return []
    hasil = []
    for baris in Path("/proc/locks").read_text().splitlines():
        kata = baris.split()
        menunggu = len(kata) > 1 and kata[1] == "->"
        if menunggu:
            del kata[1]
        # "1: FLOCK  ADVISORY  WRITE 1234 fe:00:5678 0 EOF"; a waiter has "->" after the number
        if len(kata) >= 6 and kata[1] == "FLOCK" and kata[5].rsplit(":", 1)[-1] == str(inode):
            hasil.append((int(kata[4]), menunggu))
    return hasil
