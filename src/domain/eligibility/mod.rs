//! The eligibility engine: rules R01–R17 of the domain spec (§2), each a named function
//! over plain data that returns a verdict with a reason in Vietnamese showing the data it
//! used. `check` picks the rules that apply to a title or form.

mod check;
pub mod rules;
mod rules_caps;
mod rules_collective;
mod rules_higher;
mod suggest;

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::innovation::InnovationLevel;
use super::model::{Discipline, Rating, ReviewPeriod};

pub use check::{Evaluation, check};
pub use suggest::suggest;

/// How a rule judges.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Verdict {
    Pass,
    Info,
    Warn,
    Block,
}

/// One rule's judgement.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RuleOutcome {
    /// "R01" …
    pub rule: &'static str,
    /// Where the rule comes from: "Luật TĐKT 2022 Đ.24; TT 15/2025".
    pub article: &'static str,
    pub verdict: Verdict,
    pub reason: String,
}

/// An award in a subject's history.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AwardFact {
    pub year: i32,
    /// Catalogue code: LDTT, CSTDCS, BK_TINH_CN …
    pub code: String,
    /// "Quyết định số 12/QĐ-SCT ngày 15/01/2026".
    pub decision: String,
}

/// A recognised innovation or research topic of a person.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct InnovationFact {
    pub id: i64,
    pub name: String,
    /// The year it was recognised.
    pub year: i32,
    pub level: InnovationLevel,
    /// A research topic (đề tài) rather than an innovation.
    pub research: bool,
    /// (year, code) of the award it already justified.
    pub used_for: Option<(i32, String)>,
}

/// What a collective's members achieved in the year.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
pub struct MemberCounts {
    pub total: u32,
    /// Rated "hoàn thành nhiệm vụ" or better.
    pub completed: u32,
    /// Lao động tiên tiến this year (proposed or awarded).
    pub ldtt: u32,
    pub cstdcs: u32,
    /// Disciplined at cảnh cáo or above in the year.
    pub disciplined_warning_or_above: u32,
    pub women: u32,
}

/// Who the subject is.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum SubjectFacts {
    Person {
        female: bool,
        leader: bool,
        recruited_on: Option<NaiveDate>,
    },
    Unit {
        dissolved_on: Option<NaiveDate>,
        members: MemberCounts,
    },
}

/// Everything the rules read about one subject, for a nomination in `year`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Facts {
    pub year: i32,
    pub subject: SubjectFacts,
    pub ratings: BTreeMap<i32, Rating>,
    /// Current registrations: (year, catalogue code).
    pub registrations: Vec<(i32, String)>,
    pub disciplines: Vec<Discipline>,
    pub reviews: Vec<ReviewPeriod>,
    /// Days absent in the year that do not count as work (maternity and training count).
    pub absent_days: u32,
    /// Awards in force: a cancelled one, or one an amendment dropped, is not a fact.
    pub awards: Vec<AwardFact>,
    pub innovations: Vec<InnovationFact>,
    /// Titles proposed for the same year alongside (a CSTĐCS nomination this year counts
    /// towards CSTĐ tỉnh's three years).
    pub proposed_this_year: Vec<String>,
}

/// Province-specific numbers (settings), with the domain spec's defaults.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct EligibilitySettings {
    /// R02: months from recruitment to the end of the period.
    pub months_since_recruitment: u32,
    /// R04: whether 40 days' absence blocks Lao động tiên tiến (dropped in 2017; some
    /// bodies keep it).
    pub absence_40_days_blocks: bool,
    /// R06: the CSTĐCS cap as a share of LĐTT holders (off by default).
    pub cstdcs_cap_percent: Option<f64>,
    /// R07: the CSTĐ tỉnh cap as a share of CSTĐCS holders (off by default).
    pub cstd_tinh_cap_percent: Option<f64>,
    /// R17: years that must pass before the same form again, by code (none by default).
    pub intervals: BTreeMap<String, i32>,
}

impl Default for EligibilitySettings {
    fn default() -> Self {
        EligibilitySettings {
            months_since_recruitment: 6,
            absence_40_days_blocks: false,
            cstdcs_cap_percent: None,
            cstd_tinh_cap_percent: None,
            intervals: BTreeMap::new(),
        }
    }
}

impl EligibilitySettings {
    /// What is wrong with the numbers, in Vietnamese; `catalogue` gives the codes and
    /// names of the titles and forms an interval may name.
    pub fn problems(&self, catalogue: &[(&str, &str)]) -> Vec<String> {
        let mut v = Vec::new();
        if self.months_since_recruitment > 24 {
            v.push(format!(
                "Số tháng công tác tối thiểu ({}) phải từ 0 đến 24.",
                self.months_since_recruitment
            ));
        }
        for (cap, what) in [
            (self.cstdcs_cap_percent, "Chiến sĩ thi đua cơ sở"),
            (self.cstd_tinh_cap_percent, "Chiến sĩ thi đua cấp tỉnh"),
        ] {
            if let Some(c) = cap
                && !(c > 0.0 && c <= 100.0)
            {
                v.push(format!(
                    "Tỷ lệ tối đa {what} ({}) phải lớn hơn 0 và không quá 100%.",
                    crate::domain::plan::format_percent(c)
                ));
            }
        }
        for (code, years) in &self.intervals {
            match catalogue.iter().find(|(c, _)| c == code) {
                None => v.push(format!(
                    "Khoảng cách giữa hai lần khen ghi cho mã «{code}» không có trong danh mục; hãy bỏ dòng này."
                )),
                Some((_, name)) if !(1..=20).contains(years) => v.push(format!(
                    "Khoảng cách giữa hai lần khen «{name}» ({years} năm) phải từ 1 đến 20 năm."
                )),
                Some(_) => {}
            }
        }
        v
    }
}

impl Facts {
    /// A fresh set for a person.
    pub fn person(year: i32) -> Self {
        Facts {
            year,
            subject: SubjectFacts::Person {
                female: false,
                leader: false,
                recruited_on: None,
            },
            ratings: BTreeMap::new(),
            registrations: Vec::new(),
            disciplines: Vec::new(),
            reviews: Vec::new(),
            absent_days: 0,
            awards: Vec::new(),
            innovations: Vec::new(),
            proposed_this_year: Vec::new(),
        }
    }

    /// Whether the subject holds `code` for `year` (awarded, or proposed this year).
    pub fn holds(&self, code: &str, year: i32) -> bool {
        self.awards.iter().any(|a| a.year == year && a.code == code)
            || (year == self.year && self.proposed_this_year.iter().any(|c| c == code))
    }

    pub fn rating(&self, year: i32) -> Option<Rating> {
        self.ratings.get(&year).copied()
    }
}

/// "2024, 2025, 2026".
pub fn years_text(years: &[i32]) -> String {
    years
        .iter()
        .map(|y| y.to_string())
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_higher;
