//! Gathering the council's papers and the submissions from the store.

use chrono::NaiveDate;

use super::blocks::Signature;
use super::council::{self, Candidate, TitleGroup};
use super::layout::LaidOut;
use super::submission::{self, Proposal, ProposalGroup, ProposalRow};
use crate::domain::council::{CouncilRules, Meeting, MeetingId, count};
use crate::domain::model::{CatalogueEntry, Person, Subject, SubjectKind, Unit};
use crate::domain::nomination::{Nomination, NominationStatus};
use crate::store::{Store, StoreError};

/// Settings key of the council's rules.
pub const COUNCIL_RULES: &str = "council_rules";

/// The council's rules from settings, or the defaults.
pub fn council_rules(store: &Store) -> Result<CouncilRules, StoreError> {
    Ok(store.setting(COUNCIL_RULES)?.unwrap_or_default())
}

/// Names of people and units, for the papers.
pub struct Names {
    people: Vec<Person>,
    units: Vec<Unit>,
    pub catalogue: Vec<CatalogueEntry>,
}

impl Names {
    pub fn load(store: &Store) -> Result<Self, StoreError> {
        Ok(Names {
            people: store.people()?.into_iter().map(|r| r.person).collect(),
            units: store.units()?,
            catalogue: store.catalogue()?,
        })
    }

    /// A unit's name ("" when unknown).
    pub fn unit(&self, id: i64) -> &str {
        self.units
            .iter()
            .find(|u| u.id == id)
            .map_or("", |u| u.name.as_str())
    }

    /// (name, "position, unit") of a subject.
    pub fn subject(&self, s: Subject) -> (String, String) {
        match s {
            Subject::Person(id) => match self.people.iter().find(|p| p.id == id) {
                Some(p) if p.position.trim().is_empty() => {
                    (p.full_name.clone(), self.unit(p.unit_id).into())
                }
                Some(p) => (
                    p.full_name.clone(),
                    format!("{}, {}", p.position, self.unit(p.unit_id)),
                ),
                None => (format!("(cá nhân số {id})"), String::new()),
            },
            Subject::Unit(id) => (self.unit(id).to_owned(), "Sở Công Thương".into()),
        }
    }

    pub fn entry(&self, id: i64) -> Option<&CatalogueEntry> {
        self.catalogue.iter().find(|e| e.id == id)
    }

    /// Sort key of a subject inside a title: units in official order, then position rank.
    fn order(&self, s: Subject) -> (i64, i64, Vec<u16>) {
        match s {
            Subject::Person(id) => match self.people.iter().find(|p| p.id == id) {
                Some(p) => (
                    self.units
                        .iter()
                        .find(|u| u.id == p.unit_id)
                        .map_or(i64::MAX, |u| u.sort_order),
                    p.position_rank,
                    crate::domain::collation::person_name_key(&p.full_name),
                ),
                None => (i64::MAX, i64::MAX, Vec::new()),
            },
            Subject::Unit(id) => (
                self.units
                    .iter()
                    .find(|u| u.id == id)
                    .map_or(i64::MAX, |u| u.sort_order),
                0,
                Vec::new(),
            ),
        }
    }

    /// Nominations grouped by catalogue entry in the catalogue's order, each group in the
    /// official order of units and positions.
    pub fn grouped<'n>(
        &self,
        list: &'n [Nomination],
    ) -> Vec<(&CatalogueEntry, Vec<&'n Nomination>)> {
        let mut entries: Vec<&CatalogueEntry> = self
            .catalogue
            .iter()
            .filter(|e| list.iter().any(|n| n.catalogue_id == e.id))
            .collect();
        entries.sort_by_key(|e| e.sort_order);
        entries
            .into_iter()
            .map(|e| {
                let mut v: Vec<&Nomination> =
                    list.iter().filter(|n| n.catalogue_id == e.id).collect();
                v.sort_by_cached_key(|n| self.order(n.subject));
                (e, v)
            })
            .collect()
    }
}

fn meeting(store: &Store, year: i32, id: Option<MeetingId>) -> Result<Meeting, StoreError> {
    let meetings = store.meetings(year)?;
    match id {
        Some(id) => meetings.into_iter().find(|m| m.id == id),
        None => meetings.into_iter().last(),
    }
    .ok_or_else(|| StoreError::NotFound(format!("cuộc họp Hội đồng năm {year}")))
}

/// The candidates of a meeting by title, with their results once voted.
pub fn title_groups(store: &Store, m: &Meeting) -> Result<Vec<TitleGroup>, StoreError> {
    let names = Names::load(store)?;
    let rules = council_rules(store)?;
    let agenda: Vec<Nomination> = store
        .nominations(m.year)?
        .into_iter()
        .filter(|n| n.meeting == Some(m.id))
        .collect();
    Ok(names
        .grouped(&agenda)
        .into_iter()
        .map(|(entry, list)| {
            let threshold = rules.threshold(&entry.code);
            TitleGroup {
                title: entry.name.clone(),
                threshold,
                candidates: list
                    .into_iter()
                    .map(|n| {
                        let (name, position_unit) = names.subject(n.subject);
                        let result = n.votes.and_then(|v| {
                            let r = count(v, m.total(), threshold).ok()?;
                            Some((
                                v.agree,
                                r.percent_of_all,
                                n.outcome.map(|o| o.label().to_owned()).unwrap_or_default(),
                            ))
                        });
                        Candidate {
                            name,
                            position_unit,
                            result,
                        }
                    })
                    .collect(),
            }
        })
        .collect())
}

/// Which council paper.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CouncilDoc {
    Ballots(Option<MeetingId>),
    Minutes(Option<MeetingId>),
    /// The tờ trình: to the province (true) or to the Director.
    Proposal {
        to_province: bool,
    },
}

/// Lay out a council paper or a submission; also a file stem for it.
pub fn council_document(
    store: &Store,
    year: i32,
    doc: CouncilDoc,
    date: Option<NaiveDate>,
    number: Option<u32>,
) -> Result<(LaidOut, String), StoreError> {
    let org = store.organisation()?;
    Ok(match doc {
        CouncilDoc::Ballots(id) => {
            let m = meeting(store, year, id)?;
            let groups = title_groups(store, &m)?;
            (
                council::ballots(&m, &groups, &org),
                format!("phieu-bau-{year}"),
            )
        }
        CouncilDoc::Minutes(id) => {
            let m = meeting(store, year, id)?;
            let groups = title_groups(store, &m)?;
            (
                council::minutes(&m, &groups, &org, "      /BB-HĐTĐKT"),
                format!("bien-ban-hoi-dong-{year}"),
            )
        }
        CouncilDoc::Proposal { to_province } => {
            let p = proposal(store, year, to_province, date, number)?;
            let stem = if to_province {
                "TTr-tinh"
            } else {
                "TTr-giam-doc"
            };
            (submission::proposal(&p, &org), format!("{stem}-{year}"))
        }
    })
}

/// The approved nominations a tờ trình carries: those the Director decides, or those a
/// higher level decides.
pub fn proposal(
    store: &Store,
    year: i32,
    to_province: bool,
    date: Option<NaiveDate>,
    number: Option<u32>,
) -> Result<Proposal, StoreError> {
    let names = Names::load(store)?;
    let org = store.organisation()?;
    let approved: Vec<Nomination> = store
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
        .filter(|n| {
            names
                .entry(n.catalogue_id)
                .is_some_and(|e| is_director_level(e) != to_province)
        })
        .collect();
    let groups = names
        .grouped(&approved)
        .into_iter()
        .map(|(entry, list)| ProposalGroup {
            title: entry.name.clone(),
            collective: entry.subject_kind == SubjectKind::Collective,
            rows: list
                .into_iter()
                .map(|n| {
                    let (name, position_unit) = names.subject(n.subject);
                    ProposalRow {
                        name,
                        position_unit,
                        proposing_unit: names.unit(n.proposing_unit).to_owned(),
                        achievement: n.achievement.clone(),
                    }
                })
                .collect(),
        })
        .collect();
    let council_date = store.meetings(year)?.last().map(|m| m.held_on);
    // The number and date the register gave this submission, when it was issued.
    let registered = store
        .documents_of_year(year)?
        .into_iter()
        .filter(|d| d.kind == "TTr" && d.summary == proposal_summary(year, to_province))
        .max_by_key(|d| d.number);
    let number = number.or(registered.as_ref().map(|d| d.number));
    let date = date.or(registered.map(|d| d.issued_on));
    let signature = if to_province {
        Signature::director(&org.director)
    } else {
        Signature {
            mark: "TM. HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG".into(),
            title: "CHỦ TỊCH".into(),
            name: org.director.clone(),
        }
    };
    Ok(Proposal {
        year,
        to_province,
        number,
        date,
        council_date,
        groups,
        signature,
    })
}

/// The register's summary of a submission (how its number is found again).
pub fn proposal_summary(year: i32, to_province: bool) -> String {
    if to_province {
        format!("Tờ trình đề nghị khen thưởng cấp tỉnh năm {year}")
    } else {
        format!("Tờ trình đề nghị khen thưởng năm {year}")
    }
}

/// Whether the Director decides this title or form (domain spec §1).
pub fn is_director_level(e: &CatalogueEntry) -> bool {
    e.level == crate::domain::model::AwardLevel::Department
}
