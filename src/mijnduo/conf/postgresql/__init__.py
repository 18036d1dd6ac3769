"""Django's PostgreSQL backend whose health check costs no round trip on a quiet, recently
checked connection, and which starts afresh after an error (base.py, ADR 8)."""
