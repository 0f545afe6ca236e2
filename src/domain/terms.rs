//! Closed sets of values that users see by their Chinese names: the name is what the forms show,
//! what spreadsheets hold and what the interchange JSON stores.

/// Declares an enum whose variants are known by a Chinese name, with `name()`, `ALL` and
/// `from_name()` (which accepts surrounding blanks, as spreadsheet cells carry them). The name
/// is also the serde name, so the JSON and the school file store exactly that text.
///
/// `ALL` is a slice (`&[T]`), which the forms' choice rows take as it is; written
/// `pub enum T: array { .. }` it is an array (`[T; N]`) instead, for callers that iterate it by
/// value or `map` it. Attributes before `pub enum` (doc comments, an extra `derive`) go on the
/// enum, attributes before a variant on the variant.
macro_rules! chinese_enum {
    ($(#[$meta:meta])* pub enum $ty:ident: array { $($(#[$vmeta:meta])* $variant:ident = $name:literal,)+ }) => {
        $crate::domain::terms::chinese_enum!(@enum $(#[$meta])* $ty { $($(#[$vmeta])* $variant = $name,)+ });

        impl $ty {
            /// Every value, in the order they are offered.
            pub const ALL: [$ty; <[&str]>::len(&[$($name),+])] = [$($ty::$variant,)+];
        }
    };
    ($(#[$meta:meta])* pub enum $ty:ident { $($(#[$vmeta:meta])* $variant:ident = $name:literal,)+ }) => {
        $crate::domain::terms::chinese_enum!(@enum $(#[$meta])* $ty { $($(#[$vmeta])* $variant = $name,)+ });

        impl $ty {
            /// Every value, in the order they are offered.
            pub const ALL: &[$ty] = &[$($ty::$variant,)+];
        }
    };
    (@enum $(#[$meta:meta])* $ty:ident { $($(#[$vmeta:meta])* $variant:ident = $name:literal,)+ }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
        pub enum $ty {
            $($(#[$vmeta])* #[serde(rename = $name)] $variant,)+
        }

        impl $ty {
            /// The Chinese name, as shown, printed and stored in files.
            pub fn name(self) -> &'static str {
                match self {
                    $($ty::$variant => $name,)+
                }
            }

            /// Reads the Chinese name back (forms, sheets, command-line arguments, stored
            /// values), ignoring surrounding blanks.
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
