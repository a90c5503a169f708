//! Gathering an achievement report from the store.

use super::achievement::{Achievement, HistoryLine, achievement_report};
use super::layout::LaidOut;
use super::registration_data::unit_head;
use crate::domain::achievement::{report_title, years_covered};
use crate::domain::model::{AwardKind, Subject};
use crate::domain::nomination::NominationId;
use crate::domain::text::slug;
use crate::store::{Store, StoreError};

/// Lay out the report of one nomination; also a file stem for it.
pub fn achievement_document(
    store: &Store,
    id: NominationId,
) -> Result<(LaidOut, String), StoreError> {
    let n = store.nomination(id)?;
    let catalogue = store.catalogue()?;
    let entry = catalogue
        .iter()
        .find(|e| e.id == n.catalogue_id)
        .ok_or_else(|| StoreError::NotFound(format!("mục danh mục số {}", n.catalogue_id)))?;
    let people: Vec<_> = store.people()?.into_iter().map(|r| r.person).collect();
    let units = store.units()?;
    let unit_name = |id: i64| {
        units
            .iter()
            .find(|u| u.id == id)
            .map(|u| u.name.clone())
            .unwrap_or_default()
    };
    let span = years_covered(&entry.code);
    let first = n.year - span + 1;
    let period = if span == 1 {
        n.year.to_string()
    } else {
        format!("{first} đến năm {}", n.year)
    };
    let (name, facts, unit) = match n.subject {
        Subject::Person(pid) => {
            let p = store.person(pid)?;
            let mut facts = Vec::new();
            if let Some(b) = p.birth_date {
                facts.push(("Sinh ngày".to_owned(), b.format("%d/%m/%Y").to_string()));
            }
            facts.push(("Giới tính".into(), p.gender.label().into()));
            facts.push(("Đơn vị công tác".into(), unit_name(p.unit_id)));
            facts.push(("Chức vụ".into(), p.position.clone()));
            (p.full_name, facts, p.unit_id)
        }
        Subject::Unit(uid) => {
            let count = people
                .iter()
                .filter(|p| p.unit_id == uid && p.active)
                .count();
            (
                unit_name(uid),
                vec![(
                    "Số công chức, viên chức, người lao động".into(),
                    count.to_string(),
                )],
                uid,
            )
        }
    };
    let history = store
        .awards_for(n.subject)?
        .into_iter()
        .filter(|a| a.in_force() && a.year >= first && a.year <= n.year)
        .map(|a| {
            let award = catalogue
                .iter()
                .find(|e| e.id == a.catalogue_id)
                .map(|e| e.name.clone())
                .unwrap_or_default();
            let date = a
                .decision_date
                .map(|d| format!(" ngày {}", d.format("%d/%m/%Y")))
                .unwrap_or_default();
            HistoryLine {
                year: a.year,
                award,
                decision: format!("Quyết định số {}{date} của {}", a.decision_number, a.issuer),
            }
        })
        .collect();
    let a = Achievement {
        year: n.year,
        title: report_title(&entry.name, entry.kind == AwardKind::Title),
        collective: matches!(n.subject, Subject::Unit(_)),
        innovations: match n.subject {
            Subject::Person(pid) => store
                .recognised_innovations_of(pid, first, n.year)?
                .into_iter()
                .map(|i| {
                    format!(
                        "{} ({}, Quyết định số {})",
                        i.name,
                        i.level.map_or("", |l| l.label()).to_lowercase(),
                        i.decision_number
                    )
                })
                .collect(),
            Subject::Unit(_) => Vec::new(),
        },
        history,
        period,
        unit_name: unit_name(unit),
        head_name: unit_head(&people, unit)
            .map(|p| p.full_name.clone())
            .unwrap_or_default(),
        text: n.report.clone(),
        name,
        facts,
    };
    let stem = format!("bao-cao-thanh-tich-{}-{}", n.year, slug(&a.name));
    Ok((achievement_report(&a, &store.organisation()?), stem))
}
