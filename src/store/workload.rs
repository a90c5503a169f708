//! A realistic write workload for the crash tests, through the app's own store code. Steps
//! go round in cycles of five, each in its own transaction, as the clerk's work does:
//! an import (a unit with its staff, their ratings and award records), the registrations
//! of that staff, their nominations, the Director's decision for all of them (hundreds of
//! subjects, with its award history) and a backup. Each step reports "committed N KIND"
//! on stdout only after its commit returned.

use std::io::Write;
use std::path::Path;

use chrono::NaiveDate;

use super::awards::save_award_in;
use super::nominations::insert_nominations_in;
use super::people::save_person_in;
use super::ratings::set_person_rating_in;
use super::registrations::apply_choices_in;
use super::units::save_unit_in;
use super::{Store, StoreError};
use crate::domain::decision::{Decision, DecisionEntry, DecisionStatus};
use crate::domain::model::*;
use crate::domain::nomination::{Nomination, NominationStatus};
use crate::domain::registration::SubjectChoice;

/// People per import batch (and so subjects per decision).
pub const PEOPLE_PER_BATCH: usize = 200;
/// The year the registrations, nominations and decisions are for.
pub const WORK_YEAR: i32 = 2026;
/// Backups the workload keeps in its folder.
pub const BACKUPS_KEPT: usize = 3;

/// The unit name of the import of cycle `cycle`.
pub fn batch_unit_name(cycle: u32) -> String {
    format!("Đơn vị thử nghiệm số {cycle}")
}

/// The step `n` of the workload is.
pub fn step_kind(n: u32) -> &'static str {
    ["import", "register", "nominate", "decide", "backup"][(n % 5) as usize]
}

fn day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 12, 20).expect("a date")
}

/// Write `steps` steps (continuing after those already there), backing up into
/// `backups`; returns how many ran.
pub fn run(store: &mut Store, steps: u32, backups: &Path) -> Result<u32, StoreError> {
    let code = |c: &str| -> Result<CatalogueId, StoreError> {
        store
            .catalogue()?
            .into_iter()
            .find(|e| e.code == c)
            .map(|e| e.id)
            .ok_or_else(|| StoreError::NotFound(format!("mục {c} của danh mục")))
    };
    let ldtt = code("LDTT")?;
    let done: u32 = store.connection().query_row(
        "SELECT ifnull(max(value), 0) FROM (SELECT CAST(value AS INTEGER) AS value FROM settings WHERE key = 'workload_steps')",
        [],
        |r| r.get(0),
    )?;
    let stdout = std::io::stdout();
    for n in done..done + steps {
        let cycle = n / 5;
        let detail = match n % 5 {
            0 => import(store, cycle, ldtt)?,
            1 => register(store, cycle, ldtt)?,
            2 => nominate(store, cycle, ldtt)?,
            3 => decide(store, cycle)?,
            _ => {
                // The step counter first: a backup is a file, not a transaction.
                store.set_setting("workload_steps", &(n + 1))?;
                let b = store.backup_to(backups, BACKUPS_KEPT)?;
                let mut out = stdout.lock();
                let _ = writeln!(out, "committed {n} backup {}", b.path.display());
                let _ = out.flush();
                continue;
            }
        };
        let mut out = stdout.lock();
        let _ = writeln!(out, "committed {n} {} {detail}", step_kind(n));
        let _ = out.flush();
    }
    Ok(steps)
}

fn unit_of(store: &Store, cycle: u32) -> Result<UnitId, StoreError> {
    Ok(store.connection().query_row(
        "SELECT id FROM units WHERE name = ?1",
        [batch_unit_name(cycle)],
        |r| r.get(0),
    )?)
}

fn staff_of(store: &Store, unit: UnitId) -> Result<Vec<PersonId>, StoreError> {
    let mut stmt = store
        .connection()
        .prepare("SELECT id FROM people WHERE unit_id = ?1 ORDER BY id")?;
    let ids = stmt
        .query_map([unit], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    Ok(ids)
}

fn count_step(tx: &rusqlite::Connection, cycle: u32, offset: u32) -> Result<(), StoreError> {
    tx.execute(
        "INSERT INTO settings(key, value) VALUES ('workload_steps', ?1)
         ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        [(cycle * 5 + offset + 1).to_string()],
    )?;
    Ok(())
}

fn import(store: &mut Store, cycle: u32, ldtt: CatalogueId) -> Result<String, StoreError> {
    store.in_transaction(|tx| {
        let unit = save_unit_in(
            tx,
            &Unit {
                id: 0,
                name: batch_unit_name(cycle),
                short_name: format!("T{cycle}"),
                kind: UnitKind::Division,
                sort_order: cycle as i64,
                active: true,
                dissolved_on: None,
            },
        )?;
        for i in 0..PEOPLE_PER_BATCH {
            let person = save_person_in(
                tx,
                &Person {
                    id: 0,
                    full_name: format!("Nguyễn Văn Thử {cycle} {i}"),
                    gender: Gender::Male,
                    birth_date: NaiveDate::from_ymd_opt(1980, 1, 1 + (i % 28) as u32),
                    unit_id: unit,
                    position: "Chuyên viên".into(),
                    position_rank: 50,
                    is_department_leader: false,
                    recruited_on: None,
                    status: PersonStatus::Working,
                    status_date: None,
                    active: true,
                },
            )?;
            set_person_rating_in(tx, person, 2025, Some(Rating::Good))?;
            set_person_rating_in(tx, person, WORK_YEAR, Some(Rating::Good))?;
            save_award_in(
                tx,
                &AwardRecord {
                    id: 0,
                    subject: Subject::Person(person),
                    year: 2025,
                    catalogue_id: ldtt,
                    decision_number: format!("{cycle}/QĐ-SCT"),
                    decision_date: NaiveDate::from_ymd_opt(2026, 1, 15),
                    issuer: "Giám đốc Sở Công Thương".into(),
                    note: String::new(),
                    cancelled_by: None,
                },
            )?;
        }
        count_step(tx, cycle, 0)?;
        Ok(batch_unit_name(cycle))
    })
}

fn register(store: &mut Store, cycle: u32, ldtt: CatalogueId) -> Result<String, StoreError> {
    let staff = staff_of(store, unit_of(store, cycle)?)?;
    let choices: Vec<SubjectChoice> = staff
        .iter()
        .map(|p| SubjectChoice {
            title: Some(ldtt),
            ..SubjectChoice::new(Subject::Person(*p))
        })
        .collect();
    store.in_transaction(|tx| {
        apply_choices_in(tx, WORK_YEAR, &choices, day())?;
        count_step(tx, cycle, 1)
    })?;
    Ok(batch_unit_name(cycle))
}

fn nominate(store: &mut Store, cycle: u32, ldtt: CatalogueId) -> Result<String, StoreError> {
    let unit = unit_of(store, cycle)?;
    let list: Vec<Nomination> = staff_of(store, unit)?
        .into_iter()
        .map(|p| {
            let mut n = Nomination::new(WORK_YEAR, Subject::Person(p), ldtt, unit, day());
            n.achievement = "Hoàn thành tốt nhiệm vụ được giao.".into();
            n
        })
        .collect();
    store.in_transaction(|tx| {
        insert_nominations_in(tx, &list)?;
        tx.execute(
            "UPDATE nominations SET status = ?1 WHERE proposing_unit_id = ?2",
            rusqlite::params![NominationStatus::Approved.code(), unit],
        )?;
        count_step(tx, cycle, 2)
    })?;
    Ok(batch_unit_name(cycle))
}

/// The subject line of the decision of `cycle` (how the tests find it again).
pub fn decision_subject(cycle: u32) -> String {
    format!("Về việc công nhận danh hiệu Lao động tiên tiến, đợt thử nghiệm {cycle}")
}

fn decide(store: &mut Store, cycle: u32) -> Result<String, StoreError> {
    let unit = unit_of(store, cycle)?;
    let subject_line = decision_subject(cycle);
    // A kill between issuing and moving the step counter: the decision is there already.
    let earlier = store
        .decisions(WORK_YEAR)?
        .into_iter()
        .find(|d| d.subject_line == subject_line);
    let number = match earlier {
        Some(d) if d.status == DecisionStatus::Issued => d.number,
        earlier => {
            let id = match earlier {
                Some(draft) => draft.id,
                None => {
                    let mut d = Decision::draft(WORK_YEAR, &subject_line, "Nguyễn Văn Hùng");
                    d.entries = store
                        .nominations(WORK_YEAR)?
                        .into_iter()
                        .filter(|n| n.proposing_unit == unit)
                        .map(|n| DecisionEntry {
                            subject: n.subject,
                            catalogue_id: n.catalogue_id,
                            amount: None,
                            nomination: Some(n.id),
                        })
                        .collect();
                    store.save_decision_draft(&d)?
                }
            };
            store.issue_decision(id, None, day(), "SCT")?
        }
    };
    store.set_setting("workload_steps", &(cycle * 5 + 4))?;
    Ok(number)
}
