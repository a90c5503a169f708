//! The demo's year end: this year's ratings once the review has begun (from November),
//! nominations made from the registrations (a few blocked on purpose: not registered, or
//! rated too low), a council meeting held with its votes, and the submissions numbered in
//! the register.

use chrono::{Datelike, Duration, NaiveDate};

use super::names::Rng;
use crate::domain::council::{CouncilMember, Meeting, MemberRole, Outcome, VoteForm, Votes, count};
use crate::domain::model::{PersonStatus, Rating, Subject};
use crate::domain::nomination::{Nomination, NominationStatus};
use crate::domain::registration::covers;
use crate::store::nominations::insert_nominations_in;
use crate::store::ratings::{set_person_rating_in, set_unit_rating_in};
use crate::store::register::{next_document_number_in, register_document_in};
use crate::store::{Store, StoreError};

pub(super) fn write(store: &mut Store, rng: &mut Rng, today: NaiveDate) -> Result<(), StoreError> {
    let year = today.year();
    if today.month() < 11 {
        return Ok(());
    }
    let conn = store.connection();
    let people: Vec<_> = store.people()?.into_iter().map(|r| r.person).collect();
    let units = store.units()?;
    let catalogue = store.catalogue()?;
    let id = |code: &str| catalogue.iter().find(|e| e.code == code).map(|e| e.id);
    let (Some(ldtt), Some(cstdcs), Some(ttldtt), Some(cstd_tinh)) =
        (id("LDTT"), id("CSTDCS"), id("TTLDTT"), id("CSTD_TINH"))
    else {
        return Ok(());
    };
    // This year's ratings.
    let working: Vec<_> = people
        .iter()
        .filter(|p| p.active && p.status == PersonStatus::Working)
        .filter(|p| p.recruited_on.is_none_or(|r| r.year() < year))
        .collect();
    let mut ratings = Vec::new();
    let awards_before = store.all_awards()?;
    for p in &working {
        let roll = rng.below(100);
        // Last year's CSTĐCS keep up their work: the stars of the Department.
        let star = awards_before.iter().any(|a| {
            a.year == year - 1 && a.catalogue_id == cstdcs && a.subject == Subject::Person(p.id)
        });
        let r = match roll {
            _ if star => Rating::Excellent,
            0..=17 => Rating::Excellent,
            18..=94 => Rating::Good,
            _ => Rating::Completed,
        };
        set_person_rating_in(conn, p.id, year, Some(r))?;
        ratings.push((p.id, r));
    }
    for u in units
        .iter()
        .filter(|u| u.active && u.name != "Ban Giám đốc")
    {
        let r = if rng.chance(35) {
            Rating::Excellent
        } else {
            Rating::Good
        };
        set_unit_rating_in(conn, u.id, year, Some(r))?;
    }
    // Nominations from the registrations.
    let regs = store.registrations_of_year(year)?;
    let code_of = |cid: i64| {
        catalogue
            .iter()
            .find(|e| e.id == cid)
            .map(|e| e.code.as_str())
            .unwrap_or("")
    };
    let registered = |s: Subject, code: &str| {
        regs.iter()
            .any(|r| r.is_current() && r.subject == s && covers(code_of(r.catalogue_id), code))
    };
    let rating = |pid: i64| ratings.iter().find(|(p, _)| *p == pid).map(|(_, r)| *r);
    let created = today - Duration::days(20);
    let mut list = Vec::new();
    for p in &working {
        let s = Subject::Person(p.id);
        let good = matches!(rating(p.id), Some(Rating::Excellent | Rating::Good));
        if registered(s, "LDTT") && good {
            list.push(Nomination {
                rating: rating(p.id),
                ..Nomination::new(year, s, ldtt, p.unit_id, created)
            });
        }
        if registered(s, "CSTDCS") && rating(p.id) == Some(Rating::Excellent) {
            list.push(Nomination {
                rating: rating(p.id),
                achievement: "Hoàn thành xuất sắc nhiệm vụ, có sáng kiến được công nhận cấp cơ sở"
                    .into(),
                ..Nomination::new(year, s, cstdcs, p.unit_id, created)
            });
        }
    }
    // Blocked on purpose: two not registered, one rated "hoàn thành nhiệm vụ".
    let not_registered: Vec<_> = working
        .iter()
        .filter(|p| !registered(Subject::Person(p.id), "LDTT"))
        .take(2)
        .collect();
    for p in not_registered {
        list.push(Nomination {
            rating: rating(p.id),
            ..Nomination::new(year, Subject::Person(p.id), ldtt, p.unit_id, created)
        });
    }
    if let Some(p) = working.iter().find(|p| {
        rating(p.id) == Some(Rating::Completed) && registered(Subject::Person(p.id), "LDTT")
    }) {
        list.push(Nomination {
            rating: rating(p.id),
            ..Nomination::new(year, Subject::Person(p.id), ldtt, p.unit_id, created)
        });
    }
    for u in units
        .iter()
        .filter(|u| u.active && registered(Subject::Unit(u.id), "TTLDTT"))
    {
        list.push(Nomination::new(
            year,
            Subject::Unit(u.id),
            ttldtt,
            u.id,
            created,
        ));
    }
    // CSTĐ tỉnh for those with CSTĐCS in the two years before and registered this year.
    let awards = store.all_awards()?;
    for p in &working {
        let s = Subject::Person(p.id);
        let streak = (year - 2..year).all(|y| {
            awards
                .iter()
                .any(|a| a.subject == s && a.year == y && a.catalogue_id == cstdcs)
        });
        if streak && registered(s, "CSTDCS") && rating(p.id) == Some(Rating::Excellent) {
            list.push(Nomination {
                achievement:
                    "Ba năm liên tục đạt Chiến sĩ thi đua cơ sở; đề tài được áp dụng toàn tỉnh"
                        .into(),
                rating: rating(p.id),
                ..Nomination::new(year, s, cstd_tinh, p.unit_id, created)
            });
        }
    }
    let ids = insert_nominations_in(conn, &list)?;
    meeting_and_votes(store, &list, &ids, today)
}

fn meeting_and_votes(
    store: &Store,
    list: &[Nomination],
    ids: &[i64],
    today: NaiveDate,
) -> Result<(), StoreError> {
    let conn = store.connection();
    let org = store.organisation()?;
    let year = today.year();
    let mut members = vec![CouncilMember {
        name: org.director.clone(),
        position: "Giám đốc Sở".into(),
        role: MemberRole::Chair,
        present: true,
    }];
    for d in &org.deputies {
        members.push(CouncilMember {
            name: d.clone(),
            position: "Phó Giám đốc Sở".into(),
            role: MemberRole::ViceChair,
            present: true,
        });
    }
    let people = store.people()?;
    for (position, role) in [
        ("Chánh Văn phòng", MemberRole::Secretary),
        ("Chánh Thanh tra", MemberRole::Member),
        ("Trưởng phòng", MemberRole::Member),
    ] {
        for p in people
            .iter()
            .filter(|p| p.person.position == position)
            .take(if position == "Trưởng phòng" { 3 } else { 1 })
        {
            members.push(CouncilMember {
                name: p.person.full_name.clone(),
                position: format!("{position}, {}", p.unit_name),
                role,
                present: true,
            });
        }
    }
    // One member away on a work trip.
    if let Some(last) = members.last_mut() {
        last.present = false;
    }
    let total = members.len();
    let held_on = today - Duration::days(3);
    conn.execute(
        "INSERT INTO council_meetings(year, held_on, time, place, vote_form, members) VALUES (?1, ?2, '08 giờ 00', 'Phòng họp tầng 2, Sở Công Thương', ?3, ?4)",
        rusqlite::params![year, held_on, VoteForm::SecretBallot.code(), serde_json::to_string(&members).unwrap_or_default()],
    )?;
    let meeting = conn.last_insert_rowid();
    let meeting_view = Meeting {
        id: meeting,
        year,
        held_on,
        time: String::new(),
        place: String::new(),
        members,
        vote_form: VoteForm::SecretBallot,
    };
    let rules = crate::domain::council::CouncilRules::default();
    let catalogue = store.catalogue()?;
    let mut n_cstd_tinh = 0;
    for (n, id) in list.iter().zip(ids) {
        // Not registered, or rated too low: left as drafts, blocked.
        let blocked = n.rating == Some(Rating::Completed) || is_unregistered(store, n)?;
        if blocked {
            continue;
        }
        let entry = catalogue.iter().find(|e| e.id == n.catalogue_id);
        let code = entry.map(|e| e.code.as_str()).unwrap_or("");
        let present = meeting_view.present() as u32;
        let agree = if code == "CSTD_TINH" {
            n_cstd_tinh += 1;
            // The second candidate misses the 90% of all members.
            if n_cstd_tinh == 2 {
                present - 2
            } else {
                total as u32
            }
        } else {
            present
        };
        let votes = Votes {
            agree,
            disagree: present.saturating_sub(agree),
        };
        let result = count(votes, total, rules.threshold(code)).map_err(StoreError::Conflict)?;
        let director_level =
            entry.is_some_and(|e| e.level == crate::domain::model::AwardLevel::Department);
        let outcome = crate::domain::council::outcome(&result, director_level);
        let status = match outcome {
            Outcome::Failed => NominationStatus::Rejected,
            _ => NominationStatus::Approved,
        };
        conn.execute(
            "UPDATE nominations SET status = ?1, meeting_id = ?2, votes_agree = ?3, votes_disagree = ?4, outcome = ?5 WHERE id = ?6",
            rusqlite::params![status.code(), meeting, votes.agree, votes.disagree, outcome.code(), id],
        )?;
    }
    // The submissions, numbered in the register.
    let on = today - Duration::days(1);
    for to_province in [false, true] {
        let number = next_document_number_in(conn, year, "TTr")?;
        register_document_in(
            conn,
            year,
            "TTr",
            number,
            on,
            &crate::docs::council_data::proposal_summary(year, to_province),
        )?;
    }
    conn.execute(
        "UPDATE nominations SET status = 'submitted' WHERE year = ?1 AND outcome = 'passed_propose'",
        [year],
    )?;
    Ok(())
}

fn is_unregistered(store: &Store, n: &Nomination) -> Result<bool, StoreError> {
    let catalogue = store.catalogue()?;
    let code = catalogue
        .iter()
        .find(|e| e.id == n.catalogue_id)
        .map(|e| e.code.clone())
        .unwrap_or_default();
    match crate::domain::registration::registration_needed(&code) {
        Some(needed) => Ok(!store.is_registered(n.subject, n.year, needed)?),
        None => Ok(false),
    }
}
