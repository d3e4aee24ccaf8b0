"""Blank paper CRFs: one empty form per visit, tailored to what the protocol asks at that visit, then the log
forms that print once per subject — for the paper fallback when the PC is down.

Each visit form follows the order of the screen visit form: visit identification, vital signs and weight (and
the infusion on D0 and W12), haematology, chemistry, urine (with casts), immunology — each lab with the units
the screen accepts (endpoints.units), a not-attributable tick and a not-done reason —, SLEDAI-2K (24
descriptors with weights), PGA on its 0–3 line, BILAG-2004 (nine domains A–E), SFI and sediment, LLDAS; then
comments and signatures. Which blocks a visit asks comes from the one schedule of assessments the visit form's
required-field rule uses (endpoints.edit_checks.required_fields): a block the protocol does not ask at that
visit prints its title and "Not required at this visit". Screening adds demographics, informed consent and
eligibility. The log forms: concomitant medications, corticosteroids, adverse events, hospitalisations,
dialysis/transplant, declared flares, withdrawal/end of study, death.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from pathlib import Path

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, PageBreak, Spacer, Table, TableStyle

from endpoints import edit_checks, units, vocab
from endpoints import visit_status as vs
from endpoints.params import ProtocolParams
from endpoints.record_checks import AE_ACTIONS, AE_OUTCOMES
from reports import labels
from reports.document import FRAME_W, Anchor, Furniture, TrialDoc, write_atomically
from reports.fonts import FONT, draw_text, para_text
from reports.form_labels import form_field, log_header
from reports.styles import HEAD_BG, INK, MUTED, RULE, base_table_style, p, pm, styles
from reports.texts import printing_in, tr

BOX = "☐"
SLEDAI_DEFINITIONS: dict[str, str] = {
    "seizure": "Recent onset; exclude metabolic, infectious, drug causes",
    "psychosis": "Severe disturbance in perception of reality; exclude uraemia, drugs",
    "organic_brain_syndrome": "Altered mental function, impaired orientation/memory/intellect, rapid onset, "
                              "fluctuating",
    "visual_disturbance": "Retinal changes of SLE (cytoid bodies, haemorrhages, exudates, optic neuritis)",
    "cranial_nerve_disorder": "New sensory or motor neuropathy of cranial nerves",
    "lupus_headache": "Severe persistent headache unresponsive to narcotic analgesia",
    "cva": "New cerebrovascular accident; exclude arteriosclerosis",
    "vasculitis": "Ulceration, gangrene, tender finger nodules, periungual infarction, splinter haemorrhages, "
                  "or biopsy/angiogram proof",
    "arthritis": "≥ 2 joints with pain and inflammation (tenderness, swelling, effusion)",
    "myositis": "Proximal muscle pain/weakness with raised CK/aldolase, EMG or biopsy changes",
    "urinary_casts": "Heme-granular or RBC casts",
    "hematuria": "> 5 RBC/hpf; exclude stone, infection, other cause",
    "proteinuria": "> 0.5 g/24 h",
    "pyuria": "> 5 WBC/hpf; exclude infection",
    "rash": "Inflammatory-type rash",
    "alopecia": "Abnormal patchy or diffuse hair loss",
    "mucosal_ulcers": "Oral or nasal ulceration",
    "pleurisy": "Pleuritic pain with rub, effusion or pleural thickening",
    "pericarditis": "Pericardial pain with rub, effusion, or ECG/echo confirmation",
    "low_complement": "CH50, C3 or C4 below lab lower limit",
    "increased_dna_binding": "Anti-dsDNA above lab normal range",
    "fever": "> 38 °C; exclude infection",
    "thrombocytopenia": "Platelets < 100 ×10⁹/L; exclude drug causes",
    "leukopenia": "WBC < 3.0 ×10⁹/L; exclude drug causes",
}
# The lab sections of the visit form, in screen order.
LAB_SECTIONS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Haematology", ("hemoglobin_g_dl", "wbc_10e9_l", "anc_10e9_l", "lymphocytes_10e9_l", "platelets_10e9_l")),
    ("Chemistry", ("creatinine_mg_dl", "albumin_g_dl")),
    ("Urine", ("upcr_g_g", "proteinuria_g_24h", "urine_rbc_hpf", "urine_wbc_hpf")),
    ("Immunology", ("c3_mg_dl", "c4_mg_dl", "anti_dsdna_iu_ml")),
)


# Words printed from vocabulary codes (tick-boxes), listed for the catalogue (scripts/translations.py).
TICK_WORDS = tuple(code.replace("_", " ") for code in (*AE_ACTIONS, *AE_OUTCOMES, *vocab.AE_RELATEDNESS))
NOT_REQUIRED = "Not required at this visit (protocol schedule of assessments)."
OPTIONAL = "Optional at an unscheduled visit: record what was done."
# The form's blocks and the required-field keys (endpoints.edit_checks) that make each one asked at a visit.
BLOCK_FIELDS: dict[str, tuple[str, ...]] = {
    "vitals": edit_checks.VITALS,
    "Haematology": edit_checks.HEMATOLOGY,
    "Chemistry": ("creatinine_mg_dl", "albumin_g_dl"),
    "Urine": ("upcr_g_g", "proteinuria_g_24h", "urine_rbc_hpf", "urine_wbc_hpf", "urine_casts"),
    "Immunology": edit_checks.IMMUNOLOGY,
    "sledai": ("sledai",),
    "pga_bilag": ("pga", "bilag"),
    "sfi_lldas": ("lldas",),
}


def asked(code: str, block: str) -> bool:
    """Whether the protocol asks this block of the form at this visit (any of its fields required)."""
    required = set(edit_checks.required_fields(code))
    return code == "UNS" or bool(required & set(BLOCK_FIELDS[block]))


def _not_asked(title: str) -> list[Flowable]:
    st = styles()
    return [Spacer(1, 1.5 * mm), KeepTogether([_section(title), p(tr(NOT_REQUIRED), st.cell)])]


class PgaLine(Flowable):
    """The PGA visual-analogue line 0–3 with tenth ticks and the four anchor words."""

    def __init__(self, width: float) -> None:
        super().__init__()
        self.width = width
        self.height = 17 * mm

    def wrap(self, avail_w: float, avail_h: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        c = self.canv
        x0, x1, y = 12 * mm, self.width - 12 * mm, 9 * mm
        c.setStrokeColor(INK)
        c.setLineWidth(1)
        c.line(x0, y, x1, y)
        for tenth in range(31):
            x = x0 + (x1 - x0) * tenth / 30
            tall = tenth % 10 == 0
            c.setLineWidth(1 if tall else 0.4)
            c.line(x, y - (2.5 if tall else 1.2) * mm, x, y + (2.5 if tall else 1.2) * mm)
        c.setFillColor(INK)
        for value, word in enumerate((tr("none"), tr("mild"), tr("moderate"), tr("severe"))):
            x = x0 + (x1 - x0) * value / 3
            draw_text(c, x, y + 4 * mm, str(value), 9, bold=True, align="centre")
            draw_text(c, x, y - 6.5 * mm, word, 8, align="centre")


def _grid(rows: list[list[object]], widths: list[float], header: bool = True, extra: list[tuple] | None = None,
          height: float | None = None, heights: list[float | None] | None = None) -> Table:
    st = styles()
    data = [[c if hasattr(c, "wrapOn") else p(c, st.head if header and i == 0 else st.cell) for c in row]
            for i, row in enumerate(rows)]
    if heights is None and height is not None:
        heights = [None if header and i == 0 else height for i in range(len(data))]
    table = Table(data, colWidths=widths, rowHeights=heights, repeatRows=1 if header else 0)
    cmds = base_table_style(1 if header else 0, False) + [
        ("INNERGRID", (0, 0), (-1, -1), 0.25, RULE),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
    ]
    table.setStyle(TableStyle(cmds + (extra or [])))
    return table


def _boxes(options: Sequence[str]) -> str:
    """Tick-boxes with their words (in the print's language)."""
    return "   ".join(f"{BOX} {tr(o)}" for o in options)


def _ticks(codes: Sequence[str]) -> str:
    """Tick-boxes for vocabulary codes (their words are listed in TICK_WORDS for the catalogue)."""
    return _boxes([code.replace("_", " ") for code in codes])


def _schedule_text(code: str, params: ProtocolParams) -> str:
    if code == "UNS":
        return tr("Unscheduled visit (any day); also used for stand-alone lab results on their sample date.")
    v = params.visit(code)
    anchor = tr("infusion 1 (Day 0)") if v.anchor == "D0" else tr("infusion 2")
    if code == "SCR":
        return tr("Before Day 0: days {0} to {1}.").format(v.offset_days + v.early, v.offset_days + v.late)
    window = tr("same day") if v.early == 0 and v.late == 0 else \
        tr("window {0:+d} / {1:+d} days").format(v.early, v.late)
    return tr("Target: {0} days after {1}; {2}.").format(v.offset_days, anchor, window)


def _section(title: str) -> Table:
    st = styles()
    t = Table([[p(tr(title), st.cell_bold)]], colWidths=[FRAME_W])
    t.setStyle(TableStyle([("BACKGROUND", (0, 0), (-1, -1), HEAD_BG), ("FONTNAME", (0, 0), (-1, -1), FONT),
                           ("TOPPADDING", (0, 0), (-1, -1), 3), ("BOTTOMPADDING", (0, 0), (-1, -1), 3)]))
    return t


def visit_form(code: str, params: ProtocolParams, study: Mapping[str, str]) -> list[Flowable]:
    """The flowables of one blank visit form (starts with its bookmark, ends with a page break)."""
    st = styles()
    name = tr(labels.VISIT_NAMES[code])
    out: list[Flowable] = [
        Anchor(f"crf-{code}", f"{code} — {name}", 0, label=tr("Visit {0} · Subject ID __________").format(code),
               group=code),
        pm(f"{code} — {name}", st.h1),
        p(_schedule_text(code, params), st.small),
    ]
    if code == "UNS":
        out.append(p(tr(OPTIONAL), st.small))
    out.append(Spacer(1, 3 * mm))
    line = "________________"
    out.append(_grid([
        [tr("Subject ID"), line, tr("Initials"), "______", tr("Visit date (YYYY-MM-DD)"), "____-__-__"],
        [tr("Visit performed"), _boxes(("yes", "missed")), tr("Reason if missed"), "", "", ""],
        [tr("Window reason"), tr("(only for a date outside the visit window: why)"), "", "", "", ""],
    ], [24 * mm, 36 * mm, 24 * mm, 26 * mm, 38 * mm, 32 * mm], header=False, height=9 * mm,
        extra=[("SPAN", (3, 1), (5, 1)), ("SPAN", (1, 2), (5, 2)), ("VALIGN", (1, 2), (1, 2), "TOP"),
               ("TEXTCOLOR", (1, 2), (1, 2), MUTED)]))
    if code == "SCR":
        out += _screening_blocks()
    if asked(code, "vitals"):
        out += [Spacer(1, 3 * mm), _section(tr("Vital signs and weight"))]
        out.append(_grid([
            [tr("Weight"), tr("______ kg"), tr("Blood pressure"), tr("_____ / _____ mmHg"), tr("Pulse"),
             tr("_____ /min")],
            [tr("Temperature"), "_____ °C", "", "", "", ""],
        ], [24 * mm, 30 * mm, 28 * mm, 40 * mm, 20 * mm, 38 * mm], header=False, height=8 * mm,
            extra=[("SPAN", (1, 1), (5, 1))]))
    else:
        out += _not_asked(tr("Vital signs and weight"))
    if code in vs.INFUSION_VISITS:
        out += _infusion_block(vs.INFUSION_VISITS[code])
    for title, keys in LAB_SECTIONS:
        if not asked(code, title):
            out += _not_asked(title)
            continue
        out += [Spacer(1, 3 * mm), KeepTogether([_section(title), _lab_grid(keys)])]
        if title == "Chemistry":
            out.append(p(tr("eGFR is computed by TrialDesk from creatinine, sex and age (CKD-EPI 2021): do not enter."),
                         st.small))
        if title == "Urine":
            casts = _boxes(("none seen", *(labels.CAST_NAMES[c] for c in vocab.URINE_CAST_TYPES)))
            out.append(_grid([[tr("Urine casts"), casts], [tr("Casts not attributable to SLE"), BOX]],
                             [60 * mm, 120 * mm], header=False, height=8 * mm))
    out += [Spacer(1, 4 * mm)] if asked(code, "sledai") else []
    out += _sledai_block(params) if asked(code, "sledai") else _not_asked(tr("SLEDAI-2K"))
    out += [Spacer(1, 3 * mm)] if asked(code, "pga_bilag") else []
    out += _pga_bilag_block() if asked(code, "pga_bilag") else _not_asked(tr("PGA and BILAG-2004"))
    out += _sfi_lldas_block() if asked(code, "sfi_lldas") else _not_asked(tr("Flare (SFI), sediment and LLDAS"))
    out += [Spacer(1, 3 * mm),
            p(tr("Corticosteroids, other medications, adverse events, hospitalisations, dialysis and "
                                  "flares since the last visit go on the log forms (one set per subject)."), st.small),
            Spacer(1, 3 * mm)]
    out += _comments_block() + _signature_block()
    out.append(PageBreak())
    return out


def _screening_blocks() -> list[Flowable]:
    """Demographics, informed consent and eligibility (screening only)."""
    rows = [
        [tr("Screening number"), "", tr("Subgroup"), _boxes(("LN — lupus nephritis", "LC — lupus cytopenia"))],
        [tr("Sex"), _boxes(("F", "M")), tr("Birth date"), "____-__-__"],
        [tr("Baseline weight"), "______ kg", tr("Initials"), ""],
    ]
    demographics = _grid(rows, [32 * mm, 46 * mm, 26 * mm, 76 * mm], header=False, height=8 * mm)
    consent = _grid([[tr("Informed consent signed"), "____-__-__", tr("Consent form version"),
                      tr("______ (date ____-__-__)")],
                     [tr("Consent obtained by"), "", tr("Copy given to the subject"), _boxes(("yes", "no"))]],
                    [40 * mm, 40 * mm, 40 * mm, 60 * mm], header=False, height=8 * mm)
    eligibility = _grid([
        [tr("All inclusion criteria met"), _boxes(("yes", "no")), tr("No exclusion criterion applies"), _boxes(("yes",
                                                                                                                "no"))],
        [tr("Criteria not met (numbers)"), "", "", ""],
        [tr("Eligible"), _boxes(("yes", "no — screen failure")), tr("Confirmed by (investigator), date"), ""],
    ], [44 * mm, 46 * mm, 50 * mm, 40 * mm], header=False, height=8 * mm, extra=[("SPAN", (1, 1), (3, 1))])
    return [Spacer(1, 3 * mm), KeepTogether([_section(tr("Demographics")), demographics]),
            Spacer(1, 3 * mm), KeepTogether([_section(tr("Informed consent")), consent]),
            Spacer(1, 3 * mm), KeepTogether([_section(tr("Eligibility")), eligibility])]


def _lab_grid(keys: Sequence[str]) -> Table:
    """Lab rows: value, unit choices (endpoints.units), not-attributable tick, not-done reason."""
    rows: list[list[object]] = [[tr("Test"), tr("Value"), tr("Unit (tick one)"), tr("Not attrib. to SLE"),
                                 tr("Not done: reason")]]
    for key in keys:
        choices = [u.label for u in units.units_for(key)]
        rows.append([tr(labels.LABS[key][0]), "", _boxes(choices), BOX, ""])
    return _grid(rows, [30 * mm, 22 * mm, 66 * mm, 22 * mm, 40 * mm], height=7 * mm,
                 extra=[("ALIGN", (3, 1), (3, -1), "CENTER")])


def _infusion_block(number: int) -> list[Flowable]:
    rows = [
        [tr("Infusion date"), "____-__-__", tr("Infusion weight"), "______ kg", tr("Dose (cells)"), "________ ×10⁶"],
        [tr("Completion"), _boxes(("full", "partial", "not given")), "", "", "", ""],
        [tr("Pre-infusion"), "BP ____/____ mmHg", tr("Pulse"), "_____ /min", tr("Temperature"), "_____ °C"],
        [tr("Post-infusion"), "BP ____/____ mmHg", tr("Pulse"), "_____ /min", tr("Temperature"), "_____ °C"],
    ]
    table = _grid(rows, [26 * mm, 36 * mm, 26 * mm, 26 * mm, 26 * mm, 40 * mm], header=False, height=8 * mm,
                  extra=[("SPAN", (1, 1), (5, 1))])
    title = tr("Infusion {0} (the visit's assessments are taken before the dose)").format(number)
    return [Spacer(1, 3 * mm), KeepTogether([_section(title), table])]


def _sledai_block(params: ProtocolParams) -> list[Flowable]:
    st = styles()
    rows: list[list[object]] = [[tr("Yes"), tr("No"), tr("Wt"), tr("Descriptor"), tr("Definition")]]
    for key in vocab.SLEDAI_KEYS:
        rows.append([BOX, BOX, str(vocab.SLEDAI_WEIGHTS[key]), tr(labels.SLEDAI_NAMES[key]), SLEDAI_DEFINITIONS[key]])
    rows.append(["", "", "", p(tr("Total score (sum of weights ticked Yes)"), st.cell_bold), "______ / 105"])
    table = _grid(rows, [9 * mm, 9 * mm, 9 * mm, 42 * mm, 111 * mm],
                  extra=[("ALIGN", (0, 0), (2, -1), "CENTER")])
    note = tr("Score a descriptor if present at the visit or in the preceding {0} days and attributable to SLE. "
              "Answer all 24: an unanswered descriptor leaves the score missing.").format(params.sledai_lookback_days)
    return [KeepTogether([_section(tr("SLEDAI-2K")), p(note, st.small), Spacer(1, 1.5 * mm), table])]


def _pga_bilag_block() -> list[Flowable]:
    st = styles()
    pga = [_section(tr("Physician's Global Assessment (PGA)")),
           p(tr("Mark the line, then write the value with one decimal (e.g. 1.2):  PGA = ____ . ____"), st.cell),
           PgaLine(FRAME_W)]
    rows: list[list[object]] = [[tr("Domain"), tr("A severe"), tr("B moderate"), tr("C mild"), tr("D inactive now"),
                                 tr("E never")]]
    for key in vocab.BILAG_DOMAINS:
        rows.append([tr(labels.BILAG_NAMES[key]), BOX, BOX, BOX, BOX, BOX])
    bilag = _grid(rows, [50 * mm] + [26 * mm] * 5, height=7 * mm, extra=[("ALIGN", (1, 1), (-1, -1), "CENTER")])
    return [KeepTogether(pga), Spacer(1, 4 * mm),
            KeepTogether([_section(tr("BILAG-2004 (one grade per domain)")), bilag]), Spacer(1, 4 * mm)]


def _sfi_lldas_block() -> list[Flowable]:
    rows: list[list[object]] = [[tr("SFI: new or worse since the previous assessment"), tr("Answer")]]
    for key in vocab.SFI_ORGANS:
        rows.append([tr(labels.SFI_ORGAN_NAMES[key]), _boxes(("yes", "no"))])
    rows.append([tr("Worse thrombocytopenia"), _boxes(("yes", "no"))])
    rows.append([tr("Urine sediment inactive (investigator's judgement)"), _boxes(("yes", "no"))])
    sfi = _grid(rows, [120 * mm, 60 * mm], height=7 * mm)
    rows = [[tr("LLDAS questions"), tr("Answer")]]
    for key in vocab.LLDAS_QUESTIONS:
        rows.append([tr(labels.LLDAS_QUESTION_TEXT[key]), _boxes(("yes", "no"))])
    lldas = _grid(rows, [120 * mm, 60 * mm], height=7 * mm)
    return [KeepTogether([_section(tr("Flare (SFI), sediment and LLDAS")), sfi, Spacer(1, 2 * mm), lldas]),
            Spacer(1, 4 * mm)]


def _words(values: Sequence[str]) -> str:
    return ", ".join(v.replace("_", " ") for v in values)


def _log_form(key: str, title: str, intro: str, header: list[str], widths: list[float], rows: int,
              height: float = 9 * mm, legend: str = "") -> list[Flowable]:
    st = styles()
    grid = _grid([header] + [[""] * len(header) for _ in range(rows)], widths, height=height)
    out: list[Flowable] = [
        Anchor(f"crf-log-{key}", title, 0, label=tr("{0} · Subject ID __________").format(title), group=title),
        pm(para_text(title), st.h1), p(intro, st.small)]
    if legend:
        out.append(p(legend, st.small))
    return out + [Spacer(1, 2 * mm), grid, Spacer(1, 4 * mm)] + _signature_block() + [PageBreak()]


def _headers(kind: str, *fields: str) -> list[str]:
    """Table headers of a subject log's fields, as its form's table names them (reports.form_labels)."""
    return [log_header(kind, field, tr) for field in fields]


def log_forms() -> list[Flowable]:
    """The log forms, once per subject: each starts on its own page with a bookmark."""
    st = styles()
    out: list[Flowable] = []
    out += _log_form(
        "medications", tr("Concomitant medications"), tr("Every medication other than corticosteroids, from screening "
                                                         "on."),
        _headers("medications", "name", "agent_class", "start", "stop", "indication", "rescue", "for_sle_activity",
                 "investigational"),
        [36 * mm, 24 * mm, 20 * mm, 20 * mm, 24 * mm, 16 * mm, 18 * mm, 22 * mm], 18,
        legend=tr("Class: {0}. Indication: {1}. Rescue, for SLE activity, investigational: Y / N. Stop empty = "
                  "ongoing.").format(_words(vocab.AGENT_CLASSES), _words(vocab.MEDICATION_INDICATIONS)))
    out += _log_form(
        "steroids", tr("Corticosteroid log"), tr("Every corticosteroid with each change of dose (a new row per "
                                                 "change)."),
        _headers("steroids", "drug", "route", "mg_per_dose", "doses_per_day", "start", "stop", "indication"),
        [34 * mm, 20 * mm, 20 * mm, 18 * mm, 24 * mm, 24 * mm, 40 * mm], 18,
        legend=tr("Drug: {0}. Route: {1}. Indication: {2}. Alternate days: 0.5 doses/day. Stop empty = "
                  "ongoing.").format(_words(vocab.STEROID_DRUGS), _words(vocab.STEROID_ROUTES),
                                     _words(vocab.STEROID_INDICATIONS)))
    out += _ae_log()
    out += _log_form(
        "hospitalisations", tr("Hospitalisations"), tr("Every hospital admission during the study."),
        [*_headers("hospitalisations", "admission", "discharge", "for_sle_activity", "indication"), tr("Comment")],
        [26 * mm, 26 * mm, 30 * mm, 44 * mm, 54 * mm], 12,
        legend=tr("For SLE activity: {0}. Indication: {1}.").format(_boxes(("yes", "no")),
                                                                    _words(vocab.HOSPITALISATION_INDICATIONS)))
    out += _log_form(
        "renal", tr("Dialysis and transplant"), tr("Every dialysis episode or kidney transplant."),
        [*_headers("renal_replacement", "type", "start", "stop", "chronic"), tr("Comment")],
        [36 * mm, 28 * mm, 28 * mm, 24 * mm, 64 * mm], 10,
        legend=tr("Type: {0}. Chronic: {1}. Stop empty = ongoing.").format(_words(vocab.RENAL_REPLACEMENT_TYPES),
                                                                          _boxes(("yes", "no"))))
    out += _log_form(
        "flares", tr("Declared flares"), tr("Flares declared by the investigator."),
        _headers("events", "type", "date", "organ", "note"), [40 * mm, 28 * mm, 28 * mm, 84 * mm], 12,
        legend=tr("Type: {0}. Organ (severe flare): {1}.").format(_words(vocab.EVENT_TYPES),
                                                                  _words(vocab.EVENT_ORGANS)))
    end = _grid([
        [tr("Status at the end"), _boxes(("completed", "withdrawn", "screen failure"))],
        [tr("Date (YYYY-MM-DD)"), "____-__-__"],
        [tr("Last visit done"), ""],
        [tr("Reason (withdrawal: who decided and why)"), ""],
        [tr("Follow-up for safety agreed"), _boxes(("yes", "no"))],
    ], [60 * mm, 120 * mm], header=False, height=10 * mm)
    end_title = tr("Withdrawal / end of study")
    out += [Anchor("crf-log-end", end_title, 0, label=tr("{0} · Subject ID __________").format(end_title),
                   group=end_title),
            pm(tr("Withdrawal / end of study"), st.h1), p(tr("Once per subject, when the subject leaves the study."),
                                                          st.small),
            Spacer(1, 2 * mm), end, Spacer(1, 4 * mm)] + _signature_block()
    death = _grid([
        [form_field("death", "death_date", tr), "____-__-__"],
        [form_field("death", "death_cause", tr), ""],
        [tr("Autopsy"), _boxes(("yes", "no", "unknown"))],
        [tr("Related to the product"), _ticks(vocab.AE_RELATEDNESS)],
        [tr("Reported as an SAE (adverse event log row)"), _boxes(("yes", "no"))],
    ], [60 * mm, 120 * mm], header=False, height=10 * mm)
    out += [PageBreak(), Anchor("crf-log-death", tr("Death"), 0, label=tr("{0} · Subject ID __________").format(
                tr("Death")), group=tr("Death")),
            pm(tr("Death"), st.h1), Spacer(1, 2 * mm), death, Spacer(1, 4 * mm)] + _signature_block()
    return out


def _ae_log() -> list[Flowable]:
    """Adverse events: two lines per event — term, dates, grade, seriousness and the two causalities in separate
    cells; then the serious criteria, the action taken and the outcome as tick-boxes. Ten events per form."""
    st = styles()
    tiny = ParagraphStyle("td-ae-details", parent=st.cell, fontSize=7, leading=8.6)
    header = [tr("No"), *_headers("adverse_events", "term", "onset", "end", "grade", "serious", "related_product",
                                  "related_infusion")]
    widths = [9 * mm, 47 * mm, 20 * mm, 20 * mm, 14 * mm, 18 * mm, 26 * mm, 26 * mm]
    rows: list[list[object]] = [header]
    extra: list[tuple] = []
    sae = _boxes((tr("death"), tr("life-threatening"), tr("hospitalisation"), tr("disability"),
                  tr("congenital anomaly"), tr("important medical event")))
    serious, action, outcome = (para_text(word) for word in (tr("Serious criteria"), tr("Action"), tr("Outcome")))
    for n in range(1, 11):
        rows.append([str(n), "", "", "", "", _boxes(("Y", "N")), "", ""])
        r = len(rows)
        rows.append(["", pm(f"<b>{serious}</b>: {para_text(sae)}<br/><b>{action}</b>: {para_text(_ticks(AE_ACTIONS))}"
                            f"<br/><b>{outcome}</b>: {para_text(_ticks(AE_OUTCOMES))}", tiny), "", "", "", "", "", ""])
        extra += [("SPAN", (1, r), (7, r)), ("LINEBELOW", (0, r), (-1, r), 1, INK)]
    grid = _grid(rows, widths, extra=extra + [("VALIGN", (0, 1), (-1, -1), "TOP")],
                 heights=[None] + [8 * mm if i % 2 == 0 else None for i in range(20)])
    legend = tr("Causality to the product and to the infusion, each one of: {0}. Grade per CTCAE v5. End empty = "
                "ongoing.").format(", ".join(tr(code.replace("_", " ")) for code in vocab.AE_RELATEDNESS))
    title = tr("Adverse events")
    return [Anchor("crf-log-aes", title, 0, label=tr("{0} · Subject ID __________").format(title), group=title),
            pm(tr("Adverse events"), st.h1), p(tr("Every adverse event from informed consent on (one form holds ten)."),
                                           st.small), p(legend, st.small), Spacer(1, 2 * mm), grid,
            Spacer(1, 4 * mm)] + _signature_block() + [PageBreak()]


def _comments_block() -> list[Flowable]:
    table = _grid([[""] for _ in range(3)], [FRAME_W], header=False, height=8 * mm)
    return [KeepTogether([_section(tr("Comments (Korean or English)")), table]), Spacer(1, 2 * mm)]


def _signature_block() -> list[Flowable]:
    rows = [
        [tr("Completed by (name)"), "", tr("Signature"), "", tr("Date"), "____-__-__"],
        [tr("Investigator (name)"), "", tr("Signature"), "", tr("Date"), "____-__-__"],
    ]
    table = _grid(rows, [32 * mm, 44 * mm, 20 * mm, 44 * mm, 12 * mm, 28 * mm], header=False, height=10 * mm,
                  extra=[("BACKGROUND", (0, 0), (0, -1), HEAD_BG), ("BACKGROUND", (2, 0), (2, -1), HEAD_BG),
                         ("BACKGROUND", (4, 0), (4, -1), HEAD_BG)])
    return [KeepTogether([_section(tr("Signatures")), table])]


def build_blank_crfs(
    out_path: str | Path,
    params: ProtocolParams,
    study: Mapping[str, str],
    *,
    visit_codes: Sequence[str] | None = None,
    printed_on: date | None = None,
    log_forms_too: bool = True,
    lang: str = "en",
) -> Path:
    """Write blank paper CRFs in `lang` to out_path (atomically) and return the path.

    params: protocol parameters (visit windows, SLEDAI recall days); study: the [study] table (protocol,
    title, site); visit_codes: which forms, default every visit code in schedule order (UNS last);
    printed_on: the date in the footer (default today); log_forms_too: add the log forms after the visits.
    """
    codes = tuple(visit_codes) if visit_codes else vocab.VISIT_CODES
    with printing_in(lang):
        furniture = Furniture(study.get("protocol", ""), tr("Blank CRF (paper fallback)"), printed_on or date.today(),
                              None, group_pages=True, site=study.get("site", ""))

    def write(temp: str) -> None:
        with printing_in(lang):
            doc = TrialDoc(temp, furniture)
            story: list[Flowable] = []
            for code in codes:
                story += visit_form(code, params, study)
            if log_forms_too:
                story += log_forms()
            doc.build_story(story)

    return write_atomically(out_path, write)
