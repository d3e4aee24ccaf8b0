"""The Help menu: the user guide (the bundled PDF in the UI's language, opened in the system's viewer), the keyboard
shortcuts (listed from the window's actions as they are when the list opens) and About (version, study
configuration, database and schema revision, Python/Qt, bundled fonts and libraries with their licences)."""
