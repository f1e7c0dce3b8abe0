//! A draft read once: its layout, sentences, figures and notes.

use std::ops::Range;

use super::context::Placing;
use super::figure::Figure;
use super::figures::extract_figures;
use super::notes::{extract_notes, SourceNote};
use crate::text::{parse, split_sentences, BlockKind, Layout};

/// A sentence and the block it stands in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    pub range: Range<usize>,
    pub block: usize,
}

/// Everything the checks need to know about a draft's text.
#[derive(Debug, Clone, Default)]
pub struct Draft {
    pub layout: Layout,
    pub sentences: Vec<Sentence>,
    pub figures: Vec<Figure>,
    pub notes: Vec<SourceNote>,
    /// The prose with the notes blanked too: the words the claims are made of.
    pub view: String,
    /// Where each figure stands in its sentence, for each claim (`None` for a figure that is no
    /// claim); see [`Draft::placing`].
    pub placings: Vec<Option<Placing>>,
}

impl Draft {
    /// Where figure `i` (of [`Draft::figures`]) stands in its sentence, if it is a claim.
    pub fn placing(&self, i: usize) -> Option<&Placing> {
        self.placings.get(i)?.as_ref()
    }

    /// Where `figure`, figure `i` of the draft, stands in its sentence: as read with the draft,
    /// or read now for a figure that is not the draft's own or no claim.
    pub fn placing_of(&self, i: usize, figure: &Figure) -> std::borrow::Cow<'_, Placing> {
        match self.placing(i) {
            Some(p) if self.figures.get(i).is_some_and(|f| f.range == figure.range) => std::borrow::Cow::Borrowed(p),
            _ => std::borrow::Cow::Owned(self.place(figure)),
        }
    }

    /// Reads where `figure` stands in its sentence (in the figure's own place when it is in none).
    fn place(&self, figure: &Figure) -> Placing {
        let s = self.sentence_at(figure.range.start);
        let sentence = s.and_then(|s| self.sentences.get(s)).map_or(figure.range.clone(), |x| x.range.clone());
        let in_sentence: Vec<&Figure> = s.map(|s| self.figures_in(s).iter().collect()).unwrap_or_default();
        Placing::read(&self.view, figure, sentence, &in_sentence)
    }

    /// The index of the sentence holding byte `offset`.
    pub fn sentence_at(&self, offset: usize) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.range.start <= offset).checked_sub(1)?;
        (offset < self.sentences[i].range.end).then_some(i)
    }

    /// The figures of sentence `s`.
    pub fn figures_in(&self, s: usize) -> &[Figure] {
        let Some(range) = self.sentences.get(s).map(|x| x.range.clone()) else { return &[] };
        // Figures are read sentence by sentence, so they come sorted and a sentence's are a run.
        let first = self.figures.partition_point(|f| f.range.start < range.start);
        let last = self.figures.partition_point(|f| f.range.start < range.end);
        self.figures.get(first..last).unwrap_or(&[])
    }

    /// The sentence a note belongs to: the one it stands in, else, for a note outside any
    /// sentence (an HTML comment on its own line), the last sentence of the block before it.
    pub fn sentence_of_note(&self, note: &SourceNote) -> Option<usize> {
        self.sentence_at(note.range.start).or_else(|| {
            let block = self.layout.block_before(note.range.start)?;
            // Sentences come block by block: the block's last is just before the next block's first.
            let i = self.sentences.partition_point(|s| s.block <= block).checked_sub(1)?;
            (self.sentences[i].block == block).then_some(i)
        })
    }

    /// The notes that belong to sentence `s`, by `sentence_of_note`.
    pub fn notes_of(&self, s: usize) -> impl Iterator<Item = &SourceNote> {
        let start = self.sentences.get(s).map_or(usize::MAX, |x| x.range.start);
        let end = self.sentences.get(s + 1).map_or(usize::MAX, |x| x.range.start);
        let first = self.notes.partition_point(|n| n.range.start < start);
        let last = self.notes.partition_point(|n| n.range.start < end);
        self.notes.get(first..last).unwrap_or(&[]).iter().filter(move |n| self.sentence_of_note(n) == Some(s))
    }

    /// The notes standing inside sentence `s`.
    pub fn notes_in(&self, s: usize) -> impl Iterator<Item = &SourceNote> {
        self.notes_of(s).filter(move |n| self.sentence_at(n.range.start) == Some(s))
    }

    /// The kind of block the figure or note at `offset` stands in.
    pub fn block_kind_at(&self, offset: usize) -> Option<BlockKind> {
        let s = self.sentence_at(offset)?;
        self.layout.blocks.get(self.sentences[s].block).map(|b| b.kind)
    }
}

/// Reads a Markdown draft.
pub fn read_draft(text: &str) -> Draft {
    let layout = parse(text);
    let notes = extract_notes(text, &layout);
    let sentences: Vec<Sentence> = layout
        .blocks
        .iter()
        .enumerate()
        .flat_map(|(block, b)| {
            split_sentences(&layout.prose, b.range.clone()).into_iter().map(move |range| Sentence { range, block })
        })
        .collect();

    // Figures are read from the prose with the notes blanked, so `[@nv-2025]` holds no figure.
    let mut view = layout.prose.clone().into_bytes();
    for note in &notes {
        if let Some(bytes) = view.get_mut(note.range.clone()) {
            bytes.iter_mut().filter(|b| !matches!(b, b'\n' | b'\r')).for_each(|b| *b = b' ');
        }
    }
    let view = String::from_utf8(view).unwrap_or_default();
    let figures: Vec<Figure> = sentences.iter().flat_map(|s| extract_figures(&view, s.range.clone())).collect();
    let sentences = sentences.into_iter().flat_map(|s| cut_crowded(s, &figures)).collect();
    let mut draft = Draft { layout, sentences, figures, notes, view, placings: Vec::new() };
    draft.placings = draft.figures.iter().map(|f| f.kind.is_claim().then(|| draft.place(f))).collect();
    draft
}

/// The most figures a sentence is read with. Reading a figure looks at the other figures of its
/// sentence, so a "sentence" of thousands (a run of numbers, a table with no full stops) would
/// cost their square; real sentences hold a handful.
pub const MAX_FIGURES_PER_SENTENCE: usize = 32;

/// `sentence`, cut before every [`MAX_FIGURES_PER_SENTENCE`]th of its figures.
fn cut_crowded(sentence: Sentence, figures: &[Figure]) -> Vec<Sentence> {
    let first = figures.partition_point(|f| f.range.start < sentence.range.start);
    let last = figures.partition_point(|f| f.range.start < sentence.range.end);
    let Some(inside) = figures.get(first..last).filter(|f| f.len() > MAX_FIGURES_PER_SENTENCE) else {
        return vec![sentence];
    };
    let cuts = inside.iter().step_by(MAX_FIGURES_PER_SENTENCE).skip(1).map(|f| f.range.start);
    let starts: Vec<usize> = std::iter::once(sentence.range.start).chain(cuts).collect();
    let ends = starts.iter().skip(1).copied().chain(std::iter::once(sentence.range.end));
    starts.iter().zip(ends).map(|(&start, end)| Sentence { range: start..end, block: sentence.block }).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_claim_is_placed_in_its_own_stretch_of_its_clause() {
        let text = "Soybeans averaged 54 bushels an acre and wheat 58 bushels, the survey found in 2024.\n";
        let draft = read_draft(text);
        let own = |value: f64| {
            let i = draft.figures.iter().position(|f| f.value == value).expect("figure read");
            let placing = draft.placing(i).expect("a claim is placed");
            text.get(placing.own.clone()).expect("a stretch of the text").to_string()
        };
        assert_eq!(own(54.0).trim_end(), "Soybeans averaged 54 bushels an acre");
        assert_eq!(own(58.0), "and wheat 58 bushels");
        let fifty_eight = draft.figures.iter().position(|f| f.value == 58.0).expect("figure read");
        let clause = draft.placing(fifty_eight).map(|p| p.clause.clone()).expect("placed");
        assert_eq!(text.get(clause), Some("Soybeans averaged 54 bushels an acre and wheat 58 bushels"));
    }
}
