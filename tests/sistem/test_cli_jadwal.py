"""`zi jadwal` and `zi periksa` as a user runs them: contract shapes and exit codes."""

import datetime as dt
import json
import re
import subprocess
import sys

from pathlib import Path

import docx
import pytest
import yaml

from tests.bantu import AKAR, RENCANA, jalankan_zi


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
            assert set(k) == {"bulan", "minggu", "tanggal", "mulai", "selesai", "tenggat", "jenis"}
            assert re.fullmatch(r"\d{4}-\d{2}", k["bulan"])
            assert k["mulai"] <= k["tanggal"] and k["mulai"] <= k["tenggat"] <= k["selesai"]
            assert k["selesai"].startswith(k["bulan"])  # `bulan` is the month the window is due
            assert k["minggu"] is None or 1 <= k["minggu"] <= 5
    per_id = {b["id"]: b for b in data}
    assert per_id["I.1.1"]["kejadian"] == [{"bulan": "2026-01", "minggu": 2, "tanggal": "2026-01-08", "mulai": "2026-01-08",
                                            "selesai": "2026-01-14", "tenggat": "2026-01-14", "jenis": ["sk_tim"]}]
    # A span is one occurrence from its start, due at its end (row II.3.1, "Januari- Desember 2026") …
    assert [(k["mulai"], k["tanggal"], k["tenggat"]) for k in per_id["II.3.1"]["kejadian"]] == [
        ("2026-01-01", "2026-01-02", "2026-12-31")]
    # … unless its row says the work recurs (III.6.1: "Data nominatif pegawai per bulan").
    assert per_id["III.6.1"]["bentuk"] == "berkala"
    assert [k["tenggat"] for k in per_id["III.6.1"]["kejadian"]][:3] == ["2026-01-30", "2026-02-27", "2026-03-31"]
    assert [k["bulan"] for k in per_id["I.4.1"]["kejadian"]] == [f"2026-{m:02d}" for m in range(1, 13)]
    assert per_id["V.5.3"]["kejadian"][0]["jenis"] == ["surat_pernyataan_bk"]
    assert any("2025" in p for p in per_id["IV.2.3"]["peringatan"])


def test_jadwal_filter_bulan_dan_area():
    data = json.loads(jalankan_zi("jadwal", "--json", "--bulan", "2026-06", "--area", "v").stdout)
    assert data and all(b["area"] == "V" for b in data)
    # --bulan: what is held (tanggal) or due (tenggat) in the month, as `zi buat --bulan` makes it.
    assert all("2026-06" in (k["tanggal"][:7], k["tenggat"][:7]) for b in data for k in b["kejadian"])
    jan = {b["id"]: b for b in json.loads(jalankan_zi("jadwal", "--json", "--bulan", "2026-01").stdout)}
    assert jan["III.3.2"]["kejadian"][0]["tanggal"] == "2026-01-02"  # a span: held from January, due in December
    assert "III.3.2" in {b["id"] for b in json.loads(jalankan_zi("jadwal", "--json", "--bulan", "2026-12").stdout)}
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
    assert [k["tenggat"] for k in data["kejadian"]] == ["2026-04-30", "2026-07-31", "2026-10-30", "2026-12-31"]
    assert set(data) == {"teks", "bentuk", "peringatan", "kejadian"}


def test_jadwal_teks_menyebut_bacaan_rentang():
    h = jalankan_zi("jadwal", "--teks", "Januari- Desember 2026")
    assert h.returncode == 0, h.stderr
    assert "Bentuk    : rentang" in h.stdout
    assert "satu kejadian dari 1 Januari 2026 s.d. 31 Desember 2026" in h.stdout and "per bulan" in h.stdout
    assert "tenggat Kamis, 31 Desember 2026" in h.stdout


def test_jadwal_teks_jelaskan():
    h = jalankan_zi("jadwal", "--teks", "Pekan ke-2 Maret 2026", "--jelaskan")
    assert h.returncode == 0, h.stderr
    for baris in ('"Pekan" → minggu (pekan) dari bulan sesudahnya', '"2" → minggu ke-2', '"Maret" → bulan Maret',
                  '"2026" → tahun 2026, untuk minggu ke-2 Maret'):
        assert baris in h.stdout
    data = json.loads(jalankan_zi("jadwal", "--teks", "TW I s.d. TW IV 2026", "--jelaskan", "--json").stdout)
    assert {"teks", "bentuk", "peringatan", "kejadian"} <= set(data)
    assert '"s.d." → tanda rentang' in data["penjelasan"]
    assert [(k["mulai"], k["selesai"]) for k in data["kejadian"]] == [("2026-01-01", "2026-12-31")]


def test_jadwal_teks_jelaskan_frasa_salah():
    h = jalankan_zi("jadwal", "--teks", "Semester III 2026", "--jelaskan")
    assert h.returncode == 2 and "Traceback" not in h.stderr
    assert '"Semester" → semester (satu periode 6 bulan)' in h.stdout
    assert "semester ke-3 tidak ada (1–2)" in h.stderr and '"Semester III 2026"' in h.stderr


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


def _rencana_rusak(tmp_path):
    """The seed with three unreadable target times (and a typo'd month)."""
    berkas = _rencana_dengan(tmp_path, "VI.2.1", "Juni minggu ke-9 2026")
    teks = berkas.read_text(encoding="utf-8").replace('target_waktu: "Februari 2026"', 'target_waktu: "Febuari 2026"', 1)
    teks = teks.replace('target_waktu: "September 2026"', 'target_waktu: "TW III s.d. TW I"', 1)
    berkas.write_text(teks, encoding="utf-8")
    return berkas


def test_periksa_mengumpulkan_semua_masalah(tmp_path):
    # Unreadable target times are bad input: every one listed, then exit 2 (issue 12, item 5).
    h = jalankan_zi("periksa", "--rencana", str(_rencana_rusak(tmp_path)))
    assert h.returncode == 2
    assert h.stdout.count("MASALAH") == 3 and "Februari" in h.stdout and "terbalik" in h.stdout
    assert "3 baris rencana tidak terbaca" in h.stderr and "Traceback" not in h.stderr


def test_jadwal_mendaftar_semua_baris_tak_terbaca(tmp_path):
    h = jalankan_zi("jadwal", "--rencana", str(_rencana_rusak(tmp_path)))
    assert h.returncode == 2 and h.stdout == "" and "Traceback" not in h.stderr
    assert h.stderr.startswith("zi: 3 masalah:")
    baris = [b for b in h.stderr.splitlines() if b.startswith("  - ")]
    assert len(baris) == 3 and all("rencana.yaml" in b for b in baris)
    for kata in ('"Febuari 2026"', "Februari", '"TW III s.d. TW I"', "terbalik", "baris VI.2.1", '"Juni minggu ke-9 2026"'):
        assert kata in h.stderr, kata


def test_jadwal_tidak_memuat_prefect_atau_matplotlib():
    kode = ("import sys, io, contextlib; from zi.cli import main\n"
            "with contextlib.redirect_stdout(io.StringIO()): main(['jadwal', '--json'])\n"
            "print(sorted(m for m in ('prefect', 'matplotlib', 'docxtpl') if m in sys.modules))")
    h = subprocess.run([sys.executable, "-c", kode], capture_output=True, text=True, timeout=60)
    assert h.stdout.strip() == "[]", h.stderr


# --------------------------------------------------------------------------- a second office

KANTOR_LAIN = AKAR / "tests" / "data" / "kantor_lain"


def test_jadwal_kantor_lain():
    """Another office's plan, in its own words (tests/data/kantor_lain, fictional): every row reads."""
    h = jalankan_zi("jadwal", "--data", str(KANTOR_LAIN), "--json")
    assert h.returncode == 0, h.stderr
    per_id = {b["id"]: b for b in json.loads(h.stdout)}
    rencana = yaml.safe_load((KANTOR_LAIN / "rencana_aksi_2026.yaml").read_text(encoding="utf-8"))
    assert set(per_id) == {b["id"] for b in rencana["baris"]}
    jendela = {i: [(k["mulai"], k["selesai"]) for k in b["kejadian"]] for i, b in per_id.items()}
    assert jendela["I.1.1"] == [("2026-01-08", "2026-01-14")]  # "Pekan kedua Januari 2026"
    assert jendela["I.1.2"] == [("2026-01-15", "2026-01-21")]  # "minggu ke-3 bulan Januari 2026"
    assert jendela["I.2.1"] == [("2026-01-01", "2026-03-31"), ("2026-04-01", "2026-06-30"),
                                ("2026-07-01", "2026-09-30"), ("2026-10-01", "2026-12-31")]  # TW I s.d. TW IV + "setiap triwulan"
    assert [k["tanggal"] for k in per_id["I.3.1"]["kejadian"]][:5] == [
        "2026-01-05", "2026-01-12", "2026-01-19", "2026-01-26", "2026-02-02"]  # tiap hari Senin
    assert "2026-02-16" not in [k["tanggal"] for k in per_id["I.3.1"]["kejadian"]]  # cuti bersama Imlek
    assert jendela["II.1.1"] == [("2026-01-01", "2026-06-30"), ("2026-07-01", "2026-12-31")]
    assert jendela["II.2.1"] == [("2026-03-11", "2026-03-20")]  # pertengahan Maret
    assert per_id["II.2.1"]["kejadian"][0]["tenggat"] == "2026-03-17"  # 18–20 Maret: Idul Fitri
    assert len(jendela["III.1.1"]) == 6 and len(jendela["III.3.1"]) == 4  # bulanan; "tiap bulan" in its row
    assert jendela["III.2.1"] == [("2026-07-01", "2026-09-30"), ("2026-10-01", "2026-12-31")]
    assert jendela["IV.1.1"] == [("2026-02-27", "2026-02-27")]
    assert jendela["IV.2.1"] == [("2026-04-01", "2026-09-30")]
    assert jendela["V.1.1"] == [("2026-07-01", "2026-07-10")]
    assert jendela["V.2.1"] == [("2026-08-29", "2026-08-31")]
    assert jendela["VI.1.1"] == [("2026-07-01", "2026-12-31")]
    assert [m for m, _ in jendela["VI.2.1"]] == ["2026-10-01", "2026-11-01", "2026-12-01"]
    assert jendela["VI.3.1"] == [("2026-12-15", "2026-12-21")]


@pytest.fixture(scope="module")
def arsip_kantor_lain(tmp_path_factory):
    """`zi buat --data` on the second office, once for the tests below."""
    akar = tmp_path_factory.mktemp("kantor-lain")
    h = jalankan_zi("buat", "--data", str(KANTOR_LAIN), "--tahun", "2026", "--keluaran", str(akar))
    assert h.returncode == 0, h.stderr
    return akar, sorted(p.relative_to(akar).as_posix() for p in akar.rglob("*.docx"))


def test_buat_kantor_lain(arsip_kantor_lain):
    """`zi buat --data` on the second office: its documents, dated by its schedule, in WITA."""
    akar, berkas = arsip_kantor_lain
    assert any(b.startswith("2026/01/I.1.1/2026-01-08") for b in berkas)  # SK, pekan kedua Januari
    undangan = [akar / b for b in berkas if b.startswith("2026/01/I.1.2/") and "ndangan" in b]
    assert len(undangan) == 1
    d = docx.Document(undangan[0])
    teks = "\n".join([p.text for p in d.paragraphs] + [c.text for t in d.tables for r in t.rows for c in r.cells])
    assert "Kota Balikpapan" in teks and "08.30 WITA" in teks and "WIB" not in teks
    assert "Kamis, 15 Januari 2026" in teks  # the first working day of minggu ke-3 Januari
    laporan = sorted(Path(b).name[:10] for b in berkas if "/I.2.1/" in b)
    assert laporan == ["2026-03-31", "2026-06-30", "2026-09-30", "2026-12-31"]  # due at each quarter's end
    pernyataan = [b for b in berkas if "/V.1.1/" in b]
    assert len(pernyataan) == len(yaml.safe_load((KANTOR_LAIN / "pegawai.yaml").read_text(encoding="utf-8"))["pegawai"])


def test_buat_kantor_lain_apel_tiap_senin(arsip_kantor_lain):
    """"Tiap hari Senin, Januari s.d. Maret 2026": one apel sheet per working Monday — the 13
    Mondays from 5 January to 30 March less 16 Feb and 23 Mar (cuti bersama)."""
    _, berkas = arsip_kantor_lain
    senin = [dt.date(2026, 1, 5) + dt.timedelta(weeks=i) for i in range(13)]
    harapan = sorted(d.isoformat() for d in senin if d.isoformat() not in {"2026-02-16", "2026-03-23"})
    assert sorted(Path(b).name[:10] for b in berkas if "/I.3.1/" in b) == harapan


def test_apel_dua_hari_seminggu_masing_masing_satu_lembar(tmp_path):
    """"Senin dan Kamis": two apel days in one week are two sheets (each its own identity in
    the registry), none overwriting the other, and a re-run changes nothing."""
    import shutil

    import holidays

    folder = tmp_path / "kantor"
    shutil.copytree(KANTOR_LAIN, folder)
    rencana = folder / "rencana_aksi_2026.yaml"
    lama = '"Tiap hari Senin, Januari s.d. Maret 2026"'
    assert lama in rencana.read_text(encoding="utf-8")
    rencana.write_text(rencana.read_text(encoding="utf-8").replace(lama, '"Tiap hari Senin dan Kamis, Januari s.d. Maret 2026"'),
                       encoding="utf-8")
    akar = tmp_path / "arsip"
    argumen = ("buat", "--data", str(folder), "--tahun", "2026", "--keluaran", str(akar))
    assert jalankan_zi(*argumen).returncode == 0
    libur = holidays.country_holidays("ID", years=2026, categories=("public", "government"))
    hari = [dt.date(2026, 1, 1) + dt.timedelta(days=i) for i in range(90)]
    harapan = sorted(d.isoformat() for d in hari if d.weekday() in (0, 3) and d not in libur)
    apel = sorted(p.name[:10] for p in akar.glob("2026/*/I.3.1/*.docx"))
    assert apel == harapan
    kedua = jalankan_zi(*argumen)
    assert kedua.returncode == 0 and "tidak berubah (" in kedua.stdout and " baru" not in kedua.stdout
