"""Chapter "Is progress slowing?": the capability frontier over time (``frontier``), ECI per decade of compute
(``compute_returns``), METR's time horizons (``metr``), the charts (``charts``) and the claims (``claims``).

This file imports nothing, so importing one module of the folder does not import the others.
"""
