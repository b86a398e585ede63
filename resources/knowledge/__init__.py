"""Knowledge base drawn from the 2017 field study (CSV + settings.json).

Read by reports.knowledge only.
"""
