"""The endpoint panel beside the visit form: icon, status word and reason per endpoint of the subject's
population, and the banner that says whether the statuses are a preview of unsaved values."""

from __future__ import annotations

from datetime import date

from endpoints import results as r
from endpoints.results import EndpointResult, SubjectResults
from ui.results.endpoint_panel import EndpointPanel


def _results() -> SubjectResults:
    endpoints = {eid: EndpointResult(r.NOT_APPLICABLE, "not in the LC population") for eid in r.ENDPOINT_IDS}
    endpoints["ln_renal_response"] = EndpointResult(r.MET, "UPCR 0.37 ≤ 0.5 g/g at W24. Details follow here.")
    endpoints["primary_steroid_taper"] = EndpointResult(r.NOT_MET, "15 excess days > 7.5 mg in W4-W12.")
    endpoints["time_to_severe_sfi_flare"] = EndpointResult(r.CENSORED, "No severe flare.", day=171)
    return SubjectResults("LN-01", "LN", date(2026, 11, 25), date(2026, 5, 16), endpoints)


def test_statuses_have_icon_word_and_one_line_reason(qtbot) -> None:
    panel = EndpointPanel()
    qtbot.addWidget(panel)
    panel.show()
    panel.set_results(_results(), preview=False)
    renal = panel.rows["ln_renal_response"]
    assert (renal.icon.text(), renal.status.text()) == ("✔", "Met")
    assert renal.reason.text() == "UPCR 0.37 ≤ 0.5 g/g at W24." and "Details" in renal.reason.toolTip()
    assert (panel.rows["primary_steroid_taper"].icon.text(), panel.rows["primary_steroid_taper"].status.text()) == (
        "✖", "Not met")
    assert panel.rows["time_to_severe_sfi_flare"].status.text() == "Censored (day 171)"
    assert not panel.rows["lc_hematologic_improvement"].name.isVisible()  # not applicable: hidden
    assert panel.banner.text() == "Saved data" and not panel.preview


def test_preview_banner(qtbot) -> None:
    panel = EndpointPanel()
    qtbot.addWidget(panel)
    panel.set_results(_results(), preview=True)
    assert panel.preview and panel.banner.text().startswith("PREVIEW — not saved")
    panel.set_message("Endpoints cannot be computed")
    assert panel.banner.text() == "Endpoints cannot be computed"
