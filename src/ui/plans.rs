//! Kế hoạch thi đua: the year's campaign plans, their structured fields, issuing with a
//! number from the register, amendments that keep the issued text, and the PDF.

use chrono::Datelike;
use egui::Ui;

use super::fonts::bold;
use super::intent::{DocumentAction, Intent};
use super::people::EditForm;
use super::view_model::{PlanView, ViewModel};
use super::widgets::{self, ERROR_COLOR};
use crate::domain::plan::{
    Deadline, EconomicTarget, Movement, Phase, Plan, SignerMode, TargetBase, TitleTarget, demo_plan,
};
use crate::domain::text::clean;
use crate::domain::validate::{FieldError, format_date, parse_date};

/// The plan as typed: list fields as one item per line, dates as text.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct PlanForm {
    pub id: Option<i64>,
    pub amends: Option<i64>,
    pub year: String,
    pub subtitle: String,
    pub bases: String,
    pub theme: String,
    pub slogan: String,
    pub purposes: String,
    pub requirements: String,
    /// (name, text)
    pub movements: Vec<(String, String)>,
    /// (name, start, end, content)
    pub phases: Vec<(String, String, String, String)>,
    /// (indicator, value, unit, change)
    pub economic: Vec<(String, String, String, String)>,
    /// (catalogue code, percent, leaders count)
    pub targets: Vec<(String, String, bool)>,
    /// (what, date)
    pub deadlines: Vec<(String, String)>,
    pub organisation: String,
    pub recipients: String,
    pub deputy_signs: bool,
    pub signer: String,
}

fn lines(text: &str) -> Vec<String> {
    text.lines().map(clean).filter(|l| !l.is_empty()).collect()
}

impl PlanForm {
    pub fn from_plan(id: Option<i64>, amends: Option<i64>, p: &Plan) -> Self {
        Self {
            id,
            amends,
            year: p.year.to_string(),
            subtitle: p.subtitle.clone(),
            bases: p.bases.join("\n"),
            theme: p.theme.clone(),
            slogan: p.slogan.clone(),
            purposes: p.purposes.join("\n"),
            requirements: p.requirements.join("\n"),
            movements: p
                .movements
                .iter()
                .map(|m| (m.name.clone(), m.text.clone()))
                .collect(),
            phases: p
                .phases
                .iter()
                .map(|f| {
                    (
                        f.name.clone(),
                        format_date(f.start),
                        format_date(f.end),
                        f.content.clone(),
                    )
                })
                .collect(),
            economic: p
                .economic_targets
                .iter()
                .map(|e| {
                    (
                        e.indicator.clone(),
                        e.value.clone(),
                        e.unit.clone(),
                        e.change.clone(),
                    )
                })
                .collect(),
            targets: p
                .title_targets
                .iter()
                .map(|t| {
                    (
                        t.catalogue_code.clone(),
                        t.percent.to_string().replace('.', ","),
                        t.leaders_count,
                    )
                })
                .collect(),
            deadlines: p
                .deadlines
                .iter()
                .map(|d| (d.what.clone(), format_date(d.date)))
                .collect(),
            organisation: p.organisation.join("\n"),
            recipients: p.recipients.join("\n"),
            deputy_signs: p.signer_mode == SignerMode::Deputy,
            signer: p.signer_name.clone(),
        }
    }

    /// The plan, or every problem with it (nothing half-saved).
    pub fn to_plan(&self, vm: &ViewModel) -> Result<Plan, Vec<FieldError>> {
        let mut errors = Vec::new();
        let year = self.year.trim().parse::<i32>().unwrap_or_else(|_| {
            errors.push(FieldError {
                field: "year",
                message: "Năm kế hoạch phải là số có 4 chữ số.".into(),
            });
            0
        });
        let mut date = |field: &'static str, what: &str, text: &str| match parse_date(text) {
            Ok(Some(d)) => Some(d),
            Ok(None) => {
                errors.push(FieldError {
                    field,
                    message: format!("{what}: hãy nhập ngày."),
                });
                None
            }
            Err(m) => {
                errors.push(FieldError {
                    field,
                    message: format!("{what}: {m}"),
                });
                None
            }
        };
        let phases: Vec<Phase> = self
            .phases
            .iter()
            .filter_map(|(name, start, end, content)| {
                let s = date("phases", name, start);
                let e = date("phases", name, end);
                Some(Phase {
                    name: clean(name),
                    start: s?,
                    end: e?,
                    content: clean(content),
                })
            })
            .collect();
        let deadlines: Vec<Deadline> = self
            .deadlines
            .iter()
            .filter_map(|(what, d)| {
                Some(Deadline {
                    what: clean(what),
                    date: date("deadlines", what, d)?,
                })
            })
            .collect();
        let mut title_targets = Vec::new();
        for (code, percent, leaders) in &self.targets {
            let Some(entry) = vm.catalogue.iter().find(|c| &c.code == code) else {
                errors.push(FieldError {
                    field: "title_targets",
                    message: "Hãy chọn danh hiệu cho chỉ tiêu.".into(),
                });
                continue;
            };
            match percent.trim().replace(',', ".").parse::<f64>() {
                Ok(p) => title_targets.push(TitleTarget {
                    catalogue_code: code.clone(),
                    title_name: entry.name.clone(),
                    percent: p,
                    base: if entry.subject_kind == crate::domain::model::SubjectKind::Collective {
                        TargetBase::Units
                    } else {
                        TargetBase::Staff
                    },
                    leaders_count: *leaders,
                }),
                Err(_) => errors.push(FieldError {
                    field: "title_targets",
                    message: format!(
                        "Chỉ tiêu {}: tỷ lệ \"{percent}\" không phải là số.",
                        entry.name
                    ),
                }),
            }
        }
        let plan = Plan {
            year,
            number: None,
            issued_on: None,
            subtitle: clean(&self.subtitle),
            bases: lines(&self.bases),
            theme: clean(&self.theme),
            slogan: clean(&self.slogan),
            purposes: lines(&self.purposes),
            requirements: lines(&self.requirements),
            movements: self
                .movements
                .iter()
                .filter(|(n, _)| !clean(n).is_empty())
                .map(|(n, t)| Movement {
                    name: clean(n),
                    text: clean(t),
                })
                .collect(),
            phases,
            economic_targets: self
                .economic
                .iter()
                .filter(|e| !clean(&e.0).is_empty())
                .map(|(i, v, u, c)| EconomicTarget {
                    indicator: clean(i),
                    value: clean(v),
                    unit: clean(u),
                    change: clean(c),
                })
                .collect(),
            title_targets,
            deadlines,
            organisation: lines(&self.organisation),
            recipients: lines(&self.recipients),
            signer_mode: if self.deputy_signs {
                SignerMode::Deputy
            } else {
                SignerMode::Director
            },
            signer_name: clean(&self.signer),
        };
        errors.extend(plan.validate());
        if errors.is_empty() {
            Ok(plan)
        } else {
            Err(errors)
        }
    }
}

#[derive(Debug, Default)]
pub struct PlansScreen {
    pub selected: Option<i64>,
    pub form: Option<EditForm<PlanForm>>,
    pub issue_number: String,
    pub issue_date: String,
}

impl PlansScreen {
    pub fn is_dirty(&self) -> bool {
        self.form.as_ref().is_some_and(EditForm::is_dirty)
    }

    pub fn discard_forms(&mut self) {
        self.form = None;
    }

    /// The app saved the draft with this id.
    pub fn plan_saved(&mut self, id: i64) {
        self.form = None;
        self.selected = Some(id);
    }

    pub fn show(&mut self, ui: &mut Ui, vm: &ViewModel, intents: &mut Vec<Intent>) {
        egui::Panel::left("plans-list")
            .resizable(true)
            .default_size(250.0)
            .show(ui, |ui| self.list(ui, vm));
        egui::CentralPanel::default().show(ui, |ui| {
            egui::ScrollArea::vertical().show(ui, |ui| {
                if self.form.is_some() {
                    self.form_ui(ui, vm, intents);
                } else if let Some(view) = self
                    .selected
                    .and_then(|id| vm.plans.iter().find(|p| p.id == id))
                {
                    self.view_ui(ui, vm, view, intents);
                } else {
                    ui.label("Chọn một kế hoạch ở bên trái, hoặc soạn kế hoạch mới.");
                }
            });
        });
    }

    fn list(&mut self, ui: &mut Ui, vm: &ViewModel) {
        ui.label(bold("Kế hoạch theo năm"));
        if ui.button("Soạn kế hoạch mới").clicked() && !self.is_dirty() {
            let newest = vm
                .plans
                .iter()
                .filter(|p| p.is_issued)
                .max_by_key(|p| p.year);
            let year = newest.map(|p| p.year + 1).unwrap_or(vm.today.year());
            let plan = match newest {
                // Copy from last year: the clerk edits rather than retypes.
                Some(p) => p.plan.copied_to(year),
                None => demo_plan(year, vm.org.deputies.first().unwrap_or(&vm.org.director)),
            };
            self.form = Some(EditForm::new(PlanForm::from_plan(None, None, &plan)));
        }
        ui.separator();
        for p in &vm.plans {
            let text = format!("Năm {} – bản {} – {}", p.year, p.version, p.status);
            if ui
                .selectable_label(self.selected == Some(p.id), text)
                .clicked()
                && !self.is_dirty()
            {
                self.selected = Some(p.id);
                self.form = None;
            }
        }
    }

    fn view_ui(&mut self, ui: &mut Ui, vm: &ViewModel, view: &PlanView, intents: &mut Vec<Intent>) {
        let p = &view.plan;
        ui.heading(format!(
            "Kế hoạch năm {} (bản {}) – {}",
            p.year, view.version, view.status
        ));
        if let (Some(n), Some(d)) = (p.number, p.issued_on) {
            ui.label(format!(
                "Số {n}/KH-{} ngày {}",
                vm.org.abbreviation,
                format_date(d)
            ));
        }
        ui.label(format!("Trích yếu: {}", p.subtitle));
        ui.label(format!("Chủ đề: {}", p.theme));
        ui.label(format!("Khẩu hiệu: {}", p.slogan));
        ui.label(bold("Chỉ tiêu danh hiệu"));
        for t in &p.title_targets {
            ui.label(format!("- {}", t.sentence()));
        }
        ui.label(bold("Thời hạn"));
        for d in &p.deadlines {
            ui.label(format!("- {}: trước ngày {}", d.what, format_date(d.date)));
        }
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            for (label, action) in [
                ("Xem trước PDF", DocumentAction::Preview),
                ("Lưu PDF…", DocumentAction::SaveAs),
                ("In", DocumentAction::Print),
            ] {
                if ui.button(label).clicked() {
                    intents.push(Intent::PlanDocument {
                        plan: Box::new(p.clone()),
                        action,
                    });
                }
            }
        });
        ui.add_space(8.0);
        if view.is_draft {
            ui.horizontal(|ui| {
                if ui.button("Sửa bản dự thảo").clicked() {
                    self.form = Some(EditForm::new(PlanForm::from_plan(
                        Some(view.id),
                        view.amends,
                        p,
                    )));
                }
                if ui.button("Xóa bản dự thảo").clicked() {
                    intents.push(Intent::DeletePlanDraft(view.id));
                }
            });
            ui.group(|ui| {
                ui.label(bold("Ban hành"));
                let next = vm.next_plan_number.get(&p.year).copied().unwrap_or(1);
                if self.issue_number.is_empty() {
                    self.issue_number = next.to_string();
                }
                egui::Grid::new("issue-plan").num_columns(2).show(ui, |ui| {
                    widgets::text_row(
                        ui,
                        "Số văn bản:",
                        &mut self.issue_number,
                        None,
                        &next.to_string(),
                    );
                    widgets::text_row(
                        ui,
                        "Ngày ban hành:",
                        &mut self.issue_date,
                        None,
                        "ngày/tháng/năm",
                    );
                });
                let number = self
                    .issue_number
                    .trim()
                    .parse::<u32>()
                    .ok()
                    .filter(|n| *n > 0);
                let date = parse_date(&self.issue_date).ok().flatten();
                if let Some(d) = date
                    && d.year() != p.year
                    && d.year() != p.year - 1
                {
                    ui.colored_label(
                        ERROR_COLOR,
                        format!(
                            "Ngày ban hành phải trong năm {} hoặc cuối năm trước.",
                            p.year
                        ),
                    );
                }
                let ok = number.is_some()
                    && date.is_some_and(|d| d.year() == p.year || d.year() == p.year - 1);
                if ui
                    .add_enabled(ok, egui::Button::new(bold("Ban hành kế hoạch")))
                    .on_hover_text("Kế hoạch đã ban hành không sửa được; sửa bằng bản sửa đổi.")
                    .clicked()
                    && let (Some(number), Some(date)) = (number, date)
                {
                    intents.push(Intent::IssuePlan {
                        id: view.id,
                        number,
                        date,
                    });
                }
            });
        } else if view.is_issued && ui.button("Tạo bản sửa đổi").clicked() {
            let mut form = PlanForm::from_plan(None, Some(view.id), p);
            form.subtitle = format!("Sửa đổi, bổ sung Kế hoạch {}", p.subtitle.to_lowercase());
            self.form = Some(EditForm::new(form));
        }
    }

    fn form_ui(&mut self, ui: &mut Ui, vm: &ViewModel, intents: &mut Vec<Intent>) {
        let Some(edit) = self.form.as_mut() else {
            return;
        };
        ui.heading(if edit.form.amends.is_some() {
            "Bản sửa đổi kế hoạch"
        } else {
            "Soạn kế hoạch"
        });
        let result = edit.form.to_plan(vm);
        let errors = match &result {
            Ok(_) => Vec::new(),
            Err(e) if edit.attempted || edit.is_dirty() => e.clone(),
            Err(_) => Vec::new(),
        };
        for e in &errors {
            ui.colored_label(ERROR_COLOR, &e.message);
        }
        let mut save = widgets::save_shortcut(ui.ctx());
        let mut close = false;
        ui.horizontal(|ui| {
            save |= ui.button(bold("Lưu dự thảo (Ctrl+S)")).clicked();
            close = ui.button("Đóng").clicked();
            if let Ok(plan) = &result
                && ui.button("Xem trước PDF").clicked()
            {
                intents.push(Intent::PlanDocument {
                    plan: Box::new(plan.clone()),
                    action: DocumentAction::Preview,
                });
            }
        });
        let f = &mut edit.form;
        egui::Grid::new("plan-form")
            .num_columns(2)
            .spacing([8.0, 6.0])
            .show(ui, |ui| {
                widgets::text_row(ui, "Năm:", &mut f.year, None, "2027");
                widgets::text_row(
                    ui,
                    "Trích yếu:",
                    &mut f.subtitle,
                    None,
                    "Phát động phong trào thi đua năm …",
                );
                multiline(ui, "Căn cứ (mỗi dòng một căn cứ):", &mut f.bases);
                widgets::text_row(ui, "Chủ đề:", &mut f.theme, None, "");
                widgets::text_row(ui, "Khẩu hiệu:", &mut f.slogan, None, "");
                multiline(ui, "Mục đích (mỗi dòng một ý):", &mut f.purposes);
                multiline(ui, "Yêu cầu (mỗi dòng một ý):", &mut f.requirements);
            });
        ui.label(bold("Các phong trào thi đua"));
        rows(
            ui,
            "Thêm phong trào",
            &mut f.movements,
            |ui, i, (name, text)| {
                labelled(ui, &format!("Phong trào {}:", i + 1), name, 260.0);
                labelled(ui, &format!("Nội dung {}:", i + 1), text, 380.0);
            },
            || (String::new(), String::new()),
        );
        ui.label(bold("Các đợt thi đua"));
        rows(
            ui,
            "Thêm đợt",
            &mut f.phases,
            |ui, i, (name, start, end, content)| {
                labelled(ui, &format!("Đợt {}:", i + 1), name, 110.0);
                labelled(ui, &format!("Từ ngày (đợt {}):", i + 1), start, 90.0);
                labelled(ui, &format!("Đến ngày (đợt {}):", i + 1), end, 90.0);
                labelled(ui, &format!("Nội dung đợt {}:", i + 1), content, 260.0);
            },
            || ("Đợt …".into(), String::new(), String::new(), String::new()),
        );
        ui.label(bold("Chỉ tiêu kinh tế"));
        rows(
            ui,
            "Thêm chỉ tiêu kinh tế",
            &mut f.economic,
            |ui, i, (ind, value, unit, change)| {
                labelled(ui, &format!("Chỉ tiêu {}:", i + 1), ind, 220.0);
                labelled(ui, &format!("Giá trị {}:", i + 1), value, 70.0);
                labelled(ui, &format!("Đơn vị tính {}:", i + 1), unit, 70.0);
                labelled(ui, &format!("So sánh {}:", i + 1), change, 180.0);
            },
            || (String::new(), String::new(), String::new(), String::new()),
        );
        ui.label(bold("Chỉ tiêu danh hiệu thi đua"));
        let titles: Vec<(String, String)> = vm
            .catalogue
            .iter()
            .filter(|c| c.active && c.kind == crate::domain::model::AwardKind::Title)
            .map(|c| (c.code.clone(), c.name.clone()))
            .collect();
        rows(
            ui,
            "Thêm chỉ tiêu danh hiệu",
            &mut f.targets,
            |ui, i, (code, percent, leaders)| {
                let label = ui.label(format!("Danh hiệu {}:", i + 1));
                let current = titles
                    .iter()
                    .find(|(c, _)| c == code)
                    .map(|(_, n)| n.clone())
                    .unwrap_or_else(|| "— chọn —".into());
                egui::ComboBox::from_id_salt(("target-title", i))
                    .selected_text(current)
                    .width(220.0)
                    .show_ui(ui, |ui| {
                        for (c, n) in &titles {
                            ui.selectable_value(code, c.clone(), n);
                        }
                    })
                    .response
                    .labelled_by(label.id);
                labelled(ui, &format!("Tỷ lệ % {}:", i + 1), percent, 50.0);
                ui.checkbox(leaders, "tính cả lãnh đạo Sở");
            },
            || (String::new(), String::new(), false),
        );
        ui.label(bold("Thời hạn"));
        rows(
            ui,
            "Thêm thời hạn",
            &mut f.deadlines,
            |ui, i, (what, date)| {
                labelled(ui, &format!("Việc {}:", i + 1), what, 300.0);
                labelled(ui, &format!("Hạn {}:", i + 1), date, 90.0);
            },
            || (String::new(), String::new()),
        );
        egui::Grid::new("plan-form-2")
            .num_columns(2)
            .spacing([8.0, 6.0])
            .show(ui, |ui| {
                multiline(
                    ui,
                    "Tổ chức thực hiện (mỗi đoạn một dòng):",
                    &mut f.organisation,
                );
                multiline(ui, "Nơi nhận (mỗi nơi một dòng):", &mut f.recipients);
                ui.label("Người ký:");
                ui.checkbox(&mut f.deputy_signs, "Phó Giám đốc ký thay (KT. GIÁM ĐỐC)");
                ui.end_row();
                widgets::text_row(ui, "Họ tên người ký:", &mut f.signer, None, "");
            });
        if save {
            edit.attempted = true;
            if let Ok(plan) = result {
                intents.push(Intent::SavePlanDraft {
                    id: edit.form.id,
                    amends: edit.form.amends,
                    plan: Box::new(plan),
                });
            }
        }
        if close {
            self.form = None;
        }
    }
}

fn labelled(ui: &mut Ui, label: &str, value: &mut String, width: f32) {
    let l = ui.label(label);
    ui.add(egui::TextEdit::singleline(value).desired_width(width))
        .labelled_by(l.id);
}

fn multiline(ui: &mut Ui, label: &str, value: &mut String) {
    let l = ui.label(label);
    ui.add(
        egui::TextEdit::multiline(value)
            .desired_rows(3)
            .desired_width(620.0),
    )
    .labelled_by(l.id);
    ui.end_row();
}

/// An editable list of rows with "Thêm" and "Xóa" buttons.
fn rows<T>(
    ui: &mut Ui,
    add_label: &str,
    items: &mut Vec<T>,
    mut row: impl FnMut(&mut Ui, usize, &mut T),
    new: impl Fn() -> T,
) {
    let mut remove = None;
    for (i, item) in items.iter_mut().enumerate() {
        ui.horizontal_wrapped(|ui| {
            row(ui, i, item);
            if ui
                .small_button("Xóa")
                .on_hover_text("Xóa dòng này")
                .clicked()
            {
                remove = Some(i);
            }
        });
    }
    if let Some(i) = remove {
        items.remove(i);
    }
    if ui.small_button(add_label).clicked() {
        items.push(new());
    }
}
