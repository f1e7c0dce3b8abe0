//! A figure as read from prose: its value, kind, unit, hedge and the step its writing states.

use std::ops::Range;

use serde::{Deserialize, Serialize};

/// What a figure measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Hash)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    Number,
    Percent,
    PercentagePoints,
    Money,
    Quantity,
    /// A rate such as `106 per 100,000`.
    Rate,
    /// A proportion: `two-thirds`, `one in five`, `half`.
    Fraction,
    Ordinal,
    Year,
    Date,
    Time,
}

impl Kind {
    /// The name used in reports and JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Number => "number",
            Kind::Percent => "percent",
            Kind::PercentagePoints => "percentage-points",
            Kind::Money => "money",
            Kind::Quantity => "quantity",
            Kind::Rate => "rate",
            Kind::Fraction => "fraction",
            Kind::Ordinal => "ordinal",
            Kind::Year => "year",
            Kind::Date => "date",
            Kind::Time => "time",
        }
    }

    /// Years, dates and times: checked for conflicts, but needing no note of their own.
    pub fn is_date(self) -> bool {
        matches!(self, Kind::Year | Kind::Date | Kind::Time)
    }

    /// Whether a figure of this kind is a claim at all (an ordinal is a position, not a claim).
    pub fn is_claim(self) -> bool {
        self != Kind::Ordinal
    }
}

impl Figure {
    /// A lone `one` (`one group says`, `one official`): a figure, but rarely a claim a note or a
    /// source should carry.
    pub fn is_lone_one(&self) -> bool {
        self.in_words && self.value == 1.0 && self.unit.is_none() && self.kind == Kind::Number && self.high.is_none()
    }
}

/// How a figure qualifies its value: `over 200`, `nearly 200`, `about 1.7%`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Hash)]
#[serde(rename_all = "kebab-case")]
pub enum Hedge {
    /// `over`, `more than`, `above`.
    Over,
    /// `at least`, `no fewer than`.
    #[serde(rename = "at least")]
    AtLeast,
    /// `nearly`, `almost`, `close to`.
    Nearly,
    /// `about`, `roughly`, `around`, `some`.
    About,
    /// `up to`, `as many as`.
    #[serde(rename = "up to")]
    UpTo,
    /// `fewer than`, `less than`, `under`.
    Under,
    /// `at most`, `no more than`.
    #[serde(rename = "at most")]
    AtMost,
    /// `exactly`.
    Exactly,
}

impl Hedge {
    pub fn as_str(self) -> &'static str {
        match self {
            Hedge::Over => "over",
            Hedge::AtLeast => "at least",
            Hedge::Nearly => "nearly",
            Hedge::About => "about",
            Hedge::UpTo => "up to",
            Hedge::Under => "under",
            Hedge::AtMost => "at most",
            Hedge::Exactly => "exactly",
        }
    }
}

/// A numeric claim found in prose.
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    /// Byte range of the number with its currency and unit (the hedge is not included).
    pub range: Range<usize>,
    pub value: f64,
    /// The upper end of a range (`10 to 12`).
    pub high: Option<f64>,
    pub kind: Kind,
    /// The unit: `tons`, `USD`, `per 100,000`, `%`.
    pub unit: Option<String>,
    pub hedge: Option<Hedge>,
    /// The smallest step the written value distinguishes: 0.1 for `1.7`, 1000 for `84k`.
    pub step: f64,
    /// Whether the number is written in words.
    pub in_words: bool,
    /// A span of time that frames a claim rather than making one: `the first seven months`.
    pub period: bool,
}

/// The unit of a score or a rate's change stated in points: `8 points`, `3.3 points worse`.
pub const POINTS: &str = "points";

/// The unit of a person's age.
pub const AGE: &str = "years old";

/// `value` written with `decimals` decimals and its thousands grouped by commas: `84,000`,
/// `-1,234.5`. The one way stet writes a number in digits.
pub fn with_commas(value: f64, decimals: usize) -> String {
    let text = format!("{value:.decimals$}");
    let (int, frac) = text.split_once('.').map_or((text.as_str(), None), |(i, f)| (i, Some(f)));
    let (sign, int) = int.strip_prefix('-').map_or(("", int), |i| ("-", i));
    let mut grouped = String::from(sign);
    for (k, c) in int.chars().enumerate() {
        if k > 0 && (int.len() - k) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(c);
    }
    match frac {
        Some(f) => format!("{grouped}.{f}"),
        None => grouped,
    }
}
