"""The user guide for coordinators, investigators and monitors: Markdown chapters per language (guide/en,
guide/ko), the screen names it shows (screens.txt) and its PDF builder (guide.build)."""
