//! The arithmetic a draft does: figures it derives from other figures of the same sentence (a
//! change from one value to another, a multiple, a share of a whole, a total, a rate), recomputed
//! from their inputs.
//!
//! Every figure is read as the interval of true values it allows (`agreement::Claim`), so the
//! recomputation is an interval too: `84,000` of `6.3 million` is 1.32% to 1.35%, and the draft's
//! `1.3%` agrees while its `1.7%` does not. A form is read only where its words say it is one
//! (`from … to`, `or … of`, `a total of`, `per 100,000`), and when an input is missing nothing is
//! said.

use std::borrow::Cow;
use std::ops::Range;

use super::agreement::{precision, Claim};
use crate::extract::{Draft, Figure, Hedge, Kind};

/// A figure the draft derives, with what recomputing it gives.
#[derive(Debug, Clone, PartialEq)]
pub struct Derivation {
    /// Where inputs that stand outside the sentence come from (another paragraph, a source).
    pub related: Vec<super::finding::Related>,
    /// The derived figure, by position in the draft's figures; `None` when the draft states the
    /// result in words (`doubled`, `a majority`).
    pub result: Option<usize>,
    /// What the finding points at: the figure, or the words.
    pub range: Range<usize>,
    /// The inputs, by position in the draft's figures.
    pub inputs: Vec<usize>,
    /// The value recomputed from the inputs as written, in the result's unit.
    pub value: f64,
    /// Whether the stated result is within what the inputs allow.
    pub agrees: bool,
    /// The computation in words: `106 to 2.2 is a fall of 97.9%`.
    pub arithmetic: String,
    /// What to write instead, in the draft's style, when it disagrees.
    pub replacement: Option<String>,
}

/// The derivations of every sentence of a draft.
pub fn derivations(text: &str, draft: &Draft) -> Vec<Derivation> {
    let mut out = Vec::new();
    for reader in readers(text, draft) {
        reader.read(&mut out);
    }
    sort(&mut out);
    out
}

/// Sorts derivations by the figure derived, so that a figure's derivation is found by halving.
pub fn sort(derivations: &mut [Derivation]) {
    derivations.sort_by_key(|d| d.result.unwrap_or(usize::MAX));
}

/// The forms of a draft whose inputs are not all in their sentence (`171 of the deaths, or
/// 84%`), less the figures `derived` already derives from their sentence.
pub fn open_forms(text: &str, draft: &Draft, derived: &[Derivation]) -> Vec<Open> {
    let mut out = Vec::new();
    for reader in readers(text, draft) {
        reader.open(derived, &mut out);
    }
    out
}

/// A reader for each sentence short enough to hold a derivation: a run of many figures or a very
/// long "sentence" is a table or a list, read no further (so the work stays in proportion to the
/// text).
fn readers<'a>(text: &'a str, draft: &'a Draft) -> impl Iterator<Item = Reader<'a>> + 'a {
    draft.sentences.iter().enumerate().filter_map(move |(s, sentence)| {
        let figures = draft.figures_in(s);
        if figures.len() > MAX_FIGURES || sentence.range.len() > MAX_SENTENCE {
            return None;
        }
        let first = draft.figures.partition_point(|f| f.range.start < sentence.range.start);
        Some(Reader { text, prose: &draft.view, figures, first, sentence: sentence.range.clone() })
    })
}

/// A form read in a sentence whose missing input may stand elsewhere: in an earlier sentence of
/// the draft or in the source the sentence cites.
#[derive(Debug, Clone, PartialEq)]
pub struct Open {
    /// The figure derived, by position in the draft's figures.
    pub result: usize,
    pub need: Need,
    /// The stems of the words that name the missing quantity (`deaths`, `jobs in the city`).
    pub names: Vec<String>,
    /// The sentence it stands in.
    pub sentence: Range<usize>,
}

/// What an open form lacks, with the figures of its sentence it has (by position in the draft).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Need {
    /// The whole a part is a share of: `171 of the deaths, or 84%`, the share being the result.
    Whole { part: usize },
    /// The whole a stated share is taken of, giving the count that is the result: `one in four
    /// of those who died, or 71 people`.
    WholeOfShare { share: usize },
    /// The same quantity a year earlier: `1,412 calls, up 10% on the year before`.
    YearBefore { new: usize },
    /// The population of a rate, and its count when the sentence only names it (`the January
    /// count works out to a rate of 71 per 10,000 residents`).
    Population { count: Option<usize> },
    /// The other end of a change whose one end the sentence states: `In 2015 the state gave $164
    /// million, and its support has been cut by 25% since then` (the stated end is the `old`
    /// one); `38 fires, triple the number in 2023` (the new one, the other's `year` named). A
    /// change by a word of multiples carries it in `multiple`.
    OtherEnd { known: usize, old: bool, year: Option<i32>, multiple: Option<Multiple> },
}

/// A change stated by a word of multiples (`fivefold`, `halving`): its factor, its hedge and
/// where the word stands, in bytes.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Multiple {
    pub factor: f64,
    pub hedge: Option<Hedge>,
    pub start: usize,
    pub end: usize,
}

/// The derivation of figure `i` among `derivations` (as [`derivations`] sorts them).
pub fn derivation_of(derivations: &[Derivation], i: usize) -> Option<&Derivation> {
    let at = derivations.partition_point(|d| d.result.unwrap_or(usize::MAX) < i);
    derivations.get(at).filter(|d| d.result == Some(i))
}

/// The most figures, and the longest sentence in bytes, read for derivations.
const MAX_FIGURES: usize = 24;
const MAX_SENTENCE: usize = 2_000;

/// One sentence being read for derivations.
struct Reader<'a> {
    text: &'a str,
    prose: &'a str,
    figures: &'a [Figure],
    /// The position of the sentence's first figure among the draft's.
    first: usize,
    sentence: Range<usize>,
}

impl<'a> Reader<'a> {
    fn read(&self, out: &mut Vec<Derivation>) {
        let mut read = Vec::new();
        self.changes(&mut read);
        self.shares(&mut read);
        self.totals(&mut read);
        self.rates(&mut read);
        self.parts_of_wholes(&mut read);
        // A figure is derived one way: the first reading of it stands.
        let mut seen: Vec<Range<usize>> = Vec::new();
        read.retain(|d| {
            let first = !seen.contains(&d.range);
            seen.push(d.range.clone());
            first
        });
        out.extend(read);
    }

    fn figure(&self, i: usize) -> Option<&Figure> {
        self.figures.get(i)
    }

    /// The lower-cased words between two byte offsets of the prose.
    fn words(&self, range: Range<usize>) -> Vec<Cow<'a, str>> {
        let text = self.prose.get(range).unwrap_or("");
        text.split(|c: char| !c.is_alphanumeric() && c != '%' && c != '-' && c != '\'')
            .filter(|w| !w.is_empty())
            .map(crate::text::lower)
            .collect()
    }

    /// Up to `n` words just before figure `i`, nearest last.
    fn before(&self, i: usize, n: usize) -> Vec<Cow<'a, str>> {
        let Some(f) = self.figure(i) else { return Vec::new() };
        let start = i.checked_sub(1).and_then(|p| self.figure(p)).map_or(self.sentence.start, |p| p.range.end);
        let words = self.words(start.max(self.sentence.start)..f.range.start);
        words[words.len().saturating_sub(n)..].to_vec()
    }

    /// Up to `n` words just after figure `i`.
    fn after(&self, i: usize, n: usize) -> Vec<Cow<'a, str>> {
        let Some(f) = self.figure(i) else { return Vec::new() };
        let end = self.figure(i + 1).map_or(self.sentence.end, |x| x.range.start);
        self.words(f.range.end..end.min(self.sentence.end)).into_iter().take(n).collect()
    }

    /// The words of the sentence.
    fn sentence_words(&self) -> Vec<Cow<'a, str>> {
        self.words(self.sentence.clone())
    }

    fn written(&self, i: usize) -> String {
        let range = self.figure(i).map_or(0..0, |f| f.range.clone());
        super::finding::as_written(self.text.get(range).unwrap_or(""))
    }

    /// The amounts of the sentence that may be a change's ends, in order (years, dates and the
    /// like are skipped: `from 30,000 in 2019 to 84,000`).
    fn amounts(&self) -> Vec<usize> {
        (0..self.figures.len()).filter(|&i| self.figure(i).is_some_and(|f| is_amount(f) && f.high.is_none())).collect()
    }

    /// The changes the sentence states, as (old, new): `from A to B`, `to B from A`, `B, up from A`.
    fn stated_changes(&self) -> Vec<(usize, usize)> {
        let amounts = self.amounts();
        let mut pairs = Vec::new();
        for w in amounts.windows(2) {
            let [i, j] = [w[0], w[1]];
            let (Some(a), Some(b)) = (self.figure(i), self.figure(j)) else { continue };
            if !same_measure(a, b) {
                continue;
            }
            let before = self.before(i, 1);
            let between = self.words(a.range.end..b.range.start);
            let last_before = before.last().map(|w| &**w);
            // `from A [in 2019] to B`
            if last_before == Some("from") && between.iter().position(|w| w == "to").is_some_and(|k| k <= 3) {
                pairs.push((i, j));
            // `to B [last year] from A`, `B, up from A`; `rose to 58% for those who entered in
            // 2019, from 51% ...`: what qualifies each end may stand between them after `to`.
            } else if between.last().is_some_and(|w| w == "from")
                && (between.len() <= 6 || (last_before == Some("to") && self.one_clause(a, b) && between.len() <= 14))
                && last_before != Some("from")
            {
                let said = last_before == Some("to") || between.iter().any(|w| is_direction(w));
                if said {
                    pairs.push((j, i));
                }
            }
        }
        pairs
    }

    /// Whether no other clause stands between two figures: no semicolon, `while`, `but`.
    fn one_clause(&self, a: &Figure, b: &Figure) -> bool {
        let gap = a.range.end..b.range.start;
        let text = self.prose.get(gap.clone()).unwrap_or("");
        !text.contains(';') && !self.words(gap).iter().any(|w| matches!(&**w, "while" | "whereas" | "but"))
    }

    fn changes(&self, out: &mut Vec<Derivation>) {
        let pairs = self.stated_changes();
        if pairs.is_empty() {
            self.multiple_on(out);
        }
        for (i, j) in pairs {
            let (Some(a), Some(b)) = (self.figure(i), self.figure(j)) else { continue };
            self.multiples(i, j, out);
            // The percent or points of the change: any other share figure of the sentence.
            let stated = (0..self.figures.len()).filter(|&k| k != i && k != j).find(|&k| {
                self.figure(k).is_some_and(|f| {
                    matches!(f.kind, Kind::Percent | Kind::PercentagePoints)
                        && f.high.is_none()
                        && !self.is_share_of(k)
                        && self.same_clause(i.min(j), j.max(i), k)
                })
            });
            let Some(k) = stated else { continue };
            let Some(p) = self.figure(k) else { continue };
            let (ca, cb) = (input(a), input(b));
            let both_percent = a.kind == Kind::Percent || b.kind == Kind::Percent;
            let points = p.kind == Kind::PercentagePoints;
            let rise = b.value >= a.value;
            let fall = if rise { "rise" } else { "fall" };
            let relative = |x: f64, y: f64| if x == 0.0 { f64::NAN } else { ((y - x) / x * 100.0).abs() };
            let difference = |x: f64, y: f64| (y - x).abs();
            let (value, range) = if points {
                if !both_percent {
                    continue;
                }
                (difference(a.value, b.value), span(ca, cb, difference))
            } else {
                (relative(a.value, b.value), span(ca, cb, relative))
            };
            if !value.is_finite() {
                continue;
            }
            let agrees = holds(p, range);
            let from_to = format!("{} to {}", self.written(i), self.written(j));
            let arithmetic = if both_percent && !points {
                let pts = difference(a.value, b.value);
                format!("{from_to} is a {fall} of {} percentage points, or {}%", round(pts), round(value))
            } else if points {
                format!("{from_to} is a {fall} of {} percentage points", round(value))
            } else {
                format!("{from_to} is a {fall} of {}%", round(value))
            };
            // `an increase of 2 percent` for 4% to 6%: the points were meant, and are right.
            let replacement = if both_percent && !points && holds(p, span(ca, cb, difference)) {
                Some(format!("{} percentage points", round(p.value)))
            } else {
                restate(&self.written(k), p, value)
            };
            out.push(Derivation {
                related: Vec::new(),
                result: Some(self.first + k),
                range: p.range.clone(),
                inputs: vec![self.first + i, self.first + j],
                value,
                agrees,
                arithmetic,
                replacement,
            });
        }
    }

    /// Whether percent `k` speaks of the change between figures `a` and `b`: no other clause
    /// (`while`, `but`, a semicolon) stands between them, and it is no other change's own
    /// (`shrank by 9 percent to 6.3 million`).
    fn same_clause(&self, a: usize, b: usize, k: usize) -> bool {
        let (Some(fa), Some(fb), Some(fk)) = (self.figure(a), self.figure(b), self.figure(k)) else { return false };
        let gap = if k > b { fb.range.end..fk.range.start } else { fk.range.end..fa.range.start };
        let text = self.prose.get(gap.clone()).unwrap_or("");
        let other_clause =
            text.contains(';') || self.words(gap).iter().any(|w| matches!(&**w, "while" | "whereas" | "but"));
        let own_change =
            self.after(k, 1).first().is_some_and(|w| w == "to" || w == "from") && self.figure(k + 1).is_some();
        !other_clause && !own_change
    }

    /// `doubled`, `tripled`, `halved`, `a tenfold rise` with the change's two ends.
    fn multiples(&self, i: usize, j: usize, out: &mut Vec<Derivation>) {
        let (Some(a), Some(b)) = (self.figure(i), self.figure(j)) else { return };
        if a.value <= 0.0 {
            return;
        }
        let words = self.sentence_words();
        let Some((w, factor, hedge)) = multiple_word(&words) else { return };
        let Some(range) = self.word_range(w) else { return };
        // A fall is read as the multiple it divides by, so that `nearly halved` (a little short of
        // half as much again) hedges the fall as `nearly doubled` hedges a rise.
        let (factor, (a, b)) = if factor < 1.0 { (1.0 / factor, (b, a)) } else { (factor, (a, b)) };
        if a.value <= 0.0 {
            return;
        }
        let ratio = |x: f64, y: f64| if x == 0.0 { f64::NAN } else { y / x };
        let computed = span(input(a), input(b), ratio);
        // `doubled` is a loose word: a tenth either way; `more than doubled` a little above.
        let stated = Claim { value: factor, high: None, step: factor * 0.2, hedge };
        let value = self.figure(j).zip(self.figure(i)).map_or(f64::NAN, |(new, old)| new.value / old.value);
        out.push(Derivation {
            related: Vec::new(),
            result: None,
            range,
            inputs: vec![self.first + i, self.first + j],
            value,
            agrees: meets(stated, computed),
            arithmetic: format!("{} to {} is {} times", self.written(i), self.written(j), round(value)),
            replacement: None,
        });
    }

    /// `B, a fourfold increase on A`; `B, double the A of 2014`: a multiple stated with the new
    /// value first and the old one after it.
    fn multiple_on(&self, out: &mut Vec<Derivation>) {
        let words = self.sentence_words();
        let Some((w, _, _)) = multiple_word(&words) else { return };
        let Some(at) = self.word_range(w) else { return };
        let amounts = self.amounts();
        let before = amounts.iter().rev().find(|&&i| self.figure(i).is_some_and(|f| f.range.end <= at.start));
        let after = amounts.iter().find(|&&i| self.figure(i).is_some_and(|f| f.range.start >= at.end));
        let (Some(&b), Some(&a)) = (before, after) else { return };
        let Some(fa) = self.figure(a) else { return };
        let between = self.words(at.end..fa.range.start);
        let on = between.iter().position(|w| matches!(&**w, "on" | "over" | "from" | "the")).is_some_and(|k| k <= 2);
        if on && between.len() <= 4 && self.figure(b).zip(self.figure(a)).is_some_and(|(x, y)| same_measure(x, y)) {
            self.multiples(a, b, out);
        }
    }

    /// The byte range of word `w` (lower-cased) in the sentence.
    fn word_range(&self, w: &str) -> Option<Range<usize>> {
        let text = self.prose.get(self.sentence.clone())?;
        let lower = text.to_lowercase();
        let at = lower.match_indices(w).find(|(at, _)| {
            let before = lower.get(..*at).and_then(|b| b.chars().next_back());
            let after = lower.get(at + w.len()..).and_then(|a| a.chars().next());
            before.is_none_or(|c| !c.is_alphanumeric()) && after.is_none_or(|c| !c.is_alphanumeric())
        })?;
        // Lower-casing keeps byte lengths for the words matched here (ASCII).
        Some(self.sentence.start + at.0..self.sentence.start + at.0 + w.len())
    }

    /// Whether share figure `k` is followed by `of`: a share of something named after it.
    fn is_share_of(&self, k: usize) -> bool {
        self.after(k, 1).first().is_some_and(|w| w == "of")
    }

    /// Whether count `i` is the whole of a share: `of 6.3 million`, `out of 40`, `of the 100`.
    fn is_whole(&self, i: usize) -> bool {
        let before = self.before(i, 4);
        let last = before.last().map(|w| &**w);
        let of_at = before.iter().rposition(|w| w == "of");
        match (last, of_at) {
            (Some("of"), _) => true,
            (Some("the" | "a" | "its" | "their" | "all"), Some(_)) => true,
            // `of a population of 6.3 million`, `of the county's 6.3 million`.
            (_, Some(k)) => before.len() - k <= 3,
            _ => false,
        }
    }

    /// `X, or P% of Y`; `X of the Y, or P%`; `one in five of the Y, or X`.
    fn shares(&self, out: &mut Vec<Derivation>) {
        for k in 0..self.figures.len() {
            let Some(p) = self.figure(k) else { continue };
            if !matches!(p.kind, Kind::Percent | Kind::Fraction) || p.high.is_some() {
                continue;
            }
            let Some((x, y)) = self.share_inputs(k) else { continue };
            let (Some(fx), Some(fy)) = (self.figure(x), self.figure(y)) else { continue };
            if !same_measure(fx, fy) || fx.value >= fy.value || fy.value <= 0.0 {
                continue;
            }
            let percent = p.kind == Kind::Percent;
            let scale = if percent { 100.0 } else { 1.0 };
            let share = |a: f64, b: f64| if b == 0.0 { f64::NAN } else { a / b * scale };
            let value = share(fx.value, fy.value);
            let range = span(input(fx), input(fy), share);
            let stated = |range| {
                if percent {
                    holds(p, range)
                } else {
                    // A share in words is as fine as its neighbours are apart: `one in four` is
                    // not 34% (one in three), whatever step its digits suggest.
                    meets(Claim { step: (p.value * 0.3).max(0.01), ..claim(p) }, range)
                }
            };
            let shown = if percent { format!("{}%", round(value)) } else { format!("{}%", round(value * 100.0)) };
            out.push(Derivation {
                related: Vec::new(),
                result: Some(self.first + k),
                range: p.range.clone(),
                inputs: vec![self.first + x, self.first + y],
                value,
                agrees: stated(range),
                arithmetic: format!("{} of {} is {shown}", self.written(x), self.written(y)),
                replacement: if percent { restate(&self.written(k), p, value) } else { None },
            });
        }
        self.majorities(out);
    }

    /// The part and the whole of share `k`: `X, or P% of Y` (the whole just after `of`, the part
    /// just before the share) or `X of the Y, or P%` (both just before it).
    fn share_inputs(&self, k: usize) -> Option<(usize, usize)> {
        let count = |i: usize| self.figure(i).is_some_and(is_count);
        let close = |a: usize, b: usize| {
            let (Some(fa), Some(fb)) = (self.figure(a), self.figure(b)) else { return Vec::new() };
            let mut words = self.words(fa.range.end..fb.range.start);
            // `more than three in five`: the hedge belongs to the share, not to the gap.
            if fb.hedge.is_some() {
                let written = |phrase: &[&str]| {
                    words.len() >= phrase.len() && words.iter().rev().zip(phrase.iter().rev()).all(|(w, p)| w == p)
                };
                let hedge = crate::lexicon::hedges().iter().find(|(phrase, _)| written(phrase));
                let cut = words.len().saturating_sub(hedge.map_or(0, |(phrase, _)| phrase.len()));
                words.truncate(cut);
            }
            words
        };
        if self.is_share_of(k) {
            let (x, y) = (self.amount_before(k)?, self.amount_after(k)?);
            let between = close(k, y);
            let of_y = between.first().is_some_and(|w| w == "of") && between.len() <= 5;
            return (count(x) && count(y) && of_y && close(x, k).len() <= 3).then_some((x, y));
        }
        let x = self.amount_before(k)?;
        let after_x = close(x, k);
        // `2,340 people …, and 1,610 of them, or 59%`: the whole is the count before the part.
        if matches!(after_x.as_slice(), [of, them, ..] if of == "of" && (them == "them" || them == "those")) {
            let y = self.amount_before(x)?;
            return (count(x) && count(y) && after_x.len() <= 5).then_some((x, y));
        }
        let (x, y) = (self.amount_before(x)?, x);
        // `5,940 of the 17,260`; `5,940 first-generation students among its 17,260`: the part's
        // own noun may stand between it and `of`.
        let part_of_whole = self.part_of(x, y) || self.part_noun_of(x, y);
        (count(x) && count(y) && part_of_whole && close(y, k).len() <= 3).then_some((x, y))
    }

    /// The nearest amount before figure `i` (an ordinal such as the `first` of `first-generation`
    /// is none).
    fn amount_before(&self, i: usize) -> Option<usize> {
        (0..i).rev().find(|&j| self.figure(j).is_some_and(is_amount))
    }

    /// The nearest amount after figure `i`.
    fn amount_after(&self, i: usize) -> Option<usize> {
        (i + 1..self.figures.len()).find(|&j| self.figure(j).is_some_and(is_amount))
    }

    /// `a majority, 40 of the 100`; `most of the board, 4 of its 9 members`: more than half, or not.
    fn majorities(&self, out: &mut Vec<Derivation>) {
        let words = self.sentence_words();
        let Some(w) = words.iter().find(|w| matches!(w.as_ref(), "majority" | "most")) else { return };
        let Some(range) = self.word_range(w) else { return };
        for x in 0..self.figures.len().saturating_sub(1) {
            let y = x + 1;
            let (Some(fx), Some(fy)) = (self.figure(x), self.figure(y)) else { continue };
            if !is_count(fx) || !is_count(fy) || !same_measure(fx, fy) || fy.value <= 0.0 || !self.part_of(x, y) {
                continue;
            }
            let share = fx.value / fy.value * 100.0;
            out.push(Derivation {
                related: Vec::new(),
                result: None,
                range: range.clone(),
                inputs: vec![self.first + x, self.first + y],
                value: share,
                agrees: share > 50.0,
                arithmetic: format!(
                    "{} of {} is {}%, not more than half",
                    self.written(x),
                    self.written(y),
                    round(share)
                ),
                replacement: None,
            });
            return;
        }
    }

    /// The forms of the sentence that name an input they do not state, for figures not derived
    /// from the sentence already.
    fn open(&self, derived: &[Derivation], out: &mut Vec<Open>) {
        let done = |k: usize| derivation_of(derived, self.first + k).is_some();
        for k in 0..self.figures.len() {
            let Some(f) = self.figure(k) else { continue };
            if done(k) || f.high.is_some() {
                continue;
            }
            let read = match f.kind {
                Kind::Percent | Kind::Fraction => self.open_share(k).or_else(|| self.year_before(k)),
                Kind::Rate => self.open_rate(k),
                _ => None,
            };
            let Some((result, need, names)) = read else { continue };
            if !done(result) {
                let (result, sentence) = (self.first + result, self.sentence.clone());
                out.push(Open { result, need: self.placed(need), names, sentence });
            }
        }
        let changed = |o: &Open| matches!(o.need, Need::YearBefore { .. });
        if derived.iter().all(|d| !self.holds_figure(d)) && !out.iter().any(changed) {
            if let Some((result, need, names)) = self.other_end(&done) {
                let (result, sentence) = (self.first + result, self.sentence.clone());
                out.push(Open { result, need: self.placed(need), names, sentence });
            }
        }
    }

    /// Whether derivation `d` is of one of this sentence's figures or words.
    fn holds_figure(&self, d: &Derivation) -> bool {
        d.range.start >= self.sentence.start && d.range.end <= self.sentence.end
    }

    /// A change of which the sentence states one end: one count, amount or sum, and a percent
    /// with a word of change before it or a word of multiples; `since then` (or `since 2015`) or
    /// the end written after the word (`triple the 74 deaths of 2019`) makes the stated end the
    /// old one, `fell to 74` or `38 fires, triple the number in 2023` the new one.
    fn other_end(&self, done: &dyn Fn(usize) -> bool) -> Option<(usize, Need, Vec<String>)> {
        if !self.stated_changes().is_empty() {
            return None;
        }
        let counts: Vec<usize> = (0..self.figures.len()).filter(|&i| self.figure(i).is_some_and(is_count)).collect();
        let [x] = counts.as_slice() else { return None };
        let x = *x;
        let words = self.sentence_words();
        let since =
            words.windows(2).any(|w| matches!(w, [a, b] if a == "since" && (b == "then" || b.parse::<i32>().is_ok())));
        let to_x = self.before(x, 1).first().is_some_and(|w| w == "to");
        let percent = (0..self.figures.len()).find(|&k| self.is_change_percent(k));
        let multiple = multiple_word(&words).and_then(|(w, factor, hedge)| {
            let at = self.word_range(w)?;
            Some(Multiple { factor, hedge, start: at.start, end: at.end })
        });
        // `nearly triple the 74 deaths of 2019`: a stated end after the word is the base.
        let base = multiple.zip(self.figure(x)).is_some_and(|(m, f)| f.range.start > m.end);
        // `38 fires, triple the number in 2023`: the year the other end is of, named after the word.
        let year = multiple.filter(|_| !base).and_then(|m| {
            (0..self.figures.len())
                .filter_map(|i| self.figure(i))
                .find(|f| f.kind == Kind::Year && f.range.start > m.end)
                .map(|f| f.value as i32)
        });
        let old = match (since || base, to_x || year.is_some()) {
            (true, false) => true,
            (false, true) => false,
            _ => return None,
        };
        let names = self.own_names(x);
        if names.is_empty() {
            return None;
        }
        match (percent, multiple) {
            (Some(k), None) if !done(k) => Some((k, Need::OtherEnd { known: x, old, year, multiple: None }, names)),
            (None, Some(m)) => Some((x, Need::OtherEnd { known: x, old, year, multiple: Some(m) }, names)),
            _ => None,
        }
    }

    /// Whether figure `k` is the percent of a change: `cut by 25%`, `up 9%`, `a drop of 34%`.
    fn is_change_percent(&self, k: usize) -> bool {
        let Some(f) = self.figure(k) else { return false };
        let before = self.before(k, 3);
        let change = |w: &Cow<str>| {
            is_direction(w)
                || matches!(
                    w.as_ref(),
                    "cut"
                        | "grown"
                        | "grew"
                        | "fallen"
                        | "risen"
                        | "drop"
                        | "fall"
                        | "rise"
                        | "increase"
                        | "decrease"
                        | "decline"
                        | "gain"
                        | "loss"
                        | "jump"
                )
        };
        f.kind == Kind::Percent && f.high.is_none() && before.iter().any(change) && !self.is_share_of(k)
    }

    /// The stems of the words figure `x` is said with, within its commas: what a statement of
    /// the same quantity at another time shares (`state` in `the state gave the university $164
    /// million`).
    fn own_names(&self, x: usize) -> Vec<String> {
        let Some(f) = self.figure(x) else { return Vec::new() };
        let before = self.prose.get(self.sentence.start..f.range.start).unwrap_or("");
        let before = before.rsplit([',', ';']).next().unwrap_or("");
        let after = self.prose.get(f.range.end..self.sentence.end).unwrap_or("");
        let after = after.split([',', ';', '[']).next().unwrap_or("");
        let words = format!("{before} {after}");
        let weak = ["last", "year", "month", "week", "said", "since", "then", "total", "number", "count"];
        crate::extract::terms::content_terms(&words)
            .into_iter()
            .filter(|w| !w.chars().any(|c| c.is_ascii_digit()) && !weak.contains(&w.as_str()) && !is_direction(w))
            .collect()
    }

    /// A need with its figures placed among the draft's.
    fn placed(&self, need: Need) -> Need {
        match need {
            Need::Whole { part } => Need::Whole { part: self.first + part },
            Need::WholeOfShare { share } => Need::WholeOfShare { share: self.first + share },
            Need::YearBefore { new } => Need::YearBefore { new: self.first + new },
            Need::Population { count } => Need::Population { count: count.map(|c| self.first + c) },
            Need::OtherEnd { known, old, year, multiple } => {
                Need::OtherEnd { known: self.first + known, old, year, multiple }
            }
        }
    }

    /// The words from the end of figure `k` to the next figure, the end of the sentence or the
    /// first comma, semicolon or dash: the phrase that belongs to it.
    fn phrase_after(&self, k: usize) -> Vec<Cow<'a, str>> {
        let Some(f) = self.figure(k) else { return Vec::new() };
        let end = self.figure(k + 1).map_or(self.sentence.end, |x| x.range.start).min(self.sentence.end);
        let text = self.prose.get(f.range.end..end).unwrap_or("");
        let cut = text.find([',', ';', '(', '[', '\u{2014}', ':']).unwrap_or(text.len());
        self.words(f.range.end..f.range.end + cut)
    }

    /// `X, one in six of all the jobs`, `X of the deaths, or 84%`, `one in four of those who
    /// died, or 71 people`: a share of a whole the sentence names but does not state.
    fn open_share(&self, k: usize) -> Option<(usize, Need, Vec<String>)> {
        let after = self.phrase_after(k);
        if after.first().is_some_and(|w| w == "of") {
            let names = names_of(after.get(1..)?);
            let ends_here = after.len() <= 9 && !names.is_empty();
            let next = self.figure(k + 1);
            let between = next.map(|x| self.words(self.figure(k).map_or(0, |f| f.range.end)..x.range.start));
            let or_count = between.as_ref().is_some_and(|b| b.last().is_some_and(|w| w == "or") && b.len() <= 8);
            if ends_here && or_count && next.is_some_and(is_count) {
                return Some((k + 1, Need::WholeOfShare { share: k }, names));
            }
            let x = k.checked_sub(1)?;
            let near = self.figure(x).is_some_and(is_count) && self.before(k, 8).len() <= 6;
            return (ends_here && near && !self.is_old_end(x)).then_some((k, Need::Whole { part: x }, names));
        }
        // `171 of the deaths, or 84%`
        let x = k.checked_sub(1)?;
        let of = self.phrase_after(x);
        // `, or 84%`, `, or about 80%`: the hedge stands outside the figure.
        let mut between = self.before(k, 12);
        if self.figure(k).is_some_and(|p| p.hedge.is_some()) {
            between.pop();
        }
        let named = matches!(of.as_slice(), [o, d, ..] if o == "of" && is_determiner(d));
        let or = between.last().is_some_and(|w| w == "or") && between.len() == of.len() + 1;
        let names = names_of(of.get(1..)?);
        (named && or && self.figure(x).is_some_and(is_count) && !names.is_empty() && of.len() <= 5).then_some((
            k,
            Need::Whole { part: x },
            names,
        ))
    }

    /// Whether count `i` is the old end of a change (`up from 874`).
    fn is_old_end(&self, i: usize) -> bool {
        self.before(i, 1).first().is_some_and(|w| matches!(&**w, "from" | "than" | "versus" | "vs"))
    }

    /// `1,412 calls, up 10% on the year before`: a change whose old value is the same quantity
    /// a year earlier, not stated in the sentence.
    fn year_before(&self, k: usize) -> Option<(usize, Need, Vec<String>)> {
        let f = self.figure(k)?;
        let after = self.after(k, 5);
        let earlier = ["before", "earlier", "previous", "prior", "last", "ago"];
        let said = after.iter().any(|w| w == "year") && after.iter().any(|w| earlier.contains(&&**w));
        let moved = self.before(k, 2).iter().any(|w| is_direction(w) || w == "increase" || w == "decrease");
        if f.kind != Kind::Percent || !said || !moved || !self.stated_changes().is_empty() {
            return None;
        }
        let new = (0..k).rev().find(|&i| self.figure(i).is_some_and(is_count))?;
        Some((k, Need::YearBefore { new }, Vec::new()))
    }

    /// `a rate of 61 per 100,000 residents` beside a count and no population, or beside neither
    /// (`the January count works out to a rate of 71 per 10,000`).
    fn open_rate(&self, k: usize) -> Option<(usize, Need, Vec<String>)> {
        let rate = self.figure(k)?;
        rate.unit.as_deref().and_then(per_base)?;
        let counts: Vec<usize> =
            (0..self.figures.len()).filter(|&i| i != k && self.figure(i).is_some_and(is_count)).collect();
        match counts.as_slice() {
            // The population must be of people (`per 100,000 residents`), not of `workers` or
            // `vehicles` a residents count would not give.
            [x] if !self.is_population(*x) && self.of_people(k) => {
                Some((k, Need::Population { count: Some(*x) }, Vec::new()))
            }
            [] => {
                let clause = self.prose.get(self.sentence.start..rate.range.start).unwrap_or("");
                let clause = clause.rsplit([',', ';', ':']).next().unwrap_or("");
                let names: Vec<String> =
                    crate::extract::terms::content_terms(clause).into_iter().filter(|w| !is_rate_word(w)).collect();
                (!names.is_empty() && names.len() <= 3).then_some((k, Need::Population { count: None }, names))
            }
            _ => None,
        }
    }

    /// Whether rate `k` is per head of a population: `per 100,000 residents`, or no noun.
    fn of_people(&self, k: usize) -> bool {
        self.phrase_after(k).first().is_none_or(|w| is_population_word(w) || w == "people")
    }

    /// Whether count `i` is a population: `640,000 residents`, `a population of 640,000`.
    fn is_population(&self, i: usize) -> bool {
        self.after(i, 1).first().is_some_and(|w| is_population_word(w))
            || self.before(i, 2).first().is_some_and(|w| w == "population")
    }

    /// Whether figures `x` and `y` read `X things done, of the Y`: the part named, then its
    /// whole after a comma.
    fn part_then_of(&self, x: usize, y: usize) -> bool {
        let (Some(fx), Some(fy)) = (self.figure(x), self.figure(y)) else { return false };
        let text = self.prose.get(fx.range.end..fy.range.start).unwrap_or("");
        let tail = text.trim_end().to_lowercase();
        let of = [", of the", ", out of the", ", of its", ", out of"].iter().any(|t| tail.ends_with(t));
        of && !text.contains([';', '(', '[']) && self.words(fx.range.end..fy.range.start).len() <= 9
    }

    /// Whether figures `x` and `y` read `X of the Y`, `X of its Y`, `X out of Y`, `X among the Y`.
    fn part_of(&self, x: usize, y: usize) -> bool {
        let (Some(fx), Some(fy)) = (self.figure(x), self.figure(y)) else { return false };
        let between = self.words(fx.range.end..fy.range.start);
        matches!(between.as_slice(), [of] if is_part_word(of))
            || matches!(between.as_slice(), [of, the] if is_part_word(of) && is_determiner(the))
            || matches!(between.as_slice(), [out, of] if out == "out" && of == "of")
    }

    /// Whether figures `x` and `y` read `X things among its Y`, `X things of the Y`: the part's
    /// noun, then the whole, in one clause of a few words.
    fn part_noun_of(&self, x: usize, y: usize) -> bool {
        let (Some(fx), Some(fy)) = (self.figure(x), self.figure(y)) else { return false };
        let text = self.prose.get(fx.range.end..fy.range.start).unwrap_or("");
        let between = self.words(fx.range.end..fy.range.start);
        let n = between.len();
        let whole = n >= 3
            && between.get(n - 2).is_some_and(|w| is_part_word(w))
            && between.get(n - 1).is_some_and(|w| is_determiner(w));
        whole && n <= 6 && !text.contains([',', ';', '(', '['])
    }

    /// `A, B and C, a total of N`.
    fn totals(&self, out: &mut Vec<Derivation>) {
        for k in 0..self.figures.len() {
            let Some(total) = self.figure(k) else { continue };
            let before = self.before(k, 3);
            let after = self.after(k, 3);
            let says_total = before.iter().any(|w| {
                matches!(&**w, "total" | "totalling" | "totaling" | "combined" | "altogether" | "all" | "together")
            }) || matches!(after.as_slice(), [a, b, ..] if a == "in" && (b == "all" || b == "total"))
                || after.first().is_some_and(|w| w == "altogether" || w == "combined");
            if !says_total || !is_amount(total) || total.high.is_some() {
                continue;
            }
            let parts: Vec<usize> = (0..k)
                .filter(|&i| self.figure(i).is_some_and(|f| is_amount(f) && same_measure(f, total) && f.high.is_none()))
                .filter(|&i| !self.is_whole(i))
                .collect();
            if parts.len() < 2 || parts.iter().any(|&i| self.figure(i).is_some_and(|f| f.hedge.is_some())) {
                continue;
            }
            // A total is the sum of the parts as written, not of what their rounding allows.
            let value: f64 = parts.iter().filter_map(|&i| self.figure(i)).map(|f| f.value).sum();
            let (low, high) = (value, value);
            let written: Vec<String> = parts.iter().map(|&i| self.written(i)).collect();
            out.push(Derivation {
                related: Vec::new(),
                result: Some(self.first + k),
                range: total.range.clone(),
                inputs: parts.iter().map(|i| self.first + i).collect(),
                value,
                agrees: holds(total, (low, high)),
                arithmetic: format!("{} add up to {}", written.join(" + "), round(value)),
                replacement: restate(&self.written(k), total, value),
            });
        }
    }

    /// `312 deaths in a population of 640,000, a rate of 48.8 per 100,000`.
    fn rates(&self, out: &mut Vec<Derivation>) {
        for k in 0..self.figures.len() {
            let Some(rate) = self.figure(k) else { continue };
            let Some(base) = rate.unit.as_deref().and_then(per_base) else { continue };
            if rate.kind != Kind::Rate || rate.high.is_some() {
                continue;
            }
            let counts: Vec<usize> =
                (0..self.figures.len()).filter(|&i| self.figure(i).is_some_and(is_count)).collect();
            // `a population of 640,000`, `640,000 residents`; or the count of what the rate is per
            // (`20,360 students` for `11 per 1,000 students`).
            let per = self.phrase_after(k).first().cloned();
            let population = counts.iter().copied().find(|&i| {
                self.after(i, 1).first().is_some_and(|w| is_population_word(w) || per.as_deref() == Some(&**w))
                    || self.before(i, 2).first().is_some_and(|w| w == "population")
            });
            let Some(y) = population else { continue };
            let others: Vec<usize> = counts.into_iter().filter(|&i| i != y).collect();
            let [x] = others.as_slice() else { continue };
            let (Some(fx), Some(fy)) = (self.figure(*x), self.figure(y)) else { continue };
            if fy.value <= fx.value {
                continue;
            }
            let per = |a: f64, b: f64| if b == 0.0 { f64::NAN } else { a / b * base };
            let value = per(fx.value, fy.value);
            out.push(Derivation {
                related: Vec::new(),
                result: Some(self.first + k),
                range: rate.range.clone(),
                inputs: vec![self.first + x, self.first + y],
                value,
                agrees: holds(rate, span(input(fx), input(fy), per)),
                arithmetic: format!(
                    "{} in {} is {} per {}",
                    self.written(*x),
                    self.written(y),
                    round(value),
                    crate::extract::figure::with_commas(base, 0)
                ),
                replacement: restate(&self.written(k), rate, value),
            });
        }
    }

    /// `45 of the 40 seats`: a part larger than its whole.
    fn parts_of_wholes(&self, out: &mut Vec<Derivation>) {
        for x in 0..self.figures.len().saturating_sub(1) {
            let y = x + 1;
            let (Some(fx), Some(fy)) = (self.figure(x), self.figure(y)) else { continue };
            let of = self.part_of(x, y) || self.part_then_of(x, y);
            if !of || !is_count(fx) || !is_count(fy) || !same_measure(fx, fy) || fx.hedge.is_some() {
                continue;
            }
            if fx.value <= fy.value {
                continue;
            }
            out.push(Derivation {
                related: Vec::new(),
                result: Some(self.first + x),
                range: fx.range.clone(),
                inputs: vec![self.first + y],
                value: fy.value,
                agrees: false,
                arithmetic: format!("{} is more than the whole it is part of, {}", self.written(x), self.written(y)),
                replacement: None,
            });
        }
    }
}

/// Whether a figure states an amount (a count, sum, quantity, rate or share), not a date, time,
/// position or age.
pub(crate) fn is_amount(f: &Figure) -> bool {
    !matches!(f.kind, Kind::Year | Kind::Date | Kind::Time | Kind::Ordinal)
        && f.unit.as_deref() != Some(crate::extract::AGE)
        && !f.period
}

/// Whether a figure counts things (or sums money, or measures a quantity).
pub(crate) fn is_count(f: &Figure) -> bool {
    matches!(f.kind, Kind::Number | Kind::Money | Kind::Quantity) && is_amount(f) && f.high.is_none()
}

/// Whether two figures measure alike, so one can be set against the other. A bare number beside
/// a percent or rate takes its unit (`from 4.2 to 5.1 percent`, `from 106 to 2.2 per 100,000`).
pub(crate) fn same_measure(a: &Figure, b: &Figure) -> bool {
    let bare = |f: &Figure| f.kind == Kind::Number && f.unit.is_none();
    a.kind == b.kind && a.unit == b.unit
        || (bare(a) && matches!(b.kind, Kind::Percent | Kind::Rate))
        || (bare(b) && matches!(a.kind, Kind::Percent | Kind::Rate))
}

pub(crate) fn claim(f: &Figure) -> Claim {
    Claim { value: f.value, high: f.high, step: f.step, hedge: f.hedge }
}

/// What an input allows, as an interval with the value written. An input is read to the step it
/// is written to (`30,000` is thirty thousand, not anything from 25,000 to 35,000 as a rounded
/// fact would be): the draft computed from what it wrote. A hedged input allows what its hedge
/// allows.
#[derive(Clone, Copy)]
pub(crate) struct Input {
    low: f64,
    high: f64,
    value: f64,
}

/// A loose share (`about one in four`) as an input: its value, `reach` of it either way.
pub(crate) fn loose_input(value: f64, reach: f64) -> Input {
    Input { low: value * (1.0 - reach), high: value * (1.0 + reach), value }
}

pub(crate) fn input(f: &Figure) -> Input {
    let (low, high) = match f.hedge {
        Some(_) => claim(f).interval(),
        None => (f.value - f.step / 2.0, f.value + f.step / 2.0),
    };
    Input { low, high, value: f.value }
}

/// The smallest and largest values of `f(a, b)` over what the two inputs allow, for an `f` that
/// rises or falls with each argument (the extremes are at the corners).
pub(crate) fn span(a: Input, b: Input, f: impl Fn(f64, f64) -> f64) -> (f64, f64) {
    let corners = [f(a.low, b.low), f(a.low, b.high), f(a.high, b.low), f(a.high, b.high), f(a.value, b.value)];
    let finite = corners.iter().copied().filter(|v| v.is_finite());
    let low = finite.clone().fold(f64::INFINITY, f64::min);
    let high = finite.fold(f64::NEG_INFINITY, f64::max);
    (low, high)
}

/// Whether a stated claim allows a value within `range`.
pub(crate) fn meets(stated: Claim, (low, high): (f64, f64)) -> bool {
    if low > high {
        return true;
    }
    let (s0, s1) = stated.interval();
    s0 <= high && low <= s1
}

/// Whether a stated result allows a value within `range`, reading it to the step it is written
/// to (`a rise of 30%` is thirty, not twenty-five to thirty-five): a computed figure is as exact
/// as the draft writes it, unless hedged.
pub(crate) fn holds(stated: &Figure, range: (f64, f64)) -> bool {
    let Input { low, high, .. } = input(stated);
    let (r0, r1) = range;
    r0 > r1 || (low <= r1 && r0 <= high) || (stated.hedge.is_some() && meets(claim(stated), range))
}

/// A value as a message shows it: to three significant figures, at most one decimal above 10.
pub(crate) fn round(value: f64) -> String {
    let decimals = if value.abs() >= 100.0 {
        0
    } else if value.abs() >= 10.0 {
        1
    } else {
        2
    };
    let text = crate::extract::figure::with_commas(value, decimals);
    if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        text
    }
}

/// The written figure with its number replaced by `value`, as precise as it was written (one
/// more decimal where that rounding would still be wrong).
pub(crate) fn restate(written: &str, figure: &Figure, value: f64) -> Option<String> {
    let step = precision(figure.value, figure.step).min(figure.step.max(f64::MIN_POSITIVE));
    let step = if (value / step).round() * step == 0.0 { step / 10.0 } else { step };
    let new = super::style::restyle_value(written, figure, value, step)?;
    (new != written).then_some(new)
}

/// The base of a rate unit: `per 100,000` -> 100,000.
pub(crate) fn per_base(unit: &str) -> Option<f64> {
    let rest = unit.strip_prefix("per ")?;
    let base: f64 = rest.replace(',', "").trim().parse().ok()?;
    (base >= 10.0).then_some(base)
}

/// The stems naming a whole after its `of` (`all the jobs in the city` -> `job`, `city`;
/// `those who died` -> `die`), at most four.
fn names_of(words: &[Cow<'_, str>]) -> Vec<String> {
    let named: Vec<String> = words
        .iter()
        .filter(|w| crate::extract::terms::is_content_word(w) && !w.chars().any(|c| c.is_ascii_digit()))
        .map(|w| crate::extract::terms::stem(w))
        .collect();
    if named.len() > 4 {
        Vec::new()
    } else {
        named
    }
}

/// Words around a rate that say nothing of what it counts: `works out to a rate of`.
fn is_rate_word(stem: &str) -> bool {
    matches!(stem, "rate" | "rat" | "work" | "come" | "amount" | "equal" | "translat" | "mean" | "size" | "per")
}

/// `the`, `its`, `their`, `those`: what stands between `of` and a whole (`4 of its 9 trustees`).
fn is_determiner(w: &str) -> bool {
    matches!(w, "the" | "its" | "their" | "his" | "her" | "our" | "all" | "those" | "these")
}

/// `of`, `among`: what stands between a part and its whole (`5,940 among its 17,260`).
fn is_part_word(w: &str) -> bool {
    matches!(w, "of" | "among")
}

/// Words that say a value moved: `up from 96`, `down from 2,310`.
fn is_direction(w: &str) -> bool {
    matches!(
        w,
        "up" | "down"
            | "rose"
            | "fell"
            | "rising"
            | "falling"
            | "increased"
            | "decreased"
            | "climbed"
            | "dropped"
            | "compared"
            | "against"
    )
}

pub(crate) fn is_population_word(w: &str) -> bool {
    matches!(w, "population" | "residents" | "inhabitants")
}

/// The multiple a word states, and its hedge: `doubled` (2), `tripled` (3), `halved` (0.5),
/// `tenfold` (10), `more than doubled` (over 2).
fn multiple_word<'a>(words: &'a [Cow<'_, str>]) -> Option<(&'a str, f64, Option<Hedge>)> {
    let (i, w, factor) = words.iter().enumerate().find_map(|(i, w)| {
        let factor = match w.as_ref() {
            "doubled" | "doubling" | "double" | "doubles" => 2.0,
            "tripled" | "trebled" | "tripling" | "triple" | "triples" => 3.0,
            "quadrupled" | "quadrupling" => 4.0,
            "halved" | "halving" => 0.5,
            other => fold(other)?,
        };
        Some((i, w.as_ref(), factor))
    })?;
    let before: Vec<&str> = words[i.saturating_sub(2)..i].iter().map(|w| w.as_ref()).collect();
    let hedge = match before.as_slice() {
        [.., "more", "than"] | [.., "over"] => Some(Hedge::Over),
        [.., "nearly"] | [.., "almost"] => Some(Hedge::Nearly),
        [.., "about"] | [.., "roughly"] | [.., "some"] => Some(Hedge::About),
        _ => None,
    };
    Some((w, factor, hedge))
}

/// `tenfold`, `ten-fold`, `3-fold`: the multiple.
fn fold(word: &str) -> Option<f64> {
    let head = word.strip_suffix("fold")?.trim_end_matches('-');
    head.parse::<f64>().ok().or_else(|| crate::lexicon::cardinal(head)).filter(|v| *v >= 2.0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::read_draft;

    fn derived(text: &str) -> Vec<(String, bool, String)> {
        let draft = read_draft(text);
        derivations(text, &draft).into_iter().map(|d| (text[d.range].to_string(), d.agrees, d.arithmetic)).collect()
    }

    #[test]
    fn a_change_is_recomputed_from_its_two_ends() {
        let found = derived("The rate fell from 106 to 2.2 per 100,000, a drop of 90 percent.\n");
        let arithmetic = "106 to 2.2 per 100,000 is a fall of 97.9%".to_string();
        assert_eq!(found, [("90 percent".to_string(), false, arithmetic)]);
        assert!(derived("The rate fell from 106 to 2.2 per 100,000, a drop of 98 percent.\n")[0].1);
    }

    #[test]
    fn percent_and_points_are_told_apart() {
        let points = derived("Unemployment rose from 4% to 6%, an increase of 2 percentage points.\n");
        assert!(points[0].1, "{points:?}");
        let percent = derived("Unemployment rose from 4% to 6%, an increase of 2 percent.\n");
        assert!(!percent[0].1 && percent[0].2.contains("2 percentage points, or 50%"), "{percent:?}");
    }

    #[test]
    fn shares_totals_rates_and_multiples() {
        assert!(!derived("Some 84,000 people, or 1.7% of a population of 6.3 million, were held.\n")[0].1);
        assert!(derived("Some 84,000 people, or 1.3% of a population of 6.3 million, were held.\n")[0].1);
        let total = "The city spent $12 million on roads, $8.5 million on parks and $3 million on libraries, \
                     a total of $25 million.\n";
        assert_eq!(derived(total)[0].2, "$12 million + $8.5 million + $3 million add up to 23,500,000");
        assert!(!derived(total)[0].1);
        assert!(!derived("Arrests doubled, from 30,000 to 84,000.\n")[0].1);
        assert!(derived("Arrests nearly tripled, from 30,000 to 84,000.\n")[0].1);
        assert!(
            !derived("The county recorded 312 deaths among its 640,000 residents, a rate of 61 per 100,000.\n")[0].1
        );
        assert!(!derived("Officials filled 45 of the 40 seats.\n")[0].1);
    }

    #[test]
    fn what_is_no_derivation_is_left_alone() {
        assert!(derived("The office is open from 9 a.m. to 5 p.m. and served 300 people.\n").is_empty());
        assert!(derived("Between 10 and 12 people were hurt in 2023, and 3 of the 9 boats sank.\n").is_empty());
        assert!(derived("Arrests rose from 30,000 in 2019 to 84,000 in 2024.\n").is_empty());
    }
}
