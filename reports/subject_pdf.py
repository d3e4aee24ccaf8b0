"""Subject casebook PDF (A4 portrait): cover, infusions, schedule, visit data, logs, events, endpoints, plots,
queries and source verification, audit trail, signature. The same story is used alone (`write_subject_pdf`,
`build_subject_pdf`) and inside a binder.

Evaluation happens once per subject (`prepare_subject`): the engine's context and results, and the plots'
data (reports.plot_spec, which the screen's figures draw too), so print shows exactly what the screen shows for
the same as-of date; the plots print as vector drawings at their printed width (reports.plot_drawing).
Bookmarks nest subject → section → visit (or query group, audit group) → form; each is recorded by the heading
it names.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, PageBreak, Spacer

from endpoints.dossier import Dossier
from endpoints.evaluate import evaluate_context
from endpoints.params import ProtocolParams
from endpoints.results import SubjectResults
from endpoints.timeline import EvaluationContext, build_context
from reports import labels
from reports import subject_sections as sec
from reports.casebook_sections import audit_section, queries_section
from reports.document import FRAME_W, Checkpoint, Furniture, Heading, TrialDoc, format_db_changed, write_atomically
from reports.endpoint_table import endpoint_section
from reports.extras import RegistryExtras
from reports.fonts import para_text
from reports.marks import Marks
from reports.plot_drawing import drawing
from reports.plot_spec import FigureSpec, subject_specs
from reports.styles import p, styles
from reports.texts import printing_in, tr


@dataclass(frozen=True)
class SubjectPrint:
    """Everything printed for one subject: the engine's context and results, registry extras, the plots as
    (title, figure data)."""

    ctx: EvaluationContext
    results: SubjectResults
    extras: RegistryExtras = field(default_factory=RegistryExtras)
    plots: tuple[tuple[str, FigureSpec], ...] = ()

    @property
    def subject_id(self) -> str:
        return self.ctx.dossier.subject.id


def prepare_subject(dossier: Dossier, params: ProtocolParams, as_of: date | None = None,
                    extras: RegistryExtras | None = None) -> SubjectPrint:
    """Evaluate one subject once: context, all endpoints and the data of its plots."""
    ctx = build_context(dossier, params, as_of)
    tl = ctx.timeline
    results = SubjectResults(dossier.subject.id, dossier.subject.subgroup, tl.as_of, tl.day0, evaluate_context(ctx))
    return SubjectPrint(ctx, results, extras or RegistryExtras(), tuple(subject_specs(ctx)))


def _plot(plot: tuple[str, FigureSpec]) -> Flowable:
    return drawing(plot[1], FRAME_W)


# (key, title) of the sections, in print order.
SECTIONS: tuple[tuple[str, str], ...] = (
    ("cover", "Cover"),
    ("infusions", "Infusion record"),
    ("schedule", "Visit schedule"),
    ("visits", "Visit data"),
    ("steroids", "Corticosteroids"),
    ("medications", "Concomitant medications"),
    ("events", "Hospitalisations, dialysis, declared flares"),
    ("aes", "Adverse events"),
    ("endpoints", "Endpoints"),
    ("plots", "Plots"),
    ("queries", "Queries and source verification"),
    ("audit", "Audit trail"),
    ("signature", "Investigator signature"),
)


def subject_key(subject_id: str) -> str:
    """Bookmark key of a subject's first page."""
    return f"s-{subject_id}"


def subject_label(sp: SubjectPrint) -> str:
    """The header's right-hand label on a subject's pages: subject and status."""
    subject = sp.ctx.dossier.subject
    return tr("Subject {0} · {1}").format(subject.id, tr(labels.SUBJECT_STATUS.get(subject.status, subject.status)))


def subject_story(sp: SubjectPrint, study: Mapping[str, str], *, step: int = 0) -> list[Flowable]:
    """The flowables of one subject; its cover heading is bookmark `subject_key(id)` (for a table of contents).

    Checkpoints (progress report + cancellation check) sit between sections: `step` subjects are laid out
    before this one, `step + 1` after it.
    """
    st = styles()
    sid = sp.subject_id
    subgroup = sp.ctx.dossier.subject.subgroup
    marks = Marks(sp.extras.records)
    out: list[Flowable] = [Heading(para_text(tr("Subject casebook: {0} ({1})").format(sid, subgroup)), st.title,
                                   subject_key(sid), f"{sid} ({subgroup})", 0, label=subject_label(sp), group=sid)]
    for key, title in SECTIONS:
        name = tr(title)
        out.append(Checkpoint(step, f"{sid}: {name}"))
        if key not in ("cover", "infusions"):
            out.append(CondPageBreak((90 if key == "visits" else 40) * mm))
        heading = Heading(para_text(name), st.h1, f"{subject_key(sid)}-{key}", name, 1)
        body = _section_body(key, sp, study, marks)
        if key == "cover":
            out += [heading] + body + [PageBreak()]
        else:
            out += [KeepTogether([heading, body[0]])] + body[1:] + [Spacer(1, 4 * mm)]
    out.append(Checkpoint(step + 1, f"{sid}: done"))
    return out


def _visit_blocks(sp: SubjectPrint, marks: Marks) -> list[Flowable]:
    ctx = sp.ctx
    key = f"{subject_key(sp.subject_id)}-visit"
    blocks: list[Flowable] = []
    for i, v in enumerate(v for v in sec.performed_visits(ctx) if v.date is not None):
        blocks += sec.visit_block(ctx, v, sp.extras, marks, f"{key}{i}")
    return blocks


def _section_body(key: str, sp: SubjectPrint, study: Mapping[str, str], marks: Marks) -> list[Flowable]:
    ctx = sp.ctx
    st = styles()
    if key == "cover":
        return sec.cover(ctx, study, sp.extras)
    if key == "infusions":
        return sec.infusions(ctx, sp.extras)
    if key == "schedule":
        return sec.visit_schedule(ctx, sp.extras)
    if key == "visits":
        blocks = _visit_blocks(sp, marks)
        note = p(tr("* Values are in the canonical unit; \"As entered\" shows a value typed in another unit. Reference "
                    "ranges are display-only (typical adult ranges), used for the H/L flags. ⚑ Qn: under query n; "
                    "✓: source-verified."), st.small)
        return [note] + blocks if blocks else [p(tr("No visit performed as of the date shown."))]
    if key == "steroids":
        dose = [_plot(plot) for plot in sp.plots[:1]]
        return sec.steroid_log(ctx) + [Spacer(1, 3 * mm)] + dose
    if key == "medications":
        return sec.medications(ctx)
    if key == "events":
        return sec.other_events(ctx)
    if key == "aes":
        return sec.adverse_events(ctx, sp.extras, marks)
    if key == "endpoints":
        return endpoint_section(ctx, sp.results)
    if key == "plots":
        note = p(tr("The daily-dose plot is printed with the corticosteroid log."), st.small)
        images = [_plot(plot) for plot in sp.plots[1:]]
        if not images:
            return [note]
        return [KeepTogether([note, Spacer(1, 2 * mm), images[0]])] + [
            KeepTogether([Spacer(1, 4 * mm), img]) for img in images[1:]]
    if key == "queries":
        return queries_section(sp.extras.records, f"{subject_key(sp.subject_id)}-q")
    if key == "audit":
        return audit_section(sp.extras.records, f"{subject_key(sp.subject_id)}-a", sp.extras.places)
    if key == "signature":
        return sec.signature_block(sp.extras)
    raise KeyError(key)


def subject_furniture(study: Mapping[str, str], title: str, printed_on: date | None,
                      db_changed: datetime | date | str | None, as_of: date | None = None,
                      group_pages: bool = False, audit_head: str = "") -> Furniture:
    """Header/footer settings of a subject document."""
    return Furniture(study.get("protocol", ""), title, printed_on or date.today(),
                     format_db_changed(db_changed) or tr("unknown"), group_pages, study.get("site", ""), as_of,
                     audit_head=audit_head)


def write_subject_pdf(out_path: str | Path, sp: SubjectPrint, study: Mapping[str, str], *,
                      db_changed: datetime | date | str | None, printed_on: date | None = None,
                      audit_head: str = "", lang: str = "en") -> Path:
    """Write one prepared subject's casebook in `lang` to out_path (atomically); returns the path.

    study: the [study] table (protocol, title, site); db_changed: the database's last-change time, printed in
    every header with the as-of date (None prints "unknown"); printed_on: the print date (default today);
    audit_head: the audit trail's head as printed (reports.source.printed_head), in every footer.
    """
    with printing_in(lang):
        furniture = subject_furniture(study, tr("Subject casebook"), printed_on, db_changed, sp.ctx.timeline.as_of,
                                      audit_head=audit_head)

    def write(temp: str) -> None:
        with printing_in(lang):
            TrialDoc(temp, furniture).build_story(subject_story(sp, study))

    return write_atomically(out_path, write)
