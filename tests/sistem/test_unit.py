"""Several offices (satker): one folder each, generated into its own archive root."""

from __future__ import annotations

import json
import re
import shutil

import docx
import pytest

from zi.galat import ZiError

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


@pytest.mark.parametrize("perintah", [
    ["buat", "--bulan", "2026-02"], ["buat", "--tahun", "2026"], ["jadwal"], ["jadwal", "--json"],
    ["periksa"], ["realisasi", "--periode", "2026-TW1"], ["monev", "--periode", "2026-TW1"],
])
def test_folder_kantor_tanpa_rencana(tmp_path, perintah):
    """An office folder without its plan is bad input for every command that reads a plan:
    exit 2, the folder and the missing file named, nothing written (never the bundled plan)."""
    folder = tmp_path / "satker"
    shutil.copytree(DATA, folder)
    (folder / "rencana_aksi_2026.yaml").unlink()
    akar = tmp_path / "arsip"
    keluaran = [] if perintah[0] in ("jadwal", "periksa") else ["--keluaran", str(akar)]
    h = jalankan_zi(*perintah, "--data", str(folder), *keluaran)
    assert h.returncode == 2, h.stdout + h.stderr
    assert str(folder) in h.stderr and "rencana_aksi_*.yaml" in h.stderr and "--data" in h.stderr
    assert "Traceback" not in h.stderr and h.stdout == ""
    assert not akar.exists()


def test_jadwal_dan_buat_memakai_rencana_folder_kantor(tmp_path):
    """`--data FOLDER` reads that folder's plan (here: row I.1.1 moved to March), for
    `zi jadwal` and `zi buat` alike, never the bundled one."""
    folder = tmp_path / "satker"
    shutil.copytree(DATA, folder)
    berkas = folder / "rencana_aksi_2026.yaml"
    teks = berkas.read_text(encoding="utf-8")
    assert 'target_waktu: "Januari minggu ke-2 tahun 2026"' in teks
    berkas.write_text(teks.replace('target_waktu: "Januari minggu ke-2 tahun 2026"',
                                   'target_waktu: "Maret minggu ke-2 tahun 2026"', 1), encoding="utf-8")
    h = jalankan_zi("jadwal", "--json", "--data", str(folder))
    assert h.returncode == 0, h.stderr
    baris = {b["id"]: b for b in json.loads(h.stdout)}
    assert baris["I.1.1"]["target_waktu"] == "Maret minggu ke-2 tahun 2026"
    assert [k["bulan"] for k in baris["I.1.1"]["kejadian"]] == ["2026-03"]
    akar = tmp_path / "arsip"
    h = jalankan_zi("buat", "--bulan", "2026-03", "--jenis", "sk_tim", "--data", str(folder), "--keluaran", str(akar))
    assert h.returncode == 0, h.stderr
    assert [p.relative_to(akar).parts[:3] for p in akar.rglob("*SK*.docx")] == [("2026", "03", "I.1.1")]


def test_folder_kantor_dua_rencana(tmp_path):
    folder = tmp_path / "satker"
    shutil.copytree(DATA, folder)
    shutil.copy(folder / "rencana_aksi_2026.yaml", folder / "rencana_aksi_2027.yaml")
    h = jalankan_zi("buat", "--bulan", "2026-02", "--data", str(folder), "--keluaran", str(tmp_path / "a"))
    assert h.returncode == 2 and "lebih dari satu berkas rencana" in h.stderr


def test_kantor_wita_memakai_zonanya(tmp_path):
    """An office in Makassar: its meetings say WITA and the archive's timestamps carry +08:00."""
    import sqlite3

    folder = _unit(tmp_path, "satker-makassar", "Makassar")
    instansi = folder / "instansi.yaml"
    teks = instansi.read_text(encoding="utf-8")
    teks = (teks.replace("zona_waktu: Asia/Jakarta", "zona_waktu: Asia/Makassar") if "zona_waktu:" in teks
            else teks + "\nzona_waktu: Asia/Makassar\n")
    instansi.write_text(teks, encoding="utf-8")
    akar = tmp_path / "arsip"
    h = jalankan_zi("buat", "--bulan", "2026-02", "--data", str(folder), "--keluaran", str(akar))
    assert h.returncode == 0, h.stderr
    undangan = next(akar.rglob("*Undangan*.docx"))
    isi = "\n".join(p.text for p in docx.Document(str(undangan)).paragraphs)
    isi += "\n".join(c.text for t in docx.Document(str(undangan)).tables for r in t.rows for c in r.cells)
    assert re.search(r"\d\d\.\d\d WITA", isi) and "WIB" not in isi
    with sqlite3.connect(akar / ".zi" / "arsip.sqlite") as db:
        assert {w[-6:] for (w,) in db.execute("SELECT waktu FROM naskah")} == {"+08:00"}
