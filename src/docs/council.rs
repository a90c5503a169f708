//! The council's papers: ballot papers for a secret ballot (one page per member, per
//! title) and the minutes of the meeting (biên bản họp Hội đồng).

use chrono::Datelike;

use super::blocks::{self, Signature, date_line, date_words};
use super::flow::Flow;
use super::layout::{Align, LaidOut, Margins, Run, Style, plain};
use super::table::{Column, Row, Table};
use crate::domain::council::{Meeting, MemberRole, VoteForm};
use crate::domain::plan::format_percent;
use crate::domain::settings::Organisation;
use crate::domain::text::nfc;

/// One candidate as the papers show them.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    pub name: String,
    /// "Chuyên viên, Văn phòng" or the unit's parent.
    pub position_unit: String,
    /// Votes, once counted: (agree, percent of all members, outcome label).
    pub result: Option<(u32, f64, String)>,
}

/// The candidates for one title or form.
#[derive(Debug, Clone, PartialEq)]
pub struct TitleGroup {
    pub title: String,
    pub threshold: f64,
    pub candidates: Vec<Candidate>,
}

/// Join documents laid out separately (each keeps its own page numbering).
pub fn concat(title: &str, parts: Vec<LaidOut>) -> LaidOut {
    let margins = parts.first().map(|p| p.margins).unwrap_or_default();
    let mut pages = Vec::new();
    let mut part_starts = Vec::new();
    for part in parts {
        let offset = pages.len();
        if offset > 0 {
            part_starts.push(offset);
        }
        part_starts.extend(part.part_starts.iter().map(|s| s + offset));
        pages.extend(part.pages);
    }
    LaidOut {
        title: nfc(title),
        margins,
        pages,
        part_starts,
    }
}

fn council_org(org: &Organisation) -> Organisation {
    Organisation {
        parent_body: org.body.clone(),
        body: "HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG".into(),
        ..org.clone()
    }
}

/// Ballot papers: for each title, one page per member of the council.
pub fn ballots(meeting: &Meeting, groups: &[TitleGroup], org: &Organisation) -> LaidOut {
    let copies = meeting.total().max(1);
    let mut parts = Vec::new();
    for group in groups.iter().filter(|g| !g.candidates.is_empty()) {
        for copy in 1..=copies {
            let mut flow = Flow::new("Phiếu bầu", Margins::default());
            let center = flow.left() + flow.content_width() / 2.0;
            let style = Style::centered(13.0);
            flow.paragraph(&[Run::regular(nfc(org.body.trim()).to_uppercase())], &style);
            flow.paragraph(&[Run::bold("HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG")], &style);
            flow.rule(
                center - 20.0 * super::layout::MM,
                flow.y + 2.0,
                center + 20.0 * super::layout::MM,
                0.6,
            );
            flow.space(18.0);
            blocks::title(
                &mut flow,
                "PHIẾU BẦU",
                &format!(
                    "Xét đề nghị {} năm {}",
                    lower_first(&group.title),
                    meeting.year
                ),
            );
            let rows = group
                .candidates
                .iter()
                .enumerate()
                .map(|(i, c)| {
                    Row::new(vec![
                        (i + 1).to_string(),
                        c.name.clone(),
                        c.position_unit.clone(),
                        String::new(),
                        String::new(),
                    ])
                })
                .collect();
            Table::new(
                vec![
                    Column::mm("STT", 12.0, Align::Center),
                    Column::new("Họ và tên / Tên tập thể", 3.0, Align::Left),
                    Column::new("Chức vụ, đơn vị", 3.0, Align::Left),
                    Column::mm("Đồng ý", 22.0, Align::Center),
                    Column::mm("Không đồng ý", 26.0, Align::Center),
                ],
                rows,
            )
            .place(&mut flow);
            flow.space(8.0);
            flow.paragraph(
                &[Run::italic(
                    "Ghi chú: đồng ý thì đánh dấu (X) vào cột «Đồng ý», không đồng ý thì đánh dấu (X) vào cột «Không đồng ý»; mỗi dòng chỉ đánh dấu một cột.",
                )],
                &Style::body(),
            );
            flow.paragraph(
                &plain(format!("Phiếu số {copy}/{copies}")),
                &Style {
                    align: Align::Right,
                    ..Style::left(11.0)
                },
            );
            parts.push(flow.finish());
        }
    }
    concat(&format!("Phiếu bầu năm {}", meeting.year), parts)
}

fn lower_first(text: &str) -> String {
    let mut c = text.trim().chars();
    c.next()
        .map(|f| f.to_lowercase().collect::<String>() + c.as_str())
        .unwrap_or_default()
}

fn names(meeting: &Meeting, present: bool) -> Vec<String> {
    meeting
        .members
        .iter()
        .filter(|m| m.present == present)
        .map(|m| {
            if m.position.trim().is_empty() {
                format!("{} – {}", m.name, m.role.label())
            } else {
                format!("{} – {}, {}", m.name, m.position, m.role.label())
            }
        })
        .collect()
}

/// The minutes of the meeting, with the results per title.
pub fn minutes(
    meeting: &Meeting,
    groups: &[TitleGroup],
    org: &Organisation,
    number: &str,
) -> LaidOut {
    let mut flow = Flow::new(
        &format!("Biên bản họp Hội đồng năm {}", meeting.year),
        Margins::default(),
    );
    blocks::header(
        &mut flow,
        &council_org(org),
        number,
        &date_line(&org.place, meeting.held_on),
    );
    blocks::title(
        &mut flow,
        "BIÊN BẢN",
        &format!(
            "Họp Hội đồng Thi đua - Khen thưởng xét khen thưởng năm {}",
            meeting.year
        ),
    );
    let body = Style::body();
    let chair = meeting.member_with(MemberRole::Chair);
    let secretary = meeting.member_with(MemberRole::Secretary);
    flow.paragraph(
        &plain(format!(
            "Thời gian: {}, {}.",
            meeting.time.trim(),
            date_words(meeting.held_on)
        )),
        &body,
    );
    flow.paragraph(
        &plain(format!("Địa điểm: {}.", meeting.place.trim())),
        &body,
    );
    if let Some(c) = chair {
        flow.paragraph(
            &plain(format!("Chủ trì: {} – {}.", c.name, c.role.label())),
            &body,
        );
    }
    if let Some(s) = secretary {
        flow.paragraph(&plain(format!("Thư ký: {}.", s.name)), &body);
    }
    let present = names(meeting, true);
    let absent = names(meeting, false);
    flow.paragraph(
        &plain(format!(
            "Thành viên có mặt: {}/{} thành viên, gồm:",
            present.len(),
            meeting.total()
        )),
        &body,
    );
    for p in &present {
        flow.item("-", &plain(p), &body);
    }
    if absent.is_empty() {
        flow.paragraph(&plain("Vắng mặt: không."), &body);
    } else {
        flow.paragraph(
            &plain(format!("Vắng mặt: {} thành viên, gồm:", absent.len())),
            &body,
        );
        for a in &absent {
            flow.item("-", &plain(a), &body);
        }
    }
    blocks::heading(&mut flow, "NỘI DUNG, KẾT QUẢ");
    let form = match meeting.vote_form {
        VoteForm::SecretBallot => "bỏ phiếu kín",
        VoteForm::ShowOfHands => "biểu quyết giơ tay",
    };
    flow.paragraph(
        &plain(format!(
            "Hội đồng đã xem xét hồ sơ đề nghị khen thưởng năm {} và thống nhất hình thức {form}. Tỷ lệ đồng ý được tính trên tổng số thành viên Hội đồng ({} thành viên). Kết quả như sau:",
            meeting.year,
            meeting.total()
        )),
        &body,
    );
    for (i, g) in groups
        .iter()
        .filter(|g| !g.candidates.is_empty())
        .enumerate()
    {
        blocks::heading(
            &mut flow,
            &format!(
                "{}. {} (cần từ {} tổng số thành viên đồng ý)",
                i + 1,
                g.title,
                format_percent(g.threshold)
            ),
        );
        let rows = g
            .candidates
            .iter()
            .enumerate()
            .map(|(j, c)| {
                let (agree, percent, outcome) = c
                    .result
                    .as_ref()
                    .map(|(a, p, o)| (a.to_string(), format_percent(*p), o.clone()))
                    .unwrap_or_default();
                Row::new(vec![
                    (j + 1).to_string(),
                    c.name.clone(),
                    c.position_unit.clone(),
                    agree,
                    percent,
                    outcome,
                ])
            })
            .collect();
        Table::new(
            vec![
                Column::mm("STT", 11.0, Align::Center),
                Column::new("Tên cá nhân, tập thể", 2.6, Align::Left),
                Column::new("Chức vụ, đơn vị", 2.6, Align::Left),
                Column::mm("Số phiếu đồng ý", 20.0, Align::Center),
                Column::mm("Tỷ lệ", 19.0, Align::Center),
                Column::new("Kết quả", 1.8, Align::Center),
            ],
            rows,
        )
        .place(&mut flow);
        flow.space(6.0);
    }
    flow.paragraph(
        &plain(format!(
            "Biên bản được lập xong, đã đọc lại cho các thành viên dự họp cùng nghe và thống nhất; lập thành 02 bản, lưu hồ sơ khen thưởng năm {}.",
            meeting.held_on.year()
        )),
        &body,
    );
    two_signatures(
        &mut flow,
        &Signature {
            mark: String::new(),
            title: "THƯ KÝ".into(),
            name: secretary.map(|s| s.name.clone()).unwrap_or_default(),
        },
        &Signature {
            mark: "TM. HỘI ĐỒNG".into(),
            title: "CHỦ TỊCH".into(),
            name: chair.map(|c| c.name.clone()).unwrap_or_default(),
        },
    );
    flow.finish()
}

/// Two signature blocks side by side (left and right halves), kept on one page.
pub fn two_signatures(flow: &mut Flow, left: &Signature, right: &Signature) {
    let style = Style {
        leading: 1.2,
        ..Style::centered(14.0)
    };
    flow.keep_together(|f| {
        f.y += 12.0;
        let top = f.y;
        let half = f.content_width() / 2.0;
        // Titles first; both names then stand on one line under the taller title.
        let mut titles_bottom = top;
        for (k, s) in [left, right].into_iter().enumerate() {
            let x = f.left() + half * k as f32;
            let mut y = top;
            for t in [&s.mark, &s.title] {
                if !t.trim().is_empty() {
                    y = f.block_at(&[Run::bold(nfc(t).to_uppercase())], &style, x, half, y);
                }
            }
            titles_bottom = titles_bottom.max(y);
        }
        let names_top = titles_bottom + 28.0 * super::layout::MM;
        let mut bottom = names_top;
        for (k, s) in [left, right].into_iter().enumerate() {
            let x = f.left() + half * k as f32;
            bottom =
                bottom.max(f.block_at(&[Run::bold(s.name.trim())], &style, x, half, names_top));
        }
        if bottom > f.limit() {
            f.new_page();
        } else {
            f.y = bottom;
        }
    });
}
