//! The backups screen driven through the real window code: a backup by hand onto a
//! "USB stick" (a folder the file picker hands back), then a restore with its preview and
//! confirmation that brings the old data back and keeps the current data as a backup.

mod common;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use chrono::NaiveDate;
use common::finish_jobs;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use thidua::app::ThiduaApp;
use thidua::app::jobs::FilePicker;
use thidua::domain::settings::Organisation;
use thidua::domain::validate::UnitForm;
use thidua::store::Store;
use thidua::ui::Intent;

struct UsbStick(PathBuf);

impl FilePicker for UsbStick {
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

fn unit(name: &str) -> UnitForm {
    let mut f = UnitForm::new();
    f.name = name.into();
    f.short_name = name.chars().take(3).collect();
    f
}

/// The organisation is filled in, so the first-start setup does not cover the screen.
fn organise(store: &mut Store) {
    store
        .set_organisation(&Organisation {
            parent_body: "UBND TỈNH GIA LAI".into(),
            body: "SỞ CÔNG THƯƠNG".into(),
            abbreviation: "SCT".into(),
            place: "Gia Lai".into(),
            director: "Nguyễn Văn Hùng".into(),
            deputies: vec![],
        })
        .unwrap();
}

fn harness(app: ThiduaApp) -> Harness<'static, ThiduaApp> {
    Harness::builder()
        .with_size([1400.0, 900.0])
        .with_context_setup(thidua::ui::fonts::install)
        .build_ui_state(|ui, app: &mut ThiduaApp| app.frame(ui), app)
}

fn files_in(folder: &Path) -> Vec<PathBuf> {
    std::fs::read_dir(folder)
        .map(|d| d.filter_map(|e| e.ok()).map(|e| e.path()).collect())
        .unwrap_or_default()
}

#[test]
fn a_backup_onto_a_stick_and_a_restore_after_its_preview() {
    let dir = tempfile::tempdir().unwrap();
    let database = dir.path().join("Thi đua").join("dữ liệu.sqlite");
    let automatic = dir.path().join("Sao lưu");
    let stick = dir.path().join("USB E");
    let mut store = Store::open(&database).unwrap();
    organise(&mut store);
    store
        .save_unit(&unit("Văn phòng").validate().unwrap())
        .unwrap();

    let today = NaiveDate::from_ymd_opt(2026, 12, 2).unwrap();
    let mut app =
        ThiduaApp::with_file_picker(store, today, false, Arc::new(UsbStick(stick.clone())));
    // The first start makes an automatic backup: it holds one unit.
    app.set_backup_folder(automatic.clone());
    assert_eq!(files_in(&automatic).len(), 1);
    app.apply(Intent::SaveUnit(unit("Thanh tra Sở")));
    assert_eq!(app.store().units().unwrap().len(), 2);

    let mut h = harness(app);
    h.get_by_label("Sao lưu, khôi phục").click();
    h.run();
    assert!(
        h.query_by_label("1 bản sao lưu, mới nhất ở trên:")
            .is_some()
    );

    h.get_by_label("Sao lưu ra USB…").click();
    h.step();
    finish_jobs(&mut h);
    let on_stick = files_in(&stick);
    assert_eq!(on_stick.len(), 1, "{on_stick:?}");
    assert_eq!(
        thidua::store::backup::check_file(&on_stick[0])
            .unwrap()
            .iter()
            .find(|(w, _)| *w == "Đơn vị")
            .map(|(_, n)| *n),
        Some(2),
        "the stick's backup holds today's two units"
    );

    h.get_by_label("Khôi phục bản này…").click();
    h.step();
    finish_jobs(&mut h);
    assert!(
        h.query_by_label("Khôi phục dữ liệu từ bản sao lưu?")
            .is_some()
    );
    assert!(h.query_by_label("Trong bản sao lưu").is_some());
    // Nothing changes before the clerk confirms.
    assert_eq!(h.state().store().units().unwrap().len(), 2);
    h.get_by_label("Khôi phục").click();
    h.run();

    let units = h.state().store().units().unwrap();
    assert_eq!(units.len(), 1, "the backup's single unit is back");
    assert_eq!(units[0].name, "Văn phòng");
    assert_eq!(h.state().store().path(), Some(database.as_path()));
    let kept: Vec<_> = files_in(&automatic)
        .into_iter()
        .filter(|p| p.to_string_lossy().contains("truoc-khi-khoi-phuc"))
        .collect();
    assert_eq!(kept.len(), 1, "today's data is kept before the restore");
    assert_eq!(
        Store::open(&kept[0]).unwrap().units().unwrap().len(),
        2,
        "the kept copy holds the two units"
    );
}

#[test]
fn cancelling_the_preview_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let database = dir.path().join("db.sqlite");
    let automatic = dir.path().join("backups");
    let mut store = Store::open(&database).unwrap();
    organise(&mut store);
    let today = NaiveDate::from_ymd_opt(2026, 12, 2).unwrap();
    let mut app =
        ThiduaApp::with_file_picker(store, today, false, Arc::new(UsbStick(dir.path().into())));
    app.set_backup_folder(automatic.clone());
    app.apply(Intent::SaveUnit(unit("Văn phòng")));
    let mut h = harness(app);
    h.get_by_label("Sao lưu, khôi phục").click();
    h.run();
    h.get_by_label("Khôi phục bản này…").click();
    h.step();
    finish_jobs(&mut h);
    h.get_by_label("Hủy").click();
    h.run();
    assert!(
        h.query_by_label("Khôi phục dữ liệu từ bản sao lưu?")
            .is_none()
    );
    assert_eq!(h.state().store().units().unwrap().len(), 1);
    assert_eq!(files_in(&automatic).len(), 1, "no restore, no kept copy");
}
