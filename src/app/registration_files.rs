//! Registration files: the PDF documents, and each unit's Excel workbook out and back in.
//! Reading the store happens here on the UI thread; layout, rendering and file work run on
//! a worker thread.

use super::excel::PreparedImport;
use super::jobs::JobDone;
use super::{JobOutput, ThiduaApp};
use crate::docs::registration_data::{RegistrationDoc, registration_document};
use crate::domain::model::Subject;
use crate::domain::registration::person_in_year;
use crate::domain::text::slug;
use crate::exchange::registration_sheet::{
    RegistrationContext, SheetLine, read_unit_sheet, write_unit_sheet,
};
use crate::store::StoreError;
use crate::ui::DocumentAction;

const EXCEL: (&str, &[&str]) = ("Tệp Excel", &["xlsx"]);

impl ThiduaApp {
    pub(super) fn registration_document(
        &mut self,
        year: i32,
        doc: RegistrationDoc,
        action: DocumentAction,
    ) -> Result<(), StoreError> {
        let (laid_out, stem) = registration_document(&self.store, year, doc, self.vm.today)?;
        let label = match doc {
            RegistrationDoc::UnitForm(_) => "Tạo bản đăng ký thi đua",
            RegistrationDoc::Summary => "Tạo bản tổng hợp đăng ký",
            RegistrationDoc::Covenant(_) => "Tạo giao ước thi đua",
        };
        let files = self.files.clone();
        self.spawn_document(label.into(), stem, action, files, move || laid_out);
        Ok(())
    }

    pub(super) fn export_registration_sheet(
        &mut self,
        year: i32,
        unit: i64,
    ) -> Result<(), StoreError> {
        let unit = self
            .vm
            .units
            .iter()
            .find(|u| u.id == unit)
            .cloned()
            .ok_or_else(|| StoreError::NotFound(format!("đơn vị số {unit}")))?;
        let catalogue = self.store.catalogue()?;
        let regs = self.store.registrations_of_year(year)?;
        // Every form of the subject in one cell, "; " between them.
        let names = |subject: Subject| -> (String, String) {
            let mut title = String::new();
            let mut forms: Vec<&str> = Vec::new();
            for r in regs
                .iter()
                .filter(|r| r.is_current() && r.subject == subject)
            {
                if let Some(e) = catalogue.iter().find(|e| e.id == r.catalogue_id) {
                    match e.kind {
                        crate::domain::model::AwardKind::Title => title = e.name.clone(),
                        crate::domain::model::AwardKind::Commendation => forms.push(&e.name),
                    }
                }
            }
            (title, forms.join("; "))
        };
        let mut staff: Vec<SheetLine> = self
            .store
            .people()?
            .into_iter()
            .map(|r| r.person)
            .filter(|p| {
                p.unit_id == unit.id
                    && person_in_year(p, year)
                    && p.status == crate::domain::model::PersonStatus::Working
            })
            .map(|p| {
                let (title, form) = names(Subject::Person(p.id));
                SheetLine {
                    person: p,
                    title,
                    form,
                }
            })
            .collect();
        staff.sort_by_cached_key(|l| {
            (
                l.person.position_rank,
                crate::domain::collation::person_name_key(&l.person.full_name),
            )
        });
        let collective = names(Subject::Unit(unit.id));
        let files = self.files.clone();
        self.jobs.spawn("Xuất tệp đăng ký cho đơn vị", move |_| {
            let name = format!("dang-ky-thi-dua-{year}-{}.xlsx", slug(&unit.name));
            let Some(path) = files.pick_save("Lưu tệp đăng ký cho đơn vị", &name, EXCEL.0, EXCEL.1)
            else {
                return Ok(JobDone::Cancelled);
            };
            write_unit_sheet(
                &path,
                year,
                &unit,
                (&collective.0, &collective.1),
                &staff,
                &catalogue,
            )
            .map_err(|e| e.to_string())?;
            Ok(JobDone::Value(JobOutput::Done {
                message: format!(
                    "Đã xuất tệp đăng ký của {} ({} người) ra {}.",
                    unit.name,
                    staff.len(),
                    path.display()
                ),
                reload: false,
            }))
        });
        Ok(())
    }

    pub(super) fn import_registration_sheet(&mut self, year: i32) {
        let loaded = (|| -> Result<_, StoreError> {
            Ok((
                self.store.units()?,
                self.store
                    .people()?
                    .into_iter()
                    .map(|r| r.person)
                    .collect::<Vec<_>>(),
                self.store.catalogue()?,
            ))
        })();
        let (units, people, catalogue) = match loaded {
            Ok(v) => v,
            Err(e) => {
                self.notify(crate::ui::Level::Error, e.to_string());
                return;
            }
        };
        let files = self.files.clone();
        self.jobs
            .spawn("Đọc tệp đăng ký của đơn vị", move |progress| {
                let Some(path) =
                    files.pick_open("Chọn tệp đăng ký thi đua của đơn vị", EXCEL.0, EXCEL.1)
                else {
                    return Ok(JobDone::Cancelled);
                };
                progress.set(0, 1);
                let ctx = RegistrationContext {
                    year,
                    units: &units,
                    people: &people,
                    catalogue: &catalogue,
                };
                let import = read_unit_sheet(&path, &ctx).map_err(|e| e.to_string())?;
                Ok(JobDone::Value(JobOutput::ImportReady(Box::new(
                    PreparedImport::Registrations(import),
                ))))
            });
    }
}
