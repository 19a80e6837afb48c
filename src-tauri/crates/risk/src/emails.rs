//! What "the same mailbox" means when comparing a customer with a partner:
//! case and surrounding space do not count, nor a `+tag`, nor dots in a
//! Gmail address (Gmail delivers ana.lima@ and analima@ to one inbox).

/// The mailbox an address delivers to, for comparison only.
pub fn mailbox(email: &str) -> String {
    let email = email.trim().to_lowercase();
    let Some((local, domain)) = email.rsplit_once('@') else {
        return email;
    };
    let local = local.split('+').next().unwrap_or(local);
    let domain = domain.trim_end_matches('.');
    if domain == "gmail.com" || domain == "googlemail.com" {
        return format!("{}@gmail.com", local.replace('.', ""));
    }
    format!("{local}@{domain}")
}

#[cfg(test)]
mod tests {
    use super::mailbox;

    #[test]
    fn tags_case_and_gmail_dots_do_not_count() {
        assert_eq!(mailbox(" Ana.Lima+shop@GMail.com "), "analima@gmail.com");
        assert_eq!(mailbox("ana.lima@googlemail.com"), "analima@gmail.com");
        assert_eq!(mailbox("ana+x@example.org"), "ana@example.org");
        // Outside Gmail a dot is part of the name.
        assert_ne!(
            mailbox("ana.lima@example.org"),
            mailbox("analima@example.org")
        );
    }
}
