"""Knowledge base drawn from the 2017 field study (CSV + settings.json); read by reports.knowledge."""
