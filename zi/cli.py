"""The `zi` command. Contract: DESIGN.md §9 (names, exit codes, JSON shapes).

Exit status: 0 done, 1 checks found problems, 2 bad input (a message naming the file and
the row or key; never a traceback). Heavy modules (Prefect, docx rendering) are imported
inside the commands that need them so `zi jadwal` stays fast.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from typing import Any, NoReturn

from zi.galat import ZiError
from zi.masukan import baca_area, baca_bulan, baca_jenis, cek_bulan_rencana
from zi.kode import JENIS

KELUAR_OK, KELUAR_MASALAH, KELUAR_INPUT = 0, 1, 2


class _Format(argparse.HelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None):  # type: ignore[no-untyped-def]
        return super().add_usage(usage, actions, groups, "pakai: " if prefix is None else prefix)


class _Parser(argparse.ArgumentParser):
    """argparse speaking Indonesian: usage, section titles, -h and error exit status 2."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", _Format)
        kwargs["add_help"] = False
        super().__init__(*args, **kwargs)
        self._optionals.title = "pilihan"
        self._positionals.title = "perintah"
        self.add_argument("-h", "--help", action="help", help="tampilkan bantuan ini lalu keluar")

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(KELUAR_INPUT, f"{self.prog}: argumen salah: {message}\n")


# --------------------------------------------------------------------------- argument checks

def _berkas_rencana(a: argparse.Namespace) -> Any:
    """--rencana, else the plan inside a unit folder given with --data (one folder per
    office: instansi, pegawai, tim and its rencana_aksi_*.yaml), else the bundled plan."""
    if getattr(a, "rencana", None):
        return a.rencana
    if getattr(a, "data", None):
        from zi.rencana import cari_rencana

        return cari_rencana(a.data)
    return None


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

    bulan = baca_bulan(a.bulan) if a.bulan else None
    rencana = muat_rencana(_berkas_rencana(a))
    daftar = susun_jadwal(rencana, baca_area(a.area))
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


def _kemajuan(total_minimal: int = 20):
    """A progress bar on stderr for long runs in a terminal (silent in pipes and CI)."""
    if not sys.stderr.isatty():
        return None

    def tampil(i: int, n: int) -> None:
        if n < total_minimal:
            return
        isi = int(30 * i / n)
        sys.stderr.write(f"\r[{'#' * isi}{'.' * (30 - isi)}] {i}/{n} naskah")
        if i == n:
            sys.stderr.write("\n")
        sys.stderr.flush()

    return tampil


def _periode(a: argparse.Namespace) -> tuple[str | None, int | None, str]:
    """--bulan or --tahun (exclusive); neither means the current month in WIB."""
    if a.bulan and a.tahun:
        raise ZiError("pilih salah satu: --bulan atau --tahun", lokasi="argumen")
    if a.tahun:
        if not 2000 <= a.tahun <= 2100:
            raise ZiError(f"tahun {a.tahun} tidak masuk akal", lokasi="argumen --tahun")
        return None, a.tahun, f"tahun {a.tahun}"
    if a.bulan:
        bulan = baca_bulan(a.bulan)
    else:
        import datetime as dt

        from zi.bahasa import ZONA_WAKTU
        bulan = dt.datetime.now(ZONA_WAKTU).strftime("%Y-%m")
    from zi.bahasa import bulan_tahun
    return bulan, None, bulan_tahun(int(bulan[:4]), int(bulan[5:]))


def _ringkasan(hasil: list[Any], label: str, akar: Any, detik: float) -> None:
    """The end-of-run table: per month and kind, how many documents ended in which state."""
    from collections import Counter

    from zi.buat import STATUS

    hitung = Counter((h.naskah.kejadian.kode_bulan, h.naskah.jenis, h.status) for h in hasil)
    kunci = sorted({(b, j) for b, j, _ in hitung})
    kolom = [s for s in STATUS if any(h.status == s for h in hasil)] or ["baru"]
    print(_tabel(["Bulan", "Jenis naskah", *[k.capitalize() for k in kolom]],
                 [[b, j, *[str(hitung[(b, j, s)]) for s in kolom]] for b, j in kunci]))
    total = Counter(h.status for h in hasil)
    rincian = ", ".join(f"{total[s]} {s}" for s in STATUS if total[s])
    print(f"\n{len(hasil)} naskah untuk {label} di {akar}/: {rincian} ({detik:.1f} detik).")
    for h in hasil:
        if h.status == "konflik":
            print(f"  KONFLIK: berkas di arsip sudah disunting orang; draf baru ditulis di sebelahnya: {h.jalur}")
        elif h.status == "disunting":
            print(f"  Disunting (dibiarkan): {h.jalur}")


def cmd_buat(a: argparse.Namespace) -> int:
    import time
    from pathlib import Path

    from zi.buat import rencanakan, susun_jadwal, tulis
    from zi.rencana import muat_kantor, muat_rencana

    mulai = time.perf_counter()
    area, jenis = baca_area(a.area), baca_jenis(a.jenis)
    rencana = muat_rencana(_berkas_rencana(a))
    bulan, tahun, label = _periode(a)
    if bulan:
        cek_bulan_rencana(bulan, rencana, susun_jadwal(rencana))
    kantor = muat_kantor(a.data)
    daftar = rencanakan(rencana, kantor, bulan=bulan, tahun=tahun, area=area,
                        jenis=jenis)
    if not daftar:
        print(f"Tidak ada naskah yang jatuh tempo pada {label}"
              f"{' untuk area ' + area if area else ''}. Coba --tahun {rencana.tahun}.")
        return KELUAR_OK
    folder_templat = Path(a.templat) if a.templat else None
    akar = Path(a.keluaran)
    hasil = tulis(daftar, akar, kertas=kantor.instansi.kertas, folder_templat=folder_templat,
                  kemajuan=_kemajuan())
    if a.pdf:
        from zi.render import ke_pdf
        ke_pdf([akar / h.jalur for h in hasil if h.status != "tidak berubah"])
    _ringkasan(hasil, label, akar, time.perf_counter() - mulai)
    return KELUAR_OK


def cmd_arsip(a: argparse.Namespace) -> int:
    from pathlib import Path

    from zi.arsip.bundel import bundel_bulan
    from zi.arsip.berkas import sha256_berkas
    from zi.arsip.registri import Registri

    akar = Path(a.keluaran)
    bulan = baca_bulan(a.bulan) if a.bulan else None
    if a.bundel:
        bulan_bundel = baca_bulan(a.bundel)
        with Registri.buka(akar, tulis=False) as reg:
            catatan = reg.semua(bulan_bundel)
        print(f"Bundel ditulis: {bundel_bulan(akar, bulan_bundel, catatan)}")
        return KELUAR_OK
    with Registri.buka(akar, tulis=False) as reg:
        catatan = reg.semua(bulan)
    if a.json:
        _cetak_json([{"path": c.path, "jenis": c.jenis, "id": c.baris_id, "bulan": c.bulan,
                      "sha256": c.content_hash} for c in catatan])
        return KELUAR_OK

    def keadaan(c: Any) -> str:
        jalur = akar / c.path
        if not jalur.exists():
            return "hilang"
        return "asli" if sha256_berkas(jalur) == c.content_hash else "disunting"

    print(_tabel(["Bulan", "Baris", "Jenis", "Keadaan", "Berkas"],
                 [[c.bulan, c.baris_id, c.jenis, keadaan(c), c.path] for c in catatan]))
    print(f"\n{len(catatan)} naskah tercatat di {akar}/{' untuk ' + bulan if bulan else ''}.")
    return KELUAR_OK


def cmd_serve(a: argparse.Namespace) -> int:
    import os
    from pathlib import Path

    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    os.environ.setdefault("PREFECT_SERVER_API_HOST", "127.0.0.1")  # loopback unless told otherwise
    from flows.layan import layani

    print("Menjalankan jadwal zi (harian, monev-triwulan, regenerasi). Hentikan dengan Ctrl+C.", flush=True)
    layani(str(Path(a.keluaran).resolve()))
    return KELUAR_OK


def _daftar_masalah(masalah: list[str], judul: str) -> int:
    """Print problems found in the tracker; exit status 1 when there are any."""
    if not masalah:
        return KELUAR_OK
    print(f"\n{judul}:")
    for m in masalah:
        print(f"  - {m}")
    print(f"{len(masalah)} masalah ditemukan.")
    return KELUAR_MASALAH


def cmd_realisasi(a: argparse.Namespace) -> int:
    import datetime as dt
    from pathlib import Path

    from zi.bahasa import ZONA_WAKTU
    from zi.realisasi import TANDA_HILANG, baca_realisasi, perbarui
    from zi.rencana import muat_kantor, muat_rencana

    rencana, kantor = muat_rencana(_berkas_rencana(a)), muat_kantor(a.data)
    h = perbarui(Path(a.keluaran), a.periode, rencana_obj=rencana, instansi=kantor.instansi.nama)
    print(f"Berkas realisasi {'dibuat' if h.dibuat else 'diperbarui'} sampai dengan {h.label}: {h.jalur}")
    print(f"  {h.baru} baris baru, {h.tetap} baris lama (isian Tim dipertahankan), {h.ditandai} ditandai "
          f"{TANDA_HILANG}; bukti di arsip: {h.bukti_zi} draf zi, {h.bukti_staf} berkas staf.")
    masalah = baca_realisasi(h.jalur, dt.datetime.now(ZONA_WAKTU).date()).masalah
    return _daftar_masalah(masalah, "Masalah pada isian realisasi")


def cmd_monev(a: argparse.Namespace) -> int:
    import datetime as dt
    import re
    from pathlib import Path

    from zi.monev import buat_laporan, tgl

    if a.tanggal and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", a.tanggal):
        raise ZiError(f"tanggal \"{a.tanggal}\" harus berbentuk TAHUN-BULAN-HARI, mis. 2026-04-10",
                      lokasi="argumen --tanggal")
    try:
        tanggal = dt.date.fromisoformat(a.tanggal) if a.tanggal else None
    except ValueError:
        raise ZiError(f"tanggal \"{a.tanggal}\" tidak ada", lokasi="argumen --tanggal") from None
    akar = Path(a.keluaran)
    h = buat_laporan(akar, a.periode, rencana=_berkas_rencana(a), data=a.data, hari_ini=tanggal,
                     folder_templat=Path(a.templat) if a.templat else None)
    rk = h.rekap
    print(f"Laporan monev {rk.label} ({h.status}): {akar / h.jalur}")
    if h.status == "konflik":
        print("  KONFLIK: laporan periode ini sudah disunting orang dan dibiarkan; draf baru ditulis di sebelahnya.")
    print(_tabel(["Area", "Target", "Selesai", "Terlambat", "Capaian"],
                 [[x.kode or "Jumlah", str(x.target), str(x.selesai), str(x.terlambat), x.persen]
                  for x in (*rk.area, rk.total)]))
    print(f"Keadaan sampai dengan {tgl(rk.batas)}: {len(rk.terlambat)} kegiatan terlambat atau belum terlaksana "
          f"(termasuk {len(rk.tunggakan)} dari periode sebelumnya), {rk.belum_jatuh_tempo} belum jatuh tempo.")
    if not rk.bacaan.ada:
        print(f"Berkas realisasi belum ada ({rk.bacaan.jalur}): semua kegiatan yang jatuh tempo dihitung belum. "
              f"Buat dengan: zi realisasi --periode {rk.kode}")
    if not h.grafik:
        print("PERINGATAN: templat tidak memuat paragraf {{ grafik }}; grafik tidak disisipkan.")
    return _daftar_masalah(rk.masalah, "Masalah pada data realisasi (juga di lampiran laporan)")


def cmd_periksa(a: argparse.Namespace) -> int:
    from zi.periksa import periksa

    temuan = periksa(_berkas_rencana(a), a.data, a.templat)
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

    b = sub.add_parser("buat", help="buat draf naskah sebulan atau setahun ke arsip")
    b.add_argument("--bulan", metavar="YYYY-MM", help="bulan kejadian (bawaan: bulan ini)")
    b.add_argument("--tahun", type=int, metavar="YYYY", help="seluruh tahun")
    b.add_argument("--area", metavar="I..VI", help="hanya area ini")
    b.add_argument("--jenis", metavar="JENIS[,JENIS]", help=f"hanya jenis ini: {', '.join(JENIS)}")
    b.add_argument("--rencana", metavar="BERKAS", help="berkas rencana aksi YAML")
    b.add_argument("--data", metavar="FOLDER", help="folder satu kantor: instansi.yaml, pegawai.yaml, tim.yaml (dan rencana_aksi_*.yaml bila ada)")
    b.add_argument("--templat", metavar="FOLDER", help="folder templat .docx (bawaan: templates_docx/)")
    b.add_argument("--keluaran", metavar="DIR", default="outputs", help="akar arsip (bawaan: outputs/)")
    b.add_argument("--pdf", action="store_true", help="juga buat PDF (perlu LibreOffice)")
    b.set_defaults(fungsi=cmd_buat)

    r = sub.add_parser("arsip", help="isi arsip (per bulan), atau bundel satu bulan")
    r.add_argument("--bulan", metavar="YYYY-MM", help="hanya bulan ini")
    r.add_argument("--keluaran", metavar="DIR", default="outputs", help="akar arsip (bawaan: outputs/)")
    r.add_argument("--bundel", metavar="YYYY-MM", help="tulis zip bulan itu beserta indeks.html")
    r.add_argument("--json", action="store_true", help="keluaran JSON (satu dokumen di stdout)")
    r.set_defaults(fungsi=cmd_arsip)

    v = sub.add_parser("serve", help="jalankan jadwal Prefect (harian, monev triwulan, regenerasi)")
    v.add_argument("--keluaran", metavar="DIR", default="outputs", help="akar arsip (bawaan: outputs/)")
    v.set_defaults(fungsi=cmd_serve)

    k = sub.add_parser("periksa", help="periksa rencana, data kantor dan templat")
    k.add_argument("--rencana", metavar="BERKAS", help="berkas rencana aksi YAML")
    k.add_argument("--data", metavar="FOLDER", help="folder instansi.yaml, pegawai.yaml, tim.yaml (bawaan: data/)")
    k.add_argument("--templat", metavar="FOLDER", help="folder templat .docx (bawaan: templates_docx/)")
    k.set_defaults(fungsi=cmd_periksa)

    periode = "2026-TW1|2026-S1|2026"
    e = sub.add_parser("realisasi", help="buat atau perbarui berkas Excel realisasi (isian Tim dipertahankan)")
    e.add_argument("--periode", metavar=periode, help="baris kejadian sampai akhir periode ini (bawaan: tahun rencana)")
    e.add_argument("--keluaran", metavar="DIR", default="outputs", help="akar arsip (bawaan: outputs/)")
    e.add_argument("--rencana", metavar="BERKAS", help="berkas rencana aksi YAML")
    e.add_argument("--data", metavar="FOLDER", help="folder satu kantor: instansi.yaml, pegawai.yaml, tim.yaml (dan rencana_aksi_*.yaml bila ada)")
    e.set_defaults(fungsi=cmd_realisasi)

    m = sub.add_parser("monev", help="laporan monev satu periode (triwulan, semester, tahun) dari berkas realisasi")
    m.add_argument("--periode", metavar=periode, required=True, help="triwulan, semester atau tahun laporan")
    m.add_argument("--keluaran", metavar="DIR", default="outputs", help="akar arsip (bawaan: outputs/)")
    m.add_argument("--tanggal", metavar="YYYY-MM-DD", help="tanggal laporan (bawaan: hari ini, WIB)")
    m.add_argument("--rencana", metavar="BERKAS", help="berkas rencana aksi YAML")
    m.add_argument("--data", metavar="FOLDER", help="folder satu kantor: instansi.yaml, pegawai.yaml, tim.yaml (dan rencana_aksi_*.yaml bila ada)")
    m.add_argument("--templat", metavar="FOLDER", help="folder templat .docx (bawaan: templates_docx/)")
    m.set_defaults(fungsi=cmd_monev)
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
