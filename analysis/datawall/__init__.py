"""Chapter "The data wall": the stock of human text (``datastock``), Muennighoff et al.'s data-constrained
law (``data_constrained``), Udandarao et al.'s figures (``concept_frequency``, ``let_it_wag``), the charts
and the claims.

This file imports nothing, so importing one module of the folder does not import the others.
"""
