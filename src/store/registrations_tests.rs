use chrono::NaiveDate;

use super::*;
use crate::domain::model::{PersonStatus, Subject};
use crate::store::tests::{person, unit};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

struct Fixture {
    store: Store,
    unit: UnitId,
    people: Vec<i64>,
}

fn fixture() -> Fixture {
    let mut store = Store::open_in_memory().unwrap();
    let unit = store.save_unit(&unit("Phòng Quản lý công nghiệp")).unwrap();
    let people = ["Nguyễn Thị Lan", "Trần Văn Bình", "Lê Minh Châu"]
        .iter()
        .map(|n| store.save_person(&person(n, unit)).unwrap())
        .collect();
    Fixture {
        store,
        unit,
        people,
    }
}

fn code(store: &Store, code: &str) -> CatalogueId {
    store
        .catalogue()
        .unwrap()
        .into_iter()
        .find(|e| e.code == code)
        .unwrap()
        .id
}

fn title(subject: Subject, id: CatalogueId) -> SubjectChoice {
    SubjectChoice {
        title: Some(id),
        ..SubjectChoice::new(subject)
    }
}

#[test]
fn registering_a_unit_in_bulk_and_again_changes_nothing_the_second_time() {
    let mut f = fixture();
    let ldtt = code(&f.store, "LDTT");
    let choices: Vec<SubjectChoice> = f
        .people
        .iter()
        .map(|p| title(Subject::Person(*p), ldtt))
        .collect();
    assert_eq!(
        f.store
            .apply_choices(2026, &choices, d(2026, 2, 3))
            .unwrap(),
        3
    );
    assert_eq!(
        f.store
            .apply_choices(2026, &choices, d(2026, 2, 4))
            .unwrap(),
        0
    );
    for p in &f.people {
        assert!(
            f.store
                .is_registered(Subject::Person(*p), 2026, "LDTT")
                .unwrap()
        );
        assert!(
            !f.store
                .is_registered(Subject::Person(*p), 2026, "CSTDCS")
                .unwrap()
        );
        assert!(
            !f.store
                .is_registered(Subject::Person(*p), 2025, "LDTT")
                .unwrap()
        );
    }
}

#[test]
fn changing_a_title_withdraws_the_old_line_and_keeps_it() {
    let mut f = fixture();
    let (ldtt, cstdcs, gk) = (
        code(&f.store, "LDTT"),
        code(&f.store, "CSTDCS"),
        code(&f.store, "GK_SO_CN"),
    );
    let p = Subject::Person(f.people[0]);
    f.store
        .apply_choices(2026, &[title(p, ldtt)], d(2026, 2, 3))
        .unwrap();
    let mut upgraded = title(p, cstdcs);
    upgraded.forms.insert(gk);
    assert_eq!(
        f.store
            .apply_choices(2026, &[upgraded], d(2026, 3, 1))
            .unwrap(),
        3
    );
    let lines = f.store.registrations_of(p).unwrap();
    assert_eq!(lines.len(), 3);
    let old = lines.iter().find(|r| r.catalogue_id == ldtt).unwrap();
    assert_eq!(old.withdrawn_on, Some(d(2026, 3, 1)));
    assert!(
        f.store.is_registered(p, 2026, "LDTT").unwrap(),
        "CSTĐCS covers LĐTT"
    );
    assert!(f.store.is_registered(p, 2026, "GK_SO_CN").unwrap());
    // Withdrawing everything keeps every line.
    f.store
        .apply_choices(2026, &[SubjectChoice::new(p)], d(2026, 4, 1))
        .unwrap();
    assert!(!f.store.is_registered(p, 2026, "LDTT").unwrap());
    assert_eq!(f.store.registrations_of(p).unwrap().len(), 3);
    // The database itself refuses to delete a line.
    let err = f
        .store
        .connection()
        .execute("DELETE FROM registrations", [])
        .unwrap_err();
    assert!(err.to_string().contains("không xóa được"), "{err}");
}

#[test]
fn a_bad_choice_saves_nothing_of_the_batch() {
    let mut f = fixture();
    let ldtt = code(&f.store, "LDTT");
    let ttldtt = code(&f.store, "TTLDTT");
    let choices = vec![
        title(Subject::Person(f.people[0]), ldtt),
        title(Subject::Person(f.people[1]), ttldtt),
    ];
    let err = f
        .store
        .apply_choices(2026, &choices, d(2026, 2, 3))
        .unwrap_err();
    assert!(err.to_string().contains("dành cho tập thể"), "{err}");
    assert!(f.store.registrations_of_year(2026).unwrap().is_empty());
    // A form in the title slot is refused too.
    let gk = code(&f.store, "GK_SO_CN");
    let err = f
        .store
        .apply_choices(
            2026,
            &[title(Subject::Person(f.people[0]), gk)],
            d(2026, 2, 3),
        )
        .unwrap_err();
    assert!(err.to_string().contains("hình thức khen thưởng"), "{err}");
}

#[test]
fn people_who_left_before_the_year_cannot_register() {
    let mut f = fixture();
    let mut p = f.store.person(f.people[2]).unwrap();
    p.status = PersonStatus::Retired;
    p.status_date = Some(d(2025, 10, 1));
    f.store.save_person(&p).unwrap();
    let ldtt = code(&f.store, "LDTT");
    let err = f
        .store
        .apply_choices(2026, &[title(Subject::Person(p.id), ldtt)], d(2026, 2, 3))
        .unwrap_err();
    assert!(err.to_string().contains("không còn công tác"), "{err}");
}

#[test]
fn copying_last_year_fills_only_subjects_without_a_registration() {
    let mut f = fixture();
    let (ldtt, cstdcs, ttldtt) = (
        code(&f.store, "LDTT"),
        code(&f.store, "CSTDCS"),
        code(&f.store, "TTLDTT"),
    );
    let last = vec![
        title(Subject::Person(f.people[0]), cstdcs),
        title(Subject::Person(f.people[1]), ldtt),
        title(Subject::Unit(f.unit), ttldtt),
    ];
    f.store.apply_choices(2025, &last, d(2025, 2, 1)).unwrap();
    // This year person 1 already chose LĐTT; person 2 retired last December.
    f.store
        .apply_choices(
            2026,
            &[title(Subject::Person(f.people[0]), ldtt)],
            d(2026, 1, 5),
        )
        .unwrap();
    let mut p = f.store.person(f.people[1]).unwrap();
    p.status = PersonStatus::Retired;
    p.status_date = Some(d(2025, 12, 31));
    f.store.save_person(&p).unwrap();
    assert_eq!(
        f.store
            .copy_registrations(2025, 2026, None, d(2026, 1, 10))
            .unwrap(),
        1
    );
    let p0 = Subject::Person(f.people[0]);
    assert!(!f.store.is_registered(p0, 2026, "CSTDCS").unwrap());
    assert!(
        f.store
            .is_registered(Subject::Unit(f.unit), 2026, "TTLDTT")
            .unwrap()
    );
    assert!(
        !f.store
            .is_registered(Subject::Person(f.people[1]), 2026, "LDTT")
            .unwrap()
    );
}

#[test]
fn a_returned_submission_needs_a_reason_and_is_audited() {
    let mut f = fixture();
    let mut s = f.store.submissions(2026).unwrap().remove(0);
    assert_eq!(s.status, SubmissionStatus::NotSent);
    s.status = SubmissionStatus::Returned;
    let err = f.store.save_submission(&s).unwrap_err();
    assert!(err.to_string().contains("lý do"), "{err}");
    s.returned_reason = "Thiếu chữ ký thủ trưởng đơn vị".into();
    f.store.save_submission(&s).unwrap();
    s.status = SubmissionStatus::Sent;
    s.sent_on = Some(d(2026, 2, 20));
    f.store.save_submission(&s).unwrap();
    let back = f.store.submissions(2026).unwrap().remove(0);
    assert_eq!(back.status_text(), "Đã gửi (20/02/2026)");
    assert_eq!(back.returned_reason, "Thiếu chữ ký thủ trưởng đơn vị");
    let id: i64 = f
        .store
        .connection()
        .query_row("SELECT id FROM unit_submissions", [], |r| r.get(0))
        .unwrap();
    assert_eq!(f.store.audit_for("unit_submissions", id).unwrap().len(), 2);
}

#[test]
fn clusters_keep_their_members_and_refuse_duplicates() {
    let mut f = fixture();
    let other = f
        .store
        .save_unit(&unit("Phòng Quản lý thương mại"))
        .unwrap();
    let mut c = Cluster {
        year: 2026,
        name: "Cụm thi đua số 1".into(),
        members: vec![f.unit, other],
        covenant_date: Some(d(2026, 3, 2)),
        covenant_content: "Hoàn thành 100% nhiệm vụ\nKhông có cán bộ vi phạm kỷ luật".into(),
        ..Cluster::default()
    };
    c.id = f.store.save_cluster(&c).unwrap();
    assert_eq!(f.store.clusters(2026).unwrap(), vec![c.clone()]);
    let mut twin = c.clone();
    twin.id = 0;
    assert!(matches!(
        f.store.save_cluster(&twin),
        Err(StoreError::Conflict(_))
    ));
    twin.name = "Cụm 2".into();
    twin.members = vec![other];
    assert!(matches!(
        f.store.save_cluster(&twin),
        Err(StoreError::Invalid(_))
    ));
}
