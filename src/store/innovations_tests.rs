use chrono::NaiveDate;

use super::*;
use crate::domain::innovation::{Author, InnovationKind};
use crate::store::tests::{person, unit};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn setup() -> (Store, Vec<i64>) {
    let mut store = Store::open_in_memory().unwrap();
    let u = store.save_unit(&unit("Phòng Quản lý năng lượng")).unwrap();
    let people = ["Nguyễn Thị Lan", "Trần Văn Bình"]
        .iter()
        .map(|n| store.save_person(&person(n, u)).unwrap())
        .collect();
    (store, people)
}

fn application(year: i32, authors: &[(i64, f64)]) -> Innovation {
    let mut i = Innovation::new(year, d(year, 5, 10));
    i.name = format!("Giải pháp tiết kiệm điện năm {year}");
    i.kind = InnovationKind::Technical;
    i.first_applied = Some(d(year, 2, 1));
    i.authors = authors
        .iter()
        .map(|(p, share)| Author {
            person: Some(*p),
            name: format!("Tác giả {p}"),
            birth_date: None,
            workplace: String::new(),
            title: String::new(),
            qualification: String::new(),
            share: *share,
        })
        .collect();
    i
}

#[test]
fn recognised_innovations_are_found_by_author_level_and_years() {
    let (mut store, p) = setup();
    for year in [2024, 2025, 2026] {
        let id = store
            .save_innovation(&application(year, &[(p[0], 70.0), (p[1], 30.0)]))
            .unwrap();
        let level = if year == 2025 {
            InnovationLevel::Province
        } else {
            InnovationLevel::Grassroots
        };
        store
            .recognise_innovation(id, level, &format!("{}/QĐ-SCT", year - 2000), d(year, 8, 1))
            .unwrap();
    }
    // A rejected one does not count.
    let other = store
        .save_innovation(&application(2026, &[(p[0], 100.0)]))
        .unwrap();
    store
        .reject_innovation(other, "Chưa có tính mới trong phạm vi cơ sở")
        .unwrap();

    let all = store.recognised_innovations_of(p[0], 2024, 2026).unwrap();
    assert_eq!(
        all.iter().map(|i| i.year).collect::<Vec<_>>(),
        vec![2024, 2025, 2026]
    );
    assert_eq!(
        store
            .recognised_innovations_of(p[1], 2025, 2026)
            .unwrap()
            .len(),
        2
    );
    // Asked for cơ sở, the one the province recognised counts too; asked for tỉnh, only it.
    let grassroots = store
        .unused_innovations(p[0], InnovationLevel::Grassroots, 2024, 2026)
        .unwrap();
    assert_eq!(grassroots.len(), 3);
    let province = store
        .unused_innovations(p[0], InnovationLevel::Province, 2024, 2026)
        .unwrap();
    assert_eq!(
        province.iter().map(|i| i.year).collect::<Vec<_>>(),
        vec![2025]
    );

    // Used for CSTĐCS 2024: no longer unused, and not usable twice.
    let first = grassroots[0].id;
    store
        .mark_innovation_used(first, p[0], 2024, "CSTDCS", None)
        .unwrap();
    assert_eq!(
        store.innovation_used_for(first, p[0]).unwrap(),
        Some((2024, "CSTDCS".to_owned()))
    );
    assert_eq!(
        store
            .unused_innovations(p[0], InnovationLevel::Grassroots, 2024, 2026)
            .unwrap()
            .len(),
        2
    );
    let e = store
        .mark_innovation_used(first, p[0], 2026, "BK_TINH_CN", None)
        .unwrap_err();
    assert!(
        e.to_string()
            .contains("đã được dùng làm căn cứ cho CSTDCS năm 2024"),
        "{e}"
    );
    // The co-author's use is separate.
    store
        .mark_innovation_used(first, p[1], 2024, "CSTDCS", None)
        .unwrap();
    // A rejected one cannot be used.
    assert!(
        store
            .mark_innovation_used(other, p[0], 2026, "CSTDCS", None)
            .is_err()
    );
}

#[test]
fn a_recognised_innovation_is_kept_and_corrected_only_by_a_new_decision() {
    let (mut store, p) = setup();
    let id = store
        .save_innovation(&application(2026, &[(p[0], 100.0)]))
        .unwrap();
    // Recognition without a decision is refused.
    let mut i = store.innovation(id).unwrap();
    i.status = InnovationStatus::Recognised;
    assert!(store.save_innovation(&i).is_err());
    store
        .recognise_innovation(id, InnovationLevel::Grassroots, "12/QĐ-SCT", d(2026, 9, 1))
        .unwrap();
    assert!(store.delete_innovation(id).is_err());
    let mut edited = store.innovation(id).unwrap();
    edited.name = "Tên khác".into();
    assert!(store.save_innovation(&edited).is_err());
    let e = store
        .recognise_innovation(id, InnovationLevel::Province, "12/QĐ-SCT", d(2026, 9, 1))
        .unwrap_err();
    assert!(e.to_string().contains("quyết định mới"), "{e}");
    // Even below the store, the database refuses to touch it.
    assert!(
        store
            .connection()
            .execute("DELETE FROM innovations WHERE id = ?1", [id])
            .is_err()
    );
    assert!(
        store
            .connection()
            .execute(
                "UPDATE innovations SET level = 'national' WHERE id = ?1",
                [id]
            )
            .is_err()
    );
    store
        .record_higher_recognition(
            id,
            crate::domain::innovation::Recognition {
                level: InnovationLevel::Province,
                number: "40/QĐ-UBND".into(),
                date: d(2026, 11, 2),
                issuer: "Chủ tịch Ủy ban nhân dân tỉnh".into(),
                replaces: String::new(),
            },
        )
        .unwrap();
    let now = store.innovation(id).unwrap();
    assert_eq!(now.level, Some(InnovationLevel::Province));
    let audit = store.audit_for("innovations", id).unwrap();
    assert!(
        audit[0]
            .before
            .as_deref()
            .unwrap_or("")
            .contains("12/QĐ-SCT"),
        "the old decision is in the audit log"
    );
}

#[test]
fn scores_are_checked_and_replaced_whole() {
    let (mut store, p) = setup();
    let id = store
        .save_innovation(&application(2026, &[(p[0], 100.0)]))
        .unwrap();
    let sheet = ScoringSheet::default();
    let m = |name: &str, s: [f64; 3], recused| MemberScores {
        member: name.into(),
        scores: s.to_vec(),
        recused,
    };
    store
        .save_innovation_scores(
            id,
            &[
                m("Nguyễn Văn Hùng", [80.0, 80.0, 80.0], false),
                m("Lê Quốc Bảo", [90.0, 90.0, 90.0], true),
            ],
            &sheet,
        )
        .unwrap();
    let bad = [
        m("Nguyễn Văn Hùng", [80.0, 80.0, 80.0], false),
        m("Trần Thị Mai", [80.0, 150.0, 80.0], false),
    ];
    assert!(store.save_innovation_scores(id, &bad, &sheet).is_err());
    let kept = store.innovation_scores(id).unwrap();
    assert_eq!(kept.len(), 2, "the bad batch changed nothing");
    assert!(kept[1].recused);
}

#[test]
fn a_recognition_decision_takes_the_next_number_and_recognises_all_or_none() {
    let (mut store, p) = setup();
    store
        .register_document(2026, "QĐ", 1, d(2026, 1, 10), "Khen thưởng")
        .unwrap();
    let a = store
        .save_innovation(&application(2026, &[(p[0], 100.0)]))
        .unwrap();
    let b = store
        .save_innovation(&application(2026, &[(p[1], 100.0)]))
        .unwrap();
    let refused = store
        .save_innovation(&application(2026, &[(p[1], 100.0)]))
        .unwrap();
    store
        .reject_innovation(refused, "Không có tính mới")
        .unwrap();
    // One that cannot be recognised spoils the batch: nothing changes, no number is used.
    assert!(
        store
            .issue_recognition_decision(
                2026,
                &[a, refused],
                InnovationLevel::Grassroots,
                d(2026, 9, 1),
                "SCT"
            )
            .is_err()
    );
    assert_eq!(store.next_document_number(2026, "QĐ").unwrap(), 2);
    assert_eq!(
        store.innovation(a).unwrap().status,
        InnovationStatus::Received
    );
    let number = store
        .issue_recognition_decision(
            2026,
            &[a, b],
            InnovationLevel::Grassroots,
            d(2026, 9, 1),
            "SCT",
        )
        .unwrap();
    assert_eq!(number, "2/QĐ-SCT");
    for id in [a, b] {
        let i = store.innovation(id).unwrap();
        assert_eq!(
            (i.status, i.decision_number.as_str()),
            (InnovationStatus::Recognised, "2/QĐ-SCT")
        );
    }
}
