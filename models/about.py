"""What Help → About states, without Qt: TrialDesk's version and build date, the study configuration in force, the
database file and its schema revision, the Python and Qt versions, and the fonts and libraries the app bundles
with their licences (`licence_text` finds each text: in resources/, in the library's installed metadata, or in
matplotlib's data folder for DejaVu Sans).

    facts = about_facts(db, qt_version=QtCore.qVersion())    # the window passes Qt's own version in
    for line in facts.lines(): ...
    licence_text(component) -> str | None

The version is `APP_VERSION` (kept equal to pyproject.toml's by a test); the build date is `build-info.json` in the
bundled resources (written by pyinstaller.spec), None in a source run.
"""

from __future__ import annotations

import json
import platform
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from sqlalchemy import text

from apppaths import resource_path
from models.database import Database

APP_VERSION = "0.1.0"
BUILD_INFO = "build-info.json"


@dataclass(frozen=True)
class Component:
    """A font or library inside the app: its name, distribution (for the version), SPDX licence and licence file."""

    name: str
    distribution: str | None
    licence: str
    licence_file: str | None = None  # under resources/, when the text ships there


# Every font and run-time library the built app carries (requirements.txt less the build and test tools).
COMPONENTS: tuple[Component, ...] = (
    Component("Nanum Gothic (font)", None, "OFL-1.1", "fonts/OFL-NanumGothic.txt"),
    Component("DejaVu Sans (font, in matplotlib)", None, "Bitstream-Vera AND LicenseRef-DejaVu-Public-Domain"),
    # The PySide6 wheels carry no licence file: the LGPL's text (and the GPL it builds on) ships in resources/.
    Component("Qt 6 / PySide6", "PySide6_Essentials", "LGPL-3.0-only", "licenses/LGPL-3.0.txt"),
    Component("Shiboken6", "shiboken6", "LGPL-3.0-only", "licenses/LGPL-3.0.txt"),
    Component("GNU GPL 3.0 (the terms the LGPL 3.0 adds to)", None, "GPL-3.0-only", "licenses/GPL-3.0.txt"),
    Component("SQLAlchemy", "SQLAlchemy", "MIT"),
    Component("Alembic", "alembic", "MIT"),
    Component("Mako", "Mako", "MIT"),
    Component("psycopg 3 (PostgreSQL driver)", "psycopg", "LGPL-3.0-only", "licenses/LGPL-3.0.txt"),
    Component("psycopg-binary (with libpq: PostgreSQL licence; OpenSSL: Apache-2.0)", "psycopg-binary",
              "LGPL-3.0-only AND PostgreSQL AND Apache-2.0", "licenses/LGPL-3.0.txt"),
    Component("MarkupSafe", "MarkupSafe", "BSD-3-Clause"),
    Component("ReportLab", "reportlab", "BSD-3-Clause"),
    Component("ReportLab C accelerator (rl-accel)", "rl_accel", "BSD-3-Clause"),
    Component("matplotlib", "matplotlib", "LicenseRef-Matplotlib (PSF-based)"),
    Component("NumPy", "numpy", "BSD-3-Clause"),
    Component("pandas", "pandas", "BSD-3-Clause"),
    Component("SciPy", "scipy", "BSD-3-Clause"),
    Component("Pillow", "pillow", "MIT-CMU"),
    Component("fontTools", "fonttools", "MIT"),
    Component("cycler", "cycler", "BSD-3-Clause"),
    Component("kiwisolver", "kiwisolver", "BSD-3-Clause"),
    Component("pyparsing", "pyparsing", "MIT"),
    Component("packaging", "packaging", "Apache-2.0 OR BSD-2-Clause"),
    Component("python-dateutil", "python-dateutil", "Apache-2.0 AND BSD-3-Clause"),
    Component("six", "six", "MIT"),
    Component("holidays", "holidays", "MIT"),
    Component("tzdata", "tzdata", "Apache-2.0"),
    Component("openpyxl", "openpyxl", "MIT"),
    Component("et_xmlfile", "et_xmlfile", "MIT"),
    Component("icalendar", "icalendar", "BSD-2-Clause"),
    Component("platformdirs", "platformdirs", "MIT"),
    Component("argon2-cffi", "argon2-cffi", "MIT"),
    Component("argon2-cffi-bindings", "argon2-cffi-bindings", "MIT"),
    Component("cffi", "cffi", "MIT-0"),
    Component("pycparser", "pycparser", "BSD-3-Clause"),
    Component("charset-normalizer", "charset-normalizer", "MIT"),
    Component("sortedcontainers", "sortedcontainers", "Apache-2.0"),
    Component("tomli-w", "tomli_w", "MIT"),
    Component("typing-extensions", "typing_extensions", "PSF-2.0"),
    Component("lxml (with libxml2, libxslt)", "lxml", "BSD-3-Clause"),
    Component("defusedxml", "defusedxml", "PSF-2.0"),
    Component("pyreadstat (with ReadStat)", "pyreadstat", "Apache-2.0"),
    Component("narwhals", "narwhals", "MIT"),
)


@dataclass(frozen=True)
class AboutFacts:
    """Everything the About window shows, as plain values."""

    version: str
    build_date: str | None
    study: str
    config_source: str
    database: Path
    schema_revision: str | None
    python: str
    qt: str | None
    components: tuple[tuple[Component, str | None], ...]  # (component, installed version or None)

    def lines(self) -> list[str]:
        """The facts as "Label: value" lines (English; the window translates the labels)."""
        return [
            f"TrialDesk {self.version}" + (f", built {self.build_date}" if self.build_date else " (source run)"),
            f"Study configuration: {self.study} (from {self.config_source})",
            f"Database: {self.database}",
            f"Schema revision: {self.schema_revision or 'none'}",
            f"Python {self.python}" + (f", Qt {self.qt}" if self.qt else ""),
        ]


def build_date() -> str | None:
    """The date the bundled app was built (None in a source run, or if the stamp is unreadable)."""
    try:
        return str(json.loads(resource_path(BUILD_INFO).read_text(encoding="utf-8"))["built"])
    except (OSError, ValueError, KeyError, TypeError):
        return None


def schema_revision(db: Database) -> str | None:
    """The Alembic revision the database is at."""
    with db.read() as session:
        return session.execute(text("SELECT version_num FROM alembic_version")).scalar()


def installed_version(distribution: str | None) -> str | None:
    """The version of an installed distribution (None for a font, or where the metadata is not bundled)."""
    if distribution is None:
        return None
    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return None


def about_facts(db: Database, qt_version: str | None = None) -> AboutFacts:
    """The About facts of TrialDesk over the open database `db`."""
    config = db.config
    return AboutFacts(
        version=APP_VERSION,
        build_date=build_date(),
        study=config.label,
        config_source=config.source,
        database=db.path,
        schema_revision=schema_revision(db),
        python=platform.python_version(),
        qt=qt_version or installed_version("PySide6_Essentials"),
        components=tuple((c, installed_version(c.distribution)) for c in COMPONENTS),
    )


def _normalised(distribution: str) -> str:
    return distribution.lower().replace("_", "-")


def known_components_missing(distributions: set[str]) -> list[str]:
    """The distributions (requirements.txt names) that COMPONENTS does not list, sorted."""
    listed = {_normalised(c.distribution) for c in COMPONENTS if c.distribution is not None}
    return sorted(_normalised(d) for d in distributions if _normalised(d) not in listed)


def licence_text(component: Component) -> str | None:
    """The licence text of a component: its file under resources/, else the licence files of its installed
    metadata, else (DejaVu) matplotlib's copy; None where none is found."""
    if component.licence_file is not None:
        path = resource_path(*component.licence_file.split("/"))
        return path.read_text(encoding="utf-8") if path.is_file() else None
    if component.distribution is None:
        import matplotlib

        path = Path(matplotlib.get_data_path()) / "fonts" / "ttf" / "LICENSE_DEJAVU"
        return path.read_text(encoding="utf-8") if path.is_file() else None
    try:
        files = metadata.distribution(component.distribution).files or []
    except metadata.PackageNotFoundError:
        return None
    texts = [f.read_text(encoding="utf-8") for f in files
             if Path(str(f)).name.upper().startswith(("LICEN", "COPYING")) and ".dist-info" in str(f)]
    return "\n\n".join(t for t in texts if t) or None
