//! The vocabularies that follow or precede a number: units, currencies, hedges, months.

use super::figure::Kind;

/// A unit word and what it makes of the number before it.
pub struct UnitName {
    pub kind: Kind,
    pub unit: &'static str,
}

/// Reads a unit word (already lower-cased, or as written for case-sensitive symbols).
pub fn unit_word(word: &str, lower: &str) -> Option<UnitName> {
    crate::lexicon::unit(word, lower).map(|(kind, unit)| UnitName { kind, unit })
}

/// A unit's dimension and its size in that dimension's base unit, so that `three days` and
/// `72 hours`, or `5 km` and `5,000 metres`, are compared as the same quantity.
pub fn in_base_unit(unit: &str) -> Option<(&'static str, f64)> {
    let (dimension, factor) = match unit {
        "s" => ("time", 1.0),
        "min" => ("time", 60.0),
        "h" => ("time", 3_600.0),
        "day" => ("time", 86_400.0),
        "week" => ("time", 604_800.0),
        "month" => ("time", 2_629_800.0),
        "year" => ("time", 31_557_600.0),
        "decade" => ("time", 315_576_000.0),
        "century" => ("time", 3_155_760_000.0),
        "mm" => ("length", 0.001),
        "cm" => ("length", 0.01),
        "m" => ("length", 1.0),
        "km" => ("length", 1_000.0),
        "in" => ("length", 0.0254),
        "ft" => ("length", 0.3048),
        "yd" => ("length", 0.9144),
        "mi" => ("length", 1_609.344),
        "nmi" => ("length", 1_852.0),
        "m²" => ("area", 1.0),
        "sq ft" => ("area", 0.092_903),
        "km²" => ("area", 1_000_000.0),
        "sq mi" => ("area", 2_589_988.0),
        "ha" => ("area", 10_000.0),
        "acre" => ("area", 4_046.86),
        "mg" => ("mass", 0.000_001),
        "g" => ("mass", 0.001),
        "kg" => ("mass", 1.0),
        "lb" => ("mass", 0.453_592),
        "oz" => ("mass", 0.028_349_5),
        "tons" => ("mass", 1_000.0),
        "short tons" => ("mass", 907.185),
        "long tons" => ("mass", 1_016.05),
        "ml" => ("volume", 0.001),
        "l" => ("volume", 1.0),
        "hl" => ("volume", 100.0),
        "gal" => ("volume", 3.785_41),
        _ => return None,
    };
    Some((dimension, factor))
}

/// A currency written before the number: `$`, `€`, `US$`, `USD`, `CHF`.
pub fn currency_prefix(token: &str) -> Option<&'static str> {
    Some(match token {
        "$" | "US$" | "USD" => "USD",
        "€" | "EUR" => "EUR",
        "£" | "GBP" => "GBP",
        "¥" | "JPY" => "JPY",
        "CNY" | "RMB" => "CNY",
        "₹" | "INR" | "Rs" => "INR",
        "₽" => "RUB",
        "฿" => "THB",
        "CHF" => "CHF",
        "CAD" | "C$" => "CAD",
        "AUD" | "A$" => "AUD",
        "MYR" | "RM" => "MYR",
        "QAR" => "QAR",
        "EGP" => "EGP",
        "MXN" => "MXN",
        _ => return None,
    })
}

/// A currency symbol written after the number: `7€`, `10$`.
pub fn currency_suffix_symbol(token: &str) -> Option<&'static str> {
    Some(match token {
        "$" => "USD",
        "€" => "EUR",
        "£" => "GBP",
        "¥" => "JPY",
        _ => return None,
    })
}
