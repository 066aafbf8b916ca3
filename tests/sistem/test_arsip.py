"""`zi arsip`: the registry's listing (contract JSON), the states a person's edits leave
(asli / disunting / hilang), the month bundle, an older registry, and refusals."""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import sqlite3
import zipfile

import pytest

from tests.bantu import ganti_xml_docx, jalankan_zi, teks


@pytest.fixture(scope="module")
def arsip_feb(tmp_path_factory):
    akar = tmp_path_factory.mktemp("arsip")
    h = jalankan_zi("buat", "--bulan", "2026-02", "--keluaran", str(akar))
    assert h.returncode == 0, h.stderr
    return akar


def _tabel(akar, *argumen) -> dict[str, str]:
    """`zi arsip` as a person reads it: path → the Keadaan column."""
    h = jalankan_zi("arsip", "--keluaran", str(akar), *argumen)
    assert h.returncode == 0, h.stderr
    hasil = {}
    for baris in h.stdout.splitlines():
        kolom = re.split(r"\s{2,}", baris.strip())
        if len(kolom) == 5 and kolom[0] == "2026-02":
            hasil[kolom[4]] = kolom[3]
    return hasil


def test_arsip_json_sesuai_kontrak(arsip_feb):
    h = jalankan_zi("arsip", "--json", "--keluaran", str(arsip_feb))
    assert h.returncode == 0
    data = json.loads(h.stdout)
    berkas = {p.relative_to(arsip_feb).as_posix(): p for p in arsip_feb.rglob("*.docx")}
    assert len(data) == len(berkas) > 0
    for d in data:
        assert set(d) == {"path", "jenis", "id", "baris", "bulan", "sha256"}
        assert d["bulan"] == "2026-02"
        assert d["sha256"] == hashlib.sha256(berkas[d["path"]].read_bytes()).hexdigest()
        assert d["path"].split("/")[2] == d["id"] == d["baris"][0]
    bulan_lain = json.loads(jalankan_zi("arsip", "--json", "--bulan", "2026-03", "--keluaran", str(arsip_feb)).stdout)
    assert bulan_lain == []


def test_arsip_tabel_menandai_suntingan(tmp_path, arsip_feb):
    """A person edits one document in Word's place and deletes another: the listing says
    "disunting" and "hilang" for exactly those, "asli" for the rest."""
    akar = tmp_path / "arsip"
    shutil.copytree(arsip_feb, akar)
    semua = sorted(p.relative_to(akar).as_posix() for p in akar.rglob("*.docx"))
    disunting, dihapus = next(p for p in semua if "Undangan" in p), next(p for p in semua if "Daftar Hadir" in p)
    ganti_xml_docx(akar / disunting, [["Undangan", "UNDANGAN (sudah diperiksa Kasubbag)"]])
    (akar / dihapus).unlink()

    keadaan = _tabel(akar)
    assert set(keadaan) == set(semua)
    assert keadaan[disunting] == "disunting" and keadaan[dihapus] == "hilang"
    assert {p: k for p, k in keadaan.items() if p not in (disunting, dihapus)} == \
        {p: "asli" for p in semua if p not in (disunting, dihapus)}

    # zi buat again: the edit is left alone, the deleted one written again.
    h = jalankan_zi("buat", "--bulan", "2026-02", "--keluaran", str(akar))
    assert h.returncode == 0, h.stderr
    assert "1 disunting" in h.stdout and "1 dibuat ulang" in h.stdout
    assert "UNDANGAN (sudah diperiksa Kasubbag)" in teks(akar / disunting)
    assert (akar / dihapus).is_file()
    assert _tabel(akar)[dihapus] == "asli"


def test_bundel_bulan(tmp_path, arsip_feb):
    akar = tmp_path / "arsip"
    shutil.copytree(arsip_feb, akar)
    folder = akar / "2026" / "02" / "V.2.4"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "foto rapat.jpg").write_bytes(b"\xff\xd8 bukan foto sungguhan")
    (folder / "Thumbs.db").write_bytes(b"sampah windows")
    (folder / "~$foto rapat.docx").write_bytes(b"kunci office")
    (folder / ".zi-sisa.tmp").write_bytes(b"sisa run yang mati")
    nama_aneh = folder / "<b>&amp; catatan.txt"
    nama_aneh.write_text("bukti")
    h = jalankan_zi("arsip", "--bundel", "2026-02", "--keluaran", str(akar))
    assert h.returncode == 0, h.stderr
    with zipfile.ZipFile(akar / "bundel" / "arsip-2026-02.zip") as z:
        nama = set(z.namelist())
        indeks = z.read("indeks.html").decode("utf-8")
    docx_ = {p.relative_to(akar).as_posix() for p in akar.glob("2026/02/**/*.docx") if not p.name.startswith("~$")}
    staf = {"2026/02/V.2.4/foto rapat.jpg", f"2026/02/V.2.4/{nama_aneh.name}"}
    pdf = {n for n in nama if n.endswith(".pdf")}  # the bundle carries each document's PDF (zi.pdf)
    assert nama - pdf == docx_ | staf | {"indeks.html"}
    assert {n[:-4] + ".docx" for n in pdf} <= docx_
    assert indeks.count("bukti/berkas staf") == 2 and indeks.count("<td>draf zi</td>") == len(docx_)
    assert "&lt;b&gt;&amp;amp; catatan.txt" in indeks and "<b>" not in indeks  # escaped, not markup


def test_registri_versi_lama_dibaca_lalu_dimigrasi(tmp_path, arsip_feb):
    """An archive made before the `baris` column: listed as it is (not written to), then
    migrated by the next generating run, with the row filled from baris_id."""
    akar = tmp_path / "arsip"
    shutil.copytree(arsip_feb, akar)
    db = sqlite3.connect(akar / ".zi" / "arsip.sqlite")
    ids = dict(db.execute("SELECT path, baris_id FROM naskah"))
    db.execute("ALTER TABLE naskah DROP COLUMN baris")
    db.commit()
    db.close()
    sebelum = (akar / ".zi" / "arsip.sqlite").read_bytes()
    h = jalankan_zi("arsip", "--json", "--keluaran", str(akar))
    assert h.returncode == 0, h.stderr
    assert {d["path"]: d["baris"] for d in json.loads(h.stdout)} == {p: [i] for p, i in ids.items()}
    assert (akar / ".zi" / "arsip.sqlite").read_bytes() == sebelum
    tanpa_monev = ["--jenis", "sk_tim,undangan_rapat,daftar_hadir,notulensi,surat_pernyataan_bk"]
    h = jalankan_zi("buat", "--bulan", "2026-02", *tanpa_monev, "--keluaran", str(akar))  # nothing to write
    assert h.returncode == 0 and "tidak berubah" in h.stdout, h.stdout + h.stderr
    assert (akar / ".zi" / "arsip.sqlite").read_bytes() == sebelum
    ditulis = next(iter(ids))
    (akar / ditulis).unlink()  # now the run has something to write, and migrates
    h = jalankan_zi("buat", "--bulan", "2026-02", "--keluaran", str(akar))
    assert h.returncode == 0 and "1 dibuat ulang" in h.stdout, h.stdout + h.stderr
    with sqlite3.connect(akar / ".zi" / "arsip.sqlite") as db:
        baris = {p: json.loads(b) for p, b in db.execute("SELECT path, baris FROM naskah")}
    assert baris.pop(ditulis)[0] == ids.pop(ditulis)  # written anew: every row it serves, its own first
    assert baris == {p: [i] for p, i in ids.items()}  # migrated: filled from baris_id


def test_arsip_kosong(tmp_path):
    h = jalankan_zi("arsip", "--json", "--keluaran", str(tmp_path / "belum-ada"))
    assert h.returncode == 0 and json.loads(h.stdout) == []
    assert not (tmp_path / "belum-ada").exists()


@pytest.mark.parametrize("argumen,kata", [
    (["--bulan", "2026-13"], "--bulan"),
    (["--bulan", "2031-07"], "di luar rencana"),
    (["--area", "VII"], "area \"VII\""),
    (["--jenis", "sk"], "jenis naskah \"sk\""),
    (["--bulan", "2026-01", "--tahun", "2026"], "salah satu"),
])
def test_buat_argumen_salah(tmp_path, argumen, kata):
    akar = tmp_path / "arsip"
    h = jalankan_zi("buat", "--keluaran", str(akar), *argumen)
    assert h.returncode == 2 and kata in h.stderr and "Traceback" not in h.stderr
    assert not akar.exists()


def test_folder_arsip_tidak_bisa_ditulis(tmp_path):
    bukan_folder = tmp_path / "arsip"
    bukan_folder.write_text("ini berkas, bukan folder")
    h = jalankan_zi("buat", "--bulan", "2026-01", "--keluaran", str(bukan_folder))
    assert h.returncode == 2 and "tidak bisa ditulis" in h.stderr and "Traceback" not in h.stderr
    assert bukan_folder.read_text() == "ini berkas, bukan folder"
