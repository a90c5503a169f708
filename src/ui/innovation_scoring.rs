//! The council's scores on one innovation: each member's points per criterion, the
//! weighted total, and who does not count; a member who is an author or from an author's
//! unit is proposed as not counted, with the reason shown (the clerk can change it).

use egui::{RichText, Ui};

use super::fonts::bold;
use super::innovation_view::{InnovationIntent, InnovationLine, InnovationsView};
use super::innovations::InnovationsScreen;
use super::intent::Intent;
use super::widgets::{ERROR_COLOR, Named};
use crate::domain::innovation_scoring::MemberScores;

fn intent(i: InnovationIntent) -> Intent {
    Intent::Innovation(i)
}

impl InnovationsScreen {
    pub(super) fn scoring(
        &mut self,
        ui: &mut Ui,
        view: &InnovationsView,
        line: &InnovationLine,
        intents: &mut Vec<Intent>,
    ) {
        ui.label(bold("Chấm điểm của Hội đồng sáng kiến"));
        if let Some(r) = &line.result {
            ui.label(r);
        }
        let sheet = &view.sheet;
        let scores = self.scores.get_or_insert_with(|| line.scores.clone());
        let mut remove = None;
        egui::Grid::new("innovation-scores")
            .striped(true)
            .show(ui, |ui| {
                ui.label(bold("Thành viên"));
                for c in &sheet.criteria {
                    ui.label(bold(format!("{} (tối đa {})", c.name, c.max_points)));
                }
                ui.label(bold("Tổng (thang 100)"));
                ui.label(bold("Không tính"));
                ui.label(bold("Lý do"));
                ui.end_row();
                for (n, m) in scores.iter_mut().enumerate() {
                    ui.label(&m.member);
                    m.scores.resize(sheet.criteria.len(), 0.0);
                    for (c, s) in sheet.criteria.iter().zip(m.scores.iter_mut()) {
                        ui.add(egui::DragValue::new(s).range(0.0..=1000.0))
                            .named(egui::Role::SpinButton, &format!("{}: {}", c.name, m.member));
                    }
                    let total = sheet.total(&m.scores);
                    let total = format!("{:.1}", total).replace('.', ",");
                    ui.label(if m.recused {
                        RichText::new(format!("{total} (không tính)")).italics()
                    } else {
                        RichText::new(total)
                    });
                    ui.checkbox(&mut m.recused, format!("Không tính ({})", m.member))
                        .on_hover_text("Thành viên là tác giả hoặc cùng đơn vị với tác giả");
                    match view.recusal(&m.member, line) {
                        Some(reason) => ui.label(
                            RichText::new(format!("Đề nghị không tính: {reason}")).italics(),
                        ),
                        None => ui.label(""),
                    };
                    if ui.button(format!("Bỏ {}", m.member)).clicked() {
                        remove = Some(n);
                    }
                    ui.end_row();
                }
            });
        if let Some(n) = remove {
            scores.remove(n);
        }
        ui.horizontal(|ui| {
            if ui
                .add_enabled(
                    !view.council.is_empty(),
                    egui::Button::new("Thêm cả Hội đồng sáng kiến"),
                )
                .clicked()
            {
                for m in &view.council {
                    if !scores.iter().any(|s| s.member == m.name) {
                        scores.push(MemberScores {
                            member: m.name.clone(),
                            scores: vec![0.0; sheet.criteria.len()],
                            recused: view.recusal(&m.name, line).is_some(),
                        });
                    }
                }
            }
            let l = ui.label("Thành viên:");
            ui.add(egui::TextEdit::singleline(&mut self.new_member).desired_width(200.0))
                .labelled_by(l.id);
            if ui
                .add_enabled(
                    !self.new_member.trim().is_empty(),
                    egui::Button::new("Thêm thành viên chấm"),
                )
                .clicked()
            {
                let member = self.new_member.trim().to_owned();
                scores.push(MemberScores {
                    recused: view.recusal(&member, line).is_some(),
                    member,
                    scores: vec![0.0; sheet.criteria.len()],
                });
                self.new_member.clear();
            }
        });
        match sheet.score(scores) {
            Ok(r) if !scores.is_empty() => {
                ui.label(r.text());
            }
            Ok(_) => {}
            Err(e) => {
                ui.label(RichText::new(e).color(ERROR_COLOR));
            }
        }
        if ui.button("Lưu điểm").clicked() {
            intents.push(intent(InnovationIntent::SaveScores {
                id: line.innovation.id,
                scores: scores.clone(),
            }));
        }
    }
}
