use chrono::NaiveDate;
use partnerbook_book::audit::Actor;
use partnerbook_outbox::reminders as remind;
use partnerbook_partners::PayoutMethod;
use partnerbook_testkit::program;

fn day(d: &str) -> NaiveDate {
    NaiveDate::parse_from_str(d, "%Y-%m-%d").unwrap()
}

#[test]
fn reminders_go_once_per_period_to_partners_stuck_long_enough() {
    let mut p = program();
    let stuck = p.partner("Stu Stuck", PayoutMethod::None);
    let recent = p.partner("Rae Recent", PayoutMethod::None);
    let conn = p.book.conn();
    conn.execute(
        "UPDATE partners SET approved_at = '2026-11-01T00:00:00Z' WHERE id = ?1",
        [stuck],
    )
    .unwrap();
    conn.execute(
        "UPDATE partners SET approved_at = '2026-11-28T00:00:00Z' WHERE id = ?1",
        [recent],
    )
    .unwrap();
    assert_eq!(
        remind::queue(&mut p.book, 7, day("2026-11-30"), Actor::User).unwrap(),
        1
    );
    let (to, body): (String, String) = p
        .book
        .conn()
        .query_row(
            "SELECT to_email, text_body FROM outbox WHERE template = 'onboarding_reminder'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!(to, "stu.stuck@example.com");
    assert!(body.contains("we still need: no payout method"), "{body}");
    assert_eq!(
        remind::queue(&mut p.book, 7, day("2026-12-02"), Actor::User).unwrap(),
        0,
        "reminded 2 days ago"
    );
}
