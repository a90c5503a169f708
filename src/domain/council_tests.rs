use chrono::NaiveDate;

use super::*;

fn member(name: &str, role: MemberRole, present: bool) -> CouncilMember {
    CouncilMember {
        name: name.into(),
        position: String::new(),
        role,
        present,
    }
}

fn meeting(present: usize, total: usize) -> Meeting {
    let mut members = vec![
        member("Nguyễn Văn Hùng", MemberRole::Chair, true),
        member("Lê Thị Hoa", MemberRole::Secretary, true),
    ];
    for i in 2..total {
        members.push(member(
            &format!("Ủy viên {i}"),
            MemberRole::Member,
            i < present,
        ));
    }
    Meeting {
        id: 0,
        year: 2026,
        held_on: NaiveDate::from_ymd_opt(2026, 12, 20).unwrap(),
        time: "08 giờ 00".into(),
        place: "Phòng họp Sở Công Thương".into(),
        members,
        vote_form: VoteForm::SecretBallot,
    }
}

#[test]
fn the_threshold_counts_over_all_members_not_those_present() {
    // 12 members, 10 present, 10 agree: 83,33% of all, below 90%.
    let r = count(
        Votes {
            agree: 10,
            disagree: 0,
        },
        12,
        90.0,
    )
    .unwrap();
    assert!(!r.passes);
    assert_eq!(
        r.text(
            Votes {
                agree: 10,
                disagree: 0
            },
            12
        ),
        "10/12 thành viên đồng ý (83,33%; cần từ 90% tổng số thành viên): không đạt"
    );
    // 11 of 12 (an absent member voted in writing): 91,67%.
    let r = count(
        Votes {
            agree: 11,
            disagree: 1,
        },
        12,
        90.0,
    )
    .unwrap();
    assert!(r.passes);
    // Exactly at the threshold passes.
    assert!(
        count(
            Votes {
                agree: 9,
                disagree: 1
            },
            10,
            90.0
        )
        .unwrap()
        .passes
    );
    assert!(
        !count(
            Votes {
                agree: 8,
                disagree: 2
            },
            10,
            90.0
        )
        .unwrap()
        .passes
    );
}

#[test]
fn more_votes_than_members_is_refused() {
    let e = count(
        Votes {
            agree: 10,
            disagree: 3,
        },
        12,
        50.0,
    )
    .unwrap_err();
    assert!(e.contains("nhiều hơn số thành viên"), "{e}");
    assert!(count(Votes::default(), 0, 50.0).is_err());
}

#[test]
fn outcome_proposes_upwards_what_the_director_does_not_decide() {
    let pass = count(
        Votes {
            agree: 12,
            disagree: 0,
        },
        12,
        90.0,
    )
    .unwrap();
    let fail = count(
        Votes {
            agree: 5,
            disagree: 7,
        },
        12,
        50.0,
    )
    .unwrap();
    assert_eq!(outcome(&pass, true), Outcome::Passed);
    assert_eq!(outcome(&pass, false), Outcome::PassedAndPropose);
    assert_eq!(outcome(&fail, false), Outcome::Failed);
}

#[test]
fn a_meeting_needs_its_quorum_a_chair_and_a_secretary() {
    let rules = CouncilRules::default();
    assert!(meeting(8, 12).quorum(&rules).is_ok());
    let e = meeting(7, 12).quorum(&rules).unwrap_err();
    assert_eq!(
        e,
        "Chỉ có 7/12 thành viên dự họp (58,33%); cần từ 66,67% tổng số thành viên để Hội đồng biểu quyết."
    );
    let half = CouncilRules {
        quorum_percent: 50.0,
        ..CouncilRules::default()
    };
    assert!(meeting(6, 12).quorum(&half).is_ok());

    let mut m = meeting(12, 12);
    assert!(m.problems().is_empty(), "{:?}", m.problems());
    m.members[1].role = MemberRole::Member;
    m.members
        .push(member("nguyễn văn hùng", MemberRole::Member, true));
    let problems = m.problems();
    assert!(problems.iter().any(|p| p.contains("Thư ký")));
    assert!(problems.iter().any(|p| p.contains("hai lần")));
}

#[test]
fn thresholds_come_from_the_rules_by_title() {
    let mut rules = CouncilRules::default();
    assert_eq!(rules.threshold("CSTD_TINH"), 90.0);
    assert_eq!(rules.threshold("LDTT"), 50.0);
    rules.thresholds.insert("LDTT".into(), 60.0);
    assert_eq!(rules.threshold("LDTT"), 60.0);
}

#[test]
fn the_clerk_chooses_the_outcome_where_the_votes_allow_it() {
    let of_twelve = |agree| {
        count(
            Votes {
                agree,
                disagree: 12 - agree,
            },
            12,
            90.0,
        )
        .unwrap()
    };
    let passed = of_twelve(11);
    let failed = of_twelve(10);
    // Without a choice the votes and the deciding level give the outcome.
    assert_eq!(chosen_outcome(&passed, true, None), Ok(Outcome::Passed));
    assert_eq!(
        chosen_outcome(&passed, false, None),
        Ok(Outcome::PassedAndPropose)
    );
    assert_eq!(chosen_outcome(&failed, true, None), Ok(Outcome::Failed));
    // A Director-level title passed and proposed to a higher level, by the clerk's choice.
    assert_eq!(
        chosen_outcome(&passed, true, Some(Outcome::PassedAndPropose)),
        Ok(Outcome::PassedAndPropose)
    );
    assert_eq!(
        chosen_outcome(&passed, false, Some(Outcome::Passed)),
        Ok(Outcome::Passed)
    );
    let e = chosen_outcome(&failed, true, Some(Outcome::PassedAndPropose)).unwrap_err();
    assert!(e.contains("83,33%"), "{e}");
    assert!(e.contains("chưa đạt 90%"), "{e}");
    let e = chosen_outcome(&passed, true, Some(Outcome::Failed)).unwrap_err();
    assert!(e.contains("không ghi «Không thông qua»"), "{e}");
}
