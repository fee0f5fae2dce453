//! Comparing RFC 3339 / ISO 8601 times written differently: shared by `tests/metadata.rs`
//! and `benches/metadata.rs` (through `#[path]`).

/// A parsed RFC 3339 / ISO 8601 time: UTC seconds, and how precise the text was
/// (0 date, 1 minutes, 2 seconds).
pub fn instant(text: &str) -> Option<(i64, u8)> {
    let t = text.trim();
    let num = |s: &str| s.parse::<i64>().ok();
    let (y, mo, d) = (num(t.get(0..4)?)?, num(t.get(5..7)?)?, num(t.get(8..10)?)?);
    let days = days_from_civil(y, mo, d);
    let rest = t.get(10..).unwrap_or("");
    if rest.is_empty() {
        return Some((days * 86_400, 0));
    }
    let rest = rest.trim_start_matches(['T', ' ']);
    let (h, mi) = (num(rest.get(0..2)?)?, num(rest.get(3..5)?)?);
    let mut tail = rest.get(5..).unwrap_or("");
    let mut precision = 1;
    let mut s = 0;
    if let Some(after) = tail.strip_prefix(':') {
        s = num(after.get(0..2)?)?;
        precision = 2;
        tail = after.get(2..).unwrap_or("");
    }
    let tail = tail
        .trim_start_matches(|c: char| c == '.' || c.is_ascii_digit())
        .trim();
    let offset = if tail.is_empty() || tail == "Z" {
        0
    } else {
        let sign = if tail.starts_with('-') { -1 } else { 1 };
        let digits: String = tail.chars().filter(char::is_ascii_digit).collect();
        let (oh, om) = (
            num(digits.get(0..2)?)?,
            digits.get(2..4).and_then(num).unwrap_or(0),
        );
        sign * (oh * 3600 + om * 60)
    };
    Some((days * 86_400 + h * 3600 + mi * 60 + s - offset, precision))
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
pub fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// Whether `got` is the instant `want` names, at `want`'s precision. A gold time without
/// offset is a wall-clock time: `got` is then compared on its own wall clock.
pub fn same_instant(want: &str, got: &str) -> bool {
    // The wall-clock part of a time ("2025-02-02T09:00:00" of "…+01:00"), and whether an
    // offset followed it.
    let local = |t: &str| {
        let t = t.trim();
        match t
            .char_indices()
            .skip(11)
            .find(|(_, c)| matches!(c, '+' | '-' | 'Z'))
        {
            Some((at, _)) => (t[..at].trim_end().to_string(), true),
            None => (t.to_string(), false),
        }
    };
    let (want, got) = match local(want) {
        (wall, false) => (wall, local(got).0),
        _ => (want.to_string(), got.to_string()),
    };
    let (Some((w, precision)), Some((g, _))) = (instant(&want), instant(&got)) else {
        return false;
    };
    match precision {
        // A bare date: compare the calendar dates as written.
        0 => want.get(0..10) == got.get(0..10),
        1 => w.div_euclid(60) == g.div_euclid(60),
        _ => w == g,
    }
}
