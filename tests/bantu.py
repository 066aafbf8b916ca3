"""Helpers shared by the tests (one module; test files never import each other): running
the real `zi`, reading documents and the registry back, editing files as a person would,
and the expected tracker lines from the `zi jadwal --json` contract."""

from __future__ import annotations

import datetime as dt
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
    """All text of a .docx: paragraphs, then every table cell (nested too)."""
    d = docx.Document(str(jalur))
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
    """Every (row, occurrence) due up to month `sampai` (YYYY-MM), by due date then id."""
    h = jalankan_zi("jadwal", "--json")
    assert h.returncode == 0, h.stderr
    hasil = [{"id": b["id"], "area": b["area"], "bulan": k["bulan"], "jatuh_tempo": dt.date.fromisoformat(k["tanggal"])}
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
