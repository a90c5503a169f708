//! The innovation council's scoring sheet: weighted criteria the clerk configures, each
//! member's scores, members who are recused (an author, or from the author's unit) not
//! counted, the average against the pass mark, and the level the council proposes.

use serde::{Deserialize, Serialize};

use super::innovation::InnovationLevel;
use super::plan::format_percent;

/// One criterion: its name, weight, and the most points a member may give.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Criterion {
    pub name: String,
    pub weight: f64,
    pub max_points: f64,
}

/// The sheet (settings): criteria, the pass mark and the mark from which the council
/// proposes recognition at the province.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ScoringSheet {
    pub criteria: Vec<Criterion>,
    /// Weighted total (0–100) needed to pass.
    pub pass_mark: f64,
    /// Weighted total from which the council proposes the provincial level.
    pub province_mark: f64,
}

impl Default for ScoringSheet {
    /// Tính mới, khả năng áp dụng, hiệu quả; each scored out of 100 and weighted
    /// 40 / 30 / 30; pass at 50, propose to the province from 85 (a setting; the Sở's sheet
    /// is local, domain spec §6).
    fn default() -> Self {
        let c = |name: &str, weight| Criterion {
            name: name.into(),
            weight,
            max_points: 100.0,
        };
        ScoringSheet {
            criteria: vec![
                c("Tính mới", 0.4),
                c("Khả năng áp dụng", 0.3),
                c("Hiệu quả", 0.3),
            ],
            pass_mark: 50.0,
            province_mark: 85.0,
        }
    }
}

/// One member's scores on one innovation, in the order of the criteria.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MemberScores {
    pub member: String,
    pub scores: Vec<f64>,
    /// An author or from the author's unit: the scores do not count.
    pub recused: bool,
}

/// What the sheet says about one innovation.
#[derive(Debug, Clone, PartialEq)]
pub struct ScoreResult {
    /// (member, weighted total 0–100, counted)
    pub totals: Vec<(String, f64, bool)>,
    pub average: Option<f64>,
    pub passes: bool,
    pub proposed: Option<InnovationLevel>,
}

impl ScoreResult {
    /// "Điểm trung bình 78,5 (4 thành viên, 1 không tính): đạt — đề nghị công nhận cấp cơ sở".
    pub fn text(&self) -> String {
        let counted = self.totals.iter().filter(|t| t.2).count();
        let recused = self.totals.len() - counted;
        let Some(avg) = self.average else {
            return "Chưa có điểm của thành viên nào được tính.".into();
        };
        let avg = format_percent(avg).trim_end_matches('%').to_owned();
        let level = match self.proposed {
            Some(l) => format!(" — đề nghị công nhận {}", l.label().to_lowercase()),
            None => String::new(),
        };
        format!(
            "Điểm trung bình {avg} ({counted} thành viên{}): {}{level}",
            if recused > 0 {
                format!(", {recused} không tính")
            } else {
                String::new()
            },
            if self.passes {
                "đạt"
            } else {
                "không đạt"
            }
        )
    }
}

impl ScoringSheet {
    /// Why the sheet cannot be used, or None.
    pub fn problem(&self) -> Option<String> {
        if self.criteria.is_empty() {
            return Some("Phiếu chấm cần ít nhất một tiêu chí.".into());
        }
        if self
            .criteria
            .iter()
            .any(|c| c.name.trim().is_empty() || c.weight <= 0.0 || c.max_points <= 0.0)
        {
            return Some("Mỗi tiêu chí cần tên, trọng số và điểm tối đa lớn hơn 0.".into());
        }
        if !(0.0..=100.0).contains(&self.pass_mark) || !(0.0..=100.0).contains(&self.province_mark)
        {
            return Some("Điểm đạt và điểm đề nghị cấp tỉnh phải từ 0 đến 100.".into());
        }
        if self.province_mark < self.pass_mark {
            return Some("Điểm đề nghị cấp tỉnh không được thấp hơn điểm đạt.".into());
        }
        None
    }

    /// Check one member's scores against the sheet.
    pub fn check(&self, m: &MemberScores) -> Result<(), String> {
        if m.scores.len() != self.criteria.len() {
            return Err(format!(
                "Điểm của {} có {} tiêu chí, phiếu chấm có {}.",
                m.member,
                m.scores.len(),
                self.criteria.len()
            ));
        }
        for (s, c) in m.scores.iter().zip(&self.criteria) {
            if !(0.0..=c.max_points).contains(s) {
                return Err(format!(
                    "{}: điểm «{}» là {s}, phải từ 0 đến {}.",
                    m.member, c.name, c.max_points
                ));
            }
        }
        Ok(())
    }

    /// A member's weighted total on a 0–100 scale.
    pub fn total(&self, scores: &[f64]) -> f64 {
        let weights: f64 = self.criteria.iter().map(|c| c.weight).sum();
        if weights <= 0.0 {
            return 0.0;
        }
        self.criteria
            .iter()
            .zip(scores)
            .map(|(c, s)| c.weight * s * 100.0 / c.max_points)
            .sum::<f64>()
            / weights
    }

    /// Score an innovation: every member's total, the average of those who count.
    pub fn score(&self, members: &[MemberScores]) -> Result<ScoreResult, String> {
        for m in members {
            self.check(m)?;
        }
        let totals: Vec<(String, f64, bool)> = members
            .iter()
            .map(|m| (m.member.clone(), self.total(&m.scores), !m.recused))
            .collect();
        let counted: Vec<f64> = totals.iter().filter(|t| t.2).map(|t| t.1).collect();
        let average =
            (!counted.is_empty()).then(|| counted.iter().sum::<f64>() / counted.len() as f64);
        let passes = average.is_some_and(|a| a + 1e-9 >= self.pass_mark);
        let proposed = average.filter(|_| passes).map(|a| {
            if a + 1e-9 >= self.province_mark {
                InnovationLevel::Province
            } else {
                InnovationLevel::Grassroots
            }
        });
        Ok(ScoreResult {
            totals,
            average,
            passes,
            proposed,
        })
    }
}
