// Package explain answers how to tell a holder, in their own language, what
// the library decided: it puts decisions, refusals and agenda items into
// sentences, with their days, in English and in Simplified Chinese.
//
// The rule is one call per value: [Decision] for a [policy.Decision],
// [Error] for a refusal, [Item] for an [agenda.Item], each taking the
// [Language] first.
//
//	d := p.Eligibility(holder, admin, today)
//	fmt.Println(explain.Decision(explain.Match("zh-CN"), admin, d, today))
//	// 您在 2021年12月1日 不能更新“Microsoft Certified: Azure Administrator Associate”：其更新窗口尚未开放。您可以在 2022年1月15日 至 2022年7月14日 期间更新此认证。
//
// The rest is detail.
//
// The sentences are for people, not programs: their wording may change from
// one release to the next. Match errors with [errors.Is] and [errors.As],
// and decisions by their Reason, never by a sentence. The package is no
// general translation library either: it holds the texts of this library's
// values, in two languages.
//
// # Languages
//
// A [Language] is chosen by a BCP 47 tag with [Match]: "zh", "zh-CN",
// "zh-Hans" and "zh-Hans-CN" give [Chinese], in any case and with "_" for
// "-"; every other tag, the empty one too, gives [English]. Traditional
// Chinese ("zh-TW", "zh-Hant") falls back to English: [Lookup] says why,
// and reports whether a tag was matched at all.
//
// # Sentences
//
// [Decision] tells the answer of [policy.Policy.Eligibility]: whether the
// holder can renew on the day and if not why, then the days on which they
// can, as the Decision gives them:
//
//	On 2021-12-01 you cannot renew this certification: its renewal window is not open yet. You can renew from 2022-01-15 until 2022-07-14.
//	您在 2021年12月1日 不能更新此认证：其更新窗口尚未开放。您可以在 2022年1月15日 至 2022年7月14日 期间更新此认证。
//
// [Item] tells an item of an agenda ([agenda.Item]) with its days, one
// sentence per kind: the window opening, the first day the holder can
// renew, a reminder, the instant a retake lockout lifts, the last day and
// the expiry.
//
// [Error] tells a refusal: of [policy.Policy.Earn], [policy.Policy.Renew]
// and [policy.Policy.RecordAttempt], of the retake rule, of a replay, of
// the parsers. It knows every sentinel error of packages cert, assessment,
// policy and policy/history by [errors.Is], and tells the data of their
// typed errors, found by [errors.As]: the day and the window of a
// [*policy.NotEligibleError], the instant a [*assessment.LockoutError]
// lifts, the event of a [*history.EventError], the text a
// [*cert.ParseError] could not read. [Problem] tells a problem that
// [history.Check] finds in a stored profile. An error's own text is for
// developers, in English, and is never shown; an error Error does not know
// gets a generic sentence.
//
//	It is too soon for another attempt at the renewal assessment: you can try again from 2022-02-03 00:10 (UTC+08:00).
//	现在还不能再次尝试更新评估：您可以从 2022年2月3日 00:10（UTC+08:00）起再次尝试。
//
// A sentence that names a certification takes it as an argument and names
// it by its English title, quoted, in both languages, as the policy's
// Chinese page does; without a name it says "this certification" (此认证).
// The Chinese texts use the page's words: 认证, 更新, 更新评估, 认证配置文件
// and Microsoft Learn 上的文档配置文件.
//
// # Days and instants
//
// A day is written as each language writes it: 2022-01-15 in English, the
// ISO 8601 form that [cert.Date] prints, and 2022年1月15日 in Chinese
// ([Date]). An instant, such as the end of a retake lockout, is written
// with its time on the 24-hour clock and its offset from UTC, in its own
// location ([Instant]): "2022-02-02 09:30 (UTC+08:00)" and
// "2022年2月2日 09:30（UTC+08:00）".
//
// # Texts
//
// The texts of each language live in one table, english in en.go and
// chinese in zh.go, indexed by a message. A text names its arguments in
// braces, "您可以在 {from} 至 {last} 期间更新此认证。", and a small
// formatter puts them in, reading the text once: a value put in, such as a
// title with braces in it, is never read again. The tests check that every
// message has a text in every language, that the texts of a message take
// the same arguments, and that no sentence leaves one unformatted.
//
// Nothing here reads a clock or does I/O, and nothing changes after it is
// built: every function is safe to call from several goroutines at once.
package explain
