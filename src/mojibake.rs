//! Repair of text that went through UTF-8 → windows-1252 → UTF-8: a CMS that read its own
//! UTF-8 as windows-1252 and wrote it out again serves "isnâ€™t" for "isn’t" and "Ã©" for
//! "é", in a page that is itself valid UTF-8 (a WCXB dev pet-insurance page, 2026-12-06).
//!
//! Each such sequence is a lead character (`Â` to `ô`, the windows-1252 reading of a UTF-8
//! lead byte) followed by the characters of its continuation bytes (`€`, `™`, `©`, …). A
//! sequence is repaired when its bytes decode to a character of a script such text is
//! written in; a page is repaired only when it holds several, so that a lone legitimate
//! pair ("Ö“") is never touched.

use std::borrow::Cow;

/// Fewest repairable sequences that make a page double-encoded. Tuned on the WCXB dev
/// split 2026-12-06 (pages with mojibake hold dozens; none of the shared corpora's pages
/// holds one).
const MIN_SEQUENCES: usize = 3;

/// The windows-1252 byte a character was read from, for characters outside ASCII.
fn windows_1252_byte(c: char) -> Option<u8> {
    let byte = match c {
        '\u{80}'..='\u{ff}' => c as u32 as u8,
        '€' => 0x80,
        '‚' => 0x82,
        'ƒ' => 0x83,
        '„' => 0x84,
        '…' => 0x85,
        '†' => 0x86,
        '‡' => 0x87,
        'ˆ' => 0x88,
        '‰' => 0x89,
        'Š' => 0x8a,
        '‹' => 0x8b,
        'Œ' => 0x8c,
        'Ž' => 0x8e,
        '‘' => 0x91,
        '’' => 0x92,
        '“' => 0x93,
        '”' => 0x94,
        '•' => 0x95,
        '–' => 0x96,
        '—' => 0x97,
        '˜' => 0x98,
        '™' => 0x99,
        'š' => 0x9a,
        '›' => 0x9b,
        'œ' => 0x9c,
        'ž' => 0x9e,
        'Ÿ' => 0x9f,
        _ => return None,
    };
    Some(byte)
}

/// How many bytes a UTF-8 sequence led by `lead` holds, for the leads mojibake shows.
fn sequence_len(lead: u8) -> Option<usize> {
    match lead {
        0xc2..=0xdf => Some(2),
        0xe0..=0xef => Some(3),
        0xf0..=0xf4 => Some(4),
        _ => None,
    }
}

/// Whether a repaired character is one that double-encoded text is written in: Latin
/// letters and signs, Greek, Cyrillic, Arabic, Vietnamese, punctuation, currency and
/// letterlike signs, CJK and Hangul. Anything else ("ß“" would read as an N'Ko letter) is
/// a legitimate pair of characters.
fn is_plausible(c: char) -> bool {
    matches!(
        c,
        '\u{a0}'..='\u{24f}'
            | '\u{370}'..='\u{52f}'
            | '\u{600}'..='\u{6ff}'
            | '\u{1e00}'..='\u{1eff}'
            | '\u{2000}'..='\u{20cf}'
            | '\u{2100}'..='\u{21ff}'
            | '\u{3000}'..='\u{9fff}'
            | '\u{ac00}'..='\u{d7af}'
    )
}

/// The character spelled by the windows-1252 reading starting at `text[at..]`, and the
/// length in bytes of that reading, when there is one.
fn sequence_at(text: &str, at: usize) -> Option<(char, usize)> {
    let mut chars = text.get(at..)?.char_indices();
    let (_, lead) = chars.next()?;
    let lead_byte = windows_1252_byte(lead)?;
    let len = sequence_len(lead_byte)?;
    let mut bytes = [lead_byte, 0, 0, 0];
    let mut end = lead.len_utf8();
    for slot in bytes.iter_mut().take(len).skip(1) {
        let (offset, c) = chars.next()?;
        let byte = windows_1252_byte(c).filter(|b| (0x80..=0xbf).contains(b))?;
        *slot = byte;
        end = offset + c.len_utf8();
    }
    let repaired = std::str::from_utf8(&bytes[..len]).ok()?.chars().next()?;
    is_plausible(repaired).then_some((repaired, end))
}

/// The byte offsets where a lead character (`Â` to `ô`, U+00C2 to U+00F4, written `C3 82`
/// to `C3 B4` in UTF-8) starts.
fn lead_offsets(text: &str) -> impl Iterator<Item = usize> + '_ {
    let bytes = text.as_bytes();
    memchr::memchr_iter(0xc3, bytes)
        .filter(move |&at| bytes.get(at + 1).is_some_and(|b| (0x82..=0xb4).contains(b)))
}

/// How many double-encoded sequences `text` holds, counting up to `at_most`.
fn sequences(text: &str, at_most: usize) -> usize {
    lead_offsets(text)
        .filter(|&at| sequence_at(text, at).is_some())
        .take(at_most)
        .count()
}

/// `text` with its double-encoded sequences repaired, borrowed when it has fewer than
/// [`MIN_SEQUENCES`] of them.
pub(crate) fn repair(text: &str) -> Cow<'_, str> {
    if sequences(text, MIN_SEQUENCES) < MIN_SEQUENCES {
        return Cow::Borrowed(text);
    }
    repair_all(text)
}

/// `text` with every double-encoded sequence repaired, borrowed when it has none.
fn repair_all(text: &str) -> Cow<'_, str> {
    let mut out = String::new();
    let mut copied = 0;
    for at in lead_offsets(text) {
        if at < copied {
            continue;
        }
        if let Some((repaired, len)) = sequence_at(text, at) {
            if out.is_empty() {
                out.reserve(text.len());
            }
            out.push_str(text.get(copied..at).unwrap_or_default());
            out.push(repaired);
            copied = at + len;
        }
    }
    if copied == 0 {
        return Cow::Borrowed(text);
    }
    out.push_str(text.get(copied..).unwrap_or_default());
    Cow::Owned(out)
}

/// Repairs the text nodes of a parsed page when together they hold at least
/// [`MIN_SEQUENCES`] double-encoded sequences: the ones written as character references,
/// which [`repair`] on the page's bytes cannot see.
pub(crate) fn repair_text_nodes(document: &mut scraper::Html) {
    let mut found = 0;
    for node in document.tree.values() {
        if let scraper::Node::Text(text) = node {
            found += sequences(&text.text, MIN_SEQUENCES - found);
            if found >= MIN_SEQUENCES {
                break;
            }
        }
    }
    if found < MIN_SEQUENCES {
        return;
    }
    for node in document.tree.values_mut() {
        if let scraper::Node::Text(text) = node
            && let Cow::Owned(fixed) = repair_all(&text.text)
        {
            text.text = fixed.into();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn double_encoded_text_is_repaired() {
        let page = "It isnâ€™t cheap â€” cafÃ© prices Â£3, â€œreallyâ€\u{9d}.";
        assert_eq!(repair(page), "It isn’t cheap — café prices £3, “really”.");
        // Vietnamese and Cyrillic read the same way.
        assert_eq!(repair("Viá»‡t Nam, Ð¼Ð¸Ñ€, Ã´ng"), "Việt Nam, мир, ông");
    }

    #[test]
    fn legitimate_text_is_left_alone() {
        for text in [
            "Größe „Gruß“, „Öl“ und „Spaß“ im Café.",
            "Ação, São Paulo, née, Ærø, «Élysée», Ñandú.",
            "One pair only: Ã© in a sea of ASCII.",
        ] {
            assert!(matches!(repair(text), Cow::Borrowed(_)), "{text}");
        }
    }
}
