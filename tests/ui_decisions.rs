//! The decisions and certificates through the real window code: the positions of the
//! fields on the certificate blanks, an amending decision, the list's status filter and
//! search by title.

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

/// Looking at the settings changes nothing: leaving them asks no question. A changed rule
/// does ask before it is lost.
#[test]
fn leaving_the_settings_asks_only_when_a_number_was_changed() {
    let mut h = harness(organised());
    h.get_by_label("Cài đặt").click();
    h.run();
    h.get_by_label("Đăng ký thi đua").click();
    h.run();
    assert!(
        h.query_by_label("Có thay đổi chưa lưu").is_none(),
        "nothing was changed"
    );
    h.get_by_label("Cài đặt").click();
    h.run();
    set_number(
        &mut h,
        "Số tháng công tác tối thiểu để xét Lao động tiên tiến:",
        "9",
    );
    h.get_by_label("Đăng ký thi đua").click();
    h.run();
    assert!(h.query_by_label("Có thay đổi chưa lưu").is_some());
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

mod amending {
    use super::*;
    use thidua::domain::decision::{Decision, DecisionEntry, DecisionStatus};
    use thidua::domain::model::{Gender, Person, PersonStatus, Subject, Unit, UnitKind};

    pub const STAFF: [&str; 3] = ["Nguyễn Thị Lan", "Trần Văn Bình", "Lê Minh Châu"];

    /// Three people of one unit; Lan and Bình got LĐTT 2026 by decision 1/QĐ-SCT.
    pub fn issued() -> (Store, Vec<i64>) {
        let mut s = organised();
        let unit = s
            .save_unit(&Unit {
                id: 0,
                name: "Phòng Quản lý công nghiệp".into(),
                short_name: "QLCN".into(),
                kind: UnitKind::Division,
                sort_order: 1,
                active: true,
                dissolved_on: None,
            })
            .unwrap();
        s.set_base_salary(thidua::domain::settings::BaseSalary {
            effective_from: d(2024, 7, 1),
            amount_vnd: 2_340_000,
        })
        .unwrap();
        let people: Vec<i64> = STAFF
            .iter()
            .map(|name| {
                s.save_person(&Person {
                    id: 0,
                    full_name: (*name).into(),
                    gender: Gender::Female,
                    birth_date: None,
                    unit_id: unit,
                    position: "Chuyên viên".into(),
                    position_rank: 50,
                    is_department_leader: false,
                    recruited_on: None,
                    status: PersonStatus::Working,
                    status_date: None,
                    active: true,
                })
                .unwrap()
            })
            .collect();
        let ldtt = s
            .catalogue()
            .unwrap()
            .into_iter()
            .find(|e| e.code == "LDTT")
            .unwrap()
            .id;
        let mut dec = Decision::draft(
            2026,
            "Về việc công nhận Lao động tiên tiến năm 2026",
            "Nguyễn Văn Hùng",
        );
        dec.entries = people[..2]
            .iter()
            .map(|p| DecisionEntry {
                subject: Subject::Person(*p),
                catalogue_id: ldtt,
                amount: Some(702_000),
                nomination: None,
            })
            .collect();
        let id = s.save_decision_draft(&dec).unwrap();
        s.issue_decision(id, None, d(2026, 12, 15), "SCT").unwrap();
        (s, people)
    }

    #[test]
    fn an_amending_decision_starts_from_the_list_and_goes_into_the_history() {
        let (store, people) = issued();
        let app = ThiduaApp::new(store, d(2026, 12, 20), false);
        let mut h = Harness::builder()
            .with_size([1600.0, 1400.0])
            .with_context_setup(thidua::ui::fonts::install)
            .build_ui_state(|ui, app: &mut ThiduaApp| app.frame(ui), app);
        h.run();
        h.get_by_label("Quyết định khen thưởng").click();
        h.run();
        h.get_by_label_contains("1/QĐ-SCT – Về việc công nhận")
            .click();
        h.run();
        h.get_by_label("Ra quyết định sửa đổi").click();
        h.run();
        let decisions = h.state().store().decisions(2026).unwrap();
        let draft = decisions
            .iter()
            .find(|x| x.status == DecisionStatus::Draft)
            .expect("a draft");
        let first = decisions
            .iter()
            .find(|x| x.number == "1/QĐ-SCT")
            .unwrap()
            .id;
        assert_eq!(draft.amends, Some(first));
        assert_eq!(draft.entries.len(), 2, "it starts from the amended list");
        assert!(!draft.cancels);

        // Bình is dropped, Châu added.
        h.get_by_label("Trần Văn Bình – Lao động tiên tiến").click();
        h.run();
        let search = h.get_by_role_and_label(Role::TextInput, "Thêm người, đơn vị vào quyết định:");
        search.click();
        search.type_text("chau");
        h.run();
        h.get_by_label("Thêm Lê Minh Châu – Phòng Quản lý công nghiệp")
            .click();
        h.run();
        assert!(
            h.query_by_label("Có thay đổi chưa lưu: hãy lưu dự thảo rồi mới ban hành.")
                .is_some()
        );
        h.get_by_label("Lưu dự thảo").click();
        h.run();
        let date = h.get_by_role_and_label(Role::TextInput, "Ngày ký:");
        date.click();
        date.type_text("22/12/2026");
        h.run();
        h.get_by_label("Ban hành").click();
        h.run();

        let s = h.state().store();
        let amendment = s
            .decisions(2026)
            .unwrap()
            .into_iter()
            .find(|x| x.amends.is_some())
            .unwrap();
        assert_eq!(
            amendment.status,
            DecisionStatus::Issued,
            "{:?}",
            h.state().vm.notifications
        );
        assert_eq!(amendment.number, "2/QĐ-SCT");
        let subjects: Vec<Subject> = amendment.entries.iter().map(|e| e.subject).collect();
        assert_eq!(
            subjects,
            vec![Subject::Person(people[0]), Subject::Person(people[2])]
        );
        assert_eq!(amendment.entries[1].amount, Some(702_000));
        let history = |p: i64| s.awards_for(Subject::Person(p)).unwrap();
        assert_eq!(history(people[0])[0].decision_number, "2/QĐ-SCT");
        assert!(history(people[1])[0].cancelled_by.is_some(), "Bình dropped");
        assert_eq!(history(people[2])[0].decision_number, "2/QĐ-SCT");
        // The link both ways on the screen.
        assert!(
            h.query_by_label_contains("Sửa đổi Quyết định số 1/QĐ-SCT")
                .is_some()
        );
        // The amended one is not amended a second time: the latest is.
        h.get_by_label_contains("1/QĐ-SCT – Về việc công nhận")
            .click();
        h.run();
        h.get_by_label("Ra quyết định sửa đổi").click();
        h.run();
        let last = h.state().vm.notifications.last().unwrap().text.clone();
        assert!(
            last.contains("đã được sửa đổi bởi Quyết định số 2/QĐ-SCT"),
            "{last}"
        );
        assert_eq!(h.state().store().decisions(2026).unwrap().len(), 2);
    }
}

#[test]
fn the_list_filters_by_status_and_finds_a_decision_by_the_titles_it_covers() {
    use thidua::domain::decision::{Decision, DecisionEntry};
    use thidua::domain::model::Subject;
    let (mut store, people) = amending::issued();
    let cstdcs = store
        .catalogue()
        .unwrap()
        .into_iter()
        .find(|e| e.code == "CSTDCS")
        .unwrap()
        .id;
    // A draft whose subject line names no title.
    let mut draft = Decision::draft(2026, "Về việc khen thưởng năm 2026", "Nguyễn Văn Hùng");
    draft.entries = vec![DecisionEntry {
        subject: Subject::Person(people[2]),
        catalogue_id: cstdcs,
        amount: None,
        nomination: None,
    }];
    store.save_decision_draft(&draft).unwrap();
    let app = ThiduaApp::new(store, d(2026, 12, 20), false);
    let mut h = Harness::builder()
        .with_size([1600.0, 1200.0])
        .with_context_setup(thidua::ui::fonts::install)
        .build_ui_state(|ui, app: &mut ThiduaApp| app.frame(ui), app);
    h.run();
    h.get_by_label("Quyết định khen thưởng").click();
    h.run();
    const ISSUED: &str = "1/QĐ-SCT – Về việc công nhận Lao động tiên tiến";
    const DRAFT: &str = "Dự thảo – Về việc khen thưởng năm 2026";
    let shown = |h: &Harness<'_, ThiduaApp>| {
        (
            h.query_by_label_contains(ISSUED).is_some(),
            h.query_by_label_contains(DRAFT).is_some(),
        )
    };
    assert_eq!(shown(&h), (true, true));
    h.get_by_label("Dự thảo").click();
    h.run();
    assert_eq!(shown(&h), (false, true));
    h.get_by_label("Đã ban hành").click();
    h.run();
    assert_eq!(shown(&h), (true, false));
    h.get_by_label("Tất cả").click();
    h.run();
    assert_eq!(shown(&h), (true, true));

    // "chiến sĩ" is in no subject line, only in the draft's title.
    let search = h.get_by_role_and_label(Role::TextInput, "Tìm:");
    search.click();
    search.type_text("chien si");
    h.run();
    assert_eq!(shown(&h), (false, true));
    h.get_by_label("Đã ban hành").click();
    h.run();
    assert_eq!(shown(&h), (false, false));
    assert!(
        h.query_by_label("Không có quyết định nào khớp với bộ lọc.")
            .is_some()
    );
}
