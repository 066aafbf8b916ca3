"""The plan's fixed vocabulary: area codes and document kinds, each written once. Kept free
of heavy imports so the CLI can check arguments without loading the data models."""

from __future__ import annotations

from typing import Literal, get_args

KodeArea = Literal["I", "II", "III", "IV", "V", "VI"]
Jenis = Literal["sk_tim", "undangan_rapat", "daftar_hadir", "notulensi", "laporan_monev", "surat_pernyataan_bk"]
KODE_AREA: tuple[str, ...] = get_args(KodeArea)
JENIS: tuple[str, ...] = get_args(Jenis)
RAPAT = ("undangan_rapat", "daftar_hadir", "notulensi")  # the kinds a meeting produces together
