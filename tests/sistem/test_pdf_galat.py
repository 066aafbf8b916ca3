"""`--pdf` and the bundle when LibreOffice is missing, cannot open a file, or never answers:
each named in the output, nothing else lost (issue 16, bad input)."""

from __future__ import annotations

import json
import os
import shutil
import time
import zipfile
from pathlib import Path

import pytest

from tests.bantu import info_pdf, jalankan_zi

BULAN = "2026-01"
ADA_LO = shutil.which("soffice") is not None and shutil.which("pdfinfo") is not None


@pytest.fixture(scope="module")
def arsip_bulan(tmp_path_factory) -> Path:
    """A month of drafts without PDFs, made by `zi buat`; each test works on a copy."""
    akar = tmp_path_factory.mktemp("asli")
    h = jalankan_zi("buat", "--bulan", BULAN, "--keluaran", str(akar))
    assert h.returncode == 0, h.stderr
    return akar


def _salin(asal: Path, tmp_path: Path) -> tuple[Path, list[str]]:
    akar = tmp_path / "arsip"
    shutil.copytree(asal, akar)
    h = jalankan_zi("arsip", "--json", "--keluaran", str(akar))
    return akar, [d["path"] for d in json.loads(h.stdout)]


def _path_tanpa_soffice(tmp_path: Path) -> str:
    """A PATH that has everything of this one except LibreOffice."""
    kosong = tmp_path / "bin"
    kosong.mkdir()
    for nama in ("sh", "env", "sleep"):
        if shutil.which(nama):
            os.symlink(shutil.which(nama), kosong / nama)
    return str(kosong)


def test_tanpa_libreoffice_docx_tetap_ditulis(tmp_path):
    akar = tmp_path / "arsip"
    env = {"PATH": _path_tanpa_soffice(tmp_path)}
    h = jalankan_zi("buat", "--bulan", BULAN, "--keluaran", str(akar), "--pdf", env=env)
    assert h.returncode == 2, h.stdout + h.stderr
    assert "LibreOffice tidak terpasang" in h.stderr and "apt-get install libreoffice-writer-nogui" in h.stderr
    assert "Traceback" not in h.stderr
    docx_ = list(akar.rglob("*.docx"))
    assert docx_ and f"{len(docx_)} naskah" in h.stdout and f"{len(docx_)} baru" in h.stdout
    assert not list(akar.rglob("*.pdf"))
    # The bundle still goes out, without PDFs, and says why.
    h = jalankan_zi("arsip", "--bundel", BULAN, "--keluaran", str(akar), env=env)
    assert h.returncode == 2 and "LibreOffice tidak terpasang" in h.stderr and "tanpa PDF" in h.stderr
    with zipfile.ZipFile(akar / "bundel" / f"arsip-{BULAN}.zip") as z:
        assert {p.relative_to(akar).as_posix() for p in docx_} <= set(z.namelist())


@pytest.mark.skipif(not ADA_LO, reason="LibreOffice/poppler tidak terpasang (.ci/run memasangnya)")
def test_docx_tak_terbuka_disebut_sisanya_jadi(arsip_bulan, tmp_path):
    """A .docx LibreOffice cannot open (a person's copy cut short): named, exit 1, the
    other documents get their PDFs and the broken file itself is left as it is."""
    akar, dokumen = _salin(arsip_bulan, tmp_path)
    rusak = akar / dokumen[0]
    potongan = rusak.read_bytes()[:3000]
    rusak.write_bytes(potongan)
    h = jalankan_zi("buat", "--bulan", BULAN, "--keluaran", str(akar), "--pdf")
    assert h.returncode == 1, h.stdout + h.stderr
    assert f"GAGAL PDF: {dokumen[0]}: LibreOffice tidak bisa membuka berkas ini" in h.stdout, h.stdout
    assert f"PDF: {len(dokumen) - 1} dibuat, 0 tidak berubah, 1 gagal" in h.stdout
    assert rusak.read_bytes() == potongan and not rusak.with_suffix(".pdf").exists()
    for d in dokumen[1:]:
        assert int(info_pdf(akar / Path(d).with_suffix(".pdf"))["Pages"]) >= 1


def test_pengonversi_tak_menjawab_dibatasi_waktu(arsip_bulan, tmp_path):
    """A LibreOffice that never answers (a fake `soffice` that sleeps): each file is given
    up after the per-file time limit and named; the .docx are all still there; no sleeper
    is left behind."""
    akar, dokumen = _salin(arsip_bulan, tmp_path)
    sebelum = {d: (akar / d).read_bytes() for d in dokumen}
    palsu = tmp_path / "palsu"
    palsu.mkdir()
    detik = 900_000 + os.getpid() % 10_000  # a sleep this test can recognise
    (palsu / "soffice").write_text(f"#!/bin/sh\nexec sleep {detik}\n")
    (palsu / "soffice").chmod(0o755)
    mulai = time.monotonic()
    h = jalankan_zi("buat", "--bulan", BULAN, "--keluaran", str(akar), "--pdf", "--batas-pdf", "1",
                    env={"PATH": f"{palsu}:{os.environ['PATH']}"})
    assert h.returncode == 1, h.stdout + h.stderr
    assert time.monotonic() - mulai < 60
    for d in dokumen:
        assert f"GAGAL PDF: {d}: tidak menjawab dalam 1 detik" in h.stdout, h.stdout
        assert (akar / d).read_bytes() == sebelum[d]
    assert "Traceback" not in h.stderr and not list(akar.rglob("*.pdf"))
    assert not [p for p in Path("/proc").glob("[0-9]*/cmdline")
                if f"sleep\0{detik}".encode() in _baca(p)], "a stuck converter outlived the run"


def _baca(p: Path) -> bytes:
    try:
        return p.read_bytes()
    except OSError:
        return b""


def test_batas_pdf_bukan_angka():
    h = jalankan_zi("buat", "--bulan", BULAN, "--pdf", "--batas-pdf", "nol", "--keluaran", "/nonexistent/x")
    assert h.returncode == 2 and "--batas-pdf" in h.stderr and "Traceback" not in h.stderr
    assert not Path("/nonexistent/x").exists()
