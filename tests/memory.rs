//! The server gives back the memory of drafts once they are closed: measured on the real binary,
//! from the resident size the kernel reports (Linux only).
#![cfg(target_os = "linux")]

mod common;

use std::collections::HashSet;
use std::time::{Duration, Instant};

use serde_json::json;

use common::binary::Server;

fn open(server: &mut Server, uri: &str, text: &str) {
    let document = json!({"uri": uri, "languageId": "markdown", "version": 1, "text": text});
    server.notify("textDocument/didOpen", json!({"textDocument": document}));
}

fn close(server: &mut Server, uri: &str) {
    server.notify("textDocument/didClose", json!({"textDocument": {"uri": uri}}));
}

/// Waits until `count` drafts have had findings published.
fn checked(server: &mut Server, count: usize) {
    let mut seen = HashSet::new();
    while seen.len() < count {
        let message = server.next(120);
        let params = &message["params"];
        let published = message["method"] == "textDocument/publishDiagnostics";
        if published && params["diagnostics"].as_array().is_some_and(|d| !d.is_empty()) {
            seen.insert(params["uri"].as_str().unwrap_or_default().to_string());
        }
    }
}

/// The server's resident size in KiB.
fn resident(server: &Server) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{}/status", server.child.id())).unwrap();
    let line = status.lines().find(|l| l.starts_with("VmRSS:")).unwrap();
    line.split_whitespace().nth(1).unwrap().parse().unwrap()
}

/// Waits, up to a deadline, for the resident size to fall to `limit`; the size last seen.
fn settles_under(server: &Server, limit: u64) -> u64 {
    let deadline = Instant::now() + Duration::from_secs(15);
    loop {
        let now = resident(server);
        if now <= limit || Instant::now() > deadline {
            return now;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
}

#[test]
fn closing_fifty_drafts_gives_most_of_their_memory_back() {
    let mut server = Server::start();
    server.initialize_with(json!({"server": {"debounce_ms": 0}}));

    // Warm: one small draft checked and closed, so what every check keeps (compiled patterns,
    // threads) is in the baseline.
    open(&mut server, "file:///nowhere/warm.md", "Over 84,000 people were held in 2023.\n");
    checked(&mut server, 1);
    close(&mut server, "file:///nowhere/warm.md");
    std::thread::sleep(Duration::from_millis(500));
    let warm = resident(&server);

    let paragraph = "Over 84,000 people were held in 2023, about 1.7% of all of them. ".repeat(40);
    let text = format!("{paragraph}\n\n").repeat(40);
    let uris: Vec<String> = (0..50).map(|i| format!("file:///nowhere/d{i}.md")).collect();
    for uri in &uris {
        open(&mut server, uri, &text);
    }
    checked(&mut server, uris.len());
    let peak = resident(&server);
    assert!(peak > warm + 8 * 1024, "the drafts took too little memory to tell: {warm} KiB, then {peak} KiB");

    for uri in &uris {
        close(&mut server, uri);
    }
    let half_way = warm + (peak - warm) / 2;
    let after = settles_under(&server, half_way);
    eprintln!("warm {warm} KiB, with 50 drafts {peak} KiB, after closing them {after} KiB");
    assert!(after <= half_way, "warm {warm} KiB, with 50 drafts {peak} KiB, after closing them {after} KiB");
}
