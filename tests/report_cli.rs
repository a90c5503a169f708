//! `thidua report tally` run as IT staff would, on the demo database (created on first use
//! in a private data folder): the five years of the demo's history, as .xlsx and as PDF,
//! agree with the store's own tally; a wrong extension is refused in Vietnamese.

mod common;

use std::process::Output;

use calamine::{Data, Reader, open_workbook_auto};
use chrono::{Datelike, Local};
use common::demo_cli as thidua;
use thidua::store::Store;

fn ok(run: &Output) -> String {
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    String::from_utf8_lossy(&run.stdout).into_owned()
}

#[test]
fn the_tally_of_the_demos_five_years_as_xlsx_and_pdf() {
    let dir = tempfile::tempdir().unwrap();
    // The demo holds the five years before this one.
    let last = Local::now().date_naive().year() - 1;
    let (from, to) = ((last - 4).to_string(), last.to_string());
    let xlsx = dir.path().join("tổng hợp.xlsx");
    let said = ok(&thidua(
        dir.path(),
        &[
            "report",
            "tally",
            "--from",
            &from,
            "--to",
            &to,
            "--out",
            xlsx.to_str().unwrap(),
        ],
    ));
    assert!(said.contains("Đã xuất tổng hợp khen thưởng"), "{said}");

    let demo = dir.path().join("thidua").join("thidua-demo.sqlite");
    let store = Store::open(&demo).unwrap();
    let report = store.period_report(last - 4, last).unwrap();
    assert!(
        report.years.iter().all(|y| y.total() > 0),
        "every one of the five years has awards: {:?}",
        report.years
    );
    let names: Vec<&str> = report.tally.lines.iter().map(|l| l.name.as_str()).collect();
    for title in [
        "Lao động tiên tiến",
        "Chiến sĩ thi đua cơ sở",
        "Tập thể lao động tiên tiến",
        "Bằng khen của Chủ tịch UBND tỉnh",
    ] {
        assert!(names.contains(&title), "{title} missing from {names:?}");
    }

    let mut wb = open_workbook_auto(&xlsx).unwrap();
    let range = wb.worksheet_range("Tổng hợp khen thưởng").unwrap();
    let rows: Vec<Vec<Data>> = range.rows().map(|r| r.to_vec()).collect();
    for (i, line) in report.tally.lines.iter().enumerate() {
        let row = &rows[4 + i];
        assert_eq!(row[1], Data::String(line.name.clone()));
        assert_eq!(
            row[2],
            Data::Float(line.collectives as f64),
            "{}",
            line.name
        );
        assert_eq!(
            row[3],
            Data::Float(line.individuals as f64),
            "{}",
            line.name
        );
    }
    let total = &rows[4 + report.tally.lines.len()];
    assert_eq!(
        total[3],
        Data::Float(report.tally.total_individuals() as f64)
    );

    let pdf = dir.path().join("tổng hợp.pdf");
    let said = ok(&thidua(
        dir.path(),
        &[
            "report",
            "tally",
            "--from",
            &to,
            "--to",
            &from,
            "--out",
            pdf.to_str().unwrap(),
        ],
    ));
    assert!(said.contains("Đã in tổng hợp khen thưởng"), "{said}");
    let text = pdf_extract::extract_text(&pdf).unwrap();
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        text.contains(&format!(
            "Tổng hợp kết quả khen thưởng giai đoạn {from}–{to}"
        )),
        "{text}"
    );
    assert!(text.contains(&report.tally.lines[0].phrase()), "{text}");
}

#[test]
fn an_unknown_extension_is_refused_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("tong-hop.docx");
    let run = thidua(
        dir.path(),
        &[
            "report",
            "tally",
            "--from",
            "2022",
            "--to",
            "2026",
            "--out",
            out.to_str().unwrap(),
        ],
    );
    assert!(!run.status.success());
    let err = String::from_utf8_lossy(&run.stderr);
    assert!(err.contains(".pdf hoặc .xlsx"), "{err}");
    assert!(!out.exists());
}
