"""Data of the analysis engine: parameters and the French text catalogue (no code)."""
