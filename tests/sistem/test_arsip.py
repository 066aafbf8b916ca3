"""`zi arsip`: the registry's listing (contract JSON), the month bundle, and refusals."""

from __future__ import annotations

import hashlib
import json
import zipfile

import pytest

from tests.bantu import jalankan_zi


@pytest.fixture(scope="module")
def arsip_feb(tmp_path_factory):
    akar = tmp_path_factory.mktemp("arsip")
    h = jalankan_zi("buat", "--bulan", "2026-02", "--keluaran", str(akar))
    assert h.returncode == 0, h.stderr
    return akar


def test_arsip_json_sesuai_kontrak(arsip_feb):
    h = jalankan_zi("arsip", "--json", "--keluaran", str(arsip_feb))
    assert h.returncode == 0
    data = json.loads(h.stdout)
    berkas = {p.relative_to(arsip_feb).as_posix(): p for p in arsip_feb.rglob("*.docx")}
    assert len(data) == len(berkas) > 0
    for d in data:
        assert set(d) == {"path", "jenis", "id", "bulan", "sha256"}
        assert d["bulan"] == "2026-02"
        assert d["sha256"] == hashlib.sha256(berkas[d["path"]].read_bytes()).hexdigest()
        assert d["path"].split("/")[2] == d["id"]
    bulan_lain = json.loads(jalankan_zi("arsip", "--json", "--bulan", "2026-03", "--keluaran", str(arsip_feb)).stdout)
    assert bulan_lain == []


def test_arsip_tabel_menandai_suntingan(tmp_path, arsip_feb):
    h = jalankan_zi("arsip", "--keluaran", str(arsip_feb))
    assert h.returncode == 0 and "asli" in h.stdout and "disunting" not in h.stdout


def test_bundel_bulan(arsip_feb):
    bukti = arsip_feb / "2026" / "02" / "V.2.4" / "foto rapat.jpg"
    bukti.write_bytes(b"\xff\xd8 bukan foto sungguhan")
    try:
        h = jalankan_zi("arsip", "--bundel", "2026-02", "--keluaran", str(arsip_feb))
        assert h.returncode == 0, h.stderr
        zip_ = arsip_feb / "bundel" / "arsip-2026-02.zip"
        with zipfile.ZipFile(zip_) as z:
            nama = set(z.namelist())
            indeks = z.read("indeks.html").decode("utf-8")
        docx_ = {p.relative_to(arsip_feb).as_posix() for p in arsip_feb.glob("2026/02/**/*.docx")}
        assert docx_ <= nama and "2026/02/V.2.4/foto rapat.jpg" in nama
        assert "bukti/berkas staf" in indeks and indeks.count("draf zi") == len(docx_)
    finally:
        bukti.unlink()


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
