//! Verdicts for nominations and suggestions of higher titles: the store's data gathered
//! into the eligibility engine's facts.

use super::ThiduaApp;
use crate::docs::council_data::Names;
use crate::domain::eligibility::{
    self, AwardFact, EligibilitySettings, Evaluation, Facts, InnovationFact, MemberCounts,
    SubjectFacts, Verdict,
};
use crate::domain::innovation::InnovationStatus;
use crate::domain::model::{PersonStatus, Rating, Subject};
use crate::domain::nomination::{Nomination, NominationStatus};
use crate::domain::registration::covers;
use crate::store::StoreError;
use crate::ui::nomination_view::{ReasonLevel, Suggestion, VerdictView};

/// Settings key of the eligibility numbers.
pub const ELIGIBILITY: &str = "eligibility";

impl ThiduaApp {
    pub(crate) fn eligibility_settings(&self) -> EligibilitySettings {
        self.store
            .setting(ELIGIBILITY)
            .ok()
            .flatten()
            .unwrap_or_default()
    }

    /// The facts the rules read about `subject` for `year`.
    pub(crate) fn facts_for(
        &self,
        subject: Subject,
        year: i32,
        names: &Names,
        nominations: &[Nomination],
    ) -> Result<Facts, StoreError> {
        let code_of = |id: i64| names.entry(id).map(|e| e.code.clone()).unwrap_or_default();
        let proposed = |s: Subject| -> Vec<String> {
            nominations
                .iter()
                .filter(|n| n.subject == s && n.status != NominationStatus::Rejected)
                .map(|n| code_of(n.catalogue_id))
                .collect()
        };
        let mut f = Facts::person(year);
        f.registrations = self
            .store
            .registrations_of(subject)?
            .into_iter()
            .filter(|r| r.is_current())
            .map(|r| (r.year, code_of(r.catalogue_id)))
            .collect();
        f.awards = self
            .store
            .awards_for(subject)?
            .into_iter()
            .filter(|a| a.in_force())
            .map(|a| AwardFact {
                year: a.year,
                code: code_of(a.catalogue_id),
                decision: format!("Quyết định số {}", a.decision_number),
            })
            .collect();
        f.proposed_this_year = proposed(subject);
        match subject {
            Subject::Person(id) => {
                let p = self.store.person(id)?;
                f.subject = SubjectFacts::Person {
                    female: p.gender == crate::domain::model::Gender::Female,
                    leader: p.is_department_leader,
                    recruited_on: p.recruited_on,
                };
                f.ratings = self.store.person_ratings(id)?.into_iter().collect();
                f.disciplines = self.store.disciplines(id)?;
                for i in self.store.recognised_innovations_of(id, 1900, year)? {
                    if i.status != InnovationStatus::Recognised {
                        continue;
                    }
                    f.innovations.push(InnovationFact {
                        id: i.id,
                        name: i.name.clone(),
                        year: i.year,
                        level: i
                            .level
                            .unwrap_or(crate::domain::innovation::InnovationLevel::Grassroots),
                        research: i.kind == crate::domain::innovation::InnovationKind::Research,
                        used_for: self.store.innovation_used_for(i.id, id)?,
                    });
                }
            }
            Subject::Unit(id) => {
                let unit = self.store.units()?.into_iter().find(|u| u.id == id);
                f.ratings = self.store.unit_ratings(id)?.into_iter().collect();
                let mut m = MemberCounts::default();
                for r in self.store.people()?.into_iter().filter(|r| {
                    r.person.unit_id == id
                        && r.person.active
                        && r.person.status == PersonStatus::Working
                }) {
                    let p = r.person;
                    m.total += 1;
                    let rating = self
                        .store
                        .person_ratings(p.id)?
                        .into_iter()
                        .find(|(y, _)| *y == year)
                        .map(|(_, r)| r);
                    if matches!(
                        rating,
                        Some(Rating::Excellent | Rating::Good | Rating::Completed)
                    ) {
                        m.completed += 1;
                    }
                    let held = |code: &str| {
                        proposed(Subject::Person(p.id))
                            .iter()
                            .any(|c| covers(c, code))
                    };
                    if held("LDTT") {
                        m.ldtt += 1;
                    }
                    if held("CSTDCS") {
                        m.cstdcs += 1;
                    }
                    if p.gender == crate::domain::model::Gender::Female {
                        m.women += 1;
                    }
                    let disciplined = self.store.disciplines(p.id)?.iter().any(|d| {
                        eligibility::rules::is_warning_or_above(d.form)
                            && chrono::Datelike::year(&d.from) <= year
                            && d.to.is_none_or(|t| chrono::Datelike::year(&t) >= year)
                    });
                    if disciplined {
                        m.disciplined_warning_or_above += 1;
                    }
                }
                f.subject = SubjectFacts::Unit {
                    dissolved_on: unit.and_then(|u| u.dissolved_on),
                    members: m,
                };
            }
        }
        Ok(f)
    }

    /// The engine's evaluation of one nomination.
    pub(crate) fn evaluate(
        &self,
        n: &Nomination,
        names: &Names,
        nominations: &[Nomination],
    ) -> Result<Option<Evaluation>, StoreError> {
        let Some(entry) = names.entry(n.catalogue_id) else {
            return Ok(None);
        };
        let facts = self.facts_for(n.subject, n.year, names, nominations)?;
        let mut own = facts.clone();
        // The nomination being judged is not its own "already proposed".
        own.proposed_this_year.retain(|c| *c != entry.code);
        Ok(Some(eligibility::check(
            &entry.code,
            &own,
            &self.eligibility_settings(),
        )))
    }

    /// The verdict of one nomination, as the screens show it.
    pub(crate) fn verdict_for(&self, n: &Nomination) -> Result<VerdictView, StoreError> {
        let names = Names::load(&self.store)?;
        let nominations = self.store.nominations(n.year)?;
        Ok(match self.evaluate(n, &names, &nominations)? {
            Some(e) => view(&e),
            None => VerdictView::default(),
        })
    }

    /// People and units whose data already meet a higher title or form.
    pub(crate) fn suggestions(&self, year: i32) -> Result<Vec<Suggestion>, StoreError> {
        let names = Names::load(&self.store)?;
        let nominations = self.store.nominations(year)?;
        let mut subjects: Vec<Subject> = self
            .store
            .people()?
            .into_iter()
            .filter(|r| r.person.active && r.person.status == PersonStatus::Working)
            .map(|r| Subject::Person(r.person.id))
            .collect();
        subjects.extend(
            self.store
                .units()?
                .into_iter()
                .filter(|u| u.active)
                .map(|u| Subject::Unit(u.id)),
        );
        let facts: Vec<Facts> = subjects
            .iter()
            .map(|s| self.facts_for(*s, year, &names, &nominations))
            .collect::<Result<_, _>>()?;
        Ok(eligibility::suggest(&facts, &self.eligibility_settings())
            .into_iter()
            .filter_map(|(n, code, reasons)| {
                let entry = names.catalogue.iter().find(|e| e.code == code)?;
                Some(Suggestion {
                    subject: subjects[n],
                    name: names.subject(subjects[n]).0,
                    title: entry.name.clone(),
                    catalogue_id: entry.id,
                    reasons,
                })
            })
            .collect())
    }
}

/// The verdict of an evaluation, or an empty one.
pub(crate) fn view_of(e: Option<Evaluation>) -> VerdictView {
    e.map(|e| view(&e)).unwrap_or_default()
}

/// The engine's evaluation as the screens show it.
pub(crate) fn view(e: &Evaluation) -> VerdictView {
    let level = |v: Verdict| match v {
        Verdict::Pass => ReasonLevel::Pass,
        Verdict::Info => ReasonLevel::Info,
        Verdict::Warn => ReasonLevel::Warn,
        Verdict::Block => ReasonLevel::Block,
    };
    VerdictView {
        blocked: e.is_blocked(),
        warned: e.has_warnings(),
        summary: e.summary(),
        reasons: e
            .outcomes
            .iter()
            .map(|o| {
                (
                    level(o.verdict),
                    format!("{} ({}): {}", o.rule, o.article, o.reason),
                )
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;
    use crate::domain::decision::{Decision, DecisionEntry};
    use crate::store::Store;
    use crate::store::tests::{person, unit};

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    /// CSTĐCS 2024 and 2025, but the 2025 decision was cancelled: CSTĐ tỉnh 2026 lacks 2025.
    #[test]
    fn a_cancelled_award_does_not_count_towards_a_higher_title() {
        let mut store = Store::open_in_memory().unwrap();
        let u = store.save_unit(&unit("Văn phòng")).unwrap();
        let p = store.save_person(&person("Nguyễn Thị Lan", u)).unwrap();
        let cat = store.catalogue().unwrap();
        let id = |code: &str| cat.iter().find(|c| c.code == code).unwrap().id;
        let lan = Subject::Person(p);
        for year in [2024, 2025] {
            let mut dec = Decision::draft(year, "Về việc công nhận Chiến sĩ thi đua cơ sở", "");
            dec.entries = vec![DecisionEntry {
                subject: lan,
                catalogue_id: id("CSTDCS"),
                amount: None,
                nomination: None,
            }];
            let first = store.save_decision_draft(&dec).unwrap();
            let number = store
                .issue_decision(first, None, d(year + 1, 1, 10), "SCT")
                .unwrap();
            if year == 2025 {
                let mut cancel =
                    Decision::draft(year, &format!("Về việc hủy bỏ Quyết định số {number}"), "");
                cancel.amends = Some(first);
                cancel.cancels = true;
                let c = store.save_decision_draft(&cancel).unwrap();
                store.issue_decision(c, None, d(2026, 2, 1), "SCT").unwrap();
            }
        }
        let app = ThiduaApp::new(store, d(2026, 12, 1), false);
        let names = Names::load(app.store()).unwrap();
        let nominations = vec![
            Nomination::new(2026, lan, id("CSTDCS"), u, d(2026, 11, 1)),
            Nomination::new(2026, lan, id("CSTD_TINH"), u, d(2026, 11, 1)),
        ];
        let facts = app.facts_for(lan, 2026, &names, &nominations).unwrap();
        assert!(facts.holds("CSTDCS", 2024));
        assert!(!facts.holds("CSTDCS", 2025), "{:?}", facts.awards);
        let e = app
            .evaluate(&nominations[1], &names, &nominations)
            .unwrap()
            .unwrap();
        let r07 = e.outcomes.iter().find(|o| o.rule == "R07").unwrap();
        assert_eq!(r07.verdict, Verdict::Block);
        assert!(
            r07.reason.contains("Thiếu Chiến sĩ thi đua cơ sở năm 2025"),
            "{}",
            r07.reason
        );
    }
}
