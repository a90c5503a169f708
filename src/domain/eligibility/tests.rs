use chrono::NaiveDate;

use super::rules::*;
use super::*;
use crate::domain::model::{Discipline, DisciplineForm, Rating::*, ReviewPeriod};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn award(year: i32, code: &str) -> AwardFact {
    AwardFact {
        year,
        code: code.into(),
        decision: format!("Quyết định số {}/QĐ-SCT", year - 2000),
    }
}

fn innovation(year: i32, level: InnovationLevel, used: bool) -> InnovationFact {
    InnovationFact {
        id: year as i64,
        name: format!("Sáng kiến {year}"),
        year,
        level,
        research: false,
        used_for: used.then(|| (year, "CSTDCS".into())),
    }
}

fn person() -> Facts {
    let mut f = Facts::person(2026);
    f.subject = SubjectFacts::Person {
        female: false,
        leader: false,
        recruited_on: Some(d(2015, 3, 1)),
    };
    f.registrations.push((2026, "LDTT".into()));
    f.ratings.insert(2026, Good);
    f
}

fn unit(members: MemberCounts) -> Facts {
    let mut f = Facts::person(2026);
    f.subject = SubjectFacts::Unit {
        dissolved_on: None,
        members,
    };
    f
}

fn verdict(o: &RuleOutcome) -> Verdict {
    o.verdict
}

#[test]
fn r00_no_registration_no_title() {
    let mut f = person();
    assert_eq!(r00_registered(&f, "LDTT").verdict, Verdict::Pass);
    f.registrations.clear();
    let o = r00_registered(&f, "LDTT");
    assert_eq!(
        (o.verdict, o.reason.as_str()),
        (Verdict::Block, "Chưa đăng ký thi đua năm 2026")
    );
    // A CSTĐCS registration covers LĐTT and carries CSTĐ tỉnh.
    f.registrations.push((2026, "CSTDCS".into()));
    assert_eq!(r00_registered(&f, "LDTT").verdict, Verdict::Pass);
    assert_eq!(r00_registered(&f, "CSTD_TINH").verdict, Verdict::Pass);
    assert_eq!(
        r00_registered(&f, "BK_TINH_CN").verdict,
        Verdict::Pass,
        "forms need none"
    );
}

#[test]
fn r01_rating_missing_or_too_low_blocks() {
    let mut f = person();
    assert_eq!(
        r01_rating_for_ldtt(&f).reason,
        "Xếp loại năm 2026: Hoàn thành tốt nhiệm vụ"
    );
    for (rating, expected) in [
        (Some(Excellent), Verdict::Pass),
        (Some(Completed), Verdict::Block),
        (Some(NotCompleted), Verdict::Block),
        (None, Verdict::Block),
    ] {
        match rating {
            Some(r) => f.ratings.insert(2026, r),
            None => f.ratings.remove(&2026),
        };
        assert_eq!(verdict(&r01_rating_for_ldtt(&f)), expected, "{rating:?}");
    }
    assert_eq!(r01_rating_for_ldtt(&f).reason, "Chưa có xếp loại năm 2026");
}

#[test]
fn r02_a_recruit_of_five_months_is_too_new() {
    let s = EligibilitySettings::default();
    let mut f = person();
    f.subject = SubjectFacts::Person {
        female: false,
        leader: false,
        recruited_on: Some(d(2026, 8, 1)),
    };
    let o = r02_recruitment(&f, &s);
    assert_eq!(
        (o.verdict, o.reason.as_str()),
        (
            Verdict::Block,
            "Tuyển dụng ngày 01/08/2026: chưa đủ 6 tháng đến 31/12/2026"
        )
    );
    f.subject = SubjectFacts::Person {
        female: false,
        leader: false,
        recruited_on: Some(d(2026, 7, 1)),
    };
    assert_eq!(
        r02_recruitment(&f, &s).verdict,
        Verdict::Pass,
        "exactly six months"
    );
    let ten = EligibilitySettings {
        months_since_recruitment: 10,
        ..s
    };
    assert_eq!(
        r02_recruitment(&f, &ten).verdict,
        Verdict::Block,
        "the number is a setting"
    );
}

#[test]
fn r03_discipline_ending_mid_year_and_reviews_block() {
    let mut f = person();
    assert_eq!(r03_discipline_and_review(&f).verdict, Verdict::Pass);
    f.disciplines.push(Discipline {
        id: 1,
        person_id: 1,
        form: DisciplineForm::Reprimand,
        from: d(2025, 9, 1),
        to: Some(d(2026, 3, 1)),
        note: String::new(),
    });
    let o = r03_discipline_and_review(&f);
    assert_eq!(o.verdict, Verdict::Block);
    assert!(
        o.reason
            .contains("thành tích chỉ được tính từ ngày 01/03/2026"),
        "{}",
        o.reason
    );
    f.disciplines[0].to = Some(d(2025, 12, 1));
    assert_eq!(
        r03_discipline_and_review(&f).verdict,
        Verdict::Pass,
        "ended before the year"
    );
    f.reviews.push(ReviewPeriod {
        id: 1,
        person_id: 1,
        reason: "thanh tra".into(),
        from: d(2026, 10, 1),
        to: None,
    });
    assert!(
        r03_discipline_and_review(&f)
            .reason
            .starts_with("Đang bị xem xét (thanh tra)")
    );
}

#[test]
fn r04_absence_warns_or_blocks_by_setting() {
    let mut f = person();
    let s = EligibilitySettings::default();
    assert_eq!(r04_absence(&f, &s).verdict, Verdict::Info);
    f.absent_days = 45;
    assert_eq!(r04_absence(&f, &s).verdict, Verdict::Warn);
    let strict = EligibilitySettings {
        absence_40_days_blocks: true,
        ..s
    };
    assert_eq!(r04_absence(&f, &strict).verdict, Verdict::Block);
}

#[test]
fn r05_cstdcs_needs_excellence_or_an_innovation() {
    let mut f = person();
    assert_eq!(r05_cstdcs(&f).verdict, Verdict::Block);
    f.innovations
        .push(innovation(2026, InnovationLevel::Grassroots, false));
    assert_eq!(
        r05_cstdcs(&f).reason,
        "Sáng kiến «Sáng kiến 2026» được công nhận cấp cơ sở năm 2026"
    );
    // One the province recognised after the Sở counts as well, under its own level.
    f.innovations.clear();
    f.innovations
        .push(innovation(2026, InnovationLevel::Province, false));
    let o = r05_cstdcs(&f);
    assert_eq!(o.verdict, Verdict::Pass);
    assert_eq!(
        o.reason,
        "Sáng kiến «Sáng kiến 2026» được công nhận cấp tỉnh năm 2026"
    );
    f.innovations.clear();
    f.ratings.insert(2026, Excellent);
    assert_eq!(r05_cstdcs(&f).verdict, Verdict::Pass);
    f.ratings.insert(2026, Completed);
    assert_eq!(r05_cstdcs(&f).verdict, Verdict::Block, "not LĐTT");
}

#[test]
fn r06_the_cap_is_a_setting() {
    let s = EligibilitySettings::default();
    assert_eq!(r06_cstdcs_cap(30, 100, &s).verdict, Verdict::Info);
    let capped = EligibilitySettings {
        cstdcs_cap_percent: Some(15.0),
        ..s
    };
    assert_eq!(r06_cstdcs_cap(15, 100, &capped).verdict, Verdict::Pass);
    let o = r06_cstdcs_cap(16, 100, &capped);
    assert_eq!(
        (o.verdict, o.reason.as_str()),
        (
            Verdict::Warn,
            "Chiến sĩ thi đua cơ sở 16/100 Lao động tiên tiến (16%; giới hạn 15%)"
        )
    );
}

#[test]
fn r07_three_consecutive_years_and_a_provincial_innovation() {
    let mut f = person();
    f.awards = vec![award(2024, "CSTDCS"), award(2025, "CSTDCS")];
    f.proposed_this_year.push("CSTDCS".into());
    assert!(r07_cstd_tinh(&f).reason.contains("chưa có sáng kiến"));
    f.innovations
        .push(innovation(2025, InnovationLevel::Province, false));
    let o = r07_cstd_tinh(&f);
    assert_eq!(o.verdict, Verdict::Pass);
    assert!(
        o.reason
            .starts_with("Chiến sĩ thi đua cơ sở 2024, 2025, 2026: đủ 3 năm liên tục"),
        "{}",
        o.reason
    );
    // A gap breaks the run.
    f.awards.retain(|a| a.year != 2025);
    let o = r07_cstd_tinh(&f);
    assert_eq!(
        (o.verdict, o.reason.as_str()),
        (
            Verdict::Block,
            "Thiếu Chiến sĩ thi đua cơ sở năm 2025 (cần 2024, 2025, 2026 liên tục)"
        )
    );
}

#[test]
fn r08_two_provincial_cstd_and_a_national_innovation() {
    let mut f = person();
    f.awards = vec![award(2023, "CSTD_TINH"), award(2025, "CSTD_TINH")];
    assert!(r08_cstd_tq(&f).reason.contains("Chưa có 2 lần liên tục"));
    f.awards.push(award(2026, "CSTD_TINH"));
    f.innovations
        .push(innovation(2026, InnovationLevel::National, false));
    assert_eq!(r08_cstd_tq(&f).verdict, Verdict::Pass);
}

#[test]
fn r09_an_innovation_already_used_does_not_count_twice() {
    let mut f = person();
    f.awards = vec![award(2025, "CSTDCS"), award(2026, "CSTDCS")];
    assert_eq!(
        r09_bk_tinh(&f).reason,
        "Chiến sĩ thi đua cơ sở 2025, 2026: 2 năm liên tục"
    );
    f.awards.clear();
    f.ratings.insert(2025, Excellent);
    f.ratings.insert(2026, Excellent);
    f.innovations = vec![
        innovation(2025, InnovationLevel::Grassroots, true),
        innovation(2026, InnovationLevel::Grassroots, false),
    ];
    let o = r09_bk_tinh(&f);
    assert_eq!(o.verdict, Verdict::Block);
    assert!(
        o.reason
            .contains("chỉ có 1 sáng kiến cấp cơ sở chưa dùng (cần 2); 1 sáng kiến đã dùng"),
        "{}",
        o.reason
    );
    f.innovations[0].used_for = None;
    assert_eq!(r09_bk_tinh(&f).verdict, Verdict::Pass);
}

#[test]
fn r10_five_good_years_after_the_provincial_bk_with_three_cstdcs() {
    let mut f = person();
    assert_eq!(r10_bk_ttg(&f).reason, "Chưa có Bằng khen cấp bộ, cấp tỉnh");
    f.awards = vec![
        award(2020, "BK_TINH_CN"),
        award(2022, "CSTDCS"),
        award(2024, "CSTDCS"),
        award(2026, "CSTDCS"),
    ];
    for y in 2021..=2026 {
        f.ratings.insert(y, Good);
    }
    assert_eq!(r10_bk_ttg(&f).verdict, Verdict::Pass);
    // A rating missing for one year breaks the run.
    f.ratings.remove(&2023);
    let o = r10_bk_ttg(&f);
    assert_eq!(o.verdict, Verdict::Block);
    assert!(o.reason.contains("3 năm liên tục"), "{}", o.reason);
}

#[test]
fn r11_needs_a_bk_ttg_five_years_one_excellent_and_three_cstdcs() {
    let mut f = person();
    f.awards = vec![
        award(2020, "BK_TTG_CN"),
        award(2022, "CSTDCS"),
        award(2024, "CSTDCS"),
        award(2025, "CSTDCS"),
    ];
    for y in 2021..=2026 {
        f.ratings.insert(y, Good);
    }
    assert_eq!(r11_hcld3(&f).verdict, Verdict::Block, "no excellent year");
    f.ratings.insert(2024, Excellent);
    assert_eq!(r11_hcld3(&f).verdict, Verdict::Pass);
}

#[test]
fn r12_and_r13_count_the_members() {
    let m = MemberCounts {
        total: 10,
        completed: 10,
        ldtt: 7,
        cstdcs: 1,
        disciplined_warning_or_above: 0,
        women: 7,
    };
    let mut f = unit(m);
    f.ratings.insert(2026, Excellent);
    assert_eq!(r12_ttldxs(&f).verdict, Verdict::Pass);
    assert_eq!(r13_ttldtt(&f).verdict, Verdict::Pass);
    let mut weak = unit(MemberCounts {
        ldtt: 5,
        completed: 9,
        cstdcs: 0,
        disciplined_warning_or_above: 1,
        ..m
    });
    weak.ratings.insert(2026, Good);
    let o = r12_ttldxs(&weak);
    assert!(
        o.reason.contains("9/10 thành viên hoàn thành nhiệm vụ")
            && o.reason
                .contains("Lao động tiên tiến 5/10 (50%; cần từ 70%)"),
        "{}",
        o.reason
    );
    let o = r13_ttldtt(&weak);
    assert_eq!(
        o.reason,
        "Lao động tiên tiến 5/10 (50%; cần trên 50%); 1 thành viên bị kỷ luật từ cảnh cáo trở lên"
    );
    assert_eq!(
        r12_ttldxs(&person()).verdict,
        Verdict::Block,
        "not for a person"
    );
}

#[test]
fn r14_r15_r16_r17() {
    let mut f = person();
    f.awards.push(award(2026, "LDTT"));
    assert_eq!(r14_once(&f, "LDTT").verdict, Verdict::Block);
    assert_eq!(r14_once(&f, "CSTDCS").verdict, Verdict::Pass);
    f.subject = SubjectFacts::Person {
        female: true,
        leader: true,
        recruited_on: None,
    };
    assert!(r15_priority(&f).reason.contains("giảm 1/3"));
    let mut u = unit(MemberCounts {
        total: 4,
        women: 3,
        ..MemberCounts::default()
    });
    assert_eq!(
        r15_priority(&u).reason,
        "Tập thể có từ 70% là nữ: được ưu tiên"
    );
    u.subject = SubjectFacts::Unit {
        dissolved_on: Some(d(2026, 3, 1)),
        members: MemberCounts::default(),
    };
    assert_eq!(r16_dissolved(&u).verdict, Verdict::Block);
    let mut s = EligibilitySettings::default();
    f.awards = vec![award(2025, "BK_TINH_CN")];
    assert_eq!(r17_interval(&f, "BK_TINH_CN", &s).verdict, Verdict::Info);
    s.intervals.insert("BK_TINH_CN".into(), 2);
    assert_eq!(r17_interval(&f, "BK_TINH_CN", &s).verdict, Verdict::Warn);
}

#[test]
fn check_picks_the_rules_and_sums_them_up() {
    let s = EligibilitySettings::default();
    let mut f = person();
    let e = check("LDTT", &f, &s);
    assert!(!e.is_blocked(), "{:?}", e.outcomes);
    assert_eq!(e.summary(), "Đủ điều kiện");
    f.registrations.clear();
    let e = check("LDTT", &f, &s);
    assert_eq!(
        e.summary(),
        "Không đủ điều kiện: Chưa đăng ký thi đua năm 2026"
    );
    let rules: Vec<_> = check("CSTDCS", &f, &s)
        .outcomes
        .iter()
        .map(|o| o.rule)
        .collect();
    assert!(rules.contains(&"R05") && rules.contains(&"R01") && !rules.contains(&"R07"));
}

#[test]
fn suggestions_find_who_already_meets_a_higher_title() {
    let s = EligibilitySettings::default();
    let mut star = person();
    star.registrations.push((2026, "CSTDCS".into()));
    star.awards = vec![award(2025, "CSTDCS")];
    star.proposed_this_year.push("CSTDCS".into());
    let plain = person();
    let found = suggest(&[plain, star], &s);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!((found[0].0, found[0].1), (1, "BK_TINH_CN"));
    assert!(found[0].2.iter().any(|r| r.contains("2 năm liên tục")));
}

#[test]
fn r03_counts_discipline_over_the_years_a_title_covers() {
    let mut f = person();
    f.disciplines.push(Discipline {
        id: 1,
        person_id: 1,
        form: DisciplineForm::Reprimand,
        from: d(2024, 9, 1),
        to: Some(d(2025, 3, 1)),
        note: String::new(),
    });
    // For LĐTT 2026 the discipline ended before the year: no effect.
    assert_eq!(r03_discipline_and_review(&f).verdict, Verdict::Pass);
    // For CSTĐ tỉnh (2024–2026) it cuts the period short.
    let o = r03_over_years(&f, 3);
    assert_eq!(o.verdict, Verdict::Block);
    assert!(o.reason.contains("chưa đủ 3 năm 2024–2026"), "{}", o.reason);
    let e = check("CSTD_TINH", &f, &EligibilitySettings::default());
    assert!(
        e.outcomes
            .iter()
            .any(|o| o.rule == "R03" && o.verdict == Verdict::Block)
    );
}
