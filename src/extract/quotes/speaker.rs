//! Who a quotation is given to: the name or pronoun next to a verb of speech (`said`, `says`,
//! `told`, `added`, `wrote`, `according to`) before the quote, after it, or between its parts.
//! A pronoun stands for the person the sentence before names; a surname alone is kept as
//! written and compared by surname.

use std::ops::Range;

use crate::lexicon::{is_quote_opener as is_opener, names_no_person};
use crate::reference::titles::is_title_word;

/// The person a quotation is given to, as the text names them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Speaker {
    /// Where the name or pronoun is written.
    pub range: Range<usize>,
    /// The name, without a title before it (`Ana Ortega`, `Ortega`); for a pronoun, the name
    /// of the person it stands for.
    pub name: String,
    /// Whether the text says `he`, `she` or `they`.
    pub pronoun: bool,
    /// Whether the quote names no speaker of its own and carries on the one of the quote
    /// before it: `range` is where that quote's speaker is written.
    pub carried: bool,
}

/// Pronouns that stand for the person the sentence before names.
const PRONOUNS: &[&str] = &["he", "she", "they"];

/// Lower-case words a name may hold: `Ana de la Cruz`.
const PARTICLES: &[&str] = &["de", "la", "van", "von", "der", "da", "del", "di", "bin", "al", "le"];

/// The stretches of text around a quotation where its speaker may be named.
#[derive(Debug, Clone, Default)]
pub struct Around {
    /// From the start of the quotation's sentence to its opening mark.
    pub before: Range<usize>,
    /// From its closing mark to the end of its sentence.
    pub after: Range<usize>,
    /// The attribution that interrupts it.
    pub between: Option<Range<usize>>,
    /// The sentence before, for a pronoun.
    pub previous: Option<Range<usize>>,
}

impl Around {
    /// The stretches around the quotation at `range`, among `sentences`.
    pub fn of(
        text: &str,
        range: &Range<usize>,
        sentences: &[Range<usize>],
        between: Option<Range<usize>>,
        previous_block: Option<Range<usize>>,
    ) -> Around {
        // Sentences come in order: found by halving, so a paragraph of many quotes stays linear.
        let first = sentences.partition_point(|s| s.end <= range.start);
        let first = sentences.get(first).filter(|s| s.start <= range.start).map(|_| first);
        let last = sentences.partition_point(|s| s.end < range.end);
        let last = sentences.get(last).filter(|s| s.start < range.end).map(|_| last);
        let start = first.and_then(|i| sentences.get(i)).map_or(range.start, |s| s.start);
        let end = last.and_then(|i| sentences.get(i)).map_or(range.end, |s| s.end).max(range.end);
        let previous = match first {
            Some(i) if i > 0 => sentences.get(i - 1).cloned(),
            _ => previous_block,
        };
        // A speaker is named near the quote: the stretches read are bounded however long the
        // sentence.
        let before = near_end(text, start..range.start);
        let after = near_start(text, range.end..end);
        Around { before, after, between, previous: previous.map(|p| near_start(text, p)) }
    }

    /// Only a stretch before: the sentence that introduces a block quote.
    pub fn before(range: Range<usize>) -> Around {
        Around { before: range, ..Around::default() }
    }
}

/// The most bytes of a stretch read for a speaker.
const NEAR: usize = 400;

/// The last [`NEAR`] bytes of `range`, cut at a character boundary.
fn near_end(text: &str, range: Range<usize>) -> Range<usize> {
    let mut start = range.start.max(range.end.saturating_sub(NEAR));
    while start < range.end && !text.is_char_boundary(start) {
        start += 1;
    }
    start..range.end
}

/// The first [`NEAR`] bytes of `range`, cut at a character boundary.
fn near_start(text: &str, range: Range<usize>) -> Range<usize> {
    let mut end = range.end.min(range.start + NEAR);
    while end > range.start && !text.is_char_boundary(end) {
        end -= 1;
    }
    range.start..end
}

/// A word of a stretch: its bare letters and where they stand, and whether punctuation ends it.
#[derive(Debug, Clone)]
struct Word<'a> {
    bare: &'a str,
    range: Range<usize>,
    stops: bool,
    /// `Ortega's`: the name of whoever owns what follows, not of the speaker.
    possessive: bool,
}

fn words_of(text: &str, range: Range<usize>) -> Vec<Word<'_>> {
    let Some(slice) = text.get(range.clone()) else { return Vec::new() };
    let mut out = Vec::new();
    let mut offset = 0;
    for raw in slice.split_inclusive(char::is_whitespace) {
        let start = range.start + offset;
        offset += raw.len();
        let trimmed = raw.trim_end();
        // Only the end is trimmed after the start, so the word starts `lead` bytes in.
        let core = trimmed.trim_start_matches(|c: char| !c.is_alphanumeric());
        let lead = trimmed.len() - core.len();
        let core = core.trim_end_matches(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’');
        let owner = core.strip_suffix("'s").or_else(|| core.strip_suffix("’s"));
        let bare = owner.unwrap_or(core).trim_end_matches(|c: char| !c.is_alphanumeric());
        if bare.is_empty() {
            continue;
        }
        let stops = trimmed.ends_with([',', ';', ':', '.', '!', '?', '—', '"', '”', '“', '(', ')']);
        out.push(Word { bare, range: start + lead..start + lead + bare.len(), stops, possessive: owner.is_some() });
    }
    out
}

/// Whether a stretch holds a verb of speech.
pub fn has_speech_verb(text: &str) -> bool {
    words_of(text, 0..text.len()).iter().any(|w| is_verb(w.bare))
}

/// A verb of speech in any case (`Said`, `SAYS`).
fn is_verb(word: &str) -> bool {
    crate::lexicon::is_speech_verb(&word.to_lowercase())
}

fn capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// The speaker of a quotation from the stretches around it. `quote_first`: the quotation ends
/// in a comma, so its attribution follows it.
pub fn find_speaker(text: &str, around: &Around, quote_first: bool) -> Option<Speaker> {
    let found = around
        .between
        .clone()
        .and_then(|b| attribution(text, b, false))
        .or_else(|| if quote_first { attribution(text, around.after.clone(), false) } else { None })
        .or_else(|| attribution(text, around.before.clone(), true))
        .or_else(|| attribution(text, around.after.clone(), false))?;
    if !found.pronoun {
        return Some(found);
    }
    let person = around.previous.clone().and_then(|p| person_in(text, p))?;
    Some(Speaker { range: found.range, name: person.name, pronoun: true, carried: false })
}

/// The speaker a stretch names beside its verb of speech: the verb nearest the quote (the last
/// one in a stretch `before` it).
fn attribution(text: &str, range: Range<usize>, before: bool) -> Option<Speaker> {
    let words = words_of(text, range);
    let mut verbs = words.iter().enumerate().filter(|(i, w)| {
        is_verb(w.bare)
            || (w.bare.eq_ignore_ascii_case("according") && words.get(i + 1).is_some_and(|n| n.bare == "to"))
    });
    let (v, verb) = if before { verbs.next_back()? } else { verbs.next()? };
    if verb.bare.eq_ignore_ascii_case("according") {
        return run_from(&words, v + 2);
    }
    // `Ortega said`, `she said`; then `said Ortega`, `said Mayor Ana Ortega`, `said she`.
    if let Some(left) = v.checked_sub(1).and_then(|l| words.get(l)).filter(|w| !w.stops) {
        if PRONOUNS.contains(&left.bare.to_lowercase().as_str()) {
            return Some(Speaker {
                range: left.range.clone(),
                name: left.bare.to_string(),
                pronoun: true,
                carried: false,
            });
        }
        if capitalised(left.bare) {
            if let Some(s) = run_ending(&words, v - 1) {
                return Some(s);
            }
        }
    }
    if verb.stops {
        return None;
    }
    let right = words.get(v + 1)?;
    if PRONOUNS.contains(&right.bare.to_lowercase().as_str()) {
        return Some(Speaker {
            range: right.range.clone(),
            name: right.bare.to_string(),
            pronoun: true,
            carried: false,
        });
    }
    // `said council member Dana Whitfield`: a few lower-case words of title first.
    let mut k = v + 1;
    while let Some(w) = words.get(k).filter(|w| !capitalised(w.bare) && k <= v + 4) {
        if w.stops || PRONOUNS.contains(&w.bare) {
            return None;
        }
        k += 1;
    }
    run_from(&words, k)
}

/// The name run starting at word `k`.
fn run_from(words: &[Word], k: usize) -> Option<Speaker> {
    let mut end = k;
    while let Some(w) = words.get(end) {
        let part = capitalised(w.bare) || (end > k && PARTICLES.contains(&w.bare));
        if !part {
            break;
        }
        end += 1;
        if w.stops || w.possessive {
            break;
        }
    }
    // `said Ortega's spokesman, Luis Diaz`: the speaker is the one named after the possession.
    if end > k && words.get(end - 1).is_some_and(|w| w.possessive) {
        let next = (end..end + 4).find(|&i| words.get(i).is_some_and(|w| capitalised(w.bare)))?;
        return run_from(words, next);
    }
    speaker_of(words.get(k..end)?)
}

/// The name run ending at word `k`.
fn run_ending(words: &[Word], k: usize) -> Option<Speaker> {
    let mut start = k;
    while start > 0 {
        let Some(w) = words.get(start - 1) else { break };
        if w.stops || !(capitalised(w.bare) || PARTICLES.contains(&w.bare)) {
            break;
        }
        start -= 1;
    }
    speaker_of(words.get(start..=k)?)
}

/// A speaker from a run of capitalised words: titles before the name dropped; none when the
/// run names a body, a day or nothing at all.
fn speaker_of(run: &[Word]) -> Option<Speaker> {
    let mut first = 0;
    while run.get(first).is_some_and(|w| is_opener(w.bare) || is_title_word(w.bare)) {
        first += 1;
    }
    let name = run.get(first..)?;
    let (head, tail) = (name.first()?, name.last()?);
    if name.iter().any(|w| names_no_person(w.bare)) || !capitalised(tail.bare) {
        return None;
    }
    let written: Vec<&str> = name.iter().map(|w| w.bare).collect();
    Some(Speaker { range: head.range.start..tail.range.end, name: written.join(" "), pronoun: false, carried: false })
}

/// The first person a sentence names, not after `the`: who a pronoun in the next sentence is.
fn person_in(text: &str, sentence: Range<usize>) -> Option<Speaker> {
    let words = words_of(text, sentence);
    let mut k = 0;
    while k < words.len() {
        let starts = words.get(k).is_some_and(|w| capitalised(w.bare));
        let after_the = k > 0 && words.get(k - 1).is_some_and(|w| w.bare.eq_ignore_ascii_case("the"));
        if starts && !after_the {
            let mut end = k;
            while words.get(end).is_some_and(|w| capitalised(w.bare) || (end > k && PARTICLES.contains(&w.bare))) {
                end += 1;
                if words.get(end - 1).is_some_and(|w| w.stops) {
                    break;
                }
            }
            if let Some(s) = words.get(k..end).and_then(speaker_of) {
                return Some(s);
            }
            k = end.max(k + 1);
        } else {
            k += 1;
        }
    }
    None
}

/// The name written in `range` (after the dash that closes a block quote).
pub fn name_at(text: &str, range: Range<usize>) -> Option<Speaker> {
    let words = words_of(text, range);
    run_from(&words, 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn speaker(text: &str, before: &str) -> Option<String> {
        let at = text.find(before).unwrap();
        let around = Around { before: 0..at, after: at..text.len(), between: None, previous: None };
        find_speaker(text, &around, false).map(|s| s.name)
    }

    #[test]
    fn names_beside_verbs_of_speech() {
        assert_eq!(speaker("Mayor Ana Ortega said: \"x\"", "\"x"), Some("Ana Ortega".into()));
        assert_eq!(speaker("According to Ortega, \"x\"", "\"x"), Some("Ortega".into()));
        assert_eq!(speaker("\"x\" said council member Dana Whitfield.", " said"), Some("Dana Whitfield".into()));
        assert_eq!(speaker("The City Council said \"x\"", "\"x"), None);
    }
}
