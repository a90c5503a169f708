//! Large databases for benchmarks: many people and award records, written fast with
//! prepared statements in one transaction.

use chrono::NaiveDate;
use rusqlite::params;

use super::names::{Rng, full_name};
use crate::domain::model::{Gender, SubjectKind};
use crate::store::{Store, StoreError};

/// People per unit: 100,000 people make 59 units.
const UNIT_SIZE: usize = 1_700;

const POSITIONS: &[(&str, i64)] = &[
    ("Trưởng phòng", 10),
    ("Phó Trưởng phòng", 20),
    ("Chuyên viên chính", 40),
    ("Chuyên viên", 50),
    ("Chuyên viên", 50),
    ("Chuyên viên", 50),
    ("Cán sự", 60),
    ("Nhân viên", 70),
];

/// Add `people` people in units of about 1,700 and `awards` individual award records
/// spread over them, over ten years (2016–2025) and over the catalogue's individual
/// entries (one record per person, year and entry). `progress(done, total)` is called
/// every 10,000 rows and at the end. All or nothing.
pub fn populate_large(
    store: &mut Store,
    people: usize,
    awards: usize,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<(), StoreError> {
    let entries: Vec<(i64, String)> = store
        .catalogue()?
        .into_iter()
        .filter(|c| c.subject_kind == SubjectKind::Individual)
        .map(|c| {
            let issuer = match c.decided_by.as_str() {
                "Giám đốc Sở" => "Giám đốc Sở Công Thương".to_owned(),
                other => other.to_owned(),
            };
            (c.id, issuer)
        })
        .collect();
    if awards > 0 && (people == 0 || awards > people * 10 * entries.len()) {
        return Err(StoreError::Conflict(format!(
            "Không tạo được {awards} bản ghi khen thưởng cho {people} cá nhân: mỗi người chỉ có một bản ghi cho mỗi danh hiệu, hình thức trong mỗi năm."
        )));
    }
    let total = people + awards;
    let mut rng = Rng::new(100_000);
    store.in_transaction(|tx| {
        let unit_count = people.div_ceil(UNIT_SIZE).max(1);
        let first_unit: i64 =
            tx.query_row("SELECT coalesce(max(id), 0) + 1 FROM units", [], |r| r.get(0))?;
        let first_order: i64 =
            tx.query_row("SELECT coalesce(max(sort_order), 0) + 10 FROM units", [], |r| r.get(0))?;
        {
            let mut unit = tx.prepare(
                "INSERT INTO units(id, name, short_name, kind, sort_order) VALUES (?1, ?2, ?3, 'division', ?4)",
            )?;
            for u in 0..unit_count as i64 {
                unit.execute(params![
                    first_unit + u,
                    format!("Đơn vị số {}", u + 1),
                    format!("ĐV{}", u + 1),
                    first_order + 10 * u
                ])?;
            }
        }
        let first_person: i64 =
            tx.query_row("SELECT coalesce(max(id), 0) + 1 FROM people", [], |r| r.get(0))?;
        {
            let mut person = tx.prepare(
                "INSERT INTO people(id, full_name, gender, birth_date, unit_id, position, position_rank, recruited_on)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            )?;
            for i in 0..people {
                if i % 10_000 == 0 {
                    progress(i, total);
                }
                let gender = if rng.chance(55) {
                    Gender::Male
                } else {
                    Gender::Female
                };
                let year = 1966 + rng.below(35) as i32;
                let birth =
                    NaiveDate::from_ymd_opt(year, 1 + rng.below(12) as u32, 1 + rng.below(28) as u32);
                let recruited = NaiveDate::from_ymd_opt(
                    (year + 22 + rng.below(7) as i32).min(2025),
                    1 + rng.below(12) as u32,
                    1,
                );
                let (position, rank) = rng.pick(POSITIONS);
                person.execute(params![
                    first_person + i as i64,
                    full_name(&mut rng, gender),
                    gender.code(),
                    birth,
                    first_unit + (i % unit_count) as i64,
                    position,
                    rank,
                    recruited
                ])?;
            }
        }
        {
            let mut award = tx.prepare(
                "INSERT INTO awards(person_id, year, catalogue_id, decision_number, decision_date, issuer)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            )?;
            for i in 0..awards {
                if i % 10_000 == 0 {
                    progress(people + i, total);
                }
                let person = first_person + (i % people) as i64;
                let year = 2016 + ((i / people) % 10) as i32;
                let (entry, issuer) = &entries[(i / (people * 10)) % entries.len()];
                award.execute(params![
                    person,
                    year,
                    entry,
                    format!("{}/QĐ-SCT", 1 + i % 50),
                    NaiveDate::from_ymd_opt(year + 1, 1, 15),
                    issuer
                ])?;
            }
        }
        progress(total, total);
        Ok(())
    })
}
