"""Who may do what, and the record of it: users and accounts, passwords, electronic signatures, locks, queries
(and the home-screen panels that list them), the audit-trail viewer, backups."""
