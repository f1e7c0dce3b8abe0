//! The word lists quotations are read with, one data file each under `data/`, read into a set
//! once: verbs of speech, words that name no person, words that open sentences, and the words
//! before a quote that make it a title or a name.

use std::collections::HashSet;
use std::sync::OnceLock;

type Cell = OnceLock<HashSet<&'static str>>;

/// The entries of a data file (not blank, not a `#` comment), as a set read once.
fn set(cell: &'static Cell, data: &'static str) -> &'static HashSet<&'static str> {
    cell.get_or_init(|| data.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')).collect())
}

/// `said`, `told`, `wrote`: a verb that gives words to a speaker, in any case.
pub fn is_speech_verb(word: &str) -> bool {
    static CELL: Cell = OnceLock::new();
    set(&CELL, include_str!("data/speech_verbs.txt")).contains(word.to_lowercase().as_str())
}

/// `Council`, `Street`, `Monday`: a word that makes a run of names a body, a place or a date.
pub fn names_no_person(word: &str) -> bool {
    static CELL: Cell = OnceLock::new();
    set(&CELL, include_str!("data/not_people.txt")).contains(word)
}

/// `The`, `However`, `According`: a capitalised word that starts no name.
pub fn is_opener(word: &str) -> bool {
    static CELL: Cell = OnceLock::new();
    set(&CELL, include_str!("data/openers.txt")).contains(word)
}

/// `podcast`, `book`, `report`: a kind of work whose title may follow in quotes.
pub fn is_work(word: &str) -> bool {
    static CELL: Cell = OnceLock::new();
    set(&CELL, include_str!("data/works.txt")).contains(word)
}

/// `so-called`, `dubbed`, `as`: a word after which quotes hold a name.
pub fn is_naming(word: &str) -> bool {
    static CELL: Cell = OnceLock::new();
    set(&CELL, include_str!("data/naming.txt")).contains(word)
}
