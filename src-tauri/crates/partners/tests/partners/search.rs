use partnerbook_partners::search::match_expression;

#[test]
fn typed_text_becomes_safe_prefix_terms() {
    let cols = "{name email company website codes tags} : ";
    assert_eq!(
        match_expression("zoë mar").unwrap(),
        format!("{cols}(\"zoë\"* \"mar\"*)")
    );
    assert_eq!(
        match_expression("a@b.com").unwrap(),
        format!("{cols}(\"a\"* \"b\"* \"com\"*)")
    );
    assert_eq!(
        match_expression("\"OR\" NEAR(x)").unwrap(),
        format!("{cols}(\"OR\"* \"NEAR\"* \"x\"*)")
    );
    assert_eq!(match_expression(" -*- "), None);
}

#[test]
fn a_thousand_typed_words_search_by_the_first_sixteen() {
    let text = (0..1_000)
        .map(|i| format!("w{i}"))
        .collect::<Vec<_>>()
        .join(" ");
    let expr = match_expression(&text).unwrap();
    assert_eq!(expr.matches("\"*").count(), 16, "{expr}");
}
