"""Bad input ends a flow run Failed with zi's Indonesian message as the state message.

Without this, Prefect logs two tracebacks and the state reads "Flow run encountered an
exception: ZiError: …". A direct in-process call still raises the ZiError (Prefect raises a
Failed state's data), so callers and tests see the same exception as the CLI does.
"""

from __future__ import annotations

import functools
import logging
import typing
from collections.abc import Callable
from typing import Any, TypeVar

from prefect import get_run_logger
from prefect.states import Failed

from zi.galat import ZiError

F = TypeVar("F", bound=Callable[..., Any])


class _TanpaTracebackMasukan(logging.Filter):
    """At the end of a deployment run Prefect's engine raises the Failed state's exception
    again and logs it, traceback included, into the run's logs ("Engine execution exited
    with unexpected exception"). For zi's bad input the state message and the one line
    logged below already say everything: that record is dropped, any other kept."""

    def filter(self, record: logging.LogRecord) -> bool:
        galat = record.exc_info[1] if record.exc_info else None
        return not (isinstance(galat, ZiError) and record.msg.startswith("Engine execution"))


logging.getLogger("prefect.flow_runs").addFilter(_TanpaTracebackMasukan())


def gagal_bersih(fungsi: F) -> F:
    """Put under `@flow(...)`: a ZiError becomes `Failed(message=<pesan>)`, logged as one line."""

    @functools.wraps(fungsi)
    def bungkus(*args: Any, **kwargs: Any) -> Any:
        try:
            return fungsi(*args, **kwargs)
        except ZiError as e:
            get_run_logger().error("Masukan salah: %s", e)
            return Failed(message=str(e), data=e)

    # Prefect reads the parameters' types from the wrapper: give it the flow's resolved
    # annotations, so flow modules may use `from __future__ import annotations`.
    bungkus.__annotations__ = typing.get_type_hints(fungsi)
    return bungkus  # type: ignore[return-value]
