package agenda_test

import (
	"slices"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/certrenew/certrenew/assessment"
	"github.com/certrenew/certrenew/cert"
	"github.com/certrenew/certrenew/policy/agenda"
	"github.com/certrenew/certrenew/policy/history"
)

// FuzzAgenda builds states from raw bytes, as stored data may be (an expiry
// before the earn day, a title not in the catalog, attempts anywhere), and
// checks that the agenda is in order and starts on the day, and that the
// items due on a day are the agenda's items on it, in its order.
func FuzzAgenda(f *testing.F) {
	f.Add([]byte{0, 10, 20, 3, 1, 200, 100, 0}, int32(400), int32(30))
	f.Add([]byte{5, 0, 0, 0, 2, 1, 1, 9, 255, 255, 255, 255}, int32(0), int32(0))
	f.Add([]byte{3, 128, 64, 2, 4, 99, 17, 3}, int32(800), int32(-5))
	f.Fuzz(func(t *testing.T, data []byte, day0, ahead int32) {
		base := day("2019-01-01")
		var st history.State
		for len(data) >= 4 && len(st.Profile.Credentials) < 6 {
			id := ids[int(data[0])%len(ids)]
			if data[0] >= 200 {
				id = "contoso-unknown"
			}
			earned := base.AddDays(int(data[1]) * 4)
			expires := earned.AddMonths(int(data[2]%40) - 4)
			cr := cert.Credential{Cert: id, Earned: earned, Expires: expires}
			var attempts []assessment.Attempt
			for k := range int(data[3] % 4) {
				attempts = append(attempts, assessment.Attempt{At: expires.AddDays(-int(data[3])).In(time.UTC).Add(time.Duration(k) * time.Hour)})
			}
			cy, err := assessment.NewCycle(cr, attempts)
			if err != nil {
				t.Fatal(err)
			}
			st.Profile.Credentials = append(st.Profile.Credentials, cr)
			st.Cycles = append(st.Cycles, cy)
			data = data[4:]
		}
		on := base.AddDays(int(day0 % 4000))
		items := planner.Agenda(st, on)
		for i, it := range items {
			if it.On.Before(on) || !it.Kind.IsValid() {
				t.Fatalf("item %v before %s", it, on)
			}
			if i > 0 && items[i-1].On.After(it.On) {
				t.Fatalf("items out of order: %v, %v", items[i-1], it)
			}
		}
		d := on.AddDays(int(ahead % 800))
		if len(items) > 0 && ahead%2 == 0 {
			d = items[int(uint32(ahead))%len(items)].On
		}
		want := slices.DeleteFunc(slices.Clone(items), func(it agenda.Item) bool { return it.On != d })
		if d.Before(on) {
			want = slices.DeleteFunc(planner.Agenda(st, d), func(it agenda.Item) bool { return it.On != d })
		}
		if diff := cmp.Diff(want, planner.AppendDue(nil, st, d), cmpopts.EquateEmpty()); diff != "" {
			t.Fatalf("due on %s (-agenda +due):\n%s", d, diff)
		}
	})
}
