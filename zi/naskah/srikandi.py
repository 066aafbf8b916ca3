"""SRIKANDI hand-off (`zi buat --srikandi`): drafts whose number, date and signature block
are SRIKANDI's template placeholders, and a sheet per month of what its naskah keluar form
asks. SRIKANDI (ANRI's e-office) numbers, dates and signs the letter itself; it finds each
placeholder only when the placeholder sits whole in one run of the document's XML, which
the templates guarantee (each tag is one run and the value is the placeholder alone or with
a fixed prefix such as "NIP. ")."""

from __future__ import annotations

import dataclasses
import io
from pathlib import Path
from typing import Any

from zi.naskah.umum import Naskah

NOMOR = "${nomor_naskah}"
TANGGAL = "${tanggal_naskah}"
TTD = "${ttd_pengirim}"
NAMA = "${nama_pengirim}"
NIP = "${nip_pengirim}"
JABATAN = "${jabatan_pengirim}"
PLACEHOLDER = (NOMOR, TANGGAL, TTD, NAMA, NIP, JABATAN)

JENIS_SRIKANDI = {"undangan_rapat": "Surat Undangan", "sk_tim": "Keputusan"}
"""The kinds sent through SRIKANDI, with SRIKANDI's jenis naskah."""

KOLOM = ("Jenis Naskah", "Sifat", "Tingkat Urgensi", "Klasifikasi", "Hal", "Isi Ringkas", "Tujuan", "Tembusan",
         "Penandatangan", "Berkas")


def terapkan(daftar: list[Naskah], kode: dict[str, str]) -> list[Naskah]:
    """The documents with SRIKANDI's placeholders for number, date and signer (letters and
    decrees only; the rest unchanged). `kode`: the office's kode klasifikasi per kind. The
    form's fields are computed first from the real values and kept in `konteks["srikandi"]`."""
    hasil = []
    for n in daftar:
        if n.jenis not in JENIS_SRIKANDI:
            hasil.append(n)
            continue
        k = dict(n.konteks)
        k["srikandi"] = _formulir(n, kode)
        k.update(nomor=NOMOR, tanggal_ttd=TANGGAL,
                 penandatangan={"nama": NAMA, "nip": NIP, "jabatan": JABATAN, "ttd": TTD})
        hasil.append(dataclasses.replace(n, konteks=k, seri_nomor=None))
    return hasil


def _formulir(n: Naskah, kode: dict[str, str]) -> dict[str, str]:
    k = n.konteks
    ttd = k["penandatangan"]
    if n.jenis == "undangan_rapat":
        r = k["rapat"]
        from zi.bahasa import hari_tanggal

        hal = k["hal"]
        isi = (f"Undangan rapat pada {hari_tanggal(r['tanggal'])} pukul {r['pukul']} di {r['tempat']}, acara: "
               + "; ".join(r["acara"]))
        tujuan = "; ".join(k["kepada"])
    else:
        hal = f"Keputusan {k['instansi']['nama']} tentang {k['tentang'].title()}"
        isi = f"Penetapan {k['tim']['nama']} beserta susunan keanggotaan dan tugasnya."
        tujuan = f"Anggota {k['tim']['nama']}"
    return {"Jenis Naskah": JENIS_SRIKANDI[n.jenis], "Sifat": k.get("sifat", "Biasa"), "Tingkat Urgensi": "Biasa",
            "Klasifikasi": kode.get(n.jenis, "").split("-")[0], "Hal": hal, "Isi Ringkas": isi, "Tujuan": tujuan,
            "Tembusan": "; ".join(k.get("tembusan", [])), "Penandatangan": f"{ttd['jabatan']} ({ttd['nama']})"}


def lembar(akar: Path, keluaran: list[Any]) -> list[Path]:
    """`<akar>/srikandi/srikandi-<YYYY-MM>.xlsx` per month of the written SRIKANDI drafts,
    one row each, the file linked relative to the sheet. Written atomically."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    from zi.arsip.berkas import tulis_atomik

    per_bulan: dict[str, list[Any]] = {}
    for o in keluaran:
        if "srikandi" in o.naskah.konteks:
            per_bulan.setdefault(o.naskah.tanggal.strftime("%Y-%m"), []).append(o)
    hasil = []
    for bulan, daftar in sorted(per_bulan.items()):
        wb = Workbook()
        ws = wb.active
        ws.title = "Naskah Keluar"
        ws.append(list(KOLOM))
        for sel in ws[1]:
            sel.font = Font(bold=True)
        for o in daftar:
            f = o.naskah.konteks["srikandi"]
            relatif = Path("..", o.jalur).as_posix()
            ws.append([f[c] for c in KOLOM[:-1]] + [o.jalur.name])
            ws.cell(ws.max_row, len(KOLOM)).hyperlink = relatif
        for kolom, lebar in zip("ABCDEFGHIJ", (16, 8, 14, 12, 40, 60, 40, 40, 40, 50)):
            ws.column_dimensions[kolom].width = lebar
        for baris in ws.iter_rows(min_row=2):
            for sel in baris:
                sel.alignment = Alignment(wrap_text=True, vertical="top")
        buf = io.BytesIO()
        wb.save(buf)
        tujuan = akar / "srikandi" / f"srikandi-{bulan}.xlsx"
        tujuan.parent.mkdir(parents=True, exist_ok=True)
        tulis_atomik(tujuan, buf.getvalue())
        hasil.append(tujuan)
    return hasil
