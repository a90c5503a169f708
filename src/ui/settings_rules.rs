//! The province's numbers in settings: eligibility (months since recruitment, the 40-day
//! absence rule, the CSTĐCS and CSTĐ tỉnh caps, the intervals between two awards) and the council (quorum, vote thresholds).

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
    /// The title or form chosen to add an interval for (R17).
    pub new_interval: Option<String>,
}

impl RulesForm {
    /// True when a number differs from what is saved (showing the forms changes nothing).
    pub fn is_dirty(&self, vm: &ViewModel) -> bool {
        self.eligibility
            .as_ref()
            .is_some_and(|e| *e != vm.eligibility)
            || self
                .council
                .as_ref()
                .is_some_and(|c| *c != vm.council_rules)
            || self.rounding.is_some_and(|r| r != vm.rounding)
    }

    /// R17: the years before the same title or form again, per title or form.
    fn intervals(&mut self, ui: &mut Ui, vm: &ViewModel) {
        let Some(e) = self.eligibility.as_mut() else {
            return;
        };
        ui.label(bold(
            "Khoảng cách tối thiểu giữa hai lần khen cùng hình thức (năm)",
        ));
        let name = |code: &str| {
            vm.catalogue
                .iter()
                .find(|c| c.code == code)
                .map_or(code.to_owned(), |c| c.name.clone())
        };
        let mut dropped = None;
        egui::Grid::new("interval-rules")
            .num_columns(3)
            .show(ui, |ui| {
                for (code, years) in e.intervals.iter_mut() {
                    let title = name(code);
                    let l = ui.label(format!("{title}:"));
                    ui.add(egui::DragValue::new(years).range(1..=20).suffix(" năm"))
                        .labelled_by(l.id);
                    if ui.button(format!("Bỏ khoảng cách: {title}")).clicked() {
                        dropped = Some(code.clone());
                    }
                    ui.end_row();
                }
            });
        if let Some(code) = dropped {
            e.intervals.remove(&code);
        }
        ui.horizontal(|ui| {
            let l = ui.label("Thêm khoảng cách cho:");
            let chosen = self
                .new_interval
                .as_deref()
                .map_or("— chọn —".to_owned(), name);
            egui::ComboBox::from_id_salt("interval-title")
                .selected_text(chosen)
                .width(260.0)
                .height(640.0)
                .show_ui(ui, |ui| {
                    for c in vm
                        .catalogue
                        .iter()
                        .filter(|c| c.active && !e.intervals.contains_key(&c.code))
                    {
                        ui.selectable_value(&mut self.new_interval, Some(c.code.clone()), &c.name);
                    }
                })
                .response
                .labelled_by(l.id);
            if ui
                .add_enabled(
                    self.new_interval.is_some(),
                    egui::Button::new("Thêm khoảng cách"),
                )
                .clicked()
                && let Some(code) = self.new_interval.take()
            {
                e.intervals.insert(code, 2);
            }
        });
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
                cap_rows(
                    ui,
                    &mut e.cstdcs_cap_percent,
                    ("Giới hạn tỷ lệ Chiến sĩ thi đua cơ sở", 15.0),
                    "Tỷ lệ tối đa trên số Lao động tiên tiến (%):",
                );
                cap_rows(
                    ui,
                    &mut e.cstd_tinh_cap_percent,
                    ("Giới hạn tỷ lệ Chiến sĩ thi đua cấp tỉnh", 10.0),
                    "Tỷ lệ tối đa trên số Chiến sĩ thi đua cơ sở (%):",
                );
            });
        self.intervals(ui, vm);
        if ui.button("Lưu quy định xét danh hiệu").clicked()
            && let Some(e) = &self.eligibility
        {
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

/// A cap that can be switched on, and its percentage once on.
fn cap_rows(ui: &mut Ui, cap: &mut Option<f64>, (switch, default): (&str, f64), label: &str) {
    let mut capped = cap.is_some();
    ui.label("");
    ui.checkbox(&mut capped, switch);
    ui.end_row();
    if capped {
        let value = cap.get_or_insert(default);
        let l = ui.label(label);
        ui.add(egui::DragValue::new(value).range(0.0..=100.0))
            .labelled_by(l.id);
        ui.end_row();
    } else {
        *cap = None;
    }
}
