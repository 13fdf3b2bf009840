package explain_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/certrenew/certrenew/assessment"
	"github.com/certrenew/certrenew/cert"
	"github.com/certrenew/certrenew/policy"
	"github.com/certrenew/certrenew/policy/agenda"
	"github.com/certrenew/certrenew/policy/explain"
	"github.com/certrenew/certrenew/policy/history"
)

// errUnknown is an error that explain does not know.
var errUnknown = errors.New("disk full")

// errCase is an error, made by the library, and its sentences.
type errCase struct {
	name   string
	err    error
	en, zh string
}

// refusals returns the refusals of the library's operations for the
// sample holder, each at the boundary day of its rule.
func refusals(t *testing.T) []errCase {
	t.Helper()
	pr := holder(t)
	unlinked := pr
	unlinked.Learn = ""
	architect := lookup("azure-solutions-architect")
	cycle := microsoft.Cycle(pr, admin)
	at := func(s string) time.Time {
		v, err := time.Parse(time.RFC3339Nano, s)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	record := func(c assessment.Cycle, s string, passed bool) assessment.Cycle {
		t.Helper()
		_, next, err := microsoft.RecordAttempt(pr, admin, c, assessment.Attempt{At: at(s), Passed: passed})
		if err != nil {
			t.Fatal(err)
		}
		return next
	}
	// Two failed attempts, the second past midnight in Beijing: the
	// third waits until 2022-02-03 00:10 there (RULES A2, A3).
	two := record(record(cycle, "2022-02-01T23:50:00+08:00", false), "2022-02-02T00:10:00+08:00", false)
	cr, _ := pr.Credential(admin.ID)
	passed, err := assessment.NewCycle(cr, []assessment.Attempt{{At: at("2022-02-01T09:00:00Z"), Passed: true}})
	if err != nil {
		t.Fatal(err)
	}
	_, _, errLockout := microsoft.RecordAttempt(pr, admin, two, assessment.Attempt{At: at("2022-02-03T00:09:59+08:00")})
	_, _, errOrder := microsoft.RecordAttempt(pr, admin, two, assessment.Attempt{At: at("2022-02-02T00:05:00+08:00")})
	_, _, errPassed := microsoft.RecordAttempt(pr, admin, passed, assessment.Attempt{At: at("2022-02-02T09:00:00Z")})
	_, _, errStale := microsoft.RecordAttempt(pr, admin, microsoft.Cycle(pr, newcomer), assessment.Attempt{At: at("2022-02-02T09:00:00Z")})
	_, _, errUnlinked := microsoft.RecordAttempt(unlinked, admin, cycle, assessment.Attempt{At: at("2022-02-01T09:00:00Z")})
	_, _, errEarly := microsoft.RecordAttempt(pr, admin, cycle, assessment.Attempt{At: at("2022-01-14T23:59:59+08:00")})
	_, errRenewEarly := microsoft.Renew(pr, admin, day("2022-01-14"))
	_, errRenewExpired := microsoft.Renew(pr, admin, day("2022-07-15"))
	_, errRenewFundamentals := microsoft.Renew(pr, fundamentals, day("2022-01-15"))
	_, errRenewNotHeld := microsoft.Renew(pr, architect, day("2022-01-15"))
	_, errRenewLate := microsoft.Renew(pr, late, day("2022-03-01"))
	_, errActive := microsoft.Earn(pr, admin, day("2022-07-14"))
	_, errPrereq := microsoft.Earn(cert.Profile{}, architect, day("2021-09-01"))
	_, errBackdated := microsoft.Earn(pr, admin, day("2021-07-14").AddDays(-400))
	_, errUnknown := microsoft.Earn(pr, cert.Certification{}, day("2021-09-01"))
	_, errNoDay := microsoft.Earn(pr, architect, cert.Date{})
	_, errFarDay := microsoft.Earn(pr, admin, day("9999-01-01"))
	_, errRetakes := policy.Parse([]byte(`{"terms": [{"months": 24}], "windowMonths": 6, "extensionMonths": 12, "marketAgeMonths": 6,
		"reminders": {"atFirstEligibleDay": true, "daysBefore": [90]}, "retakes": {"immediate": -1, "wait": "24h"}}`))
	_, errPolicyNull := policy.Parse([]byte(`null`))
	_, errSyntax := cert.ParseDate("2021-02-30")
	_, errEmptyDate := cert.ParseDate("")
	var lv cert.Level
	errLevel := lv.UnmarshalText([]byte("Guru"))
	var reason policy.Reason
	errReason := reason.UnmarshalText([]byte("Bogus"))
	_, errCatalogTwice := cert.NewCatalog(admin, admin)
	_, errCatalogLevel := cert.NewCatalog(cert.Certification{ID: "x", Name: "X", Level: 9})
	_, errCatalogEmpty := cert.NewCatalog()
	_, errLogDay := history.ParseLog([]byte(`[{"kind": "earned", "cert": "azure-administrator", "on": "2021-02-30"}]`))
	_, errLogNull := history.ParseLog([]byte(`null`))

	r := history.Replayer{Policy: microsoft, Catalog: roadmap}
	replay := func(log ...history.Event) error {
		_, err := r.Replay("1000001", log, day("2023-01-01"))
		if err == nil {
			t.Fatalf("replay of %v: no error", log)
		}
		return err
	}
	earn := history.Earn(admin.ID, day("2021-07-15"))
	link := history.Link("ada@example.com", day("2021-07-20"))
	errEvPrereq := replay(history.Earn(architect.ID, day("2021-09-01")))
	errEvLockout := replay(earn, link,
		history.Attempt(admin.ID, assessment.Attempt{At: at("2022-02-01T23:50:00+08:00")}),
		history.Attempt(admin.ID, assessment.Attempt{At: at("2022-02-02T00:10:00+08:00")}),
		history.Attempt(admin.ID, assessment.Attempt{At: at("2022-02-03T00:09:59.5+08:00"), Passed: true}))
	errEvOrder := replay(earn, history.Earn(architect.ID, day("2021-07-14")))
	errEvLinked := replay(earn, link, history.Link("bo@example.com", day("2021-08-01")))
	errEvMergeLinked := replay(earn, link, history.Merge("2000002", day("2021-08-01"), nil))
	errEvMergeSelf := replay(earn, history.Merge("1000001", day("2021-08-01"), nil))
	errEvNoKind := replay(earn, history.Event{On: day("2021-08-01")})
	errEvMergedInner := replay(earn, history.Merge("2000002", day("2021-09-01"), []history.Event{
		history.Earn(architect.ID, day("2021-08-01")),
	}))

	return []errCase{
		{"E2 renewing the day before the window opens", errRenewEarly,
			"On 2022-01-14 you cannot renew this certification: its renewal window is not open yet. You can renew from 2022-01-15 until 2022-07-14.",
			"您在 2022年1月14日 不能更新此认证：其更新窗口尚未开放。您可以在 2022年1月15日 至 2022年7月14日 期间更新此认证。"},
		{"E1 renewing on the day of the expiry", errRenewExpired,
			"On 2022-07-15 you cannot renew this certification: it has expired, and is earned again by passing the required exams.",
			"您在 2022年7月15日 不能更新此认证：此认证已过期，必须通过所需的考试来再次获得。"},
		{"V1 renewing a fundamentals title", errRenewFundamentals,
			"On 2022-01-15 you cannot renew this certification: it never expires, so there is nothing to renew.",
			"您在 2022年1月15日 不能更新此认证：此认证不会过期，因此无需更新。"},
		{"E5 renewing a title not held", errRenewNotHeld,
			"On 2022-01-15 you cannot renew this certification: you do not hold it on that day.",
			"您在 2022年1月15日 不能更新此认证：您当天未持有此认证。"},
		{"E3 renewing before an assessment that comes after the expiry", errRenewLate,
			"On 2022-03-01 you cannot renew this certification: its renewal assessment is not offered yet. Its renewal assessment is not offered before it expires on 2022-07-15, so it cannot be renewed in this window.",
			"您在 2022年3月1日 不能更新此认证：其更新评估尚未推出。此认证将于 2022年7月15日 过期，而其更新评估在此之前不会推出，因此本次无法更新。"},
		{"E4 an attempt while not linked", errUnlinked,
			"On 2022-02-01 you cannot take the renewal assessment: your certification profile is not linked to your Microsoft Learn profile. The last day to renew is 2022-07-14.",
			"您在 2022年2月1日 不能参加更新评估：您的认证配置文件尚未连接到 Microsoft Learn 上的文档配置文件。更新此认证的最后一天是 2022年7月14日。"},
		{"A5 D4 an attempt on the day before the window opens, in its own zone", errEarly,
			"On 2022-01-14 you cannot take the renewal assessment: its renewal window is not open yet. You can renew from 2022-01-15 until 2022-07-14.",
			"您在 2022年1月14日 不能参加更新评估：其更新窗口尚未开放。您可以在 2022年1月15日 至 2022年7月14日 期间更新此认证。"},
		{"A3 a third attempt a second before the lockout lifts, past midnight", errLockout,
			"It is too soon for another attempt at the renewal assessment: you can try again from 2022-02-03 00:10 (UTC+08:00).",
			"现在还不能再次尝试更新评估：您可以从 2022年2月3日 00:10（UTC+08:00）起再次尝试。"},
		{"A5 an attempt before the one before it", errOrder,
			"Attempt 3 starts at 2022-02-02 00:05 (UTC+08:00), before attempt 2, which started at 2022-02-02 00:10 (UTC+08:00).",
			"第 3 次尝试的开始时间 2022年2月2日 00:05（UTC+08:00）早于第 2 次尝试的开始时间 2022年2月2日 00:10（UTC+08:00）。"},
		{"A4 an attempt after a pass", errPassed,
			"You have already passed the renewal assessment in this cycle: no further attempt is needed until the next renewal.",
			"您已在本周期内通过更新评估，在下次更新之前无需再次尝试。"},
		{"A4 the cycle of another title", errStale,
			"These attempts belong to another renewal cycle, not to the current one.",
			"这些尝试属于另一个更新周期，而不是当前周期。"},
		{"N5 earning again while active, on the last day", errActive,
			"This certification is still active: passing the exam again does not renew it; pass its renewal assessment before it expires instead.",
			"此认证仍然有效：再次通过考试不会更新认证；请在认证过期之前通过其更新评估。"},
		{"R1 an expert without its associate", errPrereq,
			"To earn this expert certification, one of its associate prerequisites must be active on that day.",
			"要获得此专家级认证，您当天必须持有其有效的助理级先决条件认证之一。"},
		{"N6a earning before the current credential", errBackdated,
			"That day is before the day you earned your current credential for this certification.",
			"该日期早于您获得此认证当前证书的日期。"},
		{"N6a no title", errUnknown,
			"This certification is not known.",
			"无法识别此认证。"},
		{"D5 no day", errNoDay,
			"No day was given, or the day is too late: an expiry cannot fall after 9999-12-31.",
			"未提供日期，或日期太晚：失效日期不能晚于 9999年12月31日。"},
		{"D5 an expiry after 9999-12-31", errFarDay,
			"No day was given, or the day is too late: an expiry cannot fall after 9999-12-31.",
			"未提供日期，或日期太晚：失效日期不能晚于 9999年12月31日。"},
		{"a policy whose retake rule is negative", errRetakes,
			"The renewal policy is not valid: the value at “retakes.immediate” is at fault. The retake rule is not valid.",
			"更新政策无效：“retakes.immediate”处的值有误。重考规则无效。"},
		{"a policy that is null", errPolicyNull,
			"The renewal policy is not valid.",
			"更新政策无效。"},
		{"D5 a day that does not exist", errSyntax,
			"“2021-02-30” is not a valid date: write a day that exists, in the form YYYY-MM-DD.",
			"“2021-02-30”不是有效的日期：请按 YYYY-MM-DD 格式填写一个实际存在的日期。"},
		{"D5 no text for a day", errEmptyDate,
			"That is not a valid date: write a day that exists, in the form YYYY-MM-DD.",
			"这不是有效的日期：请按 YYYY-MM-DD 格式填写一个实际存在的日期。"},
		{"a level that is none", errLevel,
			"“Guru” is not a certification level: the levels are Fundamentals, Associate, Expert and Specialty.",
			"“Guru”不是认证级别：级别为基础（Fundamentals）、助理级（Associate）、专家级（Expert）和专业（Specialty）。"},
		{"a reason that is none", errReason,
			"That is not a known reason.",
			"这不是已知的原因。"},
		{"a catalog listing a title twice", errCatalogTwice,
			"The catalog of certifications is not valid: the entry “azure-administrator” is at fault.",
			"认证目录无效：“azure-administrator”一项有误。"},
		{"a catalog with a level that is none", errCatalogLevel,
			"The catalog of certifications is not valid: the entry “x” is at fault. “Level(9)” is not a certification level: the levels are Fundamentals, Associate, Expert and Specialty.",
			"认证目录无效：“x”一项有误。“Level(9)”不是认证级别：级别为基础（Fundamentals）、助理级（Associate）、专家级（Expert）和专业（Specialty）。"},
		{"an empty catalog", errCatalogEmpty,
			"The catalog of certifications is not valid.",
			"认证目录无效。"},
		{"a log with a day that does not exist", errLogDay,
			"The event log cannot be read: event 1 is at fault. “2021-02-30” is not a valid date: write a day that exists, in the form YYYY-MM-DD.",
			"无法读取事件日志：第 1 个事件有误。“2021-02-30”不是有效的日期：请按 YYYY-MM-DD 格式填写一个实际存在的日期。"},
		{"a log that is null", errLogNull,
			"The event log cannot be read.",
			"无法读取事件日志。"},
		{"R1 a replayed expert without its associate", errEvPrereq,
			"Event 1 of the log was refused: passing the exam for “azure-solutions-architect” on 2021-09-01. To earn this expert certification, one of its associate prerequisites must be active on that day.",
			"日志中的第 1 个事件被拒绝：于 2021年9月1日 通过“azure-solutions-architect”的考试。要获得此专家级认证，您当天必须持有其有效的助理级先决条件认证之一。"},
		{"A3 a replayed attempt half a second before the lockout lifts", errEvLockout,
			"Event 5 of the log was refused: a passed attempt at the renewal assessment of “azure-administrator” at 2022-02-03 00:09:59.5 (UTC+08:00). It is too soon for another attempt at the renewal assessment: you can try again from 2022-02-03 00:10 (UTC+08:00).",
			"日志中的第 5 个事件被拒绝：于 2022年2月3日 00:09:59.5（UTC+08:00）通过“azure-administrator”的更新评估。现在还不能再次尝试更新评估：您可以从 2022年2月3日 00:10（UTC+08:00）起再次尝试。"},
		{"a replayed log out of order", errEvOrder,
			"Event 2 of the log was refused: passing the exam for “azure-solutions-architect” on 2021-07-14. An event is dated before the event before it: the events must be in order of their days.",
			"日志中的第 2 个事件被拒绝：于 2021年7月14日 通过“azure-solutions-architect”的考试。某个事件的日期早于其前一个事件：事件必须按日期顺序排列。"},
		{"P1 linking to another Learn profile", errEvLinked,
			"Event 3 of the log was refused: linking to the Microsoft Learn profile “bo@example.com” on 2021-08-01. This certification profile is already linked to another Microsoft Learn profile, and the link cannot be changed.",
			"日志中的第 3 个事件被拒绝：于 2021年8月1日 连接到 Microsoft Learn 上的文档配置文件“bo@example.com”。此认证配置文件已连接到另一个文档配置文件，连接以后不能更改。"},
		{"P2 merging after linking", errEvMergeLinked,
			"Event 3 of the log was refused: merging the certification profile “2000002” on 2021-08-01. Certification profiles are merged before linking: one of them is already linked to a Microsoft Learn profile.",
			"日志中的第 3 个事件被拒绝：于 2021年8月1日 合并认证配置文件“2000002”。认证配置文件须先合并，然后再连接到文档配置文件：其中一个已经连接。"},
		{"P2 merging a profile into itself", errEvMergeSelf,
			"Event 2 of the log was refused: merging the certification profile “1000001” on 2021-08-01. That certification profile is already part of this one.",
			"日志中的第 2 个事件被拒绝：于 2021年8月1日 合并认证配置文件“1000001”。该认证配置文件已经是此认证配置文件的一部分。"},
		{"an event of no kind", errEvNoKind,
			"Event 2 of the log was refused: an event of no known kind. An event is of no known kind.",
			"日志中的第 2 个事件被拒绝：一个类型未知的事件。某个事件的类型未知。"},
		{"R1 a refusal inside a merged log", errEvMergedInner,
			"Event 2 of the log was refused: merging the certification profile “2000002” on 2021-09-01. Event 1 of the merged profile's log was refused: passing the exam for “azure-solutions-architect” on 2021-08-01. To earn this expert certification, one of its associate prerequisites must be active on that day.",
			"日志中的第 2 个事件被拒绝：于 2021年9月1日 合并认证配置文件“2000002”。被合并的认证配置文件的日志中，第 1 个事件被拒绝：于 2021年8月1日 通过“azure-solutions-architect”的考试。要获得此专家级认证，您当天必须持有其有效的助理级先决条件认证之一。"},
	}
}

// TestError tells the refusals of the library, each made by the call that
// refuses, in both languages.
func TestError(t *testing.T) {
	for _, tt := range refusals(t) {
		t.Run(tt.name, func(t *testing.T) {
			if tt.err == nil {
				t.Fatal("no error")
			}
			if got := explain.Error(explain.English, tt.err); got != tt.en {
				t.Errorf("English:\n got %s\nwant %s", got, tt.en)
			}
			if got := explain.Error(explain.Chinese, tt.err); got != tt.zh {
				t.Errorf("Chinese:\n got %s\nwant %s", got, tt.zh)
			}
		})
	}
}

// TestErrorOdd tells errors the library does not make: nil, an error it
// does not know, a sentinel wrapped by the caller, typed errors with zero
// or nil values, and a chain deeper than Error follows.
func TestErrorOdd(t *testing.T) {
	deep := error(&history.EventError{Index: 0, Event: history.Earn("a", day("2022-01-01")), Err: policy.ErrStillActive})
	for range 20 {
		deep = &history.EventError{Index: 0, Event: history.Event{}, Err: deep}
	}
	tests := []errCase{
		{"nil", nil, "Nothing went wrong.", "没有出现问题。"},
		{"an error it does not know", errUnknown,
			"Something went wrong, and no explanation is available.", "出现了问题，暂无说明。"},
		{"a sentinel wrapped by the caller", fmt.Errorf("saving: %w", policy.ErrStillActive),
			"This certification is still active: passing the exam again does not renew it; pass its renewal assessment before it expires instead.",
			"此认证仍然有效：再次通过考试不会更新认证；请在认证过期之前通过其更新评估。"},
		{"a reason's sentinel alone", policy.ErrOutsideWindow,
			"You cannot renew this certification: its renewal window is not open yet.",
			"您不能更新此认证：其更新窗口尚未开放。"},
		{"the not-eligible sentinel alone", policy.ErrNotEligible,
			"You cannot renew this certification on that day.", "您当天不能更新此认证。"},
		{"a nil EventError", (*history.EventError)(nil),
			"Something went wrong, and no explanation is available.", "出现了问题，暂无说明。"},
		{"a nil LockoutError", (*assessment.LockoutError)(nil),
			"It is too soon for another attempt at the renewal assessment.", "现在还不能再次尝试更新评估。"},
		{"the zero LockoutError", &assessment.LockoutError{},
			"It is too soon for another attempt at the renewal assessment.", "现在还不能再次尝试更新评估。"},
		{"the zero OrderError", &assessment.OrderError{},
			"An attempt starts before the attempt before it.", "某次尝试的开始时间早于其前一次尝试。"},
		{"the zero NotEligibleError", &policy.NotEligibleError{},
			"On no date you cannot renew this certification: the reason is not known.",
			"您在 无日期 不能更新此认证：原因未知。"},
		{"the zero EventError", &history.EventError{},
			"Event 1 of the log was refused: an event of no known kind.",
			"日志中的第 1 个事件被拒绝：一个类型未知的事件。"},
		{"an EventError with no index", &history.EventError{Index: -1, Event: history.Link("a", day("2022-01-01")), Err: errors.New("x")},
			"An event of the log was refused: linking to the Microsoft Learn profile “a” on 2022-01-01.",
			"日志中的某个事件被拒绝：于 2022年1月1日 连接到 Microsoft Learn 上的文档配置文件“a”。"},
		{"the zero FieldError", &policy.FieldError{}, "The renewal policy is not valid.", "更新政策无效。"},
		{"the zero CatalogError", &cert.CatalogError{}, "The catalog of certifications is not valid.", "认证目录无效。"},
		{"the zero LogError", &history.LogError{}, "The event log cannot be read: event 1 is at fault.", "无法读取事件日志：第 1 个事件有误。"},
		{"a LogError naming a path", &history.LogError{Index: -1, Path: "[3].on"},
			"The event log cannot be read: the value at “[3].on” is at fault.", "无法读取事件日志：“[3].on”处的值有误。"},
		{"the zero ParseError", &cert.ParseError{},
			"That is not a valid date: write a day that exists, in the form YYYY-MM-DD.",
			"这不是有效的日期：请按 YYYY-MM-DD 格式填写一个实际存在的日期。"},
		{"the zero LevelError", &cert.LevelError{},
			"That is not a certification level: the levels are Fundamentals, Associate, Expert and Specialty.",
			"这不是认证级别：级别为基础（Fundamentals）、助理级（Associate）、专家级（Expert）和专业（Specialty）。"},
		{"odd text is cleaned", &cert.ParseError{Text: "a\x00b\xff{on}"},
			"“a b\uFFFD{on}” is not a valid date: write a day that exists, in the form YYYY-MM-DD.",
			"“a b\uFFFD{on}”不是有效的日期：请按 YYYY-MM-DD 格式填写一个实际存在的日期。"},
		{"a chain deeper than Error follows", deep,
			"Event 1 of the log was refused: an event of no known kind. Event 1 of the log was refused: an event of no known kind. Event 1 of the log was refused: an event of no known kind. Event 1 of the log was refused: an event of no known kind. Event 1 of the log was refused: an event of no known kind. Event 1 of the log was refused: an event of no known kind. Event 1 of the log was refused: an event of no known kind. Event 1 of the log was refused: an event of no known kind. Event 1 of the log was refused: an event of no known kind.",
			"日志中的第 1 个事件被拒绝：一个类型未知的事件。日志中的第 1 个事件被拒绝：一个类型未知的事件。日志中的第 1 个事件被拒绝：一个类型未知的事件。日志中的第 1 个事件被拒绝：一个类型未知的事件。日志中的第 1 个事件被拒绝：一个类型未知的事件。日志中的第 1 个事件被拒绝：一个类型未知的事件。日志中的第 1 个事件被拒绝：一个类型未知的事件。日志中的第 1 个事件被拒绝：一个类型未知的事件。日志中的第 1 个事件被拒绝：一个类型未知的事件。"},
	}
	for _, tt := range tests {
		if got := explain.Error(explain.English, tt.err); got != tt.en {
			t.Errorf("%s, English:\n got %s\nwant %s", tt.name, got, tt.en)
		}
		if got := explain.Error(explain.Chinese, tt.err); got != tt.zh {
			t.Errorf("%s, Chinese:\n got %s\nwant %s", tt.name, got, tt.zh)
		}
	}
}

// TestProblem tells the problems that history.Check finds in stored
// profiles, in both languages.
func TestProblem(t *testing.T) {
	pr := cert.Profile{MCID: "1", Credentials: []cert.Credential{
		{Cert: admin.ID, Earned: day("2021-07-15"), Expires: day("2022-07-15")},
		{Cert: admin.ID, Earned: day("2021-07-15"), Expires: day("2022-07-15")},
		{Cert: "azure-developer"},
		{Cert: "azure-security-engineer", Earned: day("2021-07-15")},
		{Cert: "azure-data-scientist", Earned: day("2021-07-15"), Expires: day("2021-07-15")},
		{Cert: "azure-ai-engineer", Earned: day("2021-07-15"), Expires: day("2022-07-16")},
		{Cert: "no-such-title", Earned: day("2021-07-15")},
	}}
	cat, err := cert.NewCatalog(append(slicesOf(roadmap), fundamentals)...)
	if err != nil {
		t.Fatal(err)
	}
	pr.Credentials = append(pr.Credentials, cert.Credential{Cert: fundamentals.ID, Earned: day("2021-03-01"), Expires: day("2023-03-01")})
	want := []struct{ en, zh string }{
		{"Credential 2 of the profile, “azure-administrator”, has a problem. The profile holds this certification twice.",
			"认证配置文件中的第 2 个证书“azure-administrator”有问题。认证配置文件中两次持有此认证。"},
		{"Credential 3 of the profile, “azure-developer”, has a problem. The credential has no day on which it was earned.",
			"认证配置文件中的第 3 个证书“azure-developer”有问题。该证书没有获得日期。"},
		{"Credential 4 of the profile, “azure-security-engineer”, has a problem. The credential is of a role-based or specialty certification, yet has no expiry.",
			"认证配置文件中的第 4 个证书“azure-security-engineer”有问题。该证书属于基于角色或专业的认证，却没有失效日期。"},
		{"Credential 5 of the profile, “azure-data-scientist”, has a problem. The credential expires on or before the day it was earned.",
			"认证配置文件中的第 5 个证书“azure-data-scientist”有问题。该证书的失效日期不晚于其获得日期。"},
		{"Credential 6 of the profile, “azure-ai-engineer”, has a problem. The credential's expiry is not one that earning and renewing it can give.",
			"认证配置文件中的第 6 个证书“azure-ai-engineer”有问题。该证书的失效日期不是获得及更新认证所能得出的日期。"},
		{"Credential 7 of the profile, “no-such-title”, has a problem. This certification is not known.",
			"认证配置文件中的第 7 个证书“no-such-title”有问题。无法识别此认证。"},
		{"Credential 8 of the profile, “azure-fundamentals”, has a problem. The credential is of a fundamentals certification, which never expires, yet has an expiry.",
			"认证配置文件中的第 8 个证书“azure-fundamentals”有问题。该证书属于基础认证，基础认证不会过期，它却有失效日期。"},
	}
	problems := history.Check(microsoft, cat, pr)
	if len(problems) != len(want) {
		t.Fatalf("Check found %d problems, want %d: %v", len(problems), len(want), problems)
	}
	for i, p := range problems {
		if got := explain.Problem(explain.English, p); got != want[i].en {
			t.Errorf("problem %d, English:\n got %s\nwant %s", i, got, want[i].en)
		}
		if got := explain.Problem(explain.Chinese, p); got != want[i].zh {
			t.Errorf("problem %d, Chinese:\n got %s\nwant %s", i, got, want[i].zh)
		}
	}
	odd := []struct {
		p      history.Problem
		en, zh string
	}{
		{history.Problem{}, "Credential 1 of the profile has a problem.", "认证配置文件中的第 1 个证书有问题。"},
		{history.Problem{Index: -1, Cert: "x", Err: errors.New("x")}, "A credential of the profile has a problem.", "认证配置文件中的某个证书有问题。"},
	}
	for _, tt := range odd {
		if got := explain.Problem(explain.English, tt.p); got != tt.en {
			t.Errorf("Problem(English, %+v) = %q, want %q", tt.p, got, tt.en)
		}
		if got := explain.Problem(explain.Chinese, tt.p); got != tt.zh {
			t.Errorf("Problem(Chinese, %+v) = %q, want %q", tt.p, got, tt.zh)
		}
	}
}

func slicesOf(c cert.Catalog) []cert.Certification {
	var s []cert.Certification
	for v := range c.All() {
		s = append(s, v)
	}
	return s
}

// TestErrorEnds checks that a long chain of causes is told to a bounded
// depth (a chain of 40 reads as one of 20), and that an attempt out of
// order names both attempts from the second on.
func TestErrorEnds(t *testing.T) {
	chain := func(n int) error {
		var err error = assessment.ErrTooSoon
		for range n {
			err = &policy.FieldError{Path: "x", Problem: "y", Err: err}
		}
		return err
	}
	for _, l := range explain.Languages {
		if a, b := explain.Error(l, chain(20)), explain.Error(l, chain(40)); a != b || a == "" {
			t.Errorf("%v: a chain of 20 causes reads %q, of 40 %q; want the same, bounded", l, a, b)
		}
	}
	t0 := time.Date(2022, 2, 1, 9, 0, 0, 0, time.UTC)
	s := explain.Error(explain.English, &assessment.OrderError{Index: 1, At: t0, Prev: t0.Add(time.Hour)})
	if !strings.Contains(s, "Attempt 2 starts at") || !strings.Contains(s, "before attempt 1") {
		t.Errorf("Error(an attempt at index 1 out of order) = %q, want it to name attempts 2 and 1", s)
	}
}

// TestCapError tells a refusal by a ladder's cap (RULES G6) in both
// languages, with the instant the cap lifts.
func TestCapError(t *testing.T) {
	ladder := assessment.Ladder{Retakes: assessment.Retakes{Wait: time.Hour}, Cap: 2, Span: 30 * 24 * time.Hour}
	t0 := time.Date(2024, time.March, 1, 9, 0, 0, 0, time.UTC)
	history := []assessment.Attempt{{At: t0}, {At: t0.Add(2 * time.Hour)}}
	err := ladder.Check(history, t0.Add(3*time.Hour))
	if !errors.Is(err, assessment.ErrCapReached) {
		t.Fatalf("Check = %v, want a refusal by the cap", err)
	}
	for _, tc := range []struct {
		l    explain.Language
		want string
	}{
		{explain.English, "You have made the 2 attempts allowed within 30 days: you can try again from 2024-03-31 09:00 (UTC)."},
		{explain.Chinese, "您已在 30 天内用完允许的 2 次尝试：您可以从 2024年3月31日 09:00（UTC）起再次尝试。"},
	} {
		if diff := cmp.Diff(tc.want, explain.Error(tc.l, err)); diff != "" {
			t.Errorf("%v (-want +got):\n%s", tc.l, diff)
		}
	}
	if diff := cmp.Diff("The most attempts allowed in a span of time have been made.", explain.Error(explain.English, assessment.ErrCapReached)); diff != "" {
		t.Errorf("the sentinel (-want +got):\n%s", diff)
	}
}

// TestCapErrorSpanInHours tells a cap whose span is not whole days as Go
// writes a duration, not as a truncated count of days (RULES G6).
func TestCapErrorSpanInHours(t *testing.T) {
	ladder := assessment.Ladder{Cap: 1, Span: 36 * time.Hour}
	t0 := time.Date(2024, time.March, 1, 9, 0, 0, 0, time.UTC)
	err := ladder.Check([]assessment.Attempt{{At: t0}}, t0.Add(time.Hour))
	want := "You have made the 1 attempts allowed within 36h0m0s: you can try again from 2024-03-02 21:00 (UTC)."
	if diff := cmp.Diff(want, explain.Error(explain.English, err)); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestItemNotice tells a reminder before the window, a notice of RULES G3,
// with the first day the holder can renew, in both languages.
func TestItemNotice(t *testing.T) {
	c := cert.Certification{ID: "google-professional-cloud-architect", Name: "Professional Cloud Architect", Level: cert.Specialty}
	x := cert.MustParseDate("2025-03-01")
	it := agenda.Item{Kind: agenda.Reminder, Cert: c.ID, On: cert.MustParseDate("2024-12-01"), N: 1, Expires: x, EligibleFrom: cert.MustParseDate("2024-12-31")}
	for _, tt := range []struct {
		l    explain.Language
		it   agenda.Item
		want string
	}{
		{explain.English, it, `Reminder 1, on 2024-12-01: you can renew “Professional Cloud Architect” from 2024-12-31 until 2025-02-28; it expires on 2025-03-01.`},
		{explain.Chinese, it, "第 1 次提醒（2024年12月1日）：您可以从 2024年12月31日 起更新“Professional Cloud Architect”，最晚至 2025年2月28日；此认证将于 2025年3月1日 过期。"},
	} {
		if diff := cmp.Diff(tt.want, explain.Item(tt.l, c, tt.it)); diff != "" {
			t.Errorf("%v (-want +got):\n%s", tt.l, diff)
		}
	}
	it.N = 0
	if got := explain.Item(explain.English, c, it); !strings.HasPrefix(got, "Reminder, on 2024-12-01: you can renew") || !strings.Contains(got, "from 2024-12-31") {
		t.Errorf("a notice with no number: %q", got)
	}
}
