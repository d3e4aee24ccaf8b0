"""The sections of the visit form, in paper-CRF order (each a group box with raw texts for drafts)."""
