//! The language server driven in process as an editor drives it: open a draft, edit it step by
//! step, and read the diagnostics that come back, version by version.

mod common;

use std::fs;

use common::{edit, summary, workspace, Client, WAIT};
use serde_json::{json, Value};

#[tokio::test]
async fn paragraphs_of_the_same_text_each_get_their_own_diagnostics() {
    let ws = workspace();
    let root = fs::canonicalize(ws.path()).unwrap();
    let mut client = Client::start();
    client.initialize(&root, json!({})).await;
    let uri = format!("file://{}/drafts/twice.md", root.display());
    // Two paragraphs of one text share one check, made where one of them stands.
    client.open(&uri, "Then 300 died.\n\nA word between.\n\nThen 300 died.\n\nThe end.\n").await;
    let mut found = summary(&client.diagnostics(&uri, 1).await);
    found.sort();
    assert_eq!(found, ["unsourced-figure 0:5-0:8", "unsourced-figure 4:5-4:8"]);
}

#[tokio::test]
async fn diagnostics_follow_each_edit_version_by_version() {
    let ws = workspace();
    let root = fs::canonicalize(ws.path()).unwrap();
    let mut client = Client::start();
    let init = client.initialize(&root, json!({})).await;
    assert_eq!(init["capabilities"]["positionEncoding"], "utf-16");
    assert_eq!(init["capabilities"]["textDocumentSync"]["change"], 2);

    let uri = format!("file://{}/drafts/d.md", root.display());
    client.open(&uri, "René 😀 saw 300 die.\n").await;
    let v1 = client.diagnostics(&uri, 1).await;
    // `300` starts after René (4 units), a space, the emoji (2 units) and ` saw `.
    assert_eq!(summary(&v1), ["unsourced-figure 0:12-0:15"]);
    assert_eq!(v1[0]["source"], "stet");
    assert_eq!(v1[0]["severity"], 2);

    // Cite the source before the full stop: the warning goes.
    client.change(&uri, 2, json!([edit(0, 19, 19, " [@nv]")])).await;
    assert_eq!(summary(&client.diagnostics(&uri, 2).await), Vec::<String>::new());

    // Misspell the key: the note still counts, the key is unknown.
    client.change(&uri, 3, json!([edit(0, 22, 24, "nvx")])).await;
    assert_eq!(summary(&client.diagnostics(&uri, 3).await), ["unknown-source 0:22-0:25"]);

    // Two edits in one change, applied in order: fix the key, then add a second sentence.
    client.change(&uri, 4, json!([edit(0, 22, 25, "nv"), edit(1, 0, 0, "Then 40 fled.\n")])).await;
    assert_eq!(summary(&client.diagnostics(&uri, 4).await), ["unsourced-figure 1:5-1:7"]);

    // An edit past the end is refused and logged; the document is as it was.
    client.change(&uri, 5, json!([edit(40, 0, 1, "x")])).await;
    let log = client.wait_for("window/logMessage", |p| p["type"] == 1).await;
    assert!(log["message"].as_str().unwrap().contains("outside the document"), "{log}");
    client.change(&uri, 6, json!([edit(1, 5, 7, "41")])).await;
    assert_eq!(summary(&client.diagnostics(&uri, 6).await), ["unsourced-figure 1:5-1:7"]);

    // A version older than the current one is ignored.
    client.change(&uri, 3, json!([edit(1, 0, 13, "")])).await;
    client.change(&uri, 7, json!([edit(1, 5, 7, "42")])).await;
    assert_eq!(summary(&client.diagnostics(&uri, 7).await), ["unsourced-figure 1:5-1:7"]);
}

#[tokio::test]
async fn quick_fixes_come_from_the_diagnostic_data() {
    let ws = workspace();
    let root = fs::canonicalize(ws.path()).unwrap();
    let mut client = Client::start();
    client.initialize(&root, json!({})).await;
    let uri = format!("file://{}/drafts/q.md", root.display());
    client.open(&uri, "Over 84,000 were held [@nv]. Then 300 died.\n").await;
    let diagnostics = client.diagnostics(&uri, 1).await;
    assert_eq!(summary(&diagnostics), ["unsourced-figure 0:34-0:37"]);
    let response = client
        .request(
            "textDocument/codeAction",
            json!({
                "textDocument": {"uri": uri},
                "range": diagnostics[0]["range"],
                "context": {"diagnostics": diagnostics},
            }),
        )
        .await;
    let actions = response["result"].as_array().unwrap();
    let titles: Vec<&str> = actions.iter().map(|a| a["title"].as_str().unwrap()).collect();
    // The finding's own fixes first; asked for every kind, the source actions follow.
    assert_eq!(
        titles,
        [
            "Cite nv",
            "Ignore this unsourced-figure finding",
            "Cite the matching source of every unsourced figure in this paragraph (1 citation)",
            "Cite the matching source of every unsourced figure in the draft (1 citation)"
        ]
    );
    assert_eq!(actions[0]["kind"], "quickfix");
    assert_eq!(actions[0]["isPreferred"], true);
    let edits = &actions[0]["edit"]["changes"][&uri];
    assert_eq!(edits[0]["newText"], " [@nv]");
    assert_eq!(edits[0]["range"]["start"], json!({"line": 0, "character": 42}));

    // Ignoring inserts the comment above the line, and the finding goes.
    let ignore = &actions[1]["edit"]["changes"][&uri][0];
    assert_eq!(ignore["range"]["start"], json!({"line": 0, "character": 0}));
    client.change(&uri, 2, json!([{"range": ignore["range"], "text": ignore["newText"]}])).await;
    assert_eq!(summary(&client.diagnostics(&uri, 2).await), Vec::<String>::new());
}

#[tokio::test]
async fn settings_and_sources_are_reloaded_when_they_change() {
    let ws = workspace();
    let root = fs::canonicalize(ws.path()).unwrap();
    let mut client = Client::start();
    let capabilities = json!({"workspace": {"didChangeWatchedFiles": {"dynamicRegistration": true}}});
    client.initialize(&root, capabilities).await;
    let uri = format!("file://{}/drafts/r.md", root.display());
    client.open(&uri, "Then 300 died [@ap-2023].\n").await;
    assert_eq!(summary(&client.diagnostics(&uri, 1).await), ["unknown-source 0:16-0:23"]);

    // A new bibliography defines the key.
    fs::write(root.join("sources/more.bib"), "@misc{ap-2023, title = {Boats}}\n").unwrap();
    let bib_uri = format!("file://{}/sources/more.bib", root.display());
    client.notify("workspace/didChangeWatchedFiles", json!({"changes": [{"uri": bib_uri, "type": 1}]})).await;
    let republished = client
        .wait_for("textDocument/publishDiagnostics", |p| p["uri"] == uri.as_str() && p["diagnostics"] == json!([]))
        .await;
    assert_eq!(republished["version"], 1);

    // A broken stet.toml is reported on that file, at its line, and the last good settings serve.
    fs::write(root.join("stet.toml"), "[server]\ndebounce_ms = 0\n[check]\nscoop = 1\n").unwrap();
    let toml_uri = format!("file://{}/stet.toml", root.display());
    client.notify("workspace/didChangeWatchedFiles", json!({"changes": [{"uri": toml_uri, "type": 2}]})).await;
    let problem = client
        .wait_for("textDocument/publishDiagnostics", |p| p["uri"] == toml_uri.as_str() && p["diagnostics"] != json!([]))
        .await;
    assert_eq!(problem["diagnostics"][0]["range"]["start"]["line"], 3);
    assert!(problem["diagnostics"][0]["message"].as_str().unwrap().contains("scoop"));

    // A good stet.toml turns a rule off; the problem on stet.toml is cleared.
    fs::write(root.join("stet.toml"), "[server]\ndebounce_ms = 0\n[rules]\nunknown-source = \"off\"\n").unwrap();
    client
        .notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": uri, "version": 2}, "contentChanges": [edit(0, 16, 23, "nope")]}),
        )
        .await;
    client.notify("workspace/didChangeWatchedFiles", json!({"changes": [{"uri": toml_uri, "type": 2}]})).await;
    client
        .wait_for("textDocument/publishDiagnostics", |p| p["uri"] == toml_uri.as_str() && p["diagnostics"] == json!([]))
        .await;
    let off = client
        .wait_for("textDocument/publishDiagnostics", |p| {
            p["uri"] == uri.as_str() && p["version"] == 2 && p["diagnostics"] == json!([])
        })
        .await;
    assert_eq!(off["diagnostics"], json!([]));
}

#[tokio::test]
async fn utf8_positions_when_the_client_offers_them() {
    let ws = workspace();
    let root = fs::canonicalize(ws.path()).unwrap();
    let mut client = Client::start();
    let init = client.initialize(&root, json!({"general": {"positionEncodings": ["utf-8", "utf-16"]}})).await;
    assert_eq!(init["capabilities"]["positionEncoding"], "utf-8");
    let uri = format!("file://{}/drafts/u.md", root.display());
    client.open(&uri, "René 😀 saw 300 die.\n").await;
    // In bytes: René is 5, the emoji 4.
    assert_eq!(summary(&client.diagnostics(&uri, 1).await), ["unsourced-figure 0:15-0:18"]);
    client.change(&uri, 2, json!([edit(0, 15, 18, "301")])).await;
    assert_eq!(summary(&client.diagnostics(&uri, 2).await), ["unsourced-figure 0:15-0:18"]);
}

#[tokio::test]
async fn exit_after_shutdown_ends_the_server_while_the_input_stays_open() {
    let ws = workspace();
    let root = fs::canonicalize(ws.path()).unwrap();
    let mut client = Client::start();
    client.initialize(&root, json!({})).await;
    let response = client.request("shutdown", Value::Null).await;
    assert_eq!(response["result"], Value::Null);
    client.notify("exit", Value::Null).await;
    let clean = tokio::time::timeout(WAIT, &mut client.server).await.expect("the server did not end at exit").unwrap();
    assert!(clean, "shutdown came first, so the session ended cleanly");
}

#[tokio::test]
async fn exit_without_shutdown_is_not_clean() {
    let mut client = Client::start();
    client.notify("exit", Value::Null).await;
    let clean = tokio::time::timeout(WAIT, &mut client.server).await.expect("the server did not end at exit").unwrap();
    assert!(!clean);
}

#[tokio::test]
async fn without_client_watching_the_server_notices_changed_sources_itself() {
    let ws = workspace();
    let root = fs::canonicalize(ws.path()).unwrap();
    let mut client = Client::start();
    client.initialize(&root, json!({})).await;
    let uri = format!("file://{}/drafts/w.md", root.display());
    client.open(&uri, "Then 300 died [@ap-2023].\n").await;
    assert_eq!(summary(&client.diagnostics(&uri, 1).await), ["unknown-source 0:16-0:23"]);
    fs::write(root.join("sources/more.bib"), "@misc{ap-2023, title = {Boats}}\n").unwrap();
    let republished = client
        .wait_for("textDocument/publishDiagnostics", |p| p["uri"] == uri.as_str() && p["diagnostics"] == json!([]))
        .await;
    assert_eq!(republished["version"], 1);
}

#[tokio::test]
async fn a_conflict_carries_the_sources_place_as_related_information() {
    let ws = workspace();
    let root = fs::canonicalize(ws.path()).unwrap();
    let mut client = Client::start();
    client.initialize(&root, json!({})).await;
    let uri = format!("file://{}/drafts/c.md", root.display());
    client.open(&uri, "Over 94,000 people were held [@nv].\n").await;
    let diagnostics = client.diagnostics(&uri, 1).await;
    assert_eq!(summary(&diagnostics), ["conflicting-figure 0:5-0:11"]);
    let related = &diagnostics[0]["relatedInformation"][0];
    assert_eq!(related["location"]["uri"], format!("file://{}/sources/nv.md", root.display()));
    assert_eq!(related["location"]["range"]["start"], json!({"line": 3, "character": 5}));
    assert!(diagnostics[0]["message"].as_str().unwrap().contains("over 84,000"));
}

/// Checks like stet, except that a draft holding `PANIC` makes the check panic.
fn fragile(
    cache: &mut stet::check::DraftCache,
    text: &str,
    ws: &stet::workspace::Workspace,
    cancelled: &stet::check::Cancelled<'_>,
) -> Option<stet::check::Analysis> {
    assert!(!text.contains("PANIC"), "a check that fails on purpose");
    stet::lsp::check_in_workspace(cache, text, ws, cancelled)
}

#[tokio::test]
async fn a_panicking_check_is_reported_once_and_the_server_goes_on() {
    let ws = workspace();
    let root = fs::canonicalize(ws.path()).unwrap();
    let mut client = Client::start_with(fragile);
    client.initialize(&root, json!({})).await;
    let bad = format!("file://{}/drafts/bad.md", root.display());
    let good = format!("file://{}/drafts/good.md", root.display());
    client.open(&bad, "PANIC 300 died.\n").await;
    let shown = client.wait_for("window/showMessage", |p| p["type"] == 1).await;
    assert!(shown["message"].as_str().unwrap().contains("could not check"), "{shown}");
    client.change(&bad, 2, json!([edit(0, 0, 0, "PANIC again ")])).await;
    client
        .wait_for("window/logMessage", |p| p["type"] == 1 && p["message"].as_str().unwrap_or("").contains("bad.md"))
        .await;
    // Another document is checked as ever, and so is the first once it no longer fails.
    client.open(&good, "Then 300 died.\n").await;
    assert_eq!(summary(&client.diagnostics(&good, 1).await), ["unsourced-figure 0:5-0:8"]);
    client.change(&bad, 3, json!([edit(0, 0, 12, "")])).await;
    client.change(&bad, 4, json!([edit(0, 0, 6, "")])).await;
    assert_eq!(summary(&client.diagnostics(&bad, 4).await), ["unsourced-figure 0:0-0:3"]);
    // The failure was shown once, not for every failed check.
    assert!(!client.pending.iter().any(|m| m["method"] == "window/showMessage"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn fifty_drafts_and_ten_thousand_edits_lose_nothing() {
    let ws = workspace();
    let root = fs::canonicalize(ws.path()).unwrap();
    let mut client = Client::start();
    client.initialize(&root, json!({})).await;
    let uris: Vec<String> = (0..50).map(|i| format!("file://{}/drafts/load-{i}.md", root.display())).collect();
    for uri in &uris {
        client.open(uri, "Count: \n").await;
    }
    // 200 single-character edits to each draft, interleaved across the drafts, sent back to back.
    for round in 0..200u32 {
        for uri in &uris {
            let digit = char::from(b'0' + (round % 10) as u8).to_string();
            client.change(uri, i64::from(round) + 2, json!([edit(0, 7 + round, 7 + round, &digit)])).await;
        }
    }
    let expected: String = (0..200u32).map(|r| char::from(b'0' + (r % 10) as u8)).collect();
    for uri in &uris {
        let diagnostics = client.diagnostics(uri, 201).await;
        // Every edit landed: the figure spans all 200 digits typed.
        assert_eq!(summary(&diagnostics), [format!("unsourced-figure 0:7-0:{}", 7 + expected.len())]);
    }
}

#[tokio::test]
async fn hover_reads_the_text_as_it_stands_before_the_next_check_is_published() {
    let ws = tempfile::tempdir().unwrap();
    let root = fs::canonicalize(ws.path()).unwrap();
    fs::create_dir_all(root.join("sources")).unwrap();
    fs::write(root.join("sources/nv.md"), "---\nkey: nv\n---\nMore than 84,000 people have been detained.\n").unwrap();
    // Long enough that no check of the edit is published while the test runs.
    fs::write(root.join("stet.toml"), "[server]\ndebounce_ms = 60000\n").unwrap();
    let mut client = Client::start();
    client.initialize(&root, json!({})).await;
    let uri = format!("file://{}/d.md", root.display());
    client.open(&uri, "Intro.\n\nSome 84,000 people were detained [@nv].\n").await;
    // A new paragraph above moves the figure down two lines, and a new figure stands in its place.
    let top = json!({"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}});
    client.change(&uri, 2, json!([{"range": top, "text": "In all, 61,250 people were detained [@nv].\n\n"}])).await;
    let hover = |line: u32, character: u32| json!({"textDocument": {"uri": uri}, "position": {"line": line, "character": character}});
    let moved = client.request("textDocument/hover", hover(4, 7)).await;
    let shown = moved["result"]["contents"]["value"].as_str().unwrap_or_default().to_string();
    assert!(shown.contains("**84,000**") && shown.contains("Status: **matched**"), "{shown}");
    let typed = client.request("textDocument/hover", hover(0, 10)).await;
    let shown = typed["result"]["contents"]["value"].as_str().unwrap_or_default().to_string();
    assert!(shown.contains("**61,250**") && shown.contains("Status: **conflicting**"), "{shown}");
}

#[tokio::test]
async fn hover_on_a_misspelled_name_says_which_known_name_it_is_close_to() {
    let ws = tempfile::tempdir().unwrap();
    let root = fs::canonicalize(ws.path()).unwrap();
    fs::create_dir_all(root.join("sources")).unwrap();
    fs::write(
        root.join("sources/nv.md"),
        "---\nkey: nv\ntitle: Security ties\n---\nPresident Nayib Bukele said more than 84,000 people were detained.\n",
    )
    .unwrap();
    fs::write(root.join("stet.toml"), "[server]\ndebounce_ms = 0\n").unwrap();
    let mut client = Client::start();
    client.initialize(&root, json!({})).await;
    let uri = format!("file://{}/d.md", root.display());
    client.open(&uri, "President Nayib Bukelle spoke on Monday [@nv].\n").await;
    let hover = client
        .request("textDocument/hover", json!({"textDocument": {"uri": uri}, "position": {"line": 0, "character": 14}}))
        .await;
    let shown = hover["result"]["contents"]["value"].as_str().unwrap_or_default().to_string();
    for part in ["**Nayib Bukelle**", "Not a known name", "**Nayib Bukele**", "person", "President", "nv"] {
        assert!(shown.contains(part), "{part} missing from {shown}");
    }
    assert_eq!(
        hover["result"]["range"],
        json!({"start": {"line": 0, "character": 10}, "end": {"line": 0, "character": 23}})
    );
}

#[tokio::test]
async fn hover_and_outline_tell_who_a_name_is_and_how_a_figure_reads() {
    let ws = tempfile::tempdir().unwrap();
    let root = fs::canonicalize(ws.path()).unwrap();
    fs::create_dir_all(root.join("sources")).unwrap();
    fs::write(
        root.join("sources/nv.md"),
        "---\nkey: nv\ntitle: Security ties\npublisher: NewsVane\ndate: 2025-04-16\n---\n\
         President Nayib Bukele said more than 84,000 people have been detained since 2022.\n\
         Nayib Bukele spoke again later.\n",
    )
    .unwrap();
    fs::write(root.join("stet.toml"), "[server]\ndebounce_ms = 0\n").unwrap();
    let mut client = Client::start();
    let init = client.initialize(&root, json!({})).await;
    assert_eq!(init["capabilities"]["hoverProvider"], true);
    let uri = format!("file://{}/d.md", root.display());
    let text = "Nayib Bukele said 84,000 people have been detained since 2022 [@nv].\n\nThen 7 left.\n";
    client.open(&uri, text).await;
    let hover = |character: u32, line: u32| json!({"textDocument": {"uri": uri}, "position": {"line": line, "character": character}});

    let name = client.request("textDocument/hover", hover(8, 0)).await;
    let shown = name["result"]["contents"]["value"].as_str().unwrap_or_default().to_string();
    for part in ["**Nayib Bukele**", "person", "President", "Mentioned 2 times in nv", "sources/nv.md#L7"] {
        assert!(shown.contains(part), "{part} missing from {shown}");
    }
    assert_eq!(
        name["result"]["range"],
        json!({"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 12}})
    );

    let figure = client.request("textDocument/hover", hover(20, 0)).await;
    let shown = figure["result"]["contents"]["value"].as_str().unwrap_or_default().to_string();
    for part in [
        "**84,000**",
        "Read as 84000",
        "Counts: people",
        "Period: since 2022",
        "Status: **matched**",
        "over 84,000 people detained",
        "(nv, match",
        "nv.md#L7",
    ] {
        assert!(shown.contains(part), "{part} missing from {shown:?}");
    }

    let lone = client.request("textDocument/hover", hover(5, 2)).await;
    let shown = lone["result"]["contents"]["value"].as_str().unwrap_or_default().to_string();
    assert!(shown.contains("Status: **unsourced**"), "{shown}");

    let key = client.request("textDocument/hover", hover(65, 0)).await;
    let shown = key["result"]["contents"]["value"].as_str().unwrap_or_default().to_string();
    for part in ["**nv**", "*Security ties*", "NewsVane", "2025-04-16"] {
        assert!(shown.contains(part), "{part} missing from {shown}");
    }

    // Nothing to say about a plain word.
    assert_eq!(client.request("textDocument/hover", hover(26, 0)).await["result"], Value::Null);

    // The outline lists the names and figures in order.
    let outline = client.request("textDocument/documentSymbol", json!({"textDocument": {"uri": uri}})).await;
    let symbols: Vec<(String, i64)> = outline["result"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| (s["name"].as_str().unwrap().to_string(), s["kind"].as_i64().unwrap()))
        .collect();
    let expected = [("Nayib Bukele", 19), ("84,000", 16), ("2022", 16), ("7", 16)];
    assert_eq!(symbols, expected.map(|(n, k)| (n.to_string(), k)));
    assert_eq!(outline["result"][1]["range"]["start"], json!({"line": 0, "character": 18}));
}

#[tokio::test]
async fn completion_offers_source_keys_in_notes_and_footnote_labels() {
    let ws = workspace();
    let root = fs::canonicalize(ws.path()).unwrap();
    fs::write(root.join("sources/more.bib"), "@misc{ap-2023, title = {Boats at sea}, year = {2023}}\n").unwrap();
    let mut client = Client::start();
    let init = client.initialize(&root, json!({})).await;
    assert_eq!(init["capabilities"]["completionProvider"]["triggerCharacters"], json!(["@", "^"]));
    let uri = format!("file://{}/drafts/c.md", root.display());
    let text = "In all, 300 people died in custody [@\n\nThe boats [^\n\n[^boats]: A call.\n\nSee <!-- source: a";
    client.open(&uri, text).await;
    let complete = |line: u32, character: u32| json!({"textDocument": {"uri": uri}, "position": {"line": line, "character": character}});
    let labels = |response: &Value| -> Vec<String> {
        let mut items: Vec<(String, String)> = response["result"]
            .as_array()
            .unwrap()
            .iter()
            .map(|i| (i["sortText"].as_str().unwrap().to_string(), i["label"].as_str().unwrap().to_string()))
            .collect();
        items.sort();
        items.into_iter().map(|(_, l)| l).collect()
    };

    // After `[@`: every key, the source that supports `300 people died` first.
    let keys = client.request("textDocument/completion", complete(0, 37)).await;
    assert_eq!(labels(&keys), ["nv", "ap-2023"]);
    let ap = keys["result"].as_array().unwrap().iter().find(|i| i["label"] == "ap-2023").unwrap().clone();
    assert_eq!(ap["detail"], "Boats at sea, 2023");

    let footnotes = client.request("textDocument/completion", complete(2, 12)).await;
    assert_eq!(labels(&footnotes), ["boats"]);

    // In a source comment, the typed start narrows the keys and is replaced.
    let narrowed = client.request("textDocument/completion", complete(6, 18)).await;
    assert_eq!(labels(&narrowed), ["ap-2023"]);
    let edit = &narrowed["result"][0]["textEdit"];
    assert_eq!(edit["range"]["start"], json!({"line": 6, "character": 17}));

    // Elsewhere, nothing.
    assert_eq!(client.request("textDocument/completion", complete(0, 5)).await["result"], Value::Null);
}

#[tokio::test]
async fn go_to_source_the_summary_lens_and_citing_every_certain_figure() {
    let ws = tempfile::tempdir().unwrap();
    let root = fs::canonicalize(ws.path()).unwrap();
    fs::create_dir_all(root.join("sources")).unwrap();
    fs::write(
        root.join("sources/nv.md"),
        "---\nkey: nv\n---\nOver 84,000 people were held.\n\nIn all, 300 people died in custody.\n",
    )
    .unwrap();
    fs::write(root.join("stet.toml"), "[server]\ndebounce_ms = 0\n").unwrap();
    let mut client = Client::start();
    let init = client.initialize(&root, json!({"workspace": {"codeLens": {"refreshSupport": true}}})).await;
    assert_eq!(init["capabilities"]["definitionProvider"], true);
    let uri = format!("file://{}/d.md", root.display());
    let source = format!("file://{}/sources/nv.md", root.display());
    let text = "More than 84,000 people were held [@nv].\n\nIn all, 300 people died in custody.\n\n\
                See the full report [@nv].\n\nThe navy seized 11 tons.\n";
    client.open(&uri, text).await;
    let diagnostics = client.diagnostics(&uri, 1).await;
    assert_eq!(summary(&diagnostics), ["unsourced-figure 2:8-2:11", "unsourced-figure 6:16-6:23"]);
    client.wait_for("workspace/codeLens/refresh", |_| true).await;
    let at = |line: u32, character: u32| json!({"textDocument": {"uri": uri}, "position": {"line": line, "character": character}});

    // A citation key leads to the sentence of its source that gives the figure it covers; a
    // figure, to the fact it matched; a key that covers no figure, to the top of the source.
    let definition = |response: &Value| {
        let r = &response["result"];
        (r["uri"].as_str().unwrap_or_default().to_string(), r["range"]["start"]["line"].as_i64().unwrap_or(-1))
    };
    assert_eq!(definition(&client.request("textDocument/definition", at(0, 37)).await), (source.clone(), 3));
    assert_eq!(definition(&client.request("textDocument/definition", at(2, 9)).await), (source.clone(), 5));
    assert_eq!(definition(&client.request("textDocument/definition", at(4, 22)).await), (source.clone(), 0));
    assert_eq!(client.request("textDocument/definition", at(2, 2)).await["result"], Value::Null);

    // The lens on the first line sums the draft up; the key's hover counts what it supports.
    let lens = client.request("textDocument/codeLens", json!({"textDocument": {"uri": uri}})).await;
    assert_eq!(lens["result"][0]["command"]["title"], "stet: 3 figures · 1 verified · 2 unsourced · 0 conflicting");
    let hover = client.request("textDocument/hover", at(0, 37)).await;
    let shown = hover["result"]["contents"]["value"].as_str().unwrap_or_default().to_string();
    assert!(shown.contains("Supports 1 of the draft's 3 figures"), "{shown}");

    // Citing every certain figure cites nv for `300`, whose fact it gives, and leaves `11 tons`,
    // which nv does not give, for the reporter to source.
    let range = json!({"start": {"line": 2, "character": 0}, "end": {"line": 2, "character": 0}});
    let request =
        json!({"textDocument": {"uri": uri}, "range": range, "context": {"diagnostics": [], "only": ["source"]}});
    let actions = client.request("textDocument/codeAction", request).await;
    let actions = actions["result"].as_array().unwrap().clone();
    let titles: Vec<&str> = actions.iter().map(|a| a["title"].as_str().unwrap()).collect();
    assert_eq!(
        titles,
        [
            "Cite the matching source of every unsourced figure in this paragraph (1 citation)",
            "Cite the matching source of every unsourced figure in the draft (1 citation)"
        ]
    );
    assert_eq!(actions[1]["kind"], "source.fixAll");
    let edits = actions[1]["edit"]["changes"][&uri].as_array().unwrap().clone();
    assert_eq!(edits.len(), 1);
    assert_eq!(edits[0]["newText"], " [@nv]");
    let start = &edits[0]["range"]["start"];
    let (line, character) = (start["line"].as_u64().unwrap() as u32, start["character"].as_u64().unwrap() as u32);
    client.change(&uri, 2, json!([edit(line, character, character, " [@nv]")])).await;
    assert_eq!(summary(&client.diagnostics(&uri, 2).await), ["unsourced-figure 6:16-6:23"]);

    // Nothing to cite in a paragraph without a certain figure.
    let range = json!({"start": {"line": 6, "character": 0}, "end": {"line": 6, "character": 0}});
    let request =
        json!({"textDocument": {"uri": uri}, "range": range, "context": {"diagnostics": [], "only": ["source"]}});
    assert_eq!(client.request("textDocument/codeAction", request).await["result"], json!([]));
}

#[tokio::test]
async fn settings_for_other_servers_leave_those_given_at_start() {
    let ws = workspace();
    let root = fs::canonicalize(ws.path()).unwrap();
    let mut client = Client::start();
    let root_uri = format!("file://{}", root.display());
    client
        .request(
            "initialize",
            json!({
                "processId": null, "rootUri": root_uri, "capabilities": {},
                "initializationOptions": {"rules": {"unsourced-figure": "error"}},
            }),
        )
        .await;
    // Eglot sends `{}` when a project sets nothing; other clients send other servers' sections.
    // Sent before `initialized`, they would decide the settings the workspace is loaded with.
    client.notify("workspace/didChangeConfiguration", json!({"settings": {}})).await;
    client.notify("workspace/didChangeConfiguration", json!({"settings": {"pylsp": {"plugins": {}}}})).await;
    client.notify("initialized", json!({})).await;
    let uri = format!("file://{}/drafts/s.md", root.display());
    client.open(&uri, "Then 300 died.\n").await;
    let diagnostics = client.diagnostics(&uri, 1).await;
    assert_eq!(diagnostics[0]["severity"], 1);

    // A `stet` section replaces them.
    let stet = json!({"settings": {"stet": {"rules": {"unsourced-figure": "hint"}}}});
    client.notify("workspace/didChangeConfiguration", stet).await;
    let hinted = client
        .wait_for("textDocument/publishDiagnostics", |p| {
            p["uri"] == uri.as_str() && p["diagnostics"][0]["severity"] == 4
        })
        .await;
    assert_eq!(hinted["diagnostics"].as_array().unwrap().len(), 1);
}

#[tokio::test]
async fn a_source_opened_in_the_editor_is_not_checked_as_a_draft() {
    let ws = workspace();
    let root = fs::canonicalize(ws.path()).unwrap();
    let mut client = Client::start();
    client.initialize(&root, json!({})).await;
    let source = format!("file://{}/sources/nv.md", root.display());
    client.open(&source, &fs::read_to_string(root.join("sources/nv.md")).unwrap()).await;
    // A draft opened after it is checked; by its third version the source's check is long done.
    let draft = format!("file://{}/drafts/d.md", root.display());
    client.open(&draft, "Then 40 fled.\n").await;
    assert_eq!(summary(&client.diagnostics(&draft, 1).await), ["unsourced-figure 0:5-0:7"]);
    client.change(&draft, 2, json!([edit(0, 5, 7, "41")])).await;
    client.change(&draft, 3, json!([edit(0, 5, 7, "42")])).await;
    client.diagnostics(&draft, 3).await;
    let of_source = |m: &Value| m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == source;
    let published: Vec<&Value> = client.pending.iter().filter(|m| of_source(m)).collect();
    assert!(
        published.iter().all(|m| m["params"]["diagnostics"].as_array().is_some_and(Vec::is_empty)),
        "the source's own figures were reported as claims: {published:?}"
    );
}

#[tokio::test]
async fn source_places_are_counted_in_the_encoding_the_client_chose() {
    let ws = workspace();
    let root = fs::canonicalize(ws.path()).unwrap();
    fs::write(root.join("sources/cafe.md"), "---\nkey: cafe\n---\nLe café 😀 served 120 meals.\n").unwrap();
    let mut client = Client::start();
    client.initialize(&root, json!({"general": {"positionEncodings": ["utf-8", "utf-16"]}})).await;
    let uri = format!("file://{}/drafts/c.md", root.display());
    client.open(&uri, "The café served 150 meals [@cafe].\n").await;
    let diagnostics = client.diagnostics(&uri, 1).await;
    assert_eq!(summary(&diagnostics), ["conflicting-figure 0:17-0:20"]);
    // `Le café 😀 served ` is 21 bytes (18 UTF-16 units): the source's `120` starts at byte 21.
    let related = &diagnostics[0]["relatedInformation"][0]["location"]["range"];
    assert_eq!(related["start"], json!({"line": 3, "character": 21}), "{related}");
    assert_eq!(related["end"], json!({"line": 3, "character": 24}), "{related}");
    let definition = client
        .request(
            "textDocument/definition",
            json!({"textDocument": {"uri": uri}, "position": {"line": 0, "character": 18}}),
        )
        .await;
    let target = &definition["result"];
    let range = if target.is_array() { &target[0]["range"] } else { &target["range"] };
    assert_eq!(range["start"], json!({"line": 3, "character": 21}), "{definition}");
}

#[tokio::test]
async fn the_client_is_asked_to_watch_the_files_the_settings_name() {
    let ws = workspace();
    let root = fs::canonicalize(ws.path()).unwrap();
    fs::create_dir_all(root.join("material")).unwrap();
    fs::write(
        root.join("stet.toml"),
        "[server]\ndebounce_ms = 0\n[sources]\npaths = [\"material\"]\nbibliographies = [\"refs/desk.bib\"]\n[reference]\ndatasets = [\"curated/*.json\"]\n",
    )
    .unwrap();
    let mut client = Client::start();
    let capabilities = json!({"workspace": {"didChangeWatchedFiles": {"dynamicRegistration": true}}});
    client.initialize(&root, capabilities).await;
    let base = root.display().to_string();
    let wanted = [format!("{base}/material/**"), format!("{base}/refs/desk.bib"), format!("{base}/curated/*.json")];
    // Registrations may come more than once as workspaces load: the last one counts.
    let mut globs: Vec<String> = Vec::new();
    while !wanted.iter().all(|w| globs.contains(w)) {
        let registration = client.wait_for("client/registerCapability", |_| true).await;
        let watchers = registration["registrations"][0]["registerOptions"]["watchers"].as_array().unwrap().clone();
        globs = watchers.iter().map(|w| w["globPattern"].as_str().unwrap().to_string()).collect();
    }
    assert!(globs.contains(&format!("{base}/stet.toml")), "{globs:?}");
}
