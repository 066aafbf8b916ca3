"""zi.pdf's bookkeeping, without LibreOffice: which files a converter really tried, how the
work is shared, what counts as a whole PDF, when a PDF is current."""

from __future__ import annotations

import hashlib
from pathlib import Path

from zi.arsip.registri import CatatanPdf
from zi.pdf import Tugas, _bagi, _dicoba, _keadaan, _pdf_utuh


def _tugas(n: int) -> list[Tugas]:
    return [Tugas(Path(f"/a/{i}.docx"), Path(f"/a/{i}.pdf")) for i in range(n)]


def test_dicoba_setelah_berhenti_normal_semua_yang_belum():
    t = _tugas(4)
    assert _dicoba(t, {t[0]: b"", t[2]: b""}, None) == [t[1], t[3]]


def test_dicoba_setelah_mati_hanya_yang_sedang_dikerjakan():
    """Killed after its 2nd PDF: the 3rd was in hand (tried), the 4th never reached."""
    t = _tugas(4)
    assert _dicoba(t, {t[0]: b"", t[1]: b""}, "berhenti") == [t[2]]
    assert _dicoba(t, {}, "tidak menjawab") == [t[0]]
    assert _dicoba(t, {t[0]: b"", t[2]: b""}, "berhenti") == [t[1], t[3]]


def test_bagi_sama_berat(tmp_path):
    ukuran = [9, 1, 1, 1, 4, 4]
    tugas = []
    for i, u in enumerate(ukuran):
        (tmp_path / f"{i}.docx").write_bytes(b"x" * u)
        tugas.append(Tugas(tmp_path / f"{i}.docx", tmp_path / f"{i}.pdf"))
    bagian = _bagi(tugas, 2)
    assert sorted(sum(t.sumber.stat().st_size for t in b) for b in bagian) == [10, 10]
    assert sorted(map(str, (t for b in bagian for t in b))) == sorted(map(str, tugas))  # each once
    assert _bagi(tugas[:1], 2) == [[tugas[0]]]


def test_pdf_utuh():
    assert _pdf_utuh(b"%PDF-1.7\n...\n%%EOF\n")
    assert not _pdf_utuh(b"%PDF-1.7\n... terpotong")
    assert not _pdf_utuh(b"")


def test_keadaan_pdf(tmp_path):
    (tmp_path / "a.docx").write_bytes(b"versi 1")
    rel = Path("a.docx")
    h1 = hashlib.sha256(b"versi 1").hexdigest()
    assert _keadaan(tmp_path, rel, None, h1) == "perlu"  # no PDF yet
    (tmp_path / "a.pdf").write_bytes(b"%PDF zi")
    c = CatatanPdf("a.docx", "a.pdf", h1, hashlib.sha256(b"%PDF zi").hexdigest(), "t")
    assert _keadaan(tmp_path, rel, c, h1) == "terkini"
    assert _keadaan(tmp_path, rel, c, "lain") == "perlu"  # the .docx changed (a person's edit)
    (tmp_path / "a.pdf").write_bytes(b"%PDF pindaian")
    assert _keadaan(tmp_path, rel, c, h1) == "dibiarkan"  # a person replaced the PDF


def test_registri_lama_tanpa_tabel_pdf(tmp_path):
    """A registry written before PDFs were recorded: read-only it reads as "no PDFs" and is
    left as it was; the first write-open adds the table."""
    import sqlite3

    from zi.arsip.registri import Registri, jalur_db

    jalur_db(tmp_path).parent.mkdir()
    with sqlite3.connect(jalur_db(tmp_path)) as db:  # the table as zi wrote it before (no pdf table)
        db.execute("CREATE TABLE naskah (kunci TEXT PRIMARY KEY, path TEXT NOT NULL UNIQUE, jenis TEXT NOT NULL, "
                   "baris_id TEXT NOT NULL, bulan TEXT NOT NULL, minggu INTEGER, tanggal TEXT NOT NULL, "
                   "templat_hash TEXT NOT NULL, input_hash TEXT NOT NULL, content_hash TEXT NOT NULL, "
                   "waktu TEXT NOT NULL, run_id TEXT NOT NULL)")
    with Registri.buka(tmp_path, tulis=False) as reg:
        assert reg.semua_pdf() == {}
    with sqlite3.connect(jalur_db(tmp_path)) as db:
        assert not db.execute("SELECT name FROM sqlite_master WHERE name = 'pdf'").fetchall()
    c = CatatanPdf("2026/01/I.1.1/a.docx", "2026/01/I.1.1/a.pdf", "h1", "h2", "2026-01-01T00:00:00+00:00")
    with Registri.buka(tmp_path) as reg:
        reg.simpan_pdf(c)
    with Registri.buka(tmp_path, tulis=False) as reg:
        assert reg.semua_pdf() == {c.docx: c}
