//! Báo cáo, thống kê: the tally of a period (table, the sentence the reports quote, PDF and
//! Excel), awards per year by level, and the year's results against the plan's targets,
//! for the Department and each unit.

use chrono::Datelike;
use egui::{RichText, Ui};
use egui_extras::{Column, TableBuilder};

use super::fonts::bold;
use super::intent::Intent;
use super::report_charts;
use super::report_view::{ReportIntent, ReportsView, TallyFormat};
use super::view_model::ViewModel;
use super::widgets::{self, year_picker};
use crate::domain::report_tally::{count_cell, two_digits};

#[derive(Debug, Default)]
pub struct ReportsScreen {
    /// Which target the per-unit chart shows (index into the plan's targets).
    target: usize,
}

impl ReportsScreen {
    pub fn is_dirty(&self) -> bool {
        false
    }

    pub fn discard_forms(&mut self) {}

    pub fn show(&mut self, ui: &mut Ui, vm: &ViewModel, intents: &mut Vec<Intent>) {
        let view = &vm.reports;
        let mut emit = |i: ReportIntent| intents.push(Intent::Report(i));
        let years = 2000.max(vm.today.year() - 30)..=vm.today.year();
        egui::ScrollArea::vertical().show(ui, |ui| {
            ui.heading("Báo cáo, thống kê");
            ui.horizontal_wrapped(|ui| {
                ui.label(bold("Tổng hợp khen thưởng"));
                if let Some(from) =
                    year_picker(ui, "report-from", "Từ năm:", view.from, years.clone())
                {
                    emit(ReportIntent::SetRange {
                        from,
                        to: view.to.max(from),
                    });
                }
                if let Some(to) = year_picker(ui, "report-to", "Đến năm:", view.to, years.clone())
                {
                    emit(ReportIntent::SetRange {
                        from: view.from.min(to),
                        to,
                    });
                }
                if ui.button("Lưu báo cáo PDF…").clicked() {
                    emit(ReportIntent::SaveTally(TallyFormat::Pdf));
                }
                if ui.button("Lưu bảng tính Excel…").clicked() {
                    emit(ReportIntent::SaveTally(TallyFormat::Xlsx));
                }
            });
            tally(ui, view);
            ui.separator();
            ui.label(bold("Số lượt khen thưởng theo năm và theo cấp"));
            if let Some(p) = &view.period {
                report_charts::awards_per_year(ui, &p.years);
            }
            ui.separator();
            ui.horizontal_wrapped(|ui| {
                ui.label(bold("Kết quả so với chỉ tiêu của kế hoạch"));
                if let Some(y) =
                    year_picker(ui, "results-year", "Năm:", view.results_year, years.clone())
                {
                    emit(ReportIntent::SetResultsYear(y));
                }
                if ui
                    .add_enabled(
                        view.results.has_plan,
                        egui::Button::new("Lưu báo cáo kết quả PDF…"),
                    )
                    .clicked()
                {
                    emit(ReportIntent::SaveResults);
                }
            });
            self.results(ui, view);
        });
    }

    fn results(&mut self, ui: &mut Ui, view: &ReportsView) {
        let r = &view.results;
        if !r.has_plan {
            ui.label(
                RichText::new(format!(
                    "Năm {} chưa có kế hoạch thi đua nên chưa có chỉ tiêu để đối chiếu.",
                    view.results_year
                ))
                .color(widgets::ERROR_COLOR),
            );
            return;
        }
        egui::Grid::new("results-department")
            .striped(true)
            .show(ui, |ui| {
                for t in [
                    "Danh hiệu (toàn Sở)",
                    "Chỉ tiêu",
                    "Đạt được",
                    "Tỷ lệ",
                    "Kết quả",
                ] {
                    ui.label(bold(t));
                }
                ui.end_row();
                for line in &r.department {
                    ui.label(&line.title_name);
                    ui.label(crate::domain::plan::format_percent(line.target_percent));
                    ui.label(format!("{}/{}", line.achieved, line.total));
                    ui.label(line.percent_text());
                    let verdict = RichText::new(line.verdict());
                    ui.label(if line.verdict() == "Chưa đạt" {
                        verdict.color(widgets::ERROR_COLOR)
                    } else {
                        verdict
                    });
                    ui.end_row();
                }
            });
        if r.department.is_empty() {
            return;
        }
        self.target = self.target.min(r.department.len() - 1);
        ui.horizontal(|ui| {
            let l = ui.label("Biểu đồ theo đơn vị:");
            egui::ComboBox::from_id_salt("results-target")
                .selected_text(&r.department[self.target].title_name)
                .show_ui(ui, |ui| {
                    for (i, t) in r.department.iter().enumerate() {
                        ui.selectable_value(&mut self.target, i, &t.title_name);
                    }
                })
                .response
                .labelled_by(l.id);
        });
        report_charts::targets_per_unit(ui, &r.units, self.target);
    }
}

fn tally(ui: &mut Ui, view: &ReportsView) {
    let Some(p) = &view.period else {
        ui.label("Đang tải…");
        return;
    };
    let t = &p.tally;
    if t.lines.is_empty() {
        ui.label(format!(
            "Không có khen thưởng nào trong {}.",
            period_words(t.from, t.to)
        ));
        return;
    }
    ui.add(egui::Label::new(format!("{}.", t.sentence())).wrap());
    TableBuilder::new(ui)
        .id_salt("tally-table")
        .striped(true)
        .vscroll(false)
        .column(Column::exact(50.0))
        .column(Column::remainder().at_least(300.0).clip(true))
        .column(Column::exact(90.0))
        .column(Column::exact(90.0))
        .header(22.0, |mut h| {
            for title in ["STT", "Danh hiệu, hình thức", "Tập thể", "Cá nhân"] {
                h.col(|ui| {
                    ui.label(bold(title));
                });
            }
        })
        .body(|mut body| {
            for (i, l) in t.lines.iter().enumerate() {
                body.row(22.0, |mut r| {
                    r.col(|ui| widgets::cell(ui, (i + 1).to_string()));
                    r.col(|ui| widgets::cell(ui, l.name.clone()));
                    r.col(|ui| widgets::cell(ui, count_cell(l.collectives)));
                    r.col(|ui| widgets::cell(ui, count_cell(l.individuals)));
                });
            }
            body.row(22.0, |mut r| {
                r.col(|_| {});
                r.col(|ui| widgets::cell(ui, bold("Tổng cộng")));
                r.col(|ui| widgets::cell(ui, bold(two_digits(t.total_collectives()))));
                r.col(|ui| widgets::cell(ui, bold(two_digits(t.total_individuals()))));
            });
        });
}

/// "giai đoạn 2022–2026", "năm 2026".
fn period_words(from: i32, to: i32) -> String {
    if from == to {
        format!("năm {from}")
    } else {
        format!(
            "giai đoạn {}",
            crate::domain::report_tally::period_text(from, to)
        )
    }
}
