"""Chapter "The other side": emergence, saturation and inverse scaling (``emergence``), observational
scaling (``obsscaling``), the charts and the claims.

This file imports nothing, so importing one module of the folder does not import the others.
"""
