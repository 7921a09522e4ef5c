//! Every structural problem of a file at once. Reading into the model stops at the first
//! problem; so a file that does not read is read again as a tree of nodes with their places, and
//! the tree is checked against the file's JSON Schema — the one editors use — reporting each
//! unknown field, missing field and wrong kind of value where it is.

use std::ops::Range;

use serde_json::Value as Schema;

use super::tree::{Node, Value};
use super::yaml::nearest;

/// One problem: where, what, and how to fix it.
#[derive(Debug)]
pub struct Problem {
    pub span: Range<usize>,
    pub message: String,
    pub help: String,
}

/// Every problem of `root` against `schema` (draft-07, as `schema::schemas` makes them). Values
/// chosen from a fixed list are left to the reader, which knows the Chinese words it accepts.
pub fn problems(root: &Node, schema: &Schema) -> Vec<Problem> {
    let mut out = Vec::new();
    Checker { root: schema }.node(root, schema, None, &mut out);
    out
}

struct Checker<'s> {
    root: &'s Schema,
}

impl<'s> Checker<'s> {
    fn resolve(&self, schema: &'s Schema) -> &'s Schema {
        match schema.get("$ref").and_then(Schema::as_str) {
            Some(r) => r
                .strip_prefix("#/")
                .map(|p| format!("/{p}"))
                .and_then(|p| self.root.pointer(&p))
                .map_or(schema, |s| self.resolve(s)),
            None => schema,
        }
    }

    /// `key`: the key the node stands under, where a missing field is reported.
    fn node(&self, node: &Node, schema: &'s Schema, key: Option<&Node>, out: &mut Vec<Problem>) {
        let schema = self.resolve(schema);
        for part in schema
            .get("allOf")
            .and_then(Schema::as_array)
            .into_iter()
            .flatten()
        {
            self.node(node, part, key, out);
        }
        if let Some(branches) = schema
            .get("oneOf")
            .or_else(|| schema.get("anyOf"))
            .and_then(Schema::as_array)
        {
            self.alternatives(node, schema, branches, key, out);
            return;
        }
        if let Some(expected) = schema.get("type")
            && !kind_fits(&node.value, expected)
        {
            let description = describe(schema);
            out.push(Problem {
                span: node.span.clone(),
                message: format!("这里应填{}", kind_name(expected)),
                help: if description.is_empty() {
                    "请参照示例文件中这一项的写法".into()
                } else {
                    format!("这一项是：{description}")
                },
            });
            return;
        }
        match &node.value {
            Value::Map(entries) => self.mapping(node, entries, schema, key, out),
            Value::Seq(items) => {
                // A field missing from an item is reported at the item, not at the list's key.
                if let Some(item_schema) = schema.get("items") {
                    for item in items {
                        self.node(item, item_schema, None, out);
                    }
                }
            }
            Value::Str(s) => {
                if let Some(pattern) = schema.get("pattern").and_then(Schema::as_str)
                    && pattern.contains("[0-9]{4}-")
                    && !looks_like_date(s)
                {
                    out.push(Problem {
                        span: node.span.clone(),
                        message: format!("日期“{s}”写法不对"),
                        help: "日期写成 2021-07-21 的形式（年-月-日，用半角短横线）".into(),
                    });
                }
            }
            _ => {}
        }
    }

    fn mapping(
        &self,
        node: &Node,
        entries: &[(Node, Node)],
        schema: &'s Schema,
        key: Option<&Node>,
        out: &mut Vec<Problem>,
    ) {
        let Some(properties) = schema.get("properties").and_then(Schema::as_object) else {
            return;
        };
        let closed = schema.get("additionalProperties") == Some(&Schema::Bool(false));
        let known: Vec<&str> = properties.keys().map(String::as_str).collect();
        for (k, v) in entries {
            let Value::Str(name) = &k.value else { continue };
            match properties.get(name) {
                Some(field) => self.node(v, field, Some(k), out),
                None if closed => out.push(Problem {
                    span: k.span.start..k.span.start + name.len(),
                    message: format!("未知字段 `{name}`"),
                    help: suggest(name, &known, properties),
                }),
                None => {}
            }
        }
        for field in schema
            .get("required")
            .and_then(Schema::as_array)
            .into_iter()
            .flatten()
            .filter_map(Schema::as_str)
        {
            let present = entries
                .iter()
                .any(|(k, _)| matches!(&k.value, Value::Str(n) if n == field));
            // `nmae: 赵六` is reported once, as a misspelt `name`.
            let misspelt = entries.iter().any(|(k, _)| {
                matches!(&k.value, Value::Str(n) if !properties.contains_key(n)
                    && plausible_typo(n, field))
            });
            if !present && !misspelt {
                let what = properties.get(field).map(describe).unwrap_or_default();
                let at = key.map_or(node.span.start..node.span.start, |k| k.span.clone());
                let under = match key.map(|k| &k.value) {
                    Some(Value::Str(k)) => format!("在 `{k}` 下"),
                    _ => "在这一项中".into(),
                };
                out.push(Problem {
                    span: at,
                    message: if what.is_empty() {
                        format!("缺少必填字段 `{field}`")
                    } else {
                        format!("缺少必填字段 `{field}`（{what}）")
                    },
                    help: format!("请{under}补上一行 `{field}: …`"),
                });
            }
        }
    }

    fn alternatives(
        &self,
        node: &Node,
        schema: &'s Schema,
        branches: &'s [Schema],
        key: Option<&Node>,
        out: &mut Vec<Problem>,
    ) {
        let fits = |branch: &'s Schema| {
            let mut none = Vec::new();
            self.node(node, branch, key, &mut none);
            none.is_empty()
        };
        if branches.iter().any(fits) {
            return;
        }
        let branches: Vec<&Schema> = branches.iter().map(|b| self.resolve(b)).collect();
        // A value from a fixed list ("stamped", "盖章" …): the reader says which are allowed.
        if let Value::Str(_) = node.value
            && branches.iter().any(|b| b.get("const").is_some())
        {
            return;
        }
        // One of several one-key forms ("- text: …", "- heading: …"): the key says which.
        if let Value::Map(entries) = &node.value
            && entries.len() == 1
            && let (k, v) = &entries[0]
            && let Value::Str(name) = &k.value
        {
            let tagged: Vec<(&str, &Schema)> = branches
                .iter()
                .filter_map(|b| {
                    let props = b.get("properties")?.as_object()?;
                    (props.len() == 1).then(|| {
                        let (k, s) = props.iter().next().expect("one property");
                        (k.as_str(), s)
                    })
                })
                .collect();
            if !tagged.is_empty() {
                match tagged.iter().find(|(t, _)| t == name) {
                    Some((_, s)) => self.node(v, s, Some(k), out),
                    None => {
                        let known: Vec<&str> = tagged.iter().map(|(t, _)| *t).collect();
                        let mut props = serde_json::Map::new();
                        for b in &branches {
                            if let Some(p) = b.get("properties").and_then(Schema::as_object)
                                && let Some((t, _)) = p.iter().next()
                            {
                                props.insert(t.clone(), (*b).clone());
                            }
                        }
                        out.push(Problem {
                            span: k.span.start..k.span.start + name.len(),
                            message: format!("未知的项 `{name}`"),
                            help: suggest(name, &known, &props),
                        });
                    }
                }
                return;
            }
        }
        // Forms told apart by kind (a text, or a list): check against the form of this kind.
        let same_kind: Vec<&&Schema> = branches
            .iter()
            .filter(|b| b.get("type").is_some_and(|t| kind_fits(&node.value, t)))
            .collect();
        if let [branch] = same_kind[..] {
            self.node(node, branch, key, out);
            return;
        }
        let description = describe(schema);
        out.push(Problem {
            span: node.span.clone(),
            message: "这一项的写法不对".into(),
            help: if description.is_empty() {
                "请参照示例文件中这一项的写法".into()
            } else {
                format!("可以写成：{description}")
            },
        });
    }
}

/// Words users type for a field, mapped to the field they mean.
const SYNONYMS: &[(&str, &[&str])] = &[
    ("title", &["post", "title"]),
    ("role", &["post", "roles"]),
    ("position", &["post"]),
    ("job", &["post"]),
    ("职务", &["post"]),
    ("职位", &["post"]),
    ("姓名", &["name"]),
    ("名字", &["name"]),
    ("名称", &["name"]),
    ("单位", &["unit"]),
    ("部门", &["unit"]),
    ("电话", &["phone", "office_phone", "mobile"]),
    ("tel", &["phone", "office_phone"]),
    ("phone", &["office_phone", "mobile"]),
    ("手机", &["mobile"]),
    ("标题", &["title"]),
    ("日期", &["date"]),
    ("文号", &["doc_number"]),
    ("发文字号", &["doc_number"]),
    ("主送", &["recipients"]),
    ("正文", &["body"]),
    ("署名", &["issuer"]),
    ("发文机关", &["issuer", "masthead"]),
    ("印章", &["seal"]),
    ("抄送", &["cc"]),
    ("组长", &["leaders"]),
    ("召集人", &["leaders"]),
    ("成员", &["members"]),
    ("联络员", &["liaisons"]),
    ("职责", &["duties", "functions"]),
    ("成员单位", &["units"]),
    ("办公室", &["office"]),
    ("牵头单位", &["lead_unit"]),
];

/// A suggestion when one is plausibly what was meant, and always the fields allowed here.
fn suggest(word: &str, known: &[&str], properties: &serde_json::Map<String, Schema>) -> String {
    let allowed = known
        .iter()
        .map(|k| {
            let d = properties.get(*k).map(describe).unwrap_or_default();
            if d.is_empty() {
                format!("`{k}`")
            } else {
                format!("`{k}`（{}）", first_clause(&d))
            }
        })
        .collect::<Vec<_>>()
        .join("、");
    let lower = word.to_lowercase();
    let synonym = SYNONYMS
        .iter()
        .find(|(w, _)| *w == lower)
        .and_then(|(_, targets)| targets.iter().find(|t| known.contains(t)).copied());
    let typo = nearest(word, known).filter(|k| plausible_typo(word, k));
    match synonym.or(typo) {
        Some(best) => format!("是否想写 `{best}`？这里可用的字段：{allowed}"),
        None => format!("这里可用的字段：{allowed}"),
    }
}

/// A typo of `known`: close in spelling and in length (jaro-winkler alone pairs `role` with
/// `mobile`).
fn plausible_typo(word: &str, known: &str) -> bool {
    let edits = strsim::osa_distance(&word.to_lowercase(), known);
    let longer = word.chars().count().max(known.chars().count());
    edits <= 2 && edits * 3 <= longer
}

fn first_clause(description: &str) -> &str {
    description
        .split(['：', '（', '，', '。'])
        .next()
        .unwrap_or(description)
}

fn describe(schema: &Schema) -> String {
    schema
        .get("description")
        .and_then(Schema::as_str)
        .unwrap_or("")
        .trim_end_matches('。')
        .to_string()
}

fn kinds(expected: &Schema) -> Vec<&str> {
    match expected {
        Schema::String(s) => vec![s.as_str()],
        Schema::Array(a) => a.iter().filter_map(Schema::as_str).collect(),
        _ => vec![],
    }
}

/// Whether a value of this kind can be read as `expected`; a plain scalar reads as text.
fn kind_fits(value: &Value, expected: &Schema) -> bool {
    kinds(expected).iter().any(|k| {
        matches!(
            (*k, value),
            ("null", Value::Null)
                | ("string", Value::Str(_) | Value::Number | Value::Bool)
                | ("integer" | "number", Value::Number)
                | ("boolean", Value::Bool)
                | ("object", Value::Map(_))
                | ("array", Value::Seq(_))
        )
    })
}

fn kind_name(expected: &Schema) -> &'static str {
    let kinds = kinds(expected);
    let main = kinds
        .iter()
        .find(|k| **k != "null")
        .copied()
        .unwrap_or("null");
    match main {
        "string" => "一段文字，不能是列表或多个字段",
        "integer" | "number" => "一个数字",
        "boolean" => " true 或 false",
        "object" => "若干“字段: 值”（每行比上一级多缩进两个空格）",
        "array" => "一个列表（每项单独一行，以“- ”开头）",
        _ => "内容",
    }
}

fn looks_like_date(s: &str) -> bool {
    let parts: Vec<&str> = s.split('-').collect();
    parts.len() == 3
        && parts[0].len() == 4
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit()))
}
