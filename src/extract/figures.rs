//! Finding figures in prose: numbers with their value, unit or kind, scale, hedge and span.
//!
//! The text is cut into tokens (digit runs, words, single punctuation marks) and read left to
//! right; at each token the readers for dates, times, numerals and numbers in words are tried in
//! that order. A reader either finds a figure, decides the token is part of a name or code and
//! skips it (`MS-13`, `Barrio 18`, `G7`), or passes.

use std::ops::Range;

use serde::{Deserialize, Serialize};

mod not_claims;

use super::units::{self, currency_prefix, currency_suffix_symbol, is_function_word, month, unit_word};
use super::words::{self, denominator, ordinal_word, scale_suffix, scale_word, Cardinal};

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

/// Words after `2m` that make it metres.
const MEASURING: &[&str] =
    &["tall", "high", "long", "deep", "wide", "away", "above", "below", "across", "thick", "in", "of", "from"];

/// The unit of a score or a rate's change stated in points: `8 points`, `3.3 points worse`.
pub const POINTS: &str = "points";

/// The unit of a person's age.
pub const AGE: &str = "years old";

/// How finely a fraction in words is stated: `half` means a share near 0.5, not 0.25 to 0.75.
const FRACTION_STEP: f64 = 0.06;

/// Finds the figures of `text[range]`.
pub fn extract_figures(text: &str, range: Range<usize>) -> Vec<Figure> {
    let Some(slice) = text.get(range.clone()) else { return Vec::new() };
    let toks = tokenize(slice, range.start);
    let scanner = Scanner { text, toks };
    scanner.scan()
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum T {
    Num,
    Word,
    Punct,
}

#[derive(Debug, Clone, Copy)]
struct Tok {
    t: T,
    start: usize,
    end: usize,
}

fn tokenize(slice: &str, base: usize) -> Vec<Tok> {
    let chars: Vec<(usize, char)> = slice.char_indices().collect();
    let end_of = |k: usize| chars.get(k).map_or(slice.len(), |&(o, _)| o);
    let mut toks = Vec::new();
    let mut k = 0;
    while let Some(&(at, c)) = chars.get(k) {
        let start = k;
        let leading_decimal = c == '.'
            && chars.get(k + 1).is_some_and(|&(_, n)| n.is_ascii_digit())
            && (k == 0 || chars.get(k - 1).is_some_and(|&(_, p)| p.is_whitespace() || p == '-' || p == '$'));
        if c.is_ascii_digit() || leading_decimal {
            k += 1;
            while let Some(&(_, c)) = chars.get(k) {
                let next_is_digit = chars.get(k + 1).is_some_and(|&(_, n)| n.is_ascii_digit());
                if c.is_ascii_digit() || (matches!(c, ',' | '.') && next_is_digit) {
                    k += 1;
                } else {
                    break;
                }
            }
            let run = slice.get(at..end_of(k)).unwrap_or("");
            if is_list_of_numbers(run) {
                // `12,14,16`: numbers listed without spaces, one token each.
                let mut from = at;
                for part in run.split(',') {
                    if from > at {
                        toks.push(Tok { t: T::Punct, start: base + from - 1, end: base + from });
                    }
                    toks.push(Tok { t: T::Num, start: base + from, end: base + from + part.len() });
                    from += part.len() + 1;
                }
            } else {
                toks.push(Tok { t: T::Num, start: base + at, end: base + end_of(k) });
            }
        } else if c.is_alphabetic() {
            k += 1;
            while let Some(&(_, c)) = chars.get(k) {
                let next_is_letter = chars.get(k + 1).is_some_and(|&(_, n)| n.is_alphabetic());
                if c.is_alphabetic() || (matches!(c, '\'' | '’') && next_is_letter) {
                    k += 1;
                } else {
                    break;
                }
            }
            toks.push(Tok { t: T::Word, start: base + at, end: base + end_of(k) });
        } else if !c.is_whitespace() {
            k += 1;
            toks.push(Tok { t: T::Punct, start: base + at, end: base + end_of(k) });
        } else {
            k += 1;
        }
        debug_assert!(k > start);
    }
    toks
}

/// Whether a run of digits and commas is no one number but a list of small ones: `22,24,26`
/// (not `1,234`, the decimal `2,5`, or `12,345,67`, a grouping gone wrong).
fn is_list_of_numbers(run: &str) -> bool {
    run.contains(',')
        && parse_literal(run).is_none()
        && run.split(',').all(|p| (1..=2).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit()))
}

/// Groups of thousands written the Indian way, in lakhs and crores: `12,34,567`.
fn indian_grouping(parts: &[&str]) -> bool {
    let Some((last, rest)) = parts.split_last() else { return false };
    let Some((head, middle)) = rest.split_first() else { return false };
    !middle.is_empty() && (1..=2).contains(&head.len()) && middle.iter().all(|p| p.len() == 2) && last.len() == 3
}

/// What a reader made of the tokens at its start.
enum Step {
    Found(Figure, usize),
    Skip(usize),
}

/// A number as written in digits.
#[derive(Debug, Clone, Copy)]
struct Literal {
    value: f64,
    decimals: u32,
    /// Digits only, no separators or decimals.
    plain: bool,
    digits: usize,
}

fn parse_literal(s: &str) -> Option<Literal> {
    let commas = s.matches(',').count();
    let dots = s.matches('.').count();
    let digits = s.chars().filter(char::is_ascii_digit).count();
    let grouped = |parts: &[&str]| {
        parts.first().is_some_and(|p| (1..=3).contains(&p.len())) && parts.iter().skip(1).all(|p| p.len() == 3)
    };
    let (int, frac): (String, &str) = match (commas, dots) {
        (0, 0) => (s.to_string(), ""),
        (_, 0) => {
            let parts: Vec<&str> = s.split(',').collect();
            if grouped(&parts) || indian_grouping(&parts) {
                (parts.concat(), "")
            } else if commas == 1 && parts[1].len() <= 2 {
                (parts[0].to_string(), parts[1])
            } else {
                return None;
            }
        }
        (0, 1) => {
            let (a, b) = s.split_once('.')?;
            (a.to_string(), b)
        }
        (0, _) => {
            let parts: Vec<&str> = s.split('.').collect();
            if !grouped(&parts) {
                return None;
            }
            (parts.concat(), "")
        }
        _ => {
            let last = s.rfind([',', '.'])?;
            let (head, frac) = (&s[..last], &s[last + 1..]);
            let sep = if s.as_bytes()[last] == b'.' { ',' } else { '.' };
            let parts: Vec<&str> = head.split(sep).collect();
            let indian = sep == ',' && indian_grouping(&parts);
            if head.contains(s.as_bytes()[last] as char) || !(grouped(&parts) || indian) {
                return None;
            }
            (parts.concat(), frac)
        }
    };
    let value: f64 = if frac.is_empty() { int.parse().ok()? } else { format!("{int}.{frac}").parse().ok()? };
    Some(Literal { value, decimals: frac.len() as u32, plain: commas + dots == 0, digits })
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

    fn lower(&self, i: usize) -> String {
        self.s(i).to_lowercase()
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

    fn month_at(&self, i: usize) -> Option<u32> {
        if !self.is(i, T::Word) {
            return None;
        }
        month(&self.lower(i))
    }

    /// The index after an optional ordinal suffix (`15th`) on token `i`.
    fn after_ordinal_suffix(&self, i: usize) -> usize {
        if self.is(i + 1, T::Word) && self.adjacent(i, i + 1) && words::is_ordinal_suffix(self.s(i + 1)) {
            i + 2
        } else {
            i + 1
        }
    }

    /// Index after the `.` of an abbreviated month (`Jan.`), if there is one.
    fn after_dot(&self, i: usize) -> usize {
        let abbreviated = self.s(i).len() <= 4 && !matches!(self.lower(i).as_str(), "may" | "june" | "july");
        if abbreviated && self.s(i + 1) == "." && self.adjacent(i, i + 1) {
            i + 2
        } else {
            i + 1
        }
    }

    // ---- dates and times -----------------------------------------------------------------

    fn date(&self, i: usize) -> Option<Step> {
        if let Some(m) = self.month_at(i) {
            return self.month_first_date(i, m);
        }
        if let Some(step) = self.dotted_date(i) {
            return Some(step);
        }
        let (n, len) = self.plain_int(i)?;
        // ISO 2025-04-16
        if len == 4 && self.s(i + 1) == "-" && self.adjacent(i, i + 1) && self.adjacent(i + 1, i + 2) {
            if let (Some((mo, _)), true) = (self.plain_int(i + 2), self.s(i + 3) == "-") {
                if let Some((d, _)) = self.plain_int(i + 4).filter(|_| self.adjacent(i + 3, i + 4)) {
                    if (1..=12).contains(&mo) && (1..=31).contains(&d) {
                        return Some(self.found_date(i, i + 4, n, mo, d));
                    }
                }
            }
        }
        // 4/16/2025 and 16/4/2025
        if len <= 2 && self.s(i + 1) == "/" && self.adjacent(i, i + 1) {
            if let (Some((b, _)), true) = (self.plain_int(i + 2), self.s(i + 3) == "/") {
                if let Some((y, ylen)) = self.plain_int(i + 4).filter(|_| self.adjacent(i + 3, i + 4)) {
                    if (1..=31).contains(&n) && (1..=31).contains(&b) && (ylen == 2 || ylen == 4) {
                        let year = if ylen == 2 { 2000 + y } else { y };
                        let (mo, d) = if n > 12 { (b, n) } else { (n, b) };
                        return Some(self.found_date(i, i + 4, year, mo, d));
                    }
                }
            }
        }
        // 16 April 2025, the 15th of February
        if (1..=31).contains(&n) && len <= 2 {
            let mut j = self.after_ordinal_suffix(i);
            if self.is_word(j, "of") {
                j += 1;
            }
            if let Some(m) = self.month_at(j).filter(|_| self.near(j - 1, j)) {
                let mut last = j;
                let mut year = 0;
                let k = self.after_dot(j);
                let k = if self.s(k) == "," { k + 1 } else { k };
                if let Some((y, 4)) = self.plain_int(k).filter(|_| self.near(k - 1, k)) {
                    year = y;
                    last = k;
                } else if k == j + 2 && self.s(j + 1) == "." {
                    last = j + 1;
                }
                return Some(self.found_date(i, last, year, m, n));
            }
        }
        None
    }

    fn dotted_date(&self, i: usize) -> Option<Step> {
        if !self.is(i, T::Num) {
            return None;
        }
        let parts: Vec<u32> = self.s(i).split('.').map(|p| p.parse().ok()).collect::<Option<_>>()?;
        match parts[..] {
            [d, m, y] if (1..=31).contains(&d) && (1..=12).contains(&m) && (1000..=2100).contains(&y) => {
                Some(self.found_date(i, i, y, m, d))
            }
            _ => None,
        }
    }

    fn month_first_date(&self, i: usize, m: u32) -> Option<Step> {
        let lower = self.lower(i);
        let capital = self.starts_upper(i);
        let j = self.after_dot(i);
        let (n, len) = self.plain_int(j).filter(|_| self.near(j - 1, j))?;
        if len == 4 {
            // April 2025
            if !capital && lower == "may" {
                return None;
            }
            return Some(self.found_date(i, j, n, m, 0));
        }
        if !(1..=31).contains(&n) || (!capital && lower == "may") {
            return None;
        }
        // `they march 10 miles`: a lower-case month before a quantity is a verb.
        if !capital && self.near(j, j + 1) && attached_unit(self.s(j + 1)).is_some() {
            return None;
        }
        let mut last = self.after_ordinal_suffix(j) - 1;
        let mut year = 0;
        let k = last + 1;
        let k = if self.s(k) == "," { k + 1 } else { k };
        if let Some((y, 4)) = self.plain_int(k).filter(|_| self.near(k - 1, k)) {
            year = y;
            last = k;
        }
        Some(self.found_date(i, last, year, m, n))
    }

    fn found_date(&self, first: usize, last: usize, year: u32, month: u32, day: u32) -> Step {
        let value = f64::from(year) * 10_000.0 + f64::from(month) * 100.0 + f64::from(day);
        let figure = Figure {
            range: self.span(first, last),
            value,
            high: None,
            kind: Kind::Date,
            unit: None,
            hedge: self.hedge_before(first),
            step: 1.0,
            in_words: false,
            period: false,
        };
        Step::Found(figure, last + 1)
    }

    /// `3:30 pm`, `15:15`, `3pm`, `7 a.m.`, `three o'clock`.
    fn time(&self, i: usize) -> Option<Step> {
        let (h, len) = self.plain_int(i)?;
        if len > 2 || h > 24 {
            return None;
        }
        let mut last = i;
        let mut minutes = 0;
        let mut clock = false;
        if self.s(i + 1) == ":" && self.adjacent(i, i + 1) && self.adjacent(i + 1, i + 2) {
            let (m, mlen) = self.plain_int(i + 2)?;
            if mlen != 2 || m > 59 {
                return None;
            }
            minutes = m;
            last = i + 2;
            clock = true;
            if self.s(i + 3) == ":" && self.adjacent(i + 2, i + 3) && self.plain_int(i + 4).is_some_and(|(_, l)| l == 2)
            {
                // `2:08:31` after a race is a running time, not a time of day: `17:49:19` is one.
                let seconds = self.plain_int(i + 4).map_or(0, |(v, _)| v);
                if h < 10 && seconds < 60 && !self.is_clock_word(i + 5) {
                    let total = f64::from(h) * 3600.0 + f64::from(m) * 60.0 + f64::from(seconds);
                    let mut f = self.plain_figure(i, i + 4, total, Kind::Quantity, 1.0);
                    f.unit = Some("s".into());
                    f.hedge = self.hedge_before(i);
                    return Some(Step::Found(f, i + 5));
                }
                last = i + 4;
            }
        }
        let mut hour = h;
        let k = last + 1;
        if self.near(last, k) && self.is(k, T::Word) {
            let w = self.lower(k);
            let (pm, end) = match w.as_str() {
                "am" => (false, k),
                "pm" => (true, k),
                "a" | "p" if self.s(k + 1) == "." && self.is_word(k + 2, "m") => {
                    (w == "p", if self.s(k + 3) == "." { k + 3 } else { k + 2 })
                }
                "a" | "p" if clock && self.adjacent(last, k) => (w == "p", k),
                "o'clock" | "o’clock" => (false, k),
                _ => return clock.then(|| self.found_time(i, last, hour, minutes)),
            };
            if pm && hour < 12 {
                hour += 12;
            }
            if h == 0 || h > 12 {
                return clock.then(|| self.found_time(i, last, hour, minutes));
            }
            return Some(self.found_time(i, end, hour, minutes));
        }
        clock.then(|| self.found_time(i, last, hour, minutes))
    }

    fn is_clock_word(&self, k: usize) -> bool {
        matches!(self.lower(k).as_str(), "am" | "pm" | "a" | "p" | "gmt" | "utc" | "local")
    }

    fn found_time(&self, first: usize, last: usize, hour: u32, minutes: u32) -> Step {
        let figure = Figure {
            range: self.span(first, last),
            value: f64::from(hour) + f64::from(minutes) / 60.0,
            high: None,
            kind: Kind::Time,
            unit: None,
            hedge: self.hedge_before(first),
            step: 1.0 / 60.0,
            in_words: false,
            period: false,
        };
        Step::Found(figure, last + 1)
    }

    // ---- numerals ------------------------------------------------------------------------

    fn numeral(&self, i: usize) -> Option<Step> {
        // ¾ alone: a share (`2½` is read with the digits before it)
        if let Some(v) = words::vulgar_fraction(self.s(i)) {
            return Some(self.found_simple(i, i, v, Kind::Fraction, None, FRACTION_STEP, false));
        }
        let mut j = i;
        let mut currency = None;
        if let Some(c) = currency_prefix(self.s(i)) {
            let next = if self.s(i) == "US" && self.s(i + 1) == "$" { i + 2 } else { i + 1 };
            let sign = usize::from(matches!(self.s(next), "-" | "−"));
            if self.is(next + sign, T::Num) && self.near(next - 1, next) {
                currency = Some(c);
                j = next;
            }
        } else if self.s(i) == "US" && self.s(i + 1) == "$" && self.adjacent(i, i + 1) && self.is(i + 2, T::Num) {
            currency = Some("USD");
            j = i + 2;
        }
        let mut negative = false;
        // `minus 5`, but not `ten minus 5`; `- 10 k` set apart at the start of a clause.
        let opens = i.checked_sub(1).is_none_or(|p| matches!(self.s(p), "(" | ":" | "="));
        if currency.is_none()
            && self.is(i + 1, T::Num)
            && self.near(i, i + 1)
            && ((matches!(self.lower(i).as_str(), "minus" | "negative") && !self.number_before(i))
                || (matches!(self.s(i), "-" | "−") && !self.adjacent(i, i + 1) && opens))
        {
            negative = true;
            j = i + 1;
        } else if matches!(self.s(j), "-" | "−") && self.is(j + 1, T::Num) && self.adjacent(j, j + 1) {
            let after_word = j > 0 && self.adjacent(j - 1, j) && !matches!(self.s(j - 1), "(" | "$" | "€" | "£");
            if after_word && currency.is_none() {
                return None;
            }
            negative = true;
            j += 1;
        }
        if !self.is(j, T::Num) {
            return None;
        }
        if currency.is_none() && j == i {
            if let Some(skip) = self.code_before(j) {
                return Some(skip);
            }
        }
        let Some(lit) = parse_literal(self.s(j)) else {
            return Some(Step::Skip(j + 1));
        };
        let mut value = if negative { -lit.value } else { lit.value };
        let mut step = 10f64.powi(-(lit.decimals as i32));
        let mut last = j;
        let mut plain = lit.plain;
        let mut digits = lit.digits;

        // 1 414 021 100, 40 000 with a narrow space, 1 234 567.89
        if lit.plain && lit.digits <= 3 {
            let mut k = j;
            let mut grouped = value;
            while let Some(group) = self.digit_group(k + 1).filter(|_| self.group_space(k, k + 1)) {
                grouped = grouped * 1000.0 + group.value;
                k += 1;
                if group.decimals > 0 {
                    step = 10f64.powi(-(group.decimals as i32));
                    break;
                }
            }
            if k > j {
                value = if negative { -grouped } else { grouped };
                last = k;
                plain = false;
                digits += 3 * (k - j);
            }
        }

        // 3/4, -4/5, 2 1/4
        if let Some((fraction, end)) = self.numeric_fraction(last) {
            value = if negative { -fraction } else { fraction };
            return Some(self.found_simple(i, end, value, Kind::Fraction, None, 0.0, false));
        }
        if lit.plain {
            if let Some((fraction, end)) = self.numeric_fraction(last + 1).filter(|_| self.near(last, last + 1)) {
                let v = if negative { value - fraction } else { value + fraction };
                return Some(self.found_simple(i, end, v, Kind::Fraction, None, 0.0, false));
            }
        }
        // 1e10, 12.32e+14
        if let Some((exponent, end)) = self.exponent(last) {
            value *= 10f64.powi(exponent);
            return Some(self.finish(i, end, value, step, currency, false, false));
        }
        // 2^10, 1.1^-3: a power of the number; the sign before it stays outside the power.
        if let Some((exponent, end)) = self.power(last) {
            let power = value.abs().powi(exponent);
            if power.is_finite() && power != 0.0 {
                let v = if negative { -power } else { power };
                return Some(self.finish(i, end, v, power / 1000.0, currency, false, false));
            }
        }
        // 1.5x10^6, 2.5×10^-3
        if let Some((exponent, end)) = self.times_ten(last) {
            let v = value * 10f64.powi(exponent);
            if v.is_finite() {
                return Some(self.finish(i, end, v, step * 10f64.powi(exponent), currency, false, false));
            }
        }
        // 2½
        if let Some(fraction) = words::vulgar_fraction(self.s(last + 1)).filter(|_| self.adjacent(last, last + 1)) {
            value = if negative { value - fraction } else { value + fraction };
            step = FRACTION_STEP;
            last += 1;
            plain = false;
        }

        // Letters against the digits: 84k, 21st, 1990s, 5km, 3D.
        if self.is(last + 1, T::Word) && self.adjacent(last, last + 1) {
            let suffix = self.s(last + 1);
            if words::is_ordinal_suffix(suffix) && !negative {
                return Some(self.found_simple(i, last + 1, value, Kind::Ordinal, None, 1.0, false));
            }
            if suffix == "s" && plain && digits == 4 {
                let mut f = self.plain_figure(i, last + 1, value, Kind::Year, 10.0);
                f.unit = Some("decade".into());
                return Some(Step::Found(f, last + 2));
            }
            // `3.4m trips` and `1.7m` alone count millions; `a 3.4m wall` and `2m tall` measure.
            // A figure set off by a dash or a colon heads a list of what it counts (`**1.7m** —
            // dengue cases`); one followed by nothing it counts measures (`outreach is 48m`).
            let listed = matches!(self.s(last + 2), "—" | "–" | ":") && !self.adjacent(last + 1, last + 2);
            let counts = self.is(last + 2, T::Word) && self.near(last + 1, last + 2) && {
                let next = self.lower(last + 2);
                next == "people" || (next.ends_with('s') && !MEASURING.contains(&next.as_str()))
            };
            let squared = matches!(self.s(last + 2), "2" | "²") && self.adjacent(last + 1, last + 2);
            let measures = squared
                || i.checked_sub(1).is_some_and(|p| self.is_word(p, "a") || self.is_word(p, "an"))
                || !(listed || counts);
            let scale = match suffix {
                "m" if currency.is_none() && measures => None,
                s => scale_suffix(s),
            };
            if let Some(scale) = scale {
                value *= scale;
                step *= scale;
                last += 1;
                plain = false;
            } else if attached_unit(suffix).is_none() && currency_prefix(suffix).is_none() {
                return Some(Step::Skip(last + 2));
            }
        }

        // 1.2 million, 3 hundred
        if self.is(last + 1, T::Word) && self.near(last, last + 1) {
            let next = self.s(last + 1);
            let spaced_suffix = if matches!(next, "k" | "K") { scale_suffix(next) } else { None };
            if let Some(scale) = scale_word(&self.lower(last + 1)).filter(|_| !next.ends_with('s')).or(spaced_suffix) {
                // 3 hundred and 21, 4 thousand 3 hundred: the whole number goes on in words or digits.
                let mut continued = false;
                if lit.decimals == 0 && value.abs() < 1000.0 && last == j && spaced_suffix.is_none() {
                    let mut cardinal = Cardinal::starting_at(value.abs());
                    if cardinal.push(&self.lower(last + 1)) {
                        let (cardinal, end) = self.read_cardinal(cardinal, last + 1, 1.0);
                        if end > last + 1 {
                            value = if negative { -cardinal.value() } else { cardinal.value() };
                            step = 1.0;
                            last = end;
                            plain = false;
                            continued = true;
                        }
                    }
                }
                if !continued {
                    value *= scale;
                    step *= scale;
                    last += 1;
                    plain = false;
                    // 1.5 lakh crore: a count of crores
                    if (scale == 1e5 || scale == 1e3) && self.is_word(last + 1, "crore") && self.near(last, last + 1) {
                        value *= 1e7;
                        step *= 1e7;
                        last += 1;
                    }
                }
            }
        }
        // 4 dozen, 5 doz
        if words::is_dozen(&self.lower(last + 1)) && self.near(last, last + 1) {
            value *= 12.0;
            step *= 12.0;
            last += 1;
            plain = false;
        }
        // 3 million and a half, 5 and a half million
        if self.is_word(last + 1, "and") && self.near(last, last + 1) {
            if let Some((part, end)) = self.fraction_part(last + 2) {
                let of_scale = scale_word(&self.lower(last)).filter(|s| *s >= 1e6 && self.is(last, T::Word));
                let next = self.lower(end + 1);
                let scale_follows = scale_word(&next).is_some_and(|s| s >= 1e3 && !next.ends_with('s'));
                if of_scale.is_some() || scale_follows {
                    let (whole, end) = self.fraction_then_scale(value.abs(), part, end, of_scale.unwrap_or(1.0));
                    value = if negative { -whole } else { whole };
                    step = step.min(part * of_scale.unwrap_or(1.0));
                    last = end;
                    plain = false;
                }
            }
        }

        if currency.is_none() && plain && j == i && self.named_number(i, digits) {
            return Some(Step::Skip(last + 1));
        }
        let hedge = self.hedge_before(i);
        Some(self.finish(i, last, value, step, currency, false, plain && digits == 4 && hedge.is_none() && !negative))
    }

    /// `3/4` starting at token `j`: the value and its last token. Dates are read before this.
    fn numeric_fraction(&self, j: usize) -> Option<(f64, usize)> {
        let (n, _) = self.plain_int(j)?;
        if self.s(j + 1) != "/" || !self.adjacent(j, j + 1) || !self.adjacent(j + 1, j + 2) {
            return None;
        }
        let (d, _) = self.plain_int(j + 2)?;
        if d == 0 || n >= d || (self.s(j + 3) == "/" && self.adjacent(j + 2, j + 3)) {
            return None;
        }
        Some((f64::from(n) / f64::from(d), j + 2))
    }

    /// A power written against the digits at `last`: `^10`, `^-2`, `^+3`.
    fn power(&self, last: usize) -> Option<(i32, usize)> {
        let caret = last + 1;
        if self.s(caret) != "^" || !self.adjacent(last, caret) {
            return None;
        }
        let (sign, n) = self.signed_at(caret + 1);
        let (power, len) = self.plain_int(n).filter(|_| self.adjacent(n - 1, n))?;
        (len <= 3).then_some((sign * power as i32, n))
    }

    /// `x10^6`, `×10^-4` after the digits at `last`: the power of ten and its last token.
    fn times_ten(&self, last: usize) -> Option<(i32, usize)> {
        let times = last + 1;
        let sign_ok = match self.s(times) {
            "x" | "X" => self.adjacent(last, times) && self.adjacent(times, times + 1),
            "×" | "*" => {
                (self.adjacent(last, times) && self.adjacent(times, times + 1))
                    || (self.single_space(last, times) && self.single_space(times, times + 1))
            }
            _ => false,
        };
        if !sign_ok || self.s(times + 1) != "10" {
            return None;
        }
        self.power(times + 1)
    }

    /// The sign written from token `k` on (`-`, `+`, `--`), and the token after it.
    fn signed_at(&self, k: usize) -> (i32, usize) {
        let mut sign = 1;
        let mut n = k;
        while n < k + 3 && matches!(self.s(n), "+" | "-" | "−") && self.adjacent(n - 1, n) {
            if self.s(n) != "+" {
                sign = -sign;
            }
            n += 1;
        }
        (sign, n)
    }

    /// Whether a number stands just before token `i` (`ten minus 5`).
    fn number_before(&self, i: usize) -> bool {
        let Some(p) = i.checked_sub(1) else { return false };
        let word = self.lower(p);
        self.is(p, T::Num) || words::small_cardinal(&word).is_some() || scale_word(&word).is_some()
    }

    /// A group of three digits after a space in a grouped number (`567` or the last, `567.89`).
    fn digit_group(&self, k: usize) -> Option<Literal> {
        if !self.is(k, T::Num) {
            return None;
        }
        let text = self.s(k);
        let int = text.split(['.', ',']).next().unwrap_or("");
        let lit = parse_literal(text)?;
        let decimal = lit.decimals > 0 && text.matches(['.', ',']).count() == 1;
        (int.len() == 3 && int.bytes().all(|b| b.is_ascii_digit()) && (lit.plain || decimal)).then_some(lit)
    }

    /// The space between groups of digits: a plain, no-break or narrow no-break space.
    fn group_space(&self, a: usize, b: usize) -> bool {
        match (self.toks.get(a), self.toks.get(b)) {
            (Some(x), Some(y)) => {
                matches!(self.text.get(x.end..y.start), Some(" " | "\u{a0}" | "\u{202f}" | "\u{2009}"))
            }
            _ => false,
        }
    }

    /// An exponent written against the digits at `last`: `e10`, `e+14`, `E-1`.
    fn exponent(&self, last: usize) -> Option<(i32, usize)> {
        let e = last + 1;
        if !matches!(self.s(e), "e" | "E") || !self.adjacent(last, e) {
            return None;
        }
        let (sign, n) = match self.s(e + 1) {
            "+" => (1, e + 2),
            "-" | "−" => (-1, e + 2),
            _ => (1, e + 1),
        };
        let (power, len) = self.plain_int(n).filter(|_| self.adjacent(n - 1, n))?;
        (len <= 3).then_some((sign * power as i32, n))
    }

    /// Digits glued to a name or code before them: `G7`, `MS-13`, `COVID-19`, `#4`.
    fn code_before(&self, j: usize) -> Option<Step> {
        let prev = j.checked_sub(1)?;
        if !self.adjacent(prev, j) {
            return None;
        }
        let end = self.code_end(j);
        if self.is(prev, T::Word) {
            return (currency_prefix(self.s(prev)).is_none()).then_some(Step::Skip(end));
        }
        if matches!(self.s(prev), "-" | "‐" | "#" | "/" | "_") {
            let before = prev.checked_sub(1)?;
            let word = self.s(before);
            let glued = self.adjacent(before, prev);
            if self.s(prev) == "#" || (glued && self.is(before, T::Word) && word.chars().any(char::is_uppercase)) {
                return Some(Step::Skip(end));
            }
            if glued && self.s(prev) == "/" && self.is(before, T::Word) {
                return Some(Step::Skip(end));
            }
        }
        None
    }

    /// The token after a code that starts with digits at `j` (`13`, `19B`, `2-1`).
    fn code_end(&self, j: usize) -> usize {
        let mut k = j + 1;
        while self.adjacent(k - 1, k) && (self.is(k, T::Word) || self.is(k, T::Num)) {
            k += 1;
        }
        k
    }

    /// Whether a bare number belongs to the capitalised name before it: `Barrio 18`, `Article 29`.
    fn named_number(&self, i: usize, digits: usize) -> bool {
        let Some(prev) = i.checked_sub(1) else { return false };
        if digits > 4 || !self.is(prev, T::Word) || !self.single_space(prev, i) || !self.starts_upper(prev) {
            return false;
        }
        let lower = self.lower(prev);
        // `Tebesi's 26-second margin`: a possessive owns the figure, it does not name it.
        if is_function_word(&lower) || month(&lower).is_some() || lower.ends_with("'s") || lower.ends_with("’s") {
            return false;
        }
        // A unit or percent after the number makes it a figure all the same.
        let next = i + 1;
        let unit_follows = self.near(i, next)
            && (matches!(self.s(next), "%" | "$" | "€")
                || unit_word(self.s(next), &self.lower(next)).is_some()
                || scale_word(&self.lower(next)).is_some()
                || matches!(self.lower(next).as_str(), "percent" | "per"));
        !unit_follows
    }

    fn single_space(&self, a: usize, b: usize) -> bool {
        match (self.toks.get(a), self.toks.get(b)) {
            (Some(x), Some(y)) => self.text.get(x.end..y.start) == Some(" "),
            _ => false,
        }
    }

    // ---- numbers in words ----------------------------------------------------------------

    fn word_number(&self, i: usize) -> Option<Step> {
        self.read_word_number(i, false)
    }

    /// Reads a number in words at `i`; `nested` when reading the ordinal after `one` in `one one
    /// hundred fifth`, which reads no further ordinal of its own (so `one one one ...` is linear).
    fn read_word_number(&self, i: usize, nested: bool) -> Option<Step> {
        if !self.is(i, T::Word) {
            return None;
        }
        let first = self.lower(i);
        let mut j = i;
        let mut negative = false;
        if matches!(first.as_str(), "negative" | "minus") && self.near(i, i + 1) && self.is(i + 1, T::Word) {
            negative = true;
            j += 1;
        }
        let word = self.lower(j);
        // The scale after `a`: `a million`, `a hundred thousand`.
        let mut a_scale = None;
        // a dozen, a million, a half, a third
        if matches!(word.as_str(), "a" | "an") && self.near(j, j + 1) {
            let next = self.lower(j + 1);
            if next == "dozen" {
                return Some(self.finish(i, j + 1, 12.0, 12.0, None, true, false));
            }
            if let Some(scale) = scale_word(&next).filter(|_| !next.ends_with('s')) {
                a_scale = Some(scale);
            } else {
                return self.a_part(i, j, &next);
            }
        }
        if a_scale.is_none() {
            if word == "quarter" && scale_word(&self.lower(i + 1)).is_some_and(|s| s >= 1e3) && self.near(i, i + 1) {
                return Some(self.found_simple(i, i, 0.25, Kind::Fraction, None, 0.25, true));
            }
            if word == "half" {
                let after_ordinal = i > 0 && (ordinal_word(&self.lower(i - 1)).is_some() || self.is_word(i - 1, "the"));
                if after_ordinal || self.s(i + 1) == "-" {
                    return None;
                }
                if self.is_word(i + 1, "a") && self.is_word(i + 2, "dozen") && self.near(i + 1, i + 2) {
                    return Some(self.finish(i, i + 2, 6.0, 6.0, None, true, false));
                }
                return Some(self.found_simple(i, i, 0.5, Kind::Fraction, None, FRACTION_STEP, true));
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
            if matches!(self.lower(last + 1).as_str(), "thousands" | "hundreds")
                && self.near(last, last + 1)
                && last > j
            {
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
                return Some(self.found_simple(i, k, value + o, Kind::Ordinal, None, 1.0, true));
            }
            // one thousand two hundred thirtieth, six hundred twelfth, one hundredth
            if k == last + 1 && value >= 100.0 && value % 100.0 == 0.0 {
                if let Some(o) = ordinal_word(&next).filter(|o| *o < 100.0) {
                    return Some(self.found_simple(i, k, value + o, Kind::Ordinal, None, 1.0, true));
                }
            }
            // three hundredth, a hundred trillionth: a count of a scale's ordinal
            if k == last + 1 && value >= 1.0 {
                if let Some(o) = ordinal_word(&next).filter(|o| *o >= 100.0 && value < *o) {
                    return Some(self.found_simple(i, k, value * o, Kind::Ordinal, None, 1.0, true));
                }
            }
            // A compound that ends in an ordinal: `seven ... ninety-eighth`.
            if k == last + 2 && value >= 20.0 {
                if let Some(o) = ordinal_word(&next).filter(|o| *o < 10.0) {
                    return Some(self.found_simple(i, k, value + o, Kind::Ordinal, None, 1.0, true));
                }
            }
        }
        // one hundred and fifth
        if self.is_word(last + 1, "and") && self.near(last, last + 1) && self.near(last + 1, last + 2) {
            if let Some(o) = ordinal_word(&self.lower(last + 2)).filter(|o| *o < 100.0) {
                if value >= 100.0 && value % 100.0 == 0.0 && split.is_none() {
                    return Some(self.found_simple(i, last + 2, value + o, Kind::Ordinal, None, 1.0, true));
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
                    return Some(self.finish(i, end, sign * whole, step, None, true, false));
                }
            } else {
                let mut numerator = value;
                // one hundred thirty-fifths: the tens belong to the denominator
                if let Some(t) = words::tens(&self.lower(last)).filter(|t| d < 10.0 && value > *t && split.is_none()) {
                    numerator = value - t;
                    d += t;
                }
                if plural || numerator == 1.0 {
                    let v = numerator / d;
                    return Some(self.found_simple(i, end, sign * v, Kind::Fraction, None, FRACTION_STEP, true));
                }
            }
        }
        // one one hundred fifth: one part of as many as the ordinal after it counts
        if !nested && value == 1.0 && last == j && word == "one" && self.near(j, j + 1) && self.is(j + 1, T::Word) {
            if let Some(Step::Found(f, next)) = self.read_word_number(j + 1, true) {
                if f.kind == Kind::Ordinal && f.value > 2.0 && f.range.start == self.span(j + 1, j + 1).start {
                    let last = next.saturating_sub(1);
                    return Some(self.found_simple(i, last, sign / f.value, Kind::Fraction, None, FRACTION_STEP, true));
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
        Some(self.finish(i, last, sign * value, step, None, true, false))
    }

    /// What `a` or `an` starts when no scale follows: `a half`, `a third`, `a twenty-fifth`, or
    /// `an hour` as the first part of a duration.
    fn a_part(&self, i: usize, j: usize, next: &str) -> Option<Step> {
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
            && matches!(before.as_str(), "in" | "within" | "per" | "each" | "every" | "last" | "next" | "this");
        if let Some(d) = denominator(next).filter(|_| !next.ends_with('s') && next != "second" && !calendar) {
            return Some(self.found_simple(i, j + 1, 1.0 / d, Kind::Fraction, None, FRACTION_STEP, true));
        }
        // `a twenty-fifth of the vote`, but `a twenty-first-century port` and `a twenty-fifth
        // anniversary` name a position.
        if words::tens(next).is_some() {
            if let Some((d, false, end)) = self.denominator_at(j) {
                let closes = self.is_word(end + 1, "of") || (!self.is(end + 1, T::Word) && self.s(end + 1) != "-");
                if end == j + 3 && closes {
                    return Some(self.found_simple(i, end, 1.0 / d, Kind::Fraction, None, FRACTION_STEP, true));
                }
            }
        }
        None
    }

    /// A whole and a fraction read after it, with the scale that may follow (`five and a half
    /// million`, `one billion and a half million`) or the scale the fraction is of (`of_scale`:
    /// `a million and a half`). Returns the value and the last token.
    fn fraction_then_scale(&self, whole: f64, part: f64, end: usize, of_scale: f64) -> (f64, usize) {
        let next = self.lower(end + 1);
        match scale_word(&next).filter(|s| *s >= 1e3 && !next.ends_with('s') && self.near(end, end + 1)) {
            Some(s) if whole < s => ((whole + part) * s, end + 1),
            Some(s) => (whole + part * s, end + 1),
            None => (whole + part * of_scale, end),
        }
    }

    /// `five`, `seven one`, `seventy-one` after `point`: the decimal fraction and its last token.
    fn decimal_words(&self, k: usize) -> Option<(f64, usize)> {
        let mut digits = String::new();
        let mut end = k;
        while let Some(d) = words::small_cardinal(&self.lower(end)).filter(|d| *d < 10.0) {
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

    fn step_of_decimal(&self, fraction: f64) -> f64 {
        let text = format!("{fraction}");
        let places = text.split_once('.').map_or(0, |(_, f)| f.len());
        10f64.powi(-(places as i32))
    }

    /// A fraction word after token `last`: `thirds`, `quarter`, `twenty-fifths`. Returns the
    /// denominator, whether it is plural, and its last token.
    fn denominator_at(&self, last: usize) -> Option<(f64, bool, usize)> {
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
        if let Some(t) = words::tens(&word) {
            if matches!(self.s(k + 1), "-") && self.adjacent(k, k + 1) {
                // `twenty-first` is a part as `twenty-fifth` is, where `first` alone is not.
                let unit = self.lower(k + 2);
                let first = matches!(unit.as_str(), "first" | "firsts").then(|| (1.0, unit.ends_with('s')));
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
    fn fraction_part(&self, k: usize) -> Option<(f64, usize)> {
        let word = self.lower(k);
        let (n, last) = if matches!(word.as_str(), "a" | "an") {
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
    fn continue_cardinal(&self, cardinal: Cardinal, at: usize, scale: f64) -> (f64, usize) {
        let (cardinal, last) = self.read_cardinal(cardinal, at, scale);
        (cardinal.value(), last)
    }

    /// `continue_cardinal`, keeping what was read. Digits join only after a scale and before
    /// another (`4 thousand 3 hundred`) or after `and` (`3 hundred and 21`).
    fn read_cardinal(&self, mut cardinal: Cardinal, at: usize, scale: f64) -> (Cardinal, usize) {
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
    fn digits_part(&self, k: usize) -> Option<f64> {
        self.plain_int(k).filter(|(_, len)| *len <= 3).map(|(n, _)| f64::from(n))
    }

    /// The last token of the part after `and` at `k`: `three`, `twenty-one`, `21`.
    fn cardinal_part_end(&self, k: usize) -> usize {
        if self.s(k + 1) == "-" && self.adjacent(k, k + 1) && self.adjacent(k + 1, k + 2) {
            k + 2
        } else {
            k
        }
    }

    /// The step of a number in words: the scale of its last word (`eighty-four thousand` -> 1000).
    fn word_step(&self, _first: usize, last: usize) -> f64 {
        scale_word(&self.lower(last)).unwrap_or(1.0)
    }

    /// `one` that is a pronoun rather than a count: `one of the`, `no one`, `one another`.
    fn lone_one(&self, j: usize) -> bool {
        let next = self.lower(j + 1);
        let prev = j.checked_sub(1).map(|p| self.lower(p)).unwrap_or_default();
        let after_ordinal = j > 0 && ordinal_word(&prev).is_some();
        after_ordinal
            || matches!(
                next.as_str(),
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
                prev.as_str(),
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
            || (matches!(prev.as_str(), "next" | "last" | "previous" | "current" | "latest" | "right" | "wrong" | "other")
                && unit_word(self.s(j + 1), &next).is_none())
            // `the last but one`
            || (prev == "but" && j.checked_sub(2).is_some_and(|p| self.is_word(p, "last")))
    }

    fn ordinal(&self, i: usize, j: usize, v: f64) -> Option<Step> {
        let word = self.lower(j);
        // `a second`, `per second`, `seconds` are time, not position.
        if word == "second" && j > 0 && matches!(self.lower(j - 1).as_str(), "a" | "per" | "one" | "each" | "every") {
            return None;
        }
        // `second to last` counts from the end: no position a number states.
        if self.is_word(j + 1, "to") && self.is_word(j + 2, "last") {
            return Some(Step::Skip(j + 3));
        }
        Some(self.found_simple(i, j, v, Kind::Ordinal, None, 1.0, true))
    }

    // ---- what follows a number -----------------------------------------------------------

    /// Reads the unit, rate or range after a number ending at token `last`, and the hedge before.
    #[allow(clippy::too_many_arguments)]
    fn finish(
        &self,
        first: usize,
        last: usize,
        value: f64,
        step: f64,
        currency: Option<&'static str>,
        in_words: bool,
        may_be_year: bool,
    ) -> Step {
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
        let relative =
            span_of_time && matches!(self.lower(end + 1).as_str(), "earlier" | "later" | "ago" | "previously");
        figure.period = relative
            || span_of_time
                && first.checked_sub(1).is_some_and(|p| {
                    matches!(
                        self.lower(p).as_str(),
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
        let threshold = matches!(self.lower(end + 1).as_str(), "or" | "and")
            && matches!(self.lower(end + 2).as_str(), "older" | "over" | "above" | "younger" | "under");
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
            before.as_str(),
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

    #[allow(clippy::too_many_arguments)]
    fn found_simple(
        &self,
        first: usize,
        last: usize,
        value: f64,
        kind: Kind,
        unit: Option<String>,
        step: f64,
        in_words: bool,
    ) -> Step {
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
                return self.finish(first, k, value * scale, scale * step.max(0.01), None, in_words, false);
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
        f.unit = unit;
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

    /// A unit after token `last`: `%`, `percent`, `percentage points`, `per 100,000`, `tons`.
    fn unit_after(&self, last: usize) -> Option<(Kind, String, usize)> {
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
            if matches!(self.lower(k + 1).as_str(), "points" | "point") {
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
            (k + 1, self.s(k + 1), self.lower(k + 1))
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
    fn area_after(&self, k: usize, lower: &str, glued: bool) -> Option<(Kind, String, usize)> {
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
    fn cents_after(&self, end: usize) -> Option<(f64, usize)> {
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
        let unit_follows = matches!(self.lower(last + 1).as_str(), "cent" | "cents" | "pence" | "p");
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
    fn rate_after(&self, k: usize) -> Option<(Kind, String, usize)> {
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
            return Some((Kind::Rate, format!("per {}", group_thousands(base)), end));
        }
        let word = self.lower(n);
        if let Some(s) = scale_word(&word) {
            return Some((Kind::Rate, format!("per {}", group_thousands(s)), n));
        }
        if word == "capita" || word == "head" || word == "person" {
            return Some((Kind::Rate, "per capita".into(), n));
        }
        let unit = unit_word(self.s(n), &word)?;
        Some((Kind::Rate, format!("per {}", unit.unit), n))
    }

    /// `one in five`, `1 in 4`, `three out of ten`, `two out of five hundred`.
    fn ratio_after(&self, last: usize, value: f64) -> Option<(f64, usize)> {
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
    fn whole_in_words(&self, k: usize) -> Option<(f64, usize)> {
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
    fn over_ratio(&self, first: usize, last: usize, value: f64, hedge: Option<Hedge>) -> Option<(f64, usize)> {
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
            || (self.is(end + 1, T::Word) && matches!(self.lower(end + 1).as_str(), "is" | "was" | "equals"));
        let year_like = |v: f64| (1000.0..=2100.0).contains(&v) && v.fract() == 0.0;
        if !closes || whole == 0.0 || (year_like(value.abs()) && year_like(whole)) {
            return None;
        }
        let opens = first.checked_sub(1).is_none_or(|p| {
            matches!(self.s(p), "(" | ":" | "=" | "\"" | "“")
                || matches!(self.lower(p).as_str(), "is" | "equals" | "was")
        });
        let alone = first == 0 && (end + 1..self.toks.len()).all(|k| self.is(k, T::Punct));
        (opens && (value.abs() < whole || alone)).then_some((value / whole, end))
    }

    /// A number of at most a thousand, in digits or one word, at token `i`.
    fn small_number_at(&self, i: usize) -> Option<f64> {
        if let Some((n, len)) = self.plain_int(i) {
            return (len <= 3).then_some(f64::from(n));
        }
        let w = self.lower(i);
        words::small_cardinal(&w).or_else(|| (w == "hundred" || w == "thousand").then(|| scale_word(&w).unwrap_or(0.0)))
    }

    /// The upper end of a range: `10 to 12`, `10-12`, `between 10 and 12`, `2015-16`.
    fn range_after(&self, first: usize, end: usize, figure: &Figure) -> Option<(f64, f64, usize)> {
        let k = end + 1;
        let between = self.hedge_start(first).checked_sub(1).is_some_and(|p| self.is_word(p, "between"));
        let joiner = self.lower(k);
        let ok = match joiner.as_str() {
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
    fn after_change(&self, first: usize, figure: &Figure) -> bool {
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
            || (start.saturating_sub(2)..start)
                .any(|k| self.is(k, T::Word) && CHANGES.contains(&self.lower(k).as_str()))
    }

    fn preceded_by_from(&self, first: usize) -> bool {
        let start = self.hedge_start(first);
        start > 0 && self.is_word(start - 1, "from")
    }

    /// The token where the hedge before `first` starts (or `first` when there is none).
    fn hedge_start(&self, first: usize) -> usize {
        self.hedge_phrase(first).map_or(first, |(_, start)| start)
    }

    fn hedge_before(&self, first: usize) -> Option<super::figures::Hedge> {
        self.hedge_phrase(first).map(|(h, _)| h)
    }

    fn hedge_phrase(&self, first: usize) -> Option<(Hedge, usize)> {
        for (phrase, hedge) in units::HEDGES {
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
    fn negated(&self, hedge: Hedge, start: usize) -> Hedge {
        let negation = (start.saturating_sub(6)..start).any(|k| self.is_word(k, "not") || self.is_word(k, "never"));
        match hedge {
            Hedge::Over | Hedge::AtLeast if negation => Hedge::AtMost,
            Hedge::Under if negation => Hedge::AtLeast,
            h => h,
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

/// A unit word; single letters must be written as the unit is (`g`, not `G`).
fn attached_unit(word: &str) -> Option<units::UnitName> {
    let lower = word.to_lowercase();
    if word.chars().count() == 1 && word != lower && !matches!(word, "C" | "F" | "K") {
        return None;
    }
    unit_word(word, &lower)
}

/// `100000` as `100,000`, for rate units.
pub fn group_thousands(value: f64) -> String {
    let digits = format!("{}", value.round() as i64);
    let mut out = String::new();
    for (k, c) in digits.chars().enumerate() {
        if k > 0 && (digits.len() - k) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}
