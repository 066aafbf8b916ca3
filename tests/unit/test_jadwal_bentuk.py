"""Each form of the target-time language, by category, with windows, due dates and event
dates written out by hand from the 2026 calendar (holidays: SKB 3 Menteri 2026)."""

import datetime as dt

import pytest

from zi.galat import JadwalError
from zi.jadwal import Bentuk, baca

D = dt.date.fromisoformat


def jendela(teks: str, tahun: int = 2026) -> list[tuple[str, str]]:
    return [(k.mulai.isoformat(), k.selesai.isoformat()) for k in baca(teks, tahun).kejadian]


# --------------------------------------------------------------------------- weeks

@pytest.mark.parametrize("teks,harapan,minggu", [
    ("Minggu ke-3 Januari 2026", [("2026-01-15", "2026-01-21")], [3]),
    ("Pekan ke-2 Maret 2026", [("2026-03-08", "2026-03-14")], [2]),
    ("Januari minggu ke-2 tahun 2026", [("2026-01-08", "2026-01-14")], [2]),
    ("minggu pertama Februari", [("2026-02-01", "2026-02-07")], [1]),
    ("minggu II Maret", [("2026-03-08", "2026-03-14")], [2]),
    ("pekan kedua bulan April 2026", [("2026-04-08", "2026-04-14")], [2]),
    ("minggu terakhir Februari 2026", [("2026-02-22", "2026-02-28")], [4]),
    ("minggu terakhir Maret 2026", [("2026-03-29", "2026-03-31")], [5]),
    ("minggu ke-1 dan ke-3 Januari", [("2026-01-01", "2026-01-07"), ("2026-01-15", "2026-01-21")], [1, 3]),
    ("Juni minggu ke-2 dan ke-4", [("2026-06-08", "2026-06-14"), ("2026-06-22", "2026-06-28")], [2, 4]),
    ("Januari dan Februari minggu ke-1", [("2026-01-01", "2026-01-07"), ("2026-02-01", "2026-02-07")], [1, 1]),
])
def test_minggu(teks, harapan, minggu):
    j = baca(teks, 2026)
    assert jendela(teks) == harapan
    assert [k.minggu for k in j.kejadian] == minggu


def test_rentang_minggu():
    j = baca("minggu ke-1 s.d. ke-2 Januari 2026", 2026)
    assert j.bentuk == Bentuk.RENTANG
    assert jendela("minggu ke-1 s.d. ke-2 Januari 2026") == [("2026-01-01", "2026-01-14")]
    assert jendela("Januari minggu ke-2 s.d. Maret 2026") == [("2026-01-08", "2026-03-31")]


# --------------------------------------------------------------------------- triwulan, semester

@pytest.mark.parametrize("teks,bentuk,harapan", [
    ("TW I s.d. TW IV 2026", "rentang", [("2026-01-01", "2026-12-31")]),
    ("Triwulan III dan IV", "daftar", [("2026-07-01", "2026-09-30"), ("2026-10-01", "2026-12-31")]),
    ("Semester I dan II 2026", "daftar", [("2026-01-01", "2026-06-30"), ("2026-07-01", "2026-12-31")]),
    ("TW I – TW II", "rentang", [("2026-01-01", "2026-06-30")]),
    ("TW I-II 2026", "rentang", [("2026-01-01", "2026-06-30")]),
    ("triwulan ke-2", "rentang", [("2026-04-01", "2026-06-30")]),
    ("Triwulan kedua 2026", "rentang", [("2026-04-01", "2026-06-30")]),
    ("semester 2", "rentang", [("2026-07-01", "2026-12-31")]),
    ("Smt I", "rentang", [("2026-01-01", "2026-06-30")]),
    ("kuartal IV 2026", "rentang", [("2026-10-01", "2026-12-31")]),
    ("TW I, TW III", "daftar", [("2026-01-01", "2026-03-31"), ("2026-07-01", "2026-09-30")]),
    ("triwulan terakhir", "rentang", [("2026-10-01", "2026-12-31")]),
    ("Semester-II 2026", "rentang", [("2026-07-01", "2026-12-31")]),
    ("TW-I dan TW-II", "daftar", [("2026-01-01", "2026-03-31"), ("2026-04-01", "2026-06-30")]),
    ("Oktober 2026 s.d. Maret 2027", "rentang", [("2026-10-01", "2027-03-31")]),
])
def test_triwulan_semester(teks, bentuk, harapan):
    assert baca(teks, 2026).bentuk.value == bentuk
    assert jendela(teks) == harapan


# --------------------------------------------------------------------------- recurrence

@pytest.mark.parametrize("teks,jumlah,pertama,terakhir", [
    ("bulanan", 12, ("2026-01-01", "2026-01-31"), ("2026-12-01", "2026-12-31")),
    ("setiap bulan", 12, ("2026-01-01", "2026-01-31"), ("2026-12-01", "2026-12-31")),
    ("tiap bulan", 12, ("2026-01-01", "2026-01-31"), ("2026-12-01", "2026-12-31")),
    ("Per-bulan (Januari- Desember)", 12, ("2026-01-01", "2026-01-31"), ("2026-12-01", "2026-12-31")),
    ("triwulanan", 4, ("2026-01-01", "2026-03-31"), ("2026-10-01", "2026-12-31")),
    ("per triwulan", 4, ("2026-01-01", "2026-03-31"), ("2026-10-01", "2026-12-31")),
    ("semesteran", 2, ("2026-01-01", "2026-06-30"), ("2026-07-01", "2026-12-31")),
    ("tiap semester", 2, ("2026-01-01", "2026-06-30"), ("2026-07-01", "2026-12-31")),
    ("setiap tahun", 1, ("2026-01-01", "2026-12-31"), ("2026-01-01", "2026-12-31")),
    ("per triwulan Januari - Juni 2026", 2, ("2026-01-01", "2026-03-31"), ("2026-04-01", "2026-06-30")),
    ("setiap bulan triwulan II", 3, ("2026-04-01", "2026-04-30"), ("2026-06-01", "2026-06-30")),
    ("setiap triwulan Februari - Desember 2026", 4, ("2026-02-01", "2026-03-31"), ("2026-10-01", "2026-12-31")),
    ("setiap akhir bulan", 12, ("2026-01-21", "2026-01-31"), ("2026-12-21", "2026-12-31")),
    ("bulanan tahun 2027", 12, ("2027-01-01", "2027-01-31"), ("2027-12-01", "2027-12-31")),
    ("per 3 bulan", 4, ("2026-01-01", "2026-03-31"), ("2026-10-01", "2026-12-31")),
    ("setiap 2 bulan", 6, ("2026-01-01", "2026-02-28"), ("2026-11-01", "2026-12-31")),
    ("minggu pertama setiap bulan", 12, ("2026-01-01", "2026-01-07"), ("2026-12-01", "2026-12-07")),
    ("Setiap minggu ke-2", 12, ("2026-01-08", "2026-01-14"), ("2026-12-08", "2026-12-14")),
    ("setiap bulan, minggu terakhir", 12, ("2026-01-29", "2026-01-31"), ("2026-12-29", "2026-12-31")),
    ("minggu ke-2 setiap bulan Januari - Maret", 3, ("2026-01-08", "2026-01-14"), ("2026-03-08", "2026-03-14")),
    ("setiap tanggal 10", 12, ("2026-01-10", "2026-01-10"), ("2026-12-10", "2026-12-10")),
])
def test_berkala(teks, jumlah, pertama, terakhir):
    j = baca(teks, 2026)
    assert j.bentuk == Bentuk.BERKALA
    w = jendela(teks)
    assert (len(w), w[0], w[-1]) == (jumlah, pertama, terakhir)


# The Mondays of 2026 that are holidays: 16 Feb (cuti Imlek), 23 Mar (cuti Idul Fitri),
# 1 Jun (Pancasila), 17 Aug (Proklamasi). 2026 starts on a Thursday: 52 Mondays.
SENIN_LIBUR_2026 = {"2026-02-16", "2026-03-23", "2026-06-01", "2026-08-17"}


def test_setiap_hari_senin():
    j = baca("setiap hari Senin", 2026)
    senin = [dt.date(2026, 1, 5) + dt.timedelta(weeks=i) for i in range(52)]
    harapan = [d for d in senin if d.isoformat() not in SENIN_LIBUR_2026]
    assert j.bentuk == Bentuk.BERKALA
    assert [k.tanggal() for k in j.kejadian] == harapan
    assert all(k.mulai == k.selesai == k.tenggat == k.tanggal() and k.hari == 0 for k in j.kejadian)
    assert any("4 hari Senin libur" in p for p in j.peringatan)


@pytest.mark.parametrize("teks,harapan", [
    ("setiap Jumat Januari 2026", ["2026-01-02", "2026-01-09", "2026-01-23", "2026-01-30"]),  # 16: Isra Mikraj
    ("tiap hari Senin dan Kamis Maret 2026", ["2026-03-02", "2026-03-05", "2026-03-09", "2026-03-12",
                                             "2026-03-16", "2026-03-26", "2026-03-30"]),  # 18–24: Idul Fitri
    ("setiap Rabu minggu ke-2 Juni 2026", ["2026-06-10"]),
])
def test_hari_berulang(teks, harapan):
    assert [k.tanggal().isoformat() for k in baca(teks, 2026).kejadian] == harapan


# --------------------------------------------------------------------------- parts of a month, dates

@pytest.mark.parametrize("teks,harapan,acara,tenggat", [
    ("pertengahan Juni 2026", ("2026-06-11", "2026-06-20"), "2026-06-11", "2026-06-19"),
    ("awal Maret 2026", ("2026-03-01", "2026-03-10"), "2026-03-02", "2026-03-10"),
    ("akhir Maret 2026", ("2026-03-21", "2026-03-31"), "2026-03-31", "2026-03-31"),
    ("akhir Mei 2026", ("2026-05-21", "2026-05-31"), "2026-05-29", "2026-05-29"),  # 30–31 weekend
    ("akhir tahun 2026", ("2026-12-21", "2026-12-31"), "2026-12-31", "2026-12-31"),
    ("awal tahun", ("2026-01-01", "2026-01-31"), "2026-01-02", "2026-01-30"),
    ("paling lambat akhir triwulan I", ("2026-03-21", "2026-03-31"), "2026-03-31", "2026-03-31"),
    ("15 Januari 2026", ("2026-01-15", "2026-01-15"), "2026-01-15", "2026-01-15"),
    ("Sepanjang tahun 2026", ("2026-01-01", "2026-12-31"), "2026-01-02", "2026-12-31"),
    ("selama Maret 2026", ("2026-03-01", "2026-03-31"), "2026-03-02", "2026-03-31"),
    ("April-Mei-Juni 2026", ("2026-04-01", "2026-06-30"), "2026-04-01", "2026-06-30"),
    ("Semester Ganjil 2026", ("2026-01-01", "2026-06-30"), "2026-01-02", "2026-06-30"),
    ("tanggal 10 Februari", ("2026-02-10", "2026-02-10"), "2026-02-10", "2026-02-10"),
])
def test_bagian_dan_tanggal(teks, harapan, acara, tenggat):
    (k,) = baca(teks, 2026).kejadian
    assert (k.mulai.isoformat(), k.selesai.isoformat()) == harapan
    assert (k.tanggal().isoformat(), k.tenggat.isoformat()) == (acara, tenggat)


# --------------------------------------------------------------------------- event date and due date

@pytest.mark.parametrize("teks,acara,tenggat,bulan", [
    ("Januari 2026", "2026-01-02", "2026-01-30", "2026-01"),  # 1 Jan holiday; 31 Jan Saturday
    ("Januari - Desember 2026", "2026-01-02", "2026-12-31", "2026-12"),  # due at its end
    ("Maret- Desember 2026", "2026-03-02", "2026-12-31", "2026-12"),
    ("triwulan I", "2026-01-02", "2026-03-31", "2026-03"),
    ("Februari 2026", "2026-02-02", "2026-02-27", "2026-02"),  # 28 Feb Saturday
    ("Juni 2026", "2026-06-02", "2026-06-30", "2026-06"),  # 1 Jun Pancasila
    ("minggu ke-4 Maret 2026", "2026-03-25", "2026-03-27", "2026-03"),  # 22–24 off, 28 Sat
])
def test_tanggal_acara_dan_tenggat(teks, acara, tenggat, bulan):
    (k,) = baca(teks, 2026).kejadian
    assert (k.tanggal().isoformat(), k.tenggat.isoformat(), k.kode_bulan) == (acara, tenggat, bulan)


def test_hari_tetap_dalam_frasa():
    (k,) = baca("hari Kamis, minggu ke-2 Januari 2026", 2026).kejadian
    assert k.tanggal() == D("2026-01-08") and k.hari == 3


def test_rentang_menjelaskan_bacaannya():
    j = baca("Januari- Desember 2026", 2026)
    assert j.bentuk == Bentuk.RENTANG
    assert "satu kejadian" in j.bacaan and "31 Desember 2026" in j.bacaan and "per bulan" in j.bacaan


def test_penjelasan_tiap_token():
    j = baca("Minggu ke-3 Januari 2026", 2026)
    assert j.penjelasan == (
        '"Minggu" → minggu (pekan) dari bulan sesudahnya',
        '"ke" → penanda urutan ("ke-")',
        '"3" → minggu ke-3',
        '"Januari" → bulan Januari',
        '"2026" → tahun 2026, untuk minggu ke-3 Januari',
    )


# --------------------------------------------------------------------------- bad input

@pytest.mark.parametrize("teks,kata", [
    ("minggu ke-6 Maret", "minggu ke-6 tidak ada"),
    ("TW V", "triwulan ke-5 tidak ada"),
    ("Semester III", "semester ke-3 tidak ada"),
    ("setiap hari Minggu", "bukan hari kerja"),
    ("setiap Sabtu", "hari Sabtu bukan hari kerja"),
    ("TW III s.d. TW I", "rentang terbalik"),
    ("Semester II - Semester I 2026", "rentang terbalik"),
    ("setiap hari", "harian tidak didukung"),
    ("mingguan", "mingguan tidak didukung"),
    ("tanggal 31 Februari 2026", "tanggal 31 Februari 2026 tidak ada"),
    ("Februari minggu ke-5 2026", "tidak punya minggu ke-5"),
    ("Seninn minggu ke-2 Maret", "maksud Anda \"Senin\""),
    ("minggu ke-2", "tanpa bulan"),
    ("akhir", "tanpa bulan"),
    ("II", "tanpa minggu/triwulan/semester"),
    ("Januari 15", "angka \"15\" tidak jelas"),
    ("setiap bulan setiap triwulan", "bertentangan"),
    ("TW III s.d.", "rentang tanpa ujung"),
    ("setiap 5 bulan", "tidak membagi tahun"),
    ("setiap tanggal 32", "tanggal 32 tidak ada"),
    ("Juni - April - Mei 2026", "rentang terbalik"),
])

def test_frasa_salah(teks, kata):
    with pytest.raises(JadwalError) as e:
        baca(teks, 2026)
    assert kata in str(e.value)
    assert f'"{teks}"' in str(e.value)


def test_tanggal_tiap_bulan_yang_tidak_ada_dilewati():
    j = baca("setiap tanggal 31 Januari - Juni 2026", 2026)
    assert [k.mulai.isoformat() for k in j.kejadian] == ["2026-01-31", "2026-03-31", "2026-05-31"]
    assert any("Februari 2026, April 2026, Juni 2026" in p for p in j.peringatan)
