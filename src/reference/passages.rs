//! What a source's text says word for word, kept in memory beside its dataset so quotations can
//! be checked: its words in order, which of them the source quotes, and whom it gives them to.
//! Datasets on disk keep no sentences; this is built from the text each time it is read.

use std::collections::HashMap;
use std::ops::Range;

use super::dataset::{Entity, EntityKind, Place};
use crate::extract::quotes::read_quotations;
use crate::extract::quotes::words::{tokens, Piece};
use crate::extract::Draft;
use crate::text::{Encoding, LineIndex};

/// A word of a source: where it stands, which word it is (normalised, by its place in the
/// source's vocabulary, so a source of many megabytes keeps each word once), and whether a
/// sentence ends after it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceWord {
    pub range: Range<u32>,
    pub word: u32,
    pub ends_sentence: bool,
}

/// Words the source quotes, and whom it gives them to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Spoken {
    /// Positions in [`SourceText::words`].
    pub words: Range<u32>,
    /// The speaker's full name where the source gives one (`Ana Ortega` for `Ortega said`).
    pub speaker: Option<String>,
}

/// The words of a source's text.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SourceText {
    pub text: String,
    pub words: Vec<SourceWord>,
    /// Each distinct word once.
    pub vocabulary: Vec<Box<str>>,
    /// Quoted stretches, in order, not overlapping.
    pub spoken: Vec<Spoken>,
    lines: Vec<u32>,
}

/// A source too large to address with 32-bit offsets keeps no words.
const MAX_TEXT: usize = u32::MAX as usize;

impl SourceText {
    /// Reads the words and quotations of `text`, read already as `draft`; `entities` give the
    /// full names of speakers named by surname.
    pub fn read(text: &str, draft: &Draft, entities: &[Entity]) -> SourceText {
        if text.len() >= MAX_TEXT {
            return SourceText::default();
        }
        let prose = &draft.layout.prose;
        let mut words = Vec::new();
        let mut known: HashMap<Box<str>, u32> = HashMap::new();
        let mut vocabulary: Vec<Box<str>> = Vec::new();
        for block in &draft.layout.blocks {
            let mut block_words = tokens(prose, block.range.clone());
            if let Some(last) = block_words.last_mut() {
                // A paragraph ends what it says, as a full stop does.
                last.ends_sentence = true;
            }
            for t in block_words {
                let Piece::Word(w) = t.piece else { continue };
                let w = w.into_boxed_str();
                let id = match known.get(&w) {
                    Some(&id) => id,
                    None => {
                        let id = vocabulary.len() as u32;
                        vocabulary.push(w.clone());
                        known.insert(w, id);
                        id
                    }
                };
                let range = t.range.start as u32..t.range.end as u32;
                words.push(SourceWord { range, word: id, ends_sentence: t.ends_sentence });
            }
        }
        let mut names: HashMap<String, String> = HashMap::new();
        let spoken = read_quotations(text, draft)
            .into_iter()
            .filter_map(|q| {
                let (start, end) = (q.parts.first()?.start, q.parts.last()?.end);
                let first = words.partition_point(|w: &SourceWord| (w.range.start as usize) < start);
                let last = words.partition_point(|w: &SourceWord| (w.range.end as usize) <= end);
                let speaker = q
                    .speaker
                    .map(|s| names.entry(s.name.clone()).or_insert_with(|| full_name(&s.name, entities)).clone());
                (first < last).then_some(Spoken { words: first as u32..last as u32, speaker })
            })
            .collect();
        let lines = line_starts(text);
        SourceText { text: text.to_string(), words, vocabulary, spoken, lines }
    }

    /// The normalised word at position `i`.
    pub fn word(&self, i: usize) -> Option<&str> {
        let w = self.words.get(i)?;
        self.vocabulary.get(w.word as usize).map(|b| &**b)
    }

    /// Whom the source gives the words at positions `words` to: the speaker of the quoted
    /// stretch that holds most of them.
    pub fn speaker_of(&self, words: Range<u32>) -> Option<&Spoken> {
        let i = self.spoken.partition_point(|s| s.words.end <= words.start);
        self.spoken.get(i).filter(|s| s.words.start <= words.start && words.end <= s.words.end + 1)
    }

    /// The text of the words at positions `words`, on one line.
    pub fn written(&self, words: Range<u32>) -> String {
        let (Some(first), Some(last)) =
            (self.words.get(words.start as usize), words.end.checked_sub(1).and_then(|e| self.words.get(e as usize)))
        else {
            return String::new();
        };
        let slice = self.text.get(first.range.start as usize..last.range.end as usize).unwrap_or("");
        slice.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    /// Where the words at positions `words` stand: line and UTF-16 characters.
    pub fn place(&self, words: Range<u32>) -> Place {
        let start = self.words.get(words.start as usize).map_or(0, |w| w.range.start as usize);
        let end =
            words.end.checked_sub(1).and_then(|e| self.words.get(e as usize)).map_or(start, |w| w.range.end as usize);
        let at = |offset: usize| {
            let line = self.lines.partition_point(|&s| s as usize <= offset).saturating_sub(1);
            let line_start = self.lines.get(line).map_or(0, |&s| s as usize);
            let units = self.text.get(line_start..offset).map_or(0, |t| t.encode_utf16().count());
            (line as u32, units as u32)
        };
        let ((line, character), (end_line, end_character)) = (at(start), at(end));
        Place { line, character, end_line, end_character }
    }
}

fn line_starts(text: &str) -> Vec<u32> {
    let lines = LineIndex::new(text);
    (0..lines.line_count())
        .map(|l| lines.offset(text, crate::text::Position::new(l as u32, 0), Encoding::Utf8).unwrap_or(0) as u32)
        .collect()
}

/// A speaker's full name: the person of the source whose name ends in the words given.
fn full_name(name: &str, entities: &[Entity]) -> String {
    let person = entities
        .iter()
        .filter(|e| e.kind == EntityKind::Person)
        .find(|e| e.name == name || e.name.ends_with(&format!(" {name}")) || e.aliases.iter().any(|a| a == name));
    person.map_or_else(|| name.to_string(), |e| e.name.clone())
}

/// A source's words as a dataset holds them: in memory only. Two datasets that say the same
/// are equal whether or not they were read from a text, so a dataset written and read back is
/// the dataset it was.
#[derive(Debug, Clone, Default)]
pub struct SourceWords(Option<std::sync::Arc<SourceText>>);

impl SourceWords {
    pub fn new(text: SourceText) -> SourceWords {
        SourceWords(Some(std::sync::Arc::new(text)))
    }

    /// The words, when the dataset was read from a text.
    pub fn get(&self) -> Option<&SourceText> {
        self.0.as_deref()
    }
}

impl PartialEq for SourceWords {
    fn eq(&self, _: &SourceWords) -> bool {
        true
    }
}
