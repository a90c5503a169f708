//! Excel in and out: templates, previews that name every bad row, all-or-nothing imports,
//! idempotent history imports, exports in Vietnamese name order with text kept as text.

use std::path::Path;

use calamine::{Data, Reader, open_workbook_auto};
use chrono::NaiveDate;
use rust_xlsxwriter::Workbook;
use thidua::domain::model::Subject;
use thidua::domain::validate::UnitForm;
use thidua::exchange::{self, Context, Kind};
use thidua::store::Store;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()
}

fn store_with_units() -> Store {
    let mut s = Store::open_in_memory().unwrap();
    for name in ["Văn phòng", "Thanh tra"] {
        let mut f = UnitForm::new();
        f.name = name.into();
        s.save_unit(&f.validate().unwrap()).unwrap();
    }
    s
}

fn write_sheet(path: &Path, rows: &[&[&str]]) {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    for (r, row) in rows.iter().enumerate() {
        for (c, text) in row.iter().enumerate() {
            ws.write_string(r as u32, c as u16, *text).unwrap();
        }
    }
    wb.save(path).unwrap();
}

fn preview(store: &Store, kind: Kind, path: &Path) -> exchange::Preview {
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
    exchange::read(kind, path, &ctx).unwrap()
}

const PEOPLE_HEADER: &[&str] = &["Họ và tên", "Giới tính", "Ngày sinh", "Đơn vị", "Chức vụ"];

#[test]
fn the_preview_names_every_bad_row_and_a_bad_file_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("cá nhân.xlsx");
    write_sheet(
        &file,
        &[
            PEOPLE_HEADER,
            &[
                "Nguyễn Thị Ánh",
                "Nữ",
                "12/03/1985",
                "Văn phòng",
                "Chuyên viên",
            ],
            &[
                "Trần Văn Bình",
                "Nam",
                "01/01/1980",
                "Phòng Không Có",
                "Chuyên viên",
            ],
            &["Lê Văn Cường", "Nam", "31/02/1990", "Thanh tra", ""],
            &["Nguyễn Thị Ánh", "nu", "12/03/1985", "van phong", ""],
            &["", "Nam", "01/01/1980", "Thanh tra", ""],
        ],
    );
    let mut store = store_with_units();
    let p = preview(&store, Kind::People, &file);
    let rows: Vec<usize> = p.problems.iter().map(|(r, _)| *r).collect();
    assert_eq!(rows, vec![3, 4, 5, 6], "{:?}", p.problems);
    assert!(
        p.problems[0]
            .1
            .contains("Không có đơn vị \"Phòng Không Có\"")
    );
    assert!(p.problems[1].1.contains("Không có ngày 31/02/1990"));
    assert!(p.problems[2].1.contains("Trùng người với dòng 2"));
    assert!(p.problems[3].1.contains("Hãy nhập họ và tên"));
    let err = exchange::commit(&p, &mut store, &mut |_, _| {}).unwrap_err();
    assert!(err.to_string().contains("chưa có dòng nào được ghi"));
    assert!(store.people().unwrap().is_empty());
}

#[test]
fn a_good_file_is_imported_whole_and_nfd_text_is_stored_nfc() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("people.xlsx");
    let decomposed = "Nguye\u{302}\u{303}n Thi\u{323} Ha\u{300}";
    write_sheet(
        &file,
        &[
            PEOPLE_HEADER,
            &[decomposed, "Nữ", "05/06/1990", "Văn phòng", "Chuyên viên"],
            &["Phạm Văn An", "Nam", "", "Thanh tra", "Thanh tra viên"],
        ],
    );
    let mut store = store_with_units();
    let p = preview(&store, Kind::People, &file);
    assert!(p.is_clean(), "{:?}", p.problems);
    let summary = exchange::commit(&p, &mut store, &mut |_, _| {}).unwrap();
    assert_eq!(summary.added, 2);
    let names: Vec<String> = store
        .people()
        .unwrap()
        .into_iter()
        .map(|r| r.person.full_name)
        .collect();
    assert!(names.contains(&"Nguyễn Thị Hà".to_owned()), "{names:?}");
    // The same file again updates, never duplicates.
    let again = preview(&store, Kind::People, &file);
    assert!(again.is_clean());
    let summary = exchange::commit(&again, &mut store, &mut |_, _| {}).unwrap();
    assert_eq!((summary.added, summary.updated), (0, 2));
    assert_eq!(store.people().unwrap().len(), 2);
}

#[test]
fn history_import_checks_titles_and_twice_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let people = dir.path().join("p.xlsx");
    write_sheet(
        &people,
        &[
            PEOPLE_HEADER,
            &["Nguyễn Thị Ánh", "Nữ", "12/03/1985", "Văn phòng", ""],
        ],
    );
    let mut store = store_with_units();
    let p = preview(&store, Kind::People, &people);
    exchange::commit(&p, &mut store, &mut |_, _| {}).unwrap();

    let history = dir.path().join("lịch sử.xlsx");
    let header: &[&str] = &[
        "Họ và tên hoặc tên tập thể",
        "Ngày sinh",
        "Đơn vị",
        "Năm",
        "Danh hiệu, hình thức",
        "Số quyết định",
        "Ngày quyết định",
        "Cơ quan, người ký",
    ];
    write_sheet(
        &history,
        &[
            header,
            &[
                "Nguyễn Thị Ánh",
                "",
                "Văn phòng",
                "2024",
                "Lao động tiên tiến",
                "2/QĐ-SCT",
                "15/01/2025",
                "Giám đốc Sở Công Thương",
            ],
            &[
                "Văn phòng",
                "",
                "",
                "2024",
                "Tập thể lao động tiên tiến",
                "4/QĐ-SCT",
                "15/01/2025",
                "Giám đốc Sở Công Thương",
            ],
        ],
    );
    let first = preview(&store, Kind::History, &history);
    assert!(first.is_clean(), "{:?}", first.problems);
    assert_eq!(
        exchange::commit(&first, &mut store, &mut |_, _| {})
            .unwrap()
            .added,
        2
    );
    let second = preview(&store, Kind::History, &history);
    let summary = exchange::commit(&second, &mut store, &mut |_, _| {}).unwrap();
    assert_eq!((summary.added, summary.unchanged), (0, 2));
    assert_eq!(store.all_awards().unwrap().len(), 2);

    let bad = dir.path().join("bad.xlsx");
    write_sheet(
        &bad,
        &[
            header,
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
        ],
    );
    let p = preview(&store, Kind::History, &bad);
    let rows: Vec<usize> = p.problems.iter().map(|(r, _)| *r).collect();
    assert_eq!(rows, vec![2, 3, 4]);
    assert!(p.problems[0].1.contains("dành cho tập thể"));
    assert!(p.problems[1].1.contains("không có trong danh mục"));
    assert!(p.problems[2].1.contains("Không tìm thấy cá nhân"));
    let person = store.people().unwrap()[0].person.id;
    assert_eq!(store.awards_for(Subject::Person(person)).unwrap().len(), 1);
}

#[test]
fn exported_people_are_in_vietnamese_name_order_and_formulas_stay_text() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in.xlsx");
    write_sheet(
        &input,
        &[
            PEOPLE_HEADER,
            &["Lê Văn Đức", "Nam", "", "Văn phòng", ""],
            &["Trần Dũng", "Nam", "", "Văn phòng", "=SUM(A1)"],
            &["Nguyễn Ánh", "Nữ", "", "Thanh tra", ""],
            &["Phạm Anh", "Nữ", "", "Thanh tra", ""],
        ],
    );
    let mut store = store_with_units();
    let p = preview(&store, Kind::People, &input);
    exchange::commit(&p, &mut store, &mut |_, _| {}).unwrap();
    let out = dir.path().join("xuất.xlsx");
    exchange::export_people(&out, &store.people().unwrap(), &mut |_, _| {}).unwrap();
    let mut wb = open_workbook_auto(&out).unwrap();
    let range = wb.worksheet_range_at(0).unwrap().unwrap();
    let names: Vec<String> = range.rows().skip(1).map(|r| r[1].to_string()).collect();
    assert_eq!(
        names,
        vec!["Phạm Anh", "Nguyễn Ánh", "Trần Dũng", "Lê Văn Đức"]
    );
    let position = &range.rows().nth(3).unwrap()[5];
    assert_eq!(
        position,
        &Data::String("=SUM(A1)".into()),
        "written as text, not a formula"
    );
}

#[test]
fn templates_are_read_back_as_valid_files() {
    let dir = tempfile::tempdir().unwrap();
    let store = store_with_units();
    for kind in [Kind::Units, Kind::People, Kind::Ratings, Kind::History] {
        let path = dir.path().join(format!("{}.xlsx", kind.file_stem()));
        exchange::write_template(
            kind,
            &path,
            &store.units().unwrap(),
            &store.catalogue().unwrap(),
        )
        .unwrap();
        let p = preview(&store, kind, &path);
        // The example row of each template parses; the ones naming a person not in this
        // database say so by row number.
        assert_eq!(p.changes.len() + p.problems.len(), 1, "{kind:?}: {p:?}");
        if let Some((row, _)) = p.problems.first() {
            assert_eq!(*row, 2);
        }
    }
    let not_excel = dir.path().join("khong-phai.xlsx");
    std::fs::write(&not_excel, b"hello").unwrap();
    let units = store.units().unwrap();
    let ctx = Context {
        units: &units,
        people: &[],
        catalogue: &[],
        awards: &[],
        today: today(),
    };
    let err = exchange::read(Kind::People, &not_excel, &ctx).unwrap_err();
    assert!(err.to_string().contains("Không mở được tệp"));
}
