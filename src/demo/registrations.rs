//! The demo's registrations. Past years agree with the award history (whoever received a
//! title had registered for it; others registered for Lao động tiên tiến); this year most
//! units have sent theirs, two were returned and two have not sent anything yet, so the
//! screen has something to chase. Two clusters with their covenants.

use chrono::{Datelike, NaiveDate};

use super::names::Rng;
use crate::domain::model::{CatalogueId, PersonStatus, Subject};
use crate::domain::registration::{
    Cluster, SubjectChoice, SubmissionStatus, UnitSubmission, person_in_year, unit_in_year,
};
use crate::store::registrations::{apply_choices_in, save_submission_in};
use crate::store::{Store, StoreError};

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or(NaiveDate::MIN)
}

/// Units that have not sent this year's registration, and those returned, by short name.
const NOT_SENT: [&str; 2] = ["Thanh tra", "Phòng Quản lý năng lượng"];
const RETURNED: [(&str, &str); 2] = [
    (
        "Phòng Kế hoạch – Tài chính",
        "Thiếu chữ ký của Trưởng phòng; đề nghị ký và gửi lại",
    ),
    (
        "Chi cục Quản lý thị trường",
        "Danh sách chưa đủ công chức của các Đội Quản lý thị trường; đề nghị bổ sung",
    ),
];

const COMMITMENT: &str = "Hoàn thành xuất sắc nhiệm vụ chính trị được giao năm {year}\n\
100% công chức, viên chức, người lao động hoàn thành tốt nhiệm vụ trở lên\n\
Không có cá nhân vi phạm pháp luật, bị kỷ luật\n\
Có ít nhất một sáng kiến được công nhận cấp cơ sở";

pub(super) fn write(store: &mut Store, rng: &mut Rng, today: NaiveDate) -> Result<(), StoreError> {
    let catalogue = store.catalogue()?;
    let id = |code: &str| -> Option<CatalogueId> {
        catalogue.iter().find(|e| e.code == code).map(|e| e.id)
    };
    let (Some(ldtt), Some(cstdcs), Some(ttldtt), Some(ttldxs), Some(gk)) = (
        id("LDTT"),
        id("CSTDCS"),
        id("TTLDTT"),
        id("TTLDXS"),
        id("GK_SO_CN"),
    ) else {
        return Ok(());
    };
    let people: Vec<_> = store.people()?.into_iter().map(|r| r.person).collect();
    let units = store.units()?;
    let this_year = today.year();
    let first_year = store
        .all_awards()?
        .iter()
        .map(|a| a.year)
        .min()
        .unwrap_or(this_year)
        .min(this_year - 1);
    for year in first_year..=this_year {
        let on = date(year, 2, 10).min(today);
        let awards: Vec<(Subject, CatalogueId)> = store
            .all_awards()?
            .into_iter()
            .filter(|a| a.year == year)
            .map(|a| (a.subject, a.catalogue_id))
            .collect();
        let awarded = |s: Subject, c: CatalogueId| awards.contains(&(s, c));
        let current = year == this_year;
        let mut choices = Vec::new();
        for u in units.iter().filter(|u| unit_in_year(u, year)) {
            if current && NOT_SENT.contains(&u.name.as_str()) {
                continue;
            }
            let s = Subject::Unit(u.id);
            if u.name != "Ban Giám đốc" {
                let title = if awarded(s, ttldxs) || (current && rng.chance(30)) {
                    ttldxs
                } else {
                    ttldtt
                };
                choices.push(SubjectChoice {
                    title: Some(title),
                    ..SubjectChoice::new(s)
                });
            }
            for p in people
                .iter()
                .filter(|p| p.unit_id == u.id && person_in_year(p, year))
                .filter(|p| p.recruited_on.is_none_or(|r| r.year() <= year))
            {
                if current && p.status != PersonStatus::Working {
                    continue;
                }
                let s = Subject::Person(p.id);
                let title = if awarded(s, cstdcs) || (current && rng.chance(14)) {
                    Some(cstdcs)
                } else if awarded(s, ldtt) || rng.chance(85) {
                    Some(ldtt)
                } else {
                    None
                };
                let mut choice = SubjectChoice {
                    title,
                    ..SubjectChoice::new(s)
                };
                if awarded(s, gk) || (current && rng.chance(6)) {
                    choice.forms.insert(gk);
                }
                choices.push(choice);
            }
        }
        let conn = store.connection();
        apply_choices_in(conn, year, &choices, on)?;
        for (i, u) in units.iter().filter(|u| unit_in_year(u, year)).enumerate() {
            let mut s = UnitSubmission::new(u.id, year);
            s.commitment = COMMITMENT.replace("{year}", &year.to_string());
            if current && NOT_SENT.contains(&u.name.as_str()) {
                s.commitment.clear();
            } else if let Some((_, reason)) = RETURNED
                .iter()
                .find(|(n, _)| *n == u.name)
                .filter(|_| current)
            {
                s.status = SubmissionStatus::Returned;
                s.sent_on = Some(on);
                s.returned_reason = (*reason).into();
            } else {
                s.status = if current && i % 3 == 0 {
                    SubmissionStatus::Sent
                } else {
                    SubmissionStatus::Approved
                };
                s.sent_on = Some(date(year, 2, 3 + (i as u32 % 20)).min(today));
            }
            save_submission_in(conn, &s)?;
        }
    }
    write_clusters(store, this_year, today)
}

fn write_clusters(store: &mut Store, year: i32, today: NaiveDate) -> Result<(), StoreError> {
    let units = store.units()?;
    let ids = |names: &[&str]| -> Vec<i64> {
        names
            .iter()
            .filter_map(|n| units.iter().find(|u| u.name == *n).map(|u| u.id))
            .collect()
    };
    let clusters = [
        (
            "Cụm thi đua các phòng chuyên môn",
            ids(&[
                "Phòng Kế hoạch – Tài chính",
                "Phòng Quản lý công nghiệp",
                "Phòng Quản lý thương mại",
                "Phòng Quản lý năng lượng",
                "Phòng Kỹ thuật an toàn – Môi trường",
            ]),
        ),
        (
            "Khối Văn phòng, Thanh tra và Chi cục",
            ids(&["Văn phòng", "Thanh tra", "Chi cục Quản lý thị trường"]),
        ),
    ];
    for (name, members) in clusters {
        if members.len() < 2 {
            continue;
        }
        let c = Cluster {
            id: 0,
            year,
            name: name.into(),
            members,
            covenant_date: Some(date(year, 3, 5).min(today)),
            covenant_content: "Thực hiện tốt nhiệm vụ chuyên môn, phấn đấu hoàn thành vượt mức các chỉ tiêu được giao\n\
Đẩy mạnh cải cách hành chính, chuyển đổi số; 100% hồ sơ được giải quyết đúng hạn\n\
Mỗi đơn vị có ít nhất một sáng kiến được công nhận cấp cơ sở\n\
Thực hiện nghiêm kỷ luật, kỷ cương hành chính; không có cá nhân vi phạm pháp luật"
                .into(),
        };
        crate::store::clusters::save_cluster_in(store.connection(), &c)?;
    }
    Ok(())
}
