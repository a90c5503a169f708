//! Fast entry and its mistakes: the form of ticked rows, withdrawn lines kept in view, a bad
//! date or a refused change explained where it was made, copying last year, the unit's
//! Excel file out and back in through the buttons, and a cluster with its covenant.

use std::path::PathBuf;
use std::sync::Arc;

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use thidua::app::ThiduaApp;
use thidua::app::jobs::FilePicker;
use thidua::domain::model::{AwardKind, Subject, SubjectKind, Unit, UnitKind};
use thidua::domain::registration::SubjectChoice;
use thidua::store::Store;

use super::{STAFF, UNIT, d, filled, open_unit_in, open_unit_on, person_id, store};
use crate::common::{choose, finish_jobs};

/// Every dialog answers with the same file.
struct OneFile(PathBuf);

impl FilePicker for OneFile {
    fn pick_open(&self, _: &str, _: &str, _: &[&str]) -> Option<PathBuf> {
        Some(self.0.clone())
    }
    fn pick_save(&self, _: &str, _: &str, _: &str, _: &[&str]) -> Option<PathBuf> {
        Some(self.0.clone())
    }
    fn pick_folder(&self, _: &str) -> Option<PathBuf> {
        None
    }
}

fn type_into(h: &mut Harness<'_, ThiduaApp>, role: Role, label: &str, text: &str) {
    h.get_by_role_and_label(role, label).click();
    h.run();
    h.get_by_role_and_label(role, label).type_text(text);
    h.run();
}

/// Empty the text field labelled `label`.
fn clear(h: &mut Harness<'_, ThiduaApp>, label: &str) {
    h.get_by_role_and_label(Role::TextInput, label).click();
    h.run();
    h.key_press(egui::Key::End);
    for _ in 0..12 {
        h.key_press(egui::Key::Backspace);
    }
    h.run();
    assert_eq!(
        h.get_by_role_and_label(Role::TextInput, label)
            .value()
            .as_deref(),
        Some(""),
        "{label} is empty"
    );
}

fn first_individual_form(store: &Store) -> thidua::domain::model::CatalogueEntry {
    store
        .catalogue()
        .unwrap()
        .into_iter()
        .find(|e| {
            e.active
                && e.kind == AwardKind::Commendation
                && e.subject_kind == SubjectKind::Individual
        })
        .unwrap()
}

#[test]
fn ticked_rows_take_a_form_and_a_changed_title_stays_listed_as_withdrawn() {
    let mut h = super::open_unit_on(store());
    let form = first_individual_form(h.state().store());
    h.get_by_label(STAFF[1]).click();
    h.get_by_label(STAFF[2]).click();
    h.run();
    choose(&mut h, "Hình thức cho các dòng đã chọn:", &form.name);
    h.get_by_label("Áp dụng hình thức cho 2 người").click();
    h.run();
    for name in &STAFF[1..3] {
        let id = person_id(&h, name);
        assert!(
            h.state()
                .store()
                .is_registered(Subject::Person(id), 2026, &form.code)
                .unwrap(),
            "{name} has the form"
        );
    }
    let lan = Subject::Person(person_id(&h, STAFF[0]));
    assert!(
        !h.state()
            .store()
            .is_registered(lan, 2026, &form.code)
            .unwrap()
    );
    // Nothing withdrawn yet: no list.
    assert!(h.query_by_label_contains("Đăng ký đã rút").is_none());
    choose(
        &mut h,
        &format!("Hình thức của {}", STAFF[1]),
        "Không đăng ký",
    );
    h.get_by_label("Đăng ký đã rút (1)").click();
    h.run();
    let line = format!(
        "{}: {} — đăng ký 10/03/2026, rút 10/03/2026",
        STAFF[1], form.name
    );
    assert!(h.query_by_label(&line).is_some(), "{line}");
}

#[test]
fn a_bad_sent_date_is_explained_beside_the_field() {
    let mut h = super::open_unit_on(store());
    assert!(
        h.query_by_label("Chưa gửi · quá hạn").is_some(),
        "past the deadline the unit's line says so"
    );
    clear(&mut h, "Ngày gửi:");
    h.get_by_role_and_label(Role::TextInput, "Ngày gửi:")
        .type_text("31/02/2026");
    h.run();
    assert!(
        h.query_by_label_contains("Không có ngày 31/02/2026")
            .is_some(),
        "the message stands beside the field"
    );
    assert!(
        h.get_by_label("Đánh dấu đã gửi")
            .accesskit_node()
            .is_disabled(),
        "nothing can be marked sent with that date"
    );
}

#[test]
fn a_change_the_store_refuses_is_explained_under_its_row() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("thi đua.sqlite");
    let store = filled(Store::open(&path).unwrap());
    let mut h = open_unit_on(store);
    // Meanwhile (another window, an import) Bình is recorded as retired before the year.
    let bình = person_id(&h, STAFF[1]);
    let mut other = Store::open(&path).unwrap();
    let mut p = other.person(bình).unwrap();
    p.status = thidua::domain::model::PersonStatus::Retired;
    p.status_date = Some(d(2025, 6, 30));
    other.save_person(&p).unwrap();
    drop(other);
    choose(
        &mut h,
        &format!("Danh hiệu của {}", STAFF[1]),
        "Lao động tiên tiến",
    );
    let message = format!("{} không còn công tác trong năm 2026", STAFF[1]);
    assert!(
        h.get_all_by_label_contains(&message).count() >= 1,
        "the reason is shown: {message}"
    );
    assert!(
        !h.state()
            .store()
            .is_registered(Subject::Person(bình), 2026, "LDTT")
            .unwrap()
    );
}

#[test]
fn last_years_registrations_are_copied_by_the_button() {
    let mut s = store();
    let bình = s
        .people()
        .unwrap()
        .into_iter()
        .find(|r| r.person.full_name == STAFF[1])
        .unwrap()
        .person
        .id;
    let ldtt = s
        .catalogue()
        .unwrap()
        .into_iter()
        .find(|e| e.code == "LDTT")
        .unwrap()
        .id;
    let mut choice = SubjectChoice::new(Subject::Person(bình));
    choice.title = Some(ldtt);
    s.apply_choices(2025, &[choice], d(2025, 2, 1)).unwrap();
    let mut h = open_unit_on(s);
    assert!(
        !h.state()
            .store()
            .is_registered(Subject::Person(bình), 2026, "LDTT")
            .unwrap()
    );
    h.get_by_label("Sao chép năm 2025 cho đơn vị").click();
    h.run();
    assert!(
        h.state()
            .store()
            .is_registered(Subject::Person(bình), 2026, "LDTT")
            .unwrap()
    );
    assert!(
        h.query_by_label("Lao động tiên tiến: 1/3 (33,3%) — chỉ tiêu 90%")
            .is_some(),
        "the progress follows the copy"
    );
}

#[test]
fn the_units_excel_file_goes_out_and_comes_back_in_through_the_buttons() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("đăng ký QLCN.xlsx");
    let picker = Arc::new(OneFile(file.clone()));
    // One Department registers the unit and writes its file…
    let mut h = open_unit_in(ThiduaApp::with_file_picker(
        store(),
        d(2026, 3, 10),
        false,
        picker.clone(),
    ));
    h.get_by_label("Đăng ký Lao động tiên tiến cho cả đơn vị")
        .click();
    h.run();
    h.get_by_label("Xuất Excel cho đơn vị…").click();
    h.step();
    finish_jobs(&mut h);
    assert!(file.exists(), "the workbook is written");
    // … and the same file read into a copy without registrations registers the same people.
    let mut h = open_unit_in(ThiduaApp::with_file_picker(
        store(),
        d(2026, 3, 10),
        false,
        picker,
    ));
    h.get_by_label("Nhập tệp Excel của đơn vị…").click();
    h.step();
    finish_jobs(&mut h);
    assert!(
        h.query_by_label_contains("dòng hợp lệ, sẵn sàng ghi.")
            .is_some(),
        "the preview has no bad row"
    );
    h.get_by_label("Ghi tất cả").click();
    h.run();
    for name in &STAFF[..3] {
        let id = person_id(&h, name);
        assert!(
            h.state()
                .store()
                .is_registered(Subject::Person(id), 2026, "LDTT")
                .unwrap(),
            "{name}"
        );
    }
    assert!(
        h.query_by_label("Lao động tiên tiến: 3/3 (100,0%) — chỉ tiêu 90%")
            .is_some()
    );
}

/// A document's button opens its menu: preview, save as, or print. Saving writes the
/// unit's form where the clerk chose, as a PDF.
#[test]
fn the_units_form_is_saved_as_a_pdf_from_its_menu() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("bản đăng ký QLCN.pdf");
    let mut h = open_unit_in(ThiduaApp::with_file_picker(
        store(),
        d(2026, 3, 10),
        false,
        Arc::new(OneFile(file.clone())),
    ));
    assert!(
        h.query_by_label("Lưu PDF…").is_none(),
        "the menu starts closed"
    );
    h.get_by_label("In bản đăng ký").click();
    h.run();
    for item in ["Xem trước", "Lưu PDF…", "In ra máy in"] {
        assert!(h.query_by_label(item).is_some(), "{item}");
    }
    h.get_by_label("Lưu PDF…").click();
    h.step();
    finish_jobs(&mut h);
    let bytes = std::fs::read(&file).expect("the PDF is written where the clerk chose");
    assert!(bytes.starts_with(b"%PDF"));
    assert!(h.query_by_label("Lưu PDF…").is_none(), "the menu closed");
}

#[test]
fn a_cluster_is_recorded_with_its_members_and_a_bad_date_is_named() {
    let mut s = store();
    s.save_unit(&Unit {
        id: 0,
        name: "Phòng Quản lý thương mại".into(),
        short_name: "QLTM".into(),
        kind: UnitKind::Division,
        sort_order: 2,
        active: true,
        dissolved_on: None,
    })
    .unwrap();
    let mut h = open_unit_on(s);
    h.get_by_label("Cụm, khối thi đua").click();
    h.run();
    h.get_by_label("Thêm cụm, khối thi đua").click();
    h.run();
    type_into(
        &mut h,
        Role::TextInput,
        "Tên cụm, khối:",
        "Khối các phòng chuyên môn",
    );
    type_into(&mut h, Role::TextInput, "Ngày ký giao ước:", "30/13/2026");
    type_into(
        &mut h,
        Role::MultilineTextInput,
        "Nội dung giao ước (mỗi dòng một nội dung):",
        "Hoàn thành 100% nhiệm vụ được giao",
    );
    h.get_by_label(UNIT).click();
    h.get_by_label("Phòng Quản lý thương mại").click();
    h.run();
    assert!(
        h.query_by_label_contains("Ngày ký giao ước: Không có ngày 30/13/2026")
            .is_some()
    );
    assert!(
        h.get_by_label("Lưu cụm, khối")
            .accesskit_node()
            .is_disabled()
    );
    clear(&mut h, "Ngày ký giao ước:");
    h.get_by_role_and_label(Role::TextInput, "Ngày ký giao ước:")
        .type_text("15/01/2026");
    h.run();
    h.get_by_label("Lưu cụm, khối").click();
    h.run();
    let clusters = h.state().store().clusters(2026).unwrap();
    assert_eq!(clusters.len(), 1);
    assert_eq!(clusters[0].name, "Khối các phòng chuyên môn");
    assert_eq!(clusters[0].members.len(), 2);
    assert_eq!(clusters[0].covenant_date, Some(d(2026, 1, 15)));
    assert!(
        h.query_by_label("In giao ước Khối các phòng chuyên môn")
            .is_some()
    );
}
