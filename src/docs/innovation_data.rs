//! Gathering the innovation papers from the store.

use super::innovation;
use super::layout::LaidOut;
use crate::domain::innovation::{InnovationId, InnovationStatus};
use crate::domain::innovation_scoring::ScoringSheet;
use crate::domain::text::slug;
use crate::store::{Store, StoreError};

/// Settings key of the innovation council's scoring sheet.
pub const SCORING_SHEET: &str = "innovation_scoring_sheet";

/// The innovation council of a year (settings), empty when none was set.
pub fn innovation_council(
    store: &Store,
    year: i32,
) -> Result<Vec<crate::domain::council::CouncilMember>, StoreError> {
    Ok(store.setting(&council_key(year))?.unwrap_or_default())
}

/// Settings key of a year's innovation council.
pub fn council_key(year: i32) -> String {
    format!("innovation_council_{year}")
}

/// The scoring sheet from settings, or the default one.
pub fn scoring_sheet(store: &Store) -> Result<ScoringSheet, StoreError> {
    Ok(store.setting(SCORING_SHEET)?.unwrap_or_default())
}

/// Which innovation paper.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InnovationDoc {
    /// Đơn yêu cầu công nhận sáng kiến.
    Application(InnovationId),
    /// Giấy biên nhận đơn.
    Receipt(InnovationId),
    /// Blank scoring sheets for the year's applications, one per member.
    ScoringSheets,
    /// The summary of the council's scores.
    ScoreSummary,
    /// The list of recognised innovations attached to the recognition decision.
    RecognitionList,
    /// Giấy chứng nhận sáng kiến.
    Certificate(InnovationId),
    /// The latest decision recognising innovations in the year, with its list.
    RecognitionDecision,
}

/// Lay out an innovation paper; also a file stem for it.
pub fn innovation_document(
    store: &Store,
    year: i32,
    doc: InnovationDoc,
) -> Result<(LaidOut, String), StoreError> {
    let org = store.organisation()?;
    let sheet = scoring_sheet(store)?;
    Ok(match doc {
        InnovationDoc::Application(id) => {
            let i = store.innovation(id)?;
            (
                innovation::application(&i, &org),
                format!("don-sang-kien-{}", slug(&i.name)),
            )
        }
        InnovationDoc::Receipt(id) => {
            let i = store.innovation(id)?;
            (
                innovation::receipt(&i, &org),
                format!("bien-nhan-{}", slug(&i.name)),
            )
        }
        InnovationDoc::Certificate(id) => {
            let i = store.innovation(id)?;
            if i.status != InnovationStatus::Recognised {
                return Err(StoreError::Conflict(
                    "Chỉ in giấy chứng nhận cho sáng kiến đã được công nhận.".into(),
                ));
            }
            (
                innovation::certificate(&i, &org),
                format!("chung-nhan-{}", slug(&i.name)),
            )
        }
        InnovationDoc::ScoringSheets => {
            let list: Vec<_> = store
                .innovations(year)?
                .into_iter()
                .filter(|i| i.status != InnovationStatus::NotRecognised)
                .collect();
            let mut members: Vec<String> = innovation_council(store, year)?
                .into_iter()
                .map(|m| m.name)
                .collect();
            for i in &list {
                for m in store.innovation_scores(i.id)? {
                    if !members.contains(&m.member) {
                        members.push(m.member);
                    }
                }
            }
            (
                innovation::scoring_sheets(year, &list, &members, &sheet, &org),
                format!("phieu-cham-sang-kien-{year}"),
            )
        }
        InnovationDoc::ScoreSummary => {
            let mut rows = Vec::new();
            for i in store.innovations(year)? {
                let scores = store.innovation_scores(i.id)?;
                if !scores.is_empty() {
                    rows.push((i, scores));
                }
            }
            (
                innovation::score_summary(year, &rows, &sheet, &org),
                format!("tong-hop-diem-sang-kien-{year}"),
            )
        }
        InnovationDoc::RecognitionList | InnovationDoc::RecognitionDecision => {
            let people = store.people()?;
            let recognised: Vec<_> = store
                .innovations(year)?
                .into_iter()
                .filter(|i| i.status == InnovationStatus::Recognised)
                .collect();
            // The latest decision of the year and what it recognised.
            let latest = recognised
                .iter()
                .max_by_key(|i| (i.decision_date, i.decision_number.clone()))
                .map(|i| (i.decision_number.clone(), i.decision_date));
            let (number, date) = latest.clone().ok_or_else(|| {
                StoreError::NotFound(format!("quyết định công nhận sáng kiến năm {year}"))
            })?;
            let list: Vec<_> = recognised
                .into_iter()
                .filter(|i| i.decision_number == number)
                .map(|i| {
                    let unit = i
                        .authors
                        .iter()
                        .find_map(|a| {
                            a.person
                                .and_then(|p| people.iter().find(|r| r.person.id == p))
                        })
                        .map(|r| r.unit_name.clone())
                        .or_else(|| i.authors.first().map(|a| a.workplace.clone()))
                        .unwrap_or_default();
                    (i, unit)
                })
                .collect();
            let date = date.unwrap_or_default();
            if doc == InnovationDoc::RecognitionDecision {
                (
                    innovation::recognition_decision(year, &number, date, &list, &org),
                    format!("QD-cong-nhan-sang-kien-{year}"),
                )
            } else {
                let attached = format!(
                    "Kèm theo Quyết định số {number} {} của Giám đốc Sở Công Thương",
                    super::blocks::date_words(date)
                );
                (
                    innovation::recognition_list(year, &list, &attached),
                    format!("danh-sach-sang-kien-{year}"),
                )
            }
        }
    })
}
