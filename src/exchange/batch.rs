//! Whole-file import and export without a window (the command line uses these).

use std::path::Path;

use chrono::NaiveDate;

use super::{Context, Kind, commit, export_people, read};
use crate::store::Store;

/// Read a file of `kind` against the store's current data.
pub fn preview(
    store: &Store,
    kind: Kind,
    file: &Path,
    today: NaiveDate,
) -> Result<super::Preview, String> {
    let units = store.units().map_err(|e| e.to_string())?;
    let people = store.people().map_err(|e| e.to_string())?;
    let catalogue = store.catalogue().map_err(|e| e.to_string())?;
    let awards = store.all_awards().map_err(|e| e.to_string())?;
    let ctx = Context {
        units: &units,
        people: &people,
        catalogue: &catalogue,
        awards: &awards,
        today,
    };
    read(kind, file, &ctx).map_err(|e| e.to_string())
}

/// Import a whole file, or nothing when any row is bad (every bad row is listed).
pub fn import_file(
    store: &mut Store,
    kind: Kind,
    file: &Path,
    today: NaiveDate,
) -> Result<String, String> {
    let preview = preview(store, kind, file, today)?;
    if !preview.is_clean() {
        let mut lines: Vec<String> = preview
            .problems
            .iter()
            .take(50)
            .map(|(row, m)| format!("Dòng {row}: {m}"))
            .collect();
        if preview.problems.len() > 50 {
            lines.push(format!(
                "… và {} dòng sai khác.",
                preview.problems.len() - 50
            ));
        }
        return Err(format!(
            "Tệp {} có {} dòng sai; chưa có dòng nào được ghi:\n{}",
            file.display(),
            preview.problems.len(),
            lines.join("\n")
        ));
    }
    let summary = commit(&preview, store, &mut |_, _| {}).map_err(|e| e.to_string())?;
    Ok(format!(
        "Đã nhập {} từ {}: {}.\n",
        kind.label(),
        file.display(),
        summary.describe()
    ))
}

/// Export the people list in Vietnamese name order.
pub fn export_people_file(store: &Store, file: &Path) -> Result<String, String> {
    let people = store.people().map_err(|e| e.to_string())?;
    export_people(file, &people, &mut |_, _| {}).map_err(|e| e.to_string())?;
    Ok(format!(
        "Đã xuất {} cá nhân ra {}.\n",
        people.len(),
        file.display()
    ))
}

/// Write the year's package for the province into `target` and check it.
pub fn export_province(store: &Store, year: i32, target: &Path) -> Result<String, String> {
    let now = chrono::Local::now().naive_local();
    let report = super::package::export_province(
        store,
        year,
        super::package::Contents::default(),
        target,
        now,
        &super::package::RealFs,
        &|_| {},
    )
    .map_err(|e| e.to_string())?;
    Ok(format!("{}\n", report.describe()))
}

/// Import a package: all of it or nothing. Doubtful matches stop the import unless
/// `doubtful` says what to do with them ("khac": a new person; "trung": the closest one).
pub fn import_package(
    store: &mut Store,
    folder: &Path,
    doubtful: Option<&str>,
    today: NaiveDate,
) -> Result<String, String> {
    use super::package::{PersonMatch, Resolution};
    let preview = super::package::open_package(store, folder).map_err(|e| e.to_string())?;
    let mut choices = std::collections::HashMap::new();
    for p in preview.doubtful() {
        let PersonMatch::Doubtful(candidates) = &p.matched else {
            continue;
        };
        let choice = match doubtful {
            Some("khac") => Resolution::NewPerson,
            Some("trung") => Resolution::SamePerson(candidates[0].0),
            Some(other) => {
                return Err(format!(
                    "--doubtful nhận \"khac\" hoặc \"trung\", không nhận \"{other}\"."
                ));
            }
            None => continue,
        };
        choices.insert(p.key.clone(), choice);
    }
    let summary = super::package::apply_import(store, &preview, &choices, today)
        .map_err(|e| e.to_string())?;
    Ok(format!("{}\n{}\n", preview.describe(), summary.describe()))
}
