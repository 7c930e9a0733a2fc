//! GB 32100-2015 registration authorities and their entity types, with names
//! in three languages. Source: GB 32100-2015 table 1 (authorities 1, 5, 9, Y)
//! and the later assignments of the national code centre as collected in
//! `tests/vectors/README.md` (see uscc.md in the project's domain notes).

/// A name in the three languages, as static strings.
pub(crate) type Names = (&'static str, &'static str, &'static str);

/// One registration authority (USCC position 1) and the entity types
/// (position 2) defined for it.
pub(crate) struct Authority {
    pub code: u8,
    pub names: Names,
    pub types: &'static [(u8, Names)],
}

const OTHER: Names = ("其他", "其他", "other");

pub(crate) static AUTHORITIES: &[Authority] = &[
    Authority {
        code: b'1',
        names: ("机构编制", "機構編制", "establishment administration (机构编制)"),
        types: &[
            (b'1', ("机关", "機關", "government organ")),
            (b'2', ("事业单位", "事業單位", "public institution")),
            (
                b'3',
                (
                    "中央编办直接管理机构编制的群众团体",
                    "中央編辦直接管理機構編制的群眾團體",
                    "mass organization whose establishment the central establishment office manages",
                ),
            ),
            (b'9', OTHER),
        ],
    },
    Authority {
        code: b'2',
        names: ("外交", "外交", "foreign affairs"),
        types: &[
            (b'1', ("外国常驻新闻机构", "外國常駐新聞機構", "resident foreign news agency")),
            (b'9', OTHER),
        ],
    },
    Authority {
        code: b'3',
        names: ("司法行政", "司法行政", "judicial administration"),
        types: &[
            (b'1', ("律师执业机构", "律師執業機構", "law firm")),
            (b'2', ("公证处", "公證處", "notary office")),
            (b'3', ("基层法律服务所", "基層法律服務所", "grassroots legal service office")),
            (b'4', ("司法鉴定机构", "司法鑑定機構", "forensic appraisal institution")),
            (b'5', ("仲裁委员会", "仲裁委員會", "arbitration commission")),
            (b'9', OTHER),
        ],
    },
    Authority {
        code: b'4',
        names: ("文化", "文化", "culture"),
        types: &[
            (b'1', ("外国在华文化中心", "外國在華文化中心", "foreign cultural centre in China")),
            (b'9', OTHER),
        ],
    },
    Authority {
        code: b'5',
        names: ("民政", "民政", "civil affairs"),
        types: &[
            (b'1', ("社会团体", "社會團體", "social organization")),
            (b'2', ("民办非企业单位", "民辦非企業單位", "private non-enterprise unit")),
            (b'3', ("基金会", "基金會", "foundation")),
            (b'9', OTHER),
        ],
    },
    Authority {
        code: b'6',
        names: ("旅游", "旅遊", "tourism"),
        types: &[
            (
                b'1',
                (
                    "外国旅游部门常驻代表机构",
                    "外國旅遊部門常駐代表機構",
                    "resident office of a foreign tourism authority",
                ),
            ),
            (
                b'2',
                (
                    "港澳台地区旅游部门常驻内地（大陆）代表机构",
                    "港澳臺地區旅遊部門常駐內地（大陸）代表機構",
                    "resident mainland office of a Hong Kong, Macao or Taiwan tourism authority",
                ),
            ),
            (b'9', OTHER),
        ],
    },
    Authority {
        code: b'7',
        names: ("宗教", "宗教", "religious affairs"),
        types: &[
            (b'1', ("宗教活动场所", "宗教活動場所", "place of religious activity")),
            (b'2', ("宗教院校", "宗教院校", "religious school")),
            (b'9', OTHER),
        ],
    },
    Authority {
        code: b'8',
        names: ("工会", "工會", "trade unions"),
        types: &[(b'1', ("基层工会", "基層工會", "grassroots trade union")), (b'9', OTHER)],
    },
    Authority {
        code: b'9',
        names: (
            "市场监督管理（原工商）",
            "市場監督管理（原工商）",
            "market regulation (formerly industry and commerce)",
        ),
        types: &[
            (b'1', ("企业", "企業", "enterprise")),
            (b'2', ("个体工商户", "個體工商戶", "individual business")),
            (b'3', ("农民专业合作社", "農民專業合作社", "farmers' specialized cooperative")),
        ],
    },
    Authority {
        code: b'A',
        names: (
            "中央军委改革和编制办公室",
            "中央軍委改革和編制辦公室",
            "Reform and Establishment Office of the Central Military Commission",
        ),
        types: &[(b'1', ("军队事业单位", "軍隊事業單位", "military public institution")), (b'9', OTHER)],
    },
    Authority {
        code: b'N',
        names: ("农业", "農業", "agriculture"),
        types: &[
            (b'1', ("组级集体经济组织", "組級集體經濟組織", "group-level collective economic organization")),
            (
                b'2',
                ("村级集体经济组织", "村級集體經濟組織", "village-level collective economic organization"),
            ),
            (
                b'3',
                (
                    "乡镇级集体经济组织",
                    "鄉鎮級集體經濟組織",
                    "township-level collective economic organization",
                ),
            ),
            (b'9', OTHER),
        ],
    },
    Authority { code: b'Y', names: OTHER, types: &[(b'1', OTHER)] },
];

/// The authority with code `code`, if defined.
pub(crate) fn authority(code: u8) -> Option<&'static Authority> {
    AUTHORITIES.iter().find(|a| a.code == code)
}

/// The names of entity type `code` under `authority`, if defined.
pub(crate) fn entity_type(authority: &Authority, code: u8) -> Option<Names> {
    authority.types.iter().find(|(c, _)| *c == code).map(|(_, n)| *n)
}

/// Whether the pair (authority, entity type) is defined — one table lookup,
/// for the fast path. Index: authority byte, bit: entity-type digit.
pub(crate) fn pair_defined(authority: u8, entity: u8) -> bool {
    let mask: u16 = match authority {
        b'1' => 0b10_0000_1110,
        b'2' | b'4' | b'8' | b'A' => 0b10_0000_0010,
        b'3' => 0b10_0011_1110,
        b'5' | b'N' => 0b10_0000_1110,
        b'6' | b'7' => 0b10_0000_0110,
        b'9' => 0b00_0000_1110,
        b'Y' => 0b00_0000_0010,
        _ => return false,
    };
    entity.is_ascii_digit() && mask & (1 << (entity - b'0')) != 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fast_pair_table_agrees_with_named_table() {
        for a in 0u8..=255 {
            for e in 0u8..=255 {
                let named = authority(a).and_then(|auth| entity_type(auth, e)).is_some();
                assert_eq!(pair_defined(a, e), named, "{} {}", a as char, e as char);
            }
        }
    }
}
