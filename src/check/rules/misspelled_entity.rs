//! `misspelled-entity`: a near miss of a known entity's name or alias.
//!
//! **Why.** A misspelled name is the error readers notice first, and the one sources mind most.
//!
//! **Example.**
//!
//! ```markdown
//! President Nayib Bukelle launched the crackdown in 2022 [@newsvane-2025-04-16].
//! ```
//!
//! reports `Nayib Bukelle is not a known name; did you mean Nayib Bukele?` with the fix `Replace with
//! Nayib Bukele`. Names spelled right and names far from any known one are left alone. A surname
//! alone (`Bukelle said`) is checked against known people's surnames; straight and curly apostrophes
//! are the same name, and weekdays and months (`Saturdays`) are never names.
//!
//! Sources name people on evidence (a given name, a title, a verb of speech, an age, or the surname
//! standing alone elsewhere), places from datelines (`MARRAKESH, Morocco —`), prepositions and lists
//! (`the cities of Rabat, Casablanca and Essaouira`), and words for peoples from a list of real
//! demonyms, so that surnames such as Kaplan or Rossi are names.
//!
//! **Fix.** Replace the name with the known spelling.

use strsim::damerau_levenshtein;

use crate::check::finding::{Edit, Finding, Fix};
use crate::check::Context;

pub const CODE: &str = "misspelled-entity";

/// How alike a name must be to a known one to count as a near miss.
const SIMILAR: f64 = 0.8;

pub fn check(cx: &Context, out: &mut Vec<Finding>) {
    let Some(severity) = cx.config.severity(CODE) else { return };
    let known: Vec<&str> = cx.index.names().map(|(n, _)| n).collect();
    if known.is_empty() {
        return;
    }
    for run in cx.names {
        let words: Vec<(usize, &str)> = word_offsets(&run.name);
        // The whole run, and each word alone (`Hegset` as the surname alias `Hegseth`).
        let mut pieces: Vec<(std::ops::Range<usize>, String)> = vec![(run.range.clone(), run.name.clone())];
        if words.len() > 1 {
            pieces.extend(words.iter().filter(|(_, w)| w.chars().count() >= 5).filter_map(|(offset, w)| {
                let start = run.range.start + cx.text.get(run.range.clone())?.find(w).unwrap_or(*offset);
                Some((start..start + w.len(), w.to_string()))
            }));
        }
        for (range, written) in pieces {
            // `Fishermen's` and `Fishermen’s` are one name.
            if cx.index.knows_name(&written) {
                break;
            }
            if let Some(near) = nearest(&known, &written) {
                out.push(Finding {
                    range: range.clone(),
                    severity,
                    code: CODE,
                    message: format!("{written} is not a known name; did you mean {near}?"),
                    source_key: None,
                    related: Vec::new(),
                    fixes: vec![Fix {
                        certain: false,
                        title: format!("Replace with {near}"),
                        edits: vec![Edit { range, new_text: near.to_string() }],
                    }],
                });
                break;
            }
        }
    }
}

fn word_offsets(name: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut offset = 0;
    for part in name.split(' ') {
        out.push((offset, part));
        offset += part.len() + 1;
    }
    out
}

/// The known name `written` misses by a letter or two, if any.
fn nearest<'a>(known: &[&'a str], written: &str) -> Option<&'a str> {
    let words = written.split_whitespace().count();
    let length = written.chars().count();
    let first = written.chars().next();
    known
        .iter()
        // Cheap tests first: the same first letter, and two edits at most, so a length within two.
        .filter(|k| k.chars().next() == first && k.len().abs_diff(written.len()) <= 8)
        .filter(|k| k.chars().count().abs_diff(length) <= 2 && k.chars().count() >= 4)
        .filter(|k| k.split_whitespace().count() == words)
        .map(|k| {
            let distance = damerau_levenshtein(k, written);
            let longest = k.chars().count().max(length).max(1);
            (*k, 1.0 - distance as f64 / longest as f64, distance)
        })
        .filter(|(k, similarity, distance)| {
            let allowed = if k.chars().count() < 8 { 1 } else { 2 };
            *similarity >= SIMILAR && *distance <= allowed && *distance > 0
        })
        .max_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(k, _, _)| k)
}
