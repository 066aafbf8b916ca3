"""The renderer on small templates: reproducible bytes, escaping, strictness, sandbox."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

import docx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from zi.galat import ZiError
from zi.render import render


def _templat(folder: Path, *paragraf: str) -> Path:
    d = docx.Document()
    for p in paragraf:
        d.add_paragraph(p)
    jalur = folder / "t.docx"
    d.save(str(jalur))
    return jalur


def _teks(isi: bytes) -> str:
    return "\n".join(p.text for p in docx.Document(io.BytesIO(isi)).paragraphs)


def test_byte_identik_untuk_input_sama(tmp_path):
    t = _templat(tmp_path, "Yth. {{ nama }}", "{{ tanggal|hari_tanggal }}")
    k = {"nama": "Hendra", "tanggal": dt.date(2026, 1, 12)}
    a = render(t, k, tanggal=dt.date(2026, 1, 12))
    b = render(t, k, tanggal=dt.date(2026, 1, 12))
    assert a == b
    assert render(t, {**k, "nama": "Hendri"}, tanggal=dt.date(2026, 1, 12)) != a
    assert _teks(a) == "Yth. Hendra\nSenin, 12 Januari 2026"
    with zipfile.ZipFile(io.BytesIO(a)) as z:
        assert {i.date_time for i in z.infolist()} == {(2026, 1, 1, 0, 0, 0)}


def test_filter_bahasa(tmp_path):
    t = _templat(tmp_path, "{{ 1|diktum }} {{ 12|terbilang }} {{ 4|romawi }} {{ 2|huruf }} {{ d|tanggal }}")
    assert _teks(render(t, {"d": dt.date(2026, 8, 17)})) == "KESATU dua belas IV b 17 Agustus 2026"


def test_variabel_hilang_adalah_galat(tmp_path):
    t = _templat(tmp_path, "{{ nama }} {{ jabatan }}")
    with pytest.raises(ZiError, match="jabatan"):
        render(t, {"nama": "x"})


@pytest.mark.parametrize("serangan", [
    "{{ ''.__class__.__mro__ }}",
    "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "{{ cycler.__init__.__globals__.os.popen('id').read() }}",
    "{{ self._TemplateReference__context }}",
])
def test_templat_tidak_bisa_keluar_dari_sandbox(tmp_path, serangan):
    t = _templat(tmp_path, serangan)
    with pytest.raises(ZiError):
        render(t, {})


def test_kertas_f4(tmp_path):
    t = _templat(tmp_path, "{{ x }}")
    s = docx.Document(io.BytesIO(render(t, {"x": 1}, kertas="F4"))).sections[0]
    assert abs(s.page_height.cm - 33.0) < 0.05 and abs(s.page_width.cm - 21.5) < 0.05


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=300))
def test_teks_apa_pun_menghasilkan_docx_sah(tmp_path, nilai):
    t = tmp_path / "t.docx"
    if not t.exists():
        _templat(tmp_path, "[{{ nilai }}]")
    isi = render(t, {"nilai": nilai})
    hasil = _teks(isi)
    assert hasil.startswith("[") and hasil.endswith("]")
    # Everything XML 1.0 can hold comes through literally; only illegal control characters go.
    sah = "".join(c for c in nilai if c in "\t\n\r" or (ord(c) >= 0x20 and c not in "\ufffe\uffff"))
    for potong in sah.split():
        assert potong in hasil
