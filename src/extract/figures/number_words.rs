//! Reading numbers written in words: cardinals (`eighty-four thousand`), fractions (`two-thirds`,
//! `a quarter`), decimals in words and ordinals.

use super::*;

impl Scanner<'_> {
    pub(super) fn word_number(&self, i: usize) -> Option<Step> {
        self.read_word_number(i, false)
    }

    /// Reads a number in words at `i`; `nested` when reading the ordinal after `one` in `one one
    /// hundred fifth`, which reads no further ordinal of its own (so `one one one ...` is linear).
    pub(super) fn read_word_number(&self, i: usize, nested: bool) -> Option<Step> {
        if !self.is(i, T::Word) {
            return None;
        }
        let first = self.lower(i);
        let mut j = i;
        let mut negative = false;
        if matches!(&*first, "negative" | "minus") && self.near(i, i + 1) && self.is(i + 1, T::Word) {
            negative = true;
            j += 1;
        }
        let word = self.lower(j);
        // The scale after `a`: `a million`, `a hundred thousand`.
        let mut a_scale = None;
        // a dozen, a million, a half, a third
        if matches!(&*word, "a" | "an") && self.near(j, j + 1) {
            let next = self.lower(j + 1);
            if next == "dozen" {
                return Some(self.finish(Number::new(i, j + 1, 12.0, 12.0, true), None, false));
            }
            if let Some(scale) = scale_word(&next).filter(|_| !next.ends_with('s')) {
                a_scale = Some(scale);
            } else {
                return self.a_part(i, j, &next);
            }
        }
        if a_scale.is_none() {
            if word == "quarter" && scale_word(&self.lower(i + 1)).is_some_and(|s| s >= 1e3) && self.near(i, i + 1) {
                return Some(self.found_simple(Number::new(i, i, 0.25, 0.25, true), Kind::Fraction));
            }
            if word == "half" {
                let after_ordinal = i > 0 && (ordinal_word(&self.lower(i - 1)).is_some() || self.is_word(i - 1, "the"));
                if after_ordinal || self.s(i + 1) == "-" {
                    return None;
                }
                if self.is_word(i + 1, "a") && self.is_word(i + 2, "dozen") && self.near(i + 1, i + 2) {
                    return Some(self.finish(Number::new(i, i + 2, 6.0, 6.0, true), None, false));
                }
                return Some(self.found_simple(Number::new(i, i, 0.5, FRACTION_STEP, true), Kind::Fraction));
            }
            if let Some(v) = ordinal_word(&word) {
                return self.ordinal(i, j, v);
            }
        }
        let (mut value, mut last, mut step, mut split) = if let Some(scale) = a_scale {
            let (cardinal, last) = self.read_cardinal(Cardinal::default(), j + 1, scale);
            (cardinal.value(), last, scale, cardinal.and_split())
        } else {
            // A count starts with a number word: `million` alone is no figure, nor is `millions`.
            let mut cardinal = Cardinal::default();
            if scale_word(&word).is_some() || !cardinal.push(&word) {
                return None;
            }
            let (cardinal, mut last) = self.read_cardinal(cardinal, j, 1.0);
            let mut value = cardinal.value();
            let mut split = cardinal.and_split();
            // seventy-five thousands
            if matches!(&*self.lower(last + 1), "thousands" | "hundreds") && self.near(last, last + 1) && last > j {
                value *= scale_word(self.lower(last + 1).trim_end_matches('s')).unwrap_or(1.0);
                last += 1;
                split = None;
            }
            (value, last, self.word_step(j, last), split)
        };

        // one point five, two hundred point seventy-one
        if self.is_word(last + 1, "point") && self.near(last, last + 1) {
            if let Some((fraction, end)) = self.decimal_words(last + 2) {
                value += fraction;
                step = self.step_of_decimal(fraction);
                last = end;
                split = None;
            }
        }
        // three dozen; three hundred and two dozen counts the dozens after `and` only
        if words::is_dozen(&self.lower(last + 1)) && self.near(last, last + 1) {
            value = match split {
                Some((head, part, _)) => head + part * 12.0,
                None => value * 12.0,
            };
            last += 1;
            split = None;
        }
        // twenty-fifth, one hundred twenty fifth
        let k = if matches!(self.s(last + 1), "-" | "–") { last + 2 } else { last + 1 };
        if self.near(k - 1, k) || self.adjacent(k - 1, k) {
            let next = self.lower(k);
            if let Some(o) = ordinal_word(&next).filter(|o| *o < 10.0 && value >= 20.0 && value % 10.0 == 0.0) {
                return Some(self.found_simple(Number::new(i, k, value + o, 1.0, true), Kind::Ordinal));
            }
            // one thousand two hundred thirtieth, six hundred twelfth, one hundredth
            if k == last + 1 && value >= 100.0 && value % 100.0 == 0.0 {
                if let Some(o) = ordinal_word(&next).filter(|o| *o < 100.0) {
                    return Some(self.found_simple(Number::new(i, k, value + o, 1.0, true), Kind::Ordinal));
                }
            }
            // three hundredth, a hundred trillionth: a count of a scale's ordinal
            if k == last + 1 && value >= 1.0 {
                if let Some(o) = ordinal_word(&next).filter(|o| *o >= 100.0 && value < *o) {
                    return Some(self.found_simple(Number::new(i, k, value * o, 1.0, true), Kind::Ordinal));
                }
            }
            // A compound that ends in an ordinal: `seven ... ninety-eighth`.
            if k == last + 2 && value >= 20.0 {
                if let Some(o) = ordinal_word(&next).filter(|o| *o < 10.0) {
                    return Some(self.found_simple(Number::new(i, k, value + o, 1.0, true), Kind::Ordinal));
                }
            }
        }
        // one hundred and fifth
        if self.is_word(last + 1, "and") && self.near(last, last + 1) && self.near(last + 1, last + 2) {
            if let Some(o) = ordinal_word(&self.lower(last + 2)).filter(|o| *o < 100.0) {
                if value >= 100.0 && value % 100.0 == 0.0 && split.is_none() {
                    return Some(self.found_simple(Number::new(i, last + 2, value + o, 1.0, true), Kind::Ordinal));
                }
            }
        }
        let sign = if negative { -1.0 } else { 1.0 };
        // two-thirds, three quarters, one twenty-fifth
        if let Some((mut d, plural, end)) = self.denominator_at(last) {
            // one hundred and three quarters, six million and two thirds: a whole and a fraction,
            // which is less than one (`one hundred and thirty-two fifths` is 132 fifths)
            if let Some((head, part, scale)) = split.filter(|(_, part, _)| *part < d) {
                if plural || part == 1.0 {
                    let of_scale = if scale >= 1e6 { scale } else { 1.0 };
                    let (whole, end) = self.fraction_then_scale(head, part / d, end, of_scale);
                    let step = (of_scale / d).min(step);
                    return Some(self.finish(Number::new(i, end, sign * whole, step, true), None, false));
                }
            } else {
                let mut numerator = value;
                // one hundred thirty-fifths: the tens belong to the denominator
                if let Some(t) =
                    crate::lexicon::tens(&self.lower(last)).filter(|t| d < 10.0 && value > *t && split.is_none())
                {
                    numerator = value - t;
                    d += t;
                }
                if plural || numerator == 1.0 {
                    let v = numerator / d;
                    return Some(self.found_simple(Number::new(i, end, sign * v, FRACTION_STEP, true), Kind::Fraction));
                }
            }
        }
        // one one hundred fifth: one part of as many as the ordinal after it counts
        if !nested && value == 1.0 && last == j && word == "one" && self.near(j, j + 1) && self.is(j + 1, T::Word) {
            if let Some(Step::Found(f, next)) = self.read_word_number(j + 1, true) {
                if f.kind == Kind::Ordinal && f.value > 2.0 && f.range.start == self.span(j + 1, j + 1).start {
                    let last = next.saturating_sub(1);
                    return Some(
                        self.found_simple(Number::new(i, last, sign / f.value, FRACTION_STEP, true), Kind::Fraction),
                    );
                }
            }
        }
        // one and a half, twenty and three fifths, a million and a half
        if self.is_word(last + 1, "and") && self.near(last, last + 1) {
            if let Some((part, end)) = self.fraction_part(last + 2) {
                let of_scale = scale_word(&self.lower(last)).filter(|s| *s >= 1e6).unwrap_or(1.0);
                let (whole, end) = self.fraction_then_scale(value, part, end, of_scale);
                step = step.min(part);
                value = whole;
                last = end;
            }
        }
        if value == 1.0 && last == j && self.lone_one(j) {
            return Some(Step::Skip(j + 1));
        }
        Some(self.finish(Number::new(i, last, sign * value, step, true), None, false))
    }

    /// What `a` or `an` starts when no scale follows: `a half`, `a third`, `a twenty-fifth`, or
    /// `an hour` as the first part of a duration.
    pub(super) fn a_part(&self, i: usize, j: usize, next: &str) -> Option<Step> {
        // `an hour, 31 minutes and 7 seconds`: `an hour` as the first part of a duration.
        let in_duration =
            matches!(self.s(j + 2), "," | "and") && (self.is(j + 3, T::Num) || self.small_number_at(j + 3).is_some());
        if let Some(u) = unit_word(self.s(j + 1), next).filter(|u| u.kind == Kind::Quantity && in_duration) {
            if units::in_base_unit(u.unit).is_some_and(|(d, _)| d == "time") {
                let mut f = self.plain_figure(i, j + 1, 1.0, Kind::Quantity, 1.0);
                f.unit = Some(u.unit.into());
                f.in_words = true;
                return Some(Step::Found(f, j + 2));
            }
        }
        // `in less than a quarter`, `the first quarter`: a quarter of a year, not a share.
        let before = self.hedge_start(i).checked_sub(1).map(|p| self.lower(p)).unwrap_or_default();
        let calendar = next == "quarter"
            && !self.is_word(j + 2, "of")
            && matches!(&*before, "in" | "within" | "per" | "each" | "every" | "last" | "next" | "this");
        if let Some(d) = denominator(next).filter(|_| !next.ends_with('s') && next != "second" && !calendar) {
            return Some(self.found_simple(Number::new(i, j + 1, 1.0 / d, FRACTION_STEP, true), Kind::Fraction));
        }
        // `a twenty-fifth of the vote`, but `a twenty-first-century port` and `a twenty-fifth
        // anniversary` name a position.
        if crate::lexicon::tens(next).is_some() {
            if let Some((d, false, end)) = self.denominator_at(j) {
                let closes = self.is_word(end + 1, "of") || (!self.is(end + 1, T::Word) && self.s(end + 1) != "-");
                if end == j + 3 && closes {
                    return Some(self.found_simple(Number::new(i, end, 1.0 / d, FRACTION_STEP, true), Kind::Fraction));
                }
            }
        }
        None
    }

    /// A whole and a fraction read after it, with the scale that may follow (`five and a half
    /// million`, `one billion and a half million`) or the scale the fraction is of (`of_scale`:
    /// `a million and a half`). Returns the value and the last token.
    pub(super) fn fraction_then_scale(&self, whole: f64, part: f64, end: usize, of_scale: f64) -> (f64, usize) {
        let next = self.lower(end + 1);
        match scale_word(&next).filter(|s| *s >= 1e3 && !next.ends_with('s') && self.near(end, end + 1)) {
            Some(s) if whole < s => ((whole + part) * s, end + 1),
            Some(s) => (whole + part * s, end + 1),
            None => (whole + part * of_scale, end),
        }
    }

    /// `five`, `seven one`, `seventy-one` after `point`: the decimal fraction and its last token.
    pub(super) fn decimal_words(&self, k: usize) -> Option<(f64, usize)> {
        let mut digits = String::new();
        let mut end = k;
        while let Some(d) = crate::lexicon::cardinal(&self.lower(end)).filter(|d| *d < 10.0) {
            digits.push(char::from(b'0' + d as u8));
            end += 1;
        }
        if digits.len() == 1 || (digits.is_empty() && self.is(k, T::Word)) {
            let mut c = Cardinal::default();
            if c.push(&self.lower(k)) {
                let (v, last) = self.continue_cardinal(c, k, 1.0);
                digits = format!("{}", v as u64);
                end = last + 1;
            }
        }
        if digits.is_empty() {
            return None;
        }
        Some((format!("0.{digits}").parse().ok()?, end - 1))
    }

    pub(super) fn step_of_decimal(&self, fraction: f64) -> f64 {
        let text = format!("{fraction}");
        let places = text.split_once('.').map_or(0, |(_, f)| f.len());
        10f64.powi(-(places as i32))
    }

    /// A fraction word after token `last`: `thirds`, `quarter`, `twenty-fifths`. Returns the
    /// denominator, whether it is plural, and its last token.
    pub(super) fn denominator_at(&self, last: usize) -> Option<(f64, bool, usize)> {
        let mut k = last + 1;
        if matches!(self.s(k), "-" | "–") {
            k += 1;
        }
        if !(self.near(k - 1, k) || self.adjacent(k - 1, k)) || !self.is(k, T::Word) {
            return None;
        }
        let word = self.lower(k);
        let ordinal_of = |w: &str| -> Option<(f64, bool)> {
            if w == "second" || w == "seconds" || w == "first" {
                return None;
            }
            if let Some(d) = denominator(w) {
                return Some((d, w.ends_with('s')));
            }
            let base = w.strip_suffix('s').unwrap_or(w);
            ordinal_word(base).map(|d| (d, base.len() < w.len()))
        };
        if let Some(t) = crate::lexicon::tens(&word) {
            if matches!(self.s(k + 1), "-") && self.adjacent(k, k + 1) {
                // `twenty-first` is a part as `twenty-fifth` is, where `first` alone is not.
                let unit = self.lower(k + 2);
                let first = matches!(&*unit, "first" | "firsts").then(|| (1.0, unit.ends_with('s')));
                let (o, plural) = first.or_else(|| ordinal_of(&unit)).filter(|(o, _)| *o < 10.0)?;
                return Some((t + o, plural, k + 2));
            }
            // `nine forty fifths`: a plural makes the two words one denominator.
            if self.near(k, k + 1) {
                let (o, plural) = ordinal_of(&self.lower(k + 1)).filter(|(o, p)| *o < 10.0 && *p)?;
                return Some((t + o, plural, k + 1));
            }
            return None;
        }
        let (d, plural) = ordinal_of(&word)?;
        Some((d, plural, k))
    }

    /// `a half`, `three fifths` after `and`: the value and its last token.
    pub(super) fn fraction_part(&self, k: usize) -> Option<(f64, usize)> {
        let word = self.lower(k);
        let (n, last) = if matches!(&*word, "a" | "an") {
            (1.0, k)
        } else {
            let mut c = Cardinal::default();
            if !c.push(&word) {
                return None;
            }
            self.continue_cardinal(c, k, 1.0)
        };
        let (d, plural, end) = self.denominator_at(last)?;
        (plural || n == 1.0).then_some((n / d, end))
    }

    /// Reads on after a started cardinal: more number words, hyphens, `and` after a scale.
    pub(super) fn continue_cardinal(&self, cardinal: Cardinal, at: usize, scale: f64) -> (f64, usize) {
        let (cardinal, last) = self.read_cardinal(cardinal, at, scale);
        (cardinal.value(), last)
    }

    /// `continue_cardinal`, keeping what was read. Digits join only after a scale and before
    /// another (`4 thousand 3 hundred`) or after `and` (`3 hundred and 21`).
    pub(super) fn read_cardinal(&self, mut cardinal: Cardinal, at: usize, scale: f64) -> (Cardinal, usize) {
        if scale > 1.0 {
            let probe = self.lower(at);
            cardinal = Cardinal::starting_at(1.0);
            cardinal.push(&probe);
        }
        let mut last = at;
        loop {
            let mut k = last + 1;
            if self.s(k) == "-"
                && (self.adjacent(last, k) || self.single_space(last, k))
                && (self.adjacent(k, k + 1) || self.single_space(k, k + 1))
            {
                k += 1;
            } else if !self.near(last, k) {
                break;
            }
            if self.is_word(k, "and") && cardinal.ends_in_scale() && self.near(k, k + 1) {
                // `two million and three million` is two numbers, not 2,000,003 and a scale.
                // (`two hundred and three thousand` is one: `hundred` is inside the group.)
                let part_end = self.cardinal_part_end(k + 1);
                let next_scale = scale_word(&self.lower(part_end + 1));
                let two_numbers = cardinal.last_scale().zip(next_scale).is_some_and(|(before, next)| {
                    if before == 100.0 {
                        next == 100.0
                    } else {
                        next >= before
                    }
                });
                if two_numbers {
                    break;
                }
                let mut trial = cardinal;
                trial.mark_and();
                let joined = match self.digits_part(k + 1) {
                    Some(n) => trial.push_digits(n),
                    None => trial.push(&self.lower(k + 1)),
                };
                if joined {
                    cardinal = trial;
                    last = k + 1;
                    continue;
                }
                break;
            }
            if let Some(n) = self.digits_part(k) {
                // Digits go on a number only with a scale after them: `4 thousand 3 hundred`.
                let mut trial = cardinal;
                if k == last + 1
                    && self.near(k, k + 1)
                    && trial.push_digits(n)
                    && self.is(k + 1, T::Word)
                    && trial.push(&self.lower(k + 1))
                {
                    cardinal = trial;
                    last = k + 1;
                    continue;
                }
                break;
            }
            if !self.is(k, T::Word) || !cardinal.push(&self.lower(k)) {
                break;
            }
            last = k;
        }
        (cardinal, last)
    }

    /// A whole number of at most three plain digits at token `k`, as a part of a compound.
    pub(super) fn digits_part(&self, k: usize) -> Option<f64> {
        self.plain_int(k).filter(|(_, len)| *len <= 3).map(|(n, _)| f64::from(n))
    }

    /// The last token of the part after `and` at `k`: `three`, `twenty-one`, `21`.
    pub(super) fn cardinal_part_end(&self, k: usize) -> usize {
        if self.s(k + 1) == "-" && self.adjacent(k, k + 1) && self.adjacent(k + 1, k + 2) {
            k + 2
        } else {
            k
        }
    }

    /// The step of a number in words: the scale of its last word (`eighty-four thousand` -> 1000).
    pub(super) fn word_step(&self, _first: usize, last: usize) -> f64 {
        scale_word(&self.lower(last)).unwrap_or(1.0)
    }

    /// `one` that is a pronoun rather than a count: `one of the`, `no one`, `one another`.
    pub(super) fn lone_one(&self, j: usize) -> bool {
        let next = self.lower(j + 1);
        let prev = j.checked_sub(1).map(|p| self.lower(p)).unwrap_or_default();
        let after_ordinal = j > 0 && ordinal_word(&prev).is_some();
        after_ordinal
            || matches!(
                &*next,
                "of" | "another"
                    | "way"
                    | "thing"
                    | "day"
                    | "side"
                    | "who"
                    | "that"
                    | "which"
                    | "moment"
                    | "cannot"
                    | "can"
                    | "could"
                    | "must"
                    | "should"
                    | "would"
                    | "will"
                    | "may"
                    | "might"
                    | "does"
                    | "one"
            )
            || matches!(
                &*prev,
                "no" | "any"
                    | "every"
                    | "each"
                    | "the"
                    | "this"
                    | "that"
                    | "which"
                    | "someone"
                    | "another"
                    | "one"
            )
            // `the next one`, `the last one`, but `the last one hour` counts an hour.
            || (matches!(&*prev, "next" | "last" | "previous" | "current" | "latest" | "right" | "wrong" | "other")
                && unit_word(self.s(j + 1), &next).is_none())
            // `the last but one`
            || (prev == "but" && j.checked_sub(2).is_some_and(|p| self.is_word(p, "last")))
    }

    pub(super) fn ordinal(&self, i: usize, j: usize, v: f64) -> Option<Step> {
        let word = self.lower(j);
        // `a second`, `per second`, `seconds` are time, not position.
        if word == "second" && j > 0 && matches!(&*self.lower(j - 1), "a" | "per" | "one" | "each" | "every") {
            return None;
        }
        // `second to last` counts from the end: no position a number states.
        if self.is_word(j + 1, "to") && self.is_word(j + 2, "last") {
            return Some(Step::Skip(j + 3));
        }
        Some(self.found_simple(Number::new(i, j, v, 1.0, true), Kind::Ordinal))
    }
}
