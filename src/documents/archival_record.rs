//! What an archivist records of a document (DA/T 46 文书类电子文件元数据): its 文种, 文号,
//! 责任者 and 保管期限, and the XML record a PDF/A-3b export carries inside the PDF.

use super::Document;
use crate::xml::escape;

impl Document {
    /// 文种.
    pub fn kind(&self) -> &'static str {
        self.kind
    }

    /// 保管期限 by 文种: what founds the council, records its decisions or goes up to the
    /// government is kept permanently, its working papers and letters for 30 years.
    pub fn retention(&self) -> &'static str {
        match self.kind() {
            "纪要" | "通知" | "决定" | "报告" | "请示" | "批复" | "意见" | "通报" | "方案" => {
                "永久"
            }
            _ => "定期30年",
        }
    }

    /// 文号 (公文) or 期号 (minutes); empty when the document has none.
    pub fn number(&self) -> &str {
        self.view_text(&["/document/doc_number", "/minutes/number"])
    }

    /// 责任者: the issuing body, when the document names one.
    pub fn issuer(&self) -> &str {
        self.view_text(&["/document/signatures/0/issuer", "/minutes/issuer"])
    }

    fn view_text(&self, pointers: &[&str]) -> &str {
        pointers
            .iter()
            .find_map(|p| self.view.pointer(p)?.as_str())
            .unwrap_or("")
    }

    /// The DA/T 46 record: element name and value.
    pub fn archival_fields(&self) -> Vec<(&'static str, String)> {
        vec![
            ("题名", self.title.clone()),
            ("文件编号", self.number().to_string()),
            ("责任者", self.issuer().to_string()),
            // DA/T 46 writes dates in the basic form of GB/T 7408: CCYYMMDD.
            (
                "日期",
                format!(
                    "{:04}{:02}{:02}",
                    self.date.year, self.date.month, self.date.day
                ),
            ),
            ("文种", self.kind().to_string()),
            ("保管期限", self.retention().to_string()),
        ]
    }

    /// The DA/T 46 record as XML, with the element names archivists use.
    pub fn archival_record(&self) -> String {
        let mut xml = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<文件实体>\n");
        for (name, value) in self.archival_fields() {
            xml.push_str(&format!("  <{name}>{}</{name}>\n", escape(&value)));
        }
        xml.push_str("</文件实体>\n");
        xml
    }
}
