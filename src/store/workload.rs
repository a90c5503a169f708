//! A realistic write workload for the crash tests: each batch adds a unit with its staff,
//! their ratings and award records in one transaction, like an Excel import does, and
//! reports "committed N" on stdout only after the commit returned.

use std::io::Write;

use chrono::NaiveDate;

use super::awards::save_award_in;
use super::people::save_person_in;
use super::ratings::set_person_rating_in;
use super::units::save_unit_in;
use super::{Store, StoreError};
use crate::domain::model::*;

/// People per batch.
pub const PEOPLE_PER_BATCH: usize = 40;

/// The unit name of batch `n`.
pub fn batch_unit_name(n: u32) -> String {
    format!("Đơn vị thử nghiệm số {n}")
}

/// Write `batches` batches (continuing after those already there); returns how many ran.
pub fn run(store: &mut Store, batches: u32) -> Result<u32, StoreError> {
    let ldtt = store
        .catalogue()?
        .into_iter()
        .find(|c| c.code == "LDTT")
        .map(|c| c.id)
        .ok_or_else(|| StoreError::NotFound("danh hiệu Lao động tiên tiến".into()))?;
    let start: u32 = store.connection().query_row(
        "SELECT count(*) FROM units WHERE name LIKE 'Đơn vị thử nghiệm số %'",
        [],
        |r| r.get(0),
    )?;
    let stdout = std::io::stdout();
    for n in start..start + batches {
        store.in_transaction(|tx| {
            let unit = save_unit_in(
                tx,
                &Unit {
                    id: 0,
                    name: batch_unit_name(n),
                    short_name: format!("T{n}"),
                    kind: UnitKind::Division,
                    sort_order: n as i64,
                    active: true,
                    dissolved_on: None,
                },
            )?;
            for i in 0..PEOPLE_PER_BATCH {
                let person = save_person_in(
                    tx,
                    &Person {
                        id: 0,
                        full_name: format!("Nguyễn Văn Thử {n} {i}"),
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
                save_award_in(
                    tx,
                    &AwardRecord {
                        id: 0,
                        subject: Subject::Person(person),
                        year: 2025,
                        catalogue_id: ldtt,
                        decision_number: format!("{n}/QĐ-SCT"),
                        decision_date: NaiveDate::from_ymd_opt(2026, 1, 15),
                        issuer: "Giám đốc Sở Công Thương".into(),
                        note: String::new(),
                        cancelled_by: None,
                    },
                )?;
            }
            Ok(())
        })?;
        let mut out = stdout.lock();
        let _ = writeln!(out, "committed {n}");
        let _ = out.flush();
    }
    Ok(batches)
}
