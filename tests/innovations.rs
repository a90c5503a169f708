//! Innovations as the clerk works them: an application with two authors from the staff
//! list, scored by the council with one member recused, recognised; and the papers read
//! back from their PDFs.

mod common;

use chrono::NaiveDate;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use thidua::app::ThiduaApp;
use thidua::docs::check::verify;
use thidua::docs::innovation_data::{InnovationDoc, innovation_document};
use thidua::docs::render_pdf;
use thidua::domain::innovation::{InnovationLevel, InnovationStatus};
use thidua::domain::model::{Gender, Person, PersonStatus, Unit, UnitKind};
use thidua::store::Store;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn store() -> Store {
    let mut s = Store::open_in_memory().unwrap();
    s.set_organisation(&common::gia_lai()).unwrap();
    let unit = s
        .save_unit(&Unit {
            id: 0,
            name: "Phòng Quản lý năng lượng".into(),
            short_name: "QLNL".into(),
            kind: UnitKind::Division,
            sort_order: 1,
            active: true,
            dissolved_on: None,
        })
        .unwrap();
    for name in ["Võ Bích Anh", "Trần Công Vũ"] {
        s.save_person(&Person {
            id: 0,
            full_name: name.into(),
            gender: Gender::Female,
            birth_date: Some(d(1988, 3, 4)),
            unit_id: unit,
            position: "Chuyên viên".into(),
            position_rank: 50,
            is_department_leader: false,
            recruited_on: Some(d(2012, 1, 1)),
            status: PersonStatus::Working,
            status_date: None,
            active: true,
        })
        .unwrap();
    }
    s
}

fn type_into(h: &mut Harness<'_, ThiduaApp>, label: &str, text: &str) {
    let field = h.get_by_label(label);
    field.click();
    h.run();
    h.get_by_label(label).type_text(text);
    h.run();
}

fn choose(h: &mut Harness<'_, ThiduaApp>, combo: &str, option: &str) {
    h.get_by_label(combo).click();
    h.run();
    h.get_all_by_label(option)
        .rfind(|n| n.accesskit_node().role() != Role::Label)
        .expect("option shown")
        .click();
    h.run();
}

#[test]
fn submit_score_with_a_recused_member_and_recognise() {
    let app = ThiduaApp::new(store(), d(2026, 6, 20), false);
    let mut h = Harness::builder()
        .with_size([1600.0, 1400.0])
        .with_context_setup(thidua::ui::fonts::install)
        .build_ui_state(|ui, app: &mut ThiduaApp| app.frame(ui), app);
    h.run();
    h.get_by_label("Sáng kiến").click();
    h.run();
    h.get_by_label("Nhận đơn mới").click();
    h.run();
    type_into(
        &mut h,
        "Tên sáng kiến:",
        "Giải pháp giảm tổn thất điện năng",
    );
    type_into(
        &mut h,
        "Ngày áp dụng lần đầu hoặc áp dụng thử:",
        "01/03/2026",
    );
    for name in ["Võ Bích Anh", "Trần Công Vũ"] {
        choose(
            &mut h,
            "Thêm tác giả trong danh sách cá nhân:",
            &format!("{name} – Phòng Quản lý năng lượng"),
        );
    }
    type_into(&mut h, "Tỷ lệ đóng góp (%) tác giả 1", "60");
    type_into(&mut h, "Tỷ lệ đóng góp (%) tác giả 2", "30");
    // 90% in all: the form says so and does not save.
    assert!(
        h.query_by_label("Tổng tỷ lệ đóng góp của các tác giả là 90%, phải đúng 100%.")
            .is_some()
    );
    h.get_by_label("Tỷ lệ đóng góp (%) tác giả 2").click();
    h.run();
    h.key_press(egui::Key::Backspace);
    h.key_press(egui::Key::Backspace);
    h.run();
    h.get_by_label("Tỷ lệ đóng góp (%) tác giả 2")
        .type_text("40");
    h.run();
    h.get_by_label("Lưu đơn").click();
    h.run();
    let list = h.state().store().innovations(2026).unwrap();
    assert_eq!(list.len(), 1, "{:?}", h.state().vm.notifications);
    assert_eq!(list[0].authors.len(), 2);
    assert_eq!(list[0].received_on, d(2026, 6, 20));

    // Three members score; the third is from the authors' unit and is recused.
    for member in ["Nguyễn Văn Hùng", "Trần Thị Mai", "Lê Quốc Bảo"] {
        type_into(&mut h, "Thành viên:", member);
        h.get_by_label("Thêm thành viên chấm").click();
        h.run();
        for criterion in ["Tính mới", "Khả năng áp dụng", "Hiệu quả"] {
            type_into(
                &mut h,
                &format!("{criterion}: {member}"),
                if member == "Lê Quốc Bảo" {
                    "100"
                } else {
                    "80"
                },
            );
        }
    }
    h.get_by_label("Không tính (Lê Quốc Bảo)").click();
    h.run();
    h.get_by_label("Lưu điểm").click();
    h.run();
    let id = list[0].id;
    let scores = h.state().store().innovation_scores(id).unwrap();
    assert_eq!(scores.len(), 3);
    assert!(scores[2].recused);
    assert!(
        h.get_all_by_label(
            "Điểm trung bình 80 (2 thành viên, 1 không tính): đạt — đề nghị công nhận cấp cơ sở"
        )
        .count()
            >= 1
    );

    choose(&mut h, "Cấp công nhận:", "Cấp cơ sở");
    type_into(&mut h, "Số quyết định công nhận:", "25/QĐ-SCT");
    type_into(&mut h, "Ngày quyết định:", "30/06/2026");
    h.get_by_label("Công nhận").click();
    h.run();
    let i = h.state().store().innovation(id).unwrap();
    assert_eq!(i.status, InnovationStatus::Recognised);
    assert_eq!(i.level, Some(InnovationLevel::Grassroots));
    assert_eq!(i.decision_number, "25/QĐ-SCT");

    // Filters: by level and by the authors' unit.
    let name = "Giải pháp giảm tổn thất điện năng";
    let shown = h.get_all_by_label(name).count();
    choose(&mut h, "Cấp:", "Toàn quốc");
    assert_eq!(
        h.get_all_by_label(name).count(),
        shown - 1,
        "not national: out of the list"
    );
    choose(&mut h, "Cấp:", "Cấp cơ sở");
    choose(&mut h, "Đơn vị:", "Phòng Quản lý năng lượng");
    assert_eq!(h.get_all_by_label(name).count(), shown);
}

fn text_of(s: &Store, doc: InnovationDoc) -> String {
    let (laid_out, _) = innovation_document(s, 2026, doc).unwrap();
    assert!(verify(&laid_out).is_empty(), "{:?}", verify(&laid_out));
    let text = pdf_extract::extract_text_from_mem(&render_pdf(&laid_out).unwrap()).unwrap();
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn the_application_and_the_recognition_list_read_back() {
    let mut s = store();
    let people = s.people().unwrap();
    let mut i = thidua::domain::innovation::Innovation::new(2026, d(2026, 5, 12));
    i.name = "Bản đồ số các cụm công nghiệp".into();
    i.field = "Quản lý cụm công nghiệp".into();
    i.first_applied = Some(d(2026, 2, 1));
    i.novelty = "Cập nhật trực tuyến hiện trạng lấp đầy".into();
    i.authors = people
        .iter()
        .zip([70.0, 30.0])
        .map(|(p, share)| thidua::domain::innovation::Author {
            person: Some(p.person.id),
            name: p.person.full_name.clone(),
            birth_date: p.person.birth_date,
            workplace: p.unit_name.clone(),
            title: p.person.position.clone(),
            qualification: "Kỹ sư".into(),
            share,
        })
        .collect();
    let id = s.save_innovation(&i).unwrap();
    let application = text_of(&s, InnovationDoc::Application(id));
    for expected in [
        "ĐƠN YÊU CẦU CÔNG NHẬN SÁNG KIẾN",
        "Kính gửi: Hội đồng sáng kiến Sở Công Thương.",
        "1 Võ Bích Anh 04/03/1988 Phòng Quản lý năng lượng Chuyên viên Kỹ sư 70%",
        "Là tác giả (đồng tác giả) đề nghị xét công nhận sáng kiến: Bản đồ số các cụm công nghiệp",
        "Ngày sáng kiến được áp dụng lần đầu hoặc áp dụng thử: 01/02/2026",
        "Nội dung, điểm mới của giải pháp: Cập nhật trực tuyến hiện trạng lấp đầy",
        "Gia Lai, ngày 12 tháng 5 năm 2026",
    ] {
        assert!(
            application.contains(expected),
            "missing «{expected}» in {application}"
        );
    }
    let receipt = text_of(&s, InnovationDoc::Receipt(id));
    assert!(
        receipt.contains("đến hết ngày 12 tháng 8 năm 2026"),
        "{receipt}"
    );

    s.recognise_innovation(id, InnovationLevel::Grassroots, "31/QĐ-SCT", d(2026, 8, 1))
        .unwrap();
    let list = text_of(&s, InnovationDoc::RecognitionList);
    for expected in [
        "DANH SÁCH SÁNG KIẾN ĐƯỢC CÔNG NHẬN NĂM 2026",
        "(Kèm theo Quyết định số 31/QĐ-SCT ngày 01 tháng 8 năm 2026 của Giám đốc Sở Công Thương)",
        "1 Bản đồ số các cụm công nghiệp Võ Bích Anh, Trần Công Vũ Phòng Quản lý năng lượng Cấp cơ sở",
    ] {
        assert!(list.contains(expected), "missing «{expected}» in {list}");
    }
    let decision = text_of(&s, InnovationDoc::RecognitionDecision);
    for expected in [
        "Số: 31/QĐ-SCT",
        "QUYẾT ĐỊNH",
        "Về việc công nhận sáng kiến cấp cơ sở năm 2026",
        "GIÁM ĐỐC SỞ CÔNG THƯƠNG",
        "Điều 1. Công nhận 01 sáng kiến cấp cơ sở năm 2026",
        "DANH SÁCH SÁNG KIẾN ĐƯỢC CÔNG NHẬN NĂM 2026",
        "Bản đồ số các cụm công nghiệp",
    ] {
        assert!(
            decision.contains(expected),
            "missing «{expected}» in {decision}"
        );
    }
    let certificate = text_of(&s, InnovationDoc::Certificate(id));
    assert!(certificate.contains("GIẤY CHỨNG NHẬN SÁNG KIẾN"));
    assert!(certificate.contains("được công nhận cấp cơ sở theo Quyết định số 31/QĐ-SCT"));
}
