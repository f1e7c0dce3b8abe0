//! Splitting a block of prose into sentences.
//!
//! A source note covers the figures of its sentence, so the split decides what a citation
//! covers. It errs on the side of longer sentences: abbreviations (`U.S.`, `Dr.`, `Jan.`),
//! initials, decimals and punctuation inside quotes or brackets do not end a sentence, and a note
//! that follows the final full stop (`... in 2023. [@key]`) still belongs to the sentence before.

use std::ops::Range;

/// The byte ranges of the sentences of `prose[range]`; together they cover the whole range.
pub fn split_sentences(prose: &str, range: Range<usize>) -> Vec<Range<usize>> {
    let Some(block) = prose.get(range.clone()) else { return vec![range] };
    let mut sentences = Vec::new();
    let mut start = 0;
    let mut depth = 0i32;
    let mut quoted = false;
    let chars: Vec<(usize, char)> = block.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let (at, ch) = chars[i];
        match ch {
            '(' | '[' | '{' => depth += 1,
            ')' | ']' | '}' => depth = (depth - 1).max(0),
            '"' => quoted = !quoted,
            '“' => quoted = true,
            '”' => quoted = false,
            '.' | '!' | '?' | '…'
                if depth == 0 && (!quoted || closes_quote(&chars, i + 1)) && ends_sentence(block, at, ch) =>
            {
                let after = skip_closers(&chars, i + 1);
                if let Some(next) = next_sentence_start(block, &chars, after) {
                    sentences.push(range.start + start..range.start + next);
                    start = next;
                    quoted = false;
                    // Resume scanning at the new sentence.
                    i = chars.partition_point(|&(o, _)| o < next);
                    continue;
                }
            }
            _ => {}
        }
        i += 1;
    }
    sentences.push(range.start + start..range.end);
    sentences.into_iter().flat_map(|sentence| bounded(prose, sentence)).collect()
}

/// The longest sentence read as one, in bytes. Much of the reading of a figure looks over its
/// whole sentence, so a "sentence" of thousands of figures (a run of numbers with no full stop, a
/// table flattened to one line) would cost figures × length; real sentences stay far below this
/// (the longest in the evaluation sets is some 650 bytes).
pub const MAX_SENTENCE_BYTES: usize = 2_000;

/// `sentence`, cut at spaces into pieces of at most [`MAX_SENTENCE_BYTES`] (a piece with no space
/// in it is cut at a character boundary).
fn bounded(prose: &str, sentence: Range<usize>) -> Vec<Range<usize>> {
    let mut pieces = Vec::new();
    let mut start = sentence.start;
    while sentence.end - start > MAX_SENTENCE_BYTES {
        let mut cut = start + MAX_SENTENCE_BYTES;
        while cut > start && !prose.is_char_boundary(cut) {
            cut -= 1;
        }
        let space = prose.get(start..cut).and_then(|piece| piece.rfind(char::is_whitespace));
        let cut = match space {
            Some(at) if at > 0 => start + at + 1,
            _ => cut,
        };
        if cut == start {
            break;
        }
        pieces.push(start..cut);
        start = cut;
    }
    pieces.push(start..sentence.end);
    pieces
}

/// Whether the mark at `at` can end a sentence, judged by the word before it.
fn ends_sentence(block: &str, at: usize, mark: char) -> bool {
    if mark != '.' {
        return true;
    }
    let before = &block[..at];
    let word_start = before
        .rfind(|c: char| c.is_whitespace() || matches!(c, '(' | '[' | '"' | '“' | '‘'))
        .map_or(0, |i| i + before[i..].chars().next().map_or(1, char::len_utf8));
    let word = &before[word_start..];
    if word.is_empty() {
        return true;
    }
    // Initials and dotted abbreviations (`J.`, `U.S.`, `e.g.`) end a sentence only when a word
    // that opens sentences follows: `... with the U.S. The navy ...`.
    let letters: Vec<&str> = word.split('.').collect();
    if letters.iter().all(|part| part.chars().count() == 1 && part.chars().all(char::is_alphabetic)) {
        let next = block[at + 1..].split_whitespace().next().unwrap_or("");
        return letters.len() >= 2 && crate::lexicon::is_sentence_opener(next);
    }
    let lower = word.trim_start_matches(|c: char| !c.is_alphanumeric()).to_lowercase();
    !crate::lexicon::is_abbreviation(&lower)
}

/// Whether the characters from `i` close a quotation (so the mark before them ends it).
fn closes_quote(chars: &[(usize, char)], i: usize) -> bool {
    matches!(chars.get(i), Some((_, '"' | '”')))
}

/// Skips closing quotes and brackets that belong to the ending sentence.
fn skip_closers(chars: &[(usize, char)], mut i: usize) -> usize {
    while let Some(&(_, c)) = chars.get(i) {
        if matches!(c, '"' | '\'' | '”' | '’' | ')' | ']' | '.' | '!' | '?') {
            i += 1;
        } else {
            break;
        }
    }
    i
}

/// Where the next sentence starts after an end mark, if one does: past whitespace and any notes
/// that trail the mark, at a capital letter, digit, quote or opening bracket.
fn next_sentence_start(block: &str, chars: &[(usize, char)], mut i: usize) -> Option<usize> {
    let mut saw_space = false;
    loop {
        let &(at, c) = chars.get(i)?;
        if c.is_whitespace() {
            saw_space = true;
            i += 1;
        } else if c == '[' && matches!(block[at..].chars().nth(1), Some('@' | '^')) {
            // A note standing after the full stop still belongs to this sentence.
            let close = block[at..].find(']')?;
            i = chars.partition_point(|&(o, _)| o <= at + close);
        } else if !saw_space {
            return None;
        } else if c.is_uppercase() || c.is_numeric() || matches!(c, '"' | '“' | '‘' | '\'' | '(' | '[' | '¡' | '¿')
        {
            return Some(at);
        } else {
            return None;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        split_sentences(text, 0..text.len()).into_iter().map(|r| text[r].trim()).collect()
    }

    #[test]
    fn splits_at_full_stops_before_capitals() {
        assert_eq!(split("One claim. Another claim! A third?"), ["One claim.", "Another claim!", "A third?"]);
    }

    #[test]
    fn abbreviations_initials_and_decimals_do_not_split() {
        assert_eq!(
            split("The U.S. Southern Command and Dr. Ruiz met on Jan. 5 with J. R. Smith. It grew 1.7 percent."),
            ["The U.S. Southern Command and Dr. Ruiz met on Jan. 5 with J. R. Smith.", "It grew 1.7 percent."]
        );
    }

    #[test]
    fn a_dotted_abbreviation_ends_a_sentence_before_an_opener() {
        assert_eq!(
            split("They worked with the U.S. The navy grew. The U.S. Navy helped."),
            ["They worked with the U.S.", "The navy grew.", "The U.S. Navy helped."]
        );
    }

    #[test]
    fn quotes_and_brackets_stay_whole() {
        assert_eq!(
            split("He said \"It fell. It rose.\" Then (as noted. Twice) it held. Next."),
            ["He said \"It fell. It rose.\"", "Then (as noted. Twice) it held.", "Next."]
        );
    }

    #[test]
    fn a_note_after_the_full_stop_belongs_to_the_sentence_before() {
        assert_eq!(
            split("It fell to 2.2 in 2023. [@nv] Then 84,000 were held."),
            ["It fell to 2.2 in 2023. [@nv]", "Then 84,000 were held."]
        );
    }

    #[test]
    fn lower_case_after_a_stop_continues_the_sentence() {
        assert_eq!(split("about 5 p.m. on Friday. ok then"), ["about 5 p.m. on Friday. ok then"]);
    }
}
