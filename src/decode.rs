//! Takes raw bytes and an optional Content-Type; returns the page as an NFC `String` and
//! the encoding used. Also holds the text clean-up applied to every run of page text.
//!
//! The charset is chosen by precedence, as browsers do, with one addition: a declaration
//! that the bytes plainly contradict is not trusted.
//!
//! 1. A byte order mark (UTF-8, UTF-16LE, UTF-16BE) wins outright; so does the pattern
//!    of zero bytes that ASCII leaves in UTF-16 without a BOM.
//! 2. The `charset=` parameter of the Content-Type header.
//! 3. A `<meta charset>` or `<meta http-equiv="Content-Type" content="…; charset=…">` in the
//!    first [`PRESCAN_BYTES`] bytes, found by the WHATWG prescan (a meta naming UTF-16 means
//!    UTF-8, since the bytes could not hold the tag otherwise).
//! 4. UTF-8 when the bytes are (nearly all) valid UTF-8, else chardetng's guess.
//!
//! A declared legacy charset (windows-1252, iso-8859-1, GBK, …) is overridden to UTF-8 when
//! the bytes are valid UTF-8 holding multi-byte sequences: a legacy page almost never is.
//! A declared UTF-8 is skipped when most of its non-ASCII bytes are malformed, and a
//! declared UTF-16 without a BOM when the first bytes hold no NUL. Labels are resolved by
//! `encoding_rs` (WHATWG Encoding Standard); the `replacement` encoding is never used.
//!
//! Input that is plainly binary (an image, an archive, a compressed body that was not
//! inflated) decodes to empty text, so the extractor answers "no article" instead of
//! mining mojibake: see [`looks_binary`]. Text that decodes but is not plausible (mostly
//! U+FFFD or control characters, one letter between every other, no ASCII at all) is
//! caught by [`implausible`].

use chardetng::{EncodingDetector, Iso2022JpDetection, Utf8Detection};
use encoding_rs::{Encoding, REPLACEMENT, UTF_8, UTF_16BE, UTF_16LE, WINDOWS_1252, X_USER_DEFINED};
use std::borrow::Cow;
use std::sync::OnceLock;
use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

/// Bytes read by the `<meta>` prescan. WHATWG HTML "prescan a byte stream to determine its
/// encoding" reads 1024.
const PRESCAN_BYTES: usize = 1024;

/// Bytes checked for NUL before trusting a BOM-less UTF-16 label: markup in UTF-16 has a
/// NUL in every ASCII character, so any real page shows many in its first kilobyte.
const UTF16_NUL_CHECK_BYTES: usize = 1024;

/// A legacy declaration yields to UTF-8 when the bytes hold valid multi-byte UTF-8 with at
/// most one malformed sequence per this many valid ones (a stray bad byte in a UTF-8 page).
/// Start value; no page seen yet needed more tolerance.
const VALID_PER_STRAY_INVALID: usize = 64;

/// Bytes fed to chardetng. Its guess settles within a few kilobytes of non-ASCII text;
/// the cap keeps detection cost flat on huge pages.
const DETECTOR_MAX_BYTES: usize = 1 << 20;

/// Bytes sampled by [`looks_binary`].
const BINARY_SNIFF_BYTES: usize = 4096;

/// Share of the sample, in percent, that may be binary-data bytes before the input counts
/// as binary. Random bytes hold about 10 %; text pages hold none (they are parse errors in
/// HTML), but old pages may carry a stray one, so the bar is not zero.
const MAX_BINARY_PERCENT: usize = 5;

/// Bytes sampled for the zero-byte pattern of UTF-16 without a BOM.
const UTF16_SNIFF_BYTES: usize = 1024;

/// Share of the sampled 16-bit units, in percent, that must look like ASCII in UTF-16 (a
/// zero byte on one side, a non-zero one on the other) to read BOM-less bytes as UTF-16.
/// HTML is mostly ASCII markup, so a page in UTF-16 shows 80–100 %; an ASCII-compatible
/// page never holds a NUL. Start value, 2026-12-05; the fixture `encoding-utf16-no-bom`.
const MIN_UTF16_ASCII_UNITS_PERCENT: usize = 30;

/// Bytes of decoded text sampled by [`implausible`] (cut back to a character boundary).
const PLAUSIBILITY_SAMPLE_BYTES: usize = 64 * 1024;

/// Fewest sampled characters [`implausible`] judges: a shorter page is too short for
/// statistics (and too short to give an article with much garbage in it).
const MIN_PLAUSIBILITY_SAMPLE_CHARS: usize = 256;

/// Share of the sample, in percent, that may be U+FFFD (bytes the encoding could not
/// read) and control characters (C0 but white space, DEL, C1) before the text is
/// implausible. Real pages in the corpora hold well under 1 %; a page read in the wrong
/// multi-byte encoding, or binary data past the binary sniff, holds tens of percent.
const MAX_UNREADABLE_PERCENT: usize = 10;

/// Share of the sample, in percent, that one non-ASCII character (not white space) may
/// make up. The most frequent letter of a language is 8–12 % of its letters (`o` in
/// Russian, `a` in Vietnamese), fewer of a page's characters once markup counts; a byte
/// pattern read in a single-byte encoding (0xFF after every byte as windows-1252's `ÿ`,
/// 0x80 as `€` or IBM866's `А`) gives one character between every two others: 50 %.
const MAX_ONE_CHAR_PERCENT: usize = 20;

/// Fewest ASCII characters, in percent of the sample: markup, white space, digits and
/// punctuation are ASCII in every script, so even a page of Chinese or Thai text holds
/// several percent. Random bytes above 0x7F read in a single-byte encoding hold none.
const MIN_ASCII_PERCENT: usize = 1;

/// A decoded page.
pub(crate) struct Decoded<'a> {
    /// The page text, NFC; borrowed from the bytes when they are already that.
    pub text: Cow<'a, str>,
    /// The encoding the bytes were read with.
    pub encoding: &'static encoding_rs::Encoding,
    /// The bytes are binary data (an image, an executable), not text: `text` is empty.
    pub binary: bool,
}

/// Decodes `bytes` with the charset found by the precedence in the module docs, replacing
/// malformed sequences with U+FFFD, and normalises the result to NFC. Never fails.
pub(crate) fn decode<'a>(bytes: &'a [u8], content_type: Option<&str>) -> Decoded<'a> {
    let (encoding, bom_len) = sniff(bytes, content_type);
    let body = bytes.get(bom_len..).unwrap_or_default();
    if encoding != UTF_16LE && encoding != UTF_16BE && looks_binary(body) {
        return Decoded {
            text: Cow::Borrowed(""),
            encoding,
            binary: true,
        };
    }
    let (text, _) = encoding.decode_without_bom_handling(body);
    let text = normalized(text);
    Decoded {
        text,
        encoding,
        binary: false,
    }
}

/// Decoded text as every stage reads it: double-encoded UTF-8 ("isnâ€™t") repaired
/// ([`crate::mojibake`]), then in Unicode NFC; as it came when it already is both.
pub(crate) fn normalized(text: Cow<'_, str>) -> Cow<'_, str> {
    let fixed = match crate::mojibake::repair(&text) {
        Cow::Owned(fixed) => Some(fixed),
        Cow::Borrowed(_) => None,
    };
    let text = fixed.map_or(text, Cow::Owned);
    if is_nfc(&text) {
        text
    } else {
        Cow::Owned(to_nfc(&text))
    }
}

/// `text` in Unicode NFC, borrowed when it already is.
pub(crate) fn nfc(text: &str) -> Cow<'_, str> {
    if is_nfc(text) {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(to_nfc(text))
    }
}

/// `text` in Unicode NFC, kept as it is when it already is.
pub(crate) fn into_nfc(text: String) -> String {
    if is_nfc(&text) { text } else { to_nfc(&text) }
}

/// Whether `text` is NFC by the quick check of UAX #15 (`false` may also mean "maybe").
/// Most characters of real pages are "stable" (canonical combining class 0 and NFC quick
/// check Yes: every code point below U+0300, curly quotes, Vietnamese precomposed
/// letters, CJK); they reset the check, so only the others are looked up one by one. On
/// the scrapinghub pages the whole-page check cost about 3 % of the extraction before
/// (2026-12-01).
fn is_nfc(text: &str) -> bool {
    /// Stable bytes in a row after which the block scan takes over again.
    const RESCAN_AFTER: usize = 16;
    let bytes = text.as_bytes();
    let mut pos = 0;
    // Only the characters from U+0300 up have a UTF-8 lead byte of 0xCC or more; the ones
    // below are stable. Runs of those are skipped a block at a time; in dense non-Latin
    // text the walk goes on character by character.
    while let Some(at) = next_byte_from_0xcc(bytes, pos) {
        let mut last_class = 0u8;
        let mut stable_run = 0;
        // `at` is a lead byte (continuation bytes are below 0xCC), so a char boundary.
        let Some(rest) = text.get(at..) else {
            return true;
        };
        pos = bytes.len();
        for (offset, c) in rest.char_indices() {
            if is_stable(c) {
                last_class = 0;
                stable_run += 1;
                if stable_run >= RESCAN_AFTER {
                    pos = at + offset;
                    break;
                }
                continue;
            }
            stable_run = 0;
            let class = unicode_normalization::char::canonical_combining_class(c);
            if last_class > class && class != 0 {
                return false;
            }
            if is_nfc_quick(std::iter::once(c)) != IsNormalized::Yes {
                return false;
            }
            last_class = class;
        }
    }
    true
}

/// The first index from `from` whose byte is 0xCC or more. Eight bytes at a time are
/// tested for any byte of 0x80 or more (ASCII is most of a page); only words that hold
/// one are looked at byte by byte.
fn next_byte_from_0xcc(bytes: &[u8], from: usize) -> Option<usize> {
    const HIGH_BITS: u64 = 0x8080_8080_8080_8080;
    let rest = bytes.get(from..)?;
    let mut words = rest.chunks_exact(8);
    let mut offset = 0;
    for word in words.by_ref() {
        let value = u64::from_le_bytes(word.try_into().unwrap_or([0; 8]));
        if value & HIGH_BITS != 0
            && let Some(at) = word.iter().position(|&b| b >= 0xCC)
        {
            return Some(from + offset + at);
        }
        offset += 8;
    }
    let tail = words.remainder();
    tail.iter()
        .position(|&b| b >= 0xCC)
        .map(|at| from + offset + at)
}

/// `text` in NFC, normalising only what needs it: each run of unstable characters (see
/// [`is_stable`]) together with the character before it, the starter they may compose
/// with. A stable character never combines with what comes before it, and nothing
/// reorders or composes across a starter, so the rest of the text is NFC already and is
/// copied. Normalising whole pages cost more than the rest of an extraction on pages with
/// a few stray combining marks (2026-12-01).
fn to_nfc(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len() + text.len() / 16);
    // `text[..copied]` is in `out`.
    let mut copied = 0;
    let mut pos = 0;
    while let Some(at) = next_byte_from_0xcc(bytes, pos) {
        let Some(rest) = text.get(at..) else {
            break;
        };
        // The unstable run being gathered: its start (the starter before it) and end.
        let mut run: Option<(usize, usize)> = None;
        pos = bytes.len();
        for (offset, c) in rest.char_indices() {
            let here = at + offset;
            let stable = is_stable(c);
            match (&mut run, stable) {
                (None, true) => {
                    if c.is_ascii() {
                        pos = here;
                        break;
                    }
                }
                (None, false) => {
                    let start = text
                        .get(..here)
                        .and_then(|before| before.char_indices().next_back())
                        .map_or(here, |(start, _)| start.max(copied));
                    run = Some((start, here + c.len_utf8()));
                }
                (Some((_, end)), false) => *end = here + c.len_utf8(),
                (Some((start, end)), true) => {
                    out.push_str(text.get(copied..*start).unwrap_or_default());
                    out.extend(text.get(*start..*end).unwrap_or_default().nfc());
                    copied = *end;
                    run = None;
                    if c.is_ascii() {
                        pos = here;
                        break;
                    }
                }
            }
        }
        if let Some((start, end)) = run {
            out.push_str(text.get(copied..start).unwrap_or_default());
            out.extend(text.get(start..end).unwrap_or_default().nfc());
            copied = end;
        }
    }
    out.push_str(text.get(copied..).unwrap_or_default());
    out
}

/// Whether `c` has canonical combining class 0 and NFC quick check Yes: NFC leaves it as
/// it is and nothing before it combines with it. Looked up in a bitmap of the Basic
/// Multilingual Plane, built a block of 256 code points at a time on first use (a page
/// touches a few blocks; building all of them took about 3 ms); other planes are not
/// stable.
fn is_stable(c: char) -> bool {
    /// Code points per lazily built block.
    const BLOCK: usize = 256;
    // Every code point below U+0300 is stable: no table needed.
    if c < '\u{300}' {
        return true;
    }
    static BLOCKS: [OnceLock<[u64; BLOCK / 64]>; 0x10000 / BLOCK] =
        [const { OnceLock::new() }; 0x10000 / BLOCK];
    let code = c as usize;
    let Some(block) = BLOCKS.get(code / BLOCK) else {
        return false;
    };
    let bits = block.get_or_init(|| {
        let mut bits = [0u64; BLOCK / 64];
        let first = code / BLOCK * BLOCK;
        for (offset, c) in (first..first + BLOCK)
            .enumerate()
            .filter_map(|(offset, code)| Some((offset, char::from_u32(code as u32)?)))
        {
            if unicode_normalization::char::canonical_combining_class(c) == 0
                && is_nfc_quick(std::iter::once(c)) == IsNormalized::Yes
                && let Some(word) = bits.get_mut(offset / 64)
            {
                *word |= 1 << (offset % 64);
            }
        }
        bits
    });
    let offset = code % BLOCK;
    bits.get(offset / 64)
        .is_some_and(|word| word & (1 << (offset % 64)) != 0)
}

/// Cleans one run of inline text: every kind of space (no-break, en/em and other fixed
/// spaces, ideographic space, line breaks, tabs) becomes a plain space and runs of them
/// collapse to one; zero-width characters, the BOM, soft hyphens, bidi marks and
/// embeddings and other control characters are removed; the result is NFC.
///
/// The ends are not trimmed (a run of spaces there becomes one space), so callers can
/// concatenate runs and trim the finished block.
pub(crate) fn clean_inline_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending_space = false;
    let bytes = text.as_bytes();
    let mut at = 0;
    while let Some(&byte) = bytes.get(at) {
        // Printable ASCII, the common case, is copied a run at a time.
        let class = if byte.is_ascii_graphic() {
            CharClass::Keep
        } else if byte.is_ascii() {
            at += 1;
            if (byte as char).is_whitespace() {
                pending_space = true;
            }
            continue;
        } else {
            text.get(at..)
                .and_then(|rest| rest.chars().next())
                .map_or(CharClass::Remove, classify)
        };
        let start = at;
        at += match class {
            CharClass::Keep if byte.is_ascii() => bytes
                .get(at..)
                .and_then(|rest| rest.iter().position(|b| !b.is_ascii_graphic()))
                .unwrap_or(bytes.len() - at),
            _ => text
                .get(at..)
                .and_then(|rest| rest.chars().next())
                .map_or(1, char::len_utf8),
        };
        match class {
            CharClass::Space => pending_space = true,
            CharClass::Remove => {}
            CharClass::Keep => {
                if pending_space {
                    out.push(' ');
                    pending_space = false;
                }
                out.push_str(text.get(start..at).unwrap_or_default());
            }
        }
    }
    if pending_space {
        out.push(' ');
    }
    // Removing a character between a base and a combining mark can leave non-NFC text.
    into_nfc(out)
}

/// Cleans preformatted text (`<pre>`): line breaks and tabs stay as they are (CR, CR LF,
/// U+2028 and U+2029 become LF), other spaces become plain spaces without collapsing, the
/// characters [`clean_inline_text`] removes are removed, and the result is NFC.
pub(crate) fn clean_preformatted_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\n' | '\t' | '\u{2028}' | '\u{2029}' => out.push(if c == '\t' { '\t' } else { '\n' }),
            '\r' => {
                if chars.peek() != Some(&'\n') {
                    out.push('\n');
                }
            }
            _ => match classify(c) {
                CharClass::Space => out.push(' '),
                CharClass::Remove => {}
                CharClass::Keep => out.push(c),
            },
        }
    }
    into_nfc(out)
}

/// What [`clean_inline_text`] does with a character.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum CharClass {
    Keep,
    Space,
    Remove,
}

fn classify(c: char) -> CharClass {
    match c {
        ' ' => CharClass::Space,
        // Printable ASCII: the common case.
        '!'..='~' => CharClass::Keep,
        // White_Space: tab, line breaks, NBSP, U+1680, U+2000–U+200A, U+2028/9, U+202F,
        // U+205F, U+3000, NEL.
        c if c.is_whitespace() => CharClass::Space,
        // Zero-width space/non-joiner/joiner, LRM/RLM, word joiner and invisible operators,
        // BOM/ZWNBSP, soft hyphen, Arabic letter mark, Mongolian vowel separator, bidi
        // embeddings, overrides and isolates.
        '\u{200B}'..='\u{200F}'
        | '\u{2060}'..='\u{2064}'
        | '\u{FEFF}'
        | '\u{00AD}'
        | '\u{061C}'
        | '\u{180E}'
        | '\u{202A}'..='\u{202E}'
        | '\u{2066}'..='\u{2069}' => CharClass::Remove,
        c if c.is_control() => CharClass::Remove,
        _ => CharClass::Keep,
    }
}

/// Whether the start of `bytes` (in an ASCII-compatible encoding) holds more than
/// [`MAX_BINARY_PERCENT`] of WHATWG "binary data bytes": C0 controls other than tab, line
/// feed, form feed, carriage return and escape.
pub(crate) fn looks_binary(bytes: &[u8]) -> bool {
    let sample = bytes.get(..BINARY_SNIFF_BYTES).unwrap_or(bytes);
    let binary = sample
        .iter()
        .filter(|&&b| matches!(b, 0x00..=0x08 | 0x0B | 0x0E..=0x1A | 0x1C..=0x1F))
        .count();
    binary * 100 > sample.len() * MAX_BINARY_PERCENT
}

/// Whether decoded `text` is implausible as a page: too many characters that were not
/// read (U+FFFD) or are control characters, one non-ASCII character making up a large
/// share of it, or almost no ASCII. Judged on the first [`PLAUSIBILITY_SAMPLE_BYTES`]; real
/// pages of every script in the corpora pass (the snapshot of 707 pages is unchanged).
pub(crate) fn implausible(text: &str) -> bool {
    let mut end = text.len().min(PLAUSIBILITY_SAMPLE_BYTES);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let sample = &text.as_bytes()[..end];
    // ASCII, most of a page's markup, is counted without decoding (a table lookup per
    // byte: 1 readable, 2 a control, 0 not ASCII); the other characters are decoded
    // where their bytes stand. Half the instructions of decoding every character.
    static ASCII_CLASS: [u8; 256] = {
        let mut table = [0u8; 256];
        let mut byte = 0;
        while byte < 128 {
            table[byte] = match byte as u8 {
                b'\t' | b'\n' | b'\r' | b'\x0C' | b' '..=b'~' => 1,
                _ => 2,
            };
            byte += 1;
        }
        table
    };
    let mut counts = [0usize; 3];
    for &byte in sample {
        counts[usize::from(ASCII_CLASS[usize::from(byte)])] += 1;
    }
    let ascii = counts[1];
    let mut unreadable = counts[2];
    let mut sampled = ascii + unreadable;
    let mut others: foldhash::HashMap<char, usize> = foldhash::HashMap::default();
    let mut at = 0;
    while let Some(offset) = sample[at..].iter().position(|b| !b.is_ascii()) {
        at += offset;
        let Some(c) = text[at..end].chars().next() else {
            break;
        };
        at += c.len_utf8();
        sampled += 1;
        match c {
            '\u{80}'..='\u{9F}' | '\u{FFFD}' => unreadable += 1,
            c if !c.is_whitespace() => *others.entry(c).or_default() += 1,
            _ => {}
        }
    }
    if sampled < MIN_PLAUSIBILITY_SAMPLE_CHARS {
        return false;
    }
    let top = others.values().copied().max().unwrap_or(0);
    unreadable * 100 > sampled * MAX_UNREADABLE_PERCENT
        || top * 100 > sampled * MAX_ONE_CHAR_PERCENT
        || ascii * 100 < sampled * MIN_ASCII_PERCENT
}

/// UTF-16LE or UTF-16BE when the start of BOM-less `bytes` shows the zero bytes of ASCII
/// characters in UTF-16 on one side of its 16-bit units and not on the other.
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    let sample = bytes.get(..UTF16_SNIFF_BYTES).unwrap_or(bytes);
    let units = sample.len() / 2;
    if units == 0 {
        return None;
    }
    let (mut little, mut big) = (0usize, 0usize);
    for unit in sample.chunks_exact(2) {
        match (unit[0], unit[1]) {
            (0, 0) => {}
            (_, 0) => little += 1,
            (0, _) => big += 1,
            _ => {}
        }
    }
    let enough = |n: usize| n * 100 >= units * MIN_UTF16_ASCII_UNITS_PERCENT;
    // The other side may hold a few zero bytes (U+0100, U+0200, … in the text).
    if enough(little) && big * 10 <= little {
        Some(UTF_16LE)
    } else if enough(big) && little * 10 <= big {
        Some(UTF_16BE)
    } else {
        None
    }
}

/// Picks the encoding and the length of the BOM to skip.
fn sniff(bytes: &[u8], content_type: Option<&str>) -> (&'static Encoding, usize) {
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        return (encoding, bom_len);
    }
    if let Some(encoding) = utf16_without_bom(bytes) {
        return (encoding, 0);
    }
    let mut stats = LazyUtf8Stats::new(bytes);
    let declared = content_type
        .and_then(charset_from_content_type)
        .and_then(|label| resolve_label(label, false))
        .and_then(|encoding| check_declared(encoding, bytes, &mut stats));
    if let Some(encoding) = declared {
        return (encoding, 0);
    }
    let meta = prescan_meta(bytes.get(..PRESCAN_BYTES).unwrap_or(bytes))
        .and_then(|encoding| check_declared(encoding, bytes, &mut stats));
    if let Some(encoding) = meta {
        return (encoding, 0);
    }
    (guess(bytes, &mut stats), 0)
}

/// The encoding for a label, with the substitutions browsers make: `replacement` is not
/// used, `x-user-defined` reads as windows-1252, and from a `<meta>` UTF-16 means UTF-8.
fn resolve_label(label: &[u8], from_meta: bool) -> Option<&'static Encoding> {
    let encoding = Encoding::for_label(label)?;
    if encoding == REPLACEMENT {
        None
    } else if encoding == X_USER_DEFINED {
        Some(WINDOWS_1252)
    } else if from_meta && (encoding == UTF_16LE || encoding == UTF_16BE) {
        Some(UTF_8)
    } else {
        Some(encoding)
    }
}

/// Checks a declared encoding against the bytes: `None` when the declaration is to be
/// ignored, otherwise the encoding to use (UTF-8 for a contradicted legacy label).
fn check_declared(
    encoding: &'static Encoding,
    bytes: &[u8],
    stats: &mut LazyUtf8Stats<'_>,
) -> Option<&'static Encoding> {
    if encoding == UTF_16LE || encoding == UTF_16BE {
        let head = bytes.get(..UTF16_NUL_CHECK_BYTES).unwrap_or(bytes);
        return head.contains(&0).then_some(encoding);
    }
    if encoding == UTF_8 && stats.is_valid() {
        return Some(UTF_8);
    }
    let stats = stats.get();
    if encoding == UTF_8 {
        // Mostly malformed: the label is wrong; look further.
        return (stats.invalid <= stats.multibyte).then_some(UTF_8);
    }
    if stats.is_utf8_with_multibyte() {
        Some(UTF_8)
    } else {
        Some(encoding)
    }
}

/// The last resort: UTF-8 if the bytes are (nearly all) valid UTF-8, else chardetng.
fn guess(bytes: &[u8], stats: &mut LazyUtf8Stats<'_>) -> &'static Encoding {
    if stats.is_valid() {
        return UTF_8;
    }
    let stats = stats.get();
    if stats.invalid == 0 || stats.is_utf8_with_multibyte() {
        return UTF_8;
    }
    let mut detector = EncodingDetector::new(Iso2022JpDetection::Deny);
    let fed = bytes.get(..DETECTOR_MAX_BYTES).unwrap_or(bytes);
    detector.feed(fed, fed.len() == bytes.len());
    detector.guess(None, Utf8Detection::Allow)
}

/// The value of the `charset` parameter of a Content-Type header value, unquoted.
fn charset_from_content_type(content_type: &str) -> Option<&[u8]> {
    content_type.split(';').find_map(|param| {
        let (name, value) = param.split_once('=')?;
        if !name.trim().eq_ignore_ascii_case("charset") {
            return None;
        }
        let value = value.trim();
        let value = value
            .strip_prefix('"')
            .map_or(value, |v| v.split('"').next().unwrap_or_default());
        let value = value.trim();
        (!value.is_empty()).then_some(value.as_bytes())
    })
}

/// How much of a byte string is UTF-8.
#[derive(Debug, Clone, Copy, Default)]
struct Utf8Stats {
    /// Well-formed multi-byte sequences.
    multibyte: usize,
    /// Malformed sequences (an incomplete sequence cut off at the very end is not counted).
    invalid: usize,
}

impl Utf8Stats {
    /// Valid multi-byte UTF-8 with at most a stray malformed sequence.
    fn is_utf8_with_multibyte(self) -> bool {
        self.multibyte > 0 && self.invalid.saturating_mul(VALID_PER_STRAY_INVALID) <= self.multibyte
    }

    fn of(bytes: &[u8]) -> Self {
        let mut stats = Self::default();
        let mut rest = bytes;
        loop {
            match std::str::from_utf8(rest) {
                Ok(valid) => {
                    stats.multibyte += count_multibyte(valid.as_bytes());
                    return stats;
                }
                Err(error) => {
                    let (valid, after) = rest.split_at(error.valid_up_to());
                    stats.multibyte += count_multibyte(valid);
                    match error.error_len() {
                        Some(len) => {
                            stats.invalid += 1;
                            rest = after.get(len..).unwrap_or_default();
                        }
                        None => return stats,
                    }
                }
            }
        }
    }
}

/// Lead bytes of multi-byte sequences in valid UTF-8.
fn count_multibyte(valid: &[u8]) -> usize {
    valid.iter().filter(|&&b| b >= 0xC0).count()
}

/// [`Utf8Stats`] computed on first use: most pages never need them (BOM, or a UTF-8
/// declaration is checked once).
struct LazyUtf8Stats<'a> {
    bytes: &'a [u8],
    stats: Option<Utf8Stats>,
    valid: Option<bool>,
}

impl<'a> LazyUtf8Stats<'a> {
    fn new(bytes: &'a [u8]) -> Self {
        Self {
            bytes,
            stats: None,
            valid: None,
        }
    }

    fn get(&mut self) -> Utf8Stats {
        *self.stats.get_or_insert_with(|| Utf8Stats::of(self.bytes))
    }

    /// Whether the bytes are valid UTF-8: one validation, without counting the
    /// multi-byte sequences the stats need (most pages are valid and need no more).
    fn is_valid(&mut self) -> bool {
        let stats = self.stats;
        let bytes = self.bytes;
        *self.valid.get_or_insert_with(|| match stats {
            Some(stats) => stats.invalid == 0,
            None => std::str::from_utf8(bytes).is_ok(),
        })
    }
}

/// WHATWG "prescan a byte stream to determine its encoding" over `head`: the charset of
/// the first `<meta>` that declares one, skipping comments and the insides of other tags.
fn prescan_meta(head: &[u8]) -> Option<&'static Encoding> {
    let mut pos = 0;
    while pos < head.len() {
        let rest = head.get(pos..).unwrap_or_default();
        if rest.starts_with(b"<!--") {
            // The `-->` may share its dashes with the opening `<!--`.
            pos += 2 + find(rest.get(2..).unwrap_or_default(), b"-->")? + 3;
        } else if starts_with_ignore_case(rest, b"<meta")
            && rest.get(5).is_some_and(|&b| is_space(b) || b == b'/')
        {
            pos += 5;
            if let Some(encoding) = meta_charset(head, &mut pos) {
                return Some(encoding);
            }
        } else if rest.first() == Some(&b'<')
            && (rest.get(1).is_some_and(u8::is_ascii_alphabetic)
                || (rest.get(1) == Some(&b'/') && rest.get(2).is_some_and(u8::is_ascii_alphabetic)))
        {
            // Another tag: skip its name, then its attributes (values may hold `>`).
            pos += 1;
            while head.get(pos).is_some_and(|&b| !is_space(b) && b != b'>') {
                pos += 1;
            }
            while get_attribute(head, &mut pos).is_some() {}
        } else if rest.starts_with(b"<!") || rest.starts_with(b"</") || rest.starts_with(b"<?") {
            pos += find(rest, b">")? + 1;
        } else {
            pos += 1;
        }
    }
    None
}

/// Reads the attributes of a `<meta>` whose name ends at `pos`; the charset it declares, if
/// it declares one the WHATWG way.
fn meta_charset(head: &[u8], pos: &mut usize) -> Option<&'static Encoding> {
    let mut seen: Vec<Vec<u8>> = Vec::new();
    let mut got_pragma = false;
    let mut need_pragma: Option<bool> = None;
    let mut charset: Option<&'static Encoding> = None;
    while let Some((name, value)) = get_attribute(head, pos) {
        if seen.contains(&name) {
            continue;
        }
        match name.as_slice() {
            b"http-equiv" => got_pragma |= value.eq_ignore_ascii_case(b"content-type"),
            b"content" if charset.is_none() => {
                if let Some(label) = charset_from_meta_content(&value) {
                    charset = resolve_label(label, true);
                    need_pragma = Some(true);
                }
            }
            b"charset" => {
                charset = resolve_label(&value, true);
                need_pragma = Some(false);
            }
            _ => {}
        }
        seen.push(name);
    }
    match need_pragma {
        None => None,
        Some(true) if !got_pragma => None,
        Some(_) => charset,
    }
}

/// WHATWG "get an attribute": the next attribute at `pos` (name lowercased), or `None` at
/// the end of the tag or of the input.
fn get_attribute(head: &[u8], pos: &mut usize) -> Option<(Vec<u8>, Vec<u8>)> {
    while head.get(*pos).is_some_and(|&b| is_space(b) || b == b'/') {
        *pos += 1;
    }
    if head.get(*pos) == Some(&b'>') {
        return None;
    }
    let mut name = Vec::new();
    let mut value = Vec::new();
    // Attribute name.
    loop {
        let &b = head.get(*pos)?;
        match b {
            b'=' if !name.is_empty() => {
                *pos += 1;
                break;
            }
            b if is_space(b) => {
                while head.get(*pos).is_some_and(|&b| is_space(b)) {
                    *pos += 1;
                }
                if head.get(*pos) != Some(&b'=') {
                    return Some((name, value));
                }
                *pos += 1;
                break;
            }
            b'/' | b'>' => return Some((name, value)),
            b => {
                name.push(b.to_ascii_lowercase());
                *pos += 1;
            }
        }
    }
    // Attribute value.
    while head.get(*pos).is_some_and(|&b| is_space(b)) {
        *pos += 1;
    }
    let &b = head.get(*pos)?;
    if b == b'"' || b == b'\'' {
        *pos += 1;
        loop {
            let &c = head.get(*pos)?;
            *pos += 1;
            if c == b {
                return Some((name, value));
            }
            value.push(c.to_ascii_lowercase());
        }
    }
    if b == b'>' {
        return Some((name, value));
    }
    loop {
        let &c = head.get(*pos)?;
        if is_space(c) || c == b'>' {
            return Some((name, value));
        }
        value.push(c.to_ascii_lowercase());
        *pos += 1;
    }
}

/// WHATWG "extracting a character encoding from a meta element": the label after
/// `charset=` in a `content` attribute value.
fn charset_from_meta_content(content: &[u8]) -> Option<&[u8]> {
    let mut pos = 0;
    loop {
        let at = find_ignore_case(content.get(pos..)?, b"charset")?;
        pos += at + b"charset".len();
        while content.get(pos).is_some_and(|&b| is_space(b)) {
            pos += 1;
        }
        if content.get(pos) == Some(&b'=') {
            pos += 1;
            break;
        }
    }
    while content.get(pos).is_some_and(|&b| is_space(b)) {
        pos += 1;
    }
    let rest = content.get(pos..)?;
    match rest.first()? {
        &quote @ (b'"' | b'\'') => {
            let inner = rest.get(1..)?;
            let end = inner.iter().position(|&b| b == quote)?;
            inner.get(..end)
        }
        _ => {
            let end = rest
                .iter()
                .position(|&b| is_space(b) || b == b';')
                .unwrap_or(rest.len());
            rest.get(..end).filter(|label| !label.is_empty())
        }
    }
}

/// ASCII whitespace as the WHATWG prescan defines it.
fn is_space(b: u8) -> bool {
    matches!(b, b'\t' | b'\n' | b'\x0C' | b'\r' | b' ')
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

fn find_ignore_case(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack
        .windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle))
}

fn starts_with_ignore_case(haystack: &[u8], prefix: &[u8]) -> bool {
    haystack
        .get(..prefix.len())
        .is_some_and(|start| start.eq_ignore_ascii_case(prefix))
}

/// Whitespace runs (including NBSP) collapsed to one space, ends trimmed: the one
/// whitespace folding of the renderers and the metadata readers.
pub(crate) fn collapse(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// "Tiếng Việt" in windows-1258: tone marks are separate combining bytes.
    const VIET_1258: &[u8] = b"Ti\xEA\xECng Vi\xEA\xF2t";

    fn enc(bytes: &[u8], content_type: Option<&str>) -> &'static str {
        decode(bytes, content_type).encoding.name()
    }

    #[test]
    fn bom_wins_over_everything() {
        let mut bytes = vec![0xFF, 0xFE];
        for unit in "<meta charset=gbk>Việt".encode_utf16() {
            bytes.extend_from_slice(&unit.to_le_bytes());
        }
        let decoded = decode(&bytes, Some("text/html; charset=windows-1252"));
        assert_eq!(decoded.encoding, UTF_16LE);
        assert_eq!(decoded.text, "<meta charset=gbk>Việt");
        let decoded = decode("\u{FEFF}Việt".as_bytes(), Some("text/html; charset=gbk"));
        assert_eq!(decoded.encoding, UTF_8);
        assert_eq!(decoded.text, "Việt");
    }

    #[test]
    fn header_charset_decodes_windows_1258_to_nfc() {
        let decoded = decode(VIET_1258, Some("text/html; Charset=\"windows-1258\""));
        assert_eq!(decoded.encoding.name(), "windows-1258");
        assert_eq!(decoded.text, "Tiếng Việt");
    }

    #[test]
    fn meta_charset_and_http_equiv() {
        let mut page = b"<html><head><meta charset='windows-1258'></head>".to_vec();
        page.extend_from_slice(VIET_1258);
        assert_eq!(enc(&page, None), "windows-1258");
        assert!(decode(&page, None).text.ends_with("Tiếng Việt"));
        let mut page =
            b"<META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; charset=windows-1258\">"
                .to_vec();
        page.extend_from_slice(VIET_1258);
        assert_eq!(enc(&page, None), "windows-1258");
    }

    #[test]
    fn meta_content_without_http_equiv_is_ignored() {
        let page = b"<meta content=\"text/html; charset=gbk\"><p>abc</p>";
        assert_eq!(enc(page, None), "UTF-8");
    }

    #[test]
    fn meta_in_comment_or_attribute_is_ignored() {
        let page = b"<!-- <meta charset=gbk> --><div title=\"<meta charset=gbk>\">x</div>";
        assert_eq!(enc(page, None), "UTF-8");
    }

    #[test]
    fn meta_utf16_means_utf8() {
        assert_eq!(
            enc("<meta charset=utf-16le><p>Việt</p>".as_bytes(), None),
            "UTF-8"
        );
    }

    #[test]
    fn header_beats_meta() {
        let page = "<meta charset=windows-1252><p>Việt Nam</p>".as_bytes();
        assert_eq!(enc(page, Some("text/html; charset=utf-8")), "UTF-8");
        assert_eq!(
            decode(page, Some("text/html; charset=utf-8")).text,
            "<meta charset=windows-1252><p>Việt Nam</p>"
        );
    }

    #[test]
    fn mislabeled_legacy_charset_is_overridden_by_valid_utf8() {
        let page = "<meta charset=iso-8859-1><p>Hà Nội mùa thu</p>".as_bytes();
        let decoded = decode(page, None);
        assert_eq!(decoded.encoding, UTF_8);
        assert!(decoded.text.contains("Hà Nội"));
        assert_eq!(enc(page, Some("text/html; charset=windows-1252")), "UTF-8");
    }

    #[test]
    fn ascii_page_with_legacy_label_keeps_it() {
        assert_eq!(enc(b"<p>plain</p>", Some("text/html; charset=gbk")), "GBK");
    }

    #[test]
    fn wrong_utf8_header_falls_through_to_meta() {
        let mut page = b"<meta charset=windows-1258><p>".to_vec();
        for _ in 0..4 {
            page.extend_from_slice(VIET_1258);
        }
        assert_eq!(enc(&page, Some("text/html; charset=UTF-8")), "windows-1258");
    }

    #[test]
    fn undeclared_utf8_with_stray_byte_stays_utf8() {
        let mut page = "<p>Hà Nội mùa thu năm nay đến sớm hơn mọi năm.</p>"
            .repeat(10)
            .into_bytes();
        page.push(0xFF);
        let decoded = decode(&page, None);
        assert_eq!(decoded.encoding, UTF_8);
        assert!(decoded.text.ends_with('\u{FFFD}'));
    }

    #[test]
    fn undeclared_legacy_goes_to_chardetng() {
        // "Привет, мир" in windows-1251 repeated: plainly not UTF-8.
        let page = b"<p>\xCF\xF0\xE8\xE2\xE5\xF2, \xEC\xE8\xF0! </p>".repeat(20);
        assert_eq!(enc(&page, None), "windows-1251");
    }

    #[test]
    fn utf16_header_without_nuls_is_ignored() {
        assert_eq!(
            enc(b"<p>hello</p>", Some("text/html; charset=utf-16")),
            "UTF-8"
        );
    }

    #[test]
    fn replacement_label_is_ignored() {
        assert_eq!(
            enc(b"<p>hello</p>", Some("text/html; charset=iso-2022-kr")),
            "UTF-8"
        );
    }

    #[test]
    fn empty_and_truncated_input() {
        assert_eq!(decode(b"", None).text, "");
        assert_eq!(decode(b"<meta charset=", None).encoding, UTF_8);
        assert_eq!(decode(b"<meta charset=\"gbk", None).encoding, UTF_8);
        assert_eq!(decode(b"<!-- <meta", None).encoding, UTF_8);
        // A multi-byte sequence cut off at the end is not a contradiction.
        assert_eq!(
            decode(&"Việt".as_bytes()[..5], Some("text/html; charset=utf-8")).encoding,
            UTF_8
        );
    }

    #[test]
    fn binary_input_decodes_to_nothing() {
        let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
        png.resize(2048, 0);
        assert_eq!(decode(&png, None).text, "");
        // A stray control byte in a page is not binary.
        let page = "<p>Hà Nội</p>".repeat(50) + "\u{1}\u{1A}";
        assert!(decode(page.as_bytes(), None).text.contains("Hà Nội"));
        // UTF-16 holds NULs by nature.
        let mut utf16 = vec![0xFF, 0xFE];
        for unit in "<p>abc</p>".encode_utf16() {
            utf16.extend_from_slice(&unit.to_le_bytes());
        }
        assert_eq!(decode(&utf16, None).text, "<p>abc</p>");
    }

    #[test]
    fn nfc_check_starts_at_the_first_byte_that_may_combine() {
        // Agrees with the full quick check on text around every block boundary.
        for len in [0, 1, 63, 64, 65, 127, 128, 200] {
            let prefix = "a".repeat(len);
            for tail in [
                "",
                "ệ",
                "e\u{0302}\u{0323}",
                "é",
                "\u{0301}",
                "ǅ",
                "\u{02FF}x",
            ] {
                let text = format!("{prefix}{tail}");
                let full = is_nfc_quick(text.chars()) == IsNormalized::Yes;
                assert_eq!(is_nfc(&text), full, "{text:?}");
            }
        }
    }

    #[test]
    fn nfc_check_agrees_with_the_full_check_on_every_character() {
        let marks = ['\u{0301}', '\u{0323}', '\u{0F72}', '\u{3099}'];
        for code in (0..0x11000u32).chain(0x1D100..0x1D200) {
            let Some(c) = char::from_u32(code) else {
                continue;
            };
            for text in [format!("a{c}"), format!("{c}{}", marks[code as usize % 4])] {
                let full = is_nfc_quick(text.chars()) == IsNormalized::Yes;
                assert_eq!(is_nfc(&text), full, "{text:?}");
            }
        }
    }

    #[test]
    fn partial_normalisation_agrees_with_the_whole_text_one() {
        let marks = [
            '\u{0301}', '\u{0323}', '\u{0F72}', '\u{3099}', '\u{1161}', '\u{11A8}',
        ];
        let mut texts: Vec<String> = vec![
            String::new(),
            "\u{0301}abc".into(),
            "Vie\u{0323}\u{0302}t Nam đo\u{0302}\u{0309}i mo\u{031B}\u{0301}i".into(),
            "e\u{0323}\u{0302}\u{0301}x ’ \u{1100}\u{1161}\u{11A8} 가\u{11A8} \u{0958}".into(),
            format!("{}é\u{0301}{}", "a".repeat(100), "ệ".repeat(40)),
            "ḉ\u{0327}\u{0301}ǖ\u{0300} \u{212B} \u{2126}Ω \u{FB2C}\u{05BC}".into(),
        ];
        for code in (0..0x11000u32).step_by(3).chain(0x1D15E..0x1D1C0) {
            if let Some(c) = char::from_u32(code) {
                let mark = marks[code as usize % marks.len()];
                texts.push(format!("x{c}{mark}y {c}{c}{mark}{mark} a"));
            }
        }
        for text in &texts {
            let whole: String = text.nfc().collect();
            assert_eq!(to_nfc(text), whole, "{text:?}");
        }
    }

    #[test]
    fn nfd_input_becomes_nfc() {
        let nfd: String = "Việt Nam đổi mới".nfd().collect();
        assert_ne!(nfd, "Việt Nam đổi mới");
        assert_eq!(decode(nfd.as_bytes(), None).text, "Việt Nam đổi mới");
        assert!(matches!(nfc("abc"), Cow::Borrowed(_)));
    }

    #[test]
    fn charset_parameter_parsing() {
        assert_eq!(
            charset_from_content_type("text/html;charset=UTF-8"),
            Some(&b"UTF-8"[..])
        );
        assert_eq!(
            charset_from_content_type("text/html; charset=\"gbk\"; x=y"),
            Some(&b"gbk"[..])
        );
        assert_eq!(charset_from_content_type("text/html"), None);
        assert_eq!(charset_from_content_type("text/html; charset="), None);
        assert_eq!(
            charset_from_meta_content(b"text/html; charset = 'big5'"),
            Some(&b"big5"[..])
        );
        assert_eq!(
            charset_from_meta_content(b"text/html;charset=gbk;x"),
            Some(&b"gbk"[..])
        );
        assert_eq!(charset_from_meta_content(b"text/html; charset=\"gbk"), None);
    }

    #[test]
    fn clean_inline_text_spaces_and_invisibles() {
        assert_eq!(clean_inline_text("  a \u{A0}\u{2009}b\n\tc  "), " a b c ");
        assert_eq!(clean_inline_text("Hà\u{200B}Nội\u{00AD}"), "HàNội");
        assert_eq!(
            clean_inline_text("\u{200F}مرحبا\u{202B}x\u{202C}\u{FEFF}"),
            "مرحباx"
        );
        assert_eq!(clean_inline_text("a\u{0}b\u{7}c\u{85}d\u{9F}"), "abc d");
        assert_eq!(clean_inline_text("\u{3000}"), " ");
        assert_eq!(clean_inline_text("a \u{200B} b"), "a b");
    }

    #[test]
    fn clean_preformatted_text_keeps_layout() {
        assert_eq!(
            clean_preformatted_text("a  b\r\n\tc\u{A0}\u{E}d\re\u{2028}o\u{AD}\u{302}"),
            "a  b\n\tc d\ne\nô"
        );
    }

    #[test]
    fn clean_inline_text_agrees_with_the_char_by_char_rule() {
        // The rule in its plain form: classify every character.
        fn reference(text: &str) -> String {
            let mut out = String::new();
            let mut pending_space = false;
            for c in text.chars() {
                match classify(c) {
                    CharClass::Space => pending_space = true,
                    CharClass::Remove => {}
                    CharClass::Keep => {
                        if pending_space {
                            out.push(' ');
                        }
                        pending_space = false;
                        out.push(c);
                    }
                }
            }
            if pending_space {
                out.push(' ');
            }
            nfc(&out).into_owned()
        }
        let mut texts: Vec<String> = [
            "",
            " ",
            "a",
            "  a \u{A0}\u{2009}b\n\tc  ",
            "x\u{7F}y\u{1}z\u{B}w",
            "Hà\u{200B}Nội\u{00AD} – “trích”",
            "o\u{AD}\u{302}",
            "日本語 テキスト\u{3000}です",
        ]
        .iter()
        .map(|t| t.to_string())
        .collect();
        texts.extend(
            (0..0x3100u32)
                .step_by(7)
                .filter_map(char::from_u32)
                .map(|c| format!("a{c}b {c}\t{c}{c}c")),
        );
        for text in &texts {
            assert_eq!(clean_inline_text(text), reference(text), "{text:?}");
        }
    }

    #[test]
    fn clean_inline_text_renormalises() {
        // A soft hyphen between a base letter and its combining mark.
        assert_eq!(clean_inline_text("o\u{AD}\u{302}"), "ô");
    }
}
