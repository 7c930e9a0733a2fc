# Typing aid only: every expected value below was derived by hand from
# /work/shared/domain/repair-rules.md; this script just serialises them.
import json

NDRC_OK = {"obligationsPerformed": True, "corrected": True, "commitmentSigned": True}
SAMR_OK = {"obligationsPerformed": True, "harmRemoved": True, "newSimilarPenalty": False,
           "onAbnormalList": False, "onSeriousViolationList": False}
cases = []

def pen(track, **kw):
    r = {"kind": "administrative_penalty", "track": track}
    r.update(kw)
    return r

def case(name, source, as_of, record, expect=None, error=None, rule_set="auto", params=None, custom=None, text=None, applied=None, received=None):
    c = {"name": name, "source": source}
    # Cases written for 3号 and asked on or after 2025-12-25 name samr-2021: under
    # "auto" Order 107 (samr-2025) answers from that day.
    if (record or {}).get("track") == "samr" and rule_set == "auto" and custom is None and as_of >= "2025-12-25" \
            and not name.startswith("samr107") and (expect or {}).get("ruleSet", "samr-2021") == "samr-2021":
        rule_set = "samr-2021"
    if text is not None:
        c["inputText"] = text
    else:
        inp = {"asOf": as_of, "ruleSet": rule_set, "record": record}
        if params is not None:
            inp["params"] = params
        if custom is not None:
            inp["customRuleSets"] = custom
        if applied is not None:
            inp["appliedOn"] = applied
        if received is not None:
            inp["receivedOn"] = received
        c["input"] = inp
    if expect is not None:
        c["expect"] = expect
    if error is not None:
        c["expectError"] = {"kind": error[0], "field": error[1]}
    cases.append(c)

def ex(eligible, earliest, ends, never, rs, unmet, **more):
    e = {"eligible": eligible, "earliestApplyDate": earliest, "publicationEnds": ends,
         "neverEarly": never, "ruleSet": rs, "unmet": unmet}
    e.update(more)
    return e

O36 = "repair-rules.md, Order 36 / 22号 row"
# ---------------- NDRC Order 36 (ndrc-2026) ----------------
gen = pen("ndrc", severity="general", measures=["fine"], publishedOn="2026-05-10", **NDRC_OK)
case("o36-general-worked-example", O36 + " 一般 (3 months / 1 year), worked example: 2026-05-10 -> apply from 2026-08-11, last day 2027-05-10",
     "2026-11-26", dict(gen, sector=None, listedOn=None, harmRemoved=True),
     ex(True, "2026-08-11", "2027-05-10", False, "ndrc-2026", [], determined=True, rules=["ndrc-2026/penalty-general"]))
case("o36-general-day-before-earliest", O36 + " 一般; Civil Code Art 201-202: last day of 3 months is 2026-08-10",
     "2026-08-10", gen, ex(False, "2026-08-11", "2027-05-10", False, "ndrc-2026", ["waiting_period"]))
case("o36-general-day-of-earliest", O36 + " 一般; first day after the minimum period",
     "2026-08-11", gen, ex(True, "2026-08-11", "2027-05-10", False, "ndrc-2026", []))
case("o36-general-day-after-earliest", O36 + " 一般",
     "2026-08-12", gen, ex(True, "2026-08-11", "2027-05-10", False, "ndrc-2026", []))
case("o36-general-last-day-of-publication", O36 + " 一般; 1 year: last day 2027-05-10 still published",
     "2027-05-10", gen, ex(True, "2026-08-11", "2027-05-10", False, "ndrc-2026", []))
case("o36-general-day-after-publication-ends", O36 + " 一般; not shown from 2027-05-11",
     "2027-05-11", gen, ex(False, "2026-08-11", "2027-05-10", False, "ndrc-2026", ["publication_ended"]))
case("o36-minor-published-at-once", O36 + " 轻微: repair at once once obligations are met; published at most 3 months",
     "2026-05-10", pen("ndrc", severity="minor", measures=["warning"], publishedOn="2026-05-10", **NDRC_OK),
     ex(True, "2026-05-10", "2026-08-10", False, "ndrc-2026", []))
case("o36-minor-not-published", O36 + " 轻微: normally not published",
     "2026-11-26", pen("ndrc", severity="minor", measures=["warning"], decidedOn="2026-05-05", **NDRC_OK),
     ex(False, None, None, True, "ndrc-2026", ["repair_not_needed"]))
case("o36-serious", O36 + " 严重 (1 year / 3 years)",
     "2026-11-26", pen("ndrc", severity="serious", measures=["revoke_permit"], publishedOn="2026-04-15", **NDRC_OK),
     ex(False, "2027-04-16", "2029-04-15", False, "ndrc-2026", ["waiting_period"]))
case("o36-general-conditions-unmet", O36 + " preconditions: corrected; obligations performed; public credit commitment",
     "2026-11-26", pen("ndrc", severity="general", publishedOn="2026-05-10", obligationsPerformed=False, corrected=True),
     ex(False, "2026-08-11", "2027-05-10", False, "ndrc-2026", ["obligations_performed", "commitment_signed"]))
case("o36-counts-from-decision-date", "repair-rules.md, second check: Order 36 periods count from the date of the decision document (B); 2026-04-30 + 3 months -> 2026-07-30",
     "2026-07-31", pen("ndrc", severity="general", decidedOn="2026-04-30", publishedOn="2026-05-08", **NDRC_OK),
     ex(True, "2026-07-31", "2027-04-30", False, "ndrc-2026", [], rules=["ndrc-2026/penalty-general", "ndrc-2026/anchor"]))
case("o36-declared-unrepairable", O36 + " not repairable: what law or central policy declares unrepairable",
     "2026-11-26", dict(gen, declaredUnrepairable=True),
     ex(False, None, "2027-05-10", True, "ndrc-2026", ["declared_unrepairable"]))
case("o36-false-materials-ban-parameter-missing", "repair-rules.md, second check: Order 36 refusal list, ban of N years not found -> portal parameter, no default",
     "2026-11-26", dict(gen, refusedForFalseMaterialsOn="2026-09-01"),
     ex(False, None, "2027-05-10", False, "ndrc-2026", ["parameter_missing"], determined=False))
case("o36-false-materials-ban-outlasts-publication", "repair-rules.md, second check: Order 36 re-application ban (portal N=1): 2026-09-01 + 1 year -> from 2027-09-02, after publication ends 2027-05-10",
     "2026-11-26", dict(gen, refusedForFalseMaterialsOn="2026-09-01"),
     ex(False, None, "2027-05-10", True, "ndrc-2026", ["no_early_window"], determined=True),
     params={"falseMaterialsBanYears": 1})
case("o36-false-materials-ban-pushes-earliest", "repair-rules.md, second check: Order 36 re-application ban (portal N=1); 严重 1 year / 3 years",
     "2027-06-01", pen("ndrc", severity="serious", publishedOn="2026-04-15", refusedForFalseMaterialsOn="2027-05-01", **NDRC_OK),
     ex(False, "2028-05-02", "2029-04-15", False, "ndrc-2026", ["reapply_ban"]),
     params={"falseMaterialsBanYears": 1})
case("o36-repeat-offence", "repair-rules.md, second check: Order 36 refusal list includes repeat offences (B)",
     "2026-11-26", dict(gen, repeatOffence=True),
     ex(False, "2026-08-11", "2027-05-10", False, "ndrc-2026", ["repeat_offence"]))
case("o36-no-specific-serious-category", O36 + ": only 轻微/一般/严重 exist",
     "2026-11-26", dict(gen, severity="specific_serious"), error=("no_rule_for_record", "record.severity"))
case("o36-severity-missing", O36 + ": rows are by severity",
     "2026-11-26", pen("ndrc", publishedOn="2026-05-10", **NDRC_OK), error=("missing_field", "record.severity"))
case("o36-serious-dishonesty-list-unit-dates", "repair-rules.md Lists: 严重失信主体名单, Order 58 / 36: set by the listing unit (B)",
     "2026-11-26", {"kind": "serious_dishonesty_list", "track": "ndrc", "listedOn": "2026-05-01",
                    "listingUnitRepairFrom": "2027-05-01", "listingUnitExitOn": "2029-04-30"},
     ex(False, "2027-05-01", "2029-04-30", False, "ndrc-2026", ["waiting_period"]))
case("o36-serious-dishonesty-list-unit-dates-missing", "repair-rules.md Lists: 严重失信主体名单: periods set by the listing unit, none built in",
     "2026-11-26", {"kind": "serious_dishonesty_list", "track": "ndrc", "listedOn": "2026-05-01"},
     ex(False, None, None, False, "ndrc-2026", ["record_field_missing", "record_field_missing"], determined=False))

# ---------------- rule-set switches ----------------
sw = pen("ndrc", severity="general", publishedOn="2025-12-01", **NDRC_OK)
case("switch-2026-03-31-is-order-58", "repair-rules.md: Order 58 in force 2023-05-01 .. 2026-03-31; regime chosen by the evaluation date; 3 months / 3 years",
     "2026-03-31", sw, ex(True, "2026-03-02", "2028-12-01", False, "ndrc-2023", []))
case("switch-2026-04-01-is-order-36", "repair-rules.md: Order 36 from 2026-04-01; 一般 3 months / 1 year",
     "2026-04-01", sw, ex(True, "2026-03-02", "2026-12-01", False, "ndrc-2026", []))
case("switch-serious-2026-03-31", "repair-rules.md: Order 58 standard row applies to all severities (3 months)",
     "2026-03-31", dict(sw, severity="serious"), ex(True, "2026-03-02", "2028-12-01", False, "ndrc-2023", []))
case("switch-serious-2026-04-01", "repair-rules.md: Order 36 严重 1 year / 3 years",
     "2026-04-01", dict(sw, severity="serious"), ex(False, "2026-12-02", "2028-12-01", False, "ndrc-2026", ["waiting_period"]))
r527 = pen("ndrc", severity="general", publishedOn="2023-01-15", **NDRC_OK)
case("switch-2023-04-30-is-527", "repair-rules.md: 527号 in force until 2023-04-30; 一般失信 3 months / 1 year",
     "2023-04-30", r527, ex(True, "2023-04-16", "2024-01-15", False, "ndrc-2019", []))
case("switch-2023-05-01-is-order-58", "repair-rules.md: Order 58 from 2023-05-01; 3 months / 3 years",
     "2023-05-01", r527, ex(True, "2023-04-16", "2026-01-15", False, "ndrc-2023", []))
case("no-ndrc-rule-set-before-2019-07", "repair-rules.md: 527号 from 2019-07 (taken as 2019-07-01)",
     "2019-06-30", r527, error=("no_rule_set_in_force", "asOf"))

# ---------------- Order 58 (ndrc-2023) ----------------
O58 = "repair-rules.md, Order 58 row"
o58 = pen("ndrc", severity="general", publishedOn="2024-11-30", **NDRC_OK)
case("o58-standard-month-end-day-before", O58 + " standard 3 months; Civil Code: 2024-11-30 + 3 months has no 30 Feb -> last day 2025-02-28",
     "2025-02-28", o58, ex(False, "2025-03-01", "2027-11-30", False, "ndrc-2023", ["waiting_period"]))
case("o58-standard-month-end-day-of", O58 + " standard; no training or credit report required",
     "2025-03-01", dict(o58, trainingCompleted=False, creditReportSubmitted=False),
     ex(True, "2025-03-01", "2027-11-30", False, "ndrc-2023", []))
case("o58-work-safety-29-february", O58 + " special equipment / work safety / fire: 1 year / 3 years; 2024-02-29 + 1 year -> 2025-02-28",
     "2025-03-01", pen("ndrc", severity="general", sector="work_safety", publishedOn="2024-02-29", **NDRC_OK),
     ex(True, "2025-03-01", "2027-02-28", False, "ndrc-2023", []))
case("o58-food-sector", "repair-rules.md, second check: Order 58 shortest 1 year also for food and drugs (B)",
     "2025-06-15", pen("ndrc", severity="minor", sector="food", publishedOn="2024-06-15", **NDRC_OK),
     ex(False, "2025-06-16", "2027-06-15", False, "ndrc-2023", ["waiting_period"]))
case("o58-explicit-rule-set", O58 + " standard, chosen explicitly after it ended",
     "2026-11-26", gen, ex(True, "2026-08-11", "2029-05-10", False, "ndrc-2023", []), rule_set="ndrc-2023")
case("o58-commitment-missing", O58 + " preconditions: penalty performed, corrected, commitment letter",
     "2025-03-01", pen("ndrc", severity="general", publishedOn="2024-11-30", obligationsPerformed=True, corrected=False),
     ex(False, "2025-03-01", "2027-11-30", False, "ndrc-2023", ["corrected", "commitment_signed"]))

# ---------------- 527号 (ndrc-2019) ----------------
R527 = "repair-rules.md, 527号 row"
s527 = pen("ndrc", severity="serious", publishedOn="2021-08-31", obligationsPerformed=True, commitmentSigned=True, trainingCompleted=True)
case("527-serious-credit-report-missing", R527 + " 严重失信 6 months / 3 years, plus training certificate and credit report; 2021-08-31 + 6 months -> 2022-02-28",
     "2022-03-01", s527, ex(False, "2022-03-01", "2024-08-31", False, "ndrc-2019", ["credit_report_submitted"]))
case("527-serious-all-met", R527 + " 严重失信",
     "2022-03-01", dict(s527, creditReportSubmitted=True), ex(True, "2022-03-01", "2024-08-31", False, "ndrc-2019", []))
case("527-specific-serious-never", R527 + " 特定严重失信: never repairable during publication, 3 years fixed",
     "2021-01-01", pen("ndrc", severity="specific_serious", publishedOn="2020-03-10", **NDRC_OK),
     ex(False, None, "2023-03-10", True, "ndrc-2019", ["early_repair_excluded"]))
case("527-no-minor-row", R527 + "s: only 一般/严重/特定严重",
     "2021-01-01", pen("ndrc", severity="minor", publishedOn="2020-03-10", **NDRC_OK), error=("no_rule_for_record", "record.severity"))
case("527-no-list-row", "repair-rules.md: 527号 covers administrative-penalty information only",
     "2022-01-01", {"kind": "serious_dishonesty_list", "track": "ndrc", "listedOn": "2021-01-01"}, error=("no_rule_for_record", "record.kind"))

# ---------------- SAMR (samr-2021) ----------------
SAMR = "repair-rules.md, SAMR 3号 + Order 45 row"
case("samr-warning-only", SAMR + " warning only: not published",
     "2026-11-26", pen("samr", measures=["warning"], **SAMR_OK),
     ex(False, None, None, True, "samr-2021", ["repair_not_needed"]))
case("samr-circulated-criticism", SAMR + " 通报批评: 3 months, no early repair (Order 45 Art 13; 3号 Art 6)",
     "2026-11-26", pen("samr", measures=["circulated_criticism"], publishedOn="2026-09-30", **SAMR_OK),
     ex(False, None, "2026-12-30", True, "samr-2021", ["repair_not_needed"]))
lowfine = pen("samr", measures=["fine"], fineAmountYuan=2000, publishedOn="2026-08-31", **SAMR_OK)
case("samr-low-fine-last-day", SAMR + " low fine (threshold from the province: portal parameter) 3 months; 2026-08-31 + 3 months -> 2026-11-30",
     "2026-11-30", lowfine, ex(False, None, "2026-11-30", True, "samr-2021", ["repair_not_needed"]),
     params={"lowFineThresholdYuan": 5000})
case("samr-low-fine-ended", SAMR + " low fine 3 months; day after the last day",
     "2026-12-01", lowfine, ex(False, None, "2026-11-30", True, "samr-2021", ["publication_ended"]),
     params={"lowFineThresholdYuan": 5000})
case("samr-fine-threshold-missing", SAMR + ": the low-fine threshold is set by each province, no built-in number",
     "2026-11-30", lowfine, ex(False, None, None, False, "samr-2021", ["parameter_missing"], determined=False))
hifine = pen("samr", measures=["fine"], fineAmountYuan=20000, publishedOn="2025-11-30", **SAMR_OK)
case("samr-other-day-before", SAMR + " other: 6 months / 3 years (3号 Art 6, Order 45 Art 13); 2025-11-30 + 6 months -> 2026-05-30",
     "2026-05-30", hifine, ex(False, "2026-05-31", "2028-11-30", False, "samr-2021", ["waiting_period"]),
     params={"lowFineThresholdYuan": 5000})
case("samr-other-day-of", SAMR + " other: 6 months",
     "2026-05-31", hifine, ex(True, "2026-05-31", "2028-11-30", False, "samr-2021", []),
     params={"lowFineThresholdYuan": 5000})
case("samr-food-one-year", SAMR + " other: 1 year for food, drugs, special equipment; 2025-11-30 + 1 year -> 2026-11-30",
     "2026-12-01", pen("samr", sector="food", measures=["confiscation"], publishedOn="2025-11-30", **SAMR_OK),
     ex(True, "2026-12-01", "2028-11-30", False, "samr-2021", []))
case("samr-licence-revoked-never-early", SAMR + " never stopped early: 吊销许可证件 (Order 45 Art 14 ¶3); 3 years or the ban if longer",
     "2026-11-26", pen("samr", measures=["revoke_permit", "fine"], fineAmountYuan=100000, publishedOn="2024-01-31",
                       restrictionEndsOn="2029-01-30", **SAMR_OK),
     ex(False, None, "2029-01-30", True, "samr-2021", ["early_repair_excluded"]), params={"lowFineThresholdYuan": 5000})
case("samr-conditions-unmet", SAMR + " preconditions: not on the abnormal-operations list; no new SAMR penalty of the same type",
     "2026-06-01", dict(hifine, onAbnormalList=True, newSimilarPenalty=None),
     ex(False, "2026-05-31", "2028-11-30", False, "samr-2021", ["not_on_abnormal_list", "no_new_similar_penalty"]),
     params={"lowFineThresholdYuan": 5000})
case("samr-several-measures-longest", SAMR + "s warning / 通报批评 / other in one decision: the longest applies; 2026-01-31 + 6 months -> 2026-07-31",
     "2026-07-31", pen("samr", measures=["warning", "circulated_criticism", "confiscation"], publishedOn="2026-01-31", **SAMR_OK),
     ex(False, "2026-08-01", "2029-01-31", False, "samr-2021", ["waiting_period"]))
case("samr-measures-missing", SAMR + "s depend on the measures",
     "2026-07-31", pen("samr", publishedOn="2026-01-31", **SAMR_OK), error=("missing_field", "record.measures"))
case("samr-before-2021-09-01", "repair-rules.md: SAMR 3号 from 2021-09-01",
     "2021-08-31", pen("samr", measures=["confiscation"], publishedOn="2021-01-31", **SAMR_OK), error=("no_rule_set_in_force", "asOf"))

# ---------------- SAMR Order 107 (samr-2025) ----------------
O107 = "repair-rules.md third check: SAMR Order 107 (B), in force 2025-12-25"
SAMR107_OK = {"obligationsPerformed": True, "commitmentSigned": True}
g107 = pen("samr", severity="general", measures=["fine"], publishedOn="2026-01-10", **SAMR107_OK)
case("samr107-issue-16-case", "issue 16 expected case; " + O107 + ": general 3 months / 1 year; 2026-01-10 + 3 months -> last day 2026-04-10, apply from 2026-04-11",
     "2026-04-10", g107, ex(False, "2026-04-11", "2027-01-10", False, "samr-2025", ["waiting_period"], rules=["samr-2025/penalty-general"]))
case("samr107-general-day-of", O107 + ": general, first day after 3 months",
     "2026-04-11", g107, ex(True, "2026-04-11", "2027-01-10", False, "samr-2025", []))
case("samr107-general-ended", O107 + ": general, publication stops by itself at 1 year (last day 2027-01-10)",
     "2027-01-11", g107, ex(False, "2026-04-11", "2027-01-10", False, "samr-2025", ["publication_ended"]))
case("samr107-general-conditions", O107 + "; conditions per 国办发〔2025〕22号: obligations performed, credit commitment",
     "2026-04-11", pen("samr", severity="general", measures=["fine"], publishedOn="2026-01-10"),
     ex(False, "2026-04-11", "2027-01-10", False, "samr-2025", ["obligations_performed", "commitment_signed"]))
case("samr107-serious", O107 + ": serious 1 year / 3 years; 2026-01-31 + 1 year -> 2027-01-31",
     "2027-01-31", pen("samr", severity="serious", measures=["confiscation"], publishedOn="2026-01-31", **SAMR107_OK),
     ex(False, "2027-02-01", "2029-01-31", False, "samr-2025", ["waiting_period"], rules=["samr-2025/penalty-serious"]))
case("samr107-minor", O107 + ": minor (other than warnings) stops after 3 months without application; 2026-02-28 + 3 months -> 2026-05-28",
     "2026-03-01", pen("samr", severity="minor", measures=["fine"], publishedOn="2026-02-28"),
     ex(False, None, "2026-05-28", True, "samr-2025", ["repair_not_needed"]))
case("samr107-warning", O107 + ": warnings are not published",
     "2026-03-01", pen("samr", severity="minor", measures=["warning"]),
     ex(False, None, None, True, "samr-2025", ["repair_not_needed"]))
food107 = pen("samr", severity="general", sector="food", measures=["fine"], publishedOn="2026-01-10", **SAMR107_OK)
case("samr107-food-param-missing", O107 + ": whether the food / drug / special-equipment 1-year minimum survives is not stated: portal parameter, no default",
     "2026-04-11", food107, ex(False, None, "2027-01-10", False, "samr-2025", ["parameter_missing"], determined=False))
case("samr107-food-param-given", O107 + "; params.samrSectorMinimum 6 months (a portal's reading): 2026-01-10 + 6 months -> apply from 2026-07-11",
     "2026-04-11", food107, ex(False, "2026-07-11", "2027-01-10", False, "samr-2025", ["waiting_period"]),
     params={"samrSectorMinimum": {"after": {"months": 6}}})
case("samr107-restrictive-never", O107 + "; params.samrRestrictiveMeasuresMinimum never (Order 45 Art 14 reading): revoked licence, 3 years",
     "2026-11-26", pen("samr", severity="serious", measures=["revoke_permit"], publishedOn="2026-01-31", **SAMR107_OK),
     ex(False, None, "2029-01-31", True, "samr-2025", ["early_repair_excluded"]), params={"samrRestrictiveMeasuresMinimum": "never"})
old107 = pen("samr", severity="general", measures=["confiscation"], publishedOn="2025-11-30", **SAMR_OK, commitmentSigned=True)
TR = O107 + ": no transitional provision found for records published before 2025-12-25 (params.samrTransition, no default)"
case("samr107-transition-param-missing", TR, "2026-04-10", old107,
     ex(False, None, None, False, "samr-2025", ["parameter_missing"], determined=False))
case("samr107-transition-application-date", TR + "; application_date: Order 107 general, 2025-11-30 + 3 months -> last day 2026-02-28, apply from 2026-03-01; 1 year -> 2026-11-30",
     "2026-04-10", old107, ex(True, "2026-03-01", "2026-11-30", False, "samr-2025", []), params={"samrTransition": "application_date"})
case("samr107-transition-publication-date", TR + "; publication_date: 3号 Art 6 other, 6 months -> apply from 2026-05-31; 3 years -> 2028-11-30",
     "2026-04-10", old107, ex(False, "2026-05-31", "2028-11-30", False, "samr-2021", ["waiting_period"]), params={"samrTransition": "publication_date"})
case("samr107-bad-param", "params.samrSectorMinimum is {after: period} or never", "2026-04-11", food107,
     params={"samrSectorMinimum": "at_once"}, error=("invalid_value", "params.samrSectorMinimum"))

# ---------------- Procedure deadlines (issue 16 item 2) ----------------
P22 = "国办发〔2025〕22号 (repair-rules.md third check, B): feedback within 10 working days of the application, decision within 3 working days of receipt"
HOL = "2026 notice (data/holidays.tsv): 10-01..07 off, Saturday 10-10 worked"
case("proc-ndrc-across-national-day", P22 + "; " + HOL + ": applied 09-28 -> 09-29, 09-30, 10-08, 10-09, 10-10, 10-12..16 = 2026-10-16; received 09-30 -> 10-08, 10-09, 10-10",
     "2026-09-28", gen, ex(True, "2026-08-11", "2027-05-10", False, "ndrc-2026", [],
                           dues={"ndrc-2026/feedback": "2026-10-16", "ndrc-2026/decision": "2026-10-10"}),
     applied="2026-09-28", received="2026-09-30")
case("proc-ndrc-received-not-given", P22 + ": the decision deadline counts from receipt, which the case does not give",
     "2026-09-28", gen, ex(True, "2026-08-11", "2027-05-10", False, "ndrc-2026", [],
                           dues={"ndrc-2026/feedback": "2026-10-16", "ndrc-2026/decision": None}), applied="2026-09-28")
case("proc-ndrc-year-not-covered", P22 + "; the calendar ends with 2026 and fails closed: applied 12-24 needs 2027; received 12-28 -> 12-29, 12-30, 12-31",
     "2026-11-30", gen, ex(True, "2026-08-11", "2027-05-10", False, "ndrc-2026", [],
                           dues={"ndrc-2026/feedback": {"error": "year_not_covered"}, "ndrc-2026/decision": "2026-12-31"}),
     applied="2026-12-24", received="2026-12-28")
case("proc-samr107-across-national-day", O107 + ": processing within 7 working days; " + HOL + ": applied 09-29 -> 09-30, 10-08, 10-09, 10-10, 10-12, 10-13, 10-14",
     "2026-09-29", g107, ex(True, "2026-04-11", "2027-01-10", False, "samr-2025", [],
                            dues={"samr-2025/decision": "2026-10-14"}), applied="2026-09-29")
case("proc-received-before-applied", "receivedOn cannot be before appliedOn", "2026-09-28", gen,
     applied="2026-09-28", received="2026-09-27", error=("inconsistent_dates", "receivedOn"))
case("warning-after-last-review", "issue 16 item 4: asked after the newest built-in rule set's last review (2026-11-30, samr-2025 reviewedOn)",
     "2026-12-01", g107, ex(True, "2026-04-11", "2027-01-10", False, "samr-2025", [], warnings=["rules_may_be_outdated"]))
case("no-warning-on-review-day", "issue 16 item 4: no warning up to the last review day (2026-11-30)",
     "2026-11-30", g107, ex(True, "2026-04-11", "2027-01-10", False, "samr-2025", [], warnings=[]))

# ---------------- SAMR lists ----------------
case("abnormal-operations-cured", "repair-rules.md Lists: 经营异常名录, SAMR 3号 Art 5: any time the cause is cured, plus a commitment letter",
     "2025-03-01", {"kind": "abnormal_operations", "track": "samr", "listedOn": "2025-03-01",
                    "cureGround": "annual_report_filed", "commitmentSigned": True},
     ex(True, "2025-03-01", None, False, "samr-2021", []))
case("abnormal-operations-not-cured", "repair-rules.md Lists: 经营异常名录, SAMR 3号 Art 5",
     "2026-11-26", {"kind": "abnormal_operations", "track": "samr", "listedOn": "2025-03-01"},
     ex(False, "2025-03-01", None, False, "samr-2021", ["cause_cured", "commitment_signed"]))
case("abnormal-operations-wrong-track", "repair-rules.md Lists: 经营异常名录 is a SAMR list",
     "2026-11-26", {"kind": "abnormal_operations", "track": "ndrc", "listedOn": "2025-03-01"}, error=("track_mismatch", "record.track"))
sv = {"kind": "serious_violation_list", "track": "samr", "listedOn": "2024-02-29", "obligationsPerformed": True,
      "harmRemoved": True, "newSeriousPenalty": False}
SV = "repair-rules.md Lists: 严重违法失信名单, SAMR 3号 Art 7 + Order 44: 1 year after listing, exits after 3 years; 2024-02-29 + 1 year -> 2025-02-28"
case("serious-violation-day-before", SV, "2025-02-28", sv, ex(False, "2025-03-01", "2027-02-28", False, "samr-2021", ["waiting_period"]))
case("serious-violation-day-of", SV, "2025-03-01", sv, ex(True, "2025-03-01", "2027-02-28", False, "samr-2021", []))
case("serious-violation-restriction-running", SV + "; and any statutory restriction period ended",
     "2025-03-01", dict(sv, restrictionEndsOn="2026-06-30"), ex(False, "2026-07-01", "2027-02-28", False, "samr-2021", ["restriction_running"]))
case("serious-violation-exited", SV + "; 3 years -> last day 2027-02-28",
     "2027-03-01", sv, ex(False, "2025-03-01", "2027-02-28", False, "samr-2021", ["publication_ended"]))

# ---------------- SPC 2017 ----------------
SPC = "repair-rules.md Lists: 失信被执行人, SPC 法释〔2017〕7号"
case("spc-item-2-not-performed", SPC + " Art 1 items (2)-(6): 2 years, after performing or correcting (Art 2, Art 10)",
     "2026-11-26", {"kind": "dishonest_judgment_debtor", "track": "court", "spcItem": 2, "listedOn": "2025-01-15",
                    "obligationsPerformed": False},
     ex(False, "2025-01-15", "2027-01-15", False, "spc-2017", ["performed_or_corrected"]))
case("spc-item-2-extended-29-february", SPC + " Art 2: 2 years extended by 3; 2024-02-29 + 5 years -> 2029-02-28",
     "2026-11-26", {"kind": "dishonest_judgment_debtor", "track": "court", "spcItem": 2, "listedOn": "2024-02-29",
                    "extensionYears": 3, "corrected": True},
     ex(True, "2024-02-29", "2029-02-28", False, "spc-2017", []))
case("spc-item-3-expired", SPC + " Art 2, Art 10: 2-year period ended 2025-01-15",
     "2025-01-16", {"kind": "dishonest_judgment_debtor", "track": "court", "spcItem": 3, "listedOn": "2023-01-15"},
     ex(False, "2023-01-15", "2025-01-15", False, "spc-2017", ["publication_ended"]))
case("spc-item-1-event", SPC + " Art 1 item (1): no fixed term; deleted on one of 7 events (Art 10)",
     "2026-11-26", {"kind": "dishonest_judgment_debtor", "track": "court", "spcItem": 1, "listedOn": "2024-06-01",
                    "deletionEvents": ["execution_terminated"]},
     ex(True, "2024-06-01", None, False, "spc-2017", []))
case("spc-item-1-no-event", SPC + " Art 1 item (1): never by time",
     "2026-11-26", {"kind": "dishonest_judgment_debtor", "track": "court", "spcItem": 1, "listedOn": "2024-06-01"},
     ex(False, "2024-06-01", None, False, "spc-2017", ["deletion_event"]))
case("spc-extension-too-long", SPC + " Art 2: extension 1-3 years",
     "2026-11-26", {"kind": "dishonest_judgment_debtor", "track": "court", "spcItem": 2, "listedOn": "2024-02-29", "extensionYears": 4},
     error=("invalid_value", "record.extensionYears"))
case("spc-item-missing", SPC + " Art 1 items decide the rule",
     "2026-11-26", {"kind": "dishonest_judgment_debtor", "track": "court", "listedOn": "2024-02-29"}, error=("missing_field", "record.spcItem"))
case("spc-item-out-of-range", SPC + " Art 1 has items (1)-(6)",
     "2026-11-26", {"kind": "dishonest_judgment_debtor", "track": "court", "spcItem": 7, "listedOn": "2024-02-29"}, error=("invalid_value", "record.spcItem"))
case("spc-before-2017-05-01", "repair-rules.md: SPC 2017 from 2017-05-01",
     "2017-04-30", {"kind": "dishonest_judgment_debtor", "track": "court", "spcItem": 2, "listedOn": "2017-01-01"}, error=("no_rule_set_in_force", "asOf"))

# ---------------- custom rule sets ----------------
custom = [{"id": "samr-local", "track": "samr", "citation": "portal-supplied test rule set (not a real rule)",
           "effectiveFrom": "2025-12-25",
           "rows": [{"id": "penalty-any", "kinds": ["administrative_penalty"], "anchor": "publication",
                     "earliest": {"after": {"months": 3}}, "publication": {"fixed": {"years": 1}},
                     "conditions": ["obligations_performed"], "citation": "test row", "confidence": "B"}]}]
case("custom-samr-2025-auto", "repair-rules.md, second check: a newer SAMR rule may apply from 2025-12-25; a portal supplies it as JSON (test numbers: 3 months / 1 year)",
     "2026-03-31", pen("samr", measures=["fine"], publishedOn="2025-12-31", obligationsPerformed=True),
     ex(False, "2026-04-01", "2026-12-31", False, "samr-local", ["waiting_period"], rules=["samr-local/penalty-any"]), custom=custom)
case("custom-not-yet-in-force", "repair-rules.md: samr-2021 stays the built-in SAMR set; 3号 Art 6 6 months; 2025-06-30 + 6 months -> 2025-12-30",
     "2025-12-24", pen("samr", measures=["confiscation"], publishedOn="2025-06-30", **SAMR_OK),
     ex(False, "2025-12-31", "2028-06-30", False, "samr-2021", ["waiting_period"]), custom=custom)
bad_custom = json.loads(json.dumps(custom))
bad_custom[0]["rows"][0]["earliest"] = {"after": {"years": 5}}
bad_custom[0]["rows"][0]["publication"] = {"fixed": {"years": 3}}
case("custom-invalid-minimum-after-maximum", "custom rule-set validation: the minimum period must end before the publication period",
     "2026-03-31", pen("samr", measures=["fine"], publishedOn="2025-12-31"), custom=bad_custom,
     error=("invalid_rule_set", "customRuleSets[0].rows[0].earliest"))

# ---------------- bad input ----------------
case("bad-as-of-30-february", "Civil dates: 2026-02-29 does not exist", "2026-02-29", gen, error=("invalid_date", "asOf"))
case("bad-year-0", "Civil dates: year 0000 is refused", "2026-11-26", dict(gen, publishedOn="0000-01-01"), error=("invalid_date", "record.publishedOn"))
case("bad-9999-12-31-plus-period", "Civil dates: 9999-12-31 + 3 months leaves the range", "2026-11-26",
     dict(gen, publishedOn="9999-12-31"), error=("date_out_of_range", "record.publishedOn"))
case("bad-decided-after-published", "Order 36 anchor: the decision precedes publication", "2026-11-26",
     dict(gen, decidedOn="2026-05-11"), error=("inconsistent_dates", "record.decidedOn"))
case("bad-unknown-rule-set", "ruleSet names a built-in or a supplied rule set", "2026-11-26", gen, rule_set="ndrc-2099",
     error=("unknown_rule_set", "ruleSet"))
case("bad-rule-set-track", "ruleSet must govern the record's track", "2026-11-26", gen, rule_set="samr-2021",
     error=("track_mismatch", "ruleSet"))
case("bad-huge-number", "no panic on huge numbers", "2026-11-26",
     {"kind": "dishonest_judgment_debtor", "track": "court", "spcItem": 2, "listedOn": "2024-02-29", "extensionYears": 1e30},
     error=("invalid_value", "record.extensionYears"))
case("bad-param-key", "params: unknown keys are rejected", "2026-11-26", gen, params={"lowFineThreshold": 1},
     error=("invalid_value", "params.lowFineThreshold"))
case("bad-not-json", "input must be JSON", None, None, text="{\"asOf\": ", error=("invalid_json", ""))
case("bad-record-kind", "record.kind is one of five kinds", "2026-11-26", dict(gen, kind="penalty"), error=("invalid_value", "record.kind"))
case("bad-measure", "record.measures items are known measures", "2026-11-26", dict(gen, measures=["fine", "flogging"]),
     error=("invalid_value", "record.measures[1]"))

doc = {"description": "Credit-repair vectors. Expected outputs were derived by hand from /work/shared/domain/repair-rules.md (Civil Code Arts 201-202 date arithmetic). 'unmet' lists the kinds expected, compared as a multiset. 'inputText' is raw text given to parse_case_json.",
       "cases": cases}
with open("tests/vectors/repair-cases.json", "w") as f:
    json.dump(doc, f, ensure_ascii=False, indent=1)
print(len(cases))
