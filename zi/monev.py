"""Laporan monev of a period (a quarter, a semester or the year), from the realisasi tracker.

One computation (`rekap`) feeds the table, the charts, the LKE view and the sentences, so
they agree. Scope: every occurrence due within the period counts; earlier occurrences of
the plan year still not done are listed as arrears (tunggakan) but do not change the
period's figures; an occurrence due outside the plan's year is a data problem of the plan,
listed as such, never lateness.

Rules, on the cut-off `batas` = min(report date, last day of the period):
- done: status "selesai" with a completion date on or before the cut-off (or no date:
  counted done, and the missing date is reported); a completion date after today is
  impossible and reported;
- late: done after its due date `tenggat` (days = completion − due), or not done and its
  due date is before `batas` (days = batas − due); anything else is "belum jatuh tempo".

The report is dated at the period's last working day when made after the period, today
(the office's zone) when made within it; an explicit date wins. The wording lives in the
template; this module gives it facts.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from zi.arsip.berkas import sha256_berkas
from zi.arsip.tata import relatif_monev
from zi.jadwal import Kejadian
from zi.kalender import hari_kerja_sebelum
from zi.lke import BarisLke, Lke, hitung, konteks_lke, muat_lke
from zi.naskah.umum import Naskah
from zi.periode import Periode
from zi.realisasi import (Bacaan, Butir, Kegiatan, baca_realisasi, butir_rencana, cari_bukti, jalur_realisasi,
                          judul_area, nilai_kegiatan, periode_rencana)
from zi.rencana import Kantor, Rencana

TEMPLAT = "laporan_monev_periode.docx"
JENIS = "laporan_monev_periode"
GRAFIK = "[[grafik capaian per area]]"  # the value of {{ grafik }}: replaced by the picture
GRAFIK_BULANAN = "[[grafik kemajuan per bulan]]"  # {{ grafik_bulanan }} (year report only)
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


def tanggal_laporan(periode: Periode, hari_ini: dt.date, tanggal: dt.date | None = None) -> dt.date:
    """The report's date: `tanggal` when given; the period's last working day when made
    after the period; else today."""
    if tanggal is not None:
        return tanggal
    if hari_ini > periode.selesai:
        return hari_kerja_sebelum(periode.selesai)
    return hari_ini


# --------------------------------------------------------------------------- figures

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
    """Everything the report says, computed once (the CLI and `zi lke` print the same)."""

    periode: Periode
    tanggal: dt.date  # the report's date
    batas: dt.date
    bacaan: Bacaan
    kegiatan: list[Kegiatan]
    area: list[RekapArea]
    total: RekapArea
    lke: Lke
    lke_baris: list[BarisLke]
    masalah: list[str] = field(default_factory=list)  # tracker cells (exit status 1)
    data_rencana: list[Butir] = field(default_factory=list)  # due outside the plan year

    @property
    def kode(self) -> str:
        return self.periode.kode

    @property
    def label(self) -> str:
        return self.periode.label

    @property
    def tahun(self) -> int:
        return self.periode.tahun

    @property
    def awal(self) -> dt.date:
        return self.periode.mulai

    @property
    def akhir(self) -> dt.date:
        return self.periode.selesai

    @property
    def hari_ini(self) -> dt.date:
        return self.tanggal

    @property
    def terlambat(self) -> list[Kegiatan]:
        """Late items of the period, by due date."""
        return [k for k in self.kegiatan if k.dalam_periode and k.terlambat is not None]

    @property
    def tunggakan(self) -> list[Kegiatan]:
        """Earlier occurrences of the plan year still not done by the cut-off."""
        return [k for k in self.kegiatan if not k.dalam_periode]

    @property
    def belum_jatuh_tempo(self) -> int:
        return sum(1 for k in self.kegiatan if k.dalam_periode and not k.selesai and k.terlambat is None)

    @property
    def keadaan_realisasi(self) -> str:
        """"tidak_ada", "tak_terbaca", "kosong" (nothing typed by the team) or "terisi"."""
        if not self.bacaan.ada:
            return "tidak_ada"
        if not self.bacaan.terbaca:
            return "tak_terbaca"
        if not any(k.dilaporkan for k in self.kegiatan):
            return "kosong"
        return "terisi"


def _per_area(rencana: Rencana, kegiatan: list[Kegiatan]) -> tuple[list[RekapArea], RekapArea]:
    area = []
    for kode_area, judul in rencana.area.items():
        ini = [k for k in kegiatan if k.dalam_periode and k.butir.area == kode_area]
        area.append(RekapArea(kode_area, judul_area(judul), len(ini), sum(k.selesai for k in ini),
                              sum(k.terlambat is not None for k in ini)))
    total = RekapArea("", "Jumlah", sum(a.target for a in area), sum(a.selesai for a in area),
                      sum(a.terlambat for a in area))
    return area, total


def rekap(rencana: Rencana, periode: str | Periode | None, akar: Path, hari_ini: dt.date, *,
          tanggal: dt.date | None = None, data: str | Path | None = None) -> Rekap:
    """Figures of `periode` from the plan, the tracker in `akar` and the evidence there."""
    p = periode_rencana(rencana, periode)
    tanggal_lap = tanggal_laporan(p, hari_ini, tanggal)
    batas = min(tanggal_lap, p.selesai)
    bacaan = baca_realisasi(jalur_realisasi(akar, p.tahun), max(hari_ini, tanggal_lap))
    semua = butir_rencana(rencana, p)
    luar = [b for b in semua if b.di_luar_tahun]
    butir = [b for b in semua if not b.di_luar_tahun]
    bukti = cari_bukti(akar, [b.kunci for b in butir])
    masalah = list(bacaan.masalah)
    if bacaan.terbaca:
        kurang = [b for b in semua if b.kunci not in bacaan.entri]
        if kurang:
            contoh = ", ".join(f"{b.id} ({b.bulan})" for b in kurang[:8]) + (", …" if len(kurang) > 8 else "")
            masalah.append(f"{bacaan.jalur.name}!Realisasi: {len(kurang)} kejadian rencana belum ada di berkas ini dan "
                           f"dihitung belum: {contoh}; perbarui dengan: zi realisasi --periode {p.kode}")
    kegiatan = []
    for b in butir:
        k = nilai_kegiatan(b, bacaan, bukti.get(b.kunci, []), akhir=batas, batas=batas,
                           dalam=p.memuat_bulan(b.bulan))
        if k.dalam_periode or (not k.selesai and k.terlambat is not None):
            kegiatan.append(k)  # earlier months only matter as arrears
    area, total = _per_area(rencana, kegiatan)
    lke = muat_lke(rencana, data)
    return Rekap(p, tanggal_lap, batas, bacaan, kegiatan, area, total, lke, hitung(lke, kegiatan), masalah, luar)


def bulanan(rk: Rekap) -> list[dict[str, Any]]:
    """Month by month within the period: due, done of those, and the cumulative share."""
    hasil, jatuh, beres = [], 0, 0
    for bulan in rk.periode.daftar_bulan():
        ini = [k for k in rk.kegiatan if k.dalam_periode and k.butir.bulan == bulan]
        jatuh += len(ini)
        beres += sum(k.selesai for k in ini)
        hasil.append({"bulan": bulan, "jatuh_tempo": len(ini), "selesai": sum(k.selesai for k in ini),
                      "kumulatif_jatuh_tempo": jatuh, "kumulatif_selesai": beres, "persen": persen(beres, jatuh)})
    return hasil


# --------------------------------------------------------------------------- context

def _butir_konteks(k: Kegiatan) -> dict[str, Any]:
    return {"id": k.butir.id, "bulan": k.butir.bulan, "komponen": k.butir.komponen,
            "langkah_aksi": k.butir.langkah_aksi, "tenggat": k.butir.tenggat, "jatuh_tempo": tgl(k.butir.tenggat),
            "status": k.status, "selesai": tgl(k.tanggal_selesai) if k.selesai else "-", "hari": k.terlambat}


def kendala(rk: Rekap) -> list[dict[str, Any]]:
    """Per area with late items or arrears: what is late and since when (the template
    writes the sentences; the team completes them)."""
    hasil = []
    for a in rk.area:
        lambat = [k for k in rk.terlambat if k.butir.area == a.kode]
        tunggak = [k for k in rk.tunggakan if k.butir.area == a.kode]
        if not lambat and not tunggak:
            continue
        hasil.append({"kode": a.kode, "judul": a.judul, "terlambat": a.terlambat,
                      "belum": [_butir_konteks(k) for k in lambat if not k.selesai],
                      "telat": [_butir_konteks(k) for k in lambat if k.selesai],
                      "tunggakan": [_butir_konteks(k) for k in tunggak]})
    return hasil


def konteks(rk: Rekap, rencana: Rencana, kantor: Kantor, tanggal_surat: dt.date | None = None) -> dict[str, Any]:
    from zi.naskah.umum import konteks_instansi, nomor_surat, sekretaris

    tanggal_surat = tanggal_surat or rk.tanggal
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
        "keadaan_realisasi": rk.keadaan_realisasi,
        "area": [{"kode": a.kode, "judul": a.judul, "target": a.target, "selesai": a.selesai,
                  "terlambat": a.terlambat, "persen": a.persen} for a in rk.area],
        "total": {"target": rk.total.target, "selesai": rk.total.selesai, "terlambat": rk.total.terlambat,
                  "persen": rk.total.persen},
        "belum_jatuh_tempo": rk.belum_jatuh_tempo,
        "grafik": GRAFIK,
        "tahunan": rk.periode.satuan == "tahun",
        "grafik_bulanan": GRAFIK_BULANAN,
        "bulanan": bulanan(rk),
        "terlambat": [_butir_konteks(k) for k in rk.terlambat],
        "tunggakan": [_butir_konteks(k) for k in rk.tunggakan],
        "tanpa_bukti": [f"{k.butir.id} ({k.butir.bulan}) {k.butir.langkah_aksi}"
                        for k in rk.kegiatan if k.selesai and not k.ada_bukti],
        "kendala": kendala(rk),
        "lke": konteks_lke(rk.lke, rk.lke_baris),
        "data_rencana": [{"id": b.id, "bulan": b.bulan, "target_waktu": b.target_waktu, "tenggat": b.tenggat}
                         for b in rk.data_rencana],
        "isian": ISIAN,
        "pemeriksaan": list(rk.masalah),
    }


# --------------------------------------------------------------------------- charts

def _kanvas(tinggi: float) -> tuple[Any, Any]:
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    fig = Figure(figsize=(6.3, tinggi), dpi=150)
    FigureCanvasAgg(fig)
    return fig, fig.subplots()


def _png(fig: Any) -> bytes:
    fig.tight_layout()
    keluar = io.BytesIO()
    fig.savefig(keluar, format="png", metadata={"Software": None})
    return keluar.getvalue()


def grafik_png(rk: Rekap) -> bytes:
    """Per area, the share done within the period as a bar labelled "62,5% (5 dari 8)"."""
    fig, ax = _kanvas(3.0)
    area = list(reversed(rk.area))
    nilai = [100 * a.selesai / a.target if a.target else 0 for a in area]
    batang = ax.barh(range(len(area)), nilai, 0.6, color="#2F5597")
    ax.barh(range(len(area)), [100 if a.target else 0 for a in area], 0.6, color="#D9E1F2", zorder=0)
    label = [f"{a.persen} ({a.selesai} dari {a.target})" if a.target else "tidak ada yang jatuh tempo" for a in area]
    ax.bar_label(batang, labels=label, fontsize=7, padding=3)
    ax.set_yticks(range(len(area)), [f"Area {a.kode}" for a in area], fontsize=8)
    ax.set_xlim(0, 135)
    ax.set_xticks([0, 25, 50, 75, 100], ["0%", "25%", "50%", "75%", "100%"], fontsize=7)
    ax.set_title(f"Capaian per area, {rk.label}", fontsize=9)
    ax.spines[["top", "right"]].set_visible(False)
    return _png(fig)


def grafik_bulanan_png(rk: Rekap) -> bytes:
    """Month by month: items due and done (bars), cumulative share done (line)."""
    from zi.bahasa import nama_bulan_singkat

    fig, ax = _kanvas(3.1)
    data = bulanan(rk)
    x = list(range(len(data)))
    w = 0.38
    ax.bar([i - w / 2 for i in x], [d["jatuh_tempo"] for d in data], w, label="Jatuh tempo", color="#B4C7E7")
    ax.bar([i + w / 2 for i in x], [d["selesai"] for d in data], w, label="Selesai", color="#2F5597")
    ax.set_xticks(x, [nama_bulan_singkat(int(d["bulan"][5:])) for d in data], fontsize=7)
    ax.tick_params(axis="y", labelsize=7)
    ax.set_ylabel("Jumlah kegiatan", fontsize=8)
    kanan = ax.twinx()
    kum = [100 * d["kumulatif_selesai"] / d["kumulatif_jatuh_tempo"] if d["kumulatif_jatuh_tempo"] else 0
           for d in data]
    kanan.plot(x, kum, color="#C55A11", marker="o", markersize=3, label="Capaian kumulatif")
    for i, d in enumerate(data):
        kanan.annotate(d["persen"], (i, kum[i]), textcoords="offset points", xytext=(0, 5), ha="center", fontsize=6)
    kanan.set_ylim(0, 115)
    kanan.tick_params(axis="y", labelsize=7)
    kanan.set_ylabel("Capaian kumulatif (%)", fontsize=8)
    ax.set_title(f"Kemajuan per bulan, {rk.label}", fontsize=9)
    garis = ax.get_legend_handles_labels()
    lain = kanan.get_legend_handles_labels()
    ax.legend(garis[0] + lain[0], garis[1] + lain[1], fontsize=7, frameon=False, loc="upper left")
    return _png(fig)


def _paragraf(doc: Any):
    yield from doc.paragraphs
    for t in doc.tables:
        for baris in t.rows:
            for sel in baris.cells:
                yield from sel.paragraphs


def sisipkan_grafik(isi: bytes, gambar: dict[str, bytes], lebar_cm: float = LEBAR_GRAFIK_CM) -> tuple[bytes, set[str]]:
    """Put each picture in place of the paragraph whose text is its marker.

    zi.render.render builds its DocxTemplate internally, so docxtpl's InlineImage (which
    needs that instance) cannot be passed in the context: the rendered file is post-edited
    with python-docx instead, keeping render's reproducible zip. Returns (bytes, markers placed).
    """
    import docx
    from docx.shared import Cm

    from zi.render import zip_tetap

    doc = docx.Document(io.BytesIO(isi))
    ditaruh = set()
    for p in _paragraf(doc):
        penanda = p.text.strip()
        if penanda in gambar and penanda not in ditaruh:
            for r in p.runs:
                r.text = ""
            run = p.runs[0] if p.runs else p.add_run()
            run.add_picture(io.BytesIO(gambar[penanda]), width=Cm(lebar_cm))
            ditaruh.add(penanda)
    if not ditaruh:
        return isi, ditaruh
    keluar = io.BytesIO()
    doc.save(keluar)
    return zip_tetap(keluar.getvalue()), ditaruh


# --------------------------------------------------------------------------- writing

@dataclass
class HasilMonev:
    jalur: Path  # relative to the archive root
    status: str  # baru / diperbarui / dibuat ulang / tidak berubah / konflik (as zi buat)
    rekap: Rekap
    grafik: bool  # every chart the report needs found its place


def jalur_laporan(rk: Rekap) -> Path:
    """<tahun>/<MM of the period's end>/monev/<report date> Laporan Monev <label>.docx."""
    return relatif_monev(f"{rk.tahun:04d}-{rk.akhir.month:02d}", f"{rk.tanggal.isoformat()} Laporan Monev {rk.label}")


def naskah_laporan(rk: Rekap, k: dict[str, Any], hari_ini: dt.date | None = None) -> Naskah:
    """The period report as a document like any other: no plan row of its own (baris_id
    "", baris ()), its identity is the period's code (`subjek`)."""
    return Naskah(JENIS, TEMPLAT, "", Kejadian(rk.tahun, rk.akhir.month), rk.tanggal,
                  f"Laporan Monev {rk.label}", k, subjek=rk.kode)


def gambar_laporan(rk: Rekap) -> dict[str, bytes]:
    """The report's pictures by marker: per area always, month by month for the year."""
    gambar = {GRAFIK: grafik_png(rk)}
    if rk.periode.satuan == "tahun":
        gambar[GRAFIK_BULANAN] = grafik_bulanan_png(rk)
    return gambar


def buat_laporan(akar: Path, periode: str | Periode | None, *, rencana: str | Path | None = None,
                 data: str | Path | None = None, hari_ini: dt.date | None = None, tanggal: dt.date | None = None,
                 folder_templat: Path | None = None, run_id: str | None = None,
                 rencana_obj: Rencana | None = None, kantor: Kantor | None = None) -> HasilMonev:
    """Render and archive the laporan monev of `periode` (default: the plan's year), under
    the same archive rules as every other document (`zi.arsip.kebijakan`). `hari_ini`
    is today (default: the office's zone); `tanggal` forces the report's date. Already
    loaded `rencana_obj`/`kantor` are used as given (`data` still locates lke.yaml)."""
    from zi.arsip.kebijakan import arsipkan_isi, hash_input
    from zi.buat import periksa_templat
    from zi.waktu import hari_ini as hari_ini_kantor
    from zi.render import jalur_templat, render
    from zi.render_logo import hash_logo, pasang_logo
    from zi.rencana import muat_kantor, muat_rencana

    r = rencana_obj or muat_rencana(rencana)
    kantor = kantor or muat_kantor(data)
    hari_ini = hari_ini or hari_ini_kantor(kantor.instansi.zona)
    rk = rekap(r, periode, akar, hari_ini, tanggal=tanggal, data=data)
    k = konteks(rk, r, kantor)
    naskah = naskah_laporan(rk, k)
    periksa_templat([naskah], folder_templat)
    templat = jalur_templat(TEMPLAT, folder_templat)
    gambar = gambar_laporan(rk)
    isi = pasang_logo(render(templat, k, kertas=kantor.instansi.kertas, tanggal=rk.tanggal), k)
    isi, ditaruh = sisipkan_grafik(isi, gambar)

    th = sha256_berkas(templat)
    ih = hash_input(naskah, th, kantor.instansi.kertas, *sorted(hashlib.sha256(g).hexdigest() for g in gambar.values()),
                    *hash_logo(k))
    h = arsipkan_isi(akar, naskah, jalur_laporan(rk), isi, th, ih, kantor.instansi.zona, run_id)
    return HasilMonev(h.jalur, h.status, rk, ditaruh == set(gambar))
