//! The campaign plan read back from its PDF as the clerk would check it before taking it
//! to the Deputy Director: header blocks, number, date line, "KẾ HOẠCH", sections in
//! order, targets, deadlines, Nơi nhận and the signature; Vietnamese exact; fonts embedded.

use chrono::NaiveDate;
use thidua::docs::check::{verify, verify_pdf};
use thidua::docs::plan::{NO_REGISTRATION, plan_document};
use thidua::docs::{render_pdf, write};
use thidua::domain::plan::{Plan, SignerMode, demo_plan};
use thidua::domain::settings::Organisation;

fn org() -> Organisation {
    Organisation {
        parent_body: "UBND TỈNH GIA LAI".into(),
        body: "SỞ CÔNG THƯƠNG".into(),
        abbreviation: "SCT".into(),
        place: "Gia Lai".into(),
        director: "Nguyễn Văn Hùng".into(),
        deputies: vec!["Trần Thị Mai".into()],
    }
}

fn issued() -> Plan {
    let mut plan = demo_plan(2027, "Trần Thị Mai");
    plan.number = Some(12);
    plan.issued_on = NaiveDate::from_ymd_opt(2027, 1, 5);
    plan
}

fn pdf_text(plan: &Plan) -> (Vec<u8>, String) {
    let doc = plan_document(plan, &org());
    assert!(verify(&doc).is_empty(), "{:?}", verify(&doc));
    let pdf = render_pdf(&doc).unwrap();
    let text = pdf_extract::extract_text_from_mem(&pdf).expect("the PDF reads back");
    (pdf, text.split_whitespace().collect::<Vec<_>>().join(" "))
}

#[test]
fn the_plan_reads_back_with_its_blocks_in_order() {
    let (pdf, text) = pdf_text(&issued());
    assert!(verify_pdf(&pdf).is_empty());
    for expected in [
        "UBND TỈNH GIA LAI",
        "SỞ CÔNG THƯƠNG",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Số: 12/KH-SCT",
        "Gia Lai, ngày 05 tháng 01 năm 2027",
        "KẾ HOẠCH",
        "Phát động phong trào thi đua năm 2027",
        "Căn cứ Luật Thi đua, khen thưởng số 06/2022/QH15",
        "Sở Công Thương xây dựng Kế hoạch phát động phong trào thi đua năm 2027 như sau:",
        "1. Mục đích",
        "2. Yêu cầu",
        "1. Chủ đề, khẩu hiệu thi đua",
        "2.1. Phong trào thi đua thường xuyên",
        "Đợt thứ nhất: từ ngày 01/01/2027 đến ngày 30/6/2027",
        "Đợt thứ hai: từ ngày 01/7/2027 đến ngày 31/12/2027",
        "90% công chức, viên chức đạt danh hiệu Lao động tiên tiến (lãnh đạo Sở không tính vào tỷ lệ);",
        "15% công chức, viên chức đạt danh hiệu Chiến sĩ thi đua cơ sở",
        "100% đơn vị đạt Tập thể lao động tiên tiến;",
        "30% đơn vị đạt Tập thể lao động xuất sắc.",
        "Đăng ký sáng kiến, đề tài nghiên cứu khoa học trước ngày 30/8/2027;",
        "trước ngày 10/12/2027.",
        NO_REGISTRATION,
        "Nơi nhận:",
        "- Lưu: VT, VP.",
        "KT. GIÁM ĐỐC",
        "PHÓ GIÁM ĐỐC",
        "Trần Thị Mai",
        "khen thưởng",
    ] {
        assert!(text.contains(expected), "missing {expected:?} in:\n{text}");
    }
    let pos = |s: &str| text.find(s).unwrap_or_else(|| panic!("{s} missing"));
    assert!(pos("Số: 12/KH-SCT") < pos("KẾ HOẠCH"));
    assert!(pos("KẾ HOẠCH") < pos("I. MỤC ĐÍCH, YÊU CẦU"));
    assert!(pos("I. MỤC ĐÍCH, YÊU CẦU") < pos("II. NỘI DUNG THI ĐUA"));
    assert!(pos("II. NỘI DUNG THI ĐUA") < pos("III. TỔ CHỨC THỰC HIỆN"));
    assert!(pos("III. TỔ CHỨC THỰC HIỆN") < pos(NO_REGISTRATION));
    assert!(pos(NO_REGISTRATION) < pos("Nơi nhận:"));
}

#[test]
fn a_draft_leaves_the_number_and_date_blank_and_the_director_can_sign() {
    let mut plan = demo_plan(2027, "Nguyễn Văn Hùng");
    plan.signer_mode = SignerMode::Director;
    let (_, text) = pdf_text(&plan);
    assert!(text.contains("Số: /KH-SCT"), "{text}");
    assert!(text.contains("Gia Lai, ngày tháng năm 2027"));
    assert!(!text.contains("KT. GIÁM ĐỐC"));
    assert!(text.contains("GIÁM ĐỐC Nguyễn Văn Hùng"));
    // The blank keeps its width in the layout, for the number written by hand.
    let doc = plan_document(&plan, &org());
    assert!(doc.page_text(0).contains(&"Số:      /KH-SCT"));
}

#[test]
fn decomposed_input_prints_composed() {
    let mut plan = demo_plan(2027, "Tra\u{302}\u{300}n Thi\u{323} Mai");
    plan.theme = "Thi đua \u{0111}o\u{302}\u{309}i mo\u{31B}\u{301}i".into();
    let (_, text) = pdf_text(&plan);
    assert!(text.contains("Trần Thị Mai"));
    assert!(text.contains("Thi đua đổi mới"));
    assert!(!text.chars().any(|c| ('\u{300}'..='\u{36f}').contains(&c)));
}

#[test]
fn the_plan_has_a_sane_length_and_size() {
    let doc = plan_document(&issued(), &org());
    assert!(
        (2..=5).contains(&doc.pages.len()),
        "{} pages",
        doc.pages.len()
    );
    let pdf = render_pdf(&doc).unwrap();
    assert!(pdf.len() < 150_000, "{} bytes", pdf.len());
}

/// Saves the demo plan where a person can look at it (`$THIDUA_PLAN_PDF`, by default
/// `plan.pdf` in the temporary folder), through the same `write` the app uses, and checks
/// the saved file. Then: `pdftoppm -r 60 -png /tmp/plan.pdf /tmp/plan`.
#[test]
fn the_demo_plan_is_saved_for_review() {
    let path = std::env::var_os("THIDUA_PLAN_PDF")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| std::env::temp_dir().join("plan.pdf"));
    let doc = plan_document(&issued(), &org());
    let pdf = render_pdf(&doc).unwrap();
    write(&pdf, &path).unwrap();
    let saved = std::fs::read(&path).unwrap();
    assert_eq!(saved, pdf);
    assert!(verify_pdf(&saved).is_empty());
    println!(
        "{}: {} pages, {} bytes",
        path.display(),
        doc.pages.len(),
        saved.len()
    );
}
