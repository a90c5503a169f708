use chrono::NaiveDate;

use super::*;
use crate::domain::council::{CouncilMember, MemberRole};
use crate::domain::model::CatalogueId;
use crate::store::tests::{person, unit};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
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

fn setup() -> (Store, i64, Vec<i64>) {
    let mut store = Store::open_in_memory().unwrap();
    let u = store.save_unit(&unit("Văn phòng")).unwrap();
    let people = ["Nguyễn Thị Lan", "Trần Văn Bình"]
        .iter()
        .map(|n| store.save_person(&person(n, u)).unwrap())
        .collect();
    (store, u, people)
}

fn meeting(year: i32) -> Meeting {
    let member = |name: &str, role| CouncilMember {
        name: name.into(),
        position: String::new(),
        role,
        present: true,
    };
    Meeting {
        id: 0,
        year,
        held_on: d(year, 12, 20),
        time: "08 giờ 00".into(),
        place: "Phòng họp số 1".into(),
        members: vec![
            member("Nguyễn Văn Hùng", MemberRole::Chair),
            member("Lê Thị Hoa", MemberRole::Secretary),
            member("Phạm Văn Tú", MemberRole::Member),
        ],
        vote_form: VoteForm::SecretBallot,
    }
}

#[test]
fn a_subject_is_nominated_once_per_title_and_year_and_a_bad_batch_saves_nothing() {
    let (mut store, u, people) = setup();
    let ldtt = code(&store, "LDTT");
    let first = Nomination::new(2026, Subject::Person(people[0]), ldtt, u, d(2026, 11, 1));
    store
        .create_nominations(std::slice::from_ref(&first))
        .unwrap();
    let second = Nomination::new(2026, Subject::Person(people[1]), ldtt, u, d(2026, 11, 1));
    let err = store.create_nominations(&[second, first]).unwrap_err();
    assert!(
        err.to_string()
            .contains("Nguyễn Thị Lan đã có đề nghị «Lao động tiên tiến» năm 2026"),
        "{err}"
    );
    assert_eq!(
        store.nominations(2026).unwrap().len(),
        1,
        "nothing of the batch was written"
    );
    // A collective title does not fit a person.
    let ttldtt = code(&store, "TTLDTT");
    let err = store
        .create_nominations(&[Nomination::new(
            2026,
            Subject::Person(people[1]),
            ttldtt,
            u,
            d(2026, 11, 1),
        )])
        .unwrap_err();
    assert!(err.to_string().contains("dành cho tập thể"), "{err}");
}

#[test]
fn the_way_through_the_council_is_checked_and_audited() {
    let (mut store, u, people) = setup();
    let ldtt = code(&store, "LDTT");
    let ids = store
        .create_nominations(&[Nomination::new(
            2026,
            Subject::Person(people[0]),
            ldtt,
            u,
            d(2026, 11, 1),
        )])
        .unwrap();
    let id = ids[0];
    let m = store.save_meeting(&meeting(2026)).unwrap();
    // Not yet sent to the council: not on an agenda, no outcome.
    assert!(store.put_on_agenda(m, &[id]).is_err());
    assert!(
        store
            .move_nomination(id, NominationStatus::Approved, None)
            .is_err()
    );
    store
        .move_nomination(
            id,
            NominationStatus::ToCouncil,
            Some("Đã xác minh kỷ luật đã hết"),
        )
        .unwrap();
    store.put_on_agenda(m, &[id]).unwrap();
    let votes = Votes {
        agree: 3,
        disagree: 1,
    };
    let err = store
        .record_outcome(id, votes, Outcome::Passed, 3)
        .unwrap_err();
    assert!(err.to_string().contains("nhiều hơn số thành viên"), "{err}");
    store
        .record_outcome(
            id,
            Votes {
                agree: 3,
                disagree: 0,
            },
            Outcome::Passed,
            3,
        )
        .unwrap();
    let err = store
        .record_outcome(
            id,
            Votes {
                agree: 0,
                disagree: 3,
            },
            Outcome::Failed,
            3,
        )
        .unwrap_err();
    assert!(err.to_string().contains("không ghi lần thứ hai"), "{err}");
    let n = store.nomination(id).unwrap();
    assert_eq!(n.status, NominationStatus::Approved);
    assert_eq!(n.override_reason, "Đã xác minh kỷ luật đã hết");
    assert_eq!(
        n.votes,
        Some(Votes {
            agree: 3,
            disagree: 0
        })
    );
    // Only drafts are deleted; every status change is in the audit log.
    assert!(store.delete_nomination(id).is_err());
    let audit = store.audit_for("nominations", id).unwrap();
    assert_eq!(audit.len(), 4, "insert, to council, agenda, outcome");
    // The database refuses a second outcome even below the store.
    let e = store
        .connection()
        .execute(
            "UPDATE nominations SET outcome = 'failed' WHERE id = ?1",
            [id],
        )
        .unwrap_err();
    assert!(e.to_string().contains("không ghi lần thứ hai"));
}

#[test]
fn a_meeting_without_chair_or_secretary_is_refused() {
    let (mut store, _, _) = setup();
    let mut m = meeting(2026);
    m.members.retain(|x| x.role == MemberRole::Member);
    let err = store.save_meeting(&m).unwrap_err();
    assert!(err.to_string().contains("Chủ tịch"), "{err}");
    let id = store.save_meeting(&meeting(2026)).unwrap();
    assert_eq!(store.meetings(2026).unwrap()[0].id, id);
    assert_eq!(store.meetings(2026).unwrap()[0].members.len(), 3);
}

/// Two LĐTT drafts of the two people.
fn two_drafts(store: &mut Store, u: i64, people: &[i64]) -> [i64; 2] {
    let ldtt = code(store, "LDTT");
    let list: Vec<_> = people
        .iter()
        .map(|p| Nomination::new(2026, Subject::Person(*p), ldtt, u, d(2026, 11, 1)))
        .collect();
    let ids = store.create_nominations(&list).unwrap();
    [ids[0], ids[1]]
}

fn audit_rows(store: &Store) -> i64 {
    store
        .connection()
        .query_row("SELECT count(*) FROM audit_log", [], |r| r.get(0))
        .unwrap()
}

#[test]
fn sending_to_the_council_moves_all_or_none() {
    let (mut store, u, people) = setup();
    let [a, b] = two_drafts(&mut store, u, &people);
    store.send_to_council(&[b], None).unwrap();
    let before = audit_rows(&store);
    // b is already with the council: a must not move either.
    let err = store.send_to_council(&[a, b], Some("Lý do")).unwrap_err();
    assert!(err.to_string().contains("Trình Hội đồng"), "{err}");
    let n = store.nomination(a).unwrap();
    assert_eq!(n.status, NominationStatus::Draft);
    assert_eq!(n.override_reason, "");
    assert_eq!(audit_rows(&store), before, "nothing was written");
    store.send_to_council(&[a], Some(" Lý do ")).unwrap();
    let n = store.nomination(a).unwrap();
    assert_eq!(n.status, NominationStatus::ToCouncil);
    assert_eq!(n.override_reason, "Lý do");
}

#[test]
fn a_proposal_that_fails_midway_takes_no_number_and_moves_nothing() {
    let (mut store, u, people) = setup();
    let [a, b] = two_drafts(&mut store, u, &people);
    let m = store.save_meeting(&meeting(2026)).unwrap();
    store.send_to_council(&[a], None).unwrap();
    store.put_on_agenda(m, &[a]).unwrap();
    let votes = Votes {
        agree: 3,
        disagree: 0,
    };
    store
        .record_outcome(a, votes, Outcome::PassedAndPropose, 3)
        .unwrap();
    let before = audit_rows(&store);
    // b is still a draft: it cannot be sent on, so the whole step fails after the number
    // was registered and a was moved.
    let err = store
        .issue_proposal(2026, d(2026, 12, 22), "Tờ trình", &[a, b])
        .unwrap_err();
    assert!(err.to_string().contains("Đã trình cấp trên"), "{err}");
    assert!(store.documents_of_year(2026).unwrap().is_empty());
    assert_eq!(
        store.nomination(a).unwrap().status,
        NominationStatus::Approved
    );
    assert_eq!(audit_rows(&store), before, "nothing was written");
    let number = store
        .issue_proposal(2026, d(2026, 12, 22), "Tờ trình", &[a])
        .unwrap();
    assert_eq!(number, 1);
    assert_eq!(store.documents_of_year(2026).unwrap().len(), 1);
    assert_eq!(
        store.nomination(a).unwrap().status,
        NominationStatus::Submitted
    );
}

#[test]
fn the_proposing_unit_can_change_until_the_nomination_is_sent_on() {
    let (mut store, u, people) = setup();
    let [a, _] = two_drafts(&mut store, u, &people);
    let other = store.save_unit(&unit("Phòng Quản lý thương mại")).unwrap();
    assert_eq!(store.nomination(a).unwrap().proposing_unit, u);
    store.set_proposing_unit(a, other).unwrap();
    assert_eq!(store.nomination(a).unwrap().proposing_unit, other);
    let audit = store.audit_for("nominations", a).unwrap();
    assert_eq!(audit.len(), 2, "insert and the change");
    assert!(store.set_proposing_unit(a, 9999).is_err());
}
