//! Emulation registrations (đăng ký thi đua): who registered for which title or form in a
//! year, each unit's submission, and the question the year-end rules ask: "was this
//! subject registered for this title?". Without a registration there is no title.

use std::collections::BTreeSet;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use super::model::{
    AwardKind, CatalogueEntry, CatalogueId, Person, PersonStatus, Subject, SubjectKind, Unit,
    UnitId, UnitKind,
};
use super::text::fold;

coded_enum! {
    /// Where a unit's registration stands.
    SubmissionStatus {
        NotSent => "not_sent", "Chưa gửi";
        Sent => "sent", "Đã gửi";
        Returned => "returned", "Trả lại";
        Approved => "approved", "Đã duyệt";
    }
}

/// One line of a registration: a subject registered for one title or form in one year.
/// A withdrawn line is kept with the date it was withdrawn.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Registration {
    pub id: i64,
    pub year: i32,
    pub subject: Subject,
    pub catalogue_id: CatalogueId,
    pub registered_on: NaiveDate,
    pub withdrawn_on: Option<NaiveDate>,
}

impl Registration {
    pub fn is_current(&self) -> bool {
        self.withdrawn_on.is_none()
    }
}

/// A unit's registration as a document: its status, the dates and the commitment text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UnitSubmission {
    pub unit_id: UnitId,
    pub year: i32,
    pub status: SubmissionStatus,
    pub sent_on: Option<NaiveDate>,
    /// Why the clerk returned it (kept after it is sent again).
    pub returned_reason: String,
    /// Nội dung đăng ký / giao ước thi đua.
    pub commitment: String,
}

impl UnitSubmission {
    pub fn new(unit_id: UnitId, year: i32) -> Self {
        UnitSubmission {
            unit_id,
            year,
            status: SubmissionStatus::NotSent,
            sent_on: None,
            returned_reason: String::new(),
            commitment: String::new(),
        }
    }

    /// "Đã gửi (12/02/2026)", "Trả lại: thiếu chữ ký".
    pub fn status_text(&self) -> String {
        match self.status {
            SubmissionStatus::Sent => match self.sent_on {
                Some(d) => format!("Đã gửi ({})", d.format("%d/%m/%Y")),
                None => "Đã gửi".into(),
            },
            SubmissionStatus::Returned if !self.returned_reason.trim().is_empty() => {
                format!("Trả lại: {}", self.returned_reason.trim())
            }
            s => s.label().into(),
        }
    }

    /// Whether the unit has not yet sent anything that stands.
    pub fn is_outstanding(&self) -> bool {
        matches!(
            self.status,
            SubmissionStatus::NotSent | SubmissionStatus::Returned
        )
    }
}

/// What a subject should be registered for in a year: at most one title and any forms.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SubjectChoice {
    pub subject: Subject,
    pub title: Option<CatalogueId>,
    pub forms: BTreeSet<CatalogueId>,
}

impl SubjectChoice {
    pub fn new(subject: Subject) -> Self {
        SubjectChoice {
            subject,
            title: None,
            forms: BTreeSet::new(),
        }
    }

    /// Every entry wanted: the title and the forms.
    pub fn wanted(&self) -> BTreeSet<CatalogueId> {
        let mut all = self.forms.clone();
        all.extend(self.title);
        all
    }
}

/// An emulation cluster (cụm / khối thi đua) and its covenant.
pub type ClusterId = i64;

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Cluster {
    pub id: ClusterId,
    pub year: i32,
    pub name: String,
    pub members: Vec<UnitId>,
    pub covenant_date: Option<NaiveDate>,
    /// The covenant's content, one commitment per line.
    pub covenant_content: String,
}

/// Titles that a registration for a higher title includes: a person registered for Chiến
/// sĩ thi đua cơ sở is registered for Lao động tiên tiến too (Law Đ.23 requires it), and a
/// unit registered for Tập thể lao động xuất sắc is registered for Tập thể lao động tiên
/// tiến.
const INCLUDES: &[(&str, &str)] = &[
    ("CSTD_TQ", "CSTD_TINH"),
    ("CSTD_TINH", "CSTDCS"),
    ("CSTDCS", "LDTT"),
    ("TTLDXS", "TTLDTT"),
];

/// The registration a nomination for the title `code` rests on: a title needs its own
/// registration, and Chiến sĩ thi đua cấp tỉnh and toàn quốc rest on the year's
/// registration for Chiến sĩ thi đua cơ sở (units register for that, the higher ones
/// follow from the years of CSTĐCS). Forms of commendation need none.
pub fn registration_needed(code: &str) -> Option<&'static str> {
    Some(match code {
        "LDTT" => "LDTT",
        "CSTDCS" | "CSTD_TINH" | "CSTD_TQ" => "CSTDCS",
        "TTLDTT" => "TTLDTT",
        "TTLDXS" | "CO_TINH" | "CO_CP" => "TTLDXS",
        _ => return None,
    })
}

/// Whether a registration for `registered` covers the title `asked` (both catalogue codes).
pub fn covers(registered: &str, asked: &str) -> bool {
    let mut code = registered;
    loop {
        if code == asked {
            return true;
        }
        match INCLUDES.iter().find(|(higher, _)| *higher == code) {
            Some((_, lower)) => code = lower,
            None => return false,
        }
    }
}

/// Was `subject` registered, and not withdrawn, for the title or form `code` in `year`?
/// The year-end eligibility rules ask exactly this.
pub fn is_registered(
    registrations: &[Registration],
    catalogue: &[CatalogueEntry],
    subject: Subject,
    year: i32,
    code: &str,
) -> bool {
    registrations
        .iter()
        .filter(|r| r.is_current() && r.year == year && r.subject == subject)
        .filter_map(|r| catalogue.iter().find(|e| e.id == r.catalogue_id))
        .any(|e| covers(&e.code, code))
}

/// Why an entry cannot be registered for a subject, in words for the clerk; None if it can.
pub fn misfit(entry: &CatalogueEntry, kind: SubjectKind) -> Option<String> {
    if !entry.active {
        return Some(format!("«{}» đã ngừng sử dụng trong danh mục", entry.name));
    }
    if entry.subject_kind != kind {
        return Some(match kind {
            SubjectKind::Individual => {
                format!("«{}» dành cho tập thể, không dành cho cá nhân", entry.name)
            }
            SubjectKind::Collective => {
                format!("«{}» dành cho cá nhân, không dành cho tập thể", entry.name)
            }
        });
    }
    None
}

/// The catalogue entries a subject of `kind` may register for, of `award_kind`, in the
/// catalogue's order.
pub fn choices(
    catalogue: &[CatalogueEntry],
    kind: SubjectKind,
    award_kind: AwardKind,
) -> Vec<&CatalogueEntry> {
    let mut v: Vec<&CatalogueEntry> = catalogue
        .iter()
        .filter(|e| e.kind == award_kind && misfit(e, kind).is_none())
        .collect();
    v.sort_by_key(|e| e.sort_order);
    v
}

/// Find a catalogue entry by what a unit typed: its name (ignoring case and accents) or
/// its code.
pub fn entry_by_text<'a>(
    catalogue: &'a [CatalogueEntry],
    text: &str,
) -> Option<&'a CatalogueEntry> {
    let folded = fold(text);
    catalogue
        .iter()
        .find(|e| fold(&e.name) == folded || e.code.eq_ignore_ascii_case(text.trim()))
}

/// The last day of a year.
pub fn year_end(year: i32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, 12, 31).unwrap_or(NaiveDate::MAX)
}

/// A unit takes part in the year's registrations unless it was removed or dissolved by the
/// end of that year (R16: dissolved units are not rewarded).
pub fn unit_in_year(unit: &Unit, year: i32) -> bool {
    unit.active && unit.dissolved_on.is_none_or(|d| d.year() > year)
}

/// A unit counts towards the collective targets (Tập thể lao động tiên tiến …) unless it
/// is a union (its titles come from its own organisation) or not a working unit (the
/// Board of Directors, kind "Khác").
pub fn collective_candidate(unit: &Unit) -> bool {
    !matches!(unit.kind, UnitKind::Union | UnitKind::Other)
}

/// A person appears on the year's registration lists if they were on the staff at some
/// time in the year: still working, or left during it.
pub fn person_in_year(person: &Person, year: i32) -> bool {
    person.active
        && match person.status {
            PersonStatus::Working => true,
            _ => person.status_date.is_none_or(|d| d.year() >= year),
        }
}

/// "Nghỉ hưu từ 15/06/2026" for a person who left, None for a person still working.
pub fn left_mark(person: &Person) -> Option<String> {
    if person.status == PersonStatus::Working {
        return None;
    }
    Some(match person.status_date {
        Some(d) => format!("{} từ {}", person.status.label(), d.format("%d/%m/%Y")),
        None => person.status.label().to_owned(),
    })
}

/// The deadline for registrations in a plan: the first deadline that speaks of "đăng ký
/// thi đua".
///
/// A deadline worded "đăng ký thi đua" comes first; otherwise one that speaks of
/// registering ("Hạn đăng ký danh hiệu", "gửi bản đăng ký") and not of innovations.
pub fn registration_deadline(plan: &super::plan::Plan) -> Option<NaiveDate> {
    let folded: Vec<(String, NaiveDate)> = plan
        .deadlines
        .iter()
        .map(|d| (fold(&d.what), d.date))
        .collect();
    folded
        .iter()
        .find(|(w, _)| w.contains("dang ky thi dua"))
        .or_else(|| {
            folded
                .iter()
                .find(|(w, _)| w.contains("dang ky") && !w.contains("sang kien"))
        })
        .map(|(_, d)| *d)
}

/// A withdrawn line as the clerk reads it: "Lao động tiên tiến — đăng ký 02/01/2026,
/// rút 15/03/2026". None for a line still current.
pub fn withdrawn_text(entry_name: &str, r: &Registration) -> Option<String> {
    let withdrawn = r.withdrawn_on?;
    Some(format!(
        "{entry_name} — đăng ký {}, rút {}",
        r.registered_on.format("%d/%m/%Y"),
        withdrawn.format("%d/%m/%Y")
    ))
}

/// "Còn 12 ngày", "Hôm nay là hạn cuối", "Quá hạn 5 ngày".
pub fn days_left_text(deadline: NaiveDate, today: NaiveDate) -> String {
    let days = (deadline - today).num_days();
    match days {
        d if d > 0 => format!("còn {d} ngày"),
        0 => "hôm nay là hạn cuối".into(),
        d => format!("quá hạn {} ngày", -d),
    }
}

#[cfg(test)]
#[path = "registration_tests.rs"]
mod tests;
