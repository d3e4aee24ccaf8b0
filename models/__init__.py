"""Storage: the study database (SQLAlchemy 2.x over SQLite, Alembic migrations) and its one audited write path.

Public API (plain dataclasses out; no ORM object needs to leave this package):
- models.database: open_database(path, *, config_path=None, create=True) -> Database; Database.read(),
  Database.write(user, reason) (the audited unit of work), Database.config (StudyConfig), Database.close().
- models.paths: default_database_path(), demo_database_path().
- models.subjects: list_subjects, get_subject, save_subject, validate_subject, status_history and their
  SubjectInput / SubjectRow / SubjectRecord / StatusEntry dataclasses.
- models.dossier_store: load_dossier(db, subject_id, as_of), import_dossier(db, dossier, *, user, replace_reason).
- models.schedule_store: load_schedule(db, subject_id, today) (calendar with statuses, infusions, schedule
  changes), save_infusion / validate_infusion, record_visit_date, declare_missed, due_and_overdue and
  visits_between (all subjects, one SQL statement); the arithmetic is endpoints.visit_status.
- models.status_store: load_status_facts(db, subject_ids=None) (every fact of the status ladder in a fixed
  number of statements), load_study_status(db, as_of, subject_ids=None); the ladder is endpoints.visit_ladder.
- models.demo: synthetic_dossier(...), write_demo_database(path, n_subjects=10, seed=1).
- models.errors: DatabaseError, ReasonRequired, ValidationError, SubjectNotFound, StudyConfigError.
- Who may do what (issue 8): models.security (roles, Actor, PermissionDenied; Database.sign_in(actor) makes every
  write run as that user), models.users (argon2 accounts, lock-out), models.signatures, models.locks,
  models.queries (queries and SDV marks), models.audit_chain (hash chain, verify_audit_chain), models.audit_trail
  (viewer filters), models.backup (online-backup copies, restore), models.integrity (quick_check),
  models.instance_lock (one TrialDesk per database), models.settings (site settings such as the idle sign-out
  time; administrators, audited).
- Tamper evidence: models.write_gate (SQLite authorizer: writes only inside the audited flush), models.anchor
  (audit heads outside the file; footer_head for printed footers), models.reconcile (data vs the replayed trail),
  models.verify (the whole check behind `main.py verify`), models.readonly (read-only media),
  models.dossier_rules (the form rules an imported dossier must pass).
"""
