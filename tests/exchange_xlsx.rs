//! Excel in and out: templates, previews that name every bad row, all-or-nothing imports,
//! re-imports that change nothing, exports in Vietnamese name order with text kept as text.

use std::path::Path;

use calamine::{Data, Reader, open_workbook_auto};
use chrono::NaiveDate;
use rust_xlsxwriter::{Format, Formula, Workbook};
use thidua::domain::model::{Gender, Person, PersonStatus, Rating, Subject};
use thidua::domain::validate::UnitForm;
use thidua::exchange::{self, Change, Context, ExchangeError, Kind, Preview};
use thidua::store::Store;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn store_with_units() -> Store {
    let mut s = Store::open_in_memory().unwrap();
    for (name, short) in [("Văn phòng", "VP"), ("Thanh tra", "TTr")] {
        let mut f = UnitForm::new();
        f.name = name.into();
        f.short_name = short.into();
        s.save_unit(&f.validate().unwrap()).unwrap();
    }
    s
}

/// Write rows from the top-left cell. A cell "d:1985-03-12" is a real Excel date, "n:45296"
/// a number; anything else is text.
fn write_sheet(path: &Path, rows: &[&[&str]]) {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    let date_format = Format::new().set_num_format("dd/mm/yyyy");
    for (r, row) in rows.iter().enumerate() {
        for (c, text) in row.iter().enumerate() {
            let (r, c) = (r as u32, c as u16);
            if let Some(d) = text.strip_prefix("d:") {
                let d = NaiveDate::parse_from_str(d, "%Y-%m-%d").unwrap();
                ws.write_date_with_format(r, c, d, &date_format).unwrap();
            } else if let Some(n) = text.strip_prefix("n:") {
                ws.write_number(r, c, n.parse::<f64>().unwrap()).unwrap();
            } else if !text.is_empty() {
                ws.write_string(r, c, *text).unwrap();
            }
        }
    }
    wb.save(path).unwrap();
}

fn try_preview(store: &Store, kind: Kind, path: &Path) -> Result<Preview, ExchangeError> {
    let units = store.units().unwrap();
    let people = store.people().unwrap();
    let catalogue = store.catalogue().unwrap();
    let awards = store.all_awards().unwrap();
    let ctx = Context {
        units: &units,
        people: &people,
        catalogue: &catalogue,
        awards: &awards,
        today: today(),
    };
    exchange::read(kind, path, &ctx)
}

/// The preview, and the last progress report it gave.
fn preview_with_progress(store: &Store, kind: Kind, path: &Path) -> (Preview, (usize, usize)) {
    let units = store.units().unwrap();
    let people = store.people().unwrap();
    let catalogue = store.catalogue().unwrap();
    let awards = store.all_awards().unwrap();
    let ctx = Context {
        units: &units,
        people: &people,
        catalogue: &catalogue,
        awards: &awards,
        today: today(),
    };
    let mut last = (0, 0);
    let p = exchange::read_with_progress(kind, path, &ctx, &mut |d, t| last = (d, t)).unwrap();
    (p, last)
}

fn preview(store: &Store, kind: Kind, path: &Path) -> Preview {
    try_preview(store, kind, path).unwrap()
}

fn import(store: &mut Store, kind: Kind, path: &Path) -> exchange::Summary {
    let p = preview(store, kind, path);
    assert!(p.is_clean(), "{:?}", p.problems);
    exchange::commit(&p, store, &mut |_, _| {}).unwrap()
}

fn rows_of(p: &Preview) -> Vec<usize> {
    p.problems.iter().map(|(r, _)| *r).collect()
}

/// The header row of the template for `kind`, as the template writes it.
fn template_headers(store: &Store, kind: Kind, dir: &Path) -> Vec<String> {
    let path = dir.join(format!("{}.xlsx", kind.file_stem()));
    exchange::write_template(
        kind,
        &path,
        &store.units().unwrap(),
        &store.catalogue().unwrap(),
    )
    .unwrap();
    let mut wb = open_workbook_auto(&path).unwrap();
    let range = wb.worksheet_range_at(0).unwrap().unwrap();
    range
        .rows()
        .next()
        .unwrap()
        .iter()
        .map(|c| c.to_string())
        .collect()
}

const PEOPLE_HEADER: &[&str] = &["Họ và tên", "Giới tính", "Ngày sinh", "Đơn vị", "Chức vụ"];

#[test]
fn the_preview_names_every_bad_row_and_a_bad_file_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = store_with_units();
    let headers = template_headers(&store, Kind::People, dir.path());
    assert_eq!(headers[0], "Họ và tên");
    assert!(
        headers.contains(&"Lãnh đạo Sở (x)".to_owned()),
        "{headers:?}"
    );
    // The template's columns, in another order: Đơn vị first, then the rest.
    let order = [3usize, 0, 1, 2, 4, 5, 6, 7];
    let header: Vec<&str> = order.iter().map(|&i| headers[i].as_str()).collect();
    let row = |cells: [&'static str; 8]| -> Vec<&'static str> {
        order.iter().map(|&i| cells[i]).collect()
    };
    let good = row([
        "Nguyễn Thị Ánh",
        "Nữ",
        "12/03/1985",
        "Văn phòng",
        "Chuyên viên",
        "",
        "",
        "",
    ]);
    let unknown_unit = row([
        "Trần Văn Bình",
        "Nam",
        "01/01/1980",
        "Phòng Không Có",
        "",
        "",
        "",
        "",
    ]);
    let impossible = row([
        "Lê Văn Cường",
        "Nam",
        "",
        "Thanh tra",
        "",
        "",
        "",
        "31/02/2020",
    ]);
    let duplicate = row([
        "nguyen thi anh",
        "nu",
        "12/03/1985",
        "van phong",
        "",
        "",
        "",
        "",
    ]);
    let no_name = row(["", "Nam", "01/01/1980", "Thanh tra", "", "", "", ""]);
    let two_faults = row(["Phạm Văn Dũng", "Gay", "", "Phòng Ma", "", "", "", ""]);
    let rows: Vec<&[&str]> = vec![
        &header,
        &good,
        &unknown_unit,
        &impossible,
        &duplicate,
        &no_name,
        &two_faults,
        &header, // a header repeated further down is not a row
    ];
    let file = dir.path().join("cá nhân.xlsx");
    write_sheet(&file, &rows);

    let p = preview(&store, Kind::People, &file);
    assert_eq!(rows_of(&p), vec![3, 4, 5, 6, 7], "{:?}", p.problems);
    assert!(
        p.problems[0]
            .1
            .contains("Không có đơn vị \"Phòng Không Có\"")
    );
    assert!(p.problems[1].1.contains("Không có ngày 31/02/2020"));
    assert!(p.problems[2].1.contains("Trùng người với dòng 2"));
    assert!(p.problems[3].1.contains("Hãy nhập họ và tên."));
    let both = &p.problems[4].1;
    assert!(
        both.contains("Không có đơn vị \"Phòng Ma\"") && both.contains("Giới tính \"Gay\""),
        "{both}"
    );
    assert_eq!(p.changes.len(), 1);
    assert_eq!(p.changes[0].0, 2);

    let units_before = store.units().unwrap();
    let err = exchange::commit(&p, &mut store, &mut |_, _| {}).unwrap_err();
    assert!(matches!(err, ExchangeError::HasProblems(5)), "{err}");
    assert!(err.to_string().contains("chưa có dòng nào được ghi"));
    assert!(store.people().unwrap().is_empty());
    assert_eq!(store.units().unwrap(), units_before);
}

#[test]
fn a_good_file_is_imported_whole_nfc_and_a_second_import_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("people.xlsx");
    let decomposed = "Nguye\u{302}\u{303}n Thi\u{323} Ha\u{300}";
    let unit_nfd = "Va\u{306}n pho\u{300}ng";
    {
        // A title row above the header, real dates, serial numbers, a merged unit column.
        let mut wb = Workbook::new();
        let ws = wb.add_worksheet();
        ws.write_string(0, 0, "DANH SÁCH CÁN BỘ").unwrap();
        let header = [
            "Họ và tên",
            "Giới tính",
            "Ngày sinh",
            "Đơn vị",
            "Chức vụ",
            "Lãnh đạo Sở (x)",
            "Ngày tuyển dụng",
        ];
        for (c, h) in header.iter().enumerate() {
            ws.write_string(2, c as u16, *h).unwrap();
        }
        let df = Format::new().set_num_format("dd/mm/yyyy");
        ws.write_string(3, 0, decomposed).unwrap();
        ws.write_string(3, 1, "Nữ").unwrap();
        ws.write_date_with_format(3, 2, date(1990, 6, 5), &df)
            .unwrap();
        ws.write_string(3, 4, "Chuyên viên").unwrap();
        ws.write_number(3, 6, 45296.0).unwrap(); // 05/01/2024
        ws.write_string(4, 0, "Phạm Văn An").unwrap();
        ws.write_string(4, 1, "nam").unwrap();
        ws.write_string(4, 2, "5-1-1980").unwrap();
        ws.write_string(4, 5, "x").unwrap();
        ws.merge_range(3, 3, 4, 3, unit_nfd, &Format::new())
            .unwrap();
        ws.write_formula(5, 0, Formula::new("=\"Lê \"&\"Thu\"").set_result("Lê Thu"))
            .unwrap();
        ws.write_string(5, 1, "Nữ").unwrap();
        ws.write_string(5, 3, "TTr").unwrap();
        wb.save(&file).unwrap();
    }
    let mut store = store_with_units();
    let (p, last) = preview_with_progress(&store, Kind::People, &file);
    assert_eq!(last, (3, 3), "reading reports its progress to the end");
    assert!(p.is_clean(), "{:?}", p.problems);
    assert_eq!(
        p.changes.iter().map(|c| c.0).collect::<Vec<_>>(),
        vec![4, 5, 6]
    );
    let mut seen = Vec::new();
    let summary = exchange::commit(&p, &mut store, &mut |d, t| seen.push((d, t))).unwrap();
    assert_eq!(
        (summary.added, summary.updated, summary.unchanged),
        (3, 0, 0)
    );
    assert_eq!(seen.last(), Some(&(3, 3)), "progress ends at the total");

    let people = store.people().unwrap();
    let ha = people
        .iter()
        .find(|r| r.person.full_name == "Nguyễn Thị Hà")
        .expect("stored NFC");
    assert_eq!(ha.unit_name, "Văn phòng");
    assert_eq!(ha.person.birth_date, Some(date(1990, 6, 5)));
    assert_eq!(ha.person.recruited_on, Some(date(2024, 1, 5)));
    let an = people
        .iter()
        .find(|r| r.person.full_name == "Phạm Văn An")
        .unwrap();
    assert_eq!(
        an.unit_name, "Văn phòng",
        "merged cell belongs to every row"
    );
    assert_eq!(an.person.birth_date, Some(date(1980, 1, 5)));
    assert!(an.person.is_department_leader);
    let thu = people
        .iter()
        .find(|r| r.person.full_name == "Lê Thu")
        .unwrap();
    assert_eq!(
        thu.unit_name, "Thanh tra",
        "short name and cached formula value"
    );

    let again = preview(&store, Kind::People, &file);
    assert!(
        again
            .changes
            .iter()
            .all(|(_, c, _)| *c == Change::Unchanged),
        "{again:?}"
    );
    let summary = exchange::commit(&again, &mut store, &mut |_, _| {}).unwrap();
    assert_eq!(
        (summary.added, summary.updated, summary.unchanged),
        (0, 0, 3)
    );
    assert_eq!(store.people().unwrap(), people);
}

#[test]
fn a_person_already_stored_is_updated_not_duplicated() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = store_with_units();
    let first = dir.path().join("1.xlsx");
    write_sheet(
        &first,
        &[
            PEOPLE_HEADER,
            &[
                "Nguyễn Thị Ánh",
                "Nữ",
                "12/03/1985",
                "Văn phòng",
                "Chuyên viên",
            ],
        ],
    );
    import(&mut store, Kind::People, &first);
    let second = dir.path().join("2.xlsx");
    write_sheet(
        &second,
        &[
            PEOPLE_HEADER,
            &[
                "NGUYEN THI ANH",
                "Nữ",
                "d:1985-03-12",
                "VP",
                "Phó Chánh Văn phòng",
            ],
            &[
                "Nguyễn Thị Ánh",
                "Nữ",
                "01/01/1990",
                "Văn phòng",
                "Chuyên viên",
            ],
        ],
    );
    let p = preview(&store, Kind::People, &second);
    assert!(p.is_clean(), "{:?}", p.problems);
    assert!(p.changes[0].2.starts_with("Cập nhật"), "{}", p.changes[0].2);
    let summary = exchange::commit(&p, &mut store, &mut |_, _| {}).unwrap();
    assert_eq!(
        (summary.added, summary.updated),
        (1, 1),
        "a namesake born elsewhen is someone else"
    );
    let people = store.people().unwrap();
    assert_eq!(people.len(), 2);
    let anh = people
        .iter()
        .find(|r| r.person.birth_date == Some(date(1985, 3, 12)))
        .unwrap();
    assert_eq!(
        anh.person.full_name, "Nguyễn Thị Ánh",
        "the accented spelling is kept"
    );
    assert_eq!(anh.person.position, "Phó Chánh Văn phòng");
}

const HISTORY_HEADER: &[&str] = &[
    "Họ và tên hoặc tên tập thể",
    "Ngày sinh",
    "Đơn vị",
    "Năm",
    "Danh hiệu, hình thức",
    "Số quyết định",
    "Ngày quyết định",
    "Cơ quan, người ký",
];

#[test]
fn history_import_checks_titles_and_twice_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = store_with_units();
    let people = dir.path().join("p.xlsx");
    write_sheet(
        &people,
        &[
            PEOPLE_HEADER,
            &["Nguyễn Thị Ánh", "Nữ", "12/03/1985", "Văn phòng", ""],
        ],
    );
    import(&mut store, Kind::People, &people);

    let bad = dir.path().join("bad.xlsx");
    write_sheet(
        &bad,
        &[
            HISTORY_HEADER,
            &[
                "Nguyễn Thị Ánh",
                "",
                "",
                "2024",
                "Lao động tiên tiến",
                "2/QĐ-SCT",
                "15/01/2025",
                "Giám đốc Sở",
            ],
            &[
                "Nguyễn Thị Ánh",
                "",
                "",
                "2025",
                "Tập thể lao động tiên tiến",
                "",
                "",
                "",
            ],
            &[
                "Nguyễn Thị Ánh",
                "",
                "",
                "2025",
                "Huy chương Vàng Olympic",
                "",
                "",
                "",
            ],
            &[
                "Người Không Có",
                "",
                "",
                "2025",
                "Lao động tiên tiến",
                "",
                "",
                "",
            ],
            &[
                "Nguyễn Thị Ánh",
                "",
                "Văn phòng",
                "2024",
                "LDTT",
                "",
                "",
                "",
            ],
        ],
    );
    let p = preview(&store, Kind::History, &bad);
    assert_eq!(rows_of(&p), vec![3, 4, 5, 6], "{:?}", p.problems);
    assert!(
        p.problems[0].1.contains("dành cho tập thể"),
        "{}",
        p.problems[0].1
    );
    assert!(p.problems[1].1.contains("không có trong danh mục"));
    assert!(
        p.problems[2]
            .1
            .contains("Không tìm thấy cá nhân \"Người Không Có\"")
    );
    assert!(
        p.problems[3].1.contains("Trùng với dòng 2"),
        "a code names the same title"
    );
    assert!(exchange::commit(&p, &mut store, &mut |_, _| {}).is_err());
    assert!(store.all_awards().unwrap().is_empty());

    let good = dir.path().join("lịch sử.xlsx");
    write_sheet(
        &good,
        &[
            HISTORY_HEADER,
            &[
                "Nguyễn Thị Ánh",
                "12/03/1985",
                "Văn phòng",
                "2024",
                "Lao động tiên tiến",
                "2/QĐ-SCT",
                "15/01/2025",
                "Giám đốc Sở Công Thương",
            ],
            &[
                "",
                "",
                "Văn phòng",
                "2024",
                "tap the lao dong tien tien",
                "4/QĐ-SCT",
                "d:2025-01-15",
                "",
            ],
            &[
                "Thanh tra",
                "",
                "",
                "n:2023",
                "Tập thể lao động tiên tiến",
                "",
                "",
                "",
            ],
        ],
    );
    let first = preview(&store, Kind::History, &good);
    assert!(first.is_clean(), "{:?}", first.problems);
    assert_eq!(import(&mut store, Kind::History, &good).added, 3);
    let stored = store.all_awards().unwrap();
    let second = import(&mut store, Kind::History, &good);
    assert_eq!((second.added, second.updated, second.unchanged), (0, 0, 3));
    assert_eq!(store.all_awards().unwrap(), stored);

    let unit = store
        .units()
        .unwrap()
        .into_iter()
        .find(|u| u.name == "Văn phòng")
        .unwrap();
    let unit_awards = store.awards_for(Subject::Unit(unit.id)).unwrap();
    assert_eq!(unit_awards.len(), 1);
    assert_eq!(unit_awards[0].decision_date, Some(date(2025, 1, 15)));

    // A later file adding a missing detail completes the record instead of duplicating it.
    let more = dir.path().join("more.xlsx");
    write_sheet(
        &more,
        &[
            HISTORY_HEADER,
            &[
                "Thanh tra",
                "",
                "",
                "2023",
                "Tập thể lao động tiên tiến",
                "9/QĐ-SCT",
                "",
                "",
            ],
        ],
    );
    let third = import(&mut store, Kind::History, &more);
    assert_eq!((third.added, third.updated), (0, 1));
    assert_eq!(store.all_awards().unwrap().len(), 3);
}

#[test]
fn ratings_for_people_and_units_are_set_once() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = store_with_units();
    let people = dir.path().join("p.xlsx");
    write_sheet(
        &people,
        &[
            PEOPLE_HEADER,
            &["Nguyễn Thị Ánh", "Nữ", "12/03/1985", "Văn phòng", ""],
        ],
    );
    import(&mut store, Kind::People, &people);
    let file = dir.path().join("xếp loại.xlsx");
    let header: &[&str] = &["Họ và tên", "Ngày sinh", "Đơn vị", "Năm", "Xếp loại"];
    write_sheet(
        &file,
        &[
            header,
            &["Nguyễn Thị Ánh", "", "Văn phòng", "2024", "HTTNV"],
            &["", "", "Thanh tra", "2024", "hoàn thành xuất sắc nhiệm vụ"],
            &["Nguyễn Thị Ánh", "", "", "2025", "Giỏi"],
            &["Nguyễn Thị Ánh", "", "", "20x5", "HTNV"],
        ],
    );
    let p = preview(&store, Kind::Ratings, &file);
    assert_eq!(rows_of(&p), vec![4, 5], "{:?}", p.problems);
    assert!(p.problems[0].1.contains("Xếp loại \"Giỏi\" không hợp lệ"));
    assert!(p.problems[1].1.contains("Năm phải là số có 4 chữ số"));

    write_sheet(
        &file,
        &[
            header,
            &["Nguyễn Thị Ánh", "", "Văn phòng", "2024", "HTTNV"],
            &["", "", "Thanh tra", "2024", "HTXSNV"],
        ],
    );
    assert_eq!(import(&mut store, Kind::Ratings, &file).added, 2);
    let again = import(&mut store, Kind::Ratings, &file);
    assert_eq!((again.added, again.updated, again.unchanged), (0, 0, 2));
    let person = store.people().unwrap()[0].person.id;
    assert_eq!(
        store.person_ratings(person).unwrap(),
        vec![(2024, Rating::Good)]
    );
    write_sheet(
        &file,
        &[
            header,
            &["Nguyễn Thị Ánh", "", "Văn phòng", "2024", "HTXSNV"],
        ],
    );
    assert_eq!(import(&mut store, Kind::Ratings, &file).updated, 1);
    assert_eq!(
        store.person_ratings(person).unwrap(),
        vec![(2024, Rating::Excellent)]
    );
}

#[test]
fn units_are_added_or_updated_by_name() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = store_with_units();
    let file = dir.path().join("đơn vị.xlsx");
    write_sheet(
        &file,
        &[
            &["Tên đơn vị", "Tên viết tắt", "Loại đơn vị", "Thứ tự"],
            &["Chi cục Quản lý thị trường", "CCQLTT", "Chi cục", "n:30"],
            &["THANH TRA", "", "van phong, thanh tra", "5"],
            &["Phòng Mới", "", "Bộ phận lạ", ""],
        ],
    );
    let p = preview(&store, Kind::Units, &file);
    assert_eq!(rows_of(&p), vec![4]);
    assert!(p.problems[0].1.contains("Loại đơn vị \"Bộ phận lạ\""));
    write_sheet(
        &file,
        &[
            &["Tên đơn vị", "Loại đơn vị", "Thứ tự"],
            &["Chi cục Quản lý thị trường", "Chi cục", "30"],
            &["Thanh tra", "Văn phòng, Thanh tra", "5"],
        ],
    );
    let s = import(&mut store, Kind::Units, &file);
    assert_eq!((s.added, s.updated), (1, 1));
    let units = store.units().unwrap();
    assert_eq!(units.len(), 3);
    let tt = units.iter().find(|u| u.name == "Thanh tra").unwrap();
    assert_eq!(
        (tt.sort_order, tt.short_name.as_str()),
        (5, "TTr"),
        "an empty cell keeps the stored value"
    );
}

fn stored_person(store: &mut Store, name: &str, unit: i64, birth: Option<NaiveDate>) {
    store
        .save_person(&Person {
            id: 0,
            full_name: name.into(),
            gender: Gender::Female,
            birth_date: birth,
            unit_id: unit,
            position: "Chuyên viên".into(),
            position_rank: 50,
            is_department_leader: false,
            recruited_on: Some(date(2010, 9, 1)),
            status: PersonStatus::Working,
            status_date: None,
            active: true,
        })
        .unwrap();
}

#[test]
fn exported_people_are_in_vietnamese_name_order_and_formulas_stay_text() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = store_with_units();
    let vp = store.units().unwrap()[0].id;
    for name in [
        "Lê Văn Đức",
        "Trần Dũng",
        "Nguyễn Ánh",
        "=SUM(A1)",
        "Phạm Anh",
        "Đỗ Văn Đạt",
    ] {
        stored_person(&mut store, name, vp, Some(date(1980, 2, 29)));
    }
    let out = dir.path().join("xuất.xlsx");
    let mut progress = Vec::new();
    exchange::export_people(&out, &store.people().unwrap(), &mut |d, t| {
        progress.push((d, t))
    })
    .unwrap();
    assert_eq!(progress.last(), Some(&(6, 6)));
    let mut wb = open_workbook_auto(&out).unwrap();
    let range = wb.worksheet_range_at(0).unwrap().unwrap();
    let header: Vec<String> = range
        .rows()
        .next()
        .unwrap()
        .iter()
        .map(|c| c.to_string())
        .collect();
    assert_eq!(
        header,
        [
            "STT",
            "Họ và tên",
            "Giới tính",
            "Ngày sinh",
            "Đơn vị",
            "Chức vụ",
            "Lãnh đạo Sở",
            "Ngày tuyển dụng",
            "Tình trạng"
        ]
    );
    let names: Vec<String> = range.rows().skip(1).map(|r| r[1].to_string()).collect();
    assert_eq!(
        names,
        [
            "=SUM(A1)",
            "Phạm Anh",
            "Nguyễn Ánh",
            "Trần Dũng",
            "Đỗ Văn Đạt",
            "Lê Văn Đức"
        ]
    );
    let first = range.rows().nth(1).unwrap();
    assert_eq!(
        first[1],
        Data::String("=SUM(A1)".into()),
        "written as text, not a formula"
    );
    match &first[3] {
        Data::DateTime(d) => assert_eq!(d.as_datetime().unwrap().date(), date(1980, 2, 29)),
        other => panic!("birth date is not a real date: {other:?}"),
    }
    let formulas = wb.worksheet_formula("Cá nhân").unwrap();
    assert!(
        formulas.cells().all(|(_, _, f)| f.is_empty()),
        "no formula in the file"
    );

    // The export reads back as a people file: every row matches, nothing changes.
    let mut fresh = store_with_units();
    let vp2 = fresh.units().unwrap()[0].id;
    stored_person(&mut fresh, "Phạm Anh", vp2, Some(date(1980, 2, 29)));
    let p = preview(&fresh, Kind::People, &out);
    assert_eq!(
        rows_of(&p),
        vec![2],
        "only the formula-like name is refused: {:?}",
        p.problems
    );
    assert_eq!(
        p.changes
            .iter()
            .filter(|c| c.1 == Change::Unchanged)
            .count(),
        1
    );
}

#[test]
fn templates_read_back_with_their_example_row_skipped() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = store_with_units();
    for kind in Kind::ALL {
        let path = dir.path().join(format!("{}.xlsx", kind.file_stem()));
        exchange::write_template(
            kind,
            &path,
            &store.units().unwrap(),
            &store.catalogue().unwrap(),
        )
        .unwrap();
        let p = preview(&store, kind, &path);
        assert!(p.is_clean(), "{kind:?}: {:?}", p.problems);
        assert_eq!(p.changes.len(), 1, "{kind:?}");
        assert_eq!(
            (p.changes[0].0, &p.changes[0].1),
            (2, &Change::Skipped),
            "{kind:?}"
        );
        let s = exchange::commit(&p, &mut store, &mut |_, _| {}).unwrap();
        assert_eq!((s.added, s.skipped), (0, 1));
    }
    assert!(store.people().unwrap().is_empty());
}

#[test]
fn bad_files_are_refused_with_words_a_clerk_can_act_on() {
    let dir = tempfile::tempdir().unwrap();
    let store = store_with_units();
    let text = dir.path().join("khong-phai.xlsx");
    std::fs::write(&text, b"Ho va ten;Gioi tinh\n").unwrap();
    let err = try_preview(&store, Kind::People, &text).unwrap_err();
    assert!(matches!(err, ExchangeError::NotXlsx { .. }), "{err}");
    assert!(err.to_string().contains("không phải tệp Excel .xlsx"));
    let empty = dir.path().join("rong.xlsx");
    std::fs::write(&empty, b"").unwrap();
    assert!(matches!(
        try_preview(&store, Kind::People, &empty),
        Err(ExchangeError::NotXlsx { .. })
    ));
    let old = dir.path().join("cu.xlsx");
    std::fs::write(&old, [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]).unwrap();
    let err = try_preview(&store, Kind::People, &old).unwrap_err();
    assert!(err.to_string().contains(".xls"), "{err}");
    let missing = dir.path().join("khong-co.xlsx");
    let err = try_preview(&store, Kind::People, &missing).unwrap_err();
    assert!(err.to_string().starts_with("Không mở được tệp"), "{err}");
    assert!(err.to_string().contains("đang mở trong Excel"));

    let no_gender = dir.path().join("thieu-cot.xlsx");
    write_sheet(
        &no_gender,
        &[&["Họ và tên", "Đơn vị"], &["Nguyễn Văn A", "Văn phòng"]],
    );
    let err = try_preview(&store, Kind::People, &no_gender).unwrap_err();
    assert!(err.to_string().contains("thiếu cột \"Giới tính\""), "{err}");

    let blank = dir.path().join("trong.xlsx");
    Workbook::new().save(&blank).unwrap();
    assert!(matches!(
        try_preview(&store, Kind::People, &blank),
        Err(ExchangeError::Empty(_))
    ));

    // Numbers where text is expected, formula errors, a stray cell at the sheet's far end.
    let odd = dir.path().join("la.xlsx");
    {
        let mut wb = Workbook::new();
        let ws = wb.add_worksheet();
        for (c, h) in PEOPLE_HEADER.iter().enumerate() {
            ws.write_string(0, c as u16, *h).unwrap();
        }
        ws.write_number(1, 0, 12345.0).unwrap();
        ws.write_boolean(1, 1, true).unwrap();
        ws.write_string(1, 3, "Văn phòng").unwrap();
        ws.write_string(2, 0, "Trần Văn B").unwrap();
        ws.write_string(2, 1, "Nam").unwrap();
        ws.write_formula(2, 3, Formula::new("=1/0").set_result("#DIV/0!"))
            .unwrap();
        ws.write_string(1_048_575, 16_383, "xa").unwrap();
        ws.write_string(1_048_575, 0, "Lê Văn Xa").unwrap();
        wb.save(&odd).unwrap();
    }
    let p = preview(&store, Kind::People, &odd);
    assert_eq!(rows_of(&p), vec![2, 3, 1_048_576], "{:?}", p.problems);
    assert!(
        p.problems[0].1.contains("không được chứa chữ số"),
        "{}",
        p.problems[0].1
    );
}

#[test]
fn a_sheet_over_the_row_limit_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let store = store_with_units();
    let big = dir.path().join("lon.xlsx");
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    for (c, h) in PEOPLE_HEADER.iter().enumerate() {
        ws.write_string(0, c as u16, *h).unwrap();
    }
    for r in 1..=exchange::cells::MAX_ROWS as u32 + 1 {
        ws.write_string(r, 0, "A").unwrap();
    }
    wb.save(&big).unwrap();
    let err = try_preview(&store, Kind::People, &big).unwrap_err();
    assert!(matches!(err, ExchangeError::TooLarge(_)), "{err}");
    assert!(err.to_string().contains("chia nhỏ tệp"));
}

/// A file of a few kilobytes whose parts claim to unpack to gigabytes (a "zip bomb", here
/// made by writing a huge size into the central directory of a real workbook) is refused
/// before any part is unpacked; the same workbook with its true sizes reads.
#[test]
fn a_file_that_would_unpack_to_gigabytes_is_refused_before_reading() {
    let dir = tempfile::tempdir().unwrap();
    let store = store_with_units();
    let good = dir.path().join("that.xlsx");
    write_sheet(
        &good,
        &[PEOPLE_HEADER, &["Nguyễn Văn An", "Nam", "", "Văn phòng"]],
    );
    assert!(try_preview(&store, Kind::People, &good).is_ok());

    let mut bytes = std::fs::read(&good).unwrap();
    let entry = bytes
        .windows(4)
        .position(|w| w == b"PK\x01\x02")
        .expect("a central directory entry");
    // The uncompressed size of the first part, 24 bytes into its central directory entry.
    bytes[entry + 24..entry + 28].copy_from_slice(&0xFFFF_0000u32.to_le_bytes());
    let bomb = dir.path().join("bom.xlsx");
    std::fs::write(&bomb, &bytes).unwrap();
    assert!(bytes.len() < 100_000);
    let err = try_preview(&store, Kind::People, &bomb).unwrap_err();
    assert!(matches!(err, ExchangeError::UnpacksTooBig { .. }), "{err}");
    assert!(
        err.to_string().contains("khi giải nén lớn tới 4095 MB"),
        "{err}"
    );
}

/// A sheet whose dimension is written backwards (`H2:A1`) made the workbook reader
/// overflow (found by tests/fuzz_mutations.rs with THIDUA_FUZZ_ROUNDS=40; the file is kept
/// in the fuzz corpus): it is now refused as a damaged file, with what to do.
#[test]
fn a_sheet_with_a_backwards_dimension_is_refused_as_damaged() {
    use std::io::{Read, Write};
    let dir = tempfile::tempdir().unwrap();
    let store = store_with_units();
    let good = dir.path().join("that.xlsx");
    write_sheet(
        &good,
        &[PEOPLE_HEADER, &["Nguyễn Văn An", "Nam", "", "Văn phòng"]],
    );
    let mut archive = zip::ZipArchive::new(std::fs::File::open(&good).unwrap()).unwrap();
    let bad = dir.path().join("nguoc.xlsx");
    let mut out = zip::ZipWriter::new(std::fs::File::create(&bad).unwrap());
    let mut reversed = false;
    for i in 0..archive.len() {
        let mut part = archive.by_index(i).unwrap();
        let name = part.name().unwrap().into_owned();
        let mut text = Vec::new();
        part.read_to_end(&mut text).unwrap();
        if name == "xl/worksheets/sheet1.xml" {
            let xml = String::from_utf8(text).unwrap();
            let start = xml.find("<dimension ref=\"").unwrap() + 16;
            let end = start + xml[start..].find('"').unwrap();
            let (a, b) = xml[start..end].split_once(':').unwrap();
            text = format!("{}{b}:{a}{}", &xml[..start], &xml[end..]).into_bytes();
            reversed = true;
        }
        out.start_file(name, zip::write::SimpleFileOptions::default())
            .unwrap();
        out.write_all(&text).unwrap();
    }
    out.finish().unwrap();
    assert!(reversed);
    let err = try_preview(&store, Kind::People, &bad).unwrap_err();
    assert!(matches!(err, ExchangeError::NotXlsx { .. }), "{err}");
    assert!(err.to_string().contains("tệp bị hỏng"), "{err}");
    assert!(err.to_string().contains("Hãy mở tệp bằng Excel"), "{err}");
}
