//! Statements find their fonts where Debian, Fedora (the .rpm) and Arch put
//! them, and name the missing file and package when there are none.

use partnerbook_documents::pdf::Fonts;
use std::os::unix::fs::symlink;
use std::path::Path;

const SYSTEM: &str = "/usr/share/fonts";

fn link(root: &Path, installed: &str, as_path: &str) {
    let to = root.join(as_path);
    std::fs::create_dir_all(to.parent().unwrap()).unwrap();
    symlink(Path::new(SYSTEM).join(installed), to).unwrap();
}

#[test]
fn fonts_are_found_in_fedoras_layout() {
    let root = tempfile::tempdir().unwrap();
    link(
        root.path(),
        "truetype/dejavu/DejaVuSans.ttf",
        "dejavu-sans-fonts/DejaVuSans.ttf",
    );
    link(
        root.path(),
        "truetype/dejavu/DejaVuSans-Bold.ttf",
        "dejavu-sans-fonts/DejaVuSans-Bold.ttf",
    );
    link(
        root.path(),
        "opentype/noto/NotoSansCJK-Regular.ttc",
        "google-noto-sans-cjk-fonts/NotoSansCJK-Regular.ttc",
    );
    Fonts::load_from(root.path()).expect("the Fedora layout loads");
}

#[test]
fn a_missing_font_names_its_file_and_package() {
    let root = tempfile::tempdir().unwrap();
    let err = Fonts::load_from(root.path()).map(|_| ()).unwrap_err();
    let text = err.to_string();
    assert!(text.contains("truetype/dejavu/DejaVuSans.ttf"), "{text}");
    assert!(text.contains("install fonts-dejavu-core"), "{text}");
}
