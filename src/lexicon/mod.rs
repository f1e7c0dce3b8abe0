//! The English stet reads, as data: every word list (number words, scales, units, hedges, months,
//! stop words, titles, given names, demonyms, places, verbs of speech) is one file under `data/`,
//! built into the binary and read into a table the first time it is asked for. A list is kept in
//! one place and read by whatever needs it; adding a word is editing a text file.

use std::sync::OnceLock;

// The tables are the lexicon's own fixed lists, looked up for nearly every word read: a fast
// hash serves them better than one made to resist keys chosen to collide, which no one chooses
// here.
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use crate::extract::{Hedge, Kind};

/// The lines of a data file that are entries: not blank, not a `#` comment.
fn entries(data: &'static str) -> impl Iterator<Item = &'static str> {
    data.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// A list of words, one a line.
struct Words {
    data: &'static str,
    set: OnceLock<HashSet<&'static str>>,
}

impl Words {
    const fn new(data: &'static str) -> Self {
        Words { data, set: OnceLock::new() }
    }

    fn contains(&self, word: &str) -> bool {
        self.set.get_or_init(|| entries(self.data).collect()).contains(word)
    }
}

/// Words with a value: `VALUE word word ...` a line; the first word of a value is its usual form.
struct Values {
    data: &'static str,
    map: OnceLock<ValueTables>,
}

/// The value of each word, and the usual word of each value.
type ValueTables = (HashMap<&'static str, f64>, Vec<(f64, &'static str)>);

impl Values {
    const fn new(data: &'static str) -> Self {
        Values { data, map: OnceLock::new() }
    }

    fn tables(&self) -> &ValueTables {
        self.map.get_or_init(|| {
            let mut by_word = HashMap::default();
            let mut first = Vec::new();
            for line in entries(self.data) {
                let mut parts = line.split_whitespace();
                let Some(value) = parts.next().and_then(|v| v.parse::<f64>().ok()) else { continue };
                let words: Vec<&'static str> = parts.collect();
                first.extend(words.first().map(|w| (value, *w)));
                by_word.extend(words.into_iter().map(|w| (w, value)));
            }
            (by_word, first)
        })
    }

    fn get(&self, word: &str) -> Option<f64> {
        self.tables().0.get(word).copied()
    }

    /// The usual word for `value`.
    fn word(&self, value: f64) -> Option<&'static str> {
        self.tables().1.iter().find(|(v, _)| *v == value).map(|(_, w)| *w)
    }
}

static CARDINALS: Values = Values::new(include_str!("data/cardinals.txt"));
static SCALES: Values = Values::new(include_str!("data/scales.txt"));
static SCALE_SUFFIXES: Values = Values::new(include_str!("data/scale_suffixes.txt"));
static ORDINALS: Values = Values::new(include_str!("data/ordinals.txt"));
static MONTHS: Values = Values::new(include_str!("data/months.txt"));
static STOPWORDS: Words = Words::new(include_str!("data/stopwords.txt"));
static FUNCTION_WORDS: Words = Words::new(include_str!("data/function_words.txt"));
static PLACES: Words = Words::new(include_str!("data/places.txt"));
static ABBREVIATIONS: Words = Words::new(include_str!("data/abbreviations.txt"));
static SENTENCE_OPENERS: Words = Words::new(include_str!("data/sentence_openers.txt"));
static SPEECH_VERBS: Words = Words::new(include_str!("data/speech_verbs.txt"));
static NOT_PEOPLE: Words = Words::new(include_str!("data/quote_not_people.txt"));
static QUOTE_OPENERS: Words = Words::new(include_str!("data/quote_openers.txt"));
static WORKS: Words = Words::new(include_str!("data/quote_works.txt"));
static NAMING: Words = Words::new(include_str!("data/quote_naming.txt"));
static GIVEN_NAMES: Words = Words::new(include_str!("data/given_names.txt"));
static DEMONYMS: Words = Words::new(include_str!("data/demonyms.txt"));
static TITLES: Words = Words::new(include_str!("data/titles.txt"));
static HONORIFICS: Words = Words::new(include_str!("data/honorifics.txt"));
static TITLE_MODIFIERS: Words = Words::new(include_str!("data/title_modifiers.txt"));
const HEDGES: &str = include_str!("data/hedges.txt");
const UNITS: &str = include_str!("data/units.txt");
const TITLE_ABBREVIATIONS: &str = include_str!("data/title_abbreviations.txt");
const TITLE_SYNONYMS: &str = include_str!("data/title_synonyms.txt");

/// The value of a cardinal word below a hundred: `eleven`, `forty`.
pub fn cardinal(word: &str) -> Option<f64> {
    CARDINALS.get(word)
}

/// The value of a tens word: `twenty` .. `ninety`.
pub fn tens(word: &str) -> Option<f64> {
    cardinal(word).filter(|v| *v >= 20.0 && v % 10.0 == 0.0)
}

/// The word for a whole number below a hundred, as stet writes it.
pub fn cardinal_word(value: u64) -> Option<&'static str> {
    CARDINALS.word(value as f64)
}

/// The multiplier of a scale word: `hundred`, `thousand`, `million`, `bn`.
pub fn scale(word: &str) -> Option<f64> {
    SCALES.get(word)
}

/// The multiplier of a scale suffix written against digits: `84k`, `2.5bn` (case matters).
pub fn scale_suffix(suffix: &str) -> Option<f64> {
    SCALE_SUFFIXES.get(suffix)
}

/// The position an ordinal word names: `first`, `twentieth`, `millionth`.
pub fn ordinal(word: &str) -> Option<f64> {
    ORDINALS.get(word)
}

/// The number of a month name or abbreviation, lower-cased without a full stop.
pub fn month(lower: &str) -> Option<u32> {
    MONTHS.get(lower).map(|m| m as u32)
}

/// Hedge phrases as word sequences, longest first, with the hedge each makes.
pub fn hedges() -> &'static [(Vec<&'static str>, Hedge)] {
    static CELL: OnceLock<Vec<(Vec<&'static str>, Hedge)>> = OnceLock::new();
    CELL.get_or_init(|| {
        let phrase = |line: &'static str| {
            let (words, hedge) = line.split_once(':')?;
            let hedge = serde_json::from_value(serde_json::Value::from(hedge.trim())).ok()?;
            Some((words.split_whitespace().collect(), hedge))
        };
        entries(HEDGES).filter_map(phrase).collect()
    })
}

/// The kind and unit a unit word makes of the number before it; `word` as written (for codes
/// and symbols, where case matters) and lower-cased.
pub fn unit(word: &str, lower: &str) -> Option<(Kind, &'static str)> {
    type Table = HashMap<&'static str, (Kind, &'static str)>;
    static CELL: OnceLock<(Table, Table)> = OnceLock::new();
    let (exact, folded) = CELL.get_or_init(|| {
        let (mut exact, mut folded) = (HashMap::default(), HashMap::default());
        for line in entries(UNITS) {
            let mut parts = line.split_whitespace();
            let (Some(kind), Some(unit), Some(how)) = (parts.next(), parts.next(), parts.next()) else { continue };
            let kind = if kind == "money" { Kind::Money } else { Kind::Quantity };
            let table = if how == "=" { &mut exact } else { &mut folded };
            table.extend(parts.map(|w| (w, (kind, unit))));
        }
        (exact, folded)
    });
    exact.get(word).or_else(|| folded.get(lower)).copied()
}

/// Words too common to say what a sentence is about.
pub fn is_stopword(lower: &str) -> bool {
    STOPWORDS.contains(lower)
}

/// Words that may stand capitalised before a number without naming something (`In 2022`).
pub fn is_function_word(lower: &str) -> bool {
    FUNCTION_WORDS.contains(lower)
}

/// A country or region, as written: `El Salvador`, `Africa`.
pub fn is_known_place(name: &str) -> bool {
    PLACES.contains(name)
}

/// A word that ends in a full stop without ending a sentence (lower-cased, no full stop).
pub fn is_abbreviation(lower: &str) -> bool {
    ABBREVIATIONS.contains(lower)
}

/// A word that opens sentences and never continues a name after an abbreviation.
pub fn is_sentence_opener(word: &str) -> bool {
    SENTENCE_OPENERS.contains(word)
}

/// `said`, `told`, `wrote`: a verb of speech (lower-cased).
pub fn is_speech_verb(lower: &str) -> bool {
    SPEECH_VERBS.contains(lower)
}

/// `Council`, `Street`, `Monday`: a word that makes a run of names a body, a place or a date.
pub fn names_no_person(word: &str) -> bool {
    NOT_PEOPLE.contains(word)
}

/// `The`, `However`, `According`: a capitalised word that starts no speaker's name.
pub fn is_quote_opener(word: &str) -> bool {
    QUOTE_OPENERS.contains(word)
}

/// `podcast`, `book`, `report`: a kind of work whose title may follow in quotes.
pub fn is_work(word: &str) -> bool {
    WORKS.contains(word)
}

/// `so-called`, `dubbed`, `as`: a word after which quotes hold a name.
pub fn is_naming(word: &str) -> bool {
    NAMING.contains(word)
}

/// `Marie`, `Huw`, `Kenta`: a given name, as written (capitalised).
pub fn is_given_name(word: &str) -> bool {
    GIVEN_NAMES.contains(word)
}

/// `Salvadoran`, `Americans`, `Chinese`: a word for a people, not an entity. Only words on the
/// list count, so `Kaplan`, `Harris` or `Rossi` are not taken for one.
pub fn is_demonym(word: &str) -> bool {
    DEMONYMS.contains(word)
}

/// The head word of a title, lower-cased: `treasurer`, `governor`.
pub fn is_title_head(lower: &str) -> bool {
    TITLES.contains(lower)
}

/// `Mr.`, `Dr.`, `Sir`: a courtesy before a name.
pub fn is_honorific(word: &str) -> bool {
    HONORIFICS.contains(word)
}

/// A word that may stand in a title before its head: `vice`, `deputy`, `prime` (lower-cased).
pub fn is_title_modifier(lower: &str) -> bool {
    TITLE_MODIFIERS.contains(lower)
}

/// The head word an abbreviated title stands for: `Gov.` -> `governor`.
pub fn title_abbreviation(word: &str) -> Option<&'static str> {
    static CELL: OnceLock<HashMap<&'static str, &'static str>> = OnceLock::new();
    let table = CELL.get_or_init(|| {
        let mut table = HashMap::default();
        // Of two lines for one abbreviation, the first holds.
        for (a, head) in pairs(TITLE_ABBREVIATIONS) {
            table.entry(a).or_insert(head);
        }
        table
    });
    table.get(word).copied()
}

/// The head that names the same job as `head`: `chairman` -> `chair`, `CEO` -> `chief executive`.
pub fn title_synonym(head: &str) -> Option<&'static str> {
    static CELL: OnceLock<HashMap<&'static str, &'static str>> = OnceLock::new();
    let table = CELL.get_or_init(|| {
        let mut table = HashMap::default();
        for (same, words) in entries(TITLE_SYNONYMS).filter_map(|line| line.split_once(':')) {
            for word in words.split_whitespace() {
                table.entry(word).or_insert(same.trim());
            }
        }
        table
    });
    table.get(head).copied()
}

fn pairs(data: &'static str) -> impl Iterator<Item = (&'static str, &'static str)> {
    entries(data).filter_map(|l| l.split_once(' ')).map(|(a, b)| (a, b.trim()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorted_lists_stay_sorted_and_unique() {
        for data in [GIVEN_NAMES.data, DEMONYMS.data, TITLES.data] {
            let list: Vec<&str> = entries(data).collect();
            assert!(list.windows(2).all(|w| w[0] < w[1]), "{:?}", list.windows(2).find(|w| w[0] >= w[1]));
        }
    }

    #[test]
    fn every_line_of_every_table_reads() {
        assert_eq!(hedges().len(), entries(HEDGES).count());
        assert_eq!(hedges().first().map(|(w, h)| (w.join(" "), *h)), Some(("no fewer than".into(), Hedge::AtLeast)));
        assert_eq!(unit("USD", "usd"), Some((Kind::Money, "USD")));
        assert_eq!(unit("Tonnes", "tonnes"), Some((Kind::Quantity, "tons")));
        assert_eq!(unit("c", "c"), None, "a lower-case c is no unit; `C` is");
        assert_eq!((cardinal("fourty"), cardinal_word(40)), (Some(40.0), Some("forty")));
        assert_eq!((tens("ninety"), tens("nineteen")), (Some(90.0), None));
        assert_eq!((scale("bn"), scale_suffix("K"), ordinal("twentieth")), (Some(1e9), Some(1e3), Some(20.0)));
        assert_eq!(month("sept"), Some(9));
        assert_eq!((title_abbreviation("Gov."), title_synonym("chairwoman")), (Some("governor"), Some("chair")));
    }

    #[test]
    fn surnames_that_end_like_demonyms_are_no_demonyms() {
        for surname in ["Kaplan", "Harris", "Rossi", "Bondi", "Benedetti", "Kowalski", "Gerais"] {
            assert!(!is_demonym(surname), "{surname}");
        }
        for people in ["Salvadoran", "Americans", "Chinese", "Israelis", "British"] {
            assert!(is_demonym(people), "{people}");
        }
    }
}
