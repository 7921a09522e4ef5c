//! Calendar dates as users write them (`2021-07-21`) and as documents print them (`2021年7月21日`).

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

impl Date {
    pub fn new(year: i32, month: u32, day: u32) -> Result<Self, String> {
        if !(1..=12).contains(&month) {
            return Err(format!("月份 {month} 不存在，应为 1–12"));
        }
        let last = days_in_month(year, month);
        if day == 0 || day > last {
            return Err(format!("{year}年{month}月只有{last}天，没有{day}日"));
        }
        Ok(Self { year, month, day })
    }

    /// Parses `YYYY-MM-DD` (month and day may have one digit).
    pub fn parse(s: &str) -> Result<Self, String> {
        let bad = || format!("日期“{s}”格式不对，应写成 2021-07-21 这样的形式");
        let mut parts = s.trim().split('-');
        let (Some(y), Some(m), Some(d), None) =
            (parts.next(), parts.next(), parts.next(), parts.next())
        else {
            return Err(bad());
        };
        if y.len() != 4 || !(1..=2).contains(&m.len()) || !(1..=2).contains(&d.len()) {
            return Err(bad());
        }
        let num = |p: &str| p.parse::<u32>().map_err(|_| bad());
        Self::new(num(y)? as i32, num(m)?, num(d)?)
    }

    /// Today in China Standard Time (UTC+8, no daylight saving), where the offices are.
    pub fn today() -> Self {
        let secs = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs() as i64);
        Self::from_days((secs + 8 * 3600).div_euclid(86_400))
    }

    /// The date `days` after 1970-01-01 (the civil-from-days algorithm).
    fn from_days(days: i64) -> Self {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Self { year, month, day }
    }

    /// GB/T 9704 7.3.5.4: Arabic digits, full year, no zero padding.
    pub fn chinese(&self) -> String {
        format!("{}年{}月{}日", self.year, self.month, self.day)
    }

    /// 0 = Monday … 6 = Sunday.
    pub fn weekday(&self) -> u32 {
        // Days since 1970-01-01 (a Thursday), by the civil-from-days inverse.
        let (y, m) = if self.month <= 2 {
            (self.year - 1, self.month + 9)
        } else {
            (self.year, self.month - 3)
        };
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let doy = (153 * m + 2) / 5 + self.day - 1;
        let doe = yoe as u32 * 365 + yoe as u32 / 4 - yoe as u32 / 100 + doy;
        let days = era as i64 * 146_097 + doe as i64 - 719_468;
        ((days + 3).rem_euclid(7)) as u32
    }
}

fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Date::parse(&s).map_err(serde::de::Error::custom)
    }
}

impl schemars::JsonSchema for Date {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Date".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "pattern": "^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}$",
            "description": "日期，写成 2021-07-21 的形式"
        })
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_prints_gbt9704_dates() {
        let d = Date::parse("2021-07-21").unwrap();
        assert_eq!(d.chinese(), "2021年7月21日");
        assert_eq!(Date::parse("2021-7-1").unwrap().chinese(), "2021年7月1日");
    }

    #[test]
    fn rejects_impossible_dates() {
        assert!(Date::parse("2021-02-29").unwrap_err().contains("只有28天"));
        assert!(Date::parse("2024-02-29").is_ok());
        assert!(Date::parse("2021-13-01").is_err());
        assert!(Date::parse("2021/07/21").is_err());
        assert!(Date::parse("21-07-21").is_err());
    }

    #[test]
    fn days_since_1970() {
        assert_eq!(Date::from_days(0), Date::parse("1970-01-01").unwrap());
        assert_eq!(Date::from_days(20_785), Date::parse("2026-11-28").unwrap());
        assert_eq!(Date::from_days(11_016), Date::parse("2000-02-29").unwrap());
    }

    #[test]
    fn weekday() {
        assert_eq!(Date::parse("2021-07-21").unwrap().weekday(), 2); // a Wednesday
        assert_eq!(Date::parse("2026-11-28").unwrap().weekday(), 5); // a Saturday
        assert_eq!(Date::parse("2000-02-29").unwrap().weekday(), 1); // a Tuesday
    }
}
