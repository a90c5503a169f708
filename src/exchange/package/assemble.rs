//! Putting together what a package for the provincial board holds: the tờ trình, the
//! council's minutes, an achievement report per nomination, the list as .xlsx, the issued
//! decisions with their lists, and the data file.

use std::collections::BTreeSet;

use chrono::NaiveDate;
use rust_xlsxwriter::Workbook;

use super::PackageError;
use super::data::{DATA_FILE, gather, province_nominations};
use crate::docs::council_data::{CouncilDoc, council_document};
use crate::docs::{LaidOut, render_pdf};
use crate::domain::decision::DecisionStatus;
use crate::domain::model::Subject;
use crate::domain::province_list::{LIST_COLUMNS_SETTING, ListColumn, ListRow, effective_columns};
use crate::domain::text::slug;
use crate::store::Store;

/// What the clerk chose to send.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Contents {
    pub proposal: bool,
    pub minutes: bool,
    pub achievement_reports: bool,
    pub list: bool,
    pub decisions: bool,
}

impl Default for Contents {
    fn default() -> Self {
        Self {
            proposal: true,
            minutes: true,
            achievement_reports: true,
            list: true,
            decisions: true,
        }
    }
}

/// The folder name: organisation, content and date, in letters any USB stick takes.
pub fn package_name(org_abbrev: &str, org_place: &str, year: i32, today: NaiveDate) -> String {
    let org = slug(&format!("{org_abbrev} {org_place}"));
    format!(
        "{}_ho-so-khen-thuong-{year}_{}",
        if org.is_empty() { "thidua".into() } else { org },
        today.format("%Y-%m-%d")
    )
}

/// Every file of the package but the manifest, as (relative path, content); and a
/// description. `progress(done, total)` after each file.
pub fn assemble(
    store: &Store,
    year: i32,
    contents: Contents,
    progress: &dyn Fn(usize, usize),
) -> Result<Vec<(String, Vec<u8>)>, PackageError> {
    let nominations = province_nominations(store, year)?;
    let decisions: Vec<_> = if contents.decisions {
        store
            .decisions(year)?
            .into_iter()
            .filter(|d| d.status == DecisionStatus::Issued)
            .collect()
    } else {
        Vec::new()
    };
    let reports = if contents.achievement_reports {
        nominations.len()
    } else {
        0
    };
    let total = 4 + reports + decisions.len();
    let mut done = 0;
    let mut step = |files: &mut Vec<(String, Vec<u8>)>, item: Option<(String, Vec<u8>)>| {
        if let Some(f) = item {
            files.push(f);
        }
        done += 1;
        progress(done, total);
    };
    let mut files = Vec::new();
    let pdf = |path: String, doc: &LaidOut| -> Result<(String, Vec<u8>), PackageError> {
        let bytes = render_pdf(doc).map_err(|e| PackageError::Document(e.to_string()))?;
        Ok((path, bytes))
    };
    let item = if contents.proposal && !nominations.is_empty() {
        let (doc, stem) = council_document(
            store,
            year,
            CouncilDoc::Proposal { to_province: true },
            None,
            None,
        )?;
        Some(pdf(format!("to-trinh/{stem}.pdf"), &doc)?)
    } else {
        None
    };
    step(&mut files, item);
    let item = if contents.minutes && !store.meetings(year)?.is_empty() {
        let (doc, stem) = council_document(store, year, CouncilDoc::Minutes(None), None, None)?;
        Some(pdf(format!("bien-ban/{stem}.pdf"), &doc)?)
    } else {
        None
    };
    step(&mut files, item);
    if contents.achievement_reports {
        for (n, e) in &nominations {
            let (doc, stem) = crate::docs::achievement_data::achievement_document(store, n.id)?;
            let name = format!(
                "bao-cao-thanh-tich/{:03}-{}-{stem}.pdf",
                n.id,
                slug(&e.code)
            );
            let item = pdf(name, &doc)?;
            step(&mut files, Some(item));
        }
    }
    let item = if contents.list && !nominations.is_empty() {
        Some((
            format!("danh-sach/danh-sach-de-nghi-khen-thuong-{year}.xlsx"),
            list_workbook(store, year, &nominations)?,
        ))
    } else {
        None
    };
    step(&mut files, item);
    let mut subjects: BTreeSet<Subject> = nominations.iter().map(|(n, _)| n.subject).collect();
    for d in &decisions {
        let (doc, stem) = crate::docs::decision_data::decision_document(store, d)?;
        subjects.extend(d.entries.iter().map(|e| e.subject));
        let item = pdf(format!("quyet-dinh/{stem}.pdf"), &doc)?;
        step(&mut files, Some(item));
    }
    let plain: Vec<_> = nominations.into_iter().map(|(n, _)| n).collect();
    let data = gather(store, year, &subjects, &plain)?;
    let json =
        serde_json::to_vec_pretty(&data).map_err(|e| PackageError::Document(e.to_string()))?;
    step(&mut files, Some((DATA_FILE.to_owned(), json)));
    step(&mut files, None);
    Ok(files)
}

/// The list of nominations as a workbook with the columns the settings ask for.
fn list_workbook(
    store: &Store,
    year: i32,
    nominations: &[(
        crate::domain::nomination::Nomination,
        crate::domain::model::CatalogueEntry,
    )],
) -> Result<Vec<u8>, PackageError> {
    let setting: Vec<ListColumn> = store.setting(LIST_COLUMNS_SETTING)?.unwrap_or_default();
    let columns = effective_columns(&setting);
    let people: std::collections::HashMap<i64, _> = store
        .people()?
        .into_iter()
        .map(|r| (r.person.id, r))
        .collect();
    let units = store.units()?;
    let unit_name = |id: i64| {
        units
            .iter()
            .find(|u| u.id == id)
            .map(|u| u.name.clone())
            .unwrap_or_default()
    };
    let rows: Vec<ListRow> = nominations
        .iter()
        .map(|(n, e)| match n.subject {
            Subject::Person(id) => {
                let r = people.get(&id);
                ListRow {
                    name: r.map(|r| r.person.full_name.clone()).unwrap_or_default(),
                    birth_year: r
                        .and_then(|r| r.person.birth_date)
                        .map(|d| chrono::Datelike::year(&d)),
                    gender: r
                        .map(|r| r.person.gender.label().into())
                        .unwrap_or_default(),
                    position: r.map(|r| r.person.position.clone()).unwrap_or_default(),
                    unit: r.map(|r| r.unit_name.clone()).unwrap_or_default(),
                    form: e.name.clone(),
                    achievement: n.achievement.clone(),
                    note: String::new(),
                }
            }
            Subject::Unit(id) => ListRow {
                name: unit_name(id),
                unit: unit_name(n.proposing_unit),
                form: e.name.clone(),
                achievement: n.achievement.clone(),
                note: "Tập thể".into(),
                ..Default::default()
            },
        })
        .collect();
    let path = std::path::PathBuf::from("danh-sach.xlsx");
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    let err = crate::exchange::export::xlsx_error(&path);
    ws.set_name(format!("Đề nghị {year}")).map_err(&err)?;
    let headers: Vec<(&str, f64)> = columns.iter().map(|c| (c.header(), c.width())).collect();
    crate::exchange::export::write_headers(ws, &headers).map_err(&err)?;
    for (i, row) in rows.iter().enumerate() {
        for (col, c) in columns.iter().enumerate() {
            let text = row.cell(*c, i + 1);
            if matches!(c, ListColumn::Number | ListColumn::BirthYear)
                && let Ok(v) = text.parse::<f64>()
            {
                ws.write_number(i as u32 + 1, col as u16, v).map_err(&err)?;
                continue;
            }
            crate::exchange::export::put_text(ws, i as u32 + 1, col as u16, &text).map_err(&err)?;
        }
    }
    wb.save_to_buffer()
        .map_err(|e| PackageError::Document(e.to_string()))
}
