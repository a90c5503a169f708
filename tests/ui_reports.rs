//! The reports screen driven through the real window code on the demo database: the
//! five-year tally is shown, a shorter range changes it, the results year shows its plan's
//! targets, and the tally is saved as .xlsx through the file picker.

mod common;

use std::path::PathBuf;
use std::sync::Arc;

use chrono::NaiveDate;
use common::{choose, finish_jobs};

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use thidua::app::ThiduaApp;
use thidua::app::jobs::FilePicker;
use thidua::store::Store;

struct SaveTo(PathBuf);

impl FilePicker for SaveTo {
    fn pick_open(&self, _: &str, _: &str, _: &[&str]) -> Option<PathBuf> {
        None
    }
    fn pick_save(&self, _: &str, _: &str, _: &str, _: &[&str]) -> Option<PathBuf> {
        Some(self.0.clone())
    }
    fn pick_folder(&self, _: &str) -> Option<PathBuf> {
        None
    }
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()
}

fn harness(app: ThiduaApp) -> Harness<'static, ThiduaApp> {
    Harness::builder()
        .with_size([1400.0, 1000.0])
        .with_context_setup(thidua::ui::fonts::install)
        .build_ui_state(|ui, app: &mut ThiduaApp| app.frame(ui), app)
}

#[test]
fn the_tally_follows_the_range_and_saves_as_xlsx() {
    let mut store = Store::open_in_memory().unwrap();
    thidua::demo::populate_demo(&mut store, today()).unwrap();
    let five_years = store.period_report(2021, 2025).unwrap().tally;
    let last_year = store.period_report(2025, 2025).unwrap().tally;
    assert_ne!(five_years, last_year);
    let results = store.year_results(2025).unwrap();
    let ldtt = &results.department[0];
    let ratio = format!("{}/{}", ldtt.achieved, ldtt.total);
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("tổng hợp.xlsx");
    let app = ThiduaApp::with_file_picker(store, today(), true, Arc::new(SaveTo(out.clone())));
    let mut h = harness(app);
    h.get_by_label("Báo cáo, thống kê").click();
    h.run();
    let sentence = |t: &thidua::domain::report_tally::Tally| format!("{}.", t.sentence());
    assert!(
        h.query_by_label(&sentence(&five_years)).is_some(),
        "the five years' tally is shown: {}",
        sentence(&five_years)
    );
    let total = thidua::domain::report_tally::two_digits(five_years.total_individuals());
    assert!(h.query_by_label(&total).is_some(), "the total {total}");

    choose(&mut h, "Từ năm:", "2025");
    assert!(h.query_by_label(&sentence(&last_year)).is_some());
    assert!(h.query_by_label(&sentence(&five_years)).is_none());
    assert_eq!(
        (h.state().vm.reports.from, h.state().vm.reports.to),
        (2025, 2025)
    );

    // 2025 has its plan in the demo: its targets are compared with the titles awarded.
    choose(&mut h, "Năm:", "2025");
    assert!(h.query_by_label("Danh hiệu (toàn Sở)").is_some());
    assert!(h.query_by_label(&ratio).is_some(), "LĐTT {ratio}");
    assert!(h.query_by_label(&ldtt.percent_text()).is_some());
    choose(&mut h, "Năm:", "2023");
    assert!(
        h.query_by_label("Năm 2023 chưa có kế hoạch thi đua nên chưa có chỉ tiêu để đối chiếu.")
            .is_some()
    );

    h.get_by_label("Lưu bảng tính Excel…").click();
    h.step();
    finish_jobs(&mut h);
    use calamine::{Data, Reader, open_workbook_auto};
    let mut wb = open_workbook_auto(&out).unwrap();
    let range = wb.worksheet_range("Tổng hợp khen thưởng").unwrap();
    let first: Vec<Data> = range.rows().nth(4).unwrap().to_vec();
    assert_eq!(first[1], Data::String(last_year.lines[0].name.clone()));
    assert_eq!(
        first[3],
        Data::Float(last_year.lines[0].individuals as f64),
        "the saved tally is the one on screen"
    );
}
