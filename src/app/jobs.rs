//! Work that can take long (file dialogs, imports, exports, printing) runs on a worker
//! thread; the window polls for progress and results each frame and never blocks.

use std::path::PathBuf;
use std::sync::mpsc::{Receiver, Sender, channel};
use std::sync::{Arc, Mutex};

/// Asks the clerk for files. Runs on a worker thread, never on the UI thread.
pub trait FilePicker: Send + Sync {
    fn pick_open(&self, title: &str, filter_name: &str, extensions: &[&str]) -> Option<PathBuf>;
    fn pick_save(
        &self,
        title: &str,
        default_name: &str,
        filter_name: &str,
        extensions: &[&str],
    ) -> Option<PathBuf>;
    /// A folder (a USB stick, say).
    fn pick_folder(&self, title: &str) -> Option<PathBuf>;
}

/// The system's file dialogs (rfd).
pub struct SystemFilePicker;

impl FilePicker for SystemFilePicker {
    fn pick_open(&self, title: &str, filter_name: &str, extensions: &[&str]) -> Option<PathBuf> {
        rfd::FileDialog::new()
            .set_title(title)
            .add_filter(filter_name, extensions)
            .pick_file()
    }

    fn pick_save(
        &self,
        title: &str,
        default_name: &str,
        filter_name: &str,
        extensions: &[&str],
    ) -> Option<PathBuf> {
        rfd::FileDialog::new()
            .set_title(title)
            .set_file_name(default_name)
            .add_filter(filter_name, extensions)
            .save_file()
    }

    fn pick_folder(&self, title: &str) -> Option<PathBuf> {
        rfd::FileDialog::new().set_title(title).pick_folder()
    }
}

/// Progress shared between a job and the window.
#[derive(Clone, Default)]
pub struct Progress(Arc<Mutex<Option<f32>>>);

impl Progress {
    /// Report `done` of `total` steps.
    pub fn set(&self, done: usize, total: usize) {
        if let Ok(mut p) = self.0.lock() {
            *p = Some(if total == 0 {
                1.0
            } else {
                done as f32 / total as f32
            });
        }
    }

    pub fn get(&self) -> Option<f32> {
        self.0.lock().ok().and_then(|p| *p)
    }
}

/// What a finished job hands back to the app.
pub enum JobDone<T> {
    /// The clerk closed the dialog without choosing a file.
    Cancelled,
    /// Done; the value is applied by the app on the UI thread.
    Value(T),
}

pub type JobResult<T> = Result<JobDone<T>, String>;

struct Running<T> {
    label: String,
    progress: Progress,
    result: Receiver<JobResult<T>>,
}

/// The jobs under way. `T` is the app's own result type.
pub struct Jobs<T> {
    running: Vec<Running<T>>,
    waker: Option<egui::Context>,
}

impl<T: Send + 'static> Default for Jobs<T> {
    fn default() -> Self {
        Self {
            running: Vec::new(),
            waker: None,
        }
    }
}

impl<T: Send + 'static> Jobs<T> {
    /// Repaint this context when a job finishes.
    pub fn set_waker(&mut self, ctx: egui::Context) {
        self.waker = Some(ctx);
    }

    /// Run `work` on a worker thread. A panic inside it becomes an error message.
    pub fn spawn(
        &mut self,
        label: impl Into<String>,
        work: impl FnOnce(&Progress) -> JobResult<T> + Send + 'static,
    ) {
        let progress = Progress::default();
        let (tx, rx): (Sender<JobResult<T>>, Receiver<JobResult<T>>) = channel();
        let job_progress = progress.clone();
        let waker = self.waker.clone();
        let label = label.into();
        let thread_label = label.clone();
        let spawned = std::thread::Builder::new().name("thidua-job".into()).spawn(move || {
            let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| work(&job_progress)))
                .unwrap_or_else(|_| {
                    Err(format!(
                        "Công việc \"{thread_label}\" gặp lỗi không lường trước và đã dừng; dữ liệu chưa bị thay đổi. Hãy thử lại."
                    ))
                });
            let _ = tx.send(outcome);
            if let Some(ctx) = waker {
                ctx.request_repaint();
            }
        });
        match spawned {
            Ok(_) => self.running.push(Running {
                label,
                progress,
                result: rx,
            }),
            Err(e) => {
                let (tx, rx) = channel();
                let _ = tx.send(Err(format!(
                    "Không khởi động được công việc \"{label}\": {e}"
                )));
                self.running.push(Running {
                    label,
                    progress,
                    result: rx,
                });
            }
        }
    }

    /// Finished jobs' results, removing them from the list.
    pub fn poll(&mut self) -> Vec<JobResult<T>> {
        let mut done = Vec::new();
        self.running.retain(|job| match job.result.try_recv() {
            Ok(result) => {
                done.push(result);
                false
            }
            Err(std::sync::mpsc::TryRecvError::Empty) => true,
            Err(std::sync::mpsc::TryRecvError::Disconnected) => {
                done.push(Err(format!(
                    "Công việc \"{}\" dừng giữa chừng. Hãy thử lại.",
                    job.label
                )));
                false
            }
        });
        done
    }

    /// Labels and progress of the jobs under way.
    pub fn views(&self) -> Vec<crate::ui::view_model::JobView> {
        self.running
            .iter()
            .map(|j| crate::ui::view_model::JobView {
                label: j.label.clone(),
                progress: j.progress.get(),
            })
            .collect()
    }

    pub fn is_idle(&self) -> bool {
        self.running.is_empty()
    }
}
