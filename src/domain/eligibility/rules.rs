//! Rules R01–R17 (domain spec §2), and the registration every title needs. Each reads
//! only the facts and says in its reason what it read.

use chrono::{Months, NaiveDate};

use super::{EligibilitySettings, Facts, RuleOutcome, SubjectFacts, Verdict, years_text};
use crate::domain::innovation::InnovationLevel;
use crate::domain::model::Rating;
use crate::domain::registration::{covers, registration_needed};

pub(super) fn outcome(
    rule: &'static str,
    article: &'static str,
    verdict: Verdict,
    reason: impl Into<String>,
) -> RuleOutcome {
    RuleOutcome {
        rule,
        article,
        verdict,
        reason: reason.into(),
    }
}

pub(super) fn date(d: NaiveDate) -> String {
    d.format("%d/%m/%Y").to_string()
}

fn good(r: Option<Rating>) -> bool {
    matches!(r, Some(Rating::Excellent | Rating::Good))
}

fn year_end(year: i32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, 12, 31).unwrap_or(NaiveDate::MAX)
}

fn year_start(year: i32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, 1, 1).unwrap_or(NaiveDate::MIN)
}

/// No registration, no title (Luật TĐKT 2022: thi đua thường xuyên through registration).
pub fn r00_registered(f: &Facts, code: &str) -> RuleOutcome {
    const A: &str = "Luật TĐKT 2022 Đ.16; đăng ký thi đua";
    let Some(needed) = registration_needed(code) else {
        return outcome(
            "R00",
            A,
            Verdict::Pass,
            "Hình thức khen thưởng không cần đăng ký thi đua",
        );
    };
    let found = f
        .registrations
        .iter()
        .find(|(y, c)| *y == f.year && covers(c, needed));
    match found {
        Some((y, c)) => outcome(
            "R00",
            A,
            Verdict::Pass,
            format!("Đã đăng ký thi đua năm {y} ({c})"),
        ),
        None => outcome(
            "R00",
            A,
            Verdict::Block,
            format!("Chưa đăng ký thi đua năm {}", f.year),
        ),
    }
}

/// R01: Lao động tiên tiến needs a rating of HTTNV or better for the year (TT 15/2025).
pub fn r01_rating_for_ldtt(f: &Facts) -> RuleOutcome {
    const A: &str = "Luật TĐKT 2022 Đ.24; TT 15/2025";
    match f.rating(f.year) {
        Some(r) if good(Some(r)) => outcome(
            "R01",
            A,
            Verdict::Pass,
            format!("Xếp loại năm {}: {}", f.year, r.label()),
        ),
        Some(r) => outcome(
            "R01",
            A,
            Verdict::Block,
            format!(
                "Xếp loại năm {}: {} (cần hoàn thành tốt nhiệm vụ trở lên)",
                f.year,
                r.label()
            ),
        ),
        None => outcome(
            "R01",
            A,
            Verdict::Block,
            format!("Chưa có xếp loại năm {}", f.year),
        ),
    }
}

/// R02: not recruited less than N months (setting, 6) before the end of the period.
pub fn r02_recruitment(f: &Facts, s: &EligibilitySettings) -> RuleOutcome {
    const A: &str = "TT 15/2025 (trước đây TT 01/2024)";
    let SubjectFacts::Person { recruited_on, .. } = &f.subject else {
        return outcome("R02", A, Verdict::Pass, "Không áp dụng cho tập thể");
    };
    let Some(recruited) = recruited_on else {
        return outcome(
            "R02",
            A,
            Verdict::Warn,
            "Chưa có ngày tuyển dụng để kiểm tra thời gian công tác",
        );
    };
    let end = year_end(f.year);
    let enough = recruited
        .checked_add_months(Months::new(s.months_since_recruitment))
        .is_some_and(|d| d <= end + chrono::Duration::days(1));
    let text = format!(
        "Tuyển dụng ngày {}: {} {} tháng đến {}",
        date(*recruited),
        if enough { "đủ" } else { "chưa đủ" },
        s.months_since_recruitment,
        date(end)
    );
    outcome(
        "R02",
        A,
        if enough {
            Verdict::Pass
        } else {
            Verdict::Block
        },
        text,
    )
}

/// R03: no award while under review for discipline, investigation or a complaint; after
/// discipline, achievements count only from the end date (ND 98 Đ.4).
pub fn r03_discipline_and_review(f: &Facts) -> RuleOutcome {
    r03_over_years(f, 1)
}

/// R03 for a title whose achievements cover `years` years ending at the nomination (3 for
/// CSTĐ tỉnh, 5 for the Prime Minister's Bằng khen …): a discipline in any of them cuts
/// the period short.
pub fn r03_over_years(f: &Facts, years: i32) -> RuleOutcome {
    const A: &str = "ND 98/2023 Đ.4 (ND 152/2025)";
    let (start, end) = (year_start(f.year), year_end(f.year));
    let period_start = year_start(f.year - years.max(1) + 1);
    if let Some(r) = f
        .reviews
        .iter()
        .find(|r| r.from <= end && r.to.is_none_or(|t| t >= start))
    {
        let until = r.to.map_or("nay".to_owned(), date);
        return outcome(
            "R03",
            A,
            Verdict::Block,
            format!(
                "Đang bị xem xét ({}) từ {} đến {until}",
                r.reason,
                date(r.from)
            ),
        );
    }
    if let Some(d) = f
        .disciplines
        .iter()
        .find(|d| d.from <= end && d.to.is_none_or(|t| t >= period_start))
    {
        let text = match d.to {
            Some(t) if t < end => format!(
                "Kỷ luật {} từ {} đến {}: thành tích chỉ được tính từ ngày {}, chưa đủ {}",
                d.form.label().to_lowercase(),
                date(d.from),
                date(t),
                date(t),
                if years <= 1 {
                    format!("cả năm {}", f.year)
                } else {
                    format!("{years} năm {}–{}", f.year - years + 1, f.year)
                }
            ),
            _ => format!(
                "Đang chịu kỷ luật {} từ {}",
                d.form.label().to_lowercase(),
                date(d.from)
            ),
        };
        return outcome("R03", A, Verdict::Block, text);
    }
    outcome(
        "R03",
        A,
        Verdict::Pass,
        format!("Không bị kỷ luật, không bị xem xét trong năm {}", f.year),
    )
}

/// R04: time that counts as work; 40 days' absence blocks LĐTT only where the setting says.
pub fn r04_absence(f: &Facts, s: &EligibilitySettings) -> RuleOutcome {
    const A: &str = "TT 15/2025; ND 91/2017 (đã bỏ)";
    if f.absent_days >= 40 {
        let text = format!(
            "Nghỉ {} ngày làm việc trong năm (không kể thai sản, đi học)",
            f.absent_days
        );
        return outcome(
            "R04",
            A,
            if s.absence_40_days_blocks {
                Verdict::Block
            } else {
                Verdict::Warn
            },
            text,
        );
    }
    outcome(
        "R04",
        A,
        Verdict::Info,
        "Thời gian nghỉ thai sản, đi học, điều trị vết thương được tính là thời gian công tác",
    )
}

fn innovations_in(
    f: &Facts,
    level: InnovationLevel,
    from: i32,
    to: i32,
) -> Vec<&super::InnovationFact> {
    f.innovations
        .iter()
        .filter(|i| i.level.rank() >= level.rank() && i.year >= from && i.year <= to)
        .collect()
}

/// R05: CSTĐCS = LĐTT ∧ (HTXSNV ∨ a recognised grassroots innovation ∨ an accepted
/// research topic) in the year (Luật Đ.23).
pub fn r05_cstdcs(f: &Facts) -> RuleOutcome {
    const A: &str = "Luật TĐKT 2022 Đ.23";
    if !good(f.rating(f.year)) {
        return outcome(
            "R05",
            A,
            Verdict::Block,
            format!(
                "Năm {} chưa đạt điều kiện Lao động tiên tiến (xếp loại)",
                f.year
            ),
        );
    }
    if f.rating(f.year) == Some(Rating::Excellent) {
        return outcome(
            "R05",
            A,
            Verdict::Pass,
            format!("Hoàn thành xuất sắc nhiệm vụ năm {}", f.year),
        );
    }
    if let Some(i) = innovations_in(f, InnovationLevel::Grassroots, f.year, f.year).first() {
        let what = if i.research {
            "Đề tài"
        } else {
            "Sáng kiến"
        };
        return outcome(
            "R05",
            A,
            Verdict::Pass,
            format!(
                "{what} «{}» được công nhận {} năm {}",
                i.name,
                i.level.label().to_lowercase(),
                i.year
            ),
        );
    }
    outcome(
        "R05",
        A,
        Verdict::Block,
        format!(
            "Năm {} không hoàn thành xuất sắc nhiệm vụ và không có sáng kiến, đề tài được công nhận",
            f.year
        ),
    )
}

/// R07: CSTĐ tỉnh = CSTĐCS in y-2, y-1 and y, and a recognised provincial innovation.
pub fn r07_cstd_tinh(f: &Facts) -> RuleOutcome {
    const A: &str = "Luật TĐKT 2022 Đ.22";
    let years: Vec<i32> = (f.year - 2..=f.year).collect();
    let missing: Vec<i32> = years
        .iter()
        .copied()
        .filter(|y| !f.holds("CSTDCS", *y))
        .collect();
    if !missing.is_empty() {
        return outcome(
            "R07",
            A,
            Verdict::Block,
            format!(
                "Thiếu Chiến sĩ thi đua cơ sở năm {} (cần {} liên tục)",
                years_text(&missing),
                years_text(&years)
            ),
        );
    }
    match innovations_in(f, InnovationLevel::Province, f.year - 2, f.year).first() {
        Some(i) => outcome(
            "R07",
            A,
            Verdict::Pass,
            format!(
                "Chiến sĩ thi đua cơ sở {}: đủ 3 năm liên tục; sáng kiến «{}» được công nhận cấp tỉnh năm {}",
                years_text(&years),
                i.name,
                i.year
            ),
        ),
        None => outcome(
            "R07",
            A,
            Verdict::Block,
            format!(
                "Chiến sĩ thi đua cơ sở {}: đủ 3 năm liên tục, nhưng chưa có sáng kiến, đề tài được công nhận cấp tỉnh",
                years_text(&years)
            ),
        ),
    }
}

/// The years, ending at `last`, of the longest run of consecutive years that satisfy `ok`.
pub(super) fn run_ending(last: i32, ok: impl Fn(i32) -> bool) -> Vec<i32> {
    let mut years = Vec::new();
    let mut y = last;
    while ok(y) && years.len() < 50 {
        years.push(y);
        y -= 1;
    }
    years.reverse();
    years
}

/// R08: CSTĐ toàn quốc = two consecutive CSTĐ tỉnh and a nationally recognised innovation.
pub fn r08_cstd_tq(f: &Facts) -> RuleOutcome {
    const A: &str = "Luật TĐKT 2022 Đ.21";
    let best = (f.year - 6..=f.year)
        .map(|y| run_ending(y, |x| f.holds("CSTD_TINH", x)))
        .max_by_key(|r| r.len())
        .unwrap_or_default();
    if best.len() < 2 {
        return outcome(
            "R08",
            A,
            Verdict::Block,
            "Chưa có 2 lần liên tục Chiến sĩ thi đua cấp tỉnh",
        );
    }
    match innovations_in(f, InnovationLevel::National, f.year - 6, f.year).first() {
        Some(i) => outcome(
            "R08",
            A,
            Verdict::Pass,
            format!(
                "Chiến sĩ thi đua cấp tỉnh {}; sáng kiến «{}» có phạm vi toàn quốc",
                years_text(&best),
                i.name
            ),
        ),
        None => outcome(
            "R08",
            A,
            Verdict::Block,
            format!(
                "Chiến sĩ thi đua cấp tỉnh {}, nhưng chưa có sáng kiến phạm vi toàn quốc",
                years_text(&best)
            ),
        ),
    }
}

/// R09: Bằng khen of the province (d): CSTĐCS in y-1 and y, or HTXSNV for two years with
/// two grassroots innovations not already used for a title.
pub fn r09_bk_tinh(f: &Facts) -> RuleOutcome {
    const A: &str = "Luật TĐKT 2022 Đ.74(d)";
    let y = f.year;
    if f.holds("CSTDCS", y - 1) && f.holds("CSTDCS", y) {
        return outcome(
            "R09",
            A,
            Verdict::Pass,
            format!("Chiến sĩ thi đua cơ sở {}, {}: 2 năm liên tục", y - 1, y),
        );
    }
    let excellent =
        f.rating(y - 1) == Some(Rating::Excellent) && f.rating(y) == Some(Rating::Excellent);
    let unused: Vec<_> = innovations_in(f, InnovationLevel::Grassroots, y - 1, y)
        .into_iter()
        .filter(|i| i.used_for.is_none())
        .collect();
    let used = innovations_in(f, InnovationLevel::Grassroots, y - 1, y).len() - unused.len();
    if excellent && unused.len() >= 2 {
        return outcome(
            "R09",
            A,
            Verdict::Pass,
            format!(
                "Hoàn thành xuất sắc nhiệm vụ {}, {} và {} sáng kiến cấp cơ sở chưa dùng cho danh hiệu khác",
                y - 1,
                y,
                unused.len()
            ),
        );
    }
    let mut text = format!(
        "Chưa đủ: không có Chiến sĩ thi đua cơ sở {} và {}",
        y - 1,
        y
    );
    if excellent {
        text = format!(
            "Hoàn thành xuất sắc nhiệm vụ {}, {} nhưng chỉ có {} sáng kiến cấp cơ sở chưa dùng (cần 2)",
            y - 1,
            y,
            unused.len()
        );
        if used > 0 {
            text.push_str(&format!("; {used} sáng kiến đã dùng cho danh hiệu khác"));
        }
    }
    outcome("R09", A, Verdict::Block, text)
}

fn cstdcs_in(f: &Facts, years: &[i32]) -> Vec<i32> {
    years
        .iter()
        .copied()
        .filter(|y| f.holds("CSTDCS", *y))
        .collect()
}

/// R10: Bằng khen of the Prime Minister (b): a BK of the province or ministry, then ≥5
/// consecutive years HTTNV or better ending at the nomination, with ≥3 CSTĐCS in them.
pub fn r10_bk_ttg(f: &Facts) -> RuleOutcome {
    const A: &str = "Luật TĐKT 2022 Đ.73(b)";
    let Some(bk) = f
        .awards
        .iter()
        .filter(|a| a.code.starts_with("BK_TINH"))
        .map(|a| a.year)
        .max()
    else {
        return outcome(
            "R10",
            A,
            Verdict::Block,
            "Chưa có Bằng khen cấp bộ, cấp tỉnh",
        );
    };
    let run: Vec<i32> = run_ending(f.year, |y| y > bk && good(f.rating(y)));
    let cstdcs = cstdcs_in(f, &run);
    if run.len() >= 5 && cstdcs.len() >= 3 {
        outcome(
            "R10",
            A,
            Verdict::Pass,
            format!(
                "Bằng khen tỉnh năm {bk}; sau đó {} năm hoàn thành tốt nhiệm vụ trở lên; Chiến sĩ thi đua cơ sở {}",
                run.len(),
                years_text(&cstdcs)
            ),
        )
    } else {
        outcome(
            "R10",
            A,
            Verdict::Block,
            format!(
                "Bằng khen tỉnh năm {bk}; sau đó {} năm liên tục hoàn thành tốt nhiệm vụ (cần 5), {} lần Chiến sĩ thi đua cơ sở (cần 3)",
                run.len(),
                cstdcs.len()
            ),
        )
    }
}

/// R11: Huân chương Lao động hạng Ba (e): a BK of the Prime Minister, then ≥5 years HTTNV
/// or better with ≥1 HTXSNV and ≥3 CSTĐCS.
pub fn r11_hcld3(f: &Facts) -> RuleOutcome {
    const A: &str = "Luật TĐKT 2022 Đ.44(e)";
    let Some(bk) = f
        .awards
        .iter()
        .filter(|a| a.code.starts_with("BK_TTG"))
        .map(|a| a.year)
        .max()
    else {
        return outcome(
            "R11",
            A,
            Verdict::Block,
            "Chưa có Bằng khen của Thủ tướng Chính phủ",
        );
    };
    let run: Vec<i32> = run_ending(f.year, |y| y > bk && good(f.rating(y)));
    let excellent = run
        .iter()
        .filter(|y| f.rating(**y) == Some(Rating::Excellent))
        .count();
    let cstdcs = cstdcs_in(f, &run);
    let ok = run.len() >= 5 && excellent >= 1 && cstdcs.len() >= 3;
    outcome(
        "R11",
        A,
        if ok { Verdict::Pass } else { Verdict::Block },
        format!(
            "Bằng khen Thủ tướng năm {bk}; sau đó {} năm hoàn thành tốt nhiệm vụ trở lên (cần 5), {excellent} năm xuất sắc (cần 1), {} lần Chiến sĩ thi đua cơ sở (cần 3)",
            run.len(),
            cstdcs.len()
        ),
    )
}

pub use super::rules_caps::{r06_cstdcs_cap, r07_cstd_tinh_cap};
pub use super::rules_collective::{
    is_warning_or_above, r12_ttldxs, r13_ttldtt, r14_once, r15_priority, r16_dissolved,
    r17_interval,
};
pub use super::rules_higher::{
    r18_co_thi_dua, r19_bk_tinh_collective, r20_bk_ttg_collective, r21_hcld3_collective,
};
