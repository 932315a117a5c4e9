"""Load the translation of the window's text for the system's language, if Gloss has one.

Translations are Qt `.qm` files in `resources/translations/` named `gloss_<locale>.qm`
(`gloss_de.qm`, `gloss_pt_BR.qm`); `packaging/update_translations.py` makes the `.ts`
template and builds them. No file for the language means English, without a word.
Qt's own strings (standard dialog buttons, the text field's context menu) come from the
`qtbase_*.qm` files PySide6 ships, when it ships one for the language.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from ..paths import resources_dir

PREFIX = "gloss"


def translations_dir() -> Path:
    return resources_dir() / "translations"


def install_translations(
    app: QCoreApplication, locale: QLocale | None = None, folder: Path | None = None
) -> list[QTranslator]:
    """Install Gloss's and Qt's translators for `locale` (the system's by default).

    Returns the translators installed (parented to `app`, so they live as long as it does).
    """
    locale = locale if locale is not None else QLocale.system()
    folder = folder if folder is not None else translations_dir()
    installed: list[QTranslator] = []
    sources = (
        (PREFIX, str(folder)),
        ("qtbase", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)),
    )
    for prefix, directory in sources:
        translator = QTranslator(app)
        # QTranslator.load tries the locale's UI languages in order (de_AT, then de), so a
        # translation for the language serves every country that speaks it.
        if (
            directory
            and translator.load(locale, prefix, "_", directory)
            and (app.installTranslator(translator))
        ):
            installed.append(translator)
        else:
            translator.deleteLater()
    return installed
