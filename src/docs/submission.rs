//! The tờ trình (submission) proposing the year's awards, to the Director for what the
//! Director decides and to the province for the rest, with its attached list (which keeps
//! its own page numbering).

use chrono::NaiveDate;

use super::blocks::{
    self, Signature, attached_to, blank_date_line, date_line, date_words, document_number,
};
use super::council::concat;
use super::flow::Flow;
use super::layout::{Align, LaidOut, Margins, Run, Style, plain};
use super::table::{Column, Row, Table};
use crate::domain::settings::Organisation;
use crate::domain::text::nfc;

/// One proposed subject.
#[derive(Debug, Clone, PartialEq)]
pub struct ProposalRow {
    pub name: String,
    pub position_unit: String,
    /// Đơn vị đề nghị.
    pub proposing_unit: String,
    pub achievement: String,
}

/// The subjects proposed for one title or form.
#[derive(Debug, Clone, PartialEq)]
pub struct ProposalGroup {
    pub title: String,
    pub collective: bool,
    pub rows: Vec<ProposalRow>,
}

/// A tờ trình and its list.
#[derive(Debug, Clone, PartialEq)]
pub struct Proposal {
    pub year: i32,
    /// To the provincial level (else to the Director).
    pub to_province: bool,
    pub number: Option<u32>,
    pub date: Option<NaiveDate>,
    pub council_date: Option<NaiveDate>,
    pub groups: Vec<ProposalGroup>,
    pub signature: Signature,
}

fn roman(n: usize) -> String {
    super::registration::roman(n)
}

/// "- Danh hiệu Lao động tiên tiến: 132 cá nhân;"
fn count_line(g: &ProposalGroup) -> String {
    let who = if g.collective {
        "tập thể"
    } else {
        "cá nhân"
    };
    format!("{}: {:02} {who}", g.title, g.rows.len())
}

/// Lay out the tờ trình, then its list on pages of its own.
pub fn proposal(p: &Proposal, org: &Organisation) -> LaidOut {
    let number = document_number(p.number, "TTr", &org.abbreviation);
    let date = match p.date {
        Some(d) => date_line(&org.place, d),
        None => blank_date_line(&org.place, p.year),
    };
    let mut flow = Flow::new(
        &format!("Tờ trình đề nghị khen thưởng năm {}", p.year),
        Margins::default(),
    );
    blocks::header(&mut flow, org, &number, &date);
    let (subtitle, addressee, ask) = if p.to_province {
        let province = nfc(org.parent_body.trim());
        (
            format!("Về việc đề nghị khen thưởng cấp tỉnh năm {}", p.year),
            format!("Chủ tịch {province}"),
            format!("Sở Công Thương kính trình Chủ tịch {province} xem xét, khen thưởng./."),
        )
    } else {
        (
            format!("Về việc đề nghị khen thưởng năm {}", p.year),
            "Giám đốc Sở Công Thương".to_owned(),
            "Kính trình Giám đốc Sở xem xét, quyết định./.".to_owned(),
        )
    };
    blocks::title(&mut flow, "TỜ TRÌNH", &subtitle);
    flow.paragraph(
        &plain(format!("Kính gửi: {addressee}.")),
        &Style {
            space_after: 8.0,
            ..Style::centered(14.0)
        },
    );
    let body = Style::body();
    flow.paragraph(
        &plain("Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;"),
        &body,
    );
    flow.paragraph(
        &plain("Căn cứ Nghị định số 152/2025/NĐ-CP ngày 14 tháng 6 năm 2025 của Chính phủ quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng;"),
        &body,
    );
    if let Some(d) = p.council_date {
        flow.paragraph(
            &plain(format!(
                "Căn cứ kết quả họp Hội đồng Thi đua - Khen thưởng Sở Công Thương {},",
                date_words(d)
            )),
            &body,
        );
    }
    flow.paragraph(
        &plain(format!(
            "Để kịp thời động viên, khen thưởng các tập thể, cá nhân có thành tích xuất sắc trong thực hiện nhiệm vụ năm {}, đề nghị khen thưởng như sau:",
            p.year
        )),
        &body,
    );
    let groups: Vec<&ProposalGroup> = p.groups.iter().filter(|g| !g.rows.is_empty()).collect();
    for (i, g) in groups.iter().enumerate() {
        let end = if i + 1 == groups.len() { "." } else { ";" };
        flow.item("-", &plain(format!("{}{end}", count_line(g))), &body);
    }
    flow.paragraph(&[Run::italic("(Có danh sách kèm theo)")], &body);
    flow.paragraph(&plain(ask), &body);
    blocks::closing(
        &mut flow,
        &["Như trên".into(), "Lưu: VT, VP".into()],
        &p.signature,
    );
    let main = flow.finish();

    let mut list = Flow::new("Danh sách đề nghị khen thưởng", Margins::default());
    blocks::list_heading(
        &mut list,
        None,
        &format!("DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG NĂM {}", p.year),
        &attached_to("Tờ trình", &number, p.date, "Sở Công Thương"),
    );
    let mut rows = Vec::new();
    for (i, g) in groups.iter().enumerate() {
        rows.push(Row::group(&format!("{}. {}", roman(i + 1), count_line(g))));
        for (j, r) in g.rows.iter().enumerate() {
            rows.push(Row::new(vec![
                (j + 1).to_string(),
                r.name.clone(),
                r.position_unit.clone(),
                r.proposing_unit.clone(),
                r.achievement.clone(),
            ]));
        }
    }
    Table::new(
        vec![
            Column::mm("STT", 12.0, Align::Center),
            Column::new("Họ và tên / Tên tập thể", 2.4, Align::Left),
            Column::new("Chức vụ, đơn vị", 2.4, Align::Left),
            Column::new("Đơn vị đề nghị", 2.0, Align::Left),
            Column::new("Thành tích tóm tắt", 2.8, Align::Left),
        ],
        rows,
    )
    .place(&mut list);
    concat(
        &format!("Tờ trình đề nghị khen thưởng năm {}", p.year),
        vec![main, list.finish()],
    )
}
