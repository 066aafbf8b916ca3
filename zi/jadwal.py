"""Reading a row's free-text target time ("target waktu") into dated occurrences.

The phrase is tokenised (months, years, numbers, connectors, range marks, quarter and
semester words, week-of-month, qualifiers) and read by a small left-to-right grammar:

    frasa   := kualifikasi* butir (SEP butir)* ; years and weeks attach to the butir before
    butir   := [awal|akhir] BULAN [RENTANG BULAN] | triwulan N | semester N
    berkala := (setiap|per|tiap) (bulan|triwulan|semester) ; with butir, limits the months

Any word the grammar does not know is an error that names it (with the nearest month name
when it looks like a misspelt one), so a typo never silently shifts a deadline.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from dataclasses import dataclass, field
from enum import Enum
from functools import lru_cache

from babel.dates import get_month_names

from zi.bahasa import LOCALE, dari_romawi, nama_bulan
from zi.galat import JadwalError, ZiError
from zi.kalender import jumlah_minggu, tanggal_kejadian

MINGGU_MAKS = 5


class Bentuk(str, Enum):
    """The shape of a target time (contract value of `bentuk`)."""

    SEKALI = "sekali"  # one month
    DAFTAR = "daftar"  # a list of months
    RENTANG = "rentang"  # a span: ongoing, due at its end
    BERKALA = "berkala"  # recurring (monthly, quarterly, per semester)


@dataclass(frozen=True)
class Kejadian:
    """One occurrence: a month, optionally a week of it or its end."""

    tahun: int
    bulan: int
    minggu: int | None = None
    akhir: bool = False

    @property
    def kode_bulan(self) -> str:
        return f"{self.tahun:04d}-{self.bulan:02d}"

    def tanggal(self) -> dt.date:
        """The event date (first working day of the week or month; see `kalender`)."""
        return tanggal_kejadian(self.tahun, self.bulan, self.minggu, self.akhir)


def _urutan(k: Kejadian) -> tuple[int, int, int, bool]:
    """Date order; a whole month (no week) before its weeks, its end last."""
    return (k.tahun, k.bulan, k.minggu or 0, k.akhir)


@dataclass(frozen=True)
class Jadwal:
    """How a phrase was read: its shape, occurrences in order, and warnings."""

    teks: str
    bentuk: Bentuk
    kejadian: tuple[Kejadian, ...]
    peringatan: tuple[str, ...] = ()


# --------------------------------------------------------------------------- tokens

@lru_cache(maxsize=1)
def _kata_bulan() -> dict[str, int]:
    """Month words: CLDR's wide and abbreviated names plus common older spellings."""
    kata: dict[str, int] = {}
    for jenis in ("wide", "abbreviated"):
        for nomor, nama in get_month_names(jenis, locale=LOCALE).items():
            kata[nama.lower().rstrip(".")] = nomor
    # Spellings found in older official letters (pre-EYD "Pebruari", "Nopember") and
    # common short forms that CLDR does not list.
    for lama, nomor in (("pebruari", 2), ("nopember", 11), ("agt", 8), ("ags", 8),
                        ("sept", 9), ("nop", 11), ("peb", 2)):
        kata.setdefault(lama, nomor)
    return kata


_SEP_KATA = {"dan", "serta", "atau"}
_RENTANG_KATA = {"sampai", "hingga", "sd"}
_SETIAP = {"setiap", "tiap", "per", "perbulan"}
_TRIWULAN = {"triwulan", "tw", "kuartal"}
_SEMESTER = {"semester", "smt"}
_MINGGU = {"minggu", "pekan"}
_ABAIKAN = {"bulan", "pada", "target", "ke", "sekitar", "di"}
_KUALIFIKASI = {"paling", "lambat", "selambatnya", "mulai"}


@dataclass
class _Token:
    jenis: str  # bulan, tahun, angka, kata, sep, rentang, buka, tutup
    nilai: object
    teks: str


_POLA = re.compile(
    r"""
    (?P<rentang>s\.\s?d\.?|s/d|sampai\s+dengan|-)
    |(?P<sep>[,;/&+])
    |(?P<angka>\d+)
    |(?P<kata>[^\W\d_]+)
    |(?P<kurung>[()\[\]])
    |(?P<titik>\.)
    |(?P<spasi>\s+)
    |(?P<lain>.)
    """,
    re.VERBOSE,
)


def _normalkan(teks: str) -> str:
    s = teks.lower()
    s = re.sub(r"[\u2010-\u2015\u2212]", "-", s)  # en/em dashes, minus → "-"
    s = s.replace("\u00a0", " ")
    s = re.sub(r"\bper-\s*(?=bulan|triwulan|semester|tw\b)", "per ", s)
    s = re.sub(r"\bke-\s*", "ke ", s)  # "ke-2", "ke- 2", "ke-II"
    s = re.sub(r"\bselambat-lambatnya\b", "paling lambat     ", s)
    s = re.sub(r"\btiap-tiap\b", "setiap   ", s)
    return s  # same length as the input, so token spans index the original text


def _token(teks: str) -> list[_Token]:
    hasil: list[_Token] = []
    normal = _normalkan(teks)
    asli = teks if len(teks) == len(normal) else normal
    for m in _POLA.finditer(normal):
        jenis = m.lastgroup
        isi = m.group()
        tampil = asli[m.start():m.end()]
        if jenis in ("spasi", "titik"):
            continue
        if jenis == "rentang":
            hasil.append(_Token("rentang", None, tampil))
        elif jenis == "sep":
            hasil.append(_Token("sep", None, tampil))
        elif jenis == "kurung":
            continue
        elif jenis == "angka":
            if len(isi) > 9:  # no week, quarter or year is that long (and int() refuses >4300 digits)
                raise JadwalError(f"angka \"{tampil[:12]}{'…' if len(isi) > 12 else ''}\" terlalu panjang", teks)
            n = int(isi)
            hasil.append(_Token("tahun" if len(isi) == 4 else "angka", n, tampil))
        elif jenis == "kata":
            if isi in _kata_bulan():
                hasil.append(_Token("bulan", _kata_bulan()[isi], tampil))
            elif isi in _SEP_KATA:
                hasil.append(_Token("sep", None, tampil))
            elif isi in _RENTANG_KATA:
                hasil.append(_Token("rentang", None, tampil))
            else:
                hasil.append(_Token("kata", isi, tampil))
        else:
            raise JadwalError(f"tanda \"{tampil}\" tidak dikenal", teks)
    return hasil


# --------------------------------------------------------------------------- grammar

@dataclass
class _Ref:
    """A month mentioned in the phrase; year and week may arrive later in the text."""

    bulan: int
    tahun: int | None = None
    minggu: int | None = None
    akhir: bool = False

    def kunci(self, tahun_rencana: int) -> tuple[int, int]:
        return (self.tahun or tahun_rencana, self.bulan)


@dataclass
class _Butir:
    """A point (`awal` is None) or a span from `awal` to `akhir`."""

    akhir: _Ref
    awal: _Ref | None = None
    periode: str | None = None  # "triwulan"/"semester" when the span came from one


@dataclass
class _Bacaan:
    butir: list[_Butir] = field(default_factory=list)
    berkala: str | None = None  # "bulan", "triwulan", "semester"
    akhir_periode: bool = False  # "setiap akhir bulan"
    peringatan: list[str] = field(default_factory=list)


def _angka_urut(tok: _Token | None) -> int | None:
    """A number after "ke"/"triwulan"/"semester": arabic, roman, or a word."""
    if tok is None:
        return None
    if tok.jenis == "angka":
        return int(tok.nilai)  # type: ignore[arg-type]
    if tok.jenis == "kata":
        kata = {"satu": 1, "pertama": 1, "dua": 2, "kedua": 2, "tiga": 3, "ketiga": 3,
                "empat": 4, "keempat": 4, "lima": 5, "kelima": 5}
        if tok.nilai in kata:
            return kata[tok.nilai]  # type: ignore[index]
        try:
            return dari_romawi(str(tok.nilai))
        except ValueError:
            return None
    return None


def _saran(kata: str) -> str:
    dekat = difflib.get_close_matches(kata, list(_kata_bulan()), n=1, cutoff=0.75)
    return f" (maksud Anda \"{nama_bulan(_kata_bulan()[dekat[0]])}\"?)" if dekat else ""


class _Pembaca:
    """Reads the token list left to right; see the module docstring for the grammar."""

    def __init__(self, teks: str):
        self.teks = teks
        self.tok = _token(teks)
        self.i = 0
        self.hasil = _Bacaan()
        self.tanpa_tahun: list[_Ref] = []
        self.tanpa_minggu: list[_Ref] = []
        self.rentang_menunggu = False
        self.modifier_akhir: bool | None = None  # "awal"/"akhir" before a month
        self._tahun_umum: int | None = None  # a year after everything already dated

    def galat(self, pesan: str) -> JadwalError:
        return JadwalError(pesan, self.teks)

    def lihat(self, geser: int = 0) -> _Token | None:
        j = self.i + geser
        return self.tok[j] if j < len(self.tok) else None

    def ambil(self) -> _Token:
        t = self.tok[self.i]
        self.i += 1
        return t

    def baca(self) -> _Bacaan:
        sebelumnya: _Token | None = None
        while self.i < len(self.tok):
            t = self.ambil()
            if t.jenis == "bulan":
                self._bulan(t, sebelumnya)
            elif t.jenis == "tahun":
                self._tahun(t)
            elif t.jenis == "rentang":
                if not self.hasil.butir or sebelumnya is None or sebelumnya.jenis not in ("bulan", "tahun", "angka", "kata"):
                    raise self.galat("tanda rentang tanpa bulan di depannya")
                self.rentang_menunggu = True
            elif t.jenis == "sep":
                if self.rentang_menunggu:
                    raise self.galat("rentang tanpa bulan akhir")
            elif t.jenis == "angka":
                raise self.galat(f"angka \"{t.teks}\" tidak jelas maksudnya (tahun ditulis 4 angka)")
            else:
                self._kata(t)
            sebelumnya = t
        if self.rentang_menunggu:
            raise self.galat("rentang tanpa bulan akhir")
        if self.modifier_akhir is not None:
            raise self.galat("\"awal\"/\"akhir\" tanpa bulan")
        return self.hasil

    # -- pieces ------------------------------------------------------------

    def _ref_baru(self, bulan: int) -> _Ref:
        ref = _Ref(bulan)
        if self.modifier_akhir is not None:
            if self.modifier_akhir:
                ref.akhir = True
            else:
                ref.minggu = 1
            self.modifier_akhir = None
        self.tanpa_tahun.append(ref)
        return ref

    def _bulan(self, t: _Token, sebelumnya: _Token | None) -> None:
        ref = self._ref_baru(int(t.nilai))  # type: ignore[arg-type]
        butir = self.hasil.butir
        if self.rentang_menunggu:
            self.rentang_menunggu = False
            terakhir = butir[-1]
            if terakhir.awal is not None:
                raise self.galat("rentang bersambung (dua tanda rentang berturut-turut)")
            terakhir.awal, terakhir.akhir = terakhir.akhir, ref
            self.tanpa_minggu = [ref]
            return
        if sebelumnya is not None and sebelumnya.jenis == "bulan" and butir and butir[-1].awal is None:
            # "Januari Desember": the dash was lost (PDF extraction); read as a span.
            terakhir = butir[-1]
            terakhir.awal, terakhir.akhir = terakhir.akhir, ref
            self.tanpa_minggu = [ref]
            self.hasil.peringatan.append(
                f"\"{sebelumnya.teks} {t.teks}\" tanpa tanda hubung dibaca sebagai rentang "
                f"{nama_bulan(terakhir.awal.bulan)}–{nama_bulan(ref.bulan)}"
            )
            return
        butir.append(_Butir(akhir=ref))
        self.tanpa_minggu.append(ref)

    def _tahun(self, t: _Token) -> None:
        tahun = int(t.nilai)  # type: ignore[arg-type]
        if not 1900 <= tahun <= 2200:
            raise self.galat(f"tahun {tahun} tidak masuk akal")
        if not self.tanpa_tahun:
            if self.hasil.butir or self.hasil.berkala:
                # "Setiap bulan tahun 2026" or a repeated year: applies to what has one.
                self._tahun_umum = tahun
                return
            raise self.galat(f"tahun {tahun} tanpa bulan di depannya")
        for ref in self.tanpa_tahun:
            ref.tahun = tahun
        self.tanpa_tahun = []

    def _minggu(self, kata: str) -> None:
        n_tok = self.lihat()
        if n_tok is not None and n_tok.jenis == "kata" and n_tok.nilai == "ke":
            self.ambil()
            n_tok = self.lihat()
        n = _angka_urut(n_tok)
        if n is None:
            raise self.galat(f"\"{kata}\" harus diikuti nomor minggu, mis. \"{kata} ke-2\"")
        self.ambil()
        if not 1 <= n <= MINGGU_MAKS:
            raise self.galat(f"{kata} ke-{n} tidak ada: sebulan paling banyak {MINGGU_MAKS} minggu")
        if not self.tanpa_minggu:
            raise self.galat(f"{kata} ke-{n} tanpa bulan di depannya")
        for ref in self.tanpa_minggu:
            if ref.akhir:
                raise self.galat(f"\"akhir\" dan {kata} ke-{n} bertentangan")
            ref.minggu = n
        self.tanpa_minggu = []

    def _periode(self, jenis: str, panjang: int) -> None:
        """"triwulan II", "TW 3", "semester 1": a span of 3 or 6 months; or a recurrence."""
        n_tok = self.lihat()
        if n_tok is not None and n_tok.jenis == "kata" and n_tok.nilai == "ke":
            self.ambil()
            n_tok = self.lihat()
        n = _angka_urut(n_tok)
        jumlah = 12 // panjang
        if n is None:
            # "Setiap Triwulan April, Juli, …" or "triwulan" alone: recurring.
            self.hasil.berkala = jenis
            return
        self.ambil()
        if not 1 <= n <= jumlah:
            raise self.galat(f"{jenis} ke-{n} tidak ada (1–{jumlah})")
        awal = self._ref_baru(panjang * (n - 1) + 1)
        akhir = _Ref(panjang * n)
        self.tanpa_tahun.append(akhir)
        self.hasil.butir.append(_Butir(akhir=akhir, awal=awal, periode=jenis))
        self.tanpa_minggu = [akhir]

    def _kata(self, t: _Token) -> None:
        kata = str(t.nilai)
        if kata in _SETIAP:
            self._setiap(kata)
        elif kata in _TRIWULAN:
            self._periode("triwulan", 3)
        elif kata in _SEMESTER:
            self._periode("semester", 6)
        elif kata in _MINGGU:
            self._minggu(kata)
        elif kata in ("awal", "akhir"):
            if self.modifier_akhir is not None:
                raise self.galat("\"awal\"/\"akhir\" berturut-turut")
            nxt = self.lihat()
            if nxt is not None and nxt.jenis == "kata" and nxt.nilai == "bulan" and self.hasil.berkala == "bulan":
                self.ambil()
                self.hasil.akhir_periode = kata == "akhir"
                return
            self.modifier_akhir = kata == "akhir"
        elif kata == "tahun":
            nxt = self.lihat()
            if nxt is None or nxt.jenis != "tahun":
                raise self.galat("\"tahun\" harus diikuti tahun 4 angka")
        elif kata in _ABAIKAN or kata in _KUALIFIKASI:
            return
        else:
            raise self.galat(f"kata \"{t.teks}\" tidak dikenal{_saran(kata)}")

    def _setiap(self, kata: str) -> None:
        if kata == "perbulan":
            self.hasil.berkala = "bulan"
            return
        nxt = self.lihat()
        if nxt is not None and nxt.jenis == "kata" and nxt.nilai in ("awal", "akhir"):
            self.ambil()
            nxt2 = self.lihat()
            if nxt2 is None or nxt2.nilai != "bulan":
                raise self.galat(f"\"{kata} {nxt.teks}\" harus diikuti \"bulan\"")
            self.ambil()
            self.hasil.berkala = "bulan"
            self.hasil.akhir_periode = nxt.nilai == "akhir"
            return
        if nxt is None or nxt.jenis != "kata":
            raise self.galat(f"\"{kata}\" harus diikuti bulan, triwulan atau semester")
        if nxt.nilai == "bulan":
            self.ambil()
            self.hasil.berkala = "bulan"
        elif nxt.nilai in _TRIWULAN:
            self.ambil()
            self.hasil.berkala = "triwulan"
        elif nxt.nilai in _SEMESTER:
            self.ambil()
            self.hasil.berkala = "semester"
        elif nxt.nilai in _MINGGU:
            raise self.galat("jadwal mingguan tidak didukung; isi kolom `jadwal` dengan bulan-bulannya")
        else:
            raise self.galat(f"\"{kata} {nxt.teks}\" tidak dikenal: yang dikenal setiap bulan/triwulan/semester")


# --------------------------------------------------------------------------- meaning

def _bulan_antara(awal: tuple[int, int], akhir: tuple[int, int]) -> list[tuple[int, int]]:
    hasil = []
    t, b = awal
    while (t, b) <= akhir:
        hasil.append((t, b))
        t, b = (t + 1, 1) if b == 12 else (t, b + 1)
    return hasil


def baca(teks: str, tahun: int) -> Jadwal:
    """Read a target-time phrase of a plan for year `tahun`.

    Raises `JadwalError` (naming the text and what is wrong) when it cannot be read.
    """
    if not teks or not teks.strip():
        raise JadwalError("target waktu kosong", teks or "")
    pembaca = _Pembaca(teks)
    bacaan = pembaca.baca()
    tahun_dasar = pembaca._tahun_umum or tahun
    for butir in bacaan.butir:
        for ref in (butir.awal, butir.akhir):
            if ref is not None and ref.tahun is None:
                ref.tahun = tahun_dasar
    peringatan = list(bacaan.peringatan)

    for butir in bacaan.butir:
        if butir.awal is not None and butir.awal.kunci(tahun) > butir.akhir.kunci(tahun):
            raise JadwalError(
                f"rentang terbalik: {nama_bulan(butir.awal.bulan)} {butir.awal.tahun} sesudah "
                f"{nama_bulan(butir.akhir.bulan)} {butir.akhir.tahun}", teks)
        for ref in (butir.awal, butir.akhir):
            if ref is not None and ref.minggu and ref.minggu > jumlah_minggu(ref.tahun, ref.bulan):  # type: ignore[arg-type]
                raise JadwalError(
                    f"{nama_bulan(ref.bulan)} {ref.tahun} tidak punya minggu ke-{ref.minggu}", teks)

    tahun_lain = sorted({r.tahun for b in bacaan.butir for r in (b.awal, b.akhir) if r and r.tahun != tahun})
    for t in tahun_lain:
        peringatan.append(f"tahun {t} di luar tahun rencana {tahun}")

    kejadian, bentuk = _kejadian(bacaan, tahun_dasar, teks)
    return Jadwal(teks=teks, bentuk=bentuk, kejadian=tuple(sorted(set(kejadian), key=_urutan)), peringatan=tuple(peringatan))


def _kejadian(bacaan: _Bacaan, tahun: int, teks: str) -> tuple[list[Kejadian], Bentuk]:
    def dari(ref: _Ref) -> Kejadian:
        return Kejadian(ref.tahun or tahun, ref.bulan, ref.minggu, ref.akhir)

    if bacaan.berkala:
        langkah = {"bulan": 1, "triwulan": 3, "semester": 6}[bacaan.berkala]
        if not bacaan.butir:
            bulan = [(tahun, b) for b in range(langkah, 13, langkah)]
            return [Kejadian(t, b, None, bacaan.akhir_periode) for t, b in bulan], Bentuk.BERKALA
        hasil: list[Kejadian] = []
        for butir in bacaan.butir:
            if butir.awal is None:
                k = dari(butir.akhir)
                hasil.append(Kejadian(k.tahun, k.bulan, k.minggu, k.akhir or bacaan.akhir_periode))
                continue
            for t, b in _bulan_antara(butir.awal.kunci(tahun), butir.akhir.kunci(tahun)):
                # Within a span, a quarterly/semester recurrence falls on period ends.
                if b % langkah == 0 or butir.periode == bacaan.berkala:
                    if butir.periode == bacaan.berkala and (t, b) != butir.akhir.kunci(tahun):
                        continue
                    hasil.append(Kejadian(t, b, None, bacaan.akhir_periode))
        if not hasil:
            raise JadwalError(f"rentang tidak memuat akhir {bacaan.berkala} mana pun", teks)
        return hasil, Bentuk.BERKALA

    if not bacaan.butir:
        raise JadwalError("tidak ada bulan yang bisa dibaca", teks)
    if len(bacaan.butir) == 1:
        butir = bacaan.butir[0]
        if butir.awal is None:
            return [dari(butir.akhir)], Bentuk.SEKALI
        return [dari(butir.akhir)], Bentuk.RENTANG
    return [dari(b.akhir) for b in bacaan.butir], Bentuk.DAFTAR


def baca_untuk_baris(id_baris: str, teks: str, tahun: int, berkas: str | None = None) -> Jadwal:
    """`baca`, with errors naming the plan row."""
    try:
        return baca(teks, tahun)
    except JadwalError as e:
        raise ZiError(f"target waktu tidak terbaca: {e.pesan}", berkas, f"baris {id_baris}") from e
