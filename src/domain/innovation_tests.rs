use chrono::NaiveDate;

use super::*;
use crate::domain::innovation_scoring::{MemberScores, ScoringSheet};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn author(person: Option<i64>, name: &str, share: f64) -> Author {
    Author {
        person,
        name: name.into(),
        birth_date: Some(d(1985, 1, 1)),
        workplace: "Phòng Quản lý công nghiệp".into(),
        title: "Chuyên viên".into(),
        qualification: "Kỹ sư điện".into(),
        share,
    }
}

fn application() -> Innovation {
    let mut i = Innovation::new(2026, d(2026, 6, 15));
    i.name = "Phần mềm theo dõi an toàn hồ đập thủy điện".into();
    i.authors = vec![
        author(Some(1), "Nguyễn Thị Lan", 60.0),
        author(None, "Trần Văn Bình", 40.0),
    ];
    i.first_applied = Some(d(2026, 3, 1));
    i
}

fn messages(i: &Innovation) -> Vec<String> {
    i.problems().into_iter().map(|e| e.message).collect()
}

#[test]
fn a_good_application_has_no_problems() {
    assert!(
        messages(&application()).is_empty(),
        "{:?}",
        messages(&application())
    );
}

#[test]
fn shares_must_add_up_to_one_hundred() {
    let mut i = application();
    i.authors[1].share = 30.0;
    let m = messages(&i);
    assert!(
        m.iter()
            .any(|x| x == "Tổng tỷ lệ đóng góp của các tác giả là 90%, phải đúng 100%."),
        "{m:?}"
    );
    i.authors[1].share = 40.005;
    assert!(messages(&i).is_empty(), "a rounding hair is fine");
}

#[test]
fn an_author_twice_is_named() {
    let mut i = application();
    i.authors = vec![
        author(Some(1), "Nguyễn Thị Lan", 50.0),
        author(Some(1), "Lan", 50.0),
    ];
    assert!(
        messages(&i)
            .iter()
            .any(|x| x.contains("Lan được ghi hai lần"))
    );
    // An outside author twice by name (without accents, same birth date).
    i.authors = vec![
        author(None, "Trần Văn Bình", 50.0),
        author(None, "tran van binh", 50.0),
    ];
    assert!(messages(&i).iter().any(|x| x.contains("ghi hai lần")));
}

#[test]
fn first_application_must_come_before_the_day_received() {
    let mut i = application();
    i.first_applied = Some(d(2026, 7, 1));
    assert!(
        messages(&i)
            .iter()
            .any(|x| x.contains("sau ngày nhận đơn (15/06/2026)"))
    );
}

#[test]
fn recognition_needs_a_decision_and_rejection_needs_reasons() {
    let mut i = application();
    i.status = InnovationStatus::Recognised;
    i.level = Some(InnovationLevel::Grassroots);
    assert!(
        messages(&i)
            .iter()
            .any(|x| x.contains("quyết định công nhận"))
    );
    i.decision_number = "25/QĐ-SCT".into();
    i.decision_date = Some(d(2026, 9, 1));
    assert!(messages(&i).is_empty());
    i.status = InnovationStatus::NotRecognised;
    assert!(
        messages(&i)
            .iter()
            .any(|x| x.contains("lý do không công nhận"))
    );
}

#[test]
fn the_review_has_three_months_from_receipt() {
    let i = application();
    assert_eq!(i.review_due(), d(2026, 9, 15));
    assert_eq!(i.review_text(d(2026, 9, 3)).unwrap(), "còn 12 ngày để xét");
    assert_eq!(i.review_text(d(2026, 9, 20)).unwrap(), "quá hạn xét 5 ngày");
    assert!(i.is_overdue(d(2026, 9, 16)));
    let mut decided = i.clone();
    decided.status = InnovationStatus::NotRecognised;
    assert!(decided.review_text(d(2026, 12, 1)).is_none());
    assert!(!decided.is_overdue(d(2026, 12, 1)));
    // Received after the plan's deadline for innovations.
    let plan = crate::domain::plan::demo_plan(2026, "Trần Thị Mai");
    let deadline = innovation_deadline(&plan);
    assert_eq!(deadline, Some(d(2026, 8, 30)));
    assert!(!i.is_late_for(deadline));
    let mut late = i;
    late.received_on = d(2026, 9, 2);
    assert!(late.is_late_for(deadline));
}

fn member(name: &str, scores: [f64; 3], recused: bool) -> MemberScores {
    MemberScores {
        member: name.into(),
        scores: scores.to_vec(),
        recused,
    }
}

#[test]
fn scoring_weighs_the_criteria_and_leaves_out_recused_members() {
    let sheet = ScoringSheet::default();
    // 0.4*80 + 0.3*70 + 0.3*60 = 71.
    assert!((sheet.total(&[80.0, 70.0, 60.0]) - 71.0).abs() < 1e-9);
    let r = sheet
        .score(&[
            member("Nguyễn Văn Hùng", [80.0, 70.0, 60.0], false),
            member("Trần Thị Mai", [90.0, 90.0, 90.0], false),
            // The author's head of unit: generous, recused, not counted.
            member("Lê Quốc Bảo", [100.0, 100.0, 100.0], true),
        ])
        .unwrap();
    assert_eq!(r.average, Some(80.5));
    assert!(r.passes);
    assert_eq!(r.proposed, Some(InnovationLevel::Grassroots));
    assert_eq!(
        r.text(),
        "Điểm trung bình 80,5 (2 thành viên, 1 không tính): đạt — đề nghị công nhận cấp cơ sở"
    );
    // High marks propose the province; low marks fail.
    let high = sheet
        .score(&[member("A", [90.0, 90.0, 90.0], false)])
        .unwrap();
    assert_eq!(high.proposed, Some(InnovationLevel::Province));
    let low = sheet
        .score(&[member("A", [40.0, 40.0, 40.0], false)])
        .unwrap();
    assert!(!low.passes);
    assert_eq!(low.proposed, None);
    // Everyone recused: nothing to count.
    let none = sheet
        .score(&[member("A", [90.0, 90.0, 90.0], true)])
        .unwrap();
    assert_eq!(none.average, None);
    assert!(!none.passes);
}

#[test]
fn a_score_above_the_maximum_is_refused() {
    let sheet = ScoringSheet::default();
    let e = sheet
        .score(&[member("Trần Thị Mai", [120.0, 50.0, 50.0], false)])
        .unwrap_err();
    assert_eq!(
        e,
        "Trần Thị Mai: điểm «Tính mới» là 120, phải từ 0 đến 100."
    );
}

#[test]
fn a_sheet_must_be_usable() {
    let mut sheet = ScoringSheet::default();
    assert_eq!(sheet.problem(), None);
    sheet.province_mark = 40.0;
    assert!(
        sheet
            .problem()
            .unwrap()
            .contains("không được thấp hơn điểm đạt")
    );
    sheet.province_mark = 85.0;
    sheet.criteria[0].weight = 0.0;
    assert!(sheet.problem().unwrap().contains("trọng số"));
    sheet.criteria.clear();
    assert!(sheet.problem().is_some());
}
