//! Award history files: Họ và tên hoặc tên tập thể | Ngày sinh | Đơn vị | Năm | Danh hiệu,
//! hình thức | Số quyết định | Ngày quyết định | Cơ quan, người ký | Ghi chú.
//!
//! A record already stored (same subject, year, title) is "unchanged" when the file says
//! nothing new, and completed when the file adds decision details; so importing the same
//! file twice changes nothing the second time.

use std::collections::HashMap;

use super::cells::{Column, opt, req};
use super::read::{Cells, Index, RowCheck, messages};
use super::{Change, Kind};
use crate::domain::model::{AwardRecord, CatalogueId, Subject};
use crate::domain::validate::AwardForm;

const NAME: usize = 0;
const BIRTH: usize = 1;
const UNIT: usize = 2;
const YEAR: usize = 3;
const TITLE: usize = 4;
const NUMBER: usize = 5;
const DATE: usize = 6;
const ISSUER: usize = 7;
const NOTE: usize = 8;

#[derive(Default)]
pub(super) struct Check {
    seen: HashMap<(Subject, i32, CatalogueId), usize>,
}

impl RowCheck for Check {
    const KIND: Kind = Kind::History;
    const COLUMNS: &'static [Column] = &[
        req(
            "Họ và tên hoặc tên tập thể",
            &[
                "Họ và tên",
                "Họ tên",
                "Tên tập thể",
                "Cá nhân, tập thể",
                "Tên cá nhân, tập thể",
            ],
        ),
        opt(
            "Ngày sinh",
            &["Ngày, tháng, năm sinh", "Ngày tháng năm sinh"],
        ),
        opt("Đơn vị", &["Đơn vị công tác", "Tên đơn vị"]),
        req("Năm", &["Năm thành tích", "Năm khen thưởng"]),
        req(
            "Danh hiệu, hình thức",
            &[
                "Danh hiệu",
                "Hình thức khen thưởng",
                "Danh hiệu thi đua, hình thức khen thưởng",
                "Danh hiệu, hình thức khen thưởng",
            ],
        ),
        opt("Số quyết định", &["Số QĐ"]),
        opt("Ngày quyết định", &["Ngày QĐ", "Ngày ký"]),
        opt(
            "Cơ quan, người ký",
            &["Người ký", "Cơ quan ban hành", "Cấp khen"],
        ),
        opt("Ghi chú", &[]),
    ];

    fn check(&mut self, row: &Cells<'_>, ix: &Index<'_>) -> Result<(Change, String), Vec<String>> {
        let mut faults = Vec::new();
        let subject = ix
            .subject(row.get(NAME), row.get(UNIT), &row.date(BIRTH))
            .map_err(|f| faults.extend(f))
            .ok();
        let entry = match row.get(TITLE) {
            "" => None,
            t => ix.entry(t).or_else(|| {
                faults.push(format!(
                    "\"{t}\" không có trong danh mục danh hiệu, hình thức khen thưởng. Hãy ghi đúng tên như trong Danh mục, hoặc thêm vào Danh mục trước."
                ));
                None
            }),
        };
        let form = AwardForm {
            id: None,
            subject: subject.as_ref().map(|(s, _)| *s),
            year: row.get(YEAR).into(),
            catalogue_id: entry.map(|e| e.id),
            decision_number: row.get(NUMBER).into(),
            decision_date: row.date(DATE),
            issuer: row.get(ISSUER).into(),
            note: row.get(NOTE).into(),
        };
        let record = match form.validate(ix.catalogue) {
            Ok(r) if faults.is_empty() => r,
            Ok(_) => return Err(faults),
            Err(errors) => {
                // A subject or title we could not find was already explained.
                let said = |field: &str| match field {
                    "subject" => subject.is_none(),
                    "catalogue" => entry.is_none() && !row.get(TITLE).is_empty(),
                    _ => false,
                };
                let own: Vec<_> = errors.into_iter().filter(|e| !said(e.field)).collect();
                faults.extend(messages(&own));
                return Err(faults);
            }
        };
        let (Some((_, who)), Some(entry)) = (subject, entry) else {
            return Err(faults);
        };
        let key = (record.subject, record.year, record.catalogue_id);
        if let Some(first) = self.seen.insert(key, row.number()) {
            return Err(vec![format!(
                "Trùng với dòng {first}: {who} đã có \"{}\" năm {} trong tệp.",
                entry.name, record.year
            )]);
        }
        let what = format!("{who} – {} năm {}", entry.name, record.year);
        Ok(match ix.award(key) {
            None => (Change::Award(record), format!("Thêm: {what}")),
            Some(old) => {
                let merged = merge(old, record);
                if merged == *old {
                    (Change::Unchanged, format!("Đã có: {what}"))
                } else {
                    let line = format!("Bổ sung thông tin quyết định: {what}");
                    (Change::Award(merged), line)
                }
            }
        })
    }
}

/// The stored record with what the file adds: an empty cell keeps the stored value.
fn merge(old: &AwardRecord, new: AwardRecord) -> AwardRecord {
    let keep = |new: String, old: &str| {
        if new.is_empty() { old.to_owned() } else { new }
    };
    AwardRecord {
        id: old.id,
        subject: old.subject,
        year: old.year,
        catalogue_id: old.catalogue_id,
        decision_number: keep(new.decision_number, &old.decision_number),
        decision_date: new.decision_date.or(old.decision_date),
        issuer: keep(new.issuer, &old.issuer),
        note: keep(new.note, &old.note),
        cancelled_by: old.cancelled_by.clone(),
    }
}
