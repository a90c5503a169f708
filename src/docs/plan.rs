//! The campaign plan as an official document: header, number and date, "KẾ HOẠCH" and its
//! subtitle, the legal bases, I. Mục đích, yêu cầu, II. Nội dung thi đua, III. Tổ chức
//! thực hiện, then Nơi nhận and the signature kept together with the last paragraph.

use super::blocks::{self, Signature, blank_date_line, date_line, document_number, short_date};
use super::flow::Flow;
use super::layout::{LaidOut, Margins, Run, Style, plain};
use crate::domain::plan::{Plan, SignerMode};
use crate::domain::settings::Organisation;
use crate::domain::text::nfc;

/// The sentence every plan carries (Law on thi đua, khen thưởng: registration first).
pub const NO_REGISTRATION: &str = "Các tập thể và cá nhân không đăng ký thi đua, cuối năm sẽ không được xét công nhận các danh hiệu thi đua.";

/// "- …" items with a hanging indent. `list_punctuation` ends each item with ";" and the
/// last with "." (for short generated items); otherwise the text is kept as typed.
fn items(flow: &mut Flow, texts: &[String], list_punctuation: bool) {
    let texts: Vec<&String> = texts.iter().filter(|t| !t.trim().is_empty()).collect();
    let n = texts.len();
    for (i, t) in texts.into_iter().enumerate() {
        let t = t.trim().trim_start_matches(['-', '+']).trim_start();
        let text = if list_punctuation {
            let end = if i + 1 == n { "." } else { ";" };
            format!("{}{end}", t.trim_end_matches([';', '.', ',']))
        } else {
            t.to_owned()
        };
        flow.item("-", &plain(text), &Style::body());
    }
}

/// "2.1. Name" in bold italic.
fn sub_heading(number: &str, name: &str) -> Vec<Run> {
    vec![Run::bold_italic(format!("{number} {name}"))]
}

/// A section heading ("3. Thời gian thi đua") in bold.
fn section(text: String) -> Vec<Run> {
    vec![Run::bold(text)]
}

/// "SỞ CÔNG THƯƠNG" → "Sở Công Thương" (administrative words after it stay lower case:
/// "Sở Công Thương tỉnh Gia Lai").
fn sentence_case(upper: &str) -> String {
    upper
        .split_whitespace()
        .map(|w| {
            let lower = w.to_lowercase();
            if matches!(lower.as_str(), "tỉnh" | "thành" | "phố") {
                return lower;
            }
            let mut c = lower.chars();
            c.next()
                .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
                .unwrap_or_default()
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// "Phát động phong trào thi đua năm 2027" → "phát động phong trào thi đua năm 2027".
fn lower_first(text: &str) -> String {
    let mut c = text.trim().chars();
    c.next()
        .map(|f| f.to_lowercase().collect::<String>() + c.as_str())
        .unwrap_or_default()
}

/// The signature block of the plan.
pub fn signature(plan: &Plan) -> Signature {
    match plan.signer_mode {
        SignerMode::Director => Signature::director(&plan.signer_name),
        SignerMode::Deputy => Signature::deputy(&plan.signer_name),
    }
}

/// Lay out the plan for `org`.
pub fn plan_document(plan: &Plan, org: &Organisation) -> LaidOut {
    let subtitle = nfc(plan.subtitle.trim());
    let mut flow = Flow::new(&format!("Kế hoạch {subtitle}"), Margins::default());
    let number = document_number(plan.number, "KH", &org.abbreviation);
    let date = match plan.issued_on {
        Some(d) => date_line(&org.place, d),
        None => blank_date_line(&org.place, plan.year),
    };
    blocks::header(&mut flow, org, &number, &date);
    blocks::title(&mut flow, "KẾ HOẠCH", &subtitle);

    let body = Style::body();
    for base in plan.bases.iter().filter(|b| !b.trim().is_empty()) {
        flow.paragraph(&plain(base.trim()), &body);
    }
    let what = if subtitle.is_empty() {
        format!("phát động phong trào thi đua năm {}", plan.year)
    } else {
        lower_first(&subtitle)
    };
    flow.paragraph(
        &plain(format!(
            "{} xây dựng Kế hoạch {what} như sau:",
            sentence_case(&org.body)
        )),
        &body,
    );

    blocks::headings(&mut flow, &["I. MỤC ĐÍCH, YÊU CẦU", "1. Mục đích"]);
    items(&mut flow, &plan.purposes, false);
    blocks::heading(&mut flow, "2. Yêu cầu");
    items(&mut flow, &plan.requirements, false);

    blocks::headings(
        &mut flow,
        &["II. NỘI DUNG THI ĐUA", "1. Chủ đề, khẩu hiệu thi đua"],
    );
    if !plan.theme.trim().is_empty() {
        flow.item(
            "-",
            &[
                Run::regular("Chủ đề: "),
                Run::bold_italic(plan.theme.trim()),
            ],
            &body,
        );
    }
    if !plan.slogan.trim().is_empty() {
        flow.item(
            "-",
            &[
                Run::regular("Khẩu hiệu: "),
                Run::bold_italic(format!("\"{}\"", plan.slogan.trim().trim_matches('"'))),
            ],
            &body,
        );
    }

    let mut number = 2;
    if !plan.movements.is_empty() {
        for (i, m) in plan.movements.iter().enumerate() {
            let sub = sub_heading(&format!("{number}.{}.", i + 1), m.name.trim());
            if i == 0 {
                let title = section(format!("{number}. Các phong trào thi đua"));
                blocks::headings_with(&mut flow, &[title, sub]);
            } else {
                blocks::heading_with(&mut flow, &sub);
            }
            if !m.text.trim().is_empty() {
                flow.paragraph(&plain(m.text.trim()), &body);
            }
        }
        number += 1;
    }
    if !plan.phases.is_empty() {
        blocks::heading(&mut flow, &format!("{number}. Thời gian thi đua"));
        for p in &plan.phases {
            let content = p.content.trim();
            let dates = format!(
                ": từ ngày {} đến ngày {}",
                short_date(p.start),
                short_date(p.end)
            );
            let rest = if content.is_empty() {
                format!("{dates}.")
            } else {
                format!("{dates}: {content}")
            };
            flow.item(
                "-",
                &[Run::bold_italic(p.name.trim()), Run::regular(rest)],
                &body,
            );
        }
        number += 1;
    }
    let targets = section(format!("{number}. Chỉ tiêu thi đua"));
    if !plan.economic_targets.is_empty() {
        let lead = vec![Run::italic("a) Các chỉ tiêu kinh tế chủ yếu của ngành:")];
        blocks::headings_with(&mut flow, &[targets.clone(), lead]);
        let lines: Vec<String> = plan
            .economic_targets
            .iter()
            .map(|t| {
                let amount = [t.value.trim(), t.unit.trim()]
                    .into_iter()
                    .filter(|s| !s.is_empty())
                    .collect::<Vec<_>>()
                    .join(" ");
                let mut s = format!("{}: {amount}", t.indicator.trim());
                if !t.change.trim().is_empty() {
                    let sep = if amount.is_empty() { "" } else { ", " };
                    s.push_str(&format!("{sep}{}", t.change.trim()));
                }
                s
            })
            .collect();
        items(&mut flow, &lines, true);
    }
    if !plan.title_targets.is_empty() {
        if plan.economic_targets.is_empty() {
            let lead = vec![Run::italic("Chỉ tiêu danh hiệu thi đua:")];
            blocks::headings_with(&mut flow, &[targets, lead]);
        } else {
            blocks::heading_with(&mut flow, &[Run::italic("b) Chỉ tiêu danh hiệu thi đua:")]);
        }
        let lines: Vec<String> = plan.title_targets.iter().map(|t| t.sentence()).collect();
        items(&mut flow, &lines, true);
    }

    blocks::heading(&mut flow, "III. TỔ CHỨC THỰC HIỆN");
    for para in plan.organisation.iter().filter(|p| !p.trim().is_empty()) {
        flow.paragraph(&plain(para.trim()), &body);
    }
    if !plan.deadlines.is_empty() {
        blocks::heading_with(&mut flow, &plain("Thời hạn thực hiện:"));
        let lines: Vec<String> = plan
            .deadlines
            .iter()
            .map(|d| {
                format!(
                    "{} trước ngày {}",
                    d.what.trim().trim_end_matches([';', '.', ',', ':']),
                    short_date(d.date)
                )
            })
            .collect();
        items(&mut flow, &lines, true);
    }
    flow.paragraph(&plain(NO_REGISTRATION), &body);
    let last = format!(
        "Trên đây là Kế hoạch {what} của {}. Trong quá trình thực hiện, nếu có vướng mắc, các phòng, đơn vị phản ánh về Văn phòng Sở để tổng hợp, báo cáo Giám đốc Sở xem xét, giải quyết./.",
        sentence_case(&org.body)
    );
    // The last paragraph goes with the signature: a signature never opens a page alone.
    let sign = signature(plan);
    flow.keep_together(|f| {
        f.paragraph(&plain(&last), &body);
        blocks::closing(f, &plan.recipients, &sign);
    });
    flow.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::docs::check::verify;
    use crate::domain::plan::demo_plan;

    fn org() -> Organisation {
        Organisation {
            parent_body: "UBND TỈNH GIA LAI".into(),
            body: "SỞ CÔNG THƯƠNG".into(),
            abbreviation: "SCT".into(),
            place: "Gia Lai".into(),
            director: "Nguyễn Văn Hùng".into(),
            deputies: vec!["Trần Thị Mai".into()],
        }
    }

    #[test]
    fn the_plan_passes_the_self_check_and_keeps_its_order() {
        let doc = plan_document(&demo_plan(2027, "Trần Thị Mai"), &org());
        assert!(verify(&doc).is_empty(), "{:?}", verify(&doc));
        let lines = doc.text_lines();
        let pos = |s: &str| {
            lines
                .iter()
                .position(|l| l.contains(s))
                .unwrap_or_else(|| panic!("{s} missing in {lines:#?}"))
        };
        assert!(pos("Số:      /KH-SCT") < pos("KẾ HOẠCH"));
        assert!(pos("Gia Lai, ngày      tháng      năm 2027") < pos("KẾ HOẠCH"));
        assert!(pos("I. MỤC ĐÍCH, YÊU CẦU") < pos("II. NỘI DUNG THI ĐUA"));
        assert!(pos("II. NỘI DUNG THI ĐUA") < pos("III. TỔ CHỨC THỰC HIỆN"));
        assert!(pos("trước ngày 30/8/2027") > pos("III. TỔ CHỨC THỰC HIỆN"));
        assert!(pos("Nơi nhận:") > pos("Các tập thể và cá nhân không đăng ký thi đua"));
        assert!(pos("2.1. Phong trào thi đua thường xuyên") < pos("3. Thời gian thi đua"));
        assert!(
            lines
                .iter()
                .any(|l| l.starts_with("Sở Công Thương xây dựng Kế hoạch phát động"))
        );
    }

    #[test]
    fn the_signature_never_opens_a_page_alone() {
        // Grow the organisation text until the closing block would fall at a page top;
        // whatever the length, the last paragraph stands on the signature's page.
        for extra in 0..40 {
            let mut plan = demo_plan(2027, "Trần Thị Mai");
            for i in 0..extra {
                plan.organisation
                    .push(format!("Đoạn bổ sung số {i} về tổ chức thực hiện."));
            }
            let doc = plan_document(&plan, &org());
            let page = doc
                .pages
                .iter()
                .position(|p| p.items.iter().any(|it| it.text() == Some("Nơi nhận:")))
                .unwrap();
            let text = doc.page_lines(page).join(" ");
            assert!(
                text.contains("Trên đây là Kế hoạch"),
                "extra {extra}: {text}"
            );
            assert!(text.contains("Trần Thị Mai") && text.contains("KT. GIÁM ĐỐC"));
            assert!(verify(&doc).is_empty(), "{:?}", verify(&doc));
        }
    }

    #[test]
    fn an_empty_plan_still_lays_out() {
        let mut plan = demo_plan(2027, "");
        plan.subtitle.clear();
        plan.bases.clear();
        plan.purposes.clear();
        plan.requirements.clear();
        plan.organisation.clear();
        plan.theme.clear();
        plan.slogan.clear();
        plan.movements.clear();
        plan.phases.clear();
        plan.economic_targets.clear();
        plan.title_targets.clear();
        plan.deadlines.clear();
        plan.recipients.clear();
        let doc = plan_document(&plan, &Organisation::default());
        assert_eq!(doc.pages.len(), 1, "{:#?}", doc.text_lines());
        assert!(doc.text_lines().iter().any(|l| l.contains("KẾ HOẠCH")));
        assert!(verify(&doc).is_empty(), "{:?}", verify(&doc));
    }
}
