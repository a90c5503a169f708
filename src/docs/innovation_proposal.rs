//! The tờ trình proposing the Sở's best recognised innovations to the province for
//! recognition at cấp tỉnh, with its attached list (its own page numbering).

use chrono::NaiveDate;

use super::blocks::{self, Signature, attached_to, blank_date_line, date_line, document_number};
use super::council::concat;
use super::flow::Flow;
use super::innovation::{authors_line, innovation_bases, sentence};
use super::layout::{Align, LaidOut, Margins, Run, Style, plain};
use super::table::{Column, Row, Table};
use crate::domain::innovation::Innovation;
use crate::domain::settings::Organisation;
use crate::domain::text::nfc;

/// One proposed innovation: the innovation, its authors' unit and the council's average.
#[derive(Debug, Clone, PartialEq)]
pub struct ProposedInnovation {
    pub innovation: Innovation,
    pub unit: String,
    /// "92,5"; empty when the council's scores are not on record.
    pub score: String,
}

/// The tờ trình: its number and date from the register once issued.
#[derive(Debug, Clone, PartialEq)]
pub struct InnovationProposal {
    pub year: i32,
    pub number: Option<u32>,
    pub date: Option<NaiveDate>,
    pub rows: Vec<ProposedInnovation>,
}

/// "Quyết định số 12/QĐ-SCT ngày 20/9/2026" of the Sở's own recognition.
fn own_decision(i: &Innovation) -> String {
    i.own_recognition()
        .map(|r| {
            format!(
                "Quyết định số {} ngày {}",
                r.number,
                blocks::short_date(r.date)
            )
        })
        .unwrap_or_default()
}

/// Lay out the tờ trình, then its list on pages of its own.
pub fn province_proposal(p: &InnovationProposal, org: &Organisation) -> LaidOut {
    let number = document_number(p.number, "TTr", &org.abbreviation);
    let date = match p.date {
        Some(d) => date_line(&org.place, d),
        None => blank_date_line(&org.place, p.year),
    };
    let body_name = sentence(&org.body);
    let province = nfc(org.parent_body.trim());
    let mut flow = Flow::new(
        &format!(
            "Tờ trình đề nghị công nhận sáng kiến cấp tỉnh năm {}",
            p.year
        ),
        Margins::default(),
    );
    blocks::header(&mut flow, org, &number, &date);
    blocks::title(
        &mut flow,
        "TỜ TRÌNH",
        &format!(
            "Về việc đề nghị công nhận sáng kiến cấp tỉnh năm {}",
            p.year
        ),
    );
    flow.paragraph(
        &plain(format!("Kính gửi: Chủ tịch {province}.")),
        &Style {
            space_after: 8.0,
            ..Style::centered(14.0)
        },
    );
    let body = Style::body();
    for basis in innovation_bases(org, p.year) {
        flow.paragraph(&plain(basis), &body);
    }
    flow.paragraph(
        &plain(format!(
            "{body_name} đề nghị công nhận {:02} sáng kiến đã được công nhận cấp cơ sở, có phạm vi ảnh hưởng, hiệu quả áp dụng và khả năng nhân rộng trên địa bàn tỉnh, là sáng kiến cấp tỉnh năm {}:",
            p.rows.len(),
            p.year
        )),
        &body,
    );
    for (k, r) in p.rows.iter().enumerate() {
        let end = if k + 1 == p.rows.len() { "." } else { ";" };
        flow.item(
            "-",
            &plain(format!(
                "«{}» của {} ({}){end}",
                r.innovation.name.trim(),
                authors_line(&r.innovation),
                own_decision(&r.innovation)
            )),
            &body,
        );
    }
    flow.paragraph(&[Run::italic("(Có danh sách kèm theo)")], &body);
    flow.paragraph(
        &plain(format!(
            "{body_name} kính trình Chủ tịch {province} xem xét, công nhận./."
        )),
        &body,
    );
    blocks::closing(
        &mut flow,
        &["Như trên".into(), "Lưu: VT, VP".into()],
        &Signature::director(&org.director),
    );
    let main = flow.finish();

    let mut list = Flow::new(
        "Danh sách sáng kiến đề nghị công nhận cấp tỉnh",
        Margins::default(),
    );
    blocks::list_heading(
        &mut list,
        None,
        &format!(
            "DANH SÁCH SÁNG KIẾN ĐỀ NGHỊ CÔNG NHẬN CẤP TỈNH NĂM {}",
            p.year
        ),
        &attached_to("Tờ trình", &number, p.date, &body_name),
    );
    let rows = p
        .rows
        .iter()
        .enumerate()
        .map(|(n, r)| {
            Row::new(vec![
                (n + 1).to_string(),
                r.innovation.name.clone(),
                authors_line(&r.innovation),
                r.unit.clone(),
                own_decision(&r.innovation),
                r.score.clone(),
            ])
        })
        .collect();
    Table::new(
        vec![
            Column::mm("STT", 11.0, Align::Center),
            Column::new("Tên sáng kiến", 3.0, Align::Left),
            Column::new("Tác giả", 2.0, Align::Left),
            Column::new("Đơn vị", 1.6, Align::Left),
            Column::new("Công nhận cấp cơ sở", 1.8, Align::Left),
            Column::mm("Điểm chấm", 18.0, Align::Center),
        ],
        rows,
    )
    .place(&mut list);
    concat(
        &format!(
            "Tờ trình đề nghị công nhận sáng kiến cấp tỉnh năm {}",
            p.year
        ),
        vec![main, list.finish()],
    )
}
