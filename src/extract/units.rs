//! The vocabularies that follow or precede a number: units, currencies, hedges, months.

use super::figure::{Hedge, Kind};

/// A unit word and what it makes of the number before it.
pub struct UnitName {
    pub kind: Kind,
    pub unit: &'static str,
}

/// Reads a unit word (already lower-cased, or as written for case-sensitive symbols).
pub fn unit_word(word: &str, lower: &str) -> Option<UnitName> {
    use Kind::{Money, Quantity};
    let (kind, unit) = match word {
        "USD" | "US$" => (Money, "USD"),
        "EUR" => (Money, "EUR"),
        "GBP" => (Money, "GBP"),
        "JPY" => (Money, "JPY"),
        "CNY" | "RMB" => (Money, "CNY"),
        "CHF" => (Money, "CHF"),
        "CAD" => (Money, "CAD"),
        "AUD" => (Money, "AUD"),
        "INR" => (Money, "INR"),
        "MXN" => (Money, "MXN"),
        "MYR" => (Money, "MYR"),
        "QAR" => (Money, "QAR"),
        "EGP" => (Money, "EGP"),
        "BTC" => (Money, "BTC"),
        "C" => (Quantity, "°C"),
        "F" => (Quantity, "°F"),
        "K" => (Quantity, "K"),
        _ => match lower {
            "dollar" | "dollars" | "bucks" => (Money, "USD"),
            "euro" | "euros" => (Money, "EUR"),
            "sterling" => (Money, "GBP"),
            "yen" => (Money, "JPY"),
            "yuan" | "renminbi" => (Money, "CNY"),
            "rupee" | "rupees" => (Money, "INR"),
            "peso" | "pesos" => (Money, "peso"),
            "franc" | "francs" => (Money, "franc"),
            "rial" | "rials" | "riyal" | "riyals" => (Money, "rial"),
            "dinar" | "dinars" => (Money, "dinar"),
            "ringgit" | "ringgits" => (Money, "MYR"),
            "colón" | "colones" | "colon" => (Money, "colón"),
            "cent" | "cents" => (Money, "cent"),
            "pence" | "penny" | "p" => (Money, "pence"),
            "bitcoin" | "bitcoins" => (Money, "BTC"),
            "ton" | "tons" | "tonne" | "tonnes" | "t" => (Quantity, "tons"),
            "kg" | "kgs" | "kilogram" | "kilograms" | "kilogramme" | "kilogrammes" | "kilo" | "kilos" => {
                (Quantity, "kg")
            }
            "g" | "gram" | "grams" | "gramme" | "grammes" | "gr" => (Quantity, "g"),
            "mg" | "milligram" | "milligrams" => (Quantity, "mg"),
            "lb" | "lbs" | "pound" | "pounds" => (Quantity, "lb"),
            "oz" | "ounce" | "ounces" => (Quantity, "oz"),
            "km" | "kms" | "kilometre" | "kilometres" | "kilometer" | "kilometers" => (Quantity, "km"),
            "m" | "metre" | "metres" | "meter" | "meters" => (Quantity, "m"),
            "cm" | "centimetre" | "centimetres" | "centimeter" | "centimeters" => (Quantity, "cm"),
            "mm" | "millimetre" | "millimetres" | "millimeter" | "millimeters" => (Quantity, "mm"),
            "mi" | "mile" | "miles" => (Quantity, "mi"),
            "ft" | "foot" | "feet" => (Quantity, "ft"),
            "inch" | "inches" => (Quantity, "in"),
            "yard" | "yards" | "yd" | "yds" => (Quantity, "yd"),
            "nm" | "nautical" => (Quantity, "nmi"),
            "ha" | "hectare" | "hectares" => (Quantity, "ha"),
            "acre" | "acres" => (Quantity, "acre"),
            "l" | "litre" | "litres" | "liter" | "liters" => (Quantity, "l"),
            "ml" | "millilitre" | "millilitres" | "milliliter" | "milliliters" => (Quantity, "ml"),
            "hectolitre" | "hectolitres" | "hl" => (Quantity, "hl"),
            "gallon" | "gallons" | "gal" => (Quantity, "gal"),
            "barrel" | "barrels" | "bbl" => (Quantity, "barrel"),
            "cup" | "cups" => (Quantity, "cup"),
            "degree" | "degrees" | "deg" | "°" => (Quantity, "°"),
            "celsius" | "°c" => (Quantity, "°C"),
            "fahrenheit" | "°f" => (Quantity, "°F"),
            "kelvin" => (Quantity, "K"),
            "mph" => (Quantity, "mph"),
            "kph" | "kmh" => (Quantity, "km/h"),
            "knot" | "knots" => (Quantity, "kn"),
            "kw" | "kilowatt" | "kilowatts" => (Quantity, "kW"),
            "mw" | "megawatt" | "megawatts" => (Quantity, "MW"),
            "gw" | "gigawatt" | "gigawatts" => (Quantity, "GW"),
            "kwh" | "mwh" | "gwh" | "twh" => (Quantity, "Wh"),
            "second" | "seconds" | "sec" | "secs" => (Quantity, "s"),
            "minute" | "minutes" | "min" | "mins" => (Quantity, "min"),
            "hour" | "hours" | "hr" | "hrs" | "h" => (Quantity, "h"),
            "day" | "days" => (Quantity, "day"),
            "week" | "weeks" => (Quantity, "week"),
            "month" | "months" => (Quantity, "month"),
            "year" | "years" | "yr" | "yrs" => (Quantity, "year"),
            "decade" | "decades" => (Quantity, "decade"),
            "century" | "centuries" => (Quantity, "century"),
            "bit" | "bits" | "byte" | "bytes" | "kb" | "mb" | "gb" | "tb" => (Quantity, "byte"),
            "ppm" => (Quantity, "ppm"),
            "ppb" => (Quantity, "ppb"),
            _ => return None,
        },
    };
    Some(UnitName { kind, unit })
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

/// Hedge phrases, longest first, as word sequences.
pub const HEDGES: &[(&[&str], Hedge)] = &[
    (&["no", "fewer", "than"], Hedge::AtLeast),
    (&["no", "less", "than"], Hedge::AtLeast),
    (&["no", "more", "than"], Hedge::AtMost),
    (&["in", "excess", "of"], Hedge::Over),
    (&["a", "minimum", "of"], Hedge::AtLeast),
    (&["a", "maximum", "of"], Hedge::AtMost),
    (&["as", "many", "as"], Hedge::UpTo),
    (&["as", "much", "as"], Hedge::UpTo),
    (&["more", "than"], Hedge::Over),
    (&["greater", "than"], Hedge::Over),
    (&["higher", "than"], Hedge::Over),
    (&["upwards", "of"], Hedge::Over),
    (&["just", "over"], Hedge::Over),
    (&["well", "over"], Hedge::Over),
    (&["at", "least"], Hedge::AtLeast),
    (&["at", "most"], Hedge::AtMost),
    (&["close", "to"], Hedge::Nearly),
    (&["just", "under"], Hedge::Nearly),
    (&["just", "shy", "of"], Hedge::Nearly),
    (&["an", "estimated"], Hedge::About),
    (&["some"], Hedge::About),
    (&["up", "to"], Hedge::UpTo),
    (&["fewer", "than"], Hedge::Under),
    (&["less", "than"], Hedge::Under),
    (&["lower", "than"], Hedge::Under),
    (&["over"], Hedge::Over),
    (&["above"], Hedge::Over),
    (&["exceeding"], Hedge::Over),
    (&["nearly"], Hedge::Nearly),
    (&["almost"], Hedge::Nearly),
    (&["about"], Hedge::About),
    (&["roughly"], Hedge::About),
    (&["around"], Hedge::About),
    (&["approximately"], Hedge::About),
    (&["approx"], Hedge::About),
    (&["circa"], Hedge::About),
    (&["estimated"], Hedge::About),
    (&["under"], Hedge::Under),
    (&["below"], Hedge::Under),
    (&["exactly"], Hedge::Exactly),
    (&["precisely"], Hedge::Exactly),
];

/// The month number of a month name or abbreviation (lower-cased, without a full stop).
pub fn month(lower: &str) -> Option<u32> {
    Some(match lower {
        "january" | "jan" => 1,
        "february" | "feb" => 2,
        "march" | "mar" => 3,
        "april" | "apr" => 4,
        "may" => 5,
        "june" | "jun" => 6,
        "july" | "jul" => 7,
        "august" | "aug" => 8,
        "september" | "sep" | "sept" => 9,
        "october" | "oct" => 10,
        "november" | "nov" => 11,
        "december" | "dec" => 12,
        _ => return None,
    })
}

/// Words that may stand capitalised before a number without naming something (`In 2022`,
/// `Over 84,000`), as opposed to the names in `Barrio 18` or `Article 29`.
pub fn is_function_word(lower: &str) -> bool {
    matches!(
        lower,
        "a" | "about"
            | "above"
            | "after"
            | "all"
            | "almost"
            | "also"
            | "among"
            | "an"
            | "and"
            | "another"
            | "approximately"
            | "around"
            | "as"
            | "at"
            | "before"
            | "below"
            | "between"
            | "but"
            | "by"
            | "circa"
            | "during"
            | "each"
            | "early"
            | "every"
            | "exactly"
            | "fewer"
            | "first"
            | "for"
            | "from"
            | "in"
            | "into"
            | "just"
            | "last"
            | "late"
            | "least"
            | "less"
            | "mid"
            | "more"
            | "most"
            | "nearly"
            | "next"
            | "of"
            | "on"
            | "only"
            | "or"
            | "over"
            | "past"
            | "per"
            | "roughly"
            | "since"
            | "some"
            | "than"
            | "that"
            | "the"
            | "these"
            | "those"
            | "through"
            | "to"
            | "top"
            | "under"
            | "until"
            | "up"
            | "with"
            | "within"
            | "while"
            | "when"
            | "where"
            | "whereas"
            | "nearby"
            | "total"
            | "estimated"
            | "then"
            | "today"
            | "yesterday"
            | "now"
            | "still"
            | "even"
    )
}
