//! Reading a subject's award history the way the clerk says it.

use std::collections::BTreeMap;

use super::model::{AwardRecord, CatalogueEntry};

/// Group a history by title or form in catalogue order, each with its years:
/// "Tập thể lao động xuất sắc 2019, 2021, 2022, 2023; Cờ thi đua của Bộ Công Thương 2021, 2023".
/// Cancelled awards are left out.
pub fn summarise(records: &[AwardRecord], catalogue: &[CatalogueEntry]) -> Vec<(String, Vec<i32>)> {
    let mut by_entry: BTreeMap<(i64, i64), (String, Vec<i32>)> = BTreeMap::new();
    for r in records.iter().filter(|r| r.in_force()) {
        let (order, name) = catalogue
            .iter()
            .find(|c| c.id == r.catalogue_id)
            .map(|c| (c.sort_order, c.name.clone()))
            .unwrap_or((i64::MAX, format!("(mục danh mục số {})", r.catalogue_id)));
        let slot = by_entry
            .entry((order, r.catalogue_id))
            .or_insert_with(|| (name, Vec::new()));
        slot.1.push(r.year);
    }
    by_entry
        .into_values()
        .map(|(name, mut years)| {
            years.sort_unstable();
            years.dedup();
            (name, years)
        })
        .collect()
}

/// The summary as one line of text.
pub fn summary_line(records: &[AwardRecord], catalogue: &[CatalogueEntry]) -> String {
    summarise(records, catalogue)
        .into_iter()
        .map(|(name, years)| {
            let years: Vec<String> = years.iter().map(|y| y.to_string()).collect();
            format!("{name} {}", years.join(", "))
        })
        .collect::<Vec<_>>()
        .join("; ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::model::{Subject, builtin_catalogue};

    #[test]
    fn groups_years_by_title_in_catalogue_order_leaving_out_cancelled_awards() {
        let mut cat = builtin_catalogue();
        for (i, c) in cat.iter_mut().enumerate() {
            c.id = i as i64 + 1;
        }
        let id = |code: &str| cat.iter().find(|c| c.code == code).unwrap().id;
        let rec = |year, code| AwardRecord {
            id: 0,
            subject: Subject::Unit(1),
            year,
            catalogue_id: id(code),
            decision_number: String::new(),
            decision_date: None,
            issuer: String::new(),
            note: String::new(),
            cancelled_by: None,
        };
        let cancelled = |year, code| AwardRecord {
            cancelled_by: Some("5/QĐ-SCT".into()),
            ..rec(year, code)
        };
        let records = vec![
            rec(2024, "BK_TTG_TT"),
            rec(2022, "TTLDXS"),
            rec(2019, "TTLDXS"),
            cancelled(2021, "TTLDXS"),
            rec(2020, "BK_TTG_TT"),
            rec(2023, "TTLDXS"),
            cancelled(2025, "CO_TINH"),
        ];
        assert_eq!(
            summary_line(&records, &cat),
            "Tập thể lao động xuất sắc 2019, 2022, 2023; Bằng khen của Thủ tướng Chính phủ (tập thể) 2020, 2024"
        );
    }
}
