"""The bad-input corpus: every case in tests/bad_inputs/ is one YAML file (adding a case is
adding a file; the format is described in tests/bad_inputs/README.md).

Each case takes a fresh copy of the sample data, templates and an archive made once by
`zi buat --bulan 2026-02` (plus `zi realisasi --periode 2026-TW1`), breaks one input, runs
the real `zi` command in a child process and checks:

* exit status 2 (bad input; 1 for realisasi-workbook cases: the report still renders);
* a message naming the file and the row/key/cell, with the case's words, and no traceback;
* the archive unchanged byte for byte, registry included (exit 1: every file that was
  there is unchanged, the registry only gained rows, and a report was added).

The cases run four at a time in one module fixture (the child processes mostly wait on
imports); each case is still its own test.
"""

from __future__ import annotations

import concurrent.futures
import os
import re
import resource
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import zipfile
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.bantu import AKAR, DATA, baris_registri, ganti_xml_docx, jalankan_zi, potret

FOLDER_KASUS = Path(__file__).resolve().parent / "bad_inputs"
JENIS_MASUKAN = ("rencana", "instansi", "pegawai", "tim", "templat", "argumen", "realisasi", "lke", "naskah")


def muat_kasus() -> list[dict[str, Any]]:
    kasus = []
    for berkas in sorted(FOLDER_KASUS.glob("*.yaml")):
        k = yaml.safe_load(berkas.read_text(encoding="utf-8"))
        k["nama"] = berkas.stem
        assert k["jenis"] in JENIS_MASUKAN, berkas
        assert k.get("pesan"), f"{berkas.name}: a case must say which words the message contains"
        kasus.append(k)
    return kasus


KASUS = muat_kasus()
ARGUMEN_BAWAAN = ["buat", "--bulan", "2026-02", "--rencana", "{rencana}", "--data", "{data}",
                  "--templat", "{templat}", "--keluaran", "{arsip}"]


# --------------------------------------------------------------------------- building inputs

def bom_zip(asal: Path, tujuan: Path, megabita: int = 216) -> None:
    """A .docx whose document.xml inflates to `megabita` MB of empty paragraphs (~1 MB
    compressed): tiny on disk, several GB once parsed into an XML tree."""
    with zipfile.ZipFile(asal) as z:
        isi = {n: z.read(n) for n in z.namelist()}
    xml = isi["word/document.xml"]
    i = xml.index(b"<w:body>") + len(b"<w:body>")
    blok = b"<w:p/>" * (1 << 20)  # 6 MB
    with zipfile.ZipFile(tujuan, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as z:
        for nama, data in isi.items():
            if nama != "word/document.xml":
                z.writestr(nama, data)
                continue
            with z.open(nama, "w", force_zip64=True) as f:
                f.write(xml[:i])
                for _ in range(megabita // 6):
                    f.write(blok)
                f.write(xml[i:])


def _ubah_xlsx(berkas: Path, ubah: list[dict[str, Any]]) -> list[str]:
    """Edit the realisasi workbook with openpyxl as staff would; returns each edited cell's
    address ("G12"). An edit is {judul: old header, nilai} (rename a header),
    {hapus_kolom: header} (delete that column) or {id, bulan, kolom: header, nilai} (type
    into a line's cell)."""
    import openpyxl

    wb = openpyxl.load_workbook(berkas)
    ws = wb["Realisasi"]
    kolom = {c.value: c.column for c in ws[1] if c.value}
    alamat = []
    for u in ubah:
        if "hapus_kolom" in u:
            ws.delete_cols(kolom[u["hapus_kolom"]])
            alamat.append(ws.cell(1, kolom[u["hapus_kolom"]]).coordinate)
            kolom = {c.value: c.column for c in ws[1] if c.value}
            continue
        if "judul" in u:
            sel = ws.cell(1, kolom[u["judul"]])
        else:
            baris = next(r for r in range(2, ws.max_row + 1)
                         if ws.cell(r, kolom["ID Baris"]).value == u["id"]
                         and ws.cell(r, kolom["Bulan Jatuh Tempo"]).value == u["bulan"])
            sel = ws.cell(baris, kolom[u["kolom"]])
        sel.value = u["nilai"]
        alamat.append(sel.coordinate)
    wb.save(berkas)
    return alamat


def siapkan(kasus: dict[str, Any], kerja: Path) -> dict[str, str]:
    """Apply the case's breakage to its target file; returns extra message placeholders."""
    tempat: dict[str, str] = {}
    if not kasus.get("berkas"):
        return tempat
    target = kerja / kasus["berkas"]
    if kasus.get("hapus"):
        target.unlink()
    if "isi" in kasus:
        isi = kasus["isi"]
        if isinstance(isi, str):
            target.write_text(isi, encoding="utf-8")
        else:
            target.write_bytes(isi)
    if kasus.get("isi_latin1") is not None:
        target.write_bytes(kasus["isi_latin1"].encode("latin-1"))
    khusus = kasus.get("khusus")
    if khusus == "bom_zip":
        bom_zip(AKAR / "templates_docx" / target.name, target)
    elif khusus == "zip_asing":
        with zipfile.ZipFile(target, "w") as z:
            z.writestr("halo.txt", "bukan dokumen Word")
    elif khusus == "potong":
        data = target.read_bytes()
        target.write_bytes(data[: len(data) // 2])
    elif khusus is not None:
        raise AssertionError(f"unknown khusus: {khusus}")
    if kasus.get("ganti"):
        if target.suffix == ".docx":
            ganti_xml_docx(target, kasus["ganti"], kasus.get("bagian", "word/document.xml"))
        else:
            teks = target.read_text(encoding="utf-8")
            for lama, baru in kasus["ganti"]:
                assert lama in teks, f"{kasus['nama']}: \"{lama}\" not in {target.name}"
                teks = teks.replace(lama, baru, 1)
            target.write_text(teks, encoding="utf-8")
    for kata in kasus.get("pesan", []):  # "{baris:TEXT}": the line of the broken file holding TEXT
        for cari in re.findall(r"\{baris:(.+?)\}", str(kata)):
            nomor = [i for i, b in enumerate(target.read_text(encoding="utf-8").splitlines(), 1) if cari in b]
            assert len(nomor) == 1, f"{kasus['nama']}: \"{cari}\" is on lines {nomor} of {target.name}"
            tempat[f"baris:{cari}"] = str(nomor[0])
    if kasus.get("xlsx"):
        for i, a in enumerate(_ubah_xlsx(target, kasus["xlsx"])):
            tempat["sel" if i == 0 else f"sel{i + 1}"] = a
    return tempat


def _batasi_memori(mb: int):
    def atur() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (mb << 20, mb << 20))
    return atur


def jalankan_kasus(kasus: dict[str, Any], dasar: Path, kerja: Path) -> dict[str, Any]:
    kerja.mkdir(parents=True)
    shutil.copytree(DATA, kerja / "data")
    shutil.copytree(AKAR / "templates_docx", kerja / "templat")
    arsip = kerja / "arsip"
    shutil.copytree(dasar, arsip)
    tempat = siapkan(kasus, kerja)
    sebelum = potret(arsip)
    reg_sebelum = baris_registri(arsip)
    nilai = {"rencana": str(kerja / "data" / "rencana_aksi_2026.yaml"), "data": str(kerja / "data"),
             "templat": str(kerja / "templat"), "arsip": str(arsip), "kerja": str(kerja)}
    argumen = [str(a).format(**nilai) for a in kasus.get("argumen", ARGUMEN_BAWAAN)]
    mb = kasus.get("batas_memori_mb")
    proses = subprocess.run(
        [sys.executable, "-m", "zi.cli", *argumen], capture_output=True, text=True, cwd=AKAR,
        env={**os.environ, "PYTHONHASHSEED": "0"}, timeout=kasus.get("batas_detik", 120),
        preexec_fn=_batasi_memori(mb) if mb else None,
    )
    return {"proses": proses, "sebelum": sebelum, "sesudah": potret(arsip), "reg_sebelum": reg_sebelum,
            "reg_sesudah": baris_registri(arsip), "tempat": tempat}


@pytest.fixture(scope="module")
def arsip_dasar(tmp_path_factory) -> Path:
    akar = tmp_path_factory.mktemp("arsip-dasar")
    h = jalankan_zi("buat", "--bulan", "2026-02", "--keluaran", str(akar))
    assert h.returncode == 0, h.stderr
    h = jalankan_zi("realisasi", "--periode", "2026-TW1", "--keluaran", str(akar))
    assert h.returncode == 0, h.stdout + h.stderr
    return akar


@pytest.fixture(scope="module")
def hasil_kasus(arsip_dasar, tmp_path_factory):
    """All cases submitted at once, four child processes at a time."""
    akar = tmp_path_factory.mktemp("kasus")
    with concurrent.futures.ThreadPoolExecutor(4) as pool:
        masa = {k["nama"]: pool.submit(jalankan_kasus, k, arsip_dasar, akar / k["nama"]) for k in KASUS}
        yield masa


def _param(k: dict[str, Any]):
    marks = [pytest.mark.xfail(strict=True, reason=k["xfail"])] if k.get("xfail") else []
    return pytest.param(k, id=k["nama"], marks=marks)


@pytest.mark.parametrize("kasus", [_param(k) for k in KASUS])
def test_kasus(kasus, hasil_kasus):
    h = hasil_kasus[kasus["nama"]].result()
    p: subprocess.CompletedProcess[str] = h["proses"]
    keluar = kasus.get("keluar", 2)
    semua = p.stdout + p.stderr
    pesan = p.stderr if keluar == 2 else p.stdout
    assert "Traceback" not in semua, semua[-3000:]
    assert p.returncode == keluar, f"exit {p.returncode}\n{semua[-3000:]}"
    for kata in kasus["pesan"]:
        kata = str(kata)
        for nama, nilai in h["tempat"].items():
            kata = kata.replace("{" + nama + "}", nilai)
        assert kata in pesan, f"\"{kata}\" not in the message:\n{pesan[-3000:]}"
    if kasus.get("berkas"):
        assert Path(kasus["berkas"]).name in pesan, f"the message does not name the file:\n{pesan}"
    for kata in kasus.get("bukan", []):
        assert kata not in semua
    if keluar == 2:
        assert h["sesudah"].keys() == h["sebelum"].keys(), "files appeared or vanished"
        berubah = [n for n in h["sebelum"] if h["sebelum"][n] != h["sesudah"][n]]
        assert not berubah, f"changed by a refused run: {berubah}"
        assert p.stdout.strip() == "" or kasus["jenis"] == "argumen", p.stdout
    else:
        # The report renders; nothing that was there is lost: a file is unchanged, or it is the
        # tracker refreshed in place with every staff cell kept, or a draft whose old bytes
        # went to `_riwayat`; the registry only grows.
        riwayat = {b for n, b in h["sesudah"].items() if "/_riwayat/" in n}
        hilang_atau_berubah = [n for n, b in h["sebelum"].items()
                               if n != ".zi/arsip.sqlite" and h["sesudah"].get(n) != b
                               and not (n.startswith("realisasi/") and n in h["sesudah"]) and b not in riwayat]
        assert not hilang_atau_berubah, hilang_atau_berubah
        for n in (n for n in h["sebelum"] if n.startswith("realisasi/") and n.endswith(".xlsx")):
            assert isian_staf(h["sebelum"][n]).items() <= isian_staf(h["sesudah"][n]).items(), n
        baru = set(h["sesudah"]) - set(h["sebelum"])
        assert any(n.endswith(".docx") for n in baru), "no report was written"
        assert {r[0] for r in h["reg_sebelum"]} <= {r[0] for r in h["reg_sesudah"]}  # every document still recorded


def isian_staf(xlsx: bytes) -> dict[tuple[Any, Any, str], Any]:
    """What staff typed in a tracker: (row id, month, column) -> value, for the four staff columns."""
    import io

    import openpyxl

    ws = openpyxl.load_workbook(io.BytesIO(xlsx))["Realisasi"]
    kol = {c.value: c.column for c in ws[1] if c.value}
    staf = [j for j in ("Status", "Tanggal Selesai", "Bukti Lain", "Catatan") if j in kol]
    kunci = [kol.get("ID Baris"), kol.get("Bulan Jatuh Tempo")]
    if None in kunci:
        return {}
    return {(ws.cell(r, kunci[0]).value, ws.cell(r, kunci[1]).value, j): ws.cell(r, kol[j]).value
            for r in range(2, ws.max_row + 1) for j in staf if ws.cell(r, kol[j]).value not in (None, "")}


def test_korpus_mencakup_setiap_masukan():
    """Every file the product reads — each YAML of data/, each template, the tracker — is
    broken by at least one case (the inputs are listed from the folders, not from the corpus)."""
    dibobol = {Path(k["berkas"]).name for k in KASUS if k.get("berkas")}
    masukan = ({p.name for p in DATA.glob("*.yaml")} | {p.name for p in (AKAR / "templates_docx").glob("*.docx")}
               | {"realisasi-2026.xlsx"})
    assert masukan <= dibobol, f"inputs no case breaks: {sorted(masukan - dibobol)}"
    assert {k["jenis"] for k in KASUS} <= set(JENIS_MASUKAN)


def test_bom_zip_kecil_di_disk(tmp_path):
    """The zip bomb the corpus uses really is one: ~1 MB on disk, >200 MB inflated."""
    b = tmp_path / "bom.docx"
    bom_zip(AKAR / "templates_docx" / "notulensi.docx", b)
    with zipfile.ZipFile(b) as z:
        ukuran = z.getinfo("word/document.xml").file_size
    assert b.stat().st_size < 2 << 20 and ukuran > 200 << 20
