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
    /// The target as the plan states it: "90% công chức, viên chức đạt danh hiệu Lao động
    /// tiên tiến (lãnh đạo Sở không tính vào tỷ lệ)", "100% đơn vị đạt Tập thể lao động
    /// tiên tiến".
    pub fn sentence(&self) -> String {
        let percent = format_percent(self.percent);
        let title = self.title_name.trim();
        match self.base {
            TargetBase::Staff => {
                let mut s = format!("{percent} công chức, viên chức đạt danh hiệu {title}");
                if !self.leaders_count {
                    s.push_str(" (lãnh đạo Sở không tính vào tỷ lệ)");
                }
                s
            }
            TargetBase::Units => format!("{percent} đơn vị đạt {title}"),
        }
    }
}

/// A percentage with the Vietnamese decimal comma: "90%", "12,5%", "33,33%" (at most two
/// decimals).
pub fn format_percent(p: f64) -> String {
    if !p.is_finite() {
        return "…%".into();
    }
    let text = format!("{:.2}", (p * 100.0).round() / 100.0);
    let text = text.trim_end_matches('0').trim_end_matches('.');
    format!("{}%", text.replace('.', ","))
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

/// Every problem of a plan, in Vietnamese, with the field it belongs to.
pub fn validate(plan: &Plan) -> Vec<FieldError> {
    plan.validate()
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
        if self.phases.iter().any(|p| clean(&p.name).is_empty()) {
            e.push(err(
                "phases",
                "Hãy đặt tên cho đợt thi đua, ví dụ \"Đợt thứ nhất\".".into(),
            ));
        }
        if self.deadlines.iter().any(|d| clean(&d.what).is_empty()) {
            e.push(err(
                "deadlines",
                "Hãy ghi rõ việc phải làm trước hạn.".into(),
            ));
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
            d.what = d.what.replace(&old, &new);
        }
        for purpose in &mut p.purposes {
            *purpose = purpose.replace(&old, &new);
        }
        // "so với năm 2026" in a 2027 plan becomes "so với năm 2027" in the 2028 copy.
        let (old_prev, new_prev) = ((self.year - 1).to_string(), (year - 1).to_string());
        for t in &mut p.economic_targets {
            t.change = t.change.replace(&old_prev, &new_prev);
        }
        p
    }
}

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap_or(NaiveDate::MIN)
}

/// A plan written like a real Sở Công Thương plan, for the demo database and the
/// "start from an example" button. `signer` signs for the Director (KT. GIÁM ĐỐC).
pub fn demo_plan(year: i32, signer: &str) -> Plan {
    let s = |t: &str| t.to_owned();
    let prev = year - 1;
    Plan {
        year,
        number: None,
        issued_on: None,
        subtitle: format!("Phát động phong trào thi đua năm {year}"),
        bases: vec![
            s("Căn cứ Luật Thi đua, khen thưởng số 06/2022/QH15 ngày 15 tháng 6 năm 2022;"),
            s(
                "Căn cứ Nghị định số 152/2025/NĐ-CP ngày 14 tháng 6 năm 2025 của Chính phủ quy định chi tiết một số điều của Luật Thi đua, khen thưởng;",
            ),
            format!(
                "Thực hiện Kế hoạch của Ủy ban nhân dân tỉnh về tổ chức phong trào thi đua yêu nước năm {year};"
            ),
            format!(
                "Căn cứ kết quả thực hiện nhiệm vụ năm {prev} và nhiệm vụ trọng tâm năm {year} của ngành Công Thương,"
            ),
        ],
        theme: s(
            "Kỷ cương, trách nhiệm, đổi mới, sáng tạo, đồng hành cùng doanh nghiệp, hoàn thành thắng lợi nhiệm vụ phát triển ngành Công Thương",
        ),
        slogan: s(
            "Sở Công Thương thi đua đổi mới, phục vụ doanh nghiệp và người dân ngày càng tốt hơn",
        ),
        purposes: vec![
            format!(
                "Động viên, khơi dậy tinh thần yêu nước, ý chí tự lực, tự cường của công chức, viên chức, người lao động, thi đua hoàn thành xuất sắc nhiệm vụ chính trị năm {year}."
            ),
            s(
                "Thông qua phong trào thi đua, phát hiện, bồi dưỡng, tôn vinh và nhân rộng các điển hình tiên tiến, cách làm hay, sáng kiến có hiệu quả.",
            ),
            s(
                "Gắn phong trào thi đua với việc đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh, xây dựng đội ngũ công chức, viên chức có phẩm chất, năng lực, trách nhiệm.",
            ),
        ],
        requirements: vec![
            s(
                "Phong trào thi đua phải có nội dung thiết thực, hình thức phù hợp, gắn với nhiệm vụ chuyên môn của từng phòng, đơn vị; tránh phô trương, hình thức.",
            ),
            s(
                "Các phòng, đơn vị tổ chức cho 100% công chức, viên chức, người lao động đăng ký thi đua; có sơ kết, tổng kết, rút kinh nghiệm.",
            ),
            s(
                "Việc bình xét khen thưởng phải chính xác, công khai, dân chủ, đúng người, đúng thành tích, đúng quy định; chú trọng khen thưởng người trực tiếp thực hiện nhiệm vụ.",
            ),
        ],
        movements: vec![
            Movement {
                name: s("Phong trào thi đua thường xuyên"),
                text: s(
                    "Thi đua hoàn thành xuất sắc chức trách, nhiệm vụ được giao; nâng cao hiệu lực, hiệu quả quản lý nhà nước về công nghiệp, thương mại; đẩy mạnh cải cách hành chính, giải quyết thủ tục hành chính đúng hạn, không để hồ sơ trễ hạn.",
                ),
            },
            Movement {
                name: s("Phong trào thi đua \"Đồng hành cùng doanh nghiệp\""),
                text: s(
                    "Kịp thời nắm bắt, tháo gỡ khó khăn cho doanh nghiệp; tổ chức xúc tiến thương mại, kết nối cung cầu, đưa hàng Việt về nông thôn; hỗ trợ doanh nghiệp mở rộng thị trường tiêu thụ sản phẩm của tỉnh.",
                ),
            },
            Movement {
                name: s("Phong trào thi đua \"Chuyển đổi số ngành Công Thương\""),
                text: s(
                    "Đẩy mạnh ứng dụng công nghệ thông tin, thương mại điện tử; 100% văn bản được xử lý trên môi trường mạng (trừ văn bản mật); cung cấp dịch vụ công trực tuyến toàn trình.",
                ),
            },
            Movement {
                name: s(
                    "Phong trào thi đua \"Cán bộ, công chức, viên chức thi đua thực hiện văn hóa công sở\"",
                ),
                text: s(
                    "Xây dựng môi trường làm việc chuyên nghiệp, văn minh, lịch sự; thực hiện nghiêm kỷ luật, kỷ cương hành chính, quy tắc ứng xử của cán bộ, công chức, viên chức.",
                ),
            },
            Movement {
                name: s(
                    "Phong trào \"Cả nước chung tay vì người nghèo - Không để ai bị bỏ lại phía sau\"",
                ),
                text: s(
                    "Công đoàn cơ sở, Chi đoàn Thanh niên Sở vận động đoàn viên tham gia ủng hộ Quỹ Vì người nghèo, các hoạt động an sinh xã hội, đền ơn đáp nghĩa.",
                ),
            },
        ],
        phases: vec![
            Phase {
                name: s("Đợt thứ nhất"),
                start: d(year, 1, 1),
                end: d(year, 6, 30),
                content: format!(
                    "thi đua lập thành tích chào mừng các ngày lễ lớn của đất nước; sơ kết 6 tháng đầu năm {year}."
                ),
            },
            Phase {
                name: s("Đợt thứ hai"),
                start: d(year, 7, 1),
                end: d(year, 12, 31),
                content: s(
                    "thi đua hoàn thành toàn diện các chỉ tiêu, nhiệm vụ của năm; tổng kết phong trào thi đua, bình xét khen thưởng.",
                ),
            },
        ],
        economic_targets: vec![
            EconomicTarget {
                indicator: s("Chỉ số sản xuất công nghiệp (IIP)"),
                value: s("tăng 9,5%"),
                unit: String::new(),
                change: format!("so với năm {prev}"),
            },
            EconomicTarget {
                indicator: s("Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng"),
                value: s("98.000"),
                unit: s("tỷ đồng"),
                change: format!("tăng 11% so với năm {prev}"),
            },
            EconomicTarget {
                indicator: s("Kim ngạch xuất khẩu"),
                value: s("1.450"),
                unit: s("triệu USD"),
                change: format!("tăng 8% so với năm {prev}"),
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
                what: s("Các phòng, đơn vị gửi bản đăng ký thi đua về Văn phòng Sở"),
                date: d(year, 2, 28),
            },
            Deadline {
                what: format!("Gửi báo cáo sơ kết phong trào thi đua 6 tháng đầu năm {year}"),
                date: d(year, 6, 15),
            },
            Deadline {
                what: s("Đăng ký sáng kiến, đề tài nghiên cứu khoa học"),
                date: d(year, 8, 30),
            },
            Deadline {
                what: s("Gửi báo cáo tổng kết và hồ sơ đề nghị khen thưởng năm về Văn phòng Sở"),
                date: d(year, 12, 10),
            },
        ],
        organisation: vec![
            s(
                "Thủ trưởng các phòng, đơn vị thuộc Sở tổ chức quán triệt Kế hoạch này đến toàn thể công chức, viên chức, người lao động; xây dựng kế hoạch thi đua của đơn vị, tổ chức đăng ký thi đua và chịu trách nhiệm về kết quả phong trào thi đua của đơn vị.",
            ),
            s(
                "Văn phòng Sở (Thường trực Hội đồng Thi đua - Khen thưởng Sở) theo dõi, đôn đốc, kiểm tra việc thực hiện; tổng hợp kết quả, tham mưu sơ kết, tổng kết phong trào thi đua và đề xuất khen thưởng theo quy định.",
            ),
            s(
                "Đề nghị Công đoàn cơ sở, Chi đoàn Thanh niên Sở phối hợp tuyên truyền, vận động đoàn viên tích cực hưởng ứng các phong trào thi đua.",
            ),
        ],
        recipients: vec![
            s("Sở Nội vụ (Ban Thi đua - Khen thưởng tỉnh) (b/c)"),
            s("Giám đốc, các Phó Giám đốc Sở"),
            s("Các phòng, đơn vị thuộc Sở"),
            s("Công đoàn cơ sở, Chi đoàn Thanh niên Sở"),
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
        assert!(validate(&p).is_empty(), "{:?}", validate(&p));
        assert_eq!(
            p.title_targets[0].sentence(),
            "90% công chức, viên chức đạt danh hiệu Lao động tiên tiến (lãnh đạo Sở không tính vào tỷ lệ)"
        );
        assert_eq!(
            p.title_targets[1].sentence(),
            "15% công chức, viên chức đạt danh hiệu Chiến sĩ thi đua cơ sở (lãnh đạo Sở không tính vào tỷ lệ)"
        );
        assert_eq!(
            p.title_targets[2].sentence(),
            "100% đơn vị đạt Tập thể lao động tiên tiến"
        );
        let mut counted = p.title_targets[0].clone();
        counted.leaders_count = true;
        assert!(!counted.sentence().contains("lãnh đạo"));
        assert!(p.movements.len() >= 3 && p.phases.len() == 2);
        assert!(
            p.deadlines
                .iter()
                .any(|x| x.date == d(2027, 8, 30) && x.what.contains("sáng kiến"))
        );
    }

    #[test]
    fn percentages_take_the_decimal_comma_only_when_fractional() {
        assert_eq!(format_percent(90.0), "90%");
        assert_eq!(format_percent(0.0), "0%");
        assert_eq!(format_percent(12.5), "12,5%");
        assert_eq!(format_percent(33.333), "33,33%");
        assert_eq!(format_percent(99.999), "100%");
        assert_eq!(format_percent(f64::NAN), "…%");
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
        let messages: Vec<String> = validate(&p).into_iter().map(|e| e.message).collect();
        assert!(
            messages
                .iter()
                .any(|m| m.contains("ngày kết thúc ở trước ngày bắt đầu"))
        );
        assert!(messages.iter().any(|m| m.contains("từ 0% đến 100%")));
    }

    #[test]
    fn every_required_field_is_asked_for() {
        let mut p = demo_plan(2027, "Trần Thị Mai");
        p.year = 0;
        p.subtitle = "  ".into();
        p.purposes = vec![" ".into()];
        p.title_targets[1].percent = -1.0;
        p.phases[1].name.clear();
        p.deadlines[1].what.clear();
        let fields: Vec<&str> = validate(&p).iter().map(|e| e.field).collect();
        for f in [
            "year",
            "subtitle",
            "purposes",
            "title_targets",
            "phases",
            "deadlines",
        ] {
            assert!(fields.contains(&f), "{f} missing from {fields:?}");
        }
        // A phase inside the year that ends before it starts is one error, not two.
        let mut p = demo_plan(2027, "A");
        p.phases[1].end = d(2027, 6, 1);
        assert_eq!(validate(&p).len(), 1, "{:?}", validate(&p));
    }

    #[test]
    fn copying_to_next_year_moves_dates_and_clears_the_number() {
        let mut p = demo_plan(2026, "A");
        p.number = Some(3);
        let q = p.copied_to(2027);
        assert_eq!(q.number, None);
        assert_eq!(q.phases[1].end, d(2027, 12, 31));
        assert_eq!(q.subtitle, "Phát động phong trào thi đua năm 2027");
        assert!(q.validate().is_empty(), "{:?}", q.validate());
        assert!(q.deadlines[1].what.ends_with("năm 2027"));
        assert_eq!(q.economic_targets[1].change, "tăng 11% so với năm 2026");
        // Legal citations are not touched.
        assert_eq!(q.bases[1], p.bases[1]);
    }
}
