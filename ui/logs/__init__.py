"""The subject logs: steroid dosing, concomitant medications, adverse events, flares and outcomes (with death),
each as a table of saved rows and a row form."""
