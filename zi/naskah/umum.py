"""What every document shares: the inputs, the document record, and the common context."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from zi.bahasa import romawi
from zi.galat import ZiError
from zi.jadwal import Kejadian
from zi.rencana import Baris, Kantor, Pegawai, Rencana, Tim

TITIK = "......"  # a dotted blank the secretariat fills by hand
ISIAN = "[diisi]"


@dataclass(frozen=True)
class Bahan:
    """Everything a context builder may read: the plan, its schedule and the office."""

    rencana: Rencana
    kantor: Kantor
    jadwal: tuple[Any, ...] = ()  # JadwalBaris of every row (for reports spanning rows)


@dataclass(frozen=True)
class Naskah:
    """One document to produce: which template, filled with what, filed where."""

    jenis: str
    templat: str  # file name in templates_docx/
    baris_id: str
    kejadian: Kejadian
    tanggal: dt.date  # the event date: decides the archive month
    judul: str  # the readable part of the file name
    konteks: dict[str, Any] = field(hash=False, compare=False)
    subjek: str = ""  # who/what among several documents of one kind (a NIP, a team id)

    @property
    def area(self) -> str:
        """The plan's area (I–VI): the first part of the row id."""
        return self.baris_id.split(".")[0]

    @property
    def kunci(self) -> str:
        """Stable identity of this document across runs (row, occurrence, kind, subject):
        a changed date or variant updates the same document rather than adding one."""
        return f"{self.baris_id}|{self.kejadian.kode_bulan}|{self.kejadian.minggu or ''}|{self.jenis}|{self.subjek}"


def konteks_instansi(kantor: Kantor) -> dict[str, Any]:
    i = kantor.instansi
    return {"nama": i.nama, "nama_kapital": i.nama.upper(), "singkatan": i.singkatan, "kop": list(i.kop),
            "alamat": i.alamat, "kontak": i.kontak or "", "kota": i.kota}


def konteks_baris(bahan: Bahan, baris: Baris) -> dict[str, Any]:
    return {"id": baris.id, "area": baris.area, "area_judul": bahan.rencana.area[baris.area],
            "komponen": baris.komponen, "indikator": baris.indikator, "langkah_aksi": baris.langkah_aksi,
            "bukti_fisik": baris.bukti_fisik, "target_waktu": baris.target_waktu}


def orang(nama: str, jabatan: str, nip: str | None = None) -> dict[str, str]:
    return {"nama": nama, "jabatan": jabatan, "nip": nip or ""}


def ketua(kantor: Kantor) -> dict[str, str]:
    k = kantor.instansi.ketua
    return orang(k.nama, k.jabatan, k.nip)


def sekretaris(kantor: Kantor) -> dict[str, str]:
    s = kantor.instansi.sekretaris
    return orang(s.nama, s.jabatan, s.nip)


def nomor_surat(kantor: Kantor, jenis: str, tanggal: dt.date) -> str:
    """The letter number: the sequence left as a dotted blank (drafts are numbered by the
    TU desk); the rest of the configured pattern filled in when a code for `jenis` exists."""
    p = kantor.instansi.penomoran
    kode = p.kode.get(jenis)
    if not kode:
        return TITIK * 3
    return p.pola.format(nomor=TITIK, kode=kode, satker=p.satker, bulan_romawi=romawi(tanggal.month),
                         bulan=f"{tanggal.month:02d}", tahun=tanggal.year)


def konteks_umum(bahan: Bahan, baris: Baris, jenis: str, tanggal_surat: dt.date,
                 penandatangan: dict[str, str]) -> dict[str, Any]:
    """Keys every template may use (DESIGN §5 frame: kop, number, place-and-date, signer)."""
    return {
        "instansi": konteks_instansi(bahan.kantor),
        "nomor": nomor_surat(bahan.kantor, jenis, tanggal_surat),
        "tanggal_surat": tanggal_surat,
        "tahun": bahan.rencana.tahun,
        "baris": konteks_baris(bahan, baris),
        "penandatangan": penandatangan,
        "tembusan": list(bahan.kantor.instansi.tembusan.get(jenis, [])),
    }


def tim_baris(bahan: Bahan, baris: Baris, wajib: bool) -> Tim | None:
    """The team a row is about: its `tim` key, else a team whose name or alias the row's
    text mentions (longest match wins), else None (or an error when `wajib`)."""
    tim = bahan.kantor.tim_per_id
    if baris.tim:
        if baris.tim not in tim:
            raise ZiError(f"tim \"{baris.tim}\" tidak ada di tim.yaml", bahan.rencana.berkas, f"baris {baris.id}, kunci tim")
        return tim[baris.tim]
    teks = f"{baris.bukti_fisik} {baris.langkah_aksi} {baris.indikator}".lower()
    cocok = [(len(a), t) for t in bahan.kantor.tim for a in (t.nama, *t.alias) if a.lower() in teks]
    if cocok:
        return max(cocok, key=lambda x: x[0])[1]
    if wajib:
        raise ZiError("tidak jelas tim mana yang dimaksud; isi kunci `tim` dengan id dari tim.yaml",
                      bahan.rencana.berkas, f"baris {baris.id}")
    return None


def anggota_tim(bahan: Bahan, tim: Tim) -> list[dict[str, Any]]:
    """Members in roster order with name, NIP (blank for commissioners), post and role."""
    hasil = []
    komisioner = {k.nama: k for k in bahan.kantor.instansi.komisioner}
    for no, a in enumerate(tim.anggota, 1):
        if a.nip:
            p: Pegawai = bahan.kantor.pegawai_per_nip[a.nip]
            hasil.append({"no": no, "nama": p.nama, "nip": p.nip, "jabatan": p.jabatan, "peran": a.peran})
        else:
            k = komisioner.get(a.nama or "")
            jabatan = f"{k.jabatan} {bahan.kantor.instansi.singkatan}" if k else "Komisioner"
            hasil.append({"no": no, "nama": a.nama, "nip": "", "jabatan": jabatan, "peran": a.peran})
    return hasil
