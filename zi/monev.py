"""Laporan monev of a period (a quarter, a semester or the year), from the realisasi tracker.

Scope: the figures count every plan occurrence due within the period (months `awal`..`akhir`
of the plan year). Occurrences of earlier months still not done are listed with the late
items as arrears (tunggakan) but do not change the period's figures.

Rules, on the "cut-off" `batas` = min(report date, last day of the period):
- done: status "selesai" with a completion date on or before the period's last day (or
  no date: counted done, and the missing date is reported);
- late: done after its due date (days = completion − due), or not done and its due date
  is before `batas` (days = batas − due); anything else due later is "belum jatuh tempo".

The chart is drawn with matplotlib (Agg, imported here only) and put in place of the
paragraph holding `{{ grafik }}` after rendering (see `sisipkan_grafik`).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from zi.arsip.berkas import nama_aman, sha256_berkas
from zi.jadwal import Kejadian
from zi.kalender import jumlah_hari
from zi.naskah.umum import Naskah
from zi.realisasi import (Bacaan, Butir, baca_realisasi, butir_rencana, cari_bukti, jalur_realisasi, judul_area,
                          kode_periode, periode_rencana)
from zi.rencana import Kantor, Rencana

TEMPLAT = "laporan_monev_periode.docx"
JENIS = "laporan_monev_periode"
GRAFIK = "[[grafik capaian per area]]"  # the value of {{ grafik }}: replaced by the picture
LEBAR_GRAFIK_CM = 15.0
ISIAN = "[dilengkapi oleh Tim Pembangunan Zona Integritas]"


def persen(bagian: int, total: int) -> str:
    """"66,7%", "100%"; "-" when nothing was due."""
    if not total:
        return "-"
    teks = f"{100 * bagian / total:.1f}".replace(".", ",")
    return f"{teks.removesuffix(',0')}%"


def tgl(d: dt.date | None) -> str:
    return d.strftime("%d-%m-%Y") if d else "-"


# --------------------------------------------------------------------------- figures

@dataclass(frozen=True)
class Kegiatan:
    """One plan occurrence as the report sees it."""

    butir: Butir
    status: str
    tanggal_selesai: dt.date | None
    dalam_periode: bool
    selesai: bool  # done within the period
    terlambat: int | None  # days late; None when not late
    ada_bukti: bool


@dataclass(frozen=True)
class RekapArea:
    kode: str
    judul: str
    target: int
    selesai: int
    terlambat: int

    @property
    def persen(self) -> str:
        return persen(self.selesai, self.target)


@dataclass
class Rekap:
    """Everything the report says, computed once (the CLI prints the same figures)."""

    kode: str
    label: str
    tahun: int
    awal: dt.date
    akhir: dt.date
    batas: dt.date
    hari_ini: dt.date
    bacaan: Bacaan
    kegiatan: list[Kegiatan]
    area: list[RekapArea]
    total: RekapArea
    masalah: list[str] = field(default_factory=list)

    @property
    def terlambat(self) -> list[Kegiatan]:
        """Late items of the period and arrears from earlier months, by due date."""
        return [k for k in self.kegiatan if k.terlambat is not None]

    @property
    def tunggakan(self) -> list[Kegiatan]:
        return [k for k in self.terlambat if not k.dalam_periode]

    @property
    def belum_jatuh_tempo(self) -> int:
        return sum(1 for k in self.kegiatan if k.dalam_periode and not k.selesai and k.terlambat is None)


def rekap(rencana: Rencana, periode: str | None, akar: Path, hari_ini: dt.date) -> Rekap:
    """Figures of `periode` from the plan, the tracker in `akar` and the evidence there."""
    tahun, awal, akhir, label = periode_rencana(rencana, periode)
    tanggal_awal = dt.date(tahun, awal, 1)
    tanggal_akhir = dt.date(tahun, akhir, jumlah_hari(tahun, akhir))
    batas = min(hari_ini, tanggal_akhir)
    kode = kode_periode(tahun, awal, akhir)
    bacaan = baca_realisasi(jalur_realisasi(akar, tahun), hari_ini)
    butir = butir_rencana(rencana, (tahun, akhir))
    bukti = cari_bukti(akar, [b.kunci for b in butir])
    masalah = list(bacaan.masalah)

    if bacaan.terbaca:
        kurang = [b for b in butir if b.kunci not in bacaan.entri]
        if kurang:
            contoh = ", ".join(f"{b.id} ({b.bulan})" for b in kurang[:8]) + (", …" if len(kurang) > 8 else "")
            masalah.append(f"{bacaan.jalur.name}!Realisasi: {len(kurang)} kejadian rencana belum ada di berkas ini dan "
                           f"dihitung belum: {contoh}; perbarui dengan: zi realisasi --periode {kode}")

    mulai = f"{tahun:04d}-{awal:02d}"
    kegiatan = []
    for b in butir:
        e = bacaan.entri.get(b.kunci)
        status = e.status if e else "belum"
        selesai_pada = e.tanggal_selesai if e else None
        dalam = b.bulan >= mulai
        selesai = status == "selesai" and (selesai_pada is None or selesai_pada <= tanggal_akhir)
        if selesai:
            lambat = (selesai_pada - b.jatuh_tempo).days if selesai_pada and selesai_pada > b.jatuh_tempo else None
        else:
            lambat = (batas - b.jatuh_tempo).days if b.jatuh_tempo < batas else None
        if not dalam and (selesai or lambat is None):
            continue  # earlier months only matter as arrears
        kegiatan.append(Kegiatan(b, status, selesai_pada, dalam, selesai, lambat,
                                 bool(bukti.get(b.kunci)) or bool(e and e.bukti_lain)))

    area = []
    for kode_area, judul in rencana.area.items():
        ini = [k for k in kegiatan if k.dalam_periode and k.butir.area == kode_area]
        area.append(RekapArea(kode_area, judul_area(judul), len(ini), sum(k.selesai for k in ini),
                              sum(k.terlambat is not None for k in ini)))
    total = RekapArea("", "Jumlah", sum(a.target for a in area), sum(a.selesai for a in area),
                      sum(a.terlambat for a in area))
    return Rekap(kode, label, tahun, tanggal_awal, tanggal_akhir, batas, hari_ini, bacaan, kegiatan, area, total,
                 masalah)


# --------------------------------------------------------------------------- drafted text

def _daftar_id(kegiatan: list[Kegiatan]) -> str:
    return ", ".join(f"{k.butir.id} ({k.butir.bulan})" for k in kegiatan)


def kendala_dan_rekomendasi(rk: Rekap) -> tuple[list[str], list[str]]:
    """Draft bullets from the late items, one per area that has any: the team finishes
    them (each ends with a bracketed prompt)."""
    kendala, rekomendasi = [], []
    for a in rk.area:
        lambat = [k for k in rk.terlambat if k.butir.area == a.kode]
        if not lambat:
            continue
        belum = [k for k in lambat if not k.selesai]
        telat = [k for k in lambat if k.selesai]
        rincian = "; ".join(f"{k.butir.id} ({k.butir.bulan}, {k.terlambat} hari)" for k in lambat)
        kendala.append(f"Area {a.kode} ({a.judul}): {len(lambat)} kegiatan terlambat, yaitu {rincian}. "
                       "[uraikan penyebab keterlambatannya]")
        langkah = []
        if belum:
            langkah.append(f"segera menyelesaikan {len(belum)} kegiatan yang belum selesai ({_daftar_id(belum)}) "
                           "dan menyimpan bukti fisiknya di arsip")
        if telat:
            langkah.append(f"memulai lebih awal kegiatan yang selesai terlambat ({_daftar_id(telat)}) "
                           "pada jadwal berikutnya")
        rekomendasi.append(f"Area {a.kode}: {' serta '.join(langkah)}. [tetapkan penanggung jawab dan batas waktunya]")
    tanpa = [k for k in rk.kegiatan if k.selesai and not k.ada_bukti]
    if tanpa:
        rekomendasi.append(f"Melengkapi bukti fisik {len(tanpa)} kegiatan yang sudah selesai tetapi belum ada "
                           "buktinya di arsip.")
    if not kendala:
        kendala.append("Tidak ada keterlambatan yang tercatat pada periode ini. [tambahkan kendala lain bila ada]")
    if not rekomendasi:
        rekomendasi.append("Mempertahankan ketepatan waktu pelaksanaan rencana aksi pada periode berikutnya. "
                           "[tambahkan rekomendasi lain bila ada]")
    return kendala, rekomendasi


def konteks(rk: Rekap, rencana: Rencana, kantor: Kantor, tanggal_surat: dt.date) -> dict[str, Any]:
    from zi.naskah.umum import konteks_instansi, nomor_surat, sekretaris

    kendala, rekomendasi = kendala_dan_rekomendasi(rk)
    return {
        "instansi": konteks_instansi(kantor),
        "nomor": nomor_surat(kantor, "laporan_monev", tanggal_surat),
        "tanggal_surat": tanggal_surat,
        "tahun": rencana.tahun,
        "penandatangan": sekretaris(kantor),
        "periode": rk.label.upper(),
        "periode_judul": rk.label,
        "awal": rk.awal,
        "akhir": rk.akhir,
        "batas": rk.batas,
        "sumber": rk.bacaan.jalur.name,
        "ada_realisasi": rk.bacaan.ada,
        "area": [{"kode": a.kode, "judul": a.judul, "target": a.target, "selesai": a.selesai,
                  "terlambat": a.terlambat, "persen": a.persen} for a in rk.area],
        "total": {"target": rk.total.target, "selesai": rk.total.selesai, "terlambat": rk.total.terlambat,
                  "persen": rk.total.persen},
        "belum_jatuh_tempo": rk.belum_jatuh_tempo,
        "grafik": GRAFIK,
        "terlambat": [{"id": k.butir.id, "langkah_aksi": k.butir.langkah_aksi, "jatuh_tempo": tgl(k.butir.jatuh_tempo),
                       "status": k.status, "selesai": tgl(k.tanggal_selesai) if k.selesai else "-",
                       "hari": k.terlambat} for k in rk.terlambat],
        "tunggakan": len(rk.tunggakan),
        "tanpa_bukti": [f"{k.butir.id} ({k.butir.bulan}) {k.butir.langkah_aksi}"
                        for k in rk.kegiatan if k.selesai and not k.ada_bukti],
        "kendala": kendala,
        "rekomendasi": rekomendasi,
        "isian": ISIAN,
        "pemeriksaan": list(rk.masalah),
    }


# --------------------------------------------------------------------------- chart

def grafik_png(rk: Rekap) -> bytes:
    """Bar chart per area (target vs done within the period), PNG, reproducible bytes."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from matplotlib.ticker import MaxNLocator

    fig = Figure(figsize=(6.3, 3.1), dpi=150)
    FigureCanvasAgg(fig)
    ax = fig.subplots()
    x = list(range(len(rk.area)))
    w = 0.38
    target = ax.bar([i - w / 2 for i in x], [a.target for a in rk.area], w, label="Target", color="#B4C7E7")
    selesai = ax.bar([i + w / 2 for i in x], [a.selesai for a in rk.area], w, label="Selesai", color="#2F5597")
    ax.bar_label(target, fontsize=7)
    ax.bar_label(selesai, labels=[f"{a.selesai} ({a.persen})" if a.target else "" for a in rk.area], fontsize=7)
    ax.set_xticks(x, [f"Area {a.kode}" for a in rk.area], fontsize=8)
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.tick_params(axis="y", labelsize=7)
    ax.set_ylabel("Jumlah kegiatan", fontsize=8)
    ax.set_title(f"Capaian per area, {rk.label}", fontsize=9)
    ax.set_ylim(0, max([a.target for a in rk.area] + [1]) * 1.2)
    ax.spines[["top", "right"]].set_visible(False)
    ax.legend(fontsize=7, frameon=False)
    fig.tight_layout()
    keluar = io.BytesIO()
    fig.savefig(keluar, format="png", metadata={"Software": None})
    return keluar.getvalue()


def _paragraf(doc: Any):
    yield from doc.paragraphs
    for t in doc.tables:
        for baris in t.rows:
            for sel in baris.cells:
                yield from sel.paragraphs


def sisipkan_grafik(isi: bytes, png: bytes, lebar_cm: float = LEBAR_GRAFIK_CM) -> tuple[bytes, bool]:
    """Put the picture in place of the paragraph whose text is the `{{ grafik }}` marker.

    zi.render.render builds its DocxTemplate internally, so docxtpl's InlineImage (which
    needs that instance) cannot be passed in the context: the rendered file is post-edited
    with python-docx instead, keeping render's reproducible zip. Returns (bytes, placed?).
    """
    import docx
    from docx.shared import Cm

    from zi.render import zip_tetap

    doc = docx.Document(io.BytesIO(isi))
    for p in _paragraf(doc):
        if p.text.strip() == GRAFIK:
            for r in list(p._p):
                if r.tag.endswith("}r") or r.tag.endswith("}hyperlink"):
                    p._p.remove(r)
            p.add_run().add_picture(io.BytesIO(png), width=Cm(lebar_cm))
            keluar = io.BytesIO()
            doc.save(keluar)
            return zip_tetap(keluar.getvalue()), True
    return isi, False


# --------------------------------------------------------------------------- writing

@dataclass
class HasilMonev:
    jalur: Path  # relative to the archive root
    status: str  # baru / diperbarui / dibuat ulang / tidak berubah / konflik (as zi buat)
    rekap: Rekap
    grafik: bool


def jalur_laporan(rk: Rekap) -> Path:
    """<tahun>/<MM of the period's end>/monev/<report date> Laporan Monev <label>.docx."""
    nama = nama_aman(f"{rk.hari_ini.isoformat()} Laporan Monev {rk.label}")
    return Path(f"{rk.tahun:04d}", f"{rk.akhir.month:02d}", "monev", f"{nama}.docx")


def naskah_laporan(rk: Rekap, k: dict[str, Any], hari_ini: dt.date) -> Naskah:
    """The period report as a document like any other (its key: the period's code)."""
    return Naskah(JENIS, TEMPLAT, rk.kode, Kejadian(rk.tahun, rk.akhir.month), hari_ini,
                  f"Laporan Monev {rk.label}", k, subjek=rk.kode)


def buat_laporan(akar: Path, periode: str | None, *, rencana: str | Path | None = None,
                 data: str | Path | None = None, hari_ini: dt.date | None = None,
                 folder_templat: Path | None = None, run_id: str | None = None) -> HasilMonev:
    """Render and archive the laporan monev of `periode` (default: the plan's year), under
    the same archive rules as every other document (`zi.buat.arsipkan_isi`)."""
    from zi.bahasa import ZONA_WAKTU
    from zi.buat import arsipkan_isi, periksa_templat
    from zi.render import jalur_templat, render
    from zi.rencana import muat_kantor, muat_rencana

    r = muat_rencana(rencana)
    kantor = muat_kantor(data)
    hari_ini = hari_ini or dt.datetime.now(ZONA_WAKTU).date()
    rk = rekap(r, periode, akar, hari_ini)
    k = konteks(rk, r, kantor, hari_ini)
    naskah = naskah_laporan(rk, k, hari_ini)
    periksa_templat([naskah], folder_templat)
    templat = jalur_templat(TEMPLAT, folder_templat)
    png = grafik_png(rk)
    isi, ada_grafik = sisipkan_grafik(render(templat, k, kertas=kantor.instansi.kertas, tanggal=hari_ini), png)

    th = sha256_berkas(templat)
    ih = hashlib.sha256(json.dumps([k, TEMPLAT, th, kantor.instansi.kertas, hashlib.sha256(png).hexdigest()],
                                   sort_keys=True, default=str, ensure_ascii=False).encode()).hexdigest()
    h = arsipkan_isi(akar, naskah, jalur_laporan(rk), isi, th, ih, run_id)
    return HasilMonev(h.jalur, h.status, rk, ada_grafik)
