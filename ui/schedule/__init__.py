"""The schedule: the home screen (what needs doing), the month calendar, a subject's schedule and timeline
tabs, the infusion and visit-outcome dialogs."""
