//! Forms of the settings side: catalogue entries and the organisation with its base salary.

use serde::{Deserialize, Serialize};

use super::model::*;
use super::text::clean;
use super::validate::{FieldError, parse_date};

fn err(field: &'static str, message: impl Into<String>) -> FieldError {
    FieldError {
        field,
        message: message.into(),
    }
}

/// The catalogue-entry form as typed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CatalogueForm {
    pub id: Option<CatalogueId>,
    pub builtin: bool,
    pub code: String,
    pub name: String,
    pub subject_kind: Option<SubjectKind>,
    pub kind: Option<AwardKind>,
    pub level: Option<AwardLevel>,
    pub decided_by: String,
    pub coefficient: String,
    pub sort_order: String,
    pub active: bool,
}

impl CatalogueForm {
    pub fn new() -> Self {
        Self {
            id: None,
            builtin: false,
            code: String::new(),
            name: String::new(),
            subject_kind: Some(SubjectKind::Individual),
            kind: Some(AwardKind::Commendation),
            level: Some(AwardLevel::Ministry),
            decided_by: String::new(),
            coefficient: String::new(),
            sort_order: "500".into(),
            active: true,
        }
    }

    pub fn from_entry(e: &CatalogueEntry) -> Self {
        Self {
            id: Some(e.id),
            builtin: e.builtin,
            code: e.code.clone(),
            name: e.name.clone(),
            subject_kind: Some(e.subject_kind),
            kind: Some(e.kind),
            level: Some(e.level),
            decided_by: e.decided_by.clone(),
            coefficient: e
                .coefficient
                .map(|c| c.to_string().replace('.', ","))
                .unwrap_or_default(),
            sort_order: e.sort_order.to_string(),
            active: e.active,
        }
    }

    pub fn validate(&self) -> Result<CatalogueEntry, Vec<FieldError>> {
        let mut errors = Vec::new();
        let code = clean(&self.code).to_uppercase();
        if code.is_empty() {
            errors.push(err("code", "Hãy nhập mã, ví dụ KNC_BCT."));
        } else if !code.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
            errors.push(err(
                "code",
                "Mã chỉ gồm chữ cái không dấu, chữ số và dấu gạch dưới.",
            ));
        }
        let name = clean(&self.name);
        if name.is_empty() {
            errors.push(err("name", "Hãy nhập tên danh hiệu, hình thức."));
        }
        let coefficient = match self.coefficient.trim() {
            "" => None,
            t => match t.replace(',', ".").parse::<f64>() {
                Ok(v) if (0.0..=100.0).contains(&v) => Some(v),
                _ => {
                    errors.push(err(
                        "coefficient",
                        "Hệ số là số từ 0 đến 100, ví dụ 0,3; để trống nếu chưa rõ.",
                    ));
                    None
                }
            },
        };
        let sort_order = self.sort_order.trim().parse::<i64>().unwrap_or_else(|_| {
            errors.push(err("sort_order", "Thứ tự phải là một số nguyên."));
            0
        });
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(CatalogueEntry {
            id: self.id.unwrap_or(0),
            code,
            name,
            subject_kind: self.subject_kind.unwrap_or(SubjectKind::Individual),
            kind: self.kind.unwrap_or(AwardKind::Commendation),
            level: self.level.unwrap_or(AwardLevel::Department),
            decided_by: clean(&self.decided_by),
            coefficient,
            sort_order,
            active: self.active,
            builtin: self.builtin,
        })
    }
}

impl Default for CatalogueForm {
    fn default() -> Self {
        Self::new()
    }
}

#[cfg(test)]
mod catalogue_form_tests {
    use super::*;

    #[test]
    fn coefficient_accepts_a_decimal_comma_and_rejects_nonsense() {
        let mut f = CatalogueForm::new();
        f.code = "knc_bct".into();
        f.name = "Kỷ niệm chương".into();
        f.coefficient = "0,3".into();
        let e = f.validate().unwrap();
        assert_eq!(e.code, "KNC_BCT");
        assert_eq!(e.coefficient, Some(0.3));
        f.coefficient = "ba".into();
        f.code = "mã có dấu".into();
        let errors = f.validate().unwrap_err();
        let fields: Vec<_> = errors.iter().map(|e| e.field).collect();
        assert_eq!(fields, vec!["code", "coefficient"]);
    }
}

/// The organisation as typed in the setup or settings; deputies one per line.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct OrganisationForm {
    pub parent_body: String,
    pub body: String,
    pub abbreviation: String,
    pub place: String,
    pub director: String,
    pub deputies: String,
    /// Mức lương cơ sở in đồng, as typed ("2.340.000").
    pub base_salary: String,
    pub base_salary_from: String,
}

impl OrganisationForm {
    pub fn from_organisation(o: &crate::domain::settings::Organisation) -> Self {
        Self {
            parent_body: o.parent_body.clone(),
            body: o.body.clone(),
            abbreviation: o.abbreviation.clone(),
            place: o.place.clone(),
            director: o.director.clone(),
            deputies: o.deputies.join("\n"),
            base_salary: String::new(),
            base_salary_from: String::new(),
        }
    }

    /// The organisation and, when a salary was typed, the base salary from its date.
    pub fn validate(
        &self,
    ) -> Result<
        (
            crate::domain::settings::Organisation,
            Option<crate::domain::settings::BaseSalary>,
        ),
        Vec<FieldError>,
    > {
        let mut errors = Vec::new();
        let mut required = |field: &'static str, value: &str, message: &str| {
            let v = clean(value);
            if v.is_empty() {
                errors.push(err(field, message));
            }
            v
        };
        let parent_body = required(
            "parent_body",
            &self.parent_body,
            "Hãy nhập cơ quan chủ quản, ví dụ UBND TỈNH GIA LAI.",
        )
        .to_uppercase();
        let body = required(
            "body",
            &self.body,
            "Hãy nhập tên cơ quan, ví dụ SỞ CÔNG THƯƠNG.",
        )
        .to_uppercase();
        let abbreviation = required(
            "abbreviation",
            &self.abbreviation,
            "Hãy nhập chữ viết tắt dùng trong số văn bản, ví dụ SCT.",
        );
        let place = required(
            "place",
            &self.place,
            "Hãy nhập địa danh ghi ở dòng ngày tháng, ví dụ Gia Lai.",
        );
        let director = required("director", &self.director, "Hãy nhập họ tên Giám đốc Sở.");
        if abbreviation.contains(['/', ' ']) {
            errors.push(err(
                "abbreviation",
                "Chữ viết tắt không chứa dấu cách hay dấu /.",
            ));
        }
        let salary = match parse_amount(&self.base_salary) {
            Ok(None) => None,
            Ok(Some(amount)) => match parse_date(&self.base_salary_from) {
                Ok(Some(from)) => Some(crate::domain::settings::BaseSalary {
                    effective_from: from,
                    amount_vnd: amount,
                }),
                Ok(None) => {
                    errors.push(err(
                        "base_salary_from",
                        "Hãy nhập ngày áp dụng mức lương cơ sở.",
                    ));
                    None
                }
                Err(m) => {
                    errors.push(err("base_salary_from", m));
                    None
                }
            },
            Err(m) => {
                errors.push(err("base_salary", m));
                None
            }
        };
        if !errors.is_empty() {
            return Err(errors);
        }
        let deputies = self
            .deputies
            .lines()
            .map(clean)
            .filter(|l| !l.is_empty())
            .collect();
        Ok((
            crate::domain::settings::Organisation {
                parent_body,
                body,
                abbreviation,
                place,
                director,
                deputies,
            },
            salary,
        ))
    }
}

/// Parse an amount of đồng typed with dots or spaces as thousands separators.
pub fn parse_amount(text: &str) -> Result<Option<i64>, String> {
    let digits: String = text
        .chars()
        .filter(|c| !matches!(c, '.' | ' ' | ',' | '\u{a0}'))
        .collect();
    if digits.is_empty() {
        return Ok(None);
    }
    match digits.parse::<i64>() {
        Ok(v) if v > 0 => Ok(Some(v)),
        _ => Err(format!(
            "Số tiền \"{}\" không hợp lệ: hãy nhập số đồng, ví dụ 2.340.000.",
            text.trim()
        )),
    }
}

#[cfg(test)]
mod organisation_form_tests {
    use super::*;

    #[test]
    fn organisation_needs_its_blocks_and_upper_cases_them() {
        let mut f = OrganisationForm::default();
        let fields: Vec<_> = f.validate().unwrap_err().iter().map(|e| e.field).collect();
        assert_eq!(
            fields,
            vec!["parent_body", "body", "abbreviation", "place", "director"]
        );
        f.parent_body = "Ubnd tỉnh Gia Lai".into();
        f.body = "Sở Công Thương".into();
        f.abbreviation = "SCT".into();
        f.place = "Gia Lai".into();
        f.director = "Nguyễn Văn Hùng".into();
        f.deputies = "Trần Thị Mai\n\n Lê Quốc Bảo ".into();
        f.base_salary = "2.340.000".into();
        f.base_salary_from = "01/07/2024".into();
        let (org, salary) = f.validate().unwrap();
        assert_eq!(org.parent_body, "UBND TỈNH GIA LAI");
        assert_eq!(org.deputies, vec!["Trần Thị Mai", "Lê Quốc Bảo"]);
        assert_eq!(salary.unwrap().amount_vnd, 2_340_000);
        f.base_salary = "hai triệu".into();
        assert_eq!(f.validate().unwrap_err()[0].field, "base_salary");
    }
}
