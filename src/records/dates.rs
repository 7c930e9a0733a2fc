//! Dates as departments type them into 双公示 records.
//!
//! Accepted (each optionally followed by a time part — a space or `T`, then
//! `H:MM`, `H:MM:SS`, optional fraction, or `H时M分[S秒]` — which is ignored):
//!
//! | form | example |
//! |---|---|
//! | ISO | `2026-01-05` |
//! | slashes, dots, hyphens, unpadded | `2026/1/5`, `2026.1.5`, `2026-1-5` |
//! | Chinese | `2026年1月5日` (full-width digits too) |
//! | compact | `20260105` |
//! | Excel serial number (1900 date system) | `46027` = 2026-01-05, `46027.5` |
//!
//! Excel serial numbers count days from 1900-01-01 (= 1) and keep Lotus
//! 1-2-3's bug: they treat 1900 as a leap year, so serial 60 is the
//! non-existent 1900-02-29 (refused here) and every serial from 61 on is one
//! more than the true day count (serial 61 = 1900-03-01). Serials from 1 to
//! 2958465 (9999-12-31) are taken; an 8-digit number is read as `YYYYMMDD`
//! first. Only the platform's own form `YYYY-MM-DD` is not reported: every
//! other accepted form gets a `date_format` warning in a record check.
//!
//! ```
//! use chrono::NaiveDate;
//! use xinyong::records::dates::{parse_date, DateForm};
//! let d = NaiveDate::from_ymd_opt(2026, 1, 5).unwrap();
//! assert_eq!(parse_date("2026-01-05"), Some((d, DateForm::Iso)));
//! assert_eq!(parse_date("2026年1月5日 10:30"), Some((d, DateForm::Other)));
//! assert_eq!(parse_date("46027"), Some((d, DateForm::ExcelSerial)));
//! assert_eq!(parse_date("1900-02-29"), None);
//! assert_eq!(parse_date("60"), None); // Excel's phantom 1900-02-29
//! ```

use chrono::NaiveDate;

/// How a parsed date was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DateForm {
    /// `YYYY-MM-DD` exactly (a time part allowed).
    Iso,
    /// Another accepted textual form.
    Other,
    /// An Excel serial number.
    ExcelSerial,
}

/// The largest Excel serial number (9999-12-31).
pub const MAX_EXCEL_SERIAL: u32 = crate::table::xlsx::MAX_EXCEL_SERIAL;

/// A date typed by a person, and how it was written; `None` when it is no
/// real date in one of the accepted forms (see the module docs). Never panics.
pub fn parse_date(input: &str) -> Option<(NaiveDate, DateForm)> {
    // The platform's own form, without allocating.
    let t = input.trim().as_bytes();
    if let [y0, y1, y2, y3, b'-', m0, m1, b'-', d0, d1] = *t {
        let digits = [y0, y1, y2, y3, m0, m1, d0, d1];
        if digits.iter().all(u8::is_ascii_digit) {
            let n = |ds: &[u8]| ds.iter().fold(0u32, |n, &b| n * 10 + u32::from(b - b'0'));
            let d = NaiveDate::from_ymd_opt(
                i32::try_from(n(&digits[..4])).ok()?,
                n(&digits[4..6]),
                n(&digits[6..]),
            )?;
            return Some((d, DateForm::Iso));
        }
    }
    let folded: String = input
        .trim()
        .chars()
        .map(|c| match c {
            '０'..='９' => char::from_u32(u32::from(c) - 0xFF10 + u32::from('0')).unwrap_or(c),
            '／' => '/',
            '－' | '—' | '–' => '-',
            '．' => '.',
            '：' => ':',
            '\u{3000}' => ' ',
            c => c,
        })
        .collect();
    if folded.is_empty() || folded.len() > 64 {
        return None;
    }
    if let Some(d) = excel_serial(&folded) {
        return Some((d, DateForm::ExcelSerial));
    }
    let (date, time) = split_time(&folded)?;
    if !time.is_empty() && !valid_time(time) {
        return None;
    }
    let iso =
        date.len() == 10 && date.as_bytes().get(4) == Some(&b'-') && date.as_bytes().get(7) == Some(&b'-');
    let ymd = if date.len() == 8 && date.bytes().all(|b| b.is_ascii_digit()) {
        Some((date.get(0..4)?, date.get(4..6)?, date.get(6..8)?))
    } else if let Some(rest) = date.strip_suffix('日') {
        let (y, rest) = rest.split_once('年')?;
        let (m, d) = rest.split_once('月')?;
        Some((y, m, d))
    } else {
        let sep = date.chars().find(|c| matches!(c, '-' | '/' | '.'))?;
        let mut parts = date.split(sep);
        let t = (parts.next()?, parts.next()?, parts.next()?);
        if parts.next().is_some() {
            return None;
        }
        Some(t)
    }?;
    let num = |s: &str, max_len: usize| -> Option<u32> {
        let s = s.trim();
        if s.is_empty() || s.len() > max_len || !s.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        s.parse().ok()
    };
    if ymd.0.trim().len() != 4 {
        return None;
    }
    let y = i32::try_from(num(ymd.0, 4)?).ok()?;
    let d = NaiveDate::from_ymd_opt(y, num(ymd.1, 2)?, num(ymd.2, 2)?)?;
    Some((d, if iso { DateForm::Iso } else { DateForm::Other }))
}

/// Splits `date[ T]time`; the Chinese form may carry `10时30分` directly.
fn split_time(s: &str) -> Option<(&str, &str)> {
    if let Some(i) = s.find(['T', ' ']) {
        let (d, t) = (s.get(..i)?, s.get(i + 1..)?);
        return Some((d.trim(), t.trim()));
    }
    if let Some(i) = s.find('日') {
        let (d, t) = (s.get(..i + '日'.len_utf8())?, s.get(i + '日'.len_utf8()..)?);
        return Some((d, t.trim()));
    }
    Some((s, ""))
}

/// `H:MM[:SS[.fff]]` or `H时[M分[S秒]]` (or `H点…`).
fn valid_time(t: &str) -> bool {
    let t = t.trim_end_matches('Z');
    let parts: Vec<&str> = if t.contains(':') {
        t.split(':').collect()
    } else {
        t.split(['时', '点', '分', '秒']).filter(|p| !p.is_empty()).collect()
    };
    if parts.is_empty() || parts.len() > 3 {
        return false;
    }
    let limits = [23u32, 59, 60];
    parts.iter().zip(limits).enumerate().all(|(i, (p, max))| {
        let p = if i == 2 { p.split('.').next().unwrap_or("") } else { p };
        !p.is_empty()
            && p.len() <= 2
            && p.bytes().all(|b| b.is_ascii_digit())
            && p.parse::<u32>().is_ok_and(|n| n <= max)
    })
}

/// An Excel serial number (whole days, optional fraction of a day).
fn excel_serial(s: &str) -> Option<NaiveDate> {
    let (whole, fraction) = s.split_once('.').unwrap_or((s, ""));
    if whole.is_empty() || whole.len() > 7 || !whole.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    if !fraction.bytes().all(|b| b.is_ascii_digit()) || (s.contains('.') && fraction.is_empty()) {
        return None;
    }
    if whole.len() == 8 {
        return None;
    }
    excel_serial_date(whole.parse().ok()?)
}

/// The day of an Excel serial number in the 1900 date system (with its
/// 1900-02-29 bug): `None` for 0, 60 and past [`MAX_EXCEL_SERIAL`].
///
/// ```
/// use chrono::NaiveDate;
/// use xinyong::records::dates::excel_serial_date;
/// let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d);
/// assert_eq!(excel_serial_date(1), d(1900, 1, 1));
/// assert_eq!(excel_serial_date(59), d(1900, 2, 28));
/// assert_eq!(excel_serial_date(60), None);
/// assert_eq!(excel_serial_date(61), d(1900, 3, 1));
/// assert_eq!(excel_serial_date(2_958_465), d(9999, 12, 31));
/// ```
pub fn excel_serial_date(serial: u32) -> Option<NaiveDate> {
    crate::table::xlsx::excel_1900_serial_date(serial)
}

/// An open end of a validity period: `长期`, `永久`, `长期有效`, `无期限`,
/// `9999-12-31` (the last is also a date). Platforms differ; these are the
/// spellings accepted here (documented in `docs/records.md`).
///
/// ```
/// assert!(xinyong::records::dates::is_open_end(" 长期有效 "));
/// assert!(!xinyong::records::dates::is_open_end("2027-01-01"));
/// ```
pub fn is_open_end(value: &str) -> bool {
    matches!(
        value.trim(),
        "长期" | "长期有效" | "永久" | "永久有效" | "无期限" | "長期" | "長期有效" | "無期限"
    )
}
