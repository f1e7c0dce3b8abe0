//! What a title says a person is: the head word of a role (`governor`, `chief executive`) and
//! whether it is a deputy's rank, read with the title words of the lexicon.

use crate::lexicon::{is_honorific, is_title_head, title_abbreviation, title_synonym};

/// The head word a title word stands for, lower case: `Treasurer` -> `treasurer`, `Gov.` ->
/// `governor`, `secretary-general` -> `secretary-general`. `None` for other words.
pub fn title_head(word: &str) -> Option<String> {
    if let Some(head) = title_abbreviation(word) {
        return Some(head.to_string());
    }
    let lower = word.to_lowercase();
    is_head(&lower).then_some(lower)
}

/// Whether a lower-case word is a title head: one of the lexicon's, or a hyphenated word with
/// one in it (`co-founder`, `secretary-general`, `police-chief`).
fn is_head(lower: &str) -> bool {
    is_title_head(lower) || (lower.contains('-') && lower.split('-').any(is_title_head))
}

/// A word that may stand in a title before its head: `Vice`, `deputy`, `Prime`, `interim`.
pub fn is_title_modifier(word: &str) -> bool {
    crate::lexicon::is_title_modifier(&word.to_lowercase())
}

/// A word that makes a title: a head, an abbreviated title, a modifier or an honorific. Asked
/// of every capitalised word of a text, so it lower-cases the word once.
pub fn is_title_word(word: &str) -> bool {
    if title_abbreviation(word).is_some() || is_honorific(word) {
        return true;
    }
    let lower = crate::text::lower(word);
    is_head(&lower) || crate::lexicon::is_title_modifier(&lower)
}

/// Words that mark the lower ranks of an office: `Deputy Governor` is not `Governor`.
pub fn is_deputy_word(word: &str) -> bool {
    matches!(word.to_lowercase().as_str(), "deputy" | "vice" | "assistant" | "under")
}

/// What a role says a person is, to compare two roles: its head (`chief executive`, `defender`,
/// `attorney general`) and whether it is a deputy's rank.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TitleKey {
    pub head: String,
    pub deputy: bool,
}

/// The key of a role, if it has a title head: `Deputy Governor` -> (`governor`, deputy),
/// `Toyota's chief financial officer` -> (`chief financial officer`), `CEO` -> (`chief executive`).
pub fn title_key(role: &str) -> Option<TitleKey> {
    let words: Vec<&str> = role.split_whitespace().collect();
    let heads: Vec<Option<String>> = words.iter().map(|w| title_head(w)).collect();
    let k = heads.iter().rposition(Option::is_some)?;
    let head = heads.get(k).cloned().flatten()?;
    let lower = |i: usize| words.get(i).map(|w| w.to_lowercase()).unwrap_or_default();
    let before = |n: usize| k.checked_sub(n).map(lower).unwrap_or_default();
    let head = match head.as_str() {
        "executive" if before(1) == "chief" => "chief executive".to_string(),
        "officer" if before(2) == "chief" && before(1) == "executive" => "chief executive".to_string(),
        "officer" if before(2) == "chief" => format!("chief {} officer", before(1)),
        "general" if k > 0 && heads.get(k - 1).is_some_and(Option::is_some) => format!("{} general", before(1)),
        other => title_synonym(other).unwrap_or(other).to_string(),
    };
    let deputy = words.iter().take(k + 1).any(|w| is_deputy_word(w) || w.to_lowercase().starts_with("vice-"));
    Some(TitleKey { head, deputy })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_reduce_to_a_head_and_a_rank() {
        let key = |r: &str| title_key(r).map(|k| (k.head, k.deputy));
        assert_eq!(key("Deputy Governor"), Some(("governor".to_string(), true)));
        assert_eq!(key("the bank's chief economist"), Some(("economist".to_string(), false)));
        assert_eq!(key("Chief Executive"), Some(("chief executive".to_string(), false)));
        assert_eq!(key("chief executive officer"), Some(("chief executive".to_string(), false)));
        assert_eq!(key("CEO"), Some(("chief executive".to_string(), false)));
        assert_eq!(key("chief financial officer"), Some(("chief financial officer".to_string(), false)));
        assert_eq!(key("Attorney General"), Some(("attorney general".to_string(), false)));
        assert_eq!(key("Gov."), Some(("governor".to_string(), false)));
        assert_eq!(key("Mr."), None);
    }
}
