"""Aide › Guide and Aide › Glossaire: offline help in French and English."""
