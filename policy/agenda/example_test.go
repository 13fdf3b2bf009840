package agenda_test

import (
	"fmt"

	"github.com/certrenew/certrenew/cert"
	"github.com/certrenew/certrenew/policy"
	"github.com/certrenew/certrenew/policy/agenda"
	"github.com/certrenew/certrenew/policy/history"
)

func ExamplePlanner_Agenda() {
	r := history.Replayer{Policy: policy.Microsoft(), Catalog: cert.Roadmap()}
	st, _ := r.Replay("1000001", []history.Event{
		history.Earn("azure-administrator", cert.MustParseDate("2021-07-15")),
	}, cert.MustParseDate("2021-12-01"))
	pl := agenda.Planner{Policy: r.Policy, Catalog: r.Catalog}
	for _, it := range pl.Agenda(st, cert.MustParseDate("2021-12-01")) {
		fmt.Println(it.On, it.Kind, it.N)
	}
	// Output:
	// 2022-01-15 WindowOpens 0
	// 2022-01-15 Reminder 1
	// 2022-04-16 Reminder 2
	// 2022-06-15 Reminder 3
	// 2022-07-08 Reminder 4
	// 2022-07-14 LastDay 0
	// 2022-07-15 Expires 0
}

func ExamplePlanner_AppendDue() {
	r := history.Replayer{Policy: policy.Microsoft(), Catalog: cert.Roadmap()}
	st, _ := r.Replay("1000001", []history.Event{
		history.Earn("azure-administrator", cert.MustParseDate("2021-07-15")),
	}, cert.MustParseDate("2022-01-15"))
	pl := agenda.Planner{Policy: r.Policy, Catalog: r.Catalog}
	buf := make([]agenda.Item, 0, 16) // reused for every holder: no allocation
	for _, it := range pl.AppendDue(buf[:0], st, cert.MustParseDate("2022-01-15")) {
		fmt.Println(it.Cert, it.Kind)
	}
	// Output:
	// azure-administrator WindowOpens
	// azure-administrator Reminder
}
