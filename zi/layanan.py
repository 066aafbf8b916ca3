"""The use cases: one function per job a person asks zi for. The CLI and the Prefect flows
call only these, so `zi buat` and a flow run, `zi monev` and the quarterly flow, do the
same thing and refuse the same input with the same message.

Each use case checks its arguments here, once (`awalan` is how the caller spells an
argument in messages: "--" on the command line, "" for a flow's parameter), then works
through the core: the plan (`zi.rencana`), the documents (`zi.buat`, `zi.naskah`), the
archive (`zi.arsip`), the tracker and reports (`zi.realisasi`, `zi.monev`).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from zi import waktu
from zi.galat import ZiError
from zi.masukan import baca_area, baca_jenis, cek_bulan_rencana
from zi.periode import Periode, baca_bulan, baca_periode

if TYPE_CHECKING:
    from zi.arsip.kebijakan import Keadaan, Keluaran
    from zi.arsip.registri import Catatan
    from zi.jadwal import Kejadian
    from zi.monev import HasilMonev
    from zi.naskah.umum import JadwalBaris, Naskah
    from zi.pdf import HasilPdf
    from zi.periksa import Temuan
    from zi.realisasi import HasilRealisasi
    from zi.rencana import Kantor, Rencana

CLI, FLOW = "--", ""  # how an argument is named in messages: "argumen --bulan" / "argumen bulan"


# --------------------------------------------------------------------------- the office

@dataclass(frozen=True)
class Sumber:
    """One office's inputs, loaded and cross-checked: its plan and its data."""

    rencana: Rencana
    kantor: Kantor
    berkas_rencana: Path | None  # None: the bundled sample plan
    folder_data: Path | None  # None: the bundled sample data

    @property
    def zona(self) -> ZoneInfo:
        return self.kantor.instansi.zona

    def hari_ini(self) -> dt.date:
        """Today in the office's time zone."""
        return waktu.hari_ini(self.zona)


def berkas_rencana(rencana: str | Path | None, data: str | Path | None, awalan: str = CLI) -> Path | None:
    """The plan to read: `rencana` if given, else the one `rencana_aksi_*.yaml` of the office
    folder `data` (a folder without one is bad input, never filled with the bundled plan),
    else None (the bundled plan)."""
    if rencana:
        return Path(rencana)
    if not data:
        return None
    from zi.rencana import cari_rencana, tampil_jalur

    if not Path(data).is_dir():
        raise ZiError("folder data kantor tidak ditemukan", tampil_jalur(data), f"argumen {awalan}data")
    berkas = cari_rencana(data)
    if berkas is None:
        raise ZiError("folder kantor tidak memuat berkas rencana_aksi_*.yaml (satu folder = satu kantor: "
                      "instansi.yaml, pegawai.yaml, tim.yaml dan rencana aksinya)", tampil_jalur(data),
                      f"argumen {awalan}data")
    return berkas


def muat_sumber(rencana: str | Path | None = None, data: str | Path | None = None, awalan: str = CLI) -> Sumber:
    """Load one office (`--data DIR`, which must hold exactly one plan) or the bundled
    sample office; every error names the file and the row or key."""
    from zi.rencana import muat_kantor, muat_rencana

    berkas = berkas_rencana(rencana, data, awalan)
    return Sumber(muat_rencana(berkas), muat_kantor(data), berkas, Path(data) if data else None)


# --------------------------------------------------------------------------- arguments

def baca_tanggal(teks: str | dt.date | None, nama: str) -> dt.date | None:
    """"2026-04-10" (a date that exists); None stays None."""
    if teks is None or isinstance(teks, dt.date):
        return teks
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", str(teks).strip()):
        raise ZiError(f"tanggal \"{teks}\" harus berbentuk TAHUN-BULAN-HARI, mis. 2026-04-10", lokasi=f"argumen {nama}")
    try:
        return dt.date.fromisoformat(str(teks).strip())
    except ValueError:
        raise ZiError(f"tanggal \"{teks}\" tidak ada", lokasi=f"argumen {nama}") from None


def periode_buat(sumber: Sumber, bulan: str | None, tahun: int | None, awalan: str = CLI) -> Periode:
    """The period of `zi buat`: a month or a year (exclusive); neither is the office's
    current month. A month far outside the plan is almost surely a typo."""
    if bulan and tahun:
        raise ZiError(f"pilih salah satu: {awalan}bulan atau {awalan}tahun", lokasi="argumen")
    if tahun:
        if not 2000 <= int(tahun) <= 2100:
            raise ZiError(f"tahun {tahun} tidak masuk akal", lokasi=f"argumen {awalan}tahun")
        return Periode.setahun(int(tahun))
    if not bulan:
        d = sumber.hari_ini()
        return Periode.bulan_dari(d.year, d.month)
    p = baca_bulan(bulan, f"{awalan}bulan")
    from zi.naskah import susun_jadwal

    cek_bulan_rencana(p.kode, sumber.rencana, susun_jadwal(sumber.rencana))
    return p


def periode_monev(sumber: Sumber, periode: str | Periode | None, awalan: str = CLI) -> Periode:
    """A report's period (triwulan, semester, year) within the plan's year; none is the
    quarter of the office's today (what the quarterly schedule means)."""
    from zi.realisasi import periode_rencana

    if periode is None or (isinstance(periode, str) and not periode.strip()):
        periode = Periode.triwulan_dari(sumber.hari_ini())
    return periode_rencana(sumber.rencana, periode if isinstance(periode, Periode) else
                           baca_periode(periode, f"{awalan}periode"), f"{awalan}periode")


# --------------------------------------------------------------------------- schedule

def jadwal(rencana: str | Path | None = None, data: str | Path | None = None, bulan: str | None = None,
           area: str | None = None, awalan: str = CLI) -> tuple[Rencana, list[tuple[JadwalBaris, list[Kejadian]]]]:
    """The plan's rows (of an area) with their occurrences (of a month); with a month,
    rows with nothing in it are left out. Reads only the plan (`--rencana`, or the one in
    the office folder `--data`)."""
    from zi.naskah import susun_jadwal
    from zi.rencana import muat_rencana

    kode_area = baca_area(area, f"{awalan}area")
    p = baca_bulan(bulan, f"{awalan}bulan") if bulan else None
    r = muat_rencana(berkas_rencana(rencana, data, awalan))
    hasil = []
    for jb in susun_jadwal(r, kode_area):
        kejadian = [k for k in jb.jadwal.kejadian  # held or due in the month, as `zi buat --bulan` makes them
                    if p is None or p.memuat(k.tanggal()) or p.memuat(k.tenggat)]
        if p is None or kejadian:
            hasil.append((jb, kejadian))
    return r, hasil


# --------------------------------------------------------------------------- drafts

@dataclass
class HasilBuat:
    """What a generating run did: its period and each document's outcome."""

    periode: Periode | None
    keluaran: list[Keluaran] = field(default_factory=list)
    libur: str | None = None  # the daily run: why today is not a working day
    lembar_srikandi: list[Path] = field(default_factory=list)  # --srikandi: the sheets written


def buat_draf(sumber: Sumber, akar: Path, *, bulan: str | None = None, tahun: int | None = None,
              area: str | None = None, jenis: str | Iterable[str] | None = None,
              folder_templat: Path | None = None, run_id: str | None = None,
              kemajuan: Callable[[int, int], None] | None = None, awalan: str = CLI,
              srikandi: bool = False) -> HasilBuat:
    """The drafts of a month or a year (of an area, of some kinds) into the archive.
    `srikandi`: letters and decrees carry SRIKANDI's placeholders, plus a sheet per month."""
    kode_area, daftar_jenis = baca_area(area, f"{awalan}area"), baca_jenis(jenis, f"{awalan}jenis")
    p = periode_buat(sumber, bulan, tahun, awalan)
    from zi.buat import rencanakan
    from zi.naskah import srikandi as sr

    def pilih(tahap: tuple[str, ...]) -> list[Naskah]:
        daftar = rencanakan(sumber.rencana, sumber.kantor, periode=p, area=kode_area, jenis=tahap, akar=akar)
        return sr.terapkan(daftar, sumber.kantor.instansi.penomoran.kode) if srikandi else daftar

    keluaran = _tulis_bertahap(sumber, akar, pilih, daftar_jenis, folder_templat, run_id, kemajuan)
    h = HasilBuat(p, keluaran)
    if srikandi:
        h.lembar_srikandi = sr.lembar(akar, keluaran)
    return h


def regenerasi(sumber: Sumber, akar: Path, *, area: str | None, bulan: str | None,
               jenis: str | Iterable[str] | None = None, run_id: str | None = None, awalan: str = FLOW) -> HasilBuat:
    """Regenerate one area's documents of one month (after a template or data edit):
    changed ones get a new version, edited ones a new draft beside them."""
    if not area or not str(getattr(area, "value", area)).strip():
        raise ZiError("area wajib diisi (I–VI)", lokasi=f"argumen {awalan}area")
    if not bulan:
        raise ZiError("bulan wajib diisi, mis. 2026-07", lokasi=f"argumen {awalan}bulan")
    return buat_draf(sumber, akar, bulan=bulan, area=area, jenis=jenis, run_id=run_id, awalan=awalan)


def draf_jatuh_tempo(sumber: Sumber, akar: Path, hari_ini: dt.date | None = None,
                     run_id: str | None = None) -> HasilBuat:
    """What the daily run writes: on a working day, every draft whose time has come
    (`draf_hari_kerja_sebelum` working days before its event) and that the archive does
    not hold yet, so a day the service missed is caught up by the next run."""
    from zi.arsip.registri import Registri
    from zi.buat import jatuh_tempo, rencanakan
    from zi.kalender import hari_kerja, nama_libur

    hari_ini = hari_ini or sumber.hari_ini()
    if not hari_kerja(hari_ini):
        return HasilBuat(None, libur=nama_libur(hari_ini) or "akhir pekan")
    with Registri.buka(akar, tulis=False) as reg:
        sudah = reg.kunci_ada()

    def pilih(tahap: tuple[str, ...]) -> list[Naskah]:
        semua = rencanakan(sumber.rencana, sumber.kantor, jenis=tahap, akar=akar)
        return jatuh_tempo(semua, hari_ini, sumber.kantor.instansi.draf_hari_kerja_sebelum, sudah)

    return HasilBuat(None, _tulis_bertahap(sumber, akar, pilih, None, None, run_id, None))


def _tulis_bertahap(sumber: Sumber, akar: Path, pilih: Callable[[tuple[str, ...]], list[Naskah]],
                    jenis: tuple[str, ...] | None, folder_templat: Path | None, run_id: str | None,
                    kemajuan: Callable[[int, int], None] | None) -> list[Keluaran]:
    """Write the documents `pilih` builds, kinds that report on the archive last (see
    `zi.naskah.tahap_jenis`): they are built again once the others are written, so the
    first run already shows what it wrote and an unchanged re-run changes nothing. Every
    kind is built and its templates checked before anything is written."""
    from zi.buat import periksa_templat
    from zi.naskah import tahap_jenis

    tahap = tahap_jenis(jenis)
    rancangan = [pilih(t) for t in tahap]
    periksa_templat([n for r in rancangan for n in r], folder_templat)
    keluaran: list[Keluaran] = []
    for i, t in enumerate(tahap):
        keluaran += _tulis(sumber, akar, rancangan[0] if i == 0 else pilih(t), folder_templat, run_id, kemajuan)
    return keluaran


def _tulis(sumber: Sumber, akar: Path, daftar: list[Any], folder_templat: Path | None, run_id: str | None,
           kemajuan: Callable[[int, int], None] | None) -> list[Keluaran]:
    from zi.buat import tulis

    if not daftar:
        return []
    return tulis(daftar, akar, kertas=sumber.kantor.instansi.kertas, folder_templat=folder_templat,
                 run_id=run_id, kemajuan=kemajuan, zona=sumber.zona)


# --------------------------------------------------------------------------- tracker and monev

def realisasi(sumber: Sumber, akar: Path, periode: str | None = None,
              awalan: str = CLI) -> tuple[HasilRealisasi, list[str]]:
    """Create or refresh the tracker up to the period's end (default: the plan's year);
    returns what was done and the problems found in what staff typed."""
    from zi.realisasi import baca_realisasi, perbarui

    p = periode_monev(sumber, periode or str(sumber.rencana.tahun), awalan)
    h = perbarui(akar, p.kode, rencana_obj=sumber.rencana, instansi=sumber.kantor.instansi.nama)
    return h, baca_realisasi(h.jalur, sumber.hari_ini()).masalah


@dataclass
class HasilMonevPeriode:
    """The period monev: the rows' monev drafts, the refreshed tracker and the report."""

    periode: Periode
    draf: list[Keluaran]
    realisasi: HasilRealisasi
    laporan: HasilMonev


def monev_periode(sumber: Sumber, akar: Path, periode: str | Periode | None = None, *,
                  tanggal: str | dt.date | None = None, hari_ini: dt.date | None = None,
                  folder_templat: Path | None = None, run_id: str | None = None,
                  awalan: str = CLI) -> HasilMonevPeriode:
    """The period's monev, as `zi monev` and the quarterly flow both do it: the monev
    drafts of rows due in the period, then the tracker refreshed (so new occurrences and
    evidence are in it), then the period's report rendered from it."""
    from zi.buat import rencanakan
    from zi.lke import muat_lke
    from zi.monev import buat_laporan
    from zi.realisasi import buka_untuk_diperbarui, jalur_realisasi, perbarui

    p = periode_monev(sumber, periode, awalan)
    tanggal_laporan = baca_tanggal(tanggal, f"{awalan}tanggal")
    muat_lke(sumber.rencana, sumber.folder_data)  # a bad weights file is refused before anything is written
    buka_untuk_diperbarui(jalur_realisasi(akar, p.tahun))  # so is a tracker whose columns staff lost
    from zi.naskah import JENIS_NASKAH
    from zi.render import jalur_templat, variabel_templat

    for nama in JENIS_NASKAH["laporan_monev_periode"].templat:  # and a broken report template
        variabel_templat(jalur_templat(nama, folder_templat))
    daftar = rencanakan(sumber.rencana, sumber.kantor, periode=p, jenis=("laporan_monev",), akar=akar)
    draf = _tulis(sumber, akar, daftar, folder_templat, run_id, None)
    h = perbarui(akar, p.kode, rencana_obj=sumber.rencana, instansi=sumber.kantor.instansi.nama)
    laporan = buat_laporan(akar, p, rencana=sumber.berkas_rencana, data=sumber.folder_data,
                           hari_ini=hari_ini or sumber.hari_ini(), tanggal=tanggal_laporan,
                           folder_templat=folder_templat, run_id=run_id)
    return HasilMonevPeriode(p, draf, h, laporan)


# --------------------------------------------------------------------------- checks and the archive

def periksa(rencana: str | Path | None = None, data: str | Path | None = None,
            templat: str | Path | None = None) -> Temuan:
    """Check the plan, the office data and the templates, collecting every problem."""
    from zi.periksa import periksa as periksa_semua

    return periksa_semua(berkas_rencana(rencana, data), data, templat)


def isi_arsip(akar: Path, bulan: str | None = None, awalan: str = CLI) -> list[tuple[Catatan, Keadaan]]:
    """What the archive holds (of a month), each with its state now (asli/disunting/hilang)."""
    from zi.arsip.kebijakan import keadaan
    from zi.arsip.registri import Registri

    kode = baca_bulan(bulan, f"{awalan}bulan").kode if bulan else None
    with Registri.buka(akar, tulis=False) as reg:
        catatan = reg.semua(kode)
    return [(c, keadaan(akar, c)) for c in catatan]


def catatan_arsip(akar: Path, bulan: str | None = None, awalan: str = CLI) -> list[Catatan]:
    """The registry's rows (of a month), without reading the files (`zi arsip --json`)."""
    from zi.arsip.registri import Registri

    kode = baca_bulan(bulan, f"{awalan}bulan").kode if bulan else None
    with Registri.buka(akar, tulis=False) as reg:
        return reg.semua(kode)


def buat_pdf(akar: Path, dokumen: Iterable[str | Path], batas_detik: float = 60.0) -> HasilPdf:
    """PDFs of the listed documents in bulk (one LibreOffice per core), only what changed;
    a file that fails is named in the result, the rest delivered."""
    from zi.pdf import pastikan_pdf

    return pastikan_pdf(akar, list(dokumen), batas_detik=batas_detik)


def pdf_keluaran(akar: Path, keluaran: list[Keluaran]) -> list[Path]:
    """The documents of a run that a PDF is made for (a conflict: both files)."""
    from zi.pdf import dokumen_keluaran

    return dokumen_keluaran(akar, keluaran)


@dataclass
class HasilBundel:
    """A bundle written, the PDFs made for it, and why it has none (LibreOffice missing)."""

    jalur: Path
    pdf: HasilPdf | None = None
    galat: ZiError | None = None
    berkas: int = 0
    tanpa_bukti: list[str] = field(default_factory=list)


def _pdf_untuk_bundel(akar: Path, dokumen: list[str]) -> tuple[HasilPdf | None, ZiError | None]:
    """A bundle carries each document's PDF: make what is missing. Without LibreOffice the
    bundle still goes out, without PDFs, and the error is returned to be reported after it."""
    from zi.pdf import LibreOfficeTidakAda

    try:
        return buat_pdf(akar, dokumen), None
    except LibreOfficeTidakAda as e:
        return None, ZiError(f"{e.pesan}; bundel ditulis tanpa PDF")


def bundel(akar: Path, bulan: str, awalan: str = CLI) -> HasilBundel:
    """Zip one month of the archive (documents with their PDFs) with its index, for the inspectorate."""
    from zi.arsip.bundel import bundel_bulan
    from zi.arsip.registri import Registri

    kode = baca_bulan(bulan, f"{awalan}bundel").kode
    catatan = catatan_arsip(akar, kode)
    hasil_pdf, galat = _pdf_untuk_bundel(akar, [c.path for c in catatan])
    with Registri.buka(akar, tulis=False) as reg:
        pdf = reg.semua_pdf()
    return HasilBundel(bundel_bulan(akar, kode, catatan, pdf), hasil_pdf, galat)


# --------------------------------------------------------------------------- the evaluation's view (LKE)

def lke(sumber: Sumber, akar: Path, periode: str | Periode | None = None, *, hari_ini: dt.date | None = None,
        awalan: str = CLI) -> Any:
    """The LKE view of a period (`zi lke`): the period report's own computation
    (`zi.monev.rekap`), so the command and the report's LKE table agree."""
    from zi.monev import rekap

    p = periode_monev(sumber, periode, awalan)
    return rekap(sumber.rencana, p, akar, hari_ini or sumber.hari_ini(), data=sumber.folder_data)


def bundel_lke(sumber: Sumber, akar: Path, tahun: str | int, awalan: str = CLI) -> HasilBundel:
    """The year's evidence zipped in the LKE's order (area / row), with the documents' PDFs
    and an index."""
    from zi.lke import muat_lke
    from zi.lke_bundel import bundel_lke as tulis_bundel

    if not re.fullmatch(r"\d{4}", str(tahun).strip()):
        raise ZiError(f"tahun \"{tahun}\" harus berbentuk TAHUN, mis. {sumber.rencana.tahun}",
                      lokasi=f"argumen {awalan}bundel-lke")
    t = int(str(tahun).strip())
    lke_ = muat_lke(sumber.rencana, sumber.folder_data)
    if t != sumber.rencana.tahun:
        raise ZiError(f"tahun {t} di luar rencana tahun {sumber.rencana.tahun}", lokasi=f"argumen {awalan}bundel-lke")
    hasil_pdf, galat = _pdf_untuk_bundel(akar, [c.path for c in catatan_arsip(akar) if c.bulan.startswith(f"{t}-")])
    h = tulis_bundel(akar, sumber.rencana, lke_, t, sumber.kantor.instansi.nama)
    return HasilBundel(h.jalur, hasil_pdf, galat, h.berkas, list(h.tanpa_bukti))


# --------------------------------------------------------------------------- many offices (H4)

@dataclass(frozen=True)
class SatuKantor:
    """One office of a `kantor/` folder: its code (archive sub-folder, artifact key) and inputs."""

    kode: str  # the folder's name in lowercase letters, digits and dashes
    folder: Path
    sumber: Sumber


def kode_kantor(folder: str | Path) -> str:
    """"KPU_Sarolangun" → "kpu-sarolangun": the form Prefect's artifact keys allow, also
    used for the office's archive folder `outputs/<kode>/`."""
    return re.sub(r"[^a-z0-9]+", "-", Path(folder).name.lower()).strip("-")


def daftar_kantor(folder: str | Path, awalan: str = CLI) -> list[SatuKantor]:
    """Every sub-folder of `folder` is one office (instansi.yaml, pegawai.yaml, tim.yaml and
    its one rencana_aksi_*.yaml). All are loaded and checked before any is worked on, so one
    bad office stops the run before anything is written or started."""
    from zi.rencana import tampil_jalur

    akar = Path(folder)
    if not akar.is_dir():
        raise ZiError("folder kantor tidak ditemukan", tampil_jalur(akar),
                      f"argumen {'--semua-kantor' if awalan == CLI else 'folder'}")
    sub = sorted(p for p in akar.iterdir() if p.is_dir() and not p.name.startswith((".", "_")))
    if not sub:
        raise ZiError("folder tidak memuat folder kantor (satu subfolder per kantor)", tampil_jalur(akar))
    hasil: dict[str, SatuKantor] = {}
    for p in sub:
        kode = kode_kantor(p)
        if not kode:
            raise ZiError("nama folder kantor harus memuat huruf atau angka", tampil_jalur(p))
        if kode in hasil:
            raise ZiError(f"kode kantor \"{kode}\" dipakai dua folder: {hasil[kode].folder.name} dan {p.name}",
                          tampil_jalur(akar))
        hasil[kode] = SatuKantor(kode, p, muat_sumber(None, p, awalan))
    return list(hasil.values())


def buat_semua_kantor(folder: str | Path, akar: Path, *, bulan: str | None = None, tahun: int | None = None,
                      area: str | None = None, jenis: str | Iterable[str] | None = None,
                      awalan: str = CLI) -> list[tuple[SatuKantor, HasilBuat]]:
    """`zi buat --semua-kantor`: each office's drafts into `akar/<kode>/`, after every
    office and the period were checked against every plan."""
    daftar = daftar_kantor(folder, awalan)
    baca_area(area, f"{awalan}area"), baca_jenis(jenis, f"{awalan}jenis")
    for k in daftar:
        periode_buat(k.sumber, bulan, tahun, awalan)
    return [(k, buat_draf(k.sumber, akar / k.kode, bulan=bulan, tahun=tahun, area=area, jenis=jenis, awalan=awalan))
            for k in daftar]


# --------------------------------------------------------------------------- the service's own schedule

def jadwal_layanan(data: str | Path, pukul: str = "07:00") -> dict[str, str]:
    """The daily and quarterly runs of the office in folder `data` (its plan year, its
    zone): {"harian", "monev": RRULE sets, "zona", "tahun"}."""
    from zi.jadwal_layanan import aturan_harian, aturan_monev, baca_pukul

    sumber = muat_sumber(data=data)
    jam, tahun = baca_pukul(pukul), sumber.rencana.tahun
    return {"harian": aturan_harian(tahun, jam), "monev": aturan_monev(tahun, jam),
            "zona": sumber.kantor.instansi.zona_waktu, "tahun": str(tahun)}
