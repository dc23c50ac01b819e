//! Title, byline, dates, site, language and lead image.
