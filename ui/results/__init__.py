"""Endpoint results on screen: a subject's endpoint panel and its drill-down, the plots tab, and the study
dashboard (proportions with CIs, Kaplan-Meier curves, per-subject grid, export)."""
