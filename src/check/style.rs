//! Writing a reference value in the draft's own style: `84,000` keeps its separators, `eleven`
//! stays in words, `17 tons` keeps its unit.

use crate::extract::Figure;
use crate::reference::Fact;

/// The text that replaces `written` (the figure as the draft writes it) to state `fact`'s value.
pub fn restyle(written: &str, figure: &Figure, fact: &Fact) -> Option<String> {
    if figure.kind.is_date() {
        return Some(fact.text.clone());
    }
    restyle_value(written, figure, fact.value, fact.step)
}

/// The text that replaces `written` to state `value`, to `step`, in the draft's style.
pub fn restyle_value(written: &str, figure: &Figure, value: f64, step: f64) -> Option<String> {
    let (start, end, literal) = number_part(written)?;
    let scale = if literal != 0.0 { figure.value / literal } else { 1.0 };
    let value = value / if scale.is_finite() && scale != 0.0 { scale } else { 1.0 };
    let number = if figure.in_words {
        let mut words = in_words(value)?;
        if written.chars().next().is_some_and(char::is_uppercase) {
            words = capitalise(&words);
        }
        words
    } else {
        digits(value, step / scale.abs().max(f64::MIN_POSITIVE), written[start..end].contains(','))
    };
    Some(format!("{}{}{}", &written[..start], number, &written[end..]))
}

/// The byte range and value of the number inside a figure's text (`17` in `17 tons`).
fn number_part(written: &str) -> Option<(usize, usize, f64)> {
    let bytes = written.as_bytes();
    if let Some(start) = bytes.iter().position(u8::is_ascii_digit) {
        let mut end = start;
        while end < bytes.len()
            && (bytes[end].is_ascii_digit()
                || ((bytes[end] == b',' || bytes[end] == b'.') && bytes.get(end + 1).is_some_and(u8::is_ascii_digit)))
        {
            end += 1;
        }
        let value: f64 = written[start..end].replace(',', "").parse().ok()?;
        return Some((start, end, value));
    }
    // In words: the run of number words, read again.
    let figures = crate::extract::extract_figures(written, 0..written.len());
    let f = figures.first()?;
    let mut end = f.range.end;
    if let Some(unit) = &f.unit {
        if let Some(i) = written[f.range.clone()].rfind(|c: char| c.is_whitespace()) {
            let tail = &written[f.range.start + i..f.range.end];
            if tail.to_lowercase().contains(&unit.to_lowercase()) || !unit.is_empty() {
                end = f.range.start + i;
            }
        }
    }
    Some((f.range.start, end, f.value))
}

fn digits(value: f64, step: f64, separators: bool) -> String {
    let decimals = if step >= 1.0 || step <= 0.0 { 0 } else { (-step.log10()).round().max(0.0) as usize };
    if separators {
        crate::extract::figure::with_commas(value, decimals)
    } else {
        format!("{value:.decimals$}")
    }
}

/// A whole number in words, below a billion: `eleven`, `eighty-four thousand`.
pub fn in_words(value: f64) -> Option<String> {
    if value.fract() != 0.0 || !(0.0..1e9).contains(&value) {
        return None;
    }
    let n = value as u64;
    Some(words_below_billion(n))
}

fn words_below_billion(n: u64) -> String {
    use crate::lexicon::cardinal_word;
    if n >= 1_000_000 {
        let rest = n % 1_000_000;
        let head = format!("{} million", words_below_billion(n / 1_000_000));
        return if rest == 0 { head } else { format!("{head} {}", words_below_billion(rest)) };
    }
    if n >= 1000 {
        let rest = n % 1000;
        let head = format!("{} thousand", words_below_billion(n / 1000));
        return if rest == 0 { head } else { format!("{head} {}", words_below_billion(rest)) };
    }
    if n >= 100 {
        let rest = n % 100;
        let head = format!("{} hundred", words_below_billion(n / 100));
        return if rest == 0 { head } else { format!("{head} and {}", words_below_billion(rest)) };
    }
    let word = |n: u64| cardinal_word(n).unwrap_or_default();
    match n % 10 {
        unit if n >= 20 && unit > 0 => format!("{}-{}", word(n - unit), word(unit)),
        _ => word(n).to_string(),
    }
}

fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::extract_figures;
    use crate::reference::build_dataset;

    fn restyled(draft: &str, source: &str) -> String {
        let figure = extract_figures(draft, 0..draft.len()).remove(0);
        let fact = build_dataset(Some("s"), "s", source).unwrap().facts.remove(0);
        restyle(&draft[figure.range.clone()], &figure, &fact).unwrap()
    }

    #[test]
    fn keeps_the_drafts_style() {
        assert_eq!(restyled("over 94,000 held", "over 84,000 held"), "84,000");
        assert_eq!(restyled("three boats", "two boats"), "two");
        assert_eq!(restyled("Three boats", "two boats"), "Two");
        assert_eq!(restyled("17 tons", "11 tons"), "11 tons");
        assert_eq!(restyled("2.7 percent", "1.7%"), "1.7 percent");
        assert_eq!(restyled("160 per 100,000", "106 per 100,000"), "106 per 100,000");
        assert_eq!(restyled("$2.5 billion", "$3.1 billion"), "$3.1 billion");
        assert_eq!(restyled("Eighty-four thousand", "84,000"), "Eighty-four thousand");
    }

    #[test]
    fn writes_numbers_in_words() {
        assert_eq!(in_words(84_000.0).unwrap(), "eighty-four thousand");
        assert_eq!(in_words(205.0).unwrap(), "two hundred and five");
        assert_eq!(in_words(1.5), None);
    }
}
