//! Period reports: "BÁO CÁO Tổng hợp kết quả khen thưởng giai đoạn 2022–2026" (the tally
//! by title and form, then the awards of each year by level) and "BÁO CÁO Kết quả thực
//! hiện chỉ tiêu thi đua năm 2026" (results against the plan's targets, for the Department
//! and each unit).

use chrono::NaiveDate;

use super::blocks::{self, Signature, date_line};
use super::flow::Flow;
use super::layout::{Align, LaidOut, Margins, Style, plain};
use super::table::{Column, Row, Table};
use crate::domain::model::AwardLevel;
use crate::domain::plan::format_percent;
use crate::domain::report_results::{TargetResult, UnitResults};
use crate::domain::report_tally::{Tally, YearLevels, count_cell};
use crate::domain::settings::Organisation;

/// "Tổng hợp kết quả khen thưởng giai đoạn 2022–2026" ("… năm 2026" for one year).
pub fn tally_subtitle(tally: &Tally) -> String {
    if tally.from == tally.to {
        format!("Tổng hợp kết quả khen thưởng năm {}", tally.from)
    } else {
        format!("Tổng hợp kết quả khen thưởng giai đoạn {}", tally.period())
    }
}

/// "SỞ CÔNG THƯƠNG" as it reads inside a sentence: "Sở Công Thương".
pub fn body_name(org: &Organisation) -> String {
    crate::domain::text::nfc(org.body.trim())
        .to_lowercase()
        .split_whitespace()
        .map(|w| {
            let mut c = w.chars();
            c.next()
                .map(|f| f.to_uppercase().chain(c).collect::<String>())
                .unwrap_or_default()
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn recipients() -> Vec<String> {
    vec![
        "Sở Nội vụ (Ban Thi đua - Khen thưởng tỉnh)".into(),
        "Giám đốc, các Phó Giám đốc Sở".into(),
        "Lưu: VT, VP".into(),
    ]
}

fn start(title: &str, org: &Organisation, today: NaiveDate) -> Flow {
    let mut flow = Flow::new(title, Margins::default());
    let number = blocks::document_number(None, "BC", &org.abbreviation);
    blocks::header(&mut flow, org, &number, &date_line(&org.place, today));
    flow
}

/// The tally table: STT | Danh hiệu, hình thức | Tập thể | Cá nhân, with the totals.
pub fn tally_table(tally: &Tally) -> Table {
    let mut rows: Vec<Row> = tally
        .lines
        .iter()
        .enumerate()
        .map(|(i, l)| {
            Row::new(vec![
                (i + 1).to_string(),
                l.name.clone(),
                count_cell(l.collectives),
                count_cell(l.individuals),
            ])
        })
        .collect();
    rows.push(Row::total(vec![
        String::new(),
        "Tổng cộng".into(),
        count_cell(tally.total_collectives()),
        count_cell(tally.total_individuals()),
    ]));
    Table::new(
        vec![
            Column::mm("STT", 12.0, Align::Center),
            Column::new("Danh hiệu, hình thức", 4.0, Align::Left),
            Column::new("Tập thể", 1.0, Align::Center),
            Column::new("Cá nhân", 1.0, Align::Center),
        ],
        rows,
    )
}

/// Năm | Cấp Sở | Cấp tỉnh | Cấp Bộ | Cấp Nhà nước | Tổng.
pub fn levels_table(years: &[YearLevels]) -> Table {
    let mut columns = vec![Column::mm("Năm", 18.0, Align::Center)];
    for level in AwardLevel::ALL {
        columns.push(Column::new(level.label(), 1.0, Align::Center));
    }
    columns.push(Column::new("Tổng", 1.0, Align::Center));
    let mut rows = Vec::new();
    let mut sums = vec![0; AwardLevel::ALL.len()];
    for y in years {
        let mut cells = vec![y.year.to_string()];
        for (i, level) in AwardLevel::ALL.iter().enumerate() {
            sums[i] += y.count(*level);
            cells.push(count_cell(y.count(*level)));
        }
        cells.push(count_cell(y.total()));
        rows.push(Row::new(cells));
    }
    let mut total = vec!["Cộng".to_owned()];
    total.extend(sums.iter().map(|n| count_cell(*n)));
    total.push(count_cell(sums.iter().sum()));
    rows.push(Row::total(total));
    Table::new(columns, rows)
}

/// "BÁO CÁO Tổng hợp kết quả khen thưởng giai đoạn 2022–2026".
pub fn tally_report(
    tally: &Tally,
    years: &[YearLevels],
    org: &Organisation,
    today: NaiveDate,
) -> LaidOut {
    let subtitle = tally_subtitle(tally);
    let mut flow = start(&subtitle, org, today);
    blocks::title(&mut flow, "BÁO CÁO", &subtitle);
    let body = Style::body();
    let period = if tally.from == tally.to {
        format!("năm {}", tally.from)
    } else {
        format!("giai đoạn {}", tally.period())
    };
    flow.paragraph(
        &plain(format!(
            "{} báo cáo kết quả khen thưởng {period} (theo các quyết định khen thưởng của Giám đốc Sở và của cấp trên), như sau:",
            body_name(org)
        )),
        &body,
    );
    blocks::heading(
        &mut flow,
        "1. Kết quả theo danh hiệu, hình thức khen thưởng",
    );
    if tally.lines.is_empty() {
        flow.paragraph(
            &plain(format!("Không có khen thưởng nào trong {period}.")),
            &body,
        );
    } else {
        flow.paragraph(&plain(format!("{}.", tally.sentence())), &body);
        tally_table(tally).place(&mut flow);
        flow.space(6.0);
    }
    blocks::heading(&mut flow, "2. Số lượt khen thưởng theo năm và theo cấp");
    levels_table(years).place(&mut flow);
    flow.space(6.0);
    blocks::closing(
        &mut flow,
        &recipients(),
        &Signature::director(&org.director),
    );
    flow.finish()
}

fn result_cells(stt: String, r: &TargetResult) -> Vec<String> {
    vec![
        stt,
        r.title_name.clone(),
        format_percent(r.target_percent),
        format!("{}/{}", r.achieved, r.total),
        r.percent_text(),
        r.verdict().into(),
    ]
}

/// "BÁO CÁO Kết quả thực hiện chỉ tiêu thi đua năm 2026": the Department, then each unit.
pub fn results_report(
    year: i32,
    department: &[TargetResult],
    units: &[UnitResults],
    org: &Organisation,
    today: NaiveDate,
) -> LaidOut {
    let subtitle = format!("Kết quả thực hiện chỉ tiêu thi đua năm {year}");
    let mut flow = start(&subtitle, org, today);
    blocks::title(&mut flow, "BÁO CÁO", &subtitle);
    let body = Style::body();
    if department.is_empty() {
        flow.paragraph(
            &plain(format!(
                "Kế hoạch thi đua năm {year} chưa có chỉ tiêu danh hiệu nên không có kết quả để đối chiếu."
            )),
            &body,
        );
    } else {
        flow.paragraph(
            &plain(format!(
                "Đối chiếu danh hiệu thi đua đã được công nhận, tặng thưởng năm {year} với chỉ tiêu của Kế hoạch phát động phong trào thi đua năm {year}, kết quả như sau:"
            )),
            &body,
        );
        let mut rows = vec![Row::group("Toàn Sở")];
        for (i, r) in department.iter().enumerate() {
            rows.push(Row::new(result_cells((i + 1).to_string(), r)));
        }
        for (k, u) in units.iter().enumerate() {
            rows.push(Row::group(&format!(
                "{}. {}",
                super::registration::roman(k + 1),
                u.unit_name
            )));
            for (i, r) in u.lines.iter().filter(|r| r.total > 0).enumerate() {
                rows.push(Row::new(result_cells((i + 1).to_string(), r)));
            }
        }
        Table::new(
            vec![
                Column::mm("STT", 12.0, Align::Center),
                Column::new("Danh hiệu", 3.0, Align::Left),
                Column::new("Chỉ tiêu", 1.1, Align::Center),
                Column::new("Đạt được", 1.2, Align::Center),
                Column::new("Tỷ lệ", 1.1, Align::Center),
                Column::new("Kết quả", 1.3, Align::Center),
            ],
            rows,
        )
        .place(&mut flow);
        flow.space(6.0);
        let missed: Vec<String> = department
            .iter()
            .filter(|r| r.verdict() == "Chưa đạt")
            .map(|r| r.title_name.clone())
            .collect();
        let closing = if missed.is_empty() {
            "Toàn Sở đạt tất cả các chỉ tiêu danh hiệu thi đua của năm.".to_owned()
        } else {
            format!("Chỉ tiêu chưa đạt: {}.", missed.join(", "))
        };
        flow.paragraph(&plain(closing), &body);
    }
    blocks::closing(
        &mut flow,
        &recipients(),
        &Signature::director(&org.director),
    );
    flow.finish()
}
