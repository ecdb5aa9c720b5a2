"""Kinerja: ASN performance management (PermenPANRB 6/2022) kept as records in Git."""

__version__ = "0.1.0"
