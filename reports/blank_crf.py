"""Blank paper CRFs: one empty form per visit, for the paper fallback when the PC is down.

Each form follows the order of the screen visit form: visit identification, vital signs and weight (and the
infusion on D0 and W12), haematology, chemistry, urine (with casts), immunology — each lab with the units the
screen accepts (endpoints.units), a not-attributable tick and a not-done reason —, SLEDAI-2K (24 descriptors
with weights), PGA on its 0–3 line, BILAG-2004 (nine domains A–E), SFI and sediment, LLDAS; then steroid log
rows, adverse-event rows, comments and signatures.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, PageBreak, Spacer, Table, TableStyle

from endpoints import units, vocab
from endpoints import visit_status as vs
from endpoints.params import ProtocolParams
from reports import labels
from reports.document import FRAME_W, Anchor, Furniture, TrialDoc, write_atomically
from reports.fonts import FONT, draw_text
from reports.styles import HEAD_BG, INK, RULE, base_table_style, p, pm, styles

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
        for value, word in enumerate(("none", "mild", "moderate", "severe")):
            x = x0 + (x1 - x0) * value / 3
            draw_text(c, x, y + 4 * mm, str(value), 9, bold=True, align="centre")
            draw_text(c, x, y - 6.5 * mm, word, 8, align="centre")


def _grid(rows: list[list[object]], widths: list[float], header: bool = True, extra: list[tuple] | None = None,
          height: float | None = None) -> Table:
    st = styles()
    data = [[c if hasattr(c, "wrapOn") else p(c, st.head if header and i == 0 else st.cell) for c in row]
            for i, row in enumerate(rows)]
    heights = None if height is None else [None if header and i == 0 else height for i in range(len(data))]
    table = Table(data, colWidths=widths, rowHeights=heights, repeatRows=1 if header else 0)
    cmds = base_table_style(1 if header else 0, False) + [
        ("INNERGRID", (0, 0), (-1, -1), 0.25, RULE),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
    ]
    table.setStyle(TableStyle(cmds + (extra or [])))
    return table


def _boxes(options: Sequence[str]) -> str:
    return "   ".join(f"{BOX} {o}" for o in options)


def _schedule_text(code: str, params: ProtocolParams) -> str:
    if code == "UNS":
        return "Unscheduled visit (any day); also used for stand-alone lab results on their sample date."
    v = params.visit(code)
    anchor = "infusion 1 (Day 0)" if v.anchor == "D0" else "infusion 2"
    if code == "SCR":
        return f"Before Day 0: days {v.offset_days + v.early} to {v.offset_days + v.late}."
    window = "same day" if v.early == 0 and v.late == 0 else f"window {v.early:+d} / {v.late:+d} days"
    return f"Target: {v.offset_days} days after {anchor}; {window}."


def _section(title: str) -> Table:
    st = styles()
    t = Table([[p(title, st.cell_bold)]], colWidths=[FRAME_W])
    t.setStyle(TableStyle([("BACKGROUND", (0, 0), (-1, -1), HEAD_BG), ("FONTNAME", (0, 0), (-1, -1), FONT),
                           ("TOPPADDING", (0, 0), (-1, -1), 3), ("BOTTOMPADDING", (0, 0), (-1, -1), 3)]))
    return t


def visit_form(code: str, params: ProtocolParams, study: Mapping[str, str]) -> list[Flowable]:
    """The flowables of one blank visit form (starts with its bookmark, ends with a page break)."""
    st = styles()
    name = labels.VISIT_NAMES[code]
    out: list[Flowable] = [
        Anchor(f"crf-{code}", f"{code} — {name}", 0, label=f"Visit {code} · Subject ID __________", group=code),
        pm(f"{code} — {name}", st.h1),
        p(_schedule_text(code, params), st.small),
        Spacer(1, 3 * mm),
    ]
    line = "________________"
    out.append(_grid([
        ["Subject ID", line, "Initials", "______", "Visit date (YYYY-MM-DD)", "____-__-__"],
        ["Visit performed", _boxes(("yes", "missed")), "Reason if missed", "", "", ""],
    ], [24 * mm, 36 * mm, 24 * mm, 26 * mm, 38 * mm, 32 * mm], header=False, height=9 * mm,
        extra=[("SPAN", (3, 1), (5, 1))]))
    out += [Spacer(1, 3 * mm), _section("Vital signs and weight")]
    out.append(_grid([
        ["Weight", "______ kg", "Blood pressure", "_____ / _____ mmHg", "Pulse", "_____ /min"],
        ["Temperature", "_____ °C", "", "", "", ""],
    ], [24 * mm, 30 * mm, 28 * mm, 40 * mm, 20 * mm, 38 * mm], header=False, height=8 * mm,
        extra=[("SPAN", (1, 1), (5, 1))]))
    if code in vs.INFUSION_VISITS:
        out += _infusion_block(vs.INFUSION_VISITS[code])
    for title, keys in LAB_SECTIONS:
        out += [Spacer(1, 3 * mm), KeepTogether([_section(title), _lab_grid(keys)])]
        if title == "Chemistry":
            out.append(p("eGFR is computed by TrialDesk from creatinine, sex and age (CKD-EPI 2021): do not enter.",
                         st.small))
    casts = _boxes(("none seen", *(labels.CAST_NAMES[c] for c in vocab.URINE_CAST_TYPES)))
    out.append(_grid([["Urine casts", casts], ["Casts not attributable to SLE", BOX]],
                     [60 * mm, 120 * mm], header=False, height=8 * mm))
    out += [Spacer(1, 4 * mm)]
    out += _sledai_block(params) + [Spacer(1, 3 * mm)] + _pga_bilag_block()
    out += _sfi_lldas_block() + _steroid_block() + _ae_block() + _comments_block() + _signature_block()
    out.append(PageBreak())
    return out


def _lab_grid(keys: Sequence[str]) -> Table:
    """Lab rows: value, unit choices (endpoints.units), not-attributable tick, not-done reason."""
    rows: list[list[object]] = [["Test", "Value", "Unit (tick one)", "Not attrib. to SLE", "Not done: reason"]]
    for key in keys:
        choices = [u.label for u in units.units_for(key)]
        rows.append([labels.LABS[key][0], "", _boxes(choices), BOX, ""])
    return _grid(rows, [30 * mm, 22 * mm, 66 * mm, 22 * mm, 40 * mm], height=7 * mm,
                 extra=[("ALIGN", (3, 1), (3, -1), "CENTER")])


def _infusion_block(number: int) -> list[Flowable]:
    rows = [
        ["Infusion date", "____-__-__", "Infusion weight", "______ kg", "Dose (cells)", "________ ×10⁶"],
        ["Completion", _boxes(("full", "partial", "not given")), "", "", "", ""],
        ["Pre-infusion", "BP ____/____ mmHg", "Pulse", "_____ /min", "Temperature", "_____ °C"],
        ["Post-infusion", "BP ____/____ mmHg", "Pulse", "_____ /min", "Temperature", "_____ °C"],
    ]
    table = _grid(rows, [26 * mm, 36 * mm, 26 * mm, 26 * mm, 26 * mm, 40 * mm], header=False, height=8 * mm,
                  extra=[("SPAN", (1, 1), (5, 1))])
    return [Spacer(1, 3 * mm),
            KeepTogether([_section(f"Infusion {number} (the visit's assessments are taken before the dose)"),
                          table])]


def _sledai_block(params: ProtocolParams) -> list[Flowable]:
    st = styles()
    rows: list[list[object]] = [["Yes", "No", "Wt", "Descriptor", "Definition"]]
    for key in vocab.SLEDAI_KEYS:
        rows.append([BOX, BOX, str(vocab.SLEDAI_WEIGHTS[key]), labels.SLEDAI_NAMES[key], SLEDAI_DEFINITIONS[key]])
    rows.append(["", "", "", p("Total score (sum of weights ticked Yes)", st.cell_bold), "______ / 105"])
    table = _grid(rows, [9 * mm, 9 * mm, 9 * mm, 42 * mm, 111 * mm],
                  extra=[("ALIGN", (0, 0), (2, -1), "CENTER")])
    note = (f"Score a descriptor if present at the visit or in the preceding {params.sledai_lookback_days} days "
            "and attributable to SLE. Answer all 24: an unanswered descriptor leaves the score missing.")
    return [KeepTogether([_section("SLEDAI-2K"), p(note, st.small), Spacer(1, 1.5 * mm), table])]


def _pga_bilag_block() -> list[Flowable]:
    st = styles()
    pga = [_section("Physician's Global Assessment (PGA)"),
           p("Mark the line, then write the value with one decimal (e.g. 1.2):  PGA = ____ . ____", st.cell),
           PgaLine(FRAME_W)]
    rows: list[list[object]] = [["Domain", "A severe", "B moderate", "C mild", "D inactive now", "E never"]]
    for key in vocab.BILAG_DOMAINS:
        rows.append([labels.BILAG_NAMES[key], BOX, BOX, BOX, BOX, BOX])
    bilag = _grid(rows, [50 * mm] + [26 * mm] * 5, height=7 * mm, extra=[("ALIGN", (1, 1), (-1, -1), "CENTER")])
    return [KeepTogether(pga), Spacer(1, 4 * mm),
            KeepTogether([_section("BILAG-2004 (one grade per domain)"), bilag]), Spacer(1, 4 * mm)]


def _sfi_lldas_block() -> list[Flowable]:
    rows: list[list[object]] = [["SFI: new or worse since the previous assessment", "Answer"]]
    for key in vocab.SFI_ORGANS:
        rows.append([labels.SFI_ORGAN_NAMES[key], _boxes(("yes", "no"))])
    rows.append(["Worse thrombocytopenia", _boxes(("yes", "no"))])
    rows.append(["Urine sediment inactive (investigator's judgement)", _boxes(("yes", "no"))])
    sfi = _grid(rows, [120 * mm, 60 * mm], height=7 * mm)
    rows = [["LLDAS questions", "Answer"]]
    for key in vocab.LLDAS_QUESTIONS:
        rows.append([labels.LLDAS_QUESTION_TEXT[key], _boxes(("yes", "no"))])
    lldas = _grid(rows, [120 * mm, 60 * mm], height=7 * mm)
    return [KeepTogether([_section("Flare (SFI), sediment and LLDAS"), sfi, Spacer(1, 2 * mm), lldas]),
            Spacer(1, 4 * mm)]


def _steroid_block() -> list[Flowable]:
    st = styles()
    header = ["Drug", "Route", "mg per dose", "Doses/day", "Start", "Stop", "Indication"]
    rows: list[list[object]] = [header] + [[""] * 7 for _ in range(6)]
    table = _grid(rows, [34 * mm, 20 * mm, 20 * mm, 18 * mm, 24 * mm, 24 * mm, 40 * mm], height=8 * mm)
    legend = ("Route: oral, IV, IM, SC (topical, inhaled, ophthalmic, intra-articular also recorded). "
              "Indication: SLE, renal flare, extrarenal flare, premedication, other (non-SLE). "
              "Alternate days: 0.5 doses/day. Stop empty = ongoing.")
    return [KeepTogether([_section("Corticosteroid log (changes since the last visit)"), p(legend, st.small),
                          Spacer(1, 1.5 * mm), table]), Spacer(1, 4 * mm)]


def _ae_block() -> list[Flowable]:
    st = styles()
    header = ["Adverse event term", "Onset", "End", "Grade 1–5", "Serious", "Related product / infusion",
              "Outcome"]
    rows: list[list[object]] = [header] + [[""] * 7 for _ in range(5)]
    table = _grid(rows, [44 * mm, 21 * mm, 21 * mm, 16 * mm, 16 * mm, 34 * mm, 28 * mm], height=9 * mm)
    legend = "Relatedness: not related, unlikely, possible, probable, definite. Grade per CTCAE v5."
    return [KeepTogether([_section("Adverse events"), p(legend, st.small), Spacer(1, 1.5 * mm), table]),
            Spacer(1, 4 * mm)]


def _comments_block() -> list[Flowable]:
    table = _grid([[""] for _ in range(4)], [FRAME_W], header=False, height=8 * mm)
    return [KeepTogether([_section("Comments (Korean or English)"), table]), Spacer(1, 4 * mm)]


def _signature_block() -> list[Flowable]:
    rows = [
        ["Completed by (name)", "", "Signature", "", "Date", "____-__-__"],
        ["Investigator (name)", "", "Signature", "", "Date", "____-__-__"],
    ]
    table = _grid(rows, [32 * mm, 44 * mm, 20 * mm, 44 * mm, 12 * mm, 28 * mm], header=False, height=12 * mm,
                  extra=[("BACKGROUND", (0, 0), (0, -1), HEAD_BG), ("BACKGROUND", (2, 0), (2, -1), HEAD_BG),
                         ("BACKGROUND", (4, 0), (4, -1), HEAD_BG)])
    return [KeepTogether([_section("Signatures"), table])]


def build_blank_crfs(
    out_path: str | Path,
    params: ProtocolParams,
    study: Mapping[str, str],
    *,
    visit_codes: Sequence[str] | None = None,
    printed_on: date | None = None,
) -> Path:
    """Write blank paper CRFs to out_path (atomically) and return the path.

    params: protocol parameters (visit windows, SLEDAI recall days); study: the [study] table (protocol,
    title, site); visit_codes: which forms, default every visit code in schedule order (UNS last);
    printed_on: the date in the footer (default today).
    """
    codes = tuple(visit_codes) if visit_codes else vocab.VISIT_CODES
    furniture = Furniture(study.get("protocol", ""), "Blank CRF (paper fallback)", printed_on or date.today(), None,
                          group_pages=True)

    def write(temp: str) -> None:
        doc = TrialDoc(temp, furniture)
        story: list[Flowable] = []
        for code in codes:
            story += visit_form(code, params, study)
        doc.build_story(story)

    return write_atomically(out_path, write)
