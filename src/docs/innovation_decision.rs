//! The Director's decision recognising innovations (or amending such a recognition), its
//! attached list, and the certificate of recognition.

use super::blocks::{self, Signature, date_line, date_words};
use super::council::concat;
use super::flow::Flow;
use super::innovation::{authors_line, innovation_bases, motto, sentence};
use super::layout::{Align, LaidOut, Margins, Run, Style, plain};
use super::table::{Column, Row, Table};
use crate::domain::innovation::Innovation;
use crate::domain::settings::Organisation;
use crate::domain::text::nfc;

/// The list of recognised innovations, attached to the recognition decision.
pub fn recognition_list(year: i32, list: &[(Innovation, String)], decision: &str) -> LaidOut {
    let mut flow = Flow::new("Danh sách sáng kiến được công nhận", Margins::default());
    blocks::list_heading(
        &mut flow,
        None,
        &format!("DANH SÁCH SÁNG KIẾN ĐƯỢC CÔNG NHẬN NĂM {year}"),
        decision,
    );
    let rows = list
        .iter()
        .enumerate()
        .map(|(n, (i, unit))| {
            Row::new(vec![
                (n + 1).to_string(),
                i.name.clone(),
                authors_line(i),
                unit.clone(),
                i.level.map(|l| l.label().to_owned()).unwrap_or_default(),
            ])
        })
        .collect();
    Table::new(
        vec![
            Column::mm("STT", 11.0, Align::Center),
            Column::new("Tên sáng kiến", 3.0, Align::Left),
            Column::new("Tác giả", 2.2, Align::Left),
            Column::new("Đơn vị", 1.8, Align::Left),
            Column::mm("Cấp công nhận", 24.0, Align::Center),
        ],
        rows,
    )
    .place(&mut flow);
    flow.finish()
}

/// Giấy chứng nhận sáng kiến (landscape, centred).
pub fn certificate(i: &Innovation, org: &Organisation) -> LaidOut {
    let mut flow = Flow::new("Giấy chứng nhận sáng kiến", Margins::default());
    flow.set_landscape(true);
    motto(&mut flow);
    let big = Style {
        space_after: 8.0,
        ..Style::centered(22.0)
    };
    let mid = Style {
        space_after: 6.0,
        ..Style::centered(15.0)
    };
    flow.paragraph(
        &[Run::bold(format!(
            "GIÁM ĐỐC {}",
            nfc(&org.body).to_uppercase()
        ))],
        &mid,
    );
    flow.paragraph(&[Run::bold("GIẤY CHỨNG NHẬN SÁNG KIẾN")], &big);
    flow.paragraph(&plain("Chứng nhận"), &mid);
    flow.paragraph(
        &[Run::bold(authors_line(i))],
        &Style {
            space_after: 6.0,
            ..Style::centered(17.0)
        },
    );
    flow.paragraph(&plain("là tác giả (đồng tác giả) của sáng kiến"), &mid);
    flow.paragraph(&[Run::bold(format!("«{}»", i.name.trim()))], &mid);
    // The Sở certifies its own recognition, even once a higher level recognised it too.
    let own = i.own_recognition();
    let level = own
        .as_ref()
        .map(|r| r.level.label().to_lowercase())
        .unwrap_or_default();
    let decided = own.as_ref().map(|r| r.date);
    let date = decided.map(date_words).unwrap_or_default();
    flow.paragraph(
        &[Run::italic(format!(
            "được công nhận {level} theo Quyết định số {} {date}",
            own.as_ref().map_or("", |r| r.number.as_str())
        ))],
        &mid,
    );
    flow.paragraph(
        &[Run::italic(date_line(
            &org.place,
            decided.unwrap_or(i.received_on),
        ))],
        &Style {
            align: Align::Right,
            ..Style::left(14.0)
        },
    );
    blocks::closing(&mut flow, &[], &Signature::director(&org.director));
    flow.finish()
}

/// The Director's decision recognising innovations, with the list attached on its own pages.
pub fn recognition_decision(
    year: i32,
    number: &str,
    date: chrono::NaiveDate,
    list: &[(Innovation, String)],
    org: &Organisation,
) -> LaidOut {
    let level = list
        .first()
        .and_then(|(i, _)| i.recognised_by(number))
        .map(|r| r.level.label().to_lowercase())
        .unwrap_or_default();
    let mut flow = Flow::new(
        &format!("Quyết định công nhận sáng kiến năm {year}"),
        Margins::default(),
    );
    blocks::header(&mut flow, org, number, &date_line(&org.place, date));
    // A correction amends the decision it replaces.
    let replaces = list
        .first()
        .map(|(i, _)| i.decision_replaces.trim().to_owned())
        .filter(|r| !r.is_empty());
    let about = match &replaces {
        Some(_) => format!("Về việc sửa đổi việc công nhận sáng kiến {level} năm {year}"),
        None => format!("Về việc công nhận sáng kiến {level} năm {year}"),
    };
    blocks::title(&mut flow, "QUYẾT ĐỊNH", &about);
    blocks::decision_authority(&mut flow, org);
    let body = Style::body();
    for basis in innovation_bases(org, year)
        .into_iter()
        .chain(["Theo đề nghị của Chánh Văn phòng Sở.".to_owned()])
    {
        flow.paragraph(&[Run::italic(basis)], &body);
    }
    flow.paragraph(
        &[Run::bold("QUYẾT ĐỊNH:")],
        &Style {
            space_after: 6.0,
            ..Style::centered(14.0)
        },
    );
    flow.paragraph(
        &[
            Run::bold("Điều 1. "),
            Run::regular(match &replaces {
                Some(old) => format!(
                    "Sửa đổi việc công nhận {:02} sáng kiến {level} năm {year} tại Quyết định số {old}: nội dung sáng kiến, tác giả, đồng tác giả theo danh sách kèm theo Quyết định này thay thế nội dung tương ứng của Quyết định số {old}.",
                    list.len()
                ),
                None => format!(
                    "Công nhận {:02} sáng kiến {level} năm {year} của các tác giả, đồng tác giả (có danh sách kèm theo).",
                    list.len()
                ),
            }),
        ],
        &body,
    );
    flow.paragraph(
        &[
            Run::bold("Điều 2. "),
            Run::regular("Các sáng kiến được công nhận là căn cứ xét tặng danh hiệu thi đua, hình thức khen thưởng theo quy định; tác giả được hưởng các quyền lợi theo Điều lệ Sáng kiến."),
        ],
        &body,
    );
    flow.paragraph(
        &[
            Run::bold("Điều 3. "),
            Run::regular("Quyết định này có hiệu lực kể từ ngày ký. Chánh Văn phòng Sở, Thủ trưởng các phòng, đơn vị thuộc Sở và các tác giả có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này./."),
        ],
        &body,
    );
    blocks::closing(
        &mut flow,
        &["Như Điều 3".into(), "Lưu: VT, VP".into()],
        &Signature::director(&org.director),
    );
    let attached = format!(
        "Kèm theo Quyết định số {number} {} của Giám đốc {}",
        date_words(date),
        sentence(&org.body)
    );
    concat(
        &format!("Quyết định công nhận sáng kiến năm {year}"),
        vec![flow.finish(), recognition_list(year, list, &attached)],
    )
}
