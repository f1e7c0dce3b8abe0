//! The set of sources a workspace defines.

use std::collections::BTreeMap;

use super::source::Source;

/// Every source a draft may cite, by key.
#[derive(Debug, Clone, Default)]
pub struct Library {
    sources: BTreeMap<String, Source>,
}

impl Library {
    /// Adds a source; a text or dataset source wins over a bibliography entry with the same key,
    /// whose metadata fills the gaps.
    pub fn insert(&mut self, source: Source) {
        match self.sources.get_mut(&source.key) {
            Some(known) => {
                let (mut keep, other) = if source.origin != super::Origin::Bibliography {
                    (source, known.clone())
                } else {
                    (known.clone(), source)
                };
                keep.title = keep.title.or(other.title);
                keep.publisher = keep.publisher.or(other.publisher);
                keep.author = keep.author.or(other.author);
                keep.date = keep.date.or(other.date);
                keep.url = keep.url.or(other.url);
                *known = keep;
            }
            None => {
                self.sources.insert(source.key.clone(), source);
            }
        }
    }

    pub fn get(&self, key: &str) -> Option<&Source> {
        self.sources.get(key)
    }

    pub fn contains(&self, key: &str) -> bool {
        self.sources.contains_key(key)
    }

    pub fn len(&self) -> usize {
        self.sources.len()
    }

    pub fn is_empty(&self) -> bool {
        self.sources.is_empty()
    }

    pub fn iter(&self) -> impl Iterator<Item = &Source> {
        self.sources.values()
    }

    /// The known key closest to `key`, when it is close enough to be a likely typo or a
    /// shortened form (`newsvane-2025` for `newsvane-2025-04-16`).
    pub fn nearest_key(&self, key: &str) -> Option<&str> {
        let key_lower = key.to_lowercase();
        self.sources
            .keys()
            .map(|k| {
                let lower = k.to_lowercase();
                let similarity = strsim::normalized_damerau_levenshtein(&key_lower, &lower);
                let prefix = lower.starts_with(&key_lower) || key_lower.starts_with(&lower);
                (k, if prefix && key_lower.len() >= 3 { similarity.max(0.75) } else { similarity })
            })
            .filter(|(_, score)| *score >= 0.6)
            .max_by(|a, b| a.1.total_cmp(&b.1))
            .map(|(k, _)| k.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reference::Origin;

    fn library(keys: &[&str]) -> Library {
        let mut lib = Library::default();
        for k in keys {
            lib.insert(Source::bare(*k, Origin::Text));
        }
        lib
    }

    #[test]
    fn proposes_the_nearest_key_for_typos_and_short_forms() {
        let lib = library(&["newsvane-2025-04-16", "ap-2023-boats"]);
        assert_eq!(lib.nearest_key("newsvane-2025"), Some("newsvane-2025-04-16"));
        assert_eq!(lib.nearest_key("newsvnae-2025-04-16"), Some("newsvane-2025-04-16"));
        assert_eq!(lib.nearest_key("reuters-2024"), None);
    }

    #[test]
    fn text_sources_win_over_bibliography_entries_but_keep_their_metadata() {
        let mut lib = Library::default();
        let mut bib = Source::bare("a", Origin::Bibliography);
        bib.title = Some("From the bibliography".into());
        lib.insert(bib);
        lib.insert(Source::bare("a", Origin::Text));
        assert_eq!(lib.get("a").unwrap().origin, Origin::Text);
        assert_eq!(lib.get("a").unwrap().title.as_deref(), Some("From the bibliography"));
    }
}
