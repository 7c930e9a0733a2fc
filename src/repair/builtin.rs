//! The built-in rule sets as compiled by `build/rulesets.rs` from
//! `src/repair/rulesets/*.json`: per table a byte code and the concatenated
//! text of its strings, decoded here into a [`RuleSet`] without any JSON.
//! Used by the browser's card module only (`cfg(card_module)`): it then
//! carries neither the JSON rule-set reader nor `RuleSet::validate` (every
//! other build reads the JSON; the status module keeps the reader for a
//! portal's own rule sets, and there this decoder measured +870 B gzip).
//! Compiled in tests too: the test below checks the decoded tables against
//! the JSON path field by field.
//! The field order and encodings are those of `build/rulesets.rs`'s `Writer`
//! (strings: byte length, optional ones + 1; enums: index in their
//! `json_names!` list; lists: length, optional ones + 1; dates: year, month,
//! day; numbers: unsigned LEB128).
//!
//! The reader never fails midway: anything malformed (which the build and
//! the test below rule out) marks the reader bad and reads on with a
//! placeholder, and [`decode`] then gives `None`. No early returns means no
//! clean-up paths for half-built values, which kept this code small.

use super::dates::Period;
use super::rules::{Earliest, ProcedureRule, Publication, RefusalRule, RuleRow, RuleSet};
use crate::json::read::FromIndex;
use chrono::NaiveDate;

include!(concat!(env!("OUT_DIR"), "/rulesets.rs"));

/// A cursor over one table's code and text.
struct Reader {
    code: &'static [u8],
    text: &'static str,
    ok: bool,
}

impl Reader {
    fn byte(&mut self) -> u8 {
        match self.code.split_first() {
            Some((&b, rest)) => {
                self.code = rest;
                b
            }
            None => {
                self.ok = false;
                0
            }
        }
    }

    /// Unsigned LEB128 (at most 35 bits read; the tables' numbers are small).
    fn uint(&mut self) -> u32 {
        let mut n = 0u32;
        for shift in [0, 7, 14, 21, 28] {
            let b = self.byte();
            n |= u32::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return n;
            }
        }
        self.ok = false;
        n
    }

    #[inline(never)]
    fn take(&mut self, len: u32) -> String {
        let len = len as usize;
        match (self.text.get(..len), self.text.get(len..)) {
            (Some(s), Some(rest)) => {
                self.text = rest;
                s.to_string()
            }
            _ => {
                self.ok = false;
                String::new()
            }
        }
    }

    fn string(&mut self) -> String {
        let len = self.uint();
        self.take(len)
    }

    #[inline(never)]
    fn opt_string(&mut self) -> Option<String> {
        match self.uint() {
            0 => None,
            n => Some(self.take(n - 1)),
        }
    }

    fn name<T: FromIndex>(&mut self) -> T {
        let (v, ok) = T::from_index(self.byte());
        self.ok &= ok;
        v
    }

    /// `n` items read by `item`.
    #[inline(never)]
    fn items<T>(&mut self, n: u32, item: fn(&mut Self) -> T) -> Vec<T> {
        let mut out = Vec::new();
        for _ in 0..n {
            out.push(item(self));
        }
        out
    }

    #[inline(never)]
    fn list<T: FromIndex>(&mut self) -> Vec<T> {
        let n = self.uint();
        self.items(n, Self::name)
    }

    #[inline(never)]
    fn opt_list<T>(&mut self, item: fn(&mut Self) -> T) -> Option<Vec<T>> {
        match self.uint() {
            0 => None,
            n => Some(self.items(n - 1, item)),
        }
    }

    #[inline(never)]
    fn date(&mut self) -> NaiveDate {
        let year = self.uint() as i32;
        let (month, day) = (self.byte(), self.byte());
        NaiveDate::from_ymd_opt(year, month.into(), day.into()).unwrap_or_else(|| {
            self.ok = false;
            NaiveDate::MIN
        })
    }

    fn opt_date(&mut self) -> Option<NaiveDate> {
        match self.byte() {
            0 => None,
            _ => Some(self.date()),
        }
    }

    fn period(&mut self) -> Period {
        Period { years: self.uint(), months: self.uint(), days: self.uint() }
    }

    #[inline(never)]
    fn earliest(&mut self) -> Earliest {
        match self.byte() {
            0 => Earliest::AtOnce,
            1 => Earliest::After(self.period()),
            2 => Earliest::Never,
            3 => Earliest::NotNeeded,
            4 => Earliest::SetByListingUnit,
            5 => Earliest::Param(self.string()),
            _ => {
                self.ok = false;
                Earliest::Never
            }
        }
    }

    #[inline(never)]
    fn publication(&mut self) -> Publication {
        match self.byte() {
            0 => Publication::NotPublished,
            1 => Publication::Fixed(self.period()),
            2 => Publication::NeverByTime,
            3 => Publication::SetByListingUnit,
            _ => {
                self.ok = false;
                Publication::NeverByTime
            }
        }
    }

    #[inline(never)]
    fn refusal(&mut self) -> RefusalRule {
        RefusalRule {
            id: self.string(),
            ground: self.name(),
            citation: self.string(),
            confidence: self.name(),
        }
    }

    #[inline(never)]
    fn procedure(&mut self) -> ProcedureRule {
        ProcedureRule {
            id: self.string(),
            step: self.name(),
            from: self.name(),
            working_days: self.uint(),
            citation: self.string(),
            confidence: self.name(),
        }
    }

    #[inline(never)]
    fn row(&mut self) -> RuleRow {
        let id = self.string();
        let kinds = self.list();
        let severities = self.opt_list(Self::name);
        let sectors = self.opt_list(Self::name);
        let measures = self.opt_list(Self::name);
        let spc_items = self.opt_list(Self::byte);
        let anchor = self.name();
        let earliest = self.earliest();
        let publication = self.publication();
        let flags = self.byte();
        let max_extension_years = self.uint().checked_sub(1);
        let conditions = self.list();
        let exclusions = self.list();
        RuleRow {
            id,
            kinds,
            severities,
            sectors,
            measures,
            spc_items,
            anchor,
            earliest,
            publication,
            extend_to_restriction_end: flags & 1 != 0,
            restriction_must_end: flags & 2 != 0,
            published_optional: flags & 4 != 0,
            max_extension_years,
            conditions,
            exclusions,
            citation: self.string(),
            confidence: self.name(),
        }
    }

    #[inline(never)]
    fn set(&mut self) -> RuleSet {
        let id = self.string();
        let track = self.name();
        let citation = self.string();
        let effective_from = self.date();
        let effective_until = self.opt_date();
        let anchor_citation = self.opt_string();
        let anchor_confidence = match self.byte() {
            0 => None,
            i => {
                let (v, ok) = FromIndex::from_index(i - 1);
                self.ok &= ok;
                Some(v)
            }
        };
        let n = self.uint();
        let refusals = self.items(n, Self::refusal);
        let n = self.uint();
        let procedures = self.items(n, Self::procedure);
        let n = self.uint();
        let rows = self.items(n, Self::row);
        RuleSet {
            id,
            track,
            citation,
            effective_from,
            effective_until,
            anchor_citation,
            anchor_confidence,
            refusals,
            procedures,
            rows,
            note: self.opt_string(),
            transition_note: self.opt_string(),
            reviewed_on: self.opt_date(),
        }
    }
}

/// The built-in table at `index` (the order of `BuiltinRuleSet::ALL`), or
/// `None` when there is none or its data does not decode exactly to its end.
pub(super) fn decode(index: usize) -> Option<RuleSet> {
    let &(code, text) = TABLES.get(index)?;
    let mut r = Reader { code, text, ok: true };
    let rs = r.set();
    (r.ok && r.code.is_empty() && r.text.is_empty()).then_some(rs)
}

#[cfg(test)]
mod tests {
    use super::decode;
    use crate::repair::{builtin_rule_sets, RuleSet};

    /// Field by field, so that a failure names the field.
    fn assert_same(decoded: &RuleSet, json: &RuleSet) {
        let id = &json.id;
        assert_eq!(decoded.id, json.id);
        assert_eq!(decoded.track, json.track, "{id}: track");
        assert_eq!(decoded.citation, json.citation, "{id}: citation");
        assert_eq!(decoded.effective_from, json.effective_from, "{id}: effectiveFrom");
        assert_eq!(decoded.effective_until, json.effective_until, "{id}: effectiveUntil");
        assert_eq!(decoded.anchor_citation, json.anchor_citation, "{id}: anchorCitation");
        assert_eq!(decoded.anchor_confidence, json.anchor_confidence, "{id}: anchorConfidence");
        assert_eq!(decoded.refusals, json.refusals, "{id}: refusals");
        assert_eq!(decoded.procedures, json.procedures, "{id}: procedures");
        assert_eq!(decoded.rows.len(), json.rows.len(), "{id}: rows");
        for (d, j) in decoded.rows.iter().zip(&json.rows) {
            let row = format!("{id}: row {}", j.id);
            assert_eq!(d.id, j.id, "{row}: id");
            assert_eq!(d.kinds, j.kinds, "{row}: kinds");
            assert_eq!(d.severities, j.severities, "{row}: severities");
            assert_eq!(d.sectors, j.sectors, "{row}: sectors");
            assert_eq!(d.measures, j.measures, "{row}: measures");
            assert_eq!(d.spc_items, j.spc_items, "{row}: spcItems");
            assert_eq!(d.anchor, j.anchor, "{row}: anchor");
            assert_eq!(d.earliest, j.earliest, "{row}: earliest");
            assert_eq!(d.publication, j.publication, "{row}: publication");
            assert_eq!(
                d.extend_to_restriction_end, j.extend_to_restriction_end,
                "{row}: extendToRestrictionEnd"
            );
            assert_eq!(d.restriction_must_end, j.restriction_must_end, "{row}: restrictionMustEnd");
            assert_eq!(d.published_optional, j.published_optional, "{row}: publishedOptional");
            assert_eq!(d.max_extension_years, j.max_extension_years, "{row}: maxExtensionYears");
            assert_eq!(d.conditions, j.conditions, "{row}: conditions");
            assert_eq!(d.exclusions, j.exclusions, "{row}: exclusions");
            assert_eq!(d.citation, j.citation, "{row}: citation");
            assert_eq!(d.confidence, j.confidence, "{row}: confidence");
        }
        assert_eq!(decoded.note, json.note, "{id}: note");
        assert_eq!(decoded.transition_note, json.transition_note, "{id}: transitionNote");
        assert_eq!(decoded.reviewed_on, json.reviewed_on, "{id}: reviewedOn");
        // And as a whole, for any field added later and not named above.
        assert_eq!(decoded, json, "{id}");
    }

    /// A table as the browser modules embed it (`build/rulesets.rs`): no
    /// `note`, and `transitionNote` present but empty.
    fn browser_copy(rs: &RuleSet) -> RuleSet {
        let mut copy = rs.clone();
        copy.note = None;
        copy.transition_note = rs.transition_note.as_ref().map(|_| String::new());
        copy
    }

    /// The card module's compiled tables are the JSON tables every other build
    /// reads (through the crate's reader, validated): the same values but the
    /// two note texts, and so valid too. Native tests read the JSON; this
    /// decodes the card's data.
    #[test]
    fn compiled_tables_equal_the_json_tables() {
        let json = builtin_rule_sets().unwrap();
        assert_eq!(json.len(), 6);
        for (i, rs) in json.iter().enumerate() {
            let decoded = decode(i).unwrap_or_else(|| panic!("table {i} ({}) does not decode", rs.id));
            assert_same(&decoded, &browser_copy(rs));
            decoded.validate(&decoded.id).unwrap();
        }
        assert!(decode(json.len()).is_none());
    }
}
