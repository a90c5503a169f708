use super::*;
use crate::domain::model::{AwardKind, Subject, builtin_catalogue};

/// The built-in catalogue with ids, plus the Ministry's Bằng khen the clerk added.
pub(crate) fn catalogue() -> Vec<CatalogueEntry> {
    let mut cat = builtin_catalogue();
    for (kind, suffix) in [
        (SubjectKind::Individual, "cá nhân"),
        (SubjectKind::Collective, "tập thể"),
    ] {
        cat.push(CatalogueEntry {
            id: 0,
            code: format!("BK_BO_{}", if suffix == "tập thể" { "TT" } else { "CN" }),
            name: format!("Bằng khen của Bộ Công Thương ({suffix})"),
            subject_kind: kind,
            kind: AwardKind::Commendation,
            level: AwardLevel::Ministry,
            decided_by: "Bộ trưởng Bộ Công Thương".into(),
            coefficient: None,
            sort_order: 105,
            active: true,
            builtin: false,
        });
    }
    for (i, c) in cat.iter_mut().enumerate() {
        c.id = i as i64 + 1;
    }
    cat
}

pub(crate) fn id(cat: &[CatalogueEntry], code: &str) -> i64 {
    cat.iter().find(|c| c.code == code).unwrap().id
}

pub(crate) fn rec(cat: &[CatalogueEntry], subject: Subject, year: i32, code: &str) -> AwardRecord {
    AwardRecord {
        id: 0,
        subject,
        year,
        catalogue_id: id(cat, code),
        decision_number: "1/QĐ-SCT".into(),
        decision_date: None,
        issuer: String::new(),
        note: String::new(),
        cancelled_by: None,
    }
}

/// 2022–2026: the Ministry's Bằng khen to 7 units and 21 people, CSTĐ tỉnh to 4 people,
/// plus records outside the period and a cancelled one that must not count.
fn history(cat: &[CatalogueEntry]) -> Vec<AwardRecord> {
    let mut v = Vec::new();
    for u in 1..=7 {
        v.push(rec(
            cat,
            Subject::Unit(u),
            2022 + (u as i32 % 5),
            "BK_BO_TT",
        ));
    }
    for p in 1..=21 {
        v.push(rec(
            cat,
            Subject::Person(p),
            2022 + (p as i32 % 5),
            "BK_BO_CN",
        ));
    }
    for p in 1..=4 {
        v.push(rec(cat, Subject::Person(p), 2025, "CSTD_TINH"));
    }
    // Outside the period.
    v.push(rec(cat, Subject::Person(30), 2021, "CSTD_TINH"));
    v.push(rec(cat, Subject::Person(31), 2027, "BK_BO_CN"));
    // Cancelled by a later decision.
    let mut cancelled = rec(cat, Subject::Person(32), 2024, "CSTD_TINH");
    cancelled.note = "Đã bị hủy bởi Quyết định số 9/QĐ-UBND".into();
    cancelled.cancelled_by = Some("9/QĐ-UBND".into());
    v.push(cancelled);
    let mut dropped = rec(cat, Subject::Unit(9), 2024, "BK_BO_TT");
    dropped.note = "Bị loại bởi Quyết định số 10/QĐ-SCT".into();
    dropped.cancelled_by = Some("10/QĐ-SCT".into());
    v.push(dropped);
    v
}

#[test]
fn the_tally_on_a_known_history_gives_the_known_counts() {
    let cat = catalogue();
    let t = tally(&history(&cat), &cat, 2022, 2026);
    assert_eq!(
        t.sentence(),
        "Chiến sĩ thi đua cấp tỉnh: 04 cá nhân; Bằng khen của Bộ Công Thương: 07 tập thể và 21 cá nhân"
    );
    assert_eq!((t.total_collectives(), t.total_individuals()), (7, 25));
    assert_eq!(t.period(), "2022–2026");
    let bk = &t.lines[1];
    assert_eq!((bk.collectives, bk.individuals), (7, 21));
    assert_eq!(bk.level, AwardLevel::Ministry);
}

#[test]
fn a_shorter_period_counts_only_its_years_and_a_backward_range_reads_forwards() {
    let cat = catalogue();
    let h = history(&cat);
    let t = tally(&h, &cat, 2025, 2025);
    // People 3, 8, 13, 18 got the Ministry's Bằng khen in 2025, unit 3 too; 4 CSTĐ tỉnh.
    assert_eq!(
        t.sentence(),
        "Chiến sĩ thi đua cấp tỉnh: 04 cá nhân; Bằng khen của Bộ Công Thương: 01 tập thể và 04 cá nhân"
    );
    assert_eq!(t.period(), "2025");
    assert_eq!(tally(&h, &cat, 2026, 2022), tally(&h, &cat, 2022, 2026));
    assert!(tally(&h, &cat, 2010, 2012).lines.is_empty());
}

#[test]
fn collective_only_lines_leave_out_the_individual_side_and_counts_reach_three_digits() {
    let cat = catalogue();
    let mut h: Vec<AwardRecord> = (1..=132)
        .map(|p| rec(&cat, Subject::Person(p), 2026, "LDTT"))
        .collect();
    h.push(rec(&cat, Subject::Unit(1), 2026, "TTLDXS"));
    let t = tally(&h, &cat, 2026, 2026);
    assert_eq!(
        t.sentence(),
        "Lao động tiên tiến: 132 cá nhân; Tập thể lao động xuất sắc: 01 tập thể"
    );
}

#[test]
fn awards_per_year_by_level() {
    let cat = catalogue();
    let h = history(&cat);
    let years = by_year_and_level(&h, &cat, 2024, 2026);
    assert_eq!(
        years.iter().map(|y| y.year).collect::<Vec<_>>(),
        vec![2024, 2025, 2026]
    );
    let y2025 = &years[1];
    assert_eq!(y2025.count(AwardLevel::Province), 4);
    assert_eq!(y2025.count(AwardLevel::Ministry), 5);
    assert_eq!(y2025.count(AwardLevel::Department), 0);
    assert_eq!(y2025.total(), 9);
    // 2024: units 2, 7 and people 2, 7, 12, 17 (the cancelled and dropped ones do not count).
    assert_eq!(years[0].total(), 6);
    assert_eq!(years[0].count(AwardLevel::Province), 0);
}

#[test]
fn names_lose_only_the_subject_suffix() {
    let cat = catalogue();
    let e = |code: &str| cat.iter().find(|c| c.code == code).unwrap();
    assert_eq!(
        line_name(e("BK_TINH_TT")),
        "Bằng khen của Chủ tịch UBND tỉnh"
    );
    assert_eq!(line_name(e("LDTT")), "Lao động tiên tiến");
    assert_eq!(two_digits(7), "07");
    assert_eq!(two_digits(0), "00");
    assert_eq!(two_digits(21), "21");
    assert_eq!(count_cell(0), "–");
    assert_eq!(count_cell(7), "07");
}
