//! stub
use crate::extractor::Settings;
use crate::segment::TextBlock;
pub(crate) struct Scored { pub blocks: Vec<TextBlock> }
pub(crate) fn score(blocks: Vec<TextBlock>, _settings: &Settings) -> Scored { Scored { blocks } }
