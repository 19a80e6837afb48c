//! What a book holds that sync writes, for comparing two books.

/// What a book holds that sync writes, without ids or times: equal for two
/// books that synced the same platform, however the syncs went.
pub fn contents(conn: &rusqlite::Connection) -> Vec<String> {
    let queries = [
        "SELECT name || '|' || email || '|' || coalesce((SELECT name FROM groups g WHERE g.id = p.group_id), '') || '|' || status FROM partners p",
        "SELECT name FROM groups",
        "SELECT code || '|' || (SELECT email FROM partners p WHERE p.id = c.partner_id) FROM partner_codes c",
        "SELECT source || '|' || external_id || '|' || email || '|' || coalesce((SELECT email FROM partners p WHERE p.id = c.partner_id), '') FROM customers c",
        "SELECT source || '|' || external_id || '|' || kind || '|' || occurred_at || '|' || amount_minor || '|' || coalesce(currency, '') || '|' || coalesce((SELECT email FROM partners p WHERE p.id = v.partner_id), '') || '|' || attribution FROM conversions v",
        "SELECT (SELECT external_id FROM conversions v WHERE v.id = k.conversion_id) || '|' || line || '|' || kind || '|' || coalesce(amount_minor, 0) || '|' || currency || '|' || state || '|' || due_on FROM commissions k",
        "SELECT remote_key || '|' || amount_minor || '|' || currency || '|' || status || '|' || earned_at FROM platform_rewards",
        "SELECT resource || '|' || remote_key || '|' || skipped || '|' || synced FROM sync_map",
        "SELECT resource || '|' || remote_key || '|' || field || '|' || ours || '|' || theirs FROM sync_conflicts",
    ];
    let mut out = Vec::new();
    for q in queries {
        let mut stmt = conn.prepare(q).unwrap();
        let mut rows: Vec<String> = stmt
            .query_map([], |r| r.get::<_, String>(0))
            .unwrap()
            .map(Result::unwrap)
            .collect();
        rows.sort();
        out.extend(rows);
    }
    out
}
