"""The visit form's raw texts (what the user typed, what crash drafts keep) to and from a VisitEntry.

Raw keys: "date", "missed", "missed_reason", "comment"; each numeric field by name with ".nd" (not done,
"ND:" + reason), labs also ".unit" and ".na" (not attributable to SLE); "urine_casts" (comma list or "none");
"sledai.<key>" ("1" = present) and "sledai.assessed"; "pga"; "bilag.<domain>"; yes/no answers "sfi.<organ>",
"sfi.worse_thrombocytopenia", "lldas.<question>", "sediment_inactive"; sections "<section>.nd".
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from endpoints import units, vocab
from endpoints.dossier import LldasForm, SfiForm
from models.visit_store import VITAL_COLUMNS, LabEntry, VisitEntry
from ui.widgets.inputs import parse_date_text, parse_decimal_text

SECTIONS_NOT_DONE = ("sledai", "pga", "bilag", "lldas")
CAST_NONE = "none"
INTEGER_FIELDS = ("systolic_bp_mmhg", "diastolic_bp_mmhg", "pulse_bpm")


def _yes_no(value: bool | None) -> str:
    return "" if value is None else ("yes" if value else "no")


def _bool(text: str) -> bool | None:
    return {"yes": True, "no": False}.get(text)


def _number_text(value: float | None) -> str:
    return "" if value is None else format(Decimal(repr(value)).normalize(), "f")


def _nd(entry: VisitEntry, name: str) -> str:
    return "ND:" + entry.not_done[name] if name in entry.not_done else ""


def entry_to_raw(entry: VisitEntry) -> dict[str, str]:
    """The texts the form shows for an entry."""
    raw = {
        "date": entry.date.isoformat() if entry.date else "", "missed": "1" if entry.missed else "",
        "missed_reason": entry.missed_reason or "", "comment": entry.comment or "",
    }
    for name in VITAL_COLUMNS:
        raw[name] = _number_text(getattr(entry, name))
        raw[f"{name}.nd"] = _nd(entry, name)
    for key in vocab.NUMERIC_LAB_KEYS:
        lab = entry.labs.get(key, LabEntry())
        raw[key] = lab.value_text or ""
        raw[f"{key}.unit"] = lab.unit or units.canonical_unit(key).code
        raw[f"{key}.na"] = "1" if lab.not_attributable else ""
        raw[f"{key}.nd"] = _nd(entry, key)
    casts = entry.urine_casts
    raw["urine_casts"] = "" if casts is None else (",".join(casts) if casts else CAST_NONE)
    raw["urine_casts.na"] = "1" if entry.casts_not_attributable else ""
    raw["urine_casts.nd"] = _nd(entry, "urine_casts")
    for key in vocab.SLEDAI_KEYS:
        raw[f"sledai.{key}"] = "1" if entry.sledai.get(key) else ""
    raw["sledai.assessed"] = "1" if all(entry.sledai.get(k) is not None for k in vocab.SLEDAI_KEYS) else ""
    raw["pga"] = "" if entry.pga_tenths is None else f"{entry.pga_tenths / 10:.1f}"
    for domain in vocab.BILAG_DOMAINS:
        raw[f"bilag.{domain}"] = entry.bilag.get(domain, "")
    for organ in vocab.SFI_ORGANS:
        raw[f"sfi.{organ}"] = _yes_no(entry.sfi.organ_new_worse.get(organ))
    raw["sfi.worse_thrombocytopenia"] = _yes_no(entry.sfi.worse_thrombocytopenia)
    for question in vocab.LLDAS_QUESTIONS:
        raw[f"lldas.{question}"] = _yes_no(getattr(entry.lldas, question))
    raw["sediment_inactive"] = _yes_no(entry.sediment_inactive)
    for section in SECTIONS_NOT_DONE:
        raw[f"{section}.nd"] = _nd(entry, section)
    return raw


def raw_to_entry(raw: dict[str, str], base: VisitEntry) -> tuple[VisitEntry, dict[str, str]]:
    """Read the texts into an entry (record id, code and saved confirmations from `base`); returns the entry
    and the fields whose text does not read (date, numbers), with a message each. Unreadable fields are empty."""
    problems: dict[str, str] = {}
    not_done: dict[str, str] = {}
    for key, text in raw.items():
        if key.endswith(".nd") and text.startswith("ND:"):
            not_done[key[:-3]] = text[3:]

    def number(name: str) -> Decimal | None:
        try:
            return parse_decimal_text(raw.get(name, ""))
        except ValueError as exc:
            problems[name] = str(exc)
            return None

    try:
        when = parse_date_text(raw.get("date", ""))
    except ValueError as exc:
        problems["date"] = str(exc)
        when = None
    vitals: dict[str, float | int | None] = {}
    for name in VITAL_COLUMNS:
        value = number(name)
        if value is not None and name in INTEGER_FIELDS and value != value.to_integral_value():
            problems[name] = "Type a whole number."
            value = None
        vitals[name] = None if value is None else (int(value) if name in INTEGER_FIELDS else float(value))
    labs: dict[str, LabEntry] = {}
    for key in vocab.NUMERIC_LAB_KEYS:
        value = number(key)
        flag = raw.get(f"{key}.na") == "1"
        if value is not None or flag:
            text = None if value is None else format(value.normalize(), "f")
            labs[key] = LabEntry(text, raw.get(f"{key}.unit") or units.canonical_unit(key).code, flag)
    casts_text = raw.get("urine_casts", "")
    casts = None if not casts_text else (() if casts_text == CAST_NONE else tuple(
        t for t in vocab.URINE_CAST_TYPES if t in casts_text.split(",")))
    pga_tenths = None
    pga = number("pga")
    if pga is not None:
        if pga * 10 != (pga * 10).to_integral_value():
            problems["pga"] = "PGA has one decimal (e.g. 1.2)."
        else:
            pga_tenths = int(pga * 10)
    assessed = raw.get("sledai.assessed") == "1"
    sledai = {k: True for k in vocab.SLEDAI_KEYS if raw.get(f"sledai.{k}") == "1"}
    if assessed:
        sledai = {k: sledai.get(k, False) for k in vocab.SLEDAI_KEYS}
    entry = replace(
        base, date=when, missed=raw.get("missed") == "1", missed_reason=raw.get("missed_reason", "").strip() or None,
        comment=raw.get("comment", "").strip() or None, labs=labs, urine_casts=casts,
        casts_not_attributable=raw.get("urine_casts.na") == "1", sledai=sledai, pga_tenths=pga_tenths,
        bilag={d: raw[f"bilag.{d}"] for d in vocab.BILAG_DOMAINS if raw.get(f"bilag.{d}") in vocab.BILAG_GRADES},
        sfi=SfiForm({o: v for o in vocab.SFI_ORGANS if (v := _bool(raw.get(f"sfi.{o}", ""))) is not None},
                    _bool(raw.get("sfi.worse_thrombocytopenia", ""))),
        lldas=LldasForm(**{q: _bool(raw.get(f"lldas.{q}", "")) for q in vocab.LLDAS_QUESTIONS}),
        sediment_inactive=_bool(raw.get("sediment_inactive", "")), not_done=not_done,
        **vitals,  # type: ignore[arg-type]
    )
    return entry, problems
