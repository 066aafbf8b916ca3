"""House rules checked on the source itself (DESIGN §2, the standards): the core never
imports Prefect, flows import from zi only the use cases and shared vocabulary, functions
stay short, no broad `except Exception` in the core, every YAML field says what it means."""

from __future__ import annotations

import ast
from pathlib import Path

from tests.bantu import AKAR

BATAS_BARIS = 60
KOSAKATA = {"zi.layanan", "zi.kode", "zi.galat", "zi.bahasa", "zi.periode", "zi"}


def _modul(*folder: str) -> list[tuple[Path, ast.Module]]:
    return [(f, ast.parse(f.read_text(encoding="utf-8"))) for d in folder for f in sorted((AKAR / d).rglob("*.py"))]


def _impor(pohon: ast.Module) -> set[str]:
    nama: set[str] = set()
    for n in ast.walk(pohon):
        if isinstance(n, ast.Import):
            nama.update(a.name for a in n.names)
        elif isinstance(n, ast.ImportFrom) and n.module:
            nama.add(n.module)
    return nama


def test_fungsi_paling_panjang_60_baris():
    panjang = [f"{f.relative_to(AKAR)}:{n.lineno} {n.name} ({n.end_lineno - n.lineno + 1} baris)"
               for f, pohon in _modul("zi", "flows") for n in ast.walk(pohon)
               if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef)) and n.end_lineno - n.lineno + 1 > BATAS_BARIS]
    assert not panjang, panjang


def test_inti_tanpa_prefect():
    salah = [str(f.relative_to(AKAR)) for f, pohon in _modul("zi") if any(m.split(".")[0] == "prefect" for m in _impor(pohon))]
    assert not salah, salah


def test_flows_hanya_memakai_layanan_dan_kosakata():
    salah = [f"{f.relative_to(AKAR)}: {m}" for f, pohon in _modul("flows") for m in sorted(_impor(pohon))
             if m.split(".")[0] == "zi" and m not in KOSAKATA]
    assert not salah, salah


def test_tanpa_except_exception_di_inti():
    salah = [f"{f.relative_to(AKAR)}:{n.lineno}" for f, pohon in _modul("zi") for n in ast.walk(pohon)
             if isinstance(n, ast.ExceptHandler) and (n.type is None or
                                                      (isinstance(n.type, ast.Name) and n.type.id in ("Exception", "BaseException")
                                                       and not any(isinstance(x, ast.Raise) and x.exc is None for x in n.body)))]
    assert not salah, salah


def test_setiap_kolom_yaml_berketerangan():
    from pydantic import BaseModel

    import zi.rencana as r

    tanpa = [f"{m.__name__}.{k}" for m in vars(r).values()
             if isinstance(m, type) and issubclass(m, BaseModel) and m.__module__ == r.__name__
             for k, info in m.model_fields.items() if not info.description]
    assert not tanpa, tanpa
