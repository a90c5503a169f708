//! Units files: Tên đơn vị | Tên viết tắt | Loại đơn vị | Thứ tự.
//!
//! A row naming a unit already stored (by its full name, ignoring case and accents)
//! updates it; empty cells keep what is stored.

use std::collections::HashMap;

use super::cells::{Column, opt, req};
use super::read::{Cells, Index, RowCheck, messages};
use super::{Change, Kind};
use crate::domain::model::UnitKind;
use crate::domain::text::fold;
use crate::domain::validate::UnitForm;

const NAME: usize = 0;
const SHORT: usize = 1;
const KIND: usize = 2;
const ORDER: usize = 3;

#[derive(Default)]
pub(super) struct Check {
    seen: HashMap<String, usize>,
}

impl RowCheck for Check {
    const KIND: Kind = Kind::Units;
    const COLUMNS: &'static [Column] = &[
        req("Tên đơn vị", &["Đơn vị", "Tên"]),
        opt("Tên viết tắt", &["Viết tắt", "Tên ngắn"]),
        opt("Loại đơn vị", &["Loại"]),
        opt("Thứ tự", &["STT", "Thứ tự sắp xếp"]),
    ];

    fn check(&mut self, row: &Cells<'_>, ix: &Index<'_>) -> Result<(Change, String), Vec<String>> {
        let mut faults = Vec::new();
        let name = row.get(NAME);
        let existing = ix.unit_named(name);
        // UnitForm::new is not the Default: a new unit is active, a Phòng chuyên môn.
        let mut form = match existing {
            Some(u) => UnitForm::from_unit(u),
            None => UnitForm::new(),
        };
        form.name = pick_spelling(name, &form.name);
        if !row.get(SHORT).is_empty() {
            form.short_name = row.get(SHORT).into();
        }
        match row.get(KIND) {
            "" => {}
            t => match UnitKind::from_label(t) {
                Some(k) => form.kind = Some(k),
                None => faults.push(format!(
                    "Loại đơn vị \"{t}\" không có trong danh mục: ghi một trong {}.",
                    UnitKind::ALL
                        .iter()
                        .map(|k| format!("\"{}\"", k.label()))
                        .collect::<Vec<_>>()
                        .join(", ")
                )),
            },
        }
        if !row.get(ORDER).is_empty() {
            form.sort_order = row.get(ORDER).into();
        }
        let unit = match form.validate() {
            Ok(u) if faults.is_empty() => u,
            Ok(_) => return Err(faults),
            Err(e) => {
                faults.extend(messages(&e));
                return Err(faults);
            }
        };
        if let Some(first) = self.seen.insert(fold(&unit.name), row.number()) {
            return Err(vec![format!(
                "Trùng đơn vị với dòng {first} (cùng tên \"{}\").",
                unit.name
            )]);
        }
        Ok(match existing {
            None => {
                let line = format!("Thêm đơn vị {}", unit.name);
                (Change::Unit(unit), line)
            }
            Some(old) if *old == unit => (
                Change::Unchanged,
                format!("Không đổi: đơn vị {}", unit.name),
            ),
            Some(old) => {
                let mut what = Vec::new();
                for (differs, label) in [
                    (old.name != unit.name, "tên"),
                    (old.short_name != unit.short_name, "tên viết tắt"),
                    (old.kind != unit.kind, "loại đơn vị"),
                    (old.sort_order != unit.sort_order, "thứ tự"),
                ] {
                    if differs {
                        what.push(label);
                    }
                }
                let line = format!("Cập nhật đơn vị {}: {}", unit.name, what.join(", "));
                (Change::Unit(unit), line)
            }
        })
    }
}

/// The spelling to store for a name matched by its folded form: the file's, unless it was
/// typed without any accents while the stored one has them.
pub(super) fn pick_spelling(file: &str, stored: &str) -> String {
    if stored.is_empty() || !file.is_ascii() || stored.is_ascii() {
        file.to_owned()
    } else {
        stored.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::pick_spelling;

    #[test]
    fn an_unaccented_spelling_does_not_replace_an_accented_one() {
        assert_eq!(pick_spelling("van phong", "Văn phòng"), "Văn phòng");
        assert_eq!(pick_spelling("Văn Phòng", "Văn phòng"), "Văn Phòng");
        assert_eq!(pick_spelling("VP", ""), "VP");
    }
}
