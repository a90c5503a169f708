//! The demo database (a plausible Sở Công Thương, deterministic) and large databases for
//! benchmarks.
//!
//! The demo is written in one transaction through the store's own functions. Its award
//! history follows the rules of the domain spec (§2): LĐTT only for HTTNV or better and
//! not for recent recruits (R01, R02), nothing in a year of discipline (R03), CSTĐCS only
//! for HTXSNV and at most 15% of LĐTT (R05, R06), Bằng khen of the province after two
//! consecutive CSTĐCS (R09), the Prime Minister's after a provincial one and five good
//! years with three CSTĐCS (R10), TTLĐXS and TTLĐTT by their member ratios (R12, R13).
//! No decision is dated after `today`.

mod decisions;
mod history;
mod innovations;
mod large;
pub mod names;
pub mod nominations;
mod registrations;
mod staff;

use chrono::{Datelike, NaiveDate};
use rusqlite::params;

use crate::domain::settings::{BaseSalary, Organisation};
use crate::store::register::register_document_in;
use crate::store::{Store, StoreError};
pub use large::populate_large;

/// The Director and the deputy directors, in the order they sign.
pub const DIRECTOR: &str = "Nguyễn Văn Hùng";
pub const DEPUTIES: [&str; 3] = ["Trần Thị Mai", "Lê Quốc Bảo", "Phạm Ngọc Sơn"];

/// The seed of the demo's pseudo-random choices: same seed and date, same database.
const SEED: u64 = 2026;

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or(NaiveDate::MIN)
}

/// Fill an empty database with the demo Department as of `today`: organisation, base
/// salary history, 12 units, about 150 people, five years (`today.year() - 5` to
/// `today.year() - 1`) of ratings and awards, two discipline records, the Director's
/// award decisions in the register of outgoing documents, and the plans of last year and
/// this year. A database that already has units or people is refused and left unchanged.
pub fn populate_demo(store: &mut Store, today: NaiveDate) -> Result<(), StoreError> {
    atomically(store, |store| {
        let used: bool = store.connection().query_row(
            "SELECT EXISTS(SELECT 1 FROM units) OR EXISTS(SELECT 1 FROM people)",
            [],
            |r| r.get(0),
        )?;
        if used {
            return Err(StoreError::Conflict(
                "Cơ sở dữ liệu đã có đơn vị, cá nhân; dữ liệu minh họa chỉ được tạo trong cơ sở dữ liệu trống. Hãy tạo một tệp mới để xem dữ liệu minh họa."
                    .into(),
            ));
        }
        store.set_organisation(&Organisation {
            parent_body: "UBND TỈNH GIA LAI".into(),
            body: "SỞ CÔNG THƯƠNG".into(),
            abbreviation: "SCT".into(),
            place: "Gia Lai".into(),
            director: DIRECTOR.into(),
            deputies: DEPUTIES.iter().map(|d| (*d).to_owned()).collect(),
        })?;
        for (from, amount) in [
            (date(2019, 7, 1), 1_490_000),
            (date(2023, 7, 1), 1_800_000),
            (date(2024, 7, 1), 2_340_000),
        ] {
            store.set_base_salary(BaseSalary {
                effective_from: from,
                amount_vnd: amount,
            })?;
        }
        let mut rng = names::Rng::new(SEED);
        let department = staff::build(store, &mut rng, today)?;
        history::write(store, &mut rng, &department, today)?;
        write_plans(store, today)?;
        registrations::write(store, &mut rng, today)?;
        innovations::write(store, &mut rng, today)?;
        nominations::write(store, &mut rng, today)?;
        decisions::write(store, today)
    })
}

/// Run `f` inside one SQLite transaction on the store's connection: all of it is written
/// or none. `Store::in_transaction` hands out only the raw transaction, and the settings
/// and discipline writers are methods of the store, hence BEGIN/COMMIT by hand. Everything
/// `f` calls must write with plain statements (no nested `in_transaction`).
fn atomically<T>(
    store: &mut Store,
    f: impl FnOnce(&mut Store) -> Result<T, StoreError>,
) -> Result<T, StoreError> {
    store.connection().execute_batch("BEGIN IMMEDIATE")?;
    let result = f(store).and_then(|value| {
        store.connection().execute_batch("COMMIT")?;
        Ok(value)
    });
    if result.is_err() && !store.connection().is_autocommit() {
        // The original error is the one worth reporting.
        let _ = store.connection().execute_batch("ROLLBACK");
    }
    result
}

/// Last year's plan and this year's, issued on 6 January as number 1/KH-SCT (only those
/// issued by `today`). Mirrors `Store::issue_plan`, which opens its own transaction.
fn write_plans(store: &mut Store, today: NaiveDate) -> Result<(), StoreError> {
    for year in [today.year() - 1, today.year()] {
        let issued_on = date(year, 1, 6);
        if issued_on > today {
            continue;
        }
        let mut plan = crate::domain::plan::demo_plan(year, DEPUTIES[0]);
        plan.number = Some(1);
        plan.issued_on = Some(issued_on);
        let json = serde_json::to_string(&plan)
            .map_err(|e| StoreError::Conflict(format!("Không ghi được kế hoạch minh họa: {e}")))?;
        let id = store.save_plan_draft(year, 0, None, &json)?;
        let conn = store.connection();
        let document = register_document_in(conn, year, "KH", 1, issued_on, &plan.subtitle)?;
        conn.execute(
            "UPDATE plans SET document_id = ?1, status = 'issued' WHERE id = ?2",
            params![document, id],
        )?;
    }
    Ok(())
}
