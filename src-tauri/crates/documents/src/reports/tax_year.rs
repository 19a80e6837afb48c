//! The tax year: per partner, what was paid to them in a calendar year (by
//! the day each payout was recorded as paid), by payout method; the tax
//! form on file; and whether the payments the payer reports (all but
//! PayPal's, which the payment network reports on a 1099-K) reach the
//! year's US information-return threshold. As rows, a CSV with the fields
//! a 1099-NEC filing needs, and a summary PDF.

use crate::error::{DocumentError, ErrorExt, Result};
use partnerbook_book::audit::{self, Actor};
use partnerbook_book::money::{Currency, Money};
use partnerbook_book::spreadsheet::text_cell;
use partnerbook_book::{settings, Book};
use partnerbook_partners::tin::{self, Tins};
use rusqlite::{Connection, OptionalExtension};
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};
use ts_rs::TS;

/// The form a partner has on file at the year's end.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum TaxForm {
    W9,
    W8ben,
    /// A W-8BEN that expired before the year ended.
    Expired,
    /// A VAT id and no US form.
    Vat,
    None,
}

impl TaxForm {
    pub fn label(self) -> &'static str {
        match self {
            TaxForm::W9 => "W-9",
            TaxForm::W8ben => "W-8BEN",
            TaxForm::Expired => "W-8BEN expired",
            TaxForm::Vat => "VAT id only",
            TaxForm::None => "none",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct MethodPaid {
    pub method: String,
    pub amount: Money,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct TaxYearRow {
    pub partner_id: i64,
    /// As on their latest payout of the year (the payee snapshot).
    pub payee_name: String,
    pub company: String,
    pub address: String,
    pub country: String,
    pub form: TaxForm,
    /// The TIN on the form, masked ("***-**-6789"); empty when none.
    pub tin: String,
    /// "SSN", "EIN" or "foreign"; empty when there is no TIN.
    pub tin_kind: String,
    pub paid: Vec<MethodPaid>,
    /// Paid other than through PayPal: what the payer reports.
    pub reportable: Vec<Money>,
    /// Paid through PayPal: reported by the payment network.
    pub network: Vec<Money>,
    /// The reportable amount reaches the threshold (in its currency).
    pub over_threshold: bool,
    /// Over the threshold and not a foreign person on a W-8BEN.
    pub needs_1099: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct TaxYear {
    pub year: i32,
    pub threshold: Money,
    pub rows: Vec<TaxYearRow>,
}

/// A payee as on their latest payout of the year, with their form now.
struct Payee {
    name: String,
    company: String,
    address: String,
    country: String,
    tax_status: String,
    expires: Option<String>,
    tin: String,
}

/// The year's threshold: its own row, else the latest earlier one.
pub fn threshold(conn: &Connection, year: i32) -> Result<Money> {
    let found: Option<(i64, Currency)> = conn
        .query_row(
            "SELECT amount_minor, currency FROM tax_thresholds WHERE year <= ?1 ORDER BY year DESC LIMIT 1",
            [year],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    found.map(|(minor, c)| Money::new(minor, c)).ok_or_else(|| {
        DocumentError::invalid(
            "year",
            format!("no tax threshold is set for {year} or before"),
        )
    })
}

/// A year's threshold as set in the book.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct Threshold {
    pub year: i32,
    pub amount: Money,
}

/// Every threshold set, oldest year first.
pub fn thresholds(conn: &Connection) -> Result<Vec<Threshold>> {
    let mut stmt =
        conn.prepare("SELECT year, amount_minor, currency FROM tax_thresholds ORDER BY year")?;
    let rows = stmt.query_map([], |r| {
        Ok(Threshold {
            year: r.get(0)?,
            amount: Money::new(r.get(1)?, r.get(2)?),
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Sets the threshold for payments made in `year`, with an audit row.
pub fn set_threshold(book: &mut Book, year: i32, amount: Money, actor: Actor) -> Result<()> {
    if !(2000..=2200).contains(&year) {
        return Err(DocumentError::invalid(
            "year",
            format!("{year} is not a year between 2000 and 2200"),
        ));
    }
    if amount.minor < 0 {
        return Err(DocumentError::invalid("amount", "cannot be negative"));
    }
    let tx = book.transaction()?;
    let before: Option<Money> = tx
        .query_row(
            "SELECT amount_minor, currency FROM tax_thresholds WHERE year = ?1",
            [year],
            |r| Ok(Money::new(r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    if before == Some(amount) {
        return Ok(());
    }
    tx.execute(
        "INSERT INTO tax_thresholds (year, amount_minor, currency) VALUES (?1, ?2, ?3)
         ON CONFLICT (year) DO UPDATE SET amount_minor = excluded.amount_minor, currency = excluded.currency",
        rusqlite::params![year, amount.minor, amount.currency],
    )?;
    let shown = |m: Money| serde_json::json!({ "year": year, "amount": m.to_string() });
    audit::record(
        &tx,
        actor,
        "tax_threshold",
        Some(i64::from(year)),
        "set",
        before.map(shown).as_ref(),
        Some(&shown(amount)),
    )?;
    tx.commit()?;
    Ok(())
}

pub fn tax_year(book: &Book, year: i32) -> Result<TaxYear> {
    let conn = book.conn();
    let threshold = threshold(conn, year)?;
    let year_text = year.to_string();
    let year_end = format!("{year}-12-31");
    let mut stmt = conn.prepare(
        "SELECT y.partner_id, y.method, y.pay_currency, sum(y.pay_minor)
           FROM payouts y
          WHERE y.status = 'paid' AND y.pay_minor IS NOT NULL AND substr(y.settled_at, 1, 4) = ?1
          GROUP BY y.partner_id, y.method, y.pay_currency ORDER BY y.partner_id, y.method, y.pay_currency",
    )?;
    let mut paid: BTreeMap<i64, Vec<MethodPaid>> = BTreeMap::new();
    let mut rows = stmt.query([&year_text])?;
    while let Some(r) = rows.next()? {
        let currency: Currency = r.get(2)?;
        paid.entry(r.get(0)?).or_default().push(MethodPaid {
            method: r.get(1)?,
            amount: Money::new(r.get(3)?, currency),
        });
    }
    // Each payee as on their latest payout of the year, and their form now:
    // one pass, not a query per payee.
    let mut payees: HashMap<i64, Payee> = HashMap::with_capacity(paid.len());
    let mut stmt = conn.prepare(
        "SELECT y.partner_id, y.payee_name, y.payee_company, y.payee_address, y.payee_country,
                pa.tax_status, pa.tax_form_expires, pa.tin
           FROM (SELECT *, row_number() OVER (PARTITION BY partner_id ORDER BY settled_at DESC, id DESC) AS latest
                   FROM payouts WHERE status = 'paid' AND substr(settled_at, 1, 4) = ?1) y
           JOIN partners pa ON pa.id = y.partner_id
          WHERE y.latest = 1",
    )?;
    let mut rows = stmt.query([&year_text])?;
    while let Some(r) = rows.next()? {
        let payee = Payee {
            name: r.get(1)?,
            company: r.get(2)?,
            address: r.get(3)?,
            country: r.get(4)?,
            tax_status: r.get(5)?,
            expires: r.get(6)?,
            tin: r.get(7)?,
        };
        payees.insert(r.get(0)?, payee);
    }
    let mut out = Vec::new();
    for (partner_id, methods) in paid {
        let Some(Payee {
            name: payee_name,
            company,
            address,
            country,
            tax_status: status,
            expires,
            tin,
        }) = payees.remove(&partner_id)
        else {
            continue;
        };
        let form = match status.as_str() {
            "w9" => TaxForm::W9,
            "w8ben" if expires.as_deref().is_some_and(|e| e < year_end.as_str()) => {
                TaxForm::Expired
            }
            "w8ben" => TaxForm::W8ben,
            "vat" => TaxForm::Vat,
            _ => TaxForm::None,
        };
        let mut reportable: BTreeMap<&str, i64> = BTreeMap::new();
        let mut network: BTreeMap<&str, i64> = BTreeMap::new();
        for m in &methods {
            let to = if m.method == "paypal" {
                &mut network
            } else {
                &mut reportable
            };
            *to.entry(m.amount.currency.code()).or_default() += m.amount.minor;
        }
        let over_threshold = reportable
            .get(threshold.currency.code())
            .is_some_and(|&minor| minor >= threshold.minor);
        let money = |sums: &BTreeMap<&str, i64>| -> Result<Vec<Money>> {
            sums.iter()
                .map(|(c, m)| Ok(Money::new(*m, Currency::from_code(c)?)))
                .collect()
        };
        out.push(TaxYearRow {
            partner_id,
            payee_name,
            company,
            address,
            country,
            form,
            tin_kind: tin::kind(&tin).map_or("", |k| k.label()).to_string(),
            tin: tin::mask(&tin),
            reportable: money(&reportable)?,
            network: money(&network)?,
            paid: methods,
            over_threshold,
            needs_1099: over_threshold && form != TaxForm::W8ben,
        });
    }
    // Those needing a form first, then by name.
    out.sort_by(|a, b| {
        b.needs_1099
            .cmp(&a.needs_1099)
            .then(a.payee_name.cmp(&b.payee_name))
    });
    Ok(TaxYear {
        year,
        threshold,
        rows: out,
    })
}

fn joined(amounts: &[Money]) -> String {
    amounts
        .iter()
        .map(Money::to_string)
        .collect::<Vec<_>>()
        .join(" + ")
}

/// The rows as CSV, with what a 1099-NEC filing asks: the payee's name and
/// address, their TIN (masked unless `tins` is `Whole`) and its kind, and
/// box 1 (nonemployee compensation: the reportable amount in the
/// threshold's currency).
pub fn to_csv(conn: &Connection, t: &TaxYear, tins: Tins) -> Result<Vec<u8>> {
    let code = t.threshold.currency.code();
    let mut whole = conn.prepare_cached("SELECT tin FROM partners WHERE id = ?1")?;
    let mut rows = Vec::with_capacity(t.rows.len());
    for r in &t.rows {
        let box1 = r.reportable.iter().find(|m| m.currency.code() == code);
        let tin = match tins {
            Tins::Masked => r.tin.clone(),
            Tins::Whole => whole.query_row([r.partner_id], |row| row.get(0))?,
        };
        rows.push(vec![
            r.partner_id.to_string(),
            text_cell(&r.payee_name).into_owned(),
            text_cell(&r.company).into_owned(),
            text_cell(&r.address.replace('\n', ", ")).into_owned(),
            r.country.clone(),
            r.form.label().to_string(),
            tin_status(r).to_string(),
            text_cell(&tin).into_owned(),
            r.tin_kind.clone(),
            box1.map_or_else(|| "0".to_string(), |m| m.to_decimal().to_string()),
            code.to_string(),
            joined(&r.network),
            if r.needs_1099 { "yes" } else { "no" }.to_string(),
        ]);
    }
    super::csv_bytes(
        &[
            "partner_id",
            "payee_name",
            "business_name",
            "address",
            "country",
            "tax_form",
            "tin_status",
            "tin",
            "tin_type",
            "box1_nonemployee_compensation",
            "currency",
            "paid_through_paypal",
            "needs_1099_nec",
        ],
        rows,
    )
}

/// Whether the TIN a 1099-NEC needs is on file: "on file", "missing" on a
/// W-9 without one, empty where no US form asks for it.
fn tin_status(r: &TaxYearRow) -> &'static str {
    match (r.tin.is_empty(), r.form) {
        (false, _) => "on file",
        (true, TaxForm::W9) => "missing",
        (true, _) => "",
    }
}

/// Each row as the cells a table shows: the PDF's and the command line's.
pub fn cells(t: &TaxYear) -> Vec<Vec<String>> {
    t.rows
        .iter()
        .map(|r| {
            vec![
                r.payee_name.clone(),
                match (r.form, r.tin.is_empty()) {
                    (TaxForm::W9 | TaxForm::W8ben, false) => {
                        format!("{} {}", r.form.label(), r.tin)
                    }
                    (TaxForm::W9 | TaxForm::W8ben, true) => format!("{}, no TIN", r.form.label()),
                    (form, _) => form.label().to_string(),
                },
                joined(&r.reportable),
                joined(&r.network),
                if r.needs_1099 {
                    "yes"
                } else if r.over_threshold {
                    "no (W-8BEN, over)"
                } else {
                    "no"
                }
                .to_string(),
            ]
        })
        .collect()
}

/// The year as a summary PDF table.
pub fn to_pdf(book: &Book, t: &TaxYear) -> Result<Vec<u8>> {
    use super::table_pdf::{render, Column, Table};
    let program = settings::get(book.conn())?.program_name;
    let covers = format!(
        "payouts recorded as paid in {}; 1099-NEC threshold {} (PayPal payments are reported by PayPal)",
        t.year, t.threshold
    );
    let columns = [
        Column {
            label: "Payee",
            width: 2.0,
            numeric: false,
        },
        Column {
            label: "Tax form",
            width: 1.1,
            numeric: false,
        },
        Column {
            label: "Paid, reportable",
            width: 1.5,
            numeric: true,
        },
        Column {
            label: "Paid through PayPal",
            width: 1.5,
            numeric: true,
        },
        Column {
            label: "1099-NEC",
            width: 1.0,
            numeric: false,
        },
    ];
    let cells = cells(t);
    let day = format!("{}-12-31", t.year);
    let table = Table {
        program_name: &program,
        title: "Tax year",
        covers: &covers,
        day: &day,
        columns: &columns,
        rows: &cells,
    };
    Ok(render(&table, &crate::pdf::Fonts::load()?))
}
