"""zi.arsip.berkas: Windows-safe names, staying inside the archive, atomic writes."""

import hashlib
import os
from pathlib import Path

import pytest

from zi.arsip import berkas as b
from zi.galat import ZiError

from tests.bantu import CADANGAN_WINDOWS

_TERLARANG = set('<>:"/\\|?*') | {chr(i) for i in range(32)} | {"\x7f"}


@pytest.mark.parametrize("nama", sorted(CADANGAN_WINDOWS))
@pytest.mark.parametrize("ekor", ["", ".txt", ".docx", " .x"])
def test_nama_cadangan_windows_diberi_akhiran(nama, ekor):
    for huruf in (nama, nama.lower()):
        hasil = b.nama_aman(huruf + ekor)
        assert hasil.split(".")[0].rstrip(" ").upper() not in CADANGAN_WINDOWS
        assert hasil.startswith(huruf)  # still reads like what was asked for


@pytest.mark.parametrize("teks", ["CONSOLE", "NULL.txt", "COM10", "LPTX", "Laporan CON"])
def test_nama_mirip_cadangan_tidak_diubah(teks):
    assert b.nama_aman(teks) == teks


@pytest.mark.parametrize("teks, hasil", [
    ("2026-01-12 Undangan Rapat", "2026-01-12 Undangan Rapat"),
    ("SK/Tim: ZI?", "SK-Tim- ZI-"),
    ("a//b\\\\c", "a-b-c"),
    ("  banyak    spasi  ", "banyak spasi"), ("baris\nbaru", "baris-baru"),
    ("akhir titik...", "akhir titik"),
    ("Notulen «Café»", "Notulen «Café»"),
])
def test_nama_aman_contoh(teks, hasil):
    assert b.nama_aman(teks) == hasil


@pytest.mark.parametrize("teks", ["", "   ", ".", "..", "../..", "/", "***", " . - "])
def test_nama_kosong_atau_lolos_jadi_cadangan(teks):
    assert b.nama_aman(teks) == "naskah"
    assert b.nama_aman(teks, cadangan="lain") == "lain"


def test_nama_aman_tanpa_karakter_terlarang_dan_dibatasi():
    teks = "".join(chr(i) for i in range(0, 128)) * 3
    hasil = b.nama_aman(teks)
    assert not set(hasil) & _TERLARANG
    assert 0 < len(hasil) <= 120
    assert not hasil.endswith((" ", ".", "-"))
    assert len(b.nama_aman("x" * 500)) == 120


def test_nama_aman_nfc():
    assert b.nama_aman("Cafe\u0301") == "Caf\u00e9"


def test_di_dalam(tmp_path):
    assert b.di_dalam(tmp_path, tmp_path / "2026" / "01" / "a.docx") == tmp_path / "2026" / "01" / "a.docx"
    assert b.di_dalam(tmp_path, tmp_path) == tmp_path
    for luar in (tmp_path / ".." / "x", tmp_path.parent / (tmp_path.name + "-lain") / "a", Path("/etc/passwd")):
        with pytest.raises(ZiError) as e:
            b.di_dalam(tmp_path, luar)
        assert "keluar dari folder arsip" in e.value.pesan
        assert e.value.berkas == str(tmp_path)


def test_tulis_atomik_tanpa_sisa(tmp_path):
    tujuan = tmp_path / "baru" / "dalam" / "a.docx"
    b.tulis_atomik(tujuan, b"isi pertama")
    b.tulis_atomik(tujuan, b"isi kedua")
    assert tujuan.read_bytes() == b"isi kedua"
    assert sorted(p.name for p in tujuan.parent.iterdir()) == ["a.docx"]


def test_tulis_atomik_gagal_tidak_meninggalkan_sementara(tmp_path, monkeypatch):
    tujuan = tmp_path / "a.docx"
    tujuan.write_bytes(b"lama")

    def gagal(*a):
        raise OSError("disk penuh")

    monkeypatch.setattr(os, "replace", gagal)
    with pytest.raises(OSError):
        b.tulis_atomik(tujuan, b"baru")
    assert tujuan.read_bytes() == b"lama"
    assert [p.name for p in tmp_path.iterdir()] == ["a.docx"]


def test_sha256_berkas(tmp_path):
    isi = os.urandom(3 << 20)  # larger than one read block
    (tmp_path / "x").write_bytes(isi)
    assert b.sha256_berkas(tmp_path / "x") == hashlib.sha256(isi).hexdigest()


def test_tulis_di_samping(tmp_path):
    asli = Path("2026", "01", "I.1.1", "2026-01-12 Undangan.docx")
    (tmp_path / asli).parent.mkdir(parents=True)
    (tmp_path / asli).write_bytes(b"disunting orang")
    r1 = b.tulis_di_samping(tmp_path, asli, b"draf 1")
    assert r1 == Path("2026", "01", "I.1.1", "2026-01-12 Undangan (draf baru).docx")
    assert b.tulis_di_samping(tmp_path, asli, b"draf 1") == r1  # same content: same file, nothing new
    r2 = b.tulis_di_samping(tmp_path, asli, b"draf 2")
    assert r2.name == "2026-01-12 Undangan (draf baru 2).docx"
    assert (tmp_path / asli).read_bytes() == b"disunting orang"
    assert (tmp_path / r1).read_bytes() == b"draf 1" and (tmp_path / r2).read_bytes() == b"draf 2"
    assert len(list((tmp_path / asli).parent.iterdir())) == 3
