//! The package's machine-readable data file: the people and units a package is about,
//! their award history and the year's nominations, with a versioned schema. Keys are the
//! sender's own ("u12", "p340"); the receiver matches on names, dates of birth and units.

use std::collections::{BTreeSet, HashMap};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::domain::model::{CatalogueEntry, Subject};
use crate::domain::nomination::{Nomination, NominationStatus};
use crate::store::{Store, StoreError};

/// The data file's name in a package.
pub const DATA_FILE: &str = "du-lieu.json";
/// The schema this build writes; it reads this one and older.
pub const SCHEMA_VERSION: u32 = 1;
/// A data file larger than this is refused before it is parsed.
pub const MAX_DATA_BYTES: u64 = 20 * 1024 * 1024;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PackageData {
    pub schema_version: u32,
    pub organisation: String,
    pub year: i32,
    pub units: Vec<UnitData>,
    pub people: Vec<PersonData>,
    pub awards: Vec<AwardData>,
    pub nominations: Vec<NominationData>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UnitData {
    pub key: String,
    pub name: String,
    pub short_name: String,
    /// A unit kind code ("division", "affiliated" …).
    pub kind: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PersonData {
    pub key: String,
    pub full_name: String,
    /// "male" or "female".
    pub gender: String,
    pub birth_date: Option<NaiveDate>,
    /// The key of the person's unit in `units`.
    pub unit: String,
    pub position: String,
    pub is_department_leader: bool,
}

/// Who an award or a nomination is for: a person's or a unit's key.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SubjectKey {
    Person(String),
    Unit(String),
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AwardData {
    pub subject: SubjectKey,
    pub year: i32,
    /// The catalogue code ("LDTT", "BK_BO" …) and its name as the sender had it.
    pub title_code: String,
    pub title_name: String,
    pub decision_number: String,
    pub decision_date: Option<NaiveDate>,
    pub issuer: String,
    pub note: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NominationData {
    pub subject: SubjectKey,
    pub title_code: String,
    pub title_name: String,
    pub proposing_unit: String,
    pub achievement: String,
    /// A nomination status code, as the sender had it.
    pub status: String,
}

pub fn unit_key(id: i64) -> String {
    format!("u{id}")
}

pub fn person_key(id: i64) -> String {
    format!("p{id}")
}

fn subject_key(s: Subject) -> SubjectKey {
    match s {
        Subject::Person(id) => SubjectKey::Person(person_key(id)),
        Subject::Unit(id) => SubjectKey::Unit(unit_key(id)),
    }
}

/// The nominations a package for the province carries: those the council passed (or
/// that were already sent or decided) for forms a higher level decides.
pub fn province_nominations(
    store: &Store,
    year: i32,
) -> Result<Vec<(Nomination, CatalogueEntry)>, StoreError> {
    let catalogue = store.catalogue()?;
    Ok(store
        .nominations(year)?
        .into_iter()
        .filter(|n| {
            matches!(
                n.status,
                NominationStatus::Approved
                    | NominationStatus::Submitted
                    | NominationStatus::Decided
            )
        })
        .filter_map(|n| {
            let e = catalogue.iter().find(|e| e.id == n.catalogue_id)?.clone();
            (!crate::docs::council_data::is_director_level(&e)).then_some((n, e))
        })
        .collect())
}

/// Gather the data file for `subjects` (and `nominations`): the subjects, the units they
/// belong to, every award they ever received, and the nominations.
pub fn gather(
    store: &Store,
    year: i32,
    subjects: &BTreeSet<Subject>,
    nominations: &[Nomination],
) -> Result<PackageData, StoreError> {
    let catalogue: HashMap<i64, CatalogueEntry> =
        store.catalogue()?.into_iter().map(|e| (e.id, e)).collect();
    let people: HashMap<i64, _> = store
        .people()?
        .into_iter()
        .map(|r| (r.person.id, r.person))
        .collect();
    let units: HashMap<i64, _> = store.units()?.into_iter().map(|u| (u.id, u)).collect();
    let mut unit_ids = BTreeSet::new();
    let mut person_list = Vec::new();
    for s in subjects {
        match *s {
            Subject::Person(id) => {
                if let Some(p) = people.get(&id) {
                    unit_ids.insert(p.unit_id);
                    person_list.push(PersonData {
                        key: person_key(p.id),
                        full_name: p.full_name.clone(),
                        gender: p.gender.code().into(),
                        birth_date: p.birth_date,
                        unit: unit_key(p.unit_id),
                        position: p.position.clone(),
                        is_department_leader: p.is_department_leader,
                    });
                }
            }
            Subject::Unit(id) => {
                unit_ids.insert(id);
            }
        }
    }
    for n in nominations {
        unit_ids.insert(n.proposing_unit);
    }
    let unit_list = unit_ids
        .iter()
        .filter_map(|id| units.get(id))
        .map(|u| UnitData {
            key: unit_key(u.id),
            name: u.name.clone(),
            short_name: u.short_name.clone(),
            kind: u.kind.code().into(),
        })
        .collect();
    let title = |id: i64| {
        catalogue
            .get(&id)
            .map(|e| (e.code.clone(), e.name.clone()))
            .unwrap_or_default()
    };
    let mut awards: Vec<AwardData> = store
        .all_awards()?
        .into_iter()
        .filter(|a| a.in_force() && subjects.contains(&a.subject))
        .map(|a| {
            let (title_code, title_name) = title(a.catalogue_id);
            AwardData {
                subject: subject_key(a.subject),
                year: a.year,
                title_code,
                title_name,
                decision_number: a.decision_number,
                decision_date: a.decision_date,
                issuer: a.issuer,
                note: a.note,
            }
        })
        .collect();
    awards.sort_by(|a, b| {
        (&a.subject, a.year, &a.title_code).cmp(&(&b.subject, b.year, &b.title_code))
    });
    let nomination_list = nominations
        .iter()
        .map(|n| {
            let (title_code, title_name) = title(n.catalogue_id);
            NominationData {
                subject: subject_key(n.subject),
                title_code,
                title_name,
                proposing_unit: unit_key(n.proposing_unit),
                achievement: n.achievement.clone(),
                status: n.status.code().into(),
            }
        })
        .collect();
    Ok(PackageData {
        schema_version: SCHEMA_VERSION,
        organisation: store.organisation()?.body,
        year,
        units: unit_list,
        people: person_list,
        awards,
        nominations: nomination_list,
    })
}
