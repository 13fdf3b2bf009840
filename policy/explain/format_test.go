package explain_test

import (
	"testing"
	"time"

	"github.com/certrenew/certrenew/cert"
	"github.com/certrenew/certrenew/policy/explain"
)

var day = cert.MustParseDate

// TestDate checks days in both languages, at the edges of the range.
func TestDate(t *testing.T) {
	tests := []struct {
		d      cert.Date
		en, zh string
	}{
		{day("2022-01-15"), "2022-01-15", "2022年1月15日"},
		{day("2022-07-14"), "2022-07-14", "2022年7月14日"},
		{day("2024-02-29"), "2024-02-29", "2024年2月29日"},
		{day("2021-12-31"), "2021-12-31", "2021年12月31日"},
		{day("0001-01-01"), "0001-01-01", "1年1月1日"},
		{day("9999-12-31"), "9999-12-31", "9999年12月31日"},
		{cert.Date{}, "no date", "无日期"},
	}
	for _, tt := range tests {
		if got := explain.Date(explain.English, tt.d); got != tt.en {
			t.Errorf("Date(English, %v) = %q, want %q", tt.d, got, tt.en)
		}
		if got := explain.Date(explain.Chinese, tt.d); got != tt.zh {
			t.Errorf("Date(Chinese, %v) = %q, want %q", tt.d, got, tt.zh)
		}
		if got := explain.Date(explain.Language(9), tt.d); got != tt.en {
			t.Errorf("Date(Language(9), %v) = %q, want English %q", tt.d, got, tt.en)
		}
	}
}

// TestInstant checks instants in both languages: offsets east and west of
// UTC, the day in the instant's own location, seconds and their fractions,
// and the zero time.
func TestInstant(t *testing.T) {
	beijing := time.FixedZone("CST", 8*3600)
	newYork := time.FixedZone("EST", -5*3600)
	india := time.FixedZone("IST", 5*3600+30*60)
	lmt := time.FixedZone("LMT", 8*3600+5*60+43)
	tests := []struct {
		name   string
		t      time.Time
		en, zh string
	}{
		{"A3 UTC", time.Date(2022, 2, 2, 9, 30, 0, 0, time.UTC), "2022-02-02 09:30 (UTC)", "2022年2月2日 09:30（UTC）"},
		{"A3 east of UTC", time.Date(2022, 2, 2, 9, 30, 0, 0, beijing), "2022-02-02 09:30 (UTC+08:00)", "2022年2月2日 09:30（UTC+08:00）"},
		{"A3 west of UTC", time.Date(2022, 2, 2, 23, 30, 0, 0, newYork), "2022-02-02 23:30 (UTC-05:00)", "2022年2月2日 23:30（UTC-05:00）"},
		{"D4 the instant's own day, not UTC's", time.Date(2022, 2, 3, 0, 15, 0, 0, beijing), "2022-02-03 00:15 (UTC+08:00)", "2022年2月3日 00:15（UTC+08:00）"},
		{"D4 the same instant in UTC", time.Date(2022, 2, 3, 0, 15, 0, 0, beijing).UTC(), "2022-02-02 16:15 (UTC)", "2022年2月2日 16:15（UTC）"},
		{"half-hour offset", time.Date(2022, 2, 2, 9, 30, 0, 0, india), "2022-02-02 09:30 (UTC+05:30)", "2022年2月2日 09:30（UTC+05:30）"},
		{"an offset with seconds", time.Date(1900, 1, 1, 12, 0, 0, 0, lmt), "1900-01-01 12:00 (UTC+08:05:43)", "1900年1月1日 12:00（UTC+08:05:43）"},
		{"seconds", time.Date(2022, 2, 2, 9, 30, 5, 0, time.UTC), "2022-02-02 09:30:05 (UTC)", "2022年2月2日 09:30:05（UTC）"},
		{"a nanosecond is written", time.Date(2022, 2, 2, 9, 30, 0, 1, time.UTC), "2022-02-02 09:30:00.000000001 (UTC)", "2022年2月2日 09:30:00.000000001（UTC）"},
		{"a fraction is written without its trailing zeros", time.Date(2022, 2, 2, 23, 59, 59, 500_000_000, beijing), "2022-02-02 23:59:59.5 (UTC+08:00)", "2022年2月2日 23:59:59.5（UTC+08:00）"},
		{"a fraction is never rounded", time.Date(2021, 12, 31, 23, 59, 59, 999_999_999, time.UTC), "2021-12-31 23:59:59.999999999 (UTC)", "2021年12月31日 23:59:59.999999999（UTC）"},
		{"the zero time is no instant", time.Time{}, "no time", "无时间"},
	}
	for _, tt := range tests {
		if got := explain.Instant(explain.English, tt.t); got != tt.en {
			t.Errorf("%s: Instant(English, %v) = %q, want %q", tt.name, tt.t, got, tt.en)
		}
		if got := explain.Instant(explain.Chinese, tt.t); got != tt.zh {
			t.Errorf("%s: Instant(Chinese, %v) = %q, want %q", tt.name, tt.t, got, tt.zh)
		}
	}
}
