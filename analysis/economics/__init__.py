"""Chapter "Economics": the Epoch AI snapshots and price index (``datasets``), training and cluster costs
(``costs``), energy and water (``energy``), serving costs (``inference_cost``), growth fits and
projections (``trends``), the charts and the claims.

This file imports nothing, so importing one module of the folder does not import the others.
"""
