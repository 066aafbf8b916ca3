"""The month bundle for the inspectorate: a zip of one month of the archive with an index."""

from __future__ import annotations

from pathlib import Path

from zi.arsip.berkas import tulis_atomik
from zi.galat import ZiError


def bundel_bulan(akar: Path, bulan: str, catatan: list) -> Path:
    """Zip one month of the archive for the inspectorate, with an `indeks.html` listing
    every file: kind, row, date, sha256, and whether it was edited after generation.

    Documents, staff's evidence files and new drafts are included; superseded versions in
    `_riwayat` and zi's own bookkeeping are not. Written atomically to
    `<akar>/bundel/arsip-<bulan>.zip`; returns that path.
    """
    import hashlib
    import html
    import io
    import zipfile

    folder = akar / bulan[:4] / bulan[5:7]
    if not folder.is_dir():
        raise ZiError(f"arsip bulan {bulan} kosong atau belum ada", folder)
    per_path = {c.path: c for c in catatan}
    berkas = sorted(p for p in folder.rglob("*") if p.is_file() and "_riwayat" not in p.parts
                    and not p.name.startswith(".zi-"))
    baris_html = []
    keluar = io.BytesIO()
    with zipfile.ZipFile(keluar, "w", zipfile.ZIP_DEFLATED) as z:
        for p in berkas:
            rel = p.relative_to(akar).as_posix()
            info = zipfile.ZipInfo.from_file(p, rel)
            info.compress_type = zipfile.ZIP_DEFLATED
            isi = p.read_bytes()  # read once: into the zip and into its hash
            z.writestr(info, isi)
            c = per_path.get(rel)
            h = hashlib.sha256(isi).hexdigest()
            if c is None:
                asal = "bukti/berkas staf"
            elif c.content_hash == h:
                asal = "draf zi"
            else:
                asal = "draf zi, disunting"
            bagian = p.relative_to(folder).parts
            sel = [rel, c.jenis if c else "-", c.baris_id if c else (bagian[0] if len(bagian) > 1 else "-"),
                   c.tanggal if c else "-", asal, h]
            baris_html.append("<tr>" + "".join(f"<td>{html.escape(x)}</td>" for x in sel) + "</tr>")
        indeks = (
            "<!doctype html><html lang=\"id\"><meta charset=\"utf-8\"><title>Arsip " + html.escape(bulan) +
            "</title><style>body{font-family:Arial,sans-serif}td,th{border:1px solid #999;padding:2px 6px}"
            "table{border-collapse:collapse}</style><h1>Arsip naskah Zona Integritas " + html.escape(bulan) +
            f"</h1><p>{len(berkas)} berkas.</p><table><tr><th>Berkas</th><th>Jenis</th><th>Baris</th>"
            "<th>Tanggal</th><th>Asal</th><th>SHA-256</th></tr>" + "".join(baris_html) + "</table></html>"
        )
        z.writestr("indeks.html", indeks)
    tujuan = akar / "bundel" / f"arsip-{bulan}.zip"
    tulis_atomik(tujuan, keluar.getvalue())
    return tujuan
