//! What the period reports read: the tally of a year range and the year's results against
//! its plan's targets, computed by the domain from the stored records.

use super::{Store, StoreError};
use crate::domain::plan::Plan;
use crate::domain::report_results::{ResultsInput, TargetResult, UnitResults};
use crate::domain::report_tally::{Tally, YearLevels, by_year_and_level, tally};

/// The tally of a period with its awards per year by level.
#[derive(Debug, Clone, PartialEq)]
pub struct PeriodReport {
    pub tally: Tally,
    pub years: Vec<YearLevels>,
}

/// A year's results against its plan.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct YearResults {
    pub year: i32,
    /// False when the year has no plan (then there are no targets to compare with).
    pub has_plan: bool,
    pub department: Vec<TargetResult>,
    pub units: Vec<UnitResults>,
}

impl Store {
    /// The tally of years `from` to `to` from the award history.
    pub fn period_report(&self, from: i32, to: i32) -> Result<PeriodReport, StoreError> {
        let catalogue = self.catalogue()?;
        let awards = self.awards_in_years(from, to)?;
        Ok(PeriodReport {
            tally: tally(&awards, &catalogue, from, to),
            years: by_year_and_level(&awards, &catalogue, from, to),
        })
    }

    /// The titles awarded for `year` against the targets of that year's plan.
    pub fn year_results(&self, year: i32) -> Result<YearResults, StoreError> {
        let plan: Option<Plan> = match self.plan_for_year(year)? {
            Some(record) => Some(serde_json::from_str(&record.data).map_err(|e| {
                StoreError::Conflict(format!(
                    "Không đọc được nội dung kế hoạch thi đua năm {year}: {e}. Hãy mở và lưu lại kế hoạch trong màn hình Kế hoạch thi đua."
                ))
            })?),
            None => None,
        };
        let Some(plan) = plan else {
            return Ok(YearResults {
                year,
                ..YearResults::default()
            });
        };
        let people: Vec<_> = self.people()?.into_iter().map(|r| r.person).collect();
        let units = self.units()?;
        let catalogue = self.catalogue()?;
        let awards = self.awards_in_years(year, year)?;
        let input = ResultsInput {
            year,
            targets: &plan.title_targets,
            people: &people,
            units: &units,
            catalogue: &catalogue,
            awards: &awards,
        };
        Ok(YearResults {
            year,
            has_plan: true,
            department: input.department(),
            units: input.per_unit(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::model::{AwardRecord, Subject};
    use crate::store::tests::{person, unit};

    #[test]
    fn a_year_without_a_plan_has_no_targets_and_the_tally_reads_the_range() {
        let mut s = Store::open_in_memory().unwrap();
        let u = s.save_unit(&unit("Văn phòng")).unwrap();
        let p = s.save_person(&person("Phạm Thị Lan", u)).unwrap();
        let cat = s.catalogue().unwrap();
        let id = |code: &str| cat.iter().find(|c| c.code == code).unwrap().id;
        for (subject, year, code) in [
            (Subject::Person(p), 2025, "LDTT"),
            (Subject::Person(p), 2026, "LDTT"),
            (Subject::Unit(u), 2026, "TTLDTT"),
        ] {
            s.save_award(&AwardRecord {
                id: 0,
                subject,
                year,
                catalogue_id: id(code),
                decision_number: "1/QĐ-SCT".into(),
                decision_date: None,
                issuer: String::new(),
                note: String::new(),
                cancelled_by: None,
            })
            .unwrap();
        }
        let r = s.period_report(2026, 2026).unwrap();
        assert_eq!(
            r.tally.sentence(),
            "Lao động tiên tiến: 01 cá nhân; Tập thể lao động tiên tiến: 01 tập thể"
        );
        assert_eq!(
            s.period_report(2025, 2026)
                .unwrap()
                .tally
                .total_individuals(),
            2
        );
        let y = s.year_results(2026).unwrap();
        assert!(!y.has_plan && y.department.is_empty());

        let plan = crate::domain::plan::demo_plan(2026, "Trần Thị Mai");
        s.save_plan_draft(2026, 0, None, &serde_json::to_string(&plan).unwrap())
            .unwrap();
        let y = s.year_results(2026).unwrap();
        assert!(y.has_plan);
        let ldtt = &y.department[0];
        assert_eq!((ldtt.achieved, ldtt.total), (1, 1));
        assert_eq!(y.units.len(), 1);
    }
}
