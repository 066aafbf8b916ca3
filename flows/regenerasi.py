"""Ad-hoc: regenerate one area's documents of a month (after a template or data edit),
`zi.layanan.regenerasi`: changed documents get a new version (the old one kept in
`_riwayat`); files a person edited are never overwritten, the new draft goes beside them.
"""


from enum import Enum
from functools import partial
from pathlib import Path
from typing import Any

from prefect import flow, get_run_logger

from flows.gagal import gagal_bersih
from flows.tugas import catat, id_run, kerjakan
from zi import layanan
from zi.kode import JENIS, KODE_AREA

# Dropdowns in the Prefect UI, built from zi's own vocabulary so a new kind appears there too.
Area = Enum("Area", {k: k for k in KODE_AREA}, type=str, module=__name__)
Area.__doc__ = "Area rencana aksi (I–VI)."
JenisNaskah = Enum("JenisNaskah", {j: j for j in JENIS}, type=str, module=__name__)
JenisNaskah.__doc__ = "Jenis naskah."


# Parameters are checked by zi (Indonesian messages naming the parameter), not by Prefect.
@flow(name="zi-regenerasi", validate_parameters=False)
@gagal_bersih
def regenerasi(area: Area, bulan: str, jenis: list[JenisNaskah] | None = None, keluaran: str = "outputs",
               rencana: str | None = None, data: str | None = None) -> dict[str, Any]:
    """Buat ulang naskah satu area pada satu bulan.

    Args:
        area: Area rencana aksi (I–VI).
        bulan: Bulan kejadian, TAHUN-BULAN, mis. 2026-07.
        jenis: Jenis naskah; kosong berarti semua jenis.
        keluaran: Akar arsip.
        rencana: Berkas rencana aksi YAML (kosong: rencana di folder data, atau bawaan).
        data: Folder satu kantor (instansi.yaml, pegawai.yaml, tim.yaml, rencana_aksi_*.yaml).
    """
    sumber = layanan.muat_sumber(rencana, data, layanan.FLOW)
    h = kerjakan(partial(layanan.regenerasi, sumber, Path(keluaran), area=area, bulan=bulan, jenis=jenis,
                         run_id=id_run()))
    assert h.periode is not None
    get_run_logger().info("Regenerasi area %s bulan %s: %d naskah.", getattr(area, "value", area),
                          h.periode.kode, len(h.keluaran))
    return catat(h.keluaran, keluaran)
