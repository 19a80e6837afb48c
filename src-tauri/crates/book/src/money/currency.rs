//! ISO 4217 currencies with their minor-unit exponent (JPY 0, USD 2, BHD 3),
//! taken from the maintained `iso_currency` table rather than copied by hand.

use crate::error::{BookError, ErrorExt, Result};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use ts_rs::TS;

#[derive(Clone, Copy, PartialEq, Eq, Hash, TS)]
#[ts(export, type = "string")]
pub struct Currency {
    code: [u8; 3],
    exponent: u8,
}

impl Currency {
    /// Looks a code up ("usd" and "USD" both work). Codes without a minor
    /// unit in ISO 4217 (gold, SDR…) are refused: they are not payable money.
    pub fn from_code(code: &str) -> Result<Currency> {
        let upper = code.trim().to_ascii_uppercase();
        let unknown = || {
            BookError::invalid(
                "currency",
                format!("\"{code}\" is not an ISO 4217 currency code"),
            )
        };
        let iso = iso_currency::Currency::from_code(&upper).ok_or_else(unknown)?;
        let exponent = iso.exponent().ok_or_else(|| {
            BookError::invalid(
                "currency",
                format!("{upper} has no minor unit and cannot be used for payouts"),
            )
        })?;
        let bytes = upper.as_bytes();
        Ok(Currency {
            code: [bytes[0], bytes[1], bytes[2]],
            exponent: exponent as u8,
        })
    }

    pub fn code(&self) -> &str {
        // Only ever built from a validated ASCII code.
        std::str::from_utf8(&self.code).unwrap_or("???")
    }

    /// Number of decimal digits of the minor unit.
    pub fn exponent(&self) -> u32 {
        u32::from(self.exponent)
    }
}

impl std::fmt::Display for Currency {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

impl std::fmt::Debug for Currency {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

impl std::str::FromStr for Currency {
    type Err = BookError;
    fn from_str(s: &str) -> Result<Self> {
        Currency::from_code(s)
    }
}

impl Serialize for Currency {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.serialize_str(self.code())
    }
}

impl<'de> Deserialize<'de> for Currency {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        let code = String::deserialize(d)?;
        Currency::from_code(&code).map_err(serde::de::Error::custom)
    }
}

impl rusqlite::types::FromSql for Currency {
    fn column_result(value: rusqlite::types::ValueRef<'_>) -> rusqlite::types::FromSqlResult<Self> {
        let code = value.as_str()?;
        Currency::from_code(code).map_err(|e| rusqlite::types::FromSqlError::Other(Box::new(e)))
    }
}

impl rusqlite::ToSql for Currency {
    fn to_sql(&self) -> rusqlite::Result<rusqlite::types::ToSqlOutput<'_>> {
        Ok(rusqlite::types::ToSqlOutput::from(self.code()))
    }
}
