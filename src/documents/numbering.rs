//! GB/T 9704 7.3.3 structure numbers: 一、 / （一） / 1. / （1）.

/// Chinese numerals for structure numbers (1 → 一, 10 → 十, 21 → 二十一, up to 99).
pub fn chinese_number(n: usize) -> String {
    const DIGITS: [&str; 10] = ["〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    match n {
        0..=9 => DIGITS[n].to_string(),
        10..=19 => format!("十{}", if n == 10 { "" } else { DIGITS[n - 10] }),
        20..=99 => format!(
            "{}十{}",
            DIGITS[n / 10],
            if n.is_multiple_of(10) {
                ""
            } else {
                DIGITS[n % 10]
            }
        ),
        _ => n.to_string(),
    }
}

/// Counts the four levels; a level restarts whenever a higher one advances.
#[derive(Debug, Default)]
pub struct Numbering {
    counts: [usize; 4],
}

impl Numbering {
    /// Advances `level` (0 = 一、 … 3 = （1）) and returns its marker.
    pub fn next(&mut self, level: usize) -> String {
        self.counts[level] += 1;
        for lower in &mut self.counts[level + 1..] {
            *lower = 0;
        }
        let n = self.counts[level];
        match level {
            0 => format!("{}、", chinese_number(n)),
            1 => format!("（{}）", chinese_number(n)),
            2 => format!("{n}."),
            _ => format!("（{n}）"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_numbers() {
        let got: Vec<String> = [1, 9, 10, 11, 18, 20, 21, 99]
            .iter()
            .map(|&n| chinese_number(n))
            .collect();
        assert_eq!(
            got,
            ["一", "九", "十", "十一", "十八", "二十", "二十一", "九十九"]
        );
    }

    #[test]
    fn lower_levels_restart() {
        let mut n = Numbering::default();
        assert_eq!(n.next(0), "一、");
        assert_eq!(n.next(1), "（一）");
        assert_eq!(n.next(1), "（二）");
        assert_eq!(n.next(2), "1.");
        assert_eq!(n.next(0), "二、");
        assert_eq!(n.next(1), "（一）");
        assert_eq!(n.next(3), "（1）");
    }
}
