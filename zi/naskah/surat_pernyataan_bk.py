"""Surat pernyataan benturan kepentingan: one per employee.

An employee whose pegawai.yaml entry records a potential conflict gets the "potensi"
variant with that text; everyone else the "bebas" variant.
"""

from __future__ import annotations

from typing import Any

from zi.jadwal import Kejadian
from zi.naskah.umum import Bahan, Naskah, konteks_umum, orang, sekretaris

JENIS = "surat_pernyataan_bk"


def naskah(bahan: Bahan, jb: Any, kejadian: Kejadian) -> list[Naskah]:
    baris = jb.baris
    tanggal = kejadian.tanggal()
    atasan = sekretaris(bahan.kantor)
    hasil = []
    for p in bahan.kantor.pegawai:
        potensi = bool(p.benturan_kepentingan and p.benturan_kepentingan.strip())
        diri = orang(p.nama, p.jabatan, p.nip)
        k = konteks_umum(bahan, baris, JENIS, tanggal, diri)
        k.update(
            pegawai={"nama": p.nama, "nip": p.nip, "pangkat": p.pangkat, "golongan": p.golongan,
                     "jabatan": p.jabatan, "unit": p.unit},
            atasan=atasan,
            uraian_benturan=(p.benturan_kepentingan or "").strip(),
        )
        varian = "potensi" if potensi else "bebas"
        judul = f"Surat Pernyataan {'Potensi' if potensi else 'Bebas'} BK - {p.nama} {p.nip}"
        hasil.append(Naskah(JENIS, f"surat_pernyataan_bk_{varian}.docx", baris.id, kejadian, tanggal, judul, k,
                            subjek=p.nip))
    return hasil
