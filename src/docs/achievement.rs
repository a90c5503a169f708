//! The achievement report (báo cáo thành tích): Mẫu 03 for a person, Mẫu 02 for a
//! collective. The biography and the award history come from the data; the narrative is
//! the clerk's.

use super::blocks::{self, Signature, blank_date_line};
use super::council::two_signatures;
use super::flow::Flow;
use super::layout::{Align, LaidOut, Margins, Run, Style, plain};
use super::table::{Column, Row, Table};
use crate::domain::achievement::ReportText;
use crate::domain::settings::Organisation;
use crate::domain::text::nfc;

/// One line of the award history table.
#[derive(Debug, Clone, PartialEq)]
pub struct HistoryLine {
    pub year: i32,
    pub award: String,
    /// "Quyết định số 12/QĐ-SCT ngày 15/01/2025 của Giám đốc Sở Công Thương".
    pub decision: String,
}

/// Everything the report prints.
#[derive(Debug, Clone, PartialEq)]
pub struct Achievement {
    pub year: i32,
    /// "BÁO CÁO THÀNH TÍCH ĐỀ NGHỊ TẶNG …".
    pub title: String,
    pub collective: bool,
    pub name: String,
    /// (label, value) of the biography as the data has it: ngày sinh, giới tính, đơn vị …
    pub facts: Vec<(String, String)>,
    pub text: ReportText,
    /// Recognised innovations and research topics, one line each.
    pub innovations: Vec<String>,
    pub history: Vec<HistoryLine>,
    /// The years the history covers: "2024 - 2026".
    pub period: String,
    pub unit_name: String,
    pub head_name: String,
}

fn or_dots(text: &str) -> String {
    if text.trim().is_empty() {
        "……………………".into()
    } else {
        text.trim().into()
    }
}

/// Lay out the report.
pub fn achievement_report(a: &Achievement, org: &Organisation) -> LaidOut {
    let mut flow = Flow::new(
        &format!("Báo cáo thành tích – {}", a.name),
        Margins::default(),
    );
    let unit_org = Organisation {
        parent_body: org.body.clone(),
        body: a.unit_name.clone(),
        ..org.clone()
    };
    blocks::header(
        &mut flow,
        &unit_org,
        "",
        &blank_date_line(&org.place, a.year + 1),
    );
    let style = Style {
        space_after: 2.0,
        ..Style::centered(14.0)
    };
    flow.paragraph(&[Run::bold(nfc(&a.title))], &style);
    flow.paragraph(
        &[Run::italic(format!("(Thành tích từ năm {})", a.period))],
        &style,
    );
    flow.space(10.0);
    let body = Style::body();
    let t = &a.text;
    if a.collective {
        blocks::heading(&mut flow, "I. SƠ LƯỢC ĐẶC ĐIỂM, TÌNH HÌNH");
        flow.paragraph(&[Run::bold("Tên tập thể: "), Run::regular(&a.name)], &body);
        for (label, value) in &a.facts {
            flow.paragraph(&plain(format!("{label}: {value}")), &body);
        }
        flow.paragraph(&[Run::bold("1. Đặc điểm, tình hình: ")], &body);
        flow.paragraph(&plain(or_dots(&t.situation)), &body);
        flow.paragraph(&[Run::bold("2. Chức năng, nhiệm vụ: ")], &body);
        flow.paragraph(&plain(or_dots(&t.duties)), &body);
    } else {
        blocks::heading(&mut flow, "I. SƠ LƯỢC LÝ LỊCH");
        flow.paragraph(&[Run::regular("Họ tên: "), Run::bold(&a.name)], &body);
        for (label, value) in &a.facts {
            flow.paragraph(&plain(format!("{label}: {value}")), &body);
        }
        for (label, value) in [
            ("Dân tộc", &t.ethnicity),
            ("Tôn giáo", &t.religion),
            ("Quê quán", &t.hometown),
            ("Nơi thường trú", &t.residence),
            ("Trình độ lý luận chính trị", &t.political_theory),
            ("Trình độ chuyên môn, nghiệp vụ", &t.qualification),
            ("Học hàm, học vị, danh hiệu, giải thưởng", &t.degrees),
        ] {
            flow.paragraph(&plain(format!("{label}: {}", or_dots(value))), &body);
        }
    }
    blocks::heading(&mut flow, "II. THÀNH TÍCH ĐẠT ĐƯỢC");
    if !a.collective {
        flow.paragraph(&[Run::bold("1. Quyền hạn, nhiệm vụ được giao")], &body);
        flow.paragraph(&plain(or_dots(&t.duties)), &body);
        flow.paragraph(&[Run::bold("2. Thành tích đạt được")], &body);
    }
    for p in t.results.lines().filter(|l| !l.trim().is_empty()) {
        flow.paragraph(&plain(p.trim()), &body);
    }
    if t.results.trim().is_empty() {
        flow.paragraph(&plain(or_dots("")), &body);
    }
    if !a.innovations.is_empty() {
        flow.paragraph(&plain("Sáng kiến, đề tài đã được công nhận:"), &body);
        for i in &a.innovations {
            flow.item("-", &plain(i), &body);
        }
    }
    blocks::heading(&mut flow, "III. CÁC HÌNH THỨC ĐÃ ĐƯỢC KHEN THƯỞNG");
    if a.history.is_empty() {
        flow.paragraph(
            &plain(format!(
                "Chưa có hình thức khen thưởng nào trong giai đoạn {}.",
                a.period
            )),
            &body,
        );
    } else {
        let rows = a
            .history
            .iter()
            .map(|h| {
                Row::new(vec![
                    h.year.to_string(),
                    h.award.clone(),
                    h.decision.clone(),
                ])
            })
            .collect();
        Table::new(
            vec![
                Column::mm("Năm", 16.0, Align::Center),
                Column::new("Danh hiệu thi đua, hình thức khen thưởng", 2.0, Align::Left),
                Column::new(
                    "Số, ngày, tháng, năm của quyết định; cơ quan ban hành",
                    2.6,
                    Align::Left,
                ),
            ],
            rows,
        )
        .place(&mut flow);
    }
    if a.collective {
        two_signatures(
            &mut flow,
            &Signature {
                mark: String::new(),
                title: "XÁC NHẬN CỦA CẤP TRÌNH KHEN THƯỞNG".into(),
                name: String::new(),
            },
            &Signature {
                mark: String::new(),
                title: "THỦ TRƯỞNG ĐƠN VỊ".into(),
                name: a.head_name.clone(),
            },
        );
    } else {
        two_signatures(
            &mut flow,
            &Signature {
                mark: String::new(),
                title: "THỦ TRƯỞNG ĐƠN VỊ XÁC NHẬN, ĐỀ NGHỊ".into(),
                name: a.head_name.clone(),
            },
            &Signature {
                mark: String::new(),
                title: "NGƯỜI BÁO CÁO THÀNH TÍCH".into(),
                name: a.name.clone(),
            },
        );
    }
    flow.finish()
}
