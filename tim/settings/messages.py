"""Just enough settings to make and compile translation files without starting any server."""

from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent.parent
SECRET_KEY = "messages-only"
USE_I18N = True
LOCALE_PATHS = [BASE_DIR / "locale"]
INSTALLED_APPS = []
