package explain_test

import (
	"testing"

	"github.com/certrenew/certrenew/cert"
	"github.com/certrenew/certrenew/policy"
	"github.com/certrenew/certrenew/policy/explain"
)

// TestDecision tells the decisions of the sample holder, one row per
// reason at the boundary days of its rule, in both languages.
func TestDecision(t *testing.T) {
	linked := holder(t)
	unlinked := linked
	unlinked.Learn = ""
	tests := []struct {
		name   string
		pr     cert.Profile
		c      cert.Certification
		on     string
		reason policy.Reason
		en, zh string
	}{
		{"E5 not held: the day before it was earned", linked, admin, "2021-07-14", policy.NotHeld,
			"On 2021-07-14 you cannot renew " + adminName + ": you do not hold it on that day.",
			"您在 2021年7月14日 不能更新" + adminName + "：您当天未持有此认证。"},
		{"V1 a fundamentals title never expires", linked, fundamentals, "2030-01-01", policy.NeverExpires,
			"On 2030-01-01 you cannot renew “Microsoft Certified: Azure Fundamentals”: it never expires, so there is nothing to renew.",
			"您在 2030年1月1日 不能更新“Microsoft Certified: Azure Fundamentals”：此认证不会过期，因此无需更新。"},
		{"E1 expired on the day of the expiry", linked, admin, "2022-07-15", policy.Expired,
			"On 2022-07-15 you cannot renew " + adminName + ": it has expired, and is earned again by passing the required exams.",
			"您在 2022年7月15日 不能更新" + adminName + "：此认证已过期，必须通过所需的考试来再次获得。"},
		{"E2 the day before the window opens", linked, admin, "2022-01-14", policy.NotYetOpen,
			"On 2022-01-14 you cannot renew " + adminName + ": its renewal window is not open yet. You can renew from 2022-01-15 until 2022-07-14.",
			"您在 2022年1月14日 不能更新" + adminName + "：其更新窗口尚未开放。您可以在 2022年1月15日 至 2022年7月14日 期间更新此认证。"},
		{"E2 the day the window opens", linked, admin, "2022-01-15", policy.Eligible,
			"On 2022-01-15 you can renew " + adminName + ". The last day to renew is 2022-07-14.",
			"您可以在 2022年1月15日 更新" + adminName + "。更新此认证的最后一天是 2022年7月14日。"},
		{"D2 the last day of the window", linked, admin, "2022-07-14", policy.Eligible,
			"On 2022-07-14 you can renew " + adminName + ". The last day to renew is 2022-07-14.",
			"您可以在 2022年7月14日 更新" + adminName + "。更新此认证的最后一天是 2022年7月14日。"},
		{"E3 the window is open, the assessment not yet", linked, newcomer, "2022-04-30", policy.AssessmentUnavailable,
			"On 2022-04-30 you cannot renew “Newcomer”: its renewal assessment is not offered yet. You can renew from 2022-05-01 until 2022-09-14.",
			"您在 2022年4月30日 不能更新“Newcomer”：其更新评估尚未推出。您可以在 2022年5月1日 至 2022年9月14日 期间更新此认证。"},
		{"E3 before the window, which opens before the assessment", linked, newcomer, "2022-03-14", policy.NotYetOpen,
			"On 2022-03-14 you cannot renew “Newcomer”: its renewal window is not open yet. You can renew from 2022-05-01 until 2022-09-14.",
			"您在 2022年3月14日 不能更新“Newcomer”：其更新窗口尚未开放。您可以在 2022年5月1日 至 2022年9月14日 期间更新此认证。"},
		{"E3 the assessment comes after the expiry", linked, late, "2022-03-01", policy.AssessmentUnavailable,
			"On 2022-03-01 you cannot renew “Late”: its renewal assessment is not offered yet. Its renewal assessment is not offered before it expires on 2022-07-15, so it cannot be renewed in this window.",
			"您在 2022年3月1日 不能更新“Late”：其更新评估尚未推出。此认证将于 2022年7月15日 过期，而其更新评估在此之前不会推出，因此本次无法更新。"},
		{"E4 not linked on the last day", unlinked, admin, "2022-07-14", policy.ProfileNotLinked,
			"On 2022-07-14 you cannot renew " + adminName + ": your certification profile is not linked to your Microsoft Learn profile. The last day to renew is 2022-07-14.",
			"您在 2022年7月14日 不能更新" + adminName + "：您的认证配置文件尚未连接到 Microsoft Learn 上的文档配置文件。更新此认证的最后一天是 2022年7月14日。"},
		{"E2 a certification with no name", linked, cert.Certification{ID: admin.ID, Level: admin.Level, RenewalFrom: admin.RenewalFrom}, "2021-12-01", policy.NotYetOpen,
			"On 2021-12-01 you cannot renew this certification: its renewal window is not open yet. You can renew from 2022-01-15 until 2022-07-14.",
			"您在 2021年12月1日 不能更新此认证：其更新窗口尚未开放。您可以在 2022年1月15日 至 2022年7月14日 期间更新此认证。"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			on := day(tt.on)
			d := microsoft.Eligibility(tt.pr, tt.c, on)
			if d.Reason != tt.reason {
				t.Fatalf("Eligibility on %s = %v, want %v", on, d, tt.reason)
			}
			if got := explain.Decision(explain.English, tt.c, d, on); got != tt.en {
				t.Errorf("English:\n got %s\nwant %s", got, tt.en)
			}
			if got := explain.Decision(explain.Chinese, tt.c, d, on); got != tt.zh {
				t.Errorf("Chinese:\n got %s\nwant %s", got, tt.zh)
			}
		})
	}
}

// TestDecisionOdd tells decisions that Eligibility never gives: the zero
// Decision, a reason that is none, a window without its reason's days.
func TestDecisionOdd(t *testing.T) {
	tests := []struct {
		name   string
		c      cert.Certification
		d      policy.Decision
		on     cert.Date
		en, zh string
	}{
		{"the zero Decision", admin, policy.Decision{}, day("2022-01-15"),
			"No decision has been made on renewing " + adminName + " on 2022-01-15.",
			"尚未就 2022年1月15日 能否更新" + adminName + "作出决定。"},
		{"a reason that is none", cert.Certification{}, policy.Decision{Reason: 99}, cert.Date{},
			"No decision has been made on renewing this certification on no date.",
			"尚未就 无日期 能否更新此认证作出决定。"},
		{"not yet open, with no window", admin, policy.Decision{Reason: policy.NotYetOpen}, day("2022-01-14"),
			"On 2022-01-14 you cannot renew " + adminName + ": its renewal window is not open yet.",
			"您在 2022年1月14日 不能更新" + adminName + "：其更新窗口尚未开放。"},
		{"a name that is not text", cert.Certification{Name: "a\nb\xff"}, policy.Decision{Reason: policy.NotHeld}, day("2022-01-14"),
			"On 2022-01-14 you cannot renew “a b\uFFFD”: you do not hold it on that day.",
			"您在 2022年1月14日 不能更新“a b\uFFFD”：您当天未持有此认证。"},
		{"a name with braces is put in as it is", cert.Certification{Name: "{on}"}, policy.Decision{Reason: policy.NotHeld}, day("2022-01-14"),
			"On 2022-01-14 you cannot renew “{on}”: you do not hold it on that day.",
			"您在 2022年1月14日 不能更新“{on}”：您当天未持有此认证。"},
	}
	for _, tt := range tests {
		if got := explain.Decision(explain.English, tt.c, tt.d, tt.on); got != tt.en {
			t.Errorf("%s, English:\n got %s\nwant %s", tt.name, got, tt.en)
		}
		if got := explain.Decision(explain.Chinese, tt.c, tt.d, tt.on); got != tt.zh {
			t.Errorf("%s, Chinese:\n got %s\nwant %s", tt.name, got, tt.zh)
		}
	}
}

// TestDecisionGrace tells the decisions of the sample holder under a
// policy with a grace period of 30 days (RULES G1): the expiry is
// 2022-07-15 and the grace period's last day 2022-08-13; late's assessment
// comes on 2022-08-01, in the grace period.
func TestDecisionGrace(t *testing.T) {
	p := policy.Microsoft()
	p.GraceDays = 30
	linked := holder(t)
	unlinked := linked
	unlinked.Learn = ""
	const after = " After it expires on 2022-07-15, you can still renew it until 2022-08-13, in its grace period."
	const afterZh = "此认证于 2022年7月15日 过期后，您仍可在宽限期内更新，最晚至 2022年8月13日。"
	tests := []struct {
		name   string
		pr     cert.Profile
		c      cert.Certification
		on     string
		reason policy.Reason
		en, zh string
	}{
		{"G1 E2 the day before the window opens", linked, admin, "2022-01-14", policy.NotYetOpen,
			"On 2022-01-14 you cannot renew " + adminName + ": its renewal window is not open yet. You can renew from 2022-01-15 until 2022-07-14." + after,
			"您在 2022年1月14日 不能更新" + adminName + "：其更新窗口尚未开放。您可以在 2022年1月15日 至 2022年7月14日 期间更新此认证。" + afterZh},
		{"G1 the last day of the window", linked, admin, "2022-07-14", policy.Eligible,
			"On 2022-07-14 you can renew " + adminName + ". The last day to renew is 2022-07-14." + after,
			"您可以在 2022年7月14日 更新" + adminName + "。更新此认证的最后一天是 2022年7月14日。" + afterZh},
		{"G1 the expiry day, in the grace period", linked, admin, "2022-07-15", policy.Eligible,
			"On 2022-07-15 you can renew " + adminName + ". Your credential expired on 2022-07-15; you can still renew it until 2022-08-13.",
			"您可以在 2022年7月15日 更新" + adminName + "。您的认证已于 2022年7月15日 过期；您仍可更新此认证，最晚至 2022年8月13日。"},
		{"G1 the last day of the grace period", linked, admin, "2022-08-13", policy.Eligible,
			"On 2022-08-13 you can renew " + adminName + ". Your credential expired on 2022-07-15; you can still renew it until 2022-08-13.",
			"您可以在 2022年8月13日 更新" + adminName + "。您的认证已于 2022年7月15日 过期；您仍可更新此认证，最晚至 2022年8月13日。"},
		{"G1 the day after the grace period: expired", linked, admin, "2022-08-14", policy.Expired,
			"On 2022-08-14 you cannot renew " + adminName + ": it has expired, and is earned again by passing the required exams.",
			"您在 2022年8月14日 不能更新" + adminName + "：此认证已过期，必须通过所需的考试来再次获得。"},
		{"G1 E4 in the grace period, not linked", unlinked, admin, "2022-07-20", policy.ProfileNotLinked,
			"On 2022-07-20 you cannot renew " + adminName + ": your certification profile is not linked to your Microsoft Learn profile. Your credential expired on 2022-07-15; you can still renew it until 2022-08-13.",
			"您在 2022年7月20日 不能更新" + adminName + "：您的认证配置文件尚未连接到 Microsoft Learn 上的文档配置文件。您的认证已于 2022年7月15日 过期；您仍可更新此认证，最晚至 2022年8月13日。"},
		{"G1 E3 before the window, the assessment in the grace period", linked, late, "2022-01-01", policy.NotYetOpen,
			"On 2022-01-01 you cannot renew “Late”: its renewal window is not open yet. Its renewal assessment is offered only from 2022-08-01, after it expires on 2022-07-15: you can renew it from then until 2022-08-13, in its grace period.",
			"您在 2022年1月1日 不能更新“Late”：其更新窗口尚未开放。其更新评估自 2022年8月1日 起才推出，晚于此认证的过期日 2022年7月15日：您可以在宽限期内从该日起更新，最晚至 2022年8月13日。"},
		{"G1 E3 in the grace period, the day before the assessment", linked, late, "2022-07-31", policy.AssessmentUnavailable,
			"On 2022-07-31 you cannot renew “Late”: its renewal assessment is not offered yet. Your credential expired on 2022-07-15; you can still renew it from 2022-08-01 until 2022-08-13.",
			"您在 2022年7月31日 不能更新“Late”：其更新评估尚未推出。您的认证已于 2022年7月15日 过期；您仍可在 2022年8月1日 至 2022年8月13日 期间更新此认证。"},
		{"G1 E3 in the grace period, the assessment's first day", linked, late, "2022-08-01", policy.Eligible,
			"On 2022-08-01 you can renew “Late”. Your credential expired on 2022-07-15; you can still renew it until 2022-08-13.",
			"您可以在 2022年8月1日 更新“Late”。您的认证已于 2022年7月15日 过期；您仍可更新此认证，最晚至 2022年8月13日。"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			on := day(tt.on)
			d := p.Eligibility(tt.pr, tt.c, on)
			if d.Reason != tt.reason {
				t.Fatalf("Eligibility on %s = %v, want %v", on, d, tt.reason)
			}
			if got := explain.Decision(explain.English, tt.c, d, on); got != tt.en {
				t.Errorf("English:\n got %s\nwant %s", got, tt.en)
			}
			if got := explain.Decision(explain.Chinese, tt.c, d, on); got != tt.zh {
				t.Errorf("Chinese:\n got %s\nwant %s", got, tt.zh)
			}
		})
	}
	// An assessment that comes after the grace period.
	d := policy.Decision{Reason: policy.AssessmentUnavailable, Window: policy.Window{Opens: day("2022-01-15"), Closes: day("2022-07-15")}, GraceEnds: day("2022-08-14")}
	if got, want := explain.Decision(explain.English, late, d, day("2022-03-01")), "On 2022-03-01 you cannot renew “Late”: its renewal assessment is not offered yet. Its renewal assessment is not offered by 2022-08-13, the last day of its grace period, so it cannot be renewed this time."; got != want {
		t.Errorf("G1 E3 an assessment after the grace period:\n got %s\nwant %s", got, want)
	}
	if got, want := explain.Decision(explain.Chinese, late, d, day("2022-03-01")), "您在 2022年3月1日 不能更新“Late”：其更新评估尚未推出。其更新评估在宽限期的最后一天 2022年8月13日 及之前都不会推出，因此本次无法更新。"; got != want {
		t.Errorf("G1 E3 an assessment after the grace period, Chinese:\n got %s\nwant %s", got, want)
	}
}
