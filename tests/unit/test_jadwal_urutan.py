"""Generated phrases in every order: hypothesis chooses the parts (month, week, part of the
month, year, qualifiers, periods, recurrence, weekday) and how and in which order they are
written; the expected windows are computed here from those choices, never by zi."""

import calendar
import datetime as dt
from functools import lru_cache

import holidays
from hypothesis import given, settings
from hypothesis import strategies as st

from zi.bahasa import nama_bulan, nama_bulan_singkat, romawi
from zi.jadwal import Bentuk, baca

URUTAN = {1: "pertama", 2: "kedua", 3: "ketiga", 4: "keempat"}
HARI = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat"]


def akhir_bulan(t: int, b: int) -> dt.date:
    return dt.date(t, b, calendar.monthrange(t, b)[1])


@lru_cache(maxsize=None)
def libur(t: int) -> frozenset[dt.date]:
    return frozenset(holidays.country_holidays("ID", years=t, categories=("public", "government")))


def kerja(d: dt.date) -> bool:
    return d.weekday() < 5 and d not in libur(d.year)


def tulis(draw, s: str) -> str:
    return draw(st.sampled_from([s, s.lower(), s.upper(), s.title()]))


def tulis_bulan(draw, m: int) -> str:
    return tulis(draw, draw(st.sampled_from([nama_bulan(m), nama_bulan_singkat(m)])))


def tulis_nomor(draw, n: int, urutan: bool = True) -> str:
    bentuk = ["ke-{n}", "ke {n}", "{n}", "ke-{r}", "{r}"] + (["{u}"] if urutan else [])
    return draw(st.sampled_from(bentuk)).format(n=n, r=romawi(n), u=URUTAN.get(n, n))


@st.composite
def frasa_titik(draw):
    """One month, maybe with a week (before or after it) or a part, a year anywhere."""
    m = draw(st.integers(1, 12))
    tahun = draw(st.one_of(st.none(), st.integers(2025, 2028)))
    t = tahun or 2026
    minggu = draw(st.one_of(st.none(), st.integers(1, 4)))
    bagian = None if minggu else draw(st.sampled_from([None, "awal", "pertengahan", "akhir"]))
    bulan = tulis_bulan(draw, m)
    if minggu:
        pekan = f"{tulis(draw, draw(st.sampled_from(['minggu', 'pekan'])))} {tulis_nomor(draw, minggu)}"
        if draw(st.booleans()):
            inti = f"{pekan} {draw(st.sampled_from(['', 'bulan ']))}{bulan}"
        else:
            inti = f"{bulan} {pekan}"
    else:
        inti = f"{tulis(draw, bagian)} {bulan}" if bagian else bulan
    tahun_teks = draw(st.sampled_from(["{y}", "tahun {y}", "Tahun {y}"])).format(y=tahun) if tahun else ""
    depan = draw(st.sampled_from(["", "paling lambat ", "Selambat-lambatnya ", "target "]))
    if tahun and draw(st.booleans()):
        teks = f"{depan}{tahun_teks} {inti}"
    else:
        teks = f"{depan}{inti} {tahun_teks}"
    teks = draw(st.sampled_from([teks, "  " + teks.replace(" ", "   "), teks + " "]))
    if minggu:
        a = dt.date(t, m, 7 * (minggu - 1) + 1)
        z = min(dt.date(t, m, 7 * minggu), akhir_bulan(t, m))
    elif bagian:
        awal, akhir = {"awal": (1, 10), "pertengahan": (11, 20), "akhir": (21, 31)}[bagian]
        a, z = dt.date(t, m, awal), min(dt.date(t, m, min(akhir, 28)) if akhir == 31 else dt.date(t, m, akhir),
                                       akhir_bulan(t, m))
        if bagian == "akhir":
            z = akhir_bulan(t, m)
    else:
        a, z = dt.date(t, m, 1), akhir_bulan(t, m)
    return teks, (a, z), minggu, bagian == "akhir"


@settings(max_examples=400, deadline=None)
@given(frasa_titik())
def test_satu_titik_dalam_urutan_apa_pun(data):
    teks, (a, z), minggu, akhir = data
    j = baca(teks, 2026)
    assert j.bentuk == Bentuk.SEKALI
    (k,) = j.kejadian
    assert (k.mulai, k.selesai, k.minggu) == (a, z, minggu)
    hari_kerja = [a + dt.timedelta(days=i) for i in range((z - a).days + 1) if kerja(a + dt.timedelta(days=i))]
    if hari_kerja:
        assert k.tenggat == hari_kerja[-1]
        assert k.tanggal() == (hari_kerja[-1] if akhir else hari_kerja[0])


PERIODE = {"triwulan": (3, ["triwulan", "Triwulan", "TW", "tw", "kuartal"]), "semester": (6, ["semester", "Semester", "smt"])}


@st.composite
def frasa_periode(draw):
    """A list or a range of triwulan/semester, the noun repeated or left out."""
    jenis = draw(st.sampled_from(sorted(PERIODE)))
    panjang, kata = PERIODE[jenis]
    jumlah = 12 // panjang
    nomor = sorted(draw(st.sets(st.integers(1, jumlah), min_size=1, max_size=jumlah)))
    rentang = len(nomor) >= 2 and draw(st.booleans())
    if rentang:
        nomor = [nomor[0], nomor[-1]]
    bagian = []
    for i, n in enumerate(nomor):
        angka = tulis_nomor(draw, n, urutan=False)
        ulang = i == 0 or draw(st.booleans())
        bagian.append(f"{draw(st.sampled_from(kata))} {angka}" if ulang else angka)
    if rentang:
        teks = bagian[0] + draw(st.sampled_from([" s.d. ", " - ", " – ", " sampai ", " s/d ", "-"])) + bagian[1]
        harapan = [(dt.date(2026, panjang * (nomor[0] - 1) + 1, 1), akhir_bulan(2026, panjang * nomor[1]))]
    else:
        teks = bagian[0]
        for b in bagian[1:]:
            teks += draw(st.sampled_from([", ", " dan ", " serta ", "; ", " & "])) + b
        harapan = [(dt.date(2026, panjang * (n - 1) + 1, 1), akhir_bulan(2026, panjang * n)) for n in nomor]
    teks += draw(st.sampled_from(["", " 2026", " tahun 2026"]))
    return teks, harapan, rentang


@settings(max_examples=300, deadline=None)
@given(frasa_periode())
def test_daftar_dan_rentang_periode(data):
    teks, harapan, rentang = data
    j = baca(teks, 2026)
    assert [(k.mulai, k.selesai) for k in j.kejadian] == harapan
    assert j.bentuk == (Bentuk.RENTANG if rentang or len(harapan) == 1 else Bentuk.DAFTAR)


@st.composite
def frasa_berulang(draw):
    """A recurrence word before or after a span of months."""
    a, b = sorted(draw(st.lists(st.integers(1, 12), min_size=2, max_size=2, unique=True)))
    ulang = draw(st.sampled_from(["setiap bulan", "tiap bulan", "per bulan", "Per-bulan", "bulanan", "perbulan"]))
    span = f"{tulis_bulan(draw, a)}{draw(st.sampled_from([' - ', '-', ' s.d. ', ' hingga ']))}{tulis_bulan(draw, b)}"
    bagian = [tulis(draw, ulang), span, "2026"]
    urutan = draw(st.sampled_from([(0, 1, 2), (1, 2, 0), (1, 0, 2)]))
    sambung = draw(st.sampled_from([" ", ", ", " ("]))
    teks = sambung.join(bagian[i] for i in urutan)
    return teks, [(dt.date(2026, m, 1), akhir_bulan(2026, m)) for m in range(a, b + 1)]


@settings(max_examples=300, deadline=None)
@given(frasa_berulang())
def test_perulangan_sebelum_atau_sesudah_rentang(data):
    teks, harapan = data
    j = baca(teks, 2026)
    assert j.bentuk == Bentuk.BERKALA
    assert [(k.mulai, k.selesai) for k in j.kejadian] == harapan


@st.composite
def frasa_hari(draw):
    """"setiap (hari) Selasa" before or after a month."""
    h = draw(st.integers(0, 4))
    m = draw(st.integers(1, 12))
    hari = f"{tulis(draw, draw(st.sampled_from(['setiap', 'tiap'])))} {draw(st.sampled_from(['hari ', '']))}{tulis(draw, HARI[h])}"
    bulan = tulis_bulan(draw, m)
    teks = draw(st.sampled_from(["{h} {b} 2026", "{b} 2026 {h}", "{b} {h}", "{h} bulan {b}"])).format(h=hari, b=bulan)
    hari_hari = [dt.date(2026, m, d) for d in range(1, akhir_bulan(2026, m).day + 1)]
    return teks, [d for d in hari_hari if d.weekday() == h and kerja(d)]


@settings(max_examples=200, deadline=None)
@given(frasa_hari())
def test_hari_berulang_dalam_urutan_apa_pun(data):
    teks, harapan = data
    j = baca(teks, 2026)
    assert [k.tanggal() for k in j.kejadian] == harapan
    assert all(k.tenggat == k.tanggal() for k in j.kejadian)
