"""``python -m desktop``: start the wizard."""

import sys

from desktop.app import main

sys.exit(main())
