"""zi.masukan: the checks on what a person asks for (area, kinds, month) and their messages."""

import enum

import pytest

from zi.galat import ZiError
from zi.masukan import baca_area, baca_bulan, baca_jenis, cek_bulan_rencana

AREA = ("I", "II", "III", "IV", "V", "VI")
JENIS = ("sk_tim", "undangan_rapat", "daftar_hadir", "notulensi", "laporan_monev", "surat_pernyataan_bk")


class Area(enum.Enum):
    III = "III"


@pytest.mark.parametrize("teks, kode", [("I", "I"), ("vi", "VI"), (" iv ", "IV"), (Area.III, "III")])
def test_area_dikenal(teks, kode):
    assert baca_area(teks) == kode


@pytest.mark.parametrize("teks", [None, "", "   "])
def test_area_kosong_berarti_semua(teks):
    assert baca_area(teks) is None


@pytest.mark.parametrize("teks", ["VII", "1", "area I", "I,II"])
def test_area_tak_dikenal(teks):
    with pytest.raises(ZiError) as e:
        baca_area(teks, "--area")
    assert e.value.lokasi == "argumen --area"
    assert f"area \"{teks}\" tidak dikenal" in e.value.pesan
    assert e.value.pesan.endswith(", ".join(AREA))


def test_area_nama_argumen_flow():
    with pytest.raises(ZiError) as e:
        baca_area("X", "area")
    assert str(e.value).startswith("argumen area: ")


@pytest.mark.parametrize("nilai, hasil", [
    ("sk_tim", ("sk_tim",)),
    ("notulensi, daftar_hadir", ("notulensi", "daftar_hadir")),
    (["undangan_rapat", " laporan_monev "], ("undangan_rapat", "laporan_monev")),
    ("sk_tim,,", ("sk_tim",)),
])
def test_jenis_dikenal(nilai, hasil):
    assert baca_jenis(nilai) == hasil


@pytest.mark.parametrize("nilai", [None, "", [], ",", [" "]])
def test_jenis_kosong_berarti_semua(nilai):
    assert baca_jenis(nilai) is None


def test_setiap_jenis_kontrak_diterima():
    assert baca_jenis(",".join(JENIS)) == JENIS


@pytest.mark.parametrize("nilai, salah", [("sk_tim,surat_tugas", "surat_tugas"), (["Notulensi"], "Notulensi"),
                                          ("laporan_monev_periode", "laporan_monev_periode")])
def test_jenis_tak_dikenal(nilai, salah):
    with pytest.raises(ZiError) as e:
        baca_jenis(nilai, "--jenis")
    assert e.value.lokasi == "argumen --jenis"
    assert f"jenis naskah \"{salah}\" tidak dikenal" in e.value.pesan
    assert e.value.pesan.endswith(", ".join(JENIS))


@pytest.mark.parametrize("teks, kode", [("2026-03", "2026-03"), ("2026-3", "2026-03"), (" 2026-11 ", "2026-11")])
def test_bulan_jadi_kode(teks, kode):
    assert baca_bulan(teks) == kode


def test_bulan_salah_menyebut_argumen():
    with pytest.raises(ZiError) as e:
        baca_bulan("2026-13", "bulan")
    assert e.value.lokasi == "argumen bulan"


class _Rencana:
    tahun = 2026


class _Kejadian:
    def __init__(self, kode_bulan):
        self.kode_bulan = kode_bulan


class _JB:
    def __init__(self, *bulan):
        self.jadwal = type("J", (), {"kejadian": [_Kejadian(b) for b in bulan]})()


def test_bulan_di_luar_tahun_rencana_ditolak():
    with pytest.raises(ZiError) as e:
        cek_bulan_rencana("2027-01", _Rencana(), [_JB("2026-01", "2026-12")])
    assert e.value.pesan == "bulan 2027-01 di luar rencana tahun 2026"
    assert e.value.lokasi == "argumen bulan"


def test_bulan_di_luar_tahun_tapi_terjadwal_diterima():
    cek_bulan_rencana("2027-01", _Rencana(), [_JB("2026-12"), _JB("2027-01")])  # e.g. "Januari 2027" in the plan


def test_bulan_dalam_tahun_rencana_diterima():
    cek_bulan_rencana("2026-05", _Rencana(), [])
