//! Byte scanners shared by the pre-scan, the tokenizer and the metadata readers: the bottom
//! of the `html` module, with nothing below it.

/// Where a comment whose text starts at `body` (after `<!--`) ends: the end of its text
/// and the position after its `-->` (or `--!>`, whichever comes first); `None` when the
/// input ends first. The abrupt `<!-->` and `<!--->` are the caller's.
pub(crate) fn comment_end(bytes: &[u8], body: usize) -> Option<(usize, usize)> {
    let mut pos = body;
    loop {
        let dashes = find(bytes, pos, b"--")?;
        match bytes.get(dashes + 2..) {
            Some([b'>', ..]) => return Some((dashes, dashes + 3)),
            Some([b'!', b'>', ..]) => return Some((dashes, dashes + 4)),
            _ => pos = dashes + 1,
        }
    }
}

/// Position of the `</name` that ends a raw-text element whose contents start at `pos`
/// (a `</name` the input ends right after counts too).
pub(crate) fn find_end_tag(bytes: &[u8], mut pos: usize, name: &[u8]) -> Option<usize> {
    loop {
        let at = find(bytes, pos, b"</")?;
        let after = at + 2 + name.len();
        let matches = bytes
            .get(at + 2..after)
            .is_some_and(|candidate| candidate.eq_ignore_ascii_case(name))
            && bytes.get(after).is_none_or(|&b| ends_name(b));
        if matches {
            return Some(at);
        }
        pos = at + 2;
    }
}

/// Whether `haystack` holds `needle`, ASCII case ignored.
pub(crate) fn contains_ignore_ascii_case(haystack: &[u8], needle: &[u8]) -> bool {
    haystack
        .windows(needle.len())
        .any(|window| window.eq_ignore_ascii_case(needle))
}

/// Where the text of a `<script>` started at `pos` ends: the `</script` the tokenizer
/// stops at. Follows the script-data states of the HTML standard: inside `<!--`, a
/// `<script` opens a double-escaped run in which `</script` does not end the element,
/// until its own `</script` or a `-->`.
pub(super) fn find_script_end(bytes: &[u8], from: usize) -> Option<usize> {
    #[derive(PartialEq)]
    enum State {
        Data,
        Escaped,
        DoubleEscaped,
    }
    let mut state = State::Data;
    // The earliest index the dashes of a closing `-->` may start at.
    let mut dashes_from = 0;
    let mut pos = from;
    loop {
        let at = if state == State::Data {
            pos + memchr::memchr(b'<', bytes.get(pos..)?)?
        } else {
            pos + memchr::memchr2(b'<', b'>', bytes.get(pos..)?)?
        };
        let rest = bytes.get(at..).unwrap_or_default();
        if rest.first() == Some(&b'>') {
            if at >= dashes_from + 2 && bytes.get(at - 2..at) == Some(b"--") {
                state = State::Data;
            }
            pos = at + 1;
            continue;
        }
        match state {
            State::Data if rest.starts_with(b"<!--") => {
                state = State::Escaped;
                dashes_from = at + 2;
                pos = at + 4;
                continue;
            }
            _ if rest.get(1) == Some(&b'/') && is_tag_named(rest, 2, b"script") => {
                if state == State::DoubleEscaped {
                    state = State::Escaped;
                } else {
                    return Some(at);
                }
            }
            State::Escaped if is_tag_named(rest, 1, b"script") => {
                state = State::DoubleEscaped;
            }
            _ => {}
        }
        pos = at + 1;
    }
}

/// Whether `markup[offset..]` starts with `name` (ASCII case ignored) followed by a space,
/// `/` or `>`.
pub(super) fn is_tag_named(markup: &[u8], offset: usize, name: &[u8]) -> bool {
    markup
        .get(offset..offset + name.len())
        .is_some_and(|candidate| candidate.eq_ignore_ascii_case(name))
        && markup
            .get(offset + name.len())
            .is_some_and(|&b| ends_name(b))
}

pub(super) fn find(bytes: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    if needle.is_empty() {
        return None;
    }
    memchr::memmem::find(bytes.get(from..)?, needle).map(|at| from + at)
}

/// A byte that ends a tag or attribute name: a space, `/` or `>`.
pub(crate) fn ends_name(b: u8) -> bool {
    is_space(b) || b == b'/' || b == b'>'
}

/// The first position from `pos` that is not a space.
pub(crate) fn skip_spaces(bytes: &[u8], mut pos: usize) -> usize {
    while bytes.get(pos).is_some_and(|&b| is_space(b)) {
        pos += 1;
    }
    pos
}

/// HTML whitespace (carriage returns included, as the pre-scan reads the page before they
/// are normalised).
pub(crate) fn is_space(b: u8) -> bool {
    matches!(b, b'\t' | b'\n' | b'\x0C' | b'\r' | b' ')
}
