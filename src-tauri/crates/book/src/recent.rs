//! The list of recently opened books, kept in a small JSON file in the
//! user's config folder (not in any book: it is about the machine).

use crate::error::{BookError, ErrorExt, Result};
use crate::time::now;
use serde::{Deserialize, Serialize};
use std::path::Path;
use ts_rs::TS;

const KEEP: usize = 12;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct RecentBook {
    pub path: String,
    pub program_name: String,
    pub opened_at: String,
    /// False when the file has been moved or deleted since.
    #[serde(default)]
    pub exists: bool,
}

/// The list, most recent first. A missing or unreadable file is an empty list:
/// losing the recent list must never stop the app from starting.
pub fn load(file: &Path) -> Vec<RecentBook> {
    let mut list: Vec<RecentBook> = std::fs::read(file)
        .ok()
        .and_then(|bytes| serde_json::from_slice(&bytes).ok())
        .unwrap_or_default();
    for b in &mut list {
        b.exists = Path::new(&b.path).is_file();
    }
    list
}

/// Puts `book_path` at the top of the list.
pub fn remember(file: &Path, book_path: &Path, program_name: &str) -> Result<Vec<RecentBook>> {
    let path = std::path::absolute(book_path).unwrap_or_else(|_| book_path.to_path_buf());
    let path = path.to_string_lossy().into_owned();
    let mut list = load(file);
    list.retain(|b| b.path != path);
    list.insert(
        0,
        RecentBook {
            path,
            program_name: program_name.to_string(),
            opened_at: now(),
            exists: true,
        },
    );
    list.truncate(KEEP);
    save(file, &list)?;
    Ok(list)
}

pub fn forget(file: &Path, book_path: &str) -> Result<Vec<RecentBook>> {
    let mut list = load(file);
    list.retain(|b| b.path != book_path);
    save(file, &list)?;
    Ok(list)
}

/// Writes a temporary file and renames it, so a crash never leaves half a list.
fn save(file: &Path, list: &[RecentBook]) -> Result<()> {
    let io = |e| {
        BookError::io(
            format!("cannot save the recent books list {}", file.display()),
            e,
        )
    };
    if let Some(dir) = file.parent() {
        std::fs::create_dir_all(dir).map_err(io)?;
    }
    let tmp = file.with_extension("tmp");
    let json = serde_json::to_vec_pretty(list).map_err(|e| io(std::io::Error::other(e)))?;
    std::fs::write(&tmp, json).map_err(io)?;
    std::fs::rename(&tmp, file).map_err(io)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn most_recent_first_without_duplicates() {
        let dir = tempfile::tempdir().unwrap();
        let list_file = dir.path().join("recent.json");
        let a = dir.path().join("a.partnerbook");
        let b = dir.path().join("b.partnerbook");
        std::fs::write(&a, b"").unwrap();
        remember(&list_file, &a, "A").unwrap();
        remember(&list_file, &b, "B").unwrap();
        let list = remember(&list_file, &a, "A again").unwrap();
        assert_eq!(
            list.iter()
                .map(|r| r.program_name.as_str())
                .collect::<Vec<_>>(),
            ["A again", "B"]
        );
        let loaded = load(&list_file);
        assert!(
            loaded[0].exists && !loaded[1].exists,
            "b was never written to disk"
        );
        assert_eq!(forget(&list_file, &loaded[1].path).unwrap().len(), 1);
    }

    #[test]
    fn a_corrupt_list_is_empty_not_fatal() {
        let dir = tempfile::tempdir().unwrap();
        let list_file = dir.path().join("recent.json");
        std::fs::write(&list_file, b"{not json").unwrap();
        assert!(load(&list_file).is_empty());
    }
}
