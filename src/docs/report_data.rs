//! Gathering the period reports and a subject's award history from the store (on the
//! thread that owns it); each comes with a file stem.

use chrono::NaiveDate;

use super::achievement::HistoryLine;
use super::award_history::{AwardHistory, award_history};
use super::layout::LaidOut;
use super::report::{results_report, tally_report};
use crate::domain::history::summary_line;
use crate::domain::model::Subject;
use crate::domain::report_tally::{ordered, stands};
use crate::domain::text::slug;
use crate::store::{Store, StoreError};

/// "Báo cáo tổng hợp kết quả khen thưởng giai đoạn A–B".
pub fn tally_document(
    store: &Store,
    from: i32,
    to: i32,
    today: NaiveDate,
) -> Result<(LaidOut, String), StoreError> {
    let (from, to) = ordered(from, to);
    let report = store.period_report(from, to)?;
    let doc = tally_report(&report.tally, &report.years, &store.organisation()?, today);
    Ok((doc, format!("tong-hop-khen-thuong-{from}-{to}")))
}

/// "Báo cáo kết quả thực hiện chỉ tiêu thi đua năm …".
pub fn results_document(
    store: &Store,
    year: i32,
    today: NaiveDate,
) -> Result<(LaidOut, String), StoreError> {
    let r = store.year_results(year)?;
    if !r.has_plan {
        return Err(StoreError::NotFound(format!(
            "kế hoạch thi đua năm {year} (chỉ tiêu để đối chiếu kết quả). Hãy soạn kế hoạch trong màn hình Kế hoạch thi đua"
        )));
    }
    let doc = results_report(year, &r.department, &r.units, &store.organisation()?, today);
    Ok((doc, format!("ket-qua-chi-tieu-thi-dua-{year}")))
}

/// A person's or unit's award history, with the decision of every record; records that a
/// later decision cancelled are printed with that note.
pub fn history_document(
    store: &Store,
    subject: Subject,
    today: NaiveDate,
) -> Result<(LaidOut, String), StoreError> {
    let catalogue = store.catalogue()?;
    let units = store.units()?;
    let unit_name = |id: i64| {
        units
            .iter()
            .find(|u| u.id == id)
            .map(|u| u.name.clone())
            .unwrap_or_default()
    };
    let (name, facts) = match subject {
        Subject::Person(pid) => {
            let p = store.person(pid)?;
            let mut facts = vec![
                ("Đơn vị".to_owned(), unit_name(p.unit_id)),
                ("Chức vụ".to_owned(), p.position.clone()),
            ];
            if let Some(b) = p.birth_date {
                facts.push(("Ngày sinh".into(), b.format("%d/%m/%Y").to_string()));
            }
            (p.full_name, facts)
        }
        Subject::Unit(uid) => (unit_name(uid), Vec::new()),
    };
    if name.trim().is_empty() {
        return Err(StoreError::NotFound(
            "đơn vị, cá nhân cần in lịch sử".into(),
        ));
    }
    let records = store.awards_for(subject)?;
    let standing: Vec<_> = records.iter().filter(|r| stands(r)).cloned().collect();
    let lines = records
        .iter()
        .map(|a| {
            let award = catalogue
                .iter()
                .find(|e| e.id == a.catalogue_id)
                .map(|e| e.name.clone())
                .unwrap_or_default();
            let mut decision = if a.decision_number.trim().is_empty() {
                String::new()
            } else {
                format!("Quyết định số {}", a.decision_number.trim())
            };
            if let Some(d) = a.decision_date {
                decision.push_str(&format!(" ngày {}", d.format("%d/%m/%Y")));
            }
            if !a.issuer.trim().is_empty() {
                decision.push_str(&format!(" của {}", a.issuer.trim()));
            }
            if !a.note.trim().is_empty() {
                decision.push_str(&format!(" ({})", a.note.trim()));
            }
            HistoryLine {
                year: a.year,
                award,
                decision: decision.trim().to_owned(),
            }
        })
        .collect();
    let h = AwardHistory {
        collective: matches!(subject, Subject::Unit(_)),
        summary: summary_line(&standing, &catalogue),
        name,
        facts,
        lines,
    };
    let stem = format!("qua-trinh-khen-thuong-{}", slug(&h.name));
    Ok((award_history(&h, &store.organisation()?, today), stem))
}
