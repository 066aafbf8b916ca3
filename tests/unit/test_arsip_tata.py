"""zi.arsip.tata: where things live in the archive and what counts as archive content."""

from pathlib import Path

import pytest

from zi.arsip import tata


def test_folder():
    akar = Path("/arsip")
    assert tata.folder_bulan(akar, "2026-03") == Path("/arsip/2026/03")
    assert tata.folder_baris(akar, "2026-11", "V.1.2") == Path("/arsip/2026/11/V.1.2")


def test_relatif_naskah_dan_monev():
    assert tata.relatif_naskah("2026-01-12", "I.1.1", "Undangan Rapat") == \
        Path("2026", "01", "I.1.1", "2026-01-12 Undangan Rapat.docx")
    assert tata.relatif_naskah("2026-02-03", "II.1.1", "Hal: A/B") == \
        Path("2026", "02", "II.1.1", "2026-02-03 Hal- A-B.docx")
    assert tata.relatif_monev("2026-03", "Laporan Monev Triwulan I") == \
        Path("2026", "03", "monev", "Laporan Monev Triwulan I.docx")


def test_riwayat():
    assert tata.riwayat(Path("2026", "04", "I.1.1", "x.docx")) == Path("2026", "04", "_riwayat")


@pytest.mark.parametrize("nama, ya", [
    ("2026-01-12 Undangan (draf baru).docx", True),
    ("2026-01-12 Undangan (draf baru 2).docx", True),
    ("2026-01-12 Undangan (draf baru 13).pdf", True),
    ("2026-01-12 Undangan.docx", False),
    ("(draf baru) catatan.docx", False),
    ("Undangan (draf baru).docx.bak", False),
    ("Undangan (draf lama).docx", False),
])
def test_draf_baru(nama, ya):
    assert tata.draf_baru(Path("2026/01/I.1.1") / nama) is ya


def _buat(akar: Path, *relatif: str) -> None:
    for r in relatif:
        (akar / r).parent.mkdir(parents=True, exist_ok=True)
        (akar / r).write_bytes(b"x")


ISI = ["2026/01/I.1.1/2026-01-12 Undangan.docx",
       "2026/01/I.1.1/2026-01-12 Undangan (draf baru).docx",
       "2026/01/I.1.1/foto kegiatan.jpg",
       "2026/01/monev/Laporan.docx",
       "2026/02/II.1.1/Notulen.pdf"]
BUKAN = ["2026/01/_riwayat/2026-01-12 Undangan 20260110-080000.docx",
         "2026/01/I.1.1/~$26-01-12 Undangan.docx",
         "2026/01/I.1.1/Thumbs.db", "2026/01/I.1.1/thumbs.db",
         "2026/01/I.1.1/desktop.ini", "2026/01/I.1.1/Desktop.ini",
         "2026/01/.DS_Store",
         "2026/01/I.1.1/.zi-abc123.tmp",
         ".zi/arsip.sqlite", ".zi/kunci"]


def test_berkas_isi(tmp_path):
    _buat(tmp_path, *ISI, *BUKAN)
    assert [p.relative_to(tmp_path).as_posix() for p in tata.berkas_isi(tmp_path)] == sorted(ISI)


def test_berkas_isi_satu_bulan(tmp_path):
    _buat(tmp_path, *ISI, *BUKAN)
    folder = tmp_path / "2026" / "02"
    assert list(tata.berkas_isi(folder)) == [tmp_path / "2026/02/II.1.1/Notulen.pdf"]


def test_berkas_isi_folder_tidak_ada(tmp_path):
    assert list(tata.berkas_isi(tmp_path / "tidak-ada")) == []


@pytest.mark.parametrize("r", BUKAN)
def test_bukan_isi(tmp_path, r):
    assert not tata.isi_arsip(tmp_path / r, tmp_path)


@pytest.mark.parametrize("r", ISI)
def test_isi(tmp_path, r):
    assert tata.isi_arsip(tmp_path / r, tmp_path)


def test_titik_di_atas_folder_tidak_dihitung(tmp_path):
    # Only the part below the folder asked about decides: an archive kept under a hidden folder still has content.
    akar = tmp_path / ".tersembunyi" / "arsip"
    _buat(akar, "2026/01/I.1.1/a.docx")
    assert [p.name for p in tata.berkas_isi(akar)] == ["a.docx"]
