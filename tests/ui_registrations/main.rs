//! Registrations as the clerk works them, through the real window code: register a unit's
//! staff in bulk, change ticked rows, return a unit's registration with a reason, and watch
//! the progress figures change.

#[path = "../common/mod.rs"]
mod common;
mod entry;

use chrono::NaiveDate;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use thidua::app::ThiduaApp;
use thidua::domain::model::{Gender, Person, PersonStatus, Subject, Unit, UnitKind};
use thidua::domain::plan::{TargetBase, TitleTarget, demo_plan};
use thidua::domain::registration::SubmissionStatus;
use thidua::store::Store;

pub(crate) fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

pub(crate) const UNIT: &str = "Phòng Quản lý công nghiệp";
pub(crate) const STAFF: [&str; 4] = [
    "Nguyễn Thị Lan",
    "Trần Văn Bình",
    "Lê Minh Châu",
    "Phạm Thu Hà",
];

/// A Department with one unit of four, one of whom retired in June, and this year's plan.
pub(crate) fn store() -> Store {
    filled(Store::open_in_memory().unwrap())
}

/// `store` with the Department, the unit of four and the plan.
pub(crate) fn filled(mut store: Store) -> Store {
    store.set_organisation(&common::gia_lai()).unwrap();
    let unit = store
        .save_unit(&Unit {
            id: 0,
            name: UNIT.into(),
            short_name: "QLCN".into(),
            kind: UnitKind::Division,
            sort_order: 1,
            active: true,
            dissolved_on: None,
        })
        .unwrap();
    for (i, name) in STAFF.iter().enumerate() {
        let retired = i == 3;
        store
            .save_person(&Person {
                id: 0,
                full_name: (*name).into(),
                gender: Gender::Female,
                birth_date: Some(d(1980, 1, 1 + i as u32)),
                unit_id: unit,
                position: if i == 0 {
                    "Trưởng phòng"
                } else {
                    "Chuyên viên"
                }
                .into(),
                position_rank: if i == 0 { 10 } else { 50 },
                is_department_leader: false,
                recruited_on: Some(d(2010, 1, 1)),
                status: if retired {
                    PersonStatus::Retired
                } else {
                    PersonStatus::Working
                },
                status_date: retired.then(|| d(2026, 6, 15)),
                active: true,
            })
            .unwrap();
    }
    let mut plan = demo_plan(2026, "Trần Thị Mai");
    plan.title_targets = vec![
        TitleTarget {
            catalogue_code: "LDTT".into(),
            title_name: "Lao động tiên tiến".into(),
            percent: 90.0,
            base: TargetBase::Staff,
            leaders_count: true,
        },
        TitleTarget {
            catalogue_code: "CSTDCS".into(),
            title_name: "Chiến sĩ thi đua cơ sở".into(),
            percent: 15.0,
            base: TargetBase::Staff,
            leaders_count: true,
        },
    ];
    store
        .save_plan_draft(2026, 0, None, &serde_json::to_string(&plan).unwrap())
        .unwrap();
    store
}

fn open_unit() -> Harness<'static, ThiduaApp> {
    open_unit_on(store())
}

pub(crate) fn open_unit_on(store: Store) -> Harness<'static, ThiduaApp> {
    open_unit_in(ThiduaApp::new(store, d(2026, 3, 10), false))
}

/// The registrations screen of `app`, with the unit chosen.
pub(crate) fn open_unit_in(app: ThiduaApp) -> Harness<'static, ThiduaApp> {
    let mut h = Harness::builder()
        .with_size([1500.0, 1100.0])
        .with_context_setup(thidua::ui::fonts::install)
        .build_ui_state(|ui, app: &mut ThiduaApp| app.frame(ui), app);
    h.run();
    h.get_by_label("Đăng ký thi đua").click();
    h.run();
    h.get_by_label(UNIT).click();
    h.run();
    h
}

pub(crate) fn person_id(h: &Harness<'_, ThiduaApp>, name: &str) -> i64 {
    h.state()
        .store()
        .people()
        .unwrap()
        .into_iter()
        .find(|p| p.person.full_name == name)
        .unwrap()
        .person
        .id
}

#[test]
fn registering_a_whole_unit_for_ldtt_moves_the_progress_figure() {
    let mut h = open_unit();
    // Three people still work; the one who retired is marked and not counted.
    assert!(
        h.query_by_label("Lao động tiên tiến: 0/3 (0,0%) — chỉ tiêu 90%")
            .is_some()
    );
    assert!(
        h.query_by_label("Chuyên viên – Nghỉ hưu từ 15/06/2026")
            .is_some()
    );
    assert!(
        h.query_by_label("Hạn gửi đăng ký: 28/02/2026 (quá hạn 10 ngày)")
            .is_some()
    );

    h.get_by_label("Đăng ký Lao động tiên tiến cho cả đơn vị")
        .click();
    h.run();
    assert!(
        h.query_by_label("Lao động tiên tiến: 3/3 (100,0%) — chỉ tiêu 90%")
            .is_some()
    );
    for name in &STAFF[..3] {
        let id = person_id(&h, name);
        assert!(
            h.state()
                .store()
                .is_registered(Subject::Person(id), 2026, "LDTT")
                .unwrap()
        );
    }
    let retired = person_id(&h, STAFF[3]);
    assert!(
        !h.state()
            .store()
            .is_registered(Subject::Person(retired), 2026, "LDTT")
            .unwrap()
    );
}

#[test]
fn ticked_rows_change_together() {
    let mut h = open_unit();
    h.get_by_label("Đăng ký Lao động tiên tiến cho cả đơn vị")
        .click();
    h.run();
    h.get_by_label(STAFF[1]).click();
    h.get_by_label(STAFF[2]).click();
    h.run();
    h.get_by_label("Danh hiệu cho các dòng đã chọn:").click();
    h.run();
    h.get_all_by_label("Chiến sĩ thi đua cơ sở")
        .rfind(|n| n.accesskit_node().role() != Role::Label)
        .expect("option shown")
        .click();
    h.run();
    h.get_by_label("Áp dụng danh hiệu cho 2 người").click();
    h.run();
    assert!(
        h.query_by_label("Chiến sĩ thi đua cơ sở: 2/3 (66,7%) — chỉ tiêu 15%")
            .is_some()
    );
    // CSTĐCS includes LĐTT: the figure for LĐTT stays.
    assert!(
        h.query_by_label("Lao động tiên tiến: 3/3 (100,0%) — chỉ tiêu 90%")
            .is_some()
    );
    let store = h.state().store();
    let bình = person_id(&h, STAFF[1]);
    let lines = store.registrations_of(Subject::Person(bình)).unwrap();
    assert_eq!(lines.len(), 2, "the LĐTT line is kept, withdrawn");
    assert!(lines.iter().any(|r| r.withdrawn_on == Some(d(2026, 3, 10))));
}

#[test]
fn returning_a_unit_needs_a_reason_and_shows_it() {
    let mut h = open_unit();
    assert!(h.get_all_by_label("Chưa gửi").count() >= 1);
    let reason = "Thiếu chữ ký của Trưởng phòng";
    let field = h.get_by_role_and_label(Role::TextInput, "Lý do trả lại:");
    field.click();
    field.type_text(reason);
    h.run();
    h.get_by_label("Trả lại").click();
    h.run();
    let status = format!("Trả lại: {reason}");
    assert!(h.get_all_by_label(&status).count() >= 1);
    let unit = h.state().store().units().unwrap()[0].id;
    let s = h
        .state()
        .store()
        .submissions(2026)
        .unwrap()
        .into_iter()
        .find(|s| s.unit_id == unit)
        .unwrap();
    assert_eq!(s.status, SubmissionStatus::Returned);
    assert_eq!(s.returned_reason, reason);
    // The filter keeps it among the units still to chase (in the list and the heading)…
    h.get_by_label("Chỉ đơn vị chưa đăng ký").click();
    h.run();
    assert_eq!(h.get_all_by_label(UNIT).count(), 2);
    // … until it is approved.
    h.get_by_label("Duyệt").click();
    h.run();
    assert_eq!(h.get_all_by_label(UNIT).count(), 1);
}

#[test]
fn the_keyboard_moves_through_the_grid_and_registers() {
    let mut h = open_unit();
    // Rows: Lan (Trưởng phòng), then Bình and Châu in name order, then Hà (retired).
    h.key_press(egui::Key::ArrowDown);
    h.run();
    h.key_press(egui::Key::C);
    h.run();
    let bình = Subject::Person(person_id(&h, STAFF[1]));
    let lan = Subject::Person(person_id(&h, STAFF[0]));
    assert!(
        h.state()
            .store()
            .is_registered(bình, 2026, "CSTDCS")
            .unwrap()
    );
    assert!(!h.state().store().is_registered(lan, 2026, "LDTT").unwrap());
    // Space ticks rows; L then registers every ticked row.
    h.key_press(egui::Key::ArrowUp);
    h.run();
    h.key_press(egui::Key::Space);
    h.run();
    h.key_press(egui::Key::ArrowDown);
    h.key_press(egui::Key::ArrowDown);
    h.run();
    h.key_press(egui::Key::Space);
    h.run();
    h.key_press(egui::Key::L);
    h.run();
    let châu = Subject::Person(person_id(&h, STAFF[2]));
    assert!(h.state().store().is_registered(lan, 2026, "LDTT").unwrap());
    assert!(h.state().store().is_registered(châu, 2026, "LDTT").unwrap());
    assert!(
        h.state()
            .store()
            .is_registered(bình, 2026, "CSTDCS")
            .unwrap()
    );
}

#[test]
fn editing_a_row_keeps_a_second_form_it_shows_beside_the_first() {
    let mut s = store();
    let catalogue = s.catalogue().unwrap();
    let forms: Vec<_> = catalogue
        .iter()
        .filter(|e| {
            e.active
                && e.kind == thidua::domain::model::AwardKind::Commendation
                && e.subject_kind == thidua::domain::model::SubjectKind::Individual
        })
        .take(2)
        .collect();
    let bình = s
        .people()
        .unwrap()
        .into_iter()
        .find(|r| r.person.full_name == STAFF[1])
        .unwrap()
        .person
        .id;
    let mut choice = thidua::domain::registration::SubjectChoice::new(Subject::Person(bình));
    choice.forms = [forms[0].id, forms[1].id].into_iter().collect();
    s.apply_choices(2026, &[choice.clone()], d(2026, 2, 1))
        .unwrap();
    let mut h = open_unit_on(s);
    assert!(
        h.query_by_label(&format!("và {}", forms[1].name)).is_some(),
        "the second form is shown"
    );
    h.get_by_label(&format!("Danh hiệu của {}", STAFF[1]))
        .click();
    h.run();
    h.get_all_by_label("Lao động tiên tiến")
        .rfind(|n| n.accesskit_node().role() != Role::Label)
        .expect("option shown")
        .click();
    h.run();
    let current: std::collections::BTreeSet<i64> = h
        .state()
        .store()
        .registrations_of(Subject::Person(bình))
        .unwrap()
        .iter()
        .filter(|r| r.is_current())
        .map(|r| r.catalogue_id)
        .collect();
    let ldtt = catalogue.iter().find(|e| e.code == "LDTT").unwrap().id;
    assert_eq!(
        current,
        [ldtt, forms[0].id, forms[1].id].into_iter().collect()
    );
}
