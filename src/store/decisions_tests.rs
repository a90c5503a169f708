use chrono::NaiveDate;

use super::*;
use crate::domain::decision::DecisionEntry;
use crate::domain::model::CatalogueId;
use crate::store::tests::{person, unit};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn setup() -> (Store, Vec<i64>, CatalogueId) {
    let mut store = Store::open_in_memory().unwrap();
    let u = store.save_unit(&unit("Văn phòng")).unwrap();
    let people = ["Nguyễn Thị Lan", "Trần Văn Bình"]
        .iter()
        .map(|n| store.save_person(&person(n, u)).unwrap())
        .collect();
    let ldtt = store
        .catalogue()
        .unwrap()
        .into_iter()
        .find(|e| e.code == "LDTT")
        .unwrap()
        .id;
    (store, people, ldtt)
}

fn draft(people: &[i64], ldtt: CatalogueId) -> Decision {
    let mut dec = Decision::draft(
        2026,
        "Về việc công nhận danh hiệu Lao động tiên tiến năm 2026",
        "Nguyễn Văn Hùng",
    );
    dec.entries = people
        .iter()
        .map(|p| DecisionEntry {
            subject: Subject::Person(*p),
            catalogue_id: ldtt,
            amount: Some(702_000),
            nomination: None,
        })
        .collect();
    dec
}

#[test]
fn issuing_numbers_it_and_writes_the_history_in_one_go() {
    let (mut store, people, ldtt) = setup();
    store
        .register_document(2027, "QĐ", 1, d(2027, 1, 5), "Kế hoạch")
        .unwrap();
    let id = store.save_decision_draft(&draft(&people, ldtt)).unwrap();
    let number = store
        .issue_decision(id, None, d(2027, 1, 12), "SCT")
        .unwrap();
    assert_eq!(number, "2/QĐ-SCT");
    for p in &people {
        let history = store.awards_for(Subject::Person(*p)).unwrap();
        assert_eq!(history.len(), 1);
        assert_eq!(
            (history[0].year, history[0].decision_number.as_str()),
            (2026, "2/QĐ-SCT")
        );
    }
    let issued = store.decision(id).unwrap();
    assert_eq!(issued.status, DecisionStatus::Issued);
    assert_eq!(issued.issued_on, Some(d(2027, 1, 12)));
}

#[test]
fn an_issued_decision_cannot_be_changed_by_any_path() {
    let (mut store, people, ldtt) = setup();
    let id = store.save_decision_draft(&draft(&people, ldtt)).unwrap();
    store
        .issue_decision(id, None, d(2027, 1, 12), "SCT")
        .unwrap();
    let mut edited = store.decision(id).unwrap();
    edited.subject_line = "Khác".into();
    assert!(store.save_decision_draft(&edited).is_err());
    assert!(store.delete_decision_draft(id).is_err());
    assert!(
        store
            .issue_decision(id, None, d(2027, 1, 13), "SCT")
            .is_err()
    );
    let c = store.connection();
    assert!(
        c.execute("UPDATE decisions SET data = '{}' WHERE id = ?1", [id])
            .is_err()
    );
    assert!(
        c.execute("DELETE FROM decisions WHERE id = ?1", [id])
            .is_err()
    );
    assert!(
        c.execute("DELETE FROM decision_entries WHERE decision_id = ?1", [id])
            .is_err()
    );
    assert!(
        c.execute(
            "UPDATE decision_entries SET amount = 1 WHERE decision_id = ?1",
            [id]
        )
        .is_err()
    );
}

#[test]
fn a_used_number_or_a_bad_draft_leaves_nothing_behind() {
    let (mut store, people, ldtt) = setup();
    store
        .register_document(2027, "QĐ", 5, d(2027, 1, 5), "Khác")
        .unwrap();
    let id = store.save_decision_draft(&draft(&people, ldtt)).unwrap();
    let e = store
        .issue_decision(id, Some(5), d(2027, 1, 12), "SCT")
        .unwrap_err();
    assert!(e.to_string().contains("đã được dùng"), "{e}");
    assert_eq!(store.decision(id).unwrap().status, DecisionStatus::Draft);
    assert!(
        store
            .awards_for(Subject::Person(people[0]))
            .unwrap()
            .is_empty()
    );
    // A subject twice in one title is refused before anything is written.
    let mut twice = draft(&people, ldtt);
    twice.entries.push(twice.entries[0].clone());
    assert!(
        store
            .save_decision_draft(&twice)
            .unwrap_err()
            .to_string()
            .contains("hai lần")
    );
}

#[test]
fn a_cancellation_is_a_new_decision_and_the_history_follows() {
    let (mut store, people, ldtt) = setup();
    let first = store.save_decision_draft(&draft(&people, ldtt)).unwrap();
    let number = store
        .issue_decision(first, None, d(2027, 1, 12), "SCT")
        .unwrap();
    let mut cancel = Decision::draft(
        2026,
        &format!("Về việc hủy bỏ Quyết định số {number}"),
        "Nguyễn Văn Hùng",
    );
    cancel.amends = Some(first);
    cancel.cancels = true;
    let id = store.save_decision_draft(&cancel).unwrap();
    let cancel_number = store
        .issue_decision(id, None, d(2027, 2, 1), "SCT")
        .unwrap();
    let history = store.awards_for(Subject::Person(people[0])).unwrap();
    assert!(
        history[0]
            .note
            .contains(&format!("Đã bị hủy bởi Quyết định số {cancel_number}")),
        "{:?}",
        history[0]
    );
    assert_eq!(history.len(), 1, "the record stays in the history");
    assert_eq!(
        history[0].cancelled_by.as_deref(),
        Some(cancel_number.as_str())
    );
    assert!(!history[0].in_force());
    assert_eq!(
        store.decision(first).unwrap().status,
        DecisionStatus::Issued,
        "the first stays as issued"
    );
    assert_eq!(store.decision(id).unwrap().amends, Some(first));
}

#[test]
fn other_bodies_decisions_go_into_the_history() {
    let (mut store, people, _) = setup();
    let bk = store
        .catalogue()
        .unwrap()
        .into_iter()
        .find(|e| e.code == "BK_TINH_CN")
        .unwrap()
        .id;
    let mut ext = Decision::draft(2026, "Về việc tặng Bằng khen", "");
    ext.internal = false;
    ext.issuer = "Chủ tịch UBND tỉnh".into();
    ext.number = "345/QĐ-UBND".into();
    ext.issued_on = Some(d(2027, 3, 2));
    ext.entries = vec![DecisionEntry {
        subject: Subject::Person(people[1]),
        catalogue_id: bk,
        amount: None,
        nomination: None,
    }];
    store.record_external_decision(&ext).unwrap();
    let history = store.awards_for(Subject::Person(people[1])).unwrap();
    assert_eq!(
        (
            history[0].decision_number.as_str(),
            history[0].issuer.as_str()
        ),
        ("345/QĐ-UBND", "Chủ tịch UBND tỉnh")
    );
}

#[test]
fn an_amendment_replaces_the_history_of_the_amended_decision() {
    let (mut store, people, ldtt) = setup();
    let first = store.save_decision_draft(&draft(&people, ldtt)).unwrap();
    let number = store
        .issue_decision(first, None, d(2027, 1, 12), "SCT")
        .unwrap();
    // The amendment keeps Lan only.
    let mut amend = draft(&people[..1], ldtt);
    amend.subject_line = format!("Về việc sửa đổi Quyết định số {number}");
    amend.amends = Some(first);
    let id = store.save_decision_draft(&amend).unwrap();
    let new_number = store
        .issue_decision(id, None, d(2027, 2, 1), "SCT")
        .unwrap();
    let lan = store.awards_for(Subject::Person(people[0])).unwrap();
    assert_eq!(lan.len(), 1);
    assert_eq!(lan[0].decision_number, new_number);
    assert!(
        lan[0]
            .note
            .contains(&format!("Sửa đổi Quyết định số {number}")),
        "{:?}",
        lan[0]
    );
    let audit = store.audit_for("awards", lan[0].id).unwrap();
    assert!(
        audit[0].before.as_deref().unwrap_or("").contains(&number),
        "the old decision stays in the audit log"
    );
    assert!(lan[0].in_force(), "{:?}", lan[0]);
    let binh = store.awards_for(Subject::Person(people[1])).unwrap();
    assert_eq!(
        binh[0].cancelled_by.as_deref(),
        Some(new_number.as_str()),
        "the dropped subject's award no longer counts"
    );
    assert!(
        binh[0]
            .note
            .contains(&format!("Bị loại bởi Quyết định số {new_number}")),
        "{:?}",
        binh[0]
    );
    assert_eq!(store.decision(id).unwrap().amends, Some(first));
}

#[test]
fn after_a_cancellation_the_same_award_can_be_decided_again() {
    let (mut store, people, ldtt) = setup();
    let first = store.save_decision_draft(&draft(&people, ldtt)).unwrap();
    store
        .issue_decision(first, None, d(2027, 1, 12), "SCT")
        .unwrap();
    let mut cancel = Decision::draft(2026, "Về việc hủy bỏ Quyết định số 1/QĐ-SCT", "");
    cancel.amends = Some(first);
    cancel.cancels = true;
    let id = store.save_decision_draft(&cancel).unwrap();
    store
        .issue_decision(id, None, d(2027, 2, 1), "SCT")
        .unwrap();
    let again = store.save_decision_draft(&draft(&people, ldtt)).unwrap();
    let number = store
        .issue_decision(again, None, d(2027, 2, 10), "SCT")
        .unwrap();
    let history = store.awards_for(Subject::Person(people[0])).unwrap();
    let in_force: Vec<&str> = history
        .iter()
        .filter(|a| a.in_force())
        .map(|a| a.decision_number.as_str())
        .collect();
    assert_eq!(history.len(), 2, "{history:?}");
    assert_eq!(in_force, vec![number.as_str()]);
    // Editing the cancelled record by hand does not bring it back.
    let mut cancelled = history.iter().find(|a| !a.in_force()).unwrap().clone();
    cancelled.cancelled_by = None;
    cancelled.note = "Ghi chú sửa tay".into();
    store.save_award(&cancelled).unwrap();
    let after = store.awards_for(Subject::Person(people[0])).unwrap();
    assert_eq!(after.iter().filter(|a| a.in_force()).count(), 1);
}

/// A database whose cancellations were made before awards had `cancelled_by` (the note
/// only) gets it from the decisions' lists when it is migrated.
#[test]
fn cancellations_made_before_the_column_are_found_on_migration() {
    use crate::store::migrations::{migrate_with, steps};
    let all = steps();
    let before = all
        .iter()
        .position(|s| s.name == "award_cancellations")
        .unwrap();
    let mut conn = rusqlite::Connection::open_in_memory().unwrap();
    migrate_with(&mut conn, &all[..before]).unwrap();
    conn.execute_batch(
        "INSERT INTO units(id, name, kind) VALUES (1, 'Văn phòng', 'division');
         INSERT INTO people(id, full_name, gender, unit_id) VALUES
             (1, 'Nguyễn Thị Lan', 'female', 1), (2, 'Trần Văn Bình', 'male', 1),
             (3, 'Lê Minh Châu', 'female', 1);
         INSERT INTO catalogue(id, code, name, subject_kind, kind, level)
             VALUES (1, 'LDTT', 'Lao động tiên tiến', 'individual', 'title', 'department');
         INSERT INTO awards(id, person_id, year, catalogue_id, decision_number, note) VALUES
             (1, 1, 2026, 1, '1/QĐ-SCT', 'Đã bị hủy bởi Quyết định số 2/QĐ-SCT'),
             (2, 2, 2026, 1, '3/QĐ-SCT', 'Sửa đổi Quyết định số 1/QĐ-SCT'),
             (3, 3, 2026, 1, '1/QĐ-SCT', 'Bị loại bởi Quyết định số 3/QĐ-SCT'),
             (4, 2, 2025, 1, '9/QĐ-SCT', '');
         INSERT INTO decisions(id, year, internal, status, amends, data) VALUES
             (1, 2026, 1, 'draft', NULL, '{}'), (2, 2026, 1, 'draft', 1, '{}'),
             (3, 2026, 1, 'draft', NULL, '{}'), (4, 2026, 1, 'draft', 3, '{}'),
             (5, 2025, 1, 'draft', NULL, '{}');
         INSERT INTO decision_entries(decision_id, person_id, catalogue_id, award_id) VALUES
             (1, 1, 1, 1),
             (3, 2, 1, 2), (3, 3, 1, 3), (4, 2, 1, 2),
             (5, 2, 1, 4);
         UPDATE decisions SET status = 'issued', issued_on = '2027-01-0' || id,
             number = id || '/QĐ-SCT';",
    )
    .unwrap();
    migrate_with(&mut conn, &all).unwrap();
    let cancelled: Vec<(i64, Option<String>)> = conn
        .prepare("SELECT id, cancelled_by FROM awards ORDER BY id")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(
        cancelled,
        vec![
            (1, Some("2/QĐ-SCT".into())),
            (2, None),
            (3, Some("4/QĐ-SCT".into())),
            (4, None),
        ]
    );
}
