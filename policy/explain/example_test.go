package explain_test

import (
	"fmt"
	"time"

	"github.com/certrenew/certrenew/assessment"
	"github.com/certrenew/certrenew/cert"
	"github.com/certrenew/certrenew/policy"
	"github.com/certrenew/certrenew/policy/agenda"
	"github.com/certrenew/certrenew/policy/explain"
	"github.com/certrenew/certrenew/policy/history"
)

func ExampleMatch() {
	for _, tag := range []string{"zh", "zh-CN", "zh_Hans_CN", "zh-TW", "en-GB", "fr", ""} {
		fmt.Printf("%q: %v\n", tag, explain.Match(tag))
	}
	// Output:
	// "zh": zh-Hans
	// "zh-CN": zh-Hans
	// "zh_Hans_CN": zh-Hans
	// "zh-TW": en
	// "en-GB": en
	// "fr": en
	// "": en
}

// A caller with the holder's tags in order of preference takes the first
// that Lookup knows.
func ExampleLookup() {
	lang := explain.English
	for _, tag := range []string{"zh-TW", "zh-CN", "en"} {
		if l, ok := explain.Lookup(tag); ok {
			lang = l
			break
		}
	}
	fmt.Println(lang)
	// Output:
	// zh-Hans
}

func ExampleDecision() {
	p := policy.Microsoft()
	admin, _ := cert.Roadmap().Lookup("azure-administrator")
	holder, _ := p.Earn(cert.Profile{MCID: "1000001", Learn: "ada@example.com"}, admin, cert.MustParseDate("2021-07-15"))

	on := cert.MustParseDate("2021-12-01")
	d := p.Eligibility(holder, admin, on)
	for _, l := range explain.Languages {
		fmt.Println(explain.Decision(l, admin, d, on))
	}
	// A certification with no Name is "this certification".
	fmt.Println(explain.Decision(explain.Chinese, cert.Certification{}, d, on))
	// Output:
	// On 2021-12-01 you cannot renew “Microsoft Certified: Azure Administrator Associate”: its renewal window is not open yet. You can renew from 2022-01-15 until 2022-07-14.
	// 您在 2021年12月1日 不能更新“Microsoft Certified: Azure Administrator Associate”：其更新窗口尚未开放。您可以在 2022年1月15日 至 2022年7月14日 期间更新此认证。
	// 您在 2021年12月1日 不能更新此认证：其更新窗口尚未开放。您可以在 2022年1月15日 至 2022年7月14日 期间更新此认证。
}

func ExampleError() {
	p := policy.Microsoft()
	admin, _ := cert.Roadmap().Lookup("azure-administrator")
	holder, _ := p.Earn(cert.Profile{MCID: "1000001", Learn: "ada@example.com"}, admin, cert.MustParseDate("2021-07-15"))

	_, err := p.Renew(holder, admin, cert.MustParseDate("2021-12-01"))
	for _, l := range explain.Languages {
		fmt.Println(explain.Error(l, err))
	}
	_, err = p.Earn(holder, admin, cert.MustParseDate("2022-03-01"))
	for _, l := range explain.Languages {
		fmt.Println(explain.Error(l, err))
	}
	// Output:
	// On 2021-12-01 you cannot renew this certification: its renewal window is not open yet. You can renew from 2022-01-15 until 2022-07-14.
	// 您在 2021年12月1日 不能更新此认证：其更新窗口尚未开放。您可以在 2022年1月15日 至 2022年7月14日 期间更新此认证。
	// This certification is still active: passing the exam again does not renew it; pass its renewal assessment before it expires instead.
	// 此认证仍然有效：再次通过考试不会更新认证；请在认证过期之前通过其更新评估。
}

// After two failed attempts, the second past midnight in Beijing, the
// third waits 24 hours (RULES A3): the lockout lifts at 00:10 on the next
// day there.
func ExampleError_lockout() {
	beijing := time.FixedZone("CST", 8*3600)
	r := policy.Microsoft().Retakes
	attempts := []assessment.Attempt{
		{At: time.Date(2022, 2, 1, 23, 50, 0, 0, beijing)},
		{At: time.Date(2022, 2, 2, 0, 10, 0, 0, beijing)},
	}
	err := r.Check(attempts, time.Date(2022, 2, 2, 9, 0, 0, 0, beijing))
	for _, l := range explain.Languages {
		fmt.Println(explain.Error(l, err))
	}
	// Output:
	// It is too soon for another attempt at the renewal assessment: you can try again from 2022-02-03 00:10 (UTC+08:00).
	// 现在还不能再次尝试更新评估：您可以从 2022年2月3日 00:10（UTC+08:00）起再次尝试。
}

func ExampleItem() {
	r := history.Replayer{Policy: policy.Microsoft(), Catalog: cert.Roadmap()}
	on := cert.MustParseDate("2022-07-01")
	st, _ := r.Replay("1000001", []history.Event{
		history.Earn("azure-administrator", cert.MustParseDate("2021-07-15")),
	}, on)
	pl := agenda.Planner{Policy: r.Policy, Catalog: r.Catalog}
	for _, l := range explain.Languages {
		for _, it := range pl.Agenda(st, on) {
			c, _ := r.Catalog.Lookup(it.Cert)
			fmt.Println(explain.Item(l, c, it))
		}
	}
	// Output:
	// Reminder 4, on 2022-07-08: you can renew “Microsoft Certified: Azure Administrator Associate” until 2022-07-14; it expires on 2022-07-15.
	// 2022-07-14 is the last day to renew “Microsoft Certified: Azure Administrator Associate”, which expires on 2022-07-15.
	// On 2022-07-15 “Microsoft Certified: Azure Administrator Associate” expires: from that day it is no longer valid, and it is earned again by passing the required exams.
	// 第 4 次提醒（2022年7月8日）：您可以更新“Microsoft Certified: Azure Administrator Associate”，最晚至 2022年7月14日；此认证将于 2022年7月15日 过期。
	// 2022年7月14日 是更新“Microsoft Certified: Azure Administrator Associate”的最后一天，此认证将于 2022年7月15日 过期。
	// “Microsoft Certified: Azure Administrator Associate”将于 2022年7月15日 过期：自该日起不再有效，必须通过所需的考试来再次获得。
}

func ExampleProblem() {
	pr := cert.Profile{MCID: "1000001", Credentials: []cert.Credential{
		{Cert: "azure-administrator", Earned: cert.MustParseDate("2021-07-15"), Expires: cert.MustParseDate("2022-07-16")},
	}}
	for _, p := range history.Check(policy.Microsoft(), cert.Roadmap(), pr) {
		for _, l := range explain.Languages {
			fmt.Println(explain.Problem(l, p))
		}
	}
	// Output:
	// Credential 1 of the profile, “azure-administrator”, has a problem. The credential's expiry is not one that earning and renewing it can give.
	// 认证配置文件中的第 1 个证书“azure-administrator”有问题。该证书的失效日期不是获得及更新认证所能得出的日期。
}

func ExampleDate() {
	d := cert.MustParseDate("2022-01-15")
	fmt.Println(explain.Date(explain.English, d))
	fmt.Println(explain.Date(explain.Chinese, d))
	// Output:
	// 2022-01-15
	// 2022年1月15日
}

func ExampleInstant() {
	t := time.Date(2022, 2, 2, 9, 30, 0, 0, time.FixedZone("CST", 8*3600))
	fmt.Println(explain.Instant(explain.English, t))
	fmt.Println(explain.Instant(explain.Chinese, t))
	fmt.Println(explain.Instant(explain.English, t.UTC()))
	// Output:
	// 2022-02-02 09:30 (UTC+08:00)
	// 2022年2月2日 09:30（UTC+08:00）
	// 2022-02-02 01:30 (UTC)
}
