"""Where every subject stands: the visit grid (subjects × the protocol's visits and logs, each cell its status
ladder word and icon, date and queries) and the study's operational view (enrolment, visits, forms, queries,
signatures, source verification), both over the one aggregated read of `models.status_store`."""
