//! What follows a number and what comes before it: its unit, rate or area, cents, a ratio, a
//! range's upper end, and the hedge (`over`, `nearly`, `about`) before it.

use super::*;

impl Scanner<'_> {
    /// A unit after token `last`: `%`, `percent`, `percentage points`, `per 100,000`, `tons`.
    pub(super) fn unit_after(&self, last: usize) -> Option<(Kind, String, usize)> {
        let k = last + 1;
        let glued = self.adjacent(last, k);
        if !glued && !self.near(last, k) {
            return None;
        }
        let s = self.s(k);
        let lower = s.to_lowercase();
        if s == "%" {
            return Some((Kind::Percent, "%".into(), k));
        }
        if glued {
            if let Some(c) = currency_suffix_symbol(s) {
                return Some((Kind::Money, c.into(), k));
            }
        }
        if s == "°" {
            let unit = match self.s(k + 1) {
                "C" if self.adjacent(k, k + 1) => Some(("°C", k + 1)),
                "F" if self.adjacent(k, k + 1) => Some(("°F", k + 1)),
                _ => None,
            };
            let (u, end) = unit.unwrap_or(("°", k));
            return Some((Kind::Quantity, u.into(), end));
        }
        // 0.7 of a percentage point
        if lower == "of"
            && self.is_word(k + 1, "a")
            && self.is_word(k + 2, "percentage")
            && (self.is_word(k + 3, "point") || self.is_word(k + 3, "points"))
        {
            return Some((Kind::PercentagePoints, "percentage points".into(), k + 3));
        }
        // two-percent, 2-per-cent
        if s == "-" && glued && self.adjacent(k, k + 1) && self.is_word(k + 1, "percent") {
            return Some((Kind::Percent, "%".into(), k + 1));
        }
        match lower.as_str() {
            "percent" | "pct" | "percentage" if self.is_word(k + 1, "points") || self.is_word(k + 1, "point") => {
                return Some((Kind::PercentagePoints, "percentage points".into(), k + 1));
            }
            "percent" | "pct" => return Some((Kind::Percent, "%".into(), k)),
            "per" if self.is_word(k + 1, "cent") => return Some((Kind::Percent, "%".into(), k + 1)),
            "per" => return self.rate_after(k),
            "pp" | "ppt" | "ppts" => return Some((Kind::PercentagePoints, "percentage points".into(), k)),
            "point" | "points" | "pts" => return Some((Kind::Quantity, POINTS.into(), k)),
            _ => {}
        }
        // `2.2 homicides per 100,000`: a rate whose noun stands before `per`.
        if self.is(k, T::Word)
            && lower.chars().all(char::is_lowercase)
            && self.is_word(k + 1, "per")
            && self.near(k, k + 1)
            && self.is(k + 2, T::Num)
        {
            return self.rate_after(k + 1);
        }
        // `**36.8bn** — tonnes`: a unit after a dash that sets a figure off, as lists do.
        if (matches!(s, "—" | "–") && !glued || s == ":" && glued) && self.near(k, k + 1) {
            if let Some(u) = attached_unit(self.s(k + 1)).filter(|_| self.s(k + 1).chars().count() > 2) {
                return Some((u.kind, u.unit.into(), k + 1));
            }
            if matches!(&*self.lower(k + 1), "points" | "point") {
                return Some((Kind::Quantity, POINTS.into(), k + 1));
            }
        }
        // 5.6 million square miles, 45 m², 120 sq km: areas
        if let Some(area) = self.area_after(k, &lower, glued) {
            return Some(area);
        }
        // 40.6bn short tons, 3 metric tons
        if matches!(lower.as_str(), "short" | "metric" | "long") && self.near(k, k + 1) {
            if let Some(u) = attached_unit(self.s(k + 1)).filter(|u| u.unit == "tons") {
                // A short ton is 907 kg and a long ton 1,016: not the metric ton.
                let unit = match lower.as_str() {
                    "short" => "short tons",
                    "long" => "long tons",
                    _ => u.unit,
                };
                return Some((u.kind, unit.into(), k + 1));
            }
        }
        // 11-ton, 30-year
        let (k, s, lower) = if s == "-" && glued && self.adjacent(k, k + 1) && self.is(k + 1, T::Word) {
            (k + 1, self.s(k + 1), self.lower(k + 1).into_owned())
        } else {
            (k, s, lower)
        };
        if let Some(u) = attached_unit(s) {
            // Single letters are units only against the digits.
            if lower.chars().count() == 1 && !self.adjacent(k - 1, k) && !matches!(s, "C" | "F") {
                return None;
            }
            if lower == "p" && !self.adjacent(k - 1, k) {
                return None;
            }
            // `a 31-year-old`, `31 years old`: an age, not a span of time.
            if u.unit == "year" {
                let old_at = if self.s(k + 1) == "-" && self.adjacent(k, k + 1) { k + 2 } else { k + 1 };
                if self.is_word(old_at, "old") && (self.adjacent(old_at - 1, old_at) || self.near(old_at - 1, old_at)) {
                    return Some((Kind::Quantity, AGE.into(), old_at));
                }
            }
            // `per` after a time unit makes a rate: `3 tons per day` stays tons.
            return Some((u.kind, u.unit.into(), k));
        }
        None
    }

    /// An area after a number: `square miles`, `sq km`, `m²`, `km2`.
    pub(super) fn area_after(&self, k: usize, lower: &str, glued: bool) -> Option<(Kind, String, usize)> {
        let linear = |w: &str| match w {
            "mile" | "miles" | "mi" => Some("sq mi"),
            "kilometre" | "kilometres" | "kilometer" | "kilometers" | "km" => Some("km²"),
            "metre" | "metres" | "meter" | "meters" | "m" => Some("m²"),
            "foot" | "feet" | "ft" => Some("sq ft"),
            _ => None,
        };
        if matches!(lower, "square" | "sq") && self.near(k, k + 1) {
            let at = if self.s(k + 1) == "." { k + 2 } else { k + 1 };
            return linear(&self.lower(at)).map(|unit| (Kind::Quantity, unit.to_string(), at));
        }
        let squared = matches!(self.s(k + 1), "²" | "2") && self.adjacent(k, k + 1);
        let unit = linear(lower).filter(|_| squared && (glued || self.near(k - 1, k)) && lower.len() <= 2)?;
        Some((Kind::Quantity, unit.to_string(), k + 1))
    }

    /// The cents after an amount in a major currency: `50 cents`, `and 15`, `forty-five`.
    pub(super) fn cents_after(&self, end: usize) -> Option<(f64, usize)> {
        let mut k = end + 1;
        if self.is_word(k, "and") && self.near(end, k) {
            k += 1;
        }
        if !self.near(k - 1, k) {
            return None;
        }
        let (cents, last) = if let Some((n, len)) = self.plain_int(k) {
            (f64::from(n), if len > 2 { return None } else { k })
        } else {
            let mut c = Cardinal::default();
            if !self.is(k, T::Word) || !c.push(&self.lower(k)) {
                return None;
            }
            self.continue_cardinal(c, k, 1.0)
        };
        if !(1.0..100.0).contains(&cents) {
            return None;
        }
        let unit_follows = matches!(&*self.lower(last + 1), "cent" | "cents" | "pence" | "p");
        // `£1.2bn five-year plan`: a hyphen joins the number to what follows, it ends no price.
        let bare_ok =
            (self.is(last + 1, T::Punct) && !matches!(self.s(last + 1), "-" | "–")) || last + 1 >= self.toks.len();
        if unit_follows && self.near(last, last + 1) {
            Some((cents / 100.0, last + 1))
        } else if bare_ok {
            Some((cents / 100.0, last))
        } else {
            None
        }
    }

    /// `per 100,000`, `per capita`, `per million`, `per day` after the `per` at `k`.
    pub(super) fn rate_after(&self, k: usize) -> Option<(Kind, String, usize)> {
        let n = k + 1;
        if !self.near(k, n) {
            return None;
        }
        if self.is(n, T::Num) {
            let lit = parse_literal(self.s(n))?;
            let mut base = lit.value;
            let mut end = n;
            if self.is(n + 1, T::Word) && self.adjacent(n, n + 1) {
                if let Some(s) = scale_suffix(self.s(n + 1)) {
                    base *= s;
                    end = n + 1;
                }
            } else if let Some(s) = scale_word(&self.lower(n + 1)).filter(|_| self.near(n, n + 1)) {
                base *= s;
                end = n + 1;
            }
            return Some((Kind::Rate, format!("per {}", with_commas(base, 0)), end));
        }
        let word = self.lower(n);
        if let Some(s) = scale_word(&word) {
            return Some((Kind::Rate, format!("per {}", with_commas(s, 0)), n));
        }
        if word == "capita" || word == "head" || word == "person" {
            return Some((Kind::Rate, "per capita".into(), n));
        }
        let unit = unit_word(self.s(n), &word)?;
        Some((Kind::Rate, format!("per {}", unit.unit), n))
    }

    /// `one in five`, `1 in 4`, `three out of ten`, `two out of five hundred`.
    pub(super) fn ratio_after(&self, last: usize, value: f64) -> Option<(f64, usize)> {
        let k = last + 1;
        let next = if self.is_word(k, "in") {
            k + 1
        } else if self.is_word(k, "out") && self.is_word(k + 1, "of") {
            k + 2
        } else {
            return None;
        };
        let (whole, end) = self.whole_in_words(next).or_else(|| Some((self.small_number_at(next)?, next)))?;
        (value >= 1.0 && whole > value && whole <= 1000.0).then_some((value / whole, end))
    }

    /// A whole number of more than one word at `k` (`twenty-one`, `five hundred`, `five
    /// hundreds`): its value and last token.
    pub(super) fn whole_in_words(&self, k: usize) -> Option<(f64, usize)> {
        let mut cardinal = Cardinal::default();
        if !self.is(k, T::Word) || !cardinal.push(&self.lower(k)) {
            return None;
        }
        let (mut whole, mut end) = self.continue_cardinal(cardinal, k, 1.0);
        if self.is_word(end + 1, "hundreds") && self.near(end, end + 1) && whole < 10.0 {
            whole *= 100.0;
            end += 1;
        }
        (end > k).then_some((whole, end))
    }

    /// `1 over 3`, `one over twenty` said as a fraction. `over` is most often a hedge (`won 6
    /// over 4`, `over 200 people`, `120 over 80` for blood pressure), so the fraction is read only
    /// when nothing is counted after the right number and the left number opens the clause or
    /// follows `is` or `equals`, and is the smaller unless the two numbers are all the text.
    pub(super) fn over_ratio(
        &self,
        first: usize,
        last: usize,
        value: f64,
        hedge: Option<Hedge>,
    ) -> Option<(f64, usize)> {
        let k = last + 1;
        if hedge.is_some() || !self.is_word(k, "over") || !self.near(last, k) || !self.near(k, k + 1) {
            return None;
        }
        let (whole, end) = if self.is(k + 1, T::Num) {
            let (n, _) = self.plain_int(k + 1)?;
            (f64::from(n), k + 1)
        } else {
            let mut cardinal = Cardinal::default();
            if !self.is(k + 1, T::Word) || !cardinal.push(&self.lower(k + 1)) {
                return None;
            }
            self.continue_cardinal(cardinal, k + 1, 1.0)
        };
        // Nothing counted, measured or joined after the right number.
        let after = self.s(end + 1);
        let closes = end + 1 >= self.toks.len()
            || (self.is(end + 1, T::Punct) && matches!(after, "." | "," | ";" | ")" | "!" | "?"))
            || (self.is(end + 1, T::Word) && matches!(&*self.lower(end + 1), "is" | "was" | "equals"));
        let year_like = |v: f64| (1000.0..=2100.0).contains(&v) && v.fract() == 0.0;
        if !closes || whole == 0.0 || (year_like(value.abs()) && year_like(whole)) {
            return None;
        }
        let opens = first.checked_sub(1).is_none_or(|p| {
            matches!(self.s(p), "(" | ":" | "=" | "\"" | "“") || matches!(&*self.lower(p), "is" | "equals" | "was")
        });
        let alone = first == 0 && (end + 1..self.toks.len()).all(|k| self.is(k, T::Punct));
        (opens && (value.abs() < whole || alone)).then_some((value / whole, end))
    }

    /// A number of at most a thousand, in digits or one word, at token `i`.
    pub(super) fn small_number_at(&self, i: usize) -> Option<f64> {
        if let Some((n, len)) = self.plain_int(i) {
            return (len <= 3).then_some(f64::from(n));
        }
        let w = self.lower(i);
        crate::lexicon::cardinal(&w)
            .or_else(|| (w == "hundred" || w == "thousand").then(|| scale_word(&w).unwrap_or(0.0)))
    }

    /// The upper end of a range: `10 to 12`, `10-12`, `between 10 and 12`, `2015-16`.
    pub(super) fn range_after(&self, first: usize, end: usize, figure: &Figure) -> Option<(f64, f64, usize)> {
        let k = end + 1;
        let between = self.hedge_start(first).checked_sub(1).is_some_and(|p| self.is_word(p, "between"));
        let joiner = self.lower(k);
        let ok = match &*joiner {
            "-" | "–" => self.adjacent(end, k) || self.single_space(end, k),
            "to" => !self.preceded_by_from(first) && !self.after_change(first, figure) && self.near(end, k),
            "and" => between && self.near(end, k),
            _ => false,
        };
        if !ok {
            return None;
        }
        let n = k + 1;
        let (mut high, high_end) = if let Some(lit) = self.is(n, T::Num).then(|| parse_literal(self.s(n))).flatten() {
            (lit.value, n)
        } else if figure.in_words {
            let mut c = Cardinal::default();
            if !self.is(n, T::Word) || !c.push(&self.lower(n)) {
                return None;
            }
            self.continue_cardinal(c, n, 1.0)
        } else {
            return None;
        };
        if !self.near(k, n) && !self.adjacent(k, n) {
            return None;
        }
        // `2015-16` abbreviates the second year.
        if figure.value >= 1000.0 && high < 100.0 && joiner != "and" {
            high += (figure.value / 100.0).floor() * 100.0;
        }
        let mut last = high_end;
        let mut low = figure.value;
        if let Some(s) = scale_word(&self.lower(last + 1)).filter(|_| self.near(last, last + 1)) {
            high *= s;
            last += 1;
            // `2 to 3 million`: the low end shares the scale written once.
            if low < s {
                low *= s;
            }
        }
        if high <= low {
            return None;
        }
        match (self.unit_after(last), figure.unit.as_deref()) {
            (Some((_, unit, _)), Some(own)) if unit != own => return None,
            (Some((_, _, unit_end)), Some(_)) => last = unit_end,
            _ => {}
        }
        Some((low, high, last))
    }

    /// `rose 12% to 12.4 million`, `fell by 14 million to 477 million`, `in 2023 to 41,900`: a
    /// change and where it ended, or a year and a count, not a range.
    pub(super) fn after_change(&self, first: usize, figure: &Figure) -> bool {
        const CHANGES: &[&str] = &[
            "rose",
            "rise",
            "rises",
            "rising",
            "risen",
            "fell",
            "fall",
            "falls",
            "falling",
            "fallen",
            "grew",
            "grow",
            "grows",
            "growing",
            "grown",
            "climbed",
            "climb",
            "climbs",
            "dropped",
            "drop",
            "drops",
            "declined",
            "decline",
            "increased",
            "increase",
            "increases",
            "decreased",
            "decrease",
            "jumped",
            "jump",
            "slipped",
            "slid",
            "gained",
            "gain",
            "lost",
            "shrank",
            "shrink",
            "added",
            "cut",
            "raised",
            "lowered",
            "up",
            "down",
            "by",
            "surged",
            "soared",
            "plunged",
            "slumped",
            "widened",
            "narrowed",
            "reduced",
            "expanded",
        ];
        let start = self.hedge_start(first);
        figure.kind == Kind::Year
            || (start.saturating_sub(2)..start).any(|k| self.is(k, T::Word) && CHANGES.contains(&&*self.lower(k)))
    }

    pub(super) fn preceded_by_from(&self, first: usize) -> bool {
        let start = self.hedge_start(first);
        start > 0 && self.is_word(start - 1, "from")
    }

    /// The token where the hedge before `first` starts (or `first` when there is none).
    pub(super) fn hedge_start(&self, first: usize) -> usize {
        self.hedge_phrase(first).map_or(first, |(_, start)| start)
    }

    pub(super) fn hedge_before(&self, first: usize) -> Option<Hedge> {
        self.hedge_phrase(first).map(|(h, _)| h)
    }

    pub(super) fn hedge_phrase(&self, first: usize) -> Option<(Hedge, usize)> {
        for (phrase, hedge) in crate::lexicon::hedges() {
            let n = phrase.len();
            let Some(start) = first.checked_sub(n) else { continue };
            let matches = phrase
                .iter()
                .enumerate()
                .all(|(k, w)| self.is_word(start + k, w) && self.near(start + k, start + k + 1));
            if matches {
                return Some((self.negated(*hedge, start), start));
            }
        }
        None
    }

    /// `not ... above $40 billion` bounds from above what `above` alone bounds from below.
    pub(super) fn negated(&self, hedge: Hedge, start: usize) -> Hedge {
        let negation = (start.saturating_sub(6)..start).any(|k| self.is_word(k, "not") || self.is_word(k, "never"));
        match hedge {
            Hedge::Over | Hedge::AtLeast if negation => Hedge::AtMost,
            Hedge::Under if negation => Hedge::AtLeast,
            h => h,
        }
    }
}

/// A unit word; single letters must be written as the unit is (`g`, not `G`).
pub(super) fn attached_unit(word: &str) -> Option<units::UnitName> {
    let lower = word.to_lowercase();
    if word.chars().count() == 1 && word != lower && !matches!(word, "C" | "F" | "K") {
        return None;
    }
    unit_word(word, &lower)
}
