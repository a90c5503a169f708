//! The year's results against the plan's targets: the titles actually awarded for the year
//! beside the target percentages, for the Department and for each unit: "Lao động tiên
//! tiến: 118/127 (92,9%) — chỉ tiêu 90%". The base is the staff on the lists of that year
//! (leaders left out where the target says so) or the units that take part in it.

use std::collections::HashSet;

use super::model::{AwardRecord, CatalogueEntry, Person, Subject, Unit, UnitId};
use super::plan::{TargetBase, TitleTarget, format_percent};
use super::registration::{collective_candidate, covers, person_in_year, unit_in_year};
use super::registration_progress::one_decimal;
use super::report_tally::stands;

/// One target and what the year achieved.
#[derive(Debug, Clone, PartialEq)]
pub struct TargetResult {
    pub title_name: String,
    pub catalogue_code: String,
    pub base: TargetBase,
    pub achieved: usize,
    pub total: usize,
    pub target_percent: f64,
}

impl TargetResult {
    /// The share achieved, in percent; None when there is nobody to count.
    pub fn percent(&self) -> Option<f64> {
        (self.total > 0).then(|| self.achieved as f64 * 100.0 / self.total as f64)
    }

    pub fn is_met(&self) -> bool {
        self.percent()
            .is_some_and(|p| p + 1e-9 >= self.target_percent)
    }

    /// "92,9%", or "–" when there is nobody to count.
    pub fn percent_text(&self) -> String {
        self.percent()
            .map(one_decimal)
            .unwrap_or_else(|| "–".into())
    }

    /// "Đạt", "Chưa đạt", or "–" when there is nobody to count.
    pub fn verdict(&self) -> &'static str {
        match self.percent() {
            None => "–",
            Some(_) if self.is_met() => "Đạt",
            Some(_) => "Chưa đạt",
        }
    }

    /// "Lao động tiên tiến: 118/127 (92,9%) — chỉ tiêu 90%".
    pub fn text(&self) -> String {
        format!(
            "{}: {}/{} ({}) — chỉ tiêu {}",
            self.title_name,
            self.achieved,
            self.total,
            self.percent_text(),
            format_percent(self.target_percent)
        )
    }
}

/// One unit's results.
#[derive(Debug, Clone, PartialEq)]
pub struct UnitResults {
    pub unit_id: UnitId,
    pub unit_name: String,
    pub lines: Vec<TargetResult>,
}

/// What the results are computed from.
pub struct ResultsInput<'a> {
    pub year: i32,
    pub targets: &'a [TitleTarget],
    pub people: &'a [Person],
    pub units: &'a [Unit],
    pub catalogue: &'a [CatalogueEntry],
    pub awards: &'a [AwardRecord],
}

impl ResultsInput<'_> {
    /// Subjects holding, for the year, a standing award that includes the title `code`
    /// (a Chiến sĩ thi đua cơ sở is a Lao động tiên tiến too).
    fn holders(&self, code: &str) -> HashSet<Subject> {
        self.awards
            .iter()
            .filter(|a| a.year == self.year && stands(a))
            .filter(|a| {
                self.catalogue
                    .iter()
                    .find(|e| e.id == a.catalogue_id)
                    .is_some_and(|e| covers(&e.code, code))
            })
            .map(|a| a.subject)
            .collect()
    }

    fn live_units(&self) -> HashSet<UnitId> {
        self.units
            .iter()
            .filter(|u| unit_in_year(u, self.year))
            .map(|u| u.id)
            .collect()
    }

    /// The results of every target over the units in `scope` (None: the whole Department).
    fn results(&self, scope: Option<UnitId>) -> Vec<TargetResult> {
        let live = self.live_units();
        let in_scope = |u: UnitId| live.contains(&u) && scope.is_none_or(|s| s == u);
        self.targets
            .iter()
            .map(|t| {
                let holders = self.holders(&t.catalogue_code);
                let (achieved, total) = match t.base {
                    TargetBase::Staff => {
                        let staff: Vec<&Person> = self
                            .people
                            .iter()
                            .filter(|p| in_scope(p.unit_id) && person_in_year(p, self.year))
                            .filter(|p| t.leaders_count || !p.is_department_leader)
                            .collect();
                        let n = staff
                            .iter()
                            .filter(|p| holders.contains(&Subject::Person(p.id)))
                            .count();
                        (n, staff.len())
                    }
                    TargetBase::Units => {
                        let units: Vec<UnitId> = self
                            .units
                            .iter()
                            .filter(|u| in_scope(u.id) && collective_candidate(u))
                            .map(|u| u.id)
                            .collect();
                        let n = units
                            .iter()
                            .filter(|u| holders.contains(&Subject::Unit(**u)))
                            .count();
                        (n, units.len())
                    }
                };
                TargetResult {
                    title_name: t.title_name.clone(),
                    catalogue_code: t.catalogue_code.clone(),
                    base: t.base,
                    achieved,
                    total,
                    target_percent: t.percent,
                }
            })
            .collect()
    }

    /// The Department's results for every target.
    pub fn department(&self) -> Vec<TargetResult> {
        self.results(None)
    }

    /// Every unit of the year (official order) with its results; a unit with nobody to
    /// count for any target is left out.
    pub fn per_unit(&self) -> Vec<UnitResults> {
        let mut units: Vec<&Unit> = self
            .units
            .iter()
            .filter(|u| unit_in_year(u, self.year))
            .collect();
        units.sort_by_key(|u| (u.sort_order, u.id));
        units
            .into_iter()
            .map(|u| UnitResults {
                unit_id: u.id,
                unit_name: u.name.clone(),
                lines: self.results(Some(u.id)),
            })
            .filter(|r| r.lines.iter().any(|l| l.total > 0))
            .collect()
    }
}

#[cfg(test)]
#[path = "report_results_tests.rs"]
mod tests;
