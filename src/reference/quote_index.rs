//! The sources' words indexed for quotations: where each word stands in which source, so a
//! draft's quote finds the few places worth aligning by its rarer words, not by reading every
//! source.

use std::collections::HashMap;
use std::sync::Arc;

use super::dataset::Dataset;

/// Words standing in more places than this say little of where a quote comes from; they are
/// followed only when a quote has no rarer word.
const COMMON_WORD_PLACES: usize = 4000;
/// How many of a quote's rarest words vote for where it starts.
const VOTERS: usize = 4;

/// Where each word stands: (dataset, position in its words).
#[derive(Debug, Default)]
pub struct QuoteIndex {
    postings: HashMap<Box<str>, Vec<(u32, u32)>>,
}

impl QuoteIndex {
    pub fn build(datasets: &[Arc<Dataset>]) -> QuoteIndex {
        let mut postings: HashMap<Box<str>, Vec<(u32, u32)>> = HashMap::new();
        for (d, dataset) in datasets.iter().enumerate() {
            let Some(text) = dataset.text.get() else { continue };
            // Gathered by word first, so each distinct word of a source is looked up once.
            let mut places: Vec<Vec<u32>> = vec![Vec::new(); text.vocabulary.len()];
            for (p, w) in text.words.iter().enumerate() {
                if let Some(list) = places.get_mut(w.word as usize) {
                    list.push(p as u32);
                }
            }
            for (word, list) in text.vocabulary.iter().zip(places) {
                postings.entry(word.clone()).or_default().extend(list.into_iter().map(|p| (d as u32, p)));
            }
        }
        QuoteIndex { postings }
    }

    /// Where a passage holding `words` (each with its position among the quote's words) may
    /// start, in the datasets `allowed` lets through: (dataset, position), most likely first,
    /// at most `limit`.
    pub fn anchors(&self, words: &[(usize, &str)], allowed: &dyn Fn(u32) -> bool, limit: usize) -> Vec<(u32, u32)> {
        let mut known: Vec<(usize, &Vec<(u32, u32)>)> =
            words.iter().filter_map(|(at, w)| Some((*at, self.postings.get(*w)?))).collect();
        known.sort_by_key(|(_, places)| places.len());
        let rare = known.iter().filter(|(_, p)| p.len() <= COMMON_WORD_PLACES).count().max(1);
        let mut votes: HashMap<(u32, u32), (usize, u32)> = HashMap::new();
        for (at, places) in known.iter().take(rare.min(VOTERS)) {
            for &(d, p) in places.iter().take(COMMON_WORD_PLACES).filter(|(d, _)| allowed(*d)) {
                let start = p.saturating_sub(*at as u32);
                // Nearby starts are one candidate: an ellipsis or a changed word shifts them.
                let entry = votes.entry((d, start / 16)).or_insert((0, start));
                entry.0 += 1;
            }
        }
        let mut ranked: Vec<((u32, u32), (usize, u32))> = votes.into_iter().collect();
        ranked.sort_by(|a, b| b.1 .0.cmp(&a.1 .0).then(a.0.cmp(&b.0)));
        ranked.into_iter().take(limit).map(|((d, _), (_, start))| (d, start)).collect()
    }
}
