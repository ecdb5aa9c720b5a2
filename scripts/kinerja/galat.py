"""The errors Kinerja reports to the user: one family, caught once by the command line.

Each message is one Indonesian line. `cli.main` prints it and exits with the class's
`kode_keluar`: 1 when the records themselves are at fault (design.md: "the records have
errors"), 2 for everything else. Any other exception is an internal failure.
"""

from __future__ import annotations


class KinerjaError(Exception):
    """A failure the user can act on, told in one Indonesian line."""

    kode_keluar = 2


class GalatPemakaian(KinerjaError):
    """Bad usage: arguments, the repository's configuration, an output folder, a request."""


class GalatRekaman(KinerjaError):
    """A records file that cannot be read as a record."""

    kode_keluar = 1


class GalatGit(KinerjaError):
    """Git is missing, or a revision or repository it was asked about is not usable."""


class GalatSitus(KinerjaError):
    """A unit's site could not be built."""
