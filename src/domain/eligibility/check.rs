//! Which rules apply to which title or form, and the verdict they add up to.

use super::rules::*;
use super::{EligibilitySettings, Facts, RuleOutcome, SubjectFacts, Verdict};

/// The rules' judgements on one nomination.
#[derive(Debug, Clone, PartialEq)]
pub struct Evaluation {
    pub code: String,
    pub outcomes: Vec<RuleOutcome>,
}

impl Evaluation {
    /// A blocking rule failed: the nomination cannot go to the council.
    pub fn is_blocked(&self) -> bool {
        self.outcomes.iter().any(|o| o.verdict == Verdict::Block)
    }

    /// A rule warns: the clerk may go on with a reason.
    pub fn has_warnings(&self) -> bool {
        self.outcomes.iter().any(|o| o.verdict == Verdict::Warn)
    }

    /// "Đủ điều kiện", "Không đủ điều kiện: Chưa đăng ký thi đua năm 2026; …".
    pub fn summary(&self) -> String {
        let of = |v: Verdict| {
            self.outcomes
                .iter()
                .filter(|o| o.verdict == v)
                .map(|o| o.reason.as_str())
                .collect::<Vec<_>>()
                .join("; ")
        };
        if self.is_blocked() {
            format!("Không đủ điều kiện: {}", of(Verdict::Block))
        } else if self.has_warnings() {
            format!("Cần xem xét: {}", of(Verdict::Warn))
        } else {
            "Đủ điều kiện".into()
        }
    }
}

/// Judge a nomination for the title or form `code` on the facts.
pub fn check(code: &str, f: &Facts, s: &EligibilitySettings) -> Evaluation {
    // Discipline counts over every year the title's achievements cover.
    let r03_discipline_and_review =
        |f: &Facts| r03_over_years(f, crate::domain::achievement::years_covered(code));
    let person = matches!(f.subject, SubjectFacts::Person { .. });
    let mut v: Vec<RuleOutcome> = Vec::new();
    match code {
        "LDTT" => {
            v.push(r00_registered(f, code));
            v.push(r01_rating_for_ldtt(f));
            v.push(r02_recruitment(f, s));
            v.push(r03_discipline_and_review(f));
            v.push(r04_absence(f, s));
        }
        "CSTDCS" => {
            v.push(r00_registered(f, code));
            v.push(r01_rating_for_ldtt(f));
            v.push(r02_recruitment(f, s));
            v.push(r03_discipline_and_review(f));
            v.push(r05_cstdcs(f));
        }
        "CSTD_TINH" => {
            v.push(r00_registered(f, code));
            v.push(r03_discipline_and_review(f));
            v.push(r07_cstd_tinh(f));
        }
        "CSTD_TQ" => {
            v.push(r03_discipline_and_review(f));
            v.push(r08_cstd_tq(f));
        }
        "BK_TINH_CN" => {
            v.push(r03_discipline_and_review(f));
            v.push(r09_bk_tinh(f));
        }
        "BK_TTG_CN" => {
            v.push(r03_discipline_and_review(f));
            v.push(r10_bk_ttg(f));
        }
        "HCLD3_CN" => {
            v.push(r03_discipline_and_review(f));
            v.push(r11_hcld3(f));
        }
        "TTLDTT" => {
            v.push(r00_registered(f, code));
            v.push(r13_ttldtt(f));
            v.push(r16_dissolved(f));
        }
        "TTLDXS" => {
            v.push(r00_registered(f, code));
            v.push(r12_ttldxs(f));
            v.push(r16_dissolved(f));
        }
        "CO_TINH" => {
            v.push(r18_co_thi_dua(f));
            v.push(r16_dissolved(f));
        }
        "BK_TINH_TT" => {
            v.push(r19_bk_tinh_collective(f));
            v.push(r16_dissolved(f));
        }
        "BK_TTG_TT" => {
            v.push(r20_bk_ttg_collective(f));
            v.push(r16_dissolved(f));
        }
        "HCLD3_TT" => {
            v.push(r21_hcld3_collective(f));
            v.push(r16_dissolved(f));
        }
        _ if person => v.push(r03_discipline_and_review(f)),
        _ => v.push(r16_dissolved(f)),
    }
    v.push(r14_once(f, code));
    v.push(r17_interval(f, code, s));
    v.push(r15_priority(f));
    Evaluation {
        code: code.to_owned(),
        outcomes: v,
    }
}
