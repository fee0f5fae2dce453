//! Takes the parsed document; returns its text blocks in reading order (stub).
use crate::extractor::Settings;
use scraper::Html;
/// A run of text between block boundaries.
pub(crate) struct TextBlock {}
/// Splits `document` into blocks.
pub(crate) fn segment(_document: &Html, _settings: &Settings) -> Vec<TextBlock> { Vec::new() }
