use super::*;

#[test]
fn never_panics_on_garbage() {
    let big = "1".repeat(3_000_000);
    let inputs = [
        "",
        "abc",
        "1234567",
        "12345",
        "十一〇一〇五",
        "１１０１０５",
        "11010５",
        "\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}",
        "-11010",
        "+11010",
        big.as_str(),
    ];
    for s in inputs {
        let d = division(s);
        assert_eq!(d.status, Status::Unknown, "{s:.20}");
        assert_eq!(division_status(s), Status::Unknown);
        assert_eq!(d.reason, Some(UnknownReason::Malformed));
        assert_eq!(d.code, None);
        let (kind, _) = d.warning().expect("malformed warns");
        assert_eq!(kind, crate::WarningKind::DivisionUnknown);
    }
    for c in ["000000", "999999", "000001", "990000", "829999"] {
        let d = division(c);
        assert_eq!(d.status, Status::Unknown);
        assert_eq!(division_status(c), Status::Unknown);
        assert_eq!(d.code.as_deref(), Some(c));
    }
    assert_eq!(division_code_of(&big), None);
    assert_eq!(division_code_of("9145110２MA5N8XYZ"), None);
}

#[test]
fn whitespace_is_trimmed() {
    assert_eq!(division(" 451102\n").code.as_deref(), Some("451102"));
}

#[cfg(not(feature = "divisions"))]
#[test]
fn without_table_everything_is_unchecked() {
    for c in ["451102", "110103", "100000", "330201"] {
        let d = division(c);
        assert_eq!(d.status, Status::Unknown);
        assert_eq!(d.reason, Some(UnknownReason::TableUnavailable));
        assert_eq!(d.name, None);
        assert_eq!(d.warning(), None);
    }
    assert_eq!(rows().count(), 0);
    assert_eq!(Name::from_hans("卢湾区").zh_hant, "卢湾区");
}

#[cfg(feature = "divisions")]
mod with_table {
    use super::*;

    const TSV: &str = include_str!("../../data/divisions.tsv");
    const S2T: &str = include_str!("../../data/s2t.tsv");

    fn hans(n: &Option<Name>) -> &str {
        n.as_ref().map(|n| n.zh_hans.as_str()).unwrap_or("")
    }

    #[test]
    fn current_codes() {
        let d = division("450000");
        assert_eq!(d.status, Status::Current);
        assert_eq!(hans(&d.name), "广西壮族自治区");
        assert_eq!(hans(&d.full_name), "广西壮族自治区");
        assert_eq!(d.level, Some(Level::Province));

        let d = division("451100");
        assert_eq!(d.status, Status::Current);
        assert_eq!(hans(&d.name), "贺州市");
        assert_eq!(hans(&d.full_name), "广西壮族自治区贺州市");
        assert_eq!(hans(&d.prefecture), "贺州市");

        let d = division("451102");
        assert_eq!(d.status, Status::Current);
        assert_eq!(hans(&d.name), "八步区");
        assert_eq!(hans(&d.full_name), "广西壮族自治区贺州市八步区");
        assert_eq!(hans(&d.province), "广西壮族自治区");
        assert_eq!(hans(&d.prefecture), "贺州市");
        assert_eq!(hans(&d.county), "八步区");
        assert_eq!(d.full_name.as_ref().map(|n| n.zh_hant.as_str()), Some("廣西壯族自治區賀州市八步區"));
        assert_eq!(d.warning(), None);

        for (code, name, full) in [
            ("110105", "朝阳区", "北京市朝阳区"),
            ("310115", "浦东新区", "上海市浦东新区"),
            ("440305", "南山区", "广东省深圳市南山区"),
            ("659001", "石河子市", "新疆维吾尔自治区石河子市"),
            ("469001", "五指山市", "海南省五指山市"),
        ] {
            let d = division(code);
            // 440305 was 南头区办事处 until 1989: same code, new name -> renamed.
            let want = if code == "440305" { Status::Renamed } else { Status::Current };
            assert_eq!(d.status, want, "{code}");
            assert_eq!(hans(&d.name), name);
            assert_eq!(hans(&d.full_name), full);
            assert_eq!(d.warning(), None);
        }
    }

    #[test]
    fn abolished_codes() {
        for (code, name, to) in
            [("110103", "崇文区", 2010), ("310103", "卢湾区", 2011), ("340222", "繁昌县", 2020)]
        {
            let d = division(code);
            assert_eq!(d.status, Status::Abolished, "{code}");
            assert_eq!(hans(&d.name), name);
            assert_eq!(d.valid_to, Some(to));
            let (kind, _) = d.warning().expect("warns");
            assert_eq!(kind, crate::WarningKind::DivisionAbolished);
        }
        // merged: no successor derivable
        assert_eq!(division("110103").successor, None);
        assert_eq!(division("310103").successor, None);
        let (_, t) = division("310103").warning().expect("warns");
        assert_eq!(t.zh_hans, "行政区划代码 310103 已于 2011 年撤销（卢湾区）");
        assert_eq!(t.zh_hant, "行政區劃代碼 310103 已於 2011 年撤銷（盧灣區）");
        assert_eq!(t.en, "Division code 310103 was abolished in 2011 (卢湾区)");
        // county -> district: derived successor
        let s = division("340222").successor.expect("successor");
        assert_eq!(s.code, "340212");
        assert_eq!(s.name.zh_hans, "繁昌区");
        assert_eq!(s.full_name.zh_hans, "安徽省芜湖市繁昌区");
        assert_eq!(division("310230").successor.map(|s| s.code), Some("310151".to_string()));
        // full name uses the parents as of the end year
        assert_eq!(hans(&division("110103").full_name), "北京市崇文区");
    }

    #[test]
    fn renamed_and_reused() {
        let d = division("320211");
        assert_eq!(d.status, Status::Renamed);
        assert_eq!(hans(&d.name), "滨湖区");
        assert_eq!(d.valid_from, Some(2000));
        assert_eq!(d.history.len(), 2);
        assert_eq!(d.history[0].name.zh_hans, "郊区");
        assert_eq!(d.history[0].valid_to, Some(1999));
        assert_eq!(d.history[1].name.zh_hans, "滨湖区");
        assert_eq!(d.warning(), None);
        // 232701: 加格达奇区 moved to 232761 in 2018, code reused for 漠河市
        let d = division("232701");
        assert_eq!(d.status, Status::Current);
        assert_eq!(hans(&d.name), "漠河市");
        assert_eq!(d.history[0].successor.as_ref().map(|s| s.code.as_str()), Some("232761"));
        assert_eq!(division("232761").note, Some("nbs-only"));
    }

    #[test]
    fn special_grouping_unknown() {
        let d = division("100000");
        assert_eq!(d.status, Status::Special);
        assert_eq!(hans(&d.name), "中华人民共和国");
        assert_eq!(d.warning(), None);

        let d = division("330201");
        assert_eq!(d.status, Status::Grouping);
        assert_eq!(hans(&d.name), "市辖区");
        let p = d.parent.as_ref().expect("parent");
        assert_eq!(p.code, "330200");
        assert_eq!(p.name.zh_hans, "宁波市");
        assert_eq!(d.warning(), None);
        let d = division("110100");
        assert_eq!(d.status, Status::Grouping);
        assert_eq!(d.parent.map(|p| p.name.zh_hans), Some("北京市".into()));

        let d = division("449999");
        assert_eq!(d.status, Status::Unknown);
        assert_eq!(d.reason, Some(UnknownReason::NotFound));
        assert_eq!(hans(&d.province), "广东省");
        let (kind, t) = d.warning().expect("warns");
        assert_eq!(kind, crate::WarningKind::DivisionUnknown);
        assert_eq!(t.zh_hans, "行政区划代码 449999 不存在（广东省下无此代码）");
        let d = division("990101");
        assert_eq!(d.province, None);
    }

    #[test]
    fn json_shape() {
        let v = serde_json::to_value(division("451102")).expect("json");
        assert_eq!(v["status"], "current");
        assert_eq!(v["fullName"]["zh-Hans"], "广西壮族自治区贺州市八步区");
        assert_eq!(v["level"], "county");
        let v = serde_json::to_value(division("320211")).expect("json");
        assert_eq!(v["status"], "renamed");
        assert_eq!(v["history"][0]["validTo"], 1999);
        let v = serde_json::to_value(division("340222")).expect("json");
        assert_eq!(v["status"], "abolished");
        assert_eq!(v["successor"]["code"], "340212");
    }

    /// Every TSV row round-trips through the compact table.
    #[test]
    fn every_row_round_trips() {
        let mut lines = TSV.lines();
        assert_eq!(lines.next(), Some("code\tname\tlevel\tvalid_from\tvalid_to\tprovince\tnote\tsource"));
        let table: Vec<DivisionRow> = rows().collect();
        let tsv: Vec<&str> = lines.collect();
        assert_eq!(table.len(), tsv.len());
        let year = |s: &str| -> Option<u16> {
            if s.is_empty() {
                None
            } else {
                s.parse().ok()
            }
        };
        let mut by_code: std::collections::BTreeMap<&str, Vec<Vec<&str>>> = Default::default();
        for (line, row) in tsv.iter().zip(&table) {
            let f: Vec<&str> = line.split('\t').collect();
            assert_eq!(f.len(), 8);
            assert_eq!(row.code, f[0]);
            assert_eq!(row.name, f[1], "{}", f[0]);
            assert_eq!(row.level.as_str(), f[2], "{}", f[0]);
            assert_eq!(row.valid_from, year(f[3]), "{}", f[0]);
            assert_eq!(row.valid_to, year(f[4]), "{}", f[0]);
            assert_eq!(row.province, f[5], "{}", f[0]);
            assert_eq!(row.note, f[6], "{}", f[0]);
            assert_eq!(row.source, f[7], "{}", f[0]);
            by_code.entry(f[0]).or_default().push(f);
        }
        assert_eq!(by_code.len(), 6888);
        // and through the public lookup: history == all rows of the code
        for (code, fs) in &by_code {
            let d = division(code);
            assert_ne!(d.status, Status::Unknown, "{code}");
            assert_eq!(division_status(code), d.status, "{code}");
            assert_eq!(d.history.len(), fs.len(), "{code}");
            for (h, f) in d.history.iter().zip(fs) {
                assert_eq!(h.name.zh_hans, f[1]);
                assert_eq!(h.valid_from, year(f[3]));
                assert_eq!(h.valid_to, year(f[4]));
            }
            let last = fs.last().expect("row");
            assert_eq!(hans(&d.name), last[1]);
            let expect_abolished = !last[4].is_empty() && last[6] != "pseudo";
            assert_eq!(d.status == Status::Abolished, expect_abolished, "{code}");
        }
    }

    /// Characters whose zh-Hant form depends on the word: in these place names
    /// OpenCC's guesses 乾/幹 (for 干), 裏/裡 (里), 鹹 (咸), 髮 (发) and 后
    /// (for 后, always 後 here) are wrong (fixed by `PLACE_CHARS` in
    /// tools/gen_hant.py). Checked for every name.
    #[test]
    fn hant_place_name_characters() {
        let wrong = [('干', "乾幹"), ('里', "裏裡"), ('咸', "鹹"), ('发', "髮"), ('后', "后")];
        for line in TSV.lines().skip(1) {
            let name = line.split('\t').nth(1).unwrap_or("");
            let hant = to_hant(name);
            assert_eq!(hant.chars().count(), name.chars().count(), "{name}");
            for (s, t) in name.chars().zip(hant.chars()) {
                for (c, bad) in wrong {
                    assert!(!(s == c && bad.contains(t)), "{name} -> {hant}");
                }
            }
        }
        for (hans, hant) in [
            ("江干区", "江干區"),
            ("新干县", "新干縣"),
            ("余干县", "餘干縣"),
            ("湖里区", "湖里區"),
            ("湾里区", "灣里區"),
            ("咸阳市", "咸陽市"),
            ("乌拉特后旗", "烏拉特後旗"),
        ] {
            assert_eq!(to_hant(hans), hant);
        }
    }

    #[test]
    fn hant_table_covers_every_character() {
        let mut covered = std::collections::BTreeSet::new();
        for line in S2T.lines().filter(|l| l.starts_with("char\t")) {
            let f: Vec<&str> = line.split('\t').collect();
            assert_eq!(f.len(), 3);
            assert_eq!(f[1].chars().count(), 1);
            assert_eq!(f[2].chars().count(), 1);
            covered.insert(f[1].to_string());
        }
        for line in TSV.lines().skip(1) {
            let name = line.split('\t').nth(1).unwrap_or("");
            for c in name.chars() {
                assert!(
                    covered.contains(&c.to_string()),
                    "s2t.tsv lacks {c} ({name}); re-run tools/gen_hant.py"
                );
            }
        }
        // the embedded conversion agrees with the TSV file
        for line in S2T.lines().filter(|l| l.starts_with("char\t") || l.starts_with("name\t")) {
            let f: Vec<&str> = line.split('\t').collect();
            if f[0] == "name" || !S2T.contains(&format!("name\t{}\t", f[1])) {
                assert_eq!(to_hant(f[1]), f[2], "{line}");
            }
        }
    }
}

/// The successors precomputed by build.rs equal the original run-time search
/// (kept here as the reference implementation), for every row.
#[cfg(feature = "divisions")]
#[test]
fn precomputed_successors_match_search() {
    use super::table::{self, Raw};
    fn stem(r: &Raw) -> &'static [u8] {
        r.name.0
    }
    fn search(row: &Raw) -> Option<usize> {
        let end = row.to?;
        if row.is_pseudo() || stem(row).is_empty() {
            return None;
        }
        let level = Level::of(row.code);
        let prefix = row.code / 10000;
        let mut best: [(usize, Option<usize>); 3] = [(0, None); 3];
        for q in table::all() {
            let starts = matches!(q.from, Some(f) if f == end || f == end + 1);
            let l = Level::of(q.code);
            let level_ok = l == level || (level == Level::County && l == Level::Prefecture);
            if q.code == row.code || !starts || !level_ok || q.is_pseudo() {
                continue;
            }
            let same_prov = q.code / 10000 == prefix;
            let tier = if q.name == row.name {
                if same_prov {
                    0
                } else {
                    1
                }
            } else if same_prov && stem(&q) == stem(row) {
                2
            } else {
                continue;
            };
            best[tier].0 += 1;
            best[tier].1 = Some(q.index);
        }
        for (n, q) in best {
            match n {
                0 => continue,
                1 => return q,
                _ => return None,
            }
        }
        None
    }
    let mut n = 0;
    for r in table::all() {
        let want = search(&r);
        assert_eq!(r.successor().map(|s| s.index), want, "{}", r.code);
        n += usize::from(want.is_some());
    }
    assert!(n > 2000, "{n}");
}

/// Time of the one-time index build (`cargo test --release -- --ignored --nocapture`).
#[cfg(feature = "divisions")]
#[test]
#[ignore]
fn bench_index_build() {
    let n = 200;
    let t = std::time::Instant::now();
    for _ in 0..n {
        let table = super::table::parse(include_bytes!(concat!(env!("OUT_DIR"), "/divisions.bin")));
        std::hint::black_box(table.map(|t| super::table::build_index(&t)).ok());
    }
    println!("index build: {:.1} µs", t.elapsed().as_secs_f64() * 1e6 / f64::from(n));
}
