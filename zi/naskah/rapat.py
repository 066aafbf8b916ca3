"""The meeting trio (undangan rapat, daftar hadir, notulensi) and the apel attendance sheet.

The plan's meeting rows that fall on one day for overlapping invitees are one meeting with a
numbered agenda (an item per row); separate meetings of one day take the office's next time
slot or room. Invitees, pimpinan rapat and notulis come from the roles in tim.yaml; nobody
invites themselves. A team meets no earlier than the SK that forms it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from zi.bahasa import pukul
from zi.galat import ZiError
from zi.jadwal import Kejadian
from zi.kalender import hari_dalam, hari_kerja, hari_kerja_berikut, mundur_hari_kerja
from zi.naskah.kata import Kata, huruf_judul, isi, muat_kata
from zi.naskah.umum import (Bahan, Naskah, Pasangan, anggota_tim, berkas_tim, konteks_umum, orang,
                            pemegang_peran, sama_orang, sekretaris, seri_nomor, tim_baris, pola_nomor)
from zi.periode import Periode
from zi.rencana import Baris, Tim

SEMUA = "semua"
ISIAN_NOTULIS = "[diisi oleh notulis]"
JUMLAH_TAMU = 5  # blank rows for guests at the foot of a daftar hadir


@dataclass(frozen=True)
class Agenda:
    """One row's item on a meeting's agenda."""

    baris: Baris
    kejadian: Kejadian
    acara: str
    tim: Tim | None  # the team the row invites; None: all staff


@dataclass(frozen=True)
class Pertemuan:
    """One meeting: its slot, agenda and people."""

    tanggal: dt.date
    pukul: str
    tempat: str
    agenda: tuple[Agenda, ...]
    nama: str  # "Tim Pembangunan ZI", "Seluruh Pegawai": names the files
    kepada: tuple[str, ...]
    peserta: tuple[dict[str, Any], ...]
    pimpinan: dict[str, Any]
    notulis: dict[str, Any]

    @property
    def baris(self) -> tuple[str, ...]:
        return tuple(a.baris.id for a in self.agenda)


# --------------------------------------------------------------------------- who and when

def tim_rapat(bahan: Bahan, baris: Baris) -> Tim | None:
    """The team a meeting row invites: `rapat.undangan`, else the row's team, else the
    office default (`instansi.rapat.undangan`); None means all staff."""
    atur = baris.rapat
    pilihan = (atur.undangan if atur else None) or baris.tim
    if pilihan == SEMUA:
        return None
    if pilihan:
        if pilihan not in bahan.kantor.tim_per_id:
            raise ZiError(f"tim \"{pilihan}\" tidak ada di tim.yaml", bahan.rencana.berkas,
                          f"baris {baris.id}, kunci rapat.undangan")
        return bahan.kantor.tim_per_id[pilihan]
    tim = tim_baris(bahan, baris, wajib=False)
    bawaan = bahan.kantor.instansi.rapat.undangan
    if tim is None and bawaan != SEMUA:
        tim = bahan.kantor.tim_per_id[bawaan]
    return tim


def tanggal_sk(bahan: Bahan) -> dict[tuple[str, int], dt.date]:
    """(team id, year) → the date of the SK forming it: its first occurrence that year."""
    hasil: dict[tuple[str, int], dt.date] = {}
    for jb in bahan.jadwal:
        if "sk_tim" not in jb.jenis:
            continue
        tim = tim_baris(bahan, jb.baris, wajib=True)
        assert tim is not None
        for k in jb.jadwal.kejadian:
            d = k.tanggal()
            kunci = (tim.id, d.year)
            hasil[kunci] = min(hasil.get(kunci, d), d)
    return hasil


def _acara(bahan: Bahan, kata: Kata, baris: Baris, kejadian: Kejadian, tanggal: dt.date) -> str:
    """The agenda item: the row's `rapat.acara` (it may name the period), else a derivation
    from the component, never the langkah aksi pasted."""
    bulan = Periode.bulan_dari(tanggal.year, tanggal.month)
    nilai = {"instansi": bahan.kantor.instansi.nama, "tahun": tanggal.year, "komponen": baris.komponen,
             "area": bahan.rencana.area[baris.area], "bulan": bulan.label,
             "triwulan": Periode.triwulan_dari(tanggal).label,
             "semester": Periode(tanggal.year, "semester", 1 if tanggal.month <= 6 else 2).label}
    if baris.rapat and baris.rapat.acara:
        return isi(baris.rapat.acara, nilai, bahan.rencana.berkas, f"rapat.acara (baris {baris.id})")
    return huruf_judul(isi(kata.rapat.acara_bawaan, nilai, kata.berkas, "rapat.acara_bawaan"))


def _agenda(bahan: Bahan, kata: Kata, pasangan: list[Pasangan]) -> list[tuple[dt.date, Agenda]]:
    """Each meeting row's occurrence with its date, moved to its team's SK date when earlier."""
    sk = tanggal_sk(bahan)
    hasil = []
    for jb, k in pasangan:
        if jb.baris.rapat and jb.baris.rapat.bentuk == "apel":
            continue
        tim = tim_rapat(bahan, jb.baris)
        d = k.tanggal()
        if tim is not None and (tim.id, d.year) in sk and d < sk[(tim.id, d.year)]:
            d = sk[(tim.id, d.year)]
        hasil.append((d, Agenda(jb.baris, k, _acara(bahan, kata, jb.baris, k, d), tim)))
    return hasil


def _undangan(bahan: Bahan, tim: Tim | None, penanda: dict[str, str]) -> list[dict[str, Any]]:
    """Who is invited for one row: the team (with its Pengarah/commissioners) or all staff,
    never the signatory."""
    if tim is not None:
        orang_ = anggota_tim(bahan, tim)
    else:
        orang_ = [{"nama": p.nama, "nip": p.nip, "jabatan": p.jabatan, "peran": ""} for p in bahan.kantor.pegawai]
    return [o for o in orang_ if not sama_orang(o, penanda)]


def _gabung(daftar: list[list[dict[str, Any]]]) -> list[dict[str, Any]]:
    hasil: list[dict[str, Any]] = []
    for orang_ in daftar:
        for o in orang_:
            if not any(sama_orang(o, x) for x in hasil):
                hasil.append(o)
    return [{**o, "no": i} for i, o in enumerate(hasil, 1)]


def _kelompok(bahan: Bahan, agenda: list[Agenda], penanda: dict[str, str]) -> list[list[Agenda]]:
    """One day's agenda items grouped into meetings: items whose invitees overlap (directly
    or through another item) are one meeting."""
    kelompok: list[tuple[list[Agenda], list[dict[str, Any]]]] = []
    for a in agenda:
        orang_ = _undangan(bahan, a.tim, penanda)
        sentuh = [g for g in kelompok if any(sama_orang(o, x) for o in orang_ for x in g[1])]
        baru = ([x for g in sentuh for x in g[0]] + [a], [x for g in sentuh for x in g[1]] + orang_)
        kelompok = [g for g in kelompok if g not in sentuh] + [baru]
    return sorted((g[0] for g in kelompok), key=lambda g: min(_urut(bahan, a.baris) for a in g))


def _urut(bahan: Bahan, baris: Baris) -> int:
    return bahan.rencana.baris.index(baris)


def pertemuan(bahan: Bahan, pasangan: list[Pasangan]) -> list[Pertemuan]:
    """Every meeting the plan's meeting rows make, in date order."""
    kata = muat_kata(bahan.kantor.folder or None)
    penanda = sekretaris(bahan.kantor)
    per_hari: dict[dt.date, list[Agenda]] = {}
    for d, a in _agenda(bahan, kata, pasangan):
        per_hari.setdefault(d, []).append(a)
    hasil = []
    for d in sorted(per_hari):
        for ke, kelompok in enumerate(_kelompok(bahan, per_hari[d], penanda)):
            kelompok.sort(key=lambda a: _urut(bahan, a.baris))
            hasil.append(_satu_pertemuan(bahan, kata, d, ke, tuple(kelompok), penanda))
    return hasil


def _sesi(bahan: Bahan, ke: int, baris: Baris) -> tuple[str, str]:
    """Time and room of the day's `ke`-th separate meeting (the row's own override wins)."""
    bawaan = bahan.kantor.instansi.rapat
    jam, tempat = bawaan.pukul, bawaan.tempat
    if ke > 0 and bawaan.sesi:
        s = bawaan.sesi[min(ke, len(bawaan.sesi)) - 1]
        jam, tempat = s.pukul, s.tempat or tempat
    atur = baris.rapat
    return (atur.pukul if atur and atur.pukul else jam), (atur.tempat if atur and atur.tempat else tempat)


def _satu_pertemuan(bahan: Bahan, kata: Kata, d: dt.date, ke: int, agenda: tuple[Agenda, ...],
                    penanda: dict[str, str]) -> Pertemuan:
    tim = [a.tim for a in agenda]
    tim_unik = list(dict.fromkeys(t.id for t in tim if t is not None))
    semua = any(t is None for t in tim)
    utama = bahan.kantor.tim_per_id[tim_unik[0]] if tim_unik else None
    instansi = bahan.kantor.instansi
    kepada = [isi(kata.rapat.kepada_tim, {"tim": bahan.kantor.tim_per_id[t].nama, "instansi": instansi.singkatan},
                  kata.berkas, "rapat.kepada_tim") for t in tim_unik]
    if semua:
        kepada.append(isi(kata.rapat.kepada_semua, {"tim": "", "instansi": instansi.singkatan},
                          kata.berkas, "rapat.kepada_semua"))
    peserta = _gabung([_undangan(bahan, bahan.kantor.tim_per_id[t], penanda) for t in tim_unik]
                      + ([_undangan(bahan, None, penanda)] if semua else []))
    jam, tempat = _sesi(bahan, ke, agenda[0].baris)
    nama = (utama.alias[0] if utama.alias else utama.nama) if utama else kata.rapat.nama_rapat_semua
    return Pertemuan(d, jam, tempat, agenda, nama, tuple(kepada), tuple(peserta),
                     _pimpinan(bahan, utama, penanda), _notulis(bahan, utama))


def _pimpinan(bahan: Bahan, tim: Tim | None, penanda: dict[str, str]) -> dict[str, Any]:
    """The team's Ketua, else its Penanggung Jawab; a meeting of all staff is chaired by
    the signatory (the Sekretaris)."""
    if tim is None:
        return dict(penanda)
    p = pemegang_peran(bahan, tim, "Ketua", "Penanggung Jawab")
    if p is None:
        raise ZiError("tim tidak punya anggota berperan Ketua atau Penanggung Jawab untuk memimpin rapat",
                      berkas_tim(bahan.kantor), f"tim {tim.id}")
    return p


def _notulis(bahan: Bahan, tim: Tim | None) -> dict[str, Any]:
    """The team's Sekretaris takes the minutes; else the first team's; else the first staff."""
    for t in ([tim] if tim else []) + list(bahan.kantor.tim):
        s = pemegang_peran(bahan, t, "Sekretaris")
        if s is not None:
            return s
    p = bahan.kantor.pegawai[0]
    return orang(p.nama, p.jabatan, p.nip)


# --------------------------------------------------------------------------- documents

def _tanggal_undangan(bahan: Bahan, r: Pertemuan) -> dt.date:
    """The invitation goes out `hari_kerja_sebelum` working days before, but not before the
    team's SK nor before the plan's year."""
    d = mundur_hari_kerja(r.tanggal, bahan.kantor.instansi.rapat.hari_kerja_sebelum)
    batas = [hari_kerja_berikut(dt.date(r.tanggal.year, 1, 1))]
    sk = tanggal_sk(bahan)
    batas += [sk[(a.tim.id, r.tanggal.year)] for a in r.agenda if a.tim and (a.tim.id, r.tanggal.year) in sk]
    return min(max([d, *batas]), r.tanggal)


def _inti(bahan: Bahan, r: Pertemuan) -> dict[str, Any]:
    zona = _zona(bahan)
    jam, menit = r.pukul.replace(":", ".").split(".")
    return {"tanggal": r.tanggal, "pukul": pukul(dt.time(int(jam), int(menit)), zona, r.tanggal),
            "tempat": r.tempat, "acara": [a.acara for a in r.agenda], "nama": r.nama,
            "agenda": [{"no": i, "acara": a.acara} for i, a in enumerate(r.agenda, 1)]}


def _zona(bahan: Bahan):
    from zoneinfo import ZoneInfo

    return ZoneInfo(bahan.kantor.instansi.zona_waktu)


def _naskah(bahan: Bahan, r: Pertemuan, jenis: str, templat: str, judul: str, tanggal_surat: dt.date,
            penanda: dict[str, str], **tambahan: Any) -> Naskah:
    a0 = r.agenda[0]
    k = konteks_umum(bahan, a0.baris, jenis, tanggal_surat, penanda, r.baris)
    k.update(rapat=_inti(bahan, r), peserta=list(r.peserta), **tambahan)
    seri = seri_nomor(bahan.kantor, jenis)
    if seri:
        k["pola_nomor"] = pola_nomor(bahan.kantor, jenis, tanggal_surat)
    return Naskah(jenis, templat, a0.baris.id, a0.kejadian, r.tanggal, f"{judul} {r.nama}", k,
                  baris=r.baris, seri_nomor=seri)


def undangan(bahan: Bahan, pasangan: list[Pasangan]) -> list[Naskah]:
    """Builder: one invitation per meeting, with the agenda numbered and a list of invitees."""
    kata = muat_kata(bahan.kantor.folder or None)
    penanda = sekretaris(bahan.kantor)
    hasil = []
    for r in pertemuan(bahan, pasangan):
        nilai = {"instansi": bahan.kantor.instansi.nama, "tahun": r.tanggal.year, "acara": r.agenda[0].acara,
                 "jumlah_acara": len(r.agenda), "tim": r.nama}
        hal = (isi(kata.rapat.hal_satu, nilai, kata.berkas, "rapat.hal_satu") if len(r.agenda) == 1
               else isi(kata.rapat.hal_banyak, nilai, kata.berkas, "rapat.hal_banyak"))
        lembar = -(-len(r.peserta) // 25)
        hasil.append(_naskah(
            bahan, r, "undangan_rapat", "undangan_rapat.docx", "Undangan Rapat", _tanggal_undangan(bahan, r), penanda,
            sifat="Biasa", lampiran=f"{lembar} ({_terbilang(lembar)}) lembar", hal=huruf_judul(hal),
            kepada=list(r.kepada),
            pembuka=isi(kata.rapat.pembuka, nilai, kata.berkas, "rapat.pembuka"),
            penutup=isi(kata.rapat.penutup, nilai, kata.berkas, "rapat.penutup")))
    return hasil


def _terbilang(n: int) -> str:
    from zi.bahasa import terbilang

    return terbilang(n)


def daftar_hadir(bahan: Bahan, pasangan: list[Pasangan]) -> list[Naskah]:
    """Builder: one attendance sheet per meeting (blank rows for guests), and for an apel row
    the month's apel sheet."""
    penanda = sekretaris(bahan.kantor)
    hasil = []
    for r in pertemuan(bahan, pasangan):
        n0 = len(r.peserta)
        hasil.append(_naskah(bahan, r, "daftar_hadir", "daftar_hadir.docx", "Daftar Hadir Rapat", r.tanggal,
                             r.pimpinan, tamu=list(range(n0 + 1, n0 + JUMLAH_TAMU + 1)),
                             pimpinan_rapat=r.pimpinan))
    hasil += [n for jb, k in pasangan if jb.baris.rapat and jb.baris.rapat.bentuk == "apel"
              for n in _apel(bahan, jb.baris, k)]
    return hasil


def notulensi(bahan: Bahan, pasangan: list[Pasangan]) -> list[Naskah]:
    """Builder: the minutes' frame, a section per agenda item; the discussion is the notulis's."""
    penanda = sekretaris(bahan.kantor)
    return [_naskah(bahan, r, "notulensi", "notulensi.docx", "Notulensi Rapat", r.tanggal, penanda,
                    jumlah_peserta=len(r.peserta), pimpinan_rapat=r.pimpinan, notulis=r.notulis,
                    isian=ISIAN_NOTULIS)
            for r in pertemuan(bahan, pasangan)]


# --------------------------------------------------------------------------- apel

def hari_apel(bahan: Bahan, kejadian: Kejadian, hari: int) -> list[dt.date]:
    """The working days with weekday `hari` in the occurrence's window: a month's apel days,
    or the one day of a weekday phrase ("setiap hari Senin")."""
    return [d for d in hari_dalam(kejadian.mulai, kejadian.selesai, {hari}) if hari_kerja(d)]


def _apel(bahan: Bahan, baris: Baris, kejadian: Kejadian) -> list[Naskah]:
    """The month's Daftar Hadir Apel: a sheet per apel day, every employee, the pembina
    taking turns among the office's leaders (commissioners, then the Sekretaris)."""
    hari = getattr(kejadian, "hari", None)
    hari = 0 if hari is None else hari  # an apel row without a weekday: Mondays
    tanggal = hari_apel(bahan, kejadian, hari)
    if not tanggal:
        return []
    instansi = bahan.kantor.instansi
    pimpinan = [orang(k.nama, f"{k.jabatan} {instansi.singkatan}") for k in instansi.komisioner]
    pimpinan.append(sekretaris(bahan.kantor))
    urutan = {d: i for i, d in enumerate(d for m in range(1, 13)
                                        for d in hari_apel(bahan, Kejadian(kejadian.tahun, m), hari))}
    apel = [{"tanggal": d, "pembina": pimpinan[urutan.get(d, 0) % len(pimpinan)]} for d in tanggal]
    peserta = [{"no": i, "nama": p.nama, "nip": p.nip, "jabatan": p.jabatan}
               for i, p in enumerate(bahan.kantor.pegawai, 1)]
    zona = _zona(bahan)
    jam, menit = instansi.rapat.apel_pukul.replace(":", ".").split(".")
    k = konteks_umum(bahan, baris, "daftar_hadir", tanggal[0], sekretaris(bahan.kantor))
    k.update(apel=apel, peserta=peserta, tempat=instansi.rapat.apel_tempat,
             pukul=pukul(dt.time(int(jam), int(menit)), zona, tanggal[0]),
             bulan=Periode.bulan_dari(kejadian.tahun, kejadian.bulan).label)
    return [Naskah("daftar_hadir", "daftar_hadir_apel.docx", baris.id, kejadian, tanggal[0], "Daftar Hadir Apel",
                   k, subjek="apel")]
