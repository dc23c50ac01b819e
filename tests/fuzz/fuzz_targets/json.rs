//! The JSON-LD reader against serde_json: whatever the text, both accept it or both refuse it
//! (numbers beyond f64's range aside, see src/json.rs), and they read the same strings.
#![no_main]

use libfuzzer_sys::fuzz_target;
use tidyread::json::{self, Json};

/// Every string in a value, in document order (keys and values): what metadata can read.
fn strings_of(value: &Json, out: &mut Vec<String>) {
    match value {
        Json::String(s) => out.push(s.clone()),
        Json::Array(items) => items.iter().for_each(|v| strings_of(v, out)),
        Json::Object(members) => {
            for (k, v) in members {
                out.push(k.clone());
                strings_of(v, out);
            }
        }
        _ => {}
    }
}

fn serde_strings_of(value: &serde_json::Value, out: &mut Vec<String>) {
    match value {
        serde_json::Value::String(s) => out.push(s.clone()),
        serde_json::Value::Array(items) => items.iter().for_each(|v| serde_strings_of(v, out)),
        serde_json::Value::Object(map) => {
            for (k, v) in map {
                out.push(k.clone());
                serde_strings_of(v, out);
            }
        }
        _ => {}
    }
}

fuzz_target!(|text: &str| {
    let ours = json::parse(text);
    let theirs = serde_json::from_str::<serde_json::Value>(text);
    if let Err(e) = &theirs {
        if e.to_string().starts_with("number out of range") {
            return;
        }
    }
    assert_eq!(ours.is_ok(), theirs.is_ok(), "{text:?}: {ours:?} vs {theirs:?}");
    if let (Ok(ours), Ok(theirs)) = (ours, theirs) {
        // serde_json's map keeps one member per name, in name order: compare as sorted sets.
        let (mut a, mut b) = (Vec::new(), Vec::new());
        strings_of(&ours, &mut a);
        serde_strings_of(&theirs, &mut b);
        b.iter().for_each(|s| assert!(a.contains(s), "{text:?}: {s:?} missing"));
    }
});
