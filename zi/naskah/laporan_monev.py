"""Laporan monev of one row's occurrence: what the row's component delivered since the
previous report of that row, read from the realisasi tracker and the archive.

Dated at the occurrence's due date (`tenggat`). The table covers every occurrence of the
row's component (same area and komponen) due in the span the report looks back on, plus
earlier ones still open; where the tracker is missing or silent an item reads "belum
dilaporkan". Topical facts the office already has: a conflict-of-interest monev lists the
statements in the archive and the conflicts declared in pegawai.yaml; a report about a team
lists its SK and its meetings. The sentences live in the template.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from zi.bahasa import bulan_tahun
from zi.jadwal import Kejadian
from zi.naskah.umum import Bahan, JadwalBaris, Naskah, Pasangan, konteks_umum, sekretaris, tim_baris
from zi.rencana import Baris, Tim

JENIS = "laporan_monev"
TEMPLAT = "laporan_monev.docx"
JUDUL = "Laporan Monev"  # the readable part of its file name (zi.arsip.tata)
BELUM_DILAPORKAN = "belum dilaporkan"
ISIAN = "[dilengkapi oleh Tim Pembangunan Zona Integritas]"


@dataclass(frozen=True)
class _Arsip:
    """What the builder reads once per call: tracker entries, evidence, registry rows."""

    bacaan: Any  # zi.realisasi.Bacaan
    bukti: dict[tuple[str, str], list[Any]]
    catatan: list[Any]  # zi.arsip.registri.Catatan


def _baca_arsip(bahan: Bahan, butir: list[Any]) -> _Arsip:
    from zi.realisasi import Bacaan, baca_realisasi, cari_bukti, jalur_realisasi

    akar = bahan.akar
    if akar is None or not Path(akar).is_dir():
        return _Arsip(Bacaan(Path(f"realisasi-{bahan.rencana.tahun}.xlsx"), False), {}, [])
    from zi.arsip.registri import Registri

    with Registri.buka(akar, tulis=False) as reg:
        catatan = reg.semua()
    return _Arsip(baca_realisasi(jalur_realisasi(akar, bahan.rencana.tahun)),
                  cari_bukti(akar, [b.kunci for b in butir], frozenset({JENIS}), (JUDUL,)),
                  [c for c in catatan if c.jenis != "laporan_monev"])


def naskah(bahan: Bahan, pasangan: list[Pasangan]) -> list[Naskah]:
    """Builder (see the kinds table): one call with every (row, occurrence) of the kind."""
    from zi.realisasi import butir_rencana

    semua = [b for b in butir_rencana(bahan.rencana) if not b.di_luar_tahun]
    arsip = _baca_arsip(bahan, semua)
    return [_satu(bahan, jb, k, semua, arsip) for jb, k in pasangan]


def _rentang(jb: JadwalBaris, kejadian: Kejadian, tahun: int) -> tuple[dt.date, dt.date]:
    """The span a report looks back on: from the day after the row's previous due date
    (or the plan year's first day) to this occurrence's due date."""
    from zi.realisasi import tenggat

    akhir = tenggat(kejadian)
    sebelum = [tenggat(k) for k in jb.jadwal.kejadian if tenggat(k) < akhir and tenggat(k).year == tahun]
    return (max(sebelum) + dt.timedelta(days=1) if sebelum else dt.date(tahun, 1, 1)), akhir


def _pemantauan(baris: Baris, kejadian: Kejadian, semua: list[Any], arsip: _Arsip,
                mulai: dt.date, akhir: dt.date) -> list[Any]:
    """The component's occurrences due in the span (or earlier and still open), judged on
    the report's date; the report's own occurrence is this document, not an item."""
    from zi.realisasi import nilai_kegiatan

    hasil = []
    for b in semua:
        if b.area != baris.area or b.komponen != baris.komponen or b.tenggat > akhir:
            continue
        if b.kunci == (baris.id, kejadian.kode_bulan):
            continue
        k = nilai_kegiatan(b, arsip.bacaan, arsip.bukti.get(b.kunci, []), akhir=akhir, batas=akhir,
                           dalam=b.tenggat >= mulai)
        if k.dalam_periode or not k.selesai:
            hasil.append(k)
    return hasil


def _baris_tabel(k: Any) -> dict[str, Any]:
    from zi.realisasi import ASAL_STAF

    nama = [Path(x.path).name + (" (berkas staf)" if x.asal == ASAL_STAF else "") for x in k.bukti_arsip]
    if k.bukti_lain:
        nama.append(k.bukti_lain)
    return {"id": k.butir.id, "bulan": k.butir.bulan, "komponen": k.butir.komponen,
            "langkah_aksi": k.butir.langkah_aksi, "tenggat": k.butir.tenggat,
            "status": k.status if k.dilaporkan else BELUM_DILAPORKAN,
            "tanggal_selesai": k.tanggal_selesai.strftime("%d-%m-%Y") if k.selesai and k.tanggal_selesai else "-",
            "bukti": "; ".join(nama) or "-", "terlambat": k.terlambat, "selesai": k.selesai,
            "tunggakan": not k.dalam_periode}


def _ringkasan(daftar: list[Any]) -> dict[str, int]:
    return {"jumlah": len(daftar), "selesai": sum(k.selesai for k in daftar),
            "proses": sum(k.dilaporkan and k.status == "proses" for k in daftar),
            "belum_dilaporkan": sum(not k.dilaporkan for k in daftar),
            "terlambat": sum(k.terlambat is not None for k in daftar)}


def _keadaan(arsip: _Arsip) -> str:
    if not arsip.bacaan.ada:
        return "tidak_ada"
    return "terisi" if arsip.bacaan.terbaca else "tak_terbaca"


def _benturan(bahan: Bahan, baris: Baris, arsip: _Arsip, akhir: dt.date) -> dict[str, Any] | None:
    """For a conflict-of-interest row: statements in the archive up to the report's date,
    and every conflict declared in pegawai.yaml with its handling (blank when not recorded)."""
    if "benturan kepentingan" not in f"{baris.komponen} {baris.indikator}".lower():
        return None
    pegawai = bahan.kantor.pegawai_per_nip
    pernyataan = {}
    for c in arsip.catatan:
        nip = c.kunci.rsplit("|", 1)[-1]  # the subject part of Naskah.kunci: the employee's NIP
        if c.jenis == "surat_pernyataan_bk" and c.tanggal <= akhir.isoformat() and nip in pegawai:
            pernyataan[nip] = c
    daftar = [{"nama": pegawai[n].nama, "nip": n, "tanggal": dt.date.fromisoformat(c.tanggal),
               "varian": "potensi" if pegawai[n].benturan_kepentingan else "bebas"}
              for n, c in sorted(pernyataan.items(), key=lambda x: (x[1].tanggal, pegawai[x[0]].nama))]
    dinyatakan = [{"nama": p.nama, "jabatan": p.jabatan, "uraian": p.benturan_kepentingan,
                   "penanganan": getattr(p, "penanganan_benturan", None) or ""}
                  for p in bahan.kantor.pegawai if p.benturan_kepentingan]
    return {"pernyataan": daftar, "jumlah_pegawai": len(bahan.kantor.pegawai),
            "bebas": sum(d["varian"] == "bebas" for d in daftar),
            "potensi": sum(d["varian"] == "potensi" for d in daftar), "dinyatakan": dinyatakan}


def _tim(bahan: Bahan, baris: Baris, arsip: _Arsip, mulai: dt.date, akhir: dt.date) -> dict[str, Any] | None:
    """For a row about a team: the team's SK in the archive and the meetings of its rows
    within the span (with whether their minutes exist and were filled in)."""
    from zi.arsip.kebijakan import keadaan

    tim = _tim_baris(bahan, baris)
    if tim is None or bahan.akar is None:
        return None
    milik = {b.id for b in bahan.rencana.baris if _tim_baris(bahan, b) == tim}
    sk = [{"tanggal": dt.date.fromisoformat(c.tanggal), "berkas": Path(c.path).name} for c in arsip.catatan
          if c.jenis == "sk_tim" and c.kunci.rsplit("|", 1)[-1] == tim.id and c.tanggal <= akhir.isoformat()]
    notulen = {c.tanggal: keadaan(bahan.akar, c) for c in arsip.catatan
               if c.jenis == "notulensi" and set(c.baris) & milik}
    rapat = [{"tanggal": dt.date.fromisoformat(c.tanggal), "baris": ", ".join(c.baris), "berkas": Path(c.path).name,
              "notulen": {"asli": "draf", "disunting": "sudah diisi"}.get(notulen.get(c.tanggal, ""), "tidak ada")}
             for c in arsip.catatan if c.jenis == "undangan_rapat" and set(c.baris) & milik
             and mulai.isoformat() <= c.tanggal <= akhir.isoformat()]
    return {"nama": tim.nama, "sk": sorted(sk, key=lambda x: x["tanggal"]),
            "rapat": sorted(rapat, key=lambda x: x["tanggal"])}


def _tim_baris(bahan: Bahan, baris: Baris) -> Tim | None:
    """The team a row is about: named in the row (`tim`, its text) or invited to its meetings."""
    tim = tim_baris(bahan, baris, wajib=False)
    if tim is None and baris.rapat is not None and baris.rapat.undangan:
        tim = bahan.kantor.tim_per_id.get(baris.rapat.undangan)
    return tim


def _dasar(bahan: Bahan) -> list[str]:
    """The legal basis: the plan's own citations of the ZI regulations (its `mengingat`)."""
    return [m.rstrip(";") for m in bahan.rencana.rencana.mengingat if "Zona Integritas" in m]


def _label_periode(kejadian: Kejadian, akhir: dt.date) -> str:
    """"TRIWULAN I TAHUN 2026" when the occurrence is a whole quarter, semester or year;
    otherwise the month the report closes ("MARET 2026")."""
    from zi.periode import Periode

    p = Periode.dari_jendela(kejadian.mulai, kejadian.selesai)
    return (p.label if p and p.satuan != "bulan" else bulan_tahun(akhir.year, akhir.month)).upper()


def _satu(bahan: Bahan, jb: JadwalBaris, kejadian: Kejadian, semua: list[Any], arsip: _Arsip) -> Naskah:
    baris = jb.baris
    mulai, akhir = _rentang(jb, kejadian, bahan.rencana.tahun)
    daftar = _pemantauan(baris, kejadian, semua, arsip, mulai, akhir)
    tim = _tim_baris(bahan, baris)
    k = konteks_umum(bahan, baris, JENIS, akhir, sekretaris(bahan.kantor))
    tabel = [_baris_tabel(x) for x in daftar]
    k.update(
        judul=baris.komponen.upper(),
        periode=_label_periode(kejadian, akhir),
        mulai=mulai,
        selesai=akhir,
        dasar=_dasar(bahan),
        rencana_judul=bahan.rencana.rencana.judul,
        pelaksana=tim.nama if tim else "Tim Pembangunan Zona Integritas",
        sumber=arsip.bacaan.jalur.name,
        keadaan_realisasi=_keadaan(arsip),
        pemantauan=tabel,
        ringkasan=_ringkasan(daftar),
        kendala=[x for x in tabel if not x["selesai"] and x["terlambat"] is not None],
        telat=[x for x in tabel if x["selesai"] and x["terlambat"] is not None],
        benturan=_benturan(bahan, baris, arsip, akhir),
        tim=_tim(bahan, baris, arsip, mulai, akhir),
        isian=ISIAN,
    )
    return Naskah(JENIS, TEMPLAT, baris.id, kejadian, akhir, JUDUL, k)
