//! Localized text: every user-facing message in zh-Hans, zh-Hant and en.
//!
//! Messages are built once, in all three languages, where the error or note is
//! created, so a result can be shown in any language without calling back into
//! the library. Serialized as `{"zh-Hans": …, "zh-Hant": …, "en": …}`, so a
//! page can index the object with the value of its `lang` attribute.

use serde::{Deserialize, Serialize};

/// One message in the three languages the library speaks.
///
/// ```
/// use xinyong::i18n::{Lang, Text};
/// let t = Text::new("长度错误", "長度錯誤", "wrong length");
/// assert_eq!(t.get(Lang::ZhHant), "長度錯誤");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Text {
    /// Simplified Chinese.
    #[serde(rename = "zh-Hans")]
    pub zh_hans: String,
    /// Traditional Chinese.
    #[serde(rename = "zh-Hant")]
    pub zh_hant: String,
    /// English.
    pub en: String,
}

impl Text {
    /// Builds a message from its three translations.
    pub fn new(zh_hans: impl Into<String>, zh_hant: impl Into<String>, en: impl Into<String>) -> Self {
        Text { zh_hans: zh_hans.into(), zh_hant: zh_hant.into(), en: en.into() }
    }

    /// The message in `lang`.
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::ZhHans => &self.zh_hans,
            Lang::ZhHant => &self.zh_hant,
            Lang::En => &self.en,
        }
    }
}

/// A language the library writes messages in.
///
/// ```
/// use xinyong::i18n::Lang;
/// assert_eq!("zh-hant".parse::<Lang>(), Ok(Lang::ZhHant));
/// assert_eq!(Lang::default(), Lang::ZhHans);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum Lang {
    /// Simplified Chinese (the default).
    #[default]
    #[serde(rename = "zh-Hans")]
    ZhHans,
    /// Traditional Chinese.
    #[serde(rename = "zh-Hant")]
    ZhHant,
    /// English.
    #[serde(rename = "en")]
    En,
}

impl Lang {
    /// The BCP 47 tag: `zh-Hans`, `zh-Hant` or `en`.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::ZhHans => "zh-Hans",
            Lang::ZhHant => "zh-Hant",
            Lang::En => "en",
        }
    }
}

impl std::str::FromStr for Lang {
    type Err = String;

    /// Accepts the three tags case-insensitively, plus the common aliases
    /// `zh`, `zh-CN`, `zh-SG` (Simplified) and `zh-TW`, `zh-HK`, `zh-MO` (Traditional).
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.to_ascii_lowercase().replace('_', "-").as_str() {
            "zh-hans" | "zh" | "zh-cn" | "zh-sg" | "zh-hans-cn" => Ok(Lang::ZhHans),
            "zh-hant" | "zh-tw" | "zh-hk" | "zh-mo" | "zh-hant-tw" | "zh-hant-hk" => Ok(Lang::ZhHant),
            "en" | "en-us" | "en-gb" => Ok(Lang::En),
            _ => Err(format!("unknown language '{s}': use zh-Hans, zh-Hant or en")),
        }
    }
}
