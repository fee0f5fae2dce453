//! The page language: declared, else detected from the paragraphs.

use super::json_ld::JsonLd;
use super::meta_tags::MetaTags;
use super::regions::{Candidates, HTML_LANG, matching};
use super::text::{MAX_CANDIDATES, data_lines, push_visible_text, truncate_chars};
use foldhash::HashSet;
use scraper::ElementRef;
use std::sync::LazyLock;

/// Characters of paragraph text given to whatlang, whose time grows with the sample. 600
/// detects the same language as 1,000 on all 695 corpus and fixture pages; 400 missed 3
/// of the readability corpus (2026-12-01).
pub(super) const LANGUAGE_SAMPLE_CHARS: usize = 600;
/// Smallest share of English function words among the words of a paragraph sample that
/// makes it English without whatlang, and smallest share of "the". English prose runs at
/// 0.4–0.5 and 0.05–0.07; with these, the 695 corpus and fixture pages got the same
/// language as from whatlang (2026-12-01), which costs about 3 % of an extraction.
pub(super) const ENGLISH_FUNCTION_WORD_SHARE: f64 = 0.3;
pub(super) const ENGLISH_THE_SHARE: f64 = 0.03;
/// Fewest words a sample needs for the function-word test.
pub(super) const MIN_ENGLISH_TEST_WORDS: usize = 40;

pub(super) static ENGLISH_FUNCTION_WORDS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    data_lines(include_str!(
        "../../data/metadata/english_function_words.txt"
    ))
    .into_iter()
    .collect()
});

/// Paragraph text shorter than this (characters) is too little to detect a language.
pub(super) const MIN_LANGUAGE_SAMPLE_CHARS: usize = 80;
pub(super) fn language(page: &Candidates, metas: &MetaTags, json_ld: &JsonLd) -> Option<String> {
    let declared = json_ld
        .article_str("inLanguage")
        .as_deref()
        .and_then(normalise_language)
        .or_else(|| {
            matching(&page.html_lang, &HTML_LANG)
                .next()
                .and_then(|el| el.value().attr("lang"))
                .and_then(normalise_language)
        })
        .or_else(|| {
            metas
                .first(&["content-language", "language", "og:locale", "dc.language"])
                .and_then(normalise_language)
        });
    if declared.as_deref().is_some_and(|l| l != "en") {
        return declared;
    }
    // Declared English is often a template default; check it against the text.
    let detected = detect_language(&page.paragraphs);
    match (declared, detected) {
        (Some(declared), Some((detected, reliable))) => {
            Some(if reliable { detected } else { declared })
        }
        (declared, detected) => declared.or(detected.map(|(lang, _)| lang)),
    }
}

/// The locale tags a page declares, as written (`en-US`, `en_GB`): JSON-LD
/// `inLanguage`, `<html lang>`, then the `content-language`, `og:locale` and
/// `dc.language` metas. What region a page writes for, where [`language`] keeps only the
/// language.
pub(super) fn locale_tags(page: &Candidates, metas: &MetaTags, json_ld: &JsonLd) -> Vec<String> {
    let html_lang = matching(&page.html_lang, &HTML_LANG)
        .next()
        .and_then(|el| el.value().attr("lang"))
        .map(str::to_string);
    let meta_tags = ["content-language", "og:locale", "dc.language"]
        .iter()
        .filter_map(|key| metas.first(&[key]).map(str::to_string));
    json_ld
        .article_str("inLanguage")
        .into_iter()
        .chain(html_lang)
        .chain(meta_tags)
        .collect()
}

/// A declared language tag as a 2-letter code: "vi-VN" → "vi", "en_US" → "en".
pub(super) fn normalise_language(tag: &str) -> Option<String> {
    let primary = tag
        .trim()
        .split(['-', '_', ',', ';', ' '])
        .next()?
        .to_ascii_lowercase();
    match primary.len() {
        2 if primary.chars().all(|c| c.is_ascii_lowercase()) => Some(primary),
        3 => iso639_3_to_1(&primary).map(str::to_string),
        _ => None,
    }
}

/// The language of the page's paragraphs, and whether whatlang finds it reliable.
pub(super) fn detect_language(paragraphs: &[ElementRef]) -> Option<(String, bool)> {
    let mut sample = String::new();
    for p in paragraphs.iter().take(MAX_CANDIDATES) {
        // Text of scripts and styles inside a paragraph is not its language.
        push_visible_text(*p, &mut sample, false, usize::MAX);
        sample.push('\n');
        if sample.len() >= LANGUAGE_SAMPLE_CHARS * 2 {
            break;
        }
    }
    detect_sample(&sample)
}

/// The language of a text's first [`LANGUAGE_SAMPLE_CHARS`] characters, and whether
/// whatlang finds it reliable; `None` under [`MIN_LANGUAGE_SAMPLE_CHARS`] letters.
pub(super) fn detect_sample(text: &str) -> Option<(String, bool)> {
    let sample = truncate_chars(text, LANGUAGE_SAMPLE_CHARS);
    if sample.chars().filter(|c| c.is_alphabetic()).count() < MIN_LANGUAGE_SAMPLE_CHARS {
        return None;
    }
    if reads_as_english(sample) {
        return Some(("en".to_string(), true));
    }
    let info = whatlang::detect(sample)?;
    let code = iso639_3_to_1(info.lang().code())?;
    Some((code.to_string(), info.is_reliable()))
}

/// Whether English function words make a large share of the words of `sample`: plain
/// English prose, which whatlang would only confirm.
pub(super) fn reads_as_english(sample: &str) -> bool {
    let mut words = 0usize;
    let mut function_words = 0usize;
    let mut the = 0usize;
    let mut lower = String::new();
    for word in sample
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
    {
        words += 1;
        if !word.is_ascii() || word.len() > 5 {
            continue;
        }
        lower.clear();
        lower.extend(word.chars().map(|c| c.to_ascii_lowercase()));
        if ENGLISH_FUNCTION_WORDS.contains(lower.as_str()) {
            function_words += 1;
            the += usize::from(lower == "the");
        }
    }
    words >= MIN_ENGLISH_TEST_WORDS
        && function_words as f64 >= ENGLISH_FUNCTION_WORD_SHARE * words as f64
        && the as f64 >= ENGLISH_THE_SHARE * words as f64
}

/// ISO 639-3 codes (as whatlang gives them) to ISO 639-1.
pub(super) fn iso639_3_to_1(code: &str) -> Option<&'static str> {
    Some(match code {
        "afr" => "af",
        "aka" => "ak",
        "amh" => "am",
        "ara" => "ar",
        "aze" => "az",
        "bel" => "be",
        "ben" => "bn",
        "bul" => "bg",
        "cat" => "ca",
        "ces" | "cze" => "cs",
        "cmn" | "zho" | "chi" => "zh",
        "cym" => "cy",
        "dan" => "da",
        "deu" | "ger" => "de",
        "ell" | "gre" => "el",
        "eng" => "en",
        "epo" => "eo",
        "est" => "et",
        "fin" => "fi",
        "fra" | "fre" => "fr",
        "guj" => "gu",
        "heb" => "he",
        "hin" => "hi",
        "hrv" => "hr",
        "hun" => "hu",
        "hye" | "arm" => "hy",
        "ind" => "id",
        "ita" => "it",
        "jav" => "jv",
        "jpn" => "ja",
        "kan" => "kn",
        "kat" | "geo" => "ka",
        "khm" => "km",
        "kor" => "ko",
        "lat" => "la",
        "lav" => "lv",
        "lit" => "lt",
        "mal" => "ml",
        "mar" => "mr",
        "mkd" | "mac" => "mk",
        "mya" | "bur" => "my",
        "nep" => "ne",
        "nld" | "dut" => "nl",
        "nob" | "nor" => "no",
        "ori" => "or",
        "pan" => "pa",
        "pes" | "fas" | "per" => "fa",
        "pol" => "pl",
        "por" => "pt",
        "ron" | "rum" => "ro",
        "rus" => "ru",
        "sin" => "si",
        "slk" | "slo" => "sk",
        "slv" => "sl",
        "sna" => "sn",
        "spa" => "es",
        "srp" => "sr",
        "swe" => "sv",
        "tam" => "ta",
        "tel" => "te",
        "tgl" => "tl",
        "tha" => "th",
        "tuk" => "tk",
        "tur" => "tr",
        "ukr" => "uk",
        "urd" => "ur",
        "uzb" => "uz",
        "vie" => "vi",
        "yid" => "yi",
        "zul" => "zu",
        _ => return None,
    })
}
