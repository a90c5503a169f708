//! An award-list-like table of 5,000 rows laid out and rendered to PDF.
//! Run: cargo bench --bench doc_table (prints the file size once).

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use thidua::docs::blocks::{self, Signature};
use thidua::docs::layout::{Flow, Margins};
use thidua::docs::table::{Column, Row, Table};
use thidua::docs::{Align, LaidOut, render};
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
    let mut flow = Flow::new("Danh sách", Margins::default());
    blocks::header(
        &mut flow,
        &org,
        "3/QĐ-SCT",
        "Gia Lai, ngày 12 tháng 01 năm 2027",
    );
    blocks::list_heading(
        &mut flow,
        None,
        "Danh sách cá nhân đạt danh hiệu Lao động tiên tiến năm 2026",
        "Kèm theo Quyết định số 3/QĐ-SCT ngày 12 tháng 01 năm 2027 của Giám đốc Sở Công Thương",
    );
    let table = Table {
        columns: vec![
            Column::new("STT", 0.08, Align::Center),
            Column::new("Họ và tên", 0.30, Align::Left),
            Column::new("Chức vụ, đơn vị", 0.42, Align::Left),
            Column::new("Số tiền", 0.20, Align::Right),
        ],
        rows: (1..=rows)
            .map(|i| {
                Row::new(vec![
                    i.to_string(),
                    format!("Nguyễn Thị Ánh {i}"),
                    "Chuyên viên, Phòng Quản lý thương mại".into(),
                    "702.000".into(),
                ])
            })
            .collect(),
        size: 13.0,
    };
    table.place(&mut flow);
    blocks::closing(
        &mut flow,
        &["Như Điều 3".into(), "Lưu: VT, VP".into()],
        &Signature::director("Nguyễn Văn Hùng"),
    );
    flow.finish()
}

fn bench(c: &mut Criterion) {
    let doc = layout(5_000);
    let bytes = render(&doc, &mut |_, _| {}).unwrap();
    println!(
        "5,000-row list: {} pages, {} bytes ({:.0} KB)",
        doc.pages.len(),
        bytes.len(),
        bytes.len() as f64 / 1024.0
    );
    let mut group = c.benchmark_group("award list 5,000 rows");
    group.sample_size(10);
    group.bench_function("layout", |b| b.iter(|| black_box(layout(5_000))));
    group.bench_function("layout + render PDF", |b| {
        b.iter(|| black_box(render(&layout(5_000), &mut |_, _| {}).unwrap()))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
