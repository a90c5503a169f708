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
