//! The higher forms for collectives: the province's Cờ thi đua (R18), its Bằng khen (R19),
//! the Prime Minister's Bằng khen (R20) and the Huân chương Lao động hạng Ba (R21).
//!
//! The domain spec (§1) gives no verified criteria for collectives at these levels: the
//! province's Quy chế sets the Cờ thi đua's, and the others follow the individual rules'
//! shape (a lower award first, then years of "hoàn thành xuất sắc nhiệm vụ"). So a rule
//! that is not met warns, and the clerk decides with a recorded reason; only what every
//! reading requires (the unit rated HTXSNV for the year of the Cờ thi đua) blocks.

use super::rules::{outcome, run_ending};
use super::{Facts, RuleOutcome, SubjectFacts, Verdict, years_text};
use crate::domain::model::Rating;

fn excellent(f: &Facts, year: i32) -> bool {
    f.rating(year) == Some(Rating::Excellent)
}

fn collective_only(f: &Facts, rule: &'static str, article: &'static str) -> Option<RuleOutcome> {
    matches!(f.subject, SubjectFacts::Person { .. })
        .then(|| outcome(rule, article, Verdict::Block, "Hình thức dành cho tập thể"))
}

/// The years in `years` in which the subject holds one of `codes`.
fn held_in(f: &Facts, codes: &[&str], years: &[i32]) -> Vec<i32> {
    years
        .iter()
        .copied()
        .filter(|y| codes.iter().any(|c| f.holds(c, *y)))
        .collect()
}

/// R18: the province's Cờ thi đua (Luật Đ.26): the unit rated HTXSNV for the year (blocks);
/// the province's own criteria (leading its khối thi đua …) are the clerk's to confirm.
pub fn r18_co_thi_dua(f: &Facts) -> RuleOutcome {
    const A: &str = "Luật TĐKT 2022 Đ.26; tiêu chí cụ thể theo Quy chế TĐKT của tỉnh";
    if let Some(o) = collective_only(f, "R18", A) {
        return o;
    }
    if !excellent(f, f.year) {
        return outcome(
            "R18",
            A,
            Verdict::Block,
            format!("Tập thể chưa hoàn thành xuất sắc nhiệm vụ năm {}", f.year),
        );
    }
    let ttldxs = if f.holds("TTLDXS", f.year) {
        format!("Tập thể lao động xuất sắc năm {}", f.year)
    } else {
        format!("chưa có Tập thể lao động xuất sắc năm {}", f.year)
    };
    outcome(
        "R18",
        A,
        Verdict::Warn,
        format!(
            "Hoàn thành xuất sắc nhiệm vụ năm {}; {ttldxs}; cần đối chiếu tiêu chí của tỉnh (dẫn đầu khối, cụm thi đua)",
            f.year
        ),
    )
}

/// R19: the province's Bằng khen for a collective (Luật Đ.74): HTXSNV in y-1 and y.
pub fn r19_bk_tinh_collective(f: &Facts) -> RuleOutcome {
    const A: &str = "Luật TĐKT 2022 Đ.74 (tiêu chí cho tập thể: chưa xác minh)";
    if let Some(o) = collective_only(f, "R19", A) {
        return o;
    }
    let years = [f.year - 1, f.year];
    let missing: Vec<i32> = years.into_iter().filter(|y| !excellent(f, *y)).collect();
    if missing.is_empty() {
        outcome(
            "R19",
            A,
            Verdict::Pass,
            format!(
                "Tập thể hoàn thành xuất sắc nhiệm vụ {}: 2 năm liên tục",
                years_text(&years)
            ),
        )
    } else {
        outcome(
            "R19",
            A,
            Verdict::Warn,
            format!(
                "Tập thể chưa hoàn thành xuất sắc nhiệm vụ năm {} (cần 2 năm liên tục {})",
                years_text(&missing),
                years_text(&years)
            ),
        )
    }
}

/// R20 and R21 share a shape: a prerequisite award, then ≥5 consecutive years HTXSNV,
/// with a Cờ thi đua or two Bằng khen of the province in them.
fn after_award(
    f: &Facts,
    rule: &'static str,
    article: &'static str,
    prerequisite: (&str, &str),
) -> RuleOutcome {
    if let Some(o) = collective_only(f, rule, article) {
        return o;
    }
    let (code, name) = prerequisite;
    let mut since: Vec<i32> = f
        .awards
        .iter()
        .filter(|a| a.code == code)
        .map(|a| a.year)
        .collect();
    since.sort_unstable_by(|a, b| b.cmp(a));
    // The latest prerequisite that opens a window meeting the rule, else the latest one.
    let judged: Vec<(bool, String)> = since.iter().map(|y| window_after(f, *y, name)).collect();
    match judged.iter().find(|(ok, _)| *ok).or(judged.first()) {
        None => outcome(rule, article, Verdict::Warn, format!("Chưa có {name}")),
        Some((ok, text)) => outcome(
            rule,
            article,
            if *ok { Verdict::Pass } else { Verdict::Warn },
            text.clone(),
        ),
    }
}

/// The years HTXSNV after the prerequisite of `since`, and whether they meet the rule.
fn window_after(f: &Facts, since: i32, name: &str) -> (bool, String) {
    let run = run_ending(f.year, |y| y > since && excellent(f, y));
    let flags = held_in(f, &["CO_TINH", "CO_CP"], &run);
    let commendations = held_in(f, &["BK_TINH_TT"], &run);
    let ok = run.len() >= 5 && (!flags.is_empty() || commendations.len() >= 2);
    let listed = |years: &[i32]| {
        if years.is_empty() {
            "chưa có".to_owned()
        } else {
            years_text(years)
        }
    };
    let text = format!(
        "{name} năm {since}; sau đó {} năm liên tục hoàn thành xuất sắc nhiệm vụ (cần 5); Cờ thi đua: {}; Bằng khen của tỉnh: {} (cần 1 Cờ thi đua hoặc 2 Bằng khen)",
        run.len(),
        listed(&flags),
        listed(&commendations)
    );
    (ok, text)
}

/// R20: the Prime Minister's Bằng khen for a collective (Luật Đ.73): the province's Bằng
/// khen, then ≥5 consecutive years HTXSNV with a Cờ thi đua or two Bằng khen in them.
pub fn r20_bk_ttg_collective(f: &Facts) -> RuleOutcome {
    const A: &str = "Luật TĐKT 2022 Đ.73 (tiêu chí cho tập thể: chưa xác minh)";
    after_award(f, "R20", A, ("BK_TINH_TT", "Bằng khen của tỉnh"))
}

/// R21: the Huân chương Lao động hạng Ba for a collective (Luật Đ.44): the Prime
/// Minister's Bằng khen, then ≥5 consecutive years HTXSNV with a Cờ thi đua or two Bằng
/// khen in them.
pub fn r21_hcld3_collective(f: &Facts) -> RuleOutcome {
    const A: &str = "Luật TĐKT 2022 Đ.44 (tiêu chí cho tập thể: chưa xác minh)";
    after_award(
        f,
        "R21",
        A,
        ("BK_TTG_TT", "Bằng khen của Thủ tướng Chính phủ"),
    )
}
