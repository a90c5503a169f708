//! The campaign plan as an official document: header, number and date, "KẾ HOẠCH" and its
//! subtitle, the legal bases, I. Mục đích, yêu cầu, II. Nội dung thi đua, III. Tổ chức
//! thực hiện, then Nơi nhận and the signature kept together.

use super::blocks::{self, Signature, blank_date_line, date_line, document_number};
use super::fonts::Face;
use super::layout::{Align, Flow, LaidOut, MM, Margins, Run, Style, plain};
use crate::domain::plan::{Plan, SignerMode};
use crate::domain::settings::Organisation;
use crate::domain::validate::format_date;

fn item(flow: &mut Flow, text: &str) {
    let style = Style {
        first_indent: 10.0 * MM,
        ..Style::body()
    };
    flow.paragraph(&plain(format!("- {text}")), &style);
}

fn numbered(flow: &mut Flow, label: &str) {
    let style = Style {
        first_indent: 10.0 * MM,
        align: Align::Left,
        ..Style::body()
    };
    flow.ensure(14.0 * 1.2 * 3.0);
    flow.paragraph(&[Run::new(label, Face::Bold)], &style);
}

/// Lay out the plan for `org`.
pub fn plan_document(plan: &Plan, org: &Organisation) -> LaidOut {
    let mut flow = Flow::new(&format!("Kế hoạch {}", plan.subtitle), Margins::default());
    let number = document_number(plan.number, "KH", &org.abbreviation);
    let date = match plan.issued_on {
        Some(d) => date_line(&org.place, d),
        None => blank_date_line(&org.place, plan.year),
    };
    blocks::header(&mut flow, org, &number, &date);
    blocks::title(&mut flow, "KẾ HOẠCH", &plan.subtitle);

    let body = Style::body();
    for base in &plan.bases {
        flow.paragraph(&[Run::new(base, Face::Italic)], &body);
    }
    flow.paragraph(
        &plain(format!(
            "{} xây dựng Kế hoạch phát động phong trào thi đua năm {} như sau:",
            sentence_case(&org.body),
            plan.year
        )),
        &body,
    );

    blocks::heading(&mut flow, "I. MỤC ĐÍCH, YÊU CẦU");
    numbered(&mut flow, "1. Mục đích");
    for p in &plan.purposes {
        item(&mut flow, p);
    }
    numbered(&mut flow, "2. Yêu cầu");
    for r in &plan.requirements {
        item(&mut flow, r);
    }

    blocks::heading(&mut flow, "II. NỘI DUNG THI ĐUA");
    numbered(&mut flow, "1. Chủ đề, khẩu hiệu thi đua");
    flow.paragraph(
        &[
            Run::new("Chủ đề: ", Face::Regular),
            Run::new(&plan.theme, Face::BoldItalic),
        ],
        &body,
    );
    flow.paragraph(
        &[
            Run::new("Khẩu hiệu: ", Face::Regular),
            Run::new(format!("\"{}\"", plan.slogan), Face::BoldItalic),
        ],
        &body,
    );
    numbered(&mut flow, "2. Các phong trào thi đua");
    for (i, m) in plan.movements.iter().enumerate() {
        flow.paragraph(
            &[Run::new(format!("2.{}. {}", i + 1, m.name), Face::Italic)],
            &body,
        );
        flow.paragraph(&plain(&m.text), &body);
    }
    numbered(&mut flow, "3. Thời gian thi đua");
    for p in &plan.phases {
        flow.paragraph(
            &[
                Run::new(format!("{}: ", p.name), Face::Bold),
                Run::new(
                    format!(
                        "từ ngày {} đến ngày {}: {}",
                        format_date(p.start),
                        format_date(p.end),
                        p.content
                    ),
                    Face::Regular,
                ),
            ],
            &body,
        );
    }
    numbered(&mut flow, "4. Chỉ tiêu thi đua");
    if !plan.economic_targets.is_empty() {
        flow.paragraph(
            &[Run::new(
                "a) Các chỉ tiêu kinh tế chủ yếu của ngành:",
                Face::Italic,
            )],
            &body,
        );
        for t in &plan.economic_targets {
            item(
                &mut flow,
                &format!("{}: {} {}, {}.", t.indicator, t.value, t.unit, t.change),
            );
        }
    }
    flow.paragraph(
        &[Run::new("b) Chỉ tiêu danh hiệu thi đua:", Face::Italic)],
        &body,
    );
    for t in &plan.title_targets {
        item(&mut flow, &format!("{};", t.sentence()));
    }

    blocks::heading(&mut flow, "III. TỔ CHỨC THỰC HIỆN");
    for para in &plan.organisation {
        flow.paragraph(&plain(para), &body);
    }
    if !plan.deadlines.is_empty() {
        flow.paragraph(&plain("Thời hạn thực hiện:"), &body);
        for d in &plan.deadlines {
            item(
                &mut flow,
                &format!("{}: trước ngày {};", d.what, format_date(d.date)),
            );
        }
    }
    let last = "Các tập thể và cá nhân không đăng ký thi đua, cuối năm sẽ không được xét công nhận các danh hiệu thi đua. Trong quá trình thực hiện, nếu có vướng mắc, các đơn vị phản ánh về Văn phòng Sở để tổng hợp, báo cáo Giám đốc Sở xem xét, giải quyết./.";
    let signature = match plan.signer_mode {
        SignerMode::Director => Signature::director(&plan.signer_name),
        SignerMode::Deputy => Signature::deputy(&plan.signer_name),
    };
    // The closing paragraph goes with the signature: a signature never opens a page alone.
    let keep = flow.measure(&plain(last), &body, flow.content_width())
        + blocks::closing_height(&flow, &plan.recipients, &signature);
    flow.ensure(keep);
    flow.paragraph(&plain(last), &body);
    blocks::closing(&mut flow, &plan.recipients, &signature);
    flow.finish()
}

/// "SỞ CÔNG THƯƠNG" → "Sở Công Thương".
fn sentence_case(upper: &str) -> String {
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
