use chrono::NaiveDate;

use super::migrations::{Step, migrate_with, steps};
use super::*;
use crate::domain::model::*;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

pub(crate) fn unit(name: &str) -> Unit {
    Unit {
        id: 0,
        name: name.into(),
        short_name: String::new(),
        kind: UnitKind::Division,
        sort_order: 10,
        active: true,
        dissolved_on: None,
    }
}

pub(crate) fn person(name: &str, unit_id: UnitId) -> Person {
    Person {
        id: 0,
        full_name: name.into(),
        gender: Gender::Female,
        birth_date: Some(d(1985, 3, 12)),
        unit_id,
        position: "Chuyên viên".into(),
        position_rank: 50,
        is_department_leader: false,
        recruited_on: Some(d(2010, 9, 1)),
        status: PersonStatus::Working,
        status_date: None,
        active: true,
    }
}

fn schema_dump(conn: &rusqlite::Connection) -> Vec<(String, String)> {
    let mut stmt = conn
        .prepare("SELECT name, sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY name")
        .unwrap();
    stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
}

#[test]
fn migrating_step_by_step_equals_a_fresh_database() {
    let all = steps();
    let mut fresh = rusqlite::Connection::open_in_memory().unwrap();
    migrate_with(&mut fresh, &all).unwrap();
    let mut stepwise = rusqlite::Connection::open_in_memory().unwrap();
    for n in 1..=all.len() {
        let prefix: Vec<Step> = all[..n]
            .iter()
            .map(|s| Step {
                name: s.name,
                sql: s.sql.clone(),
            })
            .collect();
        migrate_with(&mut stepwise, &prefix).unwrap();
    }
    assert_eq!(schema_dump(&fresh), schema_dump(&stepwise));
    // Running again changes nothing.
    migrate_with(&mut fresh, &all).unwrap();
    let v: i64 = fresh
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(v, all.len() as i64);
}

#[test]
fn a_changed_applied_step_is_refused() {
    let mut conn = rusqlite::Connection::open_in_memory().unwrap();
    migrate_with(&mut conn, &steps()).unwrap();
    let mut changed = steps();
    changed[0].sql.push_str("\nCREATE TABLE sneaky(x);");
    let err = migrate_with(&mut conn, &changed).unwrap_err();
    assert!(matches!(err, StoreError::SchemaChanged(_)), "{err}");
    assert!(err.to_string().contains("đã bị sửa"));
}

#[test]
fn a_newer_database_is_refused_and_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("mới hơn.sqlite");
    drop(Store::open(&path).unwrap());
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.pragma_update(None, "user_version", 99).unwrap();
    }
    let before = std::fs::read(&path).unwrap();
    let err = Store::open(&path)
        .err()
        .expect("newer schema must be refused");
    assert!(matches!(err, StoreError::NewerSchema { found: 99, .. }));
    assert!(err.to_string().contains("phiên bản mới hơn"));
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

#[test]
fn a_foreign_or_damaged_file_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let foreign = dir.path().join("khac.sqlite");
    {
        let conn = rusqlite::Connection::open(&foreign).unwrap();
        conn.execute_batch("CREATE TABLE invoices(id INTEGER);")
            .unwrap();
    }
    assert!(matches!(Store::open(&foreign), Err(StoreError::Foreign)));
    let junk = dir.path().join("rac.sqlite");
    std::fs::write(&junk, vec![b'x'; 8192]).unwrap();
    assert!(matches!(Store::open(&junk), Err(StoreError::Damaged)));
    assert_eq!(std::fs::read(&junk).unwrap(), vec![b'x'; 8192]);
}

#[test]
fn catalogue_is_seeded_once() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("db.sqlite");
    let n = Store::open(&path).unwrap().catalogue().unwrap().len();
    assert_eq!(n, builtin_catalogue().len());
    assert_eq!(Store::open(&path).unwrap().catalogue().unwrap().len(), n);
}

#[test]
fn unit_names_are_unique_with_a_vietnamese_message() {
    let mut s = Store::open_in_memory().unwrap();
    s.save_unit(&unit("Văn phòng")).unwrap();
    let err = s.save_unit(&unit("Văn phòng")).unwrap_err();
    assert!(
        err.to_string().contains("Đã có đơn vị tên \"Văn phòng\""),
        "{err}"
    );
}

#[test]
fn removing_a_referenced_person_deactivates_and_an_unreferenced_one_deletes() {
    let mut s = Store::open_in_memory().unwrap();
    let u = s.save_unit(&unit("Thanh tra")).unwrap();
    let a = s.save_person(&person("Trần Thị Hoa", u)).unwrap();
    let b = s.save_person(&person("Lê Văn Nam", u)).unwrap();
    s.set_person_rating(a, 2025, Some(Rating::Good)).unwrap();
    assert_eq!(s.remove_person(a).unwrap(), Removal::Deactivated);
    assert!(!s.person(a).unwrap().active);
    assert_eq!(s.remove_person(b).unwrap(), Removal::Deleted);
    assert!(matches!(s.person(b), Err(StoreError::NotFound(_))));
    // The unit has a person: it is deactivated, not deleted.
    assert_eq!(s.remove_unit(u).unwrap(), Removal::Deactivated);
    assert!(!s.units().unwrap()[0].active);
}

#[test]
fn the_audit_log_records_before_and_after() {
    let mut s = Store::open_in_memory().unwrap();
    let u = s.save_unit(&unit("Phòng Quản lý thương mại")).unwrap();
    let id = s.save_person(&person("Nguyễn Văn An", u)).unwrap();
    let mut p = s.person(id).unwrap();
    p.position = "Phó Trưởng phòng".into();
    s.save_person(&p).unwrap();
    s.remove_person(id).unwrap();
    let log = s.audit_for("people", id).unwrap();
    let actions: Vec<_> = log.iter().map(|e| e.action.as_str()).collect();
    assert_eq!(actions, vec!["delete", "update", "insert"]);
    let update = &log[1];
    assert!(update.before.as_deref().unwrap().contains("Chuyên viên"));
    assert!(
        update
            .after
            .as_deref()
            .unwrap()
            .contains("Phó Trưởng phòng")
    );
}

#[test]
fn award_records_refuse_duplicates_and_both_subjects_are_kept_apart() {
    let mut s = Store::open_in_memory().unwrap();
    let u = s.save_unit(&unit("Văn phòng")).unwrap();
    let p = s.save_person(&person("Phạm Thị Lan", u)).unwrap();
    let cat = s.catalogue().unwrap();
    let ldtt = cat.iter().find(|c| c.code == "LDTT").unwrap().id;
    let rec = AwardRecord {
        id: 0,
        subject: Subject::Person(p),
        year: 2025,
        catalogue_id: ldtt,
        decision_number: "12/QĐ-SCT".into(),
        decision_date: Some(d(2026, 1, 5)),
        issuer: "Giám đốc Sở Công Thương".into(),
        note: String::new(),
        cancelled_by: None,
    };
    s.save_award(&rec).unwrap();
    let err = s.save_award(&rec).unwrap_err();
    assert!(err.to_string().contains("Năm 2025 đã có"), "{err}");
    assert_eq!(s.awards_for(Subject::Person(p)).unwrap().len(), 1);
    assert!(s.awards_for(Subject::Unit(u)).unwrap().is_empty());
    // The CHECK constraint refuses a row with no subject at all.
    let raw = s.connection().execute(
        "INSERT INTO awards(year, catalogue_id) VALUES (2025, ?1)",
        [ldtt],
    );
    assert!(raw.is_err());
}

#[test]
fn a_catalogue_entry_in_use_is_deactivated_not_deleted() {
    let mut s = Store::open_in_memory().unwrap();
    let entry = CatalogueEntry {
        id: 0,
        code: "KNC_BCT".into(),
        name: "Kỷ niệm chương Vì sự nghiệp phát triển ngành Công Thương".into(),
        subject_kind: SubjectKind::Individual,
        kind: AwardKind::Commendation,
        level: AwardLevel::Ministry,
        decided_by: "Bộ trưởng Bộ Công Thương".into(),
        coefficient: None,
        sort_order: 500,
        active: true,
        builtin: false,
    };
    let id = s.save_catalogue_entry(&entry).unwrap();
    let u = s.save_unit(&unit("Văn phòng")).unwrap();
    let p = s.save_person(&person("Phạm Thị Lan", u)).unwrap();
    s.save_award(&AwardRecord {
        id: 0,
        subject: Subject::Person(p),
        year: 2024,
        catalogue_id: id,
        decision_number: String::new(),
        decision_date: None,
        issuer: String::new(),
        note: String::new(),
        cancelled_by: None,
    })
    .unwrap();
    assert_eq!(s.remove_catalogue_entry(id).unwrap(), Removal::Deactivated);
    let second = s
        .save_catalogue_entry(&CatalogueEntry {
            code: "KHAC".into(),
            ..entry.clone()
        })
        .unwrap();
    assert_eq!(s.remove_catalogue_entry(second).unwrap(), Removal::Deleted);
    let dup = s.save_catalogue_entry(&entry).unwrap_err();
    assert!(dup.to_string().contains("Mã \"KNC_BCT\" đã có"));
}

#[test]
fn ratings_set_replace_and_clear() {
    let mut s = Store::open_in_memory().unwrap();
    let u = s.save_unit(&unit("Văn phòng")).unwrap();
    let p = s.save_person(&person("Phạm Thị Lan", u)).unwrap();
    s.set_person_rating(p, 2024, Some(Rating::Good)).unwrap();
    s.set_person_rating(p, 2024, Some(Rating::Excellent))
        .unwrap();
    s.set_person_rating(p, 2025, Some(Rating::Completed))
        .unwrap();
    assert_eq!(
        s.person_ratings(p).unwrap(),
        vec![(2024, Rating::Excellent), (2025, Rating::Completed)]
    );
    s.set_person_rating(p, 2025, None).unwrap();
    assert_eq!(s.person_ratings(p).unwrap().len(), 1);
    s.set_unit_rating(u, 2025, Some(Rating::Excellent)).unwrap();
    assert_eq!(s.unit_ratings(u).unwrap(), vec![(2025, Rating::Excellent)]);
}

#[test]
fn in_transaction_writes_all_or_nothing() {
    let mut s = Store::open_in_memory().unwrap();
    let result: Result<(), StoreError> = s.in_transaction(|tx| {
        tx.execute(
            "INSERT INTO units(name, kind) VALUES ('Đơn vị A', 'division')",
            [],
        )?;
        tx.execute("INSERT INTO units(name, kind) VALUES ('', 'division')", [])?;
        Ok(())
    });
    assert!(result.is_err());
    assert!(s.units().unwrap().is_empty());
}
