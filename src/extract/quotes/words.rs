//! The words of a quotation or of a source, as two texts are compared word for word: lower case,
//! apostrophes and quote marks folded, punctuation dropped, with an ellipsis kept as a gap and
//! a reporter's bracketed substitution kept as a stand-in.

use std::ops::Range;

/// What a token of a text stands for when compared.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece {
    /// A word, normalised.
    Word(String),
    /// `...`, `…` or `[...]`: words left out.
    Gap,
    /// `[the navy]`: a reporter's words standing for a few of the source's.
    Stand,
}

/// A token and where it stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    pub range: Range<usize>,
    pub piece: Piece,
    /// Whether a full stop, question or exclamation mark follows the word.
    pub ends_sentence: bool,
}

/// How far a bracket may run before it is taken for no bracket at all.
const MAX_BRACKET: usize = 80;

/// The tokens of `text[range]`, in order.
pub fn tokens(text: &str, range: Range<usize>) -> Vec<Token> {
    let Some(slice) = text.get(range.clone()) else { return Vec::new() };
    let base = range.start;
    let chars: Vec<(usize, char)> = slice.char_indices().collect();
    let mut out: Vec<Token> = Vec::new();
    let mut i = 0;
    while let Some(&(at, c)) = chars.get(i) {
        if c == '…' || (c == '.' && is_dots(&chars, i)) {
            out.push(Token { range: base + at..base + at + c.len_utf8(), piece: Piece::Gap, ends_sentence: false });
            i = skip_dots(&chars, i);
        } else if c == '[' {
            i = bracket(slice, base, &chars, i, &mut out);
        } else if c.is_alphanumeric() {
            let end = word_end(&chars, i);
            let start_byte = at;
            let end_byte = chars.get(end).map_or(slice.len(), |&(b, _)| b);
            let word = normalise(slice.get(start_byte..end_byte).unwrap_or(""));
            out.push(Token {
                range: base + start_byte..base + end_byte,
                piece: Piece::Word(word),
                ends_sentence: false,
            });
            i = end;
        } else {
            if matches!(c, '.' | '!' | '?') {
                if let Some(last) = out.last_mut().filter(|t| matches!(t.piece, Piece::Word(_))) {
                    last.ends_sentence = true;
                }
            }
            i += 1;
        }
    }
    out
}

/// A word lower-cased with its apostrophes written straight.
pub fn normalise(word: &str) -> String {
    word.chars()
        .filter(|c| !matches!(c, '[' | ']'))
        .map(|c| if matches!(c, '’' | '‘' | 'ʼ') { '\'' } else { c })
        .flat_map(char::to_lowercase)
        .collect()
}

/// Where the word starting at `i` ends: letters and digits, joined by an apostrophe, hyphen,
/// full stop or comma that stands between two of them (`don't`, `U.S`, `84,000`, `well-paid`),
/// or by a bracket inside the word (`[t]he`).
fn word_end(chars: &[(usize, char)], mut i: usize) -> usize {
    while let Some(&(_, c)) = chars.get(i) {
        let next = chars.get(i + 1).map(|&(_, n)| n);
        let joins = matches!(c, '\'' | '’' | '-' | '.' | ',' | ']') && next.is_some_and(char::is_alphanumeric);
        if c.is_alphanumeric() || joins {
            i += 1;
        } else {
            break;
        }
    }
    i
}

fn is_dots(chars: &[(usize, char)], i: usize) -> bool {
    let at = |k: usize| chars.get(k).map(|&(_, c)| c);
    (at(i + 1) == Some('.') && at(i + 2) == Some('.'))
        || (at(i + 1) == Some(' ') && at(i + 2) == Some('.') && at(i + 3) == Some(' ') && at(i + 4) == Some('.'))
}

fn skip_dots(chars: &[(usize, char)], mut i: usize) -> usize {
    while chars.get(i).is_some_and(|&(_, c)| matches!(c, '.' | '…' | ' ')) {
        // A space ends the run unless more dots follow it.
        if chars.get(i).is_some_and(|&(_, c)| c == ' ') && chars.get(i + 1).is_none_or(|&(_, c)| c != '.') {
            break;
        }
        i += 1;
    }
    i
}

/// Reads the bracket opening at `i`: an ellipsis, a letter inside a word (`[t]he`: the word as
/// if unbracketed), or a substitution. Returns where reading resumes.
fn bracket(slice: &str, base: usize, chars: &[(usize, char)], i: usize, out: &mut Vec<Token>) -> usize {
    let Some(&(at, _)) = chars.get(i) else { return i + 1 };
    let close = chars.iter().skip(i + 1).take(MAX_BRACKET).position(|&(_, c)| c == ']').map(|k| k + i + 1);
    let Some(close) = close else { return i + 1 };
    let inner_start = at + 1;
    let close_byte = chars.get(close).map_or(slice.len(), |&(b, _)| b);
    let inner = slice.get(inner_start..close_byte).unwrap_or("").trim();
    let after = chars.get(close + 1).map(|&(_, c)| c);
    if inner.chars().all(|c| matches!(c, '.' | '…' | ' ')) && !inner.is_empty() {
        out.push(Token { range: base + at..base + close_byte + 1, piece: Piece::Gap, ends_sentence: false });
        return close + 1;
    }
    if after.is_some_and(char::is_alphanumeric) && !inner.contains(' ') {
        // `[t]he`, `[T]he`: a letter changed in the word itself.
        let end = word_end(chars, close + 1);
        let end_byte = chars.get(end).map_or(slice.len(), |&(b, _)| b);
        let word = normalise(slice.get(at..end_byte).unwrap_or(""));
        out.push(Token { range: base + at..base + end_byte, piece: Piece::Word(word), ends_sentence: false });
        return end;
    }
    out.push(Token { range: base + at..base + close_byte + 1, piece: Piece::Stand, ends_sentence: false });
    close + 1
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pieces(text: &str) -> Vec<String> {
        tokens(text, 0..text.len())
            .into_iter()
            .map(|t| match t.piece {
                Piece::Word(w) => {
                    if t.ends_sentence {
                        format!("{w}.")
                    } else {
                        w
                    }
                }
                Piece::Gap => "…".into(),
                Piece::Stand => "[]".into(),
            })
            .collect()
    }

    #[test]
    fn reads_words_gaps_and_substitutions() {
        assert_eq!(
            pieces("We’ll keep going ... until [the navy] is done."),
            ["we'll", "keep", "going", "…", "until", "[]", "is", "done."]
        );
        assert_eq!(
            pieces("[T]he U.S. spent $84,000 [...] in well-paid jobs"),
            ["the", "u.s.", "spent", "84,000", "…", "in", "well-paid", "jobs"]
        );
        assert_eq!(pieces("so . . . on"), ["so", "…", "on"]);
    }
}
