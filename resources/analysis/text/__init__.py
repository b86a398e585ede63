"""The analysis engine's French sentences, one TOML file per module (no code)."""
