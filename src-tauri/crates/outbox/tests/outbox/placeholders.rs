use partnerbook_outbox::placeholders::{fill, placeholders};
use std::collections::BTreeMap;

#[test]
fn placeholders_fill_and_escape() {
    let mut v = BTreeMap::new();
    v.insert("partner.first_name", "Zoë <b>".to_string());
    assert_eq!(fill("Hi {{partner.first_name}}!", &v, false), "Hi Zoë <b>!");
    assert_eq!(
        fill("Hi {{ partner.first_name }}!", &v, true),
        "Hi Zoë &lt;b&gt;!"
    );
    assert_eq!(placeholders("a {{x}} b {{ y.z }}").unwrap(), ["x", "y.z"]);
    assert!(placeholders("a {{x").is_err());
}
