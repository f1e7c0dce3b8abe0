//! Quotations in the editor: their findings as diagnostics with the passage as related
//! information, a fix that puts the source's words back, hover with the passage, its speaker,
//! date and title, go to definition at the passage, the outline and the summary lens.

mod common;

use std::fs;

use common::{summary, Client};
use serde_json::{json, Value};

const SOURCE: &str = "---\nkey: ledger\ntitle: Council votes to rebuild the bridge\ndate: 2025-03-04\n---\n\
    The council voted on Monday.\n\n\
    \"We will continue until the bridge is open,\" said Mayor Ana Ortega.\n\n\
    \"The budget leaves no room for error,\" Marcus Bell said.\n";

#[tokio::test]
async fn a_misquote_is_shown_explained_and_fixed() {
    let ws = tempfile::tempdir().unwrap();
    let root = fs::canonicalize(ws.path()).unwrap();
    fs::create_dir_all(root.join("sources")).unwrap();
    fs::write(root.join("sources/ledger.md"), SOURCE).unwrap();
    fs::write(root.join("stet.toml"), "[server]\ndebounce_ms = 0\n").unwrap();
    let source = format!("file://{}/sources/ledger.md", root.display());
    let mut client = Client::start();
    client.initialize(&root, json!({})).await;
    let uri = format!("file://{}/d.md", root.display());
    let text = "\"We will keep going until the bridge is open,\" Ortega said [@ledger].\n\n\
                \"The budget leaves no room for error,\" Ortega said [@ledger].\n";
    client.open(&uri, text).await;
    let diagnostics = client.diagnostics(&uri, 1).await;
    assert_eq!(summary(&diagnostics), ["misquoted-text 0:9-0:19", "misattributed-quote 2:39-2:45"]);
    assert_eq!(diagnostics[0]["message"], "\"keep going\" — the source has \"continue\" (ledger, line 8)");
    assert_eq!(diagnostics[0]["relatedInformation"][0]["location"]["uri"], source);
    assert_eq!(diagnostics[1]["message"], "ledger gives these words to Marcus Bell, not Ortega");

    let at = |line: u32, character: u32| json!({"textDocument": {"uri": uri}, "position": {"line": line, "character": character}});
    let hover = client.request("textDocument/hover", at(0, 30)).await;
    let shown = hover["result"]["contents"]["value"].as_str().unwrap_or_default().to_string();
    for part in [
        "Speaker: Ortega",
        "Status: **misquoted**",
        "Passage: “We will continue until the bridge is open” — Ana Ortega",
        "Council votes to rebuild the bridge, 2025-03-04",
        "ledger.md#L8",
    ] {
        assert!(shown.contains(part), "{part} missing from {shown}");
    }
    let definition = client.request("textDocument/definition", at(0, 30)).await;
    assert_eq!(definition["result"]["uri"], source);
    assert_eq!(definition["result"]["range"]["start"]["line"], 7);

    let outline = client.request("textDocument/documentSymbol", json!({"textDocument": {"uri": uri}})).await;
    let quotes: Vec<(&str, &str)> = outline["result"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|s| s["kind"] == 15)
        .map(|s| (s["name"].as_str().unwrap(), s["detail"].as_str().unwrap()))
        .collect();
    assert_eq!(
        quotes,
        [
            ("“We will keep going until the bridge is open,”", "Ortega · misquoted"),
            ("“The budget leaves no room for error,”", "Ortega · misattributed")
        ]
    );
    let lens = client.request("textDocument/codeLens", json!({"textDocument": {"uri": uri}})).await;
    let title = lens["result"][0]["command"]["title"].as_str().unwrap_or_default();
    assert!(title.ends_with("· 0 of 2 quotes verified"), "{title}");

    // Both fixes applied, the findings go and the quotes stand.
    for (version, d) in [(2, &diagnostics[1]), (3, &diagnostics[0])] {
        let request = json!({"textDocument": {"uri": uri}, "range": d["range"], "context": {"diagnostics": [d]}});
        let actions = client.request("textDocument/codeAction", request).await;
        let edit: Value = actions["result"][0]["edit"]["changes"][&uri][0].clone();
        client.change(&uri, version, json!([{"range": edit["range"], "text": edit["newText"]}])).await;
    }
    assert_eq!(summary(&client.diagnostics(&uri, 3).await), Vec::<String>::new());
    let lens = client.request("textDocument/codeLens", json!({"textDocument": {"uri": uri}})).await;
    let title = lens["result"][0]["command"]["title"].as_str().unwrap_or_default();
    assert!(title.ends_with("· 2 of 2 quotes verified"), "{title}");
}
