//! A subject's award history as a printable document: "QUÁ TRÌNH KHEN THƯỞNG" of a person
//! or a unit, every title and form by year with its decision, and the summary line.

use chrono::NaiveDate;

use super::achievement::HistoryLine;
use super::blocks::{self, Signature, date_line};
use super::flow::Flow;
use super::layout::{Align, LaidOut, Margins, Run, Style, plain};
use super::table::{Column, Row, Table};
use crate::domain::settings::Organisation;
use crate::domain::text::nfc;

/// Everything the document prints.
#[derive(Debug, Clone, PartialEq)]
pub struct AwardHistory {
    pub collective: bool,
    pub name: String,
    /// (label, value): "Đơn vị", "Chức vụ", "Ngày sinh" …
    pub facts: Vec<(String, String)>,
    pub lines: Vec<HistoryLine>,
    /// "Lao động tiên tiến 2022, 2023; Chiến sĩ thi đua cơ sở 2023".
    pub summary: String,
}

/// Lay out the history.
pub fn award_history(h: &AwardHistory, org: &Organisation, today: NaiveDate) -> LaidOut {
    let name = nfc(h.name.trim());
    let mut flow = Flow::new(
        &format!("Quá trình khen thưởng – {name}"),
        Margins::default(),
    );
    blocks::header(&mut flow, org, "", &date_line(&org.place, today));
    let who = if h.collective {
        format!("Tập thể {name}")
    } else {
        name.clone()
    };
    blocks::title(&mut flow, "QUÁ TRÌNH KHEN THƯỞNG", &who);
    let body = Style::body();
    for (label, value) in h.facts.iter().filter(|(_, v)| !v.trim().is_empty()) {
        flow.item(
            "-",
            &[Run::regular(format!("{label}: ")), Run::bold(value.trim())],
            &body,
        );
    }
    flow.space(6.0);
    if h.lines.is_empty() {
        flow.paragraph(
            &plain("Chưa có danh hiệu thi đua, hình thức khen thưởng nào được ghi nhận."),
            &body,
        );
    } else {
        let rows = h
            .lines
            .iter()
            .enumerate()
            .map(|(i, l)| {
                Row::new(vec![
                    (i + 1).to_string(),
                    l.year.to_string(),
                    l.award.clone(),
                    l.decision.clone(),
                ])
            })
            .collect();
        Table::new(
            vec![
                Column::mm("STT", 12.0, Align::Center),
                Column::mm("Năm", 16.0, Align::Center),
                Column::new("Danh hiệu thi đua, hình thức khen thưởng", 2.2, Align::Left),
                Column::new(
                    "Số, ngày, tháng, năm của quyết định; cơ quan ban hành",
                    2.8,
                    Align::Left,
                ),
            ],
            rows,
        )
        .place(&mut flow);
        flow.space(6.0);
        flow.paragraph(
            &[Run::regular("Tóm tắt: "), Run::regular(h.summary.trim())],
            &body,
        );
    }
    blocks::closing(
        &mut flow,
        &[],
        &Signature {
            mark: String::new(),
            title: "NGƯỜI LẬP".into(),
            name: String::new(),
        },
    );
    flow.finish()
}
