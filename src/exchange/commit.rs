//! Writing a checked preview: all rows in one transaction, or none.

use super::{Change, ExchangeError, Preview, Summary};
use crate::store::Store;
use crate::store::awards::save_award_in;
use crate::store::people::save_person_in;
use crate::store::ratings::{set_person_rating_in, set_unit_rating_in};
use crate::store::units::save_unit_in;

/// Write every change of a clean preview in one transaction. A preview with problems is
/// refused and nothing is written.
pub fn commit(
    preview: &Preview,
    store: &mut Store,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<Summary, ExchangeError> {
    if !preview.is_clean() {
        return Err(ExchangeError::HasProblems(preview.problems.len()));
    }
    let total = preview.changes.len();
    let summary = store.in_transaction(|tx| {
        let mut s = Summary::default();
        for (i, (_, change, _)) in preview.changes.iter().enumerate() {
            match change {
                Change::Unit(u) => {
                    save_unit_in(tx, u)?;
                    if u.id == 0 {
                        s.added += 1
                    } else {
                        s.updated += 1
                    }
                }
                Change::Person(p) => {
                    save_person_in(tx, p)?;
                    if p.id == 0 {
                        s.added += 1
                    } else {
                        s.updated += 1
                    }
                }
                Change::PersonRating {
                    person,
                    year,
                    rating,
                } => {
                    set_person_rating_in(tx, *person, *year, Some(*rating))?;
                    s.added += 1;
                }
                Change::UnitRating { unit, year, rating } => {
                    set_unit_rating_in(tx, *unit, *year, Some(*rating))?;
                    s.added += 1;
                }
                Change::Award(a) => {
                    save_award_in(tx, a)?;
                    s.added += 1;
                }
                Change::Unchanged => s.unchanged += 1,
            }
            if i % 500 == 0 {
                progress(i, total);
            }
        }
        progress(total, total);
        Ok(s)
    })?;
    Ok(summary)
}
