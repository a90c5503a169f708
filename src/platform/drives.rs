//! Removable drives (USB sticks), offered first as the target of an export, and drives
//! that are really network shares (a mapped `Z:`, an SMB or NFS mount).

use std::path::{Path, PathBuf};

/// The removable drives, as (root folder, label for the clerk).
pub fn removable_drives() -> Vec<(PathBuf, String)> {
    imp::removable_drives()
}

/// True when `path` lies on a drive the system reports as remote: on Windows a drive letter
/// mapped to a share (`GetDriveTypeW` says `DRIVE_REMOTE`), elsewhere a network mount.
pub fn is_on_remote_drive(path: &Path) -> bool {
    imp::is_on_remote_drive(path)
}

/// File system types that live on another machine.
const REMOTE_FS_TYPES: [&str; 8] = [
    "cifs",
    "smb3",
    "smbfs",
    "nfs",
    "nfs4",
    "fuse.sshfs",
    "9p",
    "afs",
];

/// Whether the mount holding `path` in a `/proc/mounts` text is a network file system: the
/// longest mount point that is a prefix of `path` decides.
pub fn remote_in_mounts(path: &Path, mounts: &str) -> bool {
    mounts
        .lines()
        .filter_map(|line| {
            let mut fields = line.split_whitespace();
            let _source = fields.next()?;
            let point = fields.next()?.replace("\\040", " ");
            let kind = fields.next()?;
            Path::new(&point)
                .is_absolute()
                .then_some((PathBuf::from(point), kind))
        })
        .filter(|(point, _)| path.starts_with(point))
        .max_by_key(|(point, _)| point.components().count())
        .is_some_and(|(_, kind)| REMOTE_FS_TYPES.contains(&kind))
}

#[cfg(windows)]
mod imp {
    use std::path::PathBuf;

    const DRIVE_REMOVABLE: u32 = 2;
    const DRIVE_REMOTE: u32 = 4;

    #[link(name = "kernel32")]
    unsafe extern "system" {
        fn GetLogicalDrives() -> u32;
        fn GetDriveTypeW(root: *const u16) -> u32;
    }

    fn drive_type(letter: char) -> u32 {
        let wide: Vec<u16> = format!("{letter}:\\").encode_utf16().chain([0]).collect();
        // SAFETY: `wide` is a NUL-terminated UTF-16 string that outlives the call.
        unsafe { GetDriveTypeW(wide.as_ptr()) }
    }

    pub fn is_on_remote_drive(path: &std::path::Path) -> bool {
        use std::path::{Component, Prefix};
        match path.components().next() {
            Some(Component::Prefix(p)) => match p.kind() {
                Prefix::Disk(l) | Prefix::VerbatimDisk(l) => {
                    drive_type(l.to_ascii_uppercase() as char) == DRIVE_REMOTE
                }
                Prefix::UNC(..) | Prefix::VerbatimUNC(..) => true,
                _ => false,
            },
            _ => false,
        }
    }

    pub fn removable_drives() -> Vec<(PathBuf, String)> {
        // SAFETY: GetLogicalDrives takes no arguments and only returns a bit mask.
        let mask = unsafe { GetLogicalDrives() };
        (0..26u8)
            .filter(|i| mask & (1 << i) != 0)
            .filter_map(|i| {
                let letter = (b'A' + i) as char;
                let root = format!("{letter}:\\");
                (drive_type(letter) == DRIVE_REMOVABLE)
                    .then(|| (PathBuf::from(&root), format!("Ổ USB {letter}:")))
            })
            .collect()
    }
}

#[cfg(not(windows))]
mod imp {
    use std::path::{Path, PathBuf};

    pub fn is_on_remote_drive(path: &Path) -> bool {
        let full = std::fs::canonicalize(path)
            .or_else(|_| {
                path.parent()
                    .map_or(Ok(path.to_path_buf()), std::fs::canonicalize)
            })
            .unwrap_or_else(|_| path.to_path_buf());
        std::fs::read_to_string("/proc/self/mounts")
            .is_ok_and(|mounts| super::remote_in_mounts(&full, &mounts))
    }

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

#[cfg(test)]
mod tests {
    use super::*;

    const MOUNTS: &str = "/dev/sda1 / ext4 rw 0 0\n\
        //may-chu/chung /mnt/chung cifs rw 0 0\n\
        /dev/sdb1 /mnt/chung/usb vfat rw 0 0\n\
        may-chu:/du\\040lieu /srv/du\\040lieu nfs4 rw 0 0\n";

    #[test]
    fn a_path_under_a_network_mount_is_remote() {
        assert!(remote_in_mounts(
            Path::new("/mnt/chung/thidua.sqlite"),
            MOUNTS
        ));
        assert!(remote_in_mounts(
            Path::new("/srv/du lieu/thidua.sqlite"),
            MOUNTS
        ));
    }

    #[test]
    fn the_longest_mount_point_decides() {
        assert!(!remote_in_mounts(
            Path::new("/mnt/chung/usb/a.sqlite"),
            MOUNTS
        ));
        assert!(!remote_in_mounts(
            Path::new("/home/vanthu/thidua.sqlite"),
            MOUNTS
        ));
        assert!(!remote_in_mounts(
            Path::new("/mnt/chungkhac/a.sqlite"),
            MOUNTS
        ));
    }
}
