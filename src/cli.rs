//! The command line, for IT staff and scripts. Every failure prints a Vietnamese message
//! and exits non-zero.

use std::path::{Path, PathBuf};

use chrono::{Local, NaiveDate};
use clap::{Parser, Subcommand};

use crate::docs::council_data::{CouncilDoc, council_document};
use crate::exchange::{Kind, batch};
use crate::platform::paths;
use crate::store::Store;

mod report;
pub use report::ReportWhat;

#[derive(Debug, Parser)]
#[command(
    name = "thidua",
    version,
    about = "Thi đua – Khen thưởng: phần mềm cho Hội đồng Thi đua – Khen thưởng Sở Công Thương",
    long_about = None
)]
pub struct Cli {
    /// Đường dẫn tệp cơ sở dữ liệu (mặc định: thư mục dữ liệu của người dùng)
    #[arg(long, global = true, value_name = "PATH", conflicts_with = "demo")]
    pub db: Option<PathBuf>,
    /// Mở cơ sở dữ liệu minh họa riêng (tạo mới khi chưa có), không đụng tới dữ liệu thật
    #[arg(long, global = true)]
    pub demo: bool,
    /// Bộ dựng hình cửa sổ: auto, wgpu, glow, software (hoặc biến môi trường THIDUA_RENDERER)
    #[arg(long, value_name = "TÊN")]
    pub renderer: Option<String>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Kiểm tra tính toàn vẹn, lược đồ và in số lượng bản ghi
    Check,
    /// Nhập dữ liệu từ tệp Excel (.xlsx)
    Import {
        #[command(subcommand)]
        what: ImportWhat,
    },
    /// Xuất dữ liệu ra tệp Excel (.xlsx)
    Export {
        #[command(subcommand)]
        what: ExportWhat,
    },
    /// In văn bản ra tệp PDF
    Print {
        #[command(subcommand)]
        what: PrintWhat,
    },
    /// Báo cáo, thống kê: tổng hợp khen thưởng giai đoạn, kết quả chỉ tiêu, quá trình khen thưởng
    Report {
        #[command(subcommand)]
        what: ReportWhat,
    },
    /// Sao lưu cơ sở dữ liệu (mặc định vào thư mục "Sao lưu" bên cạnh tệp dữ liệu)
    Backup {
        /// Thư mục đích, ví dụ ổ USB
        #[arg(long, value_name = "DIR")]
        to: Option<PathBuf>,
    },
    /// Khôi phục cơ sở dữ liệu từ một bản sao lưu (tệp hiện tại được giữ lại trong thư mục sao lưu)
    Restore { file: PathBuf },
    /// (for the reliability tests) write batches through the store and report each one
    /// on stdout once it is committed
    #[command(hide = true)]
    Workload {
        #[arg(long, default_value_t = 1_000)]
        steps: u32,
        /// Where the workload's backups go
        #[arg(long, value_name = "DIR")]
        backups: PathBuf,
    },
}

#[derive(Debug, Subcommand)]
pub enum ImportWhat {
    /// Danh sách cá nhân
    People { file: PathBuf },
    /// Lịch sử khen thưởng
    History { file: PathBuf },
    /// Gói hồ sơ (thư mục có manifest.json) của một đơn vị hoặc một máy khác
    Package {
        folder: PathBuf,
        /// Trường hợp trùng tên chưa chắc: "khac" (thêm người mới) hoặc "trung" (là người
        /// đã có gần giống nhất); không ghi thì gói có trường hợp như vậy bị dừng lại
        #[arg(long, value_name = "khac|trung")]
        doubtful: Option<String>,
    },
}

#[derive(Debug, Subcommand)]
pub enum PrintWhat {
    /// Kế hoạch phát động phong trào thi đua của năm
    Plan {
        year: i32,
        #[arg(long, value_name = "FILE.pdf")]
        out: PathBuf,
    },
    /// Đăng ký thi đua của năm: bản tổng hợp, bản đăng ký của một đơn vị (--unit) hoặc giao
    /// ước của một cụm thi đua (--cluster)
    Registration {
        year: i32,
        /// Mã đơn vị (số trong cột Mã của danh sách đơn vị)
        #[arg(long, value_name = "ID", conflicts_with = "cluster")]
        unit: Option<i64>,
        /// Mã cụm, khối thi đua
        #[arg(long, value_name = "ID")]
        cluster: Option<i64>,
        #[arg(long, value_name = "FILE.pdf")]
        out: PathBuf,
    },
    /// Phiếu bầu của cuộc họp Hội đồng (mỗi thành viên một phiếu cho mỗi danh hiệu)
    Ballots {
        year: i32,
        /// Mã cuộc họp (mặc định: cuộc họp gần nhất của năm)
        #[arg(long, value_name = "ID")]
        meeting: Option<i64>,
        #[arg(long, value_name = "FILE.pdf")]
        out: PathBuf,
    },
    /// Biên bản họp Hội đồng Thi đua - Khen thưởng
    Minutes {
        year: i32,
        #[arg(long, value_name = "ID")]
        meeting: Option<i64>,
        #[arg(long, value_name = "FILE.pdf")]
        out: PathBuf,
    },
    /// Báo cáo thành tích của một đề nghị (Mẫu 03 cá nhân, Mẫu 02 tập thể)
    Achievement {
        /// Mã đề nghị (số trong danh sách đề nghị)
        nomination: i64,
        #[arg(long, value_name = "FILE.pdf")]
        out: PathBuf,
    },
    /// Văn bản về sáng kiến: don, bien-nhan, chung-nhan (cần --id), phieu-cham (--meeting),
    /// tong-hop-diem, danh-sach, quyet-dinh, to-trinh-tinh
    Innovation {
        year: i32,
        /// don | bien-nhan | chung-nhan | phieu-cham | tong-hop-diem | danh-sach | quyet-dinh | to-trinh-tinh
        what: String,
        /// Mã sáng kiến (cho đơn, giấy biên nhận, giấy chứng nhận)
        #[arg(long, value_name = "ID")]
        id: Option<i64>,
        /// Mã cuộc họp Hội đồng sáng kiến cho phiếu chấm (mặc định: cuộc họp gần nhất của năm)
        #[arg(long, value_name = "ID")]
        meeting: Option<i64>,
        /// Số quyết định cho danh-sach, quyet-dinh, ví dụ 12/QĐ-SCT (mặc định: quyết định gần
        /// nhất của năm)
        #[arg(long = "so", value_name = "SỐ")]
        number: Option<String>,
        #[arg(long, value_name = "FILE.pdf")]
        out: PathBuf,
    },
    /// Quyết định khen thưởng kèm danh sách: SỐ/NĂM ban hành, ví dụ 12/2027
    Decision {
        number: String,
        #[arg(long, value_name = "FILE.pdf")]
        out: PathBuf,
    },
    /// Giấy khen của một quyết định (SỐ/NĂM), mỗi trang một người; --blank: chỉ in chữ lên phôi;
    /// --grid: trang lưới căn chỉnh vị trí
    Certificates {
        /// SỐ/NĂM của quyết định, ví dụ 12/2027 (bỏ qua khi in lưới)
        number: Option<String>,
        #[arg(long)]
        blank: bool,
        #[arg(long)]
        grid: bool,
        #[arg(long, value_name = "FILE.pdf")]
        out: PathBuf,
    },
    /// Tờ trình đề nghị khen thưởng kèm danh sách (trình Giám đốc, hoặc cấp tỉnh với --province)
    Proposal {
        year: i32,
        #[arg(long)]
        province: bool,
        #[arg(long, value_name = "FILE.pdf")]
        out: PathBuf,
    },
}

#[derive(Debug, Subcommand)]
pub enum ExportWhat {
    /// Danh sách cá nhân, theo thứ tự tên tiếng Việt
    People { file: PathBuf },
    /// Gói hồ sơ gửi Ban Thi đua - Khen thưởng tỉnh (tờ trình, biên bản, báo cáo thành tích,
    /// danh sách, quyết định, dữ liệu, tệp kê SHA-256)
    Province {
        year: i32,
        /// Thư mục đích, ví dụ ổ USB
        #[arg(long, value_name = "DIR")]
        to: PathBuf,
    },
}

impl Cli {
    /// The database file this command line asks for.
    pub fn database_path(&self) -> PathBuf {
        if self.demo {
            paths::demo_database_path()
        } else {
            self.db.clone().unwrap_or_else(paths::default_database_path)
        }
    }
}

pub fn today() -> NaiveDate {
    Local::now().date_naive()
}

/// Open the database the command line asks for; the demo database is created and filled
/// when missing. When it cannot be opened, the message names the newest good backup.
pub fn open_store(cli: &Cli) -> Result<Store, String> {
    let path = cli.database_path();
    let opened = if cli.demo {
        open_demo(&path, today())
    } else if std::fs::metadata(&path).is_ok_and(|m| m.is_file() && m.len() == 0) {
        // An emptied file is damage, not a new database: opening it would start an empty
        // one whose automatic backups would push the good ones out of rotation.
        Err(format!(
            "Tệp cơ sở dữ liệu {} rỗng (0 byte): dữ liệu trong tệp đã mất, có thể do mất điện hoặc ổ đĩa lỗi. Tệp không bị thay đổi; hãy khôi phục từ bản sao lưu gần nhất. Nếu muốn bắt đầu một cơ sở dữ liệu mới, hãy xóa tệp rỗng này.",
            path.display()
        ))
    } else {
        Store::open(&path)
            .map_err(|e| format!("Không mở được cơ sở dữ liệu {}: {e}", path.display()))
    };
    opened.map_err(|message| {
        match crate::store::backup::newest_good_backup(&paths::backup_folder_for(&path)) {
            Some(b) => format!(
                "{message}\nBản sao lưu tốt gần nhất: {}. Để khôi phục: thidua restore \"{}\"",
                b.made_at
                    .map(|t| t.format("%d/%m/%Y %H:%M").to_string())
                    .unwrap_or_default(),
                b.path.display()
            ),
            None => message,
        }
    })
}

/// Put a backup in place of the database (refused while a window has it open).
pub fn restore_command(cli: &Cli, file: &Path) -> Result<String, String> {
    let database = cli.database_path();
    let _lock =
        crate::platform::instance::InstanceLock::acquire(&database).map_err(|e| e.to_string())?;
    let kept = crate::store::backup::restore(file, &database, &paths::backup_folder_for(&database))
        .map_err(|e| format!("Không khôi phục được từ {}: {e}", file.display()))?;
    Ok(match kept {
        Some(k) => format!(
            "Đã khôi phục {} từ {}. Cơ sở dữ liệu trước đó được giữ tại {}.\n",
            database.display(),
            file.display(),
            k.display()
        ),
        None => format!(
            "Đã khôi phục {} từ {}.\n",
            database.display(),
            file.display()
        ),
    })
}

/// Open the demo database at `path`, creating and filling it when it has no units yet.
pub fn open_demo(path: &Path, today: NaiveDate) -> Result<Store, String> {
    let mut store = Store::open(path).map_err(|e| {
        format!(
            "Không mở được cơ sở dữ liệu minh họa {}: {e}",
            path.display()
        )
    })?;
    if store.units().map_err(|e| e.to_string())?.is_empty() {
        crate::demo::populate_demo(&mut store, today)
            .map_err(|e| format!("Không tạo được dữ liệu minh họa: {e}"))?;
    }
    Ok(store)
}

/// Run a headless subcommand; the text to print on success.
impl Command {
    /// Whether the command changes the database, and so must not run beside an open window.
    pub fn writes(&self) -> bool {
        matches!(self, Command::Import { .. })
    }
}

pub fn run_command(store: &mut Store, command: &Command) -> Result<String, String> {
    match command {
        Command::Check => check(store),
        Command::Report { what } => report::run(store, what),
        Command::Print {
            what: PrintWhat::Plan { year, out },
        } => print_plan(store, *year, out),
        Command::Print {
            what:
                PrintWhat::Registration {
                    year,
                    unit,
                    cluster,
                    out,
                },
        } => {
            use crate::docs::registration_data::{RegistrationDoc, registration_document};
            let doc = match (unit, cluster) {
                (Some(u), _) => RegistrationDoc::UnitForm(*u),
                (None, Some(c)) => RegistrationDoc::Covenant(*c),
                (None, None) => RegistrationDoc::Summary,
            };
            let (laid_out, _) =
                registration_document(store, *year, doc, today()).map_err(|e| e.to_string())?;
            write_pdf(&laid_out, out, &format!("đăng ký thi đua năm {year}"))
        }
        Command::Print {
            what: PrintWhat::Ballots { year, meeting, out },
        } => print_council(
            store,
            *year,
            CouncilDoc::Ballots(*meeting),
            out,
            "phiếu bầu",
        ),
        Command::Print {
            what: PrintWhat::Minutes { year, meeting, out },
        } => print_council(
            store,
            *year,
            CouncilDoc::Minutes(*meeting),
            out,
            "biên bản họp Hội đồng",
        ),
        Command::Print {
            what:
                PrintWhat::Proposal {
                    year,
                    province,
                    out,
                },
        } => print_council(
            store,
            *year,
            CouncilDoc::Proposal {
                to_province: *province,
            },
            out,
            "tờ trình đề nghị khen thưởng",
        ),
        Command::Print {
            what: PrintWhat::Achievement { nomination, out },
        } => {
            let (doc, _) = crate::docs::achievement_data::achievement_document(store, *nomination)
                .map_err(|e| e.to_string())?;
            write_pdf(&doc, out, "báo cáo thành tích")
        }
        Command::Backup { to } => {
            let folder = to.clone().unwrap_or_else(|| {
                paths::backup_folder_for(store.path().unwrap_or(Path::new("thidua.sqlite")))
            });
            let keep = if to.is_some() { 0 } else { 30 };
            let b = store.backup_to(&folder, keep).map_err(|e| e.to_string())?;
            Ok(format!(
                "Đã sao lưu và kiểm tra: {} ({} byte; {}).\n",
                b.path.display(),
                b.bytes,
                b.counts
                    .iter()
                    .map(|(l, n)| format!("{l}: {n}"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ))
        }
        Command::Restore { .. } => Err("Lệnh khôi phục chạy trước khi mở cơ sở dữ liệu.".into()),
        Command::Print {
            what:
                PrintWhat::Innovation {
                    year,
                    what,
                    id,
                    meeting,
                    number,
                    out,
                },
        } => {
            use crate::docs::innovation_data::{InnovationDoc, innovation_document};
            let need_id =
                || id.ok_or_else(|| format!("«{what}» cần mã sáng kiến: thêm --id <mã>."));
            let doc = match what.as_str() {
                "don" => InnovationDoc::Application(need_id()?),
                "bien-nhan" => InnovationDoc::Receipt(need_id()?),
                "chung-nhan" => InnovationDoc::Certificate(need_id()?),
                "phieu-cham" => InnovationDoc::ScoringSheets(*meeting),
                "tong-hop-diem" => InnovationDoc::ScoreSummary,
                "danh-sach" => InnovationDoc::RecognitionList(number.clone()),
                "quyet-dinh" => InnovationDoc::RecognitionDecision(number.clone()),
                "to-trinh-tinh" => InnovationDoc::ProvinceProposal,
                other => {
                    return Err(format!(
                        "Không có văn bản sáng kiến «{other}». Chọn một trong: don, bien-nhan, chung-nhan, phieu-cham, tong-hop-diem, danh-sach, quyet-dinh, to-trinh-tinh."
                    ));
                }
            };
            let (laid_out, _) =
                innovation_document(store, *year, doc).map_err(|e| e.to_string())?;
            write_pdf(&laid_out, out, &format!("văn bản sáng kiến năm {year}"))
        }
        Command::Print {
            what: PrintWhat::Decision { number, out },
        } => {
            let d = crate::docs::decision_data::find(store, number).map_err(|e| e.to_string())?;
            let (doc, _) = crate::docs::decision_data::decision_document(store, &d)
                .map_err(|e| e.to_string())?;
            write_pdf(&doc, out, &format!("quyết định số {}", d.number))
        }
        Command::Print {
            what:
                PrintWhat::Certificates {
                    number,
                    blank,
                    grid,
                    out,
                },
        } => {
            if *grid {
                return write_pdf(
                    &crate::docs::certificate::calibration_grid(),
                    out,
                    "lưới căn chỉnh",
                );
            }
            let number = number
                .as_deref()
                .ok_or("Hãy ghi SỐ/NĂM của quyết định, ví dụ 12/2027.")?;
            let d = crate::docs::decision_data::find(store, number).map_err(|e| e.to_string())?;
            let (doc, _) = crate::docs::decision_data::certificates(store, &d, *blank)
                .map_err(|e| e.to_string())?;
            write_pdf(
                &doc,
                out,
                &format!("giấy khen của quyết định số {}", d.number),
            )
        }
        Command::Workload { steps, backups } => crate::store::workload::run(store, *steps, backups)
            .map(|n| format!("{n} bước đã ghi\n"))
            .map_err(|e| e.to_string()),
        Command::Import {
            what: ImportWhat::Package { folder, doubtful },
        } => crate::exchange::batch::import_package(store, folder, doubtful.as_deref(), today()),
        Command::Import { what } => {
            let (kind, file) = match what {
                ImportWhat::People { file } => (Kind::People, file),
                ImportWhat::History { file } => (Kind::History, file),
                ImportWhat::Package { .. } => unreachable!("handled above"),
            };
            batch::import_file(store, kind, file, today())
        }
        Command::Export {
            what: ExportWhat::People { file },
        } => batch::export_people_file(store, file),
        Command::Export {
            what: ExportWhat::Province { year, to },
        } => batch::export_province(store, *year, to),
    }
}

fn check(store: &Store) -> Result<String, String> {
    let problems = store.integrity_problems().map_err(|e| e.to_string())?;
    let mut out = String::new();
    out.push_str(&format!(
        "Cơ sở dữ liệu: {}\nLược đồ: phiên bản {}\n",
        store
            .path()
            .map(|p| p.display().to_string())
            .unwrap_or_default(),
        crate::store::migrations::latest_version()
    ));
    for (label, n) in store.counts().map_err(|e| e.to_string())? {
        out.push_str(&format!("{label}: {n}\n"));
    }
    if problems.is_empty() {
        out.push_str("Kiểm tra toàn vẹn: tốt.\n");
        Ok(out)
    } else {
        Err(format!(
            "{out}Kiểm tra toàn vẹn phát hiện lỗi:\n{}\nHãy khôi phục từ bản sao lưu gần nhất.",
            problems.join("\n")
        ))
    }
}

fn print_plan(store: &Store, year: i32, out: &Path) -> Result<String, String> {
    let record = store
        .plan_for_year(year)
        .map_err(|e| e.to_string())?
        .ok_or_else(|| {
            format!(
                "Năm {year} chưa có kế hoạch thi đua. Hãy soạn kế hoạch trong màn hình Kế hoạch."
            )
        })?;
    let plan: crate::domain::plan::Plan = serde_json::from_str(&record.data)
        .map_err(|e| format!("Không đọc được nội dung kế hoạch năm {year}: {e}"))?;
    let org = store.organisation().map_err(|e| e.to_string())?;
    let doc = crate::docs::plan::plan_document(&plan, &org);
    write_pdf(&doc, out, &format!("kế hoạch năm {year}"))
}

fn print_council(
    store: &Store,
    year: i32,
    doc: CouncilDoc,
    out: &Path,
    what: &str,
) -> Result<String, String> {
    let (laid_out, _) =
        council_document(store, year, doc, None, None).map_err(|e| e.to_string())?;
    write_pdf(&laid_out, out, &format!("{what} năm {year}"))
}

/// Render a laid-out document to `out`; the line to print on success.
fn write_pdf(doc: &crate::docs::LaidOut, out: &Path, what: &str) -> Result<String, String> {
    let bytes = crate::docs::render(doc, &mut |_, _| {}).map_err(|e| e.to_string())?;
    crate::docs::write(&bytes, out).map_err(|e| e.to_string())?;
    Ok(format!(
        "Đã in {what} ({} trang) ra {}.\n",
        doc.pages.len(),
        out.display()
    ))
}
