//! Excel import and export as background jobs: the file dialog, reading and writing run on
//! a worker thread; the clerk confirms an import after its preview.

use std::sync::Arc;

use super::jobs::{FilePicker, JobDone};
use super::{JobOutput, ThiduaApp};
use crate::domain::model::Subject;
use crate::exchange::registration_sheet::RegistrationImport;
use crate::exchange::{self, Context, Kind, Preview};
use crate::store::{Store, StoreError};
use crate::ui::view_model::ImportPreviewView;
use crate::ui::{ImportKind, Intent, Level};

/// An import read and checked, waiting for the clerk to confirm.
pub enum PreparedImport {
    /// Units, people, ratings or history.
    Table(Preview),
    /// One unit's registration workbook.
    Registrations(RegistrationImport),
}

impl PreparedImport {
    pub fn view(&self) -> ImportPreviewView {
        match self {
            PreparedImport::Table(preview) => ImportPreviewView {
                kind: match preview.kind {
                    Kind::Units => ImportKind::Units,
                    Kind::People => ImportKind::People,
                    Kind::Ratings => ImportKind::Ratings,
                    Kind::History => ImportKind::History,
                },
                file_name: preview.file.display().to_string(),
                changes: preview
                    .changes
                    .iter()
                    .map(|(row, _, line)| format!("Dòng {row}: {line}"))
                    .collect(),
                problems: preview.problems.clone(),
            },
            PreparedImport::Registrations(import) => ImportPreviewView {
                kind: ImportKind::Registrations,
                file_name: format!("{} ({})", import.file.display(), import.unit_name),
                changes: import
                    .choices
                    .iter()
                    .map(|(row, _, line)| format!("Dòng {row}: {line}"))
                    .collect(),
                problems: import.problems.clone(),
            },
        }
    }

    /// Write it in one transaction; the clerk's summary.
    fn commit(&self, store: &mut Store, today: chrono::NaiveDate) -> Result<String, String> {
        match self {
            PreparedImport::Table(preview) => exchange::commit(preview, store, &mut |_, _| {})
                .map(|s| format!("Đã nhập xong: {}.", s.describe()))
                .map_err(|e| e.to_string()),
            PreparedImport::Registrations(import) => {
                let choices: Vec<_> = import.choices.iter().map(|(_, c, _)| c.clone()).collect();
                let n = store
                    .import_unit_registrations(import.year, import.unit, &choices, today)
                    .map_err(|e| e.to_string())?;
                Ok(if n == 0 {
                    format!(
                        "Bản đăng ký của {} đã có sẵn; không có gì thay đổi.",
                        import.unit_name
                    )
                } else {
                    format!(
                        "Đã nhập bản đăng ký của {}: {n} dòng thay đổi.",
                        import.unit_name
                    )
                })
            }
        }
    }
}

fn kind_of(kind: ImportKind) -> Option<Kind> {
    match kind {
        ImportKind::Units => Some(Kind::Units),
        ImportKind::People => Some(Kind::People),
        ImportKind::Ratings => Some(Kind::Ratings),
        ImportKind::History => Some(Kind::History),
        ImportKind::Registrations => None,
    }
}

const EXCEL: (&str, &[&str]) = ("Tệp Excel", &["xlsx"]);

impl ThiduaApp {
    pub(super) fn apply_excel(&mut self, intent: Intent) -> Result<(), StoreError> {
        let files: Arc<dyn FilePicker> = self.files.clone();
        match intent {
            Intent::StartImport(kind) => {
                let Some(kind) = kind_of(kind) else {
                    return Ok(());
                };
                let units = self.store.units()?;
                let people = self.store.people()?;
                let catalogue = self.store.catalogue()?;
                let awards = self.store.all_awards()?;
                let today = self.vm.today;
                self.jobs
                    .spawn(format!("Đọc tệp {}", kind.label()), move |progress| {
                        let Some(path) = files.pick_open(
                            &format!("Chọn tệp Excel {}", kind.label()),
                            EXCEL.0,
                            EXCEL.1,
                        ) else {
                            return Ok(JobDone::Cancelled);
                        };
                        progress.set(0, 1);
                        let ctx = Context {
                            units: &units,
                            people: &people,
                            catalogue: &catalogue,
                            awards: &awards,
                            today,
                        };
                        let preview =
                            exchange::read(kind, &path, &ctx).map_err(|e| e.to_string())?;
                        Ok(JobDone::Value(JobOutput::ImportReady(Box::new(
                            PreparedImport::Table(preview),
                        ))))
                    });
            }
            Intent::ConfirmImport => {
                let Some(prepared) = self.pending_import.take() else {
                    return Ok(());
                };
                self.vm.import_preview = None;
                let today = self.vm.today;
                match self.store.path().map(|p| p.to_path_buf()) {
                    Some(path) => self.jobs.spawn("Ghi dữ liệu nhập", move |progress| {
                        progress.set(0, 1);
                        let mut store = Store::open(&path).map_err(|e| e.to_string())?;
                        let message = prepared.commit(&mut store, today)?;
                        Ok(JobDone::Value(JobOutput::Done {
                            message,
                            reload: true,
                        }))
                    }),
                    None => {
                        let message = prepared
                            .commit(&mut self.store, today)
                            .map_err(StoreError::Conflict)?;
                        self.reload_all();
                        self.notify(Level::Success, message);
                    }
                }
            }
            Intent::CancelImport => {
                self.pending_import = None;
                self.vm.import_preview = None;
                self.notify(Level::Info, "Đã hủy nhập; không có dữ liệu nào được ghi.");
            }
            Intent::WriteTemplate(kind) => {
                let Some(kind) = kind_of(kind) else {
                    return Ok(());
                };
                let units = self.store.units()?;
                let catalogue = self.store.catalogue()?;
                self.jobs.spawn("Tạo tệp mẫu", move |_| {
                    let Some(path) = files.pick_save(
                        "Lưu tệp mẫu Excel",
                        &format!("{}.xlsx", kind.file_stem()),
                        EXCEL.0,
                        EXCEL.1,
                    ) else {
                        return Ok(JobDone::Cancelled);
                    };
                    exchange::write_template(kind, &path, &units, &catalogue)
                        .map_err(|e| e.to_string())?;
                    Ok(JobDone::Value(JobOutput::Done {
                        message: format!("Đã lưu tệp mẫu {}.", path.display()),
                        reload: false,
                    }))
                });
            }
            Intent::ExportPeople => {
                let people = self.store.people()?;
                self.jobs.spawn("Xuất danh sách cá nhân", move |progress| {
                    let Some(path) = files.pick_save(
                        "Xuất danh sách cá nhân",
                        "danh-sach-ca-nhan.xlsx",
                        EXCEL.0,
                        EXCEL.1,
                    ) else {
                        return Ok(JobDone::Cancelled);
                    };
                    exchange::export_people(&path, &people, &mut |d, t| progress.set(d, t))
                        .map_err(|e| e.to_string())?;
                    Ok(JobDone::Value(JobOutput::Done {
                        message: format!("Đã xuất {} cá nhân ra {}.", people.len(), path.display()),
                        reload: false,
                    }))
                });
            }
            Intent::ExportHistory(subject) => {
                let records = self.store.awards_for(subject)?;
                let catalogue = self.store.catalogue()?;
                let title = match subject {
                    Subject::Person(id) => self.store.person(id)?.full_name,
                    Subject::Unit(id) => self.vm.unit_name(id).to_owned(),
                };
                self.jobs.spawn("Xuất lịch sử khen thưởng", move |_| {
                    let name = format!(
                        "lich-su-khen-thuong-{}.xlsx",
                        crate::domain::text::slug(&title)
                    );
                    let Some(path) =
                        files.pick_save("Xuất lịch sử khen thưởng", &name, EXCEL.0, EXCEL.1)
                    else {
                        return Ok(JobDone::Cancelled);
                    };
                    exchange::export_history(&path, &title, &records, &catalogue)
                        .map_err(|e| e.to_string())?;
                    Ok(JobDone::Value(JobOutput::Done {
                        message: format!("Đã xuất lịch sử khen thưởng ra {}.", path.display()),
                        reload: false,
                    }))
                });
            }
            _ => {}
        }
        Ok(())
    }
}
