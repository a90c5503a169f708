//! Registrations against the plan's targets, as they stand: "Lao động tiên tiến: 132/140
//! (94,3%) — chỉ tiêu 90%". Leaders are left out where the target says so; people who left
//! and units dissolved are in neither the count nor the base.

use std::collections::HashSet;

use super::model::{CatalogueEntry, Person, PersonStatus, Subject, Unit, UnitId};
use super::plan::{TargetBase, TitleTarget, format_percent};
use super::registration::{Registration, collective_candidate, covers, unit_in_year};

/// One target and how far registrations reach it.
#[derive(Debug, Clone, PartialEq)]
pub struct TargetProgress {
    pub title_name: String,
    pub catalogue_code: String,
    pub base: TargetBase,
    pub registered: usize,
    pub total: usize,
    pub target_percent: f64,
    /// Leaders were left out of both numbers.
    pub leaders_excluded: bool,
}

impl TargetProgress {
    /// The share registered, in percent; None when there is nobody to count.
    pub fn percent(&self) -> Option<f64> {
        (self.total > 0).then(|| self.registered as f64 * 100.0 / self.total as f64)
    }

    pub fn is_met(&self) -> bool {
        self.percent()
            .is_some_and(|p| p + 1e-9 >= self.target_percent)
    }

    /// "Chiến sĩ thi đua cơ sở: 19/127 (15,0%, không tính lãnh đạo Sở) — chỉ tiêu 15%".
    pub fn text(&self) -> String {
        let percent = match self.percent() {
            Some(p) => one_decimal(p),
            None => "–".into(),
        };
        let note = if self.leaders_excluded {
            ", không tính lãnh đạo Sở"
        } else {
            ""
        };
        format!(
            "{}: {}/{} ({percent}{note}) — chỉ tiêu {}",
            self.title_name,
            self.registered,
            self.total,
            format_percent(self.target_percent)
        )
    }
}

/// "94,3%".
pub fn one_decimal(p: f64) -> String {
    format!("{:.1}%", p).replace('.', ",")
}

/// Who counts for a staff target: working now, in a unit that takes part in the year, and
/// not a leader when leaders are left out.
fn counts_as_staff(person: &Person, live_units: &HashSet<UnitId>, leaders_count: bool) -> bool {
    person.active
        && person.status == PersonStatus::Working
        && live_units.contains(&person.unit_id)
        && (leaders_count || !person.is_department_leader)
}

/// Progress of every title target of a plan for `year`.
pub fn progress(
    targets: &[TitleTarget],
    year: i32,
    people: &[Person],
    units: &[Unit],
    catalogue: &[CatalogueEntry],
    registrations: &[Registration],
) -> Vec<TargetProgress> {
    let live_units: HashSet<UnitId> = units
        .iter()
        .filter(|u| unit_in_year(u, year))
        .map(|u| u.id)
        .collect();
    // Subjects with a current registration covering each code.
    let registered_for = |code: &str| -> HashSet<Subject> {
        registrations
            .iter()
            .filter(|r| r.is_current() && r.year == year)
            .filter(|r| {
                catalogue
                    .iter()
                    .find(|e| e.id == r.catalogue_id)
                    .is_some_and(|e| covers(&e.code, code))
            })
            .map(|r| r.subject)
            .collect()
    };
    targets
        .iter()
        .map(|t| {
            let subjects = registered_for(&t.catalogue_code);
            let (registered, total) = match t.base {
                TargetBase::Staff => {
                    let staff: Vec<&Person> = people
                        .iter()
                        .filter(|p| counts_as_staff(p, &live_units, t.leaders_count))
                        .collect();
                    let reg = staff
                        .iter()
                        .filter(|p| subjects.contains(&Subject::Person(p.id)))
                        .count();
                    (reg, staff.len())
                }
                TargetBase::Units => {
                    let candidates: Vec<UnitId> = units
                        .iter()
                        .filter(|u| live_units.contains(&u.id) && collective_candidate(u))
                        .map(|u| u.id)
                        .collect();
                    let reg = candidates
                        .iter()
                        .filter(|u| subjects.contains(&Subject::Unit(**u)))
                        .count();
                    (reg, candidates.len())
                }
            };
            let leaders_excluded = t.base == TargetBase::Staff
                && !t.leaders_count
                && people
                    .iter()
                    .any(|p| p.is_department_leader && counts_as_staff(p, &live_units, true));
            TargetProgress {
                title_name: t.title_name.clone(),
                catalogue_code: t.catalogue_code.clone(),
                base: t.base,
                registered,
                total,
                target_percent: t.percent,
                leaders_excluded,
            }
        })
        .collect()
}

/// Per unit: how many staff it has in the year and how many registered for `code`.
pub fn unit_count(
    unit: UnitId,
    code: &str,
    year: i32,
    people: &[Person],
    catalogue: &[CatalogueEntry],
    registrations: &[Registration],
) -> usize {
    people
        .iter()
        .filter(|p| p.unit_id == unit && p.active && p.status == PersonStatus::Working)
        .filter(|p| {
            super::registration::is_registered(
                registrations,
                catalogue,
                Subject::Person(p.id),
                year,
                code,
            )
        })
        .count()
}
