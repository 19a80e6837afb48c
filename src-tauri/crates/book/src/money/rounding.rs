//! The named rounding modes a program can choose. Every place money is
//! rounded says which mode it uses; there is no implicit rounding.

use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Rounding {
    /// Commercial rounding: halves go away from zero (2.5 → 3, -2.5 → -3).
    #[default]
    HalfUp,
    /// Banker's rounding: halves go to the even neighbour (2.5 → 2, 3.5 → 4).
    HalfEven,
}

impl Rounding {
    pub fn round_to_integer(self, value: Decimal) -> Decimal {
        let strategy = match self {
            Rounding::HalfUp => RoundingStrategy::MidpointAwayFromZero,
            Rounding::HalfEven => RoundingStrategy::MidpointNearestEven,
        };
        value.round_dp_with_strategy(0, strategy)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Rounding::HalfUp => "half_up",
            Rounding::HalfEven => "half_even",
        }
    }

    pub fn parse(text: &str) -> Option<Rounding> {
        match text.trim().to_ascii_lowercase().replace('-', "_").as_str() {
            "half_up" => Some(Rounding::HalfUp),
            "half_even" => Some(Rounding::HalfEven),
            _ => None,
        }
    }
}
