//! The organisation's settings that every document and rule reads.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Who we are, as printed in the header and signature blocks of every document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Organisation {
    /// Cơ quan chủ quản, upper case as printed: "UBND TỈNH GIA LAI".
    pub parent_body: String,
    /// Cơ quan ban hành, upper case as printed: "SỞ CÔNG THƯƠNG".
    pub body: String,
    /// Abbreviation used in document numbers: "SCT" → "12/QĐ-SCT".
    pub abbreviation: String,
    /// Địa danh for the date line: "Gia Lai" → "Gia Lai, ngày 05 tháng 01 năm 2027".
    pub place: String,
    /// The Director (Giám đốc Sở).
    pub director: String,
    /// The deputy directors (Phó Giám đốc), in the order they sign.
    pub deputies: Vec<String>,
}

impl Default for Organisation {
    fn default() -> Self {
        Self {
            parent_body: String::new(),
            body: "SỞ CÔNG THƯƠNG".to_owned(),
            abbreviation: "SCT".to_owned(),
            place: String::new(),
            director: String::new(),
            deputies: Vec::new(),
        }
    }
}

impl Organisation {
    /// True when the first-start setup has been completed.
    pub fn is_complete(&self) -> bool {
        !self.parent_body.trim().is_empty()
            && !self.body.trim().is_empty()
            && !self.abbreviation.trim().is_empty()
            && !self.place.trim().is_empty()
            && !self.director.trim().is_empty()
    }
}

/// Mức lương cơ sở in force from a date, in đồng.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct BaseSalary {
    pub effective_from: NaiveDate,
    pub amount_vnd: i64,
}

/// The base salary in force on `date`, from a history in any order.
pub fn base_salary_on(history: &[BaseSalary], date: NaiveDate) -> Option<i64> {
    history
        .iter()
        .filter(|b| b.effective_from <= date)
        .max_by_key(|b| b.effective_from)
        .map(|b| b.amount_vnd)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn base_salary_takes_the_latest_in_force() {
        let history = [
            BaseSalary {
                effective_from: d(2024, 7, 1),
                amount_vnd: 2_340_000,
            },
            BaseSalary {
                effective_from: d(2023, 7, 1),
                amount_vnd: 1_800_000,
            },
        ];
        assert_eq!(base_salary_on(&history, d(2024, 6, 30)), Some(1_800_000));
        assert_eq!(base_salary_on(&history, d(2024, 7, 1)), Some(2_340_000));
        assert_eq!(base_salary_on(&history, d(2020, 1, 1)), None);
    }

    #[test]
    fn organisation_completeness() {
        let mut org = Organisation::default();
        assert!(!org.is_complete());
        org.parent_body = "UBND TỈNH GIA LAI".into();
        org.place = "Gia Lai".into();
        org.director = "Nguyễn Văn A".into();
        assert!(org.is_complete());
    }
}
