//! The year's campaign plan (Kế hoạch phát động phong trào thi đua). Targets and deadlines
//! are data: registrations, eligibility and reports read them.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use super::text::clean;
use super::validate::FieldError;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Movement {
    pub name: String,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Phase {
    pub name: String,
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub content: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EconomicTarget {
    pub indicator: String,
    pub value: String,
    pub unit: String,
    /// "tăng 8,5% so với năm 2026"
    pub change: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum TargetBase {
    /// Công chức, viên chức, người lao động.
    Staff,
    /// Tập thể (đơn vị).
    Units,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TitleTarget {
    /// A catalogue code: "LDTT", "CSTDCS", "TTLDTT", "TTLDXS" …
    pub catalogue_code: String,
    pub title_name: String,
    pub percent: f64,
    pub base: TargetBase,
    /// Whether the Department's leaders count towards the percentage.
    pub leaders_count: bool,
}

impl TitleTarget {
    /// "90% công chức, viên chức đạt danh hiệu Lao động tiên tiến (lãnh đạo Sở không tính
    /// vào tỷ lệ)".
    pub fn sentence(&self) -> String {
        let subject = match self.base {
            TargetBase::Staff => "công chức, viên chức, người lao động",
            TargetBase::Units => "tập thể",
        };
        let mut s = format!(
            "{} {subject} đạt danh hiệu {}",
            format_percent(self.percent),
            self.title_name
        );
        if self.base == TargetBase::Staff && !self.leaders_count {
            s.push_str(" (lãnh đạo Sở không tính vào tỷ lệ)");
        }
        s
    }
}

/// "90%", "12,5%".
pub fn format_percent(p: f64) -> String {
    if p.fract() == 0.0 {
        format!("{}%", p as i64)
    } else {
        format!("{}%", format!("{p:.1}").replace('.', ","))
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Deadline {
    /// "Đăng ký thi đua", "Đăng ký sáng kiến", "Nộp hồ sơ đề nghị khen thưởng".
    pub what: String,
    pub date: NaiveDate,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum SignerMode {
    Director,
    /// KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC.
    Deputy,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Plan {
    pub year: i32,
    /// The number in the register once issued.
    pub number: Option<u32>,
    pub issued_on: Option<NaiveDate>,
    /// "Phát động phong trào thi đua năm 2027".
    pub subtitle: String,
    /// "Căn cứ …", "Thực hiện …".
    pub bases: Vec<String>,
    pub theme: String,
    pub slogan: String,
    pub purposes: Vec<String>,
    pub requirements: Vec<String>,
    pub movements: Vec<Movement>,
    pub phases: Vec<Phase>,
    pub economic_targets: Vec<EconomicTarget>,
    pub title_targets: Vec<TitleTarget>,
    pub deadlines: Vec<Deadline>,
    /// Paragraphs of "III. Tổ chức thực hiện".
    pub organisation: Vec<String>,
    pub recipients: Vec<String>,
    pub signer_mode: SignerMode,
    pub signer_name: String,
}

fn err(field: &'static str, message: String) -> FieldError {
    FieldError { field, message }
}

impl Plan {
    /// Every problem, in Vietnamese, with the field it belongs to. Text is cleaned first.
    pub fn validate(&self) -> Vec<FieldError> {
        let mut e = Vec::new();
        if !(2000..=2100).contains(&self.year) {
            e.push(err(
                "year",
                format!("Năm kế hoạch {} không hợp lệ.", self.year),
            ));
        }
        if clean(&self.subtitle).is_empty() {
            e.push(err(
                "subtitle",
                "Hãy nhập trích yếu kế hoạch, ví dụ \"Phát động phong trào thi đua năm 2027\"."
                    .into(),
            ));
        }
        if clean(&self.theme).is_empty() {
            e.push(err("theme", "Hãy nhập chủ đề thi đua của năm.".into()));
        }
        if self.purposes.iter().all(|p| clean(p).is_empty()) {
            e.push(err("purposes", "Hãy nhập ít nhất một mục đích.".into()));
        }
        if clean(&self.signer_name).is_empty() {
            e.push(err("signer", "Hãy nhập họ tên người ký.".into()));
        }
        for p in &self.phases {
            if p.end < p.start {
                e.push(err(
                    "phases",
                    format!("{}: ngày kết thúc ở trước ngày bắt đầu.", p.name),
                ));
            }
            if p.start.year() != self.year || p.end.year() != self.year {
                e.push(err(
                    "phases",
                    format!("{}: thời gian phải nằm trong năm {}.", p.name, self.year),
                ));
            }
        }
        for t in &self.title_targets {
            if !(0.0..=100.0).contains(&t.percent) || t.percent.is_nan() {
                e.push(err(
                    "title_targets",
                    format!("Chỉ tiêu {}: tỷ lệ phải từ 0% đến 100%.", t.title_name),
                ));
            }
        }
        for d in &self.deadlines {
            if d.date.year() != self.year {
                e.push(err(
                    "deadlines",
                    format!(
                        "Hạn \"{}\" ({}) nằm ngoài năm {}.",
                        d.what,
                        super::validate::format_date(d.date),
                        self.year
                    ),
                ));
            }
        }
        e
    }

    /// The same plan for another year (copy from last year): dates moved, number cleared.
    pub fn copied_to(&self, year: i32) -> Plan {
        let shift = |d: NaiveDate| {
            NaiveDate::from_ymd_opt(year, d.month(), d.day())
                .or_else(|| NaiveDate::from_ymd_opt(year, d.month(), d.day() - 1))
                .unwrap_or(d)
        };
        let mut p = self.clone();
        let old = self.year.to_string();
        let new = year.to_string();
        p.year = year;
        p.number = None;
        p.issued_on = None;
        p.subtitle = p.subtitle.replace(&old, &new);
        for ph in &mut p.phases {
            ph.start = shift(ph.start);
            ph.end = shift(ph.end);
            ph.content = ph.content.replace(&old, &new);
        }
        for d in &mut p.deadlines {
            d.date = shift(d.date);
        }
        p
    }
}

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap_or(NaiveDate::MIN)
}

/// A plan written like a real one, for the demo database.
pub fn demo_plan(year: i32, signer: &str) -> Plan {
    let s = |t: &str| t.to_owned();
    Plan {
        year,
        number: None,
        issued_on: None,
        subtitle: format!("Phát động phong trào thi đua năm {year}"),
        bases: vec![
            s("Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;"),
            s(
                "Căn cứ Nghị định số 152/2025/NĐ-CP ngày 14 tháng 6 năm 2025 của Chính phủ quy định chi tiết một số điều của Luật Thi đua, khen thưởng;",
            ),
            format!("Thực hiện Kế hoạch của UBND tỉnh về phát động phong trào thi đua năm {year},"),
        ],
        theme: s(
            "Đoàn kết, sáng tạo, kỷ cương, hiệu quả; thi đua hoàn thành thắng lợi nhiệm vụ phát triển ngành Công Thương",
        ),
        slogan: s(
            "Sở Công Thương thi đua đổi mới, nâng cao chất lượng phục vụ doanh nghiệp và người dân",
        ),
        purposes: vec![
            s(
                "Động viên công chức, viên chức, người lao động thi đua hoàn thành xuất sắc nhiệm vụ chính trị được giao năm ",
            ) + &year.to_string()
                + ".",
            s(
                "Phát hiện, bồi dưỡng, nhân rộng các điển hình tiên tiến, cách làm hay, sáng kiến có hiệu quả.",
            ),
            s(
                "Gắn phong trào thi đua với việc học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh.",
            ),
        ],
        requirements: vec![
            s(
                "Phong trào thi đua phải có nội dung thiết thực, hình thức phù hợp, tránh phô trương, hình thức.",
            ),
            s(
                "Việc bình xét khen thưởng phải chính xác, công khai, dân chủ, đúng người, đúng thành tích.",
            ),
        ],
        movements: vec![
            Movement {
                name: s("Phong trào thi đua thường xuyên"),
                text: s(
                    "Thi đua hoàn thành xuất sắc chức trách, nhiệm vụ được giao; đẩy mạnh cải cách hành chính, chuyển đổi số trong quản lý nhà nước về công thương.",
                ),
            },
            Movement {
                name: s(
                    "Phong trào \"Cán bộ, công chức, viên chức thi đua thực hiện văn hóa công sở\"",
                ),
                text: s(
                    "Xây dựng môi trường làm việc chuyên nghiệp, văn minh, lịch sự; thực hiện nghiêm kỷ luật, kỷ cương hành chính.",
                ),
            },
            Movement {
                name: s("Phong trào thi đua chuyên đề \"Đồng hành cùng doanh nghiệp\""),
                text: s(
                    "Hỗ trợ doanh nghiệp tháo gỡ khó khăn, xúc tiến thương mại, mở rộng thị trường tiêu thụ sản phẩm của tỉnh.",
                ),
            },
        ],
        phases: vec![
            Phase {
                name: s("Đợt thứ nhất"),
                start: d(year, 1, 1),
                end: d(year, 6, 30),
                content: s("Thi đua lập thành tích chào mừng các ngày lễ lớn; sơ kết 6 tháng."),
            },
            Phase {
                name: s("Đợt thứ hai"),
                start: d(year, 7, 1),
                end: d(year, 12, 31),
                content: s(
                    "Thi đua hoàn thành các chỉ tiêu, nhiệm vụ năm; tổng kết phong trào thi đua.",
                ),
            },
        ],
        economic_targets: vec![
            EconomicTarget {
                indicator: s("Giá trị sản xuất công nghiệp"),
                value: s("42.500"),
                unit: s("tỷ đồng"),
                change: s("tăng 9,5% so với năm trước"),
            },
            EconomicTarget {
                indicator: s("Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ"),
                value: s("98.000"),
                unit: s("tỷ đồng"),
                change: s("tăng 11% so với năm trước"),
            },
            EconomicTarget {
                indicator: s("Kim ngạch xuất khẩu"),
                value: s("1.450"),
                unit: s("triệu USD"),
                change: s("tăng 8% so với năm trước"),
            },
        ],
        title_targets: vec![
            TitleTarget {
                catalogue_code: s("LDTT"),
                title_name: s("Lao động tiên tiến"),
                percent: 90.0,
                base: TargetBase::Staff,
                leaders_count: false,
            },
            TitleTarget {
                catalogue_code: s("CSTDCS"),
                title_name: s("Chiến sĩ thi đua cơ sở"),
                percent: 15.0,
                base: TargetBase::Staff,
                leaders_count: false,
            },
            TitleTarget {
                catalogue_code: s("TTLDTT"),
                title_name: s("Tập thể lao động tiên tiến"),
                percent: 100.0,
                base: TargetBase::Units,
                leaders_count: true,
            },
            TitleTarget {
                catalogue_code: s("TTLDXS"),
                title_name: s("Tập thể lao động xuất sắc"),
                percent: 30.0,
                base: TargetBase::Units,
                leaders_count: true,
            },
        ],
        deadlines: vec![
            Deadline {
                what: s("Các đơn vị gửi bản đăng ký thi đua về Văn phòng Sở"),
                date: d(year, 2, 28),
            },
            Deadline {
                what: s("Đăng ký sáng kiến, đề tài"),
                date: d(year, 8, 30),
            },
            Deadline {
                what: s("Nộp hồ sơ đề nghị khen thưởng tổng kết năm"),
                date: d(year, 12, 10),
            },
        ],
        organisation: vec![
            s(
                "Thủ trưởng các phòng, đơn vị thuộc Sở tổ chức quán triệt Kế hoạch này đến toàn thể công chức, viên chức, người lao động; xây dựng kế hoạch thi đua của đơn vị và tổ chức đăng ký thi đua.",
            ),
            s(
                "Văn phòng Sở (Thường trực Hội đồng Thi đua – Khen thưởng) theo dõi, đôn đốc, tổng hợp kết quả và tham mưu sơ kết, tổng kết phong trào thi đua.",
            ),
            s(
                "Công đoàn cơ sở, Đoàn Thanh niên phối hợp vận động đoàn viên, hội viên tích cực hưởng ứng các phong trào thi đua.",
            ),
        ],
        recipients: vec![
            s("Ban Thi đua – Khen thưởng tỉnh (b/c)"),
            s("Giám đốc, các Phó Giám đốc Sở"),
            s("Các phòng, đơn vị thuộc Sở"),
            s("Công đoàn cơ sở, Đoàn Thanh niên Sở"),
            s("Lưu: VT, VP"),
        ],
        signer_mode: SignerMode::Deputy,
        signer_name: signer.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_demo_plan_is_valid_and_its_targets_read_like_the_plan() {
        let p = demo_plan(2027, "Trần Thị Mai");
        assert!(p.validate().is_empty(), "{:?}", p.validate());
        assert_eq!(
            p.title_targets[0].sentence(),
            "90% công chức, viên chức, người lao động đạt danh hiệu Lao động tiên tiến (lãnh đạo Sở không tính vào tỷ lệ)"
        );
        assert_eq!(
            p.title_targets[2].sentence(),
            "100% tập thể đạt danh hiệu Tập thể lao động tiên tiến"
        );
        assert_eq!(format_percent(12.5), "12,5%");
    }

    #[test]
    fn bad_plans_are_named_field_by_field() {
        let mut p = demo_plan(2027, "");
        p.theme.clear();
        p.phases[0].end = d(2026, 12, 1);
        p.title_targets[0].percent = 120.0;
        p.deadlines[0].date = d(2028, 1, 10);
        let fields: Vec<&str> = p.validate().iter().map(|e| e.field).collect();
        assert_eq!(
            fields,
            vec![
                "theme",
                "signer",
                "phases",
                "phases",
                "title_targets",
                "deadlines"
            ]
        );
    }

    #[test]
    fn copying_to_next_year_moves_dates_and_clears_the_number() {
        let mut p = demo_plan(2026, "A");
        p.number = Some(3);
        let q = p.copied_to(2027);
        assert_eq!(q.number, None);
        assert_eq!(q.phases[1].end, d(2027, 12, 31));
        assert_eq!(q.subtitle, "Phát động phong trào thi đua năm 2027");
        assert!(q.validate().is_empty());
    }
}
