//! A small JSON reader for the page's JSON-LD: values as [`Json`], strictly by RFC 8259.
//!
//! serde_json did this before, and cost the wasm about 15 KB (its deserializer, maps and float
//! parsing) for a few string fields. This reader accepts and refuses what serde_json's
//! `from_str::<Value>` does (`tests` compare the two), nesting capped alike, with one exception:
//! numbers are checked for their syntax but not converted (metadata reads only strings), so one
//! beyond f64's range (`1e400`), which serde_json refuses, is accepted here.

/// A JSON value. Objects keep their members in order; [`Json::get`] finds the last of a name, as
/// a map built from them would.
#[derive(Clone, Debug, PartialEq)]
pub enum Json {
    Null,
    Bool(bool),
    Number,
    String(String),
    Array(Vec<Json>),
    Object(Vec<(String, Json)>),
}

/// Why a text is not JSON, and where (a byte offset).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct JsonError {
    pub at: usize,
    pub why: &'static str,
}

/// Arrays and objects nested this deep are refused: serde_json's limit, and a bound on this
/// reader's recursion.
const MAX_DEPTH: usize = 128;

impl Json {
    /// The member `name` of an object (the last one of that name); `None` for anything else.
    pub fn get(&self, name: &str) -> Option<&Json> {
        match self {
            Json::Object(members) => members
                .iter()
                .rev()
                .find(|(k, _)| k == name)
                .map(|(_, v)| v),
            _ => None,
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Json::String(s) => Some(s),
            _ => None,
        }
    }
}

/// Parses a whole text as one JSON value, with only whitespace around it.
pub fn parse(text: &str) -> Result<Json, JsonError> {
    let mut reader = Reader {
        bytes: text.as_bytes(),
        at: 0,
    };
    let value = reader.value(0)?;
    reader.skip_whitespace();
    if reader.at != reader.bytes.len() {
        return Err(reader.error("trailing characters"));
    }
    Ok(value)
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Reader<'_> {
    fn error(&self, why: &'static str) -> JsonError {
        JsonError { at: self.at, why }
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    fn skip_whitespace(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.at += 1;
        }
    }

    fn expect(&mut self, word: &[u8]) -> Result<(), JsonError> {
        if self.bytes[self.at..].starts_with(word) {
            self.at += word.len();
            Ok(())
        } else {
            Err(self.error("expected a value"))
        }
    }

    fn value(&mut self, depth: usize) -> Result<Json, JsonError> {
        self.skip_whitespace();
        match self.peek() {
            Some(b'{') => self.object(depth + 1),
            Some(b'[') => self.array(depth + 1),
            Some(b'"') => self.string().map(Json::String),
            Some(b't') => self.expect(b"true").map(|()| Json::Bool(true)),
            Some(b'f') => self.expect(b"false").map(|()| Json::Bool(false)),
            Some(b'n') => self.expect(b"null").map(|()| Json::Null),
            Some(b'-' | b'0'..=b'9') => self.number().map(|()| Json::Number),
            Some(_) => Err(self.error("expected a value")),
            None => Err(self.error("unexpected end")),
        }
    }

    fn array(&mut self, depth: usize) -> Result<Json, JsonError> {
        let mut items = Vec::new();
        if self.open(depth, b']')? {
            return Ok(Json::Array(items));
        }
        loop {
            items.push(self.value(depth)?);
            if !self.more(b']', "expected ',' or ']'")? {
                return Ok(Json::Array(items));
            }
        }
    }

    fn object(&mut self, depth: usize) -> Result<Json, JsonError> {
        let mut members = Vec::new();
        if self.open(depth, b'}')? {
            return Ok(Json::Object(members));
        }
        loop {
            self.skip_whitespace();
            if self.peek() != Some(b'"') {
                return Err(self.error("expected a member name"));
            }
            let name = self.string()?;
            self.skip_whitespace();
            if self.peek() != Some(b':') {
                return Err(self.error("expected ':'"));
            }
            self.at += 1;
            members.push((name, self.value(depth)?));
            if !self.more(b'}', "expected ',' or '}'")? {
                return Ok(Json::Object(members));
            }
        }
    }

    /// Steps into an array or object at its opening bracket, refusing it beyond the depth cap;
    /// true when it closes at once (`[]`, `{}`).
    fn open(&mut self, depth: usize, close: u8) -> Result<bool, JsonError> {
        if depth >= MAX_DEPTH {
            return Err(self.error("nested too deeply"));
        }
        self.at += 1;
        self.skip_whitespace();
        let empty = self.peek() == Some(close);
        if empty {
            self.at += 1;
        }
        Ok(empty)
    }

    /// After an item or member: true at a `,` (another follows), false at `close` (the end).
    fn more(&mut self, close: u8, why: &'static str) -> Result<bool, JsonError> {
        self.skip_whitespace();
        match self.peek() {
            Some(b',') => {
                self.at += 1;
                Ok(true)
            }
            Some(c) if c == close => {
                self.at += 1;
                Ok(false)
            }
            _ => Err(self.error(why)),
        }
    }

    /// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`
    fn number(&mut self) -> Result<(), JsonError> {
        if self.peek() == Some(b'-') {
            self.at += 1;
        }
        match self.peek() {
            Some(b'0') => self.at += 1,
            Some(b'1'..=b'9') => self.digits(),
            _ => return Err(self.error("expected a digit")),
        }
        if self.peek() == Some(b'.') {
            self.at += 1;
            self.one_or_more_digits()?;
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.at += 1;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.at += 1;
            }
            self.one_or_more_digits()?;
        }
        Ok(())
    }

    fn digits(&mut self) {
        while self.peek().is_some_and(|b| b.is_ascii_digit()) {
            self.at += 1;
        }
    }

    fn one_or_more_digits(&mut self) -> Result<(), JsonError> {
        if !self.peek().is_some_and(|b| b.is_ascii_digit()) {
            return Err(self.error("expected a digit"));
        }
        self.digits();
        Ok(())
    }

    /// A string, from its opening quote: escapes decoded, surrogate pairs joined; control
    /// characters and lone surrogates refused.
    fn string(&mut self) -> Result<String, JsonError> {
        self.at += 1;
        let mut out = String::new();
        loop {
            let start = self.at;
            while self
                .peek()
                .is_some_and(|b| b != b'"' && b != b'\\' && b >= 0x20)
            {
                self.at += 1;
            }
            // The input is a &str, and the run stops only at ASCII bytes: a char boundary.
            out.push_str(std::str::from_utf8(&self.bytes[start..self.at]).unwrap_or_default());
            match self.peek() {
                Some(b'"') => {
                    self.at += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    self.at += 1;
                    out.push(self.escape()?);
                }
                Some(_) => return Err(self.error("control character in a string")),
                None => return Err(self.error("unterminated string")),
            }
        }
    }

    fn escape(&mut self) -> Result<char, JsonError> {
        let c = self
            .peek()
            .ok_or_else(|| self.error("unterminated string"))?;
        self.at += 1;
        Ok(match c {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => {
                let unit = self.hex4()?;
                match unit {
                    0xD800..=0xDBFF => {
                        if !self.bytes[self.at..].starts_with(b"\\u") {
                            return Err(self.error("lone leading surrogate"));
                        }
                        self.at += 2;
                        let low = self.hex4()?;
                        if !(0xDC00..=0xDFFF).contains(&low) {
                            return Err(self.error("lone leading surrogate"));
                        }
                        let code = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00);
                        char::from_u32(code).ok_or_else(|| self.error("bad escape"))?
                    }
                    0xDC00..=0xDFFF => return Err(self.error("lone trailing surrogate")),
                    _ => char::from_u32(unit).ok_or_else(|| self.error("bad escape"))?,
                }
            }
            _ => return Err(self.error("bad escape")),
        })
    }

    fn hex4(&mut self) -> Result<u32, JsonError> {
        let digits = self
            .bytes
            .get(self.at..self.at + 4)
            .ok_or_else(|| self.error("bad \\u escape"))?;
        let mut unit = 0;
        for &d in digits {
            let v = (d as char)
                .to_digit(16)
                .ok_or_else(|| self.error("bad \\u escape"))?;
            unit = unit * 16 + v;
        }
        self.at += 4;
        Ok(unit)
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::{parse, Json};

    /// serde_json's value, in this module's terms.
    fn from_serde(v: &serde_json::Value) -> Json {
        match v {
            serde_json::Value::Null => Json::Null,
            serde_json::Value::Bool(b) => Json::Bool(*b),
            serde_json::Value::Number(_) => Json::Number,
            serde_json::Value::String(s) => Json::String(s.clone()),
            serde_json::Value::Array(items) => Json::Array(items.iter().map(from_serde).collect()),
            serde_json::Value::Object(map) => Json::Object(
                map.iter()
                    .map(|(k, v)| (k.clone(), from_serde(v)))
                    .collect(),
            ),
        }
    }

    /// Accepts what serde_json accepts, refuses what it refuses, and reads the same values
    /// (objects compared member by member, in serde_json's key order, duplicates resolved).
    fn agrees(text: &str) {
        let ours = parse(text);
        let theirs = serde_json::from_str::<serde_json::Value>(text);
        // The one difference, on purpose: see the module's comment.
        if theirs
            .as_ref()
            .is_err_and(|e| e.to_string().starts_with("number out of range"))
        {
            return;
        }
        assert_eq!(
            ours.is_ok(),
            theirs.is_ok(),
            "{text:?}: {ours:?} vs {theirs:?}"
        );
        if let (Ok(ours), Ok(theirs)) = (ours, theirs) {
            assert_eq!(normalise(&ours), from_serde(&theirs), "{text:?}");
        }
    }

    /// Objects as a map would keep them: sorted by name, the last duplicate winning.
    fn normalise(v: &Json) -> Json {
        match v {
            Json::Array(items) => Json::Array(items.iter().map(normalise).collect()),
            Json::Object(members) => {
                let mut map = std::collections::BTreeMap::new();
                for (k, v) in members {
                    map.insert(k.clone(), normalise(v));
                }
                Json::Object(map.into_iter().collect())
            }
            other => other.clone(),
        }
    }

    #[test]
    fn agrees_with_serde_json() {
        for text in [
            r#"{"@type":"NewsArticle","headline":"A \"quoted\" title","author":[{"name":"A"},"B"]}"#,
            r#"[1, -0, 0.5, 1e10, -2.5E-3, 10, true, false, null, "", {}, []]"#,
            r#"  {"a" : {"b" : [ {"c":"d"} ] } }  "#,
            r#""\u00e9\ud83d\ude00\n\t\/\\\b\f\r""#,
            r#"{"a":1,"a":2,"b":"x","a":"last"}"#,
            "\"caf\u{e9} \u{1F600}\"",
            "01",
            "1.",
            ".5",
            "-",
            "1e",
            "+1",
            "[1,]",
            "{\"a\":1,}",
            "{a:1}",
            "'single'",
            "\"unterminated",
            "\"tab\there\"",
            r#""\ud800""#,
            r#""\ud800\u0041""#,
            r#""\udc00""#,
            r#""\x41""#,
            r#""\u12""#,
            "[1] [2]",
            "nul",
            "truex",
            "",
            "   ",
            "[",
            "{\"a\"}",
            "\u{a0}1",
            "1\u{c}",
        ] {
            agrees(text);
        }
    }

    #[test]
    fn nesting_is_capped_like_serde_json() {
        for depth in [127, 128, 129, 100_000] {
            agrees(&format!("{}{}", "[".repeat(depth), "]".repeat(depth)));
            agrees(&format!(
                "{}1{}",
                "{\"a\":".repeat(depth),
                "}".repeat(depth)
            ));
        }
    }

    /// Random texts built from JSON's own pieces, so that most are near misses.
    #[test]
    fn agrees_on_random_texts() {
        const PIECES: &[&str] = &[
            "{",
            "}",
            "[",
            "]",
            ",",
            ":",
            "\"a\"",
            "\"\\u00e9\"",
            "\"\\ud83d\\ude00\"",
            "1",
            "-0",
            "0.5e3",
            "true",
            "null",
            " ",
            "\"x",
            "\\",
            "01",
            "\"\\ud800\"",
        ];
        let mut seed = 0x2545_f491_4f6c_dd1d_u64;
        for _ in 0..20_000 {
            let mut text = String::new();
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            for i in 0..(seed % 12) {
                text.push_str(PIECES[((seed >> (i * 5)) % PIECES.len() as u64) as usize]);
            }
            agrees(&text);
        }
    }
}
