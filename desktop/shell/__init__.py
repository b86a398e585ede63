"""The application frame: main window, wizard, navigation, start-up, settings,
recovery, the shared page model (document) and the interface language."""
