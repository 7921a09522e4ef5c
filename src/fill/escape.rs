//! Values from YAML as Typst literals that print verbatim and can never run as code.
//!
//! Every string becomes a string literal in which only ASCII letters and digits and printable
//! non-ASCII characters appear as themselves; everything else is a `\u{..}` escape. The payload
//! then holds no Typst syntax at all, and a template that misuses it fails to compile instead of
//! misbehaving (`\` and `#` are errors in code mode). See notes/yaml-templates-safety.md §4.

use std::fmt::Write;

use minijinja::value::{Value, ValueKind};

/// A hardened Typst literal for `value`: a string, number, boolean, `none`, array or dictionary.
pub fn typst_literal(value: &Value) -> Result<String, minijinja::Error> {
    let mut out = String::new();
    write_literal(&mut out, value)?;
    Ok(out)
}

fn write_literal(out: &mut String, value: &Value) -> Result<(), minijinja::Error> {
    match value.kind() {
        ValueKind::Undefined | ValueKind::None => out.push_str("none"),
        ValueKind::Bool => out.push_str(if value.is_true() { "true" } else { "false" }),
        ValueKind::Number => match i64::try_from(value.clone()) {
            Ok(n) => write!(out, "{n}").unwrap(),
            Err(_) => return Err(unsupported("non-integer number")),
        },
        ValueKind::String => string_literal(out, value.as_str().unwrap_or_default()),
        ValueKind::Seq => {
            out.push('(');
            for item in value.try_iter()? {
                write_literal(out, &item)?;
                out.push_str(", ");
            }
            out.push(')');
        }
        ValueKind::Map => {
            out.push('(');
            for key in value.try_iter()? {
                string_literal(out, &key.to_string());
                out.push_str(": ");
                write_literal(out, &value.get_item(&key)?)?;
                out.push_str(", ");
            }
            out.push_str(if out.ends_with('(') { ":)" } else { ")" });
        }
        _ => return Err(unsupported("value")),
    }
    Ok(())
}

fn unsupported(what: &str) -> minijinja::Error {
    minijinja::Error::new(
        minijinja::ErrorKind::InvalidOperation,
        format!("cannot pass a {what} to Typst"),
    )
}

/// Writes `"…"` keeping only letters that cannot be syntax anywhere in Typst.
pub fn string_literal(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        if c.is_ascii_alphanumeric()
            || (!c.is_ascii() && !c.is_control() && !c.is_whitespace() && !is_format(c))
        {
            out.push(c);
        } else {
            write!(out, "\\u{{{:x}}}", c as u32).unwrap();
        }
    }
    out.push('"');
}

/// Unicode format characters (category Cf): invisible, some reorder text.
fn is_format(c: char) -> bool {
    matches!(c,
        '\u{AD}' | '\u{600}'..='\u{605}' | '\u{61C}' | '\u{6DD}' | '\u{70F}' | '\u{180E}'
        | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{206F}'
        | '\u{FEFF}' | '\u{FFF9}'..='\u{FFFB}' | '\u{E0001}' | '\u{E0020}'..='\u{E007F}')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lit(s: &str) -> String {
        typst_literal(&Value::from(s)).unwrap()
    }

    #[test]
    fn keeps_cjk_and_escapes_syntax() {
        assert_eq!(lit("区卫健委"), "\"区卫健委\"");
        assert_eq!(
            lit("#read(\"/x\")"),
            "\"\\u{23}read\\u{28}\\u{22}\\u{2f}x\\u{22}\\u{29}\""
        );
        assert_eq!(lit("a b"), "\"a\\u{20}b\"");
        assert_eq!(lit("\u{202E}"), "\"\\u{202e}\"");
    }

    #[test]
    fn structures() {
        let v = Value::from(minijinja::value::Serde(
            serde_json::json!({"a": [1, true, null]}),
        ));
        assert_eq!(typst_literal(&v).unwrap(), "(\"a\": (1, true, none, ), )");
        let empty = Value::from(minijinja::value::Serde(serde_json::json!({})));
        assert_eq!(typst_literal(&empty).unwrap(), "(:)");
    }
}
