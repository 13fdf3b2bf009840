package cert

// Roadmap returns the catalog that the policy page of 2020-12-15 lists (RULES
// H1): the 27 role-based and specialty titles then on the market, with the
// page's own English names, their levels, the first day of their renewal
// assessment, and the associate prerequisites of the four expert titles
// (RULES R1).
//
// The page gives a month, not a day, for each wave of renewal assessments.
// The library takes 2021-02-01, the first day of "early February 2021", for
// the first wave, and 2021-02-15, the middle of February, for the titles
// offered "mid-February to March 2021": both inside the ranges RULES H1
// gives, 2021-02-01..2021-02-10 and 2021-02-11..2021-03-31. Launch days are not on the page and are left
// zero. Nor are the exams' languages or revision days (RULES A6): they are
// left empty, meaning not known, rather than guessed.
//
// Each call returns a catalog of its own, built from literals. Its 27 titles
// are few enough that [Catalog.Lookup] scans them faster than it could
// search an index, so Roadmap builds none and computes nothing.
func Roadmap() Catalog {
	// The first renewal days of the two waves; see above (RULES H1).
	wave1, wave2 := NewDate(2021, 2, 1), NewDate(2021, 2, 15)
	a := func(id ID, name string, level Level, from Date, pre ...ID) Certification {
		return Certification{ID: id, Name: name, Level: level, RenewalFrom: from, Prerequisites: pre}
	}
	return Catalog{certs: []Certification{
		// Offered from early February 2021.
		a("azure-administrator", "Microsoft Certified: Azure Administrator Associate", Associate, wave1),
		a("azure-developer", "Microsoft Certified: Azure Developer Associate", Associate, wave1),
		a("azure-security-engineer", "Microsoft Certified: Azure Security Engineer Associate", Associate, wave1),
		a("devops-engineer", "Microsoft Certified: DevOps Engineer Expert", Expert, wave1,
			"azure-administrator", "azure-developer"),
		a("azure-solutions-architect", "Microsoft Certified: Azure Solutions Architect Expert", Expert, wave1,
			"azure-administrator"),
		a("azure-for-sap-workloads", "Microsoft Certified: Azure for SAP Workloads Specialty", Specialty, wave1),
		a("azure-iot-developer", "Microsoft Certified: Azure IoT Developer Specialty", Specialty, wave1),
		a("azure-data-scientist", "Microsoft Certified: Azure Data Scientist Associate", Associate, wave1),
		a("m365-modern-desktop", "Microsoft 365 Certified: Modern Desktop Administrator Associate", Associate, wave1),
		a("m365-messaging-administrator", "Microsoft 365 Certified: Messaging Administrator Associate", Associate, wave1),
		a("m365-security-administrator", "Microsoft 365 Certified: Security Administrator Associate", Associate, wave1),
		a("m365-developer", "Microsoft 365 Certified: Developer Associate", Associate, wave1),
		a("m365-teams-administrator", "Microsoft 365 Certified: Teams Administrator Associate", Associate, wave1),
		a("m365-enterprise-administrator", "Microsoft 365 Certified: Enterprise Administrator Expert", Expert, wave1,
			"m365-modern-desktop", "m365-security-administrator", "m365-messaging-administrator", "m365-teams-administrator"),
		a("d365-sales", "Microsoft Certified: Dynamics 365 Sales Functional Consultant Associate", Associate, wave1),
		a("d365-customer-service", "Microsoft Certified: Dynamics 365 Customer Service Functional Consultant Associate", Associate, wave1),
		a("d365-field-service", "Microsoft Certified: Dynamics 365 Field Service Functional Consultant Associate", Associate, wave1),
		a("d365-finance", "Microsoft Certified: Dynamics 365 Finance Functional Consultant Associate", Associate, wave1),
		a("d365-supply-chain", "Microsoft Certified: Dynamics 365 Supply Chain Management Functional Consultant Associate", Associate, wave1),

		// Offered from mid-February to March 2021.
		a("azure-ai-engineer", "Microsoft Certified: Azure AI Engineer Associate", Associate, wave2),
		a("azure-data-engineer", "Microsoft Certified: Azure Data Engineer Associate", Associate, wave2),
		a("azure-database-administrator", "Microsoft Certified: Azure Database Administrator Associate", Associate, wave2),
		a("data-analyst", "Microsoft Certified: Data Analyst Associate", Associate, wave2),
		a("d365-marketing", "Microsoft Certified: Dynamics 365 Marketing Functional Consultant Associate", Associate, wave2),
		a("d365-supply-chain-manufacturing", "Microsoft Certified: Dynamics 365 Supply Chain Management, Manufacturing Functional Consultant Associate", Associate, wave2),
		a("d365-finance-operations-developer", "Microsoft Certified: Dynamics 365 Finance and Operations Apps Developer Associate", Associate, wave2),
		a("d365-finance-operations-architect", "Microsoft Certified: Dynamics 365 Finance and Operations Apps Solution Architect Expert", Expert, wave2,
			"d365-finance", "d365-supply-chain", "d365-supply-chain-manufacturing", "d365-finance-operations-developer"),
	}}
}
