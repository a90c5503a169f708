//! `thidua print innovation …` run as IT staff would, on the demo database (created on
//! first use in a private data folder): every innovation paper is written as a PDF and
//! read back, and what it says agrees with the store.

mod common;

use std::path::Path;

use chrono::{Datelike, Local};
use common::demo_cli as thidua;
use thidua::domain::innovation::{InnovationLevel, InnovationStatus};
use thidua::store::Store;

/// Print one paper; the words of its PDF, spaces collapsed.
fn print(data: &Path, year: i32, what: &str, extra: &[&str]) -> String {
    let out = data.join(format!("{what}-{year}.pdf"));
    let mut args = vec![
        "print".to_owned(),
        "innovation".into(),
        year.to_string(),
        what.into(),
    ];
    args.extend(extra.iter().map(|s| s.to_string()));
    args.extend(["--out".into(), out.to_str().unwrap().to_owned()]);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let run = thidua(data, &args);
    assert!(
        run.status.success(),
        "{what}: {}",
        String::from_utf8_lossy(&run.stderr)
    );
    let bytes = std::fs::read(&out).unwrap();
    let text = pdf_extract::extract_text_from_mem(&bytes).unwrap();
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn has(text: &str, what: &str, expected: &str) {
    assert!(
        text.contains(expected),
        "{what}: missing «{expected}» in {text}"
    );
}

#[test]
fn every_innovation_paper_prints_headless_from_the_demo() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path();
    let last = Local::now().date_naive().year() - 1;
    // The first run creates the demo database.
    let summary = print(data, last, "tong-hop-diem", &[]);
    has(&summary, "tổng hợp điểm", "Nguyễn Văn Hùng");

    let store = Store::open(&data.join("thidua").join("thidua-demo.sqlite")).unwrap();
    let year = store.innovations(last).unwrap();
    let best = year
        .iter()
        .find(|i| i.level == Some(InnovationLevel::Province))
        .expect("last year's best was recognised by the province");
    let own = best.own_recognition().expect("and by the Sở before");
    assert_eq!(own.level, InnovationLevel::Grassroots);
    let refused = year
        .iter()
        .find(|i| i.status == InnovationStatus::NotRecognised);
    assert!(
        year.iter()
            .all(|i| !store.innovation_scores(i.id).unwrap().is_empty()),
        "every one of last year's innovations was scored by the council"
    );

    let id = best.id.to_string();
    let application = print(data, last, "don", &["--id", &id]);
    has(&application, "đơn", "ĐƠN YÊU CẦU CÔNG NHẬN SÁNG KIẾN");
    has(&application, "đơn", best.name.as_str());
    let receipt = print(data, last, "bien-nhan", &["--id", &id]);
    has(&receipt, "biên nhận", best.name.as_str());
    let certificate = print(data, last, "chung-nhan", &["--id", &id]);
    has(&certificate, "chứng nhận", "GIẤY CHỨNG NHẬN SÁNG KIẾN");
    has(
        &certificate,
        "chứng nhận",
        &format!("được công nhận cấp cơ sở theo Quyết định số {}", own.number),
    );

    // The blank sheets of the year's meeting carry exactly its agenda.
    let meeting = store.innovation_meetings(last).unwrap().pop().unwrap();
    let sheets = print(
        data,
        last,
        "phieu-cham",
        &["--meeting", &meeting.id.to_string()],
    );
    has(&sheets, "phiếu chấm", "PHIẾU CHẤM ĐIỂM SÁNG KIẾN");
    has(
        &sheets,
        "phiếu chấm",
        "Họ và tên thành viên Hội đồng: Trần Thị Mai",
    );
    for i in &year {
        assert_eq!(
            sheets.contains(i.name.as_str()),
            meeting.innovations.contains(&i.id),
            "{} on the sheet exactly when on the agenda",
            i.name
        );
    }

    // This year's meeting scores only some of the year's applications.
    let now = last + 1;
    let meeting = store.innovation_meetings(now).unwrap().pop().unwrap();
    let this_year = store.innovations(now).unwrap();
    assert!(this_year.len() > meeting.innovations.len());
    let sheets = print(data, now, "phieu-cham", &[]);
    for i in &this_year {
        assert_eq!(
            sheets.contains(i.name.as_str()),
            meeting.innovations.contains(&i.id),
            "{} on this year's sheet exactly when on the agenda",
            i.name
        );
    }

    let list = print(data, last, "danh-sach", &[]);
    has(
        &list,
        "danh sách",
        &format!("Kèm theo Quyết định số {}", own.number),
    );
    has(&list, "danh sách", best.name.as_str());
    if let Some(r) = refused {
        assert!(
            !list.contains(r.name.as_str()),
            "a refused one is not listed"
        );
    }
    let decision = print(data, last, "quyet-dinh", &["--so", &own.number]);
    has(&decision, "quyết định", &format!("Số: {}", own.number));
    has(
        &decision,
        "quyết định",
        &format!("Về việc công nhận sáng kiến cấp cơ sở năm {last}"),
    );

    let proposal = print(data, last, "to-trinh-tinh", &[]);
    let sent = store
        .province_proposal_of(best.id)
        .unwrap()
        .and_then(|p| p.sent)
        .expect("the tờ trình was numbered");
    has(&proposal, "tờ trình", &format!("Số: {}/TTr-SCT", sent.0));
    has(
        &proposal,
        "tờ trình",
        &format!("Về việc đề nghị công nhận sáng kiến cấp tỉnh năm {last}"),
    );
    has(
        &proposal,
        "tờ trình",
        &format!("DANH SÁCH SÁNG KIẾN ĐỀ NGHỊ CÔNG NHẬN CẤP TỈNH NĂM {last}"),
    );
    has(&proposal, "tờ trình", best.name.as_str());

    // Mistakes are told in Vietnamese, and nothing is written.
    let y = last.to_string();
    for (args, said) in [
        (vec!["chung-nhan"], "cần mã sáng kiến"),
        (
            vec!["phieu-cham", "--meeting", "999999"],
            "cuộc họp Hội đồng sáng kiến số 999999",
        ),
        (vec!["giay-moi"], "Không có văn bản sáng kiến «giay-moi»"),
    ] {
        let out = data.join("không-có.pdf");
        let mut all = vec!["print", "innovation", y.as_str()];
        all.extend(args);
        all.extend(["--out", out.to_str().unwrap()]);
        let run = thidua(data, &all);
        assert!(!run.status.success());
        let stderr = String::from_utf8_lossy(&run.stderr);
        assert!(stderr.contains(said), "{stderr}");
        assert!(!out.exists());
    }
}
