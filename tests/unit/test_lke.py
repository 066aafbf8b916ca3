"""zi.lke: the weights file is checked against the plan and the regulation's total; the
figures per area come from the items given (in-process, milliseconds)."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
import yaml

from tests.bantu import DATA
from zi.galat import ZiError
from zi.lke import hitung, ke_json, muat_lke
from zi.realisasi import Bukti, Butir, Kegiatan
from zi.rencana import muat_rencana

RENCANA = muat_rencana()
BERKAS = yaml.safe_load((DATA / "lke.yaml").read_text(encoding="utf-8"))


def _salin(tmp_path: Path, ubah) -> Path:
    data = yaml.safe_load((DATA / "lke.yaml").read_text(encoding="utf-8"))
    ubah(data)
    (tmp_path / "lke.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return tmp_path


def test_berkas_bawaan_enam_area_60_poin():
    lke = muat_lke(RENCANA)
    assert [(a.nama, a.bobot) for a in lke.area] == [(a["nama"], a["bobot"]) for a in BERKAS["area"]]
    assert sum(a["bobot"] for a in BERKAS["area"]) == 60 and len(BERKAS["area"]) == 6
    assert "Nomor 90 Tahun 2021" in lke.sumber and "Nomor 5 Tahun 2024" in lke.sumber


def test_bobot_tidak_berjumlah_60_ditolak(tmp_path):
    def ubah(d):
        d["area"][4]["bobot"] = 13
    with pytest.raises(ZiError) as e:
        muat_lke(RENCANA, _salin(tmp_path, ubah))
    assert "lke.yaml" in str(e.value) and "bobot area berjumlah 58" in str(e.value) and "seharusnya 60" in str(e.value)


def test_area_tak_dikenal_dan_ganda_ditolak(tmp_path):
    def asing(d):
        d["area"][5]["area_rencana"] = "VII"
    with pytest.raises(ZiError, match=r"area ke-6 \(Peningkatan Kualitas Pelayanan Publik\), kunci area_rencana"):
        muat_lke(RENCANA, _salin(tmp_path, asing))

    def ganda(d):
        d["area"][5]["area_rencana"] = "I"
    with pytest.raises(ZiError, match="sudah dipetakan"):
        muat_lke(RENCANA, _salin(tmp_path, ganda))


def test_folder_kantor_tanpa_lke_memakai_bawaan(tmp_path):
    shutil.copy(DATA / "instansi.yaml", tmp_path)
    assert [a.bobot for a in muat_lke(RENCANA, tmp_path).area] == [a["bobot"] for a in BERKAS["area"]]


def _kegiatan(area: str, selesai: bool, bukti: bool, dalam: bool = True) -> Kegiatan:
    b = Butir(f"{area}.1.1", area, "x", "langkah", "bukti", "2026-02", dt.date(2026, 2, 27))
    return Kegiatan(b, "selesai" if selesai else "belum", selesai, None, dalam, selesai, None,
                    (Bukti("2026/02/x.docx", "draf zi"),) if bukti else ())


def test_angka_per_area_dari_kegiatan():
    lke = muat_lke(RENCANA)
    # Area V: 4 due (one done with evidence, one done without, two open); area I: 1 done with
    # evidence; an arrears item (outside the period) never counts.
    daftar = [_kegiatan("V", True, True), _kegiatan("V", True, False), _kegiatan("V", False, False),
              _kegiatan("V", False, True), _kegiatan("I", True, True), _kegiatan("I", False, False, dalam=False)]
    hasil = {o["area"]: o for o in ke_json(hitung(lke, daftar))}
    assert {k: hasil["V"][k] for k in ("jatuh_tempo", "selesai", "dengan_bukti", "persen", "nilai")} == \
        {"jatuh_tempo": 4, "selesai": 2, "dengan_bukti": 1, "persen": 25.0, "nilai": 15 * 1 / 4}
    assert (hasil["I"]["jatuh_tempo"], hasil["I"]["nilai"], hasil["I"]["persen"]) == (1, 8.0, 100.0)
    assert hasil["II"]["persen"] is None and hasil["II"]["nilai"] is None  # nothing due: no share
    assert [x["id"] for x in hasil["V"]["tanpa_bukti"]] == ["V.1.1"] and len(hasil["V"]["belum_selesai"]) == 2
