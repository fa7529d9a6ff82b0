"""Chapter "Test-time compute": exact pass@k (``passk``), repeated sampling and compute-matched comparisons
(``sampling``), majority votes and verifiers (``verifiers``), Kim et al.'s energy tables (``kim2025``), the
charts and the claims.

This file imports nothing, so importing one module of the folder does not import the others.
"""
