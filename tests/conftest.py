"""Shared test set-up: headless Qt, and nothing written outside temporary folders."""

import os
import tempfile

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# The wizard's default folder (Documents/Tiers-lieux) is created on first use: not in the
# real home during tests.
os.environ.setdefault("TIERSLIEU_DOCUMENTS_DIR", tempfile.mkdtemp(prefix="tierslieu-docs-"))
