"""Several offices (satker): one folder each, generated into its own archive root."""

from __future__ import annotations

import re
import shutil

import docx

from zi.galat import ZiError
from zi.rencana import muat_unit

from tests.bantu import DATA, jalankan_zi


def _unit(tmp_path, nama: str, kota: str):
    folder = tmp_path / nama
    shutil.copytree(DATA, folder)
    instansi = folder / "instansi.yaml"
    instansi.write_text(instansi.read_text(encoding="utf-8")
                        .replace("nama: Komisi Pemilihan Umum Kabupaten Sarolangun", f"nama: Komisi Pemilihan Umum Kabupaten {kota}")
                        .replace("kota: Sarolangun", f"kota: {kota}"), encoding="utf-8")
    return folder


def test_dua_kantor_dua_arsip(tmp_path):
    for kota in ("Merangin", "Tebo"):
        unit = _unit(tmp_path, f"satker-{kota}", kota)
        akar = tmp_path / f"arsip-{kota}"
        h = jalankan_zi("buat", "--bulan", "2026-02", "--data", str(unit), "--keluaran", str(akar))
        assert h.returncode == 0, h.stderr
        undangan = next(akar.rglob("*Undangan*.docx"))
        isi = "\n".join(p.text for p in docx.Document(str(undangan)).paragraphs)
        assert re.search(rf"{kota}, \d+ \w+ 20\d\d", isi)  # its own place-and-date line
        assert f"Komisi Pemilihan Umum Kabupaten {kota}" in isi
        assert not re.search(r"Sarolangun, \d+ ", isi)


def test_folder_kantor_tanpa_rencana(tmp_path):
    folder = tmp_path / "satker"
    shutil.copytree(DATA, folder)
    (folder / "rencana_aksi_2026.yaml").unlink()
    try:
        muat_unit(folder)
    except ZiError as e:
        assert "rencana_aksi_" in str(e)
    else:
        raise AssertionError("harus gagal")


def test_folder_kantor_dua_rencana(tmp_path):
    folder = tmp_path / "satker"
    shutil.copytree(DATA, folder)
    shutil.copy(folder / "rencana_aksi_2026.yaml", folder / "rencana_aksi_2027.yaml")
    h = jalankan_zi("buat", "--bulan", "2026-02", "--data", str(folder), "--keluaran", str(tmp_path / "a"))
    assert h.returncode == 2 and "lebih dari satu berkas rencana" in h.stderr
