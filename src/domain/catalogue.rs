//! 专业目录: the specialties a school may declare. The policy names "31个建设专业" of the
//! ministry but we do not have that list; the bundled catalogue holds the specialties Inner
//! Mongolia's technical schools commonly run, every entry unverified (待核对) and without a
//! code, and the office edits it or imports the official one when it is published.

use serde::{Deserialize, Serialize};

use super::Level;

/// One catalogue entry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Specialty {
    /// The name, which declarations refer to.
    pub name: String,
    /// The national specialty code, only once confirmed; never guessed.
    pub code: Option<String>,
    /// Levels the specialty can be run at.
    pub levels: Vec<Level>,
    /// Whether a national 工学一体化 curriculum standard exists; `None` until checked.
    pub national_standard: Option<bool>,
    /// Where the entry comes from, printed next to unverified entries.
    pub source: String,
    /// `false` shows the entry as 待核对 (to be checked against the official list).
    pub verified: bool,
}

/// The catalogue in use: the bundled list, as edited by the office, stored in the school file.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Catalogue {
    pub specialties: Vec<Specialty>,
}

/// Shown next to every entry not yet confirmed against the ministry's list.
pub const UNVERIFIED: &str = "待核对";

impl Catalogue {
    /// The list shipped with the program (assets/catalogue/specialties.json), embedded at
    /// compile time.
    #[expect(
        clippy::expect_used,
        reason = "the file is compiled in and the tests below parse it; it cannot change after"
    )]
    pub fn bundled() -> Catalogue {
        serde_json::from_str(include_str!("../../assets/catalogue/specialties.json"))
            .expect("the bundled catalogue is valid (tested)")
    }

    /// Takes in entries from an official or edited list: an entry with a known name replaces
    /// the old one (so declarations that name it keep pointing at it), new names are added at
    /// the end. Returns how many were added and how many replaced.
    pub fn merge(&mut self, imported: Vec<Specialty>) -> (usize, usize) {
        // By name through an index: an official list may have many thousands of entries, and a
        // scan per entry made 100,000 of them take minutes.
        let mut at: std::collections::HashMap<String, usize> = self
            .specialties
            .iter()
            .enumerate()
            .map(|(i, s)| (s.name.clone(), i))
            .collect();
        let (mut added, mut replaced) = (0, 0);
        for entry in imported {
            match at.get(&entry.name) {
                Some(&i) => {
                    self.specialties[i] = entry;
                    replaced += 1;
                }
                None => {
                    at.insert(entry.name.clone(), self.specialties.len());
                    self.specialties.push(entry);
                    added += 1;
                }
            }
        }
        (added, replaced)
    }

    pub fn find(&self, name: &str) -> Option<&Specialty> {
        self.specialties.iter().find(|s| s.name == name.trim())
    }

    /// Entries whose name contains `query`, or, when the query is Latin letters, whose pinyin
    /// initials contain it (`skjg` finds 数控加工), the way offices type on a Chinese IME without
    /// finishing the characters. An empty query lists everything.
    pub fn search<'a>(&'a self, query: &'a str) -> impl Iterator<Item = &'a Specialty> + 'a {
        let query = query.trim();
        let initials_query = (!query.is_empty() && query.chars().all(|c| c.is_ascii_alphabetic()))
            .then(|| query.to_ascii_lowercase());
        self.specialties.iter().filter(move |s| {
            query.is_empty()
                || s.name.contains(query)
                || initials_query
                    .as_deref()
                    .is_some_and(|q| initials(&s.name).contains(q))
        })
    }
}

/// The first letter of each character's pinyin (its most common reading); Latin letters and
/// digits are kept, punctuation dropped: 机床切削加工（车工） → jcqxjgcg.
pub fn initials(name: &str) -> String {
    use pinyin::ToPinyin;
    name.chars()
        .filter_map(|c| match c.to_pinyin() {
            Some(p) => p.first_letter().chars().next(),
            None => c.is_ascii_alphanumeric().then(|| c.to_ascii_lowercase()),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_entries_are_unverified_and_carry_no_invented_codes() {
        let catalogue = Catalogue::bundled();
        assert!(catalogue.specialties.len() >= 20);
        for s in &catalogue.specialties {
            assert!(!s.verified, "{}", s.name);
            assert_eq!(s.code, None, "{}", s.name);
            assert!(!s.levels.is_empty(), "{}", s.name);
            assert!(!s.source.is_empty(), "{}", s.name);
        }
        let mut names: Vec<_> = catalogue.specialties.iter().map(|s| &s.name).collect();
        names.sort();
        names.dedup();
        assert_eq!(names.len(), catalogue.specialties.len(), "names are unique");
    }

    #[test]
    fn merge_replaces_by_name_and_appends_new_entries() {
        let mut catalogue = Catalogue::bundled();
        let before = catalogue.specialties.len();
        let confirmed = Specialty {
            code: Some("0102-4".into()),
            verified: true,
            source: "人社部目录".into(),
            ..catalogue.find("数控加工").unwrap().clone()
        };
        let new = Specialty {
            name: "光伏发电系统安装与运维".into(),
            ..confirmed.clone()
        };
        assert_eq!(catalogue.merge(vec![confirmed.clone(), new]), (1, 1));
        assert_eq!(catalogue.specialties.len(), before + 1);
        assert_eq!(catalogue.specialties[0], confirmed, "kept in place");
        assert_eq!(
            catalogue.specialties.last().unwrap().name,
            "光伏发电系统安装与运维"
        );
    }

    #[test]
    fn search_by_part_of_a_name() {
        let catalogue = Catalogue::bundled();
        let found: Vec<_> = catalogue.search("汽车").map(|s| s.name.as_str()).collect();
        assert_eq!(
            found,
            ["汽车维修", "新能源汽车检测与维修", "汽车钣金与涂装"]
        );
        assert_eq!(catalogue.search("").count(), catalogue.specialties.len());
        let by_initials: Vec<_> = catalogue.search("SKJG").map(|s| s.name.as_str()).collect();
        assert_eq!(by_initials, ["数控加工"]);
        let cooking: Vec<_> = catalogue.search("prz").map(|s| s.name.as_str()).collect();
        assert_eq!(cooking, ["烹饪（中式烹调）"]);
        assert_eq!(initials("机床切削加工（车工）"), "jcqxjgcg");
        assert!(catalogue.find(" 数控加工 ").is_some());
    }
}
