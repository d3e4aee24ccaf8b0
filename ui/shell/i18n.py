"""The language of the window: Korean or English, chosen per user and applied at start.

    lang = start_language(cli_choice)          # --lang, else the last signed-in user's choice, else the PC's locale
    install_translators(app, lang)             # TrialDesk's catalogue + Qt's own Korean (standard buttons, dialogs)
    install_language_menu(window)              # File → Language: 한국어 / English, applied at the next start

TrialDesk's Korean messages are `resources/i18n/trialdesk_ko.qm` (pyside6-lrelease of trialdesk_ko.ts, kept current
by scripts/update-translations.sh). `CatalogTranslator` asks the compiled file with the caller's context first, then
by source text alone (translation.Catalog): PySide6's `self.tr()` uses the run-time class of the object, which for
a subclass is not the class pyside6-lupdate recorded, and module helpers are recorded without a context.

The choice lives in `preferences.ini` in the user data folder (QSettings), one entry per TrialDesk user signed in on
this PC, plus who signed in last: the language is needed before anyone signs in, so the window opens in the language
of the last user, and a user's new choice applies at the next start. Dates stay YYYY-MM-DD and decimals keep the
point in both languages (the Qt locale is set to en_US or ko_KR, both with a decimal point). The printout
language (automatic: the schedule sheet in Korean, the others in English; or one language for all), chosen in the
Print menu, is kept the same way.
"""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QSettings, Qt, QTranslator
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QStyle,
    QWidget,
)

from apppaths import user_data_dir
from models.texts import speak
from translation import LANGUAGES, Catalog, qm_path

SETTINGS_FILE = "preferences.ini"
LANGUAGE_NAMES = {"ko": "한국어", "en": "English"}  # each in its own language, never translated
_LOCALES = {"ko": QLocale(QLocale.Language.Korean, QLocale.Country.SouthKorea),
            "en": QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)}
_running = {"lang": "en"}


class CatalogTranslator(QTranslator):
    """A QTranslator over trialdesk_<lang>.qm that also finds a message by its source text in any context."""

    def __init__(self, lang: str) -> None:
        super().__init__()
        self.catalog = Catalog.load(lang)
        if not self.load(str(qm_path(lang))):
            raise OSError(f"cannot load {qm_path(lang)}")

    def translate(self, context: str, source: str, disambiguation: str | None = None, n: int = -1) -> str | None:
        """The translation, else None: a null string, so that Qt asks the next translator (an empty string would
        be taken as the translation and blank out Qt's own texts)."""
        found = super().translate(context, source, disambiguation, n)
        return found or self.catalog.table.get((source, disambiguation or "")) or None

    def isEmpty(self) -> bool:  # noqa: N802 - Qt override
        return not self.catalog.table


def qt_translation(lang: str) -> QTranslator | None:
    """Qt's own translation (qtbase_<lang>.qm: standard buttons, file dialogs), None when not found. Looked for
    where Qt says its translations are, then where the PySide6 wheels (Linux: Qt/translations, Windows:
    translations) and a PyInstaller build of them keep them."""
    import PySide6

    package = Path(PySide6.__file__).parent
    folders = (QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath), str(package / "Qt" / "translations"),
               str(package / "translations"))
    translator = QTranslator()
    return next((translator for folder in folders if translator.load(f"qtbase_{lang}", folder)), None)


def install_translators(app: QApplication, lang: str) -> list[QTranslator]:
    """Translate the application into `lang` ("en": the source texts) and set the matching Qt locale, replacing
    the translators of an earlier call; they are kept on the application so they live as long as it."""
    for old in getattr(app, "_trialdesk_translators", []):
        app.removeTranslator(old)
    _running["lang"] = lang
    speak(lang)
    QLocale.setDefault(_LOCALES[lang])
    translators = [] if lang == "en" else [t for t in (qt_translation(lang), CatalogTranslator(lang)) if t is not None]
    for translator in translators:
        app.installTranslator(translator)
    app._trialdesk_translators = translators  # the Python objects must outlive the installation
    return translators


def running_language() -> str:
    """The language the window was started in."""
    return _running["lang"]


def system_language() -> str:
    """Korean on a PC whose locale is Korean, else English."""
    return "ko" if QLocale.system().language() == QLocale.Language.Korean else "en"


def _settings() -> QSettings:
    return QSettings(str(user_data_dir() / SETTINGS_FILE), QSettings.Format.IniFormat)


def _user_key(user: str) -> str:
    return f"users/{user or '_'}/language"


def saved_language(user: str | None = None) -> str | None:
    """The language `user` chose (default: the user who signed in last on this PC), None if never chosen."""
    settings = _settings()
    user = settings.value("last_user", "") if user is None else user
    value = settings.value(_user_key(str(user)))
    return value if value in LANGUAGES else None


def start_language(chosen: str | None = None) -> str:
    """The language to start in: `chosen` (--lang), else the last signed-in user's choice, else the PC's locale."""
    if chosen in LANGUAGES:
        return chosen
    return saved_language() or system_language()


def save_language(user: str, lang: str) -> None:
    """Remember `user`'s choice (applied from their next start)."""
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}")
    settings = _settings()
    settings.setValue(_user_key(user), lang)
    settings.sync()


def saved_print_language(user: str) -> str | None:
    """The printout language `user` chose; None: automatic (reports.texts.default_print_language)."""
    value = _settings().value(f"users/{user or '_'}/print_language")
    return value if value in LANGUAGES else None


def save_print_language(user: str, lang: str | None) -> None:
    """Remember `user`'s printout language (None: automatic)."""
    settings = _settings()
    settings.setValue(f"users/{user or '_'}/print_language", lang or "auto")
    settings.sync()


def remember_signed_in(user: str) -> None:
    """`user` signed in: the next start opens in their language."""
    settings = _settings()
    settings.setValue("last_user", user)
    settings.sync()


def install_language_menu(window: QMainWindow) -> QMenu:
    """File → Language (언어): one checkable entry per language; a choice is saved for the signed-in user and
    applies at the next start."""
    menus = [action.menu() for action in window.menuBar().actions() if action.menu() is not None]
    host = menus[0] if menus else window.menuBar()
    menu = QMenu(_tr("&Language"), window)
    menu.setObjectName("languageMenu")
    group = QActionGroup(menu)
    user = getattr(window, "user", "")
    current = (saved_language(user) if user else None) or running_language()
    for lang, name in LANGUAGE_NAMES.items():
        action = QAction(name, menu, checkable=True, checked=lang == current)
        action.setData(lang)
        action.triggered.connect(lambda _checked=False, chosen=lang: _choose(window, chosen))
        group.addAction(action)
        menu.addAction(action)
    last = host.actions()[-1] if isinstance(host, QMenu) and host.actions() else None
    if last is not None:  # above Quit
        host.insertMenu(last, menu)
        host.insertSeparator(last)
    else:
        host.addMenu(menu)
    window.language_menu = menu
    return menu


def _choose(window: QMainWindow, lang: str) -> None:
    user = getattr(window, "user", "") or ""
    save_language(user, lang)
    if user:
        remember_signed_in(user)
    if lang == running_language():
        return
    QMessageBox.information(
        window, _tr("Language"),
        _tr("TrialDesk will open in {0} at the next start.").format(LANGUAGE_NAMES[lang])
        + "\n" + Catalog.load(lang).text("TrialDesk will open in {0} at the next start.").format(LANGUAGE_NAMES[lang]),
    )


def data_text(text: str) -> str:
    """A message from below the UI (a validation rule of endpoints/ or models/, English) in the window's language
    when the catalogue has it (scripts/translations.py lists those rules' message tables for pyside6-lupdate)."""
    return QApplication.translate("data", text)


def clipped_width(widget: QLabel | QPushButton | QCheckBox | QRadioButton) -> tuple[int, int] | None:
    """(needed, available) width in pixels when the widget's one-line text does not fit, else None. Word-wrapped
    and rich-text labels lay their text out themselves and are not measured."""
    text = widget.text()
    if not text:
        return None
    if isinstance(widget, QLabel) and (widget.wordWrap() or widget.textFormat() == Qt.TextFormat.RichText
                                       or ("<" in text and widget.textFormat() != Qt.TextFormat.PlainText)):
        return None
    needed = max(widget.fontMetrics().horizontalAdvance(line.replace("&", "")) for line in text.split("\n"))
    style = widget.style()
    if isinstance(widget, QLabel):
        available = widget.contentsRect().width() - 2 * widget.margin()
    elif isinstance(widget, QPushButton):
        available = widget.width() - style.pixelMetric(QStyle.PixelMetric.PM_ButtonMargin)
        if not widget.icon().isNull():
            available -= widget.iconSize().width() + 4
    else:
        available = widget.width() - style.pixelMetric(QStyle.PixelMetric.PM_IndicatorWidth) \
            - style.pixelMetric(QStyle.PixelMetric.PM_CheckBoxLabelSpacing)
    return (needed, available) if needed > available else None


ENGLISH_WORD = re.compile(r"[A-Za-z]{4,}")
# Words a Korean screen keeps in English: clinical names (glossary), units, key names, the product's name.
KEPT_IN_ENGLISH = frozenset({"SLEDAI", "BILAG", "UPCR", "eGFR", "CTCAE", "LLDAS", "dsDNA", "mmHg", "TrialDesk", "DEMO",
                             "cells", "Enter", "Ctrl", "Shift", "iCalendar", "Excel", "CDISC", "JSON", "Dataset",
                             "SQLite", "XLSX", "Python"})


def label_problems(window: QWidget, kept: frozenset[str] = frozenset()) -> list[str]:
    """What a translated screen gets wrong: visible labels, buttons and check boxes whose text is clipped, and, when
    the window runs in Korean, texts with an English word (other than those `kept`: names, units, typed data; and
    but for widgets marked with the "englishData" property, e.g. the endpoints' reasons)."""
    found = []
    for widget in window.findChildren(QWidget):
        if not widget.isVisible() or not isinstance(widget, (QLabel, QPushButton, QCheckBox, QRadioButton)):
            continue
        size = clipped_width(widget)
        if size is not None:
            found.append(f"clipped: {type(widget).__name__} {widget.text()!r} needs {size[0]} px, has {size[1]}")
        words = ENGLISH_WORD.findall(re.sub(r"<[^>]*>|/\S+|\S*_\S*", " ", widget.text()))  # no markup, paths, ids
        english = set(words) - KEPT_IN_ENGLISH - kept
        if running_language() == "ko" and english and not widget.property("englishData"):
            found.append(f"English: {type(widget).__name__} {widget.text().replace(chr(10), ' ')!r}")
    return found


def _tr(text: str) -> str:
    return QApplication.translate("i18n", text)
