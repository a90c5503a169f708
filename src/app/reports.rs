//! The reports screen: the tally and the results are read on the UI thread (a few
//! queries); documents and workbooks are written on a worker thread after the clerk picks
//! where.

use chrono::Datelike;

use super::jobs::JobDone;
use super::{JobOutput, ThiduaApp};
use crate::docs;
use crate::domain::model::Subject;
use crate::domain::report_tally::ordered;
use crate::store::StoreError;
use crate::ui::DocumentAction;
use crate::ui::report_view::{ReportIntent, TallyFormat};

impl ThiduaApp {
    /// Read the tally of the chosen period and the chosen year's results.
    pub(crate) fn reload_reports(&mut self) -> Result<(), StoreError> {
        let view = &mut self.vm.reports;
        view.period = Some(self.store.period_report(view.from, view.to)?);
        view.results = self.store.year_results(view.results_year)?;
        Ok(())
    }

    pub(super) fn apply_report(&mut self, intent: ReportIntent) -> Result<(), StoreError> {
        let today = self.vm.today;
        let org = self.vm.org.clone();
        let files = self.files.clone();
        match intent {
            ReportIntent::SetRange { from, to } => {
                let (from, to) = ordered(from, to);
                self.vm.reports.from = from;
                self.vm.reports.to = to;
                self.reload_reports()?;
            }
            ReportIntent::SetResultsYear(year) => {
                self.vm.reports.results_year = year.min(today.year());
                self.reload_reports()?;
            }
            ReportIntent::SaveTally(TallyFormat::Pdf) => {
                let (from, to) = (self.vm.reports.from, self.vm.reports.to);
                let report = self.store.period_report(from, to)?;
                self.spawn_document(
                    format!("Tạo báo cáo tổng hợp khen thưởng {}", report.tally.period()),
                    format!("tong-hop-khen-thuong-{from}-{to}"),
                    DocumentAction::SaveAs,
                    files,
                    move || docs::report::tally_report(&report.tally, &report.years, &org, today),
                );
            }
            ReportIntent::SaveTally(TallyFormat::Xlsx) => {
                let (from, to) = (self.vm.reports.from, self.vm.reports.to);
                let report = self.store.period_report(from, to)?;
                self.jobs.spawn("Xuất tổng hợp khen thưởng", move |_| {
                    let name = format!("tong-hop-khen-thuong-{from}-{to}.xlsx");
                    let Some(path) =
                        files.pick_save("Lưu tổng hợp khen thưởng", &name, "Tệp Excel", &["xlsx"])
                    else {
                        return Ok(JobDone::Cancelled);
                    };
                    crate::exchange::report_sheet::export_tally(&path, &report)
                        .map_err(|e| e.to_string())?;
                    Ok(JobDone::Value(JobOutput::Done {
                        message: format!(
                            "Đã lưu tổng hợp khen thưởng {} ra {}.",
                            report.tally.period(),
                            path.display()
                        ),
                        reload: false,
                    }))
                });
            }
            ReportIntent::SaveResults => {
                let year = self.vm.reports.results_year;
                let r = self.store.year_results(year)?;
                if !r.has_plan {
                    return Err(StoreError::NotFound(format!(
                        "kế hoạch thi đua năm {year} (chỉ tiêu để đối chiếu kết quả)"
                    )));
                }
                self.spawn_document(
                    format!("Tạo báo cáo kết quả chỉ tiêu năm {year}"),
                    format!("ket-qua-chi-tieu-thi-dua-{year}"),
                    DocumentAction::SaveAs,
                    files,
                    move || {
                        docs::report::results_report(year, &r.department, &r.units, &org, today)
                    },
                );
            }
            ReportIntent::SaveHistory(subject) => {
                let (doc, stem) = docs::report_data::history_document(&self.store, subject, today)?;
                let label = match subject {
                    Subject::Person(_) => "Tạo quá trình khen thưởng của cá nhân",
                    Subject::Unit(_) => "Tạo quá trình khen thưởng của đơn vị",
                };
                self.spawn_document(
                    label.into(),
                    stem,
                    DocumentAction::SaveAs,
                    files,
                    move || doc,
                );
            }
        }
        Ok(())
    }
}
