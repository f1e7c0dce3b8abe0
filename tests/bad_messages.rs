//! The real binary over stdio, fed what a broken or careless client sends: each gets the
//! JSON-RPC answer the specification names (or none, for notifications), and the server goes on
//! answering.

mod common;

use std::time::Duration;

use serde_json::{json, Value};

use common::binary::Server;

/// The response with `id`, passing over parse errors sent for broken frames.
fn response_to(s: &mut Server, id: i64) -> Value {
    loop {
        let m = s.response();
        if m["id"] == id {
            return m;
        }
        assert_eq!(m["error"]["code"], -32700, "an unexpected answer: {m}");
    }
}

/// Asks something every live server answers, and returns the answer.
fn still_answers(s: &mut Server, id: i64) -> Value {
    s.send(json!({"jsonrpc": "2.0", "id": id, "method": "textDocument/codeAction", "params": {
        "textDocument": {"uri": "file:///nowhere/x.md"},
        "range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}},
        "context": {"diagnostics": []}}}));
    response_to(s, id)
}

#[test]
fn a_request_before_initialize_is_refused_then_initialize_works() {
    let mut s = Server::start();
    s.send(json!({"jsonrpc": "2.0", "id": 1, "method": "textDocument/hover", "params": {}}));
    assert_eq!(s.response()["error"]["code"], -32002);
    s.initialize();
    still_answers(&mut s, 2);
}

#[test]
fn malformed_json_gets_a_parse_error_and_the_server_goes_on() {
    let mut s = Server::start();
    s.initialize();
    s.raw(b"Content-Length: 12\r\n\r\n{not json!!}");
    let error = s.response();
    assert_eq!((error["error"]["code"].clone(), error["id"].clone()), (json!(-32700), Value::Null));
    still_answers(&mut s, 3);
}

#[test]
fn wrong_or_missing_lengths_cost_only_their_own_message() {
    let mut s = Server::start();
    s.initialize();
    s.raw(b"Content-Length: 10\r\n\r\n{\"jsonrpc\": \"2.0\", \"method\": \"x/y\"}");
    s.raw(b"Content-Type: text/plain\r\n\r\n{}");
    let long = br#"{"jsonrpc":"2.0","method":"x/z"}"#;
    s.raw(format!("Content-Length: {}\r\n\r\n", long.len() + 30).as_bytes());
    s.raw(long);
    // Whatever the broken frames cost, a valid request after them is answered.
    still_answers(&mut s, 10);
    still_answers(&mut s, 11);
}

#[test]
fn unknown_methods_and_notifications() {
    let mut s = Server::start();
    s.initialize();
    s.send(json!({"jsonrpc": "2.0", "method": "$/unknownNotification", "params": {}}));
    s.send(json!({"jsonrpc": "2.0", "id": 4, "method": "stet/noSuchRequest", "params": {}}));
    let answer = s.response();
    assert_eq!((answer["id"].clone(), answer["error"]["code"].clone()), (json!(4), json!(-32601)));
    still_answers(&mut s, 5);
}

#[test]
fn an_edit_past_the_end_and_a_huge_document_do_not_stop_the_server() {
    let mut s = Server::start();
    s.initialize();
    let uri = "file:///tmp/stet-bad-messages/draft.md";
    s.send(json!({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {
        "uri": uri, "languageId": "markdown", "version": 1, "text": "Then 300 died.\n"}}}));
    s.send(json!({"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {
        "textDocument": {"uri": uri, "version": 2},
        "contentChanges": [{"range": {"start": {"line": 90, "character": 0}, "end": {"line": 91, "character": 0}}, "text": "x"}]}}));
    let big = "Over 84,000 people were held in 2023. ".repeat(20 * 1024 * 1024 / 40);
    s.send(json!({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {
        "uri": "file:///tmp/stet-bad-messages/big.md", "languageId": "markdown", "version": 1, "text": big}}}));
    still_answers(&mut s, 6);
}

#[test]
fn shutdown_with_null_params_then_exit_ends_with_status_zero() {
    let mut s = Server::start();
    s.initialize();
    s.send(json!({"jsonrpc": "2.0", "id": 7, "method": "shutdown", "params": null}));
    let answer = s.response();
    assert_eq!(answer["id"], 7);
    assert!(answer.get("error").is_none(), "{answer}");
    s.send(json!({"jsonrpc": "2.0", "method": "exit", "params": null}));
    let started = std::time::Instant::now();
    loop {
        if let Some(status) = s.child.try_wait().unwrap() {
            assert_eq!(status.code(), Some(0));
            break;
        }
        assert!(started.elapsed() < Duration::from_secs(10), "still running after exit");
        std::thread::sleep(Duration::from_millis(20));
    }
}
