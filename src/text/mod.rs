//! Draft text: positions, Markdown structure, sentences.

pub(crate) mod markdown;
pub(crate) mod position;
pub(crate) mod segments;
pub(crate) mod sentences;

pub use markdown::{parse, Block, BlockKind, Layout};
pub use position::{Encoding, LineIndex, Position};
pub use sentences::{split_sentences, MAX_SENTENCE_BYTES};
