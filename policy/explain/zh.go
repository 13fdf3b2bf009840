package explain

// chinese holds the Simplified Chinese texts, in the vocabulary of the
// policy's Chinese page (更新您的Microsoft认证): 认证 for a certification,
// 更新 for renewing, 更新评估 for the renewal assessment, 认证配置文件 and
// Microsoft Learn 上的文档配置文件 for the two profiles. Days are written
// 2022年1月15日, times on the 24-hour clock; a date or number inside a
// sentence has a space on each side, except next to full-width punctuation.
var chinese = [numMsgs]string{
	mDate:      "{y}年{m}月{d}日",
	mNoDate:    "无日期",
	mTime:      "{hh}:{mi}",
	mTimeSec:   "{hh}:{mi}:{ss}",
	mZoneUTC:   "UTC",
	mZone:      "UTC{sign}{hh}:{mi}",
	mZoneSec:   "UTC{sign}{hh}:{mi}:{ss}",
	mInstant:   "{date} {time}（{zone}）",
	mNoInstant: "无时间",

	mJoin:     "{a}{b}",
	mThisCert: "此认证",
	mTitle:    "“{name}”",

	mDecisionCan:    "您可以在 {on} 更新{title}。",
	mDecisionCannot: "您在 {on} 不能更新{title}：{why}。",
	mDecisionNone:   "尚未就 {on} 能否更新{title}作出决定。",
	mWindowFrom:     "您可以在 {from} 至 {last} 期间更新此认证。",
	mWindowLast:     "更新此认证的最后一天是 {last}。",
	mWindowNever:    "此认证将于 {closes} 过期，而其更新评估在此之前不会推出，因此本次无法更新。",

	mWhyNotHeld:      "您当天未持有此认证",
	mWhyNeverExpires: "此认证不会过期，因此无需更新",
	mWhyExpired:      "此认证已过期，必须通过所需的考试来再次获得",
	mWhyNotYetOpen:   "其更新窗口尚未开放",
	mWhyUnavailable:  "其更新评估尚未推出",
	mWhyNotLinked:    "您的认证配置文件尚未连接到 Microsoft Learn 上的文档配置文件",

	mItemWindowOpens:  "{title}的更新窗口将于 {on} 开放，更新的最后一天是 {last}。",
	mItemCanRenew:     "从 {on} 起，您可以更新{title}，最晚至 {last}。",
	mItemReminder:     "第 {n} 次提醒（{on}）：您可以更新{title}，最晚至 {last}；此认证将于 {expires} 过期。",
	mItemReminderN0:   "提醒（{on}）：您可以更新{title}，最晚至 {last}；此认证将于 {expires} 过期。",
	mItemLockoutLifts: "从 {at} 起，您可以再次尝试{title}的更新评估。",
	mItemLastDay:      "{on} 是更新{title}的最后一天，此认证将于 {expires} 过期。",
	mItemExpires:      "{title}将于 {on} 过期：自该日起不再有效，必须通过所需的考试来再次获得。",
	mItemUnknown:      "{on}，{title}有一项待办事项。",
}
