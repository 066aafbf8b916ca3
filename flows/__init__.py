"""Prefect flows: thin orchestration over the `zi` core (no domain logic here)."""
