"""Section builders of the subject summary: cover, infusions, visit schedule, visit data, logs, events.

Each function returns flowables for one section from the dossier and the engine's evaluation context (the
timeline knows study days, windows and baselines; the steroid table knows which log rows count). Nothing
clinical is decided here: values are shown, windows and doses come from `endpoints`.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table, TableStyle

from endpoints import egfr, sledai, units, vocab
from endpoints import visit_status as vs
from endpoints.dossier import SteroidRow, Visit
from endpoints.formatting import format_cells
from endpoints.steroids import NON_SLE_INDICATIONS
from endpoints.timeline import EvaluationContext
from models.casebook_store import LockRecord, VisitRecord
from models.signatures import local_time
from reports import labels
from reports.document import FRAME_W, Heading
from reports.extras import RegistryExtras
from reports.fonts import para_text
from reports.form_labels import log_header
from reports.labels import fmt_date, fmt_num, yes_no
from reports.marks import Marks
from reports.reference_ranges import EGFR_RANGE, flag, reference_range
from reports.styles import (
    FLAG_BG,
    FONT_BOLD,
    HEAD_BG,
    RULE,
    base_table_style,
    data_table,
    fast_cell,
    key_value_table,
    p,
    pm,
    styles,
)
from reports.texts import tr

VISITS_TABLE = "visits"
ADMINISTRATION_HEADERS = ("Infusion", "Lot", "Start – end, weighing", "Before", "After", "Reaction", "Part given")
SCHEDULE_DATES = {"planned": "Infusion {0} planned date", "actual": "Infusion {0} actual date"}
INFUSION_2_ANCHORS = {"planned": "Visits after infusion 2 are anchored on its planned day ({0}).",
                      "nominal": "Visits after infusion 2 are anchored on its nominal day ({0})."}
# A visit's status on the ladder (endpoints.visit_ladder) as printed in its heading.
LADDER_WORDS = {"not_due": "not due", "due": "due", "overdue": "overdue", "missed": "missed",
                "incomplete": "incomplete", "complete": "complete", "verified": "verified", "signed": "signed",
                "locked": "locked", "not_applicable": "not applicable"}


def _day_text(ctx: EvaluationContext, when: date | None) -> str:
    if when is None or ctx.timeline.day0 is None:
        return "—"
    return str(ctx.timeline.study_day(when))


def cover(ctx: EvaluationContext, study: Mapping[str, str], extras: RegistryExtras) -> list[Flowable]:
    """Cover page: protocol, site, subject identity, key dates, status."""
    st = styles()
    d, tl = ctx.dossier, ctx.timeline
    s = d.subject
    rows: list[tuple[str, object]] = [
        (tr("Subject ID"), s.id),
        (tr("Subgroup"), tr(labels.SUBGROUP_NAMES.get(s.subgroup, s.subgroup))),
        (tr("Initials"), s.initials or "—"),
        (tr("Screening number"), extras.screening_number or "—"),
        (tr("Sex / birth date"), f"{s.sex} / {fmt_date(s.birth_date)}"),
        (tr("Informed consent"), fmt_date(s.consent_date)),
        (tr("Enrolment (infusion 1, day 0)"), fmt_date(extras.enrolment_date or tl.day0)),
        (tr("Status"), tr(labels.SUBJECT_STATUS.get(s.status, s.status))),
    ]
    if s.withdrawal_date:
        reason = f" — {extras.withdrawal_reason}" if extras.withdrawal_reason else ""
        rows.append((tr("Withdrawal"),
                     f"{fmt_date(s.withdrawal_date)} (day {_day_text(ctx, s.withdrawal_date)}){reason}"))
    if s.death_date:
        cause = f" — {extras.death_cause}" if extras.death_cause else ""
        rows.append((tr("Death"), f"{fmt_date(s.death_date)} (day {_day_text(ctx, s.death_date)}){cause}"))
    rows.append((tr("Baseline weight"), f"{fmt_num(s.weight_kg, 1)} kg" if s.weight_kg is not None else "—"))
    as_of = f"{fmt_date(tl.as_of)}"
    if tl.as_of_day is not None:
        as_of += f" (study day {tl.as_of_day})"
    rows.append((tr("Data shown as of"), as_of))
    rows.append((tr("Lock status"), lock_status(extras)))
    rows.append((tr("Steroid log complete through"), fmt_date(tl.complete_through)))
    out: list[Flowable] = [
        p(study.get("protocol", ""), st.h2),
        p(study.get("title", ""), st.subtitle),
        p(study.get("site", ""), st.subtitle),
        Spacer(1, 4 * mm),
        key_value_table(rows, (60 * mm, FRAME_W - 60 * mm)),
    ]
    if extras.status_history:
        history = [[status.replace("_", " "), fmt_date(when), reason or ""]
                   for status, when, reason in extras.status_history]
        out += [p(tr("Status history"), st.h2),
                data_table([tr("Status"), tr("Effective"), tr("Reason")], history, [40 * mm, 30 * mm, 110 * mm])]
    if extras.notes:
        out += [p(tr("Notes"), st.h2), p(extras.notes, st.body)]
    locks = [lk for lk in extras.records.locks if lk.unlocked_at_utc is None]
    if locks:
        out += [p(tr("Locked"), st.h2), p("; ".join(
            tr("{0} locked by {1} {2}: {3}").format(_lock_scope(lk), lk.locked_by, local_time(lk.locked_at_utc),
                                                    lk.reason) for lk in locks), st.body)]
    out += [
        Spacer(1, 6 * mm),
        p(tr("Dates are YYYY-MM-DD. Study day 0 = infusion 1. Lab flags H/L use display-only reference ranges "
          "(reports/reference_ranges.py), not the site laboratory's. Endpoint statuses come from the "
          "TrialDesk endpoint engine as of the date above."), st.small),
    ]
    return out


def lock_status(extras: RegistryExtras) -> str:
    """Locks in force over the subject's data (database, subject or visits), or "not locked"."""
    active = [lk for lk in extras.records.locks if lk.unlocked_at_utc is None]
    if not active:
        return tr("not locked")
    return tr("{0} locked").format("; ".join(_lock_scope(lk) for lk in active))


def _lock_scope(lock: LockRecord) -> str:
    """What a lock covers: "whole database", "visit W4" or "subject"."""
    if lock.scope == "database":
        return tr("whole database")
    return tr("visit {0}").format(lock.visit_code) if lock.visit_id else tr("subject")


def _vitals(v: tuple[int | None, int | None, int | None, float | None]) -> str:
    systolic, diastolic, pulse, temperature = v
    parts = []
    if systolic is not None or diastolic is not None:
        parts.append(tr("BP {0}/{1} mmHg").format(systolic or "—", diastolic or "—"))
    if pulse is not None:
        parts.append(tr("pulse {0}/min").format(pulse))
    if temperature is not None:
        parts.append(f"{fmt_num(temperature, 1)} °C")
    return ", ".join(parts) or "—"


def infusions(ctx: EvaluationContext, extras: RegistryExtras | None = None) -> list[Flowable]:
    """Infusion record: planned and actual dates, study day, weight, dose, completion; then what was recorded at
    each infusion (lot, times, vital signs before and after, reaction, part given) and the schedule changes."""
    st = styles()
    rows = []
    for inf in sorted(ctx.dossier.infusions, key=lambda i: i.number):
        dose = format_cells(inf.dose_cells) if inf.dose_cells is not None else "—"
        rows.append([
            tr("Infusion {0}").format(inf.number), fmt_date(inf.planned_date), fmt_date(inf.date),
            _day_text(ctx, inf.date), fmt_num(inf.weight_kg, 1), dose, (inf.completion or "planned").replace("_", " "),
        ])
    if not rows:
        return [p(tr("No infusion recorded."))]
    header = [tr("Infusion"), tr("Planned"), tr("Actual date"), tr("Study day"), tr("Weight (kg)"),
              tr("Dose (cells)"), tr("Completion")]
    out: list[Flowable] = [data_table(header, rows, [22 * mm, 24 * mm, 26 * mm, 18 * mm, 22 * mm, 38 * mm, 30 * mm])]
    records = extras.records if extras is not None else None
    if records is not None and records.infusions:
        detail = []
        for r in records.infusions:
            given = "—"
            if r.fraction_given is not None:
                given = tr("{0} % given").format(f"{r.fraction_given * 100:.0f}")
            if r.not_given_reason:
                given = tr("not given: {0}").format(r.not_given_reason)
            reaction = "—" if r.reaction is None else (tr("Yes: {0}").format(r.reaction_text or tr("no description"))
                                                      if r.reaction else tr("No"))
            times = f"{r.start_time or '—'} – {r.end_time or '—'}"
            weighed = tr("weighed {0}").format(fmt_date(r.weight_date)) if r.weight_date else ""
            detail.append([tr("Infusion {0}").format(r.number), r.lot_number or "—",
                           "\n".join(filter(None, [times, weighed])), _vitals(r.pre_vitals), _vitals(r.post_vitals),
                           reaction, given])
        out += [Spacer(1, 2 * mm), p(tr("Administration"), st.h2), data_table(
            [tr(text) for text in ADMINISTRATION_HEADERS], detail,
            [19 * mm, 27 * mm, 26 * mm, 30 * mm, 30 * mm, 26 * mm, 22 * mm])]
    if records is not None and records.schedule_changes:
        changes = [[tr(SCHEDULE_DATES[c.field]).format(c.infusion_number),
                    f"{fmt_date(c.old_date)} → {fmt_date(c.new_date)}",
                    c.reason or "—", f"{c.changed_by}, {local_time(c.changed_at_utc)}"]
                   for c in records.schedule_changes]
        out += [Spacer(1, 2 * mm), p(tr("Schedule changes"), st.h2),
                data_table([tr("Change"), tr("Old → new"), tr("Reason"), tr("By, when")], changes,
                           [36 * mm, 44 * mm, 60 * mm, 40 * mm])]
    return out


def calendar(ctx: EvaluationContext) -> tuple[vs.Anchors | None, list[vs.ScheduledVisit]]:
    """The visit calendar as of the as-of date, from the shared calendar rules (endpoints.visit_status)."""
    d, as_of = ctx.dossier, ctx.timeline.as_of
    infusions = [vs.InfusionDates(i.number, i.planned_date, i.date if i.date and i.date <= as_of else None,
                                  i.completion if i.date and i.date <= as_of else None) for i in d.infusions]
    records: dict[str, vs.VisitRecord] = {}
    for v in d.visits:
        if v.code == "UNS" or v.code in records:
            continue
        if v.missed:
            records[v.code] = vs.VisitRecord(v.code, missed=True, missed_reason=v.reason)
        elif v.date is not None and v.date <= as_of:
            records[v.code] = vs.VisitRecord(v.code, v.date)
    s = d.subject
    end = vs.study_end(s.status, _upto(s.withdrawal_date, as_of), _upto(s.death_date, as_of), s.consent_date)
    return vs.anchors(infusions, ctx.params), vs.build_schedule(infusions, records, as_of, ctx.params, end)


def _upto(when: date | None, as_of: date) -> date | None:
    return when if when is not None and when <= as_of else None


def _status_text(ctx: EvaluationContext, v: vs.ScheduledVisit) -> tuple[str, bool]:
    """(printed status, needs attention) of one calendar visit."""
    if v.status == vs.DONE_OUT_OF_WINDOW:
        text = tr("OUT OF WINDOW ({0} d early)") if v.days_outside < 0 else tr("OUT OF WINDOW ({0} d late)")
        rejected = tr("; treated as missing") if ctx.params.reject_out_of_window else ""
        return text.format(abs(v.days_outside)) + rejected, True
    if v.status == vs.MISSED:
        return tr("missed") + (f": {v.missed_reason}" if v.missed_reason else ""), True
    if v.status == vs.OVERDUE:
        return tr("OVERDUE (window closed)"), True
    if v.status == vs.NOT_APPLICABLE:
        off = ctx.timeline.off_study_text() or ctx.dossier.subject.status.replace("_", " ")
        return tr("not applicable ({0})").format(off), False
    return {vs.DONE_IN_WINDOW: tr("done, in window"), vs.DUE: tr("due now (window open)"),
            vs.UPCOMING: tr("upcoming")}[v.status], False


def visit_schedule(ctx: EvaluationContext, extras: RegistryExtras | None = None) -> list[Flowable]:
    """Scheduled visits with target date, window, actual date and window status; unscheduled visits after; the
    reasons recorded for visits done outside their window."""
    st = styles()
    anchor, visits = calendar(ctx)
    if anchor is None:
        return [p(tr("No visit calendar yet: infusion 1 has no planned date."))]
    rows: list[list[object]] = []
    extra: list[tuple] = []
    for v in visits:
        status, warn = _status_text(ctx, v)
        if warn:
            extra.append(("BACKGROUND", (5, len(rows) + 1), (5, len(rows) + 1), FLAG_BG))
        actual = f"{fmt_date(v.actual_date)}  ({_day_text(ctx, v.actual_date)})" if v.actual_date else "—"
        w = v.window
        rows.append([v.code, tr(labels.VISIT_NAMES[v.code]), fmt_date(w.target),
                     f"{fmt_date(w.earliest)} – {fmt_date(w.latest)}", actual, status])
    for visit in performed_visits(ctx):
        if visit.code == "UNS":
            rows.append(["UNS", tr(labels.VISIT_NAMES["UNS"]), "—", "—",
                         f"{fmt_date(visit.date)}  ({_day_text(ctx, visit.date)})", tr("unscheduled")])
    header = [tr("Code"), tr("Visit"), tr("Target"), tr("Window"), tr("Actual (day)"), tr("Status")]
    out: list[Flowable] = [data_table(header, rows, [15 * mm, 38 * mm, 21 * mm, 41 * mm, 30 * mm, 35 * mm], extra)]
    notes = []
    if not anchor.day0_actual:
        notes.append(tr("Targets count from the planned date of infusion 1 ({0}); they move when it is given.")
                     .format(fmt_date(anchor.day0)))
    if anchor.i2_source != "actual":
        notes.append(tr(INFUSION_2_ANCHORS.get(anchor.i2_source, INFUSION_2_ANCHORS["nominal"]))
                     .format(anchor.i2_day))
    if notes:
        out += [Spacer(1, 1.5 * mm), p(" ".join(notes), st.small)]
    reasons = [f"{r.code} ({fmt_date(r.date)}): {r.window_comment}" for r in
               (extras.records.visits.values() if extras is not None else ()) if r.window_comment]
    if reasons:
        out += [Spacer(1, 1.5 * mm), p(tr("Reasons recorded for visit dates outside their window"), st.h3)]
        out += [p(line, st.body) for line in reasons]
    return out


def _lab_rows(ctx: EvaluationContext, v: Visit, when: date, record: VisitRecord | None,
              marks: Marks) -> tuple[list[list[object]], list[tuple]]:
    s = ctx.dossier.subject
    rows: list[list[object]] = []
    extra: list[tuple] = []
    rid = record.record_id if record is not None else None
    for key in vocab.NUMERIC_LAB_KEYS:
        value = getattr(v.labs, key)
        if value is None:
            continue
        name, unit, _ = labels.LABS[key]
        name = tr(name)
        rng = reference_range(key, s.sex)
        mark = flag(value, rng)
        if key in v.labs_not_attributable:
            name += " (not attributable to SLE)"
        if mark:
            extra.append(("BACKGROUND", (5, len(rows) + 1), (5, len(rows) + 1), FLAG_BG))
            extra.append(("FONTNAME", (5, len(rows) + 1), (5, len(rows) + 1), FONT_BOLD))
        rows.append([name, _as_entered(key, record), fmt_num(value, 3), unit, rng.text() if rng else "", mark,
                     marks.symbol(VISITS_TABLE, rid, key)])
        if key == "creatinine_mg_dl" and value > 0:
            gfr = egfr.egfr_on(value, s.sex, s.birth_date, when)
            mark = flag(gfr, EGFR_RANGE)
            if mark:
                extra.append(("BACKGROUND", (5, len(rows) + 1), (5, len(rows) + 1), FLAG_BG))
            rows.append([tr("eGFR (CKD-EPI 2021, computed)"), "", f"{gfr:.1f}", "mL/min/1.73m²", EGFR_RANGE.text(),
                         mark,
                         ""])
    if v.labs.urine_casts is not None:
        casts = ", ".join(tr(labels.CAST_NAMES.get(c, c)) for c in v.labs.urine_casts) or tr("none seen")
        extra.append(("SPAN", (1, len(rows) + 1), (4, len(rows) + 1)))
        rows.append([tr("Urine casts"), casts, "", "", "", "", marks.symbol(VISITS_TABLE, rid, "urine_casts")])
    return rows, extra


def _as_entered(key: str, record: VisitRecord | None) -> str:
    """The value as typed with its unit, when typed in another unit than the canonical one ("" otherwise)."""
    typed = record.labs.get(key) if record is not None else None
    if typed is None or typed.original_value is None or typed.original_unit in (None, units.canonical_unit(key).code):
        return ""
    try:
        label = units.unit(key, typed.original_unit).label
    except ValueError:
        label = typed.original_unit
    return f"{typed.original_value} {label}"


def _field_name(name: str) -> str:
    """A form field or section as printed: lab names from the lab table, else the words of the key."""
    return tr(labels.LABS[name][0]) if name in labels.LABS else name.replace("_", " ")


def _vitals_text(x: VisitRecord) -> str:
    return _vitals((x.systolic_bp_mmhg, x.diastolic_bp_mmhg, x.pulse_bpm, x.temperature_c)).replace("—", "")


def _clinical_rows(v: Visit, value_width: float, record: VisitRecord | None,
                   marks: Marks) -> list[tuple[str, object, str]]:
    """(label, value, marks) rows of the visit's clinical assessments."""
    st = styles()
    rid = record.record_id if record is not None else None

    def mark(*fields: str) -> str:
        return marks.symbol(VISITS_TABLE, rid, *fields)

    rows: list[tuple[str, object, str]] = [(tr("Visit date"), fmt_date(v.date), mark("date"))]
    if record is not None and record.entry_status == "incomplete":
        rows.append((tr("Entry"), pm(tr("<b>INCOMPLETE</b> (required fields missing)"), st.cell), ""))
    if v.weight_kg is not None:
        rows.append((tr("Weight"), f"{fmt_num(v.weight_kg, 1)} kg", mark("weight_kg")))
    if record is not None and _vitals_text(record):
        rows.append((tr("Vital signs"), _vitals_text(record),
                     mark("systolic_bp_mmhg", "diastolic_bp_mmhg", "pulse_bpm", "temperature_c")))
    if v.sledai:
        total = sledai.score(v.sledai)
        ticked = sledai.ticked(v.sledai)
        items = ", ".join(f"{tr(labels.SLEDAI_NAMES[k])} ({vocab.SLEDAI_WEIGHTS[k]})" for k in ticked) \
            or tr("none ticked")
        if total is None:
            missing = len(sledai.unanswered(v.sledai))
            head = tr("<b>incomplete</b> ({0} of 24 unanswered; partial sum {1})").format(
                missing, sledai.partial_sum(v.sledai))
        else:
            head = f"<b>{total}</b>"
        rows.append((tr("SLEDAI-2K"), pm(f"{head}<br/>{para_text(items)}", st.cell), mark("sledai")))
    if v.pga_tenths is not None:
        rows.append((tr("PGA (0–3)"), f"{v.pga_tenths / 10:.1f}", mark("pga_tenths", "pga")))
    if v.bilag:
        rows.append((tr("BILAG-2004"), _bilag_grid(v.bilag, value_width - 8), mark("bilag")))
    sfi = v.sfi
    if sfi.organ_new_worse or sfi.worse_thrombocytopenia is not None:
        organs = [tr(labels.SFI_ORGAN_NAMES[k]) for k in vocab.SFI_ORGANS if sfi.organ_new_worse.get(k)]
        text = tr("new/worse: {0}; worse thrombocytopenia: {1}").format(", ".join(organs) if organs else tr("none"),
                                                                       yes_no(sfi.worse_thrombocytopenia))
        rows.append(("SFI", text, mark("sfi_cns", "sfi_vasculitis", "sfi_nephritis", "sfi_myositis",
                                       "sfi_worse_thrombocytopenia", "sfi")))
    answers = [(q, getattr(v.lldas, q)) for q in vocab.LLDAS_QUESTIONS]
    if any(a is not None for _, a in answers):
        text = "<br/>".join(f"{para_text(tr(labels.LLDAS_SHORT[q]))}: <b>{yes_no(a)}</b>" for q, a in answers)
        rows.append(("LLDAS", pm(text, st.cell), mark(*(f"lldas_{q}" for q in vocab.LLDAS_QUESTIONS), "lldas")))
    if v.sediment_inactive is not None:
        rows.append((tr("Sediment inactive"), yes_no(v.sediment_inactive), mark("sediment_inactive")))
    if record is not None and record.not_done:
        rows.append((tr("Not done"), "; ".join(f"{_field_name(name)}: {reason or tr('no reason given')}"
                                           for name, reason in record.not_done), ""))
    if record is not None and record.window_comment:
        rows.append((tr("Out of window: reason"), record.window_comment, mark("window_comment")))
    if record is not None and record.comment:
        rows.append((tr("Comment"), record.comment, mark("comment")))
    if record is not None:
        for field_name, value, message, by, at in record.confirmations:
            rows.append((tr("Confirmed value"), tr("{0} = {1}: {2} (confirmed by {3} {4})").format(
                _field_name(field_name), value, message, by, local_time(at)), ""))
    return rows


def _bilag_grid(bilag: Mapping[str, str], width: float) -> Table:
    """The nine BILAG-2004 domains as a two-row grid: short domain name over its grade."""
    st = styles()
    keys = vocab.BILAG_DOMAINS
    data = [[labels.BILAG_SHORT[k] for k in keys], [bilag.get(k, "—") for k in keys]]
    table = Table(data, colWidths=[width / len(keys)] * len(keys))
    cmds: list[tuple] = [("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                         ("TOPPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
                         ("LINEBELOW", (0, 0), (-1, 0), 0.25, RULE), ("ALIGN", (0, 0), (-1, -1), "CENTER"),
                         ("VALIGN", (0, 0), (-1, -1), "TOP")]
    for row, style in enumerate((st.tiny_centre, st.cell_centre)):  # plain strings: no Paragraph per cell
        cmds += [("FONTNAME", (0, row), (-1, row), style.fontName), ("FONTSIZE", (0, row), (-1, row), style.fontSize),
                 ("LEADING", (0, row), (-1, row), style.leading), ("TEXTCOLOR", (0, row), (-1, row), style.textColor)]
    table.setStyle(TableStyle(cmds))
    return table


def performed_visits(ctx: EvaluationContext) -> list[Visit]:
    """Visits performed on or before the as-of date, in date order (also before Day 0 exists)."""
    as_of = ctx.timeline.as_of
    done = [v for v in ctx.dossier.visits if not v.missed and v.date is not None and v.date <= as_of]
    return sorted(done, key=lambda v: v.date or date.min)


def visit_state(record: VisitRecord | None, extras: RegistryExtras) -> str:
    """The state printed in a visit's heading: its status on the ladder (endpoints.visit_ladder, as the visit
    grid shows it; the entry status when the ladder was not read), and a signature or lock it does not name."""
    if record is None:
        return ""
    ladder = extras.ladder.get(record.record_id)
    entry = {"complete": tr("entry complete"), "incomplete": tr("entry INCOMPLETE")}.get(record.entry_status or "",
                                                                                       tr("imported"))
    parts = [tr("status: {0}").format(tr(LADDER_WORDS.get(ladder, ladder))) if ladder else entry]
    if record.record_id in extras.signed_visits and ladder != "signed":
        parts.append(tr("signed"))
    locked = any(lk.unlocked_at_utc is None and (lk.scope in ("database", "subject") or lk.visit_id == record.record_id)
                 for lk in extras.records.locks)
    if locked and ladder != "locked":
        parts.append(tr("locked"))
    return " · ".join(parts)


def visit_title(code: str) -> str:
    """A visit's bookmark title: code and name."""
    return f"{code} — {tr(labels.VISIT_NAMES[code])}"


def visit_block(ctx: EvaluationContext, v: Visit, extras: RegistryExtras, marks: Marks, key: str) -> list[Flowable]:
    """One performed visit: heading (a level-2 bookmark `key`) with study day, window and state; the laboratory
    table (values as entered beside canonical values) and the clinical assessments (level-3 bookmarks); the
    notes of query flags and source-verification ticks."""
    st = styles()
    tl = ctx.timeline
    when = v.date
    assert when is not None
    record = extras.visit(v.code, when)
    title = f"{visit_title(v.code)} · {fmt_date(when)}"
    if tl.day0 is not None:
        title += tr(" · day {0}").format(tl.study_day(when))
    sv = tl.out_of_window_visit(v.code) if v.code != "UNS" else None
    if sv is not None and sv.dated.date == when:
        title += f"  (OUT OF WINDOW: days {sv.window.earliest}–{sv.window.latest})"
    state = visit_state(record, extras)
    heading = Heading(para_text(title) + (f" <font size=8.5>[{para_text(state)}]</font>" if state else ""), st.h2,
                      key, visit_title(v.code), 2)
    lab_rows, lab_extra = _lab_rows(ctx, v, when, record, marks)
    lab_head = Heading(tr("Laboratory"), st.h3, f"{key}-lab", tr("Laboratory"), 3)
    if lab_rows:
        labs: Flowable = data_table([tr("Lab"), tr("As entered"), tr("Value*"), tr("Unit"), tr("Reference*"), "",
                                     tr("Query/SDV")],
                                    lab_rows, [42 * mm, 32 * mm, 17 * mm, 25 * mm, 26 * mm, 9 * mm, 29 * mm],
                                    lab_extra)
    else:
        labs = p(tr("No lab values at this visit."), st.small)
    clin_head = Heading(tr("Clinical assessments"), st.h3, f"{key}-clin", tr("Clinical assessments"), 3)
    clinical = _clinical_table(_clinical_rows(v, FRAME_W - 72 * mm, record, marks))
    out: list[Flowable] = [KeepTogether([heading, lab_head, labs]), KeepTogether([clin_head, clinical])]
    notes = marks.notes(VISITS_TABLE, record.record_id if record is not None else None)
    if notes:
        out += [Spacer(1, 1 * mm)] + [p(line, st.small) for line in notes]
    return out + [Spacer(1, 4 * mm)]


def _clinical_table(rows: list[tuple[str, object, str]]) -> Table:
    st = styles()
    widths = [40 * mm, FRAME_W - 72 * mm, 32 * mm]
    data = [[fast_cell(label, widths[0], st.cell_bold), fast_cell(value, widths[1]), fast_cell(mark, widths[2])]
            for label, value, mark in rows]
    table = Table(data, colWidths=widths, splitInRow=1)
    table.setStyle(TableStyle(base_table_style(0, False) + [("BACKGROUND", (0, 0), (0, -1), HEAD_BG)]))
    return table


def _why_not_counted(ctx: EvaluationContext, r: SteroidRow) -> str:
    """Explains a row the engine's dose table left out (the decision itself is the engine's)."""
    if r.route not in ctx.params.steroid_systemic_routes:
        return tr("route")
    if ctx.params.exclude_non_sle_steroids and r.indication in NON_SLE_INDICATIONS:
        return r.indication.replace("_", " ")
    if r.stop is not None and r.stop < r.start:
        return tr("stop before start")
    return tr("outside the log")


def steroid_log(ctx: EvaluationContext) -> list[Flowable]:
    """The corticosteroid log; pred-eq per day and whether each row counts come from the engine's dose table."""
    counted = {}
    for seg in ctx.steroids.segments:
        for row in seg.rows:
            counted[id(row.row)] = row.daily
    rows = []
    as_of = ctx.timeline.as_of
    for r in sorted((r for r in ctx.dossier.steroids if r.start <= as_of), key=lambda r: (r.start, r.stop or date.max)):
        if ctx.timeline.day0 is None:
            counts = tr("— (no day 0 yet)")
        elif id(r) in counted:
            daily = counted[id(r)]
            counts = tr("unknown drug") if daily is None else f"{float(daily):.3f}".rstrip("0").rstrip(".")
        else:
            counts = tr("not counted ({0})").format(_why_not_counted(ctx, r))
        ongoing = tr("ongoing")
        days = "—" if ctx.timeline.day0 is None else (
            f"{_day_text(ctx, r.start)} – {_day_text(ctx, r.stop) if r.stop else ongoing}")
        rows.append([r.drug, r.route.replace("_", "-"), fmt_num(r.mg_per_dose, 3), fmt_num(r.doses_per_day, 2),
                     fmt_date(r.start), fmt_date(r.stop) if r.stop else ongoing, days,
                     r.indication.replace("_", " "), counts])
    if not rows:
        return [p(tr("No corticosteroid recorded."))]
    header = [*_headers("steroids", "drug", "route", "mg_per_dose", "doses_per_day", "start", "stop"),
              tr("Study days"), log_header("steroids", "indication", tr), tr("Pred-eq mg/day")]
    widths = [32 * mm, 13 * mm, 12 * mm, 11 * mm, 21 * mm, 21 * mm, 19 * mm, 26 * mm, 25 * mm]
    note = tr("Pred-eq mg/day: the row's contribution to the daily prednisone-equivalent dose as the endpoint engine "
              "counts it; rows it leaves out say why (non-systemic route, premedication or other non-SLE indication, "
              "a stop date before the start).")
    return [data_table(header, rows, widths), Spacer(1, 1.5 * mm), p(note, styles().small)]


def _headers(kind: str, *fields: str) -> list[str]:
    """Table headers of a subject log's fields, as its form's table names them (reports.form_labels)."""
    return [log_header(kind, field, tr) for field in fields]


def medications(ctx: EvaluationContext) -> list[Flowable]:
    """Concomitant medications (rescue therapy included)."""
    rows = []
    as_of = ctx.timeline.as_of
    for m in sorted((m for m in ctx.dossier.medications if m.start <= as_of), key=lambda m: m.start):
        flags = [f for f, on in ((tr("rescue"), m.rescue), (tr("for SLE activity"), m.for_sle_activity),
                                 (tr("investigational"), m.investigational)) if on]
        rows.append([m.name, m.agent_class.replace("_", " "), fmt_date(m.start), fmt_date(m.stop) if m.stop else
                     tr("ongoing"), (m.indication or "—").replace("_", " "), ", ".join(flags) or "—"])
    if not rows:
        return [p(tr("No concomitant medication recorded."))]
    header = [*_headers("medications", "name", "agent_class", "start", "stop", "indication"), tr("Flags")]
    return [data_table(header, rows, [50 * mm, 28 * mm, 21 * mm, 21 * mm, 24 * mm, 36 * mm])]


def other_events(ctx: EvaluationContext) -> list[Flowable]:
    """Hospitalisations, dialysis/transplant and investigator-declared flares (started on or before as-of)."""
    st = styles()
    d = ctx.dossier
    as_of = ctx.timeline.as_of
    out: list[Flowable] = []
    rows = [[fmt_date(h.admission), fmt_date(h.discharge), _day_text(ctx, h.admission), yes_no(h.for_sle_activity),
             (h.indication or "—")] for h in d.hospitalisations if h.admission <= as_of]
    out += [p(tr("Hospitalisations"), st.h2)]
    header = [*_headers("hospitalisations", "admission", "discharge"), tr("Day"),
              *_headers("hospitalisations", "for_sle_activity", "indication")]
    out += [data_table(header, rows, [30 * mm, 30 * mm, 20 * mm, 40 * mm, 60 * mm])] if rows \
        else [p(tr("None recorded."), st.small)]
    rows = [[r.type, fmt_date(r.start), fmt_date(r.stop) if r.stop else tr("ongoing"), yes_no(r.chronic)]
            for r in d.renal_replacement if r.start <= as_of]
    out += [p(tr("Dialysis and transplant"), st.h2)]
    out += [data_table(_headers("renal_replacement", "type", "start", "stop", "chronic"), rows, [45 * mm] * 4)] \
        if rows else [p(tr("None recorded."), st.small)]
    rows = [[e.type.replace("_", " "), fmt_date(e.date), _day_text(ctx, e.date), e.organ or "—", e.note or ""]
            for e in sorted(d.events, key=lambda e: e.date) if e.date <= as_of]
    out += [p(tr("Investigator-declared flares"), st.h2)]
    header = [*_headers("events", "type", "date"), tr("Day"), *_headers("events", "organ", "note")]
    out += [data_table(header, rows, [32 * mm, 24 * mm, 14 * mm, 24 * mm, 86 * mm])] if rows \
        else [p(tr("None recorded."), st.small)]
    return out


AE_FIELDS = ("term", "onset", "end", "grade", "serious", "related_product", "related_infusion", "outcome",
             "action_taken", "sae")
AE_EXTENSION = "trialdesk.adverse_events"  # action taken and SAE criteria, one object per AE (models.dossier_store)


def _ae_details(ctx: EvaluationContext) -> list[dict]:
    details = ctx.dossier.extensions.get(AE_EXTENSION)
    n = len(ctx.dossier.adverse_events)
    if not isinstance(details, list) or len(details) != n:
        return [{} for _ in range(n)]
    return [d if isinstance(d, dict) else {} for d in details]


def adverse_events(ctx: EvaluationContext, extras: RegistryExtras | None = None,
                   marks: Marks | None = None) -> list[Flowable]:
    """Adverse events with onset on or before the as-of date (kept for safety; not used by endpoints).

    Action taken and SAE criteria, when recorded, print with the outcome and the seriousness; a query flag or
    verification tick follows the term, explained under the table.
    """
    as_of = ctx.timeline.as_of
    n = len(ctx.dossier.adverse_events)
    ids: tuple[int | None, ...] = extras.records.adverse_event_ids if extras is not None else ()
    if len(ids) != n:
        ids = (None,) * n
    triples = [(ae, x, rid) for ae, x, rid in zip(ctx.dossier.adverse_events, _ae_details(ctx), ids, strict=True)
               if ae.onset is None or ae.onset <= as_of]
    rows = []
    extra = []
    notes: list[str] = []
    for ae, x, rid in sorted(triples, key=lambda t: t[0].onset or date.min):
        symbol = marks.symbol("adverse_events", rid, *AE_FIELDS) if marks is not None else ""
        if marks is not None:
            notes += [f"{ae.term}: {line}" for line in marks.notes("adverse_events", rid)]
        serious = yes_no(ae.serious)
        if ae.serious:
            extra.append(("BACKGROUND", (4, len(rows) + 1), (4, len(rows) + 1), FLAG_BG))
            criteria = ", ".join(str(c).replace("_", " ") for c in x.get("sae_criteria", ()))
            serious = tr("SERIOUS ({0})").format(criteria) if criteria else tr("SERIOUS")
        outcome = (ae.outcome or "—").replace("_", " ")
        if x.get("action_taken"):
            outcome += tr("; action: {0}").format(str(x["action_taken"]).replace("_", " "))
        rows.append([f"{ae.term} {symbol}".strip(), fmt_date(ae.onset), fmt_date(ae.end) if ae.end else tr("ongoing"),
                     str(ae.grade) if ae.grade is not None else "—", serious,
                     (ae.related_product or "—").replace("_", " "), (ae.related_infusion or "—").replace("_", " "),
                     outcome])
    if not rows:
        return [p(tr("No adverse event recorded."))]
    header = [*_headers("adverse_events", "term", "onset", "end", "grade", "serious", "related_product",
                        "related_infusion"), tr("Outcome, action")]
    table = data_table(header, rows, [36 * mm, 21 * mm, 21 * mm, 11 * mm, 27 * mm, 19 * mm, 19 * mm, 26 * mm], extra)
    return [table] + [p(line, styles().small) for line in notes]


def signature_block(extras: RegistryExtras | None = None) -> list[Flowable]:
    """The electronic signatures recorded in TrialDesk (printed name, date and time, meaning; invalidated ones
    marked), then the investigator's review and wet-ink signature lines."""
    st = styles()
    out: list[Flowable] = []
    signatures = extras.e_signatures if extras is not None else ()
    if signatures:
        rows = [[p(item, st.cell_bold), pm("<br/>".join(para_text(line) for line in text.split("\n")), st.body)]
                for item, text in signatures]
        esig = Table(rows, colWidths=[40 * mm, 120 * mm])
        esig.setStyle(TableStyle(base_table_style(0, False) + [("BACKGROUND", (0, 0), (0, -1), HEAD_BG)]))
        out += [p(tr("Electronic signatures recorded in TrialDesk (21 CFR Part 11):"), st.body), Spacer(1, 2 * mm),
                esig, Spacer(1, 5 * mm)]
    line = "_" * 34
    rows = [[tr("Investigator name"), line], [tr("Signature"), line], [tr("Date (YYYY-MM-DD)"), "____-__-__"]]
    table = Table([[p(a, st.cell_bold), p(b, st.body)] for a, b in rows], colWidths=[50 * mm, 110 * mm],
                  rowHeights=[13 * mm] * 3)
    table.setStyle(TableStyle(base_table_style(0, False) + [("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                                                           ("BACKGROUND", (0, 0), (0, -1), HEAD_BG)]))
    return out + [KeepTogether([
        p(tr("I have reviewed the data in this summary and confirm it reflects the source documents."), st.body),
        Spacer(1, 3 * mm), table])]
