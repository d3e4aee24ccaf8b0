"""Data in and out from the File menu: Export (CDISC ODM or the analysis tables, chosen subjects, with progress and
Cancel, off the window's thread) and Import labs (a laboratory export previewed row by row, each conflict decided,
applied in one audited transaction)."""
