"""The laporan monev of a period, rendered from a tracker this test filled in, and every
figure in it checked against a count made here from what the test wrote."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
import subprocess
from pathlib import Path

import docx
import openpyxl
import pytest
import yaml

from tests.bantu import baris_per_kunci, isi_realisasi, kejadian_jadwal, kolom
from tests.bantu import DATA, jalankan_zi

HARI_LAPORAN = dt.date(2026, 4, 10)
AKHIR_TW1 = dt.date(2026, 3, 31)
NAMA_LAPORAN = "2026/03/monev/2026-04-10 Laporan Monev Triwulan I Tahun 2026.docx"
INSTANSI = yaml.safe_load((DATA / "instansi.yaml").read_text(encoding="utf-8"))


def persen(a: int, b: int) -> str:
    if not b:
        return "-"
    s = f"{round(100 * a / b, 1):.1f}".replace(".", ",")
    return (s[:-2] if s.endswith(",0") else s) + "%"


def isian_uji(garis: list[dict]) -> dict[tuple[str, str], dict]:
    """What the team "typed": a fixed pattern over the lines, plus a few special cases."""
    isian = {}
    for i, g in enumerate(garis):
        kunci, due = (g["id"], g["bulan"]), g["jatuh_tempo"]
        pola = i % 5
        if pola == 0:
            isian[kunci] = {"Status": "selesai", "Tanggal Selesai": dt.datetime.combine(due, dt.time())}
        elif pola == 1:
            isian[kunci] = {"Status": "selesai",
                            "Tanggal Selesai": dt.datetime.combine(due + dt.timedelta(days=3 + i), dt.time())}
        elif pola == 2:
            isian[kunci] = {"Status": "proses", "Catatan": "sedang dikerjakan"}
        elif pola == 4:
            isian[kunci] = {"Status": "Selesai ", "Tanggal Selesai": dt.datetime.combine(due - dt.timedelta(days=1),
                                                                                        dt.time()),
                            "Bukti Lain": "https://drive.example/bukti"}
    # Done, but only after the quarter ended: not done within the period.
    terakhir = [g for g in garis if g["bulan"] == "2026-03"][-1]
    isian[(terakhir["id"], terakhir["bulan"])] = {"Status": "selesai", "Tanggal Selesai": dt.datetime(2026, 4, 6)}
    return isian


def harapan(garis: list[dict], isian: dict, ada_bukti: set, batas: dt.date = AKHIR_TW1) -> dict:
    """The report's figures, counted here: per area (in-period lines), overall, late items."""
    area = {a: {"target": 0, "selesai": 0, "terlambat": 0} for a in ("I", "II", "III", "IV", "V", "VI")}
    lambat, tanpa_bukti = [], []
    for g in garis:
        sel = isian.get((g["id"], g["bulan"]), {})
        status = (sel.get("Status") or "belum").strip().lower()
        tanggal = sel.get("Tanggal Selesai")
        tanggal = tanggal.date() if tanggal else None
        dalam = g["bulan"] >= "2026-01"
        selesai = status == "selesai" and tanggal is not None and tanggal <= AKHIR_TW1
        if selesai:
            hari = (tanggal - g["jatuh_tempo"]).days if tanggal > g["jatuh_tempo"] else None
        else:
            hari = (batas - g["jatuh_tempo"]).days if g["jatuh_tempo"] < batas else None
        if dalam:
            a = area[g["area"]]
            a["target"] += 1
            a["selesai"] += selesai
            a["terlambat"] += hari is not None
            if selesai and (g["id"], g["bulan"]) not in ada_bukti and not sel.get("Bukti Lain"):
                tanpa_bukti.append(f"{g['id']} ({g['bulan']})")
        if hari is not None and (dalam or not selesai):
            lambat.append((g["id"], g["jatuh_tempo"].strftime("%d-%m-%Y"),
                           status if status in ("belum", "proses", "selesai") else "belum",
                           tanggal.strftime("%d-%m-%Y") if selesai else "-", str(hari)))
    total = {k: sum(a[k] for a in area.values()) for k in ("target", "selesai", "terlambat")}
    return {"area": area, "total": total, "lambat": lambat, "tanpa_bukti": tanpa_bukti}


def tabel(d, kepala: str):
    for t in d.tables:
        if kepala in [c.text for c in t.rows[0].cells]:
            return [[c.text for c in r.cells] for r in t.rows]
    raise AssertionError(f"tidak ada tabel berkepala {kepala}")


def teks(d) -> str:
    """Body paragraphs, then every table cell's paragraphs."""
    bagian = [p.text for p in d.paragraphs]
    for t in d.tables:
        for r in t.rows:
            for c in r.cells:
                bagian += [p.text for p in c.paragraphs]
    return "\n".join(bagian)


def cek_laporan(jalur: Path, h: dict) -> docx.Document:
    d = docx.Document(str(jalur))
    isi = teks(d)
    # Per area and overall.
    baris = tabel(d, "Capaian")
    assert baris[0] == ["No", "Area", "Target", "Selesai", "Terlambat", "Capaian"]
    for no, (kode, a) in enumerate(h["area"].items(), 1):
        r = baris[no]
        assert r[0] == str(no) and r[1].startswith(f"{kode}. ")
        assert r[2:] == [str(a["target"]), str(a["selesai"]), str(a["terlambat"]), persen(a["selesai"], a["target"])], r
    t = h["total"]
    assert baris[-1][1:] == ["Jumlah", str(t["target"]), str(t["selesai"]), str(t["terlambat"]),
                             persen(t["selesai"], t["target"])]
    assert (f"Secara keseluruhan {t['selesai']} dari {t['target']} kegiatan yang dijadwalkan pada periode ini telah "
            f"selesai ({persen(t['selesai'], t['target'])}) dan {t['terlambat']} kegiatan terlambat.") in isi
    # Late or missing items, with how late.
    if h["lambat"]:
        lambat = tabel(d, "Terlambat (hari)")
        assert [tuple(r[i] for i in (1, 3, 4, 5, 6)) for r in lambat[1:]] == h["lambat"]
        assert [r[0] for r in lambat[1:]] == [str(i) for i in range(1, len(h["lambat"]) + 1)]
    else:
        assert "Tidak ada kegiatan yang terlambat." in isi
    # The chart, the sections, drafted kendala per area with late items, the frame.
    assert len(d.inline_shapes) == 1 and abs(d.inline_shapes[0].width.cm - 15.0) < 0.01
    assert "[[grafik" not in isi
    for judul in ("Pendahuluan", "Pelaksanaan", "Hasil", "Kendala", "Rekomendasi dan Tindak Lanjut", "Penutup"):
        assert re.search(rf"^[A-F]\.\t{judul}$", isi, re.M), judul
    kendala = isi.split("\tKendala\n")[1].split("\tRekomendasi")[0]
    area_lambat = sorted({r[0].split(".")[0] for r in h["lambat"]})
    butir = [p for p in kendala.splitlines() if p.startswith("•")]
    assert [b.split()[2] for b in butir] == sorted(area_lambat, key=["I", "II", "III", "IV", "V", "VI"].index)
    for id_, *_ in h["lambat"]:
        assert f"{id_} (" in kendala
    assert all(b.rstrip().endswith("]") for b in butir)
    assert "[dilengkapi oleh Tim Pembangunan Zona Integritas]" in kendala
    for b in h["tanpa_bukti"]:
        assert b in isi
    sekretaris = INSTANSI["sekretaris"]
    assert sekretaris["nama"] in isi and f"NIP. {sekretaris['nip']}" in isi
    assert INSTANSI["kop"][0] in isi and "PERIODE TRIWULAN I TAHUN 2026" in isi
    assert f"{INSTANSI['kota']}, 10 April 2026" in isi
    return d


@pytest.fixture(scope="module")
def garis() -> list[dict]:
    return kejadian_jadwal("2026-03")


@pytest.fixture
def terisi(arsip_dasar, garis, tmp_path) -> tuple[Path, dict, set]:
    """An archive with a tracker the team filled in, and evidence files dropped in."""
    akar = tmp_path / "arsip"
    shutil.copytree(arsip_dasar, akar)
    h = jalankan_zi("realisasi", "--periode", "2026-TW1", "--keluaran", str(akar))
    assert h.returncode == 0, h.stdout + h.stderr
    isian = isian_uji(garis)
    isi_realisasi(akar / "realisasi" / "realisasi-2026.xlsx", isian)
    # Evidence: drafts of area I in January (made by zi buat), plus two files staff dropped.
    ada_bukti = {(p.parent.name, f"{p.parts[-4]}-{p.parts[-3]}") for p in akar.glob("2026/01/*/*.docx")}
    for g in [g for g in garis if isian.get((g["id"], g["bulan"]), {}).get("Status") == "selesai"][:2]:
        folder = akar / g["bulan"][:4] / g["bulan"][5:] / g["id"]
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "foto kegiatan.jpg").write_bytes(b"\xff\xd8")
        ada_bukti.add((g["id"], g["bulan"]))
    return akar, isian, ada_bukti


def test_laporan_triwulan_sesuai_isian(terisi, garis):
    akar, isian, ada_bukti = terisi
    h = harapan(garis, isian, ada_bukti)
    assert h["total"]["selesai"] > 0 and h["total"]["terlambat"] > 0 and h["tanpa_bukti"]  # the data covers the cases
    assert any(r[3] != "-" for r in h["lambat"]) and any(r[2] == "proses" for r in h["lambat"])
    k = jalankan_zi("monev", "--periode", "2026-TW1", "--tanggal", "2026-04-10", "--keluaran", str(akar))
    assert k.returncode == 0, k.stdout + k.stderr
    jalur = akar / NAMA_LAPORAN
    assert f"Laporan monev Triwulan I Tahun 2026 (baru): {jalur}" in k.stdout
    for kode, a in h["area"].items():
        assert re.search(rf"^{kode}\s+{a['target']}\s+{a['selesai']}\s+{a['terlambat']}\s+"
                         rf"{re.escape(persen(a['selesai'], a['target']))}$", k.stdout, re.M), kode
    d = cek_laporan(jalur, h)
    assert "CATATAN PEMERIKSAAN DATA" not in teks(d)
    assert "Berkas realisasi belum tersedia" not in teks(d)
    # The same run again changes nothing.
    sebelum = jalur.read_bytes()
    k = jalankan_zi("monev", "--periode", "2026-TW1", "--tanggal", "2026-04-10", "--keluaran", str(akar))
    assert k.returncode == 0 and "(tidak berubah)" in k.stdout and jalur.read_bytes() == sebelum


def test_laporan_di_tengah_periode(terisi, garis):
    """Made on 20 February for the first semester: the cut-off is the report date."""
    from zi.monev import buat_laporan

    akar, isian, ada_bukti = terisi
    hari = dt.date(2026, 2, 20)
    # Only what is possible on 20 February: completion dates after it are moved back.
    isian = {k: v for k, v in isian.items() if k[1] <= "2026-02"}
    for v in isian.values():
        if v.get("Tanggal Selesai") and v["Tanggal Selesai"].date() > hari:
            v["Tanggal Selesai"] = dt.datetime(2026, 2, 19)
    wb = openpyxl.load_workbook(akar / "realisasi" / "realisasi-2026.xlsx")
    ws = wb["Realisasi"]
    kol = kolom(ws)
    for r in range(2, ws.max_row + 1):
        for j in ("Status", "Tanggal Selesai", "Bukti Lain", "Catatan"):
            ws.cell(r, kol[j]).value = None
    wb.save(akar / "realisasi" / "realisasi-2026.xlsx")
    isi_realisasi(akar / "realisasi" / "realisasi-2026.xlsx", isian)
    hasil = buat_laporan(akar, "2026-S1", hari_ini=hari)
    semester = kejadian_jadwal("2026-06")
    h = harapan(semester, isian, ada_bukti, batas=hari)
    # S1 due after the cut-off is "belum jatuh tempo", not late; lines Apr-Jun are missing from the tracker.
    belum_tempo = sum(1 for g in semester if g["bulan"] >= "2026-01" and g["jatuh_tempo"] >= hari
                      and isian.get((g["id"], g["bulan"]), {}).get("Status") != "selesai")
    d = docx.Document(str(akar / hasil.jalur))
    baris = tabel(d, "Capaian")
    for no, (kode, a) in enumerate(h["area"].items(), 1):
        assert baris[no][2:5] == [str(a["target"]), str(a["selesai"]), str(a["terlambat"])]
    assert [tuple(r[i] for i in (1, 3, 4, 5, 6)) for r in tabel(d, "Terlambat (hari)")[1:]] == h["lambat"]
    assert f"Sebanyak {belum_tempo} kegiatan lainnya belum jatuh tempo sampai dengan 20 Februari 2026." in teks(d)
    assert hasil.jalur.as_posix() == "2026/06/monev/2026-02-20 Laporan Monev Semester I Tahun 2026.docx"
    kurang = len(semester) - len(garis)
    assert any(f"{kurang} kejadian rencana belum ada di berkas ini" in m and "zi realisasi --periode 2026-S1" in m
               for m in hasil.rekap.masalah)


def test_tanpa_berkas_realisasi(tmp_path, garis):
    akar = tmp_path / "arsip"
    k = jalankan_zi("monev", "--periode", "2026-TW1", "--tanggal", "2026-04-10", "--keluaran", str(akar))
    assert k.returncode == 0, k.stdout + k.stderr
    assert "Berkas realisasi belum ada" in k.stdout and "zi realisasi --periode 2026-TW1" in k.stdout
    h = harapan(garis, {}, set())
    assert h["total"]["selesai"] == 0 and h["total"]["terlambat"] == h["total"]["target"] > 0
    d = cek_laporan(akar / NAMA_LAPORAN, h)
    assert "Berkas realisasi belum tersedia pada saat laporan ini disusun" in teks(d)


def test_data_realisasi_salah_dilaporkan_per_sel(terisi, garis):
    akar, isian, ada_bukti = terisi
    jalur = akar / "realisasi" / "realisasi-2026.xlsx"
    wb = openpyxl.load_workbook(jalur)
    ws = wb["Realisasi"]
    r = baris_per_kunci(ws)
    kol = kolom(ws)
    selesai = [g for g in garis if isian.get((g["id"], g["bulan"]), {}).get("Status") == "selesai"
               and g["bulan"] >= "2026-01"]
    a, b, c = ((x["id"], x["bulan"]) for x in selesai[:3])
    ws.cell(r[a], kol["Status"]).value = "sudah"  # unknown word: counted "belum"
    ws.cell(r[b], kol["Tanggal Selesai"]).value = "31/02/2026"  # not a date: done, lateness unknown
    ws.cell(r[c], kol["Tanggal Selesai"]).value = "awal Maret"  # words
    ws["G1"] = "Status Pelaksanaan"  # renamed header, still in place
    wb.save(jalur)
    isian[a] = {**isian[a], "Status": "sudah"}
    harapan_masalah = [
        'realisasi-2026.xlsx!Realisasi!G1: kolom "Status" tidak ditemukan; kolom G (berjudul "Status Pelaksanaan", '
        'di posisi aslinya) dipakai sebagai "Status"',
        f'realisasi-2026.xlsx!Realisasi!G{r[a]}: status "sudah" tidak dikenal (belum/proses/selesai)',
        f'realisasi-2026.xlsx!Realisasi!H{r[b]}: tanggal selesai "31/02/2026" tidak bisa dibaca; ketik sebagai tanggal '
        'dd-mm-yyyy (mis. 12-03-2026)',
        f'realisasi-2026.xlsx!Realisasi!H{r[c]}: tanggal selesai "awal Maret" tidak bisa dibaca; ketik sebagai tanggal '
        'dd-mm-yyyy (mis. 12-03-2026)',
    ]
    k = jalankan_zi("monev", "--periode", "2026-TW1", "--tanggal", "2026-04-10", "--keluaran", str(akar))
    assert k.returncode == 1, k.stdout + k.stderr
    for m in harapan_masalah:
        assert f"  - {m}" in k.stdout
    # Figures: "sudah" is not done; b and c are done with an unknown date (so not late).
    h = harapan(garis, {**isian, b: {**isian[b], "Tanggal Selesai": dt.datetime(2000, 1, 1)},
                        c: {**isian[c], "Tanggal Selesai": dt.datetime(2000, 1, 1)}}, ada_bukti)
    h["tanpa_bukti"] = []  # b/c get the year-2000 stand-in date above; checked via figures only
    d = cek_laporan(akar / NAMA_LAPORAN, h)
    lampiran = teks(d).split("CATATAN PEMERIKSAAN DATA")[1]
    assert [p for p in lampiran.splitlines() if re.match(r"^\d+\.\t", p)] == \
        [f"{i}.\t{m}" for i, m in enumerate(harapan_masalah, 1)]


def test_kolom_hilang_laporan_tetap_dibuat(terisi, garis):
    akar, isian, _ = terisi
    jalur = akar / "realisasi" / "realisasi-2026.xlsx"
    wb = openpyxl.load_workbook(jalur)
    ws = wb["Realisasi"]
    for baris in ws.iter_rows():  # openpyxl's insert_cols leaves hyperlinks behind (Excel moves them)
        for sel in baris:
            sel.hyperlink = None
    ws.insert_cols(1)
    ws["A1"] = "No"
    ws["H1"] = "Status Kegiatan"  # moved by the insert and renamed: cannot be matched
    wb.save(jalur)
    k = jalankan_zi("monev", "--periode", "2026-TW1", "--tanggal", "2026-04-10", "--keluaran", str(akar))
    assert k.returncode == 1
    pesan = 'realisasi-2026.xlsx!Realisasi!1:1: kolom "Status" tidak ditemukan di baris judul; isinya dianggap kosong'
    assert pesan in k.stdout
    # Without a status column nothing counts as done; the one message says why (no per-line noise).
    d = docx.Document(str(akar / NAMA_LAPORAN))
    assert tabel(d, "Capaian")[-1][3] == "0"
    lampiran = [p for p in teks(d).split("CATATAN PEMERIKSAAN DATA")[1].splitlines() if re.match(r"^\d+\.\t", p)]
    assert lampiran == [f"1.\t{pesan}"]


def test_laporan_disunting_tidak_ditimpa(terisi):
    from zi.monev import buat_laporan

    akar, _, _ = terisi
    h1 = buat_laporan(akar, "2026-TW1", hari_ini=HARI_LAPORAN)
    assert h1.status == "baru"
    jalur = akar / h1.jalur
    # The tracker changes: the untouched report is replaced, the old one kept in _riwayat.
    isi_realisasi(akar / "realisasi" / "realisasi-2026.xlsx", {("IV.2.3", "2025-01"): {"Status": "proses"}})
    lama = jalur.read_bytes()
    h2 = buat_laporan(akar, "2026-TW1", hari_ini=HARI_LAPORAN)
    assert h2.status == "diperbarui" and h2.jalur == h1.jalur and jalur.read_bytes() != lama
    assert [p.read_bytes() for p in (akar / "2026/03/_riwayat").glob("*.docx")] == [lama]
    # The team finishes the report in Word; a later run leaves theirs alone.
    d = docx.Document(str(jalur))
    d.add_paragraph("Kendala sudah diuraikan oleh Tim.")
    d.save(str(jalur))
    disunting = jalur.read_bytes()
    isi_realisasi(akar / "realisasi" / "realisasi-2026.xlsx", {("IV.2.3", "2025-01"): {"Status": "belum"}})
    h3 = buat_laporan(akar, "2026-TW1", hari_ini=HARI_LAPORAN)
    assert h3.status == "konflik" and jalur.read_bytes() == disunting
    assert (akar / h3.jalur).name.endswith("(draf baru).docx")
    # Listed by `zi arsip` like every other document.
    k = jalankan_zi("arsip", "--json", "--keluaran", str(akar))
    assert any(x["jenis"] == "laporan_monev_periode" and x["path"] == NAMA_LAPORAN for x in json.loads(k.stdout))


def test_templat_memakai_konteks_yang_ada(terisi):
    from zi.monev import TEMPLAT, konteks, rekap
    from zi.render import jalur_templat, variabel_templat
    from zi.rencana import muat_kantor, muat_rencana

    akar, _, _ = terisi
    r = muat_rencana()
    k = konteks(rekap(r, "2026-TW1", akar, HARI_LAPORAN), r, muat_kantor(), HARI_LAPORAN)
    assert variabel_templat(jalur_templat(TEMPLAT)) <= set(k)


@pytest.mark.skipif(shutil.which("soffice") is None or shutil.which("pdftotext") is None,
                    reason="LibreOffice/poppler tidak terpasang (.ci/run memasangnya)")
def test_laporan_terbaca_libreoffice(terisi, tmp_path):
    from zi.monev import buat_laporan
    from zi.render import ke_pdf

    akar, _, _ = terisi
    h = buat_laporan(akar, "2026-TW1", hari_ini=HARI_LAPORAN)
    pdf = ke_pdf([akar / h.jalur], tmp_path)[0]
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert re.search(r"Page size:\s+595(\.\d+)? x 841", info)  # A4
    isi = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "LAPORAN MONITORING DAN EVALUASI" in isi and "Gambar 1." in isi and "Penutup" in isi


@pytest.mark.usefixtures("prefect_harness")
def test_flow_triwulan_membuat_laporan_periode(tmp_path):
    from flows.monev import monev_triwulan

    akar = tmp_path / "arsip"
    hasil = monev_triwulan(periode="2026-TW1", keluaran=str(akar))
    lap = hasil["laporan_periode"]
    assert lap["status"] == "baru" and lap["jalur"] in hasil["berkas"]
    assert lap["jalur"].startswith("2026/03/monev/") and (akar / lap["jalur"]).is_file()
    assert (akar / "realisasi" / "realisasi-2026.xlsx").is_file()  # refreshed by the flow first
