import datetime as dt

import pytest

from zi import kalender
from zi.galat import ZiError

# Libur nasional dan cuti bersama 2026 (SKB 3 Menteri), written out independently here.
LIBUR_2026 = {
    "2026-01-01", "2026-01-16", "2026-02-16", "2026-02-17", "2026-03-18", "2026-03-19",
    "2026-03-20", "2026-03-21", "2026-03-22", "2026-03-23", "2026-03-24", "2026-04-03",
    "2026-04-05", "2026-05-01", "2026-05-14", "2026-05-15", "2026-05-27", "2026-05-28",
    "2026-05-31", "2026-06-01", "2026-06-16", "2026-08-17", "2026-08-25", "2026-12-24",
    "2026-12-25",
}


def test_libur_2026_lengkap():
    assert {d.isoformat() for d in kalender.hari_libur(2026)} == LIBUR_2026


@pytest.mark.parametrize("iso", sorted(LIBUR_2026))
def test_libur_bukan_hari_kerja(iso):
    assert not kalender.hari_kerja(dt.date.fromisoformat(iso))


def test_akhir_pekan_bukan_hari_kerja():
    assert not kalender.hari_kerja(dt.date(2026, 1, 10))  # Sabtu
    assert not kalender.hari_kerja(dt.date(2026, 1, 11))  # Minggu
    assert kalender.hari_kerja(dt.date(2026, 1, 12))  # Senin


def test_jumlah_hari_kerja_2026():
    hari = [dt.date(2026, 1, 1) + dt.timedelta(days=i) for i in range(365)]
    hari_biasa = [d for d in hari if d.weekday() < 5]
    libur_hari_biasa = [d for d in hari_biasa if d.isoformat() in LIBUR_2026]
    assert sum(kalender.hari_kerja(d) for d in hari) == len(hari_biasa) - len(libur_hari_biasa)


@pytest.mark.parametrize("bulan,minggu,akhir,harapan", [
    (1, None, False, "2026-01-02"),   # 1 Jan libur Tahun Baru
    (1, 2, False, "2026-01-08"),      # minggu ke-2 = 8–14 Januari, 8 Jan Kamis
    (2, None, False, "2026-02-02"),   # 1 Feb hari Minggu
    (2, 3, False, "2026-02-18"),      # 15 Minggu, 16–17 Imlek (cuti + libur)
    (3, 3, False, "2026-03-16"),
    (3, 4, False, "2026-03-25"),      # 22 Minggu, 23–24 cuti bersama Idul Fitri
    (5, 4, False, "2026-05-22"),
    (5, 5, False, "2026-05-29"),      # 29–31 Mei: Jumat
    (6, None, False, "2026-06-02"),   # 1 Juni Hari Lahir Pancasila
    (8, 3, False, "2026-08-18"),      # 17 Agustus
    (12, 4, False, "2026-12-22"),
    (12, None, True, "2026-12-31"),
    (5, None, True, "2026-05-29"),    # 30–31 Mei akhir pekan / Waisak
])
def test_tanggal_kejadian(bulan, minggu, akhir, harapan):
    assert kalender.tanggal_kejadian(2026, bulan, minggu, akhir).isoformat() == harapan


def test_minggu_tanpa_hari_kerja_bergeser_ke_hari_kerja_berikut():
    # Minggu ke-5 Februari 2027 tidak ada; minggu ke-5 Agustus 2026 = 29–31 (Sabtu, Minggu, Senin).
    assert kalender.tanggal_kejadian(2026, 8, 5) == dt.date(2026, 8, 31)
    # Minggu ke-5 Januari 2026 = 29–31 (Kamis–Sabtu) → 29 Januari.
    assert kalender.tanggal_kejadian(2026, 1, 5) == dt.date(2026, 1, 29)


def test_minggu_di_luar_bulan_ditolak():
    with pytest.raises(ZiError, match="minggu ke-5"):
        kalender.rentang_minggu(2026, 2, 5)


def test_rentang_minggu_dan_minggu_ke():
    assert kalender.rentang_minggu(2026, 1, 2) == (dt.date(2026, 1, 8), dt.date(2026, 1, 14))
    assert kalender.rentang_minggu(2026, 1, 5) == (dt.date(2026, 1, 29), dt.date(2026, 1, 31))
    assert [kalender.minggu_ke(dt.date(2026, 1, d)) for d in (1, 7, 8, 14, 15, 31)] == [1, 1, 2, 2, 3, 5]


def test_mundur_hari_kerja():
    # 5 hari kerja sebelum Rabu 25 Maret 2026: 24, 23 cuti; 22–21 akhir pekan; 20, 19, 18 libur →
    # 17, 16, 13, 12, 11.
    assert kalender.mundur_hari_kerja(dt.date(2026, 3, 25), 5) == dt.date(2026, 3, 11)


# ------------------------------------------------------------------ windows (issue 12)

D = dt.date.fromisoformat


@pytest.mark.parametrize("tahun,bulan,panjang,harapan", [
    (2026, 2, 1, ("2026-02-01", "2026-02-28")),
    (2028, 2, 1, ("2028-02-01", "2028-02-29")),
    (2026, 4, 3, ("2026-04-01", "2026-06-30")),
    (2026, 7, 6, ("2026-07-01", "2026-12-31")),
    (2026, 11, 3, ("2026-11-01", "2027-01-31")),
])
def test_jendela_bulan(tahun, bulan, panjang, harapan):
    assert tuple(d.isoformat() for d in kalender.jendela_bulan(tahun, bulan, panjang)) == harapan


@pytest.mark.parametrize("mulai,selesai,harapan", [
    ("2026-01-01", "2026-01-31", "2026-01-30"),  # 31 Jan Saturday
    ("2026-05-01", "2026-05-31", "2026-05-29"),  # 30–31 May weekend
    ("2026-12-01", "2026-12-31", "2026-12-31"),
    ("2026-03-18", "2026-03-24", "2026-03-25"),  # all Idul Fitri: the next working day
    ("2026-01-10", "2026-01-11", "2026-01-12"),  # a weekend
])
def test_tenggat_hari_kerja_terakhir_jendela(mulai, selesai, harapan):
    assert kalender.tenggat(D(mulai), D(selesai)) == D(harapan)


def test_hari_kerja_pertama_dengan_hari_tetap():
    assert kalender.hari_kerja_pertama(D("2026-06-01"), D("2026-06-30"), 0) == D("2026-06-08")  # 1 Jun Pancasila
    assert kalender.hari_kerja_pertama(D("2026-03-18"), D("2026-03-24")) is None


@pytest.mark.parametrize("mulai,selesai,bagian,harapan", [
    ("2026-02-01", "2026-02-28", "awal", ("2026-02-01", "2026-02-10")),
    ("2026-02-01", "2026-02-28", "tengah", ("2026-02-11", "2026-02-20")),
    ("2026-02-01", "2026-02-28", "akhir", ("2026-02-21", "2026-02-28")),
    ("2026-01-01", "2026-12-31", "awal", ("2026-01-01", "2026-01-31")),
    ("2026-01-01", "2026-12-31", "tengah", ("2026-06-01", "2026-07-31")),
    ("2026-01-01", "2026-03-31", "tengah", ("2026-02-01", "2026-02-28")),
    ("2026-01-01", "2026-03-31", "akhir", ("2026-03-21", "2026-03-31")),
])
def test_bagian_jendela(mulai, selesai, bagian, harapan):
    assert tuple(d.isoformat() for d in kalender.bagian_jendela(D(mulai), D(selesai), bagian)) == harapan


def test_potong_satuan():
    assert kalender.potong_satuan(D("2026-02-10"), D("2026-07-15"), 3) == [
        (D("2026-02-10"), D("2026-03-31")), (D("2026-04-01"), D("2026-06-30")), (D("2026-07-01"), D("2026-07-15"))]
    assert len(kalender.potong_satuan(D("2026-01-01"), D("2026-12-31"), 1)) == 12
