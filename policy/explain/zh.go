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
}
