"""`zi buat --pdf` and `zi arsip --bundel` in bulk (issue 16): every draft of a month gets
its own PDF, equal file names in different row folders do not collide, a converter killed
mid-run is restarted, an edited draft's PDF follows the edit and nothing else is touched.

Page counts and texts are checked against LibreOffice's own plain conversion of each file
(`tests.bantu.pdf_rujukan`), read with pdfinfo/pdftotext: never against zi."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import zipfile
from collections import defaultdict
from pathlib import Path

import docx
import pytest

from tests.bantu import AKAR, info_pdf, jalankan_zi, pdf_rujukan, teks_pdf

pytestmark = pytest.mark.skipif(subprocess.run(["which", "soffice", "pdfinfo"], capture_output=True).returncode != 0,
                                reason="LibreOffice/poppler tidak terpasang (.ci/run memasangnya)")

BULAN = "2026-03"  # has three "2026-03-31 Laporan Monev.docx", one per row folder


def _dokumen(akar: Path) -> list[Path]:
    h = jalankan_zi("arsip", "--json", "--keluaran", str(akar))
    assert h.returncode == 0, h.stderr
    return [akar / d["path"] for d in json.loads(h.stdout)]


@pytest.fixture(scope="module")
def arsip_pdf(tmp_path_factory):
    """A month made with `zi buat --pdf`, and LibreOffice's own PDF of each of its drafts."""
    akar = tmp_path_factory.mktemp("arsip")
    h = jalankan_zi("buat", "--bulan", BULAN, "--keluaran", str(akar), "--pdf")
    assert h.returncode == 0, h.stdout + h.stderr
    dokumen = _dokumen(akar)
    return akar, dokumen, pdf_rujukan(dokumen, tmp_path_factory.mktemp("rujukan")), h.stdout


def test_setiap_draf_sebulan_dapat_pdf(arsip_pdf):
    akar, dokumen, rujukan, keluaran = arsip_pdf
    assert len(dokumen) >= 5
    assert f"PDF: {len(dokumen)} dibuat" in keluaran
    for d in dokumen:
        pdf = d.with_suffix(".pdf")
        info, info_rujukan = info_pdf(pdf), info_pdf(rujukan[d])
        assert int(info["Pages"]) == int(info_rujukan["Pages"]) >= 1, d.name
        assert info["Page size"] == info_rujukan["Page size"]
        assert teks_pdf(pdf) == teks_pdf(rujukan[d]), d.name  # this document's PDF, not another's


def test_nama_sama_beda_folder_masing_masing_pdf(arsip_pdf):
    akar, dokumen, rujukan, _ = arsip_pdf
    per_nama = defaultdict(list)
    for d in dokumen:
        per_nama[d.name].append(d)
    kembar = [ds for ds in per_nama.values() if len({d.parent for d in ds}) > 1]
    assert kembar, f"{BULAN} no longer has equal file names in different row folders: pick another month"
    for ds in kembar:
        teks_masing = [teks_pdf(d.with_suffix(".pdf")) for d in ds]
        assert len(set(teks_masing)) == len(ds)  # different documents, different PDFs
        for d, t in zip(ds, teks_masing):
            assert t == teks_pdf(rujukan[d]), d


def test_draf_disunting_pdf_diperbarui_sisanya_utuh(arsip_pdf, tmp_path):
    akar, dokumen, _, _ = arsip_pdf
    disunting = dokumen[0]
    kalimat = "Catatan staf: rapat dipindahkan ke aula lantai dua atas arahan Sekretaris."
    d = docx.Document(str(disunting))
    d.add_paragraph(kalimat)
    d.save(str(disunting))
    suntingan = disunting.read_bytes()
    sebelum = {p: (p.read_bytes(), p.with_suffix(".pdf").read_bytes(), p.with_suffix(".pdf").stat().st_mtime_ns)
               for p in dokumen[1:]}
    h = jalankan_zi("buat", "--bulan", BULAN, "--keluaran", str(akar), "--pdf")
    assert h.returncode == 0, h.stdout + h.stderr
    assert kalimat in teks_pdf(disunting.with_suffix(".pdf"))
    assert disunting.read_bytes() == suntingan  # the person's edit itself stays
    tetap = [p for p, (isi, _, _) in sebelum.items() if p.read_bytes() == isi]
    assert tetap, "no draft stayed unchanged"
    for p in tetap:  # an unchanged draft keeps its PDF untouched
        _, pdf, mtime = sebelum[p]
        assert p.with_suffix(".pdf").read_bytes() == pdf and p.with_suffix(".pdf").stat().st_mtime_ns == mtime, p
    assert f"PDF: {1 + len(sebelum) - len(tetap)} dibuat" in h.stdout, h.stdout


def test_pdf_diganti_orang_tidak_ditimpa(arsip_pdf):
    """A PDF a person put in place of zi's (a signed scan, say) is never overwritten."""
    akar, dokumen, _, _ = arsip_pdf
    pdf = dokumen[-1].with_suffix(".pdf")
    pindaian = b"%PDF-1.4 pindaian bertanda tangan\n%%EOF\n"
    pdf.write_bytes(pindaian)
    h = jalankan_zi("buat", "--bulan", BULAN, "--keluaran", str(akar), "--pdf")
    assert h.returncode == 0, h.stdout + h.stderr
    assert "PDF diganti orang (dibiarkan): " + pdf.relative_to(akar).as_posix() in h.stdout
    assert pdf.read_bytes() == pindaian


def test_bundel_membawa_pdf(tmp_path):
    """The month bundle converts what is missing and carries each document's PDF."""
    akar = tmp_path / "arsip"
    assert jalankan_zi("buat", "--bulan", BULAN, "--keluaran", str(akar)).returncode == 0
    dokumen = _dokumen(akar)
    assert not list(akar.rglob("*.pdf"))
    h = jalankan_zi("arsip", "--bundel", BULAN, "--keluaran", str(akar))
    assert h.returncode == 0, h.stdout + h.stderr
    with zipfile.ZipFile(akar / "bundel" / f"arsip-{BULAN}.zip") as z:
        nama = set(z.namelist())
        indeks = z.read("indeks.html").decode("utf-8")
        for d in dokumen:
            rel = d.with_suffix(".pdf").relative_to(akar).as_posix()
            assert rel in nama
            assert z.read(rel) == d.with_suffix(".pdf").read_bytes()
            assert int(info_pdf(d.with_suffix(".pdf"))["Pages"]) >= 1
    assert indeks.count("PDF naskah") == len(dokumen)


def _soffice_milik(penanda: str) -> list[int]:
    """soffice.bin processes whose command line holds `penanda` (this test's temp folder)."""
    pid = []
    for p in Path("/proc").iterdir():
        if p.name.isdigit():
            try:
                cmd = (p / "cmdline").read_bytes().split(b"\0")
            except OSError:
                continue
            if cmd and cmd[0].endswith(b"soffice.bin") and any(penanda.encode() in c for c in cmd):
                pid.append(int(p.name))
    return pid


def _tunggu(syarat, batas: float = 120):
    """Wait for an event (polled), failing after `batas` seconds."""
    akhir = time.monotonic() + batas
    while time.monotonic() < akhir:
        hasil = syarat()
        if hasil:
            return hasil
        time.sleep(0.02)
    raise AssertionError("event did not happen")


def test_pengonversi_dibunuh_dimulai_ulang(tmp_path):
    akar, sementara = tmp_path / "arsip", tmp_path / "tmp"
    sementara.mkdir()
    assert jalankan_zi("buat", "--tahun", "2026", "--keluaran", str(akar)).returncode == 0
    p = subprocess.Popen([sys.executable, "-m", "zi.cli", "buat", "--tahun", "2026", "--keluaran", str(akar), "--pdf"],
                         cwd=AKAR, env={**os.environ, "TMPDIR": str(sementara)}, stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, text=True)
    try:
        # Once a converter has delivered its first PDF, kill it as a crash would.
        korban = _tunggu(lambda: [pid for pid in _soffice_milik(str(sementara))
                                  if list(sementara.glob("zi-pdf-*/k*-1/keluar/*.pdf"))])
        os.kill(korban[0], signal.SIGKILL)
        keluaran, galat = p.communicate(timeout=600)
    finally:
        p.kill()
    assert p.returncode == 0, keluaran + galat
    assert "dimulai ulang" in keluaran, keluaran
    dokumen = _dokumen(akar)
    for d in dokumen:
        assert int(info_pdf(d.with_suffix(".pdf"))["Pages"]) >= 1, d
    assert f"PDF: {len(dokumen)} dibuat" in keluaran
    assert not _soffice_milik(str(sementara))  # no converter outlives the run


def test_konflik_pdf_dari_suntingan_dan_draf_baru(tmp_path):
    """Inputs changed while a person had edited a draft: their file's PDF shows their edit,
    the new draft beside it gets its own PDF showing the new data."""
    import shutil

    from tests.bantu import DATA

    data, akar = tmp_path / "data", tmp_path / "arsip"
    shutil.copytree(DATA, data)
    argumen = ["buat", "--bulan", "2026-02", "--data", str(data), "--keluaran", str(akar), "--pdf"]
    assert jalankan_zi(*argumen).returncode == 0
    disunting = next(d for d in _dokumen(akar) if "Undangan" in d.name)
    d = docx.Document(str(disunting))
    d.add_paragraph("Disetujui Sekretaris, lampiran menyusul.")
    d.save(str(disunting))
    instansi = data / "instansi.yaml"
    lama = next(b for b in instansi.read_text(encoding="utf-8").splitlines() if b.startswith("alamat:"))
    instansi.write_text(instansi.read_text(encoding="utf-8").replace(lama, "alamat: Jalan Pemuda No. 9, Sarolangun"),
                        encoding="utf-8")
    h = jalankan_zi(*argumen)
    assert h.returncode == 0 and "konflik" in h.stdout, h.stdout + h.stderr
    draf_baru = disunting.with_name(f"{disunting.stem} (draf baru).docx")
    assert draf_baru.exists()
    assert "Disetujui Sekretaris, lampiran menyusul." in teks_pdf(disunting.with_suffix(".pdf"))
    assert "Jalan Pemuda No. 9" in teks_pdf(draf_baru.with_suffix(".pdf"))
    assert "Jalan Pemuda No. 9" not in teks_pdf(disunting.with_suffix(".pdf"))
