//! The results as plain values (null, booleans, numbers, strings, lists, records): what the web
//! door turns into JavaScript objects. They have the names and nesting of the CLI's JSON
//! (serde's derived `Serialize`; a test holds the two together), but are built by hand: a
//! generic serializer for the wasm (serde-wasm-bindgen) cost its size several times over.

use crate::declutter::{Cause, Removal};
use crate::extract::Article;
use crate::readerable::Readerable;

/// A value as JSON has them. Strings are borrowed from the results.
#[derive(Clone, Debug, PartialEq)]
pub enum Value<'a> {
    Null,
    Bool(bool),
    Number(f64),
    Str(&'a str),
    List(Vec<Value<'a>>),
    /// Members in the order the CLI's JSON writes them.
    Record(Vec<(&'static str, Value<'a>)>),
}

impl From<bool> for Value<'_> {
    fn from(b: bool) -> Self {
        Value::Bool(b)
    }
}

impl From<u32> for Value<'_> {
    fn from(n: u32) -> Self {
        Value::Number(f64::from(n))
    }
}

impl From<f64> for Value<'_> {
    fn from(n: f64) -> Self {
        Value::Number(n)
    }
}

impl<'a> From<&'a str> for Value<'a> {
    fn from(s: &'a str) -> Self {
        Value::Str(s)
    }
}

impl<'a> From<&'a String> for Value<'a> {
    fn from(s: &'a String) -> Self {
        Value::Str(s)
    }
}

/// `null` where there is none.
impl<'a, T: Into<Value<'a>>> From<Option<T>> for Value<'a> {
    fn from(v: Option<T>) -> Self {
        v.map_or(Value::Null, Into::into)
    }
}

impl Readerable {
    pub fn to_plain(&self) -> Value<'static> {
        Value::Record(vec![
            ("score", self.score.into()),
            ("readerable", self.readerable.into()),
        ])
    }
}

impl Article {
    /// Every field but the text and the page nodes, which stay in the core; the Markdown where
    /// there is one.
    pub fn to_plain(&self) -> Value<'_> {
        let mut members = vec![
            ("title", (&self.title).into()),
            ("byline", self.byline.as_ref().into()),
            ("published_time", self.published_time.as_ref().into()),
            ("site_name", self.site_name.as_ref().into()),
            ("lang", self.lang.as_ref().into()),
            ("dir", self.dir.as_ref().into()),
            ("excerpt", self.excerpt.as_ref().into()),
            ("lead_image", self.lead_image.as_ref().into()),
            ("lead_image_width", self.lead_image_width.into()),
            ("lead_image_height", self.lead_image_height.into()),
            ("content", (&self.content).into()),
            ("word_count", Value::Number(self.word_count as f64)),
            ("reading_minutes", self.reading_minutes.into()),
        ];
        if let Some(markdown) = &self.markdown {
            members.push(("markdown", markdown.into()));
        }
        members.push(("root", self.root.0.into()));
        Value::Record(members)
    }
}

/// The article, or why there is none: `{"Ok": article}` or `{"Err": reason}`.
pub fn article_or_reason(article: &Result<Article, String>) -> Value<'_> {
    Value::Record(vec![match article {
        Ok(a) => ("Ok", a.to_plain()),
        Err(reason) => ("Err", reason.into()),
    }])
}

impl Cause {
    /// The detail and the count only where there is one.
    pub fn to_plain(&self) -> Value<'_> {
        let mut members = vec![("code", self.code.name().into())];
        if let Some(detail) = &self.detail {
            members.push(("detail", detail.into()));
        }
        if let Some(count) = self.count {
            members.push(("count", count.into()));
        }
        Value::Record(members)
    }
}

impl Removal {
    pub fn to_plain(&self) -> Value<'_> {
        Value::Record(vec![
            ("node", self.node.0.into()),
            ("kind", self.kind.name().into()),
            ("reason", (&self.reason).into()),
            ("cause", self.cause.to_plain()),
            ("excerpt", (&self.excerpt).into()),
        ])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn json(v: &Value) -> serde_json::Value {
        match v {
            Value::Null => serde_json::Value::Null,
            Value::Bool(b) => (*b).into(),
            Value::Number(n) => serde_json::Number::from_f64(*n)
                .map_or(serde_json::Value::Null, serde_json::Value::Number),
            Value::Str(s) => (*s).into(),
            Value::List(items) => items.iter().map(json).collect(),
            Value::Record(members) => members
                .iter()
                .map(|(k, v)| ((*k).to_owned(), json(v)))
                .collect::<serde_json::Map<_, _>>()
                .into(),
        }
    }

    /// serde_json writes whole numbers of integer fields without a fraction; plain values are
    /// all f64, as in JavaScript.
    fn numbers_as_f64(v: serde_json::Value) -> serde_json::Value {
        match v {
            serde_json::Value::Number(n) => serde_json::Number::from_f64(n.as_f64().unwrap())
                .map_or(serde_json::Value::Null, serde_json::Value::Number),
            serde_json::Value::Array(items) => items.into_iter().map(numbers_as_f64).collect(),
            serde_json::Value::Object(map) => map
                .into_iter()
                .map(|(k, v)| (k, numbers_as_f64(v)))
                .collect::<serde_json::Map<_, _>>()
                .into(),
            v => v,
        }
    }

    fn via_serde<T: serde::Serialize>(x: &T) -> serde_json::Value {
        numbers_as_f64(serde_json::to_value(x).unwrap())
    }

    /// The browser gets what the CLI writes: every field, same names, same nesting.
    #[test]
    fn plain_values_are_the_clis_json() {
        let mut pages = 0;
        let mut removals = 0;
        let mut kinds = std::collections::HashSet::new();
        let mut markdowns = 0;
        let dir =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/readability");
        let mut names: Vec<_> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        names.sort();
        for page in names.iter().step_by(4) {
            let Ok(bytes) = std::fs::read(page.join("source.html")) else {
                continue;
            };
            let dom = crate::parse_html(&bytes).unwrap();
            let mut analysis = crate::analyze(&dom, &crate::Options::default());
            // Every other page with its Markdown, as the reader view asks for it.
            if pages % 2 == 0 {
                if let Ok(article) = &mut analysis.article {
                    article.markdown = Some(crate::markdown::of_article(article, None));
                }
            }
            let plain = Value::Record(vec![
                ("readerable", analysis.readerable.to_plain()),
                ("article", article_or_reason(&analysis.article)),
                (
                    "removals",
                    Value::List(analysis.removals.iter().map(Removal::to_plain).collect()),
                ),
            ]);
            let theirs = via_serde(&serde_json::json!({
                "readerable": analysis.readerable,
                "article": analysis.article,
                "removals": analysis.removals,
            }));
            assert_eq!(json(&plain), theirs, "{}", page.display());
            pages += 1;
            removals += analysis.removals.len();
            kinds.extend(analysis.removals.iter().map(|r| r.kind));
            markdowns += analysis
                .article
                .as_ref()
                .is_ok_and(|a| a.markdown.is_some()) as usize;
        }
        assert!(
            pages >= 25 && removals >= 50 && kinds.len() >= 5 && markdowns >= 10,
            "{pages} {removals} {kinds:?} {markdowns}"
        );
    }
}
