"""Fuzzing with hypothesis: the target-time parser, the renderer on a real template, and
Windows-safe names. Each property counts the examples it tried in `DICOBA`."""

from __future__ import annotations

import datetime as dt
import io
import re
from collections import Counter
from functools import lru_cache

import docx
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from zi.arsip.berkas import nama_aman
from zi.galat import JadwalError
from zi.jadwal import Bentuk, baca

from tests.bantu import AKAR
from tests.bantu import aman_windows
from tests.bantu import teks as teks_docx

DICOBA: Counter[str] = Counter()

# --------------------------------------------------------------------------- jadwal.baca

BULAN = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
         "November", "Desember", "Jan", "Feb", "Mar", "Agt", "Sept", "Nop", "Pebruari", "Nopember", "DESEMBER", "juli"]
KATA = ["dan", "serta", "atau", ",", "/", "-", "–", "s.d.", "s/d", "sampai dengan", "hingga", "minggu", "pekan",
        "ke-", "ke-2", "ke-5", "ke-6", "ke-II", "setiap", "tiap", "per", "Per-bulan", "perbulan", "bulan",
        "triwulan", "TW", "kuartal", "semester", "smt", "paling", "lambat", "selambat-lambatnya", "awal", "akhir",
        "tahun", "mulai", "pada", "(", ")", "[", "]", ".", ";", "&", "+", "I", "II", "III", "IV", "V", "1", "2",
        "3", "4", "5", "0", "13", "2025", "2026", "2027", "1999", "9999", "0000", "12345678901", "pertama",
        "kedua", "ketiga", "keempat", "sekali", "mingguan", "bulanan", "triwulanan", "semesteran",
        "hari", "Senin", "Jumat", "Sabtu", "pertengahan", "tengah", "terakhir", "tanggal", "15", "31",
        "tiap-tiap", "s.d", "~", "TW I", "Smt II", "sepanjang", "selama", "ganjil", "genap", "Kamis"]
SUP = st.lists(st.sampled_from(BULAN + KATA), max_size=12)
SEKAT = st.sampled_from([" ", "", "  ", ", ", "\u00a0"])


@st.composite
def sup_token(draw) -> str:
    token = draw(SUP)
    return "".join(t + draw(SEKAT) for t in token)


def _cek_jadwal(teks: str) -> None:
    try:
        j = baca(teks, 2026)
    except JadwalError:
        return
    # A phrase that reads yields windows in order, each with a due date (a working day on
    # or before the window's end, unless the window has no working day) and an event date
    # (a working day in the window, unless the phrase fixes a date).
    assert j.bentuk in set(Bentuk)
    assert j.kejadian and list(j.kejadian) == sorted(j.kejadian, key=lambda k: (k.mulai, k.selesai, k.akhir))
    for k in j.kejadian:
        assert 1 <= k.bulan <= 12 and (k.minggu is None or 1 <= k.minggu <= 5)
        assert k.mulai <= k.selesai and (k.selesai.year, k.selesai.month) == (k.tahun, k.bulan)
        hari_kerja = [k.mulai + dt.timedelta(days=i) for i in range((k.selesai - k.mulai).days + 1)
                      if _hari_kerja(k.mulai + dt.timedelta(days=i))]
        if hari_kerja:
            assert k.tenggat == hari_kerja[-1]
        else:
            assert k.tenggat > k.selesai and _hari_kerja(k.tenggat)
        t = k.tanggal()
        assert isinstance(t, dt.date)
        if k.tanggal_tetap is None:
            assert _hari_kerja(t) and (t in hari_kerja or not hari_kerja)
    assert baca(teks, 2026) == j  # deterministic


def _hari_kerja(d: dt.date) -> bool:
    """Mon–Fri and not in the `holidays` package's Indonesian public + government days."""
    return d.weekday() < 5 and d not in _libur(d.year)


@lru_cache(maxsize=None)
def _libur(tahun: int) -> frozenset[dt.date]:
    import holidays

    return frozenset(holidays.country_holidays("ID", years=tahun, categories=("public", "government")))


@settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=80))
@example("1" * 5000)  # used to raise ValueError (int() of >4300 digits), not JadwalError
@example("Januari " + "9" * 40)
def test_jadwal_teks_apa_pun(teks):
    DICOBA["jadwal: st.text()"] += 1
    _cek_jadwal(teks)


@settings(max_examples=2500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(sup_token())
@example("Februari minggu ke-5 2026")
@example("Desember - Januari 2026")
@example("bulan April sepanjang tiap-tiap semester")  # "sepanjang" as a part of a recurrence: KeyError
@example("selama perbulan akhir Sept")
def test_jadwal_sup_kata_tata_bahasa(teks):
    DICOBA["jadwal: grammar token soup"] += 1
    _cek_jadwal(teks)


# --------------------------------------------------------------------------- renderer

TEMPLAT = AKAR / "templates_docx" / "surat_pernyataan_bk_bebas.docx"
BIDANG = ("nama", "nip", "pangkat", "golongan", "jabatan", "unit")


@lru_cache(maxsize=1)
def _naskah_contoh():
    """A real surat pernyataan (bebas) of an employee with its context, from the sample data."""
    from zi.buat import rencanakan
    from zi.rencana import muat_kantor, muat_rencana

    daftar = rencanakan(muat_rencana(), muat_kantor(), tahun=2026, jenis=("surat_pernyataan_bk",))
    # An employee's statement (a commissioner's shows no NIP, rank or grade).
    return next(n for n in daftar if n.templat == TEMPLAT.name and not n.konteks.get("komisioner"))


def _sah(s: str) -> str:
    """What XML 1.0 can hold (the renderer drops the rest)."""
    return re.sub("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]", "", s)


TEKS_JAHAT = st.one_of(
    st.text(max_size=60),
    st.text(alphabet="<>&;'\"{}%#_-/\\ \t\nabcw:t", max_size=40),
    st.sampled_from(["</w:t>", "]]>", "&amp;", "{{ 7*7 }}", "{% if %}", "\x00", "\ufeff", "\u202e", "𝔘𝔫𝔦"]),
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.fixed_dictionaries({b: TEKS_JAHAT for b in BIDANG}), st.sampled_from(["A4", "F4"]))
def test_render_surat_pernyataan_dengan_data_acak(pegawai, kertas):
    from zi.render import render

    DICOBA["render surat_pernyataan_bk_bebas"] += 1
    n = _naskah_contoh()
    konteks = {**n.konteks, "pegawai": {**n.konteks["pegawai"], **pegawai}}
    isi = render(TEMPLAT, konteks, kertas=kertas, tanggal=n.tanggal)
    isi_teks = teks_docx(isi)  # opens: a valid package and valid XML
    assert n.konteks["atasan"]["nama"] in isi_teks  # the rest of the letter is intact
    for nilai in pegawai.values():
        for potong in _sah(nilai).split():
            assert potong in isi_teks, (potong, nilai)
    assert render(TEMPLAT, konteks, kertas=kertas, tanggal=n.tanggal) == isi  # reproducible


def test_penanda_escape_docxtpl_dalam_data_tercetak_apa_adanya():
    from zi.render import render

    n = _naskah_contoh()
    nilai = "a{_{b}_}c{_%d%_}"
    konteks = {**n.konteks, "pegawai": {**n.konteks["pegawai"], "jabatan": nilai}}
    assert nilai in teks_docx(render(TEMPLAT, konteks, tanggal=n.tanggal))


# --------------------------------------------------------------------------- names

@settings(max_examples=1000, deadline=None)
@given(st.text(max_size=150))
@example("NUL.txt")
@example("CON .txt")
@example("../../etc")
@example("COM¹")
@example(" . ")
def test_nama_aman_selalu_aman_di_windows(teks):
    DICOBA["nama_aman"] += 1
    nama = nama_aman(teks)
    assert aman_windows(nama), (teks, nama)
    assert nama_aman(nama) == nama  # stable: a safe name stays as it is
