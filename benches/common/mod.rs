//! Drafts for the benchmarks: generated from a seed, about the example workspace's facts, with a
//! figure every hundred bytes or so, some cited, some wrong, some names misspelled.

#![allow(dead_code)]

use std::path::PathBuf;

/// A deterministic pseudo-random sequence, so every run measures the same texts.
pub struct Lcg(pub u64);

impl Lcg {
    pub fn next(&mut self) -> usize {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (self.0 >> 33) as usize
    }

    pub fn below(&mut self, n: usize) -> usize {
        self.next() % n.max(1)
    }

    pub fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

/// Sentences about the example's facts, written as a careful reporter would: the reference's
/// figures, cited. `{cite}` is a note most of the time; `{wrong}` marks a figure that is now and
/// then replaced by a wrong one; `{name}` is a name, now and then misspelled.
const SENTENCES: &[&str] = &[
    "Since 2022, more than {84,000} people have been detained under the emergency powers{cite}.",
    "About {1.7}% of the population has been held since the crackdown began{cite}.",
    "The homicide rate fell from {106} per 100,000 in 2015 to {2.2} in 2023{cite}.",
    "El Salvador agreed to hold over {200} deported suspected gang members in the prison{cite}.",
    "Rights groups have documented more than {300} deaths in custody{cite}.",
    "The navy seized more than {11} tons of cocaine in the first seven months of 2024{cite}.",
    "{name} met his Salvadoran counterpart at the Pentagon on April 16, 2025{cite}.",
    "The United States donated {two} patrol boats to the navy in 2023{cite}.",
    "Officials from {two} nations signed the agreement in April 2025{cite}.",
    "Residents of San Salvador told us the streets felt calmer this spring{cite}.",
];

/// Notes: one claim in twelve has none.
const CITATIONS: &[&str] = &[
    " [@newsvane-2025-04-16]",
    " [@newsvane-2025-04-16]",
    " [@newsvane-2025-04-16]",
    " [@newsvane-2025-04-16]",
    " [@newsvane-2025-04-16]",
    " [@desk-interviews-2025]",
    " [@newsvane-2025-04-16]",
    " [@newsvane-2025-04-16]",
    " [@newsvane-2025-04-16]",
    " [@newsvane-2025-04-16]",
    " [@newsvane-2025-04-16]",
    "",
];
const NAMES: &[&str] = &["Defense Secretary Pete Hegseth", "Pete Hegseth", "Secretary Pete Hegseth"];

/// One sentence with its figures filled in; about one figure in fifty is wrong.
pub fn sentence(r: &mut Lcg) -> String {
    let template = r.pick(SENTENCES);
    let mut out = String::with_capacity(template.len() + 32);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let Some(close) = rest[open..].find('}') else { break };
        let slot = &rest[open + 1..open + close];
        match slot {
            "cite" => out.push_str(r.pick(CITATIONS)),
            "name" if r.below(50) == 0 => out.push_str("Pete Hegsett"),
            "name" => out.push_str(r.pick(NAMES)),
            figure if r.below(50) == 0 => out.push_str(&wrong(figure, r)),
            figure => out.push_str(figure),
        }
        rest = &rest[open + close + 1..];
    }
    out.push_str(rest);
    out
}

/// Another value for a figure, written the same way.
fn wrong(figure: &str, r: &mut Lcg) -> String {
    match figure {
        "two" => "three".to_string(),
        f if f.contains(',') => format!("{},000", 20 + r.below(70)),
        f if f.contains('.') => format!("{}.{}", 3 + r.below(5), r.below(10)),
        _ => (400 + r.below(500)).to_string(),
    }
}

/// A Markdown draft of about `bytes` bytes: a heading, then paragraphs of three to six sentences.
pub fn draft(bytes: usize, seed: u64) -> String {
    let mut r = Lcg(seed);
    let mut text = String::with_capacity(bytes + 512);
    text.push_str("# Security ties\n\n");
    while text.len() < bytes {
        let count = 3 + r.below(4);
        for i in 0..count {
            if i > 0 {
                text.push(if r.below(3) == 0 { '\n' } else { ' ' });
            }
            text.push_str(&sentence(&mut r));
        }
        text.push_str("\n\n");
    }
    text
}

/// The example workspace the drafts are checked against.
pub fn example_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("examples/el-salvador")
}

/// A size in bytes as the tables show it.
pub fn size_name(bytes: usize) -> String {
    match bytes {
        b if b >= 1 << 20 => format!("{} MB", b >> 20),
        b if b >= 1 << 10 => format!("{} KB", b >> 10),
        b => format!("{b} B"),
    }
}
