//! Filling templates: a document's view → Typst source, through minijinja with Typst escaping.
//!
//! In a `.typ` template, `{{ x }}` in markup prints `x` verbatim (`#"…";`), and `{{ x|lit }}`
//! passes `x` as an argument in code. Nothing from YAML can become Typst syntax either way.

pub mod escape;

use minijinja::value::Value;
use minijinja::{AutoEscape, Environment, UndefinedBehavior};

use crate::diag::{Diagnostic, Failure};
use crate::documents::Document;

/// The Typst library holding all GB/T 9704 geometry, imported by every document template.
pub const LIBRARY_NAME: &str = "gbt9704.typ";
pub const LIBRARY: &str = include_str!("../../templates/gbt9704.typ");

/// Embeds `templates/<name>` for each name.
macro_rules! templates {
    ($($name:literal),* $(,)?) => {
        &[$(($name, include_str!(concat!("../../templates/", $name)))),*]
    };
}

/// Document templates, embedded in the binary.
const TEMPLATES: &[(&str, &str)] = templates![
    "document.typ",
    "filing-form.typ",
    "minutes.typ",
    "roster-appendix.typ",
    "roster-appendix-part.typ",
    "reply-form-part.typ",
];

/// A template environment; build once, fill many.
pub struct Filler {
    env: Environment<'static>,
}

impl Default for Filler {
    fn default() -> Self {
        Self::new()
    }
}

impl Filler {
    pub fn new() -> Self {
        let mut env = Environment::new();
        env.set_undefined_behavior(UndefinedBehavior::Strict);
        env.set_auto_escape_callback(|name| {
            if name.ends_with(".typ") {
                AutoEscape::Custom("typst".into())
            } else {
                AutoEscape::None
            }
        });
        env.set_formatter(|out, state, value| {
            if value.is_safe() {
                return out
                    .write_str(value.as_str().unwrap_or_default())
                    .map_err(Into::into);
            }
            match state.auto_escape() {
                AutoEscape::Custom(name) if name == "typst" => {
                    let lit = escape::typst_literal(value)?;
                    // `#` enters code for one value; `;` ends it before any following text.
                    out.write_str(&format!("#{lit};")).map_err(Into::into)
                }
                _ => minijinja::escape_formatter(out, state, value),
            }
        });
        env.add_filter("lit", |v: Value| {
            escape::typst_literal(&v).map(Value::from_safe_string)
        });
        let syntax = minijinja::syntax::SyntaxConfig::builder()
            .trim_blocks(true)
            .lstrip_blocks(true)
            .build()
            .expect("valid template syntax configuration");
        env.set_syntax(syntax);
        for (name, source) in TEMPLATES {
            env.add_template(name, source)
                .expect("embedded templates parse");
        }
        Self { env }
    }

    /// The Typst source of one document.
    pub fn fill(&self, doc: &Document) -> Result<String, Failure> {
        let template = self
            .env
            .get_template(doc.template)
            .map_err(|e| template_error(doc, &e))?;
        template
            .render(Value::from(minijinja::value::Serde(&doc.view)))
            .map_err(|e| template_error(doc, &e).into())
    }
}

fn template_error(doc: &Document, err: &minijinja::Error) -> Diagnostic {
    Diagnostic::error(format!(
        "模板 {} 填写失败（程序缺陷，请报告）：{err:#}",
        doc.template
    ))
}
