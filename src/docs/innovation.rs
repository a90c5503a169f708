//! Innovation papers: the application (TT 18/2013 Phụ lục I), the receipt (Phụ lục II),
//! the council's scoring sheets and the summary of scores (the recognition decision, its
//! list and the certificate are in `innovation_decision`).

use super::blocks::{self, Signature, date_line, date_words};
use super::council::{concat, two_signatures};
use super::flow::Flow;
use super::layout::{Align, LaidOut, Margins, Run, Style, plain};
use super::table::{Column, Row, Table};
use crate::domain::innovation::Innovation;
use crate::domain::innovation_scoring::{MemberScores, ScoringSheet};
use crate::domain::plan::format_percent;
use crate::domain::settings::Organisation;
use crate::domain::text::nfc;

pub(super) fn motto(flow: &mut Flow) {
    let style = Style::centered(13.0);
    flow.paragraph(&[Run::bold("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")], &style);
    flow.paragraph(&[Run::bold("Độc lập - Tự do - Hạnh phúc")], &style);
    let c = flow.left() + flow.content_width() / 2.0;
    flow.rule(
        c - 30.0 * super::layout::MM,
        flow.y + 2.0,
        c + 30.0 * super::layout::MM,
        0.6,
    );
    flow.space(16.0);
}

fn or_none(t: &str) -> String {
    if t.trim().is_empty() {
        "Không có.".into()
    } else {
        t.trim().into()
    }
}

pub(super) fn authors_line(i: &Innovation) -> String {
    i.authors
        .iter()
        .map(|a| a.name.trim().to_owned())
        .collect::<Vec<_>>()
        .join(", ")
}

/// Đơn yêu cầu công nhận sáng kiến.
pub fn application(i: &Innovation, org: &Organisation) -> LaidOut {
    let mut flow = Flow::new(
        &format!("Đơn yêu cầu công nhận sáng kiến – {}", i.name),
        Margins::default(),
    );
    motto(&mut flow);
    blocks::title(&mut flow, "ĐƠN YÊU CẦU CÔNG NHẬN SÁNG KIẾN", "");
    let body = Style::body();
    flow.paragraph(
        &plain("Kính gửi: Hội đồng sáng kiến Sở Công Thương."),
        &Style {
            space_after: 6.0,
            ..Style::centered(14.0)
        },
    );
    flow.paragraph(&plain("Tôi (chúng tôi) ghi tên dưới đây:"), &body);
    let rows = i
        .authors
        .iter()
        .enumerate()
        .map(|(n, a)| {
            Row::new(vec![
                (n + 1).to_string(),
                a.name.clone(),
                a.birth_date
                    .map(|d| d.format("%d/%m/%Y").to_string())
                    .unwrap_or_default(),
                a.workplace.clone(),
                a.title.clone(),
                a.qualification.clone(),
                format_percent(a.share),
            ])
        })
        .collect();
    Table {
        size: 12.0,
        ..Table::new(
            vec![
                Column::mm("STT", 12.0, Align::Center),
                Column::new("Họ và tên", 2.2, Align::Left),
                Column::mm("Ngày tháng năm sinh", 22.0, Align::Center),
                Column::new("Nơi công tác", 2.0, Align::Left),
                Column::new("Chức danh", 1.4, Align::Left),
                Column::new("Trình độ chuyên môn", 1.4, Align::Left),
                Column::mm("Tỷ lệ (%) đóng góp", 18.0, Align::Center),
            ],
            rows,
        )
    }
    .place(&mut flow);
    flow.space(6.0);
    flow.paragraph(
        &[
            Run::regular("Là tác giả (đồng tác giả) đề nghị xét công nhận sáng kiến: "),
            Run::bold(i.name.trim()),
        ],
        &body,
    );
    for (label, value) in [
        ("Chủ đầu tư tạo ra sáng kiến", or_none(&i.investor)),
        ("Lĩnh vực áp dụng sáng kiến", or_none(&i.field)),
        ("Loại sáng kiến", i.kind.label().to_owned()),
        (
            "Ngày sáng kiến được áp dụng lần đầu hoặc áp dụng thử",
            i.first_applied
                .map(|d| d.format("%d/%m/%Y").to_string())
                .unwrap_or_else(|| "……".into()),
        ),
    ] {
        flow.item(
            "-",
            &[Run::regular(format!("{label}: ")), Run::regular(value)],
            &body,
        );
    }
    flow.item("-", &plain("Mô tả bản chất của sáng kiến:"), &body);
    for (label, value) in [
        ("Giải pháp đã biết", &i.known_way),
        ("Nội dung, điểm mới của giải pháp", &i.novelty),
        ("Cách thức áp dụng", &i.how_applied),
    ] {
        flow.item(
            "+",
            &plain(format!("{label}: {}", or_none(value))),
            &Style {
                left_indent: 10.0 * super::layout::MM,
                ..body
            },
        );
    }
    for (label, value) in [
        ("Những thông tin cần được bảo mật (nếu có)", &i.confidential),
        (
            "Những điều kiện cần thiết để áp dụng sáng kiến",
            &i.conditions,
        ),
        (
            "Đánh giá lợi ích thu được theo ý kiến của tác giả",
            &i.benefit_by_authors,
        ),
        (
            "Đánh giá lợi ích thu được theo ý kiến của tổ chức, cá nhân đã tham gia áp dụng sáng kiến lần đầu",
            &i.benefit_by_appliers,
        ),
        (
            "Danh sách những người đã tham gia áp dụng thử hoặc áp dụng sáng kiến lần đầu",
            &i.first_appliers,
        ),
        ("Tài liệu kèm theo", &i.attachments),
    ] {
        flow.item(
            "-",
            &plain(format!("{label}: {}", or_none(&value.replace('\n', "; ")))),
            &body,
        );
    }
    flow.paragraph(&plain("Tôi (chúng tôi) xin cam đoan mọi thông tin nêu trong đơn là trung thực, đúng sự thật và hoàn toàn chịu trách nhiệm trước pháp luật."), &body);
    flow.paragraph(
        &[Run::italic(date_line(&org.place, i.received_on))],
        &Style {
            align: Align::Right,
            ..Style::left(14.0)
        },
    );
    two_signatures(
        &mut flow,
        &Signature {
            mark: String::new(),
            title: String::new(),
            name: String::new(),
        },
        &Signature {
            mark: String::new(),
            title: "NGƯỜI NỘP ĐƠN".into(),
            name: i
                .authors
                .first()
                .map(|a| a.name.clone())
                .unwrap_or_default(),
        },
    );
    flow.finish()
}

/// Giấy biên nhận đơn.
pub fn receipt(i: &Innovation, org: &Organisation) -> LaidOut {
    let mut flow = Flow::new("Giấy biên nhận đơn", Margins::default());
    blocks::header(&mut flow, org, "", &date_line(&org.place, i.received_on));
    blocks::title(
        &mut flow,
        "GIẤY BIÊN NHẬN",
        "Đơn yêu cầu công nhận sáng kiến",
    );
    let body = Style::body();
    flow.paragraph(
        &plain(format!(
            "{} đã nhận đơn yêu cầu công nhận sáng kiến «{}» của tác giả {}, nộp {}.",
            sentence(&org.body),
            i.name.trim(),
            authors_line(i),
            date_words(i.received_on)
        )),
        &body,
    );
    if !i.attachments.trim().is_empty() {
        flow.paragraph(
            &plain(format!(
                "Tài liệu kèm theo: {}.",
                i.attachments.trim().replace('\n', "; ")
            )),
            &body,
        );
    }
    flow.paragraph(
        &plain(format!(
            "Đơn được xem xét trong thời hạn 03 tháng kể từ ngày nhận đơn, tức là đến hết {}.",
            date_words(i.review_due())
        )),
        &body,
    );
    two_signatures(
        &mut flow,
        &Signature {
            mark: String::new(),
            title: "NGƯỜI NỘP ĐƠN".into(),
            name: i
                .authors
                .first()
                .map(|a| a.name.clone())
                .unwrap_or_default(),
        },
        &Signature {
            mark: String::new(),
            title: "NGƯỜI NHẬN ĐƠN".into(),
            name: String::new(),
        },
    );
    flow.finish()
}

/// The legal bases of a paper on the year's innovations: the Điều lệ Sáng kiến, its
/// circular, and the council's scoring.
pub(super) fn innovation_bases(org: &Organisation, year: i32) -> [String; 3] {
    [
        "Căn cứ Nghị định số 13/2012/NĐ-CP ngày 02 tháng 3 năm 2012 của Chính phủ ban hành Điều lệ Sáng kiến;".to_owned(),
        "Căn cứ Thông tư số 18/2013/TT-BKHCN ngày 01 tháng 8 năm 2013 của Bộ trưởng Bộ Khoa học và Công nghệ hướng dẫn thi hành một số quy định của Điều lệ Sáng kiến;".to_owned(),
        format!("Căn cứ kết quả xét, chấm điểm của Hội đồng sáng kiến {} năm {year};", sentence(&org.body)),
    ]
}

/// "SỞ CÔNG THƯƠNG" → "Sở Công Thương".
pub(super) fn sentence(upper: &str) -> String {
    upper
        .split_whitespace()
        .map(|w| {
            let lower = w.to_lowercase();
            let mut c = lower.chars();
            c.next()
                .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
                .unwrap_or_default()
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Blank scoring sheets, one page per member, every open application of the year on it.
pub fn scoring_sheets(
    year: i32,
    held_on: Option<chrono::NaiveDate>,
    list: &[Innovation],
    members: &[String],
    sheet: &ScoringSheet,
    org: &Organisation,
) -> LaidOut {
    let names: Vec<String> = if members.is_empty() {
        vec![String::new()]
    } else {
        members.to_vec()
    };
    let mut parts = Vec::new();
    for member in names {
        let mut flow = Flow::new("Phiếu chấm điểm sáng kiến", Margins::default());
        flow.set_landscape(true);
        flow.paragraph(
            &[Run::regular(nfc(&org.body).to_uppercase())],
            &Style::centered(13.0),
        );
        flow.paragraph(&[Run::bold("HỘI ĐỒNG SÁNG KIẾN")], &Style::centered(13.0));
        flow.space(10.0);
        blocks::title(
            &mut flow,
            &format!("PHIẾU CHẤM ĐIỂM SÁNG KIẾN NĂM {year}"),
            "",
        );
        let who = if member.is_empty() {
            "……………………………………".to_owned()
        } else {
            member.clone()
        };
        if let Some(d) = held_on {
            flow.paragraph(
                &[Run::italic(format!(
                    "Cuộc họp Hội đồng sáng kiến {}",
                    date_words(d)
                ))],
                &Style::centered(14.0),
            );
        }
        flow.paragraph(
            &plain(format!("Họ và tên thành viên Hội đồng: {who}")),
            &Style::body(),
        );
        let mut columns = vec![
            Column::mm("STT", 11.0, Align::Center),
            Column::new("Tên sáng kiến", 3.0, Align::Left),
            Column::new("Tác giả", 2.0, Align::Left),
        ];
        for c in &sheet.criteria {
            columns.push(Column::mm(
                &format!("{} (tối đa {})", c.name, c.max_points),
                30.0,
                Align::Center,
            ));
        }
        columns.push(Column::mm("Ghi chú", 25.0, Align::Center));
        let rows = list
            .iter()
            .enumerate()
            .map(|(n, i)| {
                let mut cells = vec![(n + 1).to_string(), i.name.clone(), authors_line(i)];
                cells.extend(sheet.criteria.iter().map(|_| String::new()));
                cells.push(String::new());
                Row::new(cells)
            })
            .collect();
        Table::new(columns, rows).place(&mut flow);
        flow.paragraph(
            &[Run::italic("Thành viên là tác giả hoặc cùng đơn vị với tác giả ghi «không chấm» ở cột Ghi chú; điểm của thành viên đó không được tính.")],
            &Style::body(),
        );
        parts.push(flow.finish());
    }
    concat(&format!("Phiếu chấm điểm sáng kiến năm {year}"), parts)
}

/// The summary of the council's scores.
pub fn score_summary(
    year: i32,
    rows: &[(Innovation, Vec<MemberScores>)],
    sheet: &ScoringSheet,
    org: &Organisation,
) -> LaidOut {
    let mut flow = Flow::new("Tổng hợp điểm sáng kiến", Margins::default());
    blocks::header(
        &mut flow,
        org,
        "",
        &blocks::blank_date_line(&org.place, year),
    );
    blocks::title(
        &mut flow,
        &format!("TỔNG HỢP KẾT QUẢ CHẤM ĐIỂM SÁNG KIẾN NĂM {year}"),
        "",
    );
    let table_rows = rows
        .iter()
        .enumerate()
        .map(|(n, (i, scores))| {
            let (average, verdict) = match sheet.score(scores) {
                Ok(r) => (
                    r.average
                        .map(|a| format_percent(a).trim_end_matches('%').to_owned())
                        .unwrap_or_default(),
                    match (r.passes, r.proposed) {
                        (true, Some(l)) => format!("Đạt – {}", l.label().to_lowercase()),
                        (true, None) => "Đạt".into(),
                        (false, _) => "Không đạt".into(),
                    },
                ),
                Err(e) => (String::new(), e),
            };
            let counted = scores.iter().filter(|m| !m.recused).count();
            Row::new(vec![
                (n + 1).to_string(),
                i.name.clone(),
                authors_line(i),
                format!("{counted}/{}", scores.len()),
                average,
                verdict,
            ])
        })
        .collect();
    Table::new(
        vec![
            Column::mm("STT", 11.0, Align::Center),
            Column::new("Tên sáng kiến", 3.0, Align::Left),
            Column::new("Tác giả", 2.0, Align::Left),
            Column::mm("Số phiếu tính", 20.0, Align::Center),
            Column::mm("Điểm trung bình", 22.0, Align::Center),
            Column::new("Kết quả", 1.6, Align::Center),
        ],
        table_rows,
    )
    .place(&mut flow);
    flow.paragraph(
        &plain(format!(
            "Điểm đạt: từ {} điểm; đề nghị công nhận cấp tỉnh: từ {} điểm (thang điểm 100, đã nhân trọng số).",
            sheet.pass_mark, sheet.province_mark
        )),
        &Style::body(),
    );
    two_signatures(
        &mut flow,
        &Signature {
            mark: String::new(),
            title: "THƯ KÝ HỘI ĐỒNG".into(),
            name: String::new(),
        },
        &Signature {
            mark: "TM. HỘI ĐỒNG SÁNG KIẾN".into(),
            title: "CHỦ TỊCH".into(),
            name: org.director.clone(),
        },
    );
    flow.finish()
}
