//! Innovations as the clerk works them: an application with two authors from the staff
//! list, scored by the council with one member recused, recognised; and the papers read
//! back from their PDFs.

mod common;

use chrono::NaiveDate;
use common::choose;

use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use thidua::app::ThiduaApp;
use thidua::docs::check::verify;
use thidua::docs::innovation_data::{InnovationDoc, innovation_document};
use thidua::docs::render_pdf;
use thidua::domain::innovation::{Author, InnovationLevel, InnovationStatus};
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

/// The window on 20 June 2026, on the Sáng kiến screen.
fn innovations_screen(s: Store) -> Harness<'static, ThiduaApp> {
    let app = ThiduaApp::new(s, d(2026, 6, 20), false);
    let mut h = Harness::builder()
        .with_size([1600.0, 1800.0])
        .with_context_setup(thidua::ui::fonts::install)
        .build_ui_state(|ui, app: &mut ThiduaApp| app.frame(ui), app);
    h.run();
    h.get_by_label("Sáng kiến").click();
    h.run();
    h
}

fn type_into(h: &mut Harness<'_, ThiduaApp>, label: &str, text: &str) {
    let field = h.get_by_label(label);
    field.click();
    h.run();
    h.get_by_label(label).type_text(text);
    h.run();
}

#[test]
fn submit_score_with_a_recused_member_and_recognise() {
    let mut h = innovations_screen(store());
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

/// An author from the staff list, with the share given.
fn staff_author(p: &thidua::store::people::PersonRow, share: f64) -> Author {
    Author {
        person: Some(p.person.id),
        name: p.person.full_name.clone(),
        birth_date: p.person.birth_date,
        workplace: p.unit_name.clone(),
        title: p.person.position.clone(),
        qualification: "Kỹ sư".into(),
        share,
    }
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
        .map(|(p, share)| staff_author(p, share))
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
    let list = text_of(&s, InnovationDoc::RecognitionList(None));
    for expected in [
        "DANH SÁCH SÁNG KIẾN ĐƯỢC CÔNG NHẬN NĂM 2026",
        "(Kèm theo Quyết định số 31/QĐ-SCT ngày 01 tháng 8 năm 2026 của Giám đốc Sở Công Thương)",
        "1 Bản đồ số các cụm công nghiệp Võ Bích Anh, Trần Công Vũ Phòng Quản lý năng lượng Cấp cơ sở",
    ] {
        assert!(list.contains(expected), "missing «{expected}» in {list}");
    }
    let decision = text_of(&s, InnovationDoc::RecognitionDecision(None));
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

    // A correction is a decision of its own, numbered from the register, amending 31.
    let mut corrected = s.innovation(id).unwrap();
    corrected.name = "Bản đồ số các cụm công nghiệp tỉnh Gia Lai".into();
    let number = s
        .correct_recognition(&corrected, d(2026, 9, 15), "SCT")
        .unwrap();
    let amending = text_of(&s, InnovationDoc::RecognitionDecision(Some(number.clone())));
    for expected in [
        format!("Số: {number}"),
        "Về việc sửa đổi việc công nhận sáng kiến cấp cơ sở năm 2026".to_owned(),
        "Điều 1. Sửa đổi việc công nhận 01 sáng kiến cấp cơ sở năm 2026 tại Quyết định số 31/QĐ-SCT".to_owned(),
        "Bản đồ số các cụm công nghiệp tỉnh Gia Lai".to_owned(),
    ] {
        assert!(
            amending.contains(&expected),
            "missing «{expected}» in {amending}"
        );
    }
    assert_eq!(
        text_of(&s, InnovationDoc::RecognitionDecision(None)),
        amending,
        "the latest decision of the year"
    );
}

/// Two applications by the two staff, the year's council with one author and one
/// colleague of the authors on it.
fn council_store() -> (Store, Vec<i64>) {
    let mut s = store();
    let people = s.people().unwrap();
    let mut colleague = people[0].person.clone();
    colleague.id = 0;
    colleague.full_name = "Lê Quốc Bảo".into();
    s.save_person(&colleague).unwrap();
    let council: Vec<_> = ["Nguyễn Văn Hùng", "Lê Quốc Bảo", "Võ Bích Anh"]
        .iter()
        .map(|n| thidua::domain::council::CouncilMember {
            name: (*n).into(),
            position: String::new(),
            role: thidua::domain::council::MemberRole::Member,
            present: true,
        })
        .collect();
    s.set_setting(&thidua::docs::innovation_data::council_key(2026), &council)
        .unwrap();
    let mut ids = Vec::new();
    for (name, p) in [
        ("Sổ tay điện tử kiểm tra an toàn hồ đập", &people[0]),
        ("Phần mềm theo dõi giá cả thị trường", &people[1]),
    ] {
        let mut i = thidua::domain::innovation::Innovation::new(2026, d(2026, 5, 12));
        i.name = name.into();
        i.first_applied = Some(d(2026, 2, 1));
        i.authors = vec![staff_author(p, 100.0)];
        ids.push(s.save_innovation(&i).unwrap());
    }
    (s, ids)
}

#[test]
fn a_meeting_its_recusals_the_province_and_a_correction() {
    let (s, ids) = council_store();
    let first = "Sổ tay điện tử kiểm tra an toàn hồ đập";
    let second = "Phần mềm theo dõi giá cả thị trường";
    let mut h = innovations_screen(s);

    // A meeting on the first application only.
    h.get_by_label("Cuộc họp chấm điểm năm 2026 (0 cuộc họp)")
        .click();
    h.run();
    h.get_by_label("Thêm cuộc họp chấm điểm").click();
    h.run();
    type_into(&mut h, "Ngày họp:", "25/06/2026");
    h.get_by_label(&format!("Họp xét: {second}")).click();
    h.run();
    h.get_by_label("Lưu cuộc họp").click();
    h.run();
    let meetings = h.state().store().innovation_meetings(2026).unwrap();
    assert_eq!(meetings.len(), 1, "{:?}", h.state().vm.notifications);
    assert_eq!(meetings[0].innovations, vec![ids[0]]);
    assert_eq!(meetings[0].held_on, d(2026, 6, 25));

    // The council is added: the author and the authors' colleague are proposed as recused.
    h.get_all_by_label(first).next().unwrap().click();
    h.run();
    h.get_by_label("Thêm cả Hội đồng sáng kiến").click();
    h.run();
    assert!(
        h.query_by_label("Đề nghị không tính: là tác giả của sáng kiến")
            .is_some()
    );
    assert!(
        h.query_by_label("Đề nghị không tính: cùng đơn vị với tác giả (Phòng Quản lý năng lượng)")
            .is_some()
    );
    for criterion in ["Tính mới", "Khả năng áp dụng", "Hiệu quả"] {
        type_into(&mut h, &format!("{criterion}: Nguyễn Văn Hùng"), "90");
    }
    h.get_by_label("Lưu điểm").click();
    h.run();
    let scores = h.state().store().innovation_scores(ids[0]).unwrap();
    assert_eq!(
        scores.iter().map(|m| m.recused).collect::<Vec<_>>(),
        vec![false, true, true],
        "{:?}",
        h.state().vm.notifications
    );

    // Recognised by the year's decision, proposed to the province, recognised there.
    type_into(&mut h, "Ngày ký quyết định công nhận:", "30/06/2026");
    h.get_by_label("Ban hành quyết định công nhận 1 sáng kiến đạt")
        .click();
    h.run();
    let own = h.state().store().innovation(ids[0]).unwrap();
    assert_eq!(own.status, InnovationStatus::Recognised);
    h.get_by_label("Đề nghị công nhận cấp tỉnh").click();
    h.run();
    type_into(&mut h, "Ngày tờ trình:", "05/07/2026");
    h.get_by_label("Lấy số tờ trình đề nghị 1 sáng kiến cấp tỉnh")
        .click();
    h.run();
    let proposal = h.state().store().province_proposal_of(ids[0]).unwrap();
    assert_eq!(
        proposal.and_then(|p| p.sent).map(|s| s.1),
        Some(d(2026, 7, 5))
    );
    assert!(
        !h.get_by_label("In tờ trình đề nghị cấp tỉnh")
            .accesskit_node()
            .is_disabled()
    );
    choose(&mut h, "Cấp công nhận cấp trên:", "Cấp tỉnh");
    type_into(&mut h, "Số quyết định cấp trên:", "1234/QĐ-UBND");
    type_into(&mut h, "Ngày quyết định cấp trên:", "01/12/2026");
    type_into(&mut h, "Cơ quan ban hành:", "Chủ tịch UBND tỉnh Gia Lai");
    h.get_by_label("Ghi nhận công nhận cấp trên").click();
    h.run();
    let raised = h.state().store().innovation(ids[0]).unwrap();
    assert_eq!(raised.level, Some(InnovationLevel::Province));
    assert_eq!(raised.decision_issuer, "Chủ tịch UBND tỉnh Gia Lai");
    assert_eq!(
        raised.own_recognition().map(|r| r.number),
        Some(own.decision_number.clone())
    );

    // The second: recognised, then corrected by a decision numbered from the register.
    h.get_all_by_label(second).next().unwrap().click();
    h.run();
    choose(&mut h, "Cấp công nhận:", "Cấp cơ sở");
    type_into(&mut h, "Số quyết định công nhận:", "25/QĐ-SCT");
    type_into(&mut h, "Ngày quyết định:", "30/06/2026");
    h.get_by_label("Công nhận").click();
    h.run();
    let next = h.state().store().next_document_number(2026, "QĐ").unwrap();
    h.get_by_label("Sửa đơn bằng quyết định sửa đổi").click();
    h.run();
    h.get_by_label("Tên sáng kiến:").click();
    h.run();
    h.key_press(egui::Key::End);
    h.run();
    h.get_by_label("Tên sáng kiến:").type_text(" (sửa tên)");
    h.run();
    type_into(&mut h, "Ngày quyết định sửa đổi:", "15/07/2026");
    h.get_by_label("Ra quyết định sửa đổi").click();
    h.run();
    let corrected = h.state().store().innovation(ids[1]).unwrap();
    assert_eq!(corrected.name, format!("{second} (sửa tên)"));
    assert_eq!(corrected.decision_number, format!("{next}/QĐ-SCT"));
    let audit = h.state().store().audit_for("innovations", ids[1]).unwrap();
    assert!(
        audit[0]
            .before
            .as_deref()
            .unwrap_or("")
            .contains("25/QĐ-SCT")
    );
}
