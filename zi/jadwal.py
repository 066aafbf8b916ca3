"""Reading a row's free-text target time ("target waktu") into dated occurrences.

Three steps, one module each: `jadwal_token` cuts the phrase into tokens using the word
table `jadwal_kata`; `jadwal_tata` parses them (a recursive-descent grammar, documented
there) into what the phrase says; this module dates it. Every occurrence is a window
(`mulai`..`selesai`) with a due date (`tenggat`, its last working day) and an event date
(`tanggal()`), see DESIGN §4. Any word the grammar does not know is an error that names it,
so a typo never silently shifts a deadline.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from enum import Enum
from functools import cached_property, lru_cache
from typing import TYPE_CHECKING, Iterable

from zi import jadwal_kata as K
from zi.bahasa import nama_bulan, tanggal as _tanggal
from zi.galat import JadwalError, ZiError, ZiErrors
from zi.jadwal_tata import MINGGU_MAKS, Butir, Frasa, Ref, urai  # noqa: F401  (MINGGU_MAKS re-exported)
from zi.kalender import (bagian_jendela, hari_dalam, hari_kerja, hari_kerja_pertama, jendela_bulan,
                         jumlah_hari, jumlah_minggu, minggu_ke, potong_satuan, rentang_minggu,
                         tenggat as tenggat_jendela)

if TYPE_CHECKING:
    from zi.rencana import Baris, Rencana



class Bentuk(str, Enum):
    """The shape of a target time (contract value of `bentuk`)."""

    SEKALI = "sekali"  # one window
    DAFTAR = "daftar"  # a list of windows
    RENTANG = "rentang"  # a span: one occurrence from its start, due at its end
    BERKALA = "berkala"  # recurring (monthly, quarterly, per semester, a weekday)


tulis_tanggal = lru_cache(maxsize=2048)(_tanggal)  # "12 Januari 2026"; the same few dates recur


@dataclass(frozen=True)
class Kejadian:
    """One occurrence: a window, its due date and its event date.

    `Kejadian(tahun, bulan[, minggu][, akhir])` is that month (or week, or the month's last
    dasarian when `akhir`); `Kejadian.jendela(mulai, selesai, …)` any window. `tahun`/`bulan`
    are the month the window closes in (its due month).
    """

    tahun: int
    bulan: int
    minggu: int | None = None
    akhir: bool = False  # the event is at the window's end ("akhir Maret", "setiap akhir bulan")
    mulai: dt.date = None  # type: ignore[assignment]  # filled in __post_init__ when not given
    selesai: dt.date = None  # type: ignore[assignment]
    hari: int | None = None  # a fixed weekday for the event, 0 = Monday
    tanggal_tetap: dt.date | None = None  # a fixed event date (the row's `rapat.tanggal`)

    def __post_init__(self) -> None:
        if self.mulai is None or self.selesai is None:
            if self.minggu:
                a, b = rentang_minggu(self.tahun, self.bulan, self.minggu)
            else:
                a, b = jendela_bulan(self.tahun, self.bulan)
                if self.akhir:
                    a = a.replace(day=21)
            object.__setattr__(self, "mulai", self.mulai or a)
            object.__setattr__(self, "selesai", self.selesai or b)
        if self.mulai > self.selesai or (self.selesai.year, self.selesai.month) != (self.tahun, self.bulan):
            raise ValueError(f"jendela {self.mulai}..{self.selesai} tidak cocok dengan bulan {self.kode_bulan}")

    @classmethod
    def jendela(cls, mulai: dt.date, selesai: dt.date, **kw: object) -> "Kejadian":
        """An occurrence over mulai..selesai (inclusive)."""
        return cls(selesai.year, selesai.month, mulai=mulai, selesai=selesai, **kw)  # type: ignore[arg-type]

    @property
    def kode_bulan(self) -> str:
        return f"{self.tahun:04d}-{self.bulan:02d}"

    @cached_property
    def tenggat(self) -> dt.date:
        """The due date: the window's last working day (lateness, "is it time", report dates)."""
        return tenggat_jendela(self.mulai, self.selesai)

    def tanggal(self) -> dt.date:
        """The event date (meetings, letters, apel): a fixed date, else the window's end for
        "akhir", else its first working day on the fixed weekday, else its first working day
        (the next working day after it when it has none)."""
        if self.tanggal_tetap is not None:
            return self.tanggal_tetap
        if self.akhir:
            return self.tenggat
        if self.hari is not None:
            d = hari_kerja_pertama(self.mulai, self.selesai, self.hari)
            if d is not None:
                return d
        return hari_kerja_pertama(self.mulai, self.selesai) or self.tenggat


def _urutan(k: Kejadian) -> tuple[dt.date, dt.date, bool]:
    return (k.mulai, k.selesai, k.akhir)


@dataclass(frozen=True)
class Jadwal:
    """How a phrase was read: its shape, occurrences in order, warnings and explanations."""

    teks: str
    bentuk: Bentuk
    kejadian: tuple[Kejadian, ...]
    peringatan: tuple[str, ...] = ()
    bacaan: str = ""  # one line: which reading was taken (and the alternative, for a span)
    penjelasan: tuple[str, ...] = field(default=(), compare=False)  # how each token was read


@dataclass(frozen=True)
class KonteksBaris:
    """What a plan row adds to its phrase: recurrence words, a fixed weekday or date."""

    teks: tuple[tuple[str, str], ...] = ()  # (column name, text): langkah aksi, bukti fisik
    hari: int | None = None
    tanggal: dt.date | None = None


# --------------------------------------------------------------------------- windows

@dataclass
class _Jendela:
    mulai: dt.date
    selesai: dt.date
    minggu: int | None = None
    akhir: bool = False
    tetap: dt.date | None = None
    bulan_n: int = 1  # months the window was written as (a span counts its months)


def _jendela_ref(ref: Ref, teks: str) -> _Jendela:
    assert ref.bulan is not None and ref.tahun is not None
    t, b = ref.tahun, ref.bulan
    if ref.hari_bulan is not None:
        if not 1 <= ref.hari_bulan <= jumlah_hari(t, b):
            raise JadwalError(f"tanggal {ref.hari_bulan} {nama_bulan(b)} {t} tidak ada", teks)
        d = dt.date(t, b, ref.hari_bulan)
        return _Jendela(d, d, tetap=d)
    if ref.minggu is not None:
        n = jumlah_minggu(t, b) if ref.minggu == -1 else ref.minggu
        if n > jumlah_minggu(t, b):
            raise JadwalError(f"{nama_bulan(b)} {t} tidak punya minggu ke-{n} (ada {jumlah_minggu(t, b)})", teks)
        if ref.bagian:
            raise JadwalError(f"\"{ref.bagian}\" dan minggu ke-{n} bertentangan", teks)
        a, z = rentang_minggu(t, b, n)
        return _Jendela(a, z, minggu=n)
    a, z = jendela_bulan(t, b, ref.panjang)
    if ref.bagian:
        a, z = bagian_jendela(a, z, ref.bagian)
        return _Jendela(a, z, akhir=ref.bagian == "akhir")
    return _Jendela(a, z, bulan_n=ref.panjang)


def _jendela_butir(b: Butir, teks: str) -> _Jendela:
    awal = _jendela_ref(b.awal, teks)
    if b.akhir is None:
        return awal
    akhir = _jendela_ref(b.akhir, teks)
    if akhir.selesai < awal.mulai or akhir.mulai < awal.mulai:
        raise JadwalError(f"rentang terbalik: {b.awal.teks} {b.awal.tahun} sesudah {b.akhir.teks} {b.akhir.tahun}", teks)
    bulan_n = (akhir.selesai.year - awal.mulai.year) * 12 + akhir.selesai.month - awal.mulai.month + 1
    return _Jendela(awal.mulai, akhir.selesai, akhir=akhir.akhir, bulan_n=max(bulan_n, 2))


def _potong(j: _Jendela, bulan: int, bagian: str | None) -> list[_Jendela]:
    """A window cut into calendar units (months, quarters, …), each maybe narrowed to a part."""
    hasil = []
    for a, z in potong_satuan(j.mulai, j.selesai, bulan):
        if bagian:
            a, z = bagian_jendela(a, z, bagian)
        hasil.append(_Jendela(a, z, akhir=bagian == "akhir"))
    return hasil


# --------------------------------------------------------------------------- meaning

@dataclass(frozen=True)
class UlangBaris:
    """A recurrence a row's own text states: its unit, the words found and their column."""

    satuan: str
    kata: str
    kolom: str


def ulang_baris(konteks: KonteksBaris) -> tuple[UlangBaris | None, str | None]:
    """The recurrence the row's text states, or a warning when it names two different units."""
    temuan: dict[str, UlangBaris] = {}
    for kolom, teks in konteks.teks:
        for m in _pola_ulang().finditer(teks):
            satuan = K.ULANG_BARIS[re.sub(r"\s+", " ", m.group(0).lower())]
            temuan.setdefault(satuan, UlangBaris(satuan, m.group(0), kolom))
    if len(temuan) > 1:
        kata = " dan ".join(f"\"{u.kata}\"" for u in temuan.values())
        return None, f"baris menyebut {kata}: rentang tetap dibaca satu kejadian"
    return next(iter(temuan.values()), None), None


@lru_cache(maxsize=1)
def _pola_ulang() -> re.Pattern[str]:
    kata = sorted(K.ULANG_BARIS, key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(k).replace(r"\ ", r"\s+") for k in kata) + r")(?!\w)", re.I)


def _tahuni(f: Frasa, tahun: int) -> list[str]:
    """Give every point a year (its own, the phrase's, else the plan's); warn of other years."""
    dasar = f.tahun_umum or tahun
    lain = set()
    for b in f.butir:
        for ref in (b.awal, b.akhir):
            if ref is not None:
                ref.tahun = ref.tahun or dasar
                lain.add(ref.tahun)
    if not f.butir:
        lain.add(dasar)
    return [f"tahun {t} di luar tahun rencana {tahun}" for t in sorted(lain - {tahun})]


def baca(teks: str, tahun: int, konteks: KonteksBaris | None = None) -> Jadwal:
    """Read a target-time phrase of a plan for year `tahun` (with its row's `konteks`).

    Raises `JadwalError` (naming the text and what is wrong) when it cannot be read.
    """
    if not teks or not teks.strip():
        raise JadwalError("target waktu kosong", teks or "")
    f = urai(teks)
    konteks = konteks or KonteksBaris()
    peringatan = [*f.peringatan, *_tahuni(f, tahun)]
    jendela = [_jendela_butir(b, teks) for b in f.butir]
    dasar = f.tahun_umum or tahun
    tahun_penuh = _Jendela(*jendela_bulan(dasar, 1, 12), bulan_n=12)
    if f.hari_ulang:
        kejadian, bentuk, bacaan = _hari_ulang(f, jendela or [tahun_penuh], peringatan)
    elif f.ulang_bulan:
        jendela = _ulang(f.ulang_bulan, f.ulang_bagian, jendela or [tahun_penuh])
        jendela = _dalam_bulan(f, jendela, peringatan)
        di = "pada waktu yang disebut" if f.butir else f"sepanjang tahun {dasar}"
        bentuk, bacaan = Bentuk.BERKALA, f"berulang setiap {_satuan_teks(f)} {di}: {len(jendela)} kejadian"
        kejadian = None
    else:
        bentuk, bacaan, jendela = _bentuk(jendela, konteks, peringatan)
        kejadian = None
    hari = f.hari_tetap if f.hari_tetap is not None else konteks.hari
    if kejadian is None:
        kejadian = [Kejadian.jendela(j.mulai, j.selesai, minggu=j.minggu, akhir=j.akhir, hari=hari,
                                     tanggal_tetap=j.tetap) for j in jendela]
    kejadian = _tetapkan(kejadian, konteks.tanggal, peringatan)
    urut = tuple(sorted(set(kejadian), key=_urutan))
    libur = [k.tanggal_tetap for k in urut if k.tanggal_tetap and not hari_kerja(k.tanggal_tetap)]
    if libur:
        peringatan.append("tanggal yang ditulis bukan hari kerja: " + ", ".join(tulis_tanggal(d) for d in libur)
                          + "; acaranya tetap pada tanggal itu, tenggatnya hari kerja berikutnya")
    return Jadwal(teks=teks, bentuk=bentuk, kejadian=urut, peringatan=tuple(peringatan),
                  bacaan=bacaan, penjelasan=jelaskan_token(f))


def _ulang(bulan: int, bagian: str | None, jendela: list[_Jendela]) -> list[_Jendela]:
    """Recurrence of `bulan` months over the written windows: one that fits stays, longer
    ones are cut into calendar units."""
    hasil: list[_Jendela] = []
    for j in jendela:
        if j.bulan_n > bulan:
            hasil.extend(_potong(j, bulan, bagian))
        elif bagian and not (j.minggu or j.tetap):  # "setiap akhir bulan Maret, Juni"
            a, z = bagian_jendela(j.mulai, j.selesai, bagian)
            hasil.append(_Jendela(a, z, akhir=bagian == "akhir"))
        else:
            hasil.append(j)
    return hasil


def _dalam_bulan(f: Frasa, jendela: list[_Jendela], peringatan: list[str]) -> list[_Jendela]:
    """"minggu pertama setiap bulan", "setiap tanggal 10": that week or day of each month."""
    if f.ulang_minggu is None and f.ulang_tanggal is None:
        return jendela
    hasil, tidak_ada = [], []
    for j in jendela:
        t, b = j.selesai.year, j.selesai.month
        if f.ulang_tanggal is not None:
            if f.ulang_tanggal > jumlah_hari(t, b):
                tidak_ada.append(f"{nama_bulan(b)} {t}")
                continue
            d = dt.date(t, b, f.ulang_tanggal)
            hasil.append(_Jendela(d, d, tetap=d))
            continue
        n = jumlah_minggu(t, b) if f.ulang_minggu == -1 else f.ulang_minggu
        if n > jumlah_minggu(t, b):  # type: ignore[operator]
            tidak_ada.append(f"{nama_bulan(b)} {t}")
            continue
        a, z = rentang_minggu(t, b, n)  # type: ignore[arg-type]
        hasil.append(_Jendela(a, z, minggu=n))
    if tidak_ada:
        apa = f"tanggal {f.ulang_tanggal}" if f.ulang_tanggal is not None else f"minggu ke-{f.ulang_minggu}"
        peringatan.append(f"{apa} tidak ada pada " + ", ".join(tidak_ada) + "; bulan itu dilewati")
    if not hasil:
        raise JadwalError("tidak ada bulan yang memuatnya", f.teks)
    return hasil


def _satuan_teks(f: Frasa) -> str:
    teks = str(f.ulang)
    if f.ulang_minggu is not None:
        teks += ", minggu " + ("terakhir" if f.ulang_minggu == -1 else f"ke-{f.ulang_minggu}")
    if f.ulang_tanggal is not None:
        teks += f", tanggal {f.ulang_tanggal}"
    return teks


def _bentuk(jendela: list[_Jendela], konteks: KonteksBaris, peringatan: list[str]) -> tuple[Bentuk, str, list[_Jendela]]:
    """Shape of a phrase without recurrence words; a span recurs when its row says so."""
    if len(jendela) > 1:
        urut = sorted(jendela, key=lambda j: (j.mulai, j.selesai))
        tindih = [(a, b) for a, b in zip(urut, urut[1:]) if b.mulai <= a.selesai]
        if tindih:
            a, b = tindih[0]
            peringatan.append(f"kejadian bertumpang tindih: {_rentang_teks(a.mulai, a.selesai)} dan "
                              f"{_rentang_teks(b.mulai, b.selesai)}; periksa apakah maksudnya satu kejadian")
        return Bentuk.DAFTAR, f"daftar: {len(jendela)} kejadian", jendela
    j = jendela[0]
    if j.bulan_n == 1 and (j.selesai - j.mulai).days < 31:
        return Bentuk.SEKALI, f"sekali: {_rentang_teks(j.mulai, j.selesai)}", jendela
    ulang, ragu = ulang_baris(konteks)
    if ragu:
        peringatan.append(ragu)
    if ulang is not None:
        potong = _ulang(K.UNIT_BULAN[ulang.satuan], None, jendela)
        pesan = (f"rentang {_rentang_teks(j.mulai, j.selesai)} dibaca berulang setiap {ulang.satuan} "
                 f"karena {ulang.kolom} menyebut \"{ulang.kata}\": {len(potong)} kejadian")
        peringatan.append(pesan)
        return Bentuk.BERKALA, pesan, potong
    return Bentuk.RENTANG, (
        f"rentang: satu kejadian dari {_rentang_teks(j.mulai, j.selesai)}, jatuh tempo "
        f"{tulis_tanggal(tenggat_jendela(j.mulai, j.selesai))}; bila pekerjaannya berulang, tulis "
        "\"per bulan\" di langkah aksi atau bukti fisik barisnya (satu kejadian per bulan)"), jendela


def _hari_ulang(f: Frasa, jendela: list[_Jendela], peringatan: list[str]) -> tuple[list[Kejadian], Bentuk, str]:
    """"setiap hari Senin": one occurrence per such working day in the windows."""
    hari = set(f.hari_ulang)
    kejadian, libur = [], []
    for j in jendela:
        for d in hari_dalam(j.mulai, j.selesai, hari):
            if hari_kerja(d):
                kejadian.append(Kejadian.jendela(d, d, minggu=minggu_ke(d), hari=d.weekday()))
            else:
                libur.append(d)
    nama = " dan ".join(K.nama_hari(h) for h in sorted(hari))
    if libur:
        peringatan.append(f"{len(libur)} hari {nama} libur, dilewati: " + ", ".join(tulis_tanggal(d) for d in libur))
    if not kejadian:
        raise JadwalError(f"tidak ada hari {nama} yang merupakan hari kerja", f.teks)
    return kejadian, Bentuk.BERKALA, f"berulang setiap hari {nama}: {len(kejadian)} kejadian"


def _tetapkan(kejadian: list[Kejadian], tanggal: dt.date | None, peringatan: list[str]) -> list[Kejadian]:
    """The row's fixed date goes to the occurrence whose window holds it (or the only one)."""
    if tanggal is None:
        return kejadian
    from dataclasses import replace

    cocok = [k for k in kejadian if k.mulai <= tanggal <= k.selesai] or (kejadian if len(kejadian) == 1 else [])
    if not cocok:
        peringatan.append(f"rapat.tanggal {tulis_tanggal(tanggal)} di luar semua jendela; tidak dipakai")
        return kejadian
    return [replace(k, tanggal_tetap=tanggal) if k is cocok[0] else k for k in kejadian]


def _rentang_teks(a: dt.date, z: dt.date) -> str:
    return tulis_tanggal(a) if a == z else f"{tulis_tanggal(a)} s.d. {tulis_tanggal(z)}"


def jelaskan_token(f: Frasa) -> tuple[str, ...]:
    """One line per token: what was written and how the grammar read it."""
    return tuple(f"\"{t.teks}\" → {t.arti or 'dibaca bersama kata sebelumnya'}" for t in f.token)


# --------------------------------------------------------------------------- rows and plans

def konteks_baris(baris: "Baris") -> KonteksBaris:
    """A row's recurrence words and fixed weekday/date (from `rapat.hari` / `rapat.tanggal`)."""
    rapat = baris.rapat
    hari = getattr(rapat, "hari", None) if rapat else None
    tanggal = dt.date.fromisoformat(rapat.tanggal) if rapat and rapat.tanggal else None
    return KonteksBaris(teks=(("langkah aksi", baris.langkah_aksi), ("bukti fisik", baris.bukti_fisik)),
                        hari=K.kata_hari()[hari.lower()] if hari else None, tanggal=tanggal)


def baca_untuk_baris(id_baris: str, teks: str, tahun: int, berkas: str | None = None,
                     konteks: KonteksBaris | None = None) -> Jadwal:
    """`baca`, with errors naming the plan file and row."""
    try:
        return baca(teks, tahun, konteks)
    except JadwalError as e:
        raise ZiError(f"target waktu tidak terbaca: {e.pesan}", berkas, f"baris {id_baris}") from e


def baca_baris(baris: "Baris", tahun: int, berkas: str | None = None) -> Jadwal:
    """One row's schedule: its `jadwal` override if present, else its target time, read
    with what the row itself says (recurrence words, `rapat.hari`, `rapat.tanggal`)."""
    return baca_untuk_baris(baris.id, baris.frasa_jadwal, tahun, berkas, konteks_baris(baris))


def baca_rencana(rencana: "Rencana", baris: Iterable["Baris"] | None = None) -> dict[str, Jadwal]:
    """Every row's schedule; all unreadable rows at once (`ZiErrors`) rather than the first."""
    hasil: dict[str, Jadwal] = {}
    galat: list[ZiError] = []
    for b in rencana.baris if baris is None else baris:
        try:
            hasil[b.id] = baca_baris(b, rencana.tahun, rencana.berkas)
        except ZiError as e:
            galat.append(e)
    if galat:
        raise ZiErrors(galat)
    return hasil
