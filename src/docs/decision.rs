//! The award decision (QUYẾT ĐỊNH) and its attached list (DANH SÁCH …): grouped by title or
//! form, with amounts, totals per group and overall, and the total in words.

use chrono::NaiveDate;

use super::blocks::{self, Signature, attached_to, blank_date_line, date_line};
use super::council::concat;
use super::flow::Flow;
use super::layout::{Align, LaidOut, Margins, Run, Style};
use super::table::{Column, Row, Table};
use crate::domain::money::amount_in_words;
use crate::domain::plan::SignerMode;
use crate::domain::settings::Organisation;
use crate::domain::text::group_thousands;

/// One line of the list.
#[derive(Debug, Clone, PartialEq)]
pub struct ListLine {
    pub name: String,
    pub position_unit: String,
    pub amount: Option<i64>,
}

/// The subjects of one title or form, in the decision's order.
#[derive(Debug, Clone, PartialEq)]
pub struct ListGroup {
    pub title: String,
    pub collective: bool,
    pub lines: Vec<ListLine>,
}

/// What the decision prints.
#[derive(Debug, Clone, PartialEq)]
pub struct DecisionPaper {
    pub year: i32,
    pub number: Option<String>,
    pub issued_on: Option<NaiveDate>,
    pub subject_line: String,
    pub bases: Vec<String>,
    pub executors: String,
    pub fund: String,
    pub recipients: Vec<String>,
    pub signer_mode: SignerMode,
    pub signer_name: String,
    pub groups: Vec<ListGroup>,
    /// The decision it amends or cancels: "Quyết định số 2/QĐ-SCT ngày 12/01/2027".
    pub amends: Option<String>,
    pub cancels: bool,
}

impl DecisionPaper {
    pub fn total(&self) -> i64 {
        self.groups
            .iter()
            .flat_map(|g| &g.lines)
            .filter_map(|l| l.amount)
            .sum()
    }

    fn has_money(&self) -> bool {
        self.groups
            .iter()
            .flat_map(|g| &g.lines)
            .any(|l| l.amount.is_some())
    }
}

fn money(n: i64) -> String {
    group_thousands(n)
}

/// "12 cá nhân", "3 tập thể".
fn count(n: usize, collective: bool) -> String {
    format!(
        "{n} {}",
        if collective {
            "tập thể"
        } else {
            "cá nhân"
        }
    )
}

/// Lay out the decision and its list.
pub fn decision(p: &DecisionPaper, org: &Organisation) -> LaidOut {
    let number = p
        .number
        .clone()
        .unwrap_or_else(|| format!("      /QĐ-{}", org.abbreviation));
    let date = match p.issued_on {
        Some(d) => date_line(&org.place, d),
        None => blank_date_line(&org.place, p.year + 1),
    };
    let mut flow = Flow::new(
        &format!("Quyết định {}", p.subject_line),
        Margins::default(),
    );
    blocks::header(&mut flow, org, &number, &date);
    blocks::title(&mut flow, "QUYẾT ĐỊNH", p.subject_line.trim());
    blocks::decision_authority(&mut flow, org);
    let body = Style::body();
    for b in p.bases.iter().filter(|b| !b.trim().is_empty()) {
        flow.paragraph(&[Run::italic(b.trim())], &body);
    }
    flow.paragraph(
        &[Run::italic(
            "Theo đề nghị của Chánh Văn phòng Sở (Thường trực Hội đồng Thi đua - Khen thưởng Sở).",
        )],
        &body,
    );
    flow.paragraph(
        &[Run::bold("QUYẾT ĐỊNH:")],
        &Style {
            space_after: 6.0,
            ..Style::centered(14.0)
        },
    );
    if p.cancels {
        let what = p.amends.clone().unwrap_or_default();
        flow.paragraph(
            &[
                Run::bold("Điều 1. "),
                Run::regular(format!("Hủy bỏ {what}.")),
            ],
            &body,
        );
    } else {
        let persons: usize = p
            .groups
            .iter()
            .filter(|g| !g.collective)
            .map(|g| g.lines.len())
            .sum();
        let collectives: usize = p
            .groups
            .iter()
            .filter(|g| g.collective)
            .map(|g| g.lines.len())
            .sum();
        // One form given to collectives and to individuals is named once.
        let mut titles: Vec<String> = Vec::new();
        for g in &p.groups {
            if !titles.contains(&g.title) {
                titles.push(g.title.clone());
            }
        }
        let mut who = Vec::new();
        if collectives > 0 {
            who.push(format!("{collectives:02} tập thể"));
        }
        if persons > 0 {
            who.push(format!("{persons:02} cá nhân"));
        }
        let amends = p
            .amends
            .as_ref()
            .map(|a| format!(" (sửa đổi {a})"))
            .unwrap_or_default();
        flow.paragraph(
            &[
                Run::bold("Điều 1. "),
                Run::regular(format!(
                    "Tặng {} năm {} cho {}{amends} (có danh sách kèm theo).",
                    titles.join(", "),
                    p.year,
                    who.join(" và ")
                )),
            ],
            &body,
        );
        if p.has_money() {
            let total = p.total();
            flow.paragraph(
                &[
                    Run::bold("Điều 2. "),
                    Run::regular(format!(
                        "Kèm theo danh hiệu, hình thức khen thưởng được tiền thưởng theo quy định. Tổng số tiền: {} đồng (Bằng chữ: {}); nguồn chi từ {}.",
                        money(total),
                        amount_in_words(total),
                        p.fund.trim()
                    )),
                ],
                &body,
            );
        } else {
            flow.paragraph(
                &[
                    Run::bold("Điều 2. "),
                    Run::regular("Quyết định có hiệu lực kể từ ngày ký."),
                ],
                &body,
            );
        }
    }
    flow.paragraph(
        &[
            Run::bold("Điều 3. "),
            Run::regular(format!(
                "{} chịu trách nhiệm thi hành Quyết định này./.",
                p.executors.trim()
            )),
        ],
        &body,
    );
    let signature = match p.signer_mode {
        SignerMode::Director => Signature::director(&p.signer_name),
        SignerMode::Deputy => Signature::deputy(&p.signer_name),
    };
    blocks::closing(&mut flow, &p.recipients, &signature);
    let main = flow.finish();
    if p.cancels || p.groups.is_empty() {
        return main;
    }
    concat(
        &format!("Quyết định {}", p.subject_line),
        vec![main, list(p, &number)],
    )
}

/// "DANH SÁCH …" kèm theo the decision.
pub fn list(p: &DecisionPaper, number: &str) -> LaidOut {
    let mut flow = Flow::new("Danh sách kèm theo quyết định", Margins::default());
    let title = if p.groups.len() == 1 {
        format!(
            "DANH SÁCH {} NĂM {}",
            p.groups[0].title.to_uppercase(),
            p.year
        )
    } else {
        format!("DANH SÁCH TẬP THỂ, CÁ NHÂN ĐƯỢC KHEN THƯỞNG NĂM {}", p.year)
    };
    blocks::list_heading(
        &mut flow,
        None,
        &title,
        &attached_to("Quyết định", number, p.issued_on, "Giám đốc Sở Công Thương"),
    );
    let with_money = p.has_money();
    let mut rows = Vec::new();
    let mut n = 0;
    for (i, g) in p.groups.iter().enumerate() {
        // Two groups of one form (collectives, individuals) say which is which.
        let twin = p.groups.iter().filter(|o| o.title == g.title).count() > 1;
        let who = if g.collective {
            "tập thể"
        } else {
            "cá nhân"
        };
        rows.push(Row::group(&format!(
            "{}. {}{}",
            super::registration::roman(i + 1),
            g.title,
            if twin {
                format!(" ({who})")
            } else {
                String::new()
            }
        )));
        let mut subtotal = 0;
        for l in &g.lines {
            n += 1;
            subtotal += l.amount.unwrap_or(0);
            let mut cells = vec![n.to_string(), l.name.clone(), l.position_unit.clone()];
            if with_money {
                cells.push(l.amount.map(money).unwrap_or_default());
            }
            rows.push(Row::new(cells));
        }
        // Each group ends with its count, and its money where money applies.
        let mut cells = vec![
            String::new(),
            format!("Cộng ({})", count(g.lines.len(), g.collective)),
            String::new(),
        ];
        if with_money {
            cells.push(money(subtotal));
        }
        rows.push(Row::total(cells));
    }
    if with_money {
        rows.push(Row::total(vec![
            String::new(),
            "TỔNG CỘNG".into(),
            String::new(),
            money(p.total()),
        ]));
    } else {
        let of = |collective: bool| -> usize {
            p.groups
                .iter()
                .filter(|g| g.collective == collective)
                .map(|g| g.lines.len())
                .sum()
        };
        let parts: Vec<String> = [(of(true), true), (of(false), false)]
            .into_iter()
            .filter(|(n, _)| *n > 0)
            .map(|(n, collective)| count(n, collective))
            .collect();
        rows.push(Row::total(vec![
            String::new(),
            format!("TỔNG CỘNG ({})", parts.join(", ")),
            String::new(),
        ]));
    }
    let mut columns = vec![
        Column::mm("STT", 12.0, Align::Center),
        Column::new("Họ và tên / Tên tập thể", 2.4, Align::Left),
        Column::new("Chức vụ, đơn vị", 2.8, Align::Left),
    ];
    if with_money {
        columns.push(Column::mm("Số tiền (đồng)", 30.0, Align::Right));
    }
    Table::new(columns, rows).place(&mut flow);
    if with_money {
        flow.space(6.0);
        flow.paragraph(
            &[Run::italic(format!(
                "Bằng chữ: {}.",
                amount_in_words(p.total())
            ))],
            &Style::body(),
        );
    }
    flow.finish()
}
