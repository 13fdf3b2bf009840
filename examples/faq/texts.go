package main

import "github.com/certrenew/certrenew/policy/explain"

// numQuestions is the number of questions of the page's FAQ (常见问题).
const numQuestions = 12

// texts holds the program's own texts in one language: the twelve
// questions and the frame of each answer, whose verbs (%s, %d only) take
// the computed days and the sentences of package explain. Each language has
// one table, en or zh, below.
type texts struct {
	intro     string // %s %s %s: the days the holder earned the three titles
	questions [numQuestions]string

	a1, a2, a3, a4, a5, a6, a7 string
	a8, a8Unknown              string
	a9, offered, notOffered    string
	a10, a11, a12              string
}

// textsOf returns l's table; a value that is no language has English's.
func textsOf(l explain.Language) *texts {
	if l == explain.Chinese {
		return &zh
	}
	return &en
}

// en holds the English texts; the questions are the page's, translated.
var en = texts{
	intro: "The sample holder earned the Azure Administrator Associate on %s, the Azure Solutions Architect Expert on %s and Azure Fundamentals on %s; the certification profile is linked to a Microsoft Learn profile.",
	questions: [numQuestions]string{
		"Can I renew before I am told I am eligible?",
		"Must my certification profile be linked to my Microsoft Learn profile?",
		"How do the certification profile and the Microsoft Learn profile differ?",
		"My certification expired. What now?",
		"Can I renew by passing a beta exam or the exam again before it expires?",
		"Can every certification be renewed?",
		"Do I need to renew a fundamentals certification?",
		"Is the renewal assessment revised with the exam?",
		"In which languages is the assessment offered?",
		"How often can I retake the assessment?",
		"If I renew my expert certification, is its associate prerequisite renewed?",
		"If my associate prerequisite expires, does my expert certification expire?",
	},
	a1:         "No. %s (RULES E2)",
	a2:         "Yes. Not linked: %s Linked: %s (RULES E4)",
	a3:         "They are two accounts: the certification profile (MCID %s) holds %d credentials; the Microsoft Learn profile “%s” is only linked to it, and taking the renewal assessment needs the link (RULES E4).",
	a4:         "%s Pass the exam again: earned on %s, it expires on %s, with the validity in force that day (RULES N6, V2).",
	a5:         "No. %s (RULES N5)",
	a6:         "Only role-based and specialty certifications about six months on the market. For a title launched on %s and earned in beta on %s: %s (RULES E3, R1b)",
	a7:         "No. %s (RULES V1)",
	a8:         "Yes: the assessment follows the exam's revisions, the latest of %s (RULES A6).",
	a8Unknown:  "Yes: the assessment follows the exam's revisions; the roadmap does not record this exam's latest revision (RULES A6).",
	a9:         "In the languages of the certification's exam (RULES A6). The roadmap lists %d for this title; while none are known the assessment counts as offered in any language, so Japanese (ja) is %s.",
	offered:    "offered",
	notOffered: "not offered",
	a10:        "As often as needed until it expires (RULES A1). The second attempt may start at once (RULES A2); after it, wait %d hours: a third attempt at %s is refused. %s (RULES A3)",
	a11:        "No. Renewed on %s, the expert now expires on %s; the associate still expires on %s (RULES N2, R2).",
	a12:        "No. %s The expert is still valid, and expires on %s. %s (RULES R3)",
}

// zh holds the Simplified Chinese texts; the questions are the page's own,
// word for word.
var zh = texts{
	intro: "示例持有人于 %s 获得 Azure Administrator Associate，于 %s 获得 Azure Solutions Architect Expert，于 %s 获得 Azure Fundamentals；其认证配置文件已连接到 Microsoft Learn 上的文档配置文件。",
	questions: [numQuestions]string{
		"我可以在收到有资格更新证书的通知之前更新我的证书吗？",
		"我必须将认证配置文件连接到Microsoft Learn上的文档配置文件吗？",
		"我的Microsoft认证配置文件和Microsoft Learn上的文档配置文件有什么区别？",
		"我的认证已过期。现在会发生什么？",
		"我可以在认证过期之前通过Beta考试或通过重考来更新认证吗？",
		"所有Microsoft认证都可以选择更新吗？",
		"我需要更新我的Microsoft基础认证吗？",
		"更新评估是否与常规考试更新节奏一致？",
		"评估以哪些语言进行？",
		"我可以重考几次评估？",
		"如果我更新我的基于角色的专家级证书，并且其中包含助理级先决条件证书，我的助理级证书会自动更新吗？",
		"我的专家级认证要求先获得助理级认证作为先决条件。如果助理级证书过期，我的专家级也会自动过期吗？",
	},
	a1:         "不可以。%s（RULES E2）",
	a2:         "是的。未连接时：%s已连接时：%s（RULES E4）",
	a3:         "它们是两个帐户：认证配置文件（MCID %s）记录了 %d 个证书；Microsoft Learn 上的文档配置文件“%s”只是连接到它，而参加更新评估需要这一连接（RULES E4）。",
	a4:         "%s请再次通过考试：于 %s 获得，将于 %s 过期，有效期按获得当天有效的规定计算（RULES N6、V2）。",
	a5:         "不能。%s（RULES N5）",
	a6:         "只有上市大约六个月以上的基于角色和专业的认证才有更新选项。对于 %s 上市、于 %s 通过 Beta 考试获得的认证：%s（RULES E3、R1b）",
	a7:         "不需要。%s（RULES V1）",
	a8:         "是的：评估随认证考试的更新而更新，最近一次更新于 %s（RULES A6）。",
	a8Unknown:  "是的：评估随认证考试的更新而更新；路线图未记录此考试最近一次更新的日期（RULES A6）。",
	a9:         "以与相应认证考试相同的语言进行（RULES A6）。路线图为此认证列出了 %d 种语言；在语言未知时，评估视为以任何语言提供，因此日语（ja）%s。",
	offered:    "可用",
	notOffered: "不可用",
	a10:        "在认证过期之前，可以根据需要多次重考评估（RULES A1）。第一次没有通过，可以立即进行第二次尝试（RULES A2）；第二次尝试之后，必须等待 %d 小时：%s的第三次尝试被拒绝。%s（RULES A3）",
	a11:        "不会。于 %s 更新后，专家级认证现在将于 %s 过期；助理级认证仍将于 %s 过期（RULES N2、R2）。",
	a12:        "不会。%s专家级认证仍然有效，将于 %s 过期。%s（RULES R3）",
}
