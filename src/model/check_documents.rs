//! Checks of `documents/*.yaml`: who issues each, what an upward document needs, and that every
//! attachment can be made — its table well formed, its PDF inside the data directory and readable.

use std::sync::Arc;

use super::asset::{self, Asset, PDF};
use super::check::at;
use super::check_text::{body, table_shape, unknown_slots};
use super::official::{AttachmentSpec, OfficialDocument};
use super::{CouncilData, Loaded};
use crate::diag::{Diagnostic, Diagnostics, SourceFile};

pub(super) fn check(data: &CouncilData) -> Diagnostics {
    let mut diags = Diagnostics::new();
    for doc in &data.documents {
        diags.extend(issuers(doc));
        diags.extend(upward(doc));
        diags.extend(body(data, &doc.body, &doc.file));
        diags.extend(unknown_slots(data, &doc.title, &doc.file));
        for attachment in &doc.attachments {
            diags.extend(attachment_problems(data, doc, attachment));
        }
    }
    diags
}

/// One organ (`issuer`) or several (`issuers`), never both, never none.
fn issuers(doc: &Loaded<OfficialDocument>) -> Diagnostics {
    let mut diags = Diagnostics::new();
    match (&doc.issuer, doc.issuers.is_empty()) {
        (Some(issuer), false) => diags.push(
            at(&doc.file, issuer, "同时写了 issuer 和 issuers".into())
                .help("一个机关发文写 issuer（和 seal）；联合行文写 issuers，删除 issuer"),
        ),
        (None, true) => diags.push(
            Diagnostic::error("没有写发文机关")
                .at(&doc.file, 0..0)
                .help(
                    "请写 issuer: 发文机关名称；联合行文写 issuers，每个机关一项（主办机关在前）",
                ),
        ),
        _ => {}
    }
    if doc.issuer.is_none() && (doc.seal.is_some() || doc.masthead.is_some()) {
        diags.push(
            Diagnostic::error("联合行文的印章和标志名称写在 issuers 的各项中")
                .at(&doc.file, 0..0)
                .help("请删除 seal 和 masthead，在 issuers 的每一项下写 seal（和 masthead）"),
        );
    }
    diags
}

/// 上行文 (报告, 请示) carry 签发人 on the 文号 line: one per organ.
fn upward(doc: &Loaded<OfficialDocument>) -> Diagnostics {
    let mut diags = Diagnostics::new();
    let organs = doc.organs().len();
    if !doc.kind.upward() {
        if !doc.signers.is_empty() {
            diags.push(
                at(
                    &doc.file,
                    &doc.date,
                    format!("{}不是上行文，不标注签发人", doc.kind.chinese()),
                )
                .help("签发人只标注在报告、请示等上行文上；请删除 signers"),
            );
        }
        return diags;
    }
    let Some(number) = &doc.doc_number else {
        diags.push(
            Diagnostic::error(format!("{}是上行文，须有发文字号", doc.kind.chinese()))
                .at(&doc.file, 0..0)
                .help("请写 doc_number，如 杜卫健〔2026〕60号；签发人与它排在同一行"),
        );
        return diags;
    };
    if doc.signers.len() != organs {
        diags.push(
            at(
                &doc.file,
                number,
                format!(
                    "{}是上行文，须标注签发人：写了 {} 位，发文机关有 {organs} 个",
                    doc.kind.chinese(),
                    doc.signers.len()
                ),
            )
            .help("请在 signers 中按发文机关顺序写出每个机关签发人的姓名"),
        );
    }
    diags
}

fn attachment_problems(
    data: &CouncilData,
    doc: &Loaded<OfficialDocument>,
    attachment: &serde_saphyr::Spanned<AttachmentSpec>,
) -> Diagnostics {
    let file = &doc.file;
    let mut diags = Diagnostics::new();
    match &attachment.value {
        AttachmentSpec::Roster(roster) => {
            let date = roster.date.unwrap_or(doc.date.value);
            if date < data.roster.date.value {
                diags.push(
                    at(file, attachment, "名单日期早于联席会议成立日期".into()).help(format!(
                        "联席会议成立于{}",
                        data.roster.date.value.chinese()
                    )),
                );
            }
            if roster.since.is_some_and(|since| since >= date) {
                diags.push(
                    at(
                        file,
                        attachment,
                        "变更说明的起算日期（since）不在名单日期之前".into(),
                    )
                    .help("since 须早于名单日期；或删除 since，从上次印发名单的日期算起"),
                );
            }
        }
        AttachmentSpec::Table(table) => {
            if table.title.as_deref().is_none_or(str::is_empty) {
                diags.push(
                    at(file, attachment, "表格附件没有标题".into())
                        .help("请写 title：附件说明和附件首页都印这个标题"),
                );
            }
            diags.extend(table_shape(table, file));
        }
        AttachmentSpec::Text(text) => diags.extend(body(data, &text.body, file)),
        AttachmentSpec::Pdf(pdf) => {
            if let Err(problem) = pdf_attachment(&data.dir, &pdf.file, file) {
                diags.push(problem);
            }
        }
    }
    diags
}

/// A PDF the data attaches, resolved inside the data directory, and its page count; or why it
/// cannot be used.
pub fn pdf_attachment(
    dir: &std::path::Path,
    name: &serde_saphyr::Spanned<String>,
    file: &SourceFile,
) -> Result<(Asset, usize), Diagnostic> {
    let asset = asset::resolve_as(dir, name, file, &PDF)?;
    let unreadable = |why: &str| {
        at(
            file,
            name,
            format!("不能读取 PDF 文件“{}”：{why}", name.value),
        )
        .help("请用 WPS、Word 或 PDF 阅读器重新导出这个文件（不加密码）后再试")
    };
    let bytes = std::fs::read(&asset.real_path).map_err(|e| unreadable(&e.to_string()))?;
    let pdf = hayro_syntax::Pdf::new(Arc::new(bytes))
        .map_err(|_| unreadable("文件已损坏、加了密码或不是 PDF"))?;
    match pdf.pages().len() {
        0 => Err(unreadable("它没有页面")),
        n => Ok((asset, n)),
    }
}
