"""Shared tools that know nothing of any chapter: data files and their loaders (``data``), the chart house
style (``charts``), tables (``tables``), fits shared by several chapters (``fitting``), argument checks
(``validation``) and papermill parameter checks (``parameters``).

This file imports nothing, so importing one module of the folder does not import the others.
"""
