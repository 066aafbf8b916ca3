"""The compiled renderer produces what plain docxtpl produces.

`zi.render.render` compiles a template once and re-renders only its body per document,
reaching into docxtpl's internals; the reference here is docxtpl's public API called
directly in the test (`DocxTemplate(...).render(context, jinja_env, autoescape=True)`),
with the same Jinja environment and the same input. Parts are compared as canonical XML,
except what zi sets on purpose: fixed document times (docProps/core.xml) and renumbered
drawing ids; the paper size is compared separately (F4).
"""

from __future__ import annotations

import copy
import io
import zipfile

import docx
import pytest
from docxtpl import DocxTemplate
from lxml import etree

from zi.buat import rencanakan
from zi.render import bersihkan, jalur_templat, lingkungan, render, render_banyak
from zi.rencana import muat_kantor, muat_rencana

NASKAH = rencanakan(muat_rencana(), muat_kantor(), tahun=2026)
TEMPLAT_DIPAKAI = sorted({n.templat for n in NASKAH})


def _docxtpl(templat, konteks) -> bytes:
    """Plain docxtpl: a fresh template object, rendered and saved through its public API."""
    tpl = DocxTemplate(str(templat))
    tpl.render(bersihkan(dict(konteks)), jinja_env=lingkungan(), autoescape=True)
    keluar = io.BytesIO()
    tpl.save(keluar)
    return keluar.getvalue()


def _kanonik(nama: str, data: bytes) -> bytes:
    if not nama.endswith((".xml", ".rels")):
        return data
    akar = etree.fromstring(data)
    for e in akar.iter("{*}docPr"):
        e.attrib.pop("id", None)
    for e in akar.iter("{*}pgSz"):  # zi sets the office's paper (A4/F4) on purpose
        e.attrib.clear()
    return etree.tostring(akar, method="c14n")


def _sama(a: bytes, b: bytes) -> None:
    with zipfile.ZipFile(io.BytesIO(a)) as za, zipfile.ZipFile(io.BytesIO(b)) as zb:
        assert sorted(za.namelist()) == sorted(zb.namelist())
        for nama in za.namelist():
            if nama == "docProps/core.xml":
                continue
            assert _kanonik(nama, za.read(nama)) == _kanonik(nama, zb.read(nama)), nama


def test_setiap_naskah_tahun_contoh_sama_dengan_docxtpl():
    assert len(TEMPLAT_DIPAKAI) >= 7  # every kind of the sample year is exercised
    for n in NASKAH:
        t = jalur_templat(n.templat)
        _sama(render(t, n.konteks, tanggal=n.tanggal), _docxtpl(t, n.konteks))


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
        _sama(a, _docxtpl(t, konteks))
        docx.Document(io.BytesIO(a))


def test_kertas_f4():
    n = NASKAH[0]
    t = jalur_templat(n.templat)
    a4, f4 = render(t, n.konteks, tanggal=n.tanggal), render(t, n.konteks, kertas="F4", tanggal=n.tanggal)
    s = docx.Document(io.BytesIO(f4)).sections[0]
    assert abs(s.page_height.cm - 33.0) < 0.05 and abs(s.page_width.cm - 21.5) < 0.05
    assert [p.text for p in docx.Document(io.BytesIO(f4)).paragraphs] == \
        [p.text for p in docx.Document(io.BytesIO(a4)).paragraphs]


def test_tag_di_header(tmp_path):
    d = docx.Document()
    d.sections[0].header.paragraphs[0].text = "Kepala: {{ judul }}"
    d.add_paragraph("Isi: {{ isi }}")
    t = tmp_path / "header.docx"
    d.save(str(t))
    k = {"judul": "Rapat & Evaluasi", "isi": "satu"}
    a = render(t, k)
    _sama(a, _docxtpl(t, k))
    hasil = docx.Document(io.BytesIO(a))
    assert hasil.sections[0].header.paragraphs[0].text == "Kepala: Rapat & Evaluasi"
    assert hasil.paragraphs[0].text == "Isi: satu"


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
