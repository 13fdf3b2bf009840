package explain_test

import (
	"testing"
	"time"

	"github.com/certrenew/certrenew/assessment"
	"github.com/certrenew/certrenew/cert"
	"github.com/certrenew/certrenew/policy/agenda"
	"github.com/certrenew/certrenew/policy/explain"
	"github.com/certrenew/certrenew/policy/history"
)

var beijing = time.FixedZone("CST", 8*3600)

// TestItem tells the agenda of the sample holder, every kind of item at
// its day, in both languages. The administrator expires 2022-07-15: its
// window opens 2022-01-15 (RULES E2), the reminders go out on the window's
// first day and 90, 30 and 7 days before the expiry (RULES M2), the last
// day is 2022-07-14 (RULES D2). Two failed attempts, at 23:50 and, past
// midnight, 00:10 in Beijing, lock the third out until 00:10 the next day
// (RULES A2, A3). The newcomer's window opens 2022-03-15 and its assessment
// on 2022-05-01 (RULES E3).
func TestItem(t *testing.T) {
	cat, err := cert.NewCatalog(admin, newcomer)
	if err != nil {
		t.Fatal(err)
	}
	r := history.Replayer{Policy: microsoft, Catalog: cat}
	pl := agenda.Planner{Policy: microsoft, Catalog: cat}
	log := []history.Event{
		history.Earn(admin.ID, day("2021-07-15")),
		history.Link("ada@example.com", day("2021-07-20")),
		history.Earn(newcomer.ID, day("2021-09-15")),
	}
	tests := []struct {
		name   string
		log    []history.Event
		on     string
		en, zh []string // the first items of the agenda from on
		all    bool     // en and zh hold every item
	}{
		{"E2 M2 from 2022-01-15, before any attempt", log, "2022-01-15", []string{
			"On 2022-01-15 the renewal window of " + adminName + " opens; the last day to renew is 2022-07-14.",
			"Reminder 1, on 2022-01-15: you can renew " + adminName + " until 2022-07-14; it expires on 2022-07-15.",
			"On 2022-03-15 the renewal window of “Newcomer” opens; the last day to renew is 2022-09-14.",
			"Reminder 2, on 2022-04-16: you can renew " + adminName + " until 2022-07-14; it expires on 2022-07-15.",
			"From 2022-05-01 you can renew “Newcomer”, until 2022-09-14.",
			"Reminder 1, on 2022-05-01: you can renew “Newcomer” until 2022-09-14; it expires on 2022-09-15.",
			"Reminder 3, on 2022-06-15: you can renew " + adminName + " until 2022-07-14; it expires on 2022-07-15.",
			"Reminder 2, on 2022-06-17: you can renew “Newcomer” until 2022-09-14; it expires on 2022-09-15.",
			"Reminder 4, on 2022-07-08: you can renew " + adminName + " until 2022-07-14; it expires on 2022-07-15.",
			"2022-07-14 is the last day to renew " + adminName + ", which expires on 2022-07-15.",
			"On 2022-07-15 " + adminName + " expires: from that day it is no longer valid, and it is earned again by passing the required exams.",
			"Reminder 3, on 2022-08-16: you can renew “Newcomer” until 2022-09-14; it expires on 2022-09-15.",
			"Reminder 4, on 2022-09-08: you can renew “Newcomer” until 2022-09-14; it expires on 2022-09-15.",
			"2022-09-14 is the last day to renew “Newcomer”, which expires on 2022-09-15.",
			"On 2022-09-15 “Newcomer” expires: from that day it is no longer valid, and it is earned again by passing the required exams.",
		}, []string{
			adminName + "的更新窗口将于 2022年1月15日 开放，更新的最后一天是 2022年7月14日。",
			"第 1 次提醒（2022年1月15日）：您可以更新" + adminName + "，最晚至 2022年7月14日；此认证将于 2022年7月15日 过期。",
			"“Newcomer”的更新窗口将于 2022年3月15日 开放，更新的最后一天是 2022年9月14日。",
			"第 2 次提醒（2022年4月16日）：您可以更新" + adminName + "，最晚至 2022年7月14日；此认证将于 2022年7月15日 过期。",
			"从 2022年5月1日 起，您可以更新“Newcomer”，最晚至 2022年9月14日。",
			"第 1 次提醒（2022年5月1日）：您可以更新“Newcomer”，最晚至 2022年9月14日；此认证将于 2022年9月15日 过期。",
			"第 3 次提醒（2022年6月15日）：您可以更新" + adminName + "，最晚至 2022年7月14日；此认证将于 2022年7月15日 过期。",
			"第 2 次提醒（2022年6月17日）：您可以更新“Newcomer”，最晚至 2022年9月14日；此认证将于 2022年9月15日 过期。",
			"第 4 次提醒（2022年7月8日）：您可以更新" + adminName + "，最晚至 2022年7月14日；此认证将于 2022年7月15日 过期。",
			"2022年7月14日 是更新" + adminName + "的最后一天，此认证将于 2022年7月15日 过期。",
			adminName + "将于 2022年7月15日 过期：自该日起不再有效，必须通过所需的考试来再次获得。",
			"第 3 次提醒（2022年8月16日）：您可以更新“Newcomer”，最晚至 2022年9月14日；此认证将于 2022年9月15日 过期。",
			"第 4 次提醒（2022年9月8日）：您可以更新“Newcomer”，最晚至 2022年9月14日；此认证将于 2022年9月15日 过期。",
			"2022年9月14日 是更新“Newcomer”的最后一天，此认证将于 2022年9月15日 过期。",
			"“Newcomer”将于 2022年9月15日 过期：自该日起不再有效，必须通过所需的考试来再次获得。",
		}, true},
		{"A3 a lockout lifting past midnight", append(log[:len(log):len(log)],
			history.Attempt(admin.ID, assessment.Attempt{At: time.Date(2022, 2, 1, 23, 50, 0, 0, beijing)}),
			history.Attempt(admin.ID, assessment.Attempt{At: time.Date(2022, 2, 2, 0, 10, 0, 0, beijing)}),
		), "2022-02-02", []string{
			"From 2022-02-03 00:10 (UTC+08:00) you can make another attempt at the renewal assessment of " + adminName + ".",
			"On 2022-03-15 the renewal window of “Newcomer” opens; the last day to renew is 2022-09-14.",
		}, []string{
			"从 2022年2月3日 00:10（UTC+08:00）起，您可以再次尝试" + adminName + "的更新评估。",
			"“Newcomer”的更新窗口将于 2022年3月15日 开放，更新的最后一天是 2022年9月14日。",
		}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			on := day(tt.on)
			st, err := r.Replay("1000001", tt.log, on)
			if err != nil {
				t.Fatal(err)
			}
			items := pl.Agenda(st, on)
			for _, l := range explain.Languages {
				want := tt.en
				if l == explain.Chinese {
					want = tt.zh
				}
				for i, it := range items {
					if i >= len(want) {
						break
					}
					c, _ := cat.Lookup(it.Cert)
					if got := explain.Item(l, c, it); got != want[i] {
						t.Errorf("%v item %d (%v %v):\n got %s\nwant %s", l, i, it.On, it.Kind, got, want[i])
					}
				}
				if len(items) < len(want) || tt.all && len(items) != len(want) {
					t.Errorf("%d items, want %d", len(items), len(want))
				}
			}
		})
	}
}

// TestItemOdd tells items the planner never gives: no kind, no number, no
// instant, no expiry.
func TestItemOdd(t *testing.T) {
	tests := []struct {
		name   string
		c      cert.Certification
		it     agenda.Item
		en, zh string
	}{
		{"the zero Item", cert.Certification{}, agenda.Item{},
			"On no date something is due for this certification.",
			"无日期，此认证有一项待办事项。"},
		{"a kind that is none", admin, agenda.Item{Kind: 42, On: day("2022-01-15")},
			"On 2022-01-15 something is due for " + adminName + ".",
			"2022年1月15日，" + adminName + "有一项待办事项。"},
		{"a reminder with no number", admin, agenda.Item{Kind: agenda.Reminder, On: day("2022-01-15"), Expires: day("2022-07-15")},
			"Reminder, on 2022-01-15: you can renew " + adminName + " until 2022-07-14; it expires on 2022-07-15.",
			"提醒（2022年1月15日）：您可以更新" + adminName + "，最晚至 2022年7月14日；此认证将于 2022年7月15日 过期。"},
		{"a lockout with no instant", admin, agenda.Item{Kind: agenda.LockoutLifts, On: day("2022-02-03")},
			"From 2022-02-03 you can make another attempt at the renewal assessment of " + adminName + ".",
			"从 2022年2月3日 起，您可以再次尝试" + adminName + "的更新评估。"},
		{"G1 the last day of a grace period", admin, agenda.Item{Kind: agenda.GraceLastDay, On: day("2022-08-13"), Expires: day("2022-07-15")},
			"2022-08-13 is the last day to renew " + adminName + " in its grace period: it expired on 2022-07-15.",
			"2022年8月13日 是在宽限期内更新" + adminName + "的最后一天：此认证已于 2022年7月15日 过期。"},
		{"G1 E3 a first renewal day in the grace period", admin, agenda.Item{Kind: agenda.CanRenew, On: day("2022-07-15"), Expires: day("2022-07-15")},
			"From 2022-07-15 you can renew " + adminName + ", in its grace period: it expired on 2022-07-15.",
			"从 2022年7月15日 起，您可以在宽限期内更新" + adminName + "：此认证已于 2022年7月15日 过期。"},
		{"E3 a first renewal day the day before the expiry", admin, agenda.Item{Kind: agenda.CanRenew, On: day("2022-07-14"), Expires: day("2022-07-15")},
			"From 2022-07-14 you can renew " + adminName + ", until 2022-07-14.",
			"从 2022年7月14日 起，您可以更新" + adminName + "，最晚至 2022年7月14日。"},
		{"a last day with no expiry", cert.Certification{}, agenda.Item{Kind: agenda.LastDay, On: day("2022-07-14")},
			"2022-07-14 is the last day to renew this certification, which expires on no date.",
			"2022年7月14日 是更新此认证的最后一天，此认证将于 无日期 过期。"},
	}
	for _, tt := range tests {
		if got := explain.Item(explain.English, tt.c, tt.it); got != tt.en {
			t.Errorf("%s, English:\n got %s\nwant %s", tt.name, got, tt.en)
		}
		if got := explain.Item(explain.Chinese, tt.c, tt.it); got != tt.zh {
			t.Errorf("%s, Chinese:\n got %s\nwant %s", tt.name, got, tt.zh)
		}
	}
}
