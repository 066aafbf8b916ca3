"""The archive: where documents live (`berkas`), what was generated (`registri`, with its
lock) and what goes to the inspectorate (`bundel`). Every archive rule is written here once."""
