//! 转报数据: what a 盟市's 转报材料 says of the school packets it carries, as the JSON attached
//! beside them (`report::FORWARD_ATTACHMENT_NAME`). Each entry names the attachment holding the
//! school's packet as received, its SHA-256, the school and batch, and the 盟市's opinion; the
//! 自治区 verifies every packet again itself and takes only the opinion on the 盟市's word.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::domain::rollup::{Office, Verdict};

/// The `format` every 转报数据 names, so another JSON attached under the name is refused.
pub const FORMAT: &str = "yitihua-转报";
/// The version this program writes and reads.
pub const VERSION: u32 = 1;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Forward {
    pub format: String,
    pub version: u32,
    /// The forwarding office.
    pub office: Office,
    /// The date the 转报材料 was made, as its 推荐汇总表 prints it.
    pub date: NaiveDate,
    pub packets: Vec<Entry>,
}

/// One school packet carried.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    /// The attachment's name.
    pub file: String,
    /// SHA-256 of the packet's bytes, hex.
    pub sha256: String,
    pub school: String,
    pub credit_code: String,
    pub batch: u32,
    /// The forwarding office's opinion on the school's batch.
    pub verdict: Option<Verdict>,
}

impl Forward {
    pub fn new(office: Office, date: NaiveDate, packets: Vec<Entry>) -> Forward {
        Forward {
            format: FORMAT.into(),
            version: VERSION,
            office,
            date,
            packets,
        }
    }

    #[expect(
        clippy::expect_used,
        reason = "serde_json fails only on a map with non-string keys or a failing Serialize; this has neither"
    )]
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("转报数据 always serialises")
    }

    /// Reads the JSON, refusing another format or a newer version in words for the office.
    pub fn parse(json: &[u8]) -> Result<Forward, String> {
        #[derive(Deserialize)]
        struct Head {
            format: Option<String>,
            version: Option<u32>,
        }
        let unreadable = |e: serde_json::Error| {
            format!("转报数据无法读取（{e}），请让转报单位用申报助手重新导出转报材料")
        };
        let head: Head = serde_json::from_slice(json).map_err(unreadable)?;
        if head.format.as_deref() != Some(FORMAT) {
            return Err("所附转报数据不是申报助手的格式，未收取；请让转报单位重新导出".into());
        }
        if head.version.is_none_or(|v| v > VERSION) {
            return Err("转报材料由更新版本的申报助手导出，请先升级本程序后再收取".into());
        }
        serde_json::from_slice(json).map_err(unreadable)
    }
}
