//! Removable drives (USB sticks), offered first as the target of an export.

use std::path::PathBuf;

/// The removable drives, as (root folder, label for the clerk).
pub fn removable_drives() -> Vec<(PathBuf, String)> {
    imp::removable_drives()
}

#[cfg(windows)]
mod imp {
    use std::path::PathBuf;

    const DRIVE_REMOVABLE: u32 = 2;

    #[link(name = "kernel32")]
    unsafe extern "system" {
        fn GetLogicalDrives() -> u32;
        fn GetDriveTypeW(root: *const u16) -> u32;
    }

    pub fn removable_drives() -> Vec<(PathBuf, String)> {
        // SAFETY: GetLogicalDrives takes no arguments and only returns a bit mask.
        let mask = unsafe { GetLogicalDrives() };
        (0..26u8)
            .filter(|i| mask & (1 << i) != 0)
            .filter_map(|i| {
                let letter = (b'A' + i) as char;
                let root = format!("{letter}:\\");
                let wide: Vec<u16> = root.encode_utf16().chain([0]).collect();
                // SAFETY: `wide` is a NUL-terminated UTF-16 string that outlives the call.
                let kind = unsafe { GetDriveTypeW(wide.as_ptr()) };
                (kind == DRIVE_REMOVABLE)
                    .then(|| (PathBuf::from(&root), format!("Ổ USB {letter}:")))
            })
            .collect()
    }
}

#[cfg(not(windows))]
mod imp {
    use std::path::PathBuf;

    /// Mounted media under the usual folders (/media/USER, /run/media/USER).
    pub fn removable_drives() -> Vec<(PathBuf, String)> {
        let user = std::env::var("USER").unwrap_or_default();
        let mut roots = vec![PathBuf::from("/media").join(&user)];
        roots.push(PathBuf::from("/run/media").join(&user));
        let mut out = Vec::new();
        for root in roots {
            let Ok(entries) = std::fs::read_dir(&root) else {
                continue;
            };
            for e in entries.flatten() {
                if e.path().is_dir() {
                    let name = e.file_name().to_string_lossy().into_owned();
                    out.push((e.path(), format!("Ổ USB {name}")));
                }
            }
        }
        out.sort();
        out
    }
}
