//! `thidua report …`: the period reports, headless. The output file's extension picks the
//! format where there is a choice (.pdf or .xlsx).

use std::path::Path;

use clap::Subcommand;

use crate::domain::model::Subject;
use crate::domain::report_tally::ordered;
use crate::store::Store;

#[derive(Debug, Subcommand)]
pub enum ReportWhat {
    /// Tổng hợp kết quả khen thưởng giai đoạn: số tập thể, cá nhân theo danh hiệu, hình thức
    Tally {
        /// Năm đầu giai đoạn
        #[arg(long, value_name = "NĂM")]
        from: i32,
        /// Năm cuối giai đoạn
        #[arg(long, value_name = "NĂM")]
        to: i32,
        /// Tệp kết quả: .pdf (báo cáo) hoặc .xlsx (bảng tính)
        #[arg(long, value_name = "FILE.pdf|FILE.xlsx")]
        out: std::path::PathBuf,
    },
    /// Kết quả thực hiện chỉ tiêu thi đua của năm, toàn Sở và từng đơn vị
    Results {
        year: i32,
        #[arg(long, value_name = "FILE.pdf")]
        out: std::path::PathBuf,
    },
    /// Quá trình khen thưởng của một cá nhân (--person) hoặc một đơn vị (--unit)
    History {
        #[arg(long, value_name = "ID", conflicts_with = "unit")]
        person: Option<i64>,
        #[arg(long, value_name = "ID")]
        unit: Option<i64>,
        #[arg(long, value_name = "FILE.pdf")]
        out: std::path::PathBuf,
    },
}

fn extension(out: &Path) -> String {
    out.extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default()
}

/// Run a report subcommand; the line to print on success.
pub fn run(store: &Store, what: &ReportWhat) -> Result<String, String> {
    let today = super::today();
    match what {
        ReportWhat::Tally { from, to, out } => {
            let (from, to) = ordered(*from, *to);
            let period = crate::domain::report_tally::period_text(from, to);
            match extension(out).as_str() {
                "xlsx" => {
                    let report = store.period_report(from, to).map_err(|e| e.to_string())?;
                    crate::exchange::report_sheet::export_tally(out, &report)
                        .map_err(|e| e.to_string())?;
                    Ok(format!(
                        "Đã xuất tổng hợp khen thưởng {period} ({} danh hiệu, hình thức) ra {}.\n",
                        report.tally.lines.len(),
                        out.display()
                    ))
                }
                "pdf" => {
                    let (doc, _) = crate::docs::report_data::tally_document(store, from, to, today)
                        .map_err(|e| e.to_string())?;
                    super::write_pdf(&doc, out, &format!("tổng hợp khen thưởng {period}"))
                }
                _ => Err(format!(
                    "Không biết ghi tệp {} theo định dạng nào: hãy đặt tên tệp kết thúc bằng .pdf hoặc .xlsx.",
                    out.display()
                )),
            }
        }
        ReportWhat::Results { year, out } => {
            let (doc, _) = crate::docs::report_data::results_document(store, *year, today)
                .map_err(|e| e.to_string())?;
            super::write_pdf(&doc, out, &format!("kết quả chỉ tiêu thi đua năm {year}"))
        }
        ReportWhat::History { person, unit, out } => {
            let subject = match (person, unit) {
                (Some(p), _) => Subject::Person(*p),
                (None, Some(u)) => Subject::Unit(*u),
                (None, None) => {
                    return Err(
                        "Hãy chọn cá nhân (--person MÃ) hoặc đơn vị (--unit MÃ) cần in quá trình khen thưởng."
                            .into(),
                    );
                }
            };
            let (doc, _) = crate::docs::report_data::history_document(store, subject, today)
                .map_err(|e| e.to_string())?;
            super::write_pdf(&doc, out, "quá trình khen thưởng")
        }
    }
}
