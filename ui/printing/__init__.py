"""Printing from the app: the Print menu (a subject's summary, a binder, blank CRFs), each PDF built off the
window's thread behind a progress dialog, then opened."""
