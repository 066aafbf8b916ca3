"""`zi jadwal` and `zi periksa` as a user runs them: contract shapes and exit codes."""

import json
import re
import subprocess
import sys

from tests.bantu import RENCANA, jalankan_zi


def test_jadwal_json_sesuai_kontrak():
    h = jalankan_zi("jadwal", "--json")
    assert h.returncode == 0, h.stderr
    data = json.loads(h.stdout)
    assert isinstance(data, list) and len(data) == 65
    for baris in data:
        assert set(baris) == {"id", "area", "komponen", "indikator", "target_waktu", "bentuk", "peringatan", "kejadian"}
        assert baris["area"] in {"I", "II", "III", "IV", "V", "VI"}
        assert baris["bentuk"] in {"sekali", "daftar", "rentang", "berkala"}
        assert baris["kejadian"], f"baris {baris['id']} tanpa kejadian"
        for k in baris["kejadian"]:
            assert set(k) == {"bulan", "minggu", "tanggal", "jenis"}
            assert re.fullmatch(r"\d{4}-\d{2}", k["bulan"])
            assert k["tanggal"].startswith(k["bulan"])
            assert k["minggu"] is None or 1 <= k["minggu"] <= 5
    per_id = {b["id"]: b for b in data}
    assert per_id["I.1.1"]["kejadian"] == [{"bulan": "2026-01", "minggu": 2, "tanggal": "2026-01-08", "jenis": ["sk_tim"]}]
    assert [k["bulan"] for k in per_id["I.4.1"]["kejadian"]] == [f"2026-{m:02d}" for m in range(1, 13)]
    assert per_id["V.5.3"]["kejadian"][0]["jenis"] == ["surat_pernyataan_bk"]
    assert any("2025" in p for p in per_id["IV.2.3"]["peringatan"])


def test_jadwal_filter_bulan_dan_area():
    data = json.loads(jalankan_zi("jadwal", "--json", "--bulan", "2026-06", "--area", "v").stdout)
    assert data and all(b["area"] == "V" for b in data)
    assert all(k["bulan"] == "2026-06" for b in data for k in b["kejadian"])
    assert {"V.3.1", "V.4.2", "V.4.3", "V.5.4"} <= {b["id"] for b in data}


def test_jadwal_tabel():
    h = jalankan_zi("jadwal", "--bulan", "2026-01")
    assert h.returncode == 0
    assert "8 Januari 2026" in h.stdout and "I.1.1" in h.stdout and "sk_tim" in h.stdout


def test_jadwal_teks_json():
    h = jalankan_zi("jadwal", "--teks", "Setiap Triwulan April, Juli, Oktober, Desember 2026", "--json")
    data = json.loads(h.stdout)
    assert data["bentuk"] == "berkala" and data["peringatan"] == []
    assert [k["bulan"] for k in data["kejadian"]] == ["2026-04", "2026-07", "2026-10", "2026-12"]
    assert set(data) == {"teks", "bentuk", "peringatan", "kejadian"}


def test_argumen_salah_keluar_2():
    for argumen in (["--bulan", "2026-13"], ["--bulan", "Maret"], ["--area", "VII"], ["--teks", "Januarii 2026"]):
        h = jalankan_zi("jadwal", *argumen)
        assert h.returncode == 2, argumen
        assert "Traceback" not in h.stderr and h.stderr.startswith("zi: ")
        assert h.stdout == ""


def _rencana_dengan(tmp_path, id_baris, target):
    teks = RENCANA.read_text(encoding="utf-8")
    i = teks.index(f"- id: {id_baris}\n")
    j = teks.index("target_waktu:", i)
    k = teks.index("\n", j)
    berkas = tmp_path / "rencana.yaml"
    berkas.write_text(teks[:j] + f'target_waktu: "{target}"' + teks[k:], encoding="utf-8")
    return berkas


def test_target_waktu_tak_terbaca_menyebut_baris_dan_teks(tmp_path):
    for target, kata in (("Juni minggu ke-9 2026", "minggu ke-9"), ("Desember-Maret 2026", "terbalik"),
                         ("Juni 2O26", "angka \"2\""), ("", "kosong")):
        berkas = _rencana_dengan(tmp_path, "VI.2.1", target)
        h = jalankan_zi("jadwal", "--rencana", str(berkas))
        assert h.returncode == 2, target
        assert "VI.2.1" in h.stderr and kata in h.stderr and "rencana.yaml" in h.stderr
        assert "Traceback" not in h.stderr


def test_periksa_data_contoh_bersih():
    h = jalankan_zi("periksa")
    assert h.returncode == 0, h.stdout
    assert "65 baris" in h.stdout


def test_periksa_mengumpulkan_semua_masalah(tmp_path):
    berkas = _rencana_dengan(tmp_path, "VI.2.1", "Juni minggu ke-9 2026")
    teks = berkas.read_text(encoding="utf-8").replace('target_waktu: "Februari 2026"', 'target_waktu: "Febuari 2026"', 1)
    berkas.write_text(teks, encoding="utf-8")
    h = jalankan_zi("periksa", "--rencana", str(berkas))
    assert h.returncode == 1
    assert h.stdout.count("MASALAH") == 2 and "Februari" in h.stdout


def test_jadwal_tidak_memuat_prefect_atau_matplotlib():
    kode = ("import sys, io, contextlib; from zi.cli import main\n"
            "with contextlib.redirect_stdout(io.StringIO()): main(['jadwal', '--json'])\n"
            "print(sorted(m for m in ('prefect', 'matplotlib', 'docxtpl') if m in sys.modules))")
    h = subprocess.run([sys.executable, "-c", kode], capture_output=True, text=True, timeout=60)
    assert h.stdout.strip() == "[]", h.stderr
