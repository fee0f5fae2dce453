//! Takes raw bytes and an optional Content-Type; returns the page as an NFC `String` and
//! the encoding used.

use std::borrow::Cow;
use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

/// A decoded page.
pub(crate) struct Decoded {
    /// The page text, NFC.
    pub text: String,
    /// The encoding the bytes were read with.
    pub encoding: &'static encoding_rs::Encoding,
}

/// Decodes `bytes`: BOM, then UTF-8 with replacement (placeholder until charset sniffing).
pub(crate) fn decode(bytes: &[u8], _content_type: Option<&str>) -> Decoded {
    let (text, encoding, _) = encoding_rs::UTF_8.decode(bytes);
    Decoded {
        text: nfc(&text).into_owned(),
        encoding,
    }
}

/// `text` in Unicode NFC, borrowed when it already is.
pub(crate) fn nfc(text: &str) -> Cow<'_, str> {
    match is_nfc_quick(text.chars()) {
        IsNormalized::Yes => Cow::Borrowed(text),
        _ => Cow::Owned(text.nfc().collect()),
    }
}
