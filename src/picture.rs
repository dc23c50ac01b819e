//! Pictures told apart by what they show rather than by their address. A page names one photo in
//! many ways (a `-640x480` rendition, a CDN crop path, a thumbnail, a blurred placeholder before
//! the real file), adds spacers that only hold layout, and declares a share image that is often
//! the site's logo. The reader shows each photo once, drops the spacers, and leaves such a logo
//! out of the lead.

/// File endings taken off a file name before its words are compared (`a.svg.png` is `a`).
const IMAGE_EXTENSIONS: &[&str] = &[
    "jpg", "jpeg", "png", "gif", "webp", "avif", "svg", "bmp", "tif", "tiff", "heic", "jxl", "img",
];
/// Path words that begin the name of a site's own artwork: its logo, icons, placeholders.
const SITE_ART_PREFIXES: &[&str] = &["logo", "icon", "favicon", "placeholder", "spacer", "sprite"];
/// File names (their words, all of them) of images that only hold layout or wait for a script.
const SPACER_WORDS: &[&str] = &[
    "spacer",
    "blank",
    "pixel",
    "px",
    "1x1",
    "transparent",
    "clear",
    "trans",
    "empty",
    "shim",
    "dot",
    "lazy",
    "loading",
    "loader",
    "placeholder",
    "grey",
    "gray",
];
/// A declared or decoded side this short is a spacer's, not a picture's.
const SPACER_MAX_SIDE: u32 = 2;
/// A square share image this small is an icon (Yahoo's 600×600 `fbico_ogp`); photos are wider.
const ICON_MAX_SIDE: u32 = 600;
/// A path word this long, holding a digit, names one picture (`13SUDAN`, a hash, a photo number).
const MIN_DISTINCTIVE_CHARS: usize = 6;
/// Two file names that differ only in a last word (`-facebookJumbo`, `-master768`) name renditions
/// of one picture when what they share is at least this long.
const MIN_SHARED_STEM_CHARS: usize = 5;
/// A file name this long names one picture wherever it is stored; a shorter one (`photo`,
/// `image`) only within one folder.
const MIN_UNIQUE_STEM_CHARS: usize = 8;

/// True when two image URLs name one picture: the same file name less its sizes (and, for a
/// short name, in a folder of the same name). Strict enough for pictures side by side, where a
/// wrong answer would drop a picture: `N667FD-a` and `N667FD-a-1` are two photos of one product.
pub fn same_picture(a: &str, b: &str) -> bool {
    same_stem(&decoded_path(a), &decoded_path(b))
}

/// [`same_picture`], or the same distinctive word in their file or folder names (a photo number,
/// a per-picture folder), or renditions named by a last word (`13SUDAN-1-facebookJumbo` and
/// `-master768`, `LHF_O_Social` and `LHF_O_Lede`). For the lead image, where a wrong answer only
/// leaves a picture out of the lead.
pub fn likely_same_picture(a: &str, b: &str) -> bool {
    let (a, b) = (decoded_path(a), decoded_path(b));
    let a_keys = keys(&a);
    same_stem(&a, &b)
        || renditions(&stem(&a), &stem(&b))
        || keys(&b).iter().any(|k| a_keys.contains(k))
}

/// True when a declared lead image is the site's artwork rather than the article's: a logo, an
/// icon, a default share card, or a small square (`size` is its declared width and height).
pub fn is_site_art(url: &str, size: Option<(u32, u32)>) -> bool {
    let path = decoded_path(url);
    let file = path.rsplit('/').next().unwrap_or("");
    let (path_words, file_words) = (words(&path), words(file));
    let art = path_words
        .iter()
        .any(|w| SITE_ART_PREFIXES.iter().any(|p| w.starts_with(p)) || w.ends_with("logo"));
    let default = file_words.iter().any(|w| w.starts_with("default"));
    // "fb_landscape_share.png": the card a site gives every page it has no picture for.
    let share_card = file_words.contains(&"share")
        && path_words
            .iter()
            .any(|w| matches!(*w, "fb" | "og" | "facebook" | "twitter" | "social"));
    let small_square = size.is_some_and(|(w, h)| w == h && w <= ICON_MAX_SIDE);
    art || default || share_card || small_square
}

/// True when an image only holds space: declared at most 2 px on each side it states, a `data:`
/// image that small, or a file named like a spacer or a lazy-loading placeholder.
pub fn is_spacer(src: &str, width: Option<u32>, height: Option<u32>) -> bool {
    if (width.is_some() || height.is_some())
        && width.unwrap_or(0) <= SPACER_MAX_SIDE
        && height.unwrap_or(0) <= SPACER_MAX_SIDE
    {
        return true;
    }
    let src = src.trim();
    if src
        .get(..5)
        .is_some_and(|s| s.eq_ignore_ascii_case("data:"))
    {
        return data_image_size(&src[5..])
            .is_some_and(|(w, h)| w <= SPACER_MAX_SIDE && h <= SPACER_MAX_SIDE);
    }
    let path = decoded_path(src);
    let name = file_name(&path);
    let named = words(name);
    named.iter().any(|w| SPACER_WORDS.contains(w))
        && named
            .iter()
            .all(|w| SPACER_WORDS.contains(w) || is_size_word(w))
}

/// The size an image address names for its rendition (`max/3788`, `-640x480`, `w_1200`,
/// `200px-`): the largest such number in its path, 0 when it names none. Of two copies of one
/// picture, the larger rendition is the one to show.
pub fn rendition_size(url: &str) -> u32 {
    let path = decoded_path(url);
    let mut largest = 0;
    for w in words(&path) {
        let number = if is_size_word(w) {
            w.trim_start_matches(['w', 'h', 's'])
        } else if w.len() <= 4 {
            w
        } else {
            continue;
        };
        let digits = number.len()
            - number
                .trim_start_matches(|c: char| c.is_ascii_digit())
                .len();
        if let Ok(n) = number[..digits].parse::<u32>() {
            largest = largest.max(n);
        }
    }
    largest
}

/// A length attribute as a number of pixels: `600` or `600px`; `100%`, `auto` and zero widths
/// of nothing say nothing about the picture.
pub fn pixels(value: &str) -> Option<u32> {
    let v = value.trim();
    let v = v.strip_suffix("px").unwrap_or(v).trim_end();
    let whole = v.split('.').next().unwrap_or(v);
    if whole.is_empty() || !whole.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    whole.parse().ok()
}

/// The width and height a `data:` GIF or PNG (after `data:`) declares in its header.
fn data_image_size(data_url: &str) -> Option<(u32, u32)> {
    let (meta, data) = data_url.split_once(',')?;
    if !meta.to_ascii_lowercase().ends_with(";base64") {
        return None;
    }
    // Sizes sit in the first 24 bytes of either format: 32 characters of base64.
    let mut head = [0u8; 24];
    let (mut bits, mut count, mut len) = (0u32, 0u32, 0usize);
    for c in data.bytes().take(32) {
        let v = match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' | b'-' => 62,
            b'/' | b'_' => 63,
            _ => break,
        };
        bits = (bits << 6) | u32::from(v);
        count += 6;
        if count >= 8 {
            count -= 8;
            head[len] = (bits >> count) as u8;
            len += 1;
        }
    }
    let le16 = |i: usize| u32::from(u16::from_le_bytes([head[i], head[i + 1]]));
    let be32 = |i: usize| u32::from_be_bytes([head[i], head[i + 1], head[i + 2], head[i + 3]]);
    if head.starts_with(b"GIF8") && len >= 10 {
        Some((le16(6), le16(8)))
    } else if head.starts_with(b"\x89PNG") && len >= 24 {
        Some((be32(16), be32(20)))
    } else {
        None
    }
}

/// The file name's words less its sizes, joined by `-` (`server-crash-640x215.jpg`:
/// `server-crash`). A hash after a name is a version of the file (`Scanner-f0c62350bd8d9d96`)
/// and goes; a hash alone is the name.
fn stem(path: &str) -> String {
    let name = file_name(path);
    let all = words(name);
    let named = all.iter().any(|w| !is_size_word(w) && !is_hash(w));
    let mut out = String::new();
    for w in all
        .into_iter()
        .filter(|w| !(is_size_word(w) || (named && is_hash(w))))
    {
        if !out.is_empty() {
            out.push('-');
        }
        out.push_str(w);
    }
    out
}

fn same_stem(a: &str, b: &str) -> bool {
    let (sa, sb) = (stem(a), stem(b));
    // `x-400` beside `x`: a width in the name of one rendition only.
    let trailing_width = |long: &str, short: &str| {
        long.strip_prefix(short)
            .and_then(|rest| rest.strip_prefix('-'))
            .is_some_and(|w| (3..=4).contains(&w.len()) && w.bytes().all(|b| b.is_ascii_digit()))
    };
    let named_alike = sa == sb || trailing_width(&sa, &sb) || trailing_width(&sb, &sa);
    // A bare number (`master/4800.jpg`) is a size, not a name.
    let a_name = sa.bytes().any(|b| b.is_ascii_alphabetic()) || sa.len() >= MIN_DISTINCTIVE_CHARS;
    named_alike
        && a_name
        && (sa.len().min(sb.len()) >= MIN_UNIQUE_STEM_CHARS || folder(a) == folder(b))
}

/// The folder a file is in: the path segment before its name.
fn folder(path: &str) -> &str {
    let mut segments = path.rsplit('/').filter(|s| !s.is_empty());
    segments.next();
    segments.next().unwrap_or("")
}

/// File names equal but for their last word, both words of letters: renditions, not a series
/// (`photo-1`, `photo-2` are two photos).
fn renditions(a: &str, b: &str) -> bool {
    let (Some((pa, la)), Some((pb, lb))) = (a.rsplit_once('-'), b.rsplit_once('-')) else {
        return false;
    };
    let letters = |w: &str| w.bytes().any(|c| c.is_ascii_alphabetic());
    pa == pb && pa.len() >= MIN_SHARED_STEM_CHARS && letters(la) && letters(lb)
}

/// The distinctive words of a path: long words with digits, and long digit runs (not dates), of
/// the file and its folder; when they have none (`master/4800.jpg`), of the nearest folder above
/// that has some.
fn keys(path: &str) -> Vec<&str> {
    let mut keys = Vec::new();
    for (i, segment) in path.rsplit('/').filter(|s| !s.is_empty()).enumerate() {
        if i >= 2 && !keys.is_empty() {
            break;
        }
        for w in words(segment) {
            let digits = w.bytes().filter(u8::is_ascii_digit).count();
            if w.len() >= MIN_DISTINCTIVE_CHARS
                && digits > 0
                && digits < w.len()
                && !is_size_word(w)
            {
                keys.push(w);
            }
            for run in w.split(|c: char| !c.is_ascii_digit()) {
                if run.len() >= MIN_DISTINCTIVE_CHARS && !is_date(run) {
                    keys.push(run);
                }
            }
        }
    }
    keys
}

/// The path of a URL, decoded and lower-cased; for an image proxy that carries the original's URL
/// in its path or query (`…/http://media.example/a.jpg`, `?image_uri=https%3A%2F%2F…`), the
/// original's path.
fn decoded_path(url: &str) -> String {
    let mut url = crate::text::unescape_entities(url.trim());
    // Two rounds: a proxy's parameter may itself be a proxy URL, encoded twice.
    for _ in 0..2 {
        if url.contains('%') {
            url = crate::url::percent_decode(&url);
        }
    }
    let inner = url.rfind("://").map_or(url.as_str(), |i| &url[i + 3..]);
    let inner = if url.contains("://") {
        inner.find('/').map_or("", |i| &inner[i..])
    } else {
        inner
    };
    let end = inner.find(['?', '#', '&']).unwrap_or(inner.len());
    inner[..end].to_ascii_lowercase()
}

/// The last path segment less its image file endings.
fn file_name(path: &str) -> &str {
    let mut name = path.rsplit('/').next().unwrap_or("");
    while let Some((rest, ext)) = name.rsplit_once('.') {
        if !IMAGE_EXTENSIONS.contains(&ext) {
            break;
        }
        name = rest;
    }
    name
}

/// Words: runs of letters and digits (any non-ASCII character counts as a letter). A list, made
/// in one place, rather than an iterator every caller would inline.
#[inline(never)]
fn words(s: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, b) in s.bytes().enumerate() {
        let in_word = !b.is_ascii() || b.is_ascii_alphanumeric();
        match (in_word, start) {
            (true, None) => start = Some(i),
            (false, Some(from)) => {
                out.push(&s[from..i]);
                start = None;
            }
            _ => {}
        }
    }
    if let Some(from) = start {
        out.push(&s[from..]);
    }
    out
}

/// `640x480`, `640x480px`, `200px`, `w1200`, `h630`, `s640`, `600w`, `2x`.
fn is_size_word(w: &str) -> bool {
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if w.strip_suffix("px").is_some_and(digits) {
        return true;
    }
    let w = w.strip_suffix("px").unwrap_or(w);
    if let Some((a, b)) = w.split_once('x') {
        return digits(a) && (digits(b) || b.is_empty());
    }
    let size = |n: &str| digits(n) && (2..=4).contains(&n.len());
    w.strip_prefix(['w', 'h', 's']).is_some_and(size) || w.strip_suffix('w').is_some_and(size)
}

/// A run of 12 or more hex digits, letters and digits both: a content hash, not a name.
fn is_hash(w: &str) -> bool {
    w.len() >= 12
        && w.bytes().all(|b| b.is_ascii_hexdigit())
        && w.bytes().any(|b| b.is_ascii_digit())
        && w.bytes().any(|b| b.is_ascii_alphabetic())
}

/// `yyyymmdd`: a folder of the day's uploads, shared by every picture in it.
fn is_date(run: &str) -> bool {
    run.len() == 8
        && matches!(&run[..2], "19" | "20")
        && matches!(run[4..6].parse::<u8>(), Ok(1..=12))
        && matches!(run[6..8].parse::<u8>(), Ok(1..=31))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renditions_of_one_photo_are_one_picture() {
        // One file name at other sizes and addresses: one picture, side by side too.
        let same_name = [
            // A size in the file name (breitbart, ars).
            (
                "http://media.breitbart.com/media/2016/11/GettyImages-621866810.jpg",
                "http://media.breitbart.com/media/2016/11/GettyImages-621866810-640x480.jpg",
            ),
            // A thumbnail of an SVG (wikipedia).
            (
                "https://upload.wikimedia.org/wikipedia/commons/3/3e/Flag_of_New_Zealand.svg",
                "http://upload.wikimedia.org/wikipedia/commons/thumb/3/3e/Flag_of_New_Zealand.svg/125px-Flag_of_New_Zealand.svg.png",
            ),
            // Different hashes after the same name (heise).
            (
                "http://www.heise.de/imgs/18/1/4/Barcode-Scanner-With-Border-f0c62350bd8d9d96.jpeg",
                "http://3.f.ix.de/scale/geometry/600/q75/imgs/18/1/4/Barcode-Scanner-With-Border-fc08c913da5cea5d.jpeg",
            ),
            // An image proxy carrying the original's address, named by a hash (yahoo).
            (
                "http://l3.yimg.com/uu/api/res/1.2/4eRC--/aD02Njk--/http://media.zenfs.com/en/homerun/4406ef57dcb40376c513903b03bef048",
                "http://l1.yimg.com/ny/api/res/1.2/589n--/YXBw--/http://media.zenfs.com/en/homerun/4406ef57dcb40376c513903b03bef048",
            ),
            // A blurred placeholder and the full file (medium).
            (
                "https://miro.medium.com/max/60/1*5o3M5niyi911waUrKWVZ0Q.png?q=20",
                "https://miro.medium.com/max/3788/1*5o3M5niyi911waUrKWVZ0Q.png",
            ),
            // A width at the end of one name only.
            (
                "https://hakibenita.com/images/00-sql-anomaly-detection-400.png",
                "https://hakibenita.com/images/00-sql-anomaly-detection.png",
            ),
        ];
        for (a, b) in same_name {
            assert!(same_picture(a, b), "{a}\n{b}");
            assert!(likely_same_picture(b, a), "{b}\n{a}");
        }
        // Named apart, one picture by a shared distinctive word: for the lead only.
        let likely = [
            // A per-picture folder (cnet).
            (
                "https://cnet3.cbsistatic.com/img/1Jq=/670x503/2014/03/21/863df5d9-e8b8-4b38-851b-5e3f77f2cf0e/zuck.jpg",
                "https://cnet1.cbsistatic.com/img/nAM=/570x0/2014/03/21/863df5d9-e8b8-4b38-851b-5e3f77f2cf0e/zuck-home.jpg",
            ),
            // A photo number inside a longer name (la-nacion).
            (
                "http://bucket.glanacion.com/anexos/fotos/77/2585177.jpg",
                "http://bucket2.glanacion.com/anexos/fotos/77/conflicto-mapuche-2585177w280.jpg",
            ),
            // A per-picture folder, the files named by different systems (nytimes).
            (
                "https://static01.nyt.com/images/2018/09/15/business/15DEBTS01/15DEBTS01-facebookJumbo.jpg",
                "https://static01.nyt.com/images/2018/09/15/business/15DEBTS01/merlin_138209730_5f3b5746-articleLarge.jpg?quality=75",
            ),
            // Renditions named by a last word (nytimes).
            (
                "https://static01.nyt.com/images/2016/07/30/business/db-dealprof/db-dealprof-facebookJumbo.jpg",
                "https://static01.nyt.com/images/2016/07/30/business/db-dealprof/db-dealprof-master315.jpg",
            ),
        ];
        for (a, b) in likely {
            assert!(likely_same_picture(a, b), "{a}\n{b}");
            assert!(!same_picture(a, b), "{a}\n{b}");
        }
    }

    #[test]
    fn different_photos_stay_apart() {
        let pairs = [
            // A numbered series.
            ("https://e.com/2015/02/lupita-getty-01-1200x630.jpg", "https://e.com/2015/02/lupita-getty-4.jpg"),
            ("https://e.com/a/photo-1.jpg", "https://e.com/a/photo-2.jpg"),
            // One day's upload folder.
            (
                "http://imgtech.gmw.cn/attachement/jpg/site2/20170310/448a5bc1e2861a2c4e5929.jpg",
                "http://imgtech.gmw.cn/attachement/jpg/site2/20170310/448a5bc1e2861a2c4e592a.jpg",
            ),
            // Per-picture hashes under a shared numbered folder (guardian).
            (
                "https://i.guim.co.uk/img/media/df84b519a877d652e950ecd4248320eec985934e/0_320_4800_2880/master/4800.jpg",
                "https://i.guim.co.uk/img/media/05cb692c634cd90e5411aab92ca3e649474ff786/0_0_4800_3200/master/4800.jpg",
            ),
            // Short generic names in different folders.
            ("https://e.com/story-a/image.jpg", "https://e.com/story-b/image.jpg"),
            // A social card and a numbered diagram.
            (
                "https://e.com/atf/diagrams/Techblog-ATF-Social.png",
                "https://e.com/atf/diagrams/Techblog-ATF-720x844px-1.png",
            ),
        ];
        for (a, b) in pairs {
            assert!(!likely_same_picture(a, b), "{a}\n{b}");
        }
        // Two photos of one product, named by its code: one picture only for the lead.
        let (a, b) = (
            "https://e.com/uploads/2024/10/02153152/N667FD-LAtelier-Nawbar-722x722.jpg",
            "https://e.com/uploads/2024/10/10141823/N667FD-LAtelier-Nawbar-1-722x722.jpg",
        );
        assert!(!same_picture(a, b));
    }

    #[test]
    fn site_art_is_told_from_photos() {
        for art in [
            "https://static01.nyt.com/newsgraphics/images/icons/defaultPromoCrop.png",
            "https://s.yimg.com/os/mit/media/m/social/images/social_default_logo-1481777.png",
            "http://assets.tumblr.com/images/og/fb_landscape_share.png",
            "https://statics.liberation.fr/newnext/images/social-placeholder.jpg",
            "https://example.com/static/brand/site-logo.png",
        ] {
            assert!(is_site_art(art, None), "{art}");
        }
        // A square share image of icon size (yahoo-4's fbico_ogp_600x600).
        assert!(is_site_art(
            "http://i.yimg.jp/images/jpnews/cre/common/all/images/fbico_ogp_600x600.png",
            Some((600, 600))
        ));
        for photo in [
            "https://www.aclu.org/sites/default/files/field_image/web18-facebook-1160x768.jpg",
            "https://e.com/uploads/2019/05/LHF_1200_O_Social.jpg",
            "https://e.com/silicon-valley-lexicon.jpg",
        ] {
            assert!(!is_site_art(photo, Some((1200, 630))), "{photo}");
        }
    }

    #[test]
    fn spacers_by_size_data_and_name() {
        let gif = "data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7";
        let png = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mP8/x8AAwMCAO+ip1sAAAAASUVORK5CYII=";
        assert_eq!(data_image_size(gif), Some((1, 1)));
        assert_eq!(data_image_size(png), Some((1, 1)));
        assert!(is_spacer(gif, None, None));
        assert!(is_spacer(png, None, None));
        assert!(is_spacer("https://e.com/a.jpg", Some(1), Some(1)));
        assert!(is_spacer("https://e.com/img/spacer.gif", None, None));
        assert!(is_spacer(
            "https://e.com/img/lazy-loading-14x9.png",
            None,
            None
        ));
        assert!(!is_spacer("https://e.com/img/harbour.jpg", Some(600), None));
        assert!(!is_spacer(
            "https://e.com/img/pixel-art-harbour.png",
            None,
            None
        ));
        // A 16×9 PNG placeholder is small but not a spacer: its size is the picture's shape.
        assert!(!is_spacer(
            "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAABAAAAAJCAMAAAA",
            None,
            None
        ));
    }

    #[test]
    fn pixels_reads_lengths() {
        assert_eq!(pixels("600"), Some(600));
        assert_eq!(pixels(" 600px "), Some(600));
        assert_eq!(pixels("600.5"), Some(600));
        assert_eq!(pixels("100%"), None);
        assert_eq!(pixels("auto"), None);
    }
}
