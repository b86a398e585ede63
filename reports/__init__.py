"""Pure-Python core of the tiers-lieux feasibility tool.

Model, knowledge base, analysis and note rendering. Never imports Qt: the desktop
wizard, the command line and the tests all call the same functions.
"""

__version__ = "0.1.0"
PROFILE_SUFFIX = ".tierslieu.json"  # the one spelling of a project file's suffix (light import)
