//! The demo's innovations: a few a year for the last four years, authored by people whose
//! Chiến sĩ thi đua cơ sở rested on them (and recorded as used for it), in every status,
//! each year's scored by that year's council at a meeting (one member recused); last
//! year's best proposed to the province by a numbered tờ trình and recognised there; this
//! year some still waiting (one past its review deadline), some scored, and this year's
//! recognition decision issued and numbered.

use chrono::{Datelike, Duration, NaiveDate};

use super::names::Rng;
use crate::domain::council::{CouncilMember, MemberRole};
use crate::domain::innovation::{
    Author, Innovation, InnovationKind, InnovationLevel, InnovationStatus, Recognition,
};
use crate::domain::innovation_council::InnovationMeeting;
use crate::domain::innovation_scoring::{MemberScores, ScoringSheet};
use crate::domain::model::{Person, Subject};
use crate::store::register::{next_document_number_in, register_document_in};
use crate::store::{Store, StoreError};

const TOPICS: [(&str, InnovationKind); 8] = [
    (
        "Số hóa quy trình tiếp nhận hồ sơ cấp giấy phép kinh doanh",
        InnovationKind::Management,
    ),
    (
        "Phần mềm theo dõi an toàn hồ đập thủy điện",
        InnovationKind::Technical,
    ),
    (
        "Bản đồ số các cụm công nghiệp trên địa bàn tỉnh",
        InnovationKind::TechApplication,
    ),
    (
        "Quy trình kiểm tra liên ngành về an toàn thực phẩm tại chợ",
        InnovationKind::Operational,
    ),
    (
        "Giải pháp giảm tổn thất điện năng lưới hạ thế nông thôn",
        InnovationKind::Technical,
    ),
    (
        "Mẫu hóa báo cáo thống kê thương mại điện tử",
        InnovationKind::Management,
    ),
    (
        "Ứng dụng mã QR truy xuất nguồn gốc nông sản",
        InnovationKind::TechApplication,
    ),
    (
        "Nghiên cứu phát triển xuất khẩu qua biên giới",
        InnovationKind::Research,
    ),
];

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or(NaiveDate::MIN)
}

fn author(p: &Person, unit: &str, share: f64) -> Author {
    Author {
        person: Some(p.id),
        name: p.full_name.clone(),
        birth_date: p.birth_date,
        workplace: unit.to_owned(),
        title: p.position.clone(),
        qualification: "Đại học".into(),
        share,
    }
}

/// The council's meeting of a year on `agenda`, when there is one.
fn meeting(
    store: &mut Store,
    year: i32,
    held_on: NaiveDate,
    agenda: Vec<i64>,
) -> Result<(), StoreError> {
    if agenda.is_empty() {
        return Ok(());
    }
    store
        .save_innovation_meeting(&InnovationMeeting {
            id: 0,
            year,
            held_on,
            place: "Phòng họp Sở".into(),
            innovations: agenda,
        })
        .map(|_| ())
}

pub(super) fn write(store: &mut Store, rng: &mut Rng, today: NaiveDate) -> Result<(), StoreError> {
    let rows = store.people()?;
    let catalogue = store.catalogue()?;
    let Some(cstdcs) = catalogue.iter().find(|e| e.code == "CSTDCS").map(|e| e.id) else {
        return Ok(());
    };
    let awards = store.all_awards()?;
    let this_year = today.year();
    let mut topic = 0;
    let mut next_topic = || {
        topic += 1;
        TOPICS[(topic - 1) % TOPICS.len()]
    };
    let sheet = ScoringSheet::default();
    let members = [
        "Nguyễn Văn Hùng",
        "Trần Thị Mai",
        "Lê Quốc Bảo",
        "Phạm Ngọc Sơn",
    ];
    let council: Vec<CouncilMember> = members
        .iter()
        .enumerate()
        .map(|(k, name)| CouncilMember {
            name: (*name).into(),
            position: String::new(),
            role: match k {
                0 => MemberRole::Chair,
                3 => MemberRole::Secretary,
                _ => MemberRole::Member,
            },
            present: true,
        })
        .collect();
    // Each member's points (tính mới, khả năng áp dụng, hiệu quả) around `base`; the
    // secretary, head of the authors' unit, does not count.
    let scored = |base: f64| -> Vec<MemberScores> {
        members
            .iter()
            .enumerate()
            .map(|(m, who)| MemberScores {
                member: (*who).into(),
                scores: vec![
                    (base + (m * 3) as f64).min(100.0),
                    base,
                    (base - m as f64).max(0.0),
                ],
                recused: m == 3,
            })
            .collect()
    };
    for year in this_year - 3..this_year {
        store.set_setting(&crate::docs::innovation_data::council_key(year), &council)?;
        let mut agenda = Vec::new();
        // Those whose CSTĐCS of that year rested on an innovation: the first few holders.
        let holders: Vec<_> = rows
            .iter()
            .filter(|r| {
                awards.iter().any(|a| {
                    a.year == year
                        && a.catalogue_id == cstdcs
                        && a.subject == Subject::Person(r.person.id)
                })
            })
            .take(3)
            .collect();
        let number = next_document_number_in(store.connection(), year, "QĐ")?;
        let decided = date(year, 9, 20);
        register_document_in(
            store.connection(),
            year,
            "QĐ",
            number,
            decided,
            &format!("Công nhận sáng kiến năm {year}"),
        )?;
        for (k, h) in holders.iter().enumerate() {
            let (name, kind) = next_topic();
            let mut i = Innovation::new(year, date(year, 4, 10 + k as u32));
            i.name = format!("{name} ({year})");
            i.kind = kind;
            i.field = "Quản lý nhà nước ngành Công Thương".into();
            i.investor = "Sở Công Thương".into();
            i.first_applied = Some(date(year, 1, 15));
            i.novelty = "Rút ngắn thời gian xử lý, giảm sai sót so với cách làm thủ công.".into();
            i.authors = vec![author(&h.person, &h.unit_name, 100.0)];
            let id = store.save_innovation(&i)?;
            agenda.push(id);
            let best = k == 0 && year == this_year - 1;
            store.save_innovation_scores(id, &scored(if best { 92.0 } else { 78.0 }), &sheet)?;
            store.recognise_innovation(
                id,
                InnovationLevel::Grassroots,
                &format!("{number}/QĐ-SCT"),
                decided,
            )?;
            if best {
                // The council proposed it to the province, which recognised it.
                store.set_province_proposal(id, true)?;
                store.issue_province_proposal(year, date(year, 10, 5))?;
                store.record_higher_recognition(
                    id,
                    Recognition {
                        level: InnovationLevel::Province,
                        number: format!("{}/QĐ-UBND", 1800 + year % 100),
                        date: date(year, 12, 10),
                        issuer: "Chủ tịch Ủy ban nhân dân tỉnh".into(),
                        replaces: String::new(),
                    },
                )?;
            } else {
                store.mark_innovation_used(id, h.person.id, year, "CSTDCS", None)?;
            }
        }
        // One refused each year.
        if let Some(r) = rows
            .iter()
            .find(|r| r.person.position == "Chuyên viên" && rng.chance(50))
        {
            let (name, kind) = next_topic();
            let mut i = Innovation::new(year, date(year, 5, 20));
            i.name = format!("{name} – đề xuất của {}", r.unit_name);
            i.kind = kind;
            i.authors = vec![author(&r.person, &r.unit_name, 100.0)];
            let id = store.save_innovation(&i)?;
            agenda.push(id);
            store.save_innovation_scores(id, &scored(40.0), &sheet)?;
            store.reject_innovation(
                id,
                "Chưa chứng minh được hiệu quả khi áp dụng thử tại đơn vị.",
            )?;
        }
        meeting(store, year, date(year, 9, 10), agenda)?;
    }
    // This year.
    let staff: Vec<_> = rows
        .iter()
        .filter(|r| r.person.active && r.person.position.starts_with("Chuyên viên"))
        .collect();
    if staff.len() < 8 {
        return Ok(());
    }
    store.set_setting(
        &crate::docs::innovation_data::council_key(this_year),
        &council,
    )?;
    let number = next_document_number_in(store.connection(), this_year, "QĐ")?;
    let decided = (today - Duration::days(10)).max(date(this_year, 1, 2));
    register_document_in(
        store.connection(),
        this_year,
        "QĐ",
        number,
        decided,
        &format!("Công nhận sáng kiến năm {this_year}"),
    )?;
    let mut agenda = Vec::new();
    for k in 0..5 {
        let (name, kind) = next_topic();
        let received =
            (today - Duration::days([150, 120, 60, 20, 5][k])).max(date(this_year, 1, 5));
        let mut i = Innovation::new(this_year, received);
        i.name = name.to_owned();
        i.kind = kind;
        i.field = "Quản lý nhà nước ngành Công Thương".into();
        i.first_applied = Some(received - Duration::days(30));
        let (a, b) = (staff[2 * k], staff[2 * k + 1]);
        i.authors = vec![
            author(&a.person, &a.unit_name, 70.0),
            author(&b.person, &b.unit_name, 30.0),
        ];
        if k == 2 {
            i.status = InnovationStatus::Reviewing;
        }
        let id = store.save_innovation(&i)?;
        if k < 3 {
            agenda.push(id);
            store.save_innovation_scores(id, &scored(72.0 + (k * 3) as f64), &sheet)?;
        }
        if k < 2 {
            store.recognise_innovation(
                id,
                InnovationLevel::Grassroots,
                &format!("{number}/QĐ-SCT"),
                decided,
            )?;
        }
    }
    meeting(
        store,
        this_year,
        (decided - Duration::days(5)).max(date(this_year, 1, 2)),
        agenda,
    )
}
