//! The exchange screen driven through the real window code: the year's package written
//! onto a "USB stick" (a folder the file picker hands back) on a worker thread, then
//! imported into another installation after its preview.

mod common;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use chrono::NaiveDate;
use common::finish_jobs;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use thidua::app::ThiduaApp;
use thidua::app::jobs::FilePicker;
use thidua::store::Store;

struct Folder(PathBuf);

impl FilePicker for Folder {
    fn pick_open(&self, _: &str, _: &str, _: &[&str]) -> Option<PathBuf> {
        None
    }
    fn pick_save(&self, _: &str, _: &str, _: &str, _: &[&str]) -> Option<PathBuf> {
        None
    }
    fn pick_folder(&self, _: &str) -> Option<PathBuf> {
        Some(self.0.clone())
    }
}

fn harness(app: ThiduaApp) -> Harness<'static, ThiduaApp> {
    Harness::builder()
        .with_size([1400.0, 1000.0])
        .with_context_setup(thidua::ui::fonts::install)
        .build_ui_state(|ui, app: &mut ThiduaApp| app.frame(ui), app)
}

fn packages_in(folder: &Path) -> Vec<PathBuf> {
    std::fs::read_dir(folder)
        .map(|d| {
            d.filter_map(|e| e.ok())
                .map(|e| e.path())
                .filter(|p| p.join("manifest.json").exists())
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn a_package_onto_a_stick_then_into_another_installation() {
    let today = NaiveDate::from_ymd_opt(2026, 12, 3).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let stick = dir.path().join("USB E");
    std::fs::create_dir(&stick).unwrap();
    let mut store = Store::open(&dir.path().join("sở.sqlite")).unwrap();
    thidua::demo::populate_demo(&mut store, today).unwrap();
    let app = ThiduaApp::with_file_picker(store, today, false, Arc::new(Folder(stick.clone())));
    let mut h = harness(app);
    h.get_by_label("Trao đổi với tỉnh").click();
    h.run();
    h.get_by_label("Chọn thư mục khác…").click();
    h.run();
    h.get_by_label("Xuất gói hồ sơ").click();
    h.step();
    finish_jobs(&mut h);
    let packages = packages_in(&stick);
    assert_eq!(packages.len(), 1, "{packages:?}");
    assert!(thidua::exchange::package::check_package(&packages[0]).is_ok());
    assert!(
        h.query_all_by_label_contains("có thể rút USB")
            .next()
            .is_some(),
        "the clerk is not told the stick can be pulled"
    );
    drop(h);

    // The other installation: an empty database.
    let mut other = Store::open(&dir.path().join("tỉnh.sqlite")).unwrap();
    other
        .set_organisation(&thidua::domain::settings::Organisation {
            parent_body: "UBND TỈNH GIA LAI".into(),
            body: "BAN THI ĐUA - KHEN THƯỞNG".into(),
            abbreviation: "BTĐKT".into(),
            place: "Gia Lai".into(),
            director: "Lê Văn Tâm".into(),
            deputies: vec![],
        })
        .unwrap();
    let app =
        ThiduaApp::with_file_picker(other, today, false, Arc::new(Folder(packages[0].clone())));
    let mut h = harness(app);
    h.get_by_label("Trao đổi với tỉnh").click();
    h.run();
    h.get_by_label("Chọn thư mục gói…").click();
    h.step();
    finish_jobs(&mut h);
    assert!(
        h.query_all_by_label_contains("Thêm ").next().is_some(),
        "no preview"
    );
    assert!(
        h.state().store().people().unwrap().is_empty(),
        "written before the clerk confirmed"
    );
    h.get_by_label("Nhập tất cả").click();
    h.run();
    assert!(!h.state().store().people().unwrap().is_empty());
    assert!(h.query_all_by_label_contains("Đã nhập").next().is_some());
}
