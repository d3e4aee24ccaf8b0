"""The printed binder: many subjects in one PDF with a table of contents and bookmarks.

Each subject starts on an odd page (a blank, labelled page is inserted when needed) so the duplex printout
can be split into one physical binder per subject; the footer counts pages per subject and in the binder.
Long work reports progress and can be cancelled between subjects and sections; the file is written to a
temporary name in the target folder and moved into place only when complete.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import date, datetime
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

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
from reports.styles import data_table, p, styles
from reports.subject_pdf import SubjectPrint, subject_furniture, subject_key, subject_story


def _contents(study: Mapping[str, str], prepared: Sequence[SubjectPrint], as_of: date) -> list[Flowable]:
    st = styles()
    rows = []
    for sp in prepared:
        subject = sp.ctx.dossier.subject
        rows.append([p(subject.id, st.cell_bold), p(labels.SUBGROUP_NAMES.get(subject.subgroup, subject.subgroup)),
                     p(subject.initials or ""), p(subject.status.replace("_", " ")), PageSlot(subject_key(subject.id),
                                                                                               9)])
    table = data_table(["Subject", "Subgroup", "Initials", "Status", "Page"], rows,
                       [30 * mm, 60 * mm, 25 * mm, 45 * mm, 20 * mm])
    n = len(prepared)
    return [
        Anchor("contents", "Contents", 0, label="Binder contents", group="Contents"),
        Spacer(1, 6 * mm),
        p(study.get("protocol", ""), st.title),
        p(study.get("title", ""), st.subtitle),
        p(study.get("site", ""), st.subtitle),
        Spacer(1, 6 * mm),
        p(f"Subject binder — {n} subject{'s' if n != 1 else ''}, data as of {fmt_date(as_of)}", st.h1),
        p("Each subject starts on an odd page (blank pages are marked). Page numbers are binder pages.", st.small),
        Spacer(1, 4 * mm),
        table,
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
) -> Path:
    """Write a binder of `subjects` (IDs, in order) to out_path; `load(id)` prepares one subject.

    progress(done, total, message) is called after each subject is prepared and as each subject is laid out
    (total = 2 × subjects + 1; the last step is saving); cancelled() is checked before each subject and between
    sections and raises BuildCancelled when true. Nothing is left at out_path (or beside it) unless complete.
    """
    n = len(subjects)
    total = 2 * n + 1
    furniture = subject_furniture(study, "Subject binder", printed_on, db_changed, group_pages=True)

    def write(temp: str) -> None:
        prepared: list[SubjectPrint] = []
        for i, sid in enumerate(subjects):
            if cancelled is not None and cancelled():
                raise BuildCancelled(f"cancelled before {sid}")
            prepared.append(load(sid))
            if progress is not None:
                progress(i + 1, total, f"Prepared {sid}")
        story: list[Flowable] = _contents(study, prepared, as_of)
        for i, sp in enumerate(prepared):
            story += [OddPageBreak()] + subject_story(sp, study, step=i)
        doc = TrialDoc(temp, furniture, cancelled=cancelled, progress=progress)
        doc.progress_base, doc.progress_total = n, total
        doc.build_story(story)
        if progress is not None:
            progress(total, total, "Binder written")

    return write_atomically(out_path, write)


def build_binder(
    out_path: str | Path,
    subject_ids: Sequence[str] | None,
    db,
    *,
    as_of: date | None = None,
    printed_on: date | None = None,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> Path:
    """Print a binder from an open database (models.database.Database); returns the path written.

    subject_ids: the subjects in print order (None = every subject, by subject ID); as_of: evaluation and
    data cut date (default today); printed_on: footer print date (default today); progress(done, total,
    message) and cancelled() as in `write_binder` (call them from a worker thread's loop in the UI).
    Raises BuildCancelled when cancelled; no file is left behind.
    """
    from models.subjects import list_subjects
    from reports.source import database_last_change, load_subject_print

    when = as_of or date.today()
    ids = list(subject_ids) if subject_ids is not None else [row.subject_id for row in list_subjects(db)]
    return write_binder(
        out_path, ids, lambda sid: load_subject_print(db, sid, when), db.config.study, as_of=when,
        db_changed=database_last_change(db), printed_on=printed_on, progress=progress, cancelled=cancelled,
    )
