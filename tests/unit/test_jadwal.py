"""The target-time parser: every phrase of the seed, generated phrases, and bad text.

Per-form tests by category are in test_jadwal_bentuk.py; phrases in mixed orders in
test_jadwal_urutan.py.
"""

import calendar
import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from zi.bahasa import nama_bulan, nama_bulan_singkat, romawi
from zi.galat import JadwalError
from zi.jadwal import Bentuk, Kejadian, baca
from zi.rencana import muat_rencana

K = Kejadian


def J(a: str, z: str) -> Kejadian:
    """A window from ISO dates a to z (a span, a quarter)."""
    return Kejadian.jendela(dt.date.fromisoformat(a), dt.date.fromisoformat(z))


# How a person reads each distinct target time of the seed (written by hand from the text).
# Since issue 12 a span is one occurrence over its whole window (J: from its first day, due at
# its end) where it used to be its last month only; months and weeks are unchanged.
SEED = {
    "Januari minggu ke-2 tahun 2026": ("sekali", [K(2026, 1, 2)]),
    "Januari dan Februari minggu ke-1 tahun 2026": ("daftar", [K(2026, 1, 1), K(2026, 2, 1)]),
    "Februari September,Oktober, Desember": None,  # ambiguous: the row carries `jadwal`
    "Per-bulan (Januari- Desember)": ("berkala", [K(2026, m) for m in range(1, 13)]),
    "Paling lambat Mei-Juni 2026": ("rentang", [J("2026-05-01", "2026-06-30")]),
    "Januari 2026": ("sekali", [K(2026, 1)]),
    "Februari 2026": ("sekali", [K(2026, 2)]),
    "Maret 2026": ("sekali", [K(2026, 3)]),
    "April 2026": ("sekali", [K(2026, 4)]),
    "April  2026": ("sekali", [K(2026, 4)]),
    "Mei 2026": ("sekali", [K(2026, 5)]),
    "Juni 2026": ("sekali", [K(2026, 6)]),
    " Juni 2026": ("sekali", [K(2026, 6)]),
    "Juli 2026": ("sekali", [K(2026, 7)]),
    "September 2026": ("sekali", [K(2026, 9)]),
    "Januari 2025": ("sekali", [K(2025, 1)]),
    "Januari- Desember 2026": ("rentang", [J("2026-01-01", "2026-12-31")]),
    "Maret- Desember 2026": ("rentang", [J("2026-03-01", "2026-12-31")]),
    "Januari Desember 2026": ("rentang", [J("2026-01-01", "2026-12-31")]),
    "Januari-Februari 2026": ("rentang", [J("2026-01-01", "2026-02-28")]),
    "Januari – Februari 2026": ("rentang", [J("2026-01-01", "2026-02-28")]),
    "Setiap Triwulan April, Juli, Oktober, Desember 2026": ("berkala", [K(2026, m) for m in (4, 7, 10, 12)]),
    "Januari / Juni 2026": ("daftar", [K(2026, 1), K(2026, 6)]),
    "Maret, Juni, September, Desember 2026": ("daftar", [K(2026, m) for m in (3, 6, 9, 12)]),
    "Maret,Juni 2026": ("daftar", [K(2026, 3), K(2026, 6)]),
    "Maret, Juni 2026": ("daftar", [K(2026, 3), K(2026, 6)]),
    "Juni dan Desember 2026": ("daftar", [K(2026, 6), K(2026, 12)]),
    "Mei 2026 dan Desember 2026": ("daftar", [K(2026, 5), K(2026, 12)]),
}


def test_setiap_frasa_seed_ada_harapannya():
    teks = {b.target_waktu for b in muat_rencana().baris}
    assert teks <= set(SEED), f"frasa baru tanpa harapan: {teks - set(SEED)}"
    assert len(muat_rencana().baris) == 65


@pytest.mark.parametrize("teks", [t for t, h in SEED.items() if h])
def test_frasa_seed(teks):
    bentuk, kejadian = SEED[teks]
    j = baca(teks, 2026)
    assert j.bentuk.value == bentuk
    assert list(j.kejadian) == kejadian


def test_tahun_di_luar_rencana_diperingatkan():
    assert any("2025" in p and "di luar" in p for p in baca("Januari 2025", 2026).peringatan)
    assert baca("Januari 2026", 2026).peringatan == ()


def test_tanda_hubung_hilang_diperingatkan():
    assert any("rentang" in p for p in baca("Januari Desember 2026", 2026).peringatan)


def test_frasa_ambigu_seed_diperingatkan():
    j = baca("Februari September,Oktober, Desember", 2026)
    assert j.peringatan  # read, but never silently


def test_baris_ambigu_memakai_kolom_jadwal():
    r = muat_rencana()
    b = r.per_id["I.3.1"]
    assert b.jadwal
    assert [k.bulan for k in baca(b.jadwal, 2026).kejadian] == [2, 9, 10, 12]


@pytest.mark.parametrize("teks,bentuk,bulan", [
    ("triwulan II", "rentang", [6]),
    ("TW 3 2026", "rentang", [9]),
    ("Triwulan ke-4", "rentang", [12]),
    ("setiap triwulan", "berkala", [3, 6, 9, 12]),
    ("setiap semester", "berkala", [6, 12]),
    ("semester I", "rentang", [6]),
    ("setiap bulan", "berkala", list(range(1, 13))),
    ("per bulan Juli s.d. September 2026", "berkala", [7, 8, 9]),
    ("Januari s/d Maret 2026", "rentang", [3]),
    ("januari sampai dengan maret", "rentang", [3]),
    ("JANUARI,FEBRUARI DAN MARET 2026", "daftar", [1, 2, 3]),
    ("Agustus   dan   Oktober", "daftar", [8, 10]),
    ("Nopember 2026", "sekali", [11]),
    ("Okt 2026", "sekali", [10]),
    ("setiap triwulan Januari - Desember 2026", "berkala", [3, 6, 9, 12]),
])
def test_frasa_umum(teks, bentuk, bulan):
    j = baca(teks, 2026)
    assert j.bentuk.value == bentuk
    assert [k.bulan for k in j.kejadian] == bulan


def test_awal_akhir():
    # "awal" is the first dasarian (1–10) since issue 12, no longer week 1 (1–7): one rule
    # for awal / pertengahan / akhir (see test_jadwal_bentuk.py).
    assert baca("awal Maret 2026", 2026).kejadian == (J("2026-03-01", "2026-03-10"),)
    j = baca("akhir Maret 2026", 2026)
    assert j.kejadian == (K(2026, 3, None, True),)
    assert j.kejadian[0].tanggal().isoformat() == "2026-03-31"
    assert all(k.akhir for k in baca("setiap akhir bulan", 2026).kejadian)


def test_tanpa_tahun_memakai_tahun_rencana():
    assert baca("Juni", 2027).kejadian == (K(2027, 6),)


@pytest.mark.parametrize("teks,kata", [
    ("Januarii 2026", "Januari"),  # unknown month word, with a suggestion
    ("minggu ke-9", "minggu ke-9"),
    ("Januari minggu ke-9 2026", "minggu ke-9"),
    ("", "kosong"),
    ("   ", "kosong"),
    ("Desember - Januari 2026", "terbalik"),
    ("Juni-Maret", "terbalik"),
    ("Februari minggu ke-5 2026", "minggu ke-5"),
    ("triwulan V", "triwulan"),
    ("setiap minggu", "mingguan"),
    ("segera", "segera"),
    ("Januari -", "rentang"),
    ("2026", "tanpa bulan"),
    ("minggu ke-2", "tanpa bulan"),
])
def test_teks_salah_memberi_galat_jelas(teks, kata):
    with pytest.raises(JadwalError) as e:
        baca(teks, 2026)
    assert kata.lower() in str(e.value).lower()
    assert f'"{teks}"' in str(e.value)


# ------------------------------------------------------------------ generated phrases

bulan_st = st.integers(1, 12)


def _tulis_bulan(draw, m: int) -> str:
    nama = draw(st.sampled_from([nama_bulan(m), nama_bulan_singkat(m)]))
    return draw(st.sampled_from([nama, nama.lower(), nama.upper()]))


@st.composite
def frasa_daftar(draw):
    bulan = sorted(draw(st.sets(bulan_st, min_size=1, max_size=5)))
    tahun = draw(st.one_of(st.none(), st.integers(2024, 2028)))
    seps = [draw(st.sampled_from([", ", ",", " dan ", " / ", "/", " ,  ", " serta "])) for _ in bulan[1:]]
    teks = _tulis_bulan(draw, bulan[0])
    for sep, m in zip(seps, bulan[1:]):
        teks += sep + _tulis_bulan(draw, m)
    if tahun:
        teks += draw(st.sampled_from([" ", "  ", " tahun "])) + str(tahun)
    return teks, bulan, tahun


@settings(max_examples=300, deadline=None)
@given(frasa_daftar())
def test_daftar_bulan_dihasilkan(data):
    teks, bulan, tahun = data
    j = baca(teks, 2026)
    assert [k.bulan for k in j.kejadian] == bulan
    assert {k.tahun for k in j.kejadian} == {tahun or 2026}
    assert j.bentuk == (Bentuk.SEKALI if len(bulan) == 1 else Bentuk.DAFTAR)
    assert bool(j.peringatan) == (tahun is not None and tahun != 2026)


@st.composite
def frasa_rentang(draw):
    a, b = sorted(draw(st.lists(bulan_st, min_size=2, max_size=2, unique=True)))
    sambung = draw(st.sampled_from(["-", " - ", "- ", " – ", "–", " s.d. ", " s.d ", " s/d ", " sampai dengan ", " sampai ", " hingga "]))
    return f"{_tulis_bulan(draw, a)}{sambung}{_tulis_bulan(draw, b)} 2026", a, b


@settings(max_examples=300, deadline=None)
@given(frasa_rentang())
def test_rentang_dihasilkan(data):
    teks, a, b = data
    j = baca(teks, 2026)
    assert j.bentuk == Bentuk.RENTANG
    assert j.kejadian == (J(f"2026-{a:02d}-01", f"2026-{b:02d}-{calendar.monthrange(2026, b)[1]}"),)
    assert j.kejadian[0].kode_bulan == f"2026-{b:02d}"  # due in the span's last month


@settings(max_examples=200, deadline=None)
@given(st.lists(bulan_st, min_size=2, max_size=2, unique=True), st.sampled_from(["-", " – ", " s.d. ", " sampai "]))
def test_rentang_terbalik_ditolak(dua, sambung):
    akhir, awal = sorted(dua)  # written later month first
    with pytest.raises(JadwalError, match="terbalik"):
        baca(f"{nama_bulan(awal)}{sambung}{nama_bulan(akhir)} 2026", 2026)


@settings(max_examples=200, deadline=None)
@given(bulan_st, st.integers(1, 5), st.sampled_from(["minggu", "pekan", "Minggu", "PEKAN"]),
       st.sampled_from(["ke-{n}", "ke- {n}", "ke {n}", "{n}", "ke-{r}"]))
def test_minggu_ke_dihasilkan(m, n, kata, bentuk_angka):
    teks = f"{nama_bulan(m)} {kata} {bentuk_angka.format(n=n, r=romawi(n))} 2026"
    ada = n <= (5 if m != 2 else 4)
    if not ada:
        with pytest.raises(JadwalError, match=f"minggu ke-{n}"):
            baca(teks, 2026)
        return
    j = baca(teks, 2026)
    assert j.kejadian == (K(2026, m, n),)
    tanggal = j.kejadian[0].tanggal()
    assert tanggal.month == m and tanggal.day >= 7 * (n - 1) + 1


@settings(max_examples=100, deadline=None)
@given(st.integers(1, 4), st.sampled_from(["triwulan", "Triwulan", "TW", "tw"]), st.booleans(), st.booleans())
def test_triwulan_dihasilkan(n, kata, pakai_romawi, pakai_ke):
    angka = romawi(n) if pakai_romawi else str(n)
    teks = f"{kata} {'ke-' if pakai_ke else ''}{angka} 2026"
    j = baca(teks, 2026)
    akhir = 3 * n
    assert j.kejadian == (J(f"2026-{akhir - 2:02d}-01", f"2026-{akhir:02d}-{calendar.monthrange(2026, akhir)[1]}"),)


@settings(max_examples=300, deadline=None)
@given(bulan_st, st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=2))
def test_salah_ketik_bulan_ditolak(m, sisipan):
    kata = nama_bulan(m).lower() + sisipan
    if kata in {nama_bulan(x).lower() for x in range(1, 13)}:
        return
    with pytest.raises(JadwalError, match="tidak dikenal"):
        baca(f"{kata} 2026", 2026)
