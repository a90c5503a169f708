//! `thidua print …` for the papers of the year end, run headless as IT staff would on a
//! demo database of 10 December 2026 (nominations, a held council meeting, the submissions
//! numbered): each PDF is read back and carries the data it was made from.

use std::path::Path;
use std::process::Command;

use chrono::NaiveDate;
use thidua::domain::model::Subject;
use thidua::store::Store;

/// The demo of 10 December 2026, in a file.
fn demo(dir: &Path) -> (std::path::PathBuf, Store) {
    let path = dir.join("thi đua demo.sqlite");
    let mut store = Store::open(&path).unwrap();
    thidua::demo::populate_demo(&mut store, NaiveDate::from_ymd_opt(2026, 12, 10).unwrap())
        .unwrap();
    (path, store)
}

/// Run `thidua --db DB print ARGS --out FILE`; the PDF's text, whitespace folded.
fn print(db: &Path, args: &[&str], out: &Path) -> String {
    let run = Command::new(env!("CARGO_BIN_EXE_thidua"))
        .arg("--db")
        .arg(db)
        .arg("print")
        .args(args)
        .arg("--out")
        .arg(out)
        .output()
        .unwrap();
    assert!(
        run.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&run.stderr)
    );
    let pdf = std::fs::read(out).unwrap();
    assert!(pdf.starts_with(b"%PDF"), "{args:?}");
    let text = pdf_extract::extract_text_from_mem(&pdf).unwrap();
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn the_achievement_report_prints_headless_with_the_nominees_history() {
    let dir = tempfile::tempdir().unwrap();
    let (db, store) = demo(dir.path());
    let catalogue = store.catalogue().unwrap();
    let cstd_tinh = catalogue.iter().find(|e| e.code == "CSTD_TINH").unwrap();
    let n = store
        .nominations(2026)
        .unwrap()
        .into_iter()
        .find(|n| n.catalogue_id == cstd_tinh.id)
        .expect("the demo nominates someone for CSTĐ tỉnh");
    let Subject::Person(pid) = n.subject else {
        panic!("CSTĐ tỉnh is for a person")
    };
    let person = store.person(pid).unwrap();
    let awards = store.awards_for(n.subject).unwrap();
    let last = awards
        .iter()
        .filter(|a| a.year < 2026)
        .max_by_key(|a| a.year)
        .expect("three years of CSTĐCS behind the nomination");
    drop(store);
    let text = print(
        &db,
        &["achievement", &n.id.to_string()],
        &dir.path().join("báo cáo.pdf"),
    );
    assert!(text.contains("BÁO CÁO THÀNH TÍCH"), "{text}");
    assert!(text.contains(&person.full_name), "{text}");
    assert!(
        text.contains(&format!("Quyết định số {}", last.decision_number)),
        "the award history names {}: {text}",
        last.decision_number
    );
    // A nomination that does not exist is refused in Vietnamese, and nothing is written.
    let missing = dir.path().join("không có.pdf");
    let run = Command::new(env!("CARGO_BIN_EXE_thidua"))
        .arg("--db")
        .arg(&db)
        .args(["print", "achievement", "999999", "--out"])
        .arg(&missing)
        .output()
        .unwrap();
    assert!(!run.status.success());
    assert!(
        String::from_utf8_lossy(&run.stderr).contains("đề nghị số 999999"),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    assert!(!missing.exists());
}

#[test]
fn the_council_papers_and_submissions_print_headless_from_the_demo() {
    let dir = tempfile::tempdir().unwrap();
    let (db, store) = demo(dir.path());
    let meeting = store.meetings(2026).unwrap().pop().expect("a held meeting");
    let org = store.organisation().unwrap();
    let on_agenda = store
        .nominations(2026)
        .unwrap()
        .into_iter()
        .find(|n| n.meeting == Some(meeting.id))
        .expect("the meeting has an agenda");
    let (name, _) = thidua::docs::council_data::Names::load(&store)
        .unwrap()
        .subject(on_agenda.subject);
    let numbers: Vec<u32> = store
        .documents_of_year(2026)
        .unwrap()
        .into_iter()
        .filter(|d| d.kind == "TTr")
        .map(|d| d.number)
        .collect();
    assert!(!numbers.is_empty(), "the demo's submissions are numbered");
    drop(store);

    let ballots = print(&db, &["ballots", "2026"], &dir.path().join("phiếu.pdf"));
    assert!(ballots.contains("PHIẾU BẦU"), "{ballots}");
    assert!(ballots.contains("Không đồng ý"), "{ballots}");
    assert!(ballots.contains(&name), "{name}: {ballots}");

    let minutes = print(&db, &["minutes", "2026"], &dir.path().join("biên bản.pdf"));
    assert!(minutes.contains("BIÊN BẢN"), "{minutes}");
    assert!(minutes.contains(&meeting.place), "{minutes}");
    assert!(minutes.contains(&name), "{name}: {minutes}");

    for (extra, to) in [
        (None, "Giám đốc Sở Công Thương"),
        (Some("--province"), "Chủ tịch"),
    ] {
        let mut args = vec!["proposal", "2026"];
        args.extend(extra);
        let text = print(&db, &args, &dir.path().join("tờ trình.pdf"));
        assert!(text.contains("TỜ TRÌNH"), "{text}");
        assert!(text.contains(&format!("Kính gửi: {to}")), "{text}");
        assert!(
            text.contains("Đơn vị đề nghị"),
            "the list names the proposing unit"
        );
        let numbered = numbers
            .iter()
            .any(|n| text.contains(&format!("{n}/TTr-{}", org.abbreviation)));
        assert!(numbered, "numbered from the register {numbers:?}: {text}");
    }
}
