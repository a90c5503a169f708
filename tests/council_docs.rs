//! The council's papers read back from their PDFs: ballot papers (one per member and
//! title), the minutes with results counted over all members, and the tờ trình with its
//! attached list.

mod common;

use chrono::NaiveDate;
use thidua::docs::check::verify;
use thidua::docs::council_data::{CouncilDoc, council_document};
use thidua::docs::render_pdf;
use thidua::domain::council::{CouncilMember, Meeting, MemberRole, Outcome, VoteForm, Votes};
use thidua::domain::model::{Gender, Person, PersonStatus, Subject, Unit, UnitKind};
use thidua::domain::nomination::{Nomination, NominationStatus};
use thidua::store::Store;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

/// Two people nominated for CSTĐ tỉnh, one for LĐTT, a unit for TTLĐTT; a meeting of
/// five members (one absent) that voted on all of them.
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
    let mut ids = Vec::new();
    for (name, position, rank) in [
        ("Nguyễn Thị Lan", "Trưởng phòng", 10),
        ("Trần Văn Bình", "Chuyên viên", 50),
        ("Lê Minh Châu", "Chuyên viên", 50),
    ] {
        ids.push(
            s.save_person(&Person {
                id: 0,
                full_name: name.into(),
                gender: Gender::Female,
                birth_date: Some(d(1980, 1, 1)),
                unit_id: unit,
                position: position.into(),
                position_rank: rank,
                is_department_leader: false,
                recruited_on: Some(d(2005, 1, 1)),
                status: PersonStatus::Working,
                status_date: None,
                active: true,
            })
            .unwrap(),
        );
    }
    let catalogue = s.catalogue().unwrap();
    let code = |c: &str| catalogue.iter().find(|e| e.code == c).unwrap().id;
    let mut list = vec![
        Nomination::new(
            2026,
            Subject::Person(ids[0]),
            code("CSTD_TINH"),
            unit,
            d(2026, 12, 1),
        ),
        Nomination::new(
            2026,
            Subject::Person(ids[1]),
            code("CSTD_TINH"),
            unit,
            d(2026, 12, 1),
        ),
        Nomination::new(
            2026,
            Subject::Person(ids[2]),
            code("LDTT"),
            unit,
            d(2026, 12, 1),
        ),
        Nomination::new(
            2026,
            Subject::Unit(unit),
            code("TTLDTT"),
            unit,
            d(2026, 12, 1),
        ),
    ];
    list[0].achievement = "Chủ trì đề án phát triển cụm công nghiệp".into();
    let nominations = s.create_nominations(&list).unwrap();
    let member = |name: &str, role, present| CouncilMember {
        name: name.into(),
        position: String::new(),
        role,
        present,
    };
    let meeting = s
        .save_meeting(&Meeting {
            id: 0,
            year: 2026,
            held_on: d(2026, 12, 20),
            time: "08 giờ 00".into(),
            place: "Phòng họp Sở Công Thương".into(),
            members: vec![
                member("Nguyễn Văn Hùng", MemberRole::Chair, true),
                member("Trần Thị Mai", MemberRole::ViceChair, true),
                member("Lê Thị Hoa", MemberRole::Secretary, true),
                member("Phạm Văn Tú", MemberRole::Member, true),
                member("Đỗ Minh Khoa", MemberRole::Member, false),
            ],
            vote_form: VoteForm::SecretBallot,
        })
        .unwrap();
    for id in &nominations {
        s.move_nomination(*id, NominationStatus::ToCouncil, None)
            .unwrap();
    }
    s.put_on_agenda(meeting, &nominations).unwrap();
    let votes = [
        (5, 0, Outcome::PassedAndPropose),
        (4, 1, Outcome::Failed),
        (4, 0, Outcome::Passed),
        (5, 0, Outcome::Passed),
    ];
    for (id, (agree, disagree, outcome)) in nominations.iter().zip(votes) {
        s.record_outcome(*id, Votes { agree, disagree }, outcome, 5)
            .unwrap();
    }
    s
}

fn text_of(s: &Store, doc: CouncilDoc) -> (usize, String) {
    let (laid_out, _) = council_document(s, 2026, doc, Some(d(2026, 12, 22)), Some(45)).unwrap();
    assert!(verify(&laid_out).is_empty(), "{:?}", verify(&laid_out));
    let pdf = render_pdf(&laid_out).unwrap();
    let text = pdf_extract::extract_text_from_mem(&pdf).unwrap();
    (
        laid_out.pages.len(),
        text.split_whitespace().collect::<Vec<_>>().join(" "),
    )
}

#[test]
fn one_ballot_per_member_and_title() {
    let s = store();
    let (pages, text) = text_of(&s, CouncilDoc::Ballots(None));
    // Three titles on the agenda, five members.
    assert_eq!(pages, 15);
    assert_eq!(text.matches("PHIẾU BẦU").count(), 15);
    assert!(
        text.contains("Xét đề nghị chiến sĩ thi đua cấp tỉnh năm 2026"),
        "{text}"
    );
    assert!(text.contains("STT Họ và tên / Tên tập thể Chức vụ, đơn vị Đồng ý Không đồng ý"));
    assert!(text.contains("Nguyễn Thị Lan Trưởng phòng, Phòng Quản lý công nghiệp"));
    assert!(text.contains("Phiếu số 5/5"));
}

#[test]
fn the_minutes_count_over_all_members() {
    let s = store();
    let (_, text) = text_of(&s, CouncilDoc::Minutes(None));
    for expected in [
        "HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG",
        "BIÊN BẢN",
        "Thời gian: 08 giờ 00, ngày 20 tháng 12 năm 2026.",
        "Chủ trì: Nguyễn Văn Hùng – Chủ tịch Hội đồng.",
        "Thư ký: Lê Thị Hoa.",
        "Thành viên có mặt: 4/5 thành viên",
        "Vắng mặt: 1 thành viên, gồm: - Đỗ Minh Khoa – Ủy viên",
        "bỏ phiếu kín",
        "Chiến sĩ thi đua cấp tỉnh (cần từ 90% tổng số thành viên đồng ý)",
        "Nguyễn Thị Lan Trưởng phòng, Phòng Quản lý công nghiệp 5 100% Thông qua và đề nghị cấp trên khen thưởng",
        "Trần Văn Bình Chuyên viên, Phòng Quản lý công nghiệp 4 80% Không thông qua",
        "TM. HỘI ĐỒNG",
    ] {
        assert!(text.contains(expected), "missing «{expected}» in {text}");
    }
}

#[test]
fn the_submissions_split_by_who_decides_and_carry_their_lists() {
    let s = store();
    let (_, director) = text_of(&s, CouncilDoc::Proposal { to_province: false });
    for expected in [
        "Số: 45/TTr-SCT",
        "Gia Lai, ngày 22 tháng 12 năm 2026",
        "TỜ TRÌNH",
        "Kính gửi: Giám đốc Sở Công Thương.",
        "Căn cứ kết quả họp Hội đồng Thi đua - Khen thưởng Sở Công Thương ngày 20 tháng 12 năm 2026,",
        "- Lao động tiên tiến: 01 cá nhân;",
        "- Tập thể lao động tiên tiến: 01 tập thể.",
        "(Có danh sách kèm theo)",
        "DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG NĂM 2026",
        "(Kèm theo Tờ trình số 45/TTr-SCT ngày 22 tháng 12 năm 2026 của Sở Công Thương)",
        "I. Lao động tiên tiến: 01 cá nhân",
        "1 Lê Minh Châu Chuyên viên, Phòng Quản lý công nghiệp",
    ] {
        assert!(
            director.contains(expected),
            "missing «{expected}» in {director}"
        );
    }
    assert!(!director.contains("Chiến sĩ thi đua cấp tỉnh"));
    let (_, province) = text_of(&s, CouncilDoc::Proposal { to_province: true });
    assert!(
        province.contains("Kính gửi: Chủ tịch UBND TỈNH GIA LAI."),
        "{province}"
    );
    assert!(province.contains("- Chiến sĩ thi đua cấp tỉnh: 01 cá nhân."));
    assert!(province.contains("Chủ trì đề án phát triển cụm công nghiệp"));
    assert!(
        !province.contains("Trần Văn Bình"),
        "the failed candidate is not proposed"
    );
}

#[test]
fn the_command_line_prints_the_council_papers() {
    let s = store();
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("thi đua.sqlite");
    s.connection()
        .execute("VACUUM INTO ?1", [db.to_str().unwrap()])
        .unwrap();
    for (what, extra) in [
        ("ballots", None),
        ("minutes", None),
        ("proposal", Some("--province")),
    ] {
        let out = dir.path().join(format!("{what}.pdf"));
        let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_thidua"));
        cmd.args([
            "--db",
            db.to_str().unwrap(),
            "print",
            what,
            "2026",
            "--out",
            out.to_str().unwrap(),
        ]);
        cmd.args(extra);
        let run = cmd.output().unwrap();
        assert!(
            run.status.success(),
            "{what}: {}",
            String::from_utf8_lossy(&run.stderr)
        );
        assert!(std::fs::read(&out).unwrap().starts_with(b"%PDF"));
    }
}

#[test]
fn the_achievement_report_is_prefilled_from_the_data_and_the_clerks_text() {
    let mut s = store();
    let lan = s
        .nominations(2026)
        .unwrap()
        .into_iter()
        .find(|n| n.achievement.starts_with("Chủ trì"))
        .unwrap();
    let Subject::Person(person) = lan.subject else {
        panic!("a person")
    };
    let catalogue = s.catalogue().unwrap();
    let cstdcs = catalogue.iter().find(|e| e.code == "CSTDCS").unwrap().id;
    for (year, number) in [(2023, "5/QĐ-SCT"), (2024, "7/QĐ-SCT"), (2025, "3/QĐ-SCT")] {
        s.save_award(&thidua::domain::model::AwardRecord {
            id: 0,
            subject: Subject::Person(person),
            year,
            catalogue_id: cstdcs,
            decision_number: number.into(),
            decision_date: Some(d(year + 1, 1, 15)),
            issuer: "Giám đốc Sở Công Thương".into(),
            note: String::new(),
            cancelled_by: None,
        })
        .unwrap();
    }
    s.save_nomination_report(
        lan.id,
        &thidua::domain::achievement::ReportText {
            ethnicity: "Kinh".into(),
            duties: "Phụ trách lĩnh vực công nghiệp địa phương".into(),
            results: "Tham mưu 12 văn bản quản lý nhà nước".into(),
            ..Default::default()
        },
    )
    .unwrap();
    let (doc, _) = thidua::docs::achievement_data::achievement_document(&s, lan.id).unwrap();
    assert!(verify(&doc).is_empty(), "{:?}", verify(&doc));
    let text = pdf_extract::extract_text_from_mem(&render_pdf(&doc).unwrap()).unwrap();
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    for expected in [
        "BÁO CÁO THÀNH TÍCH ĐỀ NGHỊ TẶNG DANH HIỆU CHIẾN SĨ THI ĐUA CẤP TỈNH",
        "(Thành tích từ năm 2024 đến năm 2026)",
        "I. SƠ LƯỢC LÝ LỊCH",
        "Họ tên: Nguyễn Thị Lan",
        "Sinh ngày: 01/01/1980",
        "Chức vụ: Trưởng phòng",
        "Dân tộc: Kinh",
        "Phụ trách lĩnh vực công nghiệp địa phương",
        "Tham mưu 12 văn bản quản lý nhà nước",
        "III. CÁC HÌNH THỨC ĐÃ ĐƯỢC KHEN THƯỞNG",
        "2024 Chiến sĩ thi đua cơ sở Quyết định số 7/QĐ-SCT ngày 15/01/2025 của Giám đốc Sở Công Thương",
        "NGƯỜI BÁO CÁO THÀNH TÍCH",
    ] {
        assert!(text.contains(expected), "missing «{expected}» in {text}");
    }
    // Three years for CSTĐ tỉnh: 2023 is outside.
    assert!(!text.contains("5/QĐ-SCT"));
    assert!(!text.contains("Số:"), "a report has no number");
}

#[test]
fn an_issued_submission_prints_with_its_number_from_the_register() {
    let mut s = store();
    s.register_document(
        2026,
        "TTr",
        7,
        d(2026, 12, 23),
        &thidua::docs::council_data::proposal_summary(2026, true),
    )
    .unwrap();
    let (laid_out, _) = council_document(
        &s,
        2026,
        CouncilDoc::Proposal { to_province: true },
        None,
        None,
    )
    .unwrap();
    let text = pdf_extract::extract_text_from_mem(&render_pdf(&laid_out).unwrap()).unwrap();
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(text.contains("Số: 7/TTr-SCT"), "{text}");
    assert!(text.contains("Gia Lai, ngày 23 tháng 12 năm 2026"));
    // The one to the Director was not issued: no number yet.
    let (laid_out, _) = council_document(
        &s,
        2026,
        CouncilDoc::Proposal { to_province: false },
        None,
        None,
    )
    .unwrap();
    let text = pdf_extract::extract_text_from_mem(&render_pdf(&laid_out).unwrap()).unwrap();
    assert!(!text.contains("7/TTr"));
}
