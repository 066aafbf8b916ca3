"""The realisasi tracker: an Excel workbook in which the ZI team records, per occurrence of
each plan row, whether it was done, when, and with what evidence.

`<archive>/realisasi/realisasi-<tahun>.xlsx`, sheet "Realisasi": one line per
(row id, due month) up to the end of a period. zi owns the descriptive columns (area,
langkah aksi, bukti fisik, due month and date, evidence found in the archive); staff own
Status, Tanggal Selesai, Bukti Lain and Catatan. A refresh edits the workbook in place:
staff cells, extra columns, their formatting and row order survive; new occurrences are
appended; a line whose occurrence left the plan is kept and marked in its Catatan, never
deleted. The sheets "Bukti" (one hyperlink per evidence file) and "Petunjuk" are rebuilt.

Columns are found by their header text, so staff may move them or add their own. A
renamed header is matched by its original position when that is unambiguous, and said so.
`baca_realisasi` reads the staff entries back for the laporan monev, collecting every
problem with its cell address instead of failing.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from zi.arsip.berkas import di_dalam, tulis_atomik
from zi.arsip.tata import folder_baris
from zi.galat import ZiError
from zi.jadwal import Kejadian
from zi.rencana import Rencana

if TYPE_CHECKING:
    from zi.periode import Periode

FOLDER = "realisasi"
LEMBAR = "Realisasi"
LEMBAR_BUKTI = "Bukti"
LEMBAR_PETUNJUK = "Petunjuk"
STATUS = ("belum", "proses", "selesai")
FORMAT_TANGGAL = "dd-mm-yyyy"
TANDA_HILANG = "[tidak ada lagi di rencana]"
ASAL_DRAF, ASAL_DISUNTING, ASAL_STAF = "draf zi", "draf zi (disunting)", "berkas staf"
BARIS_VALIDASI = 2000  # the status dropdown and date check cover at least this many rows

_AKRONIM = {"WBK", "WBBM", "KPU", "SDM", "ZI", "WBK/WBBM"}
_KATA_KECIL = {"dan", "untuk", "yang", "di", "ke", "dari", "atau", "pada", "dengan"}


@dataclass(frozen=True)
class Kolom:
    kunci: str
    judul: str
    lebar: float
    staf: bool = False  # typed by staff: a refresh never writes it


KOLOM = (
    Kolom("id", "ID Baris", 10),
    Kolom("area", "Area", 30),
    Kolom("langkah_aksi", "Langkah Aksi", 50),
    Kolom("bukti_fisik", "Bukti Fisik", 36),
    Kolom("bulan", "Bulan Jatuh Tempo", 12),
    Kolom("jatuh_tempo", "Tanggal Jatuh Tempo", 13),
    Kolom("status", "Status", 11, staf=True),
    Kolom("tanggal_selesai", "Tanggal Selesai", 13, staf=True),
    Kolom("bukti_arsip", "Bukti di Arsip", 44),
    Kolom("bukti_lain", "Bukti Lain", 32, staf=True),
    Kolom("catatan", "Catatan", 40, staf=True),
)
KOLOM_PER_KUNCI = {k.kunci: k for k in KOLOM}
IDENTITAS = ("id", "bulan")  # a line's identity: (row id, due month)


def judul_area(teks: str) -> str:
    """"PENATAAN SISTEM MANAJEMEN SDM" → "Penataan Sistem Manajemen SDM"."""
    kata = []
    for i, w in enumerate(teks.split()):
        if w.upper() in _AKRONIM or "/" in w:
            kata.append(w.upper())
        elif i and w.lower() in _KATA_KECIL:
            kata.append(w.lower())
        else:
            kata.append(w[:1].upper() + w[1:].lower())
    return " ".join(kata)


def jalur_realisasi(akar: Path, tahun: int) -> Path:
    return akar / FOLDER / f"realisasi-{tahun}.xlsx"


def kode_periode(tahun: int, awal: int, akhir: int) -> str:
    """The canonical code of a period (kept for callers of the tuple form)."""
    from zi.periode import Periode

    if (awal, akhir) == (1, 12):
        return Periode.setahun(tahun).kode
    if akhir - awal == 5:
        return Periode(tahun, "semester", akhir // 6).kode
    return Periode(tahun, "triwulan", akhir // 3).kode


def periode_rencana(rencana: Rencana, periode: "str | Periode | None", asal: str = "--periode") -> "Periode":
    """The period asked for (default: the plan's whole year), which must lie in the plan's year."""
    from zi.periode import Periode, baca_periode

    p = periode if isinstance(periode, Periode) else baca_periode(periode or str(rencana.tahun), asal)
    if p.tahun != rencana.tahun:
        raise ZiError(f"periode {p.kode} di luar rencana tahun {rencana.tahun}", lokasi=f"argumen {asal}")
    return p


def tenggat(k: Kejadian) -> dt.date:
    """An occurrence's due date: the last working day of its window (`Kejadian.tenggat`;
    computed here from the month or week while zi.jadwal does not provide it yet)."""
    from zi.kalender import hari_kerja_sebelum, jumlah_hari, rentang_minggu

    ada = getattr(k, "tenggat", None)
    if isinstance(ada, dt.date):
        return ada
    akhir = rentang_minggu(k.tahun, k.bulan, k.minggu)[1] if k.minggu else \
        dt.date(k.tahun, k.bulan, jumlah_hari(k.tahun, k.bulan))
    return hari_kerja_sebelum(akhir)


# --------------------------------------------------------------------------- plan lines

@dataclass(frozen=True)
class Butir:
    """One tracker line as the plan defines it: a row's occurrence."""

    id: str
    area: str  # "I".."VI"
    area_judul: str
    langkah_aksi: str
    bukti_fisik: str
    bulan: str  # YYYY-MM
    tenggat: dt.date  # the due date: last working day of the occurrence's window
    komponen: str = ""
    di_luar_tahun: bool = False  # due outside the plan's year: a data problem, never lateness
    target_waktu: str = ""

    @property
    def jatuh_tempo(self) -> dt.date:
        return self.tenggat

    @property
    def kunci(self) -> tuple[str, str]:
        return self.id, self.bulan

    @property
    def teks_area(self) -> str:
        return f"{self.area}. {self.area_judul}"


def butir_rencana(rencana: Rencana, sampai: "tuple[int, int] | Periode | None" = None) -> list[Butir]:
    """Every occurrence of every plan row due up to the end of `sampai` (a period, or
    (year, month) inclusive; all when None), ordered by due date then row id."""
    from zi.buat import susun_jadwal

    if sampai is not None and not isinstance(sampai, tuple):
        sampai = (sampai.tahun, sampai.bulan_akhir)
    hasil = []
    for jb in susun_jadwal(rencana):
        b = jb.baris
        for k in jb.jadwal.kejadian:
            if sampai is None or (k.tahun, k.bulan) <= sampai:
                hasil.append(Butir(b.id, b.area, judul_area(rencana.area[b.area]), b.langkah_aksi,
                                   b.bukti_fisik, k.kode_bulan, tenggat(k), b.komponen, k.tahun != rencana.tahun,
                                   b.target_waktu))
    return sorted(hasil, key=lambda x: (x.tenggat, x.id))


# --------------------------------------------------------------------------- evidence

@dataclass(frozen=True)
class Bukti:
    """An evidence file in the archive: path relative to the archive root, and its origin."""

    path: str
    asal: str  # ASAL_DRAF, ASAL_DISUNTING or ASAL_STAF



def cari_bukti(akar: Path, kunci: Iterable[tuple[str, str]], tanpa_jenis: frozenset[str] = frozenset(),
               tanpa_judul: tuple[str, ...] = ()) -> dict[tuple[str, str], list[Bukti]]:
    """Evidence per (row id, month): the row's drafts in the archive registry (still on
    disk; "disunting" when a person changed them) and any other file staff put in the
    row's folder for that month. What counts as a file of the archive is the archive's
    rule (`zi.arsip.tata`); a "(draf baru)" awaiting a person's choice is not evidence.
    Drafts of the kinds in `tanpa_jenis` are left out (reports never cite each other), and so
    are unregistered files titled like them (`tanpa_judul`: what a run killed before recording
    its draft leaves, which the next run adopts — never staff's evidence)."""
    from zi.arsip.kebijakan import keadaan
    from zi.arsip.registri import Registri
    from zi.arsip.tata import berkas_isi, draf_baru

    dicari = set(kunci)
    with Registri.buka(akar, tulis=False) as reg:
        catatan = reg.semua()
        pdf_draf = {v.path for v in reg.semua_pdf().values()}  # a draft's PDF (zi.pdf) is that draft, not staff's
    terdaftar = {c.path for c in catatan} | pdf_draf
    hasil: dict[tuple[str, str], list[Bukti]] = {k: [] for k in dicari}
    for c in catatan:
        if c.jenis in tanpa_jenis:
            continue
        for k in {(b, c.bulan) for b in c.baris} & dicari:
            if (ada := keadaan(akar, c)) != "hilang":
                hasil[k].append(Bukti(c.path, ASAL_DRAF if ada == "asli" else ASAL_DISUNTING))
    for k in dicari:
        for p in berkas_isi(folder_baris(akar, k[1], k[0])):
            rel = p.relative_to(akar).as_posix()
            if rel not in terdaftar and not draf_baru(p) and not p.name[11:].startswith(tanpa_judul or ("\0",)):
                hasil[k].append(Bukti(rel, ASAL_STAF))
    for k in hasil:
        hasil[k].sort(key=lambda b: (b.asal == ASAL_STAF, b.path))
    return hasil


def _tautan(path: str) -> str:
    """A hyperlink target relative to the workbook (which sits in `<archive>/realisasi/`)."""
    return quote(f"../{path}", safe="/")


# --------------------------------------------------------------------------- columns

def _norm(nilai: Any) -> str:
    return " ".join(str(nilai).split()).lower() if nilai is not None else ""


def alamat(berkas: Path, lembar: str, sel: str) -> str:
    """"realisasi-2026.xlsx!Realisasi!G12": how problems name a cell."""
    return f"{berkas.name}!{lembar}!{sel}"


def petakan_kolom(ws: Any, berkas: Path) -> tuple[dict[str, int], list[str], list[str]]:
    """Column number per column key, found by header text in row 1.

    A header that is not found is matched by its original position when the header there
    is not another known column (a renamed header); that is reported. The identity columns
    (ID Baris, Bulan Jatuh Tempo) are never guessed. Returns (map, notes about renamed
    headers, keys that could not be found at all).
    """
    from openpyxl.utils import get_column_letter

    judul = {}
    for c in range(1, ws.max_column + 1):
        n = _norm(ws.cell(1, c).value)
        if n and n not in judul:
            judul[n] = c
    dikenal = {_norm(k.judul) for k in KOLOM}
    peta: dict[str, int] = {}
    catatan: list[str] = []
    hilang: list[str] = []
    for posisi, k in enumerate(KOLOM, 1):
        if _norm(k.judul) in judul:
            peta[k.kunci] = judul[_norm(k.judul)]
            continue
        di_sana = ws.cell(1, posisi).value
        if k.kunci not in IDENTITAS and _norm(di_sana) not in dikenal and posisi not in peta.values():
            peta[k.kunci] = posisi
            sel = f"{get_column_letter(posisi)}1"
            asli = f"berjudul \"{di_sana}\"" if di_sana not in (None, "") else "tanpa judul"
            catatan.append(f"{alamat(berkas, ws.title, sel)}: kolom \"{k.judul}\" tidak ditemukan; kolom {sel[:-1]} "
                           f"({asli}, di posisi aslinya) dipakai sebagai \"{k.judul}\"")
        else:
            hilang.append(k.kunci)
    return peta, catatan, hilang


def _pesan_hilang(berkas: Path, lembar: str, kunci: list[str]) -> str:
    nama = ", ".join(f"\"{KOLOM_PER_KUNCI[k].judul}\"" for k in kunci)
    return f"{alamat(berkas, lembar, '1:1')}: kolom {nama} tidak ditemukan di baris judul"


# --------------------------------------------------------------------------- reading

@dataclass(frozen=True)
class Entri:
    """What staff recorded on one tracker line (after checking)."""

    id: str
    bulan: str
    baris: int  # worksheet row
    status: str  # one of STATUS ("belum" when blank or unreadable)
    tanggal_selesai: dt.date | None
    bukti_arsip: str
    bukti_lain: str
    catatan: str


@dataclass
class Bacaan:
    """The tracker as read: entries per (row id, month) and every problem found."""

    jalur: Path
    ada: bool  # the file exists
    terbaca: bool = False  # its Realisasi sheet and ID/month columns could be read
    entri: dict[tuple[str, str], Entri] = field(default_factory=dict)
    masalah: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Kegiatan:
    """One plan occurrence as the reports see it: the tracker's entry judged on a date."""

    butir: Butir
    status: str  # belum / proses / selesai (as read; "belum" when the tracker is silent)
    dilaporkan: bool  # the team typed something on its line (a fresh line's "belum" is not a report)
    tanggal_selesai: dt.date | None
    dalam_periode: bool
    selesai: bool  # done by the end of the span looked at
    terlambat: int | None  # days late; None when not late
    bukti_arsip: tuple[Bukti, ...] = ()
    bukti_lain: str = ""

    @property
    def ada_bukti(self) -> bool:
        return bool(self.bukti_arsip or self.bukti_lain)


def nilai_kegiatan(b: Butir, bacaan: Bacaan, bukti: Iterable[Bukti], *, akhir: dt.date, batas: dt.date,
                   dalam: bool = True) -> Kegiatan:
    """Judge one occurrence: done when "selesai" by `akhir` (or with no date); late when
    done after its `tenggat`, or not done and its `tenggat` is before the cut-off `batas`."""
    e = bacaan.entri.get(b.kunci)
    status = e.status if e else "belum"
    selesai_pada = e.tanggal_selesai if e else None
    dilaporkan = bool(e and (e.status != "belum" or e.tanggal_selesai or e.bukti_lain or e.catatan))
    selesai = status == "selesai" and (selesai_pada is None or selesai_pada <= akhir)
    if selesai:
        lambat = (selesai_pada - b.tenggat).days if selesai_pada and selesai_pada > b.tenggat else None
    else:
        lambat = (batas - b.tenggat).days if b.tenggat < batas else None
    return Kegiatan(b, status, dilaporkan, selesai_pada, dalam, selesai, lambat, tuple(bukti),
                    e.bukti_lain if e else "")


def _teks(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, dt.datetime):
        return v.strftime("%d-%m-%Y")
    return str(v).strip()


def _bulan(v: Any) -> str | None:
    """"2026-03" (or a date Excel made of it) → "2026-03"; anything else → None."""
    if isinstance(v, (dt.datetime, dt.date)):
        return f"{v.year:04d}-{v.month:02d}"
    s = _teks(v)
    m = re.fullmatch(r"(\d{4})-(\d{1,2})", s)
    if m and 1 <= int(m.group(2)) <= 12:
        return f"{int(m.group(1)):04d}-{int(m.group(2)):02d}"
    return None


def _tanggal_teks(s: str) -> dt.date | None:
    """The two unambiguous text forms: dd-mm-yyyy (the sheet's display) and yyyy-mm-dd."""
    for pola, urut in ((r"(\d{1,2})-(\d{1,2})-(\d{4})", (3, 2, 1)), (r"(\d{4})-(\d{2})-(\d{2})", (1, 2, 3))):
        m = re.fullmatch(pola, s)
        if m:
            try:
                return dt.date(*(int(m.group(i)) for i in urut))
            except ValueError:
                return None
    return None


def buka_buku(jalur: Path) -> Any:
    """Load a workbook; a file that is not a readable .xlsx is a `ZiError` naming it."""
    import openpyxl

    if not zipfile.is_zipfile(jalur):
        raise ZiError("bukan berkas Excel .xlsx (atau rusak)", jalur)
    from xml.etree.ElementTree import ParseError

    from lxml.etree import XMLSyntaxError
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        return openpyxl.load_workbook(jalur)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, ValueError, TypeError, ParseError,
            XMLSyntaxError) as e:  # what openpyxl raises for a broken package
        raise ZiError(f"berkas Excel rusak: {e}", jalur) from None


@dataclass
class _Lembar:
    """One open Realisasi sheet with its column map: reads a cell with its address."""

    ws: Any
    peta: dict[str, int]
    jalur: Path

    def sel(self, kunci: str, r: int) -> tuple[Any, str]:
        from openpyxl.utils import get_column_letter

        c = self.peta.get(kunci)
        if c is None:
            return None, ""
        return self.ws.cell(r, c).value, alamat(self.jalur, LEMBAR, f"{get_column_letter(c)}{r}")


def _buka_lembar(jalur: Path, hasil: Bacaan) -> _Lembar | None:
    """The sheet and its columns, or None (with the reason in `hasil.masalah`)."""
    try:
        wb = buka_buku(jalur)
    except ZiError as e:
        hasil.masalah.append(f"{jalur.name}: {e.pesan}; berkas realisasi tidak dipakai")
        return None
    if LEMBAR not in wb.sheetnames:
        hasil.masalah.append(f"{jalur.name}: lembar \"{LEMBAR}\" tidak ada (ada: {', '.join(wb.sheetnames)}); "
                             "berkas realisasi tidak dipakai")
        return None
    ws = wb[LEMBAR]
    peta, catatan, hilang = petakan_kolom(ws, jalur)
    hasil.masalah += catatan
    if hilang:
        hasil.masalah.append(_pesan_hilang(jalur, LEMBAR, hilang) + "; isinya dianggap kosong")
    if "id" in hilang or "bulan" in hilang:
        return None
    return _Lembar(ws, peta, jalur)


def _kunci_baris(lb: _Lembar, r: int, hasil: Bacaan) -> tuple[str, str] | None:
    """(row id, month) of line `r`, or None when the line is to be skipped (and why)."""
    nilai_id, a_id = lb.sel("id", r)
    nilai_bulan, a_bulan = lb.sel("bulan", r)
    id_ = _teks(nilai_id)
    if not id_:
        if any(lb.ws.cell(r, c).value not in (None, "") for c in lb.peta.values()):
            hasil.masalah.append(f"{a_id}: ID baris kosong; baris {r} diabaikan")
        return None
    bulan = _bulan(nilai_bulan)
    if bulan is None:
        hasil.masalah.append(f"{a_bulan}: bulan jatuh tempo \"{_teks(nilai_bulan)}\" bukan TAHUN-BULAN "
                             f"(mis. 2026-03); baris {r} diabaikan")
        return None
    if (id_, bulan) in hasil.entri:
        hasil.masalah.append(f"{a_id}: {id_} {bulan} sudah tercatat di baris {hasil.entri[(id_, bulan)].baris}; "
                             f"baris {r} diabaikan")
        return None
    return id_, bulan


def _status(lb: _Lembar, r: int, hasil: Bacaan) -> tuple[str, bool]:
    """The line's status (unknown words read as "belum", and reported) and whether it was known."""
    nilai, a = lb.sel("status", r)
    status = _norm(nilai) or "belum"
    if status in STATUS:
        return status, True
    hasil.masalah.append(f"{a}: status \"{_teks(nilai)}\" tidak dikenal (belum/proses/selesai)")
    return "belum", False


def _tanggal_selesai(lb: _Lembar, r: int, status: tuple[str, bool], hari_ini: dt.date | None,
                     hasil: Bacaan) -> dt.date | None:
    """The completion date as far as it can be read, checked against the status and today."""
    nilai, a = lb.sel("tanggal_selesai", r)
    tanggal: dt.date | None = None
    if isinstance(nilai, dt.datetime):
        tanggal = nilai.date()
    elif isinstance(nilai, dt.date):
        tanggal = nilai
    elif _teks(nilai):
        tanggal = _tanggal_teks(_teks(nilai)) if isinstance(nilai, str) else None
        if tanggal is None:
            hasil.masalah.append(f"{a}: tanggal selesai \"{_teks(nilai)}\" tidak bisa dibaca; ketik "
                                 "sebagai tanggal dd-mm-yyyy (mis. 12-03-2026)")
    if tanggal and hari_ini and tanggal > hari_ini:
        hasil.masalah.append(f"{a}: tanggal selesai {tanggal:%d-%m-%Y} belum terjadi (sesudah hari ini, "
                             f"{hari_ini:%d-%m-%Y})")
    kata, dikenal = status
    if tanggal and kata != "selesai" and dikenal and "status" in lb.peta:
        sel_status = lb.sel("status", r)[1].split("!")[-1]
        hasil.masalah.append(f"{a}: tanggal selesai diisi tetapi status \"{kata}\" (di {sel_status}); "
                             "tanggal diabaikan")
    if kata != "selesai":
        return None
    if tanggal is None and not _teks(nilai) and "tanggal_selesai" in lb.peta:
        hasil.masalah.append(f"{a}: status selesai tetapi tanggal selesai kosong; keterlambatan tidak bisa dihitung")
    return tanggal


def baca_realisasi(jalur: Path, hari_ini: dt.date | None = None) -> Bacaan:
    """Read staff entries, checking each cell. Never raises for bad content: a missing file
    gives `ada=False`; an unreadable file, a missing sheet or column, an unknown status, a
    date that is not a date (or after `hari_ini`)… become problems naming the cell, and the
    line is read as well as it can be (an unknown status counts as "belum", an unreadable
    date as empty)."""
    hasil = Bacaan(jalur, jalur.is_file())
    if not hasil.ada:
        return hasil
    lb = _buka_lembar(jalur, hasil)
    if lb is None:
        return hasil
    hasil.terbaca = True
    for r in range(2, lb.ws.max_row + 1):
        kunci = _kunci_baris(lb, r, hasil)
        if kunci is None:
            continue
        status = _status(lb, r, hasil)
        tanggal = _tanggal_selesai(lb, r, status, hari_ini, hasil)
        hasil.entri[kunci] = Entri(*kunci, r, status[0], tanggal, _teks(lb.sel("bukti_arsip", r)[0]),
                                   _teks(lb.sel("bukti_lain", r)[0]), _teks(lb.sel("catatan", r)[0]))
    return hasil


# --------------------------------------------------------------------------- writing

@dataclass
class HasilRealisasi:
    """What a refresh did."""

    jalur: Path
    label: str
    baru: int = 0
    tetap: int = 0
    ditandai: int = 0  # lines whose occurrence is no longer in the plan
    bukti_zi: int = 0
    bukti_staf: int = 0
    dibuat: bool = False  # the workbook did not exist before


@lru_cache(maxsize=1)
def _gaya() -> dict[str, Any]:
    """Cell styles, made once: openpyxl shares style objects between cells."""
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

    tipis = Side(style="thin", color="999999")
    return {
        "kepala_font": Font(bold=True),
        "kepala_isi": PatternFill("solid", fgColor="D9E1F2"),
        "kepala_staf": PatternFill("solid", fgColor="FFF2CC"),
        "bungkus": Alignment(wrap_text=True, vertical="top"),
        "tengah": Alignment(horizontal="center", vertical="top"),
        "judul": Alignment(wrap_text=True, horizontal="center", vertical="center"),
        "tautan": Font(color="0563C1", underline="single"),
        "biasa": Font(),
        "garis": Border(bottom=tipis),
    }


def _lembar_baru(wb: Any) -> Any:
    from openpyxl.utils import get_column_letter

    ws = wb.active
    ws.title = LEMBAR
    g = _gaya()
    for i, k in enumerate(KOLOM, 1):
        c = ws.cell(1, i, k.judul)
        c.font = g["kepala_font"]
        c.fill = g["kepala_staf"] if k.staf else g["kepala_isi"]
        c.alignment = g["judul"]
        c.border = g["garis"]
        ws.column_dimensions[get_column_letter(i)].width = k.lebar
    ws.row_dimensions[1].height = 30
    return ws


def _tulis_zi(ws: Any, r: int, peta: dict[str, int], b: Butir, bukti: list[Bukti], akar: Path) -> None:
    """Write zi's own cells of line `r` (staff cells are left alone)."""
    g = _gaya()
    nilai = {"id": b.id, "area": b.teks_area, "langkah_aksi": b.langkah_aksi, "bukti_fisik": b.bukti_fisik,
             "bulan": b.bulan, "jatuh_tempo": b.tenggat}
    for kunci, v in nilai.items():
        c = ws.cell(r, peta[kunci])
        if c.value != v and not (kunci == "jatuh_tempo" and isinstance(c.value, dt.datetime)
                                 and c.value.date() == v):
            c.value = v
        c.alignment = g["bungkus"] if kunci in ("area", "langkah_aksi", "bukti_fisik") else g["tengah"]
    ws.cell(r, peta["jatuh_tempo"]).number_format = FORMAT_TANGGAL
    c = ws.cell(r, peta["bukti_arsip"])
    folder = folder_baris(akar, b.bulan, b.id).relative_to(akar).as_posix() + "/"
    baris = []
    for x in bukti:
        nama = x.path[len(folder):] if x.path.startswith(folder) else x.path
        baris.append(f"{x.asal}: {nama}")
    c.value = "\n".join(baris) or None
    c.alignment = g["bungkus"]
    # One file: a link to it; several: a link to the row's folder (the Bukti sheet links each).
    c.hyperlink = (_tautan(bukti[0].path if len(bukti) == 1 else folder)) if bukti else None
    c.font = g["tautan"] if bukti else g["biasa"]


def _siapkan_staf(ws: Any, r: int, peta: dict[str, int]) -> None:
    g = _gaya()
    ws.cell(r, peta["status"]).value = "belum"
    ws.cell(r, peta["status"]).alignment = g["tengah"]
    ws.cell(r, peta["tanggal_selesai"]).number_format = FORMAT_TANGGAL
    ws.cell(r, peta["tanggal_selesai"]).alignment = g["tengah"]
    for k in ("bukti_lain", "catatan"):
        ws.cell(r, peta[k]).alignment = g["bungkus"]


def _validasi(ws: Any, peta: dict[str, int], baris_akhir: int) -> None:
    """The Status dropdown and the date check on Tanggal Selesai, re-applied on every
    refresh (over rows 2..max(BARIS_VALIDASI, last row)); staff's own rules are kept."""
    from openpyxl.formatting.rule import CellIsRule
    from openpyxl.styles import PatternFill
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    akhir = max(BARIS_VALIDASI, baris_akhir)
    daftar = f"\"{','.join(STATUS)}\""
    kol_s, kol_t = get_column_letter(peta["status"]), get_column_letter(peta["tanggal_selesai"])
    ws.data_validations.dataValidation = [
        dv for dv in ws.data_validations.dataValidation
        if dv.formula1 != daftar and not (dv.type == "date" and dv.promptTitle == "Tanggal selesai")
    ]
    status = DataValidation(type="list", formula1=daftar, allow_blank=True, showDropDown=False,
                            showErrorMessage=True, errorTitle="Status tidak dikenal",
                            error="Pilih salah satu: belum, proses, selesai.",
                            promptTitle="Status", prompt="belum / proses / selesai", showInputMessage=True)
    status.add(f"{kol_s}2:{kol_s}{akhir}")
    tanggal = DataValidation(type="date", operator="between", formula1="36526", formula2="73050",
                             allow_blank=True, showErrorMessage=True, errorTitle="Bukan tanggal",
                             error="Ketik tanggal, mis. 12-03-2026.", promptTitle="Tanggal selesai",
                             prompt="dd-mm-yyyy, mis. 12-03-2026", showInputMessage=True)
    tanggal.add(f"{kol_t}2:{kol_t}{akhir}")
    ws.add_data_validation(status)
    ws.add_data_validation(tanggal)

    rentang = f"{kol_s}2:{kol_s}{akhir}"
    from openpyxl.formatting.formatting import ConditionalFormattingList

    lama = ws.conditional_formatting
    ws.conditional_formatting = ConditionalFormattingList()
    for cf in lama:  # keep staff's own rules; ours are re-added on the current column
        if not any(getattr(r, "formula", None) and r.formula[0] in ('"selesai"', '"proses"', '"belum"')
                   for r in cf.rules):
            for rule in cf.rules:
                ws.conditional_formatting.add(str(cf.sqref), rule)
    for kata, warna in (("selesai", "C6EFCE"), ("proses", "FFEB9C"), ("belum", "F2F2F2")):
        ws.conditional_formatting.add(rentang, CellIsRule(operator="equal", formula=[f'"{kata}"'],
                                                          fill=PatternFill("solid", fgColor=warna)))


def _lembar_bukti(wb: Any, bukti: dict[tuple[str, str], list[Bukti]]) -> int:
    """Rebuild the "Bukti" sheet: one line and one hyperlink per evidence file."""
    if LEMBAR_BUKTI in wb.sheetnames:
        del wb[LEMBAR_BUKTI]
    ws = wb.create_sheet(LEMBAR_BUKTI, index=1)
    g = _gaya()
    for i, (judul, lebar) in enumerate((("ID Baris", 10), ("Bulan Jatuh Tempo", 12), ("Asal", 18),
                                        ("Berkas", 90)), 1):
        c = ws.cell(1, i, judul)
        c.font, c.fill, c.alignment = g["kepala_font"], g["kepala_isi"], g["judul"]
        ws.column_dimensions["ABCD"[i - 1]].width = lebar
    r = 1
    for (id_, bulan), daftar in sorted(bukti.items(), key=lambda x: (x[0][1], x[0][0])):
        for b in daftar:
            r += 1
            ws.cell(r, 1, id_)
            ws.cell(r, 2, bulan)
            ws.cell(r, 3, b.asal)
            c = ws.cell(r, 4, b.path)
            c.hyperlink = _tautan(b.path)
            c.font = g["tautan"]
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:D{max(r, 2)}"
    ws.cell(r + 2, 1, "Lembar ini dibuat ulang oleh zi setiap kali berkas diperbarui; jangan mengetik di sini.")
    return r - 1


def _lembar_petunjuk(wb: Any, rencana: Rencana, label: str, instansi: str | None) -> None:
    from openpyxl.styles import Alignment, Font

    if LEMBAR_PETUNJUK in wb.sheetnames:
        del wb[LEMBAR_PETUNJUK]
    ws = wb.create_sheet(LEMBAR_PETUNJUK)
    ws.column_dimensions["A"].width = 110
    teks = [
        (f"Realisasi Rencana Aksi Pembangunan Zona Integritas {instansi or rencana.rencana.instansi} "
         f"Tahun {rencana.tahun}", True),
        (f"Baris kejadian sampai dengan {label}; diperbarui dengan perintah: zi realisasi --periode …", False),
        ("", False),
        ("Yang diisi Tim (kolom berjudul kuning di lembar Realisasi):", True),
        ("• Status: pilih belum, proses atau selesai.", False),
        ("• Tanggal Selesai: tanggal kegiatan selesai, ketik sebagai tanggal dd-mm-yyyy (mis. 12-03-2026).", False),
        ("• Bukti Lain: tautan atau keterangan bukti yang tidak disimpan di folder arsip.", False),
        ("• Catatan: keterangan bebas (kendala, penanggung jawab, dsb.).", False),
        ("", False),
        ("Yang diisi zi (kolom berjudul biru): ID baris, area, langkah aksi, bukti fisik, bulan dan tanggal jatuh "
         "tempo (hari kerja terakhir dari rentang target waktunya), dan Bukti di Arsip.", False),
        ("Bukti di Arsip memuat draf yang dibuat zi untuk baris itu dan setiap berkas yang Anda simpan di folder "
         "arsip baris itu: <arsip>/<tahun>/<bulan>/<ID baris>/ (mis. outputs/2026/03/V.1.2/). Tautannya membuka "
         "berkas (atau foldernya bila lebih dari satu); lembar Bukti menautkan setiap berkas.", False),
        ("", False),
        ("Saat diperbarui, isian Tim tidak pernah ditimpa; kolom dan baris tambahan tetap ada; kejadian baru "
         f"ditambahkan di bawah; baris yang tidak ada lagi di rencana tetap disimpan dan Catatannya diberi awalan "
         f"{TANDA_HILANG}. Jangan mengubah judul kolom.", False),
    ]
    for i, (t, tebal) in enumerate(teks, 1):
        c = ws.cell(i, 1, t)
        c.alignment = Alignment(wrap_text=True, vertical="top")
        if tebal:
            c.font = Font(bold=True)


def buka_untuk_diperbarui(jalur: Path) -> tuple[Any, Any, dict[str, int]]:
    """The workbook, its Realisasi sheet and column map, ready for a refresh (a new one when
    the file does not exist). A sheet or identity column staff lost is refused, naming it,
    so nobody's cells get swapped: callers check this before writing anything else."""
    from openpyxl import Workbook

    if not jalur.exists():
        wb = Workbook()
        ws = _lembar_baru(wb)
    else:
        wb = buka_buku(jalur)
        if LEMBAR not in wb.sheetnames:
            raise ZiError(f"lembar \"{LEMBAR}\" tidak ada (ada: {', '.join(wb.sheetnames)}); kembalikan nama "
                          "lembarnya agar isian Tim tidak hilang", jalur)
        ws = wb[LEMBAR]
    peta, _, hilang = petakan_kolom(ws, jalur)  # its notes are reported by baca_realisasi
    if hilang:
        raise ZiError(_pesan_hilang(jalur, LEMBAR, hilang).split(": ", 1)[1] +
                      "; kembalikan judulnya (lihat lembar Petunjuk) agar isian Tim tidak tertukar",
                      jalur, f"lembar {LEMBAR}, baris 1")
    return wb, ws, peta


def _baris_ada(ws: Any, peta: dict[str, int]) -> tuple[dict[tuple[str, str], int], int]:
    """Lines already in the sheet by (row id, month), and the last line holding anything."""
    ada: dict[tuple[str, str], int] = {}
    baris_akhir = 1
    for row in range(2, ws.max_row + 1):
        if any(ws.cell(row, c).value not in (None, "") for c in peta.values()):
            baris_akhir = row
        id_, bulan = _teks(ws.cell(row, peta["id"]).value), _bulan(ws.cell(row, peta["bulan"]).value)
        if id_ and bulan and (id_, bulan) not in ada:
            ada[(id_, bulan)] = row
    return ada, baris_akhir


def _segarkan(ws: Any, peta: dict[str, int], semua: dict[tuple[str, str], Butir], dalam_periode: list[Butir],
              bukti: dict[tuple[str, str], list[Bukti]], akar: Path, hasil: HasilRealisasi) -> int:
    """Rewrite zi's cells of known lines, mark lines that left the plan, append new ones;
    returns the last line used."""
    ada, baris_akhir = _baris_ada(ws, peta)
    for k, row in ada.items():
        c = ws.cell(row, peta["catatan"])
        teks = _teks(c.value)
        if k in semua:
            _tulis_zi(ws, row, peta, semua[k], bukti[k], akar)
            if teks.startswith(TANDA_HILANG):  # the occurrence is back in the plan
                c.value = teks[len(TANDA_HILANG):].lstrip() or None
            hasil.tetap += 1
        else:
            if not teks.startswith(TANDA_HILANG):
                c.value = f"{TANDA_HILANG} {teks}".strip()
            hasil.ditandai += 1
    for b in dalam_periode:
        if b.kunci not in ada:
            baris_akhir += 1
            _tulis_zi(ws, baris_akhir, peta, b, bukti[b.kunci], akar)
            _siapkan_staf(ws, baris_akhir, peta)
            ada[b.kunci] = baris_akhir
            hasil.baru += 1
    return baris_akhir


def perbarui(akar: Path, periode: str | None = None, *, rencana: str | Path | None = None,
             rencana_obj: Rencana | None = None, instansi: str | None = None) -> HasilRealisasi:
    """Create or refresh `<akar>/realisasi/realisasi-<tahun>.xlsx` with one line per row
    occurrence up to the end of `periode` (default: the plan's year), keeping everything
    staff typed. Written atomically under the archive lock."""
    from openpyxl.utils import get_column_letter

    from zi.arsip.registri import kunci_arsip
    from zi.rencana import muat_rencana

    r = rencana_obj or muat_rencana(rencana)
    p = periode_rencana(r, periode)
    jalur = jalur_realisasi(akar, p.tahun)
    di_dalam(akar, jalur)
    semua = {b.kunci: b for b in butir_rencana(r)}
    dalam_periode = sorted((b for b in semua.values() if b.bulan <= p.daftar_bulan()[-1]),
                           key=lambda b: (b.tenggat, b.id))
    with kunci_arsip(akar):
        hasil = HasilRealisasi(jalur, p.label, dibuat=not jalur.exists())
        wb, ws, peta = buka_untuk_diperbarui(jalur)
        kunci_bukti = {b.kunci for b in dalam_periode} | {k for k in _baris_ada(ws, peta)[0] if k in semua}
        bukti = cari_bukti(akar, kunci_bukti)
        baris_akhir = _segarkan(ws, peta, semua, dalam_periode, bukti, akar, hasil)
        ws.freeze_panes = ws.freeze_panes or "A2"
        ws.auto_filter.ref = f"A1:{get_column_letter(max(ws.max_column, len(KOLOM)))}{max(baris_akhir, 2)}"
        _validasi(ws, peta, baris_akhir)
        hasil.bukti_zi = sum(1 for k in kunci_bukti for x in bukti[k] if x.asal != ASAL_STAF)
        hasil.bukti_staf = sum(1 for k in kunci_bukti for x in bukti[k] if x.asal == ASAL_STAF)
        _lembar_bukti(wb, {k: bukti[k] for k in kunci_bukti if bukti[k]})
        _lembar_petunjuk(wb, r, p.label, instansi)
        wb.active = wb.sheetnames.index(LEMBAR)
        keluar = io.BytesIO()
        wb.save(keluar)
        try:
            tulis_atomik(jalur, keluar.getvalue())
        except PermissionError:  # Windows shares refuse to replace a workbook open in Excel
            raise ZiError("berkas tidak bisa ditulis (sedang dibuka di Excel?); tutup dulu lalu ulangi", jalur) from None
    return hasil
