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

const SENTENCES: &[&str] = &[
    "Since {year}, more than {n},000 people have been detained under the emergency powers{cite}.",
    "The homicide rate fell to {d}.{d} per 100,000 in {year}{cite}.",
    "El Salvador agreed to hold {n} deported suspects in the Terrorism Confinement Center{cite}.",
    "Rights groups counted {n} deaths in custody over {d} years{cite}.",
    "The navy seized {d}{d} tons of cocaine in the first {d} months of {year}{cite}.",
    "President {bukele} said about {d}.{d}% of the population had been detained{cite}.",
    "{hegseth} met officials from {d} nations at the Pentagon on April {d}, {year}{cite}.",
    "Task Force Trident received {d} patrol boats, worth ${n} million, in {year}{cite}.",
    "Officials expect {n} more joint patrols and {d}{d} training visits next year.",
    "A survey of {n} residents found {d}{d}% felt safer than a year earlier{cite}.",
];

const CITATIONS: &[&str] = &["", "", " [@newsvane-2025-04-16]", " [@reuters-2024]", ""];
const BUKELE: &[&str] = &["Nayib Bukele", "Nayib Bukele", "Nayib Bukelle"];
const HEGSETH: &[&str] = &["Defense Secretary Pete Hegseth", "Pete Hegseth", "Defense Minister Pete Hegseth"];

/// One sentence with its figures filled in.
pub fn sentence(r: &mut Lcg) -> String {
    let template = r.pick(SENTENCES);
    let mut out = String::with_capacity(template.len() + 32);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let Some(close) = rest[open..].find('}') else { break };
        let slot = &rest[open + 1..open + close];
        match slot {
            "year" => out.push_str(&(2015 + r.below(10)).to_string()),
            "n" => out.push_str(&(100 + r.below(900)).to_string()),
            "d" => out.push_str(&(1 + r.below(9)).to_string()),
            "cite" => out.push_str(r.pick(CITATIONS)),
            "bukele" => out.push_str(r.pick(BUKELE)),
            "hegseth" => out.push_str(r.pick(HEGSETH)),
            _ => {}
        }
        rest = &rest[open + close + 1..];
    }
    out.push_str(rest);
    out
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
