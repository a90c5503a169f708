//! The things the clerk keeps: units, people, ratings, discipline, the award catalogue and
//! award history. Codes are stable English identifiers stored in the database; labels are
//! what the clerk sees.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

pub type UnitId = i64;
pub type PersonId = i64;
pub type CatalogueId = i64;
pub type AwardId = i64;

/// Declares a closed set of values with a stored code and a Vietnamese label.
macro_rules! coded_enum {
    ($(#[$meta:meta])* $name:ident { $($variant:ident => $code:literal, $label:literal;)+ }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
        pub enum $name { $($variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The code stored in the database.
            pub fn code(self) -> &'static str {
                match self { $($name::$variant => $code),+ }
            }

            /// What the clerk sees.
            pub fn label(self) -> &'static str {
                match self { $($name::$variant => $label),+ }
            }

            /// Parse a stored code.
            pub fn from_code(code: &str) -> Option<Self> {
                match code { $($code => Some($name::$variant),)+ _ => None }
            }

            /// Parse a label as typed in a spreadsheet, ignoring case and accents,
            /// or a stored code.
            pub fn from_label(text: &str) -> Option<Self> {
                let folded = crate::domain::text::fold(text);
                Self::ALL.iter().copied().find(|v| {
                    crate::domain::text::fold(v.label()) == folded || v.code() == text.trim()
                })
            }
        }
    };
}

coded_enum! {
    /// Giới tính.
    Gender {
        Male => "male", "Nam";
        Female => "female", "Nữ";
    }
}

coded_enum! {
    /// Loại đơn vị.
    UnitKind {
        Division => "division", "Phòng chuyên môn";
        Office => "office", "Văn phòng, Thanh tra";
        Subdepartment => "subdepartment", "Chi cục";
        Affiliated => "affiliated", "Đơn vị trực thuộc";
        Union => "union", "Đoàn thể";
        Other => "other", "Khác";
    }
}

coded_enum! {
    /// Tình trạng công tác.
    PersonStatus {
        Working => "working", "Đang công tác";
        Retired => "retired", "Nghỉ hưu";
        Transferred => "transferred", "Chuyển công tác";
    }
}

coded_enum! {
    /// Xếp loại chất lượng hằng năm.
    Rating {
        Excellent => "HTXSNV", "Hoàn thành xuất sắc nhiệm vụ";
        Good => "HTTNV", "Hoàn thành tốt nhiệm vụ";
        Completed => "HTNV", "Hoàn thành nhiệm vụ";
        NotCompleted => "KHT", "Không hoàn thành nhiệm vụ";
    }
}

impl Rating {
    /// The short form printed in lists: HTXSNV, HTTNV, HTNV, KHT.
    pub fn short(self) -> &'static str {
        self.code()
    }
}

coded_enum! {
    /// Hình thức kỷ luật.
    DisciplineForm {
        Reprimand => "reprimand", "Khiển trách";
        Warning => "warning", "Cảnh cáo";
        SalaryDemotion => "salary_demotion", "Hạ bậc lương";
        Demotion => "demotion", "Giáng chức";
        Dismissal => "dismissal", "Cách chức";
        Discharge => "discharge", "Buộc thôi việc";
    }
}

coded_enum! {
    /// Cá nhân hay tập thể.
    SubjectKind {
        Individual => "individual", "Cá nhân";
        Collective => "collective", "Tập thể";
    }
}

coded_enum! {
    /// Danh hiệu thi đua or hình thức khen thưởng.
    AwardKind {
        Title => "title", "Danh hiệu thi đua";
        Commendation => "commendation", "Hình thức khen thưởng";
    }
}

coded_enum! {
    /// The level of a title or form of commendation.
    AwardLevel {
        Department => "department", "Cấp Sở";
        Province => "province", "Cấp tỉnh";
        Ministry => "ministry", "Cấp Bộ";
        State => "state", "Cấp Nhà nước";
    }
}

/// Đơn vị.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Unit {
    pub id: UnitId,
    pub name: String,
    pub short_name: String,
    pub kind: UnitKind,
    /// Position in official lists (smaller first).
    pub sort_order: i64,
    pub active: bool,
    pub dissolved_on: Option<NaiveDate>,
}

/// Cá nhân.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Person {
    pub id: PersonId,
    pub full_name: String,
    pub gender: Gender,
    pub birth_date: Option<NaiveDate>,
    pub unit_id: UnitId,
    /// Chức vụ as printed: "Trưởng phòng", "Chuyên viên".
    pub position: String,
    /// Orders official lists inside a unit (smaller first: Giám đốc 1, … Chuyên viên 50).
    pub position_rank: i64,
    /// Lãnh đạo Sở: left out of percentage targets where the plan says so.
    pub is_department_leader: bool,
    pub recruited_on: Option<NaiveDate>,
    pub status: PersonStatus,
    pub status_date: Option<NaiveDate>,
    /// False once the person was removed while records still refer to them.
    pub active: bool,
}

/// Whom an award or rating belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Subject {
    Person(PersonId),
    Unit(UnitId),
}

impl Subject {
    pub fn kind(self) -> SubjectKind {
        match self {
            Subject::Person(_) => SubjectKind::Individual,
            Subject::Unit(_) => SubjectKind::Collective,
        }
    }
}

/// Kỷ luật: a form with the period it runs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Discipline {
    pub id: i64,
    pub person_id: PersonId,
    pub form: DisciplineForm,
    pub from: NaiveDate,
    pub to: Option<NaiveDate>,
    pub note: String,
}

/// A period under review for discipline, investigation, inspection, or while a complaint
/// is being verified (rule R03).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReviewPeriod {
    pub id: i64,
    pub person_id: PersonId,
    pub reason: String,
    pub from: NaiveDate,
    pub to: Option<NaiveDate>,
}

/// An entry of the catalogue of titles and forms of commendation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CatalogueEntry {
    pub id: CatalogueId,
    /// Stable code: "LDTT", "CSTDCS", "BK_UBND_TINH" …
    pub code: String,
    pub name: String,
    pub subject_kind: SubjectKind,
    pub kind: AwardKind,
    pub level: AwardLevel,
    /// Who decides: "Giám đốc Sở", "Chủ tịch UBND tỉnh", …
    pub decided_by: String,
    /// Reward as a multiple of mức lương cơ sở; None where the law gives no number.
    pub coefficient: Option<f64>,
    pub sort_order: i64,
    pub active: bool,
    /// Seeded from the law (as opposed to added by the clerk).
    pub builtin: bool,
}

/// One line of a subject's award history.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AwardRecord {
    pub id: AwardId,
    pub subject: Subject,
    pub year: i32,
    pub catalogue_id: CatalogueId,
    pub decision_number: String,
    pub decision_date: Option<NaiveDate>,
    pub issuer: String,
    pub note: String,
    /// The decision that cancelled this award or dropped it from the list it amended
    /// ("5/QĐ-SCT"). The record stays in the history, marked, and counts for nothing.
    #[serde(default)]
    pub cancelled_by: Option<String>,
}

impl AwardRecord {
    /// Not cancelled: the award counts (eligibility, summaries, reports).
    pub fn in_force(&self) -> bool {
        self.cancelled_by.is_none()
    }
}

/// The usual issuers of decisions, offered as suggestions.
pub const ISSUERS: &[&str] = &[
    "Giám đốc Sở Công Thương",
    "Chủ tịch UBND tỉnh",
    "Bộ trưởng Bộ Công Thương",
    "Thủ tướng Chính phủ",
    "Chủ tịch nước",
];

/// code, name, subject, kind, level, decided by, coefficient.
type SeedRow = (
    &'static str,
    &'static str,
    SubjectKind,
    AwardKind,
    AwardLevel,
    &'static str,
    Option<f64>,
);

/// The catalogue seeded from the law (domain spec §1). Coefficients left empty where the
/// spec marks them unverified.
pub fn builtin_catalogue() -> Vec<CatalogueEntry> {
    use AwardKind::*;
    use AwardLevel::*;
    use SubjectKind::*;
    let rows: &[SeedRow] = &[
        (
            "LDTT",
            "Lao động tiên tiến",
            Individual,
            Title,
            Department,
            "Giám đốc Sở",
            Some(0.3),
        ),
        (
            "CSTDCS",
            "Chiến sĩ thi đua cơ sở",
            Individual,
            Title,
            Department,
            "Giám đốc Sở",
            Some(1.0),
        ),
        (
            "CSTD_TINH",
            "Chiến sĩ thi đua cấp tỉnh",
            Individual,
            Title,
            Province,
            "Chủ tịch UBND tỉnh",
            Some(3.0),
        ),
        (
            "CSTD_TQ",
            "Chiến sĩ thi đua toàn quốc",
            Individual,
            Title,
            State,
            "Thủ tướng Chính phủ",
            Some(4.5),
        ),
        (
            "TTLDTT",
            "Tập thể lao động tiên tiến",
            Collective,
            Title,
            Department,
            "Giám đốc Sở",
            Some(0.8),
        ),
        (
            "TTLDXS",
            "Tập thể lao động xuất sắc",
            Collective,
            Title,
            Province,
            "Chủ tịch UBND tỉnh",
            Some(1.5),
        ),
        (
            "CO_TINH",
            "Cờ thi đua của UBND tỉnh",
            Collective,
            Title,
            Province,
            "Chủ tịch UBND tỉnh",
            None,
        ),
        (
            "CO_CP",
            "Cờ thi đua của Chính phủ",
            Collective,
            Title,
            State,
            "Thủ tướng Chính phủ",
            Some(12.0),
        ),
        (
            "GK_SO_CN",
            "Giấy khen của Giám đốc Sở (cá nhân)",
            Individual,
            Commendation,
            Department,
            "Giám đốc Sở",
            None,
        ),
        (
            "GK_SO_TT",
            "Giấy khen của Giám đốc Sở (tập thể)",
            Collective,
            Commendation,
            Department,
            "Giám đốc Sở",
            None,
        ),
        (
            "BK_TINH_CN",
            "Bằng khen của Chủ tịch UBND tỉnh (cá nhân)",
            Individual,
            Commendation,
            Province,
            "Chủ tịch UBND tỉnh",
            None,
        ),
        (
            "BK_TINH_TT",
            "Bằng khen của Chủ tịch UBND tỉnh (tập thể)",
            Collective,
            Commendation,
            Province,
            "Chủ tịch UBND tỉnh",
            None,
        ),
        (
            "BK_TTG_CN",
            "Bằng khen của Thủ tướng Chính phủ (cá nhân)",
            Individual,
            Commendation,
            State,
            "Thủ tướng Chính phủ",
            None,
        ),
        (
            "BK_TTG_TT",
            "Bằng khen của Thủ tướng Chính phủ (tập thể)",
            Collective,
            Commendation,
            State,
            "Thủ tướng Chính phủ",
            None,
        ),
        (
            "HCLD3_CN",
            "Huân chương Lao động hạng Ba (cá nhân)",
            Individual,
            Commendation,
            State,
            "Chủ tịch nước",
            None,
        ),
        (
            "HCLD3_TT",
            "Huân chương Lao động hạng Ba (tập thể)",
            Collective,
            Commendation,
            State,
            "Chủ tịch nước",
            None,
        ),
    ];
    rows.iter()
        .enumerate()
        .map(
            |(i, &(code, name, subject_kind, kind, level, decided_by, coefficient))| {
                CatalogueEntry {
                    id: 0,
                    code: code.to_owned(),
                    name: name.to_owned(),
                    subject_kind,
                    kind,
                    level,
                    decided_by: decided_by.to_owned(),
                    coefficient,
                    sort_order: (i as i64 + 1) * 10,
                    active: true,
                    builtin: true,
                }
            },
        )
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip() {
        for r in Rating::ALL {
            assert_eq!(Rating::from_code(r.code()), Some(*r));
        }
        assert_eq!(Rating::from_code("nope"), None);
    }

    #[test]
    fn labels_parse_without_accents() {
        assert_eq!(Gender::from_label("nu"), Some(Gender::Female));
        assert_eq!(Gender::from_label(" Nữ "), Some(Gender::Female));
        assert_eq!(Rating::from_label("HTXSNV"), Some(Rating::Excellent));
        assert_eq!(
            Rating::from_label("hoàn thành tốt nhiệm vụ"),
            Some(Rating::Good)
        );
        assert_eq!(UnitKind::from_label("xyz"), None);
    }

    #[test]
    fn builtin_catalogue_has_unique_codes_and_known_coefficients() {
        let cat = builtin_catalogue();
        let mut codes: Vec<_> = cat.iter().map(|c| c.code.clone()).collect();
        codes.sort();
        codes.dedup();
        assert_eq!(codes.len(), cat.len());
        let ldtt = cat.iter().find(|c| c.code == "LDTT").unwrap();
        assert_eq!(ldtt.coefficient, Some(0.3));
        let bk = cat.iter().find(|c| c.code == "BK_TTG_CN").unwrap();
        assert_eq!(bk.coefficient, None, "unverified coefficients stay empty");
    }
}
