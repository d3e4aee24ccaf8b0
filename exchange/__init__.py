"""Data leaving and entering the study: CDISC ODM 1.3.2, analysis datasets, laboratory result files (no Qt).

`catalogue` is the metadata every format reads; `odm_export`/`odm_import` the ODM XML; `datasets` and
`dataset_files` the statisticians' tables; `lab_import` the preview and application of a laboratory export.
"""
