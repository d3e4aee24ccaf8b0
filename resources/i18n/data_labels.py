"""Texts the code translates through a variable, listed for pyside6-lupdate; written by
scripts/translations.py from its DATA_LABEL_TABLES (never imported)."""

from PySide6.QtCore import QT_TRANSLATE_NOOP

# models.security:ROLE_LABELS
QT_TRANSLATE_NOOP('data labels', 'Administrator')
QT_TRANSLATE_NOOP('data labels', 'Coordinator')
QT_TRANSLATE_NOOP('data labels', 'Investigator')
QT_TRANSLATE_NOOP('data labels', 'Monitor')
# ui.entry.notices:ROLE_WORDS
QT_TRANSLATE_NOOP('data labels', 'a monitor')
QT_TRANSLATE_NOOP('data labels', 'an administrator')
QT_TRANSLATE_NOOP('data labels', 'a coordinator')
QT_TRANSLATE_NOOP('data labels', 'an investigator')
# ui.logs.medications:AGENT_LABELS
QT_TRANSLATE_NOOP('data labels', 'Cyclophosphamide')
QT_TRANSLATE_NOOP('data labels', 'Azathioprine')
QT_TRANSLATE_NOOP('data labels', 'Methotrexate')
QT_TRANSLATE_NOOP('data labels', 'Mycophenolate')
QT_TRANSLATE_NOOP('data labels', 'Biologic')
QT_TRANSLATE_NOOP('data labels', 'Calcineurin inhibitor')
QT_TRANSLATE_NOOP('data labels', 'Antimalarial')
QT_TRANSLATE_NOOP('data labels', 'IVIG')
QT_TRANSLATE_NOOP('data labels', 'Transfusion')
QT_TRANSLATE_NOOP('data labels', 'Plasma exchange')
QT_TRANSLATE_NOOP('data labels', 'Other')
# ui.logs.medications:INDICATION_LABELS
QT_TRANSLATE_NOOP('data labels', 'Renal')
QT_TRANSLATE_NOOP('data labels', 'Haematologic')
QT_TRANSLATE_NOOP('data labels', 'Extrarenal')
QT_TRANSLATE_NOOP('data labels', 'General')
QT_TRANSLATE_NOOP('data labels', 'Maintenance')
# ui.logs.outcomes:EVENT_LABELS
QT_TRANSLATE_NOOP('data labels', 'Severe flare')
QT_TRANSLATE_NOOP('data labels', 'Renal flare')
QT_TRANSLATE_NOOP('data labels', 'Haematologic flare')
# ui.logs.outcomes:ORGAN_LABELS
# ui.logs.outcomes:HOSPITAL_LABELS
# ui.logs.outcomes:RRT_LABELS
QT_TRANSLATE_NOOP('data labels', 'Dialysis')
QT_TRANSLATE_NOOP('data labels', 'Kidney transplant')
# ui.logs.adverse_events:GRADE_LABELS
QT_TRANSLATE_NOOP('data labels', '1 — mild')
QT_TRANSLATE_NOOP('data labels', '2 — moderate')
QT_TRANSLATE_NOOP('data labels', '3 — severe')
QT_TRANSLATE_NOOP('data labels', '4 — life-threatening')
QT_TRANSLATE_NOOP('data labels', '5 — death')
# ui.logs.adverse_events:RELATEDNESS_LABELS
QT_TRANSLATE_NOOP('data labels', 'Not related')
QT_TRANSLATE_NOOP('data labels', 'Unlikely')
QT_TRANSLATE_NOOP('data labels', 'Possible')
QT_TRANSLATE_NOOP('data labels', 'Probable')
QT_TRANSLATE_NOOP('data labels', 'Definite')
# ui.logs.adverse_events:ACTION_LABELS
QT_TRANSLATE_NOOP('data labels', 'None (dose not changed)')
QT_TRANSLATE_NOOP('data labels', 'Infusion rate reduced')
QT_TRANSLATE_NOOP('data labels', 'Infusion interrupted')
QT_TRANSLATE_NOOP('data labels', 'Product withdrawn')
QT_TRANSLATE_NOOP('data labels', 'Not applicable')
QT_TRANSLATE_NOOP('data labels', 'Unknown')
# ui.logs.adverse_events:OUTCOME_LABELS
QT_TRANSLATE_NOOP('data labels', 'Recovered')
QT_TRANSLATE_NOOP('data labels', 'Recovering')
QT_TRANSLATE_NOOP('data labels', 'Not recovered')
QT_TRANSLATE_NOOP('data labels', 'Recovered with sequelae')
QT_TRANSLATE_NOOP('data labels', 'Fatal')
# ui.logs.adverse_events:SAE_LABELS
QT_TRANSLATE_NOOP('data labels', 'Death')
QT_TRANSLATE_NOOP('data labels', 'Life-threatening')
QT_TRANSLATE_NOOP('data labels', 'Hospitalisation (initial or prolonged)')
QT_TRANSLATE_NOOP('data labels', 'Persistent disability or incapacity')
QT_TRANSLATE_NOOP('data labels', 'Congenital anomaly')
QT_TRANSLATE_NOOP('data labels', 'Important medical event')
# ui.logs.steroids:ROUTE_LABELS
QT_TRANSLATE_NOOP('data labels', 'Oral')
QT_TRANSLATE_NOOP('data labels', 'IV')
QT_TRANSLATE_NOOP('data labels', 'IM')
QT_TRANSLATE_NOOP('data labels', 'SC')
QT_TRANSLATE_NOOP('data labels', 'Topical')
QT_TRANSLATE_NOOP('data labels', 'Inhaled')
QT_TRANSLATE_NOOP('data labels', 'Ophthalmic')
QT_TRANSLATE_NOOP('data labels', 'Intra-articular')
# ui.schedule.tab:COLUMNS
QT_TRANSLATE_NOOP('data labels', 'Code')
QT_TRANSLATE_NOOP('data labels', 'Visit')
QT_TRANSLATE_NOOP('data labels', 'Target')
QT_TRANSLATE_NOOP('data labels', 'Window')
QT_TRANSLATE_NOOP('data labels', 'Done on')
QT_TRANSLATE_NOOP('data labels', 'Status')
QT_TRANSLATE_NOOP('data labels', 'Moved from')
QT_TRANSLATE_NOOP('data labels', 'Comment / reason')
# ui.subjects.list_page:COLUMNS
QT_TRANSLATE_NOOP('data labels', 'Subject ID')
QT_TRANSLATE_NOOP('data labels', 'Screening no.')
QT_TRANSLATE_NOOP('data labels', 'Initials')
QT_TRANSLATE_NOOP('data labels', 'Subgroup')
QT_TRANSLATE_NOOP('data labels', 'Sex')
QT_TRANSLATE_NOOP('data labels', 'Consent')
QT_TRANSLATE_NOOP('data labels', 'Day 0')
# ui.trust.audit_viewer:_TITLES
QT_TRANSLATE_NOOP('data labels', '#')
QT_TRANSLATE_NOOP('data labels', 'When (local)')
QT_TRANSLATE_NOOP('data labels', 'User')
QT_TRANSLATE_NOOP('data labels', 'Action')
QT_TRANSLATE_NOOP('data labels', 'Table')
QT_TRANSLATE_NOOP('data labels', 'Record')
QT_TRANSLATE_NOOP('data labels', 'Subject')
QT_TRANSLATE_NOOP('data labels', 'Field')
QT_TRANSLATE_NOOP('data labels', 'Old value')
QT_TRANSLATE_NOOP('data labels', 'New value')
QT_TRANSLATE_NOOP('data labels', 'Reason')
# ui.shell.main_window:SECTIONS[1]
QT_TRANSLATE_NOOP('data labels', 'What needs doing')
QT_TRANSLATE_NOOP('data labels', 'Subjects')
QT_TRANSLATE_NOOP('data labels', 'Calendar')
QT_TRANSLATE_NOOP('data labels', 'Study dashboard')
