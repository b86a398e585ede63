"""Data files shipped with the tool: knowledge base, communes, templates, fonts, translations.

Nothing here is code; `reports.paths` is the one module that knows where these files are.
"""
