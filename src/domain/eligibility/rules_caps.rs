//! The caps on how many may be proposed (settings, off by default): R06 for Chiến sĩ thi
//! đua cơ sở against Lao động tiên tiến, R07's cap for Chiến sĩ thi đua cấp tỉnh against
//! Chiến sĩ thi đua cơ sở. Each warns when the year's proposals pass it.

use super::rules::outcome;
use super::{EligibilitySettings, RuleOutcome, Verdict};
use crate::domain::plan::format_percent;

/// `count` of `title` against `base` holders of `base_title`, under `cap` percent.
fn share_cap(
    rule: &'static str,
    article: &'static str,
    (count, title): (usize, &str),
    (base, base_title): (usize, &str),
    cap: Option<f64>,
) -> RuleOutcome {
    let Some(cap) = cap else {
        return outcome(
            rule,
            article,
            Verdict::Info,
            format!("Không giới hạn tỷ lệ {title}"),
        );
    };
    let share = if base == 0 {
        0.0
    } else {
        count as f64 * 100.0 / base as f64
    };
    let text = format!(
        "{title} {count}/{base} {base_title} ({}; giới hạn {})",
        format_percent(share),
        format_percent(cap)
    );
    let verdict = if share > cap + 1e-9 {
        Verdict::Warn
    } else {
        Verdict::Pass
    };
    outcome(rule, article, verdict, text)
}

/// R06: the CSTĐCS cap (a share of LĐTT holders; setting, off by default).
pub fn r06_cstdcs_cap(cstdcs: usize, ldtt: usize, s: &EligibilitySettings) -> RuleOutcome {
    share_cap(
        "R06",
        "ND 91/2017 (chưa xác minh với Luật 2022)",
        (cstdcs, "Chiến sĩ thi đua cơ sở"),
        (ldtt, "Lao động tiên tiến"),
        s.cstdcs_cap_percent,
    )
}

/// R07 (cap): the CSTĐ tỉnh cap (a share of CSTĐCS holders; setting, off by default; an
/// old provincial rule had 10%).
pub fn r07_cstd_tinh_cap(cstd_tinh: usize, cstdcs: usize, s: &EligibilitySettings) -> RuleOutcome {
    share_cap(
        "R07",
        "Quy chế TĐKT của tỉnh (chưa xác minh)",
        (cstd_tinh, "Chiến sĩ thi đua cấp tỉnh"),
        (cstdcs, "Chiến sĩ thi đua cơ sở"),
        s.cstd_tinh_cap_percent,
    )
}
