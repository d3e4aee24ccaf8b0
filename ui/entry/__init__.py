"""Data entry of visits: the visit list of a subject, the visit form in paper-CRF order with its sections, and
what every entry form shares (footer, read-only banner, drafts, save with a reason, queries beside fields)."""
