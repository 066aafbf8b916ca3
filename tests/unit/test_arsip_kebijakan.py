"""zi.arsip.kebijakan: the state of a registered file (asli/disunting/hilang), what makes the
input hash change, and the policy table applied to files this test writes and edits."""

import datetime as dt
import hashlib
from pathlib import Path

import pytest

from zi.arsip.kebijakan import arsipkan_isi, disunting, hash_input, keadaan
from zi.arsip.registri import Catatan, Registri
from zi.jadwal import Kejadian
from zi.naskah.umum import Naskah

REL = Path("2026", "01", "I.1.1", "2026-01-12 Undangan Rapat.docx")


def _naskah(**ganti) -> Naskah:
    nilai = dict(jenis="undangan_rapat", templat="undangan_rapat.docx", baris_id="I.1.1",
                 kejadian=Kejadian(2026, 1, 2), tanggal=dt.date(2026, 1, 12), judul="Undangan Rapat",
                 konteks={"hal": "Undangan Rapat", "peserta": ["A", "B"], "nomor": 3})
    nilai.update(ganti)
    return Naskah(**nilai)


def _catatan(akar: Path, isi: bytes) -> Catatan:
    (akar / REL).parent.mkdir(parents=True, exist_ok=True)
    (akar / REL).write_bytes(isi)
    return Catatan("k", REL.as_posix(), "undangan_rapat", "I.1.1", "2026-01", 2, "2026-01-12", "t", "i",
                   hashlib.sha256(isi).hexdigest(), "2026-01-05T08:00:00+07:00", "r")


def test_keadaan_asli_disunting_hilang(tmp_path):
    c = _catatan(tmp_path, b"ditulis zi")
    assert keadaan(tmp_path, c) == "asli" and not disunting(tmp_path, c)
    (tmp_path / REL).write_bytes(b"ditulis zi, lalu disunting sekretariat")
    assert keadaan(tmp_path, c) == "disunting" and disunting(tmp_path, c)
    (tmp_path / REL).write_bytes(b"ditulis zi")  # edited back to the very bytes zi wrote
    assert keadaan(tmp_path, c) == "asli"
    (tmp_path / REL).unlink()
    assert keadaan(tmp_path, c) == "hilang" and not disunting(tmp_path, c)


def test_keadaan_folder_di_tempat_berkas_hilang(tmp_path):
    c = _catatan(tmp_path, b"x")
    (tmp_path / REL).unlink()
    (tmp_path / REL).mkdir()
    assert keadaan(tmp_path, c) == "hilang"


def test_hash_input_tetap_untuk_masukan_sama():
    h = hash_input(_naskah(), "templat-v1", "A4")
    assert len(h) == 64 and int(h, 16) >= 0
    assert hash_input(_naskah(), "templat-v1", "A4") == h
    # the context's key order is not an input
    assert hash_input(_naskah(konteks={"nomor": 3, "peserta": ["A", "B"], "hal": "Undangan Rapat"}),
                      "templat-v1", "A4") == h
    # nor is what only names the file
    assert hash_input(_naskah(judul="Judul Lain"), "templat-v1", "A4") == h


@pytest.mark.parametrize("naskah, templat, kertas, tambahan", [
    (_naskah(konteks={"hal": "Undangan Rapat Koordinasi", "peserta": ["A", "B"], "nomor": 3}), "templat-v1", "A4", ()),
    (_naskah(konteks={"hal": "Undangan Rapat", "peserta": ["B", "A"], "nomor": 3}), "templat-v1", "A4", ()),
    (_naskah(konteks={"hal": "Undangan Rapat", "peserta": ["A", "B"], "nomor": 4}), "templat-v1", "A4", ()),
    (_naskah(), "templat-v2", "A4", ()),
    (_naskah(), "templat-v1", "F4", ()),
    (_naskah(templat="daftar_hadir.docx"), "templat-v1", "A4", ()),
    (_naskah(tanggal=dt.date(2026, 1, 13)), "templat-v1", "A4", ()),
    (_naskah(), "templat-v1", "A4", ("grafik-1",)),
])
def test_hash_input_berubah(naskah, templat, kertas, tambahan):
    assert hash_input(naskah, templat, kertas, *tambahan) != hash_input(_naskah(), "templat-v1", "A4")


def _arsipkan(akar, isi: bytes, input_hash: str):
    return arsipkan_isi(akar, _naskah(), REL, isi, "templat-v1", input_hash, run_id="uji")


def _registri(akar):
    with Registri.buka(akar, tulis=False) as reg:
        return reg.semua()


def test_tabel_kebijakan(tmp_path):
    akar = tmp_path
    # never written: written
    k = _arsipkan(akar, b"versi 1", "h1")
    assert (k.status, k.jalur) == ("baru", REL)
    assert (akar / REL).read_bytes() == b"versi 1"
    [c] = _registri(akar)
    assert (c.path, c.input_hash, c.content_hash, c.run_id) == \
        (REL.as_posix(), "h1", hashlib.sha256(b"versi 1").hexdigest(), "uji")
    assert (c.bulan, c.tanggal, c.minggu, c.baris) == ("2026-01", "2026-01-12", 2, ("I.1.1",))

    # same inputs: nothing written, even though the bytes offered differ
    assert _arsipkan(akar, b"lain", "h1").status == "tidak berubah"
    assert (akar / REL).read_bytes() == b"versi 1"

    # inputs changed, file untouched: new version in place, old one to the month's _riwayat
    assert _arsipkan(akar, b"versi 2", "h2").status == "diperbarui"
    assert (akar / REL).read_bytes() == b"versi 2"
    [lama] = list((akar / "2026" / "01" / "_riwayat").iterdir())
    assert lama.read_bytes() == b"versi 1" and lama.name.startswith("2026-01-12 Undangan Rapat ")
    assert lama.suffix == ".docx"

    # a person edited it, inputs unchanged: left alone
    (akar / REL).write_bytes(b"disunting orang")
    assert _arsipkan(akar, b"versi 2", "h2").status == "disunting"
    assert (akar / REL).read_bytes() == b"disunting orang"

    # edited and inputs changed: a new draft beside it, the person's file untouched
    k = _arsipkan(akar, b"versi 3", "h3")
    assert k.status == "konflik" and k.jalur.name == "2026-01-12 Undangan Rapat (draf baru).docx"
    assert (akar / REL).read_bytes() == b"disunting orang" and (akar / k.jalur).read_bytes() == b"versi 3"

    # registered but gone: written again
    (akar / REL).unlink()
    assert _arsipkan(akar, b"versi 3", "h3").status == "dibuat ulang"
    assert (akar / REL).read_bytes() == b"versi 3"
    [c] = _registri(akar)
    assert c.content_hash == hashlib.sha256(b"versi 3").hexdigest() and c.input_hash == "h3"
    assert not list(akar.rglob(".zi-*.tmp"))


def test_berkas_tak_terdaftar_bukan_milik_zi(tmp_path):
    (tmp_path / REL).parent.mkdir(parents=True)
    (tmp_path / REL).write_bytes(b"dibuat orang")
    k = _arsipkan(tmp_path, b"versi 1", "h1")
    assert k.status == "konflik" and (tmp_path / REL).read_bytes() == b"dibuat orang"
    assert (tmp_path / k.jalur).read_bytes() == b"versi 1"


def test_berkas_sama_dari_run_terputus_diadopsi(tmp_path):
    (tmp_path / REL).parent.mkdir(parents=True)
    (tmp_path / REL).write_bytes(b"versi 1")  # a run that stopped before recording it
    assert _arsipkan(tmp_path, b"versi 1", "h1").status == "tidak berubah"
    assert [c.path for c in _registri(tmp_path)] == [REL.as_posix()]
