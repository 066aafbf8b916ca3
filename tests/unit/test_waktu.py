"""zi.waktu: the office's clock, in its own zone."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from zi import waktu


def test_singkatan_zona_indonesia():
    assert waktu.singkatan(ZoneInfo("Asia/Jakarta"), dt.date(2026, 1, 5)) == "WIB"
    assert waktu.singkatan(ZoneInfo("Asia/Makassar"), dt.date(2026, 1, 5)) == "WITA"
    assert waktu.singkatan(ZoneInfo("Asia/Jayapura"), dt.date(2026, 1, 5)) == "WIT"


def test_hari_ini_dan_cap_waktu_di_zona_kantor():
    z = ZoneInfo("Asia/Makassar")
    sebelum = dt.datetime.now(dt.timezone.utc)
    cap = dt.datetime.fromisoformat(waktu.cap_waktu(z))
    sesudah = dt.datetime.now(dt.timezone.utc)
    assert cap.utcoffset() == dt.timedelta(hours=8)
    assert sebelum.replace(microsecond=0) <= cap <= sesudah
    assert waktu.hari_ini(z) in {(sebelum + dt.timedelta(hours=8)).date(), (sesudah + dt.timedelta(hours=8)).date()}
