"""`zi periksa`: check the plan and the office data, collecting every problem at once.

A secretariat admin fixes a file in one pass when shown all its problems, not the first.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from zi.buat import jadwal_baris, periksa_templat, rencanakan
from zi.galat import ZiError
from zi.naskah import WAJIB
from zi.render import jalur_templat
from zi.rencana import muat_kantor, muat_rencana


@dataclass
class Temuan:
    masalah: list[str] = field(default_factory=list)
    peringatan: list[str] = field(default_factory=list)
    info: list[str] = field(default_factory=list)
    tak_terbaca: int = 0  # plan rows whose target time cannot be read (bad input: exit 2)


def periksa(berkas_rencana: str | Path | None = None, folder_data: str | Path | None = None,
            folder_templat: str | Path | None = None) -> Temuan:
    """Every problem found in the plan and data (an unreadable file is one problem)."""
    t = Temuan()
    try:
        rencana = muat_rencana(berkas_rencana)
    except ZiError as e:
        t.masalah.append(str(e))
        rencana = None
    if rencana is not None:
        jumlah_kejadian = tanpa_naskah = 0
        for baris in rencana.baris:
            try:
                jb = jadwal_baris(rencana, baris)
            except ZiError as e:
                t.masalah.append(str(e))
                t.tak_terbaca += 1
                continue
            jumlah_kejadian += len(jb.jadwal.kejadian)
            tanpa_naskah += not jb.jenis
            t.peringatan.extend(f"{rencana.berkas}, baris {baris.id}: {p}" for p in jb.jadwal.peringatan)
            if "undangan_rapat" in jb.jenis and not (baris.rapat and baris.rapat.acara):  # H5
                t.peringatan.append(f"{rencana.berkas}, baris {baris.id}: rapat tanpa rapat.acara; acara dan Hal "
                                    "undangan diturunkan dari komponen (tulis rapat.acara)")
        t.info.append(f"{rencana.berkas}: {len(rencana.baris)} baris, {jumlah_kejadian} kejadian, "
                      f"{tanpa_naskah} baris tanpa naskah")
    try:
        kantor = muat_kantor(folder_data)
        t.info.append(f"{kantor.folder}: {len(kantor.pegawai)} pegawai, {len(kantor.tim)} tim")
        if rencana is not None:
            _periksa_tim(rencana, kantor, t)
            if t.masalah:
                t.peringatan.append("templat belum diperiksa: perbaiki dulu masalah rencana di atas")
            else:
                _periksa_templat(rencana, kantor, t, Path(folder_templat) if folder_templat else None)
                _periksa_templat_monev(rencana, kantor, t, Path(folder_templat) if folder_templat else None)
    except ZiError as e:
        t.masalah.append(str(e))
    return t


def _periksa_templat(rencana, kantor, t: Temuan, folder: Path | None) -> None:
    """Every template against the context its kind really gets (one sample document each)."""
    contoh: dict[str, object] = {}
    for n in rencanakan(rencana, kantor):
        contoh.setdefault(n.templat, n)
    for nama in sorted(WAJIB):
        if nama not in contoh:
            try:
                jalur_templat(nama, folder)
            except ZiError as e:
                t.masalah.append(str(e))
            continue
        try:
            periksa_templat([contoh[nama]], folder)
        except ZiError as e:
            t.masalah.append(str(e))
            continue
        t.info.append(f"templat {nama}: variabel cocok dengan konteks")


def _periksa_templat_monev(rencana, kantor, t: Temuan, folder: Path | None) -> None:
    """The period report's template against a sample context (an empty archive: no tracker)."""
    import datetime as dt
    import tempfile

    from zi.monev import TEMPLAT, konteks, naskah_laporan, rekap

    try:
        with tempfile.TemporaryDirectory(prefix="zi-periksa-") as kosong:
            tanggal = dt.date(rencana.tahun, 12, 31)
            rk = rekap(rencana, None, Path(kosong), tanggal)
        periksa_templat([naskah_laporan(rk, konteks(rk, rencana, kantor, tanggal), tanggal)], folder)
    except ZiError as e:
        t.masalah.append(str(e))
        return
    t.info.append(f"templat {TEMPLAT}: semua variabelnya tersedia di konteks laporan periode")


def _periksa_tim(rencana, kantor, t: Temuan) -> None:
    """A row that names a team (`tim`, `rapat.undangan`) must name one in tim.yaml."""
    for b in rencana.baris:
        for kunci, nilai in (("tim", b.tim), ("rapat.undangan", b.rapat.undangan if b.rapat else None)):
            if nilai and nilai != "semua" and nilai not in kantor.tim_per_id:
                t.masalah.append(f"{rencana.berkas}, baris {b.id}, kunci {kunci}: tim \"{nilai}\" tidak ada di tim.yaml")
