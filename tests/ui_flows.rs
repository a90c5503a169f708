//! What a clerk does, driven through the real window code with egui_kittest: first-start
//! setup, adding a unit and a person by typing into labelled fields, finding the person
//! with an accent-less search, opening their history and adding an entry.
//! kittest's panic on missing glyphs stays on: it proves Vietnamese renders.

mod common;

use chrono::NaiveDate;
use common::choose;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use thidua::app::ThiduaApp;
use thidua::domain::model::Subject;
use thidua::domain::settings::Organisation;
use thidua::store::Store;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()
}

fn organised_store() -> Store {
    let mut store = Store::open_in_memory().unwrap();
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

fn harness(app: ThiduaApp) -> Harness<'static, ThiduaApp> {
    harness_sized(app, 900.0)
}

/// A taller window, so a long form fits without scrolling.
fn harness_sized(app: ThiduaApp, height: f32) -> Harness<'static, ThiduaApp> {
    Harness::builder()
        .with_size([1500.0, height])
        .with_context_setup(thidua::ui::fonts::install)
        .build_ui_state(|ui, app: &mut ThiduaApp| app.frame(ui), app)
}

fn type_into(h: &mut Harness<'_, ThiduaApp>, label: &str, text: &str) {
    let field = h.get_by_role_and_label(Role::TextInput, label);
    field.click();
    field.type_text(text);
    h.run();
}

#[test]
fn first_start_asks_for_the_organisation_and_saves_it() {
    let store = Store::open_in_memory().unwrap();
    let mut h = harness(ThiduaApp::new(store, today(), false));
    h.run();
    assert!(
        h.query_by_label("Chào mừng đến với phần mềm Thi đua – Khen thưởng")
            .is_some()
    );
    type_into(&mut h, "Cơ quan chủ quản:", "Ubnd tỉnh Gia Lai");
    type_into(&mut h, "Chữ viết tắt trong số văn bản:", "SCT");
    type_into(&mut h, "Địa danh ghi ngày tháng:", "Gia Lai");
    // Saving with the Director missing shows the message and saves nothing.
    h.get_by_label("Lưu (Ctrl+S)").click();
    h.run();
    assert!(h.query_by_label("Hãy nhập họ tên Giám đốc Sở.").is_some());
    assert!(!h.state().store().organisation().unwrap().is_complete());
    type_into(&mut h, "Giám đốc Sở:", "Nguyễn Văn Hùng");
    h.get_by_label("Lưu (Ctrl+S)").click();
    h.run();
    let org = h.state().store().organisation().unwrap();
    assert_eq!(org.parent_body, "UBND TỈNH GIA LAI");
    assert_eq!(org.director, "Nguyễn Văn Hùng");
    assert!(
        h.query_by_label("Chào mừng đến với phần mềm Thi đua – Khen thưởng")
            .is_none()
    );
}

#[test]
fn a_clerk_adds_a_unit_and_a_person_finds_them_and_records_an_award() {
    let mut h = harness(ThiduaApp::new(organised_store(), today(), false));
    h.run();

    // A unit.
    h.get_by_label("Thêm đơn vị").click();
    h.run();
    type_into(&mut h, "Tên đơn vị:", "Phòng Quản lý năng lượng");
    h.get_by_label("Lưu (Ctrl+S)").click();
    h.run();
    let units = h.state().store().units().unwrap();
    assert_eq!(units.len(), 1);
    assert_eq!(units[0].name, "Phòng Quản lý năng lượng");

    // Two people; the form is saved with Ctrl+S.
    for (name, gender) in [("Nguyễn Thị Ánh", "Nữ"), ("Trần Văn Bình", "Nam")] {
        h.get_by_label("Thêm cá nhân").click();
        h.run();
        type_into(&mut h, "Họ và tên:", name);
        choose(&mut h, "Giới tính:", gender);
        choose(&mut h, "Đơn vị:", "Phòng Quản lý năng lượng");
        type_into(&mut h, "Ngày sinh:", "12/03/1985");
        h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
        h.run();
    }
    let people = h.state().store().people().unwrap();
    assert_eq!(people.len(), 2, "both people saved");
    assert_eq!(people[0].person.full_name, "Nguyễn Thị Ánh");

    // An accent-less search finds her and hides him.
    type_into(&mut h, "Tìm kiếm:", "nguyen thi anh");
    assert!(h.query_by_label("Nguyễn Thị Ánh").is_some());
    assert!(h.query_by_label("Trần Văn Bình").is_none());

    // Open her history and add Lao động tiên tiến 2025.
    h.get_by_label("Nguyễn Thị Ánh").click();
    h.run();
    h.get_by_label("Xem lịch sử khen thưởng").click();
    h.run();
    assert!(
        h.query_by_label("Chưa có khen thưởng nào được ghi.")
            .is_some()
    );
    h.get_by_label("Thêm khen thưởng").click();
    h.run();
    choose(&mut h, "Danh hiệu, hình thức:", "Lao động tiên tiến");
    type_into(&mut h, "Số quyết định:", "15/QĐ-SCT");
    type_into(&mut h, "Ngày quyết định:", "20/01/2026");
    h.get_by_label("Lưu (Ctrl+S)").click();
    h.run();
    let id = people[0].person.id;
    let awards = h.state().store().awards_for(Subject::Person(id)).unwrap();
    assert_eq!(awards.len(), 1);
    assert_eq!(awards[0].year, 2025);
    assert_eq!(awards[0].decision_number, "15/QĐ-SCT");
    assert!(
        h.query_by_label("Tóm tắt: Lao động tiên tiến 2025")
            .is_some()
    );
}

#[test]
fn an_invalid_person_is_not_saved_and_the_input_stays() {
    let mut store = organised_store();
    let mut unit = thidua::domain::validate::UnitForm::new();
    unit.name = "Văn phòng".into();
    store.save_unit(&unit.validate().unwrap()).unwrap();
    let mut h = harness(ThiduaApp::new(store, today(), false));
    h.run();
    h.get_by_label("Thêm cá nhân").click();
    h.run();
    type_into(&mut h, "Họ và tên:", "Lê Thị Hằng");
    type_into(&mut h, "Ngày sinh:", "31/02/1990");
    assert!(
        h.query_by_label("Không có ngày 31/02/1990: hãy kiểm tra lại ngày và tháng.")
            .is_some()
    );
    h.get_by_label("Lưu (Ctrl+S)").click();
    h.run();
    assert!(h.query_by_label("Hãy chọn giới tính.").is_some());
    assert!(h.state().store().people().unwrap().is_empty());
    let name = h.get_by_role_and_label(Role::TextInput, "Họ và tên:");
    assert_eq!(name.value().as_deref(), Some("Lê Thị Hằng"));
}

#[test]
fn ctrl_f_focuses_the_search_box() {
    let mut h = harness(ThiduaApp::new(organised_store(), today(), false));
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::F);
    h.run();
    h.run();
    assert!(
        h.get_by_role_and_label(Role::TextInput, "Tìm kiếm:")
            .is_focused()
    );
}

#[test]
fn a_clerk_drafts_a_plan_and_issues_it_with_a_number_from_the_register() {
    let mut store = organised_store();
    let mut unit = thidua::domain::validate::UnitForm::new();
    unit.name = "Văn phòng".into();
    store.save_unit(&unit.validate().unwrap()).unwrap();
    let mut h = harness_sized(ThiduaApp::new(store, today(), false), 2600.0);
    h.run();
    h.get_by_label("Kế hoạch thi đua").click();
    h.run();
    h.get_by_label("Soạn kế hoạch mới").click();
    h.run();
    // A bad percentage is named and nothing is saved.
    let percent = h.get_by_role_and_label(Role::TextInput, "Tỷ lệ % 1:");
    percent.click();
    percent.type_text("0");
    h.run();
    h.get_by_label("Lưu dự thảo (Ctrl+S)").click();
    h.run();
    assert!(
        h.query_by_label("Chỉ tiêu Lao động tiên tiến: tỷ lệ phải từ 0% đến 100%.")
            .is_some()
    );
    assert!(h.state().store().plans().unwrap().is_empty());
    // Correct it and save the draft.
    let percent = h.get_by_role_and_label(Role::TextInput, "Tỷ lệ % 1:");
    percent.click();
    h.run();
    h.key_press(egui::Key::End);
    h.run();
    h.key_press(egui::Key::Backspace);
    h.run();
    assert_eq!(
        h.get_by_role_and_label(Role::TextInput, "Tỷ lệ % 1:")
            .value()
            .as_deref(),
        Some("90")
    );
    h.get_by_label("Lưu dự thảo (Ctrl+S)").click();
    h.run();
    let plans = h.state().store().plans().unwrap();
    let form_errors = h
        .state()
        .ui
        .plans
        .form
        .as_ref()
        .map(|f| f.form.to_plan(&h.state().vm).err());
    assert_eq!(
        plans.len(),
        1,
        "{:?} {:?}",
        h.state().vm.notifications,
        form_errors
    );
    assert_eq!(plans[0].year, 2026);
    // Issue it: number 1 is suggested; the date is typed.
    type_into(&mut h, "Ngày ban hành:", "05/01/2026");
    h.get_by_label("Ban hành kế hoạch").click();
    h.run();
    let plan = h.state().store().plan(plans[0].id).unwrap();
    assert_eq!(plan.status, thidua::store::plans::PlanStatus::Issued);
    assert_eq!(
        h.state().store().next_document_number(2026, "KH").unwrap(),
        2
    );
    assert!(h.query_by_label("Tạo bản sửa đổi").is_some());
}

/// Cài đặt › Hiển thị: the clerk of a PC whose window flickers chooses drawing with the
/// CPU; the setting is kept for the next start, and the choice shown is the one saved.
#[test]
fn the_clerk_chooses_the_cpu_renderer_for_the_next_start() {
    let mut h = harness_sized(ThiduaApp::new(organised_store(), today(), false), 3000.0);
    h.run();
    h.get_by_label("Cài đặt").click();
    h.run();
    let saved = |h: &Harness<'_, ThiduaApp>| {
        h.state()
            .store()
            .setting::<String>(thidua::platform::renderer::RENDERER_SETTING)
            .unwrap()
    };
    assert_eq!(saved(&h), None);
    assert_eq!(h.state().vm.renderer, "auto", "the default is shown");
    choose(
        &mut h,
        "Cách vẽ cửa sổ:",
        "Vẽ bằng CPU (chậm hơn, chạy được trên mọi máy)",
    );
    h.run();
    assert_eq!(saved(&h).as_deref(), Some("software"));
    assert_eq!(h.state().vm.renderer, "software");
    assert!(
        h.state()
            .vm
            .notifications
            .iter()
            .any(|n| n.text.contains("lần mở chương trình sau")),
        "the clerk is told when it takes effect"
    );
}
