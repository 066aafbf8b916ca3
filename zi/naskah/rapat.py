"""The meeting trio: undangan rapat, daftar hadir and notulensi of one meeting.

The meeting is on the occurrence's event date (or the row's fixed `rapat.tanggal`); the
invitation is dated a configurable number of working days before it.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from zi.bahasa import pukul
from zi.galat import ZiError
from zi.jadwal import Kejadian
from zi.kalender import mundur_hari_kerja
from zi.kode import RAPAT
from zi.naskah.umum import Bahan, Naskah, anggota_tim, konteks_umum, orang, sekretaris, tim_baris
from zi.rencana import Baris, Tim



def _pukul(teks: str) -> dt.time:
    jam, menit = teks.replace(":", ".").split(".")
    return dt.time(int(jam), int(menit))


def fakta_rapat(bahan: Bahan, baris: Baris, kejadian: Kejadian) -> dict[str, Any]:
    """Date, time, place, agenda, invited team and participants of the row's meeting."""
    bawaan = bahan.kantor.instansi.rapat
    atur = baris.rapat
    tanggal = dt.date.fromisoformat(atur.tanggal) if atur and atur.tanggal else kejadian.tanggal()
    id_undangan = (atur.undangan if atur and atur.undangan else None) or baris.tim
    tim: Tim | None
    if id_undangan == "semua":
        tim = None
    elif id_undangan:
        if id_undangan not in bahan.kantor.tim_per_id:
            raise ZiError(f"tim \"{id_undangan}\" tidak ada di tim.yaml", bahan.rencana.berkas, f"baris {baris.id}")
        tim = bahan.kantor.tim_per_id[id_undangan]
    else:
        tim = tim_baris(bahan, baris, wajib=False)
        if tim is None and bawaan.undangan != "semua":
            tim = bahan.kantor.tim_per_id[bawaan.undangan]
    if tim is not None:
        peserta = anggota_tim(bahan, tim)
        kepada = [f"Anggota {tim.nama} {bahan.kantor.instansi.singkatan} (daftar terlampir)"]
    else:
        peserta = [{"no": i, "nama": p.nama, "nip": p.nip, "jabatan": p.jabatan}
                   for i, p in enumerate(bahan.kantor.pegawai, 1)]
        kepada = [f"Seluruh Pegawai Sekretariat {bahan.kantor.instansi.singkatan} (daftar terlampir)"]
    zona = _zona(bahan)
    return {
        "tanggal": tanggal,
        "pukul": pukul(_pukul(atur.pukul if atur and atur.pukul else bawaan.pukul), zona, tanggal),
        "tempat": (atur.tempat if atur and atur.tempat else None) or bawaan.tempat,
        "acara": baris.langkah_aksi,
        "tim": tim,
        "peserta": peserta,
        "kepada": kepada,
    }


def _zona(bahan: Bahan):
    from zoneinfo import ZoneInfo

    return ZoneInfo(bahan.kantor.instansi.zona_waktu)


def _notulis(bahan: Bahan, tim: Tim | None) -> dict[str, str]:
    """The team's secretary takes the minutes; else the first team's; else the first staff."""
    for t in ([tim] if tim else []) + list(bahan.kantor.tim):
        for a in t.anggota:
            if a.nip and a.peran.lower() == "sekretaris":
                p = bahan.kantor.pegawai_per_nip[a.nip]
                return orang(p.nama, p.jabatan, p.nip)
    p = bahan.kantor.pegawai[0]
    return orang(p.nama, p.jabatan, p.nip)


def naskah(bahan: Bahan, jb: Any, kejadian: Kejadian, jenis: tuple[str, ...] = RAPAT) -> list[Naskah]:
    baris = jb.baris
    rapat = fakta_rapat(bahan, baris, kejadian)
    tgl = rapat["tanggal"]
    inti = {k: rapat[k] for k in ("tanggal", "pukul", "tempat", "acara")}
    ttd = sekretaris(bahan.kantor)
    hasil = []
    if "undangan_rapat" in jenis:
        tanggal_surat = mundur_hari_kerja(tgl, bahan.kantor.instansi.rapat.hari_kerja_sebelum)
        k = konteks_umum(bahan, baris, "undangan_rapat", tanggal_surat, ttd)
        k.update(sifat="Biasa", lampiran="1 (satu) lembar", hal=f"Undangan Rapat {baris.komponen}",
                 kepada=rapat["kepada"], rapat=inti, peserta=rapat["peserta"])
        hasil.append(Naskah("undangan_rapat", "undangan_rapat.docx", baris.id, kejadian, tgl, "Undangan Rapat", k))
    if "daftar_hadir" in jenis:
        k = konteks_umum(bahan, baris, "daftar_hadir", tgl, ttd)
        k.update(rapat=inti, peserta=rapat["peserta"])
        hasil.append(Naskah("daftar_hadir", "daftar_hadir.docx", baris.id, kejadian, tgl, "Daftar Hadir", k))
    if "notulensi" in jenis:
        k = konteks_umum(bahan, baris, "notulensi", tgl, ttd)
        k.update(rapat=inti, peserta=rapat["peserta"], jumlah_peserta=len(rapat["peserta"]),
                 pimpinan_rapat={"nama": ttd["nama"], "jabatan": ttd["jabatan"]},
                 notulis=_notulis(bahan, rapat["tim"]), isian="[diisi oleh notulis]")
        hasil.append(Naskah("notulensi", "notulensi.docx", baris.id, kejadian, tgl, "Notulensi", k))
    return hasil
