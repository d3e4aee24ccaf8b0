"""The printed binder: many subjects in one PDF with a table of contents, bookmarks and page labels.

The binder streams subject by subject: each subject is loaded, laid out as its own PDF in a temporary folder,
copied into the binder (reports.pdf_stream) and forgotten, so memory does not grow with the number of
subjects. The contents pages are laid out first with placeholder page numbers (to know how many pages they
take), and again at the end with the real ones, and placed first. Each subject starts on an odd page (a blank,
labelled page ends a subject with an odd page count) so the duplex printout can be split into one physical
binder per subject; the footer counts pages per subject and gives the binder page and the audit trail's head.
Long work reports progress and can be cancelled between subjects and sections; the file is written to a
temporary name in the target folder and moved into place only when complete.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from models.anchor import AuditHead
from reports import labels
from reports.document import (
    Anchor,
    BuildCancelled,
    Cancelled,
    OddPageBreak,
    PageSlot,
    Progress,
    TrialDoc,
    write_atomically,
)
from reports.labels import fmt_date
from reports.pdf_stream import PdfStream
from reports.source import database_last_change, load_subject_print, printed_head, read_audit_head
from reports.styles import data_table, p, styles
from reports.subject_pdf import SubjectPrint, subject_furniture, subject_key, subject_story
from reports.texts import printing_in, tr


def _contents(study: Mapping[str, str], subjects: Sequence[tuple[str, str, str, str]], as_of: date) -> list[Flowable]:
    """The contents pages: one row per (subject ID, subgroup, initials, status) with its first binder page."""
    st = styles()
    rows = []
    for sid, subgroup, initials, status in subjects:
        rows.append([p(sid, st.cell_bold), p(labels.SUBGROUP_NAMES.get(subgroup, subgroup)), p(initials),
                     p(tr(labels.SUBJECT_STATUS.get(status, status))), PageSlot(subject_key(sid), 9)])
    table = data_table([tr("Subject"), tr("Subgroup"), tr("Initials"), tr("Status"), tr("Page")], rows,
                       [30 * mm, 60 * mm, 25 * mm, 45 * mm, 20 * mm])
    n = len(subjects)
    return [
        Anchor("contents", tr("Contents"), 0, label=tr("Binder contents"), group=tr("Contents")),
        Spacer(1, 6 * mm),
        p(study.get("protocol", ""), st.title),
        p(study.get("title", ""), st.subtitle),
        p(study.get("site", ""), st.subtitle),
        Spacer(1, 6 * mm),
        p(tr("Subject binder — {0} subject(s), data as of {1}").format(n, fmt_date(as_of)), st.h1),
        p(tr("Each subject starts on an odd page (blank pages are marked). Page numbers are binder pages."), st.small),
        Spacer(1, 4 * mm),
        table,
        OddPageBreak(),
    ]


def write_binder(
    out_path: str | Path,
    subjects: Sequence[str],
    load: Callable[[str], SubjectPrint],
    study: Mapping[str, str],
    *,
    as_of: date,
    db_changed: datetime | date | str | None,
    printed_on: date | None = None,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    rows: Sequence[tuple[str, str, str, str]] | None = None,
    audit_head: str = "",
    lang: str = "en",
) -> Path:
    """Write a binder of `subjects` (IDs, in order) in `lang` to out_path; `load(id)` prepares one subject.

    rows: the contents rows (subject ID, subgroup, initials, status) in the same order, when known before
    loading (default: read from each prepared subject, which then costs a first pass of loading); audit_head:
    the audit trail's head as printed (reports.source.printed_head), in every footer.
    progress(done, total, message) is called after each subject is prepared and as each subject is laid out
    (total = 2 × subjects + 1; the last step is saving); cancelled() is checked before each subject and between
    sections and raises BuildCancelled when true. Nothing is left at out_path (or beside it) unless complete.
    """
    n = len(subjects)
    total = 2 * n + 1
    with printing_in(lang):
        furniture = subject_furniture(study, tr("Subject binder"), printed_on, db_changed, as_of, group_pages=True,
                                      audit_head=audit_head)

    def write(temp: str) -> None:
        with printing_in(lang):
            _write_parts(temp)

    def _write_parts(temp: str) -> None:
        contents_rows = list(rows) if rows is not None else [_row(load(sid)) for sid in subjects]
        with tempfile.TemporaryDirectory(prefix="trialdesk-binder-") as work:
            folder = Path(work)
            placeholder = {subject_key(sid): 9999 for sid in subjects}
            contents_pages = TrialDoc(str(folder / "contents.pdf"), furniture, page_numbers=placeholder).build_story(
                _contents(study, contents_rows, as_of))
            out = PdfStream(temp, f"{study.get('protocol', '')} — Subject binder")
            try:
                first_pages: dict[str, int] = {}
                offset = contents_pages
                for i, sid in enumerate(subjects):
                    if cancelled is not None and cancelled():
                        raise BuildCancelled(f"cancelled before {sid}")
                    sp = load(sid)
                    if progress is not None:
                        progress(2 * i + 1, total, f"Prepared {sid}")
                    part = folder / "subject.pdf"
                    doc = TrialDoc(str(part), replace(furniture, page_offset=offset), cancelled=cancelled,
                                   progress=progress)
                    doc.progress_base, doc.progress_total = 2 * i + 1, total
                    doc.build_story(subject_story(sp, study, step=0) + [OddPageBreak()])
                    first_pages[subject_key(sid)] = offset + 1
                    offset += out.add_part(part, i + 1, label_prefix=f"{sid}-")
                TrialDoc(str(folder / "contents.pdf"), furniture, page_numbers=first_pages).build_story(
                    _contents(study, contents_rows, as_of))
                out.add_part(folder / "contents.pdf", 0, label_style="r")
                out.finish()
            except BaseException:
                out.close()
                raise
        if progress is not None:
            progress(total, total, "Binder written")

    return write_atomically(out_path, write)


def _row(sp: SubjectPrint) -> tuple[str, str, str, str]:
    subject = sp.ctx.dossier.subject
    return subject.id, subject.subgroup, subject.initials or "", subject.status


def build_binder(
    out_path: str | Path,
    subject_ids: Sequence[str] | None,
    db,
    *,
    as_of: date | None = None,
    printed_on: date | None = None,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    head: AuditHead | None = None,
    lang: str = "en",
) -> Path:
    """Print a binder in `lang` from an open database (models.database.Database); returns the path written.

    subject_ids: the subjects in print order (None = every subject, by subject ID); as_of: evaluation and
    data cut date (default today); printed_on: footer print date (default today); progress(done, total,
    message) and cancelled() as in `write_binder` (call them from a worker thread's loop in the UI); head: the
    audit head printed in the footers (read before anything is printed, default: read now; pass it to anchor
    the same head after printing).
    Raises BuildCancelled when cancelled; no file is left behind.
    """
    from models.subjects import list_subjects

    when = as_of or date.today()
    head = head or read_audit_head(db)
    listed = {row.subject_id: row for row in list_subjects(db)}
    ids = list(subject_ids) if subject_ids is not None else sorted(listed)
    rows = [(sid, listed[sid].subgroup, listed[sid].initials or "", listed[sid].status) if sid in listed
            else (sid, "", "", "") for sid in ids]
    with printing_in(lang):
        footer = printed_head(head)
    return write_binder(
        out_path, ids, lambda sid: load_subject_print(db, sid, when), db.config.study, as_of=when,
        db_changed=database_last_change(db), printed_on=printed_on, progress=progress, cancelled=cancelled, rows=rows,
        audit_head=footer, lang=lang,
    )
