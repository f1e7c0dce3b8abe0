//! Where a thing in a draft comes from: the place in a source that a citation key, a figure or a
//! name leads to. Worked out on the paragraph under the cursor alone, like hover.

use super::finding::Related;
use super::hover::hover_in;
use super::incremental::Against;
use super::matching::match_figures;
use super::rules::conflicting_figure::related;
use super::Context;
use crate::extract::read_draft;

/// The place byte `offset` of `paragraph` leads to. On a citation key: the sentence of that
/// source which gives the figure nearest the cursor among those the note covers (its own
/// sentence first, then its paragraph), else the top of the source. On a figure: the fact it
/// matched. On a known name: its first mention.
pub fn definition(paragraph: &str, offset: usize, against: &Against) -> Option<Related> {
    let draft = read_draft(paragraph);
    let Some((note, key)) =
        draft.notes.iter().find_map(|n| Some((n, n.keys.iter().find(|k| k.range.contains(&offset))?)))
    else {
        return hover_in(paragraph, &draft, offset, against, &[])?.source;
    };
    let Against { library, index, config, .. } = *against;
    let matches = match_figures(&Context::new(paragraph, &draft, library, index, config));
    let sentence = draft.sentence_of_note(note);
    let from_key = |i: usize| {
        let found = matches.get(i)?.as_ref()?;
        index.fact(found.fact).filter(|(dataset, _)| dataset.source.key == key.key)
    };
    let nearest = draft
        .figures
        .iter()
        .enumerate()
        .filter(|(_, f)| f.kind.is_claim())
        .filter_map(|(i, f)| Some((f, from_key(i)?)))
        .min_by_key(|(f, _)| {
            let elsewhere = draft.sentence_at(f.range.start) != sentence;
            (elsewhere, f.range.start.abs_diff(offset))
        });
    if let Some((_, (dataset, fact))) = nearest {
        return Some(related(dataset, fact));
    }
    library.contains(&key.key).then(|| Related::top_of(&key.key))
}
