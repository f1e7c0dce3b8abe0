//! Reading LSP messages from the editor without ever losing the stream.
//!
//! tower-lsp's own reader stops at the first framing error, after which the server answers
//! nothing. stet reads stdin itself: every well-formed message is passed on to tower-lsp, a body
//! that is not JSON is answered with a parse error (-32700, id null), and after a broken header
//! or a wrong `Content-Length` the reader finds the next `Content-Length:` and goes on.

use serde_json::Value;
use tokio::io::{AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt};
use tokio::sync::mpsc;

/// A message larger than this is refused (and skipped) rather than buffered.
pub const MAX_MESSAGE_BYTES: usize = 256 * 1024 * 1024;

const HEADER_END: &[u8] = b"\r\n\r\n";
const LENGTH: &[u8] = b"content-length:";

/// What the reader made of the bytes at the front of its buffer.
#[derive(Debug, PartialEq)]
enum Frame {
    /// A complete message body.
    Message(Vec<u8>),
    /// Bytes that frame nothing; answer with a parse error.
    Garbage,
    /// More bytes are needed.
    Incomplete,
}

/// Splits frames off a growing buffer, remembering how far it has looked so that a large body
/// arriving in many reads is scanned once, not once per read.
#[derive(Default)]
struct Splitter {
    buffer: Vec<u8>,
    /// How much of the current frame's body has been searched for a stray header.
    scanned: usize,
}

impl Splitter {
    fn push(&mut self, bytes: &[u8]) {
        self.buffer.extend_from_slice(bytes);
    }

    /// Splits the next frame off the buffer.
    fn next(&mut self) -> Frame {
        let frame = next_frame(&mut self.buffer, &mut self.scanned);
        if frame != Frame::Incomplete {
            self.scanned = 0;
        }
        frame
    }
}

/// Splits the next frame off `buffer`; `scanned` says how much of a pending body was searched.
fn next_frame(buffer: &mut Vec<u8>, scanned: &mut usize) -> Frame {
    // Skip to the first header, dropping whatever stands before it.
    let Some(start) = find_ci(buffer, LENGTH) else {
        // Keep a tail that may be the start of a header still arriving.
        if buffer.len() > LENGTH.len() && !buffer.iter().all(u8::is_ascii_whitespace) {
            let keep = buffer.len() - LENGTH.len();
            buffer.drain(..keep);
            return Frame::Garbage;
        }
        return Frame::Incomplete;
    };
    if start > 0 {
        let junk = !buffer[..start].iter().all(u8::is_ascii_whitespace);
        buffer.drain(..start);
        *scanned = 0;
        if junk {
            return Frame::Garbage;
        }
    }
    let Some(header_end) = find(&buffer[..buffer.len().min(4096)], HEADER_END) else {
        if buffer.len() > 4096 {
            buffer.drain(..LENGTH.len());
            return Frame::Garbage;
        }
        return Frame::Incomplete;
    };
    let header = String::from_utf8_lossy(&buffer[..header_end]).to_string();
    let length = header.lines().find_map(|l| {
        let (name, value) = l.split_once(':')?;
        name.trim().eq_ignore_ascii_case("content-length").then(|| value.trim().parse::<usize>().ok()).flatten()
    });
    let body_start = header_end + HEADER_END.len();
    let Some(length) = length.filter(|&n| n <= MAX_MESSAGE_BYTES) else {
        buffer.drain(..body_start);
        return Frame::Garbage;
    };
    if buffer.len() < body_start + length {
        // A length too large would wait for bytes that belong to the next message: if another
        // header already stands inside the would-be body, this frame is broken. Only the bytes
        // not yet searched are searched (with an overlap for a header cut in two).
        let from = (body_start + *scanned).saturating_sub(LENGTH.len()).max(body_start);
        if let Some(next) = find_ci(&buffer[from..], LENGTH) {
            buffer.drain(..from + next);
            return Frame::Garbage;
        }
        *scanned = buffer.len() - body_start;
        return Frame::Incomplete;
    }
    let body: Vec<u8> = buffer[body_start..body_start + length].to_vec();
    buffer.drain(..body_start + length);
    if serde_json::from_slice::<Value>(&body).is_err() {
        // Too short a length leaves the body's tail before the next header; too long a one
        // swallows the next header. Either way, go on from the next header in sight.
        if let Some(next) = find_ci(&body, LENGTH) {
            let mut rest = body[next..].to_vec();
            rest.extend_from_slice(buffer);
            *buffer = rest;
        }
        return Frame::Garbage;
    }
    Frame::Message(body)
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

fn find_ci(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w.eq_ignore_ascii_case(needle))
}

/// Repairs what tower-lsp would refuse though the specification allows it: `shutdown` and `exit`
/// with `"params": null`.
fn normalise(body: Vec<u8>) -> Vec<u8> {
    let Ok(mut value) = serde_json::from_slice::<Value>(&body) else { return body };
    let is_bare = matches!(value.get("method").and_then(Value::as_str), Some("shutdown" | "exit"));
    if let (true, Some(object)) = (is_bare, value.as_object_mut()) {
        if object.get("params").is_some_and(Value::is_null) {
            object.remove("params");
            return serde_json::to_vec(&value).unwrap_or(body);
        }
    }
    body
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

/// Copies well-formed messages from `input` to `server`, sending parse errors to `replies`.
pub async fn read_messages<I, S>(mut input: I, mut server: S, replies: mpsc::UnboundedSender<Vec<u8>>)
where
    I: AsyncRead + Unpin,
    S: AsyncWrite + Unpin,
{
    let mut frames = Splitter::default();
    let mut chunk = vec![0u8; 64 * 1024];
    loop {
        loop {
            match frames.next() {
                Frame::Message(body) => {
                    if server.write_all(&frame(&normalise(body))).await.is_err() {
                        return;
                    }
                }
                Frame::Garbage => {
                    let _ = replies.send(parse_error());
                }
                Frame::Incomplete => break,
            }
        }
        match input.read(&mut chunk).await {
            Ok(0) | Err(_) => return,
            Ok(n) => frames.push(&chunk[..n]),
        }
    }
}

/// Writes the server's messages and the reader's parse errors to `output`, whole frames at a
/// time, so they never interleave.
pub async fn write_messages<F, O>(mut from_server: F, mut replies: mpsc::UnboundedReceiver<Vec<u8>>, mut output: O)
where
    F: AsyncRead + Unpin,
    O: AsyncWrite + Unpin,
{
    let mut frames = Splitter::default();
    let mut chunk = vec![0u8; 64 * 1024];
    let mut replies_open = true;
    loop {
        tokio::select! {
            read = from_server.read(&mut chunk) => match read {
                Ok(0) | Err(_) => return,
                Ok(n) => {
                    frames.push(&chunk[..n]);
                    while let Frame::Message(body) = frames.next() {
                        if output.write_all(&frame(&body)).await.is_err() || output.flush().await.is_err() {
                            return;
                        }
                    }
                }
            },
            reply = replies.recv(), if replies_open => match reply {
                Some(bytes) => {
                    if output.write_all(&bytes).await.is_err() || output.flush().await.is_err() {
                        return;
                    }
                }
                None => replies_open = false,
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn frames(input: &[u8]) -> Vec<Frame> {
        let mut splitter = Splitter::default();
        splitter.push(input);
        let mut out = Vec::new();
        loop {
            match splitter.next() {
                Frame::Incomplete => return out,
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
    fn a_body_arriving_in_pieces_is_read_whole() {
        let body = format!("{{\"text\": \"{}\"}}", "x".repeat(100_000));
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

    #[test]
    fn shutdown_with_null_params_is_accepted() {
        let body = normalise(br#"{"jsonrpc":"2.0","id":1,"method":"shutdown","params":null}"#.to_vec());
        assert_eq!(serde_json::from_slice::<Value>(&body).unwrap().get("params"), None);
    }
}
