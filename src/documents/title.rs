//! Where a long 标题 breaks (GB/T 9704 7.3.1: "回行时，要做到词意完整，排列对称，长短适宜"):
//! between words, never inside one, with the lines as even as the words allow.

use std::sync::LazyLock;

use jieba_rs::Jieba;

/// A 2号 title line holds 20 characters (156 mm / 7.76 mm).
const TITLE_LINE_CELLS: f64 = 20.0;

/// The segmenter and its dictionary, loaded only when a title has to be broken (~0.2 s).
static WORDS: LazyLock<Jieba> = LazyLock::new(Jieba::new);

/// The lines of a title: those the user forced; else, for a title too long for one line, a break
/// before "联席会议" when both parts fit a line (how offices break these titles); else breaks
/// between words chosen for even lines, the upper one the longer.
pub fn title_lines(title: &str) -> Vec<String> {
    let forced: Vec<String> = title
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(String::from)
        .collect();
    if forced.len() != 1 {
        return forced;
    }
    let title = &forced[0];
    let fits = |s: &str| cells(s) <= TITLE_LINE_CELLS;
    if fits(title) {
        return forced;
    }
    match title.find("联席会议") {
        Some(at) if at > 0 && fits(&title[..at]) && fits(&title[at..]) => {
            vec![title[..at].to_string(), title[at..].to_string()]
        }
        _ => between_words(title).unwrap_or(forced),
    }
}

/// The most even lines that break `title` between words only, or none when no word boundaries
/// give lines that fit (then the layout balances the title itself).
fn between_words(title: &str) -> Option<Vec<String>> {
    let words: Vec<&str> = WORDS.cut(title, true).iter().map(|t| t.word).collect();
    let fewest = (cells(title) / TITLE_LINE_CELLS).ceil() as usize;
    (fewest..=fewest + 1).find_map(|lines| {
        let mut best: Option<(f64, Vec<usize>)> = None;
        choose_breaks(&words, lines, 0, &mut Vec::new(), &mut best);
        best.map(|(_, breaks)| lines_at(&words, &breaks))
    })
}

/// The lines `words` make with a break before each word of `breaks`.
fn lines_at(words: &[&str], breaks: &[usize]) -> Vec<String> {
    let mut bounds = vec![0];
    bounds.extend_from_slice(breaks);
    bounds.push(words.len());
    bounds
        .windows(2)
        .map(|w| words[w[0]..w[1]].concat())
        .collect()
}

/// Tries every way of putting breaks after word `from` on so that `words` make `lines` lines
/// that fit, keeping the cheapest in `best`.
fn choose_breaks(
    words: &[&str],
    lines: usize,
    from: usize,
    breaks: &mut Vec<usize>,
    best: &mut Option<(f64, Vec<usize>)>,
) {
    if breaks.len() + 1 == lines {
        let last = &words[breaks.last().copied().unwrap_or(0)..];
        if cells(&last.concat()) <= TITLE_LINE_CELLS {
            let cost = cost(words, breaks);
            if best.as_ref().is_none_or(|(c, _)| cost < *c) {
                *best = Some((cost, breaks.clone()));
            }
        }
        return;
    }
    let start = breaks.last().copied().unwrap_or(0);
    let mut width = 0.0;
    for at in from.max(start)..words.len() {
        width += cells(words[at]);
        if width > TITLE_LINE_CELLS {
            break;
        }
        if at + 1 < words.len() {
            breaks.push(at + 1);
            choose_breaks(words, lines, at + 1, breaks, best);
            breaks.pop();
        }
    }
}

/// How far the lines are from even, in characters; a line longer than the one above it costs
/// three times its excess (offices set a two-line title long over short: "…关于建立厦门市" /
/// "消防工作联席会议制度的通知"); a line opening on a particle ("的通知") costs four.
fn cost(words: &[&str], breaks: &[usize]) -> f64 {
    let widths: Vec<f64> = lines_at(words, breaks).iter().map(|l| cells(l)).collect();
    let mean = widths.iter().sum::<f64>() / widths.len() as f64;
    let uneven: f64 = widths.iter().map(|w| (w - mean).abs()).sum();
    let growing: f64 = widths.windows(2).map(|w| (w[1] - w[0]).max(0.0)).sum();
    let particles = breaks
        .iter()
        .filter(|&&at| matches!(words[at], "的" | "和" | "与" | "及" | "等" | "之"))
        .count();
    uneven + 3.0 * growing + 4.0 * particles as f64
}

/// Width in characters: half for ASCII.
fn cells(s: &str) -> f64 {
    s.chars()
        .map(|c| if c.is_ascii() { 0.5 } else { 1.0 })
        .sum()
}

#[cfg(test)]
mod tests {
    use super::{TITLE_LINE_CELLS, cells, title_lines};

    #[test]
    fn long_titles_break_before_the_council() {
        assert_eq!(
            title_lines("关于建立杜集区3岁以下婴幼儿照护服务工作联席会议制度的通知"),
            [
                "关于建立杜集区3岁以下婴幼儿照护服务工作",
                "联席会议制度的通知"
            ]
        );
        assert_eq!(title_lines("短标题联席会议"), ["短标题联席会议"]);
        assert_eq!(title_lines("第一行\n第二行"), ["第一行", "第二行"]);
    }

    /// The breaks the offices chose in the real notices of `examples/`, found again from the
    /// unbroken titles.
    #[test]
    fn titles_break_where_the_offices_broke_them() {
        for lines in [
            [
                "厦门市人民政府办公厅关于建立厦门市",
                "消防工作联席会议制度的通知",
            ],
            [
                "云浮市人民政府办公室关于印发云浮市",
                "殡葬管理工作联席会议制度的通知",
            ],
            [
                "广州市人民政府办公厅关于建立广州市实施",
                "“粤菜师傅”工程联席会议制度的通知",
            ],
            [
                "凉山州人民政府办公室关于建立凉山州",
                "消防工作联席会议制度的通知",
            ],
        ] {
            assert_eq!(title_lines(&lines.concat()), lines);
        }
    }

    /// Any title: lines fit, the words are kept in order, and no line breaks inside a word the
    /// segmenter knows — place names included.
    #[test]
    fn breaks_fall_between_words_and_lines_fit() {
        let titles = [
            "关于印发推动长江三角洲区域一体化发展和粤港澳大湾区建设崛起行动方案的通知",
            "关于调整深圳市人民政府防汛防旱防风指挥部成员单位及组成人员的通知",
            "中共厦门市委办公厅厦门市人民政府办公厅关于进一步加强新时代消防安全工作的意见",
            "关于建立健全全市城乡居民基本养老保险待遇确定和基础养老金正常调整机制的实施意见",
        ];
        for title in titles {
            let lines = title_lines(title);
            assert_eq!(lines.concat(), title);
            for line in &lines {
                assert!(cells(line) <= TITLE_LINE_CELLS, "{line} too long");
            }
            for (a, b) in lines.iter().zip(lines.iter().skip(1)) {
                let join = format!(
                    "{}{}",
                    last_chars(a, 2),
                    b.chars().take(2).collect::<String>()
                );
                for word in ["崛起", "厦门", "深圳", "长江", "指挥部", "养老金", "安全"]
                {
                    assert!(
                        !join.contains(word) || a.ends_with(word) || b.starts_with(word),
                        "{title}: {a} | {b} splits {word}"
                    );
                }
            }
        }
    }

    fn last_chars(s: &str, n: usize) -> String {
        let chars: Vec<char> = s.chars().collect();
        chars[chars.len().saturating_sub(n)..].iter().collect()
    }
}
