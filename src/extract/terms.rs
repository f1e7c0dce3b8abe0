//! Content words: what a sentence is about, reduced to comparable stems.

use rustc_hash::FxHashMap as HashMap;
use std::sync::OnceLock;

/// Forms that a suffix rule cannot bring together.
const LEMMAS: &[(&[&str], &str)] = &[
    (&["death", "deaths", "dead", "die", "died", "dies", "dying"], "die"),
    (&["detention", "detentions", "detainee", "detainees"], "detain"),
    (&["seizure", "seizures"], "seiz"),
    (&["arrest", "arrests", "arrested", "arresting"], "arrest"),
    (&["killing", "killings", "killed", "kills", "kill"], "kill"),
    (&["prisoner", "prisoners", "imprisoned", "imprisonment"], "prison"),
    (&["people", "persons", "person"], "peopl"),
];

/// A light stem, the same for a source and a draft: `detained` and `detains` -> `detain`,
/// `homicides` and `homicide` -> `homicid`, `countries` -> `country`.
pub fn stem(word: &str) -> String {
    stem_lower(&crate::text::lower(word))
}

/// [`stem`] of a word already in lower case.
fn stem_lower(lower: &str) -> String {
    static LEMMA: OnceLock<HashMap<&str, &str>> = OnceLock::new();
    let lemmas =
        LEMMA.get_or_init(|| LEMMAS.iter().flat_map(|(forms, l)| forms.iter().map(move |f| (*f, *l))).collect());
    let w = trim_all(trim_all(lower, "’s"), "'s");
    // Words whose forms share no stem: a death is a dying.
    if let Some(lemma) = lemmas.get(w) {
        return lemma.to_string();
    }
    // `deportation`, `deportee` and `deported` are one idea.
    for suffix in ["ations", "ation", "ees", "ee"] {
        if let Some(base) = w.strip_suffix(suffix) {
            if base.chars().count() >= 4 {
                return base.to_string();
            }
        }
    }
    let mut out = w.to_string();
    for (suffix, replacement) in [("ies", "y"), ("ied", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", "")] {
        if let Some(base) = w.strip_suffix(suffix) {
            if base.chars().count() >= 3 && !w.ends_with("ss") {
                out = format!("{base}{replacement}");
                break;
            }
        }
    }
    // `seized`, `seizes` and `seize` all end as `seiz`.
    if out.chars().count() > 3 && out.ends_with('e') {
        out.pop();
    }
    out
}

/// `word` without every `suffix` at its end (as `trim_end_matches`, which builds a string
/// searcher on each call: a cost per word here).
fn trim_all<'a>(mut word: &'a str, suffix: &str) -> &'a str {
    while let Some(rest) = word.strip_suffix(suffix) {
        word = rest;
    }
    word
}

/// Whether a lower-cased word carries meaning.
pub fn is_content_word(lower: &str) -> bool {
    lower.chars().count() > 2 && lower.chars().any(char::is_alphabetic) && !crate::lexicon::is_stopword(lower)
}

/// The stems of the content words of `text`, in order, without repeats.
pub fn content_terms(text: &str) -> Vec<String> {
    distinct(content_words(text, 0).iter().map(|(s, _)| s))
}

/// The stems of the content words of `text`, in order, each with where it stands (from `base`).
pub fn content_words(text: &str, base: usize) -> Vec<(String, std::ops::Range<usize>)> {
    let mut words = Vec::new();
    let separator = |c: char| !(c.is_alphanumeric() || c == '-' || c == '\'' || c == '’');
    let trim = |c: char| c == '-' || c == '\'' || c == '’';
    let mut offset = 0;
    for piece in text.split_inclusive(separator) {
        let start = offset;
        offset += piece.len();
        let raw = piece.strip_suffix(separator).unwrap_or(piece);
        let word = raw.trim_start_matches(trim);
        let lead = raw.len() - word.len();
        let word = word.trim_end_matches(trim);
        let lower = crate::text::lower(word);
        if word.chars().all(|c| c.is_ascii_digit() || c == '-') || !is_content_word(&lower) {
            continue;
        }
        let at = base + start + lead;
        words.push((stem_lower(&lower), at..at + word.len()));
    }
    words
}

/// The content words of `text[range]` with their places, repeats kept, leaving out the figures in
/// it (`tons`, `percent` and the numbers say what kind a figure is; the words around it say what
/// it is about).
pub fn words_around_figures(
    text: &str,
    range: std::ops::Range<usize>,
    figures: &[std::ops::Range<usize>],
) -> Vec<(String, std::ops::Range<usize>)> {
    let Some(slice) = text.get(range.clone()) else { return Vec::new() };
    let mut blanked = slice.to_string();
    for f in figures {
        let (start, end) = (f.start.max(range.start) - range.start, f.end.min(range.end).saturating_sub(range.start));
        if start < end && blanked.is_char_boundary(start) && blanked.is_char_boundary(end) {
            blanked.replace_range(start..end, &" ".repeat(end - start));
        }
    }
    content_words(&blanked, range.start)
}

/// The stems of `words` (in order of place) that stand wholly within `range`, in order: found
/// by halving, as a sentence of many figures asks for many stretches.
pub(crate) fn within<'a>(
    words: &'a [(String, std::ops::Range<usize>)],
    range: &'a std::ops::Range<usize>,
) -> impl Iterator<Item = &'a String> + 'a {
    let from = words.partition_point(|(_, at)| at.start < range.start);
    let rest = words.get(from..).unwrap_or_default();
    rest.iter()
        .take_while(move |(_, at)| at.start < range.end)
        .filter(move |(_, at)| at.end <= range.end)
        .map(|(w, _)| w)
}

/// The terms in order, without repeats.
pub fn distinct<'a>(terms: impl Iterator<Item = &'a String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for t in terms {
        if !out.contains(t) {
            out.push(t.clone());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stems_agree_across_forms() {
        assert_eq!(stem("detained"), stem("detains"));
        assert_eq!(stem("homicides"), stem("homicide"));
        assert_eq!(stem("rates"), stem("rate"));
        assert_eq!(stem("seize"), stem("seized"));
        assert_eq!(stem("countries"), "country");
        assert_eq!(stem("seized"), stem("seizes"));
        assert_eq!(stem("boss"), "boss");
    }

    #[test]
    fn content_terms_skip_numbers_and_common_words() {
        assert_eq!(content_terms("Over 84,000 people have been detained since 2022."), ["peopl", "detain"]);
    }

    proptest::proptest! {
        #[test]
        fn trim_all_is_what_trim_end_matches_gives(word in "[a-z'’s]{0,10}", suffix in proptest::sample::select(vec!["’s", "'s"])) {
            proptest::prop_assert_eq!(trim_all(&word, suffix), word.trim_end_matches(suffix));
        }
    }
}
