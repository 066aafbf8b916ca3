"""SK Tim: the decree forming a team (Keputusan), with the team roster as its Lampiran."""

from __future__ import annotations

from typing import Any

from zi.bahasa import huruf_urut
from zi.jadwal import Kejadian
from zi.naskah.umum import Bahan, Naskah, anggota_tim, ketua, konteks_umum, tim_baris

JENIS = "sk_tim"


def naskah(bahan: Bahan, jb: Any, kejadian: Kejadian) -> list[Naskah]:
    baris = jb.baris
    tim = tim_baris(bahan, baris, wajib=True)
    assert tim is not None
    tanggal = kejadian.tanggal()
    instansi = bahan.kantor.instansi
    tahun = bahan.rencana.tahun
    tentang = f"PEMBENTUKAN {tim.nama} {instansi.nama} TAHUN {tahun}".upper()
    tugas = "; ".join(f"{huruf_urut(i)}. {t.rstrip(';.')}" for i, t in enumerate(tim.tugas, 1))
    k = konteks_umum(bahan, baris, JENIS, tanggal, ketua(bahan.kantor))
    k.update(
        tentang=tentang,
        tim={"nama": tim.nama, "nama_kapital": tim.nama.upper(), "tugas": list(tim.tugas),
             "anggota": anggota_tim(bahan, tim)},
        menimbang=[
            f"bahwa dalam rangka pembangunan Zona Integritas menuju Wilayah Bebas dari Korupsi dan "
            f"Wilayah Birokrasi Bersih dan Melayani di lingkungan {instansi.nama} Tahun {tahun}, "
            f"perlu dibentuk {tim.nama};",
            f"bahwa Rencana Aksi Pembangunan Zona Integritas {instansi.nama} Tahun {tahun} menetapkan "
            f"langkah aksi \"{baris.langkah_aksi.rstrip('.')}\" pada komponen {baris.komponen};",
            f"bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a dan huruf b, perlu "
            f"menetapkan Keputusan {instansi.nama} tentang Pembentukan {tim.nama} {instansi.nama} "
            f"Tahun {tahun};",
        ],
        mengingat=list(bahan.rencana.rencana.mengingat),
        diktum=[
            {"nomor": 1, "isi": f"Membentuk {tim.nama} {instansi.nama} Tahun {tahun} dengan susunan "
                                 f"keanggotaan sebagaimana tercantum dalam Lampiran yang merupakan bagian "
                                 f"tidak terpisahkan dari Keputusan ini."},
            {"nomor": 2, "isi": f"{tim.nama} sebagaimana dimaksud dalam Diktum KESATU bertugas: {tugas}."},
            {"nomor": 3, "isi": f"Dalam melaksanakan tugasnya, {tim.nama} bertanggung jawab kepada Ketua "
                                 f"{instansi.nama}."},
            {"nomor": 4, "isi": "Segala biaya yang timbul akibat ditetapkannya Keputusan ini dibebankan "
                                 f"pada Daftar Isian Pelaksanaan Anggaran Sekretariat {instansi.nama} "
                                 f"Tahun Anggaran {tahun}."},
            {"nomor": 5, "isi": "Keputusan ini mulai berlaku pada tanggal ditetapkan."},
        ],
    )
    return [Naskah(JENIS, "sk_tim.docx", baris.id, kejadian, tanggal, f"SK {tim.nama}", k, subjek=tim.id)]
