"""The subjects: the list (filtered, searched), one subject's page (demographics, status history, its tabs),
and the registration form to register or edit a subject."""
