//! Building a reference dataset from one article: its metadata, every figure as a fact with
//! what it is about, and every named entity with its aliases, roles and mentions.

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};

use super::dataset::{Dataset, Entity, EntityKind, Fact, Place, SourceInfo};
use super::entities::{find_named, lone_words, names_inside_sentences, Named};
use super::source::{read_front_matter, FileError};
use crate::extract::context::{implied_unit, period_of, years_of, Placing};
use crate::extract::terms::{distinct, within, words_around_figures};
use crate::extract::{read_draft, Draft, Figure, Kind};
use crate::lexicon::is_demonym;
use crate::text::{Encoding, LineIndex};

/// The most figures read from one source. Building its facts costs a little for each, and a
/// source of hundreds of thousands (a table dump, a run of numbers) would hold the workspace
/// for minutes; a long report holds a few thousand.
pub const MAX_SOURCE_FIGURES: usize = 100_000;

/// Builds the dataset of `text`. The key is `key` when given, else the front matter's `key`,
/// else `stem`.
pub fn build_dataset(key: Option<&str>, stem: &str, text: &str) -> Result<Dataset, FileError> {
    let front = read_front_matter(text)?;
    let draft = read_draft(text);
    if draft.figures.len() > MAX_SOURCE_FIGURES {
        let message = format!(
            "skipped: {} figures, more than the {MAX_SOURCE_FIGURES} read from one source (split it into several)",
            draft.figures.len()
        );
        return Err(FileError::at(text, 0, message));
    }
    let lines = LineIndex::new(text);
    let fields = &front.fields;
    let get = |name: &str| fields.get(name).filter(|v| !v.is_empty()).cloned();
    let mut info = SourceInfo {
        key: key.map(str::to_string).or_else(|| get("key")).unwrap_or_else(|| stem.to_string()),
        title: get("title"),
        publisher: get("publisher").or_else(|| get("source")),
        author: get("author"),
        date: get("date"),
        url: get("url").or_else(|| get("address")),
    };
    read_plain_metadata(text, front.body_start, &draft, &mut info);

    let mut entities = collect_entities(text, &draft, &lines, info.author.as_deref());
    entities.retain(|e| !e.mentions.is_empty());
    let mut facts = collect_facts(text, &draft, &lines, &entities);
    if let Some(year) = info.date.as_deref().and_then(|d| d.get(..4)).and_then(|y| y.parse::<i32>().ok()) {
        for fact in &mut facts {
            date_relative_period(fact, year);
        }
    }
    let mut dataset = Dataset::new(info);
    dataset.text = super::passages::SourceWords::new(super::passages::SourceText::read(text, &draft, &entities));
    dataset.facts = facts;
    dataset.entities = entities;
    Ok(dataset)
}

/// Metadata written as plain lines: a first line for a title, `Published: April 16, 2025`,
/// `Written by Jack Wilson` or `By Jack Wilson`.
fn read_plain_metadata(text: &str, body_start: usize, draft: &Draft, info: &mut SourceInfo) {
    let body = text.get(body_start..).unwrap_or("");
    let mut offset = body_start;
    let mut first = true;
    for line in body.split_inclusive('\n') {
        let start = offset;
        offset += line.len();
        let trimmed = line.trim();
        if trimmed.is_empty() {
            continue;
        }
        if first {
            first = false;
            if info.title.is_none() && trimmed.len() < 200 && !trimmed.ends_with('.') {
                info.title = Some(trimmed.trim_start_matches('#').trim().to_string());
            }
        }
        let lower = trimmed.to_lowercase();
        if info.date.is_none()
            && (lower.starts_with("published") || lower.starts_with("date") || lower.starts_with("updated"))
        {
            let date =
                draft.figures.iter().find(|f| f.kind == Kind::Date && f.range.start >= start && f.range.end <= offset);
            if let Some(f) = date.filter(|f| f.value >= 10_000_000.0) {
                let v = f.value as u64;
                info.date = Some(format!("{:04}-{:02}-{:02}", v / 10_000, v / 100 % 100, v % 100));
            }
        }
        if info.author.is_none() {
            for prefix in ["written by ", "by "] {
                if lower.starts_with(prefix) && trimmed.len() < 80 {
                    info.author = Some(trimmed[prefix.len()..].trim().to_string());
                }
            }
        }
    }
}

fn sentence_ranges(draft: &Draft) -> Vec<Range<usize>> {
    draft.sentences.iter().map(|s| s.range.clone()).collect()
}

fn place(text: &str, lines: &LineIndex, range: Range<usize>) -> Place {
    let (s, e) = lines.range(text, range, Encoding::Utf16);
    Place { line: s.line, character: s.character, end_line: e.line, end_character: e.character }
}

/// Finds the entities of the text, merges the ways each is named, and records every mention.
fn collect_entities(text: &str, draft: &Draft, lines: &LineIndex, author: Option<&str>) -> Vec<Entity> {
    let prose = &draft.layout.prose;
    let sentences = sentence_ranges(draft);
    let inside = names_inside_sentences(prose, &sentences);
    let mut entities: Vec<Entity> = Vec::new();
    let mut plain: HashSet<String> = HashSet::new();
    for s in &sentences {
        for named in find_named(prose, s.clone(), &inside) {
            if named.plain {
                plain.insert(named.name.clone());
            }
            merge_named(&mut entities, named);
        }
    }
    name_people_by_surname(&mut entities, &plain, &lone_words(prose, &sentences));
    // The byline names a person too, though it reads like a headline.
    if let Some(author) = author.filter(|a| a.split_whitespace().count() >= 2) {
        if !entities.iter().any(|e| e.name == author) {
            entities.push(Entity {
                name: author.to_string(),
                kind: EntityKind::Person,
                aliases: Vec::new(),
                roles: Vec::new(),
                mentions: Vec::new(),
            });
        }
    }
    for entity in &mut entities {
        add_derived_aliases(entity);
    }
    find_mentions(text, lines, &mut entities);
    entities
}

/// A name taken for a body for want of evidence (`Lewis Kaplan`) is a person when its last word
/// stands alone elsewhere in the text (`Kaplan said`), unless that word names something else
/// there (`Derna`) or ends other names too (`City` in `Man City` and `Manchester City`).
fn name_people_by_surname(entities: &mut [Entity], plain: &HashSet<String>, lone: &HashSet<String>) {
    let mut last_words: HashMap<&str, usize> = HashMap::new();
    for e in entities.iter() {
        if let Some(last) = e.name.split_whitespace().last().filter(|_| e.name.contains(' ')) {
            *last_words.entry(last).or_default() += 1;
        }
    }
    let names: HashSet<&str> = entities.iter().map(|e| e.name.as_str()).collect();
    let people: Vec<usize> = entities
        .iter()
        .enumerate()
        .filter(|(_, e)| e.kind == EntityKind::Organisation && plain.contains(&e.name))
        .filter(|(_, e)| {
            e.name.split_whitespace().last().is_some_and(|last| {
                e.name.contains(' ') && lone.contains(last) && !names.contains(last) && last_words.get(last) == Some(&1)
            })
        })
        .map(|(i, _)| i)
        .collect();
    for i in people {
        if let Some(e) = entities.get_mut(i) {
            e.kind = EntityKind::Person;
        }
    }
}

fn merge_named(entities: &mut Vec<Entity>, named: Named) {
    let same = entities.iter_mut().find(|e| {
        e.name == named.name
            || e.aliases.contains(&named.name)
            || (e.kind == EntityKind::Person
                && named.kind == EntityKind::Person
                && e.name.ends_with(&format!(" {}", named.name)))
    });
    let entity = match same {
        Some(e) => e,
        None => {
            entities.push(Entity {
                name: named.name.clone(),
                kind: named.kind,
                aliases: Vec::new(),
                roles: Vec::new(),
                mentions: Vec::new(),
            });
            match entities.last_mut() {
                Some(e) => e,
                None => return,
            }
        }
    };
    // Evidence of a person in one sentence settles a name another sentence gave no evidence for.
    if named.kind == EntityKind::Person && entity.kind == EntityKind::Organisation && entity.roles.is_empty() {
        entity.kind = EntityKind::Person;
    }
    if let Some(alias) = named.alias.filter(|a| *a != entity.name) {
        if !entity.aliases.contains(&alias) {
            entity.aliases.push(alias);
        }
    }
    if let Some(role) = named.role {
        if !entity.roles.contains(&role) {
            entity.roles.push(role);
        }
    }
    if named.with_the {
        let the = format!("the {}", entity.name);
        if !entity.aliases.contains(&the) {
            entity.aliases.push(the);
        }
    }
    if let Some(acronym) = named.acronym {
        if !entity.aliases.contains(&acronym) {
            entity.aliases.push(acronym);
        }
    }
}

/// Surnames, names without a national prefix, and initials.
fn add_derived_aliases(entity: &mut Entity) {
    let words: Vec<&str> = entity.name.split_whitespace().collect();
    let mut add = |alias: String| {
        if alias != entity.name && alias.len() > 1 && !entity.aliases.contains(&alias) {
            entity.aliases.push(alias);
        }
    };
    match entity.kind {
        EntityKind::Person if words.len() >= 2 => {
            add(words[words.len() - 1].to_string());
            if words.len() >= 4 {
                add(words[words.len() - 2..].join(" "));
            }
        }
        EntityKind::Organisation | EntityKind::Facility => {
            let national = words.first().is_some_and(|w| matches!(*w, "U.S." | "US" | "UK" | "U.K.") || is_demonym(w));
            if national && words.len() >= 3 {
                add(words[1..].join(" "));
            }
            let initials: String = words
                .iter()
                .flat_map(|w| w.split('-'))
                .filter(|w| w.chars().next().is_some_and(char::is_uppercase) && w.chars().any(char::is_lowercase))
                .filter_map(|w| w.chars().next())
                .collect();
            if initials.chars().count() >= 3 {
                add(initials);
            }
        }
        _ => {}
    }
}

/// Every place the text names each entity, by its name or an alias, as whole words.
fn find_mentions(text: &str, lines: &LineIndex, entities: &mut [Entity]) {
    let mut patterns: Vec<String> = Vec::new();
    let mut owners: Vec<usize> = Vec::new();
    let mut seen = HashSet::new();
    for (i, e) in entities.iter().enumerate() {
        for name in std::iter::once(&e.name).chain(&e.aliases) {
            let bare = name.strip_prefix("the ").unwrap_or(name).to_string();
            if seen.insert(bare.clone()) {
                patterns.push(bare);
                owners.push(i);
            }
        }
    }
    // One source's few names, searched once: the automaton quickest to build serves best.
    let mut builder = AhoCorasick::builder();
    builder.match_kind(MatchKind::LeftmostLongest).kind(Some(AhoCorasickKind::NoncontiguousNFA));
    let Ok(matcher) = builder.build(&patterns) else { return };
    // Line breaks count as spaces, so a name broken over two lines is found; the length, and so
    // every offset, stays the same.
    let flat: String = text.chars().map(|c| if matches!(c, '\n' | '\r' | '\t') { ' ' } else { c }).collect();
    for m in matcher.find_iter(&flat) {
        let before = text[..m.start()].chars().next_back();
        let after = text[m.end()..].chars().next();
        let whole = before.is_none_or(|c| !c.is_alphanumeric()) && after.is_none_or(|c| !c.is_alphanumeric());
        if whole {
            if let Some(e) = owners.get(m.pattern().as_usize()).and_then(|&i| entities.get_mut(i)) {
                e.mentions.push(place(text, lines, m.range()));
            }
        }
    }
}

/// Where each mention of an entity starts, as (byte offset, entity), sorted: worked out once, so
/// that finding the entities of a sentence costs its own mentions, not every mention of the text.
fn mention_offsets(text: &str, lines: &LineIndex, entities: &[Entity]) -> Vec<(usize, usize)> {
    let mut mentions: Vec<(usize, usize)> = entities
        .iter()
        .enumerate()
        .flat_map(|(i, e)| e.mentions.iter().map(move |m| (i, m)))
        .filter_map(|(i, m)| {
            let at = lines.offset(text, crate::text::Position::new(m.line, m.character), Encoding::Utf16)?;
            Some((at, i))
        })
        .collect();
    mentions.sort_unstable();
    mentions
}

/// The names of the entities mentioned in `sentence`, in the order of `entities`.
fn mentioned_in(mentions: &[(usize, usize)], sentence: Range<usize>, entities: &[Entity]) -> Vec<String> {
    let first = mentions.partition_point(|&(at, _)| at < sentence.start);
    let last = mentions.partition_point(|&(at, _)| at < sentence.end);
    let mut which: Vec<usize> = mentions.get(first..last).unwrap_or_default().iter().map(|&(_, i)| i).collect();
    which.sort_unstable();
    which.dedup();
    which.iter().filter_map(|&i| entities.get(i)).map(|e| e.name.clone()).collect()
}

/// Every figure of the text as a fact, with its period, entities, subject and terms.
fn collect_facts(text: &str, draft: &Draft, lines: &LineIndex, entities: &[Entity]) -> Vec<Fact> {
    let prose = &draft.layout.prose;
    let mentions = mention_offsets(text, lines, entities);
    // The years of the sentence last read: its figures come one after another.
    let mut years: Option<(usize, Vec<i32>)> = None;
    let mut facts = Vec::new();
    for (i, figure) in draft.figures.iter().enumerate() {
        if !figure.kind.is_claim() || figure.period {
            continue;
        }
        let Some(s) = draft.sentence_at(figure.range.start) else { continue };
        let sentence = draft.sentences[s].range.clone();
        let in_sentence: Vec<&Figure> = draft.figures_in(s).iter().collect();
        let figure_ranges: Vec<Range<usize>> = in_sentence.iter().map(|f| f.range.clone()).collect();
        // The sentence's words, read once for the fact's terms and for its own stretch.
        let words = words_around_figures(prose, sentence.clone(), &figure_ranges);
        let mentioned = mentioned_in(&mentions, sentence.clone(), entities);
        // The draft read it in the prose with notes blanked: the same words where there are none.
        let placing = match draft.placing(i).filter(|_| draft.notes.is_empty()) {
            Some(p) => std::borrow::Cow::Borrowed(p),
            None => std::borrow::Cow::Owned(Placing::read(prose, figure, sentence.clone(), &in_sentence)),
        };
        let period = placing.period.clone();
        // `fell to 310,000 containers ... down from 455,000`: a figure with nothing after it
        // counts what the figure of the same kind before it counts.
        let subject = placing.counts.clone().or_else(|| {
            let line = place(text, lines, sentence.clone()).line;
            // A sentence holds at most so many figures: no need to look further back.
            facts
                .iter()
                .rev()
                .take(crate::extract::MAX_FIGURES_PER_SENTENCE)
                .take_while(|f: &&Fact| f.place.line >= line)
                .find(|f| f.kind == figure.kind && f.unit == figure.unit && f.subject.is_some())
                .and_then(|f| f.subject.clone())
        });
        facts.push(Fact {
            id: format!("f{}", facts.len() + 1),
            text: text.get(figure.range.clone()).unwrap_or("").split_whitespace().collect::<Vec<_>>().join(" "),
            value: figure.value,
            high: figure.high,
            kind: figure.kind,
            unit: figure.unit.clone(),
            implied_unit: implied_unit(prose, figure, &in_sentence),
            step: figure.step,
            hedge: figure.hedge,
            period: period.clone(),
            years: match &years {
                Some((at, known)) if *at == s => known.clone(),
                _ => {
                    let found = sentence_years(prose, &in_sentence);
                    years = Some((s, found.clone()));
                    found
                }
            },
            subject,
            entities: mentioned,
            terms: distinct(words.iter().map(|(w, _)| w)),
            segment: distinct(within(&words, &placing.own)),
            place: place(text, lines, figure.range.clone()),
            retracted: false,
        });
        let _ = i;
    }
    facts
}

/// A period the source names relative to its own date (`this year`, `a year earlier`) as the
/// year it means, so that a draft written later that says `in 2023` finds it.
fn date_relative_period(fact: &mut Fact, published: i32) {
    let year = match fact.period.as_deref() {
        Some("this year") => published,
        Some("a year earlier") => published - 1,
        Some("next year") => published + 1,
        _ => return,
    };
    fact.period = Some(format!("{year} ({})", fact.period.as_deref().unwrap_or("")));
    if !fact.years.contains(&year) {
        fact.years.push(year);
    }
}

/// The sentence's years, with those its relative periods imply (`2022 (a year earlier)`).
fn sentence_years(prose: &str, figures: &[&Figure]) -> Vec<i32> {
    let mut years = years_of(figures);
    for f in figures {
        if let Some(p) = period_of(prose, f, figures) {
            years.extend(crate::extract::context::period_years(&p));
        }
    }
    years.sort_unstable();
    years.dedup();
    years
}
