//! What a figure's sentence says about it: the years it names and the period it refers to.
//! Drafts and sources are read the same way, so that their periods compare.

use super::{Figure, Kind};

/// The years a sentence names.
pub fn years_of(figures: &[&Figure]) -> Vec<i32> {
    let mut years: Vec<i32> = figures
        .iter()
        .filter_map(|f| match f.kind {
            Kind::Year => Some(f.value as i32),
            Kind::Date if f.value >= 10_000_000.0 => Some((f.value / 10_000.0) as i32),
            _ => None,
        })
        .collect();
    years.sort_unstable();
    years.dedup();
    years
}

/// The time a figure refers to: a framing period (`the first seven months of 2024`), else the
/// year that follows it before any other claim (`106 per 100,000 in 2015`), else the nearest
/// year before it (`since 2022`).
pub fn period_of(prose: &str, figure: &Figure, figures: &[&Figure]) -> Option<String> {
    if figure.kind.is_date() {
        return None;
    }
    let with_preposition = |f: &Figure| -> String {
        let before = prose.get(..f.range.start).unwrap_or("");
        let word = before.split_whitespace().next_back().unwrap_or("");
        let lower = word.to_lowercase();
        let text = prose.get(f.range.clone()).unwrap_or("").to_string();
        if matches!(lower.as_str(), "in" | "since" | "by" | "until" | "during" | "from" | "to" | "through") {
            format!("{lower} {text}")
        } else {
            text
        }
    };
    if let Some(frame) = figures.iter().find(|f| f.period && f.range.start > figure.range.end) {
        let after = prose.get(frame.range.end..).unwrap_or("");
        let rest: String = after.split_whitespace().take(2).collect::<Vec<_>>().join(" ");
        let start = prose.get(..frame.range.start).unwrap_or("");
        let lead: Vec<&str> = start.split_whitespace().rev().take(2).collect();
        let lead: Vec<&str> = lead.into_iter().rev().filter(|w| matches!(w.to_lowercase().as_str(), "the" | "first" | "last" | "past" | "next")).collect();
        let frame_text = prose.get(frame.range.clone()).unwrap_or("");
        let of_year = if rest.starts_with("of ") { format!(" {rest}") } else { String::new() };
        let lead = if lead.is_empty() { String::new() } else { format!("{} ", lead.join(" ")) };
        return Some(format!("{lead}{frame_text}{}", of_year.trim_end_matches(['.', ',', ';'])));
    }
    let after = figures
        .iter()
        .filter(|f| f.range.start > figure.range.end)
        .take_while(|f| f.kind.is_date())
        .find(|f| f.kind == Kind::Year || f.kind == Kind::Date);
    if let Some(f) = after {
        return Some(with_preposition(f));
    }
    figures
        .iter()
        .filter(|f| f.range.end <= figure.range.start && matches!(f.kind, Kind::Year | Kind::Date))
        .next_back()
        .map(|f| with_preposition(f))
}

/// The years written in a period (`the first seven months of 2024` -> 2024).
pub fn period_years(period: &str) -> Vec<i32> {
    period
        .split(|c: char| !c.is_ascii_digit())
        .filter(|w| w.len() == 4)
        .filter_map(|w| w.parse().ok())
        .filter(|y| (1000..=2100).contains(y))
        .collect()
}
