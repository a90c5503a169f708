//! Registration documents: a unit's "BẢN ĐĂNG KÝ THI ĐUA NĂM …", the Department's summary
//! of all registrations (landscape), and a cluster's covenant (giao ước thi đua).

use chrono::NaiveDate;

use super::blocks::{self, Signature, blank_date_line, date_line};
use super::flow::Flow;
use super::layout::{Align, LaidOut, Margins, Run, Style, plain};
use super::table::{Column, Row, Table};
use crate::domain::settings::Organisation;
use crate::domain::text::nfc;

/// One person's line: name, position, title registered, form registered.
#[derive(Debug, Clone, PartialEq)]
pub struct PersonLine {
    pub name: String,
    pub position: String,
    pub title: String,
    pub form: String,
    /// "Nghỉ hưu từ 15/06/2026".
    pub note: String,
}

/// A unit's registration as printed.
#[derive(Debug, Clone, PartialEq)]
pub struct UnitRegistration {
    pub year: i32,
    pub unit_name: String,
    /// "Kế hoạch số 5/KH-SCT ngày 10/01/2026 của Sở Công Thương", when there is one.
    pub plan_reference: Option<String>,
    pub collective_title: String,
    pub collective_form: String,
    pub commitment: Vec<String>,
    pub people: Vec<PersonLine>,
    pub sent_on: Option<NaiveDate>,
    pub head_title: String,
    pub head_name: String,
}

/// A cluster's covenant as printed.
#[derive(Debug, Clone, PartialEq)]
pub struct Covenant {
    pub year: i32,
    pub cluster_name: String,
    pub plan_reference: Option<String>,
    pub date: Option<NaiveDate>,
    pub content: Vec<String>,
    /// (unit name, head's position, head's name) of each member.
    pub members: Vec<(String, String, String)>,
}

fn or_none(text: &str) -> String {
    if text.trim().is_empty() {
        "Không đăng ký".into()
    } else {
        text.trim().into()
    }
}

fn unit_header(
    flow: &mut Flow,
    org: &Organisation,
    unit: &str,
    date: Option<NaiveDate>,
    year: i32,
) {
    let unit_org = Organisation {
        parent_body: org.body.clone(),
        body: unit.to_owned(),
        ..org.clone()
    };
    let date = match date {
        Some(d) => date_line(&org.place, d),
        None => blank_date_line(&org.place, year),
    };
    blocks::header(flow, &unit_org, "      /ĐK", &date);
}

fn people_table(people: &[PersonLine]) -> Table {
    let rows = people
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let name = if p.note.is_empty() {
                p.name.clone()
            } else {
                format!("{} ({})", p.name, p.note)
            };
            Row::new(vec![
                (i + 1).to_string(),
                name,
                p.position.clone(),
                p.title.clone(),
                p.form.clone(),
            ])
        })
        .collect();
    Table::new(
        vec![
            Column::mm("STT", 11.0, Align::Center),
            Column::new("Họ và tên", 3.0, Align::Left),
            Column::new("Chức vụ", 2.2, Align::Left),
            Column::new("Đăng ký danh hiệu thi đua", 2.4, Align::Center),
            Column::new("Đăng ký hình thức khen thưởng", 2.4, Align::Center),
        ],
        rows,
    )
}

/// "BẢN ĐĂNG KÝ THI ĐUA NĂM 2026" of one unit.
pub fn unit_form(r: &UnitRegistration, org: &Organisation) -> LaidOut {
    let unit = nfc(r.unit_name.trim());
    let mut flow = Flow::new(
        &format!("Bản đăng ký thi đua năm {} – {unit}", r.year),
        Margins::default(),
    );
    unit_header(&mut flow, org, &unit, r.sent_on, r.year);
    blocks::title(
        &mut flow,
        &format!("BẢN ĐĂNG KÝ THI ĐUA NĂM {}", r.year),
        "",
    );
    flow.paragraph(
        &plain("Kính gửi: Hội đồng Thi đua - Khen thưởng Sở Công Thương"),
        &Style {
            space_after: 8.0,
            ..Style::centered(14.0)
        },
    );
    let body = Style::body();
    let basis = match &r.plan_reference {
        Some(p) => format!(
            "Căn cứ {p} về việc phát động phong trào thi đua năm {},",
            r.year
        ),
        None => format!(
            "Căn cứ phong trào thi đua năm {} của Sở Công Thương,",
            r.year
        ),
    };
    flow.paragraph(&plain(basis), &body);
    flow.paragraph(
        &plain(format!("{unit} đăng ký thi đua năm {} như sau:", r.year)),
        &body,
    );
    blocks::heading(&mut flow, "1. Đăng ký của tập thể");
    flow.item(
        "-",
        &[
            Run::regular("Danh hiệu thi đua: "),
            Run::bold(or_none(&r.collective_title)),
        ],
        &body,
    );
    flow.item(
        "-",
        &[
            Run::regular("Hình thức khen thưởng: "),
            Run::bold(or_none(&r.collective_form)),
        ],
        &body,
    );
    blocks::heading(&mut flow, "2. Đăng ký của cá nhân");
    if r.people.is_empty() {
        flow.paragraph(&plain("Đơn vị chưa đăng ký cho cá nhân nào."), &body);
    } else {
        people_table(&r.people).place(&mut flow);
        flow.space(6.0);
        flow.paragraph(&plain(totals_sentence(&r.people)), &body);
    }
    if !r.commitment.is_empty() {
        blocks::heading(&mut flow, "3. Nội dung đăng ký, giao ước thi đua");
        for line in &r.commitment {
            flow.item(
                "-",
                &plain(line.trim().trim_start_matches('-').trim()),
                &body,
            );
        }
    }
    blocks::closing(
        &mut flow,
        &[
            "Hội đồng Thi đua - Khen thưởng Sở (qua Văn phòng Sở)".into(),
            "Lưu: đơn vị".into(),
        ],
        &Signature {
            mark: String::new(),
            title: r.head_title.clone(),
            name: r.head_name.clone(),
        },
    );
    flow.finish()
}

/// "Tổng số 12 người; đăng ký Lao động tiên tiến: 10, Chiến sĩ thi đua cơ sở: 2."
pub fn totals_sentence(people: &[PersonLine]) -> String {
    let mut counts: Vec<(String, usize)> = Vec::new();
    for p in people.iter().filter(|p| !p.title.trim().is_empty()) {
        match counts.iter_mut().find(|(t, _)| *t == p.title) {
            Some((_, n)) => *n += 1,
            None => counts.push((p.title.clone(), 1)),
        }
    }
    let parts: Vec<String> = counts.iter().map(|(t, n)| format!("{t}: {n}")).collect();
    if parts.is_empty() {
        format!("Tổng số {} người; chưa có đăng ký danh hiệu.", people.len())
    } else {
        format!(
            "Tổng số {} người; đăng ký {}.",
            people.len(),
            parts.join(", ")
        )
    }
}

/// One unit in the Department's summary.
#[derive(Debug, Clone, PartialEq)]
pub struct SummaryGroup {
    pub unit_name: String,
    pub status: String,
    pub collective_title: String,
    pub collective_form: String,
    pub people: Vec<PersonLine>,
}

/// The Department's summary list of all registrations: grouped by unit in official order,
/// totals per title, on landscape pages.
pub fn summary(
    year: i32,
    groups: &[SummaryGroup],
    org: &Organisation,
    today: NaiveDate,
) -> LaidOut {
    let mut flow = Flow::new(
        &format!("Tổng hợp đăng ký thi đua năm {year}"),
        Margins::default(),
    );
    flow.set_landscape(true);
    blocks::header(
        &mut flow,
        org,
        "      /TH-VP",
        &date_line(&org.place, today),
    );
    blocks::title(
        &mut flow,
        &format!("TỔNG HỢP ĐĂNG KÝ THI ĐUA NĂM {year}"),
        "",
    );
    let mut rows = Vec::new();
    let mut totals: Vec<(String, usize)> = Vec::new();
    let mut count = |title: &str| {
        if title.trim().is_empty() {
            return;
        }
        match totals.iter_mut().find(|(t, _)| t == title) {
            Some((_, n)) => *n += 1,
            None => totals.push((title.to_owned(), 1)),
        }
    };
    for (i, g) in groups.iter().enumerate() {
        rows.push(Row::group(&format!(
            "{}. {} ({})",
            roman(i + 1),
            g.unit_name,
            g.status
        )));
        let has_collective = !(g.collective_title.is_empty() && g.collective_form.is_empty());
        if has_collective {
            rows.push(Row::new(vec![
                String::new(),
                format!("Tập thể {}", g.unit_name),
                String::new(),
                g.collective_title.clone(),
                g.collective_form.clone(),
                String::new(),
            ]));
        }
        count(&g.collective_title);
        for (j, p) in g.people.iter().enumerate() {
            count(&p.title);
            rows.push(Row::new(vec![
                (j + 1).to_string(),
                p.name.clone(),
                p.position.clone(),
                p.title.clone(),
                p.form.clone(),
                p.note.clone(),
            ]));
        }
    }
    for (title, n) in &totals {
        rows.push(Row::total(vec![
            String::new(),
            format!("Tổng cộng {title}"),
            String::new(),
            n.to_string(),
            String::new(),
            String::new(),
        ]));
    }
    Table::new(
        vec![
            Column::mm("STT", 12.0, Align::Center),
            Column::new("Họ và tên / Tên tập thể", 3.0, Align::Left),
            Column::new("Chức vụ", 2.2, Align::Left),
            Column::new("Đăng ký danh hiệu thi đua", 2.4, Align::Center),
            Column::new("Đăng ký hình thức khen thưởng", 2.4, Align::Center),
            Column::new("Ghi chú", 1.6, Align::Left),
        ],
        rows,
    )
    .place(&mut flow);
    blocks::closing(
        &mut flow,
        &[
            "Hội đồng Thi đua - Khen thưởng Sở".into(),
            "Lưu: VT, VP".into(),
        ],
        &Signature {
            mark: String::new(),
            title: "NGƯỜI LẬP BIỂU".into(),
            name: String::new(),
        },
    );
    flow.finish()
}

/// I, II, III … for the unit groups.
pub fn roman(n: usize) -> String {
    const TABLE: [(usize, &str); 9] = [
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut n = n;
    let mut s = String::new();
    for (value, letters) in TABLE {
        while n >= value {
            s.push_str(letters);
            n -= value;
        }
    }
    s
}

/// A cluster's covenant: the members, the commitments, and every head's signature.
pub fn covenant(c: &Covenant, org: &Organisation) -> LaidOut {
    let name = nfc(c.cluster_name.trim());
    let mut flow = Flow::new(
        &format!("Giao ước thi đua năm {} – {name}", c.year),
        Margins::default(),
    );
    let date = match c.date {
        Some(d) => date_line(&org.place, d),
        None => blank_date_line(&org.place, c.year),
    };
    blocks::header(&mut flow, org, "      /GƯTĐ", &date);
    blocks::title(
        &mut flow,
        &format!("GIAO ƯỚC THI ĐUA NĂM {}", c.year),
        &name,
    );
    let body = Style::body();
    let basis = match &c.plan_reference {
        Some(p) => format!(
            "Thực hiện {p} về việc phát động phong trào thi đua năm {},",
            c.year
        ),
        None => format!(
            "Thực hiện phong trào thi đua năm {} của Sở Công Thương,",
            c.year
        ),
    };
    flow.paragraph(&plain(basis), &body);
    flow.paragraph(&plain(format!("Các đơn vị trong {name} gồm:")), &body);
    for (unit, _, _) in &c.members {
        flow.item("-", &plain(unit), &body);
    }
    flow.paragraph(
        &plain("thống nhất ký kết giao ước thi đua với những nội dung sau:"),
        &body,
    );
    for (i, line) in c.content.iter().enumerate() {
        flow.item(&format!("{}.", i + 1), &plain(line.trim()), &body);
    }
    flow.paragraph(
        &plain("Các đơn vị cam kết thực hiện nghiêm túc nội dung giao ước; cuối năm tự đánh giá, chấm điểm và báo cáo Hội đồng Thi đua - Khen thưởng Sở."),
        &body,
    );
    signature_grid(&mut flow, &c.members);
    flow.finish()
}

/// Heads' signatures, two per row, each pair kept on one page.
fn signature_grid(flow: &mut Flow, members: &[(String, String, String)]) {
    let style = Style {
        leading: 1.2,
        ..Style::centered(13.0)
    };
    let half = flow.content_width() / 2.0;
    for pair in members.chunks(2) {
        flow.keep_together(|f| {
            f.y += 12.0;
            let top = f.y;
            let mut bottom = top;
            for (k, (unit, position, head)) in pair.iter().enumerate() {
                let x = f.left() + half * k as f32;
                let mut y =
                    f.block_at(&[Run::bold(nfc(unit).to_uppercase())], &style, x, half, top);
                y = f.block_at(
                    &[Run::bold(nfc(position).to_uppercase())],
                    &style,
                    x,
                    half,
                    y,
                );
                y += 24.0 * super::layout::MM;
                y = f.block_at(&[Run::bold(head)], &style, x, half, y);
                bottom = bottom.max(y);
            }
            if bottom > f.limit() {
                f.new_page();
            } else {
                f.y = bottom;
            }
        });
    }
}
