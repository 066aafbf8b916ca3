"""zi: the paperwork of a Zona Integritas action plan, generated from the plan itself.

The core package never imports Prefect: the CLI must stay fast and the tests run without
a server. Flows in `flows/` wrap these functions.
"""

__version__ = "0.1.0"
