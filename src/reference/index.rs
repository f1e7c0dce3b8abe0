//! The reference index: facts by kind and value and by the words around them, entities by name.
//!
//! Looking up a draft's figures touches only the postings of the sentence's rarer words and the
//! facts of the sources it cites, so its cost depends on the draft, not on how many sources the
//! workspace holds.

use std::collections::HashMap;
use std::sync::Arc;

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};

use super::dataset::{Dataset, Entity, Fact};
use crate::extract::Kind;

/// A fact, by dataset and position.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct FactId {
    pub dataset: u32,
    pub fact: u32,
}

/// An entity, by dataset and position.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct EntityId {
    pub dataset: u32,
    pub entity: u32,
}

/// A name found in a draft.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameMatch {
    pub entity: EntityId,
    /// Byte range in the searched text.
    pub range: std::ops::Range<usize>,
    /// The name or alias that matched.
    pub written: String,
}

/// Terms shared by more facts than this say little about which fact is meant and are not
/// followed when looking facts up.
const COMMON_TERM_FACTS: usize = 500;

/// Facts and entities of every dataset, indexed for matching.
#[derive(Default)]
pub struct Index {
    datasets: Vec<Arc<Dataset>>,
    by_key: HashMap<String, u32>,
    by_kind: HashMap<Kind, Vec<(f64, FactId)>>,
    by_term: HashMap<String, Vec<FactId>>,
    names: Option<AhoCorasick>,
    name_owners: Vec<EntityId>,
    name_texts: Vec<String>,
    /// Every known name with its apostrophes written straight: `Fishermen's` is `Fishermen’s`.
    folded_names: std::collections::HashSet<String>,
    fact_count: usize,
    /// The stems of each fact's subject, by dataset and fact, read once for every comparison.
    subjects: Vec<Vec<Vec<String>>>,
    /// The sources' words, for finding the passage a quotation comes from.
    pub(crate) quotes: super::quote_index::QuoteIndex,
}

/// Up to how many names the names are found with a DFA.
const DFA_NAMES: usize = 5_000;

impl Index {
    /// The index of `datasets`. Its parts read the datasets independently and are built side by
    /// side: the facts by kind and term, the names' automaton, the subjects' stems and the
    /// quotation index.
    pub fn build(datasets: Vec<Arc<Dataset>>) -> Index {
        let names = names_of(&datasets);
        let (((facts, automaton), subjects), quotes) = rayon::join(
            || {
                rayon::join(
                    || rayon::join(|| FactTables::build(&datasets), || automaton(&names)),
                    || subject_stems(&datasets),
                )
            },
            || super::quote_index::QuoteIndex::build(&datasets),
        );
        let FactTables { by_key, by_kind, by_term, fact_count } = facts;
        let folded_names = names.iter().map(|(n, _)| fold_apostrophes(n)).collect();
        Index {
            datasets,
            by_key,
            by_kind,
            by_term,
            names: automaton,
            name_owners: names.iter().map(|(_, id)| *id).collect(),
            name_texts: names.into_iter().map(|(n, _)| n).collect(),
            quotes,
            folded_names,
            fact_count,
            subjects,
        }
    }

    /// Whether `name` is a known name or alias, whatever its apostrophes.
    pub fn knows_name(&self, name: &str) -> bool {
        self.folded_names.contains(&fold_apostrophes(name))
    }

    pub fn datasets(&self) -> &[Arc<Dataset>] {
        &self.datasets
    }

    pub fn dataset(&self, key: &str) -> Option<&Dataset> {
        self.by_key.get(key).and_then(|&d| self.datasets.get(d as usize)).map(|d| d.as_ref())
    }

    pub fn fact(&self, id: FactId) -> Option<(&Dataset, &Fact)> {
        let dataset = self.datasets.get(id.dataset as usize)?;
        Some((dataset, dataset.facts.get(id.fact as usize)?))
    }

    pub fn entity(&self, id: EntityId) -> Option<(&Dataset, &Entity)> {
        let dataset = self.datasets.get(id.dataset as usize)?;
        Some((dataset, dataset.entities.get(id.entity as usize)?))
    }

    /// The stems of a fact's subject (`people detained` -> `peopl`, `detain`).
    pub fn subject_stems(&self, id: FactId) -> &[String] {
        self.subjects.get(id.dataset as usize).and_then(|d| d.get(id.fact as usize)).map_or(&[], Vec::as_slice)
    }

    pub fn fact_count(&self) -> usize {
        self.fact_count
    }

    /// Facts of `kind` whose value lies in `low..=high`.
    pub fn facts_between(&self, kind: Kind, low: f64, high: f64) -> impl Iterator<Item = FactId> + '_ {
        let values = self.by_kind.get(&kind).map(Vec::as_slice).unwrap_or(&[]);
        let start = values.partition_point(|(v, _)| *v < low);
        values[start..].iter().take_while(move |(v, _)| *v <= high).map(|(_, id)| *id)
    }

    /// How many facts carry `term`: rare terms say more.
    pub fn term_frequency(&self, term: &str) -> usize {
        self.by_term.get(term).map_or(0, Vec::len)
    }

    /// Inverse document frequency of a term among the facts.
    pub fn idf(&self, term: &str) -> f64 {
        let n = self.fact_count.max(1) as f64;
        ((n + 1.0) / (self.term_frequency(term) as f64 + 1.0)).ln() + 1.0
    }

    /// Facts worth comparing with a draft figure: those sharing a telling term with its sentence,
    /// and those of the sources it cites.
    pub fn candidates(&self, terms: &[String], cited: &[&str]) -> Vec<FactId> {
        let mut found: Vec<FactId> = Vec::new();
        for term in terms {
            match self.by_term.get(term) {
                Some(postings) if postings.len() <= COMMON_TERM_FACTS => found.extend(postings),
                _ => {}
            }
        }
        for key in cited {
            if let Some(&d) = self.by_key.get(*key) {
                let facts = self.datasets.get(d as usize).map_or(0, |ds| ds.facts.len());
                found.extend((0..facts as u32).map(|fact| FactId { dataset: d, fact }));
            }
        }
        found.sort_unstable();
        found.dedup();
        found.retain(|id| self.fact(*id).is_some_and(|(_, f)| !f.retracted));
        found
    }

    /// Every known name or alias in `text`, as whole words, longest first where they overlap.
    pub fn find_names(&self, text: &str) -> Vec<NameMatch> {
        let Some(matcher) = &self.names else { return Vec::new() };
        matcher
            .find_iter(text)
            .filter(|m| {
                let before = text[..m.start()].chars().next_back();
                let after = text[m.end()..].chars().next();
                before.is_none_or(|c| !c.is_alphanumeric()) && after.is_none_or(|c| !c.is_alphanumeric())
            })
            .filter_map(|m| {
                let i = m.pattern().as_usize();
                Some(NameMatch {
                    entity: *self.name_owners.get(i)?,
                    range: m.range(),
                    written: self.name_texts.get(i)?.clone(),
                })
            })
            .collect()
    }

    /// Every name and alias the index knows, with its entity.
    pub fn names(&self) -> impl Iterator<Item = (&str, EntityId)> {
        self.name_texts.iter().map(String::as_str).zip(self.name_owners.iter().copied())
    }
}

/// The facts of the datasets by source key, kind (sorted by value) and term.
#[derive(Default)]
struct FactTables {
    by_key: HashMap<String, u32>,
    by_kind: HashMap<Kind, Vec<(f64, FactId)>>,
    by_term: HashMap<String, Vec<FactId>>,
    fact_count: usize,
}

impl FactTables {
    fn build(datasets: &[Arc<Dataset>]) -> FactTables {
        let mut tables = FactTables::default();
        for (d, dataset) in datasets.iter().enumerate() {
            let d = d as u32;
            tables.by_key.insert(dataset.source.key.clone(), d);
            for (f, fact) in dataset.facts.iter().enumerate() {
                if fact.retracted {
                    continue;
                }
                let id = FactId { dataset: d, fact: f as u32 };
                tables.by_kind.entry(fact.kind).or_default().push((fact.value, id));
                for term in &fact.terms {
                    tables.by_term.entry(term.clone()).or_default().push(id);
                }
                tables.fact_count += 1;
            }
        }
        for values in tables.by_kind.values_mut() {
            values.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
        }
        tables
    }
}

/// Every name and alias of the datasets' entities (less a leading `the`, two characters or
/// more), sorted, each once, with the first entity it names.
fn names_of(datasets: &[Arc<Dataset>]) -> Vec<(String, EntityId)> {
    let mut names: Vec<(String, EntityId)> = Vec::new();
    for (d, dataset) in datasets.iter().enumerate() {
        for (e, entity) in dataset.entities.iter().enumerate() {
            let id = EntityId { dataset: d as u32, entity: e as u32 };
            for name in std::iter::once(&entity.name).chain(&entity.aliases) {
                let bare = name.strip_prefix("the ").unwrap_or(name);
                if bare.chars().count() >= 2 {
                    names.push((bare.to_string(), id));
                }
            }
        }
    }
    names.sort();
    names.dedup_by(|a, b| a.0 == b.0);
    names
}

/// The automaton that finds `names` in a text, longest first.
fn automaton(names: &[(String, EntityId)]) -> Option<AhoCorasick> {
    // A DFA finds names fastest but costs much more to build and keep as names grow: past a
    // few thousand names, the contiguous automaton builds many times faster and finds them
    // almost as fast.
    let kind = if names.len() > DFA_NAMES { AhoCorasickKind::ContiguousNFA } else { AhoCorasickKind::DFA };
    let mut builder = AhoCorasick::builder();
    builder.match_kind(MatchKind::LeftmostLongest);
    let patterns = || names.iter().map(|(n, _)| n);
    // Should that kind be refused (too large), the builder picks one it can make.
    builder.clone().kind(Some(kind)).build(patterns()).or_else(|_| builder.build(patterns())).ok()
}

/// The stems of each fact's subject, by dataset and fact.
fn subject_stems(datasets: &[Arc<Dataset>]) -> Vec<Vec<Vec<String>>> {
    let stems = |s: &String| s.split_whitespace().map(crate::extract::terms::stem).collect();
    datasets
        .iter()
        .map(|d| d.facts.iter().map(|f| f.subject.as_ref().map(stems).unwrap_or_default()).collect())
        .collect()
}

/// A name with every apostrophe written straight.
pub fn fold_apostrophes(name: &str) -> String {
    name.replace(['’', '‘', 'ʼ'], "'")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reference::build_dataset;

    fn index(texts: &[(&str, &str)]) -> Index {
        Index::build(texts.iter().map(|(k, t)| Arc::new(build_dataset(Some(k), "s", t).unwrap())).collect())
    }

    #[test]
    fn finds_facts_by_value_terms_and_cited_source() {
        let idx = index(&[
            ("a", "The navy seized 11 tons of cocaine in 2024. Mayor Ana Ortega spoke."),
            ("b", "The city planted 300 trees."),
        ]);
        let tons: Vec<FactId> = idx.facts_between(Kind::Quantity, 10.0, 12.0).collect();
        assert_eq!(tons.len(), 1);
        assert_eq!(idx.fact(tons[0]).unwrap().1.text, "11 tons");
        let by_term = idx.candidates(&["cocain".to_string()], &[]);
        assert!(by_term.iter().all(|id| id.dataset == 0) && !by_term.is_empty());
        let by_cite = idx.candidates(&[], &["b"]);
        assert_eq!(by_cite.len(), 1);
        assert_eq!(idx.term_frequency(&crate::extract::terms::stem("trees")), 1);
    }

    #[test]
    fn finds_names_and_aliases_as_whole_words() {
        let idx = index(&[("a", "Yesterday Mayor Ana Ortega met the Riverton Metro Transit Authority.")]);
        let text = "Ortega and Ana Ortega but not Ortegas.";
        let found: Vec<&str> = idx.find_names(text).iter().map(|m| &text[m.range.clone()]).collect();
        assert_eq!(found, ["Ortega", "Ana Ortega"]);
    }
}
