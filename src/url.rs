//! Resolving relative references against a base URL (RFC 3986 §5.2), without the weight of a
//! full URL library in the wasm: the reader only needs absolute links and image sources.

use std::borrow::Cow;

/// A URL split into its parts; only what resolution needs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BaseUrl {
    scheme: String,
    /// `//host:port`, with the slashes, or empty.
    authority: String,
    path: String,
    /// `?query`, with the mark, or empty.
    query: String,
}

impl BaseUrl {
    /// Parses an absolute URL (`https://host/path?query`). `None` for anything relative.
    pub fn parse(url: &str) -> Option<BaseUrl> {
        let url = url.trim();
        let colon = url.find(':')?;
        let scheme = &url[..colon];
        let valid = scheme.starts_with(|c: char| c.is_ascii_alphabetic())
            && scheme
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c));
        if !valid {
            return None;
        }
        let rest = &url[colon + 1..];
        let rest = rest.split('#').next().unwrap_or(rest);
        let (rest, query) = rest.split_at(rest.find('?').unwrap_or(rest.len()));
        let (authority, path) = split_authority(rest);
        Some(BaseUrl {
            scheme: scheme.to_ascii_lowercase(),
            authority: authority.to_owned(),
            path: path.to_owned(),
            query: query.to_owned(),
        })
    }

    /// The host name, lower-cased, without port or credentials.
    pub fn host(&self) -> &str {
        let a = self.authority.trim_start_matches('/');
        let a = a.rsplit('@').next().unwrap_or(a);
        a.split(':').next().unwrap_or(a)
    }

    /// Resolves `reference` against this base. Already absolute references come back as they are.
    pub fn resolve(&self, reference: &str) -> String {
        let r = reference.trim();
        if r.is_empty() {
            return self.to_string();
        }
        if BaseUrl::parse(r).is_some() {
            return r.to_owned();
        }
        if r.starts_with("//") {
            return format!("{}:{r}", self.scheme);
        }
        if r.starts_with('#') {
            return format!("{self}{r}");
        }
        if r.starts_with('?') {
            return format!("{}:{}{}{r}", self.scheme, self.authority, self.path);
        }
        let (path_part, suffix) = match r.find(['?', '#']) {
            Some(i) => r.split_at(i),
            None => (r, ""),
        };
        let merged = if path_part.starts_with('/') {
            Cow::Borrowed(path_part)
        } else {
            let dir = match self.path.rfind('/') {
                Some(i) => &self.path[..=i],
                None if self.authority.is_empty() => "",
                None => "/",
            };
            Cow::Owned(format!("{dir}{path_part}"))
        };
        let path = remove_dot_segments(&merged);
        let mut url = String::with_capacity(
            self.scheme.len() + 1 + self.authority.len() + path.len() + suffix.len(),
        );
        for part in [&self.scheme, ":", &self.authority, &path, suffix] {
            url.push_str(part);
        }
        url
    }
}

impl std::fmt::Display for BaseUrl {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{}:{}{}{}",
            self.scheme, self.authority, self.path, self.query
        )
    }
}

fn split_authority(rest: &str) -> (&str, &str) {
    if let Some(after) = rest.strip_prefix("//") {
        let end = after.find('/').map_or(rest.len(), |i| i + 2);
        (&rest[..end], &rest[end..])
    } else {
        ("", rest)
    }
}

/// The path without its `.` and `..` segments; most paths have none, and come back as they are.
fn remove_dot_segments(path: &str) -> Cow<'_, str> {
    if !path.split('/').any(|seg| seg == "." || seg == "..") {
        return Cow::Borrowed(path);
    }
    let mut out: Vec<&str> = Vec::new();
    let mut segments = path.split('/').peekable();
    while let Some(seg) = segments.next() {
        let last = segments.peek().is_none();
        match seg {
            "." => {
                if last {
                    out.push("");
                }
            }
            ".." => {
                if out.len() > 1 {
                    out.pop();
                }
                if last {
                    out.push("");
                }
            }
            s => out.push(s),
        }
    }
    let mut joined = String::with_capacity(path.len() + 1);
    if path.starts_with('/') && (out.len() < 2 || !out[0].is_empty()) {
        joined.push('/');
    }
    for (i, seg) in out.iter().enumerate() {
        if i > 0 {
            joined.push('/');
        }
        joined.push_str(seg);
    }
    Cow::Owned(joined)
}

/// Decodes `%XX` escapes; bytes that do not form UTF-8 become U+FFFD.
pub fn percent_decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let hex = |at: usize| b.get(at).and_then(|&c| (c as char).to_digit(16));
        if let (b'%', Some(h), Some(l)) = (b[i], hex(i + 1), hex(i + 2)) {
            out.push((h * 16 + l) as u8);
            i += 3;
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolves_rfc3986_examples() {
        let base = BaseUrl::parse("http://a/b/c/d;p?q").unwrap();
        for (r, want) in [
            ("g", "http://a/b/c/g"),
            ("./g", "http://a/b/c/g"),
            ("g/", "http://a/b/c/g/"),
            ("/g", "http://a/g"),
            ("//g", "http://g"),
            ("g?y", "http://a/b/c/g?y"),
            ("#s", "http://a/b/c/d;p?q#s"),
            ("?y", "http://a/b/c/d;p?y"),
            ("g#s", "http://a/b/c/g#s"),
            ("..", "http://a/b/"),
            ("../g", "http://a/b/g"),
            ("../..", "http://a/"),
            ("../../g", "http://a/g"),
            ("../../../g", "http://a/g"),
            ("https://x.org/y", "https://x.org/y"),
        ] {
            assert_eq!(base.resolve(r), want, "{r}");
        }
    }

    #[test]
    fn host_and_relative_bases() {
        assert_eq!(
            BaseUrl::parse("https://u:p@News.example.com:8080/x")
                .unwrap()
                .host(),
            "News.example.com"
        );
        assert_eq!(BaseUrl::parse("/relative"), None);
        assert_eq!(
            BaseUrl::parse("http://h").unwrap().resolve("a"),
            "http://h/a"
        );
    }
}
