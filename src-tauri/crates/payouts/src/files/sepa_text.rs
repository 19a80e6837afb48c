//! The SEPA character set (EPC Implementation Guidelines, "Character set"):
//! a–z A–Z 0–9 / - ? : ( ) . , ' + and space. Other letters are spelled in
//! Latin ("Søren" → "Soren", "Łukasz" → "Lukasz", "東京" → "Dong Jing"), and
//! what has no spelling becomes a space.

pub(super) fn sepa_text(text: &str, max_chars: usize) -> String {
    let latin = deunicode::deunicode(text);
    let mut out = String::with_capacity(latin.len());
    for c in latin.chars() {
        let ok = c.is_ascii_alphanumeric() || " /-?:().,'+".contains(c);
        let c = if ok { c } else { ' ' };
        if !(c == ' ' && (out.is_empty() || out.ends_with(' '))) {
            out.push(c);
        }
    }
    let trimmed: String = out.trim_end().chars().take(max_chars).collect();
    trimmed.trim_end().to_string()
}

#[cfg(test)]
mod tests {
    use super::sepa_text;

    #[test]
    fn names_become_sepa_letters() {
        assert_eq!(sepa_text("Søren Ærø", 70), "Soren AEro");
        assert_eq!(sepa_text("Łukasz Żółć", 70), "Lukasz Zolc");
        assert_eq!(sepa_text("Zoë & Co. <GmbH>", 70), "Zoe Co. GmbH");
        assert_eq!(
            sepa_text("François d'Hérouville", 70),
            "Francois d'Herouville"
        );
        assert!(sepa_text("東京 Partner", 70).is_ascii());
        assert_eq!(sepa_text("abcdefgh", 5), "abcde");
    }
}
