"""The `zi` command. Contract: DESIGN.md §9 (names, exit codes, JSON shapes).

Exit status: 0 done, 1 checks found problems, 2 bad input (a message naming the file and
the row or key; never a traceback). Heavy modules (Prefect, docx rendering) are imported
inside the commands that need them so `zi jadwal` stays fast.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Sequence
from typing import Any, NoReturn

from zi.galat import ZiError
from zi.rencana import JENIS, KODE_AREA

KELUAR_OK, KELUAR_MASALAH, KELUAR_INPUT = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(KELUAR_INPUT, f"{self.prog}: argumen salah: {message}\n")


# --------------------------------------------------------------------------- argument checks

def _bulan(teks: str) -> str:
    m = re.fullmatch(r"(\d{4})-(\d{2})", teks.strip())
    if not m or not 1 <= int(m.group(2)) <= 12:
        raise ZiError(f"bulan \"{teks}\" harus berbentuk TAHUN-BULAN, mis. 2026-03", lokasi="argumen --bulan")
    return f"{m.group(1)}-{m.group(2)}"


def _area(teks: str | None) -> str | None:
    if teks is None:
        return None
    kode = teks.strip().upper()
    if kode not in KODE_AREA:
        raise ZiError(f"area \"{teks}\" tidak dikenal; pilih salah satu: {', '.join(KODE_AREA)}", lokasi="argumen --area")
    return kode


def _jenis(teks: str | None) -> list[str] | None:
    if not teks:
        return None
    hasil = [j.strip() for j in teks.split(",") if j.strip()]
    salah = [j for j in hasil if j not in JENIS]
    if salah:
        raise ZiError(f"jenis naskah \"{salah[0]}\" tidak dikenal; pilih dari: {', '.join(JENIS)}", lokasi="argumen --jenis")
    return hasil


def _cetak_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def _potong(teks: str, lebar: int) -> str:
    teks = " ".join(teks.split())
    return teks if len(teks) <= lebar else teks[: lebar - 1] + "…"


def _tabel(kepala: Sequence[str], baris: list[Sequence[str]]) -> str:
    lebar = [max(len(str(x)) for x in kolom) for kolom in zip(kepala, *baris)]
    garis = "  ".join("-" * w for w in lebar)
    isi = ["  ".join(str(x).ljust(w) for x, w in zip(r, lebar)).rstrip() for r in [kepala, *baris]]
    return "\n".join([isi[0], garis, *isi[1:]])


# --------------------------------------------------------------------------- commands

def _kejadian_json(k: Any, jenis: Sequence[str]) -> dict[str, Any]:
    return {"bulan": k.kode_bulan, "minggu": k.minggu, "tanggal": k.tanggal().isoformat(), "jenis": list(jenis)}


def cmd_jadwal(a: argparse.Namespace) -> int:
    from zi.jadwal import baca

    if a.teks is not None:
        jadwal = baca(a.teks, a.tahun)
        if a.json:
            _cetak_json({
                "teks": jadwal.teks, "bentuk": jadwal.bentuk.value, "peringatan": list(jadwal.peringatan),
                "kejadian": [_kejadian_json(k, []) for k in jadwal.kejadian],
            })
        else:
            from zi.bahasa import hari_tanggal
            print(f"Teks     : {jadwal.teks}")
            print(f"Bentuk   : {jadwal.bentuk.value}")
            for k in jadwal.kejadian:
                minggu = f", minggu ke-{k.minggu}" if k.minggu else (", akhir bulan" if k.akhir else "")
                print(f"Kejadian : {k.kode_bulan}{minggu} → {hari_tanggal(k.tanggal())}")
            for p in jadwal.peringatan:
                print(f"Peringatan: {p}")
        return KELUAR_OK

    from zi.buat import susun_jadwal
    from zi.rencana import muat_rencana

    bulan = _bulan(a.bulan) if a.bulan else None
    rencana = muat_rencana(a.rencana)
    daftar = susun_jadwal(rencana, _area(a.area))
    if bulan:
        daftar = [j for j in daftar if j.kejadian_dalam(bulan)]
    if a.json:
        _cetak_json([
            {
                "id": j.baris.id, "area": j.baris.area, "komponen": j.baris.komponen,
                "indikator": j.baris.indikator, "target_waktu": j.baris.target_waktu,
                "bentuk": j.jadwal.bentuk.value, "peringatan": list(j.jadwal.peringatan),
                "kejadian": [_kejadian_json(k, j.jenis) for k in j.kejadian_dalam(bulan)],
            }
            for j in daftar
        ])
        return KELUAR_OK

    from zi.bahasa import tanggal

    baris = sorted(
        ((k.tanggal(), j) for j in daftar for k in j.kejadian_dalam(bulan)),
        key=lambda x: (x[0], x[1].baris.id),
    )
    print(_tabel(
        ["Bulan", "Tanggal", "Baris", "Area", "Yang jatuh tempo", "Naskah"],
        [[d.strftime("%Y-%m"), tanggal(d), j.baris.id, j.baris.area, _potong(j.baris.langkah_aksi, 48),
          ", ".join(j.jenis) or "-"] for d, j in baris],
    ))
    print(f"\n{len(baris)} kejadian dari {len(daftar)} baris rencana ({rencana.rencana.instansi}, {rencana.tahun}).")
    peringatan = [(j.baris.id, p) for j in daftar for p in j.jadwal.peringatan]
    if peringatan:
        print("Peringatan:")
        for id_, p in peringatan:
            print(f"  - baris {id_}: {p}")
    return KELUAR_OK


def cmd_periksa(a: argparse.Namespace) -> int:
    from zi.periksa import periksa

    temuan = periksa(a.rencana, a.data)
    for t in temuan.masalah:
        print(f"MASALAH    {t}")
    for t in temuan.peringatan:
        print(f"PERINGATAN {t}")
    for t in temuan.info:
        print(f"OK         {t}")
    if temuan.masalah:
        print(f"\n{len(temuan.masalah)} masalah ditemukan.")
        return KELUAR_MASALAH
    print("\nTidak ada masalah.")
    return KELUAR_OK


# --------------------------------------------------------------------------- parser

def buat_parser() -> argparse.ArgumentParser:
    p = _Parser(prog="zi", description="Naskah dinas Rencana Aksi Zona Integritas: jadwal, draf surat dan arsip.")
    sub = p.add_subparsers(dest="perintah", metavar="PERINTAH", parser_class=_Parser)
    sub.required = True

    j = sub.add_parser("jadwal", help="jadwal rencana aksi (atau cara satu frasa dibaca)")
    j.add_argument("--rencana", metavar="BERKAS", help="berkas rencana aksi YAML (bawaan: data/rencana_aksi_2026.yaml)")
    j.add_argument("--bulan", metavar="YYYY-MM", help="hanya kejadian pada bulan ini")
    j.add_argument("--area", metavar="I..VI", help="hanya baris area ini")
    j.add_argument("--teks", metavar="FRASA", help="tampilkan cara satu frasa target waktu dibaca")
    j.add_argument("--tahun", type=int, default=2026, help="tahun rencana untuk --teks (bawaan 2026)")
    j.add_argument("--json", action="store_true", help="keluaran JSON (satu dokumen di stdout)")
    j.set_defaults(fungsi=cmd_jadwal)

    k = sub.add_parser("periksa", help="periksa rencana, data kantor dan templat")
    k.add_argument("--rencana", metavar="BERKAS", help="berkas rencana aksi YAML")
    k.add_argument("--data", metavar="FOLDER", help="folder instansi.yaml, pegawai.yaml, tim.yaml (bawaan: data/)")
    k.set_defaults(fungsi=cmd_periksa)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    parser = buat_parser()
    a = parser.parse_args(argv)
    try:
        return a.fungsi(a)
    except ZiError as e:
        print(f"zi: {e}", file=sys.stderr)
        return KELUAR_INPUT
    except BrokenPipeError:  # `zi jadwal | head`: the reader left; not an error
        sys.stderr.close()
        return KELUAR_OK
    except KeyboardInterrupt:
        print("zi: dihentikan.", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
