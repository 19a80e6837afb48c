//! What a file is, from its first bytes (never its name): a PNG called
//! "banner.jpg" is a PNG, a text file called "logo.png" is text.

/// The MIME type of content starting with `head` (the first few KB).
pub fn mime(head: &[u8]) -> String {
    if let Some(t) = infer::get(head) {
        return t.mime_type().to_string();
    }
    let text = match std::str::from_utf8(head) {
        Ok(t) => t,
        // A multi-byte character cut at the end of the sample is still text.
        Err(e) if e.error_len().is_none() => {
            std::str::from_utf8(&head[..e.valid_up_to()]).unwrap_or("")
        }
        Err(_) => return "application/octet-stream".into(),
    };
    if text
        .chars()
        .any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}'))
    {
        return "application/octet-stream".into();
    }
    let start = text
        .trim_start_matches('\u{feff}')
        .trim_start()
        .to_ascii_lowercase();
    if start.starts_with("<svg") || (start.starts_with("<?xml") && start.contains("<svg")) {
        "image/svg+xml".into()
    } else if start.starts_with("<!doctype html")
        || start.starts_with("<html")
        || start.contains("<body")
    {
        "text/html".into()
    } else {
        "text/plain".into()
    }
}

/// Images we can measure and draw thumbnails of.
pub fn is_raster(mime: &str) -> bool {
    matches!(
        mime,
        "image/png" | "image/jpeg" | "image/gif" | "image/webp" | "image/bmp"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_decides_not_the_name() {
        assert_eq!(mime(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"), "image/png");
        assert_eq!(mime(b"\xFF\xD8\xFF\xE0\0\x10JFIF"), "image/jpeg");
        assert_eq!(mime(b"%PDF-1.7\n"), "application/pdf");
        assert_eq!(mime(b"GIF89a"), "image/gif");
        assert_eq!(
            mime("Hello {{partner.first_name}} — ça va?".as_bytes()),
            "text/plain"
        );
        assert_eq!(
            mime(b"<!DOCTYPE html><html><body>x</body></html>"),
            "text/html"
        );
        assert_eq!(
            mime(b"<svg xmlns='http://www.w3.org/2000/svg'/>"),
            "image/svg+xml"
        );
        assert_eq!(mime(b"\x00\x01\x02binary"), "application/octet-stream");
        // "é" cut in half at the end of the sample.
        assert_eq!(mime(&"café".as_bytes()[..4]), "text/plain");
    }
}
