//! The operating system around the app: where data lives (portable mode too), one window
//! per database, opening and printing files, the console, the log, starting the window on
//! weak graphics.

pub mod drives;
pub mod files;
pub mod instance;
pub mod logger;
pub mod paths;
#[cfg(feature = "gui")]
pub mod renderer;

/// On Windows, a release build has no console of its own; when started from a console
/// (IT staff running a subcommand) attach to it so messages and exit codes reach it.
pub fn attach_parent_console() {
    #[cfg(windows)]
    {
        #[link(name = "kernel32")]
        unsafe extern "system" {
            fn AttachConsole(process_id: u32) -> i32;
        }
        const ATTACH_PARENT_PROCESS: u32 = u32::MAX;
        // SAFETY: AttachConsole has no preconditions; failure (no parent console) is harmless.
        unsafe {
            AttachConsole(ATTACH_PARENT_PROCESS);
        }
    }
}
