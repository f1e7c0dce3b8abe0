//! Settings: `stet.toml` on disk, overridden by the editor's `initializationOptions` and
//! `workspace/didChangeConfiguration` (section `stet`), resolved once into [`Settings`].

use std::collections::BTreeMap;

use serde::Deserialize;

use crate::check::{rule, CheckConfig, Scope, Severity};
use crate::reference::FileError;

/// The largest source file read by default: 32 MiB.
pub const DEFAULT_MAX_SOURCE_BYTES: u64 = 32 * 1024 * 1024;

/// The longest wait before a check that `server.debounce_ms` may ask for: ten seconds.
pub const MAX_DEBOUNCE_MS: u64 = 10_000;

/// The largest source file `sources.max_bytes` may allow: 256 MiB.
pub const MAX_SOURCE_BYTES: u64 = 256 * 1024 * 1024;

/// Settings as written in `stet.toml` or sent by an editor; every field optional so that layers
/// can be merged.
#[derive(Debug, Clone, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct SettingsLayer {
    #[serde(default)]
    pub server: ServerLayer,
    #[serde(default)]
    pub check: CheckLayer,
    #[serde(default)]
    pub rules: BTreeMap<String, String>,
    #[serde(default)]
    pub sources: SourcesLayer,
    #[serde(default)]
    pub reference: ReferenceLayer,
}

#[derive(Debug, Clone, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct ServerLayer {
    /// Signed, so that a negative or huge number is read and refused with the range allowed.
    pub debounce_ms: Option<i64>,
}

#[derive(Debug, Clone, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct CheckLayer {
    pub scope: Option<String>,
    pub dates_need_sources: Option<bool>,
    pub quotes_need_sources: Option<bool>,
}

#[derive(Debug, Clone, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct SourcesLayer {
    pub paths: Option<Vec<String>>,
    pub bibliographies: Option<Vec<String>>,
    /// Signed, as `debounce_ms`.
    pub max_bytes: Option<i64>,
}

#[derive(Debug, Clone, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct ReferenceLayer {
    pub datasets: Option<Vec<String>>,
}

/// Resolved settings.
#[derive(Debug, Clone, PartialEq)]
pub struct Settings {
    pub check: CheckConfig,
    pub debounce_ms: u64,
    pub source_paths: Vec<String>,
    pub bibliographies: Vec<String>,
    pub datasets: Vec<String>,
    pub max_source_bytes: u64,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            check: CheckConfig::default(),
            debounce_ms: 50,
            source_paths: vec!["sources".into()],
            bibliographies: Vec::new(),
            datasets: vec!["reference/*.json".into()],
            max_source_bytes: DEFAULT_MAX_SOURCE_BYTES,
        }
    }
}

/// A setting whose value cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct SettingError(pub String);

impl SettingsLayer {
    /// Reads `stet.toml`.
    pub fn from_toml(text: &str) -> Result<Self, FileError> {
        toml::from_str(text).map_err(|e| {
            let at = e.span().map_or(0, |s| s.start);
            FileError::at(text, at, e.message().trim().to_string())
        })
    }

    /// Whether settings an editor sends speak to stet: a `stet` section, or only the sections of
    /// `stet.toml`. Clients send one configuration for all their servers.
    pub fn speaks_to_stet(settings: &serde_json::Value) -> bool {
        const SECTIONS: [&str; 5] = ["server", "check", "rules", "sources", "reference"];
        settings.as_object().is_some_and(|object| {
            object.contains_key("stet") || (!object.is_empty() && object.keys().all(|k| SECTIONS.contains(&k.as_str())))
        })
    }

    /// Reads the `stet` section an editor sends.
    pub fn from_json(value: serde_json::Value) -> Result<Self, SettingError> {
        serde_json::from_value(value).map_err(|e| SettingError(format!("editor settings for stet: {e}")))
    }
}

impl Settings {
    /// The files whose change can change what the workspace knows, as globs relative to its
    /// root: its settings, its sources folders, bibliographies and datasets.
    pub fn watched_globs(&self) -> Vec<String> {
        let mut globs = vec![crate::workspace::SETTINGS_FILE.to_string()];
        globs.extend(self.source_paths.iter().map(|p| format!("{}/**", p.trim_end_matches('/'))));
        globs.extend(self.bibliographies.iter().cloned());
        globs.extend(self.datasets.iter().cloned());
        globs.dedup();
        globs
    }

    /// Resolves layers, later ones overriding earlier ones.
    pub fn resolve(layers: &[&SettingsLayer]) -> Result<Self, SettingError> {
        let mut s = Settings::default();
        for layer in layers {
            s.apply(layer)?;
        }
        Ok(s)
    }

    fn apply(&mut self, layer: &SettingsLayer) -> Result<(), SettingError> {
        if let Some(ms) = layer.server.debounce_ms {
            self.debounce_ms = within("server.debounce_ms", ms, MAX_DEBOUNCE_MS, "milliseconds")?;
        }
        if let Some(scope) = &layer.check.scope {
            self.check.scope = match scope.as_str() {
                "sentence" => Scope::Sentence,
                "paragraph" => Scope::Paragraph,
                other => {
                    return Err(SettingError(format!(
                        "check.scope must be \"sentence\" or \"paragraph\", not {other:?}"
                    )))
                }
            };
        }
        if let Some(d) = layer.check.dates_need_sources {
            self.check.dates_need_sources = d;
        }
        if let Some(q) = layer.check.quotes_need_sources {
            self.check.quotes_need_sources = q;
        }
        for (code, level) in &layer.rules {
            if rule(code).is_none() {
                return Err(SettingError(format!("rules.{code}: no rule has this code")));
            }
            let severity = match level.as_str() {
                "error" => Some(Severity::Error),
                "warning" => Some(Severity::Warning),
                "information" | "info" => Some(Severity::Information),
                "hint" => Some(Severity::Hint),
                "off" => None,
                other => {
                    return Err(SettingError(format!(
                    "rules.{code} must be \"error\", \"warning\", \"information\", \"hint\" or \"off\", not {other:?}"
                )))
                }
            };
            self.check.severities.insert(code.clone(), severity);
        }
        if let Some(paths) = &layer.sources.paths {
            self.source_paths = paths.clone();
        }
        if let Some(bibs) = &layer.sources.bibliographies {
            self.bibliographies = bibs.clone();
        }
        if let Some(max) = layer.sources.max_bytes {
            self.max_source_bytes = within("sources.max_bytes", max, MAX_SOURCE_BYTES, "bytes")?;
        }
        if let Some(datasets) = &layer.reference.datasets {
            self.datasets = datasets.clone();
        }
        Ok(())
    }
}

/// `value` if it is at most `max`; a number past it would stall the server or let one file
/// take all its memory.
fn within(key: &str, value: i64, max: u64, unit: &str) -> Result<u64, SettingError> {
    match u64::try_from(value) {
        Ok(value) if value <= max => Ok(value),
        _ => Err(SettingError(format!("{key} must be between 0 and {max} ({unit}), not {value}"))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn later_layers_override_earlier_ones() {
        let file = SettingsLayer::from_toml("[check]\nscope = \"paragraph\"\n[rules]\nunsourced-figure = \"error\"\n")
            .unwrap();
        let editor = SettingsLayer::from_json(serde_json::json!({"rules": {"unsourced-figure": "off"}})).unwrap();
        let s = Settings::resolve(&[&file, &editor]).unwrap();
        assert_eq!(s.check.scope, Scope::Paragraph);
        assert_eq!(s.check.severity("unsourced-figure"), None);
        assert_eq!(s.check.severity("unknown-source"), Some(Severity::Error));
    }

    #[test]
    fn unknown_keys_and_bad_values_are_reported_where_they_stand() {
        let err = SettingsLayer::from_toml("[check]\nscope = \"sentence\"\nscoop = 1\n").unwrap_err();
        assert_eq!(err.line, 2);
        assert!(err.message.contains("scoop"), "{}", err.message);
        let layer = SettingsLayer::from_toml("[rules]\nunsourced-figures = \"off\"\n").unwrap();
        assert!(Settings::resolve(&[&layer]).is_err());
    }
}
