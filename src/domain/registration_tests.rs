use chrono::NaiveDate;

use super::*;
use crate::domain::model::{Gender, UnitKind, builtin_catalogue};
use crate::domain::plan::{TargetBase, TitleTarget};
use crate::domain::registration_progress::progress;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn catalogue() -> Vec<CatalogueEntry> {
    builtin_catalogue()
        .into_iter()
        .enumerate()
        .map(|(i, mut e)| {
            e.id = i as i64 + 1;
            e
        })
        .collect()
}

fn id_of(cat: &[CatalogueEntry], code: &str) -> CatalogueId {
    cat.iter().find(|e| e.code == code).unwrap().id
}

fn unit(id: UnitId) -> Unit {
    Unit {
        id,
        name: format!("Phòng {id}"),
        short_name: String::new(),
        kind: UnitKind::Division,
        sort_order: id,
        active: true,
        dissolved_on: None,
    }
}

fn person(id: i64, unit_id: UnitId) -> Person {
    Person {
        id,
        full_name: format!("Nguyễn Văn {id}"),
        gender: Gender::Male,
        birth_date: None,
        unit_id,
        position: "Chuyên viên".into(),
        position_rank: 50,
        is_department_leader: false,
        recruited_on: None,
        status: PersonStatus::Working,
        status_date: None,
        active: true,
    }
}

fn reg(id: i64, subject: Subject, catalogue_id: CatalogueId) -> Registration {
    Registration {
        id,
        year: 2026,
        subject,
        catalogue_id,
        registered_on: d(2026, 2, 1),
        withdrawn_on: None,
    }
}

fn target(code: &str, name: &str, percent: f64, base: TargetBase, leaders: bool) -> TitleTarget {
    TitleTarget {
        catalogue_code: code.into(),
        title_name: name.into(),
        percent,
        base,
        leaders_count: leaders,
    }
}

#[test]
fn a_higher_title_covers_the_lower_ones_only() {
    assert!(covers("CSTDCS", "LDTT"));
    assert!(covers("CSTD_TINH", "LDTT"));
    assert!(covers("TTLDXS", "TTLDTT"));
    assert!(covers("LDTT", "LDTT"));
    assert!(!covers("LDTT", "CSTDCS"));
    assert!(!covers("TTLDTT", "LDTT"));
    assert!(!covers("GK_SO_CN", "LDTT"));
}

#[test]
fn registered_means_current_in_that_year_for_that_subject() {
    let cat = catalogue();
    let cstdcs = id_of(&cat, "CSTDCS");
    let mut regs = vec![reg(1, Subject::Person(7), cstdcs)];
    assert!(is_registered(&regs, &cat, Subject::Person(7), 2026, "LDTT"));
    assert!(is_registered(
        &regs,
        &cat,
        Subject::Person(7),
        2026,
        "CSTDCS"
    ));
    assert!(!is_registered(
        &regs,
        &cat,
        Subject::Person(7),
        2025,
        "LDTT"
    ));
    assert!(!is_registered(
        &regs,
        &cat,
        Subject::Person(8),
        2026,
        "LDTT"
    ));
    assert!(!is_registered(&regs, &cat, Subject::Unit(7), 2026, "LDTT"));
    regs[0].withdrawn_on = Some(d(2026, 3, 1));
    assert!(!is_registered(
        &regs,
        &cat,
        Subject::Person(7),
        2026,
        "LDTT"
    ));
}

#[test]
fn a_collective_title_does_not_fit_a_person() {
    let cat = catalogue();
    let ttldtt = cat.iter().find(|e| e.code == "TTLDTT").unwrap();
    let why = misfit(ttldtt, SubjectKind::Individual).unwrap();
    assert!(why.contains("dành cho tập thể"), "{why}");
    assert!(misfit(ttldtt, SubjectKind::Collective).is_none());
    let mut inactive = ttldtt.clone();
    inactive.active = false;
    assert!(misfit(&inactive, SubjectKind::Collective).is_some());
    let titles = choices(&cat, SubjectKind::Individual, AwardKind::Title);
    assert!(titles.iter().any(|e| e.code == "LDTT"));
    assert!(
        titles
            .iter()
            .all(|e| e.subject_kind == SubjectKind::Individual)
    );
}

#[test]
fn entries_are_found_by_name_without_accents_or_by_code() {
    let cat = catalogue();
    assert_eq!(
        entry_by_text(&cat, "lao dong tien tien").unwrap().code,
        "LDTT"
    );
    assert_eq!(
        entry_by_text(&cat, " Lao động tiên tiến ").unwrap().code,
        "LDTT"
    );
    assert_eq!(entry_by_text(&cat, "cstdcs").unwrap().code, "CSTDCS");
    assert!(entry_by_text(&cat, "Xuất sắc lắm").is_none());
}

#[test]
fn people_who_left_in_the_year_stay_on_the_list_and_are_marked() {
    let mut p = person(1, 1);
    assert!(person_in_year(&p, 2026));
    assert_eq!(left_mark(&p), None);
    p.status = PersonStatus::Retired;
    p.status_date = Some(d(2026, 6, 15));
    assert!(person_in_year(&p, 2026));
    assert!(!person_in_year(&p, 2027));
    assert_eq!(left_mark(&p).unwrap(), "Nghỉ hưu từ 15/06/2026");
}

#[test]
fn deadline_is_found_and_days_counted() {
    let plan = crate::domain::plan::demo_plan(2026, "Trần Văn A");
    let deadline = registration_deadline(&plan).unwrap();
    assert_eq!(deadline, d(2026, 2, 28));
    assert_eq!(days_left_text(deadline, d(2026, 2, 16)), "còn 12 ngày");
    assert_eq!(days_left_text(deadline, deadline), "hôm nay là hạn cuối");
    assert_eq!(days_left_text(deadline, d(2026, 3, 5)), "quá hạn 5 ngày");
}

#[test]
fn a_deadline_worded_otherwise_is_found_but_not_the_innovations_one() {
    let mut plan = crate::domain::plan::demo_plan(2026, "Trần Văn A");
    plan.deadlines
        .retain(|d| !fold(&d.what).contains("dang ky thi dua"));
    plan.deadlines.insert(
        0,
        crate::domain::plan::Deadline {
            what: "Hạn đăng ký sáng kiến".into(),
            date: d(2026, 4, 30),
        },
    );
    assert_eq!(
        registration_deadline(&plan),
        None,
        "the innovations deadline is not it"
    );
    plan.deadlines.push(crate::domain::plan::Deadline {
        what: "Các đơn vị gửi bản Đăng ký danh hiệu về Văn phòng Sở".into(),
        date: d(2026, 3, 15),
    });
    assert_eq!(registration_deadline(&plan), Some(d(2026, 3, 15)));
}

#[test]
fn a_withdrawn_line_reads_with_both_dates() {
    let mut r = Registration {
        id: 1,
        year: 2026,
        subject: Subject::Person(3),
        catalogue_id: 7,
        registered_on: d(2026, 1, 2),
        withdrawn_on: None,
    };
    assert_eq!(withdrawn_text("Lao động tiên tiến", &r), None);
    r.withdrawn_on = Some(d(2026, 3, 15));
    assert_eq!(
        withdrawn_text("Lao động tiên tiến", &r).unwrap(),
        "Lao động tiên tiến — đăng ký 02/01/2026, rút 15/03/2026"
    );
}

#[test]
fn progress_leaves_out_leaders_people_who_left_and_dissolved_units() {
    let cat = catalogue();
    let ldtt = id_of(&cat, "LDTT");
    let cstdcs = id_of(&cat, "CSTDCS");
    let ttldtt = id_of(&cat, "TTLDTT");
    let mut units = vec![unit(1), unit(2), unit(3), unit(4)];
    units[2].dissolved_on = Some(d(2026, 7, 1));
    units[3].kind = UnitKind::Union; // the trade union: not a collective of the Sở's targets
    let mut people: Vec<Person> = (1..=10).map(|i| person(i, 1 + (i % 2))).collect();
    people[0].is_department_leader = true; // person 1
    people[1].status = PersonStatus::Transferred; // person 2
    people[1].status_date = Some(d(2026, 5, 1));
    people.push(person(11, 3)); // in the dissolved unit
    let mut regs: Vec<Registration> = Vec::new();
    // Persons 1..=8 and 11 register: 1 and 3 for CSTĐCS, others for LĐTT.
    for i in (1..=8).chain([11]) {
        let code = if i == 1 || i == 3 { cstdcs } else { ldtt };
        regs.push(reg(i, Subject::Person(i), code));
    }
    regs.push(reg(20, Subject::Unit(1), ttldtt));
    regs.push(reg(21, Subject::Unit(3), ttldtt));
    regs.push(reg(22, Subject::Unit(4), ttldtt));
    let targets = vec![
        target("LDTT", "Lao động tiên tiến", 90.0, TargetBase::Staff, true),
        target(
            "CSTDCS",
            "Chiến sĩ thi đua cơ sở",
            15.0,
            TargetBase::Staff,
            false,
        ),
        target(
            "TTLDTT",
            "Tập thể lao động tiên tiến",
            100.0,
            TargetBase::Units,
            true,
        ),
    ];
    let p = progress(&targets, 2026, &people, &units, &cat, &regs);
    // Staff: persons 1, 3..=10 (2 left, 11 is in a dissolved unit) = 9; registered 1, 3..=8 = 7.
    assert_eq!((p[0].registered, p[0].total), (7, 9));
    assert_eq!(
        p[0].text(),
        "Lao động tiên tiến: 7/9 (77,8%) — chỉ tiêu 90%"
    );
    assert!(!p[0].is_met());
    // Without the leader: 8 people, 1 registered for CSTĐCS (person 3).
    assert_eq!((p[1].registered, p[1].total), (1, 8));
    assert_eq!(
        p[1].text(),
        "Chiến sĩ thi đua cơ sở: 1/8 (12,5%, không tính lãnh đạo Sở) — chỉ tiêu 15%"
    );
    // Units 1 and 2 take part (3 is dissolved, 4 is the union); unit 1 registered.
    assert_eq!((p[2].registered, p[2].total), (1, 2));

    // Withdrawing a registration changes the figure.
    regs[2].withdrawn_on = Some(d(2026, 3, 1)); // person 3
    let p = progress(&targets, 2026, &people, &units, &cat, &regs);
    assert_eq!((p[0].registered, p[1].registered), (6, 0));
}

#[test]
fn submission_status_reads_like_the_clerk_says_it() {
    let mut s = UnitSubmission::new(1, 2026);
    assert_eq!(s.status_text(), "Chưa gửi");
    assert!(s.is_outstanding());
    s.status = SubmissionStatus::Sent;
    s.sent_on = Some(d(2026, 2, 12));
    assert_eq!(s.status_text(), "Đã gửi (12/02/2026)");
    assert!(!s.is_outstanding());
    s.status = SubmissionStatus::Returned;
    s.returned_reason = "Thiếu chữ ký thủ trưởng".into();
    assert_eq!(s.status_text(), "Trả lại: Thiếu chữ ký thủ trưởng");
    assert!(s.is_outstanding());
}

#[test]
fn higher_titles_rest_on_the_years_registration_for_cstdcs() {
    assert_eq!(registration_needed("CSTD_TINH"), Some("CSTDCS"));
    assert_eq!(registration_needed("LDTT"), Some("LDTT"));
    assert_eq!(registration_needed("CO_TINH"), Some("TTLDXS"));
    assert_eq!(registration_needed("BK_TINH_CN"), None);
}
