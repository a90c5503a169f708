//! Yearly ratings files: Họ và tên | Ngày sinh | Đơn vị | Năm | Xếp loại.
//!
//! A row with a name is a person's rating (found by name, and unit and birth date when
//! given); a row with an empty name and a unit is that unit's rating.

use std::collections::HashMap;

use super::cells::{Column, opt, req};
use super::read::{Cells, Index, RowCheck, parse_year};
use super::{Change, Kind};
use crate::domain::model::{Rating, Subject};

const NAME: usize = 0;
const BIRTH: usize = 1;
const UNIT: usize = 2;
const YEAR: usize = 3;
const RATING: usize = 4;

#[derive(Default)]
pub(super) struct Check {
    seen: HashMap<(Subject, i32), usize>,
}

impl RowCheck for Check {
    const KIND: Kind = Kind::Ratings;
    const COLUMNS: &'static [Column] = &[
        opt(
            "Họ và tên",
            &["Họ tên", "Họ và tên hoặc tên tập thể", "Tên cá nhân"],
        ),
        opt(
            "Ngày sinh",
            &["Ngày, tháng, năm sinh", "Ngày tháng năm sinh"],
        ),
        req("Đơn vị", &["Đơn vị công tác", "Tên đơn vị"]),
        req("Năm", &["Năm đánh giá", "Năm xếp loại"]),
        req(
            "Xếp loại",
            &["Xếp loại chất lượng", "Kết quả xếp loại", "Mức xếp loại"],
        ),
    ];

    fn check(&mut self, row: &Cells<'_>, ix: &Index<'_>) -> Result<(Change, String), Vec<String>> {
        let mut faults = Vec::new();
        let subject = ix
            .subject(row.get(NAME), row.get(UNIT), &row.date(BIRTH))
            .map_err(|f| faults.extend(f))
            .ok();
        let year = parse_year(row.get(YEAR)).map_err(|m| faults.push(m)).ok();
        let rating = match row.get(RATING) {
            "" => {
                faults.push("Hãy ghi xếp loại: HTXSNV, HTTNV, HTNV hoặc KHT.".into());
                None
            }
            t => Rating::from_label(t).or_else(|| {
                faults.push(format!(
                    "Xếp loại \"{t}\" không hợp lệ: ghi HTXSNV, HTTNV, HTNV hoặc KHT (hoặc tên đầy đủ, ví dụ \"Hoàn thành tốt nhiệm vụ\")."
                ));
                None
            }),
        };
        let (Some((subject, name)), Some(year), Some(rating)) = (subject, year, rating) else {
            return Err(faults);
        };
        if let Some(first) = self.seen.insert((subject, year), row.number()) {
            return Err(vec![format!(
                "Trùng với dòng {first}: {name} đã có xếp loại năm {year} trong tệp."
            )]);
        }
        let line = format!("{name}: năm {year} xếp loại {}", rating.short());
        let change = match subject {
            Subject::Person(person) => Change::PersonRating {
                person,
                year,
                rating,
            },
            Subject::Unit(unit) => Change::UnitRating { unit, year, rating },
        };
        Ok((change, line))
    }
}
