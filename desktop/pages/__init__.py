"""One module per wizard page; every page edits the shared `ProjectDocument`."""
