"""TrialDesk's screens, one subpackage per thing a coordinator sees (shell, subjects, entry, logs, schedule,
results, trust, printing, exchange, help) over shared widgets; `app` starts it all, `host` is what features may use
of the window."""
