"""zi.layanan: which plan an office folder means (`--data`), the period of `zi buat`,
dates, and `jadwal`'s filters. A small plan cut from the sample keeps each test fast."""

import datetime as dt
import shutil
from pathlib import Path

import pytest
import yaml

from tests.bantu import DATA, RENCANA
from zi import layanan, waktu
from zi.galat import ZiError
from zi.periode import Periode

ID = ("I.1.1", "I.2.1", "III.3.1", "III.3.2", "V.1.1")


@pytest.fixture(scope="module")
def mentah() -> dict:
    return yaml.safe_load(RENCANA.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def kantor(tmp_path_factory, mentah) -> Path:
    """An office folder: the sample's office files with a plan of a few rows."""
    folder = tmp_path_factory.mktemp("kantor")
    for nama in ("instansi.yaml", "pegawai.yaml", "tim.yaml"):
        shutil.copyfile(DATA / nama, folder / nama)
    kecil = {**mentah, "baris": [b for b in mentah["baris"] if b["id"] in ID]}
    assert len(kecil["baris"]) == len(ID)
    (folder / "rencana_aksi_2026.yaml").write_text(yaml.safe_dump(kecil, allow_unicode=True), encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def sumber(kantor):
    return layanan.muat_sumber(data=kantor)


def test_muat_sumber_folder_kantor(sumber, kantor):
    assert sumber.berkas_rencana == kantor / "rencana_aksi_2026.yaml"
    assert sumber.folder_data == kantor
    assert [b.id for b in sumber.rencana.baris] == list(ID)
    assert sumber.rencana.tahun == 2026
    assert str(sumber.zona) == yaml.safe_load((DATA / "instansi.yaml").read_text(encoding="utf-8")).get(
        "zona_waktu", "Asia/Jakarta")


def test_folder_tanpa_rencana_ditolak(tmp_path):
    for nama in ("instansi.yaml", "pegawai.yaml", "tim.yaml"):
        shutil.copyfile(DATA / nama, tmp_path / nama)
    (tmp_path / "rencana_lama.yaml").write_text("x: 1\n", encoding="utf-8")  # not rencana_aksi_*.yaml
    for awalan, lokasi in ((layanan.CLI, "argumen --data"), (layanan.FLOW, "argumen data")):
        with pytest.raises(ZiError) as e:
            layanan.muat_sumber(data=tmp_path, awalan=awalan)
        assert e.value.lokasi == lokasi
        assert e.value.berkas == str(tmp_path)
        assert "rencana_aksi_*.yaml" in e.value.pesan


def test_folder_dua_rencana_ditolak(tmp_path, kantor):
    for nama in ("rencana_aksi_2026.yaml", "rencana_aksi_2027.yaml"):
        shutil.copyfile(kantor / "rencana_aksi_2026.yaml", tmp_path / nama)
    with pytest.raises(ZiError) as e:
        layanan.muat_sumber(data=tmp_path)
    assert e.value.berkas == str(tmp_path)
    assert "rencana_aksi_2026.yaml" in e.value.pesan and "rencana_aksi_2027.yaml" in e.value.pesan


def test_folder_tidak_ada(tmp_path):
    with pytest.raises(ZiError) as e:
        layanan.muat_sumber(data=tmp_path / "tidak-ada")
    assert e.value.berkas == str(tmp_path / "tidak-ada")
    assert e.value.lokasi == "argumen --data" and "tidak ditemukan" in e.value.pesan


def test_rencana_eksplisit_menang(tmp_path, kantor):
    assert layanan.berkas_rencana(tmp_path / "a.yaml", kantor) == tmp_path / "a.yaml"
    assert layanan.berkas_rencana(None, None) is None


def test_periode_buat(sumber, monkeypatch):
    assert layanan.periode_buat(sumber, "2026-3", None) == Periode(2026, "bulan", 3)
    assert layanan.periode_buat(sumber, None, 2026) == Periode(2026, "tahun", 1)
    monkeypatch.setattr(waktu, "hari_ini", lambda zona: dt.date(2026, 8, 17))
    assert layanan.periode_buat(sumber, None, None) == Periode(2026, "bulan", 8)


@pytest.mark.parametrize("bulan, tahun, awalan, pesan, lokasi", [
    ("2026-03", 2026, "--", "pilih salah satu: --bulan atau --tahun", "argumen"),
    ("2026-03", 2026, "", "pilih salah satu: bulan atau tahun", "argumen"),
    (None, 1999, "--", "tahun 1999 tidak masuk akal", "argumen --tahun"),
    (None, 2101, "", "tahun 2101 tidak masuk akal", "argumen tahun"),
    ("2026-13", None, "--", "bulan \"2026-13\" harus berbentuk TAHUN-BULAN, mis. 2026-03", "argumen --bulan"),
    ("Maret", None, "", "bulan \"Maret\" harus berbentuk TAHUN-BULAN, mis. 2026-03", "argumen bulan"),
    ("2030-01", None, "--", "bulan 2030-01 di luar rencana tahun 2026", "argumen bulan"),
])
def test_periode_buat_salah(sumber, bulan, tahun, awalan, pesan, lokasi):
    with pytest.raises(ZiError) as e:
        layanan.periode_buat(sumber, bulan, tahun, awalan)
    assert (e.value.pesan, e.value.lokasi) == (pesan, lokasi)


@pytest.mark.parametrize("teks, hasil", [("2026-04-10", dt.date(2026, 4, 10)), (" 2028-02-29 ", dt.date(2028, 2, 29)),
                                          (None, None), (dt.date(2026, 1, 1), dt.date(2026, 1, 1))])
def test_baca_tanggal(teks, hasil):
    assert layanan.baca_tanggal(teks, "--tanggal") == hasil


@pytest.mark.parametrize("teks, pesan", [("10-04-2026", "harus berbentuk TAHUN-BULAN-HARI"),
                                          ("2026-4-10", "harus berbentuk TAHUN-BULAN-HARI"),
                                          ("2026-02-30", "tidak ada")])
def test_baca_tanggal_salah(teks, pesan):
    with pytest.raises(ZiError) as e:
        layanan.baca_tanggal(teks, "--tanggal")
    assert e.value.lokasi == "argumen --tanggal"
    assert e.value.pesan.startswith(f"tanggal \"{teks}\" ") and pesan in e.value.pesan


def test_jadwal_menyaring_area(kantor, mentah):
    per_area = {}
    for b in mentah["baris"]:
        if b["id"] in ID:
            per_area.setdefault(b["area"], []).append(b["id"])
    for area, ids in per_area.items():
        r, hasil = layanan.jadwal(data=kantor, area=area.lower())
        assert r.tahun == 2026
        assert [jb.baris.id for jb, _ in hasil] == ids
        assert all(kejadian == list(jb.jadwal.kejadian) for jb, kejadian in hasil)
    r, semua = layanan.jadwal(data=kantor)
    assert [jb.baris.id for jb, _ in semua] == list(ID)
    _, kosong = layanan.jadwal(data=kantor, area="II")
    assert kosong == []


@pytest.mark.parametrize("bulan, ids", [
    # I.1.1 "Januari minggu ke-2", I.2.1 "Januari dan Februari minggu ke-1",
    # III.3.x "Januari- Desember 2026" (one window: held in January, due in December), V.1.1 "April 2026"
    ("2026-01", ["I.1.1", "I.2.1", "III.3.1", "III.3.2"]),
    ("2026-2", ["I.2.1"]),
    ("2026-04", ["V.1.1"]),
    ("2026-07", []),
    ("2026-12", ["III.3.1", "III.3.2"]),
])
def test_jadwal_menyaring_bulan(kantor, bulan, ids):
    _, hasil = layanan.jadwal(data=kantor, bulan=bulan)
    assert [jb.baris.id for jb, _ in hasil] == ids
    tahun, ke = map(int, bulan.split("-"))
    for jb, kejadian in hasil:
        assert kejadian
        for k in kejadian:  # only the occurrences held or due in the month
            assert (tahun, ke) in ((k.tanggal().year, k.tanggal().month), (k.tenggat.year, k.tenggat.month))


def test_jadwal_bulan_dan_area(kantor):
    _, hasil = layanan.jadwal(data=kantor, bulan="2026-01", area="I")
    assert [jb.baris.id for jb, _ in hasil] == ["I.1.1", "I.2.1"]
    [(_, kejadian)] = [x for x in hasil if x[0].baris.id == "I.2.1"]
    assert [k.kode_bulan for k in kejadian] == ["2026-01"]  # February's occurrence is left out


@pytest.mark.parametrize("argumen, lokasi", [({"area": "VII"}, "argumen --area"), ({"bulan": "2026-00"}, "argumen --bulan")])
def test_jadwal_argumen_salah(kantor, argumen, lokasi):
    with pytest.raises(ZiError) as e:
        layanan.jadwal(data=kantor, **argumen)
    assert e.value.lokasi == lokasi


def test_kode_kantor():
    assert layanan.kode_kantor("KPU_Sarolangun") == "kpu-sarolangun"
    assert layanan.kode_kantor(Path("/x/KPU Kab. Merangin (2026)")) == "kpu-kab-merangin-2026"


def test_regenerasi_wajib_area_dan_bulan(sumber, tmp_path):
    with pytest.raises(ZiError) as e:
        layanan.regenerasi(sumber, tmp_path, area=" ", bulan="2026-03")
    assert e.value.lokasi == "argumen area"
    with pytest.raises(ZiError) as e:
        layanan.regenerasi(sumber, tmp_path, area="I", bulan=None)
    assert e.value.lokasi == "argumen bulan"
    assert list(tmp_path.iterdir()) == []
