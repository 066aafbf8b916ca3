"""Helpers for the realisasi/monev tests: the expected tracker lines from the `zi jadwal
--json` contract, and editing the workbook with openpyxl the way a person would (finding
columns by their header and lines by row id and month)."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from pathlib import Path
from typing import Any

import openpyxl

from .conftest import jalankan_zi


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
