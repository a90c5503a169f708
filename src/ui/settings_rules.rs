//! The province's numbers in settings: eligibility (months since recruitment, the 40-day
//! absence rule, the CSTĐCS cap) and the council (quorum, vote thresholds).

use egui::Ui;

use super::fonts::bold;
use super::intent::Intent;
use super::view_model::ViewModel;
use crate::domain::council::CouncilRules;
use crate::domain::eligibility::EligibilitySettings;

/// The rules being edited.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct RulesForm {
    pub eligibility: Option<EligibilitySettings>,
    pub council: Option<CouncilRules>,
    pub rounding: Option<crate::domain::money::Rounding>,
}

impl RulesForm {
    pub fn is_dirty(&self) -> bool {
        self.eligibility.is_some() || self.council.is_some() || self.rounding.is_some()
    }

    pub fn show(&mut self, ui: &mut Ui, vm: &ViewModel, intents: &mut Vec<Intent>) {
        ui.heading("Quy định thi đua, khen thưởng của tỉnh");
        ui.label("Các con số khác nhau giữa các tỉnh; mặc định theo Luật và các nghị định, thông tư hiện hành.");
        let e = self
            .eligibility
            .get_or_insert_with(|| vm.eligibility.clone());
        egui::Grid::new("eligibility-rules")
            .num_columns(2)
            .show(ui, |ui| {
                let l = ui.label("Số tháng công tác tối thiểu để xét Lao động tiên tiến:");
                ui.add(egui::DragValue::new(&mut e.months_since_recruitment).range(0..=24))
                    .labelled_by(l.id);
                ui.end_row();
                ui.label("");
                ui.checkbox(
                    &mut e.absence_40_days_blocks,
                    "Nghỉ từ 40 ngày làm việc trở lên thì không xét Lao động tiên tiến",
                );
                ui.end_row();
                let mut capped = e.cstdcs_cap_percent.is_some();
                ui.label("");
                ui.checkbox(&mut capped, "Giới hạn tỷ lệ Chiến sĩ thi đua cơ sở");
                ui.end_row();
                if capped {
                    let cap = e.cstdcs_cap_percent.get_or_insert(15.0);
                    let l = ui.label("Tỷ lệ tối đa trên số Lao động tiên tiến (%):");
                    ui.add(egui::DragValue::new(cap).range(0.0..=100.0))
                        .labelled_by(l.id);
                    ui.end_row();
                } else {
                    e.cstdcs_cap_percent = None;
                }
            });
        if ui.button("Lưu quy định xét danh hiệu").clicked() {
            intents.push(Intent::SaveEligibility(e.clone()));
        }
        ui.add_space(8.0);
        ui.label(bold("Hội đồng Thi đua - Khen thưởng"));
        let c = self.council.get_or_insert_with(|| vm.council_rules.clone());
        egui::Grid::new("council-rules").num_columns(2).show(ui, |ui| {
            let l = ui.label("Số thành viên có mặt tối thiểu (% tổng số):");
            ui.add(egui::DragValue::new(&mut c.quorum_percent).range(0.0..=100.0)).labelled_by(l.id);
            ui.end_row();
            let mut high = c.threshold("CSTD_TINH");
            let l = ui.label("Tỷ lệ đồng ý cho CSTĐ cấp tỉnh, Bằng khen tỉnh trở lên (% tổng số thành viên):");
            if ui.add(egui::DragValue::new(&mut high).range(0.0..=100.0)).labelled_by(l.id).changed() {
                for v in c.thresholds.values_mut() {
                    *v = high;
                }
            }
            ui.end_row();
            let l = ui.label("Tỷ lệ đồng ý cho các danh hiệu, hình thức khác (%):");
            ui.add(egui::DragValue::new(&mut c.other_threshold).range(0.0..=100.0)).labelled_by(l.id);
            ui.end_row();
        });
        if ui.button("Lưu quy định Hội đồng").clicked() {
            intents.push(Intent::SaveCouncilRules(c.clone()));
        }
        ui.add_space(8.0);
        let r = self.rounding.get_or_insert(vm.rounding);
        ui.horizontal(|ui| {
            let l = ui.label("Làm tròn tiền thưởng đến (đồng):");
            ui.add(egui::DragValue::new(&mut r.to).range(1..=1_000_000))
                .labelled_by(l.id);
            if ui.button("Lưu cách làm tròn").clicked() {
                intents.push(Intent::SaveRounding(*r));
            }
        });
    }
}
