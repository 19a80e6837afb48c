//! Rewrites `col IN ('a', 'b')` in a table's CHECK constraints as
//! `(col = 'a' OR col = 'b')` (and NOT IN as `<>`…AND), in place, with
//! SQLite's documented procedure for changing constraints that all rows
//! already satisfy: the same rule, without the temporary table SQLite
//! builds to check an IN list on every inserted row.

use rusqlite::Transaction;

pub(super) fn rewrite_in_lists(tx: &Transaction) -> rusqlite_migration::HookResult {
    let version: i64 = tx.pragma_query_value(None, "schema_version", |r| r.get(0))?;
    let tables: Vec<(String, String)> = tx
        .prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'table' AND sql LIKE '% IN (%'")?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    tx.pragma_update(None, "writable_schema", true)?;
    for (table, sql) in tables {
        tx.execute(
            "UPDATE sqlite_schema SET sql = ?2 WHERE type = 'table' AND name = ?1",
            (table, without_in_lists(&sql)),
        )?;
    }
    tx.pragma_update(None, "schema_version", version + 1)?;
    tx.pragma_update(None, "writable_schema", false)?;
    // quick_check re-checks every row against the rewritten CHECKs without
    // integrity_check's index cross-checks, the slow part on a big book.
    let verdict: String = tx.query_row("PRAGMA quick_check", [], |r| r.get(0))?;
    if verdict != "ok" {
        return Err(rusqlite_migration::HookError::Hook(format!(
            "the book failed its check after the CHECK rewrite: {verdict}"
        )));
    }
    Ok(())
}

/// Adds 'adjustment' to the kinds a commission line may be, in place: the
/// same procedure as `rewrite_in_lists`, on the CHECK that step spelled out.
pub(super) fn allow_adjustment_lines(tx: &Transaction) -> rusqlite_migration::HookResult {
    widen(tx, "commissions", "kind = 'clawback')", "adjustment")
}

/// Adds 'chargeback_reversal' to the kinds a conversion may be, likewise.
pub(super) fn allow_chargeback_reversals(tx: &Transaction) -> rusqlite_migration::HookResult {
    widen(
        tx,
        "conversions",
        "kind = 'chargeback')",
        "chargeback_reversal",
    )
}

/// Lets `table`'s kind CHECK, which ends with `last`, accept `kind` too.
fn widen(tx: &Transaction, table: &str, last: &str, kind: &str) -> rusqlite_migration::HookResult {
    let sql: String = tx.query_row(
        "SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = ?1",
        [table],
        |r| r.get(0),
    )?;
    if !sql.contains(last) {
        return Err(rusqlite_migration::HookError::Hook(format!(
            "the {table} table's kind CHECK is not as the CHECK rewrite wrote it"
        )));
    }
    let open = last.trim_end_matches(')');
    let widened = sql.replacen(last, &format!("{open} OR kind = '{kind}')"), 1);
    let version: i64 = tx.pragma_query_value(None, "schema_version", |r| r.get(0))?;
    tx.pragma_update(None, "writable_schema", true)?;
    tx.execute(
        "UPDATE sqlite_schema SET sql = ?2 WHERE type = 'table' AND name = ?1",
        (table, widened),
    )?;
    tx.pragma_update(None, "schema_version", version + 1)?;
    tx.pragma_update(None, "writable_schema", false)?;
    Ok(())
}

/// `sql` with every `word [NOT] IN ('x', …)` over quoted strings spelled out.
pub(super) fn without_in_lists(sql: &str) -> String {
    let mut out = String::with_capacity(sql.len() * 2);
    let mut rest = sql;
    while let Some(at) = rest.find(" IN") {
        let (before, after) = rest.split_at(at);
        let list_start = after[3..].trim_start();
        let Some(list) = list_start.strip_prefix('(') else {
            out.push_str(&rest[..at + 3]);
            rest = &rest[at + 3..];
            continue;
        };
        let Some(close) = list.find(')') else { break };
        let items: Vec<&str> = list[..close].split(',').map(str::trim).collect();
        let all_quoted = items
            .iter()
            .all(|i| i.len() >= 2 && i.starts_with('\'') && i.ends_with('\''));
        let (head, negated) = match before.strip_suffix(" NOT") {
            Some(h) => (h, true),
            None => (before, false),
        };
        let column_start = head
            .rfind(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .map_or(0, |i| i + 1);
        let column = &head[column_start..];
        if !all_quoted || column.is_empty() {
            out.push_str(&rest[..at + 3]);
            rest = &rest[at + 3..];
            continue;
        }
        let (op, join) = if negated {
            ("<>", " AND ")
        } else {
            ("=", " OR ")
        };
        let spelled: Vec<String> = items.iter().map(|i| format!("{column} {op} {i}")).collect();
        out.push_str(&head[..column_start]);
        out.push('(');
        out.push_str(&spelled.join(join));
        out.push(')');
        rest = &list[close + 1..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn in_lists_are_spelled_out_and_the_rest_is_kept() {
        let sql = "CREATE TABLE t (\n  kind TEXT CHECK (kind IN ('a', 'b')),\n  s TEXT CHECK (s IN\n     ('x','y','z')),\n  n INT CHECK (n IN (0, 1)),\n  CHECK (kind NOT IN ('a', 'c') OR n IS NOT NULL)\n)";
        assert_eq!(
            without_in_lists(sql),
            "CREATE TABLE t (\n  kind TEXT CHECK ((kind = 'a' OR kind = 'b')),\n  s TEXT CHECK ((s = 'x' OR s = 'y' OR s = 'z')),\n  n INT CHECK (n IN (0, 1)),\n  CHECK ((kind <> 'a' AND kind <> 'c') OR n IS NOT NULL)\n)"
        );
    }
}
