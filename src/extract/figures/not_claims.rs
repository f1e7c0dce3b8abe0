//! Numbers in prose that make no claim: phone numbers, street addresses, shirt and squad numbers
//! (`No. 17`), and scores and vote tallies (`won 3-1`, `split 5-4`). Each reader returns the
//! token after what it skips, or `None` when the number is not of its sort.

use super::{Scanner, T};

/// Words before a pair like `3-1` that make it a score or a tally rather than a range.
const CONTESTS: &[&str] = &[
    "beat",
    "beats",
    "beating",
    "won",
    "win",
    "wins",
    "winning",
    "lost",
    "lose",
    "loses",
    "losing",
    "drew",
    "draw",
    "drawn",
    "defeat",
    "defeated",
    "defeats",
    "score",
    "scored",
    "scoreline",
    "made",
    "finished",
    "ended",
    "trailed",
    "trailing",
    "led",
    "leading",
    "vote",
    "voted",
    "votes",
    "split",
    "margin",
    "ruling",
    "tally",
];

/// Words right after such a pair that name what it scored: `a 3-1 win`, `a 5-4 vote`.
const RESULTS: &[&str] =
    &["win", "victory", "defeat", "loss", "draw", "vote", "majority", "decision", "ruling", "scoreline", "verdict"];

/// Street suffixes that make the number before a street name a house number.
const STREETS: &[&str] = &[
    "street",
    "st",
    "road",
    "rd",
    "avenue",
    "ave",
    "boulevard",
    "blvd",
    "lane",
    "ln",
    "drive",
    "dr",
    "way",
    "place",
    "pl",
    "court",
    "ct",
    "square",
    "sq",
    "highway",
    "hwy",
    "parkway",
    "pkwy",
    "terrace",
    "crescent",
    "close",
    "row",
    "walk",
    "mews",
    "gardens",
    "quay",
    "wharf",
    "alley",
    "circle",
    "plaza",
    "esplanade",
];

/// Words before a number that make it a number to call.
const DIAL: &[&str] = &["call", "calling", "phone", "telephone", "tel", "line", "hotline", "dial", "text", "fax"];

impl Scanner<'_> {
    /// The token after a number at `i` that makes no claim.
    pub(super) fn not_a_claim(&self, i: usize) -> Option<usize> {
        self.phone_number(i).or_else(|| self.squad_number(i)).or_else(|| self.score(i)).or_else(|| self.address(i))
    }

    fn digits(&self, i: usize) -> Option<usize> {
        let s = self.s(i);
        (self.is(i, T::Num) && s.bytes().all(|b| b.is_ascii_digit())).then_some(s.len())
    }

    /// `215-686-8477`, `555-0142` after `call`, `(215) 686-8477`.
    fn phone_number(&self, i: usize) -> Option<usize> {
        let joined = |a: usize| {
            matches!(self.s(a + 1), "-" | "." | "–") && self.adjacent(a, a + 1) && self.adjacent(a + 1, a + 2)
        };
        let first = self.digits(i)?;
        // 0800 555 0142, 020 7946 0958: a leading zero and groups of digits.
        if first >= 3 && self.s(i).starts_with('0') && self.digits(i + 1).is_some() && self.single_space(i, i + 1) {
            let mut k = i + 1;
            while self.digits(k + 1).is_some() && self.single_space(k, k + 1) {
                k += 1;
            }
            return Some(k + 1);
        }
        if first == 3 && joined(i) && self.digits(i + 2) == Some(3) && joined(i + 2) && self.digits(i + 4) == Some(4) {
            return Some(i + 5);
        }
        if first == 3 && self.s(i.checked_sub(1)?) == "(" && self.s(i + 1) == ")" && self.digits(i + 2) == Some(3) {
            return Some(if joined(i + 2) && self.digits(i + 4) == Some(4) { i + 5 } else { i + 3 });
        }
        if first == 3 && joined(i) && self.digits(i + 2) == Some(4) {
            let dialled = (i.saturating_sub(3)..i).any(|k| DIAL.contains(&&*self.lower(k)));
            if dialled || self.s(i + 2).starts_with('0') {
                return Some(i + 3);
            }
        }
        None
    }

    /// `No. 17`, `no 9`, `number 10 shirt`: a place in a squad or list.
    fn squad_number(&self, i: usize) -> Option<usize> {
        self.digits(i)?;
        let prev = i.checked_sub(1)?;
        let (word, at) = if self.s(prev) == "." { (prev.checked_sub(1)?, prev) } else { (prev, prev) };
        let named = matches!(self.s(word), "No" | "no" | "Nos" | "nos") && (at == word || self.adjacent(word, at));
        named.then_some(i + 1)
    }

    /// `3-1`, `5–4`: a score or a tally when a word of contest stands close by.
    fn score(&self, i: usize) -> Option<usize> {
        let (a, b) = (self.digits(i)?, self.digits(i + 2)?);
        let dash = matches!(self.s(i + 1), "-" | "–" | "—") && self.adjacent(i, i + 1) && self.adjacent(i + 1, i + 2);
        if !dash || a > 3 || b > 3 {
            return None;
        }
        let before = (i.saturating_sub(4)..i).any(|k| self.is(k, T::Word) && CONTESTS.contains(&&*self.lower(k)));
        let after = self.is(i + 3, T::Word) && RESULTS.contains(&&*self.lower(i + 3));
        (before || after).then_some(i + 3)
    }

    /// `400 N. Broad St.`, `1400 Harbor Road`: a number before a street's name.
    fn address(&self, i: usize) -> Option<usize> {
        self.digits(i)?;
        let mut k = i + 1;
        let mut named = 0;
        while k <= i + 6 {
            if self.s(k) == "." && self.adjacent(k - 1, k) {
                k += 1;
                continue;
            }
            if !self.is(k, T::Word) || !self.starts_upper(k) {
                return None;
            }
            if named > 0 && STREETS.contains(&&*self.lower(k)) {
                return Some(i + 1);
            }
            named += 1;
            k += 1;
        }
        None
    }
}
