use partnerbook_book::money::*;

use proptest::prelude::*;
use rust_decimal::Decimal;
use std::str::FromStr;

fn cur(code: &str) -> Currency {
    Currency::from_code(code).unwrap()
}

fn parse(text: &str, code: &str) -> partnerbook_book::Result<i64> {
    Money::parse(text, cur(code)).map(|m| m.minor)
}

#[test]
fn exponents_come_from_iso_4217() {
    assert_eq!(cur("JPY").exponent(), 0);
    assert_eq!(cur("usd").exponent(), 2);
    assert_eq!(cur("BHD").exponent(), 3);
    assert!(Currency::from_code("XXX").is_err(), "no minor unit");
    assert!(Currency::from_code("ABC").is_err());
    assert!(Currency::from_code("").is_err());
}

#[test]
fn parses_what_people_type() {
    assert_eq!(parse("1,234.50", "USD").unwrap(), 123_450);
    assert_eq!(parse("1234.5", "USD").unwrap(), 123_450);
    assert_eq!(parse("-0.01", "USD").unwrap(), -1);
    assert_eq!(parse("  42 ", "USD").unwrap(), 4_200);
    assert_eq!(parse("+7.1", "EUR").unwrap(), 710);
    assert_eq!(parse("1,234,567", "JPY").unwrap(), 1_234_567);
    assert_eq!(parse("1.234", "BHD").unwrap(), 1_234);
    assert_eq!(parse("-0.00", "USD").unwrap(), 0);
}

#[test]
fn refuses_what_it_would_have_to_guess() {
    for bad in [
        "1.234", "12.3.4", "NaN", "1e3", "", "-", "1.", ".5", "12,34", "1,,234", "1234,567",
        "1 234", "$5", "five", "١٢",
    ] {
        assert!(parse(bad, "USD").is_err(), "{bad:?} should be refused");
    }
    assert!(parse("1.5", "JPY").is_err());
    assert!(
        parse("92233720368547758.08", "USD").is_err(),
        "overflow is an error, not a wrap"
    );
    let err = parse("1.234", "USD").unwrap_err().to_string();
    assert!(err.contains("3 decimals") && err.contains("has 2"), "{err}");
}

#[test]
fn formats_with_grouping_and_fixed_decimals() {
    assert_eq!(Money::new(123_450, cur("USD")).format_amount(), "1,234.50");
    assert_eq!(Money::new(-1, cur("USD")).format_amount(), "-0.01");
    assert_eq!(Money::new(0, cur("BHD")).format_amount(), "0.000");
    assert_eq!(
        Money::new(1_234_567, cur("JPY")).to_string(),
        "1,234,567 JPY"
    );
    assert_eq!(
        Money::new(i64::MIN, cur("USD")).format_amount(),
        "-92,233,720,368,547,758.08"
    );
}

#[test]
fn rounding_is_named_and_differs_only_at_halves() {
    let usd = cur("USD");
    let d = |s: &str| Decimal::from_str(s).unwrap();
    assert_eq!(
        Money::from_decimal(d("0.125"), usd, Rounding::HalfUp)
            .unwrap()
            .minor,
        13
    );
    assert_eq!(
        Money::from_decimal(d("0.125"), usd, Rounding::HalfEven)
            .unwrap()
            .minor,
        12
    );
    assert_eq!(
        Money::from_decimal(d("0.135"), usd, Rounding::HalfEven)
            .unwrap()
            .minor,
        14
    );
    assert_eq!(
        Money::from_decimal(d("-0.125"), usd, Rounding::HalfUp)
            .unwrap()
            .minor,
        -13
    );
    assert_eq!(
        Money::from_decimal(d("0.1249999"), usd, Rounding::HalfUp)
            .unwrap()
            .minor,
        12
    );
    assert_eq!(
        Money::from_decimal(d("2.5"), cur("JPY"), Rounding::HalfEven)
            .unwrap()
            .minor,
        2
    );
}

#[test]
fn arithmetic_refuses_mixed_currencies_and_overflow() {
    let a = Money::new(100, cur("USD"));
    assert_eq!(a.checked_add(a).unwrap().minor, 200);
    assert!(a.checked_add(Money::new(1, cur("EUR"))).is_err());
    assert!(Money::new(i64::MAX, cur("USD"))
        .checked_add(Money::new(1, cur("USD")))
        .is_err());
}

#[test]
fn serializes_as_minor_units_and_code() {
    let json = serde_json::to_string(&Money::new(-250, cur("EUR"))).unwrap();
    assert_eq!(json, r#"{"minor":-250,"currency":"EUR"}"#);
    assert!(serde_json::from_str::<Money>(r#"{"minor":1,"currency":"ZZZ"}"#).is_err());
}

fn any_currency() -> impl Strategy<Value = Currency> {
    prop_oneof![
        Just(cur("JPY")),
        Just(cur("USD")),
        Just(cur("EUR")),
        Just(cur("BHD")),
        Just(cur("CLF"))
    ]
}

proptest! {
    #[test]
    fn format_then_parse_is_identity(minor in any::<i64>(), c in any_currency()) {
        let m = Money::new(minor, c);
        prop_assert_eq!(Money::parse(&m.format_amount(), c).unwrap(), m);
    }

    #[test]
    fn exact_decimals_convert_without_rounding(minor in any::<i64>(), c in any_currency()) {
        let m = Money::new(minor, c);
        prop_assert_eq!(Money::from_decimal(m.to_decimal(), c, Rounding::HalfUp).unwrap(), m);
        prop_assert_eq!(Money::from_decimal(m.to_decimal(), c, Rounding::HalfEven).unwrap(), m);
    }

    #[test]
    fn rounding_error_is_at_most_half_a_minor_unit(
        units in -1_000_000_000_000i64..1_000_000_000_000, scale in 0u32..10, c in any_currency(),
    ) {
        let amount = Decimal::new(units, scale);
        let half = Decimal::new(5, c.exponent() + 1);
        let up = Money::from_decimal(amount, c, Rounding::HalfUp).unwrap();
        let even = Money::from_decimal(amount, c, Rounding::HalfEven).unwrap();
        prop_assert!((up.to_decimal() - amount).abs() <= half);
        prop_assert!((even.to_decimal() - amount).abs() <= half);
        // The two modes may only disagree on an exact half.
        if up != even {
            prop_assert_eq!((up.to_decimal() - amount).abs(), half);
        }
    }

    #[test]
    fn more_decimals_than_the_currency_are_refused(int in 0u32..1_000_000, extra in 1u32..4, c in any_currency()) {
        let decimals = "1".repeat((c.exponent() + extra) as usize);
        let text = format!("{int}.{decimals}");
        prop_assert!(Money::parse(&text, c).is_err());
    }

    #[test]
    fn addition_is_exact_and_commutative(a in -(1i64 << 60)..(1i64 << 60), b in -(1i64 << 60)..(1i64 << 60)) {
        let usd = cur("USD");
        let (x, y) = (Money::new(a, usd), Money::new(b, usd));
        prop_assert_eq!(x.checked_add(y).unwrap(), y.checked_add(x).unwrap());
        prop_assert_eq!(x.checked_add(y).unwrap().checked_sub(y).unwrap(), x);
    }
}

mod fuzz {
    //! Money parsing takes any text: a value or an error, never a panic; a
    //! value formats back to text that parses to itself.
    use partnerbook_book::money::rate::{parse_fx, parse_percent};
    use partnerbook_book::money::{Currency, Money};
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(
            std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(512)
        ))]

        #[test]
        fn any_text_parses_or_is_refused(
            text in prop_oneof![any::<String>(), "[-+ ]?[0-9 ,.'’]{0,30}", "[0-9]{1,30}(\\.[0-9]{0,30})?%?"],
            code in "(USD|EUR|JPY|KWD|CHF|BHD)",
        ) {
            let currency = Currency::from_code(&code).unwrap();
            if let Ok(m) = Money::parse(&text, currency) {
                prop_assert_eq!(Money::parse(&m.format_amount(), currency).ok(), Some(m));
            }
            let _ = parse_percent(&text, "rate");
            let _ = parse_fx(&text, "rate");
        }
    }
}
