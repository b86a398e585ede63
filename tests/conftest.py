"""Shared test set-up: headless Qt, and nothing written outside temporary folders."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
