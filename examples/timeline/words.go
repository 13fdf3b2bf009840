package main

import (
	"errors"
	"fmt"
	"io/fs"
	"strings"
	"time"

	"github.com/certrenew/certrenew/cert"
	"github.com/certrenew/certrenew/policy"
	"github.com/certrenew/certrenew/policy/explain"
	"github.com/certrenew/certrenew/policy/history"
)

// A word names one of the program's own texts: a heading or a label of the
// table, what an event did, what a title is in the sample story for, or
// why the story cannot be placed. The sentences about decisions, agenda
// items and refusals are package explain's, not these.
//
// Each language has one table of texts, indexed by word. A text is a format
// of package fmt whose verbs name their arguments by index, as in "%[1]s",
// so that another language can put them in another order; the comment of
// each word says what its arguments are.
type word uint8

// The words.
const (
	_ word = iota

	// The table's headings and labels.
	wHolder         // [1] MCID [2] today: a profile not linked
	wHolderLinked   // [1] MCID [2] Learn profile [3] today
	wHolderLinkedOn // [1] MCID [2] Learn profile [3] the day linked [4] today
	wMerged         // [1] the MCIDs merged, joined by wListSep
	wListSep        // what separates the items of a list
	wLaterOne       // [1] today: one event after it
	wLaterMany      // [1] how many events [2] today
	wTitle          // [1] name [2] level [3] ID
	wTitleShows     // [1] name [2] level [3] ID [4] what it is in the story for
	wToday          // the line of today among the events
	wOnToday        // [1] today, labelled as today
	wDecisions      // the heading of the decisions
	wNextReminder   // [1] day [2] when: wDueToday, wInOneDay or wInDays
	wDueToday       // a day that is today
	wInOneDay       // the day after today
	wInDays         // [1] how many days after today
	wEarlier        // the heading of the earlier credentials
	wRefused        // the heading of the events a lenient replay skipped
	wNone           // an empty list

	// The levels of a title (cert.Level).
	wFundamentals
	wAssociate
	wExpert
	wSpecialty

	// What an event did to a title, and the days of its cycle.
	wEarned        // the title earned
	wEarnedWith    // [1] the prerequisite held active (RULES R1)
	wNeverExpires  // a title that never expires (RULES V1)
	wEarnedAgain   // [1] the new expiry (RULES N6)
	wAttempt       // [1] its number in the cycle [2] its time, a clock [3] a retake phrase or none [4] wPassed or wFailed
	wRetakeAtOnce  // a retake with no wait (RULES A2)
	wRetakeFrom    // [1] the instant a retake was allowed from, a moment (RULES A3)
	wPassed        // [1] the new expiry [2] the old one (RULES N1)
	wFailed        // an attempt failed
	wMergedIn      // [1] MCID [2] earned [3] wExpiresOn or wExpiresNever (RULES P2)
	wMergedEarlier // [1] MCID [2] earned [3] wExpiresOn or wExpiresNever (RULES P2)
	wExpiresOn     // [1] the expiry
	wExpiresNever  // no expiry
	wWindowOpens   // [1] the expiry the window leads to (RULES E2)
	wNotOffered    // the renewal assessment comes after the expiry (RULES E3)
	wOffered       // the renewal assessment offered from a day in the window (RULES E3)
	wReminder      // [1] its number in the cycle (RULES M2)
	wExpires       // the credential expires
	wEarlierCred   // [1] wStatus... [2] wCycle...: an earlier credential
	wStatusNever   // it never expires
	wStatusExpires // [1] its expiry, after today
	wStatusExpired // [1] its expiry, on or before today
	wCycleNone     // no attempt in its last cycle
	wCyclePassed   // [1] how many attempts, the last a pass
	wCycleFailed   // [1] wFailedOne or wFailedMany
	wFailedOne     // one failed attempt
	wFailedMany    // [1] how many failed attempts
	wOnce          // one renewal
	wTwice         // two renewals
	wTimes         // [1] how many renewals, three or more
	wVerbatim      // [1] a text told as it is, in every language
	wClock         // the time.Time layout of an attempt's time of day
	wMoment        // the time.Time layout of an instant with its day

	// What each title is in the sample story for.
	wShowsFundamentals
	wShowsRenewed // [1] wOnce, wTwice or wTimes [2] days ago [3] wShowsAfter or none
	wShowsAfter   // [1] wFailedOne or wFailedMany
	wShowsExpert
	wShowsOpen
	wShowsLapsed
	wShowsLapsedFailed

	// Why the story cannot be placed, and the program's other errors.
	wErrPlace          // [1] today [2] why
	wErrRange          // the story's days outside the range of cert.Date
	wErrNotRenewed     // [1] ID [2] day [3] days before today [4] the Reason [5] wErrRenewalFrom or none
	wErrRenewalFrom    // [1] the day from which it could be renewed
	wErrNoReminder     // no reminder inside a window
	wErrNoEarnDay      // [1] days [2] the target expiry [3] ID [4] wNeeds...
	wNeedsReminder     // [1] days [2] today
	wNeedsEarned       // [1] the expert's earn day [2] the renewal day
	wNeedsOpen         // [1] today
	wNeedsExpire       // [1] the day
	wErrNotOpen        // [1] ID [2] today [3] the Reason
	wErrNoReminderSoon // [1] ID [2] days [3] today
	wErrNotInCatalog   // [1] ID
	wErrMCID           // an empty -mcid
	wErrArgument       // [1] the argument
	wNoFile            // a file that does not exist
	wFileDenied        // a file the program may not read
	wFileError         // [1] why a file cannot be read, in the system's words
	wRule              // [1] the rule that refuses an event, after the refusal
	wDetail            // [1] what a parser found wrong, in its words, after the sentence
	wFlagError         // [1] package flag's refusal of the command line, in its words
	wErrOutputs        // [1] the flags given that each choose the output, joined by wListSep
	wErrAlarmICS       // -alarm without -ics
	wErrAlarm          // [1] a negative -alarm
	wErrStoryTitles    // [1] the IDs of the story's titles a catalog lacks, a list

	// The calendar of -ics.
	wCalendarName // [1] MCID
	wProdID       // the calendar's PRODID, which ends in its language

	// The drawing of -svg.
	wSVGTitle       // [1] MCID [2] today
	wSVGToday       // [1] today: the label of its line
	wYear           // [1] a year, on the axis
	wSVGSep         // what separates the parts of a label
	wSVGDays        // [1] earned [2] wStatusExpires, wStatusExpired or wStatusNever
	wSVGValid       // [1] the first day of validity [2] the last
	wSVGValidNever  // [1] the first day of validity, of one that never expires
	wSVGWindowTip   // [1] the first day of a renewal window [2] its last
	wSVGTipSep      // what separates a day from what happened on it
	wLegendBar      // the bar of the current credential
	wLegendEarlier  // the bar of an earlier credential
	wLegendNever    // the bar of a credential that never expires
	wLegendWindow   // the shading of a renewal window
	wLegendReminder // the mark of a reminder
	wLegendRenewal  // the mark of a renewal
	wLegendFailed   // the mark of a failed attempt
	wLegendToday    // the line of today

	numWords
)

// english holds the program's words in English.
var english = [numWords]string{
	wHolder:         "Holder %[1]s, not linked to a Learn profile; decisions on %[2]s.",
	wHolderLinked:   "Holder %[1]s, linked to Learn profile %[2]s; decisions on %[3]s.",
	wHolderLinkedOn: "Holder %[1]s, linked to Learn profile %[2]s on %[3]s; decisions on %[4]s.",
	wMerged:         "Profiles merged into it: %[1]s.",
	wListSep:        ", ",
	wLaterOne:       "One event of the log, after %[1]s, is not replayed.",
	wLaterMany:      "%[1]d events of the log, after %[2]s, are not replayed.",
	wTitle:          "%[1]s (%[2]s, %[3]s)",
	wTitleShows:     "%[1]s (%[2]s, %[3]s): %[4]s",
	wToday:          "(today)",
	wOnToday:        "%[1]s (today)",
	wDecisions:      "decisions:",
	wNextReminder:   "next reminder %[1]s, %[2]s",
	wDueToday:       "today",
	wInOneDay:       "in 1 day",
	wInDays:         "in %[1]d days",
	wEarlier:        "earlier credentials:",
	wRefused:        "Refused events, skipped:",
	wNone:           "none",

	wFundamentals: "Fundamentals",
	wAssociate:    "Associate",
	wExpert:       "Expert",
	wSpecialty:    "Specialty",

	wEarned:        "earned",
	wEarnedWith:    "earned, with its prerequisite %[1]s active (RULES R1)",
	wNeverExpires:  "never expires: no renewal (RULES V1)",
	wEarnedAgain:   "earned again by exam: expires %[1]s (RULES N6)",
	wAttempt:       "renewal assessment, attempt %[1]d at %[2]s%[3]s: %[4]s",
	wRetakeAtOnce:  ", a retake at once (RULES A2)",
	wRetakeFrom:    ", a retake allowed from %[1]s (RULES A3)",
	wPassed:        "passed; renewed: expires %[1]s instead of %[2]s (RULES N1)",
	wFailed:        "failed",
	wMergedIn:      "merged in from profile %[1]q: earned %[2]s, %[3]s (RULES P2)",
	wMergedEarlier: "from profile %[1]q, an earlier credential: earned %[2]s, %[3]s (RULES P2)",
	wExpiresOn:     "expires %[1]s",
	wExpiresNever:  "expires never",
	wWindowOpens:   "renewal window opens (expires %[1]s)",
	wNotOffered:    "renewal assessment not offered before it expires: no renewal (RULES E3)",
	wOffered:       "renewal assessment offered from this day (RULES E3)",
	wReminder:      "reminder %[1]d",
	wExpires:       "expires",
	wEarlierCred:   "earned; %[1]s; %[2]s",
	wStatusNever:   "never expires",
	wStatusExpires: "expires %[1]s",
	wStatusExpired: "expired %[1]s",
	wCycleNone:     "no attempt in its last cycle",
	wCyclePassed:   "its last cycle: %[1]d attempts, the last a pass",
	wCycleFailed:   "its last cycle: %[1]s",
	wFailedOne:     "a failed attempt",
	wFailedMany:    "%[1]d failed attempts",
	wOnce:          "once",
	wTwice:         "twice",
	wTimes:         "%[1]d times",
	wVerbatim:      "%[1]s",
	wClock:         "15:04 -07:00",
	wMoment:        "2006-01-02 15:04 -07:00",

	wShowsFundamentals: "a fundamentals title, which never expires",
	wShowsRenewed:      "renewed %[1]s, the last %[2]d days ago%[3]s; the prerequisite of the expert",
	wShowsAfter:        " after %[1]s the day before",
	wShowsExpert:       "an expert earned while its associate prerequisite was active; a reminder is due within a week",
	wShowsOpen:         "its renewal window is open today",
	wShowsLapsed:       "expired without a renewal, then earned again by exam",
	wShowsLapsedFailed: "expired after a failed attempt, then earned again by exam",

	wErrPlace:          "the sample story cannot be placed around %[1]s: %[2]s",
	wErrRange:          "its days would fall outside 0001-01-01..9999-12-31",
	wErrNotRenewed:     "%[1]s cannot have been renewed on %[2]s, %[3]d days before, as the story needs: the policy says %[4]s%[5]s",
	wErrRenewalFrom:    " (renewal from %[1]s)",
	wErrNoReminder:     "the policy sends no reminder inside a renewal window, so none can be due soon",
	wErrNoEarnDay:      "no earn day under the policy's terms, with an expiry within %[1]d days of %[2]s, lets %[3]s %[4]s, as the story needs",
	wNeedsReminder:     "have a reminder due in the %[1]d days from %[2]s",
	wNeedsEarned:       "be earned by %[1]s, the expert's earn day, and renewed on %[2]s",
	wNeedsOpen:         "have a renewal window open on %[1]s",
	wNeedsExpire:       "expire by %[1]s",
	wErrNotOpen:        "the window of %[1]s is not open on %[2]s, as the story needs: the policy says %[3]s",
	wErrNoReminderSoon: "the policy's reminders leave %[1]s none in the %[2]d days from %[3]s, as the story needs",
	wErrNotInCatalog:   "the replay holds %[1]q, which is not in the catalog",
	wErrMCID:           "want the MCID of a certification profile, not an empty one",
	wErrArgument:       "unexpected argument %[1]q",
	wNoFile:            "no such file",
	wFileDenied:        "permission denied",
	wFileError:         "cannot be read: %[1]s",
	wRule:              " (RULES %[1]s)",
	wDetail:            " (%[1]s)",
	wFlagError:         "%[1]s",
	wErrOutputs:        "%[1]s: choose one output",
	wErrAlarmICS:       "an alarm is for the events of -ics",
	wErrAlarm:          "want a duration of 0 or more, not %[1]s",
	wErrStoryTitles:    "the sample story needs %[1]s, which the catalog lacks: replay a log of its titles with -events",

	wCalendarName: "Certification renewals of %[1]s",
	wProdID:       "-//certrenew//timeline//EN",

	wSVGTitle:       "Renewal timeline of holder %[1]s on %[2]s",
	wSVGToday:       "today, %[1]s",
	wYear:           "%[1]d",
	wSVGSep:         " · ",
	wSVGDays:        "earned %[1]s · %[2]s",
	wSVGValid:       "valid from %[1]s to %[2]s",
	wSVGValidNever:  "valid from %[1]s, never expires",
	wSVGWindowTip:   "renewal window from %[1]s to %[2]s",
	wSVGTipSep:      ": ",
	wLegendBar:      "current credential",
	wLegendEarlier:  "earlier credential",
	wLegendNever:    "never expires",
	wLegendWindow:   "renewal window",
	wLegendReminder: "reminder",
	wLegendRenewal:  "renewal",
	wLegendFailed:   "failed attempt",
	wLegendToday:    "today",
}

// chinese holds the program's words in Simplified Chinese, in the
// vocabulary of package explain: 认证 for a certification, 证书 for a
// credential, 更新 for renewing, 更新评估 for the renewal assessment,
// 认证配置文件 and Microsoft Learn 上的文档配置文件 for the two profiles.
// Days are written as explain.Date writes them, 2026年12月1日, with a
// space on each side of a day or a number in a sentence, but next to
// full-width punctuation. The rules keep the name of RULES.md, and a
// Reason its name in Go, as in the JSON.
var chinese = [numWords]string{
	wHolder:         "持证人 %[1]s，尚未连接到 Microsoft Learn 上的文档配置文件；决定日期为 %[2]s。",
	wHolderLinked:   "持证人 %[1]s，已连接到 Microsoft Learn 上的文档配置文件 %[2]s；决定日期为 %[3]s。",
	wHolderLinkedOn: "持证人 %[1]s，于 %[3]s 连接到 Microsoft Learn 上的文档配置文件 %[2]s；决定日期为 %[4]s。",
	wMerged:         "合并到其中的认证配置文件：%[1]s。",
	wListSep:        "、",
	wLaterOne:       "日志中有 1 个事件晚于 %[1]s，未重放。",
	wLaterMany:      "日志中有 %[1]d 个事件晚于 %[2]s，未重放。",
	wTitle:          "%[1]s（%[2]s，%[3]s）",
	wTitleShows:     "%[1]s（%[2]s，%[3]s）：%[4]s",
	wToday:          "（今天）",
	wOnToday:        "%[1]s（今天）",
	wDecisions:      "决定：",
	wNextReminder:   "下次提醒：%[1]s，%[2]s",
	wDueToday:       "就在今天",
	wInOneDay:       "1 天后",
	wInDays:         "%[1]d 天后",
	wEarlier:        "以前的证书：",
	wRefused:        "被拒绝并跳过的事件：",
	wNone:           "无",

	wFundamentals: "基础",
	wAssociate:    "助理级",
	wExpert:       "专家级",
	wSpecialty:    "专业",

	wEarned:        "获得认证",
	wEarnedWith:    "获得认证，其先决条件 %[1]s 当时有效（RULES R1）",
	wNeverExpires:  "永不过期：无需更新（RULES V1）",
	wEarnedAgain:   "通过考试再次获得：%[1]s 过期（RULES N6）",
	wAttempt:       "更新评估，第 %[1]d 次尝试，时间 %[2]s%[3]s：%[4]s",
	wRetakeAtOnce:  "，立即重考（RULES A2）",
	wRetakeFrom:    "，自 %[1]s起可以重考（RULES A3）",
	wPassed:        "通过；已更新：过期日期从 %[2]s 延至 %[1]s（RULES N1）",
	wFailed:        "未通过",
	wMergedIn:      "从认证配置文件“%[1]s”合并而来：获得于 %[2]s，%[3]s（RULES P2）",
	wMergedEarlier: "来自认证配置文件“%[1]s”的以前的证书：获得于 %[2]s，%[3]s（RULES P2）",
	wExpiresOn:     "%[1]s 过期",
	wExpiresNever:  "永不过期",
	wWindowOpens:   "更新窗口开放（%[1]s 过期）",
	wNotOffered:    "更新评估在认证过期之前不会推出：无法更新（RULES E3）",
	wOffered:       "更新评估自这一天起推出（RULES E3）",
	wReminder:      "第 %[1]d 次提醒",
	wExpires:       "过期",
	wEarlierCred:   "获得认证；%[1]s；%[2]s",
	wStatusNever:   "永不过期",
	wStatusExpires: "%[1]s 过期",
	wStatusExpired: "已于 %[1]s 过期",
	wCycleNone:     "最后一个周期内没有尝试",
	wCyclePassed:   "最后一个周期：%[1]d 次尝试，最后一次通过",
	wCycleFailed:   "最后一个周期：%[1]s",
	wFailedOne:     "1 次尝试未通过",
	wFailedMany:    "%[1]d 次尝试未通过",
	wOnce:          "1 次",
	wTwice:         "2 次",
	wTimes:         "%[1]d 次",
	wVerbatim:      "%[1]s",
	wClock:         "15:04（UTC-07:00）",
	wMoment:        "2006年1月2日 15:04（UTC-07:00）",

	wShowsFundamentals: "基础认证，永不过期",
	wShowsRenewed:      "已更新 %[1]s，最近一次在 %[2]d 天前%[3]s；是专家级认证的先决条件",
	wShowsAfter:        "，前一天有 %[1]s",
	wShowsExpert:       "在其助理级先决条件有效时获得的专家级认证；一周内有一次提醒",
	wShowsOpen:         "其更新窗口今天处于开放状态",
	wShowsLapsed:       "未更新而过期，之后通过考试再次获得",
	wShowsLapsedFailed: "1 次尝试未通过后过期，之后通过考试再次获得",

	wErrPlace:          "示例故事无法围绕 %[1]s 安排：%[2]s",
	wErrRange:          "其日期会超出 0001-01-01..9999-12-31 的范围",
	wErrNotRenewed:     "故事需要 %[1]s 在 %[2]s（%[3]d 天前）更新，但这不可能：政策的结论是 %[4]s%[5]s",
	wErrRenewalFrom:    "（自 %[1]s 起可以更新）",
	wErrNoReminder:     "政策在更新窗口内不发送提醒，因此不会有即将到来的提醒",
	wErrNoEarnDay:      "在政策的期限下，过期日期在 %[2]s 前后 %[1]d 天以内的获得日期，都不能让 %[3]s %[4]s，而故事需要这样",
	wNeedsReminder:     "在从 %[2]s 起的 %[1]d 天内有一次提醒",
	wNeedsEarned:       "不晚于专家级认证的获得日期 %[1]s 获得，并在 %[2]s 更新",
	wNeedsOpen:         "在 %[1]s 处于更新窗口之内",
	wNeedsExpire:       "不晚于 %[1]s 过期",
	wErrNotOpen:        "故事需要 %[1]s 的更新窗口在 %[2]s 开放，但它未开放：政策的结论是 %[3]s",
	wErrNoReminderSoon: "故事需要 %[1]s 在从 %[3]s 起的 %[2]d 天内有一次提醒，但政策的提醒中没有",
	wErrNotInCatalog:   "重放结果中有“%[1]s”，但目录中没有此认证",
	wErrMCID:           "需要认证配置文件的 MCID，不能为空",
	wErrArgument:       "多余的参数“%[1]s”",
	wNoFile:            "文件不存在",
	wFileDenied:        "没有读取此文件的权限",
	wFileError:         "无法读取：%[1]s",
	wRule:              "（RULES %[1]s）",
	wDetail:            "（%[1]s）",
	wFlagError:         "命令行有误：%[1]s",
	wErrOutputs:        "%[1]s：只能选择一种输出",
	wErrAlarmICS:       "提醒只用于 -ics 的日历事件",
	wErrAlarm:          "需要 0 或更长的时长，而不是 %[1]s",
	wErrStoryTitles:    "示例故事需要 %[1]s，但目录中没有：请用 -events 重放其认证的事件日志",

	wCalendarName: "%[1]s 的认证更新",
	wProdID:       "-//certrenew//timeline//ZH",

	wSVGTitle:       "持证人 %[1]s 的更新时间线（%[2]s）",
	wSVGToday:       "今天：%[1]s",
	wYear:           "%[1]d年",
	wSVGSep:         " · ",
	wSVGDays:        "获得于 %[1]s · %[2]s",
	wSVGValid:       "有效期：%[1]s 至 %[2]s",
	wSVGValidNever:  "自 %[1]s 起有效，永不过期",
	wSVGWindowTip:   "更新窗口：%[1]s 至 %[2]s",
	wSVGTipSep:      "：",
	wLegendBar:      "当前证书",
	wLegendEarlier:  "以前的证书",
	wLegendNever:    "永不过期",
	wLegendWindow:   "更新窗口",
	wLegendReminder: "提醒",
	wLegendRenewal:  "更新",
	wLegendFailed:   "未通过的尝试",
	wLegendToday:    "今天",
}

// texts returns the table of the program's words in l: English for a
// value that is no language, as in package explain.
func texts(l explain.Language) *[numWords]string {
	if l == explain.Chinese {
		return &chinese
	}
	return &english
}

// A phrase is one of the program's texts with its arguments, told in a
// language by [phrase.in]. The zero phrase is no text, told as "".
//
// Its JSON form is its English text: what a program reads is the same
// whatever the language of the table.
type phrase struct {
	w    word
	args []any
}

// say returns the phrase of w with args.
func say(w word, args ...any) phrase { return phrase{w, args} }

// in tells p in l. Each argument is told as l tells it: a day by
// explain.Date, a level by its word, a clock or a moment by l's layout, a
// phrase in l, an error by [tell]; any other value as package fmt formats
// it.
func (p phrase) in(l explain.Language) string {
	if p.w == 0 {
		return ""
	}
	args := make([]any, len(p.args))
	for i, a := range p.args {
		switch a := a.(type) {
		case cert.Date:
			args[i] = explain.Date(l, a)
		case cert.Level:
			args[i] = levelWord(a).in(l)
		case clock:
			args[i] = time.Time(a).Format(texts(l)[wClock])
		case moment:
			args[i] = time.Time(a).Format(texts(l)[wMoment])
		case phrase:
			args[i] = a.in(l)
		case list:
			args[i] = strings.Join(a, texts(l)[wListSep])
		case policy.Reason:
			args[i] = a.String()
		case error:
			args[i] = tell(l, a)
		default:
			args[i] = a
		}
	}
	return fmt.Sprintf(texts(l)[p.w], args...)
}

// IsZero reports whether p is the zero phrase, for JSON's omitzero.
func (p phrase) IsZero() bool { return p.w == 0 }

// MarshalText implements encoding.TextMarshaler: p's English text.
func (p phrase) MarshalText() ([]byte, error) { return []byte(p.in(explain.English)), nil }

// A list is texts told in a row, each as it is, joined by wListSep.
type list []string

// A clock is an instant told as its time of day and offset, as an
// attempt's time in the table.
type clock time.Time

// A moment is an instant told with its day, time of day and offset.
type moment time.Time

// levelWord returns the phrase of level v: its word, or its String for a
// value that is no level.
func levelWord(v cert.Level) phrase {
	switch v {
	case cert.Fundamentals:
		return say(wFundamentals)
	case cert.Associate:
		return say(wAssociate)
	case cert.Expert:
		return say(wExpert)
	case cert.Specialty:
		return say(wSpecialty)
	}
	return say(wVerbatim, v.String())
}

// A phraseError is an error of the program told in its own words: Error
// gives its English text, and [tell] its text in the reader's language.
type phraseError struct{ phrase }

func (e phraseError) Error() string { return e.in(explain.English) }

// fail returns the error of the phrase of w with args.
func fail(w word, args ...any) error { return phraseError{say(w, args...)} }

// tell returns err as the reader of l is told it: an error of the program
// in its words, a file that cannot be read in the program's words with the
// system's reason, and any other through explain.Error, with the rule that
// refuses an event (RULES.md) and what a parser found wrong in an event log,
// a policy or a catalog, in the parser's own words: explain names the event
// or the value at fault, but not always what is wrong with it. A title of a
// program the policy does not list ([policy.ErrUnknownProgram]) is told
// with the title, its program and the programs the policy lists, in the
// error's words.
func tell(l explain.Language, err error) string {
	var pe phraseError
	var fe *fs.PathError
	switch {
	case errors.As(err, &pe):
		return pe.in(l)
	case errors.Is(err, fs.ErrNotExist):
		return say(wNoFile).in(l)
	case errors.Is(err, fs.ErrPermission):
		return say(wFileDenied).in(l)
	case errors.As(err, &fe):
		return say(wFileError, oneLine(fe.Err)).in(l)
	}
	s := explain.Error(l, err)
	var ee *history.EventError
	var le *history.LogError
	var pf *policy.FieldError
	var ce *cert.CatalogError
	switch {
	case errors.As(err, &ee) && ee.Rule != "":
		s += say(wRule, ee.Rule).in(l)
	case errors.As(err, &le):
		s += say(wDetail, fieldText(le.Path, le.Err)).in(l)
	case errors.As(err, &pf):
		s += say(wDetail, fieldText(pf.Path, errors.New(pf.Problem))).in(l)
	case errors.As(err, &ce):
		problem := errors.New(ce.Problem)
		if ce.Err != nil {
			problem = ce.Err
		}
		s += say(wDetail, fieldText(ce.Path, problem)).in(l)
	case errors.Is(err, policy.ErrUnknownProgram):
		s += say(wDetail, strings.TrimPrefix(oneLine(err), policy.ErrUnknownProgram.Error()+": ")).in(l)
	}
	return s
}

// fieldText is the value at path and what is wrong with it, in a parser's
// words, on one line: "[2].kind: missing", or the problem alone for a path
// "". A day or a level that cannot be read is left out, as explain tells
// it.
func fieldText(path string, problem error) string {
	var pe *cert.ParseError
	var le *cert.LevelError
	switch {
	case (errors.As(problem, &pe) || errors.As(problem, &le)) && path != "":
		return path
	case path != "":
		return path + ": " + oneLine(problem)
	}
	return oneLine(problem)
}
