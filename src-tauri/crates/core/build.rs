// The commit this build is made from, for `partnerbook --version` and the
// app's About box: "unknown" outside a git checkout.
fn main() {
    let commit = std::process::Command::new("git")
        .args(["rev-parse", "--short=10", "HEAD"])
        .output()
        .ok()
        .filter(|o| o.status.success())
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
        .filter(|c| !c.is_empty())
        .unwrap_or_else(|| "unknown".into());
    println!("cargo:rustc-env=PARTNERBOOK_COMMIT={commit}");
    for path in [
        "../../../.git/HEAD",
        "../../../.git/refs/heads",
        "../../../.git/packed-refs",
    ] {
        println!("cargo:rerun-if-changed={path}");
    }
}
