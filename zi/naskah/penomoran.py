"""Running numbers of letters and decrees from the archive's registry (`penomoran.aktif`).

Each series (letters, decrees) counts per year. A document keeps the number it got the first
time (by its identity key), so a re-run never renumbers; a new draft takes the next number.
With numbering off the number stays a dotted blank for the TU desk.
"""

from __future__ import annotations

import dataclasses

from zi.arsip.registri import Registri
from zi.naskah.umum import Naskah


def beri_nomor(reg: Registri, daftar: list[Naskah], simpan: bool) -> list[Naskah]:
    """The documents with their running numbers filled in (`konteks["nomor"]`). `simpan`:
    record newly given numbers (only under the archive lock); without it the numbers are
    what the locked pass will give, so unchanged documents are recognised as unchanged."""
    tercatat: dict[tuple[str, int], dict[str, int]] = {}
    hasil = []
    for n in daftar:
        if not n.seri_nomor or "pola_nomor" not in n.konteks:
            hasil.append(n)
            continue
        tahun = n.konteks["tanggal_surat"].year
        seri = tercatat.setdefault((n.seri_nomor, tahun), reg.nomor_tercatat(n.seri_nomor, tahun))
        nomor = seri.get(n.kunci)
        if nomor is None:
            nomor = max(seri.values(), default=0) + 1
            seri[n.kunci] = nomor
            if simpan:
                reg.catat_nomor(n.seri_nomor, tahun, n.kunci, nomor)
        konteks = {**n.konteks, "nomor": n.konteks["pola_nomor"].replace("{nomor}", str(nomor))}
        hasil.append(dataclasses.replace(n, konteks=konteks))
    return hasil
