//! File names from users and imports, reduced to one safe component: what
//! is stored and what goes into a kit can never name a place outside it.

use crate::error::{AssetError, ErrorExt, Result};
use std::path::Path;

/// The last component of `name` with separators, control characters and
/// characters Windows refuses replaced; refuses what is left empty, "." or "..".
pub fn safe_name(name: &str) -> Result<String> {
    let last = name.rsplit(['/', '\\']).next().unwrap_or("");
    let cleaned: String = last
        .chars()
        .map(|c| {
            if c.is_control() || "<>:\"|?*".contains(c) {
                '_'
            } else {
                c
            }
        })
        .collect();
    let cleaned = cleaned.trim().trim_end_matches('.').trim().to_string();
    if cleaned.is_empty() || cleaned == "." || cleaned == ".." || cleaned.chars().all(|c| c == '.')
    {
        return Err(AssetError::invalid(
            "file_name",
            format!("\"{name}\" is not a file name"),
        ));
    }
    Ok(cleaned.chars().take(180).collect())
}

/// A file the user picked: a regular file, not a link to somewhere else.
pub fn check_source(path: &Path) -> Result<std::fs::Metadata> {
    let meta = std::fs::symlink_metadata(path)
        .map_err(|e| AssetError::io(format!("cannot read {}", path.display()), e))?;
    if meta.file_type().is_symlink() {
        return Err(AssetError::invalid(
            "file",
            format!(
                "{} is a link: add the file it points to instead",
                path.display()
            ),
        ));
    }
    if !meta.is_file() {
        return Err(AssetError::invalid(
            "file",
            format!("{} is not a file", path.display()),
        ));
    }
    Ok(meta)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_never_escape() {
        assert_eq!(safe_name("../../etc/passwd").unwrap(), "passwd");
        assert_eq!(safe_name("/abs/olute.png").unwrap(), "olute.png");
        assert_eq!(
            safe_name("C:\\Users\\x\\banner 300x250.png").unwrap(),
            "banner 300x250.png"
        );
        assert_eq!(safe_name("a:b*c?.txt").unwrap(), "a_b_c_.txt");
        for bad in ["..", ".", "", "dir/", "  ", "..."] {
            assert!(safe_name(bad).is_err(), "{bad:?}");
        }
        assert_eq!(safe_name("Zoë’s kit.pdf").unwrap(), "Zoë’s kit.pdf");
    }
}
