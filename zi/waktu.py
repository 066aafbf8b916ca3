"""The office's clock: "today", "now" and the zone's Indonesian abbreviation, always in
the office's own time zone (`instansi.zona_waktu`), never the machine's.

An office in Makassar (WITA) gets its own today and "WITA"; every use case, the archive's
timestamps and the flows ask here instead of reading the machine clock.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo


def zona(nama: str) -> ZoneInfo:
    """The zone of a name checked by the office model (e.g. "Asia/Makassar")."""
    return ZoneInfo(nama)


def sekarang(z: ZoneInfo) -> dt.datetime:
    """The current time in the office's zone (aware)."""
    return dt.datetime.now(z)


def hari_ini(z: ZoneInfo) -> dt.date:
    """Today's date in the office's zone (07.00 WITA is still yesterday in UTC)."""
    return sekarang(z).date()


def singkatan(z: ZoneInfo, pada: dt.date | None = None) -> str:
    """"WIB", "WITA", "WIT": the zone's abbreviation on a day (zoneinfo's tz database)."""
    d = pada or hari_ini(z)
    return dt.datetime.combine(d, dt.time(12), tzinfo=z).tzname() or str(z)


def cap_waktu(z: ZoneInfo) -> str:
    """A timestamp for the archive (ISO 8601 with the office's offset, to the second)."""
    return sekarang(z).isoformat(timespec="seconds")
