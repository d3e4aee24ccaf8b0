"""The Help → About facts (models.about) over a real database file, and the list of bundled components it names."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from models.about import APP_VERSION, COMPONENTS, about_facts, known_components_missing, licence_text
from models.database import known_revisions, open_database

ROOT = Path(__file__).resolve().parents[2]
# Packages of requirements.txt that build, test or document the app, or that pyinstaller.spec excludes.
NOT_BUNDLED = {
    "altgraph", "contourpy", "hypothesis", "iniconfig", "markdown-it-py", "mdurl", "pluggy", "pygments", "pyinstaller",
    "pyinstaller-hooks-contrib", "pypdf", "pytest", "pytest-qt", "pytest-timeout", "ruff",
    # the ODM schema check of tests/exchange: odmlib (ships the ODM 1.3.2 XSD), xmlschema and their dependencies
    "cerberus", "elementpath", "odmlib", "pathvalidate", "validators", "xmlschema",
}


def test_facts_name_the_version_database_configuration_and_schema(tmp_path: Path) -> None:
    db = open_database(tmp_path / "study.sqlite3")
    try:
        facts = about_facts(db, qt_version="6.11.3")
    finally:
        db.close()
    assert facts.version == APP_VERSION
    assert facts.database == tmp_path / "study.sqlite3"
    assert facts.schema_revision == known_revisions()[-1]
    assert "CS20AT04" in facts.study
    assert facts.build_date is None  # a source run has no build stamp
    text = "\n".join(facts.lines())
    assert "source run" in text and "Qt 6.11.3" in text and facts.schema_revision in text
    versions = dict((component.name, version) for component, version in facts.components)
    assert versions["ReportLab"] and versions["Nanum Gothic (font)"] is None


def test_app_version_is_the_project_version() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["version"] == APP_VERSION


def test_every_bundled_requirement_is_listed_with_its_licence() -> None:
    """A new run-time dependency must be added to COMPONENTS (About shows each with its licence)."""
    required = {re.split(r"[=<>]", line)[0].strip().lower().replace("_", "-")
                for line in (ROOT / "requirements.txt").read_text(encoding="utf-8").splitlines() if line.strip()}
    assert known_components_missing(required - NOT_BUNDLED) == []


def test_every_licence_text_is_found() -> None:
    assert [c.name for c in COMPONENTS if not licence_text(c)] == []
    texts = {c.name: licence_text(c) or "" for c in COMPONENTS}
    assert "SIL OPEN FONT LICENSE" in texts["Nanum Gothic (font)"].upper()
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in texts["Qt 6 / PySide6"]
    assert "Bitstream" in texts["DejaVu Sans (font, in matplotlib)"]
