//! Quotations in a text: the words between quote marks that someone said or wrote, with who
//! said them.
//!
//! A quotation is words within straight or curly double quotes (single quotes inside them are
//! part of it), a block quote (`>`), or a quote interrupted by its attribution (`"We will keep
//! going," she said, "until it is done."`), read over line breaks. Quotes of one or two words
//! are scare quotes, and titles of works and nicknames are names: none is a quotation. The
//! same reading finds the quotations of sources, whose speakers tell whom a passage belongs to.

pub(crate) mod speaker;
pub(crate) mod words;

use std::ops::Range;

use crate::lexicon::{is_naming, is_work};
pub use speaker::Speaker;
use speaker::{find_speaker, Around};

/// A quotation of a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quotation {
    /// From the first opening mark to the last closing mark (the block, for a block quote).
    pub range: Range<usize>,
    /// The quoted words of each part, inside the marks: two parts when the attribution
    /// interrupts the quote.
    pub parts: Vec<Range<usize>>,
    pub speaker: Option<Speaker>,
    /// Whether it is a block quote.
    pub block: bool,
}

/// A block of prose to read quotations in, with its sentences.
pub struct Passage<'a> {
    pub range: Range<usize>,
    /// Whether the block stands in a block quote (`>`).
    pub quoted: bool,
    pub sentences: &'a [Range<usize>],
}

/// Fewer words than this between quote marks make scare quotes, not a quotation.
const MIN_WORDS: usize = 3;
/// The most words of attribution that may interrupt a quote: `she said,`, `said Ana Ortega, the
/// mayor,`.
const MAX_INTERRUPTION_WORDS: usize = 10;

/// The most words between a quote and the next that carries on its speaker: `"...," said Tobias
/// Renner, who has fished out of Halden for thirty years. "Nobody..."`.
const MAX_FOLLOWING_WORDS: usize = 20;

/// Every quotation of the blocks of `text`, in order. `text` is the prose, with what is not
/// prose blanked.
pub fn find_quotations(text: &str, blocks: &[Passage]) -> Vec<Quotation> {
    let mut found = Vec::new();
    for (b, block) in blocks.iter().enumerate() {
        let previous = b.checked_sub(1).and_then(|p| blocks.get(p));
        if block.quoted {
            found.extend(block_quote(text, block, previous));
        } else {
            found.extend(inline_quotes(text, block, previous));
        }
    }
    found
}

/// Every quotation of a draft (or a source read as one), `raw` being its text as written.
pub fn read_quotations(raw: &str, draft: &crate::extract::Draft) -> Vec<Quotation> {
    // Sentences come block by block, in order: grouped in one pass.
    let mut sentences: Vec<Vec<Range<usize>>> = vec![Vec::new(); draft.layout.blocks.len()];
    for s in &draft.sentences {
        if let Some(group) = sentences.get_mut(s.block) {
            group.push(s.range.clone());
        }
    }
    let passages: Vec<Passage> = draft
        .layout
        .blocks
        .iter()
        .zip(&sentences)
        .map(|(b, s)| Passage { range: b.range.clone(), quoted: in_block_quote(raw, b.range.start), sentences: s })
        .collect();
    find_quotations(&draft.view, &passages)
}

/// Whether the line holding `offset` of `raw` is in a block quote: it opens with `>`.
pub fn in_block_quote(raw: &str, offset: usize) -> bool {
    let head = raw.get(..offset).unwrap_or("");
    let line_start = head.rfind('\n').map_or(0, |i| i + 1);
    raw.get(line_start..offset).is_some_and(|l| l.trim_start().starts_with('>'))
}

/// A block quote: its words, less marks around them, and a closing `— Name` that attributes
/// them; else the speaker of the sentence that introduced it (`Ortega wrote:`).
fn block_quote(text: &str, block: &Passage, previous: Option<&Passage>) -> Option<Quotation> {
    let body = text.get(block.range.clone())?;
    let mut start = block.range.start + (body.len() - body.trim_start().len());
    let mut end = block.range.start + body.trim_end().len();
    let mut speaker = None;
    // `— Ana Ortega` at the end names the speaker.
    if let Some(dash) = text.get(start..end).and_then(|b| b.rfind(['—', '–'])).map(|d| d + start) {
        let after = dash + text.get(dash..)?.chars().next()?.len_utf8();
        let name = speaker::name_at(text, after..end);
        if name.is_some() {
            speaker = name;
            end = text.get(start..dash)?.trim_end().len() + start;
        }
    }
    let trimmed = text.get(start..end)?;
    let open = trimmed.chars().next().filter(|c| matches!(c, '"' | '“'));
    let close = trimmed.chars().next_back().filter(|c| matches!(c, '"' | '”'));
    if let (Some(o), Some(c)) = (open, close) {
        start += o.len_utf8();
        end -= c.len_utf8();
    }
    if count_words(text, start..end) < MIN_WORDS {
        return None;
    }
    let speaker = speaker.or_else(|| {
        let intro = previous?.sentences.last()?.clone();
        let line = text.get(intro.clone())?.trim_end();
        line.ends_with(':')
            .then(|| find_speaker(text, &Around::before(intro.start..intro.start + line.len()), false))?
    });
    Some(Quotation { range: block.range.clone(), parts: std::iter::once(start..end).collect(), speaker, block: true })
}

/// The quote marks of a block paired: each an opening and a closing mark's byte ranges.
fn pair_marks(text: &str, range: Range<usize>) -> Vec<(Range<usize>, Range<usize>)> {
    let Some(body) = text.get(range.clone()) else { return Vec::new() };
    let mut pairs = Vec::new();
    let mut open: Option<Range<usize>> = None;
    let mut before: Option<char> = None;
    for (i, c) in body.char_indices() {
        let at = range.start + i..range.start + i + c.len_utf8();
        match (c, &open) {
            ('“', None) => open = Some(at),
            ('"', None)
                if before.is_none_or(|b| {
                    b.is_whitespace() || matches!(b, '(' | '[' | '—' | '–' | '-' | ':' | '\'' | '‘' | '*' | '_')
                }) =>
            {
                open = Some(at)
            }
            ('”' | '"', Some(o)) => {
                pairs.push((o.clone(), at));
                open = None;
            }
            _ => {}
        }
        before = Some(c);
    }
    // A quote left open runs to the end of its paragraph, as a quote over several paragraphs does.
    if let Some(o) = open {
        pairs.push((o, range.end..range.end));
    }
    pairs
}

/// The quotations of a paragraph, heading or list item.
fn inline_quotes(text: &str, block: &Passage, previous: Option<&Passage>) -> Vec<Quotation> {
    let pairs = pair_marks(text, block.range.clone());
    let mut found: Vec<Quotation> = Vec::new();
    let mut i = 0;
    while let Some((open, close)) = pairs.get(i) {
        let mut parts: Vec<Range<usize>> = std::iter::once(open.end..close.start).collect();
        let mut range = open.start..close.end;
        let mut interruption = None;
        // `"We will keep going," she said, "until it is done."`
        if let Some((next_open, next_close)) = pairs.get(i + 1) {
            if let Some(between) = interrupts(text, &parts[0], close.end..next_open.start) {
                parts.push(next_open.end..next_close.start);
                range.end = next_close.end;
                interruption = Some(between);
                i += 1;
            }
        }
        i += 1;
        let words: usize = parts.iter().map(|p| count_words(text, p.clone())).sum();
        if words < MIN_WORDS || is_name(text, &range, &parts) {
            continue;
        }
        let around =
            Around::of(text, &range, block.sentences, interruption, previous.and_then(|p| p.sentences.last().cloned()));
        let speaker = find_speaker(text, &around, ends_with_comma(text, parts.last()))
            .or_else(|| carried(text, found.last(), &range));
        found.push(Quotation { range, parts, speaker, block: false });
    }
    found
}

/// The speaker a quote with no attribution of its own carries on from the quote before it.
fn carried(text: &str, before: Option<&Quotation>, range: &Range<usize>) -> Option<Speaker> {
    let speaker = before.filter(|_| follows(text, before, range))?.speaker.clone()?;
    Some(Speaker { carried: true, ..speaker })
}

/// Whether a quote with no attribution of its own goes on from the quote before it: `"...,"
/// Bell said. "If the bids..."` (nothing but the attribution's sentence between them).
fn follows(text: &str, before: Option<&Quotation>, range: &Range<usize>) -> bool {
    let Some(before) = before else { return false };
    let between = text.get(before.range.end..range.start).unwrap_or("");
    between.split_whitespace().count() <= MAX_FOLLOWING_WORDS && between.trim_end().ends_with(['.', ':'])
}

/// The attribution between two quotes, when it interrupts one quotation: the first part ends in
/// a comma and the words between are few and end in a comma.
fn interrupts(text: &str, first: &Range<usize>, between: Range<usize>) -> Option<Range<usize>> {
    let part = text.get(first.clone())?.trim_end();
    let gap = text.get(between.clone())?.trim();
    let words = gap.split_whitespace().count();
    let ends = part.ends_with(',') && (gap.ends_with(',') || gap.ends_with(':'));
    (ends && (2..=MAX_INTERRUPTION_WORDS).contains(&words) && speaker::has_speech_verb(gap)).then_some(between)
}

fn ends_with_comma(text: &str, part: Option<&Range<usize>>) -> bool {
    part.and_then(|p| text.get(p.clone())).is_some_and(|t| t.trim_end().ends_with([',', '?', '!']))
}

/// Whether the quote names something rather than quotes someone: a title of a work or a
/// nickname.
fn is_name(text: &str, range: &Range<usize>, parts: &[Range<usize>]) -> bool {
    let before: Vec<&str> = text.get(..range.start).unwrap_or("").split_whitespace().rev().take(3).collect();
    let bare = |w: &str| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-').to_lowercase();
    if before.first().is_some_and(|w| is_naming(&bare(w))) {
        return true;
    }
    let work = |w: &&str| {
        let b = bare(w);
        is_work(&b) || b.strip_suffix('s').is_some_and(is_work)
    };
    if before.iter().any(work) && title_case(text, parts, true) {
        return true;
    }
    // `Maria "The Hammer" Lopez`: between two capitalised words.
    let after = text.get(range.end..).unwrap_or("").chars().next();
    let next_word = text.get(range.end..).unwrap_or("").split_whitespace().next();
    let capital = |w: Option<&&str>| w.is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase));
    if after == Some(' ') && capital(before.first()) && capital(next_word.as_ref()) && parts.len() == 1 {
        let prev = before.first().copied().unwrap_or("");
        return !prev.ends_with([',', '.', ':', ';']);
    }
    title_case(text, parts, false) && parts.len() == 1
}

/// Whether every longer word of the quote is capitalised, as a title is: `The Long Road Home`.
fn title_case(text: &str, parts: &[Range<usize>], named_work: bool) -> bool {
    let words: Vec<&str> = parts.iter().filter_map(|p| text.get(p.clone())).flat_map(str::split_whitespace).collect();
    let long: Vec<&&str> = words.iter().filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 4).collect();
    let ends = words.last().is_some_and(|w| w.ends_with(['.', ',', '!', '?']));
    long.len() >= 2 && (named_work || !ends) && long.iter().all(|w| w.chars().next().is_some_and(char::is_uppercase))
}

fn count_words(text: &str, range: Range<usize>) -> usize {
    text.get(range).map_or(0, |t| t.split_whitespace().filter(|w| w.chars().any(char::is_alphanumeric)).count())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quotes(text: &str) -> Vec<(String, Option<String>)> {
        let sentences = crate::text::split_sentences(text, 0..text.len());
        let blocks = [Passage { range: 0..text.len(), quoted: false, sentences: &sentences }];
        find_quotations(text, &blocks)
            .into_iter()
            .map(|q| {
                let words: Vec<&str> = q.parts.iter().map(|p| &text[p.clone()]).collect();
                (words.join(" | "), q.speaker.map(|s| s.name))
            })
            .collect()
    }

    #[test]
    fn finds_quotes_and_their_speakers() {
        let found = quotes("\"We will keep going,\" she said, \"until it is done.\" Ortega said the plan was \"a model for the region.\"");
        assert_eq!(found.len(), 2, "{found:?}");
        assert_eq!(found[0].0, "We will keep going, | until it is done.");
        assert_eq!(found[1].1.as_deref(), Some("Ortega"));
    }

    #[test]
    fn scare_quotes_titles_and_nicknames_are_no_quotations() {
        assert!(quotes("The \"plan\" was a \"good idea\" in the book \"The Long Road Home\".").is_empty());
        assert!(quotes("Maria \"The Hammer of Rivers\" Lopez won.").is_empty());
    }
}
