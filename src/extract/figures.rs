//! Finding figures in prose: numbers with their value, unit or kind, scale, hedge and span.
//!
//! The text is cut into tokens (digit runs, words, single punctuation marks) and read left to
//! right; at each token the readers for dates, times, numerals and numbers in words are tried in
//! that order. A reader either finds a figure, decides the token is part of a name or code and
//! skips it (`MS-13`, `Barrio 18`, `G7`), or passes.

mod dates;
mod not_claims;
mod number_words;
mod numerals;
mod tokens;
mod trailing;

use std::ops::Range;

use self::tokens::{parse_literal, tokenize, Literal, Step, Tok, T};
use self::trailing::attached_unit;
use super::figure::{with_commas, Figure, Hedge, Kind, AGE, POINTS};
use super::units::{self, currency_prefix, currency_suffix_symbol, unit_word};
use super::words::{self, denominator, Cardinal};
use crate::lexicon::{is_function_word, month, ordinal as ordinal_word, scale as scale_word, scale_suffix};

/// Words after `2m` that make it metres.
const MEASURING: &[&str] =
    &["tall", "high", "long", "deep", "wide", "away", "above", "below", "across", "thick", "in", "of", "from"];

/// How finely a fraction in words is stated: `half` means a share near 0.5, not 0.25 to 0.75.
const FRACTION_STEP: f64 = 0.06;

/// Finds the figures of `text[range]`.
pub fn extract_figures(text: &str, range: Range<usize>) -> Vec<Figure> {
    let Some(slice) = text.get(range.clone()) else { return Vec::new() };
    let toks = tokenize(slice, range.start);
    let scanner = Scanner { text, toks };
    scanner.scan()
}

/// A number as read, before what follows it: its first and last tokens, its value, the step
/// its writing distinguishes and whether it is written in words.
#[derive(Clone, Copy)]
struct Number {
    first: usize,
    last: usize,
    value: f64,
    step: f64,
    in_words: bool,
}

impl Number {
    fn new(first: usize, last: usize, value: f64, step: f64, in_words: bool) -> Self {
        Number { first, last, value, step, in_words }
    }
}

struct Scanner<'a> {
    text: &'a str,
    toks: Vec<Tok>,
}

impl Scanner<'_> {
    fn scan(&self) -> Vec<Figure> {
        let mut out: Vec<Figure> = Vec::new();
        let mut i = 0;
        while i < self.toks.len() {
            if let Some(next) = self.not_a_claim(i) {
                i = next.max(i + 1);
                continue;
            }
            let step =
                self.date(i).or_else(|| self.time(i)).or_else(|| self.numeral(i)).or_else(|| self.word_number(i));
            match step {
                Some(Step::Found(figure, next)) => {
                    match out.last_mut() {
                        Some(last) if self.continues_duration(last, &figure) => join_durations(last, &figure),
                        _ => out.push(figure),
                    }
                    i = next.max(i + 1);
                }
                Some(Step::Skip(next)) => i = next.max(i + 1),
                None => i += 1,
            }
        }
        out
    }

    /// `two hours, eight minutes and 31 seconds`: one duration written in parts, each smaller.
    fn continues_duration(&self, last: &Figure, next: &Figure) -> bool {
        // Hours, minutes and seconds make one time as a clock shows it; `3 months and 2 days`
        // stays two spans.
        let seconds = |f: &Figure| {
            (f.kind == Kind::Quantity && f.high.is_none() && matches!(f.unit.as_deref(), Some("h" | "min" | "s")))
                .then(|| f.unit.as_deref().and_then(units::in_base_unit))
                .flatten()
                .map(|(_, factor)| factor)
        };
        // A joined duration counts seconds; its step is the size of its smallest part so far.
        let smallest =
            |f: &Figure| seconds(f).map(|factor| if f.unit.as_deref() == Some("s") { f.step } else { factor });
        let (Some(a), Some(b)) = (smallest(last), seconds(next)) else { return false };
        let between = self.text.get(last.range.end..next.range.start).unwrap_or("x");
        b < a && matches!(between.trim(), "," | "and" | ", and") && next.hedge.is_none()
    }

    // ---- token helpers -------------------------------------------------------------------

    fn s(&self, i: usize) -> &str {
        self.toks.get(i).and_then(|t| self.text.get(t.start..t.end)).unwrap_or("")
    }

    fn lower(&self, i: usize) -> std::borrow::Cow<'_, str> {
        crate::text::lower(self.s(i))
    }

    fn is(&self, i: usize, t: T) -> bool {
        self.toks.get(i).is_some_and(|tok| tok.t == t)
    }

    fn is_word(&self, i: usize, word: &str) -> bool {
        self.is(i, T::Word) && self.s(i).eq_ignore_ascii_case(word)
    }

    /// Whether token `b` follows token `a` with nothing between.
    fn adjacent(&self, a: usize, b: usize) -> bool {
        match (self.toks.get(a), self.toks.get(b)) {
            (Some(x), Some(y)) => x.end == y.start,
            _ => false,
        }
    }

    /// Whether token `b` follows token `a` with at most a little white space between.
    fn near(&self, a: usize, b: usize) -> bool {
        match (self.toks.get(a), self.toks.get(b)) {
            (Some(x), Some(y)) if x.end <= y.start => {
                let gap = self.text.get(x.end..y.start).unwrap_or("x");
                gap.len() <= 3 && gap.chars().all(char::is_whitespace) && gap.matches('\n').count() <= 1
            }
            _ => false,
        }
    }

    fn starts_upper(&self, i: usize) -> bool {
        self.s(i).chars().next().is_some_and(char::is_uppercase)
    }

    fn span(&self, first: usize, last: usize) -> Range<usize> {
        let start = self.toks.get(first).map_or(0, |t| t.start);
        let end = self.toks.get(last).map_or(start, |t| t.end);
        start..end.max(start)
    }

    fn plain_int(&self, i: usize) -> Option<(u32, usize)> {
        if !self.is(i, T::Num) {
            return None;
        }
        let s = self.s(i);
        if !s.bytes().all(|b| b.is_ascii_digit()) || s.len() > 4 {
            return None;
        }
        Some((s.parse().ok()?, s.len()))
    }

    // ---- dates and times -----------------------------------------------------------------

    // ---- numerals ------------------------------------------------------------------------

    // ---- numbers in words ----------------------------------------------------------------

    /// Reads the unit, rate or range after a number ending at token `last`, and the hedge before.
    fn finish(&self, number: Number, currency: Option<&'static str>, may_be_year: bool) -> Step {
        let Number { first, last, value, step, in_words } = number;
        let mut figure = Figure {
            range: self.span(first, last),
            value,
            high: None,
            kind: if currency.is_some() { Kind::Money } else { Kind::Number },
            unit: currency.map(str::to_string),
            hedge: self.hedge_before(first),
            step,
            in_words,
            period: false,
        };
        let mut end = last;
        if currency.is_none() {
            if let Some((kind, unit, unit_end)) = self.unit_after(last) {
                figure.kind = kind;
                figure.unit = Some(unit);
                end = unit_end;
                // 75 USD million
                if let Some(scale) =
                    scale_word(&self.lower(end + 1)).filter(|_| kind == Kind::Money && self.near(end, end + 1))
                {
                    figure.value *= scale;
                    figure.step *= scale;
                    end += 1;
                }
            } else if let Some((v, ratio_end)) = self.ratio_after(last, value) {
                figure.kind = Kind::Fraction;
                figure.value = v;
                figure.step = step / value.max(1.0) * v;
                end = ratio_end;
            } else if let Some((v, over_end)) = self.over_ratio(first, last, value, figure.hedge) {
                figure.kind = Kind::Fraction;
                figure.value = v;
                figure.step = FRACTION_STEP * v.abs();
                end = over_end;
            }
        }
        // Cents follow whole amounts, not `£1.2bn`.
        if figure.kind == Kind::Money && figure.step <= 1.0 {
            // 3 dollars 50 cents, thirteen dollars and forty-five cents
            if let Some((cents, cents_end)) = self.cents_after(end) {
                figure.value += cents;
                figure.step = 0.01;
                end = cents_end;
            }
        }
        if let Some((low, high, range_end)) = self.range_after(first, end, &figure) {
            figure.value = low;
            figure.high = Some(high);
            end = range_end;
            if figure.unit.is_none() {
                if let Some((kind, unit, unit_end)) = self.unit_after(end) {
                    figure.kind = kind;
                    figure.unit = Some(unit);
                    end = unit_end;
                }
            }
        }
        if figure.kind == Kind::Number && self.is_age(first, end, &figure) {
            figure.unit = Some(AGE.into());
            figure.kind = Kind::Quantity;
        }
        let reads_as_year = may_be_year
            && figure.kind == Kind::Number
            && (1000.0..=2100.0).contains(&value)
            && figure.high.is_none_or(|h| h > value)
            && !self.counts_something(first, end);
        if reads_as_year {
            figure.kind = Kind::Year;
        }
        let span_of_time = figure.kind == Kind::Quantity
            && matches!(figure.unit.as_deref(), Some("day" | "week" | "month" | "year" | "decade" | "h"));
        // `five years earlier`, `three decades ago`: when, not how long.
        let relative = span_of_time && matches!(&*self.lower(end + 1), "earlier" | "later" | "ago" | "previously");
        figure.period = relative
            || span_of_time
                && first.checked_sub(1).is_some_and(|p| {
                    matches!(
                        &*self.lower(p),
                        "first" | "last" | "past" | "next" | "previous" | "final" | "coming" | "recent"
                    )
                });
        // `a rise over two years`: `over` a span of time says across it, not more than it.
        if span_of_time
            && figure.hedge == Some(Hedge::Over)
            && self.hedge_start(first) + 1 == first
            && self.is_word(first - 1, "over")
        {
            figure.hedge = None;
            figure.period = true;
        }
        figure.range = self.span(first, end);
        Step::Found(figure, end + 1)
    }

    /// `aged 30`, `Sam Ortiz, 31, said`: a whole number that gives a person's age.
    fn is_age(&self, first: usize, end: usize, figure: &Figure) -> bool {
        if figure.hedge.is_some()
            || figure.high.is_some()
            || figure.value.fract() != 0.0
            || !(1.0..=120.0).contains(&figure.value)
        {
            return false;
        }
        // `60 or older`, `65 and over`: an age as a threshold.
        let threshold = matches!(&*self.lower(end + 1), "or" | "and")
            && matches!(&*self.lower(end + 2), "older" | "over" | "above" | "younger" | "under");
        let Some(prev) = first.checked_sub(1) else { return threshold };
        if self.is_word(prev, "aged") || threshold {
            return true;
        }
        let named_before = prev.checked_sub(1).is_some_and(|p| self.is(p, T::Word) && self.starts_upper(p));
        self.s(prev) == "," && named_before && self.s(end + 1) == "," && !self.is_word(end + 2, "and")
    }

    /// Whether a four-digit number counts the noun after it (`2000 people`) rather than naming a
    /// year (`in 2000`, `2000 was`).
    fn counts_something(&self, first: usize, end: usize) -> bool {
        let before = first.checked_sub(1).map(|p| self.lower(p)).unwrap_or_default();
        let temporal = matches!(
            &*before,
            "in" | "since"
                | "by"
                | "from"
                | "until"
                | "till"
                | "to"
                | "during"
                | "before"
                | "after"
                | "between"
                | "of"
                | "and"
                | "year"
                | "early"
                | "late"
                | "mid"
                | "circa"
                | "fiscal"
                | "fy"
                | "through"
                | "or"
        );
        if temporal || !self.near(end, end + 1) || !self.is(end + 1, T::Word) {
            return false;
        }
        let next = self.s(end + 1);
        let lower = next.to_lowercase();
        let count_noun =
            matches!(lower.as_str(), "people" | "men" | "women" | "children" | "police" | "staff" | "personnel")
                || (lower.ends_with('s')
                    && lower.len() > 3
                    && !lower.ends_with("ss")
                    && !matches!(
                        lower.as_str(),
                        "was"
                            | "has"
                            | "does"
                            | "this"
                            | "its"
                            | "his"
                            | "plus"
                            | "thus"
                            | "versus"
                            | "whereas"
                            | "unless"
                            | "across"
                    ));
        next == lower && count_noun
    }

    fn found_simple(&self, number: Number, kind: Kind) -> Step {
        let Number { first, last, value, step, in_words } = number;
        // half a million and two thirds of a million read as counts, not as fractions
        if kind == Kind::Fraction {
            let k = if self.is_word(last + 1, "a") {
                last + 2
            } else if self.is_word(last + 1, "of") && self.is_word(last + 2, "a") && self.near(last, last + 1) {
                last + 3
            } else {
                last + 1
            };
            let next = self.lower(k);
            if let Some(scale) = scale_word(&next).filter(|s| *s >= 1e3 && !next.ends_with('s') && self.near(k - 1, k))
            {
                return self.finish(
                    Number::new(first, k, value * scale, scale * step.max(0.01), in_words),
                    None,
                    false,
                );
            }
        }
        // a quarter of a percentage point, half a percentage point
        if kind == Kind::Fraction {
            let k = last + 1 + usize::from(self.is_word(last + 1, "of"));
            let k = k + usize::from(self.is_word(k, "a"));
            if self.is_word(k, "percentage") && (self.is_word(k + 1, "point") || self.is_word(k + 1, "points")) {
                let mut f = self.plain_figure(first, k + 1, value, Kind::PercentagePoints, 0.05);
                f.unit = Some("percentage points".into());
                f.in_words = in_words;
                f.hedge = self.hedge_before(first);
                return Step::Found(f, k + 2);
            }
        }
        let mut f = self.plain_figure(first, last, value, kind, step);
        f.in_words = in_words;
        if kind != Kind::Ordinal {
            f.hedge = self.hedge_before(first);
        }
        Step::Found(f, last + 1)
    }

    fn plain_figure(&self, first: usize, last: usize, value: f64, kind: Kind, step: f64) -> Figure {
        Figure {
            range: self.span(first, last),
            value,
            high: None,
            kind,
            unit: None,
            hedge: None,
            step,
            in_words: false,
            period: false,
        }
    }
}

/// Adds the part `next` to the duration `last`, which becomes a count of seconds.
fn join_durations(last: &mut Figure, next: &Figure) {
    let seconds = |f: &Figure| f.unit.as_deref().and_then(units::in_base_unit).map_or(1.0, |(_, factor)| factor);
    let step = next.step * seconds(next);
    last.value = last.value * seconds(last) + next.value * seconds(next);
    last.step = step;
    last.unit = Some("s".into());
    last.range = last.range.start..next.range.end;
}
