"""Chapter "Chinchilla": the parametric law and its published constants (``law``), the refit and bootstrap
(``refit``), what the allocation means for published models (``allocation``), Kaplan against Chinchilla on
real runs (``kaplan_vs_chinchilla``), over-training (``overtraining``), the charts and the claims.

This file imports nothing, so importing one module of the folder does not import the others.
"""
