//! stub
use crate::extractor::Settings;
use crate::score::Scored;
use crate::Error;
pub(crate) struct Selection {}
pub(crate) fn select(_scored: &Scored, _settings: &Settings) -> Result<Selection, Error> { Ok(Selection {}) }
