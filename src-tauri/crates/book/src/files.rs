//! Files we write (payment files, statements, kits) and their fingerprints.

use crate::error::{BookError, ErrorExt, Result};
use sha2::{Digest, Sha256};
use std::io::Write;
use std::path::{Path, PathBuf};

/// Write beside the target, flush to disk, rename over it: a crash leaves
/// the old file or the new one, never half of one.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<()> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let io = |e| BookError::io(format!("cannot write {}", path.display()), e);
    let mut tmp = tempfile_in(dir, path).map_err(io)?;
    tmp.1.write_all(bytes).map_err(io)?;
    tmp.1.sync_all().map_err(io)?;
    std::fs::rename(&tmp.0, path).map_err(io)?;
    Ok(())
}

fn tempfile_in(dir: &Path, target: &Path) -> std::io::Result<(PathBuf, std::fs::File)> {
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = dir.join(format!(".{name}.{}.partial", std::process::id()));
    let file = std::fs::File::create(&tmp)?;
    Ok((tmp, file))
}

/// Removes what interrupted writes left in `dir`: our temporary files
/// (`.NAME.PID.partial`) of processes other than this one. Best effort.
pub fn remove_stale_partials(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mine = format!(".{}.partial", std::process::id());
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let ours = name.starts_with('.')
            && name
                .strip_suffix(".partial")
                .and_then(|rest| rest.rsplit_once('.'))
                .is_some_and(|(_, pid)| !pid.is_empty() && pid.bytes().all(|b| b.is_ascii_digit()));
        if ours && !name.ends_with(&mine) {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}
