//! Closed sets of values that users see by their Chinese names: the name is what the forms show,
//! what spreadsheets hold and what the interchange JSON stores.

/// Declares an enum whose variants are known by a Chinese name, with `name()`, `ALL` and
/// `from_name()` (which accepts surrounding blanks, as spreadsheet cells carry them).
macro_rules! chinese_enum {
    ($(#[$meta:meta])* pub enum $ty:ident { $($(#[$vmeta:meta])* $variant:ident = $name:literal,)+ }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
        pub enum $ty {
            $($(#[$vmeta])* #[serde(rename = $name)] $variant,)+
        }

        impl $ty {
            pub const ALL: &[$ty] = &[$($ty::$variant,)+];

            pub fn name(self) -> &'static str {
                match self {
                    $($ty::$variant => $name,)+
                }
            }

            pub fn from_name(text: &str) -> Option<$ty> {
                let text = text.trim();
                Self::ALL.iter().copied().find(|v| v.name() == text)
            }
        }

        impl std::fmt::Display for $ty {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.name())
            }
        }
    };
}

pub(crate) use chinese_enum;
