"""The grammar of target times: a recursive-descent parser over `jadwal_token` tokens.

    frasa   := unsur* END
    unsur   := ABAIKAN | SEP | tahun | ulang | hari | butir
    tahun   := ["tahun"] TAHUN                      ; dates every undated point before it
    ulang   := SETIAP [BAGIAN] satuan | [BAGIAN] BERKALA       ; "bulanan", "triwulanan", …
    satuan  := "bulan" | "tahun" | PERIODE | ANGKA "bulan"     ; "setiap 3 bulan"
             | PEKAN [KE] nomor | TANGGAL ANGKA                ; "setiap minggu ke-2", "setiap tanggal 10"
             | ["hari"] HARI (SEP ["hari"] HARI)*              ; "setiap hari Senin dan Kamis"
    hari    := ["hari"] HARI                        ; a fixed weekday for every event
    butir   := titik (RENTANG titik)*               ; a point or a span ("April-Mei-Juni": first to last)
    titik   := [BAGIAN] inti                        ; awal / pertengahan / akhir / sepanjang
    inti    := BULAN [pekan] | pekan ["bulan"] [BULAN] | PERIODE [KE] nomor
             | [TANGGAL] ANGKA BULAN | BAGIAN "tahun"
    pekan   := PEKAN [KE] nomor
    nomor   := ANGKA | ROMAWI | URUTAN
    ; after SEP or RENTANG, "[KE] nomor" alone repeats the previous noun: "TW I – II",
    ; "Triwulan III dan IV", "minggu ke-1 dan ke-3 Januari".

A week written after a month applies to the months listed before it that have none
("Januari dan Februari minggu ke-1"); a week written before any month waits for the next
month; a year applies to every point before it that has none, or to all when it comes
first. A week with no month next to a monthly recurrence is that week of every month
("minggu pertama setiap bulan"). The parser only records what was written (`Frasa`);
`zi.jadwal` turns it into dates.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field

from zi import jadwal_kata as K
from zi.bahasa import nama_bulan
from zi.galat import JadwalError
from zi.jadwal_token import ANGKA, KATA, ROMAWI, TAHUN, Token, token

MINGGU_MAKS = 5
_KE = "penanda urutan (\"ke-\")"


@dataclass
class Ref:
    """A point as written: a month, a period (triwulan/semester), a date or a whole year."""

    bulan: int | None  # first month; None while a week waits for its month
    panjang: int = 1  # months covered: 1, 3 (triwulan), 6 (semester), 12 (year)
    tahun: int | None = None
    minggu: int | None = None  # week of month, -1 = the last
    hari_bulan: int | None = None  # day of month for a date ("15 Januari")
    bagian: str | None = None  # "awal" | "tengah" | "akhir"
    periode: str | None = None  # "triwulan" | "semester" when written as one
    teks: str = ""


@dataclass
class Butir:
    """A point (`akhir` is None) or a span from `awal` to `akhir`."""

    awal: Ref
    akhir: Ref | None = None


@dataclass
class Frasa:
    """What a phrase says, before dating."""

    teks: str
    token: list[Token]
    butir: list[Butir] = field(default_factory=list)
    ulang: str | None = None  # unit as written: "bulan" | "triwulan" | "semester" | "tahun" | "2 bulan"
    ulang_bulan: int | None = None  # months per occurrence
    ulang_minggu: int | None = None  # "minggu pertama setiap bulan": that week of each month (-1: last)
    ulang_tanggal: int | None = None  # "setiap tanggal 10": that day of each month
    ulang_bagian: str | None = None  # "setiap akhir bulan"
    hari_ulang: list[int] = field(default_factory=list)  # "setiap hari Senin"
    hari_tetap: int | None = None  # "Senin, minggu ke-2 Januari"
    tahun_umum: int | None = None
    peringatan: list[str] = field(default_factory=list)


class Pembaca:
    """Recursive descent over the tokens; each method is one rule of the module grammar."""

    def __init__(self, teks: str):
        self.f = Frasa(teks, token(teks))
        self.i = 0
        self.tanpa_tahun: list[Ref] = []  # points waiting for a year
        self.tanpa_minggu: list[Ref] = []  # months of the current list, without a week
        self.tanpa_bulan: list[Ref] = []  # weeks waiting for a month
        self.terakhir: Ref | None = None  # the previous point (for "dan IV", "– ke-3")

    # -- helpers ------------------------------------------------------------

    def galat(self, pesan: str) -> JadwalError:
        e = JadwalError(pesan, self.f.teks)
        e.token = self.f.token  # type: ignore[attr-defined]  (explained so far)
        return e

    def lihat(self, geser: int = 0) -> Token | None:
        j = self.i + geser
        return self.f.token[j] if j < len(self.f.token) else None

    def jenis(self, geser: int = 0) -> str | None:
        t = self.lihat(geser)
        return t.jenis if t else None

    def ambil(self, arti: str = "") -> Token:
        t = self.f.token[self.i]
        self.i += 1
        if arti:
            t.arti = arti
        return t

    def satuan(self, nilai: str, geser: int = 0) -> bool:
        t = self.lihat(geser)
        return t is not None and t.jenis == K.SATUAN and t.nilai == nilai

    # -- frasa, unsur ---------------------------------------------------------

    def frasa(self) -> Frasa:
        sebelum: str | None = None
        while self.lihat() is not None:
            sebelum = self.unsur(sebelum)
        self._minggu_tiap_bulan()
        if self.tanpa_bulan:
            raise self.galat(f"minggu ke-{_urut(self.tanpa_bulan[0].minggu)} tanpa bulan")
        if not (self.f.butir or self.f.ulang or self.f.hari_ulang):
            if self.f.tahun_umum:
                raise self.galat(f"tahun {self.f.tahun_umum} tanpa bulan di depannya")
            raise self.galat("tidak ada bulan yang bisa dibaca")
        return self.f

    def unsur(self, sebelum: str | None) -> str:
        """One element; returns what it was, so two bare months in a row read as a span."""
        t = self.lihat()
        assert t is not None
        if t.jenis == K.ABAIKAN:
            self.ambil("keterangan, tidak mengubah tanggal")
            return "abaikan"
        if t.jenis == K.SEP:
            self.ambil("pemisah daftar")
            if self._bisa_sambung():
                self._sambungan()
                return "butir"
            return "sep"
        if self.satuan("bulan") and self.jenis(1) in (K.BULAN, K.PEKAN):  # "bulan Januari"
            self.ambil("kata \"bulan\"")
            return sebelum or "abaikan"
        if t.jenis == TAHUN or (self.satuan("tahun") and self.jenis(1) == TAHUN):
            self.tahun()
            return "tahun"
        if t.jenis in (K.SETIAP, K.BERKALA) or (t.jenis == K.BAGIAN and self.jenis(1) in (K.SETIAP, K.BERKALA)):
            self.ulang()
            return "ulang"
        if t.jenis == K.HARI or (self.satuan("hari") and self.jenis(1) == K.HARI):
            self.hari_tetap()
            return "hari"
        if t.jenis == K.RENTANG:
            lalu = self.f.butir[-1] if self.f.butir else None
            if lalu is None or lalu.akhir is not None or sebelum not in ("tahun", "bulan", "butir"):
                raise self.galat(f"tanda rentang \"{t.teks}\" tanpa awal di depannya")
            self._ujung(lalu)  # "Oktober 2026 s.d. Maret 2027": the span goes on after a year
            return "butir"
        self.butir(dua_bulan=sebelum == "bulan")
        return "bulan" if self.f.token[self.i - 1].jenis == K.BULAN else "butir"

    def tahun(self) -> None:
        if self.satuan("tahun"):
            self.ambil("kata \"tahun\"")
        t = self.ambil()
        tahun = int(t.nilai)  # type: ignore[call-overload]
        if not 1900 <= tahun <= 2200:
            raise self.galat(f"tahun {tahun} tidak masuk akal")
        if self.tanpa_tahun:
            for ref in self.tanpa_tahun:
                ref.tahun = tahun
            t.arti = f"tahun {tahun}, untuk " + ", ".join(r.teks for r in self.tanpa_tahun)
            self.tanpa_tahun = []
        else:
            self.f.tahun_umum = tahun
            t.arti = f"tahun {tahun}, untuk semua yang tidak bertahun"

    # -- recurrence -----------------------------------------------------------

    def ulang(self) -> None:
        bagian = self.ambil().nilai if self.jenis() == K.BAGIAN else None
        if bagian:
            self.f.token[self.i - 1].arti = f"{bagian} setiap satuan"
        kata = self.ambil()
        if kata.jenis == K.BERKALA:
            self._satuan_ulang(str(kata.nilai), kata, bagian)
            return
        if self.jenis() == K.BAGIAN:  # "setiap akhir bulan"
            bagian = self.ambil("bagian tiap satuan").nilai
        t = self.lihat()
        if t is None:
            raise self.galat(f"\"{kata.teks}\" harus diikuti bulan, triwulan, semester atau hari")
        self._ulang_satuan(t, kata, bagian)
        self._minggu_tiap_bulan()

    def _ulang_satuan(self, t: Token, kata: Token, bagian: object) -> None:
        """The unit after "setiap": bulan, triwulan, semester, tahun, N bulan, a week, a date, a weekday."""
        if t.jenis == K.SATUAN and t.nilai in K.UNIT_BULAN:
            self.ambil("satuan perulangan")
            self._satuan_ulang(str(t.nilai), kata, bagian)
        elif t.jenis == ANGKA and self.satuan("bulan", 1):  # "setiap 3 bulan"
            self._tiap_n_bulan(kata, bagian)
        elif t.jenis == K.TANGGAL:  # "setiap tanggal 10"
            self.ambil("tanggal tiap bulan")
            self._satuan_ulang("bulan", kata, bagian)
            n = self._nomor("tanggal")
            if not 1 <= n <= 31:
                raise self.galat(f"tanggal {n} tidak ada (1–31)")
            self.f.ulang_tanggal = n
        elif t.jenis == K.PEKAN and self.jenis(1) in (K.KE, ANGKA, ROMAWI, K.URUTAN):  # "setiap minggu ke-2"
            self.ambil("minggu tiap bulan")
            self._satuan_ulang("bulan", kata, bagian)
            self.f.ulang_minggu = self._nomor("minggu")
        elif t.jenis == K.PERIODE:
            self.ambil("satuan perulangan")
            self._satuan_ulang("triwulan" if t.nilai == 3 else "semester", kata, bagian)
        elif t.jenis == K.PEKAN:
            self._satuan_ulang("minggu", self.ambil(), bagian)
        elif self.satuan("hari") and self.jenis(1) not in (K.HARI, K.PEKAN):
            self._satuan_ulang("hari", self.ambil(), bagian)
        elif t.jenis == K.HARI or self.satuan("hari"):
            kata.arti = "berulang tiap hari yang disebut"
            self.hari_ulang()
        else:
            raise self.galat(f"\"{kata.teks} {t.teks}\" tidak dikenal: yang dikenal setiap bulan, "
                             "triwulan, semester, tahun atau hari Senin–Jumat")

    def _minggu_tiap_bulan(self) -> None:
        """"minggu pertama setiap bulan", "setiap bulan pada minggu ke-2": a week waiting for
        its month, with a monthly recurrence, is that week of each month."""
        if len(self.tanpa_bulan) == 1 and self.f.ulang_bulan == 1 and self.f.ulang_minggu is None \
                and self.f.ulang_tanggal is None:
            ref = self.tanpa_bulan.pop()
            self.f.ulang_minggu = ref.minggu
            self.f.butir = [b for b in self.f.butir if b.awal is not ref]
            self.tanpa_tahun = [r for r in self.tanpa_tahun if r is not ref]

    def _tiap_n_bulan(self, kata: Token, bagian: object) -> None:
        t = self.ambil()
        self.ambil("kata \"bulan\"")
        n = int(t.nilai)  # type: ignore[call-overload]
        if n not in (1, 2, 3, 4, 6, 12):
            raise self.galat(f"setiap {n} bulan tidak membagi tahun; yang bisa: 1, 2, 3, 4, 6 atau 12 bulan")
        t.arti = f"{n} bulan"
        self._satuan_ulang(f"{n} bulan", kata, bagian, n)

    def _satuan_ulang(self, satuan: str, kata: Token, bagian: object, bulan: int | None = None) -> None:
        if satuan == "minggu":
            raise self.galat("jadwal mingguan tidak didukung; tulis harinya, mis. \"setiap hari Senin\" "
                             "(\"setiap hari Minggu\" tidak mungkin: bukan hari kerja)")
        if satuan == "hari":
            raise self.galat("jadwal harian tidak didukung; tulis harinya, mis. \"setiap hari Senin\"")
        if self.f.ulang and self.f.ulang != satuan:
            raise self.galat(f"dua perulangan bertentangan: setiap {self.f.ulang} dan setiap {satuan}")
        self.f.ulang = satuan
        self.f.ulang_bulan = bulan or K.UNIT_BULAN[satuan]
        self.f.ulang_bagian = str(bagian) if bagian and bagian != "penuh" else None  # "sepanjang": whole unit
        kata.arti = f"berulang setiap {satuan}" + (f", bagian {bagian}" if bagian else "")

    def hari_ulang(self) -> None:
        while True:
            if self.satuan("hari"):
                self.ambil("kata \"hari\"")
            self.f.hari_ulang.append(self._hari())
            if not (self.jenis() == K.SEP and (self.jenis(1) == K.HARI or self.satuan("hari", 1))):
                return
            self.ambil("pemisah daftar hari")

    def hari_tetap(self) -> None:
        if self.satuan("hari"):
            self.ambil("kata \"hari\"")
        n = self._hari()
        if self.f.hari_tetap is not None and self.f.hari_tetap != n:
            raise self.galat("dua hari berbeda untuk satu kejadian")
        self.f.hari_tetap = n

    def _hari(self) -> int:
        t = self.lihat()
        if t is not None and t.jenis == K.PEKAN:  # "hari Minggu": Sunday
            self.ambil()
            raise self.galat("hari Minggu bukan hari kerja")
        if t is None or t.jenis != K.HARI:
            raise self.galat("\"hari\" harus diikuti nama hari, mis. \"hari Senin\"")
        self.ambil()
        n = int(t.nilai)  # type: ignore[call-overload]
        if n >= 5:
            raise self.galat(f"hari {K.nama_hari(n)} bukan hari kerja")
        t.arti = f"hari {K.nama_hari(n)}"
        return n

    # -- points and spans -------------------------------------------------------

    def butir(self, dua_bulan: bool) -> None:
        awal = self.titik()
        if dua_bulan and self.f.butir and self.f.butir[-1].akhir is None and _bulan_saja(self.f.butir[-1].awal) \
                and _bulan_saja(awal):
            # "Januari Desember": the dash was lost (PDF extraction); read as a span.
            sebelum = self.f.butir[-1].awal
            self.f.butir[-1].akhir = awal
            self.f.peringatan.append(
                f"\"{sebelum.teks} {awal.teks}\" tanpa tanda hubung dibaca sebagai rentang "
                f"{nama_bulan(sebelum.bulan)}–{nama_bulan(awal.bulan)}")  # type: ignore[arg-type]
            return
        if any(b.awal is awal or b.akhir is awal for b in self.f.butir):
            return  # a late week added to points already listed
        b = Butir(awal)
        self.f.butir.append(b)
        if self.jenis() == K.RENTANG:
            self._ujung(b)

    def _ujung(self, b: Butir) -> None:
        """RENTANG titik: the end of the span `b`."""
        tanda = self.ambil("tanda rentang")
        if self.lihat() is None or self.jenis() in (K.SEP, K.RENTANG):
            raise self.galat(f"rentang tanpa ujung sesudah \"{tanda.teks}\"")
        b.akhir = self._sambungan(baru=False) if self._bisa_sambung() else self.titik()
        self.tanpa_minggu = [r for r in self.tanpa_minggu if r is not b.awal]
        tengah = []
        while self.jenis() == K.RENTANG:  # "April-Mei-Juni": one span, first to last
            tanda = self.ambil("tanda rentang")
            if self.lihat() is None or self.jenis() in (K.SEP, K.RENTANG):
                raise self.galat(f"rentang tanpa ujung sesudah \"{tanda.teks}\"")
            tengah.append(b.akhir)
            b.akhir = self.titik()
            self.tanpa_minggu = [r for r in self.tanpa_minggu if r not in tengah]
        if tengah:
            self.f.peringatan.append(
                f"\"{' – '.join(r.teks for r in [b.awal, *tengah, b.akhir])}\" dibaca sebagai satu rentang "
                f"{b.awal.teks}–{b.akhir.teks}")

    def _bisa_sambung(self) -> bool:
        """After SEP/RENTANG: a bare number continuing a week or period list (not "15 Maret")."""
        lalu = self.terakhir
        if lalu is None or not (lalu.periode or lalu.minggu is not None):
            return False
        j = 1 if self.jenis() == K.KE else 0
        return self.jenis(j) in (ANGKA, ROMAWI, K.URUTAN) and self.jenis(j + 1) != K.BULAN \
            or (self.jenis() == K.KE)

    def _sambungan(self, baru: bool = True) -> Ref:
        """"[ke] nomor" after SEP/RENTANG: the previous noun again with another number."""
        lalu = self.terakhir
        assert lalu is not None
        if self.jenis() == K.KE:
            self.ambil(_KE)
        if lalu.periode:
            ref = self._periode_n(lalu.periode, 3 if lalu.periode == "triwulan" else 6)
        elif lalu.minggu is not None:
            n = self._nomor("minggu")
            ref = self._ref(lalu.bulan, minggu=n, teks=f"minggu ke-{_urut(n)}")
            if lalu.bulan is None:
                self.tanpa_bulan.append(ref)
        else:
            t = self.lihat()
            raise self.galat(f"\"{t.teks if t else ''}\" tanpa minggu/triwulan/semester di depannya")
        if baru:
            self.f.butir.append(Butir(ref))
        return ref

    def titik(self) -> Ref:
        bagian = None
        if self.jenis() == K.BAGIAN:
            bagian = str(self.ambil().nilai)
            self.f.token[self.i - 1].arti = f"bagian {bagian} dari yang berikut"
            if self.lihat() is None:
                raise self.galat(f"\"{self.f.token[self.i - 1].teks}\" tanpa bulan")
        ref = self.inti(bagian)
        ref.bagian = None if bagian == "penuh" else bagian
        return ref

    def inti(self, bagian: str | None) -> Ref:
        t = self.lihat()
        assert t is not None
        if t.jenis == K.BULAN:
            return self._bulan()
        if t.jenis == K.PEKAN:
            return self._pekan_dulu()
        if t.jenis == K.PERIODE:
            self.ambil()
            nama = "triwulan" if t.nilai == 3 else "semester"
            if self.jenis() == K.KE:
                self.ambil(_KE)
            return self._periode_n(nama, int(t.nilai), t)  # type: ignore[call-overload]
        if t.jenis == ANGKA or t.jenis == K.TANGGAL:
            return self._tanggal()
        if t.jenis == K.SATUAN and t.nilai == "tahun" and bagian:
            self.ambil("satu tahun penuh")
            ref = self._ref(1, panjang=12, teks="tahun")
            return ref
        raise self._tak_dikenal(t)

    def _ref(self, bulan: int | None, **kw: object) -> Ref:
        ref = Ref(bulan, **kw)  # type: ignore[arg-type]
        self.tanpa_tahun.append(ref)
        self.terakhir = ref
        return ref

    def _bulan(self) -> Ref:
        t = self.ambil()
        n = int(t.nilai)  # type: ignore[call-overload]
        t.arti = f"bulan {nama_bulan(n)}"
        if self.tanpa_bulan:  # "minggu ke-1 dan ke-3 Januari": the month of the weeks before
            for tunggu in self.tanpa_bulan:
                tunggu.bulan = n
                tunggu.teks += f" {nama_bulan(n)}"
            t.arti += ", untuk " + ", ".join(r.teks for r in self.tanpa_bulan)
            ref = self.tanpa_bulan[-1]
            self.tanpa_bulan = []
            return ref
        ref = self._ref(n, teks=nama_bulan(n))
        if self.jenis() == K.PEKAN:  # "Januari minggu ke-2"
            self.ambil("minggu (pekan) dari bulan di depannya")
            ref.minggu = self._nomor("minggu")
            ref.teks += f" minggu ke-{_urut(ref.minggu)}"
            for lain in self.tanpa_minggu:  # "Januari dan Februari minggu ke-1"
                lain.minggu = ref.minggu
                lain.teks += f" minggu ke-{_urut(ref.minggu)}"
            self.tanpa_minggu = []
        else:
            self.tanpa_minggu.append(ref)
        return ref

    def _pekan_dulu(self) -> Ref:
        """"minggu ke-3 Januari", "pekan kedua bulan Maret", or a week waiting for its month."""
        self.ambil("minggu (pekan) dari bulan sesudahnya")
        n = self._nomor("minggu")
        if self.satuan("bulan"):
            self.ambil("kata \"bulan\"")
        if self.jenis() == K.BULAN:
            t = self.ambil()
            b = int(t.nilai)  # type: ignore[call-overload]
            t.arti = f"bulan {nama_bulan(b)}"
            for tunggu in self.tanpa_bulan:
                tunggu.bulan = b
                tunggu.teks += f" {nama_bulan(b)}"
            self.tanpa_bulan = []
            self.tanpa_minggu = []
            return self._ref(b, minggu=n, teks=f"minggu ke-{_urut(n)} {nama_bulan(b)}")
        if self.tanpa_minggu:  # "Januari dan Februari, minggu ke-1": a late week
            for lain in self.tanpa_minggu:
                lain.minggu = n
                lain.teks += f" minggu ke-{_urut(n)}"
            ref = self.tanpa_minggu[-1]
            self.tanpa_minggu = []
            self.terakhir = ref
            return ref
        ref = self._ref(None, minggu=n, teks=f"minggu ke-{_urut(n)}")
        self.tanpa_bulan.append(ref)
        return ref

    def _periode_n(self, nama: str, panjang: int, t: Token | None = None) -> Ref:
        if t is not None:
            t.arti = f"{nama} (satu periode {panjang} bulan)"
        n = self._nomor(nama)
        jumlah = 12 // panjang
        if n == -1:
            n = jumlah
        if not 1 <= n <= jumlah:
            raise self.galat(f"{nama} ke-{n} tidak ada (1–{jumlah})")
        self.tanpa_minggu = []
        return self._ref(panjang * (n - 1) + 1, panjang=panjang, periode=nama, teks=f"{nama} {_romawi(n)}")

    def _tanggal(self) -> Ref:
        if self.jenis() == K.TANGGAL:
            self.ambil("kata \"tanggal\"")
        t = self.lihat()
        if t is None or t.jenis != ANGKA:
            raise self.galat("\"tanggal\" harus diikuti angka hari, mis. \"tanggal 15 Januari\"")
        self.ambil()
        if self.jenis() != K.BULAN:
            raise self.galat(f"angka \"{t.teks}\" tidak jelas maksudnya (tahun ditulis 4 angka; "
                             "tanggal ditulis dengan bulannya, mis. \"15 Januari\")")
        hari = int(t.nilai)  # type: ignore[call-overload]
        t.arti = f"tanggal {hari}"
        b = self.ambil()
        n = int(b.nilai)  # type: ignore[call-overload]
        b.arti = f"bulan {nama_bulan(n)}"
        return self._ref(n, hari_bulan=hari, teks=f"{hari} {nama_bulan(n)}")

    def _nomor(self, nama: str) -> int:
        """The number after "minggu"/"triwulan"/"semester": arabic, roman or a word."""
        if self.jenis() == K.KE:
            self.ambil(_KE)
        t = self.lihat()
        if t is None or t.jenis not in (ANGKA, ROMAWI, K.URUTAN):
            raise self.galat(f"\"{nama}\" harus diikuti nomornya, mis. \"{nama} ke-2\"")
        self.ambil()
        n = int(t.nilai)  # type: ignore[call-overload]
        t.arti = f"{nama} ke-{_urut(n)}"
        if nama == "minggu" and not (n == -1 or 1 <= n <= MINGGU_MAKS):
            raise self.galat(f"minggu ke-{n} tidak ada: sebulan paling banyak {MINGGU_MAKS} minggu")
        return n

    def _tak_dikenal(self, t: Token) -> JadwalError:
        if t.jenis == KATA:
            return self.galat(f"kata \"{t.teks}\" tidak dikenal{saran(str(t.nilai))}")
        if t.jenis in (ROMAWI, K.URUTAN):
            return self.galat(f"\"{t.teks}\" tanpa minggu/triwulan/semester di depannya")
        if t.jenis == K.KE:
            return self.galat("\"ke\" tanpa minggu/triwulan/semester di depannya")
        if t.jenis == K.PEKAN:
            return self.galat(f"\"{t.teks}\" harus diikuti nomornya, mis. \"minggu ke-2\"")
        if t.jenis == K.SATUAN:
            return self.galat(f"\"{t.teks}\" tidak jelas di sini")
        return self.galat(f"\"{t.teks}\" tidak bisa dibaca di sini")


def _bulan_saja(ref: Ref) -> bool:
    return ref.periode is None and ref.panjang == 1 and ref.minggu is None and ref.hari_bulan is None \
        and ref.bagian is None and ref.bulan is not None


def _urut(n: int | None) -> str:
    return "terakhir" if n == -1 else str(n)


def _romawi(n: int) -> str:
    from zi.bahasa import romawi

    return romawi(n)


def saran(kata: str) -> str:
    """" (maksud Anda "Februari"?)" for a near miss of a known word."""
    dikenal = {**{k: nama_bulan(v) for k, v in K.kata_bulan().items()},
               **{k: K.nama_hari(v) for k, v in K.kata_hari().items()},
               **{k: k for k in K.leksikon() if K.leksikon()[k][0] not in (K.BULAN, K.HARI)}}
    dekat = difflib.get_close_matches(kata, list(dikenal), n=1, cutoff=0.75)
    return f" (maksud Anda \"{dikenal[dekat[0]]}\"?)" if dekat else ""


def urai(teks: str) -> Frasa:
    """Parse `teks` into what it says; `JadwalError` names what cannot be read."""
    return Pembaca(teks).frasa()
