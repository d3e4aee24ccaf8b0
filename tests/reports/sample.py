"""Hand-made dossiers for print tests: complete LN and LC subjects with Hangul text in medications and AEs."""

from __future__ import annotations

from dataclasses import replace

from endpoints.dossier import AdverseEvent, Dossier, FlareEvent, Hospitalisation, Medication
from tests.endpoints.builders import complete_subject, on, pred

HANGUL_MED = "마이코페놀산 모페틸"
HANGUL_AE = "두통 (경증)"
HANGUL_NOTE = "환자 요청으로 방문 연기"


def sample_dossier(subgroup: str = "LN", subject_id: str = "LN-01", as_of_day: int = 200) -> Dossier:
    """A complete subject (every visit to W24) with a steroid excursion, Hangul medication and AE text."""
    base = complete_subject(subgroup, as_of_day=as_of_day)
    steroids = base.steroids + (pred(10, 120, 123),)
    meds = (
        Medication(HANGUL_MED, "mycophenolate", on(-400), None, rescue=False, indication="maintenance",
                   for_sle_activity=True),
        Medication("Hydroxychloroquine 하이드록시클로로퀸", "antimalarial", on(-800), None, indication="maintenance"),
        Medication("IVIG 면역글로불린", "ivig", on(140), on(142), rescue=True, indication="haematologic",
                   for_sle_activity=True),
    )
    aes = (
        AdverseEvent(HANGUL_AE, on(2), on(4), 1, False, "possible", "possible", "recovered"),
        AdverseEvent("Upper respiratory infection 상기도 감염", on(45), on(52), 2, False, "unlikely", "not_related",
                     "recovered"),
        AdverseEvent("Pneumonia", on(150), None, 3, True, "unlikely", "not_related", "recovering"),
    )
    return replace(
        base,
        subject=replace(base.subject, id=subject_id, initials="KJH"),
        steroids=steroids,
        medications=meds,
        adverse_events=aes,
        hospitalisations=(Hospitalisation(on(150), on(156), False, "other"),),
        events=(FlareEvent("severe_flare", on(121), "extrarenal", HANGUL_NOTE),),
    )
