//! Reading LSP messages from the editor without ever losing the stream.
//!
//! tower-lsp's own reader stops at the first framing error, after which the server answers
//! nothing. stet reads stdin itself and frames each message by its declared `Content-Length`
//! alone: a body is never searched for headers, so a draft or a reply that quotes
//! `Content-Length:` is read whole. Each body is then judged ([`super::envelope`]): a JSON-RPC
//! message goes on to tower-lsp, valid JSON that is not one is answered with -32600, and a body
//! that is not JSON with a parse error (-32700, id null). Only such a broken body, and bytes
//! standing between frames, are searched for the next `Content-Length:`, to find the stream again
//! after a wrong length.

use tokio::io::{AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt};
use tokio::sync::mpsc;

use super::envelope::{judge, Verdict};
use super::spelling::Spellings;

/// A message larger than this is refused (and skipped) rather than buffered.
pub const MAX_MESSAGE_BYTES: usize = 256 * 1024 * 1024;

/// The longest header block read; a longer one is no header.
const MAX_HEADER_BYTES: usize = 4096;

const HEADER_END: &[u8] = b"\r\n\r\n";
const LENGTH: &[u8] = b"content-length:";

/// What the reader made of the bytes at the front of its buffer.
#[derive(Debug, PartialEq)]
enum Frame {
    /// A body of the length its header declared.
    Message(Vec<u8>),
    /// Bytes that frame nothing; answer with a parse error.
    Garbage,
    /// More bytes are needed.
    Incomplete,
}

/// Splits frames off a growing buffer.
#[derive(Default)]
struct Splitter {
    buffer: Vec<u8>,
}

impl Splitter {
    fn push(&mut self, bytes: &[u8]) {
        self.buffer.extend_from_slice(bytes);
    }

    /// Splits the next frame off the buffer.
    fn next(&mut self) -> Frame {
        next_frame(&mut self.buffer)
    }

    /// The next whole body, passing over bytes that frame nothing (the server's own output has
    /// none).
    fn next_body(&mut self) -> Option<Vec<u8>> {
        loop {
            match self.next() {
                Frame::Message(body) => return Some(body),
                Frame::Garbage => {}
                Frame::Incomplete => return None,
            }
        }
    }

    /// Reads the bytes from the first header inside a body that was not JSON again, as bytes
    /// between frames: the length that framed it was wrong, and may have swallowed the next
    /// message's header.
    fn resynchronise(&mut self, body: &[u8]) {
        if let Some(at) = find_ci(body, LENGTH) {
            let mut rest = body.get(at..).unwrap_or_default().to_vec();
            rest.append(&mut self.buffer);
            self.buffer = rest;
        }
    }
}

/// Splits the next frame off `buffer`.
fn next_frame(buffer: &mut Vec<u8>) -> Frame {
    // Skip to the first header, dropping whatever stands before it.
    let Some(start) = find_ci(buffer, LENGTH) else {
        // Keep a tail that may be the start of a header still arriving.
        if buffer.len() > LENGTH.len() && !buffer.iter().all(u8::is_ascii_whitespace) {
            buffer.drain(..buffer.len() - LENGTH.len());
            return Frame::Garbage;
        }
        return Frame::Incomplete;
    };
    if start > 0 {
        let junk = buffer.drain(..start).any(|b| !b.is_ascii_whitespace());
        if junk {
            return Frame::Garbage;
        }
    }
    let head = buffer.get(..buffer.len().min(MAX_HEADER_BYTES)).unwrap_or_default();
    let Some(header_end) = find(head, HEADER_END) else {
        if buffer.len() > MAX_HEADER_BYTES {
            buffer.drain(..LENGTH.len());
            return Frame::Garbage;
        }
        return Frame::Incomplete;
    };
    let length = declared_length(head.get(..header_end).unwrap_or_default());
    let body_start = header_end + HEADER_END.len();
    let Some(length) = length.filter(|&n| n <= MAX_MESSAGE_BYTES) else {
        buffer.drain(..body_start);
        return Frame::Garbage;
    };
    if buffer.len() < body_start + length {
        return Frame::Incomplete;
    }
    let body = buffer.drain(..body_start + length).skip(body_start).collect();
    Frame::Message(body)
}

/// The `Content-Length` a header block declares.
fn declared_length(header: &[u8]) -> Option<usize> {
    let header = String::from_utf8_lossy(header);
    header.lines().find_map(|l| {
        let (name, value) = l.split_once(':')?;
        name.trim().eq_ignore_ascii_case("content-length").then(|| value.trim().parse::<usize>().ok()).flatten()
    })
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

fn find_ci(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w.eq_ignore_ascii_case(needle))
}

/// A message body with its `Content-Length` header.
pub fn frame(body: &[u8]) -> Vec<u8> {
    let mut out = format!("Content-Length: {}\r\n\r\n", body.len()).into_bytes();
    out.extend_from_slice(body);
    out
}

/// The parse error sent for bytes that frame nothing.
fn parse_error() -> Vec<u8> {
    frame(br#"{"jsonrpc":"2.0","id":null,"error":{"code":-32700,"message":"Parse error: not a JSON-RPC message"}}"#)
}

/// Copies well-formed messages from `input` to `server`, sending parse errors to `replies`, and
/// noting how the client spells the documents it opens.
pub async fn read_messages<I, S>(
    mut input: I,
    mut server: S,
    replies: mpsc::UnboundedSender<Vec<u8>>,
    spellings: Spellings,
) where
    I: AsyncRead + Unpin,
    S: AsyncWrite + Unpin,
{
    let mut frames = Splitter::default();
    let mut chunk = vec![0u8; 64 * 1024];
    loop {
        loop {
            let body = match frames.next() {
                Frame::Message(body) => body,
                Frame::Garbage => {
                    let _ = replies.send(parse_error());
                    continue;
                }
                Frame::Incomplete => break,
            };
            let pass = match judge(&body) {
                Verdict::Pass => body,
                Verdict::Opening => {
                    spellings.note(&body);
                    body
                }
                Verdict::Replace(bytes) => bytes,
                Verdict::Answer(reply) => {
                    let _ = replies.send(reply);
                    continue;
                }
                Verdict::Drop => continue,
                Verdict::NotJson => {
                    let _ = replies.send(parse_error());
                    frames.resynchronise(&body);
                    continue;
                }
            };
            if server.write_all(&frame(&pass)).await.is_err() {
                return;
            }
        }
        match input.read(&mut chunk).await {
            Ok(0) | Err(_) => return,
            Ok(n) => frames.push(chunk.get(..n).unwrap_or_default()),
        }
    }
}

/// Writes the server's messages and the reader's parse errors to `output`, whole frames at a
/// time, so they never interleave. When the client stops reading, says so through `gone` and goes
/// on draining the server's output: tower-lsp panics if its output closes under it.
pub async fn write_messages<F, O>(
    mut from_server: F,
    mut replies: mpsc::UnboundedReceiver<Vec<u8>>,
    mut output: O,
    spellings: Spellings,
    gone: std::sync::Arc<tokio::sync::Notify>,
) where
    F: AsyncRead + Unpin,
    O: AsyncWrite + Unpin,
{
    let mut frames = Splitter::default();
    let mut chunk = vec![0u8; 64 * 1024];
    let mut replies_open = true;
    loop {
        let mut out = Vec::new();
        tokio::select! {
            read = from_server.read(&mut chunk) => match read {
                Ok(0) | Err(_) => return,
                Ok(n) => {
                    frames.push(chunk.get(..n).unwrap_or_default());
                    while let Some(body) = frames.next_body() {
                        out.extend(frame(&spellings.restore(body)));
                    }
                }
            },
            reply = replies.recv(), if replies_open => match reply {
                Some(bytes) => out = restore_framed(&spellings, bytes),
                None => replies_open = false,
            },
        }
        if !out.is_empty() && (output.write_all(&out).await.is_err() || output.flush().await.is_err()) {
            gone.notify_one();
            let _ = tokio::io::copy(&mut from_server, &mut tokio::io::sink()).await;
            return;
        }
    }
}

/// A framed message with its URI spelled as the client sent it.
fn restore_framed(spellings: &Spellings, framed: Vec<u8>) -> Vec<u8> {
    // Most clients spell every URI as it parses: the frame goes out as made, not copied again.
    if spellings.is_empty() {
        return framed;
    }
    let mut frames = Splitter::default();
    frames.push(&framed);
    match frames.next_body() {
        Some(body) => frame(&spellings.restore(body)),
        None => framed,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The frames the reader makes of `input`, a body that is not JSON counted as garbage.
    fn frames(input: &[u8]) -> Vec<Frame> {
        let mut splitter = Splitter::default();
        splitter.push(input);
        let mut out = Vec::new();
        loop {
            match splitter.next() {
                Frame::Incomplete => return out,
                Frame::Message(body) if judge(&body) == Verdict::NotJson => {
                    splitter.resynchronise(&body);
                    out.push(Frame::Garbage);
                }
                f => out.push(f),
            }
        }
    }

    const OK: &[u8] = b"Content-Length: 2\r\n\r\n{}";

    #[test]
    fn reads_messages_back_to_back() {
        let input = [OK, OK].concat();
        assert_eq!(frames(&input), [Frame::Message(b"{}".to_vec()), Frame::Message(b"{}".to_vec())]);
    }

    #[test]
    fn a_body_that_is_not_json_is_garbage_and_the_next_message_is_read() {
        let input = [b"Content-Length: 3\r\n\r\n{x}".as_slice(), OK].concat();
        assert_eq!(frames(&input), [Frame::Garbage, Frame::Message(b"{}".to_vec())]);
    }

    #[test]
    fn lengths_too_short_or_too_long_resynchronise() {
        let short = [b"Content-Length: 5\r\n\r\n{\"a\": 1}".as_slice(), OK].concat();
        let found = frames(&short);
        assert_eq!(found.last(), Some(&Frame::Message(b"{}".to_vec())), "{found:?}");
        let long = [b"Content-Length: 40\r\n\r\n{\"a\": 1}".as_slice(), OK, OK].concat();
        let found = frames(&long);
        assert_eq!(found.last(), Some(&Frame::Message(b"{}".to_vec())), "{found:?}");
    }

    #[test]
    fn a_body_quoting_a_header_is_read_whole_as_it_arrives() {
        let body = format!("{{\"text\": \"Content-Length: 0\\r\\n\\r\\n{}\"}}", "x".repeat(100_000));
        let message = format!("Content-Length: {}\r\n\r\n{body}", body.len());
        let mut splitter = Splitter::default();
        let mut found = Vec::new();
        for piece in message.as_bytes().chunks(1000) {
            splitter.push(piece);
            loop {
                match splitter.next() {
                    Frame::Incomplete => break,
                    f => found.push(f),
                }
            }
        }
        assert_eq!(found, [Frame::Message(body.into_bytes())]);
    }

    #[test]
    fn a_header_without_length_is_dropped() {
        let input = [b"Content-Type: x\r\n\r\n{}".as_slice(), OK].concat();
        assert_eq!(frames(&input).last(), Some(&Frame::Message(b"{}".to_vec())));
    }
}
