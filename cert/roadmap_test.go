package cert_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/certrenew/certrenew/cert"
)

// The page's two tables (seed/renew-your-certification.zh-CN.md, 2020-12-15),
// copied by hand in the page's order.
var (
	// "2021年2月上旬将提供更新评估": early February 2021.
	pageWave1 = []string{
		"Microsoft Certified: Azure Administrator Associate",
		"Microsoft Certified: Azure Developer Associate",
		"Microsoft Certified: Azure Security Engineer Associate",
		"Microsoft Certified: DevOps Engineer Expert",
		"Microsoft Certified: Azure Solutions Architect Expert",
		"Microsoft Certified: Azure for SAP Workloads Specialty",
		"Microsoft Certified: Azure IoT Developer Specialty",
		"Microsoft Certified: Azure Data Scientist Associate",
		"Microsoft 365 Certified: Modern Desktop Administrator Associate",
		"Microsoft 365 Certified: Messaging Administrator Associate",
		"Microsoft 365 Certified: Security Administrator Associate",
		"Microsoft 365 Certified: Developer Associate",
		"Microsoft 365 Certified: Teams Administrator Associate",
		"Microsoft 365 Certified: Enterprise Administrator Expert",
		"Microsoft Certified: Dynamics 365 Sales Functional Consultant Associate",
		"Microsoft Certified: Dynamics 365 Customer Service Functional Consultant Associate",
		"Microsoft Certified: Dynamics 365 Field Service Functional Consultant Associate",
		"Microsoft Certified: Dynamics 365 Finance Functional Consultant Associate",
		"Microsoft Certified: Dynamics 365 Supply Chain Management Functional Consultant Associate",
	}
	// "2021年2月中旬至3月将提供更新评估": mid-February to March 2021.
	pageWave2 = []string{
		"Microsoft Certified: Azure AI Engineer Associate",
		"Microsoft Certified: Azure Data Engineer Associate",
		"Microsoft Certified: Azure Database Administrator Associate",
		"Microsoft Certified: Data Analyst Associate",
		"Microsoft Certified: Dynamics 365 Marketing Functional Consultant Associate",
		"Microsoft Certified: Dynamics 365 Supply Chain Management, Manufacturing Functional Consultant Associate",
		"Microsoft Certified: Dynamics 365 Finance and Operations Apps Developer Associate",
		"Microsoft Certified: Dynamics 365 Finance and Operations Apps Solution Architect Expert",
	}
	// RULES R1, by name: any one of the associates lets the expert be earned.
	pagePrerequisites = map[string][]string{
		"Microsoft Certified: Azure Solutions Architect Expert": {
			"Microsoft Certified: Azure Administrator Associate",
		},
		"Microsoft Certified: DevOps Engineer Expert": {
			"Microsoft Certified: Azure Administrator Associate",
			"Microsoft Certified: Azure Developer Associate",
		},
		"Microsoft 365 Certified: Enterprise Administrator Expert": {
			"Microsoft 365 Certified: Modern Desktop Administrator Associate",
			"Microsoft 365 Certified: Security Administrator Associate",
			"Microsoft 365 Certified: Messaging Administrator Associate",
			"Microsoft 365 Certified: Teams Administrator Associate",
		},
		"Microsoft Certified: Dynamics 365 Finance and Operations Apps Solution Architect Expert": {
			"Microsoft Certified: Dynamics 365 Finance Functional Consultant Associate",
			"Microsoft Certified: Dynamics 365 Supply Chain Management Functional Consultant Associate",
			"Microsoft Certified: Dynamics 365 Supply Chain Management, Manufacturing Functional Consultant Associate",
			"Microsoft Certified: Dynamics 365 Finance and Operations Apps Developer Associate",
		},
	}
)

func names(c cert.Catalog) []string {
	var ns []string
	for x := range c.All() {
		ns = append(ns, x.Name)
	}
	return ns
}

func TestRoadmap(t *testing.T) {
	r := cert.Roadmap()
	all := slices.Collect(r.All())

	t.Run("H1 27 titles", func(t *testing.T) {
		if len(all) != 27 || r.Len() != 27 {
			t.Errorf("All() yields %d titles and Len() is %d, want 27", len(all), r.Len())
		}
	})

	t.Run("H1 the page's names in the page's order", func(t *testing.T) {
		want := slices.Concat(pageWave1, pageWave2)
		if diff := cmp.Diff(want, names(r)); diff != "" {
			t.Errorf("names mismatch (-want +got):\n%s", diff)
		}
		for _, n := range want {
			if !slices.Contains(names(r), n) {
				t.Errorf("the page's title %q is missing", n)
			}
		}
	})

	t.Run("H1 the order is stable", func(t *testing.T) {
		for range 3 {
			if diff := cmp.Diff(all, slices.Collect(cert.Roadmap().All())); diff != "" {
				t.Fatalf("a second Roadmap() differs (-first +second):\n%s", diff)
			}
			if diff := cmp.Diff(all, slices.Collect(r.All())); diff != "" {
				t.Fatalf("a second All() differs (-first +second):\n%s", diff)
			}
		}
	})

	t.Run("H1 levels", func(t *testing.T) {
		count := map[cert.Level]int{}
		for _, c := range all {
			count[c.Level]++
			if !c.Level.IsValid() {
				t.Errorf("%s has level %v", c.ID, c.Level)
			}
		}
		want := map[cert.Level]int{cert.Expert: 4, cert.Specialty: 2, cert.Associate: 21}
		if diff := cmp.Diff(want, count); diff != "" {
			t.Errorf("level counts mismatch (-want +got):\n%s", diff)
		}
		for _, c := range all {
			want := cert.Associate
			switch {
			case strings.HasSuffix(c.Name, " Expert"):
				want = cert.Expert
			case strings.HasSuffix(c.Name, " Specialty"):
				want = cert.Specialty
			}
			if c.Level != want {
				t.Errorf("%q has level %v, want %v", c.Name, c.Level, want)
			}
		}
	})

	t.Run("H1 renewal days of the two waves", func(t *testing.T) {
		wave1, wave2 := day("2021-02-01"), day("2021-02-15")
		n1, n2 := 0, 0
		for _, c := range all {
			switch {
			case slices.Contains(pageWave1, c.Name):
				n1++
				if c.RenewalFrom != wave1 {
					t.Errorf("%s: RenewalFrom %v, want %v", c.ID, c.RenewalFrom, wave1)
				}
				if c.RenewalFrom.Before(day("2021-02-01")) || c.RenewalFrom.After(day("2021-02-10")) {
					t.Errorf("%s: RenewalFrom %v is not in early February 2021", c.ID, c.RenewalFrom)
				}
			case slices.Contains(pageWave2, c.Name):
				n2++
				if c.RenewalFrom != wave2 {
					t.Errorf("%s: RenewalFrom %v, want %v", c.ID, c.RenewalFrom, wave2)
				}
				if c.RenewalFrom.Before(day("2021-02-11")) || c.RenewalFrom.After(day("2021-03-31")) {
					t.Errorf("%s: RenewalFrom %v is not in mid-February to March 2021", c.ID, c.RenewalFrom)
				}
			default:
				t.Errorf("%s: %q is not on the page", c.ID, c.Name)
			}
		}
		if n1 != 19 || n2 != 8 {
			t.Errorf("%d titles in wave 1 and %d in wave 2, want 19 and 8", n1, n2)
		}
	})

	t.Run("R1 prerequisites", func(t *testing.T) {
		nameOf := map[cert.ID]string{}
		for _, c := range all {
			nameOf[c.ID] = c.Name
		}
		got := map[string][]string{}
		for _, c := range all {
			if len(c.Prerequisites) == 0 {
				continue
			}
			for _, id := range c.Prerequisites {
				n, ok := nameOf[id]
				if !ok {
					t.Errorf("%s: prerequisite %q is not in the roadmap", c.ID, id)
				}
				got[c.Name] = append(got[c.Name], n)
			}
			slices.Sort(got[c.Name])
		}
		want := map[string][]string{}
		for k, v := range pagePrerequisites {
			want[k] = slices.Sorted(slices.Values(v))
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("prerequisites mismatch (-want +got):\n%s", diff)
		}
	})

	t.Run("H1 facts not on the page are left unknown", func(t *testing.T) {
		for _, c := range all {
			if !c.Launched.IsZero() || !c.ExamRevised.IsZero() || len(c.ExamLanguages) != 0 {
				t.Errorf("%s: Launched %v, ExamRevised %v, ExamLanguages %v, want none", c.ID, c.Launched, c.ExamRevised, c.ExamLanguages)
			}
		}
	})

	t.Run("H1 Lookup finds each title by its ID", func(t *testing.T) {
		for _, want := range all {
			got, ok := r.Lookup(want.ID)
			if !ok {
				t.Errorf("Lookup(%q) found nothing", want.ID)
				continue
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("Lookup(%q) mismatch (-want +got):\n%s", want.ID, diff)
			}
		}
	})

	t.Run("H1 passes NewCatalog's checks", func(t *testing.T) {
		c, err := cert.NewCatalog(slices.Collect(r.All())...)
		if err != nil {
			t.Fatalf("NewCatalog(Roadmap) = %v", err)
		}
		if diff := cmp.Diff(all, slices.Collect(c.All())); diff != "" {
			t.Errorf("rebuilt catalog mismatch (-want +got):\n%s", diff)
		}
	})

	t.Run("H1 each call returns a catalog of its own", func(t *testing.T) {
		a := cert.Roadmap()
		x, _ := a.Lookup("devops-engineer")
		if len(x.Prerequisites) == 0 {
			t.Fatal("devops-engineer has no prerequisites")
		}
		x.Prerequisites[0] = "tampered"
		b := cert.Roadmap()
		y, _ := b.Lookup("devops-engineer")
		if slices.Contains(y.Prerequisites, "tampered") {
			t.Error("changing one Roadmap() changed the next")
		}
	})
}
