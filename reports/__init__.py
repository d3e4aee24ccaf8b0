"""Print: subject casebooks, the binder, blank paper CRFs (reportlab), and the subject plots (their data in
reports.plot_spec; drawn by matplotlib on screen, as reportlab vector drawings in print).

Entry points for the UI and the command line (each writes to a temporary file beside `out_path` and moves it
into place only when complete; call them from a worker thread, not the GUI thread):

- `reports.source.build_subject_pdf(out_path, db, subject_id, *, as_of=None, printed_on=None)`
  one subject's casebook (data, queries and verification, audit trail) from an open
  `models.database.Database`, evaluated as of `as_of` (default today).
- `reports.binder.build_binder(out_path, subject_ids, db, *, as_of=None, printed_on=None,
  progress=None, cancelled=None)` several subjects (None = all, by ID) in one PDF; `progress(done, total, message)`
  is called as work advances, `cancelled()` is polled between subjects and sections and, when it returns
  True, the build stops with `reports.document.BuildCancelled` and leaves no file. Subjects are streamed one at
  a time (reports.pdf_stream): memory does not grow with their number.
- `reports.blank_crf.build_blank_crfs(out_path, params, study, *, visit_codes=None, printed_on=None,
  log_forms_too=True)` empty forms tailored per visit, then the log forms (pass `db.config.params`,
  `db.config.study`).
- Without a database: `reports.subject_pdf.prepare_subject(dossier, params, as_of)` then
  `write_subject_pdf(...)`, or `reports.binder.write_binder(...)` with a loader function.

Screen plots (issue 6): `reports.plots.plot_context(dossier, params, as_of)` once per subject, then
`dose_figure(ctx)`, `haematology_figure(ctx)`, `renal_figure(ctx)`, `activity_figure(ctx)` or
`subject_figures(ctx)`; each returns a matplotlib `Figure` (no pyplot) for `FigureCanvasQTAgg(fig)`. Print draws
the same `reports.plot_spec` figures with `reports.plot_drawing.drawing(spec, width)` and never loads matplotlib.
"""
