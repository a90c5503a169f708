//! The innovation council at work: a meeting with the innovations on its agenda (the blank
//! scoring sheets carry exactly those), and who should sit out the scoring of an
//! innovation (an author, or someone from an author's unit).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::innovation::{Author, InnovationId};
use super::model::UnitId;
use super::text::fold;

pub type InnovationMeetingId = i64;

/// A meeting of the innovation council and its agenda, in order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct InnovationMeeting {
    pub id: InnovationMeetingId,
    pub year: i32,
    pub held_on: NaiveDate,
    pub place: String,
    pub innovations: Vec<InnovationId>,
}

impl InnovationMeeting {
    /// Why the meeting cannot be saved, or None.
    pub fn problem(&self) -> Option<String> {
        if self.innovations.is_empty() {
            return Some("Hãy chọn ít nhất một sáng kiến cho cuộc họp.".into());
        }
        let mut seen = self.innovations.clone();
        seen.sort_unstable();
        seen.dedup();
        if seen.len() != self.innovations.len() {
            return Some("Một sáng kiến được ghi hai lần trong cuộc họp.".into());
        }
        None
    }
}

/// Why `member` should not be counted when scoring an innovation by `authors`, or None.
/// `member_units` are the units of the registry's people who bear the member's name;
/// `author_units` the units (with their names) of the authors from the registry.
pub fn recusal_reason(
    member: &str,
    member_units: &[UnitId],
    authors: &[Author],
    author_units: &[(UnitId, String)],
) -> Option<String> {
    let name = fold(member);
    if name.is_empty() {
        return None;
    }
    if authors.iter().any(|a| fold(&a.name) == name) {
        return Some("là tác giả của sáng kiến".into());
    }
    author_units
        .iter()
        .find(|(u, _)| member_units.contains(u))
        .map(|(_, unit)| format!("cùng đơn vị với tác giả ({unit})"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn author(name: &str) -> Author {
        Author {
            person: None,
            name: name.into(),
            birth_date: None,
            workplace: String::new(),
            title: String::new(),
            qualification: String::new(),
            share: 100.0,
        }
    }

    #[test]
    fn an_author_and_a_colleague_of_an_author_sit_out_others_do_not() {
        let authors = [author("Võ Bích Anh"), author("Trần Công Vũ")];
        let units = [(3, "Phòng Quản lý năng lượng".to_owned())];
        assert_eq!(
            recusal_reason("võ bích  anh", &[], &authors, &units).as_deref(),
            Some("là tác giả của sáng kiến")
        );
        assert_eq!(
            recusal_reason("Lê Quốc Bảo", &[7, 3], &authors, &units).as_deref(),
            Some("cùng đơn vị với tác giả (Phòng Quản lý năng lượng)")
        );
        assert_eq!(recusal_reason("Lê Quốc Bảo", &[7], &authors, &units), None);
        assert_eq!(recusal_reason("", &[3], &authors, &units), None);
    }

    #[test]
    fn a_meeting_needs_its_innovations_once_each() {
        let mut m = InnovationMeeting {
            id: 0,
            year: 2026,
            held_on: NaiveDate::from_ymd_opt(2026, 7, 1).unwrap(),
            place: String::new(),
            innovations: vec![],
        };
        assert!(m.problem().is_some());
        m.innovations = vec![4, 2, 4];
        assert!(m.problem().unwrap().contains("hai lần"));
        m.innovations = vec![4, 2];
        assert_eq!(m.problem(), None);
    }
}
