//! Diagnostics: what went wrong, where (file:line:col), and how to fix it — printed in Chinese.

use std::fmt;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};

/// A source file as the user wrote it, kept so diagnostics can quote it.
#[derive(Debug, Clone)]
pub struct SourceFile {
    pub path: PathBuf,
    pub text: Arc<str>,
}

impl SourceFile {
    /// 1-based line and column (in characters) of a byte offset.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        let before = &self.text[..floor_char_boundary(&self.text, offset)];
        let line = before.matches('\n').count() + 1;
        let col = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
        (line, col)
    }
}

fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Where in a file a diagnostic points.
#[derive(Debug, Clone)]
pub struct Location {
    pub file: SourceFile,
    /// Byte range in `file.text`; empty ranges mark a point.
    pub span: Range<usize>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Severity {
    Error,
    Warning,
}

/// One message for the user. `help` says how to fix it.
#[derive(Debug, Clone)]
pub struct Diagnostic {
    pub severity: Severity,
    pub message: String,
    pub location: Option<Location>,
    /// Label under the caret; defaults to the message.
    pub label: Option<String>,
    pub help: Option<String>,
    /// Files without a source excerpt (e.g. a missing file).
    pub path: Option<PathBuf>,
}

impl Diagnostic {
    pub fn error(message: impl Into<String>) -> Self {
        Self {
            severity: Severity::Error,
            message: message.into(),
            location: None,
            label: None,
            help: None,
            path: None,
        }
    }

    pub fn warning(message: impl Into<String>) -> Self {
        Self {
            severity: Severity::Warning,
            ..Self::error(message)
        }
    }

    pub fn at(mut self, file: &SourceFile, span: Range<usize>) -> Self {
        self.location = Some(Location {
            file: file.clone(),
            span,
        });
        self
    }

    pub fn in_file(mut self, path: &Path) -> Self {
        self.path = Some(path.to_path_buf());
        self
    }

    pub fn label(mut self, label: impl Into<String>) -> Self {
        self.label = Some(label.into());
        self
    }

    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// `file:line:col` of the diagnostic, when it has one.
    pub fn position(&self) -> Option<String> {
        if let Some(loc) = &self.location {
            let (line, col) = loc.file.line_col(loc.span.start);
            Some(format!("{}:{line}:{col}", loc.file.path.display()))
        } else {
            self.path.as_ref().map(|p| p.display().to_string())
        }
    }

    /// Renders the diagnostic with a source excerpt and caret.
    pub fn render(&self, styled: bool) -> String {
        let level = match self.severity {
            Severity::Error => Level::ERROR.with_name("错误"),
            Severity::Warning => Level::WARNING.with_name("警告"),
        };
        let mut title = self.message.clone();
        if let (None, Some(path)) = (&self.location, &self.position()) {
            title = format!("{path}: {title}");
        }
        let mut group = Group::with_title(level.primary_title(title));
        if let Some(loc) = &self.location {
            let text: &str = &loc.file.text;
            let start = floor_char_boundary(text, loc.span.start.min(text.len()));
            let mut end = floor_char_boundary(text, loc.span.end.min(text.len())).max(start);
            if end == start {
                // Point at one character so the caret is visible.
                end = text[start..]
                    .chars()
                    .next()
                    .map_or(start, |c| start + c.len_utf8());
            }
            let label = self.label.clone().unwrap_or_default();
            group = group.element(
                Snippet::source(text)
                    .path(loc.file.path.display().to_string())
                    .fold(true)
                    .annotation(AnnotationKind::Primary.span(start..end).label(label)),
            );
        }
        if let Some(help) = &self.help {
            group = group.element(Level::HELP.with_name("提示").message(help.clone()));
        }
        let renderer = if styled {
            Renderer::styled()
        } else {
            Renderer::plain()
        };
        renderer.render(&[group])
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(false))
    }
}

/// Diagnostics collected over a run; several errors are reported together.
pub type Diagnostics = Vec<Diagnostic>;

/// The error of any stage: one or more diagnostics.
#[derive(Debug)]
pub struct Failure(pub Diagnostics);

impl From<Diagnostic> for Failure {
    fn from(d: Diagnostic) -> Self {
        Failure(vec![d])
    }
}

impl From<Diagnostics> for Failure {
    fn from(d: Diagnostics) -> Self {
        Failure(d)
    }
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for d in &self.0 {
            writeln!(f, "{d}")?;
        }
        Ok(())
    }
}

pub type Result<T, E = Failure> = std::result::Result<T, E>;
