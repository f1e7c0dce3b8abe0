//! The tokens figures are read from: digit runs, words and single punctuation marks, and the
//! literal reading of a run of digits with its separators.

use super::*;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum T {
    Num,
    Word,
    Punct,
}

#[derive(Debug, Clone, Copy)]
pub(super) struct Tok {
    pub(super) t: T,
    pub(super) start: usize,
    pub(super) end: usize,
}

pub(super) fn tokenize(slice: &str, base: usize) -> Vec<Tok> {
    let chars: Vec<(usize, char)> = slice.char_indices().collect();
    let end_of = |k: usize| chars.get(k).map_or(slice.len(), |&(o, _)| o);
    let mut toks = Vec::new();
    let mut k = 0;
    while let Some(&(at, c)) = chars.get(k) {
        let start = k;
        let leading_decimal = c == '.'
            && chars.get(k + 1).is_some_and(|&(_, n)| n.is_ascii_digit())
            && (k == 0 || chars.get(k - 1).is_some_and(|&(_, p)| p.is_whitespace() || p == '-' || p == '$'));
        if c.is_ascii_digit() || leading_decimal {
            k += 1;
            while let Some(&(_, c)) = chars.get(k) {
                let next_is_digit = chars.get(k + 1).is_some_and(|&(_, n)| n.is_ascii_digit());
                if c.is_ascii_digit() || (matches!(c, ',' | '.') && next_is_digit) {
                    k += 1;
                } else {
                    break;
                }
            }
            let run = slice.get(at..end_of(k)).unwrap_or("");
            if is_list_of_numbers(run) {
                // `12,14,16`: numbers listed without spaces, one token each.
                let mut from = at;
                for part in run.split(',') {
                    if from > at {
                        toks.push(Tok { t: T::Punct, start: base + from - 1, end: base + from });
                    }
                    toks.push(Tok { t: T::Num, start: base + from, end: base + from + part.len() });
                    from += part.len() + 1;
                }
            } else {
                toks.push(Tok { t: T::Num, start: base + at, end: base + end_of(k) });
            }
        } else if c.is_alphabetic() {
            k += 1;
            while let Some(&(_, c)) = chars.get(k) {
                let next_is_letter = chars.get(k + 1).is_some_and(|&(_, n)| n.is_alphabetic());
                if c.is_alphabetic() || (matches!(c, '\'' | '’') && next_is_letter) {
                    k += 1;
                } else {
                    break;
                }
            }
            toks.push(Tok { t: T::Word, start: base + at, end: base + end_of(k) });
        } else if !c.is_whitespace() {
            k += 1;
            toks.push(Tok { t: T::Punct, start: base + at, end: base + end_of(k) });
        } else {
            k += 1;
        }
        debug_assert!(k > start);
    }
    toks
}

/// Whether a run of digits and commas is no one number but a list of small ones: `22,24,26`
/// (not `1,234`, the decimal `2,5`, or `12,345,67`, a grouping gone wrong).
pub(super) fn is_list_of_numbers(run: &str) -> bool {
    run.contains(',')
        && parse_literal(run).is_none()
        && run.split(',').all(|p| (1..=2).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit()))
}

/// Groups of thousands written the Indian way, in lakhs and crores: `12,34,567`.
pub(super) fn indian_grouping(parts: &[&str]) -> bool {
    let Some((last, rest)) = parts.split_last() else { return false };
    let Some((head, middle)) = rest.split_first() else { return false };
    !middle.is_empty() && (1..=2).contains(&head.len()) && middle.iter().all(|p| p.len() == 2) && last.len() == 3
}

/// What a reader made of the tokens at its start.
pub(super) enum Step {
    Found(Figure, usize),
    Skip(usize),
}

/// A number as written in digits.
#[derive(Debug, Clone, Copy)]
pub(super) struct Literal {
    pub(super) value: f64,
    pub(super) decimals: u32,
    /// Digits only, no separators or decimals.
    pub(super) plain: bool,
    pub(super) digits: usize,
}

pub(super) fn parse_literal(s: &str) -> Option<Literal> {
    let commas = s.matches(',').count();
    let dots = s.matches('.').count();
    let digits = s.chars().filter(char::is_ascii_digit).count();
    let grouped = |parts: &[&str]| {
        parts.first().is_some_and(|p| (1..=3).contains(&p.len())) && parts.iter().skip(1).all(|p| p.len() == 3)
    };
    let (int, frac): (String, &str) = match (commas, dots) {
        (0, 0) => (s.to_string(), ""),
        (_, 0) => {
            let parts: Vec<&str> = s.split(',').collect();
            if grouped(&parts) || indian_grouping(&parts) {
                (parts.concat(), "")
            } else if commas == 1 && parts[1].len() <= 2 {
                (parts[0].to_string(), parts[1])
            } else {
                return None;
            }
        }
        (0, 1) => {
            let (a, b) = s.split_once('.')?;
            (a.to_string(), b)
        }
        (0, _) => {
            let parts: Vec<&str> = s.split('.').collect();
            if !grouped(&parts) {
                return None;
            }
            (parts.concat(), "")
        }
        _ => {
            let last = s.rfind([',', '.'])?;
            let (head, frac) = (&s[..last], &s[last + 1..]);
            let sep = if s.as_bytes()[last] == b'.' { ',' } else { '.' };
            let parts: Vec<&str> = head.split(sep).collect();
            let indian = sep == ',' && indian_grouping(&parts);
            if head.contains(s.as_bytes()[last] as char) || !(grouped(&parts) || indian) {
                return None;
            }
            (parts.concat(), frac)
        }
    };
    let value: f64 = if frac.is_empty() { int.parse().ok()? } else { format!("{int}.{frac}").parse().ok()? };
    Some(Literal { value, decimals: frac.len() as u32, plain: commas + dots == 0, digits })
}
