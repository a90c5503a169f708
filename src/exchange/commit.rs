//! Writing a checked preview: all rows in one transaction, or none.

use std::collections::{HashMap, HashSet};

use super::{Change, ExchangeError, Preview, Summary};
use crate::domain::model::{PersonId, Rating, UnitId};
use crate::store::Store;
use crate::store::awards::save_award_in;
use crate::store::people::save_person_in;
use crate::store::ratings::{set_person_rating_in, set_unit_rating_in};
use crate::store::units::save_unit_in;

/// Write every change of a clean preview in one transaction. A preview with any bad row is
/// refused and nothing is written; a store error part-way rolls everything back.
pub fn commit(
    preview: &Preview,
    store: &mut Store,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<Summary, ExchangeError> {
    if !preview.is_clean() {
        return Err(ExchangeError::HasProblems(preview.problems.len()));
    }
    let stored = StoredRatings::load(store, preview)?;
    let total = preview.changes.len();
    progress(0, total);
    let summary = store.in_transaction(|tx| {
        let mut s = Summary::default();
        for (i, (_, change, _)) in preview.changes.iter().enumerate() {
            match change {
                Change::Unit(u) => {
                    save_unit_in(tx, u)?;
                    count(&mut s, u.id == 0);
                }
                Change::Person(p) => {
                    save_person_in(tx, p)?;
                    count(&mut s, p.id == 0);
                }
                Change::PersonRating {
                    person,
                    year,
                    rating,
                } => match stored.people.get(&(*person, *year)) {
                    Some(r) if r == rating => s.unchanged += 1,
                    old => {
                        set_person_rating_in(tx, *person, *year, Some(*rating))?;
                        count(&mut s, old.is_none());
                    }
                },
                Change::UnitRating { unit, year, rating } => {
                    match stored.units.get(&(*unit, *year)) {
                        Some(r) if r == rating => s.unchanged += 1,
                        old => {
                            set_unit_rating_in(tx, *unit, *year, Some(*rating))?;
                            count(&mut s, old.is_none());
                        }
                    }
                }
                Change::Award(a) => {
                    save_award_in(tx, a)?;
                    count(&mut s, a.id == 0);
                }
                Change::Unchanged => s.unchanged += 1,
                Change::Skipped => s.skipped += 1,
            }
            if i % 500 == 499 {
                progress(i + 1, total);
            }
        }
        Ok(s)
    })?;
    progress(total, total);
    Ok(summary)
}

fn count(s: &mut Summary, new: bool) {
    if new { s.added += 1 } else { s.updated += 1 }
}

/// The ratings stored for the subjects a preview rates, so that a rating already there is
/// counted as unchanged rather than written again.
#[derive(Default)]
struct StoredRatings {
    people: HashMap<(PersonId, i32), Rating>,
    units: HashMap<(UnitId, i32), Rating>,
}

impl StoredRatings {
    fn load(store: &Store, preview: &Preview) -> Result<Self, ExchangeError> {
        let mut out = StoredRatings::default();
        let mut people = HashSet::new();
        let mut units = HashSet::new();
        for (_, change, _) in &preview.changes {
            match change {
                Change::PersonRating { person, .. } if people.insert(*person) => {
                    for (year, r) in store.person_ratings(*person)? {
                        out.people.insert((*person, year), r);
                    }
                }
                Change::UnitRating { unit, .. } if units.insert(*unit) => {
                    for (year, r) in store.unit_ratings(*unit)? {
                        out.units.insert((*unit, year), r);
                    }
                }
                _ => {}
            }
        }
        Ok(out)
    }
}
