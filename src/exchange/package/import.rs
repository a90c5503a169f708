//! Importing a checked package: a preview of what will be added (people matched by name,
//! date of birth and unit; doubtful matches left to the clerk), then everything in one
//! transaction or nothing.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;

use super::PackageError;
use super::data::{PackageData, SubjectKey};
use crate::domain::model::{
    AwardRecord, Gender, Person, PersonId, PersonStatus, Subject, Unit, UnitId, UnitKind,
};
use crate::domain::nomination::Nomination;
use crate::domain::text::fold;
use crate::store::Store;
use crate::store::awards::save_award_in;
use crate::store::nominations::insert_nominations_in;
use crate::store::people::save_person_in;
use crate::store::units::save_unit_in;

/// How a person of the package meets this installation's registry.
#[derive(Debug, Clone, PartialEq)]
pub enum PersonMatch {
    /// Same name, date of birth and unit.
    Same(PersonId),
    /// No one like them: added.
    New,
    /// Someone of the same name whose date of birth or unit differs: the clerk decides.
    Doubtful(Vec<(PersonId, String)>),
}

/// What the clerk decided for a doubtful match.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Resolution {
    SamePerson(PersonId),
    NewPerson,
}

#[derive(Debug, Clone, PartialEq)]
pub struct PersonLine {
    pub key: String,
    /// "Nguyễn Văn An (15/03/1980) — Phòng Quản lý thương mại".
    pub describe: String,
    pub matched: PersonMatch,
}

/// The preview the clerk confirms.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportPreview {
    pub data: PackageData,
    /// (key, name, the unit it is in this registry, if any).
    pub units: Vec<(String, String, Option<UnitId>)>,
    pub people: Vec<PersonLine>,
    pub new_awards: usize,
    pub known_awards: usize,
    pub new_nominations: usize,
    pub known_nominations: usize,
    /// Why the package cannot be imported as it stands (titles not in the catalogue …).
    pub problems: Vec<String>,
}

impl ImportPreview {
    pub fn doubtful(&self) -> impl Iterator<Item = &PersonLine> {
        self.people
            .iter()
            .filter(|p| matches!(p.matched, PersonMatch::Doubtful(_)))
    }

    pub fn new_units(&self) -> usize {
        self.units.iter().filter(|u| u.2.is_none()).count()
    }

    pub fn new_people(&self) -> usize {
        self.people
            .iter()
            .filter(|p| p.matched == PersonMatch::New)
            .count()
    }

    /// What the import would do, in one line.
    pub fn describe(&self) -> String {
        format!(
            "Thêm {} đơn vị, {} cá nhân, {} bản ghi khen thưởng, {} đề nghị; {} bản ghi và {} đề nghị đã có; {} trường hợp cần xem lại.",
            self.new_units(),
            self.new_people(),
            self.new_awards,
            self.new_nominations,
            self.known_awards,
            self.known_nominations,
            self.doubtful().count()
        )
    }
}

fn date_text(d: Option<NaiveDate>) -> String {
    d.map(|d| d.format("%d/%m/%Y").to_string())
        .unwrap_or_else(|| "không rõ ngày sinh".into())
}

/// Match the package against the store.
pub fn preview_import(store: &Store, data: PackageData) -> Result<ImportPreview, PackageError> {
    let units = store.units()?;
    let unit_ids: HashMap<String, Option<UnitId>> = data
        .units
        .iter()
        .map(|u| {
            let found = units
                .iter()
                .find(|x| fold(&x.name) == fold(&u.name))
                .map(|x| x.id);
            (u.key.clone(), found)
        })
        .collect();
    let unit_names: HashMap<&str, &str> = data
        .units
        .iter()
        .map(|u| (u.key.as_str(), u.name.as_str()))
        .collect();
    let registry = store.people()?;
    let mut people = Vec::new();
    for p in &data.people {
        let here = unit_ids.get(&p.unit).copied().flatten();
        let namesakes: Vec<_> = registry
            .iter()
            .filter(|r| fold(&r.person.full_name) == fold(&p.full_name))
            .collect();
        let same = namesakes.iter().find(|r| {
            r.person.birth_date.is_some()
                && r.person.birth_date == p.birth_date
                && Some(r.person.unit_id) == here
        });
        let matched = match same {
            Some(r) => PersonMatch::Same(r.person.id),
            None => {
                let close: Vec<(PersonId, String)> = namesakes
                    .iter()
                    .filter(|r| {
                        (r.person.birth_date == p.birth_date && p.birth_date.is_some())
                            || Some(r.person.unit_id) == here
                    })
                    .map(|r| {
                        (
                            r.person.id,
                            format!(
                                "{} ({}) — {}",
                                r.person.full_name,
                                date_text(r.person.birth_date),
                                r.unit_name
                            ),
                        )
                    })
                    .collect();
                if close.is_empty() {
                    PersonMatch::New
                } else {
                    PersonMatch::Doubtful(close)
                }
            }
        };
        people.push(PersonLine {
            key: p.key.clone(),
            describe: format!(
                "{} ({}) — {}",
                p.full_name,
                date_text(p.birth_date),
                unit_names.get(p.unit.as_str()).copied().unwrap_or("")
            ),
            matched,
        });
    }
    let catalogue = store.catalogue()?;
    let mut problems = Vec::new();
    let mut missing_codes = HashSet::new();
    for (code, name) in data
        .awards
        .iter()
        .map(|a| (&a.title_code, &a.title_name))
        .chain(
            data.nominations
                .iter()
                .map(|n| (&n.title_code, &n.title_name)),
        )
    {
        if !catalogue.iter().any(|e| &e.code == code) && missing_codes.insert(code.clone()) {
            problems.push(format!(
                "Danh hiệu, hình thức «{name}» (mã {code}) không có trong danh mục của máy này. Hãy thêm vào Danh mục danh hiệu, hình thức rồi nhập lại."
            ));
        }
    }
    let mut preview = ImportPreview {
        data,
        units: Vec::new(),
        people,
        new_awards: 0,
        known_awards: 0,
        new_nominations: 0,
        known_nominations: 0,
        problems,
    };
    preview.units = preview
        .data
        .units
        .iter()
        .map(|u| (u.key.clone(), u.name.clone(), unit_ids[&u.key]))
        .collect();
    // Count what is already there, as if every doubtful match were the same person.
    let guess: HashMap<String, Resolution> = HashMap::new();
    let plan = Plan::new(store, &preview, &guess)?;
    preview.new_awards = plan.awards.len();
    preview.known_awards = preview.data.awards.len() - plan.awards.len();
    preview.new_nominations = plan.nominations.len();
    preview.known_nominations = preview.data.nominations.len() - plan.nominations.len();
    Ok(preview)
}

/// What is left to write once people are resolved: awards and nominations not yet stored.
struct Plan {
    awards: Vec<(SubjectKey, usize)>,
    nominations: Vec<usize>,
}

impl Plan {
    fn new(
        store: &Store,
        preview: &ImportPreview,
        choices: &HashMap<String, Resolution>,
    ) -> Result<Self, PackageError> {
        let people = person_ids(preview, choices);
        let units: HashMap<&str, Option<UnitId>> = preview
            .units
            .iter()
            .map(|(k, _, id)| (k.as_str(), *id))
            .collect();
        let subject = |s: &SubjectKey| match s {
            SubjectKey::Person(k) => people
                .get(k.as_str())
                .copied()
                .flatten()
                .map(Subject::Person),
            SubjectKey::Unit(k) => units.get(k.as_str()).copied().flatten().map(Subject::Unit),
        };
        let catalogue: HashMap<String, i64> = store
            .catalogue()?
            .into_iter()
            .map(|e| (e.code, e.id))
            .collect();
        let stored: HashSet<(Subject, i32, i64)> = store
            .all_awards()?
            .into_iter()
            .filter(|a| a.in_force())
            .map(|a| (a.subject, a.year, a.catalogue_id))
            .collect();
        let year = preview.data.year;
        let nominated: HashSet<(Subject, i64)> = store
            .nominations(year)?
            .into_iter()
            .map(|n| (n.subject, n.catalogue_id))
            .collect();
        let mut awards = Vec::new();
        for (i, a) in preview.data.awards.iter().enumerate() {
            let known = match (subject(&a.subject), catalogue.get(&a.title_code)) {
                (Some(s), Some(c)) => stored.contains(&(s, a.year, *c)),
                _ => false,
            };
            if !known {
                awards.push((a.subject.clone(), i));
            }
        }
        let nominations = (preview.data.nominations.iter().enumerate())
            .filter(
                |(_, n)| match (subject(&n.subject), catalogue.get(&n.title_code)) {
                    (Some(s), Some(c)) => !nominated.contains(&(s, *c)),
                    _ => true,
                },
            )
            .map(|(i, _)| i)
            .collect();
        Ok(Plan {
            awards,
            nominations,
        })
    }
}

/// Each package person's id here once resolved (None: to be added).
fn person_ids<'p>(
    preview: &'p ImportPreview,
    choices: &HashMap<String, Resolution>,
) -> HashMap<&'p str, Option<PersonId>> {
    preview
        .people
        .iter()
        .map(|p| {
            let id = match (&p.matched, choices.get(&p.key)) {
                (PersonMatch::Same(id), _) => Some(*id),
                (_, Some(Resolution::SamePerson(id))) => Some(*id),
                (PersonMatch::Doubtful(c), None) => c.first().map(|(id, _)| *id),
                _ => None,
            };
            (p.key.as_str(), id)
        })
        .collect()
}

/// What an import wrote.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ImportSummary {
    pub units: usize,
    pub people: usize,
    pub awards: usize,
    pub nominations: usize,
}

impl ImportSummary {
    pub fn describe(&self) -> String {
        format!(
            "Đã nhập: {} đơn vị, {} cá nhân, {} bản ghi khen thưởng, {} đề nghị (ở dạng nháp).",
            self.units, self.people, self.awards, self.nominations
        )
    }
}

/// Write the preview, with the clerk's `choices` for every doubtful match, in one
/// transaction. Refused, with nothing written, while problems or undecided matches remain.
pub fn apply_import(
    store: &mut Store,
    preview: &ImportPreview,
    choices: &HashMap<String, Resolution>,
    today: NaiveDate,
) -> Result<ImportSummary, PackageError> {
    if let Some(first) = preview.problems.first() {
        return Err(PackageError::Refused(first.clone()));
    }
    let undecided: Vec<_> = preview
        .doubtful()
        .filter(|p| !choices.contains_key(&p.key))
        .map(|p| p.describe.clone())
        .collect();
    if !undecided.is_empty() {
        return Err(PackageError::Undecided(undecided));
    }
    let plan = Plan::new(store, preview, choices)?;
    let catalogue: HashMap<String, i64> = store
        .catalogue()?
        .into_iter()
        .map(|e| (e.code, e.id))
        .collect();
    let next_order = store
        .units()?
        .iter()
        .map(|u| u.sort_order)
        .max()
        .unwrap_or(0)
        + 1;
    let d = &preview.data;
    let summary = store.in_transaction(|tx| {
        let mut s = ImportSummary::default();
        let mut units: HashMap<&str, UnitId> = HashMap::new();
        for (i, (key, _, id)) in preview.units.iter().enumerate() {
            let id = match id {
                Some(id) => *id,
                None => {
                    let u = &d
                        .units
                        .iter()
                        .find(|u| &u.key == key)
                        .expect("unit of the preview");
                    s.units += 1;
                    save_unit_in(
                        tx,
                        &Unit {
                            id: 0,
                            name: u.name.clone(),
                            short_name: u.short_name.clone(),
                            kind: UnitKind::from_code(&u.kind).unwrap_or(UnitKind::Other),
                            sort_order: next_order + i as i64,
                            active: true,
                            dissolved_on: None,
                        },
                    )?
                }
            };
            units.insert(key.as_str(), id);
        }
        let mut people: HashMap<&str, PersonId> = HashMap::new();
        for (key, id) in person_ids(preview, choices) {
            let id = match id {
                Some(id) => id,
                None => {
                    let p = d
                        .people
                        .iter()
                        .find(|p| p.key == key)
                        .expect("person of the preview");
                    s.people += 1;
                    save_person_in(
                        tx,
                        &Person {
                            id: 0,
                            full_name: p.full_name.clone(),
                            gender: Gender::from_code(&p.gender).unwrap_or(Gender::Male),
                            birth_date: p.birth_date,
                            unit_id: units[p.unit.as_str()],
                            position: p.position.clone(),
                            position_rank: 50,
                            is_department_leader: p.is_department_leader,
                            recruited_on: None,
                            status: PersonStatus::Working,
                            status_date: None,
                            active: true,
                        },
                    )?
                }
            };
            people.insert(key, id);
        }
        let subject = |k: &SubjectKey| match k {
            SubjectKey::Person(k) => Subject::Person(people[k.as_str()]),
            SubjectKey::Unit(k) => Subject::Unit(units[k.as_str()]),
        };
        for (_, i) in &plan.awards {
            let a = &d.awards[*i];
            save_award_in(
                tx,
                &AwardRecord {
                    id: 0,
                    subject: subject(&a.subject),
                    year: a.year,
                    catalogue_id: catalogue[&a.title_code],
                    decision_number: a.decision_number.clone(),
                    decision_date: a.decision_date,
                    issuer: a.issuer.clone(),
                    note: a.note.clone(),
                    cancelled_by: None,
                },
            )?;
            s.awards += 1;
        }
        let nominations: Vec<Nomination> = plan
            .nominations
            .iter()
            .map(|i| {
                let n = &d.nominations[*i];
                let mut x = Nomination::new(
                    d.year,
                    subject(&n.subject),
                    catalogue[&n.title_code],
                    units[n.proposing_unit.as_str()],
                    today,
                );
                x.achievement = n.achievement.clone();
                x
            })
            .collect();
        s.nominations = insert_nominations_in(tx, &nominations)?.len();
        Ok(s)
    })?;
    Ok(summary)
}
