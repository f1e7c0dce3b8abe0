//! What a reporter sees on pointing at a figure, a name or a citation key: how stet reads it and
//! what the sources say about it. Worked out on the paragraph under the pointer alone, so it
//! answers at once, without a new check of the draft.

use std::ops::Range;

use super::finding::Related;
use super::incremental::Against;
use super::matching::match_figures;
use super::rules::conflicting_figure::{fact_phrase, related};
use super::{check_matched, Context};
use crate::extract::context::{period_of, subject_of};
use crate::extract::{read_draft, Draft, Figure};

/// What to show for the thing at a place in a paragraph.
#[derive(Debug, Clone, PartialEq)]
pub struct Info {
    /// Bytes of the paragraph the information is about.
    pub range: Range<usize>,
    pub title: String,
    /// Short lines, Markdown allowed.
    pub lines: Vec<String>,
    /// A place in a source to link to: the matched fact, or a name's first mention.
    pub source: Option<Related>,
    /// The source key, when the thing is a citation key.
    pub key: Option<String>,
}

/// The information for byte `offset` of `paragraph`, if a citation key, a figure or a known
/// name stands there.
pub fn hover(paragraph: &str, offset: usize, against: &Against, relied_on: &[String]) -> Option<Info> {
    hover_in(paragraph, &read_draft(paragraph), offset, against, relied_on)
}

/// [`hover`] on a paragraph already read.
pub fn hover_in(
    paragraph: &str,
    draft: &Draft,
    offset: usize,
    against: &Against,
    relied_on: &[String],
) -> Option<Info> {
    let key = draft.notes.iter().flat_map(|n| &n.keys).find(|k| k.range.contains(&offset));
    if let Some(key) = key {
        return Some(citation(key.key.as_str(), key.range.clone(), against));
    }
    if let Some(i) = draft.figures.iter().position(|f| f.range.contains(&offset) && f.kind.is_claim()) {
        return figure(paragraph, draft, i, against, relied_on);
    }
    let name = against.index.find_names(&draft.view).into_iter().find(|m| m.range.contains(&offset))?;
    let (dataset, entity) = against.index.entity(name.entity)?;
    let mut lines = vec![format!("*{}*", format!("{:?}", entity.kind).to_lowercase())];
    if !entity.roles.is_empty() {
        lines.push(format!("Roles: {}", entity.roles.join("; ")));
    }
    if !entity.aliases.is_empty() {
        lines.push(format!("Also written: {}", entity.aliases.join(", ")));
    }
    let times = match entity.mentions.len() {
        1 => "once".to_string(),
        n => format!("{n} times"),
    };
    lines.push(format!("Mentioned {times} in {}", dataset.source.key));
    let source = entity.mentions.first().map(|place| Related {
        source_key: dataset.source.key.clone(),
        fact_id: None,
        place: *place,
        message: "first mention".to_string(),
    });
    Some(Info { range: name.range, title: entity.name.clone(), lines, source, key: None })
}

fn citation(key: &str, range: Range<usize>, against: &Against) -> Info {
    let Some(source) = against.library.get(key) else {
        let lines = vec!["No source defines this key.".into()];
        return Info { range, title: key.to_string(), lines, source: None, key: Some(key.to_string()) };
    };
    let mut lines = Vec::new();
    if let Some(title) = &source.title {
        lines.push(format!("*{title}*"));
    }
    let by: Vec<&str> =
        [&source.author, &source.publisher, &source.date].into_iter().flatten().map(String::as_str).collect();
    if !by.is_empty() {
        lines.push(by.join(", "));
    }
    if let Some(url) = &source.url {
        lines.push(format!("<{url}>"));
    }
    if let Some(dataset) = against.index.dataset(key) {
        lines.push(format!("{} figures and {} names in the reference", dataset.facts.len(), dataset.entities.len()));
    }
    Info { range, title: key.to_string(), lines, source: Some(Related::top_of(key)), key: Some(key.to_string()) }
}

fn figure(paragraph: &str, draft: &Draft, i: usize, against: &Against, relied_on: &[String]) -> Option<Info> {
    let f: &Figure = draft.figures.get(i)?;
    let cx = Context::new(paragraph, draft, against.library, against.index, against.config);
    let matches = match_figures(&cx);
    let findings = check_matched(paragraph, draft, against, relied_on, &matches);
    let found = matches.into_iter().nth(i).flatten();
    let status = super::standing::standing(f, found.as_ref(), &findings).status.as_str();
    let mut reading = vec![format!("{}", f.value)];
    if let Some(high) = f.high {
        reading.push(format!("to {high}"));
    }
    reading.extend(f.unit.clone());
    if let Some(h) = f.hedge {
        reading.insert(0, h.as_str().to_string());
    }
    let mut lines = vec![format!("Read as {} ({})", reading.join(" "), format!("{:?}", f.kind).to_lowercase())];
    if let Some(s) = draft.sentence_at(f.range.start) {
        let in_sentence: Vec<&Figure> = draft.figures_in(s).iter().collect();
        let sentence = draft.sentences.get(s).map_or(0..0, |x| x.range.clone());
        if let Some(subject) = subject_of(&draft.view, f, sentence) {
            lines.push(format!("Counts: {subject}"));
        }
        if let Some(period) = period_of(&draft.view, f, &in_sentence) {
            lines.push(format!("Period: {period}"));
        }
    }
    lines.push(format!("Status: **{status}**"));
    let mut source = None;
    if let Some((dataset, fact)) = found.as_ref().and_then(|m| against.index.fact(m.fact)) {
        let confidence = found.as_ref().map_or(0.0, |m| m.confidence());
        lines.push(format!("Reference: {} ({}, match {confidence:.2})", fact_phrase(fact), dataset.source.key));
        source = Some(related(dataset, fact));
    }
    let written = paragraph.get(f.range.clone()).unwrap_or("").to_string();
    Some(Info { range: f.range.clone(), title: written, lines, source, key: None })
}
