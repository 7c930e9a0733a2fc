//! Civil dates written `YYYY-MM-DD`: the one strict parser and formatter the
//! JSON inputs of the repair and status modules share.

use chrono::{Datelike, NaiveDate};

/// Parses a strict `YYYY-MM-DD` civil date: exactly ten ASCII characters, a
/// real calendar day, year 0001-9999. Anything else (`2026-02-29`,
/// `0000-01-01`, `2026-1-5`, a time, full-width digits) is `None`.
pub(crate) fn parse_iso_date(s: &str) -> Option<NaiveDate> {
    let b = s.as_bytes();
    if b.len() != 10 || b.get(4) != Some(&b'-') || b.get(7) != Some(&b'-') {
        return None;
    }
    let num = |range: std::ops::Range<usize>| -> Option<u32> {
        b.get(range)?
            .iter()
            .try_fold(0u32, |n, &c| n.checked_mul(10)?.checked_add(char::from(c).to_digit(10)?))
    };
    let (y, m, d) = (num(0..4)?, num(5..7)?, num(8..10)?);
    if y == 0 {
        return None;
    }
    NaiveDate::from_ymd_opt(i32::try_from(y).ok()?, m, d)
}

/// Formats a date as `YYYY-MM-DD` (four-digit, zero-padded year).
pub(crate) fn format_iso_date(d: NaiveDate) -> String {
    format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strict_dates() {
        for ok in ["2024-02-29", "0001-01-01", "9999-12-31"] {
            assert_eq!(parse_iso_date(ok).map(format_iso_date).as_deref(), Some(ok));
        }
        for bad in [
            "2026-02-29",
            "0000-01-01",
            "2026-1-5",
            "2026-01-05T00:00",
            "２０２４-０１-０２",
            "+02024-01-0",
            "",
        ] {
            assert_eq!(parse_iso_date(bad), None, "{bad}");
        }
    }
}
