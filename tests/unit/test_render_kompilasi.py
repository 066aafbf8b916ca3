"""The compiled renderer produces exactly what plain docxtpl produces.

For every template and every document of the sample year (plus hostile values and F4
paper), `render` (compiled once per template, body-only re-render, reused deflated parts)
must equal `render_docxtpl` (a fresh DocxTemplate per document). Both normalise zip
metadata the same way, so the comparison is of whole files, part by part.
"""

from __future__ import annotations

import copy
import io
import zipfile

import docx
import pytest

from zi.buat import rencanakan
from zi.render import jalur_templat, render, render_banyak, render_docxtpl
from zi.rencana import muat_kantor, muat_rencana

NASKAH = rencanakan(muat_rencana(), muat_kantor(), tahun=2026)


def _bagian(isi: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(isi)) as z:
        return {n: z.read(n) for n in z.namelist()}


def _sama(a: bytes, b: bytes) -> None:
    pa, pb = _bagian(a), _bagian(b)
    assert list(pa) == list(pb)
    for nama in pa:
        assert pa[nama] == pb[nama], nama


def test_setiap_naskah_tahun_contoh_sama_dengan_docxtpl():
    assert len({n.templat for n in NASKAH}) == 7
    for n in NASKAH:
        t = jalur_templat(n.templat)
        _sama(render(t, n.konteks, tanggal=n.tanggal), render_docxtpl(t, n.konteks, tanggal=n.tanggal))


def _ubah_teks(nilai, fungsi):
    if isinstance(nilai, str):
        return fungsi(nilai)
    if isinstance(nilai, dict):
        return {k: _ubah_teks(v, fungsi) for k, v in nilai.items()}
    if isinstance(nilai, list):
        return [_ubah_teks(v, fungsi) for v in nilai]
    return nilai


@pytest.mark.parametrize("ubah", [
    lambda s: s + ' & <b>"{{ x }}"</b> {% if %}',
    lambda s: s + "\nbaris baru\tdan tab",
    lambda s: s + "\x07\x0b kontrol",
    lambda s: s * 3,
])
def test_nilai_aneh_tetap_sama(ubah):
    contoh = {}
    for n in NASKAH:
        contoh.setdefault(n.templat, n)
    for n in contoh.values():
        konteks = _ubah_teks(copy.deepcopy(n.konteks), ubah)
        t = jalur_templat(n.templat)
        a = render(t, konteks, tanggal=n.tanggal)
        _sama(a, render_docxtpl(t, konteks, tanggal=n.tanggal))
        docx.Document(io.BytesIO(a))


def test_kertas_f4_sama():
    n = NASKAH[0]
    t = jalur_templat(n.templat)
    a = render(t, n.konteks, kertas="F4", tanggal=n.tanggal)
    _sama(a, render_docxtpl(t, n.konteks, kertas="F4", tanggal=n.tanggal))
    s = docx.Document(io.BytesIO(a)).sections[0]
    assert abs(s.page_height.cm - 33.0) < 0.05


def test_tag_di_header_memakai_jalur_docxtpl(tmp_path):
    d = docx.Document()
    d.sections[0].header.paragraphs[0].text = "Kepala: {{ judul }}"
    d.add_paragraph("Isi: {{ isi }}")
    t = tmp_path / "header.docx"
    d.save(str(t))
    k = {"judul": "Rapat & Evaluasi", "isi": "satu"}
    a = render(t, k)
    _sama(a, render_docxtpl(t, k))
    hasil = docx.Document(io.BytesIO(a))
    assert hasil.sections[0].header.paragraphs[0].text == "Kepala: Rapat & Evaluasi"


def test_render_paralel_sama_dengan_berurutan():
    tugas = [(jalur_templat(n.templat), n.konteks, "A4", n.tanggal) for n in NASKAH]
    assert list(render_banyak(tugas, proses=2)) == list(render_banyak(tugas, proses=1))


def test_templat_berubah_dikompilasi_ulang(tmp_path):
    d = docx.Document()
    d.add_paragraph("Versi satu {{ x }}")
    t = tmp_path / "t.docx"
    d.save(str(t))
    assert "Versi satu 1" in docx.Document(io.BytesIO(render(t, {"x": 1}))).paragraphs[0].text
    d = docx.Document()
    d.add_paragraph("Versi dua {{ x }}")
    d.save(str(t))
    assert "Versi dua 1" in docx.Document(io.BytesIO(render(t, {"x": 1}))).paragraphs[0].text
