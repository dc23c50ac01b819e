//! The sanitiser's URL checks alone, fast: whatever a page puts in `href`, `src` or `srcset`, and
//! whatever its `<base href>` says, what comes out is read by a browser as http(s), mailto, or
//! (images only) a raster `data:` image; never a script URL.
#![no_main]

#[allow(dead_code)]
#[path = "../../common/safety.rs"]
mod safety;

use libfuzzer_sys::fuzz_target;
use tidyread::sanitize::{safe_srcset, safe_url, UrlUse};
use tidyread::url::BaseUrl;

fuzz_target!(|input: &str| {
    // "base\u{1}value": a base address from the input, or the usual page address.
    let (base, value) = match input.split_once('\u{1}') {
        Some((b, v)) => (BaseUrl::parse(b), v),
        None => (
            BaseUrl::parse("https://www.example.org/news/story.html"),
            input,
        ),
    };
    // Without a base, relative references stay relative (no scheme, as a browser reads them).
    let ok = |url: &str, image: bool| {
        safety::url_is_safe(url, image) || (base.is_none() && safety::scheme(url).is_none())
    };
    for use_ in [UrlUse::Link, UrlUse::Image] {
        if let Some(url) = safe_url(value, base.as_ref(), use_) {
            assert!(ok(&url, use_ == UrlUse::Image), "{value:?} -> {url:?}");
        }
    }
    if let Some(srcset) = safe_srcset(value, base.as_ref()) {
        for url in safety::srcset_urls(&srcset) {
            assert!(ok(&url, true), "{value:?} -> {srcset:?}");
        }
    }
});
