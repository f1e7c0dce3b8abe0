//! Whether a draft's figure agrees with a reference fact, hedges and rounding considered.
//!
//! Each side is read as the interval of true values it allows: `84,000` stated to the thousand
//! allows 83,500 to 84,500; `over 200` allows a little more than 200 (not any number above it,
//! or `over 94,000` would agree with `over 84,000`); `nearly 200` a little less; `about` a little
//! either way. Two figures agree when their intervals meet.

use crate::extract::units::in_base_unit;
use crate::extract::POINTS;
use crate::extract::{Hedge, Kind};

/// How far `over` and `nearly` reach, as a share of the value.
const HEDGE_REACH: f64 = 0.10;

/// How far `about` reaches either way, as a share of the value (or half its rounding step).
const ABOUT_REACH: f64 = 0.05;

/// How far below its value `up to` and `under` reach, as a share of the value.
const FLOOR: f64 = 0.5;

/// A value as a claim about the true number.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Claim {
    pub value: f64,
    pub high: Option<f64>,
    pub step: f64,
    pub hedge: Option<Hedge>,
}

impl Claim {
    /// The same claim in a unit `factor` times smaller: `3 days` as hours, `a fifth` as percent.
    pub fn scaled(self, factor: f64) -> Claim {
        Claim { value: self.value * factor, high: self.high.map(|h| h * factor), step: self.step * factor, ..self }
    }

    /// The smallest and largest true values the claim allows.
    pub fn interval(&self) -> (f64, f64) {
        let step = precision(self.value, self.step);
        let (low, high) = (self.value, self.high.unwrap_or(self.value));
        // `nearly 30` is just under 30: its zeros bound it, they do not widen it as they widen
        // an unhedged `30` or `about 30`.
        let reach = (HEDGE_REACH * high.abs()).max(self.step).max(step / 4.0);
        let rounding = step / 2.0;
        let written = self.step / 2.0;
        let about = (ABOUT_REACH * high.abs()).max(rounding);
        match self.hedge {
            None | Some(Hedge::Exactly) => (low - rounding, high + rounding),
            Some(Hedge::About) => (low - about, high + about),
            Some(Hedge::Over) => (high, high + reach + written),
            Some(Hedge::AtLeast) => (high - written, high + reach + written),
            Some(Hedge::Nearly) => (low - reach - written, low),
            // `up to £1bn` allows less, but not a thousandth of it.
            Some(Hedge::Under) => (FLOOR * low, low),
            Some(Hedge::UpTo) | Some(Hedge::AtMost) => (FLOOR * low, high + rounding),
        }
    }
}

/// The step a written value distinguishes, counting trailing zeros as rounding: `84,000` is
/// stated to the thousand, `84,312` to the unit.
pub fn precision(value: f64, step: f64) -> f64 {
    let mut implied = step.max(f64::MIN_POSITIVE);
    if step >= 1.0 && value.abs() >= 10.0 && value.fract() == 0.0 {
        let mut v = value.abs() as u64;
        let mut unit = 1u64;
        while v >= 10 && v.is_multiple_of(10) {
            v /= 10;
            unit *= 10;
        }
        implied = implied.max(unit as f64);
    }
    implied
}

/// Whether two claims can both be true.
pub fn agree(draft: &Claim, fact: &Claim) -> bool {
    let (a_low, a_high) = draft.interval();
    let (b_low, b_high) = fact.interval();
    // Intervals that only touch do not agree: `3` (2.5 to 3.5) is not `2` (1.5 to 2.5).
    a_low < b_high && b_low < a_high
}

/// Whether a draft figure of `draft` kind and a fact of `fact` kind measure the same sort of
/// thing, so their values can be compared.
pub fn comparable(draft: Kind, draft_unit: Option<&str>, fact: Kind, fact_unit: Option<&str>) -> bool {
    use Kind::*;
    match (draft, fact) {
        (Year, Year) | (Date, Date) | (Year, Date) | (Date, Year) | (Time, Time) => true,
        (Number, Number) | (Fraction, Fraction) | (Percent, Percent) | (PercentagePoints, PercentagePoints) => true,
        // `one in five` and `21.1%` state one share; `3%` where the source says `3 percentage
        // points` is the same measure misstated, which a reader should hear about.
        (Fraction, Percent) | (Percent, Fraction) | (Percent, PercentagePoints) | (PercentagePoints, Percent) => true,
        (Rate, Rate) => draft_unit == fact_unit,
        // `2.2 in 2023` after `106 per 100,000` is a rate the sentence left implicit.
        (Rate, Number) | (Number, Rate) => true,
        (Money, Money) => draft_unit == fact_unit,
        (Quantity, Quantity) => draft_unit == fact_unit || same_dimension(draft_unit, fact_unit),
        // `3.3 points worse` restates `3.3 percentage points`; `3 points` is no `3%`.
        (Quantity, PercentagePoints) | (Quantity, Percent) => draft_unit == Some(POINTS),
        (PercentagePoints, Quantity) | (Percent, Quantity) => fact_unit == Some(POINTS),
        _ => false,
    }
}

fn same_dimension(a: Option<&str>, b: Option<&str>) -> bool {
    let dimension = |u: Option<&str>| u.and_then(in_base_unit).map(|(d, _)| d);
    dimension(a).is_some_and(|d| Some(d) == dimension(b))
}

/// The factors that bring a draft's and a fact's values to one unit: a quantity to its base
/// unit, a fraction to percent when the other side is a percent.
pub fn common_scale(draft: (Kind, Option<&str>), fact: (Kind, Option<&str>)) -> (f64, f64) {
    let base = |u: Option<&str>| u.and_then(in_base_unit).map_or(1.0, |(_, f)| f);
    match (draft.0, fact.0) {
        (Kind::Quantity, Kind::Quantity) if draft.1 != fact.1 => (base(draft.1), base(fact.1)),
        (Kind::Fraction, Kind::Percent) => (100.0, 1.0),
        (Kind::Percent, Kind::Fraction) => (1.0, 100.0),
        _ => (1.0, 1.0),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn claim(value: f64, step: f64, hedge: Option<Hedge>) -> Claim {
        Claim { value, high: None, step, hedge }
    }

    #[test]
    fn hedges_agree_as_a_fact_checker_reads_them() {
        let over_200 = claim(200.0, 1.0, Some(Hedge::Over));
        assert!(agree(&over_200, &claim(200.0, 1.0, Some(Hedge::Over))));
        assert!(agree(&over_200, &claim(210.0, 1.0, None)));
        assert!(!agree(&over_200, &claim(200.0, 1.0, Some(Hedge::Nearly))));
        assert!(!agree(&claim(94_000.0, 1.0, Some(Hedge::Over)), &claim(84_000.0, 1.0, Some(Hedge::Over))));
        assert!(!agree(&claim(3_000.0, 1.0, Some(Hedge::AtLeast)), &claim(300.0, 1.0, Some(Hedge::Over))));
        assert!(!agree(&claim(20.0, 1.0, None), &claim(200.0, 1.0, Some(Hedge::Over))));
        assert!(agree(&claim(15.0, 1.0, None), &claim(20.0, 1.0, Some(Hedge::UpTo))));
    }

    #[test]
    fn rounded_drafts_agree_with_precise_sources() {
        assert!(agree(&claim(84_000.0, 1000.0, Some(Hedge::About)), &claim(84_312.0, 1.0, None)));
        assert!(agree(&claim(84_000.0, 1.0, None), &claim(84_312.0, 1.0, None)), "84,000 is stated to the thousand");
        assert!(!agree(&claim(84_500.0, 1.0, None), &claim(84_312.0, 1.0, None)));
        assert!(agree(&claim(84_000.0, 1000.0, None), &claim(84_000.0, 1.0, Some(Hedge::Over))));
        assert!(!agree(&claim(2.7, 0.1, Some(Hedge::About)), &claim(1.7, 0.1, Some(Hedge::About))));
        assert!(agree(&claim(1.7, 0.1, Some(Hedge::About)), &claim(1.7, 0.1, Some(Hedge::About))));
        assert!(!agree(&claim(3.0, 1.0, None), &claim(2.0, 1.0, None)));
        assert!(!agree(&claim(2019.0, 1.0, None), &claim(2022.0, 1.0, None)));
    }

    #[test]
    fn trailing_zeros_are_rounding() {
        assert_eq!(precision(84_000.0, 1.0), 1000.0);
        assert_eq!(precision(2022.0, 1.0), 1.0);
        assert_eq!(precision(1.7, 0.1), 0.1);
        assert_eq!(precision(300.0, 1.0), 100.0);
    }
}
