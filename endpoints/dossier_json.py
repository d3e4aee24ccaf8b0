"""Dossier JSON reader and writer (shared/spec/dossier.md), strict and lossless.

Works on already-parsed JSON values (dicts, lists, str, int, float, bool, None); reading files is the caller's
job, `json_from_text` parses text as strictly as the reader reads values: NaN, Infinity and repeated keys are
refused, and so are (with their JSON path) integers beyond ±2^53, nesting deeper than 32 levels and texts that
cannot be written as UTF-8 (a lone surrogate). Texts are held to the field limits of endpoints.dossier and
endpoints.record_checks, the ones the forms use. `dossier_from_json` refuses unknown keys, wrong types and
values outside the vocabularies with a `DossierError` naming the JSON path (e.g. ``$.visits[3].labs.upcr_g_g``);
only ``extensions`` is free.
`null` means the same as an absent key. `dossier_to_json` omits absent values and writes a dossier that
reads back to an equal `Dossier`.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable
from copy import deepcopy
from datetime import date
from decimal import Decimal
from typing import Any

from endpoints import vocab
from endpoints.dossier import (
    DOSSIER_FORMAT,
    MAX_EXTENSIONS_CHARS,
    MAX_INITIALS,
    MAX_JSON_DEPTH,
    MAX_JSON_INTEGER,
    MAX_SUBJECT_ID,
    AdverseEvent,
    Dossier,
    FlareEvent,
    Hospitalisation,
    Infusion,
    Labs,
    LldasForm,
    Medication,
    RenalReplacement,
    SfiForm,
    SteroidRow,
    Subject,
    Visit,
)
from endpoints.record_checks import MAX_NOTE, MAX_TEXT


class DossierError(ValueError):
    """A dossier is malformed: `path` is the JSON path of the first problem, `reason` says what is wrong."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


_DATE_RE = re.compile(r"\d{4}-\d{2}-\d{2}")


def parse_date(value: Any, path: str = "$") -> date:
    """A strict ISO ``YYYY-MM-DD`` date; anything else raises DossierError(path, reason)."""
    if not isinstance(value, str):
        raise DossierError(path, f"must be a date written YYYY-MM-DD, not {_describe(value)}")
    if not _DATE_RE.fullmatch(value):
        raise DossierError(path, f"must be a date written YYYY-MM-DD, not {value!r}")
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise DossierError(path, f"{value!r} is not a calendar date") from None


def json_from_text(text: str) -> Any:
    """Parse dossier JSON text strictly: invalid JSON, NaN/Infinity and a key repeated in one object are refused.

    Raises DossierError("$", reason); the reason gives the line and column of invalid JSON.
    """
    try:
        value = json.loads(text, parse_constant=_refuse_constant, object_pairs_hook=_unique_keys)
    except json.JSONDecodeError as exc:
        raise DossierError("$", f"not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})") from None
    except _TextError as exc:
        raise DossierError("$", str(exc)) from None
    except RecursionError:
        raise DossierError("$", f"nested too deeply (at most {MAX_JSON_DEPTH} levels)") from None
    except ValueError as exc:  # an integer of thousands of digits (Python's int conversion limit)
        raise DossierError("$", f"not a usable JSON number ({exc})") from None
    check_json_values(value)
    return value


def check_json_values(value: Any, path: str = "$") -> None:
    """Refuse, with its JSON path, what no dossier value can be: nesting deeper than MAX_JSON_DEPTH, an integer
    beyond ±MAX_JSON_INTEGER, a non-finite number, a text or key that cannot be written as UTF-8. Iterative, so
    any depth is checked without recursion."""
    stack: list[tuple[Any, str, int]] = [(value, path, 0)]
    while stack:
        item, where, depth = stack.pop()
        if isinstance(item, (dict, list)):
            if depth >= MAX_JSON_DEPTH:
                raise DossierError(where, f"nested too deeply (at most {MAX_JSON_DEPTH} levels)")
            if isinstance(item, dict):
                for key, child in item.items():
                    if not isinstance(key, str):
                        raise DossierError(where, "object keys must be texts")
                    _check_text(key, where)
                    stack.append((child, _join(where, key), depth + 1))
            else:
                stack.extend((child, f"{where}[{i}]", depth + 1) for i, child in enumerate(item))
        elif isinstance(item, str):
            _check_text(item, where)
        elif isinstance(item, bool) or item is None:
            continue
        elif isinstance(item, int):
            if not -MAX_JSON_INTEGER <= item <= MAX_JSON_INTEGER:
                raise DossierError(where, "the number is too large to be a plausible value")
        elif isinstance(item, float):
            if not math.isfinite(item):
                raise DossierError(where, "must be a finite number (NaN and Infinity are not JSON)")
        else:
            raise DossierError(where, f"{type(item).__name__} is not a JSON value")


def _check_text(text: str, where: str) -> None:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise DossierError(where, "the text holds a character that cannot be written as UTF-8 (a lone surrogate "
                                  "escape such as \\ud800)") from None


class _TextError(ValueError):
    pass


def _refuse_constant(name: str) -> Any:
    raise _TextError(f"not valid JSON ({name} is not a JSON number)")


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise _TextError(f"the key {key!r} appears twice in one object")
        out[key] = value
    return out


def _describe(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return f"the number {value!r}"
    if isinstance(value, str):
        return f"the text {value!r}"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__


# ---------------------------------------------------------------------------------------------------------------
# Reading: typed field readers


class _Obj:
    """A JSON object being read: hands out typed fields and checks that no unknown key is left."""

    def __init__(self, value: Any, path: str, allowed: tuple[str, ...]) -> None:
        if not isinstance(value, dict):
            raise DossierError(path, f"must be an object, not {_describe(value)}")
        for key in value:
            if key not in allowed:
                raise DossierError(_join(path, key), f"unknown key (allowed: {', '.join(allowed)})")
        self.value = value
        self.path = path

    def path_of(self, key: str) -> str:
        return _join(self.path, key)

    def get(self, key: str) -> Any:
        return self.value.get(key)

    def has(self, key: str) -> bool:
        return self.value.get(key) is not None

    def required(self, key: str, reader: Callable[[Any, str], Any]) -> Any:
        if self.value.get(key) is None:
            raise DossierError(self.path_of(key), "is required")
        return reader(self.value[key], self.path_of(key))

    def optional(self, key: str, reader: Callable[[Any, str], Any], default: Any = None) -> Any:
        if self.value.get(key) is None:
            return default
        return reader(self.value[key], self.path_of(key))


def _join(path: str, key: str) -> str:
    return f"{path}.{key}" if re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", key) else f"{path}[{key!r}]"


def _text(value: Any, path: str, limit: int = MAX_TEXT) -> str:
    if not isinstance(value, str):
        raise DossierError(path, f"must be a text, not {_describe(value)}")
    _check_text(value, path)
    if len(value) > limit:
        raise DossierError(path, f"at most {limit:,} characters, not {len(value):,}")
    return value


def _nonempty_text(value: Any, path: str, limit: int = MAX_TEXT) -> str:
    text = _text(value, path, limit)
    if not text.strip():
        raise DossierError(path, "must not be empty")
    return text


def _limited(reader: Callable[..., str], limit: int) -> Callable[[Any, str], str]:
    return lambda value, path: reader(value, path, limit)


def _boolean(value: Any, path: str) -> bool:
    if not isinstance(value, bool):
        raise DossierError(path, f"must be true or false, not {_describe(value)}")
    return value


def _number(value: Any, path: str) -> float:
    """A finite, non-negative JSON number (never a boolean) as float."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise DossierError(path, f"must be a number, not {_describe(value)}")
    if isinstance(value, float) and not math.isfinite(value):
        raise DossierError(path, "must be a finite number")
    if abs(value) > MAX_JSON_INTEGER:
        raise DossierError(path, "the number is too large to be a plausible value")
    if value < 0:
        raise DossierError(path, f"must be ≥ 0, not {value!r}")
    return float(value)


def _integer(value: Any, path: str) -> int:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise DossierError(path, f"must be a whole number, not {_describe(value)}")
    if isinstance(value, float) and not (math.isfinite(value) and value.is_integer()):
        raise DossierError(path, f"must be a whole number, not {value!r}")
    if abs(value) > MAX_JSON_INTEGER:
        raise DossierError(path, "the number is too large to be a plausible value")
    return int(value)


def _ranged_int(low: int, high: int) -> Callable[[Any, str], int]:
    def read(value: Any, path: str) -> int:
        number = _integer(value, path)
        if not low <= number <= high:
            raise DossierError(path, f"must be a whole number from {low} to {high}, not {number}")
        return number

    return read


def _choice(options: tuple[str, ...]) -> Callable[[Any, str], str]:
    def read(value: Any, path: str) -> str:
        if not isinstance(value, str):
            raise DossierError(path, f"must be one of {', '.join(options)}, not {_describe(value)}")
        if value not in options:
            raise DossierError(path, f"{value!r} is not one of {', '.join(options)}")
        return value

    return read


def _list(value: Any, path: str) -> list[Any]:
    if not isinstance(value, list):
        raise DossierError(path, f"must be a list, not {_describe(value)}")
    return value


def _items(obj: _Obj, key: str, reader: Callable[[Any, str], Any]) -> tuple[Any, ...]:
    if not obj.has(key):
        return ()
    path = obj.path_of(key)
    return tuple(reader(item, f"{path}[{i}]") for i, item in enumerate(_list(obj.get(key), path)))


def _pga_tenths(value: Any, path: str) -> int:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise DossierError(path, f"must be a number from 0.0 to 3.0, not {_describe(value)}")
    if isinstance(value, float) and not math.isfinite(value):
        raise DossierError(path, "must be a finite number")
    if abs(value) > MAX_JSON_INTEGER:
        raise DossierError(path, f"must be from 0.0 to 3.0, not {_describe(value)[:40]}")
    tenths = Decimal(repr(value)) * 10
    if tenths != tenths.to_integral_value():
        raise DossierError(path, f"must have at most one decimal, not {value!r}")
    if not 0 <= tenths <= 30:
        raise DossierError(path, f"must be from 0.0 to 3.0, not {value!r}")
    return int(tenths)


# ---------------------------------------------------------------------------------------------------------------
# Reading: sections

_TOP_KEYS = (
    "format", "as_of", "steroid_log_complete_through", "subject", "infusions", "visits", "steroids", "medications",
    "hospitalisations", "renal_replacement", "events", "adverse_events", "extensions",
)
_SUBJECT_KEYS = (
    "id", "subgroup", "sex", "birth_date", "consent_date", "status", "withdrawal_date", "death_date", "initials",
    "weight_kg",
)
_INFUSION_KEYS = ("number", "planned_date", "date", "weight_kg", "dose_cells", "completion")
_VISIT_KEYS = (
    "code", "date", "missed", "reason", "weight_kg", "labs", "labs_not_attributable", "sledai", "pga", "bilag",
    "sfi", "lldas", "sediment_inactive",
)
_MISSED_VISIT_KEYS = ("code", "date", "missed", "reason")  # dossier.md: "then only `reason` may accompany it"
_STEROID_KEYS = ("drug", "route", "mg_per_dose", "doses_per_day", "start", "stop", "indication")
_MEDICATION_KEYS = (
    "name", "agent_class", "start", "stop", "rescue", "indication", "for_sle_activity", "investigational",
)
_HOSPITALISATION_KEYS = ("admission", "discharge", "for_sle_activity", "indication")
_RENAL_KEYS = ("type", "start", "stop", "chronic")
_EVENT_KEYS = ("type", "date", "organ", "note")
_AE_KEYS = ("term", "onset", "end", "grade", "serious", "related_product", "related_infusion", "outcome")


def dossier_from_json(obj: Any) -> Dossier:
    """Read a parsed dossier JSON value into a `Dossier`; raises DossierError at the first problem."""
    check_json_values(obj)
    top = _Obj(obj, "$", _TOP_KEYS)
    fmt = top.get("format")
    if fmt is None:
        raise DossierError("$.format", f'is required ("{DOSSIER_FORMAT}")')
    if fmt != DOSSIER_FORMAT:
        raise DossierError("$.format", f'must be "{DOSSIER_FORMAT}", not {_describe(fmt)}')
    as_of = top.required("as_of", parse_date)
    subject = top.required("subject", _subject)
    complete_through = top.optional("steroid_log_complete_through", parse_date)
    infusions = _items(top, "infusions", _infusion)
    _check_unique_infusions(infusions)
    visits = _items(top, "visits", _visit)
    _check_unique_codes(visits)
    return Dossier(
        as_of=as_of,
        subject=subject,
        steroid_log_complete_through=complete_through,
        infusions=infusions,
        visits=visits,
        steroids=_items(top, "steroids", _steroid),
        medications=_items(top, "medications", _medication),
        hospitalisations=_items(top, "hospitalisations", _hospitalisation),
        renal_replacement=_items(top, "renal_replacement", _renal),
        events=_items(top, "events", _event),
        adverse_events=_items(top, "adverse_events", _adverse_event),
        extensions=top.optional("extensions", _extensions, {}),
    )


def _extensions(value: Any, path: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise DossierError(path, f"must be an object, not {_describe(value)}")
    size = len(json.dumps(value, ensure_ascii=False))
    if size > MAX_EXTENSIONS_CHARS:
        raise DossierError(path, f"at most {MAX_EXTENSIONS_CHARS:,} characters of JSON, not {size:,}")
    return deepcopy(value)


def _check_unique_codes(visits: tuple[Visit, ...]) -> None:
    seen: dict[str, int] = {}
    for i, visit in enumerate(visits):
        if visit.code == "UNS":
            continue
        if visit.code in seen:
            raise DossierError(
                f"$.visits[{i}].code", f"visit {visit.code} appears twice (also $.visits[{seen[visit.code]}])"
            )
        seen[visit.code] = i


def _check_unique_infusions(infusions: tuple[Infusion, ...]) -> None:
    seen: set[int] = set()
    for i, infusion in enumerate(infusions):
        if infusion.number in seen:
            raise DossierError(f"$.infusions[{i}].number", f"infusion {infusion.number} appears twice")
        seen.add(infusion.number)


def _subject(value: Any, path: str) -> Subject:
    o = _Obj(value, path, _SUBJECT_KEYS)
    return Subject(
        id=o.required("id", _limited(_nonempty_text, MAX_SUBJECT_ID)),
        subgroup=o.required("subgroup", _choice(vocab.SUBGROUPS)),
        sex=o.required("sex", _choice(vocab.SEXES)),
        birth_date=o.required("birth_date", parse_date),
        status=o.required("status", _choice(vocab.SUBJECT_STATUSES)),
        consent_date=o.optional("consent_date", parse_date),
        withdrawal_date=o.optional("withdrawal_date", parse_date),
        death_date=o.optional("death_date", parse_date),
        initials=o.optional("initials", _limited(_text, MAX_INITIALS)),
        weight_kg=o.optional("weight_kg", _number),
    )


def _infusion(value: Any, path: str) -> Infusion:
    o = _Obj(value, path, _INFUSION_KEYS)
    return Infusion(
        number=o.required("number", _ranged_int(1, 2)),
        planned_date=o.optional("planned_date", parse_date),
        date=o.optional("date", parse_date),
        weight_kg=o.optional("weight_kg", _number),
        dose_cells=o.optional("dose_cells", _number),
        completion=o.optional("completion", _choice(vocab.INFUSION_COMPLETIONS)),
    )


def _visit(value: Any, path: str) -> Visit:
    missed = False
    if isinstance(value, dict) and value.get("missed") is not None:
        missed = _boolean(value["missed"], _join(path, "missed"))
    if missed:
        for key in value:
            if key not in _MISSED_VISIT_KEYS:
                raise DossierError(_join(path, key), "a missed visit may only carry code, date, missed and reason")
    o = _Obj(value, path, _VISIT_KEYS)
    if missed:
        return Visit(
            code=o.required("code", _choice(vocab.VISIT_CODES)),
            date=o.optional("date", parse_date),
            missed=True,
            reason=o.optional("reason", _text),
        )
    if o.has("reason"):
        raise DossierError(o.path_of("reason"), "a reason is only given for a missed visit")
    return Visit(
        code=o.required("code", _choice(vocab.VISIT_CODES)),
        date=o.required("date", parse_date),
        weight_kg=o.optional("weight_kg", _number),
        labs=o.optional("labs", _labs, Labs()),
        labs_not_attributable=_items(o, "labs_not_attributable", _choice(vocab.LAB_KEYS)),
        sledai=o.optional("sledai", _bool_map(vocab.SLEDAI_KEYS), {}),
        pga_tenths=o.optional("pga", _pga_tenths),
        bilag=o.optional("bilag", _bilag, {}),
        sfi=o.optional("sfi", _sfi, SfiForm()),
        lldas=o.optional("lldas", _lldas, LldasForm()),
        sediment_inactive=o.optional("sediment_inactive", _boolean),
    )


def _positive(value: Any, path: str) -> float:
    """A number > 0: a quantity that cannot be zero (0 would mean "not done", which is written as absent)."""
    number = _number(value, path)
    if number == 0:
        raise DossierError(path, "must be > 0 (leave it out when not done)")
    return number


# Lab quantities that are never 0 in a living subject; eGFR divides by creatinine.
_POSITIVE_LABS = ("creatinine_mg_dl", "hemoglobin_g_dl")


def _labs(value: Any, path: str) -> Labs:
    o = _Obj(value, path, vocab.LAB_KEYS)
    values: dict[str, Any] = {
        key: o.optional(key, _positive if key in _POSITIVE_LABS else _number) for key in vocab.NUMERIC_LAB_KEYS
    }
    if o.has("urine_casts"):
        values["urine_casts"] = _items(o, "urine_casts", _choice(vocab.URINE_CAST_TYPES))
    return Labs(**values)


def _bool_map(keys: tuple[str, ...]) -> Callable[[Any, str], dict[str, bool]]:
    def read(value: Any, path: str) -> dict[str, bool]:
        o = _Obj(value, path, keys)
        return {key: _boolean(o.get(key), o.path_of(key)) for key in keys if o.has(key)}

    return read


def _bilag(value: Any, path: str) -> dict[str, str]:
    o = _Obj(value, path, vocab.BILAG_DOMAINS)
    grade = _choice(vocab.BILAG_GRADES)
    return {key: grade(o.get(key), o.path_of(key)) for key in vocab.BILAG_DOMAINS if o.has(key)}


def _sfi(value: Any, path: str) -> SfiForm:
    o = _Obj(value, path, ("organ_new_worse", "worse_thrombocytopenia"))
    return SfiForm(
        organ_new_worse=o.optional("organ_new_worse", _bool_map(vocab.SFI_ORGANS), {}),
        worse_thrombocytopenia=o.optional("worse_thrombocytopenia", _boolean),
    )


def _lldas(value: Any, path: str) -> LldasForm:
    o = _Obj(value, path, vocab.LLDAS_QUESTIONS)
    return LldasForm(**{key: o.optional(key, _boolean) for key in vocab.LLDAS_QUESTIONS})


def _not_before(o: _Obj, start_key: str, start: date | None, end_key: str, end: date | None, what: str) -> None:
    """Refuse a row that ends before it starts: the path is the end's, the reason names both dates."""
    if start is not None and end is not None and end < start:
        raise DossierError(o.path_of(end_key), f"{end.isoformat()} is before the {start_key} "
                                               f"{start.isoformat()}: {what}")


def _steroid(value: Any, path: str) -> SteroidRow:
    o = _Obj(value, path, _STEROID_KEYS)
    row = SteroidRow(
        drug=o.required("drug", _choice(vocab.STEROID_DRUGS)),
        route=o.required("route", _choice(vocab.STEROID_ROUTES)),
        mg_per_dose=o.required("mg_per_dose", _number),
        start=o.required("start", parse_date),
        stop=o.optional("stop", parse_date),
        doses_per_day=o.optional("doses_per_day", _number, 1.0),
        indication=o.optional("indication", _choice(vocab.STEROID_INDICATIONS), "sle"),
    )
    _not_before(o, "start", row.start, "stop", row.stop, "a steroid row cannot stop before it starts")
    return row


def _medication(value: Any, path: str) -> Medication:
    o = _Obj(value, path, _MEDICATION_KEYS)
    row = Medication(
        name=o.required("name", _nonempty_text),
        agent_class=o.required("agent_class", _choice(vocab.AGENT_CLASSES)),
        start=o.required("start", parse_date),
        stop=o.optional("stop", parse_date),
        rescue=o.optional("rescue", _boolean),
        indication=o.optional("indication", _choice(vocab.MEDICATION_INDICATIONS)),
        for_sle_activity=o.optional("for_sle_activity", _boolean),
        investigational=o.optional("investigational", _boolean),
    )
    _not_before(o, "start", row.start, "stop", row.stop, "a medication cannot stop before it starts")
    return row


def _hospitalisation(value: Any, path: str) -> Hospitalisation:
    o = _Obj(value, path, _HOSPITALISATION_KEYS)
    row = Hospitalisation(
        admission=o.required("admission", parse_date),
        discharge=o.optional("discharge", parse_date),
        for_sle_activity=o.optional("for_sle_activity", _boolean),
        indication=o.optional("indication", _choice(vocab.HOSPITALISATION_INDICATIONS)),
    )
    _not_before(o, "admission", row.admission, "discharge", row.discharge,
                "a patient cannot be discharged before being admitted")
    return row


def _renal(value: Any, path: str) -> RenalReplacement:
    o = _Obj(value, path, _RENAL_KEYS)
    row = RenalReplacement(
        type=o.required("type", _choice(vocab.RENAL_REPLACEMENT_TYPES)),
        start=o.required("start", parse_date),
        stop=o.optional("stop", parse_date),
        chronic=o.optional("chronic", _boolean),
    )
    _not_before(o, "start", row.start, "stop", row.stop, "renal replacement cannot stop before it starts")
    return row


def _event(value: Any, path: str) -> FlareEvent:
    o = _Obj(value, path, _EVENT_KEYS)
    return FlareEvent(
        type=o.required("type", _choice(vocab.EVENT_TYPES)),
        date=o.required("date", parse_date),
        organ=o.optional("organ", _choice(vocab.EVENT_ORGANS)),
        note=o.optional("note", _limited(_text, MAX_NOTE)),
    )


def _adverse_event(value: Any, path: str) -> AdverseEvent:
    o = _Obj(value, path, _AE_KEYS)
    return AdverseEvent(
        term=o.required("term", _nonempty_text),
        onset=o.optional("onset", parse_date),
        end=o.optional("end", parse_date),
        grade=o.optional("grade", _ranged_int(1, 5)),
        serious=o.optional("serious", _boolean),
        related_product=o.optional("related_product", _choice(vocab.AE_RELATEDNESS)),
        related_infusion=o.optional("related_infusion", _choice(vocab.AE_RELATEDNESS)),
        outcome=o.optional("outcome", _text),
    )


# ---------------------------------------------------------------------------------------------------------------
# Writing


def dossier_to_json(d: Dossier) -> dict[str, Any]:
    """The dossier as a JSON-ready dict (absent values omitted); `dossier_from_json` reads it back equal."""
    out: dict[str, Any] = {"format": DOSSIER_FORMAT, "as_of": d.as_of.isoformat()}
    if d.steroid_log_complete_through is not None:
        out["steroid_log_complete_through"] = d.steroid_log_complete_through.isoformat()
    s = d.subject
    out["subject"] = _fields(
        id=s.id, subgroup=s.subgroup, sex=s.sex, birth_date=s.birth_date, consent_date=s.consent_date,
        status=s.status, withdrawal_date=s.withdrawal_date, death_date=s.death_date, initials=s.initials,
        weight_kg=s.weight_kg,
    )
    sections: dict[str, list[dict[str, Any]]] = {
        "infusions": [_infusion_json(i) for i in d.infusions],
        "visits": [_visit_json(v) for v in d.visits],
        "steroids": [_steroid_json(r) for r in d.steroids],
        "medications": [_medication_json(m) for m in d.medications],
        "hospitalisations": [
            _fields(admission=h.admission, discharge=h.discharge, for_sle_activity=h.for_sle_activity,
                    indication=h.indication)
            for h in d.hospitalisations
        ],
        "renal_replacement": [
            _fields(type=r.type, start=r.start, stop=r.stop, chronic=r.chronic) for r in d.renal_replacement
        ],
        "events": [_fields(type=e.type, date=e.date, organ=e.organ, note=e.note) for e in d.events],
        "adverse_events": [
            _fields(term=a.term, onset=a.onset, end=a.end, grade=a.grade, serious=a.serious,
                    related_product=a.related_product, related_infusion=a.related_infusion, outcome=a.outcome)
            for a in d.adverse_events
        ],
    }
    out.update({key: items for key, items in sections.items() if items})
    if d.extensions:
        out["extensions"] = deepcopy(d.extensions)
    return out


def _fields(**values: Any) -> dict[str, Any]:
    return {key: _json_value(val) for key, val in values.items() if val is not None}


def _json_value(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, tuple):
        return list(value)
    if isinstance(value, dict):
        return dict(value)
    return value


def _infusion_json(i: Infusion) -> dict[str, Any]:
    return _fields(number=i.number, planned_date=i.planned_date, date=i.date, weight_kg=i.weight_kg,
                   dose_cells=i.dose_cells, completion=i.completion)


def _visit_json(v: Visit) -> dict[str, Any]:
    if v.missed:
        return _fields(code=v.code, date=v.date, missed=True, reason=v.reason)
    out = _fields(code=v.code, date=v.date, weight_kg=v.weight_kg)
    labs = _fields(**{key: getattr(v.labs, key) for key in vocab.LAB_KEYS})
    if labs:
        out["labs"] = labs
    if v.labs_not_attributable:
        out["labs_not_attributable"] = list(v.labs_not_attributable)
    if v.sledai:
        out["sledai"] = dict(v.sledai)
    if v.pga_tenths is not None:
        out["pga"] = v.pga_tenths / 10
    if v.bilag:
        out["bilag"] = dict(v.bilag)
    sfi = _fields(organ_new_worse=v.sfi.organ_new_worse or None, worse_thrombocytopenia=v.sfi.worse_thrombocytopenia)
    if sfi:
        out["sfi"] = sfi
    lldas = _fields(**{key: getattr(v.lldas, key) for key in vocab.LLDAS_QUESTIONS})
    if lldas:
        out["lldas"] = lldas
    if v.sediment_inactive is not None:
        out["sediment_inactive"] = v.sediment_inactive
    return out


def _steroid_json(r: SteroidRow) -> dict[str, Any]:
    return _fields(drug=r.drug, route=r.route, mg_per_dose=r.mg_per_dose, doses_per_day=r.doses_per_day,
                   start=r.start, stop=r.stop, indication=r.indication)


def _medication_json(m: Medication) -> dict[str, Any]:
    return _fields(name=m.name, agent_class=m.agent_class, start=m.start, stop=m.stop, rescue=m.rescue,
                   indication=m.indication, for_sle_activity=m.for_sle_activity, investigational=m.investigational)
