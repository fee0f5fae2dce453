//! stub
use crate::body::Body;
use crate::extractor::Settings;
use crate::metadata::Metadata;
use crate::score::Scored;
use crate::select::Selection;
use scraper::Html;
pub(crate) fn clean(_d: &Html, _s: &Scored, _sel: &Selection, _m: &Metadata, _st: &Settings) -> Body { Body::default() }
