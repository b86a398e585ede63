"""PySide6 wizard: collects a commune's answers and shows what `reports` computes."""
