//! Writing a package safely to a USB stick: every file goes into a hidden folder beside the
//! target, is flushed to the device, read back and hashed; the manifest comes last; only
//! then is the folder renamed to its real name. A full stick or one pulled out midway
//! leaves at most a hidden, manifest-less folder that no one takes for a package, and the
//! next attempt starts by clearing it.

use std::io::Write;
use std::path::{Path, PathBuf};

use super::PackageError;
use super::manifest::{FileEntry, MANIFEST, Manifest, safe_relative, sha256_hex};
use crate::store::io_reason;

/// The file operations the writer needs, so tests can make the disk fill up or vanish.
pub trait TargetFs: Sync {
    fn create_dir_all(&self, path: &Path) -> std::io::Result<()>;
    /// Write the whole file and flush it to the device.
    fn write_synced(&self, path: &Path, bytes: &[u8]) -> std::io::Result<()>;
    fn read(&self, path: &Path) -> std::io::Result<Vec<u8>>;
    fn rename(&self, from: &Path, to: &Path) -> std::io::Result<()>;
    fn remove_dir_all(&self, path: &Path) -> std::io::Result<()>;
    fn exists(&self, path: &Path) -> bool;
}

/// The real file system.
pub struct RealFs;

impl TargetFs for RealFs {
    fn create_dir_all(&self, path: &Path) -> std::io::Result<()> {
        std::fs::create_dir_all(path)
    }
    fn write_synced(&self, path: &Path, bytes: &[u8]) -> std::io::Result<()> {
        let mut f = std::fs::File::create(path)?;
        f.write_all(bytes)?;
        f.sync_all()
    }
    fn read(&self, path: &Path) -> std::io::Result<Vec<u8>> {
        std::fs::read(path)
    }
    fn rename(&self, from: &Path, to: &Path) -> std::io::Result<()> {
        std::fs::rename(from, to)?;
        // Make the rename itself durable where the platform lets us open a folder.
        #[cfg(unix)]
        if let Some(parent) = to.parent()
            && let Ok(dir) = std::fs::File::open(parent)
        {
            let _ = dir.sync_all();
        }
        Ok(())
    }
    fn remove_dir_all(&self, path: &Path) -> std::io::Result<()> {
        std::fs::remove_dir_all(path)
    }
    fn exists(&self, path: &Path) -> bool {
        path.exists()
    }
}

/// The hidden folder a package named `name` is written into first.
pub fn temp_name(name: &str) -> String {
    format!(".{name}.dang-ghi")
}

/// A folder name under `target` not yet taken: `name`, then `name-2`, `name-3` …
fn free_name(fs: &dyn TargetFs, target: &Path, name: &str) -> String {
    if !fs.exists(&target.join(name)) {
        return name.to_owned();
    }
    (2..1000)
        .map(|i| format!("{name}-{i}"))
        .find(|n| !fs.exists(&target.join(n)))
        .unwrap_or_else(|| format!("{name}-{}", std::process::id()))
}

/// Write `files` (relative path, content) as the package `name` under `target`, with a
/// manifest built from `head` (its `files` are filled in here). `progress(done, total)` is
/// called after each file. Returns the package folder.
pub fn write_package(
    fs: &dyn TargetFs,
    target: &Path,
    name: &str,
    head: Manifest,
    files: &[(String, Vec<u8>)],
    progress: &dyn Fn(usize, usize),
) -> Result<PathBuf, PackageError> {
    if !fs.exists(target) {
        return Err(PackageError::Write {
            path: target.to_path_buf(),
            reason: "thư mục đích không còn (USB đã được rút ra?)".into(),
        });
    }
    let final_name = free_name(fs, target, name);
    let temp = target.join(temp_name(&final_name));
    if fs.exists(&temp) {
        // What a pulled stick left last time.
        fs.remove_dir_all(&temp).map_err(write_error(&temp))?;
    }
    let result = write_into(fs, &temp, head, files, progress).and_then(|()| {
        let done = target.join(&final_name);
        fs.rename(&temp, &done).map_err(write_error(&done))?;
        Ok(done)
    });
    if result.is_err() {
        // Best effort: on a pulled stick this fails too, and the hidden folder stays.
        let _ = fs.remove_dir_all(&temp);
    }
    result
}

fn write_into(
    fs: &dyn TargetFs,
    temp: &Path,
    mut head: Manifest,
    files: &[(String, Vec<u8>)],
    progress: &dyn Fn(usize, usize),
) -> Result<(), PackageError> {
    fs.create_dir_all(temp).map_err(write_error(temp))?;
    let total = files.len() + 1;
    head.files.clear();
    for (i, (rel, bytes)) in files.iter().enumerate() {
        let path = temp.join(safe_relative(rel).map_err(|why| PackageError::UnsafePath {
            path: rel.clone(),
            why,
        })?);
        if let Some(parent) = path.parent() {
            fs.create_dir_all(parent).map_err(write_error(parent))?;
        }
        let sha256 = write_checked(fs, &path, bytes)?;
        head.files.push(FileEntry {
            path: rel.clone(),
            bytes: bytes.len() as u64,
            sha256,
        });
        progress(i + 1, total);
    }
    let manifest = serde_json::to_vec_pretty(&head).map_err(|e| PackageError::Write {
        path: temp.join(MANIFEST),
        reason: e.to_string(),
    })?;
    write_checked(fs, &temp.join(MANIFEST), &manifest)?;
    progress(total, total);
    Ok(())
}

/// Write, flush, read back and compare; the hash of what is really on the device.
fn write_checked(fs: &dyn TargetFs, path: &Path, bytes: &[u8]) -> Result<String, PackageError> {
    fs.write_synced(path, bytes).map_err(write_error(path))?;
    let back = fs.read(path).map_err(write_error(path))?;
    let (want, got) = (sha256_hex(bytes), sha256_hex(&back));
    if want != got {
        return Err(PackageError::Write {
            path: path.to_path_buf(),
            reason: "đọc lại thấy khác với dữ liệu đã ghi (USB có thể bị hỏng)".into(),
        });
    }
    Ok(got)
}

fn write_error(path: &Path) -> impl Fn(std::io::Error) -> PackageError + '_ {
    move |e| PackageError::Write {
        path: path.to_path_buf(),
        reason: io_reason(&e),
    }
}
