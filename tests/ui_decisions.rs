//! The decisions and certificates through the real window code: the positions of the
//! fields on the certificate blanks.

mod common;

use chrono::NaiveDate;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use thidua::app::ThiduaApp;
use thidua::docs::certificate::BlankLayout;
use thidua::docs::decision_data::CERTIFICATE_LAYOUT;
use thidua::store::Store;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn harness(store: Store) -> Harness<'static, ThiduaApp> {
    let app = ThiduaApp::new(store, d(2027, 1, 20), false);
    let mut h = Harness::builder()
        .with_size([1600.0, 2600.0])
        .with_context_setup(thidua::ui::fonts::install)
        .build_ui_state(|ui, app: &mut ThiduaApp| app.frame(ui), app);
    h.run();
    h
}

fn organised() -> Store {
    let mut s = Store::open_in_memory().unwrap();
    s.set_organisation(&common::gia_lai()).unwrap();
    s
}

fn saved_layout(h: &Harness<'_, ThiduaApp>) -> Option<BlankLayout> {
    h.state().store().setting(CERTIFICATE_LAYOUT).unwrap()
}

/// Replace the number in a labelled spin button.
fn set_number(h: &mut Harness<'_, ThiduaApp>, label: &str, value: &str) {
    h.get_by_role_and_label(Role::SpinButton, label).click();
    h.run();
    h.key_press(egui::Key::Backspace);
    h.run();
    h.get_by_label(label).type_text(value);
    h.run();
}

#[test]
fn the_clerk_moves_a_field_on_the_blank_and_resets_it() {
    let mut h = harness(organised());
    h.get_by_label("Cài đặt").click();
    h.run();
    assert!(
        h.query_by_label("Phôi giấy khen: vị trí các trường")
            .is_some()
    );
    for label in [
        "In thử trên giấy trắng",
        "In lưới căn chỉnh phôi",
        "Họ tên người ký: rộng tối đa (mm)",
    ] {
        assert!(h.query_by_label(label).is_some(), "{label}");
    }
    assert_eq!(saved_layout(&h), None);
    set_number(
        &mut h,
        "Họ và tên (tên tập thể): chân chữ cách mép trên (mm)",
        "104.5",
    );
    set_number(&mut h, "Chức vụ, đơn vị: cỡ chữ (pt)", "14");
    h.get_by_label("Lưu vị trí các trường").click();
    h.run();
    let saved = saved_layout(&h).expect("saved");
    let default = BlankLayout::default();
    assert_eq!(saved.name.y_mm, 104.5, "{:?}", h.state().vm.notifications);
    assert_eq!(saved.unit.size, 14.0);
    assert_eq!(saved.name.x_mm, default.name.x_mm);
    assert_eq!(saved.signer_name, default.signer_name);
    assert_eq!(h.state().vm.certificate_layout, saved);

    // Back to the built-in positions, kept once saved.
    h.get_by_label("Về vị trí mặc định").click();
    h.run();
    assert_eq!(saved_layout(&h), Some(saved), "not saved before Lưu");
    h.get_by_label("Lưu vị trí các trường").click();
    h.run();
    assert_eq!(saved_layout(&h), Some(default));
}

#[test]
fn a_layout_off_the_sheet_is_refused_by_the_app() {
    use thidua::ui::Intent;
    use thidua::ui::decision_view::DecisionIntent;
    let mut h = harness(organised());
    let mut layout = BlankLayout::default();
    layout.date_line.x_mm = 350.0;
    h.state_mut()
        .apply(Intent::Decision(DecisionIntent::SaveBlankLayout(layout)));
    assert_eq!(saved_layout(&h), None);
    let last = h.state().vm.notifications.last().unwrap().text.clone();
    assert!(
        last.contains("Địa danh, ngày tháng: vị trí cách mép trái phải từ 0 đến 297 mm."),
        "{last}"
    );
}
