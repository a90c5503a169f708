//! Gathering what the registration documents print from the store (on the thread that
//! owns the store; the layout then runs anywhere).

use super::layout::LaidOut;
use super::registration::{self, Covenant, PersonLine, SummaryGroup, UnitRegistration};
use crate::domain::collation::person_name_key;
use crate::domain::model::{AwardKind, Person, PersonStatus, Subject, UnitId};
use crate::domain::plan::Plan;
use crate::domain::registration::{left_mark, person_in_year, unit_in_year};
use crate::domain::text::slug;
use crate::store::{Store, StoreError};

/// What the documents say about the year's plan: "Kế hoạch số 5/KH-SCT ngày 10/01/2026
/// của Sở Công Thương".
pub fn plan_reference(store: &Store, year: i32) -> Result<Option<String>, StoreError> {
    let org = store.organisation()?;
    let plan: Option<Plan> = store
        .plan_for_year(year)?
        .and_then(|r| serde_json::from_str(&r.data).ok());
    Ok(plan.and_then(|p| match (p.number, p.issued_on) {
        (Some(n), Some(d)) => Some(format!(
            "Kế hoạch số {n}/KH-{} ngày {} của Sở Công Thương",
            org.abbreviation,
            d.format("%d/%m/%Y")
        )),
        _ => None,
    }))
}

/// The unit's head: the working member with the highest position (smallest rank).
pub fn unit_head(people: &[Person], unit: UnitId) -> Option<&Person> {
    people
        .iter()
        .filter(|p| p.unit_id == unit && p.active && p.status == PersonStatus::Working)
        .min_by_key(|p| (p.position_rank, person_name_key(&p.full_name)))
}

struct YearData {
    people: Vec<Person>,
    catalogue: Vec<crate::domain::model::CatalogueEntry>,
    regs: Vec<crate::domain::registration::Registration>,
}

impl YearData {
    fn load(store: &Store, year: i32) -> Result<Self, StoreError> {
        Ok(Self {
            people: store.people()?.into_iter().map(|r| r.person).collect(),
            catalogue: store.catalogue()?,
            regs: store.registrations_of_year(year)?,
        })
    }

    /// The subject's current (title, forms) as names.
    fn names(&self, subject: Subject) -> (String, String) {
        let mut title = String::new();
        let mut forms = Vec::new();
        for r in self
            .regs
            .iter()
            .filter(|r| r.is_current() && r.subject == subject)
        {
            if let Some(e) = self.catalogue.iter().find(|e| e.id == r.catalogue_id) {
                match e.kind {
                    AwardKind::Title => title = e.name.clone(),
                    AwardKind::Commendation => forms.push(e.name.clone()),
                }
            }
        }
        (title, forms.join("; "))
    }

    fn staff(&self, unit: UnitId, year: i32) -> Vec<PersonLine> {
        let mut staff: Vec<&Person> = self
            .people
            .iter()
            .filter(|p| p.unit_id == unit && person_in_year(p, year))
            .collect();
        staff.sort_by_cached_key(|p| (p.position_rank, person_name_key(&p.full_name)));
        staff
            .into_iter()
            .map(|p| {
                let (title, form) = self.names(Subject::Person(p.id));
                PersonLine {
                    name: p.full_name.clone(),
                    position: p.position.clone(),
                    title,
                    form,
                    note: left_mark(p).unwrap_or_default(),
                }
            })
            .collect()
    }
}

/// One unit's registration form.
pub fn unit_registration(
    store: &Store,
    year: i32,
    unit: UnitId,
) -> Result<UnitRegistration, StoreError> {
    let data = YearData::load(store, year)?;
    let u = store
        .units()?
        .into_iter()
        .find(|u| u.id == unit)
        .ok_or_else(|| StoreError::NotFound(format!("đơn vị số {unit}")))?;
    let submission = store
        .submissions(year)?
        .into_iter()
        .find(|s| s.unit_id == unit);
    let (collective_title, collective_form) = data.names(Subject::Unit(unit));
    let head = unit_head(&data.people, unit);
    Ok(UnitRegistration {
        year,
        plan_reference: plan_reference(store, year)?,
        collective_title,
        collective_form,
        commitment: submission
            .as_ref()
            .map(|s| {
                s.commitment
                    .lines()
                    .map(str::trim)
                    .filter(|l| !l.is_empty())
                    .map(String::from)
                    .collect()
            })
            .unwrap_or_default(),
        people: data.staff(unit, year),
        sent_on: submission.and_then(|s| s.sent_on),
        head_title: head
            .map(|p| p.position.to_uppercase())
            .filter(|t| !t.is_empty())
            .unwrap_or_else(|| "THỦ TRƯỞNG ĐƠN VỊ".into()),
        head_name: head.map(|p| p.full_name.clone()).unwrap_or_default(),
        unit_name: u.name,
    })
}

/// Every unit taking part in the year, in official order.
pub fn summary_groups(store: &Store, year: i32) -> Result<Vec<SummaryGroup>, StoreError> {
    let data = YearData::load(store, year)?;
    let submissions = store.submissions(year)?;
    Ok(store
        .units()?
        .into_iter()
        .filter(|u| unit_in_year(u, year))
        .map(|u| {
            let (collective_title, collective_form) = data.names(Subject::Unit(u.id));
            SummaryGroup {
                status: submissions
                    .iter()
                    .find(|s| s.unit_id == u.id)
                    .map(|s| s.status_text())
                    .unwrap_or_else(|| "Chưa gửi".into()),
                collective_title,
                collective_form,
                people: data.staff(u.id, year),
                unit_name: u.name,
            }
        })
        .collect())
}

/// A cluster's covenant.
pub fn covenant(store: &Store, year: i32, cluster: i64) -> Result<Covenant, StoreError> {
    let c = store
        .clusters(year)?
        .into_iter()
        .find(|c| c.id == cluster)
        .ok_or_else(|| StoreError::NotFound(format!("cụm thi đua số {cluster}")))?;
    let people: Vec<Person> = store.people()?.into_iter().map(|r| r.person).collect();
    let units = store.units()?;
    let members = c
        .members
        .iter()
        .filter_map(|id| units.iter().find(|u| u.id == *id))
        .map(|u| {
            let head = unit_head(&people, u.id);
            (
                u.name.clone(),
                head.map(|p| p.position.clone())
                    .unwrap_or_else(|| "Thủ trưởng đơn vị".into()),
                head.map(|p| p.full_name.clone()).unwrap_or_default(),
            )
        })
        .collect();
    Ok(Covenant {
        year,
        cluster_name: c.name,
        plan_reference: plan_reference(store, year)?,
        date: c.covenant_date,
        content: c
            .covenant_content
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(String::from)
            .collect(),
        members,
    })
}

/// Which registration document to make.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RegistrationDoc {
    /// "BẢN ĐĂNG KÝ THI ĐUA NĂM …" of one unit.
    UnitForm(UnitId),
    /// The Department's summary of all registrations.
    Summary,
    /// A cluster's covenant.
    Covenant(i64),
}

/// Lay out a registration document.
pub fn registration_document(
    store: &Store,
    year: i32,
    doc: RegistrationDoc,
    today: chrono::NaiveDate,
) -> Result<(LaidOut, String), StoreError> {
    let org = store.organisation()?;
    Ok(match doc {
        RegistrationDoc::UnitForm(unit) => {
            let data = unit_registration(store, year, unit)?;
            let stem = format!("DK-{year}-{}", slug(&data.unit_name));
            (registration::unit_form(&data, &org), stem)
        }
        RegistrationDoc::Summary => {
            let groups = summary_groups(store, year)?;
            (
                registration::summary(year, &groups, &org, today),
                format!("DK-tong-hop-{year}"),
            )
        }
        RegistrationDoc::Covenant(id) => {
            let data = covenant(store, year, id)?;
            let stem = format!("giao-uoc-{year}-{}", slug(&data.cluster_name));
            (registration::covenant(&data, &org), stem)
        }
    })
}
