//! The rules on collectives and the general ones: R12, R13 (members' counts), R14 (one
//! achievement, one award), R15
//! (priority), R16 (dissolved units), R17 (interval between two awards).

use chrono::Datelike;

use super::rules::{date, outcome};
use super::{EligibilitySettings, Facts, RuleOutcome, SubjectFacts, Verdict};
use crate::domain::model::{DisciplineForm, Rating};

fn members(f: &Facts) -> Option<super::MemberCounts> {
    match &f.subject {
        SubjectFacts::Unit { members, .. } => Some(*members),
        SubjectFacts::Person { .. } => None,
    }
}

fn pct(n: u32, d: u32) -> f64 {
    if d == 0 {
        0.0
    } else {
        n as f64 * 100.0 / d as f64
    }
}

/// R12: Tập thể lao động xuất sắc: every member completes their duties, ≥70% LĐTT, ≥1
/// CSTĐCS, the unit rated HTXSNV (Luật Đ.27).
pub fn r12_ttldxs(f: &Facts) -> RuleOutcome {
    const A: &str = "Luật TĐKT 2022 Đ.27";
    let Some(m) = members(f) else {
        return outcome("R12", A, Verdict::Block, "Danh hiệu dành cho tập thể");
    };
    let fmt = crate::domain::plan::format_percent;
    let mut faults = Vec::new();
    if m.completed < m.total {
        faults.push(format!(
            "{}/{} thành viên hoàn thành nhiệm vụ (cần 100%)",
            m.completed, m.total
        ));
    }
    if pct(m.ldtt, m.total) + 1e-9 < 70.0 {
        faults.push(format!(
            "Lao động tiên tiến {}/{} ({}; cần từ 70%)",
            m.ldtt,
            m.total,
            fmt(pct(m.ldtt, m.total))
        ));
    }
    if m.cstdcs < 1 {
        faults.push("chưa có Chiến sĩ thi đua cơ sở".into());
    }
    if f.rating(f.year) != Some(Rating::Excellent) {
        faults.push(format!(
            "tập thể chưa hoàn thành xuất sắc nhiệm vụ năm {}",
            f.year
        ));
    }
    if faults.is_empty() {
        outcome(
            "R12",
            A,
            Verdict::Pass,
            format!(
                "100% hoàn thành nhiệm vụ; Lao động tiên tiến {}/{} ({}); {} Chiến sĩ thi đua cơ sở",
                m.ldtt,
                m.total,
                fmt(pct(m.ldtt, m.total)),
                m.cstdcs
            ),
        )
    } else {
        outcome("R12", A, Verdict::Block, faults.join("; "))
    }
}

/// R13: Tập thể lao động tiên tiến: more than half the members LĐTT, none disciplined at
/// cảnh cáo or above (2003 wording).
pub fn r13_ttldtt(f: &Facts) -> RuleOutcome {
    const A: &str = "Luật TĐKT 2022 Đ.28; NĐ 121/2005 (cách tính cũ)";
    let Some(m) = members(f) else {
        return outcome("R13", A, Verdict::Block, "Danh hiệu dành cho tập thể");
    };
    let share = pct(m.ldtt, m.total);
    let fmt = crate::domain::plan::format_percent;
    let mut faults = Vec::new();
    if share <= 50.0 {
        faults.push(format!(
            "Lao động tiên tiến {}/{} ({}; cần trên 50%)",
            m.ldtt,
            m.total,
            fmt(share)
        ));
    }
    if m.disciplined_warning_or_above > 0 {
        faults.push(format!(
            "{} thành viên bị kỷ luật từ cảnh cáo trở lên",
            m.disciplined_warning_or_above
        ));
    }
    if faults.is_empty() {
        outcome(
            "R13",
            A,
            Verdict::Pass,
            format!(
                "Lao động tiên tiến {}/{} ({}); không có thành viên bị kỷ luật từ cảnh cáo",
                m.ldtt,
                m.total,
                fmt(share)
            ),
        )
    } else {
        outcome("R13", A, Verdict::Block, faults.join("; "))
    }
}

/// R14: one achievement, one award: the same title or form in the same year again, or an
/// innovation already used for another title, is refused.
pub fn r14_once(f: &Facts, code: &str) -> RuleOutcome {
    const A: &str = "ND 98/2023 Đ.4";
    if let Some(a) = f.awards.iter().find(|a| a.year == f.year && a.code == code) {
        return outcome(
            "R14",
            A,
            Verdict::Block,
            format!("Đã được khen {code} năm {} ({})", a.year, a.decision),
        );
    }
    outcome(
        "R14",
        A,
        Verdict::Pass,
        format!("Chưa được khen hình thức này cho thành tích năm {}", f.year),
    )
}

/// R15: tie-breaks: women, or collectives with ≥70% women, first (information).
pub fn r15_priority(f: &Facts) -> RuleOutcome {
    const A: &str = "ND 98/2023 Đ.4";
    let text = match &f.subject {
        SubjectFacts::Person {
            female: true,
            leader: true,
            ..
        } => "Nữ lãnh đạo: được ưu tiên; thời gian giữ chức vụ yêu cầu giảm 1/3".to_owned(),
        SubjectFacts::Person { female: true, .. } => {
            "Nữ: được ưu tiên khi có nhiều người cùng tiêu chuẩn".into()
        }
        SubjectFacts::Unit { members, .. } if pct(members.women, members.total) >= 70.0 => {
            "Tập thể có từ 70% là nữ: được ưu tiên".into()
        }
        _ => "Không thuộc diện ưu tiên".into(),
    };
    outcome("R15", A, Verdict::Info, text)
}

/// R16: units dissolved in the reorganisation are not rewarded (TT 15/2025).
pub fn r16_dissolved(f: &Facts) -> RuleOutcome {
    const A: &str = "TT 15/2025";
    match &f.subject {
        SubjectFacts::Unit {
            dissolved_on: Some(d),
            ..
        } if d.year() <= f.year => outcome(
            "R16",
            A,
            Verdict::Block,
            format!("Đơn vị đã giải thể ngày {}", date(*d)),
        ),
        _ => outcome("R16", A, Verdict::Pass, "Đơn vị đang hoạt động"),
    }
}

/// R17: the interval before the same form again (setting; none by default).
pub fn r17_interval(f: &Facts, code: &str, s: &EligibilitySettings) -> RuleOutcome {
    const A: &str = "TT 08/2017 (chưa xác minh quy định hiện hành)";
    let Some(years) = s.intervals.get(code) else {
        return outcome(
            "R17",
            A,
            Verdict::Info,
            "Không quy định khoảng cách giữa hai lần khen",
        );
    };
    match f
        .awards
        .iter()
        .filter(|a| a.code == code)
        .map(|a| a.year)
        .max()
    {
        Some(last) if f.year - last < *years => outcome(
            "R17",
            A,
            Verdict::Warn,
            format!("Lần khen trước năm {last}; chưa đủ {years} năm"),
        ),
        Some(last) => outcome(
            "R17",
            A,
            Verdict::Pass,
            format!("Lần khen trước năm {last}"),
        ),
        None => outcome("R17", A, Verdict::Pass, "Chưa được khen hình thức này"),
    }
}

/// Discipline at cảnh cáo or above (R13 counts these).
pub fn is_warning_or_above(form: DisciplineForm) -> bool {
    form != DisciplineForm::Reprimand
}
