//! The demo's decisions: every decision of the award history becomes a decision record with
//! its list (linked to the history it wrote), and this year's approved LĐTT nominations
//! wait in a draft.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use rusqlite::params;

use crate::domain::decision::{Decision, DecisionEntry, DecisionStatus};
use crate::domain::money::{Rounding, reward};
use crate::domain::nomination::NominationStatus;
use crate::store::{Store, StoreError};

/// (number, date, issuer) of a decision in the history.
type DecisionKey = (String, Option<NaiveDate>, String);

pub(super) fn write(store: &mut Store, today: NaiveDate) -> Result<(), StoreError> {
    let catalogue = store.catalogue()?;
    let salaries = store.base_salaries()?;
    let org = store.organisation()?;
    // (number, date, issuer) → (year of the achievements, [(award id, entry)])
    let mut groups: BTreeMap<DecisionKey, (i32, Vec<(i64, DecisionEntry)>)> = BTreeMap::new();
    for a in store.all_awards()? {
        let coefficient = catalogue
            .iter()
            .find(|c| c.id == a.catalogue_id)
            .and_then(|c| c.coefficient);
        let internal = a.issuer.starts_with("Giám đốc");
        let amount = match (internal, a.decision_date) {
            (true, Some(d)) => reward(coefficient, d, &salaries, Rounding::default())
                .ok()
                .flatten(),
            _ => None,
        };
        let g = groups
            .entry((a.decision_number.clone(), a.decision_date, a.issuer.clone()))
            .or_insert((a.year, Vec::new()));
        g.1.push((
            a.id,
            DecisionEntry {
                subject: a.subject,
                catalogue_id: a.catalogue_id,
                amount,
                nomination: None,
            },
        ));
    }
    let conn = store.connection();
    for ((number, date, issuer), (year, entries)) in groups {
        let internal = issuer.starts_with("Giám đốc");
        let mut d = Decision::draft(
            year,
            &format!("Về việc khen thưởng thành tích năm {year}"),
            &org.director,
        );
        d.number = number.clone();
        d.issued_on = date;
        d.internal = internal;
        d.issuer = issuer;
        d.status = DecisionStatus::Issued;
        d.entries = entries.iter().map(|(_, e)| e.clone()).collect();
        let data = serde_json::to_string(&d).map_err(|e| StoreError::Conflict(e.to_string()))?;
        conn.execute(
            "INSERT INTO decisions(year, number, issued_on, internal, status, amends, data) VALUES (?1, ?2, ?3, ?4, 'draft', NULL, ?5)",
            params![year, number, date, internal, data],
        )?;
        let id = conn.last_insert_rowid();
        for (award, e) in &entries {
            let (person, unit) = match e.subject {
                crate::domain::model::Subject::Person(p) => (Some(p), None),
                crate::domain::model::Subject::Unit(u) => (None, Some(u)),
            };
            conn.execute(
                "INSERT INTO decision_entries(decision_id, person_id, unit_id, catalogue_id, amount, award_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![id, person, unit, e.catalogue_id, e.amount, award],
            )?;
        }
        conn.execute("UPDATE decisions SET status = 'issued' WHERE id = ?1", [id])?;
    }
    // This year's draft: the approved LĐTT nominations.
    let year = chrono::Datelike::year(&today);
    let Some(ldtt) = catalogue.iter().find(|c| c.code == "LDTT") else {
        return Ok(());
    };
    let mut draft = Decision::draft(
        year,
        &format!("Về việc công nhận danh hiệu Lao động tiên tiến năm {year}"),
        &org.director,
    );
    for n in store.nominations(year)? {
        if n.status == NominationStatus::Approved && n.catalogue_id == ldtt.id {
            let amount = reward(ldtt.coefficient, today, &salaries, Rounding::default())
                .ok()
                .flatten();
            draft.entries.push(DecisionEntry {
                subject: n.subject,
                catalogue_id: ldtt.id,
                amount,
                nomination: Some(n.id),
            });
        }
    }
    if !draft.entries.is_empty() {
        store.save_decision_draft(&draft)?;
    }
    Ok(())
}
