"""The realisasi tracker: one line per occurrence, evidence found in the archive, and a
refresh that never loses what staff typed (edited here with openpyxl, as a person would)."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path
from urllib.parse import unquote

import openpyxl
import pytest
import yaml

from zi.realisasi import perbarui

from tests.bantu import baris_per_kunci, isi_realisasi, kejadian_jadwal, kolom, registri
from tests.bantu import RENCANA, jalankan_zi

JUDUL = ["ID Baris", "Area", "Langkah Aksi", "Bukti Fisik", "Bulan Jatuh Tempo", "Tanggal Jatuh Tempo", "Status",
         "Tanggal Selesai", "Bukti di Arsip", "Bukti Lain", "Catatan"]


@pytest.fixture
def arsip(arsip_dasar, tmp_path) -> Path:
    akar = tmp_path / "arsip"
    shutil.copytree(arsip_dasar, akar)
    return akar


def _lembar(akar: Path):
    wb = openpyxl.load_workbook(akar / "realisasi" / "realisasi-2026.xlsx")
    return wb, wb["Realisasi"]


def test_satu_baris_per_kejadian_dengan_bukti(arsip):
    # Staff drop evidence into two rows' folders; zi's own leftovers and old versions are not evidence.
    (arsip / "2026/02/V.2.2").mkdir(parents=True)
    (arsip / "2026/02/V.2.2/Foto sosialisasi.jpg").write_bytes(b"\xff\xd8foto")
    (arsip / "2026/02/V.2.2/scan/notulen bertanda tangan.pdf").parent.mkdir()
    (arsip / "2026/02/V.2.2/scan/notulen bertanda tangan.pdf").write_bytes(b"%PDF-1.4")
    (arsip / "2026/02/V.2.2/.zi-abc.tmp").write_bytes(b"sementara")
    (arsip / "2026/02/V.2.2/~$Foto.docx").write_bytes(b"kunci Word")
    (arsip / "2026/01/I.1.1/_riwayat").mkdir()
    (arsip / "2026/01/I.1.1/_riwayat/versi lama.docx").write_bytes(b"lama")

    hasil = perbarui(arsip, "2026-TW1")
    wb, ws = _lembar(arsip)
    harapan = kejadian_jadwal("2026-03")
    assert wb.sheetnames == ["Realisasi", "Bukti", "Petunjuk"]
    assert [c.value for c in ws[1]] == JUDUL
    assert ws.freeze_panes == "A2"
    assert ws.auto_filter.ref == f"A1:K{len(harapan) + 1}"
    assert ws.column_dimensions["C"].width >= 40
    assert hasil.baru == len(harapan) and hasil.tetap == 0

    # One line per occurrence up to March, in due-date order, with the contract's due date.
    k = kolom(ws)
    baris = [[ws.cell(r, k[j]).value for j in ("ID Baris", "Bulan Jatuh Tempo", "Tanggal Jatuh Tempo", "Status")]
             for r in range(2, ws.max_row + 1)]
    assert [(b[0], b[1], b[2].date()) for b in baris] == [(x["id"], x["bulan"], x["jatuh_tempo"]) for x in harapan]
    assert ("IV.2.3", "2025-01") in {(b[0], b[1]) for b in baris}  # the plan's "Januari 2025" is kept
    assert {b[3] for b in baris} == {"belum"}
    for r in range(2, ws.max_row + 1):
        assert ws.cell(r, k["Tanggal Jatuh Tempo"]).number_format == "dd-mm-yyyy"
        assert ws.cell(r, k["Tanggal Selesai"]).number_format == "dd-mm-yyyy"
        assert ws.cell(r, k["Area"]).value.startswith(ws.cell(r, k["ID Baris"]).value.split(".")[0] + ". ")

    # Status is a dropdown; Tanggal Selesai only takes dates.
    dv = {d.type: d for d in ws.data_validations.dataValidation}
    assert dv["list"].formula1 == '"belum,proses,selesai"' and "G2:G2000" in str(dv["list"].sqref)
    assert "H2:H2000" in str(dv["date"].sqref)

    # Evidence: every registered draft of a line, with a working relative link, and staff files.
    per_kunci = baris_per_kunci(ws)
    folder_buku = arsip / "realisasi"
    draf: dict[tuple[str, str], list[str]] = {}
    for path, id_, bulan in registri(arsip):
        draf.setdefault((id_, bulan), []).append(path)
    assert draf
    for kunci, daftar in draf.items():
        sel = ws.cell(per_kunci[kunci], k["Bukti di Arsip"])
        for path in daftar:
            assert f"draf zi: {Path(path).name}" in sel.value
        tujuan = (folder_buku / unquote(sel.hyperlink.target)).resolve()
        if len(daftar) == 1:
            assert tujuan == (arsip / daftar[0]).resolve() and tujuan.is_file()
        else:
            assert tujuan.is_dir() and all((arsip / p).resolve().parent == tujuan for p in daftar)
    sel = ws.cell(per_kunci[("V.2.2", "2026-02")], k["Bukti di Arsip"]).value
    assert sel.splitlines() == ["berkas staf: Foto sosialisasi.jpg", "berkas staf: scan/notulen bertanda tangan.pdf"]
    assert "versi lama" not in ws.cell(per_kunci[("I.1.1", "2026-01")], k["Bukti di Arsip"]).value
    assert hasil.bukti_staf == 2 and hasil.bukti_zi == sum(len(v) for v in draf.values())

    # The Bukti sheet links each file.
    wsb = wb["Bukti"]
    tautan = {(wsb.cell(r, 1).value, wsb.cell(r, 4).value): wsb.cell(r, 4).hyperlink.target
              for r in range(2, wsb.max_row + 1) if wsb.cell(r, 4).hyperlink}
    assert len(tautan) == hasil.bukti_zi + hasil.bukti_staf
    for (_, path), target in tautan.items():
        assert (folder_buku / unquote(target)).resolve() == (arsip / path).resolve()
        assert (arsip / path).is_file()


def test_perbarui_mempertahankan_isian_staf(arsip, tmp_path):
    perbarui(arsip, "2026-TW1")
    jalur = arsip / "realisasi" / "realisasi-2026.xlsx"
    isian = {
        ("I.2.1", "2026-01"): {"Status": "selesai", "Tanggal Selesai": dt.datetime(2026, 1, 5), "Catatan": "rapat ok",
                               "Bukti Lain": "https://drive.example/rapat-januari"},
        ("I.2.1", "2026-02"): {"Status": "proses", "Catatan": "menunggu notulen"},
        ("IV.2.3", "2025-01"): {"Status": "sudah", "Tanggal Selesai": "kemarin"},  # wrong, but theirs
    }
    isi_realisasi(jalur, isian)
    # A person adds their own column and colours a cell.
    wb, ws = _lembar(arsip)
    ws.cell(1, 12).value = "PIC"
    per_kunci = baris_per_kunci(ws)
    ws.cell(per_kunci[("I.2.1", "2026-01")], 12).value = "Budi"
    from openpyxl.styles import PatternFill
    ws.cell(per_kunci[("I.2.1", "2026-02")], 7).fill = PatternFill("solid", fgColor="FF0000")
    wb.save(jalur)

    def cek(ws) -> None:
        k, r = kolom(ws), baris_per_kunci(ws)
        for kunci, sel in isian.items():
            for judul, nilai in sel.items():
                if judul != "Catatan" or kunci != ("I.2.1", "2026-02") or not ada_tanda:
                    assert ws.cell(r[kunci], k[judul]).value == nilai, (kunci, judul)
        assert ws.cell(r[("I.2.1", "2026-01")], k["PIC"]).value == "Budi"
        assert ws.cell(r[("I.2.1", "2026-02")], k["Status"]).fill.fgColor.rgb.endswith("FF0000")

    # Refresh to the semester: new lines for April-June, old lines untouched.
    ada_tanda = False
    hasil = perbarui(arsip, "2026-S1")
    wb, ws = _lembar(arsip)
    cek(ws)
    assert set(baris_per_kunci(ws)) == {(x["id"], x["bulan"]) for x in kejadian_jadwal("2026-06")}
    assert hasil.baru == len(kejadian_jadwal("2026-06")) - len(kejadian_jadwal("2026-03"))
    assert ws.auto_filter.ref == f"A1:L{ws.max_row}"

    # Evidence dropped later shows up on the next refresh, staff cells still intact.
    (arsip / "2026/04").mkdir(exist_ok=True)
    bulan_april = next(x for x in kejadian_jadwal("2026-06") if x["bulan"] == "2026-04")
    folder = arsip / "2026/04" / bulan_april["id"]
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "laporan.pdf").write_bytes(b"%PDF")
    perbarui(arsip, "2026-S1")
    wb, ws = _lembar(arsip)
    cek(ws)
    r = baris_per_kunci(ws)[(bulan_april["id"], "2026-04")]
    assert "berkas staf: laporan.pdf" in ws.cell(r, kolom(ws)["Bukti di Arsip"]).value

    # The plan drops February from I.2.1: the line stays, marked, with everything typed.
    data = yaml.safe_load(RENCANA.read_text(encoding="utf-8"))
    baris = next(b for b in data["baris"] if b["id"] == "I.2.1")
    assert baris["target_waktu"] == "Januari dan Februari minggu ke-1 tahun 2026"
    baris["target_waktu"] = "Januari minggu ke-1 tahun 2026"
    rencana_baru = tmp_path / "rencana.yaml"
    rencana_baru.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    ada_tanda = True
    for _ in range(2):  # twice: the mark is not repeated
        hasil = perbarui(arsip, "2026-S1", rencana=rencana_baru)
        wb, ws = _lembar(arsip)
        cek(ws)
        r = baris_per_kunci(ws)[("I.2.1", "2026-02")]
        assert ws.cell(r, kolom(ws)["Catatan"]).value == "[tidak ada lagi di rencana] menunggu notulen"
        assert hasil.ditandai == 1 and hasil.baru == 0
    # Back in the plan: the mark goes, the note stays.
    perbarui(arsip, "2026-S1")
    wb, ws = _lembar(arsip)
    r = baris_per_kunci(ws)[("I.2.1", "2026-02")]
    assert ws.cell(r, kolom(ws)["Catatan"]).value == "menunggu notulen"


def test_cli_realisasi(arsip):
    h = jalankan_zi("realisasi", "--periode", "2026-TW1", "--keluaran", str(arsip))
    assert h.returncode == 0, h.stderr
    jalur = arsip / "realisasi" / "realisasi-2026.xlsx"
    assert str(jalur) in h.stdout and f"{len(kejadian_jadwal('2026-03'))} baris baru" in h.stdout

    # Wrong cells typed by staff are listed with their address: exit status 1, file refreshed.
    isi_realisasi(jalur, {("I.2.1", "2026-01"): {"Status": "sudah"}})
    wb, ws = _lembar(arsip)
    r = baris_per_kunci(ws)[("I.2.1", "2026-01")]
    h = jalankan_zi("realisasi", "--periode", "2026-TW1", "--keluaran", str(arsip))
    assert h.returncode == 1, h.stderr
    assert f"realisasi-2026.xlsx!Realisasi!G{r}: status \"sudah\" tidak dikenal (belum/proses/selesai)" in h.stdout

    # A renamed staff header is matched by position (and said so); values are kept.
    wb, ws = _lembar(arsip)
    ws["G1"] = "Status Pelaksanaan"
    wb.save(jalur)
    h = jalankan_zi("realisasi", "--periode", "2026-TW1", "--keluaran", str(arsip))
    assert h.returncode == 1 and "realisasi-2026.xlsx!Realisasi!G1: kolom \"Status\" tidak ditemukan" in h.stdout
    wb, ws = _lembar(arsip)
    assert ws.cell(r, 7).value == "sudah" and ws["G1"].value == "Status Pelaksanaan"

    # A lost identity column or a broken file: refused (exit 2), nothing changed.
    wb, ws = _lembar(arsip)
    ws.delete_cols(1)
    wb.save(jalur)
    sebelum = jalur.read_bytes()
    h = jalankan_zi("realisasi", "--periode", "2026-TW1", "--keluaran", str(arsip))
    assert h.returncode == 2 and "\"ID Baris\"" in h.stderr and "Traceback" not in h.stderr
    assert jalur.read_bytes() == sebelum
    jalur.write_bytes(b"bukan excel")
    h = jalankan_zi("realisasi", "--keluaran", str(arsip))
    assert h.returncode == 2 and "bukan berkas Excel" in h.stderr
    assert jalur.read_bytes() == b"bukan excel"

    for periode, kata in (("2027", "di luar rencana tahun 2026"), ("2026-Q1", "harus berbentuk")):
        h = jalankan_zi("realisasi", "--periode", periode, "--keluaran", str(arsip))
        assert h.returncode == 2 and kata in h.stderr
