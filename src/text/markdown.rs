//! Reading a draft as Markdown: what is prose, where blocks are, where notes hide.
//!
//! stet only checks prose. Code, front matter, link destinations, URLs, footnote definitions and
//! HTML are blanked out in [`Layout::prose`] (byte for byte, so offsets stay valid), while the
//! pieces that carry source notes (HTML comments, footnote definitions and references) are kept
//! aside for the note extractor.

use std::ops::Range;
use std::sync::OnceLock;

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
use regex::Regex;

/// What kind of block a piece of prose stands in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    Paragraph,
    Heading,
    /// A list item or table cell holding text directly.
    Item,
}

/// A block of prose: a paragraph, heading, list item or table cell.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    pub kind: BlockKind,
    /// From the first to the last byte of the block's own inline content.
    pub range: Range<usize>,
}

/// An HTML comment: its whole range and the text between `<!--` and `-->`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Comment {
    pub range: Range<usize>,
    pub body: String,
}

/// A footnote definition `[^label]: text`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FootnoteDefinition {
    pub label: String,
    pub range: Range<usize>,
    /// The raw text of the definition, label included.
    pub body: String,
}

/// A footnote reference `[^label]` in prose.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FootnoteReference {
    pub label: String,
    pub range: Range<usize>,
}

/// The Markdown structure of a draft that the checks need.
#[derive(Debug, Clone, Default)]
pub struct Layout {
    /// The draft with every byte that is not prose replaced by a space (line breaks kept).
    pub prose: String,
    /// Blocks in document order; they do not overlap.
    pub blocks: Vec<Block>,
    pub comments: Vec<Comment>,
    pub footnote_definitions: Vec<FootnoteDefinition>,
    pub footnote_references: Vec<FootnoteReference>,
}

impl Layout {
    /// The index of the last block that ends at or before `offset`.
    pub fn block_before(&self, offset: usize) -> Option<usize> {
        // Blocks come in order and do not overlap, so their ends are sorted too.
        self.blocks.partition_point(|b| b.range.end <= offset).checked_sub(1)
    }
}

fn url_pattern() -> &'static Regex {
    static URL: OnceLock<Regex> = OnceLock::new();
    URL.get_or_init(|| {
        Regex::new(r#"(?i)\b(?:https?://|ftp://|www\.)[^\s<>"')\]]+|\b[\w.+-]+@[\w-]+\.[\w.-]+\b"#)
            .expect("the URL pattern is valid")
    })
}

fn comment_pattern() -> &'static Regex {
    static COMMENT: OnceLock<Regex> = OnceLock::new();
    COMMENT.get_or_init(|| Regex::new(r"(?s)<!--(.*?)-->").expect("the comment pattern is valid"))
}

/// Reads `text` as Markdown.
pub fn parse(text: &str) -> Layout {
    let mut options = Options::empty();
    options.insert(Options::ENABLE_FOOTNOTES);
    options.insert(Options::ENABLE_TABLES);
    options.insert(Options::ENABLE_STRIKETHROUGH);
    options.insert(Options::ENABLE_YAML_STYLE_METADATA_BLOCKS);
    options.insert(Options::ENABLE_PLUSES_DELIMITED_METADATA_BLOCKS);

    let mut keep = vec![false; text.len()];
    let mut blocks: Vec<(BlockKind, Option<Range<usize>>)> = Vec::new();
    let mut open: Vec<usize> = Vec::new();
    let mut hidden_depth = 0usize;
    let mut html: Vec<Range<usize>> = Vec::new();
    let mut layout = Layout::default();

    for (event, range) in Parser::new_ext(text, options).into_offset_iter() {
        match event {
            Event::Start(tag) => match tag {
                Tag::Paragraph => push_block(&mut blocks, &mut open, BlockKind::Paragraph),
                Tag::Heading { .. } => push_block(&mut blocks, &mut open, BlockKind::Heading),
                Tag::Item | Tag::TableCell => push_block(&mut blocks, &mut open, BlockKind::Item),
                Tag::CodeBlock(_) | Tag::MetadataBlock(_) | Tag::Image { .. } | Tag::HtmlBlock => hidden_depth += 1,
                Tag::FootnoteDefinition(label) => {
                    hidden_depth += 1;
                    layout.footnote_definitions.push(FootnoteDefinition {
                        label: label.to_string(),
                        body: text.get(range.clone()).unwrap_or_default().to_string(),
                        range,
                    });
                }
                _ => {}
            },
            Event::End(tag) => match tag {
                TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::Item | TagEnd::TableCell => {
                    open.pop();
                }
                TagEnd::CodeBlock
                | TagEnd::MetadataBlock(_)
                | TagEnd::Image
                | TagEnd::HtmlBlock
                | TagEnd::FootnoteDefinition => hidden_depth = hidden_depth.saturating_sub(1),
                _ => {}
            },
            Event::Text(_) if hidden_depth == 0 => {
                keep[range.clone()].fill(true);
                extend_block(&mut blocks, &open, &range);
            }
            Event::Code(_) if hidden_depth == 0 => extend_block(&mut blocks, &open, &range),
            Event::InlineHtml(_) | Event::Html(_) => {
                if hidden_depth <= 1 {
                    extend_block(&mut blocks, &open, &range);
                }
                html.push(range);
            }
            Event::FootnoteReference(label) => {
                extend_block(&mut blocks, &open, &range);
                layout.footnote_references.push(FootnoteReference { label: label.to_string(), range });
            }
            _ => {}
        }
    }

    for m in url_pattern().find_iter(text) {
        keep[m.range()].fill(false);
    }
    layout.comments = comment_pattern()
        .captures_iter(text)
        .filter_map(|c| {
            let whole = c.get(0)?;
            let inside_html = html.iter().any(|r| r.contains(&whole.start()));
            inside_html.then(|| Comment { range: whole.range(), body: c[1].trim().to_string() })
        })
        .collect();
    layout.prose = blank(text, &keep);
    layout.blocks = blocks.into_iter().filter_map(|(kind, range)| Some(Block { kind, range: range? })).collect();
    layout.blocks.sort_by_key(|b| b.range.start);
    layout
}

fn push_block(blocks: &mut Vec<(BlockKind, Option<Range<usize>>)>, open: &mut Vec<usize>, kind: BlockKind) {
    open.push(blocks.len());
    blocks.push((kind, None));
}

fn extend_block(blocks: &mut [(BlockKind, Option<Range<usize>>)], open: &[usize], range: &Range<usize>) {
    let Some(block) = open.last().and_then(|&i| blocks.get_mut(i)) else { return };
    block.1 = Some(match &block.1 {
        Some(r) => r.start.min(range.start)..r.end.max(range.end),
        None => range.clone(),
    });
}

/// Replaces every byte not marked `keep` by a space, except line breaks.
fn blank(text: &str, keep: &[bool]) -> String {
    let bytes: Vec<u8> =
        text.bytes().zip(keep).map(|(b, &k)| if k || b == b'\n' || b == b'\r' { b } else { b' ' }).collect();
    // Blanking whole characters keeps UTF-8 valid; a partly kept character cannot occur because
    // events and URL matches fall on character boundaries, but stay safe regardless.
    String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn prose(text: &str) -> String {
        parse(text).prose.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    #[test]
    fn blanks_code_urls_front_matter_and_link_destinations() {
        let text = "---\ntitle: 2025\n---\n\nSee `x = 84` and [the report](https://a.org/2023) at https://b.org/42 now.\n\n```\n84000\n```\n";
        assert_eq!(prose(text), "See and the report at now.");
        assert_eq!(parse(text).prose.len(), text.len());
    }

    #[test]
    fn list_markers_are_not_prose() {
        assert_eq!(prose("1. First item\n2. Second item\n"), "First item Second item");
    }

    #[test]
    fn keeps_comments_and_footnotes_aside() {
        let text = "Over 84,000 people [^1]. <!-- source: nv -->\n\n[^1]: NewsVane, @nv.\n";
        let layout = parse(text);
        assert_eq!(layout.comments.len(), 1);
        assert_eq!(layout.comments[0].body, "source: nv");
        assert_eq!(layout.footnote_definitions[0].label, "1");
        assert_eq!(layout.footnote_references[0].label, "1");
        assert_eq!(prose(text), "Over 84,000 people .");
        assert_eq!(layout.blocks.len(), 1);
        assert!(layout.blocks[0].range.end >= text.find("-->").unwrap());
    }

    #[test]
    fn finds_headings_and_paragraphs_in_order() {
        let layout = parse("# Title\n\nFirst paragraph.\nStill first.\n\nSecond.\n");
        let kinds: Vec<_> = layout.blocks.iter().map(|b| b.kind).collect();
        assert_eq!(kinds, [BlockKind::Heading, BlockKind::Paragraph, BlockKind::Paragraph]);
    }

    #[test]
    fn code_inside_a_paragraph_still_belongs_to_it() {
        let layout = parse("Run `stet --max 10` before 5 pm.");
        assert_eq!(layout.blocks.len(), 1);
        assert_eq!(prose("Run `stet --max 10` before 5 pm."), "Run before 5 pm.");
    }
}
