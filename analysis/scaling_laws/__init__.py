"""Chapter "Scaling laws and what 'diminishing returns' means": Kaplan's law, returns per decade of compute
and the compute frontier of real runs (``returns``), its charts (``charts``) and its claims (``claims``).

This file imports nothing, so importing one module of the folder does not import the others.
"""
