"""`zi arsip --bundel-lke 2026`: the year's evidence in the evaluation's order (area / row),
checked against the registry read directly, the plan and lke.yaml; and `zi lke` refusing a
period outside the plan."""

from __future__ import annotations

import json
import re
import shutil
import sqlite3
import zipfile
from pathlib import Path

import pytest
import yaml

from tests.bantu import DATA, RENCANA, aman_windows, jalankan_zi

LKE = yaml.safe_load((DATA / "lke.yaml").read_text(encoding="utf-8"))
PLAN = yaml.safe_load(RENCANA.read_text(encoding="utf-8"))
ROMAWI = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII"]
BARIS = {b["id"]: b for b in PLAN["baris"]}


def folder_area(kode_rencana: str) -> str:
    i = next(i for i, a in enumerate(LKE["area"]) if a["area_rencana"] == kode_rencana)
    return f"{ROMAWI[i]} {LKE['area'][i]['nama']}"


@pytest.fixture
def arsip(arsip_dasar, tmp_path) -> Path:
    akar = tmp_path / "arsip"
    shutil.copytree(arsip_dasar, akar)
    return akar


def test_bundel_lke_per_area_dan_baris(arsip):
    # Staff drop a scan into I.1.1's folder; a new draft awaiting a person's choice and a lock
    # file are not evidence.
    folder = arsip / "2026/01/I.1.1"
    (folder / "SK bertanda tangan.pdf").write_bytes(b"%PDF-1.4 scan")
    (folder / "2026-01-08 SK (draf baru).docx").write_bytes(b"draf")
    (folder / "~$SK.docx").write_bytes(b"kunci")
    k = jalankan_zi("arsip", "--bundel-lke", "2026", "--keluaran", str(arsip))
    assert k.returncode in (0, 2), k.stdout + k.stderr  # 2 only when LibreOffice is missing (said so)
    jalur = arsip / "bundel" / "bukti-lke-2026.zip"
    assert f"Bundel bukti LKE ditulis: {jalur}" in k.stdout
    with zipfile.ZipFile(jalur) as z:
        nama = set(z.namelist())
        indeks = z.read("indeks.html").decode()
    # Every registered document under each row it serves, in its LKE area's folder.
    with sqlite3.connect(arsip / ".zi" / "arsip.sqlite") as db:
        naskah = list(db.execute("SELECT path, baris, bulan FROM naskah"))
    assert naskah
    harapan = set()
    for path, baris, bulan in naskah:
        for b in json.loads(baris):
            komponen = BARIS[b]["komponen"]
            if re.fullmatch(r"[\w .,-]+", komponen):
                harapan.add(f"{folder_area(BARIS[b]['area'])}/{b} {komponen}/{bulan}/{Path(path).name}")
    harapan.add(f"{folder_area('I')}/I.1.1 {BARIS['I.1.1']['komponen']}/2026-01/SK bertanda tangan.pdf")
    assert harapan <= nama, sorted(harapan - nama)
    assert not [n for n in nama if "draf baru" in n or "~$" in n]
    # Each document's PDF goes with it when LibreOffice made one.
    if k.returncode == 0:
        for path, baris, bulan in naskah:
            pdf = Path(path).with_suffix(".pdf").name
            assert any(n.endswith(f"/{bulan}/{pdf}") for n in nama), pdf
    for n in nama:
        assert all(aman_windows(bagian) for bagian in n.split("/")), n
    # The index: every file, and the rows that have no evidence at all.
    for n in harapan:
        assert n.replace("&", "&amp;") in indeks
    tanpa = [b["id"] for b in PLAN["baris"] if not any(n.split("/")[1].startswith(b["id"] + " ") for n in nama
                                                        if n.count("/") >= 2)]
    assert tanpa and indeks.count("belum ada bukti di arsip") == len(tanpa)
    assert f"{len(tanpa)} baris rencana belum punya bukti di arsip" in k.stdout
    # The same archive bundles to the same bytes.
    sebelum = jalur.read_bytes()
    assert jalankan_zi("arsip", "--bundel-lke", "2026", "--keluaran", str(arsip)).returncode == k.returncode
    assert jalur.read_bytes() == sebelum


def test_lke_periode_di_luar_rencana(arsip):
    k = jalankan_zi("lke", "--periode", "2027-TW1", "--keluaran", str(arsip))
    assert k.returncode == 2 and "argumen --periode" in k.stderr and "di luar rencana tahun 2026" in k.stderr
    assert k.stdout == ""


def test_lke_json_hanya_json_di_stdout(arsip):
    k = jalankan_zi("lke", "--periode", "2026", "--json", "--keluaran", str(arsip))
    assert k.returncode == 0, k.stderr
    data = json.loads(k.stdout)
    assert [o["area"] for o in data] == [a["area_rencana"] for a in LKE["area"]]
    assert [o["nama"] for o in data] == [a["nama"] for a in LKE["area"]]
    # No tracker: nothing is done, so no area scores.
    assert all(o["selesai"] == 0 and o["dengan_bukti"] == 0 and o["nilai"] in (0, None) for o in data)
