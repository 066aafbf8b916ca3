"""Errors a user can fix: each names the file and the place in it (row, key, cell).

The CLI turns any `ZiError` into a message on stderr and exit status 2, never a traceback.
"""

from __future__ import annotations

from pathlib import Path


class ZiError(Exception):
    """Bad input: `berkas` is the file, `lokasi` the row/key/cell, `pesan` what is wrong."""

    def __init__(self, pesan: str, berkas: str | Path | None = None, lokasi: str | None = None):
        self.pesan = pesan
        self.berkas = str(berkas) if berkas is not None else None
        self.lokasi = lokasi
        super().__init__(str(self))

    def __str__(self) -> str:
        tempat = ", ".join(p for p in (self.berkas, self.lokasi) if p)
        return f"{tempat}: {self.pesan}" if tempat else self.pesan


class JadwalError(ZiError):
    """A target-time phrase that cannot be read."""

    def __init__(self, pesan: str, teks: str):
        self.teks = teks
        super().__init__(f"{pesan} (teks: \"{teks}\")")


class ZiErrors(ZiError):
    """Several bad inputs found in one pass (e.g. every unreadable row of a plan), so the
    person fixes them all at once; printed one per line."""

    def __init__(self, daftar: list[ZiError]):
        self.daftar = list(daftar)
        pertama = self.daftar[0]
        super().__init__(pertama.pesan, pertama.berkas, pertama.lokasi)

    def __str__(self) -> str:
        if len(self.daftar) == 1:
            return str(self.daftar[0])
        return f"{len(self.daftar)} masalah:\n" + "\n".join(f"  - {e}" for e in self.daftar)
