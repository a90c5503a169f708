//! Large databases for benchmarks: many people and award records, written fast with
//! prepared statements in one transaction.

use chrono::NaiveDate;
use rusqlite::params;

use super::names::{Rng, full_name};
use crate::domain::model::Gender;
use crate::store::{Store, StoreError};

/// Add `people` people in units of about 1,700 and `awards` award records spread over them
/// and over ten years. `progress(done, total)` is called every 10,000 rows.
pub fn populate_large(
    store: &mut Store,
    people: usize,
    awards: usize,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<(), StoreError> {
    let catalogue: Vec<i64> = store
        .catalogue()?
        .into_iter()
        .filter(|c| c.subject_kind == crate::domain::model::SubjectKind::Individual)
        .map(|c| c.id)
        .collect();
    let total = people + awards;
    let mut rng = Rng::new(100_000);
    store.in_transaction(|tx| {
        let unit_count = people.div_ceil(1_700).max(1);
        let first_unit: i64 = tx.query_row("SELECT coalesce(max(id), 0) + 1 FROM units", [], |r| r.get(0))?;
        {
            let mut unit = tx.prepare("INSERT INTO units(id, name, short_name, kind, sort_order) VALUES (?1, ?2, ?3, 'division', ?4)")?;
            for u in 0..unit_count as i64 {
                unit.execute(params![first_unit + u, format!("Đơn vị số {}", u + 1), format!("ĐV{}", u + 1), u])?;
            }
        }
        let first_person: i64 = tx.query_row("SELECT coalesce(max(id), 0) + 1 FROM people", [], |r| r.get(0))?;
        {
            let mut person = tx.prepare(
                "INSERT INTO people(id, full_name, gender, birth_date, unit_id, position, position_rank) VALUES (?1, ?2, ?3, ?4, ?5, 'Chuyên viên', 50)",
            )?;
            for i in 0..people {
                let gender = if rng.chance(55) { Gender::Male } else { Gender::Female };
                let birth = NaiveDate::from_ymd_opt(1960 + rng.below(40) as i32, 1 + rng.below(12) as u32, 1 + rng.below(28) as u32);
                person.execute(params![
                    first_person + i as i64,
                    full_name(&mut rng, gender),
                    gender.code(),
                    birth,
                    first_unit + (i % unit_count) as i64
                ])?;
                if i % 10_000 == 0 {
                    progress(i, total);
                }
            }
        }
        if people > 0 && !catalogue.is_empty() {
            let mut award = tx.prepare(
                "INSERT INTO awards(person_id, year, catalogue_id, decision_number, issuer) VALUES (?1, ?2, ?3, ?4, 'Giám đốc Sở Công Thương')",
            )?;
            for i in 0..awards {
                let person = first_person + (i % people) as i64;
                let year = 2016 + ((i / people) % 10) as i32;
                let entry = catalogue[(i / (people * 10)) % catalogue.len()];
                award.execute(params![person, year, entry, format!("{}/QĐ-SCT", 1 + i % 50)])?;
                if i % 10_000 == 0 {
                    progress(people + i, total);
                }
            }
        }
        progress(total, total);
        Ok(())
    })
}
