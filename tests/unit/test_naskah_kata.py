"""zi.naskah.kata: the wording file's sentences, proper case and the legal-basis fixes."""

from __future__ import annotations

import pytest
import yaml

from tests.bantu import DATA
from zi.galat import ZiError
from zi.naskah.kata import huruf_judul, isi, muat_kata, rapikan


def test_huruf_judul_kata_sambung_dan_singkatan():
    assert huruf_judul("undangan rapat keterlibatan pimpinan dan evaluasi WBS di KPU") == \
        "Undangan Rapat Keterlibatan Pimpinan dan Evaluasi WBS di KPU"
    assert huruf_judul("penyusunan laporan (LKjIP) tahun 2025") == "Penyusunan Laporan (LKjIP) Tahun 2025"
    assert huruf_judul("dan seterusnya") == "Dan Seterusnya"  # the first word is capitalised


def test_isi_nama_tak_dikenal_menyebut_kunci():
    with pytest.raises(ZiError) as e:
        isi("Rapat {{ kuartal }}", {"tahun": 2026}, "data/naskah.yaml", "rapat.hal_satu")
    pesan = str(e.value)
    assert "data/naskah.yaml" in pesan and "rapat.hal_satu" in pesan and "kuartal" in pesan and "tahun" in pesan


def test_isi_tidak_meloloskan_html():
    assert isi("{{ a }}", {"a": "Budi & <Ani>"}, "x", "k") == "Budi & <Ani>"


def test_perbaikan_mengingat_dari_berkas_kata():
    rencana = yaml.safe_load((DATA / "rencana_aksi_2026.yaml").read_text(encoding="utf-8"))
    perbaikan = muat_kata().sk.perbaikan_mengingat
    hasil = [rapikan(m, perbaikan) for m in rencana["rencana"]["mengingat"]]
    assert len(hasil) == len(rencana["rencana"]["mengingat"])
    assert not any("Pemeritah" in h or "Undang- Undang" in h or "  " in h for h in hasil)
    assert any("Peraturan Pemerintah Nomor 94 Tahun 2021" in h for h in hasil)
