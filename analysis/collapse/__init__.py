"""Chapter "Model collapse": the Gaussian chains (``gaussian``), a vocabulary re-estimated from its own text
(``vocab``), tail-cut data and scaling laws (``tails``), the wordfreq note (``sources``), the real-model
studies' reported outcomes (``published_findings``), the charts and the claims.

This file imports nothing, so importing one module of the folder does not import the others.
"""
