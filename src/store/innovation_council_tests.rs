use chrono::NaiveDate;

use super::*;
use crate::domain::innovation::{Author, InnovationKind};
use crate::store::tests::{person, unit};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn recognised(store: &mut Store, year: i32, name: &str) -> InnovationId {
    let u = store.save_unit(&unit(&format!("Phòng {name}"))).unwrap();
    let p = store.save_person(&person("Nguyễn Thị Lan", u)).unwrap();
    let mut i = Innovation::new(year, d(year, 5, 10));
    i.name = name.into();
    i.kind = InnovationKind::Technical;
    i.authors = vec![Author {
        person: Some(p),
        name: "Nguyễn Thị Lan".into(),
        birth_date: None,
        workplace: String::new(),
        title: String::new(),
        qualification: String::new(),
        share: 100.0,
    }];
    let id = store.save_innovation(&i).unwrap();
    store
        .issue_recognition_decision(
            year,
            &[id],
            InnovationLevel::Grassroots,
            d(year, 8, 1),
            "SCT",
        )
        .unwrap();
    id
}

#[test]
fn a_meeting_keeps_its_agenda_in_order_and_only_of_its_year() {
    let mut store = Store::open_in_memory().unwrap();
    let a = recognised(&mut store, 2026, "Giải pháp A");
    let b = recognised(&mut store, 2026, "Giải pháp B");
    let old = recognised(&mut store, 2025, "Giải pháp cũ");
    let mut m = InnovationMeeting {
        id: 0,
        year: 2026,
        held_on: d(2026, 7, 15),
        place: "Phòng họp số 1".into(),
        innovations: vec![b, a],
    };
    m.id = store.save_innovation_meeting(&m).unwrap();
    assert_eq!(store.innovation_meetings(2026).unwrap(), vec![m.clone()]);
    m.innovations = vec![a, old];
    let e = store.save_innovation_meeting(&m).unwrap_err();
    assert!(e.to_string().contains("thuộc năm 2025"), "{e}");
    assert_eq!(
        store.innovation_meetings(2026).unwrap()[0].innovations,
        vec![b, a],
        "nothing saved half"
    );
    store.delete_innovation_meeting(m.id).unwrap();
    assert!(store.innovation_meetings(2026).unwrap().is_empty());
}

#[test]
fn proposals_to_the_province_take_a_tờ_trình_number_and_stay_once_sent() {
    let mut store = Store::open_in_memory().unwrap();
    let a = recognised(&mut store, 2026, "Giải pháp A");
    let b = recognised(&mut store, 2026, "Giải pháp B");
    assert!(store.issue_province_proposal(2026, d(2026, 9, 1)).is_err());
    store.set_province_proposal(a, true).unwrap();
    store.set_province_proposal(b, true).unwrap();
    store.set_province_proposal(b, false).unwrap();
    let before = store.next_document_number(2026, "TTr").unwrap();
    let n = store.issue_province_proposal(2026, d(2026, 9, 1)).unwrap();
    assert_eq!(n, before);
    assert_eq!(
        store.province_proposals(2026).unwrap(),
        vec![ProvinceProposal {
            innovation: a,
            sent: Some((n, d(2026, 9, 1)))
        }]
    );
    let e = store.set_province_proposal(a, false).unwrap_err();
    assert!(e.to_string().contains("tờ trình"), "{e}");
    // A second tờ trình only carries what the first did not.
    store.set_province_proposal(b, true).unwrap();
    let m = store.issue_province_proposal(2026, d(2026, 10, 1)).unwrap();
    assert_eq!(m, n + 1);
    assert_eq!(
        store.province_proposal_of(b).unwrap().unwrap().sent,
        Some((m, d(2026, 10, 1)))
    );
}

#[test]
fn the_province_recognition_is_recorded_over_the_sở_s_which_stays() {
    let mut store = Store::open_in_memory().unwrap();
    let a = recognised(&mut store, 2026, "Giải pháp A");
    let own = store.innovation(a).unwrap().decision_number;
    let higher = |level, number: &str| Recognition {
        level,
        number: number.into(),
        date: d(2026, 12, 1),
        issuer: "Chủ tịch Ủy ban nhân dân tỉnh Gia Lai".into(),
        replaces: String::new(),
    };
    let e = store
        .record_higher_recognition(a, higher(InnovationLevel::Grassroots, "9/QĐ-UBND"))
        .unwrap_err();
    assert!(e.to_string().contains("cao hơn"), "{e}");
    store
        .record_higher_recognition(a, higher(InnovationLevel::Province, "1234/QĐ-UBND"))
        .unwrap();
    let i = store.innovation(a).unwrap();
    assert_eq!(i.level, Some(InnovationLevel::Province));
    assert_eq!(i.decision_number, "1234/QĐ-UBND");
    assert_eq!(i.own_recognition().unwrap().number, own);
    assert_eq!(
        i.recognised_by(&own).unwrap().level,
        InnovationLevel::Grassroots
    );
    // The province's decision is not the Sở's to correct.
    assert!(
        store
            .correct_recognition(&i, d(2026, 12, 5), "SCT")
            .is_err()
    );
}

#[test]
fn a_correction_takes_a_new_decision_number_and_the_audit_log_keeps_the_old() {
    let mut store = Store::open_in_memory().unwrap();
    let a = recognised(&mut store, 2026, "Giải pháp A");
    let old = store.innovation(a).unwrap().decision_number;
    assert!(
        store
            .recognise_innovation(a, InnovationLevel::Grassroots, "99/QĐ-SCT", d(2026, 9, 1))
            .is_err(),
        "a typed number does not correct a recognition"
    );
    let next = store.next_document_number(2026, "QĐ").unwrap();
    let mut corrected = store.innovation(a).unwrap();
    corrected.name = "Giải pháp A (tên đúng)".into();
    let e = store
        .correct_recognition(&corrected, d(2026, 7, 1), "SCT")
        .unwrap_err();
    assert!(e.to_string().contains("01/08/2026"), "{e}");
    let mut wrong = corrected.clone();
    wrong.authors[0].share = 80.0;
    assert!(
        store
            .correct_recognition(&wrong, d(2026, 9, 10), "SCT")
            .is_err()
    );
    assert_eq!(
        store.next_document_number(2026, "QĐ").unwrap(),
        next,
        "no number taken by a refused correction"
    );
    let number = store
        .correct_recognition(&corrected, d(2026, 9, 10), "SCT")
        .unwrap();
    assert_eq!(number, format!("{next}/QĐ-SCT"));
    let i = store.innovation(a).unwrap();
    assert_eq!(i.name, "Giải pháp A (tên đúng)");
    assert_eq!(i.status, InnovationStatus::Recognised);
    assert_eq!(i.decision_number, number);
    assert_eq!(i.decision_date, Some(d(2026, 9, 10)));
    let registered = store.documents_of_year(2026).unwrap();
    assert!(
        registered
            .iter()
            .any(|r| r.kind == "QĐ" && r.number == next && r.summary.contains(&old)),
        "{registered:?}"
    );
    let audit = store.audit_for("innovations", a).unwrap();
    assert!(
        audit[0].before.as_deref().unwrap_or("").contains(&old),
        "the old decision is in the audit log"
    );
}
