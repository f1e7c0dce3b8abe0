//! Reading dates and times: `16 April 2025`, `April 16`, `2025-04-16`, `16.04.2025`, `9:30 a.m.`.

use super::*;

impl Scanner<'_> {
    pub(super) fn month_at(&self, i: usize) -> Option<u32> {
        if !self.is(i, T::Word) {
            return None;
        }
        month(&self.lower(i))
    }

    /// The index after an optional ordinal suffix (`15th`) on token `i`.
    pub(super) fn after_ordinal_suffix(&self, i: usize) -> usize {
        if self.is(i + 1, T::Word) && self.adjacent(i, i + 1) && words::is_ordinal_suffix(self.s(i + 1)) {
            i + 2
        } else {
            i + 1
        }
    }

    /// Index after the `.` of an abbreviated month (`Jan.`), if there is one.
    pub(super) fn after_dot(&self, i: usize) -> usize {
        let abbreviated = self.s(i).len() <= 4 && !matches!(&*self.lower(i), "may" | "june" | "july");
        if abbreviated && self.s(i + 1) == "." && self.adjacent(i, i + 1) {
            i + 2
        } else {
            i + 1
        }
    }

    pub(super) fn date(&self, i: usize) -> Option<Step> {
        if let Some(m) = self.month_at(i) {
            return self.month_first_date(i, m);
        }
        if let Some(step) = self.dotted_date(i) {
            return Some(step);
        }
        let (n, len) = self.plain_int(i)?;
        // ISO 2025-04-16
        if len == 4 && self.s(i + 1) == "-" && self.adjacent(i, i + 1) && self.adjacent(i + 1, i + 2) {
            if let (Some((mo, _)), true) = (self.plain_int(i + 2), self.s(i + 3) == "-") {
                if let Some((d, _)) = self.plain_int(i + 4).filter(|_| self.adjacent(i + 3, i + 4)) {
                    if (1..=12).contains(&mo) && (1..=31).contains(&d) {
                        return Some(self.found_date(i, i + 4, n, mo, d));
                    }
                }
            }
        }
        // 4/16/2025 and 16/4/2025
        if len <= 2 && self.s(i + 1) == "/" && self.adjacent(i, i + 1) {
            if let (Some((b, _)), true) = (self.plain_int(i + 2), self.s(i + 3) == "/") {
                if let Some((y, ylen)) = self.plain_int(i + 4).filter(|_| self.adjacent(i + 3, i + 4)) {
                    if (1..=31).contains(&n) && (1..=31).contains(&b) && (ylen == 2 || ylen == 4) {
                        let year = if ylen == 2 { 2000 + y } else { y };
                        let (mo, d) = if n > 12 { (b, n) } else { (n, b) };
                        return Some(self.found_date(i, i + 4, year, mo, d));
                    }
                }
            }
        }
        // 16 April 2025, the 15th of February
        if (1..=31).contains(&n) && len <= 2 {
            let mut j = self.after_ordinal_suffix(i);
            if self.is_word(j, "of") {
                j += 1;
            }
            if let Some(m) = self.month_at(j).filter(|_| self.near(j - 1, j)) {
                let mut last = j;
                let mut year = 0;
                let k = self.after_dot(j);
                let k = if self.s(k) == "," { k + 1 } else { k };
                if let Some((y, 4)) = self.plain_int(k).filter(|_| self.near(k - 1, k)) {
                    year = y;
                    last = k;
                } else if k == j + 2 && self.s(j + 1) == "." {
                    last = j + 1;
                }
                return Some(self.found_date(i, last, year, m, n));
            }
        }
        None
    }

    pub(super) fn dotted_date(&self, i: usize) -> Option<Step> {
        if !self.is(i, T::Num) {
            return None;
        }
        let parts: Vec<u32> = self.s(i).split('.').map(|p| p.parse().ok()).collect::<Option<_>>()?;
        match parts[..] {
            [d, m, y] if (1..=31).contains(&d) && (1..=12).contains(&m) && (1000..=2100).contains(&y) => {
                Some(self.found_date(i, i, y, m, d))
            }
            _ => None,
        }
    }

    pub(super) fn month_first_date(&self, i: usize, m: u32) -> Option<Step> {
        let lower = self.lower(i);
        let capital = self.starts_upper(i);
        let j = self.after_dot(i);
        let (n, len) = self.plain_int(j).filter(|_| self.near(j - 1, j))?;
        if len == 4 {
            // April 2025
            if !capital && lower == "may" {
                return None;
            }
            return Some(self.found_date(i, j, n, m, 0));
        }
        if !(1..=31).contains(&n) || (!capital && lower == "may") {
            return None;
        }
        // `they march 10 miles`: a lower-case month before a quantity is a verb.
        if !capital && self.near(j, j + 1) && attached_unit(self.s(j + 1)).is_some() {
            return None;
        }
        let mut last = self.after_ordinal_suffix(j) - 1;
        let mut year = 0;
        let k = last + 1;
        let k = if self.s(k) == "," { k + 1 } else { k };
        if let Some((y, 4)) = self.plain_int(k).filter(|_| self.near(k - 1, k)) {
            year = y;
            last = k;
        }
        Some(self.found_date(i, last, year, m, n))
    }

    pub(super) fn found_date(&self, first: usize, last: usize, year: u32, month: u32, day: u32) -> Step {
        let value = f64::from(year) * 10_000.0 + f64::from(month) * 100.0 + f64::from(day);
        let figure = Figure {
            range: self.span(first, last),
            value,
            high: None,
            kind: Kind::Date,
            unit: None,
            hedge: self.hedge_before(first),
            step: 1.0,
            in_words: false,
            period: false,
        };
        Step::Found(figure, last + 1)
    }

    /// `3:30 pm`, `15:15`, `3pm`, `7 a.m.`, `three o'clock`.
    pub(super) fn time(&self, i: usize) -> Option<Step> {
        let (h, len) = self.plain_int(i)?;
        if len > 2 || h > 24 {
            return None;
        }
        let mut last = i;
        let mut minutes = 0;
        let mut clock = false;
        if self.s(i + 1) == ":" && self.adjacent(i, i + 1) && self.adjacent(i + 1, i + 2) {
            let (m, mlen) = self.plain_int(i + 2)?;
            if mlen != 2 || m > 59 {
                return None;
            }
            minutes = m;
            last = i + 2;
            clock = true;
            if self.s(i + 3) == ":" && self.adjacent(i + 2, i + 3) && self.plain_int(i + 4).is_some_and(|(_, l)| l == 2)
            {
                // `2:08:31` after a race is a running time, not a time of day: `17:49:19` is one.
                let seconds = self.plain_int(i + 4).map_or(0, |(v, _)| v);
                if h < 10 && seconds < 60 && !self.is_clock_word(i + 5) {
                    let total = f64::from(h) * 3600.0 + f64::from(m) * 60.0 + f64::from(seconds);
                    let mut f = self.plain_figure(i, i + 4, total, Kind::Quantity, 1.0);
                    f.unit = Some("s".into());
                    f.hedge = self.hedge_before(i);
                    return Some(Step::Found(f, i + 5));
                }
                last = i + 4;
            }
        }
        let mut hour = h;
        let k = last + 1;
        if self.near(last, k) && self.is(k, T::Word) {
            let w = self.lower(k);
            let (pm, end) = match &*w {
                "am" => (false, k),
                "pm" => (true, k),
                "a" | "p" if self.s(k + 1) == "." && self.is_word(k + 2, "m") => {
                    (w == "p", if self.s(k + 3) == "." { k + 3 } else { k + 2 })
                }
                "a" | "p" if clock && self.adjacent(last, k) => (w == "p", k),
                "o'clock" | "o’clock" => (false, k),
                _ => return clock.then(|| self.found_time(i, last, hour, minutes)),
            };
            if pm && hour < 12 {
                hour += 12;
            }
            if h == 0 || h > 12 {
                return clock.then(|| self.found_time(i, last, hour, minutes));
            }
            return Some(self.found_time(i, end, hour, minutes));
        }
        clock.then(|| self.found_time(i, last, hour, minutes))
    }

    pub(super) fn is_clock_word(&self, k: usize) -> bool {
        matches!(&*self.lower(k), "am" | "pm" | "a" | "p" | "gmt" | "utc" | "local")
    }

    pub(super) fn found_time(&self, first: usize, last: usize, hour: u32, minutes: u32) -> Step {
        let figure = Figure {
            range: self.span(first, last),
            value: f64::from(hour) + f64::from(minutes) / 60.0,
            high: None,
            kind: Kind::Time,
            unit: None,
            hedge: self.hedge_before(first),
            step: 1.0 / 60.0,
            in_words: false,
            period: false,
        };
        Step::Found(figure, last + 1)
    }
}
