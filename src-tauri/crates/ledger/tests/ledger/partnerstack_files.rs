//! PartnerStack exports as they come: transactions PartnerStack did not
//! approve, archived or made with test keys earn nothing; a partner_key
//! column attributes; a rewards export is refused for what it is.

use crate::conversion_import::{book, fixture, lines};
use partnerbook_book::progress::Quiet;
use partnerbook_ledger::commissions::CommissionState::*;
use partnerbook_ledger::conversions::{self, ConversionQuery};
use partnerbook_ledger::import::presets::PresetName;
use partnerbook_ledger::import::{import, ConversionImportOptions};

fn partnerstack() -> ConversionImportOptions {
    ConversionImportOptions {
        preset: PresetName::Partnerstack,
        ..Default::default()
    }
}

#[test]
fn unapproved_archived_and_test_transactions_earn_nothing_and_partner_keys_attribute() {
    let dir = tempfile::tempdir().unwrap();
    let mut book = book(dir.path());
    let file = dir.path().join("transactions.csv");
    std::fs::write(
        &file,
        "key,created_at,amount,currency,customer_key,customer_email,product_key,partner_key,approved,archived,test\n\
         txn_1,1714571110000,4900,USD,cus_1,ana@example.com,starter,pship_alice01,true,false,false\n\
         txn_2,1714571120000,9900,USD,cus_2,bo@example.com,pro,pship_alice01,false,false,false\n\
         txn_3,1714571130000,9900,USD,cus_3,cy@example.com,pro,pship_alice01,true,true,false\n\
         txn_4,1714571140000,9900,USD,cus_4,dee@example.com,pro,pship_alice01,true,false,true\n",
    )
    .unwrap();
    let report = import(&mut book, &file, &partnerstack(), &Quiet).unwrap();
    assert_eq!(
        (report.rows, report.recorded, report.unattributed),
        (4, 1, 0)
    );
    let skipped: Vec<(&str, u64)> = report
        .skipped
        .iter()
        .map(|(k, v)| (k.as_str(), *v))
        .collect();
    assert_eq!(
        skipped,
        [
            ("a test transaction (made with test keys)", 1),
            ("archived in PartnerStack", 1),
            ("not approved by PartnerStack (approved: false)", 1),
        ]
    );
    assert_eq!(lines(&book), [("Alice".into(), 1470, Pending)]);
}

#[test]
fn a_rewards_export_is_refused_for_what_it_is() {
    let dir = tempfile::tempdir().unwrap();
    let mut book = book(dir.path());
    let err = import(
        &mut book,
        &fixture("partnerstack_rewards.csv"),
        &partnerstack(),
        &Quiet,
    )
    .unwrap_err();
    let text = err.to_string();
    assert!(
        text.starts_with("file: partnerstack_rewards.csv is a PartnerStack rewards export"),
        "{text}"
    );
    assert_eq!(
        conversions::list(&book, &ConversionQuery::default())
            .unwrap()
            .total,
        0
    );
}
