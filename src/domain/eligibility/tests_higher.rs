//! Cases for the higher forms of collectives (R18–R21), the CSTĐ tỉnh cap and the
//! settings' checks.

use super::rules::*;
use super::*;
use crate::domain::model::Rating::*;

fn award(year: i32, code: &str) -> AwardFact {
    AwardFact {
        year,
        code: code.into(),
        decision: format!("Quyết định số {}/QĐ-UBND", year - 2000),
    }
}

fn says(o: &RuleOutcome, text: &str) {
    assert!(o.reason.contains(text), "{}", o.reason);
}

/// A unit rated HTXSNV in every year of `excellent`.
fn unit(excellent: std::ops::RangeInclusive<i32>) -> Facts {
    let mut f = Facts::person(2026);
    f.subject = SubjectFacts::Unit {
        dissolved_on: None,
        members: MemberCounts::default(),
    };
    for y in excellent {
        f.ratings.insert(y, Excellent);
    }
    f
}

#[test]
fn r18_the_flag_needs_an_excellent_year_and_the_provinces_own_criteria() {
    let mut f = unit(2026..=2026);
    let o = r18_co_thi_dua(&f);
    assert_eq!(o.verdict, Verdict::Warn, "{}", o.reason);
    says(&o, "chưa có Tập thể lao động xuất sắc năm 2026");
    f.proposed_this_year.push("TTLDXS".into());
    assert!(
        r18_co_thi_dua(&f).reason.starts_with(
            "Hoàn thành xuất sắc nhiệm vụ năm 2026; Tập thể lao động xuất sắc năm 2026"
        )
    );
    f.ratings.insert(2026, Good);
    let o = r18_co_thi_dua(&f);
    assert_eq!(
        (o.verdict, o.reason.as_str()),
        (
            Verdict::Block,
            "Tập thể chưa hoàn thành xuất sắc nhiệm vụ năm 2026"
        )
    );
    assert_eq!(r18_co_thi_dua(&Facts::person(2026)).verdict, Verdict::Block);
}

#[test]
fn r19_two_excellent_years_in_a_row_and_a_gap_warns() {
    let f = unit(2025..=2026);
    let o = r19_bk_tinh_collective(&f);
    assert_eq!(o.verdict, Verdict::Pass);
    says(&o, "2025, 2026: 2 năm liên tục");
    let mut gap = unit(2024..=2026);
    gap.ratings.insert(2025, Good);
    let o = r19_bk_tinh_collective(&gap);
    assert_eq!(o.verdict, Verdict::Warn);
    says(&o, "năm 2025 (cần 2 năm liên tục 2025, 2026)");
}

#[test]
fn r20_five_excellent_years_after_the_provinces_bk_with_a_flag_or_two_bk() {
    let mut f = unit(2020..=2026);
    let o = r20_bk_ttg_collective(&f);
    assert_eq!(
        (o.verdict, o.reason.as_str()),
        (Verdict::Warn, "Chưa có Bằng khen của tỉnh")
    );
    f.awards = vec![award(2021, "BK_TINH_TT"), award(2024, "CO_TINH")];
    let o = r20_bk_ttg_collective(&f);
    // After the 2021 BK: 2022–2026 are five years; the 2024 flag is in them.
    assert_eq!(o.verdict, Verdict::Pass, "{}", o.reason);
    says(&o, "Bằng khen của tỉnh năm 2021; sau đó 5 năm");
    says(&o, "Cờ thi đua: 2024");
    // A year rated lower breaks the run.
    f.ratings.insert(2023, Good);
    let o = r20_bk_ttg_collective(&f);
    assert_eq!(o.verdict, Verdict::Warn);
    says(&o, "sau đó 3 năm");
    // Two provincial BKs count as a flag.
    let mut two = unit(2018..=2026);
    two.awards = vec![
        award(2019, "BK_TINH_TT"),
        award(2021, "BK_TINH_TT"),
        award(2023, "BK_TINH_TT"),
    ];
    let o = r20_bk_ttg_collective(&two);
    assert_eq!(o.verdict, Verdict::Pass, "{}", o.reason);
    says(&o, "Bằng khen của tỉnh năm 2019; sau đó 7 năm");
    says(&o, "Bằng khen của tỉnh: 2021, 2023");
}

#[test]
fn r21_the_labour_order_follows_the_prime_ministers_bk() {
    let mut f = unit(2019..=2026);
    f.awards = vec![award(2020, "BK_TINH_TT"), award(2023, "BK_TINH_TT")];
    assert_eq!(r21_hcld3_collective(&f).verdict, Verdict::Warn);
    f.awards.push(award(2021, "BK_TTG_TT"));
    f.awards.push(award(2025, "CO_TINH"));
    let o = r21_hcld3_collective(&f);
    assert_eq!(o.verdict, Verdict::Pass, "{}", o.reason);
    assert!(
        o.reason
            .starts_with("Bằng khen của Thủ tướng Chính phủ năm 2021")
    );
    assert_eq!(
        check("HCLD3_TT", &f, &EligibilitySettings::default()).summary(),
        "Đủ điều kiện"
    );
}

#[test]
fn suggestions_include_the_collectives_higher_forms() {
    let s = EligibilitySettings::default();
    let mut f = unit(2020..=2026);
    f.awards = vec![award(2021, "BK_TINH_TT"), award(2024, "CO_TINH")];
    let found: Vec<&str> = suggest(&[f, unit(2026..=2026)], &s)
        .into_iter()
        .map(|(n, code, _)| {
            assert_eq!(n, 0, "a single excellent year meets none of them");
            code
        })
        .collect();
    assert_eq!(found, vec!["BK_TINH_TT", "BK_TTG_TT"]);
}

#[test]
fn r07_the_provincial_cap_is_a_setting() {
    let s = EligibilitySettings::default();
    assert_eq!(r07_cstd_tinh_cap(5, 10, &s).verdict, Verdict::Info);
    let capped = EligibilitySettings {
        cstd_tinh_cap_percent: Some(10.0),
        ..s
    };
    assert_eq!(r07_cstd_tinh_cap(1, 10, &capped).verdict, Verdict::Pass);
    let o = r07_cstd_tinh_cap(3, 20, &capped);
    assert_eq!(
        (o.verdict, o.reason.as_str()),
        (
            Verdict::Warn,
            "Chiến sĩ thi đua cấp tỉnh 3/20 Chiến sĩ thi đua cơ sở (15%; giới hạn 10%)"
        )
    );
}

#[test]
fn settings_are_checked_before_they_are_saved() {
    let catalogue = [("BK_TINH_CN", "Bằng khen của Chủ tịch UBND tỉnh")];
    let mut s = EligibilitySettings::default();
    assert!(s.problems(&catalogue).is_empty());
    s.intervals.insert("BK_TINH_CN".into(), 0);
    s.intervals.insert("XYZ".into(), 2);
    s.cstd_tinh_cap_percent = Some(0.0);
    s.months_since_recruitment = 30;
    let p = s.problems(&catalogue);
    assert_eq!(p.len(), 4, "{p:?}");
    assert!(
        p.iter()
            .any(|m| m.contains("«Bằng khen của Chủ tịch UBND tỉnh» (0 năm) phải từ 1 đến 20"))
    );
    assert!(
        p.iter()
            .any(|m| m.contains("mã «XYZ» không có trong danh mục"))
    );
    assert!(
        p.iter()
            .any(|m| m.contains("Chiến sĩ thi đua cấp tỉnh (0%)"))
    );
}
