//! Numbers written in words: `eleven`, `eighty-four thousand`, `a dozen`, `two-thirds`, `21st`.

use crate::lexicon;

/// The denominator named by a fraction word: `half`, `thirds`, `quarter`, `eighths`.
pub fn denominator(word: &str) -> Option<f64> {
    let singular = word.strip_suffix('s').unwrap_or(word);
    match singular {
        "half" | "halve" => Some(2.0),
        "quarter" => Some(4.0),
        // `first` and `second` name positions and seconds, not parts.
        "first" | "second" => None,
        other => lexicon::ordinal(other),
    }
}

/// Whether a word counts dozens: `dozen`, `dozens` and the abbreviations `doz` and `dz`.
pub fn is_dozen(word: &str) -> bool {
    matches!(word, "dozen" | "dozens" | "doz" | "dozs" | "dz" | "dzs")
}

/// The value of a fraction written as one character: `½`, `¾`, `⅔`.
pub fn vulgar_fraction(symbol: &str) -> Option<f64> {
    Some(match symbol {
        "½" => 1.0 / 2.0,
        "⅓" => 1.0 / 3.0,
        "⅔" => 2.0 / 3.0,
        "¼" => 1.0 / 4.0,
        "¾" => 3.0 / 4.0,
        "⅕" => 1.0 / 5.0,
        "⅖" => 2.0 / 5.0,
        "⅗" => 3.0 / 5.0,
        "⅘" => 4.0 / 5.0,
        "⅙" => 1.0 / 6.0,
        "⅚" => 5.0 / 6.0,
        "⅐" => 1.0 / 7.0,
        "⅛" => 1.0 / 8.0,
        "⅜" => 3.0 / 8.0,
        "⅝" => 5.0 / 8.0,
        "⅞" => 7.0 / 8.0,
        "⅑" => 1.0 / 9.0,
        "⅒" => 1.0 / 10.0,
        _ => return None,
    })
}

/// Whether a numeric suffix makes an ordinal: `1st`, `22nd`, `3rd`, `4th`.
pub fn is_ordinal_suffix(suffix: &str) -> bool {
    matches!(suffix.to_ascii_lowercase().as_str(), "st" | "nd" | "rd" | "th")
}

/// Accumulates a cardinal number read word by word (`two hundred and five thousand`).
#[derive(Debug, Default, Clone, Copy)]
pub struct Cardinal {
    total: f64,
    current: f64,
    /// What the last word was, to refuse sequences such as `five six`.
    last: Last,
    pub words: usize,
    /// After `and` joined a small part (`two hundred and three`): the value before it and the
    /// scale it followed, so that `three quarters` or `dozen` after it can apply to that part.
    and_head: Option<(f64, f64)>,
}

#[derive(Debug, Default, Clone, Copy, PartialEq)]
enum Last {
    #[default]
    Nothing,
    Unit,
    Teen,
    Tens,
    Hundred,
    Scale(f64),
    /// Digits after a scale: `4 thousand 3`, which only a scale can follow.
    Digits,
}

impl Cardinal {
    /// Adds `word`; returns false (and changes nothing) when it cannot continue the number.
    pub fn push(&mut self, word: &str) -> bool {
        if let Some(t) = lexicon::tens(word) {
            if !matches!(self.last, Last::Nothing | Last::Hundred | Last::Scale(_)) {
                return false;
            }
            self.current += t;
            self.last = Last::Tens;
        } else if let Some(v) = lexicon::cardinal(word) {
            if !matches!(self.last, Last::Nothing | Last::Tens | Last::Hundred | Last::Scale(_)) {
                return false;
            }
            if self.last == Last::Tens && v >= 10.0 {
                return false;
            }
            self.current += v;
            self.last = if v >= 10.0 { Last::Teen } else { Last::Unit };
        } else if word == "hundred" {
            if matches!(self.last, Last::Hundred) || self.current >= 100.0 {
                return false;
            }
            self.current = self.current.max(1.0) * 100.0;
            self.last = Last::Hundred;
        } else if matches!(word, "crore" | "crores")
            && matches!(self.last, Last::Scale(s) if s == 1e5 || s == 1e3)
            && self.current == 0.0
            && self.total < 1e7
        {
            // `three lakh crore`, `five thousand crore`: a count of crores.
            self.total *= 1e7;
            self.last = Last::Scale(1e7);
        } else if let Some(scale) = lexicon::scale(word) {
            if let Last::Scale(previous) = self.last {
                if scale >= previous {
                    return false;
                }
            }
            if self.total > 0.0 && self.total < scale * 1000.0 && self.current == 0.0 {
                return false;
            }
            self.total += self.current.max(1.0) * scale;
            self.current = 0.0;
            self.last = Last::Scale(scale);
        } else {
            return false;
        }
        if matches!(self.last, Last::Hundred | Last::Scale(_)) {
            self.and_head = None;
        }
        self.words += 1;
        true
    }

    /// Adds a whole number written in digits after a scale (`4 thousand 3 hundred`, `3 hundred
    /// and 21`); returns false (and changes nothing) when it cannot continue the number.
    pub fn push_digits(&mut self, n: f64) -> bool {
        let fits = match self.last {
            Last::Hundred => n < 100.0,
            Last::Scale(s) => n < s.min(1000.0),
            _ => false,
        };
        if !fits || n < 1.0 || n.fract() != 0.0 {
            return false;
        }
        self.current += n;
        self.last = Last::Digits;
        self.words += 1;
        true
    }

    /// Notes that `and` joins what comes next to the number read so far.
    pub fn mark_and(&mut self) {
        let scale = match self.last {
            Last::Hundred => 100.0,
            Last::Scale(s) => s,
            _ => return,
        };
        self.and_head = Some((self.value(), scale));
    }

    /// `two hundred and three`: the value before `and` (200), the part after it (3) and the scale
    /// before `and` (100), when that part is a small number.
    pub fn and_split(&self) -> Option<(f64, f64, f64)> {
        let (head, scale) = self.and_head?;
        let part = self.value() - head;
        (part > 0.0 && part < 100.0).then_some((head, part, scale))
    }

    /// The scale of the last word when it was one (`two million` -> 1e6).
    pub fn last_scale(&self) -> Option<f64> {
        match self.last {
            Last::Hundred => Some(100.0),
            Last::Scale(s) => Some(s),
            _ => None,
        }
    }

    /// Starts the number at a value already read (digits before `hundred`, `a` before `dozen`).
    pub fn starting_at(value: f64) -> Self {
        Self { total: 0.0, current: value, last: Last::Unit, words: 1, and_head: None }
    }

    pub fn value(&self) -> f64 {
        self.total + self.current
    }

    /// Whether the last word was a scale (so `and` may follow: `two hundred and five`).
    pub fn ends_in_scale(&self) -> bool {
        matches!(self.last, Last::Hundred | Last::Scale(_))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(words: &str) -> Option<f64> {
        let mut n = Cardinal::default();
        for w in words.split([' ', '-']).filter(|w| !w.is_empty() && *w != "and") {
            if !n.push(w) {
                return None;
            }
        }
        Some(n.value())
    }

    #[test]
    fn reads_compound_cardinals() {
        assert_eq!(read("eighty-four thousand"), Some(84_000.0));
        assert_eq!(read("two hundred and five"), Some(205.0));
        assert_eq!(read("one million two hundred thousand"), Some(1_200_000.0));
        assert_eq!(read("eleven"), Some(11.0));
    }

    #[test]
    fn refuses_sequences_that_are_not_one_number() {
        assert_eq!(read("five six"), None);
        assert_eq!(read("twenty thirty"), None);
        assert_eq!(read("thousand million"), None);
    }
}
