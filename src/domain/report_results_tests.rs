use chrono::NaiveDate;

use super::*;
use crate::domain::model::{Gender, PersonStatus, UnitKind};
use crate::domain::report_tally::tests::{catalogue, rec};

fn unit(id: UnitId, kind: UnitKind) -> Unit {
    Unit {
        id,
        name: format!("Phòng {id}"),
        short_name: String::new(),
        kind,
        sort_order: 10 - id,
        active: true,
        dissolved_on: None,
    }
}

fn person(id: i64, unit_id: UnitId) -> Person {
    Person {
        id,
        full_name: format!("Nguyễn Văn {id}"),
        gender: Gender::Male,
        birth_date: None,
        unit_id,
        position: "Chuyên viên".into(),
        position_rank: 50,
        is_department_leader: false,
        recruited_on: None,
        status: PersonStatus::Working,
        status_date: None,
        active: true,
    }
}

fn target(code: &str, name: &str, percent: f64, base: TargetBase) -> TitleTarget {
    TitleTarget {
        catalogue_code: code.into(),
        title_name: name.into(),
        percent,
        base,
        leaders_count: false,
    }
}

/// Unit 1: people 1–10, unit 2: people 11–15, unit 3 a union with person 16; person 1 a
/// leader; person 15 retired in 2025 (not on the 2026 lists).
fn department() -> (Vec<Unit>, Vec<Person>) {
    let units = vec![
        unit(1, UnitKind::Division),
        unit(2, UnitKind::Office),
        unit(3, UnitKind::Union),
    ];
    let mut people: Vec<Person> = (1..=16)
        .map(|p| {
            person(
                p,
                if p <= 10 {
                    1
                } else if p <= 15 {
                    2
                } else {
                    3
                },
            )
        })
        .collect();
    people[0].is_department_leader = true;
    people[14].status = PersonStatus::Retired;
    people[14].status_date = NaiveDate::from_ymd_opt(2025, 6, 1);
    (units, people)
}

#[test]
fn results_count_awards_of_the_year_against_the_targets() {
    let cat = catalogue();
    let (units, people) = department();
    let mut awards = Vec::new();
    // LĐTT to people 2–9 (8 of unit 1's 9 non-leaders) and 11–12 (2 of unit 2's 4);
    // CSTĐCS to person 13, which includes LĐTT; the leader's LĐTT is not counted.
    for p in (1..=9).chain(11..=12) {
        awards.push(rec(&cat, Subject::Person(p), 2026, "LDTT"));
    }
    awards.push(rec(&cat, Subject::Person(13), 2026, "CSTDCS"));
    // Another year, and a cancelled one, do not count.
    awards.push(rec(&cat, Subject::Person(10), 2025, "LDTT"));
    let mut cancelled = rec(&cat, Subject::Person(14), 2026, "LDTT");
    cancelled.note = "Đã bị hủy bởi Quyết định số 3/QĐ-SCT".into();
    cancelled.cancelled_by = Some("3/QĐ-SCT".into());
    awards.push(cancelled);
    awards.push(rec(&cat, Subject::Unit(1), 2026, "TTLDXS"));
    let targets = vec![
        target("LDTT", "Lao động tiên tiến", 90.0, TargetBase::Staff),
        target(
            "TTLDTT",
            "Tập thể lao động tiên tiến",
            100.0,
            TargetBase::Units,
        ),
    ];
    let input = ResultsInput {
        year: 2026,
        targets: &targets,
        people: &people,
        units: &units,
        catalogue: &cat,
        awards: &awards,
    };
    let dept = input.department();
    // Staff: unit 1's 9 non-leaders, unit 2's 4 still working, the union's 1 = 14.
    assert_eq!((dept[0].achieved, dept[0].total), (11, 14));
    assert_eq!(
        dept[0].text(),
        "Lao động tiên tiến: 11/14 (78,6%) — chỉ tiêu 90%"
    );
    assert_eq!(dept[0].verdict(), "Chưa đạt");
    // Units: the union is not a candidate; TTLĐXS includes TTLĐTT.
    assert_eq!((dept[1].achieved, dept[1].total), (1, 2));

    let per_unit = input.per_unit();
    assert_eq!(
        per_unit.iter().map(|u| u.unit_id).collect::<Vec<_>>(),
        vec![3, 2, 1],
        "official order"
    );
    let u1 = per_unit.iter().find(|u| u.unit_id == 1).unwrap();
    assert_eq!((u1.lines[0].achieved, u1.lines[0].total), (8, 9));
    assert_eq!(u1.lines[0].percent_text(), "88,9%");
    assert_eq!((u1.lines[1].achieved, u1.lines[1].total), (1, 1));
    assert_eq!(u1.lines[1].verdict(), "Đạt");
    let u2 = per_unit.iter().find(|u| u.unit_id == 2).unwrap();
    assert_eq!((u2.lines[0].achieved, u2.lines[0].total), (3, 4));
    let u3 = per_unit.iter().find(|u| u.unit_id == 3).unwrap();
    assert_eq!(u3.lines[1].total, 0);
    assert_eq!(u3.lines[1].verdict(), "–");
}

#[test]
fn the_retired_person_counts_in_the_year_they_left() {
    let cat = catalogue();
    let (units, people) = department();
    let targets = vec![target(
        "LDTT",
        "Lao động tiên tiến",
        90.0,
        TargetBase::Staff,
    )];
    let awards = vec![rec(&cat, Subject::Person(15), 2025, "LDTT")];
    let input = ResultsInput {
        year: 2025,
        targets: &targets,
        people: &people,
        units: &units,
        catalogue: &cat,
        awards: &awards,
    };
    let dept = input.department();
    assert_eq!((dept[0].achieved, dept[0].total), (1, 15));
}
