"""SK Tim: the decree forming a team (Keputusan), one per team per year, with the roster
as its Lampiran. Its sentences come from data/naskah.yaml and the row's `sk` key."""

from __future__ import annotations

from zi.bahasa import huruf_urut
from zi.naskah.kata import Kata, isi, muat_kata, rapikan
from zi.naskah.umum import (TITIK, Bahan, JadwalBaris, Naskah, Pasangan, anggota_tim, ketua, konteks_umum,
                            pola_nomor, seri_nomor, tim_baris)
from zi.rencana import Tim

JENIS = "sk_tim"


def naskah(bahan: Bahan, pasangan: list[Pasangan]) -> list[Naskah]:
    """Builder: every row forming the same team in one year makes one decree, dated at its
    first occurrence and serving all those rows."""
    per_tim: dict[tuple[str, int], list[Pasangan]] = {}
    for jb, k in pasangan:
        tim = tim_baris(bahan, jb.baris, wajib=True)
        assert tim is not None
        per_tim.setdefault((tim.id, k.tanggal().year), []).append((jb, k))
    kata = muat_kata(bahan.kantor.folder or None)
    hasil = []
    for (tim_id, _), milik in per_tim.items():
        milik.sort(key=lambda p: (p[1].tanggal(), p[0].baris.id))
        hasil.append(_satu(bahan, kata, bahan.kantor.tim_per_id[tim_id], milik))
    return hasil


def _nilai(bahan: Bahan, kata: Kata, tim: Tim, tahun: int) -> dict[str, object]:
    instansi = bahan.kantor.instansi.nama
    n: dict[str, object] = {"instansi": instansi, "tim": tim.nama, "tahun": tahun, "tahun_lalu": tahun - 1,
                            "nomor_rencana": bahan.rencana.rencana.nomor or TITIK,
                            "judul_rencana": bahan.rencana.rencana.judul, "rujukan": "", "dicabut": ""}
    n["tentang"] = isi(kata.sk.tentang, n, kata.berkas, "sk.tentang")
    return n


def _menimbang(bahan: Bahan, kata: Kata, jb: JadwalBaris, nilai: dict[str, object]) -> list[str]:
    """The row's own Menimbang sentences (or naskah.yaml's), then the closing one citing them."""
    sk = jb.baris.sk
    if sk and sk.menimbang:
        awal = [isi(t, nilai, bahan.rencana.berkas, f"sk.menimbang (baris {jb.baris.id})") for t in sk.menimbang]
    else:
        awal = [isi(t, nilai, kata.berkas, "sk.menimbang") for t in kata.sk.menimbang]
    huruf = [huruf_urut(i) for i in range(1, len(awal) + 1)]
    rujukan = f"huruf {huruf[0]}" if len(huruf) == 1 else (
        f"huruf {huruf[0]} dan huruf {huruf[1]}" if len(huruf) == 2 else f"huruf {huruf[0]} sampai dengan huruf {huruf[-1]}")
    return awal + [isi(kata.sk.menimbang_penutup, {**nilai, "rujukan": rujukan}, kata.berkas, "sk.menimbang_penutup")]


def _diktum(bahan: Bahan, kata: Kata, tim: Tim, jb: JadwalBaris, nilai: dict[str, object]) -> list[dict[str, object]]:
    """KESATU … : the wording file's diktum, the team's tasks hanging under the one marked
    `tugas`, the revocation of last year's decree when the row asks, and the closing one."""
    hasil: list[dict[str, object]] = []
    for i, d in enumerate(kata.sk.diktum, 1):
        teks = isi(d.isi, nilai, kata.berkas, f"sk.diktum ke-{i}")
        butir = [{"huruf": huruf_urut(j), "isi": t} for j, t in enumerate(tim.tugas, 1)] if d.tugas else []
        hasil.append({"isi": teks, "butir": butir})
    cabut = jb.baris.sk.mencabut if jb.baris.sk else False
    if cabut:
        dicabut = cabut if isinstance(cabut, str) else isi(kata.sk.dicabut, nilai, kata.berkas, "sk.dicabut")
        hasil.append({"isi": isi(kata.sk.diktum_mencabut, {**nilai, "dicabut": dicabut}, kata.berkas,
                                 "sk.diktum_mencabut"), "butir": []})
    hasil.append({"isi": isi(kata.sk.diktum_penutup, nilai, kata.berkas, "sk.diktum_penutup"), "butir": []})
    return [{**d, "nomor": i} for i, d in enumerate(hasil, 1)]


def _satu(bahan: Bahan, kata: Kata, tim: Tim, milik: list[Pasangan]) -> Naskah:
    jb, kejadian = milik[0]
    # The row carrying the `sk` facts speaks for the decree (else the first row).
    jb = next((p[0] for p in milik if p[0].baris.sk), jb)
    tanggal = kejadian.tanggal()
    tahun = tanggal.year
    nilai = _nilai(bahan, kata, tim, tahun)
    baris = tuple(dict.fromkeys(p[0].baris.id for p in milik))
    k = konteks_umum(bahan, jb.baris, JENIS, tanggal, ketua(bahan.kantor), baris)
    k.update(
        tentang=str(nilai["tentang"]).upper(),
        tim={"nama": tim.nama, "nama_kapital": tim.nama.upper(), "tugas": list(tim.tugas),
             "anggota": anggota_tim(bahan, tim)},
        menimbang=_menimbang(bahan, kata, jb, nilai),
        mengingat=[rapikan(t, kata.sk.perbaikan_mengingat) for t in bahan.rencana.rencana.mengingat],
        memperhatikan=[isi(t, nilai, kata.berkas, "sk.memperhatikan") for t in kata.sk.memperhatikan],
        diktum=_diktum(bahan, kata, tim, jb, nilai),
        pola_nomor=pola_nomor(bahan.kantor, JENIS, tanggal),
    )
    return Naskah(JENIS, "sk_tim.docx", baris[0], kejadian, tanggal, f"SK {tim.nama}", k, subjek=tim.id,
                  baris=baris, seri_nomor=seri_nomor(bahan.kantor, JENIS))
