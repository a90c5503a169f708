//! An award-list-like table of 5,000 rows (STT | Họ và tên | Chức vụ, đơn vị | Số tiền)
//! laid out and rendered to PDF.
//! Run: cargo bench --bench doc_table (prints the page count and file size once).

use std::hint::black_box;

use chrono::NaiveDate;
use criterion::{Criterion, criterion_group, criterion_main};
use thidua::docs::blocks::{self, Signature, attached_to, date_line, document_number};
use thidua::docs::{Align, Column, Flow, LaidOut, Margins, Row, Table, render_pdf};
use thidua::domain::settings::Organisation;

fn layout(rows: usize) -> LaidOut {
    let org = Organisation {
        parent_body: "UBND TỈNH GIA LAI".into(),
        body: "SỞ CÔNG THƯƠNG".into(),
        abbreviation: "SCT".into(),
        place: "Gia Lai".into(),
        director: "Nguyễn Văn Hùng".into(),
        deputies: vec![],
    };
    let date = NaiveDate::from_ymd_opt(2027, 1, 12);
    let number = document_number(Some(3), "QĐ", "SCT");
    let mut flow = Flow::new("Danh sách", Margins::default());
    blocks::header(
        &mut flow,
        &org,
        &number,
        &date.map(|d| date_line("Gia Lai", d)).unwrap_or_default(),
    );
    blocks::list_heading(
        &mut flow,
        None,
        "Danh sách cá nhân đạt danh hiệu Lao động tiên tiến năm 2026",
        &attached_to("Quyết định", &number, date, "Giám đốc Sở Công Thương"),
    );
    let mut body: Vec<Row> = (1..=rows)
        .map(|i| {
            Row::new(vec![
                i.to_string(),
                format!("Nguyễn Thị Ánh {i}"),
                if i % 10 == 0 {
                    "Phó Trưởng phòng Quản lý thương mại, phụ trách xúc tiến thương mại".into()
                } else {
                    "Chuyên viên, Phòng Quản lý thương mại".into()
                },
                "702.000".into(),
            ])
        })
        .collect();
    body.push(Row::total(vec![
        String::new(),
        "Tổng cộng".into(),
        String::new(),
        format!("{} đồng", rows * 702),
    ]));
    Table::new(
        vec![
            Column::mm("STT", 14.0, Align::Center),
            Column::new("Họ và tên", 0.32, Align::Left),
            Column::new("Chức vụ, đơn vị", 0.45, Align::Left),
            Column::new("Số tiền", 0.23, Align::Right),
        ],
        body,
    )
    .place(&mut flow);
    blocks::closing(
        &mut flow,
        &["Như Điều 3".into(), "Lưu: VT, VP".into()],
        &Signature::director("Nguyễn Văn Hùng"),
    );
    flow.finish()
}

/// The real decision paper (QUYẾT ĐỊNH and its DANH SÁCH) with 5,000 subjects.
fn decision_paper(rows: usize) -> thidua::docs::decision::DecisionPaper {
    use thidua::docs::decision::{DecisionPaper, ListGroup, ListLine};
    DecisionPaper {
        year: 2026,
        number: Some("3/QĐ-SCT".into()),
        issued_on: NaiveDate::from_ymd_opt(2027, 1, 12),
        subject_line: "Về việc công nhận danh hiệu Lao động tiên tiến năm 2026".into(),
        bases: vec!["Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;".into()],
        executors: "Chánh Văn phòng Sở và các cá nhân có tên tại Điều 1".into(),
        fund: "Quỹ thi đua, khen thưởng".into(),
        recipients: vec!["Như Điều 3".into(), "Lưu: VT, VP".into()],
        signer_mode: thidua::domain::plan::SignerMode::Director,
        signer_name: "Nguyễn Văn Hùng".into(),
        groups: vec![ListGroup {
            title: "Lao động tiên tiến".into(),
            collective: false,
            lines: (1..=rows)
                .map(|i| ListLine {
                    name: format!("Nguyễn Thị Ánh {i}"),
                    position_unit: "Chuyên viên, Phòng Quản lý thương mại".into(),
                    amount: Some(702_000),
                })
                .collect(),
        }],
        amends: None,
        cancels: false,
    }
}

fn bench(c: &mut Criterion) {
    let org = Organisation {
        parent_body: "UBND TỈNH GIA LAI".into(),
        body: "SỞ CÔNG THƯƠNG".into(),
        abbreviation: "SCT".into(),
        place: "Gia Lai".into(),
        director: "Nguyễn Văn Hùng".into(),
        deputies: vec![],
    };
    let paper = decision_paper(5_000);
    let decision = thidua::docs::decision::decision(&paper, &org);
    let decision_bytes = render_pdf(&decision).expect("the decision renders");
    println!(
        "decision with a 5,000-row list: {} pages, {} bytes ({:.0} KB)",
        decision.pages.len(),
        decision_bytes.len(),
        decision_bytes.len() as f64 / 1024.0
    );
    let mut group = c.benchmark_group("decision 5,000 rows");
    group.sample_size(10);
    group.bench_function("layout and render", |b| {
        b.iter(|| {
            black_box(render_pdf(&thidua::docs::decision::decision(&paper, &org)).expect("renders"))
        })
    });
    group.finish();

    let doc = layout(5_000);
    let bytes = render_pdf(&doc).expect("the list renders");
    println!(
        "5,000-row list: {} pages, {} bytes ({:.0} KB)",
        doc.pages.len(),
        bytes.len(),
        bytes.len() as f64 / 1024.0
    );
    let mut group = c.benchmark_group("award list 5,000 rows");
    group.sample_size(10);
    group.bench_function("layout", |b| b.iter(|| black_box(layout(5_000))));
    group.bench_function("render PDF", |b| {
        b.iter(|| black_box(render_pdf(&doc).expect("the list renders")))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
