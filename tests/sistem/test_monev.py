"""The laporan monev of a period and `zi lke`, rendered from a tracker this test typed, every
figure, date and sentence checked against counts made here from what the test typed, the
`zi jadwal --json` contract (due dates), the plan and data files — never zi's functions."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
import sqlite3
import subprocess
from pathlib import Path

import docx
import holidays
import openpyxl
import pytest
import yaml
from babel.dates import format_date

from tests.bantu import DATA, RENCANA, baris_per_kunci, isi_realisasi, jalankan_zi, kejadian_jadwal, kolom

INSTANSI = yaml.safe_load((DATA / "instansi.yaml").read_text(encoding="utf-8"))
LKE = yaml.safe_load((DATA / "lke.yaml").read_text(encoding="utf-8"))
PLAN = yaml.safe_load(RENCANA.read_text(encoding="utf-8"))
AREA = list(PLAN["area"])
TAHUN = PLAN["rencana"]["tahun"]
STATUS = ("belum", "proses", "selesai")


# --------------------------------------------------------------------------- the test's own facts

def persen(a: int, b: int) -> str:
    if not b:
        return "-"
    s = f"{round(100 * a / b, 1):.1f}".replace(".", ",")
    return (s[:-2] if s.endswith(",0") else s) + "%"


def angka(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else f"{x:g}".replace(".", ",")


def tanggal_id(d: dt.date) -> str:
    return format_date(d, "d MMMM y", locale="id")


def hari_kerja_terakhir(d: dt.date) -> dt.date:
    """The last working day on or before `d` (Mon–Fri, not a holiday nor cuti bersama)."""
    libur = holidays.country_holidays("ID", years=d.year, categories=("public", "government"))
    while d.weekday() >= 5 or d in libur:
        d -= dt.timedelta(days=1)
    return d


def bulan_periode(kode: str) -> list[str]:
    """Months of "2026-TW1" / "2026-S1" / "2026", written out here."""
    tahun, _, bagian = kode.partition("-")
    if not bagian:
        return [f"{tahun}-{m:02d}" for m in range(1, 13)]
    n = int(bagian[2:] if bagian.startswith("TW") else bagian[1:])
    panjang = 3 if bagian.startswith("TW") else 6
    return [f"{tahun}-{m:02d}" for m in range((n - 1) * panjang + 1, n * panjang + 1)]


def isian_uji(garis: list[dict]) -> dict[tuple[str, str], dict]:
    """What the team "typed" for the lines due up to March: done on time, done late,
    in progress, untouched, done a day early — and the plan's out-of-year line done."""
    isian = {}
    for i, g in enumerate(x for x in garis if x["bulan"].startswith(str(TAHUN))):
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
    for g in garis:
        if not g["bulan"].startswith(str(TAHUN)):  # "Januari 2025": a data problem, whatever is typed
            isian[(g["id"], g["bulan"])] = {"Status": "selesai", "Tanggal Selesai": dt.datetime(2026, 1, 2)}
    return isian


def harapan(garis: list[dict], isian: dict, bukti_arsip: set, kode: str, batas: dt.date) -> dict:
    """The report's figures, counted here from the typed cells: per area (lines due in the
    period), overall, the late lines, the arrears, LKE, and the out-of-year lines."""
    bulan = bulan_periode(kode)
    area = {a: {"target": 0, "selesai": 0, "terlambat": 0, "bukti": 0} for a in AREA}
    lambat, tunggakan, tanpa_bukti, luar = [], [], [], []
    for g in garis:
        if not g["bulan"].startswith(str(TAHUN)):
            luar.append(g)
            continue
        sel = isian.get((g["id"], g["bulan"]), {})
        status = (sel.get("Status") or "belum").strip().lower()
        status = status if status in STATUS else "belum"
        tanggal = sel["Tanggal Selesai"].date() if sel.get("Tanggal Selesai") else None
        selesai = status == "selesai" and tanggal is not None and tanggal <= batas
        if selesai:
            hari = (tanggal - g["jatuh_tempo"]).days if tanggal > g["jatuh_tempo"] else None
        else:
            hari = (batas - g["jatuh_tempo"]).days if g["jatuh_tempo"] < batas else None
        baris = {"id": g["id"], "bulan": g["bulan"], "jatuh_tempo": g["jatuh_tempo"], "status": status,
                 "selesai": tanggal.strftime("%d-%m-%Y") if selesai else "-", "hari": hari, "beres": selesai,
                 "komponen": g["komponen"], "area": g["area"]}
        if g["bulan"] in bulan:
            a = area[g["area"]]
            a["target"] += 1
            a["selesai"] += selesai
            a["terlambat"] += hari is not None
            a["bukti"] += selesai and (g["id"], g["bulan"]) in bukti_arsip
            if hari is not None:
                lambat.append(baris)
            if selesai and (g["id"], g["bulan"]) not in bukti_arsip and not sel.get("Bukti Lain"):
                tanpa_bukti.append(f"{g['id']} ({g['bulan']})")
        elif g["bulan"] < bulan[0] and not selesai and hari is not None:
            tunggakan.append(baris)
    total = {k: sum(a[k] for a in area.values()) for k in ("target", "selesai", "terlambat")}
    return {"area": area, "total": total, "lambat": lambat, "tunggakan": tunggakan, "tanpa_bukti": tanpa_bukti,
            "luar": luar}


# --------------------------------------------------------------------------- reading the report

def tabel(d, kepala: str):
    for t in d.tables:
        if kepala in [c.text for c in t.rows[0].cells]:
            return [[c.text for c in r.cells] for r in t.rows]
    raise AssertionError(f"tidak ada tabel berkepala {kepala}")


def ada_tabel(d, kepala: str) -> bool:
    return any(kepala in [c.text for c in t.rows[0].cells] for t in d.tables)


def teks(d) -> str:
    """Body paragraphs, then every table cell's paragraphs."""
    bagian = [p.text for p in d.paragraphs]
    for t in d.tables:
        for r in t.rows:
            for c in r.cells:
                bagian += [p.text for p in c.paragraphs]
    return "\n".join(bagian)


def bagian(isi: str, mulai: str, akhir: str) -> str:
    return isi.split(f"\t{mulai}\n", 1)[1].split(f"\t{akhir}", 1)[0]


def tanpa_kata_ganda(isi: str) -> None:
    ganda = [m.group(0) for m in re.finditer(r"\b(\w{3,})[ \t]+\1\b", isi, re.I)
             if not m.group(1).isdigit()]
    assert not ganda, ganda


def cek_laporan(jalur: Path, h: dict, *, kode: str, tanggal: dt.date, batas: dt.date) -> docx.Document:
    d = docx.Document(str(jalur))
    isi = teks(d)
    # Per area and overall.
    baris = tabel(d, "Capaian")
    assert baris[0] == ["No", "Area", "Target", "Selesai", "Terlambat", "Capaian"]
    for no, (kode_area, a) in enumerate(h["area"].items(), 1):
        r = baris[no]
        assert r[0] == str(no) and r[1].startswith(f"{kode_area}. ")
        assert r[2:] == [str(a["target"]), str(a["selesai"]), str(a["terlambat"]), persen(a["selesai"], a["target"])], r
    t = h["total"]
    assert baris[-1][1:] == ["Jumlah", str(t["target"]), str(t["selesai"]), str(t["terlambat"]),
                             persen(t["selesai"], t["target"])]
    assert (f"Secara keseluruhan {t['selesai']} dari {t['target']} kegiatan yang dijadwalkan pada periode ini telah "
            f"selesai ({persen(t['selesai'], t['target'])}) dan {t['terlambat']} kegiatan terlambat.") in isi
    # Late items of the period: exactly the table's "Terlambat" total, with how late.
    if h["lambat"]:
        lambat = tabel(d, "Terlambat (hari)")
        assert [tuple(r[i] for i in (1, 3, 4, 5, 6)) for r in lambat[1:]] == \
            [(x["id"], x["jatuh_tempo"].strftime("%d-%m-%Y"), x["status"], x["selesai"], str(x["hari"]))
             for x in h["lambat"]]
        assert len(lambat) - 1 == t["terlambat"]
        assert f"Kegiatan periode ini yang terlambat atau belum terlaksana ({t['terlambat']} kegiatan):" in isi
    else:
        assert "Tidak ada kegiatan periode ini yang terlambat." in isi
    if h["tunggakan"]:
        assert f"({len(h['tunggakan'])} kegiatan, tidak termasuk dalam angka periode ini)" in isi
    else:
        assert "Tunggakan dari bulan-bulan sebelumnya" not in isi
    # The plan's out-of-year due date: a data problem, never lateness.
    for g in h["luar"]:
        assert (f"{g['id']}: target waktu \u201c{target_waktu(g['id'])}\u201d, jatuh tempo "
                f"{tanggal_id(g['jatuh_tempo'])}.") in isi
        assert g["id"] not in [r[1] for r in tabel(d, "Terlambat (hari)")[1:]] if h["lambat"] else True
    cek_kendala(isi, h)
    cek_lke_tabel(d, h)
    for b in h["tanpa_bukti"]:
        assert b in isi
    # The frame: charts, sections, signature, date.
    assert len(d.inline_shapes) == (2 if "-" not in kode else 1)
    assert all(abs(s.width.cm - 15.0) < 0.01 for s in d.inline_shapes)
    assert "[[grafik" not in isi
    for judul in ("Pendahuluan", "Pelaksanaan", "Hasil", "Kendala", "Rekomendasi dan Tindak Lanjut", "Penutup"):
        assert re.search(rf"^[A-F]\.\t{judul}$", isi, re.M), judul
    sekretaris = INSTANSI["sekretaris"]
    assert sekretaris["nama"] in isi and f"NIP. {sekretaris['nip']}" in isi
    assert INSTANSI["kop"][0] in isi
    assert f"{INSTANSI['kota']}, {tanggal_id(tanggal)}" in isi
    assert f"Keadaan dihitung sampai dengan {tanggal_id(batas)}." in isi
    assert "berkas realisasi-2026.xlsx" in isi
    tanpa_kata_ganda(isi)
    return d


def target_waktu(baris_id: str) -> str:
    return next(b["target_waktu"] for b in PLAN["baris"] if b["id"] == baris_id)


def cek_kendala(isi: str, h: dict) -> None:
    """One sentence per area with late items: what is late and since when, left for the team."""
    kendala = bagian(isi, "Kendala", "Rekomendasi")
    butir = [p for p in kendala.splitlines() if p.startswith("•")]
    per_area = {a: [x for x in h["lambat"] + h["tunggakan"] if x["area"] == a] for a in AREA}
    dengan = [a for a in AREA if per_area[a]]
    if not dengan:
        assert butir == ["•\tTidak ada keterlambatan yang tercatat pada periode ini. [tambahkan kendala lain bila ada]"]
        return
    assert [b.split()[2] for b in butir] == dengan
    for b, a in zip(butir, dengan):
        belum = [x for x in per_area[a] if not x["beres"] and x in h["lambat"]]
        telat = [x for x in per_area[a] if x["beres"]]
        assert b.startswith(f"•\tArea {a} (") and b.endswith("[uraikan penyebab keterlambatannya]"), b
        if belum:
            assert f"{len(belum)} kegiatan belum selesai melewati jatuh temponya, yaitu " in b
            for x in belum:
                assert (f"{x['komponen']} ({x['id']}) sejak {tanggal_id(x['jatuh_tempo'])}, "
                        f"terlambat {x['hari']} hari") in b
        if telat:
            assert f"{len(telat)} kegiatan selesai terlambat, yaitu " in b
            for x in telat:
                assert (f"{x['komponen']} ({x['id']}), {x['hari']} hari sesudah jatuh tempo "
                        f"{tanggal_id(x['jatuh_tempo'])}") in b
    assert "[dilengkapi oleh Tim Pembangunan Zona Integritas]" in kendala
    rekomendasi = bagian(isi, "Rekomendasi dan Tindak Lanjut", "Penutup")
    for a in dengan:
        tertunda = [x["id"] for x in per_area[a] if not x["beres"]]
        if tertunda:
            assert f"Area {a}: menyelesaikan {len(tertunda)} kegiatan yang tertunda ({', '.join(tertunda)})" \
                in rekomendasi


def lke_harapan(h: dict) -> list[dict]:
    hasil = []
    for a in LKE["area"]:
        x = h["area"][a["area_rencana"]]
        bagian_ = x["bukti"] / x["target"] if x["target"] else None
        hasil.append({"area": a["area_rencana"], "nama": a["nama"], "bobot": a["bobot"], "jatuh_tempo": x["target"],
                      "selesai": x["selesai"], "dengan_bukti": x["bukti"],
                      "persen": None if bagian_ is None else round(100 * bagian_, 1),
                      "nilai": None if bagian_ is None else round(a["bobot"] * bagian_, 2)})
    return hasil


def cek_lke_tabel(d, h: dict) -> None:
    baris = tabel(d, "Area Pengungkit")
    assert baris[0] == ["No", "Area Pengungkit", "Bobot", "Jatuh Tempo", "Selesai", "Dengan Bukti", "Capaian", "Nilai"]
    for no, x in enumerate(lke_harapan(h), 1):
        assert baris[no] == [str(no), f"{x['area']}. {x['nama']}", angka(x["bobot"]), str(x["jatuh_tempo"]),
                             str(x["selesai"]), str(x["dengan_bukti"]),
                             "-" if x["persen"] is None else f"{angka(x['persen'])}%",
                             "-" if x["nilai"] is None else angka(x["nilai"])], baris[no]
    assert baris[-1][1] == "Jumlah" and baris[-1][2] == "60"


# --------------------------------------------------------------------------- fixtures

@pytest.fixture(scope="module")
def garis() -> list[dict]:
    return kejadian_jadwal("2026-03")


@pytest.fixture
def terisi(arsip_dasar, garis, tmp_path) -> tuple[Path, dict, set]:
    """An archive with a tracker the team filled in, and evidence files staff dropped in
    (the drafts zi made are read from the registry after each run: `bukti_arsip`)."""
    akar = tmp_path / "arsip"
    shutil.copytree(arsip_dasar, akar)
    h = jalankan_zi("realisasi", "--periode", "2026-TW1", "--keluaran", str(akar))
    assert h.returncode == 0, h.stdout + h.stderr
    isian = isian_uji(garis)
    isi_realisasi(akar / "realisasi" / "realisasi-2026.xlsx", isian)
    bukti = set()
    for g in [g for g in garis if isian.get((g["id"], g["bulan"]), {}).get("Status") == "selesai"
              and g["bulan"].startswith("2026")][:2]:
        folder = akar / g["bulan"][:4] / g["bulan"][5:] / g["id"]
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "foto kegiatan.jpg").write_bytes(b"\xff\xd8")
        bukti.add((g["id"], g["bulan"]))
    return akar, isian, bukti


def bukti_arsip(akar: Path, staf: set) -> set[tuple[str, str]]:
    """(row, month) with evidence: every row a registered document serves (read straight from
    the registry's SQLite), plus the files this test dropped into rows' folders."""
    with sqlite3.connect(akar / ".zi" / "arsip.sqlite") as db:
        hasil = {(b, bulan) for baris, bulan, path in db.execute("SELECT baris, bulan, path FROM naskah")
                 for b in json.loads(baris or "[]") if (akar / path).is_file()}
    return hasil | staf


def monev(akar: Path, *argumen: str) -> subprocess.CompletedProcess[str]:
    return jalankan_zi("monev", *argumen, "--keluaran", str(akar))


# --------------------------------------------------------------------------- tests

def test_laporan_triwulan_sesuai_isian(terisi, garis):
    akar, isian, staf = terisi
    batas = dt.date(2026, 3, 31)
    k = monev(akar, "--periode", "2026-TW1", "--tanggal", "2026-04-10")
    assert k.returncode == 0, k.stdout + k.stderr
    h = harapan(garis, isian, bukti_arsip(akar, staf), "2026-TW1", batas)
    # The typed data covers every case: done, late undone, done late, in progress, out of year, no evidence.
    assert h["total"]["selesai"] and h["total"]["terlambat"] and h["tanpa_bukti"] and h["luar"]
    assert any(x["beres"] for x in h["lambat"]) and any(x["status"] == "proses" for x in h["lambat"])
    jalur = akar / "2026/03/monev/2026-04-10 Laporan Monev Triwulan I Tahun 2026.docx"
    assert f"Laporan monev Triwulan I Tahun 2026 (baru): {jalur}" in k.stdout
    for kode, a in h["area"].items():
        assert re.search(rf"^{kode}\s+{a['target']}\s+{a['selesai']}\s+{a['terlambat']}\s+"
                         rf"{re.escape(persen(a['selesai'], a['target']))}$", k.stdout, re.M), kode
    d = cek_laporan(jalur, h, kode="2026-TW1", tanggal=dt.date(2026, 4, 10), batas=batas)
    assert "CATATAN PEMERIKSAAN DATA" not in teks(d) and "PERHATIAN" not in teks(d)
    # The same run again changes nothing.
    sebelum = jalur.read_bytes()
    k = monev(akar, "--periode", "2026-TW1", "--tanggal", "2026-04-10")
    assert k.returncode == 0 and "(tidak berubah)" in k.stdout and jalur.read_bytes() == sebelum


def test_zi_lke_sama_dengan_isian(terisi, garis):
    akar, isian, staf = terisi
    k = jalankan_zi("lke", "--periode", "2026-TW1", "--json", "--keluaran", str(akar))
    assert k.returncode == 0, k.stderr
    bukti = bukti_arsip(akar, staf)
    h = harapan(garis, isian, bukti, "2026-TW1", dt.date(2026, 3, 31))
    keluaran = json.loads(k.stdout)
    kunci = ["area", "nama", "bobot", "jatuh_tempo", "selesai", "dengan_bukti", "persen", "nilai"]
    assert [{x: o[x] for x in kunci} for o in keluaran] == lke_harapan(h)
    assert sum(o["bobot"] for o in keluaran) == 60 and any(o["dengan_bukti"] for o in keluaran)
    for o in keluaran:  # the rows done without evidence in the archive are named
        assert {(x["id"], x["bulan"]) for x in o["tanpa_bukti"]} == {
            (g["id"], g["bulan"]) for g in garis if g["area"] == o["area"] and g["bulan"] in bulan_periode("2026-TW1")
            and harapan_selesai_pada(isian, g, dt.date(2026, 3, 31)) and (g["id"], g["bulan"]) not in bukti}
    k = jalankan_zi("lke", "--periode", "2026-TW1", "--keluaran", str(akar))
    assert k.returncode == 0
    for x in lke_harapan(h):
        assert re.search(rf"^{x['area']}\s+{re.escape(x['nama'])}\s+{angka(x['bobot'])}\s+{x['jatuh_tempo']}\s+"
                         rf"{x['selesai']}\s+{x['dengan_bukti']}\s", k.stdout, re.M), x


def test_laporan_bertanggal_hari_kerja_terakhir_periode(terisi, garis):
    """Made after the period (4 May): dated at the quarter's last working day; made within
    it (20 February, first semester): dated that day, the cut-off is that day."""
    from zi import layanan

    akar, isian, staf = terisi
    sumber = layanan.muat_sumber()
    m = layanan.monev_periode(sumber, akar, "2026-TW1", hari_ini=dt.date(2026, 5, 4))
    akhir = hari_kerja_terakhir(dt.date(2026, 3, 31))
    assert m.laporan.jalur.as_posix() == f"2026/03/monev/{akhir.isoformat()} Laporan Monev Triwulan I Tahun 2026.docx"
    cek_laporan(akar / m.laporan.jalur, harapan(garis, isian, bukti_arsip(akar, staf), "2026-TW1", akhir),
                kode="2026-TW1", tanggal=akhir, batas=akhir)

    hari = dt.date(2026, 2, 20)
    semester = kejadian_jadwal("2026-06")
    wb = openpyxl.load_workbook(akar / "realisasi" / "realisasi-2026.xlsx")
    ws = wb["Realisasi"]
    kol = kolom(ws)
    for r in range(2, ws.max_row + 1):
        for j in ("Status", "Tanggal Selesai", "Bukti Lain", "Catatan"):
            ws.cell(r, kol[j]).value = None
    wb.save(akar / "realisasi" / "realisasi-2026.xlsx")
    # What could be typed by 20 February: lines due by then, completion dates not after it.
    awal = {k: v for k, v in isian.items() if "2026-01" <= k[1] <= "2026-02"
            and (not v.get("Tanggal Selesai") or v["Tanggal Selesai"].date() <= hari)}
    isi_realisasi(akar / "realisasi" / "realisasi-2026.xlsx", awal)
    m = layanan.monev_periode(sumber, akar, "2026-S1", hari_ini=hari)
    assert m.laporan.jalur.as_posix() == "2026/06/monev/2026-02-20 Laporan Monev Semester I Tahun 2026.docx"
    h = harapan(semester, awal, bukti_arsip(akar, staf), "2026-S1", hari)
    d = docx.Document(str(akar / m.laporan.jalur))
    baris = tabel(d, "Capaian")
    for no, (kode, a) in enumerate(h["area"].items(), 1):
        assert baris[no][2:5] == [str(a["target"]), str(a["selesai"]), str(a["terlambat"])]
    belum_tempo = sum(1 for g in semester if g["bulan"] in bulan_periode("2026-S1") and g["jatuh_tempo"] >= hari
                      and not (awal.get((g["id"], g["bulan"]), {}).get("Status", "").strip().lower() == "selesai"))
    assert f"Sebanyak {belum_tempo} kegiatan lainnya belum jatuh tempo sampai dengan 20 Februari 2026." in teks(d)
    assert f"{INSTANSI['kota']}, 20 Februari 2026" in teks(d)


def test_laporan_triwulan_kedua_dengan_tunggakan(terisi, garis):
    """TW II made on 10 July: TW I's open items are arrears, listed apart from TW II's figures."""
    akar, isian, staf = terisi
    k = monev(akar, "--periode", "2026-TW2", "--tanggal", "2026-07-10")
    assert k.returncode == 0, k.stdout + k.stderr
    semua = kejadian_jadwal("2026-06")
    batas = dt.date(2026, 6, 30)
    h = harapan(semua, isian, bukti_arsip(akar, staf), "2026-TW2", batas)
    assert h["tunggakan"] and h["lambat"]
    cek_laporan(akar / "2026/06/monev/2026-07-10 Laporan Monev Triwulan II Tahun 2026.docx", h, kode="2026-TW2",
                tanggal=dt.date(2026, 7, 10), batas=batas)
    d = docx.Document(str(akar / "2026/06/monev/2026-07-10 Laporan Monev Triwulan II Tahun 2026.docx"))
    kepala = ["No", "Baris", "Langkah Aksi", "Jatuh Tempo", "Status", "Terlambat (hari)"]
    tunggak = next(t for t in d.tables if [c.text for c in t.rows[0].cells] == kepala)
    assert [(r.cells[1].text, r.cells[3].text, r.cells[5].text) for r in tunggak.rows[1:]] == \
        [(x["id"], x["jatuh_tempo"].strftime("%d-%m-%Y"), str(x["hari"])) for x in h["tunggakan"]]


def test_laporan_tahunan_kemajuan_per_bulan(terisi):
    akar, isian, staf = terisi
    k = monev(akar, "--periode", "2026", "--tanggal", "2026-12-31")
    assert k.returncode == 0, k.stdout + k.stderr
    semua = kejadian_jadwal("2026-12")
    h = harapan(semua, isian, bukti_arsip(akar, staf), "2026", dt.date(2026, 12, 31))
    d = cek_laporan(akar / "2026/12/monev/2026-12-31 Laporan Monev Tahun 2026.docx", h, kode="2026",
                    tanggal=dt.date(2026, 12, 31), batas=dt.date(2026, 12, 31))
    baris = tabel(d, "Kumulatif Selesai")
    jatuh = beres = 0
    for r, bulan in zip(baris[1:], bulan_periode("2026"), strict=True):
        ini = [g for g in semua if g["bulan"] == bulan]
        selesai = sum(harapan_selesai_pada(isian, g, dt.date(2026, 12, 31)) for g in ini)
        jatuh, beres = jatuh + len(ini), beres + selesai
        assert r == [bulan, str(len(ini)), str(selesai), str(jatuh), str(beres), persen(beres, jatuh)], r


def harapan_selesai_pada(isian: dict, g: dict, batas: dt.date) -> bool:
    sel = isian.get((g["id"], g["bulan"]), {})
    tanggal = sel.get("Tanggal Selesai")
    return (sel.get("Status") or "").strip().lower() == "selesai" and tanggal is not None and tanggal.date() <= batas


def test_tanpa_berkas_realisasi_ada_peringatan(tmp_path, garis):
    akar = tmp_path / "arsip"
    akar.mkdir()
    from zi.monev import buat_laporan

    hasil = buat_laporan(akar, "2026-TW1", tanggal=dt.date(2026, 4, 10), hari_ini=dt.date(2026, 4, 10))
    h = harapan(garis, {}, set(), "2026-TW1", dt.date(2026, 3, 31))
    assert h["total"]["selesai"] == 0 and h["total"]["terlambat"] > 0
    d = cek_laporan(akar / hasil.jalur, h, kode="2026-TW1", tanggal=dt.date(2026, 4, 10), batas=dt.date(2026, 3, 31))
    kotak = [t for t in d.tables if t.rows[0].cells[0].paragraphs[0].text == "PERHATIAN"]
    assert kotak and "Berkas realisasi belum tersedia" in kotak[0].rows[0].cells[0].text


def test_berkas_realisasi_kosong_ada_peringatan(arsip_dasar, tmp_path, garis):
    akar = tmp_path / "arsip"
    shutil.copytree(arsip_dasar, akar)
    assert jalankan_zi("realisasi", "--periode", "2026-TW1", "--keluaran", str(akar)).returncode == 0
    k = monev(akar, "--periode", "2026-TW1", "--tanggal", "2026-04-10")
    assert k.returncode == 0 and "PERINGATAN" in k.stdout and "belum diisi Tim" in k.stdout
    d = docx.Document(str(akar / "2026/03/monev/2026-04-10 Laporan Monev Triwulan I Tahun 2026.docx"))
    kotak = [t for t in d.tables if t.rows[0].cells[0].paragraphs[0].text == "PERHATIAN"]
    assert kotak and "belum diisi oleh Tim" in kotak[0].rows[0].cells[0].text
    assert "IV.2.3" in k.stdout and "di luar tahun rencana 2026" in k.stdout  # listed as a data problem
    assert "453" not in teks(d)


def test_data_realisasi_salah_dilaporkan_per_sel(terisi, garis):
    akar, isian, staf = terisi
    jalur = akar / "realisasi" / "realisasi-2026.xlsx"
    wb = openpyxl.load_workbook(jalur)
    ws = wb["Realisasi"]
    r = baris_per_kunci(ws)
    kol = kolom(ws)
    selesai = [g for g in garis if isian.get((g["id"], g["bulan"]), {}).get("Status") == "selesai"
               and g["bulan"].startswith("2026")]
    a, b, c = ((x["id"], x["bulan"]) for x in selesai[:3])
    ws.cell(r[a], kol["Status"]).value = "sudah"  # unknown word: counted "belum"
    ws.cell(r[b], kol["Tanggal Selesai"]).value = "31/02/2026"  # not a date: done, lateness unknown
    ws.cell(r[c], kol["Tanggal Selesai"]).value = "awal Maret"  # words
    ws["G1"] = "Status Pelaksanaan"  # renamed header, still in place
    wb.save(jalur)
    pesan = [
        'realisasi-2026.xlsx!Realisasi!G1: kolom "Status" tidak ditemukan; kolom G (berjudul "Status Pelaksanaan", '
        'di posisi aslinya) dipakai sebagai "Status"',
        f'realisasi-2026.xlsx!Realisasi!G{r[a]}: status "sudah" tidak dikenal (belum/proses/selesai)',
        f'realisasi-2026.xlsx!Realisasi!H{r[b]}: tanggal selesai "31/02/2026" tidak bisa dibaca; ketik sebagai tanggal '
        'dd-mm-yyyy (mis. 12-03-2026)',
        f'realisasi-2026.xlsx!Realisasi!H{r[c]}: tanggal selesai "awal Maret" tidak bisa dibaca; ketik sebagai tanggal '
        'dd-mm-yyyy (mis. 12-03-2026)',
    ]
    k = monev(akar, "--periode", "2026-TW1", "--tanggal", "2026-04-10")
    assert k.returncode == 1, k.stdout + k.stderr
    for m in pesan:
        assert f"  - {m}" in k.stdout
    d = docx.Document(str(akar / "2026/03/monev/2026-04-10 Laporan Monev Triwulan I Tahun 2026.docx"))
    # "sudah" is not done; b and c are "selesai" with no readable date: done, not late.
    baris = tabel(d, "Capaian")
    tanpa = {**isian, a: {"Status": "sudah"}}
    h = harapan(garis, {k_: v for k_, v in tanpa.items() if k_ not in (b, c)}, bukti_arsip(akar, staf), "2026-TW1",
                dt.date(2026, 3, 31))
    for x in (b, c):
        area = x[0].split(".")[0]
        h["area"][area]["selesai"] += 1
        if x[1] in bulan_periode("2026-TW1"):
            due = next(g["jatuh_tempo"] for g in garis if (g["id"], g["bulan"]) == x)
            h["area"][area]["terlambat"] -= due < dt.date(2026, 3, 31)
    for no, (kode, v) in enumerate(h["area"].items(), 1):
        assert baris[no][2:5] == [str(v["target"]), str(v["selesai"]), str(v["terlambat"])], (kode, baris[no])
    lampiran = teks(d).split("CATATAN PEMERIKSAAN DATA")[1]
    assert [p for p in lampiran.splitlines() if re.match(r"^\d+\.\t", p)] == \
        [f"{i}.\t{m}" for i, m in enumerate(pesan, 1)]


def test_laporan_disunting_tidak_ditimpa(terisi, garis):
    from zi.monev import buat_laporan

    akar, isian, _ = terisi
    sepi = next((g["id"], g["bulan"]) for g in garis if (g["id"], g["bulan"]) not in isian)  # nothing typed yet
    hari = dt.date(2026, 4, 10)
    h1 = buat_laporan(akar, "2026-TW1", hari_ini=hari)
    assert h1.status == "baru" and h1.jalur.name.startswith(f"{hari_kerja_terakhir(dt.date(2026, 3, 31))}")
    jalur = akar / h1.jalur
    isi_realisasi(akar / "realisasi" / "realisasi-2026.xlsx", {sepi: {"Status": "proses"}})
    lama = jalur.read_bytes()
    h2 = buat_laporan(akar, "2026-TW1", hari_ini=hari)
    assert h2.status == "diperbarui" and h2.jalur == h1.jalur and jalur.read_bytes() != lama
    assert [p.read_bytes() for p in (akar / "2026/03/_riwayat").glob("*.docx")] == [lama]
    d = docx.Document(str(jalur))
    d.add_paragraph("Kendala sudah diuraikan oleh Tim.")
    d.save(str(jalur))
    disunting = jalur.read_bytes()
    isi_realisasi(akar / "realisasi" / "realisasi-2026.xlsx", {sepi: {"Status": "belum"}})
    h3 = buat_laporan(akar, "2026-TW1", hari_ini=hari)
    assert h3.status == "konflik" and jalur.read_bytes() == disunting
    assert (akar / h3.jalur).name.endswith("(draf baru).docx")
    k = jalankan_zi("arsip", "--json", "--keluaran", str(akar))
    assert any(x["jenis"] == "laporan_monev_periode" and x["path"] == h1.jalur.as_posix() for x in json.loads(k.stdout))


@pytest.mark.skipif(shutil.which("soffice") is None or shutil.which("pdftotext") is None,
                    reason="LibreOffice/poppler tidak terpasang (.ci/run memasangnya)")
def test_laporan_terbaca_libreoffice(terisi, tmp_path):
    from zi.monev import buat_laporan
    from zi.pdf import ke_pdf

    akar, _, _ = terisi
    h = buat_laporan(akar, "2026-TW1", hari_ini=dt.date(2026, 4, 10))
    pdf = ke_pdf([akar / h.jalur], tmp_path)[0]
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert re.search(r"Page size:\s+595(\.\d+)? x 841", info)  # A4
    isi = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "LAPORAN MONITORING DAN EVALUASI" in isi and "Gambar 1." in isi and "Penutup" in isi
    assert "Area Pengungkit" in isi


@pytest.mark.usefixtures("prefect_harness")
def test_flow_triwulan_membuat_laporan_periode(tmp_path):
    from flows.monev import monev_triwulan

    akar = tmp_path / "arsip"
    hasil = monev_triwulan(periode="2026-TW1", keluaran=str(akar))
    lap = hasil["laporan_periode"]
    akhir = hari_kerja_terakhir(dt.date(2026, 3, 31))
    assert lap["status"] == "baru" and lap["jalur"] in hasil["berkas"]
    assert (akar / lap["jalur"]).is_file() and (akar / "realisasi" / "realisasi-2026.xlsx").is_file()
    # Made (today) after the quarter: dated at its last working day, like `zi monev`.
    if dt.date.today() > dt.date(2026, 3, 31):
        assert lap["jalur"] == f"2026/03/monev/{akhir.isoformat()} Laporan Monev Triwulan I Tahun 2026.docx"


# --------------------------------------------------------------------------- the per-row laporan monev

PEGAWAI = yaml.safe_load((DATA / "pegawai.yaml").read_text(encoding="utf-8"))["pegawai"]
KOMPONEN_BK = "Penanganan Benturan Kepentingan"


def jadwal_rencana(rencana: Path) -> list[dict]:
    """Every occurrence of a plan (its `zi jadwal --json`), by due date then id."""
    h = jalankan_zi("jadwal", "--json", "--rencana", str(rencana))
    assert h.returncode == 0, h.stderr
    hasil = [{"id": b["id"], "area": b["area"], "komponen": b["komponen"], "bulan": k["bulan"],
              "jatuh_tempo": dt.date.fromisoformat(k["tenggat"]), "jenis": k["jenis"]}
             for b in json.loads(h.stdout) for k in b["kejadian"]]
    return sorted(hasil, key=lambda x: (x["jatuh_tempo"], x["id"]))


def registri_baris(akar: Path) -> list[dict]:
    with sqlite3.connect(akar / ".zi" / "arsip.sqlite") as db:
        return [{"path": p, "jenis": j, "baris": json.loads(b or "[]"), "bulan": m, "tanggal": dt.date.fromisoformat(t)}
                for p, j, b, m, t in db.execute("SELECT path, jenis, baris, bulan, tanggal FROM naskah")]


@pytest.fixture(scope="module")
def arsip_baris(tmp_path_factory) -> tuple[Path, Path, dict]:
    """A plan copy whose statements (V.5.3) fall in February, its SK, meetings and
    statements archived, a tracker typed for the conflict-of-interest component, and then
    the per-row monev reports made."""
    kerja = tmp_path_factory.mktemp("baris")
    rencana = kerja / "rencana_aksi_2026.yaml"
    teks_rencana = RENCANA.read_text(encoding="utf-8")
    lama = '    bukti_fisik: "Surat Pernyataan Bebas Benturan Kepentingan, dan Surat Pernyataan Potensi Benturan ' \
           'Kepentingan (jika terdapat potensi"\n    target_waktu: "Juli 2026"'
    assert lama in teks_rencana
    rencana.write_text(teks_rencana.replace(lama, lama.replace("Juli 2026", "Februari 2026")), encoding="utf-8")
    akar = kerja / "arsip"
    for jenis in ("sk_tim,undangan_rapat,surat_pernyataan_bk",):
        h = jalankan_zi("buat", "--tahun", "2026", "--jenis", jenis, "--rencana", str(rencana), "--keluaran", str(akar))
        assert h.returncode == 0, h.stdout + h.stderr
    assert jalankan_zi("realisasi", "--rencana", str(rencana), "--keluaran", str(akar)).returncode == 0
    isian = {("V.5.3", "2026-02"): {"Status": "selesai", "Tanggal Selesai": dt.datetime(2026, 3, 4)},
             ("V.5.5", "2026-03"): {"Status": "proses", "Catatan": "menunggu rapat"}}
    isi_realisasi(akar / "realisasi" / "realisasi-2026.xlsx", isian)
    # Reports never cite each other, so the second run of the same inputs changes nothing.
    for kali in range(2):
        h = jalankan_zi("buat", "--tahun", "2026", "--jenis", "laporan_monev", "--rencana", str(rencana),
                        "--keluaran", str(akar))
        assert h.returncode == 0, h.stdout + h.stderr
    assert re.search(r": (\d+) tidak berubah", h.stdout) and "diperbarui" not in h.stdout and " baru" not in h.stdout, \
        h.stdout
    return akar, rencana, isian


def baris_harapan(jadwal: list[dict], isian: dict, row: str, bulan: str) -> tuple[dt.date, dt.date, list[dict]]:
    """The span a row's report looks back on and its items, from the schedule and the cells."""
    sendiri = [g for g in jadwal if g["id"] == row]
    ini = next(g for g in sendiri if g["bulan"] == bulan)
    sebelum = [g["jatuh_tempo"] for g in sendiri if g["jatuh_tempo"] < ini["jatuh_tempo"]]
    mulai = max(sebelum) + dt.timedelta(days=1) if sebelum else dt.date(TAHUN, 1, 1)
    akhir = ini["jatuh_tempo"]
    hasil = []
    for g in jadwal:
        if g["komponen"] != ini["komponen"] or g["area"] != ini["area"] or g["jatuh_tempo"] > akhir or g is ini:
            continue
        sel = isian.get((g["id"], g["bulan"]), {})
        selesai = sel.get("Status") == "selesai" and sel["Tanggal Selesai"].date() <= akhir
        if g["jatuh_tempo"] >= mulai or not selesai:
            if selesai:
                hari = max((sel["Tanggal Selesai"].date() - g["jatuh_tempo"]).days, 0) or None
            else:
                hari = (akhir - g["jatuh_tempo"]).days if g["jatuh_tempo"] < akhir else None
            hasil.append({**g, "status": sel.get("Status", "belum dilaporkan"), "selesai": selesai, "hari": hari,
                          "tanggal_selesai": sel["Tanggal Selesai"].strftime("%d-%m-%Y") if selesai else "-"})
    return mulai, akhir, hasil


@pytest.mark.parametrize("bulan", ["2026-03", "2026-06"])
def test_laporan_baris_benturan_kepentingan(arsip_baris, bulan):
    akar, rencana, isian = arsip_baris
    jadwal = jadwal_rencana(rencana)
    mulai, akhir, butir = baris_harapan(jadwal, isian, "V.5.4", bulan)
    assert butir and (bulan == "2026-03" or any(b["hari"] for b in butir))  # June: items left open since March
    jalur = akar / bulan[:4] / bulan[5:] / "V.5.4" / f"{akhir.isoformat()} Laporan Monev.docx"
    d = docx.Document(str(jalur))
    isi = teks(d)
    assert f"{INSTANSI['kota']}, {tanggal_id(akhir)}" in isi  # dated at its due date
    assert f"PERIODE {format_date(akhir, 'MMMM y', locale='id').upper()}" in isi
    assert f"dalam kurun {tanggal_id(mulai)} sampai dengan {tanggal_id(akhir)}" in isi
    assert f"terhadap {len(butir)} kegiatan komponen {KOMPONEN_BK}" in isi
    # The table: the component's items only, with status, date and the archive's evidence.
    baris = tabel(d, "Tanggal Selesai")
    assert [(r[1].split()[0], r[2], r[3], r[4]) for r in baris[1:]] == \
        [(b["id"], tanggal_id(b["jatuh_tempo"]), b["status"], b["tanggal_selesai"]) for b in butir]
    berkas = registri_baris(akar)
    for r, b in zip(baris[1:], butir):  # evidence: the item's drafts in the registry, never another monev report
        nama = [Path(x["path"]).name for x in berkas if b["id"] in x["baris"] and x["bulan"] == b["bulan"]
                and x["jenis"] != "laporan_monev"]
        assert all(n in r[5] for n in nama) and (r[5] == "-") == (not nama), (r, nama)
    assert (f"Dari {len(butir)} kegiatan tersebut, {sum(b['selesai'] for b in butir)} selesai, "
            f"{sum(b['status'] == 'proses' for b in butir)} dalam proses, "
            f"{sum(b['status'] == 'belum dilaporkan' for b in butir)} belum dilaporkan, dan "
            f"{sum(b['hari'] is not None for b in butir)} terlambat.") in isi
    # Statements in the archive by the report's date, and the declared conflicts with their handling.
    pernyataan = [x for x in berkas if x["jenis"] == "surat_pernyataan_bk" and x["tanggal"] <= akhir]
    potensi = [p for p in PEGAWAI if p.get("benturan_kepentingan")]
    jumlah = len(pernyataan)
    assert jumlah == len(PEGAWAI)  # one statement per employee, in February (V.5.3 moved there)
    assert (f"Surat pernyataan benturan kepentingan yang tersimpan di arsip sampai dengan {tanggal_id(akhir)}: "
            f"{jumlah} dari {len(PEGAWAI)} pegawai ({jumlah - len(potensi)} pernyataan bebas, {len(potensi)} "
            "pernyataan potensi benturan kepentingan).") in isi
    konflik = tabel(d, "Benturan Kepentingan")
    assert [r[1:] for r in konflik[1:]] == [[f"{p['nama']}, {p['jabatan']}", p["benturan_kepentingan"],
                                             p.get("penanganan_benturan") or "[uraikan penanganannya]"]
                                            for p in potensi]
    # Kendala: each late item, since when; tindak lanjut per open item; both left for the team.
    kendala = bagian(isi, "Kendala", "Tindak Lanjut dan Rekomendasi")
    for b in butir:
        kalimat = f"({b['id']}) belum selesai sejak jatuh temponya {tanggal_id(b['jatuh_tempo'])} ({b['hari']} hari)."
        assert (kalimat in kendala) == (b["hari"] is not None and not b["selesai"]), kalimat
        kalimat = f"({b['id']}) selesai {b['hari']} hari sesudah jatuh temponya {tanggal_id(b['jatuh_tempo'])}."
        assert (kalimat in kendala) == (b["hari"] is not None and b["selesai"]), kalimat
    assert "[uraikan penyebabnya]" in kendala and "[dilengkapi oleh Tim Pembangunan Zona Integritas]" in kendala
    for judul in ("Pendahuluan", "Pelaksanaan", "Hasil Pemantauan", "Kendala", "Tindak Lanjut dan Rekomendasi",
                  "Penutup"):
        assert re.search(rf"^[A-F]\.\t{judul}$", isi, re.M), judul
    assert "Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 90 Tahun 2021" in isi
    assert "[diisi" not in isi
    tanpa_kata_ganda(isi)


def test_laporan_baris_tim_memuat_sk_dan_rapat(arsip_baris):
    """I.3.1 (the ZI team's own monitoring): its SK and the meetings held in the span."""
    akar, rencana, isian = arsip_baris
    jadwal = jadwal_rencana(rencana)
    mulai, akhir, _ = baris_harapan(jadwal, isian, "I.3.1", "2026-09")
    d = docx.Document(str(akar / "2026/09/I.3.1" / f"{akhir.isoformat()} Laporan Monev.docx"))
    isi = teks(d)
    tim = yaml.safe_load((DATA / "tim.yaml").read_text(encoding="utf-8"))["tim"][0]
    berkas = registri_baris(akar)
    sk = [x for x in berkas if x["jenis"] == "sk_tim" and tim["nama"] in x["path"]]
    assert sk and all(f"{Path(x['path']).name} ({tanggal_id(x['tanggal'])})" in isi for x in sk)
    kalimat = re.search(r"rapat dalam kurun ini: (\d+)\.", isi)
    assert kalimat, isi
    butir = [p for p in bagian(isi, "Hasil Pemantauan", "Kendala").splitlines() if p.startswith("•")]
    assert len(butir) == int(kalimat.group(1))
    undangan = {Path(x["path"]).name: x for x in berkas if x["jenis"] == "undangan_rapat"}
    for b in butir:
        nama = b.split(": ", 1)[1].split(" (baris ")[0]
        assert nama in undangan and mulai <= undangan[nama]["tanggal"] <= akhir, b


def test_kolom_status_hilang_ditolak_tanpa_menulis(terisi):
    """A Status header moved and renamed cannot be matched: `zi monev` (which refreshes the
    tracker first) refuses rather than guess whose cells are whose; nothing is written."""
    akar, _, _ = terisi
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
    sebelum = {p: p.read_bytes() for p in akar.rglob("*") if p.is_file()}
    k = monev(akar, "--periode", "2026-TW1", "--tanggal", "2026-04-10")
    assert k.returncode == 2, k.stdout + k.stderr
    assert "realisasi-2026.xlsx" in k.stderr and 'kolom "Status" tidak ditemukan' in k.stderr
    assert "kembalikan judulnya" in k.stderr and "Traceback" not in k.stderr
    assert {p: p.read_bytes() for p in akar.rglob("*") if p.is_file()} == sebelum
