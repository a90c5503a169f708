//! Hội đồng Thi đua – Khen thưởng: the meeting (members present and absent, the vote
//! form), its agenda, the votes per candidate with the result against the threshold, and
//! the papers (ballots, minutes, submissions).

use chrono::Datelike;
use egui::{RichText, Ui};

use super::fonts::bold;
use super::intent::Intent;
use super::nomination_view::{NominationIntent, NominationsView};
use super::view_model::ViewModel;
use super::widgets::{ERROR_COLOR, Named};
use crate::docs::council_data::CouncilDoc;
use crate::domain::council::{CouncilMember, Meeting, MemberRole, Outcome, VoteForm, Votes, count};
use crate::domain::nomination::{NominationId, NominationStatus};
use crate::domain::validate::{format_date, parse_date};

fn intent(i: NominationIntent) -> Intent {
    Intent::Nomination(i)
}

/// A meeting as typed.
#[derive(Debug, Clone, PartialEq)]
pub struct MeetingForm {
    pub id: i64,
    pub date: String,
    pub time: String,
    pub place: String,
    pub vote_form: VoteForm,
    pub members: Vec<CouncilMember>,
    pub dirty: bool,
}

impl MeetingForm {
    fn from_meeting(m: &Meeting) -> Self {
        MeetingForm {
            id: m.id,
            date: format_date(m.held_on),
            time: m.time.clone(),
            place: m.place.clone(),
            vote_form: m.vote_form,
            members: m.members.clone(),
            dirty: false,
        }
    }

    fn to_meeting(&self, year: i32) -> Result<Meeting, String> {
        let held_on = parse_date(&self.date)
            .map_err(|e| format!("Ngày họp: {e}"))?
            .ok_or("Hãy nhập ngày họp.")?;
        Ok(Meeting {
            id: self.id,
            year,
            held_on,
            time: self.time.clone(),
            place: self.place.clone(),
            members: self.members.clone(),
            vote_form: self.vote_form,
        })
    }
}

#[derive(Debug, Default)]
pub struct CouncilScreen {
    pub form: Option<MeetingForm>,
    /// Date of the tờ trình to number.
    pub proposal_date: String,
    /// Votes being typed: (nomination, agree, disagree, the outcome the clerk chose).
    pub votes: Vec<(NominationId, u32, u32, Option<Outcome>)>,
}

impl CouncilScreen {
    pub fn meeting_saved(&mut self) {
        self.form = None;
    }

    pub fn is_dirty(&self) -> bool {
        self.form.as_ref().is_some_and(|f| f.dirty)
    }

    pub fn discard_forms(&mut self) {
        self.form = None;
        self.votes.clear();
    }

    pub fn show(&mut self, ui: &mut Ui, vm: &ViewModel, intents: &mut Vec<Intent>) {
        let Some(view) = vm.nominations.as_ref() else {
            ui.label("Đang tải…");
            return;
        };
        ui.heading(format!("Hội đồng Thi đua - Khen thưởng năm {}", view.year));
        let latest = view.meetings.last();
        ui.horizontal_wrapped(|ui| {
            if ui.button("Thêm cuộc họp").clicked() {
                let members = latest
                    .map(|m| {
                        m.members
                            .iter()
                            .map(|x| CouncilMember {
                                present: true,
                                ..x.clone()
                            })
                            .collect()
                    })
                    .unwrap_or_else(|| default_members(vm));
                self.form = Some(MeetingForm {
                    id: 0,
                    date: format_date(vm.today),
                    time: "08 giờ 00".into(),
                    place: "Phòng họp Sở Công Thương".into(),
                    vote_form: VoteForm::SecretBallot,
                    members,
                    dirty: true,
                });
            }
            if let Some(m) = latest
                && ui.button("Sửa cuộc họp").clicked()
            {
                self.form = Some(MeetingForm::from_meeting(m));
            }
            for (label, doc) in [
                ("In phiếu bầu", CouncilDoc::Ballots(None)),
                ("In biên bản họp", CouncilDoc::Minutes(None)),
                (
                    "In tờ trình Giám đốc",
                    CouncilDoc::Proposal { to_province: false },
                ),
                (
                    "In tờ trình cấp tỉnh",
                    CouncilDoc::Proposal { to_province: true },
                ),
            ] {
                let needs_meeting = matches!(doc, CouncilDoc::Ballots(_) | CouncilDoc::Minutes(_));
                let enabled = !needs_meeting || latest.is_some();
                if let Some(action) = super::widgets::document_menu(ui, label, enabled) {
                    intents.push(intent(NominationIntent::Document {
                        year: view.year,
                        doc,
                        action,
                    }));
                }
            }
        });
        ui.horizontal_wrapped(|ui| {
            let l = ui.label("Ngày tờ trình:");
            ui.add(
                egui::TextEdit::singleline(&mut self.proposal_date)
                    .hint_text("dd/mm/yyyy")
                    .desired_width(90.0),
            )
            .labelled_by(l.id);
            let date = parse_date(&self.proposal_date).ok().flatten();
            for (label, to_province) in [
                ("Lấy số tờ trình Giám đốc", false),
                ("Lấy số tờ trình cấp tỉnh", true),
            ] {
                if ui
                    .add_enabled(date.is_some(), egui::Button::new(label))
                    .clicked()
                    && let Some(date) = date
                {
                    intents.push(intent(NominationIntent::IssueProposal {
                        year: view.year,
                        to_province,
                        date,
                    }));
                }
            }
        });
        if let Some(problem) = &view.quorum_problem {
            ui.label(RichText::new(problem).color(ERROR_COLOR));
        }
        if self.form.is_some() {
            self.meeting_form(ui, view.year, intents);
            return;
        }
        match latest {
            Some(m) => {
                ui.label(format!(
                    "Cuộc họp {}, {} tại {} — {}/{} thành viên dự họp — {}",
                    m.time,
                    format_date(m.held_on),
                    m.place,
                    m.present(),
                    m.total(),
                    m.vote_form.label()
                ));
                self.agenda(ui, view, m, intents);
            }
            None => {
                ui.label(format!("Năm {} chưa có cuộc họp Hội đồng.", view.year));
            }
        }
        let _ = vm.today.year();
    }

    fn meeting_form(&mut self, ui: &mut Ui, year: i32, intents: &mut Vec<Intent>) {
        let Some(form) = self.form.as_mut() else {
            return;
        };
        let mut changed = false;
        egui::Grid::new("meeting-form")
            .num_columns(2)
            .show(ui, |ui| {
                for (label, value) in [
                    ("Ngày họp:", &mut form.date),
                    ("Giờ họp:", &mut form.time),
                    ("Địa điểm:", &mut form.place),
                ] {
                    let l = ui.label(label);
                    changed |= ui.text_edit_singleline(value).labelled_by(l.id).changed();
                    ui.end_row();
                }
                let l = ui.label("Hình thức biểu quyết:");
                egui::ComboBox::from_id_salt("vote-form")
                    .selected_text(form.vote_form.label())
                    .show_ui(ui, |ui| {
                        for f in VoteForm::ALL {
                            changed |= ui
                                .selectable_value(&mut form.vote_form, *f, f.label())
                                .changed();
                        }
                    })
                    .response
                    .labelled_by(l.id);
                ui.end_row();
            });
        ui.label(bold(
            "Thành viên Hội đồng (tỷ lệ biểu quyết tính trên tổng số thành viên)",
        ));
        let mut remove = None;
        egui::Grid::new("meeting-members")
            .striped(true)
            .num_columns(5)
            .show(ui, |ui| {
                for (i, m) in form.members.iter_mut().enumerate() {
                    changed |= ui
                        .add(egui::TextEdit::singleline(&mut m.name).desired_width(180.0))
                        .named(
                            egui::Role::TextInput,
                            &format!("Họ tên thành viên {}", i + 1),
                        )
                        .changed();
                    changed |= ui
                        .add(egui::TextEdit::singleline(&mut m.position).desired_width(180.0))
                        .named(
                            egui::Role::TextInput,
                            &format!("Chức vụ thành viên {}", i + 1),
                        )
                        .changed();
                    egui::ComboBox::from_id_salt(("member-role", i))
                        .selected_text(m.role.label())
                        .show_ui(ui, |ui| {
                            for r in MemberRole::ALL {
                                changed |=
                                    ui.selectable_value(&mut m.role, *r, r.label()).changed();
                            }
                        })
                        .response
                        .named(
                            egui::Role::ComboBox,
                            &format!("Vai trò thành viên {}", i + 1),
                        );
                    changed |= ui
                        .checkbox(&mut m.present, format!("Có mặt ({})", i + 1))
                        .changed();
                    if ui.button(format!("Bỏ thành viên {}", i + 1)).clicked() {
                        remove = Some(i);
                    }
                    ui.end_row();
                }
            });
        if let Some(i) = remove {
            form.members.remove(i);
            changed = true;
        }
        if ui.button("Thêm thành viên").clicked() {
            form.members.push(CouncilMember {
                name: String::new(),
                position: String::new(),
                role: MemberRole::Member,
                present: true,
            });
            changed = true;
        }
        form.dirty |= changed;
        let result = form.to_meeting(year);
        if let Err(e) = &result {
            ui.label(RichText::new(e).color(ERROR_COLOR));
        }
        let mut cancel = false;
        ui.horizontal(|ui| {
            if ui
                .add_enabled(result.is_ok(), egui::Button::new(bold("Lưu cuộc họp")))
                .clicked()
                && let Ok(m) = result
            {
                intents.push(intent(NominationIntent::SaveMeeting(m)));
            }
            cancel = ui.button("Hủy").clicked();
        });
        if cancel {
            self.form = None;
        }
    }

    fn agenda(
        &mut self,
        ui: &mut Ui,
        view: &NominationsView,
        m: &Meeting,
        intents: &mut Vec<Intent>,
    ) {
        let waiting: Vec<NominationId> = view
            .lines
            .iter()
            .filter(|l| {
                l.nomination.status == NominationStatus::ToCouncil && l.nomination.meeting.is_none()
            })
            .map(|l| l.nomination.id)
            .collect();
        if ui
            .add_enabled(
                !waiting.is_empty(),
                egui::Button::new(format!(
                    "Đưa {} đề nghị đã trình vào cuộc họp",
                    waiting.len()
                )),
            )
            .clicked()
        {
            intents.push(intent(NominationIntent::PutOnAgenda {
                meeting: m.id,
                ids: waiting,
            }));
        }
        ui.separator();
        // The result sentence and the conclusion combo widen the table past the window.
        egui::ScrollArea::both()
            .auto_shrink([false, false])
            .show(ui, |ui| {
                egui::Grid::new("agenda-grid")
                    .striped(true)
                    .num_columns(7)
                    .show(ui, |ui| {
                        for h in [
                            "Họ và tên / Tên tập thể",
                            "Danh hiệu, hình thức",
                            "Đồng ý",
                            "Không đồng ý",
                            "Kết quả",
                            "Kết luận của Hội đồng",
                            "",
                        ] {
                            ui.label(bold(h));
                        }
                        ui.end_row();
                        for line in view
                            .lines
                            .iter()
                            .filter(|l| l.nomination.meeting == Some(m.id))
                        {
                            let n = &line.nomination;
                            ui.label(&line.name);
                            ui.label(&line.title);
                            if let (Some(v), Some(o)) = (n.votes, n.outcome) {
                                ui.label(v.agree.to_string());
                                ui.label(v.disagree.to_string());
                                ui.label(
                                    count(v, m.total(), line.threshold)
                                        .map(|r| r.text(v, m.total()))
                                        .unwrap_or_default(),
                                );
                                ui.label(o.label());
                                ui.label("");
                                ui.end_row();
                                continue;
                            }
                            let i = match self.votes.iter().position(|v| v.0 == n.id) {
                                Some(i) => i,
                                None => {
                                    self.votes.push((n.id, 0, 0, None));
                                    self.votes.len() - 1
                                }
                            };
                            let total = m.total() as u32;
                            let (_, agree, disagree, choice) = &mut self.votes[i];
                            ui.add(egui::DragValue::new(agree).range(0..=total))
                                .named(egui::Role::SpinButton, &format!("Đồng ý: {}", line.name));
                            ui.add(egui::DragValue::new(disagree).range(0..=total))
                                .named(
                                    egui::Role::SpinButton,
                                    &format!("Không đồng ý: {}", line.name),
                                );
                            let votes = Votes {
                                agree: *agree,
                                disagree: *disagree,
                            };
                            match count(votes, m.total(), line.threshold) {
                                Ok(r) => ui.label(r.text(votes, m.total())),
                                Err(e) => ui.label(RichText::new(e).color(ERROR_COLOR)),
                            };
                            outcome_choice(ui, &line.name, choice);
                            if ui.button(format!("Ghi kết quả: {}", line.name)).clicked() {
                                intents.push(intent(NominationIntent::RecordVotes {
                                    id: n.id,
                                    votes,
                                    choice: *choice,
                                }));
                            }
                            ui.end_row();
                        }
                    });
            });
    }
}

/// The council's conclusion on one candidate: as the votes give, or the clerk's choice
/// (passed only, or passed and proposed to a higher level).
fn outcome_choice(ui: &mut Ui, name: &str, choice: &mut Option<Outcome>) {
    const BY_VOTES: &str = "Theo kết quả phiếu";
    let response = egui::ComboBox::from_id_salt(("outcome-choice", name))
        .selected_text(choice.map_or(BY_VOTES, |o| o.label()))
        .width(220.0)
        .show_ui(ui, |ui| {
            ui.selectable_value(choice, None, BY_VOTES);
            for o in Outcome::ALL {
                ui.selectable_value(choice, Some(*o), o.label());
            }
        })
        .response;
    response.widget_info(|| {
        egui::WidgetInfo::labeled(egui::Role::ComboBox, true, format!("Kết luận: {name}"))
    });
}

/// The usual council: the Director chairs, the deputies are vice chairs.
fn default_members(vm: &ViewModel) -> Vec<CouncilMember> {
    let mut v = vec![CouncilMember {
        name: vm.org.director.clone(),
        position: "Giám đốc Sở".into(),
        role: MemberRole::Chair,
        present: true,
    }];
    for d in &vm.org.deputies {
        v.push(CouncilMember {
            name: d.clone(),
            position: "Phó Giám đốc Sở".into(),
            role: MemberRole::ViceChair,
            present: true,
        });
    }
    v.push(CouncilMember {
        name: String::new(),
        position: "Chánh Văn phòng".into(),
        role: MemberRole::Secretary,
        present: true,
    });
    v
}
