"""The tested analysis package behind the book: one folder per chapter, one house of shared tools, one ledger.

Every chapter notebook imports from here; all real logic (loading data, fitting, simulating, projecting,
judging claims) lives in these modules, and the notebooks narrate, call and plot.

house/         shared tools that know nothing of any chapter: data files and loaders, the chart house style,
               tables, shared fits, argument and parameter checks
ledger/        the claim contract (``core``, gathering ``rules``, ``articles``, ``checks``, ``multiverse``), the
               registry of claim modules and the artefact (``__init__``),
               the ledger page's tables (``pages``), cards (``render``), the claims no chapter owns
               (``general``) and the published figures only they use (``literature``)
scaling_laws/  progress/  chinchilla/  testtime/  collapse/  datawall/  economics/  other_side/
               one folder per chapter: its science modules, its ``charts`` and its ``claims``

Dependency rules (``tests/test_layout.py`` reads the imports): ``house`` imports nothing of the book; a
chapter's science imports ``house`` and other chapters' science, never ``ledger``; the claim contract
(``ledger.core`` and the modules it gathers: ``rules``, ``articles``, ``checks``, ``multiverse``) imports only
``house``; a chapter's ``claims`` imports the contract (and ``ledger.literature``) and science; only the
ledger registry imports a ``claims`` module.
"""

__version__ = "0.1.0"


def _other_checkout() -> tuple[str, str] | None:
    """(this package's checkout, the checkout holding the working directory) when they differ: a Python
    environment made for one checkout of the book, used in a copy of it. None otherwise (an installed
    package, or no checkout around the working directory)."""
    import os

    here = os.path.dirname(os.path.dirname(os.path.realpath(__file__)))
    if not os.path.isfile(os.path.join(here, "_toc.yml")):
        return None
    try:
        folder = os.path.realpath(os.getcwd())
    except OSError:
        return None
    while True:
        if os.path.isfile(os.path.join(folder, "_toc.yml")) and os.path.isfile(
                os.path.join(folder, "analysis", "__init__.py")):
            return None if folder == here else (here, folder)
        parent = os.path.dirname(folder)
        if parent == folder:
            return None
        folder = parent


if (_pair := _other_checkout()) is not None:
    raise ImportError(f"this is the book's checkout {_pair[1]}, but its Python imports `analysis` from "
                      f"{_pair[0]} (a .venv made for another checkout, copied or moved here): run "
                      "`make distclean && make book` in this checkout")
