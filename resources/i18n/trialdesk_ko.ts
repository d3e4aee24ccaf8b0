<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name></name>
    <message>
        <location filename="../../ui/app.py" line="+111"/>
        <location filename="../../ui/shell/session.py" line="+240"/>
        <source>TrialDesk: cannot open the database</source>
        <translation>TrialDesk: 데이터베이스를 열 수 없음</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>TrialDesk: new database</source>
        <translation>TrialDesk: 새 데이터베이스</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>There is no database at
{0}

Create a new, empty study database there?</source>
        <translation>다음 위치에 데이터베이스가 없습니다:
{0}

그 위치에 비어 있는 새 시험 데이터베이스를 만들까요?</translation>
    </message>
    <message>
        <location filename="../../ui/entry/notices.py" line="+24"/>
        <source>Locked: {0} — {1} (by {2}, {3}). An administrator can unlock it.</source>
        <translation>잠김: {0} — {1} ({2}, {3}). 관리자가 잠금을 해제할 수 있습니다.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Read-only: {0} cannot change clinical data.</source>
        <translation>읽기 전용: {0}은(는) 임상 데이터를 변경할 수 없습니다.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{0} by {1}, {2}, {3}</source>
        <translation>{0}: {1}, {2}, {3}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{0} of {1} ({2}) invalidated by a change on {3} ({4}: {5}); back on the to-sign list.</source>
        <translation>{0}({1}, {2})의 서명이 {3}의 변경({4}: {5})으로 무효화되었습니다. 서명 대기 목록으로 돌아갑니다.</translation>
    </message>
    <message>
        <location line="+10"/>
        <location filename="../../ui/status/labels.py" line="+25"/>
        <source>Signed</source>
        <translation>서명됨</translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../../reports/blank_crf.py" line="+449"/>
        <location line="+1"/>
        <location filename="../../reports/subject_sections.py" line="+642"/>
        <source>Signature</source>
        <translation>서명</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Casebook signed</source>
        <translation>증례기록서 서명됨</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Casebook signature</source>
        <translation>증례기록서 서명</translation>
    </message>
    <message>
        <location filename="../../ui/entry/sections/texts.py" line="+19"/>
        <location filename="../../ui/schedule/labels.py" line="+17"/>
        <location filename="../../ui/subjects/labels.py" line="+26"/>
        <source>Screening</source>
        <translation>스크리닝</translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../../ui/schedule/labels.py" line="+0"/>
        <source>Day 0 — infusion 1</source>
        <translation>Day 0 — 1차 투여</translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../../ui/schedule/labels.py" line="+0"/>
        <source>Day 3</source>
        <translation>3일차</translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../../ui/schedule/labels.py" line="+0"/>
        <source>Week 1</source>
        <translation>1주차</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../ui/schedule/labels.py" line="+1"/>
        <source>Week 4</source>
        <translation>4주차</translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../../ui/schedule/labels.py" line="+0"/>
        <source>Week 8</source>
        <translation>8주차</translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../../ui/schedule/labels.py" line="+0"/>
        <source>Week 12 — infusion 2</source>
        <translation>12주차 — 2차 투여</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../ui/schedule/labels.py" line="+1"/>
        <source>3 days after infusion 2</source>
        <translation>2차 투여 3일 후</translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../../ui/schedule/labels.py" line="+0"/>
        <source>1 week after infusion 2</source>
        <translation>2차 투여 1주 후</translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../../ui/schedule/labels.py" line="+0"/>
        <source>Week 16</source>
        <translation>16주차</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../ui/schedule/labels.py" line="+1"/>
        <source>Week 20</source>
        <translation>20주차</translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../../ui/schedule/labels.py" line="+0"/>
        <source>Week 24</source>
        <translation>24주차</translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../../ui/schedule/labels.py" line="+0"/>
        <source>Year 1 follow-up</source>
        <translation>1년 추적관찰</translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../../ui/schedule/labels.py" line="+0"/>
        <source>Year 3 follow-up</source>
        <translation>3년 추적관찰</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../ui/schedule/labels.py" line="+1"/>
        <source>Year 5 follow-up</source>
        <translation>5년 추적관찰</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Unscheduled</source>
        <translation>비예정 방문</translation>
    </message>
    <message>
        <location filename="../../reports/subject_sections.py" line="-303"/>
        <source>Visit date</source>
        <translation>방문일</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/lab_table.py" line="+97"/>
        <location filename="../../ui/results/dashboard_models.py" line="+147"/>
        <location filename="../../ui/results/endpoint_detail.py" line="+77"/>
        <location line="+144"/>
        <location line="+48"/>
        <location filename="../../reports/endpoint_table.py" line="+105"/>
        <location filename="../../reports/schedule_sheet.py" line="+92"/>
        <location filename="../../reports/subject_sections.py" line="-85"/>
        <source>Visit</source>
        <translation>방문</translation>
    </message>
    <message>
        <location filename="../../reports/blank_crf.py" line="-247"/>
        <location filename="../../reports/schedule_sheet.py" line="-18"/>
        <location filename="../../reports/subject_sections.py" line="+89"/>
        <source>Weight</source>
        <translation>체중</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+73"/>
        <location line="+1"/>
        <source>Pulse</source>
        <translation>맥박</translation>
    </message>
    <message>
        <location line="-72"/>
        <location line="+71"/>
        <location line="+1"/>
        <source>Temperature</source>
        <translation>체온</translation>
    </message>
    <message>
        <location filename="../../ui/entry/sections/texts.py" line="+10"/>
        <source>WBC</source>
        <translation>백혈구(WBC)</translation>
    </message>
    <message>
        <location filename="../../ui/results/endpoint_detail.py" line="-189"/>
        <source>Creatinine</source>
        <translation>크레아티닌</translation>
    </message>
    <message>
        <location filename="../../reports/blank_crf.py" line="-55"/>
        <location filename="../../reports/subject_sections.py" line="-38"/>
        <source>Urine casts</source>
        <translation>요원주</translation>
    </message>
    <message>
        <location filename="../../ui/results/endpoint_detail.py" line="-24"/>
        <location filename="../../reports/blank_crf.py" line="+3"/>
        <location line="+70"/>
        <location filename="../../reports/subject_sections.py" line="+53"/>
        <source>SLEDAI-2K</source>
        <translation>SLEDAI-2K</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>PGA</source>
        <translation>PGA</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../reports/subject_sections.py" line="+4"/>
        <source>BILAG-2004</source>
        <translation>BILAG-2004</translation>
    </message>
    <message>
        <location filename="../../ui/entry/sections/texts.py" line="+0"/>
        <source>RBC</source>
        <translation>적혈구</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Granular</source>
        <translation>과립</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Heme-granular</source>
        <translation>혈색소-과립</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Hyaline</source>
        <translation>유리질</translation>
    </message>
    <message>
        <location filename="../../ui/results/endpoint_detail.py" line="+16"/>
        <source>Proteinuria</source>
        <translation>단백뇨</translation>
    </message>
    <message>
        <location filename="../../ui/entry/sections/texts.py" line="+11"/>
        <source>Recent onset; exclude metabolic, infectious, drug causes</source>
        <translation>최근 발생; 대사성, 감염성, 약물 원인 제외</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Severe disturbance in perception of reality; exclude uraemia, drugs</source>
        <translation>현실 인식의 심한 장애; 요독증, 약물 제외</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Altered mental function, impaired orientation/memory/intellect, rapid onset, fluctuating</source>
        <translation>정신 기능 변화, 지남력·기억·지능 장애, 급속 발생, 변동성</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Retinal changes of SLE (cytoid bodies, haemorrhages, exudates, optic neuritis)</source>
        <translation>SLE의 망막 변화(세포양체, 출혈, 삼출물, 시신경염)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New sensory or motor neuropathy of cranial nerves</source>
        <translation>뇌신경의 새로운 감각 또는 운동 신경병증</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Severe persistent headache unresponsive to narcotic analgesia</source>
        <translation>마약성 진통제에 반응하지 않는 심한 지속성 두통</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New cerebrovascular accident; exclude arteriosclerosis</source>
        <translation>새로운 뇌혈관 사고; 동맥경화 제외</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ulceration, gangrene, tender finger nodules, periungual infarction, splinter haemorrhages, or biopsy/angiogram proof</source>
        <translation>궤양, 괴저, 압통성 손가락 결절, 손톱 주위 경색, 선상 출혈 또는 생검/혈관조영술 확인</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>≥ 2 joints with pain and inflammation (tenderness, swelling, effusion)</source>
        <translation>통증과 염증(압통, 부종, 삼출)이 있는 관절 2개 이상</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Proximal muscle pain/weakness with raised CK/aldolase, EMG or biopsy changes</source>
        <translation>CK/알돌라제 상승, 근전도 또는 생검 변화를 동반한 근위부 근육 통증/근력 약화</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Heme-granular or RBC casts</source>
        <translation>혈색소-과립 또는 적혈구 원주</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&gt; 5 RBC/hpf; exclude stone, infection, other cause</source>
        <translation>&gt; 5 RBC/hpf; 결석, 감염, 기타 원인 제외</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&gt; 0.5 g/24 h</source>
        <translation>&gt; 0.5 g/24 h</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&gt; 5 WBC/hpf; exclude infection</source>
        <translation>&gt; 5 WBC/hpf; 감염 제외</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Inflammatory-type rash</source>
        <translation>염증성 발진</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Abnormal patchy or diffuse hair loss</source>
        <translation>비정상적인 반상 또는 미만성 탈모</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Oral or nasal ulceration</source>
        <translation>구강 또는 비강 궤양</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pleuritic pain with rub, effusion or pleural thickening</source>
        <translation>마찰음, 삼출 또는 흉막 비후를 동반한 흉막성 통증</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pericardial pain with rub, effusion, or ECG/echo confirmation</source>
        <translation>마찰음, 삼출 또는 심전도/심초음파로 확인된 심낭성 통증</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CH50, C3 or C4 below lab lower limit</source>
        <translation>CH50, C3 또는 C4가 검사실 하한치 미만</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Anti-dsDNA above lab normal range</source>
        <translation>항dsDNA 항체가 검사실 정상 범위 초과</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&gt; 38 °C; exclude infection</source>
        <translation>&gt; 38 °C; 감염 제외</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Platelets &lt; 100 ×10⁹/L; exclude drug causes</source>
        <translation>혈소판 &lt; 100 ×10⁹/L; 약물 원인 제외</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>WBC &lt; 3.0 ×10⁹/L; exclude drug causes</source>
        <translation>백혈구 &lt; 3.0 ×10⁹/L; 약물 원인 제외</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>A — severe</source>
        <translation>A — 중증</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>B — moderate</source>
        <translation>B — 중등도</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>C — mild</source>
        <translation>C — 경증</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>D — previously active</source>
        <translation>D — 이전 활동성</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>E — never involved</source>
        <translation>E — 침범 없음</translation>
    </message>
    <message>
        <location filename="../../ui/entry/visit_list.py" line="+46"/>
        <source>— missed</source>
        <translation>— 미방문</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>✔ complete</source>
        <translation>✔ 완료</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>! incomplete</source>
        <translation>! 미완료</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../reports/subject_sections.py" line="+59"/>
        <source>imported</source>
        <translation>가져옴</translation>
    </message>
    <message>
        <location filename="../../ui/logs/adverse_events.py" line="+45"/>
        <source>e.g. 두통 (headache)</source>
        <translation>예: 두통 (headache)</translation>
    </message>
    <message>
        <location filename="../../ui/results/endpoint_detail.py" line="-23"/>
        <source>End</source>
        <translation>종료</translation>
    </message>
    <message>
        <location filename="../../ui/logs/adverse_events.py" line="+2"/>
        <location filename="../../ui/logs/medications.py" line="+40"/>
        <location filename="../../ui/logs/outcomes.py" line="+100"/>
        <location filename="../../ui/logs/steroids.py" line="+91"/>
        <source>empty = ongoing</source>
        <translation>비어 있으면 = 지속 중</translation>
    </message>
    <message>
        <location filename="../../reports/blank_crf.py" line="+140"/>
        <location line="+2"/>
        <source>Adverse events</source>
        <translation>이상반응</translation>
    </message>
    <message>
        <location filename="../../ui/logs/adverse_events.py" line="+16"/>
        <source>adverse event</source>
        <translation>이상반응</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../ui/results/endpoint_panel.py" line="+40"/>
        <source>Event</source>
        <translation>사건 발생</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Seriousness (SAE criteria)</source>
        <translation>중대성(SAE 기준)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Causality, action and outcome</source>
        <translation>인과관계, 조치 및 결과</translation>
    </message>
    <message>
        <location line="+4"/>
        <location filename="../../ui/logs/medications.py" line="+17"/>
        <location filename="../../ui/logs/outcomes.py" line="+10"/>
        <location filename="../../ui/logs/steroids.py" line="+15"/>
        <location filename="../../reports/subject_sections.py" line="+89"/>
        <location line="+30"/>
        <location line="+20"/>
        <location line="+56"/>
        <source>ongoing</source>
        <translation>지속 중</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>SAE criteria</source>
        <translation>SAE 기준</translation>
    </message>
    <message>
        <location filename="../../reports/subject_sections.py" line="-455"/>
        <source>Infusion</source>
        <translation>투여</translation>
    </message>
    <message>
        <location filename="../../ui/logs/adverse_events.py" line="+6"/>
        <source>adverse event {0} from {1}</source>
        <translation>이상반응 {0} ({1}부터)</translation>
    </message>
    <message>
        <location filename="../../ui/logs/fields.py" line="+196"/>
        <location line="+2"/>
        <location line="+19"/>
        <location filename="../../ui/logs/steroids.py" line="-30"/>
        <location filename="../../reports/blank_crf.py" line="-150"/>
        <location filename="../../reports/labels.py" line="+119"/>
        <source>Yes</source>
        <translation>예</translation>
    </message>
    <message>
        <location line="-21"/>
        <location line="+2"/>
        <location line="+19"/>
        <location filename="../../reports/blank_crf.py" line="+0"/>
        <location line="+130"/>
        <location filename="../../reports/labels.py" line="+0"/>
        <location filename="../../reports/subject_sections.py" line="+13"/>
        <source>No</source>
        <translation>아니요</translation>
    </message>
    <message>
        <location filename="../../ui/logs/medications.py" line="-20"/>
        <source>e.g. 하이드록시클로로퀸 200 mg</source>
        <translation>예: 하이드록시클로로퀸 200 mg</translation>
    </message>
    <message>
        <location filename="../../ui/results/endpoint_detail.py" line="+0"/>
        <source>Start</source>
        <translation>시작</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+56"/>
        <source>Rescue therapy</source>
        <translation>구제요법</translation>
    </message>
    <message>
        <location filename="../../ui/logs/medications.py" line="+14"/>
        <source>medication</source>
        <translation>약물</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Medication</source>
        <translation>약물</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Use</source>
        <translation>용도</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>medication {0} from {1}</source>
        <translation>약물 {0} ({1}부터)</translation>
    </message>
    <message>
        <location filename="../../reports/subject_sections.py" line="+393"/>
        <source>Investigator-declared flares</source>
        <translation>연구자가 판정한 악화</translation>
    </message>
    <message>
        <location filename="../../ui/logs/outcomes.py" line="-51"/>
        <source>declared flare</source>
        <translation>판정된 악화</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Declared flare</source>
        <translation>판정된 악화</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>declared flare {0} on {1}</source>
        <translation>판정된 악화 {0} ({1})</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>empty = still in hospital</source>
        <translation>비어 있으면 = 입원 중</translation>
    </message>
    <message>
        <location filename="../../reports/blank_crf.py" line="-47"/>
        <location filename="../../reports/subject_sections.py" line="-12"/>
        <source>Hospitalisations</source>
        <translation>입원</translation>
    </message>
    <message>
        <location filename="../../ui/logs/outcomes.py" line="+8"/>
        <location filename="../../reports/blank_crf.py" line="+52"/>
        <source>hospitalisation</source>
        <translation>입원</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hospitalisation</source>
        <translation>입원</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>in hospital</source>
        <translation>입원 중</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>hospitalisation from {0}</source>
        <translation>입원 ({0}부터)</translation>
    </message>
    <message>
        <location filename="../../reports/blank_crf.py" line="-46"/>
        <location filename="../../reports/subject_sections.py" line="+7"/>
        <source>Dialysis and transplant</source>
        <translation>투석 및 이식</translation>
    </message>
    <message>
        <location filename="../../ui/logs/outcomes.py" line="+18"/>
        <source>dialysis or transplant</source>
        <translation>투석 또는 이식</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Renal replacement</source>
        <translation>신대체요법</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{0} from {1}</source>
        <translation>{0} ({1}부터)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>e.g. 패혈증 (sepsis); unknown</source>
        <translation>예: 패혈증 (sepsis); 미상</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+7"/>
        <location filename="../../ui/results/endpoint_detail.py" line="-2"/>
        <location filename="../../reports/blank_crf.py" line="+30"/>
        <location line="+1"/>
        <location line="+1"/>
        <location filename="../../reports/subject_sections.py" line="-477"/>
        <source>Death</source>
        <translation>사망</translation>
    </message>
    <message>
        <location line="-8"/>
        <location line="+1"/>
        <source>death record</source>
        <translation>사망 기록</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>No death recorded.</source>
        <translation>기록된 사망 없음.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Record death…</source>
        <translation>사망 기록…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Died {0}. Cause: {1}</source>
        <translation>사망 {0}. 원인: {1}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Correct death record…</source>
        <translation>사망 기록 수정…</translation>
    </message>
    <message>
        <location filename="../../ui/logs/steroids.py" line="-27"/>
        <source>SLE (incl. protocol taper)</source>
        <translation>SLE(프로토콜 감량 포함)</translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../../ui/results/endpoint_detail.py" line="+1"/>
        <source>Renal flare</source>
        <translation>신장 악화</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Extrarenal flare</source>
        <translation>신장 외 악화</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Infusion premedication (not counted)</source>
        <translation>투여 전처치(집계 제외)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Other, not for SLE (not counted)</source>
        <translation>기타, SLE 외(집계 제외)</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>No (not systemic)</source>
        <translation>아니요(전신 투여 아님)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No (not for SLE)</source>
        <translation>아니요(SLE용 아님)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>1; 0.5 = alternate days</source>
        <translation>1; 0.5 = 격일</translation>
    </message>
    <message>
        <location line="+18"/>
        <location filename="../../reports/subject_sections.py" line="+434"/>
        <source>Pred-eq mg/day</source>
        <translation>프레드니손 환산 mg/일</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Counts</source>
        <translation>집계</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>steroid row</source>
        <translation>스테로이드 행</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Corticosteroid interval</source>
        <translation>코르티코스테로이드 투여 기간</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>steroid row {0} {1:g} mg from {2}</source>
        <translation>스테로이드 행 {0} {1:g} mg ({2}부터)</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/export_dialog.py" line="+58"/>
        <source>CDISC ODM 1.3.2 XML: data, audit trail, signatures, queries (one file)</source>
        <translation>CDISC ODM 1.3.2 XML: 데이터, 감사 추적, 서명, 쿼리(파일 1개)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CSV tables, UTF-8 (a folder: one file per form, scores, endpoints, dictionary)</source>
        <translation>CSV 표, UTF-8(폴더: 양식별 파일, 점수, 평가변수, 데이터 사전)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Excel workbook (a folder with one workbook, one sheet per table)</source>
        <translation>Excel 통합 문서(폴더: 통합 문서 1개, 표마다 시트 1개)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SAS transport XPT version 5 (a folder: one file per table)</source>
        <translation>SAS 전송 XPT 버전 5(폴더: 표마다 파일 1개)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CDISC Dataset-JSON 1.1 (a folder: one file per table)</source>
        <translation>CDISC Dataset-JSON 1.1(폴더: 표마다 파일 1개)</translation>
    </message>
    <message>
        <location line="+21"/>
        <location filename="../../ui/printing/actions.py" line="+101"/>
        <source>the disk is full. Free some space or choose another place.</source>
        <translation>디스크가 가득 찼습니다. 공간을 확보하거나 다른 위치를 선택하십시오.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>there is no permission to write there, or a file of that name is open in another program.</source>
        <translation>그 위치에 쓸 권한이 없거나 같은 이름의 파일이 다른 프로그램에서 열려 있습니다.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The export could not be written to
{0}
because {1}
No file was written.</source>
        <translation>내보내기를 다음 위치에 쓸 수 없습니다:
{0}
이유: {1}
파일이 작성되지 않았습니다.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The export failed ({0}: {1}).
No file was written. Details are in the error log.</source>
        <translation>내보내기에 실패했습니다({0}: {1}).
파일이 작성되지 않았습니다. 자세한 내용은 오류 로그에 있습니다.</translation>
    </message>
    <message>
        <location filename="../../ui/printing/actions.py" line="+2"/>
        <source>there is no permission to write there, or the file is open in another program (close it in the PDF viewer, or choose another name or folder).</source>
        <translation>그 위치에 쓸 권한이 없거나 파일이 다른 프로그램에서 열려 있습니다(PDF 뷰어에서 닫거나 다른 이름이나 폴더를 선택하십시오).</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/export_dialog.py" line="-4"/>
        <location filename="../../ui/printing/actions.py" line="+3"/>
        <source>the folder does not exist any more.</source>
        <translation>폴더가 더 이상 존재하지 않습니다.</translation>
    </message>
    <message>
        <location filename="../../ui/printing/actions.py" line="+2"/>
        <source>the disk is read-only.</source>
        <translation>디스크가 읽기 전용입니다.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The PDF could not be saved to
{0}
because {1}
No file was written.</source>
        <translation>PDF를 다음 위치에 저장할 수 없습니다:
{0}
이유: {1}
파일이 작성되지 않았습니다.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The PDF could not be made ({0}: {1}).
No file was written. Details are in the error log.</source>
        <translation>PDF를 만들 수 없습니다({0}: {1}).
파일이 작성되지 않았습니다. 자세한 내용은 오류 로그에 있습니다.</translation>
    </message>
    <message>
        <location filename="../../ui/results/dashboard_figures.py" line="+50"/>
        <source> (provisional)</source>
        <translation> (잠정)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{0}: {1}/{2} events{3}</source>
        <translation>{0}: {1}/{2}건{3}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{0}: no subjects yet</source>
        <translation>{0}: 아직 시험대상자 없음</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Proportion with event</source>
        <translation>사건 발생 비율</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Event-free probability</source>
        <translation>무사건 확률</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>At risk</source>
        <translation>위험 대상자 수</translation>
    </message>
    <message>
        <location line="+25"/>
        <location filename="../../ui/results/endpoint_detail.py" line="-32"/>
        <location filename="../../reports/subject_sections.py" line="-358"/>
        <source>Study day</source>
        <translation>시험일</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>no evaluable subject</source>
        <translation>평가 가능한 시험대상자 없음</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Proportion of responders with exact 95 % CI</source>
        <translation>정확 95% 신뢰구간을 포함한 반응자 비율</translation>
    </message>
    <message>
        <location filename="../../ui/results/dashboard_models.py" line="-113"/>
        <source>LN</source>
        <translation>LN</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>LC</source>
        <translation>LC</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Overall</source>
        <translation>전체</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>SLEDAI-2K reduction ≥ 4 W24 (baseline ≥ 4)</source>
        <translation>SLEDAI-2K 4점 이상 감소 W24 (기저치 ≥ 4)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Treatment failure: {0}</source>
        <translation>치료 실패: {0}</translation>
    </message>
    <message>
        <location line="+58"/>
        <location line="+23"/>
        <location filename="../../reports/endpoint_table.py" line="-36"/>
        <source>Endpoint</source>
        <translation>평가변수</translation>
    </message>
    <message>
        <location line="-23"/>
        <location line="+23"/>
        <source>Group</source>
        <translation>군</translation>
    </message>
    <message>
        <location line="-23"/>
        <source>Responders / evaluable</source>
        <translation>반응자 / 평가 가능</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Proportion</source>
        <translation>비율</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>95 % CI (exact)</source>
        <translation>95% 신뢰구간(정확)</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+48"/>
        <location filename="../../ui/results/endpoint_detail.py" line="+7"/>
        <location filename="../../ui/results/endpoint_panel.py" line="+0"/>
        <source>Not evaluable</source>
        <translation>평가 불가</translation>
    </message>
    <message>
        <location line="-48"/>
        <location line="+22"/>
        <location line="+26"/>
        <location filename="../../ui/results/endpoint_detail.py" line="+0"/>
        <location filename="../../ui/results/endpoint_panel.py" line="-1"/>
        <source>Pending</source>
        <translation>판정 대기</translation>
    </message>
    <message>
        <location line="-48"/>
        <location filename="../../ui/results/endpoint_panel.py" line="+1"/>
        <location filename="../../ui/schedule/labels.py" line="+14"/>
        <source>Not applicable</source>
        <translation>해당 없음</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Events / n</source>
        <translation>사건 / n</translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../../ui/results/endpoint_panel.py" line="+1"/>
        <source>Censored</source>
        <translation>중도절단</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Estimate</source>
        <translation>추정치</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Day 28</source>
        <translation>28일차</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Day 84</source>
        <translation>84일차</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Day 168</source>
        <translation>168일차</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Median day</source>
        <translation>중앙값 시험일</translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../../ui/results/endpoint_detail.py" line="-17"/>
        <source>Provisional</source>
        <translation>잠정</translation>
    </message>
    <message>
        <location line="+14"/>
        <location filename="../../ui/results/endpoint_detail.py" line="+68"/>
        <source>yes</source>
        <translation>예</translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../../ui/results/endpoint_detail.py" line="+0"/>
        <source>no</source>
        <translation>아니요</translation>
    </message>
    <message>
        <location line="+10"/>
        <location filename="../../ui/results/endpoint_detail.py" line="-54"/>
        <source>Analyte</source>
        <translation>분석 항목</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>n</source>
        <translation>n</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Mean change</source>
        <translation>평균 변화</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>SD</source>
        <translation>SD</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Median change</source>
        <translation>중앙값 변화</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Min</source>
        <translation>최소</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Max</source>
        <translation>최대</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Median % change</source>
        <translation>중앙값 변화율(%)</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/lab_table.py" line="-36"/>
        <source>new value</source>
        <translation>새 값</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>same as entered</source>
        <translation>입력값과 같음</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>conflict</source>
        <translation>충돌</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no visit</source>
        <translation>방문 없음</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>unknown test</source>
        <translation>알 수 없는 검사</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>unknown unit</source>
        <translation>알 수 없는 단위</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>implausible</source>
        <translation>타당하지 않은 값</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>duplicate</source>
        <translation>중복</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>unreadable</source>
        <translation>읽을 수 없음</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unknown subject</source>
        <translation>알 수 없는 시험대상자</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Import</source>
        <translation>가져오기</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+4"/>
        <source>Skip</source>
        <translation>건너뛰기</translation>
    </message>
    <message>
        <location line="-2"/>
        <location line="+2"/>
        <source>Choose…</source>
        <translation>선택…</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Overwrite</source>
        <translation>덮어쓰기</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Skip (keep entered)</source>
        <translation>건너뛰기(입력값 유지)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>New unscheduled visit</source>
        <translation>새 비예정 방문</translation>
    </message>
    <message>
        <location line="+21"/>
        <location filename="../../ui/results/dashboard_models.py" line="+23"/>
        <location filename="../../reports/binder.py" line="+51"/>
        <source>Subject</source>
        <translation>시험대상자</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Row</source>
        <translation>행</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Collected</source>
        <translation>채취일</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Result</source>
        <translation>결과</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Fate</source>
        <translation>처리</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Entered now</source>
        <translation>현재 입력값</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your choice</source>
        <translation>선택</translation>
    </message>
    <message>
        <location line="+151"/>
        <source>(unusual)</source>
        <translation>(비정상)</translation>
    </message>
    <message>
        <location filename="../../ui/results/dashboard_models.py" line="+0"/>
        <location filename="../../reports/binder.py" line="+0"/>
        <location filename="../../reports/blank_crf.py" line="-167"/>
        <location filename="../../reports/subject_sections.py" line="-90"/>
        <source>Subgroup</source>
        <translation>하위군</translation>
    </message>
    <message>
        <location filename="../../ui/results/endpoint_detail.py" line="-41"/>
        <source>Hgb (g/dL)</source>
        <translation>혈색소 (g/dL)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>WBC (×10⁹/L)</source>
        <translation>백혈구 (×10⁹/L)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>ANC (×10⁹/L)</source>
        <translation>ANC (×10⁹/L)</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../reports/plot_spec.py" line="+241"/>
        <source>Platelets (×10⁹/L)</source>
        <translation>혈소판 (×10⁹/L)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Creatinine (mg/dL)</source>
        <translation>크레아티닌 (mg/dL)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>UPCR (g/g)</source>
        <translation>UPCR (g/g)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Protein (g/24 h)</source>
        <translation>요단백 (g/24 h)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Period</source>
        <translation>기간</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Threshold (mg/day)</source>
        <translation>기준치 (mg/일)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Days above threshold tolerated</source>
        <translation>기준치 초과 허용 일수</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Days above threshold</source>
        <translation>기준치 초과 일수</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../reports/subject_sections.py" line="+21"/>
        <source>Steroid log complete through</source>
        <translation>스테로이드 기록 완료 시점</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Daily pred-eq dose</source>
        <translation>1일 프레드니손 환산 용량</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Decision due on study day</source>
        <translation>판정 예정 시험일</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Decision due on</source>
        <translation>판정 예정일</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Missing</source>
        <translation>누락</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lineages at W24</source>
        <translation>W24 혈구 계열</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Improvement by visit</source>
        <translation>방문별 개선</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>W24</source>
        <translation>W24</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>SLEDAI-2K at W24</source>
        <translation>W24 SLEDAI-2K</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PGA at W24</source>
        <translation>W24 PGA</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Pred-eq at W24 (mg/day)</source>
        <translation>W24 프레드니손 환산 용량 (mg/일)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Previous SLEDAI-2K visit</source>
        <translation>이전 SLEDAI-2K 방문</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Grades</source>
        <translation>등급</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>New A</source>
        <translation>새 A</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>New B</source>
        <translation>새 B</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Baseline</source>
        <translation>기저치</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Baseline day</source>
        <translation>기저치 시험일</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Baseline visit</source>
        <translation>기저치 방문</translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../../reports/subject_sections.py" line="+97"/>
        <source>Change</source>
        <translation>변화</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change required</source>
        <translation>필요한 변화</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>W24 partial sum</source>
        <translation>W24 부분합</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Increase must stay below</source>
        <translation>증가 허용 한계(미만)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Follow-up</source>
        <translation>추적관찰</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Day 0</source>
        <translation>Day 0</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Horizon (study day)</source>
        <translation>관찰 기한(시험일)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>As-of study day</source>
        <translation>기준 시험일</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Withdrawal day</source>
        <translation>중도탈락 시험일</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Death day</source>
        <translation>사망 시험일</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Censoring cut-off day</source>
        <translation>중도절단 기준 시험일</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Candidate events</source>
        <translation>후보 사건</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Censored on study day</source>
        <translation>중도절단 시험일</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Event on study day</source>
        <translation>사건 발생 시험일</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Event date</source>
        <translation>사건 발생일</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Triggers not counted alone</source>
        <translation>단독으로 집계하지 않는 계기</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Severe Flare Index</source>
        <translation>중증 악화 지수</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Flares</source>
        <translation>악화</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Excluded triggers</source>
        <translation>제외된 계기</translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../../reports/subject_sections.py" line="-83"/>
        <source>Notes</source>
        <translation>메모</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Days searched</source>
        <translation>검색한 일수</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Baselines</source>
        <translation>기저치</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Flare reference</source>
        <translation>악화 기준</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Assessments</source>
        <translation>평가</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>UPCR allowed for remission</source>
        <translation>관해 인정 UPCR</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Composite</source>
        <translation>복합</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+205"/>
        <source>Components</source>
        <translation>구성요소</translation>
    </message>
    <message>
        <location line="-205"/>
        <source>Cells</source>
        <translation>항목</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Visit days</source>
        <translation>방문 시험일</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Supplementary visits</source>
        <translation>보충 방문</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>eGFR</source>
        <translation>eGFR</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Minimum</source>
        <translation>최소</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Maximum</source>
        <translation>최대</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>W24 creatinine (mg/dL)</source>
        <translation>W24 크레아티닌 (mg/dL)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Measure</source>
        <translation>측정 항목</translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../../reports/blank_crf.py" line="+22"/>
        <source>Value</source>
        <translation>값</translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../../reports/subject_sections.py" line="+352"/>
        <source>Unit</source>
        <translation>단위</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Steroids W12–W24</source>
        <translation>스테로이드 W12–W24</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Longest run above threshold (days)</source>
        <translation>기준치 초과 최장 연속 일수</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Rule</source>
        <translation>규칙</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Run length that fails</source>
        <translation>실패가 되는 연속 일수</translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../../ui/status/ops_plots.py" line="+66"/>
        <source>Out of window</source>
        <translation>허용 범위 밖</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../reports/blank_crf.py" line="+186"/>
        <location line="+1"/>
        <source>Date</source>
        <translation>날짜</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Performed</source>
        <translation>시행</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Final</source>
        <translation>최종</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Counted</source>
        <translation>집계됨</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>What</source>
        <translation>항목</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Kind</source>
        <translation>종류</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Qualifies</source>
        <translation>해당 여부</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sediment</source>
        <translation>요침사</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+170"/>
        <location filename="../../reports/binder.py" line="+0"/>
        <location filename="../../reports/casebook_sections.py" line="+86"/>
        <location filename="../../reports/endpoint_table.py" line="+0"/>
        <location line="+19"/>
        <location filename="../../reports/schedule_sheet.py" line="+19"/>
        <location filename="../../reports/subject_sections.py" line="-381"/>
        <location line="+27"/>
        <location line="+150"/>
        <source>Status</source>
        <translation>상태</translation>
    </message>
    <message>
        <location line="-169"/>
        <source>Responds</source>
        <translation>반응</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>From day</source>
        <translation>시작 시험일</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>To day</source>
        <translation>종료 시험일</translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../../reports/plot_spec.py" line="-39"/>
        <source>mg/day</source>
        <translation>mg/일</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Triggers</source>
        <translation>계기</translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../../reports/endpoint_table.py" line="+0"/>
        <location filename="../../reports/subject_sections.py" line="-150"/>
        <location line="+85"/>
        <source>Reason</source>
        <translation>사유</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reference</source>
        <translation>기준</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Reference day</source>
        <translation>기준 시험일</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Reference visit</source>
        <translation>기준 방문</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Criterion</source>
        <translation>기준</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Investigator-declared</source>
        <translation>연구자 판정</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Partial sum</source>
        <translation>부분합</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../ui/results/endpoint_panel.py" line="+0"/>
        <source>Computed</source>
        <translation>계산값</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>% change</source>
        <translation>변화율(%)</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>End-stage renal disease</source>
        <translation>말기신부전</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sustained creatinine doubling</source>
        <translation>지속적 크레아티닌 2배 증가</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Extrarenal severe flare</source>
        <translation>신장 외 중증 악화</translation>
    </message>
    <message>
        <location line="+31"/>
        <location filename="../../reports/blank_crf.py" line="-325"/>
        <location filename="../../reports/subject_sections.py" line="+177"/>
        <source>none</source>
        <translation>없음</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>day {0}</source>
        <translation>Day {0}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>not performed yet, due day {0}</source>
        <translation>아직 시행 안 함, 예정 시험일 {0}</translation>
    </message>
    <message>
        <location line="+86"/>
        <source> on study day {0}</source>
        <translation> (시험일 {0})</translation>
    </message>
    <message>
        <location line="+7"/>
        <location filename="../../reports/endpoint_table.py" line="+0"/>
        <source>Component</source>
        <translation>구성요소</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/lab_table.py" line="-151"/>
        <location filename="../../ui/results/endpoint_detail.py" line="+0"/>
        <source>Why</source>
        <translation>이유</translation>
    </message>
    <message>
        <location filename="../../ui/results/endpoint_detail.py" line="+29"/>
        <source>Change from baseline</source>
        <translation>기저치 대비 변화</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>What was used</source>
        <translation>사용된 데이터</translation>
    </message>
    <message>
        <location filename="../../ui/results/endpoint_panel.py" line="-2"/>
        <source>Met</source>
        <translation>충족</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Not met</source>
        <translation>미충족</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Primary: pred-eq ≤ 7.5 mg/day W4–W12</source>
        <translation>일차: 프레드니손 환산 ≤ 7.5 mg/일 W4–W12</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>≤ 7.5 mg/day by W12, kept to W24</source>
        <translation>W12까지 ≤ 7.5 mg/일, W24까지 유지</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Haematologic improvement W24</source>
        <translation>혈액학적 개선 W24</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Renal response W24</source>
        <translation>신장 반응 W24</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>LLDAS W24</source>
        <translation>LLDAS W24</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SLEDAI-2K reduction ≥ 4 W24</source>
        <translation>SLEDAI-2K 4점 이상 감소 W24</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SRI-4 W24</source>
        <translation>SRI-4 W24</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SRI-5 W24</source>
        <translation>SRI-5 W24</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SRI-6 W24</source>
        <translation>SRI-6 W24</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time to severe flare</source>
        <translation>중증 악화까지의 시간</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time to haematologic flare</source>
        <translation>혈액학적 악화까지의 시간</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time to renal flare</source>
        <translation>신장 악화까지의 시간</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time to complete remission</source>
        <translation>완전관해까지의 시간</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Treatment failure (components)</source>
        <translation>치료 실패(구성요소)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Haematology change table</source>
        <translation>혈액학 변화표</translation>
    </message>
    <message>
        <location line="+41"/>
        <source> (day {0})</source>
        <translation> (시험일 {0})</translation>
    </message>
    <message>
        <location filename="../../ui/schedule/labels.py" line="-5"/>
        <source>Done, {0} d before window</source>
        <translation>완료, 허용 범위 {0}일 전</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Done, {0} d after window</source>
        <translation>완료, 허용 범위 {0}일 후</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Upcoming</source>
        <translation>예정</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Due (window open)</source>
        <translation>도래(허용 범위 내)</translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../../ui/status/labels.py" line="-2"/>
        <location filename="../../ui/status/ops_items.py" line="+55"/>
        <location filename="../../ui/status/ops_plots.py" line="+2"/>
        <location filename="../../ui/subjects/list_page.py" line="+68"/>
        <source>Overdue</source>
        <translation>기한 경과</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../ui/status/ops_items.py" line="-2"/>
        <source>Done in window</source>
        <translation>허용 범위 내 완료</translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../../ui/status/labels.py" line="+0"/>
        <location filename="../../ui/status/ops_items.py" line="+2"/>
        <location filename="../../ui/status/ops_plots.py" line="-1"/>
        <source>Missed</source>
        <translation>미방문</translation>
    </message>
    <message>
        <location filename="../../ui/shell/session.py" line="+3"/>
        <source>TrialDesk: database in use</source>
        <translation>TrialDesk: 데이터베이스 사용 중</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>TrialDesk: damaged database</source>
        <translation>TrialDesk: 손상된 데이터베이스</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{0}

Restore that backup now? The damaged file is kept aside next to it, renamed.</source>
        <translation>{0}

지금 그 백업을 복원할까요? 손상된 파일은 이름을 바꾸어 옆에 보관됩니다.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>TrialDesk: restore failed</source>
        <translation>TrialDesk: 복원 실패</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>TrialDesk: backup restored</source>
        <translation>TrialDesk: 백업 복원됨</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Restored. The damaged file was kept as
{0}
Start TrialDesk again.</source>
        <translation>복원되었습니다. 손상된 파일은 다음 이름으로 보관되었습니다:
{0}
TrialDesk를 다시 시작하십시오.</translation>
    </message>
    <message>
        <location filename="../../ui/subjects/labels.py" line="-11"/>
        <source>LN (lupus nephritis)</source>
        <translation>LN (루푸스 신염)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>LC (lupus cytopenia)</source>
        <translation>LC (루푸스 혈구감소증)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Female</source>
        <translation>여성</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Male</source>
        <translation>남성</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Enrolled</source>
        <translation>등록</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Screen failure</source>
        <translation>스크리닝 탈락</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Withdrawn</source>
        <translation>중도탈락</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Completed</source>
        <translation>완료</translation>
    </message>
    <message>
        <location filename="../../ui/trust/query_targets.py" line="+125"/>
        <source>Registration</source>
        <translation>등록</translation>
    </message>
    <message>
        <location filename="../../ui/shell/i18n.py" line="+165"/>
        <source>&amp;Language</source>
        <translation>언어(&amp;L)</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Language</source>
        <translation>언어</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TrialDesk will open in {0} at the next start.</source>
        <translation>다음 시작 때부터 TrialDesk가 {0}(으)로 열립니다.</translation>
    </message>
    <message>
        <location filename="../../reports/schedule_sheet.py" line="-58"/>
        <source>done, {0} d before window</source>
        <translation>완료, 허용 범위 {0}일 전</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>done, {0} d after window</source>
        <translation>완료, 허용 범위 {0}일 후</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Visit schedule — {0}</source>
        <translation>방문 일정표 — {0}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Subgroup {0}</source>
        <translation>하위군 {0}</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>informed consent {0}</source>
        <translation>시험대상자 동의 {0}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>as of {0}</source>
        <translation>기준일 {0}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>dates follow the PLANNED infusion 1 date and will move when it is given</source>
        <translation>날짜는 1차 투여 계획일 기준이며, 실제 투여일이 정해지면 바뀝니다</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Infusions</source>
        <translation>투여</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No.</source>
        <translation>차수</translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../../reports/subject_sections.py" line="-205"/>
        <source>Planned</source>
        <translation>계획일</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Given</source>
        <translation>투여일</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Dose</source>
        <translation>용량</translation>
    </message>
    <message>
        <location filename="../../reports/blank_crf.py" line="+150"/>
        <location filename="../../reports/schedule_sheet.py" line="+0"/>
        <location filename="../../reports/subject_sections.py" line="+1"/>
        <source>Completion</source>
        <translation>투여 완료 여부</translation>
    </message>
    <message>
        <location filename="../../reports/schedule_sheet.py" line="+3"/>
        <source>Dose = {0} × body weight (weight measured at most {1} days before the infusion).</source>
        <translation>용량 = {0} × 체중 (투여 전 {1}일 이내에 측정한 체중).</translation>
    </message>
    <message>
        <location filename="../../ui/status/ops_items.py" line="-12"/>
        <source>Enrolment</source>
        <translation>등록 현황</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>enrolled</source>
        <translation>등록</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>screening</source>
        <translation>스크리닝</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>screen failure</source>
        <translation>스크리닝 탈락</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{0}: enrolled of target</source>
        <translation>{0}: 목표 대비 등록</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{0} of {1} ({2}); {3} screening, {4} screen failures</source>
        <translation>{1}명 중 {0}명 ({2}); 스크리닝 {3}명, 스크리닝 탈락 {4}명</translation>
    </message>
    <message>
        <location line="+3"/>
        <location filename="../../ui/status/ops_plots.py" line="-3"/>
        <location line="+23"/>
        <location filename="../../reports/schedule_sheet.py" line="+3"/>
        <source>Visits</source>
        <translation>방문</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Forms complete per visit</source>
        <translation>방문별 양식 완료</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>complete</source>
        <translation>완료</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>required items missing</source>
        <translation>필수 항목 누락</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{0} of {1}</source>
        <translation>{1} 중 {0}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open queries</source>
        <translation>미해결 쿼리</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>All open queries</source>
        <translation>모든 미해결 쿼리</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+7"/>
        <source>{0} open</source>
        <translation>미해결 {0}건</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Raised {0} days ago</source>
        <translation>{0}일 전 제기</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Visits waiting for signature</source>
        <translation>서명 대기 방문</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Source verification</source>
        <translation>원자료 검증</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Visits fully verified</source>
        <translation>원자료 검증 완료 방문</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+3"/>
        <source>{0} of {1} ({2})</source>
        <translation>{1} 중 {0} ({2})</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Values verified</source>
        <translation>검증된 값</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{0} of {1} values</source>
        <translation>값 {1}개 중 {0}개</translation>
    </message>
    <message>
        <location filename="../../reports/schedule_sheet.py" line="+3"/>
        <source> (was {0})</source>
        <translation> (변경 전 {0})</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No schedule yet: infusion 1 has no planned date.</source>
        <translation>아직 일정이 없습니다: 1차 투여 계획일이 없습니다.</translation>
    </message>
    <message>
        <location line="+3"/>
        <location filename="../../reports/subject_sections.py" line="+92"/>
        <source>Code</source>
        <translation>코드</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Target date</source>
        <translation>목표일</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Window (earliest – latest)</source>
        <translation>허용 범위 (최초 – 최종)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Done on</source>
        <translation>시행일</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Please come within the window. Visits after infusion 2 are counted from its actual date; if an infusion is moved, you will receive a new sheet. Bring this sheet to every visit.</source>
        <translation>허용 범위 안에 방문해 주십시오. 2차 투여 이후의 방문은 실제 투여일부터 계산합니다. 투여일이 바뀌면 새 일정표를 드립니다. 방문할 때마다 이 일정표를 가져오십시오.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Site contact: ______________________   Coordinator: ______________________   Date: ____________</source>
        <translation>시험기관 연락처: ______________________   연구코디네이터: ______________________   날짜: ____________</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Visit schedule</source>
        <translation>방문 일정표</translation>
    </message>
    <message>
        <location filename="../../reports/binder.py" line="+0"/>
        <location filename="../../reports/blank_crf.py" line="-83"/>
        <location line="+51"/>
        <location filename="../../reports/subject_sections.py" line="-182"/>
        <source>Initials</source>
        <translation>이니셜</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Page</source>
        <translation>쪽</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Contents</source>
        <translation>목차</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Binder contents</source>
        <translation>바인더 목차</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Subject binder — {0} subject(s), data as of {1}</source>
        <translation>시험대상자 바인더 — 시험대상자 {0}명, 데이터 기준일 {1}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Each subject starts on an odd page (blank pages are marked). Page numbers are binder pages.</source>
        <translation>각 시험대상자는 홀수 쪽에서 시작합니다(빈 쪽은 표시됨). 쪽 번호는 바인더 쪽 번호입니다.</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Subject binder</source>
        <translation>시험대상자 바인더</translation>
    </message>
    <message>
        <location filename="../../reports/blank_crf.py" line="-118"/>
        <source>mild</source>
        <translation>경도</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>moderate</source>
        <translation>중등도</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>severe</source>
        <translation>중증</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Unscheduled visit (any day); also used for stand-alone lab results on their sample date.</source>
        <translation>비예정 방문(아무 날이나); 검체 채취일의 단독 검사 결과에도 사용합니다.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>infusion 1 (Day 0)</source>
        <translation>1차 투여(Day 0)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>infusion 2</source>
        <translation>2차 투여</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Before Day 0: days {0} to {1}.</source>
        <translation>Day 0 이전: {0}일부터 {1}일까지.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>same day</source>
        <translation>같은 날</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>window {0:+d} / {1:+d} days</source>
        <translation>허용 범위 {0:+d} / {1:+d}일</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Target: {0} days after {1}; {2}.</source>
        <translation>목표일: {1} 후 {0}일; {2}.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Visit {0} · Subject ID __________</source>
        <translation>{0} 방문 · 시험대상자 ID __________</translation>
    </message>
    <message>
        <location line="+10"/>
        <location filename="../../reports/subject_sections.py" line="-2"/>
        <source>Subject ID</source>
        <translation>시험대상자 ID</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Visit date (YYYY-MM-DD)</source>
        <translation>방문일 (YYYY-MM-DD)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Visit performed</source>
        <translation>방문 시행</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Reason if missed</source>
        <translation>미방문 사유</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Window reason</source>
        <translation>허용 범위 밖 사유</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>(only for a date outside the visit window: why)</source>
        <translation>(방문일이 방문 허용 범위를 벗어난 경우에만: 이유)</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+8"/>
        <source>Vital signs and weight</source>
        <translation>활력징후 및 체중</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>______ kg</source>
        <translation>______ kg</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Blood pressure</source>
        <translation>혈압</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>_____ / _____ mmHg</source>
        <translation>_____ / _____ mmHg</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>_____ /min</source>
        <translation>_____ 회/분</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>eGFR is computed by TrialDesk from creatinine, sex and age (CKD-EPI 2021): do not enter.</source>
        <translation>eGFR은 TrialDesk가 크레아티닌, 성별, 나이로 계산합니다(CKD-EPI 2021): 입력하지 마십시오.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Casts not attributable to SLE</source>
        <translation>SLE와 무관한 요원주</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>PGA and BILAG-2004</source>
        <translation>PGA 및 BILAG-2004</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+95"/>
        <source>Flare (SFI), sediment and LLDAS</source>
        <translation>악화(SFI), 요침사 및 LLDAS</translation>
    </message>
    <message>
        <location line="-93"/>
        <source>Corticosteroids, other medications, adverse events, hospitalisations, dialysis and flares since the last visit go on the log forms (one set per subject).</source>
        <translation>지난 방문 이후의 코르티코스테로이드, 기타 약물, 이상반응, 입원, 투석 및 악화는 기록지(시험대상자당 한 세트)에 기록합니다.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Sex</source>
        <translation>성별</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Birth date</source>
        <translation>생년월일</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Informed consent signed</source>
        <translation>시험대상자 동의서 서명</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Consent form version</source>
        <translation>동의서 버전</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>______ (date ____-__-__)</source>
        <translation>______ (날짜 ____-__-__)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Consent obtained by</source>
        <translation>동의 취득자</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Copy given to the subject</source>
        <translation>시험대상자에게 사본 제공</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>All inclusion criteria met</source>
        <translation>모든 선정기준 충족</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>No exclusion criterion applies</source>
        <translation>제외기준 해당 없음</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Criteria not met (numbers)</source>
        <translation>충족하지 않은 기준(번호)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Eligible</source>
        <translation>적격</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Confirmed by (investigator), date</source>
        <translation>확인자(연구자), 날짜</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Demographics</source>
        <translation>인구학적 정보</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../reports/subject_sections.py" line="+5"/>
        <source>Informed consent</source>
        <translation>시험대상자 동의</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Eligibility</source>
        <translation>적격성</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/lab_table.py" line="-2"/>
        <location filename="../../reports/blank_crf.py" line="+5"/>
        <source>Test</source>
        <translation>검사</translation>
    </message>
    <message>
        <location filename="../../reports/blank_crf.py" line="+0"/>
        <source>Unit (tick one)</source>
        <translation>단위(하나에 체크)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Not attrib. to SLE</source>
        <translation>SLE와 무관</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not done: reason</source>
        <translation>시행 안 함: 사유</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Infusion date</source>
        <translation>투여일</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Infusion weight</source>
        <translation>투여 시 체중</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pre-infusion</source>
        <translation>투여 전</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Post-infusion</source>
        <translation>투여 후</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Infusion {0} (the visit&apos;s assessments are taken before the dose)</source>
        <translation>{0}차 투여(방문 평가는 투여 전에 시행)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Wt</source>
        <translation>가중치</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Descriptor</source>
        <translation>항목</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Definition</source>
        <translation>정의</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Total score (sum of weights ticked Yes)</source>
        <translation>총점(예로 체크한 항목의 가중치 합)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Score a descriptor if present at the visit or in the preceding {0} days and attributable to SLE. Answer all 24: an unanswered descriptor leaves the score missing.</source>
        <translation>방문 시 또는 직전 {0}일 이내에 있었고 SLE에 기인하는 항목에 점수를 줍니다. 24개 항목에 모두 답하십시오: 답하지 않은 항목이 있으면 점수가 결측입니다.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Physician&apos;s Global Assessment (PGA)</source>
        <translation>의사 총괄평가(PGA)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mark the line, then write the value with one decimal (e.g. 1.2):  PGA = ____ . ____</source>
        <translation>선에 표시한 다음 소수점 한 자리로 값을 적으십시오(예: 1.2):  PGA = ____ . ____</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Domain</source>
        <translation>영역</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>A severe</source>
        <translation>A 중증</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>B moderate</source>
        <translation>B 중등도</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>C mild</source>
        <translation>C 경도</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>D inactive now</source>
        <translation>D 현재 비활동</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E never</source>
        <translation>E 침범 없음</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>BILAG-2004 (one grade per domain)</source>
        <translation>BILAG-2004 (영역마다 등급 하나)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>SFI: new or worse since the previous assessment</source>
        <translation>SFI: 이전 평가 이후 새로 발생 또는 악화</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+6"/>
        <source>Answer</source>
        <translation>답변</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Worse thrombocytopenia</source>
        <translation>악화된 혈소판감소증</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Urine sediment inactive (investigator&apos;s judgement)</source>
        <translation>비활동성 요침사(연구자 판단)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>LLDAS questions</source>
        <translation>LLDAS 문항</translation>
    </message>
    <message>
        <location line="+17"/>
        <location line="+58"/>
        <location line="+12"/>
        <location line="+30"/>
        <source>{0} · Subject ID __________</source>
        <translation>{0} · 시험대상자 ID __________</translation>
    </message>
    <message>
        <location line="-83"/>
        <source>Concomitant medications</source>
        <translation>병용약물</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Every medication other than corticosteroids, from screening on.</source>
        <translation>스크리닝부터 코르티코스테로이드 이외의 모든 약물.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Class: {0}. Indication: {1}. Rescue, for SLE activity, investigational: Y / N. Stop empty = ongoing.</source>
        <translation>계열: {0}. 적응증: {1}. 구제, SLE 활동성에 대해, 시험약: Y / N. 중지일이 비어 있으면 지속 중.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Corticosteroid log</source>
        <translation>코르티코스테로이드 기록</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Every corticosteroid with each change of dose (a new row per change).</source>
        <translation>모든 코르티코스테로이드와 각 용량 변경(변경마다 새 행).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Drug: {0}. Route: {1}. Indication: {2}. Alternate days: 0.5 doses/day. Stop empty = ongoing.</source>
        <translation>약물: {0}. 투여 경로: {1}. 적응증: {2}. 격일 투여: 0.5회/일. 중지일이 비어 있으면 지속 중.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Every hospital admission during the study.</source>
        <translation>시험 기간 중의 모든 입원.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>For SLE activity: {0}. Indication: {1}.</source>
        <translation>SLE 활동성에 대해: {0}. 적응증: {1}.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Every dialysis episode or kidney transplant.</source>
        <translation>모든 투석 또는 신장이식.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Type: {0}. Chronic: {1}. Stop empty = ongoing.</source>
        <translation>유형: {0}. 만성: {1}. 중지일이 비어 있으면 지속 중.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Declared flares</source>
        <translation>연구자가 판정한 악화</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Flares declared by the investigator.</source>
        <translation>연구자가 판정한 악화.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Type: {0}. Organ (severe flare): {1}.</source>
        <translation>유형: {0}. 장기(중증 악화): {1}.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Status at the end</source>
        <translation>종료 시 상태</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../reports/subject_sections.py" line="+567"/>
        <source>Date (YYYY-MM-DD)</source>
        <translation>날짜 (YYYY-MM-DD)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last visit done</source>
        <translation>마지막 시행 방문</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason (withdrawal: who decided and why)</source>
        <translation>사유(중도탈락: 결정한 사람과 이유)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Follow-up for safety agreed</source>
        <translation>안전성 추적관찰 동의</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+3"/>
        <source>Withdrawal / end of study</source>
        <translation>중도탈락 / 시험 종료</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Once per subject, when the subject leaves the study.</source>
        <translation>시험대상자당 한 번, 시험대상자가 시험을 마칠 때.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Autopsy</source>
        <translation>부검</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Related to the product</source>
        <translation>임상시험용 의약품과의 관련성</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reported as an SAE (adverse event log row)</source>
        <translation>SAE로 보고함(이상반응 기록 행)</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>death</source>
        <translation>사망</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>life-threatening</source>
        <translation>생명을 위협함</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>disability</source>
        <translation>장애</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>congenital anomaly</source>
        <translation>선천성 기형</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>important medical event</source>
        <translation>중요한 의학적 사건</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Serious criteria</source>
        <translation>중대성 기준</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Action</source>
        <translation>조치</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Outcome</source>
        <translation>결과</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Causality to the product and to the infusion, each one of: {0}. Grade per CTCAE v5. End empty = ongoing.</source>
        <translation>임상시험용 의약품 및 투여와의 인과관계, 각각 다음 중 하나: {0}. 등급: CTCAE v5 등급. 종료일이 비어 있으면 지속 중.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Every adverse event from informed consent on (one form holds ten).</source>
        <translation>시험대상자 동의 이후의 모든 이상반응(양식 한 장에 열 건).</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Comments (Korean or English)</source>
        <translation>의견(한국어 또는 영어)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Completed by (name)</source>
        <translation>작성자(이름)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Investigator (name)</source>
        <translation>연구자(이름)</translation>
    </message>
    <message>
        <location filename="../../ui/status/ops_items.py" line="-9"/>
        <location filename="../../reports/blank_crf.py" line="+5"/>
        <source>Signatures</source>
        <translation>서명</translation>
    </message>
    <message>
        <location filename="../../reports/blank_crf.py" line="+21"/>
        <source>Blank CRF (paper fallback)</source>
        <translation>빈 증례기록서(종이 대체용)</translation>
    </message>
    <message>
        <location filename="../../reports/casebook_sections.py" line="+0"/>
        <source>Who (role)</source>
        <translation>담당자(역할)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Message</source>
        <translation>메시지</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No query raised on this subject.</source>
        <translation>이 시험대상자에게 제기된 쿼리 없음.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Record</source>
        <translation>기록</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Field</source>
        <translation>항목</translation>
    </message>
    <message>
        <location line="-44"/>
        <source>local time</source>
        <translation>현지 시각</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Raised by {0} {1} on {2}, field {3}.</source>
        <translation>제기: {0}, {1} · 대상: {2}, 항목: {3}.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>When ({0})</source>
        <translation>일시({0})</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Source-data verification</source>
        <translation>원자료 검증</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>No value source-verified.</source>
        <translation>원자료 검증된 값 없음.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Locks</source>
        <translation>잠금</translation>
    </message>
    <message>
        <location line="+3"/>
        <location filename="../../reports/subject_sections.py" line="-509"/>
        <source>visit {0}</source>
        <translation>{0} 방문</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>in force</source>
        <translation>유효(해제 안 됨)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scope</source>
        <translation>범위</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Locked (by, when, reason)</source>
        <translation>잠금(잠금자, 일시, 사유)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Unlocked</source>
        <translation>잠금 해제</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Never locked.</source>
        <translation>잠긴 적 없음.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Visit {0}</source>
        <translation>{0} 방문</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{0} record {1}</source>
        <translation>{0} 기록 {1}</translation>
    </message>
    <message>
        <location line="+51"/>
        <source> (deleted visit)</source>
        <translation> (삭제된 방문)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>{0} (derived)</source>
        <translation>{0} (자동 산출)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>created: {0}</source>
        <translation>생성: {0}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>deleted: {0}</source>
        <translation>삭제: {0}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(empty)</source>
        <translation>(빈 값)</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>No audit row for this subject.</source>
        <translation>이 시험대상자의 감사 추적 행 없음.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>{0} audit rows, in time order within each group. Times are local ({1}); user (role) as recorded; &quot;created&quot; and &quot;deleted&quot; list the record&apos;s values; {2} repeats the reason of the row above.</source>
        <translation>감사 추적 {0}행, 그룹마다 시간순. 시각은 현지 시각({1}), 사용자(역할)는 기록된 그대로이며, &quot;생성&quot;과 &quot;삭제&quot;에는 기록의 값이 나열되고, {2}는 바로 윗행과 같은 사유를 뜻합니다.</translation>
    </message>
    <message>
        <location filename="../../reports/document.py" line="+129"/>
        <source>This page is intentionally left blank.</source>
        <translation>이 쪽은 의도적으로 비워 두었습니다.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Data cut: as of {0} · database last changed {1}</source>
        <translation>데이터 기준: {0} · 데이터베이스 최종 변경 {1}</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../reports/subject_pdf.py" line="+181"/>
        <source>unknown</source>
        <translation>알 수 없음</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Printed {0}</source>
        <translation>인쇄일 {0}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> · database last changed {0}</source>
        <translation> · 데이터베이스 최종 변경 {0}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Page {0} of {1}</source>
        <translation>{1}쪽 중 {0}쪽</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>binder page {0}</source>
        <translation>바인더 {0}쪽</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{0}: page {1} of {2} · {3}</source>
        <translation>{0}: {2}쪽 중 {1}쪽 · {3}</translation>
    </message>
    <message>
        <location filename="../../reports/endpoint_table.py" line="-19"/>
        <source>Reason (endpoint engine)</source>
        <translation>사유(평가변수 엔진)</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+19"/>
        <source>Dates</source>
        <translation>날짜</translation>
    </message>
    <message>
        <location filename="../../reports/subject_pdf.py" line="-86"/>
        <source>Subject {0} · {1}</source>
        <translation>시험대상자 {0} · {1}</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Subject casebook: {0} ({1})</source>
        <translation>시험대상자 증례기록서: {0} ({1})</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>* Values are in the canonical unit; &quot;As entered&quot; shows a value typed in another unit. Reference ranges are display-only (typical adult ranges), used for the H/L flags. ⚑ Qn: under query n; ✓: source-verified.</source>
        <translation>* 값은 표준 단위입니다. &quot;입력값&quot;은 다른 단위로 입력한 값을 보여 줍니다. 참고치는 표시용(일반 성인 범위)이며 H/L 표시에 사용됩니다. ⚑ Qn: 쿼리 n 진행 중; ✓: 원자료 검증됨.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No visit performed as of the date shown.</source>
        <translation>표시된 날짜까지 시행한 방문이 없습니다.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The daily-dose plot is printed with the corticosteroid log.</source>
        <translation>1일 용량 그래프는 코르티코스테로이드 기록과 함께 인쇄됩니다.</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Subject casebook</source>
        <translation>시험대상자 증례기록서</translation>
    </message>
    <message>
        <location filename="../../reports/blank_crf.py" line="-235"/>
        <location filename="../../reports/subject_sections.py" line="-60"/>
        <source>Screening number</source>
        <translation>스크리닝 번호</translation>
    </message>
    <message>
        <location filename="../../reports/subject_sections.py" line="+1"/>
        <source>Sex / birth date</source>
        <translation>성별 / 생년월일</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Enrolment (infusion 1, day 0)</source>
        <translation>등록(1차 투여, Day 0)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Withdrawal</source>
        <translation>중도탈락</translation>
    </message>
    <message>
        <location filename="../../reports/blank_crf.py" line="+2"/>
        <location filename="../../reports/subject_sections.py" line="+5"/>
        <source>Baseline weight</source>
        <translation>기저 체중</translation>
    </message>
    <message>
        <location filename="../../reports/subject_sections.py" line="+4"/>
        <source>Data shown as of</source>
        <translation>데이터 기준일</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lock status</source>
        <translation>잠금 상태</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Status history</source>
        <translation>상태 이력</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Effective</source>
        <translation>적용일</translation>
    </message>
    <message>
        <location filename="../../ui/status/labels.py" line="+0"/>
        <location filename="../../ui/subjects/list_page.py" line="+0"/>
        <source>Not due</source>
        <translation>도래 전</translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../../ui/subjects/list_page.py" line="+0"/>
        <source>Due</source>
        <translation>도래</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Incomplete</source>
        <translation>미완료</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Complete</source>
        <translation>완료</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Verified</source>
        <translation>검증됨</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../reports/subject_sections.py" line="+5"/>
        <source>Locked</source>
        <translation>잠금 대상</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>N/A</source>
        <translation>해당 없음</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>window not open yet</source>
        <translation>허용 범위가 아직 시작되지 않음</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>window open, nothing recorded</source>
        <translation>허용 범위 중, 기록 없음</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>window closed, nothing recorded</source>
        <translation>허용 범위 종료, 기록 없음</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>declared missed</source>
        <translation>미방문으로 기록됨</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>entered, required items missing</source>
        <translation>입력됨, 필수 항목 누락</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>entered, nothing missing</source>
        <translation>입력됨, 누락 없음</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>every value source-verified</source>
        <translation>모든 값 원자료 검증됨</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>signed by the investigator</source>
        <translation>연구자 서명됨</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>locked, read-only</source>
        <translation>잠김, 읽기 전용</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>after the subject&apos;s study end</source>
        <translation>시험대상자의 시험 종료 이후</translation>
    </message>
    <message>
        <location line="+106"/>
        <source>Target {0}</source>
        <translation>목표일 {0}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> (window {0} – {1})</source>
        <translation> (허용 범위 {0} – {1})</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Missing: {0}</source>
        <translation>누락: {0}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Queries: {0} open, {1} answered</source>
        <translation>쿼리: 미해결 {0}건, 답변됨 {1}건</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Source-verified: {0} of {1} values</source>
        <translation>원자료 검증: 값 {1}개 중 {0}개</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Steroids</source>
        <translation>스테로이드</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Medications</source>
        <translation>병용약물</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>AEs</source>
        <translation>이상반응</translation>
    </message>
    <message>
        <location filename="../../reports/subject_sections.py" line="+5"/>
        <source>Dates are YYYY-MM-DD. Study day 0 = infusion 1. Lab flags H/L use display-only reference ranges (reports/reference_ranges.py), not the site laboratory&apos;s. Endpoint statuses come from the TrialDesk endpoint engine as of the date above.</source>
        <translation>날짜는 YYYY-MM-DD 형식입니다. 시험일 Day 0 = 1차 투여. 검사 H/L 표시는 시험기관 검사실이 아닌 표시용 참고치(reports/reference_ranges.py)를 사용합니다. 평가변수 상태는 위 날짜 기준 TrialDesk 평가변수 엔진의 결과입니다.</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>BP {0}/{1} mmHg</source>
        <translation>혈압 {0}/{1} mmHg</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>pulse {0}/min</source>
        <translation>맥박 {0}회/분</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>No infusion recorded.</source>
        <translation>기록된 투여 없음.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Actual date</source>
        <translation>실제 날짜</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Weight (kg)</source>
        <translation>체중 (kg)</translation>
    </message>
    <message>
        <location filename="../../reports/blank_crf.py" line="+31"/>
        <location filename="../../reports/subject_sections.py" line="+1"/>
        <source>Dose (cells)</source>
        <translation>용량 (cells)</translation>
    </message>
    <message>
        <location filename="../../reports/subject_sections.py" line="-52"/>
        <source>{0} locked by {1} {2}: {3}</source>
        <translation>{0} 잠금({1}, {2}): {3}</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>not locked</source>
        <translation>잠금 없음</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{0} locked</source>
        <translation>{0} 잠금</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>whole database</source>
        <translation>데이터베이스 전체</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>subject</source>
        <translation>시험대상자</translation>
    </message>
    <message>
        <location line="+23"/>
        <location line="+21"/>
        <source>Infusion {0}</source>
        <translation>{0}차 투여</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>{0} % given</source>
        <translation>{0}% 투여</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>not given: {0}</source>
        <translation>투여 안 함: {0}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Yes: {0}</source>
        <translation>예: {0}</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>no description</source>
        <translation>설명 없음</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>weighed {0}</source>
        <translation>체중 측정 {0}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Administration</source>
        <translation>투여</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Schedule changes</source>
        <translation>일정 변경</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Old → new</source>
        <translation>이전 → 새</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>By, when</source>
        <translation>변경자, 일시</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>OUT OF WINDOW ({0} d early)</source>
        <translation>허용 범위 밖 ({0}일 이름)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>OUT OF WINDOW ({0} d late)</source>
        <translation>허용 범위 밖 ({0}일 늦음)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>; treated as missing</source>
        <translation>; 누락으로 처리</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>missed</source>
        <translation>미방문</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>OVERDUE (window closed)</source>
        <translation>기한 경과(허용 범위 종료)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>not applicable ({0})</source>
        <translation>해당 없음 ({0})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>done, in window</source>
        <translation>완료, 허용 범위 내</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>due now (window open)</source>
        <translation>방문 기간(허용 범위 내)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>upcoming</source>
        <translation>예정</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>No visit calendar yet: infusion 1 has no planned date.</source>
        <translation>아직 방문 일정이 없습니다: 1차 투여 계획일이 없습니다.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>unscheduled</source>
        <translation>비예정</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Target</source>
        <translation>목표일</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Window</source>
        <translation>허용 범위</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Actual (day)</source>
        <translation>실제(시험일)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Targets count from the planned date of infusion 1 ({0}); they move when it is given.</source>
        <translation>목표일은 1차 투여 계획일({0})을 기준으로 계산하며, 1차 투여가 시행되면 바뀝니다.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Reasons recorded for visit dates outside their window</source>
        <translation>허용 범위를 벗어난 방문일에 대해 기록된 사유</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>eGFR (CKD-EPI 2021, computed)</source>
        <translation>eGFR (CKD-EPI 2021, 계산값)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>none seen</source>
        <translation>보이지 않음</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Entry</source>
        <translation>입력</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&lt;b&gt;INCOMPLETE&lt;/b&gt; (required fields missing)</source>
        <translation>&lt;b&gt;미완료&lt;/b&gt; (필수 항목 누락)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Vital signs</source>
        <translation>활력징후</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>none ticked</source>
        <translation>체크된 항목 없음</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&lt;b&gt;incomplete&lt;/b&gt; ({0} of 24 unanswered; partial sum {1})</source>
        <translation>&lt;b&gt;미완료&lt;/b&gt; (24개 중 {0}개 미응답; 부분 합계 {1})</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>PGA (0–3)</source>
        <translation>PGA (0–3)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>new/worse: {0}; worse thrombocytopenia: {1}</source>
        <translation>새로 발생/악화: {0}; 혈소판감소증 악화: {1}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Sediment inactive</source>
        <translation>비활동성 요침사</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not done</source>
        <translation>시행 안 함</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Out of window: reason</source>
        <translation>허용 범위 밖: 사유</translation>
    </message>
    <message>
        <location filename="../../reports/blank_crf.py" line="+97"/>
        <location line="+6"/>
        <location filename="../../reports/subject_sections.py" line="+2"/>
        <source>Comment</source>
        <translation>의견</translation>
    </message>
    <message>
        <location filename="../../reports/subject_sections.py" line="+3"/>
        <source>Confirmed value</source>
        <translation>확인된 값</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{0} = {1}: {2} (confirmed by {3} {4})</source>
        <translation>{0} = {1}: {2} (확인: {3}, {4})</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>entry complete</source>
        <translation>입력 완료</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>entry INCOMPLETE</source>
        <translation>입력 미완료</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>status: {0}</source>
        <translation>상태: {0}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>signed</source>
        <translation>서명됨</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>locked</source>
        <translation>잠김</translation>
    </message>
    <message>
        <location line="+20"/>
        <source> · day {0}</source>
        <translation> · 시험일 {0}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Laboratory</source>
        <translation>검사</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Lab</source>
        <translation>검사</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>As entered</source>
        <translation>입력값</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Value*</source>
        <translation>값*</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Reference*</source>
        <translation>참고치*</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Query/SDV</source>
        <translation>쿼리/SDV</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No lab values at this visit.</source>
        <translation>이 방문에 검사 값이 없습니다.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clinical assessments</source>
        <translation>임상 평가</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>route</source>
        <translation>투여 경로</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>stop before start</source>
        <translation>중지일이 시작일보다 앞섬</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>outside the log</source>
        <translation>기록 범위 밖</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>— (no day 0 yet)</source>
        <translation>— (Day 0 없음)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>unknown drug</source>
        <translation>알 수 없는 약물</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>not counted ({0})</source>
        <translation>산입 안 함({0})</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>No corticosteroid recorded.</source>
        <translation>기록된 코르티코스테로이드 없음.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Study days</source>
        <translation>시험일</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pred-eq mg/day: the row&apos;s contribution to the daily prednisone-equivalent dose as the endpoint engine counts it; rows it leaves out say why (non-systemic route, premedication or other non-SLE indication, a stop date before the start).</source>
        <translation>Pred-eq mg/일: 평가변수 엔진이 산정하는 1일 프레드니손 환산 용량에 이 행이 기여하는 양입니다. 산입하지 않은 행에는 그 이유가 표시됩니다(비전신 투여 경로, 전처치 또는 SLE 외 적응증, 시작일보다 앞선 중지일).</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>rescue</source>
        <translation>구제요법</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>for SLE activity</source>
        <translation>SLE 활동성에 대해</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>investigational</source>
        <translation>임상시험용</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No concomitant medication recorded.</source>
        <translation>기록된 병용약물 없음.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Flags</source>
        <translation>표시</translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+12"/>
        <source>Day</source>
        <translation>시험일</translation>
    </message>
    <message>
        <location line="-9"/>
        <location line="+5"/>
        <location line="+6"/>
        <source>None recorded.</source>
        <translation>기록 없음.</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>SERIOUS ({0})</source>
        <translation>중대함 ({0})</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>SERIOUS</source>
        <translation>중대함</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>; action: {0}</source>
        <translation>; 조치: {0}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No adverse event recorded.</source>
        <translation>기록된 이상반응 없음.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Outcome, action</source>
        <translation>결과, 조치</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Electronic signatures recorded in TrialDesk (21 CFR Part 11):</source>
        <translation>TrialDesk에 기록된 전자서명(21 CFR Part 11):</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Investigator name</source>
        <translation>연구자 이름</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>I have reviewed the data in this summary and confirm it reflects the source documents.</source>
        <translation>본인은 이 요약의 데이터를 검토하였으며 근거문서와 일치함을 확인합니다.</translation>
    </message>
    <message>
        <location filename="../../commands/print_cmd.py" line="+83"/>
        <source>error: {0}</source>
        <translation>오류: {0}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>print stopped by {0}: nothing written to {1}</source>
        <translation>{0}(으)로 인쇄가 중지되었습니다: {1}에 아무것도 쓰지 않았습니다</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>{0}: no such folder</source>
        <translation>{0}: 그런 폴더가 없습니다</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>{0}: cannot be written ({1})</source>
        <translation>{0}: 쓸 수 없습니다({1})</translation>
    </message>
    <message>
        <location filename="../../reports/plot_spec.py" line="-27"/>
        <source>Study day (day 0 = infusion 1)</source>
        <translation>시험일 (Day 0 = 1차 투여)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Infusion 1 not given as of {0}: no study days yet.</source>
        <translation>{0} 기준 1차 투여가 시행되지 않음: 아직 시험일이 없습니다.</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+145"/>
        <source>Daily prednisone-equivalent dose</source>
        <translation>1일 프레드니손 환산 용량</translation>
    </message>
    <message>
        <location line="-127"/>
        <source>pred-eq mg/day</source>
        <translation>프레드니손 환산 mg/일</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>above {0:g} mg/day</source>
        <translation>{0:g} mg/일 초과</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>{0:g} mg/day</source>
        <translation>{0:g} mg/일</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>W4–W12 (primary)</source>
        <translation>W4–W12 (일차)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>log not yet complete</source>
        <translation>기록 미완료 구간</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Haematology: haemoglobin, ANC, platelets</source>
        <translation>혈액학: 혈색소, ANC, 혈소판</translation>
    </message>
    <message>
        <location line="-6"/>
        <location line="+12"/>
        <source>base + {0:g}</source>
        <translation>기저치 + {0:g}</translation>
    </message>
    <message>
        <location line="-11"/>
        <location line="+13"/>
        <source>2 × base, + {0:g}</source>
        <translation>기저치 × 2, + {0:g}</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>no values</source>
        <translation>값 없음</translation>
    </message>
    <message>
        <location line="-2"/>
        <location line="+19"/>
        <source>baseline {0:g}</source>
        <translation>기저치 {0:g}</translation>
    </message>
    <message>
        <location line="-18"/>
        <source>improved ≥ {0:g}
({1})</source>
        <translation>개선 ≥ {0:g}
({1})</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Renal: UPCR and eGFR</source>
        <translation>신장: UPCR 및 eGFR</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>no UPCR values</source>
        <translation>UPCR 값 없음</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>response ≤ {0:g} g/g</source>
        <translation>반응 ≤ {0:g} g/g</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>no creatinine values</source>
        <translation>크레아티닌 값 없음</translation>
    </message>
    <message>
        <location line="-3"/>
        <location line="+37"/>
        <source>baseline {0:.1f}</source>
        <translation>기저치 {0:.1f}</translation>
    </message>
    <message>
        <location line="-36"/>
        <source>baseline − {0:g} %</source>
        <translation>기저치 − {0:g} %</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Disease activity: SLEDAI-2K and PGA</source>
        <translation>질병 활성도: SLEDAI-2K 및 PGA</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>no complete SLEDAI-2K</source>
        <translation>완료된 SLEDAI-2K 없음</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>baseline {0}</source>
        <translation>기저치 {0}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>baseline − 4</source>
        <translation>기저치 − 4</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>no PGA</source>
        <translation>PGA 없음</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>worsening ≥ {0:.1f}</source>
        <translation>악화 ≥ {0:.1f}</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Haematology</source>
        <translation>혈액 검사</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Renal function</source>
        <translation>신기능</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Disease activity</source>
        <translation>질병 활성도</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/lab_dialog.py" line="+74"/>
        <source>Only coordinators and investigators enter data; monitors and administrators cannot import lab results.</source>
        <translation>데이터는 연구코디네이터와 연구자만 입력합니다. 모니터요원과 관리자는 검사 결과 가져오기를 할 수 없습니다.</translation>
    </message>
    <message>
        <location filename="../../ui/schedule/calendar_day.py" line="+113"/>
        <source>+{0} more</source>
        <translation>+{0}건 더</translation>
    </message>
    <message>
        <location line="+15"/>
        <location filename="../../ui/status/ops_items.py" line="-23"/>
        <source>Done out of window</source>
        <translation>허용 범위 밖 완료</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Weekend</source>
        <translation>주말</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Korean public holiday (name in red)</source>
        <translation>공휴일(이름은 빨간색)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Today</source>
        <translation>오늘</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Click a visit in the day&apos;s list to open it in the subject&apos;s schedule.</source>
        <translation>그날의 목록에서 방문을 클릭하면 시험대상자의 방문 일정에서 엽니다.</translation>
    </message>
    <message>
        <location filename="../../ui/schedule/days.py" line="+49"/>
        <source>Saturday</source>
        <translation>토요일</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Sunday</source>
        <translation>일요일</translation>
    </message>
    <message>
        <location filename="../../ui/status/ops_plots.py" line="-31"/>
        <source>Enrolled vs target (red line)</source>
        <translation>목표 대비 등록(빨간 선)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>In window</source>
        <translation>허용 범위 내</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>{0} d</source>
        <translation>{0}일</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Open queries by age</source>
        <translation>경과 기간별 미해결 쿼리</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Forms complete (%)</source>
        <translation>양식 완료 (%)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Values</source>
        <translation>값</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Source-verified (%)</source>
        <translation>원자료 검증 (%)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Waiting</source>
        <translation>대기</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Visits to sign</source>
        <translation>서명할 방문</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Click a bar to list what is behind it</source>
        <translation>막대를 클릭하면 해당 목록이 표시됩니다</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/inputs.py" line="+36"/>
        <source>“{0}” is not a date: type it as 2026-03-05 or 20260305.</source>
        <translation>“{0}”은(는) 날짜가 아닙니다: 2026-03-05 또는 20260305 형식으로 입력하십시오.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>“{0}” is not a date: month {1} does not exist.</source>
        <translation>“{0}”은(는) 날짜가 아닙니다: {1}월은 없습니다.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>“{0}” is not a date: year {1} does not exist.</source>
        <translation>“{0}”은(는) 날짜가 아닙니다: {1}년은 없습니다.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>“{0}” is not a date: {1:04d}-{2:02d} has no day {3}.</source>
        <translation>“{0}”은(는) 날짜가 아닙니다: {1:04d}-{2:02d}에는 {3}일이 없습니다.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>“{0}” is not a number: type it as 12.5 or 12,5.</source>
        <translation>“{0}”은(는) 숫자가 아닙니다: 12.5 또는 12,5 형식으로 입력하십시오.</translation>
    </message>
    <message>
        <location filename="../../reports/source.py" line="+47"/>
        <source>audit {0} rows · {1}</source>
        <translation>감사 추적 {0}행 · {1}</translation>
    </message>
    <message>
        <location filename="../../reports/marks.py" line="+70"/>
        <source>⚑ {0} {1}: query {2} (raised by {3} {4}); thread under Queries and source verification.</source>
        <translation>⚑ {0} {1}: 쿼리 {2} (제기: {3}, {4}); 전체 내용은 &apos;쿼리 및 원자료 검증&apos; 참조.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>✓ {0} = {1}: source-verified by {2} {3}</source>
        <translation>✓ {0} = {1}: 원자료 검증({2}, {3})</translation>
    </message>
    <message>
        <location filename="../../models/concurrency.py" line="+53"/>
        <source>record</source>
        <translation>기록</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Someone else changed this {0}</source>
        <translation>다른 사용자가 이 {0}을(를) 변경했습니다</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{0} deleted this {1} at {2}</source>
        <translation>{0}이(가) {2}에 이 {1}을(를) 삭제했습니다</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{0} changed this {1} at {2}</source>
        <translation>{0}이(가) {2}에 이 {1}을(를) 변경했습니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{0}, after you opened it: your save was refused so that their change is not overwritten; nothing was saved. What you typed is still here: close and reopen the record to see their change, then enter yours again.</source>
        <translation>{0}. 귀하가 연 뒤의 일이므로, 그 변경을 덮어쓰지 않도록 저장을 거부했습니다. 아무것도 저장되지 않았습니다. 입력한 내용은 그대로 있습니다: 기록을 닫았다가 다시 열어 그 변경을 확인한 다음, 다시 입력하십시오.</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Someone else changed this record after you opened it: your save was refused so that their change is not overwritten; nothing was saved.</source>
        <translation>귀하가 이 기록을 연 뒤 다른 사용자가 변경했습니다. 그 변경을 덮어쓰지 않도록 저장을 거부했습니다. 아무것도 저장되지 않았습니다.</translation>
    </message>
    <message>
        <location filename="../../models/database.py" line="+514"/>
        <source>{0}: the connection to the server was lost; nothing was saved. Check the network and try again.</source>
        <translation>{0}: 서버와의 연결이 끊어졌습니다. 아무것도 저장되지 않았습니다. 네트워크를 확인하고 다시 시도하십시오.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{0} is busy: another PC was saving at the same moment. Try again; nothing was saved.</source>
        <translation>{0}이(가) 사용 중입니다: 같은 순간에 다른 PC가 저장하고 있었습니다. 다시 시도하십시오. 아무것도 저장되지 않았습니다.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{0}: the server&apos;s account TrialDesk signs in with may not make this change; nothing was saved.</source>
        <translation>{0}: TrialDesk가 서버에 접속하는 계정에는 이 변경 권한이 없습니다. 아무것도 저장되지 않았습니다.</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+16"/>
        <source>{0}: this would store a second record where only one is allowed ({1}); nothing was saved.</source>
        <translation>{0}: 하나만 허용되는 기록을 두 번째로 저장하게 됩니다({1}). 아무것도 저장되지 않았습니다.</translation>
    </message>
    <message>
        <location line="-13"/>
        <location line="+16"/>
        <source>{0}: the record is incomplete or refers to something that does not exist; nothing was saved.</source>
        <translation>{0}: 기록이 불완전하거나 존재하지 않는 항목을 가리킵니다. 아무것도 저장되지 않았습니다.</translation>
    </message>
    <message>
        <location line="-13"/>
        <source>{0} is busy: another program is writing to it. Try again in a moment; nothing was saved.</source>
        <translation>{0}이(가) 사용 중입니다: 다른 프로그램이 쓰고 있습니다. 잠시 후 다시 시도하십시오. 아무것도 저장되지 않았습니다.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{0} cannot be written (read-only file or folder); nothing was saved.</source>
        <translation>{0}에 쓸 수 없습니다(읽기 전용 파일 또는 폴더). 아무것도 저장되지 않았습니다.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{0}: a change that did not go through TrialDesk&apos;s audited save was refused; nothing was saved.</source>
        <translation>{0}: TrialDesk의 감사 추적 저장을 거치지 않은 변경이 거부되었습니다. 아무것도 저장되지 않았습니다.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{0} cannot be written: the disk is full or failing; nothing was saved.</source>
        <translation>{0}에 쓸 수 없습니다: 디스크가 가득 찼거나 고장 났습니다. 아무것도 저장되지 않았습니다.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{0}: the database could not be used ({1}); nothing was saved.</source>
        <translation>{0}: 데이터베이스를 사용할 수 없습니다({1}). 아무것도 저장되지 않았습니다.</translation>
    </message>
</context>
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../ui/help/about.py" line="+38"/>
        <source>About TrialDesk</source>
        <translation>TrialDesk 정보</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>source run (not a built app)</source>
        <translation>소스 실행(빌드된 앱 아님)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{0} (from {1})</source>
        <translation>{0} ({1}에서)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>none</source>
        <translation>없음</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unknown</source>
        <translation>알 수 없음</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+18"/>
        <source>Version</source>
        <translation>버전</translation>
    </message>
    <message>
        <location line="-18"/>
        <source>Built</source>
        <translation>빌드일</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Study configuration</source>
        <translation>시험 설정</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Database file</source>
        <translation>데이터베이스 파일</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Schema revision</source>
        <translation>스키마 버전</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Python</source>
        <translation>Python</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Qt</source>
        <translation>Qt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&lt;b&gt;TrialDesk&lt;/b&gt;: case report forms and endpoints of one clinical-trial site</source>
        <translation>&lt;b&gt;TrialDesk&lt;/b&gt;: 한 임상시험기관의 증례기록서와 평가변수</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Bundled font or library</source>
        <translation>포함된 글꼴 또는 라이브러리</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Licence</source>
        <translation>라이선스</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Copy the facts</source>
        <translation>정보 복사</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Copy version, study configuration, database and versions, e.g. for a support request</source>
        <translation>버전, 시험 설정, 데이터베이스와 각 버전을 복사합니다(예: 지원 요청용)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Fonts and libraries inside TrialDesk (select one to read its licence):</source>
        <translation>TrialDesk에 포함된 글꼴과 라이브러리(하나를 선택하면 라이선스가 표시됨):</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>{0}: {1}. The licence text is not bundled with this build.</source>
        <translation>{0}: {1}. 이 빌드에는 라이선스 전문이 포함되어 있지 않습니다.</translation>
    </message>
</context>
<context>
    <name>AccountMenu</name>
    <message>
        <location filename="../../ui/trust/account.py" line="+182"/>
        <source>&amp;Account</source>
        <translation>계정(&amp;A)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Change password...</source>
        <translation>비밀번호 변경(&amp;C)...</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Sign out</source>
        <translation>로그아웃(&amp;S)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Signed in as {0} ({1})</source>
        <translation>로그인: {0} ({1})</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Password changed.</source>
        <translation>비밀번호가 변경되었습니다.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{0}
You were signed out. Unsaved input is kept for when this account is unlocked, or is offered to the next user as a draft.</source>
        <translation>{0}
로그아웃되었습니다. 저장하지 않은 입력은 이 계정의 잠금이 해제될 때를 위해 보관되거나, 다음 사용자에게 임시 저장본으로 제시됩니다.</translation>
    </message>
</context>
<context>
    <name>AuditViewer</name>
    <message>
        <location filename="../../ui/trust/audit_viewer.py" line="+170"/>
        <source>e.g. Haemoglobin</source>
        <translation>예: 혈색소</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Apply filter</source>
        <translation>필터 적용</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export CSV...</source>
        <translation>CSV 내보내기...</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Verify audit trail</source>
        <translation>감사 추적 검증</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Subject</source>
        <translation>시험대상자</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>User</source>
        <translation>사용자</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>From</source>
        <translation>시작</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>To</source>
        <translation>종료</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Field</source>
        <translation>항목</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Show stored record</source>
        <translation>저장된 기록 보기</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Audit trail</source>
        <translation>감사 추적</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Every change, with who, when and why; one row per changed value. Times are local; the file stores UTC.</source>
        <translation>모든 변경과 그 담당자, 일시, 사유; 변경된 값마다 한 행. 시각은 현지 시각이며 파일에는 UTC로 저장됩니다.</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>Not filtered: {0} is not a date; use YYYY-MM-DD.</source>
        <translation>필터 적용 안 됨: {0}은(는) 날짜가 아닙니다. YYYY-MM-DD 형식을 사용하십시오.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source> (the newest {0}; narrow the filter or export for all)</source>
        <translation> (최근 {0}건; 필터를 좁히거나 전체 내보내기를 사용하십시오)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{0} row(s){1}</source>
        <translation>{0}행{1}</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Select a row to see it as stored.</source>
        <translation>저장된 상태를 보려면 행을 선택하십시오.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Export audit trail</source>
        <translation>감사 추적 내보내기</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV 파일 (*.csv)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Not exported: {0}</source>
        <translation>내보내지 않음: {0}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not exported: {0} is not a date; use YYYY-MM-DD.</source>
        <translation>내보내지 않음: {0}은(는) 날짜가 아닙니다. YYYY-MM-DD 형식을 사용하십시오.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Exported {0} row(s) to {1}</source>
        <translation>{0}행을 {1}(으)로 내보냈습니다</translation>
    </message>
</context>
<context>
    <name>BackupPanel</name>
    <message>
        <location filename="../../ui/trust/backup_panel.py" line="+46"/>
        <source>Backups are written to &lt;b&gt;{0}&lt;/b&gt; when TrialDesk closes and at least every {1} hours while it is open (SQLite online backup, each copy checked).</source>
        <translation>백업은 TrialDesk를 닫을 때와 열려 있는 동안 최소 {1}시간마다 &lt;b&gt;{0}&lt;/b&gt;에 기록됩니다(SQLite 온라인 백업, 각 사본 검사).</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Save setting</source>
        <translation>설정 저장</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Back up now</source>
        <translation>지금 백업</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Restore selected backup...</source>
        <translation>선택한 백업 복원...</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Taken (local time)</source>
        <translation>백업 일시(현지 시각)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Size</source>
        <translation>크기</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>File</source>
        <translation>파일</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Keep the newest</source>
        <translation>최근 사본 보관 수</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>copies</source>
        <translation>개</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+22"/>
        <source>Backups</source>
        <translation>백업</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>This study lives on the PostgreSQL server &lt;b&gt;{0}&lt;/b&gt;. Its backups are the server&apos;s own, made where the server runs, not on this PC: each night whoever looks after the server runs the command below, and restores each copy once into an empty database with &lt;tt&gt;pg_restore&lt;/tt&gt; to check it. TrialDesk copies no file of a server study; see the README, &quot;A site server&quot;.</source>
        <translation>이 시험은 PostgreSQL 서버 &lt;b&gt;{0}&lt;/b&gt;에 있습니다. 백업은 이 PC가 아니라 서버가 있는 곳에서 서버 자체의 방식으로 만듭니다: 서버 관리자가 매일 밤 아래 명령을 실행하고, 각 사본을 빈 데이터베이스에 &lt;tt&gt;pg_restore&lt;/tt&gt;로 한 번 복원하여 확인합니다. TrialDesk는 서버 시험의 파일을 복사하지 않습니다. README의 &quot;A site server&quot;를 참조하십시오.</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Administrators only</source>
        <translation>관리자 전용</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Saved: the newest {0} copies are kept.</source>
        <translation>저장됨: 최근 사본 {0}개를 보관합니다.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Backup written: {0}</source>
        <translation>백업 기록됨: {0}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Select a backup first (administrators only).</source>
        <translation>먼저 백업을 선택하십시오(관리자 전용).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Restore a backup</source>
        <translation>백업 복원</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Replace the database with the backup taken {0}?

Everything entered after that moment will no longer be in the database. The current file is first kept aside, next to it, as {1}.before-restore-…

TrialDesk closes after the restore; start it again.</source>
        <translation>데이터베이스를 {0}에 만든 백업으로 바꿀까요?

그 시점 이후에 입력한 모든 내용은 데이터베이스에서 없어집니다. 현재 파일은 먼저 같은 위치에 {1}.before-restore-… 이름으로 보관됩니다.

복원 후 TrialDesk가 닫힙니다. 다시 시작하십시오.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Restore failed</source>
        <translation>복원 실패</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Backup restored</source>
        <translation>백업 복원됨</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Restored. The previous file was kept as
{0}</source>
        <translation>복원되었습니다. 이전 파일은 다음 이름으로 보관되었습니다:
{0}</translation>
    </message>
</context>
<context>
    <name>BilagSection</name>
    <message>
        <location filename="../../ui/entry/sections/assessments.py" line="+99"/>
        <location line="+43"/>
        <source>BILAG-2004</source>
        <translation>BILAG-2004</translation>
    </message>
    <message>
        <location line="-24"/>
        <source>BILAG-2004: {0}</source>
        <translation>BILAG-2004: {0}</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>BILAG-2004 *</source>
        <translation>BILAG-2004 *</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <location filename="../../ui/trust/account.py" line="-126"/>
        <source>TrialDesk — change password</source>
        <translation>TrialDesk — 비밀번호 변경</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The new password needs at least {0} characters, must differ from the current one and may not start or end with a space.</source>
        <translation>새 비밀번호는 {0}자 이상이어야 하고, 현재 비밀번호와 달라야 하며, 공백으로 시작하거나 끝날 수 없습니다.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>An administrator has set a new password for {0} ({1}). Choose your own password before you continue.</source>
        <translation>관리자가 {0}({1})의 새 비밀번호를 설정했습니다. 계속하기 전에 본인의 비밀번호를 정하십시오.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Change the password of {0} ({1}).</source>
        <translation>{0}({1})의 비밀번호를 변경합니다.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Current password</source>
        <translation>현재 비밀번호</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>New password</source>
        <translation>새 비밀번호</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Repeat new password</source>
        <translation>새 비밀번호 확인</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Change password</source>
        <translation>비밀번호 변경</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>The two new passwords differ.</source>
        <translation>두 새 비밀번호가 다릅니다.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>The current password is wrong. {0} attempt(s) left before the account is locked.</source>
        <translation>현재 비밀번호가 틀렸습니다. 계정이 잠기기 전까지 {0}회 남았습니다.</translation>
    </message>
</context>
<context>
    <name>ChemistrySection</name>
    <message>
        <location filename="../../ui/entry/sections/labs.py" line="+40"/>
        <source>Chemistry</source>
        <translation>화학 검사</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>— (needs creatinine)</source>
        <translation>— (크레아티닌 필요)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>— (needs the visit date)</source>
        <translation>— (방문일 필요)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{0} mL/min/1.73 m²  (CKD-EPI 2021; {1}, {2} y)</source>
        <translation>{0} mL/min/1.73 m²  (CKD-EPI 2021; {1}, {2}세)</translation>
    </message>
</context>
<context>
    <name>CompleteThrough</name>
    <message>
        <location filename="../../ui/logs/steroids.py" line="+16"/>
        <source>empty = today</source>
        <translation>비어 있으면 = 오늘</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Confirm</source>
        <translation>확인</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Log checked and complete through</source>
        <translation>기록 확인 및 완료 시점</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Type the date as YYYY-MM-DD or YYYYMMDD, e.g. 2026-03-05.</source>
        <translation>날짜를 YYYY-MM-DD 또는 YYYYMMDD 형식으로 입력하십시오(예: 2026-03-05).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Steroid log checked against the source and confirmed complete through {0}</source>
        <translation>스테로이드 기록을 근거문서와 대조하여 {0}까지 완료됨을 확인함</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the date the steroid log of {0} is complete through</source>
        <translation>{0}의 스테로이드 기록이 완료된 날짜</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Saved.</source>
        <translation>저장되었습니다.</translation>
    </message>
</context>
<context>
    <name>EndpointDetail</name>
    <message>
        <location filename="../../ui/results/endpoint_detail.py" line="+24"/>
        <source>Click an endpoint to see what drove it.</source>
        <translation>평가변수를 클릭하면 판정 근거가 표시됩니다.</translation>
    </message>
</context>
<context>
    <name>EndpointPanel</name>
    <message>
        <location filename="../../ui/results/endpoint_panel.py" line="+16"/>
        <source>Endpoints</source>
        <translation>평가변수</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>PREVIEW — not saved: includes the values on screen</source>
        <translation>미리보기 — 저장 안 됨: 화면의 값을 포함합니다</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Saved data</source>
        <translation>저장된 데이터</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{0} · as of {1}</source>
        <translation>{0} · 기준일 {1}</translation>
    </message>
</context>
<context>
    <name>EndpointsTab</name>
    <message>
        <location filename="../../ui/results/endpoint_detail.py" line="+91"/>
        <source>Subject {0} no longer exists.</source>
        <translation>시험대상자 {0}이(가) 더 이상 존재하지 않습니다.</translation>
    </message>
</context>
<context>
    <name>EnrolOffer</name>
    <message>
        <location filename="../../ui/schedule/enrol.py" line="+37"/>
        <source>Mark enrolled</source>
        <translation>등록으로 표시</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Infusion 1 was given on {0}, but {1} is still in screening. Mark the subject enrolled as of that day?</source>
        <translation>1차 투여가 {0}에 시행되었지만 {1}은(는) 아직 스크리닝 상태입니다. 그날 기준으로 시험대상자를 등록으로 표시할까요?</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Infusion 1 given on {0}</source>
        <translation>1차 투여일 {0}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Not marked enrolled: {0}</source>
        <translation>등록으로 표시하지 않음: {0}</translation>
    </message>
</context>
<context>
    <name>EntryDialog</name>
    <message>
        <location filename="../../ui/entry/dialog.py" line="+134"/>
        <source>&amp;Save</source>
        <translation>저장(&amp;S)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Close</source>
        <translation>닫기</translation>
    </message>
    <message>
        <location line="+70"/>
        <location line="+18"/>
        <location line="+3"/>
        <source>Not saved: {0}</source>
        <translation>저장 안 됨: {0}</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>{0}. Saving this change invalidates these signatures; they go back on the investigator&apos;s to-sign list.</source>
        <translation>{0}. 이 변경을 저장하면 이 서명들이 무효화되어 연구자의 서명 대기 목록으로 돌아갑니다.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{0}. Saving this change invalidates the signature; it goes back on the investigator&apos;s to-sign list.</source>
        <translation>{0}. 이 변경을 저장하면 서명이 무효화되어 연구자의 서명 대기 목록으로 돌아갑니다.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Queries and source verification attach to saved data: they appear beside the fields once this is saved.</source>
        <translation>쿼리와 원자료 검증은 저장된 데이터에 붙습니다. 저장하면 항목 옆에 표시됩니다.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Queries attach to saved data: save this form first.</source>
        <translation>쿼리는 저장된 데이터에 붙습니다: 먼저 이 양식을 저장하십시오.</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Unsaved changes</source>
        <translation>저장하지 않은 변경 사항</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save</source>
        <translation>저장</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Discard changes</source>
        <translation>변경 사항 버리기</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep editing</source>
        <translation>계속 편집</translation>
    </message>
</context>
<context>
    <name>ExchangeActions</name>
    <message>
        <location filename="../../ui/exchange/feature.py" line="+27"/>
        <source>&amp;Export…</source>
        <translation>내보내기(&amp;E)…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Export the study&apos;s data for the sponsor (ODM, CSV, XLSX, XPT, Dataset-JSON)</source>
        <translation>의뢰자에게 보낼 시험 데이터 내보내기(ODM, CSV, XLSX, XPT, Dataset-JSON)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Import &amp;labs…</source>
        <translation>검사 결과 가져오기(&amp;L)…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Import lab results from a laboratory export</source>
        <translation>검사실 내보내기 파일에서 검사 결과 가져오기</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../ui/exchange/export_dialog.py" line="+49"/>
        <source>Export the study&apos;s data</source>
        <translation>시험 데이터 내보내기</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>All subjects ({0})</source>
        <translation>모든 시험대상자 ({0})</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Only the subjects ticked below</source>
        <translation>아래에 체크한 시험대상자만</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Choose…</source>
        <translation>선택…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Nothing exported yet.</source>
        <translation>아직 내보낸 것이 없습니다.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Export</source>
        <translation>내보내기(&amp;E)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cancel export</source>
        <translation>내보내기 취소</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Open the folder</source>
        <translation>폴더 열기</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Close</source>
        <translation>닫기</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Format:</source>
        <translation>형식:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Subjects:</source>
        <translation>시험대상자:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Save to:</source>
        <translation>저장 위치:</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>The file to write.</source>
        <translation>작성할 파일.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The folder to write the tables into (made if missing; files of the same names are replaced).</source>
        <translation>표를 작성할 폴더(없으면 만들어지며, 같은 이름의 파일은 대체됩니다).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Save the ODM file</source>
        <translation>ODM 파일 저장</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ODM XML files (*.xml)</source>
        <translation>ODM XML 파일 (*.xml)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Folder for the tables</source>
        <translation>표를 저장할 폴더</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Say where to save the export.</source>
        <translation>내보내기를 저장할 위치를 지정하십시오.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{0} is a folder; give the ODM file&apos;s name.</source>
        <translation>{0}은(는) 폴더입니다. ODM 파일의 이름을 지정하십시오.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The folder {0} does not exist.</source>
        <translation>{0} 폴더가 없습니다.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{0} exists already. Replace it?</source>
        <translation>{0}이(가) 이미 있습니다. 바꿀까요?</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{0} is a file; the tables need a folder.</source>
        <translation>{0}은(는) 파일입니다. 표는 폴더가 필요합니다.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The folder {0} already holds files. Files with the names of the tables are replaced, others are left alone. Export into it?</source>
        <translation>{0} 폴더에 이미 파일이 있습니다. 표와 같은 이름의 파일은 대체되고 다른 파일은 그대로 둡니다. 이 폴더에 내보내기를 할까요?</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Export</source>
        <translation>내보내기</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Tick at least one subject, or choose all subjects.</source>
        <translation>시험대상자를 한 명 이상 체크하거나 모든 시험대상자를 선택하십시오.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Starting the export…</source>
        <translation>내보내기 시작 중…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exporting to {0}…</source>
        <translation>{0}(으)로 내보내는 중…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Cancelling…</source>
        <translation>취소하는 중…</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Reading subjects: {0} of {1}</source>
        <translation>시험대상자 읽는 중: {1}명 중 {0}명</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Writing files: {0} of {1}</source>
        <translation>파일 쓰는 중: {1}개 중 {0}개</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Exported {0} subject(s) into {1} file(s) in {2}</source>
        <translation>시험대상자 {0}명을 파일 {1}개로 {2}에 내보냈습니다</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Exported to {0}</source>
        <translation>{0}(으)로 내보냈습니다</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+1"/>
        <source>Export cancelled; no file was written.</source>
        <translation>내보내기가 취소되었습니다. 파일이 작성되지 않았습니다.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The export failed; no file was written.</source>
        <translation>내보내기에 실패했습니다. 파일이 작성되지 않았습니다.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export failed; no file was written.</source>
        <translation>내보내기 실패. 파일이 작성되지 않았습니다.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>No program could be started to show {0}.</source>
        <translation>{0}을(를) 표시할 프로그램을 시작할 수 없습니다.</translation>
    </message>
</context>
<context>
    <name>FieldMarker</name>
    <message>
        <location filename="../../ui/entry/field_notes.py" line="+152"/>
        <source>Latest: {0} — {1}</source>
        <translation>최근: {0} — {1}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Source-verified by {0} on {1}; value then: {2}. Cleared when the value changes.</source>
        <translation>{0}이(가) {1}에 원자료 검증함; 당시 값: {2}. 값이 바뀌면 해제됩니다.</translation>
    </message>
</context>
<context>
    <name>FieldNotesDialog</name>
    <message>
        <location line="+175"/>
        <source>{0} — queries and source verification</source>
        <translation>{0} — 쿼리 및 원자료 검증</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Raise new query</source>
        <translation>새 쿼리 제기</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Answer</source>
        <translation>답변</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Close query</source>
        <translation>쿼리 종료</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Re-open</source>
        <translation>다시 열기</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mark source-verified</source>
        <translation>원자료 검증 표시</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Close</source>
        <translation>닫기</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>&lt;b&gt;Changes&lt;/b&gt; (from the audit trail, newest first)</source>
        <translation>&lt;b&gt;변경 이력&lt;/b&gt; (감사 추적에서, 최신순)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&lt;b&gt;Queries&lt;/b&gt;</source>
        <translation>&lt;b&gt;쿼리&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Saved value: {0}</source>
        <translation>저장된 값: {0}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Not source-verified.</source>
        <translation>원자료 검증 안 됨.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>✓ Source-verified by {0}, {1} (value then: {2}).</source>
        <translation>✓ {0}이(가) 원자료 검증함, {1} (당시 값: {2}).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>⚑ {0} · raised by {1}, {2}</source>
        <translation>⚑ {0} · 제기: {1}, {2}</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>No queries on this field.</source>
        <translation>이 항목에 쿼리가 없습니다.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>New query, closing note or reason for re-opening</source>
        <translation>새 쿼리, 종료 메모 또는 다시 여는 사유</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your answer</source>
        <translation>답변 내용</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sign in to raise, answer or close queries.</source>
        <translation>쿼리를 제기, 답변 또는 종료하려면 로그인하십시오.</translation>
    </message>
</context>
<context>
    <name>FirstAdministratorDialog</name>
    <message>
        <location filename="../../ui/shell/sign_in.py" line="+124"/>
        <source>TrialDesk — first administrator</source>
        <translation>TrialDesk — 최초 관리자</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This study database has no user accounts yet. Create the administrator account: it manages users, locks and backups (it does not enter clinical data). Passwords need at least {0} characters.</source>
        <translation>이 시험 데이터베이스에는 아직 사용자 계정이 없습니다. 관리자 계정을 만드십시오. 관리자는 사용자, 잠금, 백업을 관리합니다(임상 데이터는 입력하지 않음). 비밀번호는 {0}자 이상이어야 합니다.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>User name</source>
        <translation>사용자 이름</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Printed name</source>
        <translation>성명(인쇄용)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password</source>
        <translation>비밀번호</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Repeat password</source>
        <translation>비밀번호 확인</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Create administrator</source>
        <translation>관리자 만들기</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The two passwords differ.</source>
        <translation>두 비밀번호가 다릅니다.</translation>
    </message>
</context>
<context>
    <name>FlareSection</name>
    <message>
        <location filename="../../ui/entry/sections/assessments.py" line="+50"/>
        <source>Flare assessment (SFI) and urine sediment</source>
        <translation>악화 평가(SFI) 및 요침사</translation>
    </message>
</context>
<context>
    <name>HeaderSection</name>
    <message>
        <location filename="../../ui/entry/sections/header.py" line="+17"/>
        <source>Visit</source>
        <translation>방문</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Visit missed (not performed)</source>
        <translation>미방문(시행 안 됨)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>why was the visit missed?</source>
        <translation>방문하지 않은 이유는?</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Comment (any language), e.g. 소변 검사 재확인 필요</source>
        <translation>의견(모든 언어 가능), 예: 소변 검사 재확인 필요</translation>
    </message>
</context>
<context>
    <name>HelpMenu</name>
    <message>
        <location filename="../../ui/help/feature.py" line="+30"/>
        <source>&amp;Help</source>
        <translation>도움말(&amp;H)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;User guide</source>
        <translation>사용자 설명서(&amp;U)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>단축키(&amp;K)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;About TrialDesk</source>
        <translation>TrialDesk 정보(&amp;A)</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The user guide is not part of this installation.</source>
        <translation>이 설치본에는 사용자 설명서가 포함되어 있지 않습니다.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No PDF viewer could be started to show the user guide:
{0}</source>
        <translation>사용자 설명서를 표시할 PDF 뷰어를 시작할 수 없습니다:
{0}</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>User guide</source>
        <translation>사용자 설명서</translation>
    </message>
</context>
<context>
    <name>HomeSection</name>
    <message>
        <location filename="../../ui/schedule/home.py" line="+94"/>
        <source>What needs doing</source>
        <translation>할 일</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Refresh</source>
        <translation>새로 고침</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Click a visit (or press Enter) to open it in the subject&apos;s schedule.</source>
        <translation>방문을 클릭하거나 Enter를 누르면 시험대상자의 방문 일정에서 엽니다.</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Today {0}</source>
        <translation>오늘 {0}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Due in the next 7 days ({0})</source>
        <translation>향후 7일 내 예정 ({0})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Overdue ({0})</source>
        <translation>기한 경과 ({0})</translation>
    </message>
</context>
<context>
    <name>IdleTimeBox</name>
    <message>
        <location filename="../../ui/trust/account_admin.py" line="+103"/>
        <source>Idle sign-out</source>
        <translation>자동 로그아웃</translation>
    </message>
    <message>
        <location line="+6"/>
        <source> min</source>
        <translation> 분</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Apply</source>
        <translation>적용</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Without keyboard or mouse input for this long, TrialDesk signs its user out; unsaved input is kept. From {0} to {1} minutes (default 15); applies to this session now and to every start.</source>
        <translation>이 시간 동안 키보드나 마우스 입력이 없으면 TrialDesk가 사용자를 로그아웃시킵니다. 저장하지 않은 입력은 보관됩니다. {0}–{1}분(기본 15분); 현재 세션과 이후 모든 시작에 적용됩니다.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Sign out after</source>
        <translation>로그아웃까지 시간</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Saved: users are signed out after {0} min without activity.</source>
        <translation>저장됨: {0}분 동안 활동이 없으면 사용자가 로그아웃됩니다.</translation>
    </message>
</context>
<context>
    <name>ImportLabsDialog</name>
    <message>
        <location filename="../../ui/exchange/lab_dialog.py" line="+13"/>
        <source>Import lab results</source>
        <translation>검사 결과 가져오기</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the laboratory&apos;s export, .csv or .xlsx</source>
        <translation>검사실 내보내기 파일, .csv 또는 .xlsx</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+6"/>
        <source>Choose…</source>
        <translation>선택…</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>the laboratory&apos;s mapping file, .toml</source>
        <translation>검사실 매핑 파일, .toml</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Preview</source>
        <translation>미리보기(&amp;P)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Choose the file and its mapping, then Preview.</source>
        <translation>파일과 매핑을 선택한 다음 미리보기를 누르십시오.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Only the rows that need a choice (conflicts, no visit)</source>
        <translation>선택이 필요한 행만(충돌, 방문 없음)</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>&amp;Accept selected rows</source>
        <translation>선택한 행 수락(&amp;A)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Import new values, overwrite conflicts, put rows without a visit into a new unscheduled visit — for the selected rows</source>
        <translation>선택한 행에 대해: 새 값 가져오기, 충돌 덮어쓰기, 방문 없는 행은 새 비예정 방문에 넣기</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>S&amp;kip selected rows</source>
        <translation>선택한 행 건너뛰기(&amp;K)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>e.g. Hanyang laboratory report of 2026-11-30 (kept in the audit trail)</source>
        <translation>예: 2026-11-30 한양 검사실 결과 보고서(감사 추적에 보관)</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+146"/>
        <source>Apply</source>
        <translation>적용</translation>
    </message>
    <message>
        <location line="-144"/>
        <source>Close</source>
        <translation>닫기</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Lab file:</source>
        <translation>검사 파일:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Mapping:</source>
        <translation>매핑:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>For the selected rows:</source>
        <translation>선택한 행:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Reason:</source>
        <translation>사유:</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>The laboratory&apos;s export</source>
        <translation>검사실 내보내기 파일</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lab exports (*.csv *.xlsx *.txt)</source>
        <translation>검사실 내보내기 파일 (*.csv *.xlsx *.txt)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The laboratory&apos;s mapping file</source>
        <translation>검사실 매핑 파일</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mapping files (*.toml)</source>
        <translation>매핑 파일 (*.toml)</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Choose both the lab file and the laboratory&apos;s mapping file.</source>
        <translation>검사 파일과 검사실 매핑 파일을 모두 선택하십시오.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>No preview.</source>
        <translation>미리보기 없음.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{0} rows: {1}</source>
        <translation>{0}행: {1}</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Select rows in the table first.</source>
        <translation>먼저 표에서 행을 선택하십시오.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Apply: write {0} value(s)</source>
        <translation>적용: 값 {0}개 쓰기</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>{0} row(s) wait for your choice (rows {1}): choose in “Your choice”, or select them and Accept or Skip.</source>
        <translation>{0}행이 선택을 기다립니다(행 {1}): “선택” 열에서 고르거나, 행을 선택하고 수락 또는 건너뛰기를 누르십시오.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Nothing to write.</source>
        <translation>쓸 내용이 없습니다.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Give the reason for the import (it goes into the audit trail).</source>
        <translation>가져오기 사유를 입력하십시오(감사 추적에 기록됨).</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The entered data changed since the preview, or the file did. Review the preview again (choices kept where a row&apos;s fate is unchanged), then Apply.</source>
        <translation>미리보기 이후 입력된 데이터나 파일이 바뀌었습니다. 미리보기를 다시 확인한 다음(처리가 바뀌지 않은 행의 선택은 유지) 적용하십시오.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Nothing was written: {0}</source>
        <translation>아무것도 쓰지 않았습니다: {0}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Wrote {0} lab value(s) for {1} subject(s).</source>
        <translation>시험대상자 {1}명의 검사 값 {0}개를 기록했습니다.</translation>
    </message>
</context>
<context>
    <name>InfusionDialog</name>
    <message>
        <location filename="../../ui/schedule/infusion.py" line="+82"/>
        <source>Infusion {0} — {1}</source>
        <translation>{0}차 투여 — {1}</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>Dates</source>
        <translation>날짜</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Weight and dose</source>
        <translation>체중 및 용량</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Use this weight</source>
        <translation>이 체중 사용</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Latest weight</source>
        <translation>최근 체중</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Vital signs</source>
        <translation>활력징후</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Reactions and completion</source>
        <translation>반응 및 투여 완료</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>— (planned, not yet given)</source>
        <translation>— (계획됨, 아직 투여 안 함)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Given in full</source>
        <translation>전량 투여</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Given partially</source>
        <translation>일부 투여</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Not given</source>
        <translation>투여 안 함</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>Infusion {0} of subject {1}</source>
        <translation>시험대상자 {1}의 {0}차 투여</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Proposed: {0} (Week 12 after infusion 1 on {1})</source>
        <translation>제안: {0} (1차 투여 {1} 이후 Week 12)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Enter the infusion date to look up the latest weight.</source>
        <translation>최근 체중을 찾으려면 투여일을 입력하십시오.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No weight in the {0} days before {1}: measure the subject and enter the new weight below.</source>
        <translation>{1} 이전 {0}일 이내 체중이 없습니다. 시험대상자의 체중을 측정하여 아래에 입력하십시오.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{0:g} kg measured {1} at {2} (within {3} days)</source>
        <translation>{0:g} kg, {1} {2} 측정 ({3}일 이내)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>{0}   ({1} × {2:g} kg)</source>
        <translation>{0}   ({1} × {2:g} kg)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>— (enter the weight)</source>
        <translation>— (체중을 입력하십시오)</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Enter a whole number.</source>
        <translation>정수를 입력하십시오.</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>infusion {0} of subject {1}</source>
        <translation>시험대상자 {1}의 {0}차 투여</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Discard changes?</source>
        <translation>변경 사항을 버릴까요?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What you typed has not been saved. Discard it?</source>
        <translation>입력한 내용이 저장되지 않았습니다. 버릴까요?</translation>
    </message>
</context>
<context>
    <name>LldasSection</name>
    <message>
        <location filename="../../ui/entry/sections/assessments.py" line="+11"/>
        <source>LLDAS questions</source>
        <translation>LLDAS 문항</translation>
    </message>
</context>
<context>
    <name>LocksSection</name>
    <message>
        <location filename="../../ui/trust/locks.py" line="+59"/>
        <source>Locked</source>
        <translation>잠금 대상</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+56"/>
        <source>Subject</source>
        <translation>시험대상자</translation>
    </message>
    <message>
        <location line="-56"/>
        <location line="+56"/>
        <source>Visit</source>
        <translation>방문</translation>
    </message>
    <message>
        <location line="-55"/>
        <source>By</source>
        <translation>잠금자</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Since</source>
        <translation>잠금 일시</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+35"/>
        <source>Reason</source>
        <translation>사유</translation>
    </message>
    <message>
        <location line="-18"/>
        <source>Required, e.g. database lock for the interim analysis</source>
        <translation>필수, 예: 중간 분석을 위한 데이터베이스 잠금</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lock</source>
        <translation>잠금</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Unlock selected</source>
        <translation>선택 항목 잠금 해제</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>What to lock</source>
        <translation>잠금 대상</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Locks</source>
        <translation>잠금</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Locked data is read-only for everyone until it is unlocked with a reason; both are in the audit trail.</source>
        <translation>잠긴 데이터는 사유와 함께 잠금 해제될 때까지 모든 사용자에게 읽기 전용입니다. 잠금과 해제 모두 감사 추적에 남습니다.</translation>
    </message>
    <message>
        <location line="+15"/>
        <location line="+12"/>
        <source>Whole database</source>
        <translation>데이터베이스 전체</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>(every subject and visit)</source>
        <translation>(모든 시험대상자와 방문)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Whole subject</source>
        <translation>시험대상자 전체</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Administrators only</source>
        <translation>관리자 전용</translation>
    </message>
</context>
<context>
    <name>LogTable</name>
    <message>
        <location filename="../../ui/logs/record_table.py" line="+74"/>
        <source>Add…</source>
        <translation>추가…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Edit…</source>
        <translation>수정…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delete…</source>
        <translation>삭제…</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>(none recorded)</source>
        <translation>(기록 없음)</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>deleting {0} of subject {1}</source>
        <translation>시험대상자 {1}의 {0} 삭제</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delete with this reason</source>
        <translation>이 사유로 삭제</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Not deleted</source>
        <translation>삭제되지 않음</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/shell/main_window.py" line="+148"/>
        <source>Database file: {0}
Configuration stored in this database (from {1})</source>
        <translation>데이터베이스 파일: {0}
이 데이터베이스에 저장된 설정({1} 기준)</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+131"/>
        <source>Opening the study…</source>
        <translation>시험을 여는 중…</translation>
    </message>
    <message>
        <location line="-50"/>
        <source>TrialDesk: study server</source>
        <translation>TrialDesk: 시험 서버</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TrialDesk could not be started on the server study.</source>
        <translation>서버의 시험으로 TrialDesk를 시작하지 못했습니다.</translation>
    </message>
    <message>
        <location line="+6"/>
        <location filename="../../commands/self_test.py" line="+97"/>
        <source>&amp;File</source>
        <translation>파일(&amp;F)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Connect to a study &amp;server…</source>
        <translation>시험 서버에 연결(&amp;S)…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Quit</source>
        <translation>종료(&amp;Q)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Subjects</source>
        <translation>시험대상자(&amp;S)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Register subject...</source>
        <translation>시험대상자 등록(&amp;R)...</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Subject list</source>
        <translation>시험대상자 목록(&amp;S)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>User: {0}   ·   Database: {1}   ·   Study configuration: {2}</source>
        <translation>사용자: {0}   ·   데이터베이스: {1}   ·   시험 설정: {2}</translation>
    </message>
    <message>
        <location line="+26"/>
        <source> DEMO DATA </source>
        <translation> 데모 데이터 </translation>
    </message>
    <message>
        <location line="+81"/>
        <source>Unsaved input found</source>
        <translation>저장하지 않은 입력 발견</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{0} was not saved (last typed {1}).
Reopen it to finish and save?</source>
        <translation>{0}이(가) 저장되지 않았습니다(마지막 입력 {1}).
다시 열어 마치고 저장할까요?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reopen</source>
        <translation>다시 열기</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Discard</source>
        <translation>버리기</translation>
    </message>
</context>
<context>
    <name>MessageLine</name>
    <message>
        <location filename="../../ui/entry/sections/widgets.py" line="+158"/>
        <source>Value checked against the source document</source>
        <translation>근거문서와 대조하여 확인한 값</translation>
    </message>
</context>
<context>
    <name>MonthCalendar</name>
    <message>
        <location filename="../../ui/schedule/calendar.py" line="+55"/>
        <source>◀ Previous</source>
        <translation>◀ 이전</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Next ▶</source>
        <translation>다음 ▶</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This month</source>
        <translation>이번 달</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export all to calendar (.ics)...</source>
        <translation>전체를 달력으로 내보내기(.ics)...</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Mon</source>
        <translation>월</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Tue</source>
        <translation>화</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Wed</source>
        <translation>수</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Thu</source>
        <translation>목</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Fri</source>
        <translation>금</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Sat</source>
        <translation>토</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sun</source>
        <translation>일</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Calendar</source>
        <translation>달력</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The visits planned or done on each day, for every subject; weekends and Korean public holidays are shaded.</source>
        <translation>모든 시험대상자의 날짜별 예정 또는 완료 방문입니다. 주말과 공휴일은 음영으로 표시됩니다.</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>{0}{1}: {2} visit(s)</source>
        <translation>{0}{1}: 방문 {2}건</translation>
    </message>
    <message>
        <location line="-25"/>
        <source>+{0} more</source>
        <translation>+{0}건 더</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Select a day to list its visits.</source>
        <translation>방문을 보려면 날짜를 선택하십시오.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Export planned visits of all subjects</source>
        <translation>모든 시험대상자의 예정 방문 내보내기</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>iCalendar (*.ics)</source>
        <translation>iCalendar (*.ics)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{0} planned visits saved to {1}</source>
        <translation>예정 방문 {0}건을 {1}에 저장했습니다</translation>
    </message>
</context>
<context>
    <name>NewVisitDialog</name>
    <message>
        <location filename="../../ui/entry/visit_list.py" line="+8"/>
        <source>New visit</source>
        <translation>새 방문</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Visit</source>
        <translation>방문</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Date</source>
        <translation>날짜</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Type the date as 2026-03-05 or 20260305.</source>
        <translation>날짜를 2026-03-05 또는 20260305 형식으로 입력하십시오.</translation>
    </message>
</context>
<context>
    <name>NotDone</name>
    <message>
        <location filename="../../ui/entry/sections/widgets.py" line="+49"/>
        <source>Not done</source>
        <translation>시행 안 함</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>why not done?</source>
        <translation>시행 안 함 사유는?</translation>
    </message>
</context>
<context>
    <name>OperationsView</name>
    <message>
        <location filename="../../ui/status/operations_view.py" line="+71"/>
        <source>Study operations</source>
        <translation>시험 운영 현황</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Refresh</source>
        <translation>새로 고침</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Export XLSX...</source>
        <translation>XLSX 내보내기...</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Group</source>
        <translation>군</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Figure</source>
        <translation>그림</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Value</source>
        <translation>값</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Subject</source>
        <translation>시험대상자</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Visit</source>
        <translation>방문</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Detail</source>
        <translation>상세</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Enter or double-click opens the visit form (or the subject).</source>
        <translation>Enter 또는 더블클릭으로 방문 양식(또는 시험대상자)을 엽니다.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Charts</source>
        <translation>차트</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>List behind the figure</source>
        <translation>그림의 바탕 목록</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>as of {0} · {1} subjects</source>
        <translation>기준일 {0} · 시험대상자 {1}명</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Select to list the {0} row(s) behind it</source>
        <translation>선택하면 해당 {0}행이 표시됩니다</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>{0} · {1}: {2} ({3} row(s))</source>
        <translation>{0} · {1}: {2} ({3}행)</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Export study operations</source>
        <translation>시험 운영 현황 내보내기</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 통합 문서 (*.xlsx)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Export failed</source>
        <translation>내보내기 실패</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Could not write {0}:
{1}</source>
        <translation>{0}을(를) 쓸 수 없습니다:
{1}</translation>
    </message>
</context>
<context>
    <name>PgaSection</name>
    <message>
        <location filename="../../ui/entry/sections/assessments.py" line="-183"/>
        <source>Physician&apos;s Global Assessment (PGA)</source>
        <translation>의사 총괄평가(PGA)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>0 none</source>
        <translation>0 없음</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>1 mild</source>
        <translation>1 경증</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>2 moderate</source>
        <translation>2 중등도</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>3 severe</source>
        <translation>3 중증</translation>
    </message>
</context>
<context>
    <name>PlotsTab</name>
    <message>
        <location filename="../../ui/results/plots_tab.py" line="+42"/>
        <source>Save plots as PNG...</source>
        <translation>그래프를 PNG로 저장...</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Subject {0} no longer exists.</source>
        <translation>시험대상자 {0}이(가) 더 이상 존재하지 않습니다.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>{0} · as of {1} · same plots as in the printed summary</source>
        <translation>{0} · 기준일 {1} · 인쇄 요약과 같은 그래프</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Save plots to folder</source>
        <translation>그래프를 폴더에 저장</translation>
    </message>
</context>
<context>
    <name>PrintActions</name>
    <message>
        <location filename="../../ui/printing/actions.py" line="+85"/>
        <source>Save the summary of {0}</source>
        <translation>{0}의 요약 저장</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Printing the summary of {0}...</source>
        <translation>{0}의 요약 인쇄 중...</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Nothing to print</source>
        <translation>인쇄할 것 없음</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Select one or more subjects in the list first.</source>
        <translation>먼저 목록에서 시험대상자를 하나 이상 선택하십시오.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>all subjects</source>
        <translation>모든 시험대상자</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>subject {0}</source>
        <translation>시험대상자 {0}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{0} subjects</source>
        <translation>시험대상자 {0}명</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the binder of {0}</source>
        <translation>{0}의 바인더 저장</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Printing the binder of {0}...</source>
        <translation>{0}의 바인더 인쇄 중...</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Save blank CRFs</source>
        <translation>빈 증례기록서 저장</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Printing blank CRFs...</source>
        <translation>빈 증례기록서 인쇄 중...</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Save the visit schedule of {0}</source>
        <translation>{0}의 방문 일정표 저장</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Printing the visit schedule of {0}...</source>
        <translation>{0}의 방문 일정표 인쇄 중...</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Which subject?</source>
        <translation>어느 시험대상자입니까?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open a subject, or select exactly one in the subject list, first.</source>
        <translation>먼저 시험대상자를 열거나 시험대상자 목록에서 한 명만 선택하십시오.</translation>
    </message>
    <message>
        <location line="+21"/>
        <location line="+27"/>
        <source>Printing</source>
        <translation>인쇄</translation>
    </message>
    <message>
        <location line="-26"/>
        <source>Another PDF is being made; wait until it is done.</source>
        <translation>다른 PDF를 만드는 중입니다. 끝날 때까지 기다리십시오.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Saved {0}</source>
        <translation>{0} 저장됨</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>PDF saved</source>
        <translation>PDF 저장됨</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The PDF was saved to
{0}
but no PDF viewer could be started to show it.</source>
        <translation>PDF를 다음 위치에 저장했지만 표시할 PDF 뷰어를 시작할 수 없습니다:
{0}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Printing cancelled; no file was written.</source>
        <translation>인쇄가 취소되었습니다. 파일이 작성되지 않았습니다.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Printing failed; no file was written.</source>
        <translation>인쇄에 실패했습니다. 파일이 작성되지 않았습니다.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The PDF could not be saved</source>
        <translation>PDF를 저장할 수 없습니다</translation>
    </message>
</context>
<context>
    <name>QInputDialog</name>
    <message>
        <location filename="../../ui/shell/server_connect.py" line="+25"/>
        <source>TrialDesk: study server</source>
        <translation>TrialDesk: 시험 서버</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password (never stored):</source>
        <translation>비밀번호 (저장되지 않음):</translation>
    </message>
</context>
<context>
    <name>QLabel</name>
    <message>
        <location filename="../../ui/entry/field_notes.py" line="-360"/>
        <source>No recorded changes.</source>
        <translation>기록된 변경 없음.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>entered {0}</source>
        <translation>입력 {0}</translation>
    </message>
</context>
<context>
    <name>QueriesSection</name>
    <message>
        <location filename="../../ui/trust/queries.py" line="+59"/>
        <source>Status</source>
        <translation>상태</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Subject</source>
        <translation>시험대상자</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Where</source>
        <translation>위치</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Field</source>
        <translation>항목</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Raised by</source>
        <translation>제기자</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Raised</source>
        <translation>제기일</translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+104"/>
        <source>Answer, closing note or reason for re-opening</source>
        <translation>답변, 종료 메모 또는 다시 여는 사유</translation>
    </message>
    <message>
        <location line="-102"/>
        <source>Open form</source>
        <translation>양식 열기</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open the form of the record this query is about</source>
        <translation>이 쿼리 대상 기록의 양식 열기</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Answer</source>
        <translation>답변</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close query</source>
        <translation>쿼리 종료</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Re-open</source>
        <translation>다시 열기</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>To raise a query or mark a value source-verified, open the form and use the field&apos;s ⚑ marker (or right-click the field).</source>
        <translation>쿼리를 제기하거나 값을 원자료 검증으로 표시하려면 양식을 열고 항목의 ⚑ 표시를 사용하십시오(또는 항목을 오른쪽 클릭).</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>open</source>
        <translation>미해결</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>answered</source>
        <translation>답변됨</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>closed</source>
        <translation>종료됨</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>(record deleted)</source>
        <translation>(기록 삭제됨)</translation>
    </message>
    <message>
        <location line="-46"/>
        <source>Queries</source>
        <translation>쿼리</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Open queries wait for the site&apos;s answer.</source>
        <translation>미해결 쿼리는 시험기관의 답변을 기다립니다.</translation>
    </message>
    <message>
        <location line="+76"/>
        <source>Closing note or reason for re-opening</source>
        <translation>종료 메모 또는 다시 여는 사유</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your answer</source>
        <translation>답변 내용</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The record of this query no longer exists; its thread is kept here.</source>
        <translation>이 쿼리의 기록이 더 이상 존재하지 않습니다. 대화 내용은 여기에 보관됩니다.</translation>
    </message>
</context>
<context>
    <name>QueryPanel</name>
    <message>
        <location filename="../../ui/trust/home_panels.py" line="+50"/>
        <source>Raised by</source>
        <translation>제기자</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Answered by</source>
        <translation>답변자</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Subject</source>
        <translation>시험대상자</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Where</source>
        <translation>위치</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Field</source>
        <translation>항목</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Days open</source>
        <translation>경과 일수</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Latest message</source>
        <translation>최근 메시지</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Open form</source>
        <translation>양식 열기</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Double-click a query (or press Enter) to open its form.</source>
        <translation>쿼리를 더블클릭하거나 Enter를 누르면 양식이 열립니다.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Open queries ({0})</source>
        <translation>미해결 쿼리 ({0})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Answered — waiting for you to close ({0})</source>
        <translation>답변됨 — 종료 대기 ({0})</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>(record deleted)</source>
        <translation>(기록 삭제됨)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{0}, {1}:
{2}</source>
        <translation>{0}, {1}:
{2}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No open queries.</source>
        <translation>미해결 쿼리가 없습니다.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No answered queries waiting to be closed.</source>
        <translation>종료 대기 중인 답변된 쿼리가 없습니다.</translation>
    </message>
</context>
<context>
    <name>ReadOnlyBanner</name>
    <message>
        <location filename="../../ui/shell/read_only_banner.py" line="+23"/>
        <source>&lt;b&gt;Read-only:&lt;/b&gt; this database is on a read-only medium or folder; nothing can be saved.</source>
        <translation>&lt;b&gt;읽기 전용:&lt;/b&gt; 이 데이터베이스는 읽기 전용 매체나 폴더에 있어 아무것도 저장할 수 없습니다.</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <location filename="../../ui/widgets/reason_dialog.py" line="+35"/>
        <source>Reason for change</source>
        <translation>변경 사유</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>You are changing saved data: {0}.
Why? The reason is kept in the audit trail.</source>
        <translation>저장된 데이터를 변경하고 있습니다: {0}.
이유는 무엇입니까? 사유는 감사 추적에 보관됩니다.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>… and {0} more</source>
        <translation>… 외 {0}건</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>— choose a standard reason, or type one below —</source>
        <translation>— 표준 사유를 선택하거나 아래에 입력하십시오 —</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Details, or another reason (e.g. lab report of 2026-03-04 received late)</source>
        <translation>상세 내용 또는 기타 사유(예: 2026-03-04 검사 결과지 늦게 수령)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Save with this reason</source>
        <translation>이 사유로 저장</translation>
    </message>
</context>
<context>
    <name>RecordEditor</name>
    <message>
        <location filename="../../ui/logs/record_editor.py" line="+165"/>
        <source>Save and &amp;add another</source>
        <translation>저장 후 추가 입력(&amp;A)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save this row and start a new one in this form</source>
        <translation>이 행을 저장하고 이 양식에서 새 행을 시작합니다</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>{0} · {1}</source>
        <translation>{0} · {1}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>new {0}</source>
        <translation>새 {0}</translation>
    </message>
    <message>
        <location line="+42"/>
        <location line="+159"/>
        <source>{0} of subject {1}</source>
        <translation>시험대상자 {1}의 {0}</translation>
    </message>
    <message>
        <location line="-122"/>
        <source>Death recorded</source>
        <translation>사망 기록됨</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No death recorded</source>
        <translation>사망 기록 없음</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Saved row</source>
        <translation>저장된 행</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>New row, not saved yet</source>
        <translation>새 행, 아직 저장 안 됨</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>missing: {0}</source>
        <translation>누락: {0}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>unsaved changes</source>
        <translation>저장하지 않은 변경 사항</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Endpoints cannot be computed from these values: {0}</source>
        <translation>이 값으로는 평가변수를 계산할 수 없습니다: {0}</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Saved. The form is empty for the next {0}.</source>
        <translation>저장되었습니다. 다음 {0} 입력을 위해 양식을 비웠습니다.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Not saved: {0}</source>
        <translation>저장 안 됨: {0}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Not saved: {0} value(s) refused — see the red messages.</source>
        <translation>저장 안 됨: 값 {0}개가 거부되었습니다 — 빨간색 메시지를 확인하십시오.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Not saved: confirm or correct the unusual value(s) in amber ({0}).</source>
        <translation>저장 안 됨: 주황색으로 표시된 비정상 값을 확인하거나 수정하십시오({0}).</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>This {0} of {1} has changes that are not saved.</source>
        <translation>{1}의 이 {0}에 저장하지 않은 변경 사항이 있습니다.</translation>
    </message>
</context>
<context>
    <name>RegistrationTab</name>
    <message>
        <location filename="../../ui/subjects/page.py" line="+49"/>
        <source>Edit registration...</source>
        <translation>등록 정보 수정...</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Demographics</source>
        <translation>인구학적 정보</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> (age {0})</source>
        <translation> ({0}세)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{0:g} kg</source>
        <translation>{0:g} kg</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Screening number</source>
        <translation>스크리닝 번호</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Subject ID</source>
        <translation>시험대상자 ID</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Initials</source>
        <translation>이니셜</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Subgroup</source>
        <translation>하위군</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sex</source>
        <translation>성별</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Date of birth</source>
        <translation>생년월일</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Baseline weight</source>
        <translation>기저 체중</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Consent and status</source>
        <translation>동의 및 상태</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Informed consent</source>
        <translation>시험대상자 동의</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Day 0 (infusion 1)</source>
        <translation>Day 0 (1차 투여)</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+14"/>
        <source>Status</source>
        <translation>상태</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>Withdrawal date</source>
        <translation>중도탈락일</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Withdrawal reason</source>
        <translation>중도탈락 사유</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Date of death</source>
        <translation>사망일</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Status history</source>
        <translation>상태 이력</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Since</source>
        <translation>잠금 일시</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Reason</source>
        <translation>사유</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Changed by</source>
        <translation>변경자</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Recorded</source>
        <translation>기록됨</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Notes</source>
        <translation>메모</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(none)</source>
        <translation>(없음)</translation>
    </message>
</context>
<context>
    <name>ResetPasswordDialog</name>
    <message>
        <location filename="../../ui/trust/account_admin.py" line="-109"/>
        <source>TrialDesk — reset password</source>
        <translation>TrialDesk — 비밀번호 재설정</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>New password for {0} ({1}). Tell it to them in person; they must choose their own at the next sign-in. At least {2} characters. The account is unlocked too.</source>
        <translation>{0}({1})의 새 비밀번호입니다. 본인에게 직접 알려 주십시오. 다음 로그인 때 본인의 비밀번호를 정해야 합니다. {2}자 이상. 계정 잠금도 해제됩니다.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>e.g. password forgotten, identity checked in person</source>
        <translation>예: 비밀번호 분실, 본인 확인 대면 완료</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>New password</source>
        <translation>새 비밀번호</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Repeat new password</source>
        <translation>새 비밀번호 확인</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reason</source>
        <translation>사유</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Reset password</source>
        <translation>비밀번호 재설정</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>The two passwords differ.</source>
        <translation>두 비밀번호가 다릅니다.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A reason is required (it is kept in the audit trail).</source>
        <translation>사유가 필요합니다(감사 추적에 보관됨).</translation>
    </message>
</context>
<context>
    <name>ScheduleTab</name>
    <message>
        <location filename="../../ui/schedule/tab.py" line="+63"/>
        <location line="+115"/>
        <source>Infusion {0}</source>
        <translation>{0}차 투여</translation>
    </message>
    <message>
        <location line="-81"/>
        <source>Record visit date or miss...</source>
        <translation>방문일 또는 미방문 기록...</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Print schedule sheet...</source>
        <translation>방문 일정표 인쇄...</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Export to calendar (.ics)...</source>
        <translation>달력으로 내보내기(.ics)...</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Edit infusion {0}...</source>
        <translation>{0}차 투여 수정...</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Record / reschedule infusion {0}...</source>
        <translation>{0}차 투여 기록 / 일정 변경...</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Plan infusion {0}...</source>
        <translation>{0}차 투여 계획...</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>Target before the last schedule change</source>
        <translation>마지막 일정 변경 전 목표일</translation>
    </message>
    <message>
        <location line="-43"/>
        <source>No schedule yet: plan infusion 1 (Day 0).</source>
        <translation>아직 일정 없음: 1차 투여(Day 0)를 계획하십시오.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Infusion given in full</source>
        <translation>전량 투여</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Infusion given partially</source>
        <translation>일부 투여</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Infusion not given</source>
        <translation>투여 안 함</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Infusion given</source>
        <translation>투여함</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The target date falls on {0}: check the site is open.</source>
        <translation>목표일이 {0}입니다: 시험기관이 문을 여는지 확인하십시오.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Visit form not entered</source>
        <translation>방문 양식 미입력</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{0} d before window</source>
        <translation>허용 범위 {0}일 전</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{0} d after window</source>
        <translation>허용 범위 {0}일 후</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Not planned.</source>
        <translation>계획 안 됨.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Planned {0}</source>
        <translation>계획일 {0}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>given in full</source>
        <translation>전량 투여</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>given partially</source>
        <translation>일부 투여</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not given</source>
        <translation>투여 안 함</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Given {0} · {1}</source>
        <translation>투여일 {0} · {1}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Rescheduled from {0} by {1}: {2}</source>
        <translation>{0}에서 일정 변경, 변경자 {1}: {2}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Why not given: {0}</source>
        <translation>투여하지 않은 이유: {0}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{0:g} kg → {1}</source>
        <translation>{0:g} kg → {1}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>lot {0}</source>
        <translation>제조번호 {0}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Reaction: {0}</source>
        <translation>반응: {0}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The schedule moved: {0}</source>
        <translation>일정이 변경되었습니다: {0}</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Select a visit first.</source>
        <translation>먼저 방문을 선택하십시오.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Save schedule sheet</source>
        <translation>방문 일정표 저장</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Saved {0}</source>
        <translation>{0} 저장됨</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Export planned visits</source>
        <translation>예정 방문 내보내기</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>iCalendar (*.ics)</source>
        <translation>iCalendar (*.ics)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{0} planned visits saved to {1}</source>
        <translation>예정 방문 {0}건을 {1}에 저장했습니다</translation>
    </message>
</context>
<context>
    <name>ServerConnectDialog</name>
    <message>
        <location filename="../../ui/shell/server_connect.py" line="+10"/>
        <source>Connect to a study server</source>
        <translation>시험 서버에 연결</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A study shared by several PCs lives on a PostgreSQL server. Type its address as your site&apos;s IT gave it, without the password: TrialDesk asks for the password when it connects and never stores it.</source>
        <translation>여러 PC가 함께 쓰는 시험은 PostgreSQL 서버에 있습니다. 기관 IT 담당자가 알려 준 주소를 비밀번호 없이 입력하십시오. TrialDesk는 연결할 때 비밀번호를 묻고, 저장하지 않습니다.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Connect</source>
        <translation>연결</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Write the address as postgresql://user@host/database.</source>
        <translation>주소는 postgresql://사용자@호스트/데이터베이스 형식으로 입력하십시오.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Leave the password out of the address; it is asked for when connecting.</source>
        <translation>주소에 비밀번호를 넣지 마십시오. 연결할 때 묻습니다.</translation>
    </message>
</context>
<context>
    <name>Session</name>
    <message>
        <location filename="../../ui/shell/session.py" line="-166"/>
        <source>Signed out after {0} min without activity. Unsaved input is kept: sign in again to return to it.</source>
        <translation>{0}분 동안 활동이 없어 로그아웃되었습니다. 저장하지 않은 입력은 보관됩니다. 다시 로그인하면 돌아갈 수 있습니다.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>signed out</source>
        <translation>로그아웃됨</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Signed out. Unsaved input is kept: sign in again to return to it (it waits for you if someone else signs in).</source>
        <translation>로그아웃되었습니다. 저장하지 않은 입력은 보관됩니다. 다시 로그인하면 돌아갈 수 있습니다(다른 사람이 로그인해도 그대로 기다립니다).</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <location filename="../../ui/help/shortcuts.py" line="+85"/>
        <source>Keyboard shortcuts</source>
        <translation>단축키</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The commands that have a key combination, as they are set now. In forms, Tab and Shift+Tab move between fields.</source>
        <translation>키 조합이 있는 명령(현재 설정). 양식에서는 Tab과 Shift+Tab으로 항목 사이를 이동합니다.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Menu</source>
        <translation>메뉴</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Command</source>
        <translation>명령</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Keys</source>
        <translation>키</translation>
    </message>
</context>
<context>
    <name>SignDialog</name>
    <message>
        <location filename="../../ui/trust/signatures.py" line="+65"/>
        <source>Electronic signature</source>
        <translation>전자서명</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>visit {0} of {1}</source>
        <translation>{1}의 {0} 방문</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the whole casebook of {0}</source>
        <translation>{0}의 증례기록서 전체</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>You are signing {0} as {1}. Your signature is the legally binding equivalent of your handwritten signature.</source>
        <translation>{1}(으)로서 {0}에 서명합니다. 이 서명은 자필 서명과 동등한 법적 효력을 가집니다.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Meaning</source>
        <translation>의미</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password</source>
        <translation>비밀번호</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Sign</source>
        <translation>서명</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Enter your password to sign.</source>
        <translation>서명하려면 비밀번호를 입력하십시오.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Not signed: {0}</source>
        <translation>서명 안 됨: {0}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>{0} open</source>
        <translation>미해결 {0}건</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{0} answered but not closed</source>
        <translation>답변되었으나 종료되지 않음 {0}건</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Queries not settled: {0} ({1}). Signing now signs the data as it is.</source>
        <translation>해결되지 않은 쿼리: {0} ({1}). 지금 서명하면 현재 상태의 데이터에 서명합니다.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> and </source>
        <translation> 및 </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Sign with queries not closed?</source>
        <translation>종료되지 않은 쿼리가 있는데 서명할까요?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{0}

Sign anyway?</source>
        <translation>{0}

그래도 서명할까요?</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Wrong password. {0} attempt(s) left before the account is locked.</source>
        <translation>비밀번호가 틀렸습니다. 계정이 잠기기 전까지 {0}회 남았습니다.</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <location filename="../../ui/shell/sign_in.py" line="-116"/>
        <source>TrialDesk — sign in</source>
        <translation>TrialDesk — 로그인</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sign in to {0}</source>
        <translation>{0}에 로그인</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>User name</source>
        <translation>사용자 이름</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password</source>
        <translation>비밀번호</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Sign in</source>
        <translation>로그인</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>&lt;b&gt;Demo database&lt;/b&gt; — these demo accounts exist only here:</source>
        <translation>&lt;b&gt;데모 데이터베이스&lt;/b&gt; — 다음 데모 계정은 여기에만 있습니다:</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Not signed in: {0}</source>
        <translation>로그인 안 됨: {0}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Your password was set by an administrator: choose your own to sign in.</source>
        <translation>관리자가 설정한 비밀번호입니다. 로그인하려면 본인의 비밀번호를 정하십시오.</translation>
    </message>
</context>
<context>
    <name>SignaturesSection</name>
    <message>
        <location filename="../../ui/trust/signatures.py" line="+25"/>
        <location line="+20"/>
        <source>Subject</source>
        <translation>시험대상자</translation>
    </message>
    <message>
        <location line="-20"/>
        <source>Item</source>
        <translation>항목</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Visit date</source>
        <translation>방문일</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Why</source>
        <translation>이유</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Sign selected...</source>
        <translation>선택 항목 서명...</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>&lt;b&gt;Signatures of the selected subject&lt;/b&gt;</source>
        <translation>&lt;b&gt;선택한 시험대상자의 서명&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Visit {0}</source>
        <translation>{0} 방문</translation>
    </message>
    <message>
        <location line="-28"/>
        <location line="+28"/>
        <source>Casebook</source>
        <translation>증례기록서</translation>
    </message>
    <message>
        <location line="-80"/>
        <source>Only items with queries not closed</source>
        <translation>종료되지 않은 쿼리가 있는 항목만</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Open queries</source>
        <translation>미해결 쿼리</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Answered queries</source>
        <translation>답변된 쿼리</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Review visit (read-only)</source>
        <translation>방문 검토(읽기 전용)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>To sign</source>
        <translation>서명 대기</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Visits with data and casebooks without a signature in force; items changed after signing come first.</source>
        <translation>데이터가 있는 방문과 유효한 서명이 없는 증례기록서; 서명 후 변경된 항목이 먼저 표시됩니다.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Visit</source>
        <translation>방문</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>All subjects</source>
        <translation>모든 시험대상자</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>All visits</source>
        <translation>모든 방문</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Changed after signing: sign again</source>
        <translation>서명 후 변경됨: 다시 서명</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Not signed</source>
        <translation>서명 안 됨</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Investigators only</source>
        <translation>연구자 전용</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>{0}: no signatures yet.</source>
        <translation>{0}: 아직 서명 없음.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Opened from the To-sign list for review: read-only. Close it and open the visit from the subject&apos;s page to change data.</source>
        <translation>서명 대기 목록에서 검토용으로 열었습니다: 읽기 전용. 데이터를 변경하려면 닫고 시험대상자 화면에서 방문을 여십시오.</translation>
    </message>
</context>
<context>
    <name>SledaiSection</name>
    <message>
        <location filename="../../ui/entry/sections/sledai.py" line="+22"/>
        <location line="+108"/>
        <source>SLEDAI-2K</source>
        <translation>SLEDAI-2K</translation>
    </message>
    <message>
        <location line="-89"/>
        <source>SLEDAI-2K: {0}</source>
        <translation>SLEDAI-2K: {0}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>All 24 descriptors assessed (unticked = absent)</source>
        <translation>24개 항목 모두 평가함(체크 안 함 = 없음)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Tick as the labs suggest</source>
        <translation>검사 결과대로 체크</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sets the lab-derived descriptors from this visit&apos;s labs; check each one before saving</source>
        <translation>이 방문의 검사 결과로 검사 기반 항목을 설정합니다. 저장 전에 각 항목을 확인하십시오</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Total so far: {0} (not all assessed)</source>
        <translation>현재 합계: {0} (일부 미평가)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>SLEDAI-2K total: {0}</source>
        <translation>SLEDAI-2K 합계: {0}</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>labs: yes</source>
        <translation>검사: 예</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>labs: no</source>
        <translation>검사: 아니요</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Proposed from this visit&apos;s labs; the ticked box is what is saved</source>
        <translation>이 방문의 검사 결과에서 제안됨; 저장되는 것은 체크한 값입니다</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>SLEDAI-2K *</source>
        <translation>SLEDAI-2K *</translation>
    </message>
</context>
<context>
    <name>SteroidTab</name>
    <message>
        <location filename="../../ui/logs/steroids.py" line="+45"/>
        <source>Infusion 1 not given yet: doses are counted from Day 0.</source>
        <translation>1차 투여가 아직 시행되지 않음: 용량은 Day 0부터 집계됩니다.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Today (study day {0}): the daily dose cannot be established (log not complete or unknown drug).</source>
        <translation>오늘(시험일 {0}): 1일 용량을 확정할 수 없습니다(기록 미완료 또는 알 수 없는 약물).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Today (study day {0}): {1} mg/day prednisone-equivalent counted for endpoints — {2} {3:g} mg/day.</source>
        <translation>오늘(시험일 {0}): 평가변수에 프레드니손 환산 {1} mg/일로 집계됨 — {2} {3:g} mg/일.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>ABOVE</source>
        <translation>초과</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>within</source>
        <translation>이내</translation>
    </message>
</context>
<context>
    <name>StudyDashboard</name>
    <message>
        <location filename="../../ui/results/dashboard.py" line="+126"/>
        <source>Study dashboard</source>
        <translation>시험 대시보드</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Refresh</source>
        <translation>새로 고침</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export tables...</source>
        <translation>표 내보내기...</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export figures...</source>
        <translation>그림 내보내기...</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Binary endpoints</source>
        <translation>이분형 평가변수</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Time to event</source>
        <translation>사건 발생까지의 시간</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>LC haematology change</source>
        <translation>LC 혈액학 변화</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Subjects × endpoints</source>
        <translation>시험대상자 × 평가변수</translation>
    </message>
    <message>
        <location line="+63"/>
        <source> · PROVISIONAL: some subjects are still in follow-up</source>
        <translation> · 잠정: 일부 시험대상자가 아직 추적관찰 중입니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>As of {0} · {1} subjects (LN {2}, LC {3}){4}</source>
        <translation>기준일 {0} · 시험대상자 {1}명 (LN {2}, LC {3}){4}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Binary endpoints: proportion with exact 95 % CI</source>
        <translation>이분형 평가변수: 비율과 정확 95% 신뢰구간</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Time-to-event endpoints (Kaplan–Meier)</source>
        <translation>사건 발생까지의 시간 평가변수(Kaplan–Meier)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>LN treatment-failure components (Kaplan–Meier)</source>
        <translation>LN 치료 실패 구성요소(Kaplan–Meier)</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Export dashboard tables</source>
        <translation>대시보드 표 내보내기</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Excel workbook (*.xlsx);;CSV files (*.csv)</source>
        <translation>Excel 통합 문서 (*.xlsx);;CSV 파일 (*.csv)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Export dashboard figures to folder</source>
        <translation>대시보드 그림을 폴더로 내보내기</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Export failed</source>
        <translation>내보내기 실패</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Could not write {0}:
{1}</source>
        <translation>{0}을(를) 쓸 수 없습니다:
{1}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export done</source>
        <translation>내보내기 완료</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Written:
{0}</source>
        <translation>작성됨:
{0}</translation>
    </message>
</context>
<context>
    <name>SubjectDialog</name>
    <message>
        <location filename="../../ui/subjects/dialog.py" line="+53"/>
        <source>Register subject</source>
        <translation>시험대상자 등록</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Registration of a new subject</source>
        <translation>새 시험대상자 등록</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Edit subject {0}</source>
        <translation>시험대상자 {0} 수정</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Changes to subject {0}</source>
        <translation>시험대상자 {0} 변경</translation>
    </message>
    <message>
        <location line="+86"/>
        <source>Not saved: {0}</source>
        <translation>저장 안 됨: {0}</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>registration of subject {0}</source>
        <translation>시험대상자 {0} 등록 정보</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Discard changes?</source>
        <translation>변경 사항을 버릴까요?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What you typed has not been saved. Discard it?</source>
        <translation>입력한 내용이 저장되지 않았습니다. 버릴까요?</translation>
    </message>
</context>
<context>
    <name>SubjectForm</name>
    <message>
        <location filename="../../ui/subjects/form.py" line="+55"/>
        <source>Identification</source>
        <translation>식별 정보</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e.g. S-001</source>
        <translation>예: S-001</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>LN-01 or LC-01</source>
        <translation>LN-01 또는 LC-01</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e.g. KMJ or 김민지</source>
        <translation>예: KMJ 또는 김민지</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Demographics</source>
        <translation>인구학적 정보</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>e.g. 58.5</source>
        <translation>예: 58.5</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Consent and status</source>
        <translation>동의 및 상태</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>YYYY-MM-DD (empty: today)</source>
        <translation>YYYY-MM-DD (비어 있으면 오늘)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Notes</source>
        <translation>메모</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>(choose)</source>
        <translation>(선택)</translation>
    </message>
</context>
<context>
    <name>SubjectListPage</name>
    <message>
        <location filename="../../ui/subjects/list_page.py" line="+130"/>
        <source>All subgroups</source>
        <translation>모든 하위군</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>All statuses</source>
        <translation>모든 상태</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Search subject ID, screening no. or initials</source>
        <translation>시험대상자 ID, 스크리닝 번호 또는 이니셜 검색</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Register subject...</source>
        <translation>시험대상자 등록...</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Print binder...</source>
        <translation>바인더 인쇄...</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>One PDF of the selected subjects (Ctrl- or Shift-click to select several), or of every subject shown when none is selected</source>
        <translation>선택한 시험대상자의 PDF 한 개(Ctrl 또는 Shift를 누르고 클릭하여 여러 명 선택), 선택하지 않으면 표시된 모든 시험대상자</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Subgroup:</source>
        <translation>하위군:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Status:</source>
        <translation>상태:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Subjects</source>
        <translation>시험대상자</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Double-click a subject (or press Enter) to open their page.</source>
        <translation>시험대상자를 더블클릭하거나 Enter를 누르면 해당 화면이 열립니다.</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>{0} of {1} subjects shown</source>
        <translation>시험대상자 {1}명 중 {0}명 표시</translation>
    </message>
</context>
<context>
    <name>SubjectPage</name>
    <message>
        <location filename="../../ui/subjects/page.py" line="+29"/>
        <source>Print summary...</source>
        <translation>요약 인쇄...</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>← All subjects</source>
        <translation>← 모든 시험대상자</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Registration</source>
        <translation>등록</translation>
    </message>
</context>
<context>
    <name>TimelineTab</name>
    <message>
        <location filename="../../ui/schedule/timeline.py" line="+21"/>
        <source>Include the 1-, 3- and 5-year follow-ups</source>
        <translation>1년, 3년, 5년 추적관찰 포함</translation>
    </message>
</context>
<context>
    <name>ToSignPanel</name>
    <message>
        <location filename="../../ui/trust/home_panels.py" line="+17"/>
        <source>Subject</source>
        <translation>시험대상자</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Visit</source>
        <translation>방문</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Why</source>
        <translation>이유</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Open the to-sign list</source>
        <translation>서명 대기 목록 열기</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Double-click an item to sign it.</source>
        <translation>서명하려면 항목을 더블클릭하십시오.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Casebook</source>
        <translation>증례기록서</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sign again</source>
        <translation>다시 서명</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Not signed</source>
        <translation>서명 안 됨</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Waiting for your signature ({0})</source>
        <translation>서명 대기 ({0})</translation>
    </message>
</context>
<context>
    <name>TrialDesk language</name>
    <message>
        <location filename="../../ui/help/guide.py" line="+26"/>
        <source>en</source>
        <comment>language code of this translation</comment>
        <translation>ko</translation>
    </message>
</context>
<context>
    <name>UrineSection</name>
    <message>
        <location filename="../../ui/entry/sections/labs.py" line="+9"/>
        <source>Urine</source>
        <translation>소변</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>None seen</source>
        <translation>보이지 않음</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Not attributable to SLE</source>
        <translation>SLE와 무관</translation>
    </message>
</context>
<context>
    <name>UsersSection</name>
    <message>
        <location filename="../../ui/trust/users.py" line="+45"/>
        <location line="+44"/>
        <source>User name</source>
        <translation>사용자 이름</translation>
    </message>
    <message>
        <location line="-44"/>
        <location line="+45"/>
        <source>Printed name</source>
        <translation>성명(인쇄용)</translation>
    </message>
    <message>
        <location line="-45"/>
        <location line="+46"/>
        <source>Role</source>
        <translation>역할</translation>
    </message>
    <message>
        <location line="-45"/>
        <source>Active</source>
        <translation>활성</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Locked</source>
        <translation>잠김</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Password</source>
        <translation>비밀번호</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Create account</source>
        <translation>계정 만들기</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unlock selected</source>
        <translation>선택 항목 잠금 해제</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Deactivate selected</source>
        <translation>선택 계정 비활성화</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reactivate selected</source>
        <translation>선택 계정 재활성화</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Reset password of selected...</source>
        <translation>선택 계정 비밀번호 재설정...</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Give selected this role</source>
        <translation>선택 계정에 이 역할 부여</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Initial password</source>
        <translation>초기 비밀번호</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Users</source>
        <translation>사용자</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Accounts are never deleted (the audit trail names them); deactivate instead.</source>
        <translation>계정은 삭제되지 않습니다(감사 추적에 이름이 남음). 대신 비활성화하십시오.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&lt;b&gt;New account&lt;/b&gt;</source>
        <translation>&lt;b&gt;새 계정&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>yes</source>
        <translation>예</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>no</source>
        <translation>아니요</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>LOCKED</source>
        <translation>잠김</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>to be changed at next sign-in</source>
        <translation>다음 로그인 때 변경</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Account {0} created. At the first sign-in they replace this password with their own.</source>
        <translation>계정 {0}이(가) 만들어졌습니다. 처음 로그인할 때 이 비밀번호를 본인의 비밀번호로 바꿉니다.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Select the account whose role is to change.</source>
        <translation>역할을 변경할 계정을 선택하십시오.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{0} already has this role.</source>
        <translation>{0}은(는) 이미 이 역할입니다.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{0} is now {1}; it applies from their next sign-in.</source>
        <translation>{0}의 역할이 이제 {1}입니다. 다음 로그인부터 적용됩니다.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Select the account whose password is to be reset.</source>
        <translation>비밀번호를 재설정할 계정을 선택하십시오.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Change your own password with Account → Change password...</source>
        <translation>본인의 비밀번호는 계정 → 비밀번호 변경...에서 바꾸십시오</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Password of {0} reset; they choose their own at the next sign-in.</source>
        <translation>{0}의 비밀번호가 재설정되었습니다. 다음 로그인 때 본인의 비밀번호를 정합니다.</translation>
    </message>
</context>
<context>
    <name>VisitEditor</name>
    <message>
        <location filename="../../ui/entry/visit_editor.py" line="+112"/>
        <source>{0} · visit {1} — {2}</source>
        <translation>{0} · {1} 방문 — {2}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Haematology</source>
        <translation>혈액 검사</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Immunology</source>
        <translation>면역 검사</translation>
    </message>
    <message>
        <location line="+88"/>
        <location line="+220"/>
        <source>not done: {0}</source>
        <translation>시행 안 함: {0}</translation>
    </message>
    <message>
        <location line="-213"/>
        <source>present</source>
        <translation>있음</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>absent</source>
        <translation>없음</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+212"/>
        <source>yes</source>
        <translation>예</translation>
    </message>
    <message>
        <location line="-212"/>
        <source>no</source>
        <translation>아니요</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Visit {0} of subject {1}</source>
        <translation>시험대상자 {1}의 {0} 방문</translation>
    </message>
    <message>
        <location line="+27"/>
        <source> (confirmed by {0}, {1})</source>
        <translation> ({0} 확인, {1})</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Saved (imported)</source>
        <translation>저장됨(가져옴)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Saved: complete</source>
        <translation>저장됨: 완료</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Saved: INCOMPLETE</source>
        <translation>저장됨: 미완료</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>New visit, not saved yet</source>
        <translation>새 방문, 아직 저장 안 됨</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>missing (required or not done): {0}</source>
        <translation>누락(필수 또는 시행 안 함): {0}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>unsaved changes</source>
        <translation>저장하지 않은 변경 사항</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Endpoints cannot be computed from these values: {0}</source>
        <translation>이 값으로는 평가변수를 계산할 수 없습니다: {0}</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Not saved: {0}</source>
        <translation>저장 안 됨: {0}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Not saved: {0} value(s) refused — see the red messages.</source>
        <translation>저장 안 됨: 값 {0}개가 거부되었습니다 — 빨간색 메시지를 확인하십시오.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Not saved: confirm or correct the unusual value(s) in amber ({0}).</source>
        <translation>저장 안 됨: 주황색으로 표시된 비정상 값을 확인하거나 수정하십시오({0}).</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Saved ({0}).</source>
        <translation>저장되었습니다({0}).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>complete</source>
        <translation>완료</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>incomplete: saved as a draft</source>
        <translation>미완료: 임시 저장본으로 저장됨</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>visit {0} of subject {1}</source>
        <translation>시험대상자 {1}의 {0} 방문</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>SLEDAI-2K: all descriptors assessed</source>
        <translation>SLEDAI-2K: 모든 항목 평가함</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{0} not done</source>
        <translation>{0} 시행 안 함</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{0}: not attributable to SLE</source>
        <translation>{0}: SLE와 무관</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Visit {0} of {1} has changes that are not saved.</source>
        <translation>{1}의 {0} 방문에 저장하지 않은 변경 사항이 있습니다.</translation>
    </message>
</context>
<context>
    <name>VisitGrid</name>
    <message>
        <location filename="../../ui/status/grid.py" line="+81"/>
        <source>All subgroups</source>
        <translation>모든 하위군</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>All subject statuses</source>
        <translation>모든 시험대상자 상태</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Open queries</source>
        <translation>미해결 쿼리</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Needs signature</source>
        <translation>서명 필요</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Overdue</source>
        <translation>기한 경과</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Search subject ID</source>
        <translation>시험대상자 ID 검색</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Refresh</source>
        <translation>새로 고침</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Export XLSX...</source>
        <translation>XLSX 내보내기...</translation>
    </message>
    <message>
        <location line="+66"/>
        <source>{0} of {1} subjects shown</source>
        <translation>시험대상자 {1}명 중 {0}명 표시</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Export visit grid</source>
        <translation>방문 현황표 내보내기</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 통합 문서 (*.xlsx)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Export failed</source>
        <translation>내보내기 실패</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Could not write {0}:
{1}</source>
        <translation>{0}을(를) 쓸 수 없습니다:
{1}</translation>
    </message>
</context>
<context>
    <name>VisitListTable</name>
    <message>
        <location filename="../../ui/schedule/home.py" line="-100"/>
        <source>Overdue by</source>
        <translation>경과 일수</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Status</source>
        <translation>상태</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Subject</source>
        <translation>시험대상자</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Initials</source>
        <translation>이니셜</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Visit</source>
        <translation>방문</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Target</source>
        <translation>목표일</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Window</source>
        <translation>허용 범위</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>{0} d</source>
        <translation>{0}일</translation>
    </message>
</context>
<context>
    <name>VisitOutcomeDialog</name>
    <message>
        <location filename="../../ui/schedule/visit_outcome.py" line="+41"/>
        <source>{0} — {1} {2}</source>
        <translation>{0} — {1} {2}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Target {0}; window {1} – {2}.</source>
        <translation>목표일 {0}; 허용 범위 {1} – {2}.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Visit done</source>
        <translation>방문 시행</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Visit missed</source>
        <translation>미방문</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Outcome</source>
        <translation>결과</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Visit date</source>
        <translation>방문일</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Why outside the window</source>
        <translation>허용 범위를 벗어난 이유</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Why missed</source>
        <translation>미방문 이유</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>before</source>
        <translation>전</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>after</source>
        <translation>후</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Warning: {0} is {1} day(s) {2} the window. The date is accepted only with a comment saying why.</source>
        <translation>경고: {0}은(는) 허용 범위 {2} {1}일입니다. 이유를 적은 의견이 있어야만 이 날짜가 인정됩니다.</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Not a date: type 2026-03-05 or 20260305.</source>
        <translation>날짜가 아닙니다: 2026-03-05 또는 20260305 형식으로 입력하십시오.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>visit {0} of subject {1}</source>
        <translation>시험대상자 {1}의 {0} 방문</translation>
    </message>
</context>
<context>
    <name>VisitsTab</name>
    <message>
        <location filename="../../ui/entry/visit_list.py" line="+30"/>
        <source>New visit…</source>
        <translation>새 방문…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Open visit form</source>
        <translation>방문 양식 열기</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>{0} open, {1} answered</source>
        <translation>미해결 {0}건, 답변됨 {1}건</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>no form yet</source>
        <translation>양식 없음</translation>
    </message>
</context>
<context>
    <name>VitalsSection</name>
    <message>
        <location filename="../../ui/entry/sections/vitals.py" line="+15"/>
        <source>Vital signs and weight</source>
        <translation>활력징후 및 체중</translation>
    </message>
</context>
<context>
    <name>YesNo</name>
    <message>
        <location filename="../../ui/entry/sections/widgets.py" line="+35"/>
        <source>Yes</source>
        <translation>예</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No</source>
        <translation>아니요</translation>
    </message>
</context>
<context>
    <name>_ContextMenu</name>
    <message>
        <location filename="../../ui/entry/field_notes.py" line="+81"/>
        <source>Queries and source verification of “{0}”…</source>
        <translation>“{0}”의 쿼리 및 원자료 검증…</translation>
    </message>
</context>
<context>
    <name>_Flag</name>
    <message>
        <location line="+24"/>
        <source>Queries, source verification and change history of this field (Ctrl+Q)</source>
        <translation>이 항목의 쿼리, 원자료 검증 및 변경 이력(Ctrl+Q)</translation>
    </message>
</context>
<context>
    <name>box</name>
    <message>
        <location filename="../../ui/status/grid.py" line="-144"/>
        <source>Second line: visit date (target date while not done); Q = open queries, A = answered queries. Enter or double-click opens the visit form; arrow keys move between cells.</source>
        <translation>둘째 줄: 방문일(아직 시행 안 함이면 목표일); Q = 미해결 쿼리, A = 답변된 쿼리. Enter 또는 더블클릭으로 방문 양식을 열고, 화살표 키로 칸을 이동합니다.</translation>
    </message>
</context>
<context>
    <name>data labels</name>
    <message>
        <location filename="data_labels.py" line="+7"/>
        <source>Administrator</source>
        <translation>관리자</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Coordinator</source>
        <translation>연구코디네이터</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Investigator</source>
        <translation>연구자</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Monitor</source>
        <translation>모니터요원</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose the drug.</source>
        <translation>약물을 선택하십시오.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose the route.</source>
        <translation>투여 경로를 선택하십시오.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enter the dose in mg.</source>
        <translation>용량을 mg 단위로 입력하십시오.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enter the doses per day (0.5 for alternate days).</source>
        <translation>1일 투여 횟수를 입력하십시오(격일은 0.5).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose the indication.</source>
        <translation>적응증을 선택하십시오.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enter the medication&apos;s name.</source>
        <translation>약품명을 입력하십시오.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose the agent class.</source>
        <translation>약물 계열을 선택하십시오.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Answer whether this is rescue therapy.</source>
        <translation>구제요법인지 답하십시오.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Answer whether it is for SLE activity.</source>
        <translation>SLE 활동성에 대한 것인지 답하십시오.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Answer whether it is an investigational product.</source>
        <translation>임상시험용 의약품인지 답하십시오.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enter the adverse event term.</source>
        <translation>이상반응 용어를 입력하십시오.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enter the onset date.</source>
        <translation>발생일을 입력하십시오.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose the CTCAE grade (1-5).</source>
        <translation>CTCAE 등급(1-5)을 선택하십시오.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Answer whether the event is serious.</source>
        <translation>중대한 사건인지 답하십시오.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose the relatedness to the product.</source>
        <translation>임상시험용 의약품과의 관련성을 선택하십시오.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose the relatedness to the infusion.</source>
        <translation>투여와의 관련성을 선택하십시오.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose the action taken.</source>
        <translation>취한 조치를 선택하십시오.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose the outcome.</source>
        <translation>결과를 선택하십시오.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose the type.</source>
        <translation>유형을 선택하십시오.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enter the admission date.</source>
        <translation>입원일을 입력하십시오.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Answer whether it is chronic.</source>
        <translation>만성인지 답하십시오.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enter the start date.</source>
        <translation>시작일을 입력하십시오.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a monitor</source>
        <translation>모니터요원</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>an administrator</source>
        <translation>관리자</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a coordinator</source>
        <translation>연구코디네이터</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>an investigator</source>
        <translation>연구자</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Cyclophosphamide</source>
        <translation>사이클로포스파미드</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Azathioprine</source>
        <translation>아자티오프린</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Methotrexate</source>
        <translation>메토트렉세이트</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mycophenolate</source>
        <translation>마이코페놀레이트</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Biologic</source>
        <translation>생물학적 제제</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Calcineurin inhibitor</source>
        <translation>칼시뉴린 억제제</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Antimalarial</source>
        <translation>항말라리아제</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>IVIG</source>
        <translation>정맥 면역글로불린(IVIG)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Transfusion</source>
        <translation>수혈</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Plasma exchange</source>
        <translation>혈장교환술</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Other</source>
        <translation>기타</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Renal</source>
        <translation>신장</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Haematologic</source>
        <translation>혈액학적</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Extrarenal</source>
        <translation>신장 외</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>General</source>
        <translation>일반</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Maintenance</source>
        <translation>유지요법</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Severe flare</source>
        <translation>중증 악화</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Renal flare</source>
        <translation>신장 악화</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Haematologic flare</source>
        <translation>혈액학적 악화</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Dialysis</source>
        <translation>투석</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kidney transplant</source>
        <translation>신장이식</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>1 — mild</source>
        <translation>1 — 경증</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>2 — moderate</source>
        <translation>2 — 중등도</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>3 — severe</source>
        <translation>3 — 중증</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>4 — life-threatening</source>
        <translation>4 — 생명을 위협함</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>5 — death</source>
        <translation>5 — 사망</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not related</source>
        <translation>관련 없음</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unlikely</source>
        <translation>관련성 적음</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Possible</source>
        <translation>관련 가능성 있음</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Probable</source>
        <translation>관련 가능성 높음</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Definite</source>
        <translation>명백히 관련됨</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>None (dose not changed)</source>
        <translation>없음(용량 변경 없음)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Infusion rate reduced</source>
        <translation>주입 속도 감소</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Infusion interrupted</source>
        <translation>주입 중단</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Product withdrawn</source>
        <translation>임상시험용 의약품 투여 중지</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not applicable</source>
        <translation>해당 없음</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unknown</source>
        <translation>미상</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Recovered</source>
        <translation>회복됨</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recovering</source>
        <translation>회복 중</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not recovered</source>
        <translation>회복되지 않음</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recovered with sequelae</source>
        <translation>후유증을 동반한 회복</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fatal</source>
        <translation>사망</translation>
    </message>
    <message>
        <location line="+109"/>
        <source>Death</source>
        <translation>사망</translation>
    </message>
    <message>
        <location line="+209"/>
        <source>Life-threatening</source>
        <translation>생명을 위협함</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hospitalisation (initial or prolonged)</source>
        <translation>입원(최초 또는 연장)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Persistent disability or incapacity</source>
        <translation>지속적 장애 또는 기능 저하</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Congenital anomaly</source>
        <translation>선천성 기형</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Important medical event</source>
        <translation>중요한 의학적 사건</translation>
    </message>
    <message>
        <location line="-320"/>
        <source>Oral</source>
        <translation>경구</translation>
    </message>
    <message>
        <location line="-77"/>
        <source>⚑ Query open</source>
        <translation>⚑ 미해결 쿼리</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>⚑ {0} queries open</source>
        <translation>⚑ 미해결 쿼리 {0}건</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>⚑ Answered</source>
        <translation>⚑ 답변됨</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>⚑ {0} answered</source>
        <translation>⚑ 답변됨 {0}건</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>⚑ Closed</source>
        <translation>⚑ 종료됨</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>⚑ {0} closed</source>
        <translation>⚑ 종료됨 {0}건</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>reviewed and approved</source>
        <translation>검토 및 승인함</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>authorship: data entered or confirmed by me</source>
        <translation>작성: 본인이 입력하거나 확인한 자료</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>reviewed, corrections required</source>
        <translation>검토함, 수정 필요</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>visit</source>
        <translation>방문</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>subject record</source>
        <translation>시험대상자 기록</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>lab value</source>
        <translation>검사값</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>steroid row</source>
        <translation>스테로이드 행</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>medication row</source>
        <translation>병용약물 행</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>adverse event</source>
        <translation>이상반응</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>hospitalisation</source>
        <translation>입원</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>flare</source>
        <translation>악화</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>renal replacement row</source>
        <translation>신대체요법 행</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>infusion</source>
        <translation>투여</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>query</source>
        <translation>쿼리</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>user account</source>
        <translation>사용자 계정</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>setting</source>
        <translation>설정</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>IV</source>
        <translation>정맥(IV)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>IM</source>
        <translation>근육(IM)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SC</source>
        <translation>피하(SC)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Topical</source>
        <translation>국소</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Inhaled</source>
        <translation>흡입</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ophthalmic</source>
        <translation>안과</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Intra-articular</source>
        <translation>관절강 내</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Code</source>
        <translation>코드</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Visit</source>
        <translation>방문</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Target</source>
        <translation>목표일</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Window</source>
        <translation>허용 범위</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Done on</source>
        <translation>시행일</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>상태</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Moved from</source>
        <translation>변경 전 일정</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Comment / reason</source>
        <translation>의견 / 사유</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Subject ID</source>
        <translation>시험대상자 ID</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Screening no.</source>
        <translation>스크리닝 번호</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Initials</source>
        <translation>이니셜</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Subgroup</source>
        <translation>하위군</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sex</source>
        <translation>성별</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Consent</source>
        <translation>동의</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Day 0</source>
        <translation>Day 0</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>When (local)</source>
        <translation>일시(현지)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>User</source>
        <translation>사용자</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Subject</source>
        <translation>시험대상자</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Form</source>
        <translation>양식</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Field</source>
        <translation>항목</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Old value</source>
        <translation>이전 값</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New value</source>
        <translation>새 값</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason</source>
        <translation>사유</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>What needs doing</source>
        <translation>할 일</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Subjects</source>
        <translation>시험대상자</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Visit grid</source>
        <translation>방문 현황표</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Calendar</source>
        <translation>달력</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Study dashboard</source>
        <translation>시험 대시보드</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Study operations</source>
        <translation>시험 운영 현황</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Systolic BP (mmHg)</source>
        <translation>수축기 혈압 (mmHg)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Diastolic BP (mmHg)</source>
        <translation>이완기 혈압 (mmHg)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pulse (/min)</source>
        <translation>맥박 (회/분)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Temperature (°C)</source>
        <translation>체온 (°C)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Enter: next value · Ctrl+U: unit · Ctrl+D: not done · Ctrl+N: not attributable to SLE · → / ←: the row&apos;s other controls · Ctrl+Q: queries</source>
        <translation>Enter: 다음 값 · Ctrl+U: 단위 · Ctrl+D: 시행 안 함 · Ctrl+N: SLE와 무관 · → / ←: 같은 행의 다른 항목 · Ctrl+Q: 쿼리</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Screening</source>
        <translation>스크리닝</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Day 0 — infusion 1</source>
        <translation>Day 0 — 1차 투여</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Day 3</source>
        <translation>3일차</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Week 1</source>
        <translation>1주차</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Week 4</source>
        <translation>4주차</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Week 8</source>
        <translation>8주차</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Week 12 — infusion 2</source>
        <translation>12주차 — 2차 투여</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>3 days after infusion 2</source>
        <translation>2차 투여 3일 후</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>1 week after infusion 2</source>
        <translation>2차 투여 1주 후</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Week 16</source>
        <translation>16주차</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Week 20</source>
        <translation>20주차</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Week 24</source>
        <translation>24주차</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Year 1 safety follow-up</source>
        <translation>1년 안전성 추적관찰</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Year 3 safety follow-up</source>
        <translation>3년 안전성 추적관찰</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Year 5 safety follow-up</source>
        <translation>5년 안전성 추적관찰</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unscheduled</source>
        <translation>비예정 방문</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Haemoglobin</source>
        <translation>혈색소</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>WBC</source>
        <translation>백혈구(WBC)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ANC</source>
        <translation>절대호중구수(ANC)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lymphocytes</source>
        <translation>림프구</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Platelets</source>
        <translation>혈소판</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Creatinine</source>
        <translation>크레아티닌</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Albumin</source>
        <translation>알부민</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>UPCR</source>
        <translation>UPCR</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>24-h urine protein</source>
        <oldsource>Proteinuria 24 h</oldsource>
        <translation>24시간 요단백</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Urine RBC</source>
        <translation>요 적혈구</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Urine WBC</source>
        <translation>요 백혈구</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Urine casts</source>
        <translation>요원주</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>C3</source>
        <translation>C3</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>C4</source>
        <translation>C4</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Anti-dsDNA</source>
        <translation>항dsDNA 항체</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>LN — lupus nephritis</source>
        <translation>LN — 루푸스 신염</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>LC — lupus cytopenia</source>
        <translation>LC — 루푸스 혈구감소증</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>screening</source>
        <translation>스크리닝</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>enrolled</source>
        <translation>등록</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>screen failure</source>
        <translation>스크리닝 탈락</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>withdrawn</source>
        <translation>중도탈락</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>completed</source>
        <translation>완료</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Primary: pred-eq ≤ 7.5 mg/day from W4 through W12</source>
        <translation>일차: W4부터 W12까지 프레드니손 환산 ≤ 7.5 mg/일</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pred-eq ≤ 7.5 mg/day by W12, maintained to W24</source>
        <translation>W12까지 프레드니손 환산 ≤ 7.5 mg/일, W24까지 유지</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Haematologic improvement at W24 (LC)</source>
        <translation>W24 혈액학적 개선 (LC)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Renal response at W24 (LN)</source>
        <translation>W24 신장 반응 (LN)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>LLDAS at W24</source>
        <translation>W24 LLDAS</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SLEDAI-2K reduction ≥ 4 at W24</source>
        <translation>W24 SLEDAI-2K 4점 이상 감소</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SRI-4 at W24</source>
        <translation>W24 SRI-4</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SRI-5 at W24</source>
        <translation>W24 SRI-5</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SRI-6 at W24</source>
        <translation>W24 SRI-6</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time to first severe flare (modified SFI)</source>
        <translation>첫 중증 악화까지의 시간(변형 SFI)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time to haematologic flare (LC)</source>
        <translation>혈액학적 악화까지의 시간 (LC)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time to renal flare (LN)</source>
        <translation>신장 악화까지의 시간 (LN)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time to complete remission (LN)</source>
        <translation>완전관해까지의 시간 (LN)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Treatment-failure components (LN)</source>
        <translation>치료 실패 구성요소 (LN)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Haematology change from baseline (LC)</source>
        <translation>기저치 대비 혈액학 변화 (LC)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>ESRD</source>
        <translation>말기신부전(ESRD)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sustained creatinine doubling</source>
        <translation>지속적 크레아티닌 2배 증가</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Extrarenal flare</source>
        <translation>신장 외 악화</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rescue therapy</source>
        <translation>구제요법</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>MET</source>
        <translation>충족</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>NOT MET</source>
        <translation>미충족</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PENDING</source>
        <translation>판정 대기</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>NOT EVALUABLE</source>
        <translation>평가 불가</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>EVENT</source>
        <translation>사건 발생</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CENSORED</source>
        <translation>중도절단</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>computed</source>
        <translation>계산됨</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ok</source>
        <translation>정상</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Seizure</source>
        <translation>경련</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Psychosis</source>
        <translation>정신병</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Organic brain syndrome</source>
        <translation>기질성 뇌증후군</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Visual disturbance</source>
        <translation>시각 장애</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cranial nerve disorder</source>
        <translation>뇌신경 장애</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lupus headache</source>
        <translation>루푸스 두통</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CVA</source>
        <translation>뇌혈관 사고(CVA)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Vasculitis</source>
        <translation>혈관염</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Arthritis</source>
        <translation>관절염</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Myositis</source>
        <translation>근염</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Urinary casts</source>
        <translation>요원주</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Haematuria</source>
        <translation>혈뇨</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Proteinuria</source>
        <translation>단백뇨</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pyuria</source>
        <translation>농뇨</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rash</source>
        <translation>발진</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Alopecia</source>
        <translation>탈모</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mucosal ulcers</source>
        <translation>점막 궤양</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pleurisy</source>
        <translation>흉막염</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pericarditis</source>
        <translation>심낭염</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Low complement</source>
        <translation>저보체</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Increased DNA binding</source>
        <translation>DNA 결합 증가</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fever</source>
        <translation>발열</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thrombocytopenia</source>
        <translation>혈소판감소증</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Leukopenia</source>
        <translation>백혈구감소증</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>RBC</source>
        <translation>적혈구</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>granular</source>
        <translation>과립</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>heme-granular</source>
        <translation>혈색소-과립</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>hyaline</source>
        <translation>유리질</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>CNS-SLE</source>
        <translation>CNS-SLE</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nephritis</source>
        <translation>신염</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Haemolytic anaemia</source>
        <translation>용혈빈혈</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>GI activity</source>
        <translation>위장관 활동성</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New non-SLEDAI activity</source>
        <translation>SLEDAI 외 새로운 활동성</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Maintenance standard, tolerated</source>
        <translation>표준 유지요법, 내약성 양호</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Haemolytic anaemia active</source>
        <translation>활동성 용혈빈혈</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gastrointestinal SLE activity present?</source>
        <translation>위장관 SLE 활동성이 있습니까?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New lupus activity since the previous assessment (not in SLEDAI-2K)?</source>
        <translation>이전 평가 이후 새로운 루푸스 활동성(SLEDAI-2K에 없음)이 있습니까?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Standard maintenance therapy well tolerated (or none taken), no investigational drug other than CS20AT04?</source>
        <translation>표준 유지요법에 내약성이 좋고(또는 복용하지 않음), CS20AT04 외의 임상시험용 의약품이 없습니까?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Constitutional</source>
        <translation>전신 증상</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mucocutaneous</source>
        <translation>피부점막</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Neuropsychiatric</source>
        <translation>신경정신</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Musculoskeletal</source>
        <translation>근골격</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cardiorespiratory</source>
        <translation>심폐</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gastrointestinal</source>
        <translation>위장관</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Haematological</source>
        <translation>혈액</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Visit form</source>
        <translation>방문 양식</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Infusion</source>
        <translation>투여</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Registration</source>
        <translation>등록</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status history</source>
        <translation>상태 이력</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Query</source>
        <translation>쿼리</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Signature</source>
        <translation>서명</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Source data verification</source>
        <translation>원자료 검증</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lock</source>
        <translation>잠금</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>User account</source>
        <translation>사용자 계정</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Settings</source>
        <translation>설정</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Study configuration</source>
        <translation>시험 설정</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Value outside limits confirmed</source>
        <translation>허용 범위 밖 값 확인됨</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Visit not done</source>
        <translation>방문 시행 안 함</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Schedule change</source>
        <translation>일정 변경</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Visit outside its window</source>
        <translation>허용 기간을 벗어난 방문</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Corticosteroid dosing log</source>
        <translation>코르티코스테로이드 투여 기록</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Investigator-declared flares</source>
        <translation>연구자가 판정한 악화</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hospitalisations</source>
        <translation>입원</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dialysis and transplant</source>
        <translation>투석 및 이식</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Visit date</source>
        <translation>방문일</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Visit missed</source>
        <translation>미방문</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason missed</source>
        <translation>미방문 사유</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Comment</source>
        <translation>의견</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Weight</source>
        <translation>체중</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Systolic BP</source>
        <translation>수축기 혈압</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Diastolic BP</source>
        <translation>이완기 혈압</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pulse</source>
        <translation>맥박</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Temperature</source>
        <translation>체온</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>eGFR</source>
        <translation>eGFR</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SLEDAI-2K</source>
        <translation>SLEDAI-2K</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PGA</source>
        <translation>PGA</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>BILAG-2004</source>
        <translation>BILAG-2004</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>LLDAS questions</source>
        <translation>LLDAS 문항</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SFI</source>
        <translation>SFI</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Urine sediment inactive (investigator&apos;s judgement)</source>
        <translation>비활동성 요침사(연구자 판단)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Why outside the window</source>
        <translation>허용 범위를 벗어난 이유</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Entry status</source>
        <translation>입력 상태</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>New or worse CNS-SLE</source>
        <translation>새로 발생 또는 악화된 CNS-SLE</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New or worse vasculitis</source>
        <translation>새로 발생 또는 악화된 혈관염</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New or worse nephritis</source>
        <translation>새로 발생 또는 악화된 신염</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New or worse myositis</source>
        <translation>새로 발생 또는 악화된 근염</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Worse thrombocytopenia</source>
        <translation>악화된 혈소판감소증</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>unit</source>
        <translation>단위</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not attributable to SLE</source>
        <translation>SLE와 무관</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Before infusion</source>
        <translation>투여 전</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>After infusion</source>
        <translation>투여 후</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Planned date</source>
        <translation>계획일</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Date given</source>
        <translation>투여일</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Infusion time</source>
        <translation>투여 시각</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start</source>
        <translation>시작</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>End</source>
        <translation>종료</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Product lot number</source>
        <translation>임상시험용 의약품 제조번호</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Weight used (kg)</source>
        <translation>적용 체중 (kg)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Weight measured on</source>
        <translation>체중 측정일</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dose</source>
        <translation>용량</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Infusion reaction occurred</source>
        <translation>주입 관련 반응 발생</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reaction (symptoms, grade, treatment)</source>
        <translation>반응(증상, 등급, 처치)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Completion</source>
        <translation>투여 완료 여부</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fraction given (0–1)</source>
        <translation>투여 분율 (0–1)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Why not given</source>
        <translation>투여하지 않은 이유</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Screening number</source>
        <translation>스크리닝 번호</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Date of birth</source>
        <translation>생년월일</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Baseline weight (kg)</source>
        <translation>기저 체중 (kg)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Informed consent</source>
        <translation>시험대상자 동의</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status since</source>
        <translation>상태 시작일</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Withdrawal date</source>
        <translation>중도탈락일</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Withdrawal reason</source>
        <translation>중도탈락 사유</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Notes</source>
        <translation>메모</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Date of death</source>
        <translation>사망일</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cause of death</source>
        <translation>사망 원인</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Steroid log complete through</source>
        <translation>스테로이드 기록 완료 시점</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Changed by</source>
        <translation>변경자</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Changed at</source>
        <translation>변경 시각</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Meaning of the signature</source>
        <translation>서명의 의미</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Signed by</source>
        <translation>서명자</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Signer&apos;s name</source>
        <translation>서명자 이름</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Signed at</source>
        <translation>서명 시각</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Why the signature no longer holds</source>
        <translation>서명이 무효가 된 사유</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Signature invalidated by</source>
        <translation>서명 무효 처리자</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Signature invalidated at</source>
        <translation>서명 무효 시각</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Query status</source>
        <translation>쿼리 상태</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Message</source>
        <translation>메시지</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Field queried</source>
        <translation>쿼리 대상 항목</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Raised by</source>
        <translation>제기자</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Raised at</source>
        <translation>제기 시각</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Written by</source>
        <translation>작성자</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Writer&apos;s role</source>
        <translation>작성자 역할</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Written at</source>
        <translation>작성 시각</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What is locked</source>
        <translation>잠금 대상</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason for locking</source>
        <translation>잠금 사유</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason for unlocking</source>
        <translation>잠금 해제 사유</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unlocked by</source>
        <translation>잠금 해제자</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unlocked at</source>
        <translation>잠금 해제 시각</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Locked by</source>
        <translation>잠금 설정자</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Value verified</source>
        <translation>검증된 값</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Verified by</source>
        <translation>검증자</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Verified at</source>
        <translation>검증 시각</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Field verified</source>
        <translation>검증한 항목</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Full name</source>
        <translation>이름</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Role</source>
        <translation>역할</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Account active</source>
        <translation>계정 활성</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Account locked</source>
        <translation>계정 잠김</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password</source>
        <translation>비밀번호</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Failed sign-in attempts</source>
        <translation>로그인 실패 횟수</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password changed at</source>
        <translation>비밀번호 변경 시각</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Must change password</source>
        <translation>비밀번호 변경 필요</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Setting value</source>
        <translation>설정값</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Study configuration file</source>
        <translation>시험 설정 파일</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Loaded from</source>
        <translation>불러온 위치</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Value confirmed</source>
        <translation>확인된 값</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Message confirmed</source>
        <translation>확인된 메시지</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Field confirmed</source>
        <translation>확인된 항목</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Confirmed by</source>
        <translation>확인자</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Confirmed at</source>
        <translation>확인 시각</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Field not done</source>
        <translation>시행 안 함 항목</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Why not done</source>
        <translation>시행 안 함 사유</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Old date</source>
        <translation>이전 날짜</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New date</source>
        <translation>새 날짜</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Date changed</source>
        <translation>변경된 날짜</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Drug</source>
        <translation>약물</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Route</source>
        <translation>투여 경로</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>mg per dose</source>
        <translation>1회 용량(mg)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Doses per day</source>
        <translation>1일 투여 횟수</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop (inclusive)</source>
        <translation>중지일(포함)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Indication</source>
        <translation>적응증</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name, dose</source>
        <translation>약품명, 용량</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Agent class</source>
        <translation>약물 계열</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>For SLE activity</source>
        <translation>SLE 활동성에 대해</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Investigational product</source>
        <translation>임상시험용 의약품</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Term</source>
        <translation>용어</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Onset</source>
        <translation>발생일</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CTCAE v5 grade</source>
        <translation>CTCAE v5 등급</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Serious</source>
        <translation>중대함</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Related to the study product</source>
        <translation>임상시험용 의약품과의 관련성</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Related to the infusion</source>
        <translation>투여와의 관련성</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Action taken</source>
        <translation>취한 조치</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Outcome</source>
        <translation>결과</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Flare</source>
        <translation>악화</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Renal or extrarenal (severe flare)</source>
        <translation>신장 또는 신장 외(중증 악화)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Note</source>
        <translation>메모</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Admission</source>
        <translation>입원일</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Discharge</source>
        <translation>퇴원일</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type</source>
        <translation>유형</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop</source>
        <translation>중지</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chronic</source>
        <translation>만성</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>mg/dose</source>
        <translation>mg/회</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Doses/day</source>
        <translation>회/일</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Medication</source>
        <translation>약물</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Class</source>
        <translation>계열</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rescue</source>
        <translation>구제</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Investigational</source>
        <translation>시험약</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Grade</source>
        <translation>등급</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Related: product</source>
        <translation>관련성: 임상시험용 의약품</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Related: infusion</source>
        <translation>관련성: 투여</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Action</source>
        <translation>조치</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Organ</source>
        <translation>장기</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>not due</source>
        <translation>도래 전</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>due</source>
        <translation>도래</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>overdue</source>
        <translation>기한 경과</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>incomplete</source>
        <translation>미완료</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>complete</source>
        <translation>완료</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>verified</source>
        <translation>검증됨</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>signed</source>
        <translation>서명됨</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>locked</source>
        <translation>잠김</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Lot</source>
        <translation>제조번호</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start – end, weighing</source>
        <translation>시작 – 종료, 체중 측정</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Before</source>
        <translation>투여 전</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>After</source>
        <translation>투여 후</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reaction</source>
        <translation>주입 관련 반응</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Part given</source>
        <translation>투여 분율</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Infusion {0} planned date</source>
        <translation>{0}차 투여 계획일</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Infusion {0} actual date</source>
        <translation>{0}차 투여 실제 날짜</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Visits after infusion 2 are anchored on its planned day ({0}).</source>
        <translation>2차 투여 이후 방문은 2차 투여 계획일(시험일 {0})을 기준으로 합니다.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Visits after infusion 2 are anchored on its nominal day ({0}).</source>
        <translation>2차 투여 이후 방문은 2차 투여 명목상 날짜(시험일 {0})를 기준으로 합니다.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cover</source>
        <translation>표지</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Infusion record</source>
        <translation>투여 기록</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Visit schedule</source>
        <translation>방문 일정표</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Visit data</source>
        <translation>방문 데이터</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Corticosteroids</source>
        <translation>코르티코스테로이드</translation>
    </message>
    <message>
        <location line="-183"/>
        <source>Concomitant medications</source>
        <translation>병용약물</translation>
    </message>
    <message>
        <location line="+184"/>
        <source>Hospitalisations, dialysis, declared flares</source>
        <translation>입원, 투석, 판정된 악화</translation>
    </message>
    <message>
        <location line="-183"/>
        <source>Adverse events</source>
        <translation>이상반응</translation>
    </message>
    <message>
        <location line="+184"/>
        <source>Endpoints</source>
        <translation>평가변수</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Plots</source>
        <translation>그래프</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Queries and source verification</source>
        <translation>쿼리 및 원자료 검증</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Audit trail</source>
        <translation>감사 추적</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Investigator signature</source>
        <translation>연구자 서명</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Haematology</source>
        <translation>혈액 검사</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chemistry</source>
        <translation>화학 검사</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Urine</source>
        <translation>소변</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Immunology</source>
        <translation>면역 검사</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Subject registry</source>
        <translation>시험대상자 등록 정보</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Infusions and schedule</source>
        <translation>투여 및 일정</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Logs and events</source>
        <translation>기록 및 사건</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Signatures and locks</source>
        <translation>서명 및 잠금</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>When</source>
        <translation>일시</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>User (role)</source>
        <translation>사용자(역할)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Form / field</source>
        <translation>양식 / 항목</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Old → new</source>
        <translation>이전 → 새</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>〃 (same reason)</source>
        <translation>〃 (같은 사유)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>whole database</source>
        <translation>데이터베이스 전체</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>subject</source>
        <translation>시험대상자</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>open</source>
        <translation>미해결</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>answered</source>
        <translation>답변됨</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>closed</source>
        <translation>종료됨</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not required at this visit (protocol schedule of assessments).</source>
        <translation>이 방문에는 필요 없음(프로토콜 평가 일정).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>dose not changed</source>
        <translation>용량 변경 없음</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>infusion rate reduced</source>
        <translation>주입 속도 감소</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>infusion interrupted</source>
        <translation>주입 중단</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>product withdrawn</source>
        <translation>투여 중지</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unknown</source>
        <translation>알 수 없음</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>recovered</source>
        <translation>회복됨</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>recovering</source>
        <translation>회복 중</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not recovered</source>
        <translation>회복되지 않음</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>recovered with sequelae</source>
        <translation>후유증을 동반한 회복</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>fatal</source>
        <translation>사망</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not related</source>
        <translation>관련 없음</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unlikely</source>
        <translation>관련성 적음</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>possible</source>
        <translation>관련 가능성 있음</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>probable</source>
        <translation>관련 가능성 높음</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>definite</source>
        <translation>명백히 관련됨</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Optional at an unscheduled visit: record what was done.</source>
        <translation>비예정 방문에서는 선택 사항: 시행한 것을 기록하십시오.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>upcoming</source>
        <translation>예정</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>due now</source>
        <translation>방문 기간</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>OVERDUE</source>
        <translation>기한 경과</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>done</source>
        <translation>완료</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>done (out of window)</source>
        <translation>완료(허용 범위 밖)</translation>
    </message>
    <message>
        <location line="-80"/>
        <source>missed</source>
        <translation>미방문</translation>
    </message>
    <message>
        <location line="-232"/>
        <source>not applicable</source>
        <translation>해당 없음</translation>
    </message>
    <message>
        <location line="+314"/>
        <source>full</source>
        <translation>전량</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>partial</source>
        <translation>일부</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not given</source>
        <translation>투여 안 함</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>planned</source>
        <translation>계획됨</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <location filename="../../ui/errors.py" line="+45"/>
        <source>TrialDesk: unexpected error</source>
        <translation>TrialDesk: 예기치 않은 오류</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Something went wrong inside TrialDesk ({0}). Your saved data is safe.
Details were written to:
{1}</source>
        <translation>TrialDesk 내부에서 문제가 발생했습니다({0}). 저장된 데이터는 안전합니다.
자세한 내용은 다음 파일에 기록되었습니다:
{1}</translation>
    </message>
</context>
<context>
    <name>label</name>
    <message>
        <location filename="../../ui/entry/sections/widgets.py" line="+20"/>
        <source>Required for a complete visit (or mark it not done)</source>
        <translation>완료된 방문에 필수(또는 시행 안 함으로 표시)</translation>
    </message>
</context>
<context>
    <name>page</name>
    <message>
        <location filename="../../ui/logs/tabs.py" line="+44"/>
        <source>Steroids</source>
        <translation>스테로이드</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Medications</source>
        <translation>병용약물</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Adverse events</source>
        <translation>이상반응</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Flares and outcomes</source>
        <translation>악화 및 결과</translation>
    </message>
</context>
<context>
    <name>parent</name>
    <message>
        <location filename="../../ui/printing/actions.py" line="-321"/>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF 문서 (*.pdf)</translation>
    </message>
</context>
<context>
    <name>printing</name>
    <message>
        <location line="+348"/>
        <source>&amp;Print</source>
        <translation>인쇄(&amp;P)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Subject &amp;summary...</source>
        <translation>시험대상자 요약(&amp;S)...</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Visit schedule &amp;sheet...</source>
        <translation>방문 일정표(&amp;S)...</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Binder of the selected subjects...</source>
        <translation>선택한 시험대상자의 바인더(&amp;B)...</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Binder of &amp;all subjects...</source>
        <translation>모든 시험대상자의 바인더(&amp;A)...</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Blank &amp;CRFs (paper forms)...</source>
        <translation>빈 증례기록서(종이 양식)(&amp;C)...</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Printout &amp;language</source>
        <translation>인쇄 언어(&amp;L)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Automatic: schedule sheet in Korean, others in English</source>
        <translation>자동: 방문 일정표는 한국어, 나머지는 영어</translation>
    </message>
</context>
<context>
    <name>section</name>
    <message>
        <location filename="../../ui/entry/sections/base.py" line="+91"/>
        <source>Not attributable to SLE</source>
        <translation>SLE와 무관</translation>
    </message>
</context>
<context>
    <name>self.unit</name>
    <message>
        <location line="+31"/>
        <source>not done: {0}</source>
        <translation>시행 안 함: {0}</translation>
    </message>
    <message>
        <location line="+11"/>
        <source> (not attributable to SLE)</source>
        <translation> (SLE와 무관)</translation>
    </message>
</context>
<context>
    <name>tab</name>
    <message>
        <location filename="../../ui/entry/visit_list.py" line="+28"/>
        <source>Visits</source>
        <translation>방문</translation>
    </message>
</context>
<context>
    <name>tour.window</name>
    <message>
        <location filename="../../ui/shell/tour_steps.py" line="+285"/>
        <source>The registration of a new subject</source>
        <translation>새 시험대상자 등록</translation>
    </message>
</context>
<context>
    <name>window</name>
    <message>
        <location filename="../../ui/features.py" line="+55"/>
        <source>Subjects</source>
        <translation>시험대상자</translation>
    </message>
    <message>
        <location line="+10"/>
        <location filename="../../ui/status/feature.py" line="+45"/>
        <source>Visit grid</source>
        <translation>방문 현황표</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../ui/schedule/feature.py" line="+40"/>
        <source>Calendar</source>
        <translation>달력</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../ui/results/dashboard.py" line="+7"/>
        <source>Study dashboard</source>
        <translation>시험 대시보드</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../ui/status/feature.py" line="+13"/>
        <source>Study operations</source>
        <translation>시험 운영 현황</translation>
    </message>
    <message>
        <location filename="../../ui/results/endpoint_detail.py" line="+32"/>
        <source>Endpoints</source>
        <translation>평가변수</translation>
    </message>
    <message>
        <location filename="../../ui/results/plots_tab.py" line="+10"/>
        <source>Plots</source>
        <translation>그래프</translation>
    </message>
    <message>
        <location filename="../../ui/schedule/feature.py" line="-15"/>
        <source>What needs doing</source>
        <translation>할 일</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Schedule</source>
        <translation>일정</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Timeline</source>
        <translation>타임라인</translation>
    </message>
    <message>
        <location filename="../../ui/shell/session.py" line="+88"/>
        <source>To sign</source>
        <translation>서명 대기</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Queries</source>
        <translation>쿼리</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Audit trail</source>
        <translation>감사 추적</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Backups</source>
        <translation>백업</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Users</source>
        <translation>사용자</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Locks</source>
        <translation>잠금</translation>
    </message>
    <message>
        <location filename="../../ui/help/shortcuts.py" line="-27"/>
        <source>Elsewhere</source>
        <translation>기타</translation>
    </message>
</context>
</TS>
