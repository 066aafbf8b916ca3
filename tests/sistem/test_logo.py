"""The kop's logo (`logo:` in instansi.yaml): the real `zi buat` puts the office's picture
in the kop's logo cell of every kind with a kop, a changed picture regenerates the drafts,
and an office without a logo gets documents with no picture at all."""

from __future__ import annotations

import shutil
import struct
import zlib
from pathlib import Path

import docx

from tests.bantu import DATA, jalankan_zi

_R_EMBED = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}embed"


def png(warna: tuple[int, int, int], sisi: int = 24) -> bytes:
    """A small solid-colour RGB PNG, written byte by byte here."""
    def potong(jenis: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + jenis + data + struct.pack(">I", zlib.crc32(jenis + data))

    baris = b"\x00" + bytes(warna) * sisi
    return (b"\x89PNG\r\n\x1a\n" + potong(b"IHDR", struct.pack(">IIBBBBB", sisi, sisi, 8, 2, 0, 0, 0))
            + potong(b"IDAT", zlib.compress(baris * sisi)) + potong(b"IEND", b""))


def kantor(tmp_path: Path, logo: bytes | None) -> Path:
    folder = tmp_path / "data"
    shutil.copytree(DATA, folder)
    if logo is not None:
        (folder / "lambang.png").write_bytes(logo)
        instansi = folder / "instansi.yaml"
        instansi.write_text(instansi.read_text(encoding="utf-8") + "\nlogo: lambang.png\n", encoding="utf-8")
    return folder


def buat(folder: Path, arsip: Path) -> list[Path]:
    hasil = jalankan_zi("buat", "--bulan", "2026-02", "--data", str(folder), "--keluaran", str(arsip))
    assert hasil.returncode == 0, hasil.stderr
    return sorted(p for p in (arsip / "2026" / "02").rglob("*.docx") if "_riwayat" not in p.parts)


def gambar_sel_kop(jalur: Path) -> list[bytes]:
    """The image bytes of every picture in the first cell of the document's first table."""
    doc = docx.Document(str(jalur))
    sel = doc.tables[0].cell(0, 0)
    return [doc.part.related_parts[b.get(_R_EMBED)].blob for b in sel._tc.xpath(".//a:blip")]


def bagian_gambar(jalur: Path) -> list[str]:
    doc = docx.Document(str(jalur))
    return [p.partname for p in doc.part.package.iter_parts() if p.partname.startswith("/word/media/")]


def undangan(daftar: list[Path]) -> Path:
    return next(p for p in daftar if "Undangan" in p.name)


def test_logo_di_kop_setiap_naskah(tmp_path: Path) -> None:
    merah = png((200, 0, 0))
    folder, arsip = kantor(tmp_path, merah), tmp_path / "arsip"
    daftar = buat(folder, arsip)
    assert {"Undangan", "Daftar Hadir Rapat", "Notulensi", "Daftar Hadir Apel", "Laporan Monev"} <= {
        k for p in daftar for k in ("Undangan", "Daftar Hadir Rapat", "Notulensi", "Daftar Hadir Apel", "Laporan Monev")
        if k in p.name}
    for p in daftar:  # every kind of February has the kop: the logo in its left cell
        assert gambar_sel_kop(p) == [merah], p.name
    doc = docx.Document(str(undangan(daftar)))
    assert len(doc.inline_shapes) == 1
    assert abs(doc.inline_shapes[0].width.cm - 2.0) < 0.05
    assert "lambang.png" not in doc.tables[0].cell(0, 0).text  # the name gave way to the picture
    assert "KOMISI PEMILIHAN UMUM" in doc.tables[0].cell(0, 1).text.upper()

    # A new picture is a new input: the drafts are regenerated with it.
    biru = png((0, 0, 200))
    (folder / "lambang.png").write_bytes(biru)
    daftar = buat(folder, arsip)
    assert gambar_sel_kop(undangan(daftar)) == [biru]


def test_tanpa_logo_tanpa_gambar(tmp_path: Path) -> None:
    daftar = buat(kantor(tmp_path, None), tmp_path / "arsip")
    u = undangan(daftar)
    assert bagian_gambar(u) == []
    assert len(docx.Document(str(u)).inline_shapes) == 0
    assert all(bagian_gambar(p) == [] for p in daftar)
