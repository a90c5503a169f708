//! Bằng khen of the province (R09) and of the Prime Minister (R10), and one Giấy khen by
//! topic, for the outstanding people of the demo.

use super::super::date;
use super::super::staff::STARS;
use super::{History, Issuer, Outcome};
use crate::domain::model::{PersonId, Subject};
use crate::store::StoreError;

impl History<'_> {
    /// Bằng khen of the province (R09) and of the Prime Minister (R10), and one Giấy khen
    /// by topic.
    pub(super) fn commendations(
        &mut self,
        year: i32,
        outcomes: &[Outcome],
    ) -> Result<(), StoreError> {
        let members = &self.department.members;
        let star = |k: usize| {
            outcomes
                .iter()
                .find(|o| members[o.member].star == Some(k) && o.cstdcs)
                .map(|o| members[o.member].id)
        };
        let first = self.first;
        let bk_stars: &[usize] = match year - first {
            -2 => &[0],
            1 => &[1, 2, 3],
            3 => &[4, 5],
            _ => &[],
        };
        let summary = format!("Về việc tặng Bằng khen của Chủ tịch UBND tỉnh năm {year}");
        let note = format!(
            "Hai năm liên tục đạt danh hiệu Chiến sĩ thi đua cơ sở ({}, {year})",
            year - 1
        );
        for &k in bk_stars.iter().filter(|&&k| k < STARS) {
            if let Some(id) = star(k) {
                let day = date(year + 1, 3, 28);
                let subject = Subject::Person(id);
                self.award(
                    subject,
                    year,
                    self.bk_tinh,
                    Issuer::Province,
                    day,
                    &summary,
                    &note,
                )?;
            }
        }
        // Five years of HTXSNV after the provincial Bằng khen, each with CSTĐCS.
        if year == first + 3
            && let Some(id) = star(0)
        {
            let summary = format!("Về việc tặng Bằng khen của Thủ tướng Chính phủ năm {year}");
            let note = format!(
                "Hoàn thành xuất sắc nhiệm vụ 5 năm liên tục ({}–{year})",
                year - 4
            );
            let day = date(year + 1, 8, 20);
            let subject = Subject::Person(id);
            self.award(
                subject,
                year,
                self.bk_ttg,
                Issuer::PrimeMinister,
                day,
                &summary,
                &note,
            )?;
        }
        // A Giấy khen by topic to the Trung tâm and three of its people, in November.
        if year == first + 2
            && let Some(u) = self.department.units.iter().position(|u| u.short == "TTKC")
        {
            let summary = format!(
                "Về việc tặng Giấy khen cho tập thể, cá nhân có thành tích xuất sắc trong tổ chức Hội chợ Công Thương khu vực Tây Nguyên năm {year}"
            );
            let note = "Khen thưởng theo chuyên đề: Hội chợ Công Thương khu vực Tây Nguyên";
            let day = date(year, 11, 20);
            let unit = Subject::Unit(self.department.units[u].id);
            self.award(
                unit,
                year,
                self.gk_tt,
                Issuer::Director,
                day,
                &summary,
                note,
            )?;
            let people: Vec<PersonId> = outcomes
                .iter()
                .filter(|o| members[o.member].unit == u && o.ldtt)
                .map(|o| members[o.member].id)
                .take(3)
                .collect();
            for id in people {
                let subject = Subject::Person(id);
                self.award(
                    subject,
                    year,
                    self.gk_cn,
                    Issuer::Director,
                    day,
                    &summary,
                    note,
                )?;
            }
        }
        Ok(())
    }
}
