//! Aligning a quotation's words with a stretch of a source's words: the fewest words changed,
//! added or dropped, where an ellipsis may leave out words and a bracket stand for a few.

use std::ops::Range;

use crate::extract::quotes::words::{Piece, Token};
use crate::reference::passages::SourceText;

/// The most source words an ellipsis may leave out.
pub const GAP_WORDS: usize = 60;
/// The most source words a bracketed substitution may stand for.
pub const STAND_WORDS: usize = 6;

/// One step of an alignment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    /// The quote's word `0` is the source's word `1`.
    Same(usize, usize),
    /// The quote's word is another than the source's.
    Changed(usize, usize),
    /// The quote's word `0` is not in the source.
    Added(usize),
    /// The source's word `0` is left out without an ellipsis.
    Dropped(usize),
    /// An ellipsis or bracket of the quote standing for the source's words in the range.
    Skipped(usize, Range<usize>),
    /// Like `Same`, but the source ends a sentence there and the quote runs on: two sentences
    /// joined.
    Joined(usize, usize),
}

/// How a quotation lines up with a stretch of a source.
#[derive(Debug, Clone)]
pub struct Alignment {
    /// Words changed, added, dropped, and sentences joined.
    pub cost: usize,
    /// Words the same in both.
    pub same: usize,
    /// The source words the quotation covers.
    pub source: Range<u32>,
    pub steps: Vec<Step>,
}

const DIAGONAL: u32 = 0;
const UP: u32 = 1;
const LEFT: u32 = 2;
/// Back pointers above this come from a skip that started at column `back - SKIP`.
const SKIP: u32 = 3;

/// The best alignment of `quote` within the source's words `window`: the whole quote against
/// any stretch of the window.
pub fn align(quote: &[Token], part_ends: &[bool], source: &SourceText, window: Range<usize>) -> Option<Alignment> {
    let words = source.words.get(window.clone())?;
    let (n, m) = (quote.len(), words.len());
    if n == 0 || m == 0 {
        return None;
    }
    let width = m + 1;
    let mut cost = vec![u32::MAX / 2; (n + 1) * width];
    let mut back = vec![DIAGONAL; (n + 1) * width];
    cost.iter_mut().take(width).for_each(|c| *c = 0);
    for (i, token) in quote.iter().enumerate() {
        let (row, next) = (i * width, (i + 1) * width);
        match &token.piece {
            Piece::Word(w) => {
                for j in 0..=m {
                    let up = cost[row + j] + 1;
                    let (mut best, mut from) = (up, UP);
                    if j > 0 {
                        let same = source.word(window.start + j - 1) == Some(w.as_str());
                        let diagonal = cost[row + j - 1] + u32::from(!same);
                        if diagonal <= best {
                            (best, from) = (diagonal, DIAGONAL);
                        }
                        let left = cost[next + j - 1] + 1;
                        if left < best {
                            (best, from) = (left, LEFT);
                        }
                    }
                    cost[next + j] = best;
                    back[next + j] = from;
                }
            }
            Piece::Gap | Piece::Stand => {
                let reach = if token.piece == Piece::Gap { GAP_WORDS } else { STAND_WORDS };
                for j in 0..=m {
                    let lo = j.saturating_sub(reach);
                    let k = (lo..=j).min_by_key(|&k| (cost[row + k], j - k)).unwrap_or(j);
                    cost[next + j] = cost[row + k];
                    back[next + j] = SKIP + k as u32;
                }
            }
        }
    }
    let end = (0..=m).min_by_key(|&j| (cost[n * width + j], j))?;
    let mut steps = Vec::new();
    let (mut i, mut j) = (n, end);
    while i > 0 {
        let from = back[i * width + j];
        match from {
            DIAGONAL => {
                let same = cost[i * width + j] == cost[(i - 1) * width + j - 1];
                steps.push(if same {
                    Step::Same(i - 1, window.start + j - 1)
                } else {
                    Step::Changed(i - 1, window.start + j - 1)
                });
                (i, j) = (i - 1, j - 1);
            }
            UP => {
                steps.push(Step::Added(i - 1));
                i -= 1;
            }
            LEFT => {
                steps.push(Step::Dropped(window.start + j - 1));
                j -= 1;
            }
            k => {
                let k = (k - SKIP) as usize;
                steps.push(Step::Skipped(i - 1, window.start + k..window.start + j));
                (i, j) = (i - 1, k);
            }
        }
    }
    steps.reverse();
    let covered = window.start + j..window.start + end;
    mark_joins(&mut steps, quote, part_ends, source, &covered);
    let same = steps.iter().filter(|s| matches!(s, Step::Same(..))).count();
    let changes = steps.iter().filter(|s| !matches!(s, Step::Same(..) | Step::Skipped(..))).count();
    Some(Alignment { cost: changes, same, source: covered.start as u32..covered.end as u32, steps })
}

/// Marks where the quote runs two of the source's sentences together with no stop between
/// them (at the end of a part of an interrupted quote, the attribution stands between).
fn mark_joins(steps: &mut [Step], quote: &[Token], part_ends: &[bool], source: &SourceText, covered: &Range<usize>) {
    for step in steps.iter_mut() {
        let Step::Same(q, s) = step.clone() else { continue };
        let source_ends = source.words.get(s).is_some_and(|w| w.ends_sentence) && s + 1 < covered.end;
        let quote_ends = quote.get(q).is_some_and(|t| t.ends_sentence) || part_ends.get(q).copied().unwrap_or(false);
        let next_is_gap = quote.get(q + 1).is_some_and(|t| t.piece != Piece::Gap && !matches!(t.piece, Piece::Word(_)))
            || quote.get(q + 1).is_some_and(|t| t.piece == Piece::Gap);
        if source_ends && !quote_ends && !next_is_gap && q + 1 < quote.len() {
            *step = Step::Joined(q, s);
        }
    }
}
