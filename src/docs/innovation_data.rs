//! Gathering the innovation papers from the store.

use super::innovation;
use super::innovation_decision;
use super::innovation_proposal::{self, InnovationProposal, ProposedInnovation};
use super::layout::LaidOut;
use crate::domain::innovation::{Innovation, InnovationId, InnovationStatus};
use crate::domain::innovation_council::InnovationMeetingId;
use crate::domain::innovation_scoring::ScoringSheet;
use crate::domain::plan::format_percent;
use crate::domain::text::slug;
use crate::store::people::PersonRow;
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
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InnovationDoc {
    /// Đơn yêu cầu công nhận sáng kiến.
    Application(InnovationId),
    /// Giấy biên nhận đơn.
    Receipt(InnovationId),
    /// Blank scoring sheets, one per member, for a meeting (the innovations on its
    /// agenda); without one, the year's latest meeting, or every application not refused
    /// when the year has no meeting.
    ScoringSheets(Option<InnovationMeetingId>),
    /// The summary of the council's scores.
    ScoreSummary,
    /// The list of innovations the Sở's decision (its number; None: the year's latest)
    /// recognised, as attached to it.
    RecognitionList(Option<String>),
    /// Giấy chứng nhận sáng kiến.
    Certificate(InnovationId),
    /// The Sở's decision recognising (or correcting the recognition of) innovations, by
    /// its number (None: the year's latest), with its list.
    RecognitionDecision(Option<String>),
    /// The tờ trình proposing recognised innovations to the province, with its list: the
    /// proposals not yet sent (a draft without number), else the latest one sent.
    ProvinceProposal,
}

/// The unit of an innovation's first author from the registry, else the first author's
/// workplace.
fn unit_of(i: &Innovation, people: &[PersonRow]) -> String {
    i.authors
        .iter()
        .find_map(|a| {
            a.person
                .and_then(|p| people.iter().find(|r| r.person.id == p))
        })
        .map(|r| r.unit_name.clone())
        .or_else(|| i.authors.first().map(|a| a.workplace.clone()))
        .unwrap_or_default()
}

/// The innovation as the Sở's decision `number` recognised it (its level then), if it did.
fn as_recognised_by(i: Innovation, number: &str) -> Option<Innovation> {
    let r = i.recognised_by(number)?;
    Some(Innovation {
        level: Some(r.level),
        decision_number: r.number,
        decision_date: Some(r.date),
        decision_issuer: r.issuer,
        decision_replaces: r.replaces,
        ..i
    })
}

fn province_proposal(
    store: &Store,
    year: i32,
    sheet: &ScoringSheet,
) -> Result<InnovationProposal, StoreError> {
    let proposals = store.province_proposals(year)?;
    let unsent: Vec<_> = proposals.iter().filter(|p| p.sent.is_none()).collect();
    let latest = proposals.iter().filter_map(|p| p.sent).max();
    let (chosen, number, date): (Vec<_>, _, _) = match latest {
        Some((n, d)) if unsent.is_empty() => (
            proposals
                .iter()
                .filter(|p| p.sent == Some((n, d)))
                .collect(),
            Some(n),
            Some(d),
        ),
        _ => (unsent, None, None),
    };
    if chosen.is_empty() {
        return Err(StoreError::NotFound(format!(
            "sáng kiến được đề nghị công nhận cấp tỉnh năm {year}"
        )));
    }
    let people = store.people()?;
    let mut rows = Vec::new();
    for p in chosen {
        let innovation = store.innovation(p.innovation)?;
        let scores = store.innovation_scores(p.innovation)?;
        let score = sheet
            .score(&scores)
            .ok()
            .and_then(|r| r.average)
            .map(|a| format_percent(a).trim_end_matches('%').to_owned())
            .unwrap_or_default();
        rows.push(ProposedInnovation {
            unit: unit_of(&innovation, &people),
            innovation,
            score,
        });
    }
    Ok(InnovationProposal {
        year,
        number,
        date,
        rows,
    })
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
                innovation_decision::certificate(&i, &org),
                format!("chung-nhan-{}", slug(&i.name)),
            )
        }
        InnovationDoc::ScoringSheets(meeting) => {
            let meetings = store.innovation_meetings(year)?;
            let chosen = match meeting {
                Some(id) => Some(meetings.into_iter().find(|m| m.id == id).ok_or_else(|| {
                    StoreError::NotFound(format!(
                        "cuộc họp Hội đồng sáng kiến số {id} của năm {year}"
                    ))
                })?),
                None => meetings.into_iter().last(),
            };
            let all = store.innovations(year)?;
            let list: Vec<_> = match &chosen {
                Some(m) => m
                    .innovations
                    .iter()
                    .filter_map(|id| all.iter().find(|i| i.id == *id).cloned())
                    .collect(),
                None => all
                    .into_iter()
                    .filter(|i| i.status != InnovationStatus::NotRecognised)
                    .collect(),
            };
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
                innovation::scoring_sheets(
                    year,
                    chosen.as_ref().map(|m| m.held_on),
                    &list,
                    &members,
                    &sheet,
                    &org,
                ),
                match &chosen {
                    Some(m) => format!("phieu-cham-sang-kien-{}", m.held_on.format("%Y-%m-%d")),
                    None => format!("phieu-cham-sang-kien-{year}"),
                },
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
        InnovationDoc::ProvinceProposal => (
            innovation_proposal::province_proposal(&province_proposal(store, year, &sheet)?, &org),
            format!("TTr-sang-kien-cap-tinh-{year}"),
        ),
        InnovationDoc::RecognitionList(ref chosen)
        | InnovationDoc::RecognitionDecision(ref chosen) => {
            let people = store.people()?;
            let innovations = store.innovations(year)?;
            // The latest of the Sở's own decisions of the year, and what it recognised
            // (at the level it recognised them, even when a higher level did since).
            let latest = innovations
                .iter()
                .flat_map(|i| i.recognitions())
                .filter(|r| r.issuer.trim().is_empty())
                .filter(|r| chosen.as_ref().is_none_or(|c| r.number == c.trim()))
                .max_by_key(|r| (r.date, r.number.clone()))
                .map(|r| (r.number, r.date));
            let (number, date) = latest.ok_or_else(|| {
                StoreError::NotFound(match chosen {
                    Some(c) => format!("quyết định số {} công nhận sáng kiến năm {year}", c.trim()),
                    None => format!("quyết định công nhận sáng kiến năm {year}"),
                })
            })?;
            let list: Vec<_> = innovations
                .into_iter()
                .filter_map(|i| as_recognised_by(i, &number))
                .map(|i| {
                    let unit = unit_of(&i, &people);
                    (i, unit)
                })
                .collect();
            if matches!(doc, InnovationDoc::RecognitionDecision(_)) {
                (
                    innovation_decision::recognition_decision(year, &number, date, &list, &org),
                    format!("QD-{}-sang-kien", slug(&number)),
                )
            } else {
                let attached = format!(
                    "Kèm theo Quyết định số {number} {} của Giám đốc Sở Công Thương",
                    super::blocks::date_words(date)
                );
                (
                    innovation_decision::recognition_list(year, &list, &attached),
                    format!("danh-sach-{}-sang-kien", slug(&number)),
                )
            }
        }
    })
}
