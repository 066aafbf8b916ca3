"""Loading the plan and office data: the good files, and broken ones with clear errors."""

from pathlib import Path

import pytest

from zi.galat import ZiError
from zi.rencana import muat_kantor, muat_rencana

from tests.bantu import RENCANA


def test_rencana_contoh_lengkap():
    r = muat_rencana()
    assert r.tahun == 2026
    assert len(r.baris) == 65
    per_area = {a: sum(b.area == a for b in r.baris) for a in r.area}
    assert per_area == {"I": 5, "II": 6, "III": 15, "IV": 10, "V": 19, "VI": 10}
    assert len(r.rencana.mengingat) == 14
    # Verbatim, typos included.
    assert r.per_id["IV.2.3"].target_waktu == "Januari 2025"
    assert r.per_id["V.5.3"].bukti_fisik.startswith("Surat Pernyataan Bebas Benturan Kepentingan")


def test_kantor_contoh():
    k = muat_kantor()
    assert len(k.pegawai) >= 12
    assert all(len(p.nip) == 18 and p.nip.isdigit() for p in k.pegawai)
    assert {t.id for t in k.tim} == {"tim_zi", "agen_perubahan", "upg"}


def _rusak(tmp_path: Path, lama: str, baru: str, nama: str = "rencana.yaml") -> Path:
    teks = RENCANA.read_text(encoding="utf-8")
    assert lama in teks
    berkas = tmp_path / nama
    berkas.write_text(teks.replace(lama, baru, 1), encoding="utf-8")
    return berkas


def _galat(berkas: Path) -> str:
    with pytest.raises(ZiError) as e:
        muat_rencana(berkas)
    pesan = str(e.value)
    assert berkas.name in pesan
    return pesan


def test_yaml_rusak_menyebut_baris(tmp_path):
    pesan = _galat(_rusak(tmp_path, "  - id: II.1.1\n", "  - id: II.1.1\n   area: [tidak ditutup\n"))
    assert "YAML rusak" in pesan and "baris YAML" in pesan


def test_id_ganda(tmp_path):
    pesan = _galat(_rusak(tmp_path, "- id: I.2.1\n", "- id: I.1.1\n"))
    assert "I.1.1" in pesan and "lebih dari sekali" in pesan


def test_area_tidak_dikenal(tmp_path):
    pesan = _galat(_rusak(tmp_path, "- id: II.1.1\n    area: II\n", "- id: II.1.1\n    area: VII\n"))
    assert "II.1.1" in pesan and "area" in pesan and "baris YAML" in pesan


def test_kolom_wajib_kosong(tmp_path):
    teks = RENCANA.read_text(encoding="utf-8")
    awal = teks.index("- id: III.5.1")
    i = teks.index("indikator:", awal)
    j = teks.index("\n", i)
    berkas = tmp_path / "rencana.yaml"
    berkas.write_text(teks[:i] + 'indikator: ""' + teks[j:], encoding="utf-8")
    pesan = _galat(berkas)
    assert "III.5.1" in pesan and "indikator" in pesan and "kosong" in pesan


def test_kunci_tidak_dikenal(tmp_path):
    pesan = _galat(_rusak(tmp_path, "- id: VI.1.1\n", "- id: VI.1.1\n    targett: Mei 2026\n"))
    assert "VI.1.1" in pesan and "targett" in pesan


def test_berkas_tidak_ada(tmp_path):
    with pytest.raises(ZiError, match="tidak ditemukan"):
        muat_rencana(tmp_path / "tidak-ada.yaml")


def _ubah(folder: Path, nama: str, lama: str, baru: str) -> None:
    berkas = folder / nama
    teks = berkas.read_text(encoding="utf-8")
    assert lama in teks
    berkas.write_text(teks.replace(lama, baru, 1), encoding="utf-8")


def test_nip_bukan_18_angka(data_salinan):
    _ubah(data_salinan, "pegawai.yaml", 'nip: "198003212006041003"', 'nip: "19800321200604100"')
    with pytest.raises(ZiError) as e:
        muat_kantor(data_salinan)
    pesan = str(e.value)
    assert "pegawai.yaml" in pesan and "18 angka" in pesan and "Hendra Gunawan" in pesan


def test_pegawai_tanpa_nip(data_salinan):
    _ubah(data_salinan, "pegawai.yaml", '    nip: "199004032015031002"\n', "")
    with pytest.raises(ZiError, match=r"pegawai\.yaml.*Rizky Pratama.*nip.*wajib"):
        muat_kantor(data_salinan)


def test_tim_dengan_nip_tak_dikenal(data_salinan):
    _ubah(data_salinan, "tim.yaml", '{nip: "199206302019031005", peran: Anggota}', '{nip: "199206302019031099", peran: Anggota}')
    with pytest.raises(ZiError, match=r"tim\.yaml.*agen_perubahan.*199206302019031099"):
        muat_kantor(data_salinan)


def test_pejabat_hilang(data_salinan):
    teks = (data_salinan / "instansi.yaml").read_text(encoding="utf-8")
    i, j = teks.index("sekretaris:"), teks.index("komisioner:")
    (data_salinan / "instansi.yaml").write_text(teks[:i] + teks[j:], encoding="utf-8")
    with pytest.raises(ZiError, match=r"instansi\.yaml.*sekretaris.*wajib"):
        muat_kantor(data_salinan)
