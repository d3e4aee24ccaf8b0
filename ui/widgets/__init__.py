"""Widgets shared by several screens and knowing no feature: typed date and decimal inputs, the reason-for-change
dialog, a read-only table of text rows."""
