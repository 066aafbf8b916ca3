"""The `zi` command. Contract: DESIGN.md §9 (names, exit codes, JSON shapes).

Exit status: 0 done, 1 checks found problems, 2 bad input (a message naming the file and
the row or key; never a traceback). Heavy modules (Prefect, docx rendering) are imported
inside the commands that need them so `zi jadwal` stays fast.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Sequence
from typing import Any, NoReturn

from zi.galat import ZiError
from zi.masukan import baca_bulan
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
    return {"bulan": k.kode_bulan, "minggu": k.minggu, "tanggal": k.tanggal().isoformat(),
            "mulai": k.mulai.isoformat(), "selesai": k.selesai.isoformat(), "tenggat": k.tenggat.isoformat(),
            "jenis": list(jenis)}


def _jadwal_teks(a: argparse.Namespace) -> int:
    """`zi jadwal --teks`: how one phrase is read (and, with --jelaskan, each token)."""
    from zi.galat import JadwalError
    from zi.jadwal import baca

    try:
        jadwal = baca(a.teks, a.tahun)
    except JadwalError as e:
        if a.jelaskan and not a.json and getattr(e, "token", None):
            print("Cara tiap kata dibaca sampai galat:")
            for t in e.token:
                print(f"  \"{t.teks}\" → {t.arti or '(belum terbaca)'}")
        raise
    if a.json:
        isi = {"teks": jadwal.teks, "bentuk": jadwal.bentuk.value, "peringatan": list(jadwal.peringatan),
               "kejadian": [_kejadian_json(k, []) for k in jadwal.kejadian]}
        if a.jelaskan:
            isi.update(bacaan=jadwal.bacaan, penjelasan=list(jadwal.penjelasan))
        _cetak_json(isi)
        return KELUAR_OK
    from zi.bahasa import hari_tanggal, tanggal

    print(f"Teks      : {jadwal.teks}")
    print(f"Bentuk    : {jadwal.bentuk.value}")
    print(f"Bacaan    : {jadwal.bacaan}")
    for k in jadwal.kejadian:
        jendela = tanggal(k.mulai) if k.mulai == k.selesai else f"{tanggal(k.mulai)} s.d. {tanggal(k.selesai)}"
        print(f"Kejadian  : {jendela} · acara {hari_tanggal(k.tanggal())} · tenggat {hari_tanggal(k.tenggat)}")
    for p in jadwal.peringatan:
        print(f"Peringatan: {p}")
    if a.jelaskan:
        print("Cara tiap kata dibaca:")
        for baris in jadwal.penjelasan:
            print(f"  {baris}")
    return KELUAR_OK


def cmd_jadwal(a: argparse.Namespace) -> int:
    if a.teks is not None:
        return _jadwal_teks(a)
    from zi import layanan

    rencana, pilihan = layanan.jadwal(a.rencana, getattr(a, "data", None), a.bulan, a.area)
    if a.json:
        _cetak_json([
            {
                "id": j.baris.id, "area": j.baris.area, "komponen": j.baris.komponen,
                "indikator": j.baris.indikator, "target_waktu": j.baris.target_waktu,
                "bentuk": j.jadwal.bentuk.value, "peringatan": list(j.jadwal.peringatan),
                "kejadian": [_kejadian_json(k, j.jenis) for k in kejadian],
            }
            for j, kejadian in pilihan
        ])
        return KELUAR_OK

    from zi.bahasa import tanggal

    baris = sorted(((k, j) for j, kejadian in pilihan for k in kejadian),
                   key=lambda x: (x[0].tanggal(), x[1].baris.id))
    print(_tabel(
        ["Tanggal", "Tenggat", "Baris", "Area", "Yang jatuh tempo", "Naskah"],
        [[tanggal(k.tanggal()), tanggal(k.tenggat), j.baris.id, j.baris.area, _potong(j.baris.langkah_aksi, 44),
          ", ".join(j.jenis) or "-"] for k, j in baris],
    ))
    print(f"\n{len(baris)} kejadian dari {len(pilihan)} baris rencana ({rencana.rencana.instansi}, {rencana.tahun}).")
    peringatan = [(j.baris.id, p) for j, _ in pilihan for p in j.jadwal.peringatan]
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


def _detik(teks: str) -> float:
    """A positive number of seconds (argparse type)."""
    try:
        nilai = float(teks)
    except ValueError:
        nilai = 0.0
    if not 0 < nilai < 86400:
        raise argparse.ArgumentTypeError(f"\"{teks}\" bukan jumlah detik yang masuk akal")
    return nilai


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

    from zi import layanan

    mulai = time.perf_counter()
    if a.semua_kantor:
        return _buat_semua_kantor(a)
    sumber = layanan.muat_sumber(a.rencana, a.data)
    akar = Path(a.keluaran)
    h = layanan.buat_draf(sumber, akar, bulan=a.bulan, tahun=a.tahun, area=a.area, jenis=a.jenis,
                          folder_templat=Path(a.templat) if a.templat else None, kemajuan=_kemajuan(),
                          srikandi=a.srikandi)
    label = h.periode.label if h.periode and h.periode.satuan == "bulan" else f"tahun {a.tahun}"
    if not h.keluaran:
        print(f"Tidak ada naskah yang jatuh tempo pada {label}"
              f"{' untuk area ' + a.area.strip().upper() if a.area else ''}. Coba --tahun {sumber.rencana.tahun}.")
        return KELUAR_OK
    _ringkasan(h.keluaran, label, akar, time.perf_counter() - mulai)
    for lembar in h.lembar_srikandi:
        print(f"Lembar SRIKANDI: {lembar}")
    if a.pdf:  # after the .docx are written and listed: LibreOffice missing loses none of them
        mulai = time.perf_counter()
        return _cetak_pdf(layanan.buat_pdf(akar, layanan.pdf_keluaran(akar, h.keluaran), a.batas_pdf), mulai)
    return KELUAR_OK


def _buat_semua_kantor(a: argparse.Namespace) -> int:
    """`zi buat --semua-kantor FOLDER`: every office folder into `--keluaran`/<kode>/."""
    import time
    from pathlib import Path

    from collections import Counter

    from zi import layanan

    lain = [n for n, v in (("--rencana", a.rencana), ("--data", a.data), ("--templat", a.templat), ("--pdf", a.pdf)) if v]
    if lain:
        raise ZiError(f"--semua-kantor tidak bisa digabung dengan {', '.join(lain)}", lokasi="argumen")
    mulai = time.perf_counter()
    akar = Path(a.keluaran)
    hasil = layanan.buat_semua_kantor(a.semua_kantor, akar, bulan=a.bulan, tahun=a.tahun, area=a.area, jenis=a.jenis)
    for k, h in hasil:
        label = h.periode.label if h.periode else ""
        print(f"{k.kode}: {len(h.keluaran)} naskah ({label}) di {akar / k.kode}/: "
              + (", ".join(f"{n} {s}" for s, n in sorted(Counter(x.status for x in h.keluaran).items())) or "tidak ada"))
    print(f"\n{len(hasil)} kantor, {sum(len(h.keluaran) for _, h in hasil)} naskah ({time.perf_counter() - mulai:.1f} detik).")
    return KELUAR_OK


def _cetak_pdf(h: Any, mulai: float) -> int:
    """What the PDF step did (zi.pdf.HasilPdf): exit 1 when some file failed."""
    import time

    print(f"PDF: {len(h.dibuat)} dibuat, {len(h.terkini)} tidak berubah"
          f"{f', {len(h.gagal)} gagal' if h.gagal else ''}"
          f"{f' ({h.pengonversi} pengonversi LibreOffice)' if h.pengonversi else ''}"
          f" ({time.perf_counter() - mulai:.1f} detik).")
    for pesan in h.pesan:
        print(f"  {pesan[0].upper()}{pesan[1:]}.")
    for p in h.dibiarkan:
        print(f"  PDF diganti orang (dibiarkan): {p}")
    for docx, alasan in sorted(h.gagal.items()):
        print(f"  GAGAL PDF: {docx}: {alasan}")
    return KELUAR_MASALAH if h.gagal else KELUAR_OK


def _cetak_bundel(h: Any, judul: str, mulai: float) -> int:
    """A bundle's PDF step, the bundle, then (LibreOffice missing) the error: exit 2."""
    kode = _cetak_pdf(h.pdf, mulai) if h.pdf is not None else KELUAR_OK
    print(f"{judul}: {h.jalur}" + (f" ({h.berkas} berkas)." if h.berkas else ""))
    if h.tanpa_bukti:
        print(f"  {len(h.tanpa_bukti)} baris rencana belum punya bukti di arsip: {', '.join(h.tanpa_bukti)}")
    if h.galat is not None:
        raise h.galat
    return kode


def cmd_arsip(a: argparse.Namespace) -> int:
    import time
    from pathlib import Path

    from zi import layanan

    akar, mulai = Path(a.keluaran), time.perf_counter()
    if a.bundel_lke:
        sumber = layanan.muat_sumber(a.rencana, a.data)
        return _cetak_bundel(layanan.bundel_lke(sumber, akar, a.bundel_lke), "Bundel bukti LKE ditulis", mulai)
    if a.bundel:
        return _cetak_bundel(layanan.bundel(akar, a.bundel), "Bundel ditulis", mulai)
    if a.json:
        _cetak_json([{"path": c.path, "jenis": c.jenis, "id": c.baris_id, "baris": list(c.baris), "bulan": c.bulan,
                      "sha256": c.content_hash} for c in layanan.catatan_arsip(akar, a.bulan)])
        return KELUAR_OK
    bulan = baca_bulan(a.bulan) if a.bulan else None
    isi = layanan.isi_arsip(akar, bulan)
    print(_tabel(["Bulan", "Baris", "Jenis", "Keadaan", "Berkas"],
                 [[c.bulan, ", ".join(c.baris) or "-", c.jenis, k, c.path] for c, k in isi]))
    print(f"\n{len(isi)} naskah tercatat di {akar}/{' untuk ' + bulan if bulan else ''}.")
    return KELUAR_OK


def cmd_serve(a: argparse.Namespace) -> int:
    """Prefect lives in flows/: imported here only, so the other commands never load it."""
    import os
    from pathlib import Path

    if not 1 <= a.port <= 65535:
        raise ZiError(f"port {a.port} tidak ada (1–65535)", lokasi="argumen --port")
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    os.environ.setdefault("PREFECT_SERVER_API_HOST", "127.0.0.1")  # loopback unless told otherwise
    from flows.layan import layani

    layani(Path(a.keluaran).resolve(), port=a.port)
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
    from pathlib import Path

    from zi import layanan
    from zi.realisasi import TANDA_HILANG

    h, masalah = layanan.realisasi(layanan.muat_sumber(a.rencana, a.data), Path(a.keluaran), a.periode)
    print(f"Berkas realisasi {'dibuat' if h.dibuat else 'diperbarui'} sampai dengan {h.label}: {h.jalur}")
    print(f"  {h.baru} baris baru, {h.tetap} baris lama (isian Tim dipertahankan), {h.ditandai} ditandai "
          f"{TANDA_HILANG}; bukti di arsip: {h.bukti_zi} draf zi, {h.bukti_staf} berkas staf.")
    return _daftar_masalah(masalah, "Masalah pada isian realisasi")


def cmd_monev(a: argparse.Namespace) -> int:
    from pathlib import Path

    from zi import layanan
    from zi.monev import tgl

    akar = Path(a.keluaran)
    m = layanan.monev_periode(layanan.muat_sumber(a.rencana, a.data), akar, a.periode, tanggal=a.tanggal,
                              folder_templat=Path(a.templat) if a.templat else None)
    if m.draf:
        hitung = ", ".join(f"{n} {s}" for s, n in sorted(Counter(x.status for x in m.draf).items()))
        print(f"Laporan monev per baris {m.periode.label}: {len(m.draf)} naskah ({hitung}).")
    print(f"Berkas realisasi {'dibuat' if m.realisasi.dibuat else 'diperbarui'} sampai dengan "
          f"{m.realisasi.label}: {m.realisasi.jalur}")
    h = m.laporan
    rk = h.rekap
    print(f"Laporan monev {rk.label} ({h.status}): {akar / h.jalur}")
    if h.status == "konflik":
        print("  KONFLIK: laporan periode ini sudah disunting orang dan dibiarkan; draf baru ditulis di sebelahnya.")
    print(_tabel(["Area", "Target", "Selesai", "Terlambat", "Capaian"],
                 [[x.kode or "Jumlah", str(x.target), str(x.selesai), str(x.terlambat), x.persen]
                  for x in (*rk.area, rk.total)]))
    print(f"Keadaan sampai dengan {tgl(rk.batas)}: {len(rk.terlambat)} kegiatan periode ini terlambat, "
          f"{rk.belum_jatuh_tempo} belum jatuh tempo; tunggakan bulan sebelumnya: {len(rk.tunggakan)}.")
    if rk.keadaan_realisasi == "tidak_ada":
        print(f"PERINGATAN: berkas realisasi belum ada ({rk.bacaan.jalur}): semua kegiatan yang jatuh tempo "
              f"dihitung belum. Buat dengan: zi realisasi --periode {rk.kode}")
    elif rk.keadaan_realisasi == "kosong":
        print(f"PERINGATAN: {rk.bacaan.jalur} belum diisi Tim (tidak ada status proses/selesai); "
              "laporan memuat kotak peringatan.")
    for b in rk.data_rencana:
        print(f"PERINGATAN: data rencana, baris {b.id}: target waktu \"{b.target_waktu}\" jatuh tempo {tgl(b.tenggat)}, "
              f"di luar tahun rencana {rk.tahun}; tidak dihitung (perbaiki target waktunya).")
    if not h.grafik:
        print("PERINGATAN: templat tidak memuat paragraf {{ grafik }}; grafik tidak disisipkan.")
    return _daftar_masalah(rk.masalah, "Masalah pada data realisasi (juga di lampiran laporan)")


def cmd_lke(a: argparse.Namespace) -> int:
    """The evaluation's view per pengungkit area (same figures as the period report's LKE table)."""
    from pathlib import Path

    from zi import layanan
    from zi.lke import angka, ke_json, persen_teks

    rk = layanan.lke(layanan.muat_sumber(a.rencana, a.data), Path(a.keluaran), a.periode)
    if a.json:
        _cetak_json(ke_json(rk.lke_baris))
        for m in rk.masalah:
            print(f"zi: {m}", file=sys.stderr)
        return KELUAR_MASALAH if rk.masalah else KELUAR_OK
    print(f"LKE Zona Integritas, {rk.label} (keadaan sampai dengan {rk.batas:%d-%m-%Y}):")
    print(_tabel(["Area", "Area pengungkit", "Bobot", "Jatuh tempo", "Selesai", "Dengan bukti", "Capaian", "Nilai"],
                 [[b.area, b.nama, angka(b.bobot), str(b.jatuh_tempo), str(b.selesai), str(b.dengan_bukti),
                   persen_teks(b.persen), "-" if b.nilai is None else angka(b.nilai)] for b in rk.lke_baris]))
    print(f"Jumlah nilai: {angka(round(sum(b.nilai or 0 for b in rk.lke_baris), 2))} dari {angka(rk.lke.jumlah_bobot)}. "
          f"Bobot: {rk.lke.berkas}.")
    for b in rk.lke_baris:
        if b.tanpa_bukti:
            print(f"  Area {b.area}, selesai tanpa bukti di arsip: "
                  + ", ".join(f"{k.butir.id} ({k.butir.bulan})" for k in b.tanpa_bukti))
    return _daftar_masalah(rk.masalah, "Masalah pada data realisasi")


def cmd_periksa(a: argparse.Namespace) -> int:
    from zi.layanan import periksa

    temuan = periksa(a.rencana, a.data, a.templat)
    for t in temuan.masalah:
        print(f"MASALAH    {t}")
    for t in temuan.peringatan:
        print(f"PERINGATAN {t}")
    for t in temuan.info:
        print(f"OK         {t}")
    if temuan.masalah:
        print(f"\n{len(temuan.masalah)} masalah ditemukan.")
        if temuan.tak_terbaca:  # unreadable target times are bad input, as in `zi jadwal`
            print(f"zi: {temuan.tak_terbaca} baris rencana tidak terbaca (lihat MASALAH di atas)", file=sys.stderr)
            return KELUAR_INPUT
        return KELUAR_MASALAH
    print("\nTidak ada masalah.")
    return KELUAR_OK


# --------------------------------------------------------------------------- parser

def buat_parser() -> argparse.ArgumentParser:
    p = _Parser(prog="zi", description="Naskah dinas Rencana Aksi Zona Integritas: jadwal, draf surat dan arsip.")
    sub = p.add_subparsers(dest="perintah", metavar="PERINTAH", parser_class=_Parser)
    sub.required = True

    _perintah_naskah(sub)
    _perintah_lain(sub)
    return p


def _perintah_naskah(sub: Any) -> None:
    """jadwal, buat, arsip: the plan's schedule, the drafts and the archive."""
    j = sub.add_parser("jadwal", help="jadwal rencana aksi (atau cara satu frasa dibaca)")
    j.add_argument("--rencana", metavar="BERKAS", help="berkas rencana aksi YAML (bawaan: data/rencana_aksi_2026.yaml)")
    j.add_argument("--data", metavar="FOLDER", help="folder satu kantor: rencananya rencana_aksi_*.yaml di folder itu")
    j.add_argument("--bulan", metavar="YYYY-MM", help="hanya kejadian pada bulan ini")
    j.add_argument("--area", metavar="I..VI", help="hanya baris area ini")
    j.add_argument("--teks", metavar="FRASA", help="tampilkan cara satu frasa target waktu dibaca")
    j.add_argument("--tahun", type=int, default=2026, help="tahun rencana untuk --teks (bawaan 2026)")
    j.add_argument("--jelaskan", action="store_true", help="dengan --teks: tampilkan cara tiap kata dibaca")
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
    b.add_argument("--semua-kantor", metavar="FOLDER",
                   help="folder berisi satu folder per kantor (kantor/<kode>/); arsip tiap kantor di KELUARAN/<kode>/")
    b.add_argument("--keluaran", metavar="DIR", default="outputs", help="akar arsip (bawaan: outputs/)")
    b.add_argument("--pdf", action="store_true", help="juga buat PDF di samping tiap .docx (perlu LibreOffice)")
    b.add_argument("--srikandi", action="store_true",
                   help="draf untuk SRIKANDI: nomor, tanggal dan tanda tangan berupa placeholder ${...}, "
                        "ditambah lembar srikandi-<YYYY-MM>.xlsx per bulan")
    b.add_argument("--batas-pdf", type=_detik, default=60.0, metavar="DETIK",
                   help="batas waktu LibreOffice per berkas untuk --pdf (bawaan 60)")
    b.set_defaults(fungsi=cmd_buat)

    r = sub.add_parser("arsip", help="isi arsip (per bulan), atau bundel satu bulan")
    r.add_argument("--bulan", metavar="YYYY-MM", help="hanya bulan ini")
    r.add_argument("--keluaran", metavar="DIR", default="outputs", help="akar arsip (bawaan: outputs/)")
    r.add_argument("--bundel", metavar="YYYY-MM", help="tulis zip bulan itu beserta indeks.html")
    r.add_argument("--bundel-lke", metavar="YYYY", help="tulis zip bukti setahun menurut area LKE dan baris rencana")
    r.add_argument("--rencana", metavar="BERKAS", help="berkas rencana aksi YAML (untuk --bundel-lke)")
    r.add_argument("--data", metavar="FOLDER", help="folder satu kantor (untuk --bundel-lke)")
    r.add_argument("--json", action="store_true", help="keluaran JSON (satu dokumen di stdout)")
    r.set_defaults(fungsi=cmd_arsip)


def _perintah_lain(sub: Any) -> None:
    """serve, periksa, realisasi, monev, lke."""
    periode = "2026-TW1|2026-S1|2026"
    v = sub.add_parser("serve", help="jalankan jadwal Prefect (harian, monev triwulan, regenerasi)")
    v.add_argument("--keluaran", metavar="DIR", default="outputs", help="akar arsip (bawaan: outputs/)")
    v.add_argument("--port", type=int, default=4200,
                   help="port server Prefect sendiri bila PREFECT_API_URL tidak disetel (bawaan 4200)")
    v.set_defaults(fungsi=cmd_serve)

    k = sub.add_parser("periksa", help="periksa rencana, data kantor dan templat")
    k.add_argument("--rencana", metavar="BERKAS", help="berkas rencana aksi YAML")
    k.add_argument("--data", metavar="FOLDER", help="folder instansi.yaml, pegawai.yaml, tim.yaml (bawaan: data/)")
    k.add_argument("--templat", metavar="FOLDER", help="folder templat .docx (bawaan: templates_docx/)")
    k.set_defaults(fungsi=cmd_periksa)

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

    lk = sub.add_parser("lke", help="capaian per area pengungkit LKE Zona Integritas (bobot dari data/lke.yaml)")
    lk.add_argument("--periode", metavar=periode, required=True, help="triwulan, semester atau tahun")
    lk.add_argument("--keluaran", metavar="DIR", default="outputs", help="akar arsip (bawaan: outputs/)")
    lk.add_argument("--rencana", metavar="BERKAS", help="berkas rencana aksi YAML")
    lk.add_argument("--data", metavar="FOLDER", help="folder satu kantor (instansi.yaml, pegawai.yaml, tim.yaml, rencana aksi; lke.yaml bila ada)")
    lk.add_argument("--json", action="store_true", help="keluaran JSON (satu dokumen di stdout)")
    lk.set_defaults(fungsi=cmd_lke)


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
