//! The people list at 100,000 people: building the rows (keys), filtering and sorting, and
//! one frame's layout of the people table, headless: egui_extras lays out only the rows
//! that are visible, so a frame costs the same at 100 or 100,000 people.
//!
//! Run: cargo bench --bench people_list -- --warm-up-time 1 --measurement-time 3

use std::cell::Cell;
use std::hint::black_box;
use std::sync::Arc;

use chrono::NaiveDate;
use criterion::{Criterion, criterion_group, criterion_main};
use egui::{FontData, FontDefinitions, FontFamily, Sense};
use egui_extras::{Column, TableBuilder};
use thidua::app::ThiduaApp;
use thidua::demo::populate_large;
use thidua::domain::people_list::{ListQuery, PersonListRow, SortColumn, filter_and_sort};
use thidua::domain::settings::Organisation;
use thidua::domain::validate::format_opt_date;
use thidua::store::{PersonRow, Store};

const PEOPLE: usize = 100_000;
const ROW_HEIGHT: f32 = 22.0;

/// 100,000 generated people (the demo's name generator) in an in-memory database.
fn large_store() -> Store {
    let mut store = Store::open_in_memory().unwrap();
    populate_large(&mut store, PEOPLE, 0, &mut |_, _| {}).unwrap();
    store
        .set_organisation(&Organisation {
            parent_body: "UBND TỈNH GIA LAI".into(),
            body: "SỞ CÔNG THƯƠNG".into(),
            abbreviation: "SCT".into(),
            place: "Gia Lai".into(),
            director: "Nguyễn Văn Hùng".into(),
            deputies: vec!["Trần Thị Mai".into()],
        })
        .unwrap();
    store
}

fn key_rows(people: &[PersonRow]) -> Vec<PersonListRow> {
    people
        .iter()
        .map(|r| PersonListRow::new(&r.person, &r.unit_name, r.unit_order))
        .collect()
}

/// egui's default fonts lack most Vietnamese letters: Noto Sans first, as the app does.
fn vietnamese_fonts() -> FontDefinitions {
    let mut fonts = FontDefinitions::default();
    fonts.font_data.insert(
        "noto-sans".into(),
        Arc::new(FontData::from_static(include_bytes!(
            "../assets/fonts/NotoSans-Regular.ttf"
        ))),
    );
    fonts
        .families
        .entry(FontFamily::Proportional)
        .or_default()
        .insert(0, "noto-sans".into());
    fonts
}

fn screen() -> egui::RawInput {
    egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(1280.0, 800.0),
        )),
        ..Default::default()
    }
}

/// The people table as the app builds it; counts the rows whose cells were laid out.
fn people_table(
    ui: &mut egui::Ui,
    rows: &[PersonListRow],
    visible: &[usize],
    laid_out: &Cell<usize>,
) {
    ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Truncate);
    TableBuilder::new(ui)
        .id_salt("people-table")
        .striped(true)
        .sense(Sense::click())
        .column(Column::exact(48.0))
        .column(Column::initial(190.0).resizable(true).clip(true))
        .column(Column::exact(60.0))
        .column(Column::exact(88.0))
        .column(Column::initial(150.0).resizable(true).clip(true))
        .column(Column::initial(170.0).resizable(true).clip(true))
        .column(Column::remainder().at_least(90.0).clip(true))
        .header(26.0, |mut header| {
            for label in [
                "STT",
                "Họ và tên",
                "Giới tính",
                "Ngày sinh",
                "Chức vụ",
                "Đơn vị",
                "Tình trạng",
            ] {
                header.col(|ui| {
                    ui.strong(label);
                });
            }
        })
        .body(|body| {
            body.rows(ROW_HEIGHT, visible.len(), |mut row| {
                laid_out.set(laid_out.get() + 1);
                let n = row.index();
                let r = &rows[visible[n]];
                let p = &r.person;
                let cells = [
                    (n + 1).to_string(),
                    p.full_name.clone(),
                    p.gender.label().to_owned(),
                    format_opt_date(p.birth_date),
                    p.position.clone(),
                    r.unit_name.clone(),
                    p.status.label().to_owned(),
                ];
                for text in cells {
                    row.col(|ui| {
                        ui.add(egui::Label::new(text).truncate());
                    });
                }
            });
        });
}

fn bench(c: &mut Criterion) {
    let store = large_store();
    let people = store.people().unwrap();
    assert_eq!(people.len(), PEOPLE);

    c.bench_function("key 100k rows", |b| b.iter(|| black_box(key_rows(&people))));
    let rows = key_rows(&people);

    let queries = [
        ("filter+sort 100k: all, by unit", ListQuery::default()),
        (
            "filter+sort 100k: \"nguyen thi\", by name",
            ListQuery {
                search: "nguyen thi".into(),
                sort: SortColumn::Name,
                ..ListQuery::default()
            },
        ),
        (
            "filter+sort 100k: all, by name descending",
            ListQuery {
                sort: SortColumn::Name,
                ascending: false,
                ..ListQuery::default()
            },
        ),
    ];
    for (name, query) in &queries {
        let hits = filter_and_sort(&rows, query).len();
        eprintln!("{name}: {hits} rows");
        c.bench_function(name, |b| {
            b.iter(|| black_box(filter_and_sort(&rows, query)))
        });
    }

    // One frame of the table alone, headless, over all 100,000 rows.
    let visible = filter_and_sort(&rows, &ListQuery::default());
    let ctx = egui::Context::default();
    ctx.set_fonts(vietnamese_fonts());
    let laid_out = Cell::new(0);
    let mut table_frame = || {
        let output = ctx.run_ui(screen(), |ui| {
            egui::CentralPanel::default()
                .show(ui, |ui| people_table(ui, &rows, &visible, &laid_out));
        });
        black_box(output.shapes.len())
    };
    table_frame(); // fonts are loaded on the first frame
    laid_out.set(0);
    table_frame();
    eprintln!(
        "one table frame laid out {} of {} rows",
        laid_out.get(),
        visible.len()
    );
    assert!(laid_out.get() < 100, "only the visible rows are laid out");
    c.bench_function("people table frame, 100k rows", |b| {
        b.iter(&mut table_frame)
    });

    // One frame of the whole window on the people screen, as the app draws it.
    let mut app = ThiduaApp::new(
        large_store(),
        NaiveDate::from_ymd_opt(2026, 11, 22).unwrap(),
        false,
    );
    let ctx = egui::Context::default();
    thidua::ui::fonts::install(&ctx);
    let mut app_frame = || {
        let output = ctx.run_ui(screen(), |ui| app.frame(ui));
        black_box(output.shapes.len())
    };
    app_frame(); // the first frame filters and sorts once
    c.bench_function("app people screen frame, 100k people", |b| {
        b.iter(&mut app_frame)
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20);
    targets = bench
}
criterion_main!(benches);
