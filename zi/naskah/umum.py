"""What every document shares: the inputs, the document record, and the common context."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from zi.bahasa import romawi
from zi.galat import ZiError
from zi.jadwal import Jadwal, Kejadian
from zi.rencana import Baris, Kantor, Pegawai, Rencana, Tim
from zi.render_logo import Logo

TITIK = "......"  # a dotted blank the secretariat fills by hand
ISIAN = "[diisi]"


@dataclass(frozen=True)
class JadwalBaris:
    """A plan row with its reading of the target time and the documents it produces."""

    baris: Baris
    jadwal: Jadwal
    jenis: tuple[str, ...]

    def kejadian_dalam(self, bulan: str | None = None) -> list[Kejadian]:
        return [k for k in self.jadwal.kejadian if bulan is None or k.kode_bulan == bulan]


Pasangan = tuple[JadwalBaris, Kejadian]
"""A (row, occurrence) pair: what a builder turns into documents."""


@dataclass(frozen=True)
class Bahan:
    """Everything a context builder may read: the plan, its schedule, the office and
    (for reports that count what was archived) the archive root."""

    rencana: Rencana
    kantor: Kantor
    jadwal: tuple[JadwalBaris, ...] = ()  # every row's schedule (for reports spanning rows)
    akar: Path | None = None


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
    baris: tuple[str, ...] = ()  # every plan row it serves; () means (baris_id,)
    seri_nomor: str | None = None  # numbering series ("surat", "keputusan"); None: not numbered

    def __post_init__(self) -> None:
        if not self.baris and self.baris_id:
            object.__setattr__(self, "baris", (self.baris_id,))

    @property
    def area(self) -> str:
        """The plan's area (I–VI) of its first row; "" for a report of a whole period."""
        return self.baris_id.split(".")[0] if self.baris_id else ""

    @property
    def daftar_area(self) -> frozenset[str]:
        """Every area among the rows it serves (a merged meeting can span areas)."""
        return frozenset(b.split(".")[0] for b in self.baris)

    @property
    def kunci(self) -> str:
        """Stable identity of this document across runs (row, occurrence, kind, subject):
        a changed date or variant updates the same document rather than adding one."""
        k = self.kejadian
        hari = f"|{k.mulai.isoformat()}" if k.hari is not None and k.mulai == k.selesai else ""  # "setiap Senin dan Kamis"
        return f"{self.baris_id}|{k.kode_bulan}|{k.minggu or ''}{hari}|{self.jenis}|{self.subjek}"


def konteks_instansi(kantor: Kantor) -> dict[str, Any]:
    i = kantor.instansi
    return {"nama": i.nama, "nama_kapital": i.nama.upper(), "singkatan": i.singkatan, "kop": list(i.kop),
            "alamat": i.alamat, "kontak": i.kontak or "", "kota": i.kota, "logo": _logo(kantor)}


def _logo(kantor: Kantor) -> Logo | str:
    """The kop's logo (a `Logo`: its file name, and its path in the office folder, as
    `zi.rencana._cek_logo` resolves it), or "" for a text-only kop."""
    logo = kantor.instansi.logo
    return Logo(logo, Path(kantor.folder) / logo) if logo else ""


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


SERI_KEPUTUSAN = "keputusan"
SERI_SURAT = "surat"


def seri_nomor(kantor: Kantor, jenis: str) -> str | None:
    """The running-number series of a kind when numbering is on (`penomoran.aktif`): a
    Keputusan, a letter with a kode klasifikasi, or none (attendance sheets, minutes and
    statements carry no number)."""
    if not kantor.instansi.penomoran.aktif:
        return None
    if jenis == "sk_tim":
        return SERI_KEPUTUSAN
    return SERI_SURAT if kantor.instansi.penomoran.kode.get(jenis) else None


def pola_nomor(kantor: Kantor, jenis: str, tanggal: dt.date) -> str:
    """The number with every field of the office's pattern filled except `{nomor}`, the
    running number (filled from the registry, or a dotted blank)."""
    p = kantor.instansi.penomoran
    if jenis == "sk_tim":
        return p.pola_keputusan.format(nomor="{nomor}", kode="", satker=p.satker, bulan_romawi=romawi(tanggal.month),
                                       bulan=f"{tanggal.month:02d}", tahun=tanggal.year)
    kode = p.kode.get(jenis)
    if not kode:
        return TITIK * 3
    return p.pola.format(nomor="{nomor}", kode=kode, satker=p.satker, bulan_romawi=romawi(tanggal.month),
                         bulan=f"{tanggal.month:02d}", tahun=tanggal.year)


def nomor_surat(kantor: Kantor, jenis: str, tanggal: dt.date, urut: int | None = None) -> str:
    """The printed number: the pattern with the running number `urut`, or a dotted blank
    the TU desk fills by hand while numbering is off."""
    return pola_nomor(kantor, jenis, tanggal).replace("{nomor}", str(urut) if urut else TITIK)


def properti(baris: tuple[str, ...], tahun: int) -> dict[str, str]:
    """What goes into the document's core properties instead of the printed page."""
    return {"subjek": f"Rencana Aksi ZI {tahun}; baris {', '.join(baris)}", "baris": " ".join(baris)}


def konteks_umum(bahan: Bahan, baris: Baris, jenis: str, tanggal_surat: dt.date,
                 penandatangan: dict[str, str], semua_baris: tuple[str, ...] = ()) -> dict[str, Any]:
    """Keys every template may use (DESIGN §5 frame: kop, number, place-and-date, signer)."""
    return {
        "instansi": konteks_instansi(bahan.kantor),
        "nomor": nomor_surat(bahan.kantor, jenis, tanggal_surat),
        "tanggal_surat": tanggal_surat,
        "tanggal_ttd": tanggal_teks(tanggal_surat),
        "tahun": bahan.rencana.tahun,
        "baris": konteks_baris(bahan, baris),
        "penandatangan": {**penandatangan, "ttd": ""},
        "tembusan": list(bahan.kantor.instansi.tembusan.get(jenis, [])),
        "properti": properti(semua_baris or (baris.id,), bahan.rencana.tahun),
    }


def tanggal_teks(d: dt.date) -> str:
    from zi.bahasa import tanggal

    return tanggal(d)


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


def berkas_tim(kantor: Kantor) -> str:
    return f"{kantor.folder}/tim.yaml" if kantor.folder else "tim.yaml"


def pemegang_peran(bahan: Bahan, tim: Tim, *peran: str) -> dict[str, Any] | None:
    """The first member holding one of `peran` (tried in that order), or None."""
    anggota = anggota_tim(bahan, tim)
    for nama_peran in peran:
        for a in anggota:
            if a["peran"].lower() == nama_peran.lower():
                return a
    return None


def sama_orang(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """One person: same NIP, or (commissioners, who have none) the same name."""
    return bool(a.get("nip")) and a.get("nip") == b.get("nip") or (not a.get("nip") and a.get("nama") == b.get("nama"))


def atasan(kantor: Kantor, pegawai: Pegawai) -> dict[str, str]:
    """Who acknowledges an employee's statement: the `atasan` in pegawai.yaml, else the head
    ("Kepala ...") of the employee's unit, for a head the Sekretaris, for the Sekretaris the
    Ketua. Never the employee."""
    s = kantor.instansi.sekretaris
    if pegawai.atasan and pegawai.atasan in kantor.pegawai_per_nip and pegawai.atasan != pegawai.nip:
        a = kantor.pegawai_per_nip[pegawai.atasan]
        return orang(a.nama, a.jabatan, a.nip)
    if pegawai.nip == s.nip:
        return ketua(kantor)
    if not pegawai.jabatan.lower().startswith("kepala"):
        for p in kantor.pegawai:
            if p.unit == pegawai.unit and p.jabatan.lower().startswith("kepala") and p.nip != pegawai.nip:
                return orang(p.nama, p.jabatan, p.nip)
    return sekretaris(kantor)
