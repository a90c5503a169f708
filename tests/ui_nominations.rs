//! Year end through the real window code: nominations made from the registrations, a
//! blocked one with its reason, sending to the council, a meeting, votes and outcomes.

mod common;

use chrono::NaiveDate;
use common::choose;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use thidua::app::ThiduaApp;
use thidua::domain::model::{Gender, Person, PersonStatus, Rating, Subject, Unit, UnitKind};
use thidua::domain::nomination::NominationStatus;
use thidua::domain::registration::SubjectChoice;
use thidua::store::Store;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

const STAFF: [&str; 3] = ["Nguyễn Thị Lan", "Trần Văn Bình", "Lê Minh Châu"];

/// Lan and Bình registered for LĐTT and were rated well; Châu did not register.
fn store() -> Store {
    let mut s = Store::open_in_memory().unwrap();
    s.set_organisation(&common::gia_lai()).unwrap();
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
    let ldtt = s
        .catalogue()
        .unwrap()
        .into_iter()
        .find(|e| e.code == "LDTT")
        .unwrap()
        .id;
    let mut choices = Vec::new();
    for (i, name) in STAFF.iter().enumerate() {
        let id = s
            .save_person(&Person {
                id: 0,
                full_name: (*name).into(),
                gender: Gender::Female,
                birth_date: Some(d(1985, 1, 1)),
                unit_id: unit,
                position: "Chuyên viên".into(),
                position_rank: 50,
                is_department_leader: false,
                recruited_on: Some(d(2010, 1, 1)),
                status: PersonStatus::Working,
                status_date: None,
                active: true,
            })
            .unwrap();
        s.set_person_rating(id, 2026, Some(Rating::Good)).unwrap();
        if i < 2 {
            choices.push(SubjectChoice {
                title: Some(ldtt),
                ..SubjectChoice::new(Subject::Person(id))
            });
        }
    }
    s.apply_choices(2026, &choices, d(2026, 2, 1)).unwrap();
    s
}

fn harness() -> Harness<'static, ThiduaApp> {
    harness_on(store())
}

fn harness_on(store: Store) -> Harness<'static, ThiduaApp> {
    let app = ThiduaApp::new(store, d(2026, 12, 10), false);
    let mut h = Harness::builder()
        .with_size([1600.0, 1100.0])
        .with_context_setup(thidua::ui::fonts::install)
        .build_ui_state(|ui, app: &mut ThiduaApp| app.frame(ui), app);
    h.run();
    h
}

fn statuses(h: &Harness<'_, ThiduaApp>) -> Vec<NominationStatus> {
    h.state()
        .store()
        .nominations(2026)
        .unwrap()
        .iter()
        .map(|n| n.status)
        .collect()
}

#[test]
fn from_registrations_to_the_councils_outcome() {
    let mut h = harness();
    h.get_by_label("Đề nghị khen thưởng").click();
    h.run();
    h.get_by_label("Lao động tiên tiến (2)").click();
    h.run();
    assert_eq!(h.state().store().nominations(2026).unwrap().len(), 2);

    // Châu is nominated by hand and is blocked: she did not register.
    let search = h.get_by_role_and_label(Role::TextInput, "Thêm đề nghị cho:");
    search.click();
    search.type_text("chau");
    h.run();
    choose(
        &mut h,
        "Đối tượng:",
        "Lê Minh Châu – Phòng Quản lý công nghiệp",
    );
    choose(&mut h, "Danh hiệu, hình thức:", "Lao động tiên tiến");
    h.get_by_label("Thêm đề nghị").click();
    h.run();
    assert!(
        h.query_by_label("Không đủ điều kiện: Chưa đăng ký thi đua năm 2026")
            .is_some()
    );
    h.get_by_label("Lê Minh Châu").click();
    h.run();
    // The reason names its rule and source.
    assert!(
        h.query_by_label_contains(
            "R00 (Luật TĐKT 2022 Đ.16; đăng ký thi đua): Chưa đăng ký thi đua năm 2026"
        )
        .is_some()
    );

    // Sending her to the council is refused; the two who can go, go.
    h.get_by_label("Chọn Lê Minh Châu – Lao động tiên tiến")
        .click();
    h.run();
    h.get_by_label("Trình Hội đồng 1 đề nghị đã chọn").click();
    h.run();
    let last = h.state().vm.notifications.last().unwrap().text.clone();
    assert!(
        last.contains("chưa đủ điều kiện nên chưa trình Hội đồng"),
        "{last}"
    );
    h.get_by_label("Chọn Lê Minh Châu – Lao động tiên tiến")
        .click();
    h.get_by_label("Chọn 2 đề nghị đủ điều kiện").click();
    h.run();
    h.get_by_label("Trình Hội đồng 2 đề nghị đã chọn").click();
    h.run();
    let s = statuses(&h);
    assert_eq!(
        s.iter()
            .filter(|x| **x == NominationStatus::ToCouncil)
            .count(),
        2
    );

    // The meeting: the Director chairs, a deputy, a secretary.
    h.get_by_label("Hội đồng Thi đua - Khen thưởng").click();
    h.run();
    h.get_by_label("Thêm cuộc họp").click();
    h.run();
    let secretary = h.get_by_role_and_label(Role::TextInput, "Họ tên thành viên 3");
    secretary.click();
    secretary.type_text("Lê Thị Hoa");
    h.run();
    h.get_by_label("Lưu cuộc họp").click();
    h.run();
    assert_eq!(h.state().store().meetings(2026).unwrap().len(), 1);
    h.get_by_label("Đưa 2 đề nghị đã trình vào cuộc họp")
        .click();
    h.run();

    // Votes: all three agree on Lan; only one of three on Bình. The council passes Lan
    // and also proposes her to a higher level: the clerk chooses that conclusion.
    choose(
        &mut h,
        "Kết luận: Nguyễn Thị Lan",
        "Thông qua và đề nghị cấp trên khen thưởng",
    );
    // Bình's one vote in three cannot be "thông qua", whatever the clerk chooses.
    choose(&mut h, "Kết luận: Trần Văn Bình", "Thông qua");
    h.get_by_label("Ghi kết quả: Trần Văn Bình").click();
    h.run();
    let last = h.state().vm.notifications.last().unwrap().text.clone();
    assert!(last.contains("chưa đạt 50%"), "{last}");
    choose(&mut h, "Kết luận: Trần Văn Bình", "Theo kết quả phiếu");
    for (name, agree) in [("Nguyễn Thị Lan", "3"), ("Trần Văn Bình", "1")] {
        let label = format!("Đồng ý: {name}");
        h.get_by_label(&label).click();
        h.run();
        h.get_by_label(&label).type_text(agree);
        h.run();
        h.get_by_label(&format!("Ghi kết quả: {name}")).click();
        h.run();
    }
    let list = h.state().store().nominations(2026).unwrap();
    let status_of = |name: &str| {
        let id = h
            .state()
            .store()
            .people()
            .unwrap()
            .into_iter()
            .find(|p| p.person.full_name == name)
            .unwrap()
            .person
            .id;
        list.iter()
            .find(|n| n.subject == Subject::Person(id))
            .unwrap()
            .status
    };
    assert_eq!(status_of("Nguyễn Thị Lan"), NominationStatus::Approved);
    assert_eq!(status_of("Trần Văn Bình"), NominationStatus::Rejected);
    assert!(
        h.query_by_label("Thông qua và đề nghị cấp trên khen thưởng")
            .is_some()
    );
    assert!(h.query_by_label("Không thông qua").is_some());
    // The clerk's conclusion is what was recorded, and the audit log has it.
    let lan_nomination = list
        .iter()
        .find(|n| n.outcome == Some(thidua::domain::council::Outcome::PassedAndPropose))
        .expect("Lan passed and proposed");
    let audit = h
        .state()
        .store()
        .audit_for("nominations", lan_nomination.id)
        .unwrap();
    assert!(
        audit[0]
            .after
            .as_deref()
            .unwrap_or("")
            .contains("passed_propose"),
        "{:?}",
        audit[0]
    );

    // The decision: the approved one is already there; type the date, issue.
    h.get_by_label("Quyết định khen thưởng").click();
    h.run();
    h.get_by_label("Lao động tiên tiến (1)").click();
    h.run();
    h.get_by_label("Tạo dự thảo quyết định").click();
    h.run();
    assert_eq!(
        h.state().store().decisions(2026).unwrap().len(),
        1,
        "{:?}",
        h.state().vm.notifications
    );
    // The draft's parts are editable; its list exports to Excel.
    assert!(h.query_by_label("Điều 3 (thi hành):").is_some());
    assert!(h.query_by_label("Căn cứ (mỗi dòng một căn cứ):").is_some());
    assert!(h.query_by_label("Xuất danh sách Excel…").is_some());
    let date = h.get_by_role_and_label(Role::TextInput, "Ngày ký:");
    date.click();
    date.type_text("05/01/2027");
    h.run();
    h.get_by_label("Ban hành").click();
    h.run();
    let lan = h
        .state()
        .store()
        .people()
        .unwrap()
        .into_iter()
        .find(|p| p.person.full_name == "Nguyễn Thị Lan")
        .unwrap()
        .person
        .id;
    let history = h.state().store().awards_for(Subject::Person(lan)).unwrap();
    assert_eq!(history.len(), 1, "{:?}", h.state().vm.notifications);
    assert_eq!(history[0].decision_number, "1/QĐ-SCT");
    // Issued: the certificates can be printed, and the calibration grid.
    for label in [
        "In giấy khen",
        "In giấy khen trên phôi",
        "In lưới căn chỉnh phôi",
    ] {
        assert!(h.query_by_label(label).is_some(), "{label}");
    }
    let issued = &h.state().store().decisions(2026).unwrap()[0];
    assert_eq!(issued.entries[0].amount, Some(702_000));
    let now = h.state().store().nominations(2026).unwrap();
    assert!(now.iter().any(|n| n.status == NominationStatus::Decided));
}

#[test]
fn the_provinces_numbers_are_settings() {
    let mut h = harness();
    h.get_by_label("Cài đặt").click();
    h.run();
    let label = "Số tháng công tác tối thiểu để xét Lao động tiên tiến:";
    h.get_by_label(label).click();
    h.run();
    h.key_press(egui::Key::Backspace);
    h.run();
    h.get_by_label(label).type_text("10");
    h.run();
    h.get_by_label("Nghỉ từ 40 ngày làm việc trở lên thì không xét Lao động tiên tiến")
        .click();
    h.run();
    // The CSTĐ tỉnh cap, and an interval of two years before the province's Bằng khen again.
    h.get_by_label("Giới hạn tỷ lệ Chiến sĩ thi đua cấp tỉnh")
        .click();
    h.run();
    h.get_by_label("Thêm khoảng cách cho:").scroll_to_me();
    h.run();
    choose(
        &mut h,
        "Thêm khoảng cách cho:",
        "Bằng khen của Chủ tịch UBND tỉnh (cá nhân)",
    );
    h.get_by_label("Thêm khoảng cách").click();
    h.run();
    assert!(
        h.query_by_label("Bỏ khoảng cách: Bằng khen của Chủ tịch UBND tỉnh (cá nhân)")
            .is_some()
    );
    h.get_by_label("Lưu quy định xét danh hiệu").click();
    h.run();
    let saved: thidua::domain::eligibility::EligibilitySettings = h
        .state()
        .store()
        .setting("eligibility")
        .unwrap()
        .expect("saved");
    assert_eq!(saved.months_since_recruitment, 10);
    assert!(saved.absence_40_days_blocks);
    assert_eq!(saved.cstd_tinh_cap_percent, Some(10.0));
    assert_eq!(saved.intervals.get("BK_TINH_CN"), Some(&2));
    assert_eq!(h.state().vm.eligibility, saved);
}

#[test]
fn another_bodys_decision_goes_into_the_history() {
    let mut h = harness();
    h.get_by_label("Quyết định khen thưởng").click();
    h.run();
    h.get_by_label("Ghi quyết định khen thưởng của cơ quan khác")
        .click();
    h.run();
    for (label, text) in [
        ("Số quyết định (của cơ quan ban hành):", "345/QĐ-UBND"),
        ("Ngày quyết định:", "02/03/2027"),
        ("Thêm người, đơn vị:", "lan"),
    ] {
        let f = h.get_by_role_and_label(Role::TextInput, label);
        f.click();
        f.type_text(text);
        h.run();
    }
    choose(&mut h, "Cơ quan ban hành:", "Chủ tịch UBND tỉnh");
    choose(
        &mut h,
        "Danh hiệu, hình thức:",
        "Bằng khen của Chủ tịch UBND tỉnh (cá nhân)",
    );
    h.get_by_label("Thêm Nguyễn Thị Lan – Phòng Quản lý công nghiệp")
        .click();
    h.run();
    assert_eq!(
        h.state().ui.decisions.external.subjects.len(),
        1,
        "{:?}",
        h.state().ui.decisions.external
    );
    h.get_by_label("Ghi vào lịch sử khen thưởng").click();
    h.run();
    let lan = h
        .state()
        .store()
        .people()
        .unwrap()
        .into_iter()
        .find(|p| p.person.full_name == "Nguyễn Thị Lan")
        .unwrap()
        .person
        .id;
    let history = h.state().store().awards_for(Subject::Person(lan)).unwrap();
    assert_eq!(history.len(), 1, "{:?}", h.state().vm.notifications);
    assert_eq!(
        (
            history[0].decision_number.as_str(),
            history[0].issuer.as_str()
        ),
        ("345/QĐ-UBND", "Chủ tịch UBND tỉnh")
    );
}

#[test]
fn the_proposing_unit_is_shown_and_can_be_changed() {
    let mut s = store();
    s.save_unit(&Unit {
        id: 0,
        name: "Văn phòng Sở".into(),
        short_name: "VP".into(),
        kind: UnitKind::Division,
        sort_order: 0,
        active: true,
        dissolved_on: None,
    })
    .unwrap();
    let mut h = harness_on(s);
    h.get_by_label("Đề nghị khen thưởng").click();
    h.run();
    h.get_by_label("Lao động tiên tiến (2)").click();
    h.run();
    // Each line names its proposing unit: by default the subject's own.
    assert!(h.query_by_label("Đơn vị đề nghị").is_some());
    assert_eq!(
        h.query_all_by_label("Phòng Quản lý công nghiệp").count(),
        2,
        "one per nomination"
    );
    h.get_by_label("Nguyễn Thị Lan").click();
    h.run();
    choose(&mut h, "Đơn vị đề nghị:", "Văn phòng Sở");
    let list = h.state().store().nominations(2026).unwrap();
    let units = h.state().store().units().unwrap();
    let office = units.iter().find(|u| u.name == "Văn phòng Sở").unwrap().id;
    assert_eq!(
        list.iter().filter(|n| n.proposing_unit == office).count(),
        1,
        "{:?}",
        h.state().vm.notifications
    );
    assert!(h.query_by_label("Văn phòng Sở").is_some());
}

#[test]
fn without_a_plan_the_usual_targets_apply_and_passed_caps_warn() {
    let mut s = store();
    let settings = thidua::domain::eligibility::EligibilitySettings {
        cstdcs_cap_percent: Some(60.0),
        cstd_tinh_cap_percent: Some(10.0),
        ..Default::default()
    };
    s.set_setting("eligibility", &settings).unwrap();
    let code = |s: &Store, code: &str| {
        s.catalogue()
            .unwrap()
            .into_iter()
            .find(|e| e.code == code)
            .unwrap()
            .id
    };
    let people = s.people().unwrap();
    let unit = people[0].person.unit_id;
    let mut list = Vec::new();
    for (p, title) in [(0, "LDTT"), (1, "LDTT"), (0, "CSTDCS"), (0, "CSTD_TINH")] {
        list.push(thidua::domain::nomination::Nomination::new(
            2026,
            Subject::Person(people[p].person.id),
            code(&s, title),
            unit,
            d(2026, 11, 1),
        ));
    }
    s.create_nominations(&list).unwrap();
    let app = ThiduaApp::new(s, d(2026, 12, 10), false);
    let targets = &app.vm.nominations.as_ref().unwrap().targets;
    assert!(
        targets
            .iter()
            .any(|t| t == "Chưa có kế hoạch năm 2026: so với chỉ tiêu mặc định"),
        "{targets:?}"
    );
    assert!(
        targets.iter().any(|t| t.starts_with("Lao động tiên tiến")),
        "{targets:?}"
    );
    // CSTĐCS 1 of 2 LĐTT is within 60%; CSTĐ tỉnh 1 of 1 CSTĐCS passes 10%.
    assert!(
        !targets.iter().any(|t| t.contains("giới hạn 60%")),
        "{targets:?}"
    );
    assert!(
        targets.iter().any(|t| t
            == "Cảnh báo: Chiến sĩ thi đua cấp tỉnh 1/1 Chiến sĩ thi đua cơ sở (100%; giới hạn 10%)"),
        "{targets:?}"
    );
}
