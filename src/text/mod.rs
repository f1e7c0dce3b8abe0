//! Draft text: positions, Markdown structure, sentences.

pub mod markdown;
pub mod position;
pub mod segments;
pub mod sentences;

pub use markdown::{parse, Block, BlockKind, Layout};
pub use position::{Encoding, LineIndex, Position};
pub use sentences::{split_sentences, MAX_SENTENCE_BYTES};
