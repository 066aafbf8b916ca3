"""Surat pernyataan benturan kepentingan: one per employee.

An employee whose pegawai.yaml entry records a potential conflict gets the "potensi"
variant with that text; everyone else the "bebas" variant.
"""

from __future__ import annotations

from zi.jadwal import Kejadian
from zi.naskah.kata import isi, muat_kata
from zi.naskah.umum import Bahan, JadwalBaris, Naskah, Pasangan, atasan, ketua, konteks_umum, orang

JENIS = "surat_pernyataan_bk"


def naskah(bahan: Bahan, pasangan: list[Pasangan]) -> list[Naskah]:
    """Builder (see the kinds table): one call with every (row, occurrence) of the kind."""
    return [n for jb, k in pasangan for n in _satu(bahan, jb, k)]


def _satu(bahan: Bahan, jb: JadwalBaris, kejadian: Kejadian) -> list[Naskah]:
    """The row's statements: employees, commissioners or both (`pernyataan.untuk`)."""
    baris = jb.baris
    untuk = baris.pernyataan.untuk if baris.pernyataan else "pegawai"
    kata = muat_kata(bahan.kantor.folder or None)
    nilai = {"instansi": bahan.kantor.instansi.nama, "tahun": kejadian.tanggal().year}
    teks = {"bebas": [isi(t, nilai, kata.berkas, "pernyataan.bebas") for t in kata.pernyataan.bebas],
            "potensi_pembuka": isi(kata.pernyataan.potensi_pembuka, nilai, kata.berkas, "pernyataan.potensi_pembuka"),
            "potensi_penutup": isi(kata.pernyataan.potensi_penutup, nilai, kata.berkas, "pernyataan.potensi_penutup"),
            "penutup": isi(kata.pernyataan.penutup, nilai, kata.berkas, "pernyataan.penutup")}
    hasil = []
    if untuk in ("pegawai", "semua"):
        for p in bahan.kantor.pegawai:
            data = {"nama": p.nama, "nip": p.nip, "pangkat": p.pangkat, "golongan": p.golongan,
                    "jabatan": p.jabatan, "unit": f"{p.unit}, {bahan.kantor.instansi.nama}"}
            hasil.append(_pernyataan(bahan, jb, kejadian, data, atasan(bahan.kantor, p), p.benturan_kepentingan,
                                     teks, f"{p.nama} {p.nip}", p.nip))
    if untuk in ("komisioner", "semua"):
        hasil += _komisioner(bahan, jb, kejadian, teks)
    return hasil


def _komisioner(bahan: Bahan, jb: JadwalBaris, kejadian: Kejadian, teks: dict) -> list[Naskah]:
    """Commissioners have no NIP nor rank; an Anggota's statement is acknowledged by the
    Ketua, the Ketua's own by nobody in the office (the block is left out)."""
    instansi = bahan.kantor.instansi
    hasil = []
    for k in instansi.komisioner:
        data = {"nama": k.nama, "nip": "", "pangkat": "", "golongan": "", "jabatan": f"{k.jabatan} {instansi.singkatan}",
                "unit": instansi.nama}
        diketahui = None if k.nama == instansi.ketua.nama else ketua(bahan.kantor)
        hasil.append(_pernyataan(bahan, jb, kejadian, data, diketahui, None, teks, k.nama, k.nama))
    return hasil


def _pernyataan(bahan: Bahan, jb: JadwalBaris, kejadian: Kejadian, data: dict, diketahui: dict | None,
                benturan: str | None, teks: dict, nama_berkas: str, subjek: str) -> Naskah:
    tanggal = kejadian.tanggal()
    potensi = bool(benturan and benturan.strip())
    k = konteks_umum(bahan, jb.baris, JENIS, tanggal, orang(data["nama"], data["jabatan"], data["nip"]))
    k.update(pegawai=data, atasan=diketahui or {"nama": "", "jabatan": "", "nip": ""}, ada_atasan=diketahui is not None,
             komisioner=not data["nip"],
             uraian_benturan=(benturan or "").strip(), kalimat=teks)
    varian = "potensi" if potensi else "bebas"
    judul = f"Surat Pernyataan {'Potensi' if potensi else 'Bebas'} BK - {nama_berkas}"
    return Naskah(JENIS, f"surat_pernyataan_bk_{varian}.docx", jb.baris.id, kejadian, tanggal, judul, k,
                  subjek=subjek)
