//! Validation of what the clerk types or imports. The same functions check a form on
//! screen (as the clerk types) and a row of an imported spreadsheet, so both give the
//! same Vietnamese messages.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use super::model::*;
pub use super::settings_forms::{CatalogueForm, OrganisationForm, parse_amount};
use super::text::clean;

/// A problem with one field, in Vietnamese.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldError {
    /// The field's key, as used by the form ("full_name", "unit", …).
    pub field: &'static str,
    pub message: String,
}

fn err(field: &'static str, message: impl Into<String>) -> FieldError {
    FieldError {
        field,
        message: message.into(),
    }
}

/// Parse a date as a Vietnamese clerk types it: 05/01/2027, 5/1/2027, 05-01-2027 or
/// 2027-01-05. Empty text is `Ok(None)`.
pub fn parse_date(text: &str) -> Result<Option<NaiveDate>, String> {
    let t = text.trim();
    if t.is_empty() {
        return Ok(None);
    }
    let parts: Vec<&str> = t.split(['/', '-', '.']).map(str::trim).collect();
    let bad = || {
        format!("Ngày \"{t}\" không hợp lệ: hãy nhập theo dạng ngày/tháng/năm, ví dụ 05/01/2027.")
    };
    if parts.len() != 3
        || parts
            .iter()
            .any(|p| p.is_empty() || !p.chars().all(|c| c.is_ascii_digit()))
    {
        return Err(bad());
    }
    let nums: Vec<u32> = parts
        .iter()
        .map(|p| p.parse().unwrap_or(u32::MAX))
        .collect();
    let (y, m, d) = if parts[0].len() == 4 {
        (nums[0], nums[1], nums[2])
    } else {
        (nums[2], nums[1], nums[0])
    };
    if !(1900..=2200).contains(&y) {
        return Err(format!(
            "Năm {y} không hợp lệ: hãy nhập năm có 4 chữ số, từ 1900 đến 2200."
        ));
    }
    NaiveDate::from_ymd_opt(y as i32, m, d)
        .map(Some)
        .ok_or_else(|| format!("Không có ngày {d:02}/{m:02}/{y}: hãy kiểm tra lại ngày và tháng."))
}

/// Format a date the Vietnamese way: 05/01/2027.
pub fn format_date(date: NaiveDate) -> String {
    format!("{:02}/{:02}/{}", date.day(), date.month(), date.year())
}

/// Format an optional date; empty when there is none.
pub fn format_opt_date(date: Option<NaiveDate>) -> String {
    date.map(format_date).unwrap_or_default()
}

/// The unit form as typed.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct UnitForm {
    pub id: Option<UnitId>,
    pub name: String,
    pub short_name: String,
    pub kind: Option<UnitKind>,
    pub sort_order: String,
    pub active: bool,
    pub dissolved_on: String,
}

impl UnitForm {
    pub fn new() -> Self {
        Self {
            active: true,
            kind: Some(UnitKind::Division),
            ..Self::default()
        }
    }

    pub fn from_unit(u: &Unit) -> Self {
        Self {
            id: Some(u.id),
            name: u.name.clone(),
            short_name: u.short_name.clone(),
            kind: Some(u.kind),
            sort_order: u.sort_order.to_string(),
            active: u.active,
            dissolved_on: format_opt_date(u.dissolved_on),
        }
    }

    /// Check the form; on success the unit to store (its id is 0 for a new unit).
    pub fn validate(&self) -> Result<Unit, Vec<FieldError>> {
        let mut errors = Vec::new();
        let name = clean(&self.name);
        if name.is_empty() {
            errors.push(err("name", "Hãy nhập tên đơn vị."));
        }
        let sort_order = match self.sort_order.trim() {
            "" => 0,
            t => t.parse::<i64>().unwrap_or_else(|_| {
                errors.push(err("sort_order", "Thứ tự phải là một số nguyên, ví dụ 10."));
                0
            }),
        };
        let dissolved_on = parse_date(&self.dissolved_on).unwrap_or_else(|m| {
            errors.push(err("dissolved_on", m));
            None
        });
        if !self.active
            && dissolved_on.is_none()
            && errors.iter().all(|e| e.field != "dissolved_on")
        {
            errors.push(err(
                "dissolved_on",
                "Đơn vị đã giải thể: hãy nhập ngày giải thể.",
            ));
        }
        let kind = self.kind.unwrap_or_else(|| {
            errors.push(err("kind", "Hãy chọn loại đơn vị."));
            UnitKind::Other
        });
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(Unit {
            id: self.id.unwrap_or(0),
            short_name: {
                let s = clean(&self.short_name);
                if s.is_empty() { name.clone() } else { s }
            },
            name,
            kind,
            sort_order,
            active: self.active,
            dissolved_on,
        })
    }
}

/// The person form as typed.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PersonForm {
    pub id: Option<PersonId>,
    pub full_name: String,
    pub gender: Option<Gender>,
    pub birth_date: String,
    pub unit_id: Option<UnitId>,
    pub position: String,
    pub position_rank: String,
    pub is_department_leader: bool,
    pub recruited_on: String,
    pub status: Option<PersonStatus>,
    pub status_date: String,
}

impl PersonForm {
    pub fn new() -> Self {
        Self {
            status: Some(PersonStatus::Working),
            position_rank: "50".into(),
            ..Self::default()
        }
    }

    pub fn from_person(p: &Person) -> Self {
        Self {
            id: Some(p.id),
            full_name: p.full_name.clone(),
            gender: Some(p.gender),
            birth_date: format_opt_date(p.birth_date),
            unit_id: Some(p.unit_id),
            position: p.position.clone(),
            position_rank: p.position_rank.to_string(),
            is_department_leader: p.is_department_leader,
            recruited_on: format_opt_date(p.recruited_on),
            status: Some(p.status),
            status_date: format_opt_date(p.status_date),
        }
    }

    /// Check the form against the known units; `today` bounds birth and recruitment dates.
    pub fn validate(&self, units: &[Unit], today: NaiveDate) -> Result<Person, Vec<FieldError>> {
        let mut errors = Vec::new();
        let full_name = clean(&self.full_name);
        if full_name.is_empty() {
            errors.push(err("full_name", "Hãy nhập họ và tên."));
        } else if full_name.chars().any(|c| c.is_ascii_digit()) {
            errors.push(err("full_name", "Họ và tên không được chứa chữ số."));
        }
        let gender = self.gender.unwrap_or_else(|| {
            errors.push(err("gender", "Hãy chọn giới tính."));
            Gender::Male
        });
        let mut date = |field: &'static str, text: &str| {
            parse_date(text).unwrap_or_else(|m| {
                errors.push(err(field, m));
                None
            })
        };
        let birth_date = date("birth_date", &self.birth_date);
        let recruited_on = date("recruited_on", &self.recruited_on);
        let status_date = date("status_date", &self.status_date);
        if let Some(b) = birth_date {
            let age = today.year() - b.year();
            if b > today {
                errors.push(err("birth_date", "Ngày sinh ở sau ngày hôm nay."));
            } else if !(15..=100).contains(&age) {
                errors.push(err(
                    "birth_date",
                    format!("Ngày sinh cho tuổi {age}: hãy kiểm tra lại năm sinh."),
                ));
            }
        }
        if let (Some(b), Some(r)) = (birth_date, recruited_on)
            && r <= b
        {
            errors.push(err("recruited_on", "Ngày tuyển dụng phải sau ngày sinh."));
        }
        match self.unit_id {
            None => errors.push(err("unit", "Hãy chọn đơn vị công tác.")),
            Some(id) => match units.iter().find(|u| u.id == id) {
                None => errors.push(err("unit", "Đơn vị đã chọn không còn trong danh sách.")),
                Some(u) if !u.active && self.id.is_none() => errors.push(err(
                    "unit",
                    format!("Đơn vị \"{}\" đã giải thể: hãy chọn đơn vị khác.", u.name),
                )),
                Some(_) => {}
            },
        }
        let position_rank = match self.position_rank.trim() {
            "" => 50,
            t => t.parse::<i64>().unwrap_or_else(|_| {
                errors.push(err(
                    "position_rank",
                    "Thứ bậc chức vụ phải là một số nguyên, ví dụ 10.",
                ));
                50
            }),
        };
        let status = self.status.unwrap_or(PersonStatus::Working);
        if status != PersonStatus::Working && status_date.is_none() {
            errors.push(err(
                "status_date",
                format!("Hãy nhập ngày {}.", status.label().to_lowercase()),
            ));
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(Person {
            id: self.id.unwrap_or(0),
            full_name,
            gender,
            birth_date,
            unit_id: self.unit_id.unwrap_or(0),
            position: clean(&self.position),
            position_rank,
            is_department_leader: self.is_department_leader,
            recruited_on,
            status,
            status_date,
            active: true,
        })
    }
}

/// The award-history form as typed.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct AwardForm {
    pub id: Option<AwardId>,
    pub subject: Option<Subject>,
    pub year: String,
    pub catalogue_id: Option<CatalogueId>,
    pub decision_number: String,
    pub decision_date: String,
    pub issuer: String,
    pub note: String,
}

impl AwardForm {
    pub fn validate(&self, catalogue: &[CatalogueEntry]) -> Result<AwardRecord, Vec<FieldError>> {
        let mut errors = Vec::new();
        let year = match self.year.trim().parse::<i32>() {
            Ok(y) if (1945..=2200).contains(&y) => y,
            _ => {
                errors.push(err("year", "Năm phải là số có 4 chữ số, ví dụ 2026."));
                0
            }
        };
        let subject = self.subject;
        if subject.is_none() {
            errors.push(err(
                "subject",
                "Hãy chọn cá nhân hoặc tập thể được khen thưởng.",
            ));
        }
        match self
            .catalogue_id
            .and_then(|id| catalogue.iter().find(|c| c.id == id))
        {
            None => errors.push(err(
                "catalogue",
                "Hãy chọn danh hiệu hoặc hình thức khen thưởng.",
            )),
            Some(entry) => {
                if let Some(s) = subject
                    && s.kind() != entry.subject_kind
                {
                    errors.push(err(
                        "catalogue",
                        format!(
                            "\"{}\" dành cho {}, không dùng cho {}.",
                            entry.name,
                            entry.subject_kind.label().to_lowercase(),
                            s.kind().label().to_lowercase()
                        ),
                    ));
                }
            }
        }
        let decision_date = parse_date(&self.decision_date).unwrap_or_else(|m| {
            errors.push(err("decision_date", m));
            None
        });
        if let Some(d) = decision_date
            && year > 0
            && (d.year() < year || d.year() > year + 2)
        {
            errors.push(err(
                "decision_date",
                format!(
                    "Quyết định ngày {} không khớp với năm thành tích {year}.",
                    format_date(d)
                ),
            ));
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(AwardRecord {
            id: self.id.unwrap_or(0),
            subject: subject.expect("checked above"),
            year,
            catalogue_id: self.catalogue_id.expect("checked above"),
            decision_number: clean(&self.decision_number),
            decision_date,
            issuer: clean(&self.issuer),
            note: clean(&self.note),
            cancelled_by: None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn unit() -> Unit {
        Unit {
            id: 7,
            name: "Văn phòng".into(),
            short_name: "VP".into(),
            kind: UnitKind::Office,
            sort_order: 1,
            active: true,
            dissolved_on: None,
        }
    }

    #[test]
    fn dates_parse_the_vietnamese_way() {
        assert_eq!(parse_date("05/01/2027"), Ok(Some(d(2027, 1, 5))));
        assert_eq!(parse_date("5-1-2027"), Ok(Some(d(2027, 1, 5))));
        assert_eq!(parse_date("2027-01-05"), Ok(Some(d(2027, 1, 5))));
        assert_eq!(parse_date("  "), Ok(None));
        assert!(
            parse_date("31/02/2027")
                .unwrap_err()
                .contains("Không có ngày 31/02/2027")
        );
        assert!(parse_date("abc").is_err());
        assert!(parse_date("1/1/27").is_err());
        assert_eq!(format_date(d(2027, 1, 5)), "05/01/2027");
    }

    #[test]
    fn person_form_requires_name_gender_unit() {
        let form = PersonForm::new();
        let errors = form.validate(&[unit()], d(2026, 11, 22)).unwrap_err();
        let fields: Vec<_> = errors.iter().map(|e| e.field).collect();
        assert_eq!(fields, vec!["full_name", "gender", "unit"]);
    }

    #[test]
    fn person_form_cleans_and_accepts() {
        let form = PersonForm {
            full_name: "  Nguye\u{302}\u{303}n  Thị Ánh ".into(),
            gender: Some(Gender::Female),
            unit_id: Some(7),
            birth_date: "12/03/1985".into(),
            recruited_on: "01/09/2010".into(),
            ..PersonForm::new()
        };
        let p = form.validate(&[unit()], d(2026, 11, 22)).unwrap();
        assert_eq!(p.full_name, "Nguyễn Thị Ánh");
        assert_eq!(p.birth_date, Some(d(1985, 3, 12)));
        assert_eq!(p.position_rank, 50);
    }

    #[test]
    fn person_form_rejects_impossible_dates() {
        let form = PersonForm {
            full_name: "Lê Văn Bình".into(),
            gender: Some(Gender::Male),
            unit_id: Some(7),
            birth_date: "12/03/2030".into(),
            recruited_on: "01/01/1980".into(),
            status: Some(PersonStatus::Retired),
            ..PersonForm::new()
        };
        let errors = form.validate(&[unit()], d(2026, 11, 22)).unwrap_err();
        let fields: Vec<_> = errors.iter().map(|e| e.field).collect();
        assert!(fields.contains(&"birth_date"));
        assert!(fields.contains(&"recruited_on"));
        assert!(fields.contains(&"status_date"));
    }

    #[test]
    fn unit_form_needs_a_dissolution_date_when_inactive() {
        let mut form = UnitForm::new();
        form.name = "Chi cục Quản lý thị trường".into();
        assert!(form.validate().is_ok());
        form.active = false;
        assert_eq!(form.validate().unwrap_err()[0].field, "dissolved_on");
        form.dissolved_on = "01/03/2025".into();
        assert_eq!(form.validate().unwrap().dissolved_on, Some(d(2025, 3, 1)));
    }

    #[test]
    fn award_form_refuses_a_collective_title_for_a_person() {
        let mut cat = builtin_catalogue();
        for (i, c) in cat.iter_mut().enumerate() {
            c.id = i as i64 + 1;
        }
        let ttldtt = cat.iter().find(|c| c.code == "TTLDTT").unwrap().id;
        let form = AwardForm {
            subject: Some(Subject::Person(1)),
            year: "2025".into(),
            catalogue_id: Some(ttldtt),
            ..AwardForm::default()
        };
        let errors = form.validate(&cat).unwrap_err();
        assert_eq!(errors[0].field, "catalogue");
        assert!(errors[0].message.contains("dành cho tập thể"));
    }
}
